//! Which article a worksheet row belongs to. An article's identity is its
//! path relative to the sheet (`article_path`); its name (the `article`
//! column, which seeds its ids) is its file name, as it always was, unless
//! another article in the sheet already has that name, when it is named by
//! as much of its path as tells the two apart (`y/story.txt`). So sheets
//! written before `article_path` keep their ids, two articles that share a
//! file name never share ids, and no verdict crosses from one to the other.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use super::spill::SpillReader;
use super::{Row, Worksheet};
use crate::error::{Error, Result};
use crate::render::article_name;

/// An article of a spilled batch, named against the sheet.
pub struct Named {
    /// Its place in the spill.
    pub index: usize,
    pub name: String,
    pub rel: String,
}

/// A spilled batch named against the sheet, without holding the batch's
/// rows (each article's are read back when needed).
pub struct Plan {
    pub articles: Vec<Named>,
    pub names: HashSet<String>,
    pub notes: Vec<String>,
}

/// Names this run's (spilled) articles against the sheet they merge into,
/// then reads them back one at a time to claim old rows whose `article`
/// cell was emptied. Fails, explaining the fix, when an old row would
/// otherwise share an id with a fresh row of another article (a sheet no
/// later run could read).
pub fn plan(sheet: &Path, old: &mut Worksheet, spill: &mut SpillReader, paths: &[String]) -> Result<Plan> {
    let io = |source| Error::Io {
        path: sheet.to_path_buf(),
        source,
    };
    let mut namer = Namer::new(sheet, old);
    let mut articles = Vec::new();
    for (index, path) in paths.iter().enumerate() {
        if let Some((name, rel)) = namer.name(path, || spill.rows(index).map_err(io))? {
            articles.push(Named { index, name, rel });
        }
    }
    let notes = namer.notes;
    let names: HashSet<String> = articles.iter().map(|a| a.name.clone()).collect();
    let claims = Claims::of(old, &names, |see| {
        for a in &articles {
            named_rows(spill, a).map_err(io)?.iter().for_each(&mut *see);
        }
        Ok(())
    })?;
    claims.apply(sheet, old, &names)?;
    Ok(Plan { articles, names, notes })
}

/// A named article's rows as the sheet will hold them.
pub fn named_rows(spill: &mut SpillReader, a: &Named) -> std::io::Result<Vec<Row>> {
    let mut rows = spill.rows(a.index)?;
    finish_rows(&a.name, &a.rel, &mut rows);
    Ok(rows)
}

/// Gives an article's rows its name and path (and ids seeded by its name
/// when that is not its file name).
fn finish_rows(name: &str, rel: &str, rows: &mut [Row]) {
    let base_seeded = rows.first().is_some_and(|r| r.cell("article") == name);
    if !base_seeded {
        reseed_ids(name, rows);
    }
    for r in rows.iter_mut() {
        r.insert("article", name);
        r.insert("article_path", rel);
    }
}

/// Names a run's articles one after another.
struct Namer {
    here: PathBuf,
    seen_paths: HashSet<String>,
    known: Known,
    claimed: HashSet<String>,
    notes: Vec<String>,
}

impl Namer {
    fn new(sheet: &Path, old: &Worksheet) -> Namer {
        Namer {
            here: sheet_folder(sheet),
            seen_paths: HashSet::new(),
            known: Known::of(old),
            claimed: HashSet::new(),
            notes: Vec::new(),
        }
    }

    /// The article at `path`'s (name, path relative to the sheet), or
    /// `None` when it was given before. `rows` are its fresh rows, read
    /// only when the sheet has rows from before `article_path` to compare.
    fn name(&mut self, path: &str, rows: impl FnOnce() -> Result<Vec<Row>>) -> Result<Option<(String, String)>> {
        let rel = relative_to(&self.here, path);
        if !self.seen_paths.insert(rel.clone()) {
            self.notes
                .push(format!("{path} is given twice; its rows are written once"));
            return Ok(None);
        }
        let base = article_name(path).to_string();
        let name = self.known.name_for(&rel, &base, rows, &self.claimed)?;
        if name != base {
            self.notes.push(format!(
                "{path}: the sheet already has another article called {base}; this one's rows are named {name}"
            ));
        }
        self.claimed.insert(name.clone());
        Ok(Some((name, rel)))
    }
}

/// The articles an existing sheet holds: name → the paths its rows give
/// (empty for rows written before `article_path`).
struct Known {
    by_path: HashMap<String, String>,
    /// Names whose rows carry no path, with those rows' texts and sentences.
    legacy: HashMap<String, Vec<(String, String)>>,
    names: HashSet<String>,
}

