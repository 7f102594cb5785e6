"""crosscheck.spark in local mode (local[2]): the same findings as the CLI
and crosscheck.compare, the same extractions as crosscheck.extract.

pyspark is required: a missing pyspark (or Java) fails this module, it does
not skip it. The articles are a generated corpus (examples/gen_corpus, the
binary `cargo test --workspace` builds) plus seeds/.
"""

import csv
import io
import json
import os
import pathlib
import subprocess
import sys

import pytest
from pyspark.sql import SparkSession

import crosscheck
from crosscheck import spark as ccs

ROOT = pathlib.Path(__file__).resolve().parents[3]
DATE = "2022-01-27"
ARTICLE_COLUMNS = ["id", "text", "source", "title", "published", "url"]


def tool(env, name):
    exe = os.environ.get(env) or str(ROOT / "target" / "debug" / name)
    assert pathlib.Path(exe).exists(), f"no {name} at {exe} (build it, or set {env})"
    return exe


@pytest.fixture(scope="module")
def spark():
    # the workers run this interpreter, where crosscheck is installed
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("crosscheck-test")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Seeds and 240 generated articles: the files, and the articles as
    dicts (read by the CLI's extract, so ids, dates and texts are the
    ones `crosscheck compare` sees)."""
    tmp = tmp_path_factory.mktemp("corpus")
    subprocess.run(
        [tool("CROSSCHECK_GEN_CORPUS", "examples/gen_corpus"), "gen", "--articles", "240",
         "--seed", "17", "--out", str(tmp)],
        check=True,
        capture_output=True,
    )
    inputs = [str(ROOT / "seeds"), str(tmp / "corpus.jsonl")]
    out = subprocess.run(
        [tool("CROSSCHECK_BIN", "crosscheck"), "extract", *inputs, "--date", DATE,
         "--format", "jsonl"],
        check=True,
        capture_output=True,
    ).stdout.decode()
    articles = []
    for line in out.splitlines():
        x = json.loads(line)
        articles.append({k: x.get(k) for k in ARTICLE_COLUMNS})
    assert len(articles) > 240
    return inputs, articles


def dataframe(spark, articles):
    schema = ", ".join(f"{c} string" for c in ARTICLE_COLUMNS)
    return spark.createDataFrame([tuple(a[c] for c in ARTICLE_COLUMNS) for a in articles], schema)


def sorted_rows(rows):
    return sorted(tuple(r) for r in rows)


def test_same_rows_and_finding_ids_as_the_cli_and_compare(spark, corpus):
    inputs, articles = corpus
    cli_csv = subprocess.run(
        [tool("CROSSCHECK_BIN", "crosscheck"), "compare", *inputs, "--date", DATE,
         "--format", "csv", "-q"],
        check=True,
        capture_output=True,
    ).stdout.decode()
    cli = list(csv.reader(io.StringIO(cli_csv, newline="")))
    assert tuple(cli[0]) == ccs.CSV_COLUMNS
    cli_rows = sorted_rows(cli[1:])

    # the articles in another order, in several partitions
    df = dataframe(spark, articles[::-1]).repartition(3)
    found = ccs.compare(df, date=DATE)
    assert tuple(found.columns) == ccs.CSV_COLUMNS
    spark_rows = sorted_rows(found.collect())

    assert len(cli_rows) > 300, len(cli_rows)
    kinds = {r[1] for r in cli_rows}
    assert {"date", "quantity", "quote_wording"} <= kinds, kinds
    assert len({r[4] for r in cli_rows}) > 20, "many stories"
    assert {r[0] for r in spark_rows} == {r[0] for r in cli_rows}
    assert spark_rows == cli_rows

    report = crosscheck.compare(articles, date=DATE)
    assert sorted_rows(report.to_pandas().values.tolist()) == spark_rows


def test_stories_split_in_parts_give_the_cli_rows(spark, corpus):
    """Every story of three articles or more compared in parts of two
    (plan, matches per pair of parts, finish): the CLI's rows."""
    inputs, articles = corpus
    cli_csv = subprocess.run(
        [tool("CROSSCHECK_BIN", "crosscheck"), "compare", *inputs, "--date", DATE,
         "--format", "csv", "-q"],
        check=True,
        capture_output=True,
    ).stdout.decode()
    cli_rows = sorted_rows(list(csv.reader(io.StringIO(cli_csv, newline="")))[1:])
    sizes = {}
    for r in cli_rows:
        sizes.setdefault(r[4], set()).add(r[6])
    assert sum(len(a) >= 3 for a in sizes.values()) > 20, "stories to split"

    df = dataframe(spark, articles[::-1]).repartition(3)
    found = ccs.compare(df, date=DATE, max_story_articles=2)
    assert tuple(found.columns) == ccs.CSV_COLUMNS
    assert sorted_rows(found.collect()) == cli_rows


