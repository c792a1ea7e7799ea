//! Bounds on what one check may report about one article. A text made of
//! numbers is not 85,000 contradictions: after [`MAX_FINDINGS`] findings a
//! check's rest become one summary finding, and after [`MAX_NOTES`] notes
//! on one claim its rest become one summary note, so the output grows with
//! the article, not with the pairs of claims in it. Ordinary articles stay
//! far below both, and their output is untouched.

use super::{Finding, Report, Severity};

/// Findings one check may report about one article, before the summary.
pub const MAX_FINDINGS: usize = 50;
/// Notes one check may leave on one claim, before the summary. Real copy
/// gets at most three from one check; fifty made a claim of a text of
/// counts carry seven kilobytes of notes, most of the output and memory.
pub const MAX_NOTES: usize = 10;

/// A check's findings are cut back to the first `MAX_FINDINGS + 1` by
/// position whenever this many have piled up, so a check that finds a
/// contradiction in every pair never holds more than this many at once.
const PRUNE_AT: usize = 8 * MAX_FINDINGS;

/// What the running check reported beyond the bounds, kept while it runs so
/// what will be dropped is not held (nor, through [`Running::keeps_finding`]
/// and [`Running::keeps_note`], even written). The result is the same as
/// bounding once the check is done: [`bound_findings`] and [`bound_notes`]
/// finish the job with these counts.
#[derive(Debug, Default, Clone)]
pub struct Running {
    findings_from: usize,
    /// After a cut: the start of the first finding past the kept ones. A
    /// later finding that starts there or after can only come after it.
    cutoff: Option<usize>,
    /// Findings cut so far, and the worst of them.
    dropped: usize,
    worst_dropped: Option<Severity>,
    /// Per claim (by index): notes seen, notes dropped, whether a dropped
    /// one failed. A vector, not a map: a check that notes every claim of
    /// a long article held a map entry of 32 bytes and more per claim.
    per_claim: Vec<(u32, u32, bool)>,
}

impl Running {
    /// A check starts with this many findings already reported. (Every
    /// note goes through [`Running::keeps_note`], so notes need no mark.)
    pub fn begin(findings: usize) -> Running {
        Running {
            findings_from: findings,
            ..Running::default()
        }
    }

    /// Would a finding starting at `start` be among the kept ones?
    pub fn keeps_finding(&self, start: usize) -> bool {
        self.cutoff.is_none_or(|c| start < c)
    }

    /// Counts a finding that will not be kept.
    pub fn drop_finding(&mut self, severity: Severity) {
        self.dropped += 1;
        self.worst_dropped = self.worst_dropped.max(Some(severity));
    }

    /// After a finding was pushed: cuts the check's findings back to the
    /// first `MAX_FINDINGS + 1` by position (stable, as [`bound_findings`]
    /// orders them) once [`PRUNE_AT`] have piled up.
    pub fn after_push(&mut self, findings: &mut Vec<Finding>) {
        let from = self.findings_from;
        if findings.len() - from < PRUNE_AT {
            return;
        }
        findings[from..].sort_by_key(|f| f.span.start);
        let keep = from + MAX_FINDINGS + 1;
        for f in &findings[keep..] {
            self.dropped += 1;
            self.worst_dropped = self.worst_dropped.max(Some(f.severity));
        }
        findings.truncate(keep);
        self.cutoff = Some(findings[keep - 1].span.start);
    }

    /// Would a note on `claim` be kept? Counts it either way, and a dropped
    /// one for the claim's summary note.
    pub fn keeps_note(&mut self, claim: usize, passed: bool) -> bool {
        if claim >= self.per_claim.len() {
            self.per_claim.resize(claim + 1, (0, 0, false));
        }
        let e = &mut self.per_claim[claim];
        e.0 = e.0.saturating_add(1);
        if e.0 as usize <= MAX_NOTES {
            return true;
        }
        e.1 = e.1.saturating_add(1);
        e.2 |= !passed;
        false
    }

