"""Problems found while loading content, collected so that all are reported at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from healthsite.errors import Problem


@dataclass(slots=True)
class Collector:
    """Every problem, each with its file (relative to `root`) and line; and each file's field lines."""

    root: Path
    problems: list[Problem] = field(default_factory=list)
    key_lines: dict[Path, dict[str, int]] = field(default_factory=dict)  # for link problems

    def add(self, path: Path, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(path=self.rel(path), message=message, line=line))

    def rel(self, path: Path) -> Path:
        try:
            return path.relative_to(self.root)
        except ValueError:
            return path
