"""The "Which of these apply to you?" checklist, as readers use it: real headless Chromium at phone width.

The site is built once from a small topic with two red flags (one symptom, one cause), so the
tests do not depend on the shipped content.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.config import load_config
from playwright.sync_api import Page, expect

from conftest import PHONE, TOPIC_MD, ROOT, copy_project, item_md, write
from healthsite.site.build import build_site
from healthsite.content.loader import load_library
from healthsite.render.pages import render_library
from healthsite.site.subpath import serve_under

KEY = "healthsite:checklist:v1:twitch"
CHECKLIST = "twitch/checklist/"

ITEMS = {
    "symptoms/tingling.md": item_md("Tingling", "A pins and needles feeling.", causes="[stress, dehydration]"),
    "symptoms/worsening.md": item_md(
        "Symptoms that persist or worsen", "Twitches that last for weeks or spread.", red_flag="true", causes="[nerve-disorders]"
    ),
    "causes/stress.md": item_md("Stress & anxiety", "Worry can tighten your muscles.", order="1", treatments="[relaxation]"),
    "causes/dehydration.md": item_md("Dehydration", "Not drinking enough.", order="2", treatments="[hydration, relaxation]"),
    "causes/nerve-disorders.md": item_md(
        "Nervous system disorders", "Rarely, a sign of a condition such as ALS.", order="3", red_flag="true",
        treatments="[medical-evaluation]",
    ),
    "treatments/relaxation.md": item_md("Relaxation", "Slow breathing and gentle stretches.", order="1"),
    "treatments/hydration.md": item_md("Hydration", "Drink enough water.", order="2"),
    "treatments/medical-evaluation.md": item_md("Medical evaluation", "A doctor checks the cause.", order="3"),
    "risk-factors/coffee.md": item_md("Lots of coffee", "Four or more cups a day.", causes="[stress]"),
    "risk-factors/family-history.md": item_md("Family history", "Relatives with a nerve condition.", causes="[nerve-disorders]"),
    "prevention/fewer-cups.md": item_md("Fewer cups", "Swap some coffee for water.", risk_factors="[coffee]"),
}


def checklist_content(root: Path) -> Path:
    write(root / "twitch" / "topic.md", TOPIC_MD)
    for relative, text in ITEMS.items():
        write(root / "twitch" / relative, text)
    return root


@pytest.fixture(scope="session")
def checklist_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A small site with Material's instant navigation switched on: the harder case, where the
    script must run again on pages it was not loaded for. Served like GitHub Pages, so that
    instant navigation recognises this server (see healthsite.site.subpath)."""
    tmp = tmp_path_factory.mktemp("checklist")
    project = copy_project(tmp / "project", content=checklist_content(tmp / "content"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  features:\n", "  features:\n    - navigation.instant\n"), encoding="utf-8")
    site_url = load_config(str(config)).site_url
    with serve_under(build_site(config_file=config), prefix=urlsplit(site_url).path, site_url=site_url) as url:
        yield url


@pytest.fixture
def page(phone_page: Page, checklist_url: str) -> Iterator[Page]:
    """The checklist page, opened fresh (empty storage) at phone width; script errors fail the test."""
    errors: list[str] = []
    phone_page.on("pageerror", lambda error: errors.append(str(error)))
    phone_page.goto(checklist_url + CHECKLIST)
    yield phone_page
    assert errors == []


def box(page: Page, label: str):
    return page.get_by_role("checkbox", name=label, exact=True)


def results(page: Page) -> str:
    """What a screen reader finds in the results region (hidden parts left out)."""
    return page.get_by_role("status").aria_snapshot()


def stored(page: Page) -> str | None:
    return page.evaluate("key => localStorage.getItem(key)", KEY)


def care_card(page: Page):
    return page.get_by_role("region", name="Urgent advice: See a doctor soon about:")


# --- Generated from content ---------------------------------------------------------------


def test_adding_a_cause_file_adds_a_box(tmp_path: Path) -> None:
    content = checklist_content(tmp_path / "content")

    def checklist_markdown() -> str:
        pages = render_library(load_library(content)).pages
        return next(p.markdown for p in pages if p.src_uri == "twitch/checklist.md")

    assert 'id="hs-checklist-causes-fatigue"' not in checklist_markdown()
    write(content / "twitch" / "causes" / "fatigue.md", item_md("Fatigue", "Too little sleep.", treatments="[relaxation]"))
    markdown = checklist_markdown()
    assert (
        '<input class="hs-checklist__box" type="checkbox" id="hs-checklist-causes-fatigue" value="causes/fatigue" '
        'aria-describedby="hs-checklist-causes-fatigue-summary" data-hs-leads-to="treatments/relaxation">'
        '<label class="hs-checklist__label" for="hs-checklist-causes-fatigue">Fatigue</label>'
    ) in markdown
    assert "[Read about Fatigue](causes/fatigue.md)" in markdown


def test_topic_without_symptoms_or_causes_has_no_checklist(tmp_path: Path) -> None:
    write(tmp_path / "content" / "twitch" / "topic.md", TOPIC_MD)
    write(tmp_path / "content" / "twitch" / "treatments" / "rest.md", item_md("Rest"))
    site = render_library(load_library(tmp_path / "content"))
    assert "twitch/checklist.md" not in [p.src_uri for p in site.pages]
    assert site.nav == [{"Muscle twitches": ["twitch/index.md", {"Treatments": ["twitch/treatments/index.md", {"Rest": "twitch/treatments/rest.md"}]}]}]


def test_overview_and_navigation_lead_to_the_checklist(phone_page: Page, checklist_url: str) -> None:
    phone_page.goto(checklist_url + "twitch/")
    phone_page.get_by_role("link", name="Check which of these apply to you").click()
    expect(phone_page).to_have_url(checklist_url + CHECKLIST)
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("Muscle twitches: which of these apply to you?")
    phone_page.goto(checklist_url + "twitch/")
    phone_page.locator("label.md-header__button[for=__drawer]").first.click()  # the phone's menu button
    phone_page.get_by_role("navigation").get_by_role("link", name="Check your symptoms").click()
    expect(phone_page).to_have_url(checklist_url + CHECKLIST)


# --- Ticking ------------------------------------------------------------------------------


def test_ticking_a_cause_shows_what_may_help(page: Page, checklist_url: str) -> None:
    expect(page.get_by_role("status")).to_contain_text("You have not ticked anything yet.")
    box(page, "Dehydration").check()
    box(page, "Stress & anxiety").check()
    # Relaxation helps both: listed once, in the order of the treatments section.
    assert results(page) == (
        '- status:\n'
        '  - heading "You ticked" [level=3]\n'
        '  - list:\n'
        '    - listitem: Stress & anxiety\n'
        '    - listitem: Dehydration\n'
        '  - heading "What may help" [level=3]\n'
        '  - list:\n'
        '    - listitem:\n'
        '      - link "Relaxation":\n'
        '        - /url: ' + checklist_url + 'twitch/treatments/relaxation/\n'
        '    - listitem:\n'
        '      - link "Hydration":\n'
        '        - /url: ' + checklist_url + 'twitch/treatments/hydration/'
    )
    page.get_by_role("status").get_by_role("link", name="Hydration").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hydration")


def test_ticking_a_symptom_shows_its_likely_causes(page: Page) -> None:
    box(page, "Tingling").check()
    status = page.get_by_role("status")
    expect(status.get_by_role("list").nth(1).get_by_role("listitem")).to_have_text(["Stress & anxiety", "Dehydration"])
    expect(status).to_contain_text("Tick any possible causes that apply to you to see what may help.")
    expect(care_card(page)).to_be_hidden()


def test_ticking_a_risk_factor_shows_what_may_lower_it(page: Page, checklist_url: str) -> None:
    question = page.get_by_role("group", name="Does any of this apply to you?")
    expect(question).to_contain_text("These make it more likely, but do not mean you have it.")
    question.get_by_role("checkbox", name="Lots of coffee").check()
    status = page.get_by_role("status")
    expect(status.get_by_role("heading", name="What may lower your risk")).to_be_visible()
    expect(status.get_by_role("link", name="Fewer cups")).to_have_attribute("href", checklist_url + "twitch/prevention/fewer-cups/")
    page.reload()  # answers are kept under the same key as before there were risk factors
    expect(box(page, "Lots of coffee")).to_be_checked()
    assert json.loads(stored(page)) == {"ticked": ["risk-factors/coffee"]}
    page.emulate_media(media="print")
    expect(status.get_by_role("listitem").first).to_have_text("Lots of coffee")  # the printed summary includes it


def test_choices_survive_a_reload(page: Page) -> None:
    box(page, "Dehydration").check()
    page.reload()
    expect(box(page, "Dehydration")).to_be_checked()
    expect(box(page, "Tingling")).not_to_be_checked()
    expect(page.get_by_role("status").get_by_role("link", name="Hydration")).to_be_visible()


def test_a_red_flag_shows_the_urgent_care_card(page: Page) -> None:
    expect(care_card(page)).to_be_hidden()
    box(page, "Nervous system disorders").check()
    card = care_card(page)
    expect(card).to_be_visible()
    # Inside the results region, so screen readers hear it; it names only what was ticked.
    expect(page.get_by_role("status").get_by_role("region")).to_have_count(1)
    expect(card.get_by_role("listitem")).to_have_text(["Nervous system disorders"])
    expect(card).to_contain_text("Ask for an urgent appointment with a doctor")
    box(page, "Symptoms that persist or worsen").check()
    expect(card.get_by_role("listitem")).to_have_text(["Symptoms that persist or worsen", "Nervous system disorders"])
    box(page, "Nervous system disorders").uncheck()
    box(page, "Symptoms that persist or worsen").uncheck()
    expect(card).to_be_hidden()


def test_clear_then_reload_leaves_the_list_empty(page: Page) -> None:
    box(page, "Tingling").check()
    box(page, "Nervous system disorders").check()
    assert json.loads(stored(page)) == {"ticked": ["symptoms/tingling", "causes/nerve-disorders"]}
    page.get_by_role("button", name="Clear my answers").click()
    expect(page.get_by_role("checkbox", checked=True)).to_have_count(0)
    assert stored(page) is None
    page.reload()
    expect(page.get_by_role("checkbox", checked=True)).to_have_count(0)
    expect(page.get_by_role("status")).to_contain_text("You have not ticked anything yet.")
    expect(care_card(page)).to_be_hidden()


def test_usable_by_keyboard_alone(page: Page) -> None:
    page.get_by_role("heading", level=1).click()  # start reading from the title, as after a page load
    first_box = box(page, "Symptoms that persist or worsen")
    for _ in range(30):  # Tab through the page chrome to the first box
        page.keyboard.press("Tab")
        if first_box.evaluate("el => el === document.activeElement"):
            break
    expect(first_box).to_be_focused()
    assert first_box.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"  # focus is visible
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Read about Symptoms that persist or worsen")).to_be_focused()
    page.keyboard.press("Tab")
    expect(box(page, "Tingling")).to_be_focused()
    page.keyboard.press("Space")
    expect(box(page, "Tingling")).to_be_checked()
    for _ in range(20):  # through the other boxes and their links
        page.keyboard.press("Tab")
        if page.get_by_role("button", name="Clear my answers").evaluate("el => el === document.activeElement"):
            break
    expect(page.get_by_role("button", name="Clear my answers")).to_be_focused()
    page.keyboard.press("Enter")
    expect(box(page, "Tingling")).not_to_be_checked()


def test_touch_targets_are_at_least_24_px(page: Page) -> None:
    targets = [
        *page.get_by_role("checkbox").all(),
        *page.locator(".hs-checklist__more").get_by_role("link").all(),
        *page.get_by_role("button", name="Clear my answers").all(),
        *page.get_by_role("button", name="Print for your appointment").all(),
    ]
    assert len(targets) == 16  # 7 boxes, 7 links, 2 buttons
    for target in targets:
        size = target.bounding_box()
        assert size["width"] >= 24 and size["height"] >= 24, (target, size)


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.mark.parametrize("script", ["running", "blocked"])
def test_axe_finds_no_violations(phone_page: Page, checklist_url: str, script: str) -> None:
    """With the script: every results group and the care card showing. Blocked: the page
    readers get without JavaScript (axe itself needs JavaScript, so only our script is blocked)."""
    from axe_playwright_python.sync_playwright import Axe

    if script == "blocked":
        phone_page.route("**/checklist.js", lambda route: route.abort())
    phone_page.goto(checklist_url + CHECKLIST)
    if script == "running":
        box(phone_page, "Tingling").check()
        box(phone_page, "Nervous system disorders").check()
        expect(care_card(phone_page)).to_be_visible()
    else:
        expect(phone_page.get_by_text("This page needs JavaScript")).to_be_visible()
    # Scoped to the page's content: Material's own search dialog and footer are fixed separately (issue 7).
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}}
    result = Axe().run(phone_page, context={"include": [["article"]]}, options=options)
    assert result.violations_count == 0, result.generate_report()


