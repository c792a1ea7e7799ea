//! Checks across the articles of a batch: the same quotation given to
//! different speakers, one person named or titled differently, and the same
//! figure for the same event given different values. Each article leaves a
//! small [`Digest`], so a batch of any size keeps only these in memory.

use std::collections::HashMap;

use serde::Serialize;

use crate::Analysis;
use crate::checks::names::{bare_words, one_word_slip};
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

/// What one article contributes to the cross-article checks.
#[derive(Debug, Clone, Default)]
pub struct Digest {
    pub article: String,
    /// The article's path as given, for `path:line:col` places.
    pub path: String,
    /// (byte offset, line, column) of every span kept below, sorted, so a
    /// finding can name its places as an editor does.
    places: Vec<(usize, usize, usize)>,
    /// (normalised words, speaker, span) of attributed quotes.
    quotes: Vec<(String, String, Span)>,
    /// (name, titles, first mention) of people.
    people: Vec<(String, Vec<String>, Span)>,
    /// (counted noun's stem, date range, value, span, noun as written) of
    /// exact counts in a sentence that also gives the event's dates.
    figures: Vec<(String, String, f64, Span, String)>,
}

fn words(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
                .replace('’', "'")
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Singular form of the counted noun, so "arrests" meets "arrest".
fn stem(noun: &str) -> String {
    let n = noun.trim_end_matches("ed");
    n.strip_suffix('s').unwrap_or(n).to_string()
}

impl Digest {
    pub fn of(a: &Analysis) -> Digest {
        let text = a.document.text.as_str();
        let quotes: Vec<(String, String, Span)> = a
            .quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Scare && q.span.of(text).split_whitespace().count() >= 6)
            .filter_map(|q| Some((words(q.span.of(text)), q.speaker.as_ref()?.name.clone(), q.span)))
            .collect();
        let people: Vec<(String, Vec<String>, Span)> = a
            .roster
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person && e.name.contains(' '))
            .filter_map(|e| {
                let titles = e.titles.iter().map(|(t, _)| t.clone()).collect();
                Some((e.name.clone(), titles, *e.mentions.iter().min()?))
            })
            .collect();
        // The first date range of each paragraph, found in one pass: a
        // figure is dated by its paragraph's window.
        let mut windows: rustc_hash::FxHashMap<usize, &Value> = rustc_hash::FxHashMap::default();
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
                figures.push((stem(noun), format!("{}..{}", s.iso(), e.iso()), v, c.span, noun.clone()));
            }
        }
        let mut places: Vec<(usize, usize, usize)> = quotes
            .iter()
            .map(|q| q.2.start)
            .chain(people.iter().map(|p| p.2.start))
            .chain(figures.iter().map(|f| f.3.start))
            .map(|at| {
                let (l, c) = a.document.line_col(at);
                (at, l, c)
            })
            .collect();
        places.sort_unstable();
        places.dedup();
        Digest {
            article: article_name(&a.document.path).to_string(),
            path: a.document.path.clone(),
            places,
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

/// A value first seen in article `.1` at span `.2`.
type Seen<T> = (T, usize, Span);

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

/// The line and column of a kept span's start in digest `d`.
fn place_of(d: &Digest, span: Span) -> Place {
    let k = d.places.partition_point(|p| p.0 < span.start);
    let (line, column) = d
        .places
        .get(k)
        .filter(|p| p.0 == span.start)
        .map_or((0, 0), |p| (p.1, p.2));
    Place {
        path: d.path.clone(),
        line,
        column,
    }
}

/// Compares the articles through keyed indexes (quotation text, surname,
/// counted thing and dates), so a batch of thousands costs about as much
/// as reading the digests once. Each conflict is reported once, between
/// the first article of each side.
pub fn cross_check(digests: &[Digest]) -> Vec<CrossFinding> {
    let mut out = Vec::new();
    let place = |d: usize, s: Span| (digests[d].article.clone(), s);
    let at = |d: usize, s: Span| place_of(&digests[d], s);

    // The same quotation, different speakers.
    let mut by_quote: HashMap<&str, Vec<(&str, usize, Span)>> = HashMap::new();
    for (d, g) in digests.iter().enumerate() {
        for (q, speaker, span) in &g.quotes {
            let seen = by_quote.entry(q.as_str()).or_default();
            if !seen.iter().any(|(s, _, _)| s == speaker) {
                seen.push((speaker.as_str(), d, *span));
            }
        }
    }
    let mut keys: Vec<_> = by_quote.into_iter().filter(|(_, v)| v.len() > 1).collect();
    keys.sort_by_key(|(_, v)| (v[0].1, v[0].2));
    for (_, v) in keys {
        let (sa, da, pa) = v[0];
        for &(sb, db, pb) in &v[1..] {
            // One article's headline and body, or one person under two
            // name forms ("Barack Obama", "Obama"; "Calderon", "Calderón").
            if db == da || same_surname(sa, sb) {
                continue;
            }
            out.push(CrossFinding {
                check: "cross-quote-speaker",
                message: format!(
                    "the same quotation is given to {sa} in {} and to {sb} in {}",
                    digests[da].article, digests[db].article
                ),
                places: vec![place(da, pa), place(db, pb)],
                at: vec![at(da, pa), at(db, pb)],
            });
        }
    }

    // One person, two spellings or two titles: compare the distinct names
    // that share a surname or a first name.
    let mut names: Vec<(&str, usize, Span, Option<&str>)> = Vec::new();
    let mut titles: HashMap<&str, Vec<(&str, usize, Span)>> = HashMap::new();
    for (d, g) in digests.iter().enumerate() {
        for (name, ts, span) in &g.people {
            if !names.iter().any(|(n, ..)| n == name) {
                names.push((name.as_str(), d, *span, ts.first().map(String::as_str)));
            }
            if let Some(t) = ts.first() {
                let seen = titles.entry(name.as_str()).or_default();
                if !seen.iter().any(|(x, ..)| x.eq_ignore_ascii_case(t)) {
                    seen.push((t.as_str(), d, *span));
                }
            }
        }
    }
    let mut by_part: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, (n, ..)) in names.iter().enumerate() {
        let first = first_word(n);
        let last = last_word(n);
        by_part.entry(last).or_default().push(k);
        if first != last {
            by_part.entry(first).or_default().push(k);
        }
    }
    let mut reported = std::collections::HashSet::new();
    for group in by_part.values() {
        for (x, &i) in group.iter().enumerate() {
            for &j in &group[x + 1..] {
                let (na, da, pa, _) = names[i];
                let (nb, db, pb, _) = names[j];
                let slip = one_word_slip(&bare_words(na), &bare_words(nb));
                if slip && na.len() >= 8 && da != db && reported.insert((i.min(j), i.max(j))) {
                    out.push(CrossFinding {
                        check: "cross-name-variant",
                        message: format!(
                            "“{na}” in {} is spelled “{nb}” in {}",
                            digests[da].article, digests[db].article
                        ),
                        places: vec![place(da, pa), place(db, pb)],
                        at: vec![at(da, pa), at(db, pb)],
                    });
                }
            }
        }
    }
    let mut titled: Vec<_> = titles.into_iter().filter(|(_, v)| v.len() > 1).collect();
    titled.sort_by_key(|(_, v)| (v[0].1, v[0].2));
    for (name, v) in titled {
        let (ta, da, pa) = v[0];
        let Some(oa) = office(ta) else { continue };
        for &(tb, db, pb) in v[1..].iter().filter(|(_, db, _)| *db != da) {
            if office(tb).is_none_or(|ob| ob == oa) {
                continue;
            }
            out.push(CrossFinding {
                check: "cross-role-variant",
                message: format!(
                    "{name} is “{ta}” in {} but “{tb}” in {}",
                    digests[da].article, digests[db].article
                ),
                places: vec![place(da, pa), place(db, pb)],
                at: vec![at(da, pa), at(db, pb)],
            });
        }
    }

    // The same count of the same thing over the same dates.
    let mut figures: HashMap<(&str, &str), Vec<Seen<f64>>> = HashMap::new();
    for (d, g) in digests.iter().enumerate() {
        for (noun, window, v, span, _) in &g.figures {
            let seen = figures.entry((noun.as_str(), window.as_str())).or_default();
            if !seen.iter().any(|(x, ..)| x == v) {
                seen.push((*v, d, *span));
            }
        }
    }
    let mut figs: Vec<_> = figures.into_iter().filter(|(_, v)| v.len() > 1).collect();
    figs.sort_by_key(|(_, v)| (v[0].1, v[0].2));
    for ((_, window), v) in figs {
        let (va, da, pa) = v[0];
        // The noun as the first article wrote it: "people", not "peoples".
        let noun = digests[da]
            .figures
            .iter()
            .find(|f| f.3 == pa)
            .map_or("", |f| f.4.as_str());
        for &(vb, db, pb) in v[1..].iter().filter(|(_, db, _)| *db != da) {
            out.push(CrossFinding {
                check: "cross-figure",
                message: format!(
                    "{} {noun} ({window}) in {} but {} in {}",
                    crate::claims::fmt(va),
                    digests[da].article,
                    crate::claims::fmt(vb),
                    digests[db].article
                ),
                places: vec![place(da, pa), place(db, pb)],
                at: vec![at(da, pa), at(db, pb)],
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
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
    fn agreeing_articles_are_quiet() {
        let text = "Agents arrested 370 people in the operation, which ran from March 18 to March 23.\n";
        let a = analyze_text("a.txt", text, &Selection::default());
        let b = analyze_text("b.txt", text, &Selection::default());
        assert!(cross_check(&[Digest::of(&a), Digest::of(&b)]).is_empty());
    }
}
