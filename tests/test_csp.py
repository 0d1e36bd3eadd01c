"""The policy's inline-script and inline-style hashes come from the page itself."""

from __future__ import annotations

import base64
import hashlib

from healthsite.site.csp import SCRIPT_PLACEHOLDER, STYLE_PLACEHOLDER, allow_inline_code

POLICY = f'<meta http-equiv="Content-Security-Policy" content="script-src \'self\' {SCRIPT_PLACEHOLDER}; style-src \'self\' {STYLE_PLACEHOLDER}">'


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_inline_scripts_are_allowed_by_hash_and_data_blocks_are_not_listed() -> None:
    page = (
        POLICY
        + "<script>a=1</script><script src='x.js'></script><script type=\"application/ld+json\">{}</script>"
        + '<script id="__config" type="application/json">{}</script><script>a=1</script><script>b=2</script>'
    )
    assert f"script-src 'self' {sha('a=1')} {sha('b=2')}; style-src 'self'\"" in allow_inline_code(page)


def test_a_page_without_inline_scripts_allows_only_its_own_files() -> None:
    assert "script-src 'self'; style-src 'self'\"" in allow_inline_code(POLICY + "<script src='x.js'></script>")


def test_style_elements_are_allowed_by_hash() -> None:
    page = POLICY + "<style>p{color:red}</style><style media=\"print\">nav{display:none}</style><style>p{color:red}</style>"
    assert f"style-src 'self' {sha('p{color:red}')} {sha('nav{display:none}')}\"" in allow_inline_code(page)
