//! The learned speaker ranker (issue 16): after the hand rules and the
//! speaker gate have ruled, each quotation's candidate sources are read
//! from the mention layer (the mentions of its sentence, the sentence
//! before and the one after, a bounded number on each side, the rules'
//! choice among them) plus "no speaker", and a linear model scores each
//! one; a softmax over the scores gives the chosen candidate's
//! probability, which the quote keeps as its confidence.
//!
//! The model is trained by `scripts/train_speaker_ranker.py` on
//! polnear-train's gold source mentions (the politico articles held out)
//! from the features [`samples`] writes, and compiled in
//! (`data/models/speaker_ranker.txt`). Features are short strings built
//! from parts; at run time their key is made from the parts' hashes
//! (`crate::featkey`: the parts written in the code are hashed at compile
//! time) and looked up in one table of the model's weights, keyed the
//! same way (no string is built, nothing allocated).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::gate::GateInput;
use super::{Quote, QuoteKind, Speaker};
use crate::featkey::{Part, Weights, key, key_of, part};
use crate::lexicon::class;
use crate::mentions::{Mention, MentionKind, Mentions};
use crate::segment::Paragraph;
use crate::span::Span;
use crate::speakers::Roster;
use crate::token::Token;

/// The rule named on a speaker the ranker chose over the rules' one.
pub const RULE: &str = "ranker";

/// The model: `feature weight` a line, comments after `#`, and the
/// thresholds of its decisions (`@switch`, `@add-<kind>`).
const MODEL: &str = include_str!("../../data/models/speaker_ranker.txt");

/// Candidates read on each side of a quotation, nearest first: real
/// sources sit within a sentence or two, and the bound keeps the ranker
/// linear however long a sentence runs.
const PER_SIDE: usize = 8;

/// The probability each kind of change needs, set by the trainer on
/// scores its model did not fit; above 1 a change is never made.
struct Thresholds {
    /// Another mention instead of the rules' speaker: the margin of its
    /// probability over theirs. (The ranker never
    /// takes a speaker away: on the hand-checked sets the speakers it
    /// dropped were mostly right, credit lines and transcripts.)
    switch: f32,
    /// A speaker for a quote the rules left without, by its kind.
    add_statement: f32,
    add_partial: f32,
    add_scare: f32,
}

struct Model {
    weights: Weights,
    th: Thresholds,
}

fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| {
        let mut th = Thresholds {
            switch: 1.1,
            add_statement: 1.1,
            add_partial: 1.1,
            add_scare: 1.1,
        };
        let mut weights = Vec::new();
        for line in MODEL.lines().filter(|l| !l.starts_with('#')) {
            let Some((k, v)) = line.rsplit_once(' ') else { continue };
            let Ok(v) = v.parse::<f32>() else { continue };
            match k {
                "@switch" => th.switch = v,
                "@add-statement" => th.add_statement = v,
                "@add-partial" => th.add_partial = v,
                "@add-scare" => th.add_scare = v,
                _ => {
                    weights.push((key_of(k), v));
                }
            }
        }
        Model {
            weights: Weights::new(weights),
            th,
        }
    })
}

/// Where features go: summed as weights at run time, written out as
/// strings for training.
trait Sink {
    fn feat(&mut self, parts: &[Part]);
}

/// Sums the weights of the features it is given.
struct Score(f32);

impl Sink for Score {
    #[inline(always)]
    fn feat(&mut self, parts: &[Part]) {
        if let Some(w) = model().weights.get(key(parts)) {
            self.0 += w;
        }
    }
}

/// Collects the features as strings (training only).
struct Names(Vec<String>);

impl Sink for Names {
    fn feat(&mut self, parts: &[Part]) {
        self.0.push(crate::featkey::joined(parts));
    }
}

/// A small number as a coarse bucket name.
fn bucket(n: usize) -> Part<'static> {
    match n {
        0 => part!("0"),
        1 => part!("1"),
        2 => part!("2"),
        3 => part!("3"),
        4..=6 => part!("5"),
        7..=12 => part!("9"),
        13..=25 => part!("20"),
        _ => part!("40"),
    }
}

