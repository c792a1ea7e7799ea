//! A whole quoted sentence introduced by the clause before it, after a
//! colon or a comma, when no cue rule read that clause: `Trump gestured
//! as if to stop the ruckus, then leaned in and boomed: “…”`, `Hours
//! later, Trump returned the compliment, telling Reuters, “…”`, `In the
//! hours after the attack, a familiar voice celebrated on Twitter: “…”`.
//! The clause's subject speaks; it is read on the mention layer (the
//! governing subject before the mark: no object, no preposition's
//! object, no possessor), so commas, asides and introductory phrases that
//! stop the cue grammar do not matter.

use super::Quote;
use super::cues::Cue;
use crate::mentions::{MentionKind, Mentions};
use crate::span::Span;
use crate::token::Token;

/// The rule name of the speakers this step finds.
pub(crate) const RULE: &str = "clause-introduction";

/// Pronouns that stand for a speaker ("it", "this" name things).
const PERSONAL: &[&str] = &["he", "she", "they", "we", "i"];

/// The fewest words the introducing clause has: a subject and a verb.
const MIN_WORDS: usize = 2;

/// The subject of the clause that ends in the colon or comma right before
/// quote `q`'s opening mark. `before` are the sentence's tokens before the
/// mark (earlier quotations left out), `from` where the sentence starts.
pub(crate) fn cue(
    text: &str,
    mentions: &Mentions,
    q: &Quote,
    before: &[Token],
    from: usize,
    earlier: &[Span],
) -> Option<Cue> {
    let mark = before.last().filter(|t| matches!(t.text, ":" | ","))?;
    // A sentence, not a term: it opens with a capital and is a clause
    // of its own (more than a couple of words).
    let words = q.span.of(text).split_whitespace().take(4).count();
    if !q.span.of(text).starts_with(char::is_uppercase) || words < 4 {
        return None;
    }
    if before.iter().filter(|t| t.is_word()).count() < MIN_WORDS {
        return None;
    }
    // "Asked …:" and "the question:" introduce what someone else asked.
    if before
        .iter()
        .any(|t| t.is("asked") || t.is("Asked") || t.is("question"))
    {
        return None;
    }
    let m = mentions.governing_subject(from, mark.span().start, earlier)?;
    // Only a subject that names someone: a person or a body the article
    // introduces, or a personal pronoun. Descriptions there are as often
    // the narration's topic ("That record prompted …, to state, “…”").
    let speaks = match m.kind {
        MentionKind::Person | MentionKind::Organisation => m.entity().is_some(),
        MentionKind::Pronoun => PERSONAL.iter().any(|p| m.span().of(text).eq_ignore_ascii_case(p)),
        _ => false,
    };
    (speaks && m.clause_start && !m.relative).then(|| Cue {
        subject: m.span(),
        verb: mark.text.to_string(),
        rule: RULE,
    })
}
