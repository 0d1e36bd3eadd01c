"""One example address of every kind of page on the shipped site, relative to the site root.

Taken from the shipped content, so the pages exist whatever the editors name them.
"""

from __future__ import annotations

from conftest import ROOT
from healthsite.content.loader import load_library
from healthsite.content.kinds import KINDS


def page_kinds() -> dict[str, str]:
    # The sample topic with every kind of item page (Gout), so each kind is covered.
    topic = max(load_library(ROOT / "content", root=ROOT).topics, key=lambda t: len(t.kinds()))
    kinds = {
        "home": "",
        "topic overview": f"{topic.slug}/",
        "section list": f"{topic.slug}/causes/",
        "checklist": f"{topic.slug}/checklist/",
    }
    for kind in KINDS:
        item = topic.of_kind(kind)[0]
        kinds[kind.command] = f"{topic.slug}/{kind.folder}/{item.slug}/"
    kinds |= {
        "about": "about/",
        "editorial policy": "editorial-policy/",
        "privacy": "privacy/",
        "disclaimer": "disclaimer/",
        "contact": "contact/",
        "advertising": "advertising/",
        "not found": "no-such-page/",
    }
    return kinds


PAGE_KINDS = page_kinds()
ITEM_PAGE = PAGE_KINDS["cause"]