# --- Without JavaScript, with broken storage, without the network ------------------------


def test_without_javascript_every_item_is_listed_with_links(browser, checklist_url: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(checklist_url + CHECKLIST)
    expect(page.get_by_role("group", name="What do you notice?").get_by_role("checkbox")).to_have_count(2)
    expect(page.get_by_role("group", name="What might apply to you?").get_by_role("checkbox")).to_have_count(3)
    expect(page.get_by_role("link", name="Read about Dehydration")).to_be_visible()
    static = page.locator(".hs-checklist__static")
    expect(static).to_contain_text("This page needs JavaScript to match pages to your answers.")
    expect(page.get_by_role("group", name="Does any of this apply to you?").get_by_role("checkbox")).to_have_count(2)
    expect(static.get_by_role("link")).to_have_text(
        ["Relaxation", "Hydration", "Medical evaluation", "Fewer cups", "Symptoms that persist or worsen", "Nervous system disorders"]
    )
    expect(page.get_by_role("button", name="Clear my answers")).to_be_hidden()
    context.close()


@pytest.mark.parametrize(
    "saved",
    ["{not json", '"a string"', '{"ticked": "causes/dehydration"}', '{"ticked": [1, 2]}', "null"],
    ids=["not JSON", "string", "not a list", "not strings", "null"],
)
def test_corrupted_storage_is_ignored_and_cleared(page: Page, saved: str) -> None:
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, saved])
    page.reload()
    expect(page.get_by_role("status")).to_contain_text("You have not ticked anything yet.")
    expect(page.get_by_role("checkbox", checked=True)).to_have_count(0)
    assert stored(page) is None
    box(page, "Dehydration").check()  # and it still works
    assert json.loads(stored(page)) == {"ticked": ["causes/dehydration"]}


