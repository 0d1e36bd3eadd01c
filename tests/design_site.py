"""A small site of fixed words for the design tests: one topic with every kind of page and
all three care cards, a home page and a hand-written page of its own.

The visual tests compare screenshots of it with approved images, so its words must not
change when editors change the shipped content or the owner's pages; only a change to the
design (the package theme healthsite/site/theme/, the templates) changes the screenshots.
"""

from __future__ import annotations

from pathlib import Path

from conftest import copy_project, write
from healthsite.site.build import build_site

TOPIC = """\
---
title: Sample condition
summary: A made-up condition that shows every part of a health page. It is not real.
aliases: [example illness, test condition]
reviewed: {date: 2026-11-25, by: Dr Sample Reviewer}
next_review: 2027-11-25
sources:
  - {title: Sample guide, publisher: Sample Health Service, url: 'https://example.org/guide', accessed: 2026-11-20}
  - {title: Second sample guide, publisher: Another Service, url: 'https://example.org/second', accessed: 2026-11-21}
care_cards:
  - level: non-urgent
    reasons: [the signs do not go away after two weeks, the signs keep coming back]
  - level: urgent
    reasons: [you also have a high temperature]
    source: Sample guide
  - level: immediate
    reasons: [you have sudden chest pain, you cannot breathe properly]
    source: Sample guide
---
This page is made up. It shows how a condition page looks.

Most people get better on their own within a few days. Rest and drink plenty of water.

## Outlook

Most people feel well again within a week.
"""

ITEMS = {
    "symptoms/sore-arm": ("Sore arm", "The arm aches, mostly after using it.", {"causes": "[strain]"}),
    "symptoms/high-temperature": ("High temperature", "You feel hot and shivery.", {"causes": "[infection]", "red_flag": "true"}),
    "causes/strain": ("Strain from overuse", "Using the same muscles for too long.", {"treatments": "[rest]"}),
    "causes/infection": ("An infection", "Germs get into the body and cause swelling.", {"treatments": "[rest, medicine]"}),
    "risk-factors/hard-work": ("Heavy lifting at work", "Lifting heavy things every day.", {"causes": "[strain]"}),
    "complications/lasting-pain": ("Pain that lasts", "Pain can last for months if it is not treated.", {}),
    "diagnosis/blood-test": ("Blood test", "A small sample of blood shows signs of infection.", {}),
    "treatments/rest": ("Rest", "Resting the arm for a few days helps it heal.", {}),
    "treatments/medicine": ("Medicine from a doctor", "A doctor may give you medicine for an infection.", {}),
    "prevention/warm-up": ("Warming up first", "Gentle stretching before work lowers the risk of strain.", {}),
}

HOME = """\
---
title: Sample health site
description: A fixed home page for the design tests.
comments: false
---

# Sample health site

Plain-language pages about health conditions, written for the design tests.

## Health topics A to Z

<!-- healthsite:topics -->
"""

PAGE = """\
---
title: Sample page
description: A hand-written page with fixed words for the design tests.
---

# Sample page

Site owners write pages such as this one by hand. It has a heading, a list and a
[link to the home page](index.md).

- The first point.
- The second point.
"""


def item_md(title: str, summary: str, fields: dict[str, str]) -> str:
    extra = "".join(f"{key}: {value}\n" for key, value in fields.items())
    body = f"{summary} This sample text is here to show how a longer paragraph wraps on a phone and on a wide screen."
    return f"---\ntitle: {title}\nsummary: {summary}\n{extra}---\n{body}\n"


def build_design_site(tmp: Path) -> Path:
    """Build the sample site with the project's design (config, docs/, overrides/)."""
    content = tmp / "content"
    write(content / "sample" / "topic.md", TOPIC)
    for path, (title, summary, fields) in ITEMS.items():
        write(content / "sample" / f"{path}.md", item_md(title, summary, fields))
    project = copy_project(tmp / "project", content=content)
    write(project / "docs" / "index.md", HOME)
    write(project / "docs" / "sample-page.md", PAGE)
    return build_site(config_file=project / "mkdocs.yml")


# What the visual tests photograph: one page of each kind.
DESIGN_PAGES = {
    "home": "",
    "overview": "sample/",
    "section": "sample/causes/",
    "checklist": "sample/checklist/",
    "item": "sample/causes/infection/",
    "written": "sample-page/",
    "not-found": "no-such-page/",
}
