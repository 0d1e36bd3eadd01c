"""End to end: the shipped content builds into a cross-linked site with no broken links."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
from click.testing import CliRunner

from conftest import ROOT, copy_project, item_md, write, write_valid_content
from healthsite.site.build import BuildFailed, build_site
from healthsite.cli import main
from healthsite.content.loader import load_library
from healthsite.content.kinds import KINDS

LIBRARY = load_library(ROOT / "content")
TOPIC = next(t for t in LIBRARY.topics if t.slug == "muscle-twitches")
REPO_EDIT = "https://github.com/your-org/healthsite/edit/main/"


class _Links(HTMLParser):
    """The links inside the article body of a built page, and its edit button."""

    def __init__(self) -> None:
        super().__init__()
        self.in_article = 0
        self.links: set[str] = set()
        self.edit: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "article":
            self.in_article += 1
        if tag == "a" and attr.get("href"):
            if "md-content__button" in (attr.get("class") or "") and attr.get("title", "").startswith("Edit"):
                self.edit = attr["href"]
            elif self.in_article:
                self.links.add(attr["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article -= 1


def page_links(site: Path, url_path: str) -> _Links:
    parser = _Links()
    parser.feed((site / url_path / "index.html").read_text(encoding="utf-8"))
    parser.links = {urljoin(f"/{url_path}/", href).split("#")[0] for href in parser.links}
    return parser


def item_path(section, slug: str) -> str:
    return f"{TOPIC.slug}/{section.folder}/{slug}"


def test_shipped_sample_has_every_page(built_site: Path) -> None:
    counts = {s: len(TOPIC.of_kind(s)) for s in TOPIC.kinds()}
    assert counts == {KINDS["symptoms"]: 3, KINDS["causes"]: 7, KINDS["treatments"]: 7}
    assert (built_site / TOPIC.slug / "index.html").is_file()
    for section in TOPIC.kinds():
        assert (built_site / TOPIC.slug / section.folder / "index.html").is_file()
        for item in TOPIC.of_kind(section):
            assert (built_site / item_path(section, item.slug) / "index.html").is_file(), item.slug


def test_cross_links_go_both_ways(built_site: Path) -> None:
    pairs = [
        (symptom, cause) for symptom in TOPIC.of_kind(KINDS["symptoms"]) for cause in TOPIC.linked(symptom, KINDS["causes"])
    ] + [(cause, treatment) for cause in TOPIC.of_kind(KINDS["causes"]) for treatment in TOPIC.linked(cause, KINDS["treatments"])]
    assert len(pairs) >= 10
    for source, target in pairs:
        source_path, target_path = item_path(source.kind, source.slug), item_path(target.kind, target.slug)
        assert f"/{target_path}/" in page_links(built_site, source_path).links, (source.slug, target.slug)
        assert f"/{source_path}/" in page_links(built_site, target_path).links, (target.slug, source.slug)


def test_seed_links_are_present() -> None:
    links = {(c.slug, t.slug) for c in TOPIC.of_kind(KINDS["causes"]) for t in TOPIC.linked(c, KINDS["treatments"])}
    assert {("dehydration", "hydration"), ("caffeine-and-stimulants", "limit-stimulants"),
            ("stress-and-anxiety", "stress-management")} <= links


def test_edit_button_opens_the_content_file(built_site: Path) -> None:
    cause = TOPIC.of_kind(KINDS["causes"])[0]
    assert page_links(built_site, item_path(KINDS["causes"], cause.slug)).edit == REPO_EDIT + cause.path.as_posix()
    assert page_links(built_site, TOPIC.slug).edit == REPO_EDIT + f"content/{TOPIC.slug}/topic.md"
    assert page_links(built_site, "about").edit == REPO_EDIT + "docs/about.md"


def test_home_page_lists_topics(built_site: Path) -> None:
    assert f"/{TOPIC.slug}/" in page_links(built_site, ".").links


def test_linkchecker_finds_no_broken_links(site_url: str) -> None:
    linkchecker = Path(sys.executable).parent / "linkchecker"
    result = subprocess.run(
        [str(linkchecker), "--no-status", "--no-warnings", site_url],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 errors found" in result.stdout


def test_failed_build_keeps_the_previous_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site = build_site(config_file=project / "mkdocs.yml")
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    cause = next((project / "content").glob("*/causes/*.md"))
    write(cause, item_md("Broken", treatments="[does-not-exist]"))
    with pytest.raises(BuildFailed):
        build_site(config_file=project / "mkdocs.yml")
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []


def test_build_command_reports_content_problems_without_traceback(tmp_path: Path, monkeypatch) -> None:
    project = copy_project(tmp_path / "project")
    (project / "content" / TOPIC.slug / "causes" / "dehydration.md").write_text("", encoding="utf-8")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert result.output.splitlines()[1].strip() == (
        f"content/{TOPIC.slug}/causes/dehydration.md: is empty; expected front matter between '---' lines, then the page text"
    )
    assert not (project / "site").exists()


def test_build_builds_the_content_folder_it_is_given(tmp_path: Path) -> None:
    """`healthsite build --content DIR` checks and builds DIR, not the content/ beside mkdocs.yml."""
    project = copy_project(tmp_path / "project")
    other = write_valid_content(tmp_path / "other")
    result = CliRunner().invoke(main, ["build", "--content", str(other), "--config-file", str(project / "mkdocs.yml"),
                                       "--site-dir", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "site" / "twitch" / "causes" / "stress" / "index.html").is_file()
    assert not (tmp_path / "site" / "gout").exists() and not (tmp_path / "site" / "muscle-twitches").exists()
