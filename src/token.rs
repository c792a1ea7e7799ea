//! The word tokenizer. An article's body is tokenized once; the roster, the
//! quote rules and the claim sources read slices of that stream
//! ([`within`]). Words keep internal apostrophes, hyphens and periods
//! ("O’Brien", "Holtz-Eakin", "U.S."); a trailing period stays on
//! abbreviations and initials only. Everything else is a one-character
//! punctuation token. Each word carries the word lists it is on.

use std::borrow::Cow;

use crate::lexicon::{ABBREVIATIONS, HONORIFICS};
use crate::span::Span;

/// A token is 24 bytes (its text, its start as `u32`, its word lists,
/// the mention layer's word bits and four flags in one byte): an article holds one per word and mark, so a
/// 10 MB text of quotation marks made 4.7 million of them, and at 40 bytes
/// they were most of the peak memory (issue 15). Inputs are at most
/// 64 MiB, so a byte offset fits a `u32`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    pub text: &'a str,
    start: u32,
    /// The word lists the word is on (`lexicon::class` bits), looked up
    /// once here because every rule downstream asks.
    pub class: u16,
    /// [`WORD`], [`CAPITALIZED`], [`PLAIN`] and [`HAS_DIGIT`].
    flags: u8,
    /// The mention layer's word bits (`mentions::word`) of the whole
    /// word, found by the same lookup as `class`: the chunker asks them of
    /// every word and its neighbour.
    pub(crate) mention_bits: u8,
}

/// A word (not punctuation).
const WORD: u8 = 1;
/// A word that starts with a capital letter: most rules ask, so it is
/// worked out once here.
const CAPITALIZED: u8 = 2;
/// A word of ASCII letters and digits only (no apostrophe, hyphen or
/// period): the claim rules take such words as they are.
const PLAIN: u8 = 4;
/// A word with an ASCII digit in it.
const HAS_DIGIT: u8 = 8;

/// A flag bit when `on`.
fn bit(on: bool, flag: u8) -> u8 {
    if on { flag } else { 0 }
}

impl<'a> Token<'a> {
    fn new(span: Span, text: &'a str, (class, mention_bits): (u16, u8), flags: u8) -> Self {
        debug_assert_eq!(span.len(), text.len());
        Token {
            text,
            start: u32::try_from(span.start).expect("inputs are at most 64 MiB"),
            class,
            flags,
            mention_bits,
        }
    }

    /// Where the token is in the input.
    pub fn span(&self) -> Span {
        let start = self.start as usize;
        Span::new(start, start + self.text.len())
    }

    /// A word (not punctuation).
    pub fn is_word(&self) -> bool {
        self.flags & WORD != 0
    }

    /// A word that starts with a capital letter.
    pub fn capitalized(&self) -> bool {
        self.flags & CAPITALIZED != 0
    }

    /// A word of ASCII letters and digits only.
    pub fn plain(&self) -> bool {
        self.flags & PLAIN != 0
    }

    /// A word with an ASCII digit in it.
    pub fn has_digit(&self) -> bool {
        self.flags & HAS_DIGIT != 0
    }

