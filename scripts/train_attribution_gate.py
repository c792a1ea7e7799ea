#!/usr/bin/env python3
"""Trains the learned attribution gate (src/attributions/gate.rs) on
polnear-train.

    cargo build --profile fast --example attribution_gate_features
    python3 scripts/train_attribution_gate.py [--set ../shared/eval/polnear-train] \\
        [--features target/fast/examples/attribution_gate_features] > data/models/attribution_gate.txt

The feature program reads every article (the politico ones held out: never
read, so the gate can be measured on a publisher it never saw) and writes
every cue reading, ungated (strong cues and the tagger's weak candidates),
with the gate's sparse features, and the attributions the pipeline makes
when the gate keeps them all. A reading is positive when its content
matches a gold attribution's content as score_attributions.py matches them
(a mutual 50% character overlap) and its source mention overlaps the gold
source (when the gold has one). A logistic regression (plain SGD, fixed
order, fixed epochs: deterministic) learns the weights. The threshold is
the lowest probability whose attribution F1 on the training articles,
when the readings below it are dropped from the attributions (scored as
score_attributions.py scores them), is within TOLERANCE of the best. Only feature names (the
cue word, its neighbours' function words or shapes, bands) and weights
are written; no text.
"""
import argparse
import sys

from logistic import prob, train
from polnear_spans import char_map, run_features, spans_length, spans_match, spans_overlap

HELD_OUT = "politico"
EPOCHS = 10
RATE = 0.05
L2 = 1e-5
MIN_COUNT = 3  # a feature seen fewer times is not kept
TOLERANCE = 0.003
THRESHOLDS = [x / 100 for x in range(10, 71, 2)]


def load(root, features_bin):
    gold, texts, rows = run_features(features_bin, root, HELD_OUT)
    docs = []
    for g in gold:
        m = char_map(texts[g["doc"]])
        conv = lambda s: (m[s[0]], m[s[1]])
        row = rows[g["doc"]]
        samples = []
        for s in row["samples"]:
            c = [conv(x) for x in s["content"]]
            src = s["source"] and conv(s["source"])
            samples.append({"cue": conv(s["cue"]), "content": c, "source": src, "feats": s["feats"]})
        preds = []
        for a in row["attributions"]:
            preds.append({"cue": a["cue"] and conv(a["cue"]), "content": [conv(x) for x in a["content"]],
                          "speaker": a["speaker"] and conv(a["speaker"]), "rule": a["rule"]})
        golds = [{"content": [tuple(x) for x in a["content"]], "source": [tuple(x) for x in a["source"] or []]}
                 for a in g["attributions"]]
        docs.append((samples, preds, golds))
    return docs


def label(sample, golds):
    for g in golds:
        if spans_match(g["content"], sample["content"]):
            if not g["source"]:
                return 1
            if sample["source"] and spans_overlap([sample["source"]], g["source"]) > 0:
                return 1
    return 0


def exempt(sample):
    """A strong cue's reading holding a quotation is never dropped (gate.rs)."""
    return "q=1" in sample["feats"] and "weak=0" in sample["feats"]


def score(docs, dropped):
    """attribution_f1 as score_attributions.py counts it, with the
    attributions whose cue holds a dropped reading's cue left out."""
    full = pred = gold_n = hit = 0
    for k, (samples, preds, golds) in enumerate(docs):
        gone = dropped[k]
        kept = [p for p in preds
                if not (p["rule"] != "quote" and p["cue"]
                        and any(p["cue"][0] <= c[0] and c[1] <= p["cue"][1] for c in gone))]
        pred += len(kept)
        for g in golds:
            gold_n += 1
            best, bov = None, 0
            for p in kept:
                ov = spans_overlap(g["content"], p["content"])
                if ov > bov:
                    best, bov = p, ov
            if best is None or 2 * bov < spans_length(g["content"]) or 2 * bov < spans_length(best["content"]):
                continue
            hit += 1
            if not g["source"] or (best["speaker"] and spans_overlap([best["speaker"]], g["source"]) > 0):
                full += 1
    p, r = full / max(1, pred), full / max(1, gold_n)
    return (2 * p * r / (p + r) if p + r else 0.0), hit / max(1, gold_n)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="../shared/eval/polnear-train")
    ap.add_argument("--features", default="target/fast/examples/attribution_gate_features")
    args = ap.parse_args()
    docs = load(args.set, args.features)
    data = [(s["feats"], label(s, golds)) for samples, _, golds in docs for s in samples]
    w = train(data, EPOCHS, RATE, L2, MIN_COUNT, prune=1e-3)
    probs = [[prob(w, s["feats"]) for s in samples] for samples, _, _ in docs]
    scored = []
    for t in THRESHOLDS:
        dropped = [[s["cue"] for s, p in zip(samples, ps) if p < t and not exempt(s)]
                   for (samples, _, _), ps in zip(docs, probs)]
        f1, rec = score(docs, dropped)
        print(f"threshold {t:.2f}: training attribution_f1 {f1:.4f} content_recall {rec:.4f}", file=sys.stderr)
        scored.append((t, f1))
    # The F1 curve is flat near its top: the lowest threshold within
    # TOLERANCE of the best keeps the most attributions for the same F1.
    top = max(f for _, f in scored)
    best = next((t, f) for t, f in scored if f >= top - TOLERANCE)
    pos = sum(y for _, y in data)
    print("# Attribution gate: a logistic model trained by scripts/train_attribution_gate.py")
    print("# on the PolNeAR training annotations (politico held out).")
    print(f"# {len(data)} cue readings, {pos} right; {EPOCHS} epochs. Regenerate, do not edit.")
    print(f"# `t THRESHOLD`: readings below this probability are dropped (training F1 {best[1]:.4f});")
    print("# `f FEATURE WEIGHT`.")
    print(f"t {best[0]:.2f}")
    for f in sorted(w):
        print(f"f {f} {w[f]:.4f}")


if __name__ == "__main__":
    sys.exit(main())
