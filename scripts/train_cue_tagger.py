#!/usr/bin/env python3
"""Trains the attribution-cue tagger (an averaged perceptron) from the
PolNeAR training annotations.

    python3 scripts/train_cue_tagger.py [../shared/eval/polnear-train] > data/models/cue_tagger.txt

writes the model as text on standard output and, beside it, the compact
binary form the pipeline compiles in (data/models/cue_tagger.bin, see
`write_binary`). `--bin-from data/models/cue_tagger.txt` writes the binary
form of a text model without training again.

Every gold attribution marks its cue span ("said", "told reporters",
"now talks freely of", "wants"). The tagger learns, for a word that heads
some cue in the corpus, whether this occurrence does: from the word, its
neighbours, what follows ("that", a colon, a quotation mark) and what
precedes it (a name, a pronoun, the sentence start). The head of a gold
cue is its last word that is not an auxiliary, a particle or a
preposition ("has asked" → "asked", "spoke about" → "spoke").

Candidates are the words that head a cue at least MIN_HEAD times in
MIN_DOCS articles; other words are never cues, so the run-time cost stays
with those words. The model file lists the candidate words, the feature
weights (feature strings, lower-case, as `src/attributions/tagger.rs`
builds them), and a calibration table (score → share of training
positives), which the pipeline uses as the cue's share. Only words and
numbers are written; no article text is copied.

The politico articles are held out (not trained on) so the tagger can be
measured on a publisher it never saw. Deterministic: fixed document order,
no randomness.
"""
import collections
import fractions
import json
import os
import re
import struct
import sys

HELD_OUT = "politico"
MIN_HEAD = 2
MIN_DOCS = 2
EPOCHS = 5
MIN_FEATURE_COUNT = 3  # features seen fewer times are dropped from the file
SKIP = set("""be is was were are been being am 's 're 'm has have had having do does did done doing
would will could should may might can must shall wo ca get got gets getting not n't also
to of for on in at about by with that as from out up the a an it this his her their its
and or but if than then so just still even only more most very""".split())
# Words of the Rust tokenizer (letters and digits, joined by apostrophes,
# hyphens, periods and ampersands), other characters one by one.
TOKEN = re.compile(r"\w+(?:[’'\-.&]\w+)*|[^\w\s]", re.UNICODE)
END_MARKS = {".", "?", "!"}
QUOTE_MARKS = {"“", "”", '"', "‘", "’", "'"}
PRONOUNS = {"he", "she", "they", "we", "i", "you", "it"}


def tokens(text):
    """(start, end, text) per token, with sentence starts after end marks
    and paragraph breaks."""
    out = []
    for m in TOKEN.finditer(text):
        out.append((m.start(), m.end(), m.group()))
    return out


def shape(tok):
    """A neighbour's shape: capitalised word, number, word, or the mark."""
    if tok is None:
        return "_"
    t = tok
    if t[0].isdigit():
        return "D"
    if t[0].isupper():
        return "C"
    if t[0].isalpha():
        return "l"
    return t


def low(tok):
    return "_" if tok is None else tok.lower()


def features(words, i):
    """The feature strings of token i of a sentence's token texts (the
    same templates, in the same order, as the Rust tagger)."""
    w = words[i].lower()
    p = words[i - 1] if i > 0 else None
    pp = words[i - 2] if i > 1 else None
    n = words[i + 1] if i + 1 < len(words) else None
    nn = words[i + 2] if i + 2 < len(words) else None
    if n is not None and n in END_MARKS:
        nn = None
    that3 = any(x.lower() == "that" for x in words[i + 1 : i + 4])
    f = [
        "b",
        "w=" + w,
        "p=" + low(p),
        "n=" + low(n),
        "pp=" + low(pp),
        "nn=" + low(nn),
        "wn=" + w + "|" + low(n),
        "pw=" + low(p) + "|" + w,
        "ps=" + shape(p),
        "ns=" + shape(n),
        "wns=" + w + "|" + shape(n),
        "wps=" + w + "|" + shape(p),
        "cap=" + ("1" if words[i][0].isupper() else "0"),
        "t3=" + ("1" if that3 else "0"),
        "wt3=" + w + "|" + ("1" if that3 else "0"),
    ]
    return f


