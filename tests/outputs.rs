//! Issue 20: the outputs editors' tools read (`--format line`, SARIF, the
//! `.xlsx` worksheet), a table that fits the terminal, and the rough edges
//! a new user hit from a fresh clone, each with its test.

#![allow(clippy::print_stderr)] // skip messages

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_factsheet"));
    c.env_remove("COLUMNS").env_remove("NO_COLOR");
    c
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin().current_dir(dir).args(args).output().expect("factsheet runs")
}

fn run_stdin(dir: &Path, args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = bin()
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn jsonl(out: &Output) -> Vec<serde_json::Value> {
    text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each stdout line is JSON"))
        .collect()
}

/// An article with two planted errors (a five-day operation over six
/// days; a part larger than its whole).
const PLANTED: &str = "BOSTON — Police arrested 370 people during a five-day operation from March 18 to March 23, 2025, officials said.\n\nOf those arrested, 412 had prior convictions, Chief Jane Roe said.\n\n“We will keep the city safe,” Roe said.\n";

fn planted(dir: &Path) -> PathBuf {
    let p = dir.join("planted.txt");
    std::fs::write(&p, PLANTED).unwrap();
    p
}

// ---- section 2: findings as lines and as SARIF ----

#[test]
fn line_format_is_path_line_col_severity_check_message() {
    let dir = tempfile::tempdir().unwrap();
    planted(dir.path());
    let out = run_in(dir.path(), &["check", "planted.txt", "--format", "line"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(!stdout.is_empty());
    let re = regex::Regex::new(r"^planted\.txt:\d+:\d+: (error|warning|info) \[[a-z-]+\] \S.*$").unwrap();
    for l in stdout.lines() {
        assert!(re.is_match(l), "{l}");
    }
    assert!(stdout.contains(": error [duration-vs-range] "), "{stdout}");
    let gate = run_in(
        dir.path(),
        &["check", "planted.txt", "--format", "line", "--fail-on", "error"],
    );
    assert_eq!(gate.status.code(), Some(1));
    assert_eq!(gate.stdout, out.stdout);
}

#[test]
fn sarif_is_one_2_1_0_log_with_rules_and_regions() {
    let dir = tempfile::tempdir().unwrap();
    planted(dir.path());
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let out = run_in(dir.path(), &["check", "planted.txt", "empty.txt", "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(2));
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "factsheet");
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let results = run["results"].as_array().unwrap();
    assert!(results.len() >= 2);
    for r in results {
        assert!(rules.contains(&r["ruleId"].as_str().unwrap()), "{r}");
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
        assert_eq!(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "planted.txt"
        );
    }
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    let notes = run["invocations"][0]["toolExecutionNotifications"].as_array().unwrap();
    assert!(notes[0]["message"]["text"].as_str().unwrap().contains("empty.txt"));
}

#[test]
fn exit_codes_are_in_the_help() {
    let out = bin().args(["check", "--help"]).output().unwrap();
    let help = text(&out.stdout);
    assert!(help.contains("Exit codes:") && help.contains("--fail-on"), "{help}");
}

// ---- section 3: a terminal that fits ----

#[test]
fn tables_fit_the_width_and_piped_output_has_no_colour() {
    let dir = tempfile::tempdir().unwrap();
    planted(dir.path());
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles/ice-massachusetts.txt");
    for width in [80usize, 100, 120] {
        let out = bin()
            .current_dir(dir.path())
            .env("COLUMNS", width.to_string())
            .args(["check", "planted.txt", sample.to_str().unwrap()])
            .output()
            .unwrap();
        let stdout = text(&out.stdout);
        let widest = stdout.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(widest <= width, "{widest} > {width}\n{stdout}");
        assert!(!stdout.contains('\u{1b}'), "colour in a pipe");
    }
}

#[test]
fn control_characters_in_an_article_never_reach_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "Mayor Jane Roe said the \u{1b}]0;owned\u{7} budget of 370 \u{1b}[2Jitems was “fine\u{1b}[31m and dandy,” Roe said.\n";
    std::fs::write(dir.path().join("evil.txt"), evil).unwrap();
    for format in ["table", "line"] {
        let out = run_in(dir.path(), &["check", "evil.txt", "--format", format]);
        let stdout = text(&out.stdout);
        assert!(
            !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
            "{format}: {stdout:?}"
        );
    }
    let out = run_in(dir.path(), &["check", "evil.txt"]);
    assert!(text(&out.stdout).contains('␛'), "shown as a control picture");
}

// ---- section 5: defects from a fresh clone ----

#[test]
fn worksheet_dir_is_created() {
    let dir = tempfile::tempdir().unwrap();
    planted(dir.path());
    let out = run_in(dir.path(), &["check", "planted.txt", "--worksheet-dir", "sheets/new"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(dir.path().join("sheets/new/planted.csv").is_file());
}

#[test]
fn review_and_export_report_an_unreadable_sheet_and_go_on() {
    let dir = tempfile::tempdir().unwrap();
    planted(dir.path());
    run_in(dir.path(), &["check", "planted.txt", "-o", "good.csv"]);
    let good = std::fs::read_to_string(dir.path().join("good.csv")).unwrap();
    // Mark the first row false so export has something to write.
    let mut lines: Vec<String> = good.lines().map(String::from).collect();
    let header: Vec<&str> = lines[0].split(',').collect();
    let v = header.iter().position(|h| *h == "verdict").unwrap();
    let mut rec = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(lines[1].as_bytes());
    let mut cells: Vec<String> = rec
        .records()
        .next()
        .unwrap()
        .unwrap()
        .iter()
        .map(String::from)
        .collect();
    cells[v] = "false".into();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&cells).unwrap();
    lines[1] = text(&w.into_inner().unwrap()).trim_end().to_string();
    std::fs::write(dir.path().join("good.csv"), lines.join("\n") + "\n").unwrap();
    std::fs::write(dir.path().join("bad.csv"), "name,verdict\n1,2\n").unwrap();
    for args in [
        &["review", "bad.csv", "good.csv", "--format", "jsonl"][..],
        &["export", "--claimreview", "bad.csv", "good.csv"][..],
    ] {
        let out = run_in(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = text(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("bad.csv:1:"), "{stderr}");
        assert!(
            text(&out.stdout).contains("planted.txt"),
            "{args:?} went on with good.csv"
        );
    }
}

#[test]
fn an_unclosed_quote_is_reported_on_one_line_where_it_opens() {
    let dir = tempfile::tempdir().unwrap();
    planted(dir.path());
    run_in(dir.path(), &["check", "planted.txt", "-o", "s.csv"]);
    let sheet = dir.path().join("s.csv");
    let good = std::fs::read_to_string(&sheet).unwrap();
    // A journalist types `"Verified` into the verdict cell of row 2 and the
    // spreadsheet saves it unquoted-and-unclosed.
    let mut lines: Vec<String> = good.lines().map(String::from).collect();
    // The row ends with its empty human and lifecycle cells.
    let row = lines[2]
        .strip_suffix(",,,,,,")
        .expect("empty cells at the end")
        .to_string();
    lines[2] = format!("{row},\"Verified,,,,,");
    let broken = lines.join("\n") + "\n";
    std::fs::write(&sheet, &broken).unwrap();
    let out = run_in(dir.path(), &["review", "s.csv"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("s.csv:3: a quoted cell is never closed"), "{stderr}");
    let again = run_in(dir.path(), &["check", "planted.txt", "-o", "s.csv"]);
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&sheet).unwrap(), broken, "left untouched");
}

#[test]
fn review_jsonl_has_numeric_lines_and_severity_only_for_findings() {
    let dir = tempfile::tempdir().unwrap();
    planted(dir.path());
    run_in(dir.path(), &["check", "planted.txt", "-o", "s.csv"]);
    let out = run_in(dir.path(), &["review", "s.csv", "--format", "jsonl"]);
    let reviews = jsonl(&out);
    let open = reviews[0]["review"]["open_findings"].as_array().unwrap();
    assert!(!open.is_empty());
    for f in open {
        assert!(f["line"].is_u64(), "{f}");
        assert!(matches!(f["severity"].as_str(), Some("error" | "warning")), "{f}");
    }
}

#[test]
fn standard_input_is_sniffed_or_told() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<!DOCTYPE html><html><head><title>Budget</title><link rel=\"canonical\" href=\"https://news.example/budget\"></head><body><nav>Home News</nav><article><p>Mayor Jane Roe said on Monday that the city would spend $4 million on 12 new parks over the next three years, officials said.</p><p>“We will build them all,” Roe said at a press conference downtown.</p></article></body></html>";
    let out = run_stdin(dir.path(), &["check", "-", "--format", "jsonl"], page);
    let a = &jsonl(&out)[0];
    assert_eq!(a["type"], "article", "{}", text(&out.stderr));
    let quotes = a["quotes"].as_array().unwrap();
    assert!(
        quotes.iter().all(|q| !q["text"].as_str().unwrap().contains('<')),
        "{quotes:?}"
    );
    assert!(
        quotes
            .iter()
            .any(|q| q["text"].as_str().unwrap().starts_with("We will build"))
    );
    // Told it is text, the markup stays.
    let out = run_stdin(
        dir.path(),
        &["check", "-", "--format", "jsonl", "--stdin-format", "text"],
        page,
    );
    assert!(jsonl(&out)[0]["title"].is_null());
    let md = "# Budget\n\n**Mayor** Jane Roe said the [city](https://x.org) will spend $4 million.\n";
    let out = run_stdin(dir.path(), &["check", "-", "--format", "jsonl"], md);
    let a = &jsonl(&out)[0];
    let claims = a["claims"].as_array().unwrap();
    assert!(claims.iter().any(|c| c["text"] == "$4 million"), "{claims:?}");
    assert!(!text(&out.stdout).contains("**"));
}

#[test]
fn jsonl_records_with_a_bad_date_or_an_empty_text_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let archive = concat!(
        "{\"id\": \"a\", \"text\": \"Police arrested 12 people on Tuesday.\", \"date\": \"2025-13-45\"}\n",
        "{\"id\": \"b\", \"text\": \"\"}\n",
        "{\"id\": \"c\", \"text\": \"Police arrested 12 people on Tuesday.\", \"date\": \"2025-03-20\"}\n",
    );
    std::fs::write(dir.path().join("a.jsonl"), archive).unwrap();
    let out = run_in(
        dir.path(),
        &["check", "--input", "jsonl", "a.jsonl", "--format", "jsonl"],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("a.jsonl:1: \"date\" `2025-13-45` is not a date"),
        "{stderr}"
    );
    assert!(stderr.contains("a.jsonl:2: \"text\" is empty"), "{stderr}");
    let lines = jsonl(&out);
    assert_eq!(lines.iter().filter(|l| l["type"] == "article").count(), 1);
}

#[test]
fn utf16_articles_are_read_and_a_spreadsheet_is_not_read_as_csv() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(PLANTED.encode_utf16().flat_map(|u| u.to_le_bytes()));
    std::fs::write(dir.path().join("w.txt"), bytes).unwrap();
    let out = run_in(dir.path(), &["check", "w.txt", "--format", "line"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("[duration-vs-range]"));
    std::fs::write(dir.path().join("s.csv"), b"PK\x03\x04\x14\x00\x00\x00").unwrap();
    let out = run_in(dir.path(), &["review", "s.csv"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("s.csv:1: this is a spreadsheet file (XLSX), not CSV"),
        "{stderr}"
    );
}

#[test]
fn folders_skip_hidden_entries_match_extensions_in_any_case_and_follow_links() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    std::fs::create_dir_all(d.join(".git")).unwrap();
    std::fs::write(d.join("E.TXT"), PLANTED).unwrap();
    std::fs::write(d.join(".hidden.txt"), PLANTED).unwrap();
    std::fs::write(d.join(".git/x.txt"), PLANTED).unwrap();
    let elsewhere = dir.path().join("elsewhere.txt");
    std::fs::write(&elsewhere, PLANTED).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&elsewhere, d.join("linked.txt")).unwrap();
    let out = run_in(dir.path(), &["check", "in", "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let paths: Vec<String> = jsonl(&out)
        .iter()
        .filter(|l| l["type"] == "article")
        .map(|l| l["path"].as_str().unwrap().to_string())
        .collect();
    let mut want = vec!["in/E.TXT".to_string()];
    if cfg!(unix) {
        want.push("in/linked.txt".into());
    }
    assert_eq!(paths, want);
}

#[cfg(unix)]
#[test]
fn an_unreadable_subfolder_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("in/locked");
    std::fs::create_dir_all(&locked).unwrap();
    std::fs::write(dir.path().join("in/a.txt"), PLANTED).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads any folder: nothing to report then.
    let unreadable = std::fs::read_dir(&locked).is_err();
    let out = run_in(dir.path(), &["check", "in", "--format", "jsonl"]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    if unreadable {
        assert_eq!(out.status.code(), Some(2));
        assert!(
            text(&out.stderr).contains("in/locked: cannot read"),
            "{}",
            text(&out.stderr)
        );
    }
    assert_eq!(jsonl(&out).iter().filter(|l| l["type"] == "article").count(), 1);
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_and_the_next_file_is_still_read() {
    let dir = tempfile::tempdir().unwrap();
    planted(dir.path());
    let made = Command::new("mkfifo").arg(dir.path().join("f.txt")).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo not available: skipped");
        return;
    }
    let mut child = bin()
        .current_dir(dir.path())
        .args(["check", "f.txt", "planted.txt", "--format", "line"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed().as_secs() > 20 {
            child.kill().unwrap();
            panic!("blocked on the pipe");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("f.txt: a pipe, socket or device, not a regular file"),
        "{stderr}"
    );
    assert!(text(&out.stdout).contains("planted.txt:"));
}

#[test]
fn only_takes_spaces_after_commas() {
    let dir = tempfile::tempdir().unwrap();
    planted(dir.path());
    let out = run_in(
        dir.path(),
        &[
            "check",
            "planted.txt",
            "--format",
            "line",
            "--only",
            "duration-vs-range, part-exceeds-whole",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("[duration-vs-range]") && stdout.contains("[part-exceeds-whole]"),
        "{stdout}"
    );
}

#[test]
fn a_check_that_cannot_decide_leaves_the_claim_unchecked_with_its_note() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("n.txt"),
        "Police said the raid happened on Tuesday, March 18, and 12 people were held.\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["check", "n.txt", "--format", "jsonl"]);
    let a = &jsonl(&out)[0];
    let c = a["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check_notes"].as_str().unwrap().contains("no year"))
        .expect("a claim the weekday check could not decide");
    assert_eq!(c["check_status"], "unchecked", "{c}");
    let table = text(&run_in(dir.path(), &["check", "n.txt"]).stdout);
    assert!(!table.contains("disagrees"), "{table}");
    assert!(table.contains("unchecked"), "{table}");
}

#[test]
fn cross_article_findings_read_well_and_name_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a1.txt"),
        "Mayor Jane Roe said 370 people came to the March 18 to March 20 rally.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a2.txt"),
        "\nMayor Jane Roe said 380 people came to the March 18 to March 20 rally.\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["check", "a1.txt", "a2.txt"]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("370 people") && !stdout.contains("peoples"), "{stdout}");
    assert!(
        stdout.contains("a1.txt:1:21") && stdout.contains("a2.txt:2:21"),
        "{stdout}"
    );
    let lines = text(&run_in(dir.path(), &["check", "a1.txt", "a2.txt", "--format", "line"]).stdout);
    assert!(
        lines.starts_with("a1.txt:1:21: warning [cross-figure] 370 people"),
        "{lines}"
    );
}

#[test]
fn claim_review_gives_the_sentence_and_the_article_url() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.jsonl"),
        "{\"id\": \"story\", \"url\": \"https://news.example/story\", \"text\": \"Police arrested 370 people in a six-day operation, officials said.\\n\"}\n",
    )
    .unwrap();
    run_in(dir.path(), &["check", "--input", "jsonl", "a.jsonl", "-o", "s.csv"]);
    let sheet = std::fs::read_to_string(dir.path().join("s.csv")).unwrap();
    let mut rows: Vec<Vec<String>> = csv::Reader::from_reader(sheet.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let headers: Vec<String> = csv::Reader::from_reader(sheet.as_bytes())
        .headers()
        .unwrap()
        .iter()
        .map(String::from)
        .collect();
    let col = |h: &str| headers.iter().position(|x| x == h).unwrap();
    let k = rows
        .iter()
        .position(|r| r[col("text")] == "370")
        .expect("the count's row");
    rows[k][col("verdict")] = "false".into();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&headers).unwrap();
    for r in &rows {
        w.write_record(r).unwrap();
    }
    std::fs::write(dir.path().join("s.csv"), w.into_inner().unwrap()).unwrap();
    let out = run_in(
        dir.path(),
        &["export", "--claimreview", "s.csv", "--date", "2026-01-02"],
    );
    let reviews: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = &reviews[0];
    assert_eq!(
        r["claimReviewed"],
        "Police arrested 370 people in a six-day operation, officials said."
    );
    assert_eq!(r["itemReviewed"]["appearance"]["url"], "https://news.example/story");
}