fn kind_name(k: MentionKind) -> Part<'static> {
    match k {
        MentionKind::Person => part!("person"),
        MentionKind::Organisation => part!("org"),
        MentionKind::Document => part!("document"),
        MentionKind::Description => part!("description"),
        MentionKind::Pronoun => part!("pronoun"),
        MentionKind::Place => part!("place"),
        MentionKind::Time => part!("time"),
        MentionKind::Quantity => part!("quantity"),
    }
}

/// A coarse class of the word beside a candidate.
fn word_class(t: Option<&Token>) -> Part<'static> {
    let Some(t) = t else { return part!("none") };
    if !t.is_word() {
        return match t.text {
            "," => part!("comma"),
            ":" => part!("colon"),
            "." => part!("period"),
            "-" | "—" | "–" | "―" => part!("dash"),
            "(" | ")" => part!("paren"),
            "“" | "”" | "\"" | "‘" | "’" | "'" => part!("quote"),
            _ => part!("mark"),
        };
    }
    if t.has(class::SPEECH_VERB) {
        part!("speech")
    } else if t.has(class::CHARACTERISING_VERB) {
        part!("characterising")
    } else if t.is_possessive() {
        part!("possessive")
    } else if crate::lexicon::SPEECH_NOUNS.contains(t.text) {
        // "Reyes’s claim", "the mayor’s statement": the possessor speaks.
        part!("speech-noun")
    } else if t.has(class::FUNCTION_WORD) {
        if t.is("that") {
            part!("that")
        } else if t.is("who") {
            part!("who")
        } else if t.is("according") {
            part!("according")
        } else {
            part!("function")
        }
    } else {
        super::gate::word_shape(t)
    }
}

/// Where a candidate sits against its quotation.
#[derive(Clone, Copy)]
enum Place {
    /// In the quote's own sentence, before the opening mark.
    Before,
    /// In the quote's sentence (or the next), after the closing mark.
    After,
    /// In the sentence before the quote's.
    PrevSentence,
    /// After the sentence that holds the closing mark.
    NextSentence,
}

impl Place {
    fn name(self) -> Part<'static> {
        match self {
            Place::Before => part!("B"),
            Place::After => part!("A"),
            Place::PrevSentence => part!("P"),
            Place::NextSentence => part!("N"),
        }
    }
}

/// One candidate source of a quotation.
#[derive(Clone, Copy)]
struct Candidate {
    span: Span,
    /// The mention; `None` for a rules' speaker span the layer has no
    /// mention at.
    mention: Option<Mention>,
    place: Place,
    /// Its rank on its side of the quote, nearest first.
    order: usize,
    /// Tokens between it and the quotation's mark.
    distance: usize,
    /// It overlaps the rules' speaker.
    rules: bool,
}

/// What the ranker reads of the article once.
pub(crate) struct Context<'a, 't> {
    pub text: &'a str,
    pub tokens: &'t [Token<'a>],
    pub paragraphs: &'t [Paragraph],
    pub mentions: &'t Mentions,
    /// Outer spans (marks included) of every quotation, in text order.
    pub quoted: Vec<Span>,
    /// How often the article names each roster entity.
    pub frequency: FxHashMap<usize, usize>,
}

impl<'a, 't> Context<'a, 't> {
    pub(crate) fn new(
        text: &'a str,
        tokens: &'t [Token<'a>],
        paragraphs: &'t [Paragraph],
        mentions: &'t Mentions,
        quotes: &[Quote],
    ) -> Self {
        let quoted = quotes.iter().map(outer).collect();
        let mut frequency: FxHashMap<usize, usize> = FxHashMap::default();
        for m in mentions.starting_in(Span::new(0, text.len())) {
            if let Some(e) = m.entity() {
                *frequency.entry(e).or_default() += 1;
            }
        }
        Context {
            text,
            tokens,
            paragraphs,
            mentions,
            quoted,
            frequency,
        }
    }

    /// Is `span` inside a quotation (someone's words, not the narration)?
    fn inside_quote(&self, span: Span) -> bool {
        let k = self.quoted.partition_point(|q| q.start <= span.start);
        k > 0 && self.quoted[k - 1].end > span.start
    }

    fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span().start < pos)
    }
}

