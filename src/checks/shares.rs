//! How a percentage is tied to the counts it summarises, read from the
//! wording around it, for percent-vs-counts: a share before its whole ("10%
//! of the 4,300 employees …, which is about 650"), a share of a whole the
//! sentence before counted a part of ("This is nearly half of its output of
//! 7.4 million barrels"), a vote tally ("voted 66 to 27, or 71 percent"),
//! and a change between two counts ("a 73% increase from 88 deaths").

use super::{CheckContext, Severity};
use crate::claims::{Claim, ClaimKind};

/// Text between a count and a percentage that sets them side by side:
/// "355, or 52 percent", "52 — about 60 percent —", "23,300 of them … — nearly half".
pub(crate) fn apposed(between: &str) -> bool {
    let tail = between.trim_end();
    let close = tail.ends_with([',', '—', '–', '(']) || tail.ends_with(" or") || tail.trim() == "or";
    close && !between.chars().any(|c| c.is_ascii_digit()) && between.len() < 60
}

/// The counts a percentage is the share of: `part` of `whole` (plus
/// `extra`, the other side of a tally), how sure the link is, and any other
/// span the reader needs to see.
pub(crate) struct ShareLink {
    pub part: usize,
    pub whole: usize,
    pub extra: f64,
    pub other: Option<crate::span::Span>,
    pub severity: Severity,
}

impl ShareLink {
    pub(crate) fn of(part: usize, whole: usize, severity: Severity) -> Self {
        ShareLink {
            part,
            whole,
            extra: 0.0,
            other: None,
            severity,
        }
    }

    /// A part found with no whole: the check says it could not decide.
    pub(crate) fn undecided(part: usize) -> Self {
        ShareLink::of(part, usize::MAX, Severity::Info)
    }
}

/// A percentage change: the claims it goes from and to, which way the
/// wording says it went, and how sure the link is.
pub(crate) struct Change {
    pub from: usize,
    pub to: usize,
    pub up: bool,
    pub severity: Severity,
}

/// Words of change that take "from" after them ("a 73% increase from 88"),
/// with the way they go.
const CHANGE_NOUNS: &[(&str, bool)] = &[
    ("increase", true),
    ("rise", true),
    ("jump", true),
    ("gain", true),
    ("surge", true),
    ("growth", true),
    ("hike", true),
    ("spike", true),
    ("decrease", false),
    ("decline", false),
    ("drop", false),
    ("fall", false),
    ("reduction", false),
    ("cut", false),
    ("dip", false),
    ("plunge", false),
];

/// Verbs of change before a percentage ("rose 12% from 100").
const CHANGE_VERBS: &[(&str, bool)] = &[
    ("rose", true),
    ("increased", true),
    ("grew", true),
    ("jumped", true),
    ("climbed", true),
    ("soared", true),
    ("surged", true),
    ("up", true),
    ("fell", false),
    ("dropped", false),
    ("declined", false),
    ("decreased", false),
    ("plunged", false),
    ("slid", false),
    ("down", false),
];

/// Words that open a sentence about the one before ("That showed …").
const ANAPHORS: &[&str] = &["this", "that", "it", "which", "these", "those"];

fn counted(c: &Claim) -> bool {
    matches!(c.kind, ClaimKind::Count | ClaimKind::Money | ClaimKind::Quantity)
        && c.value.amount().is_some_and(|a| a.value.is_some())
}

/// The next claim after `i` in the same sentence.
fn next_in_sentence(cx: &CheckContext, i: usize) -> Option<usize> {
    let c = cx.claims.get(i)?;
    cx.claims.get(i + 1).filter(|n| n.sentence == c.sentence).map(|_| i + 1)
}

