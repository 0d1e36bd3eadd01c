"""The importer reads what headings mean, for every kind of section, on articles written in
other people's shapes: NHS, Mayo Clinic, MedlinePlus and blogs (tests/fixtures/shapes/, each
with the items a reader would expect in an .expected.yaml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from healthsite.content.kinds import KINDS
from healthsite.content.loader import load_library
from healthsite.importer import import_article
from healthsite.importer.headings import Part, classify_heading
from importer_scores import SHAPES, score_all, score_fixture

TODAY = dt.date(2026, 12, 2)
ARTICLES = sorted(p for p in SHAPES.iterdir() if not p.name.endswith(".expected.yaml"))

# Headings as real pages write them, by the kind they announce.
HEADINGS = {
    "symptoms": ["Signs and symptoms", "How do I know if I have it?", "What does it feel like?", "Check if it's eczema",
                 "Symptoms of gout", "Signs to look out for", "What you might notice", "How to tell if your child has it"],
    "causes": ["Why does it happen?", "What triggers it?", "Causes of eczema", "What causes insomnia?", "Why it happens",
               "Causes and risk factors", "How do you get it?"],
    "risk-factors": ["Who gets it?", "Who is at risk?", "Things that make it more likely", "Risk factors",
                     "Who is more likely to get it", "Children more at risk", "Who's more likely to get it"],
    "complications": ["Possible complications", "What problems can it cause?", "Long-term effects", "Complications of gout",
                      "Health problems linked to poor sleep", "Possible problems", "What happens if it's not treated?"],
    "diagnosis": ["Getting diagnosed", "Exams and tests", "How your doctor checks for it", "Diagnosis", "Blood tests",
                  "How it is checked", "How a GP finds out what's wrong", "Tests and diagnosis"],
    "treatments": ["How it's treated", "Managing it at home", "Medicines", "Self-help", "Treatment options",
                   "Things you can do to help", "Lifestyle and home remedies", "Medical treatment", "How to ease the pain"],
    "prevention": ["Can it be prevented?", "Reducing your risk", "Avoiding triggers", "How to prevent flare-ups", "Prevention",
                   "Stopping it happening", "Vaccination", "Keeping it from coming back"],
}
HELP_HEADINGS = {
    "When to get medical help": "non-urgent", "When to see a doctor": "non-urgent",
    "Non-urgent advice: See a GP if": "non-urgent", "Get advice from 111 now if": "urgent",
    "Urgent advice: Ask for an urgent GP appointment or get help from NHS 111 if": "urgent",
    "Call 999 if": "immediate", "Seek care right away if": "immediate", "Go to A&E or call 999 if": "immediate",
    "Immediate action required: Call 999 or go to A&E if": "immediate", "When to Contact a Medical Professional": "non-urgent",
}


@pytest.mark.parametrize(("folder", "text"), [(folder, text) for folder, texts in HEADINGS.items() for text in texts])
def test_a_heading_names_its_kind(folder: str, text: str) -> None:
    heading = classify_heading(text)
    assert (heading.part, heading.kind) == (Part.ITEMS, KINDS[folder])


@pytest.mark.parametrize(("text", "level"), HELP_HEADINGS.items())
def test_a_help_heading_says_how_urgent(text: str, level: str) -> None:
    heading = classify_heading(text)
    assert (heading.part, heading.urgency) == (Part.HELP, level)


@pytest.mark.parametrize("text", ["Overview", "What is psoriasis?", "Preparing for your appointment",
                                  "Living with an underactive thyroid", "References", "Coping and support", "Is it contagious?"])
def test_a_heading_of_no_kind_stays_prose(text: str) -> None:
    assert classify_heading(text).part in {Part.INTRO, Part.FURTHER, Part.OTHER}


def test_fixtures_place_nine_in_ten_items_in_their_kind_and_invent_none() -> None:
    scores = score_all()
    expected = sum(s.expected for s in scores.values())
    placed = sum(s.placed for s in scores.values())
    assert expected >= 300 and all(scores[kind.folder].expected >= 30 for kind in KINDS)
    assert placed / expected >= 0.9, [m for s in scores.values() for m in s.misplaced]
    for kind in KINDS:
        assert scores[kind.folder].placed / scores[kind.folder].expected >= 0.9, scores[kind.folder].misplaced
    assert [i for s in scores.values() for i in s.invented] == []


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_each_fixture_imports_into_a_topic_that_passes_check(article: Path, tmp_path: Path) -> None:
    expected = yaml.safe_load(article.with_name(article.name.split(".")[0] + ".expected.yaml").read_text(encoding="utf-8"))
    report = import_article(article, topic="topic", content_dir=tmp_path, today=TODAY)
    assert {kind.folder for kind in report.counts} == {kind.folder for kind in KINDS if expected.get(kind.folder)}
    topic = load_library(tmp_path).topics[0]
    assert topic.title == expected["title"]
    assert sum(len(card.reasons) for card in topic.care_cards) >= expected.get("help", 0)
    assert all(score.invented == [] for score in score_fixture(article).values())


def test_crlf_text_reads_like_lf(tmp_path: Path) -> None:
    article = SHAPES / "medlineplus-kidney-stones.txt"
    assert b"\r\n" in article.read_bytes()
    as_lf = tmp_path / "lf" / article.name
    as_lf.parent.mkdir()
    as_lf.write_bytes(article.read_bytes().replace(b"\r\n", b"\n"))
    crlf = import_article(article, topic="crlf", content_dir=tmp_path / "content", today=TODAY)
    lf = import_article(as_lf, topic="lf", content_dir=tmp_path / "content", today=TODAY)
    assert crlf.counts == lf.counts and crlf.links == lf.links and crlf.warnings == lf.warnings
    written = sorted((tmp_path / "content" / "lf").rglob("*.md"))
    assert len(written) == 1 + sum(crlf.counts.values())
    for path in written:
        twin = tmp_path / "content" / "crlf" / path.relative_to(tmp_path / "content" / "lf")
        assert path.read_bytes() == twin.read_bytes() and b"\r" not in path.read_bytes()


def test_two_sections_of_one_kind_merge_and_neighbours_stay_apart(tmp_path: Path) -> None:
    article = SHAPES / "two-treatment-sections-back-pain.md"
    import_article(article, topic="back-pain", content_dir=tmp_path, today=TODAY)
    topic = load_library(tmp_path).topics[0]
    treatments = [item.title for item in topic.of_kind(KINDS["treatments"])]
    # "Self-help", "Exercises that help" and "Medical treatment", in the article's order
    assert {"Use hot or cold packs", "Pelvic tilts", "Physiotherapy"} <= set(treatments)
    assert treatments.index("Use hot or cold packs") < treatments.index("Pelvic tilts") < treatments.index("Physiotherapy")
    assert [item.order for item in topic.of_kind(KINDS["treatments"])] == list(range(1, len(treatments) + 1))
    causes = {item.title for item in topic.of_kind(KINDS["causes"])}
    risks = {item.title for item in topic.of_kind(KINDS["risk-factors"])}
    assert causes and risks and not causes & risks  # "Causes" then "Risk factors"


def test_html_chrome_is_left_out(tmp_path: Path) -> None:
    import_article(SHAPES / "mayo-gallstones.html", topic="gallstones", content_dir=tmp_path, today=TODAY)
    everything = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "gallstones").rglob("*.md"))
    for chrome in ("Request an appointment", "Products & Services", "cookies", "Newsletter", "Sign up"):
        assert chrome not in everything, chrome


def test_unsure_headings_warn_with_the_line_and_keep_the_text(tmp_path: Path) -> None:
    article = tmp_path / "article.md"
    article.write_text("# Chilblains\n\nSmall itchy swellings.\n\n## Symptoms\n\n- Itching\n- Swelling\n\n"
                       "## Odd bits and pieces\n\n- Wear gloves\n- Keep warm\n", encoding="utf-8")
    report = import_article(article, topic="chilblains", content_dir=tmp_path / "content", today=TODAY)
    assert report.warnings[-1].startswith("article.md:10: heading 'Odd bits and pieces' names no section the importer knows")
    topic_md = (tmp_path / "content" / "chilblains" / "topic.md").read_text(encoding="utf-8")
    assert "## Odd bits and pieces\n\n- Wear gloves\n- Keep warm" in topic_md
