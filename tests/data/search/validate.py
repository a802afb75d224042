#!/usr/bin/env python3
"""Check tests/data/search/relevance.jsonl and heldout.jsonl: valid JSON, known fields and values,
and every expected id exists in the summaries reference set or in seeds/."""
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
KINDS = {"folding", "morphology", "phrase", "exclusion", "prefix", "typo", "plain", "crosslang"}
LANGS = {"ru", "kk", "en", "mixed"}

ids = set()
with open(os.path.join(HERE, "..", "summaries", "reference.jsonl"), encoding="utf-8") as fh:
    for line in fh:
        ids.add(json.loads(line)["id"])
for name in os.listdir(os.path.join(ROOT, "seeds")):
    if name.endswith(".txt"):
        ids.add(name[:-4])

errors = []


def check(file_name):
    kinds, langs, n = collections.Counter(), collections.Counter(), 0
    with open(os.path.join(HERE, file_name), encoding="utf-8") as fh:
        for no, line in enumerate(fh, 1):
            where = f"{file_name} line {no}"
            try:
                q = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: {e}")
                continue
            n += 1
            if not isinstance(q.get("query"), str) or not q["query"].strip():
                errors.append(f"{where}: empty query")
            if q.get("language") not in LANGS:
                errors.append(f"{where}: bad language {q.get('language')!r}")
            if q.get("kind") not in KINDS:
                errors.append(f"{where}: bad kind {q.get('kind')!r}")
            exp = q.get("expected")
            if not isinstance(exp, list) or not 1 <= len(exp) <= 5 or len(set(exp)) != len(exp):
                errors.append(f"{where}: expected must list 1-5 distinct ids")
            else:
                errors.extend(f"{where}: unknown id {e}" for e in exp if e not in ids)
            kinds[q.get("kind")] += 1
            langs[q.get("language")] += 1
    print(f"{file_name}: {n} queries; kinds: {dict(kinds)}; languages: {dict(langs)}")


check("relevance.jsonl")
check("heldout.jsonl")
if errors:
    print("\n".join(errors))
    sys.exit(1)
print("OK")
