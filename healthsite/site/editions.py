"""The pages of each language the site is published in, for the plugin: the default
language's from the library, every other language's from its translations
(content/translations.py), rendered under its prefix (render/pages.py), with the site's
own pages translated beside their source (site/languages.py).
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.utils.meta import get_data

from healthsite.content.model import Library
from healthsite.content.translations import Translations, translate_library
from healthsite.render.az import TOPIC_INDEX_MARKER
from healthsite.render.edition import Edition
from healthsite.render.i18n import gettext_for
from healthsite.render.pages import PageCache, RenderedSite, render_library, untranslated_note
from healthsite.site.incremental import Shown
from healthsite.site.languages import Language, Languages, translated_docs, translated_nav
from healthsite.site.navigation import with_topics


@dataclass(frozen=True, slots=True, kw_only=True)
class Published:
    """One language's edition: what its A-Z, search and pages are made from."""

    language: Language
    library: Library  # the topics its A-Z lists
    rendered: RenderedSite
    edition: Edition  # its language, where its pages go, and which are not translated yet
    translations: Translations | None = None  # None for the default language


def publish(library: Library, rendered: RenderedSite, languages: Languages, *, untranslated: str,
            cache: PageCache | None = None) -> dict[str, Published]:
    """Every language's edition, by code; `untranslated` is the "note" or "leave out" setting."""
    editions = {languages.default.code: Published(language=languages.default, library=library, rendered=rendered,
                                                  edition=Edition(languages.default.code))}
    for language in languages.others:
        translations = translate_library(library, language.code)
        noted = untranslated == "note"
        shown = translations.published(notes=noted)
        edition = Edition(language.code, language.prefix, translations.untranslated if noted else frozenset(),
                          translations.reviews)
        editions[language.code] = Published(language=language, library=shown, translations=translations, edition=edition,
                                            rendered=render_library(shown, edition=edition, cache=cache))
    return editions


def shown(editions: dict[str, Published]) -> Shown:
    """Every language's generated pages, navigation and topics, in the editions' order."""
    return Shown(pages=tuple(page for e in editions.values() for page in e.rendered.pages),
                 navs=tuple(e.rendered.nav for e in editions.values()),
                 topics=tuple(t for e in editions.values() for t in e.library.topics))


def add_languages(files: Files, config, languages: Languages, editions: dict[str, Published], *, settings,
                  nav: list | None) -> set[str]:
    """Each other language's own pages (`add_docs`) and navigation, made from mkdocs.yml's
    `nav` and placed after the default language's; returns the notes for pages not translated."""
    notes = add_docs(files, languages, config, untranslated=settings.untranslated)
    for language in languages.others:
        titles = next(c for c in settings.languages if c.code == language.code).nav_titles
        config.nav += with_topics(translated_nav(nav or ["index.md"], language, files, titles),
                                  editions[language.code].rendered.nav)
    return notes


def add_docs(files: Files, languages: Languages, config, *, untranslated: str) -> set[str]:
    """The site's own pages in every other language: their translations (docs/about.es.md at
    es/about/); with "note", a short page linking the original for each page not translated
    (returned); and a home page with the A-Z where the language has none."""
    translated_docs(files, languages, config)
    notes = set()
    for language in languages.others:
        t = gettext_for(language.code)
        if files.get_file_from_path(f"{language.prefix}index.md") is None:
            title = t("Health topics A to Z")
            files.append(File.generated(config, f"{language.prefix}index.md",
                                        content=f"---\ntitle: {title}\n---\n\n# {title}\n\n{TOPIC_INDEX_MARKER}\n"))
        if untranslated != "note":
            continue
        for file in list(files.documentation_pages()):
            if languages.of(file.src_uri) != languages.default or files.get_file_from_path(language.prefix + file.src_uri):
                continue
            _, meta = get_data(file.content_string)
            title = str(meta.get("title") or posixpath.splitext(posixpath.basename(file.src_uri))[0])
            notes.add(language.prefix + file.src_uri)
            markdown, meta = untranslated_note(file.src_uri, title, Edition(language.code, language.prefix))
            files.append(File.generated(config, language.prefix + file.src_uri,
                                        content=f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n{markdown}"))
    return notes




def language_settings(languages: Languages, settings, config, files: Files) -> dict[str, dict]:
    """What the theme reads from the settings that differs by language, by code: the site's name
    and owner's line, and in config.extra the footer's pages, the disclaimer's address and the
    search box's urgent-help line (the plugin sets each page's before rendering it)."""
    by_language = {}
    for lang in languages.all:
        other = next((c for c in settings.languages if c.code == lang.code), None)
        footer = [f.page for f in (files.get_file_from_path(lang.prefix + uri) for uri in settings.footer_pages) if f]
        disclaimer = files.get_file_from_path(lang.prefix + "disclaimer.md") or files.get_file_from_path("disclaimer.md")
        by_language[lang.code] = {
            "site_name": (other.site_name if other else None) or config.site_name,
            "copyright": (other.copyright if other else None) or config.copyright,
            "extra": {
                "hs_footer_pages": footer,
                "hs_disclaimer_url": disclaimer.url if disclaimer else None,  # the one-line disclaimer's link
                # None: the search box says the catalogue's line
                "urgent_help": (other.urgent_help if other else config.extra.get("urgent_help")),
            },
        }
    return by_language


def add_generated(files: Files, config, pages, *, languages: Languages, content_dir: Path,
                  elsewhere: Callable[[str], bool] | None) -> dict[str, Path]:
    """Every language's generated pages as MkDocs files (none built where `elsewhere`: another
    shard builds it); returns the file or folder whose last change is each page's date."""
    root, docs_dir = Path(config.config_file_path).parent.absolute(), Path(config.docs_dir)
    dates = {}
    for page in pages:
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"{docs_dir.name}/{page.src_uri} clashes with a generated page; rename one of them")
        file = File.generated(config, page.src_uri, content=page.markdown)
        # "Edit this page" opens the content file, not the generated page. MkDocs joins
        # this onto repo_url + edit_uri, so a path relative to docs/ works for any repo.
        file.edit_uri = Path(os.path.relpath(root / page.edit_path, docs_dir)).as_posix() if page.edit_path else None
        if elsewhere is not None and elsewhere(page.src_uri):
            file.is_modified = _never  # the build runs dirty
        files.append(file)
        # A list page has no file of its own; it changes when its section folder does.
        dates[page.src_uri] = root / page.edit_path if page.edit_path else (
            content_dir / languages.source_uri(page.src_uri)).parent
    return dates


def _never() -> bool:
    return False
