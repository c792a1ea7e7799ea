//! Output formats, one file each, behind [`Format`]. Shared here: stable
//! item ids and the per-item views (line:column, check status) that every
//! format shows the same way.

pub mod html;
pub mod jsonl;
pub mod line;
pub mod review;
pub mod sarif;
pub mod table;

use crate::Analysis;
use crate::span::Span;

/// What goes to stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Jsonl,
    /// `path:line:col: severity [check] message`, one finding a line.
    Line,
    /// One SARIF 2.1.0 log for the run.
    Sarif,
}

/// FNV-1a: stable across runs, platforms and Rust versions (unlike
/// `DefaultHasher`), which ids must be.
struct Fnv1a(u64);

impl Fnv1a {
    fn new() -> Self {
        Fnv1a(0xcbf29ce484222325)
    }
    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x100000001b3);
        }
    }
    /// A part, with the separator that ends each part.
    fn part(&mut self, p: &str) {
        self.bytes(p.as_bytes());
        self.bytes(&[0xff]);
    }
    /// A part as [`normalise`] would give it: words joined by single
    /// spaces, in lower case, hashed without building the string.
    fn normalised_part(&mut self, p: &str) {
        if p.is_ascii() {
            // The same, byte by byte: runs of whitespace become one space.
            let mut h = self.0;
            let mut gap = false;
            let mut started = false;
            for &b in p.as_bytes() {
                if matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
                    gap = started;
                    continue;
                }
                if gap {
                    h ^= u64::from(b' ');
                    h = h.wrapping_mul(0x100000001b3);
                    gap = false;
                }
                started = true;
                h ^= u64::from(b.to_ascii_lowercase());
                h = h.wrapping_mul(0x100000001b3);
            }
            self.0 = h;
            self.bytes(&[0xff]);
            return;
        }
        // Without a capital sigma (whose lower case depends on where it
        // stands in its word), lower-casing a word is lower-casing each
        // character: one pass over the characters, nothing allocated.
        if !p.contains('Σ') {
            self.normalised_chars(p);
            return;
        }
        let mut buf = [0u8; 4];
        for (k, word) in p.split_whitespace().enumerate() {
            if k > 0 {
                self.bytes(b" ");
            }
            if word.is_ascii() {
                let mut h = self.0;
                for &b in word.as_bytes() {
                    h ^= u64::from(b.to_ascii_lowercase());
                    h = h.wrapping_mul(0x100000001b3);
                }
                self.0 = h;
            } else {
                // Whole words, for the context-dependent final sigma.
                for c in word.to_lowercase().chars() {
                    self.bytes(c.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
        self.bytes(&[0xff]);
    }

    /// [`normalised_part`](Self::normalised_part) of a text without a
    /// capital sigma, character by character: the same bytes hashed as
    /// splitting on whitespace and lower-casing each word would give.
    fn normalised_chars(&mut self, p: &str) {
        const PRIME: u64 = 0x100000001b3;
        let mut h = self.0;
        let (mut gap, mut started) = (false, false);
        let mut buf = [0u8; 4];
        for c in p.chars() {
            if c.is_whitespace() {
                gap = started;
                continue;
            }
            if gap {
                h = (h ^ u64::from(b' ')).wrapping_mul(PRIME);
                gap = false;
            }
            started = true;
            if c.is_ascii() {
                h = (h ^ u64::from(c.to_ascii_lowercase() as u8)).wrapping_mul(PRIME);
                continue;
            }
            for l in c.to_lowercase() {
                for &b in l.encode_utf8(&mut buf).as_bytes() {
                    h = (h ^ u64::from(b)).wrapping_mul(PRIME);
                }
            }
        }
        self.0 = h;
        self.bytes(&[0xff]);
    }
}

/// The article's name for ids: the file name, so moving a folder keeps ids.
pub fn article_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

#[cfg(test)]
fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Ids for a list of items: prefix + hash of (article, type, text), with
/// `-2`, `-3` … for repeats of the same text.
fn ids<'a, 't>(article: &str, prefix: &str, items: impl Iterator<Item = (&'a str, &'t str)>) -> IdList {
    // Every id starts with the article's name: hash it once.
    let mut after_article = Fnv1a::new();
    after_article.part(article);
    let hashes: Vec<u64> = items
        .map(|(ty, text)| {
            let mut h = Fnv1a(after_article.0);
            h.part(ty);
            h.normalised_part(text);
            h.0 & 0xffff_ffff_ffff
        })
        .collect();
    // Which repeat of its hash each item is (1 for the first): positions
    // sorted by hash then place, instead of a map of every hash beside
    // the ids (a text of counts has half a million).
    let mut order: Vec<u32> = (0..hashes.len() as u32).collect();
    order.sort_unstable_by_key(|&i| (hashes[i as usize], i));
    let mut repeat = vec![0u32; hashes.len()];
    for (k, &i) in order.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| order[p] as usize);
        repeat[i as usize] = match prev {
            Some(p) if hashes[p] == hashes[i as usize] => repeat[p] + 1,
            _ => 1,
        };
    }
    drop(order);
    let mut list = IdList {
        text: String::with_capacity(hashes.len() * (prefix.len() + 13)),
        ends: Vec::with_capacity(hashes.len()),
    };
    for (&hash, &n) in hashes.iter().zip(&repeat) {
        let out = &mut list.text;
        out.push_str(prefix);
        out.push('-');
        // Twelve lower-case hex digits, as `{:012x}` would write them.
        for k in (0..12).rev() {
            out.push(char::from(b"0123456789abcdef"[((hash >> (4 * k)) & 0xf) as usize]));
        }
        if n > 1 {
            out.push('-');
            out.push_str(&n.to_string());
        }
        list.ends.push(out.len() as u32);
    }
    list
}

