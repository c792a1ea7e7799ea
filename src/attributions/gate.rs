//! The learned attribution gate: a logistic model, trained on polnear-train
//! (`scripts/train_attribution_gate.py`, the politico articles held out),
//! that decides whether a cue's reading is an attribution at all. The cue
//! rules and the tagger propose (weak candidates too: words the tagger
//! scores just under its threshold); the gate reads the whole reading (the
//! cue word, its frame, the source mention's kind, the content's opening
//! word and length, the tagger's score) and keeps the readings that are
//! likely right. Its probability stands as the attribution's confidence.
//!
//! Features are sparse strings, kept one per line in one buffer; the weights are
//! `data/models/attribution_gate.txt`, compiled in. A feature the model
//! lacks weighs nothing, so the strings only need to be built, not listed.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use super::content::{Frame, Reading};
use super::cues::Candidate;
use crate::lexicon::class;
use crate::span::Span;
use crate::token::Token;

/// The model: `f FEATURE WEIGHT` lines and a `t THRESHOLD` line.
const MODEL: &str = include_str!("../../data/models/attribution_gate.txt");

struct Model {
    weights: FxHashMap<&'static str, f32>,
    /// A reading is kept at this probability or above.
    threshold: f32,
}

static GATE: LazyLock<Model> = LazyLock::new(|| {
    let mut m = Model {
        weights: FxHashMap::default(),
        threshold: 0.0,
    };
    for line in MODEL.lines().filter(|l| !l.starts_with('#')) {
        let mut parts = line.split(' ');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("f"), Some(f), Some(w)) => {
                if let Ok(w) = w.parse() {
                    m.weights.insert(f, w);
                }
            }
            (Some("t"), Some(t), None) => {
                if let Ok(t) = t.parse() {
                    m.threshold = t;
                }
            }
            _ => {}
        }
    }
    m
});

/// The gate's probability that the reading is an attribution with the
/// right source, and whether it keeps it.
pub(crate) fn decide(feats: &str) -> (f32, bool) {
    let m = &*GATE;
    let z: f32 = feats.split_terminator('\n').filter_map(|f| m.weights.get(f)).sum();
    let p = 1.0 / (1.0 + (-z).exp());
    (p, p >= m.threshold)
}

/// Does the reading hold a quotation mark (its `q=1` feature)?
pub(crate) fn quoted(feats: &str) -> bool {
    feats.contains("\nq=1\n")
}

/// A word as a feature value: the word lower-cased when it is a function
/// word or a cue form, its shape otherwise ("C" capitalised, "l"
/// lower-case, "D" a number), the mark itself for punctuation.
fn word_or_shape(t: Option<&Token>) -> String {
    let Some(t) = t else { return "_".into() };
    if !t.is_word() {
        return t.text.to_string();
    }
    if t.has(class::FUNCTION_WORD) || t.has(class::CUE_FORM) {
        return crate::lexicon::lowercase(t.text).to_string();
    }
    match t.text.chars().next() {
        Some(c) if c.is_numeric() => "D".into(),
        Some(c) if c.is_uppercase() => "C".into(),
        _ => "l".into(),
    }
}

/// A count in a few bands.
fn band(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=4 => "3-4",
        5..=8 => "5-8",
        9..=16 => "9-16",
        17..=32 => "17-32",
        _ => "33+",
    }
}

/// The kind of the source mention: none, a pronoun, a relative pronoun,
/// a name (capitalised), or a common noun phrase.
fn source_kind(toks: &[Token], source: Option<Span>) -> &'static str {
    let Some(s) = source else { return "none" };
    let words: Vec<&Token> = toks
        .iter()
        .filter(|t| t.span().start >= s.start && t.span().end <= s.end && t.is_word())
        .collect();
    match words.as_slice() {
        [] => "other",
        [w] if w.is_one_of(&["who", "which", "that"]) => "rel",
        [w] if crate::quotes::cues::is_pronoun(w) => "pron",
        ws if ws.iter().any(|w| w.is_capitalized()) => "name",
        _ => "noun",
    }
}

fn frame_name(f: Frame) -> &'static str {
    match f {
        Frame::SourceFirst => "sf",
        Frame::ContentFirst => "cf",
        Frame::According => "acc",
        Frame::Participle => "part",
        Frame::Raising => "rais",
        Frame::Question => "q",
    }
}

