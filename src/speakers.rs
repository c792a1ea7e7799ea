//! Who is who in an article: the people and organisations named in it, with
//! their canonical (fullest) names, roles from titles and appositives, gender
//! from honorifics and first names, and every mention's span. The quote rules
//! ask this roster to resolve a speaker mention ("she", "Homan", "the mayor",
//! "the agency") to a name.

use serde::Serialize;

use crate::lexicon::{
    FEMALE_NAMES, FUNCTION_WORDS, HONORIFICS, MALE_NAMES, ORG_WORDS, PLACE_WORDS, ROLE_MODIFIERS, TITLES, class,
    lowercase, weekday,
};
use crate::span::Span;
use crate::token::{Token, exactly_within, tokenize};

mod variant_index;
pub(crate) use variant_index::{FEW, VariantIndex, folded_chars, for_each_prefix_form, prefix_forms};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Female,
    Male,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
}

/// One person or organisation of the article.
#[derive(Debug, Clone, Serialize)]
pub struct Entity {
    pub kind: EntityKind,
    /// The fullest name the article uses, without titles.
    pub name: String,
    pub gender: Option<Gender>,
    /// Roles as written, each with the span it was read from.
    pub roles: Vec<(String, Span)>,
    /// Titles written before the name ("Deputy Superintendent"), the roles
    /// that should not change within an article.
    pub titles: Vec<(String, Span)>,
    /// Every name mention (titles excluded).
    pub mentions: Vec<Span>,
}

impl Entity {
    fn last(&self) -> &str {
        last_word(&self.name)
    }

    pub fn role(&self) -> Option<&str> {
        self.roles.first().map(|(r, _)| r.as_str())
    }
}

/// A capitalised run of words split into title/role and name.
#[derive(Debug, Clone)]
struct NameRun {
    role: Option<(String, Span)>,
    name_span: Span,
    name: String,
    kind: Option<EntityKind>,
    gender: Option<Gender>,
    /// Does the name carry a possessive ("Trump’s")?
    possessive: bool,
}

/// The people and organisations of an article.
#[derive(Debug, Clone, Default)]
pub struct Roster {
    pub entities: Vec<Entity>,
    /// Mentions that spell an entity's surname another way ("Haldene").
    pub variants: Vec<(usize, Span)>,
    /// Who was mentioned where, in text order: entity index by (position,
    /// order among mentions at that position). A speaker noted later
    /// (`note_mention`) goes first among those at its position, so its
    /// order is the count of notes so far, negated; the roster's own
    /// mentions are ordered by entity. A tree, not a sorted list: every
    /// quote's speaker is noted, and inserting into a list of a long
    /// text's mentions moved half of it each time.
    events: std::collections::BTreeMap<(usize, i64), usize>,
    /// Mentions noted by `note_mention` so far.
    noted: i64,
    /// Positions of mentions in subject position (a sentence's subject, or
    /// an attributed speaker): what "he" and "she" most often refer to.
    subjects: std::collections::BTreeSet<usize>,
    /// A hash of each entity's surname, case folded, parallel to
    /// `entities`: its key in `by_surname`.
    surnames: Vec<u64>,
    /// Each entity's name in lower case, parallel to `entities`, for the
    /// shorter-organisation-name test in `find`.
    lower_names: Vec<String>,
    /// Entities by surname hash, each list in index order, so `find` looks
    /// only at people who share the surname.
    by_surname: rustc_hash::FxHashMap<u64, Vec<usize>>,
    /// Indices of the organisations, in order.
    organisations: Vec<usize>,
    /// First byte of the surname of each person with a full name, 0 for
    /// everyone else, parallel to `entities`: only these surnames are
    /// indexed for `find_variant`, each under its initial.
    variant_initials: Vec<u8>,
    /// Where each entity was first called by its surname alone (the end of
    /// that mention), `usize::MAX` if never, parallel to `entities`: set
    /// once the roster is built, so a lone surname asks one number instead
    /// of rereading every mention of the person.
    surname_alone_from: Vec<usize>,
}

/// See `Roster::variant_initials`.
fn variant_initial(e: &Entity) -> u8 {
    let last = e.last();
    if e.kind == EntityKind::Person && last.len() < e.name.len() {
        last.as_bytes().first().copied().unwrap_or(0)
    } else {
        0
    }
}

/// Case-folded hash of a name's last word.
/// The last space-separated word of a name ("Michelle Wu" → "Wu"): the
/// roster asks this of every mention, so bytes, not a `rsplit` searcher.
pub(crate) fn last_word(name: &str) -> &str {
    match name.as_bytes().iter().rposition(|&b| b == b' ') {
        Some(k) => &name[k + 1..],
        None => name,
    }
}

/// The first space-separated word of a name ("Michelle Wu" → "Michelle").
pub(crate) fn first_word(name: &str) -> &str {
    match name.as_bytes().iter().position(|&b| b == b' ') {
        Some(k) => &name[..k],
        None => name,
    }
}

fn surname_key(name: &str) -> u64 {
    crate::lexicon::folded_key(last_word(name))
}

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub name: String,
    pub role: Option<String>,
    pub entity: Option<usize>,
    /// The name inside the mention, titles left out ("Patricia H. Hyde").
    pub name_span: Option<Span>,
}

const PARTICLES: &[&str] = &[
    "de", "van", "von", "da", "del", "della", "di", "du", "bin", "al", "la", "le", "st.",
];
const ROLE_CONNECTORS: &[&str] = &[
    "acting", "former", "interim", "deputy", "and", "of", "for", "the", "then", "on",
];
const PRONOUNS_F: &[&str] = &["she", "her", "herself"];
const PRONOUNS_M: &[&str] = &["he", "him", "his", "himself"];

fn is_title(t: &Token) -> bool {
    t.has(class::TITLE | class::HONORIFIC)
}

fn gender_of_title(word: &str) -> Option<Gender> {
    match HONORIFICS.get(word) {
        Some(&"f") => return Some(Gender::Female),
        Some(&"m") => return Some(Gender::Male),
        _ => {}
    }
    let ends = |suffix| crate::lexicon::ends_with_ignore_case(word, suffix);
    if ends("woman") {
        Some(Gender::Female)
    } else if ends("man") && !word.eq_ignore_ascii_case("human") {
        Some(Gender::Male)
    } else {
        None
    }
}

