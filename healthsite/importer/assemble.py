"""Assembler: blocks -> Article. Parts under their headings, items with names and
descriptions, care-card reasons from "When to see a doctor", and lead-ins, blog meta and
disclaimer sentences moved where they belong."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from healthsite.importer.headings import LEAD_IN, Part, classify_heading
from healthsite.importer.records import Article, Block, Extra, Kind, ParsedItem, Read
from healthsite.importer.text import plain, split_sentences
from healthsite.content.model import Section

_PART_SECTION = {Part.SYMPTOMS: Section.SYMPTOMS, Part.CAUSES: Section.CAUSES, Part.TREATMENTS: Section.TREATMENTS}

_CHROME_TEXT = re.compile(r"^(leave a (comment|reply)|share( this)?( post| article)?|like this|related( posts| articles)?|"
                          r"read more|click to share.*|posted (in|on|by) .*|tags?:.*|categor(y|ies):.*|cancel reply|"
                          r"your email address will not be published.*|subscribe.*|loading|previous post.*|"
                          r"next post.*|\d+ comments?|no comments( yet)?)[.:!…]*$", re.I)
_BLOG_META = re.compile(r"^(in this (blog|blog post|post|article|guide)\b|this (blog|post|article) (will|explores|covers|looks)|"
                        r"read on\b|keep reading\b|let's (explore|take a look|dive)|we will explore)", re.I)
_DISCLAIMER_TEXT = re.compile(r"substitute for (professional )?(medical )?(advice|care)|not (intended|meant) (as|to be|to replace)|"
                              r"general information|informational purposes|educational purposes|does not constitute|"
                              r"\bconsult\b|not medical advice", re.I)
_DISCLAIMER_STRICT = re.compile(_DISCLAIMER_TEXT.pattern.replace(r"\bconsult\b|", ""), re.I)


@dataclass(slots=True)
class _PartBuilder:
    """Blocks under one heading while the article is being assembled."""

    kind: Part
    heading: str
    level: int
    line: int
    blocks: list[Block] = field(default_factory=list)


def assemble(*, parsed: Read, name: str) -> Article:
    warnings: list[str] = []
    parts = _split_parts(blocks=parsed.blocks, name=name, warnings=warnings)
    sections: dict[Section, list[ParsedItem]] = {}
    notes: dict[Section, list[str]] = {}
    intro: list[str] = []
    extras: list[Extra] = []
    conclusion: list[str] = []
    disclaimer: list[str] = []
    help_reasons: dict[str, list[str]] = {}
    last = [p for p in parts if p.kind is not Part.CHROME][-1]  # "Leave a Comment" is not the end of the text
    for part in parts:
        if part.kind is Part.CHROME:
            if part.blocks:
                warnings.append(f"{name}:{part.line}: skipped '{part.heading}' and the {len(part.blocks)} "
                                "block(s) under it as blog furniture; copy them back if they are article text")
        elif part.kind in _PART_SECTION:
            section = _PART_SECTION[part.kind]
            trailing = _trailing_paragraphs(part.blocks) if part is last else []
            body = part.blocks[: len(part.blocks) - len(trailing)]
            items, paras = _section_items(blocks=body, level=part.level, name=name, warnings=warnings)
            sections.setdefault(section, []).extend(items)
            notes.setdefault(section, []).extend(_drop_lead_ins(paras))
            conclusion.extend(b.text for b in trailing)
        else:
            paras = _as_paragraphs(part.blocks, name=name, warnings=warnings, where=part.kind.value)
            if part.kind is Part.INTRO:
                intro.extend(paras)
            elif part.kind is Part.OUTLOOK:
                conclusion.extend(paras)
            elif part.kind is Part.DISCLAIMER:
                disclaimer.extend(paras)
            elif part.kind is Part.HELP:
                found, paras = _help_reasons(part.blocks, name=name, warnings=warnings)
                for level, reason in found:
                    help_reasons.setdefault(level, []).append(reason)
                if paras:
                    extras.append(Extra(heading="When to get help", paragraphs=tuple(paras)))
            elif paras:
                extras.append(Extra(heading=part.heading, paragraphs=tuple(paras)))
            else:
                intro.append(part.heading)  # a lone short line, not really a heading: keep its text
    outlook, moved = _split_disclaimer(conclusion)
    extras, moved_from_extras = _move_disclaimers(_merge_extras(extras))
    title, source_title = _topic_title(parsed.title)
    return Article(
        title=title or name,
        source_title=source_title or name,
        intro=tuple(_drop_blog_meta(intro)),
        sections={s: tuple(sections[s]) for s in Section if sections.get(s)},
        notes={s: tuple(notes[s]) for s in Section if notes.get(s)},
        extras=tuple(extras),
        conclusion=tuple(outlook),
        disclaimer=tuple(moved_from_extras + moved + disclaimer),
        warnings=tuple(warnings),
        help={level: tuple(reasons) for level, reasons in sorted(help_reasons.items(), key=lambda h: _LEVELS.index(h[0]))},
        url=parsed.url,
        publisher=parsed.publisher,
    )


# "When to see a doctor": each list item, or each "See a doctor if ..." sentence, is a reason
# on a care card. Emergency advice ("Go to A&E if ...") gets its own card.
_LEVELS = ("non-urgent", "urgent", "immediate")
_EMERGENCY = re.compile(r"\b(call (911|999|112|000|an ambulance)|A&E|emergency (room|department|services)|"
                        r"\bER\b|go to (the )?hospital)", re.I)
_ADVICE_IF = re.compile(r"^(?:.*?\b(?:see|call|contact|ask|talk to|speak to|go to|visit|get)\b.*?\bif\b|if)\s+(?P<reason>.+)$", re.I)


def _help_reasons(blocks: list[Block], *, name: str, warnings: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """Care-card reasons (level, text) from a help section, and the paragraphs left over."""
    reasons: list[tuple[str, str]] = []
    rest: list[Block] = []
    for block in blocks:
        if block.kind is Kind.ITEM:
            reasons.append(_reason(plain(block.text)))
            continue
        if block.kind is Kind.PARAGRAPH:
            kept = []
            for sentence in split_sentences(block.text):
                if sentence.endswith(":") and re.search(r"\bif:$", sentence):
                    continue  # "See a GP if:" introduces the list, which is now the card
                advice = _ADVICE_IF.match(plain(sentence))
                if advice and not sentence.endswith("?"):
                    reasons.append(_reason(plain(sentence)))
                else:
                    kept.append(sentence)
            if not kept:
                continue
            block = Block(kind=block.kind, text=" ".join(kept), line=block.line)
        rest.append(block)
    return reasons, _as_paragraphs(rest, name=name, warnings=warnings, where="help")


def _reason(text: str) -> tuple[str, str]:
    """('immediate', 'the bleeding lasts longer than 20 minutes') from 'Go to A&E if the bleeding ...'."""
    level = "immediate" if _EMERGENCY.search(text) else "non-urgent"
    advice = _ADVICE_IF.match(text)
    reason = (advice.group("reason") if advice else text).strip().rstrip(".!;")
    first = reason.split(" ", 1)[0]
    if not (first.isupper() and len(first) > 1):  # "you take ..." but keep "GP", "ALS"
        reason = reason[:1].lower() + reason[1:]
    return level, reason


def _split_parts(*, blocks: tuple[Block, ...], name: str, warnings: list[str]) -> list[_PartBuilder]:
    parts = [_PartBuilder(kind=Part.INTRO, heading="", level=0, line=1)]
    for block in blocks:
        current = parts[-1]
        if block.kind is Kind.PARAGRAPH and _is_chrome_text(block.text):
            continue
        if block.kind is Kind.HEADING:
            kind = classify_heading(block.text)
            # A sub-heading inside a list section names one item ("### Dehydration").
            if not (kind is Part.OTHER and current.kind in _PART_SECTION and block.level > current.level):
                parts.append(_PartBuilder(kind=kind, heading=block.text, level=block.level, line=block.line))
                continue
        current.blocks.append(block)
    return parts


def _is_chrome_text(text: str) -> bool:
    return len(text.split()) <= 12 and _CHROME_TEXT.match(text.strip()) is not None


def _trailing_paragraphs(blocks: list[Block]) -> list[Block]:
    """Paragraphs after the last list of the article's last section: its closing words."""
    last_item = max((i for i, b in enumerate(blocks) if b.kind is not Kind.PARAGRAPH), default=-1)
    return blocks[last_item + 1 :] if last_item >= 0 else []


