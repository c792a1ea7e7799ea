//! Years said in words, as transcripts and some copy write them:
//! "nineteen ninety six" (1996), "twenty fifteen" (2015), "two thousand and
//! five" (2005). Read only where a year is expected — after a month
//! ("October two thousand and five") or after "in", "since" and the like
//! ("they left in nineteen ninety six") — and where no noun follows that
//! the number could be counting ("in two thousand homes" is a count).

use super::numbers::{Lex, words_number};

/// Words after which a year may stand alone.
const YEAR_LEADS: &[&str] = &["in", "since", "until", "till", "year", "by", "from", "of"];

/// Words that may follow a year without making it a count.
const AFTER_YEAR: &[&str] = &[
    "and", "to", "until", "till", "through", "when", "after", "before", "but", "or", "in", "on", "at", "for", "was",
    "were", "is",
];

/// A year in words at `lex[i]`: (year, index after).
pub(crate) fn spoken_year(lex: &[Lex], i: usize) -> Option<(i16, usize)> {
    let l = lex.get(i)?;
    let (y, end) = if l.is_one_of(&["eighteen", "nineteen", "twenty"]) {
        // "nineteen ninety six", "twenty fifteen", "nineteen oh five".
        let century: i16 = if l.is("eighteen") {
            1800
        } else if l.is("nineteen") {
            1900
        } else {
            2000
        };
        let oh = lex.get(i + 1).is_some_and(|n| n.is("oh"));
        let k = if oh { i + 2 } else { i + 1 };
        let (n, e) = words_number(lex, k)?;
        let ok = if oh {
            (1.0..10.0).contains(&n)
        } else {
            (10.0..100.0).contains(&n)
        };
        if !ok || n.fract() != 0.0 {
            return None;
        }
        (century + n as i16, e)
    } else if l.is("two") && lex.get(i + 1).is_some_and(|n| n.is("thousand")) {
        // "two thousand", "two thousand and five", "two thousand fifteen".
        let k = if lex.get(i + 2).is_some_and(|n| n.is("and")) {
            i + 3
        } else {
            i + 2
        };
        match words_number(lex, k).filter(|(n, _)| (1.0..100.0).contains(n) && n.fract() == 0.0) {
            Some((n, e)) => (2000 + n as i16, e),
            None => (2000, i + 2),
        }
    } else {
        return None;
    };
    let free = lex.get(end).is_none_or(|n| !n.is_word() || n.is_one_of(AFTER_YEAR));
    free.then_some((y, end))
}

/// A year in words standing alone where a year is expected: "in nineteen
/// ninety six".
pub(crate) fn lone_spoken_year(lex: &[Lex], i: usize) -> Option<(i16, usize)> {
    let prev = lex.get(i.checked_sub(1)?)?;
    if !prev.is_one_of(YEAR_LEADS) {
        return None;
    }
    spoken_year(lex, i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::numbers::lex;
    use crate::span::Span;

    fn year(text: &str, i: usize) -> Option<i16> {
        let l = lex(text, Span::new(0, text.len()));
        lone_spoken_year(&l, i).map(|(y, _)| y)
    }

    #[test]
    fn years_in_words() {
        assert_eq!(year("in nineteen ninety six and", 1), Some(1996));
        assert_eq!(year("in two thousand and fifteen", 1), Some(2015));
        assert_eq!(year("since twenty fifteen", 1), Some(2015));
        assert_eq!(year("in nineteen oh five", 1), Some(1905));
        // A count of homes; a number not after a year word.
        assert_eq!(year("in two thousand homes", 1), None);
        assert_eq!(year("saw nineteen ninety six", 1), None);
        assert_eq!(year("in nineteen people", 1), None);
    }
}
