//! `speaker-name-variant`: one person's name spelled two ways in the same
//! article ("Gregory Haldane" … "Haldene", "Michelle Wu" … "Michele Wu").

use super::{Check, CheckContext, Finding, Report, Severity};
use std::collections::HashMap;

use super::names::{bare_word, bare_words, is_first_name, looks_like_person, one_word_slip, word_slip};
use crate::speakers::EntityKind;

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
        let bare: Vec<Vec<String>> = entities.iter().map(|e| bare_words(&e.name)).collect();
        for &(e, span) in &cx.roster.variants {
            let Some(first) = first_mention(e) else { continue };
            let variant = bare_word(span.of(cx.text));
            // "Sanders’" is Sanders; "Democratic" beside "Democrats" and
            // "Latino" beside "Latina" are words, not a name misspelt.
            let name = &bare[e];
            // "the Clintons’" is the family; "David" beside "Davis" is a
            // first name, not the surname misspelt.
            let plural = variant
                .strip_suffix('s')
                .is_some_and(|v| name.iter().any(|w| w.eq_ignore_ascii_case(v)));
            if name.iter().any(|w| w.eq_ignore_ascii_case(&variant))
                || plural
                || is_first_name(&variant)
                || !looks_like_person(name)
                || !looks_like_person(std::slice::from_ref(&variant))
            {
                continue;
            }
            out.findings.push(Finding {
                check: self.id(),
                severity: Severity::Warning,
                confidence: Severity::Warning.confidence(),
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
        self.lone_surname_slips(cx, &bare, out);
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
                if a.name.len() < 8 || !one_word_slip(&bare[i], &bare[j]) {
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
                    confidence: Severity::Warning.confidence(),
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

impl SpeakerNameVariant {
    /// A surname alone ("Chriac") one slip from the surname of a full
    /// name ("Jacques Chirac"). Surnames are indexed by first letter, so
    /// each lone name meets only the few that could match.
    fn lone_surname_slips(&self, cx: &CheckContext, bare: &[Vec<String>], out: &mut Report) {
        let entities = &cx.roster.entities;
        let mut by_initial: HashMap<char, Vec<usize>> = HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            if e.kind == EntityKind::Person && bare[i].len() >= 2 && looks_like_person(&bare[i]) {
                if let Some(c) = bare[i].last().and_then(|w| w.chars().next()) {
                    by_initial.entry(c).or_default().push(i);
                }
            }
        }
        for (j, b) in entities.iter().enumerate() {
            let [lone] = bare[j].as_slice() else { continue };
            if b.kind != EntityKind::Person || !looks_like_person(&bare[j]) || is_first_name(lone) {
                continue;
            }
            let Some(c) = lone.chars().next() else { continue };
            let candidates = by_initial.get(&c).map(Vec::as_slice).unwrap_or(&[]);
            // A lone word that is itself a surname here is no slip.
            if candidates
                .iter()
                .any(|&i| bare[i].last().is_some_and(|w| w.eq_ignore_ascii_case(lone)))
            {
                continue;
            }
            let Some(&i) = candidates
                .iter()
                .find(|&&i| bare[i].last().is_some_and(|w| word_slip(w, lone)))
            else {
                continue;
            };
            let (Some(early), Some(late)) = (entities[i].mentions.iter().min(), b.mentions.iter().min()) else {
                continue;
            };
            out.findings.push(Finding {
                check: self.id(),
                severity: Severity::Warning,
                confidence: Severity::Warning.confidence(),
                span: *late,
                related: vec![*early],
                message: format!(
                    "{} (line {}) looks like a misspelling of {} (line {})",
                    cx.quoted(*late),
                    cx.line(late.start),
                    entities[i].name,
                    cx.line(early.start)
                ),
            });
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
    fn possessives_and_party_words_are_not_misspellings() {
        let r = run_one(
            "speaker-name-variant",
            "Bernie Sanders spoke first.\nSanders’ aides and Iowa Democrats agreed, and Democratic voters cheered.\nJames O’Neill and O'Neill left.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
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

#[cfg(test)]
mod real_copy_tests {
    use crate::checks::test_support::run_one;

    #[test]
    fn a_family_plural_is_no_misspelling() {
        let r = run_one(
            "speaker-name-variant",
            "\"We are ready,\" said Nora Whitcombe.\n\nThe Whitcombes’ house was sold.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }
}
