//! The editor's review page: one self-contained HTML file (inline CSS and
//! JS from `data/report/`, nothing fetched) showing each article as the
//! reader sees it, with quotes in their speaker's colour, claims
//! underlined, findings in the margin beside their paragraph, and the
//! worksheet's verdicts on their items.
//!
//! Every piece of text that comes from an article, a file name or a
//! worksheet goes through [`escape_into`], the one escaping function. The
//! page builder only accepts `&'static str` as raw markup, so a dynamic
//! string cannot reach the page unescaped.

use std::collections::HashMap;

use crate::Analysis;
use crate::checks::Severity;
use crate::render::jsonl::roster_rows;
use crate::render::{Fnv1a, Ids, check_status};
use crate::span::Span;

const CSS: &str = include_str!("../../data/report/report.css");
const JS: &str = include_str!("../../data/report/report.js");

/// Item id → verdict, from a worksheet's `verdict` column.
pub type Verdicts = HashMap<String, String>;

/// The verdicts entered in a worksheet's rows.
pub fn verdicts(sheet: &crate::worksheet::Worksheet) -> Verdicts {
    sheet
        .rows
        .iter()
        .filter_map(|r| {
            let v = r.get("verdict")?.trim();
            (!v.is_empty()).then(|| (r.get("id").unwrap_or_default().to_string(), v.to_string()))
        })
        .collect()
}

/// Appends `s` to `out` with `& < > " '` replaced by character references:
/// safe in text and in double- or single-quoted attributes.
pub fn escape_into(out: &mut String, s: &str) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

/// [`escape_into`] into a new string.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// Markup under construction: raw markup is static, everything else is
/// escaped on the way in.
#[derive(Default)]
struct Html(String);

impl Html {
    fn raw(&mut self, s: &'static str) -> &mut Self {
        self.0.push_str(s);
        self
    }
    fn text(&mut self, s: &str) -> &mut Self {
        escape_into(&mut self.0, s);
        self
    }
    fn num(&mut self, n: usize) -> &mut Self {
        self.0.push_str(&n.to_string());
        self
    }
}

/// A quote's confidence (0–1, [`crate::quotes::Quote::confidence`]: the
/// speaker ranker's probability, or the rule's measured precision) at or
/// above which the page calls its speaker `high`.
const HIGH_CONFIDENCE: f32 = 0.8;

/// At or above this (and below [`HIGH_CONFIDENCE`]) the page says `medium`;
/// below it, `low`.
const MEDIUM_CONFIDENCE: f32 = 0.5;

/// How sure the attribution is, in words, from the quote's `confidence`
/// (the same figure the JSON Lines and the worksheet give), so the page
/// and the exports sort doubt alike.
fn confidence(q: &crate::quotes::Quote) -> &'static str {
    match q.confidence() {
        None => "none (unattributed)",
        Some(c) if c >= HIGH_CONFIDENCE => "high",
        Some(c) if c >= MEDIUM_CONFIDENCE => "medium",
        Some(_) => "low",
    }
}

/// What a stretch of text belongs to.
#[derive(Clone, Copy)]
enum Mark {
    Quote(usize),
    Claim(usize),
    /// A finding's own span or one of its related spans.
    Finding(usize),
}

struct Item {
    span: Span,
    mark: Mark,
}

/// One article's part of the page, rendered in parallel with the rest.
pub struct ArticlePage {
    pub name: String,
    html: String,
    roster: Vec<crate::render::jsonl::RosterRow>,
    /// Findings by severity: info, warning, error.
    pub severities: [usize; 3],
}

fn sev_index(s: Severity) -> usize {
    match s {
        Severity::Info => 0,
        Severity::Warning => 1,
        Severity::Error => 2,
    }
}

/// Per-item hover texts and classes, computed once.
struct Labels {
    quote_class: Vec<usize>,
    quote_title: Vec<String>,
    claim_title: Vec<String>,
}

