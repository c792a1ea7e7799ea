//! Where a worksheet stands, per article, for the editor: how many items
//! are unchecked, verified, false, misleading or unverifiable; the error
//! and warning findings nobody has ruled on yet; and every item marked
//! false or misleading, with its evidence.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::worksheet::{Row, Worksheet};

/// The fixed verdict vocabulary, in the order reports show it.
pub const VERDICTS: &[&str] = &["unchecked", "verified", "false", "misleading", "unverifiable"];

/// One article's progress.
#[derive(Debug, Clone, Serialize, Default)]
pub struct ArticleReview {
    pub article: String,
    /// Items per verdict ("unchecked" includes empty cells).
    pub counts: BTreeMap<String, usize>,
    /// Error and warning findings without a verdict.
    pub open_findings: Vec<ReviewItem>,
    /// Items judged false or misleading.
    pub flagged: Vec<ReviewItem>,
    /// Rows whose item vanished from the article (`orphaned`).
    pub orphaned: usize,
    /// Rows whose text changed since their verdict (`changed`).
    pub changed: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReviewItem {
    pub id: String,
    /// The item's line in its article (none when the sheet lost it).
    pub line: Option<u64>,
    pub kind: String,
    pub text: String,
    pub verdict: String,
    pub evidence: String,
    /// A finding's severity; none for quotes and claims (whose `value`
    /// cell holds their value, not a severity).
    pub severity: Option<String>,
    pub note: String,
}

/// The verdict of a row, normalised ("" → "unchecked").
pub fn verdict(r: &Row) -> String {
    let v = r.cell("verdict").trim().to_lowercase();
    if v.is_empty() { "unchecked".into() } else { v }
}

fn item(r: &Row) -> ReviewItem {
    ReviewItem {
        id: r.cell("id").into(),
        line: r.cell("line").trim().parse().ok(),
        kind: format!("{}/{}", r.cell("kind"), r.cell("type")),
        text: r.cell("text").into(),
        verdict: verdict(r),
        evidence: r.cell("evidence").into(),
        severity: (r.cell("kind") == "finding").then(|| r.cell("value").to_string()),
        note: r.cell("check_notes").into(),
    }
}

/// Summarises worksheets, one entry per article, in order of appearance.
pub fn review(sheets: &[Worksheet]) -> Vec<ArticleReview> {
    let mut out: Vec<ArticleReview> = Vec::new();
    for sheet in sheets {
        for r in &sheet.rows {
            let article = r.cell("article").to_string();
            let idx = match out.iter().position(|a| a.article == article) {
                Some(i) => i,
                None => {
                    let mut a = ArticleReview {
                        article,
                        ..Default::default()
                    };
                    for v in VERDICTS {
                        a.counts.insert((*v).to_string(), 0);
                    }
                    out.push(a);
                    out.len() - 1
                }
            };
            let a = &mut out[idx];
            match r.cell("row_status") {
                "orphaned" => a.orphaned += 1,
                "changed" => a.changed += 1,
                _ => {}
            }
            let v = verdict(r);
            *a.counts.entry(v.clone()).or_insert(0) += 1;
            let is_finding = r.cell("kind") == "finding";
            if is_finding && v == "unchecked" && matches!(r.cell("value"), "error" | "warning") {
                a.open_findings.push(item(r));
            }
            if v == "false" || v == "misleading" {
                a.flagged.push(item(r));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(pairs: &[(&str, &str)]) -> Row {
        pairs.iter().map(|(k, v)| (*k, v.to_string())).collect()
    }

    #[test]
    fn counts_verdicts_and_lists_false_items_and_open_findings() {
        let sheet = Worksheet::from_rows(vec![
            row(&[
                ("id", "c-1"),
                ("article", "a.txt"),
                ("kind", "claim"),
                ("verdict", "Verified"),
            ]),
            row(&[
                ("id", "c-2"),
                ("article", "a.txt"),
                ("kind", "claim"),
                ("verdict", "false"),
                ("evidence", "https://x"),
            ]),
            row(&[("id", "c-3"), ("article", "a.txt"), ("kind", "claim")]),
            row(&[
                ("id", "f-1"),
                ("article", "a.txt"),
                ("kind", "finding"),
                ("value", "error"),
            ]),
        ]);
        let r = review(&[sheet]);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].counts["verified"], 1);
        assert_eq!(r[0].counts["false"], 1);
        assert_eq!(r[0].counts["unchecked"], 2);
        assert_eq!(r[0].flagged[0].evidence, "https://x");
        assert_eq!(r[0].open_findings.len(), 1);
        assert_eq!(r[0].open_findings[0].severity.as_deref(), Some("error"));
    }

    /// Issue 20: in JSON, a claim's value is not its severity, and a line
    /// is a number.
    #[test]
    fn items_carry_a_numeric_line_and_a_severity_only_for_findings() {
        let sheet = Worksheet::from_rows(vec![row(&[
            ("id", "c-1"),
            ("article", "a.txt"),
            ("line", "12"),
            ("kind", "claim"),
            ("value", "370 people"),
            ("verdict", "false"),
        ])]);
        let r = review(&[sheet]);
        let json = serde_json::to_value(&r[0].flagged[0]).unwrap();
        assert_eq!(json["line"], 12);
        assert!(json["severity"].is_null(), "{json}");
    }
}
