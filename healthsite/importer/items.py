"""Items: the entries of one kind's section, whatever form the writer gave them: list items
("Name: text", "**Name** — text", a short name on its own), definition-list entries,
bold-led paragraphs, or a sub-heading per item followed by its text."""

from __future__ import annotations

import re

from healthsite.importer.headings import LEAD_IN
from healthsite.importer.records import Block, BlockType, ParsedItem
from healthsite.importer.text import plain, split_sentences


def section_items(*, blocks: list[Block], name: str, warnings: list[str]) -> tuple[list[ParsedItem], list[str]]:
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
        if block.type is BlockType.HEADING:
            close_sub()
            sub = block
            continue
        if block.type is BlockType.ITEM:
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
    if len(text.split()) <= MAX_NAME_WORDS and text[-1:] not in ".!?":
        return _clean_name(text), ""  # a bare name, as in "- Tingling"
    return None, text


def _clean_name(text: str) -> str:
    name = re.sub(r"[*_`]", "", text).strip().rstrip(":.").strip()
    return name[:1].upper() + name[1:]  # "- itchy skin" is titled "Itchy skin"


_NAME_STOP = {"a", "an", "the", "of", "to", "and", "or", "in", "on", "for", "with", "your", "you", "is", "are", "can", "may",
              "when", "if", "that", "which", "who", "as", "at", "by", "from"}


def _name_from_words(text: str) -> str:
    """A name for an item written as a sentence: the whole of a short one ("A broken bone after
    a minor fall or bump"), else its first clause, at most seven words."""
    sentence = plain(text).rstrip(".!?;:")
    if len(sentence.split()) > 10:
        sentence = _CLAUSE_BREAK.split(sentence, maxsplit=1)[0]
    words = sentence.split()[:7]
    while len(words) > 1 and words[-1].lower().strip(".,;:!?") in _NAME_STOP:
        words.pop()
    result = " ".join(words).strip(".,;:!?")
    return result[:1].upper() + result[1:]


# Where a sentence's naming part ends: a clause, or the verb after its subject ("Not getting
# enough sleep | makes the eyelid muscles ...").
_CLAUSE_BREAK = re.compile(r"[,;(]| - | (?:when|if|because|such as|like|which|so that|until|while|unless|especially|"
                           r"makes?|can|could|may|might|will|is|are|causes?|leads?) ")


def _shorten(text: str, words: int = 8) -> str:
    parts = plain(text).split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


# "Experts think gallstones may result when:" only makes sense followed by its list.
_UNFINISHED = re.compile(r"\b(when|if|because|as|by|from|like|to|you|are|is|be|of|with|these|following|can|may|might|"
                         r"should|will|who|that|than|such)\s*:$", re.I)


def drop_lead_ins(paras: list[str]) -> list[str]:
    """'Here are some common causes:' only introduced the list, which now has its own pages."""
    kept = []
    for para in paras:
        sentences = split_sentences(para)
        if sentences and sentences[-1].endswith(":") and (LEAD_IN.search(sentences[-1]) or _UNFINISHED.search(sentences[-1])):
            sentences.pop()
        elif sentences and sentences[-1].endswith(":"):
            sentences[-1] = sentences[-1][:-1] + "."  # real text; its list moved to item pages
        if sentences:
            kept.append(" ".join(sentences))
    return kept
