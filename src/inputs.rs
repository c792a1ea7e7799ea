//! The inputs of a run: article files (folders expanded) and the records of
//! JSON Lines archives. Each input becomes a [`Document`] or a one-line
//! error that names the file and place, so one bad input costs only itself
//! and the batch goes on.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde_json::Value;

use crate::error::{Error, Result};
use crate::ingest::{Document, InputFormat};

/// One input of a run: a file, a record of a JSON Lines archive, or what
/// could not be read, with its one-line message.
pub enum Source {
    File(PathBuf),
    Record {
        name: String,
        text: String,
        date: Option<Date>,
        url: Option<String>,
    },
    Bad {
        name: String,
        message: String,
    },
}

impl Source {
    /// The input's name (its path, or the record's id) and its document, or
    /// the one-line message saying why there is none.
    pub fn open(self, stdin_format: InputFormat) -> (String, std::result::Result<Document, String>) {
        match self {
            Source::File(p) => (
                p.display().to_string(),
                Document::read_as(&p, stdin_format).map_err(|e| e.to_string()),
            ),
            Source::Record { name, text, date, url } => {
                let mut d = Document::from_text(name.clone(), text);
                d.published = date;
                d.url = url;
                (name, Ok(d))
            }
            Source::Bad { name, message } => (name, Err(message)),
        }
    }
}

/// A calendar date as `--date` and archive records give it: YYYY-MM-DD, a
/// day that exists.
pub fn parse_day(s: &str) -> std::result::Result<Date, String> {
    let ok = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    ok.then(|| s.parse().ok())
        .flatten()
        .ok_or_else(|| format!("`{s}` is not a date (YYYY-MM-DD, a day that exists)"))
}

/// Expands folders into their article files (.txt, .md, .html in any
/// case), sorted, following links to files and skipping hidden files and
/// folders. A folder or file that cannot be read comes back as a
/// [`Source::Bad`] in its place.
pub fn expand(inputs: &[PathBuf]) -> Vec<Source> {
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
            out.extend(folder(p));
        } else {
            out.push(Source::File(p.clone()));
        }
    }
    out
}

/// The article files under one folder, sorted, and what could not be read.
fn folder(p: &Path) -> Vec<Source> {
    let mut found: Vec<(PathBuf, Option<String>)> = Vec::new();
    let walk = walkdir::WalkDir::new(p)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for e in walk {
        match e {
            Ok(e) if e.file_type().is_file() && is_article(e.path()) => found.push((e.into_path(), None)),
            Ok(_) => {}
            Err(e) => {
                let at = e.path().map_or_else(|| p.to_path_buf(), Path::to_path_buf);
                let why = e.io_error().map_or_else(|| e.to_string(), |io| io.to_string());
                let message = format!("{}: cannot read: {why}", at.display());
                found.push((at, Some(message)));
            }
        }
    }
    found.sort();
    found
        .into_iter()
        .map(|(path, bad)| match bad {
            None => Source::File(path),
            Some(message) => Source::Bad {
                name: path.display().to_string(),
                message,
            },
        })
        .collect()
}

/// Is this an article file by its extension (in any case)?
pub fn is_article(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|x| x.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(ext.as_str(), "txt" | "md" | "markdown" | "html" | "htm")
}

