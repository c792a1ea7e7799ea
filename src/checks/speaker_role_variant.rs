//! `speaker-role-variant`: one person given two different titles ("head
//! coach Darnell Price" … "assistant coach Darnell Price"). A title with
//! or without a place ("Boston Mayor" / "Mayor") is the same title; gaining
//! or losing a rank ("Deputy") or changing the office is not.

use std::collections::BTreeSet;

use super::names::{bare_word, bare_words, looks_like_person};
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
    // Someone's adviser or spokesman holds an office besides ("police
    // spokesman" and "Officer").
    "advisor",
    "adviser",
    "aide",
    "spokesman",
    "spokeswoman",
    "spokesperson",
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
    // "his father and Prime Minister Koizumi": two people, the title the
    // second's.
    let another = words.iter().any(|w| w == "for" || w == "of" || w == "to" || w == "and")
        || words.last().is_some_and(|w| HONORIFICS.contains_key(w.as_str()));
    !past && !another && !title.contains('\n')
}

/// The office an appositive role names: its words before the first word
/// that hangs something on it ("commissioner responsible for defence",
/// "secretary of state" keep "commissioner", "secretary"), when that is one
/// office held now.
fn appositive_office(role: &str) -> Option<BTreeSet<String>> {
    const HANGS: &[&str] = &[
        "for",
        "of",
        "to",
        "and",
        "or",
        "responsible",
        "who",
        "which",
        "at",
        "in",
        "on",
        "with",
        "from",
        "since",
        "until",
    ];
    let words: Vec<&str> = role.split_whitespace().collect();
    let head_len = words
        .iter()
        .position(|w| HANGS.contains(&w.to_lowercase().as_str()) || w.ends_with(','))
        .unwrap_or(words.len());
    let head = &words[..head_len];
    let past = words.iter().any(|w| {
        let w = w.to_lowercase();
        matches!(
            w.as_str(),
            "former" | "then" | "late" | "acting" | "interim" | "outgoing"
        ) || w.starts_with("ex-")
    });
    // "a spokesman", "his deputy": a role of someone's, not an office.
    let first = head.first()?.to_lowercase();
    if past || matches!(first.as_str(), "a" | "an" | "his" | "her" | "their" | "its") {
        return None;
    }
    // The office is the head noun, the last word ("the state's health
    // commissioner"); a name after it ("Defense Secretary Ash Carter") is
    // another person's.
    if title_key(head.last()?).is_empty() {
        return None;
    }
    let key = title_key(&head.join(" "));
    (!key.is_empty() && !key.iter().all(|w| CONCURRENT.contains(&w.as_str()))).then_some(key)
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

/// Whether the name written after a title is this person's and no one
/// else's: every capitalised word of it is a word of the full name
/// ("Vice President George H.W. Bush" is not George W. Bush), and a
/// surname alone is not shared with another person of the article
/// ("Secretary Clinton" beside Bill and Hillary Clinton).
fn names_this_person(cx: &CheckContext, name: &[String], title: crate::span::Span) -> bool {
    let mut end = cx.text.len().min(title.end + 80);
    while !cx.text.is_char_boundary(end) {
        end -= 1;
    }
    let after = cx.text.get(title.end..end).unwrap_or("");
    let written: Vec<String> = after
        .split_whitespace()
        .take_while(|w| w.starts_with(char::is_uppercase))
        .take(4)
        .map(bare_word)
        .filter(|w| !w.is_empty())
        .collect();
    if written.is_empty() {
        return true;
    }
    let dotless = |w: &str| w.trim_end_matches(['.', ',']).to_lowercase();
    let in_name = |w: &String| name.iter().any(|n| dotless(n) == dotless(w));
    if !written.iter().all(in_name) {
        return false;
    }
    let surname = name.last();
    let shared = written.len() == 1
        && cx.roster.entities.iter().any(|o| {
            let other = bare_words(&o.name);
            other.len() >= 2 && other.last() == surname && other != name
        });
    !shared
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
        for e in cx
            .roster
            .entities
            .iter()
            .filter(|e| !e.titles.is_empty() && e.roles.len() >= 2)
        {
            // "for Life", "Hears About Obama": not a person's name.
            if !looks_like_person(&bare_words(&e.name)) {
                continue;
            }
            let name = bare_words(&e.name);
            if name.len() < 2 {
                continue;
            }
            let mut seen: Vec<(&str, crate::span::Span, BTreeSet<String>)> = Vec::new();
            // The office an appositive names ("Jane Roe, the city's
            // finance commissioner, …") counts as a title, before any.
            let appositives = e
                .roles
                .iter()
                .filter(|(_, span)| !e.titles.iter().any(|(_, t)| t == span))
                .filter_map(|(role, span)| appositive_office(role).map(|key| (role.as_str(), *span, key)));
            seen.extend(appositives.take(1));
            for (title, span) in &e.titles {
                if !own_present_title(title) || !names_this_person(cx, &name, *span) {
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
                        confidence: Severity::Warning.confidence(),
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
    fn an_appositive_office_against_a_later_title() {
        let r = run_one(
            "speaker-role-variant",
            "Talks were led by Ilse Brandtner, the regional transport commissioner responsible for rail.\n\nLater Finance Minister Brandtner said the deal would hold.\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        for text in [
            "Talks were led by Ilse Brandtner, the regional transport commissioner.\n\nLater Commissioner Brandtner said the deal would hold.\n",
            "Talks were led by Ilse Brandtner, a close adviser to the mayor.\n\nLater Senator Brandtner said the deal would hold.\n",
            "Ilse Brandtner, the county police spokeswoman, spoke.\n\nLater Officer Brandtner said more.\n",
            "Ilse Brandtner, the former transport commissioner, spoke.\n\nLater Finance Minister Brandtner said more.\n",
        ] {
            let r = run_one("speaker-role-variant", text);
            assert!(r.findings.is_empty(), "{text}: {:?}", r.findings);
        }
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

#[cfg(test)]
mod real_copy_tests {
    use crate::checks::test_support::run_one;

    #[test]
    fn titles_of_a_namesake_or_of_a_second_person_are_not_this_persons() {
        for text in [
            "Governor Mark A. Dale spoke on Monday.\n\nIn 1990, Senator Mark B. Dale ran for office.\n",
            "\"We will act,\" said his father and Prime Minister Tanaka.\n\nPrime Minister Tanaka agreed.\n",
        ] {
            let r = run_one("speaker-role-variant", text);
            assert!(r.findings.is_empty(), "{text}: {:?}", r.findings);
        }
    }
}