    pub fn lower(&self) -> crate::lexicon::Lower<'a> {
        crate::lexicon::lowercase(self.text)
    }

    #[inline]
    pub fn is(&self, s: &str) -> bool {
        // The lengths first, in place: rules ask this of most tokens, and
        // most differ in length from the word asked for.
        self.text.len() == s.len() && self.text.eq_ignore_ascii_case(s)
    }

    /// Is the word one of `words` (lower-case, ASCII case ignored)? Rules
    /// ask this of most tokens; comparing in place copies nothing.
    pub fn is_one_of(&self, words: &[&str]) -> bool {
        // The lengths first, in place: most words differ in length, and
        // the comparison need not be called for them.
        words
            .iter()
            .any(|w| w.len() == self.text.len() && self.text.eq_ignore_ascii_case(w))
    }

    /// A word (not punctuation).
    fn word(span: Span, text: &'a str) -> Self {
        let capitalized = match text.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => text.chars().next().is_some_and(char::is_uppercase),
        };
        let b = text.as_bytes();
        let flags = WORD
            | bit(capitalized, CAPITALIZED)
            | bit(b.iter().all(u8::is_ascii_alphanumeric), PLAIN)
            | bit(b.iter().any(u8::is_ascii_digit), HAS_DIGIT);
        Token::new(span, text, crate::lexicon::classes_and_mention_bits(text), flags)
    }

    /// A word of ASCII letters and digits, the tokenizer's common case:
    /// [`Token::word`] without the tests for other scripts.
    fn ascii_word(span: Span, text: &'a str, has_digit: bool) -> Self {
        let flags =
            WORD | PLAIN | bit(text.as_bytes()[0].is_ascii_uppercase(), CAPITALIZED) | bit(has_digit, HAS_DIGIT);
        Token::new(span, text, crate::lexicon::classes_of_ascii(text), flags)
    }

    /// A punctuation mark.
    pub fn mark(span: Span, text: &'a str) -> Self {
        Token::new(span, text, (0, 0), 0)
    }

    pub fn is_capitalized(&self) -> bool {
        self.capitalized()
    }

    /// The word without a possessive ending ("Trump’s" → "Trump").
    pub fn stem(&self) -> &str {
        self.text
            .strip_suffix("’s")
            .or_else(|| self.text.strip_suffix("'s"))
            .or_else(|| self.text.strip_suffix("‘s"))
            .unwrap_or(self.text)
    }

    /// Is the word on any of the `lexicon::class` lists in `bits`?
    pub fn has(&self, bits: u16) -> bool {
        self.class & bits != 0
    }

    /// The word lists of the word without its possessive ending.
    pub fn stem_class(&self) -> u16 {
        let stem = self.stem();
        if stem.len() == self.text.len() {
            self.class
        } else {
            crate::lexicon::classes(stem)
        }
    }

    /// A month or a weekday, possessive or not ("March", "Tuesday’s").
    pub fn is_date_word(&self) -> bool {
        self.has(crate::lexicon::class::MONTH) || self.stem_class() & crate::lexicon::class::WEEKDAY != 0
    }

    pub fn is_possessive(&self) -> bool {
        self.text.ends_with("’s") || self.text.ends_with("'s") || self.text.ends_with("‘s") || self.text.ends_with("s’")
    }
}

fn is_word_char(c: char) -> bool {
    // Curly quotes, apostrophes, dashes and ellipses (General Punctuation)
    // are most of a news story's non-ASCII characters and never letters:
    // answering for them here skips the Unicode table search.
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        return false;
    }
    c.is_alphanumeric()
}

/// Characters that join two runs of letters into one word. `‘` is there
/// because copy types it for an apostrophe ("Obama‘s"); quote pairing
/// reads it so too.
fn is_joiner(c: char) -> bool {
    matches!(c, '’' | '\'' | '‘' | '-' | '.' | '&')
}

/// Bytes from `from` while characters pass `test` (`ascii` is the same
/// test on an ASCII byte: most text is ASCII, and decoding is the cost).
pub(crate) fn run_len(s: &str, from: usize, test: fn(char) -> bool, ascii: fn(&u8) -> bool) -> usize {
    let b = s.as_bytes();
    let mut k = from;
    while let Some(&x) = b.get(k) {
        if x.is_ascii() {
            if !ascii(&x) {
                break;
            }
            k += 1;
        } else {
            match s[k..].chars().next() {
                Some(c) if test(c) => k += c.len_utf8(),
                _ => break,
            }
        }
    }
    k - from
}

/// The tokens that pass `keep`: the slice itself when all of them do (the
/// usual case, so nothing is copied), else a filtered copy.
pub(crate) fn kept<'t, 'a>(tokens: &'t [Token<'a>], keep: impl Fn(&Token) -> bool) -> Cow<'t, [Token<'a>]> {
    if tokens.iter().all(&keep) {
        Cow::Borrowed(tokens)
    } else {
        Cow::Owned(tokens.iter().filter(|t| keep(t)).copied().collect())
    }
}

/// The tokens of `tokens` (one tokenized text, in order) that lie inside
/// `span`: the article is tokenized once and each rule takes its slice.
pub(crate) fn within<'t, 'a>(tokens: &'t [Token<'a>], span: Span) -> &'t [Token<'a>] {
    let lo = tokens.partition_point(|t| t.span().start < span.start);
    let mut hi = lo + tokens[lo..].partition_point(|t| t.span().start < span.end);
    while hi > lo && tokens[hi - 1].span().end > span.end {
        hi -= 1;
    }
    &tokens[lo..hi]
}

/// [`within`], when no token crosses an edge of `span`: then the slice is
/// what tokenizing `text[span]` alone would give. `None` when a token
/// straddles an edge ("Trump" of "Trump’s"), where it would not.
pub(crate) fn exactly_within<'t, 'a>(tokens: &'t [Token<'a>], span: Span) -> Option<&'t [Token<'a>]> {
    let lo = tokens.partition_point(|t| t.span().start < span.start);
    let hi = lo + tokens[lo..].partition_point(|t| t.span().start < span.end);
    let crosses_start = lo > 0 && tokens[lo - 1].span().end > span.start;
    let crosses_end = hi > lo && tokens[hi - 1].span().end > span.end;
    (!crosses_start && !crosses_end).then(|| &tokens[lo..hi])
}

