"""`healthsite serve`: a live preview that survives mistakes.

MkDocs' own server stops showing pages while a rebuild fails, and says why only in the
terminal, and rebuilds the whole site after every edit. Here the first build is a whole
build; after that an edit builds again only the pages it changes, in place
(site/incremental.py). Content problems are found before any page is written, so the last
good site stays served. While a rebuild fails, every page the editor has open reloads and shows the problems at its top, each
with its file, line and field; when the file is fixed, the next rebuild clears them. A
page too hard to read is built anyway, with a note (site/preview_notes.py), so that its
editor can see it while they make it plainer; `check` and `build` still refuse it.

Live reload needs the server's inline script, so a preview's pages allow inline code
(csp.allow_preview_code); built sites never do.
"""

from __future__ import annotations

import html
import logging
import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import watchdog.observers
from watchdog import events
from mkdocs.livereload import LiveReloadServer

from healthsite.content.loader import file_stamps
from healthsite.errors import PROBLEM_COUNT, HealthsiteError
from healthsite.site.build import build_site
from healthsite.site.incremental import PreviewCache
from healthsite.site.theme_layer import THEME_DIR
from healthsite.site.settings import content_folder, load_site_config

log = logging.getLogger("mkdocs.healthsite.preview")
_BANNER_STYLE = ("position:sticky;top:0;z-index:10;margin:0;padding:1em 1.5em;background:#a8001c;color:#fff;"
                 "font:1rem/1.5 system-ui,sans-serif;overflow-wrap:anywhere")  # long file paths wrap on phones


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server, with the current build problems shown on every page, told
    of saved files by the system (inotify on Linux) where MkDocs looks at every file twice a
    second, which at a thousand topics took longer than the rebuild."""

    problems: tuple[str, ...] = ()

    def watch_all(self, paths: list[Path]) -> None:
        folders = sum(1 for path in paths for _ in os.walk(path))
        limit = Path("/proc/sys/fs/inotify/max_user_watches")  # Linux: one watch per folder
        if not limit.is_file() or folders < int(limit.read_text()) // 2:
            self.observer = _SavesOnly()
        for path in paths:
            self.watch(str(path))

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        content = super()._inject_js_into_html(content, epoch)
        if not self.problems:
            return content
        at = content.find(b">", content.find(b"<body")) + 1
        return content[:at] + _banner(self.problems).encode() + content[at:]


def serve_preview(*, config_file: Path, host: str, port: int, allow_overdue: bool) -> None:
    """Serve a preview of the site at host:port until interrupted."""
    config = load_site_config(config_file, strict=False)
    mount_path = urlsplit(config.site_url or "/").path
    preview_url = f"http://{host}:{port}{mount_path}"
    served = Path(tempfile.mkdtemp(prefix="healthsite-preview-"))
    root = Path(config.config_file_path).parent
    settings = [Path(config.config_file_path), root / "lay-words.yml", THEME_DIR,
                *([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])]
    cache, stamp = PreviewCache(), _stamp(settings)

    def rebuild() -> None:
        nonlocal cache, stamp
        if (now := _stamp(settings)) != stamp:  # the settings or the theme: every page changes
            cache, stamp = PreviewCache(), now
        try:
            build_site(config_file=config_file, site_dir=served, allow_overdue=allow_overdue, preview_url=preview_url,
                       cache=cache)
        except HealthsiteError as err:  # the build's own problems: content, settings, MkDocs' warnings
            lines = [line.strip() for line in err.message.splitlines()[1:]] or [err.message]
            server.problems = tuple(line for line in lines if not PROBLEM_COUNT.fullmatch(line))
            log.error("The preview is out of date:\n%s", err.message)
            if not (served / "index.html").exists():  # nothing built yet: a page that says why
                (served / "index.html").write_text(_problem_page(), encoding="utf-8")
            return
        server.problems = ()

    server = PreviewServer(builder=rebuild, host=host, port=port, root=str(served), mount_path=mount_path)
    server.error_handler = lambda code: (served / "404.html").read_bytes() if (served / "404.html").is_file() else None
    try:
        rebuild()
        watched = [config.docs_dir, config.config_file_path, config.theme.custom_dir, THEME_DIR, content_folder(config),
                   root / "lay-words.yml"]
        server.watch_all([Path(path) for path in watched if path and Path(path).exists()])
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(served, ignore_errors=True)


class _SavesOnly(watchdog.observers.Observer):
    """The system's notices of files written, created, moved or deleted; not of files read,
    which every build does (they would start the next build, for ever)."""

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
        return super().schedule(event_handler, path, recursive=recursive, follow_symlink=follow_symlink, event_filter=[
            events.FileModifiedEvent, events.FileCreatedEvent, events.FileDeletedEvent, events.FileMovedEvent,
            events.FileClosedEvent])


def _stamp(paths: list[Path]) -> tuple:
    """Names, sizes and times of these files and of the files in these folders."""
    return tuple(stamp for path in paths if path.exists() for stamp in sorted(file_stamps(path)))


def _banner(problems: tuple[str, ...]) -> str:
    items = "".join(f"<li>{html.escape(problem)}</li>" for problem in problems)
    return (f'<div class="hs-preview-problems" role="alert" style="{_BANNER_STYLE}">'
            f"<strong>This preview is out of date: the last change could not be built.</strong> "
            f"Fix this and save; the page will reload by itself.<ul style=\"margin:.5em 0 0\">{items}</ul></div>")


def _problem_page() -> str:
    """Served until the first build succeeds; the banner above it lists the problems."""
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Preview: the site could not be built</title>'
            "</head><body><main><h1>The site could not be built yet</h1></main></body></html>")
