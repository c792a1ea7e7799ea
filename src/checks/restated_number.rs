//! `restated-number`: the same quantity given two different values in one
//! article. Two counts (or amounts of money) are taken as the same quantity
//! when they count the same thing with the same verb ("23 people have
//! died" / "the 32 people who have died"), or when one is the other with
//! two digits swapped (412 / 421), the commonest typing slip. Hedged
//! restatements that fit ("more than 300", "hundreds" for 370) pass.

use std::collections::HashMap;

use super::restated_index::Earlier;
use super::{Check, CheckContext, Report, Severity};
use crate::claims::numbers::Lex;
use crate::claims::{Claim, ClaimKind, Value};

pub struct RestatedNumber;

/// The decimal digits of a whole number, least significant first, and how
/// many there are (this runs for every pair of counts, so nothing is
/// allocated).
fn digits(v: f64) -> Option<([u8; 16], usize)> {
    if v.fract() != 0.0 || v.abs() >= 1e15 {
        return None;
    }
    let mut n = (v as i64).unsigned_abs();
    let mut out = [0u8; 16];
    let mut len = 0;
    loop {
        out[len] = (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break Some((out, len));
        }
    }
}

/// One value is the other with two adjacent digits swapped.
#[cfg(test)]
fn swapped_digits(a: f64, b: f64) -> bool {
    swapped_digits_of(a, b, digits(b))
}

/// [`swapped_digits`] with `b`'s digits already rendered.
#[cfg(test)]
fn swapped_digits_of(a: f64, b: f64, b_digits: Option<([u8; 16], usize)>) -> bool {
    if a == b || (a < 0.0) != (b < 0.0) {
        return false;
    }
    let (Some((x, n)), Some((y, m))) = (digits(a), b_digits) else {
        return false;
    };
    if n != m || n < 2 {
        return false;
    }
    let mut diffs = (0..n).filter(|&i| x[i] != y[i]);
    let (Some(d0), Some(d1), None) = (diffs.next(), diffs.next(), diffs.next()) else {
        return false;
    };
    d1 == d0 + 1 && x[d0] == y[d1] && x[d1] == y[d0]
}

/// Every value that is `b` with two adjacent digits swapped and as many
/// digits (no leading zero), the same sign as `b`: `a` is among them
/// exactly when [`swapped_digits`]`(a, b)`. Made once per later claim, so
/// a pair costs a look-up, not two digit renderings.
fn swaps_of(b: f64) -> ([f64; 15], usize) {
    let mut out = [f64::NAN; 15];
    let mut len = 0;
    let Some((d, n)) = digits(b) else {
        return (out, 0);
    };
    for i in 0..n.saturating_sub(1) {
        if d[i] == d[i + 1] || (i + 1 == n - 1 && d[i] == 0) {
            continue;
        }
        let mut e = d;
        e.swap(i, i + 1);
        let v = e[..n].iter().rev().fold(0u64, |acc, &x| acc * 10 + u64::from(x)) as f64;
        out[len] = if b < 0.0 { -v } else { v };
        len += 1;
    }
    (out, len)
}

/// The verb that follows the counted noun ("people have died" → "died").
fn verb_after(cx: &CheckContext, c: &Claim) -> Option<String> {
    let rest = crate::span::Span::new(c.span.end, c.sentence.end);
    crate::claims::numbers::lex_iter(cx.text, rest)
        .take(6)
        .find(|l: &Lex| {
            crate::lexicon::ends_with_ignore_case(l.text, "ed")
                || l.is_one_of(&["died", "won", "lost", "spent", "paid"])
        })
        .map(|l| l.lower().into_owned())
}

fn noun_stem(c: &Claim) -> Option<&str> {
    let n = c.noun.as_deref()?;
    Some(n.strip_suffix('s').unwrap_or(n))
}

/// Both count one named thing. A function word after the number ("31
/// for Cruz", "13 for Cruz") names nothing.
fn same_noun(a: &Claim, b: &Claim) -> bool {
    noun_stem(a).is_some_and(|n| !crate::lexicon::FUNCTION_WORDS.contains(n)) && noun_stem(a) == noun_stem(b)
}

