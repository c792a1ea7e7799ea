//! The consistency engine: one check per file, all listed in [`REGISTRY`].
//! A check reads the article's claims, quotes and roster and reports
//! findings (problems only) and notes on the claims it could verify, so a
//! claim that passed says which check and why.

mod age_mismatch;
mod bounds;
mod clause_index;
mod duration_spans;
mod duration_vs_range;
pub(crate) mod figures;
mod index;
pub(crate) mod names;
pub mod note_list;
mod part_exceeds_whole;
mod percent_vs_counts;
mod quote_conflict;
mod range_order;
mod restated_index;
mod restated_lead;
mod restated_number;
mod shares;
mod speaker_name_variant;
mod speaker_role_variant;
mod sum_mismatch;
mod unattributed_quote;
mod unbalanced_quote;
mod weekday_mismatch;

use serde::Serialize;

use crate::claims::Claim;
use crate::quotes::Quote;
use crate::span::{LineIndex, Span};
use crate::speakers::Roster;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(&self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// How sure a finding of this severity is, 0–1: an error is arithmetic
    /// on figures the article itself links; a warning rests on a link read
    /// from the wording (the same name, a definite re-mention); info is a
    /// note for the editor.
    pub fn confidence(&self) -> f64 {
        match self {
            Severity::Info => 0.4,
            Severity::Warning => 0.6,
            Severity::Error => 0.9,
        }
    }
}

/// A problem an editor should look at.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub check: &'static str,
    pub severity: Severity,
    pub span: Span,
    /// The other side of the inconsistency.
    pub related: Vec<Span>,
    /// The evidence in plain words.
    pub message: String,
    /// How sure the check is, 0–1 ([`Severity::confidence`] unless the
    /// check knows better).
    pub confidence: f64,
}

/// What a check concluded about one claim it could compare. A text of
/// counts leaves about two notes per claim (a million for 10 MB), so a
/// note is 24 bytes: its words are either kept in the report's one
/// [`Report::note_text`] buffer or, for the checks that note every pair,
/// written again from the two claims when the note is shown (issue 15).
#[derive(Debug, Clone, Copy)]
pub struct CheckNote {
    /// The claim the note is on (its index).
    pub claim: u32,
    /// The check, as its place in [`REGISTRY`].
    check: u8,
    pub passed: bool,
    /// The check looked but could not decide (a date without a year, no
    /// total found): the claim stays `unchecked`, with this note.
    pub undecided: bool,
    /// With `write`: the two claims the words are written from. Without:
    /// the bytes `a..b` of the report's note text.
    a: u32,
    b: u32,
    write: Option<NoteWriter>,
}

/// Writes a note's words from the context and two claims (indices), the
/// same words the check would have kept.
pub type NoteWriter = fn(&CheckContext, usize, usize) -> String;

impl CheckNote {
    /// The check's id.
    pub fn check(&self) -> &'static str {
        REGISTRY.get(self.check as usize).map_or("", |c| c.id())
    }

    /// Appends the note's words to `out`; `cx` is the context the checks
    /// ran in (or the same parts of the finished analysis) and `kept` the
    /// report's note text.
    pub fn push_words(&self, cx: &CheckContext, kept: &note_list::ChunkedText, out: &mut String) {
        match self.write {
            Some(write) => out.push_str(&write(cx, self.a as usize, self.b as usize)),
            None => out.push_str(kept.get(self.a as usize, self.b as usize).unwrap_or("")),
        }
    }

    /// The note's words (see [`CheckNote::push_words`]).
    pub fn words(&self, cx: &CheckContext, kept: &note_list::ChunkedText) -> String {
        let mut out = String::new();
        self.push_words(cx, kept, &mut out);
        out
    }
}

/// The place of a check id in [`REGISTRY`]; notes name their check by it.
fn check_index(id: &'static str) -> u8 {
    REGISTRY.iter().position(|c| c.id() == id).unwrap_or(u8::MAX as usize) as u8
}

/// Everything a check may read.
pub struct CheckContext<'a> {
    pub text: &'a str,
    /// The article's date (its dateline), when it has one.
    pub article_date: Option<jiff::civil::Date>,
    pub claims: &'a [Claim],
    pub quotes: &'a [Quote],
    pub roster: &'a Roster,
    /// Where `text`'s lines start, so a message can name a line cheaply.
    pub lines: &'a LineIndex,
    /// Which claims are no counts, asked once per claim for all checks.
    pub(crate) not_count: figures::NotCount,
}

