"""A build replaces the site in one step, never touches what editors own, and is reproducible."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project, item_md, run_build, tree_digest, write, write_valid_content
from healthsite.site.build import build_site

EDITOR_OWNED = ("content", "docs", "overrides", "mkdocs.yml")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write_valid_content(tmp_path / "content")
    return copy_project(tmp_path, content=tmp_path / "content")


def sources_digest(project: Path) -> dict[str, str]:
    digest = {"mkdocs.yml": tree_digest(project)["mkdocs.yml"]}
    for name in EDITOR_OWNED[:-1]:
        digest |= {f"{name}/{path}": sha for path, sha in tree_digest(project / name).items()}
    return digest


# --- Atomic ------------------------------------------------------------------------------

_watch: list[Path] = []  # the site the audit hook watches, while a test wants it to
_seen: list[str] = []


def _audit(event: str, args: tuple) -> None:
    if _watch and event in {"os.rename", "os.remove", "os.rmdir", "shutil.rmtree", "ctypes.call_function"}:
        _seen.append(f"{event}: {'present' if (_watch[0] / 'index.html').is_file() else 'MISSING'}")


sys.addaudithook(_audit)


def test_a_successful_build_replaces_the_site_in_one_step(project: Path) -> None:
    site = build_site(config_file=project / "mkdocs.yml")
    write(project / "content" / "twitch" / "causes" / "stress.md", item_md("Worry", treatments="[relaxation]"))
    _seen.clear()
    _watch.append(site)
    try:
        build_site(config_file=project / "mkdocs.yml")
    finally:
        _watch.clear()
    assert _seen and all(step.endswith("present") for step in _seen), _seen
    assert "Worry" in (site / "twitch" / "causes" / "stress" / "index.html").read_text()
    assert sorted(p.name for p in project.iterdir()) == sorted([*EDITOR_OWNED, "site"])  # no leftovers


def test_a_build_that_fails_in_mkdocs_keeps_the_previous_site(project: Path) -> None:
    site = build_site(config_file=project / "mkdocs.yml")
    before = tree_digest(site)
    about = project / "docs" / "about.md"
    about.write_text(about.read_text() + "\n[Our team](team.md)\n")
    result = run_build(project, site)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Error: the site was not built:",
        "  Doc file 'about.md' contains a link 'team.md', but the target is not found among documentation files.",
    ]
    assert tree_digest(site) == before
    assert sorted(p.name for p in project.iterdir()) == sorted([*EDITOR_OWNED, "site"])


def _name_a_missing_stylesheet(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - healthsite:\n", "  - healthsite:\n      inline_css: assets/site.css\n"))


def _add_own_stylesheet(project: Path) -> None:
    """The site's docs/assets/healthsite.css replaces the package's; this one would end <style>."""
    write(project / "docs" / "assets" / "healthsite.css", "p::after { content: '</style>' }")


@pytest.mark.parametrize(("change", "message"), [
    (_name_a_missing_stylesheet, "  mkdocs.yml: plugins.healthsite.inline_css: no file assets/site.css in docs/ or the theme"),
    (_add_own_stylesheet, "  docs/assets/healthsite.css: '</' may not appear in the stylesheet"),
])
def test_a_stylesheet_that_cannot_be_inlined_is_refused(project: Path, change, message: str) -> None:
    site = build_site(config_file=project / "mkdocs.yml")
    before = tree_digest(site)
    change(project)
    result = run_build(project, site)
    assert (result.exit_code, result.output.splitlines()) == (1, ["Error: the site was not built:", message])
    assert tree_digest(site) == before


# --- Nothing lost ------------------------------------------------------------------------


def test_builds_never_change_what_editors_own(project: Path) -> None:
    before = sources_digest(project)
    assert run_build(project, project / "site").exit_code == 0
    write(project / "content" / "twitch" / "causes" / "stress.md", item_md("Stress", treatments="[relax]"))
    broken = sources_digest(project)
    assert run_build(project, project / "site").exit_code == 1
    assert sources_digest(project) == broken
    assert {k: v for k, v in broken.items() if "stress.md" not in k} == {k: v for k, v in before.items() if "stress.md" not in k}


@pytest.mark.parametrize(
    ("site_dir", "reason"),
    [
        ("docs", "it would replace {project}/docs"),
        ("content", "it would replace {project}/content"),
        ("overrides/partials", "it is inside {project}/overrides"),
        (".", "it would replace {project}"),
        ("..", "it would replace {project}"),
    ],
)
def test_build_refuses_to_replace_an_editors_folder(project: Path, site_dir: str, reason: str, monkeypatch: pytest.MonkeyPatch) -> None:
    before = sources_digest(project)
    monkeypatch.chdir(project)
    result = run_build(project, Path(site_dir))
    target = os.path.abspath(site_dir)
    assert result.exit_code == 1
    assert result.output == (
        f"Error: will not build into {target}: {reason.format(project=project)}; choose another folder, such as site/\n"
    )
    assert sources_digest(project) == before


def test_build_refuses_to_replace_a_folder_that_is_not_a_site(project: Path) -> None:
    notes = write(project / "notes" / "plan.txt", "my plans")
    result = run_build(project, project / "notes")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: will not build into {project / 'notes'}: it holds files but no site (no index.html); choose another folder\n"
    )
    assert notes.read_text() == "my plans"


# --- Reproducible ------------------------------------------------------------------------

# What MkDocs stamps with the build date (see healthsite/site/build.py).
LASTMOD = re.compile(rb"<lastmod>\d{4}-\d{2}-\d{2}</lastmod>")


def normalised(site: Path) -> dict[str, bytes]:
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    files["sitemap.xml.gz"] = gzip.decompress(files["sitemap.xml.gz"])  # drops the header's time stamp
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        files[name] = LASTMOD.sub(b"<lastmod>(build date)</lastmod>", files[name])
    return files


def clone(tmp_path: Path, name: str, *, reverse: bool) -> Path:
    """The same sources, with files created in a different order (so listed differently)."""
    project = copy_project(tmp_path / name, content=write_valid_content(tmp_path / "source"))
    if reverse:
        content = project / "content"
        for path in sorted(content.rglob("*.md"), reverse=True):
            data = path.read_bytes()
            path.unlink()
            path.write_bytes(data)
    return project


def build_in_subprocess(project: Path, *, epoch: str, hash_seed: str) -> subprocess.Popen:
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "PYTHONHASHSEED": hash_seed}
    command = [Path(sys.executable).with_name("healthsite"), "build"]
    return subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def test_two_builds_differ_only_in_the_build_date(tmp_path: Path) -> None:
    """Two clones in different folders, built on different days with different hash seeds."""
    first = build_in_subprocess(clone(tmp_path, "one", reverse=False), epoch="1700000000", hash_seed="1")
    second = build_in_subprocess(clone(tmp_path, "two", reverse=True), epoch="1800000000", hash_seed="2")
    for process in (first, second):
        output, _ = process.communicate(timeout=120)
        assert process.returncode == 0, output.decode()
    one, two = tmp_path / "one" / "site", tmp_path / "two" / "site"
    assert (one / "sitemap.xml").read_bytes() != (two / "sitemap.xml").read_bytes()  # the dates differ...
    assert normalised(one) == normalised(two)  # ...and nothing else does


def test_with_source_date_epoch_two_builds_are_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    one = build_site(config_file=clone(tmp_path, "one", reverse=False) / "mkdocs.yml")
    two = build_site(config_file=clone(tmp_path, "two", reverse=True) / "mkdocs.yml")
    assert tree_digest(one) == tree_digest(two)
