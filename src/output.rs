//! Where the output goes: the `-o` path is checked before any work, and
//! files are written atomically (a temporary file in the target directory,
//! renamed into place), so a failure or an interruption never leaves a
//! truncated report under the final name nor destroys the previous one.

use crosscheck::parse::InputFormat;
use crosscheck::report::sanitize::escape_controls;
use crosscheck::report::Format;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Checks an `-o FILE` path before anything is read: it must not be a
/// directory, its directory must exist, and it must not be one of the
/// `inputs` (nor a file a directory input would read). Returns the message
/// of the first problem.
pub fn check_path(path: &Path, inputs: &[PathBuf]) -> Result<(), String> {
    let shown = escape_controls(&path.display().to_string()).into_owned();
    if path.as_os_str().is_empty() {
        return Err("-o: empty file name".into());
    }
    if path.is_dir() || path.file_name().is_none() || ends_with_separator(path) {
        return Err(format!("-o {shown}: is a directory, not a file"));
    }
    let parent = parent_dir(path);
    match std::fs::metadata(parent) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return Err(format!(
                "-o {shown}: {} is not a directory",
                escape_controls(&parent.display().to_string())
            ))
        }
        Err(_) => {
            return Err(format!(
                "-o {shown}: directory {} does not exist",
                escape_controls(&parent.display().to_string())
            ))
        }
    }
    let Some(target) = canonical_target(path) else {
        return Ok(());
    };
    for input in inputs.iter().filter(|i| i.as_os_str() != "-") {
        let Ok(input_path) = std::fs::canonicalize(input) else {
            continue;
        };
        let shown_input = escape_controls(&input.display().to_string()).into_owned();
        if input_path == target {
            return Err(format!(
                "-o {shown}: is the input {shown_input}; writing would overwrite it"
            ));
        }
        if input_path.is_dir()
            && target.starts_with(&input_path)
            && InputFormat::from_path(&target).is_some()
            && !hidden_below(&target, &input_path)
        {
            return Err(format!(
                "-o {shown}: is inside the input directory {shown_input}, which reads it as an article"
            ));
        }
    }
    Ok(())
}

fn ends_with_separator(path: &Path) -> bool {
    let s = path.as_os_str().to_string_lossy();
    s.ends_with('/') || s.ends_with(std::path::MAIN_SEPARATOR)
}

/// The directory a file path lives in (`.` for a bare file name).
fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The absolute path `path` names once created: its canonical directory
/// plus its file name (the file itself may not exist yet).
fn canonical_target(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = std::fs::canonicalize(path) {
        return Some(p);
    }
    let dir = std::fs::canonicalize(parent_dir(path)).ok()?;
    Some(dir.join(path.file_name()?))
}

/// True when a component of `target` below `root` is hidden (starts with
/// `.`): directory walks skip those.
fn hidden_below(target: &Path, root: &Path) -> bool {
    target.strip_prefix(root).is_ok_and(|rest| {
        rest.components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
    })
}

/// The report format: `--format` when given, else the one the `-o`
/// extension names, else the terminal table for standard output. An `-o`
/// extension that names no format (`report.yaml`) is an error without
/// `--format`, rather than a table under a misleading name.
pub fn report_format(format: Option<Format>, output: Option<&Path>) -> Result<Format, String> {
    match (format, output) {
        (Some(f), _) => Ok(f),
        (None, None) => Ok(Format::Table),
        (None, Some(path)) => Format::from_path(path).ok_or_else(|| {
            let names: Vec<&str> = Format::ALL.iter().map(|f| f.as_str()).collect();
            format!(
                "-o {}: the extension names no report format; use .csv, .json, .md, .html, .dot \
                 or .txt, or give --format ({})",
                escape_controls(&path.display().to_string()),
                names.join(", ")
            )
        }),
    }
}

