//! Attribution cues: the words that report speech, belief or intent
//! ("said", "told", "believes", "vowed", "according to"). The lexicon is
//! mined from annotated news (`scripts/mine_attribution_cues.py`) with each
//! form's share of cue uses; a form reads as a cue when its share clears
//! [`MIN_SHARE`], and the share becomes the rule's confidence. The learned
//! tagger (`tagger.rs`) reads the words that headed cues in context, adds
//! what the lexicon misses and vetoes what it is sure of.

use std::sync::LazyLock;

use crate::lexicon::WordTable;
use crate::token::Token;

use crate::lexicon::{ATTRIBUTION_CUES as SOURCE, ATTRIBUTION_CUES_HAND as HAND, ATTRIBUTION_TOPIC_CUES as TOPIC};

/// The share given to a hand-listed cue the mined list lacks.
const HAND_SHARE: f32 = 0.6;

/// Forms marked as a cue less often than this, wherever they occur, are
/// too often something else ("support", "see", "made").
pub(crate) const MIN_SHARE: f32 = 0.45;

/// A tagger score below this drops a cue the lexicon reads (measured on
/// the held-out publisher: the best attribution F1, precision up by 2
/// points, recall the same).
const VETO: f32 = -3.0;

/// The share a form followed by "that" needs.
const MIN_SHARE_WITH_THAT: f32 = 0.1;

/// `word count share` lines: the share of the form's occurrences that
/// annotators marked as a cue.
static CUES: LazyLock<WordTable<f32>> = LazyLock::new(|| {
    let entries = crate::lexicon::entries;
    let mined: Vec<(&'static str, f32)> = entries(SOURCE)
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            let word = parts.next()?;
            let share = parts.nth(1)?.parse::<f32>().ok()?;
            Some((word, share))
        })
        .collect();
    let hand = entries(HAND)
        .filter(|w| !mined.iter().any(|(m, _)| m == w))
        .map(|w| (w, HAND_SHARE))
        .collect::<Vec<_>>();
    mined.into_iter().chain(hand).collect()
});

/// `word preposition count share` lines: the prepositional cues ("talked
/// about", "criticism of"), by word, each preposition with its share.
static TOPIC_CUES: LazyLock<WordTable<Vec<(&'static str, f32)>>> = LazyLock::new(|| {
    let mut by_word: std::collections::BTreeMap<&'static str, Vec<(&'static str, f32)>> = Default::default();
    for l in crate::lexicon::entries(TOPIC) {
        let mut parts = l.split_whitespace();
        let (Some(word), Some(prep), Some(share)) = (parts.next(), parts.next(), parts.nth(1)) else {
            continue;
        };
        if let Ok(share) = share.parse::<f32>() {
            by_word.entry(word).or_default().push((prep, share));
        }
    }
    by_word.into_iter().collect()
});

/// Nouns and adverbs the annotators marked inside longer cues ("said in a
/// statement", "reportedly") that report nothing on their own here: the
/// content rules hang on verbs.
const NOT_HEADS: &[&str] = &[
    "statement",
    "interview",
    "criticism",
    "question",
    "questions",
    "comments",
    "comment",
    "remarks",
    "speech",
    "clear",
    "known",
    "repeatedly",
    "against",
    "reportedly",
    "view",
    "views",
    "poll",
    "polls",
    "report",
    "survey",
];

/// Words before a cue form that make it a noun's modifier.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those",
];

/// [`NOT_HEADS`] and [`DETERMINERS`] as tables: every possible cue asks
/// both, and one lookup is cheaper than comparing with each word.
static NOT_HEAD_WORDS: LazyLock<WordTable<()>> = LazyLock::new(|| NOT_HEADS.iter().copied().collect());
static DETERMINER_WORDS: LazyLock<WordTable<()>> = LazyLock::new(|| DETERMINERS.iter().copied().collect());

/// `t.is_one_of(words)` through `words`' table. Only an ASCII word can
/// equal an ASCII list word with ASCII case ignored; the table would
/// also lower-case other scripts, which `is_one_of` does not.
fn is_listed(t: &Token, table: &WordTable<()>) -> bool {
    t.text.is_ascii() && table.contains_key(t.text)
}

