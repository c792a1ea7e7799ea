//! The worksheet as a real spreadsheet (`-o sheet.xlsx`): every cell a
//! text cell (so "Thursday, March 20, 2025" never becomes a date and "370"
//! never a number), text format on every column for what the journalist
//! types, the header frozen, sensible widths, the verdict column a
//! drop-down of `data/lexicon/verdicts.txt`, finding rows shaded by
//! severity, and a second sheet with the source roster. Read back with
//! calamine, it goes through the same checks and merge as a CSV sheet.

use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{Color, DataValidation, Format, Workbook, XlsxError};

use super::{Row, Worksheet};
use crate::error::{Error, Result};

/// The sheet holding the rows; the roster sheet is rebuilt on every write.
pub const ROWS_SHEET: &str = "worksheet";
pub const ROSTER_SHEET: &str = "sources";

/// Rows below the last one that still get the verdict drop-down, for rows
/// the journalist adds.
const SPARE_ROWS: u32 = 500;

/// Width (in characters) of a known column; others get 16.
fn width(column: &str) -> f64 {
    match column {
        "line" | "column" => 7.0,
        "kind" | "row_status" => 10.0,
        "type" | "value" | "check_status" | "verdict" | "checked_by" => 14.0,
        "id" | "speaker" | "source" => 20.0,
        "article" | "role" | "attribution" | "article_path" | "article_url" => 24.0,
        "text" | "check_notes" | "evidence" | "notes" | "previous_text" => 40.0,
        "context" => 60.0,
        _ => 16.0,
    }
}

/// The fill of a finding row by its severity (`value`); none for others.
fn shade(row: &Row) -> Option<Color> {
    if row.cell("kind") != "finding" {
        return None;
    }
    match row.cell("value") {
        "error" => Some(Color::RGB(0xF8CBAD)),
        "warning" => Some(Color::RGB(0xFFE699)),
        "info" => Some(Color::RGB(0xDDEBF7)),
        _ => None,
    }
}

fn failed(path: &Path) -> impl Fn(XlsxError) -> Error + '_ {
    move |e| Error::Identity {
        path: path.to_path_buf(),
        message: format!("cannot write the spreadsheet: {e}"),
    }
}

/// The workbook's bytes.
pub fn write(sheet: &Worksheet, path: &Path) -> Result<Vec<u8>> {
    let mut book = Rows::new(path, &sheet.headers)?;
    for row in &sheet.rows {
        book.row(row)?;
    }
    let mut bytes = Vec::new();
    book.finish(&mut bytes)?;
    Ok(bytes)
}

/// A spreadsheet written a row at a time: the rows sheet is in the
/// writer's constant memory mode (each row goes to a temporary file when
/// the next begins, its strings inline), so a sheet of a million rows is
/// not held (issue 15). The source roster, a row per speaker, is gathered
/// as the rows pass and written as the second sheet at the end.
pub struct Rows {
    book: Workbook,
    path: std::path::PathBuf,
    headers: Vec<String>,
    text: Format,
    header: Format,
    shaded: Vec<(Color, Format)>,
    rows: u32,
    roster: Roster,
}

impl Rows {
    /// A workbook whose rows sheet has these columns (widths, text format
    /// and the header row written).
    pub fn new(path: &Path, headers: &[String]) -> Result<Rows> {
        let fail = failed(path);
        let text = Format::new().set_num_format("@");
        let header = text.clone().set_bold().set_background_color(Color::RGB(0xD9D9D9));
        let mut book = Workbook::new();
        let ws = book.add_worksheet_with_constant_memory().map_err(&fail)?;
        ws.set_name(ROWS_SHEET).map_err(&fail)?;
        for (c, h) in headers.iter().enumerate() {
            let c = c as u16;
            ws.set_column_width(c, width(h)).map_err(&fail)?;
            ws.set_column_format(c, &text).map_err(&fail)?;
            ws.write_string_with_format(0, c, h, &header).map_err(&fail)?;
        }
        let shaded = [0xF8CBAD, 0xFFE699, 0xDDEBF7]
            .into_iter()
            .map(|rgb| (Color::RGB(rgb), text.clone().set_background_color(Color::RGB(rgb))))
            .collect();
        Ok(Rows {
            book,
            path: path.to_path_buf(),
            headers: headers.to_vec(),
            text,
            header,
            shaded,
            rows: 0,
            roster: Roster::default(),
        })
    }

