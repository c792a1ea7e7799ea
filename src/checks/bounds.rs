//! Bounds on what one check may report about one article. A text made of
//! numbers is not 85,000 contradictions: after [`MAX_FINDINGS`] findings a
//! check's rest become one summary finding, and after [`MAX_NOTES`] notes
//! on one claim its rest become one summary note, so the output grows with
//! the article, not with the pairs of claims in it. Ordinary articles stay
//! far below both, and their output is untouched.

use rustc_hash::FxHashMap;

use super::{CheckNote, Finding};

/// Findings one check may report about one article, before the summary.
pub const MAX_FINDINGS: usize = 50;
/// Notes one check may leave on one claim, before the summary.
pub const MAX_NOTES: usize = 50;

/// Keeps the first [`MAX_FINDINGS`] (by position) of the findings the check
/// `id` added after `from`, and replaces the rest with one finding at the
/// first dropped one, as severe as the worst dropped one.
pub fn bound_findings(id: &'static str, findings: &mut Vec<Finding>, from: usize) {
    if findings.len() - from <= MAX_FINDINGS {
        return;
    }
    findings[from..].sort_by_key(|f| f.span.start);
    let dropped = findings.len() - from - MAX_FINDINGS;
    let first = from + MAX_FINDINGS;
    let severity = findings[first..].iter().map(|f| f.severity).max();
    let span = findings[first].span;
    findings.truncate(first);
    findings.push(Finding {
        check: id,
        severity: severity.unwrap_or(super::Severity::Info),
        confidence: severity.unwrap_or(super::Severity::Info).confidence(),
        span,
        related: Vec::new(),
        message: format!("and {} more {id} findings", thousands(dropped)),
    });
}

/// Keeps the first [`MAX_NOTES`] notes per claim of those the check `id`
/// added after `from`, and sums up each claim's rest in one note (failed if
/// any dropped note failed).
pub fn bound_notes(id: &'static str, notes: &mut Vec<CheckNote>, from: usize) {
    if notes.len() - from <= MAX_NOTES {
        return;
    }
    // Per claim: notes seen, notes dropped, whether a dropped one failed.
    let mut seen: FxHashMap<usize, (usize, usize, bool)> = FxHashMap::default();
    let mut kept = from;
    for i in from..notes.len() {
        let e = seen.entry(notes[i].claim).or_default();
        e.0 += 1;
        if e.0 <= MAX_NOTES {
            notes.swap(kept, i);
            kept += 1;
        } else {
            e.1 += 1;
            e.2 |= !notes[i].passed;
        }
    }
    notes.truncate(kept);
    let mut over: Vec<(usize, usize, bool)> = seen
        .into_iter()
        .filter(|(_, e)| e.1 > 0)
        .map(|(claim, e)| (claim, e.1, e.2))
        .collect();
    over.sort_unstable();
    notes.extend(over.into_iter().map(|(claim, dropped, failed)| CheckNote {
        claim,
        check: id,
        passed: !failed,
        undecided: false,
        note: format!("and {} more", thousands(dropped)),
    }));
}

/// 84675 → "84,675".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Severity;
    use crate::span::Span;

    fn finding(start: usize, severity: Severity) -> Finding {
        Finding {
            check: "restated-number",
            severity,
            confidence: severity.confidence(),
            span: Span::new(start, start + 1),
            related: vec![],
            message: String::new(),
        }
    }

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(84675), "84,675");
    }

    #[test]
    fn many_findings_become_fifty_and_a_summary() {
        let mut f: Vec<Finding> = (0..200).rev().map(|i| finding(i, Severity::Warning)).collect();
        f[10].severity = Severity::Error;
        bound_findings("restated-number", &mut f, 0);
        assert_eq!(f.len(), MAX_FINDINGS + 1);
        assert_eq!(f[0].span.start, 0);
        let last = &f[MAX_FINDINGS];
        assert_eq!(last.message, "and 150 more restated-number findings");
        assert_eq!(last.span.start, 50);
        assert_eq!(last.severity, Severity::Error);
    }

    #[test]
    fn a_few_findings_are_left_alone() {
        let mut f: Vec<Finding> = (0..5).rev().map(|i| finding(i, Severity::Warning)).collect();
        bound_findings("restated-number", &mut f, 0);
        assert_eq!(f.len(), 5);
        assert_eq!(f[0].span.start, 4, "order untouched");
    }

    #[test]
    fn notes_per_claim_are_bounded() {
        let note = |claim, passed| CheckNote {
            claim,
            check: "restated-number",
            passed,
            undecided: false,
            note: String::new(),
        };
        let mut n: Vec<CheckNote> = (0..70).map(|i| note(0, i != 65)).chain([note(1, true)]).collect();
        bound_notes("restated-number", &mut n, 0);
        assert_eq!(n.iter().filter(|n| n.claim == 0).count(), MAX_NOTES + 1);
        let summary = n.last().unwrap();
        assert_eq!((summary.claim, summary.passed), (0, false));
        assert_eq!(summary.note, "and 20 more");
        assert!(n.iter().any(|n| n.claim == 1));
    }
}
