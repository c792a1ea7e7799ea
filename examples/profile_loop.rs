//! Runs the analysis over the `text` fields of a JSON Lines file, `REPS`
//! times, single-threaded, for profilers (`perf record`, `valgrind
//! --tool=callgrind`): `cargo run --release --example profile_loop -- FILE
//! [REPS]`. The benchmark is `benches/pipeline.rs`; this is for finding where
//! its time goes.

#![allow(clippy::print_stderr)]

use factsheet::{Selection, analyze_text, worksheet};
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
fn main() {
    let path = std::env::args().nth(1).expect("jsonl path");
    let reps: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let docs: Vec<String> = std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["text"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.len()).sum::<usize>() * reps;
    let t = std::time::Instant::now();
    let mut rows = 0;
    for _ in 0..reps {
        for d in &docs {
            let a = analyze_text("x.txt", d, &Selection::default());
            rows += worksheet::rows(&a).len();
        }
    }
    let s = t.elapsed().as_secs_f64();
    eprintln!("{rows} rows, {:.2} MB/s", bytes as f64 / s / 1e6);
}
