//! Word lists compiled in from `data/lexicon/*.txt`, parsed once. Editors
//! extend factsheet's vocabulary by editing those files: one entry per line,
//! `#` starts a comment, optional value after a space.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// FNV-1a for the word lists: lookups of short words are the hot path, and
/// SipHash's protection against hostile keys buys nothing here.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf29ce484222325 } else { self.0 };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
}

type FastSet = HashSet<&'static str, BuildHasherDefault<Fnv>>;
type FastMap<V> = HashMap<&'static str, V, BuildHasherDefault<Fnv>>;

/// Lower case without allocating when the word already is (most words).
pub(crate) fn lowercase(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// Lines of a lexicon file without comments and blanks.
fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

fn set(src: &'static str) -> FastSet {
    entries(src).collect()
}

fn map(src: &'static str) -> FastMap<&'static str> {
    entries(src)
        .filter_map(|l| l.rsplit_once(' '))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect()
}

pub(crate) const SOURCES: &[(&str, &str)] = &[
    ("speech_verbs.txt", include_str!("../data/lexicon/speech_verbs.txt")),
    ("titles.txt", include_str!("../data/lexicon/titles.txt")),
    ("honorifics.txt", include_str!("../data/lexicon/honorifics.txt")),
    ("abbreviations.txt", include_str!("../data/lexicon/abbreviations.txt")),
    ("months.txt", include_str!("../data/lexicon/months.txt")),
    ("org_words.txt", include_str!("../data/lexicon/org_words.txt")),
    ("number_words.txt", include_str!("../data/lexicon/number_words.txt")),
    ("female_names.txt", include_str!("../data/lexicon/female_names.txt")),
    ("male_names.txt", include_str!("../data/lexicon/male_names.txt")),
    ("place_words.txt", include_str!("../data/lexicon/place_words.txt")),
    ("function_words.txt", include_str!("../data/lexicon/function_words.txt")),
    ("weekdays.txt", include_str!("../data/lexicon/weekdays.txt")),
    ("role_modifiers.txt", include_str!("../data/lexicon/role_modifiers.txt")),
];

fn source(name: &str) -> &'static str {
    SOURCES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s).unwrap_or("")
}

pub(crate) static SPEECH_VERBS: LazyLock<FastSet> = LazyLock::new(|| set(source("speech_verbs.txt")));
pub(crate) static TITLES: LazyLock<FastSet> = LazyLock::new(|| set(source("titles.txt")));
pub(crate) static HONORIFICS: LazyLock<FastMap<&'static str>> = LazyLock::new(|| map(source("honorifics.txt")));
pub(crate) static ABBREVIATIONS: LazyLock<FastSet> = LazyLock::new(|| set(source("abbreviations.txt")));
pub(crate) static ORG_WORDS: LazyLock<FastSet> = LazyLock::new(|| set(source("org_words.txt")));
pub(crate) static FEMALE_NAMES: LazyLock<FastSet> = LazyLock::new(|| set(source("female_names.txt")));
pub(crate) static MALE_NAMES: LazyLock<FastSet> = LazyLock::new(|| set(source("male_names.txt")));
/// Role modifiers, with `true` for rank words.
pub(crate) static ROLE_MODIFIERS: LazyLock<FastMap<bool>> = LazyLock::new(|| {
    entries(source("role_modifiers.txt"))
        .map(|l| match l.split_once(' ') {
            Some((w, tag)) => (w, tag.trim() == "rank"),
            None => (l, false),
        })
        .collect()
});
pub(crate) static PLACE_WORDS: LazyLock<FastSet> = LazyLock::new(|| set(source("place_words.txt")));
pub(crate) static FUNCTION_WORDS: LazyLock<FastSet> = LazyLock::new(|| set(source("function_words.txt")));
pub(crate) static WEEKDAYS: LazyLock<FastMap<u8>> = LazyLock::new(|| {
    map(source("weekdays.txt"))
        .into_iter()
        .filter_map(|(k, v)| Some((k, v.parse().ok()?)))
        .collect()
});
pub(crate) static MONTHS: LazyLock<FastMap<u8>> = LazyLock::new(|| {
    map(source("months.txt"))
        .into_iter()
        .filter_map(|(k, v)| Some((k, v.parse().ok()?)))
        .collect()
});
pub(crate) static NUMBER_WORDS: LazyLock<FastMap<u32>> = LazyLock::new(|| {
    map(source("number_words.txt"))
        .into_iter()
        .filter_map(|(k, v)| Some((k, v.parse().ok()?)))
        .collect()
});

/// Is `word` (any case) a speech verb?
pub(crate) fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(lowercase(word).as_ref())
}

/// Month number of a month name or AP abbreviation ("Sept." → 9).
pub(crate) fn month(word: &str) -> Option<u8> {
    MONTHS.get(lowercase(word).as_ref()).copied()
}

/// Weekday number (Monday = 1) of a weekday name or abbreviation.
pub(crate) fn weekday(word: &str) -> Option<u8> {
    WEEKDAYS.get(lowercase(word).as_ref()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_files_are_sorted_without_duplicates() {
        for (name, src) in SOURCES {
            let keys: Vec<String> = entries(src).map(|l| l.split(' ').next().unwrap().to_string()).collect();
            let mut sorted = keys.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(keys, sorted, "{name} must be sorted and free of duplicates");
        }
    }

    #[test]
    fn months_include_ap_abbreviations() {
        assert_eq!(month("Sept."), Some(9));
        assert_eq!(month("March"), Some(3));
        assert_eq!(month("Smith"), None);
    }
}
