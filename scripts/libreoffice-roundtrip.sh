#!/usr/bin/env bash
# Round-trips a factsheet worksheet through LibreOffice Calc (CSV → XLSX →
# CSV), re-runs factsheet on it and reports what survived. Needs
# `apt-get install libreoffice-calc`. Usage: scripts/libreoffice-roundtrip.sh [ARTICLE]
# The .xlsx worksheet's round trip (a verdict changed in LibreOffice kept by
# a re-run) is a test: tests/libreoffice.rs.
set -euo pipefail
article=${1:-data/articles/ice-massachusetts.txt}
bin=${FACTSHEET_BIN:-target/release/factsheet}
work=$(mktemp -d)
"$bin" check "$article" -o "$work/sheet.csv" --excel --format jsonl >/dev/null
# A verdict, an evidence cell that looks like a formula, and an extra column, as a journalist would add.
python3 - "$work/sheet.csv" <<'PY'
import csv, sys
p = sys.argv[1]
rows = list(csv.DictReader(open(p, encoding="utf-8-sig")))
cols = list(rows[0].keys()) + ["desk"]
rows[0].update(verdict="Verified", evidence="'=HYPERLINK(\"https://example.org\")", desk="métro")
with open(p, "w", encoding="utf-8-sig", newline="") as f:
    w = csv.DictWriter(f, cols); w.writeheader(); [w.writerow(r) for r in rows]
PY
# 76 = UTF-8. Without the import filter LibreOffice guesses the charset.
soffice --headless --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir "$work" "$work/sheet.csv" >/dev/null 2>&1
mkdir -p "$work/back"
soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$work/back" "$work/sheet.xlsx" >/dev/null 2>&1
python3 - "$work/sheet.csv" "$work/back/sheet.csv" <<'PY'
import csv, sys
a = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")))
b = list(csv.DictReader(open(sys.argv[2], encoding="utf-8-sig")))
diff = [(k, x[k], y.get(k)) for x, y in zip(a, b) for k in x if x[k] != y.get(k)]
print(f"rows {len(a)} -> {len(b)}; columns kept: {list(a[0]) == list(b[0])}; cells changed: {len(diff)}")
for k, x, y in diff[:10]:
    print(f"  {k}: {x!r} -> {y!r}")
PY
"$bin" check "$article" -o "$work/back/sheet.csv" --format jsonl >/dev/null
python3 -c "import csv,sys; r=list(csv.DictReader(open(sys.argv[1],encoding='utf-8-sig'))); print('after re-run: verdict', r[0]['verdict'], '| evidence', r[0]['evidence'], '| desk', r[0]['desk'])" "$work/back/sheet.csv"