    /// Writes the next row (a spreadsheet holds 1,048,575 below the
    /// header: past that, an error).
    pub fn row(&mut self, row: &Row) -> Result<()> {
        let fail = failed(&self.path);
        let r = self.rows + 1;
        let ws = self.book.worksheet_from_index(0).map_err(&fail)?;
        let fill = shade(row)
            .and_then(|c| self.shaded.iter().find(|(k, _)| *k == c))
            .map(|(_, f)| f);
        for (c, h) in self.headers.iter().enumerate() {
            let cell = row.cell(h);
            match fill {
                Some(f) => ws.write_string_with_format(r, c as u16, cell, f),
                None if cell.is_empty() => continue,
                None => ws.write_string_with_format(r, c as u16, cell, &self.text),
            }
            .map_err(&fail)?;
        }
        self.roster.add(row);
        self.rows = r;
        Ok(())
    }

    /// The rows sheet's filter, frozen header and verdict drop-down, the
    /// roster sheet, and the package written to `out`.
    pub fn finish(mut self, out: impl std::io::Write + Send) -> Result<()> {
        let fail = failed(&self.path);
        let last_row = self.rows;
        let last_col = self.headers.len().saturating_sub(1) as u16;
        let verdict = self.headers.iter().position(|h| h == "verdict");
        let ws = self.book.worksheet_from_index(0).map_err(&fail)?;
        ws.set_freeze_panes(1, 0).map_err(&fail)?;
        ws.autofilter(0, 0, last_row.max(1), last_col).map_err(&fail)?;
        if let Some(v) = verdict {
            let list: Vec<&str> = super::verdicts().collect();
            let dv = DataValidation::new()
                .allow_list_strings(&list)
                .map_err(&fail)?
                .set_error_title("Unknown verdict")
                .map_err(&fail)?
                .set_error_message(format!("Use one of: {}", list.join(", ")))
                .map_err(&fail)?;
            ws.add_data_validation(1, v as u16, last_row + SPARE_ROWS, v as u16, &dv)
                .map_err(&fail)?;
        }
        self.roster
            .write(self.book.add_worksheet(), &self.header, &self.text)
            .map_err(&fail)?;
        self.book.save_to_writer(out).map_err(&fail)
    }
}

/// The source roster: every speaker the sheet's quotes name, with their
/// roles, how many quotes and in which articles.
#[derive(Default)]
struct Roster {
    speakers: Vec<(String, Vec<String>, usize, Vec<String>)>,
    at: std::collections::HashMap<String, usize>,
}

impl Roster {
    fn add(&mut self, r: &Row) {
        if r.cell("kind") != "quote" {
            return;
        }
        let speaker = r.cell("speaker").trim();
        if speaker.is_empty() || r.cell("row_status") == "orphaned" {
            return;
        }
        let k = match self.at.get(speaker) {
            Some(&k) => k,
            None => {
                self.at.insert(speaker.to_string(), self.speakers.len());
                self.speakers.push((speaker.to_string(), Vec::new(), 0, Vec::new()));
                self.speakers.len() - 1
            }
        };
        let entry = &mut self.speakers[k];
        entry.2 += 1;
        let (role, article) = (r.cell("role").trim(), r.cell("article"));
        if !role.is_empty() && !entry.1.iter().any(|x| x == role) {
            entry.1.push(role.to_string());
        }
        if !entry.3.iter().any(|x| x == article) {
            entry.3.push(article.to_string());
        }
    }

    fn write(
        &self,
        ws: &mut rust_xlsxwriter::Worksheet,
        header: &Format,
        text: &Format,
    ) -> std::result::Result<(), XlsxError> {
        ws.set_name(ROSTER_SHEET)?;
        for (c, (h, w)) in [("speaker", 24.0), ("roles", 50.0), ("quotes", 8.0), ("articles", 40.0)]
            .into_iter()
            .enumerate()
        {
            ws.set_column_width(c as u16, w)?;
            ws.write_string_with_format(0, c as u16, h, header)?;
        }
        for (r, (name, roles, quotes, articles)) in self.speakers.iter().enumerate() {
            let r = r as u32 + 1;
            ws.write_string_with_format(r, 0, name, text)?;
            ws.write_string_with_format(r, 1, roles.join("; "), text)?;
            ws.write_number(r, 2, *quotes as f64)?;
            ws.write_string_with_format(r, 3, articles.join(", "), text)?;
        }
        ws.set_freeze_panes(1, 0)?;
        Ok(())
    }
}

