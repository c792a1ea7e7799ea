//! `speaker-name-variant`: one person's name spelled two ways in the same
//! article ("Gregory Haldane" … "Haldene", "Michelle Wu" … "Michele Wu").

use super::{Check, CheckContext, Finding, Report, Severity};

use super::names::{bare_word, bare_words, is_first_name, looks_like_person, one_word_slip, word_slip};
use crate::speakers::{EntityKind, FEW, folded_chars, for_each_prefix_form};

pub struct SpeakerNameVariant;

/// A lower bound of the edit distance from letter counts alone: most
/// pairs of names are ruled out without building the edit table.
fn bag_distance(a: &str, b: &str) -> usize {
    let mut counts = [0i32; 27];
    let slot = |c: char| {
        let l = c.to_ascii_lowercase();
        if l.is_ascii_lowercase() {
            usize::from(l as u8 - b'a')
        } else {
            26
        }
    };
    a.chars().for_each(|c| counts[slot(c)] += 1);
    b.chars().for_each(|c| counts[slot(c)] -= 1);
    let surplus: i32 = counts.iter().filter(|&&n| n > 0).sum();
    let deficit: i32 = -counts.iter().filter(|&&n| n < 0).sum::<i32>();
    surplus.max(deficit) as usize
}

impl Check for SpeakerNameVariant {
    fn id(&self) -> &'static str {
        "speaker-name-variant"
    }

    fn description(&self) -> &'static str {
        "One person's name spelled two different ways in the article."
    }

    fn run(&self, cx: &CheckContext, out: &mut Report) {
        let before = out.findings.len();
        self.find(cx, out);
        // A slip found both as a roster variant and as a lone surname is
        // one finding.
        let mut seen = std::collections::HashSet::new();
        let mut k = before;
        while k < out.findings.len() {
            if seen.insert(out.findings[k].span) {
                k += 1;
            } else {
                out.findings.remove(k);
            }
        }
    }
}

impl SpeakerNameVariant {
    fn find(&self, cx: &CheckContext, out: &mut Report) {
        let entities = &cx.roster.entities;
        let first_mention = |i: usize| entities[i].mentions.iter().min().copied();
        let bare: Vec<Vec<String>> = entities.iter().map(|e| bare_words(&e.name)).collect();
        for &(e, span) in &cx.roster.variants {
            let Some(first) = first_mention(e) else { continue };
            let variant = bare_word(span.of(cx.text));
            // "Sanders’" is Sanders; "Democratic" beside "Democrats" and
            // "Latino" beside "Latina" are words, not a name misspelt.
            let name = &bare[e];
            // "the Clintons’" is the family; "David" beside "Davis" is a
            // first name, not the surname misspelt.
            let plural = variant
                .strip_suffix('s')
                .is_some_and(|v| name.iter().any(|w| w.eq_ignore_ascii_case(v)));
            if name.iter().any(|w| w.eq_ignore_ascii_case(&variant))
                || plural
                || is_first_name(&variant)
                || !looks_like_person(name)
                || !looks_like_person(std::slice::from_ref(&variant))
            {
                continue;
            }
            out.findings.push(Finding {
                check: self.id(),
                severity: Severity::Warning,
                confidence: Severity::Warning.confidence(),
                span,
                related: vec![first],
                message: format!(
                    "{} (line {}) looks like a misspelling of {} (line {})",
                    cx.quoted(span),
                    cx.line(span.start),
                    entities[e].name,
                    cx.line(first.start)
                ),
            });
        }
        self.lone_surname_slips(cx, &bare, out);
        // Two full names one or two letters apart are one person twice.
        // Only pairs that share a deletion key can be one slip apart, so
        // the names are never compared all against all.
        let shapes: Vec<(usize, usize)> = entities
            .iter()
            .map(|e| (e.name.split(' ').count(), e.name.chars().count()))
            .collect();
        for (i, j) in slip_candidates(entities, bare.as_slice(), &shapes) {
            let (a, b) = (&entities[i], &entities[j]);
            let ((wa, ca), (wb, cb)) = (shapes[i], shapes[j]);
            if wa != wb || ca.abs_diff(cb) > 2 || bag_distance(&a.name, &b.name) > 2 {
                continue;
            }
            if a.name.len() < 8 || !one_word_slip(&bare[i], &bare[j]) {
                continue;
            }
            let (Some(fa), Some(fb)) = (first_mention(i), first_mention(j)) else {
                continue;
            };
            let (early, late, late_name, early_name) = if fa < fb {
                (fa, fb, &b.name, &a.name)
            } else {
                (fb, fa, &a.name, &b.name)
            };
            out.findings.push(Finding {
                check: self.id(),
                severity: Severity::Warning,
                confidence: Severity::Warning.confidence(),
                span: late,
                related: vec![early],
                message: format!(
                    "“{late_name}” (line {}) is spelled “{early_name}” on line {}",
                    cx.line(late.start),
                    cx.line(early.start)
                ),
            });
        }
    }
}

