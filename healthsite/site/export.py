"""`healthsite render --out DIR`: the whole site as plain files, for an engine that runs no
MkDocs plugins (Zensical, plain MkDocs).

The folder holds what the plugin would add while MkDocs builds, written out beforehand:
  - docs/: the site's own pages and every generated page, their front matter completed with
    what the theme reads (review line, dates in words, JSON-LD, last update), the A-Z on the
    home page, robots.txt;
  - theme/: the packaged design with the site's overrides/ copied over it;
  - mkdocs.yml: the site's settings without the healthsite plugin, with the topics' nav, the
    inlined stylesheet and the footer's pages in `extra`;
  - hooks/: the theme's words in the site's language (site/theme_i18n.py), as an MkDocs hook.
The folder holds the site in its default language only: a second language needs the plugin.
Build it with the engine, then run `healthsite finish SITE` for what only the built HTML
allows: the search index, the security policy's hashes and the safety check.
"""

from __future__ import annotations

import copy
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin

import markdown
import yaml
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load

from healthsite.content import safety as markup
from healthsite.content.loader import load_library
from healthsite.content.slugs import TRANSLATION_NAME
from healthsite.errors import HealthsiteError
from healthsite.render import jsonld
from healthsite.render.az import TOPIC_INDEX_MARKER, topic_index
from healthsite.render.pages import render_library
from healthsite.site.brand import brand_css
from healthsite.site.build import staged
from healthsite.site.dates import read_git_dates
from healthsite.site.navigation import Crumb, nav_breadcrumbs, with_topics
from healthsite.site.page_meta import PageMetaError, completed_meta
from healthsite.site.plugin_checks import site_review
from healthsite.site.seo import robots_txt
from healthsite.site.settings import content_folder
from healthsite.site.theme_layer import THEME_DIR, StylesheetError, inline_stylesheet

MARKER = ".healthsite-render"  # names a folder this command wrote, so it may replace it


@dataclass(frozen=True, slots=True)
class _Page:
    meta: dict
    body: str
    date_source: Path  # the file (or folder) whose last change is the page's
    source: str  # the file an editor changes to fix the page, as problems name it
    generated: bool = False
    edit_path: Path | None = None  # a generated page's content file, which "Edit this page" opens


def export_site(config, *, out: Path) -> int:
    """Write the site for a plugin-less engine into `out` (replaced whole); return the page count."""
    out = out.absolute()
    _refuse_to_replace(out)
    root = Path(config.config_file_path).parent.absolute()
    plugin = config.plugins["healthsite"]
    library = load_library(content_folder(config), root=root)
    pages = _pages(config, library=library, root=root, az_summaries=len(library.topics) <= plugin.config.az_summaries_up_to)
    settings = yaml_load(Path(config.config_file_path).read_text(encoding="utf-8"))
    settings["nav"] = with_topics(settings.get("nav"), render_library(library).nav)
    trails = nav_breadcrumbs(settings["nav"], url_of=lambda uri: page_url(uri, config), title_of=lambda uri: _title(pages[uri]))
    with staged(out) as staging:
        shutil.copytree(config.docs_dir, staging / "docs", ignore=shutil.ignore_patterns("*.md"))
        _write_pages(staging / "docs", pages, config=config, root=root, site_review=site_review(plugin.config), trails=trails)
        if not (staging / "docs" / "robots.txt").exists():
            (staging / "docs" / "robots.txt").write_text(robots_txt(site_url=config.site_url), encoding="utf-8")
        _write_theme(staging / "theme", custom_dir=config.theme.custom_dir)
        _complete_settings(settings, config=config, pages=pages, root=root, docs=staging / "docs")
        (staging / "mkdocs.yml").write_text(yaml.safe_dump(settings, sort_keys=False, allow_unicode=True), encoding="utf-8")
        (staging / "hooks").mkdir()  # the theme's words (site/theme_i18n.py), which an MkDocs engine runs as a hook
        (staging / "hooks" / "healthsite_words.py").write_text("from healthsite.site.theme_i18n import on_env  # noqa: F401\n",
                                                             encoding="utf-8")
        (staging / MARKER).write_text("Written by healthsite render --out; replaced whole by the next run.\n", encoding="utf-8")
    return len(pages)


def _refuse_to_replace(out: Path) -> None:
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise HealthsiteError(f"will not write into {out}: it holds files that healthsite render did not write; choose a new folder")


def _pages(config, *, library, root: Path, az_summaries: bool) -> dict[str, _Page]:
    """Every page by its path in docs/: the site's own, then the generated ones."""
    docs = Path(config.docs_dir)
    pages: dict[str, _Page] = {}
    for path in sorted(docs.rglob("*.md")):
        if TRANSLATION_NAME.match(path.name):  # the site in its default language only (see the module's doc)
            continue
        src_uri = path.relative_to(docs).as_posix()
        body, meta = get_data(path.read_text(encoding="utf-8"))
        if TOPIC_INDEX_MARKER in body:
            body = body.replace(TOPIC_INDEX_MARKER, topic_index(library, from_uri=src_uri, summaries=az_summaries))
            meta["hs_library"] = True
        pages[src_uri] = _Page(meta=meta, body=body, date_source=path, source=f"{docs.name}/{src_uri}")
    for page in render_library(library).pages:
        if page.src_uri in pages:
            raise HealthsiteError(f"{docs.name}/{page.src_uri} clashes with a generated page; rename one of them")
        body, meta = page.markdown, copy.deepcopy(page.meta)
        source = root / (page.edit_path or Path(content_folder(config), page.src_uri).parent)
        shown = page.edit_path.as_posix() if page.edit_path else f"(generated page {page.src_uri})"
        pages[page.src_uri] = _Page(meta=meta, body=body, date_source=source, source=shown, generated=True,
                                    edit_path=root / page.edit_path if page.edit_path else None)
    return pages