def _section_items(*, blocks: list[Block], level: int, name: str, warnings: list[str]) -> tuple[list[ParsedItem], list[str]]:
    items: list[ParsedItem] = []
    paras: list[str] = []
    previous: int | None = None
    sub: Block | None = None  # a sub-heading waiting for its description
    sub_text: list[str] = []

    def close_sub() -> None:
        nonlocal sub, sub_text
        if sub is not None:
            items.append(ParsedItem(name=_clean_name(sub.text), description="\n\n".join(sub_text), line=sub.line))
            if not sub_text:
                warnings.append(f"{name}:{sub.line}: item '{sub.text}' has no description; its summary repeats the name")
        sub, sub_text = None, []

    for block in blocks:
        if block.kind is Kind.HEADING:
            close_sub()
            sub = block
            continue
        if block.kind is Kind.ITEM:
            if sub is not None and not sub_text:
                warnings.append(f"{name}:{sub.line}: sub-heading '{sub.text}' groups a list; kept the items, not the heading")
                sub = None
            close_sub()
            if block.number is not None and previous is not None and block.number not in {previous + 1, 1}:
                warnings.append(f"{name}:{block.line}: numbering jumps from {previous} to {block.number}; check that no item is missing")
            previous = block.number
            items.append(_parse_item(block, name=name, warnings=warnings))
            continue
        previous = None
        if sub is not None:
            sub_text.append(block.text)
        elif (bold := _BOLD_ITEM.match(block.text)) and bold.group("rest"):
            items.append(_parse_item(block, name=name, warnings=warnings))  # "<p><strong>Name</strong>: text</p>"
        else:
            paras.append(block.text)
    close_sub()
    return items, paras


