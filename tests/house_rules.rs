//! House rules from the command line: a newsroom's own rule file, the
//! default `factsheet.toml`, the rules in `factsheet checks` and in
//! `--only`/`--skip`, and a bad pattern reported on one line.

use std::path::Path;
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_factsheet"))
}

const RULES: &str = r#"# House style: the minister's name as the newsroom spells it.
[[rule]]
id = "house-spelling"
description = "The house spelling of the president's name."
severity = "warning"
message = "house style is “Zelenskyy”"
pattern = '''\bZelensk(?:y|iy|i)\b'''
scope = "all"
output = "finding"
"#;

const ARTICLE: &str = "KYIV (Wire) — President Zelensky met the mayor on Monday, officials said.\n\nIt was the largest meeting of the year, two sources said.\n";

fn setup(dir: &Path) {
    std::fs::write(dir.join("rules.toml"), RULES).unwrap();
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
}

fn article(out: &Output) -> serde_json::Value {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["type"] == "article")
        .expect("an article line")
}

fn checks_of(a: &serde_json::Value) -> Vec<String> {
    a["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["check"].as_str().unwrap().to_string())
        .collect()
}

fn statements(a: &serde_json::Value) -> Vec<String> {
    a["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "statement")
        .map(|c| c["value"]["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_newsroom_rule_raises_a_finding_at_its_severity() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let out = bin()
        .current_dir(dir.path())
        .args(["check", "a.txt", "--format", "jsonl", "--rules", "rules.toml"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let a = article(&out);
    let f = a["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["check"] == "house-spelling")
        .expect("the house rule's finding");
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["line"], 1);
    assert!(f["message"].as_str().unwrap().contains("Zelensky"));
    // The defaults still run beside it, as statements to verify.
    assert_eq!(statements(&a), ["superlative", "anonymous-sourcing"]);
}

#[test]
fn factsheet_toml_in_the_working_folder_is_read_by_default() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    std::fs::rename(dir.path().join("rules.toml"), dir.path().join("factsheet.toml")).unwrap();
    let out = bin()
        .current_dir(dir.path())
        .args(["check", "a.txt", "--format", "jsonl"])
        .output()
        .unwrap();
    assert!(checks_of(&article(&out)).contains(&"house-spelling".to_string()));
    let listed = bin().current_dir(dir.path()).arg("checks").output().unwrap();
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(listed.contains("house-spelling"), "{listed}");
    assert!(listed.contains("anonymous-sourcing"), "{listed}");
}

#[test]
fn only_and_skip_take_rule_ids() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let only = bin()
        .current_dir(dir.path())
        .args([
            "check",
            "a.txt",
            "--format",
            "jsonl",
            "--rules",
            "rules.toml",
            "--only",
            "superlative",
        ])
        .output()
        .unwrap();
    assert!(only.status.success());
    let a = article(&only);
    assert!(checks_of(&a).is_empty());
    assert_eq!(statements(&a), ["superlative"]);
    let skip = bin()
        .current_dir(dir.path())
        .args([
            "check",
            "a.txt",
            "--format",
            "jsonl",
            "--rules",
            "rules.toml",
            "--skip",
            "house-spelling,superlative",
        ])
        .output()
        .unwrap();
    let a = article(&skip);
    assert!(!checks_of(&a).contains(&"house-spelling".to_string()));
    assert_eq!(statements(&a), ["anonymous-sourcing"]);
}

#[test]
fn a_bad_pattern_is_one_line_naming_file_line_and_rule() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    std::fs::write(dir.path().join("rules.toml"), RULES.replace("(?:y|iy|i)", "(?:y|iy|i")).unwrap();
    let out = bin()
        .current_dir(dir.path())
        .args(["check", "a.txt", "--rules", "rules.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("factsheet: rules.toml:7: rule `house-spelling`: bad pattern:"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn a_missing_rules_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let out = bin()
        .current_dir(dir.path())
        .args(["check", "a.txt", "--rules", "nope.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("factsheet: nope.toml: cannot read"));
}
