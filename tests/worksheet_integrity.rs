//! Issue 19: the worksheet never loses a journalist's work. Articles that
//! share a file name, damaged `article` cells, two runs at once, file modes
//! and links, repeated or respelled columns, and cells a spreadsheet or a
//! web page would misread.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factsheet"))
        .args(args)
        .output()
        .expect("factsheet runs")
}

/// Checks `articles` into the worksheet `sheet`.
fn check_into(articles: &[&Path], sheet: &Path) -> Output {
    let mut args = vec!["check", "--format", "jsonl"];
    args.extend(articles.iter().map(|a| a.to_str().unwrap()));
    args.extend(["-o", sheet.to_str().unwrap()]);
    run(&args)
}

fn ok(out: &Output) {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

type Rows = Vec<HashMap<String, String>>;

fn read_sheet(path: &Path) -> (Vec<String>, Rows) {
    let mut rdr = csv::Reader::from_path(path).unwrap();
    let headers: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    let rows = rdr
        .records()
        .map(|r| {
            headers
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(String::from))
                .collect()
        })
        .collect();
    (headers, rows)
}

fn write_sheet(path: &Path, headers: &[String], rows: &Rows) {
    let mut w = csv::Writer::from_path(path).unwrap();
    w.write_record(headers).unwrap();
    for r in rows {
        w.write_record(headers.iter().map(|h| r.get(h).map_or("", String::as_str)))
            .unwrap();
    }
    w.flush().unwrap();
}

/// Sets `verdict` and a note naming the row on every row; returns the notes.
fn mark_all(path: &Path) -> HashMap<String, String> {
    let (headers, mut rows) = read_sheet(path);
    for r in &mut rows {
        let note = format!("called about {}", r["id"]);
        r.insert("verdict".into(), "verified".into());
        r.insert("notes".into(), note);
    }
    write_sheet(path, &headers, &rows);
    rows.iter().map(|r| (r["id"].clone(), r["notes"].clone())).collect()
}

/// factsheet itself reads the sheet back.
fn readable(sheet: &Path) -> bool {
    run(&["review", sheet.to_str().unwrap()]).status.success()
}

const STORY: &str = "Council backs the new library budget\n\n\
MILLBROOK, March 3, 2026 — The city council voted 7 to 2 on Monday to approve a $4.2 million library budget.\n\n\
“This is the best budget we have passed in a decade,” Mayor Ana Ruiz said after the vote.\n\n\
“We will open on Sundays again,” Ruiz said.\n";

/// The same wire story with the quotes credited to someone else.
fn other_story() -> String {
    STORY
        .replace("Mayor Ana Ruiz", "council member Tom Hale")
        .replace("Ruiz", "Hale")
}

/// `story.txt` in two folders of a fresh folder: the story and its twin.
fn two_stories() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let (x, y) = (dir.path().join("x/story.txt"), dir.path().join("y/story.txt"));
    for (p, text) in [(&x, STORY.to_string()), (&y, other_story())] {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    (dir, x, y)
}

#[test]
fn two_articles_with_one_file_name_stay_apart_run_after_run() {
    let (dir, x, y) = two_stories();
    let sheet = dir.path().join("s.csv");
    ok(&check_into(&[&x, &y], &sheet));
    let (_, first) = read_sheet(&sheet);
    let out = check_into(&[&x, &y], &sheet);
    ok(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("another article called story.txt"));
    let (_, rows) = read_sheet(&sheet);
    let articles: std::collections::BTreeSet<&str> = rows.iter().map(|r| r["article"].as_str()).collect();
    assert_eq!(articles, ["story.txt", "y/story.txt"].into());
    assert!(rows.iter().all(|r| r["row_status"] == "kept"), "{rows:?}");
    // The second run kept every id of the first.
    let ids = |rows: &Rows| rows.iter().map(|r| r["id"].clone()).collect::<Vec<_>>();
    assert_eq!(ids(&rows), ids(&first));
}

#[test]
fn one_file_given_twice_is_written_once() {
    let (dir, x, _) = two_stories();
    let sheet = dir.path().join("s.csv");
    let out = check_into(&[&x, &x], &sheet);
    ok(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("given twice"));
    ok(&check_into(&[&x], &sheet));
    assert!(readable(&sheet));
}

