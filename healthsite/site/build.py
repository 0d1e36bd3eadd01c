"""`healthsite build`: check the content, build with MkDocs, swap the new site in.

The site is built into a temporary folder beside the target and only replaces
the previous site once the whole build has succeeded, so a failed build leaves
the published folder untouched. The build never writes to content/, docs/ or
overrides/, and refuses a --site-dir that would replace any of them.

Reproducible builds: two builds of the same sources are byte-identical except for
what MkDocs stamps with the build date, which is the `<lastmod>` of every page in
sitemap.xml and the same inside sitemap.xml.gz (plus the gzip header's time stamp).
MkDocs takes that date from SOURCE_DATE_EPOCH when it is set, so
`SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) healthsite build` makes two builds of
one commit identical to the byte. Pages, navigation and the search index follow
the sorted content, never the order of files on disk.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.exceptions import Abort, BuildError, ConfigurationError, PluginError

from healthsite.site.incremental import PreviewCache, rebuild_pages
from healthsite.site.settings import BuildFailed, collected_warnings, content_folder, load_site_config
from healthsite.site.shards import QuietDirtyBuild, Shard, build_in_parallel, sources_fingerprint

# Material prints a banner about MkDocs 2 on every build; we pin MkDocs below 2.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


__all__ = ["BuildFailed", "build_site"]


def build_site(*, config_file: Path, site_dir: Path | None = None, strict: bool = True, allow_overdue: bool = False,
               content_dir: Path | None = None, preview_url: str | None = None, jobs: int = 1,
               shard: Shard | None = None, cache: PreviewCache | None = None) -> Path:
    """Build the site and atomically replace `site_dir` with it; return the site folder.
    `allow_overdue` lets a local preview build while a review is overdue; `content_dir`
    replaces the content folder named in mkdocs.yml; `preview_url` builds a local preview
    served there (live reload allowed; site/preview.py). `jobs` builds that many shards at
    once and merges them; `shard` builds one shard for `healthsite merge` (site/shards.py). A
    preview's `cache` builds only what changed since its last build, in place (site/incremental.py)."""
    settings = {"config_file": config_file, "strict": strict, "allow_overdue": allow_overdue, "content_dir": content_dir}
    config = load_site_config(config_file, strict=strict, content_dir=content_dir, allow_overdue=allow_overdue)
    if preview_url is not None:
        config.plugins.on_startup(command="serve", dirty=False)
        config.site_url = preview_url
    target = Path(os.path.abspath(site_dir or config.site_dir))
    _refuse_to_replace_sources(target, config)
    if cache is not None:
        config.plugins["healthsite"].cache = cache  # a preview's site, built in place
        try:
            if rebuild_pages(cache):  # an edit to text alone: only its pages
                return target
        except PluginError as err:
            raise BuildFailed(f"the site was not built:\n  {err}") from None
        config.site_dir = str(target)
        _run_mkdocs(config, dirty=bool(cache.built))  # once built, MkDocs writes only what changed
        return target
    with staged(target) as staging:
        if jobs > 1 and shard is None:
            build_in_parallel(jobs=jobs, build_shard=functools.partial(_build_shard, **settings), staging=staging)
        elif shard is not None:
            _build_shard(shard, staging, **settings)
        else:
            config.site_dir = str(staging)
            _run_mkdocs(config)
    return target


@contextlib.contextmanager
def staged(target: Path) -> Iterator[Path]:
    """A new folder beside `target` to write into; it replaces `target` when the block ends
    without an error, and is removed either way."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        yield staging
        staging.chmod(0o755)  # mkdtemp makes it private; a site is for everyone to read
        swap_in(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _build_shard(shard: Shard, folder: Path, *, config_file: Path, strict: bool, allow_overdue: bool,
                 content_dir: Path | None) -> None:
    """One shard's pages into `folder` (in a process of its own under --jobs)."""
    config = load_site_config(config_file, strict=strict, content_dir=content_dir, allow_overdue=allow_overdue)
    plugin = config.plugins["healthsite"]
    root = Path(config.config_file_path).parent
    plugin.shard = (shard, sources_fingerprint(content_folder(config), Path(config.docs_dir),
                                               *([Path(config.theme.custom_dir)] if config.theme.custom_dir else []),
                                               files=[Path(config.config_file_path), root / "lay-words.yml"]))
    config.site_dir = str(folder)
    _run_mkdocs(config, dirty=True)


def _refuse_to_replace_sources(target: Path, config) -> None:
    """The new site replaces `target` whole: it must not be, or hold, a folder editors own."""
    root = Path(config.config_file_path).parent.absolute()
    plugin = config.plugins.get("healthsite")
    owned = [Path(config.docs_dir), root / plugin.config.content_dir if plugin else None, _custom_dir(config)]
    for folder in [root, *filter(None, owned)]:
        folder = Path(os.path.abspath(folder))
        if folder.is_relative_to(target):
            raise BuildFailed(f"will not build into {target}: it would replace {folder}; choose another folder, such as site/")
        if folder != root and target.is_relative_to(folder):
            raise BuildFailed(f"will not build into {target}: it is inside {folder}; choose another folder, such as site/")
    if target.is_dir() and any(target.iterdir()) and not (target / "index.html").is_file():
        raise BuildFailed(f"will not build into {target}: it holds files but no site (no index.html); choose another folder")


def _custom_dir(config) -> Path | None:
    custom_dir = config.theme.custom_dir
    return Path(custom_dir) if custom_dir else None


def _run_mkdocs(config, *, dirty: bool = False) -> None:
    """Run MkDocs; on failure, report the warnings and errors it logged, one line each."""
    quiet = QuietDirtyBuild()
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    try:
        with collected_warnings() as logged:
            mkdocs_build(config, dirty=dirty)
    except (Abort, BuildError, ConfigurationError) as err:
        lines = logged or str(err).splitlines()
        raise BuildFailed("the site was not built:\n" + "\n".join(f"  {line}" for line in lines)) from None
    finally:
        logging.getLogger("mkdocs.commands.build").removeFilter(quiet)


def swap_in(staging: Path, target: Path) -> None:
    """Replace `target` with `staging` in one step.

    On Linux the two folders are exchanged atomically, so `target` is never missing (the
    old site ends up in `staging`, which the caller removes). Elsewhere, two renames leave
    a moment without a site, but never a half-written one.
    """
    if target.exists() and _exchange(staging, target):
        return
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths with renameat2(RENAME_EXCHANGE); False where the system can't."""
    if sys.platform != "linux":
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)  # glibc 2.28+
    if renameat2 is None:
        return False
    return renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0
