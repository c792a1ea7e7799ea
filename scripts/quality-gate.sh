#!/usr/bin/env bash
# The quality gate: builds the release binary, runs every scorer in
# ../shared/eval and compares each figure with its floor in
# quality/floors.toml. Fails (exit 1) with one line per figure below its
# floor; exit 2 when the gate cannot run at all (no ../shared, no python3).
#   scripts/quality-gate.sh              gate (CI runs this after the tests)
#   scripts/quality-gate.sh --report     every figure beside its floor
#   scripts/quality-gate.sh --ratchet    raise the floors a change has beaten
#   scripts/quality-gate.sh --self-test  also check that the gate fails when a
#                                        floor is set above its figure
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
shared=${FACTSHEET_SHARED:-$root/../shared}
if [ ! -d "$shared/eval" ]; then
  echo "quality-gate: no evaluation sets at $shared/eval: the gate needs ../shared beside the checkout" >&2
  exit 2
fi
command -v python3 >/dev/null || { echo "quality-gate: python3 not found" >&2; exit 2; }
self_test=false
args=()
for a in "$@"; do
  if [ "$a" = --self-test ]; then self_test=true; else args+=("$a"); fi
done
cargo build --release -q
export FACTSHEET_SHARED=$shared
if ! $self_test; then
  exec python3 scripts/quality_gate.py "${args[@]}"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/quality_gate.py --save-figures "$work/figures.json" "${args[@]}"
# A floor above its figure must fail the gate, naming the figure.
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
figures = json.load(open(f"{work}/figures.json"))
name = "polnear-train.mention_attribution_f1"
head, tail = name.split(".", 1)
open(f"{work}/floors.toml", "w").write(f"[{head}]\n{tail} = {min(figures[name] + 0.01, 1.0):.3f}\n")
PY
if python3 scripts/quality_gate.py --figures "$work/figures.json" --floors "$work/floors.toml" > "$work/out" 2>&1; then
  echo "quality-gate: self-test failed: a floor above its figure passed" >&2
  exit 1
fi
grep -q '^polnear-train mention_attribution_f1 .* < floor ' "$work/out" || {
  echo "quality-gate: self-test failed: no failure line for the raised floor" >&2
  cat "$work/out" >&2
  exit 1
}
echo "quality-gate: self-test passed (a raised floor fails the gate)" >&2
