//! Dates as newsrooms write them: "March 18", "Sept. 4, 2025", "Tuesday,
//! March 11", "March 2024", a bare month or year, and ranges written every
//! way ("from March 18 to March 23", "March 18–23", "between June 1 and
//! June 30", "2015 to 2021"). The year comes from the date itself, else the
//! article's date; bare weekdays resolve against the article's date.

use jiff::civil::Date;
use serde::Serialize;

use super::numbers::Lex;
use crate::lexicon::{month, weekday};

/// A calendar date as precise as the text makes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DateValue {
    pub year: Option<i16>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// The weekday the text names (Monday = 1), if any.
    pub weekday: Option<u8>,
}

impl DateValue {
    /// `YYYY-MM-DD`, `--MM-DD` without a year, `YYYY-MM`, or `YYYY`.
    pub fn iso(&self) -> String {
        let mut out = String::with_capacity(10);
        self.push_iso(&mut out);
        out
    }

    /// Appends [`DateValue::iso`] to `out`. Worksheet values and check notes
    /// are built for every claim, so this writes digits without `format!`.
    pub fn push_iso(&self, out: &mut String) {
        match (self.year, self.month, self.day) {
            (Some(y), m, d) => {
                push_year(out, y);
                if let Some(m) = m {
                    out.push('-');
                    push_two_digits(out, m);
                    if let Some(d) = d {
                        out.push('-');
                        push_two_digits(out, d);
                    }
                }
            }
            (None, Some(m), d) => {
                out.push_str("--");
                push_two_digits(out, m);
                if let Some(d) = d {
                    out.push('-');
                    push_two_digits(out, d);
                }
            }
            (None, None, _) => {}
        }
    }

    pub fn civil(&self) -> Option<Date> {
        Date::new(self.year?, self.month? as i8, self.day? as i8).ok()
    }

    /// Day-of-year key for comparing dates without a year.
    pub fn month_day(&self) -> Option<(u8, u8)> {
        Some((self.month?, self.day?))
    }
}

/// A year as four digits (`{:04}`).
fn push_year(out: &mut String, y: i16) {
    match u16::try_from(y) {
        Ok(y) => push_padded(out, u64::from(y), 4),
        Err(_) => out.push_str(&format!("{y:04}")),
    }
}

/// A month or day as two digits (`{:02}`).
fn push_two_digits(out: &mut String, n: u8) {
    push_padded(out, u64::from(n), 2);
}

/// `n` with zeros in front to `width` digits, as `{:0width$}` writes it.
pub(crate) fn push_padded(out: &mut String, mut n: u64, width: usize) {
    // Digits from the right into a buffer (a division by a constant ten is
    // a multiply), then appended.
    let mut digits = [b'0'; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(std::iter::repeat_n('0', width.saturating_sub(digits.len() - start)));
    out.extend(digits[start..].iter().map(|&d| char::from(d)));
}

/// Weekday number (Monday = 1) of a civil date.
pub fn weekday_of(d: Date) -> u8 {
    d.weekday().to_monday_one_offset() as u8
}

pub fn weekday_name(n: u8) -> &'static str {
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ][(n.clamp(1, 7) - 1) as usize]
}

/// Days in a range, counted inclusively (March 18 to March 23 = 6).
pub fn inclusive_days(start: Date, end: Date) -> Option<i64> {
    let span = start.until(end).ok()?;
    Some(i64::from(span.get_days()) + 1)
}

fn is_day(l: &Lex) -> Option<u8> {
    let t = l.text.trim_end_matches(|c: char| c.is_alphabetic());
    // "18th" and "3rd" count too.
    if !l.is_digits() || t.len() > 2 {
        return None;
    }
    let v: u8 = t.parse().ok()?;
    (1..=31).contains(&v).then_some(v)
}

fn is_year(l: &Lex) -> Option<i16> {
    if l.text.len() != 4 || !l.text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v: i16 = l.text.parse().ok()?;
    (1800..=2100).contains(&v).then_some(v)
}

