"""Slugs: each item's file name within its kind's folder, unique, and its page title."""

from __future__ import annotations

from dataclasses import dataclass

from healthsite.content.kinds import Kind
from healthsite.content.slugs import slugify
from healthsite.importer.records import Article


@dataclass(frozen=True, slots=True, kw_only=True)
class Slugs:
    by_item: dict[tuple[Kind, int], str]  # (kind, index in its list) -> slug
    titles: dict[tuple[Kind, int], str]
    warnings: tuple[str, ...]

    def of(self, kind: Kind, index: int) -> str:
        return self.by_item[(kind, index)]


def assign_slugs(*, doc: Article, name: str) -> Slugs:
    by_item: dict[tuple[Kind, int], str] = {}
    titles: dict[tuple[Kind, int], str] = {}
    warnings: list[str] = []
    for kind, items in doc.sections.items():
        taken = {"index"}
        seen_titles: dict[str, int] = {}
        for index, item in enumerate(items):
            base = slugify(item.name) or f"{kind.command}-{index + 1}"
            slug, n = base, 1
            while slug in taken:
                n += 1
                slug = f"{base}-{n}"
            taken.add(slug)
            by_item[(kind, index)] = slug
            title = item.name
            key = title.casefold()
            if key in seen_titles:
                seen_titles[key] += 1
                title = f"{item.name} ({seen_titles[key]})"
                warnings.append(f"{name}:{item.line}: '{item.name}' is listed twice in {kind.folder}; "
                                f"saved as {kind.folder}/{slug}.md titled '{title}' (merge or rename them)")
            else:
                seen_titles[key] = 1
            titles[(kind, index)] = title
    return Slugs(by_item=by_item, titles=titles, warnings=tuple(warnings))
