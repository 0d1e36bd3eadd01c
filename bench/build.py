"""Build time of the sample site: healthsite's plugin build vs plain MkDocs on the rendered Markdown.

Run by hand:  .venv/bin/python bench/build.py [--runs 5]
Prints the median of N builds of each, their ratio, and the page count.
The overhead measured is what the plugin adds: loading and validating content/,
rendering the pages, and handing them to MkDocs in memory.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from plain_project import plain_material_project  # noqa: E402

BIN = Path(sys.executable).parent
os.environ["NO_MKDOCS_2_WARNING"] = "1"


def median_seconds(command: list[str], *, runs: int, cwd: Path) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        plain = plain_material_project(project=ROOT, out=Path(tmp) / "plain")
        out = Path(tmp) / "site"
        mkdocs = [str(BIN / "mkdocs"), "build", "--strict", "-q", "-d", str(out)]
        ours = median_seconds(mkdocs, runs=args.runs, cwd=ROOT)
        pages = len(list(out.rglob("index.html")))
        theirs = median_seconds(mkdocs, runs=args.runs, cwd=plain)
    print(f"pages (index.html files):          {pages}")
    print(f"healthsite plugin build, median:   {ours:.2f} s  ({args.runs} runs)")
    print(f"plain mkdocs on rendered Markdown: {theirs:.2f} s  ({args.runs} runs)")
    print(f"ratio plugin / plain:              {ours / theirs:.2f}")


if __name__ == "__main__":
    main()
