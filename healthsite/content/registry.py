"""What a kind of item page is (`Kind` and the records it is made of) and the `Registry`
that holds the kinds. The kinds themselves are declared in `kinds.py`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    """A front-matter field in which items of one kind name items of `target` by slug.

    The declaring page lists the targets under `label`; each target page lists the
    declaring items under `reverse_label`, derived, so no back-link can fall out of sync."""

    target: str  # the folder of the kind linked to
    label: str  # "Possible causes", on the page that declares the link
    reverse_label: str  # "Symptoms it can cause", on the page linked to
    description: str  # what the field means, for editors
    jsonld: str | None = None  # schema.org property on the declaring item ("cause")
    reverse_jsonld: str | None = None  # schema.org property on the item linked to ("causeOf")

    @property
    def field(self) -> str:
        """The front-matter field: the target's folder, as a YAML-friendly name (`risk_factors`)."""
        return self.target.replace("-", "_")


@dataclass(frozen=True, slots=True, kw_only=True)
class Reach:
    """Items two links away, shown on an item page: a symptom's causes' treatments."""

    through: str  # the folder in between
    target: str
    label: str
    jsonld: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Question:
    """A checklist question: readers tick items of this kind; each tick points to the
    linked items of the `results` kinds, listed under their heading."""

    legend: str
    hint: str
    results: tuple[tuple[str, str], ...] = ()  # (folder of the kind pointed to, heading in the results)
    nudge: str | None = None  # said when something is ticked but nothing of this question


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtraField:
    """A front-matter field only this kind has."""

    name: str
    type: Any  # a Python type pydantic validates, e.g. bool or str | None
    description: str
    default: Any = None


@dataclass(frozen=True, kw_only=True)  # no slots: the compiled patterns are cached on the instance
class Vocabulary:
    """What a heading for this kind says, as regular expressions over the lower-cased heading.

    `strong` phrases announce the section ("Causes of eczema", "Who gets it?"); `weak`
    words only lean towards it. The importer weighs every kind's matches together."""

    strong: tuple[str, ...]
    weak: tuple[str, ...] = ()

    @cached_property
    def patterns(self) -> tuple[tuple[int, re.Pattern[str]], ...]:
        return tuple((2, re.compile(p)) for p in self.strong) + tuple((1, re.compile(p)) for p in self.weak)


@dataclass(frozen=True, eq=False, kw_only=True)
class Kind:
    """One kind of item page. Compared by identity: each kind is declared once."""

    folder: str  # "risk-factors": the content folder and the page address
    command: str  # "risk-factor": `healthsite new risk-factor ...`
    singular: str  # "risk factor"
    plural: str  # "Risk factors": the overview heading and the navigation label
    list_title: str  # "Risk factors for {topic}": the list page's title
    intro: str  # the list page's opening line
    about: str  # heading for a section's own paragraphs in topic.md, when the importer keeps them
    schema_type: str  # schema.org type of an item page's subject
    condition_property: str  # how a MedicalCondition names these items
    condition_text: bool = False  # the property takes names as text, not typed objects
    of_condition: str | None = None  # property on an item pointing back at the condition ("causeOf")
    links: tuple[Link, ...] = ()
    reaches: tuple[Reach, ...] = ()
    checklist: Question | None = None
    extra_fields: tuple[ExtraField, ...] = ()
    headings: Vocabulary = field(default_factory=lambda: Vocabulary(strong=()))
    template: str = "item.md.j2"  # a kind needs its own template only if its page differs
    search_boost: float = 2  # item pages rank above the list pages that mention them
    result_label: str = ""  # "Cause": names an item page in search results ("Cause · Gout"); default: singular

    @property
    def label(self) -> str:
        return self.result_label or self.singular[:1].upper() + self.singular[1:]

    def __repr__(self) -> str:
        return f"Kind({self.folder!r})"

    def link_to(self, target: Kind) -> Link | None:
        return next((link for link in self.links if link.target == target.folder), None)


class Registry:
    """The kinds, in the order readers meet them on a condition page."""

    def __init__(self, kinds: list[Kind]):
        self._kinds = list(kinds)

    def __iter__(self) -> Iterator[Kind]:
        return iter(tuple(self._kinds))

    def __len__(self) -> int:
        return len(self._kinds)

    def __getitem__(self, folder: str) -> Kind:
        if (kind := self.get(folder)) is None:
            raise KeyError(f"no kind with folder '{folder}'; expected one of {', '.join(self.folders())}")
        return kind

    def get(self, folder: str) -> Kind | None:
        return next((k for k in self._kinds if k.folder == folder), None)

    def folders(self) -> list[str]:
        return [k.folder for k in self._kinds]

    def by_command(self, command: str) -> Kind:
        return next(k for k in self._kinds if k.command == command)

    def register(self, kind: Kind) -> Kind:
        """Add a kind (after the others). Its links must name registered kinds."""
        if self.get(kind.folder) is not None:
            raise ValueError(f"a kind with folder '{kind.folder}' is already registered")
        named = {link.target for link in kind.links} | {f for reach in kind.reaches for f in (reach.through, reach.target)}
        if unknown := sorted(named - {*self.folders(), kind.folder}):
            raise ValueError(f"kind '{kind.folder}' links to unregistered kinds: {', '.join(unknown)}")
        self._kinds.append(kind)
        return kind

    def unregister(self, kind: Kind) -> None:
        self._kinds.remove(kind)
