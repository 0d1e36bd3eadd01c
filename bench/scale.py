"""Library scale benchmark: N synthetic topics imported and built in every way healthsite
builds, next to plain mkdocs-material.

For each N it writes N articles in the sample's shape (tests/synthetic.py), imports them
with `healthsite import`, then builds the site:
  - jobs 1:    `healthsite build --jobs 1` (checks, then MkDocs with our plugin, one process);
  - jobs 2:    `healthsite build --jobs 2` (two shards at once on this machine's cores, merged);
  - shards 2:  `build --shard 1/2` and `--shard 2/2` one after the other, then `merge`: the
               seconds are what two CI runners would take (the slower shard, plus the merge);
  - material:  plain mkdocs-material (same features, no plugin, no theme of ours) on the
               Markdown `healthsite render` writes;
  - preview:   `healthsite serve`, an item page open in Chromium, one cause file saved: the
               seconds until the page shows the new text by itself.
It prints pages, seconds, pages per second, peak memory of the largest process, site MB,
largest page KB, an item page's KB and the search index MB (and gzipped). Nothing is kept.
A benchmark, not a test.

    .venv/bin/python bench/scale.py [--topics 10 100 1000] [--only jobs1 jobs2 shards material preview]
                                    [--plain-up-to 1000] [--preview-up-to 1000]
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import socket
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
    peak_mb: float
    site_bytes: int
    max_page_bytes: int
    item_page_bytes: int
    index_bytes: int
    index_gzip_bytes: int

    def row(self) -> str:
        mb = 1024 * 1024
        return (f"{self.name:10} {self.topics:>6} {self.pages:>7} {self.seconds:>8.1f} {self.pages / self.seconds:>7.0f}"
                f" {self.seconds / self.pages * 1000:>7.2f} {self.peak_mb:>7.0f} {self.site_bytes / mb:>9.1f} {self.max_page_bytes / 1024:>8.1f}"
                f" {self.item_page_bytes / 1024:>8.1f} {self.index_bytes / mb:>8.2f} {self.index_gzip_bytes / mb:>8.2f}")


BUILDS = ["jobs1", "jobs2", "shards", "material", "preview"]
HEADER = (f"{'build':10} {'topics':>6} {'pages':>7} {'seconds':>8} {'pages/s':>7} {'ms/page':>7} {'peak MB':>7} {'site MB':>9}"
          f" {'max KB':>8} {'item KB':>8} {'index MB':>8} {'gzip MB':>8}")


def main() -> None:
    args = _arguments()
    print(HEADER, flush=True)
    for topics in args.topics:
        with tempfile.TemporaryDirectory(prefix="hs-bench-scale-") as tmp:
            work = Path(tmp)
            import_s = _import(work, topics=topics)
            project = work / "project"
            healthsite = str(BIN / "healthsite")
            print(f"{'import':10} {topics:>6}  {import_s:.1f} s", flush=True)
            if "jobs1" in args.only:
                print(_measure("jobs 1", project, topics=topics, runs=[[healthsite, "build", "--jobs", "1"]]).row(), flush=True)
            if "jobs2" in args.only:
                print(_measure("jobs 2", project, topics=topics, runs=[[healthsite, "build", "--jobs", "2"]]).row(), flush=True)
            if "shards" in args.only:
                print(_measure("shards 2", project, topics=topics, parallel=True, runs=[
                [healthsite, "build", "--shard", "1/2", "--site-dir", "part-1"],
                [healthsite, "build", "--shard", "2/2", "--site-dir", "part-2"],
                [healthsite, "merge", "part-1", "part-2", "--site-dir", "site"],
            ]).row(), flush=True)
            if "material" in args.only and topics <= args.plain_up_to:
                plain = plain_material_project(project=project, out=work / "plain")
                print(_measure("material", plain, topics=topics, runs=[[str(BIN / "mkdocs"), "build", "--strict", "-q"]]).row(),
                      flush=True)
            if "preview" in args.only and topics <= args.preview_up_to:
                text, title = preview_seconds(project)
                print(f"{'preview':10} {topics:>6}  a saved change shown after {text:.1f} s; a new title after {title:.1f} s",
                      flush=True)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--plain-up-to", type=int, default=1000, help="build plain Material only up to this many topics")
    parser.add_argument("--only", nargs="+", choices=BUILDS, default=BUILDS, help="run only these builds")
    parser.add_argument("--preview-up-to", type=int, default=1000, help="time the preview only up to this many topics")
    return parser.parse_args()


def _import(work: Path, *, topics: int) -> float:
    articles = write_articles(work / "articles", count=topics)
    copy_project(work / "project", content=work / "project" / "content")
    start = time.perf_counter()
    subprocess.run([str(BIN / "healthsite"), "import", *map(str, articles), "--content", str(work / "project" / "content")],
                   check=True, capture_output=True)
    return time.perf_counter() - start


def _run(command: list[str], *, cwd: Path) -> tuple[float, float]:
    """Seconds, and the peak memory (MB) of the command's largest process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def _measure(name: str, project: Path, *, topics: int, runs: list[list[str]], parallel: bool = False) -> Figures:
    """Run the commands one after another; with `parallel`, all but the last would run at once
    on machines of their own, so the slowest of them counts, then the last."""
    timings = [_run(command, cwd=project) for command in runs]
    seconds = (max(t for t, _ in timings[:-1]) + timings[-1][0]) if parallel else sum(t for t, _ in timings)
    site = project / "site"
    pages = list(site.rglob("index.html"))
    sizes = {p: p.stat().st_size for p in site.rglob("*.html")}
    index = b"".join(p.read_bytes() for p in sorted((site / "search").rglob("*")) if p.is_file())  # every index file
    item = next(p for p in sorted(pages) if p.parent.parent.name == "causes")
    figures = Figures(
        name=name, topics=topics, pages=len(pages), seconds=seconds, peak_mb=max(m for _, m in timings),
        site_bytes=sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        max_page_bytes=max(sizes.values()), item_page_bytes=sizes[item],
        index_bytes=len(index), index_gzip_bytes=len(gzip.compress(index)),
    )
    for folder in (site, project / "part-1", project / "part-2"):
        shutil.rmtree(folder, ignore_errors=True)
    return figures


def preview_seconds(project: Path) -> tuple[float, float]:
    """From saving a cause file to the open page showing the new text, through `healthsite serve`;
    then the same for a new title (which changes the navigation, so MkDocs runs again)."""
    from playwright.sync_api import expect, sync_playwright

    from conftest import CHROMIUM, CHROMIUM_ARGS

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([str(BIN / "healthsite"), "serve", "--allow-overdue", "--addr", f"127.0.0.1:{port}"], cwd=project,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    cause = sorted((project / "content").glob("*/causes/*.md"))[0]
    url = f"http://127.0.0.1:{port}/healthsite/{cause.parent.parent.name}/causes/{cause.stem}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page()
            deadline = time.monotonic() + 1800
            while time.monotonic() < deadline:
                try:
                    page.goto(url)
                    if page.locator("article").count():
                        break
                except Exception:  # noqa: BLE001 - the server is still building its first site
                    pass
                time.sleep(1)
            cause.write_text(cause.read_text() + "\nA sentence saved just now.\n")
            start = time.perf_counter()
            expect(page.locator("article")).to_contain_text("A sentence saved just now.", timeout=1_800_000)
            text = time.perf_counter() - start
            cause.write_text(cause.read_text().replace("title: ", "title: Retitled ", 1))
            start = time.perf_counter()
            expect(page.locator("h1")).to_contain_text("Retitled", timeout=1_800_000)
            return text, time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=60)


if __name__ == "__main__":
    main()
