//! Heights and lengths in two units: "6 feet 1 inch", "5 feet and 2
//! inches", "5 ft 11 in" are one length in feet, not two claims.

use super::numbers::Amount;
use super::{ClaimKind, Ctx, Found, Value};

impl Ctx<'_> {
    /// After `amount` feet ending at `end`: the inches that complete it.
    pub(super) fn feet_and_inches(&self, i: usize, unit: &str, end: usize, amount: Amount) -> Option<Found> {
        let l = &self.lex;
        if unit != "ft" || !amount.is_exact() {
            return None;
        }
        let k = if l.get(end).is_some_and(|x| x.is("and")) {
            end + 1
        } else {
            end
        };
        let inches = l.get(k)?.digits_value().filter(|v| *v < 12.0)?;
        let u = l.get(k + 1)?;
        if !(u.is_one_of(&["inch", "inches", "in"]) || u.text == "\"" || u.text == "”") {
            return None;
        }
        let feet = amount.value? + inches / 12.0;
        Some(self.hedged_from(
            i,
            k + 2,
            ClaimKind::Quantity,
            |a| Value::Quantity { amount: a, unit: "ft" },
            Amount::exact(feet),
        ))
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::tests::one;

    #[test]
    fn feet_and_inches_are_one_height() {
        let (span, _, v) = one("He is 6 feet 1 inch tall.");
        assert_eq!(span, "6 feet 1 inch");
        assert!((v["amount"].as_f64().unwrap() - (6.0 + 1.0 / 12.0)).abs() < 1e-3);
        assert_eq!(v["unit"], "ft");
        let (span, _, _) = one("She is 5 feet and 2 inches.");
        assert_eq!(span, "5 feet and 2 inches");
    }
}
