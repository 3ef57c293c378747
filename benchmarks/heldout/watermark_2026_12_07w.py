"""Held-out watermark test set, round 2026-12-07w (blind, frozen).

PROVENANCE
Written blind by an independent tester. Files read: /work/main/pyproject.toml,
/work/main/safegen/backends/__init__.py, /work/main/safegen/backends/base.py and
/work/main/safegen/backends/builtin.py (only to learn how to call the built-in model); the
sample images shipped inside installed packages, located with importlib.util.find_spec (the
listings and image files of .venv/lib/python3.11/site-packages/skimage/data/ and
sklearn/datasets/images/); and the top-level listing of /work/main. Not opened, grepped,
listed or imported: anything under /work/main/safegen/watermark/, /work/main/docs/,
/work/main/tests/ or /work/main/benchmarks/ (other than this file and its cache_w/ folder),
README.md, any issue tracker, /work/before, /work/after, /work/exp, or anything under /tmp
not written by the tester. No git command, no watermark encoder or decoder and no `issues`
command was run. Every parameter was chosen before and without seeing any watermark result;
the module was run only to check its own outputs (shapes, dtypes, contiguity, determinism,
every attack on a 256x256 image and on the largest image, unmarked(300)) and to generate the
built-in model's images once.

FROZEN
This file is never edited, not even for style: its sha256 is its identity.

SOURCES
Photos: the sample images shipped inside installed packages, located with
importlib.util.find_spec (no package is imported): scikit-image's skimage/data/
(astronaut, chelsea, coffee, hubble_deep_field, ihc, motorcycle_left, motorcycle_right,
retina, rocket, camera, moon, and for unmarked() also brick, grass, gravel, coins,
clock_motion, cell, horse, page, text) and scikit-learn's sklearn/datasets/images/
(china, flower). Each test photo is a fixed crop, rescale and tone change of one of them;
enlarged photos get seeded grain. Generated images: safegen.backends.builtin.BuiltinBackend
(the offline built-in model) at its native 256x256, with this file's own prompts and seeds,
cached as PNG in CACHE_DIR (regenerated when absent). Screenshots, graphics, screen-capture
pages, unmarked drawings and edge cases are drawn here with numpy and OpenCV; encoded files
are written with Pillow, OpenCV, or by hand (zlib, struct). Only numpy, Pillow, OpenCV and the
built-in model are used.

INTERFACE
ROUND = "2026-12-07w"; CACHE_DIR = Path(__file__).resolve().parent / "cache_w"
images() -> list[(name, image_class, rgb)]: image_class in {"photo", "generated", "graphic",
    "screenshot"}; rgb is a C-contiguous uint8 (H, W, 3) array.
attacks() -> list[(name, fn)]: fn(rgb) -> new C-contiguous uint8 (H', W', 3) array;
    deterministic (noise is seeded from the attack name and the image's shape and bytes);
    the first attack is "none" (a copy).
unmarked(n=10000, seed=2026120723) -> iterator of (name, rgb): item i depends only on
    np.random.default_rng([seed, i]) and the fixed package sample images; both sides in
    96..1100.
edge_cases() -> list[(name, rgb)]: awkward uint8 RGB arrays.
edge_case_files() -> list[(name, bytes)]: awkward encoded files, byte-identical per run.

IMAGES
28 images (18 photo, 6 generated, 2 screenshot, 2 graphic):
photo_china_16x9_1913 (photo, 1913x1076)
photo_flower_4x3_1187 (photo, 1187x890)
photo_astronaut_portrait_523 (photo, 523x746)
photo_coffee_5x4_733 (photo, 733x586)
photo_rocket_portrait_283 (photo, 283x447)
photo_retina_2x1_1360 (photo, 1360x680)
photo_hubble_5x4_962 (photo, 962x770)
photo_motorcycle_panorama_1977 (photo, 1977x659)
photo_chelsea_small_433 (photo, 433x289)
photo_ihc_square_251 (photo, 251x251)
photo_camera_sepia_437 (photo, 437x583)
photo_moon_4x3_347 (photo, 347x260)
photo_china_4x3_1531 (photo, 1531x1149)
photo_flower_portrait_9x16_608 (photo, 608x1081)
photo_coffee_3x2_1003 (photo, 1003x669)
photo_astronaut_16x9_1283 (photo, 1283x722)
photo_rocket_3x2_587 (photo, 587x391)
photo_motorcycle_right_5x4_1013 (photo, 1013x810)
generated_misty_valley (generated, 256x256)
generated_desert_mesas (generated, 256x256)
generated_snowy_ridge (generated, 256x256)
generated_rolling_hills (generated, 256x256)
generated_sunset_bay (generated, 256x256)
generated_autumn_pond (generated, 256x256)
screenshot_file_manager (screenshot, 1283x797)
screenshot_video_player (screenshot, 1117x629)
graphic_line_scatter_chart (graphic, 941x613)
graphic_flat_banner (graphic, 1207x389)

ATTACKS
86 attacks, in order:
none, flip_horizontal, flip_vertical, stretch_w_1.068, stretch_h_0.933, stretch_w_0.881,
stretch_h_1.137, stretch_w_1.093_h_0.961, squash_to_square, squash_to_5x4,
stretch_to_2.05x1, crop_centre_0.936, crop_centre_0.713_resized, crop_centre_0.523,
crop_offcentre_0.742_resized, crop_corner_tl_0.773, crop_corner_br_0.641_resized,
crop_corner_bl_0.583, crop_width_only_0.689, crop_height_only_0.807_resized,
crop_w0.912_h0.617, crop_w0.553_h0.884_resized, rotate_+1.7_black, rotate_-3.3_white,
rotate_+6.1_reflect, rotate_-9.4_black, rotate_+4.6_expand,
rotate_-7.2_expand_white_resized, straighten_+2.8, straighten_-5.3, rotate_+8.7_inner_rect,
rotate_-0.9_inner_rect_resized, rotate_+3.9_reflect_crop_0.842,
rotate_-6.6_crop_offcentre_resized, pad_black_0.063, pad_white_0.171_resized,
pad_uneven_blue, pad_reflect_uneven_resized, caption_band_bottom, caption_band_top_resized,
frame_overlay, logo_overlay, letterbox_to_4x5, pillarbox_to_16x9_resized, jpeg_31_420,
jpeg_63_444, jpeg_74_420, jpeg_89_444, webp_52, webp_87, downscale_0.413, down_0.527_up,
down_0.783_up_linear, upscale_1.37, upscale_1.61_lanczos, social_feed_crop_1080_jpeg76,
social_story_crop_jpeg71, messenger_forwarded_twice, screen_browser_png,
screen_gallery_jpeg, screen_phone_app_png, screen_document_viewer_jpeg, screen_slide_png,
blur_gaussian_1.3, sharpen_unsharp_1.6, median_3, noise_gaussian_4.7, brightness_+23,
contrast_1.27, gamma_0.73, gamma_1.38, saturation_1.46, saturation_0.41, greyscale,
combo_crop_0.83_jpeg_68, combo_straighten_+2.3_jpeg_77, combo_flip_h_crop_0.79_resized,
combo_stretch_w_1.058_jpeg_58, combo_pad_white_0.091_down_0.71,
combo_brightness_+14_contrast_1.18_jpeg_81, combo_blur_1.1_webp_64,
combo_greyscale_jpeg_72_444, combo_down_0.57_sharpen_jpeg_83,
combo_rotate_-4.1_expand_crop_0.88_resized, combo_saturation_1.3_gamma_0.86_crop_0.92,
combo_flip_v_webp_78_noise_2.9
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import math
import os
import struct
import zlib
from collections.abc import Callable, Iterator
from functools import cache, partial
from pathlib import Path
from typing import NamedTuple

import cv2
import numpy as np
from PIL import Image

ROUND = "2026-12-07w"
CACHE_DIR = Path(__file__).resolve().parent / "cache_w"

Attack = Callable[[np.ndarray], np.ndarray]
Colour = tuple[int, int, int]

FONT = cv2.FONT_HERSHEY_SIMPLEX
FONT_BOLD = cv2.FONT_HERSHEY_DUPLEX

# --------------------------------------------------------------------------- sample images

SAMPLE_FILES: dict[str, tuple[str, str]] = {
    "astronaut": ("skimage", "data/astronaut.png"),
    "chelsea": ("skimage", "data/chelsea.png"),
    "coffee": ("skimage", "data/coffee.png"),
    "hubble": ("skimage", "data/hubble_deep_field.jpg"),
    "ihc": ("skimage", "data/ihc.png"),
    "motorcycle_left": ("skimage", "data/motorcycle_left.png"),
    "motorcycle_right": ("skimage", "data/motorcycle_right.png"),
    "retina": ("skimage", "data/retina.jpg"),
    "rocket": ("skimage", "data/rocket.jpg"),
    "camera": ("skimage", "data/camera.png"),
    "moon": ("skimage", "data/moon.png"),
    "brick": ("skimage", "data/brick.png"),
    "grass": ("skimage", "data/grass.png"),
    "gravel": ("skimage", "data/gravel.png"),
    "coins": ("skimage", "data/coins.png"),
    "clock_motion": ("skimage", "data/clock_motion.png"),
    "cell": ("skimage", "data/cell.png"),
    "horse": ("skimage", "data/horse.png"),
    "page": ("skimage", "data/page.png"),
    "text": ("skimage", "data/text.png"),
    "china": ("sklearn", "datasets/images/china.jpg"),
    "flower": ("sklearn", "datasets/images/flower.jpg"),
}

UNMARKED_PHOTO_SOURCES: tuple[str, ...] = (
    "astronaut",
    "chelsea",
    "coffee",
    "hubble",
    "ihc",
    "motorcycle_left",
    "motorcycle_right",
    "retina",
    "rocket",
    "camera",
    "moon",
    "brick",
    "grass",
    "gravel",
    "coins",
    "clock_motion",
    "cell",
    "horse",
    "china",
    "flower",
    "china",
    "flower",
    "coffee",
    "astronaut",
)
UNMARKED_PAGE_SOURCES: tuple[str, ...] = ("page", "text")


def _package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"package {package!r} is not installed; it ships the sample images")
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def _sample(name: str) -> np.ndarray:
    """A package sample image as read-only RGB (alpha composited on white, grey repeated)."""
    package, relative = SAMPLE_FILES[name]
    with Image.open(_package_dir(package) / relative) as image:
        image.load()
        if image.mode in ("RGBA", "LA", "P", "PA"):
            rgba = image.convert("RGBA")
            background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            background.alpha_composite(rgba)
            image = background
        array = np.ascontiguousarray(np.asarray(image.convert("RGB"), dtype=np.uint8))
    array.setflags(write=False)
    return array


# --------------------------------------------------------------------------- small helpers


def _out(array: np.ndarray) -> np.ndarray:
    """A new C-contiguous uint8 (H, W, 3) array."""
    array = np.asarray(array)
    if array.ndim == 2:
        array = np.repeat(array[:, :, None], 3, axis=2)
    return np.array(array[:, :, :3], dtype=np.uint8, order="C", copy=True)


def _clip8(array: np.ndarray) -> np.ndarray:
    return _out(np.clip(np.rint(array), 0, 255).astype(np.uint8))


def _seed_of(*parts: object) -> int:
    digest = hashlib.sha256()
    for part in parts:
        if isinstance(part, np.ndarray):
            digest.update(np.ascontiguousarray(part).data)
        elif isinstance(part, bytes):
            digest.update(part)
        else:
            digest.update(repr(part).encode())
        digest.update(b"\x00")
    return int.from_bytes(digest.digest()[:8], "little")


def _rng_for(name: str, rgb: np.ndarray) -> np.random.Generator:
    """Noise for an attack: seeded from the attack's name and the image's shape and bytes."""
    return np.random.default_rng(_seed_of(name, tuple(rgb.shape), rgb))


def _resize(
    rgb: np.ndarray, width: int, height: int, interpolation: int | None = None
) -> np.ndarray:
    width, height = max(1, int(round(width))), max(1, int(round(height)))
    if (height, width) == rgb.shape[:2]:
        return _out(rgb)
    if interpolation is None:
        shrinking = width * height < rgb.shape[0] * rgb.shape[1]
        interpolation = cv2.INTER_AREA if shrinking else cv2.INTER_CUBIC
    return _out(cv2.resize(np.ascontiguousarray(rgb), (width, height), interpolation=interpolation))


def _scale(rgb: np.ndarray, factor: float, interpolation: int | None = None) -> np.ndarray:
    h, w = rgb.shape[:2]
    return _resize(rgb, w * factor, h * factor, interpolation)


def _resize_like(out: np.ndarray, like: np.ndarray) -> np.ndarray:
    return _resize(out, like.shape[1], like.shape[0])


def _fit(rgb: np.ndarray, max_w: int, max_h: int, allow_up: bool) -> np.ndarray:
    h, w = rgb.shape[:2]
    factor = min(max_w / w, max_h / h)
    if not allow_up:
        factor = min(factor, 1.0)
    return _resize(rgb, max(1, round(w * factor)), max(1, round(h * factor)))


def _paste(canvas: np.ndarray, image: np.ndarray, x: int, y: int) -> None:
    """Copy ``image`` onto ``canvas`` with its top-left at (x, y), clipped to the canvas."""
    ch, cw = canvas.shape[:2]
    ih, iw = image.shape[:2]
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(cw, x + iw), min(ch, y + ih)
    if x1 > x0 and y1 > y0:
        canvas[y0:y1, x0:x1] = image[y0 - y : y1 - y, x0 - x : x1 - x]


def _text(
    canvas: np.ndarray,
    text: str,
    x: int,
    y: int,
    scale: float,
    colour: Colour,
    thickness: int = 1,
    font: int = FONT,
) -> None:
    cv2.putText(canvas, text, (int(x), int(y)), font, scale, colour, thickness, cv2.LINE_AA)


def _luma(rgb: np.ndarray) -> np.ndarray:
    f = rgb.astype(np.float32)
    return 0.299 * f[:, :, 0] + 0.587 * f[:, :, 1] + 0.114 * f[:, :, 2]


# --------------------------------------------------------------------------- codecs


def _decode(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as image:
        return _out(np.asarray(image.convert("RGB")))


def _jpeg(rgb: np.ndarray, quality: int, subsampling: str = "4:2:0") -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(rgb)).save(
        buffer,
        "JPEG",
        quality=quality,
        subsampling={"4:4:4": 0, "4:2:2": 1, "4:2:0": 2}[subsampling],
    )
    return _decode(buffer.getvalue())


def _webp(rgb: np.ndarray, quality: int) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(rgb)).save(buffer, "WEBP", quality=quality, method=4)
    return _decode(buffer.getvalue())


# --------------------------------------------------------------------------- tone operations


def _brightness(rgb: np.ndarray, offset: float) -> np.ndarray:
    return _clip8(rgb.astype(np.float32) + offset)


def _contrast(rgb: np.ndarray, factor: float) -> np.ndarray:
    mean = float(_luma(rgb).mean())
    return _clip8((rgb.astype(np.float32) - mean) * factor + mean)


def _gamma(rgb: np.ndarray, gamma: float) -> np.ndarray:
    table = np.clip(np.rint(255.0 * (np.arange(256) / 255.0) ** gamma), 0, 255).astype(np.uint8)
    return _out(table[rgb])


def _saturation(rgb: np.ndarray, factor: float) -> np.ndarray:
    grey = _luma(rgb)[:, :, None]
    return _clip8(grey + (rgb.astype(np.float32) - grey) * factor)


def _greyscale(rgb: np.ndarray) -> np.ndarray:
    return _clip8(np.repeat(_luma(rgb)[:, :, None], 3, axis=2))


def _tint(rgb: np.ndarray, gains: tuple[float, float, float]) -> np.ndarray:
    return _clip8(rgb.astype(np.float32) * np.asarray(gains, dtype=np.float32))


def _sepia(rgb: np.ndarray) -> np.ndarray:
    grey = _luma(rgb)[:, :, None] / 255.0
    tone = np.asarray([1.07, 0.93, 0.74], dtype=np.float32)
    return _clip8(255.0 * grey**1.06 * tone)


# --------------------------------------------------------------------------- filters


def _gauss_blur(rgb: np.ndarray, sigma: float) -> np.ndarray:
    return _out(cv2.GaussianBlur(rgb, (0, 0), sigma))


def _box_blur(rgb: np.ndarray, size: int) -> np.ndarray:
    return _out(cv2.blur(rgb, (size, size)))


def _median(rgb: np.ndarray, size: int) -> np.ndarray:
    return _out(cv2.medianBlur(np.ascontiguousarray(rgb), size))


def _unsharp(rgb: np.ndarray, sigma: float, amount: float) -> np.ndarray:
    blurred = cv2.GaussianBlur(rgb, (0, 0), sigma).astype(np.float32)
    return _clip8(rgb.astype(np.float32) * (1.0 + amount) - blurred * amount)


def _noise(rgb: np.ndarray, sigma: float, name: str) -> np.ndarray:
    rng = _rng_for(name, rgb)
    noise = rng.normal(0.0, sigma, size=rgb.shape).astype(np.float32)
    return _clip8(rgb.astype(np.float32) + noise)


# --------------------------------------------------------------------------- geometry


def _flip_h(rgb: np.ndarray) -> np.ndarray:
    return _out(rgb[:, ::-1])


def _flip_v(rgb: np.ndarray) -> np.ndarray:
    return _out(rgb[::-1])


def _stretch(rgb: np.ndarray, fx: float, fy: float) -> np.ndarray:
    h, w = rgb.shape[:2]
    return _resize(rgb, w * fx, h * fy)


def _to_aspect(rgb: np.ndarray, aspect: float) -> np.ndarray:
    """Squash or stretch to width / height == ``aspect``, keeping the area."""
    h, w = rgb.shape[:2]
    area = float(h * w)
    return _resize(rgb, math.sqrt(area * aspect), math.sqrt(area / aspect))


def _crop(
    rgb: np.ndarray, keep_x: float, keep_y: float, anchor_x: float, anchor_y: float
) -> np.ndarray:
    """Keep ``keep_x`` of the width and ``keep_y`` of the height; anchors place the crop in the
    slack (0 left/top, 0.5 centre, 1 right/bottom)."""
    h, w = rgb.shape[:2]
    cw, ch = max(1, round(w * keep_x)), max(1, round(h * keep_y))
    x0, y0 = round((w - cw) * anchor_x), round((h - ch) * anchor_y)
    return _out(rgb[y0 : y0 + ch, x0 : x0 + cw])


def _rotate(
    rgb: np.ndarray,
    degrees: float,
    fill: str = "black",
    expand: bool = False,
    zoom: float = 1.0,
    interpolation: int = cv2.INTER_LINEAR,
) -> np.ndarray:
    h, w = rgb.shape[:2]
    matrix = cv2.getRotationMatrix2D(((w - 1) / 2.0, (h - 1) / 2.0), degrees, zoom)
    out_w, out_h = w, h
    if expand:
        rad = math.radians(degrees)
        c, s = abs(math.cos(rad)), abs(math.sin(rad))
        out_w, out_h = int(math.ceil(w * c + h * s - 1e-6)), int(math.ceil(w * s + h * c - 1e-6))
        matrix[0, 2] += (out_w - w) / 2.0
        matrix[1, 2] += (out_h - h) / 2.0
    if fill == "reflect":
        border, value = cv2.BORDER_REFLECT_101, (0, 0, 0)
    elif fill == "white":
        border, value = cv2.BORDER_CONSTANT, (255, 255, 255)
    else:
        border, value = cv2.BORDER_CONSTANT, (0, 0, 0)
    return _out(
        cv2.warpAffine(
            rgb, matrix, (out_w, out_h), flags=interpolation, borderMode=border, borderValue=value
        )
    )


def _straighten(rgb: np.ndarray, degrees: float) -> np.ndarray:
    """Rotate and zoom in just enough that no border shows (same size: crop-to-fill)."""
    h, w = rgb.shape[:2]
    rad = math.radians(degrees)
    c, s = abs(math.cos(rad)), abs(math.sin(rad))
    zoom = max(c + (h / w) * s, c + (w / h) * s) * 1.003
    return _rotate(rgb, degrees, fill="reflect", zoom=zoom, interpolation=cv2.INTER_CUBIC)


def _largest_inner(w: int, h: int, rad: float) -> tuple[float, float]:
    """The largest axis-aligned rectangle inside a w x h rectangle rotated by ``rad``."""
    longer_is_w = w >= h
    side_long, side_short = (w, h) if longer_is_w else (h, w)
    s, c = abs(math.sin(rad)), abs(math.cos(rad))
    if side_short <= 2.0 * s * c * side_long or abs(s - c) < 1e-10:
        x = 0.5 * side_short
        return (x / s, x / c) if longer_is_w else (x / c, x / s)
    cos_2a = c * c - s * s
    return (w * c - h * s) / cos_2a, (h * c - w * s) / cos_2a


def _rotate_inner(rgb: np.ndarray, degrees: float) -> np.ndarray:
    """Rotate on an expanded canvas, then keep the largest rectangle with no border in it."""
    h, w = rgb.shape[:2]
    rotated = _rotate(rgb, degrees, expand=True)
    iw, ih = _largest_inner(w, h, math.radians(degrees))
    rh, rw = rotated.shape[:2]
    cw, ch = max(1, int(iw) - 2), max(1, int(ih) - 2)
    x0, y0 = (rw - cw) // 2, (rh - ch) // 2
    return _out(rotated[y0 : y0 + ch, x0 : x0 + cw])


def _pad(
    rgb: np.ndarray,
    top: float,
    bottom: float,
    left: float,
    right: float,
    colour: Colour | None = (0, 0, 0),
) -> np.ndarray:
    """Fractions of the height (top, bottom) and width (left, right); ``colour=None`` reflects."""
    h, w = rgb.shape[:2]
    t, b = round(h * top), round(h * bottom)
    lft, rgt = round(w * left), round(w * right)
    if colour is None:
        return _out(cv2.copyMakeBorder(rgb, t, b, lft, rgt, cv2.BORDER_REFLECT_101))
    return _out(cv2.copyMakeBorder(rgb, t, b, lft, rgt, cv2.BORDER_CONSTANT, value=colour))


def _canvas_aspect(rgb: np.ndarray, aspect: float, colour: Colour) -> np.ndarray:
    """Letterbox or pillarbox onto the smallest canvas of width / height == ``aspect``."""
    h, w = rgb.shape[:2]
    if w / h > aspect:
        new_h = round(w / aspect)
        top = (new_h - h) // 2
        return _out(
            cv2.copyMakeBorder(rgb, top, new_h - h - top, 0, 0, cv2.BORDER_CONSTANT, value=colour)
        )
    new_w = round(h * aspect)
    left = (new_w - w) // 2
    return _out(
        cv2.copyMakeBorder(rgb, 0, 0, left, new_w - w - left, cv2.BORDER_CONSTANT, value=colour)
    )


def _resize_long_side(rgb: np.ndarray, long_side: int) -> np.ndarray:
    h, w = rgb.shape[:2]
    return _scale(rgb, long_side / max(h, w))


# --------------------------------------------------------------------------- overlays


def _caption(
    rgb: np.ndarray, text: str, fraction: float, at_top: bool, background: Colour, ink: Colour
) -> np.ndarray:
    h, w = rgb.shape[:2]
    band_h = max(16, round(h * fraction))
    band = np.empty((band_h, w, 3), dtype=np.uint8)
    band[:] = background
    (tw, th), _ = cv2.getTextSize(text, FONT_BOLD, 1.0, 2)
    scale = max(0.25, min(0.52 * band_h / th, 0.9 * w / tw))
    thickness = max(1, round(scale * 1.7))
    (tw, th), _ = cv2.getTextSize(text, FONT_BOLD, scale, thickness)
    _text(band, text, (w - tw) // 2, (band_h + th) // 2, scale, ink, thickness, FONT_BOLD)
    parts = [band, rgb] if at_top else [rgb, band]
    return _out(np.concatenate(parts, axis=0))


def _frame_overlay(rgb: np.ndarray) -> np.ndarray:
    """A decorative frame drawn over the image edges (same size)."""
    out = _out(rgb)
    h, w = out.shape[:2]
    t = max(2, round(0.043 * min(h, w)))
    cv2.rectangle(out, (0, 0), (w - 1, h - 1), (211, 178, 96), t * 2)
    inset = t + max(2, t // 3)
    cv2.rectangle(out, (inset, inset), (w - 1 - inset, h - 1 - inset), (92, 61, 33), max(1, t // 4))
    radius = max(2, round(t * 0.8))
    for cx, cy in ((t, t), (w - 1 - t, t), (t, h - 1 - t), (w - 1 - t, h - 1 - t)):
        cv2.circle(out, (cx, cy), radius, (240, 228, 190), -1, cv2.LINE_AA)
    return out


def _logo_overlay(rgb: np.ndarray) -> np.ndarray:
    """A translucent handle badge in the bottom-right corner (same size)."""
    out = _out(rgb)
    h, w = out.shape[:2]
    text = "@northfield_pics"
    scale = max(0.3, min(h, w) / 640.0)
    thickness = max(1, round(scale * 1.5))
    (tw, th), _ = cv2.getTextSize(text, FONT, scale, thickness)
    pad = max(3, round(th * 0.45))
    x1, y1 = w - max(4, round(w * 0.027)), h - max(4, round(h * 0.031))
    x0, y0 = max(0, x1 - tw - 2 * pad), max(0, y1 - th - 2 * pad)
    badge = out.copy()
    cv2.rectangle(badge, (x0, y0), (x1, y1), (255, 255, 255), -1)
    _text(badge, text, x0 + pad, y1 - pad, scale, (37, 37, 41), thickness)
    return _out(cv2.addWeighted(badge, 0.61, out, 0.39, 0.0))


# --------------------------------------------------------------------------- chains


def _social_feed(rgb: np.ndarray) -> np.ndarray:
    """Crop ~90%, resize the long side to 1080, JPEG 76 (4:2:0)."""
    out = _crop(rgb, 0.903, 0.897, 0.5, 0.46)
    out = _resize_long_side(out, 1080)
    return _jpeg(out, 76)


def _social_story(rgb: np.ndarray) -> np.ndarray:
    """Crop ~88% off-centre, shrink (never enlarge) to a 1080 long side, JPEG 71."""
    out = _crop(rgb, 0.884, 0.917, 0.37, 0.58)
    h, w = out.shape[:2]
    if max(h, w) > 1080:
        out = _resize_long_side(out, 1080)
    return _jpeg(out, 71)


def _messenger(rgb: np.ndarray, forwards: int) -> np.ndarray:
    """Resize ~0.6x and JPEG ~60, once per forward."""
    out = rgb
    for step in range(forwards):
        out = _scale(out, 0.613)
        out = _jpeg(out, 61 if step == 0 else 57)
    return _out(out)


# --------------------------------------------------------------------------- screen captures

LOREM: tuple[str, ...] = (
    "The morning ferry left the north pier a little after six, with",
    "most of the deck still wet from the night rain. Along the coast",
    "the fishing sheds were shut, and only the bakery on Kvarn Street",
    "had its lights on. We walked the length of the breakwater twice",
    "before the fog lifted enough to see the lighthouse on Skarv",
    "island. By noon the harbour was full: two trawlers, a survey",
    "vessel and a dozen small boats waiting for the tide to turn.",
    "In the afternoon the wind dropped and the water went flat grey.",
)


def _lines(
    canvas: np.ndarray,
    x: int,
    y: int,
    step: int,
    scale: float,
    colour: Colour,
    count: int,
    max_chars: int,
) -> None:
    for i in range(count):
        line = LOREM[i % len(LOREM)][:max_chars]
        _text(canvas, line, x, y + i * step, scale, colour)


def _screen_browser(rgb: np.ndarray) -> np.ndarray:
    """A browser page with the image at its natural size (shrunk to fit); saved as PNG."""
    width, height = 1421, 887
    page = np.full((height, width, 3), 255, dtype=np.uint8)
    page[:41] = (222, 225, 230)
    cv2.rectangle(page, (9, 7), (253, 41), (255, 255, 255), -1)
    _text(page, "Harbour photos - Gallery", 21, 30, 0.47, (60, 64, 67))
    page[41:83] = (247, 248, 250)
    for cx in (27, 57, 87):
        cv2.circle(page, (cx, 62), 9, (150, 154, 160), -1, cv2.LINE_AA)
    cv2.rectangle(page, (119, 49), (1301, 76), (233, 236, 240), -1)
    _text(page, "https://northfield.example/gallery/2026/pier-4471", 139, 69, 0.5, (32, 33, 36))
    _text(page, "Evening on the north pier", 67, 131, 1.05, (24, 24, 24), 2)
    shown = _fit(rgb, 883, 611, allow_up=False)
    _paste(page, shown, 67, 157)
    _text(page, "Photo: R. Lindqvist, 2026", 67, 157 + shown.shape[0] + 27, 0.45, (110, 110, 110))
    _lines(page, 991, 179, 27, 0.42, (70, 70, 70), 19, 40)
    return _out(page)


def _screen_gallery(rgb: np.ndarray) -> np.ndarray:
    """A dark photo viewer, image fitted to the window (enlarged too); saved as JPEG 88."""
    width, height = 1307, 841
    view = np.full((height, width, 3), (32, 32, 34), dtype=np.uint8)
    view[:43] = (45, 45, 48)
    _text(view, "IMG_20260714_1843.jpg", 17, 28, 0.55, (225, 225, 225))
    _text(view, "14 of 37", 603, 28, 0.5, (170, 170, 170))
    _text(view, "Fit   -  +", 1181, 28, 0.5, (200, 200, 200))
    strip_top = height - 95
    view[strip_top:] = (24, 24, 26)
    thumb = _fit(rgb, 76, 63, allow_up=True)
    for i in range(11):
        x = 119 + i * 97
        if i == 5:
            _paste(
                view,
                thumb,
                x + (76 - thumb.shape[1]) // 2,
                strip_top + 16 + (63 - thumb.shape[0]) // 2,
            )
            cv2.rectangle(
                view, (x - 3, strip_top + 13), (x + 78, strip_top + 81), (66, 133, 244), 2
            )
        else:
            shade = 58 + (i * 37) % 71
            cv2.rectangle(
                view,
                (x, strip_top + 16),
                (x + 75, strip_top + 78),
                (shade, shade + 7, shade + 15),
                -1,
            )
    area_w, area_h = width - 46, strip_top - 43 - 34
    shown = _fit(rgb, area_w, area_h, allow_up=True)
    _paste(view, shown, (width - shown.shape[1]) // 2, 43 + 17 + (area_h - shown.shape[0]) // 2)
    return _jpeg(view, 88)


def _screen_phone(rgb: np.ndarray) -> np.ndarray:
    """A phone social-app post at full width (cropped to 4:5 .. 1.91:1); saved as PNG."""
    width, height = 858, 1857
    screen = np.full((height, width, 3), 255, dtype=np.uint8)
    _text(screen, "9:41", 43, 49, 0.85, (0, 0, 0), 2)
    cv2.rectangle(screen, (747, 29), (803, 53), (0, 0, 0), 2)
    cv2.rectangle(screen, (751, 33), (789, 49), (0, 0, 0), -1)
    cv2.circle(screen, (77, 126), 31, (214, 41, 118), -1, cv2.LINE_AA)
    cv2.circle(screen, (77, 126), 26, (255, 255, 255), 3, cv2.LINE_AA)
    _text(screen, "marta.k.travels", 127, 121, 0.8, (20, 20, 20), 2)
    _text(screen, "Lofoten, Norway", 127, 151, 0.55, (90, 90, 90))
    h, w = rgb.shape[:2]
    aspect = w / h
    if aspect < 0.8:
        post = _crop(rgb, 1.0, aspect / 0.8, 0.5, 0.5)
    elif aspect > 1.91:
        post = _crop(rgb, 1.91 / aspect, 1.0, 0.5, 0.5)
    else:
        post = rgb
    ph, pw = post.shape[:2]
    post = _resize(post, width, round(ph * width / pw))
    top = 181
    _paste(screen, post, 0, top)
    y = top + post.shape[0] + 29
    for i, cx in enumerate((47, 121, 195)):
        cv2.circle(screen, (cx, y + 19), 19, (20, 20, 20), 3, cv2.LINE_AA)
        if i == 0:
            cv2.circle(screen, (cx, y + 19), 9, (237, 73, 86), -1, cv2.LINE_AA)
    _text(screen, "1,204 likes", 31, y + 87, 0.72, (20, 20, 20), 2)
    _text(
        screen, "marta.k.travels  fog finally lifted over the bay", 31, y + 129, 0.62, (30, 30, 30)
    )
    _text(screen, "View all 87 comments", 31, y + 169, 0.6, (140, 140, 140))
    screen[height - 139 :] = (250, 250, 250)
    for i in range(5):
        cx = 86 + i * 171
        cv2.rectangle(screen, (cx - 21, height - 91), (cx + 21, height - 49), (30, 30, 30), 3)
    return _out(screen)


def _screen_document(rgb: np.ndarray) -> np.ndarray:
    """A page of a document in a viewer, image at a fixed width in the text; saved as JPEG 79."""
    width, height = 1339, 913
    view = np.full((height, width, 3), (82, 86, 91), dtype=np.uint8)
    view[:47] = (50, 53, 57)
    _text(view, "report_q3_final.pdf  -  Page 4 / 19", 19, 31, 0.55, (230, 230, 230))
    _text(view, "87%", 1271, 31, 0.55, (230, 230, 230))
    x0, x1 = 360, 979
    cv2.rectangle(view, (x0, 71), (x1, height), (255, 255, 255), -1)
    _text(view, "4.2 Site survey", x0 + 61, 121, 0.78, (20, 20, 20), 2)
    _lines(view, x0 + 61, 151, 19, 0.4, (55, 55, 55), 5, 62)
    h, w = rgb.shape[:2]
    shown_w = 431
    shown_h = round(h * shown_w / w)
    if shown_h > 397:
        shown_h, shown_w = 397, round(w * 397 / h)
    shown = _resize(rgb, shown_w, shown_h)
    y = 259
    _paste(view, shown, x0 + (x1 - x0 - shown_w) // 2, y)
    y += shown_h + 23
    _text(view, "Figure 3. Site survey, northern section.", x0 + 61, y, 0.4, (90, 90, 90))
    _lines(view, x0 + 61, y + 31, 19, 0.4, (55, 55, 55), 12, 62)
    return _jpeg(view, 79, "4:4:4")


def _screen_slide(rgb: np.ndarray) -> np.ndarray:
    """A presentation slide, image fitted to the right half (enlarged too); saved as PNG."""
    width, height = 1463, 823
    slide = np.full((height, width, 3), (250, 250, 247), dtype=np.uint8)
    slide[:119] = (31, 58, 96)
    _text(slide, "Q3 Field Results - Site North", 61, 79, 1.35, (255, 255, 255), 2, FONT_BOLD)
    bullets = (
        "Survey completed 14 days early",
        "Three new access points mapped",
        "Erosion along the east shore",
        "Budget: 92% of plan",
        "Next: winter monitoring",
    )
    for i, bullet in enumerate(bullets):
        y = 213 + i * 71
        cv2.circle(slide, (73, y - 9), 6, (31, 58, 96), -1, cv2.LINE_AA)
        _text(slide, bullet, 97, y, 0.83, (40, 40, 40), 2)
    shown = _fit(rgb, 668, 610, allow_up=True)
    sx = 741 + (668 - shown.shape[1]) // 2
    sy = 161 + (610 - shown.shape[0]) // 2
    cv2.rectangle(
        slide,
        (sx + 5, sy + 5),
        (sx + shown.shape[1] + 5, sy + shown.shape[0] + 5),
        (205, 205, 200),
        -1,
    )
    _paste(slide, shown, sx, sy)
    _text(slide, "Northfield Consulting  |  7", 61, height - 27, 0.5, (120, 120, 120))
    return _out(slide)


# --------------------------------------------------------------------------- attacks


def _chain(*steps: Attack) -> Attack:
    def run(rgb: np.ndarray) -> np.ndarray:
        out = rgb
        for step in steps:
            out = step(out)
        return _out(out)

    return run


def _back(step: Attack) -> Attack:
    """``step`` then resize back to the input's size."""

    def run(rgb: np.ndarray) -> np.ndarray:
        return _resize_like(step(rgb), rgb)

    return run


