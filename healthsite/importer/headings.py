"""What a heading announces (symptoms, causes, help, blog furniture...), and the
lead-in sentence that introduces a list rather than heading it."""

from __future__ import annotations

import enum
import re


class Part(enum.Enum):
    INTRO = "intro"
    SYMPTOMS = "symptoms"
    CAUSES = "causes"
    TREATMENTS = "treatments"
    HELP = "help"
    OUTLOOK = "outlook"
    DISCLAIMER = "disclaimer"
    CHROME = "chrome"
    OTHER = "other"


_HEADING_RULES: list[tuple[Part, re.Pattern[str]]] = [
    (Part.CHROME, re.compile(r"leave a (comment|reply)|related (posts?|articles?|reading)|you (may|might) also like|"
                             r"^share\b|^comments?\b|\bcomments$|subscribe|newsletter|about the author|^tags?\b|"
                             r"^categor|post navigation|popular posts|recent posts", re.I)),
    (Part.HELP, re.compile(r"see (a|your) (doctor|gp|healthcare|physician)|seek (medical )?(help|care|attention|advice)|"
                           r"get (medical )?help|medical attention|emergency|call (911|999|111)|"
                           r"when to (see|call|get|seek|worry)|red flags?|warning signs", re.I)),
    (Part.DISCLAIMER, re.compile(r"disclaimer|medical advice|important note", re.I)),
    (Part.OUTLOOK, re.compile(r"conclusion|outlook|^summary|in summary|final (thoughts|words)|bottom line|"
                              r"takeaways?|wrapping up|prognosis|^in short", re.I)),
]
_SECTION_RULES: list[tuple[Part, re.Pattern[str]]] = [
    (Part.SYMPTOMS, re.compile(r"symptom|\bsigns\b|feel like|what happens|how (do|can|will) (i|you) (know|tell)", re.I)),
    (Part.CAUSES, re.compile(r"cause|trigger|risk factor|why does|why do|\breasons?\b", re.I)),
    (Part.TREATMENTS, re.compile(r"treat|manag|remed|relief|relieve|what can (i|you) do|self[- ]care|home care|"
                                 r"\bcure\b|therap|\bease\b|get rid|make it (stop|better)", re.I)),
]


def classify_heading(text: str) -> Part:
    for kind, rule in _HEADING_RULES:
        if rule.search(text):
            return kind
    # "Causes and symptoms": the word that comes first decides.
    found = [(m.start(), kind) for kind, rule in _SECTION_RULES if (m := rule.search(text))]
    return min(found, key=lambda f: f[0])[1] if found else Part.OTHER


LEAD_IN = re.compile(r"\b(include|includes|including|here are|here is|here's|the following|as follows|such as|"
                     r"(you|they) (may|might|will|can) (notice|feel|see|have)|look out for)\b", re.I)
