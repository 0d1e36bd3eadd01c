"""Read and validate the content folder into a `Library`.

Every problem in the folder is collected, each naming its file (and line or
field), and reported together at the end, so an editor fixes them in one pass.
"""

from __future__ import annotations

import codecs
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from healthsite.content import safety as markup
from healthsite.errors import ContentError, Problem
from healthsite.content.model import CareCard, Item, Library, Review, Section, Source, Topic, Urgency
from healthsite.content.schema import ITEM_SCHEMAS, SLUG_RE, CareCardMeta, TopicMeta

TOPIC_FILE = "topic.md"
# Files an editor may keep beside the content without it becoming a page.
IGNORED_NAMES = {"README.md"}


@dataclass(slots=True)
class Document:
    """A content file split into front matter and Markdown body."""

    meta: dict[str, Any]
    body: str
    key_lines: dict[str, int]  # front-matter field -> line number in the file
    body_line: int  # the line of the file on which the body starts


@dataclass(slots=True)
class _Collector:
    root: Path
    problems: list[Problem] = field(default_factory=list)
    key_lines: dict[Path, dict[str, int]] = field(default_factory=dict)  # for link problems

    def add(self, path: Path, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(path=self.rel(path), message=message, line=line))

    def rel(self, path: Path) -> Path:
        try:
            return path.relative_to(self.root)
        except ValueError:
            return path


def load_library(content_dir: Path, *, root: Path | None = None) -> Library:
    """Load every topic under `content_dir`, or raise ContentError listing all problems."""
    content_dir = content_dir.absolute()
    report = _Collector(root=(root or content_dir.parent).absolute())
    if not content_dir.is_dir():
        report.add(content_dir, "content folder not found; expected a folder with one sub-folder per topic")
        raise ContentError(report.problems)
    topics = []
    for entry in sorted(content_dir.iterdir()):
        if _skipped(entry):
            continue
        if not _inside(entry, content_dir):
            report.add(entry, "is a link to somewhere outside the content folder; copy the file in instead")
        elif entry.is_dir():
            topic = _load_topic(entry, report)
            if topic is not None:
                topics.append(topic)
        else:
            report.add(entry, "stray file; expected only topic folders (content/<topic>/topic.md) here")
    _check_related(topics, known=[e.name for e in content_dir.iterdir() if e.is_dir() and not _skipped(e)], report=report)
    if not topics and not report.problems:
        report.add(content_dir, "no topics found; expected content/<topic>/topic.md")
    if report.problems:
        raise ContentError(sorted(report.problems, key=lambda p: (p.path.as_posix(), p.line or 0)))
    return Library(topics=tuple(sorted(topics, key=lambda t: (t.title.casefold(), t.slug))))


def _skipped(path: Path) -> bool:
    return path.name.startswith(".") or path.name in IGNORED_NAMES


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def _load_topic(folder: Path, report: _Collector) -> Topic | None:
    before = len(report.problems)
    _check_slug(folder, folder.name, report)
    topic_path = folder / TOPIC_FILE
    doc = read_document(topic_path, report) if topic_path.is_file() else None
    if not topic_path.is_file():
        report.add(topic_path, "missing; every topic folder needs a topic.md with the overview")
    meta = _validate(TopicMeta, doc, topic_path, report) if doc else None
    if doc:
        _check_markup(doc, topic_path, page_uri=f"{folder.name}/index.md", report=report)

    items: dict[Section, tuple[Item, ...]] = {}
    for entry in sorted(folder.iterdir()):
        if _skipped(entry) or entry.name == TOPIC_FILE:
            continue
        if not _inside(entry, folder):
            report.add(entry, "is a link to somewhere outside the content folder; copy the file in instead")
        elif entry.is_dir() and entry.name in {s.value for s in Section}:
            section = Section(entry.name)
            items[section] = _load_section(entry, section, report)
        else:
            report.add(entry, "stray file or folder; expected topic.md and the folders symptoms/, causes/, treatments/")

    if meta and not any(items.values()):
        report.add(topic_path, "topic has no items; add at least one file under symptoms/, causes/ or treatments/")
    _check_links(folder, items, report)
    if meta is not None:
        titles = [s.title for s in meta.sources]
        _check_care_cards(topic_path, _care_cards(meta.care_cards), titles, report)
        for item in (i for section_items in items.values() for i in section_items):
            _check_care_cards(item.path, item.care_cards, titles, report)
    if len(report.problems) > before or meta is None or doc is None:
        return None
    return Topic(
        slug=folder.name,
        title=meta.title,
        summary=meta.summary,
        body=doc.body,
        path=report.rel(topic_path),
        reviewed=Review(date=meta.reviewed.date, by=meta.reviewed.by),
        next_review=meta.next_review,
        aliases=tuple(meta.aliases),
        sources=tuple(Source(**s.model_dump()) for s in meta.sources),
        care_cards=_care_cards(meta.care_cards),
        related=tuple(meta.related),
        tags=tuple(meta.tags),
        items=items,
    )