/// Writes a file atomically: `write` fills a temporary file created in the
/// same directory (`.crosscheck-*.tmp`), which is flushed, synced and
/// renamed over `path` only when everything succeeded. On any error the
/// temporary file is removed and an existing `path` is untouched. An
/// existing file's permissions are kept.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    // A device, pipe or socket (`-o /dev/null`, `-o /dev/stdout`, a named
    // pipe) is written in place: renaming a file over it would replace the
    // device node itself.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        let mut out = io::BufWriter::new(std::fs::OpenOptions::new().write(true).open(path)?);
        // (a reader that closed its pipe has all it wanted, as on stdout)
        return match write(&mut out).and_then(|()| out.flush()) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            other => other,
        };
    }
    // A symbolic link (`-o /dev/stdout` redirected to a file, a link to a
    // report) is followed: the file it names is replaced, the link stays.
    let resolved;
    let path = if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        resolved = std::fs::canonicalize(path)?;
        resolved.as_path()
    } else {
        path
    };
    let dir = parent_dir(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".crosscheck-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // like a plain create: 0666 less the umask, not tempfile's 0600
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    if let Ok(existing) = std::fs::metadata(path) {
        tmp.as_file().set_permissions(existing.permissions())?;
    }
    {
        let mut out = io::BufWriter::new(tmp.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    tmp.as_file().sync_all()?;
    // dropping `tmp` on an error above removes the temporary file
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes `bytes` to `path` atomically, or to standard output when `path`
/// is `None`. A closed standard output (`| head -1`) is not an error: the
/// reader has all it wanted.
pub fn write_output(path: Option<&Path>, bytes: &[u8]) -> io::Result<()> {
    match path {
        Some(p) => write_atomic(p, |w| w.write_all(bytes)),
        None => {
            let stdout = io::stdout();
            let mut out = stdout.lock();
            match out.write_all(bytes).and_then(|()| out.flush()) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => other,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "finding_id,kind,severity\n3f2a9c,quote_wording,medium\n";

    fn leftovers(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != "baseline.csv" && n != "wire.txt")
            .collect();
        names.sort();
        names
    }

    /// `-o` naming a named pipe (as `/dev/null` names a device) writes into
    /// it; the pipe stays a pipe (it was once renamed over, which replaced
    /// the node with a regular file).
    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_written_in_place() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("report.pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("mkfifo unavailable: skipped");
            return;
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
        };
        write_atomic(&fifo, |w| w.write_all(OLD.as_bytes())).unwrap();
        // (checked before the join: a pipe renamed over would leave the
        // reader waiting for a writer forever)
        assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
        assert_eq!(reader.join().unwrap(), OLD);
        assert_eq!(leftovers(dir.path()), ["report.pipe"]);
    }

    /// `-o` naming a symbolic link replaces the file it names and keeps
    /// the link (`-o /dev/stdout` redirected to a file is such a link).
    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("wire.txt");
        std::fs::write(&file, "old report").unwrap();
        let link = dir.path().join("baseline.csv");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        write_atomic(&link, |w| w.write_all(OLD.as_bytes())).unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), OLD);
        assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn a_writer_failing_midway_leaves_the_old_report_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.csv");
        std::fs::write(&path, OLD).unwrap();
        let err = write_atomic(&path, |w| {
            w.write_all(b"finding_id,kind,severity\n")?;
            // more than the buffer, so part of it reaches the disk
            w.write_all(&b"9c1d7e,date,high\n".repeat(2000))?;
            Err(io::Error::new(io::ErrorKind::StorageFull, "no space left"))
        })
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), OLD);
        assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn a_successful_write_replaces_the_file_and_keeps_its_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.csv");
        std::fs::write(&path, OLD).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_output(Some(&path), b"finding_id,kind,severity\n").unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "finding_id,kind,severity\n"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o640);
        }
        assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn a_missing_directory_fails_without_creating_anything() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-dir").join("report.csv");
        assert!(write_output(Some(&path), b"x").is_err());
        assert!(!dir.path().join("no-such-dir").exists());
    }

    #[test]
    fn the_format_comes_from_the_flag_then_the_extension() {
        let yaml = Path::new("report.yaml");
        let e = report_format(None, Some(yaml)).unwrap_err();
        assert!(e.contains("names no report format"), "{e}");
        assert_eq!(
            report_format(Some(Format::Json), Some(yaml)),
            Ok(Format::Json)
        );
        assert_eq!(
            report_format(None, Some(Path::new("r.HTML"))),
            Ok(Format::Html)
        );
        assert_eq!(report_format(None, None), Ok(Format::Table));
        assert!(report_format(None, Some(Path::new("report"))).is_err());
    }

    #[test]
    fn bad_output_paths_are_named_before_any_work() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("wire.txt");
        std::fs::write(&input, "Officials said 40 people were hurt.").unwrap();
        let inputs = vec![dir.path().to_path_buf()];

        let e = check_path(dir.path(), &inputs).unwrap_err();
        assert!(e.ends_with("is a directory, not a file"), "{e}");
        let e = check_path(&dir.path().join("missing/report.csv"), &[]).unwrap_err();
        assert!(e.contains("does not exist"), "{e}");
        let e = check_path(&input.join("report.csv"), &[]).unwrap_err();
        assert!(e.contains("is not a directory"), "{e}");
        // the input itself, by name or through its directory
        let e = check_path(&input, std::slice::from_ref(&input)).unwrap_err();
        assert!(e.contains("is the input"), "{e}");
        let e = check_path(&input, &inputs).unwrap_err();
        assert!(e.contains("inside the input directory"), "{e}");
        // a new JSON report in the corpus would be read as an article next time
        let e = check_path(&dir.path().join("report.json"), &inputs).unwrap_err();
        assert!(e.contains("inside the input directory"), "{e}");
        // a CSV there is never read; a report elsewhere is fine
        assert!(check_path(&dir.path().join("report.csv"), &inputs).is_ok());
        let other = tempfile::tempdir().unwrap();
        assert!(check_path(&other.path().join("report.json"), &inputs).is_ok());
    }
}
