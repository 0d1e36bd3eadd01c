"""Alias suggestions: the everyday, British and medical words readers search with.

Articles use one word for a thing ("caffeine", "physical therapy"); readers type
their own ("cola", "physio"). The importer proposes aliases from this curated
table so search finds those words too. Every suggestion can be explained: it
comes from one row whose key words appear in the page title. Editors review the
suggestions in the pull request like any other imported text.
"""

from __future__ import annotations

import re

# Title words (matched as whole words, singular or plural) -> words readers use for the same thing.
# Longer keys are tried first and use up their words, so "Muscle fatigue" gets the
# muscle-fatigue row, not the one for tiredness. Only add words that a reader would
# accept as another name for the page's subject.
LAY_SYNONYMS: dict[str, tuple[str, ...]] = {
    "anxiety": ("worry", "feeling anxious or worried", "nerves"),
    "caffeine": ("coffee, tea and cola",),
    "contraction": ("twitching", "jumping muscles"),
    "dehydration": ("not drinking enough", "feeling thirsty"),
    "diet": ("healthy eating", "nutrition"),
    "electrolyte": ("low magnesium, potassium or calcium", "mineral imbalance"),
    "fatigue": ("tiredness", "exhaustion", "feeling tired or exhausted"),
    "limit stimulants": ("cutting down on caffeine", "decaf"),
    "hydration": ("drinking water", "fluids", "staying hydrated"),
    "medical evaluation": ("seeing a doctor", "GP appointment", "check-up"),
    "medication review": ("checking your medicines", "medicine review"),
    "medication": ("medicines", "side effects of medicines"),
    "muscle fatigue": ("tired muscles", "weak muscles", "muscle weakness"),
    "nervous system": ("neurological conditions", "nerve disorders"),
    "physical therapy": ("physiotherapy", "physio"),
    "stimulant": ("energy drinks", "pre-workout drinks"),
    "stress management": ("relaxation techniques", "managing stress"),
    "stress": ("feeling stressed", "tension"),
    "tingling": ("pins and needles", "paraesthesia", "paresthesia"),
    "twitch": ("twitching", "fasciculations"),
}

MAX_SUGGESTIONS = 6  # a short line readers will read, not a keyword list


def suggest_aliases(title: str, *, keep: list[str] | tuple[str, ...] = ()) -> list[str]:
    """Aliases for a page called `title`: `keep` first, then table suggestions not already there."""
    aliases = list(keep)
    seen = {a.casefold() for a in aliases} | {title.casefold()}
    for key in _keys_in(title):
        for word in LAY_SYNONYMS[key]:
            if word.casefold() not in seen and len(aliases) < MAX_SUGGESTIONS:
                aliases.append(word)
                seen.add(word.casefold())
    return aliases


def _keys_in(title: str) -> list[str]:
    """The table keys found in `title` as whole words (singular or plural), in title order."""
    found: dict[int, str] = {}
    rest = title
    for key in sorted(LAY_SYNONYMS, key=len, reverse=True):
        match = re.search(rf"\b{re.escape(key)}(?:s|es)?\b", rest, re.I)
        if match:
            found[match.start()] = key
            rest = rest[: match.start()] + " " * len(match.group()) + rest[match.end() :]  # words used up
    return [found[position] for position in sorted(found)]
