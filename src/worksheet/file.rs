//! The worksheet on disk: which file a path names (through a symbolic
//! link), the advisory lock that keeps two runs' read–merge–write apart,
//! and the atomic, durable write that keeps the file's mode.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
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

/// What the sheet held when it was read: a digest of its bytes (none if
/// there was no sheet) and its stamp. Compared again before the rename, so
/// a save made in a spreadsheet during the run is merged, not overwritten.
/// The bytes themselves are not kept: beside the parsed old sheet they
/// were as much again, and a second copy was read to compare (issue 15).
pub struct Snapshot {
    digest: Option<Digest>,
    stamp: Option<Stamp>,
}

/// The length and two 64-bit SipHash sums (under different keys) of a
/// sheet's bytes: two saves that differ and still agree on all three are
/// not a worry.
#[derive(PartialEq, Eq, Clone, Copy, Debug)]
struct Digest(u64, u64, u64);

/// Hashes bytes as they are read.
struct Digester(u64, std::hash::DefaultHasher, std::hash::DefaultHasher);

impl Digester {
    fn new() -> Self {
        use std::hash::Hasher;
        let mut second = std::hash::DefaultHasher::new();
        second.write(b"factsheet worksheet snapshot");
        Digester(0, std::hash::DefaultHasher::new(), second)
    }

    fn add(&mut self, bytes: &[u8]) {
        use std::hash::Hasher;
        self.0 += bytes.len() as u64;
        self.1.write(bytes);
        self.2.write(bytes);
    }

    fn finish(&self) -> Digest {
        use std::hash::Hasher;
        Digest(self.0, self.1.finish(), self.2.finish())
    }
}

/// A reader that hashes the bytes that pass through it.
struct Hashing<R>(R, Digester);

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.0.read(buf)?;
        self.1.add(&buf[..n]);
        Ok(n)
    }
}

/// Size, modification time and (on Unix) inode: what changes when a
/// spreadsheet saves, checked in the instant before the rename.
#[derive(PartialEq, Eq, Clone, Copy, Debug)]
pub struct Stamp(u64, Option<std::time::SystemTime>, u64);

/// The sheet's stamp now, or `None` if there is no sheet.
pub fn stamp(sheet: &Path) -> Option<Stamp> {
    let m = std::fs::metadata(sheet).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&m);
    #[cfg(not(unix))]
    let inode = 0;
    Some(Stamp(m.len(), m.modified().ok(), inode))
}

impl Snapshot {
    /// The sheet as it is now, given to `parse` as it is read (and hashed
    /// on the way, not kept), with what `parse` made of it; `None` when
    /// there is no sheet.
    pub fn read_with<T>(sheet: &Path, parse: impl FnOnce(&mut dyn Read) -> Result<T>) -> Result<(Snapshot, Option<T>)> {
        let io = |source| Error::Io {
            path: sheet.to_path_buf(),
            source,
        };
        let stamp = stamp(sheet);
        let file = match File::open(sheet) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let none = Snapshot {
                    digest: None,
                    stamp: None,
                };
                return Ok((none, None));
            }
            Err(e) => return Err(io(e)),
        };
        let mut input = Hashing(std::io::BufReader::with_capacity(1 << 16, file), Digester::new());
        let value = parse(&mut input)?;
        // Whatever the parser left unread is part of the sheet too.
        std::io::copy(&mut input, &mut std::io::sink()).map_err(io)?;
        let snapshot = Snapshot {
            digest: Some(input.1.finish()),
            stamp,
        };
        Ok((snapshot, Some(value)))
    }

    /// The sheet as it is now, read a block at a time and not kept.
    pub fn take(sheet: &Path) -> Result<Snapshot> {
        let io = |source| Error::Io {
            path: sheet.to_path_buf(),
            source,
        };
        let stamp = stamp(sheet);
        let mut file = match File::open(sheet) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Snapshot {
                    digest: None,
                    stamp: None,
                });
            }
            Err(e) => return Err(io(e)),
        };
        let mut d = Digester::new();
        let mut block = vec![0u8; 1 << 16];
        loop {
            match file.read(&mut block) {
                Ok(0) => break,
                Ok(n) => d.add(&block[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(io(e)),
            }
        }
        Ok(Snapshot {
            digest: Some(d.finish()),
            stamp,
        })
    }

    /// Does the sheet on disk still hold what this snapshot read?
    pub fn same_bytes(&self, now: &Snapshot) -> bool {
        self.digest == now.digest
    }

    /// Is the sheet's stamp still the one this snapshot saw?
    pub fn same_stamp(&self, sheet: &Path) -> bool {
        self.stamp == stamp(sheet)
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

/// Writes `bytes` as the sheet: [`Pending::prepare`], then commit.
pub fn write_atomic(sheet: &Path, bytes: &[u8]) -> Result<()> {
    Pending::prepare(sheet, bytes)?.commit()
}

/// A new sheet written to its temporary file and flushed to disk, waiting
/// for the rename. Dropped without [`Pending::commit`], it removes the
/// temporary file and leaves the old sheet as it was.
pub struct Pending {
    tmp: PathBuf,
    sheet: PathBuf,
    done: bool,
}

impl Pending {
    /// A temporary file beside the sheet holding `bytes`, with the old
    /// sheet's mode, flushed to disk. Any failure removes it.
    pub fn prepare(sheet: &Path, bytes: &[u8]) -> Result<Pending> {
        let pending = Pending {
            tmp: temp_path(sheet),
            sheet: sheet.to_path_buf(),
            done: false,
        };
        pending.write(bytes).map_err(|e| pending.error(e))?;
        Ok(pending)
    }

    fn write(&self, bytes: &[u8]) -> std::io::Result<()> {
        let mut f = self.open()?;
        f.write_all(bytes)?;
        self.finish(f)
    }

    fn open(&self) -> std::io::Result<File> {
        OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&self.tmp)
    }

    /// [`Pending::prepare`] of a sheet that `write` streams into the
    /// temporary file (buffered). Any failure, of `write` too, removes it.
    pub fn stream<T>(sheet: &Path, write: impl FnOnce(&mut (dyn Write + Send)) -> Result<T>) -> Result<(Pending, T)> {
        let pending = Pending {
            tmp: temp_path(sheet),
            sheet: sheet.to_path_buf(),
            done: false,
        };
        let mut out = std::io::BufWriter::with_capacity(1 << 16, pending.open().map_err(|e| pending.error(e))?);
        let done = write(&mut out)?;
        let f = out.into_inner().map_err(|e| pending.error(e.into_error()))?;
        pending.finish(f).map_err(|e| pending.error(e))?;
        Ok((pending, done))
    }

    /// Gives the temporary file the old sheet's mode and flushes it to disk.
    fn finish(&self, f: File) -> std::io::Result<()> {
        if let Ok(m) = std::fs::metadata(&self.sheet) {
            f.set_permissions(m.permissions())?;
        }
        f.sync_all()
    }

    /// Renames the temporary file over the sheet, then flushes the folder
    /// so the rename itself survives a crash.
    pub fn commit(mut self) -> Result<()> {
        std::fs::rename(&self.tmp, &self.sheet).map_err(|e| self.error(e))?;
        self.done = true;
        // Not every platform can open a folder; where it cannot, the rename
        // is as durable as the platform makes it.
        if let Ok(dir) = File::open(folder(&self.sheet)) {
            let _ = dir.sync_all();
        }
        Ok(())
    }

    fn error(&self, source: std::io::Error) -> Error {
        Error::Write {
            path: self.sheet.clone(),
            source,
        }
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
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
