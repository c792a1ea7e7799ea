//! Attributions: who claims what, with or without quotation marks. Every
//! cue of reported speech ("said", "told reporters that", "according to",
//! "believes") in the narration gives an attribution with its source
//! (resolved through the roster, like quote speakers), its content (the
//! attributed clause, several spans when interrupted) and its kind:
//! `direct` (all in marks), `mixed` (marks inside reported speech) or
//! `indirect`. Quotes no cue reads (`“…,” he said. “…”`) become direct
//! attributions of the speaker the quote rules found, so every quote that
//! is speech points to one attribution.

mod content;
pub(crate) mod cues;
mod gate;
mod kind;
mod reconcile;
mod tagger;
mod topic;

pub(crate) use reconcile::reconcile;

pub use kind::AttributionKind;

use crate::quotes::{Quote, QuoteKind};
use crate::segment::Paragraph;
use crate::span::Span;
use crate::speakers::Roster;
use crate::token::{Token, within};
use content::Frame;

/// The source an attribution names, resolved like a quote speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Canonical name ("Michelle Wu"), or the mention itself when the
    /// roster cannot resolve it ("officials").
    pub name: String,
    pub role: Option<String>,
    /// The mention in the text ("Wu", "she", "ICE officials").
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Attribution {
    pub kind: AttributionKind,
    /// The cue ("said", "according to", "stating"); `None` for a quote
    /// whose speaker the quote rules found without a verb span.
    pub cue: Option<Span>,
    /// What is attributed, in order; several spans when interrupted.
    pub content: Vec<Span>,
    pub speaker: Option<Source>,
    /// Indices into the analysis's quotes that lie in the content.
    pub quotes: Vec<usize>,
    /// The rule that read it (`source-cue-content`, `content-source-cue`,
    /// `according-to`, `participle`, `quote`).
    pub rule: &'static str,
    /// How likely it is an attribution with the right source (0–1).
    pub confidence: f32,
    /// Read from a weak cue candidate (one the gate let stand): its
    /// source gives no quotation a speaker.
    pub(crate) weak: bool,
}

impl Attribution {
    /// Reported speech a journalist verifies as a statement: indirect or
    /// mixed (direct ones are quotes, listed as such).
    pub fn is_statement(&self) -> bool {
        self.kind != AttributionKind::Direct
    }

    /// The content as one line, its interrupted parts joined by " … ".
    pub fn content_text(&self, text: &str) -> String {
        let parts: Vec<String> = self
            .content
            .iter()
            .map(|c| crate::render::one_line(c.of(text)))
            .collect();
        parts.join(" … ")
    }

    /// From the first content byte to the last.
    pub fn extent(&self) -> Span {
        let s = self.content.first().map_or(0, |c| c.start);
        let e = self.content.last().map_or(s, |c| c.end);
        Span::new(s, e)
    }
}

/// The outer span of a quote: its marks included.
fn outer(q: &Quote) -> Span {
    Span::new(q.open.start.min(q.span.start), q.close.map_or(q.span.end, |c| c.end))
}

/// Confidence of a reading: the cue's share, less for readings whose
/// frame is less often right, halved without a source.
fn confidence(share: f32, frame: Frame, has_source: bool) -> f32 {
    let f = match frame {
        Frame::SourceFirst => 0.9,
        Frame::ContentFirst => 0.95,
        Frame::According => 0.9,
        Frame::Participle => 0.8,
        Frame::Raising => 0.7,
        Frame::Question => 0.7,
        Frame::Topic => 0.6,
    };
    let c = share
        * f
        * if has_source || matches!(frame, Frame::Raising | Frame::Question) {
            1.0
        } else {
            0.5
        };
    (c * 100.0).round() / 100.0
}

fn rule_of(frame: Frame) -> &'static str {
    match frame {
        Frame::SourceFirst => "source-cue-content",
        Frame::ContentFirst => "content-source-cue",
        Frame::According => "according-to",
        Frame::Participle => "participle",
        Frame::Raising => "raising-verb",
        Frame::Question => "question",
        Frame::Topic => "topic",
    }
}

/// What the attribution gate reads of one cue's reading, for its
/// training script (`scripts/train_attribution_gate.py`): the cue word's
/// span, the reading's content and source mention, and the features.
#[derive(Debug, Clone)]
pub struct GateSample {
    pub cue: Span,
    pub content: Vec<Span>,
    pub source: Option<Span>,
    pub feats: Vec<String>,
}

