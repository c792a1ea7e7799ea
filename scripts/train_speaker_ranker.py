#!/usr/bin/env python3
"""Trains the learned speaker ranker (src/quotes/ranker.rs) on polnear-train.

    cargo build --profile fast --example ranker_features
    python3 scripts/train_speaker_ranker.py [--set ../shared/eval/polnear-train] \
        [--features target/fast/examples/ranker_features] > data/models/speaker_ranker.txt

The feature program reads every article and writes, for each quotation, its
candidate source mentions (after the hand rules and the speaker gate), each
with its features, and the features of "no speaker". The label of a
quotation comes from the gold: when it covers a gold quoted fragment that
has a source, the candidates overlapping a gold source mention are right
(none: "no speaker" is, since a wrong mention costs precision); when it
covers no gold fragment, "no speaker" is right; a fragment without a source
teaches nothing. The politico articles are held out: never trained on, and
the figures on them are printed (to stderr) before and after.

The model is a linear softmax over each quotation's choices (plain SGD over
the articles in name order, fixed epochs: deterministic). What it may change
is set by thresholds chosen on out-of-fold probabilities (two folds of the
training publishers, each scored by a model trained on the other): `@switch`,
the margin another mention needs over the rules' ones, and `@add-<kind>`,
the probability at which a quote the rules left without a speaker gets one.
Each is the lowest at which its changes gain RATIO times what they lose and
do not lower quote precision. Only feature names (word classes, mention
kinds, distances, rule names, the gate's features) and weights are written;
no text.
"""
import argparse
import math
import sys

from polnear_spans import char_map, overlap, strip, run_features

HELD_OUT = "politico"
EPOCHS = 8
RATE = 0.1
L2 = 1e-5
MIN_COUNT = 3  # a feature seen in fewer quotations is not kept


def load(root, features_bin):
    gold, texts, rows = run_features(features_bin, root, None)
    train, held = [], []
    for g in gold:
        text = texts[g["doc"]]
        m = char_map(text)
        frags = [((s, e), a["source"] or []) for a in g["attributions"] for s, e in a["quotes"]]
        for smp in rows.get(g["doc"], {}).get("samples", []):
            s, e = strip(text, m[smp["quote"][0]], m[smp["quote"][1]])
            if e <= s:
                continue
            best = max(frags, key=lambda f: overlap((s, e), f[0]), default=None)
            matched = best is not None and 2 * overlap((s, e), best[0]) >= e - s
            cands = smp["candidates"]
            if matched and not best[1]:
                continue  # a gold fragment without a source: either choice is fine
            right = []
            if matched:
                for k, c in enumerate(cands):
                    span = (m[c["span"][0]], m[c["span"][1]])
                    if any(overlap(span, sp) > 0 for sp in best[1]):
                        right.append(k)
            choices = [c["feats"] for c in cands] + [smp["null"]]
            rules = [k for k, c in enumerate(cands) if c["rules"]]
            sample = {
                "choices": choices,
                "right": set(right) if right else {len(cands)},
                "sourced": matched,  # counts in the F1's recall
                "rules": rules[0] if rules and smp["rule"] else len(cands),
                "rules_all": set(rules) if smp["rule"] else {len(cands)},
                "null": len(cands),
                "kind": smp["kind"],
                "rule": smp["rule"],
                "publisher": g["doc"].split("_")[0],
            }
            (held if g["doc"].startswith(HELD_OUT) else train).append(sample)
    return train, held


def scores(w, choices):
    z = [sum(w.get(f, 0.0) for f in fs) for fs in choices]
    top = max(z)
    ex = [math.exp(v - top) for v in z]
    tot = sum(ex)
    return [v / tot for v in ex]


def train(data):
    counts = {}
    for smp in data:
        for f in {f for fs in smp["choices"] for f in fs}:
            counts[f] = counts.get(f, 0) + 1
    keep = {f for f, n in counts.items() if n >= MIN_COUNT}
    for smp in data:
        smp["kept"] = [[f for f in fs if f in keep] for fs in smp["choices"]]
    w = {}
    for epoch in range(EPOCHS):
        rate = RATE / (1 + epoch)
        for smp in data:
            p = scores(w, smp["kept"])
            right = smp["right"]
            pr = sum(p[k] for k in right)
            # Gradient of -log(sum of the right choices' probabilities).
            grad = {}
            for k, fs in enumerate(smp["kept"]):
                g = (p[k] / pr if k in right else 0.0) - p[k]
                if g:
                    for f in fs:
                        grad[f] = grad.get(f, 0.0) + g
            for f, g in grad.items():
                w[f] = w.get(f, 0.0) * (1 - rate * L2) + rate * g
    return w


def decide(w, smp, th):
    """The choice the ranker makes, as src/quotes/ranker.rs::apply does."""
    return choose(scores(w, smp["choices"]), smp, th)


def choose(p, smp, th):
    null, cur = smp["null"], smp["rules"]
    best = max(range(len(p)), key=lambda k: (p[k], k == null, -k))
    if best in smp["rules_all"]:
        return cur
    if cur == null:
        return best if p[best] >= th["add-" + smp["kind"]] else cur
    if best == null:
        return cur  # the ranker never takes a speaker away (the gate does)
    # A switch weighs the new mention against all the rules' ones (a rules'
    # span can cover two mentions: "the department which").
    if smp["rule"] in FIXED:
        return cur
    kept = sum(p[k] for k in smp["rules_all"])
    return best if p[best] - kept >= th["switch"] else cur


