"""The "Which of these apply to you?" checklist: what each topic's checklist page asks.

Readers tick symptoms and possible causes. The page (templates/checklist.md.j2) lists
every item with a link, so it works without JavaScript; docs/assets/checklist.js then
shows the likely causes of the ticked symptoms and the treatments for the ticked causes,
and reveals the care card when a red-flag item is ticked. The links between items travel
to the script as data attributes, so the content folder stays the one source of truth:
adding a cause file adds a box.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from healthsite.content.model import Item, Section, Topic

NAV_TITLE = "Check your symptoms"
CARE_CARD_ID = "hs-checklist-care"
# Where the care card sits in the page: inside the results, so screen readers hear it appear.
CARE_CARD_MARKER = f"<!-- care-card:{CARE_CARD_ID} -->"

# The two groups of boxes, as (legend, hint), in the order readers meet them.
QUESTIONS = {
    Section.SYMPTOMS: ("What do you notice?", "Tick all that apply. You will see what could be causing it."),
    Section.CAUSES: ("What might apply to you?", "Tick anything that could be causing or triggering it. You will see what may help."),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Choice:
    """One box: an item, and the items ticking it points to (symptom -> causes, cause -> treatments)."""

    item: Item
    leads_to: tuple[Item, ...]

    @property
    def key(self) -> str:
        """Stable across builds: the script stores it, and finds the item's page by it."""
        return f"{self.item.section.value}/{self.item.slug}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Question:
    """One fieldset of boxes."""

    section: Section
    legend: str
    hint: str
    choices: tuple[Choice, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Checklist:
    topic: Topic
    questions: tuple[Question, ...]
    treatments: tuple[Item, ...]  # every treatment: what may help, listed in full without JavaScript
    red_flags: tuple[Item, ...]  # the boxes that reveal the care card

    def front_matter(self) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "title": f"{self.topic.title}: which of these apply to you?",
            "description": "Tick what you notice and what might apply to you, to find pages that may help "
            "and to know when to see a doctor.",
            "hs_checklist": True,  # overrides/main.html loads the checklist script here
            "search": {"exclude": True},  # it repeats every summary; the item pages are the results
        }
        if self.red_flags:
            fields["care_cards"] = [self._care_card()]
        return fields

    def _care_card(self) -> dict[str, Any]:
        # The reasons are the red-flag titles; the script shows only the ones ticked.
        return {
            "level": "urgent",
            "id": CARE_CARD_ID,
            "hidden": True,
            "heading": "See a doctor soon about:",
            "reasons": [item.title for item in self.red_flags],
            "action": "Ask for an urgent appointment with a doctor, or call a health helpline. "
            "They can check what is causing it.",
        }


def build_checklist(topic: Topic) -> Checklist | None:
    """The topic's checklist, or None when it has neither symptoms nor causes to tick."""
    questions = tuple(
        Question(
            section=section,
            legend=legend,
            hint=hint,
            choices=tuple(Choice(item=item, leads_to=topic.linked(item)) for item in topic.section(section)),
        )
        for section, (legend, hint) in QUESTIONS.items()
        if topic.section(section)
    )
    if not questions:
        return None
    return Checklist(
        topic=topic,
        questions=questions,
        treatments=topic.section(Section.TREATMENTS),
        red_flags=tuple(c.item for q in questions for c in q.choices if c.item.red_flag),
    )


def checklist_uri(topic: Topic) -> str:
    return f"{topic.slug}/checklist.md"
