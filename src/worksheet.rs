//! The CSV worksheet a journalist fills in: one row per quote, statement
//! (reported speech without quotation marks), claim and finding, machine
//! columns first, then the human columns. Writing over an existing sheet
//! merges (a keyed join on `id`, as xsv does it): human
//! columns and any extra column survive, vanished items stay as
//! `orphaned`, slightly edited items are matched and marked `changed`.
//! Writes are atomic; a sheet that cannot be read is refused untouched.
//! [`update`] is the whole read–merge–write, safe against a second run and
//! a spreadsheet save at the same time.

mod cells;
mod file;
mod identity;
mod ids;
mod matching;
mod spill;
mod update;
mod xlsx;

pub use cells::{neutralise, restore};
pub use spill::{Article, Spill};
pub use update::{Update, update, update_spilled};

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

use compact_str::CompactString;

use crate::Analysis;
use crate::error::{Error, Result};
use crate::render::{Ids, article_name, context_text, line_col, push_check_notes, push_one_line};

/// Columns factsheet owns and rewrites on every run.
pub const MACHINE: &[&str] = &[
    "id",
    "article",
    "line",
    "column",
    "kind",
    "type",
    "text",
    "context",
    "speaker",
    "role",
    "source",
    "value",
    "check_status",
    "check_notes",
    "attribution",
    // The article's path relative to the sheet: its identity (see
    // `identity`). Last, so the columns before it keep their places.
    "article_path",
    // The article's web address when the input gives one (a page's
    // canonical link, a JSON Lines `url`), for ClaimReview exports.
    "article_url",
];
/// Columns the journalist owns; factsheet never changes them.
pub const HUMAN: &[&str] = &["verdict", "evidence", "checked_by", "notes"];
/// Columns that record what a re-run did to a row.
pub const LIFECYCLE: &[&str] = &["row_status", "previous_text"];

const VERDICTS_SRC: &str = include_str!("../data/lexicon/verdicts.txt");

