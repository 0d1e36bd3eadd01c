"""Writer: the topic folder swapped in whole, the old one moved to a backup with --force."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path, PurePosixPath

from healthsite.errors import ImportRefused

BACKUP_DIR = ".backup"


def write_tree(*, files: dict[PurePosixPath, str], content_dir: Path, topic: str) -> None:
    """Write into a hidden staging folder, then swap it in, so no half-written topic is ever visible."""
    target = content_dir / topic
    staging = content_dir / f".import-{topic}-{os.getpid()}"
    backup: Path | None = None
    try:
        content_dir.mkdir(parents=True, exist_ok=True)
        if staging.exists():
            shutil.rmtree(staging)  # our own leftover from an interrupted run
        for rel, text in sorted(files.items()):
            path = staging.joinpath(*rel.parts)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
        if target.exists():
            backup = _backup_path(content_dir=content_dir, topic=topic)
            backup.parent.mkdir(parents=True, exist_ok=True)
            target.rename(backup)
        staging.rename(target)
    except OSError as err:
        if backup is not None and backup.exists() and not target.exists():
            backup.rename(target)  # put the editor's folder back
        shutil.rmtree(staging, ignore_errors=True)
        raise ImportRefused(f"{target.as_posix()}: could not write the topic ({err}); nothing was changed") from None


def _backup_path(*, content_dir: Path, topic: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d%H%M%S")
    base = content_dir / BACKUP_DIR / f"{topic}-{stamp}"
    path, n = base, 1
    while path.exists():  # two forced imports within one second
        n += 1
        path = base.with_name(f"{base.name}-{n}")
    return path
