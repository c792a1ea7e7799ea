#!/usr/bin/env python3
"""Sorts the attribution misses of polnear-train into classes, the held-out
publisher (politico) apart from the rest.

    python3 scripts/attribution_misses.py [--bin target/fast/factsheet] [--set ../shared/eval/polnear-train]
                                          [--show CLASS] [--limit N] [--kind indirect|direct|all]

Matches gold and predicted content as `score_attributions.py` does (mutual
50% character overlap) and puts each unmatched gold attribution in one class:

  no-prediction     no predicted content touches it and no predicted cue
                    overlaps its cue
  cue-no-content    a predicted cue overlaps its cue, but that
                    attribution's content does not touch the gold content
  too-short         the best prediction covers under half of the gold
  too-long          the best prediction is over twice the overlap
  both              neither side covers half of the other

each suffixed with the gold layout: `:before` (content before the cue),
`:after`, `:around`, `:nocue`, and `+ml` when the content crosses a
sentence end. False predictions (matching no gold content) are classed the
same way from the prediction's side: `false:<rule>:<why>` where why is
`no-gold-near` (no gold content touches it) or `bad-span`. `--show CLASS`
prints cases of the classes starting with CLASS, from the non-held-out
part only. Standard library only.
"""
import argparse
import collections
import json
import os
import sys

from polnear_spans import char_map, run_articles, spans_length, spans_overlap

HELD_OUT = "politico"


def layout(text, a):
    gc = a["content"]
    if not a["cue"]:
        lay = "nocue"
    else:
        cs, ce = a["cue"][0][0], a["cue"][-1][1]
        before = any(s < cs for s, _ in gc)
        after = any(e > ce for _, e in gc)
        lay = "around" if before and after else "before" if before else "after"
    inner = text[gc[0][0]:gc[-1][1]]
    if any(p in inner[:-1] for p in (". ", "? ", "! ", ".\n", ".” ", "\n")):
        lay += "+ml"
    return lay


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.environ.get("FACTSHEET_BIN", "target/fast/factsheet"))
    ap.add_argument("--set", default="../shared/eval/polnear-train")
    ap.add_argument("--show")
    ap.add_argument("--limit", type=int, default=30)
    ap.add_argument("--kind", default="indirect")
    args = ap.parse_args()
    with open(os.path.join(args.set, "gold.jsonl"), encoding="utf-8") as fh:
        gold = [json.loads(line) for line in fh if line.strip()]
    by_doc = {doc: a.get("attributions") or [] for doc, a in run_articles(args.bin, args.set, gold).items()}
    counts = {"rest": collections.Counter(), HELD_OUT: collections.Counter()}
    totals = {"rest": collections.Counter(), HELD_OUT: collections.Counter()}
    shown = 0
    for g in gold:
        part = HELD_OUT if g["doc"].startswith(HELD_OUT) else "rest"
        with open(os.path.join(args.set, "texts", g["doc"] + ".txt"), encoding="utf-8", newline="") as fh:
            text = fh.read()
        m = char_map(text)
        preds = []
        for a in by_doc.get(g["doc"], []):
            c = [(m[s["byte_start"]], m[s["byte_end"]]) for s in a["content"]]
            cue = a.get("cue")
            preds.append({"c": c, "cue": cue and [(m[cue["byte_start"]], m[cue["byte_end"]])],
                          "rule": a.get("rule"), "hit": False})
        golds = [[tuple(x) for x in a["content"]] for a in g["attributions"]]

        def show(cls, spans, extra):
            nonlocal shown
            if args.show and part == "rest" and cls.startswith(args.show) and shown < args.limit:
                shown += 1
                s, e = spans[0][0], spans[-1][1]
                ctx = text[max(0, s - 150):s] + " [[" + text[s:e] + "]] " + text[e:e + 80]
                print(f"--- {g['doc']} [{cls}] {extra}")
                print("   ", ctx.replace("\n", " ¶ "))

        for a in g["attributions"]:
            kind = "direct" if a["quotes"] else "indirect"
            gc = [tuple(x) for x in a["content"]]
            best, bov = None, 0
            for p in preds:
                ov = spans_overlap(gc, p["c"])
                if ov > bov:
                    best, bov = p, ov
            ok = best is not None and 2 * bov >= spans_length(gc) and 2 * bov >= spans_length(best["c"])
            if ok:
                best["hit"] = True
            if args.kind != "all" and kind != args.kind:
                continue
            totals[part]["gold"] += 1
            if ok:
                totals[part]["matched"] += 1
                continue
            lay = layout(text, a)
            gcue = [tuple(x) for x in a["cue"] or []]
            cue_hit = [p for p in preds if p["cue"] and spans_overlap(gcue, p["cue"]) > 0]
            if best is None:
                cls = "cue-no-content" if cue_hit else "no-prediction"
            elif 2 * bov < spans_length(gc) and 2 * bov < spans_length(best["c"]):
                cls = "both"
            elif 2 * bov < spans_length(gc):
                cls = "too-short"
            else:
                cls = "too-long"
            cls += ":" + lay
            counts[part][cls] += 1
            cue_txt = " … ".join(text[s:e] for s, e in gcue)
            pred_txt = ""
            if best is not None:
                pred_txt = " pred=" + repr(" … ".join(text[s:e] for s, e in best["c"])[:160]) + f" ({best['rule']})"
            show(cls, gc, f"cue={cue_txt!r} src={a['source_text']!r}{pred_txt}")
        for p in preds:
            if p["hit"]:
                continue
            near = any(spans_overlap(gg, p["c"]) > 0 for gg in golds)
            cls = f"false:{p['rule']}:{'bad-span' if near else 'no-gold-near'}"
            counts[part][cls] += 1
            cue_txt = text[p["cue"][0][0]:p["cue"][0][1]] if p["cue"] else None
            show(cls, p["c"], f"cue={cue_txt!r}")
    for part in ("rest", HELD_OUT):
        c, t = counts[part], totals[part]
        print(f"== {part}: {t['gold']} gold {args.kind}, matched {t['matched']} ({t['matched'] / max(1, t['gold']):.3f})")
        groups = collections.Counter()
        for k, v in c.items():
            groups[k.split(":")[0] if not k.startswith("false") else "false:" + k.split(":")[2]] += v
        print("   by class:", dict(groups.most_common()))
        for k, v in c.most_common(40):
            print(f"  {v:6d}  {k}")


if __name__ == "__main__":
    sys.exit(main())
