//! The learned speaker gate: a logistic model, trained on polnear-train
//! (`scripts/train_quote_gate.py`, the politico articles held out), that
//! decides for each quotation whether its candidate mention is the one who
//! said it. The hand rules propose; the gate settles the quotes they leave
//! without a speaker (a short quote under a verb the cue list lacks, "he
//! says he goes “back to war tomorrow”", is speech, not a scare quote),
//! and takes back weak attributions the model finds unlikely.
//!
//! The candidate is the speaker the rules gave, else the subject of the
//! quote's own clause, else of the sentence before. Features are sparse
//! strings (the word before the mark, the quote's shape, the candidate's
//! kind and distance, the rule), kept as keys made from their parts
//! ([`crate::featkey`]) and written as text only for the training dump;
//! the weights are `data/models/quote_gate.txt`, compiled in. Each decision keeps a `rule` and the model's probability as
//! its confidence.

use std::sync::OnceLock;

use super::cues::{self, is_pronoun};
use super::{Quote, QuoteKind, Speaker};
use crate::featkey::{Joined, Part, Weights, key, key_of, part};
use crate::lexicon::class;
use crate::segment::Paragraph;
use crate::span::Span;
use crate::speakers::Roster;
use crate::token::{Token, within};

/// Words that give a thing its name ("call it “…”", "so-called").
const NAMING_WORDS: &[&str] = &[
    "call",
    "calls",
    "called",
    "calling",
    "dub",
    "dubbed",
    "name",
    "named",
    "nicknamed",
    "so-called",
    "titled",
    "known",
    "term",
    "termed",
    "labeled",
    "labelled",
    "branded",
    "entitled",
];

/// The feature of a quote in a naming context; the gate never adds there.
const NAMING: Part = part!("naming");

/// Pronouns that open a sentence capitalised ("He", "They").
const PRONOUN_WORDS: &[&str] = &["he", "she", "they", "we", "i", "it", "you"];

/// The rule named on attributions the gate adds.
pub const RULE: &str = "learned-speaker-gate";

/// The model, `feature weight` a line, and its two thresholds.
const MODEL: &str = include_str!("../../data/models/quote_gate.txt");

struct Model {
    /// By the key of the feature's text, as the features are keyed.
    weights: Weights,
    /// A quote with no speaker takes its candidate at this probability.
    add: f32,
    /// An attribution by a weak rule is dropped below this probability.
    drop: f32,
}

fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| {
        let (mut add, mut drop) = (1.1, -0.1);
        let mut weights = Vec::new();
        for line in MODEL.lines().filter(|l| !l.starts_with('#')) {
            let mut it = line.split_whitespace();
            let (Some(k), Some(v)) = (it.next(), it.next().and_then(|v| v.parse::<f32>().ok())) else {
                continue;
            };
            match k {
                "@add" => add = v,
                "@drop" => drop = v,
                _ => weights.push((key_of(k), v)),
            }
        }
        Model {
            weights: Weights::new(weights),
            add,
            drop,
        }
    })
}

/// Rules weak enough for the gate to overrule (their measured precision is
/// below 0.75); the verb rules it never touches.
const WEAK_RULES: &[&str] = &[
    "coordinated",
    "characterised-as",
    "characterising-verb",
    "dash-credit",
    "floating",
    "multi-paragraph",
    "speech-noun",
    "transcript-label",
    "outer-speaker",
    "sentence-final-credit",
    "verb-inside-unclosed-quote",
];

/// What the attribution pass knows about one quote when it is read: the
/// clause candidate and the features of the quote's surroundings.
#[derive(Debug, Clone, Default)]
pub(crate) struct GateInput {
    /// The subject of the quote's clause (or of the sentence before).
    pub candidate: Option<Span>,
    /// The cue word next to the candidate (its verb, usually), so the
    /// attribution it makes can point at its cue.
    pub verb: Option<String>,
    /// The features' keys, made from their parts: building their text
    /// was a twentieth of the pipeline's time.
    keys: Vec<Joined>,
    /// Whether the quote names a thing (the `naming` feature).
    naming: bool,
    /// The features' text, each ended by a line break, for the training
    /// dumps only (one string per quote, not one per feature).
    text: Option<String>,
}