def _as_paragraphs(blocks: list[Block], *, name: str, warnings: list[str], where: str) -> list[str]:
    """Text of a part that has no item pages; list items stay a Markdown list."""
    paras: list[str] = []
    for block in blocks:
        if block.kind is Kind.ITEM:
            if where == "intro":
                warnings.append(f"{name}:{block.line}: list item before any symptoms, causes or treatments heading; kept it in topic.md")
            if paras and paras[-1].startswith("- "):
                paras[-1] += f"\n- {block.text}"
            else:
                paras.append(f"- {block.text}")
        elif block.kind is Kind.HEADING:
            paras.append(f"**{block.text}**")
        else:
            paras.append(block.text)
    return paras


# Items: "Name: text", "**Name**: text", "**Name** — text", "**Name:** text", "Name - text".
_BOLD_ITEM = re.compile(r"^(\*\*|__)(?P<name>[^*_]+?)\1\s*(?P<rest>.*)$", re.S)
_SEPARATOR = re.compile(r":\s|\s[—–-]\s|[—–]\s")
MAX_NAME_WORDS = 8


def _parse_item(block: Block, *, name: str, warnings: list[str]) -> ParsedItem:
    text = block.text.strip()
    item_name, description = _split_item(text)
    if item_name is None:
        item_name = _name_from_words(text)
        warnings.append(f"{name}:{block.line}: item has no name ('{_shorten(text)}'); named it '{item_name}' from its first words")
        description = text
    elif not description:
        warnings.append(f"{name}:{block.line}: item '{item_name}' has no description; its summary repeats the name")
    return ParsedItem(name=item_name, description=description, line=block.line)


