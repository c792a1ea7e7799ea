//! `age-mismatch`: an age that disagrees with the same person's stated
//! birth date or year at the article's date ("Pruitt, 61" but "born on Nov.
//! 2, 1966" in a 2024 article). Ages are read where copy gives them ("Pruitt,
//! 61", "61-year-old Pruitt", "He was 101", "aged 84 years"); births where a
//! date follows "born" in its clause ("Munk was born in Vienna in 1921",
//! "Born on December 11, 1939, he …"). An age is compared with the birth of
//! the same name, or, in an article that states one birth only, with that
//! birth when nothing names another person.

use super::{Check, CheckContext, Report, Severity};
use crate::claims::{Claim, ClaimKind, Value};
use crate::span::Span;

pub struct AgeMismatch;

const PRONOUNS: &[&str] = &["He", "She", "he", "she"];

/// The surname written right before a span ("Walter Granholm, 79").
fn name_before(cx: &CheckContext, at: usize, within: Span) -> Option<String> {
    let head = &cx.text[within.start.min(at)..at];
    let words: Vec<&str> = head
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words
        .iter()
        .rev()
        .take(5)
        .find(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.len() > 1
                && (PRONOUNS.contains(w) || !crate::lexicon::FUNCTION_WORDS.contains(w))
        })
        .map(|w| crate::lexicon::without_possessive_ends(w).to_string())
}

/// The capitalised word right after a span ("61-year-old Pruitt").
fn name_after(cx: &CheckContext, at: usize, within: Span) -> Option<String> {
    let word = cx.text[at..within.end.max(at)].split_whitespace().next()?;
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    word.chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then(|| word.to_string())
}

/// The first capitalised word of a sentence that is not a function word:
/// its subject in "Sirhan, an ethnic Palestinian born in …".
fn sentence_subject(cx: &CheckContext, s: Span, before: usize) -> Option<String> {
    cx.text[s.start..before.max(s.start)]
        .split(|c: char| c.is_whitespace() || c == ',')
        .find(|w| w.chars().next().is_some_and(char::is_uppercase) && w.len() > 1)
        .filter(|w| !crate::lexicon::FUNCTION_WORDS.contains(w) && !w.eq_ignore_ascii_case("born"))
        .map(|w| crate::lexicon::without_possessive_ends(w).to_string())
}

/// A birth: the date, and the names it may belong to (empty when the
/// clause only says "Born on …, he").
struct Birth<'a> {
    claim: &'a Claim,
    owners: Vec<String>,
}

/// A date whose clause says "born" shortly before it.
fn birth<'a>(cx: &CheckContext, c: &'a Claim) -> Option<Birth<'a>> {
    let head = &cx.text[c.sentence.start..c.span.start];
    let lower = head.to_ascii_lowercase();
    let at = lower
        .match_indices("born")
        .map(|(i, _)| i)
        .filter(|&i| {
            let before = lower[..i].chars().next_back();
            let after = lower[i + 4..].chars().next();
            !before.is_some_and(|ch| ch.is_alphanumeric() || ch == '-')
                && !after.is_some_and(|ch| ch.is_alphanumeric() || ch == '-')
        })
        .last()?;
    // "born … in 1921": the date belongs to the same clause.
    let between = &head[at..];
    if between.len() > 90 || between.contains([';', '(', ')']) || between.contains(" and ") {
        return None;
    }
    let mut owners = Vec::new();
    if at > 0 {
        owners.extend(name_before(cx, c.sentence.start + at, c.sentence));
        // The sentence's subject is the one born only when "born" follows it
        // directly: "Munk was born", "Sirhan, an ethnic Palestinian born".
        let lead = &head[..at];
        let direct = lead.trim_end().ends_with(" was") || lead.matches(',').count() <= 1;
        if direct {
            owners.extend(sentence_subject(cx, c.sentence, c.sentence.start + at));
        }
    }
    owners.retain(|o| !PRONOUNS.contains(&o.as_str()));
    Some(Birth { claim: c, owners })
}

/// An age the claim states, and who it is given to: an age claim, a bare
/// number after "He was" / "Munk was" ("He was 101 and died"), or a duration
/// in years after "aged" or before "old".
fn age_of(cx: &CheckContext, a: &Claim) -> Option<(f64, Option<String>)> {
    let head = cx.text[a.sentence.start..a.span.start].trim_end();
    let tail = cx.text[a.span.end..a.sentence.end].trim_start();
    let owner = || name_before(cx, a.span.start, a.sentence).or_else(|| name_after(cx, a.span.end, a.sentence));
    match (&a.kind, &a.value) {
        (ClaimKind::Age, Value::Number(n)) => Some((n.value?, owner())),
        (ClaimKind::Count, Value::Number(n)) => {
            let v = n.value.filter(|v| v.fract() == 0.0 && (1.0..=120.0).contains(v))?;
            // "He was 101 and …", "The former lyricist … was 78.": nothing counted.
            let mut words = head.rsplit(char::is_whitespace);
            if words.next()? != "was" {
                return None;
            }
            let subject = words.next()?;
            let next = tail.split_whitespace().next().unwrap_or("");
            let bare = next.is_empty()
                || tail.starts_with([',', '.', ';'])
                || matches!(next, "and" | "when" | "at" | "in" | "on");
            (bare && subject.chars().next().is_some_and(char::is_uppercase) && n.qualifier.is_none())
                .then(|| (v, owner()))
        }
        (ClaimKind::Duration, Value::Duration { amount, unit }) if *unit == "year" => {
            let aged = head.ends_with("aged") || head.ends_with("age of") || tail.starts_with("old");
            aged.then_some(())?;
            Some((amount.value?, owner()))
        }
        _ => None,
    }
}

