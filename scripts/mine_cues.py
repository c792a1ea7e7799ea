#!/usr/bin/env python3
"""Mines the cue-verb lexicon from the PolNeAR training annotations.

    python3 scripts/mine_cues.py [../shared/eval/polnear-train] > data/lexicon/mined_cue_verbs.txt

Every gold attribution marks its cue span ("said", "told reporters",
"went on to argue"). The corpus's CoreNLP tokens (silver POS tags) give the
verbs inside those spans. A verb form is kept when annotators marked it as a
cue often enough, in enough articles, and in a fair share of the times it
occurs at all, so that common verbs ("made", "took") that only sometimes
introduce speech stay out. Only the words and their counts are written; no
article text is copied. Deterministic: same input, same output.
"""
import collections
import json
import os
import sys

MIN_COUNT = 4  # times marked as a cue
MIN_DOCS = 3  # in this many articles
MIN_SHARE = 0.30  # of the form's verb occurrences in the corpus
# Attribution covers belief and perception too ("seemed", "expected");
# a verb that almost never introduces a quotation is not a quote cue.
MIN_QUOTED = 2  # cues of an attribution with a quotation
MIN_QUOTED_SHARE = 0.12  # of the form's cue uses
# Auxiliaries and light verbs sit inside many cue spans ("has said", "did
# not comment") without being the cue themselves.
AUX = set("""be is was were are been being am 's 're 'm has have had having do does did done doing
would will could should may might can must shall wo ca get got gets getting""".split())
# Verbs that name a term rather than introduce speech ("known as", "titled");
# the quote grammar treats them as term markers.
TERM_VERBS = set("known titled named naming nicknamed dubbed termed labeled labelled".split())
# "according to" is a phrase the grammar reads as a whole.
PHRASE_WORDS = {"according"}


def read_tokens(path):
    """(start, end, word, pos) of every token of one CoreNLP TSV file."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#coref"):
                break
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 8:
                continue
            out.append((int(cols[2]), int(cols[3]), cols[4]))
    return out


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/polnear-train"
    here = os.path.dirname(os.path.abspath(__file__))
    lexicon = os.path.join(here, "..", "data", "lexicon")
    characterising = set()
    with open(os.path.join(lexicon, "characterising_verbs.txt"), encoding="utf-8") as fh:
        for line in fh:
            w = line.split("#")[0].strip()
            if w:
                characterising.add(w)
    cue_count = collections.Counter()
    quoted = collections.Counter()
    cue_docs = collections.defaultdict(set)
    verb_count = collections.Counter()
    noun_count = collections.Counter()
    with open(os.path.join(root, "gold.jsonl"), encoding="utf-8") as fh:
        gold = [json.loads(line) for line in fh if line.strip()]
    for g in sorted(gold, key=lambda g: g["doc"]):
        tsv = os.path.join(root, "corenlp", g["doc"] + ".tsv")
        if not os.path.exists(tsv):
            continue
        with open(os.path.join(root, "texts", g["doc"] + ".txt"), encoding="utf-8", newline="") as fh:
            text = fh.read()
        cues = [(s, e, bool(a["quotes"])) for a in g["attributions"] for s, e in a["cue"]]
        for s, e, pos in read_tokens(tsv):
            word = text[s:e].lower().replace("’", "'")
            if pos.startswith("NN"):
                noun_count[word] += 1
            if not pos.startswith("VB"):
                continue
            if not word.isalpha() or word in AUX or word in TERM_VERBS or word in PHRASE_WORDS:
                continue
            verb_count[word] += 1
            hit = [q for cs, ce, q in cues if cs <= s and e <= ce]
            if hit:
                quoted[word] += any(hit)
                cue_count[word] += 1
                cue_docs[word].add(g["doc"])
    print("# Cue verbs mined from the PolNeAR training annotations by scripts/mine_cues.py")
    print(f"# (kept: marked as a cue >= {MIN_COUNT} times in >= {MIN_DOCS} articles, in >= {MIN_SHARE:.0%}")
    print(f"# of the form's verb occurrences, and >= {MIN_QUOTED} times, {MIN_QUOTED_SHARE:.0%} of its cue uses,")
    print("# for a quotation, and no more often a noun than a verb). Regenerate, do not edit: `word count` lines,")
    print("# the count being how often annotators marked the form as a cue.")
    for word in sorted(cue_count):
        n = cue_count[word]
        if n < MIN_COUNT or len(cue_docs[word]) < MIN_DOCS or word in characterising:
            continue
        if n < MIN_SHARE * verb_count[word]:
            continue
        # "claims", "reports", "calls": a form that is a noun more often than
        # a verb would take "Republican claims" for a speaker and a verb.
        if noun_count[word] > verb_count[word]:
            continue
        if quoted[word] < MIN_QUOTED or quoted[word] < MIN_QUOTED_SHARE * n:
            continue
        print(f"{word} {n}")


if __name__ == "__main__":
    main()
