//! The article's mentions, built once from its tokens and roster (issue
//! 16): each noun phrase with its extent and head, a type (person,
//! organisation, document, description, pronoun, place, time, quantity),
//! the roster entity it names, and the clause facts attribution reads (is
//! it the object of a preposition, a possessor, at the start of a clause).
//! The quote rules ask it whether a subject they found can speak at all and,
//! when it cannot (`Speaking in Salem, New Hampshire, Trump …`, `Late
//! Friday, the company said`), for the subject of the governing clause.
//!
//! One pass over the tokens; every question after that is a binary search
//! and a bounded scan back, so the layer stays linear in the article.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::lexicon::{FUNCTION_WORDS, NUMBER_WORDS, WordTable, class, entries, lowercase};
use crate::span::Span;
use crate::speakers::{EntityKind, Roster};
use crate::token::Token;

/// What a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MentionKind {
    Person,
    Organisation,
    /// A report, poll, letter, ad: it speaks for its issuer.
    Document,
    /// A common-noun phrase: "the agency", "officials".
    Description,
    Pronoun,
    Place,
    Time,
    /// A number or an amount: "Three", "22 percent".
    Quantity,
}

impl MentionKind {
    /// Can a mention of this kind be the source of a quote?
    pub(crate) fn can_speak(self) -> bool {
        !matches!(self, MentionKind::Place | MentionKind::Time | MentionKind::Quantity)
    }
}

/// One noun phrase of the article. A long article has a mention at about
/// every other word, so a mention is 28 bytes: 32-bit offsets (inputs are
/// at most 64 MiB) and entity index, read through [`Mention::span`],
/// [`Mention::head`] and [`Mention::entity`] (issue 15).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mention {
    /// The whole phrase, determiners and descriptors included.
    span: [u32; 2],
    /// The head: the name of a named phrase ("Rita Moore" of "NBC’s Rita
    /// Moore"), the last noun of a description.
    head: [u32; 2],
    /// The roster entity named at the head, when the roster has one
    /// there; `u32::MAX` when not.
    entity: u32,
    pub kind: MentionKind,
    /// The object of a preposition ("in Salem", "of Ohio", "to reporters").
    pub after_preposition: bool,
    /// A possessor ("NBC’s" in "NBC’s Rita Moore"): not the phrase's head.
    pub possessor: bool,
    /// Opens a clause: after a sentence start, a comma, a dash or a
    /// parenthesis.
    pub clause_start: bool,
    /// A relative pronoun ("who", "which"): it stands for the phrase before.
    pub relative: bool,
    /// Right after a verb ("turned his sights", "told a radio station"):
    /// an object, not a subject.
    pub object: bool,
}

/// A span as two 32-bit offsets.
fn packed(s: Span) -> [u32; 2] {
    let at = |o: usize| u32::try_from(o).expect("inputs are at most 64 MiB");
    [at(s.start), at(s.end)]
}

impl Mention {
    /// The whole phrase.
    pub(crate) fn span(&self) -> Span {
        Span::new(self.span[0] as usize, self.span[1] as usize)
    }

    /// The phrase's head (the tests read it; the layer keeps it for
    /// rules to come).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn head(&self) -> Span {
        Span::new(self.head[0] as usize, self.head[1] as usize)
    }

    /// The roster entity named at the head.
    pub(crate) fn entity(&self) -> Option<usize> {
        (self.entity != u32::MAX).then_some(self.entity as usize)
    }
}

static PLACES: LazyLock<WordTable<()>> =
    LazyLock::new(|| entries(include_str!("../../data/lexicon/places.txt")).collect());
static DOCUMENTS: LazyLock<WordTable<()>> =
    LazyLock::new(|| entries(include_str!("../../data/lexicon/document_nouns.txt")).collect());
static TIME_WORDS: LazyLock<WordTable<()>> =
    LazyLock::new(|| entries(include_str!("../../data/lexicon/time_words.txt")).collect());

