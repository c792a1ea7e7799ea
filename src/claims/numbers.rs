//! The numeric grammar of news copy: a lexer that keeps "41,000" and
//! "twenty-one" whole, digits with separators and scale words ("1.2
//! million"), number words ("two hundred five", "two dozen"), and hedges
//! that turn a number into an interval ("more than 300", "hundreds of").

use std::sync::LazyLock;

use serde::Serialize;

use crate::lexicon::NUMBER_WORDS;
use crate::span::Span;

/// One lexical unit of a sentence for the claim grammar.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Lex<'a> {
    pub span: Span,
    pub text: &'a str,
}

impl<'a> Lex<'a> {
    pub fn lower(&self) -> crate::lexicon::Lower<'a> {
        crate::lexicon::lowercase(self.text)
    }
    /// The lengths are compared first, in place: most units differ in
    /// length from the words asked for, and need no call to compare.
    #[inline]
    pub fn is(&self, s: &str) -> bool {
        self.text.len() == s.len() && self.text.eq_ignore_ascii_case(s)
    }
    /// Is the unit one of `words` (lower-case, ASCII case ignored)?
    #[inline]
    pub fn is_one_of(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(w))
    }
    pub fn is_digits(&self) -> bool {
        self.text.starts_with(|c: char| c.is_ascii_digit())
    }
    pub fn is_word(&self) -> bool {
        self.text.starts_with(char::is_alphabetic)
    }
    pub fn is_capitalized(&self) -> bool {
        self.text.starts_with(char::is_uppercase)
    }
    /// A digit numeral's value ("41,000" → 41000).
    pub fn digits_value(&self) -> Option<f64> {
        if !self.is_digits() {
            return None;
        }
        // Most numerals are a few plain digits: exact as an integer, and
        // with no copy or float parsing.
        let b = self.text.as_bytes();
        if b.len() <= 15 && b.iter().all(u8::is_ascii_digit) {
            return Some(b.iter().fold(0u64, |n, d| n * 10 + u64::from(d - b'0')) as f64);
        }
        if !self.text.contains(',') {
            return self.text.parse().ok();
        }
        self.text.replace(',', "").parse().ok()
    }
}

/// Length of a numeral at the start of `s`: "41,000", "24.6", "40s".
fn numeral_len(s: &[u8]) -> usize {
    let digits = |from: usize| s[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    let mut n = digits(0);
    // Thousands groups: "41,000", "1,200,000" (each group exactly three digits).
    if n <= 3 {
        while s.get(n) == Some(&b',') && digits(n + 1) == 3 && !s.get(n + 4).is_some_and(u8::is_ascii_digit) {
            n += 4;
        }
    }
    if s.get(n) == Some(&b'.') && s.get(n + 1).is_some_and(u8::is_ascii_digit) {
        n += 1 + digits(n + 1);
    }
    // "the 40s": a decade or a band, kept whole.
    if s.get(n) == Some(&b's') && !s.get(n + 1).is_some_and(|b| b.is_ascii_alphanumeric()) {
        n += 1;
    }
    n
}

/// Length of a word at the start of `s`: letters, joined by apostrophes,
/// periods, hyphens or ampersands when a letter or digit follows
/// ("O’Brien", "U.S", "six-day", "S&P"), plus one trailing period.
fn word_len(s: &str) -> usize {
    let mut n = crate::token::run_len(s, 0, char::is_alphabetic, u8::is_ascii_alphabetic);
    while let Some(j) = s[n..]
        .chars()
        .next()
        .filter(|j| matches!(j, '’' | '\'' | '.' | '-' | '&'))
    {
        let after = n + j.len_utf8();
        let run = crate::token::run_len(s, after, char::is_alphanumeric, u8::is_ascii_alphanumeric);
        if run == 0 {
            break;
        }
        n = after + run;
    }
    if s[n..].starts_with('.') {
        n += 1;
    }
    n
}

/// Lexes `text[span]`; spans are into `text`.
pub(crate) fn lex(text: &str, span: Span) -> Vec<Lex<'_>> {
    let mut out = Vec::with_capacity(span.len() / 4);
    out.extend(lex_iter(text, span));
    out
}