def sentences(text):
    """Token lists split at end marks and line breaks: a sentence the way
    the pipeline's segmenter mostly cuts it."""
    toks = tokens(text)
    sent = []
    last_end = 0
    for s, e, t in toks:
        if sent and "\n" in text[last_end:s]:
            yield sent
            sent = []
        sent.append((s, e, t))
        last_end = e
        if t in END_MARKS:
            yield sent
            sent = []
    if sent:
        yield sent


def head_of(text, spans):
    """The head word's start offset in a gold cue: its last word that is no
    auxiliary, particle or preposition."""
    best = None
    for s, e in spans:
        for m in TOKEN.finditer(text[s:e]):
            t = m.group()
            if not t[0].isalpha() or t.lower().replace("’", "'") in SKIP:
                continue
            if t.lower().endswith("ly") and best is not None:
                continue
            best = s + m.start()
    return best


def load(root):
    with open(os.path.join(root, "gold.jsonl"), encoding="utf-8") as fh:
        gold = [json.loads(line) for line in fh if line.strip()]
    docs = []
    for g in sorted(gold, key=lambda g: g["doc"]):
        if g["doc"].startswith(HELD_OUT):
            continue
        with open(os.path.join(root, "texts", g["doc"] + ".txt"), encoding="utf-8", newline="") as fh:
            text = fh.read()
        heads = {h for a in g["attributions"] if (h := head_of(text, a["cue"])) is not None}
        docs.append((g["doc"], text, heads))
    return docs


BIN_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "models", "cue_tagger.bin")
BIN_MAGIC = b"FSCUETG1"
MASK64 = (1 << 64) - 1
# The templates of `features`, with how many parts each joins with `|`:
# src/attributions/tagger.rs::TEMPLATES, whose key function `feature_key`
# reimplements.
TEMPLATES = [("b", 0), ("w=", 1), ("p=", 1), ("n=", 1), ("pp=", 1), ("nn=", 1), ("wn=", 2), ("pw=", 2),
             ("ps=", 1), ("ns=", 1), ("wns=", 2), ("wps=", 2), ("cap=", 1), ("t3=", 1), ("wt3=", 2)]


def fnv(b):
    """FNV-1a, 64 bits (tagger.rs::fnv without folding)."""
    h = 0xCBF29CE484222325
    for x in b:
        h = ((h ^ x) * 0x100000001B3) & MASK64
    return h


def join_key(template, parts):
    """tagger.rs::key: the template's hash with each part's mixed in."""
    h = template
    for p in parts:
        h = ((h ^ p) * 0x9E3779B97F4A7C15) & MASK64
        h = ((h << 29) | (h >> 35)) & MASK64
    return h


def feature_key(feature):
    """The run-time key of a feature string (tagger.rs::feature_key)."""
    for name, arity in TEMPLATES:
        if feature.startswith(name) and (name.endswith("=") or feature == name):
            break
    else:
        return None
    value = feature[len(name):]
    if arity == 0:
        parts = []
    elif arity == 1:
        parts = [value]
    elif value.startswith("||"):
        parts = ["|", value[2:]]
    elif "|" in value:
        parts = value.split("|", 1)
    else:
        return None
    return join_key(fnv(name.encode()), [fnv(p.encode()) for p in parts])


def f32_bits(text):
    """The bits of the f32 nearest the decimal `text`, ties to even, as
    Rust's `str::parse::<f32>` reads it (rounding through a double could
    round twice)."""
    exact = fractions.Fraction(text)
    (bits,) = struct.unpack("<I", struct.pack("<f", float(text)))

    def value(b):
        return fractions.Fraction(struct.unpack("<f", struct.pack("<I", b))[0])

    best = bits
    for b in (bits - 1, bits + 1):
        if 0 <= b < 0xFFFFFFFF and (b & 0x7F800000) != 0x7F800000:
            d, e = abs(value(b) - exact), abs(value(best) - exact)
            if d < e or (d == e and b % 2 == 0):
                best = b
    return best