def _load_section(folder: Path, section: Section, report: _Collector) -> tuple[Item, ...]:
    items = []
    for path in sorted(folder.iterdir()):
        if _skipped(path):
            continue
        if not _inside(path, folder):
            report.add(path, "is a link to somewhere outside the content folder; copy the file in instead")
            continue
        if path.is_dir() or path.suffix != ".md":
            report.add(path, f"stray file; expected only Markdown files (.md) in {section.value}/")
            continue
        if not _check_slug(path, path.stem, report):
            continue
        doc = read_document(path, report)
        meta = _validate(ITEM_SCHEMAS[section], doc, path, report) if doc else None
        if doc:
            _check_markup(doc, path, page_uri=f"{folder.parent.name}/{section.value}/{path.name}", report=report)
        if meta is None:
            continue
        items.append(
            Item(
                section=section,
                slug=path.stem,
                title=meta.title,
                summary=meta.summary,
                body=doc.body,
                path=report.rel(path),
                aliases=tuple(meta.aliases),
                links=tuple(getattr(meta, section.link_field)) if section.link_field else (),
                red_flag=meta.red_flag,
                order=meta.order,
                care_cards=_care_cards(meta.care_cards),
            )
        )
    _check_unique_titles(items, report)
    return tuple(sorted(items, key=lambda i: (i.order, i.title.casefold(), i.slug)))


def _check_slug(path: Path, slug: str, report: _Collector) -> bool:
    if SLUG_RE.match(slug) and slug != "index":
        return True
    report.add(
        path,
        f"name '{slug}' is not a usable web address; expected lowercase letters, digits and "
        "single hyphens (for example 'low-potassium'), and not 'index'",
    )
    return False


def _check_unique_titles(items: list[Item], report: _Collector) -> None:
    seen: dict[str, Item] = {}
    for item in items:
        key = item.title.casefold()
        if key in seen:
            report.add(item.path, f"title '{item.title}' is already used by {seen[key].path.as_posix()}; titles in a section must differ")
        else:
            seen[key] = item


def _care_cards(metas: list[CareCardMeta]) -> tuple[CareCard, ...]:
    return tuple(
        CareCard(level=Urgency(m.level), reasons=tuple(m.reasons), action=m.action, source=m.source) for m in metas
    )


def _check_care_cards(path: Path, cards: tuple[CareCard, ...], titles: list[str], report: _Collector) -> None:
    """One card per level on a page; urgent and emergency advice must name a source, and a
    named source must be one the topic lists."""
    line = report.key_lines.get(report.rel(path), {}).get("care_cards")
    for level in _duplicates(tuple(card.level.value for card in cards)):
        report.add(path, f"care_cards: more than one '{level}' card; put all its reasons in one card", line)
    for number, card in enumerate(cards, start=1):
        field_name = f"care_cards.{number}.source"
        if card.source is None and card.level.needs_source:
            report.add(path, f"missing field '{field_name}': {card.level.value} advice must name the topic source that supports it", line)
        elif card.source is not None and card.source not in titles:
            report.add(path, f"field '{field_name}': unknown source '{card.source}'{_did_you_mean(card.source, titles)}; "
                       "expected the title of one of the topic's sources", line)