/// The lower-case word after the counted noun ("25 holiday parties" →
/// "parties"), when there is one.
fn second_word(cx: &CheckContext, c: &Claim) -> Option<String> {
    let w = cx.text[c.span.end..c.sentence.end].split_whitespace().nth(1)?;
    let w = w.trim_end_matches([',', '.', ';', ':']);
    (w.chars().all(|ch| ch.is_ascii_lowercase()) && !crate::lexicon::FUNCTION_WORDS.contains(w)).then(|| w.to_string())
}

/// Why two counts of one noun are still two quantities: the noun is only
/// a modifier of different heads ("25 holiday parties" / "20 holiday
/// receptions"); one is shared out ("Two … were killed at each location");
/// "all 50 states" is the whole that "48 states" is part of; small groups
/// re-mentioned ("the three men" after "the two men") are other groups.
/// The facts are read once per claim ([`Memo`]), not once per pair.
fn still_two(cx: &CheckContext, memo: &mut Memo, ai: usize, bi: usize, x: f64, y: f64) -> bool {
    let (sa, sb) = (memo.second_word(cx, ai), memo.second_word(cx, bi));
    let heads = sa > 1 && sb > 1 && sa != sb;
    let all_whole = memo.word_before(cx, bi) == Before::All && y > x;
    heads || memo.each(cx, ai) || memo.each(cx, bi) || all_whole || x.max(y) < 5.0
}

/// A claim's share-out marker ("each", "apiece", "per", "every" after it).
fn shared_out(cx: &CheckContext, c: &Claim) -> bool {
    let rest = cx.text[c.span.end..c.sentence.end].to_lowercase();
    [" each ", " apiece", " per ", " every "]
        .iter()
        .any(|w| rest.contains(w))
}

/// The word just before a count, as far as this check asks about it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Before {
    Unread,
    All,
    /// "the", "those", "these": a determiner that refers back.
    Definite,
    Other,
}

fn word_before(cx: &CheckContext, b: &Claim) -> Before {
    match cx.text[b.sentence.start..b.span.start].split_whitespace().last() {
        Some(w) if w.eq_ignore_ascii_case("all") => Before::All,
        Some(w) if ["the", "those", "these"].iter().any(|d| w.eq_ignore_ascii_case(d)) => Before::Definite,
        _ => Before::Other,
    }
}

/// Per-claim facts the pair loop asks about, each read from the text at
/// most once: a claim meets up to a few hundred others, and reading the
/// sentence again for every pair made a text of counts slow.
/// Words are kept as numbers (0 not read yet, 1 none, else the word's
/// place in `words` plus 2): a text of counts has half a million claims.
struct Memo {
    words: rustc_hash::FxHashMap<String, u32>,
    verbs: Vec<u32>,
    seconds: Vec<u32>,
    each: Vec<Option<bool>>,
    before: Vec<Before>,
}

impl Memo {
    fn new(n: usize) -> Self {
        Memo {
            words: rustc_hash::FxHashMap::default(),
            verbs: vec![0; n],
            seconds: vec![0; n],
            each: vec![None; n],
            before: vec![Before::Unread; n],
        }
    }

    fn intern(words: &mut rustc_hash::FxHashMap<String, u32>, w: Option<String>) -> u32 {
        w.map_or(1, |w| {
            let next = words.len() as u32 + 2;
            *words.entry(w).or_insert(next)
        })
    }

    /// The verb after a counted noun ([`verb_after`]); only counts and
    /// amounts of a named thing are ever compared by verb.
    fn verb(&mut self, cx: &CheckContext, i: usize) -> u32 {
        if self.verbs[i] == 0 {
            let c = &cx.claims[i];
            let counted = c.noun.is_some() && matches!(c.kind, ClaimKind::Count | ClaimKind::Money);
            self.verbs[i] = Self::intern(&mut self.words, counted.then(|| verb_after(cx, c)).flatten());
        }
        self.verbs[i]
    }

    fn second_word(&mut self, cx: &CheckContext, i: usize) -> u32 {
        if self.seconds[i] == 0 {
            self.seconds[i] = Self::intern(&mut self.words, second_word(cx, &cx.claims[i]));
        }
        self.seconds[i]
    }

