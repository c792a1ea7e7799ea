#!/usr/bin/env python3
"""The quality gate: every evaluation figure against its floor.

Runs the scorers in ../shared/eval over the release binary, flattens their
JSON into named figures (`polnear-train.mention_attribution_f1`), and compares
each with its floor in quality/floors.toml. A figure below its floor (above
its ceiling, for the lower-is-better figures) fails the gate with one line:

    polnear-train mention_attribution_f1 0.851 < floor 0.860

usage (from the project root; scripts/quality-gate.sh builds the binary first):
  scripts/quality_gate.py [--report] [--ratchet] [--floors FILE] [--figures JSON]
                          [--save-figures JSON] [--bin PATH] [--shared DIR]

  --report        print every figure beside its floor as a table (still fails
                  when one is below)
  --ratchet       raise every floor (lower every ceiling) that a figure beats,
                  rewriting floors.toml in place; comments are kept
  --figures JSON  compare figures saved earlier (by --save-figures) instead of
                  running the scorers: how the gate itself is tested

Standard library only (python3 >= 3.11, for tomllib).
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Figures where lower is better: their floor is a ceiling.
LOWER_IS_BETTER = {
    "false_findings_per_clean_doc",
    "errors_per_100",
    "warnings_per_100",
    "cross_warnings_per_100",
    "articles_with_error_pct",
    "articles_with_warning_pct",
    "labelled_false_still_raised",
    "labelled_cross_false_still_raised",
}

QUOTE_FIGURES = ["quote_recall", "quote_precision", "speaker_acc", "attribution_f1", "mention_attribution_f1"]
CLAIM_FIGURES = ["claim_recall", "claim_precision", "kind_acc", "value_acc"]
FINDING_FIGURES = ["recall", "recall_strict", "false_findings_per_clean_doc", "precision_planted"]


class GateError(Exception):
    """A problem that stops the gate before any figure is compared."""


def run_json(cmd, what):
    """Runs a scorer and parses the JSON it prints on stdout."""
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    out = proc.stdout.strip()
    try:
        return json.loads(out)
    except json.JSONDecodeError:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise GateError(f"{what} failed (exit {proc.returncode}): {last}")


def set_figures(shared, binary):
    """run_factsheet.py --json over every set that has a gold.jsonl."""
    eval_dir = os.path.join(shared, "eval")
    sets = sorted(
        d for d in os.listdir(eval_dir) if os.path.isfile(os.path.join(eval_dir, d, "gold.jsonl"))
    )
    cmd = [sys.executable, os.path.join(eval_dir, "run_factsheet.py"), "--json", "--bin", binary]
    for s in sets:
        cmd += ["--set", s]
    figures = {}
    for result in run_json(cmd, "run_factsheet.py"):
        name = result["set"]
        if result.get("exit_code") not in (0, 1):
            raise GateError(f"{name}: factsheet exited with {result.get('exit_code')}")
        for group, keys in (("quotes", QUOTE_FIGURES), ("claims", CLAIM_FIGURES), ("findings", FINDING_FIGURES)):
            for key in keys:
                value = (result.get(group) or {}).get(key)
                if isinstance(value, (int, float)):
                    figures[f"{name}.{key}"] = float(value)
        per_type = (result.get("findings") or {}).get("per_type") or {}
        for kind, row in sorted(per_type.items()):
            if isinstance(row.get("recall"), (int, float)):
                figures[f"{name}.findings_recall.{kind}"] = float(row["recall"])
    return figures


def conformance_figures(shared, binary, tmp):
    """conformance/score.py: the share of expected claims with the right value, overall and per kind."""
    cases = os.path.join(shared, "eval", "conformance", "cases.dev.jsonl")
    out = os.path.join(tmp, "conformance.json")
    proc = subprocess.run(
        [sys.executable, os.path.join(shared, "eval", "conformance", "score.py"), cases, "--bin", binary, "--json", out],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if proc.returncode not in (0, 1) or not os.path.exists(out):
        raise GateError(f"conformance/score.py failed (exit {proc.returncode})")
    with open(out, encoding="utf-8") as f:
        data = json.load(f)
    figures = {"conformance.value": data["value"] / data["items"], "conformance.span": data["span"] / data["items"]}
    per_kind = {}
    for category, row in data["per_category"].items():
        kind = category.split("/", 1)[-1]
        items, value = per_kind.get(kind, (0, 0))
        per_kind[kind] = (items + row["items"], value + row["value"])
    for kind, (items, value) in sorted(per_kind.items()):
        if items:
            figures[f"conformance.value.{kind}"] = value / items
    return figures


def fraction(text):
    """'19/20' as 0.95; None for an empty sample."""
    num, den = text.split("/")
    return int(num) / int(den) if int(den) else None


def alarm_figures(shared, binary):
    """real-news-alarms/score_alarms.py: findings per 100 real articles and the labelled sample."""
    data = run_json(
        [sys.executable, os.path.join(shared, "eval", "real-news-alarms", "score_alarms.py"), "--json", "--bin", binary],
        "score_alarms.py",
    )
    figures = {}
    for key in ("errors_per_100", "warnings_per_100", "cross_warnings_per_100"):
        figures[f"real-news-alarms.{key}"] = float(data["rates"][key])
    sample = data["sample"]
    pairs = {
        "labelled_false_still_raised": "article_false_still_raised",
        "labelled_true_still_raised": "article_true_still_raised",
        "labelled_cross_false_still_raised": "cross_false_still_raised",
        "labelled_cross_true_still_raised": "cross_true_still_raised",
    }
    for name, key in pairs.items():
        value = fraction(sample[key])
        if value is not None:
            figures[f"real-news-alarms.{name}"] = value
    return figures


def attribution_figures(shared, binary):
    """score_attributions.py, once the tool writes an `attributions` list."""
    data = run_json(
        [sys.executable, os.path.join(shared, "eval", "score_attributions.py"), "--json", "--bin", binary],
        "score_attributions.py",
    )
    if "error" in data:
        return {}, data["error"]
    figures = {}
    for key, value in data.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool) and key.endswith(("_f1", "_acc", "_recall", "_precision")):
            figures[f"attributions.{key}"] = float(value)
    return figures, None


def measure(shared, binary):
    if not os.path.isdir(os.path.join(shared, "eval")):
        raise GateError(
            f"no evaluation sets at {os.path.join(shared, 'eval')}: the gate needs ../shared beside the checkout"
        )
    if not os.access(binary, os.X_OK):
        raise GateError(f"no binary at {binary}: run `cargo build --release` first")
    import tempfile

    notes = []
    with tempfile.TemporaryDirectory() as tmp:
        figures = set_figures(shared, binary)
        figures.update(conformance_figures(shared, binary, tmp))
        figures.update(alarm_figures(shared, binary))
        attrs, why = attribution_figures(shared, binary)
        figures.update(attrs)
        if why:
            notes.append(f"attributions: not scored yet ({why})")
    return figures, notes


def load_floors(path):
    """floors.toml as {"set.figure": floor}: one table per set, dotted keys below it."""
    with open(path, "rb") as f:
        data = tomllib.load(f)
    floors = {}

    def walk(prefix, table):
        for key, value in table.items():
            name = f"{prefix}.{key}" if prefix else key
            if isinstance(value, dict):
                walk(name, value)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                floors[name] = float(value)
            else:
                raise GateError(f"{path}: {name} is not a number")

    walk("", data)
    return floors


def lower_is_better(name):
    return name.rsplit(".", 1)[-1] in LOWER_IS_BETTER


def split_name(name):
    """'polnear-train.findings_recall.sum_mismatch' as ('polnear-train', 'findings_recall.sum_mismatch')."""
    head, _, tail = name.partition(".")
    return head, tail


def shown(value, floor):
    """The value to the third decimal, or the fourth when the third would read as the floor."""
    text = f"{value:.3f}"
    return f"{value:.4f}" if text == f"{floor:.3f}" else text


def compare(figures, floors):
    """One failure line per figure past its floor, and per floor whose figure is missing."""
    failures = []
    for name, floor in sorted(floors.items()):
        head, tail = split_name(name)
        if name not in figures:
            failures.append(f"{head} {tail} missing (floor {floor:.3f}): the scorer no longer reports it")
            continue
        value = figures[name]
        if lower_is_better(name):
            if value > floor + 1e-9:
                failures.append(f"{head} {tail} {shown(value, floor)} > ceiling {floor:.3f}")
        elif value < floor - 1e-9:
            failures.append(f"{head} {tail} {shown(value, floor)} < floor {floor:.3f}")
    return failures


def round_floor(name, value):
    """Floors round down to the third decimal, ceilings up: the gate never fails on rounding."""
    if lower_is_better(name):
        return math.ceil(value * 1000 - 1e-6) / 1000
    return math.floor(value * 1000 + 1e-6) / 1000


def report(figures, floors):
    names = sorted(set(figures) | set(floors))
    width = max(len(n) for n in names) if names else 10
    lines = [f"{'figure':<{width}}  {'value':>8}  {'floor':>8}  {'':<7}  status"]
    lines.append("-" * (width + 36))
    for name in names:
        value = figures.get(name)
        floor = floors.get(name)
        kind = "ceiling" if lower_is_better(name) else "floor"
        if value is None:
            status = "MISSING"
        elif floor is None:
            status = "no floor"
        elif (value > floor + 1e-9) if lower_is_better(name) else (value < floor - 1e-9):
            status = "FAIL"
        elif round_floor(name, value) != floor:
            status = "ok, can ratchet"
        else:
            status = "ok"
        shown_value = f"{value:.4f}" if value is not None else "—"
        shown_floor = f"{floor:.3f}" if floor is not None else "—"
        lines.append(f"{name:<{width}}  {shown_value:>8}  {shown_floor:>8}  {kind:<7}  {status}")
    return "\n".join(lines)


def ratchet(path, figures, floors):
    """Rewrites floors.toml with every floor moved up to its figure; adds floors for new figures."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    section = ""
    seen = set()
    changed = []
    out = []
    for line in lines:
        # A section header, perhaps with a comment after it ("# added by --ratchet").
        m = re.match(r'^\s*\[\s*"?([^"\]]+)"?\s*\]\s*(#.*)?$', line)
        if m:
            section = m.group(1).strip()
        m = re.match(r'^(\s*)("?)([A-Za-z0-9_.\-]+)\2(\s*=\s*)([0-9.eE+\-]+)(.*)$', line)
        if m and section:
            name = f"{section}.{m.group(3)}"
            seen.add(name)
            if name in figures:
                new = round_floor(name, figures[name])
                old = floors[name]
                better = new < old if lower_is_better(name) else new > old
                if better:
                    line = f"{m.group(1)}{m.group(2)}{m.group(3)}{m.group(2)}{m.group(4)}{new:.3f}{m.group(6)}"
                    changed.append(f"{name}: {old:.3f} -> {new:.3f}")
        out.append(line)
    missing = sorted(n for n in figures if n not in seen)
    if missing:
        by_section = {}
        for name in missing:
            head, tail = split_name(name)
            by_section.setdefault(head, []).append(tail)
        for head, tails in by_section.items():
            out.append(f"\n[{head}]  # added by --ratchet")
            for tail in tails:
                key = tail if re.fullmatch(r"[A-Za-z0-9_\-]+", tail) else f'"{tail}"'
                out.append(f"{key} = {round_floor(f'{head}.{tail}', figures[f'{head}.{tail}']):.3f}")
                changed.append(f"{head}.{tail}: new floor")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out).rstrip("\n") + "\n")
    return changed


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--report", action="store_true")
    ap.add_argument("--ratchet", action="store_true")
    ap.add_argument("--floors", default=os.path.join(ROOT, "quality", "floors.toml"))
    ap.add_argument("--figures", help="read figures from this JSON instead of running the scorers")
    ap.add_argument("--save-figures", help="also write the measured figures to this JSON")
    ap.add_argument("--bin", default=os.environ.get("FACTSHEET_BIN", os.path.join(ROOT, "target", "release", "factsheet")))
    ap.add_argument("--shared", default=os.environ.get("FACTSHEET_SHARED", os.path.join(ROOT, "..", "shared")))
    args = ap.parse_args()
    try:
        floors = load_floors(args.floors)
        notes = []
        if args.figures:
            with open(args.figures, encoding="utf-8") as f:
                figures = json.load(f)
        else:
            figures, notes = measure(os.path.abspath(args.shared), os.path.abspath(args.bin))
        if args.save_figures:
            with open(args.save_figures, "w", encoding="utf-8") as f:
                json.dump(figures, f, indent=1, sort_keys=True)
    except (GateError, OSError, tomllib.TOMLDecodeError) as e:
        print(f"quality-gate: {e}", file=sys.stderr)
        return 2
    if args.ratchet:
        for line in ratchet(args.floors, figures, floors):
            print(f"ratchet: {line}")
        floors = load_floors(args.floors)
    if args.report:
        print(report(figures, floors))
    for note in notes:
        print(f"quality-gate: {note}", file=sys.stderr)
    failures = compare(figures, floors)
    for line in failures:
        print(line)
    if failures:
        print(f"quality-gate: {len(failures)} figure(s) below their floor", file=sys.stderr)
        return 1
    print(f"quality-gate: {len(floors)} figures at or above their floors", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
