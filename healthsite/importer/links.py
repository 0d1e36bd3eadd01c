"""Link suggestions: for every link the kinds registry declares (a symptom's causes, a
cause's treatments, a risk factor's complications...), the likely targets by shared words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from healthsite.importer.records import Article
from healthsite.importer.text import plain
from healthsite.content.kinds import KINDS, Kind

MAX_LINKS = 4  # per item: more would be noise for the editor to undo
LINK_THRESHOLD = 2  # one shared name word, or two shared description words

_STOP_WORDS = set("""
a about above after again all also am an and any are as at be because been before being below between both but by
can could did do does doing down during each either enough few for from further had has have having he her here him
his how i if in into is it its itself just may me might more most much must my no nor not now of off often on once
only or other others our out over own per same she should so some such than that the their them then there these they
this those through to too under until up upon us very was we were what when where which while who whom why will with
would you your yours
muscle muscles twitch twitches twitching twitched symptom symptoms cause causes caused causing treatment treatments
treat treating condition conditions help helps lead leads leading result results case cases certain particular
especially generally usually common commonly some individual individuals people person experience experienced affect
affected affects body part parts various variety may can also often well even like include including includes
medical health healthcare provider professional doctor level levels sometimes rare rarely
hard harder long longer short usual sudden suddenly slight slightly strong high low small large good bad time day days
feel feels get gets make makes way ways
""".split())
_SUFFIXES = ("ations", "ation", "ated", "ating", "ates", "ate", "ments", "ment", "ness", "ities", "ity", "ings", "ing",
             "ants", "ant", "ical", "ally", "al", "ic", "ies", "ied", "ed", "es", "ers", "er", "ly", "ive", "ous", "s", "e", "y")
_NEGATIONS = ("de", "dis", "im", "un", "non")  # dehydration ~ hydration, imbalance ~ balance


def _stem(word: str) -> str:
    for _ in range(2):  # twice, so "neurological" -> "neurologic" -> "neurolog"
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
    return word


def _terms(text: str, *, ignore: set[str]) -> frozenset[str]:
    words = re.findall(r"[a-z0-9]+", plain(text).lower())
    return frozenset(_stem(w) for w in words if w not in _STOP_WORDS and w not in ignore and len(w) > 2)


def _core(stem: str) -> str:
    for prefix in _NEGATIONS:
        if stem.startswith(prefix) and len(stem) - len(prefix) >= 4:
            return stem[len(prefix) :]
    return stem


def _shared(a: frozenset[str], b: frozenset[str]) -> set[str]:
    return {_core(x) for x in a} & {_core(y) for y in b}


@dataclass(frozen=True, slots=True, kw_only=True)
class _Terms:
    name: frozenset[str]
    text: frozenset[str]


def _link_score(*, source: _Terms, target: _Terms) -> int:
    # A word shared with either name is strong evidence; shared description words are weak.
    strong = _shared(target.name, source.name | source.text) | _shared(source.name, target.text)
    weak = _shared(source.text, target.text) - strong
    return 2 * len(strong) + len(weak)


Suggestions = dict[tuple[Kind, Kind], dict[int, tuple[int, ...]]]  # (kind, target kind) -> item index -> target indexes


def suggest_links(*, doc: Article) -> Suggestions:
    """For each item, the likely targets of each link its kind declares (by list index)."""
    # The condition's own name is in every item, so it says nothing about which ones belong together.
    ignore = {w for w in re.findall(r"[a-z0-9]+", doc.title.lower())}
    terms = {
        kind: [_Terms(name=_terms(i.name, ignore=ignore), text=_terms(i.description, ignore=ignore)) for i in items]
        for kind, items in doc.sections.items()
    }
    links: Suggestions = {}
    for kind in terms:
        for link in kind.links:
            target = KINDS[link.target]
            if target not in terms:
                continue
            for index, source in enumerate(terms[kind]):
                scored = [(_link_score(source=source, target=t), j) for j, t in enumerate(terms[target])]
                best = sorted((s for s in scored if s[0] >= LINK_THRESHOLD), key=lambda s: (-s[0], s[1]))[:MAX_LINKS]
                links.setdefault((kind, target), {})[index] = tuple(sorted(j for _, j in best))
    return links
