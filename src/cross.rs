//! Checks across the articles of a batch: the same quotation given to
//! different speakers, one person named or titled differently, and the same
//! figure for the same event given different values. Each article leaves a
//! small [`Digest`], folded into a [`Batch`] that keeps a few numbers per
//! quotation, person and figure and each name once, so a batch of any size
//! keeps little in memory; the checks compare items through keyed indexes,
//! never all pairs.

use std::sync::Arc;

use serde::Serialize;

use crate::Analysis;
use crate::checks::names::{bare_words, looks_like_person, one_slip_between_people};
use crate::claims::{ClaimKind, Value};
use crate::lexicon::ROLE_MODIFIERS;
use crate::quotes::QuoteKind;
use crate::render::article_name;
use crate::span::Span;
use crate::speakers::EntityKind;
use crate::speakers::{first_word, last_word};

/// The checks across articles, with a one-line description each.
pub const CHECKS: &[(&str, &str)] = &[
    (
        "cross-quote-speaker",
        "The same quotation is given to different speakers in different articles.",
    ),
    (
        "cross-name-variant",
        "One person's name is spelled two ways across articles.",
    ),
    (
        "cross-role-variant",
        "One person is given different titles across articles.",
    ),
    (
        "cross-figure",
        "The same count of the same thing over the same dates has different values across articles.",
    ),
];

/// Where one kept item is: its span and, as an editor names it, its line
/// and column. Offsets fit in 32 bits (inputs are at most 64 MiB).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
struct At {
    start: u32,
    end: u32,
    line: u32,
    column: u32,
}

impl At {
    fn of(a: &Analysis, span: Span) -> At {
        let (line, column) = a.document.line_col(span.start);
        let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        At {
            start: small(span.start),
            end: small(span.end),
            line: small(line),
            column: small(column),
        }
    }

    fn span(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// What one article contributes to the cross-article checks: the hash of
/// each attributed quotation's words (not the words), the people with
/// their first title, and the dated counts. Built in parallel, one per
/// article, then folded into a [`Batch`].
#[derive(Debug, Clone, Default)]
pub struct Digest {
    /// The article's path as given, for `path:line:col` places; its name
    /// is derived from it.
    path: Box<str>,
    /// (hash of the normalised words, speaker, place) of attributed quotes.
    quotes: Vec<(u64, Box<str>, At)>,
    /// (name, first title, first mention) of people.
    people: Vec<(Box<str>, Option<Box<str>>, At)>,
    /// (counted noun as written, date range, value, place) of exact counts
    /// in a paragraph that also gives the event's dates.
    figures: Vec<(Box<str>, Box<str>, f64, At)>,
}

/// A hash of a quotation's words, lower-cased and stripped of the
/// punctuation around them, so the same words quoted with other marks or
/// capitals meet. Hashing the words as they are read keeps no copy of them.
fn words_hash(s: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = std::hash::DefaultHasher::new();
    let mut buf = [0u8; 4];
    for w in s.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        for c in w.to_lowercase().chars() {
            let c = if c == '’' { '\'' } else { c };
            h.write(c.encode_utf8(&mut buf).as_bytes());
        }
        // A separator no character's UTF-8 holds: "ab c" is not "a bc".
        h.write_u8(0xff);
    }
    h.finish()
}

/// Singular form of the counted noun, so "arrests" meets "arrest".
fn stem(noun: &str) -> &str {
    let n = noun.trim_end_matches("ed");
    n.strip_suffix('s').unwrap_or(n)
}

impl Digest {
    pub fn of(a: &Analysis) -> Digest {
        let text = a.document.text.as_str();
        let quotes = a
            .quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Scare && q.span.of(text).split_whitespace().count() >= 6)
            .filter_map(|q| {
                // A description ("candidate") may be anyone the other
                // article names: only names are compared.
                let speaker = q.speaker.as_ref().filter(|s| s.name.starts_with(char::is_uppercase))?;
                let speaker = speaker.name.as_str().into();
                Some((words_hash(q.span.of(text)), speaker, At::of(a, q.span)))
            })
            .collect();
        let people = a
            .roster
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person && e.name.contains(' '))
            .filter_map(|e| {
                let title = e.titles.first().map(|(t, _)| t.as_str().into());
                Some((e.name.as_str().into(), title, At::of(a, *e.mentions.iter().min()?)))
            })
            .collect();
        // The first date range of each paragraph, found in one pass: a
        // figure is dated by its paragraph's window.
        let mut windows: rustc_hash::FxHashMap<u32, &Value> = rustc_hash::FxHashMap::default();
        for r in a.claims.iter().filter(|r| matches!(r.value, Value::DateRange(..))) {
            windows.entry(r.paragraph).or_insert(&r.value);
        }
        let mut figures = Vec::new();
        for c in a
            .claims
            .iter()
            .filter(|c| c.kind == ClaimKind::Count && c.part_of.is_none())
        {
            let (Some(noun), Some(v)) = (&c.noun, c.value.amount().filter(|x| x.is_exact()).and_then(|x| x.value))
            else {
                continue;
            };
            if let Some(Value::DateRange(s, e)) = windows.get(&c.paragraph) {
                let window = format!("{}..{}", s.iso(), e.iso());
                figures.push((noun.as_ref().into(), window.into(), v, At::of(a, c.span)));
            }
        }
        Digest {
            path: a.document.path.as_str().into(),
            quotes,
            people,
            figures,
        }
    }
}