/// The verdicts a cell may hold, in the order of the lexicon.
pub fn verdicts() -> impl Iterator<Item = &'static str> {
    VERDICTS_SRC
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// Is this worksheet a spreadsheet (`.xlsx`, in any case)?
pub fn is_xlsx(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

/// Is this a verdict the worksheet accepts (empty = not yet checked)?
pub fn is_verdict(v: &str) -> bool {
    let v = v.trim().to_lowercase();
    v.is_empty()
        || VERDICTS_SRC
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .any(|l| !l.is_empty() && l == v)
}

/// One row: column name → cell, in the order the cells were set. A row
/// has about twenty cells, so a short list is quicker to build and read
/// than a hash table. The cells' text lies end to end in one string, in
/// column order, so building a row allocates a few times, not once per
/// cell, and each cell is kept as where it ends (four bytes). A row read
/// from a sheet shares the sheet's column names with its other rows: an
/// old sheet's rows are what a merge holds, and a name and a range per
/// cell made them seven times their size on disk (issue 15).
#[derive(Clone, Default)]
pub struct Row {
    text: String,
    layout: Layout,
}

/// A row's columns and where each cell ends in its text (a cell starts
/// where the one before it ends).
#[derive(Clone)]
enum Layout {
    /// Cells set one by one (a fresh row): each column beside its end.
    Own(Vec<(CompactString, u32)>),
    /// A row read from a sheet: the sheet's columns, shared, and the ends,
    /// in two bytes each when the row is shorter than 64 KiB (nearly
    /// always). A row read is changed by first making it `Own`.
    Short(std::sync::Arc<[CompactString]>, Box<[u16]>),
    Long(std::sync::Arc<[CompactString]>, Box<[u32]>),
}

impl Default for Layout {
    fn default() -> Self {
        Layout::Own(Vec::new())
    }
}

impl Layout {
    fn len(&self) -> usize {
        match self {
            Layout::Own(cells) => cells.len(),
            Layout::Short(_, ends) => ends.len(),
            Layout::Long(_, ends) => ends.len(),
        }
    }

    fn name(&self, i: usize) -> &str {
        match self {
            Layout::Own(cells) => cells[i].0.as_str(),
            Layout::Short(names, _) | Layout::Long(names, _) => names[i].as_str(),
        }
    }

    fn end(&self, i: usize) -> usize {
        match self {
            Layout::Own(cells) => cells[i].1 as usize,
            Layout::Short(_, ends) => usize::from(ends[i]),
            Layout::Long(_, ends) => ends[i] as usize,
        }
    }

    fn position(&self, column: &str) -> Option<usize> {
        (0..self.len()).find(|&i| self.name(i) == column)
    }

    /// Changes the cells, as a list of their own (a row read from a
    /// sheet gets one first).
    fn change<T>(&mut self, f: impl FnOnce(&mut Vec<(CompactString, u32)>) -> T) -> T {
        // A fresh row (every row the analysis builds) is changed where it
        // is: taking it out and putting it back built and dropped an empty
        // layout per cell, a tenth of the worksheet's cost.
        if let Layout::Own(cells) = self {
            return f(cells);
        }
        let mut cells = match std::mem::take(self) {
            Layout::Own(cells) => cells,
            read => (0..read.len())
                .map(|i| (CompactString::from(read.name(i)), offset(read.end(i))))
                .collect(),
        };
        let out = f(&mut cells);
        *self = Layout::Own(cells);
        out
    }
}

/// A cell's end as kept: a row is one article's item or one sheet line,
/// far under 4 GiB (a sheet's rows are refused past that when read).
fn offset(n: usize) -> u32 {
    debug_assert!(u32::try_from(n).is_ok());
    n as u32
}

impl Row {
    /// A row with room for `columns` cells of `bytes` bytes in all.
    pub fn with_capacity(columns: usize, bytes: usize) -> Self {
        Row {
            text: String::with_capacity(bytes),
            layout: Layout::Own(Vec::with_capacity(columns)),
        }
    }

    /// A row read from a sheet: one cell per column of `columns` (shared
    /// by the sheet's rows), in order. `None` when the row is 4 GiB or more.
    fn of_sheet(columns: &std::sync::Arc<[CompactString]>, cells: &[String]) -> Option<Self> {
        debug_assert_eq!(columns.len(), cells.len());
        let mut text = String::with_capacity(cells.iter().map(String::len).sum());
        let mut ends = Vec::with_capacity(cells.len());
        for c in cells {
            text.push_str(c);
            ends.push(u32::try_from(text.len()).ok()?);
        }
        let columns = columns.clone();
        let layout = match ends
            .iter()
            .map(|&e| u16::try_from(e))
            .collect::<std::result::Result<Box<[u16]>, _>>()
        {
            Ok(short) => Layout::Short(columns, short),
            Err(_) => Layout::Long(columns, ends.into_boxed_slice()),
        };
        Some(Row { text, layout })
    }

    fn range(&self, i: usize) -> Range<usize> {
        let start = if i == 0 { 0 } else { self.layout.end(i - 1) };
        start..self.layout.end(i)
    }

    /// The cell in `column`, if the row has that column.
    pub fn get(&self, column: &str) -> Option<&str> {
        self.layout.position(column).map(|i| &self.text[self.range(i)])
    }

    /// The cell in `column`, empty if the row has no such column (as a
    /// spreadsheet shows it).
    pub fn cell(&self, column: &str) -> &str {
        self.get(column).unwrap_or_default()
    }

    /// Sets the cell in `column` and returns what it held. A replaced
    /// cell's text is replaced in place (the cells after it move).
    pub fn insert(&mut self, column: &str, value: impl AsRef<str>) -> Option<String> {
        let value = value.as_ref();
        match self.layout.position(column) {
            Some(i) => {
                let at = self.range(i);
                let old = self.text[at.clone()].to_string();
                self.text.replace_range(at, value);
                let grown = value.len() as i64 - old.len() as i64;
                self.layout.change(|cells| {
                    for (_, end) in cells.iter_mut().skip(i) {
                        *end = offset((i64::from(*end) + grown) as usize);
                    }
                });
                Some(old)
            }
            None => {
                self.text.push_str(value);
                let end = offset(self.text.len());
                self.layout.change(|cells| cells.push((column.into(), end)));
                None
            }
        }
    }

    /// Sets a column the row does not have yet (building a fresh row).
    fn push(&mut self, column: &'static str, value: &str) {
        self.push_with(column, |text| text.push_str(value));
    }

    /// [`Row::push`] of a cell that `write` appends to the row's text.
    fn push_with(&mut self, column: &'static str, write: impl FnOnce(&mut String)) {
        debug_assert!(self.get(column).is_none(), "{column} set twice");
        write(&mut self.text);
        let end = offset(self.text.len());
        self.layout
            .change(|cells| cells.push((CompactString::const_new(column), end)));
    }

    /// (column, cell) pairs in the order they were set.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        (0..self.layout.len()).map(|i| (self.layout.name(i), &self.text[self.range(i)]))
    }

    pub fn len(&self) -> usize {
        self.layout.len()
    }

    pub fn is_empty(&self) -> bool {
        self.layout.len() == 0
    }
}

