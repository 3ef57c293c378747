"""Invisible watermarks that carry the ledger's watermark id (C2PA soft binding).

``safegen`` (the default, :class:`TiledWatermarker` in ``tiled.py``) is
built to survive JPEG, resizing, crops, small rotations and photometric
edits; ``dwtDct`` and ``dwtDctSvd`` (from ``invisible-watermark``, the
library SDXL ships) stay selectable as baselines. See docs/watermark.md.

For the baselines, the payload is the 32-bit watermark id followed by a 16-bit check (CRC-32
over a domain tag and the id, low half), XORed with a fixed whitening mask.
An unmarked image decodes to 48 bits that pass the check with probability
about 2^-16; that is what turns "some bits came out" into "no watermark".
The mask matters: flat or saturated images decode to all zeros or all ones,
and without it all ones is a valid payload (CRC-32 of FF FF FF FF is
FFFFFFFF).
"""

from __future__ import annotations

import importlib.util
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from safegen.errors import WatermarkError

if TYPE_CHECKING:
    from PIL import Image

ID_BITS = 32
CHECK_BITS = 16
PAYLOAD_BITS = ID_BITS + CHECK_BITS
MIN_SIDE = 256


@dataclass(frozen=True)
class DecodeResult:
    """``watermark_id`` is None when no valid payload was found."""

    watermark_id: int | None
    confidence: float
    algorithm: str


class Watermarker(Protocol):
    algorithm: str

    def embed(self, image: Image.Image, watermark_id: int) -> Image.Image: ...

    def decode(self, image: Image.Image) -> DecodeResult: ...


_WHITENING = 0x9E3779B97F4A  # 48 bits of the golden ratio: no structure a flat image produces


def _check(watermark_id: int) -> int:
    return zlib.crc32(b"safegen-wm1" + watermark_id.to_bytes(4, "big")) & 0xFFFF


def encode_payload(watermark_id: int) -> list[int]:
    if not 0 < watermark_id < 2**ID_BITS:
        raise WatermarkError(f"watermark id {watermark_id} does not fit in {ID_BITS} bits")
    value = ((watermark_id << CHECK_BITS) | _check(watermark_id)) ^ _WHITENING
    return [(value >> (PAYLOAD_BITS - 1 - i)) & 1 for i in range(PAYLOAD_BITS)]


def decode_payload(bits: list[int]) -> int | None:
    if len(bits) != PAYLOAD_BITS:
        return None
    value = 0
    for bit in bits:
        value = (value << 1) | (1 if bit else 0)
    value ^= _WHITENING
    watermark_id, check = value >> CHECK_BITS, value & 0xFFFF
    if watermark_id == 0 or _check(watermark_id) != check:
        return None
    return watermark_id


_EMBEDDERS = {"dwtDct": ("maxDct", "EmbedMaxDct"), "dwtDctSvd": ("dwtDctSvd", "EmbedDwtDctSvd")}


def _embedder_class(method: str) -> Any:
    """The numpy/OpenCV embedder class of ``invisible-watermark``, without importing torch.

    Why: the package's ``__init__`` imports its rivaGan module, which imports
    torch (2-3 s), although the DWT-DCT methods never use it. Finding the
    package does not run its ``__init__``, so the one module needed is loaded
    from the package's folder on its own. A test checks the result is
    bit-identical to the library's public ``WatermarkEncoder``.
    """
    module_name, class_name = _EMBEDDERS[method]
    qualified = f"safegen._imwatermark_{module_name}"
    module = sys.modules.get(qualified)
    if module is None:
        package = importlib.util.find_spec("imwatermark")
        if package is None or not package.submodule_search_locations:
            raise WatermarkError(
                "the dwtDctSvd baseline needs invisible-watermark, which comes with the "
                "generation extra: pip install 'safegen[generate]'"
            )
        path = Path(list(package.submodule_search_locations)[0]) / f"{module_name}.py"
        spec = importlib.util.spec_from_file_location(qualified, path)
        if spec is None or spec.loader is None:
            raise WatermarkError(f"cannot load {path}")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules[qualified] = module
    return getattr(module, class_name)


