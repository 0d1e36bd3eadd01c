"""The search index as the build writes it: small files, the same bytes on every build, and
a lay thesaurus that an editor can trust and extend (healthsite/site/search/)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from conftest import copy_project, tree_digest
from healthsite.cli import main
from healthsite.site.search.files import POSTINGS_FILE_BYTES, VOCABULARY_FILE_BYTES
from healthsite.site.search.index import SearchIndex
from healthsite.site.search.lay_words import PACKAGE_FILE, LayWords
from healthsite.site.search.text import page_text

# The pairs the lay thesaurus must hold for any library (issue: "everyday words").
EVERYDAY = {
    "tummy": {"stomach", "abdomen"},
    "belly": {"stomach", "abdomen"},
    "throwing up": {"vomiting"},
    "being sick": {"vomiting"},
    "high temperature": {"fever"},
    "heart racing": {"palpitations"},
    "pounding heart": {"palpitations"},
    "can't sleep": {"insomnia"},
    "runny nose": {"nasal discharge"},
}


def _meanings() -> dict[str, set[str]]:
    meanings: dict[str, set[str]] = {}
    for entry in LayWords.load(PACKAGE_FILE).entries:
        for phrase in entry.lay:
            meanings.setdefault(phrase, set()).update(entry.means)
    return meanings


def test_the_shipped_thesaurus_maps_everyday_words_to_the_words_pages_use() -> None:
    meanings = _meanings()
    assert len(LayWords.load(PACKAGE_FILE).entries) >= 100
    for lay, expected in EVERYDAY.items():
        assert expected <= meanings.get(lay, set()), f"{lay!r} -> {sorted(meanings.get(lay, set()))}"


def test_every_entry_says_where_it_came_from() -> None:
    data = yaml.safe_load(PACKAGE_FILE.read_text(encoding="utf-8"))
    assert all(entry["source"] in data["sources"] for entry in data["terms"])
    assert all(len(citation) > 20 for citation in data["sources"].values())  # a citation, not a bare name


def _index(pages: int, *, words_per_page: int = 120) -> SearchIndex:
    """Pages of made-up words: every page its own title and a body sharing common words."""
    index = SearchIndex(language="en", lay_words=LayWords.load(PACKAGE_FILE))
    common = ["pain", "swelling", "doctor", "medicine", "tired", "sleep", "stomach", "fever"]
    for n in range(pages):
        own = [f"w{n:05d}x{k}" for k in range(words_per_page // 2)]
        body = " ".join(own + [common[(n + k) % len(common)] for k in range(words_per_page // 2)])
        index.add(url=f"topic-{n // 20}/page-{n}/", title=f"Condition {n} pain", html=f"<p>{body}</p>",
                  label="Cause · Topic", boost=2)
    return index


def test_index_files_stay_small_however_large_the_library() -> None:
    files = _index(3000).files()
    meta = json.loads(files["index.json"])
    assert len(files["index.json"]) < 2000  # fetched first, by every query
    for name, data in files.items():
        if "/p/" in name:
            assert len(data.encode()) <= 3 * POSTINGS_FILE_BYTES, name  # one stem's 1,000 best pages may fill a file alone
        if "/v/" in name:
            assert len(data.encode()) <= 2 * VOCABULARY_FILE_BYTES or len(json.loads(data)["words"]) > 500, name
        if "/d/" in name:
            assert len(json.loads(data)) <= meta["pagesPerFile"]
    assert meta["pages"] == 3000


def test_the_same_pages_give_the_same_index(tmp_path: Path) -> None:
    first, second = _index(200).write(tmp_path / "a"), _index(200).write(tmp_path / "b")
    assert tree_digest(first) == tree_digest(second)


def test_a_new_index_lives_in_a_new_folder_so_cached_files_never_mix(tmp_path: Path) -> None:
    old, new = _index(50).files(), _index(51).files()
    assert json.loads(old["index.json"])["version"] != json.loads(new["index.json"])["version"]


# --- A site's own lay words ---------------------------------------------------------------


def _build(project: Path):
    return CliRunner().invoke(main, ["build", "-f", str(project / "mkdocs.yml"), "--content", str(project / "content"),
                                     "--site-dir", str(project / "site"), "--allow-overdue"])


def test_a_sites_own_lay_words_are_searched(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "lay-words.yml").write_text(
        "sources:\n  clinic: \"Our clinic's reception staff, from patients' questions (2026)\"\n"
        "terms:\n  - lay: [wobbly eyelid]\n    means: [eyelid twitching]\n    source: clinic\n", encoding="utf-8")
    result = _build(project)
    assert result.exit_code == 0, result.output
    shards = [json.loads(p.read_text()) for p in (project / "site" / "search").glob("*/v/*.json")]
    assert any(phrase == ["wobbly", "eyelid"] for shard in shards for phrase, _ in shard["lay"])


def test_a_broken_lay_words_file_is_named_and_nothing_is_published(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    assert _build(project).exit_code == 0
    before = tree_digest(project / "site")
    (project / "lay-words.yml").write_text(
        "sources:\n  clinic: Our clinic\nterms:\n  - lay: [wobbly eyelid]\n    means: eyelid twitching\n    source: clinic\n"
        "  - lay: [jelly legs]\n    means: [weak legs]\n    source: website\n", encoding="utf-8")
    result = _build(project)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "lay-words.yml: terms entry 1: 'lay' and 'means' must each be a list of words or phrases" in result.output
    assert "lay-words.yml: terms entry 2: source 'website' is not one of the file's sources (clinic)" in result.output
    assert tree_digest(project / "site") == before
    checked = CliRunner().invoke(main, ["check", "-f", str(project / "mkdocs.yml"), "--content", str(project / "content")])
    assert checked.exit_code == 1 and "lay-words.yml: terms entry 2: source 'website'" in checked.output
    shutil.rmtree(project / "site")


def test_sections_marked_for_exclusion_are_not_searched() -> None:
    # Related-page lists repeat other pages' summaries: a query should find those pages themselves.
    text = page_text('<h1>Dehydration</h1><p class="hs-aliases">Also called: feeling thirsty, lack of fluids</p>'
                     '<p>Not drinking enough.</p><h2 data-search-exclude>Related pages</h2><ul><li>Hydration</li></ul>'
                     '<h2>When to get help</h2><p>If you feel <b>very</b> dizzy.</p>')
    assert text.aliases == ["feeling thirsty", "lack of fluids"]
    assert text.headings == ["When to get help"]
    assert text.body == ["Not drinking enough.", "If you feel very dizzy."]
    assert text.snippet == "Not drinking enough."