    fn each(&mut self, cx: &CheckContext, i: usize) -> bool {
        *self.each[i].get_or_insert_with(|| shared_out(cx, &cx.claims[i]))
    }

    fn word_before(&mut self, cx: &CheckContext, i: usize) -> Before {
        if self.before[i] == Before::Unread {
            self.before[i] = word_before(cx, &cx.claims[i]);
        }
        self.before[i]
    }

    /// Whether the count is written as one already given ("the 32 people",
    /// "all six deaths").
    fn refers_back(&mut self, cx: &CheckContext, i: usize) -> bool {
        matches!(self.word_before(cx, i), Before::All | Before::Definite)
    }
}

/// Is claim `b` the sum of two or more earlier counts of the same thing?
fn is_sum_of_earlier(cx: &CheckContext, earlier: &Earlier, bi: usize, b: &Claim) -> bool {
    let Some(total) = b.value.amount().and_then(|x| x.value) else {
        return false;
    };
    let parts: Vec<f64> = (earlier.same_stem(bi, b).iter().map(|&i| &cx.claims[i]))
        .filter(|c| c.kind == b.kind && same_noun(c, b))
        .filter_map(|c| c.value.amount().and_then(|x| x.value))
        .collect();
    // Any run of consecutive earlier counts adding up to the total.
    if let Some(found) = sum_of_run(&parts, total) {
        return found;
    }
    (0..parts.len()).any(|i| {
        let mut sum = 0.0;
        parts[i..].iter().enumerate().any(|(k, v)| {
            sum += v;
            k >= 1 && (sum - total).abs() < 1e-9
        })
    })
}

/// For whole numbers (sums exact in floating point): is there a run of two
/// or more consecutive parts adding up to `total`? Prefix sums and a set, so
/// linear; `None` when a part is not whole and the sums could round.
fn sum_of_run(parts: &[f64], total: f64) -> Option<bool> {
    const EXACT: f64 = 9e15;
    let whole = |v: f64| v.fract() == 0.0 && v.abs() < EXACT;
    if !whole(total) || !parts.iter().all(|&v| whole(v)) || parts.iter().map(|v| v.abs()).sum::<f64>() >= EXACT {
        return None;
    }
    let mut prefix = Vec::with_capacity(parts.len() + 1);
    prefix.push(0i64);
    for v in parts {
        prefix.push(prefix[prefix.len() - 1] + *v as i64);
    }
    let total = total as i64;
    let mut seen = rustc_hash::FxHashSet::default();
    Some((2..prefix.len()).any(|m| {
        seen.insert(prefix[m - 2]);
        seen.contains(&(prefix[m] - total))
    }))
}

/// The distinct values each counted noun is given, up to three.
/// `not_count` answers [`not_a_count`](super::figures::not_a_count) for a claim's index (once per claim
/// for the whole check).
fn distinct_values_per_noun<'a>(
    cx: &'a CheckContext,
    not_count: &mut impl FnMut(usize) -> bool,
) -> HashMap<&'a str, Vec<f64>> {
    let mut seen: HashMap<&str, Vec<f64>> = HashMap::new();
    for (i, c) in cx.claims.iter().enumerate() {
        if !matches!(c.kind, ClaimKind::Count | ClaimKind::Money) {
            continue;
        }
        let (Some(n), Some(v)) = (noun_stem(c), c.value.amount().and_then(|x| x.value)) else {
            continue;
        };
        if not_count(i) {
            continue;
        }
        let values = seen.entry(n).or_default();
        if values.len() < 3 && !values.contains(&v) {
            values.push(v);
        }
    }
    seen
}

/// The message (and the claim's note) for claim `bi` restating claim `ai`
/// with another value, written again whenever the note is shown.
fn restates(cx: &CheckContext, bi: usize, ai: usize) -> String {
    let (a, b) = (&cx.claims[ai], &cx.claims[bi]);
    format!(
        "{} restates {} (line {}) with a different value: {} vs {}",
        cx.quoted(b.span),
        cx.quoted(a.span),
        cx.line(a.span.start),
        b.value.display(),
        a.value.display()
    )
}

