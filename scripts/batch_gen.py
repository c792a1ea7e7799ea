#!/usr/bin/env python3
"""Deterministic batches for scripts/batch-scaling.sh (python3 stdlib only).

    batch_gen.py news N OUT.jsonl [--edit] [--long]
        N news-like articles as a JSON Lines archive. Each names one person
        of its own (a first name from a short list and a surname no other
        article uses), a few recurring officials with their offices, their
        recurring quotations and the figures of recurring events, so every
        cross-article check has keys to index. A few articles contradict
        the others on purpose (a misspelt name, another office, a
        quotation credited to someone else, another count), so the checks
        also have something to find. --edit changes every count, as an
        editor's pass over the batch would; --long adds paragraphs (about
        3 KB an article instead of 1.5 KB).
    batch_gen.py numbers SENTENCES OUT.txt [--edit]
        One article made of dated counts, one per sentence; --edit changes
        every count and every day.
"""
import json
import random
import sys

FIRST = ["Anna", "Boris", "Carla", "David", "Elena", "Frank", "Greta", "Henry", "Irene", "James",
         "Karen", "Laura", "Maria", "Nancy", "Oscar", "Peter", "Rachel", "Simon", "Teresa", "Victor",
         "Alice", "Brian", "Diane", "Edward", "Fiona", "George", "Helen", "Isaac", "Julia", "Kevin"]
SYL = ["ba", "de", "fi", "go", "ku", "la", "me", "ni", "po", "ru", "sa", "te", "vi", "wo", "zu", "ha"]
POOL_SURNAMES = ["Whitcombe", "Harrowgate", "Okonkwo", "Castellanos", "Lindqvist", "Marchetti",
                 "Abernathy", "Delacroix", "Fitzgerald", "Grünewald", "Halvorsen", "Iwasaki",
                 "Jablonski", "Kowalczyk", "Montgomery", "Nakamura", "Oyelaran", "Pemberton",
                 "Quintero", "Rasmussen", "Sandoval", "Thibodeaux", "Underwood", "Valentine",
                 "Wexford", "Yamamoto", "Zielinski", "Ashworth", "Blackwood", "Carrington"]
