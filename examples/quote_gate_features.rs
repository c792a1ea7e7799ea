//! Writes what the learned speaker gate reads of each quote, for its
//! training script (`scripts/train_quote_gate.py`): JSON Lines in
//! (`{"id","text"}` a line, on stdin), one line out per article with every
//! quote's byte span, the mention the gate would name, the rule that named
//! it and the gate's features, before the gate rules.
//! `cargo run --profile fast --example quote_gate_features < articles.jsonl`

#![allow(clippy::print_stdout)]

#[path = "support/feature_dump.rs"]
mod feature_dump;

fn main() {
    feature_dump::each_article(|id, text| {
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
        serde_json::json!({"id": id, "samples": samples})
    });
}