def test_one_large_story_in_parts_gives_the_rows_of_compare(spark, corpus):
    """Every article in one story (over 240 articles), compared in three
    parts: the rows of crosscheck.compare with the same configuration."""
    _, articles = corpus
    config = {"stories": {"force_one_story": True}}
    expected = sorted_rows(crosscheck.compare(articles, date=DATE, config=config)
                           .to_pandas().values.tolist())
    assert len(expected) > 300 and len({r[4] for r in expected}) == 1
    df = dataframe(spark, articles).repartition(2)
    found = ccs.compare(df, date=DATE, config=config, max_story_articles=100)
    assert sorted_rows(found.collect()) == expected


def test_plan_from_parts_is_the_whole_story_plan(corpus):
    """The plan of a story split in parts, made as compare() makes it
    (a summary per part, merged in any order, no extraction read), is the
    plan made from all its articles; the summaries are a fraction of the
    extractions."""
    from crosscheck import _native

    _, articles = corpus
    rows = [crosscheck._article_tuple(a, i) for i, a in enumerate(articles)]
    ext = [p[1] for p in sorted(_native.spark_prepare(rows, DATE, None))]
    stats = _native.SparkStats(0, [], [])
    for config in (None, json.dumps({"block_max_df": 6})):
        whole = json.loads(_native.spark_split_plan(ext, stats, config))
        assert len(whole["reps"]) > 2000 and any(s is not None for s in whole["speakers"])
        n = len(ext)
        summaries = [_native.spark_split_summary(ext[i * n // 3:(i + 1) * n // 3], config)
                     for i in range(3)]
        assert sum(map(len, summaries)) < sum(map(len, ext)) / 2
        for order in (summaries, summaries[::-1]):
            assert json.loads(_native.spark_split_plan_from(order, config)) == whole
        # a part's own keys are not the story's
        alone = json.loads(_native.spark_split_plan_from(summaries[1:2], config))
        assert alone["stems"] != whole["stems"]
    with pytest.raises(crosscheck.InputError, match="duplicate id"):
        _native.spark_split_plan_from(summaries[:1] * 2)


def test_finish_in_tasks_gives_the_whole_story_rows(corpus):
    """Every article as one story, its finish cut into tasks as compare()
    cuts it (the components of its matches and repeated texts, a task per
    group of them reading only their articles, a people task, the
    attribution findings merged last): the rows of the story compared
    whole, with no task reading every article."""
    from crosscheck import _native

    _, articles = corpus
    rows = [crosscheck._article_tuple(a, i) for i, a in enumerate(articles)]
    prepared = sorted(_native.spark_prepare(rows, DATE, None))
    ids = [p[0] for p in prepared]
    ext = [p[1] for p in prepared]
    by_id = dict(zip(ids, ext))
    # the collection's statistics, as compare() broadcasts them
    counts = {}
    for p in prepared:
        for w, c in zip(p[4], p[5]):
            counts[w] = counts.get(w, 0) + c
    kept = sorted(w for w, c in counts.items() if c >= 2)
    stats = _native.SparkStats(sum(p[3] for p in prepared), kept, [counts[w] for w in kept])
    n = len(ext)
    whole = list(csv.reader(io.StringIO(_native.spark_compare_story(ext, stats), newline="")))
    expected = sorted_rows(whole[1:])
    assert len(expected) > 300
    for k in (3, 6):
        cut = [ext[i * n // k:(i + 1) * n // k] for i in range(k)]
        plan = _native.spark_split_plan_from([_native.spark_split_summary(c) for c in cut])
        edges = []
        for i in range(k):
            for j in range(i, k):
                edges += _native.spark_split_edges(cut[i], cut[j] if j > i else [], plan, stats)
        tasks = _native.spark_split_partition(plan, edges, -(-n // k))
        claim_tasks = [t for t in tasks if not json.loads(t[2])["roles"]]
        assert len(claim_tasks) >= 2, len(claim_tasks)
        assert len(tasks) > len(claim_tasks), "people tasks"
        assert all(len(t[1]) < n for t in claim_tasks), [len(t[1]) for t in claim_tasks]
        got, found = [], []
        for _, task_ids, part in tasks[::-1]:
            text, attributions = _native.spark_split_finish_part(
                [by_id[i] for i in task_ids], part, stats)
            got += list(csv.reader(io.StringIO(text, newline="")))[1:]
            found += attributions
        assert found, "attribution findings to merge"
        got += list(csv.reader(io.StringIO(_native.spark_split_merge(found), newline="")))[1:]
        assert sorted_rows(got) == expected
    with pytest.raises(crosscheck.InputError, match="not in the story"):
        _native.spark_split_finish_part(ext[:1], json.dumps({**json.loads(tasks[0][2]),
                                                             "articles": []}), stats)


def test_max_story_articles_is_checked(spark, corpus):
    _, articles = corpus
    df = dataframe(spark, articles[:3])
    for bad in (0, -1, 2.5, True, "10"):
        with pytest.raises(crosscheck.InputError, match="max_story_articles"):
            ccs.compare(df, max_story_articles=bad)


def test_workers_warnings_reach_the_driver(spark, monkeypatch):
    """Relative dates left unresolved in undated articles: one warning per
    article on the driver, naming it; none when a date is given; a cap."""
    texts = [
        "The harbour reopened yesterday after the storm, port officials said.",
        "Fishing boats left the harbour on Monday as the storm moved north.",
        "The storm damaged two piers at the harbour of Carrow, officials said.",
    ]
    rows = [(f"h{i}", t, "Coast News", None, None, None) for i, t in enumerate(texts)]
    df = spark.createDataFrame(rows, ", ".join(f"{c} string" for c in ARTICLE_COLUMNS))
    with pytest.warns(crosscheck.CrosscheckWarning) as caught:
        ccs.compare(df)
    messages = [str(w.message) for w in caught if issubclass(w.category, crosscheck.CrosscheckWarning)]
    assert messages == [
        'h0: 1 relative date (first: "yesterday") left unresolved: the article has no '
        "publication date; give one with date=YYYY-MM-DD or a published column",
        'h1: 1 relative date (first: "Monday") left unresolved: the article has no '
        "publication date; give one with date=YYYY-MM-DD or a published column",
    ]
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", crosscheck.CrosscheckWarning)
        ccs.compare(df, date=DATE)
    monkeypatch.setattr(ccs, "MAX_WARNINGS", 1)
    with pytest.warns(crosscheck.CrosscheckWarning) as caught:
        ccs.compare(df)
    messages = [str(w.message) for w in caught if issubclass(w.category, crosscheck.CrosscheckWarning)]
    assert len(messages) == 2 and messages[0].startswith("h0: ")
    assert messages[1].startswith("1 more warnings of the workers not shown")


def test_extract_gives_the_fields_of_crosscheck_extract(spark, corpus):
    _, articles = corpus
    some = articles[:8] + articles[-12:]
    got = {r["id"]: r.asDict() for r in ccs.extract(dataframe(spark, some), date=DATE).collect()}
    assert sorted(got) == sorted(a["id"] for a in some)
    for a in some:
        meta = {k: a[k] for k in ("id", "source", "title", "url")}
        want = crosscheck.extract(a["text"], date=a["published"] or DATE, **meta)
        row = got[a["id"]]
        assert tuple(row) == ccs.EXTRACT_COLUMNS
        for field, value in want.items():
            cell = row[field]
            assert (json.loads(cell) if field in ccs.EXTRACT_COLUMNS[8:] else cell) == value, field
        assert json.loads(row["quotes"]) or json.loads(row["dates"]), a["id"]


def test_published_as_a_date_column_and_the_fallback_date(spark):
    import datetime

    text = (
        "“We will reopen the northern terminal within {} weeks,” port director "
        "Lena Okafor said on Monday."
    )
    rows = [
        ("harbour-times", text.format("two"), datetime.date(2023, 3, 14)),
        ("coast-post", text.format("three"), None),
    ]
    df = spark.createDataFrame(rows, "id string, text string, published date")
    found = ccs.compare(df, date="2023-03-14").collect()
    want = crosscheck.compare(
        [{"id": i, "text": t, "published": "2023-03-14"} for i, t, _ in rows]
    ).to_pandas()
    assert len(want) == 2
    assert sorted_rows(found) == sorted_rows(want.values.tolist())


def test_bad_input_is_an_input_error(spark):
    df = spark.createDataFrame([("a", "Some text.")], "id string, text string")
    with pytest.raises(crosscheck.InputError, match="unknown key"):
        ccs.compare(df, config={"sentence_treshold": 0.5})
    with pytest.raises(crosscheck.InputError, match="YYYY-MM-DD"):
        ccs.compare(df, date="27/01/2022")
    with pytest.raises(crosscheck.InputError, match="no text column"):
        ccs.compare(spark.createDataFrame([("a",)], "id string"))
    dup = spark.createDataFrame([("a", "One text."), ("a", "Another text.")], "id string, text string")
    with pytest.raises(Exception, match="duplicate id"):
        ccs.compare(dup)


def test_story_features_of_another_build_are_refused(corpus):
    """Story features carry a format mark: the features of the current
    build group stories, the unmarked bytes an older build wrote are
    refused with an error that says what to do, not read wrongly."""
    from crosscheck import _native

    _, articles = corpus
    rows = [crosscheck._article_tuple(a, i) for i, a in enumerate(articles[:2])]
    prepared = sorted(_native.spark_prepare(rows, DATE, None))
    ids = [p[0] for p in prepared]
    features = [bytes(p[2]) for p in prepared]
    assert len(_native.spark_stories(ids, features)) == 2
    unmarked = [f[8:] for f in features]
    with pytest.raises(crosscheck.InputError, match="another version of crosscheck"):
        _native.spark_stories(ids, unmarked)
