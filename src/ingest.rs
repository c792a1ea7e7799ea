//! Bytes in, [`Document`] out. Validates UTF-8 and refuses input that is not an
//! article (empty, binary, oversized), naming the file and the place. The text
//! is never rewritten: a leading BOM is skipped by starting analysis after it,
//! so every span stays an offset into the original bytes. (UTF-16 files,
//! which Windows tools save, are the exception: they are decoded, and spans
//! are offsets into the decoded UTF-8 text.) Standard input has no
//! extension, so its kind is sniffed or given (`--stdin-format`).

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::span::LineIndex;

/// Articles larger than this are refused rather than analysed: no news
/// article is 64 MiB, and such input is almost always a wrong path.
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

/// A saved web page whose readable text is shorter than this many words has
/// no article in it.
#[cfg(feature = "html")]
const MIN_PAGE_WORDS: usize = 8;

/// What an input is. Files go by their extension; standard input is
/// sniffed (`Auto`) unless told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum InputFormat {
    #[default]
    Auto,
    Text,
    Markdown,
    Html,
}

impl InputFormat {
    /// The kind a file's extension names (case-insensitive); plain text
    /// for any other.
    pub fn of_extension(path: &Path) -> InputFormat {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => InputFormat::Markdown,
            "html" | "htm" => InputFormat::Html,
            _ => InputFormat::Text,
        }
    }

    /// The kind of text with no name: a web page when it opens with
    /// markup, Markdown when it has a heading, a link or bold text, else
    /// plain text.
    pub fn sniff(text: &str) -> InputFormat {
        static MARKDOWN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"(?m)^#{1,6} \S|\[[^\]\n]+\]\([^)\s]+\)|\*\*\S[^*\n]*\S\*\*").expect("valid regex")
        });
        let head: String = text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .chars()
            .take(512)
            .collect();
        let head = head.to_ascii_lowercase();
        if head.starts_with("<!doctype html")
            || head.starts_with("<html")
            || (head.starts_with('<') && (head.contains("<body") || head.contains("<head") || head.contains("<p")))
        {
            InputFormat::Html
        } else if MARKDOWN.is_match(text) {
            InputFormat::Markdown
        } else {
            InputFormat::Text
        }
    }
}

/// One article: its name, its original text, and where the content starts.
#[derive(Debug, Clone)]
pub struct Document {
    pub path: String,
    /// The original input, byte for byte (a BOM included).
    pub text: String,
    /// Offset of the first byte after a UTF-8 BOM (0 or 3).
    pub body_start: usize,
    pub lines: LineIndex,
    /// The publication date when the input says it (a JSON Lines archive's
    /// `date`, a web page's published time); otherwise the date is read
    /// from the article's dateline.
    pub published: Option<jiff::civil::Date>,
    /// A date given from outside (`check --date`): the article's date only
    /// when neither `published` nor a dateline in the text gives one.
    pub date_hint: Option<jiff::civil::Date>,
    /// Headline and byline of a saved web page (`None` for plain text).
    pub title: Option<String>,
    pub byline: Option<String>,
    /// The article's web address, when the input gives it (a page's
    /// `og:url` or canonical link, a JSON Lines `url`).
    pub url: Option<String>,
}

impl Document {
    /// Builds a document from text already in memory.
    pub fn from_text(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let body_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let lines = LineIndex::new(&text);
        Document {
            path: path.into(),
            text,
            body_start,
            lines,
            published: None,
            date_hint: None,
            title: None,
            byline: None,
            url: None,
        }
    }

