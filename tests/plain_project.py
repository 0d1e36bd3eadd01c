"""A MkDocs project without our plugin around the Markdown `healthsite render` wrote:
what another site engine would start from. Used by the render test and bench/build.py."""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load


def write_plain_config(*, root: Path, work: Path) -> Path:
    """Write work/mkdocs.yml for the rendered pages in work/docs (its nav.yml is folded in)."""
    docs = work / "docs"
    config = yaml_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if "healthsite" not in p]
    config["nav"][1:1] = yaml.safe_load((docs / "nav.yml").read_text(encoding="utf-8"))["nav"]
    del config["theme"]["custom_dir"]  # our partials need the plugin; another engine brings its own templates
    (docs / "nav.yml").unlink()
    config_file = work / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    return config_file
