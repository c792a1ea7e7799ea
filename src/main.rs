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
use factsheet::inputs::{self, Source, parse_day};
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
    #[arg(long, value_parser = parse_day)]
    date: Option<jiff::civil::Date>,
}

fn main() -> ExitCode {
    // Panics are caught per article and reported in one line; keep the
    // default hook's backtrace off the journalist's terminal.
    std::panic::set_hook(Box::new(|_| {}));
    let cli = Cli::parse();
    match cli.command {
        Command::Checks(args) => list_checks(&args),
        Command::Review(args) => review(&args),
        Command::Export(args) => export(&args),
        Command::Extract(args) => extract(&args),
        Command::Check(args) => match check(args) {
            Ok(code) => code,
            Err(e) => {
                eprintln!("factsheet: {e:#}");
                ExitCode::from(2)
            }
        },
    }
}

/// `factsheet checks`: every check and house rule, one a line.
fn list_checks(args: &ChecksArgs) -> ExitCode {
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

/// `factsheet review`: the verdicts of one or more worksheets.
fn review(args: &ReviewArgs) -> ExitCode {
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

/// `factsheet export`: the worksheets' verdicts as ClaimReview JSON.
fn export(args: &ExportArgs) -> ExitCode {
    let (sheets, code) = read_sheets(&args.sheets);
    let date = args
        .date
        .clone()
        .unwrap_or_else(|| jiff::ZonedDateTime::now().date().to_string());
    let reviews = factsheet::export::claim_reviews(&sheets, &date, args.publisher.as_deref());
    let json = serde_json::to_string_pretty(&reviews).unwrap_or_default();
    emit(&format!("{}\n", factsheet::export::script_safe(&json)));
    code
}

/// `factsheet extract`: the text factsheet analyses, on stdout, and the
/// page's metadata on stderr.
fn extract(args: &ExtractArgs) -> ExitCode {
    let d = match Document::read(&args.input) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("factsheet: {e}");
            return ExitCode::from(2);
        }
    };
    let mut head = String::new();
    for (label, value) in [("title", &d.title), ("byline", &d.byline)] {
        if let Some(v) = value {
            head.push_str(&format!("{label}: {v}\n"));
        }
    }
    if let Some(p) = d.published {
        head.push_str(&format!("published: {p}\n"));
    }
    // Metadata goes to stderr so stdout is exactly the analysed text; on a
    // terminal, with its control characters visible.
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
    let (name, doc) = source.open(shared.stdin_format);
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

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum InputKind {
    /// Article files (.txt, .md, .html) and folders of them.
    Files,
    /// JSON Lines archives: one {"id", "text", "date", "url"} per line.
    Jsonl,
}

fn check(mut args: CheckArgs) -> anyhow::Result<ExitCode> {
    rejoin_id_lists(&mut args);
    let shared = Shared::of(&args)?;
    let selection = selection(&args, &shared.rules)?;
    if let Some(dir) = &args.worksheet_dir {
        std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("{}: cannot create: {e}", dir.display()))?;
    }
    if args.jobs > 0 {
        rayon::ThreadPoolBuilder::new()
            .num_threads(args.jobs)
            .build_global()
            .ok();
    }
    let mut sources: Box<dyn Iterator<Item = Source>> = match args.input {
        InputKind::Files => Box::new(inputs::expand(&args.inputs).into_iter()),
        InputKind::Jsonl => {
            let mut all: Box<dyn Iterator<Item = Source>> = Box::new(std::iter::empty());
            for p in &args.inputs {
                all = Box::new(all.chain(inputs::records(p)?));
            }
            all
        }
    };
    let progress = progress_for(sources.size_hint());
    let Some(mut run) = Run::start(&args) else {
        return Ok(ExitCode::from(2));
    };
    let want_rows = args.output.is_some() || args.worksheet_dir.is_some() || args.format == Format::Csv;
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
            run.take(o, &progress);
        }
    }
    progress.finish_and_clear();
    Ok(run.finish(&shared))
}

