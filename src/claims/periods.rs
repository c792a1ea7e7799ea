//! Calendar periods and days named from the article's date: quarters and
//! halves ("Q1 2016", "2019-Q1", "the third quarter of 2016", "2019-H2",
//! "the second half of 2023"), decades ("the 1990s", "the '90s"), and
//! "today", "yesterday", "the day after tomorrow". Relative days need the
//! article's date; without it they are not claims, since nothing says which
//! day they are. Days within a month ("the 20th of next month") are read
//! in [`super::relative`]; "last year" and "next month" alone are not.

use jiff::civil::Date;

use super::calendar::{DateValue, Period};
use super::dates::{ordinal, year_at};
use super::numbers::{Lex, adjacent};

/// A period at `lex[i]`: (value, first index, index after).
pub(crate) fn period_at(lex: &[Lex], i: usize, article: Option<Date>, future: bool) -> Option<(Period, usize, usize)> {
    if let Some(found) = quarter_at(lex, i, article, future) {
        return Some(found);
    }
    if let Some(found) = decade_at(lex, i) {
        return Some(found);
    }
    if let Some(found) = super::relative::relative_period_at(lex, i, article) {
        return Some(found);
    }
    relative_at(lex, i, article?)
}

/// "Q3" or "H2" at `lex[k]`: (months per part, part).
fn part_code(lex: &[Lex], k: usize) -> Option<(u8, u8, usize)> {
    let l = lex.get(k)?;
    let n = lex.get(k + 1).filter(|n| adjacent(l, n))?;
    let v: u8 = n.text.parse().ok()?;
    match l.text {
        "Q" | "q" if (1..=4).contains(&v) => Some((3, v, k + 2)),
        "H" if (1..=2).contains(&v) => Some((6, v, k + 2)),
        _ => None,
    }
}

fn quarter_at(lex: &[Lex], i: usize, article: Option<Date>, future: bool) -> Option<(Period, usize, usize)> {
    // "2016 Q3", "2019-Q1", "2019-H2".
    if let Some(y) = year_at(lex, i) {
        let k = if lex.get(i + 1).is_some_and(|d| d.text == "-" && adjacent(&lex[i], d)) {
            i + 2
        } else {
            i + 1
        };
        let (len, part, end) = part_code(lex, k)?;
        return Some((span_of(Some(y), len, part), i, end));
    }
    // "Q1 2016", "H1, 2024".
    if let Some((len, part, end)) = part_code(lex, i) {
        let (y, end) = year_after(lex, end).map_or((None, end), |(y, e)| (Some(y), e));
        return Some((resolved(y, len, part, article, future), i, end));
    }
    // "the third quarter of 2016", "1st quarter of 2013", "the second half".
    let l = lex.get(i)?;
    let (n, k) = if let Some(n) = ordinal(l.text) {
        (n, i + 1)
    } else {
        let v: u8 = l.text.parse().ok()?;
        let suffix = lex
            .get(i + 1)
            .filter(|s| adjacent(l, s) && s.is_one_of(&["st", "nd", "rd", "th"]))?;
        let _ = suffix;
        (v, i + 2)
    };
    let word = lex.get(k)?;
    let len = if word.is("quarter") && (1..=4).contains(&n) {
        3
    } else if word.is("half") && (1..=2).contains(&n) {
        6
    } else {
        return None;
    };
    // "the first half hour", "the third quarter's results" stay what they are.
    if lex.get(k + 1).is_some_and(|n| n.is_word() && !n.is("of")) {
        return None;
    }
    let (y, end) = year_after(lex, k + 1).map_or((None, k + 1), |(y, e)| (Some(y), e));
    Some((resolved(y, len, n, article, future), i, end))
}

/// "2016", ", 2016", "of 2016" after a period word.
fn year_after(lex: &[Lex], j: usize) -> Option<(i16, usize)> {
    let k = if lex.get(j).is_some_and(|l| l.is("of") || l.is(",")) {
        j + 1
    } else {
        j
    };
    year_at(lex, k).map(|y| (y, k + 1))
}

fn span_of(y: Option<i16>, len: u8, part: u8) -> Period {
    let first = (part - 1) * len + 1;
    Period::Range(
        DateValue::ymd(y, Some(first), None),
        DateValue::ymd(y, Some(first + len - 1), None),
    )
}

/// A quarter or half without a year is the article's: the latest one that
/// has begun when the sentence looks back, the next one when it looks ahead.
fn resolved(y: Option<i16>, len: u8, part: u8, article: Option<Date>, future: bool) -> Period {
    let y = y.or_else(|| {
        let a = article?;
        let (first, last) = ((part - 1) * len + 1, part * len);
        let m = a.month() as u8;
        Some(if !future && first > m {
            a.year() - 1
        } else if future && last < m {
            a.year() + 1
        } else {
            a.year()
        })
    });
    span_of(y, len, part)
}