/// The gate's samples of an article, every cue reading ungated, and the
/// attributions the pipeline makes when the gate keeps them all (for the
/// training script to choose the gate's threshold on). Reads the text as
/// [`crate::analyze`] does.
pub fn gate_samples(text: &str) -> (Vec<GateSample>, Vec<Attribution>) {
    let doc = crate::ingest::Document::from_text("sample", text);
    let body = Span::new(doc.body_start, text.len());
    let paragraphs = crate::segment::segment(text, doc.body_start);
    let tokens = crate::token::tokenize(text, body);
    let mut roster = Roster::from_tokens(text, &tokens);
    let mut quotes = crate::quotes::extract_quotes_with(text, &paragraphs, &mut roster, &tokens);
    let mut samples = Vec::new();
    let mut out = extract_gated(text, &paragraphs, &tokens, &roster, &quotes, Some(&mut samples));
    reconcile(text, &tokens, &roster, &mut quotes, &mut out);
    (samples, out)
}

/// Every attribution of the article, in text order.
pub(crate) fn extract_with(
    text: &str,
    paragraphs: &[Paragraph],
    tokens: &[Token],
    roster: &Roster,
    quotes: &[Quote],
) -> Vec<Attribution> {
    extract_gated(text, paragraphs, tokens, roster, quotes, None)
}

/// Every attribution of the article; with `samples`, every cue reading
/// is kept and its gate features recorded instead of gated.
fn extract_gated(
    text: &str,
    paragraphs: &[Paragraph],
    tokens: &[Token],
    roster: &Roster,
    quotes: &[Quote],
    mut samples: Option<&mut Vec<GateSample>>,
) -> Vec<Attribution> {
    let speech: Vec<Span> = quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Scare)
        .map(outer)
        .collect();
    // Quote spans only grow with the quote index; a cursor keeps the
    // inside-a-quote test linear over the article.
    let mut out = Vec::new();
    let mut cursor = 0usize;
    for p in paragraphs {
        for &sent in &p.sentences {
            let toks = within(tokens, sent);
            while cursor < speech.len() && speech[cursor].end <= sent.start {
                cursor += 1;
            }
            let inside = |t: &Token| {
                speech[cursor..]
                    .iter()
                    .take_while(|q| q.start < sent.end)
                    .any(|q| q.contains(t.span()))
            };
            let before = cursor.checked_sub(1).map(|k| speech[k]).filter(|q| q.end <= sent.start);
            // The quotation a credit opening this sentence credits: one
            // ending right before it ("“…?” O’Malley said.").
            let before = before.filter(|q| Span::new(q.end, sent.start).of(text).trim().len() <= 1);
            sentence(text, toks, roster, &inside, before, &mut out, samples.as_deref_mut());
        }
    }
    let statements: Vec<bool> = quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Scare)
        .map(|q| q.kind == QuoteKind::Statement)
        .collect();
    for a in &mut out {
        fit_to_quotes(a, &speech, &statements);
    }
    link_quotes(text, quotes, &mut out);
    out.sort_by_key(|a| (a.extent().start, a.extent().end));
    out
}

/// The attributions whose cues lie in one sentence's narration.
fn sentence(
    text: &str,
    toks: &[Token],
    roster: &Roster,
    inside: &dyn Fn(&Token) -> bool,
    quote_before: Option<Span>,
    out: &mut Vec<Attribution>,
    mut samples: Option<&mut Vec<GateSample>>,
) {
    let cue_at = cue_candidates(toks, inside);
    if cue_at.is_empty() {
        return;
    }
    let sentence_words = toks.iter().filter(|t| t.is_word()).count().max(1);
    // Only the strong cues end another cue's clause: a weak candidate the
    // gate may drop must not cut a content short.
    let is_cue = |k: usize| {
        cue_at
            .binary_search_by_key(&k, |c| c.0)
            .is_ok_and(|j| cue_at[j].1.strong)
    };
    let mut v = 0;
    for &(at, cand) in &cue_at {
        if at < v {
            continue;
        }
        v = at;
        let Some((cand, mut r)) = read_cue(toks, v, cand, &is_cue) else {
            v += cand.n;
            continue;
        };
        let n = cand.n;
        if r.content.is_empty() {
            match quote_before {
                Some(q) => r.content.push(q),
                None => {
                    v += n;
                    continue;
                }
            }
        }
        // A relative pronoun is the mention; its antecedent names it.
        let speaker = r.source.map(|s| Source {
            span: s,
            ..resolve(text, toks, roster, r.refers.unwrap_or(s))
        });
        // The gate reads the whole reading: reported speech with no
        // one reporting it is mostly a verb used otherwise ("ICE has
        // not ruled out …"), a weak candidate stands only when its
        // reading looks like speech.
        // Another strong cue inside the content: reported speech
        // nested in reported speech, or a content read too far.
        let nested = cue_at
            .iter()
            .any(|&(k, c)| k != v && c.strong && r.content.iter().any(|s| s.contains(toks[k].span())));
        let reading = GateInput {
            v,
            cand: &cand,
            r: &r,
            nested,
            sentence_words,
            has_speaker: speaker.is_some(),
        };
        let Some(confidence) = gated_confidence(toks, &reading, samples.as_deref_mut()) else {
            v += n;
            continue;
        };
        out.push(Attribution {
            kind: AttributionKind::Indirect,
            cue: Some(cue_span(toks, v, n, &r.content)),
            content: r.content,
            confidence,
            speaker,
            quotes: Vec::new(),
            rule: rule_of(r.frame),
            weak: !cand.strong,
        });
        v += n;
    }
}