def _back_linear(step: Attack) -> Attack:
    """``step`` then a bilinear resize back to the input's size."""

    def run(rgb: np.ndarray) -> np.ndarray:
        return _resize(step(rgb), rgb.shape[1], rgb.shape[0], cv2.INTER_LINEAR)

    return run


def _seeded_noise(sigma: float, name: str) -> Attack:
    return partial(_noise, sigma=sigma, name=name)


def attacks() -> list[tuple[str, Attack]]:
    """The attacks, in a fixed order; the first is "none"."""
    table: list[tuple[str, Attack]] = [
        ("none", _out),
        # flips
        ("flip_horizontal", _flip_h),
        ("flip_vertical", _flip_v),
        # stretches and squashes
        ("stretch_w_1.068", partial(_stretch, fx=1.068, fy=1.0)),
        ("stretch_h_0.933", partial(_stretch, fx=1.0, fy=0.933)),
        ("stretch_w_0.881", partial(_stretch, fx=0.881, fy=1.0)),
        ("stretch_h_1.137", partial(_stretch, fx=1.0, fy=1.137)),
        ("stretch_w_1.093_h_0.961", partial(_stretch, fx=1.093, fy=0.961)),
        ("squash_to_square", partial(_to_aspect, aspect=1.0)),
        ("squash_to_5x4", partial(_to_aspect, aspect=1.25)),
        ("stretch_to_2.05x1", partial(_to_aspect, aspect=2.05)),
        # crops
        (
            "crop_centre_0.936",
            partial(_crop, keep_x=0.936, keep_y=0.936, anchor_x=0.5, anchor_y=0.5),
        ),
        (
            "crop_centre_0.713_resized",
            _back(partial(_crop, keep_x=0.713, keep_y=0.713, anchor_x=0.5, anchor_y=0.5)),
        ),
        (
            "crop_centre_0.523",
            partial(_crop, keep_x=0.523, keep_y=0.523, anchor_x=0.5, anchor_y=0.5),
        ),
        (
            "crop_offcentre_0.742_resized",
            _back(partial(_crop, keep_x=0.742, keep_y=0.742, anchor_x=0.81, anchor_y=0.29)),
        ),
        (
            "crop_corner_tl_0.773",
            partial(_crop, keep_x=0.773, keep_y=0.773, anchor_x=0.0, anchor_y=0.0),
        ),
        (
            "crop_corner_br_0.641_resized",
            _back(partial(_crop, keep_x=0.641, keep_y=0.641, anchor_x=1.0, anchor_y=1.0)),
        ),
        (
            "crop_corner_bl_0.583",
            partial(_crop, keep_x=0.583, keep_y=0.583, anchor_x=0.0, anchor_y=1.0),
        ),
        (
            "crop_width_only_0.689",
            partial(_crop, keep_x=0.689, keep_y=1.0, anchor_x=0.43, anchor_y=0.5),
        ),
        (
            "crop_height_only_0.807_resized",
            _back(partial(_crop, keep_x=1.0, keep_y=0.807, anchor_x=0.5, anchor_y=0.62)),
        ),
        (
            "crop_w0.912_h0.617",
            partial(_crop, keep_x=0.912, keep_y=0.617, anchor_x=0.5, anchor_y=0.38),
        ),
        (
            "crop_w0.553_h0.884_resized",
            _back(partial(_crop, keep_x=0.553, keep_y=0.884, anchor_x=0.64, anchor_y=0.5)),
        ),
        # rotations
        ("rotate_+1.7_black", partial(_rotate, degrees=1.7, fill="black")),
        ("rotate_-3.3_white", partial(_rotate, degrees=-3.3, fill="white")),
        ("rotate_+6.1_reflect", partial(_rotate, degrees=6.1, fill="reflect")),
        ("rotate_-9.4_black", partial(_rotate, degrees=-9.4, fill="black")),
        ("rotate_+4.6_expand", partial(_rotate, degrees=4.6, fill="black", expand=True)),
        (
            "rotate_-7.2_expand_white_resized",
            _back(partial(_rotate, degrees=-7.2, fill="white", expand=True)),
        ),
        ("straighten_+2.8", partial(_straighten, degrees=2.8)),
        ("straighten_-5.3", partial(_straighten, degrees=-5.3)),
        ("rotate_+8.7_inner_rect", partial(_rotate_inner, degrees=8.7)),
        ("rotate_-0.9_inner_rect_resized", _back(partial(_rotate_inner, degrees=-0.9))),
        (
            "rotate_+3.9_reflect_crop_0.842",
            _chain(
                partial(_rotate, degrees=3.9, fill="reflect"),
                partial(_crop, keep_x=0.842, keep_y=0.842, anchor_x=0.5, anchor_y=0.5),
            ),
        ),
        (
            "rotate_-6.6_crop_offcentre_resized",
            _back(
                _chain(
                    partial(_rotate, degrees=-6.6, fill="black"),
                    partial(_crop, keep_x=0.781, keep_y=0.764, anchor_x=0.36, anchor_y=0.55),
                )
            ),
        ),
        # padding, borders, captions, frames, letterbox
        ("pad_black_0.063", partial(_pad, top=0.063, bottom=0.063, left=0.063, right=0.063)),
        (
            "pad_white_0.171_resized",
            _back(
                partial(
                    _pad, top=0.171, bottom=0.171, left=0.171, right=0.171, colour=(255, 255, 255)
                )
            ),
        ),
        (
            "pad_uneven_blue",
            partial(_pad, top=0.031, bottom=0.143, left=0.092, right=0.013, colour=(37, 91, 163)),
        ),
        (
            "pad_reflect_uneven_resized",
            _back(partial(_pad, top=0.0, bottom=0.187, left=0.057, right=0.129, colour=None)),
        ),
        (
            "caption_band_bottom",
            partial(
                _caption,
                text="Sunday walk, 14 July",
                fraction=0.131,
                at_top=False,
                background=(255, 255, 255),
                ink=(17, 17, 17),
            ),
        ),
        (
            "caption_band_top_resized",
            _back(
                partial(
                    _caption,
                    text="WHEN THE FERRY IS LATE AGAIN",
                    fraction=0.187,
                    at_top=True,
                    background=(0, 0, 0),
                    ink=(255, 255, 255),
                )
            ),
        ),
        ("frame_overlay", _frame_overlay),
        ("logo_overlay", _logo_overlay),
        ("letterbox_to_4x5", partial(_canvas_aspect, aspect=0.8, colour=(0, 0, 0))),
        (
            "pillarbox_to_16x9_resized",
            _chain(
                partial(_canvas_aspect, aspect=16 / 9, colour=(23, 23, 23)),
                partial(_resize_long_side, long_side=1237),
            ),
        ),
        # lossy codecs
        ("jpeg_31_420", partial(_jpeg, quality=31, subsampling="4:2:0")),
        ("jpeg_63_444", partial(_jpeg, quality=63, subsampling="4:4:4")),
        ("jpeg_74_420", partial(_jpeg, quality=74, subsampling="4:2:0")),
        ("jpeg_89_444", partial(_jpeg, quality=89, subsampling="4:4:4")),
        ("webp_52", partial(_webp, quality=52)),
        ("webp_87", partial(_webp, quality=87)),
        # rescales
        ("downscale_0.413", partial(_scale, factor=0.413)),
        ("down_0.527_up", _back(partial(_scale, factor=0.527))),
        (
            "down_0.783_up_linear",
            _back_linear(partial(_scale, factor=0.783, interpolation=cv2.INTER_LINEAR)),
        ),
        ("upscale_1.37", partial(_scale, factor=1.37)),
        ("upscale_1.61_lanczos", partial(_scale, factor=1.61, interpolation=cv2.INTER_LANCZOS4)),
        # platform chains
        ("social_feed_crop_1080_jpeg76", _social_feed),
        ("social_story_crop_jpeg71", _social_story),
        ("messenger_forwarded_twice", partial(_messenger, forwards=2)),
        # screen captures
        ("screen_browser_png", _screen_browser),
        ("screen_gallery_jpeg", _screen_gallery),
        ("screen_phone_app_png", _screen_phone),
        ("screen_document_viewer_jpeg", _screen_document),
        ("screen_slide_png", _screen_slide),
        # filters
        ("blur_gaussian_1.3", partial(_gauss_blur, sigma=1.3)),
        ("sharpen_unsharp_1.6", partial(_unsharp, sigma=1.6, amount=0.63)),
        ("median_3", partial(_median, size=3)),
        ("noise_gaussian_4.7", _seeded_noise(4.7, "noise_gaussian_4.7")),
        # tone
        ("brightness_+23", partial(_brightness, offset=23.0)),
        ("contrast_1.27", partial(_contrast, factor=1.27)),
        ("gamma_0.73", partial(_gamma, gamma=0.73)),
        ("gamma_1.38", partial(_gamma, gamma=1.38)),
        ("saturation_1.46", partial(_saturation, factor=1.46)),
        ("saturation_0.41", partial(_saturation, factor=0.41)),
        ("greyscale", _greyscale),
    ]
    table += [
        (
            "combo_crop_0.83_jpeg_68",
            _chain(
                partial(_crop, keep_x=0.83, keep_y=0.83, anchor_x=0.44, anchor_y=0.53),
                partial(_jpeg, quality=68),
            ),
        ),
        (
            "combo_straighten_+2.3_jpeg_77",
            _chain(partial(_straighten, degrees=2.3), partial(_jpeg, quality=77)),
        ),
        (
            "combo_flip_h_crop_0.79_resized",
            _back(
                _chain(
                    _flip_h,
                    partial(_crop, keep_x=0.79, keep_y=0.79, anchor_x=0.5, anchor_y=0.5),
                )
            ),
        ),
        (
            "combo_stretch_w_1.058_jpeg_58",
            _chain(partial(_stretch, fx=1.058, fy=1.0), partial(_jpeg, quality=58)),
        ),
        (
            "combo_pad_white_0.091_down_0.71",
            _chain(
                partial(
                    _pad, top=0.091, bottom=0.091, left=0.091, right=0.091, colour=(255, 255, 255)
                ),
                partial(_scale, factor=0.71),
            ),
        ),
        (
            "combo_brightness_+14_contrast_1.18_jpeg_81",
            _chain(
                partial(_brightness, offset=14.0),
                partial(_contrast, factor=1.18),
                partial(_jpeg, quality=81),
            ),
        ),
        (
            "combo_blur_1.1_webp_64",
            _chain(partial(_gauss_blur, sigma=1.1), partial(_webp, quality=64)),
        ),
        (
            "combo_greyscale_jpeg_72_444",
            _chain(_greyscale, partial(_jpeg, quality=72, subsampling="4:4:4")),
        ),
        (
            "combo_down_0.57_sharpen_jpeg_83",
            _chain(
                partial(_scale, factor=0.57),
                partial(_unsharp, sigma=1.2, amount=0.48),
                partial(_jpeg, quality=83),
            ),
        ),
        (
            "combo_rotate_-4.1_expand_crop_0.88_resized",
            _back(
                _chain(
                    partial(_rotate, degrees=-4.1, fill="black", expand=True),
                    partial(_crop, keep_x=0.88, keep_y=0.88, anchor_x=0.5, anchor_y=0.5),
                )
            ),
        ),
        (
            "combo_saturation_1.3_gamma_0.86_crop_0.92",
            _chain(
                partial(_saturation, factor=1.3),
                partial(_gamma, gamma=0.86),
                partial(_crop, keep_x=0.92, keep_y=0.92, anchor_x=0.6, anchor_y=0.4),
            ),
        ),
        (
            "combo_flip_v_webp_78_noise_2.9",
            _chain(
                _flip_v,
                partial(_webp, quality=78),
                _seeded_noise(2.9, "combo_flip_v_webp_78_noise_2.9"),
            ),
        ),
    ]
    return table


