"""The "Which of these apply to you?" checklist: what each topic's checklist page asks.

Readers tick the items of every kind that has a checklist question in the kinds
registry (symptoms, possible causes, risk factors). The page (templates/checklist.md.j2)
lists every item with a link, so it works without JavaScript; theme/assets/checklist.js
then shows what the ticked boxes point to (the likely causes of a symptom, what may help
with a cause, what may lower a risk), and reveals the care card when a red-flag item is
ticked. The links between items travel to the script as data attributes, so the content
folder stays the one source of truth: adding a cause file adds a box.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from healthsite.content.kinds import KINDS, Kind, Question as KindQuestion
from healthsite.content.model import Item, Topic
from healthsite.render.i18n import DEFAULT_LANGUAGE, gettext_for

NAV_TITLE = "Check your symptoms"
CARE_CARD_ID = "hs-checklist-care"
# Where the care card sits in the page: inside the results, so screen readers hear it appear.
CARE_CARD_MARKER = f"<!-- care-card:{CARE_CARD_ID} -->"


@dataclass(frozen=True, slots=True, kw_only=True)
class Choice:
    """One box: an item, and the items ticking it points to (symptom -> causes, cause -> treatments)."""

    item: Item
    leads_to: tuple[Item, ...]

    @property
    def key(self) -> str:
        """Stable across builds: the script stores it, and finds the item's page by it."""
        return f"{self.item.kind.folder}/{self.item.slug}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Question:
    """One fieldset of boxes: the registry's question for `kind`, and its items."""

    kind: Kind
    asks: KindQuestion
    choices: tuple[Choice, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Checklist:
    topic: Topic
    questions: tuple[Question, ...]
    catalogue: tuple[Item, ...]  # what ticks point to that is not a box itself: listed in full without JavaScript
    red_flags: tuple[Item, ...]  # the boxes that reveal the care card
    language: str = DEFAULT_LANGUAGE

    def kinds(self) -> tuple[Kind, ...]:
        return tuple(q.kind for q in self.questions)

    def result_groups(self) -> list[dict[str, str]]:
        """For the script: which ticks point to which kind, under what heading, in order."""
        t = gettext_for(self.language)
        return [{"from": q.kind.folder, "to": folder, "heading": t(heading)} for q in self.questions for folder, heading in q.asks.results]

    def front_matter(self) -> dict[str, Any]:
        t = gettext_for(self.language)
        fields: dict[str, Any] = {
            "title": t("{topic}: which of these apply to you?").format(topic=self.topic.title),
            "description": t("{topic}: tick what you notice and what might apply to you, to find pages "
                             "that may help and to know when to see a doctor.").format(topic=self.topic.title),
            "hs_checklist": True,  # theme/main.html loads the checklist script here
            "search": {"exclude": True},  # it repeats every summary; the item pages are the results
        }
        if self.red_flags:
            fields["care_cards"] = [self._care_card(t)]
        return fields

    def _care_card(self, t) -> dict[str, Any]:
        # The reasons are the red-flag titles; the script shows only the ones ticked.
        return {
            "level": "urgent",
            "id": CARE_CARD_ID,
            "hidden": True,
            "heading": t("See a doctor soon about:"),
            "reasons": [item.title for item in self.red_flags],
            "action": t("Ask for an urgent appointment with a doctor, or call a health helpline. "
                        "They can check what is causing it."),
        }


def build_checklist(topic: Topic, *, language: str = DEFAULT_LANGUAGE) -> Checklist | None:
    """The topic's checklist, or None when it has nothing readers can tick."""
    questions = tuple(
        Question(
            kind=kind,
            asks=kind.checklist,
            choices=tuple(Choice(item=item, leads_to=_leads_to(topic, item, kind.checklist)) for item in topic.of_kind(kind)),
        )
        for kind in topic.kinds()
        if kind.checklist is not None
    )
    if not questions:
        return None
    asked = {q.kind for q in questions}
    pointed_to = [KINDS[folder] for q in questions for folder, _ in q.asks.results]
    return Checklist(
        topic=topic,
        questions=questions,
        catalogue=tuple(item for kind in topic.kinds() if kind in pointed_to and kind not in asked for item in topic.of_kind(kind)),
        red_flags=tuple(c.item for q in questions for c in q.choices if c.item.red_flag),
        language=language,
    )


def _leads_to(topic: Topic, item: Item, asks: KindQuestion) -> tuple[Item, ...]:
    return tuple(target for folder, _ in asks.results for target in topic.neighbours(item, KINDS[folder]))


def checklist_uri(topic: Topic) -> str:
    return f"{topic.slug}/checklist.md"