/// The elected or appointed office a title names, when it names one a
/// person holds alone ("Sen.", "Vermont Senator" and "Senator" are one;
/// "Senate Majority Leader" is a second role a senator also holds, so it
/// is not an office here). None when the title is not a bare office: past
/// or future ("former", "then"), a descriptor ("rival", "host"), or one
/// with sentence words in it ("Hillary Clinton and Sen."). Articles of
/// different days give a person the titles of different times and roles,
/// so only two such offices can contradict each other.
fn office(title: &str) -> Option<&'static str> {
    let written: Vec<&str> = title.split_whitespace().collect();
    if written.len() > 4 {
        return None;
    }
    let words: Vec<String> = written.iter().map(|w| w.to_lowercase()).collect();
    let mut found = None;
    for (k, w) in words.iter().enumerate() {
        let lower_case = written[k].starts_with(|c: char| c.is_lowercase());
        let o = match w.as_str() {
            "former" | "ex" | "then" | "late" | "retired" | "outgoing" | "incoming" | "acting" | "elect" | "future"
            | "and" | "for" | "to" | "with" | "candidate" | "nominee" => return None,
            "sen." | "senator" => "senator",
            "rep." | "representative" | "congressman" | "congresswoman" => "representative",
            "gov." | "governor" => "governor",
            "mayor" => "mayor",
            "president" if k > 0 && words[k - 1] == "vice" => "vice president",
            "president" => "president",
            _ if lower_case && !crate::lexicon::TITLES.contains(w) && !ROLE_MODIFIERS.contains_key(w) => return None,
            _ => continue,
        };
        if found.is_some_and(|f| f != o) {
            return None;
        }
        found = Some(o);
    }
    // "Lt. Gov." and "Vice President" are offices of their own.
    if words.iter().any(|w| w == "lt." || w == "lieutenant") {
        return None;
    }
    found
}

/// Whether two speakers' names end in the same surname, up to an accent.
fn same_surname(a: &str, b: &str) -> bool {
    let (la, lb) = (last_word(a), last_word(b));
    la.eq_ignore_ascii_case(lb) || (la.chars().count() >= 4 && crate::speakers::edit_distance(la, lb) <= 1)
}

/// A contradiction between two articles.
#[derive(Debug, Clone, Serialize)]
pub struct CrossFinding {
    pub check: &'static str,
    pub message: String,
    /// (article, span) of each side.
    pub places: Vec<(String, Span)>,
    /// The same places as an editor names them: path, line and column.
    pub at: Vec<Place>,
}

