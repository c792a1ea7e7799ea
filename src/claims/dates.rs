//! Dates as newsrooms write them: "March 18", "Sept. 4, 2025", "Tuesday,
//! March 11", "March 2024", a bare month or year, and ranges written every
//! way ("from March 18 to March 23", "March 18–23", "between June 1 and
//! June 30", "2015 to 2021"). The year comes from the date itself, else the
//! article's date; bare weekdays resolve against the article's date.

use std::sync::LazyLock;

use jiff::civil::Date;

use super::calendar::DateValue;
use super::numbers::{Lex, adjacent};
use crate::lexicon::{month, weekday};

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

/// Ordinal words ("first", "twenty-ninth") and their numbers.
pub(crate) const ORDINALS_SRC: &str = include_str!("../../data/lexicon/ordinals.txt");

pub(crate) static ORDINALS: LazyLock<crate::lexicon::WordTable<u8>> = LazyLock::new(|| {
    crate::lexicon::entries(ORDINALS_SRC)
        .filter_map(|l| l.split_once(' '))
        .filter_map(|(w, n)| Some((w, n.trim().parse().ok()?)))
        .collect()
});

/// The number of an ordinal word ("ninth" → 9).
pub(crate) fn ordinal(w: &str) -> Option<u8> {
    ORDINALS.get(w).copied()
}

/// Is `y` a leap year?
pub(crate) fn is_leap(y: i16) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in month `m` of year `y` (29 for February when the year is unknown).
pub(crate) fn days_in_month(y: Option<i16>, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if y.is_some_and(|y| !is_leap(y)) => 28,
        2 => 29,
        _ => 0,
    }
}

impl DateValue {
    /// Does the date exist? No month 13, no February 30, no February 29 in
    /// a common year.
    pub fn is_valid(&self) -> bool {
        match (self.month, self.day) {
            (Some(m), Some(d)) => (1..=12).contains(&m) && d >= 1 && d <= days_in_month(self.year, m),
            (Some(m), None) => (1..=12).contains(&m),
            (None, Some(_)) => false,
            (None, None) => true,
        }
    }

    pub(crate) fn ymd(year: Option<i16>, month: Option<u8>, day: Option<u8>) -> Self {
        DateValue {
            year,
            month,
            day,
            weekday: None,
        }
    }
}

/// A day of the month at `lex[i]`: "18", "18th", "first", "twenty-first",
/// "twenty first". Returns the day, the index after, and whether it was
/// written as an ordinal (which makes a lower-case month safe to read).
pub(crate) fn day_at(lex: &[Lex], i: usize) -> Option<(u8, usize, bool)> {
    let l = lex.get(i)?;
    if l.text.bytes().all(|b| b.is_ascii_digit()) {
        if l.text.len() > 2 {
            return None;
        }
        let v: u8 = l.text.parse().ok()?;
        if !(1..=31).contains(&v) {
            return None;
        }
        // "18th", "3rd": the lexer cuts the suffix off as its own unit.
        let suffix = lex
            .get(i + 1)
            .is_some_and(|s| adjacent(l, s) && s.is_one_of(&["st", "nd", "rd", "th"]));
        return Some(if suffix { (v, i + 2, true) } else { (v, i + 1, false) });
    }
    let (v, end) = if let Some(v) = ordinal(l.text) {
        (v, i + 1)
    } else if l.is("twenty") || l.is("thirty") {
        let tens = if l.is("twenty") { 20 } else { 30 };
        let n = lex.get(i + 1)?;
        // "twenty first"; after a month also "twenty one" ("May twenty one").
        if let Some(unit) = ordinal(n.text).filter(|&u| u < 10) {
            (tens + unit, i + 2)
        } else {
            let unit = crate::lexicon::NUMBER_WORDS
                .get(n.lower().as_ref())
                .copied()
                .filter(|&u| (1..10).contains(&u))?;
            let v = tens + unit as u8;
            let ends = lex
                .get(i + 2)
                .is_none_or(|n| !n.is_word() || year_after(lex, i + 2, true).is_some());
            return (ends && v <= 31 && after_month(lex, i)).then_some((v, i + 2, false));
        }
    } else if let Some((a, b)) = l.text.split_once('-').filter(|_| after_month(lex, i)) {
        // "May twenty-one".
        let tens = match a.to_ascii_lowercase().as_str() {
            "twenty" => 20,
            "thirty" => 30,
            _ => return None,
        };
        let unit = crate::lexicon::NUMBER_WORDS
            .get(b.to_ascii_lowercase().as_str())
            .copied()
            .filter(|&u| (1..10).contains(&u))?;
        let v = tens + unit as u8;
        let ends = lex
            .get(i + 1)
            .is_none_or(|n| !n.is_word() || year_after(lex, i + 1, true).is_some());
        return (ends && v <= 31).then_some((v, i + 1, false));
    } else {
        return None;
    };
    // "June first responders": an ordinal word is a day only where the
    // date can end.
    let ends = lex.get(end).is_none_or(|n| {
        !n.is_word() || is_range_sep(n) || n.is_one_of(&["of", "till", "and"]) || year_after(lex, end, true).is_some()
    });
    (ends && (1..=31).contains(&v)).then_some((v, end, true))
}

