//! Direct quotations: pairing quotation marks (curly, straight, NYT-style
//! `''`, single-quote house style), the multi-paragraph convention, telling
//! statements from partial quotes and scare quotes, and attributing each to
//! a speaker mention through the speech-verb lexicon. Every attribution
//! records the rule that made it, so an editor can see why a name is there.

use serde::Serialize;

pub(crate) mod cues;
pub mod gate;
mod introduced;
pub mod ranker;

use crate::mentions::Mentions;
use crate::segment::{Paragraph, trim};
use crate::span::Span;
use crate::speakers::{EntityKind, Roster, clean_role, first_word, last_word};
use crate::token::{Token, tokenize, within};
use cues::{Cue, PRONOUNS, characterised_as_cue, cue_after, cue_before, cue_inside, speech_noun_cue};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A quoted sentence or more, someone's words.
    Statement,
    /// Quoted words inside reported speech (`called it "a disaster"`).
    Partial,
    /// A term or title in quotation marks (“border czar”): nobody's speech.
    Scare,
}

impl QuoteKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Statement => "statement",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
        }
    }
}

/// Who a quote is attributed to, and where the mention is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speaker {
    pub name: String,
    pub role: Option<String>,
    /// The mention the attribution hangs on ("she", "Homan").
    pub span: Span,
    #[serde(skip)]
    pub entity: Option<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Quote {
    pub kind: QuoteKind,
    /// The words inside the marks.
    pub span: Span,
    /// The opening mark, or the paragraph start of a quote with none.
    pub open: Span,
    /// The closing mark; `None` when the quote runs to its paragraph end.
    pub close: Option<Span>,
    /// Index of the paragraph.
    pub paragraph: usize,
    /// Quotes of one multi-paragraph quotation share a group number.
    pub group: Option<usize>,
    /// True when the quote is still open at its paragraph end and the next
    /// paragraph does not reopen it: a mark never closed.
    pub unbalanced: bool,
    /// The speech verb or phrase that attributes it.
    pub cue: Option<String>,
    pub speaker: Option<Speaker>,
    /// How the attribution was made (`speaker-verb-after-quote`, `pronoun`, …).
    pub rule: Option<&'static str>,
    /// The learned gate's probability, for the speakers it gave.
    #[serde(skip)]
    pub learned: Option<f32>,
}

/// How often each rule's speaker is right: the share of its attributions
/// that name the annotated source, measured on polnear-train (822 real
/// articles, the politico part held out) when the rule set last changed.
/// Rules not listed are rare there and get the floor.
const RULE_CONFIDENCE: &[(&str, f32)] = &[
    ("according-to", 0.87),
    // Right 7 times of 7 on the rest: too few to claim more.
    ("as-put-it", 0.9),
    ("characterised-as", 0.54),
    ("characterising-verb", 0.74),
    ("clause-introduction", 0.7),
    ("colon-introduction", 0.84),
    ("coordinated", 0.3),
    ("credit-after-descriptor", 0.79),
    ("dash-credit", 0.58),
    ("floating", 0.58),
    ("headline-subject", 0.77),
    ("multi-paragraph", 0.3),
    ("outer-speaker", 0.7),
    ("previous-sentence", 0.75),
    ("pronoun", 0.94),
    ("reported-content", 0.8),
    ("same-paragraph", 0.96),
    ("sentence-final-credit", 0.7),
    ("speaker-verb-after-quote", 0.97),
    ("speaker-verb-before-quote", 0.88),
    ("speech-noun", 0.57),
    ("transcript-label", 0.5),
    ("verb-before-speaker", 0.93),
    ("verb-inside-unclosed-quote", 0.7),
];

/// The confidence of rules [`RULE_CONFIDENCE`] does not list.
const RULE_CONFIDENCE_FLOOR: f32 = 0.3;

/// How many tokens on each side of a quotation its cue is looked for in.
/// Real attributions sit within a sentence of a few dozen words; the bound
/// keeps attribution linear when a "sentence" runs for pages.
const CUE_REACH: usize = 200;

impl Quote {
    /// How likely the speaker is right (0–1), from the rule that named it,
    /// so an editor can sort attributions by doubt. `None` without a speaker.
    pub fn confidence(&self) -> Option<f32> {
        self.speaker.as_ref()?;
        if let Some(p) = self.learned {
            return Some(p);
        }
        let rule = self.rule?;
        let c = RULE_CONFIDENCE
            .iter()
            .find(|(r, _)| *r == rule)
            .map_or(RULE_CONFIDENCE_FLOOR, |(_, c)| *c);
        Some(c)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkKind {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    span: Span,
    kind: MarkKind,
    dir: Dir,
}

fn char_before(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

fn char_after(text: &str, pos: usize) -> Option<char> {
    text[pos..].chars().next()
}

/// Finds quotation marks in a paragraph, in order, and hands each to
/// `emit`; apostrophes are left out. Not collected: a paragraph of
/// millions of marks held 24 bytes for each (issue 15).
fn marks(text: &str, para: Span, mut emit: impl FnMut(Mark)) {
    let s = para.of(text);
    let bytes = s.as_bytes();
    let mut next = 0;
    // Jump between candidates: the ASCII marks, and 0xE2, which leads
    // every curly mark (U+2018–U+201E) and is never inside a character.
    while let Some(k) = memchr::memchr3(b'"', b'\'', 0xE2, &bytes[next..]) {
        let i = next + k;
        let Some(c) = s[i..].chars().next() else { break };
        next = i + c.len_utf8();
        if !matches!(c, '“' | '„' | '”' | '"' | '\'' | '‘' | '’') {
            continue;
        }
        let pos = para.start + i;
        let before = if i == 0 { None } else { char_before(text, pos) };
        let after_pos = pos + c.len_utf8();
        let after = if after_pos >= para.end {
            None
        } else {
            char_after(text, after_pos)
        };
        let space_before = before.is_none_or(|b| b.is_whitespace() || "([{—–-/".contains(b));
        let space_after = after.is_none_or(|a| a.is_whitespace() || ",.;:!?)]—–-".contains(a));
        let alnum = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
        let mut push = |len: usize, kind, dir| {
            emit(Mark {
                span: Span::new(pos, pos + len),
                kind,
                dir,
            })
        };
        match c {
            '“' | '„' => push(3, MarkKind::Double, Dir::Open),
            // A closing mark typed where an opening one belongs (”Mr. Trump …).
            '”' if space_before && !space_after => push(3, MarkKind::Double, Dir::Open),
            '”' => push(3, MarkKind::Double, Dir::Close),
            '"' => {
                let dir = match (space_before, space_after) {
                    (true, false) => Dir::Open,
                    (false, true) => Dir::Close,
                    _ => Dir::Either,
                };
                push(1, MarkKind::Double, dir)
            }
            '\'' if after == Some('\'') => {
                // NYT-style '' serves as both the opening and closing mark.
                next += 1;
                let after2 = char_after(text, pos + 2).filter(|_| pos + 2 < para.end);
                let space_after2 = after2.is_none_or(|a| a.is_whitespace() || ",.;:!?)]—–-".contains(a));
                let dir = match (space_before, space_after2) {
                    (true, false) => Dir::Open,
                    (false, true) => Dir::Close,
                    _ => Dir::Either,
                };
                push(2, MarkKind::Double, dir)
            }
            // ‘90s and Obama‘s are apostrophes typed the wrong way round:
            // a mark inside a word never opens a quotation.
            '‘' if alnum(before) && alnum(after) => continue,
            '‘' if !after.is_some_and(|a| a.is_ascii_digit()) => push(3, MarkKind::Single, Dir::Open),
            '’' | '\'' => {
                let len = c.len_utf8();
                if alnum(before) && alnum(after) {
                    continue; // don’t, O’Brien
                }
                if space_before && after.is_some_and(|a| a.is_ascii_digit()) {
                    continue; // ’90s
                }
                if space_before && !space_after && c == '\'' {
                    push(len, MarkKind::Single, Dir::Open)
                } else if !space_before && (space_after || !alnum(after)) {
                    push(len, MarkKind::Single, Dir::Close)
                }
            }
            _ => {}
        }
    }
}

/// A quoted stretch of one paragraph, before classification.
struct Segment {
    open: Span,
    close: Option<Span>,
    paragraph: usize,
}

/// Pairs the outermost marks of one paragraph. A quote still open at the
/// paragraph end runs to it.
fn pair(text: &str, para: Span, idx: usize) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut open: Option<Mark> = None;
    // Marks of the other kind nested inside the outer quote.
    let mut nested = 0usize;
    marks(text, para, |m| {
        match open {
            None => {
                let opens = match m.dir {
                    Dir::Open => true,
                    Dir::Either => m.kind == MarkKind::Double,
                    Dir::Close => false,
                };
                if opens {
                    open = Some(m);
                    nested = 0;
                }
            }
            Some(o) => {
                if m.kind != o.kind || m.span.start < o.span.end {
                    // Inner quotes of the other kind: track them so their
                    // closing marks are not taken for ours.
                    if m.dir == Dir::Open {
                        nested += 1;
                    } else if m.dir == Dir::Close && nested > 0 {
                        nested -= 1;
                    }
                    return;
                }
                // A curly pair inside a straight-quoted passage ("PENCE: …
                // an episode of “Shark Tank.” But …) is nested, so its
                // closing mark is not ours.
                match m.dir {
                    // A directed closing mark first closes an inner opening.
                    Dir::Close if nested > 0 => nested -= 1,
                    Dir::Close | Dir::Either => {
                        out.push(Segment {
                            open: o.span,
                            close: Some(m.span),
                            paragraph: idx,
                        });
                        open = None;
                    }
                    // A second opening mark in the same style: nested, or
                    // the first was never closed; either way the next
                    // closing mark belongs to it.
                    Dir::Open => nested += 1,
                }
            }
        }
    });
    if let Some(o) = open {
        out.push(Segment {
            open: o.span,
            close: None,
            paragraph: idx,
        });
    }
    out
}

/// Does the paragraph open with a quotation mark (the multi-paragraph
/// convention reopens each paragraph)?
fn opens_with_mark(text: &str, para: Span) -> bool {
    let s = para.of(text).trim_start();
    s.starts_with(['“', '"', '‘', '„']) || s.starts_with("''")
}

/// A transcript label at the start of a quote ("PENCE:", "MR. TRUMP:").
fn transcript_label(text: &str, content: Span) -> Option<(Span, Span)> {
    let s = content.of(text);
    // A label is short: look for its colon only where one may be.
    let colon = s.as_bytes().iter().take(41).position(|&b| b == b':')?;
    let label = &s[..colon];
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || colon > 40 || label.chars().any(|c| c.is_lowercase()) {
        return None;
    }
    if !label
        .chars()
        .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '’' || c == '\'')
    {
        return None;
    }
    let label_span = Span::new(content.start, content.start + colon);
    let rest = trim(text, Span::new(content.start + colon + 1, content.end));
    Some((label_span, rest))
}

/// Words right before a quotation that make it a term, not speech.
const TERM_MARKERS: &[&str] = &[
    "so-called",
    "dubbed",
    "nicknamed",
    "termed",
    "titled",
    "word",
    "phrase",
    "slogan",
    "motto",
];

/// Who a sentence says its facts come from: "According to ICE, …",
/// "…, police said." Returns the resolved name.
pub(crate) fn sentence_source(text: &str, sentence: &[Token], roster: &Roster) -> Option<String> {
    // Most sentences have no verb a cue could hang on: say so before copying.
    use crate::lexicon::class;
    let any_verb = sentence
        .iter()
        .any(|t| t.has(class::SPEECH_VERB | class::CHARACTERISING_VERB) || t.is("according") || t.is("put"));
    if !any_verb {
        return None;
    }
    // Without quote marks (most sentences with a claim have none).
    let toks = crate::token::kept(sentence, |t| !matches!(t.text, "“" | "”" | "\""));
    let cue = cue_before(&toks)?;
    roster.resolve_within(text, cue.subject, sentence).map(|r| r.name)
}

/// Finds, classifies and attributes every quote of the article.
pub fn extract_quotes(text: &str, paragraphs: &[Paragraph], roster: &mut Roster) -> Vec<Quote> {
    let body = Span::new(paragraphs.first().map_or(0, |p| p.span.start), text.len());
    extract_quotes_with(text, paragraphs, roster, &tokenize(text, body))
}

/// [`extract_quotes`] with the article's tokens, which the attribution
/// rules read slices of.
pub(crate) fn extract_quotes_with(
    text: &str,
    paragraphs: &[Paragraph],
    roster: &mut Roster,
    tokens: &[Token],
) -> Vec<Quote> {
    extract_and_read(text, paragraphs, roster, tokens, true).0
}

/// Pairs the marks into quotes; only transcript labels are attributed here.
fn find_quotes(text: &str, paragraphs: &[Paragraph], roster: &mut Roster) -> Vec<Quote> {
    let mut segments: Vec<Segment> = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        segments.extend(pair(text, p.span, i));
    }
    let mut quotes: Vec<Quote> = Vec::new();
    let mut group_of_prev: Option<usize> = None;
    let mut next_group = 0;
    for seg in &segments {
        let para = &paragraphs[seg.paragraph];
        let end = seg.close.map_or(para.span.end, |c| c.start);
        let mut content = trim(text, Span::new(seg.open.end, end));
        // A group continues when the previous segment ran to the end of the
        // previous paragraph and this paragraph reopens with a mark.
        let continues = quotes.last().is_some_and(|q| {
            q.close.is_none() && q.paragraph + 1 == seg.paragraph && seg.open.start == trim(text, para.span).start
        });
        let group = if continues {
            let g = group_of_prev.unwrap_or_else(|| {
                next_group += 1;
                next_group - 1
            });
            if let Some(prev) = quotes.last_mut() {
                prev.group = Some(g);
                prev.unbalanced = false;
            }
            Some(g)
        } else {
            None
        };
        group_of_prev = group;
        let unbalanced = seg.close.is_none()
            && paragraphs
                .get(seg.paragraph + 1)
                .is_none_or(|next| !opens_with_mark(text, next.span));
        let mut label = None;
        if let Some((l, rest)) = transcript_label(text, content) {
            label = Some(l);
            content = rest;
        }
        if content.is_empty() {
            continue;
        }
        quotes.push(Quote {
            kind: QuoteKind::Statement,
            span: content,
            open: seg.open,
            close: seg.close,
            paragraph: seg.paragraph,
            group,
            unbalanced,
            cue: label.map(|_| ":".to_string()),
            speaker: label.and_then(|l| {
                let r = roster.resolve_label(text, l)?;
                Some(Speaker {
                    name: r.name,
                    role: r.role,
                    span: l,
                    entity: r.entity,
                })
            }),
            rule: label.map(|_| "transcript-label"),
            learned: None,
        });
    }
    quotes
}

