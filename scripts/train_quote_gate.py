#!/usr/bin/env python3
"""Trains the learned speaker gate (src/quotes/gate.rs) on polnear-train.

    cargo build --profile fast --example quote_gate_features
    python3 scripts/train_quote_gate.py [--set ../shared/eval/polnear-train] \
        [--features target/fast/examples/quote_gate_features] > data/models/quote_gate.txt

The feature program reads every article (the politico ones held out: never
read, so the gate can be measured on a publisher it never saw) and writes,
for each quotation, the mention the gate would name (the hand rules'
speaker, else the quote's clause subject) and the gate's sparse features.
A sample is positive when that quote is a gold quoted fragment and the
mention overlaps the fragment's annotated source. A logistic regression
(plain SGD, fixed order, fixed epochs: deterministic) learns the weights;
the two thresholds are chosen on the training samples: `@add`, the
probability above which a quote without a speaker takes its candidate, is
the lowest that keeps the added attributions right `ADD_PRECISION` of the
time; `@drop` is the probability below which a weak rule's attribution is
more often wrong than right. Only feature names (words of the lexicon-like
kind: the word before a quote, its class) and weights are written; no text.
"""
import argparse
import sys

from logistic import prob, train
from polnear_spans import char_map, overlap, strip, run_features

HELD_OUT = "politico"
EPOCHS = 12
RATE = 0.05
L2 = 1e-4
MIN_COUNT = 3  # a feature seen fewer times is not kept
ADD_PRECISION = 0.75
DROP_PRECISION = 0.9
WEAK_RULES = {"coordinated", "characterised-as", "characterising-verb", "dash-credit", "floating",
              "multi-paragraph", "speech-noun", "transcript-label", "outer-speaker",
              "sentence-final-credit", "verb-inside-unclosed-quote"}


def samples(root, features_bin):
    gold, texts, rows = run_features(features_bin, root, HELD_OUT)
    data = []
    for g in gold:
        text = texts[g["doc"]]
        m = char_map(text)
        frags = [((s, e), a["source"] or []) for a in g["attributions"] for s, e in a["quotes"]]
        for smp in rows.get(g["doc"], {}).get("samples", []):
            if smp["mention"] is None:
                continue
            s, e = strip(text, m[smp["quote"][0]], m[smp["quote"][1]])
            if e <= s:
                continue
            mention = (m[smp["mention"][0]], m[smp["mention"][1]])
            best = max(frags, key=lambda f: overlap((s, e), f[0]), default=None)
            label = 0
            if best and 2 * overlap((s, e), best[0]) >= min(e - s, best[0][1] - best[0][0]):
                label = int(any(overlap(mention, sp) > 0 for sp in best[1]))
            # One model for each decision: with a speaker (S:), without (N:).
            prefix = "S:" if smp["rule"] else "N:"
            feats = [prefix + "bias"] + [prefix + f for f in smp["feats"]]
            data.append((feats, label, smp["rule"], best is not None and overlap((s, e), best[0]) > 0))
    return data


def thresholds(w, data):
    # Quotes without a speaker: the lowest threshold at which the added
    # attributions are still right ADD_PRECISION of the time.
    cand = sorted(((prob(w, f), y) for f, y, r, _ in data if r is None), reverse=True)
    add, right = 1.0, 0
    for k, (p, y) in enumerate(cand, 1):
        right += y
        if right / k >= ADD_PRECISION:
            add = p
    # Weak attributions: the highest threshold at which those dropped are
    # still wrong DROP_PRECISION of the time.
    weak = sorted((prob(w, f), y) for f, y, r, _ in data if r in WEAK_RULES)
    drop, wrong = 0.0, 0
    for k, (p, y) in enumerate(weak, 1):
        wrong += 1 - y
        if wrong / k >= DROP_PRECISION:
            drop = p
    return add, drop


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="../shared/eval/polnear-train")
    ap.add_argument("--features", default="target/fast/examples/quote_gate_features")
    args = ap.parse_args()
    data = samples(args.set, args.features)
    w = train(data, EPOCHS, RATE, L2, MIN_COUNT)
    add, drop = thresholds(w, data)
    added = [(y, g) for f, y, r, g in data if r is None and prob(w, f) >= add]
    n_add = len(added)
    n_drop = sum(1 for f, y, r, _ in data if r in WEAK_RULES and prob(w, f) < drop)
    sys.stderr.write(f"add >= {add:.3f}: {n_add} speakers, {sum(y for y, _ in added)} right, "
                     f"{sum(1 for _, g in added if not g)} on quotes no gold fragment covers; drop {n_drop}\n")
    print("# The learned speaker gate (src/quotes/gate.rs): logistic weights, one")
    print("# `feature weight` a line. Written by scripts/train_quote_gate.py from")
    print(f"# polnear-train ({len(data)} quotes with a mention, {HELD_OUT} held out);")
    print(f"# on them the gate adds {n_add} speakers and drops {n_drop}. Regenerate, do not edit.")
    print(f"@add {add:.4f}")
    print(f"@drop {drop:.4f}")
    for f in sorted(w):
        if abs(w[f]) >= 0.005:
            print(f"{f} {w[f]:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