/// Records of a JSON Lines archive (`-` is stdin), one per non-blank line:
/// `{"id": …, "text": …, "date": …, "url": …}`. They are read as the
/// iterator is, so an archive of any length is never held whole.
pub fn records(path: &Path) -> Result<impl Iterator<Item = Source> + use<>> {
    let stdin = path == Path::new("-");
    let label = if stdin {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let reader: Box<dyn BufRead> = if stdin {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        let f = std::fs::File::open(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Box::new(std::io::BufReader::new(f))
    };
    Ok(reader.lines().enumerate().filter_map(move |(n, line)| {
        let at = format!("{label}:{}", n + 1);
        match line {
            Ok(l) if l.trim().is_empty() => None,
            Ok(l) => Some(record(&l, at)),
            Err(e) => Some(Source::Bad {
                name: at.clone(),
                message: format!("{at}: cannot read: {e}"),
            }),
        }
    }))
}

/// One archive line, `at` being `file:line`.
fn record(line: &str, at: String) -> Source {
    let v: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => {
            return Source::Bad {
                message: format!("{at}: not a JSON object: {e}"),
                name: at,
            };
        }
    };
    let name = match &v["id"] {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => at.clone(),
    };
    let fields = text_of(&v["text"]).and_then(|text| Ok((text, date_of(&v["date"])?)));
    match fields {
        Ok((text, date)) => Source::Record {
            name,
            text,
            date,
            url: v["url"]
                .as_str()
                .map(str::trim)
                .filter(|u| !u.is_empty())
                .map(String::from),
        },
        Err(why) => Source::Bad {
            name,
            message: format!("{at}: {why}"),
        },
    }
}

/// A record's text: a string with something in it.
fn text_of(v: &Value) -> std::result::Result<String, String> {
    match v {
        Value::String(t) if t.trim().is_empty() => Err("\"text\" is empty".into()),
        Value::String(t) => Ok(t.clone()),
        Value::Null => Err("no \"text\" in the record".into()),
        _ => Err("\"text\" is not a string".into()),
    }
}

/// A record's date: a day ("2024-03-07") or a timestamp that starts with
/// one. Anything else is an error, not silently no date.
fn date_of(v: &Value) -> std::result::Result<Option<Date>, String> {
    match v {
        Value::Null => Ok(None),
        Value::String(d) => d
            .get(..10)
            .filter(|_| d.len() == 10 || matches!(d.as_bytes()[10], b'T' | b' '))
            .and_then(|day| parse_day(day).ok())
            .map(Some)
            .ok_or_else(|| format!("\"date\" `{d}` is not a date (YYYY-MM-DD, a day that exists)")),
        other => Err(format!(
            "\"date\" {other} is not a date (YYYY-MM-DD, a day that exists)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(line: &str) -> std::result::Result<(String, Option<Date>), String> {
        match record(line, "archive.jsonl:3".into()) {
            Source::Record { name, date, .. } => Ok((name, date)),
            Source::Bad { message, .. } => Err(message),
            Source::File(_) => unreachable!("a record is never a file"),
        }
    }

    #[test]
    fn records_take_their_id_and_date_or_say_where_they_fail() {
        let ok = one(r#"{"id": 7, "text": "Crews worked.", "date": "2024-03-07T10:00:00Z"}"#);
        assert_eq!(ok, Ok(("7".into(), Some(Date::constant(2024, 3, 7)))));
        assert_eq!(one(r#"{"text": "x"}"#), Ok(("archive.jsonl:3".into(), None)));
        assert_eq!(
            one(r#"{"id": "a", "text": "x", "date": "2024-02-30"}"#),
            Err("archive.jsonl:3: \"date\" `2024-02-30` is not a date (YYYY-MM-DD, a day that exists)".into())
        );
        assert_eq!(
            one(r#"{"id": "a", "text": " "}"#),
            Err("archive.jsonl:3: \"text\" is empty".into())
        );
        assert_eq!(
            one(r#"{"id": "a"}"#),
            Err("archive.jsonl:3: no \"text\" in the record".into())
        );
        assert!(
            one("[1, 2")
                .unwrap_err()
                .starts_with("archive.jsonl:3: not a JSON object")
        );
    }

    #[test]
    fn article_files_are_known_by_extension_in_any_case() {
        assert!(is_article(Path::new("a/b/story.TXT")));
        assert!(is_article(Path::new("page.htm")));
        assert!(!is_article(Path::new("sheet.csv")));
        assert!(!is_article(Path::new("README")));
    }
}
