"""The Content-Security-Policy's allowance for inline scripts, computed from each built page.

overrides/partials/hs-csp.html writes the policy with a placeholder source. After MkDocs
renders a page, `allow_inline_scripts` replaces it with the sha256 hash of every inline
script on that page, so Material's small bootstrap scripts run and nothing else inline does.
Hashing the actual output means a Material update can never silently break the site.
"""

from __future__ import annotations

import base64
import hashlib
import re

PLACEHOLDER = "'inline-script-hashes'"

_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
_ATTR = re.compile(r"""(?:^|\s)(?P<name>src|type)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))""", re.I)
# Script types a browser executes; anything else (application/json, application/ld+json) is data.
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}


def allow_inline_scripts(html: str) -> str:
    """The page with the policy's placeholder replaced by its inline scripts' hashes."""
    if PLACEHOLDER not in html:
        return html
    sources = " ".join(f"'sha256-{digest}'" for digest in inline_script_hashes(html))
    return html.replace(f" {PLACEHOLDER}", f" {sources}" if sources else "")


def inline_script_hashes(html: str) -> list[str]:
    """Base64 sha256 digests of the executable inline scripts, in page order, without repeats."""
    digests: dict[str, None] = {}
    for match in _SCRIPT.finditer(html):
        attrs = {m["name"].lower(): m["dq"] or m["sq"] or m["bare"] or "" for m in _ATTR.finditer(match["attrs"])}
        if "src" in attrs or attrs.get("type", "").strip().lower() not in _EXECUTABLE_TYPES:
            continue
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        digests[base64.b64encode(digest).decode("ascii")] = None
    return list(digests)
