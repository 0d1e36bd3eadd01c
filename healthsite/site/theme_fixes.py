"""Fixes to the theme's own markup that its templates cannot reach.

Material writes a few things outside any block or partial we can override: the toggles at
the top of <body>, and the names of nested navigation. Each fix below is one small,
exact rewrite of a built page. If Material changes that markup, the rewrite stops
matching and the tests that motivated it fail (axe's landmark-unique rule,
tests/test_html_valid.py), so nothing regresses silently.
"""

from __future__ import annotations

import html
import re

# A nested navigation and the title label inside it, as Material writes them (partials/nav-item.html).
_NESTED_NAV = re.compile(
    r'(<nav class="md-nav" data-md-level="\d+") aria-labelledby="[^"]*"'
    r'(?P<rest>[^>]*>\s*<label class="md-nav__title" for="[^"]*">(?P<title>.*?)</label>)',
    re.S,
)
_TAG = re.compile(r"<[^>]+>")
# Material's drawer and search toggles (base.html): checkboxes, which may not carry autocomplete.
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle" data-md-toggle="\w+" type="checkbox" id="\w+") autocomplete="off"')
# The table of contents' title, a label for the drawer's "__toc" toggle, which Material
# leaves out on a section's own index page.
_TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">(?P<title>.*?)</label>', re.S)


def fix_theme_markup(page_html: str) -> str:
    """The page with Material's markup made valid HTML and its landmarks told apart."""
    page_html = _name_nested_navigation(page_html)
    page_html = _TOGGLE_AUTOCOMPLETE.sub(r"\1", page_html)
    if 'id="__toc"' not in page_html:
        page_html = _TOC_LABEL.sub(r'<div class="md-nav__title">\g<title></div>', page_html)
    return page_html


def _name_nested_navigation(page_html: str) -> str:
    """Give each nested navigation its section's title as its name. Material names it after
    the section's toggle, which with navigation.indexes holds only an icon, so screen
    readers met several navigation landmarks with the same empty name."""

    def named(match: re.Match[str]) -> str:
        title = " ".join(_TAG.sub("", match["title"]).split())
        return f'{match[1]} aria-label="{html.escape(html.unescape(title))}"{match["rest"]}'

    return _NESTED_NAV.sub(named, page_html)
