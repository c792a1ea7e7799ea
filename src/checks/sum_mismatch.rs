//! `sum-mismatch`: parts that should add up to a stated total and do not.
//! Only where the article says they should: a total split into a list
//! ("The $412 million is divided among five areas: $148 million …"), a
//! total with its parts ("a combined 127 arrests, 86 in … and 41 in …"),
//! parts that end with "the remaining N", or a list broken down "by"
//! something whose owner also owns a total ("Ridgeway’s scoring by quarter
//! — 14, 16, 25 and 21" / "Ridgeway’s 78 points"). Parts that may overlap ("231
//! had convictions and 37 were wanted") are not summed.

use super::index::Claims;
use super::{Check, CheckContext, Report, Severity};
use crate::claims::numbers::Qualifier;
use crate::claims::{Claim, ClaimKind, Value, fmt};
use crate::lexicon::{ends_with_ignore_case, lower_ends_with, lower_starts_with};

pub struct SumMismatch;

fn same_kind(a: &Claim, b: &Claim) -> bool {
    match (&a.value, &b.value) {
        (Value::Money { currency: x, .. }, Value::Money { currency: y, .. }) => x == y,
        _ => a.kind == ClaimKind::Count && b.kind == ClaimKind::Count,
    }
}

fn exact(c: &Claim) -> Option<f64> {
    let a = c.value.amount()?;
    if a.is_exact() { a.value } else { None }
}

impl SumMismatch {
    fn compare(&self, cx: &CheckContext, out: &mut Report, total: usize, parts: &[usize]) {
        let t = &cx.claims[total];
        // An exact total, or a rounded one ("some $8.1 billion") taken as
        // the span it covers.
        let Some(amount) = t.value.amount() else { return };
        if !matches!(amount.qualifier, None | Some(Qualifier::Approx)) {
            return;
        }
        let Some(tv) = amount.value else { return };
        let values: Option<Vec<f64>> = parts.iter().map(|&p| exact(&cx.claims[p])).collect();
        let Some(values) = values else { return };
        let sum: f64 = values.iter().sum();
        let listed = values.iter().map(|v| fmt(*v)).collect::<Vec<_>>().join(" + ");
        let slack = 1e-6 * tv.abs().max(1.0);
        if sum >= amount.min - slack && sum <= amount.max + slack {
            let note = format!("{listed} = {}", fmt(tv));
            out.pass(self.id(), total, note.clone());
            for &p in parts {
                out.pass(self.id(), p, note.clone());
            }
        } else {
            let message = format!(
                "the parts add up to {} ({listed}), not {}",
                fmt(sum),
                t.span.of(cx.text)
            );
            out.flag(
                self.id(),
                Some(total),
                Severity::Error,
                t.span,
                parts.iter().map(|&p| cx.claims[p].span).collect(),
                message,
            );
        }
    }
}

impl SumMismatch {
    /// "Ridgeway’s scoring by quarter — 14, 16, 25 and 21": a plain list of
    /// counts broken down "by" something, owned by a name that owns a count
    /// elsewhere in the article ("29 of Ridgeway’s 78 points"). The list is
    /// that total's parts.
    fn breakdowns(&self, cx: &CheckContext, ix: &Claims, out: &mut Report) {
        let claims = cx.claims;
        let mut done = rustc_hash::FxHashSet::default();
        for c in claims {
            if c.kind != ClaimKind::Count || !done.insert(c.sentence) {
                continue;
            }
            let parts: Vec<usize> = (ix.in_sentence(c.sentence).iter().copied())
                .filter(|&j| claims[j].kind == ClaimKind::Count)
                .collect();
            if parts.len() < 3 || parts.iter().any(|&p| exact(&claims[p]).is_none()) {
                continue;
            }
            // One list: nothing but commas and "and" between the numbers.
            let listed = parts.windows(2).all(|w| {
                let gap = &cx.text[claims[w[0]].span.end..claims[w[1]].span.start];
                gap.split(|ch: char| ch.is_whitespace() || ch == ',')
                    .all(|t| t.is_empty() || t == "and")
            });
            let head = &cx.text[c.sentence.start..claims[parts[0]].span.start];
            let Some(by) = head.rfind(" by ") else { continue };
            if !listed || head.len() - by > 40 {
                continue;
            }
            let Some(owner) = head[..by]
                .split_whitespace()
                .rev()
                .take(3)
                .find(|w| w.ends_with("’s") || w.ends_with("'s"))
            else {
                continue;
            };
            let total = (0..claims.len()).find(|&t| {
                let t = &claims[t];
                t.kind == ClaimKind::Count
                    && t.sentence != c.sentence
                    && exact(t).is_some()
                    && cx.text[t.sentence.start..t.span.start].trim_end().ends_with(owner)
            });
            if let Some(total) = total {
                self.compare(cx, out, total, &parts);
            }
        }
    }
}