# --------------------------------------------------------------------------- test images


class PhotoSpec(NamedTuple):
    name: str
    source: str
    crop: tuple[int, int, int, int]  # x, y, width, height in the source's pixels
    size: tuple[int, int]  # output width, height
    tone: str


PHOTOS: tuple[PhotoSpec, ...] = (
    PhotoSpec("photo_china_16x9_1913", "china", (0, 31, 640, 360), (1913, 1076), "warm"),
    PhotoSpec("photo_flower_4x3_1187", "flower", (37, 0, 569, 427), (1187, 890), "vivid"),
    PhotoSpec("photo_astronaut_portrait_523", "astronaut", (93, 0, 359, 512), (523, 746), "none"),
    PhotoSpec("photo_coffee_5x4_733", "coffee", (61, 0, 500, 400), (733, 586), "gamma_0.87"),
    PhotoSpec("photo_rocket_portrait_283", "rocket", (211, 0, 270, 427), (283, 447), "cool"),
    PhotoSpec(
        "photo_retina_2x1_1360", "retina", (27, 366, 1360, 680), (1360, 680), "contrast_1.09"
    ),
    PhotoSpec("photo_hubble_5x4_962", "hubble", (19, 51, 962, 770), (962, 770), "darken"),
    PhotoSpec(
        "photo_motorcycle_panorama_1977", "motorcycle_left", (0, 131, 741, 247), (1977, 659), "none"
    ),
    PhotoSpec("photo_chelsea_small_433", "chelsea", (9, 6, 433, 289), (433, 289), "desat_0.8"),
    PhotoSpec("photo_ihc_square_251", "ihc", (23, 17, 467, 467), (251, 251), "none"),
    PhotoSpec("photo_camera_sepia_437", "camera", (64, 0, 384, 512), (437, 583), "sepia"),
    PhotoSpec("photo_moon_4x3_347", "moon", (8, 71, 496, 372), (347, 260), "cool"),
    PhotoSpec("photo_china_4x3_1531", "china", (71, 0, 569, 427), (1531, 1149), "gamma_1.14"),
    PhotoSpec("photo_flower_portrait_9x16_608", "flower", (203, 0, 240, 427), (608, 1081), "warm"),
    PhotoSpec("photo_coffee_3x2_1003", "coffee", (0, 0, 600, 400), (1003, 669), "contrast_1.14"),
    PhotoSpec(
        "photo_astronaut_16x9_1283", "astronaut", (0, 97, 512, 288), (1283, 722), "desat_0.83"
    ),
    PhotoSpec("photo_rocket_3x2_587", "rocket", (0, 0, 640, 427), (587, 391), "vivid"),
    PhotoSpec(
        "photo_motorcycle_right_5x4_1013",
        "motorcycle_right",
        (71, 10, 600, 480),
        (1013, 810),
        "none",
    ),
)


