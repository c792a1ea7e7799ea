//! The terminal view: quotes with speaker and role, the source roster,
//! claims with normalised values, what each check compared (agrees /
//! disagrees), and the findings, as comfy-table tables.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};

use super::jsonl::roster_rows;
use super::{check_status, line_col};
use crate::Analysis;

fn table(headers: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(160)
        .set_header(headers.to_vec());
    t
}

fn clip(s: &str, n: usize) -> String {
    let s = s.replace(['\n', '\r'], " ");
    if s.chars().count() <= n {
        s
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

/// Renders one article for the terminal.
pub fn render(a: &Analysis) -> String {
    let text = a.document.text.as_str();
    let mut out = format!("== {} ==\n", a.document.path);

    let mut quotes = table(&["at", "kind", "quote", "speaker", "role", "how"]);
    for q in &a.quotes {
        let (l, c) = line_col(a, q.span);
        let (who, role) = q.speaker.as_ref().map_or(("—".to_string(), String::new()), |s| {
            (s.name.clone(), s.role.clone().unwrap_or_default())
        });
        quotes.add_row(vec![
            format!("{l}:{c}"),
            q.kind.as_str().to_string(),
            clip(q.span.of(text), 70),
            who,
            clip(&role, 40),
            q.rule.unwrap_or("").to_string(),
        ]);
    }
    out.push_str(&format!("Quotes ({})\n{quotes}\n", a.quotes.len()));
    statements(a, &mut out);

    let rows = roster_rows(a);
    if !rows.is_empty() {
        let mut roster = table(&["speaker", "roles", "mentioned as", "quotes"]);
        for r in rows {
            roster.add_row(vec![
                r.name,
                r.roles.join("; "),
                r.forms.join(", "),
                r.quotes.to_string(),
            ]);
        }
        out.push_str(&format!("Sources\n{roster}\n"));
    }

    let mut claims = table(&["at", "kind", "claim", "value", "counts", "source", "check"]);
    for (i, c) in a.claims.iter().enumerate() {
        let (l, col) = line_col(a, c.span);
        let (status, _) = check_status(a, i);
        claims.add_row(vec![
            format!("{l}:{col}"),
            c.kind.as_str().to_string(),
            clip(c.span.of(text), 40),
            clip(&c.value.display(), 40),
            c.noun.clone().unwrap_or_default(),
            c.source.clone().unwrap_or_default(),
            if status == "unchecked" {
                String::new()
            } else {
                status.to_string()
            },
        ]);
    }
    out.push_str(&format!("Claims ({})\n{claims}\n", a.claims.len()));

    let mut checked = table(&["check", "result", "evidence"]);
    let mut seen = std::collections::HashSet::new();
    for n in &a.notes {
        if seen.insert((n.check, n.note.clone())) {
            checked.add_row(vec![
                n.check.to_string(),
                if n.passed { "agrees" } else { "disagrees" }.to_string(),
                clip(&n.note, 100),
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
                format!("{l}:{c}"),
                f.severity.as_str().to_string(),
                f.check.to_string(),
                f.message.clone(),
            ]);
        }
        out.push_str(&format!("Findings ({})\n{findings}\n", a.findings.len()));
    }
    out
}

/// Reported speech without (or not only in) quotation marks: the
/// indirect and mixed attributions, after the quotes.
fn statements(a: &Analysis, out: &mut String) {
    let text = a.document.text.as_str();
    let rows: Vec<&crate::Attribution> = a.attributions.iter().filter(|t| t.is_statement()).collect();
    if rows.is_empty() {
        return;
    }
    let mut t = table(&["at", "kind", "statement", "source", "role", "cue"]);
    for s in &rows {
        let (l, c) = line_col(a, s.extent());
        let (who, role) = s.speaker.as_ref().map_or(("—".to_string(), String::new()), |p| {
            (p.name.clone(), p.role.clone().unwrap_or_default())
        });
        t.add_row(vec![
            format!("{l}:{c}"),
            s.kind.as_str().to_string(),
            clip(&s.content_text(text), 70),
            who,
            clip(&role, 40),
            s.cue.map(|c| c.of(text).to_string()).unwrap_or_default(),
        ]);
    }
    out.push_str(&format!("Statements ({})\n{t}\n", rows.len()));
}

/// Contradictions between the articles of a batch.
pub fn render_cross(found: &[crate::cross::CrossFinding]) -> String {
    let mut t = table(&["check", "message", "where"]);
    for f in found {
        let places = f
            .places
            .iter()
            .map(|(a, s)| format!("{a}@{}", s.start))
            .collect::<Vec<_>>()
            .join(", ");
        t.add_row(vec![f.check.to_string(), f.message.clone(), places]);
    }
    format!("Across articles ({})\n{t}\n", found.len())
}
