"""The package on its own: build the wheel and sdist, install the wheel into a fresh virtual
environment outside this repository, start a site with `healthsite init`, import the sample
article into it and build it, as a new site owner would (`pip install`, `init`, `build`)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, tags

SAMPLE = ROOT / "examples" / "muscle-twitches.txt"


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"{' '.join(map(str, args))}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel and sdist, built as a release would be (in isolation, from the sdist)."""
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--outdir", out, ROOT, cwd=out)
    return out


@pytest.fixture(scope="module")
def owner(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A fresh virtual environment with the wheel installed, and a site made with it."""
    home = tmp_path_factory.mktemp("owner")
    assert not home.is_relative_to(ROOT)
    run(sys.executable, "-m", "venv", home / "venv", cwd=home)
    bin_dir = home / "venv" / "bin"
    wheel = next(dist.glob("healthsite-*.whl"))
    run(bin_dir / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
        "-c", ROOT / "constraints.txt", f"healthsite[check] @ {wheel.as_uri()}", cwd=home)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PYTHONPATH", None)
    return {"home": home, "bin": bin_dir, "env": env}


def test_the_wheel_holds_the_theme_the_starter_and_the_licence_and_no_path_of_this_repository(dist: Path) -> None:
    wheel = next(dist.glob("healthsite-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        texts = {name: archive.read(name) for name in names}
    assert {
        "healthsite/site/theme/main.html", "healthsite/site/theme/partials/content.html",
        "healthsite/site/theme/assets/checklist.js", "healthsite/site/theme/assets/healthsite.css",
        "healthsite/starter/site/mkdocs.yml", "healthsite/starter/site/github/workflows/pages.yml",
        "healthsite/starter/site/content/gout/topic.md", "healthsite/render/templates/item.md.j2",
    } <= names
    metadata = next(text for name, text in texts.items() if name.endswith(".dist-info/METADATA")).decode()
    assert re.search(r"^Version: \d+\.\d+\.\d+$", metadata, re.M) and "License-Expression: MIT" in metadata
    assert any(name.endswith("licenses/LICENSE") for name in names)
    entry_points = next(text for name, text in texts.items() if name.endswith("entry_points.txt")).decode()
    assert "healthsite = healthsite.cli:main" in entry_points and "healthsite = healthsite.site.plugin:HealthsitePlugin" in entry_points
    assert not [name for name, text in texts.items() if str(ROOT).encode() in text]
    sdist = next(dist.glob("healthsite-*.tar.gz"))
    with tarfile.open(sdist) as archive:
        members = {Path(m.name).relative_to(Path(m.name).parts[0]).as_posix() for m in archive.getmembers() if len(Path(m.name).parts) > 1}
    assert {"CHANGELOG.md", "LICENSE", "README.md", "pyproject.toml", "healthsite/starter/site/github/workflows/pages.yml"} <= members


def test_init_import_build_in_a_fresh_environment_gives_a_complete_site(owner: dict[str, Path]) -> None:
    home, env, healthsite = owner["home"], owner["env"], owner["bin"] / "healthsite"
    run(healthsite, "init", "clinic", "--name", "Riverside Clinic", "--url", "https://riverside.github.io/health/", cwd=home, env=env)
    site_root = home / "clinic"
    run(healthsite, "import", SAMPLE, cwd=site_root, env=env)
    # The article as imported, before an editor has made it plainer, reads at up to grade 19.6.
    config = site_root / "mkdocs.yml"
    config.write_text(config.read_text().replace("reading_grade_limit: 10", "reading_grade_limit: 20"))
    built = run(healthsite, "build", cwd=site_root, env=env)
    assert "Site built in" in built.stdout
    assert "warning: docs/about.md:8: unfinished" in built.stderr, "unfinished pages are named, and the site still builds"
    site = site_root / "site"

    causes = sorted((site / "muscle-twitches" / "causes").glob("*/index.html"))
    assert len(causes) >= 5, "one page per cause"
    checklist = (site / "muscle-twitches" / "checklist" / "index.html").read_text()
    assert "hs-checklist__box" in checklist and "../../assets/checklist.js" in [s.get("src") for s in tags(checklist, "script")]
    assert (site / "assets" / "checklist.js").is_file() and (site / "assets" / "hs-search-engine.js").is_file()
    index = json.loads((site / "search" / "index.json").read_text())
    assert index["pages"] > 40 and (site / "search" / index["version"]).is_dir()
    overview = (site / "muscle-twitches" / "index.html").read_text()
    assert "hs-care-card" in overview
    data = [json.loads(block) for block in re.findall(r'<script type="?application/ld\+json"?>(.*?)</script>', overview, re.S)]
    assert data and data[0]["about"]["@type"] == "MedicalCondition"
    assert "Riverside Clinic" in overview and "<style>" in overview, "the packaged stylesheet is inlined"
    linkcheck = run(healthsite, "linkcheck", cwd=site_root, env=env)
    assert "No broken links" in linkcheck.stdout
