"""The registered soft binding: the ISO 24138 ISCC Content-Code Image (``io.iscc.v0``).

A fingerprint, not a watermark: anyone with an ISCC implementation computes it
again from a copy's pixels and looks the manifest up (C2PA soft-binding
resolution). The code itself comes from ``iscc-lib`` (the ISCC Foundation's
Rust implementation, the one ``iscc-sdk`` uses); the 32x32 grey pixels it takes
are normalised the
way ``iscc-sdk`` 0.9 does: EXIF orientation applied, transparency on white,
near-uniform borders trimmed (tolerance 16, repeated while a pass crops and a
one-sided cut removes only a flat band), grey, bicubic 32x32. The value is an
ISCC-SEQ (IEP-0020) holding the one 256-bit Content-Code Image unit. Measured
against ``iscc-sdk`` 0.9.7 itself (docs/provenance.md).
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any

from safegen.errors import MissingExtra, ProvenanceError

if TYPE_CHECKING:
    from PIL import Image

ALG = "io.iscc.v0"
TRIM_TOLERANCE = 16
TRIM_PASSES = 16


def _border_box(image: Image.Image, tolerance: int) -> tuple[int, int, int, int] | None:
    """The box of pixels differing from the top-left one by more than ``tolerance`` in a band."""
    reference: Any = image.getpixel((0, 0))
    bands = reference if isinstance(reference, tuple) else (reference,)
    table = [
        0 if abs(value - int(band)) <= tolerance else 255 for band in bands for value in range(256)
    ]
    box: tuple[int, int, int, int] | None = image.point(table).getbbox()
    return box


def _trimmed(image: Image.Image) -> Image.Image:
    """Near-uniform borders removed, pass after pass, keeping smooth gradients (a sky)."""
    for _ in range(TRIM_PASSES):
        box = _border_box(image, TRIM_TOLERANCE)
        if box is None or box == (0, 0, *image.size):
            break
        width, height = image.size
        sides = (box[0] > 0) + (box[1] > 0) + (box[2] < width) + (box[3] < height)
        if sides == 1 and _border_box(image, TRIM_TOLERANCE // 2) != box:
            break  # a one-sided cut must take a flat band, not the edge of a gradient
        image = image.crop(box)
    return image


def normalized_pixels(image: Image.Image) -> list[int]:
    """The 1,024 grey values the ISCC image code is computed from."""
    from PIL import Image as PILImage
    from PIL import ImageOps

    picture = ImageOps.exif_transpose(image) or image
    if picture.mode in ("RGBA", "LA") or (picture.mode == "P" and "transparency" in picture.info):
        rgba = picture.convert("RGBA")
        white = PILImage.new("RGB", picture.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))
        picture = white
    elif picture.mode != "RGB":
        picture = picture.convert("RGB")
    grey = _trimmed(picture).convert("L").resize((32, 32), PILImage.Resampling.BICUBIC)
    return list(grey.getdata())


def image_code(image: Image.Image) -> str:
    """The 256-bit ISCC Content-Code Image, as ``ISCC:...``."""
    try:
        import iscc_lib
    except ImportError as exc:
        raise MissingExtra(exc, "the ISCC soft binding") from exc
    try:
        code: str = iscc_lib.gen_image_code_v0(normalized_pixels(image), bits=256)["iscc"]
    except (ValueError, TypeError, OSError) as exc:
        raise ProvenanceError(f"the ISCC fingerprint could not be computed: {exc}") from exc
    return code


def unit_bytes(code: str) -> bytes:
    """An ISCC unit's header and body: its base32 text (after ``ISCC:``) decoded."""
    text = code.removeprefix("ISCC:").upper()
    return base64.b32decode(text + "=" * (-len(text) % 8))


def soft_binding_value(code: str) -> str:
    """The ``io.iscc.v0`` block value: base64 of the ISCC-SEQ of ``code`` (IEP-0020: the
    units' header and body bytes, concatenated; here the one Content-Code Image unit)."""
    return base64.b64encode(unit_bytes(code)).decode("ascii")


__all__ = ["ALG", "image_code", "normalized_pixels", "soft_binding_value", "unit_bytes"]
