"""The words around the content, in each language the site is published in: one gettext
catalogue per language, `healthsite/locale/<language>/LC_MESSAGES/healthsite.po`, read with
Babel. Translators know the format, and its tools (Poedit, Weblate) open it.

English is the language the strings are written in, so it needs no catalogue. The
generated pages' templates (render/templates) and the theme's (site/theme, installed by
site/theme_i18n.py) call `_()`; Python code calls `gettext_for(language)`. `healthsite
messages` collects every string into healthsite.pot and updates each catalogue from it.
"""

from __future__ import annotations

import functools
import gettext
import io
from collections.abc import Callable
from pathlib import Path

import jinja2
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DEFAULT_LANGUAGE = "en"
DOMAIN = "healthsite"
LOCALE_DIR = Path(__file__).parents[1] / "locale"


def catalogue_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(language: str) -> gettext.NullTranslations:
    """The language's catalogue; English (and a language without one) says every string as written.
    Fuzzy entries (Babel's guesses, not yet checked by a translator) are left out."""
    path = catalogue_path(language)
    if language == DEFAULT_LANGUAGE or not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def gettext_for(language: str) -> Callable[[str], str]:
    return translations(language).gettext


@functools.cache
def markdown_templates(language: str) -> jinja2.Environment:
    """The generated pages' templates (render/templates), their `_()` in `language`."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("healthsite.render", "templates"),
        autoescape=False,  # the output is Markdown; MkDocs escapes when it renders HTML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(translations(language), newstyle=True)
    return env


def install(env: jinja2.Environment, language_of: Callable[[jinja2.runtime.Context], str]) -> None:
    """Give `env`'s templates `_()` and `ngettext()`, in the language `language_of` finds for
    the page being rendered."""
    env.add_extension("jinja2.ext.i18n")

    @jinja2.pass_context
    def page_gettext(context, message: str) -> str:
        return translations(language_of(context)).gettext(message)

    @jinja2.pass_context
    def page_ngettext(context, singular: str, plural: str, n: int) -> str:
        return translations(language_of(context)).ngettext(singular, plural, n)

    env.install_gettext_callables(page_gettext, page_ngettext, newstyle=True)
    env.globals["_in"] = lambda language, message: translations(language).gettext(message)  # a language named