/// [`within`] for spans asked in text order (the sentences of an article):
/// `cursor` keeps where the previous span's tokens began, and the search
/// walks on from there instead of starting over.
pub(crate) fn within_from<'t, 'a>(tokens: &'t [Token<'a>], cursor: &mut usize, span: Span) -> &'t [Token<'a>] {
    if tokens.get(*cursor).is_some_and(|t| t.span().start > span.start) {
        *cursor = 0; // asked out of order: search from the top
    }
    let mut lo = *cursor;
    while tokens.get(lo).is_some_and(|t| t.span().start < span.start) {
        lo += 1;
    }
    *cursor = lo;
    let mut hi = lo;
    while tokens.get(hi).is_some_and(|t| t.span().start < span.end) {
        hi += 1;
    }
    while hi > lo && tokens[hi - 1].span().end > span.end {
        hi -= 1;
    }
    &tokens[lo..hi]
}

/// The character at byte `i` (ASCII without decoding).
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s[i..].chars().next(),
        None => None,
    }
}

/// At least as many as the tokens of `b`: every character that is not
/// whitespace and is not an ASCII letter or digit right after another
/// (each token starts at such a character). Sizing the token vector once
/// spares a long article the doubling copies, whose old and new halves
/// were alive together at the peak of memory (issue 15); the capacity
/// left over is never written, so it costs address space, not memory.
fn most_tokens(b: &[u8]) -> usize {
    let mut n = 0;
    let mut after_alnum = false;
    for &x in b {
        let alnum = x.is_ascii_alphanumeric();
        let starts = !(x.is_ascii_whitespace() || (0x80..0xC0).contains(&x) || (alnum && after_alnum));
        n += usize::from(starts);
        after_alnum = alnum;
    }
    n
}

/// Tokenizes `text[span]`. Spans are into `text`.
pub(crate) fn tokenize(text: &str, span: Span) -> Vec<Token<'_>> {
    let s = span.of(text);
    let b = s.as_bytes();
    // A short text's vector may grow a few times; counting first would
    // cost the ordinary article a pass over its bytes for nothing.
    let capacity = if b.len() > 1 << 16 { most_tokens(b) } else { b.len() / 4 };
    let mut out = Vec::with_capacity(capacity);
    let mut i = 0;
    while let Some(c) = char_at(s, i) {
        // Most tokens are plain ASCII words ended by a space or by
        // punctuation that cannot join words: take them without the joiner
        // rules below, which would end them at the same place.
        if c.is_ascii_alphanumeric() {
            let mut end = i + 1;
            // Digits are noted on the way (the claim rules ask).
            let mut has_digit = c.is_ascii_digit();
            while let Some(x) = b.get(end).filter(|x| x.is_ascii_alphanumeric()) {
                has_digit |= x.is_ascii_digit();
                end += 1;
            }
            if b.get(end)
                .is_none_or(|&x| x.is_ascii() && !matches!(x, b'\'' | b'-' | b'.' | b'&'))
            {
                out.push(Token::ascii_word(
                    Span::new(span.start + i, span.start + end),
                    &s[i..end],
                    has_digit,
                ));
                i = end;
                continue;
            }
        }
        let after_c = i + c.len_utf8();
        if c.is_whitespace() {
            i = after_c;
            continue;
        }
        if !is_word_char(c) {
            out.push(Token::mark(
                Span::new(span.start + i, span.start + after_c),
                &s[i..after_c],
            ));
            i = after_c;
            continue;
        }
        let word_run = |from: usize| from + run_len(s, from, is_word_char, u8::is_ascii_alphanumeric);
        let mut end = word_run(after_c);
        // The run stopped at a character that is not a letter or digit.
        while let Some(d) = char_at(s, end).filter(|d| is_joiner(*d)) {
            // A joiner belongs to the word when a word character follows
            // it ("O’Brien", "U.S"), or when it is a period closing an
            // abbreviation or initial ("Mr.", "H.", "U.S.").
            let after = end + d.len_utf8();
            let next = char_at(s, after);
            if next.is_some_and(is_word_char) {
                end = word_run(after);
            } else if d == '.' && keeps_period(&s[i..end + 1]) {
                end += 1;
                break;
            } else if matches!(d, '’' | '\'') && s[i..end].ends_with(['s', 'S']) && next.is_none_or(|c| c != 's') {
                // Plural possessive ("voters’"): the apostrophe is part of the word.
                end = after;
                break;
            } else {
                break;
            }
        }
        out.push(Token::word(Span::new(span.start + i, span.start + end), &s[i..end]));
        i = end;
    }
    out
}

