//! The `factsheet` command: parses arguments, runs the library over the
//! inputs, prints in the chosen format and sets the exit code. All the work
//! happens in the library.
//!
//! Exit codes: 0 all inputs analysed; 1 a finding at or above `--fail-on`;
//! 2 an input or worksheet could not be read or written (the rest of the
//! batch still is).

#![allow(clippy::print_stderr)]

/// Analysis allocates many small strings and vectors per article;
/// mimalloc's thread-local free lists keep that cheap on every core.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use factsheet::checks::{REGISTRY, Selection};
use factsheet::ingest::InputFormat;
use factsheet::render::jsonl::{self, Summary};
use factsheet::render::{Format, table};
use factsheet::worksheet::{self, Worksheet};
use factsheet::{Document, Severity};

#[derive(Parser)]
#[command(
    name = "factsheet",
    version,
    about = "Quotes, claims and consistency checks from news articles, as a fact-check worksheet",
    after_help = EXIT_CODES
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXIT_CODES: &str = "Exit codes:\n  0  every input analysed\n  1  --fail-on was given and a finding of that severity or worse exists\n  2  an input or worksheet could not be read or written (the other inputs were still processed)";

#[derive(Subcommand)]
enum Command {
    /// Analyse articles: files, folders (every .txt/.md/.html inside) or - for stdin.
    #[command(after_help = EXIT_CODES)]
    Check(CheckArgs),
    /// Print the text factsheet analyses for an article: for a saved web
    /// page, the extracted article that spans and line:column refer to.
    Extract(ExtractArgs),
    /// List the consistency checks and house rules with a one-line description each.
    Checks(ChecksArgs),
    /// Show where worksheets stand: verdict counts, open findings, false items.
    Review(ReviewArgs),
    /// Export verdicts from worksheets.
    Export(ExportArgs),
}

#[derive(clap::Args)]
struct ChecksArgs {
    /// House rules to list with the built-in checks (default: factsheet.toml here, if present).
    #[arg(long)]
    rules: Option<PathBuf>,
}

/// The run's house rules: the defaults, plus `--rules FILE` or
/// `factsheet.toml` in the working folder when there is one.
fn house_rules(path: Option<&Path>) -> anyhow::Result<factsheet::rules::RuleSet> {
    let default = Path::new(factsheet::rules::DEFAULT_RULES_FILE);
    match path.or(default.is_file().then_some(default)) {
        Some(p) => Ok(factsheet::rules::RuleSet::with_file(p)?),
        None => Ok(factsheet::rules::RuleSet::defaults().clone()),
    }
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// The article (.txt, .md or .html).
    input: PathBuf,
}

#[derive(clap::Args)]
struct ReviewArgs {
    /// Worksheets to review.
    #[arg(required = true)]
    sheets: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    format: ReviewFormat,
}

/// What `review` prints.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ReviewFormat {
    Table,
    Csv,
    Jsonl,
}

#[derive(clap::Args)]
struct ExportArgs {
    /// Write schema.org ClaimReview JSON-LD for every row with a verdict.
    #[arg(long, required = true)]
    claimreview: bool,
    /// Worksheets to export.
    #[arg(required = true)]
    sheets: Vec<PathBuf>,
    /// The reviews' publication date (default: today).
    #[arg(long)]
    date: Option<String>,
    /// The fact-checking organisation, as the reviews' author.
    #[arg(long)]
    publisher: Option<String>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum FailOn {
    Error,
    Warning,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Article files, folders, or - for stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// What to print on stdout.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Write (or merge into) this worksheet: CSV, or a spreadsheet when the name ends in .xlsx.
    #[arg(short = 'o', long = "output")]
    output: Option<PathBuf>,
    /// Write the worksheet with a UTF-8 BOM so Excel shows accents.
    #[arg(long)]
    excel: bool,
    /// Run only these checks (comma-separated ids; spaces around them are fine).
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,
    /// Skip these checks (comma-separated ids).
    #[arg(long, value_delimiter = ',')]
    skip: Vec<String>,
    /// What standard input (`-`) holds; `auto` sniffs a web page or Markdown.
    #[arg(long, value_enum, default_value = "auto")]
    stdin_format: InputFormat,
    /// Exit with 1 when a finding of this severity or worse exists.
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Worker threads (0 = all cores).
    #[arg(short = 'j', long, default_value_t = 0)]
    jobs: usize,
    /// What the inputs are.
    #[arg(long, value_enum, default_value = "files")]
    input: InputKind,
    /// Write (or merge into) one worksheet per article in this folder.
    #[arg(long)]
    worksheet_dir: Option<PathBuf>,
    /// Skip the checks across articles (keeps memory flat on endless streams).
    #[arg(long)]
    no_cross: bool,
    /// House rules (TOML) added to the defaults (default: factsheet.toml here, if present).
    #[arg(long)]
    rules: Option<PathBuf>,
    /// Write an editor's review page (one self-contained HTML file).
    #[arg(long)]
    html: Option<PathBuf>,
    /// The articles' date (YYYY-MM-DD) where the text has no dateline; a
    /// dateline, or a JSON Lines record's `date`, wins.
    #[arg(long, value_parser = parse_date)]
    date: Option<jiff::civil::Date>,
}

/// A calendar date as `--date` takes it: YYYY-MM-DD, and a day that exists.
fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    let ok = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    ok.then(|| s.parse().ok())
        .flatten()
        .ok_or_else(|| format!("`{s}` is not a date (YYYY-MM-DD, a day that exists)"))
}

