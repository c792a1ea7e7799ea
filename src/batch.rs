//! A `check` run over many inputs: read, analyse in parallel, write in
//! input order, a chunk at a time, then the batch's own closing work
//! (cross-article findings, the review page, the merged worksheet).
//!
//! The binary builds [`Options`] from its arguments and hands a [`Sink`]
//! that prints; everything else a run does lives here, so a newsroom's own
//! tool can drive a batch the same way.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::checks::{Selection, Severity};
use crate::cross::{self, CrossFinding, Digest};
use crate::ingest::InputFormat;
use crate::inputs::Source;
use crate::render::jsonl::{self, Summary};
use crate::render::{self, Format, html, table};
use crate::rules::RuleSet;
use crate::worksheet;
use crate::{Analysis, analyze_with_rules};

/// Inputs are read, analysed and written this many at a time, so memory
/// stays flat however long a JSON Lines stream is, and output keeps input order.
const CHUNK: usize = 256;

/// An article of this many bytes or more is not rendered as JSON Lines in
/// parallel with the others but written straight to the sink in its turn:
/// its JSON can be dozens of times its size (a text made of counts), and
/// holding it as one string set the peak memory (issue 15).
const STREAM_FROM: usize = 1 << 20;

/// What a run was asked for.
pub struct Options {
    /// What the sink's text is.
    pub format: Format,
    /// Checks to run.
    pub selection: Selection,
    pub rules: RuleSet,
    /// The date of articles that have none of their own.
    pub date_hint: Option<jiff::civil::Date>,
    /// What standard input (`-`) holds.
    pub stdin_format: InputFormat,
    /// How tables are drawn.
    pub view: table::View,
    /// The combined worksheet to write or merge into.
    pub output: Option<PathBuf>,
    /// A folder with one worksheet per article.
    pub worksheet_dir: Option<PathBuf>,
    /// Worksheets with a UTF-8 BOM, for Excel.
    pub excel: bool,
    /// The review page to write, with the verdicts it shows beside each item.
    pub html: Option<(PathBuf, html::Verdicts)>,
    /// Whether contradictions between the batch's articles are looked for.
    pub cross: bool,
}

/// Where a run's output goes: the binary prints, a test collects.
pub trait Sink {
    /// Output in input order (an article's rendering, a closing line).
    fn text(&mut self, s: &str);
    /// A long article's JSON line, written as it is made (see [`STREAM_FROM`]).
    fn article(&mut self, a: &Analysis);
    /// A one-line message for the person running the batch (an unreadable
    /// input, a worksheet note).
    fn message(&mut self, line: &str);
    /// This many more inputs are done.
    fn advance(&mut self, _inputs: usize) {}
}

/// How a run ended: its counts, its worst finding, and whether an input or
/// a worksheet could not be read or written.
#[derive(Clone, Copy, Debug, Default)]
pub struct Ending {
    pub summary: Summary,
    pub worst: Option<Severity>,
    pub failed: bool,
}

/// Runs the batch over `sources`, writing to `sink` as it goes; `None`,
/// after a message saying why, when the run could not start.
pub fn run(sources: impl Iterator<Item = Source>, options: &Options, sink: &mut dyn Sink) -> Option<Ending> {
    let mut sources = sources;
    let mut state = State::start(options, sink)?;
    loop {
        let chunk: Vec<Source> = sources.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let outcomes: Vec<Outcome> = chunk.into_par_iter().map(|s| analyse(s, options)).collect();
        sink.advance(outcomes.len());
        for o in outcomes {
            state.take(o, sink);
        }
    }
    Some(state.finish(sink))
}

/// What one input produced, rendered in parallel and written in order.
struct Outcome {
    name: String,
    result: Result<Done, String>,
}

