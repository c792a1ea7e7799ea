//! The attributed clause of one cue, read from the tokens of its sentence:
//! after the cue (`Wu said that …`, `told reporters that …`), before it
//! (`…, Wu said.` / `…, said Wu.`) or around an "according to" phrase.
//! Returns the content spans and the source mention.

use crate::quotes::cues::{clause_subject, plausible_subject, subject_after, subject_before};
use crate::span::Span;
use crate::token::Token;

/// Which way round the sentence reports speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Frame {
    /// `Wu said the city …`: source, cue, then the content.
    SourceFirst,
    /// `The city …, Wu said.`: the content, then source and cue.
    ContentFirst,
    /// `…, according to aides.` / `According to aides, …`.
    According,
    /// `…, stating that …`: a participle whose source is the clause subject.
    Participle,
    /// `it seemed like …`: the subject's clause, no source.
    Raising,
    /// `Asked about the merger, she …`: the question put, no source.
    Question,
    /// `Wu talked about …`, `his attacks on …`: a prepositional cue whose
    /// object is the content (`topic.rs`).
    Topic,
}

/// One cue's reading: content spans, source mention, frame.
pub(crate) struct Reading {
    pub content: Vec<Span>,
    pub source: Option<Span>,
    /// What the source mention stands for, when it is a relative pronoun
    /// ("Martin O’Malley, who noted …": the mention is "who", its
    /// antecedent names the source).
    pub refers: Option<Span>,
    pub frame: Frame,
}

/// Verbs whose object (the hearer) stands between the cue and the
/// content: "told reporters that", "urged voters to".
const HEARER_VERBS: &[&str] = &[
    "told",
    "tells",
    "tell",
    "telling",
    "asked",
    "asks",
    "asking",
    "urged",
    "urging",
    "urges",
    "warned",
    "warning",
    "reminded",
    "assured",
    "informed",
    "convinced",
    "accused",
    "accusing",
    "called",
    "calling",
    "criticized",
    "praised",
    "blamed",
    "thanked",
];

/// Words that open an adjunct after a cue rather than the content:
/// `…, Wu said on Tuesday`, `…, Wu told reporters`.
const ADJUNCT_OPENERS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "last",
    "this",
    "earlier",
    "later",
    "yesterday",
    "today",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "reporters",
    "me",
    "us",
    "him",
    "her",
    "them",
    "to",
    "by",
    "with",
    "while",
    "when",
    "as",
    "recently",
    "then",
    "again",
    "of",
    "about",
    "from",
    "into",
    "via",
    "through",
    "over",
    "afterward",
    "afterwards",
    "separately",
    "privately",
    "publicly",
    "repeatedly",
];

/// Adjunct openers that may also open the content ("vowed to finish it",
/// "warned of", "told reporters"): no skipping over them to a later "that".
const NOT_TIME_OR_PLACE: &[&str] = &[
    "to",
    "of",
    "as",
    "when",
    "while",
    "by",
    "with",
    "me",
    "us",
    "him",
    "her",
    "them",
    "reporters",
    "about",
    "from",
    "into",
    "via",
    "through",
    "over",
];

fn is_end_mark(t: &Token) -> bool {
    matches!(t.text, "." | "?" | "!")
}

fn is_quote_mark(t: &Token) -> bool {
    matches!(t.text, "“" | "”" | "\"" | "‘" | "’" | "'")
}

/// The span from `toks[a]` to `toks[b - 1]`, trimmed of punctuation at
/// either end except quotation marks (quoted content keeps its marks).
pub(super) fn clause(toks: &[Token], a: usize, b: usize) -> Option<Span> {
    let (mut a, mut b) = (a, b.min(toks.len()));
    // A cue at the very end leaves nothing after it: no clause.
    if a >= b {
        return None;
    }
    let edge = |t: &Token| !t.is_word() && !is_quote_mark(t);
    while a < b && edge(&toks[a]) {
        a += 1;
    }
    while b > a && edge(&toks[b - 1]) {
        b -= 1;
    }
    // A content needs two words (one-word objects are not claims).
    let words = toks[a..b].iter().filter(|t| t.is_word()).count();
    (words >= 2).then(|| Span::new(toks[a].span().start, toks[b - 1].span().end))
}

