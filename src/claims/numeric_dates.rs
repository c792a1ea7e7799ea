//! Dates written in figures: ISO "2025-02-14", "2015/08/12", "14/02/2025",
//! "2/14/2025", "3/11/09", "13.5.2015", month-years "2016-11" and "3/2015",
//! and mixes with month names ("05-Aug-2016", "23/Sep/2020", "Dec-2018",
//! "Jan/3"). Day and month are told apart by a number over 12 when there
//! is one, else by the article's style (a day-first dateline, or dots as
//! in European copy), else month first as in US copy.

use super::calendar::DateValue;
use super::numbers::{Lex, adjacent};
use crate::lexicon::month;

/// One field of a numeric date: a number with its digit count, or a month name.
#[derive(Clone, Copy)]
enum Part {
    Num(u32, usize),
    Month(u8),
}

/// Words before which a bare "10/1" is a date ("on 10/1", "from 4/22").
const DATE_LEADS: &[&str] = &[
    "on", "from", "between", "by", "since", "until", "till", "to", "through", "before", "after", "-", "–", "and",
];

/// A numeric date starting at `lex[i]`: (value, index after).
/// `context` says a date is expected here (after a weekday), which lets a
/// bare "4/22" read as a date.
pub(crate) fn numeric_date_at(lex: &[Lex], i: usize, day_first: bool, context: bool) -> Option<(DateValue, usize)> {
    let first = lex.get(i)?;
    let b0 = *first.text.as_bytes().first()?;
    // Most numbers stand apart from the next unit; a date's fields are
    // written against each other.
    let joined = lex.get(i + 1).is_some_and(|n| adjacent(first, n));
    let inner = first.text.bytes().any(|c| matches!(c, b'-' | b'/' | b'.'));
    if !(joined || inner) {
        return None;
    }
    if b0.is_ascii_alphabetic() {
        let head: &str = first.text.split(['-', '/', '.']).next().unwrap_or("");
        month(head)?;
    } else if !b0.is_ascii_digit() {
        return None;
    }
    let mut s = String::with_capacity(16);
    let mut ends: Vec<(usize, usize)> = Vec::with_capacity(6);
    let mut k = i;
    while k < lex.len() && k < i + 9 {
        let l = &lex[k];
        if k > i && !adjacent(&lex[k - 1], l) {
            break;
        }
        if !l
            .text
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'/' | b'.'))
        {
            break;
        }
        s.push_str(l.text);
        ends.push((s.len(), k + 1));
        k += 1;
    }
    let led = i.checked_sub(1).is_some_and(|p| lex[p].is_one_of(DATE_LEADS));
    let (d, used) = parse(&s, day_first, context || led)?;
    let &(_, end) = ends.iter().find(|(len, _)| *len == used)?;
    Some((d, end))
}

fn read_part(b: &[u8], at: usize) -> Option<(Part, usize)> {
    let rest = b.get(at..)?;
    let n = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    if n > 0 {
        if n > 4 {
            return None;
        }
        let v = std::str::from_utf8(&rest[..n]).ok()?.parse().ok()?;
        return Some((Part::Num(v, n), at + n));
    }
    let n = rest.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if n < 3 {
        return None;
    }
    let w = std::str::from_utf8(&rest[..n]).ok()?;
    Some((Part::Month(month(w)?), at + n))
}

/// The date in `s` and how many bytes of it it takes.
fn parse(s: &str, day_first: bool, led: bool) -> Option<(DateValue, usize)> {
    let b = s.as_bytes();
    let (p1, e1) = read_part(b, 0)?;
    let sep = *b.get(e1)?;
    if !matches!(sep, b'/' | b'-' | b'.') {
        return None;
    }
    let (p2, e2) = read_part(b, e1 + 1)?;
    let mut end = e2;
    let mut third = None;
    if b.get(e2) == Some(&sep) {
        if let Some((p3, e3)) = read_part(b, e2 + 1) {
            third = Some(p3);
            end = e3;
        }
    }
    let last = third.unwrap_or(p2);
    if matches!(last, Part::Month(_)) && b.get(end) == Some(&b'.') {
        end += 1;
    }
    let d = match third {
        Some(p3) => three(p1, p2, p3, sep, day_first)?,
        None => two(p1, p2, sep, day_first, led)?,
    };
    d.is_valid().then_some((d, end))
}

fn year4(p: Part) -> Option<i16> {
    match p {
        Part::Num(v, 4) if (1000..=2100).contains(&v) => Some(v as i16),
        _ => None,
    }
}

fn small(p: Part, max: u32) -> Option<u8> {
    match p {
        Part::Num(v, n) if n <= 2 && (1..=max).contains(&v) => Some(v as u8),
        _ => None,
    }
}

fn month_of(p: Part) -> Option<u8> {
    match p {
        Part::Month(m) => Some(m),
        p => small(p, 12),
    }
}

