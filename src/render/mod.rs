//! Output formats, one file each, behind [`Format`]. Shared here: stable
//! item ids and the per-item views (line:column, check status) that every
//! format shows the same way.

pub mod jsonl;
pub mod review;
pub mod table;

use crate::Analysis;
use crate::span::Span;

/// What goes to stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Jsonl,
}

/// FNV-1a: stable across runs, platforms and Rust versions (unlike
/// `DefaultHasher`), which ids must be.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    h
}

/// The article's name for ids: the file name, so moving a folder keeps ids.
pub fn article_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Ids for a list of items: prefix + hash of (article, type, text), with
/// `-2`, `-3` … for repeats of the same text.
fn ids<'a>(article: &str, prefix: &str, items: impl Iterator<Item = (&'a str, String)>) -> Vec<String> {
    let mut seen: rustc_hash::FxHashMap<String, usize> = Default::default();
    items
        .map(|(ty, text)| {
            let base = format!(
                "{prefix}-{:012x}",
                fnv1a(&[article, ty, &normalise(&text)]) & 0xffff_ffff_ffff
            );
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            if *n == 1 { base } else { format!("{base}-{n}") }
        })
        .collect()
}

/// Stable ids of an analysis' quotes, claims and findings.
pub struct Ids {
    pub quotes: Vec<String>,
    pub claims: Vec<String>,
    pub findings: Vec<String>,
}

impl Ids {
    pub fn of(a: &Analysis) -> Ids {
        let name = article_name(&a.document.path);
        let text = a.document.text.as_str();
        Ids {
            quotes: ids(
                name,
                "q",
                a.quotes.iter().map(|q| ("quote", q.span.of(text).to_string())),
            ),
            claims: ids(
                name,
                "c",
                a.claims.iter().map(|c| (c.kind.as_str(), c.span.of(text).to_string())),
            ),
            findings: ids(name, "f", a.findings.iter().map(|f| (f.check, f.message.clone()))),
        }
    }
}

/// A claim's check status and notes: `passed`, `failed` or `unchecked`,
/// and "check: why" for each check that looked at it.
pub fn check_status(a: &Analysis, claim: usize) -> (&'static str, String) {
    let notes: Vec<_> = a.notes.iter().filter(|n| n.claim == claim).collect();
    let status = if notes.is_empty() {
        "unchecked"
    } else if notes.iter().any(|n| !n.passed) {
        "failed"
    } else {
        "passed"
    };
    let text = notes
        .iter()
        .map(|n| format!("{}: {}", n.check, n.note))
        .collect::<Vec<_>>()
        .join("; ");
    (status, text)
}

/// 1-based line and column of a span's start.
pub fn line_col(a: &Analysis, span: Span) -> (usize, usize) {
    a.document.line_col(span.start)
}

/// Text on one line: line breaks become spaces (most spans have none, so
/// this copies without searching character by character).
pub fn one_line(s: &str) -> String {
    if s.bytes().any(|b| b == b'\n' || b == b'\r') {
        s.replace(['\n', '\r'], " ")
    } else {
        s.to_string()
    }
}

/// The sentence around a position, for context columns.
pub fn context(a: &Analysis, span: Span) -> String {
    let text = a.document.text.as_str();
    // Paragraphs and their sentences are in text order: search, don't scan.
    let p = a.paragraphs.partition_point(|p| p.span.end <= span.start);
    if let Some(p) = a.paragraphs.get(p) {
        let k = p.sentences.partition_point(|s| s.end <= span.start);
        if let Some(s) = p.sentences.get(k).filter(|s| s.start <= span.start) {
            let end = s.end.max(span.end.min(p.span.end));
            return one_line(&text[s.start..end]);
        }
    }
    span.of(text).to_string()
}
