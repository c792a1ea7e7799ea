//! The worksheet's life as a journalist and an editor live it: generate,
//! fill in verdicts in a spreadsheet, edit the article, re-run, review,
//! export. Nothing a human wrote may be lost.

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factsheet"))
        .args(args)
        .output()
        .expect("factsheet runs")
}

fn sample_text() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles/ice-massachusetts.txt")).unwrap()
}

type Rows = Vec<HashMap<String, String>>;

fn read_sheet(path: &Path) -> Rows {
    let bytes = std::fs::read(path).unwrap();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes).to_vec();
    let mut rdr = csv::Reader::from_reader(bytes.as_slice());
    let headers: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    rdr.records()
        .map(|r| {
            headers
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

/// Writes rows the way a spreadsheet saves CSV: BOM, CRLF, its own column
/// order, every field quoted.
fn save_like_a_spreadsheet(path: &Path, rows: &Rows, columns: &[&str]) {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
            .collect::<Vec<_>>()
            .join(",")
            + "\r\n"
    };
    out.extend(line(columns.iter().map(|c| c.to_string()).collect()).into_bytes());
    for r in rows {
        out.extend(line(columns.iter().map(|c| r.get(*c).cloned().unwrap_or_default()).collect()).into_bytes());
    }
    std::fs::write(path, out).unwrap();
}

fn find<'a>(rows: &'a Rows, text: &str) -> &'a HashMap<String, String> {
    rows.iter()
        .find(|r| r["text"] == text)
        .unwrap_or_else(|| panic!("row {text:?}"))
}

/// Checks `article`, writing (or merging into) the worksheet `sheet`.
fn check_into(article: &Path, sheet: &Path) -> Output {
    run(&[
        "check",
        "--format",
        "jsonl",
        article.to_str().unwrap(),
        "-o",
        sheet.to_str().unwrap(),
    ])
}

/// The sample article in a fresh folder, with its first worksheet written.
fn first_worksheet() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("ice.txt");
    let sheet = dir.path().join("ice.csv");
    std::fs::write(&article, sample_text()).unwrap();
    let out = check_into(&article, &sheet);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (dir, article, sheet)
}

