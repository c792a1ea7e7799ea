//! `--format line`: one finding per line as `path:line:col: severity
//! [check] message`, the convention of Vale, proselint and Vim's
//! errorformat, so grep, editors and CI annotations read it as it is.

use super::{line_col, visible};
use crate::Analysis;
use crate::cross::CrossFinding;

/// The findings of one article, one line each (nothing when it has none).
pub fn article(a: &Analysis) -> String {
    let mut out = String::new();
    for f in &a.findings {
        let (l, c) = line_col(a, f.span);
        push(
            &mut out,
            &a.document.path,
            l,
            c,
            f.severity.as_str(),
            f.check,
            &f.message,
        );
    }
    out
}

/// A contradiction between articles, at its first place; the message
/// names the other.
pub fn cross(f: &CrossFinding) -> String {
    let mut out = String::new();
    if let Some(p) = f.at.first() {
        let others: Vec<String> = f.at[1..].iter().map(|p| p.to_string()).collect();
        let message = format!("{} (see {})", f.message, others.join(", "));
        push(&mut out, &p.path, p.line, p.column, "warning", f.check, &message);
    }
    out
}

fn push(out: &mut String, path: &str, line: usize, column: usize, severity: &str, check: &str, message: &str) {
    out.push_str(&format!(
        "{}:{line}:{column}: {severity} [{check}] {}\n",
        visible(path),
        visible(message)
    ));
}

#[cfg(test)]
mod tests {
    use crate::{Selection, analyze_text};

    #[test]
    fn one_line_per_finding_in_errorformat() {
        let a = analyze_text(
            "story.txt",
            "BOSTON — Police arrested 370 people in a five-day operation from March 18 to March 23.\n",
            &Selection::default(),
        );
        let out = super::article(&a);
        assert!(!a.findings.is_empty());
        assert_eq!(out.lines().count(), a.findings.len());
        let first = out.lines().next().unwrap();
        assert!(
            first.starts_with("story.txt:1:") && first.contains(": error [duration-vs-range] "),
            "{first}"
        );
    }
}
