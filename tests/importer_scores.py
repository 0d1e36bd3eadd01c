"""How well the importer places items: each fixture in tests/fixtures/shapes/ against its
expected.yaml, per kind. Shared by the test (which holds the bar) and bench/importer.py
(which prints the figures)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from healthsite.content.kinds import KINDS
from healthsite.importer.assemble import assemble
from healthsite.importer.readers import read_blocks, read_text
from healthsite.importer.text import plain

SHAPES = Path(__file__).resolve().parent / "fixtures" / "shapes"
TODAY = dt.date(2026, 12, 2)


def normal(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", plain(text).casefold().replace("’", "'")).strip()


@dataclass
class Score:
    expected: int = 0
    placed: int = 0  # found in the right kind
    misplaced: list[str] = field(default_factory=list)  # expected here, found elsewhere or not at all
    invented: list[str] = field(default_factory=list)  # imported items nobody expected


def score_fixture(article: Path) -> dict[str, Score]:
    """Per kind folder: how many expected items landed in that kind, and what went wrong."""
    expected = yaml.safe_load(article.with_name(article.name.split(".")[0] + ".expected.yaml").read_text(encoding="utf-8"))
    doc = assemble(parsed=read_blocks(text=read_text(article), path=article), name=article.name)
    got = {kind.folder: [(normal(i.name), normal(f"{i.name} {i.description}")) for i in items] for kind, items in doc.sections.items()}
    scores: dict[str, Score] = {}
    claimed: set[tuple[str, int]] = set()
    for kind in KINDS:
        score = scores.setdefault(kind.folder, Score())
        for name in expected.get(kind.folder) or []:
            score.expected += 1
            wanted = normal(name)
            match = next((n for n, (item_name, text) in enumerate(got.get(kind.folder, []))
                          if (kind.folder, n) not in claimed and (item_name == wanted or text.startswith(wanted)
                                                                 or (item_name and wanted.startswith(item_name)))), None)
            if match is None:
                score.misplaced.append(f"{article.name}: {kind.folder}: {name}")
            else:
                claimed.add((kind.folder, match))
                score.placed += 1
    for folder, items in got.items():
        for n, (item_name, _) in enumerate(items):
            if (folder, n) not in claimed:
                scores.setdefault(folder, Score()).invented.append(f"{article.name}: {folder}: {item_name}")
    return scores


def score_all() -> dict[str, Score]:
    total: dict[str, Score] = {kind.folder: Score() for kind in KINDS}
    for article in sorted(p for p in SHAPES.iterdir() if not p.name.endswith(".expected.yaml")):
        for folder, score in score_fixture(article).items():
            into = total.setdefault(folder, Score())
            into.expected += score.expected
            into.placed += score.placed
            into.misplaced += score.misplaced
            into.invented += score.invented
    return total
