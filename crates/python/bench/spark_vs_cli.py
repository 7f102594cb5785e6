"""Measures crosscheck.spark in local mode against the CLI on a generated
corpus (docs/spark.md, "Measurements").

    python crates/python/bench/spark_vs_cli.py CORPUS.jsonl OUT_DIR [--master local[2]]
        [--max-story-articles N]

Runs `crosscheck.spark.compare` on the JSON-lines corpus (read with
spark.read.json) and writes nothing (Spark's `noop` sink), while a thread
samples every 0.5 s the resident memory (RSS, /proc via psutil) of this
driver process, of the JVM (driver and executors in local mode) and of the
Python workers (the JVM's descendants). Shuffle bytes come from Spark's
REST API (localhost:4040/api/v1): every stage's shuffle write. Prints one
JSON object.
"""

import json
import os
import sys
import threading
import time
import urllib.request

import psutil
from pyspark.sql import SparkSession

from crosscheck import spark as ccs


def main():
    corpus, out_dir = sys.argv[1], sys.argv[2]
    master = sys.argv[sys.argv.index("--master") + 1] if "--master" in sys.argv else "local[2]"
    max_story = (
        int(sys.argv[sys.argv.index("--max-story-articles") + 1])
        if "--max-story-articles" in sys.argv
        else ccs.MAX_STORY_ARTICLES
    )
    os.environ["PYSPARK_PYTHON"] = sys.executable
    t0 = time.time()
    spark = (
        SparkSession.builder.master(master)
        .appName("crosscheck-bench")
        .config("spark.driver.memory", os.environ.get("DRIVER_MEMORY", "4g"))
        .config("spark.sql.shuffle.partitions", os.environ.get("SHUFFLE_PARTITIONS", "8"))
        .config("spark.local.dir", out_dir)
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    started = time.time() - t0
    me = psutil.Process()
    jvm = [p for p in me.children(recursive=True) if "java" in p.name()]
    peaks = {"driver_python": 0, "jvm": 0, "python_workers_sum": 0, "python_worker_max": 0}
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            try:
                peaks["driver_python"] = max(peaks["driver_python"], me.memory_info().rss)
                for j in jvm:
                    peaks["jvm"] = max(peaks["jvm"], j.memory_info().rss)
                    workers = [w for w in j.children(recursive=True) if "python" in w.name()]
                    rss = [w.memory_info().rss for w in workers if w.is_running()]
                    peaks["python_workers_sum"] = max(peaks["python_workers_sum"], sum(rss))
                    peaks["python_worker_max"] = max(peaks["python_worker_max"], max(rss, default=0))
            except psutil.Error:
                pass
            time.sleep(0.5)

    threading.Thread(target=sample, daemon=True).start()
    t1 = time.time()
    df = spark.read.json(corpus)
    n = df.count()
    t2 = time.time()
    found = ccs.compare(df, max_story_articles=max_story)  # extraction, stories and word counts run here
    t3 = time.time()
    found.write.mode("overwrite").parquet(os.path.join(out_dir, "findings.parquet"))
    t4 = time.time()
    stop.set()
    rows = spark.read.parquet(os.path.join(out_dir, "findings.parquet")).count()
    app = spark.sparkContext.applicationId
    url = spark.sparkContext.uiWebUrl
    stages = json.load(urllib.request.urlopen(f"{url}/api/v1/applications/{app}/stages?status=complete"))
    stages.sort(key=lambda s: s["stageId"])
    print(json.dumps({
        "articles": n,
        "rows": rows,
        "spark_start_s": round(started, 1),
        "read_s": round(t2 - t1, 1),
        "compare_call_s": round(t3 - t2, 1),
        "compare_stage_s": round(t4 - t3, 1),
        "wall_s": round(t4 - t1, 1),
        "peak_rss_mib": {k: round(v / 2**20) for k, v in peaks.items()},
        "shuffle_write_bytes": sum(s.get("shuffleWriteBytes", 0) for s in stages),
        "stages": [
            [s["stageId"], s["name"][:50], s["numTasks"], s.get("shuffleWriteBytes", 0),
             s.get("shuffleReadBytes", 0), s.get("executorRunTime", 0), s.get("peakExecutionMemory", 0)]
            for s in stages
        ],
    }, indent=1))
    spark.stop()


if __name__ == "__main__":
    main()
