"""`healthsite check` enforces the trust rules: review dates, care-card sources, reading grade.

Every test fixes "today" with --today, so none depends on the wall clock.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import TOPIC_MD, copy_project, untranslated_noted, write
from healthsite.cli import main

# TOPIC_MD's next review is due on 2027-11-25.
NO_CONFIG = "no-mkdocs.yml"
HARD_TEXT = (
    "Fasciculations, characterised by involuntary, spontaneous contractions of individual motor units, "
    "necessitate comprehensive neurological evaluation whenever accompanied by progressive muscular "
    "weakness, dysphagia, dysarthria or considerable unexplained atrophy of the affected musculature.\n"
)


def check(content: Path, *args: str, today: str = "2027-01-01", config: str | Path = NO_CONFIG):
    return CliRunner().invoke(main, ["check", "--content", str(content), "-f", str(config), "--today", today, *args])


def problems(result) -> list[str]:
    return [line.strip() for line in result.output.splitlines() if line.startswith("  ")]


def test_review_due_within_30_days_warns(content: Path) -> None:
    result = check(content, today="2027-11-05")
    assert result.exit_code == 0, result.output
    assert untranslated_noted(result.output).splitlines() == [
        "warning: content/twitch/topic.md: review due soon: the next review is due on 25 November 2027 (in 20 days)",
        "Content OK: 1 topic(s), 3 item(s).",
    ]


def test_review_not_yet_due_is_quiet(content: Path) -> None:
    result = check(content, today="2027-10-25")
    assert untranslated_noted(result.output) == "Content OK: 1 topic(s), 3 item(s).\n"


def test_overdue_review_fails(content: Path) -> None:
    result = check(content, today="2027-12-05")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Error: 1 problem in content:",
        "  content/twitch/topic.md: review overdue: the next review was due on 25 November 2027 (10 days ago); "
        "review the page, then update 'reviewed' and 'next_review'",
    ]


def test_allow_overdue_turns_the_failure_into_a_warning(content: Path) -> None:
    result = check(content, "--allow-overdue", today="2027-12-05")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("warning: content/twitch/topic.md: review overdue:")


CARD = "care_cards:\n  - level: {level}\n    reasons: [you feel weak]\n{extra}"


@pytest.mark.parametrize(
    ("level", "extra", "expected"),
    [
        ("urgent", "", "content/twitch/topic.md:8: missing field 'care_cards.1.source': urgent advice must name the topic source that supports it"),
        ("immediate", "", "content/twitch/topic.md:8: missing field 'care_cards.1.source': immediate advice must name the topic source that supports it"),
        ("urgent", "    source: Test artcle\n", "content/twitch/topic.md:8: field 'care_cards.1.source': unknown source 'Test artcle' (did you mean 'Test article'?); expected the title of one of the topic's sources"),
        ("soon", "", "content/twitch/topic.md:8: field 'care_cards.1.level': expected one of non-urgent, urgent, immediate, got 'soon'"),
    ],
    ids=["urgent without source", "immediate without source", "unknown source", "unknown level"],
)
def test_care_card_problems(content: Path, level: str, extra: str, expected: str) -> None:
    write(content / "twitch" / "topic.md", TOPIC_MD.replace("---\nOverview", CARD.format(level=level, extra=extra) + "---\nOverview"))
    result = check(content)
    assert result.exit_code == 1
    assert problems(result) == [expected], result.output


def test_care_cards_with_sources_pass(content: Path) -> None:
    card = CARD.format(level="non-urgent", extra="") + "  - level: urgent\n    reasons: [you cannot swallow]\n    source: Test article\n"
    write(content / "twitch" / "topic.md", TOPIC_MD.replace("---\nOverview", card + "---\nOverview"))
    assert check(content).exit_code == 0


def test_one_card_per_level(content: Path) -> None:
    card = CARD.format(level="non-urgent", extra="") + "  - level: non-urgent\n    reasons: [it hurts]\n"
    write(content / "twitch" / "topic.md", TOPIC_MD.replace("---\nOverview", card + "---\nOverview"))
    result = check(content)
    assert problems(result) == ["content/twitch/topic.md:8: care_cards: more than one 'non-urgent' card; put all its reasons in one card"]


def test_hard_page_fails_the_reading_grade(content: Path) -> None:
    write(content / "twitch" / "causes" / "stress.md", f"---\ntitle: Stress\nsummary: Worry.\ntreatments: [relaxation]\n---\n{HARD_TEXT}")
    result = check(content)
    assert result.exit_code == 1
    assert problems(result) == [
        "content/twitch/causes/stress.md: reading grade 31.9 is above the limit of 10 (Flesch-Kincaid 31.9, SMOG 28.7); "
        "use shorter sentences and everyday words (aim for grade 8)"
    ]


def test_report_lists_grades_hardest_first(content: Path) -> None:
    write(content / "twitch" / "causes" / "stress.md", f"---\ntitle: Stress\nsummary: Worry.\ntreatments: [relaxation]\n---\n{HARD_TEXT}")
    plain = "Your muscles can twitch when you are tired. It is common. It is not a sign of a serious illness. " * 3
    write(content / "twitch" / "treatments" / "relaxation.md", f"---\ntitle: Relaxation\nsummary: Rest.\n---\n{plain}\n")
    result = check(content, "--report")
    lines = result.output.splitlines()
    assert lines[:5] == [
        " Grade  Flesch-Kincaid   SMOG  Words  Page",
        " 31.9             31.9   28.7     31  content/twitch/causes/stress.md",
        " 10.0*            10.0   11.2      5  content/twitch/symptoms/tingling.md",
        "  9.1*             9.1    8.8      7  content/twitch/topic.md",
        "  2.3              2.3    6.4     61  content/twitch/treatments/relaxation.md",
    ]
    assert lines[5] == "* under 30 words: too short to grade reliably, so not held to the limit"
    assert result.exit_code == 1


def test_limit_and_site_review_come_from_mkdocs_yml(content: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", content=content)
    config = project / "mkdocs.yml"
    text = config.read_text().replace("reading_grade_limit: 10", "reading_grade_limit: 5")
    config.write_text(text.replace("next_review: 2027-11-25", "next_review: 2026-12-01"))
    result = check(project / "content", config=config, today="2026-12-02")
    assert result.exit_code == 1
    found = problems(result)
    assert "docs/privacy.md: review overdue: the next review was due on 1 December 2026 (1 day ago); " \
           "review the page, then update 'reviewed' and 'next_review'" in found
    assert any(p.startswith("docs/about.md: reading grade") and "above the limit of 5 " in p for p in found), found


def test_hand_written_page_without_review_needs_a_site_default(content: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", content=content)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("      reviewed: {date:", "      # reviewed: {date:").replace("      next_review:", "      # next_review:"))
    result = check(project / "content", config=config)
    assert result.exit_code == 1
    assert "docs/about.md: field 'reviewed': expected 'date' (YYYY-MM-DD) and 'by', or set the site default in mkdocs.yml" in problems(result)
