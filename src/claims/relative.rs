//! Days named within a month: "the 20th of next month", "the first Monday
//! of this month", "the second Monday of last month", "the first Wednesday
//! of October 2014", "the last day of October". A month named from the
//! article ("next month") needs the article's date. "last month" and "next
//! year" alone are not read: copy uses them loosely, as periods around the
//! article rather than dates to check, and the project's labelled sets do
//! not count them as claims.

use jiff::civil::Date;

use super::calendar::{DateValue, Period};
use super::dates::{day_at, days_in_month, ordinal, weekday_of, year_after};
use super::numbers::Lex;
use crate::lexicon::{month, weekday};

/// "last" opens "the last Friday in March" and "the last day of May".
pub(crate) fn starts_relative(w: &str) -> bool {
    w.eq_ignore_ascii_case("last")
}

/// A day of a month named by reference, or a weekday counted in a month,
/// at `lex[i]`: (value, first index, index after).
pub(crate) fn relative_period_at(lex: &[Lex], i: usize, article: Option<Date>) -> Option<(Period, usize, usize)> {
    nth_weekday_at(lex, i, article).or_else(|| day_of_month_ref(lex, i, article?))
}

/// Month `m` of year `y` moved by `by` months.
fn shift(y: i16, m: u8, by: i8) -> (i16, u8) {
    let n = i32::from(y) * 12 + i32::from(m) - 1 + i32::from(by);
    ((n.div_euclid(12)) as i16, (n.rem_euclid(12) + 1) as u8)
}

/// "last", "next", "this" as a shift of months or years.
fn step(l: &Lex) -> Option<i8> {
    if l.is("last") || l.is("previous") {
        Some(-1)
    } else if l.is("next") || l.is("following") {
        Some(1)
    } else if l.is("this") || l.is("current") {
        Some(0)
    } else {
        None
    }
}

/// A month named by reference at `lex[k]`: "this month", "the current
/// month", "next month", "the previous month", "October", "October 2014".
/// Returns year, month and the index after.
fn month_ref(lex: &[Lex], k: usize, article: Option<Date>) -> Option<(i16, u8, usize)> {
    let k = if lex.get(k).is_some_and(|l| l.is("the")) {
        k + 1
    } else {
        k
    };
    let l = lex.get(k)?;
    if let Some(m) = month(l.text) {
        return match year_after(lex, k + 1, false) {
            Some((y, end)) => Some((y, m, end)),
            None => Some((article?.year(), m, k + 1)),
        };
    }
    let by = step(l)?;
    lex.get(k + 1).filter(|n| n.is("month"))?;
    let a = article?;
    let (y, m) = shift(a.year(), a.month() as u8, by);
    Some((y, m, k + 2))
}

/// "the 20th of next month", "20 of this month", "the 20th of the
/// previous month".
fn day_of_month_ref(lex: &[Lex], i: usize, a: Date) -> Option<(Period, usize, usize)> {
    let s = if lex[i].is("the") { i + 1 } else { i };
    let (day, e, _) = day_at(lex, s)?;
    lex.get(e).filter(|l| l.is("of"))?;
    // A month by name is the date grammar's ("the 4th of July").
    let k = if lex.get(e + 1).is_some_and(|l| l.is("the")) {
        e + 2
    } else {
        e + 1
    };
    step(lex.get(k)?)?;
    let (y, m, end) = month_ref(lex, e + 1, Some(a))?;
    let d = DateValue::ymd(Some(y), Some(m), Some(day));
    d.is_valid().then_some((Period::Day(d), i, end))
}

/// "the first Monday of this month", "second monday of last month", "the
/// last Friday in October 2014", "the last day of October 2015".
fn nth_weekday_at(lex: &[Lex], i: usize, article: Option<Date>) -> Option<(Period, usize, usize)> {
    let s = if lex[i].is("the") { i + 1 } else { i };
    let n = lex.get(s)?;
    let nth = if n.is("last") {
        -1
    } else {
        i8::try_from(ordinal(&n.lower())?).ok().filter(|&v| v <= 5)?
    };
    let w = lex.get(s + 1)?;
    let wd = if w.is("day") { None } else { Some(weekday(&w.lower())?) };
    lex.get(s + 2).filter(|l| l.is("of") || l.is("in"))?;
    let (y, m, end) = month_ref(lex, s + 3, article)?;
    let last = days_in_month(Some(y), m);
    let day = match (wd, nth) {
        (None, -1) => last,
        (None, n) => u8::try_from(n).ok()?,
        (Some(wd), n) => {
            let first = Date::new(y, m as i8, 1).ok()?;
            let first_wd = weekday_of(first);
            let d1 = 1 + (7 + wd - first_wd) % 7;
            if n == -1 {
                d1 + (last - d1) / 7 * 7
            } else {
                d1 + 7 * (u8::try_from(n).ok()? - 1)
            }
        }
    };
    let mut d = DateValue::ymd(Some(y), Some(m), Some(day));
    d.weekday = wd;
    (d.is_valid() && day <= last).then_some((Period::Day(d), i, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::numbers::lex;
    use crate::span::Span;

    fn read(text: &str, article: Option<Date>) -> Option<String> {
        let l = lex(text, Span::new(0, text.len()));
        match relative_period_at(&l, 0, article)? {
            (Period::Day(d), _, _) => Some(d.iso()),
            (Period::Range(..), _, _) => None,
        }
    }

    #[test]
    fn days_and_weekdays_in_a_month() {
        let a = Some(Date::new(2013, 2, 12).unwrap());
        assert_eq!(read("the 20th of next month", a).as_deref(), Some("2013-03-20"));
        assert_eq!(read("20 of this month", a).as_deref(), Some("2013-02-20"));
        assert_eq!(read("the first Monday of this month", a).as_deref(), Some("2013-02-04"));
        assert_eq!(read("second monday of last month", a).as_deref(), Some("2013-01-14"));
        assert_eq!(
            read("the last Friday in March 2024", None).as_deref(),
            Some("2024-03-29")
        );
        assert_eq!(read("last day of February 2023", None).as_deref(), Some("2023-02-28"));
        // No fifth Monday in February 2013.
        assert_eq!(read("the fifth Monday of this month", a), None);
        assert_eq!(read("the 30th of this month", a), None);
    }
}