/// The gate's features of the reading `r` of the cue candidate `c` at
/// `toks[v]`.
/// The features, each ended by a line break (one buffer, not a string
/// per feature).
pub(crate) fn features(toks: &[Token], v: usize, c: &Candidate, r: &Reading, nested: bool) -> String {
    let w = crate::lexicon::lowercase(toks[v].text).to_string();
    let frame = frame_name(r.frame);
    let src = source_kind(toks, r.source);
    let first = r.content.first().copied();
    let content_toks: Vec<&Token> = toks
        .iter()
        .filter(|t| r.content.iter().any(|s| s.contains(t.span())))
        .collect();
    let words = content_toks.iter().filter(|t| t.is_word()).count();
    let c0 = word_or_shape(content_toks.first().copied());
    let before = first.is_some_and(|s| s.end <= toks[v].span().start);
    let quoted = content_toks.iter().any(|t| matches!(t.text, "“" | "”" | "\""));
    let score = match c.score {
        None => "none".to_string(),
        Some(s) => format!("{}", (s.clamp(-4.0, 8.0)).floor() as i32),
    };
    let share = format!("{}", (c.share * 10.0).floor() as i32);
    let p = word_or_shape(v.checked_sub(1).map(|k| &toks[k]));
    let n = word_or_shape(toks.get(v + c.n));
    let ends = content_toks
        .last()
        .is_some_and(|t| toks[t_index(toks, t)..].iter().skip(1).all(|x| !x.is_word()));
    let pp = word_or_shape(v.checked_sub(2).map(|k| &toks[k]));
    let c1 = word_or_shape(content_toks.get(1).copied());
    // Words between the source mention and the cue ("Wu, the mayor,
    // said" against "Wu said").
    let gap = r.source.map_or("none", |s| {
        let between = toks
            .iter()
            .filter(|t| t.span().start >= s.end && t.span().end <= toks[v].span().start)
            .count();
        band(between)
    });
    let last = word_or_shape(content_toks.last().copied());
    let sentence_words = toks.iter().filter(|t| t.is_word()).count().max(1);
    let share_of_sentence = (4 * words / sentence_words).min(4);
    let marks_before = toks[..v].iter().any(|t| matches!(t.text, "“" | "”" | "\""));
    // Pieces pushed straight into one buffer: `format!` per feature was
    // a tenth of the whole pipeline.
    let flag = |b: bool| if b { "1" } else { "0" };
    let weak = flag(!c.strong);
    let frac = ["0", "1", "2", "3", "4"][share_of_sentence];
    let len = band(words);
    let mut out = String::with_capacity(640);
    let mut feat = |parts: &[&str]| {
        for part in parts {
            out.push_str(part);
        }
        out.push('\n');
    };
    feat(&["b"]);
    feat(&["last=", &last]);
    feat(&["nest=", flag(nested)]);
    feat(&["fnest=", frame, "|", flag(nested)]);
    feat(&["frac=", frac]);
    feat(&["ffrac=", frame, "|", frac]);
    feat(&["mb=", flag(marks_before)]);
    feat(&["wweak=", &w, "|", weak]);
    feat(&["pp=", &pp]);
    feat(&["ppp=", &pp, "|", &p]);
    feat(&["c01=", &c0, "|", &c1]);
    feat(&["gap=", gap]);
    feat(&["fsc=", frame, "|", &score]);
    feat(&["wsc=", &w, "|", &score]);
    feat(&["w=", &w]);
    feat(&["fr=", frame]);
    feat(&["src=", src]);
    feat(&["fs=", frame, "|", src]);
    feat(&["ws=", &w, "|", src]);
    feat(&["wf=", &w, "|", frame]);
    feat(&["len=", len]);
    feat(&["fl=", frame, "|", len]);
    feat(&["c0=", &c0]);
    feat(&["wc0=", &w, "|", &c0]);
    feat(&["p=", &p]);
    feat(&["n=", &n]);
    feat(&["wn=", &w, "|", &n]);
    feat(&["bef=", flag(before)]);
    feat(&["q=", flag(quoted)]);
    feat(&["end=", flag(ends)]);
    feat(&["sc=", &score]);
    feat(&["sh=", &share]);
    feat(&["weak=", weak]);
    feat(&["wk=", weak, "|", frame, "|", src]);
    out
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
        let feats = "b\nw=said\nfr=sf\nsrc=name\nc0=that\nwc0=said|that\n";
        let (p, keep) = decide(feats);
        assert!(keep, "said that with a named source: {p}");
        let (q, _) = decide("b\nw=said\n");
        assert!(q < p);
    }
}
