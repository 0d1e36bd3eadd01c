"""`healthsite check`: every content problem is reported with file, line or field, and what was expected."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import TOPIC_MD, copy_project, item_md, run_build, tree_digest, untranslated_noted, write
from healthsite.cli import main
from healthsite.content.loader import load_library
from healthsite.content.kinds import KINDS


def run_check(content: Path):
    return CliRunner().invoke(main, ["check", "--content", str(content)])


def test_valid_content_passes(content: Path) -> None:
    result = run_check(content)
    assert result.exit_code == 0, result.output
    assert untranslated_noted(result.output) == "Content OK: 1 topic(s), 3 item(s).\n"


def test_reverse_links_are_derived(content: Path) -> None:
    topic = load_library(content).topics[0]
    stress = topic.item(KINDS["causes"], "stress")
    relaxation = topic.item(KINDS["treatments"], "relaxation")
    tingling = topic.item(KINDS["symptoms"], "tingling")
    causes, treatments, symptoms = KINDS["causes"], KINDS["treatments"], KINDS["symptoms"]
    assert topic.linked(stress, treatments) == (relaxation,)
    assert topic.linking(relaxation, causes) == (stress,)
    assert topic.linking(stress, symptoms) == (tingling,)
    assert topic.reached(tingling, through=causes, target=treatments) == (relaxation,)
    assert topic.reached(relaxation, through=causes, target=symptoms) == (tingling,)


CAUSE = "twitch/causes/stress.md"
BAD_CASES = {
    "broken YAML": (
        CAUSE,
        "---\ntitle: Stress\nsummary: [unclosed\n---\n",
        ["content/twitch/causes/stress.md:3: front matter is not valid YAML: expected ',' or ']', but got '<stream end>'"],
    ),
    "missing field": (
        CAUSE,
        "---\ntitle: Stress\n---\nBody.\n",
        ["content/twitch/causes/stress.md: missing required field 'summary'"],
    ),
    "empty field": (
        CAUSE,
        "---\ntitle: Stress\nsummary: ''\n---\n",
        ["content/twitch/causes/stress.md:3: field 'summary' is empty; expected some text"],
    ),
    "unknown field with suggestion": (
        CAUSE,
        item_md("Stress", treatmets="[relaxation]"),
        ["content/twitch/causes/stress.md:4: unknown field 'treatmets' (did you mean 'treatments'?)"],
    ),
    "wrong type": (
        CAUSE,
        item_md("Stress", red_flag="sometimes"),
        ["content/twitch/causes/stress.md:4: field 'red_flag': expected true or false, got 'sometimes'"],
    ),
    "unknown link target": (
        CAUSE,
        item_md("Stress", treatments="[relaxaton]"),
        [
            "content/twitch/causes/stress.md:4: treatments: unknown treatment 'relaxaton' (did you mean 'relaxation'?); "
            "expected the name of a file in twitch/treatments/"
        ],
    ),
    "duplicate title in a section": (
        "twitch/causes/worry.md",
        item_md("stress"),
        ["content/twitch/causes/worry.md: title 'stress' is already used by content/twitch/causes/stress.md; titles in a section must differ"],
    ),
    "empty file": (
        CAUSE,
        "",
        ["content/twitch/causes/stress.md: is empty; expected front matter between '---' lines, then the page text"],
    ),
    "not UTF-8": (
        CAUSE,
        b"---\ntitle: Caf\xe9\n---\n",
        ["content/twitch/causes/stress.md:2: is not UTF-8 text; save it with UTF-8 encoding"],
    ),
    "control character in front matter": (  # found by tests/test_fuzz.py
        CAUSE,
        "---\ntitle: Stress\nsummary: Worry\x1f.\n---\n",
        ["content/twitch/causes/stress.md:3: front matter contains an invisible control character (#x001f); delete it"],
    ),
    "deeply nested front matter": (  # found by tests/test_fuzz.py
        CAUSE,
        "---\ntitle: Stress\nsummary: " + "[" * 1000 + "]" * 1000 + "\n---\n",
        ["content/twitch/causes/stress.md:2: front matter is nested too deeply; expected 'field: value' lines"],
    ),
    "byte-order mark": (
        CAUSE,
        b"\xef\xbb\xbf" + item_md("Stress").encode(),
        ["content/twitch/causes/stress.md:1: starts with a byte-order mark (BOM); save it as UTF-8 without BOM"],
    ),
    "unsafe slug": (
        "twitch/causes/Low Potassium!.md",
        item_md("Low potassium"),
        [
            "content/twitch/causes/Low Potassium!.md: name 'Low Potassium!' is not a usable web address; expected lowercase "
            "letters, digits and single hyphens (for example 'low-potassium'), and not 'index'"
        ],
    ),
    "stray file": (
        "twitch/causes/notes.txt",
        "remember to check this",
        ["content/twitch/causes/notes.txt: stray file; expected only Markdown files (.md) in causes/"],
    ),
    "no front matter": (
        CAUSE,
        "Just text.\n",
        ["content/twitch/causes/stress.md:1: expected the file to start with a '---' line that opens the front matter"],
    ),
    "a link to itself": (
        CAUSE,
        item_md("Stress", treatments="[relaxation]") + "\nSee [stress](stress.md) again.\n",
        ["content/twitch/causes/stress.md:8: links to itself ('stress.md'); expected a link to another page"],
    ),
    "topic with no items": (
        lambda content: [shutil.rmtree(content / "twitch" / s.folder) for s in KINDS if (content / "twitch" / s.folder).exists()],
        None,
        ["content/twitch/topic.md: topic has no items; add at least one file under symptoms/, causes/, risk-factors/, "
         "complications/, diagnosis/, treatments/ or prevention/"],
    ),
    "symlink outside the content folder": (
        lambda content: os.symlink(
            write(content.parent / "elsewhere.md", item_md("Elsewhere")), content / "twitch" / "causes" / "elsewhere.md"
        ),
        None,
        ["content/twitch/causes/elsewhere.md: is a link to somewhere outside the content folder; copy the file in instead"],
    ),
}


def break_content(case: str, content: Path) -> list[str]:
    """Apply one bad case to a valid content tree; return the problem lines expected."""
    where, text, expected = BAD_CASES[case]
    if callable(where):
        where(content)
        return expected
    if "Low Potassium" in where:
        (content / CAUSE).unlink()  # else the symptom's link to 'stress' would still resolve
        write(content / CAUSE, item_md("Stress"))
    write(content / where, text)
    return expected


@pytest.mark.parametrize("case", BAD_CASES, ids=list(BAD_CASES))
def test_bad_content_is_reported_exactly(case: str, content: Path) -> None:
    expected = break_content(case, content)
    result = run_check(content)
    assert result.exit_code == 1
    problems = [line.strip() for line in result.output.splitlines()[1:]]
    assert problems == expected, result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("case", BAD_CASES, ids=list(BAD_CASES))
def test_build_refuses_bad_content_and_keeps_the_previous_site(case: str, content: Path, previous_site: Path) -> None:
    expected = break_content(case, content)
    project = copy_project(content.parent, content=content)
    site = shutil.copytree(previous_site, project / "site")
    before = tree_digest(site)
    result = run_build(project, site)
    assert result.exit_code == 1
    assert [line.strip() for line in result.output.splitlines()[1:]] == expected, result.output
    assert "Traceback" not in result.output
    assert tree_digest(site) == before


def test_every_problem_is_reported_in_one_run(content: Path) -> None:
    write(content / "twitch" / "causes" / "stress.md", item_md("Stress", treatments="[relaxation]", colour="red"))
    write(content / "twitch" / "treatments" / "relaxation.md", "")
    write(content / "twitch" / "symptoms" / "tingling.md", item_md("Tingling", causes="[stres]"))
    result = run_check(content)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Error: 3 problems in content:",
        "  content/twitch/causes/stress.md:5: unknown field 'colour'",
        "  content/twitch/symptoms/tingling.md:4: causes: unknown cause 'stres' (did you mean 'stress'?); "
        "expected the name of a file in twitch/causes/",
        "  content/twitch/treatments/relaxation.md: is empty; expected front matter between '---' lines, then the page text",
    ]


def test_missing_sources_on_topic(content: Path) -> None:
    write(content / "twitch" / "topic.md", TOPIC_MD.replace("sources: [{title: Test article}]\n", "sources: []\n"))
    result = run_check(content)
    assert result.exit_code == 1
    assert result.output.splitlines()[1].strip() == (
        "content/twitch/topic.md:7: field 'sources' is empty; expected at least one entry"
    )
