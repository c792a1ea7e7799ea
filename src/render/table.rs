//! The terminal view: quotes with speaker and role, the source roster,
//! claims with normalised values, what each check compared (agrees /
//! disagrees), and the findings, as comfy-table tables.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, Color, ColumnConstraint, ContentArrangement, Table};

use super::jsonl::roster_rows;
use super::{check_status, line_col, visible};
use crate::Analysis;
use crate::checks::Severity;

/// How tables are drawn: the width they must fit, and whether severities
/// are coloured (on a terminal only, and never under `NO_COLOR`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    pub width: u16,
    pub colour: bool,
}

/// Width when stdout is no terminal and `COLUMNS` is not set.
pub const DEFAULT_WIDTH: u16 = 100;

impl Default for View {
    fn default() -> Self {
        View {
            width: DEFAULT_WIDTH,
            colour: false,
        }
    }
}

impl View {
    /// The view for stdout: the terminal's width (else `COLUMNS`, else
    /// [`DEFAULT_WIDTH`]), and colour when stdout is a terminal and
    /// `NO_COLOR` is unset or empty.
    pub fn for_stdout() -> View {
        use std::io::IsTerminal;
        let tty = std::io::stdout().is_terminal();
        let columns = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<u16>().ok());
        let terminal = if tty { Table::new().width() } else { None };
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        View {
            width: terminal.or(columns).filter(|w| *w >= 40).unwrap_or(DEFAULT_WIDTH),
            colour: tty && !no_color,
        }
    }

    fn table(&self, headers: &[&str]) -> Table {
        let mut t = Table::new();
        t.load_style(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(self.width)
            .set_header(headers.to_vec());
        if self.colour {
            t.enforce_styling();
        } else {
            t.force_no_tty();
        }
        // Short, unbreakable columns (positions, kinds, ids) keep their
        // width so narrow terminals wrap the prose columns, between words.
        if self.width >= 70 {
            for (k, h) in headers.iter().enumerate() {
                if matches!(*h, "at" | "kind" | "check" | "severity" | "result" | "quotes") {
                    if let Some(c) = t.column_mut(k) {
                        c.set_constraint(ColumnConstraint::ContentWidth);
                    }
                }
            }
        }
        t
    }

    fn severity(&self, s: Severity) -> Cell {
        let cell = Cell::new(s.as_str());
        match (self.colour, s) {
            (false, _) => cell,
            (true, Severity::Error) => cell.fg(Color::Red),
            (true, Severity::Warning) => cell.fg(Color::Yellow),
            (true, Severity::Info) => cell.fg(Color::Cyan),
        }
    }
}

