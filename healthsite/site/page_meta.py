"""What the theme reads from a page's meta that its front matter does not hold: the review
line of a hand-written page, its JSON-LD, when it last changed, and dates in words.

One function for both ways pages are made: the plugin calls it for each page as MkDocs
builds it, and `healthsite render --out` writes its result into the front matter, for an
engine that runs no plugins.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from healthsite.check.quality import page_review
from healthsite.content.model import Review
from healthsite.render import jsonld
from healthsite.render.dates import shown_dates


class PageMetaError(ValueError):
    """The page's own review fields are wrong; the message says which and what was expected."""


def completed_meta(meta: dict[str, Any], *, title: str, url: str, language: str,
                   site_review: tuple[Review, dt.date] | None, last_updated: dt.date | None,
                   breadcrumb: dict[str, Any] | None = None) -> dict[str, Any]:
    """`meta` with the fields the theme reads added. A hand-written page (no structured_data
    of its own) gets its review line and a MedicalWebPage from its fields or the site's default."""
    meta = dict(meta)
    if last_updated is not None:
        meta["hs_last_updated"] = last_updated
    if "structured_data" not in meta:
        meta.update(_hand_written(meta, title=title, site_review=site_review))
    extra = {"breadcrumb": breadcrumb} if breadcrumb else {}
    meta["hs_jsonld"] = jsonld.script_text(meta["structured_data"], url=url, inLanguage=language, **extra)
    meta.update(shown_dates(meta, language))
    return meta


def _hand_written(meta: dict[str, Any], *, title: str, site_review: tuple[Review, dt.date] | None) -> dict[str, Any]:
    review = page_review(meta, default=site_review)
    if isinstance(review, str):
        raise PageMetaError(review)
    reviewed, next_review = review
    return {
        "reviewed": {"date": reviewed.date, "by": reviewed.by},
        "next_review": next_review,
        "structured_data": jsonld.web_page(name=title, description=meta.get("description"), reviewed=reviewed,
                                           about={"@type": "Thing", "name": title}),
    }
