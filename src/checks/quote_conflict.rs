//! `quote-conflict`: one quoted sentence given to two speakers, or quoted
//! twice with different wording ("all year" / "all decade"). Quotes are
//! compared clause by clause, so a partial quote of a longer statement is
//! compared with the clause it repeats.

use super::clause_index::{self, ClauseIndex};
use super::names::bare_words;
use super::{Check, CheckContext, Finding, Report, Severity};
use crate::lexicon::FUNCTION_WORDS;
use crate::quotes::{Quote, QuoteKind};

pub struct QuoteConflict;

/// The words of each clause of a quote (six words or more), punctuation
/// trimmed.
fn clause_words(text: &str) -> Vec<Vec<&str>> {
    text.split(is_clause_break)
        .map(|c| words_of(c).collect::<Vec<_>>())
        .filter(|c| c.len() >= MIN_WORDS)
        .collect()
}

/// Clauses shorter than this are not compared.
const MIN_WORDS: usize = 6;

fn is_clause_break(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | '?' | '!' | '—')
}

fn words_of(clause: &str) -> impl Iterator<Item = &str> {
    clause
        .split_whitespace()
        .map(|w| w.trim_matches(|ch: char| !ch.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

/// Lowercased words of each clause, for messages.
fn clauses(text: &str) -> Vec<Vec<String>> {
    clause_words(text)
        .into_iter()
        .map(|c| c.iter().map(|w| w.to_lowercase().replace('’', "'")).collect())
        .collect()
}

/// The same clauses as word hashes: comparing every clause of every pair
/// of quotes is the cost of this check, so it compares numbers, not strings.
/// One pass over the text gives the words [`clause_words`] gives.
fn clause_keys(text: &str) -> Vec<Clause> {
    let mut out = Vec::new();
    let mut words = Vec::new();
    let mut word_start = None;
    let end_word = |words: &mut Vec<u64>, start: Option<usize>, end: usize| {
        if let Some(start) = start {
            let w = text[start..end].trim_matches(|ch: char| !ch.is_alphanumeric());
            if !w.is_empty() {
                words.push(crate::lexicon::folded_key(w));
            }
        }
    };
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), '.'))) {
        if is_clause_break(c) {
            end_word(&mut words, word_start.take(), i);
            if words.len() >= MIN_WORDS {
                out.push(Clause::new(words.clone()));
            }
            words.clear();
        } else if c.is_whitespace() {
            end_word(&mut words, word_start.take(), i);
        } else if word_start.is_none() {
            word_start = Some(i);
        }
    }
    out
}

/// A clause as word hashes, with a 64-bit summary of which words it has.
struct Clause {
    words: Vec<u64>,
    bloom: u64,
}

impl Clause {
    fn new(words: Vec<u64>) -> Self {
        let bloom = words.iter().fold(0, |b, w| b | bloom_bit(*w));
        Clause { words, bloom }
    }
}

fn bloom_bit(word: u64) -> u64 {
    1 << (word >> 58)
}

/// Longest common subsequence of words over the longer clause.
fn overlap(a: &Clause, b: &Clause) -> f64 {
    let (a, b, b_bloom) = (&a.words, &b.words, b.bloom);
    let longer = a.len().max(b.len());
    // The common part is at most the shorter clause: clauses of very
    // different lengths cannot reach the threshold, so skip the table.
    if (a.len().min(b.len()) as f64) < SIMILAR * longer as f64 {
        return 0.0;
    }
    // Every word of the common part is a word of `a` that `b` may have:
    // too few of those and the table cannot reach the threshold either.
    let maybe_shared = a.iter().filter(|w| b_bloom & bloom_bit(**w) != 0).count();
    if (maybe_shared as f64) < SIMILAR * longer as f64 {
        return 0.0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] as f64 / longer as f64
}

/// Share of the longer clause two clauses must have in common.
const SIMILAR: f64 = 0.75;

