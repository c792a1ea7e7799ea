//! The scaling budget (issue 15): a property test that builds long
//! adversarial articles (each pathological kind alone, then random mixes
//! of them) and checks that analysing one and writing its JSON Lines costs
//! no more per KB at the large size than at the small one (times
//! `SCALING_RATIO`, default 2.5: a quadratic stage costs ten times as much
//! per KB at ten times the size), and at most `SCALING_BUDGET` seconds per
//! MB (default 1.0) at the large size. A timing check, so it is run in
//! release mode by `scripts/scaling-budget.sh`, not as a unit test. Sizes:
//! `SCALING_SMALL_KB` (200) and `SCALING_LARGE_KB` (2000); random mixes:
//! `SCALING_CASES` (6). Exits non-zero on the first article over budget.

#![allow(clippy::print_stderr, clippy::print_stdout)]

use std::time::Instant;

use factsheet::{Selection, analyze_text, render::jsonl};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};

#[path = "../benches/support/adversarial.rs"]
mod adversarial;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn env<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Seconds per KB of the best of `runs` runs (the machine may be shared).
fn per_kb(text: &str, runs: usize) -> f64 {
    let best = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let a = analyze_text("budget.txt", text, &Selection::default());
            std::hint::black_box(jsonl::article(&a).len());
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min);
    best / (text.len() as f64 / 1000.0)
}

struct Budget {
    small: usize,
    large: usize,
    ratio: f64,
    per_mb: f64,
}

impl Budget {
    fn check(&self, kinds: &[&str], seed: u64) -> Result<(), TestCaseError> {
        let small = per_kb(&adversarial::mixed(kinds, self.small * 1000, seed), 3);
        let large = per_kb(&adversarial::mixed(kinds, self.large * 1000, seed), 2);
        let name = kinds.join("+");
        println!(
            "{name:<28} seed {seed:>20}  {:7.3} s/MB at {} KB  {:7.3} s/MB at {} KB  ×{:.2}",
            small * 1000.0,
            self.small,
            large * 1000.0,
            self.large,
            large / small
        );
        prop_assert!(
            large <= self.ratio * small,
            "{name}: time per KB grows {:.1}× from {} KB to {} KB (budget {}×)",
            large / small,
            self.small,
            self.large,
            self.ratio
        );
        prop_assert!(
            large * 1000.0 <= self.per_mb,
            "{name}: {:.2} s per MB at {} KB (budget {})",
            large * 1000.0,
            self.large,
            self.per_mb
        );
        Ok(())
    }
}

fn main() -> std::process::ExitCode {
    let budget = Budget {
        small: env("SCALING_SMALL_KB", 200),
        large: env("SCALING_LARGE_KB", 2000),
        ratio: env("SCALING_RATIO", 2.5),
        per_mb: env("SCALING_BUDGET", 1.0),
    };
    // Lexicons and tables are built on first use: not part of any size.
    per_kb(&adversarial::mixed(&adversarial::KINDS, 20_000, 1), 1);
    let mut failed = false;
    for kind in adversarial::KINDS {
        if let Err(e) = budget.check(&[kind], 15) {
            eprintln!("over budget: {e}");
            failed = true;
        }
    }
    let config = Config {
        cases: env("SCALING_CASES", 6),
        max_shrink_iters: 0,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha));
    let mixes = (
        prop::collection::vec(prop::sample::select(adversarial::KINDS.to_vec()), 2..5),
        any::<u64>(),
    );
    if let Err(e) = runner.run(&mixes, |(kinds, seed)| budget.check(&kinds, seed)) {
        eprintln!("over budget: {e}");
        failed = true;
    }
    if failed {
        std::process::ExitCode::FAILURE
    } else {
        std::process::ExitCode::SUCCESS
    }
}