fn gender_of_first_name(word: &str) -> Option<Gender> {
    if FEMALE_NAMES.contains(word) {
        Some(Gender::Female)
    } else if MALE_NAMES.contains(word) {
        Some(Gender::Male)
    } else {
        None
    }
}

fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && s.chars().all(|c| c.is_uppercase() || c == '.' || c == '&') && s != "I"
}

fn is_name_token(t: &Token) -> bool {
    t.is_capitalized()
        && !t.has(class::MONTH | class::WEEKDAY)
        && (t.stem().len() == t.text.len() || weekday(t.stem()).is_none())
}

/// Splits a run of tokens into role and name and classifies it.
fn classify(text: &str, toks: &[Token]) -> Option<NameRun> {
    // Drop sentence-initial function words ("According", "The").
    let mut toks = toks;
    while let Some(first) = toks.first() {
        let role_word = is_title(first) || first.has(class::ROLE_MODIFIER);
        // "Said Ellis:": a sentence-opening speech verb is not a name.
        let verb = first.has(class::SPEECH_VERB);
        if verb || first.has(class::FUNCTION_WORD) || (!first.is_capitalized() && !role_word) {
            toks = &toks[1..];
        } else {
            break;
        }
    }
    while let Some(last) = toks.last() {
        if last.is_capitalized() || last.text.ends_with('.') && last.text.len() <= 3 {
            break;
        }
        toks = &toks[..toks.len() - 1];
    }
    if toks.is_empty() {
        return None;
    }
    let has_org_word = |ts: &[Token]| ts.iter().any(|t| t.stem_class() & class::ORG_WORD != 0);
    let has_place_word = |ts: &[Token]| ts.iter().any(|t| t.stem_class() & class::PLACE_WORD != 0);
    let last_title = toks.iter().rposition(is_title);
    let (mut role_toks, mut name_toks) = match last_title {
        Some(t) if t + 1 < toks.len() => (&toks[..=t], &toks[t + 1..]),
        Some(_) => (toks, &toks[toks.len()..]),
        None => (&toks[..0], toks),
    };
    // "Secretary of State John F. Kerry": the title goes on through its
    // "of" phrase, and the name is the last two words (three with an
    // initial).
    if !role_toks.is_empty() && name_toks.first().is_some_and(|t| !t.is_capitalized()) {
        let k = name_toks.len();
        let initial = |t: &Token| t.text.ends_with('.') && t.text.len() <= 2;
        let len = if k >= 4 && initial(&name_toks[k - 2]) { 3 } else { 2 };
        if k >= len + 2 {
            let cut = toks.len() - len;
            (role_toks, name_toks) = (&toks[..cut], &toks[cut..]);
        }
    }
    // "Miss Universe Alicia Machado", "the House Newt Gingrich led": a
    // capitalised word before a known first name, in a name of three words
    // or more, belongs to the title, not the name.
    if name_toks.len() >= 3 {
        let first_name = |t: &Token| gender_of_first_name(t.text).is_some();
        if !first_name(&name_toks[0]) && first_name(&name_toks[1]) && !name_toks[0].text.ends_with('.') {
            let cut = toks.len() - (name_toks.len() - 1);
            (role_toks, name_toks) = (&toks[..cut], &toks[cut..]);
        }
    }
    let span_of = |ts: &[Token]| Span::new(ts[0].span().start, ts[ts.len() - 1].span().end);
    let role = (!role_toks.is_empty()).then(|| {
        let sp = span_of(role_toks);
        (sp.of(text).to_string(), sp)
    });
    if name_toks.is_empty() {
        return None;
    }
    let name_span = span_of(name_toks);
    let last = name_toks[name_toks.len() - 1];
    let possessive = last.is_possessive();
    let mut name = name_span.of(text).to_string();
    if possessive {
        name.truncate(name.len() - (last.text.len() - last.stem().len()));
    }
    let org = has_org_word(name_toks) || (name_toks.len() == 1 && is_acronym(last.stem()));
    let kind = if org {
        Some(EntityKind::Organization)
    } else if has_place_word(name_toks) || name_toks.len() > 4 || (name_toks.len() >= 2 && name_toks[0].is("New")) {
        None
    } else if name_toks.len() >= 2 || role.is_some() {
        Some(EntityKind::Person)
    } else {
        None
    };
    let gender = role_toks.iter().find_map(|t| gender_of_title(t.text)).or_else(|| {
        (name_toks.len() >= 2)
            .then(|| gender_of_first_name(name_toks[0].text))
            .flatten()
    });
    Some(NameRun {
        role,
        name_span: Span::new(name_span.start, name_span.start + name.len()),
        name,
        kind,
        gender,
        possessive,
    })
}

/// A lowercase role modifier that leads (through more modifiers) to a
/// title: "head" in "head coach Darnell Price".
fn leads_to_title(tokens: &[Token], i: usize) -> bool {
    let mut k = i;
    while k < tokens.len() && !tokens[k].is_capitalized() && tokens[k].has(class::ROLE_MODIFIER) {
        k += 1;
    }
    k > i && k < tokens.len() && is_title(&tokens[k])
}

/// Groups tokens into capitalised runs (names with their titles).
fn runs<'a>(tokens: &'a [Token<'a>]) -> Vec<&'a [Token<'a>]> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // Most tokens are lower-case words on none of the lists that start
        // a run: one test turns them away.
        let t = &tokens[i];
        let may_start = t.is_capitalized() || t.has(class::TITLE | class::HONORIFIC | class::ROLE_MODIFIER);
        if !may_start || !(is_name_token(t) || is_title(t) || leads_to_title(tokens, i)) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < tokens.len() {
            let t = &tokens[end];
            // A possessive ends a name ("Trump’s plan") unless an
            // organisation word follows ("Sheriff’s Office").
            if tokens[end - 1].is_possessive() && !t.has(class::ORG_WORD) {
                break;
            }
            if is_name_token(t) || is_title(t) || leads_to_title(tokens, end) {
                end += 1;
                continue;
            }
            let joins = t.is_word()
                && (t.is_one_of(PARTICLES) || t.is_one_of(ROLE_CONNECTORS))
                && tokens.get(end + 1).is_some_and(is_name_token)
                // "and" joins organisation names ("Immigration and Customs
                // Enforcement"), not two people ("Tyresha McClenney and Bryan Anderson").
                && (!t.is_one_of(&["and", "on"]) || {
                    // The capitalised continuation after the connector.
                    let rest = tokens[end + 1..]
                        .iter()
                        .take_while(|t| t.is_capitalized() || is_title(t) || t.has(class::ROLE_MODIFIER));
                    // "Mayor Jane Okafor and Councilman Lee Park" are two people.
                    let already_named = tokens[start..end].iter().rposition(is_title).is_some_and(|k| start + k + 1 < end);
                    !already_named
                        && tokens[start..end].iter().chain(rest).any(|t| t.has(class::ORG_WORD) || is_title(t))
                });
            if joins {
                end += 1;
            } else {
                break;
            }
        }
        out.push(&tokens[start..end]);
        i = end;
    }
    out
}

