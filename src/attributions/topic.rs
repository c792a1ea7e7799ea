//! The reading of a prepositional cue ("talked about", "called on",
//! "railed against", "his criticism of"): the content is the
//! preposition's object, which annotated news takes as what is
//! attributed ("Sotomayor [talked about] {how her background shaped
//! her}", "his [attacks on] {billionaire financiers}"). The one-word cue
//! rules read nothing there, since a preposition after a verb mostly
//! opens an adjunct ("said on Tuesday"); the pairs are mined
//! (`data/lexicon/attribution_topic_cues.txt`) and the gate settles each
//! reading.

use super::content::{Frame, Reading, clause, clause_end, source_before, subject_pronoun};
use crate::span::Span;
use crate::token::Token;

/// Words that open a clause as the object ("talked about how …", "asked
/// about whether …"): such a content runs to the clause's end.
const CLAUSE_OPENERS: &[&str] = &["how", "why", "what", "whether", "who", "when", "where", "if", "that"];

/// Finite verbs and auxiliaries that end a noun-phrase object: "his
/// [attacks on] {billionaire financiers} have elevated …".
const PREDICATE_WORDS: &[&str] = &[
    "is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "should", "can", "may", "might",
    "must", "did", "does", "do",
];

/// Possessive determiners that name the source of a nominal cue ("his
/// criticism of", "their support for").
const POSSESSIVES: &[&str] = &["his", "her", "their", "its", "our", "my", "your"];

/// Determiners before a nominal cue that name no one ("the criticism
/// of", "a call for").
const ARTICLES: &[&str] = &["the", "a", "an", "this", "that", "these", "those", "some", "any", "no"];

/// Reads the prepositional cue at `toks[v]` (the preposition at `v + 1`).
pub(super) fn read(toks: &[Token], v: usize, is_cue: &dyn Fn(usize) -> bool) -> Option<Reading> {
    let start = v + 2;
    let first = toks.get(start)?;
    let mut end = clause_end(toks, start, is_cue);
    let opens_clause = first.is_one_of(CLAUSE_OPENERS) || subject_pronoun(first);
    // A noun phrase ends at a comma or the sentence's own verb (cutting
    // it before "in", "at" too made more contents too short than it
    // mended); a clause runs on.
    if !opens_clause {
        let stop = |t: &Token| t.is(",") || t.is_one_of(PREDICATE_WORDS);
        if let Some(k) = (start + 1..end).find(|&k| stop(&toks[k])) {
            end = k;
        }
    }
    let content = clause(toks, start, end)?;
    Some(Reading {
        content: vec![content],
        source: source(toks, v),
        refers: None,
        frame: Frame::Topic,
    })
}

/// The source of the cue at `toks[v]`: the possessor of a nominal cue
/// ("his attacks on", "Knittel's view of"), none after an article ("the
/// criticism of"), else the verb's subject.
fn source(toks: &[Token], v: usize) -> Option<Span> {
    let p = toks.get(v.checked_sub(1)?)?;
    if p.is_one_of(POSSESSIVES) {
        return Some(p.span());
    }
    if p.is_word() && (p.text.ends_with("’s") || p.text.ends_with("'s")) && p.is_capitalized() {
        return Some(p.span());
    }
    if p.is_one_of(ARTICLES) {
        return None;
    }
    let participle = toks[v].text.ends_with("ing") && p.is(",");
    source_before(toks, v, participle)
}

#[cfg(test)]
mod tests {
    use crate::span::Span;
    use crate::token::tokenize;

    fn read(t: &str, cue: &str) -> Option<(String, Option<String>)> {
        let toks = tokenize(t, Span::new(0, t.len()));
        let v = toks.iter().position(|x| x.text == cue)?;
        super::read(&toks, v, &|_| false)
            .map(|r| (r.content[0].of(t).to_string(), r.source.map(|s| s.of(t).to_string())))
    }

    #[test]
    fn the_object_of_a_prepositional_cue_is_the_content() {
        let (c, s) = read(
            "The senator talked about how the plant closing hurt her town.",
            "talked",
        )
        .unwrap();
        assert_eq!(c, "how the plant closing hurt her town");
        assert_eq!(s.as_deref(), Some("The senator"));
        // A noun-phrase object ends before the sentence's own verb.
        let (c, s) = read(
            "His attacks on hedge funds and lobbyists have raised his profile.",
            "attacks",
        )
        .unwrap();
        assert_eq!(c, "hedge funds and lobbyists");
        assert_eq!(s.as_deref(), Some("His"));
        // After an article the noun names no source.
        let (_, s) = read("The criticism of the new curfew grew louder.", "criticism").unwrap();
        assert_eq!(s, None);
    }
}