/// Where one side of a cross-article finding is.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Place {
    pub path: String,
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.path, self.line, self.column)
    }
}

/// An interned string: its place in [`Strings`].
type Sym = u32;
/// No string (a person without a title).
const NO_SYM: Sym = Sym::MAX;
/// A string (a speaker, a title) first seen in an article at a place.
type Seen = (Sym, u32, At);

/// Each string the batch names once, however many articles name it:
/// people, speakers, titles, counted nouns and date ranges recur from
/// article to article.
#[derive(Debug, Default)]
struct Strings {
    ids: rustc_hash::FxHashMap<Arc<str>, Sym>,
    all: Vec<Arc<str>>,
}

impl Strings {
    fn id(&mut self, s: &str) -> Sym {
        if let Some(&k) = self.ids.get(s) {
            return k;
        }
        let k = Sym::try_from(self.all.len()).unwrap_or(NO_SYM - 1);
        let shared: Arc<str> = s.into();
        self.all.push(shared.clone());
        self.ids.insert(shared, k);
        k
    }

    fn get(&self, k: Sym) -> &str {
        &self.all[k as usize]
    }
}

/// The articles of a batch as the cross-article checks need them: a few
/// numbers for each quotation, person and figure (about 30 bytes each),
/// and each string once. [`Batch::check`] compares them through keyed
/// indexes, so a batch costs about as much as sorting its items.
#[derive(Debug, Default)]
pub struct Batch {
    paths: Vec<Box<str>>,
    strings: Strings,
    /// (hash of the words, speaker, article, place) of attributed quotes.
    quotes: Vec<(u64, Sym, u32, At)>,
    /// (name, first title or [`NO_SYM`], article, first mention) of people.
    people: Vec<(Sym, Sym, u32, At)>,
    /// (noun's stem, date range, noun as written, value, article, place).
    figures: Vec<(Sym, Sym, Sym, f64, u32, At)>,
}

impl Batch {
    /// Adds one article (the next in the batch's order).
    pub fn add(&mut self, d: Digest) {
        let article = u32::try_from(self.paths.len()).unwrap_or(u32::MAX);
        self.paths.push(d.path);
        let strings = &mut self.strings;
        self.quotes.extend(
            d.quotes
                .iter()
                .map(|(h, speaker, at)| (*h, strings.id(speaker), article, *at)),
        );
        self.people.extend(d.people.iter().map(|(name, title, at)| {
            let title = title.as_deref().map_or(NO_SYM, |t| strings.id(t));
            (strings.id(name), title, article, *at)
        }));
        self.figures.extend(d.figures.iter().map(|(noun, window, v, at)| {
            (
                strings.id(stem(noun)),
                strings.id(window),
                strings.id(noun),
                *v,
                article,
                *at,
            )
        }));
    }

    /// How many articles the batch holds.
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// A finding between article `a` at one place and article `b` at another.
    fn finding(&self, check: &'static str, message: String, a: (u32, At), b: (u32, At)) -> CrossFinding {
        let path = |d: u32| &*self.paths[d as usize];
        let place = |(d, at): (u32, At)| (article_name(path(d)).to_string(), at.span());
        let editor = |(d, at): (u32, At)| Place {
            path: path(d).to_string(),
            line: at.line as usize,
            column: at.column as usize,
        };
        CrossFinding {
            check,
            message,
            places: vec![place(a), place(b)],
            at: vec![editor(a), editor(b)],
        }
    }

    fn article(&self, d: u32) -> &str {
        article_name(&self.paths[d as usize])
    }

    /// Every contradiction between the batch's articles. Each conflict is
    /// reported once, between the first article of each side.
    pub fn check(&self) -> Vec<CrossFinding> {
        let mut out = self.quote_speakers();
        out.extend(self.name_variants());
        out.extend(self.role_variants());
        out.extend(self.figures());
        out
    }