def _split_item(text: str) -> tuple[str | None, str]:
    bold = _BOLD_ITEM.match(text)
    if bold:
        rest = re.sub(r"^(:|[—–-])\s*", "", bold.group("rest").strip())
        return _clean_name(bold.group("name")), rest
    depth = 0
    for index, char in enumerate(text):
        # Split on the first separator outside parentheses: "Restless legs (RLS: ...): text".
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and (sep := _SEPARATOR.match(text, index)):
            head = text[:index].strip()
            if head and len(head.split()) <= MAX_NAME_WORDS and not re.search(r"[.!?]\s", head):
                return _clean_name(head), text[sep.end() :].strip()
            break
    if len(text.split()) <= 6 and text[-1:] not in ".!?":
        return _clean_name(text), ""  # a bare name, as in "- Tingling"
    return None, text


def _clean_name(text: str) -> str:
    return re.sub(r"[*_`]", "", text).strip().rstrip(":").strip()


_NAME_STOP = {"a", "an", "the", "of", "to", "and", "or", "in", "on", "for", "with", "your", "you", "is", "are", "can", "may",
              "when", "if", "that", "which", "who", "as", "at", "by", "from"}


def _name_from_words(text: str) -> str:
    words = plain(text).split()[:4]
    while len(words) > 1 and words[-1].lower().strip(".,;:!?") in _NAME_STOP:
        words.pop()
    result = " ".join(words).strip(".,;:!?")
    return result[:1].upper() + result[1:]


def _shorten(text: str, words: int = 8) -> str:
    parts = plain(text).split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _drop_lead_ins(paras: list[str]) -> list[str]:
    """'Here are some common causes:' only introduced the list, which now has its own pages."""
    kept = []
    for para in paras:
        sentences = split_sentences(para)
        if sentences and sentences[-1].endswith(":") and LEAD_IN.search(sentences[-1]):
            sentences.pop()
        elif sentences and sentences[-1].endswith(":"):
            sentences[-1] = sentences[-1][:-1] + "."  # real text; its list moved to item pages
        if sentences:
            kept.append(" ".join(sentences))
    return kept


def _drop_blog_meta(paras: list[str]) -> list[str]:
    kept = []
    for para in paras:
        sentences = [s for s in split_sentences(para) if not _BLOG_META.match(plain(s))]
        if sentences:
            kept.append(" ".join(sentences))
    return kept


def _split_disclaimer(paras: list[str], *, rule: re.Pattern[str] = _DISCLAIMER_TEXT) -> tuple[list[str], list[str]]:
    """Sentences such as 'not a substitute for professional medical advice' belong in the disclaimer."""
    kept_paras: list[str] = []
    moved_paras: list[str] = []
    for para in paras:
        sentences = split_sentences(para)
        kept = [s for s in sentences if not rule.search(s)]
        moved = [s for s in sentences if rule.search(s)]
        if kept:
            kept_paras.append(" ".join(kept))
        if moved:
            moved_paras.append(" ".join(moved))
    return kept_paras, moved_paras


def _move_disclaimers(extras: list[Extra]) -> tuple[list[Extra], list[str]]:
    # Stricter here: "consult your doctor if..." in a help section is advice, not a disclaimer.
    kept: list[Extra] = []
    moved: list[str] = []
    for extra in extras:
        paras, found = _split_disclaimer(list(extra.paragraphs), rule=_DISCLAIMER_STRICT)
        moved += found
        if paras:
            kept.append(Extra(heading=extra.heading, paragraphs=tuple(paras)))
    return kept, moved


def _merge_extras(extras: list[Extra]) -> list[Extra]:
    merged: dict[str, list[str]] = {}
    for extra in extras:
        merged.setdefault(extra.heading, []).extend(extra.paragraphs)
    return [Extra(heading=h, paragraphs=tuple(p)) for h, p in merged.items()]


def _topic_title(title: str) -> tuple[str, str]:
    """'Muscle Twitches: Symptoms, Causes, and Treatment' -> ('Muscle Twitches', the whole title)."""
    full = plain(title)
    split = re.search(r":\s|\s[|–—-]\s", full)
    if split and re.search(r"symptom|cause|treat|guide|what|how|everything|overview", full[split.end() :], re.I):
        return full[: split.start()].strip(), full
    return full, full
