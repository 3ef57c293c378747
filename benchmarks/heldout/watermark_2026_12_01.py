"""Held-out evaluation set for safegen's invisible watermark, round of 2026-12-01.

Who wrote it: an independent helper that had NOT seen the watermark's design,
its code, its documentation, its benchmark or its tests. The images and the
attacks below were chosen without knowledge of how the mark is embedded or
detected, as an outside party would.

Date: 2026-12-01.

FROZEN: this file is never to be edited, not even to fix a typo or an attack
that later looks unfair. A later round writes a NEW file
(``benchmarks/heldout/watermark_YYYY_MM_DD.py``); results are only comparable
against the same frozen file.

Public interface
----------------
``images()``          -> list of (name, image_class, RGB uint8 HxWx3 array)
``attacks()``         -> list of (name, callable RGB uint8 -> RGB uint8)
``unmarked(n, seed)`` -> iterator of (name, RGB uint8 array), unmarked images
                         for a false-positive count (no model calls)
``edge_cases()``      -> list of (name, RGB uint8 array) of awkward sizes/contents
``edge_case_files()`` -> list of (name, encoded file bytes): 16-bit RGB PNG,
                         RGBA PNG with transparency, 16-bit grey PNG, palette
                         PNG, 8-bit grey PNG

Image sources
-------------
* ``photo512`` (16 images, 512x512): scikit-image's bundled, offline data
  (``skimage.data``): brick, cell, clock, grass, gravel, hubble_deep_field
  (full view and a crop), retina (full view, optic-disc crop, vessel crop),
  stereo_motorcycle left/right (four different crops), page, text. Crops are
  square regions resized with Lanczos; grey images are copied to 3 channels.
  Deliberately NOT used anywhere in this file (the developers tuned on them):
  astronaut, coffee, chelsea (== cat), rocket, camera, moon, coins,
  immunohistochemistry. Datasets that need a download (pooch) are not used.
* ``photo1024`` (7 images, 1024x1024): retina (resized, and a native-resolution
  1024 window), hubble_deep_field, stereo_motorcycle left and right, cell,
  gravel, upscaled with Lanczos where the source is smaller.
* ``generated256`` (14 images, 256x256): the project's built-in text-to-image
  model (``safegen.backends.builtin.BuiltinBackend``) at its native size, with
  the prompts and seeds in ``GENERATED`` below. They are cached as PNG under
  ``benchmarks/heldout/cache/`` (lossless, so a cached image equals a freshly
  generated one) and regenerated when missing.
* ``flat`` (2 images, 512x512): a nearly uniform colour with slight Gaussian
  noise (sigma 1.5) and a smooth two-colour diagonal gradient.
* ``unmarked()`` additionally uses the bundled colorwheel, logo, horse,
  checkerboard, shepp_logan_phantom, microaneurysms, binary_blobs and lfw_subset
  images, plus synthetic noise, flat, gradient and drawn-shapes images.

Attacks (names exactly as returned by ``attacks()``)
----------------------------------------------------
none,
flip_h, flip_v, flip_both,
stretch_1.0x0.9, stretch_0.9x1.0, stretch_1.15x1.0, stretch_1.0x0.85,
crop_center_90, crop_center_70, crop_center_50, crop_offset_60,
rot_+5, rot_-7, rot_+10, rot_-10, rot_+8_cropfill,
border_white_10, border_black_20, border_asym,
jpeg90, jpeg75, jpeg50, jpeg30, webp80, webp60,
resize_0.5, resize_0.6, resize_2, resize_1080,
social_chain, messaging_chain,
flip_h+jpeg75, crop_center_70+rot_+5, stretch_1.0x0.9+jpeg75,
border_white_10+resize_0.75, crop_center_50+jpeg75,
brightness_+25, contrast_x0.7, gamma_1.5, blur_gauss_1.0, noise_gauss_4,
screenshot_like

Conventions:
* ``stretch_SXxSY``: width multiplied by SX, height by SY (Lanczos when
  shrinking, bicubic when enlarging).
* ``crop_center_P``: keep P% of EACH side, centred. ``crop_offset_60``: keep
  60% of each side with the window's top-left corner at 10% of the height and
  30% of the width (off-centre, not at a corner).
* ``rot_+A``: rotation by A degrees counter-clockwise (``-``: clockwise) about
  the centre, bilinear, same output size; rot_+5 and rot_+10 fill the corners
  by reflection (BORDER_REFLECT_101), rot_-7 and rot_-10 fill them black.
  ``rot_+8_cropfill``: rotate +8 degrees, crop the largest axis-aligned
  rectangle inside the rotated picture, resize back to the input size (Lanczos).
* ``border_white_10`` / ``border_black_20``: pad each side by 10% / 20% of that
  side's length (top/bottom by the height, left/right by the width).
  ``border_asym``: dark-grey (24,24,24) padding of top 5%, bottom 15%,
  left 20%, right 2%.
* ``jpegQ`` / ``webpQ``: Pillow encode in memory at quality Q (JPEG with
  Pillow's default 4:2:0 chroma subsampling), then decode.
* ``resize_F``: both sides times F (Lanczos down, bicubic up);
  ``resize_1080``: longer side to 1080 px, aspect kept.
* ``social_chain``: crop_center_90, longer side to 1080, JPEG 75.
* ``messaging_chain``: resize 0.6x, JPEG 60.
* ``brightness_+25``: add 25 to every channel, clip. ``contrast_x0.7``:
  PIL ImageEnhance.Contrast(0.7). ``gamma_1.5``: out = 255*(in/255)**(1/1.5)
  (levels-style gamma 1.5, brightens mid-tones). ``blur_gauss_1.0``: OpenCV
  Gaussian blur, sigma 1.0. ``noise_gauss_4``: additive Gaussian noise,
  sigma 4, fixed seed, rounded and clipped. ``screenshot_like``: resize 0.8x
  bilinear, then a PNG (lossless) round trip.
* A combination ``a+b`` applies ``a`` then ``b``.
"""