/// The word classes the chunker asks of every token, one lookup each
/// (comparing with each list in turn cost more than the rest of the layer).
mod word {
    pub const DETERMINER: u8 = 1;
    pub const PREPOSITION: u8 = 1 << 1;
    pub const VERBISH: u8 = 1 << 2;
    pub const PRONOUN: u8 = 1 << 3;
    pub const TIME: u8 = 1 << 4;
    pub const NUMBER: u8 = 1 << 5;
    /// A capitalised word that opens a sentence but names no one.
    pub const OPENER: u8 = 1 << 6;
}

/// Every word of the lists above with its [`word`] bits, in a table that
/// is read in any case without lower-casing (most words are on no list).
static WORDS: LazyLock<WordTable<u8>> = LazyLock::new(|| {
    let mut out: FxHashMap<&'static str, u8> = FxHashMap::default();
    let mut add = |words: &mut dyn Iterator<Item = &'static str>, bit: u8| {
        for w in words {
            *out.entry(w).or_default() |= bit;
        }
    };
    add(&mut DETERMINERS.iter().copied(), word::DETERMINER);
    add(&mut PREPOSITIONS.iter().copied(), word::PREPOSITION);
    add(&mut VERBISH.iter().copied(), word::VERBISH);
    add(&mut PRONOUNS.iter().copied(), word::PRONOUN);
    add(&mut TIME_WORDS.iter().copied(), word::TIME);
    add(&mut OPENERS.iter().copied(), word::OPENER);
    add(&mut NUMBER_WORDS.keys().copied(), word::NUMBER);
    let mut pairs: Vec<(&'static str, u8)> = out.into_iter().collect();
    // A fixed order, so the table is built the same in every run.
    pairs.sort_unstable();
    pairs.into_iter().collect()
});

/// Every word of the chunker's lists with its [`word`] bits: the lexicon
/// puts them beside each word's classes, so a token carries them
/// (`Token::mention_bits`) from the tokenizer's one lookup.
pub(crate) fn word_bits() -> &'static [(&'static str, u8)] {
    WORDS.pairs()
}

/// Capitalised openers that are no name: "First, …", "Still, …".
const OPENERS: &[&str] = &[
    "first",
    "still",
    "outside",
    "alongside",
    "asked",
    "speaking",
    "appearing",
    "last",
    "next",
    "past",
];

/// The [`word`] classes of a token (of its stem: "He’s" is a pronoun).
/// A word with no possessive ending has them from the tokenizer.
fn flags(t: &Token) -> u8 {
    if !t.is_word() {
        return 0;
    }
    let stem = t.stem();
    if stem.len() == t.text.len() {
        return t.mention_bits;
    }
    WORDS.get(stem).copied().unwrap_or(0)
}

fn flags_of(w: &str) -> u8 {
    WORDS.get(w).copied().unwrap_or(0)
}

/// Subject pronouns and the relative ones that stand for a speaker.
const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it", "you", "who", "which"];
/// Words that open a described phrase.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your", "one",
    "some", "many", "several", "most", "other", "another", "each", "every", "both", "all", "no", "last", "next",
    "past",
];
const PREPOSITIONS: &[&str] = &[
    "in", "at", "on", "of", "from", "to", "for", "with", "by", "about", "into", "over", "under", "during", "near",
    "against", "across", "through", "between", "among", "toward", "towards", "outside", "inside", "like", "than",
    "via", "around", "behind", "beyond", "without", "within", "upon",
];
const DASHES: &[&str] = &["-", "—", "–", "―", "--"];

/// The mentions of one article, in text order.
#[derive(Debug, Default)]
pub(crate) struct Mentions {
    list: Vec<Mention>,
}

/// Does a new sentence (or paragraph) start right before `toks[i]`?
fn sentence_start(text: &str, toks: &[Token], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &toks[p]) else {
        return true;
    };
    matches!(prev.text, "." | "?" | "!" | "“" | "\"" | "”" | ":" | ";")
        || text
            .get(prev.span().end..toks[i].span().start)
            .is_some_and(|gap| gap.contains('\n'))
}

