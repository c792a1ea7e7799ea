//! `sum-mismatch`: parts that should add up to a stated total and do not.
//! Only where the article says they should: a total split into a list
//! ("The $412 million is divided among five areas: $148 million …"), a
//! total with its parts ("a combined 127 arrests, 86 in … and 41 in …"),
//! or parts that end with "the remaining N". Parts that may overlap ("231
//! had convictions and 37 were wanted") are not summed.

use super::{Check, CheckContext, Report, Severity};
use crate::claims::{Claim, ClaimKind, Value, fmt};

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

impl Check for SumMismatch {
    fn id(&self) -> &'static str {
        "sum-mismatch"
    }

    fn description(&self) -> &'static str {
        "Parts that the article presents as adding up to a stated total and that do not."
    }

    fn run(&self, cx: &CheckContext, out: &mut Report) {
        let claims = cx.claims;
        for (ti, t) in claims.iter().enumerate() {
            if !matches!(t.kind, ClaimKind::Count | ClaimKind::Money) {
                continue;
            }
            let after = &cx.text[t.span.end..t.sentence.end];
            let before = cx.text[t.sentence.start..t.span.start].to_lowercase();
            let later: Vec<usize> = (ti + 1..claims.len())
                .filter(|&j| claims[j].sentence == t.sentence && same_kind(t, &claims[j]))
                .collect();
            // "The $412 million is divided among five broad areas: …"
            let split = ["divided", "split", "broken down", "allocated", "breaks down"]
                .iter()
                .any(|w| after.split(':').next().unwrap_or("").contains(w))
                && after.contains(':');
            // "a combined 127 arrests, 86 in … and 41 in …"
            let combined = before.trim_end().ends_with("combined")
                || before.trim_end().ends_with("total of")
                || before.trim_end().ends_with("a total");
            if (split && later.len() >= 2) || (combined && later.len() >= 2) {
                self.compare(cx, out, ti, &later);
                continue;
            }
            // Parts of this total that end with "the remaining N".
            let parts: Vec<usize> = (ti + 1..claims.len())
                .filter(|&j| claims[j].part_of == Some(ti))
                .collect();
            let closes = parts.last().is_some_and(|&l| {
                let head = cx.text[claims[l].sentence.start..claims[l].span.start].to_lowercase();
                head.trim_end().ends_with("remaining") || head.trim_end().ends_with("the other")
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
    fn overlapping_parts_are_not_summed() {
        let r = run_one(
            "sum-mismatch",
            "Of the 214 people arrested, 180 had convictions and 37 were wanted elsewhere.\n",
        );
        assert!(r.findings.is_empty());
    }
}
