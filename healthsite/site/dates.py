"""When each source file last changed, from git history, read in one pass.

Pages show "Page last updated" from the commit that last touched their source
file (a content file for generated pages, a docs/ file for hand-written ones),
so an editor sees the effect of a merged change. One `git log --name-only`
reads the whole history at once instead of one git process per page.

Outside git, without git installed, or in a shallow clone (whose oldest commit
looks as if it added every file) there are no dates: pages simply show none.
"""

from __future__ import annotations

import datetime as dt
import logging
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

_DATE_MARK = "\0"  # git writes %x00 before each commit's date: no file name starts with it


@dataclass(frozen=True, slots=True)
class GitDates:
    """The newest commit date of every file and folder under the project root."""

    by_path: dict[str, dt.date] = field(default_factory=dict)  # posix path relative to the root

    def last_changed(self, path: Path, *, root: Path) -> dt.date | None:
        """The date `path` (a file, or a folder: its newest file) last changed, if known."""
        try:
            relative = path.absolute().relative_to(root.absolute()).as_posix()
        except ValueError:
            return None
        return self.by_path.get(relative)


def read_git_dates(root: Path) -> GitDates:
    """Every file's last commit date under `root`, or no dates when git cannot tell."""
    if _git(root, "rev-parse", "--is-shallow-repository") != "false":
        log.info("healthsite: no git history here (not a repository, or a shallow clone); pages show no update date")
        return GitDates()
    output = _git(root, "log", "--format=%x00%cs", "--name-only", "--no-renames", "--relative", "--", ".")
    return GitDates(by_path=_newest_dates(output or ""))


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, encoding="utf-8", check=False
        )
    except OSError:  # git is not installed
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _newest_dates(log_output: str) -> dict[str, dt.date]:
    """Map each file, and each folder above it, to the newest date it appears with."""
    newest: dict[str, dt.date] = {}
    date: dt.date | None = None
    for line in log_output.splitlines():
        if line.startswith(_DATE_MARK):
            date = dt.date.fromisoformat(line[1:])
        elif line and date is not None:
            path = PurePosixPath(line)
            for key in (path, *list(path.parents)[:-1]):  # the file and its folders, not "."
                if str(key) not in newest or newest[str(key)] < date:
                    newest[str(key)] = date
    return newest
