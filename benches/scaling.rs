//! The `scaling` group (issue 15): one article of each pathological kind at
//! 10 KB, 100 KB, 1 MB and 10 MB, analysed and written as JSON Lines on one
//! thread. Time per MB must not rise with the size. Criterion's smallest
//! sample (10) keeps the run to a few minutes; each size's seconds per MB
//! from one timed run are printed first, as `scripts/scaling.sh` prints
//! them. `SCALING_MAX_KB` (default 10000) leaves out larger sizes.

#![allow(clippy::print_stderr)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use factsheet::{Selection, analyze_text, render::jsonl};

#[path = "support/adversarial.rs"]
mod adversarial;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn run(text: &str) -> usize {
    let a = analyze_text("scaling.txt", text, &Selection::default());
    jsonl::article(&a).len()
}

fn bench(c: &mut Criterion) {
    let max_kb: usize = std::env::var("SCALING_MAX_KB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10);
    g.warm_up_time(Duration::from_millis(200));
    g.measurement_time(Duration::from_secs(2));
    for kind in adversarial::KINDS {
        for kb in [10, 100, 1_000, 10_000].into_iter().filter(|&kb| kb <= max_kb) {
            let text = adversarial::article(kind, kb * 1000);
            let t = Instant::now();
            black_box(run(&text));
            let secs = t.elapsed().as_secs_f64();
            eprintln!(
                "scaling {kind:<8} {kb:>6} KB  {secs:8.3} s  {:7.3} s/MB",
                secs * 1000.0 / kb as f64
            );
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(kind, format!("{kb}KB")), &text, |b, t| {
                b.iter(|| run(black_box(t)))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
