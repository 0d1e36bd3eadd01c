"""The language a library is rendered in, and where its pages go: the default language's
at the root, another's under its code (`es/`) at the same paths (site/languages.py pairs
them). Pages still in the source's language are listed so that templates can say so."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from healthsite.content.model import Topic
from healthsite.content.translations import translation_path
from healthsite.render.i18n import DEFAULT_LANGUAGE, translations

if TYPE_CHECKING:
    from healthsite.render.pages import GeneratedPage


@dataclass(frozen=True, slots=True)
class Edition:
    """The language pages are rendered in, and the pages of it still in the source's language
    (content/translations.py): each becomes a short page linking the original."""

    language: str = DEFAULT_LANGUAGE
    prefix: str = ""  # where its pages go in the site: "es/"; the site's own language's at the root
    untranslated: frozenset[Path] = frozenset()  # their content files
    reviews: Mapping[Path, str] = dataclasses.field(default_factory=dict)  # content file -> its translation's review statement

    def t(self, message: str) -> str:
        return translations(self.language).gettext(message)


def prefixed(pages: list[GeneratedPage], edition: Edition, topic: Topic) -> list[GeneratedPage]:
    """The pages where their edition goes. A translated page edits its translation file and
    says who checked the translation (its own statement, else its topic's)."""
    if not edition.prefix:
        return pages
    moved = []
    for page in pages:
        source = page.edit_path or topic.path
        translated = source not in edition.untranslated
        review = edition.reviews.get(source) or edition.reviews.get(topic.path) if translated else None
        meta = {**page.meta, "translation_review": review} if review else page.meta
        moved.append(dataclasses.replace(page, src_uri=edition.prefix + page.src_uri, meta=meta,
                                         edit_path=None if page.edit_path is None
                                         else translation_path(source, edition.language) if translated else source))
    return moved


def prefixed_nav(entry: Any, prefix: str) -> Any:
    if not prefix:
        return entry
    if isinstance(entry, str):
        return prefix + entry
    if isinstance(entry, list):
        return [prefixed_nav(e, prefix) for e in entry]
    return {title: prefixed_nav(value, prefix) for title, value in entry.items()}