impl Roster {
    /// Builds the roster of a text region (usually the whole body).
    pub fn build(text: &str, body: Span) -> Roster {
        Roster::from_tokens(text, &tokenize(text, body))
    }

    /// Builds the roster from the tokens of the region.
    pub(crate) fn from_tokens(text: &str, tokens: &[Token]) -> Roster {
        // A capitalised run that fills a quotation ("“Shark Tank,”", ''A
        // Change Is Gonna Come'') is a title, not a person.
        let quoted = |r: &[Token]| {
            let (Some(a), Some(b)) = (r.first(), r.last()) else {
                return false;
            };
            let before = text[..a.span().start].trim_end();
            let after = text[b.span().end..].trim_start_matches([',', '.', '?', '!']);
            before.ends_with(['“', '"', '‘', '\'']) && after.starts_with(['”', '"', '’', '\''])
        };
        let mut named: Vec<NameRun> = runs(tokens)
            .into_iter()
            .filter(|r| !quoted(r))
            .filter_map(|r| classify(text, r))
            .collect();
        named.sort_by_key(|r| r.name_span.start);
        let mut roster = Roster::default();
        // Full names first, so a surname used before the full name still
        // resolves to it.
        for run in named.iter().filter(|r| r.kind.is_some()) {
            let kind = run.kind.unwrap();
            let idx = roster.find(&run.name, kind, run.gender).unwrap_or_else(|| {
                roster.push(Entity {
                    kind,
                    name: run.name.clone(),
                    gender: None,
                    roles: Vec::new(),
                    titles: Vec::new(),
                    mentions: Vec::new(),
                })
            });
            if run.name.split(' ').count() > roster.entities[idx].name.split(' ').count() {
                roster.rename(idx, &run.name);
            }
            let e = &mut roster.entities[idx];
            e.gender = e.gender.or(run.gender);
            if let Some(role) = &run.role {
                e.roles.push(role.clone());
                e.titles.push(role.clone());
            }
            if kind == EntityKind::Person && !run.possessive {
                if let Some(app) = appositive(text, tokens, run.name_span.end) {
                    e.roles.push(app);
                }
            }
        }
        // The roster's names are settled now: the surname index for
        // misspellings is built once, on the first one-word name to need it.
        let mut variant_index = None;
        for run in &named {
            let kind = run.kind.unwrap_or(EntityKind::Person);
            let found = roster.find(&run.name, kind, run.gender).or_else(|| {
                // A surname spelled another way ("Haldene" for Haldane) is
                // still that person; the name-variant check reports it.
                let v = (run.kind.is_none() && !run.name.contains(' '))
                    .then(|| roster.find_variant(&run.name, &mut variant_index))
                    .flatten()?;
                roster.variants.push((v, run.name_span));
                Some(v)
            });
            if let Some(idx) = found {
                let e = &mut roster.entities[idx];
                e.mentions.push(run.name_span);
                e.gender = e.gender.or(run.gender);
                roster.events.insert((run.name_span.start, idx as i64), idx);
                if is_subject(text, tokens, run) {
                    roster.subjects.insert(run.name_span.start);
                }
            }
        }
        roster.infer_genders(text, tokens);
        roster.surname_alone_from = (roster.entities.iter())
            .map(|e| {
                let surname = last_word(&e.name);
                (e.mentions.iter())
                    .filter(|m| m.of(text) == surname)
                    .map(|m| m.end)
                    .min()
                    .unwrap_or(usize::MAX)
            })
            .collect();
        roster
    }

    /// A person whose surname is one small edit from `word` (5+ letters).
    /// `index` is built on the first call, and the roster must not change
    /// while it is in use.
    fn find_variant(&self, word: &str, index: &mut Option<VariantIndex>) -> Option<usize> {
        let lower = lowercase(word);
        // Words of the language ("Republican", "American") are not misspelt names.
        let common = TITLES.contains(lower.as_str())
            || FUNCTION_WORDS.contains(lower.as_str())
            || ORG_WORDS.contains(lower.as_str())
            || PLACE_WORDS.contains(lower.as_str());
        if word.chars().count() < 5 || common {
            return None;
        }
        let initial = word.as_bytes()[0];
        let max = 1 + usize::from(word.len() >= 9);
        // Only the people whose surname shares a deletion form with the
        // word can be within `max` edits of it: a roster of thousands is
        // not read once per one-word name.
        let index = index.get_or_insert_with(|| {
            VariantIndex::new(
                (self.entities.iter().enumerate())
                    .filter(|&(i, _)| self.variant_initials[i] != 0)
                    .map(|(i, e)| (i, u32::from(self.variant_initials[i]), e.last())),
                |_| 2,
            )
        });
        let people = index.candidates(u32::from(initial), word, 2);
        let mut hits = people.iter().map(|&i| (i, &self.entities[i])).filter(|(i, e)| {
            self.variant_initials[*i] == initial && {
                let last = e.last();
                last.chars().next() == word.chars().next()
                    && last.len().abs_diff(word.len()) <= 4 * max
                    && last != word
                    && !plural_of(last, word)
                    && within_edits(last, word, max)
            }
        });
        let first = hits.next()?;
        hits.next().is_none().then_some(first.0)
    }