fn main() -> ExitCode {
    // Panics are caught per article and reported in one line; keep the
    // default hook's backtrace off the journalist's terminal.
    std::panic::set_hook(Box::new(|_| {}));
    let cli = Cli::parse();
    match cli.command {
        Command::Checks(args) => {
            let rules = match house_rules(args.rules.as_deref()) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("factsheet: {e:#}");
                    return ExitCode::from(2);
                }
            };
            let mut out = String::new();
            for c in REGISTRY {
                out.push_str(&format!("{:<22} {}\n", c.id(), c.description()));
            }
            for r in rules.rules() {
                out.push_str(&format!("{:<22} {} (house rule)\n", r.id, r.description));
            }
            emit(&out);
            ExitCode::SUCCESS
        }
        Command::Review(args) => {
            let (sheets, code) = read_sheets(&args.sheets);
            let reviews = factsheet::review::review(&sheets);
            if sheets.is_empty() {
                return code;
            }
            emit(&match args.format {
                ReviewFormat::Table => factsheet::render::review::table(&reviews, table::View::for_stdout()),
                ReviewFormat::Csv => factsheet::render::review::csv(&reviews),
                ReviewFormat::Jsonl => factsheet::render::review::jsonl(&reviews),
            });
            code
        }
        Command::Export(args) => {
            let (sheets, code) = read_sheets(&args.sheets);
            let date = args
                .date
                .unwrap_or_else(|| jiff::ZonedDateTime::now().date().to_string());
            let reviews = factsheet::export::claim_reviews(&sheets, &date, args.publisher.as_deref());
            let json = serde_json::to_string_pretty(&reviews).unwrap_or_default();
            emit(&format!("{}\n", factsheet::export::script_safe(&json)));
            code
        }
        Command::Extract(args) => match Document::read(&args.input) {
            Ok(d) => {
                let mut head = String::new();
                for (label, value) in [("title", &d.title), ("byline", &d.byline)] {
                    if let Some(v) = value {
                        head.push_str(&format!("{label}: {v}\n"));
                    }
                }
                if let Some(p) = d.published {
                    head.push_str(&format!("published: {p}\n"));
                }
                // Metadata goes to stderr so stdout is exactly the analysed
                // text; on a terminal, with its control characters visible.
                if !head.is_empty() {
                    eprint!("{}", factsheet::render::visible_text(&head));
                }
                if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
                    emit(&factsheet::render::visible_text(&d.text));
                } else {
                    emit(&d.text);
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("factsheet: {e}");
                ExitCode::from(2)
            }
        },
        Command::Check(args) => match check(args) {
            Ok(code) => code,
            Err(e) => {
                eprintln!("factsheet: {e:#}");
                ExitCode::from(2)
            }
        },
    }
}

/// Writes to stdout; a closed pipe (`| head`) ends quietly.
fn emit(s: &str) {
    let mut out = std::io::stdout().lock();
    if out.write_all(s.as_bytes()).and_then(|_| out.flush()).is_err() {
        std::process::exit(0);
    }
}

/// Writes an article's JSON line to stdout as it is made (see
/// [`STREAM_FROM`]); a closed pipe ends quietly, as in [`emit`].
fn emit_article(a: &factsheet::Analysis) {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = jsonl::write_article(a, &mut out)
        .and_then(|_| out.write_all(b"\n"))
        .and_then(|_| out.flush());
    if written.is_err() {
        std::process::exit(0);
    }
}