impl GateInput {
    /// The quote's features as text; empty unless read for a dump.
    pub fn feats(&self) -> impl Iterator<Item = &str> + '_ {
        self.text.as_deref().unwrap_or("").lines()
    }

    /// The quote's features as parts of the speaker ranker's features,
    /// with their text when read for a dump.
    pub(crate) fn feat_parts(&self) -> impl Iterator<Item = Part<'_>> + '_ {
        let mut lines = self.feats();
        self.keys.iter().map(move |k| k.part(lines.next().unwrap_or("")))
    }
}

/// Where [`read`] puts a quote's features: their keys, and their text
/// when a dump wants it.
struct Feats {
    keys: Vec<Joined>,
    naming: bool,
    text: Option<String>,
}

impl Feats {
    #[inline(always)]
    fn push(&mut self, parts: &[Part]) {
        self.keys.push(Joined::of(parts));
        if let Some(t) = &mut self.text {
            parts.iter().for_each(|p| t.push_str(p.text));
            t.push('\n');
        }
    }
}

/// A count in a few buckets, as its feature writes it.
fn bucket(n: usize) -> Part<'static> {
    match n {
        0 => part!("0"),
        1 => part!("1"),
        2 => part!("2"),
        3 => part!("3"),
        4..=6 => part!("5"),
        7..=12 => part!("9"),
        _ => part!("20"),
    }
}

/// A coarse class of a word: what it says about the quote after it.
fn word_class(t: &Token) -> Part<'static> {
    if !t.is_word() {
        return match t.text {
            "," => part!("comma"),
            ":" => part!("colon"),
            "-" | "—" | "–" => part!("dash"),
            "(" => part!("paren"),
            _ => part!("mark"),
        };
    }
    if t.has(class::SPEECH_VERB) {
        part!("speech")
    } else if t.has(class::CHARACTERISING_VERB) {
        part!("characterising")
    } else if t.is_possessive() {
        part!("possessive")
    } else if is_pronoun(t) {
        part!("pronoun")
    } else if t.has(class::FUNCTION_WORD) {
        part!("function")
    } else {
        word_shape(t)
    }
}

/// A word no class names, by its shape: capitalised, or its ending
/// (the ranker reads words the same way).
pub(crate) fn word_shape(t: &Token) -> Part<'static> {
    if t.is_capitalized() {
        part!("capital")
    } else if t.text.ends_with("ed") {
        part!("ed")
    } else if t.text.ends_with("ing") {
        part!("ing")
    } else if t.text.ends_with('s') {
        part!("s")
    } else {
        part!("other")
    }
}