    /// Gender from the article's own pronouns: when a sentence's subject
    /// is a person of unknown gender and the next sentence opens with "She"
    /// or "He" (the commonest newswire pattern), that is a vote; a person
    /// takes a gender only when every vote agrees.
    fn infer_genders(&mut self, _text: &str, tokens: &[Token]) {
        let unknown = |e: &Entity| e.gender.is_none() && e.kind == EntityKind::Person;
        if !self.entities.iter().any(unknown) {
            return; // nobody to vote on: skip the pass over the tokens
        }
        let mut votes: Vec<(i32, i32)> = vec![(0, 0); self.entities.len()];
        let mut subject_of_last: Option<usize> = None;
        let mut subject_here: Option<usize> = None;
        let mut at_start = true;
        let mut ev = self.events.iter().map(|(&(pos, _), &idx)| (pos, idx)).peekable();
        for t in tokens {
            while let Some(&(pos, idx)) = ev.peek() {
                if pos > t.span().start {
                    break;
                }
                if subject_here.is_none()
                    && self.entities[idx].kind == EntityKind::Person
                    && self.subjects.contains(&pos)
                {
                    subject_here = Some(idx);
                }
                ev.next();
            }
            if matches!(t.text, "." | "?" | "!") {
                subject_of_last = subject_here.take();
                at_start = true;
                continue;
            }
            if at_start && t.is_word() {
                at_start = false;
                if let Some(c) = subject_of_last {
                    if t.is("she") {
                        votes[c].0 += 1;
                    } else if t.is("he") {
                        votes[c].1 += 1;
                    }
                }
            }
        }
        for (e, (f, m)) in self.entities.iter_mut().zip(votes) {
            if unknown(e) {
                if f > 0 && m == 0 {
                    e.gender = Some(Gender::Female);
                } else if m > 0 && f == 0 {
                    e.gender = Some(Gender::Male);
                }
            }
        }
    }