/// The worksheets that could be read; each one that could not is
/// reported in one line, and the exit code is 2 when any was.
fn read_sheets(paths: &[PathBuf]) -> (Vec<Worksheet>, ExitCode) {
    let mut sheets = Vec::new();
    let mut code = ExitCode::SUCCESS;
    for p in paths {
        match Worksheet::read(p) {
            Ok(s) => sheets.push(s),
            Err(e) => {
                eprintln!("factsheet: {e}");
                code = ExitCode::from(2);
            }
        }
    }
    (sheets, code)
}

/// Expands folders into their article files (.txt, .md, .html in any
/// case), sorted, following links to files and skipping hidden files and
/// folders. A folder or file that cannot be read comes back as a
/// [`Source::Bad`] in its place.
fn expand(inputs: &[PathBuf]) -> Vec<Source> {
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
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
                        let at = e.path().map_or_else(|| p.clone(), Path::to_path_buf);
                        let why = e.io_error().map_or_else(|| e.to_string(), |io| io.to_string());
                        let message = format!("{}: cannot read: {why}", at.display());
                        found.push((at, Some(message)));
                    }
                }
            }
            found.sort();
            out.extend(found.into_iter().map(|(path, bad)| match bad {
                None => Source::File(path),
                Some(message) => Source::Bad {
                    name: path.display().to_string(),
                    message,
                },
            }));
        } else {
            out.push(Source::File(p.clone()));
        }
    }
    out
}

/// Is this an article file by its extension (in any case)?
fn is_article(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|x| x.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(ext.as_str(), "txt" | "md" | "markdown" | "html" | "htm")
}

/// One input of a run: a file, or a record of a JSON Lines archive.
enum Source {
    File(PathBuf),
    Record {
        name: String,
        text: String,
        date: Option<jiff::civil::Date>,
        url: Option<String>,
    },
    Bad {
        name: String,
        message: String,
    },
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
    /// turn instead of `rendered` (see [`STREAM_FROM`]).
    stream: Option<Box<factsheet::Analysis>>,
    rows: Option<Vec<worksheet::Row>>,
    digest: Option<factsheet::cross::Digest>,
    sarif: Vec<serde_json::Value>,
    counts: (usize, usize, usize),
    worst: Option<Severity>,
    html: Option<factsheet::render::html::ArticlePage>,
}

/// What every input of a run shares besides the check selection: the house
/// rules, and the worksheet's verdicts when a review page is wanted.
struct Shared {
    rules: factsheet::rules::RuleSet,
    /// `--date`: the date of articles that have none of their own.
    date_hint: Option<jiff::civil::Date>,
    page: Option<factsheet::render::html::Verdicts>,
    view: table::View,
    stdin_format: InputFormat,
}

/// Inputs are read, analysed and written this many at a time, so memory
/// stays flat however long a JSON Lines stream is, and output keeps input order.
const CHUNK: usize = 256;

/// An article of this many bytes or more is not rendered as JSON Lines in
/// parallel with the others but written straight to stdout in its turn:
/// its JSON can be dozens of times its size (a text made of counts), and
/// holding it as one string set the peak memory (issue 15).
const STREAM_FROM: usize = 1 << 20;

fn analyse(
    source: Source,
    selection: &Selection,
    shared: &Shared,
    format: Format,
    want_rows: bool,
    want_digest: bool,
) -> Outcome {
    let (name, doc) = match source {
        Source::File(p) => (
            p.display().to_string(),
            Document::read_as(&p, shared.stdin_format).map_err(|e| e.to_string()),
        ),
        Source::Record { name, text, date, url } => {
            let mut d = Document::from_text(name.clone(), text);
            d.published = date;
            d.url = url;
            (name, Ok(d))
        }
        Source::Bad { name, message } => (name, Err(message)),
    };
    let result = doc.and_then(|mut d| {
        d.date_hint = shared.date_hint;
        // A bug in a rule must cost one article, not the batch.
        let a = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            factsheet::analyze_with_rules(d, selection, &shared.rules)
        }))
        .map_err(|_| format!("{name}: internal error while analysing this article (please report it)"))?;
        let streamed = format == Format::Jsonl && a.document.text.len() >= STREAM_FROM;
        let rendered = match format {
            Format::Jsonl if streamed => String::new(),
            Format::Jsonl => {
                let mut line = jsonl::article(&a);
                line.push('\n');
                line
            }
            Format::Table => table::render_with(&a, shared.view),
            Format::Line => factsheet::render::line::article(&a),
            Format::Csv | Format::Sarif => String::new(),
        };
        Ok(Done {
            article: factsheet::render::article_name(&a.document.path).to_string(),
            path: a.document.path.clone(),
            rendered,
            rows: want_rows.then(|| worksheet::rows(&a)),
            digest: want_digest.then(|| factsheet::cross::Digest::of(&a)),
            sarif: if format == Format::Sarif {
                factsheet::render::sarif::results(&a)
            } else {
                Vec::new()
            },
            counts: (a.quotes.len(), a.claims.len(), a.findings.len()),
            worst: a.findings.iter().map(|f| f.severity).max(),
            html: shared.page.as_ref().map(|v| factsheet::render::html::article(&a, v)),
            stream: streamed.then(|| Box::new(a)),
        })
    });
    Outcome { name, result }
}

