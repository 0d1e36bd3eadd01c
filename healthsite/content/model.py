"""The content model: frozen records for topics and their items, with derived links.

Each cross-link is declared once in content (a symptom names its causes, a cause
names its treatments); `Topic` derives the reverse direction so that no back-link
can fall out of sync. What kinds of item there are, and how they link, is
declared in `kinds.py`.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from healthsite.content.kinds import KINDS, Kind


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
    """One symptom, cause, treatment...: one content file, one page."""

    kind: Kind
    slug: str
    title: str
    summary: str
    body: str
    path: Path  # the content file, relative to the project root
    aliases: tuple[str, ...] = ()
    links: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (target folder, slugs) as declared, per kind.links
    red_flag: bool = False
    order: int = 0
    care_cards: tuple[CareCard, ...] = ()
    extra: tuple[tuple[str, Any], ...] = ()  # the kind's extra fields, (name, value)

    def links_to(self, target: Kind) -> tuple[str, ...]:
        """The slugs this item declares in `target`."""
        return next((slugs for folder, slugs in self.links if folder == target.folder), ())


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
    items: dict[Kind, tuple[Item, ...]] = field(default_factory=dict)

    def of_kind(self, kind: Kind) -> tuple[Item, ...]:
        return self.items.get(kind, ())

    def item(self, kind: Kind, slug: str) -> Item:
        return next(i for i in self.of_kind(kind) if i.slug == slug)

    def kinds(self) -> tuple[Kind, ...]:
        """The kinds this topic has items of, in the registry's order."""
        return tuple(kind for kind in KINDS if self.of_kind(kind))

    def linked(self, item: Item, target: Kind) -> tuple[Item, ...]:
        """Items of `target` that `item` declares links to, in their list's order."""
        slugs = item.links_to(target)
        return tuple(i for i in self.of_kind(target) if i.slug in slugs)

    def linking(self, item: Item, source: Kind) -> tuple[Item, ...]:
        """Items of `source` that declare a link to `item` (the derived reverse direction)."""
        return tuple(i for i in self.of_kind(source) if item.slug in i.links_to(item.kind))

    def neighbours(self, item: Item, other: Kind) -> tuple[Item, ...]:
        """Items of `other` linked to `item` in either direction, in their list's order."""
        slugs = {i.slug for i in (*self.linked(item, other), *self.linking(item, other))}
        return tuple(i for i in self.of_kind(other) if i.slug in slugs)

    def reached(self, item: Item, *, through: Kind, target: Kind) -> tuple[Item, ...]:
        """Items of `target` two links away through `through`, without duplicates:
        a symptom's causes' treatments."""
        slugs = {t.slug for middle in self.neighbours(item, through) for t in self.neighbours(middle, target)}
        return tuple(t for t in self.of_kind(target) if t.slug in slugs)


@dataclass(frozen=True, slots=True, kw_only=True)
class Library:
    """Every topic in the content folder, sorted by title."""

    topics: tuple[Topic, ...]
    root: Path = Path(".")  # the folder the topics' and items' paths are relative to

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