/// Where the clause after `from` ends: the sentence end, or the comma
/// before a trailing credit or participle cue ("…, according to aides",
/// "…, adding that …").
pub(super) fn clause_end(toks: &[Token], from: usize, is_cue: &dyn Fn(usize) -> bool) -> usize {
    // Tokens up to here belong to a paired dashed aside the clause goes on
    // after ("an unborn baby – up until its birth – has no rights").
    let mut aside_until = from;
    for k in from..toks.len() {
        if k < aside_until {
            continue;
        }
        // A dashed or bracketed aside, or the narration's next verb
        // coordinated with the cue ("said she has no plans and would not
        // identify …").
        if toks[k].text == "(" || is_dash(toks, k) {
            if let Some(close) = closing_dash(toks, k).filter(|_| k > from) {
                aside_until = close + 1;
                continue;
            }
            if k > from + 2 {
                return k;
            }
        }
        if k > from + 2
            && toks[k].is_one_of(&["and", "but"])
            && toks
                .get(k + 1)
                .is_some_and(|t| (verb_like(t) && !t.is_one_of(MODALS)) || is_cue(k + 1))
        {
            return k;
        }
        if toks[k].is(",") || toks[k].is(";") || toks[k].text == "—" {
            let next = k + 1;
            if next < toks.len() && is_cue(next) && toks[next].text.ends_with("ing") {
                return k;
            }
            if toks.get(next).is_some_and(|t| t.is("according")) {
                return k;
            }
            if toks[k].is(";") {
                return k;
            }
            // ", which in theory …", ", an offer the leadership rebuffed":
            // the narration's comment on what was said.
            if toks[k].is(",") && k > from + 3 && toks.get(next).is_some_and(|t| t.is_one_of(&["which", "a", "an"])) {
                return k;
            }
            // "she would visit later, but to date has only …": a new
            // clause of the narration.
            if k > from + 3 && toks.get(next).is_some_and(|t| t.is_one_of(CLAUSE_BREAKS)) {
                return k;
            }
            // "…, and more than 4 in 10 said …": a coordinated clause
            // with its own subject and cue is another attribution.
            if toks[k].is(",") && k > from + 3 && own_cue_follows(toks, next, is_cue) {
                return k;
            }
            // "…, as has the mayor": the narration adds who else said so.
            if toks[k].is(",")
                && k > from + 3
                && toks.get(next).is_some_and(|t| t.is("as"))
                && toks.get(next + 1).is_some_and(|t| t.is_one_of(AUX_ALONE))
            {
                return k;
            }
        }
    }
    toks.len()
}

/// A dash at `k`: "—", "–" or a doubled hyphen "--".
fn is_dash(toks: &[Token], k: usize) -> bool {
    matches!(toks[k].text, "—" | "–") || (toks[k].text == "-" && toks.get(k + 1).is_some_and(|t| t.text == "-"))
}

/// The dash closing the aside a dash at `open` opens, before the
/// sentence ends: the clause resumes after a paired aside ("comments
/// Trump made — and later walked back — that …"); a single dash ends it.
fn closing_dash(toks: &[Token], open: usize) -> Option<usize> {
    if toks[open].text == "(" {
        return None;
    }
    let after = if toks[open].text == "-" { open + 2 } else { open + 1 };
    (after..toks.len())
        .take_while(|&k| !is_end_mark(&toks[k]))
        .find(|&k| is_dash(toks, k))
        .map(|k| if toks[k].text == "-" { k + 1 } else { k })
}

/// Auxiliaries that stand for a whole predicate ("as has Gimenez", "as
/// did the others").
const AUX_ALONE: &[&str] = &["has", "have", "had", "did", "does", "do", "is", "was", "were", "are"];

/// Does "and"/"but" at `at` open a clause with its own subject and a
/// strong cue ("and more than 4 in 10 said", "but the aides insisted")?
/// The subject is a few words with no comma or end mark between.
fn own_cue_follows(toks: &[Token], at: usize, is_cue: &dyn Fn(usize) -> bool) -> bool {
    if !toks.get(at).is_some_and(|t| t.is_one_of(&["and", "but"])) {
        return false;
    }
    // Right after the conjunction the cue goes on with the same subject:
    // that case is the coordinated predicate rule's.
    (at + 2..toks.len().min(at + 8))
        .take_while(|&k| toks[k - 1].is_word() && !toks[k - 1].is("that"))
        .any(|k| is_cue(k) && !toks[k].text.ends_with("ing"))
}

/// A word that reads as a finite verb or auxiliary opening a coordinated
/// predicate ("and would", "and handed", "but said").
fn verb_like(t: &Token) -> bool {
    t.is_word()
        && !t.is_capitalized()
        && (t.text.ends_with("ed")
            || t.is_one_of(&[
                "would", "will", "has", "had", "have", "is", "was", "were", "are", "did", "does", "could", "should",
                "can", "must", "also", "then", "later", "may", "might", "went", "took", "made", "gave", "won",
            ]))
}

/// Verbs whose subject belongs to what they report ("it seemed like …",
/// "Clinton appeared to have the most to gain").
const RAISING: &[&str] = &["seem", "seems", "seemed", "appear", "appears", "appeared"];