/// [`extract_quotes_with`] with the learned gate's inputs, before or after
/// the gate has ruled.
fn extract_and_read(
    text: &str,
    paragraphs: &[Paragraph],
    roster: &mut Roster,
    tokens: &[Token],
    rule: bool,
) -> (Vec<Quote>, Vec<gate::GateInput>) {
    let mut quotes = find_quotes(text, paragraphs, roster);
    // The features' text is made only for the training dump.
    let (inputs, mentions) = attribute(text, tokens, paragraphs, roster, &mut quotes, !rule);
    if rule {
        gate::apply(text, tokens, roster, &mut quotes, &inputs);
        let cx = ranker::Context::new(text, tokens, paragraphs, &mentions, &quotes);
        ranker::apply(&cx, roster, &mut quotes, &inputs);
    }
    (quotes, inputs)
}

/// What the learned ranker reads of each quote of a text, after the rules
/// and the gate: the training samples of `scripts/train_speaker_ranker.py`.
pub fn ranker_samples(text: &str) -> Vec<ranker::Sample> {
    let doc = crate::ingest::Document::from_text("sample", text);
    let body = Span::new(doc.body_start, text.len());
    let paragraphs = crate::segment::segment(text, doc.body_start);
    let tokens = tokenize(text, body);
    let mut roster = Roster::from_tokens(text, &tokens);
    let mut quotes = find_quotes(text, &paragraphs, &mut roster);
    let (inputs, mentions) = attribute(text, &tokens, &paragraphs, &mut roster, &mut quotes, true);
    gate::apply(text, &tokens, &mut roster, &mut quotes, &inputs);
    let cx = ranker::Context::new(text, &tokens, &paragraphs, &mentions, &quotes);
    ranker::samples(&cx, &quotes, &inputs)
}

/// What the learned gate reads of each quote of a text, before it rules:
/// the training samples of `scripts/train_quote_gate.py`.
pub fn gate_samples(text: &str) -> Vec<gate::Sample> {
    let doc = crate::ingest::Document::from_text("sample", text);
    let body = Span::new(doc.body_start, text.len());
    let paragraphs = crate::segment::segment(text, doc.body_start);
    let tokens = tokenize(text, body);
    let mut roster = Roster::from_tokens(text, &tokens);
    let (quotes, inputs) = extract_and_read(text, &paragraphs, &mut roster, &tokens, false);
    gate::samples(&quotes, &inputs)
}

fn sentence_at(p: &Paragraph, pos: usize) -> Span {
    // Sentences come in order: the last one starting at or before `pos` is
    // the one, found by binary search (a paragraph may have thousands).
    let k = p.sentences.partition_point(|s| s.start <= pos);
    if let Some(s) = k.checked_sub(1).map(|k| p.sentences[k]).filter(|s| pos < s.end) {
        return s;
    }
    p.sentences
        .iter()
        .copied()
        .find(|s| s.start <= pos && pos < s.end)
        .unwrap_or(p.span)
}

