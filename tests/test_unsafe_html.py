"""Unsafe HTML never reaches the site: `check` and `build` refuse it, whichever route it takes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import ROOT, TOPIC_MD, copy_project, item_md, run_build, serve, tree_digest, write, write_valid_content
from healthsite.site.build import build_site
from healthsite.cli import main
from healthsite.content.safety import MARKDOWN_EXTENSIONS

CAUSE = "twitch/causes/stress.md"
WHERE = "content/twitch/causes/stress.md"
RUNS_CODE = "it would run code in the reader's browser"
BAD_LINK = "is not allowed; expected an address starting with https://, http://, mailto: or tel:, or a page of this site"


def with_body(body: str, **fields: str) -> str:
    """The cause file with `body` starting on line 6 (line 5 with one field fewer)."""
    return item_md("Stress", treatments="[relaxation]", **fields).replace("Body of Stress.\n", body)


# route -> (file text, exact problem lines)
UNSAFE = {
    "raw <script>": (
        with_body("Drink water.\n<script>alert(1)</script>\n"),
        [f"{WHERE}:7: HTML <script> is not allowed: {RUNS_CODE}"],
    ),
    "raw <iframe>": (
        with_body('<iframe src="https://example.com/"></iframe>\n'),
        [f"{WHERE}:6: HTML <iframe> is not allowed: it would embed another website in the page"],
    ),
    "raw <style>": (
        with_body("<style>body { display: none }</style>\n"),
        [f"{WHERE}:6: HTML <style> is not allowed: it would change how the whole site looks"],
    ),
    "raw on* attribute": (
        with_body('Text\n\n<img src="x.png" alt="" onerror="alert(1)">\n'),
        [f"{WHERE}:8: HTML attribute 'onerror' is not allowed: {RUNS_CODE}"],
    ),
    "raw javascript: link": (
        with_body('<a href=" JaVaScRiPt:alert(1)">Read more</a>\n'),
        [f"{WHERE}:6: link to ' JaVaScRiPt:alert(1)' {BAD_LINK}"],
    ),
    "raw data: link": (
        with_body('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>\n'),
        [f"{WHERE}:6: link to 'data:text/html,<script>alert(1)</script>' {BAD_LINK}"],
    ),
    "comment hiding a script": (
        with_body("<!--><script>alert(1)</script>-->\n"),
        [f"{WHERE}:6: HTML comment holding markup is not allowed; expected <!-- plain words -->"],
    ),
    "Markdown javascript: link": (
        with_body("[Read more](javascript:alert(1))\n"),
        [f"{WHERE}:6: link to 'javascript:alert(1)' {BAD_LINK}"],
    ),
    "Markdown link with entities and a title": (
        with_body('[Read more](&#106;avascript:alert(1) "A trusted page")\n'),
        [f"{WHERE}:6: link to 'javascript:alert(1)' {BAD_LINK}"],
    ),
    "Markdown reference link": (
        with_body("[Read more][more]\n\n[more]: JavaScript:alert(1)\n"),
        [f"{WHERE}:8: link to 'JavaScript:alert(1)' {BAD_LINK}"],
    ),
    "Markdown link with a scheme split by a line break": (
        with_body("Text\n\n[Read more](<java\nscript:alert(1)>)\n"),
        [f"{WHERE}:8: link to 'java script:alert(1)' {BAD_LINK}"],
    ),
    "Markdown data: picture": (
        with_body("![chart](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)\n"),
        [
            f"{WHERE}:6: picture 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=' is not allowed; expected a picture file "
            "of this site (a picture from another website tells it who reads the page)"
        ],
    ),
    "Markdown attribute list": (
        with_body('A paragraph.\n{: onclick="alert(1)" }\n'),
        [f"{WHERE}:7: HTML attribute 'onclick' is not allowed: {RUNS_CODE}"],
    ),
    "front matter title": (
        with_body("Body.\n").replace("title: Stress", "title: Stress<script>alert(1)</script>"),
        [f"{WHERE}:2: field 'title': HTML is not allowed here; expected plain text"],
    ),
    "front matter title with entities": (
        with_body("Body.\n").replace("title: Stress", "title: Stress &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        [f"{WHERE}:2: field 'title': HTML is not allowed here; expected plain text"],
    ),
    "front matter summary link": (
        with_body("Body.\n").replace("summary: A summary.", "summary: '[Get help](javascript:alert(1))'"),
        [f"{WHERE}:3: field 'summary': link to 'javascript:alert(1)' {BAD_LINK}"],
    ),
    "front matter alias": (
        with_body("Body.\n", aliases='["<img src=x onerror=alert(1)>"]'),
        [f"{WHERE}:5: field 'aliases.1': HTML is not allowed here; expected plain text"],
    ),
    "front matter attribute list": (
        with_body("Body.\n").replace("title: Stress", "title: 'Stress {: onmouseover=alert(1) }'"),
        [f"{WHERE}:2: field 'title': HTML attribute 'onmouseover' is not allowed: {RUNS_CODE}"],
    ),
}


@pytest.mark.parametrize("route", UNSAFE, ids=list(UNSAFE))
def test_check_and_build_refuse_unsafe_html(route: str, content: Path, previous_site: Path) -> None:
    text, expected = UNSAFE[route]
    write(content / CAUSE, text)
    project = copy_project(content.parent, content=content)
    site = shutil.copytree(previous_site, project / "site")
    before = tree_digest(site)
    for result in (CliRunner().invoke(main, ["check", "--content", str(content)]), run_build(project, site)):
        assert result.exit_code == 1
        assert [line.strip() for line in result.output.splitlines()[1:]] == expected, result.output
    assert tree_digest(site) == before


def test_unsafe_source_address_is_refused(content: Path) -> None:
    write(content / "twitch" / "topic.md", TOPIC_MD.replace("{title: Test article}", "{title: Test, url: 'javascript:alert(1)'}"))
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    assert result.exit_code == 1
    assert result.output.splitlines()[1:] == [
        "  content/twitch/topic.md:7: field 'sources.1.url': address 'javascript:alert(1)' is not allowed; "
        "expected one starting with https://"
    ]


def test_hand_written_page_with_a_script_is_not_published(content: Path, previous_site: Path) -> None:
    project = copy_project(content.parent, content=content)
    about = project / "docs" / "about.md"
    about.write_text(about.read_text() + '\n<script>alert(1)</script>\n\n<a href="javascript:alert(1)">x</a>\n')
    site = shutil.copytree(previous_site, project / "site")
    before = tree_digest(site)
    result = run_build(project, site)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Error: the site was not built:",
        "  Error reading page 'about.md':",
        f"  docs/about.md: HTML <script> is not allowed: {RUNS_CODE}",
        f"  docs/about.md: link to 'javascript:alert(1)' {BAD_LINK}",
    ]
    assert tree_digest(site) == before
    assert sorted(p.name for p in project.iterdir()) == ["content", "docs", "mkdocs.yml", "overrides", "site"]


def test_check_renders_with_every_extension_of_the_site() -> None:
    """A Markdown extension the check does not use could let markup past it."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config.get("markdown_extensions", [])]
    assert set(names) <= set(MARKDOWN_EXTENSIONS)