/// Reads a quote's surroundings once, while the rules read them.
#[allow(clippy::too_many_arguments)]
pub(crate) fn read(
    text: &str,
    tokens: &[Token],
    paragraphs: &[Paragraph],
    q: &Quote,
    before: &[Token],
    after: Option<&[Token]>,
    sent: Span,
    has_cue: bool,
    dump: bool,
) -> GateInput {
    // Features are keyed from their parts, their text made only for a
    // dump: building the strings was the gate's main cost.
    let mut f = Feats {
        keys: Vec::with_capacity(24),
        naming: false,
        text: dump.then(String::new),
    };
    let content = q.span.of(text);
    let n = content.split_whitespace().take(13).count();
    let kind = Part::new(q.kind.as_str());
    f.push(&[part!("kind="), kind]);
    f.push(&[part!("n="), bucket(n)]);
    f.push(&[part!("kind="), kind, part!("&n="), bucket(n)]);
    if has_cue {
        f.push(&[part!("cue-unresolved")]);
    }
    if content.starts_with(char::is_uppercase) {
        f.push(&[part!("cap")]);
    }
    let trimmed = content.trim_end_matches(['”', '"', '’', '\'']);
    match trimmed.chars().last() {
        Some('.') => f.push(&[part!("ends=.")]),
        Some('?') => f.push(&[part!("ends=?")]),
        Some('!') => f.push(&[part!("ends=!")]),
        Some(',') => f.push(&[part!("ends=,")]),
        _ => {}
    }
    if q.group.is_some() {
        f.push(&[part!("group")]);
    }
    if q.close.is_none() {
        f.push(&[part!("unclosed")]);
    }
    if q.paragraph == 0 {
        f.push(&[part!("para0")]);
    }
    let words: Vec<&Token> = before.iter().filter(|t| t.is_word()).collect();
    f.push(&[part!("before="), bucket(words.len())]);
    if let Some(last) = before.last() {
        f.push(&[part!("prev-class="), word_class(last)]);
        if last.is_word() {
            f.push(&[part!("prev="), Part::new(&last.lower())]);
        }
    } else {
        f.push(&[part!("prev-class=none")]);
    }
    if let Some(w) = words.iter().rev().nth(1) {
        f.push(&[part!("prev2="), Part::new(&w.lower())]);
    }
    // "what investigators call the “Eastside pipeline”": a name given to a
    // thing is a term, whoever gives it; the gate leaves those alone.
    let naming = |t: &&Token| t.is_one_of(NAMING_WORDS);
    let adjacent = before.last().is_some_and(|t| t.is_word());
    if adjacent && (words.last().is_some_and(naming) || words.iter().rev().nth(1).is_some_and(naming)) {
        f.push(&[NAMING]);
        f.naming = true;
    }
    if before.iter().any(|t| t.has(class::SPEECH_VERB)) {
        f.push(&[part!("speech-verb-before")]);
    }
    if before.iter().any(|t| t.has(class::CHARACTERISING_VERB)) {
        f.push(&[part!("characterising-before")]);
    }
    if before.iter().any(|t| t.has(class::MINED_CUE)) {
        f.push(&[part!("mined-cue-before")]);
    }
    if let Some(a) = after {
        if let Some(t) = a.first() {
            f.push(&[part!("next-class="), word_class(t)]);
        }
        if let Some(t) = a.iter().find(|t| t.is_word()) {
            f.push(&[part!("next="), Part::new(&t.lower())]);
        }
    }
    let mut verb = None;
    let (candidate, from) = if let Some((c, v)) = after.and_then(after_candidate) {
        verb = Some(v);
        (Some(c), part!("after"))
    } else if let Some(c) = own_candidate(before) {
        (Some(c), part!("own"))
    } else if words.is_empty() {
        (previous_subject(tokens, paragraphs, q, sent), part!("previous"))
    } else {
        (None, part!("none"))
    };
    if let Some(c) = candidate {
        f.push(&[part!("cand="), from]);
        describe_candidate(text, tokens, c, q, &mut f);
        if verb.is_none() {
            verb = gap_cue(tokens, c, q);
        }
    }
    GateInput {
        candidate,
        verb,
        keys: f.keys,
        naming: f.naming,
        text: f.text,
    }
}

/// A credit after the quote that the cue rules did not read, often for a
/// long descriptor before the name (`“…,” Fight for $15 organizing
/// director Kendall Fells told Fox News`): the name or pronoun right before
/// a cue word, or the name right after one (`said former FBI agent Timothy
/// Gill`), within a few words of the closing mark.
pub(crate) fn after_candidate(after: &[Token]) -> Option<(Span, String)> {
    let toks: Vec<&Token> = after
        .iter()
        .skip_while(|t| !t.is_word())
        .take_while(|t| !matches!(t.text, "." | "“" | "\"" | ";"))
        .take(12)
        .collect();
    let cue = |t: &Token| t.is_word() && !t.is_capitalized() && t.has(class::SPEECH_VERB | class::MINED_CUE);
    let k = toks.iter().position(|t| cue(t))?;
    let name = |t: &Token| t.is_word() && (t.is_capitalized() || t.text.len() == 1) && !t.has(class::FUNCTION_WORD);
    if k == 0 {
        let run: Vec<&&Token> = toks[1..]
            .iter()
            .skip_while(|t| !name(t))
            .take_while(|t| name(t))
            .collect();
        let span = Span::new(run.first()?.span().start, run.last()?.span().end);
        return Some((span, toks[0].text.to_string()));
    }
    let (last, verb) = (toks[k - 1], toks[k].text.to_string());
    if is_pronoun(last) {
        return Some((last.span(), verb));
    }
    let start = toks[..k].iter().rposition(|t| !name(t)).map_or(0, |i| i + 1);
    (start < k).then(|| (Span::new(toks[start].span().start, last.span().end), verb))
}

