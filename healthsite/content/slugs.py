"""Slugs: the file and folder names that become page addresses. One function makes
them from a title, for the importer and `healthsite new` alike, and one check says
whether a name is usable."""

from __future__ import annotations

import re
import unicodedata

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG_RE = re.compile(SLUG_PATTERN)
MAX_SLUG_LENGTH = 60  # long slugs make unwieldy addresses
# A translation beside its source: "dehydration.es.md", "topic.es.md" (content/translations.py).
TRANSLATION_NAME = re.compile(r"^(?P<stem>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<language>[a-z]{2,3})\.md$")


def slugify(text: str) -> str:
    """Lowercase, ASCII, hyphenated: 'Stress & Anxiety' -> 'stress-and-anxiety'."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a Markdown link keeps its words
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = text.replace("&", " and ").replace("+", " plus ").replace("'", "")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > MAX_SLUG_LENGTH:  # cut at a word boundary
        slug = slug[:MAX_SLUG_LENGTH].rsplit("-", 1)[0]
    return slug


def slug_problem(slug: str, *, example: str) -> str | None:
    """Why `slug` can't be a page address, or None if it can."""
    if SLUG_RE.match(slug) and slug != "index":
        return None
    return (f"'{slug}' is not a usable web address; expected lowercase letters, digits and "
            f"single hyphens (for example '{example}'), and not 'index'")
