"""The trust layer in the built site: care cards, sources, review line, disclaimer,
comments and JSON-LD, as a reader (and a search engine) meets them."""

from __future__ import annotations

import html.parser
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import copy_project, rgb_hex, serve, write
from healthsite.site.brand import contrast
from healthsite.site.build import BuildFailed, build_site
from healthsite.render.jsonld import script_text

TOPIC = """\
---
title: Muscle twitches
summary: Small muscle movements you cannot control.
aliases: [fasciculations]
reviewed: {date: 2026-11-25, by: Dr Test Reviewer}
next_review: 2027-11-25
sources:
  - {title: Twitch guide, publisher: Test Health Service, url: 'https://example.org/twitch', accessed: 2026-11-20}
care_cards:
  - level: non-urgent
    reasons: [the twitches do not go away, the twitches get worse]
  - level: urgent
    reasons: [your muscles also feel weak]
    source: Twitch guide
---
Most twitches are harmless and stop on their own.
"""


def item(title: str, **links: str) -> str:
    extra = "".join(f"{key}: {value}\n" for key, value in links.items())
    return f"---\ntitle: {title}\nsummary: About {title.lower()}.\n{extra}---\nSome plain words about {title.lower()}.\n"


def build_project(tmp: Path, *, config_edit=lambda text: text, topic: str = TOPIC, allow_overdue: bool = False) -> Path:
    content = tmp / "content"
    write(content / "twitch" / "topic.md", topic)
    write(content / "twitch" / "symptoms" / "tingling.md", item("Tingling", causes="[stress]"))
    write(content / "twitch" / "causes" / "stress.md", item("Stress", treatments="[relaxation]"))
    write(content / "twitch" / "treatments" / "relaxation.md", item("Relaxation"))
    project = copy_project(tmp / "project", content=content)
    config = project / "mkdocs.yml"
    config.write_text(config_edit(config.read_text()))
    return build_site(config_file=config, allow_overdue=allow_overdue)


GISCUS = """extra:
  comments:
    provider: giscus
    repo: your-org/healthsite
    repo_id: R_test
    category: Comments
    category_id: DIC_test
"""


@pytest.fixture(scope="module")
def trust_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_project(tmp_path_factory.mktemp("trust"))


@pytest.fixture(scope="module")
def trust_url(trust_site: Path) -> Iterator[str]:
    with serve(trust_site) as url:
        yield url


# --- Structured data --------------------------------------------------------------------


class _JsonLd(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs) -> None:
        self._inside = tag == "script" and ("type", "application/ld+json") in attrs
        if self._inside:
            self.blocks.append("")

    def handle_endtag(self, tag) -> None:
        self._inside = False

    def handle_data(self, data) -> None:
        if self._inside:
            self.blocks[-1] += data


def json_ld(page: Path) -> dict:
    parser = _JsonLd()
    parser.feed(page.read_text(encoding="utf-8"))
    assert len(parser.blocks) == 1, f"{page}: expected one JSON-LD block"
    return json.loads(parser.blocks[0])


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.parts)


def test_every_page_is_a_reviewed_medical_web_page(trust_site: Path) -> None:
    assert len(pages(trust_site)) == 16  # 8 hand-written + overview, checklist, 3 section lists, 3 items
    for page in pages(trust_site):
        data = json_ld(page)
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "MedicalWebPage", page
        assert data["lastReviewed"] in {"2026-11-25"}
        assert data["reviewedBy"]["name"] in {"Dr Test Reviewer", "Site editor"}
        assert data["medicalAudience"] == {"@type": "MedicalAudience", "audienceType": "Patient"}
        assert data["about"]["name"]
        assert data["url"].startswith("https://your-org.github.io/healthsite/")


