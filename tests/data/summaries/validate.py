#!/usr/bin/env python3
"""Validate tests/data/summaries/reference.jsonl and print per-article statistics.

Usage: python3 tests/data/summaries/validate.py [path]
Also checks that split.json beside the file lists every id once.
Exits with status 1 if any check fails.
"""
import json
import os
import re
import sys

PATH = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "reference.jsonl")
MINIMUM = {"ru": 100, "kk": 60, "en": 6}
FIELDS = ("id", "language", "source", "text", "summary")
KK_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
PRONOUNS = {
    "ru": {"он", "она", "оно", "они", "его", "ее", "её", "их", "это", "этот", "эта", "эти", "там", "тогда"},
    "kk": {"ол", "олар", "оның", "бұл", "осы", "сол", "мұнда"},
    "en": {"he", "she", "it", "they", "this", "these", "that", "there", "his", "her", "their"},
}
WORD = re.compile(r"[\w\-]+", re.UNICODE)

errors = []
ids = set()
counts = {}
words_by_lang = {}
rows = []

with open(PATH, encoding="utf-8") as fh:
    for n, line in enumerate(fh, 1):
        if not line.strip():
            errors.append(f"line {n}: empty line")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {n}: invalid JSON: {e}")
            continue
        missing = [f for f in FIELDS if not isinstance(obj.get(f), str) or not obj.get(f).strip()]
        if missing:
            errors.append(f"line {n}: missing/empty fields {missing}")
            continue
        id_, lang, text, summary = obj["id"], obj["language"], obj["text"], obj["summary"]
        if not isinstance(obj.get("opens_with_news"), bool):
            errors.append(f"{id_}: opens_with_news must be true or false")
        if id_ in ids:
            errors.append(f"{id_}: duplicate id")
        ids.add(id_)
        if not re.fullmatch(r"(ru|kk|en)-\d{3}", id_) or id_[:2] != lang:
            errors.append(f"{id_}: id/language mismatch ({lang})")
        words = len(WORD.findall(text))
        if not 120 <= words <= 450:
            errors.append(f"{id_}: text has {words} words (expected 120-450)")
        if re.search(r"(?<!\n)\n(?!\n)", text) or "\n\n\n" in text:
            errors.append(f"{id_}: paragraphs must be separated by exactly one blank line")
        if text.count("\n\n") < 2:
            errors.append(f"{id_}: fewer than 3 paragraphs")
        if not 120 <= len(summary) <= 300:
            errors.append(f"{id_}: summary has {len(summary)} chars (expected 120-300)")
        sentences = len(re.findall(r"[.!?»](\s|$)", summary.strip()))
        if sentences > 2 and lang != "en":
            pass  # abbreviations (г., тг., ж.) make sentence counting unreliable; reviewed by hand
        first = WORD.findall(summary.lower())[:1]
        if first and first[0] in PRONOUNS.get(lang, ()):
            errors.append(f"{id_}: summary starts with a pronoun '{first[0]}'")
        if lang == "kk" and not (KK_LETTERS & set(text)):
            errors.append(f"{id_}: Kazakh text without Kazakh-specific letters")
        counts[lang] = counts.get(lang, 0) + 1
        words_by_lang.setdefault(lang, []).append(words)
        rows.append((id_, obj["source"], words, len(summary)))

for lang, minimum in MINIMUM.items():
    if counts.get(lang, 0) < minimum:
        errors.append(f"{lang}: {counts.get(lang, 0)} articles, at least {minimum} required")

split_path = os.path.join(os.path.dirname(PATH), "split.json")
if os.path.exists(split_path):
    with open(split_path, encoding="utf-8") as fh:
        halves = json.load(fh)
    listed = halves.get("tuning", []) + halves.get("heldout", [])
    if sorted(listed) != sorted(ids):
        errors.append("split.json must list every id exactly once, in tuning or heldout")

for id_, source, words, slen in rows:
    print(f"{id_}  {words:4d} words  summary {slen:3d} chars  {source}")
print()
total = [w for ws in words_by_lang.values() for w in ws]
for lang in ("ru", "kk", "en"):
    ws = words_by_lang.get(lang, [])
    if ws:
        print(f"{lang}: {len(ws)} articles, words min {min(ws)} / avg {sum(ws)/len(ws):.0f} / max {max(ws)}")
if total:
    print(f"all: {len(total)} articles, average {sum(total)/len(total):.0f} words")

if errors:
    print("\nERRORS:")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("\nOK")
