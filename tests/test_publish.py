"""Publishing on GitHub Pages under /<repo>/, edit links, last-updated dates from git."""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import TOPIC_MD, copy_project, item_md, tags, write
from healthsite.site.build import build_site
from healthsite.site.dates import read_git_dates
from healthsite.site.subpath import serve_under

BIN = Path(sys.executable).parent
FIRST, SECOND = "2026-01-02T10:00:00+00:00", "2026-03-04T10:00:00+00:00"
REPO = "https://github.com/your-org/healthsite/"


def git(repo: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": date or FIRST, "GIT_COMMITTER_DATE": date or FIRST}
    command = ["git", "-C", str(repo), "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args]
    return subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout


def small_content(root: Path) -> Path:
    """One topic with a symptom, two causes and a treatment."""
    write(root / "twitch" / "topic.md", TOPIC_MD)
    write(root / "twitch" / "symptoms" / "tingling.md", item_md("Tingling", causes="[stress, dehydration]"))
    write(root / "twitch" / "causes" / "stress.md", item_md("Stress", treatments="[relaxation]"))
    write(root / "twitch" / "causes" / "dehydration.md", item_md("Dehydration"))
    write(root / "twitch" / "treatments" / "relaxation.md", item_md("Relaxation"))
    return root


def git_project(dest: Path) -> Path:
    """A project in git: everything committed on 2 January, then stress.md edited on 4 March."""
    project = copy_project(dest, content=small_content(dest.parent / f"{dest.name}-content"))
    git(project, "init", "--quiet")
    git(project, "add", "-A")
    git(project, "commit", "--quiet", "-m", "First version")
    stress = project / "content" / "twitch" / "causes" / "stress.md"
    stress.write_text(stress.read_text() + "\nA clearer sentence.\n")
    git(project, "commit", "--quiet", "-am", "Edit stress", date=SECOND)
    return project


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small project built as `make site` would, with its git history."""
    project = git_project(tmp_path_factory.mktemp("published") / "project")
    return build_site(config_file=project / "mkdocs.yml")


# --- Served under /healthsite/, as GitHub Pages serves a project site --------------------------


def test_every_link_works_under_the_sub_path(published: Path) -> None:
    result = subprocess.run(
        [BIN / "healthsite", "linkcheck", "-f", published.parent / "mkdocs.yml", "--site-dir", published],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors found" in result.stdout
    assert result.stdout.rstrip().endswith(f"No broken links in {published} served at /healthsite/.")


def test_missing_page_shows_the_styled_404_page(published: Path, browser) -> None:
    page = browser.new_page()
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and r.request.resource_type != "document" else None)
    with serve_under(published, prefix="/healthsite/") as url:
        response = page.goto(url + "no/such/page/")
        page.wait_for_load_state("networkidle")
        assert response.status == 404
        assert page.locator("h1").inner_text() == "Page not found"
        assert failed == []
        # The theme's stylesheet laid out the header, and its script ran (it exposes document$).
        assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
        assert page.evaluate("typeof window.document$") == "object"
        page.locator(".md-header__button.md-logo").click()
        page.wait_for_url(url)
        assert page.title().startswith("Health information you can trust")
    page.close()


def test_search_works_under_the_sub_path(published: Path, browser) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    elsewhere: list[str] = []  # privacy: nothing may be fetched from another site
    page.on("request", lambda r: elsewhere.append(r.url) if not r.url.startswith("http://127.0.0.1:") else None)
    with serve_under(published, prefix="/healthsite/") as url:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        page.locator(".md-search__input").click()
        page.keyboard.type("dehydration")
        result = page.locator(".md-search-result__item a").first
        result.wait_for()
        result.click()
        page.wait_for_url(url + "twitch/causes/dehydration/?h=*")  # search highlights the (stemmed) words
        assert page.locator("h1").inner_text() == "Dehydration"
    assert elsewhere == []
    page.close()


# --- Edit links ---------------------------------------------------------------------------------


class _EditButton(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "a" and "md-content__button" in (attr.get("class") or "") and (attr.get("title") or "").startswith("Edit"):
            self.href = attr["href"]


def edit_link(site: Path, url_path: str) -> str | None:
    parser = _EditButton()
    parser.feed((site / url_path / "index.html").read_text(encoding="utf-8"))
    return parser.href


EDIT_LINKS = {
    "twitch": "content/twitch/topic.md",
    "twitch/symptoms/tingling": "content/twitch/symptoms/tingling.md",
    "twitch/causes/stress": "content/twitch/causes/stress.md",
    "twitch/treatments/relaxation": "content/twitch/treatments/relaxation.md",
    ".": "docs/index.md",
    "about": "docs/about.md",
    "privacy": "docs/privacy.md",
}


@pytest.mark.parametrize("url_path", EDIT_LINKS)
def test_edit_button_opens_the_file_to_change(published: Path, url_path: str) -> None:
    assert edit_link(published, url_path) == f"{REPO}edit/main/{EDIT_LINKS[url_path]}"


def test_list_pages_have_no_edit_button(published: Path) -> None:
    """A section list is made from its item files; there is no one file to edit."""
    assert edit_link(published, "twitch/causes") is None


def test_a_fork_publishes_without_editing_mkdocs_yml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The publishing workflow passes the repository's own addresses in these variables."""
    monkeypatch.setenv("HEALTHSITE_SITE_URL", "https://acme.github.io/health/")
    monkeypatch.setenv("HEALTHSITE_REPO_URL", "https://github.com/acme/health")
    monkeypatch.setenv("HEALTHSITE_EDIT_URI", "edit/trunk/docs/")
    project = copy_project(tmp_path / "fork", content=small_content(tmp_path / "content"))
    site = build_site(config_file=project / "mkdocs.yml")
    assert edit_link(site, "twitch/causes/stress") == "https://github.com/acme/health/edit/trunk/content/twitch/causes/stress.md"
    page = (site / "twitch" / "causes" / "stress" / "index.html").read_text(encoding="utf-8")
    assert {"rel": "canonical", "href": "https://acme.github.io/health/twitch/causes/stress/"} in tags(page, "link")


# --- Last-updated dates from git ----------------------------------------------------------------

DATES = {
    "twitch/causes/stress": "4 March 2026",  # edited in the second commit
    "twitch/causes": "4 March 2026",  # a list page changes when any of its items does
    "twitch/causes/dehydration": "2 January 2026",
    "twitch": "2 January 2026",
    "about": "2 January 2026",
}


@pytest.mark.parametrize("url_path", DATES)
def test_page_shows_when_its_file_last_changed(published: Path, url_path: str, phone_page) -> None:
    phone_page.goto((published / url_path / "index.html").as_uri())
    assert phone_page.locator(".hs-last-updated").inner_text() == f"Page last updated: {DATES[url_path]}"


def test_shallow_clone_gives_no_dates_rather_than_wrong_ones(tmp_path: Path) -> None:
    project = git_project(tmp_path / "project")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", "--depth", "1", project.as_uri(), str(clone)], check=True)
    assert read_git_dates(clone).by_path == {}
    assert read_git_dates(project).last_changed(project / "content/twitch/causes/stress.md", root=project).isoformat() == "2026-03-04"


def test_outside_git_the_site_builds_without_dates(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "plain", content=small_content(tmp_path / "content"))
    site = build_site(config_file=project / "mkdocs.yml")
    assert "hs-last-updated" not in (site / "twitch" / "causes" / "stress" / "index.html").read_text(encoding="utf-8")


def test_pull_request_preview_opens_from_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, phone_page) -> None:
    """The pull-request workflow builds the downloadable preview with this setting."""
    monkeypatch.setenv("HEALTHSITE_DIRECTORY_URLS", "false")
    project = copy_project(tmp_path / "preview", content=small_content(tmp_path / "content"))
    site = build_site(config_file=project / "mkdocs.yml")
    phone_page.goto((site / "index.html").as_uri())
    phone_page.locator("article").get_by_role("link", name="Muscle twitches").click()
    phone_page.wait_for_url((site / "twitch" / "index.html").as_uri())
    phone_page.locator("article").get_by_role("link", name="Stress").first.click()
    assert phone_page.locator("h1").inner_text() == "Stress"
    assert phone_page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
