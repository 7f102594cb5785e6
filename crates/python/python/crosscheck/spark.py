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
   With ``max_story_articles``, a story of more articles is compared in
   parts (``crosscheck_align::split``): its plan (speakers, repeated
   texts, blocking keys) merged from a summary of each part (a task per
   part, then one per story over the summaries), the matches of every
   pair of parts in a task of its own, then its clusters and findings
   in tasks of the connected components of its matches and repeated
   texts (each reading their articles and building only their claims),
   people tasks for its people and role findings (the persons grouped
   by surname, the groups packed into tasks, each reading the articles
   that name its persons), and a last one that keeps
   one attribution finding per misattributed utterance: the same rows.

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

__all__ = [
    "compare",
    "extract",
    "CSV_COLUMNS",
    "EXTRACT_COLUMNS",
    "MAX_STORY_ARTICLES",
    "MAX_WARNINGS",
]

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
    "words array<string>, counts array<long>, warnings array<string>"
)

#: At most this many of the workers' warnings are issued on the driver by
#: :func:`compare`; one more warning says how many were left out.
MAX_WARNINGS = 100


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


def _warn_on_driver(prepared) -> None:
    """The workers' warnings (relative dates left unresolved in undated
    articles), issued on the driver as :class:`crosscheck.CrosscheckWarning`,
    in id order: the first :data:`MAX_WARNINGS`, then how many more."""
    import warnings

    from pyspark.sql import functions as F

    from . import CrosscheckWarning

    warned = prepared.where(F.size("warnings") > 0)
    first = warned.select("id", "warnings").orderBy("id").limit(MAX_WARNINGS + 1).collect()
    lines = [w for row in first for w in row["warnings"]]
    for w in lines[:MAX_WARNINGS]:
        warnings.warn(w, CrosscheckWarning, stacklevel=3)
    if len(lines) > MAX_WARNINGS:
        total = warned.select(F.sum(F.size("warnings"))).first()[0]
        warnings.warn(
            f"{total - MAX_WARNINGS} more warnings of the workers not shown "
            f"(crosscheck.spark.MAX_WARNINGS = {MAX_WARNINGS})",
            CrosscheckWarning,
            stacklevel=3,
        )


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
                ("warnings", pa.list_(pa.string())),
            ]
        )
        for batch in batches:
            prepared = _native.spark_prepare(_rows(batch), date, config_json)
            columns = list(zip(*prepared)) if prepared else [[] for _ in range(7)]
            yield pa.RecordBatch.from_arrays(
                [pa.array(list(v), type=f.type) for v, f in zip(columns, schema)],
                schema=schema,
            )

    return run


# Per Python worker: the collection's statistics, built once per broadcast
# (Spark reuses its Python workers across tasks).
_STATS: Dict[str, Any] = {}


def _stats(stats_broadcast, key: str):
    if key not in _STATS:
        _STATS.clear()
        claims, words, counts = stats_broadcast.value
        _STATS[key] = _native.SparkStats(claims, words, counts)
    return _STATS[key]


def _csv_table(text: str):
    """A story's CSV report as an Arrow table of :data:`CSV_COLUMNS`."""
    import pyarrow as pa

    rows = list(_csv.reader(_io.StringIO(text, newline="")))[1:]
    columns = list(zip(*rows)) if rows else [[] for _ in CSV_COLUMNS]
    return pa.table(
        {c: pa.array(list(v), type=pa.string()) for c, v in zip(CSV_COLUMNS, columns)}
    )


def _compare_story(stats_broadcast, key: str, config_json: Optional[str]):
    def run(table):
        text = _native.spark_compare_story(
            table.column("extraction").to_pylist(), _stats(stats_broadcast, key), config_json
        )
        return _csv_table(text)

    return run


def _split_summary(config_json: Optional[str]):
    """Stage 1a of a split story: the summary of one of its parts, from
    the part's extractions (1-2 KB per article)."""

    def run(table):
        import pyarrow as pa

        summary = _native.spark_split_summary(table.column("extraction").to_pylist(), config_json)
        story = table.column("story")[0].as_py()
        return pa.table({"story": [story], "summary": [summary]})

    return run


def _split_plan(config_json: Optional[str]):
    """Stage 1b of a split story: its plan, from its parts' summaries
    (no extraction is read)."""

    def run(table):
        import pyarrow as pa

        plan = _native.spark_split_plan_from(table.column("summary").to_pylist(), config_json)
        story = table.column("story")[0].as_py()
        return pa.table({"story": [story], "plan": [plan]})

    return run


