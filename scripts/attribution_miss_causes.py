#!/usr/bin/env python3
"""Counts why gold attributions of polnear-train are missed, the held-out
publisher (politico) apart from the rest, by comparing the pipeline's
attributions with every cue reading before the gate.

    cargo build --profile fast --example attribution_gate_features
    python3 scripts/attribution_miss_causes.py [--bin target/fast/factsheet]
        [--features target/fast/examples/attribution_gate_features]
        [--set ../shared/eval/polnear-train] [--kind indirect|direct|all]

Each gold attribution (of the kind asked) falls in one class:

  ok                     content matched (mutual 50% overlap, as
                         score_attributions.py) and source right
  source-wrong           content matched, source mention wrong
  gate-dropped           an ungated reading at the gold cue matches the
                         content, but the gate dropped it
  extent-too-long        a reading at the gold cue, content too long
  extent-too-short       a reading at the gold cue, content too short
  extent-elsewhere       a reading at the gold cue, content not touching
                         the gold content
  other-reading          no reading at the gold cue, another attribution
                         overlaps the content without matching
  no-cue                 no reading at the gold cue and nothing near;
                         split by the gold cue's head word: `lexicon`
                         (a mined or hand-listed cue form whose reading
                         failed), `tagger` (a word the cue tagger
                         scores), `unknown` (neither), `colon`, and
                         `/1-word` for one-word contents (no reading
                         takes those)

Standard library only.
"""
import argparse
import collections
import json
import os
import re
import sys

from polnear_spans import char_map, run_articles, run_features, spans_length, spans_match, spans_overlap

HELD_OUT = "politico"
AUX = set("has have had is was are were be been being will would could should can may might must do does did not "
          "also to of for about on in with that as at by from over against".split())


def cue_words():
    lex, tagged = set(), set()
    with open("data/lexicon/attribution_cues.txt", encoding="utf-8") as fh:
        for line in fh:
            p = line.split()
            if len(p) >= 3 and not line.startswith("#") and float(p[2]) >= 0.45:
                lex.add(p[0])
    with open("data/lexicon/attribution_cues_hand.txt", encoding="utf-8") as fh:
        lex.update(line.strip() for line in fh if line.strip() and not line.startswith("#"))
    with open("data/models/cue_tagger.txt", encoding="utf-8") as fh:
        tagged.update(line.split()[1] for line in fh if line.startswith("v "))
    return lex, tagged


def no_cue_class(text, gcue, words, lex, tagged):
    ws = [w for s, e in gcue for w in re.findall(r"[\w’'-]+|:", text[s:e])]
    heads = [w for w in ws if w.lower() not in AUX] or ws
    h = heads[-1].lower() if heads else ""
    cls = "no-cue:" + ("colon" if h == ":" else "lexicon" if h in lex else "tagger" if h in tagged else "unknown")
    return cls + ("/1-word" if words < 2 else "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.environ.get("FACTSHEET_BIN", "target/fast/factsheet"))
    ap.add_argument("--features", default="target/fast/examples/attribution_gate_features")
    ap.add_argument("--set", default="../shared/eval/polnear-train")
    ap.add_argument("--kind", default="indirect")
    args = ap.parse_args()
    gold, texts, rows = run_features(args.features, args.set)
    by_doc = run_articles(args.bin, args.set, gold)
    lex, tagged = cue_words()
    counts = {"rest": collections.Counter(), HELD_OUT: collections.Counter()}
    for g in gold:
        part = HELD_OUT if g["doc"].startswith(HELD_OUT) else "rest"
        text = texts[g["doc"]]
        m = char_map(text)
        conv = lambda x: (m[x[0]], m[x[1]])
        preds = [([conv((c["byte_start"], c["byte_end"])) for c in a["content"]],
                  a["speaker"] and [conv((a["speaker"]["byte_start"], a["speaker"]["byte_end"]))])
                 for a in by_doc.get(g["doc"], {}).get("attributions") or []]
        readings = [([conv(c) for c in s["content"]], [conv(s["cue"])]) for s in rows[g["doc"]]["samples"]]
        c = counts[part]
        for a in g["attributions"]:
            kind = "direct" if a["quotes"] else "indirect"
            if args.kind != "all" and kind != args.kind:
                continue
            gc = [tuple(x) for x in a["content"]]
            gcue = [tuple(x) for x in a["cue"] or []]
            gsrc = [tuple(x) for x in a["source"] or []]
            c["gold"] += 1
            best = max(preds, key=lambda p: spans_overlap(gc, p[0]), default=None)
            if best is not None and spans_match(gc, best[0]):
                c["ok" if not gsrc or (best[1] and spans_overlap(gsrc, best[1]) > 0) else "source-wrong"] += 1
                continue
            at_cue = [r for r in readings if gcue and spans_overlap(gcue, r[1]) > 0]
            if any(spans_match(gc, r[0]) for r in at_cue):
                c["gate-dropped"] += 1
            elif at_cue:
                ov = spans_overlap(gc, at_cue[0][0])
                c["extent-elsewhere" if ov == 0 else "extent-too-short" if 2 * ov < spans_length(gc)
                  else "extent-too-long"] += 1
            elif best is not None and spans_overlap(gc, best[0]) > 0:
                c["other-reading"] += 1
            else:
                words = len(" ".join(text[s:e] for s, e in gc).split())
                c[no_cue_class(text, gcue, words, lex, tagged)] += 1
    for part in ("rest", HELD_OUT):
        c = counts[part]
        print(f"== {part}: {c['gold']} gold {args.kind}")
        for k, v in sorted(c.items(), key=lambda kv: -kv[1]):
            if k != "gold":
                print(f"  {v:6d}  {v / max(1, c['gold']):.3f}  {k}")


if __name__ == "__main__":
    sys.exit(main())
