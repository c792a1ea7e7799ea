//! The learned attribution gate: a logistic model, trained on polnear-train
//! (`scripts/train_attribution_gate.py`, the politico articles held out),
//! that decides whether a cue's reading is an attribution at all. The cue
//! rules and the tagger propose (weak candidates too: words the tagger
//! scores just under its threshold); the gate reads the whole reading (the
//! cue word, its frame, the source mention's kind, the content's opening
//! word and length, the tagger's score) and keeps the readings that are
//! likely right. Its probability stands as the attribution's confidence.
//!
//! Features are sparse strings (`w=said`, `wc0=said|that`); the weights
//! are `data/models/attribution_gate.txt`, compiled in. At run time no
//! string is built: each feature's key is made from its parts' hashes
//! (`crate::featkey`) and its weight read from a table keyed the same way;
//! a feature the model lacks weighs nothing. The training dump
//! ([`Names`]) writes the strings themselves.

use std::sync::LazyLock;

use super::content::{Frame, Reading};
use super::cues::Candidate;
use crate::featkey::{Part, Weights, key, key_of, part};
use crate::lexicon::{Lower, class};
use crate::span::Span;
use crate::token::{Token, within};

/// The model: `f FEATURE WEIGHT` lines and a `t THRESHOLD` line.
const MODEL: &str = include_str!("../../data/models/attribution_gate.txt");

struct Model {
    /// By the key of the feature's text (`crate::featkey`).
    weights: Weights,
    /// A reading is kept at this probability or above.
    threshold: f32,
}

static GATE: LazyLock<Model> = LazyLock::new(|| {
    let mut weights = Vec::new();
    let mut threshold = 0.0;
    for line in MODEL.lines().filter(|l| !l.starts_with('#')) {
        let mut parts = line.split(' ');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("f"), Some(f), Some(w)) => {
                if let Ok(w) = w.parse() {
                    weights.push((key_of(f), w));
                }
            }
            (Some("t"), Some(t), None) => {
                if let Ok(t) = t.parse() {
                    threshold = t;
                }
            }
            _ => {}
        }
    }
    Model {
        weights: Weights::new(weights),
        threshold,
    }
});

/// Where the features go: summed as weights at run time, written out as
/// strings for training.
pub(crate) trait Sink {
    fn feat(&mut self, parts: &[Part]);
}

/// Sums the weights of the features it is given (the model's `z`).
pub(crate) struct Score(pub f32);

impl Sink for Score {
    #[inline(always)]
    fn feat(&mut self, parts: &[Part]) {
        if let Some(w) = GATE.weights.get(key(parts)) {
            self.0 += w;
        }
    }
}

/// Collects the features as strings (training only).
pub(crate) struct Names(pub Vec<String>);

impl Sink for Names {
    fn feat(&mut self, parts: &[Part]) {
        self.0.push(crate::featkey::joined(parts));
    }
}

/// The gate's probability that the reading whose features summed to `z`
/// is an attribution with the right source, and whether it keeps it.
pub(crate) fn decide(z: f32) -> (f32, bool) {
    let p = 1.0 / (1.0 + (-z).exp());
    (p, p >= GATE.threshold)
}

/// A word as a feature value: the word lower-cased when it is a function
/// word or a cue form, its shape otherwise ("C" capitalised, "l"
/// lower-case, "D" a number), the mark itself for punctuation.
fn word_or_shape<'a>(t: Option<&Token<'a>>) -> Lower<'a> {
    let Some(t) = t else { return Lower::Same("_") };
    if !t.is_word() {
        return Lower::Same(t.text);
    }
    if t.has(class::FUNCTION_WORD) || t.has(class::CUE_FORM) {
        return crate::lexicon::lowercase(t.text);
    }
    Lower::Same(match t.text.chars().next() {
        Some(c) if c.is_numeric() => "D",
        Some(c) if c.is_uppercase() => "C",
        _ => "l",
    })
}

/// A count in a few bands.
fn band(n: usize) -> Part<'static> {
    match n {
        0 => part!("0"),
        1 => part!("1"),
        2 => part!("2"),
        3..=4 => part!("3-4"),
        5..=8 => part!("5-8"),
        9..=16 => part!("9-16"),
        17..=32 => part!("17-32"),
        _ => part!("33+"),
    }
}