def _check_links(folder: Path, items: dict[Section, tuple[Item, ...]], report: _Collector) -> None:
    """Each declared link must name a file in the target section (valid or not, so that
    one broken file does not make every link to it look wrong too)."""
    for section, section_items in items.items():
        target = section.link_target
        if target is None:
            continue
        known = sorted(p.stem for p in (folder / target.value).glob("*.md"))
        for item in section_items:
            line = report.key_lines.get(item.path, {}).get(section.link_field)
            for slug in _duplicates(item.links):
                report.add(item.path, f"{section.link_field}: '{slug}' is listed more than once", line)
            for slug in item.links:
                if slug not in known:
                    report.add(item.path, f"{section.link_field}: unknown {target.singular} '{slug}'{_did_you_mean(slug, known)}; "
                               f"expected the name of a file in {folder.name}/{target.value}/", line)


def _check_related(topics: list[Topic], *, known: list[str], report: _Collector) -> None:
    """`related` names other topic folders: not itself, not twice, not one that does not exist."""
    for topic in topics:
        line = report.key_lines.get(topic.path, {}).get("related")
        path = report.root / topic.path
        for slug in _duplicates(topic.related):
            report.add(path, f"related: '{slug}' is listed more than once", line)
        for slug in topic.related:
            if slug == topic.slug:
                report.add(path, f"related: '{slug}' is this topic itself; list other topics", line)
            elif slug not in known:
                report.add(path, f"related: unknown topic '{slug}'{_did_you_mean(slug, sorted(known))}; "
                           "expected the folder name of another topic in the content folder", line)


def _duplicates(values: tuple[str, ...]) -> list[str]:
    return sorted({v for v in values if values.count(v) > 1})


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


# --- Reading one file ------------------------------------------------------------------


def read_document(path: Path, report: _Collector) -> Document | None:
    """Split a content file into front matter and body, reporting why it can't be read."""
    raw = path.read_bytes()
    if raw.startswith(codecs.BOM_UTF8):
        report.add(path, "starts with a byte-order mark (BOM); save it as UTF-8 without BOM", 1)
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        report.add(path, "is not UTF-8 text; save it with UTF-8 encoding", line)
        return None
    if not text.strip():
        report.add(path, "is empty; expected front matter between '---' lines, then the page text")
        return None
    lines = text.replace("\r\n", "\n").split("\n")
    if lines[0].strip() != "---":
        report.add(path, "expected the file to start with a '---' line that opens the front matter", 1)
        return None
    end = next((n for n, line in enumerate(lines[1:], start=1) if line.strip() == "---"), None)
    if end is None:
        report.add(path, "front matter is not closed; expected a second '---' line after the fields", 1)
        return None
    header = "\n".join(lines[1:end])
    try:
        node, meta = _parse_yaml(header)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 2 if mark else None
        report.add(path, f"front matter is not valid YAML: {err.problem or err.context}", line)
        return None
    except yaml.reader.ReaderError as err:  # a control character, which YAML does not allow anywhere
        line = header[: err.position].count("\n") + 2
        report.add(path, f"front matter contains an invisible control character (#x{err.character:04x}); delete it", line)
        return None
    except RecursionError:  # hundreds of nested brackets: the parser recurses once per level
        report.add(path, "front matter is nested too deeply; expected 'field: value' lines", 2)
        return None
    if not isinstance(meta, dict) or not isinstance(node, yaml.MappingNode):
        report.add(path, "front matter must be a list of 'field: value' lines", 2)
        return None
    key_lines: dict[str, int] = {}
    for key_node, _ in node.value:
        if key_node.value in key_lines:
            report.add(path, f"field '{key_node.value}' appears twice", key_node.start_mark.line + 2)
        key_lines[str(key_node.value)] = key_node.start_mark.line + 2
    report.key_lines[report.rel(path)] = key_lines
    body = lines[end + 1 :]
    blank = next((n for n, line in enumerate(body) if line.strip()), len(body))
    return Document(meta=meta, body="\n".join(body).strip() + "\n", key_lines=key_lines, body_line=end + 2 + blank)


