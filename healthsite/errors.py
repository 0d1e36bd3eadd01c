"""Errors meant for the user: one line per problem, no traceback."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import click


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """Something wrong in one file, with where and what was expected."""

    path: Path
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path.as_posix()}:{self.line}" if self.line else self.path.as_posix()
        return f"{where}: {self.message}"


class HealthsiteError(click.ClickException):
    """Base class: click prints the message and exits 1."""


# The line above a ContentError's problems ("2 problems in content:"): a heading, not a problem.
PROBLEM_COUNT = re.compile(r"\d+ problems? in content:")


class ContentError(HealthsiteError):
    """The content folder has one or more problems; all are reported at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        super().__init__(f"{count} in content:\n" + "\n".join(f"  {p}" for p in problems))


class ImportRefused(HealthsiteError):
    """The importer will not write anything."""


def did_you_mean(word: str, choices: list[str]) -> str:
    """' (did you mean 'x'?)' for the closest choice, or '' when none is close."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