/// Do the parts count one thing? "seven email chains and 37 pages of
/// messages" lists two units, not the parts of one total. Parts without a
/// noun of their own ("at 14", "86 in …") count whatever the list counts.
fn one_unit(claims: &[Claim], parts: &[usize]) -> bool {
    let stem = |n: &str| n.to_lowercase().trim_end_matches('s').to_string();
    let nouns: Vec<String> = (parts.iter())
        .filter(|&&p| claims[p].kind == ClaimKind::Count)
        .filter_map(|&p| claims[p].noun.as_deref())
        .filter(|n| !crate::lexicon::FUNCTION_WORDS.contains(n) && n.chars().all(char::is_alphabetic))
        .map(stem)
        .collect();
    nouns.windows(2).all(|w| w[0] == w[1])
}

/// Does the part close a list ("the remaining 1", "the other 12")?
fn closes_list(cx: &CheckContext, c: &Claim) -> bool {
    let head = cx.text[c.sentence.start..c.span.start].trim_end();
    ["remaining", "the other", "the rest,", "the last"]
        .iter()
        .any(|w| ends_with_ignore_case(head, w))
}

/// A total followed by a colon and its parts: "some $8.1 billion in all:
/// $3.6 billion …, $2.5 billion … and $601 million …", or "the state's 41
/// pledged delegates: … at 14, … with 12. … earned the remaining 1". The
/// list counts as the total's parts when the words before the colon say
/// "in all" / "in total", or when it ends with "the remaining N" within the
/// paragraph (three sentences at most).
fn colon_list(cx: &CheckContext, ti: usize) -> Option<Vec<usize>> {
    let claims = cx.claims;
    let t = &claims[ti];
    let rest = &cx.text[t.span.end..t.sentence.end];
    let colon = rest.find(':')?;
    let words = &rest[..colon];
    if colon > 40 || words.contains(|c: char| c.is_ascii_digit() || matches!(c, ',' | ';' | '(' | '"' | '“')) {
        return None;
    }
    let in_all = ["in all", "in total", "altogether", "all told"]
        .iter()
        .any(|w| words.trim_end().ends_with(w));
    let from = t.span.end + colon;
    let mut parts = Vec::new();
    let mut sentences = 0;
    let mut sentence = t.sentence;
    for (j, c) in claims.iter().enumerate().skip(ti + 1) {
        if c.span.start < from {
            continue;
        }
        if c.paragraph != t.paragraph {
            break;
        }
        if c.sentence != sentence {
            sentence = c.sentence;
            sentences += 1;
            // Without a closing "remaining", the list is the colon's sentence.
            if sentences > 3 || (in_all && sentences > 0) {
                break;
            }
        }
        if !same_kind(t, c) {
            continue;
        }
        parts.push(j);
        if closes_list(cx, c) {
            return (parts.len() >= 2).then_some(parts);
        }
    }
    if in_all {
        parts.retain(|&j| claims[j].sentence == t.sentence);
        return (parts.len() >= 2).then_some(parts);
    }
    None
}

