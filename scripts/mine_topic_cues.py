#!/usr/bin/env python3
"""Mines the prepositional attribution cues ("talked about", "called on",
"railed against", "criticism of") from the PolNeAR training annotations.

    python3 scripts/mine_topic_cues.py [../shared/eval/polnear-train] > data/lexicon/attribution_topic_cues.txt

Annotators often end a cue with a preposition and take its object as the
content: "[talked about] {her views on jihad}", "his [attacks on]
{billionaire financiers}". The one-word cue rules read nothing there (a
preposition after a verb opens an adjunct: "said on Tuesday"). A pair
(lower-case word, preposition) is kept when a gold cue ends with it and
its content starts right after it often enough, in enough articles, and in
a fair share of all the pair's occurrences; the share is written beside
it and the attribution gate settles each reading.

The politico articles are held out (not mined), so the readings can be
measured on a publisher the list never saw. Only words and counts are
written; no article text is copied. Deterministic.
"""
import collections
import json
import os
import re
import sys

MIN_COUNT = 3  # gold cues ending with the pair, content right after
MIN_DOCS = 3  # in this many articles
MIN_SHARE = 0.3  # of all the pair's occurrences
HELD_OUT = "politico"
# "as" (a role: "known as") and "by" (a passive's agent, the content
# before) are read by other rules or not at all.
PREPOSITIONS = set("about of for on against with at from in over toward towards regarding".split())
TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|[^\sA-Za-z]")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/polnear-train"
    with open(os.path.join(root, "gold.jsonl"), encoding="utf-8") as fh:
        gold = [json.loads(line) for line in fh if line.strip()]
    hits, total = collections.Counter(), collections.Counter()
    docs = collections.defaultdict(set)
    for g in sorted(gold, key=lambda g: g["doc"]):
        if g["doc"].startswith(HELD_OUT):
            continue
        with open(os.path.join(root, "texts", g["doc"] + ".txt"), encoding="utf-8", newline="") as fh:
            text = fh.read()
        # Where each gold cue ends -> where it starts, when its content
        # starts right after it.
        ends = {}
        for a in g["attributions"]:
            if a["cue"] and a["content"]:
                cue_end, c0 = a["cue"][-1][1], a["content"][0][0]
                if c0 >= cue_end and not text[cue_end:c0].strip():
                    ends[cue_end] = a["cue"][0][0]
        toks = [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in TOKEN.finditer(text)]
        for (s1, _, w1), (_, e2, w2) in zip(toks, toks[1:]):
            if w2 not in PREPOSITIONS or not w1[0].isalpha() or text[s1].isupper():
                continue
            total[(w1, w2)] += 1
            if ends.get(e2, e2) <= s1:
                hits[(w1, w2)] += 1
                docs[(w1, w2)].add(g["doc"])
    print("# Prepositional attribution cues mined from the PolNeAR training annotations")
    print(f"# (politico held out) by scripts/mine_topic_cues.py (kept: a gold cue ending with the")
    print(f"# pair, its content right after, >= {MIN_COUNT} times in >= {MIN_DOCS} articles and in")
    print(f"# >= {MIN_SHARE:.0%} of the pair's occurrences). Regenerate, do not edit:")
    print("# `word preposition count share` lines.")
    for pair in sorted(hits):
        n = hits[pair]
        if n < MIN_COUNT or len(docs[pair]) < MIN_DOCS or n < MIN_SHARE * total[pair]:
            continue
        print(f"{pair[0]} {pair[1]} {n} {n / total[pair]:.2f}")


if __name__ == "__main__":
    main()