/// The lower-cased words of `s`, without punctuation at their edges.
fn words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// "of the 4,300 employees", "of Saudi Arabia's entire production of 7.4
/// million": the count that follows the percentage at `pi` as its whole.
/// Nothing between them but words of a noun phrase.
pub(crate) fn whole_after(cx: &CheckContext, pi: usize) -> Option<usize> {
    let wi = next_in_sentence(cx, pi)?;
    let (p, w) = (&cx.claims[pi], &cx.claims[wi]);
    if !counted(w) {
        return None;
    }
    let between = &cx.text[p.span.end..w.span.start];
    if between.len() > 60
        || between
            .chars()
            .any(|c| c.is_ascii_digit() || ",;:()—–.\"“”".contains(c))
    {
        return None;
    }
    let ws = words(between);
    const BREAKS: &[&str] = &[
        "and", "or", "than", "from", "to", "with", "who", "which", "that", "were", "was", "is", "are", "in", "by",
        "for", "on", "at", "per",
    ];
    (ws.first().is_some_and(|w| w == "of") && !ws.iter().any(|w| BREAKS.contains(&w.as_str()))).then_some(wi)
}

/// The part of whole `wi` stated after it: a count the grammar linked to
/// it ("of the 4,300 employees …, which constitutes about 650"), or one set
/// beside it (", or 650", "(650)").
pub(crate) fn part_of_after(cx: &CheckContext, pi: usize, wi: usize) -> Option<usize> {
    let sentence = cx.claims[pi].sentence;
    let mut k = wi + 1;
    while let Some(c) = cx.claims.get(k).filter(|c| c.sentence == sentence) {
        if c.kind == cx.claims[wi].kind && counted(c) {
            // "of the 7,500 troops … in 85 countries": another thing counted.
            if noun_of(cx, c).is_some() && !same_noun(cx, c, &cx.claims[wi]) {
                return None;
            }
            if c.whole() == Some(wi) {
                return Some(k);
            }
            let between = &cx.text[cx.claims[wi].span.end..c.span.start];
            let tail = between.trim_end().to_lowercase();
            let says_so = [
                "which is",
                "which constitutes",
                "which amounts to",
                "which represents",
                "that is",
            ]
            .iter()
            .any(|w| tail.ends_with(w) && tail.contains(", "));
            let plain = !between.chars().any(|ch| ch.is_ascii_digit()) && between.len() < 90;
            return (plain && (apposed(between) || says_so)).then_some(k);
        }
        k += 1;
    }
    None
}

/// The sentence at `pi` opens by pointing back ("This would be nearly half
/// of …"): the part is the last count of the sentence before that counts
/// what whole `wi` counts.
pub(crate) fn part_before_sentence(cx: &CheckContext, pi: usize, wi: usize) -> Option<usize> {
    let p = &cx.claims[pi];
    let lead = &cx.text[p.sentence.start..p.span.start];
    let first = words(lead).into_iter().next()?;
    if !ANAPHORS.contains(&first.as_str()) || lead.len() > 50 || lead.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    before_sentence_like(cx, pi, &cx.claims[wi])
}

/// The last claim of the sentence right before `pi`'s that counts the same
/// thing as `like` (the same kind, and `like`'s noun among the words after it).
fn before_sentence_like(cx: &CheckContext, pi: usize, like: &Claim) -> Option<usize> {
    let p = &cx.claims[pi];
    let mut k = pi;
    let mut prev_sentence = None;
    while k > 0 {
        k -= 1;
        let c = &cx.claims[k];
        if c.sentence == p.sentence {
            continue;
        }
        let s = *prev_sentence.get_or_insert(c.sentence);
        if c.sentence != s || !cx.text[s.end..p.sentence.start].trim().is_empty() {
            return None;
        }
        if c.kind == like.kind && counted(c) && same_noun(cx, c, like) {
            return Some(k);
        }
    }
    None
}

/// Whether claim `c` counts what `like` counts: `like`'s noun is among the
/// three words after `c`.
fn same_noun(cx: &CheckContext, c: &Claim, like: &Claim) -> bool {
    let Some(noun) = noun_of(cx, like) else {
        return false;
    };
    let after = &cx.text[c.span.end..(c.span.end + 40).min(c.sentence.end)];
    let after = after.get(..).unwrap_or("");
    words(after).iter().take(3).any(|w| *w == noun)
}

/// The noun a count counts: the first word after it.
fn noun_of(cx: &CheckContext, c: &Claim) -> Option<String> {
    let end = (c.span.end + 40).min(c.sentence.end.max(c.span.end));
    let after = cx.text.get(c.span.end..end)?;
    let w = words(after).into_iter().next()?;
    (w.len() > 2 && w.chars().all(|ch| ch.is_alphabetic())).then_some(w)
}

