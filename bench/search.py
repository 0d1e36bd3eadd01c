"""Search benchmark: healthsite's split index beside plain Material's search, at growing library sizes.

For each size, a library of N topics is generated (copies of the sample topics, renamed and
each given words of its own, so the vocabulary grows as a real library's would) and built
twice into a temporary folder:
  - healthsite: the site as `healthsite build` makes it (healthsite/site/search/);
  - material:   the same pages rendered to Markdown (`healthsite render`) and built by plain
                mkdocs-material, whose search (lunr) ships one index file: today's search
                in every MkDocs site, and this project's until the split index.
Both are measured the same way in headless Chromium, through the site's own search box:
  - index: every search file the build wrote, raw and gzipped;
  - first: what a new reader downloads from opening search to the first results (gzipped,
           median over the queries), and the time from the first keystroke to them;
  - recall@3 on the misspelling and lay-word sets of tests/test_search_forgiving.py.
Nothing generated is kept. Prints a table; this is a benchmark, not a test.

    .venv/bin/python bench/search.py [--topics 10 100 1000]
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, copy_project, serve  # noqa: E402
from plain_project import plain_material_project  # noqa: E402
from searchbox import first_results, open_search, search  # noqa: E402
from test_search_forgiving import LAY_WORDS, MISSPELLINGS  # noqa: E402

QUERIES = ("colchicine", "dehidration", "booze", "pain", "muscle twitches")


@dataclass(frozen=True, slots=True, kw_only=True)
class Figures:
    engine: str
    topics: int
    pages: int
    build_s: float
    index_bytes: int
    index_gzip: int
    first_gzip: list[int]
    first_ms: list[float]
    recall_misspelt: float
    recall_lay: float


def main() -> None:
    args = _arguments()
    _print_header()
    with tempfile.TemporaryDirectory(prefix="hs-bench-search-") as tmp:
        for topics in args.topics:
            work = Path(tmp) / str(topics)
            project = copy_project(work / "project", content=_generate_library(work / "content", topics=topics))
            _skip_reading_grades(project / "mkdocs.yml")
            builds = {"healthsite": lambda: _build_healthsite(project), "material": lambda: _build_plain(project, work / "plain")}
            for engine in args.search:
                _print(_measure(engine, project, topics=topics, build=builds[engine]))
            shutil.rmtree(work)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, nargs="+", default=[10, 100, 1000], help="library sizes to measure")
    parser.add_argument("--search", nargs="+", choices=["healthsite", "material"], default=["healthsite", "material"],
                        help="which searches to measure (plain Material's build takes longest: about 50 minutes at 1,000 topics)")
    return parser.parse_args()


# --- Building ---------------------------------------------------------------------------


def _build_healthsite(project: Path) -> Path:
    subprocess.run([str(BIN / "healthsite"), "build", "-f", str(project / "mkdocs.yml"), "--content", str(project / "content"),
                    "--site-dir", str(project / "site")], check=True, capture_output=True)
    return project / "site"


def _build_plain(project: Path, work: Path) -> Path:
    """The same pages through plain mkdocs-material: its own search, one index file."""
    plain = plain_material_project(project=project, out=work / "plain")
    subprocess.run([str(BIN / "mkdocs"), "build", "-q", "-f", str(plain / "mkdocs.yml"), "-d", str(work / "site")],
                   check=True, capture_output=True)
    return work / "site"


# --- Measuring --------------------------------------------------------------------------


def _measure(engine: str, project: Path, *, topics: int, build) -> Figures:
    start = time.perf_counter()
    site = build()
    build_s = time.perf_counter() - start
    index = [path.read_bytes() for path in (site / "search").rglob("*") if path.is_file()]
    from playwright.sync_api import sync_playwright

    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        first = [first_results(browser, url, query, site=site) for query in QUERIES]
        page = browser.new_page()
        open_search(page, url)
        recall_misspelt = _recall(page, MISSPELLINGS)
        recall_lay = _recall(page, LAY_WORDS)
        browser.close()
    return Figures(
        engine=engine, topics=topics, pages=sum(1 for _ in site.rglob("index.html")), build_s=build_s,
        index_bytes=sum(map(len, index)), index_gzip=sum(len(gzip.compress(data)) for data in index),
        first_gzip=[f.bytes_gzip for f in first], first_ms=[f.ms for f in first],
        recall_misspelt=recall_misspelt, recall_lay=recall_lay,
    )


def _recall(page, queries: dict) -> float:
    found = 0
    for query, expected in queries.items():
        wanted = {expected} if isinstance(expected, str) else set(expected)
        found += bool(wanted & set(search(page, query)))
    return found / len(queries)


def _print_header() -> None:
    print("| topics | pages | search | build s | index KB (gzip) | before 1st result KB gzip, median (max) "
          "| 1st result ms, median (max) | misspelt recall@3 | lay recall@3 |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|", flush=True)


def _print(r: Figures) -> None:
    print(f"| {r.topics} | {r.pages} | {r.engine} | {r.build_s:.0f} | {r.index_bytes / 1024:,.0f} ({r.index_gzip / 1024:,.0f}) "
          f"| {statistics.median(r.first_gzip) / 1024:.0f} ({max(r.first_gzip) / 1024:.0f}) "
          f"| {statistics.median(r.first_ms):.0f} ({max(r.first_ms):.0f}) "
          f"| {r.recall_misspelt:.0%} | {r.recall_lay:.0%} |", flush=True)


# --- A generated library ----------------------------------------------------------------


def _skip_reading_grades(config: Path) -> None:
    """Made-up words count as long words, so the generated pages would fail the reading-grade
    check; this benchmark measures search, not reading level."""
    text = config.read_text()
    config.write_text(text.replace("reading_grade_limit: 10", "reading_grade_limit: 100", 1))


def _generate_library(content: Path, *, topics: int) -> Path:
    """`topics` topics: the sample topics first, then renamed copies with words of their own."""
    samples = sorted(path for path in (ROOT / "content").iterdir() if (path / "topic.md").is_file())
    rng = random.Random(4)
    for sample in samples:
        shutil.copytree(sample, content / sample.name)
    for n in range(max(0, topics - len(samples))):
        topic = content / f"condition-{n:04d}"
        shutil.copytree(samples[n % len(samples)], topic)
        for path in topic.rglob("*.md"):
            _make_distinct(path, number=n, words=[_made_up_word(rng) for _ in range(40)])
    return content


def _make_distinct(path: Path, *, number: int, words: list[str]) -> None:
    """Rename the topic and add a paragraph of its own words."""
    text = path.read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    if path.name == "topic.md":
        front = re.sub(r"^title: .*$", f"title: Condition {number:04d}", front, count=1, flags=re.M)
        front = re.sub(r"^related:.*$", "", front, flags=re.M)
    path.write_text(f"{front}\n---\n{body.rstrip()}\n\n{' '.join(words).capitalize()}.\n", encoding="utf-8")


def _made_up_word(rng: random.Random) -> str:
    syllables = ("ba", "ce", "di", "fo", "gu", "ha", "ki", "lo", "mu", "ne", "po", "ra", "si", "tu", "ve", "zo")
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))


if __name__ == "__main__":
    main()
