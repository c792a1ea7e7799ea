//! A run's rows into a worksheet on disk, losing nothing: under the lock,
//! read the sheet, name the run's articles against it, merge, check that
//! the result reads back, and write it only if nobody saved the sheet in
//! the meantime (else merge that save too).

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use compact_str::CompactString;

use super::file::{self, Lock, Pending, Snapshot};
use super::identity;
use super::spill::{Article, Spill};
use super::{MergeStats, Row, Worksheet};
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
    let spill = Spill::of(batch).map_err(|e| io_error(path, e))?;
    update_spilled(path, spill, bom)
}

/// [`update`] of a batch whose rows were spilled to disk as it ran. The
/// sheet is merged and written as a stream of rows, one article's fresh
/// rows at a time: besides the old sheet, only small per-article facts are
/// held. A spreadsheet (`.xlsx`) streams its rows sheet the same way (see
/// [`super::xlsx::Rows`]).
pub fn update_spilled(path: &Path, mut batch: Spill, bom: bool) -> Result<Update> {
    let target = file::target(path);
    file::refuse_read_only(&target)?;
    locked(path, &target, |old| {
        Pending::stream(&target, |out| merge_streamed(path, &target, old, &mut batch, bom, out))
    })
}

fn io_error(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Under the sheet's lock, writes what `attempt` makes of the sheet as it
/// is now, and only if nobody saved the sheet meanwhile (else tries again
/// with their save).
fn locked(
    path: &Path,
    target: &Path,
    mut attempt: impl FnMut(Option<Worksheet>) -> Result<(Pending, Update)>,
) -> Result<Update> {
    let _lock = Lock::take(target)?;
    file::remove_stale_temps(target);
    for _ in 0..RETRIES {
        // The sheet is parsed as it is read: only its rows and a digest of
        // its bytes (to compare) are kept.
        let (seen, old) = Snapshot::read_with(target, |input| Worksheet::read_from(path, target, input))?;
        let (pending, done) = attempt(old)?;
        let now = Snapshot::take(target)?;
        // The last look, in the instant before the rename: writing and
        // flushing the temporary file took time a save could fall in.
        if now.same_bytes(&seen) && now.same_stamp(target) {
            pending.commit()?;
            return Ok(done);
        }
        // Someone saved the sheet while this run merged: merge their save.
        drop(pending);
    }
    Err(Error::Identity {
        path: path.to_path_buf(),
        message: "the worksheet kept changing while factsheet merged into it; nothing was written\nhint: save and close it in the spreadsheet, then run again".into(),
    })
}

/// Streams the run merged into the sheet (`old`, as read) to `out`, as
/// CSV, checking as it goes that the sheet would read back.
fn merge_streamed(
    path: &Path,
    target: &Path,
    mut old: Option<Worksheet>,
    batch: &mut Spill,
    bom: bool,
    out: &mut (dyn Write + Send),
) -> Result<Update> {
    let io = |e| io_error(path, e);
    let paths: Vec<String> = (0..batch.len()).map(|i| batch.path(i).to_string()).collect();
    let mut spill = batch.reader().map_err(io)?;
    let mut empty = Worksheet::default();
    let plan = identity::plan(target, old.as_mut().unwrap_or(&mut empty), &mut spill, &paths)?;
    let headers = old.as_ref().map_or_else(super::columns, Worksheet::merged_headers);
    let mut sheet = Streamed::new(path, out, headers, bom)?;
    let mut articles = plan.articles.iter();
    let mut next = || match articles.next() {
        Some(a) => Ok(Some((a.name.clone(), identity::named_rows(&mut spill, a).map_err(io)?))),
        None => Ok(None),
    };
    let stats = match &old {
        Some(old) => Some(old.merge_streamed(&plan.names, next, |r| sheet.row(r))?),
        None => {
            while let Some((_, rows)) = next()? {
                for r in &rows {
                    sheet.row(r)?;
                }
            }
            None
        }
    };
    let rows = sheet.finish()?;
    Ok(Update {
        stats,
        rows,
        notes: plan.notes,
    })
}

/// A sheet written a row at a time, refusing (as the merged sheet's
/// error) what [`Worksheet::parse`] would refuse: the checks of
/// [`Worksheet::check_readable`], made as the rows pass.
struct Streamed<'a> {
    path: &'a Path,
    out: Sink<'a>,
    headers: Vec<String>,
    ids: HashSet<CompactString>,
    record: Vec<String>,
    rows: usize,
}

impl<'a> Streamed<'a> {
    fn new(path: &'a Path, out: &'a mut (dyn Write + Send), headers: Vec<String>, bom: bool) -> Result<Self> {
        let probe = Worksheet {
            headers: headers.clone(),
            rows: Vec::new(),
        };
        probe.check_readable().map_err(|why| unreadable(path, why))?;
        let out = if super::is_xlsx(path) {
            Sink::Xlsx(Box::new(super::xlsx::Rows::new(path, &headers)?), out)
        } else {
            if bom {
                out.write_all(b"\xEF\xBB\xBF").map_err(|e| write_error(path, e))?;
            }
            let mut out = csv::Writer::from_writer(out as &mut dyn Write);
            out.write_record(&headers).map_err(|e| write_error(path, e.into()))?;
            Sink::Csv(Box::new(out))
        };
        Ok(Streamed {
            path,
            out,
            headers,
            ids: HashSet::new(),
            record: Vec::new(),
            rows: 0,
        })
    }

    fn row(&mut self, r: &Row) -> Result<()> {
        let id = r.cell("id");
        if id.is_empty() {
            return Err(unreadable(self.path, "a row without an id".into()));
        }
        if !self.ids.insert(CompactString::from(id)) {
            return Err(unreadable(self.path, format!("id {id} appears twice")));
        }
        if !super::is_verdict(r.cell("verdict")) {
            return Err(unreadable(
                self.path,
                format!("unknown verdict “{}”", r.cell("verdict")),
            ));
        }
        match &mut self.out {
            Sink::Csv(out) => {
                self.record.clear();
                self.record
                    .extend(self.headers.iter().map(|h| super::neutralise(r.cell(h.as_str()))));
                out.write_record(&self.record)
                    .map_err(|e| write_error(self.path, e.into()))?;
            }
            Sink::Xlsx(book, _) => book.row(r)?,
        }
        self.rows += 1;
        Ok(())
    }

    /// The number of rows written, once they are all out.
    fn finish(self) -> Result<usize> {
        match self.out {
            Sink::Csv(mut out) => out.flush().map_err(|e| write_error(self.path, e))?,
            Sink::Xlsx(book, out) => book.finish(out)?,
        }
        Ok(self.rows)
    }
}

/// Where a streamed sheet's rows go: CSV records, or a spreadsheet's rows
/// sheet (a temporary file until the package is written to the output).
enum Sink<'a> {
    Csv(Box<csv::Writer<&'a mut dyn Write>>),
    Xlsx(Box<super::xlsx::Rows>, &'a mut (dyn Write + Send)),
}

fn unreadable(path: &Path, why: String) -> Error {
    Error::Identity {
        path: path.to_path_buf(),
        message: format!("the merged worksheet would not read back ({why}); nothing was written"),
    }
}

fn write_error(path: &Path, source: std::io::Error) -> Error {
    Error::Write {
        path: path.to_path_buf(),
        source,
    }
}