/// "voted 66 to 27 — about 71 percent in favor": the counts `ni - 1` and
/// `ni` are the two sides of a vote; the share is of their sum.
pub(crate) fn tally(cx: &CheckContext, pi: usize, ni: usize) -> Option<ShareLink> {
    let mi = ni.checked_sub(1)?;
    let (m, n, p) = (&cx.claims[mi], &cx.claims[ni], &cx.claims[pi]);
    if m.kind != ClaimKind::Count || m.sentence != n.sentence || m.part_of.is_some() {
        return None;
    }
    let joint = cx.text[m.span.end..n.span.start].trim();
    if !matches!(joint, "to" | "-" | "–" | "—") {
        return None;
    }
    let before = &cx.text[m.sentence.start.max(m.span.start.saturating_sub(40))..m.span.start];
    let before = before.get(..).unwrap_or("");
    const VOTES: &[&str] = &[
        "vote", "voted", "votes", "passed", "approved", "rejected", "margin", "tally",
    ];
    if !words(before).iter().rev().take(4).any(|w| VOTES.contains(&w.as_str())) {
        return None;
    }
    let after = cx
        .text
        .get(p.span.end..(p.span.end + 30).min(p.sentence.end))
        .unwrap_or("");
    let against = words(after)
        .iter()
        .take(3)
        .any(|w| matches!(w.as_str(), "against" | "opposed" | "opposing"));
    let (part, other) = if against { (ni, mi) } else { (mi, ni) };
    let extra = cx.claims[other].value.amount()?.value?;
    Some(ShareLink {
        part,
        whole: part,
        extra,
        other: Some(cx.claims[other].span),
        severity: Severity::Error,
    })
}

/// A percentage at `pi` that states a change between two counts: "a 73%
/// increase from 88 deaths" (after a count of deaths), "rose 12% from 100
/// to 112".
pub(crate) fn change_of(cx: &CheckContext, pi: usize) -> Option<Change> {
    let p = &cx.claims[pi];
    let fi = next_in_sentence(cx, pi)?;
    let from = &cx.claims[fi];
    if !counted(from) {
        return None;
    }
    let between = words(&cx.text[p.span.end..from.span.start]);
    let up = match between.as_slice() {
        [noun, from] if from == "from" => CHANGE_NOUNS.iter().find(|(w, _)| w == noun)?.1,
        [from] if from == "from" => {
            let lead = cx.text.get(p.sentence.start..p.span.start).unwrap_or("");
            let lead = words(lead);
            let verb = lead.iter().rev().find(|w| *w != "by")?;
            CHANGE_VERBS.iter().find(|(w, _)| w == verb)?.1
        }
        _ => return None,
    };
    // "… from 100 to 112": the count it went to.
    if let Some(ti) = next_in_sentence(cx, fi) {
        let to = &cx.claims[ti];
        let joint = words(&cx.text[from.span.end..to.span.start]);
        if to.kind == from.kind && counted(to) && joint.last().is_some_and(|w| w == "to") && joint.len() <= 2 {
            return Some(Change {
                from: fi,
                to: ti,
                up,
                severity: Severity::Error,
            });
        }
    }
    // The count before it in its sentence that counts the same thing, or
    // the sentence before's when this one points back ("That showed …").
    let same = (0..pi)
        .rev()
        .take_while(|&k| cx.claims[k].sentence == p.sentence)
        .find(|&k| cx.claims[k].kind == from.kind && counted(&cx.claims[k]) && same_noun(cx, &cx.claims[k], from));
    if let Some(ti) = same {
        return Some(Change {
            from: fi,
            to: ti,
            up,
            severity: Severity::Error,
        });
    }
    let lead = &cx.text[p.sentence.start..p.span.start];
    let first = words(lead).into_iter().next()?;
    if !ANAPHORS.contains(&first.as_str()) || lead.len() > 50 || lead.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let ti = before_sentence_like(cx, pi, from)?;
    Some(Change {
        from: fi,
        to: ti,
        up,
        severity: Severity::Warning,
    })
}
