"""The HTML reader: a web page -> blocks, skipping site furniture (navigation, share bars,
comments, cookie banners, sidebars) and keeping the article: headings, paragraphs, list
items and definition-list entries, with bold, italics and outside links as Markdown."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from healthsite.importer.records import Block, BlockType, Read

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


def read_html(text: str) -> Read:
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
