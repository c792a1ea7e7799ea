//! What two name forms must look like before the name checks call one a
//! misspelling of the other: both a person's name (capitalised words, no
//! party, people or ordinary word among them), the same once possessives
//! and apostrophe shapes are set aside, and apart by one slip of one word.
//! Real copy writes `Sanders’` beside `Sanders`, `O'Neill` beside
//! `O’Neill`, `Democrats` beside `Democratic`: none of these is a typo.

use crate::lexicon::{FEMALE_NAMES, FUNCTION_WORDS, MALE_NAMES, NOT_NAMES, NUMBER_WORDS, TITLES};

/// Lower-case particles that belong inside a surname ("Ursula von der Leyen").
const PARTICLES: &[&str] = &[
    "de", "da", "di", "du", "van", "von", "der", "den", "la", "le", "al", "el", "bin", "ibn",
];

/// One word of a name without its possessive ending and with one
/// apostrophe shape: `Sanders’` and `Sanders'` are `Sanders`, `O’Neill`
/// is `O'Neill`.
pub(crate) fn bare_word(w: &str) -> String {
    let w = w.replace('’', "'");
    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '.' && c != '-');
    let w = w.strip_suffix("'s").unwrap_or(w);
    w.trim_end_matches('\'').to_string()
}

/// The words of a name, each bare.
pub(crate) fn bare_words(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(bare_word)
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether the words read as a person's name: each capitalised (or a
/// surname particle), none a number, a title, a function word or a word
/// that names a party, a people or a thing.
pub(crate) fn looks_like_person(words: &[String]) -> bool {
    !words.is_empty()
        && words.iter().all(|w| {
            let lower = w.to_lowercase();
            if PARTICLES.contains(&lower.as_str()) {
                return true;
            }
            w.chars().next().is_some_and(char::is_uppercase)
                && !w.chars().any(|c| c.is_ascii_digit())
                && !NOT_NAMES.contains(&lower)
                && !FUNCTION_WORDS.contains(&lower)
                && !NUMBER_WORDS.contains_key(&lower)
                && !TITLES.contains(&lower)
        })
}

/// Whether one word could be a slip for the other: one letter added,
/// dropped or changed, in a word long enough that one letter does not
/// make another common name ("Jane"/"Jack" are two people, "Emanuel" and
/// "Emanual" one), and not a plural.
pub(crate) fn word_slip(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.min(lb) < 4 || a.eq_ignore_ascii_case(b) {
        return false;
    }
    if crate::speakers::plural_of(&a.to_lowercase(), &b.to_lowercase()) {
        return false;
    }
    // A changed first letter is a different name or another
    // transliteration ("Cross"/"Ross", "Qadhafi"/"Gaddafi"), and a man's
    // and a woman's first name are two people ("Eric"/"Erica").
    let first = |w: &str| w.chars().next().map(|c| c.to_lowercase().to_string());
    if first(a) != first(b) || opposite_genders(a, b) {
        return false;
    }
    let d = crate::speakers::slip_distance(a, b);
    d == 1 || (d == 2 && la.min(lb) >= 7)
}

/// Whether one word is a man's first name and the other a woman's.
fn opposite_genders(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    (MALE_NAMES.contains(&a) && FEMALE_NAMES.contains(&b)) || (FEMALE_NAMES.contains(&a) && MALE_NAMES.contains(&b))
}

/// Whether a word is a common first name, which a surname alone ("Davis")
/// is not a slip for ("David").
pub(crate) fn is_first_name(w: &str) -> bool {
    let w = w.to_lowercase();
    MALE_NAMES.contains(&w) || FEMALE_NAMES.contains(&w)
}

/// Whether two full names are one person's name with one word misspelt:
/// the same number of words, all but one equal, that one a slip.
pub(crate) fn one_word_slip(a: &[String], b: &[String]) -> bool {
    looks_like_person(a) && looks_like_person(b) && one_slip_between_people(a, b)
}

/// [`one_word_slip`] of two names already known to look like people's.
pub(crate) fn one_slip_between_people(a: &[String], b: &[String]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let differing: Vec<(&String, &String)> = a.iter().zip(b).filter(|(x, y)| !x.eq_ignore_ascii_case(y)).collect();
    matches!(differing.as_slice(), [(x, y)] if word_slip(x, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        bare_words(s)
    }

    #[test]
    fn possessives_and_apostrophes_are_the_same_name() {
        assert_eq!(w("Bernie Sanders’"), w("Bernie Sanders"));
        assert_eq!(w("James O’Neill"), w("James O'Neill"));
        assert!(!one_word_slip(&w("Bernie Sanders’"), &w("Bernie Sanders")));
    }

    #[test]
    fn one_letter_slips_are_flagged_and_different_names_are_not() {
        assert!(one_word_slip(&w("Rahm Emanuel"), &w("Rahm Emanual")));
        assert!(one_word_slip(&w("Madeleine Albright"), &w("Madeline Albright")));
        assert!(one_word_slip(&w("Pete Buttigieg"), &w("Pete Buttigeig")));
        assert!(one_word_slip(&w("Davis Manafort"), &w("Davis Manafortin")));
        assert!(!one_word_slip(&w("Jane Kelly"), &w("Jack Kelly")));
        assert!(!one_word_slip(&w("George W. Bush"), &w("George P. Bush")));
        assert!(!one_word_slip(&w("Central Americans"), &w("Central American")));
        assert!(!one_word_slip(&w("Several Democrats"), &w("Several Democratic")));
        assert!(!one_word_slip(&w("for Sanders"), &w("Top Sanders")));
    }
}