impl Known {
    fn of(old: &Worksheet) -> Known {
        let mut k = Known {
            by_path: HashMap::new(),
            legacy: HashMap::new(),
            names: HashSet::new(),
        };
        for r in &old.rows {
            let name = r.cell("article");
            if name.is_empty() {
                continue;
            }
            k.names.insert(name.to_string());
            match r.cell("article_path") {
                "" => k
                    .legacy
                    .entry(name.to_string())
                    .or_default()
                    .push((r.cell("text").to_string(), r.cell("context").to_string())),
                p => {
                    k.by_path.entry(p.to_string()).or_insert_with(|| name.to_string());
                }
            }
        }
        k
    }

    /// The name an article at `rel` goes by in this sheet.
    fn name_for(
        &self,
        rel: &str,
        base: &str,
        rows: impl FnOnce() -> Result<Vec<Row>>,
        claimed: &HashSet<String>,
    ) -> Result<String> {
        // The sheet knows this path: keep its name (and so its ids).
        if let Some(n) = self.by_path.get(rel).filter(|n| !claimed.contains(*n)) {
            return Ok(n.clone());
        }
        // Rows from before `article_path` under this file name are this
        // article's only if they come from its text: otherwise a different
        // article that happens to share the name would inherit verdicts.
        let legacy_matches = match self.legacy.get(base) {
            Some(old) => same_text(old, &rows()?),
            None => false,
        };
        if legacy_matches && !claimed.contains(base) {
            return Ok(base.to_string());
        }
        let free = |n: &str| !self.names.contains(n) && !claimed.contains(n);
        let parts: Vec<&str> = rel.split('/').filter(|p| !p.is_empty()).collect();
        let suffixes = (1..=parts.len()).rev().map(|k| parts[k - 1..].join("/"));
        let mut candidates = std::iter::once(base.to_string()).chain(suffixes);
        if let Some(n) = candidates.find(|n| free(n)) {
            return Ok(n);
        }
        Ok((2..)
            .map(|k| format!("{base}#{k}"))
            .find(|n| free(n))
            .unwrap_or_else(|| base.to_string()))
    }
}

/// Do old rows (text, sentence) come from the article these fresh rows
/// come from? Yes when at least half of them still appear in it, by their
/// own text or their sentence: an edited article keeps most of both, a
/// different one keeps next to none.
fn same_text(old: &[(String, String)], fresh: &[Row]) -> bool {
    let texts: HashSet<&str> = fresh.iter().map(|r| r.cell("text")).collect();
    let sentences: HashSet<&str> = fresh.iter().map(|r| r.cell("context")).collect();
    let evidence: Vec<&(String, String)> = old.iter().filter(|(t, _)| !t.is_empty()).collect();
    let found = evidence
        .iter()
        .filter(|(t, c)| texts.contains(t.as_str()) || (!c.is_empty() && sentences.contains(c.as_str())))
        .count();
    evidence.is_empty() || found * 2 >= evidence.len()
}

/// New ids for an article that cannot use its file name: its name and the
/// file-name id together, so they are as stable as the file-name ids and
/// differ from those of the article that has the file name. A claim's
/// `see f-…` notes follow their findings' new ids.
fn reseed_ids(name: &str, rows: &mut [Row]) {
    let mut new_ids: HashMap<String, String> = HashMap::new();
    for r in rows.iter_mut() {
        let old = r.cell("id").to_string();
        let prefix = old.split('-').next().unwrap_or("x");
        let mut h = FNV_OFFSET;
        for part in [name, "\u{1f}", old.as_str()] {
            for b in part.bytes() {
                h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
            }
        }
        let id = format!("{prefix}-{:012x}", h & 0xffff_ffff_ffff);
        r.insert("id", &id);
        new_ids.insert(old, id);
    }
    for r in rows.iter_mut() {
        let notes = r.cell("check_notes");
        if !notes.contains("see ") {
            continue;
        }
        let fixed: Vec<String> = notes
            .split("; ")
            .map(|part| match part.strip_prefix("see ").and_then(|id| new_ids.get(id)) {
                Some(id) => format!("see {id}"),
                None => part.to_string(),
            })
            .collect();
        r.insert("check_notes", fixed.join("; "));
    }
}

const FNV_OFFSET: u64 = 0xcbf29ce484222325;
const FNV_PRIME: u64 = 0x100000001b3;

/// Old rows that share an id with a fresh row must belong to the fresh
/// row's article, or the merged sheet would hold the id twice. A row whose
/// `article` cell was emptied is claimed when its text is the fresh row's
/// text; otherwise nothing is written and the journalist is told the fix.
/// The fresh rows are seen one at a time ([`Claims::see`]); only old rows
/// that share an id with one are remembered.
struct Claims {
    /// Old row → the last fresh row with its id: (article, path, text).
    hits: BTreeMap<usize, (String, String, String)>,
}

