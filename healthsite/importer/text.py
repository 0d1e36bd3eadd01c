"""Text helpers the stages share: sentences, and Markdown inline formatting removed."""

from __future__ import annotations

import re

_ABBREVIATIONS = re.compile(r"\b(e\.g|i\.e|etc|vs|dr|mr|mrs|ms|st|no)\.$", re.I)


def split_sentences(text: str) -> list[str]:
    pieces = re.split(r"(?<=[.!?:])\s+(?=[A-Z0-9\"'“(*\[])", text.strip())
    sentences: list[str] = []
    for piece in pieces:
        if sentences and _ABBREVIATIONS.search(sentences[-1]):
            sentences[-1] += " " + piece
        else:
            sentences.append(piece)
    return [s for s in sentences if s]


def plain(text: str) -> str:
    """Markdown inline formatting removed: for summaries, names and matching."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    return re.sub(r"\s+", " ", text).strip()
