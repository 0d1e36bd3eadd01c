"""What the theme's trust partials read from a generated page's meta: the review line,
Sources, care cards ("when to get help") and structured data (JSON-LD)."""

from __future__ import annotations

from typing import Any

from healthsite.content.model import CareCard, Source, Topic



def trust_fields(topic: Topic, *, care_cards: tuple[CareCard, ...] = (), structured_data: dict[str, Any]) -> dict[str, Any]:
    """Front matter that the theme's partials show: the review line, Sources, care cards, JSON-LD."""
    fields: dict[str, Any] = {
        "reviewed": {"date": topic.reviewed.date, "by": topic.reviewed.by},
        "next_review": topic.next_review,
        "sources": [_source_fields(s) for s in topic.sources],
    }
    if care_cards:
        fields["care_cards"] = [_care_card_fields(card, topic) for card in care_cards]
    fields["structured_data"] = structured_data
    return fields


def _source_fields(source: Source) -> dict[str, Any]:
    fields = {"title": source.title, "publisher": source.publisher, "url": source.url, "accessed": source.accessed}
    return {key: value for key, value in fields.items() if value is not None}


def _care_card_fields(card: CareCard, topic: Topic) -> dict[str, Any]:
    fields: dict[str, Any] = {"level": card.level.value, "reasons": list(card.reasons)}
    if card.action:
        fields["action"] = card.action
    if card.source:
        fields["source"] = _source_fields(next(s for s in topic.sources if s.title == card.source))
    return fields
