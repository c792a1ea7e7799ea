//! The learned cue tagger: an averaged perceptron, trained by
//! `scripts/train_cue_tagger.py` on the gold cue spans of annotated news,
//! that says whether a word heads an attribution cue here ("wants to",
//! "found that", "support for") from the word and its neighbours. Only the
//! words that headed cues in training are scored; the rest cost one table
//! lookup. The score maps to the share of training candidates with that
//! score that were cues, which stands as the cue's share (its confidence).
//!
//! The text model lists the features as strings (`w=said`, `n=that`,
//! `wns=said|C`). No feature string is built at run time: a feature's key
//! joins its template's hash with the hashes of its parts (see [`key`]),
//! so each neighbour's word is hashed once for all the templates that read
//! it. The training script writes the same keys into the binary model that
//! is compiled in, so nothing is parsed at start-up (reading the text
//! model cost about 30 million instructions per process).

use std::sync::LazyLock;

use crate::lexicon::WordTable;
use crate::lexicon::{CUE_TAGGER_MODEL as MODEL, cue_tagger_u32, cue_tagger_words};
use crate::token::Token;

/// A score above this reads as a cue.
pub(crate) const THRESHOLD: f32 = 0.0;

/// The compiled-in model (`data/models/cue_tagger.bin`, written by
/// `scripts/train_cue_tagger.py` beside its text form), read in place: the
/// weights are an open-addressing table of (feature key, weight) slots,
/// so start-up parses nothing but the header and the short lists before
/// the table.
struct Model {
    /// (lowest score, share of cues), ascending.
    bands: Vec<(f32, f32)>,
    /// Where the slots start in [`MODEL`].
    slots: usize,
    /// Slot = the key's top bits.
    shift: u32,
    mask: usize,
}

/// A slot: the feature key (`u64`, 0 when empty) and its weight (`f32`).
const SLOT: usize = 12;

impl Model {
    fn read() -> Model {
        let (_, mut at) = cue_tagger_words();
        let bits = cue_tagger_u32(16);
        let f32_at = |at: usize| f32::from_bits(cue_tagger_u32(at));
        let bands = (0..cue_tagger_u32(12))
            .map(|_| {
                let band = (f32_at(at), f32_at(at + 4));
                at += 8;
                band
            })
            .collect();
        Model {
            bands,
            slots: at,
            shift: 64 - bits,
            mask: (1usize << bits) - 1,
        }
    }

