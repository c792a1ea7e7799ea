//! Paragraphs and sentences as byte spans. A paragraph is a line of text, or a
//! block between blank lines when the article is hard-wrapped. Sentences end
//! at `.`, `!` or `?` (with any closing quotes and brackets) followed by space
//! and a capital, digit or opening quote, except after an abbreviation from
//! the lexicon or a single-letter initial ("Patricia H. Hyde").

use crate::lexicon::ABBREVIATIONS;
use crate::span::Span;

#[derive(Debug, Clone)]
pub struct Paragraph {
    pub span: Span,
    pub sentences: Vec<Span>,
}

/// Splits the text (from `start`) into paragraphs and their sentences.
pub fn segment(text: &str, start: usize) -> Vec<Paragraph> {
    paragraph_spans(text, start)
        .into_iter()
        .map(|span| Paragraph {
            span,
            sentences: sentences(text, span),
        })
        .collect()
}

fn paragraph_spans(text: &str, start: usize) -> Vec<Span> {
    let mut lines = Vec::new();
    let mut pos = start;
    let rest = &text.as_bytes()[start..];
    let breaks = memchr::memchr_iter(b'\n', rest).map(|k| start + k + 1);
    for end in breaks.chain((pos < text.len() && !rest.ends_with(b"\n")).then_some(text.len())) {
        let content = text[pos..end].trim_end_matches(['\n', '\r']);
        lines.push(Span::new(pos, pos + content.len()));
        pos = end;
    }
    let is_blank = |s: &Span| s.of(text).trim().is_empty();
    // Hard-wrapped text breaks lines mid-sentence inside blocks separated
    // by blank lines; then a paragraph is the block. Text with one
    // paragraph per line ends nearly every line with punctuation.
    let mut blocks: Vec<Vec<Span>> = vec![Vec::new()];
    for l in &lines {
        if is_blank(l) {
            blocks.push(Vec::new());
        } else {
            blocks.last_mut().unwrap().push(*l);
        }
    }
    blocks.retain(|b| !b.is_empty());
    let inner: Vec<&Span> = blocks.iter().flat_map(|b| &b[..b.len() - 1]).collect();
    let open_ended = inner
        .iter()
        .filter(|l| {
            !l.of(text)
                .trim_end()
                .ends_with(['.', '?', '!', '"', '”', '’', ':', '\''])
        })
        .count();
    let wrapped = blocks.len() >= 2 && inner.len() >= 3 && open_ended * 2 > inner.len();
    if wrapped {
        blocks
            .iter()
            .map(|b| Span::new(b[0].start, b[b.len() - 1].end))
            .collect()
    } else {
        lines
            .into_iter()
            .filter(|l| !is_blank(l))
            .map(|l| trim(text, l))
            .collect()
    }
}

/// Shrinks a span to exclude surrounding whitespace.
pub fn trim(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return Span::new(span.start, span.start);
    }
    Span::new(span.start + lead, span.end - trail)
}

const CLOSERS: &[char] = &['"', '”', '’', '\'', ')', ']'];

fn sentences(text: &str, para: Span) -> Vec<Span> {
    let s = para.of(text);
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut begin = 0;
    let mut i = 0;
    // Jump from one terminal mark to the next: most bytes are not one.
    while let Some(k) = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]) {
        i += k;
        let b = bytes[i];
        // Take the run of terminal punctuation and closing marks.
        let mut j = i + 1;
        while j < s.len() {
            let c = s[j..].chars().next().unwrap();
            if matches!(c, '.' | '!' | '?') || CLOSERS.contains(&c) {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        let rest = &s[j..];
        let after_space = rest.trim_start();
        let has_space = rest.len() != after_space.len() && !rest.is_empty();
        let next = after_space.chars().next();
        let starts_new =
            next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '('));
        if has_space && starts_new && !(b == b'.' && is_abbreviation(&s[begin..i + 1])) {
            out.push(trim(text, Span::new(para.start + begin, para.start + j)));
            begin = j;
        }
        i = j;
    }
    if begin < s.len() {
        let last = trim(text, Span::new(para.start + begin, para.end));
        if !last.is_empty() {
            out.push(last);
        }
    }
    out
}

/// Does the text (ending in a period) end with an abbreviation or an initial?
fn is_abbreviation(upto_period: &str) -> bool {
    let word = upto_period
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"' | '—' | '–'))
        .next()
        .unwrap_or("");
    if ABBREVIATIONS.contains(word) {
        return true;
    }
    let mut letters = word.chars().filter(|c| *c != '.');
    // A single capital ("H.") is an initial; dotted acronyms ("D.C.") too.
    let single_capital = letters.next().is_some_and(char::is_uppercase) && letters.next().is_none();
    single_capital || (word.matches('.').count() >= 2 && word.chars().all(|c| c == '.' || c.is_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        segment(t, 0)
            .iter()
            .flat_map(|p| p.sentences.iter().map(|s| s.of(t)).collect::<Vec<_>>())
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let t = "Director Patricia H. Hyde said in a press release. U.S. officials met Mr. Smith at 5 p.m. on Jan. 3. He left.";
        assert_eq!(
            texts(t),
            vec![
                "Director Patricia H. Hyde said in a press release.",
                "U.S. officials met Mr. Smith at 5 p.m. on Jan. 3.",
                "He left."
            ]
        );
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        let t = "“We will win.” She left.";
        assert_eq!(texts(t), vec!["“We will win.”", "She left."]);
    }

    #[test]
    fn lines_are_paragraphs_and_blank_lines_are_skipped() {
        let t = "Headline\n\nFirst para. Two.\nSecond para.\n";
        let p = segment(t, 0);
        assert_eq!(p.len(), 3);
        assert_eq!(p[1].sentences.len(), 2);
    }

    #[test]
    fn hard_wrapped_blocks_are_one_paragraph() {
        let t = "This is a long line that\nwraps onto the next and\nthe one after.\n\nAnother block\nwrapped too.\n";
        let p = segment(t, 0);
        assert_eq!(p.len(), 2);
        assert_eq!(
            p[0].span.of(t),
            "This is a long line that\nwraps onto the next and\nthe one after."
        );
    }
}
