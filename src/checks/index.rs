//! Indexes a check builds once per article so it compares an item with its
//! neighbours instead of with every other item: sentence-ending marks by
//! position, and claims sorted by a key. Each lookup is a binary search,
//! so a check stays O(n log n) in the article's size.

use rustc_hash::FxHashMap;

use crate::claims::Claim;
use crate::span::Span;

/// Positions of the sentence-ending marks `.`, `?` and `!` in a text.
pub struct Marks(Vec<usize>);

impl Marks {
    pub fn new(text: &str) -> Self {
        Marks(memchr::memchr3_iter(b'.', b'?', b'!', text.as_bytes()).collect())
    }

    /// Marks in `start..end`.
    pub fn count(&self, start: usize, end: usize) -> usize {
        if end <= start {
            return 0;
        }
        self.0.partition_point(|&p| p < end) - self.0.partition_point(|&p| p < start)
    }

    /// The position of the `k`-th mark (1-based) at or after `pos`.
    pub fn kth_from(&self, pos: usize, k: usize) -> Option<usize> {
        let i = self.0.partition_point(|&p| p < pos);
        self.0.get(i + k.checked_sub(1)?).copied()
    }

    /// The position of the `k`-th mark (1-based) before `pos`, going back.
    pub fn kth_before(&self, pos: usize, k: usize) -> Option<usize> {
        let i = self.0.partition_point(|&p| p < pos);
        i.checked_sub(k).map(|j| self.0[j])
    }
}

/// Items (claim indices) sorted by a position, for "every item whose key is
/// in `lo..=hi`".
pub struct ByKey(Vec<(usize, usize)>);

impl ByKey {
    pub fn new(items: impl IntoIterator<Item = (usize, usize)>) -> Self {
        let mut v: Vec<(usize, usize)> = items.into_iter().collect();
        v.sort_unstable();
        ByKey(v)
    }

    /// The items whose key is in `lo..=hi`, as `(key, item)`.
    pub fn within(&self, lo: usize, hi: usize) -> &[(usize, usize)] {
        if hi < lo {
            return &[];
        }
        let a = self.0.partition_point(|&(k, _)| k < lo);
        let b = self.0.partition_point(|&(k, _)| k <= hi);
        &self.0[a..b.max(a)]
    }
}

/// Spans sorted by start, for "is there one strictly inside `lo..hi`".
pub struct Spans(Vec<Span>);

impl Spans {
    pub fn new(spans: impl IntoIterator<Item = Span>) -> Self {
        let mut v: Vec<Span> = spans.into_iter().collect();
        v.sort_unstable_by_key(|s| (s.start, s.end));
        Spans(v)
    }

    /// Is there a span other than `except` with `start > lo` and `end < hi`?
    /// The scan stops at the first one; the only spans it passes over are
    /// `except` and spans that reach past `hi`, which are few.
    pub fn any_inside_except(&self, lo: usize, hi: usize, except: Span) -> bool {
        let from = self.0.partition_point(|s| s.start <= lo);
        self.0[from..]
            .iter()
            .take_while(|s| s.start < hi)
            .any(|s| s.end < hi && *s != except)
    }
}

/// Claims by the sentence they sit in, and parts by the total they are a
/// part of, each list in claim order.
pub struct Claims {
    by_sentence: FxHashMap<Span, Vec<usize>>,
    parts: FxHashMap<usize, Vec<usize>>,
}

impl Claims {
    pub fn new(claims: &[Claim]) -> Self {
        let mut by_sentence: FxHashMap<Span, Vec<usize>> = FxHashMap::default();
        let mut parts: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
        for (i, c) in claims.iter().enumerate() {
            by_sentence.entry(c.sentence).or_default().push(i);
            if let Some(whole) = c.whole() {
                parts.entry(whole).or_default().push(i);
            }
        }
        Claims { by_sentence, parts }
    }

    /// The claims of sentence `s`.
    pub fn in_sentence(&self, s: Span) -> &[usize] {
        self.by_sentence.get(&s).map_or(&[], Vec::as_slice)
    }

    /// The claims that are parts of claim `whole`.
    pub fn parts_of(&self, whole: usize) -> &[usize] {
        self.parts.get(&whole).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_count_and_step() {
        let m = Marks::new("A. B? C! D.");
        assert_eq!(m.count(0, 11), 4);
        assert_eq!(m.count(2, 5), 1);
        assert_eq!(m.kth_from(2, 1), Some(4));
        assert_eq!(m.kth_from(2, 4), None);
        assert_eq!(m.kth_before(7, 1), Some(4));
        assert_eq!(m.kth_before(7, 3), None);
    }

    #[test]
    fn by_key_finds_a_window() {
        let k = ByKey::new([(30, 0), (10, 1), (20, 2)]);
        assert_eq!(k.within(10, 20), &[(10, 1), (20, 2)]);
        assert!(k.within(21, 29).is_empty());
        assert!(k.within(5, 1).is_empty());
    }

    #[test]
    fn spans_inside() {
        let s = Spans::new([Span::new(5, 8), Span::new(12, 30)]);
        assert!(s.any_inside_except(0, 10, Span::new(0, 1)));
        assert!(!s.any_inside_except(0, 10, Span::new(5, 8)));
        assert!(!s.any_inside_except(10, 20, Span::new(0, 1)));
    }
}
