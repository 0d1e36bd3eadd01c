"""Printing a page gives the article alone: no navigation, every link's address written
after it, and the care cards that say when to get help."""

from __future__ import annotations

from page_kinds import ITEM_PAGE


def test_printed_page_is_the_article_with_link_addresses(phone_page, published_url: str) -> None:
    phone_page.goto(published_url + ITEM_PAGE)
    phone_page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
        assert not phone_page.locator(chrome).first.is_visible(), chrome
    assert phone_page.locator("article h1").is_visible()
    link = phone_page.locator("article li a[href]").first
    printed = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert printed.startswith('" (https://') and printed.endswith('/)"'), printed


def test_care_cards_print(phone_page, published_url: str) -> None:
    phone_page.goto(published_url + ITEM_PAGE)
    phone_page.evaluate(  # a card as partials/hs-care-card.html renders it
        """() => document.querySelector('article').insertAdjacentHTML('beforeend',
        '<section class="hs-care-card hs-care-card--urgent"><h2 class="hs-care-card__heading">Get help</h2></section>')"""
    )
    phone_page.emulate_media(media="print")
    card = phone_page.locator(".hs-care-card").last
    assert card.is_visible()
    assert card.evaluate("el => getComputedStyle(el).breakInside") == "avoid"
