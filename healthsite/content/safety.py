"""What content may contain once it becomes HTML: unsafe markup is refused, never published.

Content arrives in pull requests from people we don't know. We refuse unsafe markup
rather than cleaning it silently: a sanitiser would change a health page without telling
its editor (a dropped link, a missing warning), while a refusal names the file and line
and says what to write instead. The same rules run twice:

- `healthsite check` (and every build, through the loader) renders each content file's
  Markdown and front-matter text and allows only the small set of HTML below;
- the plugin checks every built page's HTML for the dangerous things (scripts, embeds,
  event attributes, `javascript:`/`data:` addresses), so that nothing slips through a
  Markdown extension the check does not know, nor through a hand-written page in docs/.

EDITING-SAFELY.md tells editors what they may write.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown

GUIDE = "EDITING-SAFELY.md"

# The HTML a health page needs: text, lists, tables, pictures, links, collapsible details.
ALLOWED_TAGS = frozenset(
    "a abbr b blockquote br caption cite code col colgroup dd del details dfn div dl dt em "
    "figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small "
    "span strong sub summary sup table tbody td tfoot th thead time tr u ul var".split()
)
ALLOWED_ATTRIBUTES = {
    "*": frozenset({"class", "id", "title", "lang", "dir"}),
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "td": frozenset({"colspan", "rowspan", "style"}),
    "th": frozenset({"colspan", "rowspan", "scope", "style"}),
    "time": frozenset({"datetime"}),
    "details": frozenset({"open"}),
}
# Markdown's tables write column alignment as a style; no other style is allowed.
TABLE_ALIGN_STYLE = re.compile(r"text-align:\s*(left|right|center);?")
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster", "data", "cite", "background"})

# Refused everywhere, also in hand-written pages, with the reason an editor needs.
DANGEROUS_TAGS = {
    "script": "it would run code in the reader's browser",
    "iframe": "it would embed another website in the page",
    "frame": "it would embed another website in the page",
    "object": "it would embed a plug-in or another website",
    "embed": "it would embed a plug-in or another website",
    "style": "it would change how the whole site looks",
    "link": "it would load files from elsewhere into the page",
    "meta": "it would change how browsers treat the page",
    "base": "it would redirect every link on the page",
    "form": "it would send what readers type somewhere",
    "svg": "it can run code in the reader's browser",
    "math": "it can run code in the reader's browser",
}
RUNS_CODE = "it would run code in the reader's browser"

# The Markdown extensions the check renders with: MkDocs' built-ins and those in
# mkdocs.yml. tests/test_unsafe_html.py fails if mkdocs.yml gains one not listed here.
MARKDOWN_EXTENSIONS = ("toc", "tables", "fenced_code", "attr_list", "md_in_html", "admonition")

# Text without any of these cannot turn into unsafe HTML, so it need not be rendered:
# a tag or entity (<, &), an attribute list ({), or an address scheme other than ours.
_MAY_BE_MARKUP = re.compile(r"[<&{]|(?<![\w+.-])(?!(?:https?|mailto|tel):)[a-z][\w+.-]*[\x00-\x20]*:", re.IGNORECASE)
_URL_JUNK = re.compile(r"[\x00-\x20\x7f]")  # browsers ignore these inside addresses


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One refused piece of markup, and the text to look for to name its line."""

    message: str
    needle: str


def check_markdown(text: str, *, page_uri: str | None = None) -> list[Finding]:
    """Findings in Markdown written by an editor, held to the allow-list.

    `page_uri` (the page's path in the site, e.g. "flu/causes/cold.md") also finds links
    from the page to itself.
    """
    own_name = posixpath.basename(page_uri) if page_uri else None
    if not _MAY_BE_MARKUP.search(text) and not (own_name and (own_name in text or "]()" in text)):
        return []
    return check_html(_to_html(text), strict=True, page_uri=page_uri)


def check_plain_text(text: str) -> list[Finding]:
    """Findings in a front-matter value: plain text, which templates put into Markdown and HTML.

    Entities are decoded first, because some templates decode them (`striptags`).
    """
    for candidate in (text, html.unescape(text)) if "<" in text or "&" in text else ():
        tag = _first_tag(candidate)
        if tag:
            return [Finding(message="HTML is not allowed here; expected plain text", needle=tag)]
    # As a heading, a paragraph and a list entry: each can take an attribute list.
    return check_markdown(f"# {text}\n\n{text}\n\n- {text}\n")


