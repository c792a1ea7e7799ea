//! The editor's review in each output format.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};

use crate::review::{ArticleReview, VERDICTS};

/// The column names of the per-article progress.
fn columns() -> Vec<&'static str> {
    let mut header = vec!["article"];
    header.extend(VERDICTS);
    header.extend(["open findings", "changed", "orphaned"]);
    header
}

/// The per-article progress cells, in the order of [`columns`].
fn cells(a: &ArticleReview) -> Vec<String> {
    let mut row = vec![a.article.clone()];
    row.extend(
        VERDICTS
            .iter()
            .map(|v| a.counts.get(*v).copied().unwrap_or(0).to_string()),
    );
    row.extend([
        a.open_findings.len().to_string(),
        a.changed.to_string(),
        a.orphaned.to_string(),
    ]);
    row
}

/// Terminal tables: progress per article, then open findings and items
/// judged false or misleading.
pub fn table(reviews: &[ArticleReview], view: super::table::View) -> String {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(view.width)
        .set_header(columns());
    t.force_no_tty();
    for a in reviews {
        t.add_row(
            cells(a)
                .iter()
                .map(|c| super::visible(c).into_owned())
                .collect::<Vec<_>>(),
        );
    }
    let mut out = format!("{t}\n");
    for a in reviews {
        if a.open_findings.is_empty() && a.flagged.is_empty() {
            continue;
        }
        let mut items = Table::new();
        items
            .load_style(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(view.width)
            .force_no_tty()
            .set_header(vec!["line", "item", "text", "verdict / severity", "evidence / note"]);
        for i in &a.open_findings {
            items.add_row(vec![
                i.line.map(|l| l.to_string()).unwrap_or_default(),
                i.kind.clone(),
                super::visible(&i.text).into_owned(),
                format!("open {}", i.severity.as_deref().unwrap_or_default()),
                super::visible(&i.note).into_owned(),
            ]);
        }
        for i in &a.flagged {
            items.add_row(vec![
                i.line.map(|l| l.to_string()).unwrap_or_default(),
                i.kind.clone(),
                super::visible(&i.text).into_owned(),
                super::visible(&i.verdict).into_owned(),
                super::visible(&i.evidence).into_owned(),
            ]);
        }
        out.push_str(&format!("{}\n{items}\n", super::visible(&a.article)));
    }
    out
}

/// One CSV row per article with the verdict counts.
pub fn csv(reviews: &[ArticleReview]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(columns().iter().map(|c| c.replace(' ', "_")));
    for a in reviews {
        let _ = w.write_record(cells(a).iter().map(|c| crate::worksheet::neutralise(c)));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// One JSON object per article.
pub fn jsonl(reviews: &[ArticleReview]) -> String {
    reviews
        .iter()
        .map(|a| format!("{}\n", serde_json::json!({"type": "review", "review": a})))
        .collect()
}
