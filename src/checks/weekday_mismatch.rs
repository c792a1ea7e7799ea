//! `weekday-mismatch`: a weekday written with a date ("Thursday, Jan. 22")
//! that is not that date's weekday in the article's year.

use super::{Check, CheckContext, Report, Severity};
use crate::claims::Value;
use crate::claims::dates::{weekday_name, weekday_of};

pub struct WeekdayMismatch;

impl Check for WeekdayMismatch {
    fn id(&self) -> &'static str {
        "weekday-mismatch"
    }

    fn description(&self) -> &'static str {
        "A weekday given with a date that falls on another weekday in the article's year."
    }

    fn run(&self, cx: &CheckContext, out: &mut Report) {
        for (i, c) in cx.claims.iter().enumerate() {
            let Value::Date(d) = &c.value else { continue };
            let (Some(stated), Some(_)) = (d.weekday, d.day) else {
                continue;
            };
            // A bare weekday was resolved from the weekday itself, so there
            // is nothing to check, unless it stands in apposition to a date
            // ("on Jan. 22, a Thursday").
            let with_date = c.span.of(cx.text).contains(|ch: char| ch.is_ascii_digit());
            let apposed = i > 0 && {
                let prev = &cx.claims[i - 1];
                let gap = cx.text.get(prev.span.end..c.span.start).unwrap_or("");
                matches!(prev.value, Value::Date(_)) && matches!(gap.trim(), ", a" | ", the")
            };
            if !with_date && !apposed {
                continue;
            }
            let Some(date) = d.civil() else {
                out.undecided(self.id(), i, "no year to check the weekday against".into());
                continue;
            };
            let actual = weekday_of(date);
            if actual == stated {
                out.pass(self.id(), i, format!("{} is a {}", d.iso(), weekday_name(actual)));
            } else {
                let message = format!(
                    "{} says {}, but {} is a {}",
                    cx.quoted(c.span),
                    weekday_name(stated),
                    date.strftime("%B %-d, %Y"),
                    weekday_name(actual)
                );
                out.flag(self.id(), Some(i), Severity::Error, c.span, vec![], message);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::run_one;

    #[test]
    fn wrong_weekday_is_an_error() {
        let r = run_one(
            "weekday-mismatch",
            "BOSTON, Jan. 24, 2025 — The clinic opened Thursday, Jan. 22.\n",
        );
        assert_eq!(r.findings.len(), 1);
        assert!(r.findings[0].message.contains("Wednesday"), "{}", r.findings[0].message);
    }

    #[test]
    fn right_weekday_passes() {
        let r = run_one(
            "weekday-mismatch",
            "BOSTON, Jan. 24, 2025 — The clinic opened Wednesday, Jan. 22.\n",
        );
        assert!(r.findings.is_empty());
    }

    #[test]
    fn weekday_in_apposition_after_the_date() {
        let r = run_one(
            "weekday-mismatch",
            "BOSTON, Jan. 24, 2025 — The clinic opened on Jan. 22, a Thursday.\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    }
}