/// Rows are equal when their cells are, however their columns are kept.
impl PartialEq for Row {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for Row {}

impl std::fmt::Debug for Row {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// Later cells win over earlier ones in the same column, as they would
/// in a map.
impl<K: AsRef<str>, V: AsRef<str>> FromIterator<(K, V)> for Row {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut row = Row::default();
        for (k, v) in iter {
            row.insert(k.as_ref(), v);
        }
        row
    }
}

/// A worksheet in memory: its column order and rows.
#[derive(Debug, Clone, Default)]
pub struct Worksheet {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

/// What a merge did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct MergeStats {
    pub kept: usize,
    pub new: usize,
    pub changed: usize,
    pub orphaned: usize,
}

impl MergeStats {
    pub fn line(&self) -> String {
        format!(
            "kept {} · new {} · changed {} · orphaned {}",
            self.kept, self.new, self.changed, self.orphaned
        )
    }
}

fn default_headers() -> Vec<String> {
    MACHINE
        .iter()
        .chain(HUMAN)
        .chain(LIFECYCLE)
        .map(|s| s.to_string())
        .collect()
}

/// The worksheet rows of one analysis, in text order.
pub fn rows(a: &Analysis) -> Vec<Row> {
    let text = a.document.text.as_str();
    let ids = Ids::of(a);
    let article = article_name(&a.document.path);
    let mut out: Vec<(usize, Row)> = Vec::with_capacity(a.quotes.len() + a.claims.len() + a.findings.len());
    let base = |id: &str, kind: &str, ty: &str, span: crate::span::Span| -> Row {
        let (l, c) = line_col(a, span);
        // Room for every cell up front (the text, its sentence and about
        // 200 bytes of the rest), so the row seldom grows.
        let context = context_text(a, span);
        let bytes = span.len() + context.len() + article.len() + 256;
        let mut r = Row::with_capacity(16, bytes);
        r.push("id", id);
        r.push("article", article);
        r.push_with("line", |cell| push_digits(cell, l));
        r.push_with("column", |cell| push_digits(cell, c));
        r.push("kind", kind);
        r.push("type", ty);
        r.push_with("text", |cell| push_one_line(cell, span.of(text)));
        r.push_with("context", |cell| context.push_to(cell));
        r
    };
    for (i, q) in a.quotes.iter().enumerate() {
        let mut r = base(&ids.quotes[i], "quote", q.kind.as_str(), q.span);
        if let Some(s) = &q.speaker {
            r.push("speaker", &s.name);
            r.push("role", s.role.as_deref().unwrap_or_default());
            r.push_with("attribution", |cell| {
                for part in [q.rule.unwrap_or("rule"), " via “", s.span.of(text), "”"] {
                    cell.push_str(part);
                }
            });
        }
        out.push((q.span.start, r));
    }
    // Reported speech without quotation marks: a statement the journalist
    // verifies like a quote.
    for (i, t) in a.attributions.iter().enumerate() {
        if t.kind != crate::AttributionKind::Indirect {
            continue;
        }
        let mut r = base(&ids.attributions[i], "statement", t.kind.as_str(), t.extent());
        r.insert("text", t.content_text(text));
        if let Some(s) = &t.speaker {
            r.push("speaker", &s.name);
            r.push("role", s.role.as_deref().unwrap_or_default());
        }
        r.push_with("attribution", |cell| {
            cell.push_str(t.rule);
            if let Some(c) = t.cue {
                for part in [" via “", c.of(text), "”"] {
                    cell.push_str(part);
                }
            }
        });
        out.push((t.extent().start, r));
    }
    for (i, c) in a.claims.iter().enumerate() {
        let mut r = base(&ids.claims[i], "claim", c.kind.as_str(), c.span);
        r.push("source", c.source.as_deref().unwrap_or_default());
        r.push_with("value", |cell| c.value.push_display(cell));
        let mut notes = String::new();
        let status = push_check_notes(a, i, &mut notes);
        // A claim a finding concerns points to it.
        for (fi, f) in a.findings.iter().enumerate() {
            if f.span.overlaps(c.span) || f.related.iter().any(|s| s.overlaps(c.span)) {
                if !notes.is_empty() {
                    notes.push_str("; ");
                }
                notes.push_str("see ");
                notes.push_str(&ids.findings[fi]);
            }
        }
        r.push("check_status", status);
        r.push("check_notes", &notes);
        out.push((c.span.start, r));
    }
    for (i, f) in a.findings.iter().enumerate() {
        let mut r = base(&ids.findings[i], "finding", f.check, f.span);
        r.push("value", f.severity.as_str());
        r.push("check_status", "failed");
        r.push("check_notes", &f.message);
        out.push((f.span.start, r));
    }
    out.sort_by_key(|(p, _)| *p);
    let url = a.document.url.as_deref();
    out.into_iter()
        .map(|(_, mut r)| {
            if let Some(u) = url {
                r.push("article_url", u);
            }
            r
        })
        .collect()
}

/// The CSV lines of `rows` under `headers` (the header line first when
/// `header`), as [`Worksheet::to_csv`] writes them: a sheet can be written
/// a few rows at a time, so a batch's rows need not all be held.
pub fn csv_lines(headers: &[String], rows: &[Row], header: bool) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing into a Vec cannot fail.
    if header {
        let _ = w.write_record(headers);
    }
    let mut rec: Vec<String> = Vec::with_capacity(headers.len());
    for r in rows {
        rec.clear();
        rec.extend(headers.iter().map(|h| neutralise(r.cell(h.as_str()))));
        let _ = w.write_record(&rec);
    }
    w.into_inner().unwrap_or_default()
}

