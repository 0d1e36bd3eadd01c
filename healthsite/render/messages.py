"""Every string readers see around the content, collected into the catalogues' template
(`healthsite/locale/healthsite.pot`), and each language's catalogue brought up to date from
it: `healthsite messages`, after a change to a template's or the kinds registry's words.
A translator then fills in the new entries (Babel marks its guesses fuzzy, unused until
checked), and the tests fail while one is missing.

The strings come from the templates (`_()`, `_in()`), from the Python that renders pages
(`t()`), and from the kinds registry and tag labels, which are data.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po, write_po

from healthsite.content.kinds import KINDS
from healthsite.content.schema import TAG_LABELS
from healthsite.render.checklist import NAV_TITLE
from healthsite.render.i18n import DOMAIN, LOCALE_DIR, catalogue_path

PACKAGE = Path(__file__).parents[1]
TEMPLATE_FOLDERS = ("render/templates", "site/theme")
PYTHON_FILES = ("render/pages.py", "render/checklist.py", "site/editions.py")
KEYWORDS = {"_": None, "t": None, "_in": (2,), "gettext": None, "ngettext": (1, 2)}
TEMPLATE_PATH = LOCALE_DIR / f"{DOMAIN}.pot"


def messages() -> Catalog:
    """The catalogues' template: every string, with where it is used."""
    catalog = Catalog(domain=DOMAIN, project="healthsite", charset="utf-8")
    for folder in TEMPLATE_FOLDERS:
        for path in sorted((PACKAGE / folder).rglob("*")):
            if path.suffix in {".html", ".j2", ".xml"}:
                _extract(catalog, path, "jinja2")
    for name in PYTHON_FILES:
        _extract(catalog, PACKAGE / name, "python")
    for text, where in _registry_strings():
        catalog.add(text, locations=[(where, 0)])
    return catalog


def _extract(catalog: Catalog, path: Path, method: str) -> None:
    options = {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true"} if method == "jinja2" else {}
    method_spec = "jinja2.ext:babel_extract" if method == "jinja2" else "python"
    for line, message, comments, _ in extract_from_file(method_spec, str(path), keywords=KEYWORDS, options=options):
        catalog.add(message, locations=[(path.relative_to(PACKAGE).as_posix(), line)], auto_comments=comments)


def _registry_strings() -> Iterator[tuple[str, str]]:
    where = "content/kinds.py"
    for kind in KINDS:
        yield from ((text, where) for text in (kind.plural, kind.label, kind.list_title, kind.intro))
        for link in kind.links:
            yield link.label, where
            yield link.reverse_label, where
        for reach in kind.reaches:
            yield reach.label, where
        if kind.checklist:
            yield from ((text, where) for text in (kind.checklist.legend, kind.checklist.hint) if text)
            if kind.checklist.nudge:
                yield kind.checklist.nudge, where
            yield from ((heading, where) for _, heading in kind.checklist.results)
    yield from ((label, "content/schema.py") for label in TAG_LABELS.values())
    yield NAV_TITLE, "render/checklist.py"


def render_po(catalog: Catalog) -> str:
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, sort_output=True, include_lineno=False)
    return out.getvalue().decode("utf-8")


def update_catalogues() -> list[str]:
    """Write the template and bring every language's catalogue up to date; return what changed."""
    template = messages()
    changed = []
    if not TEMPLATE_PATH.is_file() or not _same(TEMPLATE_PATH.read_text(encoding="utf-8"), render_po(template)):
        TEMPLATE_PATH.write_text(render_po(template), encoding="utf-8")
        changed.append(TEMPLATE_PATH.relative_to(PACKAGE.parent).as_posix())
    for folder in sorted(p for p in LOCALE_DIR.iterdir() if p.is_dir()):
        path = catalogue_path(folder.name)
        with path.open("rb") as po:
            catalog = read_po(po, locale=folder.name, domain=DOMAIN)
        catalog.update(template, update_header_comment=False)
        text = render_po(catalog)
        if not _same(path.read_text(encoding="utf-8"), text):
            path.write_text(text, encoding="utf-8")
            changed.append(path.relative_to(PACKAGE.parent).as_posix())
    return changed


def _same(old: str, new: str) -> bool:
    """The same catalogue but for the dates in its header, which change on every run."""
    def entries(text: str) -> list[str]:
        return [line for line in text.splitlines() if not line.startswith(('"POT-Creation-Date', '"PO-Revision-Date'))]
    return entries(old) == entries(new)


def untranslated(language: str) -> list[str]:
    """The template's strings that the language's catalogue does not translate (or only guesses)."""
    with catalogue_path(language).open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    return [m.id for m in messages() if m.id and ((found := catalog.get(m.id)) is None or not found.string or found.fuzzy)]