// ---- section 1: the worksheet as a spreadsheet ----

fn xlsx_rows(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
    let range = book.worksheet_range("worksheet").unwrap();
    let mut rows = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<_>>());
    let headers = rows.next().unwrap();
    (headers, rows.collect())
}

#[test]
fn an_xlsx_worksheet_merges_like_the_csv_one() {
    let dir = tempfile::tempdir().unwrap();
    let article = planted(dir.path());
    let out = run_in(dir.path(), &["check", "planted.txt", "-o", "sheet.xlsx"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let sheet = dir.path().join("sheet.xlsx");
    let (headers, rows) = xlsx_rows(&sheet);
    assert_eq!(headers[0], "id");
    let col = |h: &str| headers.iter().position(|x| x == h).unwrap();
    assert!(rows.len() >= 5);
    // A journalist's verdict and an added column, saved by a spreadsheet.
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("worksheet").unwrap();
    for (c, h) in headers.iter().chain(std::iter::once(&"desk".to_string())).enumerate() {
        ws.write_string(0, c as u16, h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let v = if c == col("verdict") && r == 0 {
                "Verified"
            } else {
                v.as_str()
            };
            ws.write_string(r as u32 + 1, c as u16, v).unwrap();
        }
        ws.write_string(r as u32 + 1, headers.len() as u16, "metro").unwrap();
    }
    book.save(&sheet).unwrap();
    // The article changes: a number edited, a sentence gone.
    let edited = PLANTED
        .replace("412 had prior", "411 had prior")
        .replace("“We will keep the city safe,” Roe said.\n", "");
    std::fs::write(&article, edited).unwrap();
    let out = run_in(dir.path(), &["check", "planted.txt", "-o", "sheet.xlsx"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        !stderr.contains("changed 0") && !stderr.contains("orphaned 0"),
        "{stderr}"
    );
    let (h2, rows2) = xlsx_rows(&sheet);
    assert!(h2.contains(&"desk".to_string()));
    let c2 = |h: &str| h2.iter().position(|x| x == h).unwrap();
    let first = rows2.iter().find(|r| r[c2("id")] == rows[0][col("id")]).unwrap();
    assert_eq!(first[c2("verdict")], "Verified");
    assert_eq!(first[c2("desk")], "metro");
    assert!(
        rows2.iter().all(|r| r[c2("desk")] == "metro"),
        "every old row keeps the column"
    );

    // A malformed sheet is refused and left as it is.
    let bytes = std::fs::read(&sheet).unwrap();
    let mut broken = bytes.clone();
    broken.truncate(bytes.len() / 2);
    std::fs::write(&sheet, &broken).unwrap();
    let out = run_in(dir.path(), &["check", "planted.txt", "-o", "sheet.xlsx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("sheet.xlsx:1: cannot read the spreadsheet"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read(&sheet).unwrap(), broken);
}

#[test]
fn an_unknown_verdict_in_an_xlsx_is_refused_with_its_row() {
    let dir = tempfile::tempdir().unwrap();
    planted(dir.path());
    let sheet = dir.path().join("s.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in ["id", "verdict"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "q-1").unwrap();
    ws.write_string(1, 1, "probably").unwrap();
    book.save(&sheet).unwrap();
    let before = std::fs::read(&sheet).unwrap();
    let out = run_in(dir.path(), &["check", "planted.txt", "-o", "s.xlsx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("s.xlsx:2: unknown verdict “probably”"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read(&sheet).unwrap(), before);
}