struct Done {
    article: String,
    path: String,
    rendered: String,
    /// A long article's analysis, when its JSON line is written in its
    /// turn instead of `rendered`.
    stream: Option<Box<Analysis>>,
    rows: Option<Vec<worksheet::Row>>,
    digest: Option<Digest>,
    sarif: Vec<serde_json::Value>,
    counts: (usize, usize, usize),
    worst: Option<Severity>,
    html: Option<html::ArticlePage>,
}

fn analyse(source: Source, options: &Options) -> Outcome {
    let (name, doc) = source.open(options.stdin_format);
    let result = doc.and_then(|mut d| {
        d.date_hint = options.date_hint;
        // A bug in a rule must cost one article, not the batch.
        let a = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            analyze_with_rules(d, &options.selection, &options.rules)
        }))
        .map_err(|_| format!("{name}: internal error while analysing this article (please report it)"))?;
        Ok(done(a, options))
    });
    Outcome { name, result }
}

/// An analysed article, rendered for everything the run writes.
fn done(a: Analysis, options: &Options) -> Done {
    let format = options.format;
    let streamed = format == Format::Jsonl && a.document.text.len() >= STREAM_FROM;
    let rendered = match format {
        Format::Jsonl if streamed => String::new(),
        Format::Jsonl => {
            let mut line = jsonl::article(&a);
            line.push('\n');
            line
        }
        Format::Table => table::render_with(&a, options.view),
        Format::Line => render::line::article(&a),
        Format::Csv | Format::Sarif => String::new(),
    };
    let want_rows = options.output.is_some() || options.worksheet_dir.is_some() || format == Format::Csv;
    Done {
        article: render::article_name(&a.document.path).to_string(),
        path: a.document.path.clone(),
        rendered,
        rows: want_rows.then(|| worksheet::rows(&a)),
        digest: options.cross.then(|| Digest::of(&a)),
        sarif: if format == Format::Sarif {
            render::sarif::results(&a)
        } else {
            Vec::new()
        },
        counts: (a.quotes.len(), a.claims.len(), a.findings.len()),
        worst: a.findings.iter().map(|f| f.severity).max(),
        html: options.html.as_ref().map(|(_, v)| html::article(&a, v)),
        stream: streamed.then(|| Box::new(a)),
    }
}

/// What a run gathers as its articles come in: the counts, the worst
/// finding, the worksheet's rows (on disk), the cross-article digests, and
/// what the SARIF log and the review page need at the end.
struct State<'a> {
    options: &'a Options,
    ending: Ending,
    /// A combined worksheet's rows wait on disk, not in memory.
    sheet: Option<worksheet::Spill>,
    csv_columns: Vec<String>,
    cross: cross::Batch,
    sarif: Vec<serde_json::Value>,
    errors: Vec<String>,
    pages: Vec<html::ArticlePage>,
}