/// A list of ids, kept in one string (one allocation, not one per id: a
/// long article has hundreds of thousands of claims).
#[derive(Debug, Clone, Default)]
pub struct IdList {
    text: String,
    ends: Vec<u32>,
}

impl IdList {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p] as usize);
        Some(&self.text[start..end])
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| &self[i])
    }
}

impl std::ops::Index<usize> for IdList {
    type Output = str;

    fn index(&self, i: usize) -> &str {
        self.get(i).expect("id index in range")
    }
}

impl<'a> IntoIterator for &'a IdList {
    type Item = &'a str;
    type IntoIter = Box<dyn Iterator<Item = &'a str> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

/// Stable ids of an analysis' quotes, claims and findings.
pub struct Ids {
    pub quotes: IdList,
    pub claims: IdList,
    pub findings: IdList,
    pub attributions: IdList,
}

impl Ids {
    pub fn of(a: &Analysis) -> Ids {
        let name = article_name(&a.document.path);
        let text = a.document.text.as_str();
        Ids {
            quotes: ids(name, "q", a.quotes.iter().map(|q| ("quote", q.span.of(text)))),
            claims: ids(name, "c", a.claims.iter().map(|c| (c.kind.as_str(), c.span.of(text)))),
            findings: ids(name, "f", a.findings.iter().map(|f| (f.check, f.message.as_str()))),
            attributions: ids(
                name,
                "a",
                a.attributions.iter().map(|t| ("attribution", t.extent().of(text))),
            ),
        }
    }
}

/// A claim's check status and notes: `passed`, `failed` or `unchecked`
/// (no check decided), and "check: why" for each check that looked at it.
pub fn check_status(a: &Analysis, claim: usize) -> (&'static str, String) {
    let mut notes = String::new();
    let status = push_check_notes(a, claim, &mut notes);
    (status, notes)
}

/// Appends [`check_status`]'s notes to `out` and returns the status.
pub fn push_check_notes(a: &Analysis, claim: usize, out: &mut String) -> &'static str {
    // "check: note; check: note", built in one pass: every claim row asks.
    // Notes of checks that could not decide are shown but decide nothing.
    let (mut any, mut decided, mut failed) = (false, false, false);
    let order = &a.notes_by_claim;
    let first = order.partition_point(|&i| (a.notes[i as usize].claim as usize) < claim);
    let mine = order[first..]
        .iter()
        .map(|&i| &a.notes[i as usize])
        .take_while(|n| n.claim as usize == claim);
    let cx = a.check_context();
    for n in mine {
        if any {
            out.push_str("; ");
        }
        any = true;
        decided |= !n.undecided;
        failed |= !n.passed && !n.undecided;
        out.push_str(n.check());
        out.push_str(": ");
        n.push_words(&cx, &a.note_text, out);
    }
    match (decided, failed) {
        (false, _) => "unchecked",
        (true, true) => "failed",
        (true, false) => "passed",
    }
}

/// 1-based line and column of a span's start.
pub fn line_col(a: &Analysis, span: Span) -> (usize, usize) {
    a.document.line_col(span.start)
}

