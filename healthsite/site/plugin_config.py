"""The healthsite plugin's settings in mkdocs.yml (`plugins: - healthsite: ...`), checked
when MkDocs loads them, and the comment settings it checks in `extra.comments`."""

from __future__ import annotations

import datetime as dt

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError

from healthsite.check.readability import EASE_FORMULAS
from healthsite.site.brand import BrandColour

GISCUS_SETTINGS = ("repo", "repo_id", "category", "category_id")


class LanguageConfig(Config):
    code = config_options.Choice(tuple(EASE_FORMULAS))  # a language with a reading-ease formula of its own
    name = config_options.Type(str)  # as its readers write it: "Español"
    # The lowest reading ease a page may have (Fernández Huerta for Spanish: 0 to 100,
    # higher is easier; 60 to 70 is "normal", as the English limit of grade 10 roughly is).
    reading_ease_minimum = config_options.Type((int, float), default=60)
    # The titles of mkdocs.yml's nav sections in this language ("About this site": "Sobre este sitio").
    nav_titles = config_options.Type(dict, default={})
    # What the search box says when it finds nothing (extra.urgent_help, in this language).
    urgent_help = config_options.Optional(config_options.Type(str))
    # The site's name and owner's line in this language (site_name and copyright).
    site_name = config_options.Optional(config_options.Type(str))
    copyright = config_options.Optional(config_options.Type(str))


class HealthsiteConfig(Config):
    content_dir = config_options.Type(str, default="content")
    # Trust checks (see healthsite.check.quality). allow_overdue is for local previews only.
    allow_overdue = config_options.Type(bool, default=False)
    review_warning_days = config_options.Type(int, default=30)
    reading_grade_limit = config_options.Type((int, float), default=10)
    # The review shown on hand-written pages (docs/) whose front matter has none.
    reviewed = config_options.Optional(config_options.Type(dict))
    next_review = config_options.Optional(config_options.Type(dt.date))
    # The stylesheet minified into every page's <head>, so that a reader's phone can show the
    # page without waiting for one more file (theme/main.html): the package's, unless the
    # site's docs/ has a file at this path.
    inline_css = config_options.Type(str, default="assets/healthsite.css")
    # The home page's A-Z shows each topic's summary up to this many topics, then titles
    # only (as large health A-Zs do), so its first view stays within the weight budget.
    az_summaries_up_to = config_options.Type(int, default=100)
    # The owner's colour for the header, links and buttons; it must reach 7:1 against white.
    brand_colour = BrandColour()
    # The hand-written pages the footer links to on every page, in this order.
    footer_pages = config_options.ListOfItems(config_options.Type(str), default=[
        "about.md", "contact.md", "privacy.md", "disclaimer.md", "editorial-policy.md", "accessibility.md",
    ])
    # More languages than the site's own (theme.language): their translations, beside the
    # content, are checked (check/translations.py) and published under /<code>/ (site/languages.py).
    languages = config_options.ListOfItems(config_options.SubConfig(LanguageConfig), default=[])
    # A page with no translation yet: "note" publishes a short page in its place that links
    # the original; "leave out" publishes nothing, and lists and links leave it out too.
    untranslated = config_options.Choice(("note", "leave out"), default="note")



def check_comments_settings(comments: dict) -> None:
    """extra.comments in mkdocs.yml: off by default, or Giscus with its four ids."""
    provider = comments.get("provider", "none")
    if provider not in {"none", "giscus"}:
        raise PluginError(f"mkdocs.yml: extra.comments.provider: expected 'none' or 'giscus', got {provider!r}")
    missing = [name for name in GISCUS_SETTINGS if provider == "giscus" and not comments.get(name)]
    if missing:
        raise PluginError(f"mkdocs.yml: extra.comments: Giscus needs {', '.join(missing)} (see giscus.app for the ids)")
