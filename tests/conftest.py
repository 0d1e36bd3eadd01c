"""Shared fixtures: small content trees, a built copy of the shipped site, a local server, a browser."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from healthsite.build import build_site

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}

TOPIC_MD = """\
---
title: Muscle twitches
summary: Small muscle movements you cannot control.
aliases: [fasciculations]
reviewed: {date: 2026-11-25, by: Test Editor}
next_review: 2027-11-25
sources: [{title: Test article}]
---
Overview.
"""


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def item_md(title: str, summary: str = "A summary.", **fields: str) -> str:
    extra = "".join(f"{k}: {v}\n" for k, v in fields.items())
    return f"---\ntitle: {title}\nsummary: {summary}\n{extra}---\nBody of {title}.\n"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A minimal valid content tree: one topic with one symptom, cause and treatment."""
    root = tmp_path / "content"
    write(root / "twitch" / "topic.md", TOPIC_MD)
    write(root / "twitch" / "symptoms" / "tingling.md", item_md("Tingling", causes="[stress]"))
    write(root / "twitch" / "causes" / "stress.md", item_md("Stress", treatments="[relaxation]"))
    write(root / "twitch" / "treatments" / "relaxation.md", item_md("Relaxation"))
    return root


def copy_project(dest: Path, *, content: Path | None = None) -> Path:
    """A copy of the project's site sources (config, docs, overrides, content) in `dest`."""
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(content or ROOT / "content", dest / "content")
    return dest


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content built once, as `make site` would."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    site = build_site(config_file=project / "mkdocs.yml")
    for path in [site, *site.rglob("*")]:  # linkchecker drops root to 'nobody'
        path.chmod(0o755 if path.is_dir() else 0o644)
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve `folder` on a free port of 127.0.0.1; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on a free port of 127.0.0.1."""
    with serve_folder(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium via Playwright. Under CI=true a missing browser fails."""
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM}; install Debian's 'chromium' package"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone_page(browser):
    """A fresh browser tab at phone width, with its own storage."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()
