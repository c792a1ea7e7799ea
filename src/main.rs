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
use factsheet::batch;
use factsheet::checks::{REGISTRY, Selection};
use factsheet::ingest::InputFormat;
use factsheet::inputs::{self, Source, parse_day};
use factsheet::render::jsonl;
use factsheet::render::{Format, table};
use factsheet::worksheet::Worksheet;
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
/// `factsheet::batch`); a closed pipe ends quietly, as in [`emit`].
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

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum InputKind {
    /// Article files (.txt, .md, .html) and folders of them.
    Files,
    /// JSON Lines archives: one {"id", "text", "date", "url"} per line.
    Jsonl,
}

fn check(mut args: CheckArgs) -> anyhow::Result<ExitCode> {
    rejoin_id_lists(&mut args);
    let rules = house_rules(args.rules.as_deref())?;
    let options = batch::Options {
        format: args.format,
        selection: selection(&args, &rules)?,
        html: match (&args.html, &args.output) {
            (None, _) => None,
            (Some(page), Some(sheet)) if sheet.exists() => Some((
                page.clone(),
                factsheet::render::html::verdicts(&Worksheet::read(sheet)?),
            )),
            (Some(page), _) => Some((page.clone(), Default::default())),
        },
        rules,
        date_hint: args.date,
        stdin_format: args.stdin_format,
        view: table::View::for_stdout(),
        output: args.output.clone(),
        worksheet_dir: args.worksheet_dir.clone(),
        excel: args.excel,
        cross: !args.no_cross,
    };
    if let Some(dir) = &args.worksheet_dir {
        std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("{}: cannot create: {e}", dir.display()))?;
    }
    if args.jobs > 0 {
        rayon::ThreadPoolBuilder::new()
            .num_threads(args.jobs)
            .build_global()
            .ok();
    }
    let sources: Box<dyn Iterator<Item = Source>> = match args.input {
        InputKind::Files => Box::new(inputs::expand(&args.inputs).into_iter()),
        InputKind::Jsonl => {
            let mut all: Box<dyn Iterator<Item = Source>> = Box::new(std::iter::empty());
            for p in &args.inputs {
                all = Box::new(all.chain(inputs::records(p)?));
            }
            all
        }
    };
    let mut out = Printer {
        progress: progress_for(sources.size_hint()),
    };
    let ending = batch::run(sources, &options, &mut out);
    out.progress.finish_and_clear();
    let Some(ending) = ending else {
        return Ok(ExitCode::from(2));
    };
    eprintln!("{}", ending.summary.line());
    if ending.summary.errors > 0 || ending.failed {
        return Ok(ExitCode::from(2));
    }
    let threshold = args.fail_on.map(|f| match f {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
    });
    Ok(match (threshold, ending.worst) {
        (Some(t), Some(w)) if w >= t => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    })
}

/// A batch's output on stdout, its messages on stderr, and a progress bar
/// kept out of their way.
struct Printer {
    progress: indicatif::ProgressBar,
}

impl batch::Sink for Printer {
    fn text(&mut self, s: &str) {
        self.progress.suspend(|| emit(s));
    }

    fn article(&mut self, a: &factsheet::Analysis) {
        self.progress.suspend(|| emit_article(a));
    }

    fn message(&mut self, line: &str) {
        self.progress.suspend(|| eprintln!("{line}"));
    }

    fn advance(&mut self, inputs: usize) {
        self.progress.inc(inputs as u64);
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
