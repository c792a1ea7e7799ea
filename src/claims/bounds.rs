//! Two bounds joined into one range: "larger than 10 and smaller than 20",
//! "above 1000 and below 1500", "no more than 50 and no less than 20" are
//! the counts 10–20, 1000–1500 and 20–50. Each half alone is a hedged
//! count; read together they state where the number lies.

use super::numbers::{Qualifier, hedge_before};
use super::{ClaimKind, Ctx, Found, Value};

fn lower(q: Qualifier) -> bool {
    matches!(q, Qualifier::MoreThan | Qualifier::AtLeast)
}

fn upper(q: Qualifier) -> bool {
    matches!(q, Qualifier::LessThan | Qualifier::AtMost)
}

impl Ctx<'_> {
    /// The hedged count `f` joined by "and" to a second bound on the
    /// other side: one count range over both.
    pub(super) fn joined_bounds(&self, f: &Found) -> Option<Found> {
        let l = &self.lex;
        let (ClaimKind::Count, Value::Number(a)) = (f.kind, &f.value) else {
            return None;
        };
        let (q1, v1) = (a.qualifier?, a.value?);
        if !(lower(q1) || upper(q1)) || !l.get(f.end)?.is("and") {
            return None;
        }
        // The second hedge is two to five words long ("below", "less or
        // equal than"); its number follows it.
        let second = (f.end + 2..=(f.end + 6).min(l.len().saturating_sub(1))).find_map(|k| {
            let (h, q2) = hedge_before(l, k).filter(|(h, _)| *h == f.end + 1)?;
            let g = self.numeric(k)?;
            let (ClaimKind::Count, Value::Number(b)) = (g.kind, &g.value) else {
                return None;
            };
            // The number reads its own hedge, or none where the phrase is
            // not one it knows alone.
            (b.is_exact() || b.qualifier == Some(q2)).then_some((h, q2, b.value?, g.end))
        });
        let (_, q2, v2, end) = second?;
        let (lo, hi) = if lower(q1) && upper(q2) {
            (v1, v2)
        } else if upper(q1) && lower(q2) {
            (v2, v1)
        } else {
            return None;
        };
        (lo < hi).then_some(Found {
            kind: ClaimKind::Count,
            start: f.start,
            end,
            value: Value::Pair {
                a: lo,
                b: hi,
                unit: "range",
            },
            modifier: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::ClaimKind;
    use crate::claims::tests::one;
    use serde_json::json;

    #[test]
    fn two_bounds_make_a_range() {
        let (span, kind, v) = one("The figure is larger than 10 and smaller than 20.");
        assert_eq!(
            (span.as_str(), kind),
            ("larger than 10 and smaller than 20", ClaimKind::Count)
        );
        assert_eq!(v, json!({"amount": [10, 20], "unit": "range"}));
        let (_, _, v) = one("It was no more than 50 and no less than 20.");
        assert_eq!(v, json!({"amount": [20, 50], "unit": "range"}));
        let (_, _, v) = one("Bids came in above 1000 and below 1500.");
        assert_eq!(v, json!({"amount": [1000, 1500], "unit": "range"}));
        // Bounds that leave no room are two claims.
        assert_eq!(
            crate::claims::tests::claims("It was more than 30 and less than 20.").len(),
            2
        );
    }
}
