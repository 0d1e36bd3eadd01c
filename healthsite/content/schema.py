"""The front-matter schema of every content file, declared once.

The loader validates against these models; CONTRIBUTING and `healthsite new`
read the field descriptions from here, so the editors' documentation cannot drift.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, create_model

from healthsite.content.kinds import Kind
from healthsite.content.slugs import SLUG_PATTERN

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]


class _Strict(BaseModel):
    # Unknown fields are errors: a typo must not silently drop content.
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceMeta(_Strict):
    title: Text = Field(description="Title of the source document.")
    publisher: Text | None = Field(None, description="Who published it.")
    url: Text | None = Field(None, description="Where to read it (https://...).")
    accessed: dt.date | None = Field(None, description="The date you read it, as YYYY-MM-DD.")


class ReviewMeta(_Strict):
    date: dt.date = Field(description="When the page was last reviewed, as YYYY-MM-DD.")
    by: Text = Field(description="Who reviewed it (name and role, or team).")


class CareCardMeta(_Strict):
    level: Literal["non-urgent", "urgent", "immediate"] = Field(
        description="How soon to act: non-urgent (see a doctor), urgent (urgent appointment or helpline), immediate (emergency services)."
    )
    reasons: list[Text] = Field(min_length=1, description="When to act, one plain reason per entry (the card reads '... if:').")
    action: Text | None = Field(None, description="Optional closing sentence, such as what to tell the doctor.")
    source: Text | None = Field(
        None, description="Title of one of the topic's sources that supports this advice. Required for urgent and immediate cards."
    )


CareCards = Field(default_factory=list, description="'When to get help' cards: `level`, `reasons`, and `action`, `source` where needed.")


# The fixed list of tags a topic may carry, with how each reads on a page:
# where in the body, and what kind of topic it is.
BODY_AREAS = {
    "head-and-face": "Head and face", "eyes": "Eyes", "ears-nose-and-throat": "Ears, nose and throat",
    "mouth-and-teeth": "Mouth and teeth", "skin-hair-and-nails": "Skin, hair and nails",
    "chest-and-lungs": "Chest and lungs", "heart-and-blood": "Heart and blood",
    "stomach-and-bowels": "Stomach and bowels", "kidneys-and-bladder": "Kidneys and bladder",
    "muscles-bones-and-joints": "Muscles, bones and joints", "brain-and-nerves": "Brain and nerves",
    "mind-and-mood": "Mind and mood", "sexual-and-reproductive-health": "Sexual and reproductive health",
    "whole-body": "Whole body",
}
TOPIC_TYPES = {
    "condition": "Condition", "symptom": "Symptom", "injury": "Injury", "infection": "Infection",
    "long-term-condition": "Long-term condition", "healthy-living": "Healthy living",
}
TAG_LABELS = {**BODY_AREAS, **TOPIC_TYPES}
TAGS = tuple(TAG_LABELS)
Tag = Literal[TAGS]  # type: ignore[valid-type]


class TopicMeta(_Strict):
    title: Text = Field(description="The condition's name as readers know it.")
    summary: Text = Field(description="One or two plain sentences shown under the title and in search results.")
    aliases: list[Text] = Field(default_factory=list, description="Other words readers use for it: lay terms, medical terms, spellings.")
    reviewed: ReviewMeta = Field(description="The last clinical review: `date` and `by`.")
    next_review: dt.date = Field(description="When the next review is due, as YYYY-MM-DD.")
    sources: list[SourceMeta] = Field(min_length=1, description="Where the facts come from: `title`, and `publisher`, `url`, `accessed` where known.")
    care_cards: list[CareCardMeta] = CareCards
    related: list[Slug] = Field(default_factory=list, description="Folder names of other topics readers of this one may want; "
                                "the link shows on both topics. Topics that share a name or alias are related anyway.")
    tags: list[Tag] = Field(default_factory=list, description="Body area and kind of topic, from the fixed list: "
                            + ", ".join(TAGS) + ".")


class _ItemMeta(_Strict):
    title: Text = Field(description="The page title, in plain words.")
    summary: Text = Field(description="One plain sentence shown in lists, the checklist and search results.")
    aliases: list[Text] = Field(default_factory=list, description="Other words readers use for it.")
    order: int = Field(0, description="Position in its section's list (smaller first; ties sort by title).")
    red_flag: bool = Field(False, description="true if ticking it in the checklist should advise seeing a doctor "
                           "(symptoms, causes and risk factors: the kinds readers tick).")
    care_cards: list[CareCardMeta] = CareCards


class CareCardText(_Strict):
    reasons: list[Text] = Field(min_length=1, description="The card's reasons, translated, in the same order as the source's.")
    action: Text | None = Field(None, description="The card's closing sentence, translated, if the source has one.")


class TranslationMeta(_Strict):
    """A page in another language (`dehydration.es.md` beside `dehydration.md`): only what
    readers read; links, order, dates, sources and flags come from the source file."""

    title: Text = Field(description="The page title, translated.")
    summary: Text = Field(description="The summary, translated.")
    aliases: list[Text] = Field(default_factory=list, description="Words readers of this language use for it "
                                "(not a word-for-word translation of the source's aliases).")
    care_cards: list[CareCardText] = Field(default_factory=list, description="The source's care cards, translated: "
                                           "one entry per card, in the same order, with `reasons` and `action`.")
    translation_of: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{12}$")] = Field(
        description="Which version of the source this translates: `healthsite new --lang` writes it; "
        "`healthsite check` says when the source has changed since.")
    translation_review: Text | None = Field(None, description="Who checked the translation, or that no clinician has yet.")


@functools.cache
def item_schema(kind: Kind) -> type[_ItemMeta]:
    """The front-matter model of one kind: the common item fields, then one list of slugs per
    link the kind declares (`causes:`, `risk_factors:`), then the kind's extra fields."""
    fields: dict[str, Any] = {
        link.field: (list[Slug], Field(default_factory=list, description=link.description)) for link in kind.links
    }
    for extra in kind.extra_fields:
        fields[extra.name] = (extra.type, Field(extra.default, description=extra.description))
    name = "".join(word.capitalize() for word in re.split(r"[^a-z0-9]+", kind.folder)) + "Meta"
    return create_model(name, __base__=_ItemMeta, **fields)
