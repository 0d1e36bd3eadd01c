"""The site as plain mkdocs-material would build it: `healthsite render --out` with our theme
layer and its settings taken out. The benchmarks' baseline (bench/search.py, bench/scale.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

BIN = Path(sys.executable).parent


def plain_material_project(*, project: Path, out: Path) -> Path:
    """Write the plain project into `out` (a new folder); return it (build it with `mkdocs build`)."""
    subprocess.run([str(BIN / "healthsite"), "render", "-f", str(project / "mkdocs.yml"), "--out", str(out)],
                   check=True, capture_output=True)
    config = yaml_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    del config["theme"]["custom_dir"]  # Material's own templates: our partials need what the plugin gives them
    for name in ("hs_inline_css", "hs_footer_pages"):
        config["extra"].pop(name)
    (out / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return out