def test_topic_page_describes_the_condition(trust_site: Path) -> None:
    data = json_ld(trust_site / "twitch" / "index.html")
    assert data["url"] == "https://your-org.github.io/healthsite/twitch/"
    assert data["reviewedBy"] == {"@type": "Person", "name": "Dr Test Reviewer"}
    assert data["citation"] == [
        {"@type": "CreativeWork", "name": "Twitch guide", "publisher": {"@type": "Organization", "name": "Test Health Service"},
         "url": "https://example.org/twitch"}
    ]
    condition = data["about"]
    assert condition["@type"] == "MedicalCondition"
    assert condition["name"] == "Muscle twitches"
    assert condition["alternateName"] == ["fasciculations"]
    assert condition["signOrSymptom"] == [{"@type": "MedicalSignOrSymptom", "name": "Tingling"}]
    assert condition["cause"] == [{"@type": "MedicalCause", "name": "Stress"}]
    assert condition["possibleTreatment"] == [{"@type": "MedicalTherapy", "name": "Relaxation"}]


@pytest.mark.parametrize(
    ("path", "about"),
    [
        ("twitch/symptoms/tingling", {"@type": "MedicalSignOrSymptom", "name": "Tingling", "description": "About tingling.",
                                      "cause": [{"@type": "MedicalCause", "name": "Stress"}],
                                      "possibleTreatment": [{"@type": "MedicalTherapy", "name": "Relaxation"}]}),
        ("twitch/causes/stress", {"@type": "MedicalCause", "name": "Stress", "description": "About stress.",
                                  "causeOf": [{"@type": "MedicalCondition", "name": "Muscle twitches"},
                                              {"@type": "MedicalSignOrSymptom", "name": "Tingling"}]}),
        ("twitch/treatments/relaxation", {"@type": "MedicalTherapy", "name": "Relaxation", "description": "About relaxation."}),
    ],
)
def test_item_pages_use_the_fitting_type(trust_site: Path, path: str, about: dict) -> None:
    assert json_ld(trust_site / path / "index.html")["about"] == about


