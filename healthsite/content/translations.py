"""Translations: a content file in another language sits beside its source, named
`<name>.<language>.md` (`dehydration.es.md` beside `dehydration.md`, `topic.es.md` beside
`topic.md`), so that a pull request shows the two together.

A translation holds only what readers read: the title, summary, aliases, the care cards'
reasons and action, and the page text (schema.TranslationMeta). Links, order, review
dates, sources and flags come from the source, so a translation cannot disagree with it.
`translation_of` records which version of the source it translates: the start of the
source file's SHA-256, which `healthsite new --lang` writes. When the source changes, the
translation is stale until a translator updates it and the hash.
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from healthsite.content.frontmatter import read_document
from healthsite.content.model import CareCard, Item, Library, Topic
from healthsite.content.report import Collector
from healthsite.content.schema import TranslationMeta
from healthsite.content.slugs import TRANSLATION_NAME
from healthsite.content.validate import check_markup, validate
from healthsite.errors import Problem


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Translations:
    """The library in one language, and what `healthsite check` says about it."""

    language: str
    library: Library  # every topic, its pages translated where a translation can be used
    untranslated: frozenset[Path]  # those other pages' source files
    reviews: dict[Path, str]  # each translated page's source file -> its translation_review statement
    problems: tuple[Problem, ...]  # translation files that cannot be used: each fails `check` and the build
    stale: tuple[Problem, ...]  # translations of an older version of their source
    missing: tuple[Problem, ...]  # sources with no translation yet


    def published(self, *, notes: bool) -> Library:
        """The library as its language's site shows it. With `notes`, a page not translated
        yet stays (rendered as a note linking its original), but a topic whose overview is not
        translated keeps only that note: its lists and checklist would be in two languages.
        Without, those pages and topics are left out, and so are the links to them."""
        topics = []
        for topic in self.library.topics:
            if topic.path in self.untranslated:
                topics.extend([dataclasses.replace(topic, items={})] if notes else [])
            else:
                topics.append(topic if notes else dataclasses.replace(topic, items={
                    kind: tuple(i for i in topic.of_kind(kind) if i.path not in self.untranslated) for kind in topic.kinds()}))
        return dataclasses.replace(self.library, topics=tuple(topics))


def translation_path(source: Path, language: str) -> Path:
    """Where the translation of a content file into `language` goes."""
    return source.with_name(f"{source.stem}.{language}.md")


def source_version(source: Path) -> str:
    """What a translation's `translation_of` holds: the start of the source file's SHA-256."""
    return hashlib.sha256(source.read_bytes()).hexdigest()[:12]


def translate_library(library: Library, language: str) -> Translations:
    """Read every `*.<language>.md` file of the library."""
    report = Collector(root=library.root)
    stale: list[Problem] = []
    missing: list[Problem] = []
    untranslated: set[Path] = set()
    reviews: dict[Path, str] = {}
    topics = []
    for topic in library.topics:
        pages = [topic, *(item for kind in topic.kinds() for item in topic.of_kind(kind))]
        read = {page.path: _read(page.path, page.care_cards, language, report, stale) for page in pages}
        absent = [page for page in pages if not translation_path(library.root / page.path, language).is_file()]
        if len(absent) == len(pages):  # one line for a topic not started
            missing.append(Problem(path=topic.path, message=f"not translated into '{language}' yet, nor its {len(pages) - 1} "
                                   f"pages; `healthsite new --lang {language} {topic.path.as_posix()}` starts it"))
            untranslated.update(page.path for page in pages)
            topics.append(topic)
            continue
        missing.extend(Problem(path=page.path, message=f"no '{language}' translation yet; "
                               f"`healthsite new --lang {language} {page.path.as_posix()}` starts one") for page in absent)
        untranslated.update(page.path for page in pages if read[page.path] is None)
        reviews.update((path, found[0].translation_review) for path, found in read.items() if found and found[0].translation_review)
        items = {kind: tuple(_translated(item, *read[item.path]) if read[item.path] else item for item in topic.of_kind(kind))
                 for kind in topic.kinds()}
        translated = _translated(topic, *read[topic.path]) if read[topic.path] else topic
        topics.append(dataclasses.replace(translated, items=items))
    _orphans(library, language, report)
    translated = Library(topics=tuple(sorted(topics, key=lambda t: (t.title.casefold(), t.slug))), root=library.root)
    return Translations(language=language, library=translated, untranslated=frozenset(untranslated), reviews=reviews,
                        problems=tuple(report.problems), stale=tuple(stale), missing=tuple(missing))


def _read(source: Path, cards: tuple[CareCard, ...], language: str, report: Collector,
          stale: list[Problem]) -> tuple[TranslationMeta, str] | None:
    """The translation of `source` (relative to the root) and its text; None if there is none
    or it cannot be used (then `report` says why)."""
    path = translation_path(report.root / source, language)
    if not path.is_file():
        return None
    doc = read_document(path, report)
    meta = validate(TranslationMeta, doc, path, report) if doc else None
    if doc is None or meta is None:
        return None
    before = len(report.problems)
    check_markup(doc, path, page_uri=source.as_posix(), report=report)
    if len(meta.care_cards) != len(cards):
        report.add(path, f"has {len(meta.care_cards)} care cards, its source {len(cards)}: "
                   "translate each of the source's cards, in the same order", doc.key_lines.get("care_cards"))
    for number, (card, text) in enumerate(zip(cards, meta.care_cards, strict=False), start=1):
        if card.action and not text.action:
            report.add(path, f"care card {number} has no `action`; translate the source's", doc.key_lines.get("care_cards"))
    if len(report.problems) > before:
        return None
    version = source_version(report.root / source)
    if meta.translation_of != version:
        stale.append(Problem(path=report.rel(path), line=doc.key_lines.get("translation_of"),
                             message=f"translates an older version of {source.as_posix()}: see what changed "
                             f"(git log -p {source.as_posix()}), update the translation, then set translation_of: {version}"))
    return meta, doc.body


def _translated(page: Topic | Item, meta: TranslationMeta, body: str):
    cards = tuple(dataclasses.replace(card, reasons=tuple(text.reasons), action=text.action or card.action)
                  for card, text in zip(page.care_cards, meta.care_cards, strict=True))
    return dataclasses.replace(page, title=meta.title, summary=meta.summary, body=body, aliases=tuple(meta.aliases),
                               care_cards=cards)


def _orphans(library: Library, language: str, report: Collector) -> None:
    """Translations whose source is not a page (renamed or deleted)."""
    known = {topic.path for topic in library.topics} | {
        item.path for topic in library.topics for kind in topic.kinds() for item in topic.of_kind(kind)}
    content = {(library.root / topic.path).parent.parent for topic in library.topics}  # the content folder
    for folder in sorted(content):
        for path in sorted(folder.rglob(f"*.{language}.md")):
            match = TRANSLATION_NAME.match(path.name)
            source = report.rel(path.with_name(f"{match['stem']}.md")) if match else None
            if source not in known:
                report.add(path, f"translates {source.as_posix() if source else path.name}, which is not a page: "
                           "rename it with its source, or delete it")
