//! Partial quotes inside reported speech take the reporter's source.
//!
//! The quote rules look for a speech verb next to each quotation; a
//! fragment under a verb that is not one ("mocked the “failing”
//! newspaper", "dismissed him as “a clown”", "he found Trump to be “very
//! charming”") is left a scare quote or a partial quote with no speaker.
//! The reported-speech layer has read the sentence by then: when such a
//! quote lies inside the content of an attribution whose source it found,
//! those are the source's words. This step runs after both layers and
//! gives the quote that source (rule `reported-content`).
//!
//! What keeps a real scare quote apart: a title ("Meet the Press", every
//! word capitalised), a short term after a determiner or a possessive
//! (the “border czar”), and sources that are no speaker (a dateline in
//! capitals, "it"). Measured on polnear-train (the politico part held
//! out), those three cut most of the quotes the annotators left unsourced.

use super::{Attribution, Source, kind, outer};
use crate::quotes::{Quote, QuoteKind, Speaker};
use crate::span::Span;
use crate::speakers::Roster;
use crate::token::Token;

/// The rule name the quotes this step attributes carry.
pub(crate) const RULE: &str = "reported-content";

/// How many attributions before a quote's position are looked at: nested
/// readings of one sentence start close together.
const LOOK_BACK: usize = 8;

/// The longest quotation (in words) an opener turns into a term.
const TERM_WORDS: usize = 3;

/// Gives each quote without a speaker that lies in the content of an
/// attribution with a source that source, links it to that attribution
/// and updates the attribution's kind. Both lists are in text order.
pub(crate) fn reconcile(
    text: &str,
    tokens: &[Token],
    roster: &Roster,
    quotes: &mut [Quote],
    attributions: &mut [Attribution],
) {
    let mut owner: Vec<Option<usize>> = vec![None; quotes.len()];
    for (ai, a) in attributions.iter().enumerate() {
        for &qi in &a.quotes {
            owner[qi] = Some(ai);
        }
    }
    let starts: Vec<usize> = attributions.iter().map(|a| a.extent().start).collect();
    let mut touched = Vec::new();
    for (qi, q) in quotes.iter_mut().enumerate() {
        // A whole quoted sentence with no speaker is left to the quote
        // rules: the readings that hold one are mostly misreadings.
        // Headlines have their own rules (`headline-subject`).
        if q.speaker.is_some()
            || q.kind == QuoteKind::Statement
            || q.paragraph == 0
            || !speech_like(text, q.span, q.open.start.min(q.span.start))
        {
            continue;
        }
        let ai = match owner[qi] {
            // The innermost reading already holds it: its source or none.
            Some(ai) => Some(ai).filter(|&ai| attributions[ai].speaker.is_some()),
            None => holder(attributions, &starts, q.span),
        };
        let Some(ai) = ai else { continue };
        let a = &mut attributions[ai];
        // A weak cue's reading is good enough to list, not to name the
        // speaker of a quotation the quote rules left without one.
        if a.weak || !reading_holds(text, a) {
            continue;
        }
        let Some(source) = a.speaker.as_ref().filter(|s| speaker_like(text, s.span)) else {
            continue;
        };
        // The reading crossed a paragraph break: a new paragraph's
        // quotation has its own attribution, even one no rule found.
        if a.cue.is_some_and(|c| spans_paragraphs(text, c, q.span)) {
            continue;
        }
        q.speaker = Some(speaker_of(text, tokens, roster, source));
        q.cue = a.cue.map(|c| c.of(text).to_string());
        q.rule = Some(RULE);
        if q.kind == QuoteKind::Scare {
            q.kind = QuoteKind::Partial;
        }
        if owner[qi].is_none() {
            a.quotes.push(qi);
            touched.push(ai);
        }
    }
    touched.sort_unstable();
    touched.dedup();
    for ai in touched {
        let a = &mut attributions[ai];
        a.quotes.sort_unstable();
        let marks: Vec<Span> = a.quotes.iter().map(|&qi| outer(&quotes[qi])).collect();
        a.kind = kind::kind_of(text, &a.content, &marks);
    }
}

