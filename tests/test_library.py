"""A library of topics: the A-Z home page, related topics, tags, and pages that stay small."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import TOPIC_MD, copy_project, serve, write
from healthsite.importer.batch import import_batch
from healthsite.site.build import build_site
from healthsite.cli import main
from synthetic import write_articles

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"
TODAY = dt.date(2026, 11, 25)
ITEM_PAGE_LIMIT = 32 * 1024  # raw HTML, with the inlined stylesheet (about 3 KB of it gzipped)


# --- Checks ------------------------------------------------------------------------------


def check(content: Path):
    return CliRunner().invoke(main, ["check", "--content", str(content), "-f", str(content / "no-mkdocs.yml"), "--today", "2027-01-01"])


def problems(result) -> list[str]:
    return [line.strip() for line in result.output.splitlines() if line.startswith("  ")]


def test_tags_come_from_a_fixed_list(content: Path) -> None:
    write(content / "twitch" / "topic.md", TOPIC_MD.replace("sources:", "tags: [skin-hair-and-nails, condtion]\nsources:"))
    result = check(content)
    assert result.exit_code == 1
    assert problems(result) == [
        "content/twitch/topic.md:7: field 'tags.2': expected one of " + ", ".join(_tags()) + ", got 'condtion' (did you mean 'condition'?)",
    ]


def test_related_names_other_topics(content: Path) -> None:
    write(content / "twitch" / "topic.md", TOPIC_MD.replace("sources:", "related: [twitch, leg-cramp]\nsources:"))
    shutil_copy_topic(content / "twitch", content / "leg-cramps", title="Leg cramps")
    result = check(content)
    assert result.exit_code == 1
    assert problems(result) == [
        "content/twitch/topic.md:7: related: 'twitch' is this topic itself; list other topics",
        "content/twitch/topic.md:7: related: unknown topic 'leg-cramp' (did you mean 'leg-cramps'?); "
        "expected the folder name of another topic in the content folder",
    ]


def _tags() -> list[str]:
    from healthsite.content.schema import TAGS

    return list(TAGS)


def shutil_copy_topic(source: Path, target: Path, *, title: str) -> None:
    for path in source.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        if path.name == "topic.md":
            text = re.sub(r"^title: .*$", f"title: {title}", text, count=1, flags=re.M)
            text = re.sub(r"^(related|tags): .*\n", "", text, flags=re.M)
        write(target / path.relative_to(source), text)


# --- A three-topic library: the sample and two imported articles ------------------------


@pytest.fixture(scope="module")
def library_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("library"))
    content = project / "content"
    results = import_batch([FIXTURES / "leg-cramps.md", FIXTURES / "heartburn.md"], content_dir=content, force=False, today=TODAY)
    assert all(r.report for r in results), [r.refused for r in results]
    topic = content / "leg-cramps" / "topic.md"
    topic.write_text(topic.read_text().replace("sources:", "related: [muscle-twitches]\ntags: [muscles-bones-and-joints, symptom]\nsources:", 1))
    return build_site(config_file=project / "mkdocs.yml", allow_overdue=True)


@pytest.fixture(scope="module")
def library_url(library_site: Path):
    with serve(library_site) as url:
        yield url


def test_home_page_is_an_a_to_z_index(library_url: str, phone_page) -> None:
    requests: list[str] = []
    phone_page.on("request", lambda request: requests.append(request.url))
    phone_page.goto(library_url)
    letters = phone_page.get_by_role("navigation", name="Topics by first letter")
    assert letters.get_by_role("link").all_inner_texts() == ["G", "H", "L", "M"]
    letters.get_by_role("link", name="L").click()
    heading = phone_page.get_by_role("heading", name="L", exact=True)
    assert phone_page.url.endswith("#az-l")
    assert heading.is_visible() and heading.bounding_box()["y"] < 844
    topics = phone_page.locator("h3 + ul a").all_inner_texts()
    assert topics == ["Gout", "Heartburn", "Leg Cramps", "Muscle twitches"]
    assert "(Muscles, bones and joints, Symptom)" in phone_page.locator("h3#az-l + ul").inner_text()
    assert all(url.startswith(library_url) for url in requests), "a request left the site"


def test_a_large_library_lists_titles_only(tmp_path: Path, phone_page) -> None:
    # Past `az_summaries_up_to` topics the A-Z drops summaries, so the home page stays light.
    project = copy_project(tmp_path)
    import_batch([FIXTURES / "leg-cramps.md", FIXTURES / "heartburn.md"], content_dir=project / "content", force=False, today=TODAY)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - healthsite:\n", "  - healthsite:\n      az_summaries_up_to: 2\n", 1))
    with serve(build_site(config_file=config, allow_overdue=True)) as url:
        phone_page.goto(url)
        entries = phone_page.locator("h3 + ul li").all_inner_texts()
    assert entries == ["Gout (Muscles, bones and joints, Long-term condition)", "Heartburn", "Leg Cramps", "Muscle twitches"]


def test_search_button_opens_search(library_url: str, phone_page) -> None:
    phone_page.goto(library_url)
    button = phone_page.get_by_role("button", name="Search for a condition, symptom or treatment")
    button.focus()
    phone_page.keyboard.press("Enter")
    phone_page.keyboard.type("heartburn")
    result = phone_page.locator(".md-search-result__item").first
    result.wait_for()
    assert "Heartburn" in result.inner_text()


def test_related_topics_both_ways(library_url: str, phone_page) -> None:
    phone_page.goto(library_url + "muscle-twitches/")
    related = phone_page.locator("h2#related-topics + ul")
    assert related.get_by_role("link").all_inner_texts() == ["Leg Cramps"]
    related.get_by_role("link", name="Leg Cramps").click()
    phone_page.wait_for_url("**/leg-cramps/")
    assert phone_page.locator("h2#related-topics + ul").get_by_role("link").all_inner_texts() == ["Muscle twitches"]
    assert "Topic tags: Muscles, bones and joints, Symptom" in phone_page.locator(".hs-tags").inner_text()


def test_sidebar_holds_only_the_current_topic(library_url: str, phone_page) -> None:
    phone_page.goto(library_url + "leg-cramps/causes/exercise/")
    phone_page.locator("label.md-header__button[for=__drawer]").click()
    sidebar = phone_page.locator(".md-nav--primary")
    text = sidebar.inner_text()
    assert "Leg Cramps" in text and "Causes" in text
    assert "Muscle twitches" not in text and "Heartburn" not in text
    assert "About this site" in text


# --- Scale: a page does not grow with the number of topics ------------------------------


def _synthetic_site(root: Path, *, topics: int) -> Path:
    project = copy_project(root)
    articles = write_articles(root / "articles", count=topics, symptoms=1, causes=1, treatments=1)
    import_batch(articles, content_dir=project / "content", force=False, today=dt.date.today())
    return build_site(config_file=project / "mkdocs.yml")


def test_item_page_size_does_not_grow_with_the_library(tmp_path: Path) -> None:
    small = _synthetic_site(tmp_path / "ten", topics=10)
    large = _synthetic_site(tmp_path / "hundred", topics=100)
    # The first ten articles are the same in both libraries.
    page = next(p.relative_to(small) for p in sorted(small.glob("*/causes/*/index.html")))
    small_size, large_size = (small / page).stat().st_size, (large / page).stat().st_size
    assert large_size <= small_size * 1.10, f"{page}: {small_size} bytes at 10 topics, {large_size} at 100"
    assert large_size <= ITEM_PAGE_LIMIT


def test_a_to_z_home_page_passes_axe(library_url: str, phone_page) -> None:
    from test_accessibility import axe_violations

    phone_page.goto(library_url)
    phone_page.get_by_role("button", name="Search for a condition, symptom or treatment").wait_for()
    assert axe_violations(phone_page) == []
