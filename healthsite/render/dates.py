"""Dates as readers see them: '5 March 2027' ('5 de marzo de 2027'), for the review line
and the sources.

The theme shows these words and keeps the ISO date for `<time datetime>`. They go
into the page's meta (by the plugin, or into the front matter by `healthsite render
--out`), so templates need no filter of ours and work in any engine.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from babel.dates import format_date

from healthsite.render.i18n import DEFAULT_LANGUAGE


def human_date(date: dt.date, language: str = DEFAULT_LANGUAGE) -> str:
    """'5 March 2027': day, month name, year, as UK and international readers expect; in
    another language, its own long form (Babel's CLDR data)."""
    if language == DEFAULT_LANGUAGE:
        return f"{date.day} {date:%B %Y}"
    return format_date(date, format="long", locale=language)


def shown_dates(meta: dict[str, Any], language: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """The meta fields that hold dates, each with its words added: reviewed.shown,
    next_review_shown, hs_last_updated_shown and every source's accessed_shown."""
    shown: dict[str, Any] = {}
    if isinstance(meta.get("hs_last_updated"), dt.date):
        shown["hs_last_updated_shown"] = human_date(meta["hs_last_updated"], language)
    reviewed = meta.get("reviewed")
    if isinstance(reviewed, dict) and isinstance(reviewed.get("date"), dt.date):
        shown["reviewed"] = {**reviewed, "shown": human_date(reviewed["date"], language)}
    if isinstance(meta.get("next_review"), dt.date):
        shown["next_review_shown"] = human_date(meta["next_review"], language)
    if isinstance(meta.get("sources"), list):
        shown["sources"] = [_with_accessed(source, language) for source in meta["sources"]]
    if isinstance(meta.get("care_cards"), list):
        shown["care_cards"] = [
            {**card, "source": _with_accessed(card["source"], language)} if isinstance(card, dict) and card.get("source") else card
            for card in meta["care_cards"]
        ]
    return shown


def _with_accessed(source: Any, language: str) -> Any:
    if isinstance(source, dict) and isinstance(source.get("accessed"), dt.date):
        return {**source, "accessed_shown": human_date(source["accessed"], language)}
    return source
