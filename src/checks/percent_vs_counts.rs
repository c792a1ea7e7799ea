//! `percent-vs-counts`: a percentage (or "half", "a third", "one in five")
//! set beside a part of a total ("355, or 52 percent" after "Of the 812
//! respondents") that is not the share the counts give, allowing for the
//! rounding the article uses and for hedges ("nearly half" fits 48%).

use super::shares::{self, ShareLink, apposed};
use super::{Check, CheckContext, Report, Severity};
use crate::claims::numbers::Amount;
use crate::claims::{ClaimKind, fmt};

pub struct PercentVsCounts;

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
            if let Some(change) = shares::change_of(cx, pi) {
                self.compare_change(cx, pi, pct, change, out);
                continue;
            }
            let Some(link) = self.share_link(cx, pi) else {
                continue;
            };
            if link.whole == usize::MAX {
                out.undecided(
                    self.id(),
                    pi,
                    "no total found for the count beside it; not compared".into(),
                );
                continue;
            }
            let (n, w) = (&cx.claims[link.part], &cx.claims[link.whole]);
            let (Some(na), Some(wa)) = (n.value.amount(), w.value.amount()) else {
                continue;
            };
            let (Some(nv), Some(wv)) = (na.value, wa.value) else {
                continue;
            };
            let wv = wv + link.extra;
            if wv <= 0.0 {
                continue;
            }
            let share = nv / wv * 100.0;
            // The widest share the hedged counts allow ("about 650 of
            // roughly 4,300").
            let (lo, hi) = if link.extra == 0.0 && wa.min > 0.0 {
                (na.min / wa.max.max(wa.min) * 100.0, na.max / wa.min * 100.0)
            } else {
                (share, share)
            };
            // Whole percents are rounded; words ("half") are looser still.
            let words = !p.span.of(cx.text).chars().any(|c| c.is_ascii_digit());
            let slack = if words { 4.0 } else { 1.0 };
            let ok = hi.max(share) >= pct.min - slack && lo.min(share) <= pct.max + slack;
            let detail = format!("{} of {} is {}%", fmt(nv), fmt(wv), fmt((share * 10.0).round() / 10.0));
            if ok {
                out.pass(self.id(), pi, format!("{detail} ≈ {}", p.span.of(cx.text)));
                out.pass(self.id(), link.part, format!("{detail} ≈ {}", p.span.of(cx.text)));
            } else {
                let message = format!("{} disagrees with the counts: {detail}", cx.quoted(p.span));
                let mut related = vec![n.span, w.span];
                related.extend(link.other);
                out.flag(self.id(), Some(pi), link.severity, p.span, related, message);
            }
        }
    }
}

impl PercentVsCounts {
    /// The part and whole of the percentage at `pi`, if the wording links
    /// them.
    fn share_link(&self, cx: &CheckContext, pi: usize) -> Option<ShareLink> {
        let p = &cx.claims[pi];
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
        let whole_after = shares::whole_after(cx, pi);
        let Some((mut ni, n)) = part else {
            // "10% of the 4,300 employees …, which is about 650": the part
            // follows its whole; "This is nearly half of its production of
            // 7.4 million barrels": the part is the sentence before's.
            let wi = whole_after?;
            if let Some(ni) = shares::part_of_after(cx, pi, wi) {
                return Some(ShareLink::of(ni, wi, Severity::Error));
            }
            let ni = shares::part_before_sentence(cx, pi, wi)?;
            return Some(ShareLink::of(ni, wi, Severity::Warning));
        };
        // "146 of 214 inmates, or 45 percent": the count beside the
        // percentage is the total; the share is its part's.
        if n.part_of.is_none() {
            // The claims of the sentence, found by binary search.
            let lo = cx.claims.partition_point(|c| c.span.start < p.sentence.start);
            let hi = cx.claims.partition_point(|c| c.span.start < p.sentence.end);
            if let Some((k, _)) = cx.claims[lo..hi.max(lo)]
                .iter()
                .enumerate()
                .map(|(k, c)| (lo + k, c))
                .find(|(_, c)| c.whole() == Some(ni) && c.sentence == p.sentence)
            {
                ni = k;
            }
        }
        if let Some(wi) = cx.claims[ni].whole() {
            return Some(ShareLink::of(ni, wi, Severity::Error));
        }
        // "voted 66 to 27, or 71 percent": a tally's share of its votes.
        if let Some(link) = shares::tally(cx, pi, ni) {
            return Some(link);
        }
        // "5.7 million barrels, nearly half of its output of 7.4 million".
        if let Some(wi) = whole_after {
            return Some(ShareLink::of(ni, wi, Severity::Error));
        }
        Some(ShareLink::undecided(ni))
    }

