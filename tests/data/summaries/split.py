#!/usr/bin/env python3
"""Write split.json: the tuning half and the held-out half of reference.jsonl.

Usage: python3 tests/data/summaries/split.py [--check]
The rule uses only the id, the language and the opens_with_news label, never a score:
articles are grouped by (language, opens_with_news); inside a group they are ordered by the
SHA-256 of their id, and the 1st, 3rd, 5th... go to the tuning half, the 2nd, 4th, 6th... to the
held-out half.

An article already in split.json keeps its half: rows added later are split by the same rule among
themselves, so that adding rows never moves an article that has been tuned on into the held-out half
or the other way. The batches are listed in BATCHES (first id of each batch that came later).
With --check, exits with status 1 if split.json differs from what the rule gives.
"""
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, "reference.jsonl")
SPLIT = os.path.join(HERE, "split.json")


# Rows added after the first split, by language: ids from this number on form their own batch.
BATCHES = {"kk": [61]}


def batch(id_):
    language, number = id_.split("-")
    return sum(1 for first in BATCHES.get(language, []) if int(number) >= first)


def split(rows):
    groups = {}
    for row in rows:
        groups.setdefault((batch(row["id"]), row["language"], row["opens_with_news"]), []).append(row["id"])
    halves = {"tuning": [], "heldout": []}
    for ids in groups.values():
        ids.sort(key=lambda id_: hashlib.sha256(id_.encode("utf-8")).hexdigest())
        for position, id_ in enumerate(ids):
            halves["tuning" if position % 2 == 0 else "heldout"].append(id_)
    return {name: sorted(ids) for name, ids in halves.items()}


def main():
    with open(REFERENCE, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    expected = split(rows)
    text = json.dumps(expected, indent=2) + "\n"
    if "--check" in sys.argv[1:]:
        with open(SPLIT, encoding="utf-8") as fh:
            if json.load(fh) != expected:
                print("split.json does not follow the rule; run python3 tests/data/summaries/split.py")
                sys.exit(1)
        print("split.json OK")
        return
    with open(SPLIT, "w", encoding="utf-8") as fh:
        fh.write(text)
    for name, ids in expected.items():
        counts = {lang: sum(1 for i in ids if i.startswith(lang)) for lang in ("ru", "kk", "en")}
        print(name, len(ids), counts)


if __name__ == "__main__":
    main()
