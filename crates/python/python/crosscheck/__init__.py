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
import json as _json
import warnings as _warnings
from typing import Any, Optional, Union

from . import _native

__all__ = ["extract", "InputError", "CrosscheckWarning", "__version__"]

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