/// A capitalised word that is not a name: a sentence-opening adverb,
/// participle, function word, number or time word ("Still", "Facing",
/// "Three", "Late").
fn capitalised_non_name(t: &Token, f: u8) -> bool {
    f & (word::NUMBER | word::TIME | word::OPENER | word::DETERMINER | word::PREPOSITION | word::PRONOUN) != 0
        || t.has(class::FUNCTION_WORD)
        || (t.text.len() > 4 && (t.text.ends_with("ly") || t.text.ends_with("ing")))
}

/// Part of a capitalised name run: a capitalised word, an initial, or an
/// abbreviation with its period ("U.S.", "Jr.").
fn name_word(t: &Token) -> bool {
    t.is_word() && (t.is_capitalized() || t.has(class::ABBREVIATION)) && !t.has_digit()
}

impl Mentions {
    /// Chunks the article's tokens into mentions.
    pub(crate) fn build(text: &str, tokens: &[Token], roster: &Roster) -> Mentions {
        // At most one mention starts at each word, so room for that many
        // is taken once: a long text of numbers has a million mentions,
        // and a list grown by doubling left its smaller copies behind in
        // the allocator (untouched room costs address space, not memory).
        let mut list = Vec::with_capacity(tokens.iter().filter(|t| t.is_word()).count());
        let mut i = 0;
        while i < tokens.len() {
            let t = &tokens[i];
            if !t.is_word() {
                i += 1;
                continue;
            }
            let at_start = sentence_start(text, tokens, i);
            let f = flags(t);
            let (end, kind) = if f & word::PRONOUN != 0 {
                (i + 1, Some(MentionKind::Pronoun))
            } else if name_word(t) && !(at_start && capitalised_non_name(t, f)) {
                let mut e = i + 1;
                while e < tokens.len() && name_word(&tokens[e]) && !tokens[e - 1].is_possessive() {
                    e += 1;
                }
                // "Hillary Clinton’s right-hand woman", "NBC’s Rita Moore":
                // the possessor opens a phrase whose head comes after it.
                let possessed = tokens.get(e).is_some_and(|n| lower_content(n) || name_word(n));
                if tokens[e - 1].is_possessive() && possessed {
                    (description_end(tokens, e - 1), Some(MentionKind::Description))
                } else {
                    (e, None)
                }
            } else if f & word::DETERMINER != 0 || t.is_possessive() {
                (description_end(tokens, i), Some(MentionKind::Description))
            } else if t.has_digit() || f & word::NUMBER != 0 {
                // "Eight years", "22 percent": the number and the lower-case
                // words after it.
                let mut e = i + 1;
                while e < tokens.len() && e - i < 3 && lower_content(&tokens[e]) {
                    e += 1;
                }
                (e, Some(MentionKind::Quantity))
            } else if f & word::TIME != 0 || t.is_date_word() {
                (i + 1, Some(MentionKind::Time))
            } else if !t.has(class::FUNCTION_WORD) && t.text.ends_with('s') && !t.text.ends_with("ss") {
                // A bare plural: "officials", "critics".
                (i + 1, Some(MentionKind::Description))
            } else {
                i += 1;
                continue;
            };
            let end = end.max(i + 1);
            let phrase = &tokens[i..end];
            let kind = kind.unwrap_or_else(|| name_kind(text, tokens, i, end));
            let head = head_of(phrase);
            let kind = match kind {
                MentionKind::Description => description_kind(phrase),
                k => k,
            };
            let prev = i.checked_sub(1).map(|p| &tokens[p]);
            let entity = matches!(kind, MentionKind::Person | MentionKind::Organisation)
                .then(|| roster.entity_in(head))
                .flatten();
            let kind = match entity.map(|e| roster.entities[e].kind) {
                Some(EntityKind::Person) if kind == MentionKind::Organisation => MentionKind::Person,
                Some(EntityKind::Organization) if kind == MentionKind::Person => MentionKind::Organisation,
                _ => kind,
            };
            list.push(Mention {
                span: packed(Span::new(t.span().start, tokens[end - 1].span().end)),
                head: packed(head),
                kind,
                entity: entity.map_or(u32::MAX, |e| u32::try_from(e).expect("fewer entities than bytes")),
                after_preposition: prev.is_some_and(|p| flags(p) & word::PREPOSITION != 0),
                possessor: tokens[end - 1].is_possessive() && end < tokens.len() && tokens[end].is_word(),
                clause_start: at_start
                    || prev.is_some_and(|p| p.is(",") || p.is("(") || p.is(")") || DASHES.contains(&p.text)),
                relative: t.is("who") || t.is("which"),
                object: prev.is_some_and(verb_like),
            });
            i = end;
        }
        Mentions { list }
    }