/// Reads the rows sheet (`worksheet`, else the first) of a workbook.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Worksheet> {
    let bad = |line: u64, message: String| Error::Worksheet {
        path: path.to_path_buf(),
        line,
        message,
    };
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(bad(1, "not a spreadsheet (an .xlsx file is a ZIP archive)".into()));
    }
    let mut book: Xlsx<_> =
        Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| bad(1, format!("cannot read the spreadsheet: {e}")))?;
    let name = book
        .sheet_names()
        .into_iter()
        .find(|n| n.eq_ignore_ascii_case(ROWS_SHEET))
        .or_else(|| book.sheet_names().into_iter().next())
        .ok_or_else(|| bad(1, "the spreadsheet has no sheets".into()))?;
    let range = book
        .worksheet_range(&name)
        .map_err(|e| bad(1, format!("cannot read sheet “{name}”: {e}")))?;
    let Some((top, left)) = range.start() else {
        return Err(bad(1, format!("sheet “{name}” is empty")));
    };
    if top != 0 {
        return Err(bad(1, format!("sheet “{name}”: the header row must be row 1")));
    }
    let text = |d: &Data| match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    };
    let pad = |cells: &[Data]| -> Vec<String> {
        std::iter::repeat_n(String::new(), left as usize)
            .chain(cells.iter().map(text))
            .collect()
    };
    let all: Vec<Vec<String>> = range.rows().map(pad).collect();
    let raw: Vec<String> = all.first().cloned().unwrap_or_default();
    let width = all.iter().map(Vec::len).max().unwrap_or(0);
    // A column without a header is kept when it holds anything (as CSV
    // keeps it); one that is wholly empty is spreadsheet padding.
    let keep: Vec<usize> = (0..width)
        .filter(|&c| all.iter().any(|r| r.get(c).is_some_and(|v| !v.trim().is_empty())))
        .collect();
    let headers: Vec<String> = keep.iter().map(|&c| raw.get(c).cloned().unwrap_or_default()).collect();
    let rows = all.len();
    let records = all
        .into_iter()
        .enumerate()
        .skip(1)
        .map(|(k, cells)| (k as u64 + 1, cells))
        // Rows left wholly empty (a deleted row's place) are no rows.
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .map(|(line, cells)| {
            Ok((
                line,
                keep.iter()
                    .map(|&c| cells.get(c).cloned().unwrap_or_default())
                    .collect(),
            ))
        });
    Worksheet::from_table(path, headers, records, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(pairs: &[(&str, &str)]) -> Row {
        pairs.iter().map(|(k, v)| (*k, v.to_string())).collect()
    }

    #[test]
    fn a_sheet_round_trips_with_text_kept_as_text() {
        let mut sheet = Worksheet::from_rows(vec![
            row(&[
                ("id", "c-1"),
                ("article", "a.txt"),
                ("line", "3"),
                ("kind", "claim"),
                ("text", "Thursday, March 20, 2025"),
                ("value", "370"),
                ("verdict", "Verified"),
                ("notes", "=SUM(A1)"),
            ]),
            row(&[
                ("id", "f-1"),
                ("article", "a.txt"),
                ("kind", "finding"),
                ("value", "error"),
            ]),
            row(&[
                ("id", "q-1"),
                ("article", "a.txt"),
                ("kind", "quote"),
                ("speaker", "Jane Roe"),
                ("role", "Mayor"),
            ]),
        ]);
        sheet.headers.push("desk".into());
        sheet.rows[0].insert("desk", "métro");
        let p = Path::new("s.xlsx");
        let bytes = write(&sheet, p).unwrap();
        let back = parse(p, &bytes).unwrap();
        assert_eq!(back.headers, sheet.headers);
        assert_eq!(back.rows.len(), 3);
        for (a, b) in sheet.rows.iter().zip(&back.rows) {
            for h in &sheet.headers {
                assert_eq!(a.cell(h), b.cell(h), "{h}");
            }
        }
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(&bytes)).unwrap();
        assert_eq!(book.sheet_names(), [ROWS_SHEET, ROSTER_SHEET]);
        let roster = book.worksheet_range(ROSTER_SHEET).unwrap();
        assert_eq!(roster.get((1, 0)), Some(&Data::String("Jane Roe".into())));
        assert_eq!(shade(&sheet.rows[1]), Some(Color::RGB(0xF8CBAD)));
    }

    #[test]
    fn a_broken_spreadsheet_is_refused() {
        let p = Path::new("s.xlsx");
        let err = parse(p, b"id,verdict\nq-1,\n").unwrap_err().to_string();
        assert!(err.starts_with("s.xlsx:1: not a spreadsheet"), "{err}");
        let err = parse(p, b"PK\x03\x04garbage").unwrap_err().to_string();
        assert!(err.starts_with("s.xlsx:1: cannot read the spreadsheet"), "{err}");
    }
}