/// [`lex`], reading the article's tokens of `text[span]` (in order) where
/// they are already the units the lexer would cut: a punctuation mark, a
/// word of ASCII letters, or ASCII digits, unless what follows would extend
/// them ("Jan" before its period, "41" before ",000"). Everything else
/// ("six-day", "U.S.", "41,000", a token cut by the span's edge) is lexed
/// from where the last unit ended. The lexer keeps no state between units,
/// so the result is [`lex`]'s; a test holds the two equal.
pub(crate) fn lex_with_tokens<'a>(text: &'a str, span: Span, tokens: &[crate::token::Token<'a>]) -> Vec<Lex<'a>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(tokens.len());
    let mut pos = span.start;
    let mut k = 0;
    // Is there only whitespace between `pos` and token `k`? Between two
    // tokens there is; before the first, a token crossing the edge may
    // have left part of itself.
    let mut aligned = tokens
        .first()
        .is_some_and(|t| t.span().start >= pos && text[pos..t.span().start].chars().all(char::is_whitespace));
    while pos < span.end {
        if aligned && let Some(t) = tokens.get(k).filter(|t| t.span().end <= span.end) {
            let after = bytes.get(t.span().end).copied();
            let whole = if !t.is_word() {
                true
            } else if !t.plain() {
                false
            } else if t.has_digit() {
                !matches!(after, Some(b'.' | b',')) && t.text.bytes().all(|b| b.is_ascii_digit())
            } else {
                after != Some(b'.')
            };
            if whole {
                out.push(Lex {
                    span: t.span(),
                    text: t.text,
                });
                pos = t.span().end;
                k += 1;
                continue;
            }
        }
        let Some(unit) = lex_iter(text, Span::new(pos, span.end)).next() else {
            break;
        };
        pos = unit.span.end;
        out.push(unit);
        while tokens.get(k).is_some_and(|t| t.span().start < pos) {
            k += 1;
        }
        // A unit that ends where a token ends leaves only whitespace
        // before the next; one that ends inside a token ("C" of "C2I")
        // leaves the rest of it.
        aligned = k > 0 && tokens[k - 1].span().end == pos;
    }
    out
}

/// [`lex`] one unit at a time, for rules that read only the first few.
pub(crate) fn lex_iter(text: &str, span: Span) -> impl Iterator<Item = Lex<'_>> {
    let s = span.of(text);
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < s.len() {
            let byte = s.as_bytes()[i];
            let c = if byte.is_ascii() {
                char::from(byte)
            } else {
                s[i..].chars().next().unwrap_or(' ')
            };
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            // The common case, a plain ASCII word followed by a space or a
            // comma, without the joiner machinery of `word_len`.
            if byte.is_ascii_alphabetic() {
                let b = s.as_bytes();
                let mut e = i + 1;
                while e < b.len() && b[e].is_ascii_alphabetic() {
                    e += 1;
                }
                if e == b.len() || matches!(b[e], b' ' | b',' | b'\n' | b';' | b':' | b')' | b'"') {
                    let lexed = Lex {
                        span: Span::new(span.start + i, span.start + e),
                        text: &s[i..e],
                    };
                    i = e;
                    return Some(lexed);
                }
            }
            let len = if c.is_ascii_digit() {
                numeral_len(&s.as_bytes()[i..])
            } else if c.is_alphabetic() {
                word_len(&s[i..])
            } else {
                c.len_utf8()
            };
            let mut t = &s[i..i + len];
            // A trailing period stays only on abbreviations ("Jan.", "U.S.").
            if t.len() > 1 && t.ends_with('.') && t.starts_with(char::is_alphabetic) {
                let w = &t[..t.len() - 1];
                use crate::lexicon::class;
                let keep = w.contains('.')
                    || crate::lexicon::classes(t) & (class::MONTH | class::WEEKDAY | class::ABBREVIATION) != 0;
                if !keep {
                    t = w;
                }
            }
            let lexed = Lex {
                span: Span::new(span.start + i, span.start + i + t.len()),
                text: t,
            };
            i += t.len();
            return Some(lexed);
        }
        None
    })
}

/// How a hedge widens a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Approx,
    Nearly,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
    Vague,
}

impl Qualifier {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "approx" => Qualifier::Approx,
            "nearly" => Qualifier::Nearly,
            "more_than" => Qualifier::MoreThan,
            "at_least" => Qualifier::AtLeast,
            "less_than" => Qualifier::LessThan,
            "at_most" => Qualifier::AtMost,
            _ => return None,
        })
    }
}

