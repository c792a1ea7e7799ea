#!/usr/bin/env python3
"""Fault injection against the worksheet (issue 19): what a journalist's
sheet survives. Prints one line per case, `held N/M`, and a JSON summary.

usage: FACTSHEET_BIN=target/fast/factsheet python3 scripts/worksheet_faults.py [--runs N] [--kills N]

Cases:
  concurrent   two `check … -o same.csv` runs at once; both runs' rows and
               every human cell must survive (N times)
  human-save   a human saves the sheet while a run is under way; the save
               must survive (N times)
  kill         kill -9 at a random moment; the sheet is the old one or a
               complete new one, and the next run leaves no temporary file
  duplicates   two articles with one base name, one file given twice, a
               different article under the same name, a blank or deleted
               `article` cell: no sheet later runs refuse, no verdict
               inherited
  cells        duplicate columns, ` Verdict `, full-width formula signs, a
               leading apostrophe, file modes and links
Standard library only.
"""
import argparse
import csv
import io
import json
import os
import random
import shutil
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("FACTSHEET_BIN", os.path.join(ROOT, "target/release/factsheet"))
SAMPLE = open(os.path.join(ROOT, "data/articles/ice-massachusetts.txt"), encoding="utf-8").read()
HARBOR = open(os.path.join(ROOT, "tests/fixtures/harbor-sweep.txt"), encoding="utf-8").read()
LIBRARY = open(os.path.join(ROOT, "tests/fixtures/library-budget.txt"), encoding="utf-8").read()


def run(*args, **kw):
    return subprocess.run([BIN, "check", "--format", "jsonl", *args], capture_output=True, text=True, **kw)


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]


def write(path, headers, rows):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(headers)
    for r in rows:
        w.writerow([r.get(h, "") for h in headers])
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(out.getvalue())


def readable(path):
    """Does factsheet itself accept the sheet?"""
    p = subprocess.run([BIN, "review", path], capture_output=True, text=True)
    return p.returncode == 0


def mark_all(path, verdict="verified", note="called"):
    headers, rows = read(path)
    for r in rows:
        r["verdict"] = verdict
        r["notes"] = f"{note} {r['id']}"
    write(path, headers, rows)
    return {r["id"]: r["notes"] for r in rows}


def humans_kept(path, notes):
    _, rows = read(path)
    have = {r["id"]: r.get("notes", "") for r in rows}
    return all(have.get(i) == n for i, n in notes.items())