/// Records of a JSON Lines archive: `{"id": …, "text": …, "date": …}`.
fn jsonl_records(path: &Path) -> anyhow::Result<Box<dyn Iterator<Item = Source>>> {
    use std::io::BufRead;
    let label = if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let reader: Box<dyn BufRead> = if path == Path::new("-") {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        let f = std::fs::File::open(path).map_err(|e| anyhow::anyhow!("{label}: cannot read: {e}"))?;
        Box::new(std::io::BufReader::new(f))
    };
    Ok(Box::new(reader.lines().enumerate().filter_map(move |(n, line)| {
        let at = format!("{label}:{}", n + 1);
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                return Some(Source::Bad {
                    name: at.clone(),
                    message: format!("{at}: cannot read: {e}"),
                });
            }
        };
        if line.trim().is_empty() {
            return None;
        }
        let v: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                return Some(Source::Bad {
                    name: at.clone(),
                    message: format!("{at}: not a JSON object: {e}"),
                });
            }
        };
        let name = match &v["id"] {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Number(n) => n.to_string(),
            _ => at.clone(),
        };
        let text = match &v["text"] {
            serde_json::Value::String(t) if t.trim().is_empty() => {
                return Some(Source::Bad {
                    name,
                    message: format!("{at}: \"text\" is empty"),
                });
            }
            serde_json::Value::String(t) => t.clone(),
            serde_json::Value::Null => {
                return Some(Source::Bad {
                    name,
                    message: format!("{at}: no \"text\" in the record"),
                });
            }
            _ => {
                return Some(Source::Bad {
                    name,
                    message: format!("{at}: \"text\" is not a string"),
                });
            }
        };
        // A record's date is a day ("2024-03-07") or a timestamp that
        // starts with one; anything else is an error, not silently no date.
        let date = match &v["date"] {
            serde_json::Value::Null => None,
            serde_json::Value::String(d) => match d
                .get(..10)
                .filter(|_| d.len() == 10 || matches!(d.as_bytes()[10], b'T' | b' '))
                .map(parse_date)
            {
                Some(Ok(d)) => Some(d),
                _ => {
                    return Some(Source::Bad {
                        name,
                        message: format!("{at}: \"date\" `{d}` is not a date (YYYY-MM-DD, a day that exists)"),
                    });
                }
            },
            other => {
                return Some(Source::Bad {
                    name,
                    message: format!("{at}: \"date\" {other} is not a date (YYYY-MM-DD, a day that exists)"),
                });
            }
        };
        let url = v["url"]
            .as_str()
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .map(String::from);
        Some(Source::Record { name, text, date, url })
    })))
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum InputKind {
    /// Article files (.txt, .md, .html) and folders of them.
    Files,
    /// JSON Lines archives: one {"id", "text", "date", "url"} per line.
    Jsonl,
}

