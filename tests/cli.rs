//! The command as a journalist runs it: the sample article, an edited copy
//! with planted errors, bad inputs in a batch, and worksheet re-runs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_factsheet"))
}

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles/ice-massachusetts.txt")
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("factsheet runs")
}

fn jsonl(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each stdout line is JSON"))
        .collect()
}

fn article(out: &Output) -> serde_json::Value {
    jsonl(out)
        .into_iter()
        .find(|v| v["type"] == "article")
        .expect("an article line")
}

fn quote<'a>(a: &'a serde_json::Value, starts: &str) -> &'a serde_json::Value {
    a["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"].as_str().unwrap().starts_with(starts))
        .unwrap_or_else(|| panic!("quote starting {starts:?}"))
}

fn claim<'a>(a: &'a serde_json::Value, text: &str) -> &'a serde_json::Value {
    a["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["text"] == text)
        .unwrap_or_else(|| panic!("claim {text:?}"))
}

#[test]
fn sample_article_quotes_are_attributed() {
    let out = run(&["check", "--format", "jsonl", sample().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let a = article(&out);
    let hyde = quote(&a, "The Commonwealth is a safer place");
    assert_eq!(hyde["speaker"]["name"], "Patricia H. Hyde");
    assert_eq!(
        hyde["speaker"]["role"],
        "ICE Enforcement and Removal Operations Boston acting Field Office Director"
    );
    assert_eq!(quote(&a, "Public safety demands")["speaker"]["name"], "Tom Homan");
    let wu = quote(&a, "Boston will not cooperate with ICE");
    assert_eq!(wu["speaker"]["name"], "Michelle Wu");
    assert_eq!(wu["speaker"]["role"], "Boston Mayor");
    assert_eq!(wu["speaker"]["mention"], "she");
    for scare in ["alien offenders", "border czar"] {
        let q = quote(&a, scare);
        assert_eq!(q["kind"], "scare", "{scare}");
        assert!(q["speaker"].is_null(), "{scare}");
    }
}

#[test]
fn sample_article_claims_and_checks() {
    let out = run(&["check", "--format", "jsonl", sample().to_str().unwrap()]);
    let a = article(&out);
    let total = claim(&a, "370");
    assert_eq!(total["kind"], "count");
    assert_eq!(total["value"], 370);
    assert_eq!(total["counts"], "individuals");
    let part = claim(&a, "205");
    assert_eq!(part["kind"], "count");
    assert_eq!(part["part_of"], total["id"]);
    assert_eq!(part["source"], "ICE");
    let range = claim(&a, "from March 18 to March 23");
    assert_eq!(range["kind"], "date_range");
    assert_eq!(range["value"], serde_json::json!(["--03-18", "--03-23"]));
    let six = claim(&a, "six-day");
    assert_eq!(six["value"], serde_json::json!({"amount": 6, "unit": "day"}));
    assert_eq!(six["check_status"], "passed");
    assert!(six["check_notes"].as_str().unwrap().contains("duration-vs-range"));
    assert!(part["check_notes"].as_str().unwrap().contains("part-exceeds-whole"));
    let hyde = a["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "person" && c["value"]["name"] == "Patricia H. Hyde")
        .expect("Hyde's title is a person claim");
    assert_eq!(
        hyde["value"]["role"],
        "ICE Enforcement and Removal Operations Boston acting Field Office Director"
    );
    let errors = a["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .count();
    assert_eq!(errors, 0);
}

#[test]
fn edited_article_reports_both_contradictions_with_numbers() {
    let text = std::fs::read_to_string(sample()).unwrap();
    let edited = text
        .replace("six-day", "five-day")
        .replace("205 of those arrested", "412 of those arrested");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edited.txt");
    std::fs::write(&path, edited).unwrap();
    let out = run(&[
        "check",
        "--format",
        "jsonl",
        "--fail-on",
        "error",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "--fail-on error exits 1");
    let a = article(&out);
    let findings = a["findings"].as_array().unwrap();
    let by = |check: &str| {
        findings
            .iter()
            .find(|f| f["check"] == check)
            .unwrap_or_else(|| panic!("{check}"))
    };
    let dur = by("duration-vs-range")["message"].as_str().unwrap().to_string();
    assert!(dur.contains("five-day") && dur.contains("6 days"), "{dur}");
    let part = by("part-exceeds-whole")["message"].as_str().unwrap().to_string();
    assert!(part.contains("412") && part.contains("370"), "{part}");
}

#[test]
fn bad_inputs_fail_alone_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::copy(sample(), &good).unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let invalid = dir.path().join("latin1.txt");
    std::fs::write(&invalid, b"Caf\xe9 owners said \"no.\"\n").unwrap();
    let binary = dir.path().join("image.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    let missing = dir.path().join("missing.txt");
    let sheet = dir.path().join("sheet.csv");
    let out = run(&[
        "check",
        "--format",
        "jsonl",
        "-o",
        sheet.to_str().unwrap(),
        empty.to_str().unwrap(),
        invalid.to_str().unwrap(),
        binary.to_str().unwrap(),
        missing.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (name, what) in [
        ("empty.txt", "empty"),
        ("latin1.txt:1:4", "UTF-8"),
        ("image.txt", "binary"),
        ("missing.txt", "cannot read"),
    ] {
        let line = stderr
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} in {stderr}"));
        assert!(line.starts_with("factsheet: ") && line.contains(what), "{line}");
    }
    assert!(!stderr.contains("panicked"));
    let lines = jsonl(&out);
    assert_eq!(lines.iter().filter(|l| l["type"] == "error").count(), 4);
    assert_eq!(lines.iter().filter(|l| l["type"] == "article").count(), 1);
    assert_eq!(lines.last().unwrap()["type"], "summary");
    let csv = std::fs::read_to_string(&sheet).unwrap();
    assert!(csv.contains("Michelle Wu"), "the good article's worksheet is written");
}

#[test]
fn worksheet_has_machine_then_human_columns_and_rerun_keeps_verdicts() {
    let dir = tempfile::tempdir().unwrap();
    let art = dir.path().join("story.txt");
    std::fs::copy(sample(), &art).unwrap();
    let sheet = dir.path().join("sheet.csv");
    let first = run(&[
        "check",
        "--format",
        "csv",
        art.to_str().unwrap(),
        "-o",
        sheet.to_str().unwrap(),
    ]);
    assert!(first.status.success());
    let mut rdr = csv::Reader::from_path(&sheet).unwrap();
    let headers: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(&headers[..6], ["id", "article", "line", "column", "kind", "type"]);
    let verdict_col = headers.iter().position(|h| h == "verdict").unwrap();
    assert!(verdict_col > headers.iter().position(|h| h == "check_notes").unwrap());
    // The journalist marks the 370 claim verified.
    let mut rows: Vec<Vec<String>> = rdr
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let text_col = headers.iter().position(|h| h == "text").unwrap();
    let row = rows.iter_mut().find(|r| r[text_col] == "370").unwrap();
    row[verdict_col] = "verified".into();
    let id = row[0].clone();
    let mut w = csv::Writer::from_path(&sheet).unwrap();
    w.write_record(&headers).unwrap();
    for r in &rows {
        w.write_record(r).unwrap();
    }
    w.flush().unwrap();
    // Re-run: the verdict survives.
    let second = run(&[
        "check",
        "--format",
        "jsonl",
        art.to_str().unwrap(),
        "-o",
        sheet.to_str().unwrap(),
    ]);
    assert!(second.status.success());
    assert!(String::from_utf8_lossy(&second.stderr).contains("kept "));
    let mut rdr = csv::Reader::from_path(&sheet).unwrap();
    let kept = rdr
        .records()
        .map(|r| r.unwrap())
        .find(|r| &r[0] == id.as_str())
        .unwrap();
    assert_eq!(&kept[verdict_col], "verified");
}

#[test]
fn malformed_worksheet_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("sheet.csv");
    let bytes = b"name,verdict\r\nfoo,\"unclosed\n".to_vec();
    std::fs::write(&sheet, &bytes).unwrap();
    let out = run(&[
        "check",
        "--format",
        "jsonl",
        sample().to_str().unwrap(),
        "-o",
        sheet.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("sheet.csv:1:"), "{stderr}");
    assert_eq!(std::fs::read(&sheet).unwrap(), bytes);
}

#[test]
fn folders_and_stdin_are_inputs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(sample(), dir.path().join("b.txt")).unwrap();
    std::fs::write(dir.path().join("a.md"), "“We are ready,” said Mayor Jane Roe.\n").unwrap();
    std::fs::write(dir.path().join("skip.csv"), "x").unwrap();
    let out = run(&["check", "--format", "jsonl", dir.path().to_str().unwrap()]);
    let paths: Vec<String> = jsonl(&out)
        .iter()
        .filter(|l| l["type"] == "article")
        .map(|l| l["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(paths.len(), 2);
    assert!(paths[0].ends_with("a.md") && paths[1].ends_with("b.txt"));
    let mut child = bin()
        .args(["check", "--format", "jsonl", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Police arrested 12 people on Friday.\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(article(&out)["claims"][0]["value"], 12);
}

#[test]
fn checks_lists_the_registry() {
    let out = run(&["checks"]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("duration-vs-range") && s.contains("part-exceeds-whole"));
}

#[test]
fn batch_keeps_order_reports_bad_files_and_sums_up() {
    let dir = tempfile::tempdir().unwrap();
    for (name, body) in [
        ("01.txt", "Police arrested 12 people on Friday.\n"),
        ("02.txt", ""),
        ("03.txt", "The council approved a $4 million budget.\n"),
        ("04.md", "“We are ready,” said Mayor Jane Roe.\n"),
    ] {
        std::fs::write(dir.path().join(name), body).unwrap();
    }
    let out = run(&["check", "--format", "jsonl", "-j", "2", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "an unreadable file makes the exit code 2");
    let lines = jsonl(&out);
    let kinds: Vec<(String, String)> = lines
        .iter()
        .filter(|l| l["type"] != "summary")
        .map(|l| {
            (
                l["type"].as_str().unwrap().to_string(),
                l["path"].as_str().unwrap().rsplit('/').next().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("article", "01.txt"),
            ("error", "02.txt"),
            ("article", "03.txt"),
            ("article", "04.md")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    let summary = lines.last().unwrap();
    assert_eq!(
        (summary["articles"].as_u64(), summary["errors"].as_u64()),
        (Some(3), Some(1))
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr
            .trim_end()
            .ends_with("3 articles · 1 quote · 4 claims · 0 findings · 1 unreadable"),
        "{stderr}"
    );
}

#[test]
fn jsonl_stream_comes_out_in_order_with_record_dates() {
    let mut input = String::new();
    for i in 0..600 {
        input.push_str(&serde_json::json!({"id": format!("story-{i}"), "text": format!("Police arrested {} people on Tuesday.\n", i + 2), "date": "2025-03-20"}).to_string());
        input.push('\n');
    }
    input.push_str("not json\n");
    let mut child = bin()
        .args(["check", "--input", "jsonl", "--format", "jsonl", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        stdin.write_all(input.as_bytes()).unwrap();
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let lines = jsonl(&out);
    let articles: Vec<&serde_json::Value> = lines.iter().filter(|l| l["type"] == "article").collect();
    assert_eq!(articles.len(), 600);
    for (i, a) in articles.iter().enumerate() {
        assert_eq!(a["path"], format!("story-{i}"));
        assert_eq!(a["claims"][0]["value"], i as u64 + 2);
    }
    // "Tuesday" resolves against the record's date (Thursday 2025-03-20).
    assert_eq!(articles[0]["claims"][1]["value"], "2025-03-18");
    let err = lines.iter().find(|l| l["type"] == "error").unwrap();
    assert!(err["message"].as_str().unwrap().contains("<stdin>:601"), "{err}");
}

#[test]
fn articles_that_contradict_each_other_are_reported_across() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Agents arrested 370 people in the operation, which ran from March 18 to March 23.\n“Public safety demands we target the worst offenders,” said Tom Homan.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Agents arrested 307 people in the operation, which ran from March 18 to March 23.\n“Public safety demands we target the worst offenders,” said Todd Lyons.\n",
    )
    .unwrap();
    let out = run(&["check", "--format", "jsonl", dir.path().to_str().unwrap()]);
    let cross: Vec<serde_json::Value> = jsonl(&out)
        .into_iter()
        .filter(|l| l["type"] == "cross_finding")
        .collect();
    let checks: Vec<&str> = cross.iter().map(|c| c["check"].as_str().unwrap()).collect();
    assert!(
        checks.contains(&"cross-figure") && checks.contains(&"cross-quote-speaker"),
        "{cross:?}"
    );
    let fig = cross.iter().find(|c| c["check"] == "cross-figure").unwrap();
    assert!(fig["message"].as_str().unwrap().contains("370") && fig["message"].as_str().unwrap().contains("307"));
    assert_eq!(fig["places"][0]["article"], "a.txt");
    assert_eq!(fig["places"][1]["article"], "b.txt");
}

#[test]
fn markdown_articles_keep_spans_into_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let md =
        "# Sweep\n\n**Sheriff Alma Reyes** said the [six-day](http://x.org) operation ran from March 18 to March 23.\n";
    let path = dir.path().join("story.md");
    std::fs::write(&path, md).unwrap();
    let a = article(&run(&["check", "--format", "jsonl", path.to_str().unwrap()]));
    let six = claim(&a, "six-day");
    let (s, e) = (
        six["byte_start"].as_u64().unwrap() as usize,
        six["byte_end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&md[s..e], "six-day");
    assert_eq!(six["check_status"], "passed");
}

#[test]
fn piped_stderr_has_no_escape_codes() {
    let out = run(&[
        "check",
        "--format",
        "jsonl",
        sample().to_str().unwrap(),
        sample().to_str().unwrap(),
    ]);
    assert!(!out.stderr.contains(&0x1b), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!out.stdout.contains(&0x1b));
}

#[test]
#[cfg(feature = "html")]
fn saved_web_page_is_read_without_its_navigation() {
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages/ferry-strike.html");
    let out = run(&["check", "--format", "jsonl", page.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let a = article(&out);
    assert_eq!(a["title"], "Ferry crews end strike after four days");
    assert_eq!(a["byline"], "Priya Ramanathan");
    assert_eq!(a["published"], "2026-04-10");
    // The page's published time anchors "on Thursday" (the day before).
    assert_eq!(claim(&a, "Thursday")["value"], "2026-04-09");
    assert_eq!(
        quote(&a, "We did not take this step lightly")["speaker"]["name"],
        "Tomasz Wierzbicki"
    );
    assert_eq!(quote(&a, "Nobody wins a strike")["speaker"]["name"], "Aileen Brodie");
    // Navigation, adverts, related links and the footer are not the article.
    let texts: Vec<&str> = a["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    for boilerplate in ["50%", "200", "3 hours", "7", "1 dollar"] {
        assert!(
            !texts.iter().any(|t| t.contains(boilerplate)),
            "{boilerplate} in {texts:?}"
        );
    }
    // Spans point into the text `factsheet extract` prints.
    let extracted = run(&["extract", page.to_str().unwrap()]);
    assert!(extracted.status.success());
    let text = String::from_utf8(extracted.stdout).unwrap();
    for item in a["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .chain(a["claims"].as_array().unwrap())
    {
        let (s, e) = (
            item["byte_start"].as_u64().unwrap() as usize,
            item["byte_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], item["text"].as_str().unwrap());
    }
}

#[test]
#[cfg(feature = "html")]
fn a_page_without_an_article_is_an_error_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let nav = dir.path().join("a-nav.html");
    std::fs::write(
        &nav,
        "<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav></body></html>",
    )
    .unwrap();
    let good = dir.path().join("b-good.txt");
    std::fs::copy(sample(), &good).unwrap();
    let out = run(&["check", "--format", "jsonl", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr
        .lines()
        .find(|l| l.contains("a-nav.html"))
        .expect("the page is named");
    assert!(line.contains("no article text"), "{line}");
    let lines = jsonl(&out);
    assert_eq!(lines.iter().filter(|l| l["type"] == "article").count(), 1);
}

#[test]
fn date_flag_dates_articles_without_a_dateline_and_bad_dates_are_errors() {
    let dir = std::env::temp_dir().join(format!("factsheet-date-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let plain = dir.join("plain.txt");
    let datelined = dir.join("datelined.txt");
    std::fs::write(&plain, "The council met on Monday.\n").unwrap();
    std::fs::write(&datelined, "LEEDS, Friday 15 March 2024 - The council met on Monday.\n").unwrap();
    // 2025-06-05 is a Thursday: Monday is 2 June. The dateline wins in the other file.
    let out = run(&[
        "check",
        "--format",
        "jsonl",
        "--date",
        "2025-06-05",
        plain.to_str().unwrap(),
    ]);
    assert_eq!(claim(&article(&out), "Monday")["value"], "2025-06-02");
    let out = run(&[
        "check",
        "--format",
        "jsonl",
        "--date",
        "2025-06-05",
        datelined.to_str().unwrap(),
    ]);
    assert_eq!(claim(&article(&out), "Monday")["value"], "2024-03-11");
    // No such day on the command line: refused before any article is read.
    let out = run(&["check", "--date", "2023-02-29", plain.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("2023-02-29"));
    // A record with a bad date is an error naming its line; the others go on.
    let records = dir.join("records.jsonl");
    std::fs::write(
        &records,
        "{\"id\":\"a\",\"text\":\"Sales rose 4 percent.\",\"date\":\"2024-13-01\"}\n{\"id\":\"b\",\"text\":\"Sales rose 4 percent.\",\"date\":\"2024-03-01\"}\n",
    )
    .unwrap();
    let out = run(&[
        "check",
        "--input",
        "jsonl",
        "--format",
        "jsonl",
        records.to_str().unwrap(),
    ]);
    let lines = jsonl(&out);
    let err = lines.iter().find(|l| l["type"] == "error").expect("an error line");
    assert!(err["message"].as_str().unwrap().contains("records.jsonl:1"), "{err}");
    assert_eq!(lines.iter().filter(|l| l["type"] == "article").count(), 1);
    std::fs::remove_dir_all(&dir).ok();
}