    /// The entity a name refers to: same last word and compatible first
    /// words ("Homan" → "Tom Homan"; not "Bill Clinton" for "Hillary Clinton").
    fn find(&self, name: &str, kind: EntityKind, gender: Option<Gender>) -> Option<usize> {
        let last = last_word(name);
        let first = first_word(name);
        let several_words = last.len() < name.len();
        let mut best: Option<(usize, usize)> = None;
        if kind == EntityKind::Organization {
            // "the Security Council" after "the United Nations Security
            // Council": a shorter organisation name that ends the full one.
            let mut suffix: Option<String> = None;
            for &i in &self.organisations {
                let e = &self.entities[i];
                if e.name.eq_ignore_ascii_case(name) {
                    return Some(i);
                }
                if best.is_none() && several_words && e.name.len() > name.len() {
                    let s = suffix.get_or_insert_with(|| format!(" {}", name.to_lowercase()));
                    if self.lower_names[i].ends_with(s.as_str()) {
                        best = Some((i, 0));
                    }
                }
            }
            return best.map(|(i, _)| i);
        }
        let key = surname_key(last);
        for &i in self.by_surname.get(&key).map_or(&[][..], Vec::as_slice) {
            let e = &self.entities[i];
            if e.kind != kind || !same_word(e.last(), last) {
                continue;
            }
            // "Suu Kyi" is "Aung San Suu Kyi": a shorter name that ends the
            // longer one (word for word: the longer ends with " " + name).
            let suffix = e.name.len() > name.len()
                && e.name.ends_with(name)
                && e.name.as_bytes()[e.name.len() - name.len() - 1] == b' ';
            let e_first = first_word(&e.name);
            if several_words && e_first.len() < e.name.len() && !suffix && !first_compatible(first, e_first) {
                continue;
            }
            if let (Some(a), Some(b)) = (gender, e.gender) {
                if a != b {
                    continue;
                }
            }
            let score = e.mentions.len() + 1;
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((i, score));
            }
        }
        best.map(|(i, _)| i)
    }

    /// The most recent entity in subject position before `pos` that fits,
    /// within a few sentences; else the most recent mention that fits.
    fn recent_subject(&self, pos: usize, fits: impl Fn(&Entity) -> bool) -> Option<usize> {
        self.before(pos)
            .take_while(|(p, _)| pos - p < 1200)
            .filter(|(p, _)| self.subjects.contains(p))
            .map(|(_, i)| i)
            .find(|&i| fits(&self.entities[i]))
            .or_else(|| self.recent(pos, fits))
    }

    /// Like [`Self::recent_subject`], but when the sentence of the nearest
    /// fitting subject opens with another fitting subject, that one: the
    /// main clause outranks a reported clause ("McClenney said Clinton
    /// doesn’t show consistency. “…,” she said" is McClenney).
    fn main_clause_subject(&self, text: &str, pos: usize, fits: impl Fn(&Entity) -> bool) -> Option<usize> {
        let mut subjects = self
            .before(pos)
            .take_while(|(p, _)| pos - p < 1200)
            .filter(|(p, _)| self.subjects.contains(p))
            .filter(|(_, i)| fits(&self.entities[*i]));
        let Some((p, idx)) = subjects.next() else {
            return self.recent(pos, fits);
        };
        let sentence_start = text[..p].rfind(['\n', '.', '?', '!']).map_or(0, |k| k + 1);
        // "While Obama had …, … concerns Henry Crespo": a subordinate
        // clause's subject does not outrank the main clause.
        let subordinate = |q: usize| {
            let word = text[..q].split_whitespace().next_back().unwrap_or("");
            let word = lowercase(word);
            word == "that" || crate::lexicon::SUBORDINATORS.contains(word.as_str())
        };
        let opener = subjects
            .take_while(|(q, _)| *q >= sentence_start)
            .filter(|(q, _)| !subordinate(*q))
            .last();
        Some(opener.map_or(idx, |(_, i)| i))
    }

    /// The most recent entity mentioned before `pos` that fits.
    fn recent(&self, pos: usize, fits: impl Fn(&Entity) -> bool) -> Option<usize> {
        self.before(pos)
            .take(40)
            .map(|(_, i)| i)
            .find(|&i| fits(&self.entities[i]))
    }

    /// Mentions (position, entity) before `pos`, nearest first.
    fn before(&self, pos: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        (self.events.range(..(pos, i64::MIN)).rev()).map(|(&(p, _), &i)| (p, i))
    }

    /// Forgets mentions inside quotations: "Obama had …,” he said" is the
    /// speaker talking about Obama, and must not make Obama the nearest
    /// candidate for "he".
    pub fn forget_quoted(&mut self, quoted: &[Span]) {
        // Spans by start, with the furthest end reached so far: a position
        // is inside one iff the spans starting at or before it reach past
        // it. One binary search per mention instead of a scan of quotes.
        let mut by_start: Vec<Span> = quoted.to_vec();
        by_start.sort_unstable_by_key(|q| q.start);
        let reach: Vec<usize> = by_start
            .iter()
            .scan(0, |m, q| {
                *m = q.end.max(*m);
                Some(*m)
            })
            .collect();
        let inside = |p: &usize| {
            let k = by_start.partition_point(|q| q.start <= *p);
            k > 0 && reach[k - 1] > *p
        };
        self.events.retain(|(p, _), _| !inside(p));
        self.subjects.retain(|p| !inside(p));
    }

    /// The entity of the first mention the roster has inside `span` (the
    /// mention layer's head of a phrase), if any: one range lookup.
    pub(crate) fn entity_in(&self, span: Span) -> Option<usize> {
        (self.events.range((span.start, i64::MIN)..(span.end, i64::MIN)))
            .next()
            .map(|(_, &i)| i)
    }

    /// Records that an entity was referred to at `pos` (a resolved speaker),
    /// so later pronouns can find it.
    pub fn note_mention(&mut self, pos: usize, entity: usize) {
        self.noted += 1;
        self.events.insert((pos, -self.noted), entity);
        self.subjects.insert(pos);
    }

    fn resolved(&self, idx: usize, role: Option<String>) -> Resolved {
        let e = &self.entities[idx];
        Resolved {
            name: e.name.clone(),
            role: role.or_else(|| e.role().map(clean_role)),
            entity: Some(idx),
            name_span: None,
        }
    }

    /// Resolves a speaker mention (the subject of a speech verb) at its span.
    pub fn resolve(&self, text: &str, mention: Span) -> Option<Resolved> {
        self.resolve_within(text, mention, &tokenize(text, mention))
    }

    /// [`Roster::resolve`] given tokens that cover the mention (the
    /// article's, or a sentence of them): the mention's tokens are a slice
    /// of those, not a second tokenization, unless a token crosses the
    /// mention's edge ("Donald Trump" of "Donald Trump’s claim").
    pub(crate) fn resolve_within(&self, text: &str, mention: Span, tokens: &[Token]) -> Option<Resolved> {
        let own;
        let mention_tokens = match exactly_within(tokens, mention) {
            Some(slice) => slice,
            None => {
                own = tokenize(text, mention);
                &own[..]
            }
        };
        // Words and apostrophes (most mentions have nothing else).
        let toks = crate::token::kept(mention_tokens, |t| t.is_word() || t.text == "’" || t.text == "'");
        let first = toks.first()?;
        let l = lowercase(first.stem());
        if toks.len() == 1 && (PRONOUNS_F.contains(&l.as_str()) || PRONOUNS_M.contains(&l.as_str())) {
            let want = if PRONOUNS_F.contains(&l.as_str()) {
                Gender::Female
            } else {
                Gender::Male
            };
            let person = |e: &Entity| e.kind == EntityKind::Person;
            let fits = |e: &Entity| person(e) && e.gender.is_none_or(|g| g == want);
            let idx = self.main_clause_subject(text, mention.start, fits)?;
            return Some(self.resolved(idx, None));
        }
        if toks.len() == 1 && matches!(l.as_str(), "it" | "they" | "we") {
            let idx = self.recent(mention.start, |e| e.kind == EntityKind::Organization)?;
            return Some(self.resolved(idx, None));
        }
        // "the Rev. Peter Wherry": a name behind the article.
        if first.is("the") && toks.len() > 1 && toks[1..].iter().all(|t| t.is_capitalized() || t.text.ends_with('.')) {
            return self.resolve_within(text, Span::new(toks[1].span().start, mention.end), mention_tokens);
        }
        // "Obama's former campaign strategist": a description, not Obama.
        let possessed = first.is_possessive() && toks.last().is_some_and(|t| !t.is_capitalized());
        // "Small groups of protesters", "Clinton aides": a capital that only
        // opens the sentence or modifies the head; the head is a common noun.
        // A known surname first is the person ("Clinton supports …" read as
        // a plural description is still Clinton).
        let known = self.by_surname.get(&surname_key(first.stem())).is_some_and(|list| {
            list.iter().any(|&i| {
                let e = &self.entities[i];
                e.kind == EntityKind::Person && last_word(&e.name) == first.stem()
            })
        });
        let described = toks.len() > 1
            && !known
            && !toks[1].is_capitalized()
            && !toks[1].is_possessive()
            && toks
                .last()
                .is_some_and(|t| !t.is_capitalized() && !t.text.ends_with('.'));
        if possessed || described || !first.is_capitalized() || FUNCTION_WORDS.contains(l.as_str()) {
            return self.resolve_description(text, mention, &toks);
        }
        let run = classify(text, &toks)?;
        // A surname alone is the person of that surname mentioned last
        // ("Johnson said" after Jeh Johnson, not Gary Johnson).
        if !run.name.contains(' ') {
            let surname = |e: &Entity| e.kind == EntityKind::Person && last_word(&e.name) == run.name;
            // Of two Cruzes, the one the story already calls plain "Cruz".
            let called_so = |i: usize| {
                let e = &self.entities[i];
                surname(e)
                    && e.name.contains(' ')
                    && self.surname_alone_from.get(i).is_some_and(|&end| end <= mention.start)
            };
            // Only people of that surname can be called so: read them from
            // the surname index (in index order), not the whole roster.
            let usual: Vec<usize> = (self.by_surname.get(&surname_key(&run.name)))
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .copied()
                .filter(|&i| called_so(i))
                .collect();
            let idx = match usual[..] {
                [only] => Some(only),
                _ => self.recent(mention.start, surname),
            };
            if let Some(idx) = idx {
                let role = run.role.map(|(r, _)| clean_role(&r));
                return Some(Resolved {
                    name_span: Some(run.name_span),
                    ..self.resolved(idx, role)
                });
            }
        }
        if let Some(idx) = self
            .find(&run.name, run.kind.unwrap_or(EntityKind::Person), run.gender)
            .or_else(|| self.find(&run.name, EntityKind::Organization, None))
        {
            let role = run.role.map(|(r, _)| clean_role(&r));
            return Some(Resolved {
                name_span: Some(run.name_span),
                ..self.resolved(idx, role)
            });
        }
        Some(Resolved {
            name: run.name,
            role: run.role.map(|(r, _)| clean_role(&r)),
            entity: None,
            name_span: Some(run.name_span),
        })
    }

    /// "the agency", "the mayor", "a spokeswoman for the office", "officials".
    fn resolve_description(&self, text: &str, mention: Span, toks: &[Token]) -> Option<Resolved> {
        // The head is the last word before a prepositional tail.
        let head_end = toks
            .iter()
            .position(|t| t.is_one_of(&["for", "of", "at", "with", "from", "in"]))
            .unwrap_or(toks.len());
        let head = toks[..head_end].last()?.lower();
        let head = head.trim_end_matches("’s").trim_end_matches("'s").to_string();
        let description = clean_role(mention.of(text));
        // A document speaks for whoever issued it: "said the ruling", "the
        // statement said", "the article read".
        const DOCUMENTS: &[&str] = &[
            "ruling",
            "decision",
            "statement",
            "report",
            "letter",
            "memo",
            "complaint",
            "lawsuit",
            "filing",
            "article",
            "opinion",
            "release",
            "order",
            "editorial",
        ];
        if DOCUMENTS.contains(&head.as_str()) {
            // "a Homeland Security memo": the issuer is named in it.
            let issuer: Vec<&Token> = toks[..head_end.saturating_sub(1)]
                .iter()
                .filter(|t| t.is_capitalized() && !t.has(class::FUNCTION_WORD))
                .collect();
            if let (Some(first), Some(last)) = (issuer.first(), issuer.last()) {
                let span = Span::new(first.span().start, last.span().end);
                let name = span.of(text).trim_end_matches("’s").trim_end_matches("'s");
                if let Some(idx) = self.find(name, EntityKind::Organization, None) {
                    return Some(self.resolved(idx, None));
                }
                return Some(Resolved {
                    name: name.to_string(),
                    role: None,
                    entity: None,
                    name_span: Some(span),
                });
            }
            // "a civil complaint filed by the Securities and Exchange
            // Commission": the issuer follows the document.
            if let Some(r) = self.issuer_after(text, mention.end) {
                return Some(r);
            }
            if let Some(idx) = self.recent(mention.start, |e| e.kind == EntityKind::Organization) {
                return Some(self.resolved(idx, None));
            }
        }
        if ORG_WORDS.contains(head.as_str()) {
            let named = self.recent(mention.start, |e| {
                e.kind == EntityKind::Organization && e.name.to_lowercase().split(' ').any(|w| w == head)
            });
            // With no organisation before it, "the state’s largest union" is
            // the one the story names next ("Organizers with the Federation
            // of … put the crowd at 12,000").
            let ahead = || {
                (self.events.range((mention.end, i64::MIN)..))
                    .take_while(|((p, _), _)| *p < mention.end + 600)
                    .map(|(_, &i)| i)
                    .find(|&i| self.entities[i].kind == EntityKind::Organization)
            };
            let org = named
                .or_else(|| self.recent(mention.start, |e| e.kind == EntityKind::Organization))
                .or_else(ahead);
            if let Some(idx) = org {
                return Some(self.resolved(idx, None));
            }
        } else if (TITLES.contains(head.as_str()) || head.ends_with("man") || head.ends_with("woman"))
            && (toks[0].is("the") || toks[0].is_possessive())
        {
            // "the mayor", "the Vermont senator": the person holding that
            // title, else the person the story is about at that point.
            let idx = self
                .recent(mention.start, |e| {
                    e.kind == EntityKind::Person
                        && e.roles
                            .iter()
                            .any(|(r, _)| r.split(' ').any(|w| normalise_title(w) == head))
                })
                .or_else(|| self.recent_subject(mention.start, |e| e.kind == EntityKind::Person));
            if let Some(idx) = idx {
                return Some(self.resolved(idx, None));
            }
        }
        Some(Resolved {
            name: description,
            role: None,
            entity: None,
            name_span: None,
        })
    }

    /// The issuer named right after a document: "… filed by the federal
    /// Securities and Exchange Commission", "… from the Treasury".
    fn issuer_after(&self, text: &str, at: usize) -> Option<Resolved> {
        let mut end = (at + 120).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let toks = tokenize(text, Span::new(at, end));
        let mut k = 0;
        if toks
            .first()
            .is_some_and(|t| t.text.ends_with("ed") && !t.is_capitalized())
        {
            k += 1;
        }
        if !toks.get(k).is_some_and(|t| t.is("by") || t.is("from")) {
            return None;
        }
        k += 1;
        while toks.get(k).is_some_and(|t| t.is_word() && !t.is_capitalized()) && k < 5 {
            k += 1;
        }
        let start = k;
        let joins = |k: usize| {
            k > start
                && toks.get(k).is_some_and(|t| t.is("of") || t.is("and"))
                && toks.get(k + 1).is_some_and(Token::is_capitalized)
        };
        while toks.get(k).is_some_and(Token::is_capitalized) || joins(k) {
            k += 1;
        }
        if k == start {
            return None;
        }
        let span = Span::new(toks[start].span().start, toks[k - 1].span().end);
        let name = span.of(text);
        if let Some(idx) = self.find(name, EntityKind::Organization, None) {
            return Some(self.resolved(idx, None));
        }
        Some(Resolved {
            name: name.to_string(),
            role: None,
            entity: None,
            name_span: Some(span),
        })
    }

    /// Adds an entity with its lookup keys; returns its index.
    fn push(&mut self, e: Entity) -> usize {
        let idx = self.entities.len();
        let key = surname_key(&e.name);
        self.surnames.push(key);
        self.lower_names.push(e.name.to_lowercase());
        let initial = variant_initial(&e);
        self.variant_initials.push(initial);
        self.by_surname.entry(key).or_default().push(idx);
        if e.kind == EntityKind::Organization {
            self.organisations.push(idx);
        }
        self.entities.push(e);
        idx
    }

    /// Gives an entity its fuller name, keeping the lookup keys in step.
    fn rename(&mut self, idx: usize, name: &str) {
        let old = self.surnames[idx];
        let key = surname_key(name);
        if key != old {
            if let Some(list) = self.by_surname.get_mut(&old) {
                list.retain(|&i| i != idx);
            }
            let list = self.by_surname.entry(key).or_default();
            let at = list.partition_point(|&i| i < idx);
            list.insert(at, idx);
        }
        self.surnames[idx] = key;
        self.lower_names[idx] = name.to_lowercase();
        self.entities[idx].name = name.to_string();
        self.variant_initials[idx] = variant_initial(&self.entities[idx]);
    }

    /// Registers a speaker that the roster did not know (a single surname
    /// the first time it appears) and returns its index.
    pub fn add_person(&mut self, name: &str, mention: Span) -> usize {
        let idx = self.push(Entity {
            kind: EntityKind::Person,
            name: name.to_string(),
            gender: None,
            roles: Vec::new(),
            titles: Vec::new(),
            mentions: vec![mention],
        });
        self.note_mention(mention.start, idx);
        idx
    }
}

