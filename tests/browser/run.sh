#!/usr/bin/env bash
# Browser check of the HTML report (issue 13): builds the report of seeds/
# and of a generated 50-article corpus with the debug binary, then loads both
# in Debian's headless Chromium (check.mjs, via playwright-core): no console
# or page error, every filter shows the matching findings and clearing it
# shows them all again. Screenshots: target/browser/seeds.png, corpus50.png.
# Installs chromium (apt-get, as root) when /usr/bin/chromium is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/browser
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
(cd tests/browser && npm ci --no-audit --no-fund --silent)
# A no-op after `cargo test --workspace`, which builds both.
cargo build --quiet --bin crosscheck --example gen_corpus
mkdir -p "$out"
target/debug/crosscheck compare seeds/ --date 2022-01-27 --format html -o "$out/seeds.html"
target/debug/examples/gen_corpus gen --articles 50 --seed 1 --out "$out/corpus50" >/dev/null
target/debug/crosscheck compare "$out/corpus50/corpus.jsonl" --format html -o "$out/corpus50.html"
OUT_DIR="$out" node tests/browser/check.mjs seeds="$out/seeds.html" corpus50="$out/corpus50.html"
