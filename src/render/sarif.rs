//! `--format sarif`: the run as one SARIF 2.1.0 log, which code-review
//! tools (GitHub code scanning, VS Code's SARIF viewer) show inline.
//! Columns count characters, as everywhere in factsheet, and the log says
//! so (`columnKind: unicodeCodePoints`).

use serde_json::{Value as Json, json};

use super::{Ids, line_col, one_line};
use crate::Analysis;
use crate::checks::Severity;
use crate::cross::CrossFinding;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a relative URI reference: forward slashes, and every byte
/// outside the unreserved set and `/` percent-encoded.
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn location(path: &str, (l, c): (usize, usize), (el, ec): (usize, usize)) -> Json {
    json!({"physicalLocation": {
        "artifactLocation": {"uri": uri(path)},
        "region": {"startLine": l, "startColumn": c, "endLine": el, "endColumn": ec},
    }})
}

/// One result per finding of an article.
pub fn results(a: &Analysis) -> Vec<Json> {
    let ids = Ids::of(a);
    let path = a.document.path.as_str();
    a.findings
        .iter()
        .zip(&ids.findings)
        .map(|(f, id)| {
            let end = a.document.line_col(f.span.end);
            let related: Vec<Json> = f
                .related
                .iter()
                .enumerate()
                .map(|(k, s)| {
                    let mut l = location(path, line_col(a, *s), a.document.line_col(s.end));
                    l["id"] = json!(k);
                    l
                })
                .collect();
            let mut r = json!({
                "ruleId": f.check,
                "level": level(f.severity),
                "message": {"text": one_line(&f.message)},
                "locations": [location(path, line_col(a, f.span), end)],
                "partialFingerprints": {"factsheetId/v1": id},
            });
            if !related.is_empty() {
                r["relatedLocations"] = json!(related);
            }
            r
        })
        .collect()
}

/// A contradiction between articles: located at its first place, with
/// the others as related locations.
pub fn cross_result(f: &CrossFinding) -> Json {
    let loc = |p: &crate::cross::Place| location(&p.path, (p.line, p.column), (p.line, p.column));
    let mut r = json!({
        "ruleId": f.check,
        "level": "warning",
        "message": {"text": one_line(&f.message)},
        "locations": f.at.first().map(loc).into_iter().collect::<Vec<_>>(),
    });
    let related: Vec<Json> = f.at.iter().skip(1).map(loc).collect();
    if !related.is_empty() {
        r["relatedLocations"] = json!(related);
    }
    r
}

/// Every check a SARIF log can name: the registry, the house rules and the
/// cross-article checks, as (id, description).
pub fn rule_list(house: &crate::rules::RuleSet) -> Vec<(String, String)> {
    let mut rules: Vec<(String, String)> = crate::checks::REGISTRY
        .iter()
        .map(|c| (c.id().to_string(), c.description().to_string()))
        .collect();
    rules.extend(
        house
            .rules()
            .iter()
            .map(|r| (r.id.to_string(), r.description.to_string())),
    );
    for (id, d) in crate::cross::CHECKS {
        rules.push((id.to_string(), d.to_string()));
    }
    rules
}

/// The whole log: the tool and its rules (`(id, description)`), the
/// results, and an inputs that could not be read as notifications.
pub fn log(rules: &[(String, String)], results: Vec<Json>, errors: &[String]) -> Json {
    let rules: Vec<Json> = rules
        .iter()
        .map(|(id, d)| json!({"id": id, "shortDescription": {"text": d}}))
        .collect();
    let notes: Vec<Json> = errors
        .iter()
        .map(|m| json!({"level": "error", "message": {"text": one_line(m)}}))
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factsheet",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": errors.is_empty(), "toolExecutionNotifications": notes}],
            "results": results,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Selection, analyze_text};

    #[test]
    fn findings_become_results_with_regions() {
        let a = analyze_text(
            "dir/a story.txt",
            "BOSTON — Police arrested 370 people in a five-day operation from March 18 to March 23.\n",
            &Selection::default(),
        );
        let rs = results(&a);
        assert_eq!(rs.len(), a.findings.len());
        let r = rs
            .iter()
            .find(|r| r["ruleId"] == "duration-vs-range")
            .expect("the duration finding");
        assert_eq!(r["level"], "error");
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "dir/a%20story.txt");
        assert_eq!(loc["region"]["startLine"], 1);
        assert!(loc["region"]["endColumn"].as_u64() > loc["region"]["startColumn"].as_u64());
        let l = log(&[("duration-vs-range".into(), "d".into())], rs, &[]);
        assert_eq!(l["version"], "2.1.0");
        assert_eq!(l["runs"][0]["tool"]["driver"]["rules"][0]["id"], "duration-vs-range");
    }
}
