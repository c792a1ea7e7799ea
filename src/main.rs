//! The `factsheet` command: parses arguments, runs the library over the
//! inputs, prints in the chosen format and sets the exit code. All the work
//! happens in the library.
//!
//! Exit codes: 0 all inputs analysed; 1 a finding at or above `--fail-on`;
//! 2 an input or worksheet could not be read or written.

#![allow(clippy::print_stderr)]

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use factsheet::checks::{REGISTRY, Selection};
use factsheet::render::jsonl::{self, Summary};
use factsheet::render::{Format, table};
use factsheet::worksheet::{self, Worksheet};
use factsheet::{Analysis, Document, Severity};

#[derive(Parser)]
#[command(
    name = "factsheet",
    version,
    about = "Quotes, claims and consistency checks from news articles, as a fact-check worksheet"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles: files, folders (every .txt/.md inside) or - for stdin.
    Check(CheckArgs),
    /// List the consistency checks with a one-line description each.
    Checks,
    /// Show where worksheets stand: verdict counts, open findings, false items.
    Review(ReviewArgs),
    /// Export verdicts from worksheets.
    Export(ExportArgs),
}

#[derive(clap::Args)]
struct ReviewArgs {
    /// Worksheets to review.
    #[arg(required = true)]
    sheets: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
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
    /// Write (or merge into) this CSV worksheet.
    #[arg(short = 'o', long = "output")]
    output: Option<PathBuf>,
    /// Write the worksheet with a UTF-8 BOM so Excel shows accents.
    #[arg(long)]
    excel: bool,
    /// Run only these checks (comma-separated ids).
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,
    /// Skip these checks (comma-separated ids).
    #[arg(long, value_delimiter = ',')]
    skip: Vec<String>,
    /// Exit with 1 when a finding of this severity or worse exists.
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Worker threads (0 = all cores).
    #[arg(short = 'j', long, default_value_t = 0)]
    jobs: usize,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Checks => {
            let mut out = String::new();
            for c in REGISTRY {
                out.push_str(&format!("{:<22} {}\n", c.id(), c.description()));
            }
            emit(&out);
            ExitCode::SUCCESS
        }
        Command::Review(args) => match read_sheets(&args.sheets) {
            Ok(sheets) => {
                let reviews = factsheet::review::review(&sheets);
                emit(&match args.format {
                    Format::Table => factsheet::render::review::table(&reviews),
                    Format::Csv => factsheet::render::review::csv(&reviews),
                    Format::Jsonl => factsheet::render::review::jsonl(&reviews),
                });
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("factsheet: {e}");
                ExitCode::from(2)
            }
        },
        Command::Export(args) => match read_sheets(&args.sheets) {
            Ok(sheets) => {
                let _ = args.claimreview;
                let date = args.date.unwrap_or_else(|| jiff::Zoned::now().date().to_string());
                let reviews = factsheet::export::claim_reviews(&sheets, &date, args.publisher.as_deref());
                emit(&format!(
                    "{}\n",
                    serde_json::to_string_pretty(&reviews).unwrap_or_default()
                ));
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

fn read_sheets(paths: &[PathBuf]) -> factsheet::Result<Vec<Worksheet>> {
    paths.iter().map(|p| Worksheet::read(p)).collect()
}

/// Expands folders into their .txt/.md files, sorted.
fn expand(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
            let mut files: Vec<PathBuf> = walkdir::WalkDir::new(p)
                .sort_by_file_name()
                .into_iter()
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_file())
                .map(|e| e.into_path())
                .filter(|f| matches!(f.extension().and_then(|x| x.to_str()), Some("txt" | "md")))
                .collect();
            files.sort();
            out.extend(files);
        } else {
            out.push(p.clone());
        }
    }
    out
}

fn check(args: CheckArgs) -> anyhow::Result<ExitCode> {
    for id in args.only.iter().chain(&args.skip) {
        if !REGISTRY.iter().any(|c| c.id() == id) {
            anyhow::bail!("unknown check `{id}`\nhint: `factsheet checks` lists them");
        }
    }
    if args.jobs > 0 {
        rayon::ThreadPoolBuilder::new()
            .num_threads(args.jobs)
            .build_global()
            .ok();
    }
    let selection = Selection {
        only: args.only.clone(),
        skip: args.skip.clone(),
    };
    let files = expand(&args.inputs);
    let results: Vec<Result<Analysis, factsheet::Error>> = files
        .par_iter()
        .map(|f| Document::read(f).map(|d| factsheet::analyze(d, &selection)))
        .collect();

    let mut summary = Summary::default();
    let mut worst: Option<Severity> = None;
    let mut sheet_rows = Vec::new();
    let mut articles = HashSet::new();
    let mut csv_out = Worksheet::from_rows(Vec::new());
    for (file, result) in files.iter().zip(&results) {
        match result {
            Ok(a) => {
                summary.add(a);
                worst = worst.max(a.findings.iter().map(|f| f.severity).max());
                let rows = worksheet::rows(a);
                articles.insert(factsheet::render::article_name(&a.document.path).to_string());
                match args.format {
                    Format::Jsonl => emit(&format!("{}\n", jsonl::article(a))),
                    Format::Table => emit(&table::render(a)),
                    Format::Csv => csv_out.rows.extend(rows.iter().cloned()),
                }
                sheet_rows.extend(rows);
            }
            Err(e) => {
                summary.errors += 1;
                eprintln!("factsheet: {e}");
                if args.format == Format::Jsonl {
                    emit(&format!(
                        "{}\n",
                        jsonl::error(&file.display().to_string(), &e.to_string())
                    ));
                }
            }
        }
    }
    match args.format {
        Format::Jsonl => emit(&format!("{}\n", summary.to_json())),
        Format::Csv => emit(&String::from_utf8_lossy(&csv_out.to_csv(false))),
        Format::Table => {}
    }
    let mut write_failed = false;
    if let Some(path) = &args.output {
        if let Err(e) = write_sheet(path, sheet_rows, &articles, args.excel) {
            eprintln!("factsheet: {e}");
            write_failed = true;
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

/// Writes the worksheet, merging into an existing one so no human work is lost.
fn write_sheet(path: &Path, rows: Vec<worksheet::Row>, articles: &HashSet<String>, bom: bool) -> factsheet::Result<()> {
    if path.exists() {
        let old = Worksheet::read(path)?;
        let (merged, stats) = old.merge(rows, articles);
        merged.write(path, bom)?;
        eprintln!("{}: {}", path.display(), stats.line());
    } else {
        let sheet = Worksheet::from_rows(rows);
        let n = sheet.rows.len();
        sheet.write(path, bom)?;
        eprintln!("{}: wrote {n} rows", path.display());
    }
    Ok(())
}