    /// A percentage change ("a 73% increase from 88") against the counts
    /// it goes between.
    fn compare_change(&self, cx: &CheckContext, pi: usize, pct: &Amount, ch: shares::Change, out: &mut Report) {
        let p = &cx.claims[pi];
        let (from, to) = (&cx.claims[ch.from], &cx.claims[ch.to]);
        let (Some(fa), Some(ta)) = (from.value.amount(), to.value.amount()) else {
            return;
        };
        let (Some(fv), Some(tv)) = (fa.value, ta.value) else {
            return;
        };
        if fv <= 0.0 {
            return;
        }
        let change = (tv - fv) / fv * 100.0;
        // A rise said of a fall (or the reverse) means the counts are not
        // the ones the percentage is about.
        if (change > 0.0) != ch.up {
            out.undecided(
                self.id(),
                pi,
                "the counts around it move the other way; not compared".into(),
            );
            return;
        }
        let size = change.abs();
        // The widest change the hedged counts allow.
        let (lo, hi) = if fa.min > 0.0 {
            let a = ((ta.min - fa.max) / fa.max * 100.0).abs();
            let b = ((ta.max - fa.min) / fa.min * 100.0).abs();
            (a.min(b).min(size), a.max(b).max(size))
        } else {
            (size, size)
        };
        let slack = 1.0 + pct.max * 0.02;
        let ok = hi >= pct.min - slack && lo <= pct.max + slack;
        let detail = format!(
            "{} to {} is a {} of {}%",
            fmt(fv),
            fmt(tv),
            if ch.up { "rise" } else { "fall" },
            fmt((size * 10.0).round() / 10.0)
        );
        if ok {
            out.pass(self.id(), pi, format!("{detail} ≈ {}", p.span.of(cx.text)));
        } else {
            let message = format!("{} disagrees with the counts: {detail}", cx.quoted(p.span));
            out.flag(
                self.id(),
                Some(pi),
                ch.severity,
                p.span,
                vec![from.span, to.span],
                message,
            );
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
    #[test]
    fn share_before_its_whole_with_the_part_after() {
        let r = run_one(
            "percent-vs-counts",
            "Just 20% of the 1,200 nurses in the county are men, which is about 360 male nurses.\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        assert!(r.findings[0].message.contains("30%"), "{}", r.findings[0].message);
        let ok = run_one(
            "percent-vs-counts",
            "Just 30% of the 1,200 nurses in the county are men, which is about 360 male nurses.\nAbout half of the 900 workers in the plant live nearby, while 80 cities send the rest.\n",
        );
        assert!(ok.findings.is_empty(), "{:?}", ok.findings);
    }

    #[test]
    fn vote_tally_share() {
        let r = run_one(
            "percent-vs-counts",
            "The board voted 40 to 10, or 60 percent in favour, to close the school.\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        let ok = run_one(
            "percent-vs-counts",
            "The board voted 40 to 10, or 80 percent in favour. The bill passed 30-20 — 40 percent against.\n",
        );
        assert!(ok.findings.is_empty(), "{:?}", ok.findings);
    }

    #[test]
    fn share_of_a_whole_after_a_pointing_sentence() {
        let r = run_one(
            "percent-vs-counts",
            "Storms cut 300 flights on Monday. That is about a third of the airline's schedule of 1,500 flights.\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        let ok = run_one(
            "percent-vs-counts",
            "Storms cut 500 flights on Monday. That is about a third of the airline's schedule of 1,500 flights.\n",
        );
        assert!(ok.findings.is_empty(), "{:?}", ok.findings);
    }

    #[test]
    fn percentage_changes_between_counts() {
        let r = run_one(
            "percent-vs-counts",
            "Police logged 150 burglaries in June. It was a 20% rise from 100 burglaries a year earlier.\nExports fell 10% from 400 tonnes to 300 tonnes.\n",
        );
        assert_eq!(r.findings.len(), 2, "{:?}", r.findings);
        let ok = run_one(
            "percent-vs-counts",
            "Police logged 150 burglaries in June. It was a 50% rise from 100 burglaries a year earlier.\nExports fell 25% from 400 tonnes to 300 tonnes. Sales rose 5% from 2019.\n",
        );
        assert!(ok.findings.is_empty(), "{:?}", ok.findings);
    }
}
