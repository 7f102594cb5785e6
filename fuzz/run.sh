#!/usr/bin/env bash
# Runs crosscheck fuzz targets with libFuzzer, one after the other.
#
#   fuzz/run.sh SECONDS TARGET...       e.g. fuzz/run.sh 600 ingest_text extract
#
# Uses the stable toolchain with RUSTC_BOOTSTRAP=1 (cargo-fuzz needs nightly
# flags), no sanitizer (safe Rust; panics, overflow checks, stack overflows,
# timeouts and memory blow-ups are what we look for) and release mode with
# debug assertions. New corpus entries go to fuzz/corpus/TARGET (ignored by
# git), crashes to fuzz/artifacts/TARGET; the seeds in fuzz/seeds/TARGET are
# read but never written. Logs go to ${FUZZ_LOGS:-fuzz/logs}/TARGET.log.
set -u
cd "$(dirname "$0")/.."
secs=$1
shift
logs=${FUZZ_LOGS:-fuzz/logs}
mkdir -p "$logs"
for t in "$@"; do
    mkdir -p "fuzz/corpus/$t"
    RUSTC_BOOTSTRAP=1 cargo fuzz run -s none -O "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
        -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        >"$logs/$t.log" 2>&1
    echo "$t exit $?" >>"$logs/status"
done
