"""Unfinished pages: text in [[double brackets]] is a fill-in the site owner has not replaced.

`healthsite init` writes its editorial pages (who you are, contact, privacy...) and its
example topic with fill-ins, so that a new site builds from the first minute but cannot
be published by accident: `healthsite check` (which the deploy workflow runs) fails on
each one, naming its file and line, while `healthsite build` and previews only warn.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from healthsite.errors import Problem

if TYPE_CHECKING:
    from healthsite.check.quality import WrittenPage

FILL_IN = re.compile(r"\[\[([^\[\]\n]+)\]\]")


def fill_ins(pages: Iterable[WrittenPage]) -> tuple[Problem, ...]:
    """One problem per fill-in in the pages' files, in page order, with its line."""
    found: list[Problem] = []
    for page in pages:
        stat = page.file.stat()
        found.extend(_in_file(page.file, page.path, stat.st_size, stat.st_mtime_ns))
    return tuple(found)


@functools.lru_cache(maxsize=100_000)  # a preview looks again after every edit: read only changed files
def _in_file(file: Path, shown: Path, size: int, mtime_ns: int) -> tuple[Problem, ...]:
    text = file.read_text(encoding="utf-8")
    return tuple(
        Problem(path=shown, line=number, message=f"unfinished: replace '{match.group(0)}' with your own text")
        for number, line in enumerate(text.splitlines(), start=1) for match in FILL_IN.finditer(line)
    )
