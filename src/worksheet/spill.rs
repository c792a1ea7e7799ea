//! A batch's worksheet rows kept on disk while the batch runs, so a run
//! with `-o` holds one article's rows at a time, not the whole batch's.
//! The file is unnamed (removed as soon as it is opened, on Unix), so a
//! killed run leaves nothing behind; elsewhere it is removed when dropped.

use std::fs::{File, OpenOptions};
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

use super::Row;

/// One article's fresh rows, and the path it was read from (as given).
#[derive(Clone, Debug)]
pub struct Article {
    pub path: String,
    pub rows: Vec<Row>,
}

/// The rows of a batch's articles, one article after another, on disk.
pub struct Spill {
    out: BufWriter<File>,
    /// Each article's path, where its rows start in the file, and how many.
    articles: Vec<(String, u64, usize)>,
    at: u64,
    path: PathBuf,
}

impl Spill {
    /// An empty spill file in the temporary folder.
    pub fn new() -> std::io::Result<Spill> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("factsheet-{}-{n}.spill", std::process::id()));
        let file = OpenOptions::new().read(true).write(true).create_new(true).open(&path)?;
        // An open file outlives its name on Unix: nothing to clean up later.
        #[cfg(unix)]
        let _ = std::fs::remove_file(&path);
        Ok(Spill {
            out: BufWriter::new(file),
            articles: Vec::new(),
            at: 0,
            path,
        })
    }

    /// A spill of articles already in memory.
    pub fn of(batch: Vec<Article>) -> std::io::Result<Spill> {
        let mut s = Spill::new()?;
        for a in batch {
            s.push(a)?;
        }
        Ok(s)
    }

    /// Appends an article's rows: per row its cell count, then each cell's
    /// column and text, each length-prefixed.
    pub fn push(&mut self, a: Article) -> std::io::Result<()> {
        let start = self.at;
        let put = |bytes: &[u8], out: &mut BufWriter<File>| -> std::io::Result<u64> {
            out.write_all(&(bytes.len() as u32).to_le_bytes())?;
            out.write_all(bytes)?;
            Ok(4 + bytes.len() as u64)
        };
        for r in &a.rows {
            self.out.write_all(&(r.len() as u32).to_le_bytes())?;
            self.at += 4;
            for (k, v) in r.iter() {
                self.at += put(k.as_bytes(), &mut self.out)?;
                self.at += put(v.as_bytes(), &mut self.out)?;
            }
        }
        self.articles.push((a.path, start, a.rows.len()));
        Ok(())
    }

    /// How many articles it holds.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The path article `i` was read from.
    pub fn path(&self, i: usize) -> &str {
        &self.articles[i].0
    }

    /// A reader of the rows, once everything is written.
    pub fn reader(&mut self) -> std::io::Result<SpillReader<'_>> {
        self.out.flush()?;
        let file = self.out.get_ref().try_clone()?;
        Ok(SpillReader {
            file: BufReader::with_capacity(1 << 16, file),
            articles: &self.articles,
        })
    }

    /// Every article back in memory (for a spreadsheet, which is written whole).
    pub fn into_articles(mut self) -> std::io::Result<Vec<Article>> {
        let mut r = self.reader()?;
        let mut out = Vec::with_capacity(r.articles.len());
        for i in 0..r.articles.len() {
            let rows = r.rows(i)?;
            out.push(Article {
                path: r.articles[i].0.clone(),
                rows,
            });
        }
        Ok(out)
    }
}

impl Drop for Spill {
    fn drop(&mut self) {
        #[cfg(not(unix))]
        let _ = std::fs::remove_file(&self.path);
        let _ = &self.path;
    }
}

/// Reads a [`Spill`]'s articles back, in any order.
pub struct SpillReader<'a> {
    file: BufReader<File>,
    articles: &'a [(String, u64, usize)],
}

impl SpillReader<'_> {
    /// The rows of article `i`, as they were pushed.
    pub fn rows(&mut self, i: usize) -> std::io::Result<Vec<Row>> {
        let (_, start, n) = &self.articles[i];
        self.file.seek(SeekFrom::Start(*start))?;
        let mut rows = Vec::with_capacity(*n);
        let mut k = String::new();
        let mut v = String::new();
        for _ in 0..*n {
            let cells = self.u32()?;
            let mut row = Row::with_capacity(cells as usize, 0);
            for _ in 0..cells {
                self.text(&mut k)?;
                self.text(&mut v)?;
                row.insert(&k, &v);
            }
            rows.push(row);
        }
        Ok(rows)
    }

    fn u32(&mut self) -> std::io::Result<u32> {
        let mut b = [0; 4];
        self.file.read_exact(&mut b)?;
        Ok(u32::from_le_bytes(b))
    }

    fn text(&mut self, into: &mut String) -> std::io::Result<()> {
        let n = self.u32()? as usize;
        let mut bytes = std::mem::take(into).into_bytes();
        bytes.clear();
        bytes.resize(n, 0);
        self.file.read_exact(&mut bytes)?;
        *into = String::from_utf8(bytes).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[(&str, &str)]) -> Row {
        cells.iter().copied().collect()
    }

    #[test]
    fn articles_come_back_as_they_went_in_in_any_order() {
        let a = vec![
            row(&[("id", "q-1"), ("text", "“We will,” she said."), ("speaker", "")]),
            row(&[("id", "c-2"), ("value", "370"), ("notes", "line one\nline two")]),
        ];
        let b: Vec<Row> = Vec::new();
        let c = vec![row(&[("id", "f-3"), ("check_notes", "é ünïcode ✓")])];
        let mut s = Spill::new().unwrap();
        for (path, rows) in [("a.txt", &a), ("b.txt", &b), ("c.txt", &c)] {
            s.push(Article {
                path: path.into(),
                rows: rows.clone(),
            })
            .unwrap();
        }
        assert_eq!(s.len(), 3);
        assert_eq!(s.path(1), "b.txt");
        let mut r = s.reader().unwrap();
        assert_eq!(r.rows(2).unwrap(), c);
        assert_eq!(r.rows(0).unwrap(), a);
        assert_eq!(r.rows(1).unwrap(), b);
        // Cells keep their order, not only their values.
        let back = r.rows(0).unwrap();
        let cols: Vec<&str> = back[1].iter().map(|(k, _)| k).collect();
        assert_eq!(cols, ["id", "value", "notes"]);
        drop(r);
        let whole = s.into_articles().unwrap();
        assert_eq!(whole.len(), 3);
        assert_eq!(whole[0].rows, a);
        assert_eq!(whole[2].path, "c.txt");
    }
}