/// The quote speaker of an attribution source. A source the roster did
/// not resolve ("speech Mrs. Clinton", a reading that took a word too
/// many) is resolved again from its capitalised tail, the name in it.
fn speaker_of(text: &str, tokens: &[Token], roster: &Roster, source: &Source) -> Speaker {
    let mention = source.span.of(text);
    // Unresolved, the name is the mention's own words less a determiner.
    let unresolved = crate::render::one_line(mention).ends_with(source.name.as_str());
    let tail = mention
        .char_indices()
        .filter(|&(i, c)| c.is_uppercase() && (i == 0 || mention[..i].ends_with(' ')))
        .map(|(i, _)| i)
        .next()
        .filter(|&i| i > 0);
    if let Some(i) = tail.filter(|_| unresolved) {
        let span = Span::new(source.span.start + i, source.span.end);
        if let Some(r) = roster.resolve_within(text, span, tokens) {
            return Speaker {
                name: r.name,
                role: r.role,
                span,
                entity: r.entity,
            };
        }
    }
    Speaker {
        name: source.name.clone(),
        role: source.role.clone(),
        span: source.span,
        entity: None,
    }
}

/// Does a paragraph break lie between the cue and the quote?
fn spans_paragraphs(text: &str, cue: Span, quote: Span) -> bool {
    let (a, b) = if cue.end <= quote.start {
        (cue.end, quote.start)
    } else {
        (quote.end.min(cue.start), cue.start)
    };
    text[a..b].contains('\n')
}

/// The innermost attribution with a source whose content holds `inner`.
fn holder(attributions: &[Attribution], starts: &[usize], inner: Span) -> Option<usize> {
    let hi = starts.partition_point(|&s| s <= inner.start);
    (hi.saturating_sub(LOOK_BACK)..hi)
        .filter(|&i| {
            let a = &attributions[i];
            a.speaker.is_some() && a.content.iter().any(|c| c.contains(inner))
        })
        .min_by_key(|&i| attributions[i].extent().len())
}

/// Could the quotation (its words at `inner`, its opening mark at
/// `open`) be someone's words: not a title, not a short term after a
/// determiner, a possessive or a naming word.
fn speech_like(text: &str, inner: Span, open: usize) -> bool {
    let content = inner.of(text);
    let words: Vec<&str> = content
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || title_like(&words) {
        return false;
    }
    let opener = previous_word(text, open);
    let term = opener.is_some_and(|w| {
        let lower = w.to_lowercase();
        lower.ends_with("’s") || lower.ends_with("'s") || crate::lexicon::TERM_OPENERS.contains(&lower)
    });
    !(term && words.len() <= TERM_WORDS)
}

/// Every word capitalised, but for the small words of titles ("Meet the
/// Press", "Law and Order"): a name or a title.
fn title_like(words: &[&str]) -> bool {
    let mut alphabetic = words.iter().filter(|w| w.starts_with(char::is_alphabetic)).peekable();
    alphabetic.peek().is_some()
        && alphabetic.all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(
                    *w,
                    "of" | "the"
                        | "and"
                        | "or"
                        | "a"
                        | "an"
                        | "in"
                        | "on"
                        | "at"
                        | "for"
                        | "to"
                        | "with"
                        | "by"
                        | "from"
                )
        })
}

/// The word before `at`, across spaces and quotation marks.
fn previous_word(text: &str, at: usize) -> Option<&str> {
    let before = text[..at].trim_end_matches(|c: char| c.is_whitespace() || "\"'“”‘’".contains(c));
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '’' || c == '\'' || c == '-')
        .last()
        .map(|(i, _)| i)?;
    Some(&before[start..])
}

/// Readings whose source is often someone else's: a participle
/// ("…, telling reporters") hangs on whichever subject came before, and a
/// passive cue ("ravens are considered the “…”") has its subject for
/// topic, not source.
fn reading_holds(text: &str, a: &Attribution) -> bool {
    if a.rule == "participle" {
        return false;
    }
    let Some(cue) = a.cue else { return true };
    let before = text[..cue.start].trim_end();
    let last = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    !matches!(
        last.to_lowercase().as_str(),
        "is" | "are" | "was" | "were" | "be" | "been" | "being"
    )
}

