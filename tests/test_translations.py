"""Translations beside their sources (`dehydration.es.md` beside `dehydration.md`), as a
translator and `healthsite check` see them: the shipped Spanish sample passes; a source
changed since its translation, a page not translated yet, a text left untranslated, a
translation whose source is gone, and Spanish too hard to read by a Spanish formula are
each named with their file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import copy_project
from healthsite.cli import main
from healthsite.site.build import BuildFailed, build_site

CAUSES = Path("content/muscle-twitches/causes")
HARD_SPANISH = ("La sintomatología neuromuscular involuntaria característica frecuentemente manifestada "
                "constituye habitualmente una consecuencia fisiopatológica multifactorial independientemente "
                "considerada, particularmente durante circunstancias extraordinariamente estresantes. ") * 3


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The shipped site, which publishes its Spanish translations."""
    return copy_project(tmp_path / "project")


def check(project: Path):
    cwd = os.getcwd()
    os.chdir(project)
    try:
        return CliRunner().invoke(main, ["check"])
    finally:
        os.chdir(cwd)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_shipped_spanish_sample_passes_and_the_untranslated_topic_is_named_once(project: Path) -> None:
    result = check(project)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:") and "'es'" in line]
    assert warnings == ["warning: content/gout/topic.md: not translated into 'es' yet, nor its 32 pages; "
                        "`healthsite new --lang es content/gout/topic.md` starts it"]


def test_a_source_changed_since_its_translation_is_reported(project: Path) -> None:
    edit(project / CAUSES / "dehydration.md", "This can make your muscles twitch.", "This can make muscles twitch or cramp.")
    result = check(project)
    assert result.exit_code == 0, result.output
    assert "warning: content/muscle-twitches/causes/dehydration.es.md:9: translates an older version of " \
           "content/muscle-twitches/causes/dehydration.md" in result.output
    assert "git log -p content/muscle-twitches/causes/dehydration.md" in result.output


def test_a_page_without_translation_is_reported(project: Path) -> None:
    (project / CAUSES / "fatigue.es.md").unlink()
    result = check(project)
    assert result.exit_code == 0, result.output
    assert ("warning: content/muscle-twitches/causes/fatigue.md: no 'es' translation yet; "
            "`healthsite new --lang es content/muscle-twitches/causes/fatigue.md` starts one") in result.output


def test_a_new_translation_is_refused_until_every_text_is_translated(project: Path) -> None:
    (project / CAUSES / "fatigue.es.md").unlink()
    cwd = os.getcwd()
    os.chdir(project)
    try:
        written = CliRunner().invoke(main, ["new", "--lang", "es", str(CAUSES / "fatigue.md")])
    finally:
        os.chdir(cwd)
    assert written.exit_code == 0, written.output
    translation = project / CAUSES / "fatigue.es.md"
    result = check(project)
    assert result.exit_code == 1
    assert "content/muscle-twitches/causes/fatigue.es.md:3: unfinished: replace '[[Fatigue]]'" in result.output
    text = translation.read_text(encoding="utf-8")
    for english, spanish in [("[[Fatigue]]", "Cansancio"), ("[[Translate the text below into plain words, then delete this line.]]", "")]:
        text = text.replace(english, spanish)
    text = text.replace("summary: '[[", "summary: '").replace(".]]'", ".'")
    text = text.replace("'[[Who checked this translation; or: not yet reviewed by a health professional]]'", "Sin revisar.")
    translation.write_text(text, encoding="utf-8")
    assert "fatigue.es.md" not in check(project).output.replace("fatigue.md: no 'es'", "")


def test_spanish_is_graded_by_a_spanish_formula(project: Path) -> None:
    dehydration = project / CAUSES / "dehydration.es.md"
    dehydration.write_text(dehydration.read_text(encoding="utf-8") + "\n" + HARD_SPANISH + "\n", encoding="utf-8")
    result = check(project)
    assert result.exit_code == 1
    assert "content/muscle-twitches/causes/dehydration.es.md: reading ease" in result.output
    assert "(Fernández Huerta) is below the minimum of 60" in result.output
    with pytest.raises(BuildFailed, match=r"dehydration\.es\.md: reading ease"):
        build_site(config_file=project / "mkdocs.yml", site_dir=project / "site")


@pytest.mark.parametrize(("change", "message"), [
    (lambda p: (p / CAUSES / "fatigue.es.md").rename(p / CAUSES / "tiredness.es.md"),
     "content/muscle-twitches/causes/tiredness.es.md: translates content/muscle-twitches/causes/tiredness.md, which is not a page"),
    (lambda p: edit(p / CAUSES / "fatigue.es.md", "translation_of:", "order: 3\ntranslation_of:"),
     "content/muscle-twitches/causes/fatigue.es.md:"),
    (lambda p: edit(p / CAUSES / "fatigue.es.md", "title: ", "title: <script>alert(1)</script>"),
     "content/muscle-twitches/causes/fatigue.es.md"),
], ids=["source-gone", "source-field", "unsafe-markup"])
def test_a_translation_that_cannot_be_used_fails_check(project: Path, change, message: str) -> None:
    change(project)
    result = check(project)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_a_site_page_changed_since_its_translation_is_reported(project: Path) -> None:
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    result = check(project)
    assert result.exit_code == 0, result.output
    assert "warning: docs/about.es.md: translates an older version of docs/about.md" in result.output
    assert "git log -p docs/about.md" in result.output


def test_a_site_page_translation_starts_with_one_command_and_is_refused_until_translated(project: Path) -> None:
    (project / "docs" / "contact.es.md").unlink()
    assert "warning: docs/contact.md: no 'es' translation yet" in check(project).output
    cwd = os.getcwd()
    os.chdir(project)
    try:
        written = CliRunner().invoke(main, ["new", "--lang", "es", "docs/contact.md"])
    finally:
        os.chdir(cwd)
    assert written.exit_code == 0, written.output
    translation = (project / "docs" / "contact.es.md").read_text(encoding="utf-8")
    assert translation.startswith("---\ntitle: '[[Contact]]'\n")
    assert "translation_of: " in translation and "[[How to report a mistake or suggest a change.]]" in translation
    result = check(project)
    assert result.exit_code == 1
    assert "docs/contact.es.md:2: unfinished: replace '[[Contact]]'" in result.output
