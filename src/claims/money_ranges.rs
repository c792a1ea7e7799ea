//! Money beyond one amount: ranges with the currency once or twice ("$150
//! to $400", "between $3 and $4 billion", the scale shared) and the cents
//! after a whole amount ("15 dollars and 50", "3 GBP 1 pence").

use super::numbers::{Amount, scale_at};
use super::{ClaimKind, Ctx, Found, Value, money};

impl Ctx<'_> {
    /// "$150 to $400", "between $5.05 billion and $5.15 billion".
    pub(super) fn money_range(&self, start: usize, j: usize, first: Amount, cur: &'static str) -> Option<Found> {
        let l = &self.lex;
        let sep = l.get(j)?;
        let between = start > 0 && l[start - 1].is("between");
        if !(sep.is("to") || sep.text == "–" || (sep.is("and") && between)) || self.states_a_change(start) {
            return None;
        }
        // "$150 to $400"; "between $3 and 4 billion" with the symbol once.
        let k = if money::symbol(l.get(j + 1)?.text).is_some() {
            j + 2
        } else if between {
            j + 1
        } else {
            return None;
        };
        let mut b = l.get(k)?.digits_value()?;
        let mut end = k + 1;
        let mut scale = None;
        if let Some(s) = scale_at(l, end) {
            b *= s;
            end += 1;
            scale = Some(s);
        }
        let mut a = first.value?;
        // "between $3 and $4 billion": the scale is shared.
        if let Some(s) = scale.filter(|_| scale_at(l, j - 1).is_none() && a * 1000.0 < b) {
            a *= s;
        }
        let s = if between { start - 1 } else { start };
        Some(self.plain(s, end, ClaimKind::Money, Value::MoneyRange { a, b, currency: cur }))
    }

    /// "15 dollars and 50", "3 GBP 1 pence", "20 ringgit and 43 sen": the
    /// hundredths after a whole amount join it.
    pub(super) fn with_cents(&self, f: &mut Found) {
        let l = &self.lex;
        let Value::Money { amount, .. } = &mut f.value else {
            return;
        };
        let Some(whole) = amount.value.filter(|v| amount.is_exact() && v.fract() == 0.0) else {
            return;
        };
        let k = if l.get(f.end).is_some_and(|x| x.is("and")) {
            f.end + 1
        } else {
            f.end
        };
        let Some(n) = l
            .get(k)
            .filter(|x| x.text.len() <= 2 && x.text.bytes().all(|b| b.is_ascii_digit()))
        else {
            return;
        };
        let cents: f64 = n.text.parse().unwrap_or(0.0);
        let (end, ok) = match money::after(l, k + 1) {
            Some((c, end)) if c.factor == 0.01 => (end, true),
            Some(_) => return,
            None => (k + 1, l.get(k + 1).is_none_or(|x| !x.is_word())),
        };
        if ok && (1.0..100.0).contains(&cents) {
            *amount = Amount::exact(whole + cents / 100.0);
            f.end = end;
        }
    }
}