/// Whether two speakers' names are two people: both read as a person's
/// name ("Transcript" and "On Trump" do not) and end in different surnames
/// ("OK Gov Fallin" and "Mary Fallin" are one).
fn different_people(x: &str, y: &str) -> bool {
    let (a, b) = (bare_words(x), bare_words(y));
    let headline_words = |n: &[String]| {
        n.iter()
            .any(|w| w.starts_with(char::is_uppercase) && FUNCTION_WORDS.contains(w))
    };
    // A speaker known by one word only ("Transcript", "Contest") is as
    // often a misreading as a person: two people need a full name each.
    // A description ("campaign surrogate") may be the named one.
    let named = |n: &[String]| n.first().is_some_and(|w| w.starts_with(char::is_uppercase));
    named(&a)
        && named(&b)
        && a.len() >= 2
        && b.len() >= 2
        && !headline_words(&a)
        && !headline_words(&b)
        && !a.last().zip(b.last()).is_some_and(|(p, q)| p.eq_ignore_ascii_case(q))
}

/// Whether the two wordings differ in a content word on both sides
/// ("an official inquiry" / "a formal inquiry"). A change of tense or of a
/// light verb ("he was" / "he is", "do a wall" / "build a wall") is how a
/// speaker says the same thing again on another day, not a misquotation.
fn content_changed(a: &[String], b: &[String]) -> bool {
    let light = |w: &String| {
        FUNCTION_WORDS.contains(w.as_str())
            || matches!(
                w.as_str(),
                "is" | "was"
                    | "are"
                    | "were"
                    | "be"
                    | "been"
                    | "has"
                    | "have"
                    | "had"
                    | "will"
                    | "would"
                    | "do"
                    | "does"
                    | "did"
                    | "make"
                    | "get"
                    | "build"
            )
    };
    let only = |x: &[String], y: &[String]| -> Vec<String> { x.iter().filter(|w| !y.contains(w)).cloned().collect() };
    let (da, db) = (only(a, b), only(b, a));
    !da.iter().all(light) && !db.iter().all(light)
}

/// Whether the quote sits in the article's first line, its headline,
/// whose quotes the headline does not attribute the way the body does.
/// `first_newline` is where that line ends (found once: on a text of one
/// long line, looking back from every quote read the whole text each time).
fn in_headline(first_newline: Option<usize>, q: &Quote) -> bool {
    first_newline.is_none_or(|n| n >= q.span.start)
}

/// Whether the shorter word list runs, word for word, inside the longer.
fn contains_run(a: &[u64], b: &[u64]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.windows(short.len()).any(|w| w == short)
}

fn speaker(q: &Quote) -> Option<&str> {
    q.speaker.as_ref().map(|s| s.name.as_str())
}

