"""Shared fixtures: small content trees, a built copy of the shipped site, a local server, a browser."""

from __future__ import annotations

import contextlib
import hashlib
import html.parser
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from healthsite.site.build import build_site
from healthsite.cli import main
from healthsite.site.subpath import serve_under

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
DESKTOP = {"width": 1280, "height": 900}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}

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


def rgb_hex(rgb: str) -> str:
    """A computed CSS colour, "rgb(33, 43, 50)", as "#212b32" (for healthsite.site.brand.contrast)."""
    channels = [int(float(c)) for c in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    return "#" + "".join(f"{c:02x}" for c in channels)


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


def write_valid_content(root: Path) -> Path:
    """A minimal valid content tree: one topic with one symptom, cause and treatment."""
    write(root / "twitch" / "topic.md", TOPIC_MD)
    write(root / "twitch" / "symptoms" / "tingling.md", item_md("Tingling", causes="[stress]"))
    write(root / "twitch" / "causes" / "stress.md", item_md("Stress", treatments="[relaxation]"))
    write(root / "twitch" / "treatments" / "relaxation.md", item_md("Relaxation"))
    return root


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A minimal valid content tree in tmp_path/content."""
    return write_valid_content(tmp_path / "content")


def copy_project(dest: Path, *, content: Path | None = None) -> Path:
    """A copy of the project's site sources (config, docs, overrides, content) in `dest`.
    With other `content`, which has no translations, the site is in English only."""
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    if content != dest / "content":  # a content tree already in place stays as it is
        shutil.copytree(content or ROOT / "content", dest / "content")
    if content is not None:
        english_only(dest / "mkdocs.yml")
    return dest


def untranslated_noted(output: str) -> str:
    """A command's output without the warnings that a topic is not in Spanish yet: the shipped
    mkdocs.yml publishes Spanish, which test content is not translated into."""
    return "".join(line for line in output.splitlines(keepends=True) if "not translated into 'es' yet" not in line)


def english_only(settings: Path) -> None:
    """Remove the `languages` block (and `untranslated`) from a copy of the shipped mkdocs.yml."""
    text = settings.read_text(encoding="utf-8")
    start, end = text.index("      languages:\n"), text.index("      untranslated: note\n")
    settings.write_text(text[:start] + text[end + len("      untranslated: note\n"):], encoding="utf-8")


@pytest.fixture(scope="session")
def previous_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built from valid content, to stand for the one already published."""
    project = tmp_path_factory.mktemp("previous")
    write_valid_content(project / "content")
    return build_site(config_file=copy_project(project, content=project / "content") / "mkdocs.yml")


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` (following no links) with a hash of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def run_build(project: Path, site: Path):
    return CliRunner().invoke(
        main,
        ["build", "--content", str(project / "content"), "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site)],
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content built once, as `make site` would."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    site = build_site(config_file=project / "mkdocs.yml")
    for path in [site, *site.rglob("*")]:  # linkchecker drops root to 'nobody'
        path.chmod(0o755 if path.is_dir() else 0o644)
    return site


def serve(folder: Path) -> contextlib.AbstractContextManager[str]:
    """`folder` served on a free port of 127.0.0.1; yields its address."""
    return serve_under(folder, prefix="/")


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on a free port of 127.0.0.1."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def published_url(built_site: Path) -> Iterator[str]:
    """The built site served as GitHub Pages publishes it: under site_url's path, with its 404 page."""
    from mkdocs.config import load_config

    site_url = load_config(str(ROOT / "mkdocs.yml")).site_url or "/"
    with serve_under(built_site, prefix=urlsplit(site_url).path, site_url=site_url) as url:
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


@pytest.fixture(params=[(w, s) for s in ("light", "dark") for w in WIDTHS], ids="-".join, scope="module")
def look(request, browser):
    """A browser context at each width in each colour scheme (the dark one follows the reader's system setting)."""
    width, scheme = request.param
    context = browser.new_context(viewport=WIDTHS[width], color_scheme=scheme)
    yield context
    context.close()


@pytest.fixture
def tab(look):
    """A tab at each width in each colour scheme: a test taking it runs four times."""
    page = look.new_page()
    yield page
    page.close()


@pytest.fixture
def phone_page(browser):
    """A fresh browser tab at phone width, with its own storage."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


def tags(page_html: str, name: str) -> list[dict[str, str | None]]:
    """The attributes of every <name> element, however the page's HTML was minified."""
    found: list[dict[str, str | None]] = []

    class Parser(html.parser.HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == name:
                found.append(dict(attrs))

    Parser().feed(page_html)
    return found
