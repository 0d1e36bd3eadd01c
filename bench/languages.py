"""What a second language costs: the sample site built in English only and with its Spanish
edition (build time, pages, bytes), a Spanish page's weight next to its English one, each
language's search index, and a preview's rebuild after a Spanish text edit.

Run by hand:  .venv/bin/python bench/languages.py [--runs 3]
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import copy_project, english_only  # noqa: E402
from healthsite.site.build import build_site  # noqa: E402
from healthsite.site.incremental import PreviewCache  # noqa: E402

PAGE = "muscle-twitches/causes/dehydration/index.html"
SPANISH_FILE = Path("content/muscle-twitches/causes/dehydration.es.md")


def timed_build(project: Path, site: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        build_site(config_file=project / "mkdocs.yml", site_dir=site)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def folder_bytes(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(gzipped(p) for p in files)


def preview_edit_seconds(project: Path, served: Path) -> float:
    cache = PreviewCache()
    build_site(config_file=project / "mkdocs.yml", site_dir=served, allow_overdue=True, cache=cache,
               preview_url="http://127.0.0.1:8000/healthsite/")
    cache.wait()
    path = project / SPANISH_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("músculos.", "músculos. Beba agua.", 1), encoding="utf-8")
    start = time.perf_counter()
    build_site(config_file=project / "mkdocs.yml", site_dir=served, allow_overdue=True, cache=cache,
               preview_url="http://127.0.0.1:8000/healthsite/")
    seconds = time.perf_counter() - start
    cache.wait()
    assert "Beba agua." in (served / "es" / PAGE).read_text(encoding="utf-8")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        both = copy_project(work / "both")
        english = copy_project(work / "english")
        english_only(english / "mkdocs.yml")
        rows = []
        for name, project in (("English only", english), ("English + Spanish", both)):
            seconds = timed_build(project, project / "site", args.runs)
            pages = len(list((project / "site").rglob("*.html")))
            rows.append((name, seconds, pages))
        print("| build | seconds (median) | HTML pages |\n|---|---|---|")
        for name, seconds, pages in rows:
            print(f"| {name} | {seconds:.2f} | {pages} |")
        site = both / "site"
        print(f"\nDehydration page, gzipped: English {gzipped(site / PAGE):,} B, Spanish {gzipped(site / 'es' / PAGE):,} B")
        for label, folder in (("English", site / "search"), ("Spanish", site / "es" / "search")):
            count, size = folder_bytes(folder)
            print(f"{label} search index: {count} files, {size:,} B gzipped in all")
        print(f"\nPreview: a Spanish text edit rebuilt in {preview_edit_seconds(both, work / 'served'):.2f} s")


if __name__ == "__main__":
    main()
