"""What search engines and link previews read: a unique title and description on every
page, a canonical address, Open Graph tags, the language, robots.txt and the sitemap."""

from __future__ import annotations

from pathlib import Path

from conftest import tags
from page_kinds import PAGE_KINDS

READ_METADATA = """() => ({
  lang: document.documentElement.lang,
  title: document.title,
  description: document.querySelector('meta[name=description]')?.content,
  canonical: document.querySelector('link[rel=canonical]')?.href,
  og: Object.fromEntries([...document.querySelectorAll('meta[property^="og:"]')]
        .map(m => [m.getAttribute('property'), m.content])),
})"""


def site_pages(site: Path) -> list[str]:
    """Every page's address relative to the site root."""
    return sorted(str(p.parent.relative_to(site)).replace(".", "", 1) + "/" if p.parent != site else ""
                  for p in site.rglob("index.html"))


def test_every_page_has_its_own_title_description_and_address(browser, built_site: Path, published_url: str) -> None:
    page = browser.new_page()
    pages = {path: (page.goto(published_url + path), page.evaluate(READ_METADATA))[1] for path in site_pages(built_site)}
    page.close()
    titles = [m["title"] for m in pages.values()]
    descriptions = [m["description"] for m in pages.values()]
    assert len(set(titles)) == len(titles), titles
    assert len(set(descriptions)) == len(descriptions), descriptions
    for path, meta in pages.items():
        assert meta["lang"] == ("es" if path.startswith("es/") else "en")
        assert meta["canonical"] and meta["canonical"].endswith("/" + path), (path, meta["canonical"])
        assert meta["og"]["og:title"] and meta["og"]["og:description"] == meta["description"]
        assert meta["og"]["og:url"] == meta["canonical"]


def test_robots_txt_points_at_a_sitemap_listing_every_page(browser, built_site: Path, published_url: str) -> None:
    page = browser.new_page()
    robots = page.goto(published_url + "robots.txt").text()
    sitemap_line = next(line for line in robots.splitlines() if line.startswith("Sitemap: "))
    assert sitemap_line.endswith("/sitemap.xml")
    sitemap = page.goto(published_url + "sitemap.xml").text()
    page.close()
    for path in site_pages(built_site):
        noted = {"name": "robots", "content": "noindex"} in tags((built_site / path / "index.html").read_text(), "meta")
        # A page standing in for one not translated yet asks not to be indexed, and is not listed.
        assert (f"/{path}</loc>" in sitemap) != noted, path


def test_not_found_page_asks_not_to_be_indexed(phone_page, published_url: str) -> None:
    phone_page.goto(published_url + PAGE_KINDS["not found"])
    assert phone_page.locator("meta[name=robots]").get_attribute("content") == "noindex"
