//! Cells and column names as a spreadsheet leaves them: the formula escape
//! (reversible for every input) and header names matched the way a person
//! reads them (trimmed, any case), with duplicates refused.

use super::{HUMAN, LIFECYCLE, MACHINE};

/// First characters a spreadsheet may run as a formula. The full-width
/// forms are on the list because East Asian spreadsheets (and some
/// importers) treat them as their ASCII twins.
const FORMULA_START: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// Does the cell need the escape? A cell that starts a formula does, and
/// so does one that already looks escaped (apostrophes, then a formula
/// sign): escaping it once more is what keeps [`restore`] exact for text
/// that really begins with an apostrophe.
fn needs_escape(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_START)
}

/// A cell a spreadsheet would run as a formula gets a leading apostrophe.
/// `restore(&neutralise(x)) == x` for every `x`.
pub fn neutralise(cell: &str) -> String {
    if needs_escape(cell) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Undoes [`neutralise`] when reading a sheet back. A cell with an
/// apostrophe before anything else (`'called back`) is the journalist's
/// text and stays as it is.
pub fn restore(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_escape(rest) => rest.to_string(),
        _ => cell.to_string(),
    }
}

/// The name a header cell stands for: trimmed, and a column factsheet
/// knows in its own spelling whatever the case (` Verdict ` is `verdict`).
pub fn canonical_header(raw: &str) -> String {
    let name = raw.trim();
    MACHINE
        .iter()
        .chain(HUMAN)
        .chain(LIFECYCLE)
        .find(|known| known.eq_ignore_ascii_case(name))
        .map_or_else(|| name.to_string(), |known| known.to_string())
}

/// The first column name that appears twice (compared trimmed and in any
/// case), as the sheet spells its second appearance. Two `notes` columns
/// cannot both be kept: refusing is the only way to lose neither.
pub fn duplicate_header(headers: &[String]) -> Option<&str> {
    let mut seen = std::collections::HashSet::new();
    headers
        .iter()
        .find(|h| !seen.insert(h.trim().to_lowercase()))
        .map(String::as_str)
}

/// The line where a quoted CSV cell opens but is not closed properly: it
/// runs to the end of the file, or its closing quote is followed by more
/// text in the same cell (where a stray `"` in the next row ended it). A
/// spreadsheet's multi-line cell, closed before a comma or a line end, is
/// fine. `None` when every quoted cell is closed.
pub fn unclosed_quote(bytes: &[u8]) -> Option<u64> {
    let mut line = 1u64;
    let mut at_field_start = true;
    let mut k = 0;
    while k < bytes.len() {
        let b = bytes[k];
        if b == b'"' && at_field_start {
            let opened = line;
            k += 1;
            loop {
                match bytes.get(k) {
                    None => return Some(opened),
                    Some(b'"') if bytes.get(k + 1) == Some(&b'"') => k += 2,
                    Some(b'"') => {
                        k += 1;
                        match bytes.get(k) {
                            None | Some(b',' | b'\n' | b'\r') => break,
                            Some(_) => return Some(opened),
                        }
                    }
                    Some(c) => {
                        if *c == b'\n' {
                            line += 1;
                        }
                        k += 1;
                    }
                }
            }
            at_field_start = false;
            continue;
        }
        match b {
            b',' => at_field_start = true,
            b'\n' => {
                line += 1;
                at_field_start = true;
            }
            b'\r' => at_field_start = true,
            _ => at_field_start = false,
        }
        k += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_unclosed_quote_is_found_where_it_opens() {
        use super::unclosed_quote;
        assert_eq!(
            unclosed_quote(b"id,verdict\nq-1,\"ok, fine\"\nq-2,\"multi\nline\"\n"),
            None
        );
        assert_eq!(unclosed_quote(b"id,verdict\nq-1,\"Verified\nq-2,\"x\"\n"), Some(2));
        assert_eq!(unclosed_quote(b"id,verdict\nq-1,ok\nq-2,\"never"), Some(3));
        assert_eq!(unclosed_quote(b"id,note\nq-1,say \"hi\"\n"), None);
    }

    use super::*;

    #[test]
    fn full_width_formula_signs_are_neutralised() {
        for cell in ["＝SUM(A1)", "＋1", "－5", "＠cmd"] {
            assert_eq!(neutralise(cell), format!("'{cell}"));
            assert_eq!(restore(&neutralise(cell)), cell);
        }
    }

    /// Issue 19: `'-5 degrees tonight,` lost its apostrophe on re-read.
    #[test]
    fn text_that_begins_with_an_apostrophe_survives() {
        for cell in ["'-5 degrees tonight,", "''=x", "'", "'called back", "''"] {
            assert_eq!(restore(&neutralise(cell)), cell, "{cell:?}");
        }
        assert_eq!(neutralise("'called back"), "'called back");
    }

    #[test]
    fn headers_match_trimmed_in_any_case() {
        assert_eq!(canonical_header(" Verdict "), "verdict");
        assert_eq!(canonical_header("NOTES"), "notes");
        assert_eq!(canonical_header(" Desk "), "Desk");
    }

    #[test]
    fn a_repeated_column_is_found() {
        let h = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            duplicate_header(&h(&["id", "notes", "verdict", "notes"])),
            Some("notes")
        );
        assert_eq!(duplicate_header(&h(&["id", "Desk", "desk"])), Some("desk"));
        assert_eq!(duplicate_header(&h(&["id", "notes"])), None);
    }
}
