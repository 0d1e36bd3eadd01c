"""Stage 1: turn one health article (plain text, Markdown or a web page) into a content topic.

The steps are separate on purpose, one module each: `readers` (and `webpage` for HTML)
turn the file into a flat list of blocks (headings, paragraphs, list items); `assemble`
turns blocks into an `Article`, with `headings` saying what each heading announces,
`items` reading each item's name and text and `help` the care cards; `slugs` names the
item pages and `links` suggests cross-links between them; `render` produces the file
texts; `writer` puts them on disk atomically; `batch` imports a folder. Nothing is
written until every step succeeded. The records passed between steps are in `records`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from healthsite.content.kinds import Kind
from healthsite.content.slugs import slug_problem
from healthsite.errors import ImportRefused
from healthsite.importer.assemble import assemble
from healthsite.importer.links import suggest_links
from healthsite.importer.readers import read_blocks, read_text
from healthsite.importer.render import render
from healthsite.importer.slugs import assign_slugs
from healthsite.importer.writer import BACKUP_DIR, write_tree

__all__ = ["ImportReport", "import_article"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportReport:
    """What `import_article` wrote, for the CLI to show."""

    topic_dir: Path
    counts: dict[Kind, int]
    warnings: tuple[str, ...]
    links: tuple[tuple[str, str], ...]  # (source slug, target slug)


def import_article(article: Path, *, topic: str, content_dir: Path, force: bool = False, today: dt.date) -> ImportReport:
    """Write content_dir/<topic>/ from `article`, or raise ImportRefused having written nothing."""
    _check_topic_slug(topic)
    target = content_dir / topic
    if target.exists() and not force:
        raise ImportRefused(f"{target.as_posix()} already exists; pass --force to replace it "
                            f"(the old folder is moved to {(content_dir / BACKUP_DIR).as_posix()}/)")
    text = read_text(article)
    parsed = read_blocks(text=text, path=article)
    doc = assemble(parsed=parsed, name=article.name)
    if not any(doc.sections.values()):
        raise ImportRefused(f"{article.as_posix()}: no symptoms, causes, treatments or other sections of a condition found; "
                            "expected headings such as 'Symptoms of …', 'Common causes' or 'Treatment options', "
                            "each followed by a list of items")
    slugs = assign_slugs(doc=doc, name=article.name)
    links = suggest_links(doc=doc)
    files = render(doc=doc, slugs=slugs, links=links, source_name=article.name, today=today)
    write_tree(files=files, content_dir=content_dir, topic=topic)
    return ImportReport(
        topic_dir=target,
        counts={kind: len(items) for kind, items in doc.sections.items()},
        warnings=doc.warnings + slugs.warnings,
        links=tuple((f"{kind.folder}/{slugs.of(kind, src)}", f"{target.folder}/{slugs.of(target, dst)}")
                    for (kind, target), found in links.items() for src, dsts in found.items() for dst in dsts),
    )


def _check_topic_slug(topic: str) -> None:
    if problem := slug_problem(topic, example="muscle-twitches"):
        raise ImportRefused(f"topic {problem}")
