"""How well the importer places items of each kind, on the fixture articles written in other
sites' shapes (tests/fixtures/shapes/). Prints per-kind figures for all fixtures, then per
set (the first set, the "holdout-" set and the "blind-" set, each written without sight of
the importer and measured before it was tuned on them), then every miss and every invented
item. Run: .venv/bin/python bench/importer.py"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from importer_scores import SHAPES, score_all, score_fixture  # noqa: E402


def main() -> None:
    started = time.perf_counter()
    scores = score_all()
    seconds = time.perf_counter() - started
    articles = sum(1 for p in SHAPES.iterdir() if not p.name.endswith(".expected.yaml"))
    print(f"{articles} fixture articles, read and assembled in {seconds * 1000:.0f} ms\n")
    print(f"{'kind':<15} {'placed':>8} {'expected':>9} {'share':>7} {'invented':>9}")
    for folder, score in scores.items():
        share = score.placed / score.expected if score.expected else 1
        print(f"{folder:<15} {score.placed:>8} {score.expected:>9} {share:>7.1%} {len(score.invented):>9}")
    placed = sum(s.placed for s in scores.values())
    expected = sum(s.expected for s in scores.values())
    invented = sum(len(s.invented) for s in scores.values())
    print(f"{'all kinds':<15} {placed:>8} {expected:>9} {placed / expected:>7.1%} {invented:>9}")
    print()
    for prefix in ("", "holdout-", "blind-"):
        sets = [p for p in SHAPES.iterdir() if not p.name.endswith(".expected.yaml")
                and (p.name.startswith(prefix) if prefix else not p.name.startswith(("holdout-", "blind-")))]
        found = [score_fixture(p) for p in sets]
        placed = sum(s.placed for f in found for s in f.values())
        expected = sum(s.expected for f in found for s in f.values())
        invented = sum(len(s.invented) for f in found for s in f.values())
        if expected:
            print(f"set {prefix or 'first'!r:<11} {len(sets):>2} articles: {placed}/{expected} placed "
                  f"({placed / expected:.1%}), {invented} invented")
    for score in scores.values():
        for line in score.misplaced:
            print(f"  missed:   {line}")
        for line in score.invented:
            print(f"  invented: {line}")


if __name__ == "__main__":
    main()