fn attribute(
    text: &str,
    tokens: &[Token],
    paragraphs: &[Paragraph],
    roster: &mut Roster,
    quotes: &mut [Quote],
    dump: bool,
) -> (Vec<gate::GateInput>, Mentions) {
    let mut inputs = vec![gate::GateInput::default(); quotes.len()];
    let quoted: Vec<Span> = quotes.iter().map(|q| q.span).collect();
    roster.forget_quoted(&quoted);
    // The article's mentions, read by the subject checks below.
    let mentions = Mentions::build(text, tokens, roster);
    // The furthest any of the first k quotes reaches (spans only shrink
    // below), so a scan back for quotes that reach a point can stop early.
    let reach: Vec<usize> = (quotes.iter())
        .scan(0, |m, q| {
            *m = q.close.map_or(q.span.end, |c| c.end).max(*m);
            Some(*m)
        })
        .collect();
    // Read once: the first paragraph can be the whole article (one line).
    let headline_title_cased = paragraphs.first().is_some_and(|p| title_cased(p.span.of(text)));
    // The subject of each unattributed quote's own clause, for the
    // speakers propagation gives.
    let mut own_subject: Vec<Option<Span>> = vec![None; quotes.len()];
    for i in 0..quotes.len() {
        if quotes[i].speaker.is_some() {
            continue;
        }
        let q = &quotes[i];
        let para = &paragraphs[q.paragraph];
        let prev_close = (i > 0 && quotes[i - 1].paragraph == q.paragraph)
            .then(|| quotes[i - 1].close.map_or(para.span.end, |c| c.end));
        let next_open = quotes
            .get(i + 1)
            .filter(|n| n.paragraph == q.paragraph)
            .map(|n| n.open.start);
        // Before: from the sentence start (or the previous quote) to the mark.
        let sent = sentence_at(para, q.open.start);
        // Before: from the sentence start, leaving out earlier quotations
        // (their words are someone's speech, not the narration's cue).
        // Only those reaching into the window matter; `reach` says where
        // the scan back can stop.
        let window = Span::new(sent.start.min(q.open.start), q.open.start);
        // A cue sits near its quote: only the last CUE_REACH tokens before
        // the mark are read, so a sentence that runs for pages (a file of
        // quotation marks, one line without stops) stays linear.
        let near = within(tokens, window);
        let window = near
            .len()
            .checked_sub(CUE_REACH)
            .map_or(window, |k| Span::new(near[k].span().start, window.end));
        let from = reach[..i].partition_point(|&end| end <= window.start);
        let earlier: Vec<Span> = quotes[from..i]
            .iter()
            .filter(|p| p.paragraph == q.paragraph && p.kind != QuoteKind::Scare)
            .map(|p| Span::new(p.open.start, p.close.map_or(p.span.end, |c| c.end)))
            .filter(|e| e.end > window.start)
            .collect();
        let before: Vec<Token> = within(tokens, window)
            .iter()
            .filter(|t| !earlier.iter().any(|e| e.contains(t.span())))
            .copied()
            .collect();
        // After: from the closing mark to the end of the next sentence end.
        let after_toks = q.close.map(|c| {
            // Sentences come in order: binary search for the first one
            // ending after the mark.
            let next = para.sentences.partition_point(|s| s.end <= c.end);
            let end = para.sentences.get(next).map_or(para.span.end, |s| s.end);
            let end = next_open.map_or(end, |n| n.min(end)).max(c.end);
            let after = within(tokens, Span::new(c.end, end));
            let toks = after[..after.len().min(CUE_REACH)].to_vec();
            // A quoted sentence closed with a period and followed by a new
            // capitalised sentence ("…an outlaw nation.” Russia insisted …")
            // is not attributed by what follows, except by a dash credit.
            let closed = q.span.of(text).trim_end().ends_with('.');
            let next_word = toks.iter().find(|t| t.is_word());
            let dash = toks.first().is_some_and(|t| matches!(t.text, "-" | "—" | "–" | "―"));
            if closed && !dash && next_word.is_some_and(|t| t.is_capitalized()) && !short_credit(&toks) {
                Vec::new()
            } else {
                toks
            }
        });
        let tight_after = after_toks.as_ref().and_then(|t| cue_after(t, 4));
        let mut cue = cues::opening_according_to(&before)
            .or(tight_after)
            .or_else(|| cue_before(&before))
            .or_else(|| after_toks.as_ref().and_then(|t| cue_after(t, 14)));
        cue = cue.and_then(|c| vetted(text, tokens, &mentions, c, window.start, q.open.start, &earlier));
        if cue.is_none() && q.close.is_none() {
            // The attribution the missing closing mark swallowed.
            if let Some((c, comma)) = cue_inside(within(tokens, q.span)) {
                quotes[i].span = Span::new(quotes[i].span.start, comma.end);
                cue = Some(c);
            }
        }
        let q = &quotes[i];
        let opens_sentence = !before.iter().any(|t| t.is_word());
        if cue.is_none() && opens_sentence && prev_close.is_none() {
            cue = previous_sentence_cue(text, tokens, paragraphs, q, sent);
        }
        if cue.is_none() {
            cue = after_toks.as_deref().and_then(cues::sentence_final_cue);
        }
        if cue.is_none() {
            cue = cues::as_put_it_cue(&before)
                .or_else(|| speech_noun_cue(&before))
                .or_else(|| characterised_as_cue(&before))
                .or_else(|| cues::colon_cue(&before));
        }
        if cue.is_none() && q.paragraph == 0 {
            cue = headline_cue(text, tokens, paragraphs, roster, q);
        }
        if cue.is_none() && !q.span.of(text).trim_end().ends_with('.') {
            cue = after_toks.as_deref().and_then(cues::bare_credit_after);
        }
        if cue.is_none() && q.span.of(text).starts_with(char::is_uppercase) {
            cue = cues::comma_introduction(&before);
        }
        if cue.is_none() {
            cue = credit_line_after(text, tokens, paragraphs, q, after_toks.as_deref());
        }
        if cue.is_none() && q.span.of(text).trim_end().ends_with([',', '?', '!']) {
            // `“…,” Westfield tenants union organizing director Carla Benn
            // told …`: a credit the cue rules' subject grammar missed.
            cue = after_toks
                .as_deref()
                .and_then(gate::after_candidate)
                .map(|(subject, verb)| Cue {
                    subject,
                    verb,
                    rule: "credit-after-descriptor",
                });
        }
        if cue.is_none() {
            cue = introduced::cue(text, &mentions, q, &before, window.start, &earlier);
        }
        let title_line = q.paragraph == 0 && headline_title_cased;
        let kind = classify(text, q, &before, cue.is_some(), title_line);
        quotes[i].kind = kind;
        let q = &quotes[i];
        inputs[i] = gate::read(
            text,
            tokens,
            paragraphs,
            q,
            &before,
            after_toks.as_deref(),
            sent,
            cue.is_some(),
            dump,
        );
        if kind == QuoteKind::Scare {
            continue;
        }
        if cue.is_none() {
            own_subject[i] = cues::own_subject(&before);
        }
        if let Some(cue) = cue {
            if let Some(r) = roster.resolve_within(text, cue.subject, tokens) {
                let mention = cue.subject.of(text).to_lowercase();
                let pronoun = PRONOUNS.contains(&mention.trim_end_matches("’s").trim_end_matches("'s"));
                let entity = r.entity.or_else(|| {
                    (r.name.chars().next().is_some_and(|c| c.is_uppercase()) && !pronoun)
                        .then(|| roster.add_person(&r.name, cue.subject))
                });
                if let Some(e) = entity {
                    roster.note_mention(cue.subject.start, e);
                }
                quotes[i].speaker = Some(Speaker {
                    name: r.name,
                    role: r.role,
                    span: relative_mention(tokens, cue.subject, &cue.verb)
                        .unwrap_or_else(|| name_only(text, tokens, r.name_span.unwrap_or(cue.subject))),
                    entity,
                });
                quotes[i].cue = Some(cue.verb);
                quotes[i].rule = Some(if pronoun { "pronoun" } else { cue.rule });
            }
        }
    }
    propagate(text, tokens, paragraphs, quotes);
    nearest_mention(text, tokens, roster, quotes, &own_subject);
    (inputs, mentions)
}

/// A cue whose subject cannot speak (a place, a time, a number, a
/// capitalised adverb: "Speaking in Salem, New Hampshire, Trump went after
/// Bush, calling him …", "Late Friday, the company said") hangs on the
/// subject of the governing clause instead, read on the mention layer
/// between `from` and the cue's verb; with none there (or a cue after the
/// quote), the cue is dropped and the later rules have their turn.
fn vetted(
    text: &str,
    tokens: &[Token],
    mentions: &Mentions,
    cue: Cue,
    from: usize,
    open: usize,
    earlier: &[Span],
) -> Option<Cue> {
    if mentions.can_speak(text, cue.subject) {
        return Some(cue);
    }
    if cue.subject.end > open {
        return None;
    }
    let verb = cue.verb.split_whitespace().next().unwrap_or("");
    let verb_at = within(tokens, Span::new(cue.subject.end, open))
        .iter()
        .find(|t| t.text == verb)
        .map_or(open, |t| t.span().start);
    let m = mentions.governing_subject(from, verb_at, earlier)?;
    Some(Cue {
        subject: m.span(),
        ..cue
    })
}

/// A speaker mention without a contraction's "’s": in "He’s been …",
/// "Trump’s not …" the annotators mark the name, and the "’s" is a verb.
/// A pronoun's "’s" always is one; a name's is when a verb form, an
/// adverb or a determiner follows ("Trump’s running", "Trump’s a …"),
/// not a noun (a possessive: "Trump’s campaign" is left whole).
pub(crate) fn name_only(text: &str, tokens: &[Token], span: Span) -> Span {
    let mention = span.of(text);
    let Some(stem) = mention.strip_suffix("’s").or_else(|| mention.strip_suffix("'s")) else {
        return span;
    };
    let trimmed = Span::new(span.start, span.start + stem.len());
    let pronoun = matches!(
        crate::lexicon::lowercase(stem).as_str(),
        "he" | "she" | "it" | "who" | "that" | "there" | "what" | "where"
    );
    if pronoun {
        return trimmed;
    }
    let k = tokens.partition_point(|t| t.span().start < span.end);
    let verbal = tokens.get(k).is_some_and(|t| {
        t.is_word()
            && !t.is_capitalized()
            && (t.text.ends_with("ing")
                || t.is_one_of(&[
                    "been", "not", "got", "gone", "done", "never", "always", "also", "just", "still", "already", "a",
                    "an", "the", "very", "so", "said", "told", "made",
                ]))
    });
    if verbal { trimmed } else { span }
}

/// A closed quotation followed by a short sentence that is only its
/// credit ("“… missing.” Trump said."): up to five words before the stop,
/// one of them a speech verb.
fn short_credit(after: &[Token]) -> bool {
    let Some(stop) = after.iter().position(|t| t.is(".")) else {
        return false;
    };
    let words = &after[..stop];
    (2..=5).contains(&words.len())
        && words.iter().all(|t| t.is_word())
        && words.iter().any(|t| t.has(crate::lexicon::class::SPEECH_VERB))
}

/// "Beck, who said …": the relative pronoun is the mention the cue hangs
/// on (the name it stands for is still the speaker's), found between the
/// subject and the cue's verb, a few words on.
/// How many tokens after "who" the relative clause's verb may come.
const RELATIVE_REACH: usize = 7;

fn relative_mention(tokens: &[Token], subject: Span, verb: &str) -> Option<Span> {
    let verb = verb.split_whitespace().next().filter(|v| !v.is_empty())?;
    let from = tokens.partition_point(|t| t.span().start < subject.end);
    let toks = &tokens[from..tokens.len().min(from + 12)];
    for (k, t) in toks.iter().enumerate() {
        if t.text == verb || matches!(t.text, "“" | "”" | "\"" | "." | ":") {
            return None;
        }
        if t.is("who") && k > 0 && toks[k - 1].is(",") {
            // The verb follows the relative clause's start closely, within
            // the clause ("who has in the past described …"), not past a
            // comma that closes it ("who won in 2010, said").
            return (toks[k + 1..].iter().take(RELATIVE_REACH))
                .take_while(|v| !v.is(","))
                .any(|v| v.text == verb)
                .then_some(t.span());
        }
    }
    None
}

/// A speaker carried over from another quote hangs on the quote's own
/// clause subject when that names the same person ("Sanders said …. He
/// commanded the party to “do the right thing”" is "He", not the earlier
/// "Sanders"): the attribution is read where the sentence makes it.
fn nearest_mention(text: &str, tokens: &[Token], roster: &Roster, quotes: &mut [Quote], own_subject: &[Option<Span>]) {
    for (q, subject) in quotes.iter_mut().zip(own_subject) {
        let Some(subject) = *subject else { continue };
        if !matches!(q.rule, Some("same-paragraph" | "floating" | "multi-paragraph")) {
            continue;
        }
        let Some(speaker) = q.speaker.as_mut() else { continue };
        let Some(entity) = speaker.entity else { continue };
        let Some(r) = roster.resolve_within(text, subject, tokens) else {
            continue;
        };
        if r.entity == Some(entity) {
            speaker.span = name_only(text, tokens, r.name_span.unwrap_or(subject));
        }
    }
}