    /// The mentions that start inside `span`, in text order (the speaker
    /// ranker's candidates): one binary search.
    pub(crate) fn starting_in(&self, span: Span) -> &[Mention] {
        let lo = self.list.partition_point(|m| m.span().start < span.start);
        let hi = lo + self.list[lo..].partition_point(|m| m.span().start < span.end);
        &self.list[lo..hi]
    }

    /// Can the phrase at `span` (a subject a rule found) speak? A place, a
    /// time or a number cannot, nor a capitalised adverb or participle
    /// opening the sentence. A span the layer has no mention for is left
    /// to the rule that found it.
    pub(crate) fn can_speak(&self, text: &str, span: Span) -> bool {
        let from = self.list.partition_point(|m| m.span().end <= span.start);
        let mut seen = false;
        for m in self.list[from..].iter().take_while(|m| m.span().start < span.end) {
            seen = true;
            let inner = m.span().start > span.start && m.after_preposition;
            if m.kind.can_speak() && !inner {
                return true;
            }
        }
        !seen && !junk_opener(text, span)
    }

    /// The subject of the clause that governs a cue verb at `verb_at`,
    /// looked for between `from` and the verb, leaving out mentions inside
    /// `skip` (earlier quotations): the last mention that can speak, is no
    /// preposition's object and no possessor, preferring one that opens a
    /// clause. At most `SCAN` mentions back are read.
    pub(crate) fn governing_subject(&self, from: usize, verb_at: usize, skip: &[Span]) -> Option<&Mention> {
        const SCAN: usize = 24;
        let upto = self.list.partition_point(|m| m.span().end <= verb_at);
        let mut fallback = None;
        for m in self.list[..upto].iter().rev().take(SCAN) {
            if m.span().start < from {
                break;
            }
            if !m.kind.can_speak()
                || m.relative
                || m.after_preposition
                || m.possessor
                || skip.iter().any(|s| s.contains(m.span()))
            {
                continue;
            }
            if m.clause_start {
                return Some(m);
            }
            if !m.object {
                fallback.get_or_insert(m);
            }
        }
        fallback
    }
}

fn capitalised_non_name_str(w: &str) -> bool {
    flags_of(w) & (word::NUMBER | word::TIME | word::OPENER) != 0
        || FUNCTION_WORDS.contains(w)
        || (w.len() > 4 && (w.ends_with("ly") || w.ends_with("ing")))
}

/// A one-word span that the chunker left out as a capitalised non-name.
fn junk_opener(text: &str, span: Span) -> bool {
    let word = span.of(text);
    !word.contains(' ') && word.starts_with(char::is_uppercase) && capitalised_non_name_str(&lowercase(word))
}

/// Is the run of words a place name ("New Hampshire", "Ohio’s")?
fn place_name(run: &[Token]) -> bool {
    match run {
        [one] => return PLACES.contains(one.stem()),
        [] | [_, _, _, _, ..] => return false,
        _ => {}
    }
    let mut name = String::new();
    for t in run {
        if !name.is_empty() {
            name.push(' ');
        }
        name.push_str(t.stem());
    }
    PLACES.contains(&name)
}

