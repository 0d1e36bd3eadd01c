"""How the search index is cut into files a browser fetches by need (search/index.py): words
grouped by prefix into vocabulary files, postings into files of about the same size."""

from __future__ import annotations

import json
from collections import defaultdict

TOP_POSTINGS = 1000  # a stem keeps its best pages only: "pain" need not list all 20,000
POSTINGS_FILE_BYTES = 16_000  # about 5 KB gzipped
VOCABULARY_FILE_BYTES = 24_000
MAX_PREFIX = 3  # letters that can name a vocabulary file


def prefix_groups(words: list[str]) -> dict[str, list[str]]:
    """Sorted words grouped by first letter; a group too big for one file is split by one
    more letter, down to three (hs-search-engine.js looks a word up by its longest prefix)."""
    groups: dict[str, list[str]] = {}

    def place(prefix: str, members: list[str]) -> None:
        if len(prefix) >= MAX_PREFIX or sum(len(w) + 30 for w in members) <= VOCABULARY_FILE_BYTES:
            groups[prefix] = members
            return
        longer: dict[str, list[str]] = defaultdict(list)
        for word in members:
            longer[word[: len(prefix) + 1]].append(word)
        for key in sorted(longer):
            if key == prefix:  # the word that is the prefix itself ("ba")
                groups[key] = longer[key]
            else:
                place(key, longer[key])

    by_letter: dict[str, list[str]] = defaultdict(list)
    for word in words:
        by_letter[word[0]].append(word)
    for letter in sorted(by_letter):
        place(letter, by_letter[letter])
    return groups


def prefix_of(groups: dict[str, list[str]], word: str) -> str | None:
    return next((word[:n] for n in range(MAX_PREFIX, 0, -1) if word[:n] in groups), None)


def postings_files(postings: dict[str, dict[int, int]]) -> tuple[list[dict], dict[str, tuple[int, int]]]:
    """Postings files of about POSTINGS_FILE_BYTES, stems in alphabetical order (a prefix's
    stems sit together); each stem's pages as [gap, score, gap, score, ...], best TOP_POSTINGS."""
    files: list[dict] = []
    slot_of: dict[str, tuple[int, int]] = {}
    current: list[list[int]] = []
    size = 0
    for stem in sorted(postings):
        best = sorted(postings[stem].items(), key=lambda item: (-item[1], item[0]))[:TOP_POSTINGS]
        flat: list[int] = []
        previous = 0
        for number, score in sorted(best):
            flat.extend((number - previous, score))
            previous = number
        if current and size >= POSTINGS_FILE_BYTES:
            files.append({"postings": current})
            current, size = [], 0
        slot_of[stem] = (len(files), len(current))
        current.append(flat)
        size += 4 * len(flat) + 2
    if current:
        files.append({"postings": current})
    return files, slot_of


def compact_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