def _write_pages(docs: Path, pages: dict[str, _Page], *, config, root: Path, site_review,
                 trails: dict[str, tuple[Crumb, ...]]) -> None:
    dates = read_git_dates(root)
    problems = _unsafe_markup(pages, config=config)
    for src_uri, page in pages.items():
        url = urljoin(config.site_url or "/", page_url(src_uri, config))
        trail = trails.get(src_uri, ())
        try:
            meta = completed_meta(page.meta, title=_title(page), url=url, language=config.theme["language"],
                                  site_review=site_review, last_updated=dates.last_changed(page.date_source, root=root),
                                  breadcrumb=jsonld.breadcrumb_list([(c.title, urljoin(config.site_url, c.url)) for c in trail])
                                  if trail and config.site_url else None)
            meta["hs_breadcrumbs"] = [{"title": crumb.title, "url": crumb.url} for crumb in trail]
            if page.generated:  # "Edit this page" opens its content file, or is not there
                meta["hs_edit_url"] = _edit_url(page.edit_path, config=config)
        except PageMetaError as err:
            problems.append(f"{page.source}: {err}")
            continue
        path = docs / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
        path.write_text(f"---\n{front}---\n{page.body}", encoding="utf-8")
    if problems:
        raise HealthsiteError("the site was not written:\n" + "\n".join(f"  {p}" for p in problems))


def _edit_url(path: Path | None, *, config) -> str:
    """As MkDocs makes an edit address, for a file outside docs/ (the plugin's `file.edit_uri`)."""
    if path is None or not config.repo_url or not config.edit_uri:
        return ""
    relative = Path(os.path.relpath(path, config.docs_dir)).as_posix()
    return urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri + relative)


def _unsafe_markup(pages: dict[str, _Page], *, config) -> list[str]:
    """The plugin's last gate, on the same HTML: each page's text as Markdown makes it."""
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    problems = []
    for src_uri, page in pages.items():
        findings = markup.check_html(converter.reset().convert(page.body), strict=False)
        problems.extend(f"{page.source}: {finding.message}" for finding in findings)
    return problems


def _write_theme(theme: Path, *, custom_dir: str | None) -> None:
    """The packaged design, with the site's own overrides copied over it."""
    shutil.copytree(THEME_DIR, theme, ignore=shutil.ignore_patterns("__pycache__", "README*"))
    if custom_dir:
        shutil.copytree(custom_dir, theme, dirs_exist_ok=True, ignore=shutil.ignore_patterns("README*"))


def _complete_settings(settings: dict, *, config, pages: dict[str, _Page], root: Path, docs: Path) -> None:
    """The site's mkdocs.yml (its !ENV values as they are now, the topics in its nav), made
    ready for an engine without our plugin."""
    plugin = config.plugins["healthsite"]
    settings["plugins"] = [p for p in settings.get("plugins", []) if "healthsite" not in (p if isinstance(p, str) else p)]
    settings.update(docs_dir="docs", site_dir="site", hooks=["hooks/healthsite_words.py"])
    settings["theme"]["custom_dir"] = "theme"
    # Zensical: Material's look and classes, which our templates and stylesheet build on (MkDocs ignores it).
    settings["theme"].setdefault("variant", "classic")
    favicon = settings["theme"].get("favicon", "")
    if favicon.startswith("data:image/svg+xml,"):  # Zensical would prefix it with './', as if it were a file
        (docs / "assets").mkdir(exist_ok=True)
        (docs / "assets" / "favicon.svg").write_text(unquote(favicon.partition(",")[2]), encoding="utf-8")
        settings["theme"]["favicon"] = "assets/favicon.svg"

    try:
        stylesheet = inline_stylesheet(plugin.config.inline_css, docs_dir=Path(config.docs_dir),
                                       custom_dir=config.theme.custom_dir, root=root)
    except StylesheetError as err:
        raise HealthsiteError(str(err)) from None
    missing = [uri for uri in plugin.config.footer_pages if uri not in pages]
    if missing:
        raise HealthsiteError(f"mkdocs.yml: plugins.healthsite.footer_pages: no page {Path(config.docs_dir).name}/{missing[0]}")
    settings.setdefault("extra", {}).update(
        hs_inline_css=stylesheet + brand_css(plugin.config.brand_colour),
        hs_footer_pages=[{"title": _title(pages[uri]), "url": page_url(uri, config)} for uri in plugin.config.footer_pages],
    )


def page_url(src_uri: str, config) -> str:
    """The page's address relative to the site's root, as MkDocs gives it."""
    return File(src_uri, src_dir=None, dest_dir="", use_directory_urls=config.use_directory_urls).url


def _title(page: _Page) -> str:
    heading = re.search(r"^# (.+)$", page.body, re.M)
    return str(page.meta.get("title") or (heading.group(1).strip() if heading else ""))
