//! The loop the feature-dump examples share: JSON Lines `{"id","text"}`
//! records in on stdin, one JSON object out per article, made by the
//! example's own function. A line that is no record is skipped (the
//! training scripts only send records); a closed stdout ends the run.

use std::io::{BufRead, Write};

/// Reads every record on stdin and writes `row(id, text)` a line.
pub fn each_article(mut row: impl FnMut(&str, &str) -> serde_json::Value) {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let Ok(rec) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let (Some(id), Some(text)) = (rec["id"].as_str(), rec["text"].as_str()) else {
            continue;
        };
        if writeln!(out, "{}", row(id, text)).is_err() {
            break;
        }
    }
    let _ = out.flush();
}
