//! `duration-vs-range`: a stated duration ("six-day", "five days") that
//! disagrees with the date range it describes, days counted inclusively
//! (March 18 to March 23 = 6 days; Jan. 30 to Feb. 2 = 4).

use super::index::{ByKey, Marks, Spans};
use super::{Check, CheckContext, Report, Severity};
use crate::claims::dates::inclusive_days;
use crate::claims::{Claim, ClaimKind, Value, fmt};

pub struct DurationVsRange;

/// Days of a range; a range without a year is counted in a common year.
/// The note on a duration `di` and the range `ri` it measures, when they
/// agree.
fn agrees(cx: &CheckContext, di: usize, ri: usize) -> String {
    let days = range_days(&cx.claims[ri].value).unwrap_or(0);
    format!("{days} days inclusive = {}", cx.quoted(cx.claims[di].span))
}

/// The finding on a duration `di` that disagrees with the range `ri`.
fn disagrees(cx: &CheckContext, di: usize, ri: usize) -> String {
    let days = range_days(&cx.claims[ri].value).unwrap_or(0);
    let r_text = cx.claims[ri]
        .span
        .of(cx.text)
        .trim_start_matches("from ")
        .trim_start_matches("between ");
    format!(
        "{} disagrees with {r_text} ({} days, inclusive)",
        cx.quoted(cx.claims[di].span),
        fmt(days as f64)
    )
}

fn range_days(v: &Value) -> Option<i64> {
    let Value::DateRange(a, b) = v else { return None };
    let mut a = *a;
    let mut b = *b;
    if a.year.is_none() && b.year.is_none() {
        a.year = Some(2001);
        b.year = Some(2001);
    }
    inclusive_days(a.civil()?, b.civil()?)
}

/// Does the duration's sentence say how long something went on ("the
/// strike lasted five days", "over 16 days")?
fn measures_time(cx: &CheckContext, d: &Claim) -> bool {
    let head = cx.text[d.sentence.start..d.span.start].to_lowercase();
    [
        "lasted",
        "lasting",
        "spanned",
        "ran for",
        "went on for",
        "over the",
        "in all",
    ]
    .iter()
    .any(|w| head.contains(w))
}

/// Does the range's sentence go on about the thing the duration modifies?
/// "The six-day operation" … "It ran from …" in the next sentence, or "a
/// five-day operation …" … "The sweep, which ran from …" within the next
/// three sentences, with no other duration in between.
fn refers_back(cx: &CheckContext, ix: &Index, d: &Claim, r: &Claim) -> bool {
    // Whichever comes first, the later sentence must go on about the same
    // thing: the very next sentence, or one opening with a definite reference.
    let (first, second) = if d.sentence.start <= r.sentence.start {
        (d, r)
    } else {
        (r, d)
    };
    if second.sentence.start < first.sentence.end {
        return false;
    }
    let sentences_between = ix.marks.count(first.sentence.end, second.sentence.start);
    let next = sentences_between == 0 && second.paragraph == first.paragraph;
    let opening = second.sentence.of(cx.text).split_whitespace().next().unwrap_or("");
    let definite = matches!(opening, "The" | "That" | "This" | "It");
    let (lo, hi) = (d.span.start.min(r.span.start), d.span.end.max(r.span.end));
    let other_duration = ix.durations.any_inside_except(lo, hi, d.span);
    !other_duration && (next || (definite && sentences_between <= 3))
}

/// The article's date ranges by sentence, and its durations, so a duration
/// is compared with the ranges of its own sentence neighbourhood only.
struct Index<'a> {
    claims: &'a [Claim],
    marks: Marks,
    durations: Spans,
    ranges_by_start: ByKey,
    ranges_by_end: ByKey,
}

impl<'a> Index<'a> {
    fn new(cx: &CheckContext<'a>) -> Self {
        let ranges = || (cx.claims.iter().enumerate()).filter(|(_, c)| c.kind == ClaimKind::DateRange);
        Index {
            claims: cx.claims,
            marks: Marks::new(cx.text),
            durations: Spans::new(
                cx.claims
                    .iter()
                    .filter(|c| c.kind == ClaimKind::Duration)
                    .map(|c| c.span),
            ),
            ranges_by_start: ByKey::new(ranges().map(|(i, c)| (c.sentence.start, i))),
            ranges_by_end: ByKey::new(ranges().map(|(i, c)| (c.sentence.end, i))),
        }
    }

