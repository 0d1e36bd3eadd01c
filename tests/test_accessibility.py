"""The search box's states pass axe-core's rules (WCAG 2.2 AA and AAA, and best practice;
test_design.py runs them on every kind of page) at phone and desktop widths, in real
Chromium, and the site keeps the things axe cannot judge: a working skip link, a visible
focus state and readable text on a phone."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import DESKTOP
from page_kinds import ITEM_PAGE

# AAA includes the enhanced contrast of 7:1 (WCAG 1.4.6) that the design promises.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag2aaa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE = Axe()


def axe_violations(page) -> list[str]:
    # Colours are measured as they are drawn: a header fading in after a scroll would be read
    # half-way (Material's header title, when a tick scrolls the page), so wait for transitions.
    page.evaluate("() => Promise.all(document.getAnimations().filter(a => a instanceof CSSTransition).map(a => a.finished.catch(() => null)))")
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    results = AXE.run(page, options=options)
    return [
        f"{v['id']}: {v['help']} -> {[(n['target'], n['failureSummary']) for n in v['nodes']]}"
        for v in results.response["violations"]
    ]


def test_open_search_results_have_no_axe_violations(tab, published_url: str) -> None:
    tab.goto(published_url)
    open_search(tab, "twitch")
    assert axe_violations(tab) == []


@pytest.mark.parametrize(("query", "shown"), [("colchisine", ".hs-search-suggest"), ("qwzxv", ".hs-search-empty")])
def test_did_you_mean_and_the_empty_state_have_no_axe_violations(tab, published_url: str, query: str, shown: str) -> None:
    tab.goto(published_url)
    open_search(tab, query, wait_for=shown)
    assert axe_violations(tab) == []


def open_search(page, query: str, *, wait_for: str = ".md-search-result__item") -> None:
    """Open the search box as a reader does, type, and wait for the results (or `wait_for`)."""
    toggle = page.locator("label.md-header__button[for='__search']")
    box = page.locator("input.md-search__input")
    if toggle.is_visible():
        toggle.click()  # phones: the search icon opens the box
    else:
        box.click()
    box.press_sequentially(query)
    page.locator(wait_for).first.wait_for()
    # The results fade in: judge their colours once every transition has finished, not mid-fade.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


def test_skip_link_appears_on_first_tab_and_moves_to_the_article(tab, published_url: str) -> None:
    tab.goto(published_url + ITEM_PAGE)
    tab.keyboard.press("Tab")
    skip = tab.locator(".md-skip")
    assert skip.evaluate("el => el === document.activeElement")
    expect(skip).to_have_css("opacity", "1")  # after its fade-in
    tab.keyboard.press("Enter")
    assert tab.evaluate("location.hash") == skip.evaluate("el => el.hash")
    heading = tab.locator("article h1")
    assert heading.evaluate("el => el.getBoundingClientRect().top") < DESKTOP["height"]


def test_keyboard_focus_is_clearly_visible(tab, published_url: str) -> None:
    tab.goto(published_url + ITEM_PAGE)
    link = tab.locator("article a[href]").first
    link.focus()
    tab.keyboard.press("Shift+Tab")  # focus by keyboard, so :focus-visible applies
    tab.keyboard.press("Tab")
    ring = tab.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)] }"
    )
    assert ring[0] == "solid" and ring[1] >= 2


def test_article_text_is_at_least_16px_on_a_phone(phone_page, published_url: str) -> None:
    phone_page.goto(published_url + ITEM_PAGE)
    sizes = phone_page.locator("article p, article li").evaluate_all(
        "els => els.map(el => parseFloat(getComputedStyle(el).fontSize))"
    )
    assert sizes and min(sizes) >= 16, sizes


def test_missing_page_shows_a_styled_not_found_page(tab, published_url: str) -> None:
    response = tab.goto(published_url + "no/such/page/")
    assert response.status == 404
    assert tab.title().startswith("Page not found")
    assert tab.locator(".md-header").is_visible()  # Material's styles loaded at this depth too
    tab.get_by_role("link", name="Go to the home page").click()
    tab.wait_for_url(published_url)
