"""The site's settings: mkdocs.yml, loaded once, with what the command line overrides.

This is the one place that applies `--content` and `--allow-overdue` to the healthsite
plugin's settings, for `check` and `build` alike; `serve` hands the same choice to its
MkDocs process through ALLOW_OVERDUE_ENV, which mkdocs.yml reads (so a plain
`mkdocs serve` can be relaxed the same way).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, PluginError

from healthsite.errors import HealthsiteError

ALLOW_OVERDUE_ENV = "HEALTHSITE_ALLOW_OVERDUE"


class BuildFailed(HealthsiteError):
    pass


def load_site_config(config_file: Path, *, strict: bool, content_dir: Path | None = None,
                     allow_overdue: bool = False) -> MkDocsConfig:
    """mkdocs.yml, with another content folder and overdue reviews allowed when asked for."""
    try:
        config = load_config(str(config_file), strict=strict)
    except (ConfigurationError, PluginError) as err:
        raise BuildFailed(str(err)) from None
    plugin = config.plugins.get("healthsite")
    if plugin is not None:
        if content_dir is not None:
            plugin.config.content_dir = str(content_dir.absolute())
        plugin.config.allow_overdue = plugin.config.allow_overdue or allow_overdue
    return config


def content_folder(config: MkDocsConfig) -> Path:
    """The content folder the healthsite plugin reads, relative to mkdocs.yml unless absolute."""
    return Path(config.config_file_path).parent.absolute() / config.plugins["healthsite"].config.content_dir
