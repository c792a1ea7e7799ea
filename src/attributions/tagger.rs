//! The learned cue tagger: an averaged perceptron, trained by
//! `scripts/train_cue_tagger.py` on the gold cue spans of annotated news,
//! that says whether a word heads an attribution cue here ("wants to",
//! "found that", "support for") from the word and its neighbours. Only the
//! words that headed cues in training are scored; the rest cost one table
//! lookup. The score maps to the share of training candidates with that
//! score that were cues, which stands as the cue's share (its confidence).
//!
//! The features are strings (`w=said`, `n=that`, `wns=said|C`), hashed
//! here byte by byte with ASCII case folded, so no feature string is
//! built at run time; the model file lists them in the same form.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::lexicon::WordTable;
use crate::token::Token;

const MODEL: &str = include_str!("../../data/models/cue_tagger.txt");

/// A score above this reads as a cue.
pub(crate) const THRESHOLD: f32 = 0.0;

/// Feature hashes are already FNV hashes: the map takes them as they are.
#[derive(Default)]
struct Identity(u64);

type IdentityBuild = BuildHasherDefault<Identity>;

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u64 keys")
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

struct Model {
    weights: HashMap<u64, f32, IdentityBuild>,
    /// (lowest score, share of cues), ascending.
    bands: Vec<(f32, f32)>,
}

/// The words that headed cues in training (the model's `v` lines): the
/// only words scored. Read apart from the weights, so the lexicon's word
/// classes can list them (`lexicon::class::CUE_FORM`) without parsing the
/// whole model.
static CANDIDATES: LazyLock<WordTable<()>> = LazyLock::new(|| candidate_words().map(|w| (w, ())).collect());

/// The model's candidate words, as listed.
pub(crate) fn candidate_words() -> impl Iterator<Item = &'static str> {
    MODEL
        .lines()
        .filter_map(|l| l.strip_prefix("v "))
        .filter(|w| !w.contains(' '))
}

static TAGGER: LazyLock<Model> = LazyLock::new(|| {
    let mut m = Model {
        weights: HashMap::default(),
        bands: Vec::new(),
    };
    for line in MODEL.lines().filter(|l| !l.starts_with('#')) {
        let mut parts = line.split(' ');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("c"), Some(lo), Some(share)) => {
                if let (Ok(lo), Ok(share)) = (lo.parse(), share.parse()) {
                    m.bands.push((lo, share));
                }
            }
            (Some("f"), Some(f), Some(w)) => {
                if let Ok(w) = w.parse() {
                    m.weights.insert(Fnv::new().bytes(f.as_bytes()).0, w);
                }
            }
            _ => {}
        }
    }
    m
});

/// FNV-1a, 64 bits.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn bytes(mut self, b: &[u8]) -> Self {
        for &x in b {
            self.0 ^= u64::from(x);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        self
    }
    /// The word with ASCII capitals folded (the model's strings are
    /// lower-case).
    fn lower(mut self, w: &str) -> Self {
        for &x in w.as_bytes() {
            self.0 ^= u64::from(x.to_ascii_lowercase());
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        self
    }
}

/// A neighbour as the features see it: its text, or `_` past the
/// sentence's edge.
fn word<'a>(t: Option<&Token<'a>>) -> &'a str {
    t.map_or("_", |t| t.text)
}

/// A neighbour's shape: capitalised word, number, other word, or the mark.
fn shape<'a>(t: Option<&Token<'a>>) -> &'a str {
    let Some(t) = t else { return "_" };
    match t.text.chars().next() {
        Some(c) if c.is_ascii_digit() || c.is_numeric() => "D",
        Some(c) if c.is_uppercase() => "C",
        Some(c) if c.is_alphabetic() => "l",
        _ => t.text,
    }
}

fn is_end_mark(t: &Token) -> bool {
    matches!(t.text, "." | "?" | "!")
}

/// The tagger's score of `toks[i]`, and the share of training candidates
/// scored so that were cue heads; `None` for a word that never headed a
/// cue in training.
pub(crate) fn read(toks: &[Token], i: usize) -> Option<(f32, f32)> {
    let t = toks.get(i)?;
    if !t.is_word || !CANDIDATES.contains_key(t.text) {
        return None;
    }
    let m = &*TAGGER;
    let s = score(m, toks, i);
    let share = m.bands.iter().rev().find(|b| s >= b.0).map_or(0.0, |b| b.1);
    Some((s, share))
}

