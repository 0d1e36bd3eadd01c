"""Search stays light as the library grows: a reader's first results cost about the same
at 100 topics as at 10, and arrive within a second of the first keystroke.

Two generated libraries (tests/synthetic.py) beside the sample topics are built once for
this module. bench/search.py gives the same figures up to 1,000 topics.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import copy_project, serve
from healthsite.importer.batch import import_batch
from healthsite.site.build import build_site
from searchbox import first_results
from synthetic import write_articles

# A title word, a misspelling, an everyday word, a word on many pages.
QUERIES = ("colchicine", "dehidration", "cholchicine", "booze", "pain")
MAX_GROWTH = 2.0  # bytes at 100 topics / bytes at 10
MAX_FIRST_RESULTS_MS = 1000


def _library(root: Path, *, topics: int) -> Path:
    project = copy_project(root)
    articles = write_articles(root / "articles", count=topics)
    import_batch(articles, content_dir=project / "content", force=False, today=dt.date.today())
    return build_site(config_file=project / "mkdocs.yml")


@pytest.fixture(scope="module")
def libraries(tmp_path_factory) -> dict[int, Path]:
    return {topics: _library(tmp_path_factory.mktemp(f"library-{topics}"), topics=topics) for topics in (10, 100)}


def test_first_results_cost_about_the_same_at_100_topics_as_at_10(browser, libraries) -> None:
    figures = {}
    for topics, site in libraries.items():
        with serve(site) as url:
            figures[topics] = {query: first_results(browser, url, query, site=site) for query in QUERIES}
    pages = {topics: sum(1 for _ in site.rglob("index.html")) for topics, site in libraries.items()}
    assert pages[100] > 1000
    for query in QUERIES:
        small, large = figures[10][query], figures[100][query]
        assert large.bytes_gzip <= MAX_GROWTH * small.bytes_gzip, (query, small, large)
        assert large.bytes_gzip <= 150 * 1024, (query, large)
        assert large.ms <= MAX_FIRST_RESULTS_MS, (query, large)