/// "conservatives who argue that …": the relative's antecedent, the few
/// content words right before "who".
fn antecedent(toks: &[Token], who: usize) -> Option<Span> {
    let mut s = who;
    while s > 0 && who - s < 4 && toks[s - 1].is_word() && !toks[s - 1].has(crate::lexicon::class::FUNCTION_WORD) {
        s -= 1;
    }
    (s < who).then(|| Span::new(toks[s].span().start, toks[who - 1].span().end))
}

/// Words that may stand between a relative pronoun and its cue ("who
/// has long argued", "who also said", "which previously found").
const RELATIVE_BRIDGE: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "then",
    "once",
    "previously",
    "long",
    "not",
    "never",
    "did",
    "does",
    "do",
    "is",
    "was",
    "were",
    "are",
    "would",
    "will",
    "could",
    "may",
    "might",
    "often",
];

/// A relative clause's cue ("Martin O’Malley, who noted that …", "a
/// report which found …"): the relative pronoun, which annotated news
/// takes as the source mention, and its antecedent, which names it.
fn relative_source(toks: &[Token], v: usize) -> Option<(Span, Span)> {
    let mut k = v;
    while k > 0
        && v - k < 3
        && toks[k - 1].is_word()
        && (toks[k - 1].is_one_of(RELATIVE_BRIDGE)
            || (toks[k - 1].text.ends_with("ly") && !toks[k - 1].is_capitalized()))
    {
        k -= 1;
    }
    let who = k.checked_sub(1).filter(|&w| toks[w].is_one_of(&["who", "which"]))?;
    let head = if who > 0 && toks[who - 1].is(",") {
        subject_before(toks, who - 1).filter(|s| plausible_subject(toks, *s))
    } else {
        antecedent(toks, who)
    }?;
    Some((toks[who].span(), head))
}

/// "Critics who oppose the plan argue …": the phrase before the verb is
/// the relative clause's object; the subject is what "who" refers to.
fn relative_head(toks: &[Token], subject: Span) -> Option<Span> {
    let first = toks.iter().position(|t| t.span().start >= subject.start)?;
    let who = (first.saturating_sub(5)..first)
        .rev()
        .take_while(|&k| !toks[k].is(","))
        .find(|&k| toks[k].is("who"))?;
    antecedent(toks, who)
}

/// The subject read again with quotation marks left out: `Tom Homan, the
/// administration’s “border czar,” previously signaled …`.
fn subject_without_marks(toks: &[Token], v: usize) -> Option<Span> {
    if !toks[..v].iter().any(is_quote_mark) {
        return None;
    }
    let kept: Vec<Token> = toks[..v].iter().filter(|t| !is_quote_mark(t)).copied().collect();
    let mut with_verb = kept;
    with_verb.push(toks[v]);
    let at = with_verb.len() - 1;
    subject_before(&with_verb, at).filter(|s| plausible_subject(&with_verb, *s))
}

/// Modals after "and" mostly go on with what was said ("she was a
/// Republican and would back him").
const MODALS: &[&str] = &["would", "will", "could", "should", "can", "must", "may", "might"];

/// Prepositions that open an introductory phrase, not a reported clause.
const INTRO_OPENERS: &[&str] = &[
    "in", "at", "on", "during", "for", "with", "by", "unlike", "like", "despite", "amid", "under", "over", "from",
];

/// Does the credit's subject end at `end`: the sentence end, a comma, a
/// quotation mark or an adjunct ("said Wu on Tuesday")?
fn credit_ends_at(toks: &[Token], end: usize) -> bool {
    let next = toks.iter().find(|t| t.span().start >= end);
    next.is_none_or(|t| !t.is_word() || t.is_one_of(ADJUNCT_OPENERS) || t.is_one_of(&["who", "whose"]))
}

/// Words after a comma that open the narration's next clause.
const CLAUSE_BREAKS: &[&str] = &["but", "while", "although", "though", "whereas", "yet"];

/// The hearer after a cue ("told him", "told reporters"), or a
/// possessive opening the content ("said her group …").
const OBJECT_PRONOUNS: &[&str] = &["me", "us", "him", "her", "them", "reporters"];