impl CheckContext<'_> {
    /// The claim's text, quoted for a message.
    pub fn quoted(&self, span: Span) -> String {
        format!("“{}”", span.of(self.text).replace(['\n', '\r'], " "))
    }

    pub fn line(&self, pos: usize) -> usize {
        self.lines.line(pos)
    }

    /// [`figures::not_a_count`] of `claims[i]`, worked out once.
    pub(crate) fn not_a_count(&self, i: usize) -> bool {
        self.not_count.get(self.text, self.claims, i)
    }
}

/// What the checks produce.
#[derive(Debug, Default, Clone)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub notes: note_list::ChunkedList<CheckNote>,
    /// The words of the notes that keep theirs, one after another.
    pub note_text: note_list::ChunkedText,
    /// The last check id looked up, and its place in [`REGISTRY`].
    last_check: Option<(&'static str, u8)>,
    /// The running check's tally past the bounds (see [`bounds::Running`]).
    running: bounds::Running,
}

impl Report {
    pub fn pass(&mut self, check: &'static str, claim: usize, note: String) {
        self.note(check, claim, true, false, || note);
    }

    /// [`Report::pass`], with the note written only if it is kept.
    pub fn pass_with(&mut self, check: &'static str, claim: usize, note: impl FnOnce() -> String) {
        self.note(check, claim, true, false, note);
    }

    pub fn fail(&mut self, check: &'static str, claim: usize, note: String) {
        self.note(check, claim, false, false, || note);
    }

    /// The check could not decide about the claim: why, as its note.
    pub fn undecided(&mut self, check: &'static str, claim: usize, note: String) {
        self.note(check, claim, false, true, || note);
    }

    fn note(
        &mut self,
        check: &'static str,
        claim: usize,
        passed: bool,
        undecided: bool,
        note: impl FnOnce() -> String,
    ) {
        if self.running.keeps_note(claim, passed) {
            let words = note();
            self.keep_note(check, claim, passed, undecided, &words);
        }
    }

    /// A note whose words are written from two claims when it is shown,
    /// not kept: for checks that note every pair of a long article.
    pub fn pass_pair(&mut self, check: &'static str, claim: usize, a: usize, b: usize, write: NoteWriter) {
        if self.running.keeps_note(claim, true) {
            let check = self.check_of(check);
            self.notes.push(CheckNote {
                claim: claim as u32,
                check,
                passed: true,
                undecided: false,
                a: a as u32,
                b: b as u32,
                write: Some(write),
            });
        }
    }

    /// A note with these words, kept in [`Report::note_text`].
    pub(crate) fn keep_note(&mut self, check: &'static str, claim: usize, passed: bool, undecided: bool, words: &str) {
        let check = self.check_of(check);
        let a = self.note_text.len() as u32;
        self.note_text.push_str(words);
        self.notes.push(CheckNote {
            claim: claim as u32,
            check,
            passed,
            undecided,
            a,
            b: self.note_text.len() as u32,
            write: None,
        });
    }

    fn check_of(&mut self, id: &'static str) -> u8 {
        match self.last_check {
            Some((last, i)) if std::ptr::eq(last, id) => i,
            _ => {
                let i = check_index(id);
                self.last_check = Some((id, i));
                i
            }
        }
    }

    /// The words of one of this report's notes.
    pub fn words(&self, cx: &CheckContext, n: &CheckNote) -> String {
        n.words(cx, &self.note_text)
    }

    /// Reports a finding, and marks the claim it is about (if any) as failed
    /// with the same message.
    pub fn flag(
        &mut self,
        check: &'static str,
        claim: Option<usize>,
        severity: Severity,
        span: Span,
        related: Vec<Span>,
        message: String,
    ) {
        self.flag_with(check, claim, severity, span, related, || message);
    }

    /// [`Report::flag`], with the message written only if the finding or
    /// the claim's note is kept (a check may find far more than is kept).
    pub fn flag_with(
        &mut self,
        check: &'static str,
        claim: Option<usize>,
        severity: Severity,
        span: Span,
        related: Vec<Span>,
        message: impl FnOnce() -> String,
    ) {
        let keep_note = claim.is_some_and(|c| self.running.keeps_note(c, false));
        let keep_finding = self.running.keeps_finding(span.start);
        if !keep_finding {
            self.running.drop_finding(severity);
        }
        if !keep_note && !keep_finding {
            return;
        }
        let message = message();
        if let (Some(c), true) = (claim, keep_note) {
            self.keep_note(check, c, false, false, &message);
        }
        self.push_finding(check, severity, span, related, message, keep_finding);
    }

