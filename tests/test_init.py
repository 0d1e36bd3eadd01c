"""`healthsite init`: a new site that builds at once, and cannot be published unfinished."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import ROOT, tags, tree_digest
from healthsite.cli import main
from healthsite.content.fields import with_current_fields
from healthsite.starter import requirements_text

URL = "https://riverside-clinic.github.io/health/"


def init(target: Path, *args: str):
    return CliRunner().invoke(main, ["init", str(target), *args])


@pytest.fixture(scope="module")
def new_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("init") / "clinic"
    result = init(target, "--name", "Riverside Clinic: health pages", "--url", URL.rstrip("/"), "--language", "en")
    assert result.exit_code == 0, result.output
    return target


def test_init_writes_a_site_repository(new_site: Path) -> None:
    files = {p.relative_to(new_site).as_posix() for p in new_site.rglob("*") if p.is_file()}
    assert {
        "mkdocs.yml", "README.md", "CONTRIBUTING.md", "Makefile", "requirements.txt", ".gitignore",
        ".github/workflows/pages.yml", ".github/workflows/pull-request.yml", ".github/pull_request_template.md",
        "docs/index.md", "docs/about.md", "docs/contact.md", "docs/privacy.md", "docs/disclaimer.md",
        "docs/editorial-policy.md", "docs/accessibility.md", "overrides/README.md", "content/gout/topic.md",
    } <= files
    assert not any("{@" in (new_site / f).read_text() for f in files), "a placeholder was left unfilled"
    config = yaml.load((new_site / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    assert config["site_name"] == "Riverside Clinic: health pages"
    assert config["theme"]["language"] == "en"
    assert "https://riverside-clinic.github.io/health/" in (new_site / "mkdocs.yml").read_text()
    assert "https://github.com/riverside-clinic/health" in (new_site / "mkdocs.yml").read_text()
    topic = (new_site / "content" / "gout" / "topic.md").read_text()
    assert f"date: {dt.date.today().isoformat()}" in topic, "the example topic is stamped as reviewed today"


def test_the_new_site_builds_at_once_and_warns_about_what_is_unfinished(new_site: Path) -> None:
    result = CliRunner().invoke(main, ["build", "-f", str(new_site / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning: ")]
    assert any(re.match(r"warning: docs/about\.md:8: unfinished: replace '\[\[Who runs this site", w) for w in warnings), warnings
    assert any(w.startswith("warning: content/gout/topic.md:") for w in warnings), warnings
    home = (new_site / "site" / "index.html").read_text()
    assert "Riverside Clinic: health pages" in home and "gout/" in [a["href"] for a in tags(home, "a")]


def test_check_fails_on_each_fill_in_with_its_file_and_line(new_site: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--content", str(new_site / "content"), "-f", str(new_site / "mkdocs.yml")])
    assert result.exit_code == 1
    problems = [line.strip() for line in result.output.splitlines()[1:]]
    pages = [*(new_site / "docs").rglob("*.md"), *(new_site / "content").rglob("*.md")]
    fill_ins = sum(page.read_text().count("[[") for page in pages)
    assert len(problems) == fill_ins >= 10
    assert "docs/contact.md:14: unfinished: replace '[[how readers reach you without GitHub: an email address or a postal address]]' with your own text" in problems


def test_a_filled_in_site_passes_check(new_site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "clinic"
    shutil.copytree(new_site, copy)
    for page in copy.rglob("*.md"):
        page.write_text(re.sub(r"\[\[([^\]]+)\]\]", "Filled in.", page.read_text()))
    result = CliRunner().invoke(main, ["check", "--content", str(copy / "content"), "-f", str(copy / "mkdocs.yml")])
    assert result.exit_code == 0, result.output


def test_the_deploy_workflow_checks_before_it_publishes(new_site: Path) -> None:
    steps = yaml.safe_load((new_site / ".github" / "workflows" / "pages.yml").read_text())["jobs"]["build"]["steps"]
    runs = [step.get("run") for step in steps]
    assert runs.index("make check") < runs.index("make site")
    for workflow in (new_site / ".github" / "workflows").glob("*.yml"):
        for uses in re.findall(r"uses: (\S+)", workflow.read_text()):
            assert re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", uses), f"{workflow.name}: {uses} is not pinned by SHA"


def test_requirements_pin_every_package_the_site_runs_on() -> None:
    lines = [line for line in requirements_text().splitlines() if not line.startswith("#")]
    assert lines[0].startswith("healthsite[check]==")
    names = {line.split("==")[0] for line in lines[1:]}
    assert {"mkdocs", "mkdocs-material", "pymdown-extensions", "pyyaml", "textstat", "linkchecker"} <= names
    assert all("==" in line for line in lines), [line for line in lines if "==" not in line]


def test_the_new_sites_contributing_guide_has_the_current_fields() -> None:
    guide = ROOT / "healthsite" / "starter" / "site" / "CONTRIBUTING.md"
    text = guide.read_text()
    assert text == with_current_fields(text, path=guide), "run: healthsite fields --update healthsite/starter/site/CONTRIBUTING.md"


@pytest.mark.parametrize(("args", "message"), [
    (["--name", " ", "--url", URL], "  --name: expected the site's name as readers see it, e.g. 'Riverside Clinic health pages'"),
    (["--name", "Clinic", "--url", "riverside.github.io/health"],
     "  --url: expected the site's full https:// address, sub-path included, e.g. https://your-org.github.io/health/; "
     "got 'riverside.github.io/health'"),
    (["--name", "Clinic", "--url", URL, "--language", "english"], "  --language: 'english' is not a language code the theme knows"),
])
def test_bad_options_are_named_and_nothing_is_written(tmp_path: Path, args: list[str], message: str) -> None:
    result = init(tmp_path / "site", *args)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "Error: no site was written:" and lines[1].startswith(message)
    assert list(tmp_path.iterdir()) == []


def test_init_never_writes_into_a_folder_that_holds_files(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "notes.txt").write_text("mine")
    before = tree_digest(tmp_path)
    result = init(tmp_path / "site", "--name", "Clinic", "--url", URL)
    assert result.exit_code == 1
    assert "already holds files; expected a new or empty folder" in result.output
    assert tree_digest(tmp_path) == before