fn outer(q: &Quote) -> Span {
    Span::new(q.open.start.min(q.span.start), q.close.map_or(q.span.end, |c| c.end))
}

/// The sentence of paragraph `p` holding `pos`, by index.
fn sentence_index(p: &Paragraph, pos: usize) -> Option<usize> {
    let k = p.sentences.partition_point(|s| s.start <= pos);
    k.checked_sub(1).filter(|&k| pos < p.sentences[k].end)
}

/// The candidates of quote `q`: mentions that can speak, outside every
/// quotation, in the window from the sentence before to the sentence
/// after, at most [`PER_SIDE`] each side; the rules' speaker among them.
fn candidates(cx: &Context, q: &Quote) -> Vec<Candidate> {
    let out_span = outer(q);
    let para = &cx.paragraphs[q.paragraph];
    let open_s = sentence_index(para, out_span.start);
    let close_s = sentence_index(para, out_span.end.saturating_sub(1));
    let cur_start = open_s.map_or(para.span.start, |k| para.sentences[k].start);
    let prev_start = match open_s {
        Some(k) if k > 0 => para.sentences[k - 1].start,
        _ => q
            .paragraph
            .checked_sub(1)
            .and_then(|p| cx.paragraphs[p].sentences.last())
            .map_or(cur_start, |s| s.start),
    };
    let cur_end = close_s.map_or(para.span.end, |k| para.sentences[k].end);
    let next_end = close_s
        .and_then(|k| para.sentences.get(k + 1))
        .map_or(cur_end, |s| s.end)
        .max(out_span.end);
    let rules = q.speaker.as_ref().map(|s| s.span);
    let open_tok = cx.token_at(out_span.start);
    let close_tok = cx.token_at(out_span.end);
    let mut out = Vec::with_capacity(2 * PER_SIDE + 1);
    let speakable = |m: &&Mention| m.kind.can_speak() && !cx.inside_quote(m.span());
    let before = cx.mentions.starting_in(Span::new(prev_start, out_span.start));
    for (order, m) in before.iter().rev().filter(speakable).take(PER_SIDE).enumerate() {
        let place = if m.span().start >= cur_start {
            Place::Before
        } else {
            Place::PrevSentence
        };
        let distance = open_tok.saturating_sub(cx.token_at(m.span().end));
        out.push(candidate(m, place, order, distance, rules));
    }
    let after = cx.mentions.starting_in(Span::new(out_span.end, next_end));
    for (order, m) in after.iter().filter(speakable).take(PER_SIDE).enumerate() {
        let place = if m.span().start < cur_end {
            Place::After
        } else {
            Place::NextSentence
        };
        let distance = cx.token_at(m.span().start).saturating_sub(close_tok);
        out.push(candidate(m, place, order, distance, rules));
    }
    if let Some(r) = rules.filter(|r| !out.iter().any(|c| c.span.overlaps(*r))) {
        let place = if r.end <= out_span.start {
            Place::Before
        } else {
            Place::After
        };
        out.push(Candidate {
            span: r,
            mention: None,
            place,
            order: 0,
            distance: 0,
            rules: true,
        });
    }
    out
}

fn candidate(m: &Mention, place: Place, order: usize, distance: usize, rules: Option<Span>) -> Candidate {
    Candidate {
        span: m.span(),
        mention: Some(*m),
        place,
        order,
        distance,
        rules: rules.is_some_and(|r| m.span().overlaps(r)),
    }
}

