"""What the plugin checks before MkDocs renders a page: review dates and reading grades
(check/quality.py) of the content and the site's own pages, and the translations
(check/translations.py). A shard checks its own topics; the first also the site's own
pages and the translations, so that each problem is named once."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from healthsite.check.quality import QualityReport, QualitySettings, check_quality, content_pages, docs_pages, page_review
from healthsite.check.translations import check_translations
from healthsite.content.model import Library, Review


@dataclasses.dataclass(frozen=True, slots=True)
class ContentReport:
    problems: list  # fail the build
    warnings: list  # logged
    too_hard: tuple  # pages above the reading-grade limit (a preview shows them, with a note)


def content_report(settings, config: MkDocsConfig, *, library: Library, editions: dict, topics: set[str] | None,
                   first: bool) -> ContentReport:
    """The checks of `topics` (all, without a shard), and with `first` of the site's own pages
    and the translations."""
    checked = library if topics is None else dataclasses.replace(
        library, topics=tuple(t for t in library.topics if t.slug in topics))
    report = quality_report(settings, config, library=checked, today=dt.date.today(), docs=first)
    problems, warnings = list(report.problems), [*report.warnings, *report.unfinished]
    if settings.languages and first:  # the missing ones are for `healthsite check` to list
        translation_problems, translation_warnings = check_translations(
            library, settings.languages, missing=False, docs_dir=Path(config.docs_dir),
            translated={code: e.translations for code, e in editions.items() if e.translations})
        problems += translation_problems
        warnings += translation_warnings
    return ContentReport(problems=problems, warnings=warnings, too_hard=report.too_hard)


def quality_report(settings, config: MkDocsConfig, *, library: Library, today: dt.date, docs: bool = True) -> QualityReport:
    """Review dates and reading grades of the content and (with `docs`) the hand-written pages."""
    root = Path(config.config_file_path).parent.absolute()
    written, problems = docs_pages(Path(config.docs_dir), root=root, default=site_review(settings)) if docs else ([], [])
    limits = QualitySettings(reading_grade_limit=settings.reading_grade_limit,
                             review_warning_days=settings.review_warning_days, allow_overdue=settings.allow_overdue)
    report = check_quality(pages=[*content_pages(library), *written], settings=limits, today=today)
    return dataclasses.replace(report, problems=(*problems, *report.problems))


def site_review(settings) -> tuple[Review, dt.date] | None:
    """The review shown on the site's own pages that have none of their own (mkdocs.yml)."""
    if settings.reviewed is None and settings.next_review is None:
        return None
    review = page_review({"reviewed": settings.reviewed, "next_review": settings.next_review}, default=None)
    if isinstance(review, str):
        raise PluginError(f"mkdocs.yml: plugins.healthsite: {review}")
    return review