def check_address(url: str) -> Finding | None:
    """A web address given in front matter (a source's `url`)."""
    scheme = _scheme(url)
    if scheme in {"http", "https"}:
        return None
    return Finding(message=f"address '{_short(url)}' is not allowed; expected one starting with https://", needle=url)


def check_html(text: str, *, strict: bool, page_uri: str | None = None) -> list[Finding]:
    """Findings in HTML. `strict` holds it to the allow-list; otherwise only danger is refused."""
    walker = _Walker(strict=strict, page_uri=page_uri)
    walker.feed(text)
    walker.close()
    return list(dict.fromkeys(walker.findings))  # each finding once, in order


def line_of(text: str, needle: str) -> int | None:
    """The 1-based line of `text` where `needle` first appears (ignoring case)."""
    at = text.casefold().find(needle.casefold())
    return text.count("\n", 0, at) + 1 if at >= 0 else None


# --- Rendering and walking ----------------------------------------------------------------

_MARKDOWN = markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS))


def _to_html(text: str) -> str:
    _MARKDOWN.reset()
    return _MARKDOWN.convert(text)


class _Walker(HTMLParser):
    def __init__(self, *, strict: bool, page_uri: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.strict = strict
        self.page_uri = page_uri
        self.findings: list[Finding] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DANGEROUS_TAGS:
            self._add(f"HTML <{tag}> is not allowed: {DANGEROUS_TAGS[tag]}", f"<{tag}")
        elif self.strict and tag not in ALLOWED_TAGS:
            self._add(f"HTML <{tag}> is not allowed; expected Markdown or the HTML listed in {GUIDE}", f"<{tag}")
        else:
            for name, value in attrs:
                self._check_attribute(tag, name, value or "")

    def handle_comment(self, data: str) -> None:
        # Browsers end comments in places Python's parser does not ("<!-->"); refuse
        # any comment that could hide markup between the two readings.
        if "<" in data or ">" in data or data.startswith("-"):
            self._add("HTML comment holding markup is not allowed; expected <!-- plain words -->", "<!--")

    def _check_attribute(self, tag: str, name: str, value: str) -> None:
        if name.startswith("on"):
            self._add(f"HTML attribute '{name}' is not allowed: {RUNS_CODE}", name)
        elif self.strict and not _attribute_allowed(tag, name, value):
            self._add(f"HTML attribute '{name}' on <{tag}> is not allowed; expected the attributes listed in {GUIDE}", name)
        elif name in URL_ATTRIBUTES:
            self._check_url(tag, value)

    def _check_url(self, tag: str, url: str) -> None:
        scheme = _scheme(url)
        if tag == "img" and self.strict and (scheme or url.startswith("//")):
            self._add(
                f"picture '{_short(url)}' is not allowed; expected a picture file of this site "
                "(a picture from another website tells it who reads the page)",
                url,
            )
        elif scheme and scheme not in LINK_SCHEMES:
            self._add(
                f"link to '{_short(url)}' is not allowed; expected an address starting with "
                "https://, http://, mailto: or tel:, or a page of this site",
                url,
            )
        elif tag == "a" and self.page_uri and _links_to(url, self.page_uri):
            self._add(f"links to itself ('{url}'); expected a link to another page", url or "]()")

    def _add(self, message: str, needle: str) -> None:
        self.findings.append(Finding(message=message, needle=needle))


def _attribute_allowed(tag: str, name: str, value: str) -> bool:
    if name not in ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, frozenset()):
        return False
    return name != "style" or TABLE_ALIGN_STYLE.fullmatch(value.strip()) is not None


class _TagFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(f"<{tag}")

    def handle_endtag(self, tag: str) -> None:
        self.tags.append(f"</{tag}")


def _first_tag(text: str) -> str | None:
    finder = _TagFinder()
    finder.feed(text)
    finder.close()
    return finder.tags[0] if finder.tags else None


def _scheme(url: str) -> str | None:
    match = re.match(r"([a-z][a-z0-9+.-]*):", _URL_JUNK.sub("", url), re.IGNORECASE)
    return match.group(1).lower() if match else None


def _links_to(url: str, page_uri: str) -> bool:
    """True when a link from the page at `page_uri` leads back to that same page."""
    if url.startswith("/") or _scheme(url):
        return False
    parts = urlsplit(url)
    if parts.fragment:
        return False  # a jump to a part of the page is fine
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), parts.path)) if parts.path else page_uri
    return target == page_uri


def _short(url: str) -> str:
    url = _URL_JUNK.sub(" ", url)
    return url if len(url) <= 60 else url[:57] + "..."
