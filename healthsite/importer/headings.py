"""What a heading announces: a kind of item list (its vocabulary is in the kinds
registry), "when to get help" and how urgently, the outlook, a disclaimer, blog
furniture; and the lead-in sentence that introduces a list rather than heading it.

Headings are read as a reader would read them, not matched against one site's
words: "Who gets it?", "What problems can it cause?" and "Reducing your risk" name
risk factors, complications and prevention. Every kind's phrases are weighed
together; a strong phrase beats a word that only leans one way, and among equals
the one that comes first decides ("Causes and risk factors" is causes).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from healthsite.content.kinds import KINDS, Kind


class Part(enum.Enum):
    INTRO = "intro"
    ITEMS = "items"  # a list of items of one kind
    HELP = "help"
    OUTLOOK = "outlook"
    DISCLAIMER = "disclaimer"
    ALIASES = "aliases"  # "Alternative names": words for the topic's aliases
    FURTHER = "further"  # references, contacts, questions for your appointment: kept as they are
    CHROME = "chrome"
    OTHER = "other"


@dataclass(frozen=True, slots=True, kw_only=True)
class Heading:
    part: Part
    kind: Kind | None = None  # for ITEMS
    strong: bool = False  # for ITEMS: a phrase that announces the section, not a word that leans
    also: tuple[Kind, ...] = ()  # for ITEMS: other kinds it announces too ("Causes and risk factors")
    leads: bool = False  # for ITEMS: opens with its strong phrase ("Risk factors", not "Previous thyroid treatment")
    urgency: str = "non-urgent"  # for HELP: the care-card level the heading itself asks for


def _rules(*pairs: tuple[Part, str]) -> list[tuple[Part, re.Pattern[str]]]:
    return [(part, re.compile(pattern)) for part, pattern in pairs]


# Checked before the kinds: "When to see a doctor" is help even though it says "doctor".
_BEFORE_KINDS = _rules(
    (Part.CHROME, r"leave a (comment|reply)|related (posts?|articles?|reading|stories)|you (may|might) also like|"
                  r"^share\b|^comments?\b|\bcomments$|subscribe|newsletter|about the author|^tags?\b|^categor|"
                  r"post navigation|popular posts|recent posts|^advertisement|^sponsored|^products? (&|and) services|"
                  r"^request an appointment|^more (from|on) |^follow us|^sign up"),
    (Part.HELP, r"see (a|your|the) (doctor|gp|healthcare|physician|nurse|dentist|pharmacist)|seek (urgent |immediate )?"
                r"(medical )?(help|care|attention|advice|treatment)|get (urgent |immediate |emergency )?(medical )?(help|advice|care)|"
                r"medical attention|emergency|ambulance|triple zero|call (911|999|111|112|000|your (doctor|gp))|\b(999|911|111|000|a&e)\b|"
                r"when to (see|call|get|seek|worry|contact|talk|speak|go)|when should (i|you|we) (worry|see|call|get|go)|"
                r"red flags?|warning signs|urgent advice|non-urgent advice|immediate action|contact (a|your) "
                r"(doctor|gp|medical|health|provider|nurse)|talk to (a|your) (doctor|gp)|when it's serious|is it serious"),
    (Part.DISCLAIMER, r"disclaimer|medical advice|important note"),
    (Part.OUTLOOK, r"conclusion|outlook|^summary|in summary|final (thoughts|words)|bottom line|takeaways?|"
                   r"wrapping up|prognosis|^in short|recovery time|how long (does|will) it last"),
)
# Checked when no kind claims the heading.
_AFTER_KINDS = _rules(
    (Part.ALIASES, r"^(alternative|other|also known|also called|other common) (names?|as|terms?)\b|^also known as|^synonyms?$"),
    (Part.INTRO, r"^(overview|introduction|intro|about\b|what (is|are)\b|what's\b|at a glance|key (facts|points))"),
    (Part.FURTHER, r"\bquestions\b|\bfaqs?\b|^(references|sources|bibliography|further (reading|information|help)|"
                   r"useful (contacts|links|resources)|"
                   r"resources|more information|support groups?|preparing for (your|an) appointment|"
                   r"living with|coping\b)"),
)
_JOINS = re.compile(r" and | & |, ")  # "Symptoms and causes": two sections under one heading
_IMMEDIATE = re.compile(r"\b(999|911|112|000|triple zero|a&e|emergency|ambulance|immediate(ly)?|right away|straight away|at once|"
                        r"go to (the )?hospital)\b")
_URGENT = re.compile(r"\b(111|urgent(ly)?|same day|as soon as (possible|you can)|within (24|48) hours)\b")
_NON_URGENT = re.compile(r"\bnon-urgent\b")


def classify_heading(text: str) -> Heading:
    heading = _normal(text)
    for part, rule in _BEFORE_KINDS:
        if rule.search(heading):
            return Heading(part=part, urgency=urgency_of(heading)) if part is Part.HELP else Heading(part=part)
    kinds = _kinds_of(heading)
    if kinds:
        (kind, strong, position), others = kinds[0], kinds[1:]
        return Heading(part=Part.ITEMS, kind=kind, strong=strong, leads=strong and position == 0,
                       also=tuple(other for other, other_strong, _ in others if strong and other_strong and _JOINS.search(heading)))
    for part, rule in _AFTER_KINDS:
        if rule.search(heading):
            return Heading(part=part)
    return Heading(part=Part.OTHER)


def urgency_of(text: str) -> str:
    """The care-card level advice asks for: emergency services, urgent care, or a routine visit."""
    if re.search(r"\bER\b", text):
        return "immediate"
    text = _normal(text)
    if _NON_URGENT.search(text):
        return "non-urgent"
    if _IMMEDIATE.search(text):
        return "immediate"
    return "urgent" if _URGENT.search(text) else "non-urgent"


def _kinds_of(heading: str) -> list[tuple[Kind, bool, int]]:
    """The kinds whose vocabulary the heading matches, best first (strongest, then earliest),
    each with whether its match was a strong phrase, and where the match starts."""
    # kind -> (-strength, position, -length, registry order): among matches as strong and as early,
    # the longer phrase is the more specific ("why it matters" over "why").
    scores: dict[Kind, tuple[int, int, int, int]] = {}
    for order, kind in enumerate(KINDS):
        for strength, pattern in kind.headings.patterns:
            if match := pattern.search(heading):
                score = (-strength, match.start(), -len(match.group()), order)
                scores[kind] = min(score, scores.get(kind, score))
    return [(kind, score[0] == -2, score[1]) for kind, score in sorted(scores.items(), key=lambda ks: ks[1])]


def _normal(text: str) -> str:
    text = text.casefold().replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", text).strip(" :?.!*#")


LEAD_IN = re.compile(r"\b(include|includes|including|here are|here is|here's|the following|as follows|such as|"
                     r"(you|they) (may|might|will|can) (notice|feel|see|have)|look out for)\b", re.I)
