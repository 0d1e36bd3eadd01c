"""The MkDocs adapter: adds the generated pages and navigation to a normal MkDocs build.

With this plugin in mkdocs.yml, plain `mkdocs build` and `mkdocs serve` work, and
`serve` reloads when content/ changes.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import logging
import os
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from healthsite.render import jsonld
from healthsite.content import safety as markup
from healthsite.site.csp import allow_inline_code, allow_preview_code
from healthsite.site.dates import GitDates, read_git_dates
from healthsite.errors import ContentError
from healthsite.content.loader import load_library
from healthsite.content.model import Library
from healthsite.site.brand import brand_css
from healthsite.site.plugin_config import HealthsiteConfig, check_comments_settings
from healthsite.site.theme_layer import StylesheetError, inline_stylesheet, layer_theme
from healthsite.site.incremental import PreviewCache, Session, Shown, nav_outline, topic_navs
from healthsite.site.navigation import SiteNav, breadcrumbs, with_topics
from healthsite.site.page_meta import PageMetaError, completed_meta
from healthsite.site.preview_notes import with_preview_note
from healthsite.site.theme_fixes import fix_theme_markup
from healthsite.site.minify import minified
from healthsite.site.print_links import with_print_addresses
from healthsite.site.plugin_checks import content_report, site_review
from healthsite.render.az import TOPIC_INDEX_MARKER, topic_index
from healthsite.render.edition import Edition
from healthsite.render.pages import GeneratedPage, RenderedSite, overview_uri, render_library
from healthsite.site.search.index import SearchIndex
from healthsite.site.editions import Published, add_generated, add_languages, language_settings, publish, shown
from healthsite.site.languages import Alternates, Languages
from healthsite.site.theme_i18n import install_gettext
from healthsite.site.shards import Shard, write_shard_state
from healthsite.site.seo import robots_txt

log = logging.getLogger(f"mkdocs.plugins.{__name__}")
class HealthsitePlugin(BasePlugin[HealthsiteConfig]):
    library: Library | None = None
    rendered: RenderedSite | None = None
    _generated: dict[str, GeneratedPage]  # every language's
    dates: GitDates = GitDates()
    date_sources: dict[str, Path]  # generated page -> the file or folder its date comes from
    site_nav: SiteNav
    inline_css: str = ""
    searches: dict[str, SearchIndex]  # every language's, by where it goes: "", "es/"
    languages: Languages
    editions: dict[str, Published]  # every language's pages, by code
    previewing: bool = False  # `serve`: live reload allowed, pages too hard to read shown with a note
    shard: tuple[Shard, str] | None = None  # build only this shard's topics (and its sources' fingerprint); site/shards.py
    too_hard: dict[str, str]  # in a preview: source file -> its reading-grade problem
    cache: PreviewCache | None = None  # a preview's, kept between its builds: build only what changed

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.previewing = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        layer_theme(config.theme)
        self.languages = Languages.from_config(config.theme["language"], self.config.languages)
        self.load_content(config)
        assert self.library is not None and self.rendered is not None
        check_comments_settings(config.extra.get("comments") or {})
        self._nav_config = config.nav  # the site's own pages; each language's nav is made from it (on_files)
        config.nav = with_topics(config.nav, self.rendered.nav)
        try:
            self.searches = {e.language.prefix: SearchIndex.for_site(root=self._root(config), library=e.library,
                                                                     language=e.language.code) for e in self.editions.values()}
        except ContentError as err:  # the site's lay-words.yml
            raise PluginError(err.message) from None
        self.dates = read_git_dates(self._root(config))
        self.date_sources = {}
        return config

    def load_content(self, config: MkDocsConfig) -> None:
        """The library, its pages, and its review and reading checks; a PluginError names every
        problem. A preview calls this again after an edit (site/incremental.py)."""
        try:
            self.library = load_library(self._content_dir(config), root=self._root(config),
                                        cache=self.cache.topics if self.cache else None)
        except ContentError as err:
            raise PluginError(err.message) from None
        self.rendered = render_library(self.library, edition=Edition(self.languages.default.code),  # in the site's language
                                       cache=self.cache.pages if self.cache else None)
        self.editions = publish(self.library, self.rendered, self.languages, untranslated=self.config.untranslated,
                                cache=self.cache.pages if self.cache else None)
        self._generated = {page.src_uri: page for page in shown(self.editions).pages}
        if self.shard:  # each shard checks its own topics, the first also the site's own pages and translations
            sizes = {topic.slug: sum(len(topic.of_kind(kind)) for kind in topic.kinds()) for topic in self.library.topics}
            self._shard_topics = self.shard[0].topics(sizes)
        report = content_report(self.config, config, library=self.library, editions=self.editions,
                                topics=self._shard_topics if self.shard else None,
                                first=not self.shard or self.shard[0].number == 1)
        for warning in report.warnings:
            log.info(f"healthsite: {warning}")  # info, not warning: a strict build must not stop for these
        # A preview shows a page that is too hard to read, with a note, so its editor can fix it.
        self.too_hard = {p.path.as_posix(): p.message for p in report.too_hard} if self.previewing else {}
        problems = [p for p in report.problems if p.path.as_posix() not in self.too_hard]
        if problems:
            raise PluginError(ContentError(problems).message)

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        """What the templates read besides the page, in config.extra: the one place every
        engine gives them (`healthsite render --out` writes the same into its config)."""
        config.extra["hs_inline_css"] = self.inline_css + brand_css(self.config.brand_colour)
        self._env_files = (env, files)
        install_gettext(env)
        self._language_settings = language_settings(self.languages, self.config, config, files)
        # 404.html's, in the default language: each page's are set in on_page_context
        config.extra.update(self._language_settings[self.languages.default.code]["extra"], alternate=Alternates([]),
                            hs_languages=[dataclasses.asdict(lang) for lang in self.languages.others])
        return env

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.rendered is not None
        self._notes = add_languages(files, config, self.languages, self.editions, settings=self.config,
                                    nav=self._nav_config) | {uri for uri, page in self._generated.items() if page.meta.get("hs_untranslated")}
        elsewhere = (lambda uri: self.languages.source_uri(uri).split("/", 1)[0] not in self._shard_topics) if self.shard else None
        self.date_sources.update(add_generated(files, config, self._generated.values(), languages=self.languages,
                                               content_dir=self._content_dir(config), elsewhere=elsewhere))
        try:
            self.inline_css = inline_stylesheet(self.config.inline_css, docs_dir=Path(config.docs_dir),
                                                custom_dir=config.theme.custom_dir, root=self._root(config))
        except StylesheetError as err:
            raise PluginError(str(err)) from None
        if (stylesheet := files.get_file_from_path(self.config.inline_css)) is not None:
            files.remove(stylesheet)  # inside every page: not published as a file of its own
        for file in files.documentation_pages() if self.cache else ():  # a preview builds only what changed
            file.is_modified = functools.partial(self.cache.needs_build, file.src_uri)
        for src_uri in self.config.footer_pages:  # the footer's pages (site/editions.py language_settings)
            _check_footer_page(files, src_uri, config=config)
        if files.get_file_from_path("robots.txt") is None:  # an owner's docs/robots.txt wins
            files.append(File.generated(config, "robots.txt", content=robots_txt(site_url=config.site_url)))
        # Every page's translations, for its head, its switcher and the sitemap (which lists
        # pages a shard's dirty build does not read), and the notes the sitemap leaves out.
        config.extra.update(hs_alternates=self.languages.all_alternates(files, notes=self._notes, site_url=config.site_url),
                            hs_notes=self._notes)
        return files

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        assert self.library is not None
        self.site_nav = SiteNav.split(nav, overviews={e.language.prefix + overview_uri(t) for e in self.editions.values()
                                                      for t in e.library.topics}, language_of=self.languages.of)
        self.languages.unlink_across(nav.pages)
        if self.cache is not None:  # a preview: decide which pages change (site/incremental.py)
            assert self.rendered is not None
            shared = (nav_outline([item for part in self.site_nav.parts.values() for items in part for item in items]), self.inline_css)
            navs = {key: entry for e in self.editions.values()
                    for key, entry in topic_navs(e.library.topics, e.rendered.nav, e.language.prefix).items()}
            kept = self.cache.plan(nav, shared=shared, generated=self._generated, topic_navs=navs, topic_of=self.languages.topic_key)
            for prefix, previous in (self.cache.search or {}).items():  # a language's addresses are from its root
                if prefix in self.searches:
                    self.searches[prefix].carry_over(previous, urls={
                        url.removeprefix(prefix) for url in kept if self.languages.of(url).prefix == prefix})
        return nav

    @event_priority(100)  # first: other plugins may read the meta
    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        """A generated page's meta comes with it, not as YAML to be written and parsed again
        (a tenth of a build). Hand-written pages can list the topics by holding the marker."""
        if (generated := self._generated.get(page.file.src_uri)) is not None:
            page.meta.update(copy.deepcopy(generated.meta))  # a preview reuses the pages: never change them
        language = self.languages.of(page.file.src_uri)
        page.meta.update(hs_language=language.code, hs_prefix=language.prefix)  # the theme's words (site/theme_i18n.py)
        page.meta["hs_alternates"] = config.extra["hs_alternates"].get(page.file.src_uri, [])  # hreflang and the switcher
        if TOPIC_INDEX_MARKER in markdown:
            edition = self.editions[language.code]
            summaries = len(edition.library.topics) <= self.config.az_summaries_up_to
            markdown = markdown.replace(TOPIC_INDEX_MARKER, topic_index(
                edition.library, from_uri=page.file.src_uri, summaries=summaries, edition=edition.edition))
            page.meta["hs_library"] = True  # theme/main.html loads the search button's script
        return markdown

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        """The last gate before publishing: no page, generated or hand-written, may carry
        scripts, embeds, event attributes or javascript:/data: links (see markup.py)."""
        findings = markup.check_html(html, strict=False)
        if findings:
            source = self._source_of(page.file.src_uri, config)
            raise PluginError("\n".join(f"{source}: {f.message}" for f in findings))
        search = page.meta.get("search") or {}  # Material's per-page settings: exclude, boost
        if not search.get("exclude"):
            language = self.languages.of(page.file.src_uri)  # its index's addresses are from its own root
            self.searches[language.prefix].add(url=page.url.removeprefix(language.prefix), title=page.title or "", html=html,
                                             label=self._search_label(page), boost=search.get("boost", 1))
        return with_print_addresses(html, page_url=page.canonical_url)

    def _search_label(self, page) -> str:
        """What a search result is: "Cause · Gout" for generated pages, the section for others."""
        generated = self._generated.get(page.file.src_uri)
        if generated is not None:
            return generated.search_label
        return page.parent.title if page.parent is not None else ""

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Our search index replaces Material's (site/search/), which its plugin writes as one
        file that grows with the library (theme/partials/search.html says why the plugin stays)."""
        if self.shard:
            write_shard_state(Path(config.site_dir), shard=self.shard[0], fingerprint=self.shard[1],
                              searches=self.searches)
        else:
            for prefix, index in self.searches.items():
                index.write(Path(config.site_dir) / prefix)
        if self.cache is not None:
            self.cache.finish(Path(config.site_dir), search=self.searches, session=Session(
                config=config, files=self._env_files[1], nav=self.site_nav.full, env=self._env_files[0], shown=self.shown()))

    def shown(self) -> Shown:
        """What the pages are made from, for a preview's next build (site/incremental.py)."""
        return shown(self.editions)

    def _source_of(self, src_uri: str, config: MkDocsConfig) -> str:
        """The file an editor changes to fix a page, relative to the project."""
        assert self.rendered is not None
        page = self._generated.get(src_uri)
        if page is not None and page.edit_path is not None:
            return page.edit_path.as_posix()
        if page is not None:
            return f"(generated page {src_uri})"
        return Path(os.path.relpath(Path(config.docs_dir) / src_uri, self._root(config))).as_posix()

    def on_page_context(self, context, *, page, config: MkDocsConfig, nav):
        """What only the site knows: when the page's source last changed in git
        (partials/source-file.html), its breadcrumbs, and its JSON-LD completed with address,
        language and trail (site/page_meta.py)."""
        source = self.date_sources.get(page.file.src_uri) or page.file.abs_src_path
        language = self.languages.of(page.file.src_uri)
        home = self._env_files[1].get_file_from_path(language.prefix + "index.md")
        trail = breadcrumbs(page, homepage=home.page if home else nav.homepage)
        page.meta["hs_breadcrumbs"] = trail  # partials/path.html
        try:
            page.meta.update(completed_meta(
                page.meta, title=page.title, url=page.canonical_url, language=language.code,
                site_review=site_review(self.config),
                last_updated=self.dates.last_changed(Path(source), root=self._root(config)) if source else None,
                breadcrumb=jsonld.breadcrumb_list([(c.title, urljoin(config.site_url, c.url)) for c in trail])
                if trail and config.site_url else None,
            ))
        except PageMetaError as err:  # on_config reported it already; reached only when a page is added while serving
            raise PluginError(f"{page.file.src_uri}: {err}") from None
        context["nav"] = self.site_nav.for_page(page, home=home.page if home else None)  # site pages and this topic only
        # What differs by language, for this page: its translations (Material's hreflang links
        # and our switcher, theme/partials/alternate.html), its footer and search words.
        words = self._language_settings[language.code]
        config["site_name"], config["copyright"] = words["site_name"], words["copyright"]
        config.extra.update(words["extra"], alternate=Alternates(page.meta["hs_alternates"]))
        return context

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        output = minified(fix_theme_markup(output))
        if not self.previewing:
            return allow_inline_code(output)
        problem = self.too_hard.get(self._source_of(page.file.src_uri, config))
        return allow_preview_code(with_preview_note(output, problem) if problem else output)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        allow = allow_preview_code if self.previewing else allow_inline_code
        if not template_name.endswith(".html"):  # sitemap.xml
            return output_content
        return allow(minified(fix_theme_markup(output_content)))  # 404.html is a template, not a page

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        server.watch(str(self._content_dir(config)))
        return server

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent.absolute()

    def _content_dir(self, config: MkDocsConfig) -> Path:
        return self._root(config) / self.config.content_dir


def _check_footer_page(files: Files, src_uri: str, *, config: MkDocsConfig) -> None:
    file = files.get_file_from_path(src_uri)
    if file is None or not file.is_documentation_page():
        raise PluginError(f"mkdocs.yml: plugins.healthsite.footer_pages: no page {Path(config.docs_dir).name}/{src_uri}")
