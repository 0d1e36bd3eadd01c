"""Drive the site's own search box in a real browser, as a reader does.

Shared by the search tests and bench/search.py: queries go into Material's search
input and result titles are read from its result list, so what is checked and
measured is what a reader sees.

Material sends a query on each `keyup`. Typing a word letter by letter therefore
sends one query per prefix, whose answers arrive one after another; to read the
answer to the whole word, the word is filled in and then one key (End) is
pressed, which sends exactly that query.
"""

from __future__ import annotations

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


def _enter(page, text: str) -> None:
    page.locator(SEARCH_INPUT).fill(text)
    page.keyboard.press("End")  # one keyup: Material sends the whole text as one query


def _wait_for_meta(page, condition: str) -> None:
    page.wait_for_function(
        f"() => {{ const m = document.querySelector({RESULT_META!r}).textContent.trim(); return {condition} }}"
    )
