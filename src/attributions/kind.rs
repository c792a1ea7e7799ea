//! Direct, mixed or indirect: how much of an attribution's content sits
//! inside quotation marks.

use serde::Serialize;

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    /// All the content is in quotation marks.
    Direct,
    /// Quoted words inside reported speech.
    Mixed,
    /// Reported speech with no quotation marks.
    Indirect,
}

impl AttributionKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            AttributionKind::Direct => "direct",
            AttributionKind::Mixed => "mixed",
            AttributionKind::Indirect => "indirect",
        }
    }
}

/// The kind of content `content` given the quotations (marks included)
/// that lie in it: direct when no more than a couple of characters of
/// punctuation stay outside the marks.
pub(crate) fn kind_of(text: &str, content: &[Span], quoted: &[Span]) -> AttributionKind {
    if quoted.is_empty() {
        return AttributionKind::Indirect;
    }
    let outside_letters = content.iter().any(|c| {
        let mut pos = c.start;
        let mut letters = 0;
        for q in quoted.iter().filter(|q| q.overlaps(*c)) {
            if q.start > pos {
                letters += Span::new(pos, q.start)
                    .of(text)
                    .chars()
                    .filter(|ch| ch.is_alphanumeric())
                    .count();
            }
            pos = pos.max(q.end);
        }
        if pos < c.end {
            letters += Span::new(pos, c.end)
                .of(text)
                .chars()
                .filter(|ch| ch.is_alphanumeric())
                .count();
        }
        letters > 0
    });
    if outside_letters {
        AttributionKind::Mixed
    } else {
        AttributionKind::Direct
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_in_marks_is_direct_some_is_mixed_none_is_indirect() {
        let t = "“We stay.” He called it “a disaster” for all.";
        let q1 = Span::new(0, t.find(" He").unwrap());
        let q2s = t.find("“a").unwrap();
        let q2 = Span::new(q2s, t.find(" for").unwrap());
        assert_eq!(kind_of(t, &[q1], &[q1]), AttributionKind::Direct);
        let c = Span::new(t.find("it").unwrap(), t.len() - 1);
        assert_eq!(kind_of(t, &[c], &[q2]), AttributionKind::Mixed);
        assert_eq!(kind_of(t, &[c], &[]), AttributionKind::Indirect);
    }
}