class InvisibleWatermarker:
    """``invisible-watermark`` (the library SDXL ships) with safegen's checked payload.

    ``method`` is ``dwtDctSvd`` (default: exact on clean PNG output, survives
    mild JPEG) or ``dwtDct`` (faster, fragile). Known weaknesses, measured in
    the project notes: neither survives crops, and both lose bits under strong
    JPEG; a stronger safegen watermark replaces this as the default later.
    """

    def __init__(self, method: str = "dwtDctSvd") -> None:
        if method not in _EMBEDDERS:
            raise WatermarkError(f"unknown invisible-watermark method {method!r}")
        self.method = method
        self.algorithm = f"com.safegen.invisible-watermark.{method}.crc16.v2"

    @staticmethod
    def _bgr(image: Image.Image) -> Any:
        import numpy as np

        if min(image.size) < MIN_SIDE:
            raise WatermarkError(
                f"image {image.width}x{image.height} is too small to watermark "
                f"(each side needs at least {MIN_SIDE} px)"
            )
        return np.ascontiguousarray(np.asarray(image.convert("RGB"))[:, :, ::-1])

    def embed(self, image: Image.Image, watermark_id: int) -> Image.Image:
        from PIL import Image as PILImage

        embedder = _embedder_class(self.method)(encode_payload(watermark_id), wmLen=PAYLOAD_BITS)
        marked = embedder.encode(self._bgr(image))
        return PILImage.fromarray(marked[:, :, ::-1].copy(), mode="RGB")

    def decode(self, image: Image.Image) -> DecodeResult:
        if min(image.size) < MIN_SIDE:
            return DecodeResult(None, 0.0, self.algorithm)
        bits = _embedder_class(self.method)(watermarks=[], wmLen=PAYLOAD_BITS).decode(
            self._bgr(image)
        )
        found = decode_payload([int(b) for b in bits])
        return DecodeResult(found, 1.0 if found is not None else 0.0, self.algorithm)


def _tiled() -> Watermarker:
    from safegen.watermark.tiled import TiledWatermarker

    return TiledWatermarker()


WATERMARKS: dict[str, Callable[[], Watermarker]] = {
    "safegen": _tiled,
    "dwtDctSvd": lambda: InvisibleWatermarker("dwtDctSvd"),
}
"""Watermark name -> a function that builds it. A new one: its module plus one line here.

Each entry must read back its own id from a clean image (tests/test_conformance.py).
``dwtDct`` does not (it loses bits to 8-bit rounding on 79% of clean images), so it is
a benchmark baseline only (``InvisibleWatermarker("dwtDct")``), not a deployable choice."""


READ_ONLY = {"dwtDct": lambda: InvisibleWatermarker("dwtDct")}
"""Watermarks verify still reads (images marked by earlier deployments), never embeds."""


def load_watermarker(name: str = "safegen", *, for_reading: bool = False) -> Watermarker:
    """The watermarker a config names: ``safegen`` (default) or ``dwtDctSvd``.

    ``for_reading`` (verify) also accepts the read-only baselines in :data:`READ_ONLY`.
    """
    if for_reading and name in READ_ONLY:
        return READ_ONLY[name]()
    if name in READ_ONLY:
        raise WatermarkError(
            f"watermark {name!r} does not carry its id reliably (it loses bits on most clean "
            "images) and no longer marks new images; set SAFEGEN_WATERMARK to safegen or "
            "dwtDctSvd (verify still reads old dwtDct marks)"
        )
    if name not in WATERMARKS:
        raise WatermarkError(f"unknown watermark {name!r}; choose one of {', '.join(WATERMARKS)}")
    return WATERMARKS[name]()


__all__ = [
    "DecodeResult",
    "InvisibleWatermarker",
    "WATERMARKS",
    "load_watermarker",
    "PAYLOAD_BITS",
    "Watermarker",
    "decode_payload",
    "encode_payload",
]