/// The kind of the source mention: none, a pronoun, a relative pronoun,
/// a name (capitalised), or a common noun phrase.
fn source_kind(toks: &[Token], source: Option<Span>) -> Part<'static> {
    let Some(s) = source else { return part!("none") };
    // The mention's tokens by binary search (`within`), not a scan of the
    // sentence for every reading.
    let mention = within(toks, s);
    let mut words = mention.iter().filter(|t| t.is_word());
    match (words.next(), words.next()) {
        (None, _) => part!("other"),
        (Some(w), None) if w.is_one_of(&["who", "which", "that"]) => part!("rel"),
        (Some(w), None) if crate::quotes::cues::is_pronoun(w) => part!("pron"),
        _ if mention.iter().any(|w| w.is_word() && w.is_capitalized()) => part!("name"),
        _ => part!("noun"),
    }
}

/// The tokens inside the content spans, in order: each span's slice by
/// binary search when the spans are in order and apart (as the content
/// rules read them), else a scan that keeps each token once.
fn content_tokens<'t, 'a>(toks: &'t [Token<'a>], content: &[Span]) -> Vec<&'t Token<'a>> {
    if content.windows(2).all(|w| w[0].end <= w[1].start) {
        content.iter().flat_map(|s| within(toks, *s)).collect()
    } else {
        toks.iter()
            .filter(|t| content.iter().any(|s| s.contains(t.span())))
            .collect()
    }
}

fn frame_name(f: Frame) -> Part<'static> {
    match f {
        Frame::SourceFirst => part!("sf"),
        Frame::ContentFirst => part!("cf"),
        Frame::According => part!("acc"),
        Frame::Participle => part!("part"),
        Frame::Raising => part!("rais"),
        Frame::Question => part!("q"),
        Frame::Topic => part!("topic"),
    }
}

/// A small integer as a feature value, as `format!` writes it: the
/// values the gate reads (-4 to 10) are parts made at compile time.
fn number(n: i32, spill: &mut String) -> Part<'_> {
    const SMALL: [Part<'static>; 15] = [
        part!("-4"),
        part!("-3"),
        part!("-2"),
        part!("-1"),
        part!("0"),
        part!("1"),
        part!("2"),
        part!("3"),
        part!("4"),
        part!("5"),
        part!("6"),
        part!("7"),
        part!("8"),
        part!("9"),
        part!("10"),
    ];
    match usize::try_from(n + 4).ok().and_then(|k| SMALL.get(k)) {
        Some(p) => *p,
        None => {
            *spill = n.to_string();
            Part::new(spill)
        }
    }
}