/// Can the words from `toks[start]` be only an adjunct of the cue ("on
/// Tuesday", "pleasantly into the phone") rather than what is said?
fn adjunct_only(toks: &[Token], start: usize) -> bool {
    let words: Vec<&Token> = (toks.get(start..).unwrap_or(&[]))
        .iter()
        .take_while(|t| !is_end_mark(t))
        .filter(|t| t.is_word())
        .collect();
    let Some(first) = words.first() else { return true };
    // An object pronoun ("told him", "said her group will …", "called
    // them liars") is an adjunct only when what follows it is one too.
    if first.is_one_of(OBJECT_PRONOUNS) && words.len() > 1 {
        let second = (start..toks.len()).filter(|&k| toks[k].is_word()).nth(1);
        return second.is_none_or(|k| adjunct_only(toks, k));
    }
    let opener = first.is_one_of(ADJUNCT_OPENERS) || (first.text.ends_with("ly") && !first.is_capitalized());
    // "said about half of …": "about" counts, it opens no adjunct.
    let count = first.is("about") && words.get(1).is_some_and(|t| t.has_digit() || t.is_one_of(COUNT_WORDS));
    // "says tonight he’s a step closer": a clause with its own subject
    // follows the adjunct.
    let clause_follows = words.iter().skip(1).take(2).any(|t| subject_pronoun(t));
    opener
        && !count
        && !clause_follows
        && !first.is_one_of(&["to", "of", "as", "when", "while"])
        && !words.iter().any(|t| t.is("that"))
}

/// Verbs of saying whose "to" opens the hearer, not an infinitive ("he
/// said to a cheering crowd", "Wu wrote to the council").
const SAY_TO: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "added",
    "adds",
    "wrote",
    "writes",
    "explained",
    "declared",
    "joked",
    "remarked",
    "shouted",
    "complained",
];

/// Determiners and possessives that open a noun phrase: after "to" they
/// make it a preposition.
const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "this",
    "that",
    "these",
    "those",
    "reporters",
    "supporters",
    "voters",
];

/// "…,” he said to an enormous cheer.": after a verb of saying, "to" and
/// a noun phrase is the hearer, an adjunct; the content, if any, stands
/// elsewhere. Not when a "that" clause follows ("said to reporters that
/// …"), which the content then is.
fn said_to_hearer(toks: &[Token], v: usize, start: usize) -> bool {
    toks[v].is_one_of(SAY_TO)
        && toks.get(start).is_some_and(|t| t.is("to"))
        && toks.get(start + 1).is_some_and(|t| t.is_one_of(DETERMINERS))
        && !toks[start..]
            .iter()
            .take_while(|t| !is_end_mark(t) && !t.is(","))
            .any(|t| t.is("that"))
}

/// "The changes, which officials said will take effect in May, …" /
/// "moves that he said improved the economy": the relative pronoun
/// before the source is the subject of what was said, so it opens the
/// content, and the clause says no more than the relative clause (up to
/// its closing comma). The content then has two spans: the pronoun and
/// the predicate.
fn relative_subject(toks: &[Token], v: usize, start: usize, end: usize) -> Option<Reading> {
    // The predicate follows the cue at once, with no subject of its own.
    // A noun cue ("the allegations that …") opens no such clause.
    if !(crate::lexicon::is_speech_verb(toks[v].text) || toks[v].text.ends_with("ed")) {
        return None;
    }
    let first = toks.get(start).filter(|_| start == v + 1)?;
    if !(verb_like(first) || first.is_one_of(&["is", "are", "was", "were"]))
        || first.is_one_of(&["also", "then", "later"])
    {
        return None;
    }
    let source = subject_before(toks, v).filter(|s| plausible_subject(toks, *s))?;
    let s = toks.iter().position(|t| t.span().start >= source.start)?;
    let relative = |r: usize| toks[r].is_one_of(&["which", "that", "who"]);
    // The subject finder may take the pronoun in ("which officials").
    let (rel, source) = if relative(s) && s + 1 < v {
        (s, Span::new(toks[s + 1].span().start, source.end))
    } else {
        (s.checked_sub(1).filter(|&r| relative(r))?, source)
    };
    // "which" and "who" relatives after a comma close with a comma.
    let end = (start..end).find(|&k| toks[k].is(",")).unwrap_or(end);
    let predicate = clause(toks, start, end)?;
    Some(Reading {
        content: vec![toks[rel].span(), predicate],
        source: Some(source),
        refers: None,
        frame: Frame::SourceFirst,
    })
}

/// A subject pronoun, contracted or not ("he", "she’s", "they'll").
pub(super) fn subject_pronoun(t: &Token) -> bool {
    let bare = t.text.split(['’', '\'']).next().unwrap_or(t.text);
    ["he", "she", "they", "we", "i", "it", "there"]
        .iter()
        .any(|p| bare.eq_ignore_ascii_case(p))
}