def test_json_ld_cannot_close_its_script_element() -> None:
    text = script_text({"name": "</script><script>alert(1)</script> & more"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><script>alert(1)</script> & more"}


# --- Review dates at build time -----------------------------------------------------------


def test_build_refuses_an_overdue_review_unless_allowed(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    overdue = TOPIC.replace("next_review: 2027-11-25", "next_review: 2020-01-01")
    with pytest.raises(BuildFailed):
        build_project(tmp_path / "strict", topic=overdue)
    assert "content/twitch/topic.md: review overdue: the next review was due on 1 January 2020" in caplog.text
    site = build_project(tmp_path / "preview", topic=overdue, allow_overdue=True)
    assert (site / "twitch" / "index.html").is_file()


def test_giscus_settings_are_checked(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(BuildFailed):
        build_project(tmp_path, config_edit=lambda text: text.replace("    provider: none", "    provider: giscus\n    repo: a/b\n    category: C"))
    assert "mkdocs.yml: extra.comments: Giscus needs repo_id, category_id (see giscus.app for the ids)" in caplog.text


# --- In the browser ---------------------------------------------------------------------


def lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def test_topic_page_shows_care_cards_sources_review_and_disclaimer(phone_page, trust_url: str) -> None:
    page = phone_page
    page.goto(trust_url + "twitch/")
    # The urgency is spoken first, from the visually hidden label.
    page.get_by_role("heading", name="Non-urgent advice: See a doctor if:").wait_for()
    urgent = page.get_by_role("region", name="Urgent advice: Get an urgent appointment or call a helpline if:")
    assert urgent.get_by_role("listitem").all_inner_texts() == ["your muscles also feel weak"]
    assert urgent.get_by_text("Source:").inner_text() == "Source: Twitch guide, Test Health Service (accessed 20 November 2026)"
    sources = page.get_by_role("region", name="Sources")
    assert sources.get_by_role("link", name="Twitch guide").get_attribute("href") == "https://example.org/twitch"
    review = page.locator(".hs-review")
    assert lines(review.inner_text()) == [
        "Page last reviewed: 25 November 2026 · Next review due: 25 November 2027",
        "Reviewed by Dr Test Reviewer",
    ]
    page.get_by_role("complementary", name="Disclaimer").get_by_role("link", name="Read the full disclaimer").click()
    page.wait_for_url(trust_url + "disclaimer/")


@pytest.mark.parametrize("path", ["twitch/symptoms/tingling/", "twitch/causes/", "about/"])
def test_other_pages_show_review_disclaimer_and_comments(phone_page, trust_url: str, path: str) -> None:
    page = phone_page
    page.goto(trust_url + path)
    assert page.locator(".hs-review").inner_text().startswith("Page last reviewed: 25 November 2026 · Next review due: ")
    assert page.get_by_role("complementary", name="Disclaimer").is_visible()
    comments = page.get_by_role("region", name="Comments")
    assert lines(comments.inner_text())[1].startswith("Comments are not open yet. To suggest a change to this page,")
    assert comments.get_by_role("link", name="tell us in an issue").get_attribute("href") == "https://github.com/your-org/healthsite/issues/new"


def test_home_page_opts_out_of_comments(phone_page, trust_url: str) -> None:
    phone_page.goto(trust_url)
    assert phone_page.get_by_role("heading", name="Health topics A to Z").is_visible()
    assert phone_page.get_by_role("region", name="Comments").count() == 0


def test_trust_components_pass_contrast(phone_page, trust_url: str) -> None:
    page = phone_page
    page.goto(trust_url + "twitch/")
    pairs = page.evaluate("""() => {
        const background = box => {  // the colour behind the box: its own, or the nearest one behind it
            while (box && getComputedStyle(box).backgroundColor === 'rgba(0, 0, 0, 0)') box = box.parentElement;
            return getComputedStyle(box || document.body).backgroundColor;
        };
        const colours = (text, box) => [getComputedStyle(text).color, background(box)];
        const out = {};
        for (const heading of document.querySelectorAll('.hs-care-card__heading')) out[heading.textContent.trim()] = colours(heading, heading);
        for (const card of document.querySelectorAll('.hs-care-card__content')) out['card text'] = colours(card.querySelector('li'), card.parentNode);
        const disclaimer = document.querySelector('.hs-disclaimer');
        out['disclaimer'] = colours(disclaimer.querySelector('p'), disclaimer);
        out['disclaimer link'] = colours(disclaimer.querySelector('a'), disclaimer);
        return out;
    }""")
    assert len(pairs) == 5
    for name, (foreground, background) in pairs.items():
        assert contrast(rgb_hex(foreground), rgb_hex(background)) >= 7, f"{name}: {foreground} on {background}"


def test_giscus_loads_nothing_until_the_reader_asks(browser, tmp_path: Path) -> None:
    def giscus_on(text: str) -> str:
        # Without repo_url: Material's repository-facts lookup (api.github.com) is another
        # component's third-party request (the privacy work removes it); here only comments count.
        text = text.replace("repo_url: https://github.com/your-org/healthsite\nedit_uri: edit/main/docs/\n", "")
        return text.replace("extra:\n", GISCUS, 1).replace("  comments:\n    provider: none\n", "", 1)

    site = build_project(tmp_path, config_edit=giscus_on)
    with serve(site) as url:
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        # Answer Giscus locally: the test must not reach the internet either way.
        context.route("https://giscus.app/**", lambda route: route.fulfill(status=200, content_type="text/javascript", body=""))
        page.goto(url + "twitch/symptoms/tingling/")
        comments = page.get_by_role("region", name="Comments")
        assert "Loading them connects your browser to giscus.app and GitHub" in comments.inner_text()
        page.wait_for_load_state("networkidle")
        assert requests and [r for r in requests if not r.startswith(url)] == []

        with page.expect_request("https://giscus.app/client.js"):
            comments.get_by_role("button", name="Load comments").click()
        third_party = [r for r in requests if not r.startswith(url)]
        assert third_party == ["https://giscus.app/client.js"]
        script = page.locator('script[src="https://giscus.app/client.js"]')
        assert script.get_attribute("data-repo") == "your-org/healthsite"
        assert script.get_attribute("data-category-id") == "DIC_test"
        context.close()