/// The sentence's cue candidates, in order: only the tokens that are one,
/// so a sentence of millions of tokens (a text of quotation marks, which
/// sentence splitting does not cut) holds no entry per token (issue 15).
fn cue_candidates(toks: &[Token], inside: &dyn Fn(&Token) -> bool) -> Vec<(usize, cues::Candidate)> {
    (0..toks.len())
        .filter_map(|i| {
            // What `candidate_at` asks first, inline: most tokens are no
            // word the cue lexicon or the tagger knows, and need no call.
            let t = &toks[i];
            if i > 0 && !(t.is_word() && (t.has(crate::lexicon::class::CUE_FORM) || t.is("according"))) {
                return None;
            }
            let cue = if i == 0 {
                cues::candidate_at(toks, 0)
                    .filter(|c| c.strong)
                    .or_else(|| cues::question_at(toks))
                    .or_else(|| cues::candidate_at(toks, 0))
            } else {
                cues::candidate_at(toks, i)
            };
            // A word no one-word rule reads may still head a prepositional
            // cue ("his attacks on").
            let cue = cue.or_else(|| cues::topic_at(toks, i));
            let c = cue.filter(|_| !inside(&toks[i]))?;
            Some((i, c))
        })
        .collect()
}

/// One cue's reading, as the gate sees it.
struct GateInput<'a> {
    v: usize,
    cand: &'a cues::Candidate,
    r: &'a content::Reading,
    nested: bool,
    sentence_words: usize,
    has_speaker: bool,
}

/// The reading's confidence, or `None` when the gate drops it. When the
/// gate's training samples are wanted, every reading is kept and sampled.
fn gated_confidence(toks: &[Token], reading: &GateInput, samples: Option<&mut Vec<GateSample>>) -> Option<f32> {
    let GateInput {
        v,
        cand,
        r,
        nested,
        sentence_words,
        has_speaker,
    } = *reading;
    let share = cand.share;
    Some(match samples {
        Some(list) => {
            let mut names = gate::Names(Vec::new());
            gate::features(&mut names, toks, v, cand, r, nested, sentence_words);
            list.push(GateSample {
                cue: toks[v].span(),
                content: r.content.clone(),
                source: r.source,
                feats: names.0,
            });
            confidence(share, r.frame, has_speaker)
        }
        None => {
            let mut z = gate::Score(0.0);
            let quoted = gate::features(&mut z, toks, v, cand, r, nested, sentence_words);
            let (p, keep) = gate::decide(z.0);
            // A strong cue's reading that holds a quotation stays:
            // without it the quotation would stand alone, cut
            // from the reported speech around it.
            let exempt = cand.strong && quoted;
            if !keep && !exempt {
                return None;
            }
            // What the gate kept has its probability; what it
            // could not drop keeps the rule's own confidence.
            if keep {
                (p * 100.0).round() / 100.0
            } else {
                confidence(share, r.frame, has_speaker)
            }
        }
    })
}

/// The reading of the cue candidate at `toks[v]`: its own rules', or,
/// when those read nothing, a prepositional cue's ("talked about …",
/// "called on …"), with the candidate that read it.
fn read_cue(
    toks: &[Token],
    v: usize,
    cand: cues::Candidate,
    is_cue: &dyn Fn(usize) -> bool,
) -> Option<(cues::Candidate, content::Reading)> {
    if cand.topic {
        return topic::read(toks, v, is_cue).map(|r| (cand, r));
    }
    if let Some(r) = content::read(toks, v, cand.n, is_cue) {
        return Some((cand, r));
    }
    let t = cues::topic_at(toks, v)?;
    topic::read(toks, v, is_cue).map(|r| (t, r))
}

