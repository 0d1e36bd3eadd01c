"""Turn one health article (plain text, Markdown or blog HTML) into a content topic.

The stages are separate on purpose: a reader turns the file into a flat list of
blocks (headings, paragraphs, list items); the assembler turns blocks into an
`Article`; the linker suggests cross-links; the renderer produces file texts; the
writer puts them on disk atomically. Nothing is written until every stage succeeded.
"""

from __future__ import annotations

import codecs
import datetime as dt
import enum
import os
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

import yaml

from healthsite.errors import ImportRefused
from healthsite.model import Section
from healthsite.schema import SLUG_RE
from healthsite.synonyms import suggest_aliases

BACKUP_DIR = ".backup"
MAX_LINKS = 4  # per item: more would be noise for the editor to undo
LINK_THRESHOLD = 2  # one shared name word, or two shared description words
MAX_ARTICLE_BYTES = 2 * 1024 * 1024  # a long article is ~50 KB; more is a wrong file or embedded images


# --- Records ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportReport:
    """What `import_article` wrote, for the CLI to show."""

    topic_dir: Path
    counts: dict[Section, int]
    warnings: tuple[str, ...]
    links: tuple[tuple[str, str], ...]  # (source slug, target slug)


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedItem:
    name: str
    description: str  # Markdown (or plain text for .txt input)
    line: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Extra:
    """A headed part of the article that is not a list of items (kept in topic.md)."""

    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    title: str  # the condition, e.g. "Muscle Twitches"
    source_title: str  # the article's full title
    intro: tuple[str, ...]
    sections: dict[Section, tuple[ParsedItem, ...]]
    notes: dict[Section, tuple[str, ...]]  # a section's own paragraphs, besides its items
    extras: tuple[Extra, ...]
    conclusion: tuple[str, ...]
    disclaimer: tuple[str, ...]
    warnings: tuple[str, ...]
    help: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "When to see a doctor": level -> reasons
    url: str | None = None
    publisher: str | None = None


