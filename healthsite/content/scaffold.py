"""`healthsite new`: write a new symptom, cause or treatment file for an editor.

The file has every field, each with a comment from the schema saying what to
write, so an editor fills in a form rather than learning YAML from scratch.
The result passes `healthsite check` as written.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path

import yaml

from healthsite.errors import HealthsiteError
from healthsite.content.fields import field_docs
from healthsite.content.loader import TOPIC_FILE
from healthsite.content.model import Section
from healthsite.content.schema import ITEM_SCHEMAS, SLUG_RE


class ScaffoldRefused(HealthsiteError):
    """Nothing was written."""


def slugify(title: str) -> str:
    """'Low Potassium (Hypokalaemia)' -> 'low-potassium-hypokalaemia'."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")


def new_item(*, section: Section, title: str, topic: str, content_dir: Path) -> Path:
    """Write content/<topic>/<section>/<slug>.md and return its path."""
    topic_dir = _existing_topic(topic, content_dir)
    slug = slugify(title)
    if not SLUG_RE.match(slug) or slug == "index":
        raise ScaffoldRefused(f"title '{title}' gives no usable file name; use letters or digits in the title")
    path = topic_dir / section.value / f"{slug}.md"
    if path.exists():
        raise ScaffoldRefused(f"{path.as_posix()} already exists; edit that file, or choose a different title")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(item_markdown(section=section, title=title, topic_dir=topic_dir), encoding="utf-8")
    return path


def _existing_topic(topic: str, content_dir: Path) -> Path:
    if not content_dir.is_dir():
        raise ScaffoldRefused(f"{content_dir.as_posix()}: content folder not found; run this from the project folder")
    topics = sorted(p.name for p in content_dir.iterdir() if (p / TOPIC_FILE).is_file())
    if topic not in topics:
        close = difflib.get_close_matches(topic, topics, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        known = ", ".join(topics) or "none yet"
        raise ScaffoldRefused(f"unknown topic '{topic}'{hint}; expected one of: {known}")
    return content_dir / topic


def item_markdown(*, section: Section, title: str, topic_dir: Path) -> str:
    """The new file's text: every field with its explanation, then a body to replace."""
    values = {"title": title, "summary": f"Replace this with one plain sentence about {title}."}
    lines = ["---"]
    for field in field_docs(ITEM_SCHEMAS[section]):
        need = "required" if field.required else "optional"
        lines.append(f"# {field.name} ({need}): {field.description}")
        if field.name == section.link_field and section.link_target:
            lines.append(f"# Choose from: {_choices(topic_dir / section.link_target.value)}")
        value = values.get(field.name, field.default)
        lines.append(_yaml_line(field.name, value))
    lines += [
        "---",
        f"Replace this with the page text about {title}, in plain words: short sentences and everyday words.",
        "",
    ]
    return "\n".join(lines)


def _yaml_line(name: str, value: object) -> str:
    """`name: value` on one line; lists as `[]` so an editor sees where entries go."""
    if isinstance(value, list):
        return f"{name}: {yaml.safe_dump(value, default_flow_style=True).strip()}"
    return yaml.safe_dump({name: value}, allow_unicode=True, width=1000).strip()


def _choices(folder: Path) -> str:
    return ", ".join(sorted(p.stem for p in folder.glob("*.md"))) or f"(no {folder.name} yet)"
