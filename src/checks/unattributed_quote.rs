//! `unattributed-quote` (info): a quoted statement with no speaker, which a
//! fact-checker has to source by hand.

use super::{Check, CheckContext, Finding, Report, Severity};
use crate::quotes::QuoteKind;

pub struct UnattributedQuote;

/// Whether the quote's paragraph names a source in words ("said his
/// father, Abdullah Kurdi", "speaking via Twitter:", "telling the Nevada
/// Independent:"): a speech verb or noun outside the quotation marks. The
/// source is then in the copy for the editor to read, even where the
/// attribution rules did not resolve it, so the quote is not reported as
/// unsourced. The window is the paragraph, at most 600 bytes either way.
fn sourced_nearby(text: &str, quote: crate::span::Span) -> bool {
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let lo = floor(quote.start.saturating_sub(600));
    let hi = floor(text.len().min(quote.end + 600));
    let before = &text[lo..quote.start];
    let before = &before[before.rfind("\n\n").map_or(0, |i| i + 2)..];
    let after = &text[quote.end..hi];
    let after = &after[..after.find('\n').unwrap_or(after.len())];
    // The quote's own marks, when its span leaves them out.
    let marks: &[char] = &['"', '“', '”'];
    let (before, after) = (
        before.strip_suffix(marks).unwrap_or(before),
        after.strip_prefix(marks).unwrap_or(after),
    );
    let mut outside = String::with_capacity(before.len() + after.len() + 1);
    // Only the words outside quotation marks: drop quoted stretches.
    for part in [before, after] {
        let mut inside = false;
        for ch in part.chars() {
            if matches!(ch, '"' | '“' | '”') {
                inside = !inside;
                outside.push(' ');
            } else if !inside {
                outside.push(ch);
            }
        }
        outside.push(' ');
    }
    let spoken = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        !w.is_empty()
            && (crate::lexicon::is_speech_verb(w)
                || crate::lexicon::SPEECH_NOUNS.contains(w.to_lowercase().as_str())
                || matches!(w, "speaking" | "telling" | "according"))
    };
    before.trim_end().ends_with(':') || outside.split_whitespace().any(spoken)
}

impl Check for UnattributedQuote {
    fn id(&self) -> &'static str {
        "unattributed-quote"
    }

    fn description(&self) -> &'static str {
        "A quoted statement that factsheet could not attribute to any speaker."
    }

    fn run(&self, cx: &CheckContext, out: &mut Report) {
        for q in cx.quotes.iter() {
            // Statements only: a partial quote's speaker is its sentence's, and a
            // few quoted words are more often a term than someone's speech.
            let text = q.span.of(cx.text);
            if q.kind != QuoteKind::Statement
                || q.speaker.is_some()
                || q.unbalanced
                || text.split_whitespace().count() < 6
                || sourced_nearby(cx.text, q.span)
            {
                continue;
            }
            let short: String = text.chars().take(60).collect();
            let ell = if short.len() < text.len() { "…" } else { "" };
            out.findings.push(Finding {
                check: self.id(),
                severity: Severity::Info,
                confidence: Severity::Info.confidence(),
                span: q.span,
                related: vec![],
                message: format!("no speaker found for the quote “{short}{ell}”"),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::run_one;

    #[test]
    fn quote_without_cue_is_noted() {
        let r = run_one(
            "unattributed-quote",
            "The report ended.\n“This will change everything about the way we work.”\n",
        );
        assert_eq!(r.findings.len(), 1);
    }

    #[test]
    fn attributed_quote_is_not_noted() {
        let r = run_one(
            "unattributed-quote",
            "“This will change everything,” Jane Smith said.\n",
        );
        assert!(r.findings.is_empty());
    }

    #[test]
    fn a_source_named_in_the_paragraph_is_not_unsourced() {
        let r = run_one(
            "unattributed-quote",
            "The ship was renamed.\n\n\"This is a very hard day for all of us here,\" said the boy's uncle, a fisherman from Kos.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }
}
