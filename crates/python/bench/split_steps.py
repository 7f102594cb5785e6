"""Time and peak memory of each step of a story compared in parts, each
step run alone in a fresh Python process through the functions the Spark
tasks call (docs/spark.md, "What it costs, measured").

    python split_steps.py extract CORPUS.jsonl DIR    # every article, one story
    python split_steps.py run STEP DIR [--k K] [--i I] [--j J]

``extract`` writes DIR/extractions.jsonl (the extraction JSON of every
article of CORPUS, in id order: the articles of one story) and
DIR/stats.json (the collection's claim statistics, words counted twice
or more, as Spark broadcasts them). ``run`` runs one STEP on them and
prints one JSON line: the step, its seconds, the MiB of its input (the
JSON it reads), the process's RSS once the input is loaded, and the
growth of the peak RSS over it during the step (MiB; the peak is reset
after loading by writing 5 to /proc/self/clear_refs, Linux):

- ``whole``: the story compared in one task (``spark_compare_story``);
- ``plan``: the plan from all the articles (``spark_split_plan``);
- ``summary``: the summary of part ``I`` of ``K`` (``spark_split_summary``);
  ``summaries`` writes those of every part to DIR/summaries-K.json, for:
- ``plan_from``: the plan from the ``K`` parts' summaries
  (``spark_split_plan_from``); writes DIR/plan.json;
- ``edges``: the matches of parts ``I`` and ``J`` of ``K`` (needs
  DIR/plan.json); ``all_edges`` writes every pair's to DIR/edges-K.json;
- ``finish``: the story's rows from all its articles and DIR/edges-K.json
  (the finish in one task, before round 16);
- ``partition``: the finish cut into tasks (``spark_split_partition``,
  at most ``ceil(n / K)`` articles or their claims per task) from
  DIR/plan.json and DIR/edges-K.json; writes DIR/tasks-K.json and prints
  each task's articles and claims to stderr (and each task alone to
  DIR/task-K-I.json);
- ``finish_part``: task ``I`` of DIR/tasks-K.json from the extractions of
  its articles alone (``spark_split_finish_part``); writes its
  attribution findings to DIR/found-K-I.json;
- ``merge``: the attribution findings of every task (DIR/found-K-*.json)
  merged (``spark_split_merge``);
- ``check``: every task of DIR/tasks-K.json and the merge in turn, their
  rows compared with the story compared whole (prints the row count).

Every task of the finish, each in a fresh process::

    for i in $(seq 0 $((T - 1))); do python split_steps.py run finish_part DIR --k 4 --i $i; done

Parts are consecutive articles in id order, as ``crosscheck.spark`` cuts
them.
"""

import argparse
import json
import pathlib
import sys
import time

from crosscheck import _article_tuple, _native


def status_mib(field: str) -> float:
    """A field of /proc/self/status (``VmRSS``, ``VmHWM``) in MiB."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    raise KeyError(field)


def reset_peak() -> float:
    """Resets the process's peak RSS to its current RSS (Linux: 5 written
    to /proc/self/clear_refs) and returns the current RSS in MiB."""
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    return status_mib("VmRSS")


def extract(corpus: str, out: pathlib.Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    with open(corpus, encoding="utf-8") as f:
        for i, line in enumerate(f):
            a = json.loads(line)
            rows.append(_article_tuple({k: a.get(k) for k in
                                        ("id", "text", "source", "title", "published", "url")}, i))
    prepared = []
    for s in range(0, len(rows), 2000):
        prepared.extend(_native.spark_prepare(rows[s:s + 2000], None, None))
    prepared.sort(key=lambda p: p[0])
    counts = {}
    claims = 0
    with open(out / "extractions.jsonl", "w", encoding="utf-8") as f:
        for p in prepared:
            f.write(p[1] + "\n")
            claims += p[3]
            for w, c in zip(p[4], p[5]):
                counts[w] = counts.get(w, 0) + c
    words = sorted(w for w, c in counts.items() if c >= 2)
    (out / "stats.json").write_text(json.dumps([claims, words, [counts[w] for w in words]]))
    print(f"{len(prepared)} articles, {claims} claims, {len(words)} words counted twice or more")


def _id_of(extraction: str) -> str:
    """The article id of an extraction's JSON."""
    return json.loads(extraction)["id"]