pub(crate) fn month_at(lex: &[Lex], i: usize) -> Option<u8> {
    let l = lex.get(i)?;
    if !l.is_capitalized() {
        return None;
    }
    month(l.text)
}

/// A date starting at `lex[i]`: (value, index after). `bare_month_ok` lets
/// a month stand alone ("in March").
pub(crate) fn date_at(lex: &[Lex], i: usize) -> Option<(DateValue, usize)> {
    // "Tuesday, March 11" or a bare weekday.
    if let Some(wd) = lex
        .get(i)
        .filter(|l| l.is_capitalized())
        .and_then(|l| weekday(l.text.trim_end_matches("’s").trim_end_matches("'s")))
    {
        let j = if lex.get(i + 1).is_some_and(|l| l.is(",")) {
            i + 2
        } else {
            i + 1
        };
        if let Some((mut d, end)) = month_date_at(lex, j) {
            if d.day.is_some() {
                d.weekday = Some(wd);
                return Some((d, end));
            }
        }
        return Some((
            DateValue {
                year: None,
                month: None,
                day: None,
                weekday: Some(wd),
            },
            i + 1,
        ));
    }
    month_date_at(lex, i)
}

fn month_date_at(lex: &[Lex], i: usize) -> Option<(DateValue, usize)> {
    let m = month_at(lex, i)?;
    let mut d = DateValue {
        year: None,
        month: Some(m),
        day: None,
        weekday: None,
    };
    let mut j = i + 1;
    if let Some(day) = lex.get(j).and_then(is_day) {
        d.day = Some(day);
        j += 1;
        if lex.get(j).is_some_and(|l| l.is(",")) {
            if let Some(y) = lex.get(j + 1).and_then(is_year) {
                d.year = Some(y);
                j += 2;
            }
        } else if let Some(y) = lex.get(j).and_then(is_year) {
            d.year = Some(y);
            j += 1;
        }
        return Some((d, j));
    }
    if let Some(y) = lex.get(j).and_then(is_year) {
        d.year = Some(y);
        return Some((d, j + 1));
    }
    // A bare month: "May" is too often the verb unless a preposition leads.
    let prev = i.checked_sub(1).and_then(|k| lex.get(k)).map(|l| l.lower());
    let prep = prev.as_deref().is_some_and(|p| {
        matches!(
            p,
            "in" | "since"
                | "until"
                | "by"
                | "through"
                | "of"
                | "last"
                | "next"
                | "early"
                | "late"
                | "mid"
                | "this"
                | "from"
                | "to"
                | "before"
                | "after"
                | "during"
                | "between"
                | "and"
        )
    });
    if m == 5 && !prep {
        return None;
    }
    Some((d, j))
}

/// A year alone ("in 2019") at `lex[i]`.
pub(crate) fn year_at(lex: &[Lex], i: usize) -> Option<i16> {
    is_year(lex.get(i)?)
}

/// A range separator at `lex[i]`: "to", "through", "until", a dash.
pub(crate) fn is_range_sep(l: &Lex) -> bool {
    l.is_one_of(&["to", "through", "until", "thru", "-", "–", "—", "and"])
}

/// The article's own date: the first full date with a year near the top.
pub(crate) fn article_date(lex_paragraphs: &[Vec<Lex>]) -> Option<Date> {
    for lex in lex_paragraphs.iter().take(4) {
        for i in 0..lex.len() {
            if let Some((d, _)) = month_date_at(lex, i) {
                if let Some(c) = d.civil() {
                    return Some(c);
                }
            }
        }
    }
    None
}

