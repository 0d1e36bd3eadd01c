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

from healthsite.content.registry import ExtraField, Kind, Link, Question, Reach, Registry, Vocabulary

__all__ = ["KINDS", "ExtraField", "Kind", "Link", "Question", "Reach", "Registry", "Vocabulary"]

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
            strong=(rf"\b{_SIGNS}\b", r"^check if\b", r"\bfeels? like\b",
                    r"\bhow (?:do|can|will|would|to) (?:i|you|we) (?:know|tell|spot|recognise|recognize)\b",
                    r"\bhow to (?:tell|know|spot|recognise|recognize)\b", r"\b(?:look|watch) (?:out )?for\b",
                    r"\bwhat (?:you|they) (?:may|might|will|can) (?:notice|feel|see)\b",
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
                    r"\bwho(?: gets| get| is| are|'s| can| might| may| usually| tends| else)\b", r"\bam i (?:likely|at risk)\b",
                    r"\bmore (?:likely|common|prone)\b",
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
        result_label="Prevention",
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
            strong=(r"\bprevent", r"\bavoid",
                    r"\b(?:reduc|lower|cut|decreas|minimi[sz])\w* (?:your |the |their )?(?:risk|chances?|symptoms|exposure)\b",
                    r"\bstop(?:ping)? (?:it |them )?(?:from )?(?:happening|coming back|returning|getting worse|spreading)\b",
                    r"\bprotect", r"\bvaccin", r"\bimmuni[sz]", r"\bkeep(?:ing)? (?:it |them )?(?:from|away)\b", r"\bflare-?ups?\b",
                    r"\bstay(?:ing)? (?:healthy|well|safe)\b", r"\bstay(?:ing)? (?:ahead|on top) of\b",
                    r"\bkeep(?:ing)? (?:your |the )?\w+(?: \w+)? (?:down|low|healthy|strong)\b"),
            weak=(r"\bstop\b", r"\bsafe\b"),
        ),
    ),
])