/// A title word in its full form ("Gov." → "governor").
pub(crate) fn normalise_title(word: &str) -> String {
    let w = word.to_lowercase();
    match w.as_str() {
        "gov." => "governor",
        "sen." => "senator",
        "rep." => "representative",
        "supt." => "superintendent",
        "lt." => "lieutenant",
        "gen." => "general",
        "capt." => "captain",
        "sgt." => "sergeant",
        "pres." => "president",
        "atty." => "attorney",
        _ => return w,
    }
    .to_string()
}

/// Is a name run in subject position: at a sentence start (after any
/// introductory phrase) or right before a verb?
fn is_subject(text: &str, tokens: &[Token], run: &NameRun) -> bool {
    // Each test below is enough on its own: the cheap ones go first.
    if run.possessive {
        return false;
    }
    let at = tokens.partition_point(|t| t.span().start < run.name_span.end);
    let next = tokens[at..].iter().find(|t| t.span().start >= run.name_span.end);
    let verb_next = next.is_some_and(|t| {
        if !t.is_word() || t.is_capitalized() {
            return false;
        }
        crate::lexicon::ends_with_ignore_case(t.text, "ed")
            || t.has(class::SPEECH_VERB)
            || t.is_one_of(&[
                "has", "had", "is", "was", "will", "would", "says", "said", "did", "does", "can", "could", "also",
                "then", "who", "should", "might", "must", "may",
            ])
            || crate::lexicon::IRREGULAR_PAST.contains(t.text)
    });
    if verb_next {
        return true;
    }
    let start = run
        .role
        .as_ref()
        .map_or(run.name_span.start, |(_, s)| s.start.min(run.name_span.start));
    let before = text[..start].trim_end();
    // Role words and capitalised words before the name belong to it
    // ("Council member Rosa Delgado-Park").
    let mut before = before;
    for _ in 0..4 {
        let Some((head, last)) = before.rsplit_once(char::is_whitespace) else {
            break;
        };
        let role_word = TITLES.contains(last) || ROLE_MODIFIERS.contains_key(last);
        if role_word || (last.starts_with(char::is_uppercase) && !last.ends_with(['.', '”', '"', ':', ','])) {
            before = head.trim_end();
        } else {
            break;
        }
    }
    let sentence_start = before.is_empty() || before.ends_with(['.', '\n', '“', '”', '"', ':', '?', '!', '’']);
    if sentence_start {
        return true;
    }
    // "In an interview with …, Ham made it clear": the subject after an
    // introductory phrase.
    let after_intro = before.ends_with(',') && {
        let sentence = before
            .rsplit(['.', '\n', '?', '!', '“', '”', '"'])
            .next()
            .unwrap_or(before);
        let first = sentence.split_whitespace().next().unwrap_or("");
        crate::lexicon::INTRODUCTORY_WORDS.contains(first)
    };
    // "…, said Erin Castillo": the inverted speaker.
    let after_verb = before
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(crate::lexicon::is_speech_verb);
    // "Hillary Clinton — who’s called for …": the subject of a relative clause.
    let relative = next.is_some_and(|t| matches!(t.text, "," | "—" | "–"))
        && tokens[at..]
            .iter()
            .filter(|t| t.span().start >= run.name_span.end)
            .nth(1)
            .is_some_and(|t| t.is("who") || t.text.starts_with("who’") || t.text.starts_with("who'"));
    // "…, which concerns Henry Crespo, president of …": an introduction.
    let introduced = next.is_some_and(|t| t.is(","))
        && tokens[at..]
            .iter()
            .filter(|t| t.span().start >= run.name_span.end)
            .nth(1)
            .is_some_and(|t| {
                t.has(class::TITLE | class::ROLE_MODIFIER)
                    || t.is_one_of(&["a", "an", "the"])
                    || t.text.starts_with(|c: char| c.is_ascii_digit())
            });
    after_intro || after_verb || introduced || relative
}

