"""The packaged design and how a site uses it: `theme/` (templates, partials, scripts, the
stylesheet) goes between the site's own overrides/ (theme.custom_dir) and Material, and
its stylesheet is minified into every page's <style> (one request fewer before a phone can
show the page). The plugin and `healthsite render --out` both use it.
"""

from __future__ import annotations

from pathlib import Path

import csscompressor

THEME_DIR = Path(__file__).with_name("theme")


class StylesheetError(ValueError):
    """The stylesheet is missing or cannot go inside a <style> element."""


def layer_theme(theme) -> None:
    """Put the packaged design into MkDocs' theme folders, under the site's custom_dir."""
    if str(THEME_DIR) not in theme.dirs:
        theme.dirs.insert(1 if theme.custom_dir else 0, str(THEME_DIR))


def inline_stylesheet(src_uri: str, *, docs_dir: Path, custom_dir: str | None, root: Path) -> str:
    """The stylesheet at `src_uri`, minified: the site's docs/ first, then its overrides/, then
    the package's theme (as MkDocs looks for a file); `root` is what paths are shown from."""
    folders = [docs_dir, *([Path(custom_dir)] if custom_dir else []), THEME_DIR]
    path = next((folder / src_uri for folder in folders if (folder / src_uri).is_file()), None)
    if path is None:
        raise StylesheetError(f"mkdocs.yml: plugins.healthsite.inline_css: no file {src_uri} in {docs_dir.name}/ or the theme")
    css = csscompressor.compress(path.read_text(encoding="utf-8"))
    if "</" in css:  # would end the <style> element early
        shown = path.relative_to(root) if path.is_relative_to(root) else path
        raise StylesheetError(f"{shown.as_posix()}: '</' may not appear in the stylesheet")
    return css