/// A credit on its own line after the quotation's paragraph: `“…”` /
/// `- Bernie Sanders.` / `—Michelle Marks, Philadelphia.`
fn credit_line_after(
    text: &str,
    tokens: &[Token],
    paragraphs: &[Paragraph],
    q: &Quote,
    after: Option<&[Token]>,
) -> Option<Cue> {
    if after.is_some_and(|a| a.iter().any(|t| t.is_word())) {
        return None;
    }
    let close = q.close?;
    let para = &paragraphs[q.paragraph];
    if within(tokens, Span::new(close.end, para.span.end))
        .iter()
        .any(|t| t.is_word())
    {
        return None;
    }
    let next = paragraphs.get(q.paragraph + 1)?;
    let toks = within(tokens, next.span);
    let dash = toks.first().is_some_and(|t| matches!(t.text, "-" | "—" | "–" | "―"));
    if !dash || toks.iter().filter(|t| t.is_word()).count() > 8 || next.span.of(text).contains(['“', '"']) {
        return None;
    }
    // A name and at most a place after a comma ("– An immigrant himself –"
    // is an aside, not a credit).
    let cue = cue_after(toks, 4).filter(|c| c.rule == "dash-credit")?;
    let first = toks.iter().find(|t| t.span().start >= cue.subject.start)?;
    let rest = toks.iter().find(|t| t.span().start >= cue.subject.end);
    let closes = rest.is_none_or(|t| matches!(t.text, "," | "."));
    (closes && !first.has(crate::lexicon::class::FUNCTION_WORD)).then_some(cue)
}

/// A quotation in a headline belongs to the headline's subject: the name
/// before a colon ("Sanders: Clinton needs to ‘get away from …’") or else
/// a person or organisation named in its first two words whom the story also
/// names ("Christie Calls Clinton ‘A Disgrace’"). A headline is a
/// short first paragraph with the story after it.
fn headline_cue(text: &str, tokens: &[Token], paragraphs: &[Paragraph], roster: &Roster, q: &Quote) -> Option<Cue> {
    let head = paragraphs.first()?.span;
    let words = head.of(text).split_whitespace().take(HEADLINE_WORDS + 1).count();
    if paragraphs.len() < 3 || words > HEADLINE_WORDS {
        return None;
    }
    let toks: Vec<Token> = within(tokens, Span::new(head.start, q.open.start))
        .iter()
        .filter(|t| !t.span().overlaps(q.span))
        .copied()
        .collect();
    let cue = |subject: Span| Cue {
        subject,
        verb: String::new(),
        rule: "headline-subject",
    };
    if let Some(colon) = toks.iter().position(|t| t.text == ":") {
        let name = &toks[..colon];
        if (1..=4).contains(&name.len()) && name.iter().all(|t| t.is_capitalized()) {
            return Some(cue(Span::new(name[0].span().start, name[name.len() - 1].span().end)));
        }
    }
    let story = Span::new(head.end, text.len());
    // The subject opens the headline; a name further in is its object
    // ("Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud’").
    toks.iter()
        .filter(|t| t.is_word())
        .take(2)
        .filter(|t| t.is_capitalized())
        .find(|t| {
            roster.entities.iter().any(|e| {
                let named = match e.kind {
                    EntityKind::Person => last_word(&e.name) == t.stem(),
                    EntityKind::Organization => first_word(&e.name) == t.stem(),
                };
                named && e.mentions.iter().any(|m| story.contains(*m))
            })
        })
        .map(|t| cue(Span::new(t.span().start, t.span().start + t.stem().len())))
}

/// Longest first paragraph still read as a headline.
const HEADLINE_WORDS: usize = 25;

/// A quote that opens its sentence with no cue of its own belongs to the
/// speaker of the sentence before ("Calloway told the crowd that …. “My
/// mother worked …”"), or of a previous paragraph ending in a colon.
fn previous_sentence_cue(text: &str, tokens: &[Token], paragraphs: &[Paragraph], q: &Quote, sent: Span) -> Option<Cue> {
    let para = &paragraphs[q.paragraph];
    let prev = para
        .sentences
        .iter()
        .rev()
        .find(|s| s.end <= sent.start)
        .copied()
        .or_else(|| {
            let last = paragraphs.get(q.paragraph.checked_sub(1)?)?.sentences.last().copied()?;
            last.of(text).trim_end().ends_with(':').then_some(last)
        })?;
    let toks = within(tokens, prev);
    // A sentence that itself holds a quotation has its own speaker.
    if toks.iter().any(|t| matches!(t.text, "“" | "”" | "\"")) {
        return None;
    }
    if let Some(cue) = cue_before(toks) {
        return Some(Cue {
            rule: "previous-sentence",
            ..cue
        });
    }
    // "Sanders made the following comment:" introduces the quote with no
    // speech verb: the sentence's subject speaks.
    if !prev.of(text).trim_end().ends_with(':') {
        return None;
    }
    // The subject after any introductory phrase ("On July 6, 2015, Sanders …").
    let subject = cues::clause_subject(toks, toks.len())?;
    Some(Cue {
        subject,
        verb: ":".into(),
        rule: "colon-introduction",
    })
}

/// Quotes without a cue of their own take the speaker of the quote they
/// continue: the same multi-paragraph quotation, an earlier quote in the
/// same paragraph, or the previous paragraph's last quote (floating).
fn propagate(text: &str, tokens: &[Token], paragraphs: &[Paragraph], quotes: &mut [Quote]) {
    // Coordinated quotations share their speaker: "Reid called him a “human
    // leech” and a “spoiled brat”", even when the second alone would read
    // as a term.
    for i in 1..quotes.len() {
        let (prev, q) = (&quotes[i - 1], &quotes[i]);
        if q.speaker.is_some() || prev.speaker.is_none() || !coordinated(text, prev, q) {
            continue;
        }
        share_speaker(quotes, i - 1, i);
    }
    // And back, when the credit follows the later quotation: "Guns are
    // “the gravest crisis we face” and “a plague,” Dean said" (a cue
    // before the first one was read forward above).
    for i in (1..quotes.len()).rev() {
        let (q, next) = (&quotes[i - 1], &quotes[i]);
        let credit_after = matches!(
            next.rule,
            Some("speaker-verb-after-quote" | "verb-before-speaker" | "credit-after-descriptor")
        );
        // A term left a scare quote stays one: the credit is the later
        // quotation's.
        let term = q.kind == QuoteKind::Scare;
        if term || q.speaker.is_some() || next.speaker.is_none() || !credit_after || !coordinated(text, q, next) {
            continue;
        }
        share_speaker(quotes, i, i - 1);
    }
    // Groups first, both directions: the cue often closes the last segment.
    for i in 0..quotes.len() {
        let Some(g) = quotes[i].group else { continue };
        if quotes[i].speaker.is_some() {
            continue;
        }
        // The nearest attributed segment before it, else after it: in a
        // transcript quoted as one block, each label holds until the next.
        let attributed = |q: &&Quote| q.group == Some(g) && q.speaker.is_some();
        let donor = quotes[..i]
            .iter()
            .rev()
            .find(attributed)
            .or_else(|| quotes[i + 1..].iter().find(attributed))
            .cloned();
        if let Some(d) = donor {
            quotes[i].speaker = d.speaker;
            quotes[i].cue = d.cue;
            quotes[i].rule = Some("multi-paragraph");
            quotes[i].kind = QuoteKind::Statement;
        }
    }
    for i in 1..quotes.len() {
        if quotes[i].speaker.is_some() || quotes[i].kind == QuoteKind::Scare {
            continue;
        }
        let prev = quotes[..i].iter().rev().find(|q| q.kind != QuoteKind::Scare).cloned();
        let Some(prev) = prev else { continue };
        if prev.speaker.is_none() {
            continue;
        }
        let q = &quotes[i];
        let para = &paragraphs[q.paragraph];
        let same_para = prev.paragraph == q.paragraph;
        let floating = prev.paragraph + 1 == q.paragraph
            && q.open.start == trim(text, para.span).start
            && last_quote_ends_paragraph(tokens, &paragraphs[prev.paragraph], &prev);
        if same_para || floating {
            quotes[i].speaker = prev.speaker;
            quotes[i].cue = None;
            quotes[i].rule = Some(if same_para { "same-paragraph" } else { "floating" });
        }
    }
}

/// Are `first` and `second` (in that order) quotations of one paragraph
/// joined by a coordinator ("“…” and “…”", "“…,” or a “…”")?
fn coordinated(text: &str, first: &Quote, second: &Quote) -> bool {
    let Some(close) = first.close.filter(|_| first.paragraph == second.paragraph) else {
        return false;
    };
    let gap = &text[close.end.min(second.open.start)..second.open.start];
    let mut words = 0;
    for w in gap
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
    {
        words += 1;
        let joining = matches!(
            crate::lexicon::lowercase(w).as_str(),
            "and" | "or" | "nor" | "a" | "an" | "the" | "as"
        );
        if !joining || words > 3 {
            return false;
        }
    }
    words > 0
}

/// Quote `to` takes the speaker and cue of quote `from` (rule
/// `coordinated`); a scare quote so attributed is a partial quote.
fn share_speaker(quotes: &mut [Quote], from: usize, to: usize) {
    let (speaker, cue) = (quotes[from].speaker.clone(), quotes[from].cue.clone());
    let q = &mut quotes[to];
    if q.kind == QuoteKind::Scare {
        q.kind = QuoteKind::Partial;
    }
    q.speaker = speaker;
    q.cue = cue;
    q.rule = Some("coordinated");
}

/// True when nothing but the attribution follows the quote in its paragraph
/// (so no new person was introduced between it and the next paragraph).
fn last_quote_ends_paragraph(tokens: &[Token], para: &Paragraph, q: &Quote) -> bool {
    let Some(close) = q.close else { return true };
    let rest = Span::new(close.end, para.span.end);
    within(tokens, rest).iter().filter(|t| t.is_word()).count() <= 12
}