class _Kind(enum.Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"


@dataclass(frozen=True, slots=True, kw_only=True)
class _Block:
    kind: _Kind
    text: str
    line: int
    level: int = 0  # headings only
    number: int | None = None  # numbered list items only


@dataclass(frozen=True, slots=True, kw_only=True)
class _Read:
    """What a reader found: the title and the blocks after it."""

    title: str
    blocks: tuple[_Block, ...]
    url: str | None = None
    publisher: str | None = None


# --- The pipeline ----------------------------------------------------------------------


def import_article(article: Path, *, topic: str, content_dir: Path, force: bool = False, today: dt.date) -> ImportReport:
    """Write content_dir/<topic>/ from `article`, or raise ImportRefused having written nothing."""
    _check_topic_slug(topic)
    target = content_dir / topic
    if target.exists() and not force:
        raise ImportRefused(f"{target.as_posix()} already exists; pass --force to replace it "
                            f"(the old folder is moved to {(content_dir / BACKUP_DIR).as_posix()}/)")
    text = _read_text(article)
    parsed = _read_blocks(text=text, path=article)
    doc = _assemble(parsed=parsed, name=article.name)
    if not any(doc.sections.values()):
        raise ImportRefused(f"{article.as_posix()}: no symptoms, causes or treatments found; expected headings such as "
                            "'Symptoms of …', 'Common causes' or 'Treatment options', each followed by a list of items")
    slugs = _assign_slugs(doc=doc, name=article.name)
    links = _suggest_links(doc=doc, slugs=slugs)
    files = _render(doc=doc, slugs=slugs, links=links, source_name=article.name, today=today)
    _write_tree(files=files, content_dir=content_dir, topic=topic)
    return ImportReport(
        topic_dir=target,
        counts={s: len(doc.sections.get(s, ())) for s in Section},
        warnings=doc.warnings + slugs.warnings,
        links=tuple((slugs.of(s, src), slugs.of(s.link_target, dst))
                    for s in Section if s.link_target for src, dsts in links.get(s, {}).items() for dst in dsts),
    )


def _check_topic_slug(topic: str) -> None:
    if not SLUG_RE.match(topic) or topic == "index":
        raise ImportRefused(f"topic '{topic}' is not a usable web address; expected lowercase letters, digits and "
                            "single hyphens (for example 'muscle-twitches'), and not 'index'")


def _read_text(path: Path) -> str:
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


# --- Readers: file text -> blocks ------------------------------------------------------

_ITEM_LINE = re.compile(r"^(?P<indent>[ \t]*)(?:(?P<num>\d{1,3})[.)]|[-*+•–])[ \t]+(?P<text>\S.*)$")
_ATX = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_BOLD_LINE = re.compile(r"^(\*\*|__)([^*_]+?)\1:?$")


def _read_blocks(*, text: str, path: Path) -> _Read:
    suffix = path.suffix.lower()
    head = text[:2000].lower()
    if suffix in {".html", ".htm"} or (suffix not in {".txt", ".md", ".markdown"} and ("<html" in head or "<h1" in head)):
        return _read_html(text)
    markdown = suffix in {".md", ".markdown"} or (suffix != ".txt" and re.search(r"^#{1,6} ", text, re.M) is not None)
    return _read_lines(text, markdown=markdown)


def _read_lines(text: str, *, markdown: bool) -> _Read:
    """Plain text and Markdown share one line scanner; only heading detection differs."""
    lines = text.split("\n")
    start = 0
    if markdown and lines[0].strip() == "---":  # skip a front-matter block if the author had one
        end = next((n for n, line in enumerate(lines[1:], start=1) if line.strip() == "---"), None)
        start = end + 1 if end is not None else 0
    blocks: list[_Block] = []
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
            blocks.append(_Block(kind=_Kind.ITEM, text=text, line=item_line, number=item_num))
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
            blocks.append(_Block(kind=_Kind.HEADING, text=para[0], line=para_line, level=1 if stripped[0] == "=" else 2))
            para = []
        elif atx:
            flush_para()
            flush_item()
            blocks.append(_Block(kind=_Kind.HEADING, text=atx.group(2), line=n, level=len(atx.group(1))))
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


def _paragraph_blocks(lines: list[str], *, line: int, markdown: bool) -> list[_Block]:
    """A paragraph, or a heading when the text has the shape of one."""
    first = lines[0]
    if markdown:
        bold = _BOLD_LINE.match(first)
        if bold and len(lines) == 1 and len(bold.group(2).split()) <= 10:
            return [_Block(kind=_Kind.HEADING, text=bold.group(2), line=line, level=4)]
    elif _looks_like_heading(first) and (len(lines) == 1 or _classify_heading(first) is not _Part.OTHER):
        rest = [_Block(kind=_Kind.PARAGRAPH, text=" ".join(lines[1:]), line=line + 1)] if len(lines) > 1 else []
        return [_Block(kind=_Kind.HEADING, text=first.rstrip(":").strip(), line=line, level=2), *rest]
    return [_Block(kind=_Kind.PARAGRAPH, text=" ".join(lines), line=line)]


_LEAD_IN = re.compile(r"\b(include|includes|including|here are|here is|here's|the following|as follows|such as|"
                      r"(you|they) (may|might|will|can) (notice|feel|see|have)|look out for)\b", re.I)


def _looks_like_heading(line: str) -> bool:
    # Plain text has no markup: a short standalone line without sentence punctuation
    # ("Symptoms of Muscle Twitches:") is a heading; "... include:" introduces a list.
    words = line.split()
    if not words or len(words) > 12 or line[-1] in ".,;!":
        return False
    return not (line.endswith(":") and _LEAD_IN.search(line))


def _take_title(blocks: list[_Block], *, markdown: bool) -> _Read:
    if markdown:
        index = next((i for i, b in enumerate(blocks) if b.kind is _Kind.HEADING and b.level == 1), None)
        if index is not None:
            return _Read(title=blocks[index].text, blocks=tuple(blocks[:index] + blocks[index + 1 :]))
    if not blocks:
        return _Read(title="", blocks=())
    first = blocks[0]
    return _Read(title=first.text, blocks=tuple(blocks[1:]))


# HTML: skip whole elements that are blog furniture, keep the article's blocks.
_SKIP_TAGS = {"nav", "header", "footer", "aside", "form", "script", "style", "noscript", "template", "svg",
              "iframe", "button", "select", "textarea", "figure"}
_SKIP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "form"}
_CHROME_CLASS = re.compile(r"share|sharing|social|related|comment|sidebar|widget|newsletter|subscribe|"
                           r"breadcrumb|advert|^ads?$|cookie|author-bio|^tags$|post-tags|^menu|popup|modal|"
                           r"post-nav|pagination|byline|post-meta|entry-meta|reading-time", re.I)
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
        self.blocks: list[_Block] = []
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
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.blocks.append(_Block(kind=_Kind.HEADING, text=text.replace("**", ""), line=self.buffer_line, level=int(tag[1])))
        elif tag == "li" or self.li_depth:
            self.blocks.append(_Block(kind=_Kind.ITEM, text=text, line=self.buffer_line))
        else:
            self.blocks.append(_Block(kind=_Kind.PARAGRAPH, text=text, line=self.buffer_line))


