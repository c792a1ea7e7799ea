//! Candidate pairs of similar clauses without comparing every pair: prefix
//! filtering over word hashes. Two clauses whose longest common subsequence
//! is at least [`SHARE`] of the longer one share at least that many words
//! (counted with repeats), and two word multisets sharing `t` words share a
//! word among the first `len - t + 1` of each in any fixed order. So each
//! clause is filed under its first few words (in hash order) only, and
//! looked up under the same: a clause meets the clauses it can match, not
//! the article's every clause.

use rustc_hash::FxHashMap;

/// The share of the longer clause two similar clauses have in common (the
/// caller's threshold, 3/4).
const SHARE: (usize, usize) = (3, 4);

/// Entries looked at per word: a word in every clause of a pathological
/// article (the same quote pasted a thousand times) would otherwise bring
/// back every pair. The most recent entries are the ones looked at.
const MAX_POSTINGS: usize = 256;

/// Clauses (item, clause number) filed under their prefix words.
#[derive(Default)]
pub struct ClauseIndex {
    postings: FxHashMap<u64, Vec<(u32, u32)>>,
}

/// Fewest common words for a share of `SHARE` of a clause of `len` words.
fn needed(len: usize) -> usize {
    (SHARE.0 * len).div_ceil(SHARE.1)
}

/// The clause's words, each numbered by its repeats (so "the … the" are two
/// words), in hash order, cut to the prefix that must meet a match's: the
/// keys a clause is filed and looked up under.
pub fn keys(words: &[u64]) -> Vec<u64> {
    let mut seen: FxHashMap<u64, u64> = FxHashMap::default();
    let mut tokens: Vec<u64> = words
        .iter()
        .map(|&w| {
            let n = seen.entry(w).or_default();
            *n += 1;
            w ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15)
        })
        .collect();
    tokens.sort_unstable();
    let keep = words.len() + 1 - needed(words.len()).max(1);
    tokens.truncate(keep);
    tokens
}

impl ClauseIndex {
    /// Files clauses of `item`, each with its number in the item.
    #[cfg(test)]
    pub fn add<'w>(&mut self, item: usize, clauses: impl IntoIterator<Item = (usize, &'w [u64])>) {
        for (k, words) in clauses {
            self.add_keys(item, k, &keys(words));
        }
    }

    /// Files clause `k` of `item` under its [`keys`].
    pub fn add_keys(&mut self, item: usize, k: usize, keys: &[u64]) {
        for &t in keys {
            self.postings.entry(t).or_default().push((item as u32, k as u32));
        }
    }

    /// Every (earlier item, its clause, this clause) that may be similar,
    /// sorted, so the caller can test them in the order of a full scan.
    #[cfg(test)]
    pub fn candidates<'w>(&self, clauses: impl IntoIterator<Item = &'w [u64]>) -> Vec<(usize, usize, usize)> {
        let keyed: Vec<Vec<u64>> = clauses.into_iter().map(keys).collect();
        self.candidates_of_keys(&keyed)
    }

    /// [`candidates`](Self::candidates) of clauses given by their
    /// [`keys`] (an item's keys are worked out once, for the search and
    /// then for filing it).
    pub fn candidates_of_keys(&self, clauses: &[Vec<u64>]) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        for (k, keys) in clauses.iter().enumerate() {
            for t in keys {
                let Some(list) = self.postings.get(t) else { continue };
                let recent = &list[list.len().saturating_sub(MAX_POSTINGS)..];
                out.extend(recent.iter().map(|&(i, c)| (i as usize, c as usize, k)));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_clauses_meet_and_different_ones_do_not() {
        let mut ix = ClauseIndex::default();
        let a: Vec<u64> = (1..=8).collect();
        let other: Vec<u64> = (100..108).collect();
        ix.add(0, [(0, a.as_slice()), (1, other.as_slice())]);
        // Seven of eight words in common, one changed.
        let b: Vec<u64> = (1..=7).chain([50]).collect();
        assert_eq!(ix.candidates([b.as_slice()]), vec![(0, 0, 0)]);
        let far: Vec<u64> = (200..208).collect();
        assert!(ix.candidates([far.as_slice()]).is_empty());
    }

    #[test]
    fn needed_is_three_quarters_rounded_up() {
        assert_eq!(needed(6), 5);
        assert_eq!(needed(8), 6);
        assert_eq!(needed(1), 1);
    }
}
