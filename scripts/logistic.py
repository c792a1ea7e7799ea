"""Sparse logistic regression by plain SGD, shared by the trainers of the
quote gate and the attribution gate. Deterministic: the data's order is the
order of the updates, and nothing is random."""

import math


def prob(w, feats):
    """The model's probability for a list of feature names."""
    z = sum(w.get(f, 0.0) for f in feats)
    return 1 / (1 + math.exp(-max(-30, min(30, z))))


def train(data, epochs, rate, l2, min_count, prune=0.0):
    """Fits weights on `data`, items whose first two fields are (features,
    label 0/1). Features seen fewer than `min_count` times are left out;
    weights smaller than `prune` are dropped from the result."""
    counts = {}
    for item in data:
        for f in item[0]:
            counts[f] = counts.get(f, 0) + 1
    kept = {f for f, n in counts.items() if n >= min_count}
    w = {}
    for epoch in range(epochs):
        step = rate / (1 + epoch)
        for item in data:
            feats, y = item[0], item[1]
            fs = [f for f in feats if f in kept]
            g = y - prob(w, fs)
            for f in fs:
                w[f] = w.get(f, 0.0) * (1 - step * l2) + step * g
    if prune:
        return {f: v for f, v in w.items() if abs(v) >= prune}
    return w
