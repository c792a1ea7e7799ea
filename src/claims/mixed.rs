//! Mixed numbers: a whole number joined by "and" to a fraction of one —
//! "five and a half million" (5,500,000), "3 million and a quarter"
//! (3,250,000), "one and three quarters of an hour" (1.75 hours). The
//! fraction counts only where a scale word or a time unit says what it is
//! a fraction of: "two and a half" alone is left as it was.

use super::numbers::{Lex, scale_at, words_number};

/// "and a half", "and one quarter", "and three quarters", "and a third"
/// at `lex[j]`: the fraction and the index after it.
pub(crate) fn and_fraction(lex: &[Lex], j: usize) -> Option<(f64, usize)> {
    if !lex.get(j)?.is("and") {
        return None;
    }
    let k = j + 1;
    let (n, k) = if lex.get(k)?.is_one_of(&["a", "one"]) {
        (1.0, k + 1)
    } else if let Some((n, e)) = words_number(lex, k).filter(|(n, _)| (2.0..=9.0).contains(n)) {
        (n, e)
    } else {
        (1.0, k)
    };
    let w = lex.get(k)?;
    let part = if w.is("half") && n == 1.0 {
        0.5
    } else if w.is("quarter") || w.is("quarters") {
        0.25
    } else if w.is("third") || w.is("thirds") {
        1.0 / 3.0
    } else {
        return None;
    };
    let value = n * part;
    (value < 1.0).then_some((value, k + 1))
}

/// The number `v` ending at `j`, extended by a fraction joined with "and".
/// `scale` is the scale word the number ended with ("3 million"), if any.
/// Returns the new value and the index after it; a time unit after the
/// fraction (with or without "of" or "an") is left for the caller, and the
/// index returned points at it.
pub(crate) fn extend(
    lex: &[Lex],
    j: usize,
    v: f64,
    scale: Option<f64>,
    is_time_unit: impl Fn(&str) -> bool,
) -> Option<(f64, usize)> {
    let (f, k) = and_fraction(lex, j)?;
    // "one billion and a quarter million": the fraction of the scale after it.
    if let Some(s) = scale_at(lex, k) {
        return Some(match scale {
            Some(_) => (v + f * s, k + 1),
            None => ((v + f) * s, k + 1),
        });
    }
    if let Some(s) = scale {
        // "3 million and a half": of the scale before it.
        return Some((v + f * s, k));
    }
    // "one and a quarter hour", "two and three quarters of an hour".
    let mut u = k;
    if lex.get(u).is_some_and(|x| x.is("of")) {
        u += 1;
    }
    if lex.get(u).is_some_and(|x| x.is_one_of(&["a", "an"])) {
        u += 1;
    }
    lex.get(u).filter(|x| is_time_unit(x.text))?;
    Some((v + f, u))
}

/// "3/4", "1/2" written against each other at `lex[i]`: a proper fraction
/// and the index after it.
pub(crate) fn slash_fraction(lex: &[Lex], i: usize) -> Option<(f64, usize)> {
    let (a, s, b) = (lex.get(i)?, lex.get(i + 1)?, lex.get(i + 2)?);
    if s.text != "/" || a.span.end != s.span.start || s.span.end != b.span.start {
        return None;
    }
    let (n, d) = (a.digits_value()?, b.digits_value()?);
    (n > 0.0 && n < d && d <= 16.0 && !a.text.contains('.') && !b.text.contains('.')).then_some((n / d, i + 3))
}

/// Is `lex[i]` one side of figures joined by a slash that no date rule
/// took ("9/11", "24/7", "2/3")? Neither side is a number on its own.
pub(crate) fn in_slashed_pair(lex: &[Lex], i: usize) -> bool {
    let glued = |a: usize, b: usize| lex[a].span.end == lex[b].span.start;
    let slash_at = |k: usize| lex.get(k).is_some_and(|s| s.text == "/");
    let before = i >= 2 && slash_at(i - 1) && glued(i - 1, i) && glued(i - 2, i - 1) && lex[i - 2].is_digits();
    let after =
        slash_at(i + 1) && glued(i, i + 1) && lex.get(i + 2).is_some_and(|b| b.is_digits() && glued(i + 1, i + 2));
    before || after
}

/// The scale word that ends a number at `lex[j - 1]` ("million",
/// "millions", "bn"), if it does.
pub(crate) fn scale_before(lex: &[Lex], j: usize) -> Option<f64> {
    let k = j.checked_sub(1)?;
    scale_at(lex, k).or_else(|| {
        let t = lex[k].text;
        let singular = t.strip_suffix('s')?;
        ["thousand", "million", "billion", "trillion"]
            .iter()
            .position(|w| singular.eq_ignore_ascii_case(w))
            .map(|p| 1e3 * 1e3f64.powi(p as i32))
    })
}

/// The smaller parts after a scaled figure worth `v` that ends at `j`:
/// "4 thousand 3 hundred" (+300), "3 hundred and one" (+1). Each part is
/// below the scale it follows, so "4 thousand 5 thousand" stays two.
pub(crate) fn scaled_rest(lex: &[Lex], j: usize, v: f64) -> Option<(f64, usize)> {
    let l = lex.get(j)?;
    if l.is("and") {
        // "3 hundred and one": words, not "and 2.12 hundred".
        let (n, e) = words_number(lex, j + 1)?;
        let scaled_on = lex.get(e).is_some_and(|x| x.is("hundred")) || scale_at(lex, e).is_some();
        return (n < 100.0 && v >= 100.0 && !scaled_on).then_some((n, e));
    }
    if !l.text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: f64 = l.text.parse().ok()?;
    let (part, e) = if lex.get(j + 1).is_some_and(|x| x.is("hundred")) {
        (n * 100.0, j + 2)
    } else {
        let s = scale_at(lex, j + 1).filter(|s| *s >= 1e3)?;
        (n * s, j + 2)
    };
    // The part must be smaller than the scale before it.
    let unit = 10f64.powi(v.log10().floor() as i32);
    (part < unit).then_some((part, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::numbers::lex;
    use crate::span::Span;

    fn on(text: &str, v: f64, j: usize, scale: Option<f64>) -> Option<(f64, usize)> {
        let l = lex(text, Span::new(0, text.len()));
        extend(&l, j, v, scale, |w| w.starts_with("hour"))
    }

    #[test]
    fn slash_fractions() {
        let l = lex("3/4 mile", Span::new(0, 8));
        assert_eq!(slash_fraction(&l, 0), Some((0.75, 3)));
        let l = lex("24/7", Span::new(0, 4));
        assert_eq!(slash_fraction(&l, 0), None);
    }

    #[test]
    fn fractions_of_a_scale_or_a_unit() {
        assert_eq!(on("five and a half million", 5.0, 1, None), Some((5_500_000.0, 5)));
        assert_eq!(on("3 million and a quarter", 3e6, 2, Some(1e6)), Some((3_250_000.0, 5)));
        assert_eq!(on("one and three quarters of an hour", 1.0, 1, None), Some((1.75, 6)));
        assert_eq!(on("one and quarter hour", 1.0, 1, None), Some((1.25, 3)));
        assert_eq!(
            on("one billion and a quarter million", 1e9, 2, Some(1e9)),
            Some((1_000_250_000.0, 6))
        );
        // Nothing says what the half is of.
        assert_eq!(on("two and a half", 2.0, 1, None), None);
        assert_eq!(on("two and a half years", 2.0, 1, None), None);
    }
}