def parts(ext, k):
    n = len(ext)
    return [ext[i * n // k:(i + 1) * n // k] for i in range(k)]


def run(step: str, d: pathlib.Path, k: int, i: int, j: int) -> None:
    # a finish task reads only its articles, line by line: memory freed
    # before the peak is reset would be reused by the step unseen
    ext = ([] if step == "finish_part"
           else (d / "extractions.jsonl").read_text(encoding="utf-8").splitlines())
    claims, words, counts = json.loads((d / "stats.json").read_text())
    stats = _native.SparkStats(claims, words, counts)
    del words, counts
    inputs = {"extractions": ext}
    if step == "plan_from":
        inputs = {"summaries": json.loads((d / f"summaries-{k}.json").read_text())}
        del ext
    elif step in ("edges", "all_edges"):
        inputs["plan"] = (d / "plan.json").read_text()
    elif step in ("finish", "partition"):
        inputs["edges"] = [tuple(e) for e in json.loads((d / f"edges-{k}.json").read_text())]
        if step == "partition":
            inputs["plan"] = (d / "plan.json").read_text()
            n = len(ext)
            del ext, inputs["extractions"]
    elif step == "finish_part":
        with open(d / f"task-{k}-{i}.json", encoding="utf-8") as f:
            task = json.load(f)
        wanted = set(task[1])
        mine = []
        with open(d / "extractions.jsonl", encoding="utf-8") as f:
            for line in f:
                if line[7:line.index('"', 7)] in wanted:  # {"id":"...
                    mine.append(line.rstrip("\n"))
        assert len(mine) == len(wanted), "every article of the task"
        inputs = {"extractions": mine, "part": task[2]}
    elif step == "merge":
        found = []
        for f in sorted(d.glob(f"found-{k}-*.json")):
            found += json.loads(f.read_text())
        inputs = {"found": found}
        del ext
    size = sum(len(x) for v in inputs.values() for x in (v if isinstance(v, list) else [v])
               if isinstance(x, str)) / 2**20
    if step == "summary":
        part = parts(ext, k)[i]
        del ext, inputs
    before = reset_peak()
    t = time.perf_counter()
    if step == "whole":
        _native.spark_compare_story(ext, stats)
    elif step == "plan":
        _native.spark_split_plan(ext, stats)
    elif step == "summary":
        s = _native.spark_split_summary(part)
        size = sum(map(len, part)) / 2**20
        print(json.dumps({"summary_mib": len(s) / 2**20}), file=sys.stderr)
    elif step == "summaries":
        out = [_native.spark_split_summary(p) for p in parts(ext, k)]
        (d / f"summaries-{k}.json").write_text(json.dumps(out))
    elif step == "plan_from":
        plan = _native.spark_split_plan_from(inputs["summaries"])
        (d / "plan.json").write_text(plan)
    elif step == "edges":
        ps = parts(ext, k)
        size = (sum(map(len, ps[i])) + (sum(map(len, ps[j])) if j != i else 0)) / 2**20
        _native.spark_split_edges(ps[i], ps[j] if j != i else [], inputs["plan"], stats)
    elif step == "all_edges":
        ps = parts(ext, k)
        edges = []
        for a in range(k):
            for b in range(a, k):
                edges.extend(_native.spark_split_edges(
                    ps[a], ps[b] if b != a else [], inputs["plan"], stats))
        (d / f"edges-{k}.json").write_text(json.dumps(edges))
    elif step == "finish":
        _native.spark_split_finish(ext, inputs["edges"], stats)
    elif step == "partition":
        tasks = _native.spark_split_partition(inputs["plan"], inputs["edges"], -(-n // k))
        (d / f"tasks-{k}.json").write_text(json.dumps(tasks))
        for task in tasks:
            (d / f"task-{k}-{task[0]}.json").write_text(json.dumps(task))
        print(json.dumps({"tasks": [{"articles": len(t[1]),
                                     "claims": len(json.loads(t[2])["claims"]),
                                     "people": json.loads(t[2])["roles"]} for t in tasks]}),
              file=sys.stderr)
    elif step == "finish_part":
        _, found = _native.spark_split_finish_part(inputs["extractions"], inputs["part"], stats)
        (d / f"found-{k}-{i}.json").write_text(json.dumps(found))
    elif step == "merge":
        _native.spark_split_merge(inputs["found"])
    elif step == "check":
        import csv
        import io

        def rows(text):
            return list(csv.reader(io.StringIO(text, newline="")))[1:]

        whole = sorted(map(tuple, rows(_native.spark_compare_story(ext, stats))))
        by_id = {_id_of(x): x for x in ext}
        got, found = [], []
        for _, ids, part in json.loads((d / f"tasks-{k}.json").read_text()):
            text, attributions = _native.spark_split_finish_part(
                [by_id[a] for a in ids], part, stats)
            got += rows(text)
            found += attributions
        got += rows(_native.spark_split_merge(found))
        got = sorted(map(tuple, got))
        print(json.dumps({"rows": len(whole), "same": got == whole}), file=sys.stderr)
        if got != whole:
            raise SystemExit("the tasks' rows differ from the whole story's")
    else:
        raise SystemExit(f"unknown step {step}")
    secs = time.perf_counter() - t
    print(json.dumps({"step": step, "k": k, "i": i, "j": j, "seconds": round(secs, 2),
                      "input_mib": round(size, 1),
                      "rss_before_mib": round(before, 1),
                      "peak_growth_mib": round(status_mib("VmHWM") - before, 1)}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=["extract", "run"])
    ap.add_argument("args", nargs="+")
    ap.add_argument("--k", type=int, default=4)
    ap.add_argument("--i", type=int, default=0)
    ap.add_argument("--j", type=int, default=0)
    a = ap.parse_args()
    if a.what == "extract":
        extract(a.args[0], pathlib.Path(a.args[1]))
    else:
        run(a.args[0], pathlib.Path(a.args[1]), a.k, a.i, a.j)


if __name__ == "__main__":
    main()
