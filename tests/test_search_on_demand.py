"""Search downloads when a reader opens it, not with every page (overrides/partials/hs-search-on-demand.html).

Readers who never search are spared the search script and index; readers who do search
lose nothing: what they type while the script arrives is searched, and a link from a
search result still highlights the words on a first visit.
"""

from __future__ import annotations

import time

from page_kinds import ITEM_PAGE


def _search_downloads(urls: list[str]) -> list[str]:
    return [url for url in urls if "/search/" in url or "/hs-search" in url]


def test_a_page_view_downloads_nothing_for_search(browser, published_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(published_url + ITEM_PAGE)
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 2000)  # reading and scrolling is not searching
    page.wait_for_timeout(300)
    context.close()
    assert _search_downloads(requested) == []


def test_words_typed_while_search_arrives_are_searched(browser, published_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 800})  # a phone
    page = context.new_page()

    def slow_network(route) -> None:
        time.sleep(0.8)
        route.continue_()

    page.route("**/hs-search*.js", slow_network)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(published_url + ITEM_PAGE)
    page.wait_for_load_state("networkidle")
    page.locator("label[for=__search]").first.click()  # the magnifier in the header
    page.keyboard.type("cola")
    first_result = page.locator(".md-search-result__item h1").first
    first_result.wait_for()
    assert first_result.inner_text() == "Caffeine and stimulants"
    downloads = _search_downloads(requested)
    # The two scripts, the index's table of contents, one vocabulary file (words in "c"),
    # and the postings and page files of the results: each once.
    assert len(downloads) == len(set(downloads)) <= 7, downloads
    assert sum("/hs-search" in url for url in downloads) == 2
    context.close()


def test_a_search_result_link_highlights_the_words_on_a_first_visit(browser, published_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(published_url + "muscle-twitches/causes/caffeine-and-stimulants/?h=cola")
    marks = page.locator("article mark")
    marks.first.wait_for()
    assert {text.casefold() for text in marks.all_inner_texts()} == {"cola"}
    context.close()