/// Text safe to print on a terminal: line breaks and tabs become spaces,
/// and other control characters (ESC, BEL, the rest of C0, DEL and C1)
/// are shown as their Unicode control pictures (`␛`, `␇`) or as `\u{9b}`,
/// so an article cannot set the terminal's title or clear the screen.
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
            '\u{7f}' => out.push('␡'),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// [`visible`], keeping line breaks and tabs: for whole texts.
pub fn visible_text(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t')) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for line in s.split_inclusive('\n') {
        let (body, nl) = line.strip_suffix('\n').map_or((line, ""), |b| (b, "\n"));
        for part in body.split('\t').enumerate() {
            if part.0 > 0 {
                out.push('\t');
            }
            out.push_str(&visible(part.1));
        }
        out.push_str(nl);
    }
    std::borrow::Cow::Owned(out)
}

/// Text on one line: line breaks become spaces.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_one_line(&mut out, s);
    out
}

/// Appends [`one_line`]`(s)` to `out` (most spans have no line break, so
/// this copies without searching character by character).
pub fn push_one_line(out: &mut String, s: &str) {
    if memchr::memchr2(b'\n', b'\r', s.as_bytes()).is_some() {
        out.extend(s.chars().map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c }));
    } else {
        out.push_str(s);
    }
}

/// The sentence around a position, for context columns.
pub fn context(a: &Analysis, span: Span) -> String {
    let mut out = String::new();
    context_text(a, span).push_to(&mut out);
    out
}

/// The text [`context`] shows, found once (rows size their text by it
/// before writing it).
pub(crate) enum ContextText<'a> {
    /// The sentence (or sentences) around the span: shown on one line.
    Sentence(&'a str),
    /// Outside any sentence: the span's own text, as it is.
    Own(&'a str),
}

impl ContextText<'_> {
    pub fn len(&self) -> usize {
        match self {
            ContextText::Sentence(s) | ContextText::Own(s) => s.len(),
        }
    }

    /// Appends [`context`]'s text to `out`.
    pub fn push_to(&self, out: &mut String) {
        match self {
            ContextText::Sentence(s) => push_one_line(out, s),
            ContextText::Own(s) => out.push_str(s),
        }
    }
}

pub(crate) fn context_text(a: &Analysis, span: Span) -> ContextText<'_> {
    let text = a.document.text.as_str();
    // Paragraphs and their sentences are in text order: search, don't scan.
    let p = a.paragraphs.partition_point(|p| p.span.end <= span.start);
    if let Some(p) = a.paragraphs.get(p) {
        let k = p.sentences.partition_point(|s| s.end <= span.start);
        if let Some(s) = p.sentences.get(k).filter(|s| s.start <= span.start) {
            let end = s.end.max(span.end.min(p.span.end));
            return ContextText::Sentence(&text[s.start..end]);
        }
    }
    ContextText::Own(span.of(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 20: an article must not drive the terminal.
    #[test]
    fn control_characters_are_made_visible() {
        let evil = "Title\u{1b}]0;pwned\u{7}\u{1b}[2J and\tmore\u{9b}31m\u{7f}";
        let v = visible(evil);
        assert!(!v.chars().any(char::is_control), "{v:?}");
        assert_eq!(v, "Title␛]0;pwned␇␛[2J and more\\u{9b}31m␡");
        assert_eq!(visible("plain “text”"), "plain “text”");
        assert_eq!(visible_text("a\u{1b}b\n\tc\r\n"), "a␛b\n\tc \n");
    }

    /// Ids are stored in journalists' worksheets, so the streamed hash must
    /// equal the hash of the normalised string it replaced.
    #[test]
    fn streamed_id_hash_equals_the_hash_of_the_normalised_text() {
        for text in [
            "Six-day  operation\nin BOSTON",
            "\t lead and trail \r\n",
            "one\x0bvertical\x0ctab",
            "  “Border czar”  ",
            "ΣΟΦΟΣ ΛΟΓΟΣ said Ms. Éloïse",
            "\u{a0}ZOË\u{2009}ÉLAN  “İstanbul’s”\u{3000}Ǆ ",
            "",
        ] {
            let mut streamed = Fnv1a::new();
            streamed.part("a.txt");
            streamed.part("quote");
            streamed.normalised_part(text);
            let mut whole = Fnv1a::new();
            whole.part("a.txt");
            whole.part("quote");
            whole.part(&normalise(text));
            assert_eq!(streamed.0, whole.0, "{text}");
        }
    }
}