/// Reads the cue at `toks[v..v + n]`. `is_cue` says whether another token
/// of the sentence is a cue (a participle cue ends the clause before it).
pub(crate) fn read(toks: &[Token], v: usize, n: usize, is_cue: &dyn Fn(usize) -> bool) -> Option<Reading> {
    if toks[v].is("according") {
        return according(toks, v, is_cue);
    }
    if let Some(r) = asked(toks, v) {
        return Some(r);
    }
    let after = v + n;
    // `…, Wu said.` / `…, said Wu, the mayor.`: content before the cue.
    if let Some(r) = content_first(toks, v, after) {
        return Some(r);
    }
    let participle = toks[v].text.ends_with("ing") && v > 0 && toks[v - 1].is(",");
    let start = content_start(toks, v, after);
    // "known as the protester", "served as": a role, seldom something said.
    if adjunct_only(toks, start)
        || said_to_hearer(toks, v, start)
        || (start == after && toks.get(start).is_some_and(|t| t.is("as")))
    {
        return None;
    }
    let mut end = clause_end(toks, start, is_cue);
    if let Some(r) = relative_subject(toks, v, start, end) {
        return Some(r);
    }
    // "After the company asked workers to …, 80,000 volunteered": a cue in
    // a fronted subordinate clause says no more than that clause.
    let subordinate = toks[..v].iter().rposition(|t| t.is(",")).map_or(0, |c| c + 1);
    let fronted = |t: &Token| {
        crate::lexicon::SUBORDINATORS.contains(t.text)
            || (subordinate == 0 && t.is_capitalized() && t.text.ends_with("ing"))
    };
    if toks.get(subordinate).is_some_and(fronted) {
        if let Some(c) = (start..end).find(|&k| toks[k].is(",")) {
            end = c;
        }
    }
    // "it seemed like an impossible task": a raising verb's content is
    // its subject's clause, and it has no source.
    if toks[v].is_one_of(RAISING) {
        let s = subject_before(toks, v).and_then(|s| toks.iter().position(|t| t.span().start >= s.start));
        let content = clause(toks, s.unwrap_or(v), end)?;
        return Some(Reading {
            content: vec![content],
            source: None,
            refers: None,
            frame: Frame::Raising,
        });
    }
    let content = clause(toks, start, end)?;
    let relative = relative_source(toks, v).filter(|_| !participle);
    Some(Reading {
        content: vec![content],
        source: relative.map(|r| r.0).or_else(|| source_before(toks, v, participle)),
        refers: relative.map(|r| r.1),
        frame: if participle {
            Frame::Participle
        } else {
            Frame::SourceFirst
        },
    })
}

/// The source of a cue that follows it: the clause's subject for a
/// participle ("…, stating"), the antecedent of "who", else the subject
/// phrase before the cue.
pub(super) fn source_before(toks: &[Token], v: usize, participle: bool) -> Option<Span> {
    if participle {
        credit_subject(toks, v - 1).or_else(|| clause_subject(toks, v - 1).filter(|s| plausible_subject(toks, *s)))
    } else if v > 1 && toks[v - 1].is_one_of(&["who", "which"]) {
        antecedent(toks, v - 1)
    } else {
        subject_before(toks, v)
            .filter(|s| plausible_subject(toks, *s) && !opens_with_participle(toks, *s))
            .or_else(|| subject_without_marks(toks, v))
            .or_else(|| subject_before_time(toks, v))
            .or_else(|| subject_before_auxiliary(toks, v))
            .or_else(|| count_subject(toks, v))
            .map(|s| relative_head(toks, s).unwrap_or(s))
            .filter(|s| !sentence_opener(toks, *s))
    }
}

/// Is `s` one word opening its sentence that is no one: a sentence adverb
/// before a comma ("First, …", "Essentially, …") or a capitalised
/// participle opening an adjunct ("Recognizing this, …")?
fn sentence_opener(toks: &[Token], s: Span) -> bool {
    let Some(i) = toks.iter().position(|t| t.span() == s) else {
        return false;
    };
    let (word, next) = (&toks[i], toks.get(i + 1));
    let starts = i == 0 || is_end_mark(&toks[i - 1]);
    if !starts || !word.is_capitalized() {
        return false;
    }
    let lower = crate::lexicon::lowercase(word.text);
    let adverb = lower.ends_with("ly") || crate::lexicon::SENTENCE_ADVERBS.contains(&lower);
    let participle = lower.len() > 5 && lower.ends_with("ing");
    (adverb && next.is_some_and(|t| t.is(",")))
        || (participle && next.is_some_and(|t| t.is_word() && !t.is_capitalized()))
}