impl Check for AgeMismatch {
    fn id(&self) -> &'static str {
        "age-mismatch"
    }

    fn description(&self) -> &'static str {
        "An age that disagrees with the same person's birth date or year at the article's date."
    }

    fn run(&self, cx: &CheckContext, out: &mut Report) {
        let Some(today) = cx.article_date else { return };
        let births: Vec<Birth> = cx
            .claims
            .iter()
            .filter(|c| c.kind == ClaimKind::Date)
            .filter_map(|c| birth(cx, c))
            .collect();
        if births.is_empty() {
            return;
        }
        for (i, a) in cx.claims.iter().enumerate() {
            let Some((stated, owner)) = age_of(cx, a) else { continue };
            let owner = owner.filter(|o| !PRONOUNS.contains(&o.as_str()));
            // The birth of the same name; else the article's only birth, when
            // neither side names someone else.
            let named = owner
                .as_ref()
                .and_then(|o| births.iter().find(|b| b.owners.contains(o)));
            let sole = || {
                (births.len() == 1)
                    .then(|| &births[0])
                    .filter(|b| owner.is_none() || b.owners.is_empty())
            };
            let Some(b) = named.or_else(sole) else { continue };
            let birth = b.claim;
            let owner = owner
                .or_else(|| b.owners.first().cloned())
                .unwrap_or_else(|| "the person".into());
            let Value::Date(d) = &birth.value else { continue };
            let Some(year) = d.year else { continue };
            // Born in March 1941: 83 or 82 in October 2024, depending on the day.
            let (lo, hi) = match (d.month, d.day) {
                (Some(m), Some(day)) => {
                    let had_birthday = (today.month() as u8, today.day() as u8) >= (m, day);
                    let n = i64::from(today.year() - year) - i64::from(!had_birthday);
                    (n, n)
                }
                (Some(m), None) => {
                    let n = i64::from(today.year() - year);
                    if (today.month() as u8) > m {
                        (n, n)
                    } else if (today.month() as u8) < m {
                        (n - 1, n - 1)
                    } else {
                        (n - 1, n)
                    }
                }
                _ => {
                    let n = i64::from(today.year() - year);
                    (n - 1, n)
                }
            };
            // A birth that makes a child of the person is someone else's.
            if lo < 12 {
                continue;
            }
            let s = stated as i64;
            // A year either way is left alone: an age at death, or one
            // written before a birthday, is not a contradiction.
            if s >= lo - 1 && s <= hi + 1 {
                out.pass(self.id(), i, format!("born {} → {s} on {today}", d.iso()));
            } else {
                let expected = if lo == hi {
                    lo.to_string()
                } else {
                    format!("{lo} or {hi}")
                };
                let message = format!(
                    "{owner} is given as {s}, but born {} would be {expected} on {today}",
                    birth.span.of(cx.text)
                );
                out.flag(self.id(), Some(i), Severity::Error, a.span, vec![birth.span], message);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::run_one;

    #[test]
    fn age_contradicting_birth_date_is_an_error() {
        let r = run_one(
            "age-mismatch",
            "LINWOOD, Sept. 20, 2024 — Jurors found Pruitt, 61, guilty.\nCourt records say Pruitt was born on Nov. 2, 1966.\n",
        );
        assert_eq!(r.findings.len(), 1);
        assert!(r.findings[0].message.contains("57"), "{}", r.findings[0].message);
    }

    #[test]
    fn age_matching_birth_month_passes() {
        let r = run_one(
            "age-mismatch",
            "CEDAR, Oct. 30, 2024 — Walter Granholm, 83, will retire.\nGranholm, who was born in March 1941, founded the firm.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }

    #[test]
    fn age_before_the_name_is_linked() {
        let r = run_one(
            "age-mismatch",
            "LINWOOD, Sept. 20, 2024 — The jury found 61-year-old Pruitt guilty.\nPruitt was born in 1970.\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    }

    #[test]
    fn bare_age_after_was_meets_the_only_birth() {
        let r = run_one(
            "age-mismatch",
            "Tuesday, March 5, 2019\n\nThe painter Ilse Varga died on Sunday. She was 94 and lived in Graz.\n\nVarga was born in Linz in 1930.\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        assert!(r.findings[0].message.contains("88 or 89"), "{}", r.findings[0].message);
    }

    #[test]
    fn participle_birth_clause_and_aged_years() {
        let r = run_one(
            "age-mismatch",
            "Thursday, June 4, 2020\n\nOn Monday, Tomas Perel died. He was aged 71 years.\n\nBorn on May 2, 1941, in Brno, he trained as an engineer.\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    }

    #[test]
    fn appositive_birth_belongs_to_the_subject_and_a_year_off_is_left() {
        let r = run_one(
            "age-mismatch",
            "Monday, October 7, 2019\n\nOkafor, 58, was sentenced.\n\nOkafor, a Nigerian engineer born in Lagos in 1960, moved in 1990.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }

    #[test]
    fn a_child_born_is_not_the_named_adult() {
        let r = run_one(
            "age-mismatch",
            "Monday, October 7, 2019\n\nMoreau, 41, said on Monday, speaking of her son, a boy born June 3, 2017, that he was well.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }
}