def concurrent(n, width=2):
    """`width` runs at once, each with its own article, into a sheet that
    holds a third article's human cells."""
    held = 0
    names = [f"{chr(97 + k)}.txt" for k in range(width)]
    for _ in range(n):
        d = tempfile.mkdtemp()
        for k, name in enumerate(names):
            open(os.path.join(d, name), "w").write([SAMPLE, HARBOR][k % 2].replace("2025", str(2000 + k)))
        open(os.path.join(d, "base.txt"), "w").write(LIBRARY)
        s = os.path.join(d, "s.csv")
        run(os.path.join(d, "base.txt"), "-o", s)
        notes = mark_all(s)
        ps = [
            subprocess.Popen([BIN, "check", "--format", "jsonl", os.path.join(d, x), "-o", s],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for x in names
        ]
        ok = all([p.wait() == 0 for p in ps])
        if ok and readable(s):
            _, rows = read(s)
            arts = {r["article"] for r in rows}
            ok = set(names) | {"base.txt"} <= arts and humans_kept(s, notes)
        else:
            ok = False
        held += ok
        shutil.rmtree(d)
    return held


def human_save(n):
    held = 0
    for i in range(n):
        d = tempfile.mkdtemp()
        docs = os.path.join(d, "docs")
        os.mkdir(docs)
        for k in range(60):
            open(os.path.join(docs, f"{k:02}.txt"), "w").write(SAMPLE.replace("370", str(300 + k)))
        open(os.path.join(d, "c.txt"), "w").write(LIBRARY)
        s = os.path.join(d, "s.csv")
        run(os.path.join(d, "c.txt"), "-o", s)
        t0 = time.time()
        run(docs, "-o", s)
        took = time.time() - t0
        # The sheet now holds every article; the human marks c.txt's rows
        # while the next run is under way.
        p = subprocess.Popen([BIN, "check", "--format", "jsonl", docs, "-j", "1", "-o", s],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(random.uniform(0.2, 0.9) * took)
        headers, rows = read(s)
        for r in rows:
            if r["article"] == "c.txt":
                r["notes"] = "human save"
        tmp = s + ".save"
        write(tmp, headers, rows)
        os.replace(tmp, s)
        p.wait()
        _, rows = read(s)
        held += all(r.get("notes") == "human save" for r in rows if r["article"] == "c.txt") and p.returncode == 0
        shutil.rmtree(d)
    return held


def kills(n):
    held = 0
    stale = 0
    d = tempfile.mkdtemp()
    docs = os.path.join(d, "docs")
    os.mkdir(docs)
    for k in range(40):
        open(os.path.join(docs, f"{k:02}.txt"), "w").write(SAMPLE.replace("370", str(300 + k)))
    s = os.path.join(d, "s.csv")
    run(docs, "-o", s)
    notes = mark_all(s)
    t0 = time.time()
    run(docs, "-o", s)
    took = time.time() - t0
    for _ in range(n):
        p = subprocess.Popen([BIN, "check", "--format", "jsonl", docs, "-o", s],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(random.uniform(0, 1.2) * took)
        p.kill()
        p.wait()
        held += readable(s) and humans_kept(s, notes)
    run(docs, "-o", s)
    stale = sum(1 for f in os.listdir(d) if f.endswith(".tmp"))
    shutil.rmtree(d)
    return held, stale


def duplicates():
    cases = {}
    # Two articles, one base name, two folders, in one run; then a re-run.
    d = tempfile.mkdtemp()
    # The same wire story, another speaker: identical quote texts.
    other = SAMPLE.replace("Michelle Wu", "Jane Roe").replace("Wu ", "Roe ")
    for sub, text in [("x", SAMPLE), ("y", other)]:
        os.mkdir(os.path.join(d, sub))
        open(os.path.join(d, sub, "story.txt"), "w").write(text)
    s = os.path.join(d, "s.csv")
    a, b = os.path.join(d, "x/story.txt"), os.path.join(d, "y/story.txt")
    r1, r2 = run(a, b, "-o", s), run(a, b, "-o", s)
    cases["two-folders"] = r2.returncode == 0 and readable(s)
    # One file given twice.
    s2 = os.path.join(d, "s2.csv")
    run(a, a, "-o", s2)
    cases["given-twice"] = run(a, "-o", s2).returncode == 0 and readable(s2)
    # A different article under the same name: the same quotes, another
    # speaker. None of the first article's verdicts may follow.
    os.mkdir(os.path.join(d, "z"))
    open(os.path.join(d, "z/story.txt"), "w").write(other)
    s3 = os.path.join(d, "s3.csv")
    run(a, "-o", s3)
    mark_all(s3)
    run(os.path.join(d, "z/story.txt"), "-o", s3)
    _, rows = read(s3)
    roe = [r for r in rows if r.get("speaker") == "Jane Roe"]
    cases["no-inherited-verdict"] = bool(roe) and all(not r.get("verdict") for r in roe) and readable(s3)
    # A blank `article` cell (the 30-byte reproducer) and a deleted column.
    one = os.path.join(d, "one.txt")
    open(one, "w").write(SAMPLE)
    s4 = os.path.join(d, "s4.csv")
    run(one, "-o", s4)
    _, rows = read(s4)
    qid = next(r["id"] for r in rows if r["kind"] == "quote")
    open(s4, "w").write(f"id,verdict\n{qid},false\n")
    run(one, "-o", s4)
    run(one, "-o", s4)
    cases["blank-article-cell"] = readable(s4)
    s5 = os.path.join(d, "s5.csv")
    run(one, "-o", s5)
    notes = mark_all(s5)
    headers, rows = read(s5)
    write(s5, [h for h in headers if h != "article"], rows)
    run(one, "-o", s5)
    r = run(one, "-o", s5)
    cases["deleted-article-column"] = r.returncode == 0 and readable(s5) and humans_kept(s5, notes)
    shutil.rmtree(d)
    return cases


def cells():
    cases = {}
    d = tempfile.mkdtemp()
    one = os.path.join(d, "one.txt")
    open(one, "w").write(SAMPLE)
    s = os.path.join(d, "s.csv")
    run(one, "-o", s)
    headers, rows = read(s)
    # A duplicate column: refused, sheet untouched.
    write(s, headers + ["notes"], rows)
    before = open(s, "rb").read()
    r = run(one, "-o", s)
    cases["duplicate-column-refused"] = (r.returncode == 2 and 'column "notes" appears twice' in r.stderr
                                         and open(s, "rb").read() == before)
    # ` Verdict ` is the verdict column.
    write(s, [(" Verdict " if h == "verdict" else h) for h in headers], [dict(x, **{" Verdict ": "verified"}) for x in rows])
    run(one, "-o", s)
    h2, rows2 = read(s)
    cases["spaced-header"] = sum(1 for h in h2 if h.strip().lower() == "verdict") == 1 and all(
        x.get("verdict", x.get(" Verdict ")) == "verified" for x in rows2)
    # Full-width formula signs are neutralised; a real apostrophe survives.
    run(one, "-o", s)
    headers, rows = read(s)
    rows[0]["notes"] = "＝SUM(A1)"
    rows[1]["notes"] = "'-5 degrees tonight,"
    write(s, headers, rows)
    run(one, "-o", s)
    _, rows = read(s)
    cases["full-width-neutralised"] = rows[0]["notes"].startswith("'")
    # A quote that really begins with an apostrophe keeps it when the
    # sheet is read back (here by `export`).
    q = os.path.join(d, "q.txt")
    open(q, "w").write("Storm watch\n\n\u201c'-5 degrees tonight, and worse tomorrow,\u201d Dana Holt said on Monday.\n\n"
                         "\u201cThe page ends here </script><b>\u2028now,\u201d Holt said.\n")
    sq = os.path.join(d, "q.csv")
    run(q, "-o", sq)
    mark_all(sq)
    e = subprocess.run([BIN, "export", "--claimreview", sq], capture_output=True, text=True)
    try:
        texts = [x["claimReviewed"] for x in json.loads(e.stdout)]
    except ValueError:
        texts = []
    cases["apostrophe-round-trip"] = any(t.startswith("'-5 degrees") for t in texts)
    cases["json-ld-script-safe"] = "</script" not in e.stdout and "\u2028" not in e.stdout
    # Modes and links.
    os.chmod(s, 0o600)
    run(one, "-o", s)
    cases["mode-600-kept"] = (os.stat(s).st_mode & 0o777) == 0o600
    os.chmod(s, 0o444)
    before = open(s, "rb").read()
    r = run(one, "-o", s)
    cases["read-only-refused"] = r.returncode == 2 and open(s, "rb").read() == before
    os.chmod(s, 0o644)
    link = os.path.join(d, "link.csv")
    os.symlink(s, link)
    run(one, "-o", link)
    cases["symlink-kept"] = os.path.islink(link)
    shutil.rmtree(d)
    return cases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--kills", type=int, default=100)
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    out = {}
    want = lambda k: not args.only or k in args.only.split(",")
    if want("concurrent"):
        out["concurrent"] = f"{concurrent(args.runs)}/{args.runs}"
        out["concurrent_x4"] = f"{concurrent(args.runs, 4)}/{args.runs}"
    if want("human-save"):
        out["human_save"] = f"{human_save(args.runs)}/{args.runs}"
    if want("kill"):
        held, stale = kills(args.kills)
        out["kill"] = f"{held}/{args.kills}"
        out["stale_tmp_after_rerun"] = stale
    if want("duplicates"):
        out["duplicates"] = duplicates()
    if want("cells"):
        out["cells"] = cells()
    for k, v in out.items():
        print(f"{k}: {v}")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