def _tone(rgb: np.ndarray, tone: str) -> np.ndarray:
    if tone == "none":
        return _out(rgb)
    if tone == "warm":
        return _tint(rgb, (1.06, 1.0, 0.91))
    if tone == "cool":
        return _tint(rgb, (0.93, 0.99, 1.07))
    if tone == "vivid":
        return _saturation(_contrast(rgb, 1.07), 1.22)
    if tone == "darken":
        return _brightness(_gamma(rgb, 1.17), -6.0)
    if tone == "sepia":
        return _sepia(rgb)
    kind, value = tone.split("_")
    if kind == "gamma":
        return _gamma(rgb, float(value))
    if kind == "contrast":
        return _contrast(rgb, float(value))
    if kind == "desat":
        return _saturation(rgb, float(value))
    raise ValueError(f"unknown tone {tone!r}")


def _photo(spec: PhotoSpec) -> np.ndarray:
    x, y, w, h = spec.crop
    source = _sample(spec.source)
    crop = source[y : y + h, x : x + w]
    out_w, out_h = spec.size
    enlarged = out_w * out_h > w * h
    out = _resize(crop, out_w, out_h, cv2.INTER_LANCZOS4 if enlarged else cv2.INTER_AREA)
    out = _tone(out, spec.tone)
    if enlarged:
        rng = np.random.default_rng(_seed_of("grain", spec.name))
        sigma = 1.3 + 1.1 * min(1.0, (out_w * out_h) / (w * h) / 8.0)
        grain = rng.normal(0.0, sigma, size=(out_h, out_w, 1)).astype(np.float32)
        grain = grain + rng.normal(0.0, sigma * 0.45, size=(out_h, out_w, 3)).astype(np.float32)
        out = _clip8(out.astype(np.float32) + grain)
    return out


