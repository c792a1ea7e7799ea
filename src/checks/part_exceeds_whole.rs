//! `part-exceeds-whole`: a part larger than the total it is part of
//! ("412 of those arrested" after "370 arrested").

use super::{Check, CheckContext, Report, Severity};
use crate::claims::{Claim, ClaimKind, Value, fmt};

pub struct PartExceedsWhole;

impl Check for PartExceedsWhole {
    fn id(&self) -> &'static str {
        "part-exceeds-whole"
    }

    fn description(&self) -> &'static str {
        "A count given as part of an earlier total (\"205 of those arrested\") that is larger than the total."
    }

    fn run(&self, cx: &CheckContext, out: &mut Report) {
        self.periods(cx, out);
        self.stages(cx, out);
        self.occupants(cx, out);
        for (pi, part) in cx.claims.iter().enumerate() {
            let Some(wi) = part.whole() else { continue };
            let whole = &cx.claims[wi];
            if !is_part_of(cx, (pi, part), (wi, whole)) {
                continue;
            }
            let (Some(p), Some(w)) = (part.value.amount(), whole.value.amount()) else {
                continue;
            };
            let (Some(pv), Some(_)) = (p.value, w.value) else {
                continue;
            };
            if p.min > w.max {
                let w_text = whole.span.of(cx.text);
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
                // On both claims; a text of counts has tens of thousands.
                out.pass_pair(self.id(), pi, pi, wi, within);
                out.pass_pair(self.id(), wi, pi, wi, within);
            }
        }
    }
}

/// "“X” is within the Y (x ≤ y)": the note on a part `pi` and its whole
/// `wi` when it is not larger, written whenever it is shown.
fn within(cx: &CheckContext, pi: usize, wi: usize) -> String {
    let (part, whole) = (&cx.claims[pi], &cx.claims[wi]);
    let value = |c: &Claim| c.value.amount().and_then(|a| a.value).unwrap_or(0.0);
    format!(
        "{} is within the {} ({} ≤ {})",
        part.span.of(cx.text),
        whole.span.of(cx.text),
        fmt(value(part)),
        fmt(value(whole))
    )
}

impl PartExceedsWhole {
    /// "“X” is more than the “Y” it is part of", flagged on the part.
    fn flag_larger_part(
        &self,
        cx: &CheckContext,
        out: &mut Report,
        pi: usize,
        part: &Claim,
        whole: &Claim,
        severity: Severity,
    ) {
        let message = format!(
            "{} is more than the {} it is part of",
            cx.quoted(part.span),
            cx.quoted(whole.span)
        );
        out.flag(self.id(), Some(pi), severity, part.span, vec![whole.span], message);
    }

    /// A period that is part of a longer one by the words between them:
    /// "served eight years of a six-year sentence". The next claim only is
    /// looked at, so the pass is linear.
    fn periods(&self, cx: &CheckContext, out: &mut Report) {
        let claims = cx.claims;
        for (pi, pair) in claims.windows(2).enumerate() {
            let (part, whole) = (&pair[0], &pair[1]);
            let (Value::Duration { amount: p, unit: pu }, Value::Duration { amount: w, unit: wu }) =
                (&part.value, &whole.value)
            else {
                continue;
            };
            let between = cx.text.get(part.span.end..whole.span.start).unwrap_or("").trim();
            let of = ["of a", "of an", "of the", "of his", "of her", "of their", "of its"].contains(&between);
            if !of || pu != wu || !whole.modifier || part.modifier {
                continue;
            }
            let (Some(pv), Some(wv)) = (p.value, w.value) else {
                continue;
            };
            if p.min > w.max {
                self.flag_larger_part(cx, out, pi, part, whole, Severity::Error);
            } else {
                let note = format!(
                    "{} is within the {} ({} ≤ {})",
                    cx.quoted(part.span),
                    cx.quoted(whole.span),
                    fmt(pv),
                    fmt(wv)
                );
                out.pass(self.id(), pi, note);
            }
        }
    }
}

const STAGES_SRC: &str = include_str!("../../data/lexicon/stages.txt");

/// Each stage word with the line it is on and whether it is the later
/// stage.
static STAGES: std::sync::LazyLock<std::collections::HashMap<&'static str, (usize, bool)>> =
    std::sync::LazyLock::new(|| {
        let mut m = std::collections::HashMap::new();
        for (k, line) in crate::lexicon::entries(STAGES_SRC).enumerate() {
            let (early, late) = line.split_once('|').unwrap_or((line, ""));
            for w in early.split_whitespace() {
                m.insert(w, (k, false));
            }
            for w in late.split_whitespace() {
                m.insert(w, (k, true));
            }
        }
        m
    });

