"""The theme's words in the page's language: its templates call `_()`, as the generated
pages' do (render/i18n.py), in the language the plugin records in each page's meta
(`hs_language`). Material's own words follow the same language (theme/partials/language.html).

The plugin installs it; a site built by another engine from `healthsite render --out` names
this module as an MkDocs hook, which runs its `on_env`.
"""

from __future__ import annotations

from healthsite.render import i18n


def language_of(context) -> str:
    """The language of the page being rendered; 404.html, which has no page, is in the site's."""
    page, config = context.get("page"), context.get("config")
    meta = getattr(page, "meta", None) or {}
    return meta.get("hs_language") or (config.theme["language"] if config else i18n.DEFAULT_LANGUAGE)


def install_gettext(env) -> None:
    """In place of the translations MkDocs installs for its own themes (Material uses none)."""
    i18n.install(env, language_of)


def on_env(env, config, files):  # as an MkDocs hook
    install_gettext(env)
    return env