GENERATED: tuple[tuple[str, str, int], ...] = (
    ("generated_misty_valley", "a misty pine valley at dawn with a winding river", 48213),
    ("generated_desert_mesas", "red desert mesas under a violet dusk sky", 90517),
    ("generated_snowy_ridge", "a snowy mountain ridge above a frozen lake at noon", 3371),
    (
        "generated_rolling_hills",
        "green rolling hills with scattered oak trees and low clouds",
        61829,
    ),
    ("generated_sunset_bay", "a calm sea bay at sunset with an orange sky and dark cliffs", 27704),
    ("generated_autumn_pond", "an autumn forest by a pond under an overcast grey sky", 15559),
)


def _generated() -> list[tuple[str, np.ndarray]]:
    """The built-in model's outputs, from CACHE_DIR (generated and cached when absent)."""
    paths = {name: CACHE_DIR / f"{name}_{seed}.png" for name, _, seed in GENERATED}
    missing = [entry for entry in GENERATED if not paths[entry[0]].is_file()]
    if missing:
        from safegen.backends.base import BackendRequest
        from safegen.backends.builtin import BuiltinBackend

        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        backend = BuiltinBackend(threads=1)
        for name, prompt, seed in missing:
            (image,) = backend.generate(
                BackendRequest(prompt=prompt, negative_prompt=None, seeds=(seed,))
            )
            temporary = paths[name].with_name(f".{paths[name].name}.{os.getpid()}.tmp")
            image.convert("RGB").save(temporary, "PNG")
            os.replace(temporary, paths[name])
    out = []
    for name, _, _ in GENERATED:
        with Image.open(paths[name]) as image:
            out.append((name, _out(np.asarray(image.convert("RGB")))))
    return out


