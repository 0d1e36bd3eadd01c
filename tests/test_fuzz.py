"""Fuzzing: the importer and the content loader get generated input and must either succeed or
refuse with our own one-line-per-problem error, never a traceback, and never leave partial output.

Hypothesis profiles (examples per test; there are two tests):
  dev   (default)        100   quick local runs
  ci    (CI=true)       1000   2,000 in all, within about a minute on two cores
  fuzz  (make fuzz)     5000   10,000 in all: HYPOTHESIS_PROFILE=fuzz
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, TOPIC_MD, item_md
from healthsite.errors import ContentError, HealthsiteError, ImportRefused
from healthsite.importer import import_article
from healthsite.content.loader import load_library

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}
settings.register_profile("dev", max_examples=100, **_COMMON)
settings.register_profile("ci", max_examples=1000, **_COMMON)
settings.register_profile("fuzz", max_examples=5000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") == "true" else "dev"))

SAMPLE = (ROOT / "examples" / "muscle-twitches.txt").read_text(encoding="utf-8")
TODAY = dt.date(2026, 11, 25)


# --- Generated input ---------------------------------------------------------------------

def _mixed_line_endings(text: str, endings: list[str]) -> str:
    lines = text.split("\n")
    return "".join(line + endings[n % len(endings)] for n, line in enumerate(lines))


def _deeply_nested(kind: str, depth: int) -> str:
    if kind == "list":
        return "Causes\n\n" + "".join("  " * n + f"- level {n}\n" for n in range(depth))
    if kind == "quote":
        return "# Causes\n\n" + ">" * depth + " - deep\n"
    if kind == "html":
        return "<h2>Causes</h2>" + "<ul><li>x" * depth + "</li></ul>" * depth
    if kind == "yaml":
        return "---\ntitle: " + "[" * depth + "]" * depth + "\n---\n# Causes\n\n- a\n"
    return "#" * depth + " Symptoms\n\n- a\n"  # headings deeper than Markdown allows


_text_pieces = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["Symptoms", "Common causes", "Treatment options", "# Causes", "## Symptoms of X", "- ", "1. ",
                     "**Stress**: worry.", "<h2>Causes</h2>", "<li>", "</ul>", "---", "===", "\t", "\n", "\n\n", ":"]),
)
random_text = st.lists(_text_pieces, max_size=30).map("".join)
truncated_article = st.integers(min_value=0, max_value=len(SAMPLE)).map(lambda n: SAMPLE[:n])
mixed_endings = st.builds(_mixed_line_endings, st.one_of(truncated_article, random_text),
                          st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=1, max_size=4))
huge_line = st.builds(lambda text, size, at: text[:at] + "x" * size + text[at:],
                      truncated_article, st.integers(min_value=10_000, max_value=300_000), st.integers(0, 5_000))
deep_nesting = st.builds(_deeply_nested, st.sampled_from(["list", "quote", "html", "yaml", "heading"]),
                         st.integers(min_value=1, max_value=1_000))  # YAML gives up at ~500 levels
article_text = st.one_of(random_text, truncated_article, mixed_endings, huge_line, deep_nesting)
article_bytes = st.one_of(article_text.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=2_000))


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _assert_clear(error: HealthsiteError) -> None:
    message = error.format_message()
    assert message.strip(), "an error with no message"
    if isinstance(error, ImportRefused):
        assert "\n" not in message, message
    if isinstance(error, ContentError):
        assert error.problems and all(str(p.path) for p in error.problems)


# --- The importer --------------------------------------------------------------------------


@given(data=article_bytes, suffix=st.sampled_from([".txt", ".md", ".html", ".htm", ""]))
def test_importer_writes_the_whole_topic_or_nothing(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"article{suffix}"
        source.write_bytes(data)
        content = Path(tmp) / "content"
        try:
            report = import_article(source, topic="fuzzed", content_dir=content, today=TODAY)
        except HealthsiteError as error:
            _assert_clear(error)
            assert not content.exists() or _files(content) == {}
            return
        written = _files(content)
        assert [p.name for p in content.iterdir()] == ["fuzzed"]  # no staging folder left behind
        assert "fuzzed/topic.md" in written
        for section, count in report.counts.items():
            assert len([name for name in written if name.startswith(f"fuzzed/{section.folder}/")]) == count


# --- The content loader ----------------------------------------------------------------------

_topic_variant = st.one_of(
    st.just(TOPIC_MD),
    article_text.map(lambda body: TOPIC_MD + body),  # valid fields, then any body (the unsafe-HTML check reads it)
    st.integers(min_value=0, max_value=len(TOPIC_MD)).map(lambda n: TOPIC_MD[:n]),
    article_text,
)
_item_variant = st.one_of(
    st.builds(item_md, st.text(min_size=1, max_size=40).filter(lambda t: "\n" not in t), st.text(max_size=60)),
    st.just(item_md("Stress", causes="[dehydration]")),
    article_text,
)
_file_bytes = st.one_of(
    st.one_of(_item_variant, mixed_endings).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.binary(max_size=500),
)


@given(topic=_topic_variant.map(lambda t: t.encode("utf-8", "surrogatepass")),
       items=st.dictionaries(st.sampled_from(["symptoms/a.md", "causes/dehydration.md", "causes/stress.md",
                                              "treatments/rest.md", "causes/Bad Name.md", "stray.txt"]),
                             _file_bytes, max_size=4))
def test_loader_reports_every_problem_and_writes_nothing(topic: bytes, items: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        folder = content / "twitch"
        folder.mkdir(parents=True)
        (folder / "topic.md").write_bytes(topic)
        for relative, data in items.items():
            path = folder / relative
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(data)
        before = _files(Path(tmp))
        try:
            load_library(content)
        except HealthsiteError as error:
            _assert_clear(error)
        assert _files(Path(tmp)) == before
