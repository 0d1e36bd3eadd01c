"""Every kind of item page, declared once.

A kind is one folder of a topic (`content/<topic>/<folder>/<slug>.md`) and one
section of a condition page. Its entry says everything the pipeline needs to know:
labels, extra front-matter fields, the kinds it may link to (each link declared
once, the reverse derived), its schema.org property, its checklist question and
the heading words the importer recognises. The loader, schema, render, checklist,
JSON-LD, search and importer read `KINDS`; none of them names a kind itself.

To add a kind, add a `Kind` here (ARCHITECTURE.md says more).
"""

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
    search_boost: float = 2  # Material's per-page boost: item pages rank above list pages that mention them

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


_SIGNS = r"(?:signs?|symptoms?)"
_DOCTOR = r"(?:doctor|gp|nurse|pharmacist|healthcare (?:provider|professional)|health care provider|provider|specialist)"
_WHOSE = r"(?:my |your |a |the )?"
_DOCTORS = rf"{_DOCTOR}s?(?: or (?:a |your )?{_DOCTOR}s?)?"

KINDS = Registry([
    Kind(
        folder="symptoms", command="symptom", singular="symptom", plural="Symptoms",
        list_title="Symptoms of {topic}",
        intro="What you might notice. Choose one to read about its possible causes and what may help.",
        about="About the symptoms",
        schema_type="MedicalSignOrSymptom", condition_property="signOrSymptom",
        links=(Link(target="causes", label="Possible causes", reverse_label="Symptoms it can cause",
                    description="Slugs (file names without .md) of causes in this topic that can produce this symptom.",
                    jsonld="cause", reverse_jsonld="causeOf"),),
        reaches=(Reach(through="causes", target="treatments", label="What may help", jsonld="possibleTreatment"),),
        checklist=Question(legend="What do you notice?", hint="Tick all that apply. You will see what could be causing it.",
                           results=(("causes", "Possible causes"),)),
        headings=Vocabulary(
            strong=(rf"\b{_SIGNS}\b", r"^check if\b", r"\bfeels? like\b", r"\bhow (?:do|can|will|would|to) (?:i|you|we) (?:know|tell|spot|recognise|recognize)\b",
                    r"\bhow to (?:tell|know|spot|recognise|recognize)\b", r"\b(?:look|watch) (?:out )?for\b", r"\bwhat (?:you|they) (?:may|might|will|can) (?:notice|feel|see)\b",
                    r"\bwhat happens (?:during|in|when)\b", r"\bhow (?:it|they) (?:feels?|shows?|looks?)\b", r"\bspot(?:ting)?\b"),
            weak=(r"\bnotice", r"\bfeel", r"\blooks? like\b"),
        ),
    ),
    Kind(
        folder="causes", command="cause", singular="cause", plural="Causes",
        list_title="Causes of {topic}",
        intro="Things that can cause or trigger it. Choose one to see the symptoms it can cause and what can help.",
        about="About the causes",
        schema_type="MedicalCause", condition_property="cause", of_condition="causeOf",
        links=(Link(target="treatments", label="Treatments that can help", reverse_label="Causes it can help with",
                    description="Slugs of treatments in this topic that address this cause."),),
        checklist=Question(legend="What might apply to you?",
                           hint="Tick anything that could be causing or triggering it. You will see what may help.",
                           results=(("treatments", "What may help"),),
                           nudge="Tick any possible causes that apply to you to see what may help."),
        headings=Vocabulary(
            strong=(r"\bcaus(?:e|es|ed)\b", r"\btrigger", r"^why\b", r"\bwhy (?:does|do|is|are|did|it|they|you|we)\b",
                    r"\bwhat (?:brings|sets) (?:it|them|on)\b", r"\bhow (?:do(?:es)? )?(?:you|people|it) (?:get|catch|develop)\b"),
            weak=(r"\breasons?\b", r"\bwhy\b", r"\bcomes? from\b", r"\bbehind\b"),
        ),
    ),
    Kind(
        folder="risk-factors", command="risk-factor", singular="risk factor", plural="Risk factors",
        list_title="Risk factors for {topic}",
        intro="Things that make it more likely. Having one does not mean you will get it.",
        about="About the risk factors",
        schema_type="MedicalRiskFactor", condition_property="riskFactor", of_condition="increasesRiskOf",
        links=(
            Link(target="causes", label="Causes it makes more likely", reverse_label="What makes it more likely",
                 description="Slugs of causes in this topic that this makes more likely.", jsonld="increasesRiskOf"),
            Link(target="complications", label="Complications it makes more likely", reverse_label="What makes it more likely",
                 description="Slugs of complications in this topic that this makes more likely.", jsonld="increasesRiskOf",
                 reverse_jsonld="riskFactor"),
        ),
        checklist=Question(legend="Does any of this apply to you?",
                           hint="Tick anything that is true for you. These make it more likely, but do not mean you have it.",
                           results=(("prevention", "What may lower your risk"),)),
        headings=Vocabulary(
            strong=(r"\brisk factors?\b", r"\bat (?:a )?(?:higher |greater |increased |more |most )?risk\b", r"\bmore at risk\b",
                    r"\bwho(?: gets| get| is| are|'s| can| might| may| usually| tends| else)\b", r"\bam i (?:likely|at risk)\b", r"\bmore (?:likely|common|prone)\b",
                    r"\bincreases? (?:your |the )?(?:risk|chance)", r"\braises? (?:your |the )?(?:risk|chance)", r"\bsusceptib"),
            weak=(r"\brisks?\b", r"\blikely\b", r"\bvulnerable\b"),
        ),
    ),
    Kind(
        folder="complications", command="complication", singular="complication", plural="Complications",
        list_title="Complications of {topic}",
        intro="Problems it can lead to, especially if it is not treated. Most people do not get them.",
        about="About the complications",
        schema_type="MedicalCondition", condition_property="possibleComplication", condition_text=True,
        links=(Link(target="causes", label="Causes it can come from", reverse_label="Complications it can lead to",
                    description="Slugs of causes in this topic that this complication can come from.",
                    jsonld="cause", reverse_jsonld="causeOf"),),
        headings=Vocabulary(
            strong=(r"\bcomplications?\b", r"\blong[- ]term (?:effects?|problems?|damage|consequences)\b",
                    r"\bwhat (?:other )?(?:problems|harm|damage|complications) (?:can|could|might|does|may)\b",
                    r"\b(?:problems|conditions|illnesses|diseases|risks) (?:linked|related|connected|associated|caused)\b",
                    r"\bpossible problems\b", r"\bif (?:it's|it is|they're|they are|left) (?:not |un)?treated\b", r"\bcan lead to\b",
                    r"\bwhat (?:else )?can (?:happen|go wrong)\b", r"\b(?:dangers|consequences)\b", r"\bwithout treatment\b",
                    r"\b(?:can|could|does|might|will) (?:it|this|they) lead to\b", r"\bwhy (?:it|this|treatment) matters\b",
                    r"\bwhy (?:it's|it is) important to treat\b", r"\b(?:gets?|getting|becomes?) (?:worse|serious)\b"),
            weak=(r"\bproblems?\b", r"\beffects?\b", r"\bdanger", r"\bharm"),
        ),
    ),
    Kind(
        folder="diagnosis", command="test", singular="test", plural="Tests and diagnosis",
        list_title="Tests for {topic}",
        intro="How a doctor or nurse can find out if you have it, and what is causing it.",
        about="About getting diagnosed",
        schema_type="MedicalTest", condition_property="typicalTest", of_condition="usedToDiagnose",
        links=(
            Link(target="symptoms", label="Symptoms it checks", reverse_label="Tests that can check it",
                 description="Slugs of symptoms in this topic that this test looks into.", reverse_jsonld="typicalTest"),
            Link(target="causes", label="Causes it can find", reverse_label="Tests that can find it",
                 description="Slugs of causes in this topic that this test can find."),
        ),
        headings=Vocabulary(
            strong=(r"\bdiagnos", r"\btests?\b", r"\btesting\b", r"\bexams?\b", r"\bexamination", r"\bscreening\b",
                    rf"\b(?:how|what) {_WHOSE}{_DOCTORS} (?:checks?|finds?|tells?|confirms?|looks? for|will (?:check|do|ask))\b",
                    rf"\bhow (?:will|can|does|do|would|might) {_WHOSE}{_DOCTORS} (?:know|tell|check|find|test|diagnose|confirm)\b",
                    r"\bhow (?:we|they|doctors) (?:check|test|find|diagnose)\b",
                    r"\b(?:getting|being|is|it is|it's|how it's|how to get) (?:checked|tested|diagnosed|examined)\b",
                    r"\bchecked\b", r"\bfinding out\b", r"\bconfirm", r"\bscans?\b", r"\bx-?rays?\b"),
            weak=(r"\bchecks?\b", r"\bidentif",),
        ),
    ),
    Kind(
        folder="treatments", command="treatment", singular="treatment", plural="Treatments",
        list_title="Treatments for {topic}",
        intro="Things that can help. Choose one to see which causes it addresses.",
        about="About treatment",
        schema_type="MedicalTherapy", condition_property="possibleTreatment",
        reaches=(Reach(through="causes", target="symptoms", label="Symptoms it may ease"),),
        headings=Vocabulary(
            strong=(r"\btreat", r"\bmanag(?:e|es|ing|ement)\b", r"\bremed(?:y|ies)\b", r"\bself[- ]?(?:help|care|management)\b",
                    r"\bhome care\b", r"\bat home\b", r"\bthings (?:you can do|that (?:can )?help|to try)\b",
                    r"\bwhat (?:can|should|to) (?:i|you|we)? ?do\b", r"\bmedicines?\b", r"\bmedications?\b", r"\bdrugs?\b",
                    r"\btherap(?:y|ies)\b", r"\brelie(?:f|ve)\b", r"\beas(?:e|ing)\b", r"\bcures?\b", r"\bget rid\b",
                    r"\bfeel better\b", r"\brecover", r"\bsurgery\b", r"\boperations?\b", r"\bantibiotics?\b",
                    r"\bexercises?\b", r"\bthat helps?\b", r"\bwhat (?:\w+ )?helps\b", r"\bcare options\b"),
            weak=(r"\bhelp", r"\btips\b", r"\bcare\b", r"\bhygiene\b", r"\bdo's\b|\bdos\b|\bdon'?ts\b"),
        ),
    ),
    Kind(
        folder="prevention", command="prevention", singular="way to prevent it", plural="Prevention",
        list_title="Preventing {topic}",
        intro="Things you can do to make it less likely, or to stop it coming back.",
        about="About prevention",
        schema_type="MedicalTherapy", condition_property="primaryPrevention",
        links=(
            Link(target="causes", label="Causes it helps prevent", reverse_label="Ways to prevent it",
                 description="Slugs of causes in this topic that this helps prevent."),
            Link(target="risk-factors", label="Risk factors it lowers", reverse_label="Ways to lower this risk",
                 description="Slugs of risk factors in this topic that this lowers."),
            Link(target="complications", label="Complications it helps prevent", reverse_label="Ways to prevent it",
                 description="Slugs of complications in this topic that this helps prevent.", reverse_jsonld="primaryPrevention"),
        ),
        headings=Vocabulary(
            strong=(r"\bprevent", r"\bavoid", r"\b(?:reduc|lower|cut|decreas|minimi[sz])\w* (?:your |the |their )?(?:risk|chances?|symptoms|exposure)\b",
                    r"\bstop(?:ping)? (?:it |them )?(?:from )?(?:happening|coming back|returning|getting worse|spreading)\b",
                    r"\bprotect", r"\bvaccin", r"\bimmuni[sz]", r"\bkeep(?:ing)? (?:it |them )?(?:from|away)\b", r"\bflare-?ups?\b",
                    r"\bstay(?:ing)? (?:healthy|well|safe)\b", r"\bstay(?:ing)? (?:ahead|on top) of\b",
                    r"\bkeep(?:ing)? (?:your |the )?\w+(?: \w+)? (?:down|low|healthy|strong)\b"),
            weak=(r"\bstop\b", r"\bsafe\b"),
        ),
    ),
])
