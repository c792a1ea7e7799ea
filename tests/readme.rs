//! The README's tour is real output: this test runs the tour's commands at
//! 80 columns and compares. When the output changes on purpose, run
//! `UPDATE_README=1 cargo test --test readme` to rewrite the blocks, and
//! read the diff.

use std::path::Path;
use std::process::Command;

const TOUR_COMMAND: &str = "$ factsheet check data/articles/ice-massachusetts.txt -o worksheet.csv\n";
const EDITED_INTRO: &str = "Change \"six-day\" to \"five-day\"";

fn factsheet(dir: &Path, args: &[&str]) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_factsheet"))
        .current_dir(dir)
        .env("COLUMNS", "80")
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The byte range of the code block that starts after `marker`.
fn block(readme: &str, marker: &str) -> std::ops::Range<usize> {
    let at = readme.find(marker).unwrap_or_else(|| panic!("README has {marker:?}"));
    let start = at + readme[at..].find("```\n").unwrap() + 4;
    let end = start + readme[start..].find("```\n").unwrap();
    start..end
}

#[test]
fn the_readme_tour_matches_real_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme_path = root.join("README.md");
    let mut readme = std::fs::read_to_string(&readme_path).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("worksheet.csv");
    let (out, err) = factsheet(
        root,
        &[
            "check",
            "data/articles/ice-massachusetts.txt",
            "-o",
            sheet.to_str().unwrap(),
        ],
    );
    let tour = format!(
        "{TOUR_COMMAND}{out}{}",
        err.replace(&format!("{}/", dir.path().display()), "")
    );

    let sample = std::fs::read_to_string(root.join("data/articles/ice-massachusetts.txt")).unwrap();
    let edited = sample
        .replace("six-day", "five-day")
        .replace("205 of those arrested", "412 of those arrested");
    std::fs::write(dir.path().join("edited.txt"), edited).unwrap();
    let (out, _) = factsheet(dir.path(), &["check", "edited.txt"]);
    let findings: String = out[out.find("Findings").expect("findings")..]
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| format!("{l}\n"))
        .collect();

    let update = std::env::var_os("UPDATE_README").is_some();
    let tour_at = block(&readme, "## A tour");
    if update {
        readme.replace_range(tour_at, &tour);
    } else {
        assert_eq!(
            readme[tour_at].trim_end(),
            tour.trim_end(),
            "README tour is stale: UPDATE_README=1"
        );
    }
    let edited_at = block(&readme, EDITED_INTRO);
    if update {
        readme.replace_range(edited_at, &findings);
        std::fs::write(&readme_path, readme).unwrap();
    } else {
        assert_eq!(
            readme[edited_at], findings,
            "README findings are stale: UPDATE_README=1"
        );
    }
}
