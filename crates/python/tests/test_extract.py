"""crosscheck.extract: one article in, the CLI's extract JSON out."""

import datetime
import json
import os
import pathlib
import subprocess
import threading
import warnings

import pytest

import crosscheck

ROOT = pathlib.Path(__file__).resolve().parents[3]

HARBOUR = (
    "“We will reopen the northern terminal within two weeks,” port director "
    "Lena Okafor said on Monday.\n\n"
    "About 1,200 containers were stranded after the storm, the port authority said."
)


def byte_slice(text, span):
    return text.encode()[span[0] : span[1]].decode()


def test_quote_speaker_and_spans():
    x = crosscheck.extract(HARBOUR, date="2023-03-14", id="harbour-1", source="Harbour Times")
    assert x["id"] == "harbour-1"
    assert x["source"] == "Harbour Times"
    assert x["published"] == "2023-03-14"
    quote = x["quotes"][0]
    assert quote["speaker"] == "Lena Okafor"
    assert byte_slice(HARBOUR, quote["span"]) == quote["text"]
    assert quote["text"].startswith("We will reopen the northern terminal")
    monday = next(d for d in x["dates"] if d["text"].endswith("Monday"))
    assert monday["value"] == "2023-03-13"
    amounts = [q for q in x["quantities"] if "containers" in q["text"]]
    assert amounts and byte_slice(HARBOUR, amounts[0]["span"]) == amounts[0]["text"]


def test_date_object_is_the_same_as_its_string():
    a = crosscheck.extract(HARBOUR, date=datetime.date(2023, 3, 14))
    b = crosscheck.extract(HARBOUR, date="2023-03-14")
    assert a == b


def test_undated_relative_dates_warn_and_stay_unresolved():
    with pytest.warns(crosscheck.CrosscheckWarning, match="left unresolved"):
        x = crosscheck.extract(HARBOUR, id="undated")
    monday = next(d for d in x["dates"] if d["text"].endswith("Monday"))
    assert monday["resolved"] is False


def test_dated_article_does_not_warn():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        crosscheck.extract(HARBOUR, date="2023-03-14")


@pytest.mark.parametrize(
    "call, reason",
    [
        (lambda: crosscheck.extract("   ", id="blank"), "'blank': empty text"),
        (lambda: crosscheck.extract(HARBOUR, date="14/03/2023", id="d"), "'d': date '14/03/2023'"),
        (lambda: crosscheck.extract(HARBOUR, date=20230314, id="n"), "'n': date must be"),
        (lambda: crosscheck.extract(HARBOUR, id=""), "empty id"),
        (lambda: crosscheck.extract(HARBOUR, id="m", outlet="X"), "'m': unknown field(s) outlet"),
        (lambda: crosscheck.extract(HARBOUR, id="t", title=3), "'t': title must be a string"),
        (lambda: crosscheck.extract(b"bytes", id="b"), "'b': text must be a string"),
    ],
)
def test_bad_input_names_the_article_and_the_reason(call, reason):
    with pytest.raises(crosscheck.InputError) as e:
        call()
    assert reason in str(e.value)
    assert isinstance(e.value, ValueError)


def test_threads_get_the_same_result():
    # the GIL is released while Rust works: threads run side by side and
    # still each get the single-thread result
    expected = crosscheck.extract(HARBOUR, date="2023-03-14")
    results = []

    def work():
        results.append(crosscheck.extract(HARBOUR, date="2023-03-14"))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


def cli():
    exe = os.environ.get("CROSSCHECK_BIN") or str(ROOT / "target" / "debug" / "crosscheck")
    if not pathlib.Path(exe).exists():
        pytest.skip(f"no crosscheck binary at {exe} (set CROSSCHECK_BIN)")
    return exe


def test_same_json_as_the_cli(tmp_path):
    path = tmp_path / "harbour-1.txt"
    path.write_text(HARBOUR, encoding="utf-8")
    out = subprocess.run(
        [cli(), "extract", str(path), "--date", "2023-03-14"],
        check=True,
        capture_output=True,
    ).stdout
    (expected,) = json.loads(out)
    got = crosscheck.extract(HARBOUR, date="2023-03-14", id="harbour-1")
    assert got.pop("origin") == "harbour-1"
    assert expected.pop("origin") == str(path)
    assert got == expected