/// A number as the article states it: exact, or an interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Amount {
    /// The number written; `None` for vague amounts ("hundreds").
    pub value: Option<f64>,
    pub min: f64,
    pub max: f64,
    pub qualifier: Option<Qualifier>,
}

impl Amount {
    pub fn exact(v: f64) -> Self {
        Amount {
            value: Some(v),
            min: v,
            max: v,
            qualifier: None,
        }
    }

    pub fn hedged(v: f64, q: Qualifier) -> Self {
        let (min, max) = match q {
            // Newsroom rounding: "about 370" covers a tenth either way.
            Qualifier::Approx => (v * 0.9, v * 1.1),
            Qualifier::Nearly => (v * 0.85, v),
            Qualifier::MoreThan | Qualifier::AtLeast => (v, f64::INFINITY),
            Qualifier::LessThan | Qualifier::AtMost => (0.0, v),
            Qualifier::Vague => (v, v * 10.0 - 1.0),
        };
        Amount {
            value: Some(v),
            min,
            max,
            qualifier: Some(q),
        }
    }

    pub fn vague(min: f64, max: f64) -> Self {
        Amount {
            value: None,
            min,
            max,
            qualifier: Some(Qualifier::Vague),
        }
    }

    pub fn is_exact(&self) -> bool {
        self.qualifier.is_none()
    }

    /// Can the two amounts be the same number?
    pub fn agrees(&self, other: &Amount) -> bool {
        self.min <= other.max + 1e-9 && other.min <= self.max + 1e-9
    }

    pub fn scaled(self, k: f64) -> Self {
        Amount {
            value: self.value.map(|v| v * k),
            min: self.min * k,
            max: self.max * k,
            qualifier: self.qualifier,
        }
    }

    /// JSON: a number when exact, else `{"value","min","max","qualifier"}`.
    pub fn to_json(&self) -> serde_json::Value {
        match (self.qualifier, self.value) {
            (None, Some(v)) => num(v),
            _ => {
                let mut m = serde_json::Map::new();
                if let Some(v) = self.value {
                    m.insert("value".into(), num(v));
                }
                m.insert("min".into(), num(self.min));
                m.insert("max".into(), num(self.max));
                if let Some(q) = self.qualifier {
                    m.insert("qualifier".into(), serde_json::to_value(q).unwrap_or_default());
                }
                serde_json::Value::Object(m)
            }
        }
    }
}

/// A JSON number, integral when it is one; infinity becomes null.
pub fn num(v: f64) -> serde_json::Value {
    if !v.is_finite() {
        serde_json::Value::Null
    } else if v.fract() == 0.0 && v.abs() < 1e15 {
        serde_json::Value::from(v as i64)
    } else {
        serde_json::Value::from((v * 10000.0).round() / 10000.0)
    }
}

const HEDGES_SRC: &str = include_str!("../../data/lexicon/hedges.txt");

static HEDGES: LazyLock<Vec<(Vec<&'static str>, Qualifier)>> = LazyLock::new(|| {
    let mut v: Vec<(Vec<&'static str>, Qualifier)> = HEDGES_SRC
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .filter_map(|l| {
            let (phrase, q) = l.rsplit_once(' ')?;
            Some((phrase.split(' ').collect(), Qualifier::parse(q)?))
        })
        .collect();
    v.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    v
});

/// The last words of the hedges: most words before a number end none, and
/// one lookup says so before the phrases are compared.
static HEDGE_ENDS: LazyLock<crate::lexicon::WordTable<()>> = LazyLock::new(|| {
    HEDGES
        .iter()
        .filter_map(|(phrase, _)| phrase.last().copied())
        .chain(["estimated"])
        .collect()
});

/// The hedge that ends right before `lex[i]`, as (first index, qualifier).
pub(crate) fn hedge_before(lex: &[Lex], i: usize) -> Option<(usize, Qualifier)> {
    if i == 0 || !HEDGE_ENDS.contains(lex[i - 1].text) {
        return None;
    }
    for (phrase, q) in HEDGES.iter() {
        let n = phrase.len();
        if i < n {
            continue;
        }
        if lex[i - n..i].iter().zip(phrase).all(|(l, p)| l.is(p)) {
            // "just over", "an estimated": take a leading "just"/"an estimated" too.
            return Some((i - n, *q));
        }
    }
    if i >= 2 && lex[i - 1].is("estimated") && lex[i - 2].is("an") {
        return Some((i - 2, Qualifier::Approx));
    }
    None
}