/// How many lines the file has (0 if it cannot be read), read a block at
/// a time.
fn count_lines(file: &Path) -> usize {
    use std::io::Read;
    let Ok(mut f) = std::fs::File::open(file) else { return 0 };
    let mut block = vec![0u8; 1 << 16];
    let mut lines = 0;
    loop {
        match f.read(&mut block) {
            Ok(0) => return lines,
            Ok(n) => lines += memchr::memchr_iter(b'\n', &block[..n]).count(),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return lines,
        }
    }
}

/// The columns of a new worksheet, in order.
pub fn columns() -> Vec<String> {
    default_headers()
}

/// A line or column number, as `to_string` writes it.
fn push_digits(cell: &mut String, n: usize) {
    crate::claims::calendar::push_padded(cell, n as u64, 1);
}

impl Worksheet {
    pub fn from_rows(rows: Vec<Row>) -> Self {
        Worksheet {
            headers: default_headers(),
            rows,
        }
    }

    /// Reads a worksheet, as written by factsheet or saved by a spreadsheet
    /// (BOM, CRLF, reordered or extra columns, quoted fields).
    pub fn read(path: &Path) -> Result<Worksheet> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Worksheet::parse(path, &bytes)
    }

    /// [`Worksheet::read`] of the sheet at `path` (whose file is `file`)
    /// from `input` as it is read: a CSV sheet's rows are parsed as they
    /// come, so its bytes are never all held beside them (issue 15). Gives
    /// what [`Worksheet::parse`] of the whole file gives.
    pub(crate) fn read_from(path: &Path, file: &Path, input: &mut dyn std::io::Read) -> Result<Worksheet> {
        use std::io::Read;
        let mut head = [0u8; 4];
        let mut got = 0;
        while got < head.len() {
            match input.read(&mut head[got..]) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(source) => {
                    return Err(Error::Io {
                        path: file.to_path_buf(),
                        source,
                    });
                }
            }
        }
        let head = &head[..got];
        let whole = |input: &mut dyn Read| {
            let mut bytes = head.to_vec();
            input.read_to_end(&mut bytes).map_err(|source| Error::Io {
                path: file.to_path_buf(),
                source,
            })?;
            Worksheet::parse(path, &bytes)
        };
        if is_xlsx(path) || head.starts_with(b"PK\x03\x04") {
            return whole(input);
        }
        let rest = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        // Room for as many rows as the file has lines (a row of multi-line
        // cells has more): the rows are not moved as they grow.
        let lines = count_lines(file);
        match Worksheet::parse_csv_from(path, rest.chain(&mut *input), lines) {
            Ok(sheet) => Ok(sheet),
            // Read whole to find the unclosed quote that caused the error.
            Err(e) => match std::fs::read(file) {
                Ok(bytes) => Worksheet::parse(path, &bytes).and(Err(e)),
                Err(_) => Err(e),
            },
        }
    }

    /// [`Worksheet::read`] of bytes already read from `path`: a spreadsheet
    /// when the name ends in `.xlsx`, else CSV.
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<Worksheet> {
        if is_xlsx(path) {
            return xlsx::parse(path, bytes);
        }
        let bad = |line: u64, message: String| Error::Worksheet {
            path: path.to_path_buf(),
            line,
            message,
        };
        if bytes.starts_with(b"PK\x03\x04") {
            return Err(bad(
                1,
                "this is a spreadsheet file (XLSX), not CSV: name it .xlsx, or save it as CSV".into(),
            ));
        }
        Worksheet::parse_csv(path, bytes).map_err(|e| match (&e, cells::unclosed_quote(bytes)) {
            // Whatever went wrong at or after it, the unclosed quote is the
            // cause (its cell swallowed the rows below).
            (Error::Worksheet { line: at, .. }, Some(line)) if *at >= line || *at == 0 => bad(
                line,
                "a quoted cell is never closed (a `\"` opens it and no `\"` before a comma or line end ends it)".into(),
            ),
            _ => e,
        })
    }

    fn parse_csv(path: &Path, bytes: &[u8]) -> Result<Worksheet> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        Worksheet::parse_csv_from(path, bytes, 0)
    }

    /// Reads a CSV worksheet (without its BOM) from `input` as it comes,
    /// with room for `rows` rows: a merge need not hold the file's bytes
    /// beside its rows. An error is the one [`Worksheet::parse`] gives,
    /// but for the unclosed quote it would find in the whole file.
    pub(crate) fn parse_csv_from(path: &Path, input: impl std::io::Read, rows: usize) -> Result<Worksheet> {
        let bad = |line: u64, message: String| Error::Worksheet {
            path: path.to_path_buf(),
            line,
            message,
        };
        let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(input);
        let raw: Vec<String> = reader
            .headers()
            .map_err(|e| bad(1, format!("cannot read the header row: {e}")))?
            .iter()
            .map(String::from)
            .collect();
        let records = reader.records().map(|rec| {
            let rec = rec.map_err(|e| {
                let line = e.position().map_or(0, |p| p.line());
                bad(line, format!("broken row: {e}"))
            })?;
            let line = rec.position().map_or(0, |p| p.line());
            Ok((line, rec.iter().map(restore).collect()))
        });
        Worksheet::from_table(path, raw, records, rows)
    }

    /// A worksheet from its header row and its rows (`(line, cells)`),
    /// refusing what a merge could not trust: a column twice, no `id`, an
    /// empty or repeated id, an unknown verdict.
    pub(crate) fn from_table(
        path: &Path,
        raw: Vec<String>,
        records: impl Iterator<Item = Result<(u64, Vec<String>)>>,
        capacity: usize,
    ) -> Result<Worksheet> {
        let bad = |line: u64, message: String| Error::Worksheet {
            path: path.to_path_buf(),
            line,
            message,
        };
        if let Some(twice) = cells::duplicate_header(&raw) {
            return Err(bad(1, format!("column \"{}\" appears twice", twice.trim())));
        }
        let headers: Vec<String> = raw.iter().map(|h| cells::canonical_header(h)).collect();
        if !headers.iter().any(|h| h == "id") {
            return Err(bad(1, "no `id` column; is this a factsheet worksheet?".into()));
        }
        let mut rows: Vec<Row> = Vec::with_capacity(capacity);
        // The rows by id, to refuse an id given twice.
        let mut seen = ids::IdIndex::with_capacity(capacity);
        let columns: std::sync::Arc<[CompactString]> = headers.iter().map(CompactString::from).collect();
        for rec in records {
            let (line, cells) = rec?;
            // Built at its size, its column names shared: an old sheet's
            // rows are what a merge holds.
            let row = if cells.len() == headers.len() {
                Row::of_sheet(&columns, &cells).ok_or_else(|| bad(line, "a row of 4 GiB or more".into()))?
            } else {
                headers.iter().zip(cells).collect()
            };
            if row.cell("id").is_empty() {
                return Err(bad(line, "row without an id".into()));
            }
            rows.push(row);
            if seen.insert(rows.len() - 1, |i| rows[i].cell("id")).is_some() {
                let id = rows[rows.len() - 1].cell("id");
                return Err(bad(line, format!("id {} appears twice", crate::render::visible(id))));
            }
            let row = &rows[rows.len() - 1];
            if let Some(v) = row.get("verdict") {
                if !is_verdict(v) {
                    return Err(bad(
                        line,
                        format!(
                            "unknown verdict “{}” (use verified, false, misleading, unverifiable or unchecked)",
                            crate::render::visible(v)
                        ),
                    ));
                }
            }
        }
        Ok(Worksheet { headers, rows })
    }

    /// Would [`Worksheet::parse`] accept this sheet once written? What it
    /// refuses beyond CSV itself (which `to_csv` always writes well, as
    /// the property tests check): a column twice, no `id`, an empty or
    /// repeated id, an unknown verdict.
    pub fn check_readable(&self) -> std::result::Result<(), String> {
        if let Some(twice) = cells::duplicate_header(&self.headers) {
            return Err(format!("column \"{twice}\" appears twice"));
        }
        if !self.headers.iter().any(|h| h == "id") {
            return Err("no `id` column".into());
        }
        let mut seen = HashSet::with_capacity(self.rows.len());
        for r in &self.rows {
            let id = r.cell("id");
            if id.is_empty() {
                return Err("a row without an id".into());
            }
            if !seen.insert(id) {
                return Err(format!("id {id} appears twice"));
            }
            if !is_verdict(r.cell("verdict")) {
                return Err(format!("unknown verdict “{}”", r.cell("verdict")));
            }
        }
        Ok(())
    }

    /// The bytes of the sheet as `path` names it: a spreadsheet for
    /// `.xlsx`, else CSV (`bom` for Excel).
    pub fn to_bytes(&self, path: &Path, bom: bool) -> Result<Vec<u8>> {
        if is_xlsx(path) {
            xlsx::write(self, path)
        } else {
            Ok(self.to_csv(bom))
        }
    }

    /// Serialises to CSV bytes; `bom` for Excel.
    pub fn to_csv(&self, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(b"\xEF\xBB\xBF");
        }
        out.extend(csv_lines(&self.headers, &[], true));
        out.extend(csv_lines(&self.headers, &self.rows, false));
        out
    }

    /// Writes atomically and durably (a temporary file beside the target,
    /// flushed, then renamed), keeping the old file's mode and writing
    /// through a symbolic link. [`update`] is the merge-safe way to write.
    pub fn write(&self, path: &Path, bom: bool) -> Result<()> {
        file::write_atomic(&file::target(path), &self.to_bytes(path, bom)?)
    }

    /// Merges a fresh run into this (existing) sheet. Rows of articles not
    /// in `articles` are left as they are.
    pub fn merge(&self, fresh: Vec<Row>, articles: &HashSet<String>) -> (Worksheet, MergeStats) {
        let mut stats = MergeStats::default();
        let headers = self.merged_headers();
        let old_by_id: HashMap<&str, &Row> = self.rows.iter().map(|r| (r.cell("id"), r)).collect();
        let fresh_ids: HashSet<&str> = fresh.iter().filter_map(|r| r.get("id")).collect();
        // Old rows of these articles whose id vanished: candidates for
        // "changed" (an edited item) or else "orphaned".
        let mut vanished = matching::Vanished::new(
            self.rows
                .iter()
                .filter(|r| articles.contains(r.cell("article")) && !fresh_ids.contains(r.cell("id")))
                .collect(),
        );
        let mut rows = Vec::new();
        for mut r in fresh {
            let id = r.cell("id").to_string();
            let old = old_by_id
                .get(id.as_str())
                .copied()
                .or_else(|| vanished.take_best_match(&r));
            settle(old, &mut r, &mut stats);
            rows.push(r);
        }
        for o in vanished.unused() {
            let mut r = o.clone();
            r.insert("row_status", "orphaned");
            stats.orphaned += 1;
            rows.push(r);
        }
        // Rows of other articles stay as they were, after this run's rows.
        for o in &self.rows {
            if !articles.contains(o.cell("article")) {
                rows.push(o.clone());
            }
        }
        (Worksheet { headers, rows }, stats)
    }
}

