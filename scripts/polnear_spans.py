"""Span helpers shared by the PolNeAR scripts (train_quote_gate.py,
attribution_errors.py, attribution_misses.py): the tool reports byte
offsets, the gold code point offsets, and quoted fragments are compared
without their marks; and one run of factsheet over a set."""

import json
import os
import subprocess


def char_map(text):
    """Byte offset -> code point offset."""
    m = [0] * (len(text.encode("utf-8")) + 1)
    b = 0
    for i, ch in enumerate(text):
        n = len(ch.encode("utf-8"))
        for k in range(n):
            m[b + k] = i
        b += n
    m[b] = len(text)
    return m


def strip(text, s, e):
    """The span s..e without the spaces and quotation marks at its edges."""
    marks = " \t\n\"“”‘’'"
    while s < e and text[s] in marks:
        s += 1
    while e > s and text[e - 1] in marks:
        e -= 1
    return s, e


def overlap(a, b):
    """How many characters two (start, end) spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans_overlap(a, b):
    """How many characters two lists of (start, end) spans share."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def spans_length(spans):
    """How many characters a list of (start, end) spans covers."""
    return sum(e - s for s, e in spans)


def spans_match(gold, pred):
    """The scorer's content match: a mutual 50% character overlap."""
    ov = spans_overlap(gold, pred)
    return ov > 0 and 2 * ov >= spans_length(gold) and 2 * ov >= spans_length(pred)


def run_articles(binary, root, gold):
    """Runs factsheet once over a PolNeAR set's texts, as JSON Lines with each
    article's publication date, and returns its article objects by document."""
    recs = []
    for g in gold:
        with open(os.path.join(root, "texts", g["doc"] + ".txt"), encoding="utf-8", newline="") as fh:
            rec = {"id": g["doc"], "text": fh.read()}
        if g.get("published"):
            rec["date"] = g["published"]
        recs.append(json.dumps(rec, ensure_ascii=False))
    out = subprocess.run([binary, "check", "--input", "jsonl", "--format", "jsonl", "--no-cross", "-"],
                         input="\n".join(recs) + "\n", capture_output=True, text=True).stdout
    by_doc = {}
    for line in out.splitlines():
        if line.startswith("{"):
            obj = json.loads(line)
            if obj.get("type") == "article" and obj.get("path"):
                by_doc[obj["path"]] = obj
    return by_doc


def run_features(binary, root, held_out=None):
    """Runs a feature-dump example (`examples/*_features.rs`) once over a
    PolNeAR set, without the documents whose name starts with `held_out`.
    Returns the gold lines sorted by document, each text by document, and
    the example's output object by document."""
    with open(os.path.join(root, "gold.jsonl"), encoding="utf-8") as fh:
        gold = [json.loads(line) for line in fh if line.strip()]
    gold = sorted((g for g in gold if not (held_out and g["doc"].startswith(held_out))), key=lambda g: g["doc"])
    texts = {}
    for g in gold:
        with open(os.path.join(root, "texts", g["doc"] + ".txt"), encoding="utf-8", newline="") as fh:
            texts[g["doc"]] = fh.read()
    inp = "".join(json.dumps({"id": g["doc"], "text": texts[g["doc"]]}, ensure_ascii=False) + "\n" for g in gold)
    out = subprocess.run([binary], input=inp, capture_output=True, text=True, check=True).stdout
    rows = {}
    for line in out.splitlines():
        obj = json.loads(line)
        rows[obj["id"]] = obj
    return gold, texts, rows
