//! Word lists compiled in from `data/lexicon/*.txt`, parsed once. Editors
//! extend factsheet's vocabulary by editing those files: one entry per line,
//! `#` starts a comment, optional value after a space.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Lines of a lexicon file without comments and blanks.
fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

fn set(src: &'static str) -> HashSet<&'static str> {
    entries(src).collect()
}

fn map(src: &'static str) -> HashMap<&'static str, &'static str> {
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

pub(crate) static SPEECH_VERBS: LazyLock<HashSet<&str>> = LazyLock::new(|| set(source("speech_verbs.txt")));
pub(crate) static TITLES: LazyLock<HashSet<&str>> = LazyLock::new(|| set(source("titles.txt")));
pub(crate) static HONORIFICS: LazyLock<HashMap<&str, &str>> = LazyLock::new(|| map(source("honorifics.txt")));
pub(crate) static ABBREVIATIONS: LazyLock<HashSet<&str>> = LazyLock::new(|| set(source("abbreviations.txt")));
pub(crate) static ORG_WORDS: LazyLock<HashSet<&str>> = LazyLock::new(|| set(source("org_words.txt")));
pub(crate) static FEMALE_NAMES: LazyLock<HashSet<&str>> = LazyLock::new(|| set(source("female_names.txt")));
pub(crate) static MALE_NAMES: LazyLock<HashSet<&str>> = LazyLock::new(|| set(source("male_names.txt")));
/// Role modifiers, with `true` for rank words.
pub(crate) static ROLE_MODIFIERS: LazyLock<HashMap<&str, bool>> = LazyLock::new(|| {
    entries(source("role_modifiers.txt"))
        .map(|l| match l.split_once(' ') {
            Some((w, tag)) => (w, tag.trim() == "rank"),
            None => (l, false),
        })
        .collect()
});
pub(crate) static PLACE_WORDS: LazyLock<HashSet<&str>> = LazyLock::new(|| set(source("place_words.txt")));
pub(crate) static FUNCTION_WORDS: LazyLock<HashSet<&str>> = LazyLock::new(|| set(source("function_words.txt")));
pub(crate) static WEEKDAYS: LazyLock<HashMap<&str, u8>> = LazyLock::new(|| {
    map(source("weekdays.txt"))
        .into_iter()
        .filter_map(|(k, v)| Some((k, v.parse().ok()?)))
        .collect()
});
pub(crate) static MONTHS: LazyLock<HashMap<&str, u8>> = LazyLock::new(|| {
    map(source("months.txt"))
        .into_iter()
        .filter_map(|(k, v)| Some((k, v.parse().ok()?)))
        .collect()
});
pub(crate) static NUMBER_WORDS: LazyLock<HashMap<&str, u32>> = LazyLock::new(|| {
    map(source("number_words.txt"))
        .into_iter()
        .filter_map(|(k, v)| Some((k, v.parse().ok()?)))
        .collect()
});

/// Is `word` (any case) a speech verb?
pub(crate) fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(word.to_lowercase().as_str())
}

/// Month number of a month name or AP abbreviation ("Sept." → 9).
pub(crate) fn month(word: &str) -> Option<u8> {
    MONTHS.get(word.to_lowercase().as_str()).copied()
}

/// Weekday number (Monday = 1) of a weekday name or abbreviation.
pub(crate) fn weekday(word: &str) -> Option<u8> {
    WEEKDAYS.get(word.to_lowercase().as_str()).copied()
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
