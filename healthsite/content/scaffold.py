"""`healthsite new`: write a new item file (a symptom, a risk factor...) for an editor, or
(`--lang`) the translation of a content file to fill in.

The file has every field, each with a comment from the schema saying what to
write, so an editor fills in a form rather than learning YAML from scratch.
The result passes `healthsite check` as written.
"""

from __future__ import annotations

from pathlib import Path

from healthsite.content.fields import field_docs
from healthsite.content.frontmatter import dump_fields, read_document
from healthsite.content.kinds import Kind
from healthsite.content.loader import TOPIC_FILE
from healthsite.content.report import Collector
from healthsite.content.schema import TranslationMeta, item_schema
from healthsite.content.slugs import TRANSLATION_NAME, slug_problem, slugify
from healthsite.content.translations import source_version, translation_path
from healthsite.errors import HealthsiteError, did_you_mean


class ScaffoldRefused(HealthsiteError):
    """Nothing was written."""


def new_item(*, kind: Kind, title: str, topic: str, content_dir: Path) -> Path:
    """Write content/<topic>/<kind folder>/<slug>.md and return its path."""
    topic_dir = _existing_topic(topic, content_dir)
    slug = slugify(title)
    if slug_problem(slug, example="family-history"):
        raise ScaffoldRefused(f"title '{title}' gives no usable file name; use letters or digits in the title")
    path = topic_dir / kind.folder / f"{slug}.md"
    if path.exists():
        raise ScaffoldRefused(f"{path.as_posix()} already exists; edit that file, or choose a different title")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(item_markdown(kind=kind, title=title, topic_dir=topic_dir), encoding="utf-8")
    return path


def _existing_topic(topic: str, content_dir: Path) -> Path:
    if not content_dir.is_dir():
        raise ScaffoldRefused(f"{content_dir.as_posix()}: content folder not found; run this from the project folder")
    topics = sorted(p.name for p in content_dir.iterdir() if (p / TOPIC_FILE).is_file())
    if topic not in topics:
        known = ", ".join(topics) or "none yet"
        raise ScaffoldRefused(f"unknown topic '{topic}'{did_you_mean(topic, topics)}; expected one of: {known}")
    return content_dir / topic


def item_markdown(*, kind: Kind, title: str, topic_dir: Path) -> str:
    """The new file's text: every field with its explanation, then a body to replace."""
    values = {"title": title, "summary": f"Replace this with one plain sentence about {title}."}
    choices = {link.field: topic_dir / link.target for link in kind.links}
    lines = ["---"]
    for field in field_docs(item_schema(kind)):
        need = "required" if field.required else "optional"
        lines.append(f"# {field.name} ({need}): {field.description}")
        if field.name in choices:
            lines.append(f"# Choose from: {_choices(choices[field.name])}")
        value = values.get(field.name, field.default)
        lines.append(dump_fields({field.name: value}, flow_lists=True).strip())
    lines += [
        "---",
        f"Replace this with the page text about {title}, in plain words: short sentences and everyday words.",
        "",
    ]
    return "\n".join(lines)


def new_translation(*, source: Path, language: str) -> Path:
    """Write the translation of `source` into `language` beside it: every text to translate
    between [[ and ]], which `healthsite check` refuses until each is replaced."""
    if source.suffix != ".md" or TRANSLATION_NAME.match(source.name) or not source.is_file():
        raise ScaffoldRefused(f"{source.as_posix()}: expected a page to translate, such as content/<topic>/causes/<name>.md "
                              "or docs/about.md")
    path = translation_path(source, language)
    if path.exists():
        raise ScaffoldRefused(f"{path.as_posix()} already exists; edit it, and set its translation_of as `healthsite check` says")
    report = Collector(root=Path.cwd())
    doc = read_document(source, report)
    if doc is None:
        raise ScaffoldRefused("\n".join(str(problem) for problem in report.problems))
    if "summary" not in doc.meta:  # a page of the site's own (docs/about.md): its fields, its texts marked
        fields = {**doc.meta, "title": f"[[{doc.meta.get('title', '')}]]", "translation_of": source_version(source),
                  "translation_review": "[[Who checked this translation; or: not yet reviewed by a health professional]]",
                  **({"description": f"[[{doc.meta['description']}]]"} if doc.meta.get("description") else {})}
        path.write_text(f"---\n{dump_fields(fields).strip()}\n---\n[[Translate the text below into plain words, then delete "
                        f"this line.]]\n\n{doc.body}", encoding="utf-8")
        return path
    values = {
        "title": f"[[{doc.meta.get('title', '')}]]",
        "summary": f"[[{doc.meta.get('summary', '')}]]",
        "aliases": [],
        "care_cards": [{"reasons": [f"[[{reason}]]" for reason in card.get("reasons", [])],
                        **({"action": f"[[{card['action']}]]"} if card.get("action") else {})}
                       for card in doc.meta.get("care_cards") or []],
        "translation_review": "[[Who checked this translation; or: not yet reviewed by a health professional]]",
        "translation_of": source_version(source),
    }
    lines = ["---"]
    for field in field_docs(TranslationMeta):
        if field.name == "care_cards" and not values["care_cards"]:
            continue
        lines.append(f"# {field.name} ({'required' if field.required else 'optional'}): {field.description}")
        lines.append(dump_fields({field.name: values[field.name]}, flow_lists=field.name == "aliases").strip())
    lines += ["---", "[[Translate the text below into plain words, then delete this line.]]", "", doc.body]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _choices(folder: Path) -> str:
    return ", ".join(sorted(p.stem for p in folder.glob("*.md"))) or f"(no {folder.name} yet)"
