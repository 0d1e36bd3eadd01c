"""The importer: real sample articles in, whole content folders out (compared with golden files).

Set HEALTHSITE_UPDATE_GOLDEN=1 to rewrite tests/golden/ from the current importer;
read the diff before committing it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from healthsite.errors import ImportRefused
from healthsite.importer import ImportReport, import_article
from healthsite.content.kinds import KINDS

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "muscle-twitches.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"
GOLDEN = Path(__file__).resolve().parent / "golden"
TODAY = dt.date(2026, 11, 25)


def run(article: Path, content: Path, *, topic: str = "muscle-twitches", force: bool = False,
        today: dt.date = TODAY) -> ImportReport:
    return import_article(article, topic=topic, content_dir=content, force=force, today=today)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def body(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("---\n", 2)[2]


# --- The sample article ------------------------------------------------------------------


def test_sample_matches_golden_tree(tmp_path: Path) -> None:
    run(SAMPLE, tmp_path)
    golden = GOLDEN / "muscle-twitches"
    if os.environ.get("HEALTHSITE_UPDATE_GOLDEN"):
        shutil.rmtree(golden, ignore_errors=True)
        shutil.copytree(tmp_path / "muscle-twitches", golden)
    got, want = tree(tmp_path / "muscle-twitches"), tree(golden)
    assert sorted(got) == sorted(want)
    for name in want:
        assert got[name] == want[name], f"{name} differs from the golden file"


def test_sample_counts_and_required_links(tmp_path: Path) -> None:
    report = run(SAMPLE, tmp_path)
    assert report.topic_dir == tmp_path / "muscle-twitches"
    assert report.counts == {KINDS["symptoms"]: 3, KINDS["causes"]: 7, KINDS["treatments"]: 7}
    assert {
        ("causes/dehydration", "treatments/hydration"),
        ("causes/caffeine-and-stimulants", "treatments/limit-stimulants"),
        ("causes/stress-and-anxiety", "treatments/stress-management"),
        ("causes/medications", "treatments/medication-review"),
        ("causes/electrolyte-imbalances", "treatments/diet"),
        ("causes/nervous-system-disorders", "treatments/medical-evaluation"),
        ("causes/fatigue", "treatments/physical-therapy"),
        ("symptoms/muscle-fatigue", "causes/fatigue"),
    } <= set(report.links)
    assert report.warnings == ()


def test_sample_links_are_few(tmp_path: Path) -> None:
    # A suggestion for everything would be no suggestion at all.
    report = run(SAMPLE, tmp_path)
    assert len(report.links) <= 10
    causes = tmp_path / "muscle-twitches" / "causes"
    assert front_matter(causes / "dehydration.md")["treatments"] == ["hydration"]
    assert front_matter(causes / "stress-and-anxiety.md")["treatments"] == ["stress-management"]


def test_sample_topic_page(tmp_path: Path) -> None:
    run(SAMPLE, tmp_path)
    topic = tmp_path / "muscle-twitches" / "topic.md"
    meta = front_matter(topic)
    assert meta["title"] == "Muscle Twitches"
    assert meta["aliases"] == ["fasciculations"]
    assert meta["reviewed"] == {"date": TODAY, "by": "Not yet reviewed (imported from muscle-twitches.txt)"}
    assert meta["next_review"] == dt.date(2027, 11, 25)
    assert meta["sources"] == [{"title": "Muscle Twitches: Symptoms, Causes, and Treatment", "accessed": TODAY}]
    text = body(topic)
    assert "In this blog" not in text
    assert "Leave a Comment" not in text
    outlook, about = text.split("## Outlook")[1].split("## About this information")
    assert "lifestyle modifications" in outlook and "substitute" not in outlook
    assert "substitute for professional medical advice" in about
    assert "Always consult with a healthcare professional" in about


def test_only_clear_dangers_are_red_flags(tmp_path: Path) -> None:
    run(SAMPLE, tmp_path)
    flagged = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.md") if front_matter(p).get("red_flag"))
    assert flagged == ["muscle-twitches/causes/nervous-system-disorders.md"]


def test_sample_tree_loads(tmp_path: Path) -> None:
    loader = pytest.importorskip("healthsite.content.loader")
    content = tmp_path / "content"
    run(SAMPLE, content)
    library = loader.load_library(content)
    (topic,) = library.topics
    assert [len(topic.of_kind(s)) for s in topic.kinds()] == [3, 7, 7]
    dehydration = topic.item(KINDS["causes"], "dehydration")
    assert [t.slug for t in topic.linked(dehydration, KINDS["treatments"])] == ["hydration"]


def test_import_is_deterministic(tmp_path: Path) -> None:
    run(SAMPLE, tmp_path / "a")
    run(SAMPLE, tmp_path / "b")
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_crlf_gives_the_same_tree(tmp_path: Path) -> None:
    crlf = tmp_path / "in" / SAMPLE.name
    crlf.parent.mkdir()
    crlf.write_bytes(SAMPLE.read_bytes().replace(b"\n", b"\r\n"))
    run(SAMPLE, tmp_path / "lf")
    run(crlf, tmp_path / "crlf")
    assert tree(tmp_path / "lf") == tree(tmp_path / "crlf")


def test_leap_day_review_falls_on_28_february(tmp_path: Path) -> None:
    run(SAMPLE, tmp_path, today=dt.date(2028, 2, 29))
    assert front_matter(tmp_path / "muscle-twitches" / "topic.md")["next_review"] == dt.date(2029, 2, 28)


# --- Other formats ---------------------------------------------------------------------


def test_markdown_article(tmp_path: Path) -> None:
    report = run(FIXTURES / "leg-cramps.md", tmp_path, topic="leg-cramps")
    topic = tmp_path / "leg-cramps"
    assert sorted(tree(topic)) == [
        "causes/exercise.md", "causes/low-magnesium.md", "causes/pregnancy.md",
        "symptoms/hard-lump.md", "symptoms/soreness.md", "symptoms/sudden-pain.md",
        "topic.md",
        "treatments/magnesium-rich-foods.md", "treatments/stretching.md", "treatments/warmth.md",
    ]
    # Each item form: "**Name** — text", "**Name**: text", "**Name** – text", "Name: text".
    assert front_matter(topic / "symptoms" / "sudden-pain.md")["summary"] == "A sharp pain in the calf or foot that comes on without warning."
    assert front_matter(topic / "symptoms" / "hard-lump.md")["title"] == "Hard lump"
    assert front_matter(topic / "symptoms" / "soreness.md")["order"] == 3
    assert front_matter(topic / "causes" / "pregnancy.md")["summary"] == "Cramps are common in the later months of pregnancy."
    assert ("causes/low-magnesium", "treatments/magnesium-rich-foods") in report.links
    meta = front_matter(topic / "topic.md")
    assert meta["title"] == "Leg Cramps"
    assert meta["aliases"] == ["charley horses"]
    text = body(topic / "topic.md")
    # "When to see a doctor" becomes a care card; its sentence no longer repeats in the text.
    assert meta["care_cards"] == [{"level": "non-urgent", "reasons": [
        "cramps happen often, last a long time, or come with swelling, redness or numbness"]}]
    assert "When to get help" not in text
    assert "## Outlook\n\nMost leg cramps go away on their own.\n" in text
    assert text.endswith("## About this information\n\nThis article is general information and not a substitute for professional medical advice.\n")
    assert "we'll look at" not in text and "include:" not in text
    assert report.warnings == ()


def test_html_blog_post_without_its_furniture(tmp_path: Path) -> None:
    report = run(FIXTURES / "hiccups.html", tmp_path, topic="hiccups")
    topic = tmp_path / "hiccups"
    assert sorted(tree(topic)) == [
        "causes/eating-too-fast.md", "causes/fizzy-drinks.md", "causes/sudden-excitement.md",
        "symptoms/chest-tightness.md", "symptoms/hic-sound.md",
        "topic.md",
        "treatments/hold-your-breath.md", "treatments/sip-cold-water.md",
    ]
    meta = front_matter(topic / "topic.md")
    assert meta["title"] == "Hiccups"
    assert meta["aliases"] == ["singultus"]
    assert meta["sources"] == [{"title": "Hiccups: Symptoms, Causes and Treatment", "publisher": "Healthy Living Blog",
                                "url": "https://blog.example.org/hiccups/", "accessed": TODAY}]
    everything = b"\n".join(tree(topic).values()).decode()
    for chrome in ("Home", "Share on Facebook", "Tweet", "Posted on", "Related posts", "yawn", "Great post",
                   "Post Comment", "Popular posts", "Headaches", "Subscribe", "analytics", "display: flex"):
        assert chrome not in everything, chrome
    assert front_matter(topic / "symptoms" / "hic-sound.md")["summary"] == "A sudden “hic” sound as the vocal cords snap shut."
    assert body(topic / "treatments" / "sip-cold-water.md") == "Slowly sip a glass of cold water to settle the stomach.\n"
    text = body(topic / "topic.md")
    assert "## About the causes\n\nHiccups often start after something irritates the diaphragm.\n" in text
    assert meta["care_cards"] == [{"level": "non-urgent", "reasons": ["hiccups last longer than 48 hours or stop you eating or sleeping"]}]
    assert "## About this information\n\nThis post is for general information only" in text
    assert report.warnings == ()


# --- Awkward text ----------------------------------------------------------------------


def test_edge_cases_in_plain_text(tmp_path: Path) -> None:
    report = run(FIXTURES / "eyelid-twitching.txt", tmp_path, topic="eyelid-twitching")
    topic = tmp_path / "eyelid-twitching"
    assert report.warnings == (
        "eyelid-twitching.txt:12: numbering jumps from 2 to 4; check that no item is missing",
        "eyelid-twitching.txt:20: item has no name ('Not getting enough sleep makes the eyelid muscles …'); "
        "named it 'Not getting enough sleep' from its first words",
    )
    # Wrapped lines join; a blank line inside the list does not end it.
    assert body(topic / "symptoms" / "flickering-eyelid.md") == "The lid flickers or jumps for a few seconds at a time.\n"
    assert front_matter(topic / "symptoms" / "light-sensitivity-photophobia.md")["title"] == "Light sensitivity (photophobia)"
    night = front_matter(topic / "symptoms" / "night-time-twitching-after-10-00-pm.md")
    assert (night["title"], night["order"]) == ("Night-time twitching (after 10:00 pm)", 3)
    # The first ": " outside the parentheses separates name and text.
    rls = front_matter(topic / "causes" / "restless-legs-syndrome-rls-willis-ekbom-disease.md")
    assert rls["title"] == "Restless legs syndrome (RLS: Willis-Ekbom disease)"
    # The unnamed item keeps all its text, including the indented paragraph after a blank line.
    assert body(topic / "causes" / "not-getting-enough-sleep.md") == (
        "Not getting enough sleep makes the eyelid muscles twitch more easily.\n\n"
        "Catching up on sleep usually stops it within days.\n")
    assert front_matter(topic / "topic.md")["care_cards"] == [
        {"level": "non-urgent", "reasons": ["the twitching lasts more than a few weeks or the eyelid closes completely"]}]
    assert "## When to get help\n\nMost eyelid twitching stops without treatment.\n" in body(topic / "topic.md")
    assert report.counts == {KINDS["symptoms"]: 3, KINDS["causes"]: 3, KINDS["treatments"]: 2}


def test_windows_text_with_bom(tmp_path: Path) -> None:
    source = tmp_path / "eyelid-twitching.txt"
    source.write_bytes(b"\xef\xbb\xbf" + (FIXTURES / "eyelid-twitching.txt").read_bytes().replace(b"\n", b"\r\n"))
    run(source, tmp_path / "crlf", topic="eyelid-twitching")
    run(FIXTURES / "eyelid-twitching.txt", tmp_path / "lf", topic="eyelid-twitching")
    assert tree(tmp_path / "crlf") == tree(tmp_path / "lf")


def test_duplicate_names_get_distinct_slugs_and_titles(tmp_path: Path) -> None:
    source = tmp_path / "a.md"
    source.write_text("# Cramps\n\nCramps hurt.\n\n## Causes\n\n- Heat: hot weather.\n- Heat: a hot bath.\n", encoding="utf-8")
    report = run(source, tmp_path / "content", topic="cramps")
    causes = tmp_path / "content" / "cramps" / "causes"
    assert sorted(p.name for p in causes.iterdir()) == ["heat-2.md", "heat.md"]
    assert front_matter(causes / "heat-2.md")["title"] == "Heat (2)"
    assert report.warnings == ("a.md:8: 'Heat' is listed twice in causes; saved as causes/heat-2.md titled 'Heat (2)' (merge or rename them)",)


# --- Refusals: nothing is written ------------------------------------------------------


def refusal(excinfo: pytest.ExceptionInfo[ImportRefused]) -> str:
    return excinfo.value.format_message()


def test_refuses_a_file_that_is_not_such_an_article(tmp_path: Path) -> None:
    source = tmp_path / "recipe.txt"
    source.write_text("Banana bread\n\nMash three bananas.\n\nBake for an hour.\n", encoding="utf-8")
    content = tmp_path / "content"
    with pytest.raises(ImportRefused) as excinfo:
        run(source, content, topic="banana-bread")
    assert refusal(excinfo) == (
        f"{source.as_posix()}: no symptoms, causes, treatments or other sections of a condition found; expected "
        "headings such as 'Symptoms of …', 'Common causes' or 'Treatment options', each followed by a list of items")
    assert not content.exists()


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    existing = tmp_path / "muscle-twitches"
    (existing / "causes").mkdir(parents=True)
    (existing / "topic.md").write_text("mine\n", encoding="utf-8")
    before = tree(tmp_path)
    with pytest.raises(ImportRefused) as excinfo:
        run(SAMPLE, tmp_path)
    assert refusal(excinfo) == (
        f"{existing.as_posix()} already exists; pass --force to replace it "
        f"(the old folder is moved to {(tmp_path / '.backup').as_posix()}/)")
    assert tree(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["muscle-twitches"]


def test_force_keeps_a_backup(tmp_path: Path) -> None:
    existing = tmp_path / "muscle-twitches"
    existing.mkdir()
    (existing / "topic.md").write_text("mine\n", encoding="utf-8")
    run(SAMPLE, tmp_path, force=True)
    run(SAMPLE, tmp_path, force=True)  # twice within one second must not clash
    backups = sorted((tmp_path / ".backup").iterdir())
    assert [bool(re.fullmatch(r"muscle-twitches-\d{14}(-2)?", b.name)) for b in backups] == [True, True]
    assert (backups[0] / "topic.md").read_text(encoding="utf-8") == "mine\n"
    assert tree(existing) == tree(backups[1])  # the second backup is the first import
    assert sorted(p.name for p in tmp_path.iterdir()) == [".backup", "muscle-twitches"]  # no staging left over


@pytest.mark.parametrize("topic", ["Muscle_Twitches", "muscle twitches", "-twitch", "index", ""])
def test_refuses_an_invalid_topic_slug(tmp_path: Path, topic: str) -> None:
    with pytest.raises(ImportRefused) as excinfo:
        run(SAMPLE, tmp_path, topic=topic)
    assert refusal(excinfo) == (
        f"topic '{topic}' is not a usable web address; expected lowercase letters, digits and "
        "single hyphens (for example 'muscle-twitches'), and not 'index'")
    assert list(tmp_path.iterdir()) == []


def test_refuses_text_that_is_not_utf8(tmp_path: Path) -> None:
    source = tmp_path / "latin1.txt"
    source.write_bytes("Symptoms\n\n1. Caf\xe9: too much coffee\n".encode("latin-1"))
    with pytest.raises(ImportRefused) as excinfo:
        run(source, tmp_path / "content")
    assert refusal(excinfo) == f"{source.as_posix()}:3: is not UTF-8 text (byte 16); save it with UTF-8 encoding"
    assert not (tmp_path / "content").exists()


def test_refuses_an_empty_file(tmp_path: Path) -> None:
    source = tmp_path / "empty.md"
    source.write_text(" \n\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as excinfo:
        run(source, tmp_path / "content")
    assert refusal(excinfo) == f"{source.as_posix()}: is empty; expected an article with symptoms, causes and treatments"
    assert not (tmp_path / "content").exists()


def test_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused) as excinfo:
        run(tmp_path / "nope.txt", tmp_path / "content")
    assert refusal(excinfo) == f"{(tmp_path / 'nope.txt').as_posix()}: file not found; expected an article (.txt, .md or .html)"


def test_refuses_a_binary_file(tmp_path: Path) -> None:
    source = tmp_path / "scan.txt"
    source.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + SAMPLE.read_bytes())
    with pytest.raises(ImportRefused) as excinfo:
        run(source, tmp_path / "content")
    assert refusal(excinfo) == f"{source.as_posix()}: is a binary file, not text; expected an article saved as .txt, .md or .html"
    assert not (tmp_path / "content").exists()


def test_refuses_a_file_over_2_mb(tmp_path: Path) -> None:
    source = tmp_path / "huge.txt"
    text = SAMPLE.read_text(encoding="utf-8")
    source.write_text(text * (2 * 1024 * 1024 // len(text) + 1), encoding="utf-8")  # a real article, repeated
    with pytest.raises(ImportRefused) as excinfo:
        run(source, tmp_path / "content")
    assert refusal(excinfo) == (f"{source.as_posix()}: is {source.stat().st_size:,} bytes, over the 2 MB limit for an article; "
                                "expected the text of one article (without embedded images)")
    assert not (tmp_path / "content").exists()


def test_accepts_an_article_just_under_the_limit(tmp_path: Path) -> None:
    source = tmp_path / "long.txt"
    text = SAMPLE.read_text(encoding="utf-8")
    source.write_text(text + "\n" + "Filler. " * ((2 * 1024 * 1024 - len(text.encode())) // 8 - 1), encoding="utf-8")
    assert source.stat().st_size <= 2 * 1024 * 1024
    assert run(source, tmp_path / "content").counts[KINDS["causes"]] == 7
