"""Full link addresses for print: paper cannot follow a link, so the print stylesheet
shows each one after its text, from the `data-hs-href` attribute added here."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

_LINK = re.compile(r'<a\b(?![^>]*\sdata-hs-href=)(?P<attrs>[^>]*?\shref="(?P<href>[^"]*)")')  # once per link


def with_print_addresses(html: str, *, page_url: str | None) -> str:
    """Article HTML whose links carry their absolute address (relative ones need `page_url`)."""

    def annotate(match: re.Match[str]) -> str:
        address = _absolute(match["href"], page_url=page_url)
        if address is None:
            return match[0]
        return f'<a data-hs-href="{address}"{match["attrs"]}'

    return _LINK.sub(annotate, html)


def _absolute(href: str, *, page_url: str | None) -> str | None:
    if not href or href.startswith(("#", "javascript:")):
        return None  # a jump within the page has no address worth printing
    if urlsplit(href).scheme:
        return href
    return urljoin(page_url, href) if page_url else None