/// Gives a month-day or a month the year it most likely has: the
/// article's year, moved a year on when the sentence looks ahead and the
/// date would otherwise be past ("will rise on Jan. 1" in a June article),
/// or a year back when it looks back and the date would be months ahead.
pub fn resolve_year(d: &mut DateValue, article: Option<Date>, future: bool) {
    let Some(a) = article else { return };
    if d.year.is_some() {
        return;
    }
    d.year = Some(a.year());
    let am = a.month() as u8;
    match (d.month, d.day) {
        (Some(m), Some(day)) => {
            let Ok(c) = Date::new(a.year(), m as i8, day as i8) else {
                return;
            };
            let ahead = c.since(a).map(|s| s.get_days()).unwrap_or(0);
            if future && ahead < 0 {
                d.year = Some(a.year() + 1);
            } else if !future && ahead > 240 {
                d.year = Some(a.year() - 1);
            }
        }
        (Some(m), None) => {
            // A month alone: the next one when the sentence looks ahead,
            // else the nearest, up to five months ahead, else last year's.
            if future && m < am {
                d.year = Some(a.year() + 1);
            } else if !future && m > am + 5 {
                d.year = Some(a.year() - 1);
            }
        }
        _ => {}
    }
}

/// Resolves a bare weekday against the article date: the next such day when
/// the sentence looks ahead ("will reopen Monday", "by Sunday"), else the
/// last one on or before the article date.
pub fn resolve_weekday(d: &mut DateValue, article: Option<Date>, future: bool) {
    let (Some(a), Some(wd)) = (article, d.weekday) else {
        return;
    };
    let today = weekday_of(a) as i64;
    let wd = wd as i64;
    let offset = if future {
        let o = (wd - today).rem_euclid(7);
        if o == 0 { 7 } else { o }
    } else {
        // The article's own weekday is the article's day.
        -((today - wd).rem_euclid(7))
    };
    if let Ok(date) = a.checked_add(jiff::Span::new().days(offset)) {
        d.year = Some(date.year());
        d.month = Some(date.month() as u8);
        d.day = Some(date.day() as u8);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::numbers::lex;
    use crate::span::Span;

    #[test]
    fn padded_numbers_are_what_format_writes() {
        for (n, width) in [
            (0, 1),
            (7, 2),
            (12, 2),
            (2024, 4),
            (99, 4),
            (1234, 1),
            (u64::MAX, 1),
            (5, 0),
        ] {
            let mut out = String::from("x");
            push_padded(&mut out, n, width);
            assert_eq!(out, format!("x{n:0width$}"));
        }
    }

    #[test]
    fn six_day_window_is_inclusive() {
        let a = Date::new(2025, 3, 18).unwrap();
        let b = Date::new(2025, 3, 23).unwrap();
        assert_eq!(inclusive_days(a, b), Some(6));
        let c = Date::new(2025, 1, 30).unwrap();
        let d = Date::new(2025, 2, 2).unwrap();
        assert_eq!(inclusive_days(c, d), Some(4));
    }

    #[test]
    fn iso_forms_say_only_what_the_text_gives() {
        let d = |year, month, day| DateValue {
            year,
            month,
            day,
            weekday: None,
        };
        assert_eq!(d(Some(2025), Some(3), Some(8)).iso(), "2025-03-08");
        assert_eq!(d(None, Some(12), Some(25)).iso(), "--12-25");
        assert_eq!(d(Some(2024), Some(11), None).iso(), "2024-11");
        assert_eq!(d(None, Some(9), None).iso(), "--09");
        assert_eq!(d(Some(987), None, Some(4)).iso(), "0987");
        assert_eq!(d(None, None, Some(4)).iso(), "");
    }

    #[test]
    fn weekday_resolves_backwards_and_forwards() {
        let thursday = Date::new(2024, 5, 9).unwrap();
        let mut d = DateValue {
            year: None,
            month: None,
            day: None,
            weekday: Some(7),
        };
        resolve_weekday(&mut d, Some(thursday), true);
        assert_eq!(d.iso(), "2024-05-12");
        let mut d = DateValue {
            year: None,
            month: None,
            day: None,
            weekday: Some(2),
        };
        resolve_weekday(&mut d, Some(thursday), false);
        assert_eq!(d.iso(), "2024-05-07");
    }

    #[test]
    fn ap_abbreviation_with_year() {
        let t = "Sept. 4, 2025";
        let l = lex(t, Span::new(0, t.len()));
        let (d, end) = date_at(&l, 0).unwrap();
        assert_eq!((d.iso().as_str(), end), ("2025-09-04", 4));
    }
}
