//! Verdicts as schema.org `ClaimReview` JSON-LD, the format fact-check
//! publishers and search engines read. One review per worksheet row with a
//! verdict; the speaker and role become the claim's author.

use serde_json::{Value as Json, json};

use crate::review::verdict;
use crate::worksheet::Worksheet;

/// JSON text that is safe inside an HTML `<script type="application/ld+json">`
/// element, where fact-check pages paste it: `<`, `>` and `&` as `\u003c`,
/// `\u003e`, `\u0026` (so article text holding `</script>` or `<!--`
/// cannot end or comment out the element), and U+2028 and U+2029 as
/// escapes (older JavaScript parsers end a line there). The JSON means the
/// same: every one of these characters can occur only inside strings.
pub fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// ClaimReview objects for every row with a verdict other than unchecked.
/// `date` is the review's publication date (`YYYY-MM-DD`).
pub fn claim_reviews(sheets: &[Worksheet], date: &str, publisher: Option<&str>) -> Vec<Json> {
    let mut out = Vec::new();
    for sheet in sheets {
        for r in &sheet.rows {
            let v = verdict(r);
            if v == "unchecked" {
                continue;
            }
            let get = |k: &str| r.get(k).map(|s| s.trim()).filter(|s| !s.is_empty());
            let author = get("speaker").or(get("source")).map(|name| {
                let mut a =
                    json!({"@type": if get("speaker").is_some() { "Person" } else { "Organization" }, "name": name});
                if let Some(role) = get("role") {
                    a["jobTitle"] = json!(role);
                }
                a
            });
            let mut appearance = json!({"@type": "CreativeWork", "name": get("article")});
            if let Some(url) = get("article_url") {
                appearance["url"] = json!(url);
            }
            let mut item = json!({"@type": "Claim", "appearance": appearance});
            if let Some(a) = author {
                item["author"] = a;
            }
            // A quotation is itself what was said; a claim's span ("370")
            // says nothing alone, so its sentence is what was claimed.
            let reviewed = match r.cell("kind") {
                "quote" => get("text"),
                _ => get("context").or(get("text")),
            }
            .unwrap_or_default();
            let mut review = json!({
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": reviewed,
                "itemReviewed": item,
                "datePublished": date,
                "reviewRating": {"@type": "Rating", "alternateName": v},
                "identifier": get("id"),
            });
            if let Some(url) = get("evidence").filter(|e| e.starts_with("http://") || e.starts_with("https://")) {
                review["url"] = json!(url);
            }
            if let Some(p) = publisher {
                review["author"] = json!({"@type": "Organization", "name": p});
            }
            out.push(review);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::worksheet::Row;

    /// Issue 19: raw `</script>` and U+2028 broke out of the page's script.
    #[test]
    fn json_ld_cannot_break_out_of_a_script_element() {
        let review = json!({"claimReviewed": "ends here </script><!-- & \u{2028}\u{2029}"});
        let out = script_safe(&serde_json::to_string_pretty(&review).unwrap());
        for raw in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
            assert!(!out.contains(raw), "{raw:?} in {out}");
        }
        let back: Json = serde_json::from_str(&out).unwrap();
        assert_eq!(back, review);
    }

    #[test]
    fn verdict_rows_become_claim_reviews() {
        let mut r = Row::default();
        for (k, v) in [
            ("id", "q-1"),
            ("article", "a.txt"),
            ("text", "Boston will not cooperate with ICE"),
            ("context", "“Boston will not cooperate with ICE,” Wu said."),
            ("article_url", "https://news.example/boston"),
            ("speaker", "Michelle Wu"),
            ("role", "Boston Mayor"),
            ("verdict", "Verified"),
            ("evidence", "https://boston.gov/statement"),
        ] {
            r.insert(k, v);
        }
        let mut unchecked = r.clone();
        unchecked.insert("verdict", String::new());
        let out = claim_reviews(&[Worksheet::from_rows(vec![r, unchecked])], "2026-11-28", None);
        assert_eq!(out.len(), 1);
        let c = &out[0];
        assert_eq!(c["@type"], "ClaimReview");
        assert_eq!(c["itemReviewed"]["author"]["name"], "Michelle Wu");
        assert_eq!(c["itemReviewed"]["author"]["jobTitle"], "Boston Mayor");
        assert_eq!(c["reviewRating"]["alternateName"], "verified");
        assert_eq!(c["url"], "https://boston.gov/statement");
        assert_eq!(c["claimReviewed"], "“Boston will not cooperate with ICE,” Wu said.");
        let mut q = Row::default();
        for (k, v) in [
            ("id", "q-1"),
            ("kind", "quote"),
            ("text", "Boston will not cooperate with ICE"),
            ("context", "“Boston will not cooperate with ICE,” Wu said."),
            ("verdict", "verified"),
        ] {
            q.insert(k, v);
        }
        let out = claim_reviews(&[Worksheet::from_rows(vec![q])], "2026-11-28", None);
        assert_eq!(out[0]["claimReviewed"], "Boston will not cooperate with ICE");
        assert_eq!(c["itemReviewed"]["appearance"]["url"], "https://news.example/boston");
    }
}
