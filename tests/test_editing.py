"""Editors: `healthsite new`, the fields table in CONTRIBUTING.md, the pre-commit hook."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, untranslated_noted
from healthsite.cli import main
from healthsite.content.fields import with_current_fields
from healthsite.content.kinds import KINDS
from healthsite.content.schema import item_schema


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("section", [kind.command for kind in KINDS])
def test_new_page_passes_check(content: Path, section: str) -> None:
    result = run("new", section, "Low Potassium (Hypokalaemia)", "--topic", "twitch", "--content", str(content))
    path = content / "twitch" / KINDS.by_command(section).folder / "low-potassium-hypokalaemia.md"
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {path.as_posix()}. Fill in the summary and the text, then run: healthsite check\n"
    check = run("check", "--content", str(content))
    assert check.exit_code == 0, check.output
    assert untranslated_noted(check.output) == "Content OK: 1 topic(s), 4 item(s).\n"


def test_new_page_explains_every_field(content: Path) -> None:
    run("new", "cause", "Low potassium", "--topic", "twitch", "--content", str(content))
    text = (content / "twitch" / "causes" / "low-potassium.md").read_text(encoding="utf-8")
    for name, info in item_schema(KINDS["causes"]).model_fields.items():
        need = "required" if info.is_required() else "optional"
        assert f"# {name} ({need}): {info.description}\n" in text
    assert "title: Low potassium\n" in text
    assert "# Choose from: relaxation\ntreatments: []\n" in text


def test_new_refuses_an_existing_page(content: Path) -> None:
    before = (content / "twitch" / "causes" / "stress.md").read_text(encoding="utf-8")
    result = run("new", "cause", "Stress", "--topic", "twitch", "--content", str(content))
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {(content / 'twitch' / 'causes' / 'stress.md').as_posix()} already exists; "
        "edit that file, or choose a different title\n"
    )
    assert (content / "twitch" / "causes" / "stress.md").read_text(encoding="utf-8") == before


def test_new_refuses_an_unknown_topic(content: Path) -> None:
    result = run("new", "symptom", "Cramp", "--topic", "twitches", "--content", str(content))
    assert result.exit_code == 1
    assert result.output == "Error: unknown topic 'twitches' (did you mean 'twitch'?); expected one of: twitch\n"
    assert not list(content.rglob("cramp.md"))


def test_new_refuses_a_title_without_letters(content: Path) -> None:
    result = run("new", "symptom", "???", "--topic", "twitch", "--content", str(content))
    assert result.exit_code == 1
    assert result.output == "Error: title '???' gives no usable file name; use letters or digits in the title\n"


def test_contributing_lists_the_current_fields() -> None:
    path = ROOT / "CONTRIBUTING.md"
    text = path.read_text(encoding="utf-8")
    assert with_current_fields(text, path=path) == text, "run: .venv/bin/healthsite fields --update CONTRIBUTING.md"
    for kind in KINDS:
        assert f"`content/<topic>/{kind.folder}/<slug>.md`" in text
        for name in item_schema(kind).model_fields:
            assert f"| `{name}` |" in text


def test_pre_commit_hook_stops_a_broken_content_file(tmp_path: Path, content: Path) -> None:
    """The healthsite-check hook, as `git commit` would run it, names the file and the problem."""
    repo = content.parent
    for name in (".pre-commit-config.yaml", "Makefile", "pyproject.toml", "constraints.txt"):
        shutil.copy2(ROOT / name, repo / name)  # keeps the times, so make sees the venv as up to date
    (repo / ".venv").symlink_to(ROOT / ".venv")
    (content / "twitch" / "causes" / "stress.md").write_text("---\ntitle: Stress\nsumary: typo\n---\n", encoding="utf-8")
    subprocess.run(["git", "init", "--quiet", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "add", "content"], check=True)
    pre_commit = Path(sys.executable).with_name("pre-commit")
    result = subprocess.run([pre_commit, "run", "healthsite-check", "--all-files"], cwd=repo, capture_output=True, text=True)
    assert result.returncode == 1
    assert "content/twitch/causes/stress.md:3: unknown field 'sumary' (did you mean 'summary'?)" in result.stdout