OFFICES = ["Mayor", "Sen.", "Gov.", "Rep."]
CITIES = ["Boston", "Denver", "Austin", "Portland", "Chicago", "Phoenix", "Atlanta", "Seattle"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
NOUNS = ["people", "workers", "families", "students", "homes", "cars", "arrests", "votes"]
ORGS = ["housing", "transit", "water", "school", "parks", "harbor", "health", "fire"]
# Words of each article's own quotation, chosen by the digits of its number.
QA = ["found", "checked", "counted", "reviewed", "opened", "closed", "moved", "sent", "fixed", "read"]
QB = ["files", "roads", "ledgers", "permits", "schools", "bridges", "clinics", "accounts", "pipes", "maps"]
QC = ["finish", "publish", "explain", "defend", "repeat", "share", "audit", "test", "sign", "clear"]
QD = ["again", "fully", "early", "openly", "quickly", "twice", "slowly", "carefully", "soon", "promptly"]
QE = ["council", "board", "budget", "spring", "summer", "autumn", "winter", "public", "final", "next"]
FILLER = ("Residents packed the hall for the meeting, and several asked why the figures had not been "
          "published sooner. The council agreed to post the records online and to hold a second "
          "hearing before the end of the month. Staff said the review would cover every district, "
          "and that the notices sent to tenants would be rewritten in plain language. Neighbours "
          "who spoke at the meeting described long waits on the telephone line and letters that "
          "arrived after the deadlines they named. The clerk promised written answers to each of "
          "them and a public summary of what the office changes.\n")


# A fixed random choice of five-syllable codes, so no two articles share a
# surname and neighbouring articles' surnames are not one slip apart.
CODES = random.Random(15).sample(range(16 ** 5), 100_000)


def surname(i):
    """A surname of five syllables that no other article number gives."""
    n = CODES[i % len(CODES)]
    s = ""
    for _ in range(5):
        s += SYL[n % 16]
        n //= 16
    return s.capitalize()


def pool_person(j):
    return FIRST[(j * 7 + 3) % len(FIRST)], POOL_SURNAMES[j % len(POOL_SURNAMES)], OFFICES[j % len(OFFICES)]


def pool_quote(j):
    return (f"We will keep working with every family in {CITIES[j % len(CITIES)]} until the "
            f"{ORGS[j % len(ORGS)]} plan is done, and we will report on it every {WEEKDAYS[j % 5]}")


def slip(word):
    """The word with two letters in its middle swapped: a typist's slip."""
    k = len(word) // 2
    return word[:k] + word[k + 1] + word[k] + word[k + 2:]


def news(i, edit, long):
    rnd = random.Random(i * 7919 + 15)
    bump = 1 if edit else 0
    city = CITIES[i % len(CITIES)]
    first, last = FIRST[i % len(FIRST)], surname(i)
    j = (i * 7) % 60
    pf, pl, office = pool_person(j)
    if i % 997 == 996:
        pl = slip(pl)
    if i % 1499 == 1498:
        office = OFFICES[(j + 1) % len(OFFICES)]
    speaker_j = j + 1 if i % 701 == 700 else j
    sf, sl, so = pool_person(speaker_j)
    e = i % 50
    month = MONTHS[e % 12]
    d1 = 1 + e % 20
    d2 = d1 + 2 + e % 6
    value = 100 + e * 37 + (7 if i % 613 == 612 else 0) + bump
    ev_noun = NOUNS[e % len(NOUNS)]
    q = (f"We {QA[i % 10]} the {QB[(i // 10) % 10]} and we will {QC[(i // 100) % 10]} them "
         f"{QD[(i // 1000) % 10]} before the {QE[(i // 10000) % 10]} vote")
    n1, n2 = rnd.randint(12, 900) + bump, rnd.randint(12, 900) + bump
    pct, money = rnd.randint(5, 95) + bump, rnd.randint(2, 400) + bump
    money2, n3 = rnd.randint(2, 90) + bump, rnd.randint(12, 900) + bump
    paras = [
        f"{city} {office} {pf} {pl} said on {WEEKDAYS[i % 5]} that the city would review how "
        f"{n1} {NOUNS[i % len(NOUNS)]} were counted.\n",
        f"Agents arrested {value} {ev_noun} in the operation, which ran from {month} {d1} to {month} {d2}.\n",
        f"“{q},” said {first} {last}, a spokesman for the {ORGS[i % len(ORGS)]} council. "
        f"{last} added that {n2} families had asked for help and that {pct}% of them were still waiting.\n",
        f"{so} {sf} {sl} defended the plan. “{pool_quote(j)},” {sl} said.\n",
        f"The budget for the program rose to ${money} million this year.\n",
        f"{city} spent ${money2} million on {n3} new {NOUNS[(i + 3) % len(NOUNS)]} in {2000 + i % 24}.\n",
    ]
    if long:
        for k in range(3):
            a, b = rnd.randint(12, 900) + bump, rnd.randint(2, 60) + bump
            paras.append(f"In {CITIES[(i + k) % len(CITIES)]}, {a} {NOUNS[(i + k) % len(NOUNS)]} waited "
                         f"{b} days for an answer, {last} said.\n")
            paras.append(FILLER)
    return "".join(paras)


def numbers(sentences, edit):
    rnd = random.Random(15)
    out = []
    for k in range(sentences):
        n = rnd.randint(12, 9000)
        day = rnd.randint(1, 26)
        if edit:
            n, day = n + 1, day + 1
        out.append(f"Officials in {CITIES[k % len(CITIES)]} counted {n} {NOUNS[k % len(NOUNS)]} on "
                   f"{MONTHS[k % 12]} {day}, {2000 + k % 25}.")
        out.append("\n" if k % 4 == 3 else " ")
    return "".join(out)


def main():
    kind, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    edit = "--edit" in sys.argv[4:]
    long = "--long" in sys.argv[4:]
    with open(out, "w", encoding="utf-8") as f:
        if kind == "news":
            for i in range(n):
                f.write(json.dumps({"id": f"a{i:06d}.txt", "text": news(i, edit, long), "date": "2025-03-25"},
                                   ensure_ascii=False) + "\n")
        elif kind == "numbers":
            f.write(numbers(n, edit))
        else:
            sys.exit(f"unknown kind {kind}")


if __name__ == "__main__":
    main()