/// The features of the "no speaker" choice: the quote's shape and the
/// rule that ruled, the gate's reading of its surroundings.
fn null_features<'f>(s: &mut impl Sink, q: &Quote, gate_feats: impl Iterator<Item = Part<'f>>, n: usize) {
    let qk = Part::new(q.kind.as_str());
    let rule = Part::new(q.rule.unwrap_or("none"));
    s.feat(&[part!("null")]);
    s.feat(&[part!("null&qk="), qk]);
    s.feat(&[part!("null&rule="), rule]);
    s.feat(&[part!("null&qk="), qk, part!("&rule="), rule]);
    s.feat(&[part!("null&cands="), bucket(n)]);
    for f in gate_feats {
        s.feat(&[part!("null&g:"), f]);
    }
}

/// What every candidate's features read of the quote, made once per quote.
struct QuoteParts {
    kind: Part<'static>,
    rule: Part<'static>,
    /// The tokens at the opening mark and after the closing one.
    open_tok: usize,
    close_tok: usize,
}

impl QuoteParts {
    fn of(cx: &Context, q: &Quote) -> QuoteParts {
        QuoteParts {
            kind: Part::new(q.kind.as_str()),
            rule: Part::new(q.rule.unwrap_or("none")),
            open_tok: cx.token_at(q.open.start),
            close_tok: cx.token_at(q.close.map_or(q.span.end, |c| c.end)),
        }
    }
}

/// The features of one candidate.
fn features(s: &mut impl Sink, cx: &Context, q: &Quote, qp: &QuoteParts, c: &Candidate) {
    let qk = qp.kind;
    let place = c.place.name();
    let kind = c.mention.map_or(part!("rules-only"), |m| kind_name(m.kind));
    let order = bucket(c.order.min(4));
    let dist = bucket(c.distance);
    s.feat(&[part!("k="), kind]);
    s.feat(&[part!("k="), kind, part!("&p="), place]);
    s.feat(&[part!("k="), kind, part!("&p="), place, part!("&o="), order]);
    s.feat(&[part!("p="), place, part!("&o="), order]);
    s.feat(&[part!("p="), place, part!("&d="), dist]);
    s.feat(&[part!("k="), kind, part!("&qk="), qk]);
    let rule = qp.rule;
    if c.rules {
        s.feat(&[part!("rules")]);
        s.feat(&[part!("rules&r="), rule]);
        s.feat(&[part!("rules&r="), rule, part!("&k="), kind]);
        s.feat(&[part!("rules&qk="), qk]);
    } else {
        // How far a rule's choice is to be trusted over the others.
        s.feat(&[part!("alt&r="), rule, part!("&p="), place]);
    }
    let Some(m) = c.mention else { return };
    let i = cx.token_at(m.span().start);
    let j = cx.token_at(m.span().end);
    let prev = i.checked_sub(1).map(|k| &cx.tokens[k]);
    let next = cx.tokens.get(j);
    let next2 = cx.tokens.get(j + 1);
    let pc = word_class(prev);
    let nc = word_class(next);
    s.feat(&[part!("prev="), pc, part!("&p="), place]);
    s.feat(&[part!("next="), nc, part!("&p="), place]);
    s.feat(&[
        part!("next="),
        nc,
        part!("&next2="),
        word_class(next2),
        part!("&p="),
        place,
    ]);
    s.feat(&[part!("next="), nc, part!("&k="), kind]);
    if m.clause_start {
        s.feat(&[part!("clause-start&p="), place]);
    }
    if m.after_preposition {
        s.feat(&[part!("after-prep&k="), kind]);
    }
    if m.possessor {
        s.feat(&[part!("possessor")]);
    }
    if m.object {
        s.feat(&[part!("object&p="), place]);
    }
    if m.relative {
        s.feat(&[part!("relative&p="), place]);
    }
    if m.kind == MentionKind::Pronoun {
        let w = m.span().of(cx.text);
        let w = if w.eq_ignore_ascii_case("he") || w.eq_ignore_ascii_case("she") {
            part!("sg")
        } else if w.eq_ignore_ascii_case("it") {
            part!("it")
        } else {
            part!("other")
        };
        s.feat(&[part!("pro="), w, part!("&p="), place, part!("&o="), order]);
    }
    let freq = m.entity().and_then(|e| cx.frequency.get(&e)).copied().unwrap_or(0);
    s.feat(&[part!("freq="), bucket(freq), part!("&k="), kind]);
    // What stands between the candidate and the mark: a colon, a comma.
    let (a, b) = match c.place {
        Place::Before | Place::PrevSentence => (j, qp.open_tok),
        _ => (qp.close_tok, i),
    };
    let gap = cx.tokens.get(a..b).unwrap_or(&[]);
    if gap.iter().any(|t| t.text == ":") {
        s.feat(&[part!("colon-between&p="), place]);
    }
    if gap.iter().any(|t| t.has(class::SPEECH_VERB)) {
        s.feat(&[part!("verb-between&p="), place, part!("&o="), order]);
    }
    if gap.iter().any(|t| matches!(t.text, "-" | "—" | "–" | "―" | "--")) {
        s.feat(&[part!("dash-between&p="), place]);
    }
    // Another quotation between them: the candidate is its credit.
    let (from, to) = (
        cx.tokens.get(a).map(|t| t.span().start),
        cx.tokens.get(b).map(|t| t.span().start),
    );
    if let (Some(from), Some(to)) = (from, to) {
        let k = cx.quoted.partition_point(|x| x.start < from);
        if cx.quoted.get(k).is_some_and(|x| x.end <= to) {
            s.feat(&[part!("quote-between&p="), place]);
        }
    }
    if gap.len() <= 2 {
        s.feat(&[part!("adjacent&p="), place, part!("&k="), kind]);
    }
    if q.paragraph == 0 {
        s.feat(&[part!("headline&p="), place]);
    }
}