    /// The weight of the feature `key`, if the model has one.
    fn weight(&self, key: u64) -> Option<f32> {
        let mut i = (key >> self.shift) as usize;
        loop {
            let at = self.slots + i * SLOT;
            let slot = MODEL.get(at..at + SLOT)?;
            let k = u64::from_le_bytes(slot[..8].try_into().ok()?);
            if k == key {
                return Some(f32::from_le_bytes(slot[8..].try_into().ok()?));
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// The words that headed cues in training: the only words scored. The
/// lexicon marks the same words `class::CUE_FORM`, so most words are
/// turned away before this table.
static CANDIDATES: LazyLock<WordTable<()>> = LazyLock::new(|| candidate_words().map(|w| (w, ())).collect());

/// The model's candidate words, as listed.
pub(crate) fn candidate_words() -> impl Iterator<Item = &'static str> {
    cue_tagger_words().0.into_iter().filter(|w| !w.is_empty())
}

static TAGGER: LazyLock<Model> = LazyLock::new(Model::read);

/// FNV-1a, 64 bits, of `b` with ASCII capitals folded when `fold` (a
/// token's word: the model's words are lower-case) or as it is (a shape,
/// where "C" and "l" differ).
const fn fnv(b: &[u8], fold: bool) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut k = 0;
    while k < b.len() {
        let x = if fold { b[k].to_ascii_lowercase() } else { b[k] };
        h ^= x as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        k += 1;
    }
    h
}

/// A feature's key: its template's hash, then each part's hash mixed in.
fn key(template: u64, parts: &[u64]) -> u64 {
    parts.iter().fold(template, |h, &p| {
        (h ^ p).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29)
    })
}

/// The templates of `scripts/train_cue_tagger.py::features`, in its
/// order, with how many parts each joins with `|`.
const TEMPLATES: [(&str, usize); 15] = [
    ("b", 0),
    ("w=", 1),
    ("p=", 1),
    ("n=", 1),
    ("pp=", 1),
    ("nn=", 1),
    ("wn=", 2),
    ("pw=", 2),
    ("ps=", 1),
    ("ns=", 1),
    ("wns=", 2),
    ("wps=", 2),
    ("cap=", 1),
    ("t3=", 1),
    ("wt3=", 2),
];

/// The hash of each template's name, by the index of [`TEMPLATES`].
const TEMPLATE_HASH: [u64; 15] = {
    let mut out = [0; 15];
    let mut k = 0;
    while k < 15 {
        out[k] = fnv(TEMPLATES[k].0.as_bytes(), false);
        k += 1;
    }
    out
};

/// The key of a feature string of the model (`wn=said|that`), as
/// [`score`] makes it; `None` for a template the tagger does not use. A
/// part is a token's text or shape: a word never holds `|`, but a mark
/// may be one, so a two-part value opening with `|` is the mark `|` and
/// the rest. `scripts/train_cue_tagger.py::feature_key` does the same to
/// write the binary model; the tests check the two agree.
#[cfg(test)]
fn feature_key(feature: &str) -> Option<u64> {
    let (t, &(name, arity)) = TEMPLATES
        .iter()
        .enumerate()
        .find(|(_, (name, _))| feature.starts_with(name) && (name.ends_with('=') || feature.len() == name.len()))?;
    let value = &feature[name.len()..];
    let raw = |part: &str| fnv(part.as_bytes(), false);
    let parts = match arity {
        0 => [0; 2],
        1 => [raw(value), 0],
        _ => {
            let (a, b) = match value.strip_prefix("||") {
                Some(rest) => ("|", rest),
                None => value.split_once('|')?,
            };
            [raw(a), raw(b)]
        }
    };
    Some(key(TEMPLATE_HASH[t], &parts[..arity]))
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
    if !t.is_word() || !CANDIDATES.contains_key(t.text) {
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
    let t3 = fnv(if that3 { b"1" } else { b"0" }, false);
    let cap = fnv(if toks[i].is_capitalized() { b"1" } else { b"0" }, false);
    let folded = |t: &str| fnv(t.as_bytes(), true);
    let (w, p_word, n_word) = (folded(w), folded(word(p)), folded(word(n)));
    // Shapes keep their case ("C" a capitalised word, "l" a lower-case one).
    let (p_shape, n_shape) = (fnv(shape(p).as_bytes(), false), fnv(shape(n).as_bytes(), false));
    let parts: [&[u64]; 15] = [
        &[],
        &[w],
        &[p_word],
        &[n_word],
        &[folded(word(pp))],
        &[folded(word(nn))],
        &[w, n_word],
        &[p_word, w],
        &[p_shape],
        &[n_shape],
        &[w, n_shape],
        &[w, p_shape],
        &[cap],
        &[t3],
        &[w, t3],
    ];
    let hashes = std::array::from_fn::<u64, 15, _>(|k| key(TEMPLATE_HASH[k], parts[k]));
    hashes.iter().filter_map(|&h| m.weight(h)).sum()
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
    fn the_binary_model_holds_the_text_model_exactly() {
        // The text form the training script prints beside the binary one:
        // every word, band and weight must be there, bit for bit, or the
        // binary is stale (`python3 scripts/train_cue_tagger.py --bin-from
        // data/models/cue_tagger.txt` writes it again).
        let text = include_str!("../../data/models/cue_tagger.txt");
        let m = &*TAGGER;
        assert!(CANDIDATES.contains_key("said"));
        let words: Vec<&str> = text.lines().filter_map(|l| l.strip_prefix("v ")).collect();
        assert_eq!(candidate_words().collect::<Vec<_>>(), words);
        let bands: Vec<(f32, f32)> = text
            .lines()
            .filter_map(|l| l.strip_prefix("c "))
            .map(|l| {
                let (lo, share) = l.split_once(' ').unwrap();
                (lo.parse().unwrap(), share.parse().unwrap())
            })
            .collect();
        assert_eq!(m.bands, bands);
        assert!(m.bands.windows(2).all(|b| b[0].0 < b[1].0));
        let mut features = 0;
        for l in text.lines().filter_map(|l| l.strip_prefix("f ")) {
            let (f, w) = l.split_once(' ').unwrap();
            let w: f32 = w.parse().unwrap();
            let k = feature_key(f).unwrap();
            assert_eq!(m.weight(k).map(f32::to_bits), Some(w.to_bits()), "{f}");
            features += 1;
        }
        let filled = (0..=m.mask)
            .filter(|i| {
                let at = m.slots + i * SLOT;
                MODEL[at..at + 8] != [0; 8]
            })
            .count();
        assert_eq!(filled, features, "feature hashes collide");
        assert_eq!(m.slots + (m.mask + 1) * SLOT, MODEL.len());
    }
}
