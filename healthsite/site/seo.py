"""Files for search engines that MkDocs does not write itself (it already writes sitemap.xml)."""

from __future__ import annotations


def robots_txt(*, site_url: str | None) -> str:
    """Every page may be indexed; the sitemap (which needs site_url) lists them all."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines += ["", f"Sitemap: {site_url.rstrip('/')}/sitemap.xml"]
    return "\n".join(lines) + "\n"
