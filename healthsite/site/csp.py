"""The Content-Security-Policy's allowance for inline scripts and styles, computed from each built page.

theme/partials/hs-csp.html writes the policy with two placeholder sources. After MkDocs
renders a page, `allow_inline_code` replaces them with the sha256 hash of every inline
script and every <style> element on that page, so Material's small bootstrap scripts and
our inlined stylesheet apply and nothing else inline does. Hashing the actual output means
a Material update can never silently break the site.
"""

from __future__ import annotations

import base64
import hashlib
import re

SCRIPT_PLACEHOLDER = "'inline-script-hashes'"
STYLE_PLACEHOLDER = "'inline-style-hashes'"

_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
_STYLE = re.compile(r"<style\b[^>]*>(?P<body>.*?)</style\s*>", re.S | re.I)
_ATTR = re.compile(r"""(?:^|\s)(?P<name>src|type)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))""", re.I)
# Script types a browser executes; anything else (application/json, application/ld+json) is data.
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}


def allow_inline_code(html: str) -> str:
    """The page with the policy's placeholders replaced by its inline scripts' and styles' hashes."""
    html = _replace(html, SCRIPT_PLACEHOLDER, inline_script_hashes)
    return _replace(html, STYLE_PLACEHOLDER, inline_style_hashes)


def allow_preview_code(html: str) -> str:
    """The page's policy for a local preview (`healthsite serve`, `mkdocs serve`) only: the
    server adds its live-reload script, and a problem banner, after the page is built, so
    inline code is allowed as a whole. Never used for a built site."""
    return html.replace(f" {SCRIPT_PLACEHOLDER}", " 'unsafe-inline'").replace(f" {STYLE_PLACEHOLDER}", " 'unsafe-inline'")


def inline_script_hashes(html: str) -> list[str]:
    """Base64 sha256 digests of the executable inline scripts, in page order, without repeats."""
    bodies = []
    for match in _SCRIPT.finditer(html):
        attrs = {m["name"].lower(): m["dq"] or m["sq"] or m["bare"] or "" for m in _ATTR.finditer(match["attrs"])}
        if "src" not in attrs and attrs.get("type", "").strip().lower() in _EXECUTABLE_TYPES:
            bodies.append(match["body"])
    return _digests(bodies)


def inline_style_hashes(html: str) -> list[str]:
    """Base64 sha256 digests of the <style> elements, in page order, without repeats."""
    return _digests(match["body"] for match in _STYLE.finditer(html))


def _replace(html: str, placeholder: str, hashes) -> str:
    if placeholder not in html:
        return html
    sources = " ".join(f"'sha256-{digest}'" for digest in hashes(html))
    return html.replace(f" {placeholder}", f" {sources}" if sources else "")


def _digests(bodies) -> list[str]:
    digests = {base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii"): None for body in bodies}
    return list(digests)
