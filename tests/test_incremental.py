"""A preview builds only what an edit changes (site/incremental.py), yet serves exactly the
site a whole build gives: after a text edit, a retitled page, a renamed file and a broken
file that is then fixed. (The browser side, a page reloading by itself, is test_preview.py.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import copy_project, tree_digest
from healthsite.site.build import BuildFailed, build_site
from healthsite.site.incremental import PreviewCache

PREVIEW_URL = "http://127.0.0.1:8000/healthsite/"
CAUSES = Path("content/muscle-twitches/causes")
TREATMENTS = Path("content/muscle-twitches/treatments")


class Preview:
    def __init__(self, project: Path, served: Path) -> None:
        self.project, self.served, self.cache = project, served, PreviewCache()

    def build(self) -> None:
        try:
            build_site(config_file=self.project / "mkdocs.yml", site_dir=self.served, preview_url=PREVIEW_URL,
                       allow_overdue=True, cache=self.cache)
        finally:
            self.cache.wait()  # the search index is written after the pages

    def page(self, path: str) -> str:
        return (self.served / path / "index.html").read_text(encoding="utf-8")

    def written_since(self, before: dict[str, int]) -> set[str]:
        """The pages written since `before` (a pages() result), and those that are new."""
        return {path for path, time in self.pages().items() if before.get(path) != time}

    def pages(self) -> dict[str, int]:
        return {p.relative_to(self.served).as_posix(): p.stat().st_mtime_ns for p in self.served.rglob("*.html")}


@pytest.fixture
def preview(tmp_path: Path) -> Preview:
    preview = Preview(copy_project(tmp_path / "project"), tmp_path / "served")
    preview.build()
    return preview


@pytest.fixture
def whole_build(tmp_path: Path) -> Callable[[Path], dict[str, str]]:
    """Every file of a whole preview build of the project, with its hash."""
    def build(project: Path) -> dict[str, str]:
        fresh = Preview(project, tmp_path / "whole")
        fresh.build()
        return tree_digest(fresh.served)
    return build


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(("file", "sentence", "added", "page"), [
    ("dehydration.md", "This can make your muscles twitch.", " Sip water through the day.", "muscle-twitches"),
    ("dehydration.es.md", "Esto puede causar espasmos en sus músculos.", " Beba agua durante el día.", "es/muscle-twitches"),
], ids=["English", "Spanish"])
def test_a_text_edit_writes_only_its_page_and_serves_what_a_whole_build_gives(
        preview: Preview, whole_build, file: str, sentence: str, added: str, page: str) -> None:
    before = preview.pages()
    edit(preview.project / CAUSES / file, sentence, sentence + added)
    preview.build()
    assert added.strip() in preview.page(f"{page}/causes/dehydration")
    assert preview.written_since(before) == {f"{page}/causes/dehydration/index.html"}
    assert tree_digest(preview.served) == whole_build(preview.project)  # every language's search index included


def test_a_new_summary_reaches_the_home_pages_of_every_language(preview: Preview, whole_build) -> None:
    """The A-Z lists summaries: the home pages are built again, with the site's pages' translations beside them."""
    topic = preview.project / "content/muscle-twitches/topic.md"
    text = topic.read_text(encoding="utf-8")
    topic.write_text(text.replace("\nsummary: ", "\nsummary: Small, harmless movements. ", 1), encoding="utf-8")
    preview.build()
    assert "Small, harmless movements." in preview.page("")
    assert tree_digest(preview.served) == whole_build(preview.project)


def test_a_new_title_reaches_every_page_that_shows_it(preview: Preview, whole_build) -> None:
    edit(preview.project / TREATMENTS / "hydration.md", "title: Hydration", "title: Fluids and hydration")
    preview.build()
    # The cause it treats links to it by its title; the overview and the topic's sidebar list it.
    assert "Fluids and hydration" in preview.page("muscle-twitches/causes/dehydration")
    assert "Fluids and hydration" in preview.page("muscle-twitches")
    assert tree_digest(preview.served) == whole_build(preview.project)


def test_a_renamed_file_leaves_no_page_at_its_old_address(preview: Preview, whole_build) -> None:
    project = preview.project
    (project / TREATMENTS / "hydration.md").rename(project / TREATMENTS / "drinking-water.md")
    (project / TREATMENTS / "hydration.es.md").rename(project / TREATMENTS / "drinking-water.es.md")  # as CONTRIBUTING says
    for item in sorted((project / "content").rglob("*.md")):
        item.write_text(item.read_text(encoding="utf-8").replace("- hydration\n", "- drinking-water\n"), encoding="utf-8")
    preview.build()
    assert not (preview.served / "muscle-twitches/treatments/hydration").exists()
    assert not (preview.served / "es/muscle-twitches/treatments/hydration").exists()
    assert "../../treatments/drinking-water/" in preview.page("muscle-twitches/causes/dehydration")
    assert tree_digest(preview.served) == whole_build(project)


def test_a_broken_file_changes_nothing_and_its_fix_brings_the_preview_up_to_date(preview: Preview, whole_build) -> None:
    served = tree_digest(preview.served)
    dehydration = preview.project / CAUSES / "dehydration.md"
    good = dehydration.read_text(encoding="utf-8")
    edit(dehydration, "This can make your muscles twitch.", "Drink more. This can make your muscles twitch.")
    dehydration.write_text(dehydration.read_text(encoding="utf-8").replace("title: Dehydration", "title: [Dehydration"))
    with pytest.raises(BuildFailed, match=r"content/muscle-twitches/causes/dehydration\.md:\d+: front matter is not valid YAML"):
        preview.build()
    assert tree_digest(preview.served) == served
    dehydration.write_text(good.replace("This can make", "Drink more. This can make"), encoding="utf-8")
    preview.build()
    assert "Drink more." in preview.page("muscle-twitches/causes/dehydration")
    dehydration.write_text(good, encoding="utf-8")  # back as it was when the preview started
    preview.build()
    assert tree_digest(preview.served) == whole_build(preview.project)


def test_a_build_after_a_preview_in_the_same_process_is_a_plain_build(preview: Preview, tmp_path: Path) -> None:
    """MkDocs keeps the plugin instance for the process: nothing of the preview may leak into a build."""
    site = build_site(config_file=preview.project / "mkdocs.yml", site_dir=tmp_path / "built", allow_overdue=True)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) == len(list(preview.served.rglob("*.html")))
    assert not [page for page in pages if "unsafe-inline" in page.read_text(encoding="utf-8")]


def test_an_edit_saved_with_a_broken_translation_is_shown_once_that_is_fixed(tmp_path: Path, whole_build) -> None:
    """Translations are checked after the pages are rendered: that build failed, having written
    nothing, and the next good build must write the edit it rendered."""
    project = copy_project(tmp_path / "project")  # which publishes Spanish
    preview = Preview(project, tmp_path / "served")
    preview.build()
    edit(project / CAUSES / "dehydration.md", "This can make your muscles twitch.", "Drink more. This can make your muscles twitch.")
    translation = project / CAUSES / "fatigue.es.md"
    good = translation.read_text(encoding="utf-8")
    translation.write_text(good.replace("translation_of:", "order: 3\ntranslation_of:"), encoding="utf-8")
    with pytest.raises(BuildFailed, match=r"fatigue\.es\.md:\d+: unknown field 'order'"):
        preview.build()
    translation.write_text(good, encoding="utf-8")
    preview.build()
    assert "Drink more." in preview.page("muscle-twitches/causes/dehydration")
    assert tree_digest(preview.served) == whole_build(project)