from __future__ import annotations

import hashlib
import io
import math
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageEnhance

__all__ = ["images", "attacks", "unmarked", "edge_cases", "edge_case_files"]

CACHE_DIR = Path(__file__).resolve().parent / "cache"

EXCLUDED_SKIMAGE = (
    "astronaut",
    "coffee",
    "chelsea",
    "cat",  # the same picture as chelsea
    "rocket",
    "camera",
    "moon",
    "coins",
    "immunohistochemistry",
)

# (prompt, seed) for the generated256 class.
GENERATED: tuple[tuple[str, str, int], ...] = (
    ("snow_mountains_noon", "snowy mountains under a clear blue sky at noon", 1201),
    ("lake_sunset", "a calm lake reflecting an orange sunset", 1202),
    ("forest_hills", "a dense green forest on rolling hills", 1203),
    ("desert_dunes", "a desert with sand dunes at midday", 1204),
    ("city_night", "a city skyline at night with bright lights", 1205),
    ("stormy_sea", "a stormy sea under heavy grey clouds", 1206),
    ("apple_table", "a red apple on a wooden table", 1207),
    ("starry_night", "a starry night sky over dark hills", 1208),
    ("tropical_beach", "a tropical beach with palm trees and turquoise water", 1209),
    ("flower_field", "a field of yellow flowers in spring", 1210),
    ("river_fog_dawn", "fog over a river valley at dawn", 1211),
    ("stone_texture", "rough grey stone texture, close-up", 1212),
    ("canyon_waterfall", "a waterfall in a rocky canyon", 1213),
    ("frozen_lake_twilight", "a purple twilight over a frozen lake", 1214),
)


# --------------------------------------------------------------------------- helpers


def _rgb(arr: np.ndarray) -> np.ndarray:
    """Any skimage array (bool, float, grey, RGBA) -> RGB uint8, contiguous."""
    a = np.asarray(arr)
    if a.dtype == bool:
        a = a.astype(np.uint8) * 255
    elif a.dtype != np.uint8:
        a = np.clip(np.round(a.astype(np.float64) * 255.0), 0, 255).astype(np.uint8)
    if a.ndim == 2:
        a = np.repeat(a[:, :, None], 3, axis=2)
    elif a.shape[2] == 4:
        alpha = a[:, :, 3:4].astype(np.float64) / 255.0
        a = np.round(a[:, :, :3] * alpha + 255.0 * (1.0 - alpha)).astype(np.uint8)
    return np.ascontiguousarray(a[:, :, :3])


def _resize(arr: np.ndarray, width: int, height: int, method: str = "auto") -> np.ndarray:
    width, height = max(1, int(width)), max(1, int(height))
    h, w = arr.shape[:2]
    if (w, h) == (width, height):
        return arr.copy()
    if method == "auto":
        resample = Image.LANCZOS if width * height < w * h else Image.BICUBIC
    else:
        resample = {
            "lanczos": Image.LANCZOS,
            "bicubic": Image.BICUBIC,
            "bilinear": Image.BILINEAR,
            "nearest": Image.NEAREST,
        }[method]
    return np.asarray(Image.fromarray(arr).resize((width, height), resample))


def _square(arr: np.ndarray, top: int, left: int, side: int, size: int) -> np.ndarray:
    crop = arr[top : top + side, left : left + side]
    assert crop.shape[0] == side and crop.shape[1] == side, (crop.shape, side)
    return _resize(crop, size, size, "lanczos")


