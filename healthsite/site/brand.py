"""The site owner's brand colour: a setting that cannot make the site hard to read.

The colour fills the header behind white text and colours links on white, so it must
reach WCAG's enhanced contrast (7:1, success criterion 1.4.6) against white. A colour
that does not is a configuration error naming the setting, with a darker shade of the
same hue that passes.
"""

from __future__ import annotations

import colorsys
import re

from mkdocs.config import config_options

DEFAULT_BRAND_COLOUR = "#004b93"
ENHANCED_CONTRAST = 7.0
_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours, from 1 to 21."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def darker_passing(colour: str) -> str:
    """The lightest shade of `colour`'s hue and saturation that reaches 7:1 against white."""
    hue, lightness, saturation = colorsys.rgb_to_hls(*_channels(colour))
    while lightness > 0:
        lightness = max(0.0, lightness - 0.01)
        shade = "#" + "".join(f"{round(c * 255):02x}" for c in colorsys.hls_to_rgb(hue, lightness, saturation))
        if contrast(shade, "#ffffff") >= ENHANCED_CONTRAST:
            return shade
    return "#000000"


class BrandColour(config_options.Type):
    """A #rrggbb colour with at least 7:1 contrast against white."""

    def __init__(self, default: str = DEFAULT_BRAND_COLOUR) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        colour = super().run_validation(value)
        if not _HEX.fullmatch(colour):
            raise config_options.ValidationError(f"expected a colour written as #rrggbb (such as {DEFAULT_BRAND_COLOUR}), got {colour!r}")
        ratio = contrast(colour, "#ffffff")
        if ratio < ENHANCED_CONTRAST:
            raise config_options.ValidationError(
                f"{colour} has a contrast of {ratio:.2f}:1 with white; the header's white text and the links "
                f"need at least {ENHANCED_CONTRAST:g}:1 (WCAG 1.4.6). A darker shade that passes: {darker_passing(colour)}"
            )
        return colour.lower()


def brand_css(colour: str) -> str:
    """The rule that sets the brand colour; it comes after the stylesheet's default."""
    return f":root{{--hs-brand:{colour}}}"


def _channels(colour: str) -> tuple[float, float, float]:
    return tuple(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def _luminance(colour: str) -> float:
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in _channels(colour)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
