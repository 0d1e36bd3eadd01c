"""The site's stylesheet, minified to go inside every page's <style> (one request fewer
before a phone can show the page)."""

from __future__ import annotations

from pathlib import Path

import csscompressor


class StylesheetError(ValueError):
    """The stylesheet cannot go inside a <style> element."""


def minified_css(path: Path, *, root: Path) -> str:
    """The stylesheet at `path`, minified; `root` is what its path is shown relative to."""
    css = csscompressor.compress(path.read_text(encoding="utf-8"))
    if "</" in css:  # would end the <style> element early
        shown = path.relative_to(root) if path.is_relative_to(root) else path
        raise StylesheetError(f"{shown.as_posix()}: '</' may not appear in the stylesheet")
    return css