/// Scores every choice of one quote: the candidates, then "no speaker".
fn scores<'f>(cx: &Context, q: &Quote, gate_feats: impl Iterator<Item = Part<'f>>, cands: &[Candidate]) -> Vec<f32> {
    let qp = QuoteParts::of(cx, q);
    let mut out: Vec<f32> = cands
        .iter()
        .map(|c| {
            let mut s = Score(0.0);
            features(&mut s, cx, q, &qp, c);
            s.0
        })
        .collect();
    let mut s = Score(0.0);
    null_features(&mut s, q, gate_feats, cands.len());
    out.push(s.0);
    // Softmax, in place.
    let top = out.iter().copied().fold(f32::MIN, f32::max);
    let sum: f32 = out.iter().map(|v| (v - top).exp()).sum();
    for v in &mut out {
        *v = (*v - top).exp() / sum;
    }
    out
}

/// What the ranker does with one quote.
enum Choice {
    Keep,
    Take(usize),
}

/// The ranker's choice for a quote with candidates `cands` and choice
/// probabilities `p` (the last is "no speaker"), under the thresholds.
fn choose(q: &Quote, cands: &[Candidate], p: &[f32]) -> Choice {
    let th = &model().th;
    let null = cands.len();
    let best = (0..p.len()).fold(null, |b, k| if p[k] > p[b] { k } else { b });
    if best < null && cands[best].rules {
        return Choice::Keep;
    }
    let need = match (q.speaker.is_some(), best == null) {
        (false, true) => return Choice::Keep,
        (false, false) => match q.kind {
            QuoteKind::Statement => th.add_statement,
            QuoteKind::Partial => th.add_partial,
            QuoteKind::Scare => th.add_scare,
        },
        (true, true) => return Choice::Keep,
        // The possessor of a speech noun ("Reyes’s claim that …") is its
        // source whoever the clause's subject is.
        (true, false) if q.rule == Some("speech-noun") => return Choice::Keep,
        (true, false) => {
            // The new mention is weighed against all the rules' ones (a
            // rules' span can cover two mentions: "the department which").
            let kept: f32 = (0..null).filter(|&k| cands[k].rules).map(|k| p[k]).sum();
            return if p[best] - kept >= th.switch {
                Choice::Take(best)
            } else {
                Choice::Keep
            };
        }
    };
    if p[best] >= need {
        Choice::Take(best)
    } else {
        Choice::Keep
    }
}

