"""`healthsite render --out DIR`: the whole site as plain files, for an engine that runs no
MkDocs plugins (Zensical, plain MkDocs).

The folder holds what the plugin would add while MkDocs builds, written out beforehand:
  - docs/: the site's own pages and every generated page, their front matter completed with
    what the theme reads (review line, dates in words, JSON-LD, last update), the A-Z on the
    home page, robots.txt;
  - theme/: the packaged design with the site's overrides/ copied over it;
  - mkdocs.yml: the site's settings without the healthsite plugin, with the topics' nav, the
    inlined stylesheet and the footer's pages in `extra`.
Build it with the engine, then run `healthsite finish SITE` for what only the built HTML
allows: the search index, the security policy's hashes and the safety check.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import markdown
import yaml
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load

from healthsite.content import safety as markup
from healthsite.content.loader import load_library
from healthsite.errors import HealthsiteError
from healthsite.render.pages import TOPIC_INDEX_MARKER, render_library, topic_index
from healthsite.site.brand import brand_css
from healthsite.site.build import swap_in
from healthsite.site.dates import read_git_dates
from healthsite.site.page_meta import PageMetaError, completed_meta
from healthsite.site.plugin import THEME_DIR, with_topics
from healthsite.site.seo import robots_txt
from healthsite.site.settings import content_folder
from healthsite.site.stylesheet import StylesheetError, minified_css

MARKER = ".healthsite-render"  # names a folder this command wrote, so it may replace it


@dataclass(frozen=True, slots=True)
class _Page:
    meta: dict
    body: str
    date_source: Path  # the file (or folder) whose last change is the page's
    source: str  # the file an editor changes to fix the page, as problems name it


def export_site(config, *, out: Path) -> int:
    """Write the site for a plugin-less engine into `out` (replaced whole); return the page count."""
    out = out.absolute()
    _refuse_to_replace(out)
    root = Path(config.config_file_path).parent.absolute()
    plugin = config.plugins["healthsite"]
    library = load_library(content_folder(config), root=root)
    pages = _pages(config, library=library, root=root, az_summaries=len(library.topics) <= plugin.config.az_summaries_up_to)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    try:
        shutil.copytree(config.docs_dir, staging / "docs", ignore=shutil.ignore_patterns("*.md"))
        _write_pages(staging / "docs", pages, config=config, root=root, site_review=plugin.site_review())
        if not (staging / "docs" / "robots.txt").exists():
            (staging / "docs" / "robots.txt").write_text(robots_txt(site_url=config.site_url), encoding="utf-8")
        _write_theme(staging / "theme", custom_dir=config.theme.custom_dir)
        settings = _settings(config, library=library, pages=pages, root=root, staging=staging)
        (staging / "mkdocs.yml").write_text(yaml.safe_dump(settings, sort_keys=False, allow_unicode=True), encoding="utf-8")
        (staging / MARKER).write_text("Written by healthsite render --out; replaced whole by the next run.\n", encoding="utf-8")
        staging.chmod(0o755)
        swap_in(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return len(pages)


def _refuse_to_replace(out: Path) -> None:
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise HealthsiteError(f"will not write into {out}: it holds files that healthsite render did not write; choose a new folder")


def _pages(config, *, library, root: Path, az_summaries: bool) -> dict[str, _Page]:
    """Every page by its path in docs/: the site's own, then the generated ones."""
    docs = Path(config.docs_dir)
    pages: dict[str, _Page] = {}
    for path in sorted(docs.rglob("*.md")):
        src_uri = path.relative_to(docs).as_posix()
        body, meta = get_data(path.read_text(encoding="utf-8"))
        if TOPIC_INDEX_MARKER in body:
            body = body.replace(TOPIC_INDEX_MARKER, topic_index(library, from_uri=src_uri, summaries=az_summaries))
            meta["hs_library"] = True
        pages[src_uri] = _Page(meta=meta, body=body, date_source=path, source=f"{docs.name}/{src_uri}")
    for page in render_library(library).pages:
        if page.src_uri in pages:
            raise HealthsiteError(f"{docs.name}/{page.src_uri} clashes with a generated page; rename one of them")
        body, meta = get_data(page.markdown)
        source = root / (page.edit_path or Path(content_folder(config), page.src_uri).parent)
        shown = page.edit_path.as_posix() if page.edit_path else f"(generated page {page.src_uri})"
        pages[page.src_uri] = _Page(meta=meta, body=body, date_source=source, source=shown)
    return pages


def _write_pages(docs: Path, pages: dict[str, _Page], *, config, root: Path, site_review) -> None:
    dates = read_git_dates(root)
    problems = _unsafe_markup(pages, config=config)
    for src_uri, page in pages.items():
        url = urljoin(config.site_url or "/", page_url(src_uri, config))
        try:
            meta = completed_meta(page.meta, title=_title(page), url=url, language=config.theme["language"],
                                  site_review=site_review, last_updated=dates.last_changed(page.date_source, root=root))
        except PageMetaError as err:
            problems.append(f"{page.source}: {err}")
            continue
        path = docs / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
        path.write_text(f"---\n{front}---\n{page.body}", encoding="utf-8")
    if problems:
        raise HealthsiteError("the site was not written:\n" + "\n".join(f"  {p}" for p in problems))


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


def _settings(config, *, library, pages: dict[str, _Page], root: Path, staging: Path) -> dict:
    """The site's mkdocs.yml (with its !ENV values as they are now), for an engine without our plugin."""
    plugin = config.plugins["healthsite"]
    settings = yaml_load(Path(config.config_file_path).read_text(encoding="utf-8"))
    settings["plugins"] = [p for p in settings.get("plugins", []) if "healthsite" not in (p if isinstance(p, str) else p)]
    settings["nav"] = with_topics(settings.get("nav"), render_library(library).nav)
    settings.update(docs_dir="docs", site_dir="site")
    settings["theme"]["custom_dir"] = "theme"
    stylesheet = _stylesheet(plugin.config.inline_css, docs=Path(config.docs_dir), root=root)
    missing = [uri for uri in plugin.config.footer_pages if uri not in pages]
    if missing:
        raise HealthsiteError(f"mkdocs.yml: plugins.healthsite.footer_pages: no page {Path(config.docs_dir).name}/{missing[0]}")
    settings.setdefault("extra", {}).update(
        hs_inline_css=stylesheet + brand_css(plugin.config.brand_colour),
        hs_footer_pages=[{"title": _title(pages[uri]), "url": page_url(uri, config)} for uri in plugin.config.footer_pages],
    )
    return settings


def _stylesheet(src_uri: str, *, docs: Path, root: Path) -> str:
    path = docs / src_uri if (docs / src_uri).is_file() else THEME_DIR / src_uri
    if not path.is_file():
        raise HealthsiteError(f"mkdocs.yml: plugins.healthsite.inline_css: no file {src_uri} in {docs.name}/ or the theme")
    try:
        return minified_css(path, root=root)
    except StylesheetError as err:
        raise HealthsiteError(str(err)) from None


def page_url(src_uri: str, config) -> str:
    """The page's address relative to the site's root, as MkDocs gives it."""
    return File(src_uri, src_dir=None, dest_dir="", use_directory_urls=config.use_directory_urls).url


def _title(page: _Page) -> str:
    heading = re.search(r"^# (.+)$", page.body, re.M)
    return str(page.meta.get("title") or (heading.group(1).strip() if heading else ""))
