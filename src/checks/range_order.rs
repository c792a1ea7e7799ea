//! `range-order`: a date range whose end comes before its start ("from May
//! 2 to April 30"). Ranges across New Year and fiscal years ("July 1 to
//! June 30") were already given their second year by the claim grammar.

use super::{Check, CheckContext, Report, Severity};
use crate::claims::Value;

pub struct RangeOrder;

impl Check for RangeOrder {
    fn id(&self) -> &'static str {
        "range-order"
    }

    fn description(&self) -> &'static str {
        "A date range whose end comes before its start."
    }

    fn run(&self, cx: &CheckContext, out: &mut Report) {
        for (i, c) in cx.claims.iter().enumerate() {
            let Value::DateRange(a, b) = &c.value else { continue };
            let reversed = match (a.civil(), b.civil()) {
                (Some(x), Some(y)) => y < x,
                _ => match (a.month_day(), b.month_day(), a.year, b.year) {
                    (Some(x), Some(y), None, None) => y < x,
                    // Years on both ends: compare as far as both go
                    // ("January 2016 and December 2015" by month, "2016
                    // until May 2008" by year).
                    (_, _, Some(x), Some(y)) => match (a.month, b.month) {
                        (Some(m), Some(n)) => (y, n) < (x, m),
                        _ => y < x,
                    },
                    _ => false,
                },
            };
            if reversed {
                let message = format!(
                    "{} ends ({}) before it starts ({})",
                    cx.quoted(c.span),
                    b.iso(),
                    a.iso()
                );
                out.flag(self.id(), Some(i), Severity::Error, c.span, vec![], message);
            } else {
                // Written when shown: a text of dates has one in every sentence.
                out.pass_pair(self.id(), i, i, i, comes_before);
            }
        }
    }
}

/// "2025-03-18 comes before 2025-03-23": the note on range `i` in order.
fn comes_before(cx: &CheckContext, i: usize, _: usize) -> String {
    match &cx.claims[i].value {
        Value::DateRange(a, b) => format!("{} comes before {}", a.iso(), b.iso()),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::run_one;

    #[test]
    fn reversed_range_is_an_error() {
        let r = run_one(
            "range-order",
            "BOSTON, May 9, 2024 — Rain fell from May 2 to April 30.\n",
        );
        assert_eq!(r.findings.len(), 1);
    }

    #[test]
    fn reversed_months_and_bare_days_are_errors() {
        let r = run_one(
            "range-order",
            "BOSTON, May 9, 2024 — Sales fell between March 2021 and October 2020. The survey ran from June 20 to 4 of last year.\n",
        );
        assert_eq!(r.findings.len(), 2, "{:?}", r.findings);
    }

    #[test]
    fn month_ranges_in_order_and_across_new_year_pass() {
        let r = run_one(
            "range-order",
            "BOSTON, May 9, 2024 — Sales fell between October 2020 and March 2021, and from November to February. It ran from June 4 to 20 of last year.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }

    #[test]
    fn fiscal_year_and_new_year_ranges_are_in_order() {
        let r = run_one(
            "range-order",
            "BOSTON, May 9, 2024 — The fiscal year runs from July 1 to June 30. The break ran from Dec. 28 to Jan. 3.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }
}
