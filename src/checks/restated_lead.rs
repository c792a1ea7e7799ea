//! The rest of the `restated-number` family: restatements that name the
//! quantity in other words than the counted noun.
//!
//! - The headline against the lead: a news story states its main figure in
//!   both ("Police arrest twelve after …" / "Authorities on Monday arrested
//!   thirteen people"; "… within 10 days" / "in the next fifteen days"). A
//!   count in the headline and one in the lead with the same verb, or two
//!   durations in the same unit, are one quantity.
//! - A definite re-mention in another paragraph: "these four weeks" after
//!   "for five weeks", "all six deaths" after "killed five girls". The
//!   outcome words that make two counts one quantity are
//!   `data/lexicon/count_classes.txt`.
//!
//! Each claim is compared with the first value its quantity was given (a
//! map by unit or class), so the pass is linear.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::{CheckContext, Report, Severity};
use crate::claims::{Claim, ClaimKind, Value};

const CLASSES_SRC: &str = include_str!("../../data/lexicon/count_classes.txt");

static CLASSES: LazyLock<FxHashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut m = FxHashMap::default();
    for line in crate::lexicon::entries(CLASSES_SRC) {
        let mut words = line.split_whitespace();
        let Some(class) = words.next() else { continue };
        for w in words {
            m.insert(w, class);
        }
    }
    m
});

fn word_key(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()
}

/// The word right before the number, skipping "a", "the", "all": "killed
/// five", "arrest twelve".
fn word_before(cx: &CheckContext, c: &Claim) -> Option<String> {
    cx.text[c.sentence.start..c.span.start]
        .split_whitespace()
        .rev()
        .map(word_key)
        .find(|w| {
            !matches!(
                w.as_str(),
                "a" | "an" | "the" | "all" | "some" | "about" | "at" | "least"
            )
        })
}

/// The outcome class of a count: its noun ("deaths") or the word before it
/// ("killed five").
fn class_of(cx: &CheckContext, c: &Claim) -> Option<&'static str> {
    let noun = c.noun.as_deref().map(word_key);
    noun.and_then(|n| CLASSES.get(n.as_str()).copied())
        .or_else(|| word_before(cx, c).and_then(|w| CLASSES.get(w.as_str()).copied()))
}

/// Verbs of one stem: "arrest" / "arrested", "kills" / "killed".
fn same_stem(a: &str, b: &str) -> bool {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    common >= 4 && a.len().min(b.len()) >= 4 && a.chars().all(char::is_alphabetic)
}

/// Whether the count is written as one already given.
fn definite(cx: &CheckContext, c: &Claim) -> bool {
    let head = cx.text[c.sentence.start..c.span.start].split_whitespace().last();
    head.is_some_and(|w| {
        ["the", "all", "those", "these", "its", "their"]
            .iter()
            .any(|d| w.eq_ignore_ascii_case(d))
    })
}

/// The figure's value when it is one number.
fn value(c: &Claim) -> Option<f64> {
    let a = c.value.amount()?;
    a.value
}

/// A key for what a claim measures: the unit of a duration, the class of
/// a count.
fn key(cx: &CheckContext, i: usize) -> Option<String> {
    let c = &cx.claims[i];
    match (&c.kind, &c.value) {
        // A period, not an offset ("five years ago", "the three years
        // since"), which dates something else.
        (ClaimKind::Duration, Value::Duration { unit, .. }) => {
            let next = cx.text[c.span.end..c.sentence.end]
                .split_whitespace()
                .next()
                .map(word_key);
            let offset = next.is_some_and(|w| {
                [
                    "ago", "since", "later", "earlier", "after", "before", "from", "until", "till", "old", "on", "into",
                ]
                .contains(&w.as_str())
            });
            (!offset).then(|| format!("duration:{unit}"))
        }
        (ClaimKind::Count, _) if !cx.not_a_count(i) => class_of(cx, c).map(|k| format!("count:{k}")),
        _ => None,
    }
}

fn is_headline(cx: &CheckContext, c: &Claim) -> bool {
    let s = c.sentence.of(cx.text).trim_end();
    c.paragraph == 0 && s.len() < 160 && !s.ends_with(['.', '?', '!'])
}