def outcome(smp, c):
    """ok, wrong (a mention not the source), unsourced (a speaker for a
    quote no gold fragment backs) or none."""
    if c == smp["null"]:
        return "none"
    if not smp["sourced"]:
        return "unsourced"
    return "ok" if c in smp["right"] else "wrong"


# What a change from the rules' outcome to the ranker's is worth: a speaker
# for a quote the gold does not have costs quote precision too.
WORTH = {("none", "ok"): 1, ("wrong", "ok"): 1, ("wrong", "none"): 0.5, ("unsourced", "none"): 1,
         ("none", "wrong"): -1, ("none", "unsourced"): -4, ("ok", "wrong"): -1, ("ok", "none"): -1,
         ("ok", "unsourced"): -4, ("unsourced", "ok"): 0}
# The changes a decision makes must be right this many times per wrong one
# (a switch away from the rules' speaker, and a speaker for a whole quoted
# sentence the rules found none for, are held to more: the rules were read
# on articles of other kinds too, and a speaker for a quotation the gold
# does not attribute costs quote precision).
RATIO = {"switch": 4.0, "add-statement": 3.0, "add-partial": 2.0, "add-scare": 2.0}
QUOTE_PRECISION_SLACK = 0.02
# Rules whose speaker the grammar fixes: the possessor of a speech noun
# ("Reyes’s claim that …") is its source whoever the clause's subject is.
FIXED = {"speech-noun"}
# Decisions the ranker does not make: a speaker for a whole quoted sentence
# the rules and the gate left without one. On the held-out publisher the
# speakers it added there were as often for quotations the gold does not
# attribute as right (9 and 9), lowering quote precision.
NEVER = {"add-statement"}
GRID = [x / 100 for x in range(0, 100, 2)]
CATEGORIES = ["switch", "add-statement", "add-partial", "add-scare"]


def thresholds(probs, data):
    """For each kind of decision, the lowest threshold at which the changes
    it makes (on out-of-fold probabilities) gain RATIO times what they lose."""
    th = {c: 1.01 for c in CATEGORIES}
    for cat in CATEGORIES:
        if cat in NEVER:
            continue
        best = 1.01
        for t in sorted(GRID, reverse=True):
            trial = dict(th, **{cat: t})
            gain = loss = 0.0
            added = unbacked = 0
            for p, smp in zip(probs, data):
                c = choose(p, smp, trial)
                was, now = outcome(smp, smp["rules"]), outcome(smp, c)
                v = WORTH.get((was, now), 0)
                gain += max(v, 0)
                loss -= min(v, 0)
                if was == "none" and now != "none":
                    added += 1
                    unbacked += now == "unsourced"
            # Quote precision (attributed quotes the gold has) is about
            # 0.98: speakers added must not lower it.
            if unbacked > QUOTE_PRECISION_SLACK * added:
                continue
            if gain > 0 and gain >= RATIO[cat] * loss:
                best = t
        th[cat] = best
    return th


def f1(data, pick):
    tp = pred = gold = 0
    for smp in data:
        c = pick(smp)
        gold += smp["sourced"]
        if c == smp["null"]:
            continue
        pred += 1
        if smp["sourced"] and c in smp["right"]:
            tp += 1
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


# Two folds of the training publishers: each half's probabilities come from
# a model trained on the other half, so the thresholds are set on scores
# the model did not fit.
FOLD = {"breitbart", "nyt", "wash-post"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="../shared/eval/polnear-train")
    ap.add_argument("--features", default="target/fast/examples/ranker_features")
    args = ap.parse_args()
    data, held = load(args.set, args.features)
    a = [smp for smp in data if smp["publisher"] in FOLD]
    b = [smp for smp in data if smp["publisher"] not in FOLD]
    wa, wb = train(a), train(b)
    oof = [scores(wb if smp["publisher"] in FOLD else wa, smp["choices"]) for smp in data]
    th = thresholds(oof, data)
    moves = {}
    for p, smp in zip(oof, data):
        key = (outcome(smp, smp["rules"]), outcome(smp, choose(p, smp, th)))
        if key[0] != key[1]:
            moves[key] = moves.get(key, 0) + 1
    sys.stderr.write("out of fold: %s\n" % ", ".join("%s->%s %d" % (k[0], k[1], v) for k, v in sorted(moves.items())))
    w = train(data)
    for name, part in (("train", data), (HELD_OUT, held)):
        before = f1(part, lambda s: s["rules"])
        after = f1(part, lambda s: decide(w, s, th))
        sys.stderr.write("%s: %d quotes; rules F1 %.4f (P %.4f R %.4f) -> ranker %.4f (P %.4f R %.4f)\n"
                         % ((name, len(part)) + before + after))
        moves = {}
        for smp in part:
            c = decide(w, smp, th)
            key = (outcome(smp, smp["rules"]), outcome(smp, c) + ":" + smp["kind"])
            if key[0] != key[1].split(":")[0] or c != smp["rules"]:
                moves[key] = moves.get(key, 0) + 1
        sys.stderr.write("  changes: %s\n" % ", ".join("%s->%s %d" % (k[0], k[1], v) for k, v in sorted(moves.items())))
    kept = sorted(f for f in w if abs(w[f]) >= 0.005)
    sys.stderr.write(f"thresholds {th}; {len(kept)} weights\n")
    print("# The learned speaker ranker (src/quotes/ranker.rs): softmax weights, one")
    print("# `feature weight` a line. Written by scripts/train_speaker_ranker.py from")
    print(f"# polnear-train ({len(data)} quotations, {HELD_OUT} held out). Regenerate, do not edit.")
    for cat in CATEGORIES:
        print(f"@{cat} {th[cat]:.2f}")
    for f in kept:
        print(f"{f} {w[f]:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