/// A tagger score above this makes a weak cue candidate: read, but kept
/// only when the attribution gate (`gate.rs`) finds its reading likely.
const WEAK: f32 = -6.0;

/// A cue candidate at a token: how many tokens it takes, its share, the
/// tagger's score (`None` for a word the tagger does not score), and
/// whether the hand rules alone read it as a cue (`strong`); a weak one
/// stands only when the gate keeps it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    pub n: usize,
    pub share: f32,
    pub score: Option<f32>,
    pub strong: bool,
    /// A prepositional cue ("talked about"): `n` takes the preposition
    /// and the content is its object (`topic.rs`).
    pub topic: bool,
}

/// A cue at `toks[i]`: how many tokens it takes and its share.
#[cfg(test)]
pub(crate) fn cue_at(toks: &[Token], i: usize) -> Option<(usize, f32)> {
    candidate_at(toks, i).filter(|c| c.strong).map(|c| (c.n, c.share))
}

/// A cue candidate at `toks[i]`, strong or weak.
pub(crate) fn candidate_at(toks: &[Token], i: usize) -> Option<Candidate> {
    let strong = |n: usize, share: f32, score: Option<f32>| Candidate {
        n,
        share,
        score,
        strong: true,
        topic: false,
    };
    let t = toks.get(i)?;
    if !t.is_word() {
        return None;
    }
    if t.is("according") {
        return toks
            .get(i + 1)
            .filter(|n| n.is("to"))
            .map(|_| strong(2, CUES.get(t.text).copied().unwrap_or(0.9), None));
    }
    // A capitalised form opens a headline or names something ("Calls",
    // "Reported Speech"); it is turned away before any table is read, and
    // so is a word neither the lexicon nor the tagger knows (most words:
    // the tokenizer has marked the others).
    if !t.has(crate::lexicon::class::CUE_FORM) || (t.is_capitalized() && !(i > 0 && title_case(toks))) {
        return None;
    }
    let share = CUES.get(t.text).copied();
    // "the continued presence", "his stated aim": a modifier, not a verb
    // (asked before the tagger, which need not score it).
    if is_listed(t, &NOT_HEAD_WORDS) || (i > 0 && is_listed(&toks[i - 1], &DETERMINER_WORDS)) {
        return None;
    }
    let tagged = super::tagger::read(toks, i);
    if share.is_none() && tagged.is_none() {
        return None;
    }
    let lexical = share.and_then(|share| {
        // A weaker form still reports when a "that" clause follows ("found
        // that", "believe that", "fear that").
        let complement = toks.get(i + 1).is_some_and(|n| n.is("that"));
        (share >= MIN_SHARE || (complement && share >= MIN_SHARE_WITH_THAT)).then_some(share)
    });
    // The tagger adds the forms the lexicon's shares leave out ("wants
    // to", "see Clinton as"), gives its share of this context where both
    // read a cue, and overrules the lexicon only when sure the word
    // reports nothing here.
    let score = tagged.map(|t| t.0);
    let share = match (tagged, lexical) {
        (Some((s, _)), Some(_)) if s < VETO => return None,
        (Some((s, share)), _) if s > super::tagger::THRESHOLD => share,
        // Below the tagger's threshold but not far: a weak candidate,
        // which the gate settles from its whole reading. A preposition
        // ("tensions over immigration") is never a weak one: its reading
        // takes a whole clause for the source.
        (Some((s, share)), None) if s > WEAK && !t.has(crate::lexicon::class::FUNCTION_WORD) => {
            return Some(Candidate {
                n: 1,
                share,
                score,
                strong: false,
                topic: false,
            });
        }
        (_, l) => l?,
    };
    Some(strong(1, share, score))
}

