//! `speaker-role-variant`: one person given two different titles ("head
//! coach Darnell Price" … "assistant coach Darnell Price"). A title with
//! or without a place ("Boston Mayor" / "Mayor") is the same title; gaining
//! or losing a rank ("Deputy") or changing the office is not.

use std::collections::BTreeSet;

use super::names::{bare_words, looks_like_person};
use super::{Check, CheckContext, Finding, Report, Severity};
use crate::lexicon::{HONORIFICS, ROLE_MODIFIERS, TITLES};

pub struct SpeakerRoleVariant;

const DESCRIPTORS: &[&str] = &[
    "nominee",
    "candidate",
    "rival",
    "incumbent",
    "challenger",
    "democrat",
    "republican",
    "libertarian",
    "gop",
    "independent",
    "host",
    "moderator",
];

/// Roles held alongside an office ("Senate Foreign Relations Committee
/// Chairman" is also "Sen."), so they contradict no other title.
const CONCURRENT: &[&str] = &[
    "chairman",
    "chairwoman",
    "chair",
    "chairperson",
    "leader",
    "member",
    "father",
    "director",
];

/// Whether a title is the person's own and current: not a former one
/// (a former title and the title at the time are both true), not another
/// person's role run into the name ("former press secretary for Mr.
/// Obama"), not a headline run into it (a line break inside).
fn own_present_title(title: &str) -> bool {
    let words: Vec<String> = title.split_whitespace().map(str::to_lowercase).collect();
    let past = words
        .iter()
        .any(|w| w == "former" || w.starts_with("ex-") || w == "then" || w == "late");
    let another = words.iter().any(|w| w == "for" || w == "of" || w == "to")
        || words.last().is_some_and(|w| HONORIFICS.contains_key(w.as_str()));
    !past && !another && !title.contains('\n')
}

/// The words of a title that say what the office is.
fn title_key(role: &str) -> BTreeSet<String> {
    role.split_whitespace()
        .map(|w| w.to_lowercase())
        .map(|w| match w.as_str() {
            "gov." => "governor".to_string(),
            "sen." => "senator".to_string(),
            "rep." => "representative".to_string(),
            "supt." => "superintendent".to_string(),
            "lt." => "lieutenant".to_string(),
            "gen." => "general".to_string(),
            "capt." => "captain".to_string(),
            "sgt." => "sergeant".to_string(),
            _ => w,
        })
        // Descriptors ("nominee", "Republican", "rival") describe a
        // person's position in a race, not the office a title names.
        .filter(|w| !DESCRIPTORS.contains(&w.as_str()))
        .filter(|w| TITLES.contains(w.as_str()) || ROLE_MODIFIERS.get(w.as_str()).copied().unwrap_or(false))
        .collect()
}

impl Check for SpeakerRoleVariant {
    fn id(&self) -> &'static str {
        "speaker-role-variant"
    }

    fn description(&self) -> &'static str {
        "One person given two different titles in the article."
    }

    fn run(&self, cx: &CheckContext, out: &mut Report) {
        // One title cannot disagree with another: most people have one.
        for e in cx.roster.entities.iter().filter(|e| e.titles.len() >= 2) {
            // "for Life", "Hears About Obama": not a person's name.
            if !looks_like_person(&bare_words(&e.name)) {
                continue;
            }
            let mut seen: Vec<(&str, crate::span::Span, BTreeSet<String>)> = Vec::new();
            for (title, span) in &e.titles {
                if !own_present_title(title) {
                    continue;
                }
                let key = title_key(title);
                if key.is_empty() || key.iter().all(|w| CONCURRENT.contains(&w.as_str())) {
                    continue;
                }
                if let Some((first, fspan, _)) = seen.iter().find(|(_, _, k)| *k != key) {
                    out.findings.push(Finding {
                        check: self.id(),
                        severity: Severity::Warning,
                        span: *span,
                        related: vec![*fspan],
                        message: format!(
                            "{} is “{title}” on line {} but “{first}” on line {}",
                            e.name,
                            cx.line(span.start),
                            cx.line(fspan.start)
                        ),
                    });
                    break;
                }
                seen.push((title, *span, key));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::run_one;

    #[test]
    fn rank_change_is_flagged() {
        let r = run_one(
            "speaker-role-variant",
            "Superintendent Carla Nguyen-Ames spoke.\nLater Deputy Superintendent Carla Nguyen-Ames said more.\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    }

    #[test]
    fn place_before_title_is_the_same_title() {
        let r = run_one(
            "speaker-role-variant",
            "Boston Mayor Michelle Wu spoke.\nLater Mayor Michelle Wu left.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }

    #[test]
    fn former_and_concurrent_titles_are_not_a_second_title() {
        let r = run_one(
            "speaker-role-variant",
            "Former Florida Gov. Jeb Bush spoke.\nLater Gov. Jeb Bush left.\nSenate Foreign Relations Committee Chairman Bob Corker agreed, and Sen. Bob Corker left.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }

    #[test]
    fn race_descriptors_are_not_a_second_title() {
        let r = run_one(
            "speaker-role-variant",
            "Republican nominee Mike Pence spoke.\nLater Gov. Mike Pence left, and rival Mike Pence was cheered.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }
}