impl Worksheet {
    /// The columns of this sheet once merged: factsheet's, then any the
    /// user added.
    pub(crate) fn merged_headers(&self) -> Vec<String> {
        let mut headers = default_headers();
        for h in &self.headers {
            if !headers.contains(h) {
                headers.push(h.clone()); // a column the user added
            }
        }
        headers
    }

    /// [`Worksheet::merge`] of a run given one article at a time (`next`
    /// gives its name and rows), each merged row handed to `emit` as it is
    /// made, in the order `merge` puts them: only this sheet's rows are
    /// held. Articles are matched on their own (an edit is looked for among
    /// its own article's vanished rows). A quote kept by its id whose
    /// speaker changed (the same words, now credited to someone else) is
    /// `changed`: its verdict was about the old speaker.
    pub(crate) fn merge_streamed(
        &self,
        articles: &HashSet<String>,
        mut next: impl FnMut() -> Result<Option<(String, Vec<Row>)>>,
        mut emit: impl FnMut(&Row) -> Result<()>,
    ) -> Result<MergeStats> {
        let mut stats = MergeStats::default();
        // Rows by id, four bytes a row (the old sheet's rows are what a
        // merge holds; see `ids`).
        let id_of = |i: usize| self.rows[i].cell("id");
        let mut old_by_id = ids::IdIndex::with_capacity(self.rows.len());
        let mut by_article: HashMap<&str, Vec<u32>> = HashMap::new();
        for (i, r) in self.rows.iter().enumerate() {
            old_by_id.insert(i, id_of);
            if articles.contains(r.cell("article")) {
                by_article.entry(r.cell("article")).or_default().push(i as u32);
            }
        }
        let mut orphaned = vec![false; self.rows.len()];
        while let Some((name, fresh)) = next()? {
            let fresh_ids: HashSet<&str> = fresh.iter().filter_map(|r| r.get("id")).collect();
            let places: Vec<usize> = by_article
                .get(name.as_str())
                .into_iter()
                .flatten()
                .map(|&i| i as usize)
                .filter(|&i| !fresh_ids.contains(self.rows[i].cell("id")))
                .collect();
            let mut vanished = matching::Vanished::new(places.iter().map(|&i| &self.rows[i]).collect());
            for mut r in fresh {
                let by_id = old_by_id.get(r.cell("id"), id_of).map(|i| &self.rows[i]);
                let old = by_id.or_else(|| vanished.take_best_match(&r));
                settle(old, &mut r, &mut stats);
                // The speaker a kept quote had in the sheet.
                if let Some(o) = by_id.filter(|o| o.cell("kind") == "quote") {
                    if r.cell("row_status") == "kept" {
                        new_speaker(o.cell("speaker"), &mut r, &mut stats);
                    }
                }
                emit(&r)?;
            }
            for p in vanished.unused_places() {
                orphaned[places[p]] = true;
            }
        }
        for (o, _) in self.rows.iter().zip(&orphaned).filter(|(_, gone)| **gone) {
            let mut r = o.clone();
            r.insert("row_status", "orphaned");
            stats.orphaned += 1;
            emit(&r)?;
        }
        // Rows of other articles stay as they were, after this run's rows.
        for o in &self.rows {
            if !articles.contains(o.cell("article")) {
                emit(o)?;
            }
        }
        Ok(stats)
    }
}