/// Negation before a cue and a particle after it belong to the cue: a
/// statement row that read "ruled: future operations" for "has not ruled
/// out future operations" would tell the journalist the opposite of what
/// was said. The cue grows back over its auxiliaries when one of them
/// negates ("has not ruled", "didn't say"), and forward over a particle
/// the content does not start with ("ruled out").
fn cue_span(toks: &[Token], v: usize, n: usize, content: &[Span]) -> Span {
    let mut start = v;
    let mut k = v;
    while k > 0 && v - k < 3 && toks[k - 1].is_one_of(content::AUXILIARY) {
        k -= 1;
        if toks[k].is_one_of(NEGATIONS) || toks[k].text.ends_with("n't") || toks[k].text.ends_with("n’t") {
            start = k;
        }
    }
    // Take the auxiliary verb before a bare negation too ("has not").
    if start < v && start > 0 && toks[start].is_one_of(NEGATIONS) && toks[start - 1].is_one_of(AUXILIARY_VERBS) {
        start -= 1;
    }
    let mut end = v + n - 1;
    let content_start = content.first().map_or(usize::MAX, |c| c.start);
    if let Some(p) = toks.get(end + 1) {
        if p.is_one_of(PARTICLES) && p.span().end <= content_start {
            end += 1;
        }
    }
    Span::new(toks[start].span().start, toks[end].span().end)
}

/// Words that turn a cue into its opposite.
const NEGATIONS: &[&str] = &["not", "never"];

/// Verbs that carry a negation ("has not", "did never").
const AUXILIARY_VERBS: &[&str] = &[
    "do", "does", "did", "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "can", "should",
    "may", "might", "must",
];

/// Particles of phrasal cues ("ruled out", "spoke up", "backed down").
const PARTICLES: &[&str] = &["out", "up", "off", "down"];

/// No content span cuts a quotation: a span that starts or ends inside
/// one grows to its marks (sentence splitting stops inside quotations). A
/// content read before its cue that ends with a quoted statement is that
/// statement (`Soon after, Trump asserted: “…,” he claimed.`).
fn fit_to_quotes(a: &mut Attribution, speech: &[Span], statements: &[bool]) {
    for c in &mut a.content {
        let hi = speech.partition_point(|q| q.start < c.end);
        let orig = *c;
        for q in speech[hi.saturating_sub(4)..hi].iter().filter(|q| q.overlaps(orig)) {
            if q.start < c.start {
                c.start = q.start;
            }
            if q.end > c.end {
                c.end = q.end;
            }
        }
    }
    if a.rule != "content-source-cue" {
        return;
    }
    let Some(first) = a.content.first_mut() else { return };
    let hi = speech.partition_point(|q| q.start < first.end);
    if let Some(k) = hi.checked_sub(1) {
        let q = speech[k];
        if statements[k] && q.end + 2 >= first.end && q.start > first.start {
            first.start = q.start;
        }
    }
}

/// The source at a mention: the roster's canonical name and role, or the
/// mention's own words when the roster has no one there.
fn resolve(text: &str, toks: &[Token], roster: &Roster, mention: Span) -> Source {
    match roster.resolve_within(text, mention, toks) {
        Some(r) => Source {
            name: r.name,
            role: r.role,
            span: mention,
        },
        None => Source {
            name: crate::render::one_line(mention.of(text)),
            role: None,
            span: mention,
        },
    }
}

/// Links each speech quote to the attribution whose content holds most of
/// it, sets the kinds, and makes direct attributions of the quotes no cue
/// read (grouping the fragments of one speaker's interrupted quotation).
fn link_quotes(text: &str, quotes: &[Quote], out: &mut Vec<Attribution>) {
    // Attributions come in sentence order; index their extents by start
    // so a quote finds the ones around it by binary search.
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| out[i].extent().start);
    for (qi, q) in quotes.iter().enumerate() {
        if q.kind == QuoteKind::Scare {
            continue;
        }
        let o = outer(q);
        let hi = order.partition_point(|&i| out[i].extent().start < o.end);
        // Nested attributions: the innermost content holding the quote.
        let best = order[hi.saturating_sub(8)..hi]
            .iter()
            .copied()
            .filter(|&i| {
                let inside: usize = out[i]
                    .content
                    .iter()
                    .map(|c| c.end.min(o.end).saturating_sub(c.start.max(o.start)))
                    .sum();
                2 * inside >= o.len()
            })
            .min_by_key(|&i| out[i].extent().len());
        if let Some(i) = best {
            out[i].quotes.push(qi);
        }
    }
    for a in out.iter_mut() {
        let marks: Vec<Span> = a.quotes.iter().map(|&qi| outer(&quotes[qi])).collect();
        a.kind = kind::kind_of(text, &a.content, &marks);
        // The quote rules are tuned on quotes: their speaker stands for
        // a direct attribution, or for one the cue reading left without.
        let quoted_speaker = a.quotes.iter().find_map(|&qi| quotes[qi].speaker.as_ref());
        if let Some(s) = quoted_speaker.filter(|_| a.kind == AttributionKind::Direct || a.speaker.is_none()) {
            a.speaker = Some(Source {
                name: s.name.clone(),
                role: s.role.clone(),
                span: s.span,
            });
        }
    }
    direct_from_quotes(text, quotes, out);
}

