"""`healthsite import` on the command line: what an editor sees, and exit codes."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from conftest import ROOT, untranslated_noted
from healthsite.cli import main

SAMPLE = ROOT / "examples" / "muscle-twitches.txt"


def run_import(content: Path, *extra: str):
    return CliRunner().invoke(main, ["import", str(SAMPLE), "--topic", "muscle-twitches", "--content", str(content),
                                     "--date", "2026-11-25", *extra])


def test_import_reports_what_it_wrote_and_the_suggested_links(tmp_path: Path) -> None:
    result = run_import(tmp_path / "content")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"Wrote {tmp_path / 'content' / 'muscle-twitches'}: 3 symptoms, 7 causes, 7 treatments."
    assert lines[1] == "Suggested cross-links (review them in the pull request):"
    assert "  causes/dehydration -> treatments/hydration" in lines
    # The blog's own wording is above the reading-grade limit: check tells the editor where to rewrite.
    check = CliRunner().invoke(main, ["check", "--content", str(tmp_path / "content"), "--today", "2026-11-25"])
    assert check.exit_code == 1
    assert all("reading grade" in line for line in untranslated_noted(check.output).splitlines()[1:]), check.output


def test_import_refuses_an_existing_topic_without_force(tmp_path: Path) -> None:
    assert run_import(tmp_path / "content").exit_code == 0
    result = run_import(tmp_path / "content")
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {(tmp_path / 'content' / 'muscle-twitches').as_posix()} already exists; pass --force")
    assert run_import(tmp_path / "content", "--force").exit_code == 0