/// The cue between a candidate and its quote, nearest the quote first: a
/// word of the cue lists, else a verb in -ed or -ing right before the
/// quote or its colon ("boomed: “…”"). `None` when no word reads as one:
/// the gate then names no speaker, as an attribution shows its cue.
fn gap_cue(tokens: &[Token], c: Span, q: &Quote) -> Option<String> {
    let gap = within(tokens, Span::new(c.end, q.open.start.max(c.end)));
    let listed = class::SPEECH_VERB | class::MINED_CUE | class::CHARACTERISING_VERB;
    if let Some(t) = gap.iter().rev().find(|t| t.is_word() && t.has(listed)) {
        return Some(t.text.to_string());
    }
    let last = gap.iter().rev().find(|t| t.is_word())?;
    let adjacent = gap.iter().rev().take_while(|t| !t.is_word()).all(|t| t.text == ":");
    let verb = !last.is_capitalized() && (last.text.ends_with("ed") || last.text.ends_with("ing"));
    (adjacent && verb).then(|| last.text.to_string())
}

/// The subject of the clause the quote sits in, if plausible.
fn own_candidate(before: &[Token]) -> Option<Span> {
    let last = before.iter().rposition(|t| t.is_word())?;
    cues::clause_subject(before, last + 1).filter(|s| cues::plausible_subject(before, *s))
}

/// A quote that opens its sentence: the subject of the sentence before in
/// its paragraph.
fn previous_subject(tokens: &[Token], paragraphs: &[Paragraph], q: &Quote, sent: Span) -> Option<Span> {
    let para = &paragraphs[q.paragraph];
    let prev = para.sentences.iter().rev().find(|s| s.end <= sent.start)?;
    let toks = within(tokens, *prev);
    // A sentence inside a quotation speaks; its subject is not the speaker.
    if toks.iter().any(|t| matches!(t.text, "“" | "”" | "\"")) {
        return None;
    }
    let toks = &toks[..toks.len().min(40)];
    cues::clause_subject(toks, toks.len()).filter(|s| cues::plausible_subject(toks, *s))
}

/// Features of a candidate mention: its kind, its distance from the mark,
/// the word after it (the verb, usually).
fn describe_candidate(text: &str, tokens: &[Token], c: Span, q: &Quote, f: &mut Feats) {
    let toks = within(tokens, c);
    let kind = match toks {
        [t] if is_pronoun(t) => part!("pronoun"),
        [t, ..] if t.is_one_of(&["the", "a", "an"]) => part!("described"),
        [t, ..] if t.is_capitalized() => part!("name"),
        _ => part!("other"),
    };
    f.push(&[part!("cand-kind="), kind]);
    if toks.len() > 1 {
        f.push(&[part!("cand-len="), bucket(toks.len())]);
    }
    let gap = within(tokens, Span::new(c.end, q.open.start.max(c.end)));
    f.push(&[part!("cand-gap="), bucket(gap.iter().filter(|t| t.is_word()).count())]);
    if let Some(v) = gap.iter().find(|t| t.is_word()) {
        f.push(&[part!("cand-next="), Part::new(&v.lower())]);
        f.push(&[part!("cand-next-class="), word_class(v)]);
    }
    if gap
        .iter()
        .any(|t| t.is_word() && t.has(class::SPEECH_VERB | class::MINED_CUE))
    {
        f.push(&[part!("cand-cue-between")]);
    }
    if c.of(text).contains(',') {
        f.push(&[part!("cand-comma")]);
    }
}

