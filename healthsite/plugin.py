"""The MkDocs adapter: adds the generated pages and navigation to a normal MkDocs build.

With this plugin in mkdocs.yml, plain `mkdocs build` and `mkdocs serve` work, and
`serve` reloads when content/ changes.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from healthsite.csp import allow_inline_scripts
from healthsite.errors import ContentError
from healthsite.loader import load_library
from healthsite.model import Library
from healthsite.print_links import with_print_addresses
from healthsite.render import TOPIC_INDEX_MARKER, RenderedSite, render_library, topic_index
from healthsite.seo import robots_txt


class HealthsiteConfig(Config):
    content_dir = config_options.Type(str, default="content")


class HealthsitePlugin(BasePlugin[HealthsiteConfig]):
    library: Library | None = None
    rendered: RenderedSite | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.library = load_library(self._content_dir(config), root=self._root(config))
        except ContentError as err:
            raise PluginError(err.message) from None
        self.rendered = render_library(self.library)
        config.nav = _with_topics(config.nav, self.rendered.nav)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.rendered is not None
        docs_dir = Path(config.docs_dir)
        for page in self.rendered.pages:
            if files.get_file_from_path(page.src_uri) is not None:
                raise PluginError(f"{Path(config.docs_dir).name}/{page.src_uri} clashes with a generated page; rename one of them")
            file = File.generated(config, page.src_uri, content=page.markdown)
            # "Edit this page" opens the content file, not the generated page. MkDocs joins
            # this onto repo_url + edit_uri, so a path relative to docs/ works for any repo.
            file.edit_uri = (
                Path(os.path.relpath(self._root(config) / page.edit_path, docs_dir)).as_posix()
                if page.edit_path
                else None
            )
            files.append(file)
        if files.get_file_from_path("robots.txt") is None:  # an owner's docs/robots.txt wins
            files.append(File.generated(config, "robots.txt", content=robots_txt(site_url=config.site_url)))
        return files

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        """Hand-written pages can list the topics by holding the marker."""
        if TOPIC_INDEX_MARKER in markdown:
            assert self.library is not None
            markdown = markdown.replace(TOPIC_INDEX_MARKER, topic_index(self.library, from_uri=page.file.src_uri))
        return markdown

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        return with_print_addresses(html, page_url=page.canonical_url)

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        return allow_inline_scripts(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return allow_inline_scripts(output_content)  # 404.html is a template, not a page

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        server.watch(str(self._content_dir(config)))
        return server

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent.absolute()

    def _content_dir(self, config: MkDocsConfig) -> Path:
        return self._root(config) / self.config.content_dir


def _with_topics(nav: list | None, topics: list) -> list:
    """Insert the topics after the home page of the hand-written navigation."""
    if not nav:
        return ["index.md", *topics]
    return [nav[0], *topics, *nav[1:]]