/// Is `lex[i]` right after a capitalised month name ("May twenty one")?
fn after_month(lex: &[Lex], i: usize) -> bool {
    i.checked_sub(1)
        .is_some_and(|k| lex[k].is_capitalized() && month(lex[k].text).is_some())
}

/// A four-digit year (1800–2100) at `lex[i]`.
fn is_year(l: &Lex) -> Option<i16> {
    if l.text.len() != 4 || !l.text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v: i16 = l.text.parse().ok()?;
    (1800..=2100).contains(&v).then_some(v)
}

/// The year that closes a date at `lex[j]`: "2015", ", 2015", "of 2015",
/// "'08". After a day a year may be older ("5 December 1391") when no word
/// follows it.
pub(crate) fn year_after(lex: &[Lex], j: usize, after_day: bool) -> Option<(i16, usize)> {
    let k = if lex.get(j).is_some_and(|l| l.is(",") || l.is("of")) {
        j + 1
    } else {
        j
    };
    let l = lex.get(k)?;
    if let Some(y) = is_year(l) {
        return Some((y, k + 1));
    }
    if after_day && l.text.len() == 4 && l.text.bytes().all(|b| b.is_ascii_digit()) {
        let v: i16 = l.text.parse().ok()?;
        if v >= 1000 && lex.get(k + 1).is_none_or(|n| !n.is_word()) {
            return Some((v, k + 1));
        }
    }
    // "October two thousand and five", "the twenty-first nineteen seventy eight".
    if l.is_word() {
        return super::spoken_years::spoken_year(lex, k);
    }
    // "Jan. 3, '08": a two-digit year after an apostrophe.
    if matches!(l.text, "'" | "’") {
        let n = lex.get(k + 1).filter(|n| adjacent(l, n) && n.text.len() == 2)?;
        let v: i16 = n.text.parse().ok()?;
        return Some((if v < 50 { 2000 + v } else { 1900 + v }, k + 2));
    }
    None
}

/// A month name in any case at `lex[i]`, and whether it is lower case.
fn month_any(lex: &[Lex], i: usize) -> Option<(u8, bool)> {
    let l = lex.get(i)?;
    Some((month(l.text)?, !l.is_capitalized()))
}

/// Lower-case month words that are also common English words: read as a
/// month only with a year or an ordinal day ("march 3rd", "may 5, 2020").
fn lower_ambiguous(l: &Lex) -> bool {
    l.is_one_of(&["may", "march", "mar"])
}