    /// Validates raw bytes and builds a document. `path` is only used to name
    /// the input in errors.
    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<Self> {
        let bytes = match decode_utf16(path, &bytes)? {
            Some(text) => text.into_bytes(),
            None => bytes,
        };
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        if body.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(Error::Empty {
                path: path.to_path_buf(),
            });
        }
        if let Some(offset) = bytes.iter().position(|&b| b == 0) {
            return Err(Error::Binary {
                path: path.to_path_buf(),
                offset,
            });
        }
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Document::from_text(path.display().to_string(), text)),
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                let valid = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or("");
                let (line, column) = LineIndex::new(valid).line_col(valid, offset);
                Err(Error::InvalidUtf8 {
                    path: path.to_path_buf(),
                    offset,
                    line,
                    column,
                })
            }
        }
    }

    /// Reads a file (or stdin for `-`) into a document.
    pub fn read(path: &Path) -> Result<Self> {
        Document::read_as(path, InputFormat::Auto)
    }

    /// [`Document::read`], with standard input's kind given (`Auto`
    /// sniffs it; files go by their extension).
    pub fn read_as(path: &Path, stdin_format: InputFormat) -> Result<Self> {
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let stdin = path == Path::new("-");
        if !stdin {
            // Opening a named pipe would block forever; a folder is no article.
            let meta = std::fs::metadata(path).map_err(io)?;
            if !meta.is_file() {
                let what = if meta.is_dir() {
                    "a folder"
                } else {
                    "a pipe, socket or device"
                };
                return Err(Error::NotAFile {
                    path: path.to_path_buf(),
                    what,
                });
            }
        }
        let mut bytes = Vec::new();
        if path == Path::new("-") {
            std::io::stdin()
                .take(MAX_ARTICLE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(io)?;
        } else {
            let file = std::fs::File::open(path).map_err(io)?;
            let size = file.metadata().map_err(io)?.len();
            if size > MAX_ARTICLE_BYTES {
                return Err(too_large(path, size));
            }
            file.take(MAX_ARTICLE_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
        }
        if bytes.len() as u64 > MAX_ARTICLE_BYTES {
            return Err(too_large(path, bytes.len() as u64));
        }
        let name = if path == Path::new("-") {
            PathBuf::from("<stdin>")
        } else {
            path.to_path_buf()
        };
        let doc = Document::from_bytes(&name, bytes)?;
        let kind = match (stdin, stdin_format) {
            (false, _) => InputFormat::of_extension(path),
            (true, InputFormat::Auto) => InputFormat::sniff(&doc.text),
            (true, given) => given,
        };
        match kind {
            InputFormat::Markdown => Ok(Document::from_markdown(doc.path.clone(), &doc.text)),
            #[cfg(feature = "html")]
            InputFormat::Html => Document::from_html(&name, &doc.text),
            _ => Ok(doc),
        }
    }

    /// A saved web page: the article body (navigation, ads, asides and
    /// footers dropped by a port of Mozilla's Readability), its headline as
    /// the first paragraph, its byline, and its published time, which
    /// anchors relative dates. Readability rebuilds the text from the DOM,
    /// so spans are offsets into that extracted text, the text
    /// `factsheet extract PAGE.html` prints, not into the HTML source.
    #[cfg(feature = "html")]
    pub fn from_html(path: &Path, html: &str) -> Result<Self> {
        use dom_smoothie::{Config, Readability, TextMode};
        let failed = |message: String| Error::Html {
            path: path.to_path_buf(),
            message,
        };
        let config = Config {
            text_mode: TextMode::Formatted,
            ..Default::default()
        };
        let article = Readability::new(html, None, Some(config))
            .and_then(|mut r| r.parse())
            .map_err(|e| failed(e.to_string()))?;
        let body = article.text_content.trim();
        // A page of links ("Home") or markup debris is not an article;
        // saying so beats an empty sheet that looks like a clean one.
        if body.split_whitespace().count() < MIN_PAGE_WORDS {
            return Err(failed("no article text found in the page".into()));
        }
        let title = article.title.trim();
        let text = if title.is_empty() || body.starts_with(title) {
            format!("{body}\n")
        } else {
            format!("{title}\n\n{body}\n")
        };
        let mut doc = Document::from_text(path.display().to_string(), text);
        // "2025-03-24T10:00:00Z" and "2025-03-24" both start with the date.
        doc.published = article
            .published_time
            .as_deref()
            .and_then(|t| t.get(..10))
            .and_then(|d| d.parse().ok());
        doc.title = Some(title.to_string()).filter(|t| !t.is_empty());
        doc.byline = article.byline.map(|b| b.trim().to_string()).filter(|b| !b.is_empty());
        doc.url = page_url(html);
        Ok(doc)
    }

    /// A Markdown article: markup outside the text (`**`, `#`, link
    /// targets) is blanked with spaces of the same length, so the prose
    /// reads cleanly and every span is still a byte offset into the file.
    pub fn from_markdown(path: impl Into<String>, text: &str) -> Self {
        use pulldown_cmark::{Event, Parser};
        let mut keep = vec![false; text.len()];
        for (event, range) in Parser::new(text).into_offset_iter() {
            if let Event::Text(_) | Event::Code(_) = event {
                keep[range].iter_mut().for_each(|k| *k = true);
            }
        }
        let masked: String = text
            .char_indices()
            .map(|(i, c)| if keep[i] || c == '\n' || !c.is_ascii() { c } else { ' ' })
            .collect();
        Document::from_text(path, masked)
    }

    /// The text after the BOM, with its offset, for analysis.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// 1-based line and column; a BOM is not a column an editor shows.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let (line, column) = self.lines.line_col(&self.text, offset);
        if line == 1 && self.body_start > 0 && offset >= self.body_start {
            (line, column - 1)
        } else {
            (line, column)
        }
    }
}