/// A mention that can be a speaker: not a dateline in capitals
/// ("DECATUR"), not "it", which names a thing, and not one word set off
/// by a comma at a sentence start ("First, they …"), an adverb.
fn speaker_like(text: &str, span: Span) -> bool {
    let mention = span.of(text);
    let lower = mention.to_lowercase();
    let adverb = !mention.contains(' ')
        && text[span.end..].starts_with(',')
        && (lower.ends_with("ly") || crate::lexicon::SENTENCE_ADVERBS.contains(&lower))
        && {
            let before = text[..span.start].trim_end();
            before.is_empty() || before.ends_with(['.', '\n', '!', '?'])
        };
    if adverb {
        return false;
    }
    let first = mention.split_whitespace().next().unwrap_or("");
    let mut letters = mention.chars().filter(|c| c.is_alphabetic());
    let shouting = mention.chars().filter(|c| c.is_alphabetic()).count() > 2 && letters.all(char::is_uppercase);
    !shouting && !matches!(first.to_lowercase().as_str(), "it" | "it’s" | "it's" | "its")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quotation in `t` opening at the first `“`.
    fn quoted(t: &str) -> (Span, usize) {
        let open = t.find('“').expect("a quotation");
        let close = t.find('”').expect("closed");
        (Span::new(open + '“'.len_utf8(), close), open)
    }

    #[test]
    fn titles_and_short_terms_are_not_speech() {
        for t in [
            "She said so on “Meet the Press” on Sunday.",
            "He spoke on WTMJ’s “Midday with Charlie Sykes” on Tuesday.",
            "He will serve as the “border czar” next year.",
            "It runs the county’s “rapid rehousing” scheme.",
            "It filed papers, including “playbooks” for sales staff.",
        ] {
            let (inner, open) = quoted(t);
            assert!(!speech_like(t, inner, open), "{t}");
        }
        for t in [
            "She dismissed him as “a clown” on Monday.",
            "He found the plan to be “very charming” and cheap.",
            "She said the plan was the “worst idea we have heard” in years.",
        ] {
            let (inner, open) = quoted(t);
            assert!(speech_like(t, inner, open), "{t}");
        }
    }

    #[test]
    fn datelines_things_and_sentence_adverbs_are_no_speakers() {
        let t = "DECATUR, Ga. — It said so. First, they voted. Ruiz, who spoke, agreed.";
        let at = |w: &str| {
            let s = t.find(w).expect("in text");
            Span::new(s, s + w.len())
        };
        assert!(!speaker_like(t, at("DECATUR")));
        assert!(!speaker_like(t, at("It")));
        assert!(!speaker_like(t, at("First")));
        assert!(speaker_like(t, at("Ruiz")));
    }

    #[test]
    fn partial_quotes_in_reported_speech_take_its_source() {
        let t = "Budget fight.\n\nMayor Dana Ruiz supports “fair pay raises,” opposes \
                 “arbitrary pay freezes” and wants a new budget.\n\n\
                 Ruiz said the city would appear on “Meet the Press” next week.\n";
        let a = crate::analyze_text("t.txt", t, &crate::Selection::default());
        let speaker = |w: &str| {
            let q = a.quotes.iter().find(|q| q.span.of(t).starts_with(w)).expect("quote");
            (q.speaker.as_ref().map(|s| s.name.clone()), q.rule, q.kind)
        };
        assert_eq!(
            speaker("fair"),
            (Some("Dana Ruiz".into()), Some(RULE), QuoteKind::Partial)
        );
        assert_eq!(
            speaker("arbitrary"),
            (Some("Dana Ruiz".into()), Some(RULE), QuoteKind::Partial)
        );
        assert_eq!(speaker("Meet").0, None);
        // The attribution lists the quotes it now holds, as mixed speech.
        let holder = a
            .attributions
            .iter()
            .find(|x| x.content.iter().any(|c| c.of(t).contains("fair pay")))
            .expect("reported speech");
        assert_eq!(holder.kind, crate::AttributionKind::Mixed);
        assert_eq!(holder.quotes.len(), 2);
        let q = &a.quotes[holder.quotes[0]];
        assert!(q.confidence().is_some_and(|c| c > 0.5 && c < 0.9));
    }
}