/// The gate's features of the reading `r` of the cue candidate `c` at
/// `toks[v]`, given to `s` in the order the model was trained with.
/// `sentence_words` counts the sentence's words (at least 1), once for all
/// its readings. Returns whether the reading holds a quotation mark (its
/// `q=1` feature).
pub(crate) fn features(
    s: &mut impl Sink,
    toks: &[Token],
    v: usize,
    c: &Candidate,
    r: &Reading,
    nested: bool,
    sentence_words: usize,
) -> bool {
    let w_text = crate::lexicon::lowercase(toks[v].text);
    let w = Part::new(&w_text);
    let frame = frame_name(r.frame);
    let src = source_kind(toks, r.source);
    let first = r.content.first().copied();
    let content_toks = content_tokens(toks, &r.content);
    let words = content_toks.iter().filter(|t| t.is_word()).count();
    let c0_text = word_or_shape(content_toks.first().copied());
    let c0 = Part::new(&c0_text);
    let before = first.is_some_and(|s| s.end <= toks[v].span().start);
    let quoted = content_toks.iter().any(|t| matches!(t.text, "“" | "”" | "\""));
    let (mut spill_score, mut spill_share) = (String::new(), String::new());
    let score = match c.score {
        None => part!("none"),
        Some(s) => number((s.clamp(-4.0, 8.0)).floor() as i32, &mut spill_score),
    };
    let share = number((c.share * 10.0).floor() as i32, &mut spill_share);
    let p_text = word_or_shape(v.checked_sub(1).map(|k| &toks[k]));
    let p = Part::new(&p_text);
    let n_text = word_or_shape(toks.get(v + c.n));
    let n = Part::new(&n_text);
    let ends = content_toks
        .last()
        .is_some_and(|t| toks[t_index(toks, t)..].iter().skip(1).all(|x| !x.is_word()));
    let pp_text = word_or_shape(v.checked_sub(2).map(|k| &toks[k]));
    let pp = Part::new(&pp_text);
    let c1_text = word_or_shape(content_toks.get(1).copied());
    let c1 = Part::new(&c1_text);
    // Words between the source mention and the cue ("Wu, the mayor,
    // said" against "Wu said").
    let gap = r.source.map_or(part!("none"), |s| {
        let cue_start = toks[v].span().start;
        let between = if s.end < cue_start {
            within(toks, Span::new(s.end, cue_start)).len()
        } else {
            0
        };
        band(between)
    });
    let last_text = word_or_shape(content_toks.last().copied());
    let last = Part::new(&last_text);
    let share_of_sentence = (4 * words / sentence_words).min(4);
    let marks_before = toks[..v].iter().any(|t| matches!(t.text, "“" | "”" | "\""));
    // Each feature's key is made from its parts' hashes (`crate::featkey`):
    // no string is built at run time.
    let flag = |b: bool| if b { part!("1") } else { part!("0") };
    let weak = flag(!c.strong);
    let frac = [part!("0"), part!("1"), part!("2"), part!("3"), part!("4")][share_of_sentence];
    let len = band(words);
    let bar = part!("|");
    s.feat(&[part!("b")]);
    s.feat(&[part!("last="), last]);
    s.feat(&[part!("nest="), flag(nested)]);
    s.feat(&[part!("fnest="), frame, bar, flag(nested)]);
    s.feat(&[part!("frac="), frac]);
    s.feat(&[part!("ffrac="), frame, bar, frac]);
    s.feat(&[part!("mb="), flag(marks_before)]);
    s.feat(&[part!("wweak="), w, bar, weak]);
    s.feat(&[part!("pp="), pp]);
    s.feat(&[part!("ppp="), pp, bar, p]);
    s.feat(&[part!("c01="), c0, bar, c1]);
    s.feat(&[part!("gap="), gap]);
    s.feat(&[part!("fsc="), frame, bar, score]);
    s.feat(&[part!("wsc="), w, bar, score]);
    s.feat(&[part!("w="), w]);
    s.feat(&[part!("fr="), frame]);
    s.feat(&[part!("src="), src]);
    s.feat(&[part!("fs="), frame, bar, src]);
    s.feat(&[part!("ws="), w, bar, src]);
    s.feat(&[part!("wf="), w, bar, frame]);
    s.feat(&[part!("len="), len]);
    s.feat(&[part!("fl="), frame, bar, len]);
    s.feat(&[part!("c0="), c0]);
    s.feat(&[part!("wc0="), w, bar, c0]);
    s.feat(&[part!("p="), p]);
    s.feat(&[part!("n="), n]);
    s.feat(&[part!("wn="), w, bar, n]);
    s.feat(&[part!("bef="), flag(before)]);
    s.feat(&[part!("q="), flag(quoted)]);
    s.feat(&[part!("end="), flag(ends)]);
    s.feat(&[part!("sc="), score]);
    s.feat(&[part!("sh="), share]);
    s.feat(&[part!("weak="), weak]);
    s.feat(&[part!("wk="), weak, bar, frame, bar, src]);
    quoted
}

/// The index of a token of `toks` (a reference into it).
fn t_index(toks: &[Token], t: &Token) -> usize {
    toks.partition_point(|x| x.span().start < t.span().start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_is_read_whole() {
        // Distinct features have distinct keys: none was lost to another.
        let lines = MODEL.lines().filter(|l| l.starts_with("f ")).count();
        assert_eq!(GATE.weights.len(), lines);
        assert!(GATE.threshold > 0.0 && GATE.threshold < 1.0);
    }

    fn statements(t: &str) -> Vec<(String, f32)> {
        let a = crate::analyze_text("t.txt", t, &crate::Selection::default());
        a.attributions
            .iter()
            .map(|x| (x.cue.map_or(String::new(), |c| c.of(t).to_string()), x.confidence))
            .collect()
    }

    #[test]
    fn the_gate_keeps_reports_and_its_probability_is_the_confidence() {
        let got = statements("The mayor said that the new budget would close two libraries.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "said");
        assert!(got[0].1 >= GATE.threshold && got[0].1 <= 1.0, "{got:?}");
        // A preposition is no weak candidate: the clause before it would
        // stand as the source.
        let got = statements("The raid highlights old tensions over housing policy in the city.");
        assert!(got.iter().all(|(c, _)| c != "over"), "{got:?}");
    }

    #[test]
    fn a_said_that_reading_with_a_named_source_is_kept() {
        let z = |feats: &[&str]| {
            let mut s = Score(0.0);
            for f in feats {
                s.feat(&[Part::new(f)]);
            }
            s.0
        };
        let (p, keep) = decide(z(&["b", "w=said", "fr=sf", "src=name", "c0=that", "wc0=said|that"]));
        assert!(keep, "said that with a named source: {p}");
        let (q, _) = decide(z(&["b", "w=said"]));
        assert!(q < p);
    }
}
