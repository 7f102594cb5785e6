"""crosscheck: cross-source claim comparison for news.

Extract the quotes (with who said them) and the facts (dates, quantities,
people with their roles, organisations, places) of news articles, with
exact character spans, as the ``crosscheck`` command-line tool does.

>>> import crosscheck
>>> x = crosscheck.extract("“We prefer diplomacy,” Antony Blinken said on Wednesday.",
...                        date="2022-01-27", id="wire-1")
>>> x["quotes"][0]["speaker"]
'Antony Blinken'

Spans are **byte** offsets into the UTF-8 text, as in the CLI's JSON: use
``text.encode()[start:end].decode()`` to slice them.
"""

from __future__ import annotations

import datetime as _dt
import io as _io
import json as _json
import math as _math
import os as _os
import warnings as _warnings
from typing import Any, Dict, Iterable, List, Optional, Union

from . import _native

__all__ = ["compare", "extract", "Report", "InputError", "CrosscheckWarning", "__version__"]

__version__: str = _native.__version__

InputError = _native.InputError
InputError.__module__ = "crosscheck"


class CrosscheckWarning(UserWarning):
    """A problem that did not stop the work (e.g. a relative date left
    unresolved because the article has no date)."""


_META = ("id", "source", "title", "url", "language")

DateLike = Union[str, _dt.date, None]


def _date_str(date: DateLike, who: str) -> Optional[str]:
    if date is None:
        return None
    if isinstance(date, _dt.datetime):
        return date.date().isoformat()
    if isinstance(date, _dt.date):
        return date.isoformat()
    if isinstance(date, str):
        return date
    raise InputError(
        f"article {who!r}: date must be a 'YYYY-MM-DD' string or a datetime.date, "
        f"not {type(date).__name__}"
    )


def extract(text: str, date: DateLike = None, **meta: Any) -> dict:
    """Extract the quotes and facts of one article.

    Parameters
    ----------
    text:
        The article body.
    date:
        The article's publication date (``"YYYY-MM-DD"`` or a
        ``datetime.date``): the reference for relative dates such as
        "on Wednesday". Without it they stay unresolved, with a
        :class:`CrosscheckWarning`.
    **meta:
        Optional ``id`` (default ``"article"``), ``source``, ``title``,
        ``url``, ``language``, all strings.

    Returns
    -------
    dict
        The JSON object ``crosscheck extract`` prints for the article:
        the article fields, then ``sentences``, ``quotes``, ``dates``,
        ``quantities``, ``entities`` and ``diagnostics``, every item with
        its ``span`` as ``[start, end]`` byte offsets.

    Raises
    ------
    InputError
        (a ``ValueError``) naming the article and the reason: empty text,
        an empty id, a date that is not ``YYYY-MM-DD``, an unknown or
        non-string metadata field.
    """
    who = meta.get("id", "article")
    unknown = sorted(set(meta) - set(_META))
    if unknown:
        raise InputError(
            f"article {who!r}: unknown field(s) {', '.join(unknown)}; "
            f"expected {', '.join(_META)}"
        )
    for key, value in meta.items():
        if value is not None and not isinstance(value, str):
            raise InputError(
                f"article {who!r}: {key} must be a string, not {type(value).__name__}"
            )
    if not isinstance(text, str):
        raise InputError(f"article {who!r}: text must be a string, not {type(text).__name__}")
    if meta.get("id") is None:
        meta.pop("id", None)
    result = _json.loads(_native.extract_json(text, _date_str(date, who), **meta))
    _warn_about(result, date is None)
    return result


def _warn_about(extraction: dict, undated: bool) -> None:
    who = extraction.get("id")
    for d in extraction.get("diagnostics", []):
        if d.get("severity") == "warning":
            _warnings.warn(f"{d.get('origin')}: {d.get('message')}", CrosscheckWarning, stacklevel=3)
    if undated:
        relative = [
            d["text"]
            for d in extraction.get("dates", [])
            if d.get("reading") == "relative" and not d.get("resolved") and d.get("reference") != "present"
        ]
        if relative:
            _warnings.warn(
                f"article {who!r}: {len(relative)} relative date(s) left unresolved "
                f"(no date given): {', '.join(repr(t) for t in relative[:3])}",
                CrosscheckWarning,
                stacklevel=3,
            )


_ARTICLE_KEYS = ("id", "text", "source", "title", "published", "url")


def _missing(value: Any) -> bool:
    """None, or a pandas/NumPy missing value (NaN, NaT, pd.NA)."""
    if value is None:
        return True
    if isinstance(value, float) and _math.isnan(value):
        return True
    return type(value).__name__ in ("NaTType", "NAType")


def _article_tuple(row: Dict[str, Any], position: int) -> tuple:
    who = row.get("id")
    who = who if isinstance(who, str) and who else f"#{position}"
    unknown = sorted(set(row) - set(_ARTICLE_KEYS))
    if unknown:
        raise InputError(
            f"article {who!r}: unknown field(s) {', '.join(map(str, unknown))}; "
            f"expected {', '.join(_ARTICLE_KEYS)}"
        )
    values = {}
    for key in _ARTICLE_KEYS:
        value = row.get(key)
        if _missing(value):
            value = None
        if key == "published" and value is not None:
            value = _date_str(value if not hasattr(value, "to_pydatetime") else value.to_pydatetime(), who)
        if value is not None and not isinstance(value, str):
            raise InputError(f"article {who!r}: {key} must be a string, not {type(value).__name__}")
        values[key] = value
    if not values["id"]:
        raise InputError(f"article {who!r}: missing or empty id")
    if values["text"] is None:
        raise InputError(f"article {who!r}: missing text")
    return tuple(values[k] for k in _ARTICLE_KEYS)


