"""What a local preview shows on a page that a build would refuse, so that its editor can
see the page they are fixing (the plugin adds it while `serve` runs; never in a build)."""

from __future__ import annotations

import html

_ARTICLE = '<article class="md-content__inner md-typeset">'


def with_preview_note(page_html: str, problem: str) -> str:
    """The page with a note at the top of its text: what is wrong, and that it will not publish."""
    note = (
        '<div class="hs-preview-note" role="note"><p><strong>Preview only: this page will not be published yet.</strong> '
        f"{html.escape(problem[:1].upper() + problem[1:])}. <code>healthsite check</code> and the build refuse it until it is fixed.</p></div>"
    )
    at = page_html.find(_ARTICLE)
    if at < 0:
        return page_html
    at += len(_ARTICLE)
    return page_html[:at] + note + page_html[at:]