def _file_manager() -> np.ndarray:
    width, height = 1283, 797
    ui = np.full((height, width, 3), 255, dtype=np.uint8)
    ui[:37] = (236, 236, 236)
    for cx, colour in ((19, (255, 95, 86)), (41, (255, 189, 46)), (63, (39, 201, 63))):
        cv2.circle(ui, (cx, 18), 6, colour, -1, cv2.LINE_AA)
    _text(ui, "Coast", 617, 25, 0.55, (50, 50, 50))
    ui[37:83] = (246, 246, 246)
    _text(ui, "Home  >  Pictures  >  2026  >  Coast", 237, 67, 0.52, (60, 60, 60))
    cv2.rectangle(ui, (1041, 47), (1267, 73), (255, 255, 255), -1)
    _text(ui, "Search", 1053, 66, 0.48, (150, 150, 150))
    ui[83:771, :219] = (240, 240, 242)
    entries = (
        "Recents",
        "Desktop",
        "Documents",
        "Downloads",
        "Pictures",
        "Music",
        "Videos",
        "Trash",
    )
    for i, entry in enumerate(entries):
        y = 121 + i * 37
        if entry == "Pictures":
            cv2.rectangle(ui, (7, y - 24), (211, y + 11), (208, 222, 245), -1)
        cv2.rectangle(ui, (21, y - 14), (37, y + 1), (110, 140, 190), -1)
        _text(ui, entry, 49, y, 0.52, (40, 40, 40))
    rng = np.random.default_rng(_seed_of("file_manager"))
    ramp = np.linspace(0.0, 1.0, 109, dtype=np.float32)[:, None, None]
    for row in range(4):
        for col in range(6):
            x, y = 251 + col * 169, 103 + row * 163
            index = row * 6 + col
            if index % 5 == 2:
                cv2.rectangle(ui, (x + 9, y + 21), (x + 139, y + 109), (246, 196, 72), -1)
                cv2.rectangle(ui, (x + 9, y + 11), (x + 61, y + 25), (233, 178, 52), -1)
                label = f"Trip_{index + 3:02d}"
            else:
                top = rng.integers(40, 250, size=3).astype(np.float32)
                bottom = rng.integers(10, 200, size=3).astype(np.float32)
                thumb = (top * (1.0 - ramp) + bottom * ramp) * np.ones((1, 149, 1), np.float32)
                thumb = np.clip(thumb, 0, 255).astype(np.uint8)
                horizon = int(rng.integers(45, 85))
                cv2.rectangle(
                    thumb,
                    (0, horizon),
                    (148, 108),
                    tuple(int(v) for v in rng.integers(20, 120, size=3)),
                    -1,
                )
                cv2.circle(
                    thumb,
                    (int(rng.integers(20, 130)), int(rng.integers(15, 45))),
                    9,
                    (250, 240, 200),
                    -1,
                    cv2.LINE_AA,
                )
                _paste(ui, thumb, x, y + 7)
                label = f"IMG_{4471 + index * 7}.jpg"
            _text(ui, label, x + 11, y + 139, 0.45, (45, 45, 45))
    ui[771:] = (244, 244, 244)
    _text(ui, "23 items, 4.7 GB available", 563, 789, 0.45, (100, 100, 100))
    return _out(ui)


def _video_player() -> np.ndarray:
    width, height = 1117, 629
    frame_h = 561
    rows = np.linspace(0.0, 1.0, frame_h, dtype=np.float32)[:, None, None]
    sky_top = np.asarray([62, 84, 161], np.float32)
    sky_bottom = np.asarray([253, 162, 93], np.float32)
    frame = (sky_top * (1.0 - rows) + sky_bottom * rows) * np.ones((1, width, 1), np.float32)
    frame = np.clip(frame, 0, 255).astype(np.uint8)
    cv2.circle(frame, (771, 337), 47, (255, 226, 150), -1, cv2.LINE_AA)
    hills = np.array(
        [
            [0, 391],
            [163, 331],
            [311, 371],
            [487, 297],
            [701, 381],
            [913, 317],
            [1117, 359],
            [1117, 561],
            [0, 561],
        ],
        np.int32,
    )
    cv2.fillPoly(frame, [hills], (52, 71, 64), cv2.LINE_AA)
    cv2.rectangle(frame, (0, 447), (width, frame_h), (38, 63, 97), -1)
    for i in range(9):
        y = 459 + i * 11
        cv2.line(frame, (611 + i * 7, y), (931 - i * 9, y), (214, 163, 112), 2, cv2.LINE_AA)
    player = np.zeros((height, width, 3), dtype=np.uint8)
    player[:frame_h] = frame
    overlay = player.copy()
    cv2.rectangle(overlay, (0, 0), (width, 53), (0, 0, 0), -1)
    player = cv2.addWeighted(overlay, 0.47, player, 0.53, 0.0)
    _text(player, "Coastal drive - part 2", 19, 35, 0.75, (255, 255, 255), 2)
    player[frame_h:] = (18, 18, 18)
    cv2.line(player, (17, frame_h + 9), (width - 17, frame_h + 9), (90, 90, 90), 4)
    cv2.line(
        player, (17, frame_h + 9), (17 + round((width - 34) * 0.37), frame_h + 9), (229, 9, 20), 4
    )
    cv2.circle(
        player, (17 + round((width - 34) * 0.37), frame_h + 9), 8, (229, 9, 20), -1, cv2.LINE_AA
    )
    triangle = np.array([[27, frame_h + 29], [27, frame_h + 57], [51, frame_h + 43]], np.int32)
    cv2.fillPoly(player, [triangle], (240, 240, 240), cv2.LINE_AA)
    _text(player, "14:07 / 38:21", 139, frame_h + 50, 0.6, (230, 230, 230))
    cv2.rectangle(player, (79, frame_h + 35), (89, frame_h + 51), (230, 230, 230), -1)
    cv2.rectangle(
        player, (width - 53, frame_h + 31), (width - 27, frame_h + 55), (230, 230, 230), 2
    )
    return _out(player)


def _chart() -> np.ndarray:
    width, height = 941, 613
    chart = np.full((height, width, 3), 255, dtype=np.uint8)
    left, right, top, bottom = 83, 911, 61, 541
    _text(chart, "Weekly visitors by trail", 301, 39, 0.8, (30, 30, 30), 2)
    for i in range(7):
        y = bottom - i * (bottom - top) // 6
        cv2.line(chart, (left, y), (right, y), (228, 228, 228), 1)
        _text(chart, str(i * 250), 23, y + 5, 0.45, (80, 80, 80))
    for i in range(0, 37, 6):
        x = left + i * (right - left) // 36
        cv2.line(chart, (x, bottom), (x, bottom + 6), (80, 80, 80), 1)
        _text(chart, f"W{i + 1}", x - 11, bottom + 27, 0.45, (80, 80, 80))
    cv2.line(chart, (left, top), (left, bottom), (60, 60, 60), 2)
    cv2.line(chart, (left, bottom), (right, bottom), (60, 60, 60), 2)
    rng = np.random.default_rng(_seed_of("chart"))
    xs = np.linspace(left, right, 37)
    for colour, start in (((31, 119, 180), 610.0), ((255, 127, 14), 940.0)):
        walk = start + np.cumsum(rng.normal(0.0, 61.0, 37))
        walk = np.clip(walk, 40.0, 1460.0)
        ys = bottom - walk / 1500.0 * (bottom - top)
        points = np.stack([xs, ys], axis=1).round().astype(np.int32)
        cv2.polylines(chart, [points], False, colour, 2, cv2.LINE_AA)
    for _ in range(53):
        x = int(rng.uniform(left + 9, right - 9))
        y = int(rng.uniform(top + 19, bottom - 9))
        cv2.circle(chart, (x, y), 4, (44, 160, 44), -1, cv2.LINE_AA)
    cv2.rectangle(chart, (707, 73), (897, 155), (250, 250, 250), -1)
    cv2.rectangle(chart, (707, 73), (897, 155), (190, 190, 190), 1)
    for i, (label, colour) in enumerate(
        (("North loop", (31, 119, 180)), ("Ridge path", (255, 127, 14)), ("Counts", (44, 160, 44)))
    ):
        y = 97 + i * 23
        cv2.line(chart, (721, y - 5), (751, y - 5), colour, 3)
        _text(chart, label, 761, y, 0.48, (40, 40, 40))
    return _out(chart)