/// Words that say what a vote went to.
fn vote_word(after: &str) -> bool {
    let a = after.trim_start();
    [
        "votes in favo",
        "in favo",
        "for,",
        "for and",
        "abstention",
        "abstained",
        "against",
        "votes against",
        "vote against",
        "yes",
        "no vote",
    ]
    .iter()
    .any(|w| lower_starts_with(a, w))
}

/// "the vote of 229 members passed with 215 votes in favour, ten
/// abstentions, and one vote against": the counts of one vote add up to the
/// votes cast.
fn vote_tally(cx: &CheckContext, ix: &Claims, ti: usize) -> Option<Vec<usize>> {
    let claims = cx.claims;
    let t = &claims[ti];
    if t.kind != ClaimKind::Count {
        return None;
    }
    // Compared in place: lower-casing the rest of the sentence for every
    // count cost more than the rest of the check.
    let before = cx.text[t.sentence.start..t.span.start].trim_end();
    let after = cx.text[t.span.end..t.sentence.end].trim_start();
    let cast = lower_ends_with(before, "vote of")
        || lower_ends_with(before, "votes of")
        || lower_starts_with(after, "votes cast")
        || lower_starts_with(after, "members voting")
        || lower_starts_with(after, "ballots cast");
    if !cast {
        return None;
    }
    let parts: Vec<usize> = (ix.in_sentence(t.sentence).iter().copied())
        .filter(|&j| j > ti && claims[j].kind == ClaimKind::Count)
        .filter(|&j| {
            let c = &claims[j];
            let tail = &cx.text[c.span.end..c.sentence.end];
            vote_word(tail) || tail.split_whitespace().nth(1).is_some_and(vote_word)
        })
        .collect();
    (parts.len() >= 2).then_some(parts)
}