/// A page's own address: its `og:url`, else its canonical link.
#[cfg(feature = "html")]
fn page_url(html: &str) -> Option<String> {
    static TAG: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r#"(?is)<(?:meta|link)\b[^>]*>"#).expect("valid regex"));
    static ATTR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#"(?is)\b(property|rel|content|href)\s*=\s*(?:"([^"]*)"|'([^']*)')"#).expect("valid regex")
    });
    let (mut og, mut canonical) = (None, None);
    for tag in TAG.find_iter(html) {
        let mut kind = "";
        let mut value = None;
        for c in ATTR.captures_iter(tag.as_str()) {
            let v = c.get(2).or(c.get(3)).map_or("", |m| m.as_str());
            match c[1].to_ascii_lowercase().as_str() {
                "property" | "rel" => {
                    kind = if v.eq_ignore_ascii_case("og:url") {
                        "og"
                    } else if v.eq_ignore_ascii_case("canonical") {
                        "canonical"
                    } else {
                        ""
                    }
                }
                _ => value = Some(v.trim().to_string()),
            }
        }
        let value = value.filter(|v| v.starts_with("http://") || v.starts_with("https://"));
        match kind {
            "og" if og.is_none() => og = value,
            "canonical" if canonical.is_none() => canonical = value,
            _ => {}
        }
    }
    og.or(canonical)
}

/// A UTF-16 file (by its byte order mark) decoded to text; `None` when
/// the bytes have no UTF-16 BOM.
fn decode_utf16(path: &Path, bytes: &[u8]) -> Result<Option<String>> {
    let (rest, little) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (rest, true),
        [0xFE, 0xFF, rest @ ..] => (rest, false),
        _ => return Ok(None),
    };
    let units = rest.chunks(2).map(|p| match (p, little) {
        ([a, b], true) => u16::from_le_bytes([*a, *b]),
        ([a, b], false) => u16::from_be_bytes([*a, *b]),
        // An odd byte at the end cannot be a UTF-16 unit.
        _ => 0xDC00,
    });
    let mut text = String::with_capacity(rest.len());
    for (k, c) in char::decode_utf16(units).enumerate() {
        match c {
            Ok(c) => text.push(c),
            Err(_) => {
                return Err(Error::InvalidUtf16 {
                    path: path.to_path_buf(),
                    offset: 2 + 2 * k,
                });
            }
        }
    }
    Ok(Some(text))
}

