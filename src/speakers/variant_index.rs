//! Finding the people whose surname is one or two edits from a word,
//! without comparing the word with every person. Two words within `k`
//! edits (letters added, dropped or changed) reduce to one string by at
//! most `k` deletions from each. Only the first [`FORM_PREFIX`] letters
//! are read and each reduced form is cut to `FORM_PREFIX - 2` letters: the
//! first letters of the shared string come from within that prefix of
//! both words, so the cut forms still meet, and a long name costs at most
//! 46 forms (a symmetric-delete index, as spelling correctors use). Forms
//! only propose candidates; the caller's own test decides.

use std::hash::{Hash, Hasher};

/// Letters of a word its deletion forms are made from.
pub(crate) const FORM_PREFIX: usize = 9;

/// Calls `f` with every form of `word` (lower-cased letters) with up to
/// `depth` (at most 2) letters deleted from its first [`FORM_PREFIX`]
/// letters, each cut to `FORM_PREFIX - 2` letters. Forms may repeat. Two
/// words `depth` or fewer edits apart (a swap of neighbours is two) share
/// a form.
pub(crate) fn for_each_prefix_form(word: &[char], depth: usize, f: &mut dyn FnMut(&[char])) {
    let head = &word[..word.len().min(FORM_PREFIX)];
    let keep = FORM_PREFIX - 2;
    let cut = |form: &[char]| form.len().min(keep);
    f(&head[..cut(head)]);
    if depth == 0 {
        return;
    }
    let mut form: Vec<char> = Vec::with_capacity(head.len());
    for i in 0..head.len() {
        form.clear();
        form.extend(head.iter().enumerate().filter(|&(k, _)| k != i).map(|(_, &c)| c));
        f(&form[..cut(&form)]);
        if depth >= 2 {
            for j in i + 1..head.len() {
                form.clear();
                form.extend(
                    head.iter()
                        .enumerate()
                        .filter(|&(k, _)| k != i && k != j)
                        .map(|(_, &c)| c),
                );
                f(&form[..cut(&form)]);
            }
        }
    }
}

/// A word's letters, lower-cased as `edit_distance` compares them.
pub(crate) fn folded_chars(word: &str) -> Vec<char> {
    word.chars().flat_map(char::to_lowercase).collect()
}

fn key(initial: u32, form: &[char]) -> u32 {
    let mut h = rustc_hash::FxHasher::default();
    (initial, form).hash(&mut h);
    (h.finish() >> 32) as u32
}

/// People by the deletion forms of their surname, with the surname's
/// initial (a byte or a letter, as the caller reads it) in each key:
/// `(key << 32) | person`, sorted, so a lookup is a binary search and each
/// entry is eight bytes.
#[derive(Debug, Default)]
pub struct VariantIndex {
    entries: Vec<u64>,
    /// For a roster of a few people, the people and their initials
    /// instead: reading them all is cheaper than making forms, and
    /// proposes every person the forms could.
    few: Option<Vec<(usize, u32)>>,
}

/// Up to this many people are read one by one rather than indexed (here
/// and by `speaker-name-variant`): making every deletion form of a few
/// names costs more than comparing them.
pub(crate) const FEW: usize = 64;

impl VariantIndex {
    /// Indexes `(person, initial, surname)` for every person whose surname
    /// may be looked for, with forms of up to `depth(surname)` deletions.
    pub(crate) fn new<'a>(
        people: impl Iterator<Item = (usize, u32, &'a str)>,
        depth: impl Fn(&[char]) -> usize,
    ) -> VariantIndex {
        let people: Vec<(usize, u32, &str)> = people.collect();
        if people.len() <= FEW {
            let few = people.iter().map(|&(i, initial, _)| (i, initial)).collect();
            return VariantIndex {
                entries: Vec::new(),
                few: Some(few),
            };
        }
        let mut entries = Vec::new();
        for (i, initial, surname) in people {
            let letters = folded_chars(surname);
            for_each_prefix_form(&letters, depth(&letters), &mut |form: &[char]| {
                entries.push((u64::from(key(initial, form)) << 32) | i as u64);
            });
        }
        entries.sort_unstable();
        entries.dedup();
        VariantIndex { entries, few: None }
    }

    /// The people (in index order, each once) whose surname shares a form
    /// of up to `depth` deletions with `word` under `initial`: every
    /// surname that many edits from it (or fewer) is among them.
    pub(crate) fn candidates(&self, initial: u32, word: &str, depth: usize) -> Vec<usize> {
        if let Some(few) = &self.few {
            let mut out: Vec<usize> = few.iter().filter(|&&(_, c)| c == initial).map(|&(i, _)| i).collect();
            out.sort_unstable();
            return out;
        }
        let mut out = Vec::new();
        for_each_prefix_form(&folded_chars(word), depth, &mut |form: &[char]| {
            let k = u64::from(key(initial, form)) << 32;
            let from = self.entries.partition_point(|&e| e < k);
            let to = self.entries.partition_point(|&e| e < k + (1 << 32));
            out.extend(self.entries[from..to].iter().map(|&e| (e & 0xffff_ffff) as usize));
        });
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(w: &str, depth: usize) -> Vec<String> {
        let mut out = Vec::new();
        for_each_prefix_form(&folded_chars(w), depth, &mut |f: &[char]| out.push(f.iter().collect()));
        out
    }

    #[test]
    fn forms_of_a_short_word_are_its_deletions() {
        assert_eq!(forms("Wux", 1), ["wux", "ux", "wx", "wu"]);
    }

    #[test]
    fn words_two_edits_apart_share_a_cut_form() {
        for (a, b) in [
            ("Abernathy", "Abrenathi"),
            ("Haldane", "Haldene"),
            ("Washingtonian", "Wasingtonian"),
            ("Kalominesatovi", "Kalomnesatova"),
            ("Okafor", "Okafour"),
        ] {
            let fa = forms(a, 2);
            assert!(forms(b, 2).iter().any(|f| fa.contains(f)), "{a} / {b}");
        }
    }

    #[test]
    fn the_index_proposes_near_surnames_only() {
        let mut people = vec![
            (0, 72, "Haldane"),
            (1, 72, "Hawkins"),
            (2, 75, "Haldane"),
            (3, 72, "Holdane"),
        ];
        // A few people are all proposed (those of the initial); many are
        // indexed.
        let few = VariantIndex::new(people.clone().into_iter(), |_| 2);
        assert_eq!(few.candidates(72, "Haldene", 2), [0, 1, 3]);
        people.extend((4..=FEW).map(|i| (i, 90, "Zimmerman")));
        let index = VariantIndex::new(people.into_iter(), |_| 2);
        assert_eq!(index.candidates(72, "Haldene", 2), [0, 3]);
        assert!(index.candidates(72, "Zzyzx", 2).is_empty());
    }
}
