"""One example address of every kind of page on the shipped site, relative to the site root.

Taken from the shipped content, so the pages exist whatever the editors name them.
"""

from __future__ import annotations

from conftest import ROOT
from healthsite.content.loader import load_library
from healthsite.content.model import Section


def page_kinds() -> dict[str, str]:
    topic = load_library(ROOT / "content", root=ROOT).topics[0]
    kinds = {
        "home": "",
        "topic overview": f"{topic.slug}/",
        "section list": f"{topic.slug}/{Section.CAUSES.value}/",
        "checklist": f"{topic.slug}/checklist/",
    }
    for section in Section:
        item = topic.section(section)[0]
        kinds[section.value.rstrip("s")] = f"{topic.slug}/{section.value}/{item.slug}/"
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