#[test]
fn a_different_article_under_the_same_name_inherits_no_verdict() {
    let (dir, x, y) = two_stories();
    let sheet = dir.path().join("s.csv");
    ok(&check_into(&[&x], &sheet));
    mark_all(&sheet);
    ok(&check_into(&[&y], &sheet));
    let (_, rows) = read_sheet(&sheet);
    let hale: Vec<_> = rows.iter().filter(|r| r["speaker"].contains("Tom Hale")).collect();
    assert!(!hale.is_empty());
    assert!(hale.iter().all(|r| r["verdict"].is_empty()), "{hale:?}");
    // The first article's verdicts are still there.
    let ruiz: Vec<_> = rows.iter().filter(|r| r["speaker"] == "Ana Ruiz").collect();
    assert!(!ruiz.is_empty() && ruiz.iter().all(|r| r["verdict"] == "verified"));
}

/// The 30-byte reproducer of issue 19: a row with nothing but an id and
/// a verdict.
#[test]
fn a_row_without_its_article_is_explained_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("story.txt");
    std::fs::write(&article, STORY).unwrap();
    let sheet = dir.path().join("s.csv");
    ok(&check_into(&[&article], &sheet));
    let (_, rows) = read_sheet(&sheet);
    let id = rows.iter().find(|r| r["kind"] == "quote").unwrap()["id"].clone();
    let bare = format!("id,verdict\n{id},false\n");
    std::fs::write(&sheet, &bare).unwrap();
    for _ in 0..2 {
        let out = check_into(&[&article], &sheet);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&id) && err.contains("hint: put story.txt back"), "{err}");
        assert_eq!(std::fs::read_to_string(&sheet).unwrap(), bare);
    }
}

#[test]
fn a_deleted_article_column_keeps_every_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("story.txt");
    std::fs::write(&article, STORY).unwrap();
    let sheet = dir.path().join("s.csv");
    ok(&check_into(&[&article], &sheet));
    let notes = mark_all(&sheet);
    let (headers, rows) = read_sheet(&sheet);
    let without: Vec<String> = headers.into_iter().filter(|h| h != "article").collect();
    write_sheet(&sheet, &without, &rows);
    for _ in 0..2 {
        ok(&check_into(&[&article], &sheet));
    }
    let (_, rows) = read_sheet(&sheet);
    assert_eq!(rows.len(), notes.len());
    for r in &rows {
        assert_eq!(notes[&r["id"]], r["notes"]);
        assert_eq!(r["article"], "story.txt");
    }
}

/// A sheet written before `article_path` existed keeps its ids.
#[test]
fn sheets_from_before_article_paths_keep_their_ids() {
    let (dir, x, _) = two_stories();
    let sheet = dir.path().join("s.csv");
    ok(&check_into(&[&x], &sheet));
    let notes = mark_all(&sheet);
    let (headers, rows) = read_sheet(&sheet);
    let old: Vec<String> = headers.into_iter().filter(|h| h != "article_path").collect();
    write_sheet(&sheet, &old, &rows);
    ok(&check_into(&[&x], &sheet));
    let (_, rows) = read_sheet(&sheet);
    assert_eq!(rows.len(), notes.len());
    assert!(
        rows.iter()
            .all(|r| r["row_status"] == "kept" && notes[&r["id"]] == r["notes"])
    );
}