/// Words between a subject and its cue that the subject finder does not
/// step over: auxiliaries with negation, reflexives, a few adverbs ("He
/// did not discuss", "Grassley hasn’t expressed", "Ford itself said",
/// "Walker now says").
pub(super) const AUXILIARY: &[&str] = &[
    "did",
    "does",
    "do",
    "not",
    "didn’t",
    "didn't",
    "doesn’t",
    "doesn't",
    "don’t",
    "don't",
    "hasn’t",
    "hasn't",
    "haven’t",
    "haven't",
    "hadn’t",
    "hadn't",
    "won’t",
    "won't",
    "wouldn’t",
    "wouldn't",
    "could",
    "couldn’t",
    "couldn't",
    "should",
    "can",
    "can’t",
    "can't",
    "may",
    "might",
    "must",
    "would",
    "will",
    "has",
    "have",
    "had",
    "now",
    "itself",
    "himself",
    "herself",
    "themselves",
    "also",
    "still",
    "too",
    "all",
    "both",
    "publicly",
    "here",
    "there",
    "late",
];

/// Adverbs of time that stand between an auxiliary and its verb ("has
/// long said", "had already warned").
const TIME_ADVERBS: &[&str] = &[
    "long",
    "since",
    "already",
    "previously",
    "repeatedly",
    "often",
    "always",
    "never",
    "just",
    "recently",
    "once",
    "consistently",
    "frequently",
    "widely",
    "generally",
];

/// Quantifiers that stand for a group of speakers on their own ("Some
/// have urged", "Both vowed", "Many spoke about").
const QUANTIFIERS: &[&str] = &["some", "many", "both", "most", "others", "several", "few", "all"];

/// The subject before auxiliaries, negation or a reflexive that stand
/// before the verb.
fn subject_before_auxiliary(toks: &[Token], v: usize) -> Option<Span> {
    let mut k = v;
    // "Mr. Ryan has long said", "Mrs. Clinton has since said": a time
    // adverb may stand among the auxiliaries.
    while k > 0
        && v - k < 4
        && (toks[k - 1].is_one_of(AUXILIARY)
            || (k >= 2 && toks[k - 1].is_one_of(TIME_ADVERBS) && toks[k - 2].is_one_of(AUXILIARY)))
    {
        k -= 1;
    }
    if k == 0 {
        return None;
    }
    // A quantifier alone, opening its clause.
    let q = &toks[k - 1];
    let opens = k == 1 || !toks[k - 2].is_word() || toks[k - 2].is_one_of(&["and", "but", "while", "though"]);
    if q.is_one_of(QUANTIFIERS) && opens {
        return Some(q.span());
    }
    (k < v)
        .then(|| subject_before(toks, k))
        .flatten()
        .filter(|s| plausible_subject(toks, *s))
}

/// Number words a poll's share of respondents is counted in.
const COUNT_WORDS: &[&str] = &[
    "percent", "%", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "half", "third",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "thirds", "quarter", "quarters",
    "majority", "most", "in", "of", "than", "more", "fewer", "less", "about", "nearly", "almost",
];

/// "Twenty-four percent said", "More than six in 10 say", "43 said": a
/// poll's count of respondents as the source (the subject finder takes
/// numbers for no one).
fn count_subject(toks: &[Token], v: usize) -> Option<Span> {
    let counted = |t: &Token| {
        t.is_one_of(COUNT_WORDS)
            || t.text.starts_with(|c: char| c.is_ascii_digit())
            || t.text.contains('-') && t.text.split('-').all(|w| w.chars().all(char::is_alphabetic))
    };
    let last = toks.get(v.checked_sub(1)?)?;
    if !(last.is_one_of(&["percent", "%"]) || last.text.starts_with(|c: char| c.is_ascii_digit())) {
        return None;
    }
    let mut k = v - 1;
    while k > 0 && v - k < 6 && counted(&toks[k - 1]) {
        k -= 1;
    }
    Some(Span::new(toks[k].span().start, last.span().end))
}

/// The speaker of a credit right before the comma at `comma` (`“…,” he
/// said, adding that …`, `…, said Ms. Ortiz, noting …`): a participle
/// after a credit goes on with its speaker, not with the quotation's
/// own subject.
fn credit_subject(toks: &[Token], comma: usize) -> Option<Span> {
    let said = (comma.saturating_sub(6)..comma).find(|&k| crate::lexicon::is_speech_verb(toks[k].text))?;
    let before = subject_before(toks, said)
        .filter(|_| said + 1 == comma)
        .filter(|s| plausible_subject(toks, *s));
    let after = || {
        subject_after(toks, said + 1)
            .filter(|s| s.end == toks[comma - 1].span().end)
            .filter(|s| plausible_subject(toks, *s))
    };
    before.or_else(after)
}

/// "arresting 370 individuals identified as …": a phrase opened by a
/// lower-case participle is the narration's clause, and the verb after it
/// a reduced relative, not its speaker's.
fn opens_with_participle(toks: &[Token], s: Span) -> bool {
    toks.iter()
        .find(|t| t.span().start >= s.start)
        .is_some_and(|t| t.is_word() && !t.is_capitalized() && t.text.len() > 4 && t.text.ends_with("ing"))
}

