"""Translations as `check` and the build see them: files that cannot be used and pages too
hard to read in their language are problems; translations of an older version of their
source, and pages not translated yet, are warnings (content/translations.py reads them)."""

from __future__ import annotations

import dataclasses

from healthsite.check.fill_ins import fill_ins
from healthsite.check.quality import content_pages
from healthsite.check.readability import EASE_FORMULAS, MIN_WORDS, reading_ease
from healthsite.content.model import Library
from healthsite.content.translations import translate_library, translation_path
from healthsite.errors import Problem


def check_translations(library: Library, languages) -> tuple[list[Problem], list[Problem]]:
    """Problems and warnings for each language of the site's `languages` setting."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
    for language in languages:
        translations = translate_library(library, language.code)
        problems.extend(translations.problems)
        warnings.extend([*translations.stale, *translations.missing])
        formula = EASE_FORMULAS[language.code][0]
        for page in content_pages(translations.library):
            if page.path in translations.untranslated:
                continue
            path = translation_path(library.root / page.path, language.code).relative_to(library.root)
            problems.extend(fill_ins([dataclasses.replace(page, path=path, file=library.root / path)]))
            ease, words = reading_ease(page.markdown, language.code)
            if words >= MIN_WORDS and ease < language.reading_ease_minimum:
                problems.append(Problem(path=path, message=(
                    f"reading ease {ease:g} ({formula}) is below the minimum of {language.reading_ease_minimum:g}: "
                    "shorter sentences and shorter, everyday words make it easier")))
    return problems, warnings