def write_binary(lines, path):
    """The compact form of the text model `lines`, read in place by
    src/attributions/tagger.rs with no parsing at start-up. Little-endian:
    the magic `FSCUETG1`; u32 counts of words, bands and the log2 of the
    slots; the candidate words, each a u8 length and its UTF-8 bytes; the
    bands as (lowest score, share) f32 pairs; then an open-addressing
    table of slots, each a u64 feature key (0: empty) and its f32 weight,
    a key's first slot its top bits, probed forward. Deterministic: slots
    are filled in the text's order."""
    words, bands, feats = [], [], []
    for line in lines:
        parts = line.split(" ")
        if parts[0] == "v" and len(parts) == 2:
            words.append(parts[1].encode())
        elif parts[0] == "c" and len(parts) == 3:
            bands.append((f32_bits(parts[1]), f32_bits(parts[2])))
        elif parts[0] == "f" and len(parts) == 3:
            k = feature_key(parts[1])
            if k is not None:
                feats.append((k, f32_bits(parts[2])))
    bits = 1
    while (1 << bits) < 3 * len(feats) // 2:
        bits += 1
    slots = [None] * (1 << bits)
    seen = set()
    for k, w in feats:
        assert k != 0 and k not in seen, "feature keys collide"
        seen.add(k)
        i = k >> (64 - bits)
        while slots[i] is not None:
            i = (i + 1) & ((1 << bits) - 1)
        slots[i] = (k, w)
    out = bytearray(BIN_MAGIC)
    out += struct.pack("<III", len(words), len(bands), bits)
    for w in words:
        assert len(w) < 256
        out += struct.pack("<B", len(w)) + w
    for lo, share in bands:
        out += struct.pack("<II", lo, share)
    for s in slots:
        out += struct.pack("<QI", *(s or (0, 0)))
    with open(path, "wb") as fh:
        fh.write(bytes(out))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--bin-from":
        with open(sys.argv[2], encoding="utf-8") as fh:
            write_binary(fh.read().splitlines(), BIN_PATH)
        return
    root = sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/polnear-train"
    docs = load(root)
    head_count = collections.Counter()
    head_docs = collections.defaultdict(set)
    for doc, text, heads in docs:
        for h in heads:
            m = TOKEN.match(text, h)
            w = m.group().lower()
            head_count[w] += 1
            head_docs[w].add(doc)
    vocab = {w for w, c in head_count.items() if c >= MIN_HEAD and len(head_docs[w]) >= MIN_DOCS and w not in SKIP}
    examples = []
    for doc, text, heads in docs:
        for sent in sentences(text):
            words = [t for _, _, t in sent]
            for i, (s, _, t) in enumerate(sent):
                if t.lower() in vocab:
                    examples.append((features(words, i), 1 if s in heads else -1))
    # Averaged perceptron (the lazy-update form: totals per feature).
    weights = collections.defaultdict(float)
    totals = collections.defaultdict(float)
    stamps = collections.defaultdict(int)
    seen = collections.Counter()
    for f, _ in examples:
        seen.update(f)
    step = 0
    for _ in range(EPOCHS):
        for f, y in examples:
            step += 1
            score = sum(weights.get(x, 0.0) for x in f)
            if y * score <= 0:
                for x in f:
                    totals[x] += (step - stamps[x]) * weights[x]
                    stamps[x] = step
                    weights[x] += y
    avg = {}
    for x, wv in weights.items():
        t = totals[x] + (step - stamps[x]) * wv
        a = t / step
        if abs(a) >= 0.005 and seen[x] >= MIN_FEATURE_COUNT:
            avg[x] = round(a, 3)
    # Calibration: the share of positives among training candidates by
    # score band.
    bands = collections.defaultdict(lambda: [0, 0])
    edges = [-2.0, -1.0, -0.5, -0.25, 0.0, 0.25, 0.5, 1.0, 2.0, 4.0]
    for f, y in examples:
        score = sum(avg.get(x, 0.0) for x in f)
        lo = max([e for e in edges if e <= score], default=-99.0)
        bands[lo][0] += y > 0
        bands[lo][1] += 1
    pos = sum(y > 0 for _, y in examples)
    lines = []

    def print(*parts):
        lines.append(" ".join(str(p) for p in parts))
        sys.stdout.write(lines[-1] + "\n")

    print("# Attribution-cue tagger: an averaged perceptron trained by")
    print("# scripts/train_cue_tagger.py on the PolNeAR training annotations (politico held out).")
    print(f"# {len(examples)} candidate tokens, {pos} cue heads, {EPOCHS} epochs. Regenerate, do not edit.")
    print("# `v WORD`: a candidate word; `c LOW SHARE`: from score LOW up, this share of")
    print("# training candidates were cues; `f FEATURE WEIGHT`.")
    for w in sorted(vocab):
        print("v", w)
    for lo in sorted(bands):
        k, n = bands[lo]
        print("c", lo, round(k / n, 3))
    for x in sorted(avg):
        print("f", x, avg[x])
    write_binary(lines, BIN_PATH)


if __name__ == "__main__":
    main()