def test_outdated_storage_is_ignored_and_cleared(page: Page) -> None:
    page.evaluate(
        """key => {
            localStorage.setItem("healthsite:checklist:v0:twitch", "[\\"dehydration\\"]");
            localStorage.setItem("healthsite:checklist:v0:other-topic", "[]");
            localStorage.setItem(key, JSON.stringify({ticked: ["causes/removed-cause", "causes/dehydration"]}));
        }""",
        KEY,
    )
    page.reload()
    expect(page.get_by_role("checkbox", checked=True)).to_have_count(1)
    expect(box(page, "Dehydration")).to_be_checked()
    assert json.loads(stored(page)) == {"ticked": ["causes/dehydration"]}  # the removed cause is dropped
    keys = page.evaluate("Object.keys(localStorage).sort()")
    assert keys == ["healthsite:checklist:v0:other-topic", KEY]  # another topic's answers are its own


FULL_STORAGE = """
    Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
"""


def test_full_storage_keeps_the_checklist_working_and_drops_stale_answers(page: Page) -> None:
    box(page, "Dehydration").check()  # saved while there was room
    page.add_init_script(FULL_STORAGE)
    page.reload()
    expect(box(page, "Dehydration")).to_be_checked()
    box(page, "Nervous system disorders").check()  # cannot be saved: no uncaught error (see the page fixture)
    expect(care_card(page)).to_be_visible()
    expect(page.get_by_role("status").get_by_role("link", name="Hydration")).to_be_visible()
    assert stored(page) is None  # the stale list is gone rather than half right
    page.reload()
    expect(page.get_by_role("checkbox", checked=True)).to_have_count(0)
    box(page, "Tingling").check()
    page.get_by_role("button", name="Clear my answers").click()
    expect(page.get_by_role("status")).to_contain_text("You have not ticked anything yet.")