/// A line in title case ("Obama Says Museum Will Tell of ‘Suffering and
/// Delight’"), where capitals say nothing about what is quoted.
fn title_cased(line: &str) -> bool {
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase))
        .count();
    words.len() >= 4 && capitalised * 10 >= words.len() * 7
}

fn classify(text: &str, q: &Quote, before: &[Token], has_cue: bool, title_line: bool) -> QuoteKind {
    let content = q.span.of(text);
    // Only short quotes are told apart by length: count up to seven words.
    let n = content.split_whitespace().take(7).count();
    let prev_word = before
        .iter()
        .rev()
        .find(|t| t.is_word())
        .filter(|_| before.last().is_some_and(|t| t.is_word()));
    let prev = prev_word.map(|t| t.lower()).unwrap_or_default();
    let prev2 = before
        .iter()
        .rev()
        .filter(|t| t.is_word())
        .nth(1)
        .map(|t| t.lower())
        .unwrap_or_default();
    // How strongly the words before mark a term rather than speech.
    let explicit = TERM_MARKERS.contains(&prev.as_ref())
        || (prev == "as"
            && matches!(
                prev2.as_ref(),
                "known" | "identified" | "described" | "labeled" | "labelled" | "branded"
            ))
        || prev == "called" && prev2 == "so";
    let determiner = matches!(
        prev.as_ref(),
        "the" | "a" | "an" | "this" | "that" | "these" | "those" | "its" | "their" | "our"
    );
    // "It’s", "that’s" are contractions of "is", not possessives.
    let possessive = prev_word.is_some_and(|t| {
        t.is_possessive()
            && !matches!(
                crate::lexicon::lowercase(t.stem()).as_str(),
                "it" | "that" | "what" | "there" | "here" | "who" | "he" | "she" | "let"
            )
    });
    // "We're America." is a sentence, not a title: it opens with a pronoun.
    let opens_with_pronoun = content.split_whitespace().next().is_some_and(|w| {
        let head = w.split(['’', '\'']).next().unwrap_or(w);
        matches!(
            crate::lexicon::lowercase(head).as_str(),
            "i" | "we" | "you" | "he" | "she" | "they" | "it"
        )
    });
    let title_case = n >= 2
        && !opens_with_pronoun
        && !title_line
        && content.split_whitespace().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                || matches!(w, "of" | "the" | "and" | "a" | "in" | "on" | "for" | "to")
        })
        && (n <= 6 || !content.trim_end_matches(['”', '"', '’']).ends_with(['.', '?', '!']));
    let sentence_like = content.chars().next().is_some_and(|c| c.is_uppercase())
        && content
            .trim_end_matches(['”', '"', '’', '\''])
            .ends_with(['.', '?', '!', ','])
        && n >= 2;
    // A term in quotation marks: marked as one ("so-called"), or, with no
    // speaker in the sentence, a short noun phrase or a title. With a
    // speaker ("Trump called the senator a “nasty guy”"), short quoted
    // words are that speaker's.
    // "what investigators call the “Eastside pipeline”": the quotation
    // names a thing; "called the senator a “nasty guy”" characterises one.
    // But "what he called a “brazen breach”": a named speaker's words.
    let prev3 = before.iter().rev().filter(|t| t.is_word()).nth(2);
    let named_caller =
        prev3.is_some_and(|t| t.is_capitalized() || PRONOUNS.contains(&crate::lexicon::lowercase(t.text).as_str()));
    let naming = determiner
        && n <= 3
        && !named_caller
        && matches!(
            prev2.as_ref(),
            "call" | "calls" | "called" | "dub" | "dubbed" | "name" | "named" | "nicknamed"
        );
    // A programme or work after "on", "of", "in" or a possessive ("said on
    // MSNBC’s “Morning Joe”", "a broadcast of “Fox News Sunday”") is a
    // title even when the sentence has a speaker.
    // One capitalised word is a title there too ("star of television’s
    // “Scandal”", "an interview with “Frontline”").
    let one_title_word = n == 1 && !opens_with_pronoun && content.chars().next().is_some_and(char::is_uppercase);
    let work_title = (title_case || one_title_word)
        && n <= 6
        && (possessive
            || matches!(
                prev.as_ref(),
                "on" | "of" | "in" | "with" | "titled" | "show" | "program" | "programme"
            ));
    let term = naming
        || work_title
        || (explicit && n <= 6)
        || (!has_cue
            && (((determiner || possessive) && n <= 3) || (title_case && n <= 6) || (n <= 4 && !sentence_like)));
    if term && q.group.is_none() {
        return QuoteKind::Scare;
    }
    let mid_sentence =
        before.iter().any(|t| t.is_word()) && !before.last().is_some_and(|t| matches!(t.text, ":" | ","));
    if mid_sentence || content.chars().next().is_some_and(|c| c.is_lowercase()) {
        QuoteKind::Partial
    } else {
        QuoteKind::Statement
    }
}

