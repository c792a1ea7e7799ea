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
            // From the opening mark to the end of its paragraph's line.
            let end = cx.text[q.open.start..]
                .find('\n')
                .map_or(cx.text.len(), |n| q.open.start + n);
            let span = Span::new(q.open.start, end.max(q.span.end));
            let who = q.speaker.as_ref().map(|s| format!(" ({})", s.name)).unwrap_or_default();
            out.findings.push(Finding {
                check: self.id(),
                severity: Severity::Warning,
                span,
                related: vec![],
                message: format!(
                    "quotation mark opened at line {}{who} is never closed, and the next paragraph does not reopen it",
                    cx.line(q.open.start)
                ),
            });
        }
    }
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
    fn multi_paragraph_convention_is_not_flagged() {
        let r = run_one(
            "unbalanced-quote",
            "Jane Smith said: “We will stay.\n“And we will rebuild,” she said.\n",
        );
        assert!(r.findings.is_empty());
    }
}
