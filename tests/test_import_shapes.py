"""Articles in other shapes (our own fixtures), "When to see a doctor" as care cards, and batch import."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from healthsite.cli import main
from healthsite.importer import import_article
from healthsite.content.loader import load_library
from healthsite.content.kinds import KINDS

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"
TODAY = dt.date(2026, 11, 25)


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_markdown_with_question_headings_and_a_gp_list(tmp_path: Path) -> None:
    report = import_article(FIXTURES / "heartburn.md", topic="heartburn", content_dir=tmp_path, today=TODAY)
    topic = tmp_path / "heartburn"
    assert report.counts == {KINDS["symptoms"]: 3, KINDS["causes"]: 4, KINDS["treatments"]: 3}
    # "What does it feel like?", "What causes it?", "How can I ease it?" are the three sections.
    assert front_matter(topic / "symptoms" / "burning-chest.md")["summary"] == "A burning feeling behind the breastbone, often after eating."
    assert (topic / "symptoms" / "sour-taste.md").read_text().endswith("Acid or food comes back up into the mouth and leaves a sour or bitter taste.\n")
    assert front_matter(topic / "causes" / "pregnancy-later-months.md")["title"] == "Pregnancy: later months"
    assert front_matter(topic / "symptoms" / "cough-at-night.md")["title"] == "Cough (at night)"
    # "See a GP if:" and its list: one non-urgent care card, and no leftover lead-in.
    meta = front_matter(topic / "topic.md")
    assert meta["care_cards"] == [{"level": "non-urgent", "reasons": [
        "you have heartburn most days for 3 weeks or more",
        "you have food getting stuck when you swallow",
        "you are losing weight without trying",
    ]}]
    assert "notice" not in (topic / "topic.md").read_text()
    # Unsure: a skipped number and an item without a name are named by line, and the text is kept.
    assert report.warnings == (
        "heartburn.md:25: numbering jumps from 2 to 4; check that no item is missing",
        "heartburn.md:26: item has no name ('Stomach acid comes back up more when you …'); "
        "named it 'Stomach acid comes back up more' from its first words",
    )
    assert "under stress or very tired" in (topic / "causes" / "stomach-acid-comes-back-up-more.md").read_text()


def test_cms_page_with_emergency_advice(tmp_path: Path) -> None:
    report = import_article(FIXTURES / "nosebleeds.html", topic="nosebleeds", content_dir=tmp_path, today=TODAY)
    topic = tmp_path / "nosebleeds"
    everything = "\n".join(p.read_text() for p in topic.rglob("*.md"))
    for chrome in ("Family Health Notes ·", "About us", "Share on X", "Copy link", "Sam Lee", "min read",
                   "You might also like", "Colds in kids", "Leave a comment", "Post", "Privacy", "dataLayer"):
        assert chrome not in everything, chrome
    meta = front_matter(topic / "topic.md")
    assert meta["summary"] == "A nosebleed is bleeding from the inside of the nose."
    # Emergency advice ("Go to A&E if ...") gets its own card, backed by the article as its source.
    assert meta["care_cards"] == [
        {"level": "non-urgent", "reasons": ["nosebleeds that keep coming back",
                                            "you take blood thinners and the bleeding is hard to stop"]},
        {"level": "immediate", "reasons": ["the bleeding lasts longer than 20 minutes or started after a hit to the head"],
         "source": "Nosebleeds: Causes, Symptoms and Treatment"},
    ]
    # A cause that the "When to see a doctor" list names is a red flag on the checklist.
    assert front_matter(topic / "causes" / "blood-thinners-such-as-warfarin.md")["red_flag"] is True
    assert "red_flag" not in front_matter(topic / "causes" / "dry-air.md")
    assert front_matter(topic / "symptoms" / "blood-from-one-nostril.md")["summary"] == "Most nosebleeds start on one side."
    assert report.warnings == ("nosebleeds.html:25: item has no name ('Feeling faint when you see a lot of …'); "
                               "named it 'Feeling faint' from its first words",)
    load_library(tmp_path)  # the trust rules accept the cards


def test_batch_import_of_a_folder(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    shutil.copytree(FIXTURES, articles)
    (articles / "broken.md").write_bytes(b"\xff\xfe not utf-8")
    (articles / "notes.pdf").write_bytes(b"%PDF")  # not an article: not picked up from the folder
    content = tmp_path / "content"
    (content / "hiccups").mkdir(parents=True)  # already there: refused without --force, untouched
    result = CliRunner().invoke(main, ["import", str(articles), "--content", str(content), "--date", "2026-11-25"])
    assert result.exit_code == 1
    table = result.stdout.splitlines()
    assert table[0].split() == ["Topic", *(kind.folder.capitalize() for kind in KINDS), "Warnings", "Links", "Result"]
    rows = {line.split()[0]: line.split()[1:] for line in table[2:]}
    assert rows["broken"] == ["-"] * 9 + ["refused"]
    assert rows["hiccups"][-1] == "refused"
    # symptoms, causes, risk factors, complications, tests, treatments, prevention; warnings, links
    assert rows["heartburn"] == ["3", "4", "0", "0", "0", "3", "0", "2", "3", "imported"]
    assert rows["leg-cramps"][:2] + rows["leg-cramps"][5:6] == ["3", "3", "3"]
    assert sorted(rows) == ["broken", "eyelid-twitching", "heartburn", "hiccups", "leg-cramps", "nosebleeds"]
    assert "Error: 2 of 6 articles not imported:" in result.stderr
    assert "broken.md:1: is not UTF-8 text" in result.stderr
    assert "warning: heartburn.md:25: numbering jumps from 2 to 4" in result.stderr
    assert list((content / "hiccups").iterdir()) == []
    assert sorted(p.name for p in content.iterdir()) == ["eyelid-twitching", "heartburn", "hiccups", "leg-cramps", "nosebleeds"]


def test_topic_option_is_for_one_article(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["import", str(FIXTURES / "heartburn.md"), str(FIXTURES / "hiccups.html"),
                                       "--topic", "x", "--content", str(tmp_path)])
    assert result.exit_code == 1
    assert "--topic names the topic of a single article; got 2 articles" in result.output
    assert not tmp_path.joinpath("x").exists()
