//! End-to-end analysis throughput (ingest → worksheet rows) over a corpus
//! built from the project's own fixture articles, single-threaded and on
//! all cores. Criterion reports bytes/s; articles/s is bytes/s divided by
//! the mean article size printed at the start.

#![allow(clippy::print_stderr)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use factsheet::{Selection, analyze_text, worksheet};
use rayon::prelude::*;

/// The same allocator as the binary, so the figures are the command's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The fixtures, repeated with small edits so no two articles are equal.
fn corpus(n: usize) -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut base: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    base.push(include_str!("../data/articles/ice-massachusetts.txt").to_string());
    (0..n)
        .map(|i| {
            let text = base[i % base.len()].replace("96", &(90 + i % 9).to_string());
            (format!("article-{i}.txt"), text)
        })
        .collect()
}

fn analyse_one(path: &str, text: &str) -> usize {
    let a = analyze_text(path, text, &Selection::default());
    worksheet::rows(&a).len()
}

fn bench(c: &mut Criterion) {
    let docs = corpus(60);
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    eprintln!(
        "corpus: {} articles, {} bytes, {} bytes/article",
        docs.len(),
        bytes,
        bytes / docs.len()
    );
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("single_thread", |b| {
        b.iter(|| docs.iter().map(|(p, t)| analyse_one(p, black_box(t))).sum::<usize>())
    });
    g.bench_function("all_cores", |b| {
        b.iter(|| {
            docs.par_iter()
                .map(|(p, t)| analyse_one(p, black_box(t)))
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