/// Reranks the speaker of every quotation. A change from the rules' choice
/// is made only at its kind's threshold; a new speaker must resolve in the
/// roster. Every speaker kept or given carries the ranker's probability as
/// its confidence.
pub(crate) fn apply(cx: &Context, roster: &Roster, quotes: &mut [Quote], gate: &[GateInput]) {
    for (qi, input) in (0..quotes.len()).zip(gate) {
        let q = &quotes[qi];
        if q.speaker.is_none() && q.kind == QuoteKind::Statement && model().th.add_statement > 1.0 {
            continue; // nothing the ranker may do there
        }
        let cands = candidates(cx, q);
        let p = scores(cx, q, input.feat_parts(), &cands);
        let c = match choose(q, &cands, &p) {
            Choice::Keep => {
                if q.speaker.is_some() {
                    let kept: f32 = (0..cands.len()).filter(|&k| cands[k].rules).map(|k| p[k]).sum();
                    quotes[qi].learned = Some(kept.min(1.0));
                }
                continue;
            }
            Choice::Take(k) => &cands[k],
        };
        let Some(r) = roster.resolve_within(cx.text, c.span, cx.tokens) else {
            continue;
        };
        let pk = p[cands.iter().position(|x| x.span == c.span).unwrap_or(0)];
        let cue = cue_near(cx, c.span);
        let q = &mut quotes[qi];
        q.speaker = Some(Speaker {
            name: r.name,
            role: r.role,
            span: super::name_only(cx.text, cx.tokens, r.name_span.unwrap_or(c.span)),
            entity: r.entity,
        });
        if q.kind == QuoteKind::Scare {
            q.kind = QuoteKind::Partial;
        }
        q.rule = Some(RULE);
        // Without a verb beside the new mention, the rules' cue stands
        // ("Ban Ki-moon condemned what he called …": "called").
        if cue.is_some() {
            q.cue = cue;
        }
        q.learned = Some(pk);
    }
}

/// The speech verb of a mention the ranker chose: the first within two
/// words after it ("Smith said", "Smith, 45, told") or right before it
/// ("said Smith"); `None` when there is none (a credit line).
fn cue_near(cx: &Context, mention: Span) -> Option<String> {
    let i = cx.token_at(mention.start);
    let j = cx.token_at(mention.end);
    let speech = |t: &&Token| t.is_word() && (t.has(class::SPEECH_VERB) || t.has(class::CHARACTERISING_VERB));
    let after = cx.tokens.get(j..(j + 3).min(cx.tokens.len())).unwrap_or(&[]);
    let before = cx.tokens.get(i.saturating_sub(1)..i).unwrap_or(&[]);
    after.iter().chain(before).find(speech).map(|t| t.text.to_string())
}

/// One quotation as the ranker sees it, for training: every candidate's
/// span and features, and the features of "no speaker".
#[derive(Debug, Clone)]
pub struct Sample {
    pub quote: Span,
    pub kind: QuoteKind,
    pub rule: Option<&'static str>,
    pub candidates: Vec<(Span, bool, Vec<String>)>,
    pub null: Vec<String>,
}

