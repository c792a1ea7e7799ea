//! Writes what the learned attribution gate reads of each cue reading,
//! for its training script (`scripts/train_attribution_gate.py`): JSON
//! Lines in (`{"id","text"}` a line, on stdin), one line out per article
//! with every cue reading ungated (cue, content, source, features) and
//! the attributions the pipeline makes when the gate keeps them all.
//! `cargo run --profile fast --example attribution_gate_features < articles.jsonl`

#![allow(clippy::print_stdout)]

use std::io::{BufRead, Write};

fn span(s: factsheet::Span) -> serde_json::Value {
    serde_json::json!([s.start, s.end])
}

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
        let (samples, attributions) = factsheet::attributions::gate_samples(text);
        let samples: Vec<serde_json::Value> = samples
            .into_iter()
            .map(|s| {
                serde_json::json!({
                    "cue": span(s.cue),
                    "content": s.content.iter().map(|c| span(*c)).collect::<Vec<_>>(),
                    "source": s.source.map(span),
                    "feats": s.feats,
                })
            })
            .collect();
        let attributions: Vec<serde_json::Value> = attributions
            .iter()
            .map(|a| {
                serde_json::json!({
                    "cue": a.cue.map(span),
                    "content": a.content.iter().map(|c| span(*c)).collect::<Vec<_>>(),
                    "speaker": a.speaker.as_ref().map(|s| span(s.span)),
                    "rule": a.rule,
                })
            })
            .collect();
        let row = serde_json::json!({"id": id, "samples": samples, "attributions": attributions});
        if writeln!(out, "{row}").is_err() {
            break;
        }
    }
}