/// A capitalised word that only modifies the noun after it ("Mexican
/// newspapers have …", "Former US secretary of state …"): the speaker is
/// the whole phrase or a name further on, not this word.
fn premodifier(tokens: &[Token], c: Span) -> bool {
    let k = tokens.partition_point(|t| t.span().start < c.end);
    let Some(next) = tokens.get(k).filter(|t| t.is_word() && !t.is_capitalized()) else {
        return false;
    };
    if next.has(class::TITLE | class::ROLE_MODIFIER) {
        return true;
    }
    let verb_like = next.has(class::SPEECH_VERB | class::MINED_CUE | class::CHARACTERISING_VERB | class::FUNCTION_WORD)
        || next.text.ends_with("ed")
        || next.text.ends_with("ly");
    let then_aux = tokens.get(k + 1).is_some_and(|t| {
        t.is_one_of(&[
            "have", "has", "are", "were", "is", "was", "say", "said", "had", "will", "would",
        ])
    });
    !verb_like && then_aux
}

/// The model's probability that `mention` said the quote.
/// Quotes with a speaker and those without have their own weights
/// (prefixes `S:` and `N:`): one model for each decision.
fn probability<'f>(feats: impl IntoIterator<Item = Part<'f>>, rule: Option<&str>, speaker: bool) -> f32 {
    let m = model();
    let prefix = if speaker { part!("S:") } else { part!("N:") };
    let w = |parts: &[Part]| m.weights.get(key(parts)).unwrap_or(0.0);
    let mut z = w(&[prefix, part!("bias")]);
    for k in feats {
        z += w(&[prefix, k]);
    }
    let rule = rule.unwrap_or(if speaker { "other" } else { "none" });
    z += w(&[prefix, part!("rule="), Part::new(rule)]);
    1.0 / (1.0 + (-z).exp())
}

/// The gate's verdict on every quote after the hand rules and propagation.
pub(crate) fn apply(text: &str, tokens: &[Token], roster: &mut Roster, quotes: &mut [Quote], inputs: &[GateInput]) {
    for (q, input) in quotes.iter_mut().zip(inputs) {
        if q.speaker.is_some() {
            if !q.rule.is_some_and(|r| WEAK_RULES.contains(&r)) {
                continue;
            }
            let p = probability(input.feat_parts(), q.rule, true);
            if p < model().drop {
                q.speaker = None;
                q.cue = None;
                q.rule = None;
            }
            continue;
        }
        if input.naming {
            continue;
        }
        let Some(c) = input.candidate.filter(|_| input.verb.is_some()) else {
            continue;
        };
        let p = probability(input.feat_parts(), None, false);
        if p < model().add {
            continue;
        }
        let Some(r) = roster.resolve_within(text, c, tokens) else {
            continue;
        };
        // "Mexican newspapers": a description headed by a common noun is
        // not the entity its modifier names.
        let words = within(tokens, c);
        let common_head = words
            .last()
            .is_some_and(|t| t.is_word() && !t.is_capitalized() && !is_pronoun(t))
            && words
                .first()
                .is_some_and(|t| t.is_capitalized() && !t.has(class::FUNCTION_WORD));
        if premodifier(tokens, c) || (common_head && r.entity.is_some()) {
            continue;
        }
        // A capitalised mention the roster does not know is rarely a
        // speaker ("Mexican", "Former US"): the gate only names people
        // and bodies the article introduces, or descriptions.
        let capitalised = c.of(text).starts_with(char::is_uppercase);
        if capitalised && r.entity.is_none() && !PRONOUN_WORDS.contains(&c.of(text).to_lowercase().as_str()) {
            continue;
        }
        if r.entity.is_some() {
            roster.note_mention(c.start, r.entity.unwrap_or_default());
        }
        q.speaker = Some(Speaker {
            name: r.name,
            role: r.role,
            span: super::name_only(text, tokens, r.name_span.unwrap_or(c)),
            entity: r.entity,
        });
        if q.kind == QuoteKind::Scare {
            q.kind = QuoteKind::Partial;
        }
        q.cue = input.verb.clone();
        q.rule = Some(RULE);
        q.learned = Some(p);
    }
}