impl Check for QuoteConflict {
    fn id(&self) -> &'static str {
        "quote-conflict"
    }

    fn description(&self) -> &'static str {
        "One quoted sentence given to two speakers, or quoted twice with different wording."
    }

    fn run(&self, cx: &CheckContext, out: &mut Report) {
        let quotes: Vec<&Quote> = cx.quotes.iter().filter(|q| q.kind != QuoteKind::Scare).collect();
        let parsed: Vec<Vec<Clause>> = quotes.iter().map(|q| clause_keys(q.span.of(cx.text))).collect();
        // Clause pairs through an index of their words, tried in the order
        // of a scan of every pair: the first similar pair is the finding.
        let mut index = ClauseIndex::default();
        let first_newline = memchr::memchr(b'\n', cx.text.as_bytes());
        let mut filed = rustc_hash::FxHashSet::default();
        for j in 0..quotes.len() {
            // Each clause's index keys once, for the search and the filing.
            let keys: Vec<Vec<u64>> = parsed[j].iter().map(|c| clause_index::keys(&c.words)).collect();
            'earlier: for (i, ai, bi) in index.candidates_of_keys(&keys) {
                let (a, b) = (&parsed[i][ai], &parsed[j][bi]);
                let sim = overlap(a, b);
                if sim < SIMILAR {
                    continue;
                }
                let (qa, qb) = (quotes[i], quotes[j]);
                let two_speakers = matches!((speaker(qa), speaker(qb)), (Some(x), Some(y)) if different_people(x, y))
                    && !in_headline(first_newline, qa);
                // A headline's excerpt of a fuller quote ("got to come
                // a long way" / "he's got to come a long way") and a
                // speaker rephrasing in the next paragraph are not
                // two versions of one quotation.
                let reworded = a.words != b.words
                    && !contains_run(&a.words, &b.words)
                    && qb.paragraph.abs_diff(qa.paragraph) >= 2
                    && content_changed(&clauses(qa.span.of(cx.text))[ai], &clauses(qb.span.of(cx.text))[bi]);
                if !(two_speakers || reworded) {
                    continue;
                }
                let mut related = vec![qa.span];
                related.extend(qa.speaker.iter().map(|s| s.span));
                related.extend(qb.speaker.iter().map(|s| s.span));
                let message = if two_speakers {
                    format!(
                        "the same words are given to {} (line {}) and to {} (line {})",
                        speaker(qa).unwrap_or_default(),
                        cx.line(qa.span.start),
                        speaker(qb).unwrap_or_default(),
                        cx.line(qb.span.start)
                    )
                } else {
                    let words = |q: &Quote, k: usize| clauses(q.span.of(cx.text))[k].join(" ");
                    format!(
                        "quoted differently on line {}: “{}” vs “{}”",
                        cx.line(qa.span.start),
                        words(qa, ai),
                        words(qb, bi)
                    )
                };
                out.findings.push(Finding {
                    check: self.id(),
                    severity: Severity::Warning,
                    confidence: Severity::Warning.confidence(),
                    span: qb.span,
                    related,
                    message,
                });
                break 'earlier;
            }
            // A clause said again by the same speaker (outside the headline)
            // finds what its first saying finds, and that comes first: file
            // only the first.
            let headline = in_headline(first_newline, quotes[j]);
            for (k, c) in parsed[j].iter().enumerate() {
                if filed.insert((c.words.as_slice(), speaker(quotes[j]), headline)) {
                    index.add_keys(j, k, &keys[k]);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{clause_keys, clause_words};
    use crate::checks::test_support::run_one;

    #[test]
    fn headline_excerpt_of_a_fuller_quote_is_no_conflict() {
        let r = run_one(
            "quote-conflict",
            "Senator: “no place in a presidential campaign for attacks like these”\n\nThe senator spoke on Monday.\n\nVoters listened.\n\n“They have got no place in a presidential campaign for attacks like these,” said Dana Whitcombe.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }

    #[test]
    fn clause_hashes_follow_the_clause_words() {
        let text = "“We will not, under any circumstances, hand over the U.S. records — ever; \
                    the voters’ trust   matters more than the deadline the state set for us.” \
                    Short one.";
        let words = clause_words(text);
        let keys = clause_keys(text);
        assert_eq!(keys.len(), words.len());
        for (k, w) in keys.iter().zip(&words) {
            let hashed: Vec<u64> = w.iter().map(|w| crate::lexicon::folded_key(w)).collect();
            assert_eq!(k.words, hashed);
        }
        assert!(words.iter().any(|w| w.contains(&"voters")), "{words:?}");
    }

    #[test]
    fn same_sentence_two_speakers() {
        let r = run_one(
            "quote-conflict",
            "Retailer reports a loss\n\n“Weather is a headwind we cannot control, but inventory is ours,” said Chief Executive Margaret Lindqvist.\n“Weather is a headwind we cannot control, but inventory is ours,” said Finance Chief Ravi Chandrasekhar.\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        assert!(r.findings[0].message.contains("Chandrasekhar"));
    }

    #[test]
    fn reworded_repeat_is_flagged_but_exact_repeat_is_not() {
        let r = run_one(
            "quote-conflict",
            "Road works begin\n\n“This is the most disruptive thing we will do all year,” said Owen Castellano.\n\nCrews start on Monday.\n\nAs he put it, “this is the most disruptive thing we will do all decade.”\n",
        );
        assert_eq!(r.findings.len(), 1);
        let same = run_one(
            "quote-conflict",
            "“This is the most disruptive thing we will do all year,” said Owen Castellano.\nAs he put it, “this is the most disruptive thing we will do all year.”\n",
        );
        assert!(same.findings.is_empty());
    }
}

#[cfg(test)]
mod real_copy_tests {
    use crate::checks::test_support::run_one;

    #[test]
    fn a_tense_or_light_verb_change_is_the_same_remark_again() {
        let r = run_one(
            "quote-conflict",
            "Lena Ortiz said: \"she was the best mayor this town ever had.\"\n\nOther news.\n\nMore news.\n\nOrtiz said: \"she is the best mayor this town ever had.\"\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }

    #[test]
    fn a_content_word_changed_is_flagged() {
        let r = run_one(
            "quote-conflict",
            "Lena Ortiz said: \"we will open an official inquiry into the port deal.\"\n\nOther news.\n\nMore news.\n\nOrtiz said: \"we will open a formal inquiry into the port deal.\"\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    }
}
