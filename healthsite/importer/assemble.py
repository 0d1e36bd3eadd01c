"""Assembler: blocks -> Article. Parts under their headings, items of each kind with names
and descriptions, care-card reasons from "When to get help", aliases from "Other names",
and lead-ins, blog meta and disclaimer sentences moved where they belong."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from healthsite.content.kinds import KINDS, Kind
from healthsite.importer.headings import Heading, Part, classify_heading
from healthsite.importer.help import LEVELS, help_reasons
from healthsite.importer.items import drop_lead_ins, section_items
from healthsite.importer.records import Article, Block, BlockType, Extra, ParsedItem, Read
from healthsite.importer.text import plain, split_sentences

_CHROME_TEXT = re.compile(r"^(leave a (comment|reply)|share( this)?( post| article)?|like this|related( posts| articles)?|"
                          r"read more|click to share.*|posted (in|on|by) .*|tags?:.*|categor(y|ies):.*|cancel reply|"
                          r"your email address will not be published.*|subscribe.*|loading|previous post.*|"
                          r"next post.*|\d+ comments?|no comments( yet)?|request an appointment|book an appointment)[.:!…]*$", re.I)
_BLOG_META = re.compile(r"^(in this (blog|blog post|post|article|guide)\b|this (blog|post|article) (will|explores|covers|looks)|"
                        r"read on\b|keep reading\b|let's (explore|take a look|dive)|we will explore)", re.I)
_DISCLAIMER_TEXT = re.compile(r"substitute for (professional )?(medical )?(advice|care)|not (intended|meant) (as|to be|to replace)|"
                              r"general information|informational purposes|educational purposes|does not constitute|"
                              r"\bconsult\b|not medical advice", re.I)
_DISCLAIMER_STRICT = re.compile(_DISCLAIMER_TEXT.pattern.replace(r"\bconsult\b|", ""), re.I)


@dataclass(slots=True)
class _PartBuilder:
    """Blocks under one heading while the article is being assembled."""

    heading: Heading
    text: str
    level: int
    line: int
    blocks: list[Block] = field(default_factory=list)

    @property
    def part(self) -> Part:
        return self.heading.part


def assemble(*, parsed: Read, name: str) -> Article:
    warnings: list[str] = []
    parts = _split_parts(parsed.blocks)
    sections: dict[Kind, list[ParsedItem]] = {}
    notes: dict[Kind, list[str]] = {}
    intro: list[str] = []
    aliases: list[str] = []
    extras: list[Extra] = []
    conclusion: list[str] = []
    disclaimer: list[str] = []
    reasons: dict[str, list[str]] = {}
    last = [p for p in parts if p.part is not Part.CHROME][-1]  # "Leave a Comment" is not the end of the text
    for part in parts:
        if part.part is Part.CHROME:
            if part.blocks:
                warnings.append(f"{name}:{part.line}: skipped '{part.text}' and the {len(part.blocks)} "
                                "block(s) under it as blog furniture; copy them back if they are article text")
        elif part.part is Part.ITEMS:
            assert part.heading.kind is not None
            trailing = _trailing_paragraphs(part.blocks) if part is last else []
            body = part.blocks[: len(part.blocks) - len(trailing)]
            for kind, blocks in _by_lead_in(body, heading=part.heading):
                items, paras = section_items(blocks=blocks, name=name, warnings=warnings)
                sections.setdefault(kind, []).extend(items)
                notes.setdefault(kind, []).extend(drop_lead_ins(paras))
            conclusion.extend(b.text for b in trailing)
        elif part.part is Part.HELP:
            found, rest = help_reasons(part.blocks, urgency=part.heading.urgency)
            for level, reason in found:
                reasons.setdefault(level, []).append(reason)
            if paras := _as_paragraphs(rest, name=name, warnings=warnings, where="help"):
                extras.append(Extra(heading="When to get help", paragraphs=tuple(paras)))
        elif part.part is Part.ALIASES:
            aliases.extend(_alias_list(part.blocks))
        else:
            paras = _as_paragraphs(part.blocks, name=name, warnings=warnings, where=part.part.value)
            if part.part is Part.INTRO:
                intro.extend(paras)
            elif part.part is Part.OUTLOOK:
                conclusion.extend(paras)
            elif part.part is Part.DISCLAIMER:
                disclaimer.extend(paras)
            elif paras:
                if part.part is Part.OTHER and any(b.type is BlockType.ITEM for b in part.blocks):
                    warnings.append(f"{name}:{part.line}: heading '{part.text}' names no section the importer knows "
                                    f"({', '.join(KINDS.folders())}); kept its list in topic.md. If it lists items of "
                                    "one kind, move them into that folder")
                extras.append(Extra(heading=part.text, paragraphs=tuple(paras)))
            else:
                intro.append(part.text)  # a lone short line, not really a heading: keep its text
    outlook, moved = _split_disclaimer(conclusion)
    extras, moved_from_extras = _move_disclaimers(_merge_extras(extras))
    title, source_title = _topic_title(parsed.title)
    return Article(
        title=title or name,
        source_title=source_title or name,
        intro=tuple(_drop_blog_meta(intro)),
        aliases=tuple(dict.fromkeys(aliases)),
        sections={kind: tuple(sections[kind]) for kind in KINDS if sections.get(kind)},
        notes={kind: tuple(notes[kind]) for kind in KINDS if notes.get(kind)},
        extras=tuple(extras),
        conclusion=tuple(outlook),
        disclaimer=tuple(moved_from_extras + moved + disclaimer),
        warnings=tuple(warnings),
        help={level: tuple(reasons[level]) for level in LEVELS if reasons.get(level)},
        url=parsed.url,
        publisher=parsed.publisher,
    )


def _by_lead_in(blocks: list[Block], *, heading: Heading) -> list[tuple[Kind, list[Block]]]:
    """A section's blocks by kind. Under a heading that names two kinds ("Causes and risk
    factors"), a lead-in that names the other one ("The following can raise your risk:")
    hands the list after it to that kind."""
    assert heading.kind is not None
    runs: list[tuple[Kind, list[Block]]] = [(heading.kind, [])]
    for block in blocks:
        if heading.also and block.type is BlockType.PARAGRAPH and block.text.endswith(":"):
            lead_in = classify_heading(split_sentences(plain(block.text))[-1])
            if lead_in.strong and lead_in.kind in (heading.kind, *heading.also) and lead_in.kind is not runs[-1][0]:
                runs.append((lead_in.kind, []))
        runs[-1][1].append(block)
    return [(run_kind, run_blocks) for run_kind, run_blocks in runs if run_blocks]


def _alias_list(blocks: list[Block]) -> list[str]:
    """'Renal calculi; Nephrolithiasis; Stones - kidney' or a list: each name once."""
    names = [n.strip(" .\"'“”") for b in blocks for n in re.split(r"[;,\n]|\s-\s(?=\w)", plain(b.text))]
    return [n for n in names if n and len(n.split()) <= 5]


def _split_parts(blocks: tuple[Block, ...]) -> list[_PartBuilder]:
    parts = [_PartBuilder(heading=Heading(part=Part.INTRO), text="", level=0, line=1)]
    for block in blocks:
        current = parts[-1]
        if block.type is BlockType.PARAGRAPH and _is_chrome_text(block.text):
            continue
        if block.type is BlockType.HEADING:
            heading = classify_heading(block.text)
            if _is_lead_in(heading, block=block, current=current):
                block = Block(type=BlockType.PARAGRAPH, text=block.text, line=block.line)
            elif _inside_questions(heading, block=block, current=current):
                pass  # "### Why am I still itching?" under "Other questions people ask" is an answer, not a section
            elif not _names_an_item(heading, block=block, current=current):
                parts.append(_PartBuilder(heading=heading, text=block.text, level=block.level, line=block.line))
                continue
        current.blocks.append(block)
    return parts


def _is_lead_in(heading: Heading, *, block: Block, current: _PartBuilder) -> bool:
    """A sentence that looked like a heading in plain text ("Your doctor may arrange one or more
    of these"), straight after a section heading: it introduces that section's list."""
    return (heading.part is Part.OTHER and current.part is Part.ITEMS and not current.blocks
            and block.level >= current.level and len(block.text.split()) >= 5 and block.text[1:] == block.text[1:].lower())


def _inside_questions(heading: Heading, *, block: Block, current: _PartBuilder) -> bool:
    return current.part is Part.FURTHER and block.level > current.level and heading.part in {Part.ITEMS, Part.OTHER, Part.INTRO}


def _names_an_item(heading: Heading, *, block: Block, current: _PartBuilder) -> bool:
    """A sub-heading inside a list section names one item ("### Dehydration", "### Previous
    thyroid treatment" under "Causes"), unless it opens a section of its own: help, outlook,
    another kind named up front ("### Risk factors"), or any kind under a heading that
    announced two ("Symptoms and causes", then "### What does it feel like?")."""
    if current.part is not Part.ITEMS or block.level <= current.level:
        return False
    if block.text.rstrip().endswith("?"):
        return False  # items are named, not asked: "How is psoriasis diagnosed?" opens a section
    if heading.part in {Part.OTHER, Part.INTRO, Part.ALIASES, Part.FURTHER}:
        return True
    if heading.part is not Part.ITEMS:
        return False
    if current.heading.also:
        return not heading.strong
    return heading.kind is current.heading.kind or not heading.leads


def _is_chrome_text(text: str) -> bool:
    return len(text.split()) <= 12 and _CHROME_TEXT.match(text.strip()) is not None


def _trailing_paragraphs(blocks: list[Block]) -> list[Block]:
    """Paragraphs after the last list of the article's last section: its closing words."""
    last_item = max((i for i, b in enumerate(blocks) if b.type is not BlockType.PARAGRAPH), default=-1)
    return blocks[last_item + 1 :] if last_item >= 0 else []


def _as_paragraphs(blocks: list[Block], *, name: str, warnings: list[str], where: str) -> list[str]:
    """Text of a part that has no item pages; list items stay a Markdown list."""
    paras: list[str] = []
    for block in blocks:
        if block.type is BlockType.ITEM:
            if where == "intro":
                warnings.append(f"{name}:{block.line}: list item before any section heading (symptoms, causes…); kept it in topic.md")
            if paras and paras[-1].startswith("- "):
                paras[-1] += f"\n- {block.text}"
            else:
                paras.append(f"- {block.text}")
        elif block.type is BlockType.HEADING:
            paras.append(f"**{block.text}**")
        else:
            paras.append(block.text)
    return paras


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