def _banner() -> np.ndarray:
    width, height = 1207, 389
    banner = np.full((height, width, 3), (27, 38, 79), dtype=np.uint8)
    cv2.circle(banner, (1013, 113), 171, (245, 166, 35), -1, cv2.LINE_AA)
    cv2.circle(banner, (1129, 331), 97, (230, 57, 70), -1, cv2.LINE_AA)
    mountains = np.array(
        [[0, 389], [0, 301], [137, 197], [251, 283], [389, 163], [547, 307], [617, 389]], np.int32
    )
    cv2.fillPoly(banner, [mountains], (69, 123, 157), cv2.LINE_AA)
    snow = np.array(
        [[389, 163], [353, 199], [373, 193], [391, 209], [411, 191], [427, 199]], np.int32
    )
    cv2.fillPoly(banner, [snow], (241, 250, 238), cv2.LINE_AA)
    _text(banner, "SUMMER TRAILS 2026", 471, 147, 1.9, (255, 255, 255), 4, FONT_BOLD)
    _text(banner, "Guided hikes - 37 routes - book by 14 June", 477, 201, 0.83, (220, 226, 240), 2)
    cv2.rectangle(banner, (477, 243), (701, 303), (230, 57, 70), -1)
    _text(banner, "BOOK NOW", 511, 283, 0.95, (255, 255, 255), 2, FONT_BOLD)
    return _out(banner)


def images() -> list[tuple[str, str, np.ndarray]]:
    """The test images: (name, image_class, rgb)."""
    out: list[tuple[str, str, np.ndarray]] = [(spec.name, "photo", _photo(spec)) for spec in PHOTOS]
    out += [(name, "generated", rgb) for name, rgb in _generated()]
    out += [
        ("screenshot_file_manager", "screenshot", _file_manager()),
        ("screenshot_video_player", "screenshot", _video_player()),
        ("graphic_line_scatter_chart", "graphic", _chart()),
        ("graphic_flat_banner", "graphic", _banner()),
    ]
    return out


# --------------------------------------------------------------------------- unmarked images

LETTERS = "abcdefghijklmnopqrstuvwxyz     ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,"


def _random_words(rng: np.random.Generator, length: int) -> str:
    return "".join(LETTERS[int(i)] for i in rng.integers(0, len(LETTERS), size=length))


def _random_colour(rng: np.random.Generator, low: int = 0, high: int = 256) -> Colour:
    r, g, b = (int(v) for v in rng.integers(low, high, size=3))
    return r, g, b


def _unmarked_size(rng: np.random.Generator) -> tuple[int, int]:
    w, h = (int(v) for v in rng.integers(96, 1101, size=2))
    return w, h


def _unmarked_photo(rng: np.random.Generator) -> np.ndarray:
    source = _sample(UNMARKED_PHOTO_SOURCES[int(rng.integers(len(UNMARKED_PHOTO_SOURCES)))])
    sh, sw = source.shape[:2]
    cw = max(24, round(sw * rng.uniform(0.33, 1.0)))
    ch = max(24, round(sh * rng.uniform(0.33, 1.0)))
    x0 = int(rng.integers(0, sw - cw + 1))
    y0 = int(rng.integers(0, sh - ch + 1))
    crop = source[y0 : y0 + ch, x0 : x0 + cw]
    long_side = int(rng.integers(96, 1101))
    aspect = cw / ch
    if aspect >= 1.0:
        out_w, out_h = long_side, round(long_side / aspect)
    else:
        out_w, out_h = round(long_side * aspect), long_side
    out_w, out_h = int(np.clip(out_w, 96, 1100)), int(np.clip(out_h, 96, 1100))
    interpolation = (cv2.INTER_AREA, cv2.INTER_LINEAR, cv2.INTER_CUBIC, cv2.INTER_LANCZOS4)[
        int(rng.integers(4))
    ]
    out = _resize(crop, out_w, out_h, interpolation)
    if rng.random() < 0.5:
        out = _flip_h(out)
    if rng.random() < 0.06:
        out = _flip_v(out)
    if rng.random() < 0.4:
        out = _gamma(out, float(rng.uniform(0.75, 1.3)))
        out = _saturation(out, float(rng.uniform(0.6, 1.3)))
        out = _brightness(out, float(rng.uniform(-18.0, 18.0)))
    if out_w * out_h > cw * ch and rng.random() < 0.7:
        grain = rng.normal(0.0, rng.uniform(0.5, 2.6), size=out.shape).astype(np.float32)
        out = _clip8(out.astype(np.float32) + grain)
    if rng.random() < 0.3:
        out = _jpeg(out, int(rng.integers(55, 96)), "4:2:0" if rng.random() < 0.7 else "4:4:4")
    return _out(out)


