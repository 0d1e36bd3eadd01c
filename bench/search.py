"""Search benchmark: index size per page and time from keystroke to results shown.

Builds two sites into a temporary folder and measures each in headless Chromium:
  - the shipped sample topic (content/);
  - a generated library of about 2,000 pages (synthetic topics shaped like the sample).
Nothing generated is kept. Prints figures; this is a benchmark, not a test.

    .venv/bin/python bench/search.py [--pages 2000] [--repeats 5]
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, copy_project, serve  # noqa: E402
from searchbox import keystroke_to_results_ms, open_search  # noqa: E402

from healthsite.site.build import build_site  # noqa: E402

# Reader queries whose results are timed: one word, a lay alias, two words, an inflected form.
QUERIES = ("cola", "pins and needles", "hydrated", "twitch", "stress")
PAGES_PER_TOPIC = 21  # overview, 3 section lists, 3 symptoms, 7 causes, 7 treatments (as the sample)


@dataclass(frozen=True, slots=True, kw_only=True)
class Figures:
    pages: int
    build_s: float
    index_bytes: int
    index_gzip_bytes: int
    ready_ms: float  # page load, then opening search, to a usable box (the index downloads and is built on opening)
    latency_ms: dict[str, list[float]]


def main() -> None:
    args = _arguments()
    with tempfile.TemporaryDirectory(prefix="hs-bench-search-") as tmp:
        work = Path(tmp)
        sample = _measure(copy_project(work / "sample"), repeats=args.repeats)
        library = copy_project(work / "library", content=_generate_library(work / "content", pages=args.pages))
        _skip_reading_grades(library / "mkdocs.yml")
        large = _measure(library, repeats=args.repeats)
    _report("sample site", sample)
    _report(f"generated library (~{args.pages} pages)", large)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000, help="pages in the generated library")
    parser.add_argument("--repeats", type=int, default=5, help="timed keystrokes per query")
    return parser.parse_args()


# --- Measuring --------------------------------------------------------------------------


def _measure(project: Path, *, repeats: int) -> Figures:
    start = time.perf_counter()
    site = build_site(config_file=project / "mkdocs.yml")
    build_s = time.perf_counter() - start
    index = (site / "search" / "search_index.json").read_bytes()
    with serve(site) as url:
        ready_ms, latency_ms = _time_in_browser(url, repeats=repeats)
    return Figures(
        pages=sum(1 for _ in site.rglob("index.html")),
        build_s=build_s,
        index_bytes=len(index),
        index_gzip_bytes=len(gzip.compress(index)),
        ready_ms=ready_ms,
        latency_ms=latency_ms,
    )


def _time_in_browser(url: str, *, repeats: int) -> tuple[float, dict[str, list[float]]]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        start = time.perf_counter()
        open_search(page, url)
        ready_ms = (time.perf_counter() - start) * 1000
        latency = {q: [keystroke_to_results_ms(page, q) for _ in range(repeats)] for q in QUERIES}
        browser.close()
    return ready_ms, latency


def _report(name: str, figures: Figures) -> None:
    all_ms = [ms for runs in figures.latency_ms.values() for ms in runs]
    print(f"\n{name}: {figures.pages} pages, built in {figures.build_s:.1f} s")
    print(f"  search index: {figures.index_bytes / 1024:.0f} KB ({figures.index_gzip_bytes / 1024:.0f} KB gzipped)"
          f" = {figures.index_bytes / figures.pages / 1024:.2f} KB per page"
          f" ({figures.index_gzip_bytes / figures.pages / 1024:.2f} KB gzipped)")
    print(f"  page load and opening search to a usable search box: {figures.ready_ms:.0f} ms")
    print(f"  keystroke to results shown: median {statistics.median(all_ms):.0f} ms, max {max(all_ms):.0f} ms")
    for query, runs in figures.latency_ms.items():
        print(f"    {query!r:20} median {statistics.median(runs):5.0f} ms   runs {[round(ms) for ms in runs]}")


# --- A generated library ----------------------------------------------------------------


def _skip_reading_grades(config: Path) -> None:
    """Made-up words count as long words, so the generated pages fail the reading-grade
    check; this benchmark measures search, not reading level."""
    text = config.read_text()
    config.write_text(text.replace("reading_grade_limit: 10", "reading_grade_limit: 100", 1))


def _generate_library(content: Path, *, pages: int) -> Path:
    """About `pages` pages: copies of the sample topic under new names, each with its own vocabulary."""
    sample = ROOT / "content" / "muscle-twitches"
    rng = random.Random(4)
    for n in range(max(1, round(pages / PAGES_PER_TOPIC))):
        topic = content / f"condition-{n:04d}"
        shutil.copytree(sample, topic)
        for path in topic.rglob("*.md"):
            _make_distinct(path, number=n, words=[_made_up_word(rng) for _ in range(40)])
    return content


def _make_distinct(path: Path, *, number: int, words: list[str]) -> None:
    """Rename the topic and add a paragraph of its own words, so the index grows as a real library's would."""
    text = path.read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    if path.name == "topic.md":
        front = re.sub(r"^title: .*$", f"title: Condition {number:04d}", front, count=1, flags=re.M)
    path.write_text(f"{front}\n---\n{body.rstrip()}\n\n{' '.join(words).capitalize()}.\n", encoding="utf-8")


def _made_up_word(rng: random.Random) -> str:
    syllables = ("ba", "ce", "di", "fo", "gu", "ha", "ki", "lo", "mu", "ne", "po", "ra", "si", "tu", "ve", "zo")
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))


if __name__ == "__main__":
    main()