/// `dotted` is the word with its period ("Mr.", "H.", "U.S.").
fn keeps_period(dotted: &str) -> bool {
    let word = &dotted[..dotted.len() - 1];
    ABBREVIATIONS.contains(dotted)
        || HONORIFICS.contains_key(dotted)
        || (word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()))
        || (word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<&str> {
        tokenize(t, Span::new(0, t.len())).iter().map(|t| t.text).collect()
    }

    #[test]
    fn a_reversed_apostrophe_is_an_apostrophe() {
        let t = "Obama‘s plan";
        let toks = tokenize(t, Span::new(0, t.len()));
        assert_eq!(words(t), vec!["Obama‘s", "plan"]);
        assert_eq!(toks[0].stem(), "Obama");
        assert!(toks[0].is_possessive());
    }

    #[test]
    fn keeps_initials_abbreviations_and_apostrophes() {
        assert_eq!(
            words("Patricia H. Hyde, Mr. O’Brien’s U.S. plan."),
            vec!["Patricia", "H.", "Hyde", ",", "Mr.", "O’Brien’s", "U.S.", "plan", "."]
        );
    }

    #[test]
    fn a_slice_stands_for_a_tokenization_only_when_no_token_crosses_its_edges() {
        let t = "Donald Trump’s claim, said Mayor Wu.";
        let tokens = tokenize(t, Span::new(0, t.len()));
        let cut = |s: &str| {
            let a = t.find(s).unwrap();
            Span::new(a, a + s.len())
        };
        for whole in ["Donald Trump’s", "Mayor Wu", "said Mayor Wu."] {
            let span = cut(whole);
            assert_eq!(exactly_within(&tokens, span), Some(&tokenize(t, span)[..]), "{whole}");
        }
        assert_eq!(exactly_within(&tokens, cut("Donald Trump")), None);
        assert_eq!(exactly_within(&tokens, cut("rump’s claim")), None);
    }

    #[test]
    fn walking_through_spans_gives_what_searching_gives() {
        let t = "Mayor Wu spoke. “We won’t,” she said. Then 370 people left.";
        let tokens = tokenize(t, Span::new(0, t.len()));
        let spans = [(0, 15), (16, 38), (38, 39), (39, 60), (5, 30), (0, 0), (60, 60)];
        let mut cursor = 0;
        for (a, b) in spans {
            let span = Span::new(a, b);
            assert_eq!(
                within_from(&tokens, &mut cursor, span),
                within(&tokens, span),
                "{span:?}"
            );
        }
    }

    #[test]
    fn words_know_whether_they_are_plain_and_hold_digits() {
        let t = "Mr. O’Brien’s 370 C2I six-day 2024-25 U.S. café B52 “ok,” 41,000 10th.";
        for tok in tokenize(t, Span::new(0, t.len())) {
            let b = tok.text.as_bytes();
            assert_eq!(
                tok.plain(),
                tok.is_word() && b.iter().all(u8::is_ascii_alphanumeric),
                "{}",
                tok.text
            );
            assert_eq!(
                tok.has_digit(),
                tok.is_word() && b.iter().any(u8::is_ascii_digit),
                "{}",
                tok.text
            );
        }
    }

    #[test]
    fn kept_tokens_are_copied_only_when_some_are_dropped() {
        let t = "Mayor Wu said “no”";
        let tokens = tokenize(t, Span::new(0, t.len()));
        assert!(matches!(kept(&tokens[..3], |t| t.is_word()), Cow::Borrowed(_)));
        let words: Vec<&str> = kept(&tokens, |t| t.is_word()).iter().map(|t| t.text).collect();
        assert_eq!(words, ["Mayor", "Wu", "said", "no"]);
    }

    #[test]
    fn a_token_is_24_bytes() {
        assert_eq!(std::mem::size_of::<Token>(), 24);
    }

    #[test]
    fn the_capacity_bound_holds_every_token() {
        for t in [
            "Mr. O’Brien’s 370 C2I six-day “ok,” 41,000 10th.",
            "“” \"\" «»",
            "",
            "a",
            "  x-y.z  ",
        ] {
            assert!(
                tokenize(t, Span::new(0, t.len())).len() <= most_tokens(t.as_bytes()),
                "{t}"
            );
        }
    }

    #[test]
    fn quote_marks_are_their_own_tokens() {
        assert_eq!(words("“Boston,” she"), vec!["“", "Boston", ",", "”", "she"]);
    }
}
