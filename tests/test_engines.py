"""The site does not depend on MkDocs alone.

- ProperDocs, the maintained fork of MkDocs 1.6 that still runs plugins, builds the same
  site from the same mkdocs.yml, byte for byte apart from the generator it names.
- An engine that runs no MkDocs plugins builds the site from `healthsite render --out`,
  then `healthsite finish` completes it. Plain MkDocs without our plugin stands for such an
  engine in every run. Zensical is tested too when HEALTHSITE_ZENSICAL names its command
  (the non-blocking Zensical job in .github/workflows/pull-request.yml sets it, and
  bench/engines.py prints the results as the table in PUBLISHING.md).

Each feature is one test per engine; a feature an engine does not keep is an expected
failure (strict: the test says so when it starts to work).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import copy_project, english_only, serve, tags, tree_digest, write, write_valid_content
from healthsite.cli import main
from searchbox import open_search, search

GENERATOR = re.compile(rb'<meta content="[^"]*" name=generator>|<meta name="generator" content="[^"]*">')  # minified or not
BIN = Path(sys.executable).parent
ENGINES = ["mkdocs", "mkdocs-without-plugins", *(["zensical"] if os.environ.get("HEALTHSITE_ZENSICAL") else [])]
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1764000000", "NO_MKDOCS_2_WARNING": "1"}


def engine_build(engine: str, project: Path, site_dir: Path) -> Path:
    """A plain `<engine> build` of the project, as a site owner would run it."""
    done = subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, env=ENV, check=False,
    )
    assert done.returncode == 0, f"{engine} build failed:\n{done.stderr}"
    return site_dir


def plugin_less_build(engine: str, project: Path, out: Path) -> Path:
    """render --out, the engine's own build of what it wrote, then finish."""
    rendered = CliRunner().invoke(main, ["render", "-f", str(project / "mkdocs.yml"), "--out", str(out)])
    assert rendered.exit_code == 0, rendered.output
    command = [os.environ["HEALTHSITE_ZENSICAL"], "build"] if engine == "zensical" else [str(BIN / "mkdocs"), "build", "--strict"]
    done = subprocess.run(command, cwd=out, capture_output=True, text=True, env=ENV, check=False)
    assert done.returncode == 0, f"{engine} build failed:\n{done.stdout}\n{done.stderr}"
    finished = CliRunner().invoke(main, ["finish", str(out / "site"), "-f", str(project / "mkdocs.yml")])
    assert finished.exit_code == 0, finished.output
    return out / "site"


