"""Drive the site's own search box in a real browser, as a reader does.

Shared by the search tests and bench/search.py: queries go into the search input and
result titles are read from the result list, so what is checked and measured is what a
reader sees. The selectors are Material's search classes, which our search keeps, so the
same helpers also drive plain Material's search (the benchmark's baseline).

A query is sent on each `keyup`. Typing a word letter by letter therefore sends one
query per prefix, whose answers arrive one after another; to read the answer to the
whole word, the word is filled in and then one key (End) is pressed, which sends
exactly that query.
"""

from __future__ import annotations

import gzip
import math
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeout

SEARCH_INPUT = "input.md-search__input"
RESULT_META = ".md-search-result__meta"
RESULT_TITLES = ".md-search-result__item > .md-search-result__link h1"
PLACEHOLDER = "Type to start searching"  # Material's text while the box is empty


def open_search(page, url: str) -> None:
    """Load `url`, open the search box and wait until the index is ready for queries."""
    page.goto(url)
    page.keyboard.press("/")  # Material's shortcut opens search at any screen width
    page.locator(SEARCH_INPUT).wait_for(state="visible")
    _wait_for_meta(page, f"m === {PLACEHOLDER!r}")  # shown once the worker has built the index


def search(page, query: str, *, limit: int = 3) -> list[str]:
    """Titles of the first `limit` pages that the search box shows for `query`."""
    _enter(page, "")
    _wait_for_meta(page, f"m === {PLACEHOLDER!r}")
    _enter(page, query)
    _wait_for_meta(page, f"m !== {PLACEHOLDER!r}")
    return [title.strip() for title in page.locator(RESULT_TITLES).all_inner_texts()[:limit]]


def keystroke_to_results_ms(page, query: str) -> float:
    """Milliseconds from the keystroke that completes `query` to its results being in the list."""
    if len(query) > 1:
        search(page, query[:-1])
    page.evaluate(_TIME_NEXT_RESULTS, RESULT_META)
    page.locator(SEARCH_INPUT).press(query[-1])
    return page.wait_for_function("() => window.hsResultsMs").json_value()


# Starts timing at the next keydown; stops when Material next writes the result count,
# which it does in the same task as it fills the result list.
_TIME_NEXT_RESULTS = """meta => {
  window.hsResultsMs = undefined
  addEventListener("keydown", down => {
    new MutationObserver((records, observer) => {
      observer.disconnect()
      window.hsResultsMs = performance.now() - down.timeStamp
    }).observe(document.querySelector(meta), { childList: true })
  }, { once: true, capture: true })
}"""


@dataclass(frozen=True, slots=True)
class FirstResults:
    bytes_gzip: int  # everything search fetched, from opening the box to the first results, gzipped
    files: int  # how many files that was
    ms: float  # from the first keystroke to the first results on screen


def first_results(browser, url: str, query: str, *, site: Path) -> FirstResults:
    """A new reader (empty cache) opens `url`, taps the search box and types `query` at a
    typist's pace: what search downloads, from the page's first request to the first
    results (Material's search fetches its index with the page, ours when search opens),
    and the time from the first keystroke to those results. `site` is the folder `url`
    serves, to size the files as GitHub Pages sends them (gzipped)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    fetched: list[str] = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.evaluate(_TIME_FIRST_RESULTS)
    box = page.locator(SEARCH_INPUT)
    magnifier = page.locator("label.md-header__button[for='__search']")
    if magnifier.is_visible():  # phones: the magnifier in the header opens the box
        magnifier.click()
        box.focus()
    else:
        box.click()
    box.press_sequentially(query, delay=60)
    try:
        ms = page.wait_for_function("() => window.hsFirstResultsMs", timeout=10_000).json_value()
    except PlaywrightTimeout:
        ms = math.inf  # no result at all (plain Material knows no misspellings)
    page.wait_for_timeout(50)  # let the requests of that moment finish being recorded
    files = [u for u in dict.fromkeys(fetched) if u.startswith(url) and _SEARCH_FILE.search(u)]
    sizes = [_gzip_size(site, url, u) for u in files]
    context.close()
    return FirstResults(bytes_gzip=sum(sizes), files=len(files), ms=ms)


# Search's own files: our script and index, or Material's worker, lunr and index.
_SEARCH_FILE = re.compile(r"/search/|/hs-search[\w-]*\.js|/workers/|/lunr/")


def _gzip_size(site: Path, root: str, address: str) -> int:
    path = site / unquote(urlsplit(address).path[len(urlsplit(root).path):])
    return len(gzip.compress(path.read_bytes(), compresslevel=6)) if path.is_file() else 0


# From the first keydown to the first result in the list.
_TIME_FIRST_RESULTS = """() => {
  window.hsFirstResultsMs = undefined
  addEventListener("keydown", down => {
    const list = document.querySelector(".md-search-result__list")
    const done = () => { window.hsFirstResultsMs = performance.now() - down.timeStamp }
    new MutationObserver((records, observer) => {
      if (list.querySelector(".md-search-result__item")) { observer.disconnect(); done() }
    }).observe(list, { childList: true })
  }, { once: true, capture: true })
}"""


def _enter(page, text: str) -> None:
    page.locator(SEARCH_INPUT).fill(text)
    page.keyboard.press("End")  # one keyup: Material sends the whole text as one query


def _wait_for_meta(page, condition: str) -> None:
    page.wait_for_function(
        f"() => {{ const m = document.querySelector({RESULT_META!r}).textContent.trim(); return {condition} }}"
    )
