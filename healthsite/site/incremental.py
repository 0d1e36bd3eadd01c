"""Preview builds that redo only what an edit changed (`healthsite serve`, site/preview.py).

A preview keeps one PreviewCache while it runs. After an edit, the content is read again
only from the topic folders whose files changed (content/loader.py) and only those topics
are rendered again (render/pages.py). Then:

An edit to a page's text, the common case, keeps every page's address and title, so the
site's navigation stays as it was: `rebuild_pages` runs only the changed pages through the
MkDocs build that the last good build left in memory (its config, files, navigation and
templates), as `mkdocs build` does each page. The home page follows when a topic's summary
or tags change. The search index is written again afterwards.

Any other change (a page added, removed or renamed, a title, aliases, the site's own
pages) runs MkDocs again as a dirty build, where a page counts as modified only when
something its HTML is made from changed since the last good build:
  - its Markdown or meta: its own text, and the titles of the pages it links to and of
    its related topics, which the generator writes into it;
  - its topic's navigation (the sidebar), or its previous and next pages (<link rel>);
  - what every page shows: the site's own navigation and the inlined stylesheet (then
    every page is built again).
The site's hand-written pages are always built again: there are few, and the home page
lists every topic. A page that no longer exists is deleted, so a renamed page is never
served under its old address. The search index keeps the entries of the pages not built
again. A change to mkdocs.yml or the theme starts a new cache: a whole build.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import _build_page, _populate_page  # what `mkdocs build` runs per page (pinned < 2)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from healthsite.content.loader import TopicCache, file_stamps
from healthsite.content.model import Topic
from healthsite.render.pages import GeneratedPage, NavEntry, PageCache
from healthsite.site.search.index import SearchIndex
from healthsite.site.settings import BuildFailed, collected_warnings

SEARCH_DELAY_SECONDS = 1.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Shown:
    """The generated pages of every language, their navigation and their topics."""

    pages: tuple[GeneratedPage, ...]
    navs: tuple
    topics: tuple[Topic, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Session:
    """What a good MkDocs build leaves to build single pages with."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: object  # the templates' jinja2.Environment
    docs: tuple = ()  # docs/ files' names, sizes and times
    shown: Shown | None = None  # what the served site was built from


@dataclass(eq=False)
class PreviewCache:
    topics: TopicCache = field(default_factory=dict)
    pages: PageCache = field(default_factory=dict)
    built: dict[str, tuple[tuple | None, str]] = field(default_factory=dict)  # src_uri -> what it was made from, its file
    search: dict[str, SearchIndex] | None = None  # by where each language's goes: "", "es/"
    session: Session | None = None
    writing: threading.Timer | None = None  # writes the last build's search index, once the page has reloaded
    _unwritten: dict[str, SearchIndex] | None = None
    _planned: dict[str, tuple[tuple | None, str]] = field(default_factory=dict)  # the same, for this build
    _unchanged: set[str] = field(default_factory=set)

    def write_search_later(self, search: dict[str, SearchIndex], site_dir: Path) -> None:
        """Write the index a moment after the pages: writing it takes longer than they do,
        and it would slow the server sending the reloaded page (one process, one GIL)."""
        self._unwritten = search
        self.writing = threading.Timer(SEARCH_DELAY_SECONDS, self._write_search, args=(site_dir,))
        self.writing.start()

    def wait(self) -> None:
        """Until the last build's search index is written (now, if it was still to come)."""
        if self.writing is not None:
            self.writing.cancel()
            self.writing.join()
            self.writing = None
        if self.session is not None:
            self._write_search(Path(self.session.config.site_dir))

    def _write_search(self, site_dir: Path) -> None:
        search, self._unwritten = self._unwritten, None
        for prefix, index in (search or {}).items():
            index.write(site_dir / prefix)

    def needs_build(self, src_uri: str) -> bool:
        """MkDocs asks this of every page in a dirty build (File.is_modified)."""
        return src_uri not in self._unchanged

    def plan(self, nav: Navigation, *, shared: tuple, generated: dict[str, GeneratedPage],
             topic_navs: dict[str, NavEntry], topic_of: Callable[[str], str]) -> set[str]:
        """Decide which pages this build writes (`shared`: what every page shows; `topic_of`:
        a page's key in `topic_navs`); return the addresses of the others, whose search
        entries carry over."""
        self._planned, urls = {}, {}
        for page in nav.pages:
            urls[page.file.src_uri] = page.url
            source = generated.get(page.file.src_uri)
            made_from = None if source is None else (
                shared, source.markdown, source.meta, topic_navs.get(topic_of(page.file.src_uri)),
                _url(page.previous_page), _url(page.next_page))
            self._planned[page.file.src_uri] = (made_from, page.file.dest_uri)
        self._unchanged = {src_uri for src_uri, (made_from, _) in self._planned.items()
                           if made_from is not None and self.built.get(src_uri, (None,))[0] == made_from}
        for src_uri in self._planned.keys() - self._unchanged:
            self.built.pop(src_uri, None)  # unknown until this build succeeds: if it fails, built again next time
        return {urls[src_uri] for src_uri in self._unchanged}

    def finish(self, site_dir: Path, *, search: dict[str, SearchIndex], session: Session) -> None:
        """After a good build: delete the pages that are gone, remember what was built."""
        for src_uri in self.built.keys() - self._planned.keys():
            _delete_page(site_dir, self.built[src_uri][1])
        self.built, self.search = self._planned, search
        self.session = dataclasses.replace(session, docs=_docs_stamp(session.config))