/// One quote as the gate sees it, for training: the mention it would name
/// (the rules' speaker, else its candidate) and the features.
#[derive(Debug, Clone)]
pub struct Sample {
    pub quote: Span,
    pub mention: Option<Span>,
    /// The rule that gave the speaker; `None` for a quote with none.
    pub rule: Option<&'static str>,
    pub feats: Vec<String>,
}

pub(crate) fn samples(quotes: &[Quote], inputs: &[GateInput]) -> Vec<Sample> {
    quotes
        .iter()
        .zip(inputs)
        .map(|(q, i)| {
            let mut feats: Vec<String> = i.feats().map(str::to_string).collect();
            feats.push(format!(
                "rule={}",
                q.rule.unwrap_or(if q.speaker.is_some() { "other" } else { "none" })
            ));
            Sample {
                quote: q.span,
                // Without a cue word the gate names nobody: no sample.
                mention: (q.speaker.as_ref().map(|s| s.span)).or(i.candidate.filter(|_| i.verb.is_some())),
                rule: q.speaker.as_ref().and(q.rule),
                feats,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn after_text(t: &str) -> Option<String> {
        let toks = tokenize(t, Span::new(0, t.len()));
        after_candidate(&toks).map(|(s, v)| format!("{} / {v}", s.of(t)))
    }

    #[test]
    fn the_model_is_compiled_in_with_its_thresholds() {
        let m = model();
        assert!(m.weights.len() > 50);
        assert!(m.weights.get(key_of("N:bias")).is_some());
        assert!(m.add > 0.0 && m.add < 1.0, "add {}", m.add);
        assert!(m.drop >= 0.0 && m.drop < m.add, "drop {}", m.drop);
        let p = probability([Part::new("kind=scare")], None, false);
        assert!(p > 0.0 && p < 1.0);
    }

    #[test]
    fn a_credit_after_the_quote_reads_past_a_long_descriptor() {
        assert_eq!(
            after_text(", Westfield tenants union organizing director Carla Benn told the radio station.").as_deref(),
            Some("Carla Benn / told")
        );
        assert_eq!(
            after_text(", said former state auditor Lionel Marsh, who led the review.").as_deref(),
            Some("Lionel Marsh / said")
        );
        assert_eq!(after_text(", she explained.").as_deref(), Some("she / explained"));
        // No cue word within reach: no candidate.
        assert_eq!(after_text(" and the crowd went home early that night."), None);
    }

    #[test]
    fn a_capitalised_premodifier_is_not_a_speaker() {
        let t = "Canadian newspapers have been reading the book";
        let toks = tokenize(t, Span::new(0, t.len()));
        assert!(premodifier(&toks, Span::new(0, 8)));
        let t = "Benn says the plan works";
        let toks = tokenize(t, Span::new(0, t.len()));
        assert!(!premodifier(&toks, Span::new(0, 4)));
    }

    #[test]
    fn a_name_given_to_a_thing_gets_no_learned_speaker() {
        let t = "Headline here\n\nInspector Lena Cho spoke Monday.\n\nCho called it a blow to what investigators call the “Northside ring.”\n";
        let paras = crate::segment::segment(t, 0);
        let mut roster = Roster::build(t, Span::new(0, t.len()));
        let qs = super::super::extract_quotes(t, &paras, &mut roster);
        let q = qs
            .iter()
            .find(|q| q.span.of(t).starts_with("Northside"))
            .expect("quote");
        assert_ne!(q.rule, Some(RULE));
        assert!(q.speaker.is_none(), "{:?}", q.speaker);
    }
}
