#!/usr/bin/env bash
# Times factsheet on batches (issue 15, the batch half): the cross-article
# checks on thousands of articles with one new person each, the worksheet
# of a 100 MB batch in each format (memory), and the merge of thousands of
# edited articles into a large sheet. Prints each figure beside its bar and
# exits 1 when a bar fails. Times are CPU time (user+sys, one worker
# thread) and peak memory is the maximum resident set (`/usr/bin/time -f
# %M`): the machine is shared, so wall-clock time says little. Batches are
# built in a temporary folder by scripts/batch_gen.py (deterministic).
# Usage:
#   scripts/batch-scaling.sh [BIN]          (default: target/release/factsheet)
# Environment: PARTS (space separated subset of: cross sheet merge; default
# all), CROSS_SIZES (articles, default "2500 5000 10000 20000"), SHEET_MB
# (default 100), TIMEOUT (seconds a run may take, default 300), KEEP (a folder to keep the batches in, reused when present).
# Takes about three minutes on a release build of this 2-core machine.
set -euo pipefail
root=$(git rev-parse --show-toplevel)
cd "$root"
bin=$(realpath "${1:-target/release/factsheet}")
parts=${PARTS:-cross sheet merge}
cross_sizes=${CROSS_SIZES:-2500 5000 10000 20000}
sheet_mb=${SHEET_MB:-100}
timeout_s=${TIMEOUT:-300}
work=${KEEP:-$(mktemp -d)}
mkdir -p "$work"
[ -z "${KEEP:-}" ] && trap 'rm -rf "$work"' EXIT
gen() { python3 "$root/scripts/batch_gen.py" "$@"; }
failed=0

# run NAME CMD... : runs CMD with stdout to $work/NAME.out; sets cpu (s) and peak (MB).
run() {
  local name=$1
  shift
  local status=0 u s m
  /usr/bin/time -f '%U %S %M' -o "$work/time.txt" timeout "$timeout_s" "$@" > "$work/$name.out" 2> "$work/$name.err" || status=$?
  if [ "$status" -eq 124 ]; then
    echo "$name: killed after ${timeout_s} s" >&2
  elif [ "$status" -gt 1 ]; then
    echo "$name: exit $status: $(tail -3 "$work/$name.err")" >&2
  fi
  read -r u s m < <(tail -1 "$work/time.txt")
  cpu=$(echo "$u + $s" | bc -l)
  peak=$(echo "$m / 1024" | bc -l)
}

# bar LABEL FIGURE OP LIMIT UNIT : prints the figure beside its bar.
bar() {
  local ok
  ok=$(echo "$2 $3 $4" | bc -l)
  if [ "$ok" -eq 1 ]; then
    printf '  %-58s %10.2f %-3s  bar %s %s  ok\n' "$1" "$2" "$5" "$3" "$4"
  else
    printf '  %-58s %10.2f %-3s  bar %s %s  FAILED\n' "$1" "$2" "$5" "$3" "$4"
    failed=1
  fi
}

count_cross() { grep -c '"type":"cross' "$1" || true; }

if [[ " $parts " == *" cross "* ]]; then
  echo "cross-article checks: one new person per article (-j 1, --format jsonl)"
  printf '  %8s %9s %9s %9s %9s %9s %10s %8s\n' articles cpu_on cpu_off added_s peak_on peak_off B/article findings
  for n in $cross_sizes; do
    f="$work/cross-$n.jsonl"
    [ -f "$f" ] || gen news "$n" "$f"
    run on "$bin" check -j 1 --input jsonl --format jsonl "$f"
    on_cpu=$cpu on_peak=$peak
    found=$(count_cross "$work/on.out")
    run off "$bin" check -j 1 --input jsonl --format jsonl --no-cross "$f"
    added=$(echo "$on_cpu - $cpu" | bc -l)
    per=$(echo "($on_peak - $peak) * 1048576 / $n" | bc -l)
    printf '  %8d %9.2f %9.2f %9.2f %9.1f %9.1f %10.0f %8d\n' "$n" "$on_cpu" "$cpu" "$added" "$on_peak" "$peak" "$per" "$found"
  done
  bar "cross checks add, at $n articles (s, CPU)" "$added" "<" 1.0 s
  bar "cross state per article, at $n articles (bytes of peak)" "$per" "<" 1024 B
fi