/// "the 1990s", "the 1970's", "the '90s": the ten years.
fn decade_at(lex: &[Lex], i: usize) -> Option<(Period, usize, usize)> {
    let l = lex.get(i)?;
    let t = l.text;
    if !t.is_ascii() {
        return None;
    }
    let (start, digits, end) = if t.len() == 5 && t.ends_with('s') {
        (i, &t[..4], i + 1)
    } else if t.len() == 4 && i > 0 && lex[i - 1].is_one_of(&["the", "early", "mid", "late"]) {
        // "the 1970's": the apostrophe and the "s" are units of their own;
        // without "the", "2020's budget" is the year's.
        let ap = lex
            .get(i + 1)
            .filter(|a| adjacent(l, a) && matches!(a.text, "'" | "’"))?;
        let s = lex.get(i + 2).filter(|s| adjacent(ap, s) && s.text == "s")?;
        let _ = s;
        (i, t, i + 3)
    } else if t.len() == 3
        && t.ends_with('s')
        && i > 0
        && matches!(lex[i - 1].text, "'" | "’")
        && adjacent(&lex[i - 1], l)
    {
        // "the '90s".
        (i - 1, &t[..2], i + 1)
    } else {
        return None;
    };
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !digits.ends_with('0') {
        return None;
    }
    let mut y: i16 = digits.parse().ok()?;
    if digits.len() == 2 {
        y += if y <= 20 { 2000 } else { 1900 };
    }
    if !(1000..=2090).contains(&y) {
        return None;
    }
    Some((
        Period::Range(
            DateValue::ymd(Some(y), None, None),
            DateValue::ymd(Some(y + 9), None, None),
        ),
        start,
        end,
    ))
}

/// "today", "yesterday", "tomorrow", "the day before yesterday".
fn relative_at(lex: &[Lex], i: usize, a: Date) -> Option<(Period, usize, usize)> {
    let l = lex.get(i)?;
    let shift = |days: i64| a.checked_add(jiff::Span::new().days(days)).ok();
    let day = |d: Date| {
        Period::Day(DateValue::ymd(
            Some(d.year()),
            Some(d.month() as u8),
            Some(d.day() as u8),
        ))
    };
    // "Today, …" at the head of a sentence is as often "nowadays", and
    // "USA Today" and NBC's "Today" are names: only a lower-case "today"
    // is a day. A capitalised word before "Yesterday" makes it a name too.
    if i > 0 && lex[i - 1].is_capitalized() && l.is_capitalized() {
        return None;
    }
    let mut off = if l.text == "today" {
        0
    } else if l.is("yesterday") {
        -1
    } else if l.is("tomorrow") {
        1
    } else {
        return None;
    };
    {
        let mut start = i;
        // "the day after tomorrow", "the day before yesterday".
        if off != 0
            && i >= 2
            && lex[i - 2].is("day")
            && lex[i - 1].is_one_of(&["after", "before"])
            && (off == 1) == lex[i - 1].is("after")
        {
            off *= 2;
            start = if i >= 3 && lex[i - 3].is("the") { i - 3 } else { i - 2 };
        }
        Some((day(shift(off)?), start, i + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::numbers::lex;
    use crate::span::Span;

    fn read(t: &str, article: Option<Date>) -> Option<(String, String)> {
        let l = lex(t, Span::new(0, t.len()));
        (0..l.len()).find_map(|i| match period_at(&l, i, article, false)?.0 {
            Period::Range(a, b) => Some((a.iso(), b.iso())),
            Period::Day(d) => Some((d.iso(), d.iso())),
        })
    }

    fn pair(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.into(), b.into()))
    }

    #[test]
    fn quarters_and_halves() {
        assert_eq!(read("sales in Q1 2016 fell", None), pair("2016-01", "2016-03"));
        assert_eq!(read("sales in 2019-H2 fell", None), pair("2019-07", "2019-12"));
        assert_eq!(read("in the third quarter of 2016", None), pair("2016-07", "2016-09"));
        assert_eq!(read("in the second half of 2023", None), pair("2023-07", "2023-12"));
        let may = Date::new(2024, 5, 2).ok();
        assert_eq!(read("in the fourth quarter, sales", may), pair("2023-10", "2023-12"));
        assert_eq!(read("the first half hour", None), None);
    }

    #[test]
    fn decades_are_ten_years() {
        assert_eq!(read("in the 1990s", None), pair("1990", "1999"));
        assert_eq!(read("in the 1970's", None), pair("1970", "1979"));
        assert_eq!(read("in the '80s", None), pair("1980", "1989"));
    }

    #[test]
    fn relative_days_need_the_article_date() {
        let d = Date::new(2024, 3, 1).ok();
        assert_eq!(read("It opened yesterday.", d), pair("2024-02-29", "2024-02-29"));
        assert_eq!(
            read("It opens the day after tomorrow.", d),
            pair("2024-03-03", "2024-03-03")
        );
        // "last year" is left alone: copy uses it loosely, as a period.
        assert_eq!(read("Prices rose last year.", d), None);
        assert_eq!(read("It opened yesterday.", None), None);
        assert_eq!(read("Today, prices are higher.", d), None);
        assert_eq!(read("It was in USA Today.", d), None);
    }
}
