"""The content model: frozen records for topics and their items, with derived links.

Each cross-link is declared once in content (a symptom names its causes, a cause
names its treatments); `Topic` derives the reverse direction so that no back-link
can fall out of sync.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from pathlib import Path


class Section(enum.Enum):
    """The three kinds of item page, in the order readers meet them."""

    SYMPTOMS = "symptoms"
    CAUSES = "causes"
    TREATMENTS = "treatments"

    @property
    def title(self) -> str:
        return self.value.capitalize()

    @property
    def singular(self) -> str:
        return {"symptoms": "symptom", "causes": "cause", "treatments": "treatment"}[self.value]

    @property
    def link_field(self) -> str | None:
        """The front-matter field in which items of this section declare links."""
        return {"symptoms": "causes", "causes": "treatments", "treatments": None}[self.value]

    @property
    def link_target(self) -> Section | None:
        """The section that `link_field` points into."""
        return {"symptoms": Section.CAUSES, "causes": Section.TREATMENTS, "treatments": None}[self.value]


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    title: str
    publisher: str | None = None
    url: str | None = None
    accessed: dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Review:
    date: dt.date
    by: str


class Urgency(enum.Enum):
    """How soon a reader should get help, after the NHS care card levels."""

    NON_URGENT = "non-urgent"
    URGENT = "urgent"
    IMMEDIATE = "immediate"

    @property
    def needs_source(self) -> bool:
        """Advice to seek urgent or emergency care must be backed by a named source."""
        return self is not Urgency.NON_URGENT


@dataclass(frozen=True, slots=True, kw_only=True)
class CareCard:
    """'When to get help' advice: act at `level` if any of `reasons` applies."""

    level: Urgency
    reasons: tuple[str, ...]
    action: str | None = None
    source: str | None = None  # the title of one of the topic's sources


@dataclass(frozen=True, slots=True, kw_only=True)
class Item:
    """One symptom, cause or treatment: one content file, one page."""

    section: Section
    slug: str
    title: str
    summary: str
    body: str
    path: Path  # the content file, relative to the project root
    aliases: tuple[str, ...] = ()
    links: tuple[str, ...] = ()  # slugs in section.link_target
    red_flag: bool = False
    order: int = 0
    care_cards: tuple[CareCard, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Topic:
    """A condition: its overview (topic.md) and its items."""

    slug: str
    title: str
    summary: str
    body: str
    path: Path
    reviewed: Review
    next_review: dt.date
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    care_cards: tuple[CareCard, ...] = ()
    related: tuple[str, ...] = ()  # slugs of other topics, declared in topic.md
    tags: tuple[str, ...] = ()  # body area and kind, from schema.TAGS
    items: dict[Section, tuple[Item, ...]] = field(default_factory=dict)

    def section(self, section: Section) -> tuple[Item, ...]:
        return self.items.get(section, ())

    def item(self, section: Section, slug: str) -> Item:
        return next(i for i in self.section(section) if i.slug == slug)

    def linked(self, item: Item) -> tuple[Item, ...]:
        """Items that `item` declares links to, in their section's order."""
        target = item.section.link_target
        if target is None:
            return ()
        return tuple(i for i in self.section(target) if i.slug in item.links)

    def linking(self, item: Item) -> tuple[Item, ...]:
        """Items that declare a link to `item` (the derived reverse direction)."""
        source = {Section.CAUSES: Section.SYMPTOMS, Section.TREATMENTS: Section.CAUSES}.get(item.section)
        if source is None:
            return ()
        return tuple(i for i in self.section(source) if item.slug in i.links)

    def treatments_for_symptom(self, symptom: Item) -> tuple[Item, ...]:
        """Treatments reached through a symptom's causes, without duplicates."""
        slugs = {t.slug for cause in self.linked(symptom) for t in self.linked(cause)}
        return tuple(t for t in self.section(Section.TREATMENTS) if t.slug in slugs)

    def symptoms_for_treatment(self, treatment: Item) -> tuple[Item, ...]:
        """Symptoms whose causes this treatment addresses, without duplicates."""
        slugs = {s.slug for cause in self.linking(treatment) for s in self.linking(cause)}
        return tuple(s for s in self.section(Section.SYMPTOMS) if s.slug in slugs)


@dataclass(frozen=True, slots=True, kw_only=True)
class Library:
    """Every topic in the content folder, sorted by title."""

    topics: tuple[Topic, ...]

    def related(self) -> dict[str, tuple[Topic, ...]]:
        """Each topic's related topics, by slug: declared in either direction in `related`, or
        sharing a name or alias ("cramp" as one topic's alias and another's title). A-Z order."""
        slugs = {t.slug: t for t in self.topics}
        order = {t.slug: n for n, t in enumerate(self.topics)}
        links: dict[str, set[str]] = {slug: set() for slug in slugs}
        for topic in self.topics:
            for other in topic.related:
                if other in links and other != topic.slug:
                    links[topic.slug].add(other)
                    links[other].add(topic.slug)
        by_name: dict[str, set[str]] = {}
        for topic in self.topics:
            for name in {n.casefold() for n in (topic.title, *topic.aliases)}:
                by_name.setdefault(name, set()).add(topic.slug)
        for sharing in by_name.values():
            for slug in sharing:
                links[slug] |= sharing - {slug}
        return {slug: tuple(slugs[other] for other in sorted(links[slug], key=order.__getitem__)) for slug in slugs}
