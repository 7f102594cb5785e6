//! Two or three small texts → `extract` → `compare`, checking every span of
//! every finding mention, value and diff against the right article.
//!
//! Input layout: first byte = selector (bit 0: three articles instead of
//! two; bit 1: `all_pairs`; the rest picks the publication date), then the
//! article texts separated by NUL bytes (lossy UTF-8).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let n = if selector & 1 == 1 { 3 } else { 2 };
    let mut parts = rest.splitn(n, |&b| b == 0);
    let docs: Vec<_> = (0..n)
        .map(|i| {
            let text = String::from_utf8_lossy(parts.next().unwrap_or(b"")).into_owned();
            let id = ["a", "b", "c"][i];
            let x = crosscheck_parse::extract(crosscheck_fuzz::article(id, text, selector >> 2));
            crosscheck_fuzz::check_extraction(&x);
            x
        })
        .collect();
    let config = crosscheck_align::Config {
        all_pairs: selector & 2 == 2,
        ..crosscheck_align::Config::default()
    };
    let alignment = crosscheck_align::compare(&docs, &config);
    crosscheck_fuzz::check_alignment(&docs, &alignment);
});
