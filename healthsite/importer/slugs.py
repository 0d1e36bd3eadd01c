"""Slugs: each item's file name within its section, unique, and its page title."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from healthsite.importer.records import Article
from healthsite.importer.text import plain
from healthsite.content.model import Section


@dataclass(frozen=True, slots=True, kw_only=True)
class Slugs:
    by_item: dict[tuple[Section, int], str]  # (section, index in list) -> slug
    titles: dict[tuple[Section, int], str]
    warnings: tuple[str, ...]

    def of(self, section: Section | None, index: int) -> str:
        assert section is not None
        return self.by_item[(section, index)]


def slugify(text: str) -> str:
    """Lowercase, ASCII, hyphenated: 'Stress & Anxiety' -> 'stress-and-anxiety'."""
    text = unicodedata.normalize("NFKD", plain(text)).encode("ascii", "ignore").decode("ascii").lower()
    text = text.replace("&", " and ").replace("+", " plus ").replace("'", "")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > 60:  # long slugs make unwieldy URLs; cut at a word boundary
        slug = slug[:60].rsplit("-", 1)[0]
    return slug


def assign_slugs(*, doc: Article, name: str) -> Slugs:
    by_item: dict[tuple[Section, int], str] = {}
    titles: dict[tuple[Section, int], str] = {}
    warnings: list[str] = []
    for section, items in doc.sections.items():
        taken = {"index"}
        seen_titles: dict[str, int] = {}
        for index, item in enumerate(items):
            base = slugify(item.name) or f"{section.singular}-{index + 1}"
            slug, n = base, 1
            while slug in taken:
                n += 1
                slug = f"{base}-{n}"
            taken.add(slug)
            by_item[(section, index)] = slug
            title = item.name
            key = title.casefold()
            if key in seen_titles:
                seen_titles[key] += 1
                title = f"{item.name} ({seen_titles[key]})"
                warnings.append(f"{name}:{item.line}: '{item.name}' is listed twice in {section.value}; "
                                f"saved as {section.value}/{slug}.md titled '{title}' (merge or rename them)")
            else:
                seen_titles[key] = 1
            titles[(section, index)] = title
    return Slugs(by_item=by_item, titles=titles, warnings=tuple(warnings))
