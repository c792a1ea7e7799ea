//! `age-mismatch`: an age that disagrees with the same person's stated
//! birth date or year at the article's date ("Pruitt, 61" but "born on Nov.
//! 2, 1966" in a 2024 article). The person is the name the age follows and
//! the subject of "was born".

use super::{Check, CheckContext, Report, Severity};
use crate::claims::{Claim, ClaimKind, Value};
use crate::span::Span;

pub struct AgeMismatch;

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
                && !crate::lexicon::FUNCTION_WORDS.contains(w)
        })
        .map(|w| w.trim_end_matches("’s").trim_end_matches("'s").to_string())
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

fn birth_owner(cx: &CheckContext, c: &Claim) -> Option<String> {
    let head = &cx.text[c.sentence.start..c.span.start];
    let at = head.rfind(" born")?;
    name_before(cx, c.sentence.start + at, c.sentence)
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
        let births: Vec<(&Claim, String)> = cx
            .claims
            .iter()
            .filter(|c| c.kind == ClaimKind::Date)
            .filter_map(|c| Some((c, birth_owner(cx, c)?)))
            .collect();
        for (i, a) in cx.claims.iter().enumerate() {
            let (ClaimKind::Age, Value::Number(age)) = (a.kind, &a.value) else {
                continue;
            };
            let Some(stated) = age.value else { continue };
            // "Pruitt, 61," or "61-year-old Pruitt".
            let Some(owner) =
                name_before(cx, a.span.start, a.sentence).or_else(|| name_after(cx, a.span.end, a.sentence))
            else {
                continue;
            };
            let Some((birth, _)) = births.iter().find(|(_, o)| *o == owner) else {
                continue;
            };
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
            let s = stated as i64;
            if s >= lo && s <= hi {
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
}
