"""Read and validate the content folder into a `Library`.

Every problem in the folder is collected, each naming its file (and line or
field), and reported together at the end, so an editor fixes them in one pass.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from healthsite.content.frontmatter import read_document
from healthsite.content.kinds import KINDS, Kind
from healthsite.content.model import CareCard, Item, Library, Review, Source, Topic, Urgency
from healthsite.content.report import Collector
from healthsite.content.schema import CareCardMeta, TopicMeta, item_schema
from healthsite.content.slugs import TRANSLATION_NAME, slug_problem
from healthsite.content.validate import check_markup, validate
from healthsite.errors import ContentError, did_you_mean

TOPIC_FILE = "topic.md"
# Files an editor may keep beside the content without it becoming a page.
IGNORED_NAMES = {"README.md"}


# A preview's topics from its last load, by folder: the files' names, sizes and times, the
# topic, and its fields' lines; a folder whose files are unchanged is not read again.
TopicCache = dict[Path, tuple[tuple, Topic, dict[str, dict[str, int]]]]


def load_library(content_dir: Path, *, root: Path | None = None, cache: TopicCache | None = None) -> Library:
    """Load every topic under `content_dir`, or raise ContentError listing all problems.
    With a `cache` (a preview's), only topic folders whose files changed are read."""
    content_dir = content_dir.absolute()
    report = Collector(root=(root or content_dir.parent).absolute())
    if not content_dir.is_dir():
        report.add(content_dir, "content folder not found; expected a folder with one sub-folder per topic")
        raise ContentError(report.problems)
    topics = []
    for entry in _entries(content_dir, report):
        if entry.is_dir():
            topic = _load_topic(entry, report) if cache is None else _cached_topic(entry, report, cache)
            if topic is not None:
                topics.append(topic)
        else:
            report.add(entry, "stray file; expected only topic folders (content/<topic>/topic.md) here")
    _check_related(topics, known=[e.name for e in content_dir.iterdir() if e.is_dir() and not _skipped(e)], report=report)
    if not topics and not report.problems:
        report.add(content_dir, "no topics found; expected content/<topic>/topic.md")
    if report.problems:
        raise ContentError(sorted(report.problems, key=lambda p: (p.path.as_posix(), p.line or 0)))
    return Library(topics=tuple(sorted(topics, key=lambda t: (t.title.casefold(), t.slug))), root=report.root)


def _cached_topic(folder: Path, report: Collector, cache: TopicCache) -> Topic | None:
    stamp = tuple(sorted(file_stamps(folder)))
    if (hit := cache.get(folder)) is not None and hit[0] == stamp:
        report.key_lines.update(hit[2])
        return hit[1]
    problems, known = len(report.problems), set(report.key_lines)
    topic = _load_topic(folder, report)
    if topic is not None and len(report.problems) == problems:  # a topic with problems is read again next time
        cache[folder] = (stamp, topic, {path: lines for path, lines in report.key_lines.items() if path not in known})
    return topic


def file_stamps(path: Path) -> Iterator[tuple[str, int, int]]:
    """Each file's path, size and time of change under `path` (or of `path`, a file), for a
    preview to tell what changed (os.walk: pathlib's rglob took most of a preview's time)."""
    files = [str(path)] if path.is_file() else [os.path.join(top, name) for top, _, names in os.walk(path) for name in names]
    for file in files:
        stat = os.stat(file)
        yield file, stat.st_size, stat.st_mtime_ns


def _entries(folder: Path, report: Collector) -> list[Path]:
    """The files and folders an editor put in `folder`, sorted; hidden files and README.md are
    left out, and a link to somewhere outside the folder is reported instead of followed."""
    entries = []
    for entry in sorted(folder.iterdir()):
        if _skipped(entry):
            continue
        if not entry.is_symlink() or _inside(entry, folder):  # resolving every path took a preview's time
            entries.append(entry)
        else:
            report.add(entry, "is a link to somewhere outside the content folder; copy the file in instead")
    return entries


def _skipped(path: Path) -> bool:
    """Hidden files, README.md, and translations (content/translations.py reads those)."""
    return path.name.startswith(".") or path.name in IGNORED_NAMES or TRANSLATION_NAME.match(path.name) is not None


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def _load_topic(folder: Path, report: Collector) -> Topic | None:
    before = len(report.problems)
    _check_slug(folder, folder.name, report)
    topic_path = folder / TOPIC_FILE
    doc = read_document(topic_path, report) if topic_path.is_file() else None
    if not topic_path.is_file():
        report.add(topic_path, "missing; every topic folder needs a topic.md with the overview")
    meta = validate(TopicMeta, doc, topic_path, report) if doc else None
    if doc:
        check_markup(doc, topic_path, page_uri=f"{folder.name}/index.md", report=report)

    items: dict[Kind, tuple[Item, ...]] = {}
    for entry in _entries(folder, report):
        if entry.name == TOPIC_FILE:
            continue
        kind = KINDS.get(entry.name)
        if entry.is_dir() and kind is not None:
            items[kind] = _load_kind(entry, kind, report)
        else:
            hint = did_you_mean(entry.name, KINDS.folders()) if entry.is_dir() else ""
            report.add(entry, f"stray file or folder{hint}; expected topic.md and the folders {_folder_list('and')}")

    if meta and not any(items.values()):
        report.add(topic_path, f"topic has no items; add at least one file under {_folder_list('or')}")
    _check_links(folder, items, report)
    if meta is not None:
        titles = [s.title for s in meta.sources]
        _check_care_cards(topic_path, _care_cards(meta.care_cards), titles, report)
        for item in (i for kind_items in items.values() for i in kind_items):
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


def _folder_list(conjunction: str) -> str:
    folders = [f"{folder}/" for folder in KINDS.folders()]
    return f"{', '.join(folders[:-1])} {conjunction} {folders[-1]}"


def _load_kind(folder: Path, kind: Kind, report: Collector) -> tuple[Item, ...]:
    items = []
    for path in _entries(folder, report):
        if path.is_dir() or path.suffix != ".md":
            report.add(path, f"stray file; expected only Markdown files (.md) in {kind.folder}/")
            continue
        if not _check_slug(path, path.stem, report):
            continue
        doc = read_document(path, report)
        meta = validate(item_schema(kind), doc, path, report) if doc else None
        if doc:
            check_markup(doc, path, page_uri=f"{folder.parent.name}/{kind.folder}/{path.name}", report=report)
        if meta is None:
            continue
        items.append(
            Item(
                kind=kind,
                slug=path.stem,
                title=meta.title,
                summary=meta.summary,
                body=doc.body,
                path=report.rel(path),
                aliases=tuple(meta.aliases),
                links=tuple((link.target, tuple(getattr(meta, link.field))) for link in kind.links),
                red_flag=meta.red_flag,
                order=meta.order,
                care_cards=_care_cards(meta.care_cards),
                extra=tuple((extra.name, getattr(meta, extra.name)) for extra in kind.extra_fields),
            )
        )
    _check_unique_titles(items, report)
    return tuple(sorted(items, key=lambda i: (i.order, i.title.casefold(), i.slug)))


def _check_slug(path: Path, slug: str, report: Collector) -> bool:
    problem = slug_problem(slug, example="low-potassium")
    if problem:
        report.add(path, f"name {problem}")
    return problem is None


def _check_unique_titles(items: list[Item], report: Collector) -> None:
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


def _check_care_cards(path: Path, cards: tuple[CareCard, ...], titles: list[str], report: Collector) -> None:
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
            report.add(path, f"field '{field_name}': unknown source '{card.source}'{did_you_mean(card.source, titles)}; "
                       "expected the title of one of the topic's sources", line)


def _check_links(folder: Path, items: dict[Kind, tuple[Item, ...]], report: Collector) -> None:
    """Each declared link must name a file of the target kind (valid or not, so that
    one broken file does not make every link to it look wrong too)."""
    for kind, kind_items in items.items():
        for link in kind.links:
            target = KINDS[link.target]
            known = sorted(p.stem for p in (folder / target.folder).glob("*.md"))
            for item in kind_items:
                line = report.key_lines.get(item.path, {}).get(link.field)
                slugs = item.links_to(target)
                for slug in _duplicates(slugs):
                    report.add(item.path, f"{link.field}: '{slug}' is listed more than once", line)
                for slug in slugs:
                    if slug not in known:
                        report.add(item.path, f"{link.field}: unknown {target.singular} '{slug}'{did_you_mean(slug, known)}; "
                                   f"expected the name of a file in {folder.name}/{target.folder}/", line)


def _check_related(topics: list[Topic], *, known: list[str], report: Collector) -> None:
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
                report.add(path, f"related: unknown topic '{slug}'{did_you_mean(slug, sorted(known))}; "
                           "expected the folder name of another topic in the content folder", line)


def _duplicates(values: tuple[str, ...]) -> list[str]:
    return sorted({v for v in values if values.count(v) > 1})