fn too_large(path: &Path, size: u64) -> Error {
    Error::TooLarge {
        path: path.to_path_buf(),
        size,
        limit: MAX_ARTICLE_BYTES,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let err = Document::from_bytes(Path::new("a.txt"), b"ok\nab\xffcd".to_vec()).unwrap_err();
        assert_eq!(err.to_string(), "a.txt:2:3: not valid UTF-8 (byte offset 5)");
    }

    #[test]
    fn empty_and_whitespace_files_are_refused() {
        for bytes in [&b""[..], b"  \n\n", b"\xEF\xBB\xBF\n"] {
            let err = Document::from_bytes(Path::new("e.txt"), bytes.to_vec()).unwrap_err();
            assert!(matches!(err, Error::Empty { .. }), "{err}");
        }
    }

    #[test]
    fn binary_is_refused() {
        let err = Document::from_bytes(Path::new("b.bin"), b"PK\x03\x04\x00\x00".to_vec()).unwrap_err();
        assert!(err.to_string().contains("binary"));
    }

    #[test]
    fn markdown_markup_is_blanked_but_offsets_stay() {
        let md =
            "# Budget\n\n**Acting Director** Jane Roe said the [March 18–23](http://x.org) sweep cost $4 million.\n";
        let doc = Document::from_markdown("a.md", md);
        assert_eq!(doc.text.len(), md.len());
        let at = md.find("Jane Roe").unwrap();
        assert_eq!(&doc.text[at..at + 8], "Jane Roe");
        assert!(!doc.text.contains("**") && !doc.text.contains("http"));
        assert!(doc.text.contains("March 18–23"));
    }

    /// Issue 20: Windows tools save UTF-16 with a BOM; that is text, not binary.
    #[test]
    fn utf16_with_a_bom_is_decoded() {
        let text = "Mayor Éloïse Roe said 370 people came.\n";
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
        for bytes in [le, be] {
            let doc = Document::from_bytes(Path::new("w.txt"), bytes).unwrap();
            assert_eq!(doc.text, text);
        }
        let err = Document::from_bytes(Path::new("w.txt"), vec![0xFF, 0xFE, b'a', 0, 0x00, 0xDC]).unwrap_err();
        assert_eq!(err.to_string(), "w.txt: not valid UTF-16 (byte offset 4)");
    }

    #[test]
    fn standard_input_is_sniffed() {
        assert_eq!(
            InputFormat::sniff("<!DOCTYPE html><html><body><p>Hi</p></body></html>"),
            InputFormat::Html
        );
        assert_eq!(InputFormat::sniff("  <html lang=en>"), InputFormat::Html);
        assert_eq!(
            InputFormat::sniff("# Budget\n\nThe mayor said so.\n"),
            InputFormat::Markdown
        );
        assert_eq!(
            InputFormat::sniff("See [the report](https://x.org)."),
            InputFormat::Markdown
        );
        assert_eq!(
            InputFormat::sniff("BOSTON — The mayor said 3 < 4 and #1 is \"best\".\n"),
            InputFormat::Text
        );
        assert_eq!(InputFormat::of_extension(Path::new("E.TXT")), InputFormat::Text);
        assert_eq!(InputFormat::of_extension(Path::new("A.MD")), InputFormat::Markdown);
        assert_eq!(InputFormat::of_extension(Path::new("p.HTM")), InputFormat::Html);
    }

    #[cfg(feature = "html")]
    #[test]
    fn a_page_names_its_own_address() {
        let og = r#"<head><link rel="canonical" href="https://x.org/c"><meta property="og:url" content="https://x.org/a"></head>"#;
        assert_eq!(page_url(og).as_deref(), Some("https://x.org/a"));
        assert_eq!(
            page_url(r#"<link href='https://x.org/c' rel='Canonical'>"#).as_deref(),
            Some("https://x.org/c")
        );
        assert_eq!(page_url("<p>no link</p>"), None);
    }

    #[test]
    fn bom_is_skipped_but_offsets_stay_original() {
        let doc = Document::from_bytes(Path::new("x"), b"\xEF\xBB\xBFHello".to_vec()).unwrap();
        assert_eq!(doc.body_start, 3);
        assert_eq!(&doc.text[doc.body_start..], "Hello");
        assert_eq!(doc.line_col(3), (1, 1));
    }
}
