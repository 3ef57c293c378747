"""Hostile and odd input: every file gets a verdict or a one-line error (exit 65), in bounded
time, and a batch goes on past bad files. Plus a fuzz target for image reading and manifests."""

from __future__ import annotations

import io
import json
import os
import struct
import time
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from safegen import Config
from safegen.errors import ImageInputError, InvalidRequest
from safegen.imaging import open_image
from safegen.provenance import ManifestReader
from safegen.verify import Verifier

FUZZ_EXAMPLES = int(os.environ.get("SAFEGEN_FUZZ_EXAMPLES", "150"))
"""Short in CI; `SAFEGEN_FUZZ_EXAMPLES=20000 pytest tests/test_hostile.py` for a long run."""


def _png(image: Image.Image, **options: object) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PNG", **options)
    return buf.getvalue()


def _bomb_png(width: int, height: int) -> bytes:
    """A valid PNG header declaring a huge image, with one tiny IDAT."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def _photo(size: int = 96) -> Image.Image:
    rng = np.random.default_rng(3)
    return Image.fromarray((rng.random((size, size, 3)) * 255).astype(np.uint8))


def _cases(folder: Path) -> dict[str, tuple[Path, str]]:
    """name -> (file, expected verdict)."""
    photo = _photo()
    cases: dict[str, tuple[bytes, str]] = {
        "empty.png": (b"", "error"),
        "random.png": (os.urandom(4096), "error"),
        "truncated.png": (_png(photo)[:300], "error"),
        "bomb.png": (_bomb_png(100_000, 100_000), "error"),
        "text.jpg": (b"this is not a jpeg at all\n" * 10, "error"),
        "sixteen-bit.png": (
            _png(
                Image.fromarray((np.arange(96 * 96).reshape(96, 96) * 7 % 65535).astype(np.uint16))
            ),
            "unknown",
        ),
        "palette.png": (_png(photo.convert("P", palette=Image.Palette.ADAPTIVE)), "unknown"),
        "alpha.png": (_png(photo.convert("RGBA")), "unknown"),
    }
    buf = io.BytesIO()
    photo.convert("CMYK").save(buf, format="JPEG")
    cases["cmyk.jpg"] = (buf.getvalue(), "unknown")
    frames = [_photo(64), Image.new("RGB", (64, 64), (200, 0, 0))]
    for fmt, name in (("GIF", "animated.gif"), ("WEBP", "animated.webp")):
        buf = io.BytesIO()
        frames[0].save(buf, format=fmt, save_all=True, append_images=frames[1:], duration=100)
        cases[name] = (buf.getvalue(), "unknown")
    buf = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated 90 degrees
    photo.save(buf, format="JPEG", exif=exif)
    cases["exif-rotated.jpg"] = (buf.getvalue(), "unknown")
    paths = {}
    for name, (data, verdict) in cases.items():
        (folder / name).write_bytes(data)
        paths[name] = (folder / name, verdict)
    loop = folder / "loop.png"
    loop.symlink_to(loop)
    paths["loop.png"] = (loop, "error")
    return paths


def test_every_odd_file_gets_the_right_verdict_quickly(tmp_path: Path) -> None:
    verifier = Verifier(Config(home=tmp_path / "home"), use_ledger=False)
    for name, (path, verdict) in _cases(tmp_path).items():
        start = time.perf_counter()
        report = verifier.verify_path(path)
        seconds = time.perf_counter() - start
        assert report.verdict == verdict, (name, report.error, report.reasons)
        if verdict == "error":
            assert report.error and "\n" not in report.error, name
        assert seconds < 5, (name, seconds)  # bounded: no file makes verify hang


def test_open_image_refuses_bombs_before_allocating() -> None:
    with pytest.raises(ImageInputError, match="decompression bomb"):
        open_image(_bomb_png(60_000, 60_000), name="bomb.png")


def test_a_batch_goes_on_past_bad_files(tmp_path: Path, home: Path) -> None:
    from test_cli import no_traceback, run

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(2000):
        (folder / f"{i:04d}.png").write_bytes(os.urandom(64))
    _cases(folder)
    start = time.perf_counter()
    proc = run("verify", str(folder), "--json", "--no-ledger", home=home)
    elapsed = time.perf_counter() - start
    no_traceback(proc)
    reports = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(reports) == 2000 + 13 and proc.returncode == 65
    assert sum(r["verdict"] == "error" for r in reports) == 2000 + 6
    assert elapsed < 120


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.png"
    path.write_bytes(_png(_photo()))
    path.chmod(0)
    report = Verifier(Config(home=tmp_path / "h"), use_ledger=False).verify_path(path)
    assert report.verdict == "error" and "cannot read" in report.error


def test_prompt_limits(safegen_factory, tmp_path: Path) -> None:
    gen = safegen_factory(f"sqlite:///{tmp_path / 'l.db'}")
    with pytest.raises(InvalidRequest, match="limit is 20,000"):
        gen.generate("a" * 1_000_000, steps=1)
    # Control characters, bidi overrides and every plane: evaluated, not crashed on.
    odd = "a\x00b\u202e\U0001f600\U000e0041" + "".join(chr(c) for c in range(0x20, 0x2FFFF, 97))
    decision = gen.policy.evaluate(odd[:20_000])
    assert decision.action in ("allow", "review", "block")


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_fuzz_open_image_random_bytes(data: bytes) -> None:
    try:
        image = open_image(data, name="fuzz")
    except ImageInputError as exc:
        assert str(exc).startswith("fuzz:")
    else:
        assert image.mode == "RGB"


_SEED_PNG = _png(_photo(32))


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(_SEED_PNG) - 1), st.integers(0, 255)), max_size=8))
def test_fuzz_open_image_mutated_png(edits: list[tuple[int, int]]) -> None:
    data = bytearray(_SEED_PNG)
    for index, value in edits:
        data[index] = value
    try:
        open_image(bytes(data), name="fuzz")
    except ImageInputError:
        pass


@pytest.fixture(scope="module")
def signed_png(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    from safegen.provenance import build_manifest, local_signer

    keys = tmp_path_factory.mktemp("keys")
    signer, _ = local_signer(keys)
    manifest = build_manifest(
        title="f.png",
        mime="image/png",
        generation={"generation_id": "g", "asset_id": "a"},
        model={"name": "m", "revision": "r"},
        soft_binding_alg="x",
        watermark_id=3,
    )
    return signer.sign(_png(_photo(32)), "image/png", manifest).data, (
        keys / "root-ca.pem"
    ).read_bytes()


def test_fuzz_manifest_reader(signed_png: tuple[bytes, bytes]) -> None:
    """Mutated signed PNGs: the reader answers with a state, never an exception."""
    data, root = signed_png
    reader = ManifestReader(root)
    rng = np.random.default_rng(11)
    states = set()
    for _ in range(FUZZ_EXAMPLES):
        mutated = bytearray(data)
        for index in rng.integers(0, len(data), size=int(rng.integers(1, 6))):
            mutated[int(index)] = int(rng.integers(0, 256))
        states.add(reader.read(bytes(mutated), "image/png").state)
    assert states <= {"trusted", "valid", "invalid", "unreadable", "absent"}
    assert "invalid" in states or "unreadable" in states


def test_the_phash_is_imagehashs_bit_for_bit() -> None:
    """safegen computes the pHash without scipy; stored hashes must not change meaning."""
    import imagehash
    import numpy as np
    from PIL import Image

    from safegen.imaging import perceptual_hash

    def reference(image: Image.Image) -> int:
        value = 0
        for bit in imagehash.phash(image.convert("RGB"), hash_size=8).hash.flatten():
            value = (value << 1) | int(bit)
        return value

    rng = np.random.default_rng(3)
    images = []
    for i in range(240):
        height, width = (int(v) for v in rng.integers(8, 300, 2))
        if i % 3 == 0:  # smooth, photo-like
            low = rng.uniform(0, 255, (4, 4, 3)).astype(np.uint8)
            images.append(Image.fromarray(low).resize((width, height), Image.Resampling.BICUBIC))
        elif i % 3 == 1:  # noise
            images.append(Image.fromarray(rng.integers(0, 256, (height, width, 3), np.uint8)))
        else:  # flat: every AC coefficient is zero, the median tie must break the same way
            colour = tuple(int(c) for c in rng.integers(0, 256, 3))
            images.append(Image.new("RGB", (width, height), colour))
    images.append(Image.effect_mandelbrot((128, 128), (-2, -1.5, 1, 1.5), 30).convert("RGB"))
    assert [perceptual_hash(im) for im in images] == [reference(im) for im in images]


def test_safegens_png_encoder_is_lossless_and_read_by_pillow() -> None:
    import io

    import numpy as np
    from PIL import Image

    from safegen.imaging import encode_png

    rng = np.random.default_rng(5)
    images = [
        rng.integers(0, 256, shape, dtype=np.uint8)
        for shape in [(256, 256, 3), (300, 517, 3), (1, 1, 3), (2048, 8, 3), (7, 3, 3)]
    ]
    # Paeth's ties (flat areas, ramps, two-level edges) and its extremes (0 next to 255,
    # where a + b - 2c leaves uint8's range) are where a wrong predictor shows.
    ramp = np.add.outer(np.arange(64), np.arange(96)).astype(np.uint8)
    images += [
        np.zeros((33, 40, 3), np.uint8),
        np.full((16, 16, 3), 255, np.uint8),
        np.repeat(ramp[..., None], 3, axis=2),
        (rng.integers(0, 2, (50, 70, 3)) * 255).astype(np.uint8),
        rng.integers(0, 3, (64, 64, 3), dtype=np.uint8),
    ]
    for pixels in images:
        decoded = Image.open(io.BytesIO(encode_png(pixels)))
        assert decoded.format == "PNG" and decoded.mode == "RGB"
        assert np.array_equal(np.asarray(decoded), pixels)