# --- What the check lets through is inert in a real browser --------------------------------

# Markdown escapes link titles, and the build escapes the page description.
INERT_CAUSE = with_body("""[NHS advice](https://www.nhs.uk/ 'x" onmouseover="alert(1)" data-x="')\n""").replace(
    "summary: A summary.", "summary: 'Tired\" onmouseover=\"alert(1)\" x=\"'"
)


@pytest.fixture(scope="module")
def inert_site(tmp_path_factory: pytest.TempPathFactory):
    project = tmp_path_factory.mktemp("inert")
    write(write_valid_content(project / "content") / CAUSE, INERT_CAUSE)
    site = build_site(config_file=copy_project(project, content=project / "content") / "mkdocs.yml")
    with serve(site) as url:
        yield url


def test_payloads_the_check_allows_stay_text_in_chromium(inert_site: str, phone_page) -> None:
    dialogs: list[str] = []
    phone_page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    phone_page.goto(inert_site + "twitch/causes/stress/")
    link = phone_page.get_by_role("link", name="NHS advice")
    link.hover()
    assert link.get_attribute("title") == 'x" onmouseover="alert(1)" data-x="'
    assert link.get_attribute("onmouseover") is None
    description = phone_page.locator('meta[name="description"]')
    assert description.get_attribute("content") == 'Tired" onmouseover="alert(1)" x="'
    assert description.evaluate("meta => meta.attributes.length") == 2
    assert dialogs == []