_NESTED_ITEM = "\x00"


def _tidy_inline(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s*\x00\s*", "\n- ", text).replace("\n- ", "\n\n- ", 1)
    text = re.sub(r"\*\*\s*\*\*", "", text)  # empty bold from whitespace-only <strong>
    text = re.sub(r"\*\*(\S[^*]*?)\s+\*\*", r"**\1** ", text)  # "<b>Name: </b>" -> "**Name:** "
    return re.sub(r"[ \t]+", " ", text).strip()


def _read_html(text: str) -> _Read:
    parser = _HtmlBlocks()
    parser.feed(text)
    parser.close()
    parser._flush()
    blocks = list(parser.blocks)
    # Prefer the h1 inside <article>/<main>: a site logo may be an h1 too.
    ranked = sorted(parser.h1s, key=lambda h: (not h.in_article, h.index is None))
    if ranked:
        title = ranked[0].text
        if ranked[0].index is not None:
            del blocks[ranked[0].index]
    else:
        title = re.split(r"\s[|–—-]\s", " ".join("".join(parser.title_tag).split()))[0]
    return _Read(title=title, blocks=tuple(blocks), url=parser.url, publisher=parser.publisher)


# --- Assembler: blocks -> Article ------------------------------------------------------


class _Part(enum.Enum):
    INTRO = "intro"
    SYMPTOMS = "symptoms"
    CAUSES = "causes"
    TREATMENTS = "treatments"
    HELP = "help"
    OUTLOOK = "outlook"
    DISCLAIMER = "disclaimer"
    CHROME = "chrome"
    OTHER = "other"


_HEADING_RULES: list[tuple[_Part, re.Pattern[str]]] = [
    (_Part.CHROME, re.compile(r"leave a (comment|reply)|related (posts?|articles?|reading)|you (may|might) also like|"
                              r"^share\b|^comments?\b|\bcomments$|subscribe|newsletter|about the author|^tags?\b|"
                              r"^categor|post navigation|popular posts|recent posts", re.I)),
    (_Part.HELP, re.compile(r"see (a|your) (doctor|gp|healthcare|physician)|seek (medical )?(help|care|attention|advice)|"
                            r"get (medical )?help|medical attention|emergency|call (911|999|111)|"
                            r"when to (see|call|get|seek|worry)|red flags?|warning signs", re.I)),
    (_Part.DISCLAIMER, re.compile(r"disclaimer|medical advice|important note", re.I)),
    (_Part.OUTLOOK, re.compile(r"conclusion|outlook|^summary|in summary|final (thoughts|words)|bottom line|"
                               r"takeaways?|wrapping up|prognosis|^in short", re.I)),
]
_SECTION_RULES: list[tuple[_Part, re.Pattern[str]]] = [
    (_Part.SYMPTOMS, re.compile(r"symptom|\bsigns\b|feel like|what happens|how (do|can|will) (i|you) (know|tell)", re.I)),
    (_Part.CAUSES, re.compile(r"cause|trigger|risk factor|why does|why do|\breasons?\b", re.I)),
    (_Part.TREATMENTS, re.compile(r"treat|manag|remed|relief|relieve|what can (i|you) do|self[- ]care|home care|"
                                  r"\bcure\b|therap|\bease\b|get rid|make it (stop|better)", re.I)),
]
_PART_SECTION = {_Part.SYMPTOMS: Section.SYMPTOMS, _Part.CAUSES: Section.CAUSES, _Part.TREATMENTS: Section.TREATMENTS}
_NOTES_HEADING = {Section.SYMPTOMS: "About the symptoms", Section.CAUSES: "About the causes",
                  Section.TREATMENTS: "About treatment"}

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
_ALSO_KNOWN = re.compile(r"\b(?:also|sometimes|commonly|medically) (?:known as|called|referred to as)\s+(.+?)(?=[,.;:)(]| are | is |$)", re.I)


@dataclass(slots=True)
class _PartBuilder:
    """Blocks under one heading while the article is being assembled."""

    kind: _Part
    heading: str
    level: int
    line: int
    blocks: list[_Block] = field(default_factory=list)


def _classify_heading(text: str) -> _Part:
    for kind, rule in _HEADING_RULES:
        if rule.search(text):
            return kind
    # "Causes and symptoms": the word that comes first decides.
    found = [(m.start(), kind) for kind, rule in _SECTION_RULES if (m := rule.search(text))]
    return min(found, key=lambda f: f[0])[1] if found else _Part.OTHER


def _assemble(*, parsed: _Read, name: str) -> Article:
    warnings: list[str] = []
    parts = _split_parts(blocks=parsed.blocks, name=name, warnings=warnings)
    sections: dict[Section, list[ParsedItem]] = {}
    notes: dict[Section, list[str]] = {}
    intro: list[str] = []
    extras: list[Extra] = []
    conclusion: list[str] = []
    disclaimer: list[str] = []
    help_reasons: dict[str, list[str]] = {}
    last = [p for p in parts if p.kind is not _Part.CHROME][-1]  # "Leave a Comment" is not the end of the text
    for part in parts:
        if part.kind is _Part.CHROME:
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
            if part.kind is _Part.INTRO:
                intro.extend(paras)
            elif part.kind is _Part.OUTLOOK:
                conclusion.extend(paras)
            elif part.kind is _Part.DISCLAIMER:
                disclaimer.extend(paras)
            elif part.kind is _Part.HELP:
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


def _help_reasons(blocks: list[_Block], *, name: str, warnings: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """Care-card reasons (level, text) from a help section, and the paragraphs left over."""
    reasons: list[tuple[str, str]] = []
    rest: list[_Block] = []
    for block in blocks:
        if block.kind is _Kind.ITEM:
            reasons.append(_reason(_plain(block.text)))
            continue
        if block.kind is _Kind.PARAGRAPH:
            kept = []
            for sentence in _sentences(block.text):
                if sentence.endswith(":") and re.search(r"\bif:$", sentence):
                    continue  # "See a GP if:" introduces the list, which is now the card
                advice = _ADVICE_IF.match(_plain(sentence))
                if advice and not sentence.endswith("?"):
                    reasons.append(_reason(_plain(sentence)))
                else:
                    kept.append(sentence)
            if not kept:
                continue
            block = _Block(kind=block.kind, text=" ".join(kept), line=block.line)
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


def _split_parts(*, blocks: tuple[_Block, ...], name: str, warnings: list[str]) -> list[_PartBuilder]:
    parts = [_PartBuilder(kind=_Part.INTRO, heading="", level=0, line=1)]
    for block in blocks:
        current = parts[-1]
        if block.kind is _Kind.PARAGRAPH and _is_chrome_text(block.text):
            continue
        if block.kind is _Kind.HEADING:
            kind = _classify_heading(block.text)
            # A sub-heading inside a list section names one item ("### Dehydration").
            if not (kind is _Part.OTHER and current.kind in _PART_SECTION and block.level > current.level):
                parts.append(_PartBuilder(kind=kind, heading=block.text, level=block.level, line=block.line))
                continue
        current.blocks.append(block)
    return parts


def _is_chrome_text(text: str) -> bool:
    return len(text.split()) <= 12 and _CHROME_TEXT.match(text.strip()) is not None


def _trailing_paragraphs(blocks: list[_Block]) -> list[_Block]:
    """Paragraphs after the last list of the article's last section: its closing words."""
    last_item = max((i for i, b in enumerate(blocks) if b.kind is not _Kind.PARAGRAPH), default=-1)
    return blocks[last_item + 1 :] if last_item >= 0 else []


def _section_items(*, blocks: list[_Block], level: int, name: str, warnings: list[str]) -> tuple[list[ParsedItem], list[str]]:
    items: list[ParsedItem] = []
    paras: list[str] = []
    previous: int | None = None
    sub: _Block | None = None  # a sub-heading waiting for its description
    sub_text: list[str] = []

    def close_sub() -> None:
        nonlocal sub, sub_text
        if sub is not None:
            items.append(ParsedItem(name=_clean_name(sub.text), description="\n\n".join(sub_text), line=sub.line))
            if not sub_text:
                warnings.append(f"{name}:{sub.line}: item '{sub.text}' has no description; its summary repeats the name")
        sub, sub_text = None, []

    for block in blocks:
        if block.kind is _Kind.HEADING:
            close_sub()
            sub = block
            continue
        if block.kind is _Kind.ITEM:
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


def _as_paragraphs(blocks: list[_Block], *, name: str, warnings: list[str], where: str) -> list[str]:
    """Text of a part that has no item pages; list items stay a Markdown list."""
    paras: list[str] = []
    for block in blocks:
        if block.kind is _Kind.ITEM:
            if where == "intro":
                warnings.append(f"{name}:{block.line}: list item before any symptoms, causes or treatments heading; kept it in topic.md")
            if paras and paras[-1].startswith("- "):
                paras[-1] += f"\n- {block.text}"
            else:
                paras.append(f"- {block.text}")
        elif block.kind is _Kind.HEADING:
            paras.append(f"**{block.text}**")
        else:
            paras.append(block.text)
    return paras


# Items: "Name: text", "**Name**: text", "**Name** — text", "**Name:** text", "Name - text".
_BOLD_ITEM = re.compile(r"^(\*\*|__)(?P<name>[^*_]+?)\1\s*(?P<rest>.*)$", re.S)
_SEPARATOR = re.compile(r":\s|\s[—–-]\s|[—–]\s")
MAX_NAME_WORDS = 8


def _parse_item(block: _Block, *, name: str, warnings: list[str]) -> ParsedItem:
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
    words = _plain(text).split()[:4]
    while len(words) > 1 and words[-1].lower().strip(".,;:!?") in _NAME_STOP:
        words.pop()
    result = " ".join(words).strip(".,;:!?")
    return result[:1].upper() + result[1:]


def _shorten(text: str, words: int = 8) -> str:
    parts = _plain(text).split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _drop_lead_ins(paras: list[str]) -> list[str]:
    """'Here are some common causes:' only introduced the list, which now has its own pages."""
    kept = []
    for para in paras:
        sentences = _sentences(para)
        if sentences and sentences[-1].endswith(":") and _LEAD_IN.search(sentences[-1]):
            sentences.pop()
        elif sentences and sentences[-1].endswith(":"):
            sentences[-1] = sentences[-1][:-1] + "."  # real text; its list moved to item pages
        if sentences:
            kept.append(" ".join(sentences))
    return kept


def _drop_blog_meta(paras: list[str]) -> list[str]:
    kept = []
    for para in paras:
        sentences = [s for s in _sentences(para) if not _BLOG_META.match(_plain(s))]
        if sentences:
            kept.append(" ".join(sentences))
    return kept


def _split_disclaimer(paras: list[str], *, rule: re.Pattern[str] = _DISCLAIMER_TEXT) -> tuple[list[str], list[str]]:
    """Sentences such as 'not a substitute for professional medical advice' belong in the disclaimer."""
    kept_paras: list[str] = []
    moved_paras: list[str] = []
    for para in paras:
        sentences = _sentences(para)
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
    full = _plain(title)
    split = re.search(r":\s|\s[|–—-]\s", full)
    if split and re.search(r"symptom|cause|treat|guide|what|how|everything|overview", full[split.end() :], re.I):
        return full[: split.start()].strip(), full
    return full, full


_ABBREVIATIONS = re.compile(r"\b(e\.g|i\.e|etc|vs|dr|mr|mrs|ms|st|no)\.$", re.I)


def _sentences(text: str) -> list[str]:
    pieces = re.split(r"(?<=[.!?:])\s+(?=[A-Z0-9\"'“(*\[])", text.strip())
    sentences: list[str] = []
    for piece in pieces:
        if sentences and _ABBREVIATIONS.search(sentences[-1]):
            sentences[-1] += " " + piece
        else:
            sentences.append(piece)
    return [s for s in sentences if s]


def _plain(text: str) -> str:
    """Markdown inline formatting removed: for summaries, names and matching."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    return re.sub(r"\s+", " ", text).strip()


# --- Slugs -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class _Slugs:
    by_item: dict[tuple[Section, int], str]  # (section, index in list) -> slug
    titles: dict[tuple[Section, int], str]
    warnings: tuple[str, ...]

    def of(self, section: Section | None, index: int) -> str:
        assert section is not None
        return self.by_item[(section, index)]


def slugify(text: str) -> str:
    """Lowercase, ASCII, hyphenated: 'Stress & Anxiety' -> 'stress-and-anxiety'."""
    text = unicodedata.normalize("NFKD", _plain(text)).encode("ascii", "ignore").decode("ascii").lower()
    text = text.replace("&", " and ").replace("+", " plus ").replace("'", "")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > 60:  # long slugs make unwieldy URLs; cut at a word boundary
        slug = slug[:60].rsplit("-", 1)[0]
    return slug


def _assign_slugs(*, doc: Article, name: str) -> _Slugs:
    by_item: dict[tuple[Section, int], str] = {}
    titles: dict[tuple[Section, int], str] = {}
    warnings: list[str] = []
    for section, items in doc.sections.items():
        taken = {"index"}
        seen_titles: dict[str, int] = {}
        for index, item in enumerate(items):
            base = slugify(item.name) or f"{section.singular}-{index + 1}"
            slug, n = base, 1
            while slug in taken:
                n += 1
                slug = f"{base}-{n}"
            taken.add(slug)
            by_item[(section, index)] = slug
            title = item.name
            key = title.casefold()
            if key in seen_titles:
                seen_titles[key] += 1
                title = f"{item.name} ({seen_titles[key]})"
                warnings.append(f"{name}:{item.line}: '{item.name}' is listed twice in {section.value}; "
                                f"saved as {section.value}/{slug}.md titled '{title}' (merge or rename them)")
            else:
                seen_titles[key] = 1
            titles[(section, index)] = title
    return _Slugs(by_item=by_item, titles=titles, warnings=tuple(warnings))


# --- Link suggestions ------------------------------------------------------------------

_STOP_WORDS = set("""
a about above after again all also am an and any are as at be because been before being below between both but by
can could did do does doing down during each either enough few for from further had has have having he her here him
his how i if in into is it its itself just may me might more most much must my no nor not now of off often on once
only or other others our out over own per same she should so some such than that the their them then there these they
this those through to too under until up upon us very was we were what when where which while who whom why will with
would you your yours
muscle muscles twitch twitches twitching twitched symptom symptoms cause causes caused causing treatment treatments
treat treating condition conditions help helps lead leads leading result results case cases certain particular
especially generally usually common commonly some individual individuals people person experience experienced affect
affected affects body part parts various variety may can also often well even like include including includes
medical health healthcare provider professional doctor level levels sometimes rare rarely
hard harder long longer short usual sudden suddenly slight slightly strong high low small large good bad time day days
feel feels get gets make makes way ways
""".split())
_SUFFIXES = ("ations", "ation", "ated", "ating", "ates", "ate", "ments", "ment", "ness", "ities", "ity", "ings", "ing",
             "ants", "ant", "ical", "ally", "al", "ic", "ies", "ied", "ed", "es", "ers", "er", "ly", "ive", "ous", "s", "e", "y")
_NEGATIONS = ("de", "dis", "im", "un", "non")  # dehydration ~ hydration, imbalance ~ balance


def _stem(word: str) -> str:
    for _ in range(2):  # twice, so "neurological" -> "neurologic" -> "neurolog"
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
    return word


def _terms(text: str, *, ignore: set[str]) -> frozenset[str]:
    words = re.findall(r"[a-z0-9]+", _plain(text).lower())
    return frozenset(_stem(w) for w in words if w not in _STOP_WORDS and w not in ignore and len(w) > 2)


def _core(stem: str) -> str:
    for prefix in _NEGATIONS:
        if stem.startswith(prefix) and len(stem) - len(prefix) >= 4:
            return stem[len(prefix) :]
    return stem


def _shared(a: frozenset[str], b: frozenset[str]) -> set[str]:
    return {_core(x) for x in a} & {_core(y) for y in b}


@dataclass(frozen=True, slots=True, kw_only=True)
class _Terms:
    name: frozenset[str]
    text: frozenset[str]


def _link_score(*, source: _Terms, target: _Terms) -> int:
    # A word shared with either name is strong evidence; shared description words are weak.
    strong = _shared(target.name, source.name | source.text) | _shared(source.name, target.text)
    weak = _shared(source.text, target.text) - strong
    return 2 * len(strong) + len(weak)


def _suggest_links(*, doc: Article, slugs: _Slugs) -> dict[Section, dict[int, tuple[int, ...]]]:
    """For each symptom its likely causes, for each cause its likely treatments (by list index)."""
    # The condition's own name is in every item, so it says nothing about which ones belong together.
    ignore = {w for w in re.findall(r"[a-z0-9]+", doc.title.lower())}
    terms = {
        section: [_Terms(name=_terms(i.name, ignore=ignore), text=_terms(i.description, ignore=ignore)) for i in items]
        for section, items in doc.sections.items()
    }
    links: dict[Section, dict[int, tuple[int, ...]]] = {}
    for section in (Section.SYMPTOMS, Section.CAUSES):
        target = section.link_target
        if section not in terms or target not in terms:
            continue
        for index, source in enumerate(terms[section]):
            scored = [(_link_score(source=source, target=t), j) for j, t in enumerate(terms[target])]
            best = sorted((s for s in scored if s[0] >= LINK_THRESHOLD), key=lambda s: (-s[0], s[1]))[:MAX_LINKS]
            links.setdefault(section, {})[index] = tuple(sorted(j for _, j in best))
    return links


# --- Renderer: Article -> file texts ---------------------------------------------------

_RED_FLAG = re.compile(r"neurological (condition|disorder|disease)s?|\bALS\b|amyotrophic|multiple sclerosis|\bstroke\b|"
                       r"seizure|chest pain|difficulty breathing|shortness of breath|paralysis|loss of consciousness|"
                       r"\bcancer\b|tumou?r", re.I)


def _render(*, doc: Article, slugs: _Slugs, links: dict[Section, dict[int, tuple[int, ...]]],
            source_name: str, today: dt.date) -> dict[PurePosixPath, str]:
    files = {PurePosixPath("topic.md"): _render_topic(doc=doc, source_name=source_name, today=today)}
    help_text = " ".join(reason for reasons in doc.help.values() for reason in reasons).casefold()
    for section, items in doc.sections.items():
        for index, item in enumerate(items):
            slug = slugs.of(section, index)
            meta: dict[str, object] = {
                "title": slugs.titles[(section, index)],
                "summary": _summary(item.description) or item.name,
                "aliases": suggest_aliases(slugs.titles[(section, index)]),
                "order": index + 1,
            }
            # Only symptoms and causes go on the checklist, so only they can be red flags.
            if section is not Section.TREATMENTS and _is_red_flag(item, help_text=help_text):
                meta["red_flag"] = True
            if section.link_field and section.link_target:
                meta[section.link_field] = [slugs.of(section.link_target, j) for j in links.get(section, {}).get(index, ())]
            files[PurePosixPath(section.value, f"{slug}.md")] = _page(meta, _capitalise(item.description) or item.name)
    return files


def _is_red_flag(item: ParsedItem, *, help_text: str) -> bool:
    """A clear danger, or an item that the article's "When to see a doctor" names."""
    name = re.sub(r"\s*\(.*?\)", "", item.name).casefold()
    return bool(_RED_FLAG.search(f"{item.name} {item.description}")) or (len(name) > 3 and name in help_text)


def _render_topic(*, doc: Article, source_name: str, today: dt.date) -> str:
    intro_text = " ".join(doc.intro) or " ".join(p for ps in doc.notes.values() for p in ps)
    source: dict[str, object] = {"title": doc.source_title}
    if doc.publisher:
        source["publisher"] = doc.publisher
    if doc.url:
        source["url"] = doc.url
    source["accessed"] = today
    meta = {
        "title": doc.title,
        "summary": _summary(intro_text) or f"{doc.title}: symptoms, causes and treatment.",
        "aliases": _aliases(" ".join(doc.intro)),
        "reviewed": {"date": today, "by": f"Not yet reviewed (imported from {source_name})"},
        "next_review": _one_year_later(today),
    }
    if doc.help:
        # Urgent and emergency advice must name its source: here, the article it came from.
        meta["care_cards"] = [{"level": level, "reasons": list(reasons), **({} if level == "non-urgent" else {"source": doc.source_title})}
                              for level, reasons in doc.help.items()]
    meta["sources"] = [source]
    body: list[str] = list(doc.intro)
    for section, paras in doc.notes.items():
        body += [f"## {_NOTES_HEADING[section]}", *paras]
    for extra in doc.extras:
        body += [f"## {extra.heading}", *extra.paragraphs]
    if doc.conclusion:
        body += ["## Outlook", *doc.conclusion]
    if doc.disclaimer:
        body += ["## About this information", *doc.disclaimer]
    return _page(meta, "\n\n".join(body))


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True  # the same date twice must not become "&id001 ... *id001"


def _page(meta: dict[str, object], body: str) -> str:
    front = yaml.dump(meta, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=10_000)
    return f"---\n{front}---\n{body.strip()}\n"


def _summary(text: str) -> str:
    sentences = _sentences(_plain(text.strip().split("\n\n")[0]))  # from the first paragraph only
    return _capitalise(sentences[0]) if sentences else ""


def _capitalise(text: str) -> str:
    # "Dehydration: lack of water..." leaves the description starting in lower case.
    return text[:1].upper() + text[1:]


def _aliases(intro: str) -> list[str]:
    aliases: list[str] = []
    for match in _ALSO_KNOWN.finditer(_plain(intro)):
        for alias in re.split(r",\s*|\s+or\s+", match.group(1)):
            alias = alias.strip(" \"'“”‘’")
            if alias and len(alias.split()) <= 5 and alias not in aliases:
                aliases.append(alias)
    return aliases


def _one_year_later(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


# --- Writer ----------------------------------------------------------------------------


def _write_tree(*, files: dict[PurePosixPath, str], content_dir: Path, topic: str) -> None:
    """Write into a hidden staging folder, then swap it in, so no half-written topic is ever visible."""
    target = content_dir / topic
    staging = content_dir / f".import-{topic}-{os.getpid()}"
    backup: Path | None = None
    try:
        content_dir.mkdir(parents=True, exist_ok=True)
        if staging.exists():
            shutil.rmtree(staging)  # our own leftover from an interrupted run
        for rel, text in sorted(files.items()):
            path = staging.joinpath(*rel.parts)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
        if target.exists():
            backup = _backup_path(content_dir=content_dir, topic=topic)
            backup.parent.mkdir(parents=True, exist_ok=True)
            target.rename(backup)
        staging.rename(target)
    except OSError as err:
        if backup is not None and backup.exists() and not target.exists():
            backup.rename(target)  # put the editor's folder back
        shutil.rmtree(staging, ignore_errors=True)
        raise ImportRefused(f"{target.as_posix()}: could not write the topic ({err}); nothing was changed") from None


def _backup_path(*, content_dir: Path, topic: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d%H%M%S")
    base = content_dir / BACKUP_DIR / f"{topic}-{stamp}"
    path, n = base, 1
    while path.exists():  # two forced imports within one second
        n += 1
        path = base.with_name(f"{base.name}-{n}")
    return path
