//! The `.xlsx` worksheet through a real LibreOffice Calc (issue 20): the
//! sheet factsheet writes is converted to CSV by LibreOffice, a verdict and
//! a note are changed there, LibreOffice converts it back to `.xlsx`, and a
//! re-run of factsheet into that file keeps them, with the weekday date
//! still text. Skips, saying so, where `soffice` is not installed (`.ci/run`
//! installs `libreoffice-calc`).

#![allow(clippy::print_stderr)] // the skip message

use std::path::Path;
use std::process::Command;

fn soffice(profile: &Path, args: &[&str], dir: &Path) -> bool {
    Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .arg("--headless")
        .args(args)
        .current_dir(dir)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn read_csv(p: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_path(p).unwrap();
    let h = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect();
    (h, rows)
}

const TO_CSV: &str = "csv:Text - txt - csv (StarCalc):44,34,76,1";

#[test]
fn a_verdict_changed_in_libreoffice_survives_a_re_run() {
    if Command::new("soffice").arg("--version").output().is_err() {
        eprintln!("LibreOffice (soffice) is not installed: the round-trip test is skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let profile = d.join("lo-profile");
    std::fs::write(
        d.join("a.txt"),
        "WORCESTER, Mass. — Police said the raid happened on Thursday, March 20, 2025, and 12 people were held during a six-day operation from March 18 to March 23, 2025.\n",
    )
    .unwrap();
    let run = || {
        let out = Command::new(env!("CARGO_BIN_EXE_factsheet"))
            .current_dir(d)
            .args(["check", "a.txt", "-o", "sheet.xlsx", "--format", "line"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    run();
    std::fs::create_dir_all(d.join("conv")).unwrap();
    assert!(soffice(
        &profile,
        &["--convert-to", TO_CSV, "--outdir", "conv", "sheet.xlsx"],
        d
    ));
    let (h, mut rows) = read_csv(&d.join("conv/sheet.csv"));
    let col = |name: &str| h.iter().position(|x| x == name).unwrap();
    let k = rows
        .iter()
        .position(|r| r[col("text")] == "Thursday, March 20, 2025")
        .expect("LibreOffice kept the weekday date as text");
    rows[k][col("verdict")] = "Verified".into();
    rows[k][col("notes")] = "called the office".into();
    let mut w = csv::Writer::from_path(d.join("conv/sheet.csv")).unwrap();
    w.write_record(&h).unwrap();
    for r in &rows {
        w.write_record(r).unwrap();
    }
    w.flush().unwrap();
    drop(w);
    // Back to .xlsx, every column imported as text (as a journalist picks
    // "Text" in the import dialog), over the original sheet.
    let text_columns: Vec<String> = (1..=h.len()).map(|c| format!("{c}/2")).collect();
    let filter = format!("--infilter=CSV:44,34,76,1,{}", text_columns.join("/"));
    std::fs::remove_file(d.join("sheet.xlsx")).unwrap();
    assert!(soffice(
        &profile,
        &[&filter, "--convert-to", "xlsx", "--outdir", ".", "conv/sheet.csv"],
        d
    ));
    assert!(d.join("sheet.xlsx").is_file());
    let stderr = run();
    assert!(stderr.contains(&format!("kept {}", rows.len())), "{stderr}");
    std::fs::create_dir_all(d.join("fin")).unwrap();
    assert!(soffice(
        &profile,
        &["--convert-to", TO_CSV, "--outdir", "fin", "sheet.xlsx"],
        d
    ));
    let (h2, rows2) = read_csv(&d.join("fin/sheet.csv"));
    let c2 = |name: &str| h2.iter().position(|x| x == name).unwrap();
    let r = rows2
        .iter()
        .find(|r| r[c2("id")] == rows[k][col("id")])
        .expect("the row is still there");
    assert_eq!(r[c2("verdict")], "Verified");
    assert_eq!(r[c2("notes")], "called the office");
    assert_eq!(r[c2("text")], "Thursday, March 20, 2025");
    assert_eq!(r[c2("row_status")], "kept");
}
