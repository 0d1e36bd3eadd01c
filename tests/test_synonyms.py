"""Alias suggestions: the importer proposes the words readers search with."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from healthsite.importer import import_article
from healthsite.importer.synonyms import suggest_aliases


def test_suggests_lay_and_british_words_for_article_terms() -> None:
    assert suggest_aliases("Physical Therapy") == ["physiotherapy", "physio"]
    assert "coffee, tea and cola" in suggest_aliases("Caffeine and Stimulants")
    assert "paraesthesia" in suggest_aliases("Tingling Sensation")


def test_the_most_specific_row_wins() -> None:
    # "Muscle fatigue" is weak muscles, not general tiredness.
    assert suggest_aliases("Muscle Fatigue") == ["tired muscles", "weak muscles", "muscle weakness"]


def test_keeps_given_aliases_first_without_duplicates() -> None:
    assert suggest_aliases("Hydration", keep=["Fluids", "rehydration"]) == [
        "Fluids", "rehydration", "drinking water", "staying hydrated"]


def test_unknown_titles_get_no_suggestions() -> None:
    assert suggest_aliases("Hiccups") == []
    assert suggest_aliases("Distress signals") == []  # "stress" only as a whole word


def test_the_importer_proposes_aliases_for_the_editor_to_review(tmp_path: Path) -> None:
    sample = Path(__file__).resolve().parent.parent / "examples" / "muscle-twitches.txt"
    import_article(sample, topic="muscle-twitches", content_dir=tmp_path, today=dt.date(2026, 11, 25))
    therapy = (tmp_path / "muscle-twitches" / "treatments" / "physical-therapy.md").read_text(encoding="utf-8")
    assert "aliases:\n- physiotherapy\n- physio\n" in therapy
