"""crosscheck on Apache Spark: the comparison of collections larger than one
machine holds, with the findings of the single-machine CLI.

>>> from crosscheck import spark as ccs             # doctest: +SKIP
>>> findings = ccs.compare(articles_df, date="2022-01-27")   # doctest: +SKIP
>>> findings.where("severity = 'high'").show()      # doctest: +SKIP

``articles_df`` has the columns ``id`` and ``text`` and optionally
``source``, ``title``, ``published`` (``YYYY-MM-DD`` text, a date or a
timestamp) and ``url``; other columns are ignored. Ids must be unique.

The stages (docs/spark.md says what each one costs):

1. **Extract** (``mapInArrow``, one Arrow batch at a time, no shuffle):
   per article its extraction (JSON), its story features (a few KB: the
   hashed key counts and MinHash sketch story grouping needs) and its
   claim statistics (how many claims, which claim words).
2. **Stories**, on the driver, from the ids and story features alone: the
   same global grouping as the CLI (``crosscheck_align::stories``). The
   story id of every article goes back to the cluster as a small
   DataFrame joined on ``id``.
3. **Claim statistics**: the word counts summed by Spark (a ``groupBy``
   on the word), words counted more than once broadcast to the executors:
   the comparison weighs words by the whole collection, as the CLI does.
4. **Compare** (``groupBy("story").applyInArrow``): Spark shuffles the
   extractions by story; each story is compared alone, as the CLI compares
   it among all the articles, and gives the CSV rows of its findings.

The result has the CSV report's columns (all text, as
:meth:`crosscheck.Report.to_pandas`), the same rows as ``crosscheck compare
--format csv`` in no particular order: sort by ``story``, ``finding_id``,
``variant``, ``article``, ``span`` for a stable order.
"""

from __future__ import annotations

import csv as _csv
import io as _io
import json as _json
import uuid as _uuid
from typing import Any, Dict, Iterator, List, Optional

from . import InputError, _article_tuple, _date_str, _native

__all__ = ["compare", "extract", "CSV_COLUMNS", "EXTRACT_COLUMNS"]

_ARTICLE_COLUMNS = ("id", "text", "source", "title", "published", "url")

#: The columns of :func:`compare`'s result: those of the CSV report
#: (docs/csv-schema.md), in its order, as the Rust report writer names them.
CSV_COLUMNS = tuple(_native.csv_columns())

#: The columns of :func:`extract`'s result: the fields of the extract JSON
#: (docs/extract-schema.md). The article fields are text; the lists
#: (``sentences`` ... ``diagnostics``) are JSON arrays as text, read with
#: ``pyspark.sql.functions.from_json`` when needed.
EXTRACT_COLUMNS = (
    "id",
    "source",
    "title",
    "url",
    "language",
    "published",
    "text",
    "origin",
    "sentences",
    "quotes",
    "dates",
    "quantities",
    "entities",
    "diagnostics",
)

_PREPARED_SCHEMA = (
    "id string, extraction string, features binary, claims long, "
    "words array<string>, counts array<long>"
)


def _csv_schema() -> str:
    return ", ".join(f"{c} string" for c in CSV_COLUMNS)


