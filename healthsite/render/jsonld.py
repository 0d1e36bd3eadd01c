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

from healthsite.content.kinds import KINDS, Kind
from healthsite.content.model import Item, Review, Source, Topic

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


def topic_page(topic: Topic, *, name: str | None = None, kinds: tuple[Kind, ...] | None = None) -> dict[str, Any]:
    """The overview (every kind) or a list page (some): about the condition."""
    return web_page(name=name or topic.title, description=topic.summary, reviewed=topic.reviewed,
                    about=condition(topic, kinds=kinds), sources=topic.sources)


def item_page(topic: Topic, item: Item) -> dict[str, Any]:
    return web_page(name=item.title, description=item.summary, reviewed=topic.reviewed,
                    about=item_entity(topic, item), sources=topic.sources)


def condition(topic: Topic, *, kinds: tuple[Kind, ...] | None = None) -> dict[str, Any]:
    """The MedicalCondition, naming its items under each kind's schema.org property."""
    entity = _entity("MedicalCondition", topic.title, topic.aliases, topic.summary)
    for kind in kinds if kinds is not None else topic.kinds():
        if topic.of_kind(kind):
            entity[kind.condition_property] = [item.title if kind.condition_text else _named(item) for item in topic.of_kind(kind)]
    return entity


def item_entity(topic: Topic, item: Item) -> dict[str, Any]:
    """The item's own entity, with the links of the kinds registry that schema.org can say:
    the condition it belongs to, what it declares, what declares it, and what it reaches."""
    kind = item.kind
    entity = _entity(kind.schema_type, item.title, item.aliases, item.summary)
    related: dict[str, list[dict[str, Any]]] = {}
    if kind.of_condition:
        related[kind.of_condition] = [_entity("MedicalCondition", topic.title)]
    for other in KINDS:
        if (link := kind.link_to(other)) and link.jsonld:
            related.setdefault(link.jsonld, []).extend(_named(i) for i in topic.linked(item, other))
        if (link := other.link_to(kind)) and link.reverse_jsonld:
            related.setdefault(link.reverse_jsonld, []).extend(_named(i) for i in topic.linking(item, other))
    for reach in kind.reaches:
        if reach.jsonld:
            reached = topic.reached(item, through=KINDS[reach.through], target=KINDS[reach.target])
            related.setdefault(reach.jsonld, []).extend(_named(i) for i in reached)
    entity.update((prop, values) for prop, values in related.items() if values)
    return entity


def breadcrumb_list(trail: list[tuple[str, str]]) -> dict[str, Any]:
    """The page's place in the site, from the home page to itself: (name, absolute address) pairs."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": url} for n, (name, url) in enumerate(trail, start=1)
        ],
    }


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
    return _entity(item.kind.schema_type, item.title)


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