    /// Bounds what the check reported, once it is done.
    pub fn finish(self, id: &'static str, report: &mut Report) {
        bound_findings(
            id,
            &mut report.findings,
            self.findings_from,
            self.dropped,
            self.worst_dropped,
        );
        for (claim, e) in self.per_claim.into_iter().enumerate().filter(|(_, e)| e.1 > 0) {
            let words = format!("and {} more", thousands(e.1 as usize));
            report.keep_note(id, claim, !e.2, false, &words);
        }
    }
}

/// Keeps the first [`MAX_FINDINGS`] (by position) of the findings the check
/// `id` added after `from`, and replaces the rest with one finding at the
/// first dropped one, as severe as the worst dropped one. `dropped` and
/// `worst` count findings already cut while the check ran (they all came
/// after the first dropped one still held).
pub fn bound_findings(
    id: &'static str,
    findings: &mut Vec<Finding>,
    from: usize,
    dropped: usize,
    worst: Option<Severity>,
) {
    if findings.len() - from <= MAX_FINDINGS {
        return;
    }
    findings[from..].sort_by_key(|f| f.span.start);
    let first = from + MAX_FINDINGS;
    let dropped = findings.len() - first + dropped;
    let severity = findings[first..].iter().map(|f| f.severity).max().max(worst);
    let span = findings[first].span;
    findings.truncate(first);
    findings.push(Finding {
        check: id,
        severity: severity.unwrap_or(Severity::Info),
        confidence: severity.unwrap_or(Severity::Info).confidence(),
        span,
        related: Vec::new(),
        message: format!("and {} more {id} findings", thousands(dropped)),
    });
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
        bound_findings("restated-number", &mut f, 0, 0, None);
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
        bound_findings("restated-number", &mut f, 0, 0, None);
        assert_eq!(f.len(), 5);
        assert_eq!(f[0].span.start, 4, "order untouched");
    }

    #[test]
    fn notes_per_claim_are_bounded() {
        let mut run = Running::begin(0);
        let mut r = Report::default();
        for (claim, passed) in (0..70).map(|i| (0, i != 65)).chain([(1, true)]) {
            if run.keeps_note(claim, passed) {
                r.keep_note("restated-number", claim, passed, false, "");
            }
        }
        run.finish("restated-number", &mut r);
        let n = &r.notes;
        assert_eq!(n.iter().filter(|n| n.claim == 0).count(), MAX_NOTES + 1);
        let summary = n.last().unwrap();
        assert_eq!((summary.claim, summary.passed), (0, false));
        assert_eq!(summary.check(), "restated-number");
        let kept = r.note_text.get(summary.a as usize, summary.b as usize).unwrap();
        assert_eq!(kept, format!("and {} more", 70 - MAX_NOTES));
        assert!(n.iter().any(|n| n.claim == 1));
    }

    #[test]
    fn findings_cut_while_running_end_as_if_cut_at_the_end() {
        // Positions in a scrambled order, with ties, and errors late.
        let starts: Vec<usize> = (0..2000).map(|i| (i * 7919) % 613).collect();
        let severity = |i: usize| {
            if starts[i] == 600 {
                Severity::Error
            } else {
                Severity::Warning
            }
        };
        let mut at_end: Vec<Finding> = Vec::new();
        for (i, &s) in starts.iter().enumerate() {
            let mut f = finding(s, severity(i));
            f.message = i.to_string();
            at_end.push(f);
        }
        bound_findings("restated-number", &mut at_end, 0, 0, None);
        let mut run = Running::begin(0);
        let mut running: Vec<Finding> = Vec::new();
        for (i, &s) in starts.iter().enumerate() {
            if run.keeps_finding(s) {
                let mut f = finding(s, severity(i));
                f.message = i.to_string();
                running.push(f);
                run.after_push(&mut running);
            } else {
                run.drop_finding(severity(i));
            }
        }
        let mut report = Report {
            findings: running,
            ..Report::default()
        };
        run.finish("restated-number", &mut report);
        let running = report.findings;
        let show = |f: &Vec<Finding>| {
            f.iter()
                .map(|f| (f.span.start, f.severity, f.message.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(show(&running), show(&at_end));
        assert_eq!(at_end.last().unwrap().severity, Severity::Error);
    }
}
