"""Watermark: the checked payload, exact round trips, and unmarked images reading as unmarked."""

from __future__ import annotations

import random

import numpy as np
import pytest
from PIL import Image, ImageFilter

from safegen.errors import WatermarkError
from safegen.watermark import PAYLOAD_BITS, InvisibleWatermarker, decode_payload, encode_payload


def test_payload_round_trip_and_check() -> None:
    for watermark_id in (1, 2**31, 2**32 - 1, 123456789):
        bits = encode_payload(watermark_id)
        assert len(bits) == PAYLOAD_BITS
        assert decode_payload(bits) == watermark_id
        for flip in (0, 20, 40):
            damaged = list(bits)
            damaged[flip] ^= 1
            assert decode_payload(damaged) is None
    with pytest.raises(WatermarkError):
        encode_payload(0)
    with pytest.raises(WatermarkError):
        encode_payload(2**32)


def test_random_bits_rarely_pass_the_check() -> None:
    rng = random.Random(1)
    passed = sum(
        decode_payload([rng.getrandbits(1) for _ in range(PAYLOAD_BITS)]) is not None
        for _ in range(20_000)
    )
    assert passed <= 3  # expected 20000 / 65536 ≈ 0.3


def _photo_like(seed: int, size: int = 256) -> Image.Image:
    rng = np.random.default_rng(seed)
    low = rng.uniform(0, 255, (8, 8, 3)).astype(np.uint8)
    img = Image.fromarray(low).resize((size, size), Image.Resampling.BICUBIC)
    noise = rng.normal(0, 6, (size, size, 3))
    return Image.fromarray(np.clip(np.asarray(img) + noise, 0, 255).astype(np.uint8))


@pytest.mark.parametrize("size", [256, 384, 512])
def test_exact_round_trip_on_clean_png(size: int, builtin_backend) -> None:  # type: ignore[no-untyped-def]
    from safegen.backends import BackendRequest

    marker = InvisibleWatermarker()
    generated = builtin_backend.generate(
        BackendRequest("a cat", None, (size,), width=size, height=size, steps=2)
    )[0]
    for image, watermark_id in ((generated, 3_000_000_001), (_photo_like(size), 77)):
        marked = marker.embed(image, watermark_id)
        assert marked.size == image.size
        result = marker.decode(marked)
        assert result.watermark_id == watermark_id
        assert result.confidence == 1.0


def test_unmarked_images_decode_to_nothing() -> None:
    marker = InvisibleWatermarker()
    images = [_photo_like(seed) for seed in range(12)]
    images += [
        Image.effect_mandelbrot((256, 256), (-2, -1.5, 1, 1.5), 30 + i).convert("RGB")
        for i in range(4)
    ]
    images += [Image.new("RGB", (300, 300), (i * 40, 100, 200 - i * 30)) for i in range(4)]
    images += [_photo_like(99).filter(ImageFilter.GaussianBlur(3))]
    assert [marker.decode(img).watermark_id for img in images] == [None] * len(images)


def test_small_images_are_refused_when_embedding() -> None:
    with pytest.raises(WatermarkError, match="too small"):
        InvisibleWatermarker().embed(Image.new("RGB", (128, 128)), 5)
    assert InvisibleWatermarker().decode(Image.new("RGB", (64, 64))).watermark_id is None


def test_flat_patterns_are_not_payloads() -> None:
    assert decode_payload([0] * PAYLOAD_BITS) is None
    assert decode_payload([1] * PAYLOAD_BITS) is None


@pytest.mark.parametrize("method", ["dwtDctSvd", "dwtDct"])
def test_same_pixels_as_the_librarys_public_encoder(method: str) -> None:
    """The torch-free loading path must embed exactly what invisible-watermark's API embeds."""
    from imwatermark import WatermarkDecoder, WatermarkEncoder

    image = _photo_like(5, 320)
    ours = np.asarray(InvisibleWatermarker(method).embed(image, 4242))
    encoder = WatermarkEncoder()
    encoder.set_watermark("bits", encode_payload(4242))
    theirs = encoder.encode(np.ascontiguousarray(np.asarray(image)[:, :, ::-1]), method)[:, :, ::-1]
    assert np.array_equal(ours, theirs)
    bits = WatermarkDecoder("bits", PAYLOAD_BITS).decode(
        np.ascontiguousarray(theirs[:, :, ::-1]), method
    )
    ours_decoded = InvisibleWatermarker(method).decode(Image.fromarray(ours)).watermark_id
    assert decode_payload([int(b) for b in bits]) == ours_decoded
    if method == "dwtDctSvd":  # dwtDct loses bits to 8-bit rounding even on clean output
        assert ours_decoded == 4242


@pytest.mark.parametrize("method", ["safegen", "dwtDctSvd"])
def test_decoding_does_not_import_torch(method: str) -> None:
    """verify reads watermarks without paying torch's start-up cost."""
    import subprocess
    import sys

    code = (
        "import sys; from PIL import Image; from safegen.watermark import load_watermarker; "
        f"load_watermarker({method!r}).decode(Image.new('RGB', (256, 256))); "
        "print('torch' in sys.modules)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "False"
