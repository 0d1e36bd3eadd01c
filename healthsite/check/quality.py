"""The checks that make a page trustworthy beyond a valid schema: a current review
and plain language. `healthsite check`, `healthsite build` and the plugin share them.

A review due within `review_warning_days` is a warning; an overdue review fails,
unless `allow_overdue` is set for a local preview. A page whose reading grade is
above `reading_grade_limit` fails.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.meta import get_data
from pydantic import ValidationError

from healthsite.errors import Problem
from healthsite.content.slugs import TRANSLATION_NAME
from healthsite.content.model import Library, Review
from healthsite.check.fill_ins import fill_ins
from healthsite.check.readability import Grades, grade_markdown
from healthsite.content.schema import ReviewMeta
from healthsite.render.dates import human_date

READING_GRADE_TARGET = 8  # NIH advice; stated in the editorial policy


@dataclass(frozen=True, slots=True, kw_only=True)
class QualitySettings:
    reading_grade_limit: float = 10
    review_warning_days: int = 30
    allow_overdue: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class WrittenPage:
    """A file an editor writes: a content file or a hand-written docs page."""

    path: Path  # relative to the project root, as editors see it
    file: Path  # where it is
    markdown: str  # the prose readers read
    next_review: dt.date | None  # None: reviewed with its topic, whose file carries the date


@dataclass(frozen=True, slots=True, kw_only=True)
class PageGrade:
    path: Path
    grades: Grades


@dataclass(frozen=True, slots=True, kw_only=True)
class QualityReport:
    warnings: tuple[Problem, ...]
    problems: tuple[Problem, ...]
    grades: tuple[PageGrade, ...]  # worst first
    unfinished: tuple[Problem, ...] = ()  # [[fill-ins]]: problems for `check`, warnings for a build
    too_hard: tuple[Problem, ...] = ()  # the reading-grade problems among `problems` (a preview shows them on the page)


def check_quality(*, pages: list[WrittenPage], settings: QualitySettings, today: dt.date) -> QualityReport:
    warnings: list[Problem] = []
    problems: list[Problem] = []
    for page in pages:
        if page.next_review is not None:
            _check_review(page.path, page.next_review, settings=settings, today=today, warnings=warnings, problems=problems)
    grades = sorted((PageGrade(path=p.path, grades=grade_markdown(p.markdown)) for p in pages),
                    key=lambda g: (-g.grades.grade, g.path.as_posix()))
    too_hard = tuple(
        Problem(path=graded.path, message=_too_hard(graded.grades, settings.reading_grade_limit))
        for graded in grades
        if graded.grades.reliable and graded.grades.grade > settings.reading_grade_limit
    )
    return QualityReport(warnings=tuple(warnings), problems=(*problems, *too_hard), grades=tuple(grades),
                         unfinished=fill_ins(pages), too_hard=too_hard)


def content_pages(library: Library) -> list[WrittenPage]:
    """Each topic overview and item file; the topic file carries the review date."""
    pages = []
    for topic in library.topics:
        pages.append(WrittenPage(path=topic.path, file=library.root / topic.path, markdown=f"{topic.summary}\n\n{topic.body}",
                                 next_review=topic.next_review))
        for kind in topic.kinds():
            pages.extend(
                WrittenPage(path=item.path, file=library.root / item.path, markdown=f"{item.summary}\n\n{item.body}", next_review=None)
                for item in topic.of_kind(kind)
            )
    return pages


def docs_pages(docs_dir: Path, *, root: Path, default: tuple[Review, dt.date] | None) -> tuple[list[WrittenPage], list[Problem]]:
    """Hand-written pages, reviewed as their front matter says or else as the site default
    (their translations are checked by check/translations.py)."""
    pages, problems = [], []
    for path in sorted(docs_dir.rglob("*.md")):
        if TRANSLATION_NAME.match(path.name):  # graded in its own language (check/translations.py)
            continue
        relative = path.relative_to(root)
        body, meta = get_data(path.read_text(encoding="utf-8"))
        review = page_review(meta, default=default)
        if isinstance(review, str):
            problems.append(Problem(path=relative, message=review))
        else:
            pages.append(WrittenPage(path=relative, file=path, markdown=body, next_review=review[1]))
    return pages, problems


def page_review(meta: dict, *, default: tuple[Review, dt.date] | None) -> tuple[Review, dt.date] | str:
    """A hand-written page's review from its `reviewed` and `next_review` fields, or the
    site default; a message saying what is wrong otherwise."""
    if "reviewed" not in meta and "next_review" not in meta and default is not None:
        return default
    try:
        reviewed = ReviewMeta.model_validate(meta.get("reviewed"))
    except ValidationError:
        return "field 'reviewed': expected 'date' (YYYY-MM-DD) and 'by', or set the site default in mkdocs.yml"
    if not isinstance(meta.get("next_review"), dt.date):
        return "field 'next_review': expected a date as YYYY-MM-DD"
    return Review(date=reviewed.date, by=reviewed.by), meta["next_review"]


def _check_review(path: Path, next_review: dt.date, *, settings: QualitySettings, today: dt.date,
                  warnings: list[Problem], problems: list[Problem]) -> None:
    days = (next_review - today).days
    if days < 0:
        message = (f"review overdue: the next review was due on {human_date(next_review)} ({_days(-days)} ago); "
                   "review the page, then update 'reviewed' and 'next_review'")
        (warnings if settings.allow_overdue else problems).append(Problem(path=path, message=message))
    elif days <= settings.review_warning_days:
        when = "today" if days == 0 else f"in {_days(days)}"
        warnings.append(Problem(path=path, message=f"review due soon: the next review is due on {human_date(next_review)} ({when})"))


def _days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


def _too_hard(grades: Grades, limit: float) -> str:
    return (f"reading grade {grades.grade:g} is above the limit of {limit:g} "
            f"(Flesch-Kincaid {grades.flesch_kincaid:g}, SMOG {grades.smog:g}); "
            f"use shorter sentences and everyday words (aim for grade {READING_GRADE_TARGET})")
