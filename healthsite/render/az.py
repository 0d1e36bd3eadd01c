"""The A-Z index of topics that a hand-written page (the home page) gets where it holds
the marker: a search button, a row of letters, then the topics under each letter."""

from __future__ import annotations

import unicodedata

from healthsite.content.model import Library, Topic
from healthsite.render.edition import Edition
from healthsite.render.pages import overview_uri, relative_uri, render_template, tag_labels

TOPIC_INDEX_MARKER = "<!-- healthsite:topics -->"


def topic_index(library: Library, *, from_uri: str, summaries: bool = True, edition: Edition = Edition()) -> str:
    """The A-Z index: a search button, a row of letters, then the topics under each letter,
    as Markdown relative to the page at `from_uri`, in the edition's language and leading to
    its pages; with each topic's summary, or titles only."""
    return render_template("index.md.j2", uri=from_uri, edition=edition, groups=_by_letter(library.topics),
                           summaries=summaries, overview=lambda t: relative_uri(from_uri, edition.prefix + overview_uri(t)),
                           tags=lambda topic: tag_labels(topic, edition.language),
                           az_id=lambda letter: f"az-{letter.lower() if letter != '#' else 'other'}")


def _by_letter(topics: tuple[Topic, ...]) -> list[tuple[str, list[Topic]]]:
    """Topics grouped under the first letter of their title; digits and signs under '#'."""
    groups: dict[str, list[Topic]] = {}
    for topic in topics:
        first = topic.title[:1].upper()
        if first != "Ñ":  # Spanish files Á under A, but Ñ under a letter of its own
            first = unicodedata.normalize("NFKD", first)[:1]
        groups.setdefault(first if "A" <= first <= "Z" or first == "Ñ" else "#", []).append(topic)
    return sorted(groups.items(), key=lambda group: (group[0] == "#", group[0].replace("Ñ", "N~")))
