"""Reading untrusted images safely, and the hashes the ledger keys them by.

Every stage that touches image bytes from outside (verify, similar search)
goes through :func:`open_image`, so the limits on size and pixel count are
in one place.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, UnidentifiedImageError

from safegen.errors import ImageInputError

MAX_FILE_BYTES = 200 * 1024 * 1024
"""Files larger than this are refused before decoding."""

MAX_PIXELS = 50_000_000
"""Declared width x height above this is a decompression bomb (about 7000 x 7000)."""


@dataclass(frozen=True)
class ImageHashes:
    """The identifiers one image is recorded under."""

    pixel_sha256: str
    phash: int

    @property
    def phash_hex(self) -> str:
        return f"{self.phash:016x}"


def open_image(data: bytes, *, name: str = "image") -> Image.Image:
    """Decode ``data`` into an RGB image, or raise :class:`ImageInputError`.

    Why check before decoding: PIL reads the header lazily, so the declared
    size can be refused before a single pixel buffer is allocated.
    """
    if len(data) == 0:
        raise ImageInputError(f"{name}: empty file (0 bytes)")
    if len(data) > MAX_FILE_BYTES:
        raise ImageInputError(f"{name}: file is larger than {MAX_FILE_BYTES // 2**20} MiB")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
            width, height = img.size
            if width * height > MAX_PIXELS:
                raise ImageInputError(
                    f"{name}: declared size {width}x{height} exceeds the "
                    f"{MAX_PIXELS:,}-pixel limit (possible decompression bomb)"
                )
            img.load()
            return to_rgb(img)
    except ImageInputError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageInputError(f"{name}: decompression bomb refused ({exc})") from exc
    except UnidentifiedImageError as exc:
        raise ImageInputError(f"{name}: not a recognised image format") from exc
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise ImageInputError(f"{name}: corrupt or truncated image ({exc})") from exc


def to_rgb(img: Image.Image) -> Image.Image:
    """Flatten any mode (palette, alpha, 16-bit, CMYK) to 8-bit RGB."""
    if img.mode == "RGB":
        return img
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        arr = np.asarray(img, dtype=np.float64)
        top = 65535.0 if arr.max() > 255 else 255.0
        return Image.fromarray((arr / top * 255.0).round().astype(np.uint8)).convert("RGB")
    return img.convert("RGB")


def pixel_sha256(img: Image.Image) -> str:
    """sha256 over the decoded RGB pixels and the size: stable across PNG re-encodes."""
    rgb = to_rgb(img)
    digest = hashlib.sha256()
    digest.update(f"RGB8:{rgb.width}x{rgb.height}:".encode())
    digest.update(rgb.tobytes())
    return digest.hexdigest()


PHASH_SIDE = 32
"""pHash: the image in grey at 32x32 (Lanczos), its 8x8 lowest DCT frequencies."""


def _dct_matrix(n: int) -> np.ndarray:
    """scipy.fftpack's unnormalised DCT-II as a matrix: y[k] = 2 sum x[i] cos(pi k (2i+1) / 2n)."""
    k = np.arange(n)[:, None]
    i = np.arange(n)[None, :]
    return 2.0 * np.cos(np.pi * k * (2 * i + 1) / (2 * n))


_DCT = _dct_matrix(PHASH_SIDE)


def perceptual_hash(img: Image.Image) -> int:
    """64-bit DCT pHash, as an unsigned integer: bit for bit imagehash's ``phash``.

    The same steps as imagehash (grey, 32x32 Lanczos, 2-D DCT-II, the 8x8 lowest
    frequencies against their median, row by row), with the DCT as a matrix
    product: imagehash's scipy import alone costs ``safegen verify`` 160 ms.
    tests/test_hostile.py checks the two agree on photos, generated and odd images.
    """
    grey = to_rgb(img).convert("L").resize((PHASH_SIDE, PHASH_SIDE), Image.Resampling.LANCZOS)
    pixels = np.asarray(grey, dtype=np.float64)
    # Rounded: on flat images the FFT gives exact zeros where a matrix product leaves
    # 1e-11, and the comparison with the median must not turn on that noise.
    low = np.round((_DCT @ pixels @ _DCT.T)[:8, :8], 6)
    bits = (low > np.median(low)).flatten()
    value = 0
    for bit in bits:
        value = (value << 1) | int(bit)
    return value


def hash_image(img: Image.Image) -> ImageHashes:
    return ImageHashes(pixel_sha256=pixel_sha256(img), phash=perceptual_hash(img))


