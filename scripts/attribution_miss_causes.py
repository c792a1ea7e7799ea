#!/usr/bin/env python3
"""Counts why gold attributions of polnear-train are missed, the held-out
publisher (politico) apart from the rest, by comparing the pipeline's
attributions with every cue reading before the gate.

    cargo build --profile fast --example attribution_gate_features
    python3 scripts/attribution_miss_causes.py [--bin target/fast/factsheet]
        [--features target/fast/examples/attribution_gate_features]
        [--set ../shared/eval/polnear-train] [--kind indirect|direct|all]
        [--show CLASS [--limit N]] [--heads CLASS]

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

`--show CLASS` prints the cases of the classes starting with CLASS (rest
only: the held-out publisher stays unread), the gold cue in [brackets]
and the content in {braces}; `--heads CLASS` counts their gold cue head
words with the word after the cue (rest only).

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


def cue_head(text, gcue):
    ws = [w for s, e in gcue for w in re.findall(r"[\w’'-]+|:", text[s:e])]
    heads = [w for w in ws if w.lower() not in AUX] or ws
    return heads[-1].lower() if heads else ""


def show(text, a):
    """The gold attribution's sentence-sized context, cue and content marked."""
    marks = [(s, "[") for s, _ in a["cue"] or []] + [(e, "]") for _, e in a["cue"] or []]
    marks += [(s, "{") for s, _ in a["content"]] + [(e, "}") for _, e in a["content"]]
    edges = [x for x, _ in marks]
    lo, hi = max(0, min(edges) - 80), min(len(text), max(edges) + 40)
    out, at = [], lo
    for x, m in sorted(marks):
        out.append(text[at:x] + m)
        at = x
    out.append(text[at:hi])
    return " ".join("".join(out).split())


def next_word(text, gcue):
    if not gcue:
        return ""
    w = re.findall(r"[\w’'-]+|[^\s\w]", text[gcue[-1][1]:gcue[-1][1] + 40])
    return w[0].lower() if w else ""


def no_cue_class(text, gcue, words, lex, tagged):
    h = cue_head(text, gcue)
    cls = "no-cue:" + ("colon" if h == ":" else "lexicon" if h in lex else "tagger" if h in tagged else "unknown")
    return cls + ("/1-word" if words < 2 else "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.environ.get("FACTSHEET_BIN", "target/fast/factsheet"))
    ap.add_argument("--features", default="target/fast/examples/attribution_gate_features")
    ap.add_argument("--set", default="../shared/eval/polnear-train")
    ap.add_argument("--kind", default="indirect")
    ap.add_argument("--show")
    ap.add_argument("--heads")
    ap.add_argument("--limit", type=int, default=40)
    args = ap.parse_args()
    gold, texts, rows = run_features(args.features, args.set)
    by_doc = run_articles(args.bin, args.set, gold)
    lex, tagged = cue_words()
    counts = {"rest": collections.Counter(), HELD_OUT: collections.Counter()}
    shown, heads = [], collections.Counter()
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

        def put(cls, a):
            c[cls] += 1
            if part == HELD_OUT:
                return
            if args.show and cls.startswith(args.show):
                shown.append(f"{cls}  {show(text, a)}")
            if args.heads and cls.startswith(args.heads):
                heads[(cue_head(text, a["cue"] or []), next_word(text, a["cue"] or []))] += 1

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
                put("ok" if not gsrc or (best[1] and spans_overlap(gsrc, best[1]) > 0) else "source-wrong", a)
                continue
            at_cue = [r for r in readings if gcue and spans_overlap(gcue, r[1]) > 0]
            if any(spans_match(gc, r[0]) for r in at_cue):
                put("gate-dropped", a)
            elif at_cue:
                ov = spans_overlap(gc, at_cue[0][0])
                put("extent-elsewhere" if ov == 0 else "extent-too-short" if 2 * ov < spans_length(gc)
                    else "extent-too-long", a)
            elif best is not None and spans_overlap(gc, best[0]) > 0:
                put("other-reading", a)
            else:
                words = len(" ".join(text[s:e] for s, e in gc).split())
                put(no_cue_class(text, gcue, words, lex, tagged), a)
    for line in shown[:args.limit]:
        print(line)
    for (h, n), k in heads.most_common(args.limit):
        print(f"{k:6d}  {h} | {n}")
    for part in ("rest", HELD_OUT):
        c = counts[part]
        print(f"== {part}: {c['gold']} gold {args.kind}")
        for k, v in sorted(c.items(), key=lambda kv: -kv[1]):
            if k != "gold":
                print(f"  {v:6d}  {v / max(1, c['gold']):.3f}  {k}")


if __name__ == "__main__":
    sys.exit(main())