def _split_edges(plans_broadcast, stats_broadcast, key: str, config_json: Optional[str]):
    """Stage 2: the matches between two parts ``pa <= pb`` of a story."""

    def run(table):
        import pyarrow as pa

        story = table.column("story")[0].as_py()
        first = table.column("pa")[0].as_py()
        second = table.column("pb")[0].as_py()
        parts = table.column("part").to_pylist()
        texts = table.column("extraction").to_pylist()
        part = [x for p, x in zip(parts, texts) if p == first]
        other = [x for p, x in zip(parts, texts) if p == second] if second != first else []
        edges = _native.spark_split_edges(
            part,
            other,
            plans_broadcast.value[story],
            _stats(stats_broadcast, key),
            config_json,
        )
        a, b, score = (list(v) for v in zip(*edges)) if edges else ([], [], [])
        return pa.table(
            {
                "story": pa.array([story] * len(a), type=pa.string()),
                "a": pa.array(a, type=pa.int64()),
                "b": pa.array(b, type=pa.int64()),
                "score": pa.array(score, type=pa.float64()),
            }
        )

    return run


def _split_partition(plans_broadcast, max_articles: int, config_json: Optional[str]):
    """Stage 3a of a split story: its finish cut into tasks (components of
    its matches and repeated texts), from its plan and all its matches."""

    def run(stories, edges):
        import pyarrow as pa

        story = (stories if stories.num_rows else edges).column("story")[0].as_py()
        matches = list(
            zip(
                edges.column("a").to_pylist(),
                edges.column("b").to_pylist(),
                edges.column("score").to_pylist(),
            )
        )
        tasks = _native.spark_split_partition(
            plans_broadcast.value[story], matches, max_articles, config_json
        )
        return pa.table(
            {
                "story": pa.array([story] * len(tasks), type=pa.string()),
                "task": pa.array([t[0] for t in tasks], type=pa.int64()),
                "ids": pa.array([t[1] for t in tasks], type=pa.list_(pa.string())),
                "part": pa.array([t[2] for t in tasks], type=pa.string()),
            }
        )

    return run


def _split_finish_part(stats_broadcast, key: str, config_json: Optional[str]):
    """Stage 3b: one task of a split story's finish, from the articles its
    part names: the CSV rows of its findings, and its attribution findings
    (JSON, in the ``found`` column) for the story's merge."""

    def run(articles, part):
        import pyarrow as pa

        text, found = _native.spark_split_finish_part(
            articles.column("extraction").to_pylist() if articles.num_rows else [],
            part.column("part")[0].as_py(),
            _stats(stats_broadcast, key),
            config_json,
        )
        rows = _csv_table(text)
        story = part.column("story")[0].as_py()
        rows = rows.append_column("found", pa.array([None] * rows.num_rows, type=pa.string()))
        extra = {c: pa.array([None] * len(found), type=pa.string()) for c in CSV_COLUMNS}
        extra["story"] = pa.array([story] * len(found), type=pa.string())
        extra["found"] = pa.array(found, type=pa.string())
        return pa.concat_tables([rows, pa.table(extra)])

    return run


def _split_merge():
    """Stage 3c: a split story's attribution findings, one kept per
    misattributed utterance over the whole story, as CSV rows."""

    def run(table):
        return _csv_table(_native.spark_split_merge(table.column("found").to_pylist()))

    return run


#: The default of ``compare(max_story_articles=...)``: ``None``, every story
#: is compared whole. Comparing in parts gives the same rows and bounds
#: the memory of a story's tasks (docs/spark.md, "Stories too large for
#: one task"), for more CPU in all and a larger shuffle.
MAX_STORY_ARTICLES: Optional[int] = None