def tree(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): GENERATOR.sub(b"", path.read_bytes()) for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped site and content, in English only: `healthsite render --out` writes the
    default language (a second one needs the plugin)."""
    project = copy_project(tmp_path_factory.mktemp("engines") / "project")
    english_only(project / "mkdocs.yml")
    return project


@pytest.fixture(scope="module")
def sites(project: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    built = {}
    for engine in ENGINES:
        out = tmp_path_factory.mktemp(engine)
        built[engine] = engine_build("mkdocs", project, out / "site") if engine == "mkdocs" else plugin_less_build(engine, project, out)
        for path in [built[engine], *built[engine].rglob("*")]:  # linkchecker drops root to 'nobody'
            path.chmod(0o755 if path.is_dir() else 0o644)
    return built




def engines(**missing: str):
    """The engines to test a feature on; those named in `missing` (with why) do not keep it."""
    return pytest.mark.parametrize("engine", [
        pytest.param(e, marks=pytest.mark.xfail(strict=True, reason=missing[e.replace("-", "_")]))
        if e.replace("-", "_") in missing else e
        for e in ENGINES
    ])


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    root = tmp_path_factory.mktemp("properdocs")
    project = copy_project(root / "project", content=write_valid_content(root / "content"))
    mkdocs = tree(engine_build("mkdocs", project, tmp_path / "mkdocs"))
    properdocs = tree(engine_build("properdocs", project, tmp_path / "properdocs"))
    assert "twitch/causes/stress/index.html" in mkdocs
    assert sorted(properdocs) == sorted(mkdocs)
    assert [name for name in mkdocs if properdocs[name] != mkdocs[name]] == []


# --- What each engine keeps ---------------------------------------------------------------


@engines()
def test_every_page(engine: str, sites: dict[str, Path]) -> None:
    pages = {p.relative_to(sites["mkdocs"]).as_posix() for p in sites["mkdocs"].rglob("index.html")}
    assert {p.relative_to(sites[engine]).as_posix() for p in sites[engine].rglob("index.html")} >= pages


@engines()
def test_structured_data_and_review_line(engine: str, sites: dict[str, Path]) -> None:
    page = (sites[engine] / "gout" / "causes" / "high-uric-acid" / "index.html").read_text()
    data = json.loads(re.search(r'<script type="?application/ld\+json"?>(.*?)</script>', page, re.S).group(1))
    assert data["@type"] == "MedicalWebPage" and data["url"].endswith("/gout/causes/high-uric-acid/")
    assert data["inLanguage"] == "en"
    assert re.search(r"Page last reviewed:\s*<time datetime=\"?\d{4}-\d\d-\d\d\"?>\d+ \w+ \d{4}</time>", page)


@engines()
def test_care_cards(engine: str, sites: dict[str, Path], phone_page) -> None:
    with serve(sites[engine]) as url:
        phone_page.goto(url + "gout/")
        card = phone_page.get_by_role("region", name=re.compile(r"^Urgent advice"))
        assert card.is_visible()


@engines()
def test_checklist(engine: str, sites: dict[str, Path], phone_page) -> None:
    with serve(sites[engine]) as url:
        phone_page.goto(url + "muscle-twitches/checklist/")
        phone_page.get_by_role("checkbox", name="Dehydration", exact=True).check()
        assert "Hydration" in phone_page.locator(".hs-checklist__results").aria_snapshot()


@engines(zensical="Zensical 0.0.73's stylesheet does not style Material 9's search box markup, which our search keeps: the box opens unstyled")
def test_search(engine: str, sites: dict[str, Path], phone_page) -> None:
    with serve(sites[engine]) as url:
        open_search(phone_page, url)
        assert "Colchicine" in search(phone_page, "colchicin")


@engines()
def test_security_policy_lets_every_inline_script_and_style_run(engine: str, sites: dict[str, Path], phone_page) -> None:
    refused = []
    phone_page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
    with serve(sites[engine]) as url:
        for path in ("", "gout/", "muscle-twitches/checklist/", "gout/causes/high-uric-acid/"):
            phone_page.goto(url + path)
            phone_page.wait_for_load_state("load")
    assert refused == []
    assert "sha256-" in (sites[engine] / "index.html").read_text()


@engines()
def test_breadcrumbs(engine: str, sites: dict[str, Path], phone_page) -> None:
    with serve(sites[engine]) as url:
        phone_page.goto(url + "gout/causes/high-uric-acid/")
        trail = phone_page.get_by_role("navigation", name="Breadcrumb")
        assert trail.get_by_role("listitem").all_inner_texts() == ["Home", "Gout", "Causes", "Too much uric acid in the blood"]
        trail.get_by_role("link", name="Causes").click()
        assert phone_page.url == url + "gout/causes/"
    page = (sites[engine] / "gout" / "causes" / "high-uric-acid" / "index.html").read_text()
    data = json.loads(re.search(r'<script type="?application/ld\+json"?>(.*?)</script>', page, re.S).group(1))
    assert [item["name"] for item in data["breadcrumb"]["itemListElement"]] == ["Home", "Gout", "Causes", "Too much uric acid in the blood"]


@engines()
def test_edit_link_opens_the_content_file(engine: str, sites: dict[str, Path]) -> None:
    def edit_links(path: str) -> list[str]:
        return [a["href"] for a in tags((sites[engine] / path).read_text(), "a") if a.get("rel") == "edit"]

    assert edit_links("gout/causes/high-uric-acid/index.html") == [
        "https://github.com/your-org/healthsite/edit/main/content/gout/causes/high-uric-acid.md"]
    assert edit_links("about/index.html") == ["https://github.com/your-org/healthsite/edit/main/docs/about.md"]
    assert edit_links("gout/causes/index.html") == [], "a list page is made from many files: nothing to edit"


@engines()
def test_no_broken_links(engine: str, sites: dict[str, Path]) -> None:
    with serve(sites[engine]) as url:
        result = subprocess.run([str(BIN / "linkchecker"), "--no-status", "--no-warnings", url], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_render_refuses_unsafe_markup_and_writes_nothing(project: Path, tmp_path: Path) -> None:
    """The plugin's last gate, before a plugin-less engine sees the page."""
    unsafe = copy_project(tmp_path / "unsafe", content=project / "content")
    write(unsafe / "docs" / "about.md", (project / "docs" / "about.md").read_text() + '\n<img src="x.png" onerror="alert(1)">\n')
    result = CliRunner().invoke(main, ["render", "-f", str(unsafe / "mkdocs.yml"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Error: the site was not written:",
        "  docs/about.md: HTML attribute 'onerror' is not allowed: it would run code in the reader's browser",
    ]
    assert not (tmp_path / "out").exists()


def test_finish_refuses_unsafe_markup_an_engine_wrote_and_changes_nothing(project: Path, sites: dict[str, Path], tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(sites["mkdocs-without-plugins"], site)
    page = site / "gout" / "index.html"
    page.write_text(page.read_text().replace("<p>Gout is a kind of arthritis", '<p onclick="steal()">Gout is a kind of arthritis', 1))
    before = tree_digest(site)
    result = CliRunner().invoke(main, ["finish", str(site), "-f", str(project / "mkdocs.yml")])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Error: the site was not finished (nothing was changed):",
        "  gout/index.html: HTML attribute 'onclick' is not allowed: it would run code in the reader's browser",
    ]
    assert tree_digest(site) == before


def test_finishing_twice_changes_nothing_more(project: Path, sites: dict[str, Path], tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(sites["mkdocs-without-plugins"], site)
    before = tree_digest(site)
    assert CliRunner().invoke(main, ["finish", str(site), "-f", str(project / "mkdocs.yml")]).exit_code == 0
    assert tree_digest(site) == before
