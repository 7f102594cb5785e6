"""crosscheck.compare: paths, dicts or a DataFrame in, the CLI's findings out."""

import csv
import io
import pathlib
import subprocess

import pytest

import crosscheck
from test_extract import cli

ROOT = pathlib.Path(__file__).resolve().parents[3]
SEEDS = str(ROOT / "seeds")

TWO_OUTLETS = [
    {
        "id": "harbour-times",
        "text": "“We will reopen the northern terminal within two weeks,” port director "
        "Lena Okafor said on Monday.",
        "source": "Harbour Times",
        "published": "2023-03-14",
    },
    {
        "id": "coast-post",
        "text": "“We will reopen the northern terminal within three weeks,” port director "
        "Lena Okafor said on Monday.",
        "source": "Coast Post",
        "published": "2023-03-14",
    },
]


def cli_csv(*args):
    return subprocess.run(
        [cli(), "compare", *args, "--format", "csv", "-q"], check=True, capture_output=True
    ).stdout


def test_seeds_same_finding_ids_and_csv_bytes_as_the_cli(tmp_path):
    with pytest.warns(crosscheck.CrosscheckWarning, match="has no year"):
        report = crosscheck.compare([SEEDS], date="2022-01-27")
    expected = cli_csv(SEEDS, "--date", "2022-01-27")
    ids = [row["finding_id"] for row in csv.DictReader(io.StringIO(expected.decode()))]
    assert ids, "the seeds have findings"
    assert sorted({f["finding_id"] for f in report.findings}) == sorted(set(ids))
    out = tmp_path / "findings.csv"
    report.to_csv(out)
    assert out.read_bytes() == expected


def test_findings_carry_kind_severity_confidence_and_variant_spans():
    report = crosscheck.compare(TWO_OUTLETS)
    (wording,) = [f for f in report.findings if f["kind"] == "quote_wording"]
    assert wording["severity"] in ("low", "medium", "high")
    assert 0.0 < wording["confidence"] <= 1.0
    assert wording["story"].startswith("story:")
    assert len(wording["cluster"]) == 16 and wording["subject"] == "quote"
    # the CSV's cluster column groups the finding's rows under the same id
    clusters = {row["cluster"] for row in csv.DictReader(io.StringIO(report.to_csv()))}
    assert wording["cluster"] in clusters
    assert all(v["value"]["type"] == "quote" for v in wording["variants"])
    articles = sorted(a for v in wording["variants"] for a in v["articles"])
    assert articles == ["coast-post", "harbour-times"]
    texts = {a["id"]: a["text"] for a in TWO_OUTLETS}
    for v in wording["variants"]:
        for m in v["mentions"]:
            start, end = m["span"]
            quoted = texts[m["article"]].encode()[start:end].decode()
            assert quoted.startswith("We will reopen the northern terminal")


def test_dicts_and_a_dataframe_give_the_same_report():
    pd = pytest.importorskip("pandas")
    from_dicts = crosscheck.compare(TWO_OUTLETS)
    frame = pd.DataFrame(TWO_OUTLETS)
    frame["url"] = None  # a missing optional column value is None/NaN
    from_frame = crosscheck.compare(frame)
    assert from_frame.to_csv() == from_dicts.to_csv()
    table = from_dicts.to_pandas()
    assert list(table.columns[:4]) == ["finding_id", "kind", "severity", "confidence"]
    assert len(table) == len(from_dicts.to_csv().splitlines()) - 1
    pa = pytest.importorskip("pyarrow")
    arrow = from_dicts.to_arrow()
    assert isinstance(arrow, pa.Table)
    assert arrow.column_names == list(table.columns)


def test_html_report(tmp_path):
    out = tmp_path / "report.html"
    crosscheck.compare(TWO_OUTLETS).to_html(out)
    html = out.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "Lena Okafor" in html


def test_config_keys_are_checked():
    default = crosscheck.compare(TWO_OUTLETS)
    assert crosscheck.compare(TWO_OUTLETS, config={"agreements": True}).to_csv() == default.to_csv()
    with pytest.raises(crosscheck.InputError, match='unknown key "sentence_treshold"'):
        crosscheck.compare(TWO_OUTLETS, config={"sentence_treshold": 0.5})
    with pytest.raises(crosscheck.InputError, match="config"):
        crosscheck.compare(TWO_OUTLETS, config={"agreements": "yes"})


def test_date_is_the_fallback_for_undated_articles():
    undated = [{k: v for k, v in a.items() if k != "published"} for a in TWO_OUTLETS]
    assert crosscheck.compare(undated, date="2023-03-14").to_csv() == crosscheck.compare(
        TWO_OUTLETS
    ).to_csv()


@pytest.mark.parametrize(
    "inputs, reason",
    [
        ([TWO_OUTLETS[0], dict(TWO_OUTLETS[1], id="harbour-times")], "duplicate id \"harbour-times\""),
        ([TWO_OUTLETS[0]], "at least two"),
        ([TWO_OUTLETS[0], dict(TWO_OUTLETS[1], outlet="X")], "'coast-post': unknown field(s) outlet"),
        ([TWO_OUTLETS[0], dict(TWO_OUTLETS[1], text="  ")], "'coast-post': empty text"),
        ([TWO_OUTLETS[0], dict(TWO_OUTLETS[1], published="14 March")], "'coast-post': date '14 March'"),
        ([TWO_OUTLETS[0], {"text": "No id here."}], "'#1': missing or empty id"),
        ([SEEDS, TWO_OUTLETS[0]], "mix paths and dicts"),
        ([42], "input #0: expected a path or a dict"),
        (["no/such/dir"], "no/such/dir"),
    ],
)
def test_bad_input_names_the_file_or_article(inputs, reason):
    with pytest.raises(crosscheck.InputError) as e:
        crosscheck.compare(inputs)
    assert reason in str(e.value)