#[test]
fn runs_at_once_keep_every_runs_rows_and_every_human_cell() {
    let dir = tempfile::tempdir().unwrap();
    let names = ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"];
    let paths: Vec<PathBuf> = names.iter().map(|n| dir.path().join(n)).collect();
    for (k, p) in paths.iter().enumerate() {
        std::fs::write(p, STORY.replace("7 to 2", &format!("{} to {}", 5 + k, 4 - k))).unwrap();
    }
    for round in 0..8 {
        let sheet = dir.path().join(format!("s{round}.csv"));
        ok(&check_into(&[&paths[4]], &sheet));
        let notes = mark_all(&sheet);
        // Four runs at once, each with its own article.
        let runs: Vec<_> = paths[..4]
            .iter()
            .map(|a| {
                Command::new(env!("CARGO_BIN_EXE_factsheet"))
                    .args([
                        "check",
                        "--format",
                        "jsonl",
                        a.to_str().unwrap(),
                        "-o",
                        sheet.to_str().unwrap(),
                    ])
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for r in runs {
            ok(&r.wait_with_output().unwrap());
        }
        let (_, rows) = read_sheet(&sheet);
        let articles: std::collections::BTreeSet<&str> = rows.iter().map(|r| r["article"].as_str()).collect();
        assert_eq!(articles, names.into(), "round {round}");
        for (id, note) in &notes {
            assert!(
                rows.iter().any(|r| &r["id"] == id && &r["notes"] == note),
                "round {round}: {id}"
            );
        }
    }
}

#[test]
fn a_killed_runs_temporary_file_is_cleaned_up() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("story.txt");
    std::fs::write(&article, STORY).unwrap();
    let sheet = dir.path().join("s.csv");
    let stale = dir.path().join(".s.csv.factsheet-99999999.tmp");
    std::fs::write(&stale, "half a sheet").unwrap();
    let theirs = dir.path().join(".other.csv.factsheet-99999999.tmp");
    std::fs::write(&theirs, "another sheet's").unwrap();
    ok(&check_into(&[&article], &sheet));
    assert!(!stale.exists());
    assert!(theirs.exists(), "only this sheet's temporary files are ours");
}

#[cfg(unix)]
#[test]
fn the_sheet_keeps_its_mode_and_its_link_and_a_read_only_sheet_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("story.txt");
    std::fs::write(&article, STORY).unwrap();
    let sheet = dir.path().join("s.csv");
    ok(&check_into(&[&article], &sheet));
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;

    std::fs::set_permissions(&sheet, std::fs::Permissions::from_mode(0o600)).unwrap();
    ok(&check_into(&[&article], &sheet));
    assert_eq!(mode(&sheet), 0o600);

    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&sheet, &link).unwrap();
    std::fs::write(&article, STORY.replace("7 to 2", "6 to 3")).unwrap();
    ok(&check_into(&[&article], &link));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(std::fs::read_to_string(&sheet).unwrap().contains("changed"));

    std::fs::set_permissions(&sheet, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&sheet).unwrap();
    std::fs::write(&article, STORY).unwrap();
    let out = check_into(&[&article], &sheet);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("read-only"));
    assert_eq!(std::fs::read(&sheet).unwrap(), before);
}

#[test]
fn a_column_that_appears_twice_is_refused_and_the_sheet_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("story.txt");
    std::fs::write(&article, STORY).unwrap();
    let sheet = dir.path().join("s.csv");
    ok(&check_into(&[&article], &sheet));
    let (mut headers, rows) = read_sheet(&sheet);
    headers.push("Notes ".into());
    write_sheet(&sheet, &headers, &rows);
    let before = std::fs::read(&sheet).unwrap();
    let out = check_into(&[&article], &sheet);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{}:1: column \"Notes\" appears twice", sheet.display())),
        "{err}"
    );
    assert_eq!(std::fs::read(&sheet).unwrap(), before);
}

#[test]
fn human_columns_match_by_trimmed_name_in_any_case() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("story.txt");
    std::fs::write(&article, STORY).unwrap();
    let sheet = dir.path().join("s.csv");
    ok(&check_into(&[&article], &sheet));
    let (headers, mut rows) = read_sheet(&sheet);
    let respelled: Vec<String> = headers
        .iter()
        .map(|h| match h.as_str() {
            "verdict" => " Verdict ".to_string(),
            "notes" => "NOTES".to_string(),
            _ => h.clone(),
        })
        .collect();
    for r in &mut rows {
        r.insert(" Verdict ".into(), "false".into());
        r.insert("NOTES".into(), "two sources".into());
    }
    write_sheet(&sheet, &respelled, &rows);
    ok(&check_into(&[&article], &sheet));
    let (headers, rows) = read_sheet(&sheet);
    assert_eq!(
        headers
            .iter()
            .filter(|h| h.trim().eq_ignore_ascii_case("verdict"))
            .count(),
        1
    );
    assert!(
        rows.iter()
            .all(|r| r["verdict"] == "false" && r["notes"] == "two sources")
    );
}

