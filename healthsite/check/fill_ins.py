"""Unfinished pages: text in [[double brackets]] is a fill-in the site owner has not replaced.

`healthsite init` writes its editorial pages (who you are, contact, privacy...) and its
example topic with fill-ins, so that a new site builds from the first minute but cannot
be published by accident: `healthsite check` (which the deploy workflow runs) fails on
each one, naming its file and line, while `healthsite build` and previews only warn.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from healthsite.errors import Problem

if TYPE_CHECKING:
    from healthsite.check.quality import WrittenPage

FILL_IN = re.compile(r"\[\[([^\[\]\n]+)\]\]")


def fill_ins(pages: Iterable[WrittenPage]) -> tuple[Problem, ...]:
    """One problem per fill-in in the pages' files, in page order, with its line."""
    found = []
    for page in pages:
        text = page.file.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), start=1):
            found.extend(
                Problem(path=page.path, line=number, message=f"unfinished: replace '{match.group(0)}' with your own text")
                for match in FILL_IN.finditer(line)
            )
    return tuple(found)
