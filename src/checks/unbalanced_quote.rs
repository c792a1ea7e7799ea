//! `unbalanced-quote`: a quotation mark never closed in its paragraph, when
//! the next paragraph does not reopen it (which would be the convention for
//! a quote that runs over several paragraphs).

use super::{Check, CheckContext, Finding, Report, Severity};
use crate::span::Span;

pub struct UnbalancedQuote;

impl Check for UnbalancedQuote {
    fn id(&self) -> &'static str {
        "unbalanced-quote"
    }

    fn description(&self) -> &'static str {
        "A quotation mark that is never closed and is not the multi-paragraph convention."
    }

    fn run(&self, cx: &CheckContext, out: &mut Report) {
        for q in cx.quotes.iter().filter(|q| q.unbalanced) {
            if not_an_opening(cx.text, q.open) {
                continue;
            }
            // From the opening mark to the end of its paragraph's line.
            let end = cx.text[q.open.start..]
                .find('\n')
                .map_or(cx.text.len(), |n| q.open.start + n);
            if credit_line_closes(cx.text, q.open, end) {
                continue;
            }
            let mistyped = mistyped_close(cx.text, q.open, end);
            let inner = match (mistyped, closed_on_line(cx.text, q.open, end)) {
                (Some(_), _) | (None, Closed::No) => None,
                (None, Closed::Yes) => continue,
                (None, Closed::InnerOpen(at)) => Some(at),
            };
            let span = Span::new(q.open.start, end.max(q.span.end));
            let who = q.speaker.as_ref().map(|s| format!(" ({})", s.name)).unwrap_or_default();
            let line = cx.line(q.open.start);
            let message = match (inner, mistyped) {
                (Some(at), _) => format!(
                    "a quotation inside the quote opened at line {line}{who} opens at line {} and is never closed",
                    cx.line(at)
                ),
                (None, Some(mark)) => format!(
                    "quotation mark opened at line {line}{who} is closed with a mistyped mark ({mark} where a closing mark belongs)"
                ),
                (None, None) => format!(
                    "quotation mark opened at line {line}{who} is never closed, and the next paragraph does not reopen it"
                ),
            };
            out.findings.push(Finding {
                check: self.id(),
                severity: Severity::Warning,
                confidence: Severity::Warning.confidence(),
                span,
                related: vec![],
                message,
            });
        }
    }
}

/// Words that begin with an apostrophe standing for dropped letters
/// ("six of ‘em", "'til", "‘bout", "'cause"): the mark opens no quote.
const ELISIONS: &[&str] = &[
    "em", "til", "bout", "cause", "n", "tis", "twas", "round", "nuff", "ol", "s", "t", "70s", "80s", "90s", "60s",
];

/// Whether a mark read as an opening quotation mark is something else: an
/// apostrophe after a letter ("Trump‘s", "CBS‘"), an elision ("‘em"), or
/// the quotation mark of a markup attribute (`tweet-date="…">`).
fn not_an_opening(text: &str, open: Span) -> bool {
    let mark = open.of(text);
    let before = text[..open.start].chars().next_back();
    let after = &text[open.end..];
    if before.is_some_and(|c| c == '=' || c == '>') || after.starts_with('>') {
        return true;
    }
    if matches!(mark, "‘" | "'" | "’") {
        if before.is_some_and(char::is_alphanumeric) {
            return true;
        }
        let word: String = after.chars().take_while(|c| c.is_alphanumeric()).collect();
        return ELISIONS.iter().any(|e| word.eq_ignore_ascii_case(e));
    }
    false
}

/// How a double mark the quote finder left open ends on its own line.
enum Closed {
    /// No closing mark follows on the line.
    No,
    /// Its closing mark does follow: the finder was misled by an
    /// apostrophe or stray bytes in between, so nothing is unclosed.
    Yes,
    /// Its closing mark follows, but a single quotation mark opened inside
    /// (at this byte) is never closed.
    InnerOpen(usize),
}

