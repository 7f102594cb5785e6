//! Progress on standard error for `compare`: one line naming the stage
//! (reading, extracting with a count, matching, writing) with the time
//! spent, so a long run never looks stuck. Shown only when standard error
//! is a terminal, never with `--quiet`, and after reading only for runs of
//! at least [`MIN_ARTICLES`] articles (small runs finish before it helps).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

/// Fewest articles for which progress stays on after reading.
pub const MIN_ARTICLES: usize = 50;

/// The progress line of one run.
pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A progress line, hidden with `quiet` or when standard error is not a
    /// terminal.
    pub fn new(quiet: bool) -> Progress {
        let bar = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
        };
        Progress { bar }
    }

    /// Hides the rest of the progress when the run turned out small.
    pub fn articles_read(&self, n: usize) {
        self.bar.finish_and_clear();
        if n < MIN_ARTICLES {
            self.bar.set_draw_target(ProgressDrawTarget::hidden());
        }
    }

    /// A stage without a count: a spinner, the stage name and the time
    /// spent in it, redrawn while the stage runs.
    pub fn stage(&self, name: &'static str) {
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
            self.bar.set_style(style);
        }
        self.bar.reset();
        self.bar.unset_length();
        self.bar.set_message(name);
        self.bar.enable_steady_tick(Duration::from_millis(120));
    }

    /// A stage counting `len` items (articles).
    pub fn counted(&self, name: &'static str, len: usize) {
        if let Ok(style) =
            ProgressStyle::with_template("{spinner} {msg} [{bar:40}] {pos}/{len} articles ({eta})")
        {
            self.bar.set_style(style.progress_chars("=> "));
        }
        self.bar.reset();
        self.bar.set_length(len as u64);
        self.bar.set_message(name);
    }

    /// One more item of a counted stage done (from any thread).
    pub fn inc(&self) {
        self.bar.inc(1);
    }

    /// Clears the line (before printing messages, and at the end).
    pub fn clear(&self) {
        self.bar.finish_and_clear();
    }
}