if [[ " $parts " == *" sheet "* ]]; then
  f="$work/sheet-$sheet_mb.jsonl"
  # About 2.8 KB an article.
  [ -f "$f" ] || gen news $((sheet_mb * 1000000 / 2800)) "$f" --long
  mb=$(echo "$(stat -c %s "$f") / 1000000" | bc -l)
  printf 'worksheet of a %.0f MB batch (%d articles), peak memory\n' "$mb" "$(wc -l < "$f")"
  run plain "$bin" check --input jsonl --format jsonl "$f"
  base=$peak
  printf '  %-58s %10.2f MB  (%.1f s CPU)\n' "no worksheet" "$base" "$cpu"
  rm -f "$work/sheet.csv" "$work/sheet.xlsx"
  run csv "$bin" check --input jsonl --format jsonl -o "$work/sheet.csv" "$f"
  rows=$(($(wc -l < "$work/sheet.csv") - 1))
  sheet_size=$(echo "$(stat -c %s "$work/sheet.csv") / 1048576" | bc -l)
  bar "-o sheet.csv, new ($rows rows, $(printf %.0f "$sheet_size") MB; $(printf %.1f "$cpu") s CPU)" "$peak" "<" 200 MB
  run stdout "$bin" check --input jsonl --format csv "$f"
  bar "--format csv to stdout ($(printf %.1f "$cpu") s CPU)" "$peak" "<" 200 MB
  # A spreadsheet holds at most 1,048,575 rows: half the batch fits.
  head -n $(($(wc -l < "$f") / 2)) "$f" > "$work/half.jsonl"
  run xlsx "$bin" check --input jsonl --format jsonl -o "$work/sheet.xlsx" "$work/half.jsonl"
  bar "-o sheet.xlsx of half the batch, new ($(printf %.1f "$cpu") s CPU)" "$peak" "<" 200 MB
  run merge "$bin" check --input jsonl --format jsonl -o "$work/sheet.csv" "$f"
  held=$(echo "$peak - $base" | bc -l)
  printf '  %-58s %10.2f MB  (%.1f s CPU; %s)\n' "-o sheet.csv, merged into the sheet above" "$peak" "$cpu" "$(tail -2 "$work/merge.err" | head -1 | sed 's/.*: //')"
  bar "  merge: memory above the run without a sheet, per MB of sheet" "$(echo "$held / $sheet_size" | bc -l)" "<" 2.0 x
fi

if [[ " $parts " == *" merge "* ]]; then
  echo "worksheet merge of edited articles (-j 1)"
  f="$work/merge.jsonl"
  e="$work/merge-edited.jsonl"
  [ -f "$f" ] || gen news 3000 "$f"
  [ -f "$e" ] || gen news 3000 "$e" --edit
  rm -f "$work/merge.csv"
  run first "$bin" check -j 1 --input jsonl --format jsonl -o "$work/merge.csv" "$f"
  rows=$(($(wc -l < "$work/merge.csv") - 1))
  printf '  %-58s %10.2f s\n' "3,000 articles, new sheet of $rows rows" "$cpu"
  cp "$work/merge.csv" "$work/merge-0.csv"
  run same "$bin" check -j 1 --input jsonl --format jsonl -o "$work/merge.csv" "$f"
  printf '  %-58s %10.2f s\n' "the same 3,000 again ($(tail -2 "$work/same.err" | head -1 | sed 's/.*: //'))" "$cpu"
  cp "$work/merge-0.csv" "$work/merge.csv"
  run edited "$bin" check -j 1 --input jsonl --format jsonl -o "$work/merge.csv" "$e"
  bar "3,000 edited ($(tail -2 "$work/edited.err" | head -1 | sed 's/.*: //'))" "$cpu" "<" 5.0 s
  # One article whose every count and day is edited between two runs.
  mkdir -p "$work/one"
  a="$work/one/article.txt"
  for sentences in 185 372 750 3000; do
    gen numbers "$sentences" "$a"
    rm -f "$work/one.csv"
    "$bin" check --format jsonl -o "$work/one.csv" "$a" > /dev/null 2>&1
    gen numbers "$sentences" "$a" --edit
    run one "$bin" check -j 1 --format jsonl -o "$work/one.csv" "$a"
    changed=$(tail -2 "$work/one.err" | head -1 | sed 's/.*changed \([0-9]*\).*/\1/')
    if [ "$sentences" -eq 3000 ]; then
      bar "one article, $changed rows edited" "$cpu" "<" 1.0 s
    else
      printf '  %-58s %10.2f s\n' "one article, $changed rows edited" "$cpu"
    fi
  done
fi
exit $failed
