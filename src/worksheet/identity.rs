//! Which article a worksheet row belongs to. An article's identity is its
//! path relative to the sheet (`article_path`); its name (the `article`
//! column, which seeds its ids) is its file name, as it always was, unless
//! another article in the sheet already has that name, when it is named by
//! as much of its path as tells the two apart (`y/story.txt`). So sheets
//! written before `article_path` keep their ids, two articles that share a
//! file name never share ids, and no verdict crosses from one to the other.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use super::{Row, Worksheet};
use crate::error::{Error, Result};
use crate::render::article_name;

/// One article's fresh rows, and the path it was read from (as given).
#[derive(Clone, Debug)]
pub struct Article {
    pub path: String,
    pub rows: Vec<Row>,
}

/// The run's rows, named and ready to merge.
pub struct Identified {
    pub rows: Vec<Row>,
    /// The names of this run's articles, as the merge wants them.
    pub names: HashSet<String>,
    /// What the journalist should know: inputs given twice, renamed
    /// articles.
    pub notes: Vec<String>,
}

/// Names this run's articles against the sheet they merge into, and fixes
/// up old rows whose `article` cell was emptied. Fails, explaining the fix,
/// when an old row would otherwise share an id with a fresh row of another
/// article (a sheet no later run could read).
pub fn identify(sheet: &Path, old: &mut Worksheet, batch: Vec<Article>) -> Result<Identified> {
    let here = sheet_folder(sheet);
    let mut seen_paths = HashSet::new();
    let mut named: Vec<(String, String, Vec<Row>)> = Vec::new();
    let mut notes = Vec::new();
    let known = Known::of(old);
    let mut claimed: HashSet<String> = HashSet::new();
    for a in batch {
        let rel = relative_to(&here, &a.path);
        if !seen_paths.insert(rel.clone()) {
            notes.push(format!("{} is given twice; its rows are written once", a.path));
            continue;
        }
        let base = article_name(&a.path).to_string();
        let name = known.name_for(&rel, &base, &a.rows, &claimed);
        if name != base {
            notes.push(format!(
                "{}: the sheet already has another article called {base}; this one's rows are named {name}",
                a.path
            ));
        }
        claimed.insert(name.clone());
        named.push((name, rel, a.rows));
    }
    let mut rows = Vec::new();
    let mut names = HashSet::new();
    for (name, rel, mut article_rows) in named {
        let base_seeded = article_rows.first().is_some_and(|r| r.cell("article") == name);
        if !base_seeded {
            reseed_ids(&name, &mut article_rows);
        }
        for r in &mut article_rows {
            r.insert("article", &name);
            r.insert("article_path", &rel);
        }
        names.insert(name);
        rows.extend(article_rows);
    }
    claim_blank_rows(sheet, old, &rows, &names)?;
    Ok(Identified { rows, names, notes })
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
    fn name_for(&self, rel: &str, base: &str, rows: &[Row], claimed: &HashSet<String>) -> String {
        // The sheet knows this path: keep its name (and so its ids).
        if let Some(n) = self.by_path.get(rel).filter(|n| !claimed.contains(*n)) {
            return n.clone();
        }
        // Rows from before `article_path` under this file name are this
        // article's only if they come from its text: otherwise a different
        // article that happens to share the name would inherit verdicts.
        let legacy_matches = self.legacy.get(base).is_some_and(|old| same_text(old, rows));
        if legacy_matches && !claimed.contains(base) {
            return base.to_string();
        }
        let free = |n: &str| !self.names.contains(n) && !claimed.contains(n);
        let parts: Vec<&str> = rel.split('/').filter(|p| !p.is_empty()).collect();
        let suffixes = (1..=parts.len()).rev().map(|k| parts[k - 1..].join("/"));
        let mut candidates = std::iter::once(base.to_string()).chain(suffixes);
        if let Some(n) = candidates.find(|n| free(n)) {
            return n;
        }
        (2..)
            .map(|k| format!("{base}#{k}"))
            .find(|n| free(n))
            .unwrap_or_else(|| base.to_string())
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
fn claim_blank_rows(sheet: &Path, old: &mut Worksheet, fresh: &[Row], names: &HashSet<String>) -> Result<()> {
    let by_id: HashMap<&str, &Row> = fresh.iter().map(|r| (r.cell("id"), r)).collect();
    for o in &mut old.rows {
        let Some(f) = by_id.get(o.cell("id")) else {
            continue;
        };
        let article = o.cell("article");
        if names.contains(article) && article == f.cell("article") {
            continue;
        }
        if article.is_empty() && !o.cell("text").is_empty() && one_line(o.cell("text")) == one_line(f.cell("text")) {
            o.insert("article", f.cell("article"));
            o.insert("article_path", f.cell("article_path"));
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
                "the row with id {} has its article cell {shown}, but that id belongs to {}; nothing was written\nhint: put {} back in that row's article cell, or delete the row",
                o.cell("id"),
                f.cell("article"),
                f.cell("article"),
            ),
        });
    }
    Ok(())
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