fn labels(a: &Analysis, ids: &Ids, verdicts: &Verdicts, roster: &[crate::render::jsonl::RosterRow]) -> Labels {
    let mut quote_class = Vec::with_capacity(a.quotes.len());
    let mut quote_title = Vec::with_capacity(a.quotes.len());
    for (q, id) in a.quotes.iter().zip(&ids.quotes) {
        let colour = q
            .speaker
            .as_ref()
            .and_then(|s| roster.iter().position(|r| r.name == s.name))
            .map_or(0, |i| i % 8 + 1);
        quote_class.push(colour);
        let mut t = String::from("quote · speaker: ");
        match &q.speaker {
            Some(s) => {
                t.push_str(&s.name);
                t.push_str(" · role: ");
                t.push_str(s.role.as_deref().unwrap_or("none given"));
            }
            None => t.push_str("unattributed"),
        }
        t.push_str(" · rule: ");
        t.push_str(q.rule.unwrap_or("none"));
        t.push_str(" · confidence: ");
        t.push_str(confidence(q));
        if let Some(v) = verdicts.get(id) {
            t.push_str(" · verdict: ");
            t.push_str(v);
        }
        quote_title.push(t);
    }
    let claim_title = a
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (status, notes) = check_status(a, i);
            let mut t = format!("claim ({}) · value: {}", c.kind.as_str(), c.value.display());
            t.push_str(" · checks: ");
            t.push_str(status);
            if !notes.is_empty() {
                t.push_str(" — ");
                t.push_str(&notes);
            }
            if let Some(s) = &c.source {
                t.push_str(" · source: ");
                t.push_str(s);
            }
            if let Some(v) = verdicts.get(&ids.claims[i]) {
                t.push_str(" · verdict: ");
                t.push_str(v);
            }
            t
        })
        .collect();
    Labels {
        quote_class,
        quote_title,
        claim_title,
    }
}

/// Writes `text[x..y]` as one run, marked by the items covering it.
fn segment(h: &mut Html, a: &Analysis, ids: &Ids, labels: &Labels, covering: &[&Item], x: usize, y: usize) {
    let Some(piece) = a.document.text.get(x..y) else {
        return;
    };
    if covering.is_empty() {
        h.text(piece);
        return;
    }
    let mut class = String::new();
    let mut title = String::new();
    let mut findings = String::new();
    for it in covering {
        match it.mark {
            Mark::Quote(i) => {
                class.push_str(" q s");
                class.push_str(&labels.quote_class[i].to_string());
                title.push_str(&labels.quote_title[i]);
                title.push('\n');
            }
            Mark::Claim(i) => {
                class.push_str(" c");
                title.push_str(&labels.claim_title[i]);
                title.push('\n');
            }
            Mark::Finding(i) => {
                if findings.is_empty() {
                    class.push_str(" fx");
                } else {
                    findings.push(' ');
                }
                findings.push_str(&ids.findings[i]);
            }
        }
    }
    h.raw("<span class=\"").text(class.trim_start()).raw("\"");
    if !findings.is_empty() {
        h.raw(" data-f=\"").text(&findings).raw("\"");
    }
    if !title.is_empty() {
        h.raw(" title=\"").text(title.trim_end()).raw("\"");
    }
    h.raw(">").text(piece).raw("</span>");
}

/// A verdict badge after an item that has one.
fn badge(h: &mut Html, verdict: Option<&String>) {
    if let Some(v) = verdict {
        h.raw("<span class=\"vb\">").text(v).raw("</span>");
    }
}

/// The item spans of an analysis, sorted by start.
fn items(a: &Analysis) -> Vec<Item> {
    let mut out = Vec::with_capacity(a.quotes.len() + a.claims.len() + a.findings.len() * 2);
    out.extend(a.quotes.iter().enumerate().map(|(i, q)| Item {
        span: q.span,
        mark: Mark::Quote(i),
    }));
    out.extend(a.claims.iter().enumerate().map(|(i, c)| Item {
        span: c.span,
        mark: Mark::Claim(i),
    }));
    for (i, f) in a.findings.iter().enumerate() {
        for s in std::iter::once(&f.span).chain(&f.related) {
            out.push(Item {
                span: *s,
                mark: Mark::Finding(i),
            });
        }
    }
    out.retain(|it| it.span.start < it.span.end);
    out.sort_by_key(|it| it.span.start);
    out
}

/// The verdict of the item, if the worksheet gave one.
fn verdict_of<'v>(it: &Item, ids: &Ids, verdicts: &'v Verdicts) -> Option<&'v String> {
    match it.mark {
        Mark::Quote(i) => verdicts.get(&ids.quotes[i]),
        Mark::Claim(i) => verdicts.get(&ids.claims[i]),
        Mark::Finding(_) => None,
    }
}