OUTPUT_FORMATS = {
    "png": ("PNG", "image/png", ".png"),
    "jpeg": ("JPEG", "image/jpeg", ".jpg"),
    "webp": ("WEBP", "image/webp", ".webp"),
}
"""Output formats: name -> (PIL format, MIME type, file extension)."""


def encode_image(img: Image.Image, fmt: str) -> bytes:
    """PNG (lossless, :func:`encode_png`), or JPEG / WebP at quality 95 (the watermark
    survives far lower)."""
    if fmt == "png":
        return encode_png(np.asarray(to_rgb(img)))
    buf = io.BytesIO()
    to_rgb(img).save(buf, format=OUTPUT_FORMATS[fmt][0], quality=95)
    return buf.getvalue()


def _png_chunk(tag: bytes, data: bytes) -> bytes:
    import zlib

    crc = zlib.crc32(tag + data) & 0xFFFFFFFF
    return len(data).to_bytes(4, "big") + tag + data + crc.to_bytes(4, "big")


def _paeth_rows(rgb: np.ndarray) -> bytes:
    """Every row Paeth-filtered (PNG filter type 4), vectorised over the whole image.

    With a = left, b = up, c = up-left and p = a + b - c: |p - a| = |b - c|,
    |p - b| = |a - c|, |p - c| = |a + b - 2c|; ties prefer a, then b (the PNG spec).
    OpenCV's saturating kernels do it in about a third of numpy's time: the
    first two distances fit in uint8, the third is taken in int16 and clipped
    at 255, which leaves every comparison with a uint8 distance unchanged.
    """
    import cv2

    height, width, channels = rgb.shape
    rows = rgb.reshape(height, width * channels)
    padded = np.zeros((height + 1, (width + 1) * channels), np.uint8)
    padded[1:, channels:] = rows
    left, up, up_left = padded[1:, :-channels], padded[:-1, channels:], padded[:-1, :-channels]
    to_left = cv2.absdiff(up, up_left)
    to_up = cv2.absdiff(left, up_left)
    wide = padded.astype(np.int16)
    to_up_left = cv2.convertScaleAbs(
        cv2.absdiff(
            cv2.add(wide[1:, :-channels], wide[:-1, channels:]),
            cv2.add(wide[:-1, :-channels], wide[:-1, :-channels]),
        )
    )
    predicted = up_left.copy()
    cv2.copyTo(up, cv2.compare(to_up, to_up_left, cv2.CMP_LE), predicted)
    left_wins = cv2.bitwise_and(
        cv2.compare(to_left, to_up, cv2.CMP_LE), cv2.compare(to_left, to_up_left, cv2.CMP_LE)
    )
    cv2.copyTo(left, left_wins, predicted)
    out = np.empty((height, width * channels + 1), np.uint8)
    out[:, 0] = 4
    np.subtract(rows, predicted, out=out[:, 1:])  # mod 256
    return out.tobytes()


def encode_png(rgb: np.ndarray, level: int = 5) -> bytes:
    """An 8-bit RGB PNG: Paeth-filtered rows, deflated by libdeflate.

    Why not Pillow's encoder: PNG encoding was about half of safegen's own cost
    per image (zlib at level 6 with adaptive filters, 45 ms at 512x512).
    Paeth on every row and libdeflate at level 5 make files 0.3% smaller in
    about a third of the time (benchmarks/overhead.py; level 6 saves another
    0.5% for 20% more time). Any PNG reader
    decodes the result; it carries no metadata (C2PA adds its own chunk).
    """
    import deflate

    height, width = rgb.shape[:2]
    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    body = bytes(deflate.zlib_compress(_paeth_rows(np.ascontiguousarray(rgb[..., :3])), level))
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", body)
        + _png_chunk(b"IEND", b"")
    )


def read_input_image(
    source: str | Path | bytes, *, name: str = "init image"
) -> tuple[bytes, Image.Image]:
    """Bytes and decoded RGB image of a user-supplied input, with the same limits as verify."""
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
    else:
        name = str(source)
        try:
            with open(source, "rb") as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise ImageInputError(f"{name}: cannot read ({exc.strerror})") from exc
    return data, open_image(data, name=name)


def mime_of(data: bytes) -> str | None:
    """The MIME type of encoded image bytes, from their signature."""
    signatures = (
        (b"\x89PNG\r\n\x1a\n", "image/png"),
        (b"\xff\xd8\xff", "image/jpeg"),
        (b"GIF8", "image/gif"),
        (b"BM", "image/bmp"),
    )
    for magic, mime in signatures:
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    return None


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()