def rebuild_pages(cache: PreviewCache) -> bool:
    """Build again only the pages whose text changed, if the edit left every address, title
    and the site's own pages as they were; False when it did not (nothing is written then).
    A PluginError names the content's problems; BuildFailed what MkDocs warned about."""
    cache.wait()
    session = cache.session
    if session is None or _docs_stamp(session.config) != session.docs:
        return False
    plugin = session.config.plugins["healthsite"]
    before = session.shown  # not the plugin's: a failed build may have rendered since
    plugin.load_content(session.config)
    after = plugin.shown()
    if ([p.src_uri for p in before.pages], before.navs, [t.aliases for t in before.topics]) != (
            [p.src_uri for p in after.pages], after.navs, [t.aliases for t in after.topics]):
        cache.session = None  # this build runs MkDocs again
        return False
    changed = [new.src_uri for old, new in zip(before.pages, after.pages, strict=True)
               if new is not old and (new.markdown, new.meta) != (old.markdown, old.meta)]
    if [(t.summary, t.tags) for t in before.topics] != [(t.summary, t.tags) for t in after.topics]:
        changed += [f.src_uri for f in session.files.documentation_pages() if f.src_uri not in plugin._generated]
    pages = [session.files.get_file_from_path(src_uri).page for src_uri in changed]
    with warnings_as_problems():
        for page in pages:
            if page.file.src_uri in plugin._generated:  # not the site's pages' translations or notes (site/editions.py)
                page.file.content_string = plugin._generated[page.file.src_uri].markdown
            _populate_page(page, session.config, session.files)
        for page in pages:
            _build_page(page, session.config, session.files.documentation_pages(), session.nav, session.env)
    cache.session = dataclasses.replace(session, shown=after)
    cache.write_search_later(plugin.searches, Path(session.config.site_dir))
    return True


@contextlib.contextmanager
def warnings_as_problems():
    """MkDocs' warnings while building pages (a broken link, say) fail the build, as in strict mode."""
    with collected_warnings() as warnings:
        try:
            yield
        except MkDocsException as err:
            warnings.append(str(err))
    if warnings:
        raise BuildFailed("the site was not built:\n" + "\n".join(f"  {line}" for line in warnings))


def _docs_stamp(config: MkDocsConfig) -> tuple:
    return tuple(sorted(file_stamps(Path(config.docs_dir))))


def topic_navs(topics, nav: list[NavEntry], prefix: str = "") -> dict[str, NavEntry]:
    """Each topic's navigation entry by its slug, under its language's prefix ("es/gout")
    (render_library lists them in topic order)."""
    return {prefix + topic.slug: entry for topic, entry in zip(topics, nav, strict=True)}


def nav_outline(items) -> tuple:
    """Titles and addresses of navigation items, to compare two builds' navigation."""
    return tuple((item.title, getattr(item, "url", None), nav_outline(item.children or ())) for item in items)


def _url(page: Page | None) -> str | None:
    return page.url if page is not None else None


def _delete_page(site_dir: Path, dest_uri: str) -> None:
    path = site_dir / dest_uri
    path.unlink(missing_ok=True)
    folder = path.parent
    while folder != site_dir and folder.is_dir() and not os.listdir(folder):
        folder.rmdir()
        folder = folder.parent