    /// The same quotation, different speakers: quotations grouped by their
    /// words' hash, each group's distinct speakers in the batch's order.
    fn quote_speakers(&self) -> Vec<CrossFinding> {
        let mut order: Vec<u32> = (0..self.quotes.len() as u32).collect();
        // Stable: within one quotation, the batch's order.
        order.sort_by_key(|&k| self.quotes[k as usize].0);
        let mut groups: Vec<Vec<Seen>> = Vec::new();
        let mut seen = rustc_hash::FxHashSet::default();
        for run in order.chunk_by(|&x, &y| self.quotes[x as usize].0 == self.quotes[y as usize].0) {
            seen.clear();
            let v: Vec<Seen> = run
                .iter()
                .map(|&k| self.quotes[k as usize])
                .filter(|q| seen.insert(q.1))
                .map(|(_, speaker, d, at)| (speaker, d, at))
                .collect();
            if v.len() > 1 {
                groups.push(v);
            }
        }
        groups.sort_by_key(|v| (v[0].1, v[0].2));
        let mut out = Vec::new();
        for v in groups {
            let (sa, da, pa) = v[0];
            let sa = self.strings.get(sa);
            for &(sb, db, pb) in &v[1..] {
                let sb = self.strings.get(sb);
                // One article's headline and body, or one person under two
                // name forms ("Barack Obama", "Obama"; "Calderon", "Calderón").
                if db == da || same_surname(sa, sb) {
                    continue;
                }
                let message = format!(
                    "the same quotation is given to {sa} in {} and to {sb} in {}",
                    self.article(da),
                    self.article(db)
                );
                out.push(self.finding("cross-quote-speaker", message, (da, pa), (db, pb)));
            }
        }
        out
    }

    /// The distinct names of people, each with its first appearance, in
    /// the batch's order.
    fn distinct_names(&self) -> Vec<(Sym, u32, At)> {
        let mut first = vec![false; self.strings.all.len()];
        let mut names = Vec::new();
        for &(name, _, d, at) in &self.people {
            if !std::mem::replace(&mut first[name as usize], true) {
                names.push((name, d, at));
            }
        }
        names
    }

    /// One person, two spellings: two names of as many words, all but one
    /// the same, that one a slip of the other. Names are put in buckets by
    /// the words they share, the slipped word's place and first letter,
    /// and compared only with the names of their bucket whose slipped word
    /// is at most two letters longer (a slip changes a length by two at
    /// most), so distinct people are not compared with each other.
    fn name_variants(&self) -> Vec<CrossFinding> {
        use std::hash::{Hash, Hasher};
        let names = self.distinct_names();
        // Each name's slipped word lower-cased, as the slip's edit distance
        // reads it, end to end in one string; and per bucket entry (bucket,
        // the word's length in characters, name, where the word lies).
        let mut lower = String::new();
        let mut keyed: Vec<(u64, u32, u32, u32, u32)> = Vec::new();
        for (k, n) in names.iter().enumerate() {
            let w = bare_words(self.strings.get(n.0));
            if !looks_like_person(&w) {
                continue;
            }
            for p in 0..w.len() {
                let mut h = std::hash::DefaultHasher::new();
                (w.len(), p).hash(&mut h);
                for (q, other) in w.iter().enumerate().filter(|(q, _)| *q != p) {
                    (q, other.to_ascii_lowercase()).hash(&mut h);
                }
                w[p].chars().next().map(|c| c.to_lowercase().to_string()).hash(&mut h);
                let start = lower.len();
                lower.extend(w[p].chars().flat_map(char::to_lowercase));
                let length = lower[start..].chars().count();
                let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
                keyed.push((h.finish(), small(length), k as u32, small(start), small(lower.len())));
            }
        }
        keyed.sort_unstable();
        let word = |e: &(u64, u32, u32, u32, u32)| &lower[e.3 as usize..e.4 as usize];
        let mut pairs = Vec::new();
        for run in keyed.chunk_by(|x, y| x.0 == y.0) {
            for (x, ex) in run.iter().enumerate() {
                for ey in run[x + 1..].iter().take_while(|e| e.1 - ex.1 <= 2) {
                    // A slip is at most two edits: a cheap look first.
                    if within_two_edits(word(ex), word(ey)) {
                        pairs.push((ex.2.min(ey.2), ex.2.max(ey.2)));
                    }
                }
            }
        }
        drop(keyed);
        pairs.sort_unstable();
        pairs.dedup();
        let mut out = Vec::new();
        for (i, j) in pairs {
            let ((a, da, pa), (b, db, pb)) = (names[i as usize], names[j as usize]);
            let (na, nb) = (self.strings.get(a), self.strings.get(b));
            // Names the earlier check compared: those sharing a first or
            // last word.
            let (parts_a, parts_b) = ([first_word(na), last_word(na)], [first_word(nb), last_word(nb)]);
            let share = parts_a.iter().any(|w| parts_b.contains(w));
            if !share || na.len() < 8 || da == db || !one_slip_between_people(&bare_words(na), &bare_words(nb)) {
                continue;
            }
            let message = format!(
                "“{na}” in {} is spelled “{nb}” in {}",
                self.article(da),
                self.article(db)
            );
            out.push(self.finding("cross-name-variant", message, (da, pa), (db, pb)));
        }
        out
    }

