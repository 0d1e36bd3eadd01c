"""The GitHub workflows: valid (actionlint), no security findings (zizmor), pinned, least privilege.
Both this repository's and those `healthsite init` gives a new site."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

BIN = Path(sys.executable).parent
WORKFLOWS = ROOT / ".github" / "workflows"
STARTER_WORKFLOWS = ROOT / "healthsite" / "starter" / "site" / "github" / "workflows"
BOTH = pytest.mark.parametrize("folder", [WORKFLOWS, STARTER_WORKFLOWS], ids=["this repository", "a new site"])
PINNED = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+(?:\.\d+)*$")


def workflow(name: str, folder: Path = WORKFLOWS) -> dict:
    # PyYAML reads the `on:` key as True.
    return yaml.safe_load((folder / name).read_text(encoding="utf-8"))


@BOTH
def test_actionlint_finds_nothing(folder: Path) -> None:
    files = sorted(str(path) for path in folder.glob("*.yml"))
    result = subprocess.run([BIN / "actionlint", "-no-color", *files], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@BOTH
def test_zizmor_finds_nothing(folder: Path) -> None:
    files = sorted(str(path) for path in folder.glob("*.yml"))
    result = subprocess.run([BIN / "zizmor", "--offline", "--no-progress", *files], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


@BOTH
def test_every_action_is_pinned_to_a_commit_with_its_version(folder: Path) -> None:
    for path in folder.glob("*.yml"):
        uses = [line for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
        assert uses, path.name
        for line in uses:
            assert PINNED.match(line), f"{path.name}: {line.strip()}"


@BOTH
def test_publishing_is_least_privilege(folder: Path) -> None:
    pages = workflow("pages.yml", folder)
    assert pages[True] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
    assert pages["permissions"] == {"contents": "read"}
    assert pages["concurrency"]["group"] == "pages"
    assert "permissions" not in pages["jobs"]["build"]
    assert pages["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    build_steps = pages["jobs"]["build"]["steps"]
    assert build_steps[0]["with"]["fetch-depth"] == 0  # full history, for the pages' dates
    assert any(step.get("run") == "make site" for step in build_steps)


def test_pull_requests_run_untrusted_code_safely() -> None:
    pr = workflow("pull-request.yml")
    assert pr[True] == {"pull_request": None}
    assert pr["permissions"] == {"contents": "read"}
    text = (WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8")
    assert "secrets." not in text
    runs = [step.get("run", "") for step in pr["jobs"]["check"]["steps"]]
    assert {"make check", "bash .ci/run", "make site", ".venv/bin/healthsite linkcheck"} <= set(runs)
    assert pr["jobs"]["check"]["steps"][-1]["with"]["path"] == "site/"  # the preview download


def test_a_new_site_publishes_nothing_unfinished_and_checks_pull_requests_without_secrets() -> None:
    steps = [step.get("run") for step in workflow("pages.yml", STARTER_WORKFLOWS)["jobs"]["build"]["steps"]]
    assert steps.index("make check") < steps.index("make site")
    pr = workflow("pull-request.yml", STARTER_WORKFLOWS)
    assert pr[True] == {"pull_request": None} and pr["permissions"] == {"contents": "read"}
    assert "secrets." not in (STARTER_WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8")
    assert {"make site", ".venv/bin/healthsite linkcheck", "make check"} <= {step.get("run") for step in pr["jobs"]["check"]["steps"]}


def test_the_sharded_variant_builds_every_part_then_merges_before_deploying() -> None:
    sharded = workflow("pages-sharded.yml")
    assert sharded[True] == {"workflow_dispatch": None}, "an opt-in variant: pages.yml stays the one that runs on push"
    assert sharded["permissions"] == {"contents": "read"} and sharded["concurrency"]["group"] == "pages"
    parts = sharded["jobs"]["part"]["strategy"]["matrix"]["part"]
    build = next(step["run"] for step in sharded["jobs"]["part"]["steps"] if "--shard" in step.get("run", ""))
    assert f'--shard "$PART/{len(parts)}"' in build and parts == list(range(1, len(parts) + 1))
    upload = next(step for step in sharded["jobs"]["part"]["steps"] if "upload-artifact" in step.get("uses", ""))
    assert upload["with"]["include-hidden-files"] is True  # .healthsite-shard/ holds the part's search data
    assert sharded["jobs"]["merge"]["needs"] == "part" and sharded["jobs"]["deploy"]["needs"] == "merge"
    assert any("healthsite merge parts/part-*" in step.get("run", "") for step in sharded["jobs"]["merge"]["steps"])
    assert "permissions" not in sharded["jobs"]["part"] and "permissions" not in sharded["jobs"]["merge"]