/// A cell's text: on one line, control characters visible, at most `n`
/// characters.
fn clip(s: &str, n: usize) -> String {
    let s = visible(s);
    if s.chars().count() <= n {
        s.into_owned()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

/// Cells of text from the article: control characters made visible.
fn cells(row: Vec<String>) -> Vec<String> {
    row.into_iter().map(|c| visible(&c).into_owned()).collect()
}

/// Renders one article for the terminal, at the default view.
pub fn render(a: &Analysis) -> String {
    render_with(a, View::default())
}

/// Renders one article for the terminal.
pub fn render_with(a: &Analysis, view: View) -> String {
    let table = |h: &[&str]| view.table(h);
    let text = a.document.text.as_str();
    let mut out = format!("== {} ==\n", visible(&a.document.path));

    let mut quotes = table(&["at", "kind", "quote", "speaker", "role", "how"]);
    for q in &a.quotes {
        let (l, c) = line_col(a, q.span);
        let (who, role) = q.speaker.as_ref().map_or(("—".to_string(), String::new()), |s| {
            (s.name.clone(), s.role.clone().unwrap_or_default())
        });
        quotes.add_row(cells(vec![
            format!("{l}:{c}"),
            q.kind.as_str().to_string(),
            clip(q.span.of(text), 70),
            who,
            clip(&role, 40),
            q.rule.unwrap_or("").to_string(),
        ]));
    }
    out.push_str(&format!("Quotes ({})\n{quotes}\n", a.quotes.len()));
    statements(a, view, &mut out);

    let rows = roster_rows(a);
    if !rows.is_empty() {
        let mut roster = table(&["speaker", "roles", "mentioned as", "quotes"]);
        for r in rows {
            roster.add_row(cells(vec![
                r.name,
                r.roles.join("; "),
                r.forms.join(", "),
                r.quotes.to_string(),
            ]));
        }
        out.push_str(&format!("Sources\n{roster}\n"));
    }

    let mut claims = table(&["at", "kind", "claim", "value", "counts", "source", "check"]);
    for (i, c) in a.claims.iter().enumerate() {
        let (l, col) = line_col(a, c.span);
        let (status, _) = check_status(a, i);
        claims.add_row(cells(vec![
            format!("{l}:{col}"),
            c.kind.as_str().to_string(),
            clip(c.span.of(text), 40),
            clip(&c.value.display(), 40),
            c.noun.as_deref().unwrap_or_default().to_string(),
            c.source.as_deref().unwrap_or_default().to_string(),
            if status == "unchecked" {
                String::new()
            } else {
                status.to_string()
            },
        ]));
    }
    out.push_str(&format!("Claims ({})\n{claims}\n", a.claims.len()));

    let mut checked = table(&["check", "result", "evidence"]);
    let mut seen = std::collections::HashSet::new();
    for n in &a.notes {
        let words = a.note_words(n);
        if seen.insert((n.check(), words.clone())) {
            checked.add_row(vec![
                n.check().to_string(),
                if n.undecided {
                    "unchecked"
                } else if n.passed {
                    "agrees"
                } else {
                    "disagrees"
                }
                .to_string(),
                clip(&words, 100),
            ]);
        }
    }
    if !a.notes.is_empty() {
        out.push_str(&format!("Checked\n{checked}\n"));
    }

    if a.findings.is_empty() {
        out.push_str("Findings: none\n\n");
    } else {
        let mut findings = table(&["at", "severity", "check", "message"]);
        for f in &a.findings {
            let (l, c) = line_col(a, f.span);
            findings.add_row(vec![
                Cell::new(format!("{l}:{c}")),
                view.severity(f.severity),
                Cell::new(f.check),
                Cell::new(visible(&f.message)),
            ]);
        }
        out.push_str(&format!("Findings ({})\n{findings}\n", a.findings.len()));
    }
    out
}

/// Reported speech without (or not only in) quotation marks: the
/// indirect and mixed attributions, after the quotes.
fn statements(a: &Analysis, view: View, out: &mut String) {
    let text = a.document.text.as_str();
    let rows: Vec<&crate::Attribution> = a.attributions.iter().filter(|t| t.is_statement()).collect();
    if rows.is_empty() {
        return;
    }
    let mut t = view.table(&["at", "kind", "statement", "source", "role", "cue"]);
    for s in &rows {
        let (l, c) = line_col(a, s.extent());
        let (who, role) = s.speaker.as_ref().map_or(("—".to_string(), String::new()), |p| {
            (p.name.clone(), p.role.clone().unwrap_or_default())
        });
        t.add_row(cells(vec![
            format!("{l}:{c}"),
            s.kind.as_str().to_string(),
            clip(&s.content_text(text), 70),
            who,
            clip(&role, 40),
            s.cue.map(|c| c.of(text).to_string()).unwrap_or_default(),
        ]));
    }
    out.push_str(&format!("Statements ({})\n{t}\n", rows.len()));
}

/// Contradictions between the articles of a batch, each place as
/// `path:line:col`.
pub fn render_cross(found: &[crate::cross::CrossFinding], view: View) -> String {
    let mut t = view.table(&["check", "message", "where"]);
    for f in found {
        let places = f.at.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(", ");
        t.add_row(cells(vec![f.check.to_string(), f.message.clone(), places]));
    }
    format!("Across articles ({})\n{t}\n", found.len())
}