    /// The ranges [`refers_back`] or the same sentence can accept for `d`,
    /// in claim order: those in `d`'s sentence, in a later sentence with at
    /// most three sentence marks between, or in an earlier one likewise.
    fn candidates(&self, d: &Claim) -> impl Iterator<Item = (usize, &'a Claim)> + use<'a> {
        let s = d.sentence;
        let after_end = self.marks.kth_from(s.end, 4).unwrap_or(usize::MAX);
        let before_start = self.marks.kth_before(s.start, 4).map_or(0, |p| p + 1);
        let mut found: Vec<usize> = (self.ranges_by_start.within(s.start, s.start).iter())
            .chain(self.ranges_by_start.within(s.end, after_end))
            .chain(self.ranges_by_end.within(before_start, s.start))
            .map(|&(_, i)| i)
            .collect();
        found.sort_unstable();
        found.dedup();
        let claims = self.claims;
        found.into_iter().map(move |i| (i, &claims[i]))
    }
}

impl Check for DurationVsRange {
    fn id(&self) -> &'static str {
        "duration-vs-range"
    }

    fn description(&self) -> &'static str {
        "A stated duration in days or weeks that disagrees with the date range it describes, counted inclusively."
    }

    fn run(&self, cx: &CheckContext, out: &mut Report) {
        let ix = Index::new(cx);
        let mut compared = vec![false; cx.claims.len()];
        for (di, d) in cx.claims.iter().enumerate() {
            let Value::Duration { amount, unit } = &d.value else {
                continue;
            };
            let per = match *unit {
                "day" => 1.0,
                "week" => 7.0,
                _ => continue,
            };
            // The range it describes: in the same sentence, or for a
            // modifier ("the six-day operation") the next sentence of the
            // same paragraph.
            let mut measures = None;
            let range = ix.candidates(d).find(|&(_, r)| {
                r.kind == ClaimKind::DateRange
                    && (r.sentence == d.sentence
                        || ((d.modifier || *measures.get_or_insert_with(|| measures_time(cx, d)))
                            && refers_back(cx, &ix, d, r)))
            });
            let Some((ri, r)) = range else { continue };
            compared[di] = true;
            let Some(days) = range_days(&r.value) else {
                out.undecided(self.id(), di, "range dates incomplete; not compared".into());
                continue;
            };
            // A range is in days; a duration in weeks matches within two
            // days either way ("a week-long fair" of six or eight days), not
            // within a week: a "week-long" event of four days is wrong.
            let (lo, hi) = (amount.min * per, amount.max * per);
            let tolerance = if per > 1.0 { 2.0 } else { 0.0 };
            // The words are written from the two claims when shown: a text
            // of dates has a pair in every sentence.
            if (days as f64) + tolerance >= lo && (days as f64) - tolerance <= hi {
                out.pass_pair(self.id(), di, di, ri, agrees);
                out.pass_pair(self.id(), ri, di, ri, agrees);
            } else if days > 0 {
                out.flag_pair(cx, self.id(), di, ri, Severity::Error, d.span, vec![r.span], disagrees);
            }
        }
        super::duration_spans::check(cx, out, self.id(), &compared);
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::run_one;

    #[test]
    fn six_day_matches_inclusive_range() {
        let r = run_one(
            "duration-vs-range",
            "The six-day operation ran from March 18 to March 23.\n",
        );
        assert!(r.findings.is_empty());
        assert!(r.notes.iter().any(|n| n.passed && r.kept(n).contains("6 days")));
    }

    #[test]
    fn five_day_disagrees_with_six_day_range() {
        let r = run_one(
            "duration-vs-range",
            "The five-day operation ran from March 18 to March 23.\n",
        );
        assert_eq!(r.findings.len(), 1);
        assert_eq!(
            r.findings[0].message,
            "“five-day” disagrees with March 18 to March 23 (6 days, inclusive)"
        );
    }

    #[test]
    fn lasted_duration_in_the_next_sentence_is_compared() {
        let r = run_one(
            "duration-vs-range",
            "The strike ran from July 27 to Aug. 12. It lasted 16 days in all.\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        assert!(r.findings[0].message.contains("17 days"));
    }

    #[test]
    fn unrelated_duration_nearby_is_not_compared() {
        let r = run_one(
            "duration-vs-range",
            "The fair ran from June 1 to June 30. Tickets are valid for three days.\n",
        );
        assert!(r.findings.is_empty());
    }

    #[test]
    fn month_end_range_counts_across_months() {
        let r = run_one(
            "duration-vs-range",
            "The four-day festival ran from Jan. 30 to Feb. 2.\n",
        );
        assert!(r.findings.is_empty());
    }
}