/// Words of a time phrase between a subject and its verb ("Feinstein last
/// week said", "the agency on Tuesday announced").
const TIME_WORDS: &[&str] = &[
    "last",
    "this",
    "on",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "weekend",
    "earlier",
    "today",
    "yesterday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The subject before a time phrase that stands before the verb.
fn subject_before_time(toks: &[Token], v: usize) -> Option<Span> {
    let mut k = v;
    while k > 0 && v - k < 4 && toks[k - 1].is_one_of(TIME_WORDS) {
        k -= 1;
    }
    (k < v && k > 0)
        .then(|| subject_before(toks, k))
        .flatten()
        .filter(|s| plausible_subject(toks, *s))
}

/// Where the content after the cue starts: past an adjunct to "that" or
/// a pronoun subject ("said in a statement Thursday that …"), past the
/// hearer ("told reporters that …"), else right after the cue.
fn content_start(toks: &[Token], v: usize, after: usize) -> usize {
    // "has not ruled out future operations": the particle belongs to the
    // verb, not to what it is said of.
    if toks.get(after).is_some_and(|t| t.is("out")) && toks.get(after + 1).is_some_and(|t| t.is_word()) {
        return content_start(toks, v, after + 1);
    }
    let adjunct_first = toks
        .get(after)
        .is_some_and(|t| t.is_one_of(ADJUNCT_OPENERS) && !t.is_one_of(NOT_TIME_OR_PLACE));
    let within = |n: usize| {
        (after..toks.len().min(after + n))
            .filter(move |_| adjunct_first)
            .take_while(|&k| !toks[k].is(",") && !is_quote_mark(&toks[k]))
    };
    if let Some(k) = within(7).find(|&k| toks[k].is("that")) {
        return k;
    }
    if let Some(k) = within(9).find(|&k| subject_pronoun(&toks[k])) {
        return k;
    }
    // "said to reporters that …": the hearer, then the content.
    if toks[v].is_one_of(SAY_TO)
        && toks.get(after).is_some_and(|t| t.is("to"))
        && toks.get(after + 1).is_some_and(|t| t.is_one_of(DETERMINERS))
    {
        if let Some(k) = (after + 2..toks.len().min(after + 8))
            .take_while(|&k| !toks[k].is(","))
            .find(|&k| toks[k].is("that"))
        {
            return k;
        }
    }
    if toks[v].is_one_of(HEARER_VERBS) {
        // The hearer: up to "that" / "to" within a few words.
        if let Some(k) = (after..toks.len().min(after + 7))
            .take_while(|&k| !toks[k].is(","))
            .find(|&k| toks[k].is_one_of(&["that", "to", "about", "for", "of", "whether", "if", "why", "how"]))
        {
            return k;
        }
    }
    after
}

/// `The city will …, Wu said on Tuesday.` / `…, said Wu.`: a comma before
/// the source and cue, a clause before the comma, nothing but adjuncts
/// after the cue.
fn content_first(toks: &[Token], v: usize, after: usize) -> Option<Reading> {
    let inverted = v > 0 && (toks[v - 1].is(",") || is_quote_mark(&toks[v - 1]));
    // The credit's own words after the cue, up to a comma or the end.
    let credit_end = (after..toks.len())
        .find(|&k| toks[k].is(",") || is_end_mark(&toks[k]))
        .unwrap_or(toks.len());
    let (source, comma) = if inverted || v == 0 {
        // "…, said Wu" / "…,” he said" / a sentence opening "said Wu."
        // after a quotation the splitter cut off.
        // The subject ends the credit: "…, said Ms. Brainard conveyed …"
        // is a description, then a verb and what it said.
        let s = subject_after(toks, after)
            .filter(|s| plausible_subject(toks, *s))
            .filter(|s| credit_ends_at(toks, s.end));
        match (s, v) {
            (Some(s), 0) => return Some(after_quote(s)),
            (Some(s), _) => (Some(s), v - 1),
            (None, _) => return None,
        }
    } else {
        let s = subject_before(toks, v).filter(|s| plausible_subject(toks, *s))?;
        let first = toks.iter().position(|t| t.span().start >= s.start)?;
        let interrupting = toks.get(credit_end).is_some_and(|t| t.is(","))
            && toks[after..credit_end].iter().filter(|t| t.is_word()).count() <= 3
            && !toks[after..credit_end].iter().any(|t| t.is("that"));
        if !interrupting && !adjunct_only(toks, after) && !said_to_hearer(toks, v, after) {
            return None;
        }
        if first == 0 {
            // "O’Malley said at a press conference." after a quotation.
            return (!interrupting).then(|| after_quote(s));
        }
        let c = first - 1;
        if !(toks[c].is(",") || is_quote_mark(&toks[c])) {
            return None;
        }
        (Some(s), c)
    };
    // Up to the comma (and its closing mark), back to the sentence start.
    let content = clause(toks, 0, comma)?;
    let words_before = toks[..comma].iter().filter(|t| t.is_word()).count();
    let quoted = toks[..=comma].iter().any(is_quote_mark);
    if words_before < 3 && !quoted {
        return None;
    }
    // "At the time, Sanders sided with …": an introductory phrase.
    // (A comma inside the clause ends the phrase and a clause follows:
    // "In Ohio, the turnout was the highest, officials said.")
    let opener = toks.iter().find(|t| t.is_word());
    let phrase_only = !toks[..comma].iter().any(|t| t.is(","));
    if !quoted
        && phrase_only
        && opener.is_some_and(|t| t.is_one_of(INTRO_OPENERS) || crate::lexicon::SUBORDINATORS.contains(t.text))
    {
        return None;
    }
    let mut content = vec![content];
    // "As the day nears, Stone says, the number …": the credit interrupts.
    let after_quote_mark = is_quote_mark(&toks[comma]) || (comma > 0 && is_quote_mark(&toks[comma - 1]));
    if !inverted && !after_quote_mark && toks.get(credit_end).is_some_and(|t| t.is(",")) {
        let credit_words = (toks.get(after..credit_end).unwrap_or(&[]))
            .iter()
            .filter(|t| t.is_word())
            .count();
        let next = toks[credit_end + 1..].iter().find(|t| t.is_word());
        let clause_opens = next.is_some_and(|n| !n.text.ends_with("ing") && !n.is_one_of(&["who", "which", "whose"]));
        if credit_words <= 3 && clause_opens {
            content.extend(clause(toks, credit_end + 1, toks.len()));
        }
    }
    Some(Reading {
        content,
        source,
        refers: None,
        frame: Frame::ContentFirst,
    })
}

/// A credit that opens its sentence: what it credits is the quotation
/// that ends right before (marked by an empty content at the sentence
/// start, which the quote linking fills in or drops).
fn after_quote(source: Span) -> Reading {
    Reading {
        content: Vec::new(),
        source: Some(source),
        refers: None,
        frame: Frame::ContentFirst,
    }
}

/// `According to aides, the plan …` / `The plan …, according to aides.` /
/// `The plan, according to aides, will …`.
fn according(toks: &[Token], v: usize, is_cue: &dyn Fn(usize) -> bool) -> Option<Reading> {
    let source = subject_after(toks, v + 2).filter(|s| plausible_subject(toks, *s));
    // Where the "according to" phrase ends: the next comma or the end.
    let phrase_end = (v + 2..toks.len())
        .find(|&k| toks[k].is(",") || is_end_mark(&toks[k]))
        .unwrap_or(toks.len());
    let lead = toks[..v].iter().filter(|t| t.is_word()).count();
    let mut content = Vec::new();
    if lead <= 1 {
        let end = clause_end(toks, phrase_end + 1, is_cue);
        content.extend(clause(toks, phrase_end + 1, end));
    } else {
        content.extend(clause(toks, 0, v));
        if phrase_end < toks.len() && toks[phrase_end].is(",") {
            let end = clause_end(toks, phrase_end + 1, is_cue);
            content.extend(clause(toks, phrase_end + 1, end));
        }
    }
    (!content.is_empty()).then_some(Reading {
        content,
        source,
        refers: None,
        frame: Frame::According,
    })
}

/// `Asked about the merger, she …` / `When asked why he …, Trump said`:
/// a question put to the sentence's subject, who answers after the
/// comma. The content is the question, up to the comma; the source is
/// the interviewer, whom the sentence does not name.
fn asked(toks: &[Token], v: usize) -> Option<Reading> {
    if !toks[v].is("asked") {
        return None;
    }
    // Only "When"/"If" and a conjunction may stand before it.
    let lead = &toks[..v];
    let opens = lead
        .iter()
        .all(|t| t.is_one_of(&["when", "if", "and", "but", "once", "after"]))
        && lead.len() <= 2
        && lead
            .last()
            .is_none_or(|t| t.is_one_of(&["when", "if", "once", "after"]));
    if !opens {
        return None;
    }
    let comma = (v + 1..toks.len()).find(|&k| toks[k].is(","))?;
    let start = if toks.get(v + 1).is_some_and(|t| t.is("about")) {
        v + 2
    } else {
        v + 1
    };
    let content = clause(toks, start, comma)?;
    Some(Reading {
        content: vec![content],
        source: None,
        refers: None,
        frame: Frame::Question,
    })
}
