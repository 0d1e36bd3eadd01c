"""schema.org structured data (JSON-LD) for every page, built as plain dicts.

The renderer puts each generated page's data in its front matter; the plugin adds
what only the site knows (the page's address and language) and serialises it for
the page's <head>. Hand-written pages get a page-level object from their own
front matter.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from healthsite.content.model import Item, Review, Section, Source, Topic

# The schema.org type for the thing each item page is about.
ITEM_TYPES = {
    Section.SYMPTOMS: "MedicalSignOrSymptom",
    Section.CAUSES: "MedicalCause",
    Section.TREATMENTS: "MedicalTherapy",
}
# How a condition names the items of each section.
CONDITION_PROPERTIES = {
    Section.SYMPTOMS: "signOrSymptom",
    Section.CAUSES: "cause",
    Section.TREATMENTS: "possibleTreatment",
}
AUDIENCE = {"@type": "MedicalAudience", "audienceType": "Patient"}


def web_page(*, name: str, description: str | None, reviewed: Review, about: dict[str, Any],
             sources: tuple[Source, ...] = ()) -> dict[str, Any]:
    """A MedicalWebPage: who reviewed it and when, what it is about, and for whom."""
    page: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": name,
        "lastReviewed": reviewed.date.isoformat(),
        "reviewedBy": {"@type": "Person", "name": reviewed.by},
        "about": about,
        "medicalAudience": AUDIENCE,
    }
    if description:
        page["description"] = description
    if sources:
        page["citation"] = [_citation(s) for s in sources]
    return page


def topic_page(topic: Topic, *, name: str | None = None, sections: tuple[Section, ...] = tuple(Section)) -> dict[str, Any]:
    """The overview (all sections) or a section list (one): about the condition."""
    return web_page(name=name or topic.title, description=topic.summary, reviewed=topic.reviewed,
                    about=condition(topic, sections=sections), sources=topic.sources)


def item_page(topic: Topic, item: Item) -> dict[str, Any]:
    return web_page(name=item.title, description=item.summary, reviewed=topic.reviewed,
                    about=item_entity(topic, item), sources=topic.sources)


def condition(topic: Topic, *, sections: tuple[Section, ...] = tuple(Section)) -> dict[str, Any]:
    entity = _entity("MedicalCondition", topic.title, topic.aliases, topic.summary)
    for section in sections:
        if topic.section(section):
            entity[CONDITION_PROPERTIES[section]] = [_named(item) for item in topic.section(section)]
    return entity


def item_entity(topic: Topic, item: Item) -> dict[str, Any]:
    entity = _entity(ITEM_TYPES[item.section], item.title, item.aliases, item.summary)
    if item.section is Section.SYMPTOMS:
        entity["cause"] = [_named(c) for c in topic.linked(item)]
        entity["possibleTreatment"] = [_named(t) for t in topic.treatments_for_symptom(item)]
    elif item.section is Section.CAUSES:
        entity["causeOf"] = [_entity("MedicalCondition", topic.title), *(_named(s) for s in topic.linking(item))]
    return {key: value for key, value in entity.items() if value != []}


def script_text(data: dict[str, Any], **extra: Any) -> str:
    """JSON for a <script type="application/ld+json">: `<`, `>` and `&` are escaped so no
    text in the data can close the script element or start markup."""
    text = json.dumps({**data, **extra}, ensure_ascii=False, default=_iso, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _entity(kind: str, name: str, aliases: tuple[str, ...] = (), description: str | None = None) -> dict[str, Any]:
    entity: dict[str, Any] = {"@type": kind, "name": name}
    if aliases:
        entity["alternateName"] = list(aliases)
    if description:
        entity["description"] = description
    return entity


def _named(item: Item) -> dict[str, Any]:
    return _entity(ITEM_TYPES[item.section], item.title)


def _citation(source: Source) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "name": source.title}
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.url:
        work["url"] = source.url
    return work


def _iso(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")
