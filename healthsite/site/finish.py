"""`healthsite finish SITE`: what the plugin does to each built page, for a site another
engine built from `healthsite render --out`. A page's own text is what the theme marks
with `<!-- hs:text -->` ... `<!-- /hs:text -->` (care cards and the rest of the theme
stand outside the markers):

  - the safety check of that text, as the plugin makes it (render --out made it on the
    Markdown already; this catches what the engine itself added): any finding stops it,
    and nothing is changed;
  - the search index (site/search/), from that text;
  - link addresses for print, and the theme's markup made valid (theme_fixes);
  - the security policy's hashes of each page's inline scripts and styles (csp);
  - a sitemap.xml, if the engine wrote none.
"""

from __future__ import annotations

import html as html_text
import re
from pathlib import Path
from urllib.parse import urljoin

from healthsite.content import safety as markup
from healthsite.content.loader import load_library
from healthsite.errors import HealthsiteError
from healthsite.render.pages import render_library
from healthsite.site.csp import allow_inline_code
from healthsite.site.export import page_url
from healthsite.site.print_links import with_print_addresses
from healthsite.site.search.index import SearchIndex
from healthsite.site.settings import content_folder
from healthsite.site.theme_fixes import fix_theme_markup

TEXT = re.compile(r"<!-- hs:text -->(.*?)<!-- /hs:text -->", re.S)
HEADING = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
TAG = re.compile(r"<[^>]+>")


def finish_site(site: Path, *, config) -> int:
    """Finish the built site in `site` in place; return the number of pages."""
    if not (site / "index.html").is_file():
        raise HealthsiteError(f"{site}: no index.html; expected a site an engine has built")
    root = Path(config.config_file_path).parent.absolute()
    library = load_library(content_folder(config), root=root)
    labels = {page_url(page.src_uri, config): page.search_label for page in render_library(library).pages}
    search = SearchIndex.for_site(root=root, library=library, language=config.theme["language"])
    finished: dict[Path, str] = {}
    problems: list[str] = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        page = path.read_text(encoding="utf-8")
        text = "".join(TEXT.findall(page))
        if text and relative != "404.html":
            problems.extend(f"{relative}: {finding.message}" for finding in markup.check_html(text, strict=False))
            url = relative.removesuffix("index.html") if config.use_directory_urls else relative
            search.add(url=url, title=_title(page), html=text, label=labels.get(url, ""))
            address = urljoin(config.site_url or "/", url)
            page = TEXT.sub(lambda part: f"<!-- hs:text -->{with_print_addresses(part.group(1), page_url=address)}<!-- /hs:text -->", page)
        finished[path] = allow_inline_code(fix_theme_markup(page))
    if problems:
        raise HealthsiteError("the site was not finished (nothing was changed):\n" + "\n".join(f"  {p}" for p in problems))
    for path, page in finished.items():
        path.write_text(page, encoding="utf-8")
    search.write(site)
    if not (site / "sitemap.xml").exists() and config.site_url:
        _write_sitemap(site, urls=sorted(search.pages), site_url=config.site_url)
    return len(search.pages)


def _title(article: str) -> str:
    heading = HEADING.search(article)
    return html_text.unescape(TAG.sub("", heading.group(1))).strip() if heading else ""


def _write_sitemap(site: Path, *, urls: list[str], site_url: str) -> None:
    entries = "".join(f"<url><loc>{html_text.escape(urljoin(site_url, url))}</loc></url>" for url in urls)
    (site / "sitemap.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>\n',
        encoding="utf-8",
    )