fn report(cx: &CheckContext, out: &mut Report, id: &'static str, (ai, bi): (usize, usize), why: &str) {
    let (a, b) = (&cx.claims[ai], &cx.claims[bi]);
    let message = format!(
        "{} restates {} (line {}, {why}) with a different value: {} vs {}",
        cx.quoted(b.span),
        cx.quoted(a.span),
        cx.line(a.span.start),
        b.value.display(),
        a.value.display()
    );
    out.flag(id, Some(bi), Severity::Warning, b.span, vec![a.span], message);
}

/// Runs both comparisons; `flagged` marks claims the main pass reported.
pub fn check(cx: &CheckContext, out: &mut Report, id: &'static str) {
    let claims = cx.claims;
    // The headline's figures, by what they measure and the word before.
    let headline: Vec<usize> = (0..claims.len())
        .take_while(|&i| claims[i].paragraph == 0)
        .filter(|&i| is_headline(cx, &claims[i]))
        .collect();
    let lead_par = claims
        .iter()
        .map(|c| c.paragraph)
        .find(|&p| p > 0 && p <= 2 && claims.iter().any(|c| c.paragraph == p && c.kind != ClaimKind::Date));
    let mut first: FxHashMap<String, (usize, f64, bool)> = FxHashMap::default();
    for (bi, b) in claims.iter().enumerate() {
        let Some(k) = key(cx, bi).or_else(|| (b.kind == ClaimKind::Count).then(|| "count:".to_string())) else {
            continue;
        };
        let Some(vb) = value(b) else { continue };
        // Headline against lead.
        if Some(b.paragraph) == lead_par && !cx.not_a_count(bi) {
            let wb = word_before(cx, b);
            let twin = headline.iter().copied().find(|&h| {
                let a = &claims[h];
                a.kind == b.kind
                    && match (&a.value, &b.value) {
                        (Value::Duration { unit: x, .. }, Value::Duration { unit: y, .. }) => x == y,
                        (Value::Number(_), Value::Number(_)) => {
                            !cx.not_a_count(h)
                                && word_before(cx, a)
                                    .zip(wb.as_deref())
                                    .is_some_and(|(x, y)| same_stem(&x, y))
                        }
                        _ => false,
                    }
            });
            if let Some(h) = twin {
                let (Some(x), Some(y)) = (claims[h].value.amount(), b.value.amount()) else {
                    continue;
                };
                if !x.agrees(y) {
                    report(cx, out, id, (h, bi), "the headline");
                }
                continue;
            }
        }
        if k == "count:" {
            continue;
        }
        match first.get(&k) {
            None => {
                first.insert(k, (bi, vb, true));
            }
            Some(&(ai, va, _)) => {
                let a = &claims[ai];
                let near = va > 0.0 && vb > 0.0 && va.max(vb) <= 2.0 * va.min(vb);
                let exact =
                    a.value.amount().is_some_and(|x| x.is_exact()) && b.value.amount().is_some_and(|x| x.is_exact());
                if a.paragraph != b.paragraph && definite(cx, b) && near && exact && va != vb {
                    report(cx, out, id, (ai, bi), "the same quantity");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::run_one;

    #[test]
    fn the_headline_and_the_lead_give_one_figure() {
        let text = |n: &str| {
            format!(
                "Police detain nine after riot in Tulle\n\nMonday, May 6, 2019\n\nPolice on Sunday detained {n} people after a riot in Tulle.\n"
            )
        };
        assert_eq!(run_one("restated-number", &text("eleven")).findings.len(), 1);
        assert!(run_one("restated-number", &text("nine")).findings.is_empty());
    }

    #[test]
    fn a_definite_re_mention_of_a_period_or_an_outcome() {
        let r = run_one(
            "restated-number",
            "The port closed for three weeks.\n\nTrade fell during these two weeks of closure.\n\nA storm killed four sailors.\n\nAll five deaths were at sea.\n",
        );
        assert_eq!(r.findings.len(), 2, "{:?}", r.findings);
    }

    #[test]
    fn an_offset_is_not_a_period() {
        let r = run_one(
            "restated-number",
            "She was hurt five years ago in a crash.\n\nIn the three years since the crash, she has campaigned.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }
}
