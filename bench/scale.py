"""Library scale benchmark: N synthetic topics imported and built, next to plain mkdocs-material.

For each N it writes N articles in the sample's shape (tests/synthetic.py), imports
them with `healthsite import`, builds the site with `mkdocs build` (our plugin), and
builds plain mkdocs-material (same features, no plugin, no overrides) on the very
Markdown our plugin generates (`healthsite render`). It prints, for each:
pages, seconds, pages per second, site MB, largest page KB, an item page's KB and
the search index MB (and gzipped). Nothing is kept. A benchmark, not a test.

    .venv/bin/python bench/scale.py [--topics 10 100 1000] [--plain-up-to 1000]
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "tests"))
os.environ["NO_MKDOCS_2_WARNING"] = "1"

from conftest import copy_project  # noqa: E402
from synthetic import write_articles  # noqa: E402
from plain_project import plain_material_project  # noqa: E402


@dataclass(frozen=True, slots=True, kw_only=True)
class Figures:
    name: str
    topics: int
    pages: int
    seconds: float
    site_bytes: int
    max_page_bytes: int
    item_page_bytes: int
    index_bytes: int
    index_gzip_bytes: int

    def row(self) -> str:
        mb = 1024 * 1024
        return (f"{self.name:10} {self.topics:>6} {self.pages:>7} {self.seconds:>8.1f} {self.pages / self.seconds:>7.0f}"
                f" {self.seconds / self.pages * 1000:>7.2f} {self.site_bytes / mb:>9.1f} {self.max_page_bytes / 1024:>8.1f}"
                f" {self.item_page_bytes / 1024:>8.1f} {self.index_bytes / mb:>8.2f} {self.index_gzip_bytes / mb:>8.2f}")


HEADER = (f"{'build':10} {'topics':>6} {'pages':>7} {'seconds':>8} {'pages/s':>7} {'ms/page':>7} {'site MB':>9}"
          f" {'max KB':>8} {'item KB':>8} {'index MB':>8} {'gzip MB':>8}")


def main() -> None:
    args = _arguments()
    print(HEADER, flush=True)
    for topics in args.topics:
        with tempfile.TemporaryDirectory(prefix="hs-bench-scale-") as tmp:
            work = Path(tmp)
            import_s = _import(work, topics=topics)
            ours = _measure("healthsite", work / "project", topics=topics)
            print(ours.row(), f"  (import {import_s:.1f} s)", flush=True)
            if topics <= args.plain_up_to:
                plain = plain_material_project(project=work / "project", out=work / "plain")
                print(_measure("material", plain, topics=topics).row(), flush=True)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--plain-up-to", type=int, default=1000, help="build plain Material only up to this many topics")
    return parser.parse_args()


def _import(work: Path, *, topics: int) -> float:
    articles = write_articles(work / "articles", count=topics)
    copy_project(work / "project", content=work / "project" / "content")
    start = time.perf_counter()
    subprocess.run([str(BIN / "healthsite"), "import", *map(str, articles), "--content", str(work / "project" / "content")],
                   check=True, capture_output=True)
    return time.perf_counter() - start


def _measure(name: str, project: Path, *, topics: int) -> Figures:
    site = project / "site"
    start = time.perf_counter()
    subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-q", "-d", str(site)], cwd=project, check=True)
    seconds = time.perf_counter() - start
    pages = list(site.rglob("index.html"))
    sizes = {p: p.stat().st_size for p in site.rglob("*.html")}
    index = b"".join(p.read_bytes() for p in sorted((site / "search").rglob("*")) if p.is_file())  # every index file
    item = next(p for p in sorted(pages) if p.parent.parent.name == "causes")
    figures = Figures(
        name=name, topics=topics, pages=len(pages), seconds=seconds,
        site_bytes=sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        max_page_bytes=max(sizes.values()), item_page_bytes=sizes[item],
        index_bytes=len(index), index_gzip_bytes=len(gzip.compress(index)),
    )
    shutil.rmtree(site)
    return figures


if __name__ == "__main__":
    main()
