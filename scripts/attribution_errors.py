#!/usr/bin/env python3
"""Counts quote-attribution errors on polnear-train by class, the politico
articles (the held-out publisher) apart from the rest.

    python3 scripts/attribution_errors.py [--bin target/fast/factsheet] [--set ../shared/eval/polnear-train]
                                          [--show CLASS] [--limit N]

Runs the binary over the set as `run_factsheet.py` does (JSON Lines in, with
each article's publication date), matches every gold quoted fragment to the
predicted quote that covers the most of it, and puts each fragment whose
attribution has a source mention into one class:

  ok                        the speaker mention overlaps the gold source
  missed                    no predicted quote covers half of the fragment
  scare-but-sourced         predicted as a scare quote (no speaker)
  partial-no-speaker        predicted as a partial quote with no speaker
  statement-no-speaker      predicted as a statement with no speaker
  wrong-mention:<rule>      a speaker, on another mention, by that rule

Predicted quotes with a speaker that no sourced gold fragment backs are
counted as `attributed-unsourced:<kind>` (the reverse of scare-but-sourced).
`--show CLASS` prints the cases of one class, from the non-held-out part
only, so the held-out publisher is never read. Standard library only.
"""
import argparse
import collections
import json
import os
import sys

from polnear_spans import char_map, overlap, run_articles, strip

HELD_OUT = "politico"


def classify(g_frags, preds):
    """Yields (class, gold fragment or None, prediction or None)."""
    used = set()
    for f in g_frags:
        best = None
        for i, q in enumerate(preds):
            ov = overlap((f["start"], f["end"]), (q["s"], q["e"]))
            if ov > 0 and 2 * ov >= f["end"] - f["start"]:
                key = (ov, q["speaker"] is not None, -q["s"])
                if best is None or key > best[0]:
                    best = (key, i)
        if best is None:
            yield "missed", f, None
            continue
        q = preds[best[1]]
        used.add(best[1])
        if q["speaker"] is None:
            yield {"scare": "scare-but-sourced", "partial": "partial-no-speaker"}.get(
                q["kind"], "statement-no-speaker"), f, q
        elif any(overlap((q["ss"], q["se"]), sp) > 0 for sp in f["source"]):
            yield "ok", f, q
        else:
            yield "wrong-mention:" + str(q["rule"]), f, q
    spans = [(f["start"], f["end"]) for f in g_frags]
    for i, q in enumerate(preds):
        if q["speaker"] is None or i in used:
            continue
        if not any(2 * overlap((q["s"], q["e"]), sp) >= q["e"] - q["s"] for sp in spans):
            yield "attributed-unsourced:" + q["kind"], None, q


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.environ.get("FACTSHEET_BIN", "target/fast/factsheet"))
    ap.add_argument("--set", default="../shared/eval/polnear-train")
    ap.add_argument("--show", help="print the cases of this class (non-held-out part only)")
    ap.add_argument("--limit", type=int, default=40)
    args = ap.parse_args()
    with open(os.path.join(args.set, "gold.jsonl"), encoding="utf-8") as fh:
        gold = [json.loads(line) for line in fh if line.strip()]
    by_doc = run_articles(args.bin, args.set, gold)
    counts = {"rest": collections.Counter(), HELD_OUT: collections.Counter()}
    shown = 0
    for g in gold:
        part = HELD_OUT if g["doc"].startswith(HELD_OUT) else "rest"
        with open(os.path.join(args.set, "texts", g["doc"] + ".txt"), encoding="utf-8", newline="") as fh:
            text = fh.read()
        m = char_map(text)
        preds = []
        for q in by_doc.get(g["doc"], {}).get("quotes", []):
            s, e = strip(text, m[q["byte_start"]], m[q["byte_end"]])
            spk = q.get("speaker")
            preds.append({"s": s, "e": e, "kind": q["kind"], "rule": q.get("rule"),
                          "speaker": spk and spk["name"],
                          "ss": spk and m[spk["byte_start"]], "se": spk and m[spk["byte_end"]]})
        frags = [{"start": s, "end": e, "source": a["source"], "src": a["source_text"]}
                 for a in g["attributions"] if a["source"] for s, e in a["quotes"]]
        for cls, f, q in classify(frags, preds):
            counts[part][cls] += 1
            if args.show and part == "rest" and cls.startswith(args.show) and shown < args.limit:
                shown += 1
                a = (f or {}).get("start", q and q["s"])
                b = (f or {}).get("end", q and q["e"])
                ctx = text[max(0, a - 160):b + 100].replace("\n", " ¶ ")
                print(f"--- {g['doc']} [{cls}] gold source={f and f['src']!r} "
                      f"pred={q and (q['speaker'], q['rule'], q['ss'] is not None and text[q['ss']:q['se']])}")
                print("   ", ctx)
    for part in ("rest", HELD_OUT):
        c = counts[part]
        sourced = sum(v for k, v in c.items() if not k.startswith("attributed-unsourced"))
        print(f"== {part}: {sourced} sourced gold fragments, ok {c['ok']} ({c['ok'] / max(1, sourced):.3f})")
        for k, v in c.most_common():
            if k != "ok":
                print(f"  {v:6d}  {k}")


if __name__ == "__main__":
    sys.exit(main())
