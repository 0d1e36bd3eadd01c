"""Readers: file text -> blocks. Plain text and Markdown share a line scanner; HTML has its
own parser that skips blog furniture. The file is refused first if it is not an article's text."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from healthsite.errors import ImportRefused
from healthsite.importer.headings import LEAD_IN, Part, classify_heading
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


_ITEM_LINE = re.compile(r"^(?P<indent>[ \t]*)(?:(?P<num>\d{1,3})[.)]|[-*+•–])[ \t]+(?P<text>\S.*)$")
_ATX = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_BOLD_LINE = re.compile(r"^(\*\*|__)([^*_]+?)\1:?$")


def read_blocks(*, text: str, path: Path) -> Read:
    suffix = path.suffix.lower()
    head = text[:2000].lower()
    if suffix in {".html", ".htm"} or (suffix not in {".txt", ".md", ".markdown"} and ("<html" in head or "<h1" in head)):
        return _read_html(text)
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
        if markdown and len(para) == 1 and re.fullmatch(r"=+|-+", stripped):
            # A setext heading: "Title" underlined with === (level 1) or --- (level 2).
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
    elif _looks_like_heading(first) and (len(lines) == 1 or classify_heading(first).part is not Part.OTHER):
        rest = _lines_as_blocks(lines[1:], line=line + 1) if len(lines) > 1 else []
        return [Block(type=BlockType.HEADING, text=first.rstrip(":").strip(), line=line, level=2), *rest]
    return _lines_as_blocks(lines, line=line)


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
    if not words or len(words) > 12 or line[-1] in ".,;!":
        return False
    # "Contact your provider if you have:" is a condition that introduces a list, not a heading.
    return not (line.endswith(":") and (LEAD_IN.search(line) or re.search(r"\bif\b", line, re.I)))


def _take_title(blocks: list[Block], *, markdown: bool) -> Read:
    if markdown:
        index = next((i for i, b in enumerate(blocks) if b.type is BlockType.HEADING and b.level == 1), None)
        if index is not None:
            return Read(title=blocks[index].text, blocks=tuple(blocks[:index] + blocks[index + 1 :]))
    if not blocks:
        return Read(title="", blocks=())
    first = blocks[0]
    return Read(title=first.text, blocks=tuple(blocks[1:]))


# HTML: skip whole elements that are blog furniture, keep the article's blocks.
_SKIP_TAGS = {"nav", "header", "footer", "aside", "form", "script", "style", "noscript", "template", "svg",
              "iframe", "button", "select", "textarea", "figure"}
_SKIP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "form"}
_CHROME_CLASS = re.compile(r"share|sharing|social|related|comment|sidebar|widget|newsletter|subscribe|"
                           r"breadcrumb|advert|^ads?$|cookie|author-bio|^tags$|post-tags|^menu|popup|modal|"
                           r"post-nav|pagination|byline|post-meta|entry-meta|reading-time|tabs|^cta$|call-to-action|^btn", re.I)
_NEVER_SKIP = {"html", "body", "main", "article"}  # WordPress puts "category-x tag-y" classes on <article>
_BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "blockquote", "dd", "dt", "td",
               "th", "pre", "tr", "ul", "ol", "table", "figcaption", "article", "main"}
_VOID_TAGS = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "col", "embed", "track", "param", "base"}


@dataclass(frozen=True, slots=True, kw_only=True)
class _H1:
    index: int | None  # position in blocks, or None when it sat in skipped furniture
    in_article: bool
    text: str


class _HtmlBlocks(HTMLParser):
    """Collects blocks from HTML, skipping furniture (nav, share bars, comments...)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, opened a skipped region)
        self.skip_depth = 0
        self.article_depth = 0
        self.li_depth = 0
        self.blocks: list[Block] = []
        self.h1s: list[_H1] = []
        self.buffer: list[str] = []
        self.buffer_line = 0
        self.buffer_skipped = False
        self.block_tag = "p"
        self.link_href: list[str | None] = []
        self.title_tag: list[str] = []
        self.in_title = False
        self.url: str | None = None
        self.publisher: str | None = None
        self.term: tuple[str, int] | None = None  # a <dt> waiting for its <dd>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta":
            self._meta(values)
        elif tag == "link" and "canonical" in values.get("rel", "").split():
            self.url = self.url or values.get("href") or None
        elif tag == "title":
            self.in_title = True
        if tag in _VOID_TAGS:
            if tag == "br":
                self._text(" ")
            return
        self._implicit_close(tag)
        skip = tag in _SKIP_TAGS or values.get("role", "") in _SKIP_ROLES or (
            tag not in _NEVER_SKIP
            and any(_CHROME_CLASS.search(token) for token in f"{values.get('class', '')} {values.get('id', '')}".split()))
        if self.li_depth and tag == "li":
            self._text(_NESTED_ITEM)  # a nested list stays part of its item, as a Markdown list
        elif self.li_depth and tag in _BLOCK_TAGS:
            self._text(" ")
        elif tag in _BLOCK_TAGS:
            self._flush()
            self.block_tag = tag
        self.stack.append((tag, skip))
        self.skip_depth += skip
        self.article_depth += tag in {"article", "main"}
        self.li_depth += tag == "li"
        if tag in {"strong", "b"}:
            self._text("**")
        elif tag in {"em", "i"}:
            self._text("*")
        elif tag == "a":
            href = values.get("href", "")
            self.link_href.append(href if href.startswith(("http://", "https://")) else None)
            if self.link_href[-1]:
                self._text("[")

    def _implicit_close(self, tag: str) -> None:
        # HTML lets authors omit </li> and </p>; the next <li> or block closes them.
        if tag == "li":
            lists = [t for t, _ in self.stack if t in {"ul", "ol", "li"}]
            if lists and lists[-1] == "li":
                self.handle_endtag("li")
        elif tag in _BLOCK_TAGS and self.stack and self.stack[-1][0] == "p":
            self.handle_endtag("p")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag not in (t for t, _ in self.stack):
            return  # a stray end tag: ignore it rather than close everything
        while self.stack:  # close unclosed children too (<p> without </p>)
            open_tag, skip = self.stack[-1]
            self._close(open_tag)
            self.stack.pop()
            self.skip_depth -= skip
            self.article_depth -= open_tag in {"article", "main"}
            if open_tag == tag:
                break

    def _close(self, tag: str) -> None:
        if tag in {"strong", "b"}:
            self._text("**")
        elif tag in {"em", "i"}:
            self._text("*")
        elif tag == "a" and self.link_href:
            href = self.link_href.pop()
            if href:
                self._text(f"]({href})")
        if tag == "li":
            self.li_depth -= 1
            if not self.li_depth:
                self._flush()
        elif tag in _BLOCK_TAGS and not self.li_depth:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_tag.append(data)
        elif self.stack:
            self._text(data)

    def _meta(self, values: dict[str, str]) -> None:
        prop = values.get("property", "") or values.get("name", "")
        if prop == "og:url":
            self.url = self.url or values.get("content") or None
        elif prop == "og:site_name":
            self.publisher = values.get("content") or None

    def _text(self, text: str) -> None:
        # Furniture text is dropped, except a heading-1 there, which may be the only title.
        if self.skip_depth and not any(t == "h1" for t, _ in self.stack):
            return
        if not self.buffer:
            self.buffer_line = self.getpos()[0]
            self.buffer_skipped = self.skip_depth > 0
        self.buffer.append(text)

    def _flush_term(self) -> None:
        """A term without a description is an item that is only a name."""
        if self.term:
            (term, line), self.term = self.term, None
            self.blocks.append(Block(type=BlockType.ITEM, text=term, line=line))

    def _flush(self) -> None:
        text = _tidy_inline("".join(self.buffer))
        tag, skipped = self.block_tag, self.buffer_skipped
        self.buffer, self.block_tag = [], "li" if self.li_depth else "p"
        if not text:
            return
        if tag == "h1":
            self.h1s.append(_H1(index=None if skipped else len(self.blocks), in_article=self.article_depth > 0,
                                text=text.replace("**", "")))
        if skipped:
            return
        if tag == "dt":  # a definition list's term names the item its <dd> describes
            self._flush_term()
            self.term = (text.replace("**", ""), self.buffer_line)
            return
        if tag == "dd" and self.term:
            (term, line), self.term = self.term, None
            self.blocks.append(Block(type=BlockType.ITEM, text=f"**{term}**: {text}", line=line))
            return
        self._flush_term()
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.blocks.append(Block(type=BlockType.HEADING, text=text.replace("**", ""), line=self.buffer_line, level=int(tag[1])))
        elif tag == "li" or self.li_depth:
            self.blocks.append(Block(type=BlockType.ITEM, text=text, line=self.buffer_line))
        else:
            self.blocks.append(Block(type=BlockType.PARAGRAPH, text=text, line=self.buffer_line))


_NESTED_ITEM = "\x00"


def _tidy_inline(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s*\x00\s*", "\n- ", text).replace("\n- ", "\n\n- ", 1)
    text = re.sub(r"\*\*\s*\*\*", "", text)  # empty bold from whitespace-only <strong>
    text = re.sub(r"\*\*(\S[^*]*?)\s+\*\*", r"**\1** ", text)  # "<b>Name: </b>" -> "**Name:** "
    return re.sub(r"[ \t]+", " ", text).strip()


def _read_html(text: str) -> Read:
    parser = _HtmlBlocks()
    parser.feed(text)
    parser.close()
    parser._flush()
    parser._flush_term()
    blocks = list(parser.blocks)
    # Prefer the h1 inside <article>/<main>: a site logo may be an h1 too.
    ranked = sorted(parser.h1s, key=lambda h: (not h.in_article, h.index is None))
    if ranked:
        title = ranked[0].text
        if ranked[0].index is not None:
            del blocks[ranked[0].index]
    else:
        title = re.split(r"\s[|–—-]\s", " ".join("".join(parser.title_tag).split()))[0]
    return Read(title=title, blocks=tuple(blocks), url=parser.url, publisher=parser.publisher)