/// Direct attributions of the speech quotes no cue reading holds: each
/// continues its speaker's previous attribution (`“…,” he said. “…”`) or
/// starts its own, with the quote rules' speaker.
fn direct_from_quotes(text: &str, quotes: &[Quote], out: &mut Vec<Attribution>) {
    // The quote a quotation that follows could continue: the last speech
    // quote, with the attribution it belongs to.
    let mut owner: Vec<Option<usize>> = vec![None; quotes.len()];
    for (ai, a) in out.iter().enumerate() {
        for &qi in &a.quotes {
            owner[qi] = Some(ai);
        }
    }
    let mut last: Option<(usize, usize)> = None;
    for (qi, q) in quotes.iter().enumerate() {
        if q.kind == QuoteKind::Scare {
            continue;
        }
        if let Some(ai) = owner[qi] {
            last = Some((ai, qi));
            continue;
        }
        let Some(s) = q.speaker.as_ref() else { continue };
        if let Some((ai, _)) = last.filter(|&(_, pq)| continues(&quotes[pq], q)) {
            out[ai].content.push(outer(q));
            out[ai].quotes.push(qi);
            continue;
        }
        // A word or two quoted inside the narration (`called it “a
        // disaster”`) that no cue reading holds is a phrase borrowed, not
        // a statement of its own: annotated news seldom makes it one.
        if q.kind == QuoteKind::Partial && q.span.of(text).split_whitespace().count() <= 2 {
            continue;
        }
        out.push(Attribution {
            kind: AttributionKind::Direct,
            cue: q.cue.as_deref().and_then(|c| find_cue(text, c, s.span)),
            content: vec![outer(q)],
            speaker: Some(Source {
                name: s.name.clone(),
                role: s.role.clone(),
                span: s.span,
            }),
            quotes: vec![qi],
            rule: "quote",
            confidence: q.confidence().unwrap_or(0.3),
            weak: false,
        });
        last = Some((out.len() - 1, qi));
    }
}

/// Does quote `q` continue the quotation `prev` (the same speaker, in the
/// same paragraph, or the next paragraph when the quote rules carried the
/// speaker over)?
fn continues(prev: &Quote, q: &Quote) -> bool {
    let same = match (&prev.speaker, &q.speaker) {
        (Some(a), Some(b)) => a.name == b.name,
        _ => false,
    };
    let carried = matches!(
        q.rule,
        Some("floating" | "multi-paragraph" | "same-paragraph" | "previous-sentence")
    );
    same && (prev.paragraph == q.paragraph
        || (prev.group.is_some() && prev.group == q.group)
        || (carried && q.paragraph == prev.paragraph + 1))
}

/// The cue words of a quote next to its speaker mention: the nearest
/// occurrence within a short window either side.
fn find_cue(text: &str, cue: &str, mention: Span) -> Option<Span> {
    if cue.is_empty() {
        return None;
    }
    let mut lo = mention.start.saturating_sub(120);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (mention.end + 120).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    Span::new(lo, hi)
        .of(text)
        .match_indices(cue)
        .map(|(k, _)| lo + k)
        .min_by_key(|&k| k.abs_diff(mention.start))
        .map(|k| Span::new(k, k + cue.len()))
}

/// Gives each claim inside an attributed clause that attribution's source
/// (the innermost one that has a source). Claims and attributions are both
/// in text order; a claim looks back over a few attributions only.
pub(crate) fn source_claims(attributions: &[Attribution], claims: &mut [crate::claims::Claim]) {
    let starts: Vec<usize> = attributions.iter().map(|a| a.extent().start).collect();
    for c in claims.iter_mut() {
        let hi = starts.partition_point(|&s| s <= c.span.start);
        let holder = attributions[hi.saturating_sub(8)..hi]
            .iter()
            .filter(|a| a.speaker.is_some() && a.content.iter().any(|s| s.contains(c.span)))
            .min_by_key(|a| a.extent().len());
        if let Some(s) = holder.and_then(|a| a.speaker.as_ref()) {
            c.source = Some(s.name.as_str().into());
        }
    }
}
