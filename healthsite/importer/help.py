"""Care cards from "When to get help" sections: each list item, or each "See a doctor
if ..." sentence, is a reason. Its level is what the reason itself asks for (call 999,
go to A&E), or else what its heading asks for ("Urgent advice: ...", "Call 999 if:")."""

from __future__ import annotations

import re

from healthsite.importer.headings import urgency_of
from healthsite.importer.records import Block, BlockType
from healthsite.importer.text import plain, split_sentences

LEVELS = ("non-urgent", "urgent", "immediate")
_ADVICE_IF = re.compile(r"^(?:.*?\b(?:see|call|contact|ask|talk to|speak to|go to|visit|get)\b.*?\bif\b|if)\s+(?P<reason>.+)$", re.I)


def help_reasons(blocks: list[Block], *, urgency: str) -> tuple[list[tuple[str, str]], list[Block]]:
    """Care-card reasons (level, text) from a help section, and the blocks left over."""
    reasons: list[tuple[str, str]] = []
    rest: list[Block] = []
    listed = urgency  # what the list that follows asks for
    for block in blocks:
        if block.type is BlockType.ITEM:
            reasons.append(_reason(plain(block.text), urgency=listed))
            continue
        if block.type is BlockType.PARAGRAPH:
            kept = []
            for sentence in split_sentences(block.text):
                if sentence.endswith(":") and re.search(r"\bif\b", sentence, re.I):
                    # "Call 999 or go to A&E if you have:" introduces the list, which is now the card
                    listed = max(urgency, urgency_of(sentence), key=LEVELS.index)
                    continue
                advice = _ADVICE_IF.match(plain(sentence))
                if advice and not sentence.endswith("?"):
                    reasons.append(_reason(plain(sentence), urgency=urgency))
                else:
                    kept.append(sentence)
            if not kept:
                continue
            block = Block(type=block.type, text=" ".join(kept), line=block.line)
        rest.append(block)
    return reasons, rest


def _reason(text: str, *, urgency: str) -> tuple[str, str]:
    """('immediate', 'the bleeding lasts longer than 20 minutes') from 'Go to A&E if the bleeding ...'."""
    own = urgency_of(text)
    level = max(own, urgency, key=LEVELS.index)
    advice = _ADVICE_IF.match(text)
    reason = (advice.group("reason") if advice else text).strip().rstrip(".!;")
    if re.match(r"if\b", text, re.I) and ", " in reason:  # "If you have chest pain, call 999": the part before the comma
        reason = reason.split(", ", 1)[0]
    first = reason.split(" ", 1)[0]
    if not (first.isupper() and len(first) > 1):  # "you take ..." but keep "GP", "ALS"
        reason = reason[:1].lower() + reason[1:]
    return level, reason
