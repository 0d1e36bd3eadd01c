"""Translations as `check` and the build see them: files that cannot be used and pages too
hard to read in their language are problems; translations of an older version of their
source, and pages not translated yet, are warnings (content/translations.py reads them)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from mkdocs.utils.meta import get_data

from healthsite.check.fill_ins import fill_ins
from healthsite.check.quality import WrittenPage, content_pages
from healthsite.check.readability import EASE_FORMULAS, MIN_WORDS, reading_ease
from healthsite.content.model import Library
from healthsite.content.slugs import TRANSLATION_NAME
from healthsite.content.translations import Translations, source_version, translate_library, translation_path
from healthsite.errors import Problem


def check_translations(library: Library, languages, *, docs_dir: Path | None = None, missing: bool = True,
                       translated: dict[str, Translations] | None = None) -> tuple[list[Problem], list[Problem]]:
    """Problems and warnings for each language of the site's `languages` setting, in the
    content and (with `docs_dir`) the site's own pages; `translated`: the translations
    already read, by language. The warnings name stale translations, and (with `missing`,
    as `check` does; a build does not) the pages not translated yet."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
    for language in languages:
        if docs_dir is not None:
            _check_docs(docs_dir, language, root=library.root, problems=problems, warnings=warnings, missing=missing)
        translations = (translated or {}).get(language.code) or translate_library(library, language.code)
        problems.extend(translations.problems)
        warnings.extend([*translations.stale, *(translations.missing if missing else ())])
        for page in content_pages(translations.library):
            if page.path in translations.untranslated:
                continue
            path = translation_path(library.root / page.path, language.code).relative_to(library.root)
            problems.extend(fill_ins([dataclasses.replace(page, path=path, file=library.root / path)]))
            problems.extend(_too_hard(page.markdown, path, language))
    return problems, warnings


def _too_hard(markdown: str, path: Path, language) -> list[Problem]:
    ease, words = reading_ease(markdown, language.code)
    if words < MIN_WORDS or ease >= language.reading_ease_minimum:
        return []
    return [Problem(path=path, message=(
        f"reading ease {ease:g} ({EASE_FORMULAS[language.code][0]}) is below the minimum of "
        f"{language.reading_ease_minimum:g}: shorter sentences and shorter, everyday words make it easier"))]


def _check_docs(docs_dir: Path, language, *, root: Path, problems: list[Problem], warnings: list[Problem],
                missing: bool) -> None:
    """The site's own pages: docs/about.es.md translates docs/about.md, and records which version
    in `translation_of`, as a content file's translation does (content/translations.py)."""
    code = language.code
    for source in sorted(docs_dir.rglob("*.md")):
        if TRANSLATION_NAME.match(source.name):
            continue
        relative, translation = _shown(source, root), translation_path(source, code)
        if not translation.is_file():
            if missing:
                warnings.append(Problem(path=relative, message=f"no '{code}' translation yet; "
                                        f"`healthsite new --lang {code} {relative.as_posix()}` starts one"))
            continue
        body, meta = get_data(translation.read_text(encoding="utf-8"))
        shown = _shown(translation, root)
        if str(meta.get("translation_of")) != source_version(source):
            warnings.append(Problem(path=shown, message=f"translates an older version of {relative.as_posix()}: see what "
                                    f"changed (git log -p {relative.as_posix()}), update the translation, then set "
                                    f"translation_of: {source_version(source)}"))
        problems.extend(fill_ins([WrittenPage(path=shown, file=translation, markdown=body, next_review=None)]))
        problems.extend(_too_hard(body, shown, language))
    for translation in sorted(docs_dir.rglob(f"*.{code}.md")):
        if not translation.with_name(translation.name.removesuffix(f".{code}.md") + ".md").is_file():
            problems.append(Problem(path=_shown(translation, root), message="translates a page that is not there: "
                                    "rename it with its source, or delete it"))


def _shown(path: Path, root: Path) -> Path:
    """The path as problems name files: from the project's folder when it is inside it."""
    return path.relative_to(root) if path.is_relative_to(root) else path