    /// One person, two offices: each name's distinct first titles (in any
    /// case), in the batch's order.
    fn role_variants(&self) -> Vec<CrossFinding> {
        let mut order: Vec<u32> = (0..self.people.len() as u32)
            .filter(|&k| self.people[k as usize].1 != NO_SYM)
            .collect();
        order.sort_by_key(|&k| self.people[k as usize].0);
        let mut titled: Vec<(Sym, Vec<Seen>)> = Vec::new();
        let mut seen = rustc_hash::FxHashSet::default();
        for run in order.chunk_by(|&x, &y| self.people[x as usize].0 == self.people[y as usize].0) {
            seen.clear();
            let v: Vec<Seen> = run
                .iter()
                .map(|&k| self.people[k as usize])
                .filter(|p| seen.insert(self.strings.get(p.1).to_ascii_lowercase()))
                .map(|(_, title, d, at)| (title, d, at))
                .collect();
            if v.len() > 1 {
                titled.push((self.people[run[0] as usize].0, v));
            }
        }
        titled.sort_by_key(|(_, v)| (v[0].1, v[0].2));
        let mut out = Vec::new();
        for (name, v) in titled {
            let (ta, da, pa) = v[0];
            let ta = self.strings.get(ta);
            let Some(oa) = office(ta) else { continue };
            for &(tb, db, pb) in v[1..].iter().filter(|(_, db, _)| *db != da) {
                let tb = self.strings.get(tb);
                if office(tb).is_none_or(|ob| ob == oa) {
                    continue;
                }
                let message = format!(
                    "{} is “{ta}” in {} but “{tb}” in {}",
                    self.strings.get(name),
                    self.article(da),
                    self.article(db)
                );
                out.push(self.finding("cross-role-variant", message, (da, pa), (db, pb)));
            }
        }
        out
    }

