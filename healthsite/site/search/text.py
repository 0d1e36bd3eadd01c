"""Words for the search index: a page's text by field, and words folded as the browser folds a query.

The reader's browser (theme/assets/hs-search-engine.js) folds what is typed the same way as `fold`
here: Unicode compatibility forms, accents dropped, lower case. So "Deshidratación" and
"deshidratacion" are one word, and nothing but string matching is left to the browser.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser

_WORD = re.compile(r"[^\W_]+")  # runs of letters and digits, as hs-search-engine.js's /[\p{L}\p{N}]+/u
_ALSO_CALLED = re.compile(r"^\s*also called:\s*", re.I)
SNIPPET_CHARS = 160

# English words too common to tell pages apart. hs-search-engine.js gets the list with the index,
# so a query's "and" asks nothing of a page.
STOP_WORDS = {
    "en": frozenset(
        "a able about across after all almost also am among an and any are as at be because been but by can "
        "cannot could dear did do does either else ever every for from get got had has have he her hers him his "
        "how however i if in into is it its just least let like likely may me might most must my neither no nor "
        "not of off often on only or other our own rather said say says she should since so some than that the "
        "their them then there these they this tis to too twas us wants was we were what when where which while "
        "who whom why will with would yet you your".split()
    ),
}


def fold(text: str) -> str:
    """Text as search compares it: compatibility forms, no accents, lower case."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def words(text: str) -> list[str]:
    """The folded words of `text`, in order."""
    return _WORD.findall(fold(text))


def display_words(text: str) -> list[str]:
    """The words of `text` as written (lower case, accents kept), in the same order as `words`."""
    return [match.group().lower() for match in _WORD.finditer(unicodedata.normalize("NFC", text))]


@dataclass(slots=True)
class PageText:
    """A page's text, split into the fields that search weighs differently."""

    aliases: list[str] = field(default_factory=list)  # the "Also called:" line's names
    headings: list[str] = field(default_factory=list)  # h2-h4
    body: list[str] = field(default_factory=list)  # everything else but the h1 (the title has its own field)
    snippet: str = ""  # the first paragraph, shortened: shown under the result's title


def page_text(html: str) -> PageText:
    """The searchable text of a page's rendered Markdown (MkDocs' page.content)."""
    parser = _FieldParser()
    parser.feed(html)
    parser.close()
    text = PageText(aliases=[], headings=parser.headings, body=parser.body, snippet=_shorten(parser.first_paragraph))
    for alias_line in parser.alias_lines:
        text.aliases.extend(name.strip() for name in _ALSO_CALLED.sub("", alias_line).split(",") if name.strip())
    return text


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= SNIPPET_CHARS:
        return text
    return text[: SNIPPET_CHARS].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


class _FieldParser(HTMLParser):
    _HEADINGS = {"h2", "h3", "h4"}
    _SKIPPED = {"script", "style", "template", "h1"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[str] = []
        self.body: list[str] = []
        self.alias_lines: list[str] = []
        self.first_paragraph = ""
        self._open: list[tuple[str, str]] = []  # (tag, what its text is for)
        self._section_excluded = False
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in {"br", "img", "hr", "input", "meta", "link", "wbr"}:
            return
        attributes = dict(attrs)
        excluded = "data-search-exclude" in attributes  # Material's marker, which our templates use
        if tag in self._HEADINGS and not self._open:
            self._flush()
            self._section_excluded = excluded  # a marked heading leaves out its section, up to the next heading
        role = "skip" if excluded or self._section_excluded else self._role(tag, (attributes.get("class") or "").split())
        if role != self._current:
            self._flush()
        self._open.append((tag, role))

    @property
    def _current(self) -> str:
        """What the text here is for: the role of the innermost element that has one."""
        return self._open[-1][1] if self._open else "body"

    def _role(self, tag: str, classes: list[str]) -> str:
        if self._current != "body":  # inside an alias line, a heading, a skipped element...
            return self._current
        if tag in self._SKIPPED:
            return "skip"
        if tag in self._HEADINGS:
            return "heading"
        if tag == "p" and "hs-aliases" in classes:
            return "aliases"
        if tag == "p" and not self.first_paragraph and not self.body:
            return "first"
        return "body"

    def handle_endtag(self, tag: str) -> None:
        if not any(open_tag == tag for open_tag, _ in self._open):
            return
        while self._open:
            open_tag, role = self._open.pop()
            if open_tag == tag:
                if role != self._current:
                    self._flush(role)
                break

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self, role: str | None = None) -> None:
        role = role or self._current
        text = " ".join("".join(self._text).split())
        self._text = []
        if not text or role == "skip":
            return
        if role == "heading":
            self.headings.append(text)
        elif role == "aliases":
            self.alias_lines.append(text)
        else:
            if role == "first":
                self.first_paragraph = text
            self.body.append(text)