def _parse_yaml(header: str) -> tuple[yaml.Node | None, Any]:
    """The front matter's node tree (for line numbers) and its value, from one parse.

    libyaml is several times faster, which counts at a thousand topics; its error
    messages are terser, so a broken file is parsed again by PyYAML for the message.
    """
    try:
        return _compose_and_construct(header, yaml.CSafeLoader)
    except yaml.MarkedYAMLError:
        return _compose_and_construct(header, yaml.SafeLoader)


def _compose_and_construct(header: str, loader_class: type) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(header)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


# --- Markup: unsafe HTML and links to itself --------------------------------------------


def _check_markup(doc: Document, path: Path, *, page_uri: str, report: _Collector) -> None:
    """Refuse unsafe HTML in the body and in every front-matter text (see markup.py).

    Front-matter links (`causes:`, `treatments:`) always point into another section, so
    only the body can link a page to itself.
    """
    for finding in markup.check_markdown(doc.body, page_uri=page_uri):
        line = markup.line_of(doc.body, finding.needle)
        report.add(path, finding.message, doc.body_line + line - 1 if line else doc.body_line)
    for name, text in _texts(doc.meta):
        address = markup.check_address(text) if name.rsplit(".", 1)[-1] == "url" else None
        for finding in [address] if address else markup.check_plain_text(text):
            report.add(path, f"field '{name}': {finding.message}", doc.key_lines.get(name.split(".")[0]))


def _texts(value: Any, name: str = "") -> list[tuple[str, str]]:
    """Every text in the front matter with its field name, e.g. ('sources.1.title', '...')."""
    if isinstance(value, str):
        return [(name, value)]
    if isinstance(value, dict):
        return [t for key, inner in value.items() for t in _texts(inner, f"{name}.{key}" if name else str(key))]
    if isinstance(value, list):
        return [t for n, inner in enumerate(value, start=1) for t in _texts(inner, f"{name}.{n}")]
    return []


_EXPECTED = {
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "date_type": "a date as YYYY-MM-DD",
    "date_parsing": "a date as YYYY-MM-DD",
    "date_from_datetime_parsing": "a date as YYYY-MM-DD",
    "date_from_datetime_inexact": "a date as YYYY-MM-DD",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "list_type": "a list (one '- value' line per entry)",
    "string_type": "text",
    "model_type": "a group of fields",
    "model_attributes_type": "a group of fields",
    "dict_type": "a group of fields",
    "string_pattern_mismatch": "a file name without .md: lowercase letters, digits and hyphens",
}


def _validate(schema: type[BaseModel], doc: Document, path: Path, report: _Collector) -> BaseModel | None:
    try:
        return schema.model_validate(doc.meta)
    except ValidationError as exc:
        for err in exc.errors():
            report.add(path, _describe(err, schema), doc.key_lines.get(str(err["loc"][0])) if err["loc"] else None)
        return None


def _describe(err: dict[str, Any], schema: type[BaseModel]) -> str:
    loc = err["loc"]
    name = ".".join(str(p + 1) if isinstance(p, int) else str(p) for p in loc)
    kind = err["type"]
    if kind == "missing":
        return f"missing required field '{name}'"
    if kind == "extra_forbidden":
        hint = _did_you_mean(str(loc[-1]), list(_fields_at(schema, loc[:-1])))
        return f"unknown field '{name}'{hint}"
    if kind == "literal_error" and isinstance(err["input"], str):
        choices = re.findall(r"'([^']*)'", err["ctx"]["expected"])
        hint = _did_you_mean(err["input"], choices)
        return f"field '{name}': expected one of {', '.join(choices)}, got {err['input']!r}{hint}"
    if kind in {"string_too_short", "too_short"}:
        return f"field '{name}' is empty; expected {'at least one entry' if kind == 'too_short' else 'some text'}"
    expected = _EXPECTED.get(kind, err["msg"].lower())
    return f"field '{name}': expected {expected}, got {err['input']!r}"


def _fields_at(schema: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names allowed at a nested location, for 'did you mean' hints."""
    for part in loc:
        if isinstance(part, int):
            continue
        annotation = schema.model_fields[part].annotation
        inner = getattr(annotation, "__args__", (annotation,))
        schema = next((a for a in inner if isinstance(a, type) and issubclass(a, BaseModel)), None)
        if schema is None:
            return []
    return list(schema.model_fields)