def _is_dataframe(x: Any) -> bool:
    return hasattr(x, "to_dict") and hasattr(x, "columns") and hasattr(x, "iterrows")


class Report:
    """The result of :func:`compare`: the findings, and the reports the CLI
    writes (``to_csv`` is byte for byte ``crosscheck compare --format csv``).
    """

    def __init__(self, native: "_native.NativeReport") -> None:
        self._native = native
        self._cache: Dict[str, str] = {}

    def _render(self, fmt: str) -> str:
        if fmt not in self._cache:
            self._cache[fmt] = self._native.render(fmt)
        return self._cache[fmt]

    def to_json(self) -> dict:
        """The JSON report (``--format json``) as a dict."""
        return _json.loads(self._render("json"))

    @property
    def findings(self) -> List[dict]:
        """The findings (claim clusters), story by story as in the JSON
        report: dicts with ``finding_id``, ``kind``, ``severity``,
        ``confidence`` (float), ``story`` (its id), ``cluster`` (the claim
        cluster id: findings of one claim share it), ``subject``
        (``quote``, ``sentence`` or ``person``), ``explanation`` and
        ``variants``; each variant has its typed ``value``, ``display``,
        ``articles`` (article ids) and ``mentions`` (``article``, ``span``
        as byte offsets, ``text``, ``speaker``...)."""
        return [
            _finding(f, story["id"], f["variants"])
            for story in self.to_json()["stories"]
            for f in story["findings"]
        ]

    def to_csv(self, path: Union[str, "_os.PathLike[str]", None] = None) -> Optional[str]:
        """Write the CSV report to ``path`` (exactly the CLI's bytes), or
        return it as a string when ``path`` is None."""
        text = self._render("csv")
        if path is None:
            return text
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return None

    def to_html(self, path: Union[str, "_os.PathLike[str]", None] = None) -> Optional[str]:
        """Write the self-contained HTML report to ``path``, or return it."""
        text = self._render("html")
        if path is None:
            return text
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return None

    def to_pandas(self):
        """The CSV report as a pandas DataFrame: one row per finding and
        article, the CSV's columns (all as text, empty cells as "")."""
        import pandas as pd

        return pd.read_csv(_io.StringIO(self._render("csv")), dtype=str, keep_default_na=False)

    def to_arrow(self):
        """The CSV report as a pyarrow Table (the columns of
        :meth:`to_pandas`)."""
        import pyarrow as pa

        return pa.Table.from_pandas(self.to_pandas(), preserve_index=False)

    def __len__(self) -> int:
        return len(self.findings)

    def __repr__(self) -> str:
        return f"<crosscheck.Report: {len(self)} finding(s)>"


def _finding(f: dict, story: Optional[str], variants: Iterable[dict]) -> dict:
    vs = []
    for v in variants:
        v = dict(v)
        v["articles"] = sorted({m.get("article") for m in v.get("mentions", [])})
        vs.append(v)
    return {
        "finding_id": f["id"],
        "kind": f["kind"],
        "severity": f["severity"],
        "confidence": float(f["confidence"]),
        "story": story,
        "cluster": f.get("cluster"),
        "subject": f.get("subject"),
        "explanation": f.get("explanation"),
        "variants": vs,
    }


def compare(inputs: Any, date: DateLike = None, config: Optional[dict] = None) -> Report:
    """Compare articles and return the :class:`Report`.

    Parameters
    ----------
    inputs:
        A list of paths (files or directories, read as ``crosscheck
        compare`` reads them), a list of dicts (``id``, ``text``, optional
        ``source``, ``title``, ``published``, ``url``), or a pandas
        DataFrame with those columns.
    date:
        Fallback date (``"YYYY-MM-DD"`` or ``datetime.date``) for articles
        without one, as ``--date``.
    config:
        Matching thresholds and weights: a dict with any subset of the
        fields of the CLI's ``--config`` TOML file; unknown keys are errors.

    Raises
    ------
    InputError
        naming the file or article and the reason (an unreadable file, a
        duplicate id, fewer than two articles...). Warnings (a dateline
        without a year...) go through :mod:`warnings` as
        :class:`CrosscheckWarning`.
    """
    if isinstance(inputs, (str, _os.PathLike)):
        inputs = [inputs]
    if _is_dataframe(inputs):
        rows = inputs.to_dict(orient="records")
    else:
        rows = list(inputs)
    paths: List[str] = []
    articles: List[tuple] = []
    for i, item in enumerate(rows):
        if isinstance(item, (str, _os.PathLike)):
            paths.append(_os.fspath(item))
        elif isinstance(item, dict):
            articles.append(_article_tuple(item, i))
        else:
            raise InputError(
                f"input #{i}: expected a path or a dict, not {type(item).__name__}"
            )
    if paths and articles:
        raise InputError("inputs mix paths and dicts: give one kind")
    if config is not None and not isinstance(config, dict):
        raise InputError(f"config must be a dict, not {type(config).__name__}")
    config_json = None if config is None else _json.dumps(config)
    native = _native.compare(paths, articles, _date_str(date, "(every)"), config_json)
    for w in native.warnings():
        _warnings.warn(w, CrosscheckWarning, stacklevel=2)
    return Report(native)
