//! Shares written as ratios and percent ranges: "7 in 10", "nearly 6 in
//! 10" (70 and a hedged 60 percent, not the counts 7 and 10), and "8% to
//! 12%", "between 8 and 12 percent" (one percent range). "rose from 8% to
//! 12%" is a before and an after, and stays two values.

use super::numbers::{Amount, Lex, words_number};
use super::{ClaimKind, Ctx, Found, Value};

/// A number at `lex[k]` in figures or words: value and index after.
fn number_at(lex: &[Lex], k: usize) -> Option<(f64, usize)> {
    match lex.get(k)?.digits_value() {
        Some(v) => Some((v, k + 1)),
        None => words_number(lex, k),
    }
}

/// "%", "percent", "per cent" at `lex[j]`: the index after.
fn percent_sign(lex: &[Lex], j: usize) -> Option<usize> {
    let l = lex.get(j)?;
    if l.text == "%" || l.is("percent") {
        Some(j + 1)
    } else if l.is("per") && lex.get(j + 1).is_some_and(|n| n.is("cent")) {
        Some(j + 2)
    } else {
        None
    }
}

impl Ctx<'_> {
    /// "7 in 10" after a number worth `v` that ends at `j`: the share in
    /// percent, hedged as the number before it is ("nearly 6 in 10").
    pub(super) fn ratio(&self, i: usize, j: usize, amount: Amount) -> Option<Found> {
        let l = &self.lex;
        let v = amount.value.filter(|_| amount.is_exact())?;
        l.get(j).filter(|x| x.is("in"))?;
        let (d, end) = number_at(l, j + 1)?;
        // "1 in 3", "9 in 10"; "7 in 2019" is a count and a year.
        if !(d > v && d <= 1000.0 && v > 0.0) || l[j + 1].text.len() == 4 {
            return None;
        }
        let share = (v / d * 10000.0).round() / 100.0;
        Some(self.hedged(i, end, ClaimKind::Percent, Value::Number(Amount::exact(share))))
    }

    /// "8% to 12%", "8 to 12 percent", "between 8% and 12%" from the first
    /// percentage, which starts at `i` and ends at `end`.
    pub(super) fn percent_range(&self, i: usize, end: usize, first: Amount) -> Option<Found> {
        let l = &self.lex;
        let a = first.value.filter(|_| first.is_exact())?;
        let between = i > 0 && l[i - 1].is("between");
        let sep = l.get(end)?;
        if !(sep.is("to") || sep.text == "–" || sep.text == "-" || (sep.is("and") && between))
            || self.states_a_change(i)
        {
            return None;
        }
        let (b, e) = number_at(l, end + 1)?;
        let after = percent_sign(l, e)?;
        (a < b).then(|| {
            let start = if between || (i > 0 && l[i - 1].is("from")) {
                i - 1
            } else {
                i
            };
            self.plain(start, after, ClaimKind::Percent, Value::Pair { a, b, unit: "range" })
        })
    }

    /// "8 to 12 percent": a range whose sign comes once, at its end.
    pub(super) fn bare_percent_range(&self, i: usize, j: usize, first: Amount) -> Option<Found> {
        let l = &self.lex;
        let sep = l.get(j)?;
        if !(sep.is("to") || sep.text == "–" || (sep.is("and") && i > 0 && l[i - 1].is("between"))) {
            return None;
        }
        let (_, e) = number_at(l, j + 1)?;
        percent_sign(l, e)?;
        self.percent_range(i, j, first)
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::ClaimKind;
    use crate::claims::tests::{claims, one};
    use serde_json::json;

    #[test]
    fn ratios_are_shares() {
        assert_eq!(one("7 in 10 voters agree.").2, json!(70));
        let (span, kind, v) = one("Nearly 6 in 10 voters agree.");
        assert_eq!((span.as_str(), kind), ("Nearly 6 in 10", ClaimKind::Percent));
        assert_eq!(v["qualifier"], "nearly");
        assert_eq!(v["value"], 60);
        assert_eq!(one("One in five voters agree.").2, json!(20));
    }

    #[test]
    fn percent_ranges() {
        let range = json!({"amount": [8, 12], "unit": "range"});
        assert_eq!(one("Rates will be 8% to 12%.").2, range);
        assert_eq!(one("Rates will be between 8% and 12%.").2, range);
        assert_eq!(one("Rates will be 8 to 12 percent.").2, range);
        // A change is a before and an after.
        assert_eq!(claims("Rates rose from 8% to 12%.").len(), 2);
    }
}
