"""The site does not depend on MkDocs alone: ProperDocs, the maintained fork of MkDocs 1.6
that still runs plugins, builds the same site from the same mkdocs.yml, file for file and
byte for byte apart from the generator it names."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project, write_valid_content

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def engine_build(engine: str, project: Path, site_dir: Path) -> Path:
    """A plain `<engine> build` of the project, as a site owner would run it."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764000000", "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, check=False,
    )
    assert done.returncode == 0, f"{engine} build failed:\n{done.stderr}"
    return site_dir


def tree(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): GENERATOR.sub(b"", path.read_bytes()) for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("engines")
    return copy_project(root / "project", content=write_valid_content(root / "content"))


def test_properdocs_builds_the_same_site_as_mkdocs(project: Path, tmp_path: Path) -> None:
    mkdocs = tree(engine_build("mkdocs", project, tmp_path / "mkdocs"))
    properdocs = tree(engine_build("properdocs", project, tmp_path / "properdocs"))
    assert "twitch/causes/stress/index.html" in mkdocs
    assert sorted(properdocs) == sorted(mkdocs)
    assert [name for name in mkdocs if properdocs[name] != mkdocs[name]] == []