fn closed_on_line(text: &str, open: Span, line_end: usize) -> Closed {
    let close = match open.of(text) {
        "“" => "”",
        "\"" => "\"",
        _ => return Closed::No,
    };
    let Some(body) = text.get(open.end..line_end) else {
        return Closed::No;
    };
    let Some(at) = body.rfind(close) else { return Closed::No };
    let body = &body[..at];
    // An inner single mark that opens (after a space or start) and is not
    // an elision, with no closing single mark after it.
    let mut inner: Option<usize> = None;
    for (i, c) in body.char_indices() {
        let prev = body[..i].chars().next_back();
        match c {
            '‘' | '\'' if prev.is_none_or(|p| p.is_whitespace() || "(“\"—-".contains(p)) => {
                let word: String = body[i + c.len_utf8()..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric())
                    .collect();
                if !ELISIONS.iter().any(|e| word.eq_ignore_ascii_case(e)) {
                    inner = Some(open.end + i);
                }
            }
            '’' | '\'' if prev.is_some_and(|p| !p.is_whitespace()) => {
                let next = body[i + c.len_utf8()..].chars().next();
                if next.is_none_or(|n| !n.is_ascii_alphanumeric()) {
                    inner = None;
                }
            }
            _ => {}
        }
    }
    inner.map_or(Closed::Yes, Closed::InnerOpen)
}

/// A pull quote whose credit line, on the next line of the same
/// paragraph, ends with the closing mark ("…possible.\nFormer NAACP
/// president Ben Jealous.\"").
fn credit_line_closes(text: &str, open: Span, line_end: usize) -> bool {
    let rest = &text[line_end..];
    let Some(next) = rest.strip_prefix('\n') else {
        return false;
    };
    if next.starts_with('\n') {
        return false;
    }
    let credit = next.split('\n').next().unwrap_or("").trim_end();
    let closes = match open.of(text) {
        "“" => credit.ends_with('”'),
        "\"" => credit.ends_with('"'),
        _ => false,
    };
    closes && credit.split_whitespace().count() <= 12
}

/// The mark that stands where the quote's closing mark belongs, when it is
/// an opening mark typed in its place: “ after a word and before a space or
/// the end ("called it “abhorrent“ in a tweet").
fn mistyped_close(text: &str, open: Span, para_end: usize) -> Option<&'static str> {
    let body = text.get(open.end..para_end)?;
    let mark = open.of(text);
    let candidates: &[&'static str] = match mark {
        "“" | "\"" => &["“", "‘", "’"],
        "‘" => &["‘"],
        _ => &[],
    };
    // "““Radical …": the opening mark typed twice.
    if body.starts_with(mark) && candidates.contains(&mark) {
        return candidates.iter().find(|m| **m == mark).copied();
    }
    // A single quotation opened inside a double one is closed by its own
    // ’, which is then no mistyped closing of the outer mark.
    let mut inner_open = false;
    for (i, c) in body.char_indices() {
        let s = &body[i..i + c.len_utf8()];
        let Some(&m) = candidates.iter().find(|m| **m == s) else {
            continue;
        };
        let prev = body[..i].chars().next_back();
        let next = body[i + c.len_utf8()..].chars().next();
        let after_word = prev.is_some_and(|p| !p.is_whitespace());
        let before_gap = next.is_none_or(|n| n.is_whitespace() || ",.;:)]".contains(n));
        if mark != "‘" && m != "“" {
            if m == "‘" && !after_word {
                let word: String = body[i + c.len_utf8()..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric())
                    .collect();
                inner_open |= !ELISIONS.iter().any(|e| word.eq_ignore_ascii_case(e));
                continue;
            }
            if inner_open {
                inner_open = !(after_word && before_gap);
                continue;
            }
        }
        if after_word
            && before_gap
            && !(prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric))
        {
            return Some(m);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::run_one;

    #[test]
    fn unclosed_quote_is_flagged() {
        let r = run_one(
            "unbalanced-quote",
            "“We will stay, Abernathy told reporters.\nVolunteers served meals.\n",
        );
        assert_eq!(r.findings.len(), 1);
    }

    #[test]
    fn elisions_and_apostrophes_open_no_quote() {
        let r = run_one(
            "unbalanced-quote",
            "Christie said he has six of ‘em at home.\nAnd ‘bout that, Trump‘s aides said nothing.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }

    #[test]
    fn mistyped_closing_mark_is_named() {
        let r = run_one(
            "unbalanced-quote",
            "He called the film “Frozen“ a disgrace.\nOthers disagreed.\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        assert!(r.findings[0].message.contains("mistyped"), "{:?}", r.findings);
    }

    #[test]
    fn multi_paragraph_convention_is_not_flagged() {
        let r = run_one(
            "unbalanced-quote",
            "Jane Smith said: “We will stay.\n“And we will rebuild,” she said.\n",
        );
        assert!(r.findings.is_empty());
    }
}
