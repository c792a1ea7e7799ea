//! `part-exceeds-whole`: a part larger than the total it is part of
//! ("412 of those arrested" after "370 arrested").

use super::figures::not_a_count;
use super::{Check, CheckContext, Report, Severity};
use crate::claims::{Claim, fmt};

pub struct PartExceedsWhole;

impl Check for PartExceedsWhole {
    fn id(&self) -> &'static str {
        "part-exceeds-whole"
    }

    fn description(&self) -> &'static str {
        "A count given as part of an earlier total (\"205 of those arrested\") that is larger than the total."
    }

    fn run(&self, cx: &CheckContext, out: &mut Report) {
        for (pi, part) in cx.claims.iter().enumerate() {
            let Some(wi) = part.part_of else { continue };
            let whole = &cx.claims[wi];
            if !is_part_of(cx, part, whole) {
                continue;
            }
            let (Some(p), Some(w)) = (part.value.amount(), whole.value.amount()) else {
                continue;
            };
            let (Some(pv), Some(wv)) = (p.value, w.value) else {
                continue;
            };
            let p_text = part.span.of(cx.text);
            let w_text = whole.span.of(cx.text);
            if p.min > w.max {
                let noun = part.noun.as_deref().map(|n| format!(" {n}")).unwrap_or_default();
                let message = format!(
                    "{}{noun} is more than the {} it is part of (line {})",
                    fmt(pv),
                    w_text,
                    cx.line(whole.span.start)
                );
                out.flag(
                    self.id(),
                    Some(pi),
                    Severity::Error,
                    part.span,
                    vec![whole.span],
                    message,
                );
            } else {
                let note = format!("{p_text} is within the {} ({} ≤ {})", w_text, fmt(pv), fmt(wv));
                out.pass(self.id(), pi, note.clone());
                out.pass(self.id(), wi, note);
            }
        }
    }
}

/// Whether the claim reader's part and whole read as one in real copy:
/// both counts, of the same thing when both name it ("37 pages" is no
/// part of "seven email chains"), not the two ends of a range ("31,000 to
/// 160,000"), and not a sibling part ("the other two", "the remaining 16").
fn is_part_of(cx: &CheckContext, part: &Claim, whole: &Claim) -> bool {
    if not_a_count(cx.text, part) || not_a_count(cx.text, whole) {
        return false;
    }
    // Only plural nouns are compared: the reader's "noun" after a part is
    // sometimes its verb ("203 qualify").
    let stem = |c: &Claim| {
        c.noun
            .as_deref()
            .filter(|n| n.ends_with('s'))
            .map(|n| n.trim_end_matches('s').to_lowercase())
    };
    if let (Some(a), Some(b)) = (stem(part), stem(whole))
        && a != b
    {
        return false;
    }
    let (first, second) = if whole.span.start < part.span.start {
        (whole, part)
    } else {
        (part, whole)
    };
    if let Some(between) = cx.text.get(first.span.end..second.span.start) {
        let between = between.trim();
        if matches!(between, "to" | "-" | "–" | "—" | "and" | "or") {
            return false;
        }
    }
    let word_before = cx.text[..part.span.start].split_whitespace().next_back().unwrap_or("");
    !["other", "remaining", "another", "additional", "further"]
        .iter()
        .any(|w| word_before.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::run_one;

    #[test]
    fn part_within_whole_passes() {
        let r = run_one(
            "part-exceeds-whole",
            "Agents arrested 370 people. Of those, 205 had convictions.\n",
        );
        assert!(r.findings.is_empty());
        assert!(r.notes.iter().any(|n| n.passed));
    }

    #[test]
    fn larger_part_is_an_error_with_both_numbers() {
        let r = run_one(
            "part-exceeds-whole",
            "Agents arrested 370 people.\nOfficials said 412 of those arrested had records.\n",
        );
        assert_eq!(r.findings.len(), 1);
        assert!(
            r.findings[0].message.contains("412") && r.findings[0].message.contains("370"),
            "{}",
            r.findings[0].message
        );
    }
}