def _unmarked_graphic(rng: np.random.Generator) -> np.ndarray:
    w, h = _unmarked_size(rng)
    canvas = np.empty((h, w, 3), dtype=np.uint8)
    canvas[:] = _random_colour(rng)
    for _ in range(int(rng.integers(3, 14))):
        colour = _random_colour(rng)
        kind = int(rng.integers(5))
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        size = int(rng.integers(6, max(7, min(w, h) // 2)))
        if kind == 0:
            cv2.circle(canvas, (x, y), size, colour, -1, cv2.LINE_AA)
        elif kind == 1:
            cv2.rectangle(
                canvas, (x, y), (x + size, y + int(rng.integers(6, size + 7))), colour, -1
            )
        elif kind == 2:
            end = (int(rng.integers(0, w)), int(rng.integers(0, h)))
            cv2.line(canvas, (x, y), end, colour, int(rng.integers(1, 9)), cv2.LINE_AA)
        elif kind == 3:
            points = np.stack([rng.integers(0, w, 5), rng.integers(0, h, 5)], axis=1).astype(
                np.int32
            )
            cv2.fillPoly(canvas, [points], colour, cv2.LINE_AA)
        else:
            bars = int(rng.integers(3, 12))
            base = h - 1 - int(rng.integers(0, h // 6 + 1))
            bar_w = max(2, w // (bars * 2))
            for i in range(bars):
                top = int(rng.integers(0, base + 1))
                cv2.rectangle(
                    canvas,
                    (bar_w // 2 + i * 2 * bar_w, top),
                    ((i * 2 + 1) * bar_w + bar_w // 2, base),
                    colour,
                    -1,
                )
    if rng.random() < 0.6:
        scale = float(rng.uniform(0.4, 2.2))
        _text(
            canvas,
            _random_words(rng, int(rng.integers(4, 24))),
            int(rng.integers(0, w // 2 + 1)),
            int(rng.integers(20, h)),
            scale,
            _random_colour(rng),
            int(rng.integers(1, 4)),
        )
    return _out(canvas)


def _unmarked_page(rng: np.random.Generator) -> np.ndarray:
    if rng.random() < 0.25:
        source = _sample(UNMARKED_PAGE_SOURCES[int(rng.integers(len(UNMARKED_PAGE_SOURCES)))])
        factor = float(rng.uniform(0.6, 2.4))
        out = _scale(source, factor)
        h, w = out.shape[:2]
        return _resize(out, int(np.clip(w, 96, 1100)), int(np.clip(h, 96, 1100)))
    w, h = _unmarked_size(rng)
    paper = int(rng.integers(236, 256))
    page = np.full((h, w, 3), paper, dtype=np.uint8)
    margin = int(rng.integers(8, max(9, w // 8)))
    scale = float(rng.uniform(0.3, 0.75))
    step = max(9, int(scale * 38 * rng.uniform(0.8, 1.3)))
    ink = int(rng.integers(0, 90))
    y = margin + step
    if rng.random() < 0.7:
        _text(
            page,
            _random_words(rng, int(rng.integers(5, 22))),
            margin,
            y,
            scale * 1.7,
            (ink, ink, ink),
            2,
        )
        y += step * 2
    chars = max(4, int((w - 2 * margin) / (scale * 19)))
    while y < h - margin:
        _text(page, _random_words(rng, chars), margin, y, scale, (ink, ink, ink))
        y += step
    return _out(page)


def _unmarked_gradient(rng: np.random.Generator) -> np.ndarray:
    w, h = _unmarked_size(rng)
    a = np.asarray(_random_colour(rng), np.float32)
    b = np.asarray(_random_colour(rng), np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    if rng.random() < 0.6:
        angle = rng.uniform(0.0, 2.0 * math.pi)
        t = xx * math.cos(angle) + yy * math.sin(angle)
    else:
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        t = np.hypot(xx - cx, yy - cy)
    t = (t - t.min()) / max(1e-6, float(t.max() - t.min()))
    out = a * (1.0 - t[:, :, None]) + b * t[:, :, None]
    return _clip8(out)


def _unmarked_texture(rng: np.random.Generator) -> np.ndarray:
    w, h = _unmarked_size(rng)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    field = np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(2, 5))):
        fx, fy = rng.uniform(-0.15, 0.15, size=2)
        field += np.sin(xx * fx + yy * fy + rng.uniform(0, 2 * math.pi)).astype(np.float32)
    blobs = rng.normal(0.0, 1.0, size=(h, w)).astype(np.float32)
    blobs = cv2.GaussianBlur(blobs, (0, 0), float(rng.uniform(0.8, 6.0)))
    blobs /= max(1e-6, float(blobs.std()))
    field = field + blobs * float(rng.uniform(0.3, 2.0))
    field = (field - field.min()) / max(1e-6, float(field.max() - field.min()))
    a = np.asarray(_random_colour(rng), np.float32)
    b = np.asarray(_random_colour(rng), np.float32)
    return _clip8(a * (1.0 - field[:, :, None]) + b * field[:, :, None])


def _unmarked_noise(rng: np.random.Generator) -> np.ndarray:
    w, h = _unmarked_size(rng)
    channels = 3 if rng.random() < 0.7 else 1
    if rng.random() < 0.5:
        noise = rng.integers(0, 256, size=(h, w, channels), dtype=np.uint8)
        return _out(np.broadcast_to(noise, (h, w, 3)))
    noise = rng.normal(rng.uniform(60, 200), rng.uniform(5, 60), size=(h, w, channels))
    return _clip8(np.broadcast_to(noise, (h, w, 3)))


def _unmarked_flat(rng: np.random.Generator) -> np.ndarray:
    w, h = _unmarked_size(rng)
    flat = np.empty((h, w, 3), dtype=np.uint8)
    flat[:] = _random_colour(rng)
    if rng.random() < 0.4:
        jitter = rng.integers(-1, 2, size=(h, w, 3))
        return _clip8(flat.astype(np.int16) + jitter)
    return flat


UNMARKED_KINDS: tuple[tuple[float, str, Callable[[np.random.Generator], np.ndarray]], ...] = (
    (0.64, "photo", _unmarked_photo),
    (0.72, "graphic", _unmarked_graphic),
    (0.79, "page", _unmarked_page),
    (0.86, "gradient", _unmarked_gradient),
    (0.93, "texture", _unmarked_texture),
    (0.97, "noise", _unmarked_noise),
    (1.01, "flat", _unmarked_flat),
)


def unmarked(n: int = 10000, seed: int = 2026120723) -> Iterator[tuple[str, np.ndarray]]:
    """Images that were never marked; item i depends only on default_rng([seed, i])."""
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        draw = rng.random()
        for threshold, kind, make in UNMARKED_KINDS:
            if draw < threshold:
                yield f"unmarked_{i:05d}_{kind}", make(rng)
                break


# --------------------------------------------------------------------------- edge cases


def edge_cases() -> list[tuple[str, np.ndarray]]:
    """Awkward uint8 RGB arrays."""
    rng = np.random.default_rng(_seed_of("edge_cases", ROUND))

    def noise(h: int, w: int) -> np.ndarray:
        return rng.integers(0, 256, size=(h, w, 3), dtype=np.uint8)

    def flat(h: int, w: int, colour: Colour) -> np.ndarray:
        out = np.empty((h, w, 3), dtype=np.uint8)
        out[:] = colour
        return out

    def checker(h: int, w: int, cell: int, a: Colour, b: Colour) -> np.ndarray:
        yy, xx = np.mgrid[0:h, 0:w]
        mask = ((yy // cell + xx // cell) % 2).astype(bool)
        out = flat(h, w, a)
        out[mask] = b
        return out

    huge_h, huge_w = 3967, 4021
    ramp_y = np.linspace(0, 255, huge_h, dtype=np.float32)[:, None]
    ramp_x = np.linspace(0, 255, huge_w, dtype=np.float32)[None, :]
    huge = np.empty((huge_h, huge_w, 3), dtype=np.uint8)
    huge[:, :, 0] = ramp_y.astype(np.uint8)
    huge[:, :, 1] = ramp_x.astype(np.uint8)
    huge[:, :, 2] = ((ramp_x + ramp_y) * 0.5).astype(np.uint8)
    cv2.circle(huge, (1733, 2111), 613, (240, 240, 60), -1)
    cases: list[tuple[str, np.ndarray]] = [
        ("tiny_1x1", noise(1, 1)),
        ("tiny_2x3", noise(2, 3)),
        ("tiny_7x5", noise(7, 5)),
        ("tiny_31x29", noise(31, 29)),
        ("one_pixel_wide_517x1", noise(517, 1)),
        ("one_pixel_high_1x731", noise(1, 731)),
        ("three_pixel_high_3x1900", noise(3, 1900)),
        ("huge_3967x4021", huge),
        ("flat_black_256", flat(256, 256, (0, 0, 0))),
        ("flat_white_219x333", flat(219, 333, (255, 255, 255))),
        ("flat_grey_128_401x401", flat(401, 401, (128, 128, 128))),
        ("flat_colour_289x511", flat(289, 511, (201, 43, 117))),
        ("extreme_aspect_19x2873", noise(19, 2873)),
        ("extreme_aspect_2711x23", noise(2711, 23)),
        ("checker_1px_256", checker(256, 256, 1, (0, 0, 0), (255, 255, 255))),
        ("checker_8px_301x397", checker(301, 397, 8, (0, 0, 0), (255, 255, 255))),
        ("checker_colour_5px_347x263", checker(347, 263, 5, (255, 0, 0), (0, 0, 255))),
        ("noise_uniform_512", noise(512, 512)),
        (
            "noise_grey_700x300",
            _out(np.repeat(rng.integers(0, 256, size=(700, 300, 1), dtype=np.uint8), 3, axis=2)),
        ),
        (
            "binary_noise_433x433",
            _out((rng.integers(0, 2, size=(433, 433, 1), dtype=np.uint8) * 255).repeat(3, axis=2)),
        ),
        ("saturated_red_377x251", flat(251, 377, (255, 0, 0))),
        ("near_black_noise_320x240", _out(rng.integers(0, 4, size=(240, 320, 3), dtype=np.uint8))),
        (
            "near_white_noise_240x320",
            _out(rng.integers(252, 256, size=(320, 240, 3), dtype=np.uint8)),
        ),
    ]
    return [(name, _out(array)) for name, array in cases]


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def _png_raw(width: int, height: int, colour_type: int, idat: bytes, interlace: int = 0) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, interlace)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", idat)
        + _png_chunk(b"IEND", b"")
    )


def _png_interlaced(rgb: np.ndarray) -> bytes:
    """An Adam7-interlaced 8-bit RGB PNG, written by hand (filter type 0 on every row)."""
    passes = (
        (0, 0, 8, 8),
        (4, 0, 8, 8),
        (0, 4, 4, 8),
        (2, 0, 4, 4),
        (0, 2, 2, 4),
        (1, 0, 2, 2),
        (0, 1, 1, 2),
    )
    raw = bytearray()
    for x0, y0, dx, dy in passes:
        sub = rgb[y0::dy, x0::dx]
        if sub.shape[0] == 0 or sub.shape[1] == 0:
            continue
        for row in sub:
            raw += b"\x00" + np.ascontiguousarray(row).tobytes()
    return _png_raw(rgb.shape[1], rgb.shape[0], 2, zlib.compress(bytes(raw), 9), interlace=1)


def _encode(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def edge_case_files() -> list[tuple[str, bytes]]:
    """Awkward encoded files, byte-identical per run."""
    scene = _resize(_sample("coffee"), 317, 211)
    small = _resize(_sample("chelsea"), 173, 115)
    h, w = scene.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w]
    alpha = np.clip((xx * 255) // max(1, w - 1), 0, 255).astype(np.uint8)
    grey = np.ascontiguousarray(_luma(scene).round().astype(np.uint8))

    rgb16 = (scene.astype(np.uint16) * 257 + (yy[:, :, None] % 7).astype(np.uint16)).astype(
        np.uint16
    )
    ok, png16_rgb = cv2.imencode(".png", np.ascontiguousarray(rgb16[:, :, ::-1]))
    if not ok:
        raise RuntimeError("OpenCV could not encode the 16-bit PNG")
    grey16 = Image.fromarray((grey.astype(np.uint16) * 257).astype(np.uint16))
    grey_alpha = Image.fromarray(np.stack([grey, alpha], axis=2))
    palette = Image.fromarray(scene).quantize(
        colors=53, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )
    rgba = Image.fromarray(np.ascontiguousarray(np.dstack([scene, alpha[::-1]])))
    cmyk = Image.fromarray(scene).convert("CMYK")
    progressive = _encode(
        Image.fromarray(scene), "JPEG", quality=83, progressive=True, optimize=True
    )
    baseline = _encode(Image.fromarray(scene), "JPEG", quality=87)
    png = _encode(Image.fromarray(scene), "PNG")
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90 degrees clockwise to display
    rotated_exif = _encode(Image.fromarray(small), "JPEG", quality=88, exif=exif.tobytes())

    row = b"\x00" + bytes(3 * 91173)
    bomb = _png_raw(91173, 87613, 2, zlib.compress(row * 3, 9))
    frames = [
        Image.fromarray(_out(np.roll(small, shift * 29, axis=1))).convert(
            "P", palette=Image.Palette.ADAPTIVE
        )
        for shift in range(4)
    ]
    gif = io.BytesIO()
    frames[0].save(
        gif, "GIF", save_all=True, append_images=frames[1:], duration=[83, 117, 83, 117], loop=0
    )
    garbage = (
        np.random.default_rng(_seed_of("garbage", ROUND))
        .integers(0, 256, size=4099, dtype=np.uint8)
        .tobytes()
    )

    return [
        ("png16_rgb.png", bytes(png16_rgb)),
        ("png16_grey.png", _encode(grey16, "PNG")),
        ("png_grey_alpha.png", _encode(grey_alpha, "PNG")),
        ("png_palette.png", _encode(palette, "PNG")),
        ("png_rgba.png", _encode(rgba, "PNG")),
        ("png_interlaced.png", _png_interlaced(scene)),
        ("jpeg_cmyk.jpg", _encode(cmyk, "JPEG", quality=86)),
        ("jpeg_progressive.jpg", progressive),
        ("jpeg_grey.jpg", _encode(Image.fromarray(grey), "JPEG", quality=84)),
        ("jpeg_exif_orientation_6.jpg", rotated_exif),
        ("jpeg_truncated.jpg", baseline[: len(baseline) * 57 // 100]),
        ("png_truncated.png", png[: len(png) * 61 // 100]),
        ("garbage.bin", garbage),
        ("garbage_with_png_signature.png", b"\x89PNG\r\n\x1a\n" + garbage[:1021]),
        ("zero_bytes.png", b""),
        ("header_bomb_91173x87613.png", bomb),
        ("animated.gif", gif.getvalue()),
        ("rgb.tiff", _encode(Image.fromarray(scene), "TIFF")),
        ("rgb.bmp", _encode(Image.fromarray(scene), "BMP")),
        ("grey.bmp", _encode(Image.fromarray(grey), "BMP")),
        ("rgb.webp", _encode(Image.fromarray(scene), "WEBP", quality=81, method=4)),
    ]


if __name__ == "__main__":
    counts: dict[str, int] = {}
    for _, image_class, _ in images():
        counts[image_class] = counts.get(image_class, 0) + 1
    print(ROUND, counts, f"{len(attacks())} attacks")
