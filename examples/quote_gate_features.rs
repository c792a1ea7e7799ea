//! Writes what the learned speaker gate reads of each quote, for its
//! training script (`scripts/train_quote_gate.py`): JSON Lines in
//! (`{"id","text"}` a line, on stdin), one line out per article with every
//! quote's byte span, the mention the gate would name, the rule that named
//! it and the gate's features, before the gate rules.
//! `cargo run --profile fast --example quote_gate_features < articles.jsonl`

#![allow(clippy::print_stdout)]

use std::io::{BufRead, Write};

fn main() {
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
        let samples: Vec<serde_json::Value> = factsheet::quotes::gate_samples(text)
            .into_iter()
            .map(|s| {
                serde_json::json!({
                    "quote": [s.quote.start, s.quote.end],
                    "mention": s.mention.map(|m| [m.start, m.end]),
                    "rule": s.rule,
                    "feats": s.feats,
                })
            })
            .collect();
        let row = serde_json::json!({"id": id, "samples": samples});
        if writeln!(out, "{row}").is_err() {
            break;
        }
    }
}