#[test]
fn journalist_work_survives_edits_and_reruns() {
    let (_dir, article, sheet) = first_worksheet();

    // The journalist fills in verdicts in a spreadsheet, adds a column of
    // their own, and the spreadsheet saves with its own column order.
    let mut rows = read_sheet(&sheet);
    for r in rows.iter_mut() {
        let (verdict, evidence) = match r["text"].as_str() {
            "370" => ("verified", "https://www.ice.gov/news/releases/370"),
            "205" => ("Misleading", "ICE release says 205 had convictions or charges"),
            "The operation has intensified the debate between federal immigration authorities and local officials resisting deportation efforts." => {
                ("", "")
            }
            _ if r["text"].starts_with("Boston will not cooperate") => {
                ("verified", "=HYPERLINK(\"https://boston.gov\")")
            }
            _ => continue,
        };
        r.insert("verdict".into(), verdict.into());
        r.insert("evidence".into(), evidence.into());
        r.insert("checked_by".into(), "jl".into());
        r.insert("desk".into(), "metro".into());
    }
    let mut columns: Vec<&str> = vec!["verdict", "evidence", "desk", "checked_by", "notes"];
    let machine = factsheet::worksheet::MACHINE;
    columns.extend(machine.iter().rev());
    save_like_a_spreadsheet(&sheet, &rows, &columns);

    // The article is edited: a number changes, a sentence goes, a quote arrives.
    let edited = sample_text()
        .replace("arresting 370 individuals", "arresting 380 individuals")
        .replace(
            "This crackdown comes amid renewed immigration enforcement efforts under President Donald Trump.\n",
            "",
        )
        .replace(
            "ICE has not ruled out future operations",
            "“We will be back,” said ICE spokesman James Covey. ICE has not ruled out future operations",
        );
    std::fs::write(&article, edited).unwrap();
    let out = check_into(&article, &sheet);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("kept ") && stderr.contains("changed 1") && stderr.contains("orphaned"),
        "{stderr}"
    );

    let after = read_sheet(&sheet);
    // Kept: verdict, evidence (formula text restored and re-neutralised), extra column.
    let wu = after
        .iter()
        .find(|r| r["text"].starts_with("Boston will not cooperate"))
        .unwrap();
    assert_eq!(wu["verdict"], "verified");
    assert_eq!(wu["row_status"], "kept");
    assert_eq!(wu["desk"], "metro");
    let raw = std::fs::read_to_string(&sheet).unwrap();
    assert!(raw.contains("'=HYPERLINK"), "formula stays neutralised on disk");
    let part = find(&after, "205");
    assert_eq!(part["verdict"], "Misleading");
    assert_eq!(part["row_status"], "kept");
    // Changed: 370 → 380 keeps its verdict but asks for a second look.
    let changed = find(&after, "380");
    assert_eq!(changed["row_status"], "changed");
    assert_eq!(changed["previous_text"], "370");
    assert_eq!(changed["verdict"], "verified");
    assert_eq!(changed["evidence"], "https://www.ice.gov/news/releases/370");
    // Orphaned: the deleted sentence's President claim stays.
    let orphan = after
        .iter()
        .find(|r| r["row_status"] == "orphaned")
        .expect("an orphaned row");
    assert!(
        orphan["context"].contains("crackdown") || orphan["text"].contains("President"),
        "{orphan:?}"
    );
    // New: the added quote.
    let new = find(&after, "We will be back,");
    assert_eq!(new["row_status"], "new");
    assert_eq!(new["speaker"], "James Covey");
    // Every verdict written before is still there.
    for r in rows.iter().filter(|r| !r.get("verdict").is_none_or(|v| v.is_empty())) {
        assert!(
            after
                .iter()
                .any(|a| a["verdict"] == r["verdict"] && a["checked_by"] == "jl"),
            "{r:?}"
        );
    }

    // The editor's review and the published ClaimReview.
    let review = run(&["review", "--format", "jsonl", sheet.to_str().unwrap()]);
    assert!(review.status.success());
    let line: serde_json::Value = serde_json::from_slice(review.stdout.split(|b| *b == b'\n').next().unwrap()).unwrap();
    assert_eq!(line["review"]["counts"]["verified"], 2);
    assert_eq!(line["review"]["counts"]["misleading"], 1);
    assert_eq!(line["review"]["flagged"][0]["text"], "205");
    let table = run(&["review", sheet.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&table.stdout).contains("ice.txt"));

    let export = run(&[
        "export",
        "--claimreview",
        "--date",
        "2026-11-28",
        sheet.to_str().unwrap(),
    ]);
    assert!(export.status.success());
    let reviews: serde_json::Value = serde_json::from_slice(&export.stdout).expect("JSON-LD parses");
    let reviews = reviews.as_array().unwrap();
    assert_eq!(reviews.len(), 3);
    let wu = reviews
        .iter()
        .find(|r| r["itemReviewed"]["author"]["name"] == "Michelle Wu")
        .unwrap();
    assert_eq!(wu["@type"], "ClaimReview");
    assert_eq!(wu["itemReviewed"]["author"]["jobTitle"], "Boston Mayor");
    assert_eq!(wu["reviewRating"]["alternateName"], "verified");
    assert_eq!(wu["datePublished"], "2026-11-28");
}

#[test]
fn unknown_verdict_is_refused_naming_the_row_and_the_sheet_is_untouched() {
    let (_dir, article, sheet) = first_worksheet();
    let text = std::fs::read_to_string(&sheet).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let header: Vec<&str> = lines[0].split(',').collect();
    let verdict = header.iter().position(|h| *h == "verdict").unwrap();
    // Row 3 gets a verdict outside the vocabulary.
    let mut rec = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(lines[2].as_bytes());
    let mut cells: Vec<String> = rec
        .records()
        .next()
        .unwrap()
        .unwrap()
        .iter()
        .map(String::from)
        .collect();
    cells[verdict] = "probably fine".into();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&cells).unwrap();
    lines[2] = String::from_utf8(w.into_inner().unwrap())
        .unwrap()
        .trim_end()
        .to_string();
    let bad = lines.join("\n") + "\n";
    std::fs::write(&sheet, &bad).unwrap();
    let out = check_into(&article, &sheet);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("ice.csv:3:") && stderr.contains("probably fine"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&sheet).unwrap(), bad);
    let review = run(&["review", sheet.to_str().unwrap()]);
    assert_eq!(review.status.code(), Some(2));
}