const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("m", 1e6),
    ("bn", 1e9),
    ("k", 1e3),
];

/// A scale word at `lex[i]` ("million").
pub(crate) fn scale_at(lex: &[Lex], i: usize) -> Option<f64> {
    let t = lex.get(i)?;
    SCALES.iter().find(|(w, _)| t.is(w)).map(|(_, k)| *k)
}

fn word_value(w: &str) -> Option<u32> {
    NUMBER_WORDS.get(w).copied()
}

/// Value of one word that may be hyphenated: "twenty-one" → 21.
fn compound_word(w: &str) -> Option<u32> {
    if let Some(v) = word_value(w) {
        return Some(v);
    }
    let (a, b) = w.split_once('-')?;
    let (ta, tb) = (word_value(a)?, word_value(b)?);
    (ta >= 20 && ta % 10 == 0 && tb < 10).then_some(ta + tb)
}

/// A number written in words starting at `lex[i]`: value and the index
/// after it. "two hundred five" → 205; "two dozen" → 24; "a dozen" → 12.
pub(crate) fn words_number(lex: &[Lex], i: usize) -> Option<(f64, usize)> {
    let mut total = 0f64;
    let mut current = 0f64;
    let mut j = i;
    let mut any = false;
    while j < lex.len() {
        let l = &lex[j];
        if let Some(v) = compound_word(l.text) {
            // "thirty one" is 31; "five six" is two numbers.
            let tens_then_unit = current % 100.0 >= 20.0 && current % 10.0 == 0.0 && v < 10;
            if any && current % 100.0 != 0.0 && current != 0.0 && !tens_then_unit {
                break;
            }
            current += f64::from(v);
            any = true;
        } else if l.is("hundred") && any {
            current = current.max(1.0) * 100.0;
        } else if l.is("dozen") && any {
            current *= 12.0;
        } else if let Some(k) = SCALES
            .iter()
            .find(|(w, _)| {
                w.len() > 2
                    && (l.is(w)
                        || (any
                            && l.text.len() == w.len() + 1
                            && l.text.ends_with('s')
                            && l.text[..w.len()].eq_ignore_ascii_case(w)))
            })
            .map(|(_, k)| *k)
        {
            // "three billions" too.
            if !any {
                break;
            }
            // "three thousand millions": a scale over the whole so far.
            if current == 0.0 && total > 0.0 && total < k {
                total *= k;
            } else {
                total += current * k;
            }
            current = 0.0;
            // "one million and a half".
            if lex.get(j + 1).is_some_and(|n| n.is("and"))
                && lex.get(j + 2).is_some_and(|n| n.is("a"))
                && lex.get(j + 3).is_some_and(|n| n.is("half"))
            {
                total += k / 2.0;
                j += 4;
                break;
            }
        } else if l.is("and")
            && any
            && lex.get(j + 1).is_some_and(|n| compound_word(n.text).is_some())
            && current >= 100.0
        {
            // "two hundred and five"
        } else {
            break;
        }
        j += 1;
    }
    if !any && lex.get(i).is_some_and(|t| t.is("a")) && lex.get(i + 1).is_some_and(|t| t.is("dozen")) {
        return Some((12.0, i + 2));
    }
    // "fewer than a thousand", "a million people": one of the scale.
    if !any && lex.get(i).is_some_and(|t| t.is("a")) {
        if let Some(k) = lex.get(i + 1).and_then(|t| {
            ["hundred", "thousand", "million", "billion"]
                .iter()
                .position(|w| t.is(w))
                .map(|p| [100.0, 1e3, 1e6, 1e9][p])
        }) {
            return Some((k, i + 2));
        }
    }
    if !any {
        return None;
    }
    // "five point five", "nine point nought four": spoken decimals.
    if total == 0.0 && lex.get(j).is_some_and(|n| n.is("point")) {
        let mut digits = String::new();
        let mut k = j + 1;
        while let Some(d) = lex.get(k).and_then(|n| {
            if n.is_one_of(&["zero", "nought", "naught", "oh"]) {
                Some(0)
            } else {
                word_value(n.text).filter(|&v| v < 10)
            }
        }) {
            digits.push(char::from(b'0' + d as u8));
            k += 1;
        }
        if let Ok(frac) = format!("0.{digits}").parse::<f64>() {
            if !digits.is_empty() {
                return Some((current + frac, k));
            }
        }
    }
    Some((total + current, j))
}

