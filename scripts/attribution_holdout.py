#!/usr/bin/env python3
"""Scores reported speech on the held-out publisher (politico) and on the
rest of polnear-train apart, with ../shared/eval/score_attributions.py.

    python3 scripts/attribution_holdout.py [--bin target/fast/factsheet] [--set ../shared/eval/polnear-train]

The learned parts of the attribution layer (the cue tagger, the
attribution gate) are trained without the politico articles; their figure
shows whether a change carries over to a publisher nothing was fitted on.
Builds two temporary sets (a filtered gold.jsonl beside a link to the
texts) and runs the scorer on each. Standard library only.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HELD_OUT = "politico"
HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.environ.get("FACTSHEET_BIN", "target/fast/factsheet"))
    ap.add_argument("--set", default=os.path.join(HERE, "..", "..", "shared", "eval", "polnear-train"))
    args = ap.parse_args()
    root = os.path.abspath(args.set)
    scorer = os.path.join(os.path.dirname(root), "score_attributions.py")
    with open(os.path.join(root, "gold.jsonl"), encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        for part in (HELD_OUT, "rest"):
            d = os.path.join(tmp, part)
            os.makedirs(d)
            os.symlink(os.path.join(root, "texts"), os.path.join(d, "texts"))
            keep = [l for l in lines if json.loads(l)["doc"].startswith(HELD_OUT) == (part == HELD_OUT)]
            with open(os.path.join(d, "gold.jsonl"), "w", encoding="utf-8") as fh:
                fh.writelines(keep)
            out = subprocess.run([sys.executable, scorer, "--bin", args.bin, "--set", d, "--json"],
                                 capture_output=True, text=True, check=True).stdout
            o = json.loads(out)
            figures = " ".join(f"{k} {o[k]}" for k in ("attribution_f1", "content_recall_indirect",
                                                       "content_recall_direct", "content_precision",
                                                       "source_acc", "cue_acc"))
            print(f"{part:9} {len(keep):4d} articles  {figures}")


if __name__ == "__main__":
    sys.exit(main())
