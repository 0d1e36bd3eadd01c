"""`healthsite serve` as an editor uses it: the open page follows each saved change by itself,
a broken file is named on the page until it is fixed, and a page too hard to read is shown
with its grade (while `check` and `build` refuse it)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from playwright.sync_api import expect

from conftest import copy_project, item_md, write_valid_content
from healthsite.cli import main

BIN = Path(sys.executable).parent
HARD = (
    "Intermittent involuntary fasciculations frequently accompany psychological overstimulation, "
    "particularly circumstances characterised by sustained physiological hyperarousal, "
    "inadequate restorative sleep and considerable occupational responsibilities. "
) * 4


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("preview")
    return copy_project(root / "project", content=write_valid_content(root / "content"))


@pytest.fixture(scope="module")
def preview(project: Path) -> Iterator[str]:
    """`healthsite serve` on the project, on a port of its own; yields the preview's address."""
    port = _free_port()
    server = subprocess.Popen([str(BIN / "healthsite"), "serve", "--addr", f"127.0.0.1:{port}"], cwd=project,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/healthsite/"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(url, timeout=5)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"healthsite serve did not start:\n{server.stderr.read().decode()}")
            time.sleep(0.2)
    yield url
    server.terminate()
    server.wait(timeout=30)


@pytest.fixture
def stress(project: Path) -> Iterator[Path]:
    """The cause file the tests edit, put back as it was afterwards."""
    path = project / "content" / "twitch" / "causes" / "stress.md"
    before = path.read_text()
    yield path
    path.write_text(before)


def test_a_saved_change_reaches_the_open_page_by_itself(preview: str, stress: Path, phone_page) -> None:
    refused = []  # what the security policy blocked
    phone_page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    phone_page.goto(preview + "twitch/causes/stress/")
    expect(phone_page.locator("article")).to_contain_text("Body of Stress.", timeout=30_000)
    stress.write_text(item_md("Stress", treatments="[relaxation]").replace("Body of Stress.", "Rest helps with stress."))
    expect(phone_page.locator("article")).to_contain_text("Rest helps with stress.", timeout=30_000)
    assert refused == [], "live reload runs under the preview's security policy"
    # One save, one rebuild: reading files while building must not count as a change.
    phone_page.evaluate("window.__notReloaded = true")
    phone_page.wait_for_timeout(2000)  # a quiet spell: a rebuild loop reloads the page several times in it
    assert phone_page.evaluate("window.__notReloaded") is True


@pytest.mark.parametrize(("broken", "problem"), [
    ("---\ntitle: Stress\nsummary: [unclosed\n---\nText.\n", r"content/twitch/causes/stress\.md:3: front matter is not valid YAML"),
    (item_md("Stress", treatments="[relaxation]", colour="blue"), r"content/twitch/causes/stress\.md:5: unknown field 'colour'"),
    (item_md("Stress", treatments="[massage]"), r"content/twitch/causes/stress\.md:4: treatments: unknown treatment 'massage'"),
])
def test_a_broken_file_is_named_on_the_page_until_it_is_fixed(preview: str, stress: Path, phone_page, broken: str, problem: str) -> None:
    good = stress.read_text()
    phone_page.goto(preview + "twitch/causes/stress/")
    expect(phone_page.locator("article")).to_contain_text("Body of Stress.", timeout=30_000)  # the last test's file is back
    stress.write_text(broken)
    banner = phone_page.get_by_role("alert")
    expect(banner).to_contain_text(re.compile(problem), timeout=30_000)
    assert banner.evaluate("e => e.scrollWidth <= e.clientWidth"), "the file's path wraps on a phone"
    expect(phone_page.locator("article")).to_contain_text("Body of Stress."), "the last good page stays"
    stress.write_text(good.replace("Body of Stress.", "Fixed again."))
    expect(phone_page.locator("article")).to_contain_text("Fixed again.", timeout=30_000)
    expect(phone_page.get_by_role("alert")).to_have_count(0)


def test_a_page_too_hard_to_read_is_shown_with_its_grade_but_not_built(project: Path, preview: str, stress: Path, phone_page) -> None:
    stress.write_text(item_md("Stress", treatments="[relaxation]").replace("Body of Stress.", HARD))
    phone_page.goto(preview + "twitch/causes/stress/")
    note = phone_page.get_by_role("note")
    expect(note).to_contain_text(re.compile(r"Reading grade \d+(\.\d)? is above the limit of 10"), timeout=30_000)
    expect(phone_page.locator("article")).to_contain_text("Intermittent involuntary fasciculations")
    expect(phone_page.get_by_role("alert")).to_have_count(0)
    checked = CliRunner().invoke(main, ["check", "--content", str(project / "content"), "-f", str(project / "mkdocs.yml")])
    assert checked.exit_code == 1 and "content/twitch/causes/stress.md: reading grade" in checked.output
    built = CliRunner().invoke(main, ["build", "-f", str(project / "mkdocs.yml"), "--site-dir", str(project / "built")])
    assert built.exit_code == 1 and "reading grade" in built.output


def test_a_built_site_never_allows_inline_code(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert pages and not [p for p in pages if "unsafe-inline" in p.read_text()]