impl<'a> State<'a> {
    /// A run ready for its first article (and the CSV header written);
    /// `None`, after saying why, when the worksheet's rows have nowhere to go.
    fn start(options: &'a Options, sink: &mut dyn Sink) -> Option<State<'a>> {
        let sheet = match &options.output {
            Some(path) => match worksheet::Spill::new() {
                Ok(s) => Some(s),
                Err(e) => {
                    sink.message(&format!(
                        "factsheet: {}: cannot keep the batch's rows for the worksheet: {e}",
                        path.display()
                    ));
                    return None;
                }
            },
            None => None,
        };
        // `--format csv` is written as the rows come, a chunk at a time.
        let csv_columns = worksheet::columns();
        if options.format == Format::Csv {
            sink.text(&String::from_utf8_lossy(&worksheet::csv_lines(&csv_columns, &[], true)));
        }
        Some(State {
            options,
            ending: Ending::default(),
            sheet,
            csv_columns,
            cross: cross::Batch::default(),
            sarif: Vec::new(),
            errors: Vec::new(),
            pages: Vec::new(),
        })
    }

    /// One input's outcome, written in its turn.
    fn take(&mut self, o: Outcome, sink: &mut dyn Sink) {
        match o.result {
            Ok(done) => self.take_done(done, sink),
            Err(message) => {
                self.ending.summary.errors += 1;
                sink.message(&format!("factsheet: {message}"));
                if self.options.format == Format::Sarif {
                    self.errors.push(message.clone());
                }
                if self.options.format == Format::Jsonl {
                    sink.text(&format!("{}\n", jsonl::error(&o.name, &message)));
                }
            }
        }
    }

    fn take_done(&mut self, done: Done, sink: &mut dyn Sink) {
        let options = self.options;
        let summary = &mut self.ending.summary;
        summary.articles += 1;
        summary.quotes += done.counts.0;
        summary.claims += done.counts.1;
        summary.findings += done.counts.2;
        self.ending.worst = self.ending.worst.max(done.worst);
        match &done.stream {
            Some(a) => sink.article(a),
            None => sink.text(&done.rendered),
        }
        let rows = done.rows.unwrap_or_default();
        if options.format == Format::Csv {
            let lines = worksheet::csv_lines(&self.csv_columns, &rows, false);
            sink.text(&String::from_utf8_lossy(&lines));
        }
        if let Some(dir) = &options.worksheet_dir {
            let stem = done.article.rsplit_once('.').map_or(done.article.as_str(), |(s, _)| s);
            let one = worksheet::Article {
                path: done.path.clone(),
                rows: rows.clone(),
            };
            if let Err(e) = write_sheet(&dir.join(format!("{stem}.csv")), vec![one], options.excel, sink) {
                sink.message(&format!("factsheet: {e}"));
                self.ending.failed = true;
            }
        }
        // Only a combined worksheet needs the batch's rows and article
        // names; a stream without one keeps nothing.
        if let Some(spill) = &mut self.sheet {
            if let Err(e) = spill.push(worksheet::Article { path: done.path, rows }) {
                sink.message(&format!(
                    "factsheet: cannot keep the batch's rows for the worksheet: {e}"
                ));
                self.ending.failed = true;
                self.sheet = None;
            }
        }
        if let Some(d) = done.digest {
            self.cross.add(d);
        }
        self.sarif.extend(done.sarif);
        self.pages.extend(done.html);
    }

    /// The batch's own findings, the closing output of each format, the
    /// review page and the worksheet.
    fn finish(mut self, sink: &mut dyn Sink) -> Ending {
        let options = self.options;
        // Contradictions between the articles of the batch.
        let cross = if self.cross.len() > 1 {
            std::mem::take(&mut self.cross).check()
        } else {
            Vec::new()
        };
        self.ending.summary.findings += cross.len();
        if !cross.is_empty() {
            self.ending.worst = self.ending.worst.max(Some(Severity::Warning));
        }
        self.write_closing(&cross, sink);
        if let Some((path, _)) = &options.html {
            let page = html::page(&self.pages, &cross);
            if let Err(e) = std::fs::write(path, page) {
                sink.message(&format!("factsheet: {}: cannot write: {e}", path.display()));
                self.ending.failed = true;
            }
        }
        if let (Some(path), Some(spill)) = (&options.output, self.sheet.take()) {
            match worksheet::update_spilled(path, spill, options.excel) {
                Ok(done) => report_sheet(path, &done, sink),
                Err(e) => {
                    sink.message(&format!("factsheet: {e}"));
                    self.ending.failed = true;
                }
            }
        }
        self.ending
    }

    /// What each format writes after the articles: the cross-article
    /// findings, and the JSON Lines summary or the whole SARIF log.
    fn write_closing(&mut self, cross: &[CrossFinding], sink: &mut dyn Sink) {
        let options = self.options;
        match options.format {
            Format::Jsonl => {
                for f in cross {
                    sink.text(&format!("{}\n", jsonl::cross_finding(f)));
                }
                sink.text(&format!("{}\n", self.ending.summary.to_json()));
            }
            Format::Csv => {}
            Format::Table => {
                if !cross.is_empty() {
                    sink.text(&table::render_cross(cross, options.view));
                }
            }
            Format::Line => {
                for f in cross {
                    sink.text(&render::line::cross(f));
                }
            }
            Format::Sarif => {
                let mut results = std::mem::take(&mut self.sarif);
                results.extend(cross.iter().map(render::sarif::cross_result));
                let rules = render::sarif::rule_list(&options.rules);
                let log = render::sarif::log(&rules, results, &self.errors);
                sink.text(&format!("{}\n", serde_json::to_string_pretty(&log).unwrap_or_default()));
            }
        }
    }
}

/// Writes a worksheet, merging into an existing one so no human work is lost.
fn write_sheet(path: &Path, articles: Vec<worksheet::Article>, bom: bool, sink: &mut dyn Sink) -> crate::Result<()> {
    let done = worksheet::update(path, articles, bom)?;
    report_sheet(path, &done, sink);
    Ok(())
}

/// What writing a worksheet did, as messages.
fn report_sheet(path: &Path, done: &worksheet::Update, sink: &mut dyn Sink) {
    for note in &done.notes {
        sink.message(&format!("{}: note: {note}", path.display()));
    }
    sink.message(&format!("{}: {}", path.display(), done.line()));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a run wrote, kept apart by channel.
    #[derive(Default)]
    struct Collected {
        text: String,
        messages: Vec<String>,
        advanced: usize,
    }

    impl Sink for Collected {
        fn text(&mut self, s: &str) {
            self.text.push_str(s);
        }
        fn article(&mut self, a: &Analysis) {
            self.text.push_str(&jsonl::article(a));
            self.text.push('\n');
        }
        fn message(&mut self, line: &str) {
            self.messages.push(line.to_string());
        }
        fn advance(&mut self, inputs: usize) {
            self.advanced += inputs;
        }
    }

    fn record(name: &str, text: &str) -> Source {
        Source::Record {
            name: name.to_string(),
            text: text.to_string(),
            date: None,
            url: None,
        }
    }

    fn options(format: Format) -> Options {
        Options {
            format,
            selection: Selection::default(),
            rules: RuleSet::defaults().clone(),
            date_hint: None,
            stdin_format: InputFormat::Auto,
            view: table::View::default(),
            output: None,
            worksheet_dir: None,
            excel: false,
            html: None,
            cross: true,
        }
    }

    #[test]
    fn a_bad_input_costs_itself_only_and_output_keeps_input_order() {
        let sources = vec![
            record("first", "The council counted 120 votes on Monday, the clerk said."),
            Source::Bad {
                name: "broken".to_string(),
                message: "broken: not UTF-8 at byte 4".to_string(),
            },
            record("third", "\"We will appeal,\" said Mayor Ana Ruiz."),
        ];
        let mut sink = Collected::default();
        let ending = run(sources.into_iter(), &options(Format::Jsonl), &mut sink).expect("the run starts");
        assert_eq!(ending.summary.articles, 2);
        assert_eq!(ending.summary.errors, 1);
        assert_eq!(sink.advanced, 3);
        assert_eq!(sink.messages, ["factsheet: broken: not UTF-8 at byte 4"]);
        let kinds: Vec<String> = sink
            .text
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("each line is JSON");
                format!(
                    "{}:{}",
                    v["type"].as_str().unwrap_or("article"),
                    v["path"].as_str().unwrap_or("")
                )
            })
            .collect();
        assert_eq!(kinds.len(), 4, "two articles, one error, one summary: {kinds:?}");
        assert!(kinds[0].ends_with(":first"), "{kinds:?}");
        assert!(kinds[1].starts_with("error:broken"), "{kinds:?}");
        assert!(kinds[2].ends_with(":third"), "{kinds:?}");
        assert!(kinds[3].starts_with("summary"), "{kinds:?}");
    }
}
