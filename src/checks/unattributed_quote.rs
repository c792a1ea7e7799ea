//! `unattributed-quote` (info): a quoted statement with no speaker, which a
//! fact-checker has to source by hand.

use super::{Check, CheckContext, Finding, Report, Severity};
use crate::quotes::QuoteKind;

pub struct UnattributedQuote;

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
            {
                continue;
            }
            let short: String = text.chars().take(60).collect();
            let ell = if short.len() < text.len() { "…" } else { "" };
            out.findings.push(Finding {
                check: self.id(),
                severity: Severity::Info,
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
}
