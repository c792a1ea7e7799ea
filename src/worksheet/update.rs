//! A run's rows into a worksheet on disk, losing nothing: under the lock,
//! read the sheet, name the run's articles against it, merge, check that
//! the result reads back, and write it only if nobody saved the sheet in
//! the meantime (else merge that save too).

use std::path::Path;

use super::file::{self, Lock, Pending, Snapshot};
use super::identity::{Article, identify};
use super::{MergeStats, Worksheet};
use crate::error::{Error, Result};

/// What [`update`] did.
#[derive(Debug)]
pub struct Update {
    /// The merge's counts, or `None` when the sheet was new.
    pub stats: Option<MergeStats>,
    pub rows: usize,
    pub notes: Vec<String>,
}

impl Update {
    /// `kept 41 · new 3 · changed 2 · orphaned 1`, or `wrote 14 rows`.
    pub fn line(&self) -> String {
        match self.stats {
            Some(s) => s.line(),
            None => format!("wrote {} rows", self.rows),
        }
    }
}

/// How often a sheet saved during the merge is merged again before the
/// run gives up (and writes nothing).
const RETRIES: usize = 8;

/// Writes a run's articles into the worksheet at `path`, merging with what
/// is there.
pub fn update(path: &Path, batch: Vec<Article>, bom: bool) -> Result<Update> {
    let target = file::target(path);
    file::refuse_read_only(&target)?;
    let _lock = Lock::take(&target)?;
    file::remove_stale_temps(&target);
    let mut seen = Snapshot::take(&target)?;
    for _ in 0..RETRIES {
        let (bytes, done) = merge_into(path, &target, &seen, batch.clone(), bom)?;
        let now = Snapshot::take(&target)?;
        if now.same_bytes(&seen) {
            let pending = Pending::prepare(&target, &bytes)?;
            // The last look, in the instant before the rename: writing and
            // flushing the temporary file took time a save could fall in.
            if now.same_stamp(&target) {
                pending.commit()?;
                return Ok(done);
            }
            drop(pending);
            seen = Snapshot::take(&target)?;
            continue;
        }
        // Someone saved the sheet while this run merged: merge their save.
        seen = now;
    }
    Err(Error::Identity {
        path: path.to_path_buf(),
        message: "the worksheet kept changing while factsheet merged into it; nothing was written\nhint: save and close it in the spreadsheet, then run again".into(),
    })
}

/// The bytes to write: the run merged into the sheet as `seen` holds it.
/// Articles' paths are relative to the sheet's real file (`target`, past
/// any link), so a link and its target name them alike.
fn merge_into(
    path: &Path,
    target: &Path,
    seen: &Snapshot,
    batch: Vec<Article>,
    bom: bool,
) -> Result<(Vec<u8>, Update)> {
    let mut old = match seen.bytes() {
        Some(bytes) => Some(Worksheet::parse(path, bytes)?),
        None => None,
    };
    let mut empty = Worksheet::default();
    let found = identify(target, old.as_mut().unwrap_or(&mut empty), batch)?;
    let (sheet, stats) = match &old {
        Some(old) => {
            let (mut merged, mut stats) = old.merge(found.rows, &found.names);
            super::flag_new_speakers(old, &mut merged, &mut stats);
            (merged, Some(stats))
        }
        None => (Worksheet::from_rows(found.rows), None),
    };
    // Never write a sheet the next run would refuse.
    sheet.check_readable().map_err(|why| Error::Identity {
        path: path.to_path_buf(),
        message: format!("the merged worksheet would not read back ({why}); nothing was written"),
    })?;
    let bytes = sheet.to_bytes(path, bom)?;
    let rows = sheet.rows.len();
    Ok((
        bytes,
        Update {
            stats,
            rows,
            notes: found.notes,
        },
    ))
}