pub(crate) fn samples(cx: &Context, quotes: &[Quote], gate: &[GateInput]) -> Vec<Sample> {
    quotes
        .iter()
        .zip(gate)
        .map(|(q, g)| {
            let cands = candidates(cx, q);
            let qp = QuoteParts::of(cx, q);
            let candidates = cands
                .iter()
                .map(|c| {
                    let mut n = Names(Vec::new());
                    features(&mut n, cx, q, &qp, c);
                    (c.span, c.rules, n.0)
                })
                .collect();
            let mut n = Names(Vec::new());
            null_features(&mut n, q, g.feat_parts(), cands.len());
            Sample {
                quote: q.span,
                kind: q.kind,
                rule: q.rule,
                candidates,
                null: n.0,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;
    use crate::token::tokenize;

    const TEXT: &str = "Mayor Dana Ruiz spoke in Salem on Monday.\n\
        “We will not raise the levy this year,” Ruiz told reporters, adding that the council agreed.\n\
        Critics in Boston called the plan “a shell game,” and Ruiz dismissed them.\n";

    /// The quotes of `TEXT` with the ranker's context, as the pipeline
    /// reads them.
    fn read(f: impl Fn(&Context, &[Quote])) {
        let paragraphs = segment(TEXT, 0);
        let tokens = tokenize(TEXT, Span::new(0, TEXT.len()));
        let mut roster = Roster::from_tokens(TEXT, &tokens);
        let mut quotes = super::super::find_quotes(TEXT, &paragraphs, &mut roster);
        let (_, mentions) = super::super::attribute(TEXT, &tokens, &paragraphs, &mut roster, &mut quotes, false);
        let cx = Context::new(TEXT, &tokens, &paragraphs, &mentions, &quotes);
        f(&cx, &quotes);
    }

    #[test]
    fn the_model_is_compiled_in_with_its_thresholds() {
        let m = model();
        assert!(m.weights.len() > 100);
        assert!(m.th.switch < 1.0 && m.th.add_scare > 0.5);
    }

    #[test]
    fn candidates_are_speakable_mentions_outside_quotations_with_the_rules_choice() {
        read(|cx, quotes| {
            let q = &quotes[0];
            let rules = q.speaker.as_ref().expect("a speaker by the rules").span;
            let cands = candidates(cx, q);
            assert!(cands.iter().any(|c| c.rules && c.span.overlaps(rules)));
            for c in &cands {
                let words = c.span.of(TEXT);
                assert!(!cx.inside_quote(c.span), "{words}");
                assert!(!matches!(words, "Boston" | "Monday" | "this year"), "{words}");
            }
            // The mention before the quote and the speaker after it, both.
            assert!(cands.iter().any(|c| c.span.of(TEXT).contains("Dana Ruiz")));
            assert!(
                cands
                    .iter()
                    .any(|c| c.span.of(TEXT) == "Ruiz" && c.span.start > q.span.end)
            );
        });
    }

    #[test]
    fn choices_are_a_distribution_with_no_speaker_last() {
        read(|cx, quotes| {
            for q in quotes {
                let cands = candidates(cx, q);
                let p = scores(cx, q, std::iter::empty(), &cands);
                assert_eq!(p.len(), cands.len() + 1);
                let sum: f32 = p.iter().sum();
                assert!((sum - 1.0).abs() < 1e-4, "{sum}");
                assert!(p.iter().all(|v| (0.0..=1.0).contains(v)));
            }
        });
    }

    #[test]
    fn every_speaker_says_how_it_was_found_and_how_sure() {
        let paragraphs = segment(TEXT, 0);
        let mut roster = Roster::build(TEXT, Span::new(0, TEXT.len()));
        let quotes = super::super::extract_quotes(TEXT, &paragraphs, &mut roster);
        let q = &quotes[0];
        assert_eq!(q.speaker.as_ref().map(|s| s.name.as_str()), Some("Dana Ruiz"));
        for q in quotes.iter().filter(|q| q.speaker.is_some()) {
            assert!(q.rule.is_some());
            let c = q.confidence().expect("a speaker has a confidence");
            assert!(c > 0.0 && c <= 1.0, "{c}");
        }
    }

    #[test]
    fn buckets_are_coarse_and_bounded() {
        assert_eq!(bucket(2).text, "2");
        assert_eq!(bucket(5).text, "5");
        assert_eq!(bucket(11).text, "9");
        assert_eq!(bucket(1000).text, "40");
    }
}
