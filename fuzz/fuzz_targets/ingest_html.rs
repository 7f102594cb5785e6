//! Bytes → `parse_bytes` as Html → `extract` on every article, checking that
//! ingest reports no internal error and every span is sound.
#![no_main]

use crosscheck_parse::InputFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    crosscheck_fuzz::ingest_and_extract(data, "fuzz.html", InputFormat::Html);
});