    /// The same count of the same thing over the same dates: figures
    /// grouped by (noun's stem, date range), each group's distinct values.
    fn figures(&self) -> Vec<CrossFinding> {
        let mut order: Vec<u32> = (0..self.figures.len() as u32).collect();
        let key = |k: u32| {
            let f = &self.figures[k as usize];
            (f.0, f.1)
        };
        order.sort_by_key(|&k| key(k));
        let mut groups: Vec<Vec<u32>> = Vec::new();
        let mut seen = rustc_hash::FxHashSet::default();
        for run in order.chunk_by(|&x, &y| key(x) == key(y)) {
            seen.clear();
            // Values compared as `==` does: 0 and -0 are one value, and
            // no value equals NaN.
            let v: Vec<u32> = run
                .iter()
                .copied()
                .filter(|&k| {
                    let x = self.figures[k as usize].3;
                    x.is_nan() || seen.insert(if x == 0.0 { 0 } else { x.to_bits() })
                })
                .collect();
            if v.len() > 1 {
                groups.push(v);
            }
        }
        let first = |v: &Vec<u32>| {
            let f = &self.figures[v[0] as usize];
            (f.4, f.5)
        };
        groups.sort_by_key(first);
        let mut out = Vec::new();
        for v in groups {
            let (_, window, noun, va, da, pa) = self.figures[v[0] as usize];
            // The noun as the first article wrote it: "people", not "peoples".
            let (noun, window) = (self.strings.get(noun), self.strings.get(window));
            for &k in &v[1..] {
                let (.., vb, db, pb) = self.figures[k as usize];
                if db == da {
                    continue;
                }
                let message = format!(
                    "{} {noun} ({window}) in {} but {} in {}",
                    crate::claims::fmt(va),
                    self.article(da),
                    crate::claims::fmt(vb),
                    self.article(db)
                );
                out.push(self.finding("cross-figure", message, (da, pa), (db, pb)));
            }
        }
        out
    }
}

/// Whether two words are at most two edits apart, a swap of neighbouring
/// letters counting as one (as [`crate::speakers::slip_distance`]
/// counts them), without allocating. Words longer than the table are let
/// through for the full check.
fn within_two_edits(a: &str, b: &str) -> bool {
    const MAX: usize = 48;
    let (mut ca, mut cb) = (['\0'; MAX], ['\0'; MAX]);
    let (mut la, mut lb) = (0, 0);
    for (cells, len, word) in [(&mut ca, &mut la, a), (&mut cb, &mut lb, b)] {
        for c in word.chars() {
            if *len == MAX {
                return true;
            }
            cells[*len] = c;
            *len += 1;
        }
    }
    let (a, b) = (&ca[..la], &cb[..lb]);
    if a.len().abs_diff(b.len()) > 2 {
        return false;
    }
    let mut rows = [[0usize; MAX + 1]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (cur, prev, before) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i;
        let mut least = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (rows[prev][j - 1] + cost)
                .min(rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(rows[before][j - 2] + 1);
            }
            rows[cur][j] = v;
            least = least.min(v);
        }
        // Every path goes through this row: past two, never back.
        if least > 2 {
            return false;
        }
    }
    rows[a.len() % 3][b.len()] <= 2
}

