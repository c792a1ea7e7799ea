//! `speaker-name-variant`: one person's name spelled two ways in the same
//! article ("Gregory Haldane" … "Haldene", "Michelle Wu" … "Michele Wu").

use super::{Check, CheckContext, Finding, Report, Severity};
use crate::speakers::{EntityKind, edit_distance};

pub struct SpeakerNameVariant;

/// A lower bound of the edit distance from letter counts alone: most
/// pairs of names are ruled out without building the edit table.
fn bag_distance(a: &str, b: &str) -> usize {
    let mut counts = [0i32; 27];
    let slot = |c: char| {
        let l = c.to_ascii_lowercase();
        if l.is_ascii_lowercase() {
            usize::from(l as u8 - b'a')
        } else {
            26
        }
    };
    a.chars().for_each(|c| counts[slot(c)] += 1);
    b.chars().for_each(|c| counts[slot(c)] -= 1);
    let surplus: i32 = counts.iter().filter(|&&n| n > 0).sum();
    let deficit: i32 = -counts.iter().filter(|&&n| n < 0).sum::<i32>();
    surplus.max(deficit) as usize
}

impl Check for SpeakerNameVariant {
    fn id(&self) -> &'static str {
        "speaker-name-variant"
    }

    fn description(&self) -> &'static str {
        "One person's name spelled two different ways in the article."
    }

    fn run(&self, cx: &CheckContext, out: &mut Report) {
        let entities = &cx.roster.entities;
        let first_mention = |i: usize| entities[i].mentions.iter().min().copied();
        for &(e, span) in &cx.roster.variants {
            let Some(first) = first_mention(e) else { continue };
            out.findings.push(Finding {
                check: self.id(),
                severity: Severity::Warning,
                span,
                related: vec![first],
                message: format!(
                    "{} (line {}) looks like a misspelling of {} (line {})",
                    cx.quoted(span),
                    cx.line(span.start),
                    entities[e].name,
                    cx.line(first.start)
                ),
            });
        }
        // Two full names one or two letters apart are one person twice.
        // Every pair is looked at, so each name's words and letters are
        // counted once.
        let shapes: Vec<(usize, usize)> = entities
            .iter()
            .map(|e| (e.name.split(' ').count(), e.name.chars().count()))
            .collect();
        for (i, a) in entities.iter().enumerate() {
            if a.kind != EntityKind::Person || shapes[i].0 < 2 {
                continue;
            }
            for (j, b) in entities.iter().enumerate().skip(i + 1) {
                if b.kind != EntityKind::Person {
                    continue;
                }
                let ((wa, ca), (wb, cb)) = (shapes[i], shapes[j]);
                if wa != wb || ca.abs_diff(cb) > 2 || bag_distance(&a.name, &b.name) > 2 {
                    continue;
                }
                let d = edit_distance(&a.name, &b.name);
                if d == 0 || d > 2 || a.name.len() < 8 || crate::speakers::plural_of(&a.name, &b.name) {
                    continue;
                }
                let (Some(fa), Some(fb)) = (first_mention(i), first_mention(j)) else {
                    continue;
                };
                let (early, late, late_name, early_name) = if fa < fb {
                    (fa, fb, &b.name, &a.name)
                } else {
                    (fb, fa, &a.name, &b.name)
                };
                out.findings.push(Finding {
                    check: self.id(),
                    severity: Severity::Warning,
                    span: late,
                    related: vec![early],
                    message: format!(
                        "“{late_name}” (line {}) is spelled “{early_name}” on line {}",
                        cx.line(late.start),
                        cx.line(early.start)
                    ),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::run_one;

    #[test]
    fn misspelled_surname_is_flagged() {
        let r = run_one(
            "speaker-name-variant",
            "Prosecutor Keisha Lowndes spoke first.\nLater Lownes said prosecutors would appeal.\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    }

    #[test]
    fn different_people_are_not_variants() {
        let r = run_one(
            "speaker-name-variant",
            "Hillary Clinton spoke first. Bill Clinton spoke next. Later Clinton left.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }

    #[test]
    fn words_and_plurals_are_not_misspellings() {
        let r = run_one(
            "speaker-name-variant",
            "Lithuanian Americans gathered. The Arizona Republic reported it. Republican voters agreed.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }
}