/// At most this many names are compared within one deletion key: a key
/// shared by more is an artefact of generated text, not a misspelling.
const MAX_KEY_GROUP: usize = 64;
// `slip_candidates` proposes all pairs among FEW people as the cut groups would.
const _: () = assert!(FEW <= MAX_KEY_GROUP);

/// Pairs `(i, j)`, `i < j`, of people with two or more words in their
/// names that could be one word slip apart, in order. Each name is keyed
/// by its other words and by every form of one word with one letter
/// deleted (two for words of seven letters or more, where two slips are
/// allowed), read from the word's first letters and cut short (see
/// `for_each_prefix_form`, so a long word has at most 46 forms): two words
/// within that many edits or swaps share a form, so every pair
/// `one_word_slip` accepts is among these (a symmetric-delete index, as
/// spelling correctors use), and the work is linear in names. Among
/// [`FEW`] people or fewer, every pair with as many words is proposed
/// instead: no key group is then cut short, so the pairs the caller
/// accepts are the same, and comparing a few names is cheaper than
/// making their forms.
fn slip_candidates(
    entities: &[crate::speakers::Entity],
    bare: &[Vec<String>],
    shapes: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    use std::hash::{Hash, Hasher};
    let people: Vec<usize> = (0..entities.len())
        .filter(|&i| entities[i].kind == EntityKind::Person && shapes[i].0 >= 2)
        .collect();
    if people.len() <= FEW {
        let mut pairs = Vec::new();
        for (k, &i) in people.iter().enumerate() {
            pairs.extend(
                people[k + 1..]
                    .iter()
                    .filter(|&&j| bare[j].len() == bare[i].len())
                    .map(|&j| (i, j)),
            );
        }
        return pairs;
    }
    // `(key << 32) | person`: eight bytes a form, not sixteen, for the
    // millions of forms of a long article's names (issue 15). A 32-bit
    // key shared by chance only proposes a pair the caller turns down.
    let deletions = |word: &[char]| if word.len() >= 7 { 2 } else { 1 };
    let forms = (people.iter())
        .flat_map(|&i| bare[i].iter())
        .map(|w| {
            let letters = folded_chars(w);
            crate::speakers::prefix_forms(letters.len(), deletions(&letters))
        })
        .sum();
    let mut keys: Vec<u64> = Vec::with_capacity(forms);
    for i in people {
        let words: Vec<Vec<char>> = bare[i].iter().map(|w| folded_chars(w)).collect();
        // A name's forms repeat (forms are cut short), and only one of each
        // is wanted: deduplicated per name, a long article's thousands of
        // names do not hold every repeat until the sort (issue 15).
        let from = keys.len();
        for (slot, word) in words.iter().enumerate() {
            let mut rest = rustc_hash::FxHasher::default();
            (words.len(), slot).hash(&mut rest);
            for (k, w) in words.iter().enumerate() {
                if k != slot {
                    w.hash(&mut rest);
                }
            }
            for_each_prefix_form(word, deletions(word), &mut |form: &[char]| {
                let mut h = rest.clone();
                form.hash(&mut h);
                keys.push(((h.finish() >> 32) << 32) | i as u64);
            });
        }
        keys[from..].sort_unstable();
        let mut kept = from;
        for k in from..keys.len() {
            if kept == from || keys[k] != keys[kept - 1] {
                keys[kept] = keys[k];
                kept += 1;
            }
        }
        keys.truncate(kept);
    }
    keys.sort_unstable();
    keys.dedup();
    let mut pairs = Vec::new();
    let person = |e: u64| (e & 0xffff_ffff) as usize;
    for group in keys.chunk_by(|x, y| x >> 32 == y >> 32) {
        let group = &group[..group.len().min(MAX_KEY_GROUP)];
        for (k, &a) in group.iter().enumerate() {
            let a = person(a);
            pairs.extend(group[k + 1..].iter().map(|&b| (a.min(person(b)), a.max(person(b)))));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

impl SpeakerNameVariant {
    /// A surname alone ("Chriac") one slip from the surname of a full
    /// name ("Jacques Chirac"). Surnames are indexed by first letter, so
    /// each lone name meets only the few that could match.
    fn lone_surname_slips(&self, cx: &CheckContext, bare: &[Vec<String>], out: &mut Report) {
        let entities = &cx.roster.entities;
        // The surnames of full names, each under its first letter: as
        // written (ASCII case folded) for the exact test, and by deletion
        // forms for the slips, so a lone name meets only the surnames that
        // could be one slip from it, not every surname of its letter.
        let surname_of = |i: usize| -> Option<&str> {
            let e = &entities[i];
            (e.kind == EntityKind::Person && bare[i].len() >= 2 && looks_like_person(&bare[i]))
                .then(|| bare[i].last().map(String::as_str))
                .flatten()
                .filter(|w| !w.is_empty())
        };
        let initial = |w: &str| w.chars().next().map_or(0, u32::from);
        let mut exact: rustc_hash::FxHashSet<(u32, String)> = rustc_hash::FxHashSet::default();
        let mut people = Vec::new();
        for i in 0..entities.len() {
            if let Some(w) = surname_of(i) {
                exact.insert((initial(w), w.to_ascii_lowercase()));
                people.push((i, initial(w), w));
            }
        }
        // Two slips are allowed only between words of seven letters or
        // more (`word_slip`), so shorter words need forms of one deletion.
        let depth = |letters: usize| if letters >= 7 { 2 } else { 1 };
        let slips = crate::speakers::VariantIndex::new(people.into_iter(), |w: &[char]| depth(w.len()));
        for (j, b) in entities.iter().enumerate() {
            let [lone] = bare[j].as_slice() else { continue };
            if b.kind != EntityKind::Person || !looks_like_person(&bare[j]) || is_first_name(lone) {
                continue;
            }
            let Some(c) = lone.chars().next() else { continue };
            // A lone word that is itself a surname here is no slip.
            if exact.contains(&(u32::from(c), lone.to_ascii_lowercase())) {
                continue;
            }
            let candidates = slips.candidates(u32::from(c), lone, depth(folded_chars(lone).len()));
            let Some(&i) = candidates
                .iter()
                .find(|&&i| bare[i].last().is_some_and(|w| word_slip(w, lone)))
            else {
                continue;
            };
            let (Some(early), Some(late)) = (entities[i].mentions.iter().min(), b.mentions.iter().min()) else {
                continue;
            };
            out.findings.push(Finding {
                check: self.id(),
                severity: Severity::Warning,
                confidence: Severity::Warning.confidence(),
                span: *late,
                related: vec![*early],
                message: format!(
                    "{} (line {}) looks like a misspelling of {} (line {})",
                    cx.quoted(*late),
                    cx.line(late.start),
                    entities[i].name,
                    cx.line(early.start)
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::run_one;

    #[test]
    fn misspelled_surname_is_flagged() {
        let r = run_one(
            "speaker-name-variant",
            "Prosecutor Keisha Lowndes spoke first.\nLater Lownes said prosecutors would appeal.\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    }

    #[test]
    fn swapped_letters_in_a_lone_surname_are_one_slip() {
        let r = run_one(
            "speaker-name-variant",
            "Former governor Marcus Delaney died on Friday.\n\nIn 1990, Dealney was elected to the Senate.\n\nDelaney retired in 2004.\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        assert!(r.findings[0].message.contains("Dealney"), "{}", r.findings[0].message);
    }

    #[test]
    fn possessives_and_party_words_are_not_misspellings() {
        let r = run_one(
            "speaker-name-variant",
            "Bernie Sanders spoke first.\nSanders’ aides and Iowa Democrats agreed, and Democratic voters cheered.\nJames O’Neill and O'Neill left.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }

    #[test]
    fn full_names_one_or_two_slips_apart_are_flagged() {
        // One letter dropped in a short surname; two letters swapped and
        // changed in a long one. Both are found through the deletion index.
        let r = run_one(
            "speaker-name-variant",
            "Councillor Gregory Haldane spoke first. Later Gregory Haldene said he agreed.\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        let r = run_one(
            "speaker-name-variant",
            "Judge Patricia Abernathy ruled. Later Patricia Abrenathi said she would not.\n",
        );
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    }

    #[test]
    fn different_people_are_not_variants() {
        let r = run_one(
            "speaker-name-variant",
            "Hillary Clinton spoke first. Bill Clinton spoke next. Later Clinton left.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }

    #[test]
    fn words_and_plurals_are_not_misspellings() {
        let r = run_one(
            "speaker-name-variant",
            "Lithuanian Americans gathered. The Arizona Republic reported it. Republican voters agreed.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }
}

#[cfg(test)]
mod real_copy_tests {
    use crate::checks::test_support::run_one;

    #[test]
    fn a_family_plural_is_no_misspelling() {
        let r = run_one(
            "speaker-name-variant",
            "\"We are ready,\" said Nora Whitcombe.\n\nThe Whitcombes’ house was sold.\n",
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }
}
