"""Nothing a reader does leaves the site: no request to another origin on any page, during
search or navigation, no cookies, and a Content-Security-Policy that the site
itself never trips while it does block injected scripts."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from page_kinds import ITEM_PAGE, PAGE_KINDS
from test_accessibility import open_search

# Registered before any page script runs: collects every policy violation the page reports.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e =>
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline code"}`));
"""


class Recorder:
    """Every request and console complaint of one browser context."""

    def __init__(self, context) -> None:
        self.requests: list[str] = []
        self.console: list[str] = []
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("page", lambda page: page.on("console", self._on_console))
        context.add_init_script(RECORD_CSP_VIOLATIONS)

    def _on_console(self, message) -> None:
        if message.type in ("error", "warning"):
            self.console.append(message.text)

    def off_origin(self, origin: str) -> list[str]:
        return [url for url in self.requests if urlsplit(url).scheme in ("http", "https", "ws", "wss")
                and not url.startswith(origin)]


@pytest.fixture
def recorded(browser):
    context = browser.new_context()
    recorder = Recorder(context)
    page = context.new_page()
    yield page, recorder
    context.close()


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


def csp_violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations")


def test_no_page_sends_a_request_elsewhere_or_sets_a_cookie(recorded, published_url: str) -> None:
    page, recorder = recorded
    for path in PAGE_KINDS.values():
        page.goto(published_url + path)
        page.wait_for_load_state("networkidle")
    open_search(page, "twitch")
    assert recorder.off_origin(origin_of(published_url)) == []
    assert page.context.cookies() == []
    assert page.evaluate("document.cookie") == ""


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_runs_under_its_security_policy_without_violations(recorded, published_url: str, kind: str) -> None:
    page, recorder = recorded
    page.goto(published_url + PAGE_KINDS[kind])
    page.wait_for_load_state("networkidle")
    assert page.locator("meta[http-equiv='Content-Security-Policy']").count() == 1
    assert csp_violations(page) == []
    assert [m for m in recorder.console if "Content Security Policy" in m] == []


def test_search_and_navigation_work_under_the_policy(recorded, published_url: str) -> None:
    page, recorder = recorded
    page.goto(published_url)
    page.locator("article li a").first.click()  # the first topic in the A-Z list
    page.wait_for_url(published_url + PAGE_KINDS["topic overview"])
    open_search(page, "twitch")
    result = page.locator(".md-search-result__link").first
    target = result.evaluate("link => link.pathname")
    result.click()
    page.wait_for_url(lambda url: urlsplit(url).path == target)
    assert page.locator(".md-content h1").first.is_visible()
    assert csp_violations(page) == []
    assert [m for m in recorder.console if "Content Security Policy" in m] == []


def test_policy_blocks_a_script_injected_into_the_page(recorded, published_url: str) -> None:
    page, _ = recorded
    page.goto(published_url + ITEM_PAGE)
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__injected = true'; document.body.append(s); }"
    )
    assert page.evaluate("window.__injected") is None
    assert csp_violations(page) == ["script-src-elem blocked inline"]
