"""Span helpers shared by the PolNeAR scripts (train_quote_gate.py,
attribution_errors.py): the tool reports byte offsets, the gold code point
offsets, and quoted fragments are compared without their marks."""


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
