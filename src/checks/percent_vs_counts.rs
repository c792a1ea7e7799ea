//! `percent-vs-counts`: a percentage (or "half", "a third", "one in five")
//! set beside a part of a total ("355, or 52 percent" after "Of the 812
//! respondents") that is not the share the counts give, allowing for the
//! rounding the article uses and for hedges ("nearly half" fits 48%).

use super::{Check, CheckContext, Report, Severity};
use crate::claims::{ClaimKind, fmt};

pub struct PercentVsCounts;

/// Text between a count and a percentage that sets them side by side:
/// "355, or 52 percent", "52 — about 60 percent —", "23,300 of them … — nearly half".
fn apposed(between: &str) -> bool {
    let tail = between.trim_end();
    let close = tail.ends_with([',', '—', '–', '(']) || tail.ends_with(" or") || tail.trim() == "or";
    close && !between.chars().any(|c| c.is_ascii_digit()) && between.len() < 60
}

impl Check for PercentVsCounts {
    fn id(&self) -> &'static str {
        "percent-vs-counts"
    }

    fn description(&self) -> &'static str {
        "A percentage or fraction that disagrees with the counts it summarises, allowing for rounding and hedges."
    }

    fn run(&self, cx: &CheckContext, out: &mut Report) {
        for (pi, p) in cx.claims.iter().enumerate() {
            // Percentage points are a change between two shares: no count
            // beside them is their part.
            if p.kind != ClaimKind::Percent || p.noun.as_deref() == Some("percentage points") {
                continue;
            }
            let Some(pct) = p.value.amount() else { continue };
            // The part: the nearest count before it in the sentence, set beside it.
            // Only the claims of its own sentence are read (claims are in
            // text order), so a run of percentages stays linear.
            let part = cx.claims[..pi]
                .iter()
                .enumerate()
                .rev()
                .take_while(|(_, c)| c.span.start >= p.sentence.start)
                .find(|(_, c)| c.sentence == p.sentence && c.kind == ClaimKind::Count)
                .filter(|(_, c)| apposed(&cx.text[c.span.end..p.span.start]));
            let Some((mut ni, mut n)) = part else { continue };
            // "146 of 214 inmates, or 45 percent": the count beside the
            // percentage is the total; the share is its part's.
            if n.part_of.is_none() {
                // The claims of the sentence, found by binary search.
                let lo = cx.claims.partition_point(|c| c.span.start < p.sentence.start);
                let hi = cx.claims.partition_point(|c| c.span.start < p.sentence.end);
                if let Some((k, c)) = cx.claims[lo..hi.max(lo)]
                    .iter()
                    .enumerate()
                    .map(|(k, c)| (lo + k, c))
                    .find(|(_, c)| c.part_of == Some(ni) && c.sentence == p.sentence)
                {
                    (ni, n) = (k, c);
                }
            }
            let Some(wi) = n.part_of else {
                out.undecided(
                    self.id(),
                    pi,
                    "no total found for the count beside it; not compared".into(),
                );
                continue;
            };
            let w = &cx.claims[wi];
            let (Some(nv), Some(wv)) = (
                n.value.amount().and_then(|a| a.value),
                w.value.amount().and_then(|a| a.value),
            ) else {
                continue;
            };
            if wv <= 0.0 {
                continue;
            }
            let share = nv / wv * 100.0;
            // Whole percents are rounded; words ("half") are looser still.
            let words = !p.span.of(cx.text).chars().any(|c| c.is_ascii_digit());
            let slack = if words { 4.0 } else { 1.0 };
            let ok = share >= pct.min - slack && share <= pct.max + slack;
            let detail = format!("{} of {} is {}%", fmt(nv), fmt(wv), fmt((share * 10.0).round() / 10.0));
            if ok {
                out.pass(self.id(), pi, format!("{detail} ≈ {}", p.span.of(cx.text)));
                out.pass(self.id(), ni, format!("{detail} ≈ {}", p.span.of(cx.text)));
            } else {
                let message = format!("{} disagrees with the counts: {detail}", cx.quoted(p.span));
                out.flag(
                    self.id(),
                    Some(pi),
                    Severity::Error,
                    p.span,
                    vec![n.span, w.span],
                    message,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::run_one;

    #[test]
    fn wrong_share_is_an_error() {
        let r = run_one(
            "percent-vs-counts",
            "Of the 812 respondents, 355, or 52 percent, said no.\n",
        );
        assert_eq!(r.findings.len(), 1);
        assert!(r.findings[0].message.contains("43.7%"), "{}", r.findings[0].message);
    }

    #[test]
    fn rounded_and_hedged_shares_pass() {
        let r = run_one(
            "percent-vs-counts",
            "Of the 86 people arrested, 52 — about 60 percent — were charged.\n48,500 customers lost power, 23,300 of them in Carver County — nearly half.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
        assert_eq!(r.notes.iter().filter(|n| n.passed).count(), 4);
    }

    #[test]
    fn direct_of_total_is_compared() {
        let r = run_one(
            "percent-vs-counts",
            "Investigators said 146 of 214 inmates, or 45 percent, were released.\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    }
}