/// The stage a count reaches: the first stage word among the five words
/// after it ("1846 persons were hospitalized", "900 had been discharged"),
/// or the verb right before it ("arrested 40").
fn stage_of(cx: &CheckContext, c: &Claim) -> Option<(usize, bool)> {
    let end = c.sentence.end.max(c.span.end);
    let clean = |w: &str| w.trim_matches(|ch: char| !ch.is_alphabetic()).to_lowercase();
    // The words of its own clause: up to the first comma, that word included.
    let mut clause_ended = false;
    let after = cx.text[c.span.end..end]
        .split_whitespace()
        .take_while(|w| !std::mem::replace(&mut clause_ended, w.ends_with([',', ';'])))
        .take(5)
        .find_map(|w| STAGES.get(clean(w).as_str()).copied());
    after.or_else(|| {
        let before = cx.text[c.sentence.start.min(c.span.start)..c.span.start]
            .split_whitespace()
            .next_back()?;
        STAGES.get(clean(before).as_str()).copied()
    })
}

impl PartExceedsWhole {
    /// Two counts of one sentence at two stages of one process ("1,846
    /// were hospitalized and 1,920 had been discharged"): the later stage
    /// is part of the earlier. Each count meets only the next count of its
    /// sentence, so the pass is linear.
    fn stages(&self, cx: &CheckContext, out: &mut Report) {
        let claims = cx.claims;
        for (k, pair) in claims.windows(2).enumerate() {
            let (a, b) = (&pair[0], &pair[1]);
            if a.sentence != b.sentence || a.kind != ClaimKind::Count || b.kind != ClaimKind::Count {
                continue;
            }
            let (Some((la, late_a)), Some((lb, late_b))) = (stage_of(cx, a), stage_of(cx, b)) else {
                continue;
            };
            if la != lb || late_a == late_b {
                continue;
            }
            let ((wi, whole), (pi, part)) = if late_b {
                ((k, a), (k + 1, b))
            } else {
                ((k + 1, b), (k, a))
            };
            let (Some(p), Some(w)) = (part.value.amount(), whole.value.amount()) else {
                continue;
            };
            if p.min > w.max {
                self.flag_larger_part(cx, out, pi, part, whole, Severity::Warning);
            } else {
                let note = format!("{} is within the {}", cx.quoted(part.span), cx.quoted(whole.span));
                out.pass(self.id(), pi, note.clone());
                out.pass(self.id(), wi, note);
            }
        }
    }
}

/// The words after a claim to its sentence's end, lower-cased, without
/// their punctuation.
fn words_after<'a>(cx: &CheckContext<'a>, c: &Claim) -> impl Iterator<Item = String> + 'a {
    let end = c.sentence.end.max(c.span.end);
    cx.text[c.span.end..end]
        .split_whitespace()
        .map(|w| w.trim_matches(|ch: char| !ch.is_alphabetic()).to_lowercase())
}

/// "120 people were in the building", "150 passengers on board": how
/// many a place held, the whole every count of its rescued, dead or
/// injured is part of.
fn holds(cx: &CheckContext, c: &Claim) -> bool {
    let words: Vec<String> = words_after(cx, c).take(5).collect();
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    let rest = match w.as_slice() {
        ["people" | "persons" | "passengers" | "guests" | "occupants", rest @ ..] => rest,
        rest => rest,
    };
    matches!(
        rest,
        ["were", "in" | "inside" | "aboard", "the" | "a", ..]
            | ["were", "on", "board", ..]
            | ["on", "board", ..]
            | ["aboard", ..]
    )
}

/// A count of what happened to those a place held ("135 were rescued").
fn befell(cx: &CheckContext, c: &Claim) -> bool {
    words_after(cx, c).take(3).any(|w| {
        matches!(
            w.as_str(),
            "rescued" | "evacuated" | "died" | "killed" | "injured" | "escaped" | "survived"
        )
    })
}

impl PartExceedsWhole {
    /// More people rescued, dead or injured than the place held. At most
    /// two such wholes are read per article, so the pass stays linear.
    fn occupants(&self, cx: &CheckContext, out: &mut Report) {
        let claims = cx.claims;
        let counts = |c: &&Claim| c.kind == ClaimKind::Count && c.value.amount().is_some_and(|a| a.value.is_some());
        let wholes: Vec<usize> = (0..claims.len())
            .filter(|&k| counts(&&claims[k]) && holds(cx, &claims[k]))
            .take(2)
            .collect();
        for wi in wholes {
            let whole = &claims[wi];
            let Some(w) = whole.value.amount() else { continue };
            for (pi, part) in claims.iter().enumerate() {
                if pi == wi || !counts(&part) || !befell(cx, part) {
                    continue;
                }
                let Some(p) = part.value.amount() else { continue };
                if p.min > w.max {
                    let message = format!(
                        "{} is more than the {} the place held (line {})",
                        cx.quoted(part.span),
                        cx.quoted(whole.span),
                        cx.line(whole.span.start)
                    );
                    out.flag(
                        self.id(),
                        Some(pi),
                        Severity::Warning,
                        part.span,
                        vec![whole.span],
                        message,
                    );
                }
            }
        }
    }
}

