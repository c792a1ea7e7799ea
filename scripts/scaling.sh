#!/usr/bin/env bash
# Times factsheet on one long, pathological article of each kind the
# scaling issue lists (normal news repeated, one line without a newline,
# all quotation marks, thousands of distinct names, thousands of numbers
# and dates) at several sizes, and prints seconds, seconds per MB, peak
# memory and how many findings came out. Time per MB must not rise with
# the size. Usage:
#   scripts/scaling.sh [BIN] [SIZES_KB...]     (defaults: target/release/factsheet, 10 100 1000 10000)
# Environment: TIMEOUT (seconds per run, default 60), KINDS (space separated
# subset of: news oneline quotes names numbers), KEEP (a folder to keep the
# generated articles in).
set -euo pipefail
root=$(git rev-parse --show-toplevel)
cd "$root"
bin=${1:-target/release/factsheet}
shift || true
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10 100 1000 10000)
timeout_s=${TIMEOUT:-60}
kinds=${KINDS:-news oneline quotes names numbers}
work=${KEEP:-$(mktemp -d)}
mkdir -p "$work"
[ -z "${KEEP:-}" ] && trap 'rm -rf "$work"' EXIT

# One article of KIND, SIZE_KB kilobytes, written to OUT. Deterministic.
generate() {
  python3 - "$1" "$2" "$3" "$root/data/articles/ice-massachusetts.txt" <<'PY'
import random, sys
kind, kb, out, sample = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
size = kb * 1000
rnd = random.Random(15)
first = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas",
         "Kofi", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tariq"]
syll = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "be", "do", "fe", "gu", "ha", "ji", "ko", "pe"]
months = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
nouns = ["people", "workers", "students", "arrests", "homes", "cars", "jobs", "votes"]
def surname(i):
    s = ""
    while True:
        s += syll[i % len(syll)]
        i //= len(syll)
        if i == 0:
            return s.capitalize()
parts = []
n = 0
i = 0
while n < size:
    if kind in ("news", "oneline"):
        piece = open(sample, encoding="utf-8").read() + "\n"
        if kind == "oneline":
            piece = piece.replace("\n", " ")
    elif kind == "quotes":
        piece = rnd.choice(['"', "“", "”", "\u201c“", '" "', "«", "»", "'", '"Yes," ', "“No.” "])
    elif kind == "names":
        name = f"{first[i % len(first)]} {surname(i)}{surname(i * 7 + 3)}"
        piece = f"“We will look at it,” said {name}, a spokesman for the {surname(i + 11)} council. {name.split()[1]} added that “nothing is decided.”\n"
    else:  # numbers and dates
        d1 = rnd.randint(1, 20)
        m = rnd.choice(months)
        piece = (f"{rnd.randint(2, 999)} {rnd.choice(nouns)} died on {m} {d1}, {rnd.randint(1990, 2030)}. "
                 f"The {rnd.randint(2, 5)}-day strike ran from {m} {d1} to {m} {d1 + rnd.randint(1, 8)}. "
                 f"Of the {rnd.randint(100, 999)} {rnd.choice(nouns)}, {rnd.randint(1, 99)} were men and "
                 f"{rnd.randint(1, 99)} were women, or {rnd.randint(1, 99)}% of ${rnd.randint(1, 900)} million.\n")
    parts.append(piece)
    n += len(piece.encode("utf-8"))
    i += 1
text = "".join(parts).encode("utf-8")[:size].decode("utf-8", "ignore")
open(out, "w", encoding="utf-8").write(text)
PY
}

printf '%-8s %9s %9s %9s %10s %9s\n' kind size_KB seconds s_per_MB peak_MB findings
for kind in $kinds; do
  for kb in "${sizes[@]}"; do
    f="$work/$kind-$kb.txt"
    [ -f "$f" ] || generate "$kind" "$kb" "$f"
    start=$(date +%s.%N)
    status=0
    /usr/bin/time -v -o "$work/time.txt" timeout "$timeout_s" "$bin" check --format jsonl "$f" \
      > "$work/out.jsonl" 2>/dev/null || status=$?
    end=$(date +%s.%N)
    secs=$(echo "$end - $start" | bc -l)
    peak_kb=$(awk -F': ' '/Maximum resident/ {print $2}' "$work/time.txt")
    findings=$(python3 -c 'import json,sys
n=0
for l in open(sys.argv[1]):
    try: o=json.loads(l)
    except Exception: continue
    n+=len(o.get("findings",[])) if o.get("type")=="article" else 0
print(n)' "$work/out.jsonl" 2>/dev/null || echo "?")
    if [ "$status" -eq 124 ]; then
      printf '%-8s %9s %9s %9s %10s %9s\n' "$kind" "$kb" ">$timeout_s" "-" "-" "killed"
    else
      printf '%-8s %9s %9.2f %9.2f %10.1f %9s\n' "$kind" "$kb" "$secs" \
        "$(echo "$secs * 1000 / $kb" | bc -l)" "$(echo "${peak_kb:-0} / 1024" | bc -l)" "$findings"
    fi
  done
done
