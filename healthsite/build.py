"""`healthsite build`: check the content, build with MkDocs, swap the new site in.

The site is built into a temporary folder beside the target and only replaces
the previous site once the whole build has succeeded, so a failed build leaves
the published folder untouched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from healthsite.errors import HealthsiteError

# Material prints a banner about MkDocs 2 on every build; we pin MkDocs below 2.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class BuildFailed(HealthsiteError):
    pass


def build_site(*, config_file: Path, site_dir: Path | None = None, strict: bool = True, allow_overdue: bool = False) -> Path:
    """Build the site and atomically replace `site_dir` with it; return the site folder.
    `allow_overdue` lets a local preview build while a review is overdue."""
    config = load_site_config(config_file, strict=strict)
    if allow_overdue and "healthsite" in config.plugins:
        config.plugins["healthsite"].config.allow_overdue = True
    target = (site_dir or Path(config.site_dir)).absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        config.site_dir = str(staging)
        _run_mkdocs(config)
        staging.chmod(0o755)  # mkdtemp makes it private; a site is for everyone to read
        _swap_in(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def load_site_config(config_file: Path, *, strict: bool):
    try:
        return load_config(str(config_file), strict=strict)
    except (ConfigurationError, PluginError) as err:
        raise BuildFailed(str(err)) from None


def _run_mkdocs(config) -> None:
    # In strict mode MkDocs aborts on any warning (a broken link, a missing page).
    try:
        mkdocs_build(config)
    except (Abort, PluginError, ConfigurationError) as err:
        raise BuildFailed(f"the site was not built: {err}") from None


def _swap_in(staging: Path, target: Path) -> None:
    """Replace `target` with `staging` using renames, which are atomic on one file system."""
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)