/// A weekday at `lex[i]`: a capitalised name or abbreviation, or a full
/// name in lower case ("monday"; not "sun" or "wed").
fn weekday_at(lex: &[Lex], i: usize) -> Option<u8> {
    let l = lex.get(i)?;
    let w = crate::lexicon::without_possessive_ends(l.text);
    if l.is_capitalized() || (w.len() >= 6 && w.ends_with("day")) {
        weekday(w)
    } else {
        None
    }
}

/// A date starting at `lex[i]`: (value, index after). Reads month-day
/// ("March 18, 2025"), day-month ("21 March 2025", "the 4th of July"),
/// numeric dates ("2025-02-14", "14/02/2025"), a weekday before any of
/// them, a month with a year, a bare month or a bare weekday.
/// `day_first` settles "03/04/2025" (see [`super::numeric_dates`]).
pub(crate) fn date_at(lex: &[Lex], i: usize, day_first: bool) -> Option<(DateValue, usize)> {
    if let Some(wd) = weekday_at(lex, i) {
        let j = if lex.get(i + 1).is_some_and(|l| l.is(",")) {
            i + 2
        } else {
            i + 1
        };
        let full = month_date_at(lex, j)
            .or_else(|| day_month_at(lex, j))
            .or_else(|| super::numeric_dates::numeric_date_at(lex, j, day_first, true));
        if let Some((mut d, end)) = full.filter(|(d, _)| d.day.is_some()) {
            d.weekday = Some(wd);
            return Some((d, end));
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
    super::numeric_dates::numeric_date_at(lex, i, day_first, false)
        .or_else(|| month_date_at(lex, i))
        .or_else(|| day_month_at(lex, i))
}

/// "March 18", "Sept. 4, 2025", "September the twenty-first", "june of
/// 1992", "March 2024", or a bare month.
fn month_date_at(lex: &[Lex], i: usize) -> Option<(DateValue, usize)> {
    let (m, lower) = month_any(lex, i)?;
    let ambiguous = lower && lower_ambiguous(&lex[i]);
    let j = i + 1;
    let the = lex.get(j).is_some_and(|l| l.is("the"));
    if let Some((day, e, spelled)) = day_at(lex, if the { j + 1 } else { j }) {
        let year = year_after(lex, e, true);
        if (the && !spelled) || (ambiguous && !spelled && year.is_none()) {
            return None;
        }
        let (y, end) = year.map_or((None, e), |(y, k)| (Some(y), k));
        let d = DateValue::ymd(y, Some(m), Some(day));
        return d.is_valid().then_some((d, end));
    }
    if let Some((y, end)) = year_after(lex, j, false) {
        // "May 2020", "june of 1992"; not "in May, 2020 was …".
        if !lex.get(j).is_some_and(|l| l.is(",")) || !lower {
            return Some((DateValue::ymd(Some(y), Some(m), None), end));
        }
    }
    if lower {
        return None;
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
    Some((DateValue::ymd(None, Some(m), None), j))
}

/// "21 March 2025", "14 nov 2023", "1st Jan", "12 of Nov", "the 4th of
/// July", "fourth of july 1995", "14april 2015". A spelled ordinal needs
/// "of" ("first of March").
pub(crate) fn day_month_at(lex: &[Lex], i: usize) -> Option<(DateValue, usize)> {
    let (day, e, spelled) = day_at(lex, i)?;
    let of = lex.get(e).is_some_and(|l| l.is("of"));
    if lex[i].is_word() && !of {
        return None;
    }
    let k = if of { e + 1 } else { e };
    let (m, lower) = month_any(lex, k)?;
    let year = year_after(lex, k + 1, true);
    if lower && lower_ambiguous(&lex[k]) && !spelled && !of && year.is_none() {
        return None;
    }
    let (y, end) = year.map_or((None, k + 1), |(y, end)| (Some(y), end));
    let d = DateValue::ymd(y, Some(m), Some(day));
    d.is_valid().then_some((d, end))
}

/// A year alone ("in 2019") at `lex[i]`.
pub(crate) fn year_at(lex: &[Lex], i: usize) -> Option<i16> {
    is_year(lex.get(i)?)
}

/// A range separator at `lex[i]`: "to", "through", "until", "till", a dash.
pub(crate) fn is_range_sep(l: &Lex) -> bool {
    l.is_one_of(&["to", "through", "until", "till", "thru", "-", "–", "—", "and"])
}

/// The article's own date, the first full date with a year near the top,
/// and whether it is written day first ("Thursday 7 March 2024"), which
/// decides how the article's numeric dates read.
pub(crate) fn article_date(lex_paragraphs: &[Vec<Lex>]) -> Option<(Date, bool)> {
    for lex in lex_paragraphs.iter().take(4) {
        for i in 0..lex.len() {
            if !(lex[i].is_digits() || lex[i].is_capitalized()) {
                continue;
            }
            let found = month_date_at(lex, i)
                .map(|d| (d, false))
                .or_else(|| day_month_at(lex, i).map(|d| (d, true)));
            if let Some(((d, _), day_first)) = found {
                if let Some(c) = d.civil() {
                    return Some((c, day_first));
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
            // February 29 in a common year: the year stays unknown rather
            // than a date that never was.
            let Ok(c) = Date::new(a.year(), m as i8, day as i8) else {
                d.year = None;
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

    fn read(t: &str) -> Option<String> {
        let l = lex(t, Span::new(0, t.len()));
        date_at(&l, 0, false).map(|(d, _)| d.iso())
    }

    #[test]
    fn day_month_order() {
        assert_eq!(read("21 March 2025").as_deref(), Some("2025-03-21"));
        assert_eq!(read("Tuesday 8 October").as_deref(), Some("--10-08"));
        assert_eq!(read("04th Jan 2019").as_deref(), Some("2019-01-04"));
        assert_eq!(read("4th of July").as_deref(), Some("--07-04"));
        assert_eq!(read("fourth of july 1995").as_deref(), Some("1995-07-04"));
        assert_eq!(read("12 of Nov").as_deref(), Some("--11-12"));
    }

    #[test]
    fn ordinal_days_after_the_month() {
        assert_eq!(read("January 1st 2015").as_deref(), Some("2015-01-01"));
        assert_eq!(read("March first, 2015").as_deref(), Some("2015-03-01"));
        assert_eq!(read("September the twenty-first").as_deref(), Some("--09-21"));
        assert_eq!(read("June of 1992").as_deref(), Some("1992-06"));
        // "June first responders" is not a date with a day.
        assert_eq!(read("June first responders").as_deref(), Some("--06"));
    }

    #[test]
    fn lower_case_months_and_weekdays_where_unambiguous() {
        assert_eq!(read("june 2016").as_deref(), Some("2016-06"));
        assert_eq!(read("14 nov 2023").as_deref(), Some("2023-11-14"));
        assert_eq!(read("march 3 2015").as_deref(), Some("2015-03-03"));
        assert!(read("monday").is_some());
        assert_eq!(read("may be"), None);
        assert_eq!(read("march 3 miles"), None);
        assert_eq!(read("sun"), None);
    }

    #[test]
    fn impossible_dates_are_not_dates() {
        assert_eq!(read("February 30"), None);
        assert_eq!(read("29 February 2023"), None);
        assert_eq!(read("29 February 2024").as_deref(), Some("2024-02-29"));
        let mut d = DateValue::ymd(None, Some(2), Some(29));
        resolve_year(&mut d, Date::new(2017, 3, 22).ok(), false);
        assert!(d.is_valid(), "{d:?}");
    }

    #[test]
    fn ap_abbreviation_with_year() {
        let t = "Sept. 4, 2025";
        let l = lex(t, Span::new(0, t.len()));
        let (d, end) = date_at(&l, 0, false).unwrap();
        assert_eq!((d.iso().as_str(), end), ("2025-09-04", 4));
    }
}
