//! Byte spans into the original input, and the line index that turns them into
//! line:column for people. Spans are the link back to the text, so every item
//! the pipeline creates carries one from the moment it is made.

use serde::Serialize;

/// A half-open byte range `[start, end)` into the original input bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Line starts of a text, for turning byte offsets into 1-based line:column
/// (column counted in characters, as editors show it).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Inside lines longer than `MARK_EVERY` bytes, a mark about every
    /// `MARK_EVERY` bytes: (byte offset, its column counted from its line's
    /// start, 0-based). A column is then counted from the nearest mark, so a
    /// text of one long line (a transcript pasted without breaks) does not
    /// cost its whole length per item.
    marks: Vec<(usize, usize)>,
}

/// How far apart the column marks of a long line are, in bytes.
const MARK_EVERY: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut marks = Vec::new();
        for (k, &start) in starts.iter().enumerate() {
            let end = starts.get(k + 1).map_or(text.len(), |&next| next - 1);
            let (mut at, mut column) = (start, 0);
            while end - at > MARK_EVERY {
                let mut next = at + MARK_EVERY;
                while !text.is_char_boundary(next) {
                    next += 1;
                }
                column += text[at..next].chars().count();
                marks.push((next, column));
                at = next;
            }
        }
        LineIndex { starts, marks }
    }

    /// 1-based line of a byte offset (the line breaks before it, plus one).
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// 1-based line and column of a byte offset. `text` must be the text the
    /// index was built from.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let mut end = offset.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        // The nearest mark at or before the offset on the same line.
        let k = self.marks.partition_point(|&(at, _)| at <= end);
        let (from, column) = match k.checked_sub(1).map(|k| self.marks[k]) {
            Some((at, column)) if at >= start => (at, column),
            _ => (start, 0),
        };
        (line, column + text[from..end].chars().count() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\n“cd” e";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 3), (2, 1));
        let e = text.find('e').unwrap();
        assert_eq!(idx.line_col(text, e), (2, 6));
    }

    #[test]
    fn long_lines_count_columns_from_marks_the_same() {
        // Lines far longer than the mark spacing, with multi-byte
        // characters across the marks, and a short line between them.
        let long: String = "ab “cd” é ".repeat(2000);
        let text = format!("{long}\nshort\n{long}x");
        let idx = LineIndex::new(&text);
        for offset in (0..text.len()).step_by(997).chain([text.len() - 1, text.len()]) {
            let mut end = offset;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let start = text[..end].rfind('\n').map_or(0, |i| i + 1);
            let line = text[..end].matches('\n').count() + 1;
            assert_eq!(
                idx.line_col(&text, offset),
                (line, text[start..end].chars().count() + 1),
                "{offset}"
            );
        }
    }
}
