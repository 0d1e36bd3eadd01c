"""Navigation that stays small: each page's sidebar holds the site's own pages and
the current topic, never every topic in the library.

Material renders the whole navigation into every page, so with N topics each page
grows with N and the site with N². The A-Z index on the home page is how readers
reach other topics; the sidebar only needs the topic they are in. MkDocs still gets
the full navigation (for previous/next links and the page order), and each page is
rendered with a `Navigation` of its own, built in constant time.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteNav:
    """The full navigation split, per language, into what every page shows and the topics between."""

    full: Navigation
    parts: dict  # language -> (items before the topics (the home page), items after them (About this site ...))
    topics: frozenset[int]  # ids of the topics' top-level sections
    language_of: Callable[[str], Hashable]  # a page's language, from its path in docs/

    @classmethod
    def split(cls, nav: Navigation, *, overviews: set[str],
              language_of: Callable[[str], Hashable] = lambda src_uri: None) -> SiteNav:
        """Topics are the top-level sections that open with a topic's overview page (see render.py).
        Each language's items follow each other, the default language's first (site/languages.py)."""
        topics = frozenset(id(item) for item in nav.items if _opens_with(item, overviews))
        by_language: dict = {}
        language = None
        for item in nav.items:
            first = _first_page(item)
            language = language_of(first.file.src_uri) if first is not None else language
            by_language.setdefault(language, []).append(item)
        parts = {}
        for language, items in by_language.items():
            cut = next((n for n, item in enumerate(items) if id(item) in topics), len(items))
            parts[language] = (tuple(items[:cut]), tuple(item for item in items[cut:] if id(item) not in topics))
        return cls(full=nav, parts=parts, topics=topics, language_of=language_of)

    def for_page(self, page: Page, *, home: Page | None = None) -> Navigation:
        """The site's own pages in the page's language, with the page's topic (if any) where
        the topics were; `home`, the language's home page, is where the logo leads."""
        topic = page.ancestors[-1] if page.ancestors else None
        current = (topic,) if topic is not None and id(topic) in self.topics else ()
        before, after = self.parts.get(self.language_of(page.file.src_uri), ((), ()))
        navigation = Navigation([*before, *current, *after], self.full.pages)
        navigation.homepage = home or navigation.homepage
        return navigation


def _first_page(item) -> Page | None:
    if item.is_page:
        return item
    for child in getattr(item, "children", None) or ():
        if (found := _first_page(child)) is not None:
            return found
    return None


def _opens_with(item, overviews: set[str]) -> bool:
    first = item.children[0] if item.is_section and item.children else None
    return first is not None and first.is_page and first.file.src_uri in overviews


@dataclass(frozen=True, slots=True)
class Crumb:
    title: str
    url: str  # relative to the site root, as MkDocs writes page.url


def breadcrumbs(page: Page, *, homepage: Page | None) -> tuple[Crumb, ...]:
    """Home > topic > section > this page: the sections that open with a page of their own
    (navigation.indexes), outermost first. Empty on the home page."""
    if page.is_homepage or homepage is None or page is homepage:
        return ()
    trail = [Crumb(homepage.title or "Home", homepage.url)]
    for section in reversed(page.ancestors):
        index = section.children[0] if section.children else None
        if index is not None and index.is_page and index.is_index and index is not page:
            trail.append(Crumb(section.title, index.url))
    trail.append(Crumb(_nav_title(page), page.url))
    return tuple(trail)


def _nav_title(page: Page) -> str:
    """A section's own index page is named as its section is ("Causes", not "Causes of gout")."""
    if page.is_index and page.parent is not None:
        return page.parent.title
    return page.title or ""


def nav_breadcrumbs(nav: list, *, url_of: Callable[[str], str], title_of: Callable[[str], str]) -> dict[str, tuple[Crumb, ...]]:
    """Every page's trail, as `breadcrumbs` gives it, from a `nav` in mkdocs.yml's shape (for an
    engine without our plugin). `url_of` and `title_of` take a page's path in docs/."""
    home_title, home_uri = _nav_entry(nav[0])
    home = Crumb(home_title or title_of(home_uri), url_of(home_uri))
    trails: dict[str, tuple[Crumb, ...]] = {}

    def walk(entries: list, ancestors: tuple[Crumb, ...]) -> None:
        for entry in entries:
            title, value = _nav_entry(entry)
            if isinstance(value, list):
                first = _nav_entry(value[0])[1] if value else None
                opens = isinstance(first, str) and posixpath.basename(first) in ("index.md", "README.md")
                if opens:  # navigation.indexes: the section's own page is its first, named as the section
                    trails[first] = (home, *ancestors, Crumb(title, url_of(first)))
                walk(value[1:] if opens else value, (*ancestors, Crumb(title, url_of(first))) if opens else ancestors)
            elif value != home_uri:
                trails[value] = (home, *ancestors, Crumb(title or title_of(value), url_of(value)))

    walk(nav[1:], ())
    return trails


def _nav_entry(entry: str | dict) -> tuple[str | None, str | list]:
    """A nav entry as (title, path or children): "a.md", {"Title": "a.md"} or {"Title": [...]}."""
    if isinstance(entry, str):
        return None, entry
    (title, value), = entry.items()
    return title, value


def with_topics(nav: list | None, topics: list) -> list:
    """Insert the topics after the home page of the hand-written navigation."""
    if not nav:
        return ["index.md", *topics]
    return [nav[0], *topics, *nav[1:]]