impl Roster {
    /// Resolves a transcript label ("PENCE") to the person of that surname.
    fn resolve_label(&self, text: &str, label: Span) -> Option<crate::speakers::Resolved> {
        let raw = label.of(text);
        let word = raw.split_whitespace().last()?;
        let mut proper = String::new();
        for (i, c) in word.chars().enumerate() {
            if i == 0 {
                proper.extend(c.to_uppercase());
            } else {
                proper.extend(c.to_lowercase());
            }
        }
        let idx = self
            .entities
            .iter()
            .position(|e| last_word(&e.name).eq_ignore_ascii_case(&proper));
        match idx {
            Some(i) => Some(crate::speakers::Resolved {
                name: self.entities[i].name.clone(),
                role: self.entities[i].role().map(clean_role),
                entity: Some(i),
                name_span: None,
            }),
            None => Some(crate::speakers::Resolved {
                name: proper,
                role: None,
                entity: None,
                name_span: None,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    #[test]
    fn a_relative_pronoun_is_the_mention_and_its_antecedent_the_speaker() {
        let t = "Omar Haddad, who said it twice";
        let toks = tokenize(t, Span::new(0, t.len()));
        let m = relative_mention(&toks, Span::new(0, 11), "said").expect("who");
        assert_eq!(m.of(t), "who");
        // No relative clause: the subject stays the mention.
        let t = "Omar Haddad said, who knows";
        let toks = tokenize(t, Span::new(0, t.len()));
        assert_eq!(relative_mention(&toks, Span::new(0, 11), "said"), None);
        // The verb a few words into the clause, and not past its comma.
        let t = "Omar Haddad, who has in the past described it";
        let toks = tokenize(t, Span::new(0, t.len()));
        let m = relative_mention(&toks, Span::new(0, 11), "described").expect("who");
        assert_eq!(m.of(t), "who");
        let t = "Omar Haddad, who won, said";
        let toks = tokenize(t, Span::new(0, t.len()));
        assert_eq!(relative_mention(&toks, Span::new(0, 11), "said"), None);
    }

    #[test]
    fn a_credit_with_a_long_descriptor_after_the_quote() {
        let t = "Headline here\n\nThe rent board met on Monday.\n\n“We have waited long enough,” Westfield tenants union organizing director Carla Benn told the board.\n";
        let qs = run(t);
        assert_eq!(qs.len(), 1);
        let s = qs[0].speaker.as_ref().expect("speaker");
        assert_eq!(s.span.of(t), "Carla Benn");
        assert_eq!(qs[0].rule, Some("credit-after-descriptor"));
    }

    fn run(t: &str) -> Vec<Quote> {
        let paras = segment(t, 0);
        let mut roster = Roster::build(t, Span::new(0, t.len()));
        extract_quotes(t, &paras, &mut roster)
    }

    fn speaker_of(t: &str, qs: &[Quote], starts: &str) -> Option<String> {
        let q = qs
            .iter()
            .find(|q| q.span.of(t).starts_with(starts))
            .expect("quote found");
        q.speaker.as_ref().map(|s| s.name.clone())
    }

    #[test]
    fn credits_with_verbs_the_lexicon_lacks_are_read_from_their_shape() {
        let t = "Notes from the hall\n\nThe delegates stood on their chairs.\n\n“What a night!” beamed Carla Mendes of Tulsa.\n\n“Is that all?” Ostrander scoffed.\n\nVance continues, “The plan is weak.”\n\n“We lost,” she sighed.\n\nThe “fair deal” won praise at first.\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "What a night").as_deref(), Some("Carla Mendes"));
        assert_eq!(speaker_of(t, &qs, "Is that all").as_deref(), Some("Ostrander"));
        assert_eq!(speaker_of(t, &qs, "The plan is").as_deref(), Some("Vance"));
        let q = qs.iter().find(|q| q.span.of(t).starts_with("We lost")).expect("quote");
        assert_eq!(q.rule, Some("pronoun"));
        assert_eq!(speaker_of(t, &qs, "fair deal"), None);
    }

    #[test]
    fn a_described_speaker_after_the_verb_keeps_its_head() {
        let t = "Talks\n\nThe meeting went long.\n\n\"It was not convincing,\" said one aide familiar with the talks, who asked not to be named.\n\n\"He will work for you,\" said the 46-year-old.\n";
        let qs = run(t);
        let q = qs.iter().find(|q| q.span.of(t).starts_with("It was")).expect("quote");
        assert_eq!(q.speaker.as_ref().map(|s| s.span.of(t)), Some("one aide familiar"));
        let q = qs.iter().find(|q| q.span.of(t).starts_with("He will")).expect("quote");
        assert_eq!(q.speaker.as_ref().map(|s| s.span.of(t)), Some("the 46-year-old"));
    }

    #[test]
    fn a_participle_after_a_main_clause_speaks_for_its_subject() {
        let t = "Rally in the rain\n\nThen Ostrander turned on Bell, calling him a \"stiff\" on stage.\n\nThe retired colonel began by talking about roads, saying they were \"a national disgrace.\"\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "stiff").as_deref(), Some("Ostrander"));
        let q = qs
            .iter()
            .find(|q| q.span.of(t).starts_with("a national"))
            .expect("quote");
        assert_eq!(q.speaker.as_ref().map(|s| s.span.of(t)), Some("The retired colonel"));
    }

    #[test]
    fn a_colon_after_a_clause_behind_an_introductory_phrase() {
        let t = "Back home\n\nMayor Lena Ortiz toured the plant.\n\nBut back in Tulsa, Ortiz returned to her familiar lines: \"We will rebuild.\"\n\nThen, later that month on a radio show: \"We are done.\"\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "We will").as_deref(), Some("Lena Ortiz"));
        assert_eq!(speaker_of(t, &qs, "We are done"), None);
    }

    #[test]
    fn an_abbreviated_state_in_an_appositive_does_not_end_the_clause() {
        let t = "Vote tally\n\nThe vote was close.\n\n\"We will override the veto,\" Rep. Janet Oduya, D-Ore., said on Friday.\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "We will").as_deref(), Some("Janet Oduya"));
    }

    #[test]
    fn a_dash_credit_on_the_next_line_names_the_speaker() {
        let t = "Quotable\n\nThe week in words.\n\n\"Taxes on the rich are too low.\"\n\n- Ellen Ballard, Denver.\n\n\"We are on our way.\"\n\n– Ready for the fight –.\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "Taxes").as_deref(), Some("Ellen Ballard"));
        assert_eq!(speaker_of(t, &qs, "We are"), None);
    }

    #[test]
    fn a_carried_speaker_hangs_on_the_quotes_own_subject() {
        let t = "Rally\n\n\"We won,\" Sen. Dale Price said at the rally. He urged the party to \"open its doors to everyone who works.\"\n";
        let qs = run(t);
        let q = qs.iter().find(|q| q.span.of(t).starts_with("open")).expect("quote");
        let sp = q.speaker.as_ref().expect("speaker");
        assert_eq!(sp.name, "Dale Price");
        assert_eq!(sp.span.of(t), "He");
    }

    #[test]
    fn confidence_follows_the_rule_and_needs_a_speaker() {
        let t = "“We will win,” Mayor Dana Ruiz said.\nThe so-called “fast lane” opened.\n";
        let qs = run(t);
        let c = qs[0].confidence().expect("attributed");
        assert!((0.0..=1.0).contains(&c) && c > 0.9);
        assert_eq!(qs[1].confidence(), None);
    }

    #[test]
    fn a_colon_after_any_clause_or_a_credit_line_introduces_the_speaker() {
        let t = "Analyst Mark Mahaney agreed: “They have a great brand.”\n\
                 Dana Whitfield, The Boston Globe: “The city is broke.”\n\
                 The hearing ran late.\n\
                 “Budget hearings begin,” by the Herald’s Tom Reyes: “The council met.”\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "They have"), Some("Mark Mahaney".into()));
        assert_eq!(speaker_of(t, &qs, "The city"), Some("Dana Whitfield".into()));
        // An excerpt credited to its article's byline is not speech.
        assert_eq!(speaker_of(t, &qs, "The council"), None);
        assert_eq!(speaker_of(t, &qs, "Budget"), None);
    }

    #[test]
    fn descriptors_before_a_name_after_the_quote() {
        let t = "“Three of them are gone,” pediatrician Lena Ruiz says.\n\
                 Councilman Tom Alvarez spoke.\n“We didn't discuss that,” a smiling Alvarez said.\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "Three"), Some("Lena Ruiz".into()));
        assert_eq!(speaker_of(t, &qs, "We didn't"), Some("Tom Alvarez".into()));
    }

    #[test]
    fn a_clause_after_the_verb_is_not_an_inverted_speaker() {
        let t = "The ruling released Friday said the claim was “without merit.”\n";
        let qs = run(t);
        assert_ne!(speaker_of(t, &qs, "without"), Some("claim was".into()));
    }

    #[test]
    fn a_credit_closing_the_sentence_attributes_a_quote_inside_it() {
        let t = "Couple growth with a “candidate who is a lightning rod” and residents get nervous, said Lena Ortiz.\n";
        assert_eq!(speaker_of(t, &run(t), "candidate"), Some("Lena Ortiz".into()));
    }

    #[test]
    fn a_one_word_programme_title_is_not_speech() {
        let t = "Dana Whitfield, star of television’s “Scandal,” thanked the mayor.\n";
        assert_eq!(speaker_of(t, &run(t), "Scandal"), None);
    }

    #[test]
    fn according_to_after_the_quote_still_reads_as_one_phrase() {
        // Regression (issue 16): the mined list must not make "according" a
        // verb of its own.
        let t = "“The production includes new material,” according to Judicial Watch.\n";
        assert_eq!(speaker_of(t, &run(t), "The production"), Some("Judicial Watch".into()));
    }

    #[test]
    fn a_sentence_opening_with_according_to_is_that_sources_quotation() {
        let t = "The levy vote\n\nAccording to the Harlow Gazette, Mayor Dana Pell said the levy was “a fair deal for the town.”\n\nDana Pell said “we will see” about it.\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "a fair deal"), Some("Harlow Gazette".into()));
        // Without the opening phrase, the speech verb's subject speaks.
        assert_eq!(speaker_of(t, &qs, "we will see"), Some("Dana Pell".into()));
    }

    #[test]
    fn the_subject_of_an_as_put_it_clause_speaks() {
        let t = "Budget talks\n\nOr, as Tomas Verhoek, a former treasurer of the county, put it: “The money was never there.”\n\nThe deal was, as he puts it, “a bridge to nowhere.”\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "The money"), Some("Tomas Verhoek".into()));
        assert_eq!(speaker_of(t, &qs, "a bridge"), Some("Tomas Verhoek".into()));
    }

    #[test]
    fn descriptors_before_an_inverted_speaker() {
        let t = "“It is a hot item,” said conservative activist Bob Klaus.\n\
                 “She did not ask,” said one former executive who requested anonymity.\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "It is"), Some("Bob Klaus".into()));
        assert!(speaker_of(t, &qs, "She did").is_some_and(|s| s.contains("executive")));
    }

    #[test]
    fn mined_cue_verbs_attribute_quotes() {
        // Issue 16: verbs the hand list lacked ("conceded", "mused").
        let t = "Mayor Dana Whitfield spoke last.\n“We lost the vote,” Whitfield conceded.\n\
                 “It was a long night,” Councilman Ray Ortiz mused.\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "We lost"), Some("Dana Whitfield".into()));
        assert_eq!(speaker_of(t, &qs, "It was a long"), Some("Ray Ortiz".into()));
    }

    #[test]
    fn a_capitalised_noun_used_as_a_verb_is_no_cue() {
        // "Worried" opens a title-case line; "reports" is a noun here.
        let t = "Mayor Dana Whitfield spoke.\n\
                 That’s when she pointed to reports that Whitfield called the plan “a fraud” in 2019.\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "a fraud"), Some("Dana Whitfield".into()));
    }

    #[test]
    fn a_sentence_opening_description_is_the_speaker_not_its_first_word() {
        let t = "Small groups of protesters marched downtown while chanting, “No more cuts.”\n";
        assert_eq!(
            speaker_of(t, &run(t), "No more"),
            Some("Small groups of protesters".into())
        );
    }

    #[test]
    fn speaker_and_verb_after_quote() {
        let t = "Tom Homan spoke.\n“Public safety demands it,” Homan said.\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "Public"), Some("Tom Homan".into()));
        assert_eq!(qs[0].rule, Some("speaker-verb-after-quote"));
    }

    #[test]
    fn a_short_credit_sentence_after_a_closed_quote_attributes_it() {
        let t = "Ines Varga spoke at the pier.\n“The harbour will reopen in March.” Varga said.\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "The harbour"), Some("Ines Varga".into()));
    }

    #[test]
    fn a_place_or_an_opener_is_not_the_speaker_the_governing_subject_is() {
        let t = "Campaigning at a diner in Dover, Delaware, Ines Varga went after Moss, calling him “a tired act.”\n\
                 Early in the race, Tomas Reyes attacked Varga, calling her “a drifter.”\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "a tired"), Some("Ines Varga".into()));
        assert_eq!(speaker_of(t, &qs, "a drifter"), Some("Tomas Reyes".into()));
    }

    #[test]
    fn verb_then_speaker_with_role_after_quote() {
        let t = "“We had maybe 20 minutes,” said Ruth Enders, the county's sheriff.\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "We had"), Some("Ruth Enders".into()));
        assert_eq!(qs[0].rule, Some("verb-before-speaker"));
    }

    #[test]
    fn characterising_verb_gives_a_short_quote_to_the_subject() {
        let t = "Mayor Dana Whitfield likened the proposal to a “blank check” for developers.\n\
                 The auditor rated the claim “mostly false.”\n\
                 The plan creates what planners call the “river district” downtown.\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "blank check"), Some("Dana Whitfield".into()));
        assert_eq!(qs[0].rule, Some("characterising-verb"));
        // A term the narration uses is still nobody's.
        assert_eq!(speaker_of(t, &qs, "river district"), None);
        let t = "Mayor Dana Whitfield took to the radio to accuse the council of being “asleep.”\n\
                 Councilman Ray Ortiz openly admires the governor as a “steady hand.”\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "asleep"), Some("Dana Whitfield".into()));
        assert_eq!(speaker_of(t, &qs, "steady hand"), Some("Ray Ortiz".into()));
    }

    #[test]
    fn headline_quote_belongs_to_the_headline_subject() {
        let t = "Okafor: Transit cuts would be ‘a disaster’ for riders\n\
                 Council member Grace Okafor said Monday that the cuts go too far.\n\
                 “Riders deserve better,” Okafor said.\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "a disaster"), Some("Grace Okafor".into()));
        assert_eq!(qs[0].rule, Some("headline-subject"));
        let t = "Whitfield Calls Budget Deal ‘A Win’ For Taxpayers\n\
                 Mayor Dana Whitfield praised the deal on Tuesday.\n\
                 “It keeps every library open,” Whitfield said.\n";
        assert_eq!(speaker_of(t, &run(t), "A Win"), Some("Dana Whitfield".into()));
        // A name later in the headline is its object, not its speaker.
        let t = "Parents Rip Whitfield Over ‘Broken Promises’\n\
                 Mayor Dana Whitfield defended the plan.\n\
                 “We kept our word,” Whitfield said.\n";
        assert_eq!(speaker_of(t, &run(t), "Broken Promises"), None);
    }

    #[test]
    fn a_name_inside_the_quote_is_not_the_pronoun_speaker() {
        let t = "That worries Marcus Bell, a precinct captain in Dade County.\n\
                 “No one writes songs for her. Robert Lane got three,” he said.\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "No one"), Some("Marcus Bell".into()));
        assert_eq!(qs[0].rule, Some("pronoun"));
    }

    #[test]
    fn subject_after_an_introductory_phrase_is_the_pronoun_speaker() {
        let t = "Senator Alan Booker said the plan had merit.\n\
                 In an interview with a local station, General Tom Ostrander made it clear he had doubts.\n\
                 “The training budget is gone,” he told the host.\n";
        assert_eq!(speaker_of(t, &run(t), "The training"), Some("Tom Ostrander".into()));
    }

    #[test]
    fn programme_titles_are_not_speech_even_with_a_speaker() {
        let t = "Senator Alan Booker said on WXYZ’s “Morning Roundtable” that the plan failed.\n\
                 Booker said on “Capitol Week” that it was “a total mess.”\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "Morning Roundtable"), None);
        assert_eq!(speaker_of(t, &qs, "Capitol Week"), None);
        assert_eq!(speaker_of(t, &qs, "a total mess"), Some("Alan Booker".into()));
    }

    #[test]
    fn speakers_behind_adverbs_affiliations_modifiers_and_kin_words() {
        let t = "Lamenting the weather, farmers often say, “Rain never comes when you want it.”\n\
                 “It was the least bad outcome,” Ms. Ortega of the Prairie Trust said.\n\
                 “Subpoenas are not optional,” committee Chairman Rep. Paul Dunmore (R-Ohio) said.\n\
                 “We were poor but proud,” my grandmother always said.\n\
                 Ruth Ortega spoke first.\n\
                 Victor Hale voted no. He then defended the vote, saying, “It was the right call.”\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "Rain never"), Some("farmers".into()));
        assert_eq!(speaker_of(t, &qs, "It was the least"), Some("Ruth Ortega".into()));
        assert_eq!(speaker_of(t, &qs, "Subpoenas"), Some("Paul Dunmore".into()));
        assert_eq!(speaker_of(t, &qs, "We were poor"), Some("my grandmother".into()));
        assert_eq!(speaker_of(t, &qs, "It was the right"), Some("Victor Hale".into()));
    }

    #[test]
    fn progressive_verbs_documents_and_as_clauses() {
        let t = "Mayor Dana Whitfield’s doctor is calling the mayor “fit as a fiddle.”\n\
                 The rule requires a \"lawful source of income,\" as a Treasury Department memo put it.\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "fit as"), Some("Whitfield’s doctor".into()));
        assert_eq!(speaker_of(t, &qs, "lawful source"), Some("Treasury Department".into()));
    }

    #[test]
    fn what_a_named_speaker_called_something_is_theirs() {
        let t = "Secretary General Ana Ruiz condemned what she called a “brazen breach” of the treaty.\n\
                 The money moved through what investigators call the “Eastside pipeline.”\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "brazen"), Some("Ana Ruiz".into()));
        assert_eq!(speaker_of(t, &qs, "Eastside"), None);
    }

    #[test]
    fn a_shorter_name_of_an_organisation_is_the_same_organisation() {
        let t = "The United Nations Security Council met on Friday.\n\
                 Later, the Security Council issued a statement.\n\
                 “We will act,” the Security Council said.\n";
        assert_eq!(
            speaker_of(t, &run(t), "We will act"),
            Some("United Nations Security Council".into())
        );
    }

    #[test]
    fn the_main_clause_subject_outranks_a_reported_one() {
        let t = "Tyra Banks said Hillary Clinton doesn’t show consistency.\n\
                 “It only comes up after a video,” she said.\n";
        assert_eq!(speaker_of(t, &run(t), "It only"), Some("Tyra Banks".into()));
        // but not a subordinate clause's subject.
        let t = "While Robert Lane had many songs, that worries Marcus Bell, a precinct captain.\n\
                 “Nobody sings for us,” he said.\n";
        assert_eq!(speaker_of(t, &run(t), "Nobody"), Some("Marcus Bell".into()));
    }

    #[test]
    fn reported_speech_is_attributed_to_its_source() {
        let t = "Governor Lena Marsh said at a rally that her rival once described the tax as “a fair deal.”\n\
                 After Marsh spoke, Mayor Tom Reyes called the plan “a fantasy.”\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "a fair deal"), Some("Lena Marsh".into()));
        assert_eq!(qs[0].rule, Some("outer-speaker"));
        assert_eq!(speaker_of(t, &qs, "a fantasy"), Some("Tom Reyes".into()));
    }

    #[test]
    fn a_possessive_before_a_speech_noun_is_the_source() {
        let t = "Auditors checked Mayor Tom Reyes’s claim that there were “thousands of ghost voters” in 2024.\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "thousands"), Some("Tom Reyes".into()));
        assert_eq!(qs[0].rule, Some("speech-noun"));
    }

    #[test]
    fn characterised_as_belongs_to_the_clause_subject() {
        let t = "Senator Ada Klein has gone after the governor as a “budget arsonist” for weeks.\n\
                 The program is known as “Fresh Start” in the county.\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "budget arsonist"), Some("Ada Klein".into()));
        assert_eq!(qs[0].rule, Some("characterised-as"));
        assert_eq!(speaker_of(t, &qs, "Fresh Start"), None);
    }

    #[test]
    fn a_short_sentence_opening_with_a_pronoun_is_speech_not_a_title() {
        let t = "Mayor Ruth Okafor spoke at the opening.\n\
                 “We are not a burden,” Okafor said. “We’re Brookfield.”\n";
        assert_eq!(speaker_of(t, &run(t), "We’re Brookfield"), Some("Ruth Okafor".into()));
    }

    #[test]
    fn dashed_asides_description_subjects_and_opening_subject_phrases() {
        let t = "Lena Ortiz, the head of Bay Media -- the firm that owns the station -- told me, “We sell airtime.”\n\
                 At the forum, one questioner claimed that the “forces of inertia” were to blame.\n\
                 Officials at the Port Authority, a unit of the state, said the plan “cannot work.”\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "We sell"), Some("Lena Ortiz".into()));
        assert_eq!(speaker_of(t, &qs, "forces of inertia"), Some("one questioner".into()));
        assert_eq!(speaker_of(t, &qs, "cannot work"), Some("Port Authority".into()));
    }

    #[test]
    fn a_clause_before_a_colon_or_comma_speaks_for_the_sentence_it_introduces() {
        let t = "Mayor Dana Ruiz met the council on Monday.\n\
            Ruiz waved off the hecklers at the back of the hall, then leaned in and thundered: “We will not raise the levy this year.”\n\
            Hours later, Ruiz thanked the staff, telling the Ledger, “Nobody here has had a weekend off since June.”\n\
            That record prompted the county board, which meets weekly, to state, “The levy stays where it is for now.”\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "We will not").as_deref(), Some("Dana Ruiz"));
        assert_eq!(rule_of(t, &qs, "We will not"), Some(introduced::RULE));
        assert_eq!(speaker_of(t, &qs, "Nobody here").as_deref(), Some("Dana Ruiz"));
        // The clause's subject is a description of a thing: no speaker.
        assert_ne!(rule_of(t, &qs, "The levy stays"), Some(introduced::RULE));
    }

    #[test]
    fn a_party_or_place_before_the_descriptors_of_an_inverted_speaker() {
        let t = "“The delay costs us a season,” said Republican county chair Nora Quist, though she added more.\n\
            “We will be back,” said Ohio delegate Sam Brill.\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "The delay").as_deref(), Some("Nora Quist"));
        assert_eq!(speaker_of(t, &qs, "We will").as_deref(), Some("Sam Brill"));
    }

    #[test]
    fn a_credit_after_the_second_of_two_coordinated_quotations_covers_both() {
        let t = "Mayor Dana Ruiz spoke on Monday.\n\
            The levy is “the gravest threat to the budget we have seen” and “a tax on every family in town,” Ruiz told the council.\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "a tax on").as_deref(), Some("Dana Ruiz"));
        assert_eq!(speaker_of(t, &qs, "the gravest").as_deref(), Some("Dana Ruiz"));
        assert_eq!(rule_of(t, &qs, "the gravest"), Some("coordinated"));
    }

    #[test]
    fn a_contractions_s_is_not_part_of_the_speaker_mention() {
        let t = "He’s been saying it. Trump’s not done. Trump’s campaign said so. Ruiz’s running.";
        let toks = tokenize(t, Span::new(0, t.len()));
        let span_of = |w: &str| {
            let at = t.find(w).unwrap();
            Span::new(at, at + w.len())
        };
        let trimmed = |w: &str| name_only(t, &toks, span_of(w)).of(t).to_string();
        assert_eq!(trimmed("He’s"), "He");
        assert_eq!(trimmed("Trump’s"), "Trump");
        assert_eq!(trimmed("Ruiz’s"), "Ruiz");
        // A possessive before a noun stays whole; a plain name is untouched.
        let campaign = t.find("Trump’s campaign").unwrap();
        let possessive = Span::new(campaign, campaign + "Trump’s".len());
        assert_eq!(name_only(t, &toks, possessive).of(t), "Trump’s");
        assert_eq!(trimmed("Ruiz"), "Ruiz");
    }

    #[test]
    fn a_pronoun_speakers_contraction_is_trimmed_in_the_output() {
        let t = "Mayor Dana Ruiz spoke on Monday.\n\
            She’s said the levy is “a tax on every family in town” for weeks.\n";
        let qs = run(t);
        let q = qs.iter().find(|q| q.span.of(t).starts_with("a tax")).unwrap();
        let s = q.speaker.as_ref().expect("the pronoun speaks");
        assert_eq!(s.span.of(t), "She");
        assert_eq!(s.name, "Dana Ruiz");
    }

    #[test]
    fn colon_introduces_quote() {
        let t = "Jane Smith said: “The budget is balanced.”\n";
        assert_eq!(speaker_of(t, &run(t), "The budget"), Some("Jane Smith".into()));
    }

    #[test]
    fn second_part_belongs_to_the_same_speaker() {
        let t = "“It is done,” Jane Smith said. “We move on.”\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "We move"), Some("Jane Smith".into()));
        assert_eq!(qs[1].rule, Some("same-paragraph"));
    }

    #[test]
    fn floating_quote_continues_previous_speaker() {
        let t = "“It is done,” said Jane Smith.\n“We move on now to the next thing.”\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "We move"), Some("Jane Smith".into()));
        assert_eq!(qs[1].rule, Some("floating"));
    }

    #[test]
    fn multi_paragraph_quote_is_one_group_and_not_unbalanced() {
        let t = "Jane Smith said: “First part of it.\n“Second part of it.”\n";
        let qs = run(t);
        assert_eq!(qs.len(), 2);
        assert!(qs.iter().all(|q| !q.unbalanced));
        assert_eq!(qs[0].group, qs[1].group);
        assert_eq!(speaker_of(t, &qs, "Second"), Some("Jane Smith".into()));
    }

    #[test]
    fn unclosed_quote_without_reopening_is_unbalanced() {
        let t = "“We will stay as long as it takes, Abernathy told reporters.\nVolunteers served meals.\n";
        let qs = run(t);
        assert!(qs[0].unbalanced);
    }

    #[test]
    fn scare_quotes_have_no_speaker() {
        let t = "Tom Homan, the administration’s “border czar,” signaled plans to arrest “alien offenders.”\n";
        let qs = run(t);
        assert!(qs.iter().all(|q| q.kind == QuoteKind::Scare && q.speaker.is_none()));
    }

    #[test]
    fn partial_quote_in_reported_speech() {
        let t = "The developers engaged in a “massive eight-year fraudulent scheme” to deceive buyers, Attorney General Jane Roe said.\n";
        let qs = run(t);
        assert_eq!(qs[0].kind, QuoteKind::Partial);
        assert_eq!(speaker_of(t, &qs, "massive"), Some("Jane Roe".into()));
    }

    #[test]
    fn apostrophes_are_not_quote_marks() {
        let t = "The voters’ choice in the ’90s wasn’t easy, Smith said.\n";
        assert!(run(t).is_empty());
    }

    #[test]
    fn a_reversed_apostrophe_inside_a_word_is_no_quote_mark() {
        let t = "The senator‘s plan, Okafor said, would cut the city‘s ‘rainy day’ fund.\n";
        let qs = run(t);
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].span.of(t), "rainy day");
    }

    #[test]
    fn nyt_double_apostrophes_pair() {
        let t = "''This isn't reform,'' said Douglas Holtz-Eakin, an economist.\n";
        let qs = run(t);
        assert_eq!(qs.len(), 1);
        assert_eq!(speaker_of(t, &qs, "This isn't"), Some("Douglas Holtz-Eakin".into()));
    }

    #[test]
    fn transcript_label_is_the_speaker() {
        let t = "Gov. Mike Pence spoke.\n\"PENCE: Well, look, this is serious.\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "Well"), Some("Mike Pence".into()));
        assert_eq!(qs[0].rule, Some("transcript-label"));
    }

    #[test]
    fn a_quoted_transcript_keeps_each_label_until_the_next() {
        let t = "Chris Wallace questioned Gov. Mike Pence.\n\
                 \"WALLACE: Will she be at the debate?\n\
                 \"PENCE: Well, look, that is a distraction.\n\
                 \"The real question is jobs.\"\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "The real question"), Some("Mike Pence".into()));
        assert_eq!(speaker_of(t, &qs, "Will she"), Some("Chris Wallace".into()));
    }

    #[test]
    fn dash_credit_names_the_speaker() {
        let t = "“Roads will reopen soon.” -Commissioner Jane Doe\n";
        assert_eq!(speaker_of(t, &run(t), "Roads"), Some("Jane Doe".into()));
    }

    #[test]
    fn an_organisation_described_before_it_is_named_is_the_next_one_named() {
        let t = "The state’s largest union has branded the plan a “pension raid.”\n\
                 Organizers with the Federation of Public Workers put the crowd at 12,000.\n";
        assert_eq!(
            speaker_of(t, &run(t), "pension raid"),
            Some("Federation of Public Workers".into())
        );
    }

    #[test]
    fn a_document_speaks_for_the_issuer_named_after_it() {
        let t = "According to a civil complaint filed by the federal Securities and Exchange Commission, \
                 the developers ran a “massive eight-year fraudulent scheme.”\n";
        assert_eq!(
            speaker_of(t, &run(t), "massive"),
            Some("Securities and Exchange Commission".into())
        );
    }

    #[test]
    fn a_bare_surname_is_the_person_the_story_already_calls_so() {
        let t = "Senator Ted Crane spoke on Monday. Crane said he would not endorse.\n\
                 His wife, Heidi Crane, watched from the gallery.\n\
                 “I am not in the habit of supporting people who attack my wife,” Crane said.\n";
        assert_eq!(speaker_of(t, &run(t), "I am not"), Some("Ted Crane".into()));
    }

    #[test]
    fn the_subject_of_a_relative_clause_is_salient() {
        let t = "The losses would outstrip the gains, said Lena Park.\n\
                 It is a campaign issue, with Senator Ann Lee — who has called for tax hikes — attacking the plan.\n\
                 “It is trickle-down all over again,” she said.\n";
        assert_eq!(speaker_of(t, &run(t), "It is trickle"), Some("Ann Lee".into()));
    }

    #[test]
    fn coordinated_quotations_share_the_speaker() {
        let t = "Senator Ada Klein has gone after the governor as a “budget arsonist” and a “spoiled heir.”\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "spoiled heir"), Some("Ada Klein".into()));
        assert_eq!(qs[1].rule, Some("coordinated"));
    }

    #[test]
    fn a_described_subject_of_coordinated_verbs_speaks() {
        let t = "Donald Trump, the Republican nominee, spoke in Virginia.\n\
                 The Republican nominee also outlined his plan and vowed to punish “those who leak.”\n";
        assert_eq!(speaker_of(t, &run(t), "those who leak"), Some("Donald Trump".into()));
    }

    #[test]
    fn agency_said_resolves_to_organisation() {
        let t = "The Harbor County Sheriff’s Office made arrests. “We acted on tips,” the office said.\n";
        assert_eq!(
            speaker_of(t, &run(t), "We acted"),
            Some("Harbor County Sheriff’s Office".into())
        );
    }

    #[test]
    fn odd_marks_do_not_break_the_rest() {
        let t = "He said \"this never closes.\n“Fine words,” said Jane Smith.\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "Fine words"), Some("Jane Smith".into()));
    }

    fn rule_of(t: &str, qs: &[Quote], starts: &str) -> Option<&'static str> {
        qs.iter()
            .find(|q| q.span.of(t).starts_with(starts))
            .and_then(|q| q.rule)
    }

    #[test]
    fn appositive_between_speaker_and_verb() {
        let t = "“The ward is full,” Hugh Hill, a doctor at Mercy General Hospital, said on Friday.\n";
        assert_eq!(speaker_of(t, &run(t), "The ward"), Some("Hugh Hill".into()));
    }

    #[test]
    fn senator_with_party_appositive_and_title_back_reference() {
        let t =
            "Sen. Charles E. Grassley, Republican of Iowa, opposed the bill.\n“It is a bad bill,” the senator said.\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "It is"), Some("Charles E. Grassley".into()));
    }

    #[test]
    fn surname_back_reference_and_honorific_gender() {
        let t =
            "Mayor Jane Okafor and Councilman Lee Park met.\nMs. Okafor spoke first. “We will rebuild,” she said.\n";
        assert_eq!(speaker_of(t, &run(t), "We will"), Some("Jane Okafor".into()));
    }

    #[test]
    fn organisations_and_documents_as_sources() {
        let t = "The Harbor Transit Authority closed the line.\n“Service resumes Monday,” the authority said in a statement.\n";
        assert_eq!(
            speaker_of(t, &run(t), "Service"),
            Some("Harbor Transit Authority".into())
        );
        let t = "The developers took $200 million, according to court records, in a “brazen scheme to defraud investors.”\n";
        let qs = run(t);
        assert_eq!(qs[0].kind, QuoteKind::Partial);
        assert_eq!(speaker_of(t, &qs, "brazen"), Some("court records".into()));
    }

    #[test]
    fn told_reporters_wrote_and_tweeted() {
        for (t, who) in [
            ("“We are not leaving,” Dana Ruiz told reporters.\n", "Dana Ruiz"),
            (
                "“The program must end,” Gov. Ann Lee wrote in a letter to lawmakers.\n",
                "Ann Lee",
            ),
            ("“Big win tonight!” Mark Ortiz tweeted.\n", "Mark Ortiz"),
        ] {
            assert_eq!(speaker_of(t, &run(t), "").as_deref(), Some(who), "{t}");
        }
    }

    #[test]
    fn consecutive_quote_paragraphs_of_one_speaker() {
        let t = "“We were ready,” said coach Tom Reyes.\n“We practised all week.”\n“Nobody gave up.”\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "Nobody"), Some("Tom Reyes".into()));
        assert_eq!(rule_of(t, &qs, "Nobody"), Some("floating"));
    }

    #[test]
    fn quote_after_a_new_person_is_not_floating() {
        let t = "“We were ready,” said coach Tom Reyes.\nThe visiting coach, Ann Bell, disagreed strongly with the calls made by the officials all night long.\n“The referees decided it.”\n";
        let qs = run(t);
        assert_ne!(speaker_of(t, &qs, "The referees"), Some("Tom Reyes".into()));
    }

    #[test]
    fn scare_quote_after_speech_is_still_a_term_when_marked() {
        let t = "The mayor said the so-called “modernization plan” would fail.\n";
        assert_eq!(run(t)[0].kind, QuoteKind::Scare);
    }

    #[test]
    fn partial_quote_after_characterising_verb() {
        let t = "Gov. Ann Lee called the proposal “reckless and cruel” on Monday.\n";
        let qs = run(t);
        assert_eq!(qs[0].kind, QuoteKind::Partial);
        assert_eq!(speaker_of(t, &qs, "reckless"), Some("Ann Lee".into()));
    }

    #[test]
    fn curly_quotes_nested_in_a_straight_quote() {
        let t = "\"PENCE: Hillary Clinton thinks this is an episode of “Shark Tank.” But this is America.\n";
        let qs = run(t);
        assert!(
            qs[0].span.of(t).ends_with("But this is America."),
            "{:?}",
            qs[0].span.of(t)
        );
    }

    #[test]
    fn reversed_opening_mark_still_opens() {
        let t = "”Mr. Trump embodies the legacy of racism.” ― Sonya Herridge\n";
        let qs = run(t);
        assert_eq!(speaker_of(t, &qs, "Mr. Trump"), Some("Sonya Herridge".into()));
    }
}