/// One paragraph's text, cut where items begin and end.
fn paragraph(h: &mut Html, cx: (&Analysis, &Ids, &Labels, &Verdicts), span: Span, active: &[&Item]) {
    let (a, ids, labels, verdicts) = cx;
    let mut cuts = vec![span.start, span.end];
    for it in active {
        for p in [it.span.start, it.span.end] {
            if p > span.start && p < span.end {
                cuts.push(p);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    for w in cuts.windows(2) {
        let (x, y) = (w[0], w[1]);
        let covering: Vec<&Item> = active
            .iter()
            .copied()
            .filter(|it| it.span.start <= x && it.span.end >= y)
            .collect();
        segment(h, a, ids, labels, &covering, x, y);
        for it in active.iter().filter(|it| it.span.end == y) {
            badge(h, verdict_of(it, ids, verdicts));
        }
    }
}

/// One finding in the margin.
fn finding(h: &mut Html, a: &Analysis, ids: &Ids, verdicts: &Verdicts, i: usize) {
    let f = &a.findings[i];
    let (line, _) = a.document.line_col(f.span.start);
    let sev = f.severity.as_str();
    let class: &'static str = match f.severity {
        Severity::Info => "finding sev-info",
        Severity::Warning => "finding sev-warning",
        Severity::Error => "finding sev-error",
    };
    h.raw("<button type=\"button\" class=\"").raw(class).raw("\" id=\"");
    h.text(&ids.findings[i]).raw("\" data-sev=\"").text(sev).raw("\">");
    h.raw("<b>")
        .text(sev)
        .raw("</b> <code>")
        .text(f.check)
        .raw("</code> line ")
        .num(line);
    h.raw("<br>").text(&f.message);
    badge(h, verdicts.get(&ids.findings[i]));
    h.raw("</button>");
}

/// Renders one article's part of the page.
pub fn article(a: &Analysis, verdicts: &Verdicts) -> ArticlePage {
    let ids = Ids::of(a);
    let roster = roster_rows(a);
    let labels = labels(a, &ids, verdicts, &roster);
    let items = items(a);
    let text = a.document.text.as_str();
    let mut h = Html::default();
    let name = crate::render::article_name(&a.document.path).to_string();
    h.raw("<h2>").text(&name).raw("</h2>");
    let meta: Vec<String> = [
        a.document.title.clone(),
        a.document.byline.clone(),
        a.document.published.map(|d| d.to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !meta.is_empty() {
        h.raw("<p class=\"meta\">").text(&meta.join(" · ")).raw("</p>");
    }
    // Findings go beside the paragraph their span starts in.
    let pars = &a.paragraphs;
    let mut margin: Vec<Vec<usize>> = vec![Vec::new(); pars.len().max(1)];
    for (i, f) in a.findings.iter().enumerate() {
        let p = pars
            .partition_point(|p| p.span.end <= f.span.start)
            .min(margin.len() - 1);
        margin[p].push(i);
    }
    if a.document.body_start > 0 {
        if let Some(head) = text.get(..a.document.body_start) {
            h.raw("<div class=\"row\"><p class=\"para head\">")
                .text(head.trim())
                .raw("</p><aside></aside></div>");
        }
    }
    let mut next = 0;
    let mut active: Vec<&Item> = Vec::new();
    for (k, p) in pars.iter().enumerate() {
        while next < items.len() && items[next].span.start < p.span.end {
            active.push(&items[next]);
            next += 1;
        }
        active.retain(|it| it.span.end > p.span.start);
        let (line, _) = a.document.line_col(p.span.start);
        h.raw("<div class=\"row\"><p class=\"para\" data-line=\"")
            .num(line)
            .raw("\">");
        paragraph(&mut h, (a, &ids, &labels, verdicts), p.span, &active);
        h.raw("</p><aside>");
        for &i in &margin[k] {
            finding(&mut h, a, &ids, verdicts, i);
        }
        h.raw("</aside></div>");
    }
    if pars.is_empty() {
        h.raw("<div class=\"row\"><p class=\"para\">")
            .text(text)
            .raw("</p><aside>");
        for &i in &margin[0] {
            finding(&mut h, a, &ids, verdicts, i);
        }
        h.raw("</aside></div>");
    }
    let mut severities = [0; 3];
    for f in &a.findings {
        severities[sev_index(f.severity)] += 1;
    }
    ArticlePage {
        name,
        html: h.0,
        roster,
        severities,
    }
}

/// The source roster of every article, at the top of the page.
fn roster_table(h: &mut Html, pages: &[ArticlePage]) {
    h.raw("<details open><summary>Sources</summary><table class=\"roster\"><thead><tr><th>Speaker</th><th>Kind</th><th>Roles</th><th>Quotes</th><th>Article</th></tr></thead><tbody>");
    for (k, p) in pages.iter().enumerate() {
        for r in &p.roster {
            let colour = p.roster.iter().position(|x| x.name == r.name).map_or(0, |i| i % 8 + 1);
            h.raw("<tr><td><span class=\"q s")
                .num(colour)
                .raw("\">")
                .text(&r.name)
                .raw("</span></td><td>");
            h.text(r.kind)
                .raw("</td><td>")
                .text(&r.roles.join("; "))
                .raw("</td><td>")
                .num(r.quotes);
            h.raw("</td><td><a href=\"#art-")
                .num(k + 1)
                .raw("\">")
                .text(&p.name)
                .raw("</a></td></tr>");
        }
    }
    h.raw("</tbody></table></details>");
}

/// The whole page for a run's articles and its cross-article findings.
pub fn page(pages: &[ArticlePage], cross: &[crate::cross::CrossFinding]) -> String {
    let mut body = Html::default();
    let mut totals = [0; 3];
    for p in pages {
        for (t, n) in totals.iter_mut().zip(p.severities) {
            *t += n;
        }
    }
    body.raw("<header><h1>factsheet review</h1><p class=\"summary\">")
        .num(pages.len())
        .raw(" article(s) · ");
    body.raw("<span class=\"sev-error\">")
        .num(totals[2])
        .raw(" error</span> · ");
    body.raw("<span class=\"sev-warning\">")
        .num(totals[1] + cross.len())
        .raw(" warning</span> · ");
    body.raw("<span class=\"sev-info\">")
        .num(totals[0])
        .raw(" info</span></p>");
    body.raw("<nav><ol>");
    for (k, p) in pages.iter().enumerate() {
        body.raw("<li><a href=\"#art-")
            .num(k + 1)
            .raw("\">")
            .text(&p.name)
            .raw("</a> (");
        let n: usize = p.severities.iter().sum();
        body.num(n)
            .raw(if n == 1 { " finding)</li>" } else { " findings)</li>" });
    }
    body.raw("</ol></nav>");
    body.raw("<p class=\"keys\"><label>Filter findings <input id=\"filter\" type=\"search\" placeholder=\"/ to filter\"></label> <kbd>j</kbd>/<kbd>k</kbd> next/previous finding, <kbd>/</kbd> filter. <span id=\"shown\"></span></p>");
    roster_table(&mut body, pages);
    body.raw("</header><main>");
    for (k, p) in pages.iter().enumerate() {
        body.raw("<section class=\"article\" id=\"art-").num(k + 1).raw("\">");
        body.0.push_str(&p.html);
        body.raw("</section>");
    }
    if !cross.is_empty() {
        body.raw("<section class=\"cross\"><h2>Across articles</h2><ul>");
        for f in cross {
            body.raw("<li><b>warning</b> <code>")
                .text(f.check)
                .raw("</code> ")
                .text(&f.message)
                .raw("</li>");
        }
        body.raw("</ul></section>");
    }
    body.raw("</main>");
    // The nonce lets the page's own style and script run and nothing else
    // (no inline handlers): a second wall behind the escaping.
    let mut h = Fnv1a::new();
    h.bytes(body.0.as_bytes());
    let nonce = format!("{:016x}", h.0);
    let mut out = String::with_capacity(body.0.len() + CSS.len() + JS.len() + 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'\">"
    ));
    out.push_str("<link rel=\"icon\" href=\"data:,\"><title>factsheet review</title>");
    out.push_str(&format!("<style nonce=\"{nonce}\">{CSS}</style></head><body>"));
    out.push_str(&body.0);
    out.push_str(&format!("<script nonce=\"{nonce}\">{JS}</script></body></html>\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_replaces_every_markup_character() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("plain “curly” text"), "plain “curly” text");
    }

    #[test]
    fn confidence_words_follow_the_quotes_confidence() {
        let text = "Mayor Dana Ruiz spoke on Monday.\n\
            “We will not raise the levy this year,” Ruiz said.\n\
            Critics called the plan a “shell game” at the hearing.\n";
        let paras = crate::segment::segment(text, 0);
        let mut roster = crate::speakers::Roster::build(text, crate::span::Span::new(0, text.len()));
        let quotes = crate::quotes::extract_quotes(text, &paras, &mut roster);
        assert!(quotes.len() >= 2);
        for q in &quotes {
            let word = confidence(q);
            match q.confidence() {
                None => assert_eq!(word, "none (unattributed)"),
                Some(c) if c >= HIGH_CONFIDENCE => assert_eq!(word, "high"),
                Some(c) if c >= MEDIUM_CONFIDENCE => assert_eq!(word, "medium"),
                Some(_) => assert_eq!(word, "low"),
            }
        }
        let mut q = quotes[0].clone();
        assert!(q.speaker.is_some(), "the credited quote has a speaker");
        // The same rule reads differently as its confidence moves.
        q.learned = Some(0.95);
        assert_eq!(confidence(&q), "high");
        q.learned = Some(0.6);
        assert_eq!(confidence(&q), "medium");
        q.learned = Some(0.2);
        assert_eq!(confidence(&q), "low");
        q.speaker = None;
        assert_eq!(confidence(&q), "none (unattributed)");
    }
}