impl Shared {
    fn of(args: &CheckArgs) -> anyhow::Result<Shared> {
        Ok(Shared {
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
        })
    }
}

/// The checks `--only` and `--skip` ask for ("a, b": ids trimmed, empty
/// ones dropped); an id that names no check is an error.
fn selection(args: &CheckArgs, rules: &factsheet::rules::RuleSet) -> anyhow::Result<Selection> {
    let tidy = |ids: &[String]| -> Vec<String> {
        ids.iter()
            .map(|i| i.trim().to_string())
            .filter(|i| !i.is_empty())
            .collect()
    };
    let (only, skip) = (tidy(&args.only), tidy(&args.skip));
    for id in only.iter().chain(&skip) {
        if !REGISTRY.iter().any(|c| c.id() == id) && !rules.has(id) {
            anyhow::bail!("unknown check `{id}`\nhint: `factsheet checks` lists them");
        }
    }
    Ok(Selection { only, skip })
}

/// Progress on stderr, drawn only when stderr is a terminal: a bar for a
/// known number of files, a counter for a stream.
fn progress_for(size_hint: (usize, Option<usize>)) -> indicatif::ProgressBar {
    let progress = match size_hint {
        (n, Some(m)) if n == m && n > 1 => indicatif::ProgressBar::new(n as u64),
        _ => indicatif::ProgressBar::new_spinner(),
    };
    if !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        progress.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    progress
}

/// What a `check` run gathers as its articles come in: the counts, the
/// worst finding, the worksheet's rows (on disk), the cross-article
/// digests, and what the SARIF log and the review page need at the end.
struct Run<'a> {
    args: &'a CheckArgs,
    summary: Summary,
    worst: Option<Severity>,
    /// A combined worksheet's rows wait on disk, not in memory.
    sheet: Option<worksheet::Spill>,
    csv_columns: Vec<String>,
    cross: factsheet::cross::Batch,
    sarif: Vec<serde_json::Value>,
    errors: Vec<String>,
    pages: Vec<factsheet::render::html::ArticlePage>,
    write_failed: bool,
}