impl Claims {
    /// The old rows that share an id with a fresh row, the fresh rows
    /// given by `fresh` (which calls `see` on each). A row of the same
    /// article, already named in this run (`names`), is its own: `apply`
    /// has nothing to do for it, so it is not remembered (rerunning a
    /// batch would otherwise hold a copy of every row's text).
    fn of(
        old: &Worksheet,
        names: &HashSet<String>,
        fresh: impl FnOnce(&mut dyn FnMut(&Row)) -> Result<()>,
    ) -> Result<Claims> {
        let id_of = |i: usize| old.rows[i].cell("id");
        let mut old_ids = super::ids::IdIndex::with_capacity(old.rows.len());
        for i in 0..old.rows.len() {
            old_ids.insert(i, id_of);
        }
        let mut hits = BTreeMap::new();
        fresh(&mut |f: &Row| {
            if let Some(i) = old_ids.get(f.cell("id"), id_of) {
                let article = old.rows[i].cell("article");
                if names.contains(article) && article == f.cell("article") {
                    // A later fresh row with this id may still be another
                    // article's: only the last one counts, as before.
                    hits.remove(&i);
                    return;
                }
                let [article, path, text] =
                    [f.cell("article"), f.cell("article_path"), f.cell("text")].map(str::to_string);
                hits.insert(i, (article, path, text));
            }
        })?;
        Ok(Claims { hits })
    }

    fn apply(self, sheet: &Path, old: &mut Worksheet, names: &HashSet<String>) -> Result<()> {
        for (i, (f_article, f_path, f_text)) in self.hits {
            let o = &mut old.rows[i];
            let article = o.cell("article");
            if names.contains(article) && article == f_article {
                continue;
            }
            if article.is_empty() && !o.cell("text").is_empty() && one_line(o.cell("text")) == one_line(&f_text) {
                o.insert("article", &f_article);
                o.insert("article_path", &f_path);
                continue;
            }
            let shown = if article.is_empty() {
                "empty".to_string()
            } else {
                format!("“{article}”")
            };
            return Err(Error::Identity {
                path: sheet.to_path_buf(),
                message: format!(
                    "the row with id {} has its article cell {shown}, but that id belongs to {f_article}; nothing was written\nhint: put {f_article} back in that row's article cell, or delete the row",
                    o.cell("id"),
                ),
            });
        }
        Ok(())
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The folder a sheet lies in, as an absolute path where it can be found.
fn sheet_folder(sheet: &Path) -> PathBuf {
    let dir = sheet
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf())
}

/// An article's path relative to the sheet's folder, with `/` between
/// parts; as given when it is no file (standard input, an archive record).
fn relative_to(here: &Path, article: &str) -> String {
    let Ok(full) = std::fs::canonicalize(article) else {
        return article.replace('\\', "/");
    };
    let from: Vec<Component> = here.components().collect();
    let to: Vec<Component> = full.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); from.len() - common];
    parts.extend(to[common..].iter().map(|c| c.as_os_str().to_string_lossy().to_string()));
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[(&str, &str)]) -> Row {
        cells.iter().copied().collect()
    }

    #[test]
    fn an_edited_article_keeps_its_old_rows() {
        let old = vec![
            ("370".to_string(), "It arrested 370.".to_string()),
            ("Boston".to_string(), "Boston said no.".to_string()),
        ];
        let fresh = [
            row(&[("text", "380"), ("context", "It arrested 380.")]),
            row(&[("text", "Boston")]),
        ];
        assert!(same_text(&old, &fresh));
        let other = [row(&[("text", "96"), ("context", "A sweep found 96.")])];
        assert!(!same_text(&old, &other));
    }

    #[test]
    fn reseeded_ids_are_stable_and_notes_follow_them() {
        let make = || {
            vec![
                row(&[("id", "c-1"), ("check_notes", "see f-2")]),
                row(&[("id", "f-2"), ("check_notes", "x")]),
            ]
        };
        let (mut a, mut b) = (make(), make());
        reseed_ids("y/story.txt", &mut a);
        reseed_ids("y/story.txt", &mut b);
        assert_eq!(a, b);
        assert_ne!(a[0].cell("id"), "c-1");
        assert!(a[1].cell("id").starts_with("f-"));
        assert_eq!(a[0].cell("check_notes"), format!("see {}", a[1].cell("id")));
    }

    #[test]
    fn relative_paths_climb_out_of_the_sheet_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("sheets")).unwrap();
        std::fs::create_dir_all(dir.path().join("docs")).unwrap();
        let a = dir.path().join("docs/a.txt");
        std::fs::write(&a, "x").unwrap();
        let here = std::fs::canonicalize(dir.path().join("sheets")).unwrap();
        assert_eq!(relative_to(&here, a.to_str().unwrap()), "../docs/a.txt");
        assert_eq!(relative_to(&here, "-"), "-");
    }
}