def _articles(df: Any):
    """The article columns of ``df`` as text, missing ones as nulls."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    fields = {f.name: f.dataType for f in df.schema.fields}
    missing = [c for c in ("id", "text") if c not in fields]
    if missing:
        raise InputError(
            f"the articles DataFrame has no {', '.join(missing)} column; "
            f"expected {', '.join(_ARTICLE_COLUMNS)}"
        )
    dated = (T.DateType, T.TimestampType, T.TimestampNTZType)
    cols = []
    for c in _ARTICLE_COLUMNS:
        if c not in fields:
            cols.append(F.lit(None).cast("string").alias(c))
        elif c == "published" and isinstance(fields[c], dated):
            cols.append(F.date_format(F.col(c), "yyyy-MM-dd").alias(c))
        else:
            cols.append(F.col(c).cast("string").alias(c))
    return df.select(*cols)


def _rows(batch) -> List[tuple]:
    """The articles of an Arrow batch as checked article tuples."""
    cols = {c: batch.column(c).to_pylist() for c in _ARTICLE_COLUMNS}
    out = []
    for i in range(batch.num_rows):
        out.append(_article_tuple({c: cols[c][i] for c in _ARTICLE_COLUMNS}, i))
    return out


def _config_json(config: Optional[dict]) -> Optional[str]:
    if config is None:
        return None
    if not isinstance(config, dict):
        raise InputError(f"config must be a dict, not {type(config).__name__}")
    config_json = _json.dumps(config)
    # unknown keys and wrong types fail here, on the driver
    _native.spark_stories([], [], config_json)
    return config_json


def _prepare(date: Optional[str], config_json: Optional[str]):
    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        schema = pa.schema(
            [
                ("id", pa.string()),
                ("extraction", pa.string()),
                ("features", pa.binary()),
                ("claims", pa.int64()),
                ("words", pa.list_(pa.string())),
                ("counts", pa.list_(pa.int64())),
            ]
        )
        for batch in batches:
            prepared = _native.spark_prepare(_rows(batch), date, config_json)
            columns = list(zip(*prepared)) if prepared else [[] for _ in range(6)]
            yield pa.RecordBatch.from_arrays(
                [pa.array(list(v), type=f.type) for v, f in zip(columns, schema)],
                schema=schema,
            )

    return run


# Per Python worker: the collection's statistics, built once per broadcast
# (Spark reuses its Python workers across tasks).
_STATS: Dict[str, Any] = {}


def _compare_story(stats_broadcast, key: str, config_json: Optional[str]):
    def run(table):
        import pyarrow as pa

        if key not in _STATS:
            _STATS.clear()
            claims, words, counts = stats_broadcast.value
            _STATS[key] = _native.SparkStats(claims, words, counts)
        text = _native.spark_compare_story(
            table.column("extraction").to_pylist(), _STATS[key], config_json
        )
        rows = list(_csv.reader(_io.StringIO(text, newline="")))[1:]
        columns = list(zip(*rows)) if rows else [[] for _ in CSV_COLUMNS]
        return pa.table(
            {c: pa.array(list(v), type=pa.string()) for c, v in zip(CSV_COLUMNS, columns)}
        )

    return run


def compare(df: Any, date: Any = None, config: Optional[dict] = None):
    """Compare the articles of a Spark DataFrame and return a Spark
    DataFrame of findings: the CSV report's rows (:data:`CSV_COLUMNS`), the
    same rows and finding ids as ``crosscheck compare --format csv`` and
    :func:`crosscheck.compare` on the same articles.

    Parameters
    ----------
    df:
        Articles: ``id``, ``text`` and optionally ``source``, ``title``,
        ``published``, ``url``; ids unique.
    date:
        Fallback publication date (``"YYYY-MM-DD"`` or ``datetime.date``)
        for articles without one, as ``--date``.
    config:
        Matching thresholds, as for :func:`crosscheck.compare`.

    Stories are grouped on the driver (from a few KB per article) and
    the extractions are cached (``MEMORY_AND_DISK``) between the stages;
    the result is computed when an action runs on it. Bad input (an empty
    text, a duplicate id, a bad date) raises :class:`crosscheck.InputError`
    on the driver or fails the Spark job with its message.
    """
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    spark = df.sparkSession
    config_json = _config_json(config)
    date_s = _date_str(date, "(every)")
    if date_s is not None:
        _native.spark_prepare([], date_s, None)  # checks the date
    prepared = (
        _articles(df)
        .mapInArrow(_prepare(date_s, config_json), _PREPARED_SCHEMA)
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    # stories, on the driver, from the ids and features alone
    feats = prepared.select("id", "features").toArrow()
    ids = feats.column("id").to_pylist()
    stories = _native.spark_stories(ids, feats.column("features").to_pylist(), config_json)
    del feats
    import pyarrow as pa

    story_of = spark.createDataFrame(pa.table({"id": ids, "story": stories}))
    del ids, stories
    # the collection's claim statistics: words counted once need not travel
    words = (
        prepared.select(F.explode(F.arrays_zip("words", "counts")).alias("w"))
        .groupBy(F.col("w.words").alias("word"))
        .agg(F.sum("w.counts").alias("n"))
        .where("n >= 2")
        .toArrow()
    )
    claims = prepared.agg(F.sum("claims")).first()[0] or 0
    stats = spark.sparkContext.broadcast(
        (int(claims), words.column("word").to_pylist(), words.column("n").to_pylist())
    )
    del words
    return (
        prepared.select("id", "extraction")
        .join(story_of, "id")
        .groupBy("story")
        .applyInArrow(_compare_story(stats, _uuid.uuid4().hex, config_json), _csv_schema())
    )


def _extract(date: Optional[str]):
    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        lists = EXTRACT_COLUMNS[8:]
        for batch in batches:
            out: Dict[str, list] = {c: [] for c in EXTRACT_COLUMNS}
            for id_, text, source, title, published, url in _rows(batch):
                x = _json.loads(
                    _native.extract_json(
                        text, published or date, id_, source, title, url, None
                    )
                )
                for c in EXTRACT_COLUMNS:
                    v = x.get(c)
                    out[c].append(_json.dumps(v, ensure_ascii=False) if c in lists else v)
            yield pa.RecordBatch.from_pydict(
                {c: pa.array(out[c], type=pa.string()) for c in EXTRACT_COLUMNS}
            )

    return run


def extract(df: Any, date: Any = None):
    """Extract every article of a Spark DataFrame (columns as for
    :func:`compare`): one row per article with the extract JSON's fields
    (:data:`EXTRACT_COLUMNS`), the values :func:`crosscheck.extract` gives.
    ``date`` is the fallback publication date."""
    date_s = _date_str(date, "(every)")
    if date_s is not None:
        _native.spark_prepare([], date_s, None)
    schema = ", ".join(f"{c} string" for c in EXTRACT_COLUMNS)
    return _articles(df).mapInArrow(_extract(date_s), schema)
