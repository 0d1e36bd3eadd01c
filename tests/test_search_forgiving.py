"""Search forgives spelling, knows everyday words, and never leaves a reader at a blank list.

Every query is typed into the search box of the built sample site in headless Chromium
(tests/searchbox.py), as a worried reader on a phone would type it.
"""

from __future__ import annotations

import pytest

from searchbox import open_search, search

MIN_RECALL_AT_3 = 0.9  # at least 18 of every 20

# Misspelled titles and aliases of the sample site -> the page (or pages) it should find.
MISSPELLINGS: dict[str, str | tuple[str, ...]] = {
    # one letter off
    "colchicin": "Colchicine",
    "allopurinal": "Medicine to lower uric acid",
    "ibuprofin": "Anti-inflammatory painkillers",
    "dehidration": "Dehydration",
    "stimulents": ("Caffeine and stimulants", "Limit stimulants"),
    "electrolite imbalance": "Electrolyte imbalances",
    "kidny stones": "Kidney stones",
    "hydraton": "Hydration",
    "diabetis": "Some health conditions and medicines",
    "gout atack": "Sudden, bad pain in a joint",
    # two letters off in a long word
    "physiotheraphy": "Physical therapy",
    "exaustion": "Fatigue",
    "parasthesia": "Tingling sensation",
    "fasiculations": ("Muscle twitches", "Visible muscle twitching"),
    # a doubled letter missing or added
    "alopurinol": "Medicine to lower uric acid",
    "magnessium": ("Electrolyte imbalances", "Diet"),
    "tingeling": "Tingling sensation",
    # letters swapped
    "mucsle twitches": "Muscle twitches",
    "caffiene": "Caffeine and stimulants",
    "steriods": "Steroids",
    "anxeity": "Stress and anxiety",
    "medicaiton review": "Medication review",
    # split or joined
    "pain killers": "Anti-inflammatory painkillers",
    "kidneystones": "Kidney stones",
    "xray": "X-rays and scans",
    "bloodtest": "Blood test for uric acid",
}

# Everyday words that no page of the sample uses, found through the lay thesaurus
# (healthsite/site/search/lay-words.yml).
LAY_WORDS: dict[str, str | tuple[str, ...]] = {
    "booze": ("Drinking alcohol, especially beer", "Cutting down on alcohol"),
    "sugar": "Some health conditions and medicines",
    "worn out": "Fatigue",
    "jab": "Steroids",
    "fizzy pop": "Rich food and sugary drinks",
    "family doctor": ("Seeing a doctor", "Talking with a doctor and checking the joint"),
    "pain tablets": "Anti-inflammatory painkillers",
    "fags": "Caffeine and stimulants",
    "achy joints": ("Sudden, bad pain in a joint", "Lasting joint damage", "Stiff joint that is hard to move"),
    "worn out muscles": ("Muscle fatigue", "Fatigue"),
}


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    page = browser.new_page(viewport={"width": 390, "height": 800})  # a phone
    open_search(page, site_url)
    yield page
    page.close()


def _recall(search_page, queries: dict[str, str | tuple[str, ...]]) -> tuple[float, list[str]]:
    misses = []
    for query, expected in queries.items():
        top3 = search(search_page, query)
        wanted = {expected} if isinstance(expected, str) else set(expected)
        if not wanted & set(top3):
            misses.append(f"{query!r}: wanted {expected!r}, got {top3}")
    return 1 - len(misses) / len(queries), misses


def test_misspelled_titles_and_aliases_find_their_page(search_page) -> None:
    assert len(MISSPELLINGS) >= 20
    recall, misses = _recall(search_page, MISSPELLINGS)
    print(f"\nmisspellings: recall@3 = {recall:.0%}", *misses, sep="\n")
    assert recall >= MIN_RECALL_AT_3, f"recall@3 {recall:.0%}; misses:\n" + "\n".join(misses)


def test_everyday_words_find_the_pages_that_use_other_words(search_page) -> None:
    recall, misses = _recall(search_page, LAY_WORDS)
    print(f"\nlay words: recall@3 = {recall:.0%}", *misses, sep="\n")
    assert recall >= MIN_RECALL_AT_3, f"recall@3 {recall:.0%}; misses:\n" + "\n".join(misses)


def test_exact_words_rank_above_near_misses(search_page) -> None:
    # "steroids" is one letter from nothing else; "diet" is a whole word and a prefix of "dietary".
    assert search(search_page, "steroids")[0] == "Steroids"
    assert search(search_page, "colchicine")[0] == "Colchicine"
    assert search(search_page, "diet")[0] == "Diet"


def test_short_words_are_matched_exactly(search_page) -> None:
    # "ALS" must not find "alcohol" (a prefix) or "all" (one letter off).
    titles = search(search_page, "ALS", limit=20)
    assert titles[0] == "Nervous system disorders"
    assert not [title for title in titles if "alcohol" in title.casefold()]


def test_results_say_what_each_page_is(search_page) -> None:
    search(search_page, "colchicine")
    first = search_page.locator(".md-search-result__item").first
    assert first.locator(".hs-search-label").inner_text() == "Treatment · Gout"
    assert first.locator("h1").inner_text() == "Colchicine"


def test_did_you_mean_offers_the_spelling_the_site_uses(search_page) -> None:
    search(search_page, "colchisine")
    offer = search_page.locator(".hs-search-suggest")
    assert offer.is_visible()
    assert offer.inner_text() == "Did you mean colchicine?"
    offer.get_by_role("button", name="colchicine").click()  # one tap searches for it
    search_page.wait_for_function("() => document.querySelector('.md-search__input').value === 'colchicine'")
    search_page.locator(".hs-search-suggest").wait_for(state="hidden")
    assert search_page.locator(".md-search-result__item h1").first.inner_text() == "Colchicine"


def test_words_a_result_lacks_are_named_as_typed(search_page) -> None:
    search(search_page, "twitching everywhere", limit=10)
    missing = {text.strip() for text in search_page.locator(".md-search-result__terms").all_text_contents()}
    assert missing == {"Not on the page: everywhere"}


def test_nothing_found_is_a_helpful_page_not_a_blank(search_page, site_url) -> None:
    assert search(search_page, "qwzxv") == []
    empty = search_page.locator(".hs-search-empty")
    empty.wait_for()  # once typing pauses
    assert search_page.locator(".md-search-result__meta").inner_text() == "No pages found for “qwzxv”"
    assert "If you feel very unwell" in empty.inner_text()  # the urgent-help line from mkdocs.yml (extra.urgent_help)
    # Screen readers hear the outcome once typing pauses.
    search_page.wait_for_function("() => document.querySelector('.hs-search-status').textContent.includes('No pages found')")
    empty.get_by_role("link", name="browse all topics from A to Z").click()
    search_page.wait_for_url(site_url + "#a-z")
    assert search_page.locator("nav#a-z").is_visible()
    open_search(search_page, site_url)  # leave the shared tab as the other tests expect it


def test_an_added_letter_is_corrected_too(search_page) -> None:
    search(search_page, "cholchicine")
    assert search_page.locator(".hs-search-suggest").inner_text() == "Did you mean colchicine?"


def test_the_result_count_is_announced(search_page) -> None:
    search(search_page, "colchicine")
    search_page.wait_for_function("() => /^\\d+ pages? found/.test(document.querySelector('.hs-search-status').textContent)")
