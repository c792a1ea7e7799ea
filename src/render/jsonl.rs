//! JSON Lines: the contract evaluation and other tools read (documented in
//! the crate docs and the README). One `article` object per input, `error`
//! objects for unreadable inputs, and a final `summary`.

use serde::Serialize;
use serde_json::{Value as Json, json};

use super::{Ids, check_status, line_col};
use crate::Analysis;
use crate::speakers::EntityKind;

// The article object is written straight from these borrowed views of the
// analysis: building a `serde_json::Value` tree first cost a fifth of a
// JSON Lines run. Field names are the documented contract.

// The long lists (quotes, claims, findings) are written as they are made,
// not collected first: a long article's claims as strings were several
// times the article's size (issue 15).
#[derive(Serialize)]
#[serde(bound = "Seq<Q>: Serialize, Seq<C>: Serialize, Seq<F>: Serialize")]
struct ArticleOut<'a, Q, C, F> {
    #[serde(rename = "type")]
    kind: &'static str,
    path: &'a str,
    title: Option<&'a str>,
    byline: Option<&'a str>,
    published: Option<String>,
    quotes: Seq<Q>,
    attributions: Vec<AttributionOut<'a>>,
    claims: Seq<C>,
    findings: Seq<F>,
    roster: Vec<RosterOut<'a>>,
}

/// A list written item by item from an iterator made anew for each
/// writing, with the bytes a `Vec` of the same items would give.
struct Seq<F>(F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    id: &'a str,
    kind: &'static str,
    text: &'a str,
    byte_start: usize,
    byte_end: usize,
    line: usize,
    column: usize,
    cue: Option<&'a str>,
    rule: Option<&'static str>,
    /// How likely the speaker is right (0–1), from the rule.
    confidence: Option<f32>,
    group: Option<usize>,
    unbalanced: bool,
    speaker: Option<SpeakerOut<'a>>,
    /// The attribution this quote belongs to.
    attribution: Option<&'a str>,
}

#[derive(Serialize)]
struct AttributionOut<'a> {
    id: &'a str,
    kind: &'static str,
    cue: Option<CueOut<'a>>,
    content: Vec<SpanOut>,
    speaker: Option<SpeakerOut<'a>>,
    quotes: Vec<&'a str>,
    rule: &'static str,
    confidence: f32,
}

#[derive(Serialize)]
struct CueOut<'a> {
    text: &'a str,
    byte_start: usize,
    byte_end: usize,
}

#[derive(Serialize)]
struct SpeakerOut<'a> {
    name: &'a str,
    role: Option<&'a str>,
    mention: &'a str,
    byte_start: usize,
    byte_end: usize,
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    id: &'a str,
    kind: &'static str,
    text: &'a str,
    byte_start: usize,
    byte_end: usize,
    line: usize,
    column: usize,
    value: Json,
    display: String,
    counts: Option<&'a str>,
    part_of: Option<&'a str>,
    source: Option<&'a str>,
    check_status: &'static str,
    check_notes: String,
}

#[derive(Serialize)]
struct FindingOut<'a> {
    id: &'a str,
    check: &'static str,
    severity: &'static str,
    message: &'a str,
    /// How sure the check is, 0–1, to two decimals.
    confidence: f64,
    byte_start: usize,
    byte_end: usize,
    line: usize,
    column: usize,
    related: Vec<SpanOut>,
}

#[derive(Serialize)]
struct SpanOut {
    byte_start: usize,
    byte_end: usize,
}

#[derive(Serialize)]
struct RosterOut<'a> {
    name: &'a str,
    kind: &'static str,
    roles: &'a [String],
    mentions: &'a [String],
    quotes: usize,
}