/// Whether the claim reader's part and whole read as one in real copy:
/// both counts, of the same thing when both name it ("37 pages" is no
/// part of "seven email chains"), not the two ends of a range ("31,000 to
/// 160,000"), and not a sibling part ("the other two", "the remaining 16").
fn is_part_of(cx: &CheckContext, (pi, part): (usize, &Claim), (wi, whole): (usize, &Claim)) -> bool {
    if cx.not_a_count(pi) || cx.not_a_count(wi) {
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
    // Linked across a semicolon, or from paragraphs away, the total
    // is usually another quantity ("the 10 most populous cities …; … 85
    // mayors"; "eight of them" three paragraphs after "four contests").
    let far = whole.paragraph != part.paragraph
        && (part.paragraph.abs_diff(whole.paragraph) > 2 || part.span.start.abs_diff(whole.span.end) > 400);
    if cx.text[first.span.end..second.span.start].contains(';') || far {
        return false;
    }
    if let (Some(a), Some(b)) = (head_noun(cx, part), head_noun(cx, whole))
        && a != b
    {
        return false;
    }
    let word_before = cx.text[..part.span.start].split_whitespace().next_back().unwrap_or("");
    let whole_before = cx.text[..whole.span.start].split_whitespace().next_back().unwrap_or("");
    // "the top 25" is a rank; "divided in two" a split, not a count.
    if word_before.eq_ignore_ascii_case("top") || whole_before.eq_ignore_ascii_case("in") {
        return false;
    }
    !["other", "remaining", "another", "additional", "further"]
        .iter()
        .any(|w| word_before.eq_ignore_ascii_case(w))
}

/// The plural noun a count counts, past its modifiers: "seven email
/// chains" → "chain", "the five most recent reputable polls" → "poll";
/// `None` when the words after the number are no plural noun phrase.
fn head_noun(cx: &CheckContext, c: &Claim) -> Option<String> {
    let mut head = None;
    for w in cx.text[c.span.end..c.sentence.end].split_whitespace().take(5) {
        let clean = w.trim_end_matches([',', '.', ';', ':', ')']);
        // "the five most recent polls": a superlative is a modifier.
        if matches!(clean, "most" | "more" | "least") {
            continue;
        }
        let plain = clean.len() == w.len();
        if !clean.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-')
            || clean.is_empty()
            || crate::lexicon::FUNCTION_WORDS.contains(clean)
        {
            break;
        }
        head = Some(clean);
        if !plain {
            break;
        }
    }
    let head = head?;
    (head.ends_with('s') && !head.ends_with("ss")).then(|| {
        let h = head.trim_end_matches('s');
        h.strip_suffix("ie").map_or(h.to_string(), |x| format!("{x}y"))
    })
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::run_one;

    #[test]
    fn a_later_stage_larger_than_the_earlier_one() {
        let r = run_one(
            "part-exceeds-whole",
            "Since March, 2310 patients were admitted and 2450 had been discharged.\nPolice arrested 40 people, and 52 were charged.\n",
        );
        assert_eq!(r.findings.len(), 2, "{:?}", r.findings);
        let ok = run_one(
            "part-exceeds-whole",
            "Since March, 2310 patients were admitted and 2150 had been discharged.\nPolice arrested 40 people, and 12 were charged; 60 were detained and 50 released.\n",
        );
        assert!(ok.findings.is_empty(), "{:?}", ok.findings);
    }

    #[test]
    fn more_rescued_than_the_place_held() {
        let r = run_one(
            "part-exceeds-whole",
            "A ferry sank on Sunday; 95 were rescued and four died.\nThe operator said 80 passengers were on board at the time.\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        let ok = run_one(
            "part-exceeds-whole",
            "A ferry sank on Sunday; 75 were rescued and four died.\nThe operator said 80 passengers were on board at the time.\n",
        );
        assert!(ok.findings.is_empty(), "{:?}", ok.findings);
    }

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

#[cfg(test)]
mod real_copy_tests {
    use crate::checks::test_support::run_one;

    #[test]
    fn other_units_ranks_and_semicolons_are_no_parts() {
        for text in [
            "The board released a total of four audit reports and 31 pages of notes.\n",
            "Most of the mayors of the 10 largest cities backed her; the campaign listed 85 mayors.\n",
            "None of the three early states has a city among the top 40 in population.\n",
            "It averaged the five most recent polls in 11 swing states.\n",
        ] {
            let r = run_one("part-exceeds-whole", text);
            assert!(r.findings.is_empty(), "{text}: {:?}", r.findings);
        }
    }

    #[test]
    fn a_period_longer_than_the_period_it_is_part_of() {
        let text = |n: &str| format!("He was released after serving {n} years of a six-year sentence.\n");
        assert_eq!(run_one("part-exceeds-whole", &text("eight")).findings.len(), 1);
        assert!(run_one("part-exceeds-whole", &text("four")).findings.is_empty());
    }
}
