//! Which vanished old row a fresh row is an edit of (`changed`), found
//! through indexes rather than by comparing every pair: old rows are put in
//! buckets by article, kind and type, and a fresh row is compared only with
//! the rows of its bucket that have the same shape (its text and sentence
//! with every run of digits read as one mark, so "370" → "380" keeps it)
//! and with the few nearest it by line and column. Edit distances are
//! computed in a band as wide as the best match so far allows, so the
//! merge is linear in rows.

use std::collections::HashMap;

use super::Row;

/// How many unused rows on each side of a fresh row's place are compared.
const NEAR: usize = 6;
/// How far from a fresh row's place the search goes for those rows.
const REACH: usize = 64;
/// How many rows of one shape are compared.
const SAME_SHAPE: usize = 12;

/// The vanished old rows of a merge, indexed for [`Vanished::best_match`].
pub(super) struct Vanished<'a> {
    pub rows: Vec<&'a Row>,
    used: Vec<bool>,
    /// By a hash of (article, kind, type); candidates are checked for the
    /// three themselves.
    buckets: HashMap<u64, Bucket>,
}

#[derive(Default)]
struct Bucket {
    /// ((line, column), row), sorted.
    by_place: Vec<((u64, u64), usize)>,
    /// Rows by shape, in sheet order, with how many at the front are used.
    by_shape: HashMap<String, (usize, Vec<usize>)>,
}

fn bucket_key(r: &Row) -> (&str, &str, &str) {
    (r.cell("article"), r.cell("kind"), r.cell("type"))
}

fn bucket_hash(r: &Row) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    bucket_key(r).hash(&mut h);
    h.finish()
}

fn place(r: &Row) -> (u64, u64) {
    let n = |c: &str| r.cell(c).trim().parse().unwrap_or(u64::MAX);
    (n("line"), n("column"))
}

/// Text and sentence together: "370" → "380" is a small edit of its
/// sentence even though it is a third of the claim's own text.
fn key(r: &Row) -> String {
    format!("{} | {}", r.cell("text"), r.cell("context"))
}

/// The key with every run of digits as one `#`.
fn shape(r: &Row) -> String {
    let mut out = String::new();
    for c in key(r).chars() {
        if c.is_ascii_digit() {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else {
            out.push(c);
        }
    }
    out
}

impl<'a> Vanished<'a> {
    pub fn new(rows: Vec<&'a Row>) -> Self {
        let mut buckets: HashMap<_, Bucket> = HashMap::new();
        for (i, r) in rows.iter().enumerate() {
            let b = buckets.entry(bucket_hash(r)).or_default();
            b.by_place.push((place(r), i));
            b.by_shape.entry(shape(r)).or_default().1.push(i);
        }
        for b in buckets.values_mut() {
            b.by_place.sort_unstable();
        }
        Vanished {
            used: vec![false; rows.len()],
            rows,
            buckets,
        }
    }

    /// The vanished row most like `new` (same article, kind and type, text
    /// and sentence at least 80% similar), taken out of the unused rows.
    /// Among equally similar rows, the last in the sheet, as before.
    pub fn take_best_match(&mut self, new: &Row) -> Option<&'a Row> {
        let b = self.buckets.get_mut(&bucket_hash(new))?;
        let used = &self.used;
        let mut candidates = Vec::new();
        if let Some((front, same)) = b.by_shape.get_mut(&shape(new)) {
            while *front < same.len() && used[same[*front]] {
                *front += 1;
            }
            candidates.extend(
                same[*front..]
                    .iter()
                    .take(REACH)
                    .filter(|&&i| !used[i])
                    .take(SAME_SHAPE),
            );
        }
        let at = b.by_place.partition_point(|e| e.0 < place(new));
        let unused = |e: &&((u64, u64), usize)| !used[e.1];
        let before = b.by_place[..at].iter().rev().take(REACH).filter(unused).take(NEAR);
        let after = b.by_place[at..].iter().take(REACH).filter(unused).take(NEAR);
        candidates.extend(before.chain(after).map(|e| e.1));
        candidates.sort_unstable();
        candidates.dedup();
        candidates.retain(|&i| bucket_key(self.rows[i]) == bucket_key(new));
        let mine: Vec<char> = key(new).chars().flat_map(char::to_lowercase).collect();
        let my_len = key(new).chars().count();
        let mut best: Option<(f64, usize)> = None;
        for &i in &candidates {
            let theirs = key(self.rows[i]);
            let longest = my_len.max(theirs.chars().count());
            if longest == 0 {
                best = Some((1.0, i));
                continue;
            }
            // The most edits that can still reach 80%, or tie the best.
            let floor = best.map_or(0.8, |(s, _)| s);
            let limit = ((1.0 - floor) * longest as f64).floor() as usize + 1;
            let theirs: Vec<char> = theirs.chars().flat_map(char::to_lowercase).collect();
            let Some(d) = bounded_edit_distance(&mine, &theirs, limit) else {
                continue;
            };
            let s = 1.0 - d as f64 / longest as f64;
            // Candidates go in sheet order, so a tie goes to the later row.
            if s >= 0.8 && best.is_none_or(|(b, _)| s >= b) {
                best = Some((s, i));
            }
        }
        let (_, i) = best?;
        self.used[i] = true;
        Some(self.rows[i])
    }

    /// The rows no fresh row took, in sheet order.
    /// The places (in the rows given to [`Vanished::new`]) of the rows no
    /// fresh row took.
    pub fn unused_places(&self) -> impl Iterator<Item = usize> + '_ {
        self.used.iter().enumerate().filter(|(_, u)| !**u).map(|(i, _)| i)
    }

    pub fn unused(&self) -> impl Iterator<Item = &'a Row> + '_ {
        self.rows.iter().zip(&self.used).filter(|(_, u)| !**u).map(|(r, _)| *r)
    }
}

/// The edit distance of `a` and `b` if it is at most `limit`: only the
/// cells within `limit` of the diagonal are computed.
fn bounded_edit_distance(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let inf = usize::MAX / 2;
    let mut prev = vec![inf; b.len() + 1];
    let mut cur = vec![inf; b.len() + 1];
    for (j, cell) in prev.iter_mut().enumerate().take(limit.min(b.len()) + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        let lo = i.saturating_sub(limit).max(1);
        let hi = (i + limit).min(b.len());
        // Only the band's cells, and one on each side, are ever read.
        cur[lo - 1] = if lo == 1 && i <= limit { i } else { inf };
        if hi < b.len() {
            cur[hi + 1] = inf;
        }
        let mut least = cur[lo - 1];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let v = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            cur[j] = v;
            least = least.min(v);
        }
        if least > limit {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[b.len()]).filter(|&d| d <= limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_band_gives_the_full_distance_when_it_is_within_reach() {
        let words = [
            "",
            "a",
            "370 people",
            "380 people",
            "kitten",
            "sitting",
            "Ünïcode",
            "unicode",
            "flaw",
            "lawn",
        ];
        for a in words {
            for b in words {
                let full = crate::speakers::edit_distance(a, b);
                let (ca, cb): (Vec<char>, Vec<char>) = (
                    a.chars().flat_map(char::to_lowercase).collect(),
                    b.chars().flat_map(char::to_lowercase).collect(),
                );
                for limit in 0..12 {
                    let expected = (full <= limit).then_some(full);
                    assert_eq!(
                        bounded_edit_distance(&ca, &cb, limit),
                        expected,
                        "{a} / {b} within {limit}"
                    );
                }
            }
        }
    }
}