fn comparable(a: &Claim, b: &Claim) -> bool {
    match (&a.value, &b.value) {
        (Value::Number(_), Value::Number(_)) => a.kind == ClaimKind::Count && b.kind == ClaimKind::Count,
        (Value::Money { currency: x, .. }, Value::Money { currency: y, .. }) => x == y,
        _ => false,
    }
}

impl Check for RestatedNumber {
    fn id(&self) -> &'static str {
        "restated-number"
    }

    fn description(&self) -> &'static str {
        "The same quantity given a different value later in the article (hedges such as \"more than 300\" are intervals)."
    }

    fn run(&self, cx: &CheckContext, out: &mut Report) {
        let claims = cx.claims;
        // Each claim's verb, second word, share-out marker and preceding
        // word once, not once per pair, and only for claims a pair asks about.
        let mut memo = Memo::new(claims.len());
        // Whether each claim is no count at all, asked once per claim, not
        // once per pair (nor again for the nouns' values).
        let mut not_count = |i: usize| cx.not_a_count(i);
        let counted = distinct_values_per_noun(cx, &mut not_count);
        let earlier = Earlier::new(claims);
        let mut sum_of_earlier: Vec<Option<bool>> = vec![None; claims.len()];
        for (bi, b) in claims.iter().enumerate() {
            // A noun counted three or more ways ("222 delegates", "the six
            // delegates at stake", "1,237 delegates to win") names several
            // quantities: no mention of it restates another.
            if not_count(bi) || noun_stem(b).is_some_and(|n| counted.get(n).is_some_and(|v| v.len() > 2)) {
                continue;
            }
            // The later value's digit swaps, made once for all its pairs.
            let mut b_swaps = None;
            for ai in earlier.of(bi, b) {
                let a = &claims[ai];
                if !comparable(a, b) || a.part_of.is_some() || b.part_of.is_some() || a.sentence == b.sentence {
                    continue;
                }
                if not_count(ai) {
                    continue;
                }
                let (Some(x), Some(y)) = (a.value.amount(), b.value.amount()) else {
                    continue;
                };
                let same_thing = a.noun.is_some() && a.noun == b.noun && {
                    let va = memo.verb(cx, ai);
                    va > 1 && va == memo.verb(cx, bi)
                };
                let exact_pair = x.is_exact() && y.is_exact();
                // "The 1,400 workers" later in the story, after "1,200 workers":
                // a definite re-mention of the same count (unless it is the
                // sum of earlier counts of the same thing, "The 399 students").
                let definite = exact_pair
                    && a.paragraph != b.paragraph
                    && same_noun(a, b)
                    && memo.refers_back(cx, bi)
                    && !*sum_of_earlier[bi].get_or_insert_with(|| is_sum_of_earlier(cx, &earlier, bi, b));
                // In real copy the same noun with the same verb counts
                // different things as often as one ("25 randomly selected
                // sites" / "35 randomly selected precincts"): the verb makes
                // a restatement only where the later one refers back.
                let same_thing = ((same_thing && memo.refers_back(cx, bi)) || definite)
                    && !still_two(cx, &mut memo, ai, bi, x.value.unwrap_or(0.0), y.value.unwrap_or(0.0));
                // A figure restated wrong is a slip or a stale update, near
                // the first; "the three delegates from his district" after
                // "27 delegates" is another, smaller group.
                let near = |p: f64, q: f64| p > 0.0 && q > 0.0 && p.max(q) <= 2.0 * p.min(q);
                let same_thing = same_thing && near(x.value.unwrap_or(0.0), y.value.unwrap_or(0.0));
                // Two-digit swaps (15/51) happen by chance in any long story;
                // they count only for the same thing ("23 people" / "32 people").
                let (xv, yv) = (x.value.unwrap_or(0.0), y.value.unwrap_or(0.0));
                let slip = exact_pair && (xv.abs() >= 100.0 || same_noun(a, b)) && {
                    let (list, n) = b_swaps.get_or_insert_with(|| swaps_of(yv));
                    list[..*n].contains(&xv)
                };
                if !(same_thing || slip) {
                    continue;
                }
                if x.agrees(y) {
                    if same_thing && (!x.is_exact() || !y.is_exact()) {
                        out.pass_with(self.id(), bi, || {
                            format!("{} agrees with {}", cx.quoted(b.span), cx.quoted(a.span))
                        });
                    }
                    continue;
                }
                out.flag_pair(cx, self.id(), bi, ai, Severity::Error, b.span, vec![a.span], restates);
            }
        }
        super::restated_lead::check(cx, out, self.id());
    }
}

