"""Every built page is valid HTML by the W3C's Nu HTML Checker (vnu.jar, pinned in
tests/html-checker/package.json; `make test` installs it with npm, and it runs on Java)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from design_site import build_design_site

VNU = Path(__file__).resolve().parent / "html-checker" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="module")
def checker() -> list[str]:
    java = shutil.which("java")
    missing = [what for what, found in (("Java (Debian: default-jre-headless)", java), (f"{VNU} (make test installs it)", VNU.exists())) if not found]
    if missing:
        message = "the HTML checker needs " + " and ".join(missing)
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html"]


def html_errors(checker: list[str], site: Path) -> list[str]:
    done = subprocess.run([*checker, str(site)], capture_output=True, text=True, check=False)
    report = next(out for out in (done.stdout, done.stderr) if out.lstrip().startswith("{"))  # stdout, or stderr in older releases
    messages = json.loads(report)["messages"]
    return [f"{m['url'].split(site.name + '/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]


def test_every_page_of_the_shipped_site_is_valid_html(checker: list[str], built_site: Path) -> None:
    assert html_errors(checker, built_site) == []


def test_all_three_care_cards_are_valid_html(checker: list[str], tmp_path: Path) -> None:
    assert html_errors(checker, build_design_site(tmp_path)) == []