    /// [`Report::flag_with`] for a finding on claim `claim` about claim
    /// `other`, whose message `write` makes from the two: the claim's note
    /// keeps no words of its own but writes them again when shown.
    #[allow(clippy::too_many_arguments)]
    pub fn flag_pair(
        &mut self,
        cx: &CheckContext,
        check: &'static str,
        claim: usize,
        other: usize,
        severity: Severity,
        span: Span,
        related: Vec<Span>,
        write: NoteWriter,
    ) {
        let keep_note = self.running.keeps_note(claim, false);
        let keep_finding = self.running.keeps_finding(span.start);
        if !keep_finding {
            self.running.drop_finding(severity);
        }
        if keep_note {
            let check = self.check_of(check);
            self.notes.push(CheckNote {
                claim: claim as u32,
                check,
                passed: false,
                undecided: false,
                a: claim as u32,
                b: other as u32,
                write: Some(write),
            });
        }
        if keep_finding {
            let message = write(cx, claim, other);
            self.push_finding(check, severity, span, related, message, true);
        }
    }

    fn push_finding(
        &mut self,
        check: &'static str,
        severity: Severity,
        span: Span,
        related: Vec<Span>,
        message: String,
        keep_finding: bool,
    ) {
        if keep_finding {
            self.findings.push(Finding {
                check,
                severity,
                span,
                related,
                message,
                confidence: severity.confidence(),
            });
            self.running.after_push(&mut self.findings);
        }
    }
}

/// One consistency check. Checks are stateless unit structs.
pub trait Check: Sync {
    /// Kebab-case id, the file stem with dashes.
    fn id(&self) -> &'static str;
    /// One sentence for `factsheet checks`.
    fn description(&self) -> &'static str;
    fn run(&self, cx: &CheckContext, out: &mut Report);
}

/// Every check factsheet runs, in the order they run.
pub static REGISTRY: &[&dyn Check] = &[
    &duration_vs_range::DurationVsRange,
    &part_exceeds_whole::PartExceedsWhole,
    &restated_number::RestatedNumber,
    &percent_vs_counts::PercentVsCounts,
    &sum_mismatch::SumMismatch,
    &weekday_mismatch::WeekdayMismatch,
    &range_order::RangeOrder,
    &age_mismatch::AgeMismatch,
    &speaker_name_variant::SpeakerNameVariant,
    &speaker_role_variant::SpeakerRoleVariant,
    &quote_conflict::QuoteConflict,
    &unbalanced_quote::UnbalancedQuote,
    &unattributed_quote::UnattributedQuote,
];

/// Which checks to run.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub only: Vec<String>,
    pub skip: Vec<String>,
}

impl Selection {
    pub fn wants(&self, id: &str) -> bool {
        (self.only.is_empty() || self.only.iter().any(|o| o == id)) && !self.skip.iter().any(|s| s == id)
    }
}

/// Runs the selected checks; findings come out sorted by position, at most
/// [`bounds::MAX_FINDINGS`] per check (then one summary finding).
pub fn run_checks(cx: &CheckContext, selection: &Selection) -> Report {
    let mut report = Report::default();
    for check in REGISTRY.iter().filter(|c| selection.wants(c.id())) {
        report.running = bounds::Running::begin(report.findings.len());
        check.run(cx, &mut report);
        let running = std::mem::take(&mut report.running);
        running.finish(check.id(), &mut report);
    }
    report.findings.sort_by_key(|f| (f.span.start, f.check));
    report
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;
    use crate::analyze_text;

    /// Runs the whole pipeline on `text` and returns one check's report.
    pub fn run_one(id: &str, text: &str) -> Report {
        let a = analyze_text(
            "test.txt",
            text,
            &Selection {
                only: vec![id.to_string()],
                skip: vec![],
            },
        );
        // Every note with its words kept, so a test reads them as text.
        let mut r = Report::default();
        for n in &a.notes {
            let words = a.note_words(n);
            r.keep_note(n.check(), n.claim as usize, n.passed, n.undecided, &words);
        }
        r.findings = a.findings;
        r
    }

    impl Report {
        /// The words of a note that keeps them.
        pub fn kept(&self, n: &CheckNote) -> &str {
            self.note_text.get(n.a as usize, n.b as usize).unwrap_or("")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_with_descriptions() {
        let mut seen = std::collections::HashSet::new();
        for c in REGISTRY {
            assert!(seen.insert(c.id()), "duplicate id {}", c.id());
            assert!(
                c.id().chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'),
                "{}",
                c.id()
            );
            assert!(
                c.description().ends_with('.') && c.description().len() > 20,
                "{}",
                c.id()
            );
        }
    }
}