#[cfg(test)]
mod tests {
    use super::swapped_digits;
    use crate::checks::test_support::run_one;

    #[test]
    fn swapped_digits_are_a_restatement() {
        assert!(swapped_digits(412.0, 421.0));
        assert!(swapped_digits(23.0, 32.0));
        assert!(!swapped_digits(412.0, 412.0));
        assert!(!swapped_digits(127.0, 34.0));
    }

    #[test]
    fn the_swaps_of_a_value_are_exactly_the_swapped_digit_values() {
        for b in [0.0, 7.0, 10.0, 23.0, 100.0, 101.0, 412.0, -23.0, 1203.0, 1.5, 99.0] {
            let (list, n) = super::swaps_of(b);
            for a in (-1500..1500).map(f64::from).chain([1.5, 2.5]) {
                assert_eq!(list[..n].contains(&a), swapped_digits(a, b), "{a} {b}");
            }
        }
    }

    #[test]
    fn budget_restated_with_swapped_digits() {
        let r = run_one(
            "restated-number",
            "The council passed a $412 million budget.\nThe mayor will sign the $421 million plan.\n",
        );
        assert_eq!(r.findings.len(), 1);
        assert!(r.findings[0].message.contains("$421 million"));
    }

    #[test]
    fn chance_two_digit_swaps_of_different_things_are_quiet() {
        let r = run_one("restated-number", "The team scored 15 goals.\nFans bought 51 flags.\n");
        assert!(r.findings.is_empty());
    }

    #[test]
    fn hedged_restatement_agrees() {
        let r = run_one(
            "restated-number",
            "Agents arrested 370 people in the sweep.\nMore than 300 people arrested were men.\n",
        );
        assert!(r.findings.is_empty());
    }

    #[test]
    fn definite_re_mention_with_another_value() {
        let r = run_one(
            "restated-number",
            "The plant employs 1,200 workers.\nUnion leaders met on Monday.\nThe 1,400 workers will vote next week.\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    }

    #[test]
    fn definite_sum_of_earlier_counts_is_not_a_restatement() {
        let r = run_one(
            "restated-number",
            "Alder School has 212 students and Quarry Hill has 187 students.\nThe 399 students will move to new schools.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }

    #[test]
    fn a_noun_counted_many_ways_and_ratios_are_not_restatements() {
        let r = run_one(
            "restated-number",
            "Clinton won 222 delegates in Texas.\nIt takes 2,383 delegates to win.\nShe took four of the six delegates at stake in Samoa.\nAbout 7 in 10 voters backed her, and 6 in 10 voters said so.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }

    #[test]
    fn different_operations_are_not_restatements() {
        let r = run_one(
            "restated-number",
            "The sweep produced 127 arrests.\nA crackdown last year produced 34 arrests.\n",
        );
        assert!(r.findings.is_empty());
    }
}

#[cfg(test)]
mod real_copy_tests {
    use crate::checks::test_support::run_one;

    #[test]
    fn modifiers_shares_wholes_and_small_groups_are_two_quantities() {
        for text in [
            "The couple hosted 25 holiday parties in 2008.\n\nThis year they hold the 20 holiday receptions.\n",
            "Two officers were hurt at each site.\n\nThe four officers hurt were treated.\n",
            "She led in 48 states.\n\nVoters in all 50 states were polled.\n",
            "The two men met in May.\n\nLater the three men opened a shop.\n",
        ] {
            let r = run_one("restated-number", text);
            assert!(r.findings.is_empty(), "{text}: {:?}", r.findings);
        }
    }
}