/// The end (exclusive) of a described phrase opening at `i`: a determiner
/// or possessor, then up to six words that are no function word, stopping
/// before a capitalised name (which is its own mention) unless the phrase
/// is a possessor's ("Clinton’s campaign manager").
fn description_end(tokens: &[Token], i: usize) -> usize {
    let mut e = i + 1;
    while e < tokens.len() && e - i <= 8 {
        let t = &tokens[e];
        if !(lower_content(t) || name_word(t)) {
            break;
        }
        e += 1;
    }
    e
}

/// Auxiliaries and common verbs that end a phrase read forwards.
const VERBISH: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "should", "may",
    "might", "must", "does", "do", "did", "says", "say", "told", "tells", "wrote", "writes", "asked",
];

/// A lower-case word that reads as a verb: a past form, an auxiliary, a
/// speech verb.
fn verb_like(t: &Token) -> bool {
    t.is_word()
        && !t.is_capitalized()
        && (t.has(class::SPEECH_VERB) || flags(t) & word::VERBISH != 0 || (t.text.ends_with("ed") && t.text.len() > 4))
}

/// A lower-case word that can sit inside a noun phrase: no function word,
/// auxiliary or speech verb, no past form in -ed.
fn lower_content(t: &Token) -> bool {
    t.is_word()
        && !t.is_capitalized()
        && !t.has(class::FUNCTION_WORD | class::SPEECH_VERB)
        && flags(t) & word::VERBISH == 0
        && !t.text.ends_with("ed")
        && !t.text.ends_with("ing")
        && !t.text.ends_with("ly")
}

/// The kind of a capitalised run `tokens[i..end]`.
fn name_kind(text: &str, tokens: &[Token], i: usize, end: usize) -> MentionKind {
    let phrase = &tokens[i..end];
    // "Paris, who used to work …" is a person, whatever the gazetteer says.
    let relative = tokens.get(end).is_some_and(|t| t.is(",")) && tokens.get(end + 1).is_some_and(|t| t.is("who"));
    if !relative && (place_name(phrase) || dateline(text, tokens, i, end)) {
        return MentionKind::Place;
    }
    if phrase.iter().all(|t| t.is_date_word() || flags(t) & word::TIME != 0) {
        return MentionKind::Time;
    }
    if phrase.iter().any(|t| t.has(class::ORG_WORD)) {
        return MentionKind::Organisation;
    }
    MentionKind::Person
}

/// A dateline: a capitalised run opening a paragraph and followed by a
/// dash or a parenthesised agency ("WASHINGTON —", "Washington (AFP) –").
fn dateline(text: &str, tokens: &[Token], i: usize, end: usize) -> bool {
    let opens = i == 0
        || text
            .get(tokens[i - 1].span().end..tokens[i].span().start)
            .is_some_and(|g| g.contains('\n'));
    let caps = tokens[i..end].iter().all(|t| !t.text.chars().any(char::is_lowercase));
    let agency = tokens.get(end).is_some_and(|t| t.is("("))
        && tokens
            .get(end + 1)
            .is_some_and(|t| t.plain() && !t.text.chars().any(char::is_lowercase))
        && tokens.get(end + 2).is_some_and(|t| t.is(")"));
    opens && (agency || caps && tokens.get(end).is_some_and(|t| DASHES.contains(&t.text) || t.is(",")))
}

/// The head of a phrase: its name after any possessor for named phrases,
/// its last word for the rest.
fn head_of(phrase: &[Token]) -> Span {
    let last = phrase.len() - 1;
    let mut from = last;
    if name_word(&phrase[last]) {
        // The trailing name run, after any possessor.
        while from > 0 && name_word(&phrase[from - 1]) && !phrase[from - 1].is_possessive() {
            from -= 1;
        }
    }
    Span::new(phrase[from].span().start, phrase[last].span().end)
}