/// The share of `toks[i]` when the tagger reads it as a cue.
#[cfg(test)]
fn cue_share(toks: &[Token], i: usize) -> Option<f32> {
    read(toks, i).filter(|r| r.0 > THRESHOLD).map(|r| r.1)
}

/// The perceptron's score of `toks[i]`: the templates of
/// `scripts/train_cue_tagger.py::features`, in its order.
fn score(m: &Model, toks: &[Token], i: usize) -> f32 {
    let w = toks[i].text;
    let p = i.checked_sub(1).map(|k| &toks[k]);
    let pp = i.checked_sub(2).map(|k| &toks[k]);
    let n = toks.get(i + 1);
    let nn = toks.get(i + 2).filter(|_| !n.is_some_and(is_end_mark));
    let that3 = toks.iter().skip(i + 1).take(3).any(|t| t.is("that"));
    let t3 = if that3 { "1" } else { "0" };
    let cap = if toks[i].is_capitalized() { "1" } else { "0" };
    let f = Fnv::new();
    let one = |tpl: &str, a: &str| f.bytes(tpl.as_bytes()).lower(a).0;
    let two = |tpl: &str, a: &str, b: &str| f.bytes(tpl.as_bytes()).lower(a).bytes(b"|").lower(b).0;
    // Shapes keep their case ("C" a capitalised word, "l" a lower-case one).
    let raw = |tpl: &str, a: &str| f.bytes(tpl.as_bytes()).bytes(a.as_bytes()).0;
    let word_raw = |tpl: &str, a: &str, b: &str| f.bytes(tpl.as_bytes()).lower(a).bytes(b"|").bytes(b.as_bytes()).0;
    let hashes = [
        f.bytes(b"b").0,
        one("w=", w),
        one("p=", word(p)),
        one("n=", word(n)),
        one("pp=", word(pp)),
        one("nn=", word(nn)),
        two("wn=", w, word(n)),
        two("pw=", word(p), w),
        raw("ps=", shape(p)),
        raw("ns=", shape(n)),
        word_raw("wns=", w, shape(n)),
        word_raw("wps=", w, shape(p)),
        one("cap=", cap),
        one("t3=", t3),
        two("wt3=", w, t3),
    ];
    hashes.iter().filter_map(|h| m.weights.get(h)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use crate::token::tokenize;

    fn cues(t: &str) -> Vec<&str> {
        let toks = tokenize(t, Span::new(0, t.len()));
        (0..toks.len())
            .filter(|&i| cue_share(&toks, i).is_some())
            .map(|i| toks[i].text)
            .collect()
    }

    #[test]
    fn reads_a_cue_from_its_context() {
        assert_eq!(cues("The mayor said that the plan would fail."), ["said"]);
        // A stance verb before "that" is a cue; the same candidate word
        // as a noun ("the plan") is not.
        assert_eq!(cues("She believes that the plan works."), ["believes"]);
        assert!(cues("They set the table.").is_empty());
        let t = "Trump wants to build a wall. The mayor said that the plan would fail.";
        let toks = tokenize(t, Span::new(0, t.len()));
        let scores: Vec<(&str, f32)> = (0..toks.len())
            .filter_map(|i| read(&toks, i).map(|r| (toks[i].text, r.0)))
            .collect();
        // The scores of scripts/train_cue_tagger.py for the same words.
        let python = [-16.32, -4.27, 6.68, -18.28];
        assert_eq!(scores.len(), python.len());
        for ((w, s), p) in scores.iter().zip(python) {
            assert!((s - p).abs() < 0.01, "{w}: {s} against {p}");
        }
    }

    #[test]
    fn every_weight_and_band_of_the_model_is_read() {
        let m = &*TAGGER;
        assert!(CANDIDATES.contains_key("said"));
        let lines = MODEL.lines().filter(|l| l.starts_with("f ")).count();
        assert_eq!(m.weights.len(), lines, "feature hashes collide");
        assert!(m.bands.windows(2).all(|b| b[0].0 < b[1].0));
    }
}
