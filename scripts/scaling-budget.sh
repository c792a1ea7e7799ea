#!/usr/bin/env bash
# The scaling budget of issue 15: builds long adversarial articles (each
# pathological kind, then random mixes from a property test) at a small and
# a large size, and fails if time per KB grows with the size (a quadratic
# stage is back) or the large size costs more than the budget per MB. See
# examples/scaling_budget.rs for the knobs (SCALING_SMALL_KB, SCALING_LARGE_KB,
# SCALING_RATIO, SCALING_BUDGET, SCALING_CASES). Release mode by default;
# PROFILE=fast for a quicker build while working. Usage:
#   scripts/scaling-budget.sh
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
profile=${PROFILE:-release}
cargo run -q --profile "$profile" --example scaling_budget
