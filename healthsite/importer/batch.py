"""Import many articles at once: one topic per file, every file reported.

A refusal (an unreadable file, a topic that already exists) is recorded and the
next file is imported; each topic is still written atomically by the importer,
so a batch never leaves a half-written topic behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from healthsite.errors import ImportRefused
from healthsite.content.slugs import slugify
from healthsite.importer import ImportReport, import_article
from healthsite.content.kinds import KINDS

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchResult:
    """What happened to one article: a report when it was imported, a reason when not."""

    article: Path
    topic: str
    report: ImportReport | None = None
    refused: str | None = None


def find_articles(paths: Iterable[Path]) -> list[Path]:
    """The files named, and the article files directly inside the folders named, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                                and not p.name.startswith(".")))
        else:
            found.append(path)
    return list(dict.fromkeys(found))  # a file named twice is imported once


def topic_slug(article: Path) -> str:
    """The topic's web address from the file name: 'Leg Cramps.md' -> 'leg-cramps'."""
    return slugify(article.stem)


def import_batch(
    articles: list[Path],
    *,
    content_dir: Path,
    force: bool,
    today: dt.date,
    topic: str | None = None,
    done: Callable[[BatchResult], None] = lambda result: None,
) -> list[BatchResult]:
    """Import each article into its own topic; `done` is called after each one (for a progress bar)."""
    if topic is not None and len(articles) != 1:
        raise ImportRefused(f"--topic names the topic of a single article; got {len(articles)} articles "
                            "(without --topic each topic is named after its file)")
    results: list[BatchResult] = []
    claimed: dict[str, Path] = {}
    for article in articles:
        slug = topic or topic_slug(article)
        result = _import_one(article, slug=slug, claimed=claimed, content_dir=content_dir, force=force, today=today)
        claimed.setdefault(slug, article)
        results.append(result)
        done(result)
    return results


def _import_one(article: Path, *, slug: str, claimed: dict[str, Path], content_dir: Path, force: bool,
                today: dt.date) -> BatchResult:
    if slug in claimed:
        return BatchResult(article=article, topic=slug, refused=f"{article.as_posix()}: same topic '{slug}' as "
                           f"{claimed[slug].as_posix()}; rename one of the files")
    try:
        report = import_article(article, topic=slug, content_dir=content_dir, force=force, today=today)
    except ImportRefused as err:
        return BatchResult(article=article, topic=slug, refused=err.message)
    return BatchResult(article=article, topic=slug, report=report)


def summary_table(results: list[BatchResult]) -> str:
    """One row per article: items per section, warnings and suggested links, or why it was refused."""
    header = ["Topic", *(kind.folder.capitalize() for kind in KINDS), "Warnings", "Links", "Result"]
    rows = [header]
    for result in results:
        if result.report is None:
            rows.append([result.topic, *("-" for _ in KINDS), "-", "-", "refused"])
            continue
        report = result.report
        rows.append([result.topic, *(str(report.counts.get(kind, 0)) for kind in KINDS),
                     str(len(report.warnings)), str(len(report.links)), "imported"])
    widths = [max(len(row[n]) for row in rows) for n in range(len(header))]
    lines = ["  ".join(cell.ljust(w) if n in {0, len(header) - 1} else cell.rjust(w) for n, (cell, w) in enumerate(zip(row, widths)))
             for row in rows]
    rule = "  ".join("-" * w for w in widths)
    return "\n".join(line.rstrip() for line in [lines[0], rule, *lines[1:]])
