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
use crate::claims::{Claim, ClaimKind, Value, fmt};
use crate::lexicon::ends_with_ignore_case;

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
        let Some(tv) = exact(t) else { return };
        let values: Option<Vec<f64>> = parts.iter().map(|&p| exact(&cx.claims[p])).collect();
        let Some(values) = values else { return };
        let sum: f64 = values.iter().sum();
        let listed = values.iter().map(|v| fmt(*v)).collect::<Vec<_>>().join(" + ");
        if (sum - tv).abs() <= 1e-6 * tv.abs().max(1.0) {
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
            if (split && later.len() >= 2) || (combined && later.len() >= 2) {
                self.compare(cx, out, ti, &later);
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
        assert!(r.notes.iter().any(|n| n.passed && n.note.contains("= 412")));
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
        assert!(good.notes.iter().any(|n| n.passed && n.note.contains("= 64")));
    }

    #[test]
    fn overlapping_parts_are_not_summed() {
        let r = run_one(
            "sum-mismatch",
            "Of the 214 people arrested, 180 had convictions and 37 were wanted elsewhere.\n",
        );
        assert!(r.findings.is_empty());
    }
}