/// Vague amounts and the intervals they stand for: "hundreds" is 200–999.
pub(crate) const VAGUE_AMOUNTS: &[(&str, f64, f64)] = &[
    ("dozens", 24.0, 99.0),
    ("hundreds", 200.0, 999.0),
    ("thousands", 2000.0, 9999.0),
    ("millions", 2e6, 1e9 - 1.0),
    ("billions", 2e9, 1e12 - 1.0),
];

/// Fraction words and the share they state, in percent.
pub(crate) const FRACTIONS: &[(&str, f64)] = &[
    ("half", 50.0),
    ("third", 100.0 / 3.0),
    ("thirds", 100.0 / 3.0),
    ("quarter", 25.0),
    ("quarters", 25.0),
    ("fifth", 20.0),
    ("fifths", 20.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
];

/// Vague amounts: "hundreds", "dozens", "thousands", "scores".
pub(crate) fn vague_at(lex: &[Lex], i: usize) -> Option<Amount> {
    let t = lex.get(i)?;
    // "a six-figure sum": 100,000 to 999,999.
    if let Some(head) = t.text.strip_suffix("-figure") {
        let n = word_value(&head.to_lowercase()).or_else(|| head.parse().ok())?;
        return (2..=15)
            .contains(&n)
            .then(|| Amount::vague(10f64.powi(n as i32 - 1), 10f64.powi(n as i32) - 1.0));
    }
    VAGUE_AMOUNTS
        .iter()
        .find(|(w, _, _)| t.is(w))
        .map(|&(_, min, max)| Amount::vague(min, max))
}

/// Fractions and ratios that state a share: "half", "a third", "two-thirds",
/// "one in five". Returns the percentage and the index after.
pub(crate) fn fraction_at(lex: &[Lex], i: usize) -> Option<(f64, usize)> {
    let t = lex.get(i)?;
    let frac = |w: &str| {
        FRACTIONS
            .iter()
            .find(|(f, _)| w.eq_ignore_ascii_case(f))
            .map(|&(_, share)| share)
    };
    if t.is("half") {
        return Some((50.0, i + 1));
    }
    if let Some((a, b)) = t.text.split_once('-') {
        if let (Some(n), Some(f)) = (word_value(a), frac(b)) {
            if n >= 2 && b.ends_with(['s', 'S']) {
                // Two decimals, as copy would print it: two-thirds = 66.67.
                return Some(((f64::from(n) * f * 100.0).round() / 100.0, i + 1));
            }
        }
    }
    if t.is_one_of(&["a", "one"]) {
        let next = lex.get(i + 1)?;
        if let Some(f) = frac(next.text).filter(|_| !next.is("half")) {
            // "a third of", not "a third term".
            if lex.get(i + 2).is_some_and(|t| t.is("of")) {
                return Some(((f * 100.0).round() / 100.0, i + 2));
            }
        }
        if next.is("in") {
            let d = lex.get(i + 2)?;
            let dv = d.digits_value().or_else(|| word_value(d.text).map(f64::from))?;
            if dv > 1.0 {
                return Some((100.0 / dv, i + 3));
            }
        }
    }
    None
}

/// Is `b` written right against `a` ("18" "th", "14" "april")?
pub(crate) fn adjacent(a: &Lex, b: &Lex) -> bool {
    a.span.end == b.span.start
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexed(t: &str) -> Vec<Lex<'_>> {
        lex(t, Span::new(0, t.len()))
    }

    #[test]
    fn every_vague_amount_can_start_a_claim() {
        for (word, _, _) in VAGUE_AMOUNTS {
            assert!(
                crate::lexicon::CLAIM_STARTS.contains(word),
                "{word} is missing from data/lexicon/claim_starts.txt"
            );
        }
    }

    #[test]
    fn every_hedge_ends_in_a_listed_word() {
        for (phrase, _) in HEDGES.iter() {
            assert!(HEDGE_ENDS.contains(phrase.last().unwrap()), "{phrase:?}");
        }
    }

    #[test]
    fn units_read_from_the_tokens_are_the_lexers_units() {
        let tricky = "Mr. O’Brien said 41,000 (up 2.5%) on Jan. 3, 2024-25, C2I, 10th, \
                      the 40s, $1.2 million; voters’ U.S. six-day rock- and-roll. B52 café \
                      ½ ² “Quote,” he said… 370, 1,2345 H. Hyde’s co-op S&P 500 A.I.";
        let mut texts = vec![tricky.to_string()];
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        for e in std::fs::read_dir(dir).unwrap() {
            // The fixture articles (some entries are folders of them).
            texts.extend(std::fs::read_to_string(e.unwrap().path()).ok());
        }
        for t in &texts {
            let tokens = crate::token::tokenize(t, Span::new(0, t.len()));
            // Whole texts, and cuts that split tokens at both edges.
            let mut spans = vec![Span::new(0, t.len())];
            for (a, b) in [(1, 40), (5, 23), (17, 90), (3, 200)] {
                let (mut a, mut b) = (a.min(t.len()), b.min(t.len()));
                while !t.is_char_boundary(a) {
                    a += 1;
                }
                while !t.is_char_boundary(b) {
                    b += 1;
                }
                spans.push(Span::new(a, b.max(a)));
            }
            for span in spans {
                let within = crate::token::within(&tokens, span);
                let from_tokens: Vec<_> = lex_with_tokens(t, span, within)
                    .iter()
                    .map(|l| (l.span, l.text))
                    .collect();
                let lexed: Vec<_> = lex(t, span).iter().map(|l| (l.span, l.text)).collect();
                assert_eq!(from_tokens, lexed, "{span:?}");
            }
        }
    }

    #[test]
    fn numerals_have_their_written_value() {
        let value = |t: &str| lexed(t)[0].digits_value();
        assert_eq!(value("370 arrests"), Some(370.0));
        assert_eq!(value("007"), Some(7.0));
        assert_eq!(value("41,000 people"), Some(41000.0));
        assert_eq!(value("1,200,000"), Some(1_200_000.0));
        assert_eq!(value("24.6 percent"), Some(24.6));
        assert_eq!(value("12345678901234567890"), Some(12345678901234567890.0));
        assert_eq!(lexed("40s")[0].digits_value(), None);
    }

    #[test]
    fn lexer_keeps_separators_and_compounds() {
        let t = "about 41,000 twenty-one COVID-19 Jan. 3, 1.2";
        let words: Vec<&str> = lexed(t).iter().map(|l| l.text).collect();
        assert_eq!(
            words,
            vec!["about", "41,000", "twenty-one", "COVID-19", "Jan.", "3", ",", "1.2"]
        );
    }

    #[test]
    fn number_words_compose() {
        for (t, v) in [
            ("two hundred five", 205.0),
            ("twenty-one", 21.0),
            ("two dozen", 24.0),
            ("a dozen", 12.0),
            ("three thousand", 3000.0),
            ("three hundred and thirty one", 331.0),
            ("three billions", 3e9),
            ("one million and a half", 1_500_000.0),
            ("five point five", 5.5),
            ("nine point nought four", 9.04),
        ] {
            let l = lexed(t);
            assert_eq!(words_number(&l, 0).map(|x| x.0), Some(v), "{t}");
        }
    }

    #[test]
    fn hedges_make_intervals() {
        let more = Amount::hedged(300.0, Qualifier::MoreThan);
        assert!(more.agrees(&Amount::exact(370.0)));
        assert!(!Amount::hedged(300.0, Qualifier::LessThan).agrees(&Amount::exact(370.0)));
        assert!(Amount::vague(200.0, 999.0).agrees(&Amount::exact(370.0)));
    }

    #[test]
    fn figures_are_vague() {
        let l = lex("a six-figure sum", Span::new(0, 16));
        let a = vague_at(&l, 1).unwrap();
        assert_eq!((a.min, a.max, a.value), (100_000.0, 999_999.0, None));
        let l = lex("a one-figure sum", Span::new(0, 16));
        assert!(vague_at(&l, 1).is_none());
    }

    #[test]
    fn fractions_are_percentages() {
        let l = lexed("one in five");
        assert_eq!(fraction_at(&l, 0), Some((20.0, 3)));
        let l = lexed("two-thirds");
        assert!((fraction_at(&l, 0).unwrap().0 - 66.6667).abs() < 0.01);
    }
}
