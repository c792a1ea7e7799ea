//! The worksheet on disk: which file a path names (through a symbolic
//! link), the advisory lock that keeps two runs' read–merge–write apart,
//! and the atomic, durable write that keeps the file's mode.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The file a worksheet path names: a symbolic link is written through,
/// so the link stays a link and its target gets the new sheet.
pub fn target(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    // A bounded walk: a loop of links ends in an error at write time.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => match std::fs::read_link(&p) {
                Ok(next) => p = folder(&p).join(next),
                Err(_) => break,
            },
            _ => break,
        }
    }
    p
}

/// The folder a file lies in (`.` for a bare name).
fn folder(path: &Path) -> PathBuf {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default()
}

/// An exclusive advisory lock on a worksheet, held until dropped. It is a
/// lock file beside the sheet (`.NAME.factsheet.lock`), not the sheet
/// itself, because every write replaces the sheet's file. The lock file
/// is left in place: removing it would let a waiting run lock a file
/// nobody else sees. The operating system releases the lock when a run
/// dies, so a killed run never blocks the next one.
pub struct Lock {
    _file: File,
}

impl Lock {
    pub fn take(sheet: &Path) -> Result<Lock> {
        let at = folder(sheet).join(format!(".{}.factsheet.lock", file_name(sheet)));
        let err = |source| Error::Write {
            path: sheet.to_path_buf(),
            source,
        };
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&at)
            .map_err(err)?;
        lock_exclusive(&file).map_err(err)?;
        Ok(Lock { _file: file })
    }
}

/// Waits for the exclusive lock on an open file.
#[cfg(unix)]
fn lock_exclusive(file: &File) -> std::io::Result<()> {
    rustix::fs::flock(file, rustix::fs::FlockOperation::LockExclusive).map_err(std::io::Error::from)
}

/// Elsewhere the sheet's content check before the rename is the only guard.
#[cfg(not(unix))]
fn lock_exclusive(_file: &File) -> std::io::Result<()> {
    Ok(())
}

/// What the sheet held when it was read: its bytes, or none if there was
/// no sheet. Compared again just before the rename, so a save made in a
/// spreadsheet during the run is merged, not overwritten.
#[derive(PartialEq, Eq)]
pub struct Snapshot(Option<Vec<u8>>);

impl Snapshot {
    pub fn take(sheet: &Path) -> Result<Snapshot> {
        match std::fs::read(sheet) {
            Ok(bytes) => Ok(Snapshot(Some(bytes))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Snapshot(None)),
            Err(source) => Err(Error::Io {
                path: sheet.to_path_buf(),
                source,
            }),
        }
    }

    pub fn bytes(&self) -> Option<&[u8]> {
        self.0.as_deref()
    }
}

/// Refuses a sheet the user made read-only: replacing it would undo their
/// choice (a rename needs only the folder to be writable).
pub fn refuse_read_only(sheet: &Path) -> Result<()> {
    match std::fs::metadata(sheet) {
        Ok(m) if m.permissions().readonly() => Err(Error::Write {
            path: sheet.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "the worksheet is read-only, so factsheet leaves it untouched\nhint: make it writable (chmod u+w) to merge this run into it",
            ),
        }),
        _ => Ok(()),
    }
}

/// The temporary file a run writes before the rename.
fn temp_path(sheet: &Path) -> PathBuf {
    folder(sheet).join(format!(".{}.factsheet-{}.tmp", file_name(sheet), std::process::id()))
}

/// Removes temporary files earlier runs left beside this sheet when they
/// were killed. Called under the lock, so no live run is writing one.
pub fn remove_stale_temps(sheet: &Path) {
    let prefix = format!(".{}.factsheet-", file_name(sheet));
    let Ok(entries) = std::fs::read_dir(folder(sheet)) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        let pid = name.strip_prefix(&prefix).and_then(|r| r.strip_suffix(".tmp"));
        if pid.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Writes `bytes` as the sheet: a temporary file beside it, flushed to
/// disk, given the old sheet's mode, renamed over the sheet, and the
/// folder flushed so the rename itself survives a crash. Any failure
/// removes the temporary file and leaves the old sheet as it was.
pub fn write_atomic(sheet: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = temp_path(sheet);
    let result = write_then_rename(&tmp, sheet, bytes);
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(|source| Error::Write {
        path: sheet.to_path_buf(),
        source,
    })
}

fn write_then_rename(tmp: &Path, sheet: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = OpenOptions::new().write(true).create(true).truncate(true).open(tmp)?;
    f.write_all(bytes)?;
    if let Ok(m) = std::fs::metadata(sheet) {
        f.set_permissions(m.permissions())?;
    }
    f.sync_all()?;
    drop(f);
    std::fs::rename(tmp, sheet)?;
    // Not every platform can open a folder; where it cannot, the rename
    // is as durable as the platform makes it.
    if let Ok(dir) = File::open(folder(sheet)) {
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_name_lies_in_the_current_folder() {
        assert_eq!(folder(Path::new("s.csv")), PathBuf::from("."));
        assert_eq!(folder(Path::new("a/s.csv")), PathBuf::from("a"));
    }
}