fn check(mut args: CheckArgs) -> anyhow::Result<ExitCode> {
    rejoin_id_lists(&mut args);
    let shared = Shared {
        view: table::View::for_stdout(),
        stdin_format: args.stdin_format,
        rules: house_rules(args.rules.as_deref())?,
        date_hint: args.date,
        page: match (&args.html, &args.output) {
            (None, _) => None,
            (Some(_), Some(sheet)) if sheet.exists() => {
                Some(factsheet::render::html::verdicts(&Worksheet::read(sheet)?))
            }
            (Some(_), _) => Some(Default::default()),
        },
    };
    let mut pages = Vec::new();
    // `--only "a, b"`: ids trimmed, empty ones dropped.
    let tidy = |ids: &[String]| -> Vec<String> {
        ids.iter()
            .map(|i| i.trim().to_string())
            .filter(|i| !i.is_empty())
            .collect()
    };
    let (only, skip) = (tidy(&args.only), tidy(&args.skip));
    if let Some(dir) = &args.worksheet_dir {
        std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("{}: cannot create: {e}", dir.display()))?;
    }
    for id in only.iter().chain(&skip) {
        if !REGISTRY.iter().any(|c| c.id() == id) && !shared.rules.has(id) {
            anyhow::bail!("unknown check `{id}`\nhint: `factsheet checks` lists them");
        }
    }
    if args.jobs > 0 {
        rayon::ThreadPoolBuilder::new()
            .num_threads(args.jobs)
            .build_global()
            .ok();
    }
    let selection = Selection { only, skip };
    let mut sources: Box<dyn Iterator<Item = Source>> = match args.input {
        InputKind::Files => Box::new(expand(&args.inputs).into_iter()),
        InputKind::Jsonl => {
            let mut all: Box<dyn Iterator<Item = Source>> = Box::new(std::iter::empty());
            for p in &args.inputs {
                all = Box::new(all.chain(jsonl_records(p)?));
            }
            all
        }
    };
    let want_rows = args.output.is_some() || args.worksheet_dir.is_some() || args.format == Format::Csv;
    // Progress on stderr, drawn only when stderr is a terminal: a bar for
    // a known number of files, a counter for a stream.
    let progress = match sources.size_hint() {
        (n, Some(m)) if n == m && n > 1 => indicatif::ProgressBar::new(n as u64),
        _ => indicatif::ProgressBar::new_spinner(),
    };
    if !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        progress.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }

    let mut summary = Summary::default();
    let mut worst: Option<Severity> = None;
    // A combined worksheet's rows wait on disk, not in memory.
    let mut sheet_articles = match &args.output {
        Some(path) => match worksheet::Spill::new() {
            Ok(s) => Some(s),
            Err(e) => {
                eprintln!(
                    "factsheet: {}: cannot keep the batch's rows for the worksheet: {e}",
                    path.display()
                );
                return Ok(ExitCode::from(2));
            }
        },
        None => None,
    };
    // `--format csv` is written as the rows come, a chunk at a time.
    let csv_columns = worksheet::columns();
    if args.format == Format::Csv {
        emit(&String::from_utf8_lossy(&worksheet::csv_lines(&csv_columns, &[], true)));
    }
    let mut cross_batch = factsheet::cross::Batch::default();
    let mut write_failed = false;
    let mut sarif_results = Vec::new();
    let mut errors = Vec::new();
    loop {
        let chunk: Vec<Source> = sources.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let outcomes: Vec<Outcome> = chunk
            .into_par_iter()
            .map(|s| analyse(s, &selection, &shared, args.format, want_rows, !args.no_cross))
            .collect();
        progress.inc(outcomes.len() as u64);
        for o in outcomes {
            match o.result {
                Ok(done) => {
                    summary.articles += 1;
                    summary.quotes += done.counts.0;
                    summary.claims += done.counts.1;
                    summary.findings += done.counts.2;
                    worst = worst.max(done.worst);
                    progress.suspend(|| match &done.stream {
                        Some(a) => emit_article(a),
                        None => emit(&done.rendered),
                    });
                    let rows = done.rows.unwrap_or_default();
                    if args.format == Format::Csv {
                        let lines = worksheet::csv_lines(&csv_columns, &rows, false);
                        progress.suspend(|| emit(&String::from_utf8_lossy(&lines)));
                    }
                    if let Some(dir) = &args.worksheet_dir {
                        let stem = done.article.rsplit_once('.').map_or(done.article.as_str(), |(s, _)| s);
                        let one = worksheet::Article {
                            path: done.path.clone(),
                            rows: rows.clone(),
                        };
                        if let Err(e) = write_sheet(&dir.join(format!("{stem}.csv")), vec![one], args.excel) {
                            eprintln!("factsheet: {e}");
                            write_failed = true;
                        }
                    }
                    // Only a combined worksheet needs the batch's rows and
                    // article names; a stream without one keeps nothing.
                    if let Some(spill) = &mut sheet_articles {
                        if let Err(e) = spill.push(worksheet::Article { path: done.path, rows }) {
                            eprintln!("factsheet: cannot keep the batch's rows for the worksheet: {e}");
                            write_failed = true;
                            sheet_articles = None;
                        }
                    }
                    if let Some(d) = done.digest {
                        cross_batch.add(d);
                    }
                    sarif_results.extend(done.sarif);
                    pages.extend(done.html);
                }
                Err(message) => {
                    summary.errors += 1;
                    eprintln!("factsheet: {message}");
                    if args.format == Format::Sarif {
                        errors.push(message.clone());
                    }
                    if args.format == Format::Jsonl {
                        emit(&format!("{}\n", jsonl::error(&o.name, &message)));
                    }
                }
            }
        }
    }
    progress.finish_and_clear();
    // Contradictions between the articles of the batch.
    let cross = if cross_batch.len() > 1 {
        cross_batch.check()
    } else {
        Vec::new()
    };
    drop(cross_batch);
    summary.findings += cross.len();
    if !cross.is_empty() {
        worst = worst.max(Some(Severity::Warning));
    }
    match args.format {
        Format::Jsonl => {
            for f in &cross {
                emit(&format!("{}\n", jsonl::cross_finding(f)));
            }
            emit(&format!("{}\n", summary.to_json()));
        }
        Format::Csv => {}
        Format::Table => {
            if !cross.is_empty() {
                emit(&table::render_cross(&cross, shared.view));
            }
        }
        Format::Line => {
            for f in &cross {
                emit(&factsheet::render::line::cross(f));
            }
        }
        Format::Sarif => {
            sarif_results.extend(cross.iter().map(factsheet::render::sarif::cross_result));
            let mut rules: Vec<(String, String)> = REGISTRY
                .iter()
                .map(|c| (c.id().to_string(), c.description().to_string()))
                .collect();
            rules.extend(
                shared
                    .rules
                    .rules()
                    .iter()
                    .map(|r| (r.id.to_string(), r.description.to_string())),
            );
            for (id, d) in factsheet::cross::CHECKS {
                rules.push((id.to_string(), d.to_string()));
            }
            let log = factsheet::render::sarif::log(&rules, sarif_results, &errors);
            emit(&format!("{}\n", serde_json::to_string_pretty(&log).unwrap_or_default()));
        }
    }
    if let Some(path) = &args.html {
        let page = factsheet::render::html::page(&pages, &cross);
        if let Err(e) = std::fs::write(path, page) {
            eprintln!("factsheet: {}: cannot write: {e}", path.display());
            write_failed = true;
        }
    }
    if let (Some(path), Some(spill)) = (&args.output, sheet_articles) {
        match worksheet::update_spilled(path, spill, args.excel) {
            Ok(done) => report_sheet(path, &done),
            Err(e) => {
                eprintln!("factsheet: {e}");
                write_failed = true;
            }
        }
    }
    eprintln!("{}", summary.line());
    if summary.errors > 0 || write_failed {
        return Ok(ExitCode::from(2));
    }
    let threshold = args.fail_on.map(|f| match f {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
    });
    if let (Some(t), Some(w)) = (threshold, worst) {
        if w >= t {
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `--only a, b` unquoted reaches us as `--only "a,"` and an input `b`:
/// when a list ends in a comma, inputs that are check ids (and no file)
/// belong to it.
fn rejoin_id_lists(args: &mut CheckArgs) {
    let rules = house_rules(args.rules.as_deref()).ok();
    let is_id = |p: &PathBuf| {
        let id = p.to_string_lossy();
        !p.exists()
            && (REGISTRY.iter().any(|c| c.id() == id)
                || factsheet::cross::CHECKS.iter().any(|(c, _)| *c == id)
                || rules.as_ref().is_some_and(|r| r.has(&id)))
    };
    for list in [&mut args.only, &mut args.skip] {
        if list.last().is_some_and(|l| l.trim().is_empty()) {
            let (ids, rest): (Vec<PathBuf>, Vec<PathBuf>) = args.inputs.drain(..).partition(is_id);
            list.extend(ids.iter().map(|p| p.to_string_lossy().into_owned()));
            args.inputs = rest;
        }
    }
}

/// Writes the worksheet, merging into an existing one so no human work is lost.
fn write_sheet(path: &Path, articles: Vec<worksheet::Article>, bom: bool) -> factsheet::Result<()> {
    let done = worksheet::update(path, articles, bom)?;
    report_sheet(path, &done);
    Ok(())
}

/// What writing a worksheet did, on stderr.
fn report_sheet(path: &Path, done: &worksheet::Update) {
    for note in &done.notes {
        eprintln!("{}: note: {note}", path.display());
    }
    eprintln!("{}: {}", path.display(), done.line());
}