/// Do the two words differ only by a plural "s" ("American" / "Americans")?
pub(crate) fn plural_of(a: &str, b: &str) -> bool {
    a.strip_suffix('s') == Some(b) || b.strip_suffix('s') == Some(a)
}

/// Levenshtein distance over characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Edit distance with a swap of two neighbouring letters counted as one
/// edit ("Buttigieg"/"Buttigeig"): the slip a typist makes most.
pub(crate) fn slip_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    if a.len().abs_diff(b.len()) > 2 {
        return edit_distance_floor(a.len(), b.len());
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (j, cell) in d.iter_mut().take(w).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        d[i * w] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j - 1] + cost)
                .min(d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

/// The least edit distance two words of these lengths can have.
fn edit_distance_floor(la: usize, lb: usize) -> usize {
    la.abs_diff(lb)
}

/// Whether two words are at most `max` edits apart, two letters swapped
/// counting as one ("Chriac" for Chirac); words whose lengths alone rule
/// that out skip the table (most pairs of names).
pub(crate) fn within_edits(a: &str, b: &str, max: usize) -> bool {
    a.chars().count().abs_diff(b.chars().count()) <= max && slip_distance(a, b) <= max
}

/// Two words equal but for case, without allocating for ASCII.
fn same_word(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

fn first_compatible(a: &str, b: &str) -> bool {
    let a = a.trim_end_matches('.');
    let b = b.trim_end_matches('.');
    if a.is_ascii() && b.is_ascii() && a.len() < 16 {
        // The same test without allocating, for the usual ASCII names.
        let starts =
            |long: &str, short: &str| long.len() >= short.len() && long[..short.len()].eq_ignore_ascii_case(short);
        let mut dotted = [b'.'; 16];
        dotted[..a.len()].copy_from_slice(a.as_bytes());
        let dotted = std::str::from_utf8(&dotted[..=a.len()]).unwrap_or("");
        return starts(a, b) || starts(b, a) || HONORIFICS.contains_key(dotted);
    }
    let a = a.to_lowercase();
    let b = b.to_lowercase();
    a == b || a.starts_with(&b) || b.starts_with(&a) || HONORIFICS.contains_key(format!("{a}.").as_str())
}

/// A role as people write it: quote marks and a leading article removed.
pub(crate) fn clean_role(role: &str) -> String {
    let unquoted: String;
    let r = if role.contains(['“', '”', '"']) {
        unquoted = role.chars().filter(|c| !matches!(c, '“' | '”' | '"')).collect();
        unquoted.as_str()
    } else {
        role
    };
    let r = r.trim().trim_end_matches(',').trim();
    let r = r
        .strip_prefix("the ")
        .or_else(|| r.strip_prefix("a "))
        .or_else(|| r.strip_prefix("an "))
        .unwrap_or(r);
    r.to_string()
}

/// The appositive after a name ("Tom Homan, the administration’s “border
/// czar,”" → "the administration’s “border czar"), if it reads like a role.
fn appositive(text: &str, tokens: &[Token], name_end: usize) -> Option<(String, Span)> {
    let i = tokens.partition_point(|t| t.span().start < name_end);
    tokens.get(i)?;
    if !tokens[i].is(",") {
        return None;
    }
    let body = &tokens[i + 1..];
    let first = body.first()?;
    let starts_ok = first.is_one_of(&["the", "a", "an"]) || first.is_capitalized();
    if !starts_ok || first.text.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let end = body
        .iter()
        .take(16)
        .position(|t| matches!(t.text, "," | "." | ";" | ")" | "—") || (t.is_word() && t.has(class::SPEECH_VERB)))?;
    if end == 0 {
        return None;
    }
    // "Tamika Hall, a bus driver who spoke …": the role ends where the
    // relative clause begins.
    let end = body[..end]
        .iter()
        .position(|t| t.is("who") || t.is("which"))
        .unwrap_or(end);
    if end == 0 {
        return None;
    }
    let words = &body[..end];
    let capital_ok = first.is_one_of(&["the", "a", "an"]) || words.iter().any(|t| t.is("of") || is_title(t));
    if !capital_ok {
        return None;
    }
    let span = Span::new(words[0].span().start, words[end - 1].span().end);
    Some((clean_role(span.of(text)), span))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster(t: &str) -> Roster {
        Roster::build(t, Span::new(0, t.len()))
    }

    fn resolve(t: &str, r: &Roster, mention: &str, nth: usize) -> Option<Resolved> {
        let start = t.match_indices(mention).nth(nth)?.0;
        r.resolve(t, Span::new(start, start + mention.len()))
    }

    #[test]
    fn pre_title_becomes_role() {
        let t = "Boston Mayor Michelle Wu has reaffirmed the policy. Wu spoke.";
        let r = roster(t);
        let got = resolve(t, &r, "Wu", 1).unwrap();
        assert_eq!(got.name, "Michelle Wu");
        assert_eq!(got.role.as_deref(), Some("Boston Mayor"));
    }

    #[test]
    fn a_word_before_a_known_first_name_and_an_of_phrase_belong_to_the_title() {
        let t = "Miss Universe Alicia Machado spoke. Machado left. \
                 Secretary of State John F. Kerry arrived. Kerry stayed.";
        let r = roster(t);
        let got = resolve(t, &r, "Machado", 1).unwrap();
        assert_eq!(got.name, "Alicia Machado");
        assert_eq!(got.role.as_deref(), Some("Miss Universe"));
        let got = resolve(t, &r, "Kerry", 1).unwrap();
        assert_eq!(got.name, "John F. Kerry");
        assert_eq!(got.role.as_deref(), Some("Secretary of State"));
    }

    #[test]
    fn an_appositive_role_ends_where_a_relative_clause_begins() {
        let t = "Tamika Hall, a bus driver who spoke at the meeting, was angry. Hall left.";
        let r = roster(t);
        let got = resolve(t, &r, "Hall", 1).unwrap();
        assert_eq!(got.role.as_deref(), Some("bus driver"));
    }

    #[test]
    fn surname_resolves_to_full_name_and_appositive_is_role() {
        let t = "Tom Homan, the administration’s “border czar,” signaled plans. Homan agreed.";
        let r = roster(t);
        let got = resolve(t, &r, "Homan", 1).unwrap();
        assert_eq!(got.name, "Tom Homan");
        assert_eq!(got.role.as_deref(), Some("administration’s border czar"));
    }

    #[test]
    fn pronoun_takes_most_recent_compatible_person() {
        let t = "Mayor Michelle Wu spoke. Then Gov. John Baker arrived. Later she left.";
        let r = roster(t);
        assert_eq!(resolve(t, &r, "she", 0).unwrap().name, "Michelle Wu");
    }

    #[test]
    fn the_agency_is_the_last_organisation() {
        let t = "The Calder Valley Relief Alliance registered 640 households. The alliance said more.";
        let r = roster(t);
        assert_eq!(
            resolve(t, &r, "The alliance", 0).unwrap().name,
            "Calder Valley Relief Alliance"
        );
    }

    #[test]
    fn title_back_reference_finds_the_role_holder() {
        let t = "Harbor County Sheriff Dana Ruiz spoke first. Later the sheriff said more.";
        let r = roster(t);
        assert_eq!(resolve(t, &r, "the sheriff", 0).unwrap().name, "Dana Ruiz");
    }
}