/// The `article` line of one analysis, without its newline.
pub fn article(a: &Analysis) -> String {
    let mut out = Vec::new();
    write_article(a, &mut out).ok();
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the `article` line of one analysis, without its newline, as it
/// is made (nothing the size of the output is held).
pub fn write_article(a: &Analysis, out: impl std::io::Write) -> std::io::Result<()> {
    let text = a.document.text.as_str();
    let ids = Ids::of(a);
    let place = |s: crate::span::Span| {
        let (line, column) = line_col(a, s);
        (s.start, s.end, line, column)
    };
    // Each quote's attribution, by quote index.
    let mut attribution_of: Vec<Option<&str>> = vec![None; a.quotes.len()];
    for (t, id) in a.attributions.iter().zip(&ids.attributions) {
        for &qi in &t.quotes {
            attribution_of[qi] = Some(id);
        }
    }
    let attributions = a
        .attributions
        .iter()
        .zip(&ids.attributions)
        .map(|(t, id)| AttributionOut {
            id,
            kind: t.kind.as_str(),
            cue: t.cue.map(|c| CueOut {
                text: c.of(text),
                byte_start: c.start,
                byte_end: c.end,
            }),
            content: t
                .content
                .iter()
                .map(|c| SpanOut {
                    byte_start: c.start,
                    byte_end: c.end,
                })
                .collect(),
            speaker: t.speaker.as_ref().map(|s| SpeakerOut {
                name: &s.name,
                role: s.role.as_deref(),
                mention: s.span.of(text),
                byte_start: s.span.start,
                byte_end: s.span.end,
            }),
            quotes: t.quotes.iter().map(|&qi| &ids.quotes[qi]).collect(),
            rule: t.rule,
            confidence: t.confidence,
        })
        .collect();
    let quotes = || {
        a.quotes.iter().zip(&ids.quotes).enumerate().map(|(qi, (q, id))| {
            let (byte_start, byte_end, line, column) = place(q.span);
            QuoteOut {
                id,
                kind: q.kind.as_str(),
                text: q.span.of(text),
                byte_start,
                byte_end,
                line,
                column,
                cue: q.cue.as_deref(),
                rule: q.rule,
                confidence: q.confidence(),
                group: q.group,
                unbalanced: q.unbalanced,
                speaker: q.speaker.as_ref().map(|s| SpeakerOut {
                    name: &s.name,
                    role: s.role.as_deref(),
                    mention: s.span.of(text),
                    byte_start: s.span.start,
                    byte_end: s.span.end,
                }),
                attribution: attribution_of[qi],
            }
        })
    };
    let claims = || {
        a.claims.iter().enumerate().map(|(i, c)| {
            let (byte_start, byte_end, line, column) = place(c.span);
            let (check_status, check_notes) = check_status(a, i);
            ClaimOut {
                id: &ids.claims[i],
                kind: c.kind.as_str(),
                text: c.span.of(text),
                byte_start,
                byte_end,
                line,
                column,
                value: c.value.to_json(),
                display: c.value.display(),
                counts: c.noun.as_deref(),
                part_of: c.whole().map(|w| &ids.claims[w]),
                source: c.source.as_deref(),
                check_status,
                check_notes,
            }
        })
    };
    let findings = || {
        a.findings.iter().zip(&ids.findings).map(|(f, id)| {
            let (byte_start, byte_end, line, column) = place(f.span);
            FindingOut {
                id,
                check: f.check,
                severity: f.severity.as_str(),
                message: &f.message,
                confidence: (f.confidence * 100.0).round() / 100.0,
                byte_start,
                byte_end,
                line,
                column,
                related: f
                    .related
                    .iter()
                    .map(|r| SpanOut {
                        byte_start: r.start,
                        byte_end: r.end,
                    })
                    .collect(),
            }
        })
    };
    let rows = roster_rows(a);
    let article = ArticleOut {
        kind: "article",
        path: &a.document.path,
        title: a.document.title.as_deref(),
        byline: a.document.byline.as_deref(),
        published: a.document.published.map(|d| d.to_string()),
        quotes: Seq(quotes),
        attributions,
        claims: Seq(claims),
        findings: Seq(findings),
        roster: rows
            .iter()
            .map(|r| RosterOut {
                name: &r.name,
                kind: r.kind,
                roles: &r.roles,
                mentions: &r.forms,
                quotes: r.quotes,
            })
            .collect(),
    };
    serde_json::to_writer(out, &article).map_err(std::io::Error::other)
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
    // Each name's row, so a text of thousands of speakers does not search
    // the rows for every quote.
    let mut row_of: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for q in &a.quotes {
        let Some(s) = &q.speaker else { continue };
        let idx = match row_of.get(s.name.as_str()) {
            Some(&i) => i,
            None => {
                row_of.insert(&s.name, rows.len());
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
        "confidence": crate::checks::Severity::Warning.confidence(),
        "places": f.places.iter().zip(&f.at).map(|((a, s), p)| json!({"article": a, "byte_start": s.start, "byte_end": s.end, "path": p.path, "line": p.line, "column": p.column})).collect::<Vec<_>>(),
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
