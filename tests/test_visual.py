"""The design does not change by accident: every kind of page, photographed in Chromium at
phone and desktop width (and an item page in the dark scheme), matches its approved image
in tests/visual/ within a small tolerance.

An intended change updates the images in the same pull request:
    make screenshots    (HEALTHSITE_UPDATE_SCREENSHOTS=1 with this file)
then look at the new images in the diff before committing them. A failure writes the new
screenshot and a picture of the differences next to the test's temporary files and names them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from conftest import WIDTHS, serve
from design_site import DESIGN_PAGES, build_design_site

REFERENCES = Path(__file__).resolve().parent / "visual"
UPDATE = os.environ.get("HEALTHSITE_UPDATE_SCREENSHOTS") == "1"
# A pixel counts as changed when a colour channel moves by more than this (of 255): font
# smoothing differs slightly between machines, a changed colour or a moved line does not.
CHANNEL_TOLERANCE = 48
# The share of changed pixels allowed before a screenshot fails.
PIXEL_TOLERANCE = 0.004

SHOTS = [(kind, width, "light") for kind in DESIGN_PAGES for width in WIDTHS] + [("item", "phone", "dark")]


@pytest.fixture(scope="module")
def design_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = build_design_site(tmp_path_factory.mktemp("design"))
    with serve(site) as url:
        yield url


@pytest.mark.parametrize(("kind", "width", "scheme"), SHOTS, ids=["-".join(shot) for shot in SHOTS])
def test_page_looks_as_approved(browser, design_url: str, tmp_path: Path, kind: str, width: str, scheme: str) -> None:
    name = f"{kind}-{width}" + ("" if scheme == "light" else f"-{scheme}")
    actual = screenshot(browser, design_url + DESIGN_PAGES[kind], tmp_path / f"{name}.png", width=width, scheme=scheme)
    reference = REFERENCES / f"{name}.png"
    if UPDATE or not reference.exists():
        REFERENCES.mkdir(exist_ok=True)
        Image.open(actual).save(reference, optimize=True)
        if not UPDATE:
            pytest.fail(f"no approved image yet: wrote {reference}; look at it, then commit it")
        return
    diff = tmp_path / f"{name}-diff.png"
    problem = difference(reference, actual, diff_path=diff)
    assert problem is None, f"{name}: {problem}. New screenshot: {actual}" + (f"; differences: {diff}" if diff.exists() else "")


def screenshot(browser, url: str, path: Path, *, width: str, scheme: str) -> Path:
    context = browser.new_context(viewport=WIDTHS[width], device_scale_factor=1, color_scheme=scheme,
                                  reduced_motion="reduce")
    try:
        page = context.new_page()
        page.goto(url)
        page.evaluate("document.fonts.ready")
        page.screenshot(path=str(path), full_page=True, animations="disabled", caret="hide")
    finally:
        context.close()
    return path


def difference(reference: Path, actual: Path, *, diff_path: Path) -> str | None:
    """None when the two images match within the tolerance, else what differs."""
    expected, got = Image.open(reference).convert("RGB"), Image.open(actual).convert("RGB")
    if expected.size != got.size:
        return f"the page measures {got.size[0]}x{got.size[1]} px, the approved image {expected.size[0]}x{expected.size[1]} px"
    red, green, blue = ImageChops.difference(expected, got).split()
    largest = ImageChops.lighter(red, ImageChops.lighter(green, blue))  # each pixel's largest channel change
    changed = largest.point(lambda v: 255 if v > CHANNEL_TOLERANCE else 0)
    share = changed.histogram()[255] / (got.size[0] * got.size[1])
    if share <= PIXEL_TOLERANCE:
        return None
    changed.save(diff_path)
    return f"{share:.2%} of the pixels changed (allowed: {PIXEL_TOLERANCE:.1%})"
