"""The reader-first design, measured in Chromium on every kind of page: AAA contrast in the
light and dark schemes, bold dark titles, 44 px targets, breadcrumbs that match their
structured data, the answer before the page's credentials, care cards that do not rely on
colour, and the owner's footer."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
from click.testing import CliRunner

from conftest import DESKTOP, PHONE, copy_project, rgb_hex, serve, write_valid_content
from design_site import build_design_site
from healthsite.cli import main
from healthsite.site.brand import contrast, darker_passing
from page_kinds import ITEM_PAGE, PAGE_KINDS
from test_accessibility import axe_violations

SITE_URL = "https://your-org.github.io/healthsite/"
FOOTER_LINKS = ["About this site", "Contact", "Privacy", "Disclaimer", "Editorial policy", "Accessibility statement"]


@pytest.fixture(scope="module")
def design_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(build_design_site(tmp_path_factory.mktemp("design"))) as url:
        yield url


# --- Contrast and type ------------------------------------------------------------------


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_page_kind_passes_aaa_and_best_practice_rules(tab, published_url: str, kind: str) -> None:
    tab.goto(published_url + PAGE_KINDS[kind])
    assert axe_violations(tab) == []


def test_checklist_results_and_care_card_pass_aaa_rules(tab, published_url: str) -> None:
    tab.goto(published_url + PAGE_KINDS["checklist"])
    tab.locator("input[data-hs-red-flag]").first.check()
    tab.locator(".hs-checklist .hs-care-card:not([hidden])").wait_for()
    # Ticking scrolled the title out of view, so the header swaps it in (a transition axe must not read half-way).
    tab.locator('[data-md-component="header-title"].md-header__title--active').wait_for()
    assert axe_violations(tab) == []


def test_all_three_care_cards_pass_aaa_rules(tab, design_url: str) -> None:
    tab.goto(design_url + "sample/")
    assert axe_violations(tab) == []


@pytest.mark.parametrize("kind", ["home", "topic overview", "checklist", "cause", "about"])
def test_titles_are_bold_and_at_least_7_to_1(tab, published_url: str, kind: str) -> None:
    tab.goto(published_url + PAGE_KINDS[kind])
    colour, background, weight = tab.locator("article h1").evaluate("""h1 => {
        let box = h1;
        while (box && getComputedStyle(box).backgroundColor === 'rgba(0, 0, 0, 0)') box = box.parentElement;
        const style = getComputedStyle(h1);
        return [style.color, getComputedStyle(box || document.body).backgroundColor, style.fontWeight];
    }""")
    assert contrast(rgb_hex(colour), rgb_hex(background)) >= 7, (colour, background)
    assert int(weight) >= 700


def test_dark_scheme_follows_the_system_setting(browser, published_url: str) -> None:
    for scheme, dark in (("light", False), ("dark", True)):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(published_url + ITEM_PAGE)
        background = rgb_hex(page.evaluate("getComputedStyle(document.body).backgroundColor"))
        assert (contrast(background, "#000000") < contrast(background, "#ffffff")) is dark, (scheme, background)
        context.close()


def test_body_text_is_16_to_19_px_on_a_phone_and_lines_stay_short_on_wide_screens(browser, published_url: str) -> None:
    for viewport, in_range in ((PHONE, range(16, 20)), (DESKTOP, None), ({"width": 1920, "height": 1080}, None)):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(published_url + ITEM_PAGE)
        if in_range:
            sizes = page.locator("article p").evaluate_all("els => els.map(el => Math.round(parseFloat(getComputedStyle(el).fontSize)))")
            assert set(sizes) <= set(in_range), sizes
        assert longest_line(page) <= 80
        context.close()


def test_no_page_scrolls_sideways_at_320_px(browser, published_url: str) -> None:
    """WCAG 1.4.10 reflow: 1280 px zoomed to 400%, as the accessibility statement promises."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for kind, path in PAGE_KINDS.items():
        page.goto(published_url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, kind
    context.close()


def longest_line(page) -> int:
    """The most characters on one line of the article's paragraphs, as the browser lays them out."""
    return page.evaluate("""() => {
        let longest = 0;
        for (const p of document.querySelectorAll('article > p')) {
            const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
            const lines = new Map();
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                for (let i = 0; i < node.length; i++) {
                    const range = document.createRange();
                    range.setStart(node, i); range.setEnd(node, i + 1);
                    const rect = range.getBoundingClientRect();
                    if (rect.height) lines.set(Math.round(rect.bottom), (lines.get(Math.round(rect.bottom)) || 0) + 1);
                }
            }
            for (const count of lines.values()) longest = Math.max(longest, count);
        }
        return longest;
    }""")


# --- Targets ----------------------------------------------------------------------------


def test_buttons_boxes_and_header_buttons_are_at_least_44_px(phone_page, published_url: str) -> None:
    targets = {
        "": ["label.md-header__button[for='__drawer']", "label.md-header__button[for='__search']", ".hs-az-letters a",
             ".hs-search-launch"],
        PAGE_KINDS["checklist"]: [".hs-checklist__box", ".hs-checklist__label"],
        ITEM_PAGE: [".md-content__button"],
    }
    for path, selectors in targets.items():
        phone_page.goto(published_url + path)
        phone_page.evaluate("document.querySelectorAll('[hidden].hs-checklist__actions, .hs-search-launch[hidden]')"
                            ".forEach(el => el.hidden = false)")  # the script-only buttons too
        for selector in selectors:
            sizes = phone_page.locator(selector).evaluate_all(
                "els => els.map(el => { const r = el.getBoundingClientRect(); return [r.width, r.height]; })")
            assert sizes, selector
            assert all(w >= 44 and h >= 44 for w, h in sizes), (path, selector, sizes)
    phone_page.goto(published_url + PAGE_KINDS["checklist"])
    phone_page.locator(".hs-checklist__box").first.check()
    for button in phone_page.locator(".hs-checklist__actions .md-button").all():
        box = button.bounding_box()
        assert box["height"] >= 44, box


def test_the_search_box_is_44_px_tall_on_a_desktop(browser, published_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(published_url)
    assert page.locator(".md-search__form").bounding_box()["height"] >= 44
    context.close()


# --- Breadcrumbs and the item page ------------------------------------------------------


@pytest.mark.parametrize("kind", [k for k in PAGE_KINDS if k not in {"home", "not found"}])
def test_breadcrumbs_match_their_breadcrumb_list(phone_page, published_url: str, kind: str) -> None:
    phone_page.goto(published_url + PAGE_KINDS[kind])
    trail = phone_page.get_by_role("navigation", name="Breadcrumb")
    links = trail.get_by_role("link").evaluate_all("links => links.map(a => [a.textContent.trim(), a.href])")
    current = trail.locator("[aria-current=page]").inner_text()
    assert links[0][0] == "Home" and current
    data = json.loads(phone_page.locator("script[type='application/ld+json']").text_content())
    crumbs = data["breadcrumb"]
    assert crumbs["@type"] == "BreadcrumbList"
    items = crumbs["itemListElement"]
    assert [i["position"] for i in items] == list(range(1, len(items) + 1))
    assert [i["name"] for i in items] == [name for name, _ in links] + [current]
    # The visible links and the structured data name the same pages (the data with the public address).
    assert [i["item"] for i in items[:-1]] == [urljoin(SITE_URL, href.removeprefix(published_url)) for _, href in links]
    assert items[-1]["item"] == data["url"]


def test_item_page_trail_reads_home_topic_section_page(phone_page, published_url: str) -> None:
    phone_page.goto(published_url + ITEM_PAGE)
    trail = phone_page.get_by_role("navigation", name="Breadcrumb")
    assert trail.get_by_role("listitem").all_inner_texts() == ["Home", "Gout", "Causes", phone_page.locator("article h1").inner_text()]
    trail.get_by_role("link", name="Causes").click()
    phone_page.wait_for_url(published_url + PAGE_KINDS["section list"])


def test_home_page_has_no_breadcrumbs(phone_page, published_url: str) -> None:
    phone_page.goto(published_url)
    assert phone_page.get_by_role("navigation", name="Breadcrumb").count() == 0
    assert "breadcrumb" not in json.loads(phone_page.locator("script[type='application/ld+json']").text_content())


def test_item_page_keeps_the_long_navigation_out_of_the_way(browser, published_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(published_url + ITEM_PAGE)
    assert not page.locator(".md-sidebar--primary").is_visible()
    page.goto(published_url + PAGE_KINDS["topic overview"])
    assert page.locator(".md-sidebar--primary").is_visible()  # list and overview pages keep it
    context.close()


def test_phone_menu_still_opens_the_navigation_on_an_item_page(phone_page, published_url: str) -> None:
    phone_page.goto(published_url + ITEM_PAGE)
    phone_page.locator("label.md-header__button[for='__drawer']").click()
    # The menu opens at the page's own section (topic > section: level 2), with the pages beside it.
    section = phone_page.locator(".md-sidebar--primary nav[data-md-level='2'][aria-expanded='true']")
    sibling = section.locator("a.md-nav__link:not(.md-nav__link--active)").first
    href = sibling.get_attribute("href")
    sibling.click()
    phone_page.wait_for_url(urljoin(published_url + ITEM_PAGE, href))


def test_item_page_gives_the_answer_first_then_one_compact_about_block(phone_page, published_url: str) -> None:
    phone_page.goto(published_url + ITEM_PAGE)
    order = phone_page.evaluate("""() => {
        const top = sel => document.querySelector(sel).getBoundingClientRect().top;
        return [top('article h1 ~ p'), top('#related-pages'), top('.hs-about-page'), top('.hs-disclaimer'), top('.hs-comments')];
    }""")
    assert order == sorted(order)
    about = phone_page.get_by_role("region", name="About this page")
    text = about.inner_text()
    for expected in ("Page last reviewed:", "Next review due:", "Reviewed by ", "Sources"):
        assert expected in text
    assert about.get_by_role("link").count() >= 1  # the sources, linked
    disclaimer = phone_page.get_by_role("complementary", name="Disclaimer")
    assert disclaimer.inner_text().count(".") <= 3  # one short line, not a box of boilerplate
    disclaimer.get_by_role("link", name="Read the full disclaimer").click()
    phone_page.wait_for_url(published_url + "disclaimer/")


@pytest.mark.parametrize("media", ["screen", "print"])
def test_sources_are_there_without_javascript_and_in_print(browser, published_url: str, media: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.emulate_media(media=media)
    page.goto(published_url + ITEM_PAGE)
    sources = page.get_by_role("region", name="Sources")
    assert sources.is_visible() and sources.get_by_role("listitem").count() >= 1
    context.close()


# --- Care cards -------------------------------------------------------------------------


def test_care_cards_show_urgency_by_colour_icon_and_words(phone_page, design_url: str) -> None:
    phone_page.goto(design_url + "sample/")
    headings, icons = {}, set()
    for level, words in (("non-urgent", "Non-urgent advice"), ("urgent", "Urgent advice"), ("immediate", "Immediate action required")):
        card = phone_page.locator(f".hs-care-card--{level}")
        heading = card.locator(".hs-care-card__heading")
        assert heading.locator(".hs-care-card__level").inner_text().strip().upper() == words.upper()  # words, on screen
        icon = heading.locator("svg.hs-care-card__icon")
        assert icon.is_visible() and icon.get_attribute("aria-hidden") == "true"
        headings[level] = heading.evaluate("h => getComputedStyle(h).backgroundColor")
        icons.add(icon.inner_html())
        assert phone_page.get_by_role("heading", name=re.compile(f"^{words}: ")).count() == 1  # heard first
    assert headings["non-urgent"] != headings["urgent"]  # calm blue, then red
    backgrounds = {level: phone_page.locator(f".hs-care-card--{level}").evaluate("c => getComputedStyle(c).backgroundColor")
                   for level in ("urgent", "immediate")}
    assert backgrounds["urgent"] != backgrounds["immediate"]  # an emergency card is dark all over
    assert len(icons) == 3  # a circle, a triangle and an octagon


# --- Footer and the accessibility statement ---------------------------------------------


@pytest.mark.parametrize("kind", ["home", "cause", "checklist", "privacy", "not found"])
def test_footer_links_the_owner_pages(phone_page, published_url: str, kind: str) -> None:
    phone_page.goto(published_url + PAGE_KINDS[kind])
    footer = phone_page.get_by_role("contentinfo")
    assert footer.get_by_role("navigation", name="Site information").get_by_role("link").all_inner_texts() == FOOTER_LINKS
    assert "Made with" not in footer.inner_text()
    assert "Health information published by your organisation." in footer.inner_text()
    footer.get_by_role("link", name="Accessibility statement").click()
    phone_page.wait_for_url(published_url + "accessibility/")


def test_accessibility_statement_says_what_is_met_how_it_is_tested_and_how_to_report(phone_page, published_url: str) -> None:
    phone_page.goto(published_url + "accessibility/")
    assert phone_page.locator("article h1").inner_text() == "Accessibility statement"
    headings = phone_page.locator("article h2").all_inner_texts()
    assert {"How accessible this site is", "How we test it", "Tell us about a problem"} <= set(headings)
    assert "WCAG" in phone_page.locator("article").inner_text()
    phone_page.get_by_role("link", name="contact us").click()
    phone_page.wait_for_url(published_url + "contact/")


# --- The owner's brand colour -----------------------------------------------------------


def _project_with_brand(tmp_path: Path, colour: str) -> Path:
    project = copy_project(tmp_path / "project", content=write_valid_content(tmp_path / "content"))
    config = project / "mkdocs.yml"
    text = config.read_text()
    config.write_text(text.replace('brand_colour: "#004b93"', f'brand_colour: "{colour}"'))
    assert f'brand_colour: "{colour}"' in config.read_text()
    return config


@pytest.mark.parametrize(("colour", "problem"), [
    ("#3f51b5", "#3f51b5 has a contrast of 6.8"),  # Material's indigo: fine for AA, not for AAA
    ("#abc", "expected a colour written as #rrggbb"),
])
def test_a_brand_colour_that_fails_contrast_is_a_check_error_naming_the_setting(tmp_path: Path, colour: str, problem: str) -> None:
    config = _project_with_brand(tmp_path, colour)
    result = CliRunner().invoke(main, ["check", "--content", str(config.parent / "content"), "-f", str(config)])
    assert result.exit_code == 1
    assert f"mkdocs.yml: plugins.healthsite.brand_colour: {problem}" in result.output
    assert "Traceback" not in result.output
    if colour == "#3f51b5":
        assert "A darker shade that passes: #" in result.output


def test_a_passing_brand_colour_colours_the_header(browser, tmp_path: Path) -> None:
    config = _project_with_brand(tmp_path, "#1d4f91")
    result = CliRunner().invoke(main, ["build", "-f", str(config)])
    assert result.exit_code == 0, result.output
    with serve(config.parent / "site") as url:
        page = browser.new_page()
        page.goto(url)
        assert page.locator(".md-header").evaluate("h => getComputedStyle(h).backgroundColor") == "rgb(29, 79, 145)"
        page.close()



def test_contrast_and_the_suggested_shade() -> None:
    assert round(contrast("#ffffff", "#000000"), 2) == 21
    assert round(contrast("#004b93", "#ffffff"), 2) == 8.65
    shade = darker_passing("#3f51b5")
    assert contrast(shade, "#ffffff") >= 7 > contrast("#3f51b5", "#ffffff")
    assert contrast(shade, "#ffffff") < 7.3  # the lightest shade that passes, not black


def test_menu_and_search_start_closed_after_a_reload_and_going_back(phone_page, published_url: str) -> None:
    """The toggles lose Material's autocomplete="off" (invalid on a checkbox); the page closes them itself."""
    phone_page.goto(published_url + ITEM_PAGE)
    phone_page.locator("label.md-header__button[for='__drawer']").click()
    assert phone_page.locator("#__drawer").is_checked()
    phone_page.reload()
    assert not phone_page.locator("#__drawer").is_checked()
    phone_page.locator("label.md-header__button[for='__drawer']").click()
    phone_page.goto(published_url)
    phone_page.go_back()
    phone_page.wait_for_url(published_url + ITEM_PAGE)
    assert not phone_page.locator("#__drawer").is_checked()
    assert not phone_page.locator("#__search").is_checked()


def test_a_footer_page_that_does_not_exist_is_an_error_naming_the_setting(tmp_path: Path) -> None:
    config = _project_with_brand(tmp_path, "#004b93")
    config.write_text(config.read_text().replace("footer_pages: [about.md,", "footer_pages: [about-us.md,"))
    result = CliRunner().invoke(main, ["build", "-f", str(config)])
    assert result.exit_code == 1
    assert "mkdocs.yml: plugins.healthsite.footer_pages: no page docs/about-us.md" in result.output
    assert not (config.parent / "site").exists()  # nothing half-written