/// Is the sentence a title-case headline ("Rubio Says Reform Was A Sign Of
/// Leadership")? There a capitalised cue form after its first word is a
/// verb like any other. Short sentences only: a headline is, and the test
/// then costs a bounded scan however many capitalised forms a sentence has.
fn title_case(toks: &[Token]) -> bool {
    if toks.len() > 24 {
        return false;
    }
    let words = toks
        .iter()
        .filter(|t| t.is_word() && !t.has(crate::lexicon::class::FUNCTION_WORD));
    let (mut all, mut capitals) = (0, 0);
    for w in words {
        all += 1;
        capitals += usize::from(w.is_capitalized());
    }
    all >= 4 && capitals * 10 >= all * 9
}

/// "Asked about the merger, she …": the question opening a sentence, a
/// cue the capitalised form would keep from [`cue_at`].
pub(crate) fn question_at(toks: &[Token]) -> Option<Candidate> {
    let t = toks.first()?;
    (t.text == "Asked" && toks.iter().any(|t| t.is(","))).then(|| Candidate {
        n: 1,
        share: CUES.get("asked").copied().unwrap_or(HAND_SHARE),
        score: None,
        strong: true,
        topic: false,
    })
}

/// A prepositional cue at `toks[i]` ("talked about", "his attacks on",
/// "called on"): a lower-case word the mined pairs list with the
/// preposition after it. Always weak: the gate settles its reading. Asked
/// only of cue forms whose one-word reading failed.
pub(crate) fn topic_at(toks: &[Token], i: usize) -> Option<Candidate> {
    let (t, p) = (toks.get(i)?, toks.get(i + 1)?);
    if !t.is_word() || !p.is_word() || t.is_capitalized() || !t.has(crate::lexicon::class::CUE_FORM) {
        return None;
    }
    let share = TOPIC_CUES.get(t.text)?.iter().find(|(prep, _)| p.is(prep))?.1;
    Some(Candidate {
        n: 2,
        share,
        score: super::tagger::read(toks, i).map(|s| s.0),
        strong: false,
        topic: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use crate::token::tokenize;

    /// The lexicon marks cue words from the same data; a word it missed
    /// would never be read as a cue.
    #[test]
    fn every_cue_word_is_marked_a_cue_form() {
        let words = CUES.keys().copied().chain(super::super::tagger::candidate_words());
        for w in words {
            assert!(
                crate::lexicon::classes(w) & crate::lexicon::class::CUE_FORM != 0,
                "{w} is a cue word but not marked class::CUE_FORM"
            );
        }
    }

    #[test]
    fn speech_verbs_and_according_to_are_cues_common_words_are_not() {
        let t = "He said the plan, according to aides, made the table";
        let toks = tokenize(t, Span::new(0, t.len()));
        let cues: Vec<&str> = (0..toks.len())
            .filter(|&i| cue_at(&toks, i).is_some())
            .map(|i| toks[i].text)
            .collect();
        assert_eq!(cues, ["said", "according"]);
    }

    #[test]
    fn a_capitalised_cue_reads_only_inside_a_title_case_headline() {
        let cue_words = |t: &str| -> Vec<String> {
            let toks = tokenize(t, Span::new(0, t.len()));
            (0..toks.len())
                .filter(|&i| candidate_at(&toks, i).is_some())
                .map(|i| toks[i].text.to_string())
                .collect()
        };
        assert!(cue_words("Governor Okafor Says Bridge Tolls Will Double Next Spring").contains(&"Says".to_string()));
        // In running text a capitalised form names something.
        assert!(
            cue_words("The firm Says Media won the contract for the bridge, the council said.")
                .iter()
                .all(|w| w != "Says")
        );
    }

    #[test]
    fn a_prepositional_cue_is_found_where_no_one_word_rule_reads() {
        let t = "Her criticism of the transit board has grown sharper.";
        let toks = tokenize(t, Span::new(0, t.len()));
        let i = toks.iter().position(|x| x.text == "criticism").unwrap();
        assert!(candidate_at(&toks, i).is_none());
        let c = topic_at(&toks, i).expect("criticism of");
        assert_eq!((c.n, c.topic, c.strong), (2, true, false));
        // Not before another preposition.
        let t = "Her criticism in the press has grown sharper.";
        let toks = tokenize(t, Span::new(0, t.len()));
        assert!(topic_at(&toks, 1).is_none());
    }
}
