"""A first view of an item page is no heavier than default Material: at most 7 requests
and 80 KB gzipped, counting Material's bundle, the search index and our own files."""

from __future__ import annotations

import gzip

from page_kinds import ITEM_PAGE

MAX_REQUESTS = 7
MAX_GZIPPED_BYTES = 80 * 1024


def test_first_view_of_an_item_page_fits_the_budget(browser, published_url: str) -> None:
    context = browser.new_context()  # empty cache: a reader's first visit
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(published_url + ITEM_PAGE)
    page.wait_for_load_state("networkidle")
    sizes = {request.url: len(gzip.compress(request.response().body())) for request in finished}
    context.close()
    listing = "\n".join(f"{size:>7} {url}" for url, size in sizes.items())
    assert len(sizes) <= MAX_REQUESTS, listing
    assert sum(sizes.values()) <= MAX_GZIPPED_BYTES, f"{sum(sizes.values())} bytes gzipped:\n{listing}"