/// Compares the articles of `digests` (see [`Batch::check`]).
pub fn cross_check(digests: &[Digest]) -> Vec<CrossFinding> {
    let mut batch = Batch::default();
    for d in digests {
        batch.add(d.clone());
    }
    batch.check()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::names::one_word_slip;
    use crate::{Selection, analyze_text};

    #[test]
    fn two_articles_that_contradict_each_other() {
        let a = analyze_text(
            "a.txt",
            "Agents arrested 370 people in the operation, which ran from March 18 to March 23.\n“Public safety demands we target the worst offenders,” said Tom Homan.\nBoston Mayor Michelle Wu objected.\n",
            &Selection::default(),
        );
        let b = analyze_text(
            "b.txt",
            "Agents arrested 307 people in the operation, which ran from March 18 to March 23.\n“Public safety demands we target the worst offenders,” said Todd Lyons.\nBoston Mayor Michele Wu objected.\n",
            &Selection::default(),
        );
        let found = cross_check(&[Digest::of(&a), Digest::of(&b)]);
        let checks: Vec<&str> = found.iter().map(|f| f.check).collect();
        assert!(checks.contains(&"cross-figure"), "{found:?}");
        assert!(checks.contains(&"cross-quote-speaker"), "{found:?}");
        assert!(checks.contains(&"cross-name-variant"), "{found:?}");
    }

    #[test]
    fn title_forms_and_possessives_are_not_conflicts() {
        let a = analyze_text(
            "a.txt",
            "Sen. Marco Rubio spoke on Monday.\nBernie Sanders said he would stay in the race.\n",
            &Selection::default(),
        );
        let b = analyze_text(
            "b.txt",
            "Florida Senator Marco Rubio spoke again.\nBernie Sanders’ campaign said it would stay.\n",
            &Selection::default(),
        );
        let found = cross_check(&[Digest::of(&a), Digest::of(&b)]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn two_offices_for_one_person_are_a_conflict() {
        let a = analyze_text("a.txt", "Sen. Dana Whitcombe spoke on Monday.\n", &Selection::default());
        let b = analyze_text("b.txt", "Gov. Dana Whitcombe spoke again.\n", &Selection::default());
        let found = cross_check(&[Digest::of(&a), Digest::of(&b)]);
        assert!(found.iter().any(|f| f.check == "cross-role-variant"), "{found:?}");
    }

    #[test]
    fn the_cheap_look_agrees_with_the_slip_distance() {
        let words = [
            "buttigieg",
            "buttigeig",
            "emanuel",
            "emanual",
            "albright",
            "albrihgt",
            "smith",
            "smyth",
            "smithson",
            "wu",
            "wo",
            "kalomi",
            "kalmoi",
            "kalomine",
            "abcdef",
            "bacdfe",
            "garcía",
            "garcia",
        ];
        for a in words {
            for b in words {
                let slip = crate::speakers::slip_distance(a, b) <= 2;
                assert_eq!(within_two_edits(a, b), slip, "{a} / {b}");
            }
        }
    }

    #[test]
    fn the_name_buckets_find_what_comparing_every_pair_finds() {
        let first = ["Anna", "Boris", "Carla"];
        let syllables = ["ba", "de", "fi", "go", "ku", "la", "me", "ni"];
        let mut digests = Vec::new();
        let mut names = Vec::new();
        for i in 0..300usize {
            let mut surname: String = (0..4).map(|k| syllables[(i >> (3 * k)) % 8]).collect();
            if i % 7 == 3 {
                surname = surname[..4].to_string(); // shorter names, fewer slips allowed
            }
            surname[..1].make_ascii_uppercase();
            let name = format!("{} {surname}", first[i % 3]);
            let text = format!("“We will look at every file before the vote,” said {name}, a spokesman.\n");
            digests.push(Digest::of(&analyze_text(
                &format!("a{i}.txt"),
                &text,
                &Selection::default(),
            )));
            names.push(name);
        }
        let found = cross_check(&digests);
        let mut got: Vec<String> = found
            .iter()
            .filter(|f| f.check == "cross-name-variant")
            .map(|f| f.message.clone())
            .collect();
        // Every pair, as the check compared them before it had buckets.
        let mut expected = Vec::new();
        for (i, na) in names.iter().enumerate() {
            for (j, nb) in names.iter().enumerate().skip(i + 1) {
                let share = [first_word(na), last_word(na)]
                    .iter()
                    .any(|w| [first_word(nb), last_word(nb)].contains(w));
                if share && na.len() >= 8 && one_word_slip(&bare_words(na), &bare_words(nb)) {
                    expected.push(format!("“{na}” in a{i}.txt is spelled “{nb}” in a{j}.txt"));
                }
            }
        }
        assert!(expected.len() > 10, "{expected:?}");
        got.sort();
        expected.sort();
        assert_eq!(got, expected);
        let again: Vec<String> = cross_check(&digests).iter().map(|f| f.message.clone()).collect();
        let first_run: Vec<String> = found.iter().map(|f| f.message.clone()).collect();
        assert_eq!(first_run, again, "the same batch, the same findings in the same order");
    }

    #[test]
    fn agreeing_articles_are_quiet() {
        let text = "Agents arrested 370 people in the operation, which ran from March 18 to March 23.\n";
        let a = analyze_text("a.txt", text, &Selection::default());
        let b = analyze_text("b.txt", text, &Selection::default());
        assert!(cross_check(&[Digest::of(&a), Digest::of(&b)]).is_empty());
    }
}
