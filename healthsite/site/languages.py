"""The site in more than one language. The default language's pages are at the root; each
other language's are under its code (`es/`) at the same paths, so a page and its
translations pair by address: `/muscle-twitches/` and `/es/muscle-twitches/`.

Generated pages are rendered per language by render/pages.py (from the translations that
content/translations.py reads). The site's own pages are translated beside their source,
`docs/about.es.md` beside `docs/about.md`, and published at `es/about/`. This module says
which language a page is in, where its translations are, and what each language's
navigation holds.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from collections.abc import Container
from typing import Any
from urllib.parse import urljoin

from mkdocs.structure.files import File, Files

from healthsite.content.slugs import TRANSLATION_NAME
from healthsite.render.i18n import gettext_for

# The default language's name in its own words, by its code (theme.language).
DEFAULT_NAMES = {"en": "English"}


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    name: str  # as its readers write it: "Español"
    prefix: str  # "" for the default language, else "es/"


@dataclass(frozen=True, slots=True)
class Alternates:
    """A page's translations, as config.extra.alternate for the theme: true when there are
    any, so Material's header includes our switcher (theme/partials/alternate.html), but not
    iterable, so Material's head does not write them as <link rel="alternate">. Material's
    script fetches a sitemap.xml beside every such link on every page view, to remap its own
    switcher; theme/partials/hs-alternates.html writes them instead, out of that script's way."""

    links: list[dict[str, Any]]

    def __bool__(self) -> bool:
        return bool(self.links)


@dataclass(frozen=True, slots=True)
class Languages:
    """The site's languages, the default first."""

    all: tuple[Language, ...]

    @classmethod
    def from_config(cls, default: str, others) -> Languages:
        first = Language(default, DEFAULT_NAMES.get(default, default), "")
        return cls((first, *(Language(lang.code, lang.name, f"{lang.code}/") for lang in others)))

    @property
    def default(self) -> Language:
        return self.all[0]

    @property
    def others(self) -> tuple[Language, ...]:
        return self.all[1:]

    def of(self, src_uri: str) -> Language:
        """The language of the page at `src_uri` (its first folder, or the default)."""
        first = src_uri.split("/", 1)[0] + "/"
        return next((lang for lang in self.others if lang.prefix == first), self.default)

    def source_uri(self, src_uri: str) -> str:
        """Where the page's original is: "es/gout/index.md" -> "gout/index.md"."""
        return src_uri.removeprefix(self.of(src_uri).prefix)

    def topic_key(self, src_uri: str) -> str:
        """A generated page's topic, under its language's prefix: "es/gout/causes/x.md" -> "es/gout"."""
        return self.of(src_uri).prefix + self.source_uri(src_uri).split("/", 1)[0]

    def pairs(self, src_uri: str) -> dict[str, str]:
        """The page at `src_uri` in every language, by code, whether or not it exists."""
        return {lang.code: lang.prefix + self.source_uri(src_uri) for lang in self.all}

    def all_alternates(self, files: Files, *, notes: Container[str], site_url: str | None) -> dict[str, list]:
        """Every page's `alternates`, by its path in docs/ (none in a site of one language)."""
        if not self.others:
            return {}
        return {file.src_uri: self.alternates(file.src_uri, files, notes=notes, site_url=site_url)
                for file in files.documentation_pages()}

    def unlink_across(self, pages) -> None:
        """No previous or next page in another language (<link rel="prev">: the languages'
        navigations follow each other in MkDocs' one list of pages)."""
        for page in pages:
            for neighbour in ("previous_page", "next_page"):
                other = getattr(page, neighbour)
                if other is not None and self.of(other.file.src_uri) != self.of(page.file.src_uri):
                    setattr(page, neighbour, None)

    def alternates(self, src_uri: str, files: Files, *, site_url: str | None,
                   notes: Container[str] = ()) -> list[dict[str, Any]]:
        """The page's translations, the page itself too, then `x-default` (the default
        language's): the hreflang links, the sitemap's alternates, and what our switcher
        (theme/partials/alternate.html) lists; none on a page that is only a note linking its
        original (`notes`). `link` is relative to the site root, `href` the full address."""
        found = []
        if src_uri in notes:
            return []
        for lang in self.all:
            file = files.get_file_from_path(self.pairs(src_uri)[lang.code])
            if file is not None and file.is_documentation_page() and file.src_uri not in notes:
                found.append({"name": lang.name, "link": file.url, "lang": lang.code,
                              "href": urljoin(site_url, file.url) if site_url else None})
        if len(found) < 2:
            return []
        default = next((alt for alt in found if alt["lang"] == self.default.code), None)
        return [*found, *([{**default, "name": None, "lang": "x-default"}] if default else [])]


def translated_docs(files: Files, languages: Languages, config) -> None:
    """Move each translation of the site's own pages to its language's folder: docs/about.es.md
    is published at es/about/; one in a language the site does not publish is left out."""
    codes = {lang.code for lang in languages.others}
    for file in list(files.documentation_pages()):
        match = TRANSLATION_NAME.match(posixpath.basename(file.src_uri))
        if match is None:
            continue
        if match["language"] not in codes:  # a language the site does not publish (any more)
            files.remove(file)
            continue
        folder = posixpath.dirname(file.src_uri)
        published = File.generated(config, f"{match['language']}/{posixpath.join(folder, match['stem'])}.md",
                                   abs_src_path=file.abs_src_path)
        published.edit_uri = file.src_uri
        files.remove(file)
        files.append(published)


def translated_nav(nav: list, language: Language, files: Files, titles: dict[str, str]) -> list:
    """The site's own navigation (mkdocs.yml) in `language`: each page's translation, sections
    titled from the language's `nav_titles` (or the catalogue); pages not translated are left out."""
    t = gettext_for(language.code)

    def walk(entries: list) -> list:
        out: list = []
        for entry in entries:
            title, value = (None, entry) if isinstance(entry, str) else next(iter(entry.items()))
            shown = titles.get(title, t(title)) if title else None
            if isinstance(value, list):
                children = walk(value)
                if children:
                    out.append({shown: children})
            elif isinstance(value, str) and files.get_file_from_path(language.prefix + value) is not None:
                out.append({shown: language.prefix + value} if shown else language.prefix + value)
        return out

    return walk(nav)
