"""The site's settings: mkdocs.yml, loaded once, with what the command line overrides.

This is the one place that applies `--content` and `--allow-overdue` to the healthsite
plugin's settings, for `check` and `build` alike; `serve` hands the same choice to its
MkDocs process through ALLOW_OVERDUE_ENV, which mkdocs.yml reads (so a plain
`mkdocs serve` can be relaxed the same way).
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from healthsite.errors import HealthsiteError

ALLOW_OVERDUE_ENV = "HEALTHSITE_ALLOW_OVERDUE"


class BuildFailed(HealthsiteError):
    pass


def load_site_config(config_file: Path, *, strict: bool, content_dir: Path | None = None,
                     allow_overdue: bool = False) -> MkDocsConfig:
    """mkdocs.yml, with another content folder and overdue reviews allowed when asked for."""
    with _config_errors() as errors:
        try:
            config = load_config(str(config_file), strict=strict)
        except (Abort, ConfigurationError, PluginError) as err:
            raise BuildFailed("\n".join(f"{config_file.name}: {_with_hint(e)}" for e in errors) or str(err)) from None
    plugin = config.plugins.get("healthsite")
    if plugin is not None:
        # MkDocs keeps one plugin instance per process for a `serve` session (it has on_startup):
        # a build starts as a plain one; build_site and serve say otherwise.
        plugin.previewing, plugin.cache, plugin.shard = False, None, None
        if content_dir is not None:
            plugin.config.content_dir = str(content_dir.absolute())
        plugin.config.allow_overdue = plugin.config.allow_overdue or allow_overdue
    return config


def content_folder(config: MkDocsConfig) -> Path:
    """The content folder the healthsite plugin reads, relative to mkdocs.yml unless absolute."""
    return Path(config.config_file_path).parent.absolute() / config.plugins["healthsite"].config.content_dir


@contextlib.contextmanager
def _config_errors() -> Iterator[list[str]]:
    """The problems MkDocs logs while it validates mkdocs.yml, one per setting, named as
    they are written in the file ("plugins.healthsite.brand_colour: ...")."""
    errors: list[str] = []
    handler = logging.Handler(logging.ERROR)
    handler.emit = lambda record: errors.append(_setting_path(record.getMessage()))  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs.config")
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False  # reported once, in the error
    try:
        yield errors
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _setting_path(message: str) -> str:
    message = re.sub(r"^Config value 'plugins': Plugin '([^']+)' option '([^']+)': ", r"plugins.\1.\2: ", message)
    return re.sub(r"^Config value '([^']+)': ", r"\1: ", message)


def _with_hint(error: str) -> str:
    if 'The "minify" plugin is not installed' in error:  # sites started before healthsite 0.3
        return error + "; healthsite now makes pages smaller itself: delete the `- minify:` entry and its settings from mkdocs.yml"
    return error


@contextlib.contextmanager
def collected_warnings() -> Iterator[list[str]]:
    """The lines of MkDocs' warnings and errors while the block runs. In strict mode MkDocs
    aborts on any warning (a broken link, a missing page), and its exception says only how
    many there were: the logged messages say which."""
    lines: list[str] = []
    handler = _Lines(lines, level=logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        yield lines
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)


class _Lines(logging.Handler):
    def __init__(self, lines: list[str], *, level: int) -> None:
        super().__init__(level=level)
        self.lines = lines

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.extend(line for line in record.getMessage().splitlines() if line.strip())
