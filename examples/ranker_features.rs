//! Writes what the learned speaker ranker reads of each quote, for its
//! training script (`scripts/train_speaker_ranker.py`): JSON Lines in
//! (`{"id","text"}` a line, on stdin), one line out per article with every
//! quote's byte span, kind and rule, each candidate source (byte span,
//! whether it is the rules' choice, features) and the features of "no
//! speaker", as the ranker sees them after the rules and the gate.
//! `cargo run --profile fast --example ranker_features < articles.jsonl`

#![allow(clippy::print_stdout)]

#[path = "support/feature_dump.rs"]
mod feature_dump;

fn main() {
    feature_dump::each_article(|id, text| {
        let samples: Vec<serde_json::Value> = factsheet::quotes::ranker_samples(text)
            .into_iter()
            .map(|s| {
                let cands: Vec<serde_json::Value> = s
                    .candidates
                    .into_iter()
                    .map(|(span, rules, feats)| serde_json::json!({"span": [span.start, span.end], "rules": rules, "feats": feats}))
                    .collect();
                serde_json::json!({
                    "quote": [s.quote.start, s.quote.end],
                    "kind": s.kind.as_str(),
                    "rule": s.rule,
                    "candidates": cands,
                    "null": s.null,
                })
            })
            .collect();
        serde_json::json!({"id": id, "samples": samples})
    });
}