impl<'a> Run<'a> {
    /// A run ready for its first article (and the CSV header written);
    /// `None`, after saying why, when the worksheet's rows have nowhere to go.
    fn start(args: &'a CheckArgs) -> Option<Run<'a>> {
        let sheet = match &args.output {
            Some(path) => match worksheet::Spill::new() {
                Ok(s) => Some(s),
                Err(e) => {
                    eprintln!(
                        "factsheet: {}: cannot keep the batch's rows for the worksheet: {e}",
                        path.display()
                    );
                    return None;
                }
            },
            None => None,
        };
        // `--format csv` is written as the rows come, a chunk at a time.
        let csv_columns = worksheet::columns();
        if args.format == Format::Csv {
            emit(&String::from_utf8_lossy(&worksheet::csv_lines(&csv_columns, &[], true)));
        }
        Some(Run {
            args,
            summary: Summary::default(),
            worst: None,
            sheet,
            csv_columns,
            cross: factsheet::cross::Batch::default(),
            sarif: Vec::new(),
            errors: Vec::new(),
            pages: Vec::new(),
            write_failed: false,
        })
    }

    /// One input's outcome, written in its turn.
    fn take(&mut self, o: Outcome, progress: &indicatif::ProgressBar) {
        match o.result {
            Ok(done) => self.take_done(done, progress),
            Err(message) => {
                self.summary.errors += 1;
                eprintln!("factsheet: {message}");
                if self.args.format == Format::Sarif {
                    self.errors.push(message.clone());
                }
                if self.args.format == Format::Jsonl {
                    emit(&format!("{}\n", jsonl::error(&o.name, &message)));
                }
            }
        }
    }

    fn take_done(&mut self, done: Done, progress: &indicatif::ProgressBar) {
        let args = self.args;
        self.summary.articles += 1;
        self.summary.quotes += done.counts.0;
        self.summary.claims += done.counts.1;
        self.summary.findings += done.counts.2;
        self.worst = self.worst.max(done.worst);
        progress.suspend(|| match &done.stream {
            Some(a) => emit_article(a),
            None => emit(&done.rendered),
        });
        let rows = done.rows.unwrap_or_default();
        if args.format == Format::Csv {
            let lines = worksheet::csv_lines(&self.csv_columns, &rows, false);
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
                self.write_failed = true;
            }
        }
        // Only a combined worksheet needs the batch's rows and article
        // names; a stream without one keeps nothing.
        if let Some(spill) = &mut self.sheet {
            if let Err(e) = spill.push(worksheet::Article { path: done.path, rows }) {
                eprintln!("factsheet: cannot keep the batch's rows for the worksheet: {e}");
                self.write_failed = true;
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
    /// review page and the worksheet; then the exit code.
    fn finish(mut self, shared: &Shared) -> ExitCode {
        let args = self.args;
        // Contradictions between the articles of the batch.
        let cross = if self.cross.len() > 1 {
            std::mem::take(&mut self.cross).check()
        } else {
            Vec::new()
        };
        self.summary.findings += cross.len();
        if !cross.is_empty() {
            self.worst = self.worst.max(Some(Severity::Warning));
        }
        self.write_closing(&cross, shared);
        if let Some(path) = &args.html {
            let page = factsheet::render::html::page(&self.pages, &cross);
            if let Err(e) = std::fs::write(path, page) {
                eprintln!("factsheet: {}: cannot write: {e}", path.display());
                self.write_failed = true;
            }
        }
        if let (Some(path), Some(spill)) = (&args.output, self.sheet.take()) {
            match worksheet::update_spilled(path, spill, args.excel) {
                Ok(done) => report_sheet(path, &done),
                Err(e) => {
                    eprintln!("factsheet: {e}");
                    self.write_failed = true;
                }
            }
        }
        eprintln!("{}", self.summary.line());
        if self.summary.errors > 0 || self.write_failed {
            return ExitCode::from(2);
        }
        let threshold = args.fail_on.map(|f| match f {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
        });
        match (threshold, self.worst) {
            (Some(t), Some(w)) if w >= t => ExitCode::from(1),
            _ => ExitCode::SUCCESS,
        }
    }

    /// What each format writes after the articles: the cross-article
    /// findings, and the JSON Lines summary or the whole SARIF log.
    fn write_closing(&mut self, cross: &[factsheet::cross::CrossFinding], shared: &Shared) {
        match self.args.format {
            Format::Jsonl => {
                for f in cross {
                    emit(&format!("{}\n", jsonl::cross_finding(f)));
                }
                emit(&format!("{}\n", self.summary.to_json()));
            }
            Format::Csv => {}
            Format::Table => {
                if !cross.is_empty() {
                    emit(&table::render_cross(cross, shared.view));
                }
            }
            Format::Line => {
                for f in cross {
                    emit(&factsheet::render::line::cross(f));
                }
            }
            Format::Sarif => {
                let mut results = std::mem::take(&mut self.sarif);
                results.extend(cross.iter().map(factsheet::render::sarif::cross_result));
                let log = factsheet::render::sarif::log(&sarif_rules(&shared.rules), results, &self.errors);
                emit(&format!("{}\n", serde_json::to_string_pretty(&log).unwrap_or_default()));
            }
        }
    }
}

/// Every check a SARIF log can name: the registry, the house rules and the
/// cross-article checks, as (id, description).
fn sarif_rules(house: &factsheet::rules::RuleSet) -> Vec<(String, String)> {
    let mut rules: Vec<(String, String)> = REGISTRY
        .iter()
        .map(|c| (c.id().to_string(), c.description().to_string()))
        .collect();
    rules.extend(
        house
            .rules()
            .iter()
            .map(|r| (r.id.to_string(), r.description.to_string())),
    );
    for (id, d) in factsheet::cross::CHECKS {
        rules.push((id.to_string(), d.to_string()));
    }
    rules
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
