//! Making untrusted article text safe for the places a report ends up in:
//! spreadsheets (formula injection), Markdown and HTML links (`javascript:`
//! and `data:` URLs) and terminals (control characters and escape
//! sequences).
//!
//! Everything in a report comes from articles nobody vetted, so every
//! writer passes its cells, links and terminal lines through here.
//!
//! A CSV cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
//! return gets a leading `'` ([`CsvCells::Neutralised`], the default);
//! only absolute `http`/`https` URLs become links; control characters are
//! escaped for terminals:
//!
//! ```
//! use crosscheck_report::sanitize::escape_controls;
//! assert_eq!(escape_controls("a\u{1b}[2Jb\nc"), "a\\x1b[2Jb\\nc");
//! ```

use std::borrow::Cow;
use std::io::Write;

use crate::{csv_report, Format, Report, ReportError};

/// How CSV cells that a spreadsheet would read as a formula are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum CsvCells {
    /// A cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return
    /// gets a leading `'`, so spreadsheets show it as text instead of
    /// running it (the OWASP advice against CSV injection). The default.
    #[default]
    Neutralised,
    /// Cells exactly as extracted (`crosscheck compare --raw-csv`), for
    /// programs that read the CSV and never open it in a spreadsheet.
    Raw,
}

/// Options of [`render_with`] beyond the format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// How CSV cells are written.
    pub csv_cells: CsvCells,
}

/// The first characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// True when the cell, after any leading `'`, begins with `=`, `+`, `-`,
/// `@`, a tab or a carriage return.
fn formula_like(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// The cell with a leading `'` when it begins with `=`, `+`, `-`, `@`, a
/// tab or a carriage return (after any `'` it already has, so that
/// [`restore_cell`] gives every cell back exactly); otherwise unchanged.
pub(crate) fn neutralise_cell(cell: &str) -> Cow<'_, str> {
    if formula_like(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The inverse of [`neutralise_cell`]: drops the leading `'` of a cell
/// that has one before a formula start.
pub(crate) fn restore_cell(cell: &str) -> Cow<'_, str> {
    match cell.strip_prefix('\'') {
        Some(rest) if formula_like(rest) => Cow::Borrowed(rest),
        _ => Cow::Borrowed(cell),
    }
}

/// Writes the CSV report of [`csv_report::write_csv`] with the given
/// treatment of formula-like cells. Rows are written as they are made.
pub fn write_csv_with<W: Write>(
    report: &Report,
    out: W,
    cells: CsvCells,
) -> Result<(), ReportError> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out);
    w.write_record(csv_report::COLUMNS)?;
    for f in report.entries() {
        for (v, m) in f.mentions() {
            let row = csv_report::CsvRow::new(f, v, m);
            match cells {
                CsvCells::Neutralised => {
                    w.write_record(row.cells().map(|c| neutralise_cell(c).into_owned()))?;
                }
                CsvCells::Raw => w.write_record(row.cells())?,
            }
        }
    }
    w.flush()?;
    Ok(())
}

/// Like [`crate::render`], with [`RenderOptions`].
pub fn render_with(
    report: &Report,
    format: Format,
    options: &RenderOptions,
) -> Result<String, ReportError> {
    match format {
        Format::Csv => {
            let mut buf = Vec::new();
            write_csv_with(report, &mut buf, options.csv_cells)?;
            String::from_utf8(buf).map_err(ReportError::from)
        }
        other => crate::render(report, other),
    }
}

/// True for an absolute `http` or `https` URL with a host part: the only
/// URLs any report turns into a link. `javascript:`, `data:`, `file:` and
/// relative URLs are not links.
pub(crate) fn is_web_url(url: &str) -> bool {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            !rest.is_empty()
                && !rest.starts_with('/')
                && !url.chars().any(|c| c.is_control() || c.is_whitespace())
        }
        None => false,
    }
}

/// True for characters that can change what a terminal shows beyond the
/// character itself: C0 and C1 controls, DEL, and the Unicode bidirectional
/// overrides and isolates (which can reorder a line).
fn is_dangerous(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The text with control characters written as escapes (`\n`, `\t`, `\r`,
/// `\x1b`, `\u{202e}`), so a file name or an id printed to a terminal or
/// to standard error can neither forge a line nor send an escape sequence.
/// Text without such characters is returned as is.
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_dangerous) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x100 && is_dangerous(c) => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if is_dangerous(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_formula_start_is_neutralised_and_ordinary_text_is_not() {
        for cell in [
            "=SUM(A1:A9)",
            "+44 20 7946 0000",
            "-2 dead after the blast",
            "@reuters said",
            "\t=cmd|' /C calc'!A0",
            "\rsplit",
        ] {
            let n = neutralise_cell(cell);
            assert_eq!(n, format!("'{cell}"), "{cell:?}");
        }
        for cell in ["", "Reuters", "130,000 troops", "'already quoted", " =x"] {
            assert_eq!(neutralise_cell(cell), cell, "{cell:?}");
        }
    }

    #[test]
    fn only_absolute_http_urls_are_links() {
        for good in [
            "https://news.example.com/2022/01/27/ukraine",
            "HTTP://example.org/a?b=c#d",
            "  https://example.org/x  ",
        ] {
            assert!(is_web_url(good), "{good}");
        }
        for bad in [
            "javascript:alert(document.cookie)",
            "JavaScript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "file:///etc/passwd",
            "/relative/path",
            "https://",
            "https:///evil",
            "https://exa mple.org",
            "https://example.org/\u{1b}[2J",
            "vbscript:msgbox",
            "",
        ] {
            assert!(!is_web_url(bad), "{bad:?}");
        }
    }

    #[test]
    fn neutralised_cells_are_restored_exactly() {
        for cell in [
            "=SUM(A1:A9)",
            "-5 degrees",
            "+44 20 7946 0000",
            "@channel",
            "\tindented",
            "\rreturn",
            "'=already quoted",
            "''-two quotes",
            "'plain quote",
            "'",
            "",
            "Reuters",
            "it's = fine",
        ] {
            let written = neutralise_cell(cell);
            assert!(!written.starts_with(FORMULA_STARTS), "{written:?}");
            assert_eq!(restore_cell(&written), cell, "{cell:?} -> {written:?}");
        }
        assert_eq!(neutralise_cell("'=x"), "''=x");
        assert_eq!(neutralise_cell("'plain"), "'plain");
    }

    #[test]
    fn controls_and_bidi_overrides_are_escaped() {
        assert_eq!(escape_controls("plain name.txt"), "plain name.txt");
        assert_eq!(
            escape_controls("a.txt\ncrosscheck: error: forged"),
            "a.txt\\ncrosscheck: error: forged"
        );
        assert_eq!(escape_controls("\u{1b}]0;title\u{7}"), "\\x1b]0;title\\x07");
        assert_eq!(escape_controls("x\u{9b}31m"), "x\\x9b31m");
        assert_eq!(escape_controls("gpj.\u{202e}exe"), "gpj.\\u{202e}exe");
        assert_eq!(escape_controls("tab\there\r"), "tab\\there\\r");
        // non-ASCII text that is not a control stays
        assert_eq!(
            escape_controls("Zelensky’s “peace” plan"),
            "Zelensky’s “peace” plan"
        );
    }
}
