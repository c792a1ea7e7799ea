//! JSON Lines: the contract evaluation and other tools read (documented in
//! the crate docs and the README). One `article` object per input, `error`
//! objects for unreadable inputs, and a final `summary`.

use serde_json::{Value as Json, json};

use super::{Ids, check_status, line_col};
use crate::Analysis;
use crate::speakers::EntityKind;

fn span_json(a: &Analysis, s: crate::span::Span) -> (Json, Json, Json, Json) {
    let (line, column) = line_col(a, s);
    (json!(s.start), json!(s.end), json!(line), json!(column))
}

/// The `article` object of one analysis.
pub fn article(a: &Analysis) -> Json {
    let text = a.document.text.as_str();
    let ids = Ids::of(a);
    let quotes: Vec<Json> = a
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let (bs, be, line, column) = span_json(a, q.span);
            json!({
                "id": ids.quotes[i],
                "kind": q.kind.as_str(),
                "text": q.span.of(text),
                "byte_start": bs, "byte_end": be, "line": line, "column": column,
                "cue": q.cue,
                "rule": q.rule,
                "group": q.group,
                "unbalanced": q.unbalanced,
                "speaker": q.speaker.as_ref().map(|s| json!({
                    "name": s.name,
                    "role": s.role,
                    "mention": s.span.of(text),
                    "byte_start": s.span.start,
                    "byte_end": s.span.end,
                })),
            })
        })
        .collect();
    let claims: Vec<Json> = a
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (bs, be, line, column) = span_json(a, c.span);
            let (status, notes) = check_status(a, i);
            json!({
                "id": ids.claims[i],
                "kind": c.kind.as_str(),
                "text": c.span.of(text),
                "byte_start": bs, "byte_end": be, "line": line, "column": column,
                "value": c.value.to_json(),
                "display": c.value.display(),
                "counts": c.noun,
                "part_of": c.part_of.map(|w| ids.claims[w].clone()),
                "source": c.source,
                "check_status": status,
                "check_notes": notes,
            })
        })
        .collect();
    let findings: Vec<Json> = a
        .findings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let (bs, be, line, column) = span_json(a, f.span);
            json!({
                "id": ids.findings[i],
                "check": f.check,
                "severity": f.severity.as_str(),
                "message": f.message,
                "byte_start": bs, "byte_end": be, "line": line, "column": column,
                "related": f.related.iter().map(|r| json!({"byte_start": r.start, "byte_end": r.end})).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "type": "article",
        "path": a.document.path,
        "title": a.document.title,
        "byline": a.document.byline,
        "published": a.document.published.map(|d| d.to_string()),
        "quotes": quotes,
        "claims": claims,
        "findings": findings,
        "roster": roster(a),
    })
}

/// The source roster: each speaker once, with roles, mention forms and the
/// number of quotes given to them.
pub fn roster(a: &Analysis) -> Vec<Json> {
    roster_rows(a)
        .into_iter()
        .map(|r| json!({"name": r.name, "kind": r.kind, "roles": r.roles, "mentions": r.forms, "quotes": r.quotes}))
        .collect()
}

/// One speaker of the roster, as shown in every format.
pub struct RosterRow {
    pub name: String,
    pub kind: &'static str,
    pub roles: Vec<String>,
    pub forms: Vec<String>,
    pub quotes: usize,
}

/// Speakers with at least one quote, in order of first quote.
pub fn roster_rows(a: &Analysis) -> Vec<RosterRow> {
    let text = a.document.text.as_str();
    let mut rows: Vec<RosterRow> = Vec::new();
    for q in &a.quotes {
        let Some(s) = &q.speaker else { continue };
        let idx = match rows.iter().position(|r| r.name == s.name) {
            Some(i) => i,
            None => {
                let entity = s.entity.and_then(|e| a.roster.entities.get(e));
                let mut roles: Vec<String> = Vec::new();
                let mut forms: Vec<String> = Vec::new();
                if let Some(e) = entity {
                    for (r, _) in &e.roles {
                        let r = crate::speakers::clean_role(r);
                        if !roles.contains(&r) {
                            roles.push(r);
                        }
                    }
                    for m in &e.mentions {
                        let f = m.of(text).to_string();
                        if !forms.contains(&f) {
                            forms.push(f);
                        }
                    }
                }
                let kind = match entity.map(|e| e.kind) {
                    Some(EntityKind::Organization) => "organization",
                    Some(EntityKind::Person) => "person",
                    None => "other",
                };
                rows.push(RosterRow {
                    name: s.name.clone(),
                    kind,
                    roles,
                    forms,
                    quotes: 0,
                });
                rows.len() - 1
            }
        };
        let r = &mut rows[idx];
        r.quotes += 1;
        let form = s.span.of(text).to_string();
        if !r.forms.contains(&form) {
            r.forms.push(form);
        }
        if let Some(role) = &s.role {
            if !r.roles.contains(role) {
                r.roles.push(role.clone());
            }
        }
    }
    rows
}

/// A contradiction between two articles of a batch.
pub fn cross_finding(f: &crate::cross::CrossFinding) -> Json {
    json!({
        "type": "cross_finding",
        "check": f.check,
        "severity": "warning",
        "message": f.message,
        "places": f.places.iter().map(|(a, s)| json!({"article": a, "byte_start": s.start, "byte_end": s.end})).collect::<Vec<_>>(),
    })
}

pub fn error(path: &str, message: &str) -> Json {
    json!({"type": "error", "path": path, "message": message})
}

/// Totals of a run.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    pub articles: usize,
    pub quotes: usize,
    pub claims: usize,
    pub findings: usize,
    pub errors: usize,
}

impl Summary {
    pub fn add(&mut self, a: &Analysis) {
        self.articles += 1;
        self.quotes += a.quotes.len();
        self.claims += a.claims.len();
        self.findings += a.findings.len();
    }

    pub fn to_json(self) -> Json {
        json!({"type": "summary", "articles": self.articles, "quotes": self.quotes, "claims": self.claims, "findings": self.findings, "errors": self.errors})
    }

    /// `3 articles · 41 quotes · 310 claims · 5 findings · 1 unreadable`
    pub fn line(&self) -> String {
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        let mut s = format!(
            "{} · {} · {} · {}",
            plural(self.articles, "article"),
            plural(self.quotes, "quote"),
            plural(self.claims, "claim"),
            plural(self.findings, "finding")
        );
        if self.errors > 0 {
            s.push_str(&format!(" · {} unreadable", self.errors));
        }
        s
    }
}
