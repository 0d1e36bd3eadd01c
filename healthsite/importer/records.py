"""The records the stages pass on: blocks from a reader, and the assembled `Article`."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from healthsite.content.kinds import Kind


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedItem:
    name: str
    description: str  # Markdown (or plain text for .txt input)
    line: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Extra:
    """A headed part of the article that is not a list of items (kept in topic.md)."""

    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    title: str  # the condition, e.g. "Muscle Twitches"
    source_title: str  # the article's full title
    intro: tuple[str, ...]
    sections: dict[Kind, tuple[ParsedItem, ...]]  # each kind's items, in the registry's order
    notes: dict[Kind, tuple[str, ...]]  # a section's own paragraphs, besides its items
    extras: tuple[Extra, ...]
    conclusion: tuple[str, ...]
    disclaimer: tuple[str, ...]
    warnings: tuple[str, ...]
    aliases: tuple[str, ...] = ()  # from an "Other names" section
    help: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "When to see a doctor": level -> reasons
    url: str | None = None
    publisher: str | None = None


class BlockType(enum.Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"


@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    type: BlockType
    text: str
    line: int
    level: int = 0  # headings only
    number: int | None = None  # numbered list items only


@dataclass(frozen=True, slots=True, kw_only=True)
class Read:
    """What a reader found: the title and the blocks after it."""

    title: str
    blocks: tuple[Block, ...]
    url: str | None = None
    publisher: str | None = None
