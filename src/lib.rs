//! factsheet: a fact-checker's workbench. The library reads an article and
//! returns its quotes (with speakers), its checkable claims (with
//! normalised values) and the findings of the consistency checks; the
//! renderers turn that into JSON Lines, a terminal table or a CSV
//! worksheet. The library never prints.
//!
//! Pipeline: [`ingest`] → [`segment`] → [`speakers`] + [`quotes`] →
//! [`claims`] → [`checks`] → [`render`] / [`worksheet`].
//!
//! # JSON Lines contract
//!
//! `factsheet check --format jsonl` writes one object per line:
//!
//! - `{"type":"article","path":…,"title":…,"byline":…,"published":…,"quotes":[…],"attributions":[…],"claims":[…],"findings":[…],"roster":[…]}`
//! - `{"type":"error","path":…,"message":…}` for an input that could not be read
//! - a final `{"type":"summary","articles":…,"quotes":…,"claims":…,"findings":…,"errors":…}`
//!
//! Every item has `id` (stable across runs: derived from the article's file
//! name and the item's text), `byte_start`/`byte_end` (half-open, bytes of
//! the original file) and 1-based `line`/`column` (column in characters).
//! See README.md for every field.

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod attributions;
pub mod batch;
pub mod checks;
pub mod claims;
pub mod cross;
pub mod error;
pub mod export;
mod featkey;
pub mod ingest;
pub mod inputs;
pub mod lexicon;
mod mentions;
pub mod quotes;
pub mod render;
pub mod review;
pub mod rules;
pub mod segment;
pub mod span;
pub mod speakers;
mod token;
pub mod worksheet;

pub use attributions::{Attribution, AttributionKind};
pub use checks::{Finding, Selection, Severity};
pub use claims::{Claim, ClaimKind};
pub use error::{Error, Result};
pub use ingest::Document;
pub use quotes::{Quote, QuoteKind};
pub use span::Span;

/// Everything factsheet found in one article.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub document: Document,
    pub paragraphs: Vec<segment::Paragraph>,
    pub roster: speakers::Roster,
    pub quotes: Vec<Quote>,
    /// Every attribution (reported speech, quoted or not), in text order.
    pub attributions: Vec<Attribution>,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
    pub notes: checks::note_list::ChunkedList<checks::CheckNote>,
    /// The words of the notes that keep theirs ([`checks::Report::note_text`]).
    pub note_text: checks::note_list::ChunkedText,
    /// The article's date the checks read (its dateline, else one found in
    /// the text, else the batch's hint).
    pub article_date: Option<jiff::civil::Date>,
    /// Positions in `notes`, sorted by claim (stable), so a claim's notes
    /// are found by binary search: every claim row asks for them.
    pub notes_by_claim: Vec<u32>,
}

/// Runs the whole pipeline on a document, with the default house rules.
pub fn analyze(document: Document, selection: &Selection) -> Analysis {
    analyze_with_rules(document, selection, rules::RuleSet::defaults())
}

/// Runs the whole pipeline on a document, with these house rules.
pub fn analyze_with_rules(document: Document, selection: &Selection, house: &rules::RuleSet) -> Analysis {
    let text = document.text.as_str();
    let body = Span::new(document.body_start, text.len());
    let paragraphs = segment::segment(text, document.body_start);
    // One tokenization of the body, shared by the roster, the quote rules
    // and the claims.
    let tokens = token::tokenize(text, body);
    let mut roster = speakers::Roster::from_tokens(text, &tokens);
    let mut quotes = quotes::extract_quotes_with(text, &paragraphs, &mut roster, &tokens);
    let mut attributions = attributions::extract_with(text, &paragraphs, &tokens, &roster, &quotes);
    // Quoted words inside reported speech take its source, once both
    // layers have read the article.
    attributions::reconcile(text, &tokens, &roster, &mut quotes, &mut attributions);
    let article_date = document
        .published
        .or_else(|| claims::article_date(text, &paragraphs))
        .or(document.date_hint);
    let mut claims = claims::extract_claims_with(text, &paragraphs, &roster, article_date, &tokens);
    // The checks read claims and quotes, not tokens: a long article's
    // tokens (tens of bytes per word) must not stay alive beside the
    // checks' notes (issue 15).
    drop(tokens);
    attributions::source_claims(&attributions, &mut claims);
    let report = {
        let cx = checks::CheckContext {
            text,
            article_date,
            claims: &claims,
            quotes: &quotes,
            roster: &roster,
            lines: &document.lines,
            not_count: Default::default(),
        };
        checks::run_checks(&cx, selection)
    };
    let mut notes_by_claim: Vec<u32> = (0..report.notes.len() as u32).collect();
    notes_by_claim.sort_by_key(|&i| report.notes[i as usize].claim);
    let mut findings = report.findings;
    // House rules run after the checks, so no check reads a statement
    // claim; their claims go last, so the checks' claim indices hold.
    let hits = rules::run(house, selection, text, body, &paragraphs, &quotes);
    if !hits.findings.is_empty() {
        findings.extend(hits.findings);
        findings.sort_by_key(|f| (f.span.start, f.check));
    }
    claims.extend(hits.claims);
    Analysis {
        notes_by_claim,
        paragraphs,
        roster,
        quotes,
        attributions,
        claims,
        findings,
        notes: report.notes,
        note_text: report.note_text,
        article_date,
        document,
    }
}

impl Analysis {
    /// The context the checks ran in, rebuilt from the analysis, for
    /// writing the words of notes that keep none ([`checks::CheckNote`]).
    pub fn check_context(&self) -> checks::CheckContext<'_> {
        checks::CheckContext {
            text: &self.document.text,
            article_date: self.article_date,
            claims: &self.claims,
            quotes: &self.quotes,
            roster: &self.roster,
            lines: &self.document.lines,
            not_count: Default::default(),
        }
    }

    /// The words of one of the analysis's notes.
    pub fn note_words(&self, n: &checks::CheckNote) -> String {
        n.words(&self.check_context(), &self.note_text)
    }
}

/// Runs the pipeline on text already in memory.
pub fn analyze_text(path: &str, text: &str, selection: &Selection) -> Analysis {
    analyze(Document::from_text(path, text), selection)
}
