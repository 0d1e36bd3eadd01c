"""A first view of any page is no heavier than default Material: at most 7 requests and
80 KB gzipped, counting Material's bundle and our own files. The issue sets this budget for
item pages; every kind of page keeps it, so a heavier page anywhere is noticed."""

from __future__ import annotations

import gzip

import pytest

from page_kinds import PAGE_KINDS

MAX_REQUESTS = 7
MAX_GZIPPED_BYTES = 80 * 1024


@pytest.mark.parametrize("kind", [kind for kind in PAGE_KINDS if kind != "not found"])
def test_first_view_fits_the_budget(browser, published_url: str, kind: str) -> None:
    context = browser.new_context()  # empty cache: a reader's first visit
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(published_url + PAGE_KINDS[kind])
    page.wait_for_load_state("networkidle")
    sizes = {request.url: len(gzip.compress(request.response().body())) for request in finished}
    context.close()
    listing = "\n".join(f"{size:>7} {url}" for url, size in sizes.items())
    assert len(sizes) <= MAX_REQUESTS, listing
    assert sum(sizes.values()) <= MAX_GZIPPED_BYTES, f"{sum(sizes.values())} bytes gzipped:\n{listing}"
