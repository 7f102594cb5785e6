//! `train_cues`: trains the learned cue model of `crates/parse` on the
//! training half of PolNeAR (`crosscheck_eval::cues`, docs/model.md) and
//! writes `crates/parse/data/lexicon/learned_cue.tsv` and
//! `crates/parse/data/model/cues.tsv` (paths relative to the repository
//! root, the working directory). `--check` writes nothing and fails when
//! the committed files differ from a fresh run.
//!
//! ```text
//! cargo run -p crosscheck-eval --profile fast --bin train_cues
//! ```

use std::path::Path;
use std::process::ExitCode;

const LEXICON: &str = "crates/parse/data/lexicon/learned_cue.tsv";
const MODEL: &str = "crates/parse/data/model/cues.tsv";

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    let trained = match crosscheck_eval::devdata().and_then(|d| crosscheck_eval::cues::train(&d)) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("train_cues: error: {e}");
            return ExitCode::from(2);
        }
    };
    eprintln!("train_cues: {}", trained.summary);
    for (path, text) in [(LEXICON, &trained.lexicon), (MODEL, &trained.model)] {
        if check {
            let old = std::fs::read_to_string(Path::new(path)).unwrap_or_default();
            if old != *text {
                eprintln!("train_cues: {path} differs from a fresh run");
                return ExitCode::FAILURE;
            }
        } else if let Err(e) = std::fs::write(path, text) {
            eprintln!("train_cues: {path}: {e}");
            return ExitCode::from(2);
        } else {
            eprintln!("train_cues: wrote {path} ({} bytes)", text.len());
        }
    }
    ExitCode::SUCCESS
}
