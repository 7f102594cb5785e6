//! Arbitrary text (lossy UTF-8) as an article body → `extract`, checking
//! every span. The first byte picks the publication date (or none), so that
//! relative dates get resolved too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    let x = crosscheck_parse::extract(crosscheck_fuzz::article("fuzz", text, selector));
    crosscheck_fuzz::check_extraction(&x);
});
