"""`build --jobs N`, and `build --shard I/N` + `merge`: the same site, byte for byte, as one build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import copy_project, tree_digest, write
from healthsite.cli import main

BIN = Path(sys.executable).parent
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1764000000", "NO_MKDOCS_2_WARNING": "1"}


def healthsite(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "healthsite"), *map(str, args)], cwd=cwd, env=ENV, capture_output=True, text=True)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped site and its two topics (one shard each when split in two)."""
    return copy_project(tmp_path_factory.mktemp("parallel") / "project")


@pytest.fixture(scope="module")
def single(project: Path) -> dict[str, str]:
    done = healthsite("build", "--jobs", "1", "--site-dir", project / "single", cwd=project)
    assert done.returncode == 0, done.stderr
    return tree_digest(project / "single")


def test_jobs_build_the_same_site_as_one_process(project: Path, single: dict[str, str]) -> None:
    done = healthsite("build", "--jobs", "2", "--site-dir", project / "jobs", cwd=project)
    assert done.returncode == 0, done.stderr
    assert tree_digest(project / "jobs") == single


def test_shards_built_apart_and_merged_give_the_same_site(project: Path, single: dict[str, str]) -> None:
    shards = [subprocess.Popen([str(BIN / "healthsite"), "build", "--shard", f"{n}/2", "--site-dir", f"shard-{n}"],
                               cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in (1, 2)]
    for shard in shards:
        _, err = shard.communicate(timeout=600)
        assert shard.returncode == 0, err
    one, two = (tree_digest(project / f"shard-{n}") for n in (1, 2))
    assert "gout/causes/high-uric-acid/index.html" in one or "gout/causes/high-uric-acid/index.html" in two
    assert not ("gout/causes/high-uric-acid/index.html" in one and "gout/causes/high-uric-acid/index.html" in two), \
        "each topic's pages are built by one shard"
    done = healthsite("merge", "shard-2", "shard-1", "--site-dir", project / "merged", cwd=project)
    assert done.returncode == 0, done.stderr
    assert tree_digest(project / "merged") == single


@pytest.mark.parametrize(("shards", "message"), [
    (["shard-1"], "Error: cannot merge: expected shards 1 to 2 of 2 once each; got 1/2"),
    (["shard-1", "shard-1"], "Error: cannot merge: expected shards 1 to 2 of 2 once each; got 1/2, 1/2"),
    (["single"], "Error: cannot merge {project}/single: it is not a shard (no .healthsite-shard/shard.json); "
                 "build one with: healthsite build --shard I/N --site-dir DIR"),
])
def test_merge_refuses_an_incomplete_set_of_shards_and_writes_nothing(project: Path, single, shards: list[str], message: str) -> None:
    if not (project / "shard-1").exists():
        assert healthsite("build", "--shard", "1/2", "--site-dir", "shard-1", cwd=project).returncode == 0
    result = CliRunner().invoke(main, ["merge", *(str(project / s) for s in shards), "--site-dir", str(project / "refused")])
    assert result.exit_code == 1
    assert result.output.strip() == message.format(project=project)
    assert not (project / "refused").exists()


def test_merge_refuses_shards_of_different_sources(project: Path, tmp_path: Path) -> None:
    other = copy_project(tmp_path / "other")
    write(other / "docs" / "about.md", (other / "docs" / "about.md").read_text() + "\nOne more line.\n")
    for n, source in ((1, project), (2, other)):
        assert healthsite("build", "--shard", f"{n}/2", "--site-dir", tmp_path / f"s{n}", cwd=source).returncode == 0
    result = CliRunner().invoke(main, ["merge", str(tmp_path / "s1"), str(tmp_path / "s2"), "--site-dir", str(tmp_path / "site")])
    assert (result.exit_code, result.output.strip()) == (
        1, "Error: cannot merge: the shards were built from different sources; build them all from one commit")


def test_a_shard_with_broken_content_fails_like_a_build(project: Path, tmp_path: Path) -> None:
    broken = copy_project(tmp_path / "broken", content=project / "content")
    write(broken / "content" / "gout" / "causes" / "alcohol.md", "---\ntitle: [unclosed\n---\n")
    done = healthsite("build", "--jobs", "2", "--site-dir", tmp_path / "site", cwd=broken)
    assert done.returncode == 1
    assert "content/gout/causes/alcohol.md:2: front matter is not valid YAML" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "site").exists()


def test_pages_too_hard_to_read_in_each_shard_are_all_named(project: Path, tmp_path: Path) -> None:
    """Each shard grades only its own topics: a parallel build must still name every such page."""
    hard = copy_project(tmp_path / "hard", content=project / "content")
    sentence = ("Intermittent involuntary fasciculations frequently accompany psychological overstimulation, "
                "particularly circumstances characterised by sustained physiological hyperarousal. ") * 4
    for page in (hard / "content" / "gout" / "causes" / "attack-triggers.md", hard / "content" / "muscle-twitches" / "causes" / "fatigue.md"):
        page.write_text(page.read_text(encoding="utf-8") + "\n" + sentence + "\n", encoding="utf-8")
    done = healthsite("build", "--jobs", "2", "--site-dir", tmp_path / "site", cwd=hard)
    assert done.returncode == 1
    assert "content/gout/causes/attack-triggers.md" in done.stderr and "content/muscle-twitches/causes/fatigue.md" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "site").exists()
