//! Writes what the learned attribution gate reads of each cue reading,
//! for its training script (`scripts/train_attribution_gate.py`): JSON
//! Lines in (`{"id","text"}` a line, on stdin), one line out per article
//! with every cue reading ungated (cue, content, source, features) and
//! the attributions the pipeline makes when the gate keeps them all.
//! `cargo run --profile fast --example attribution_gate_features < articles.jsonl`

#![allow(clippy::print_stdout)]

#[path = "support/feature_dump.rs"]
mod feature_dump;

fn span(s: factsheet::Span) -> serde_json::Value {
    serde_json::json!([s.start, s.end])
}

fn main() {
    feature_dump::each_article(|id, text| {
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
        serde_json::json!({"id": id, "samples": samples, "attributions": attributions})
    });
}