#[test]
fn cells_stay_inert_in_a_spreadsheet_and_exact_in_a_web_page() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("storm.txt");
    std::fs::write(
        &article,
        "Storm watch\n\n“'-5 degrees tonight, and worse tomorrow,” Dana Holt said on Monday.\n\n\
         “The page ends here </script><b> & so on,” Holt said.\n",
    )
    .unwrap();
    let sheet = dir.path().join("s.csv");
    ok(&check_into(&[&article], &sheet));
    let (headers, mut rows) = read_sheet(&sheet);
    for r in &mut rows {
        r.insert("verdict".into(), "verified".into());
        r.insert("notes".into(), "＝HYPERLINK(\"x\")".into());
    }
    write_sheet(&sheet, &headers, &rows);
    ok(&check_into(&[&article], &sheet));
    let raw = std::fs::read_to_string(&sheet).unwrap();
    assert!(raw.contains("'＝HYPERLINK"), "full-width = is escaped");
    assert!(raw.contains("''-5 degrees"), "a real apostrophe is escaped once more");

    let out = run(&["export", "--claimreview", sheet.to_str().unwrap()]);
    ok(&out);
    let json = String::from_utf8(out.stdout).unwrap();
    assert!(!json.contains('<') && !json.contains('&'), "{json}");
    let reviews: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let said: Vec<&str> = reviews.iter().filter_map(|r| r["claimReviewed"].as_str()).collect();
    assert!(said.contains(&"'-5 degrees tonight, and worse tomorrow,"), "{said:?}");
    assert!(said.iter().any(|s| s.contains("</script><b> & so on")), "{said:?}");
}

/// The same words credited to someone else are not the quote that was
/// verified: the row keeps its verdict but is marked for a second look.
#[test]
fn a_quote_whose_speaker_changed_is_marked_changed() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("story.txt");
    std::fs::write(&article, STORY).unwrap();
    let sheet = dir.path().join("s.csv");
    ok(&check_into(&[&article], &sheet));
    mark_all(&sheet);
    std::fs::write(&article, other_story()).unwrap();
    ok(&check_into(&[&article], &sheet));
    let (_, rows) = read_sheet(&sheet);
    let quote = rows
        .iter()
        .find(|r| r["text"].starts_with("This is the best budget"))
        .unwrap();
    assert!(quote["speaker"].contains("Tom Hale"), "{quote:?}");
    assert_eq!(quote["verdict"], "verified");
    assert_eq!(quote["row_status"], "changed");
    assert!(quote["previous_text"].contains("speaker: Ana Ruiz"), "{quote:?}");
}

/// `--worksheet-dir` names a sheet by the article's file name, so two
/// `story.txt` share `story.csv`: both keep their own rows in it.
#[test]
fn one_sheet_per_article_keeps_two_articles_of_one_name_apart() {
    let (dir, x, y) = two_stories();
    let sheets = dir.path().join("sheets");
    std::fs::create_dir_all(&sheets).unwrap();
    let args = |x: &Path, y: &Path| {
        run(&[
            "check",
            "--format",
            "jsonl",
            x.to_str().unwrap(),
            y.to_str().unwrap(),
            "--worksheet-dir",
            sheets.to_str().unwrap(),
        ])
    };
    ok(&args(&x, &y));
    let sheet = sheets.join("story.csv");
    mark_all(&sheet);
    ok(&args(&x, &y));
    let (_, rows) = read_sheet(&sheet);
    let ruiz: Vec<_> = rows.iter().filter(|r| r["speaker"] == "Ana Ruiz").collect();
    let hale: Vec<_> = rows.iter().filter(|r| r["speaker"].contains("Tom Hale")).collect();
    assert!(!ruiz.is_empty() && !hale.is_empty(), "{rows:?}");
    assert!(
        rows.iter()
            .all(|r| r["row_status"] == "kept" && r["verdict"] == "verified")
    );
}