def test_makes_no_network_requests(page: Page) -> None:
    page.wait_for_load_state("networkidle")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    box(page, "Tingling").check()
    box(page, "Dehydration").check()
    page.get_by_role("button", name="Clear my answers").click()
    assert requests == []


def test_works_after_instant_navigation(page: Page, checklist_url: str) -> None:
    box(page, "Dehydration").check()
    page.wait_for_load_state("networkidle")  # instant navigation starts once it has the sitemap
    page.evaluate("window.__samePageSession = true")  # survives instant navigation, not a reload
    page.get_by_role("link", name="Muscle twitches overview").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Muscle twitches")
    page.get_by_role("link", name="Check which of these apply to you").click()
    expect(box(page, "Dehydration")).to_be_checked()
    assert page.evaluate("window.__samePageSession") is True, "navigation reloaded the page"
    box(page, "Stress & anxiety").check()
    expect(page.get_by_role("status").get_by_role("link")).to_have_text(["Relaxation", "Hydration"])


def test_printing_gives_a_summary_for_an_appointment(page: Page, checklist_url: str) -> None:
    box(page, "Tingling").check()
    box(page, "Dehydration").check()
    page.emulate_media(media="print")
    expect(page.get_by_role("group")).to_have_count(0)  # the questions are left out
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.get_by_role("button", name="Clear my answers")).to_be_hidden()
    expect(page.get_by_text("My answers, to take to an appointment.")).to_be_visible()
    status = page.get_by_role("status")
    expect(status.get_by_role("listitem").first).to_have_text("Tingling")
    # Each link shows its page's full address after it, so the reader can find it again.
    address = checklist_url + "twitch/treatments/hydration/"
    expect(status.get_by_role("link", name=f"Hydration ({address})", exact=True)).to_be_visible()


def test_script_size() -> None:
    """Keeps the script small: every page loads it (the figure is printed by bench/checklist_size.py)."""
    script = (ROOT / "healthsite" / "site" / "theme" / "assets" / "checklist.js").read_bytes()
    assert len(gzip.compress(script, compresslevel=9)) < 4000
