"""Readers: file text -> blocks. Plain text and Markdown share a line scanner; HTML has its
own parser (webpage.py) that skips site furniture. The file is refused first if it is not an
article's text."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from healthsite.errors import ImportRefused
from healthsite.importer.headings import LEAD_IN, Part, classify_heading
from healthsite.importer.webpage import read_html
from healthsite.importer.records import Block, BlockType, Read

MAX_ARTICLE_BYTES = 2 * 1024 * 1024  # a long article is ~50 KB; more is a wrong file or embedded images


def read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ImportRefused(f"{path.as_posix()}: is {size:,} bytes, over the 2 MB limit for an article; "
                                "expected the text of one article (without embedded images)")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportRefused(f"{path.as_posix()}: file not found; expected an article (.txt, .md or .html)") from None
    except OSError as err:
        raise ImportRefused(f"{path.as_posix()}: cannot be read ({err.strerror})") from None
    # A BOM is harmless on input (Windows editors add it); only our output must be BOM-free.
    raw = raw.removeprefix(codecs.BOM_UTF8)
    if b"\0" in raw:  # text never contains NUL bytes; images, PDFs and Word files do
        raise ImportRefused(f"{path.as_posix()}: is a binary file, not text; expected an article saved as .txt, .md or .html")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise ImportRefused(f"{path.as_posix()}:{line}: is not UTF-8 text (byte {err.start}); save it with UTF-8 encoding") from None
    if not text.strip():
        raise ImportRefused(f"{path.as_posix()}: is empty; expected an article with symptoms, causes and treatments")
    return text.replace("\r\n", "\n").replace("\r", "\n")


_ITEM_LINE = re.compile(r"^(?P<indent>[ \t]*)(?:(?P<num>\d{1,3})[.)]|[-*+•–▪◦·o])[ \t]+(?P<text>\S.*)$")  # "o " in leaflets
_ATX = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_BOLD_LINE = re.compile(r"^(\*\*|__)([^*_]+?)\1:?$")


def read_blocks(*, text: str, path: Path) -> Read:
    suffix = path.suffix.lower()
    head = text[:2000].lower()
    if suffix in {".html", ".htm"} or (suffix not in {".txt", ".md", ".markdown"} and ("<html" in head or "<h1" in head)):
        return read_html(text)
    markdown = suffix in {".md", ".markdown"} or (suffix != ".txt" and re.search(r"^#{1,6} ", text, re.M) is not None)
    return _read_lines(text, markdown=markdown)


def _read_lines(text: str, *, markdown: bool) -> Read:
    """Plain text and Markdown share one line scanner; only heading detection differs."""
    lines = text.split("\n")
    start = 0
    if markdown and lines[0].strip() == "---":  # skip a front-matter block if the author had one
        end = next((n for n, line in enumerate(lines[1:], start=1) if line.strip() == "---"), None)
        start = end + 1 if end is not None else 0
    blocks: list[Block] = []
    para: list[str] = []
    para_line = 0
    item: list[list[str]] = []  # an item's paragraphs, each a list of lines
    item_line = 0
    item_num: int | None = None
    blank_before = True

    def flush_para() -> None:
        nonlocal para
        if para:
            blocks.extend(_paragraph_blocks(para, line=para_line, markdown=markdown))
        para = []

    def flush_item() -> None:
        nonlocal item
        if item:
            item[0] = _named_first_line(item[0])
            text = "\n\n".join(" ".join(p) for p in item if p)
            blocks.append(Block(type=BlockType.ITEM, text=text, line=item_line, number=item_num))
        item = []

    for n, raw in enumerate(lines[start:], start=start + 1):
        line = raw.rstrip()
        stripped = line.strip()
        atx = _ATX.match(line) if markdown else None
        bullet = _ITEM_LINE.match(line)
        if not stripped:
            flush_para()
            blank_before = True
            continue
        if len(para) == 1 and re.fullmatch(r"=+|-+", stripped) and (markdown or len(stripped) >= 3):
            # A setext heading: "Title" underlined with === (level 1) or --- (level 2), in plain text too.
            blocks.append(Block(type=BlockType.HEADING, text=para[0], line=para_line, level=1 if stripped[0] == "=" else 2))
            para = []
        elif atx:
            flush_para()
            flush_item()
            blocks.append(Block(type=BlockType.HEADING, text=atx.group(2), line=n, level=len(atx.group(1))))
        elif markdown and stripped.startswith(": ") and len(para) == 1:
            # A definition list ("Term" then ": definition"): one item, named by its term.
            flush_item()
            item, item_line, item_num = [[f"**{para[0]}**: {stripped[2:].strip()}"]], para_line, None
            para = []
        elif bullet:
            flush_para()
            flush_item()
            item, item_line = [[bullet.group("text").strip()]], n
            item_num = int(bullet.group("num")) if bullet.group("num") else None
        elif item and not blank_before:
            item[-1].append(stripped)  # a wrapped line of the item
        elif item and line[:1] in {" ", "\t"}:
            item.append([stripped])  # an indented paragraph after a blank line still belongs to the item
        else:
            flush_item()
            if not para:
                para_line = n
            para.append(stripped)
        blank_before = False
    flush_para()
    flush_item()
    return _take_title(blocks, markdown=markdown)


def _paragraph_blocks(lines: list[str], *, line: int, markdown: bool) -> list[Block]:
    """A paragraph, or a heading when the text has the shape of one."""
    first = lines[0]
    if markdown:
        bold = _BOLD_LINE.match(first)
        if bold and len(lines) == 1 and len(bold.group(2).split()) <= 10:
            return [Block(type=BlockType.HEADING, text=bold.group(2), line=line, level=4)]
    elif _looks_like_heading(first) and (len(lines) == 1 or _heads_its_paragraph(first)):
        rest = _lines_as_blocks(lines[1:], line=line + 1) if len(lines) > 1 else []
        return [Block(type=BlockType.HEADING, text=first.rstrip(":").strip(), line=line, level=2), *rest]
    return _lines_as_blocks(lines, line=line)


def _heads_its_paragraph(first: str) -> bool:
    """'Symptoms:' over the text it heads, not the first line of a wrapped paragraph
    ('Symptoms usually come on gradually and are often worse at night. They')."""
    short = first.endswith(":") or len(first.split()) <= 6
    return short and ". " not in first and classify_heading(first).part is not Part.OTHER


def _named_first_line(lines: list[str]) -> list[str]:
    """'1. Wrist splints' with its description on the lines below: the first line names it."""
    first = lines[0]
    if (len(lines) > 1 and lines[1][:1].isupper() and len(first.split()) <= 6 and first[-1:].isalnum()
            and ":" not in first and not first.startswith(("**", "__"))):
        return [f"**{first}**:", *lines[1:]]
    return lines


_NAMED_LINE = re.compile(r"^(?:\*\*|__)?[A-Z0-9][^:.!?]{0,80}?(?:\*\*|__)?:(?:\*\*|__)?\s+\S")


def _lines_as_blocks(lines: list[str], *, line: int) -> list[Block]:
    """A paragraph; or, when every line reads "Name: text", one item per line (a list written
    without bullets)."""
    if len(lines) > 1 and all(_NAMED_LINE.match(text) and len(text.split(":", 1)[0].split()) <= 8 for text in lines):
        return [Block(type=BlockType.ITEM, text=text, line=line + n) for n, text in enumerate(lines)]
    return [Block(type=BlockType.PARAGRAPH, text=" ".join(lines), line=line)]


def _looks_like_heading(line: str) -> bool:
    # Plain text has no markup: a short standalone line without sentence punctuation
    # ("Symptoms of Muscle Twitches:") is a heading; "... include:" introduces a list.
    words = line.split()
    if not words or len(words) > 12 or line[-1] in ".,;!" or re.match(r"[QA]:\s", line):
        return False  # "Q: Can I drive after surgery?" is a question in an FAQ, not a heading
    # "Contact your provider if you have:" is a condition that introduces a list, not a heading.
    return not (line.endswith(":") and (LEAD_IN.search(line) or re.search(r"\bif\b", line, re.I)))


def _take_title(blocks: list[Block], *, markdown: bool) -> Read:
    if markdown:
        index = next((i for i, b in enumerate(blocks) if b.type is BlockType.HEADING and b.level == 1), None)
        if index is not None:
            return Read(title=blocks[index].text, blocks=tuple(blocks[:index] + blocks[index + 1 :]))
    if not blocks:
        return Read(title="", blocks=())
    # A leaflet may open with a letterhead ("Northfield General Hospital", "PATIENT INFORMATION"):
    # of the short opening lines, the title is the one the text talks about most.
    opening = []
    for block in blocks[:8]:
        if len(block.text.split()) > 8 or block.text[-1:] in ".!?" or classify_heading(block.text).part is not Part.OTHER:
            break
        opening.append(block)
    text = " ".join(b.text for b in blocks).casefold()
    chosen = max(opening, key=lambda b: text.count(b.text.casefold()), default=blocks[0])
    return Read(title=chosen.text, blocks=tuple(b for b in blocks if b is not chosen))