/// (month, day) of two numbers: a number over 12 is the day; else the
/// article's style decides.
fn order(a: u8, b: u8, day_first: bool) -> Option<(u8, u8)> {
    match (a > 12, b > 12) {
        (true, true) => None,
        (true, false) => Some((b, a)),
        (false, true) => Some((a, b)),
        (false, false) if day_first => Some((b, a)),
        _ => Some((a, b)),
    }
}

fn three(a: Part, b: Part, c: Part, sep: u8, day_first: bool) -> Option<DateValue> {
    if let Some(y) = year4(a) {
        // 2015-03-03, 2015/08/12, 2019-sep-1, 2020/23/Sep.
        if let (Some(m), Some(d)) = (month_of(b), small(c, 31)) {
            return Some(DateValue::ymd(Some(y), Some(m), Some(d)));
        }
        if let (Some(d), Part::Month(m)) = (small(b, 31), c) {
            return Some(DateValue::ymd(Some(y), Some(m), Some(d)));
        }
        return None;
    }
    let y = year4(c).or(match c {
        // "3/11/09": two-digit years only with slashes.
        Part::Num(v, 2) if sep == b'/' => Some(if v < 50 { 2000 + v as i16 } else { 1900 + v as i16 }),
        _ => None,
    })?;
    let (m, d) = match (a, b) {
        (Part::Month(m), _) => (m, small(b, 31)?),
        (_, Part::Month(m)) => (m, small(a, 31)?),
        _ => order(small(a, 31)?, small(b, 31)?, day_first || sep == b'.')?,
    };
    Some(DateValue::ymd(Some(y), Some(m), Some(d)))
}

fn two(a: Part, b: Part, sep: u8, day_first: bool, led: bool) -> Option<DateValue> {
    if let Some(y) = year4(a) {
        if sep == b'.' {
            return None;
        }
        // "2011-12" is a season or a fiscal year, not December 2011.
        if let Part::Num(v, 2) = b {
            if sep == b'-' && v as i16 == (y + 1) % 100 {
                return None;
            }
        }
        return Some(DateValue::ymd(Some(y), Some(month_of(b)?), None));
    }
    if let Some(y) = year4(b) {
        if sep == b'.' {
            return None;
        }
        return Some(DateValue::ymd(Some(y), Some(month_of(a)?), None));
    }
    let (m, d) = match (a, b) {
        (Part::Month(m), _) => (m, small(b, 31)?),
        (_, Part::Month(m)) => (m, small(a, 31)?),
        // "on 10/1": a bare pair only where a date is expected, so that
        // "24/7" and "3/4 mile" stay what they are.
        // "9/11" names the attacks, not a day of this year.
        (Part::Num(9, 1), Part::Num(11, 2)) if sep == b'/' => return None,
        _ if sep == b'/' && led => order(small(a, 31)?, small(b, 31)?, day_first)?,
        _ => return None,
    };
    Some(DateValue::ymd(None, Some(m), Some(d)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::numbers::lex;
    use crate::span::Span;

    fn read(t: &str, day_first: bool) -> Option<String> {
        let l = lex(t, Span::new(0, t.len()));
        let k = l
            .iter()
            .position(|x| x.is_digits() || month(x.text.split(['-', '/']).next().unwrap_or("")).is_some())?;
        numeric_date_at(&l, k, day_first, false).map(|(d, _)| d.iso())
    }

    #[test]
    fn iso_and_slashed_dates() {
        assert_eq!(read("due 2025-02-14.", false).as_deref(), Some("2025-02-14"));
        assert_eq!(read("due 14/02/2025.", false).as_deref(), Some("2025-02-14"));
        assert_eq!(read("due 2/14/2025.", false).as_deref(), Some("2025-02-14"));
        assert_eq!(read("due 13.5.2015.", false).as_deref(), Some("2015-05-13"));
        assert_eq!(read("due 05-Aug-2016.", false).as_deref(), Some("2016-08-05"));
        assert_eq!(read("due Dec-2018.", false).as_deref(), Some("2018-12"));
    }

    #[test]
    fn the_article_style_orders_day_and_month() {
        assert_eq!(read("due 3/11/09.", false).as_deref(), Some("2009-03-11"));
        assert_eq!(read("due 3/11/09.", true).as_deref(), Some("2009-11-03"));
    }

    #[test]
    fn impossible_and_non_dates_are_refused() {
        assert_eq!(read("due 2/29/2023.", false), None);
        assert_eq!(read("due 13/13/2023.", false), None);
        assert_eq!(read("open 24/7 now", false), None);
        assert_eq!(read("walk 3/4 mile", false), None);
        assert_eq!(read("since 9/11 ended", false), None);
        assert_eq!(read("the 2011-12 season", false), None);
        assert_eq!(read("up 24.6 points", false), None);
        assert_eq!(read("on 4/22", false).as_deref(), Some("--04-22"));
    }
}
