//! A list of check notes, and the text of their words, kept in
//! fixed-size chunks. A long article leaves
//! a million notes; a plain `Vec` that doubles would, for a moment, hold
//! the old and the new buffer at once, and that moment is the article's
//! peak memory (issue 15). Chunks are never grown, so nothing is copied.

use std::ops::Index;

/// Notes per chunk: 16 Ki notes of 24 bytes, about 384 KiB.
const CHUNK: usize = 1 << 14;

/// An append-only list that stores its items in chunks of [`CHUNK`].
#[derive(Debug, Clone)]
pub struct ChunkedList<T> {
    chunks: Vec<Vec<T>>,
    len: usize,
}

impl<T> Default for ChunkedList<T> {
    fn default() -> Self {
        Self {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T> ChunkedList<T> {
    pub fn push(&mut self, item: T) {
        match self.chunks.last_mut() {
            Some(last) if last.len() < CHUNK => last.push(item),
            _ => {
                let mut chunk = Vec::with_capacity(CHUNK);
                chunk.push(item);
                self.chunks.push(chunk);
            }
        }
        self.len += 1;
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn get(&self, i: usize) -> Option<&T> {
        self.chunks.get(i / CHUNK).and_then(|c| c.get(i % CHUNK))
    }

    pub fn last(&self) -> Option<&T> {
        self.chunks.last().and_then(|c| c.last())
    }

    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.chunks.iter().flatten()
    }
}

impl<T> Index<usize> for ChunkedList<T> {
    type Output = T;

    fn index(&self, i: usize) -> &T {
        &self.chunks[i / CHUNK][i % CHUNK]
    }
}

impl<'a, T> IntoIterator for &'a ChunkedList<T> {
    type Item = &'a T;
    type IntoIter = std::iter::Flatten<std::slice::Iter<'a, Vec<T>>>;

    fn into_iter(self) -> Self::IntoIter {
        self.chunks.iter().flatten()
    }
}

/// Bytes per chunk of [`ChunkedText`].
const TEXT_CHUNK: usize = 1 << 20;

/// Append-only text in chunks that are never grown: each piece pushed lies
/// whole in one chunk, and is read back by its offsets in the whole text.
#[derive(Debug, Clone, Default)]
pub struct ChunkedText {
    chunks: Vec<String>,
    /// Where each chunk starts in the whole text.
    starts: Vec<usize>,
    len: usize,
}

impl ChunkedText {
    /// Appends `s`; the text's length grows by `s.len()`.
    pub fn push_str(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        match self.chunks.last_mut() {
            Some(last) if last.capacity() - last.len() >= s.len() => last.push_str(s),
            _ => {
                let mut chunk = String::with_capacity(TEXT_CHUNK.max(s.len()));
                chunk.push_str(s);
                self.chunks.push(chunk);
                self.starts.push(self.len);
            }
        }
        self.len += s.len();
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The bytes `a..b` of the whole text, when they are one pushed piece
    /// (or part of one) on char boundaries.
    pub fn get(&self, a: usize, b: usize) -> Option<&str> {
        if a == b {
            return Some("");
        }
        let i = self.starts.partition_point(|&s| s <= a).checked_sub(1)?;
        let start = self.starts[i];
        self.chunks[i].get(a - start..b.checked_sub(start)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_keep_their_places_across_chunks() {
        let mut l = ChunkedList::default();
        let n = CHUNK * 2 + 5;
        for i in 0..n {
            l.push(i);
        }
        assert_eq!(l.len(), n);
        assert_eq!(l[0], 0);
        assert_eq!(l[CHUNK], CHUNK);
        assert_eq!(l[n - 1], n - 1);
        assert_eq!(l.get(n), None);
        assert!(l.iter().copied().eq(0..n));
        assert!((&l).into_iter().copied().eq(0..n));
        assert_eq!(l.chunks.len(), 3);
        assert!(l.chunks.iter().all(|c| c.capacity() == CHUNK));
    }

    #[test]
    fn text_pieces_read_back_by_their_offsets() {
        let mut t = ChunkedText::default();
        let big = "é".repeat(TEXT_CHUNK);
        let mut at = Vec::new();
        for piece in ["one", &big, "two", "", "three"] {
            let a = t.len();
            t.push_str(piece);
            at.push((a, t.len(), piece));
        }
        for (a, b, piece) in at {
            assert_eq!(t.get(a, b), Some(piece));
        }
        assert_eq!(t.len(), 11 + big.len());
        assert_eq!(t.chunks.len(), 3);
        assert_eq!(t.get(4, 5), None, "not on a char boundary");
    }

    #[test]
    fn an_empty_list_has_no_chunks() {
        let l: ChunkedList<u8> = ChunkedList::default();
        assert!(l.is_empty());
        assert_eq!(l.iter().count(), 0);
    }
}
