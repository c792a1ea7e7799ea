#!/usr/bin/env python3
"""Mines the attribution-cue lexicon (reported speech, belief, intent) from
the PolNeAR training annotations.

    python3 scripts/mine_attribution_cues.py [../shared/eval/polnear-train] > data/lexicon/attribution_cues.txt

Every gold attribution marks its cue span ("said", "told reporters",
"believes", "vowed to", "according to"). A word form is kept when
annotators marked it as (part of) a cue often enough, in enough articles,
and in a fair share of all its occurrences, so that a word that only
sometimes reports speech ("support", "see") carries its own odds. The
share is written beside the word: the statement finder uses it as the
rule's confidence and drops forms below its own threshold.

The politico articles are held out (not mined), so the statement finder
can be measured on a publisher the lexicon never saw. Only words and
counts are written; no article text is copied. Deterministic.
"""
import collections
import json
import os
import re
import sys

MIN_COUNT = 4  # times marked as a cue
MIN_DOCS = 3  # in this many articles
MIN_SHARE = 0.12  # of all the form's occurrences in the corpus
HELD_OUT = "politico"  # publisher (file-name prefix) left out
# Auxiliaries, light verbs, prepositions and particles sit inside many cue
# spans ("has said", "pointed out", "called for") without being the cue.
SKIP = set("""be is was were are been being am 's 're 'm has have had having do does did done doing
would will could should may might can must shall wo ca get got gets getting not n't also
to of for on in at about by with that as from out up the a an it this his her their its
and or but if than then so just still even only more most very""".split())
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/polnear-train"
    with open(os.path.join(root, "gold.jsonl"), encoding="utf-8") as fh:
        gold = [json.loads(line) for line in fh if line.strip()]
    cue_count = collections.Counter()
    cue_docs = collections.defaultdict(set)
    total = collections.Counter()
    for g in sorted(gold, key=lambda g: g["doc"]):
        if g["doc"].startswith(HELD_OUT):
            continue
        with open(os.path.join(root, "texts", g["doc"] + ".txt"), encoding="utf-8", newline="") as fh:
            text = fh.read()
        cues = sorted((s, e) for a in g["attributions"] for s, e in a["cue"])
        starts = [s for s, _ in cues]
        import bisect

        for m in WORD.finditer(text):
            word = m.group().lower().replace("’", "'")
            total[word] += 1
            k = bisect.bisect_right(starts, m.start()) - 1
            # A cue span covering the word (spans do not nest far back).
            hit = any(cues[j][0] <= m.start() and m.end() <= cues[j][1] for j in range(max(0, k - 3), k + 1))
            if hit and word not in SKIP:
                cue_count[word] += 1
                cue_docs[word].add(g["doc"])
    print("# Attribution cues mined from the PolNeAR training annotations (politico held out)")
    print(f"# by scripts/mine_attribution_cues.py (kept: marked as a cue >= {MIN_COUNT} times in")
    print(f"# >= {MIN_DOCS} articles and in >= {MIN_SHARE:.0%} of the form's occurrences).")
    print("# Regenerate, do not edit: `word count share` lines, the share being how often")
    print("# the form, wherever it occurs, was marked as a cue.")
    for word in sorted(cue_count):
        n = cue_count[word]
        if n < MIN_COUNT or len(cue_docs[word]) < MIN_DOCS or n < MIN_SHARE * total[word]:
            continue
        print(f"{word} {n} {n / total[word]:.2f}")


if __name__ == "__main__":
    main()