def _center_square(arr: np.ndarray, size: int) -> np.ndarray:
    h, w = arr.shape[:2]
    side = min(h, w)
    return _square(arr, (h - side) // 2, (w - side) // 2, side, size)


@cache
def _sk(name: str) -> np.ndarray:
    import skimage.data as data

    if name in EXCLUDED_SKIMAGE:
        raise ValueError(f"{name} is excluded from this held-out set")
    if name == "motorcycle_left":
        out = _rgb(data.stereo_motorcycle()[0])
    elif name == "motorcycle_right":
        out = _rgb(data.stereo_motorcycle()[1])
    elif name == "binary_blobs":
        out = _rgb(data.binary_blobs(length=512, blob_size_fraction=0.08, rng=20261201))
    else:
        out = _rgb(getattr(data, name)())
    out.setflags(write=False)
    return out


def _sk_available(name: str) -> bool:
    try:
        _sk(name)
    except Exception:  # a dataset that would need a download, or a missing one
        return False
    return True


# --------------------------------------------------------------------------- images


def _photo512() -> list[tuple[str, np.ndarray]]:
    specs: list[tuple[str, str, Callable[[np.ndarray], np.ndarray]]] = [
        ("brick", "brick", lambda a: _center_square(a, 512)),
        ("cell", "cell", lambda a: _center_square(a, 512)),
        ("clock", "clock", lambda a: _center_square(a, 512)),
        ("grass", "grass", lambda a: _center_square(a, 512)),
        ("gravel", "gravel", lambda a: _center_square(a, 512)),
        ("hubble_full", "hubble_deep_field", lambda a: _center_square(a, 512)),
        ("hubble_crop_galaxies", "hubble_deep_field", lambda a: _square(a, 380, 550, 400, 512)),
        ("retina_full", "retina", lambda a: _center_square(a, 512)),
        ("retina_optic_disc", "retina", lambda a: _square(a, 400, 20, 500, 512)),
        ("retina_vessels", "retina", lambda a: _square(a, 100, 500, 500, 512)),
        ("motorcycle_left_front", "motorcycle_left", lambda a: _square(a, 0, 241, 500, 512)),
        ("motorcycle_right_rear", "motorcycle_right", lambda a: _square(a, 0, 0, 500, 512)),
        ("motorcycle_engine", "motorcycle_left", lambda a: _square(a, 200, 300, 250, 512)),
        ("motorcycle_shelves", "motorcycle_left", lambda a: _square(a, 0, 330, 250, 512)),
        ("page", "page", lambda a: _center_square(a, 512)),
        ("text", "text", lambda a: _center_square(a, 512)),
    ]
    out = []
    for name, source, make in specs:
        if not _sk_available(source):
            continue
        out.append((name, make(_sk(source))))
    return out


def _photo1024() -> list[tuple[str, np.ndarray]]:
    specs: list[tuple[str, str, Callable[[np.ndarray], np.ndarray]]] = [
        ("retina_full_1024", "retina", lambda a: _center_square(a, 1024)),
        ("retina_native_window_1024", "retina", lambda a: _square(a, 200, 387, 1024, 1024)),
        ("hubble_1024", "hubble_deep_field", lambda a: _center_square(a, 1024)),
        ("motorcycle_left_1024", "motorcycle_left", lambda a: _square(a, 0, 120, 500, 1024)),
        ("motorcycle_right_1024", "motorcycle_right", lambda a: _square(a, 0, 241, 500, 1024)),
        ("cell_1024", "cell", lambda a: _center_square(a, 1024)),
        ("gravel_1024", "gravel", lambda a: _center_square(a, 1024)),
    ]
    out = []
    for name, source, make in specs:
        if not _sk_available(source):
            continue
        out.append((name, make(_sk(source))))
    return out


def _cache_path(name: str, prompt: str, seed: int) -> Path:
    key = hashlib.sha256(f"{prompt}\0{seed}".encode()).hexdigest()[:12]
    return CACHE_DIR / f"gen_{name}_{seed}_{key}.png"


_BACKEND = None


def _backend():  # type: ignore[no-untyped-def]
    global _BACKEND
    if _BACKEND is None:
        from safegen.backends.builtin import BuiltinBackend

        _BACKEND = BuiltinBackend(threads=2)
    return _BACKEND


def _generated256() -> list[tuple[str, np.ndarray]]:
    out = []
    for name, prompt, seed in GENERATED:
        path = _cache_path(name, prompt, seed)
        if path.is_file():
            with Image.open(path) as im:
                arr = np.asarray(im.convert("RGB"))
        else:
            from safegen.backends import BackendRequest

            request = BackendRequest(
                prompt=prompt,
                negative_prompt=None,
                seeds=(seed,),
                width=None,
                height=None,
                steps=None,
            )
            arr = np.asarray(_backend().generate(request)[0].convert("RGB"))
            CACHE_DIR.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp.png")
            Image.fromarray(arr).save(tmp, format="PNG")
            tmp.replace(path)
        out.append((f"gen_{name}", np.ascontiguousarray(arr, dtype=np.uint8)))
    return out


def _flat_images() -> list[tuple[str, np.ndarray]]:
    rng = np.random.default_rng(20261201)
    base = np.empty((512, 512, 3), np.float64)
    base[:] = (118.0, 131.0, 142.0)
    near_uniform = np.clip(np.round(base + rng.normal(0.0, 1.5, base.shape)), 0, 255)
    yy, xx = np.mgrid[0:512, 0:512].astype(np.float64)
    t = ((xx + 0.6 * yy) / (511.0 * 1.6))[:, :, None]
    c0 = np.array([30.0, 60.0, 150.0])
    c1 = np.array([240.0, 200.0, 120.0])
    gradient = np.clip(np.round(c0 * (1.0 - t) + c1 * t), 0, 255)
    return [
        ("flat_near_uniform_noise", near_uniform.astype(np.uint8)),
        ("flat_smooth_gradient", gradient.astype(np.uint8)),
    ]


def images() -> list[tuple[str, str, np.ndarray]]:
    """All marked-test images: (name, image_class, RGB uint8 HxWx3). Deterministic."""
    out: list[tuple[str, str, np.ndarray]] = []
    for cls, items in (
        ("photo512", _photo512()),
        ("photo1024", _photo1024()),
        ("generated256", _generated256()),
        ("flat", _flat_images()),
    ):
        for name, arr in items:
            out.append((name, cls, np.ascontiguousarray(arr, dtype=np.uint8)))
    return out


# --------------------------------------------------------------------------- attacks


def _identity(a: np.ndarray) -> np.ndarray:
    return a.copy()


def _flip(code: str) -> Callable[[np.ndarray], np.ndarray]:
    ops = {
        "h": (Image.FLIP_LEFT_RIGHT,),
        "v": (Image.FLIP_TOP_BOTTOM,),
        "both": (Image.FLIP_LEFT_RIGHT, Image.FLIP_TOP_BOTTOM),
    }[code]

    def attack(a: np.ndarray) -> np.ndarray:
        im = Image.fromarray(a)
        for op in ops:
            im = im.transpose(op)
        return np.asarray(im)

    return attack


def _stretch(sx: float, sy: float) -> Callable[[np.ndarray], np.ndarray]:
    def attack(a: np.ndarray) -> np.ndarray:
        h, w = a.shape[:2]
        nw, nh = max(1, round(w * sx)), max(1, round(h * sy))
        resample = Image.LANCZOS if nw * nh < w * h else Image.BICUBIC
        return np.asarray(Image.fromarray(a).resize((nw, nh), resample))

    return attack


def _crop_box(a: np.ndarray, frac: float, top_frac: float | None, left_frac: float | None):
    h, w = a.shape[:2]
    ch, cw = max(1, round(h * frac)), max(1, round(w * frac))
    top = (h - ch) // 2 if top_frac is None else min(h - ch, round(h * top_frac))
    left = (w - cw) // 2 if left_frac is None else min(w - cw, round(w * left_frac))
    return a[top : top + ch, left : left + cw].copy()


def _crop_center(frac: float) -> Callable[[np.ndarray], np.ndarray]:
    return lambda a: _crop_box(a, frac, None, None)


Attack = Callable[[np.ndarray], np.ndarray]


def _crop_offset(frac: float, top_frac: float, left_frac: float) -> Attack:
    return lambda a: _crop_box(a, frac, top_frac, left_frac)


def _rotate(angle: float, border: str) -> Callable[[np.ndarray], np.ndarray]:
    mode = {"reflect": cv2.BORDER_REFLECT_101, "black": cv2.BORDER_CONSTANT}[border]

    def attack(a: np.ndarray) -> np.ndarray:
        h, w = a.shape[:2]
        m = cv2.getRotationMatrix2D(((w - 1) / 2.0, (h - 1) / 2.0), angle, 1.0)
        return cv2.warpAffine(
            np.ascontiguousarray(a),
            m,
            (w, h),
            flags=cv2.INTER_LINEAR,
            borderMode=mode,
            borderValue=(0, 0, 0),
        )

    return attack


def _largest_inner_rect(w: int, h: int, angle_deg: float) -> tuple[float, float]:
    """Width and height of the largest axis-aligned rectangle inside a w x h rectangle
    rotated by angle_deg (the well-known closed form)."""
    if w <= 0 or h <= 0:
        return 0.0, 0.0
    a = math.radians(angle_deg)
    width_is_longer = w >= h
    side_long, side_short = (w, h) if width_is_longer else (h, w)
    sin_a, cos_a = abs(math.sin(a)), abs(math.cos(a))
    if side_short <= 2.0 * sin_a * cos_a * side_long or abs(sin_a - cos_a) < 1e-10:
        x = 0.5 * side_short
        wr, hr = (x / sin_a, x / cos_a) if width_is_longer else (x / cos_a, x / sin_a)
    else:
        cos_2a = cos_a * cos_a - sin_a * sin_a
        wr, hr = (w * cos_a - h * sin_a) / cos_2a, (h * cos_a - w * sin_a) / cos_2a
    return wr, hr


def _rotate_cropfill(angle: float) -> Callable[[np.ndarray], np.ndarray]:
    rot = _rotate(angle, "black")

    def attack(a: np.ndarray) -> np.ndarray:
        h, w = a.shape[:2]
        r = rot(a)
        wr, hr = _largest_inner_rect(w, h, angle)
        cw = max(1, min(w, int(math.floor(wr)) - 2))
        ch = max(1, min(h, int(math.floor(hr)) - 2))
        top, left = (h - ch) // 2, (w - cw) // 2
        crop = np.ascontiguousarray(r[top : top + ch, left : left + cw])
        return np.asarray(Image.fromarray(crop).resize((w, h), Image.LANCZOS))

    return attack


def _border(top: float, bottom: float, left: float, right: float, colour: tuple) -> Attack:
    def attack(a: np.ndarray) -> np.ndarray:
        h, w = a.shape[:2]
        t, b = round(h * top), round(h * bottom)
        lp, rp = round(w * left), round(w * right)
        out = np.empty((h + t + b, w + lp + rp, 3), np.uint8)
        out[:] = colour
        out[t : t + h, lp : lp + w] = a
        return out

    return attack


def _encode(fmt: str, quality: int) -> Callable[[np.ndarray], np.ndarray]:
    def attack(a: np.ndarray) -> np.ndarray:
        buf = io.BytesIO()
        Image.fromarray(a).save(buf, format=fmt, quality=quality)
        buf.seek(0)
        with Image.open(buf) as im:
            return np.asarray(im.convert("RGB"))

    return attack


def _png_roundtrip(a: np.ndarray) -> np.ndarray:
    buf = io.BytesIO()
    Image.fromarray(a).save(buf, format="PNG")
    buf.seek(0)
    with Image.open(buf) as im:
        return np.asarray(im.convert("RGB"))


def _resize_factor(f: float, method: str = "auto") -> Callable[[np.ndarray], np.ndarray]:
    def attack(a: np.ndarray) -> np.ndarray:
        h, w = a.shape[:2]
        return _resize(a, round(w * f), round(h * f), method)

    return attack


def _resize_long(side: int) -> Callable[[np.ndarray], np.ndarray]:
    def attack(a: np.ndarray) -> np.ndarray:
        h, w = a.shape[:2]
        s = side / max(h, w)
        return _resize(a, round(w * s), round(h * s))

    return attack


def _chain(*fns: Callable[[np.ndarray], np.ndarray]) -> Callable[[np.ndarray], np.ndarray]:
    def attack(a: np.ndarray) -> np.ndarray:
        for fn in fns:
            a = fn(a)
        return a

    return attack


def _brightness(delta: int) -> Callable[[np.ndarray], np.ndarray]:
    return lambda a: np.clip(a.astype(np.int16) + delta, 0, 255).astype(np.uint8)


def _contrast(factor: float) -> Callable[[np.ndarray], np.ndarray]:
    return lambda a: np.asarray(ImageEnhance.Contrast(Image.fromarray(a)).enhance(factor))


def _gamma(g: float) -> Callable[[np.ndarray], np.ndarray]:
    lut = np.clip(np.round(255.0 * (np.arange(256) / 255.0) ** (1.0 / g)), 0, 255).astype(np.uint8)
    return lambda a: lut[a]


def _blur(sigma: float) -> Callable[[np.ndarray], np.ndarray]:
    return lambda a: cv2.GaussianBlur(np.ascontiguousarray(a), (0, 0), sigmaX=sigma, sigmaY=sigma)


def _noise(sigma: float, seed: int) -> Callable[[np.ndarray], np.ndarray]:
    def attack(a: np.ndarray) -> np.ndarray:
        rng = np.random.default_rng(seed)
        n = rng.normal(0.0, sigma, a.shape)
        return np.clip(np.round(a.astype(np.float64) + n), 0, 255).astype(np.uint8)

    return attack


def attacks() -> list[tuple[str, Callable[[np.ndarray], np.ndarray]]]:
    """Named attacks; each takes and returns an RGB uint8 array (size may change)."""
    jpeg75 = _encode("JPEG", 75)
    crop70 = _crop_center(0.70)
    crop50 = _crop_center(0.50)
    rot5 = _rotate(5.0, "reflect")
    stretch_y09 = _stretch(1.0, 0.9)
    border_w10 = _border(0.10, 0.10, 0.10, 0.10, (255, 255, 255))
    out: list[tuple[str, Callable[[np.ndarray], np.ndarray]]] = [
        ("none", _identity),
        ("flip_h", _flip("h")),
        ("flip_v", _flip("v")),
        ("flip_both", _flip("both")),
        ("stretch_1.0x0.9", stretch_y09),
        ("stretch_0.9x1.0", _stretch(0.9, 1.0)),
        ("stretch_1.15x1.0", _stretch(1.15, 1.0)),
        ("stretch_1.0x0.85", _stretch(1.0, 0.85)),
        ("crop_center_90", _crop_center(0.90)),
        ("crop_center_70", crop70),
        ("crop_center_50", crop50),
        ("crop_offset_60", _crop_offset(0.60, 0.10, 0.30)),
        ("rot_+5", rot5),
        ("rot_-7", _rotate(-7.0, "black")),
        ("rot_+10", _rotate(10.0, "reflect")),
        ("rot_-10", _rotate(-10.0, "black")),
        ("rot_+8_cropfill", _rotate_cropfill(8.0)),
        ("border_white_10", border_w10),
        ("border_black_20", _border(0.20, 0.20, 0.20, 0.20, (0, 0, 0))),
        ("border_asym", _border(0.05, 0.15, 0.20, 0.02, (24, 24, 24))),
        ("jpeg90", _encode("JPEG", 90)),
        ("jpeg75", jpeg75),
        ("jpeg50", _encode("JPEG", 50)),
        ("jpeg30", _encode("JPEG", 30)),
        ("webp80", _encode("WEBP", 80)),
        ("webp60", _encode("WEBP", 60)),
        ("resize_0.5", _resize_factor(0.5)),
        ("resize_0.6", _resize_factor(0.6)),
        ("resize_2", _resize_factor(2.0)),
        ("resize_1080", _resize_long(1080)),
        ("social_chain", _chain(_crop_center(0.90), _resize_long(1080), jpeg75)),
        ("messaging_chain", _chain(_resize_factor(0.6), _encode("JPEG", 60))),
        ("flip_h+jpeg75", _chain(_flip("h"), jpeg75)),
        ("crop_center_70+rot_+5", _chain(crop70, rot5)),
        ("stretch_1.0x0.9+jpeg75", _chain(stretch_y09, jpeg75)),
        ("border_white_10+resize_0.75", _chain(border_w10, _resize_factor(0.75))),
        ("crop_center_50+jpeg75", _chain(crop50, jpeg75)),
        ("brightness_+25", _brightness(25)),
        ("contrast_x0.7", _contrast(0.7)),
        ("gamma_1.5", _gamma(1.5)),
        ("blur_gauss_1.0", _blur(1.0)),
        ("noise_gauss_4", _noise(4.0, 20261201)),
        ("screenshot_like", _chain(_resize_factor(0.8, "bilinear"), _png_roundtrip)),
    ]
    return out


# --------------------------------------------------------------------------- unmarked


_UNMARKED_SOURCES = (
    "brick",
    "cell",
    "clock",
    "grass",
    "gravel",
    "hubble_deep_field",
    "retina",
    "motorcycle_left",
    "motorcycle_right",
    "page",
    "text",
    "colorwheel",
    "logo",
    "horse",
    "checkerboard",
    "shepp_logan_phantom",
    "microaneurysms",
    "binary_blobs",
)


@lru_cache(maxsize=1)
def _unmarked_pool() -> tuple[tuple[str, np.ndarray], ...]:
    pool = [(n, _sk(n)) for n in _UNMARKED_SOURCES if _sk_available(n)]
    pool += [(f"p512_{n}", a) for n, a in _photo512()]
    try:
        import skimage.data as data

        faces = data.lfw_subset()
        for i in range(0, len(faces), 25):  # 8 faces, upsampled later
            pool.append((f"lfw_{i:03d}", _rgb(faces[i])))
    except Exception:
        pass
    return tuple(pool)


def _sample_size(rng: np.random.Generator) -> tuple[int, int]:
    """(width, height), each 64..1500, mostly with the longer side 256..1024."""
    if rng.random() < 0.8:
        long_side = math.exp(rng.uniform(math.log(256), math.log(1024)))
    else:
        long_side = rng.uniform(64, 1500)
    aspect = float(rng.choice([1.0, 1.0, 4 / 3, 3 / 2, 16 / 9, 5 / 4, 2.0, 1.2]))
    short_side = long_side / aspect
    long_px = int(np.clip(round(long_side), 64, 1500))
    short_px = int(np.clip(round(short_side), 64, 1500))
    return (long_px, short_px) if rng.random() < 0.6 else (short_px, long_px)


def _maybe_jpeg(a: np.ndarray, rng: np.random.Generator, p: float) -> tuple[np.ndarray, str]:
    if rng.random() < p:
        q = int(rng.integers(30, 96))
        return _encode("JPEG", q)(a), f"_jpeg{q}"
    return a, ""


def _unmarked_photo(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    pool = _unmarked_pool()
    src_name, src = pool[int(rng.integers(len(pool)))]
    h, w = src.shape[:2]
    fh, fw = rng.uniform(0.3, 1.0), rng.uniform(0.3, 1.0)
    ch, cw = max(8, int(h * fh)), max(8, int(w * fw))
    ch, cw = min(ch, h), min(cw, w)
    top, left = int(rng.integers(0, h - ch + 1)), int(rng.integers(0, w - cw + 1))
    a = np.ascontiguousarray(src[top : top + ch, left : left + cw])
    tag = f"photo_{src_name}"
    if rng.random() < 0.3:
        a = np.ascontiguousarray(a[:, ::-1])
        tag += "_fliph"
    if rng.random() < 0.1:
        a = np.ascontiguousarray(a[::-1])
        tag += "_flipv"
    if rng.random() < 0.2:
        ang = float(rng.uniform(-15, 15))
        a = _rotate(ang, "reflect" if rng.random() < 0.5 else "black")(a)
        tag += f"_rot{ang:+.1f}"
    tw, th = _sample_size(rng)
    method = str(rng.choice(["lanczos", "bicubic", "bilinear", "auto"]))
    a = _resize(a, tw, th, method)
    if rng.random() < 0.15:
        a = _brightness(int(rng.integers(-30, 31)))(a)
        tag += "_bright"
    a, jtag = _maybe_jpeg(a, rng, 0.5)
    return tag + jtag, a


def _unmarked_noise(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w, h = _sample_size(rng)
    kind = int(rng.integers(3))
    if kind == 0:
        a = rng.integers(0, 256, (h, w, 3), dtype=np.uint8)
        tag = "noise_uniform"
    elif kind == 1:
        mean = rng.uniform(60, 200, 3)
        noise = rng.normal(0, rng.uniform(5, 50), (h, w, 3))
        a = np.clip(np.round(mean + noise), 0, 255).astype(np.uint8)
        tag = "noise_gauss"
    else:
        sigma = float(rng.uniform(1.5, 12.0))
        base = rng.normal(0, 1, (h, w, 3)).astype(np.float32)
        base = cv2.GaussianBlur(base, (0, 0), sigmaX=sigma, sigmaY=sigma)
        base = (base - base.mean()) / (base.std() + 1e-6)
        a = np.clip(np.round(128 + 45 * base), 0, 255).astype(np.uint8)
        tag = "noise_smooth"
    a, jtag = _maybe_jpeg(a, rng, 0.3)
    return tag + jtag, a


def _unmarked_flat(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w, h = _sample_size(rng)
    kind = int(rng.integers(3))
    c0 = rng.uniform(0, 255, 3)
    if kind == 0:
        a = np.empty((h, w, 3), np.float32)
        a[:] = c0
        tag = "flat"
    elif kind == 1:
        c1 = rng.uniform(0, 255, 3)
        ang = rng.uniform(0, 2 * math.pi)
        yy, xx = np.ogrid[0:h, 0:w]
        t = xx / max(w - 1, 1) * math.cos(ang) + yy / max(h - 1, 1) * math.sin(ang)
        t = t.astype(np.float32)
        t = (t - t.min()) / (np.ptp(t) + 1e-9)
        a = c0.astype(np.float32) * (1 - t[:, :, None]) + c1.astype(np.float32) * t[:, :, None]
        tag = "gradient_linear"
    else:
        c1 = rng.uniform(0, 255, 3)
        cy, cx = rng.uniform(0, h), rng.uniform(0, w)
        yy, xx = np.ogrid[0:h, 0:w]
        r = np.hypot(yy - cy, xx - cx).astype(np.float32)
        t = np.clip(r / (r.max() + 1e-9), 0, 1)
        a = c0.astype(np.float32) * (1 - t[:, :, None]) + c1.astype(np.float32) * t[:, :, None]
        tag = "gradient_radial"
    if rng.random() < 0.5:
        a = a + rng.normal(0, rng.uniform(0.5, 3.0), a.shape).astype(np.float32)
        tag += "_noisy"
    a = np.clip(np.round(a), 0, 255).astype(np.uint8)
    a, jtag = _maybe_jpeg(a, rng, 0.3)
    return tag + jtag, a


def _unmarked_shapes(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w, h = _sample_size(rng)
    a = np.empty((h, w, 3), np.uint8)
    a[:] = rng.integers(0, 256, 3)
    for _ in range(int(rng.integers(3, 25))):
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        x0, y0 = int(rng.integers(0, w)), int(rng.integers(0, h))
        if rng.random() < 0.5:
            x1, y1 = int(rng.integers(0, w)), int(rng.integers(0, h))
            cv2.rectangle(a, (x0, y0), (x1, y1), colour, -1 if rng.random() < 0.7 else 3)
        else:
            rad = int(rng.integers(3, max(4, min(w, h) // 3)))
            cv2.circle(a, (x0, y0), rad, colour, -1, lineType=cv2.LINE_AA)
    if rng.random() < 0.5:
        for _ in range(int(rng.integers(1, 5))):
            colour = tuple(int(c) for c in rng.integers(0, 256, 3))
            org = (int(rng.integers(0, max(1, w - 40))), int(rng.integers(20, max(21, h))))
            cv2.putText(
                a,
                "heldout 2026",
                org,
                cv2.FONT_HERSHEY_SIMPLEX,
                float(rng.uniform(0.4, 2.0)),
                colour,
                2,
                cv2.LINE_AA,
            )
    a, jtag = _maybe_jpeg(a, rng, 0.4)
    return "shapes" + jtag, a


def unmarked(n: int = 10000, seed: int = 20261201) -> Iterator[tuple[str, np.ndarray]]:
    """n unmarked RGB uint8 images for a false-positive count. Deterministic: item i
    depends only on (seed, i). About 70% photo-derived, 10% noise, 10% flat and
    gradient, 10% drawn shapes; sides from 64 to 1500 px, mostly 256-1024."""
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        u = rng.random()
        if u < 0.70:
            tag, a = _unmarked_photo(rng)
        elif u < 0.80:
            tag, a = _unmarked_noise(rng)
        elif u < 0.90:
            tag, a = _unmarked_flat(rng)
        else:
            tag, a = _unmarked_shapes(rng)
        yield f"unmarked_{i:05d}_{tag}", np.ascontiguousarray(a, dtype=np.uint8)


# --------------------------------------------------------------------------- edge cases


def edge_cases() -> list[tuple[str, np.ndarray]]:
    """Awkward RGB uint8 inputs. Names say width x height (w x h); arrays are (h, w, 3)."""
    photo = _sk("motorcycle_left")
    retina = _sk("retina")
    rng = np.random.default_rng(20261201)
    one_colour = np.empty((512, 512, 3), np.uint8)
    one_colour[:] = (200, 30, 60)
    black = np.zeros((256, 256, 3), np.uint8)
    white = np.full((256, 256, 3), 255, np.uint8)
    strip_row = _resize(photo[240:241], 2000, 1, "lanczos")
    strip_col = _resize(np.ascontiguousarray(photo[:, 370:371]), 1, 2000, "lanczos")
    # 4000x3000: a 4:3 window of the motorcycle, upscaled (Lanczos)
    large = _resize(photo[0:500, 40:707], 4000, 3000, "lanczos")
    grey = _rgb(_sk("brick")[:, :, 0])
    out = [
        ("tiny_w16_h16", _resize(photo[100:400, 200:500], 16, 16, "lanczos")),
        ("tiny_w63_h63", _resize(photo[100:400, 200:500], 63, 63, "lanczos")),
        ("small_w100_h40", _resize(photo[150:270, 150:450], 100, 40, "lanczos")),
        ("small_w40_h100", _resize(photo[100:400, 300:420], 40, 100, "lanczos")),
        ("one_colour_w512_h512", one_colour),
        ("all_black_w256_h256", black),
        ("all_white_w256_h256", white),
        ("strip_w2000_h1", strip_row),
        ("strip_w1_h2000", strip_col),
        ("large_w4000_h3000", large),
        ("grey_as_rgb_w512_h512", grey),
        ("random_noise_w512_h512", rng.integers(0, 256, (512, 512, 3), dtype=np.uint8)),
        ("retina_native_w1411_h1411", retina.copy()),
        ("odd_size_w777_h333", _resize(photo[:, :741], 777, 333, "lanczos")),
    ]
    return [(n, np.ascontiguousarray(a, dtype=np.uint8)) for n, a in out]


def edge_case_files() -> list[tuple[str, bytes]]:
    """Encoded files that cannot be uint8 RGB arrays: (file name, bytes)."""
    src = _center_square(_sk("motorcycle_left"), 256).astype(np.uint16)
    # 16-bit RGB PNG (48 bits per pixel): value*257 plus low-order detail; written
    # with OpenCV because Pillow cannot write 16-bit RGB. OpenCV wants BGR order.
    rng = np.random.default_rng(20261201)
    rgb16 = src * 257 + rng.integers(0, 257, src.shape).astype(np.uint16)
    ok, enc = cv2.imencode(".png", np.ascontiguousarray(rgb16[:, :, ::-1]))
    assert ok
    rgb16_png = enc.tobytes()

    # RGBA with transparency: alpha a radial ramp, fully transparent corners
    base = _center_square(_sk("hubble_deep_field"), 256)
    yy, xx = np.mgrid[0:256, 0:256]
    r = np.hypot(yy - 127.5, xx - 127.5)
    alpha = np.clip(np.round(255 * (1.0 - (r - 60) / 70)), 0, 255).astype(np.uint8)
    rgba = np.dstack([base, alpha])
    buf = io.BytesIO()
    Image.fromarray(rgba, mode="RGBA").save(buf, format="PNG")
    rgba_png = buf.getvalue()

    # 16-bit greyscale PNG
    grey16 = (src[:, :, 1].astype(np.uint32) * 257).astype(np.uint16)
    ok, enc = cv2.imencode(".png", np.ascontiguousarray(grey16))
    assert ok
    grey16_png = enc.tobytes()

    # palette PNG (mode P, 64 colours)
    buf = io.BytesIO()
    palette = Image.fromarray(_center_square(_sk("retina"), 256))
    palette.quantize(colors=64, method=Image.MEDIANCUT).save(buf, format="PNG")
    palette_png = buf.getvalue()

    # 8-bit greyscale PNG (mode L)
    buf = io.BytesIO()
    Image.fromarray(_sk("grass")[:, :, 0]).save(buf, format="PNG")
    grey8_png = buf.getvalue()

    return [
        ("rgb16_w256_h256.png", rgb16_png),
        ("rgba_transparent_w256_h256.png", rgba_png),
        ("grey16_w256_h256.png", grey16_png),
        ("palette64_w256_h256.png", palette_png),
        ("grey8_w512_h512.png", grey8_png),
    ]
