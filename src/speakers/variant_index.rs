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

/// How many forms [`for_each_prefix_form`] makes of a word of `letters`
/// letters: room for them is taken once, so a long article's millions of
/// forms are not copied as their list doubles (issue 15).
pub(crate) fn prefix_forms(letters: usize, depth: usize) -> usize {
    let n = letters.min(FORM_PREFIX);
    match depth {
        0 => 1,
        1 => 1 + n,
        _ => 1 + n + n * n.saturating_sub(1) / 2,
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
/// `(key << 32) | person`, sorted, each entry eight bytes. The keys are
/// hashes, spread evenly, so a directory by their top bits finds a key's
/// entries in one step: a binary search over millions of entries (a long
/// article of names) missed the cache at every step, and the time per MB
/// grew with the article (issue 15).
#[derive(Debug, Default)]
pub struct VariantIndex {
    entries: Vec<u64>,
    /// Where the entries whose key starts with each `bits`-bit prefix
    /// begin; one more for the end.
    directory: Vec<u32>,
    bits: u32,
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
                few: Some(few),
                ..VariantIndex::default()
            };
        }
        let forms = (people.iter())
            .map(|&(_, _, surname)| {
                let letters = folded_chars(surname);
                prefix_forms(letters.len(), depth(&letters))
            })
            .sum();
        let mut entries = Vec::with_capacity(forms);
        for (i, initial, surname) in people {
            let letters = folded_chars(surname);
            for_each_prefix_form(&letters, depth(&letters), &mut |form: &[char]| {
                entries.push((u64::from(key(initial, form)) << 32) | i as u64);
            });
        }
        entries.sort_unstable();
        entries.dedup();
        entries.shrink_to_fit();
        // About four entries under each prefix.
        let bits = (entries.len() / 4).max(2).ilog2().min(24);
        let mut directory = Vec::with_capacity((1 << bits) + 1);
        let mut at = 0;
        for prefix in 0..=(1u64 << bits) {
            while at < entries.len() && entries[at] >> (64 - bits) < prefix {
                at += 1;
            }
            directory.push(at as u32);
        }
        VariantIndex {
            entries,
            directory,
            bits,
            few: None,
        }
    }

    /// The people filed under `key`.
    fn filed(&self, key: u32) -> impl Iterator<Item = usize> + '_ {
        let k = u64::from(key) << 32;
        let prefix = (k >> (64 - self.bits)) as usize;
        let (from, to) = (self.directory[prefix] as usize, self.directory[prefix + 1] as usize);
        let bucket = &self.entries[from..to];
        let start = bucket.partition_point(|&e| e < k);
        bucket[start..]
            .iter()
            .take_while(move |&&e| e >> 32 == k >> 32)
            .map(|&e| (e & 0xffff_ffff) as usize)
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
            out.extend(self.filed(key(initial, form)));
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
        for (w, depth) in [
            ("Wux", 1),
            ("Wux", 2),
            ("Abernathy", 2),
            ("Kalominesatovi", 2),
            ("Ng", 0),
        ] {
            assert_eq!(forms(w, depth).len(), prefix_forms(w.chars().count(), depth), "{w}");
        }
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
