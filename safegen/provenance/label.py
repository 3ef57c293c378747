"""The visible disclosure: a text label drawn in a corner before the watermark.

China's GB 45438-2025 asks image labels to be text whose height is at least
5% of the shorter side; California's SB 942 asks providers to offer a visible
disclosure. The label is sized from the glyphs' real ink height (not the
font's nominal size), drawn white on a dark translucent box with a margin,
and recorded in the signed manifest (:class:`DrawnLabel`), so a compliance
check can state what was drawn. The default font is a subset of Noto Sans CJK
SC Bold shipped in ``safegen/provenance/fonts`` (SIL OFL 1.1): printable ASCII
and the glyphs of common Chinese labels; other text needs ``font:``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from safegen.errors import ProfileError

if TYPE_CHECKING:
    from PIL import Image, ImageFont

    from safegen.profiles import LabelSpec

DEFAULT_FONT = "NotoSansCJKsc-Bold-label.otf"
_PROBE_SIZE = 100


@dataclass(frozen=True)
class DrawnLabel:
    """What was drawn, in the image's pixels (recorded in the manifest)."""

    text: str
    text_height: int
    box: tuple[int, int, int, int]
    share: float
    """Text height over the shorter side."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "text_height": self.text_height,
            # a mapping, not a list: c2pa-rs reads a list of small integers back as bytes
            "box": dict(zip(("left", "top", "right", "bottom"), self.box, strict=True)),
            "share_of_shorter_side": round(self.share, 4),
        }


def _font_path(spec: LabelSpec) -> str:
    if spec.font:
        return spec.font
    return str(resources.files("safegen.provenance") / "fonts" / DEFAULT_FONT)


def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    try:
        return _loaded(path, size)
    except (OSError, ValueError) as exc:  # a font file removed or replaced since the check
        raise ProfileError(f"label font {path} cannot be loaded ({exc})") from exc


@lru_cache(maxsize=16)
def _loaded(path: str, size: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont

    return ImageFont.truetype(path, size)


def check_label(spec: LabelSpec, *, source: str) -> None:
    """The font loads and has a glyph for every character of the text (before any image)."""
    path = _font_path(spec)
    try:
        font = _font(path, _PROBE_SIZE)
    except ProfileError as exc:
        raise ProfileError(f"{source}: {exc}") from exc
    notdef = bytes(font.getmask("\ue000"))  # a private-use code point: the font's .notdef box
    missing = sorted(
        {ch for ch in spec.text if not ch.isspace() and bytes(font.getmask(ch)) == notdef}
    )
    left, top, right, bottom = font.getbbox(spec.text)
    if right <= left or bottom <= top:
        raise ProfileError(f"{source}: the label {spec.text!r} draws nothing visible")
    if missing:
        raise ProfileError(
            f"{source}: the label font has no glyph for {''.join(missing)!r}; give a font "
            "that covers the text (label.font)"
        )


def _layout(spec: LabelSpec, width: int, height: int) -> tuple[int, int, int, int, int]:
    """(font size, text height, text width, margin, padding) for an image of this size."""
    shorter = min(width, height)
    target = max(math.ceil(spec.min_height * shorter), spec.min_pixels)
    probe = _font(_font_path(spec), _PROBE_SIZE)
    left, top, right, bottom = probe.getbbox(spec.text)
    ink = max(bottom - top, 1)
    size = max(1, math.ceil(_PROBE_SIZE * target / ink))
    font = _font(_font_path(spec), size)
    while True:  # rounding in the rasteriser: grow until the ink is tall enough
        left, top, right, bottom = font.getbbox(spec.text)
        if bottom - top >= target or size > 4 * _PROBE_SIZE * target:
            break
        size += 1
        font = _font(_font_path(spec), size)
    padding = max(2, target // 4)
    margin = max(2, shorter // 50)
    return size, int(bottom - top), int(right - left), margin, padding


def check_fits(spec: LabelSpec, width: int, height: int) -> tuple[int, int, int, int, int]:
    """The label's layout (see ``_layout``); a ProfileError when it cannot be drawn on a
    width x height image."""
    layout = _layout(spec, width, height)
    _size, text_height, text_width, margin, padding = layout
    need_w = text_width + 2 * (padding + margin)
    need_h = text_height + 2 * (padding + margin)
    if need_w > width or need_h > height:
        raise ProfileError(
            f"the visible label {spec.text!r} needs {need_w}x{need_h} px (text {text_height} px "
            f"high, {spec.min_height:.0%} of the shorter side or {spec.min_pixels} px) and does "
            f"not fit a {width}x{height} image; use a larger size or a shorter label"
        )
    return layout


def draw_label(image: Image.Image, spec: LabelSpec) -> tuple[Image.Image, DrawnLabel]:
    """A copy of ``image`` with the label drawn, and what was drawn."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    width, height = image.size
    size, text_height, text_width, margin, padding = check_fits(spec, width, height)
    font = _font(_font_path(spec), size)
    left, top, _right, _bottom = font.getbbox(spec.text)
    box_w, box_h = text_width + 2 * padding, text_height + 2 * padding
    x0 = margin if spec.position.endswith("left") else width - margin - box_w
    y0 = margin if spec.position.startswith("top") else height - margin - box_h
    base = image.convert("RGBA")
    overlay = PILImage.new("RGBA", base.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    draw.rounded_rectangle(
        (x0, y0, x0 + box_w - 1, y0 + box_h - 1), radius=padding, fill=(0, 0, 0, 150)
    )
    origin = (x0 + padding - left, y0 + padding - top)
    draw.text(origin, spec.text, font=font, fill=(255, 255, 255, 255))
    labelled = PILImage.alpha_composite(base, overlay).convert("RGB")
    drawn = DrawnLabel(
        text=spec.text,
        text_height=text_height,
        box=(x0, y0, x0 + box_w, y0 + box_h),
        share=text_height / min(width, height),
    )
    return labelled, drawn


__all__ = ["DrawnLabel", "check_fits", "check_label", "draw_label"]