/// A described phrase is a document by its head noun, a time by its head
/// ("last week"), a person or organisation when it ends in a name.
fn description_kind(phrase: &[Token]) -> MentionKind {
    let head = &phrase[phrase.len() - 1];
    if DOCUMENTS.contains(head.text) {
        MentionKind::Document
    } else if TIME_WORDS.contains(head.text) || head.is_date_word() {
        MentionKind::Time
    } else if name_word(head) {
        let from = phrase.iter().rposition(|t| !name_word(t)).map_or(0, |k| k + 1);
        if place_name(&phrase[from..]) {
            return MentionKind::Place;
        }
        if phrase.iter().any(|t| t.has(class::ORG_WORD)) {
            MentionKind::Organisation
        } else {
            MentionKind::Person
        }
    } else {
        MentionKind::Description
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn layer(text: &str) -> (Vec<crate::token::Token<'_>>, Mentions) {
        let tokens = tokenize(text, Span::new(0, text.len()));
        let roster = Roster::from_tokens(text, &tokens);
        let m = Mentions::build(text, &tokens, &roster);
        (tokens, m)
    }

    fn find<'m>(text: &str, m: &'m Mentions, phrase: &str) -> &'m Mention {
        let at = text.find(phrase).expect("phrase in text");
        m.list
            .iter()
            .find(|x| x.span().start <= at && at < x.span().end)
            .expect("a mention there")
    }

    #[test]
    fn kinds_of_mentions() {
        let t = "Speaking at a rally in Tulsa, Oklahoma, Senator Vera Quill said the report was late. \
                 Last week she told a radio station that three of them agreed.";
        let (_, m) = layer(t);
        assert_eq!(find(t, &m, "Oklahoma").kind, MentionKind::Place);
        assert_eq!(find(t, &m, "Vera Quill").kind, MentionKind::Person);
        assert_eq!(find(t, &m, "report").kind, MentionKind::Document);
        assert_eq!(find(t, &m, "she").kind, MentionKind::Pronoun);
        assert_eq!(find(t, &m, "Last week").kind, MentionKind::Time);
        assert!(find(t, &m, "a radio station").object);
        assert!(find(t, &m, "a rally").after_preposition);
    }

    #[test]
    fn a_possessor_opens_a_phrase_whose_head_is_the_person() {
        let t = "KTVB’s Dora Wilkes said the vote was close.";
        let (_, m) = layer(t);
        let x = find(t, &m, "Dora");
        assert_eq!(x.kind, MentionKind::Person);
        assert_eq!(x.head().of(t), "Dora Wilkes");
        assert_eq!(x.span().of(t), "KTVB’s Dora Wilkes");
        let t = "Quill’s campaign manager said no.";
        let (_, m) = layer(t);
        assert_eq!(find(t, &m, "manager").head().of(t), "manager");
    }

    #[test]
    fn places_times_and_openers_cannot_speak_but_countries_can() {
        let t = "Early in the race, Quill attacked Moss, calling him weak. Ohio voted. Peru objected.";
        let (_, m) = layer(t);
        let span = |p: &str| {
            let a = t.find(p).unwrap();
            Span::new(a, a + p.len())
        };
        assert!(!m.can_speak(t, span("Early")));
        assert!(!m.can_speak(t, span("Ohio")));
        assert!(m.can_speak(t, span("Peru")));
        assert!(m.can_speak(t, span("Quill")));
    }

    #[test]
    fn the_governing_subject_skips_openers_places_and_objects() {
        let t = "Speaking at a town hall in Dover, Delaware, Quill went after Moss, calling him “a bore.”";
        let (_, m) = layer(t);
        let verb = t.find("calling").unwrap();
        let s = m.governing_subject(0, verb, &[]).expect("a subject");
        assert_eq!(s.span().of(t), "Quill");
        let t = "WASHINGTON (AP) — Senator Ada Lund has taken aim at the plan, saying it is “cruel.”";
        let (_, m) = layer(t);
        assert_eq!(find(t, &m, "WASHINGTON").kind, MentionKind::Place);
        let verb = t.find("saying").unwrap();
        assert_eq!(
            m.governing_subject(0, verb, &[]).map(|s| s.span().of(t)),
            Some("Senator Ada Lund")
        );
    }
}