/// Which side of a vote a clause counts: `Some(true)` for, `Some(false)`
/// against, `None` neither (an abstention, or no vote word).
fn side_of(clause: &str) -> Option<bool> {
    let words: Vec<String> = clause
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .collect();
    let has = |ws: &[&str]| words.iter().any(|w| ws.contains(&w.as_str()));
    let pro = has(&[
        "supporting",
        "supported",
        "support",
        "favor",
        "favour",
        "yes",
        "aye",
        "ayes",
    ]) || clause.contains(" voted for")
        || clause.contains(" voting for");
    let con = has(&["opposing", "opposed", "oppose", "against", "nay", "nays"]);
    match (pro, con) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// A vote's tally and who made it up: "passed 232 to 198, with 231
/// Democrats supporting it and 194 Republicans opposing it; two Democrats
/// opposed, and one independent supported." Each side listed in two or
/// more clauses must add up to its side of the tally.
fn tally_sides(cx: &CheckContext, ix: &Claims, ti: usize, out: &mut Report) -> bool {
    let claims = cx.claims;
    let (a, b) = (&claims[ti], claims.get(ti + 1));
    let Some(b) = b.filter(|b| b.sentence == a.sentence && b.kind == ClaimKind::Count) else {
        return false;
    };
    if a.kind != ClaimKind::Count || cx.text[a.span.end..b.span.start].trim() != "to" {
        return false;
    }
    let before = cx.text[a.sentence.start..a.span.start].trim_end();
    if ![
        "passed",
        "voted",
        "approved",
        "rejected",
        "vote of",
        "margin of",
        "failed",
    ]
    .iter()
    .any(|w| lower_ends_with(before, w))
    {
        return false;
    }
    let (Some(av), Some(bv)) = (exact(a), exact(b)) else {
        return false;
    };
    let rest_span = crate::span::Span::new(b.span.end, a.sentence.end);
    let rest = rest_span.of(cx.text);
    let in_rest: Vec<usize> = (ix.in_sentence(a.sentence).iter().copied())
        .filter(|&j| j > ti + 1 && claims[j].kind == ClaimKind::Count)
        .collect();
    // (sum, parts, spans, every clause read) for each side.
    let mut sides = [(0.0, Vec::new(), Vec::new(), true), (0.0, Vec::new(), Vec::new(), true)];
    let mut at = rest_span.start;
    for clause in rest.split([',', ';']).flat_map(|c| c.split(" and ")) {
        let start = at + rest[at - rest_span.start..].find(clause).unwrap_or(0);
        at = start + clause.len();
        let here: Vec<usize> = in_rest
            .iter()
            .copied()
            .filter(|&j| claims[j].span.start >= start && claims[j].span.end <= at)
            .collect();
        let lone = clause.split_whitespace().any(|w| w.eq_ignore_ascii_case("one"));
        let value = match here.as_slice() {
            [j] => exact(&claims[*j]).map(|v| (v, claims[*j].span)),
            [] if lone => Some((1.0, crate::span::Span::new(start, at))),
            _ => None,
        };
        match (side_of(clause), value) {
            (Some(side), Some((v, span))) => {
                let s = &mut sides[usize::from(!side)];
                s.0 += v;
                s.1.push(fmt(v));
                s.2.push(span);
            }
            (Some(side), None) => sides[usize::from(!side)].3 = false,
            _ => {}
        }
    }
    for (k, (sum, listed, spans, whole)) in sides.into_iter().enumerate() {
        let (total, tspan, word) = if k == 0 {
            (av, a.span, "for")
        } else {
            (bv, b.span, "against")
        };
        if !whole || listed.len() < 2 {
            continue;
        }
        let listed = listed.join(" + ");
        if (sum - total).abs() < 1e-6 {
            out.pass(
                "sum-mismatch",
                if k == 0 { ti } else { ti + 1 },
                format!("{listed} = {}", fmt(total)),
            );
        } else {
            let message = format!(
                "the votes {word} add up to {} ({listed}), not {}",
                fmt(sum),
                tspan.of(cx.text)
            );
            out.flag(
                "sum-mismatch",
                Some(if k == 0 { ti } else { ti + 1 }),
                Severity::Error,
                tspan,
                spans,
                message,
            );
        }
    }
    true
}

/// "six people were arrested in all: one for theft. They arrested three
/// for trespassing and another for assault": a total said "in all" before
/// a colon, then what each part was for, up to the end of the next
/// sentence. "one", "another" and "a" before "for" are one each.
fn for_list(cx: &CheckContext, ti: usize, out: &mut Report) -> bool {
    let claims = cx.claims;
    let t = &claims[ti];
    let rest = &cx.text[t.span.end..t.sentence.end];
    let Some(colon) = rest.find(':') else { return false };
    let head = rest[..colon].trim_end();
    if colon > 40
        || !["in all", "in total", "all told", "altogether"]
            .iter()
            .any(|w| head.ends_with(w))
    {
        return false;
    }
    let Some(tv) = exact(t) else { return false };
    // The colon's sentence and the next one, in the same paragraph.
    let from = t.span.end + colon + 1;
    let next = claims[ti + 1..]
        .iter()
        .find(|c| c.sentence != t.sentence)
        .filter(|c| c.paragraph == t.paragraph && cx.text[t.sentence.end..c.sentence.start].trim().is_empty())
        .map_or(t.sentence.end, |c| c.sentence.end);
    let mut sum = 0.0;
    let mut spans = Vec::new();
    let mut listed = Vec::new();
    let mut pos = from;
    for w in cx.text[from..next].split_whitespace() {
        let start = pos + cx.text[pos..next].find(w).unwrap_or(0);
        pos = start + w.len();
        if !cx.text[pos..next].trim_start().starts_with("for ") {
            continue;
        }
        // Claims are in text order: the one starting here, by binary search.
        let at = claims.partition_point(|c| c.span.start < start);
        let value = if let Some(c) = claims.get(at).filter(|c| c.span.start == start) {
            if !same_kind(t, c) {
                return false;
            }
            exact(c)
        } else if ["one", "another", "a", "an"].contains(&w.to_lowercase().as_str()) {
            Some(1.0)
        } else {
            None
        };
        if let Some(v) = value {
            sum += v;
            listed.push(fmt(v));
            spans.push(crate::span::Span::new(start, pos));
        }
    }
    if listed.len() < 2 {
        return false;
    }
    let listed = listed.join(" + ");
    if (sum - tv).abs() < 1e-6 {
        out.pass("sum-mismatch", ti, format!("{listed} = {}", fmt(tv)));
    } else {
        let message = format!(
            "the parts add up to {} ({listed}), not {}",
            fmt(sum),
            t.span.of(cx.text)
        );
        out.flag("sum-mismatch", Some(ti), Severity::Warning, t.span, spans, message);
    }
    true
}

impl Check for SumMismatch {
    fn id(&self) -> &'static str {
        "sum-mismatch"
    }

    fn description(&self) -> &'static str {
        "Parts that the article presents as adding up to a stated total and that do not."
    }

    fn run(&self, cx: &CheckContext, out: &mut Report) {
        let ix = Claims::new(cx.claims);
        self.breakdowns(cx, &ix, out);
        let claims = cx.claims;
        for (ti, t) in claims.iter().enumerate() {
            if !matches!(t.kind, ClaimKind::Count | ClaimKind::Money) {
                continue;
            }
            let after = &cx.text[t.span.end..t.sentence.end];
            let before = cx.text[t.sentence.start..t.span.start].trim_end();
            let later: Vec<usize> = (ix.in_sentence(t.sentence).iter().copied())
                .filter(|&j| j > ti && same_kind(t, &claims[j]))
                .collect();
            // "The $412 million is divided among five broad areas: …"
            let split = after.split_once(':').is_some_and(|(head, _)| {
                ["divided", "split", "broken down", "allocated", "breaks down"]
                    .iter()
                    .any(|w| head.contains(w))
            });
            // "a combined 127 arrests, 86 in … and 41 in …"
            let combined = ["combined", "total of", "a total"]
                .iter()
                .any(|w| ends_with_ignore_case(before, w));
            if ((split && later.len() >= 2) || (combined && later.len() >= 2)) && one_unit(claims, &later) {
                self.compare(cx, out, ti, &later);
                continue;
            }
            if for_list(cx, ti, out) {
                continue;
            }
            if let Some(parts) = colon_list(cx, ti).filter(|p| one_unit(claims, p)) {
                self.compare(cx, out, ti, &parts);
                continue;
            }
            if let Some(parts) = vote_tally(cx, &ix, ti) {
                self.compare(cx, out, ti, &parts);
                continue;
            }
            if tally_sides(cx, &ix, ti, out) {
                continue;
            }
            // Parts of this total that end with "the remaining N".
            let parts: Vec<usize> = ix.parts_of(ti).iter().copied().filter(|&j| j > ti).collect();
            let closes = parts.last().is_some_and(|&l| {
                let head = cx.text[claims[l].sentence.start..claims[l].span.start].trim_end();
                ends_with_ignore_case(head, "remaining") || ends_with_ignore_case(head, "the other")
            });
            if closes && parts.len() >= 2 && parts.iter().all(|&p| claims[p].sentence == claims[parts[0]].sentence) {
                self.compare(cx, out, ti, &parts);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::run_one;

    #[test]
    fn a_total_in_all_and_what_each_part_was_for() {
        let r = run_one(
            "sum-mismatch",
            "Officers issued nine fines in all: one for speeding, four for parking. They fined two for littering and another for noise.\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        assert!(
            r.findings[0].message.contains("8 (1 + 4 + 2 + 1)"),
            "{}",
            r.findings[0].message
        );
        let ok = run_one(
            "sum-mismatch",
            "Officers issued eight fines in all: one for speeding, four for parking. They fined two for littering and another for noise.\n",
        );
        assert!(ok.findings.is_empty(), "{:?}", ok.findings);
    }

    #[test]
    fn a_tally_and_the_sides_that_made_it() {
        let bad = "The motion failed 41 to 57, with 38 Labour members supporting it and 52 Conservatives opposing; three Labour members voted for it, and seven Liberals opposed.\n";
        let r = run_one("sum-mismatch", bad);
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        assert!(r.findings[0].message.contains("59"), "{}", r.findings[0].message);
        let good = "The motion failed 41 to 59, with 40 Labour members supporting it and 52 Conservatives opposing; one Green voted for it, and seven Liberals opposed.\nThe council voted 7 to 2, with 5 members supporting.\n";
        let r = run_one("sum-mismatch", good);
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }

    #[test]
    fn budget_split_that_does_not_add_up() {
        let r = run_one(
            "sum-mismatch",
            "The $412 million is divided among four areas: $148 million for police, $96 million for fire, $71 million for roads and $90 million for parks.\n",
        );
        assert_eq!(r.findings.len(), 1);
        assert!(r.findings[0].message.contains("405"), "{}", r.findings[0].message);
    }

    #[test]
    fn remaining_parts_that_add_up_pass() {
        let r = run_one(
            "sum-mismatch",
            "Inspectors visited 412 homes. Of those, 157 had major damage, 38 were destroyed and the remaining 217 had minor damage.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
        assert!(r.notes.iter().any(|n| n.passed && r.kept(n).contains("= 412")));
    }

    #[test]
    fn a_breakdown_by_quarter_is_checked_against_the_owners_total() {
        let text = |q: &str| {
            format!(
                "Westfield beat Carver 64-60 on Friday.\n\
                 Guard Ana Lutz scored 22 of Westfield’s 64 points.\n\
                 Westfield’s scoring by quarter — {q} — showed a late surge.\n"
            )
        };
        let bad = run_one("sum-mismatch", &text("12, 14, 16 and 20"));
        assert_eq!(bad.findings.len(), 1, "{:?}", bad.findings);
        assert!(bad.findings[0].message.contains("62"), "{}", bad.findings[0].message);
        let good = run_one("sum-mismatch", &text("12, 14, 16 and 22"));
        assert!(good.findings.is_empty(), "{:?}", good.findings);
        assert!(good.notes.iter().any(|n| n.passed && good.kept(n).contains("= 64")));
    }

    #[test]
    fn overlapping_parts_are_not_summed() {
        let r = run_one(
            "sum-mismatch",
            "Of the 214 people arrested, 180 had convictions and 37 were wanted elsewhere.\n",
        );
        assert!(r.findings.is_empty());
    }

    #[test]
    fn a_rounded_total_in_all_before_its_parts() {
        let r = run_one(
            "sum-mismatch",
            "The city will move some $9.4 million in all: $2.1 million from parks, $3.3 million from transit, and $700,000 from libraries.\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        assert!(r.findings[0].message.contains("6,100,000"), "{}", r.findings[0].message);
    }

    #[test]
    fn a_colon_list_closed_by_the_remaining_across_sentences() {
        let text = |last: &str| {
            format!(
                "The board split the county's 30 seats: the Greens won the most, at 11, followed by Labour with 9. The Liberals took 6 seats and independents won the remaining {last}.\n"
            )
        };
        let bad = run_one("sum-mismatch", &text("3"));
        assert_eq!(bad.findings.len(), 1, "{:?}", bad.findings);
        let good = run_one("sum-mismatch", &text("4"));
        assert!(good.findings.is_empty(), "{:?}", good.findings);
    }

    #[test]
    fn a_vote_adds_up_to_the_votes_cast() {
        let r = run_one(
            "sum-mismatch",
            "The motion passed in a vote of 120 members, with 101 votes in favour, 12 abstentions, and four votes against.\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        assert!(r.findings[0].message.contains("117"), "{}", r.findings[0].message);
    }

    #[test]
    fn a_total_of_different_units_is_not_summed() {
        let r = run_one(
            "sum-mismatch",
            "The agency withheld a total of nine reports and 41 pages of notes, including 30 memos.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }
}
