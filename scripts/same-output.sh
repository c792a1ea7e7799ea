#!/usr/bin/env bash
# Checks that a change left factsheet's output alone: builds REV (default
# HEAD) in a scratch worktree, runs it and the working tree's build over the
# same articles, and compares the JSON Lines and the worksheet byte for byte.
# For speed work, where any difference is a bug. Usage:
#   scripts/same-output.sh [REV] [ARTICLE_OR_FOLDER ...]
# Without articles it uses the evaluation texts (../shared/eval/*/texts),
# the test fixtures and the sample article.
set -euo pipefail
rev=${1:-HEAD}
shift || true
root=$(git rev-parse --show-toplevel)
cd "$root"
if [ $# -eq 0 ]; then
  set -- tests/fixtures/*.txt data/articles/*.txt
  for d in ../shared/eval/*/texts; do [ -d "$d" ] && set -- "$@" "$d"; done
fi
inputs=()
for a in "$@"; do inputs+=("$(realpath "$a")"); done
work=$(mktemp -d)
trap 'git worktree remove --force "$work/tree" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --detach -q "$work/tree" "$rev"
(cd "$work/tree" && CARGO_TARGET_DIR="$work/target" cargo build --release -q)
cargo build --release -q
run() { # BIN OUT_PREFIX
  "$1" check --format jsonl "${inputs[@]}" > "$2.jsonl" 2>/dev/null || true
  "$1" check --format csv -o "$2.sheet.csv" "${inputs[@]}" > /dev/null 2>&1 || true
}
run "$work/target/release/factsheet" "$work/before"
run target/release/factsheet "$work/after"
status=0
for f in jsonl sheet.csv; do
  if cmp -s "$work/before.$f" "$work/after.$f"; then
    echo "same $f ($(wc -l < "$work/after.$f") lines)"
  else
    echo "DIFFERENT $f:"
    diff <(tr ',' '\n' < "$work/before.$f") <(tr ',' '\n' < "$work/after.$f") | head -20 || true
    status=1
  fi
done
exit $status