def _parts_of(ids: List[str], stories: List[str], max_story_articles: Optional[int]):
    """Per article (in the order of ``ids``), its part of its story and the
    story's number of parts: one part for a story of at most
    ``max_story_articles`` articles, else ``ceil(n / max)`` parts of
    consecutive articles in id order."""
    members: Dict[str, List[int]] = {}
    for i, s in enumerate(stories):
        members.setdefault(s, []).append(i)
    part = [0] * len(ids)
    parts = [1] * len(ids)
    for idx in members.values():
        n = len(idx)
        if max_story_articles is None or n <= max_story_articles:
            continue
        k = -(-n // max_story_articles)
        for rank, i in enumerate(sorted(idx, key=lambda i: ids[i])):
            part[i] = rank * k // n
            parts[i] = k
    return part, parts


def compare(
    df: Any,
    date: Any = None,
    config: Optional[dict] = None,
    max_story_articles: Optional[int] = MAX_STORY_ARTICLES,
):
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
    max_story_articles:
        ``None`` (the default) compares every story whole, in one task. A
        number: a story of more articles is compared in parts of at most
        this many articles (the story's plan, the matches of every pair of
        parts in a task of its own, then the story's clusters and findings
        from them): the same rows, with the matching of the story spread
        over ``k (k + 1) / 2`` tasks, its plan made from a summary of each
        part, and its clusters and findings made in tasks of the
        connected components of its matches, each reading only their
        articles (docs/spark.md: a component every article of the story
        is in is read by one task, and so are the articles that name a
        person, for the role findings).

    The workers' warnings (relative dates left unresolved in articles
    without a publication date) are issued on the driver as
    :class:`crosscheck.CrosscheckWarning` when ``compare`` is called (the
    first :data:`MAX_WARNINGS`, in id order, then how many more).

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
    if max_story_articles is not None and (
        isinstance(max_story_articles, bool)
        or not isinstance(max_story_articles, int)
        or max_story_articles < 1
    ):
        raise InputError(
            f"max_story_articles must be None or a whole number >= 1, "
            f"not {max_story_articles!r}"
        )
    date_s = _date_str(date, "(every)")
    if date_s is not None:
        _native.spark_prepare([], date_s, None)  # checks the date
    prepared = (
        _articles(df)
        .mapInArrow(_prepare(date_s, config_json), _PREPARED_SCHEMA)
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    _warn_on_driver(prepared)
    # stories, on the driver, from the ids and features alone
    feats = prepared.select("id", "features").toArrow()
    ids = feats.column("id").to_pylist()
    stories = _native.spark_stories(ids, feats.column("features").to_pylist(), config_json)
    del feats
    import pyarrow as pa

    part, parts = _parts_of(ids, stories, max_story_articles)
    split = {s for s, k in zip(stories, parts) if k > 1}
    story_of = spark.createDataFrame(
        pa.table({"id": ids, "story": stories, "part": part, "parts": parts})
    )
    del ids, stories, part, parts
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
    key = _uuid.uuid4().hex
    articles = prepared.select("id", "extraction").join(story_of, "id")
    whole = (
        articles.where("parts = 1")
        .select("story", "extraction")
        .groupBy("story")
        .applyInArrow(_compare_story(stats, key, config_json), _csv_schema())
    )
    if not split:
        return whole
    # stories too large for one task: plan (from the parts' summaries),
    # matches per pair of parts, then clusters and findings from the matches
    big = articles.where("parts > 1").select("id", "story", "part", "parts", "extraction")
    # the plan: each part summarised in a task of its own, the summaries
    # of a story merged into its plan in another (small data)
    plans = (
        big.select("story", "part", "extraction")
        .groupBy("story", "part")
        .applyInArrow(_split_summary(config_json), "story string, summary string")
        .groupBy("story")
        .applyInArrow(_split_plan(config_json), "story string, plan string")
        .toArrow()
    )
    plans_broadcast = spark.sparkContext.broadcast(
        dict(zip(plans.column("story").to_pylist(), plans.column("plan").to_pylist()))
    )
    del plans
    # each article goes to the k pairs of parts that hold its part
    pairs = big.select(
        "story",
        "part",
        "extraction",
        F.explode(F.sequence(F.lit(0), F.col("parts") - 1)).alias("j"),
    ).select(
        "story",
        "part",
        "extraction",
        F.least("part", "j").alias("pa"),
        F.greatest("part", "j").alias("pb"),
    )
    edges = pairs.groupBy("story", "pa", "pb").applyInArrow(
        _split_edges(plans_broadcast, stats, key, config_json),
        "story string, a long, b long, score double",
    )
    # the finish: cut into tasks per story from its plan and matches (the
    # components of the matches and repeated texts), each task reading the
    # articles of its components, the attribution findings merged per story
    names = spark.createDataFrame(pa.table({"story": sorted(split)}))
    tasks = (
        names.groupBy("story")
        .cogroup(edges.groupBy("story"))
        .applyInArrow(
            _split_partition(plans_broadcast, max_story_articles, config_json),
            "story string, task long, ids array<string>, part string",
        )
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    # (renamed: the tasks are on both sides of the cogroup below)
    needs = tasks.select(
        F.col("story").alias("need_story"),
        F.col("task").alias("need_task"),
        F.explode("ids").alias("need_id"),
    )
    results = (
        big.join(needs, (big.story == needs.need_story) & (big.id == needs.need_id))
        .select("need_story", "need_task", "extraction")
        .groupBy("need_story", "need_task")
        .cogroup(tasks.select("story", "task", "part").groupBy("story", "task"))
        .applyInArrow(
            _split_finish_part(stats, key, config_json), _csv_schema() + ", found string"
        )
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    rows = results.where("found is null").select(*CSV_COLUMNS)
    attributions = (
        results.where("found is not null")
        .select("story", "found")
        .groupBy("story")
        .applyInArrow(_split_merge(), _csv_schema())
    )
    # `prepared`, `tasks` and `results` stay persisted: the result is lazy
    # and reads them when the caller's action runs (unpersisted here, they
    # would be recomputed, the finish tasks twice)
    return whole.unionByName(rows).unionByName(attributions)


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