/// Marks a fresh row against the old row it continues (the same id, or
/// the row it is an edit of): `kept`, `changed` with the old text, or
/// `new`; the journalist's cells come along.
fn settle(old: Option<&Row>, r: &mut Row, stats: &mut MergeStats) {
    match old {
        Some(o) if o.get("id") == Some(r.cell("id")) => {
            carry_human(o, r);
            r.insert("row_status", "kept");
            stats.kept += 1;
        }
        Some(o) => {
            carry_human(o, r);
            let before = o.cell("text").to_string();
            r.insert("row_status", "changed");
            r.insert("previous_text", before);
            stats.changed += 1;
        }
        None => {
            r.insert("row_status", "new");
            stats.new += 1;
        }
    }
}

/// A kept quote whose speaker was `was` and is now someone else: its
/// verdict was about the old speaker, so it is `changed`.
fn new_speaker(was: &str, r: &mut Row, stats: &mut MergeStats) {
    if was.is_empty() || was == r.cell("speaker") {
        return;
    }
    let note = format!("{} (speaker: {was})", r.cell("text"));
    r.insert("row_status", "changed");
    r.insert("previous_text", note);
    stats.kept -= 1;
    stats.changed += 1;
}

/// Copies the journalist's columns (and any extra column) from an old row.
fn carry_human(old: &Row, new: &mut Row) {
    for (k, v) in old.iter() {
        let machine = MACHINE.contains(&k) || LIFECYCLE.contains(&k);
        if !machine {
            new.insert(k, v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_restored() {
        for cell in ["=SUM(A1)", "+1", "-5 percent", "@cmd"] {
            let n = neutralise(cell);
            assert!(n.starts_with('\''));
            assert_eq!(restore(&n), cell);
        }
        assert_eq!(neutralise("370"), "370");
    }

    #[test]
    fn a_row_holds_one_cell_per_column() {
        let mut r: Row = [
            ("id", "c-1".to_string()),
            ("verdict", String::new()),
            ("id", "c-2".to_string()),
        ]
        .into_iter()
        .collect();
        assert_eq!(r.len(), 2);
        assert_eq!(r.get("id"), Some("c-2"));
        assert_eq!(r.insert("verdict", "verified"), Some(String::new()));
        assert_eq!(r.insert("notes", "called the office"), None);
        let cells: Vec<(&str, &str)> = r.iter().collect();
        let expected = [("id", "c-2"), ("verdict", "verified"), ("notes", "called the office")];
        assert_eq!(cells, expected);
        assert_eq!(r.get("evidence"), None);
        // A replaced cell's text is replaced, and the cells after it move.
        assert_eq!(r, expected.into_iter().collect::<Row>());
        assert_eq!(r.insert("verdict", ""), Some("verified".to_string()));
        assert_eq!(r.get("notes"), Some("called the office"));
    }

    #[test]
    fn verdicts_are_case_insensitive() {
        assert!(is_verdict("Verified"));
        assert!(is_verdict(""));
        assert!(!is_verdict("probably"));
    }
}
