"""Held-out watermark test set, round 2026-12-07y: written blind, then frozen.

PROVENANCE
    Written by an independent tester who was asked not to learn how the watermark works.
    Files read: /work/main/pyproject.toml; /work/main/safegen/backends/__init__.py,
    safegen/backends/base.py and safegen/backends/builtin.py (only to learn how to call the
    built-in offline image model). The sample images shipped inside scikit-image
    (skimage/data/*.png|jpg) and scikit-learn (sklearn/datasets/images/*.jpg) were located
    with importlib.util.find_spec, listed (name, size, mode) and are read here as files;
    neither package is imported. Run: this module only, with /work/main/.venv/bin/python and
    OMP_NUM_THREADS=1, to check its own outputs (shapes, dtypes, contiguity, determinism,
    every attack on a 256x256 image and on the largest image, unmarked(300), byte-identical
    edge-case files across two processes) and to generate the built-in model's six images
    into cache_y/ (once, then once more after emptying cache_y/ to check that regenerating
    gives identical pixels). Also run: one listing of the two sample-image folders, a check
    of which packages and codecs the venv has, and one `git check-ignore` on the cache path
    (it named benchmarks/heldout/.gitignore's pattern cache_*/; nothing else of that file).
    Not opened, listed, grepped, imported or run: anything under safegen/watermark/, docs/,
    tests/, benchmarks/ (except this file and cache_y/), README.md, /work/before,
    /work/after, /work/exp; no watermark encoder or decoder was run; no git history or
    issue tracker was read. Every image and attack parameter was chosen before and without
    any watermark result. Besides this file the tester only added this file's name to
    ruff's extend-exclude in pyproject.toml and to the list of set names in the docstring
    of benchmarks/watermark_heldout.py.

FROZEN
    This file is never edited, not even for style: its sha256 is its identity.

SOURCES
    Photos: scikit-image's sample data (astronaut, chelsea, coffee, hubble_deep_field,
    ihc, motorcycle_left, motorcycle_right, retina, rocket, camera, grass) and
    scikit-learn's sample images (china.jpg, flower.jpg), read from the installed packages
    (found with importlib.util.find_spec, never imported) and changed here by fixed crops,
    rescales and tone curves. The unmarked set also uses the other greyscale samples
    (brick, gravel, moon, coins, cell, clock_motion, page, text).
    Generated: safegen.backends.builtin.BuiltinBackend (the built-in offline model) at its
    native 256x256, with this file's own prompts and seeds; cached as PNG in CACHE_DIR and
    regenerated when absent (that needs the `generate` extra).
    Screenshots and graphics: drawn here with numpy and OpenCV (Hershey fonts).

INTERFACE
    ROUND = "2026-12-07y"; CACHE_DIR = <this folder>/cache_y
    images() -> list of (name, image_class, rgb); image_class is one of "photo",
    "generated", "graphic", "screenshot"; rgb a C-contiguous uint8 (H, W, 3) array.
    attacks() -> list of (name, fn); fn(rgb) -> a new C-contiguous uint8 (H', W', 3) array,
    deterministic (noise is seeded from the attack's name, the image's shape and bytes);
    the first attack is "none" (a copy).
    unmarked(n=10000, seed=2026120725) -> iterator of (name, rgb); item i depends only on
    np.random.default_rng([seed, i]) and the package sample images; both sides in 96..1100.
    edge_cases() -> list of (name, rgb): awkward uint8 RGB arrays (all C-contiguous).
    edge_case_files() -> list of (name, bytes): awkward encoded files, byte-identical per run.

IMAGES (28; width x height)
    photo (18):
        photo_astronaut_portrait 301x437, photo_chelsea_warm 451x300,
        photo_coffee_up 1043x695, photo_hubble_large 1991x1736,
        photo_retina_square 757x757, photo_rocket_panorama 1519x475,
        photo_china_large 1813x1210, photo_flower_portrait 1047x1397,
        photo_motorcycle_left_contrast 741x500, photo_motorcycle_right_small 389x262,
        photo_ihc_dim_square 440x440, photo_camera_tinted 611x611,
        photo_coffee_strip_portrait 257x418, photo_chelsea_face_lowkey 283x283,
        photo_rocket_phone_9x16 607x1079, photo_flower_saturated 1031x773,
        photo_grass_texture 703x457, photo_motorcycles_stitched 1333x450
    generated (6, 256x256 each):
        gen_alpine_lake_sunrise, gen_red_canyon_noon, gen_stormy_cliffs_dusk,
        gen_green_hills_river, gen_tundra_night_sky, gen_tropical_beach_sunset
    screenshot (2): screenshot_code_editor 1440x900, screenshot_phone_chat 750x1334
    graphic (2): graphic_festival_poster 900x620, graphic_bar_line_chart 720x540

ATTACKS (89, in this order)
    none; flip_h; flip_v;
    squash_y_0.882; stretch_xy_1.11_0.93; stretch_x_1.21; aspect_square; aspect_4x5;
    aspect_9x16; aspect_16x9; aspect_2x1;
    crop_centre_93; crop_offcentre_61x78; crop_corner_tl_57; crop_right_only_87;
    crop_top7_left21; crop_centre_53_back; crop_offcentre_86_back;
    rotate_1.3_black; rotate_-2.7_white; rotate_4.6_reflect; rotate_-7.4_expand_black;
    rotate_5.9_inner_crop; straighten_-3.2_back; straighten_8.3_back;
    pad_black_6; pad_uneven_white; pad_teal_13; pad_reflect_9; pad_blurred_18;
    caption_band_bottom; overlay_logo; overlay_frame; overlay_text_diagonal;
    overlay_stickers; letterbox_16x9_black; letterbox_1x1_white; letterbox_9x16_blurred;
    letterbox_4x5_navy;
    jpeg_31; jpeg_52; jpeg_72; jpeg_88; jpeg444_41; jpeg444_83; webp_54; webp_86;
    down_0.71_area; down_0.38_area; downup_0.46_nearest_cubic; up_1.37_cubic;
    up_1.83_lanczos;
    social_feed_1080_jpeg74; social_4x5_1080x1350_jpeg79; social_story_9x16_jpeg76;
    messaging_0.6_jpeg59; messaging_forwarded_twice;
    screen_browser_hidpi_png; screen_gallery_0.8_jpeg88; screen_phone_app_png;
    screen_document_viewer_png; screen_slide_export_jpeg83; screen_video_player_jpeg71;
    blur_gauss_1.1; blur_gauss_2.3; unsharp_1.6_0.9; median_3; noise_gauss_7.7;
    denoise_nlmeans;
    bright_+21; contrast_1.27; gamma_0.69; gamma_1.46; saturation_1.48; greyscale; sepia;
    balance_warm;
    combo_rot2.3_inner_jpeg72; combo_fliph_crop88_webp77; combo_stretchx1.08_gamma0.83_jpeg66;
    combo_crop80_down0.75_sat1.3_jpeg81; combo_padreflect11_rot-3.6_jpeg75;
    combo_browser_down0.7_jpeg63; combo_blur0.8_noise3.1_jpeg57; combo_meme_social_feed;
    combo_aspect4x3_contrast1.15_webp61; combo_grey_crop74_down0.6_jpeg70;
    combo_rot-6.1_expand_white_sepia_jpeg84; combo_social4x5_forwarded_thrice
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import io
import math
import os
import struct
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import cv2
import numpy as np
from PIL import Image

ROUND = "2026-12-07y"
CACHE_DIR = Path(__file__).resolve().parent / "cache_y"

Attack = Callable[[np.ndarray], np.ndarray]
FONT = cv2.FONT_HERSHEY_SIMPLEX
AA = cv2.LINE_AA

# --------------------------------------------------------------------------- sample files

_SAMPLES: dict[str, tuple[str, str]] = {
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
    "brick": ("skimage", "data/brick.png"),
    "grass": ("skimage", "data/grass.png"),
    "gravel": ("skimage", "data/gravel.png"),
    "moon": ("skimage", "data/moon.png"),
    "coins": ("skimage", "data/coins.png"),
    "cell": ("skimage", "data/cell.png"),
    "clock_motion": ("skimage", "data/clock_motion.png"),
    "page": ("skimage", "data/page.png"),
    "text": ("skimage", "data/text.png"),
    "china": ("sklearn", "datasets/images/china.jpg"),
    "flower": ("sklearn", "datasets/images/flower.jpg"),
}
_RGB_PHOTOS = ("astronaut", "chelsea", "coffee", "hubble", "ihc", "motorcycle_left",
               "motorcycle_right", "retina", "rocket", "china", "flower")
_GREY_PHOTOS = ("camera", "brick", "grass", "gravel", "moon", "coins", "cell",
                "clock_motion", "page", "text")


def _package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"{package} is not installed; its sample images are needed")
    return Path(spec.origin).resolve().parent


@functools.cache
def _sample(name: str) -> np.ndarray:
    package, relative = _SAMPLES[name]
    with Image.open(_package_dir(package) / relative) as im:
        im.load()
        arr = np.array(im.convert("RGB"), dtype=np.uint8)
    arr = np.ascontiguousarray(arr)
    arr.setflags(write=False)
    return arr


# --------------------------------------------------------------------------- helpers


def _u8(x: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(np.clip(np.rint(x), 0, 255).astype(np.uint8))


def _c(a: np.ndarray) -> np.ndarray:
    a = np.asarray(a)
    if a.dtype != np.uint8:
        a = _u8(a)
    if a.ndim == 2:
        a = np.repeat(a[:, :, None], 3, axis=2)
    return np.array(a[:, :, :3], dtype=np.uint8, order="C", copy=True)


def _rng(tag: str, a: np.ndarray) -> np.random.Generator:
    digest = hashlib.sha256()
    digest.update(tag.encode())
    digest.update(repr(tuple(a.shape)).encode())
    digest.update(np.ascontiguousarray(a).tobytes())
    return np.random.default_rng(int.from_bytes(digest.digest()[:8], "little"))


def _resize(a: np.ndarray, w: float, h: float, interp: int | None = None) -> np.ndarray:
    w, h = max(1, int(round(w))), max(1, int(round(h)))
    if (h, w) == a.shape[:2]:
        return _c(a)
    if interp is None:
        interp = cv2.INTER_AREA if w * h < a.shape[0] * a.shape[1] else cv2.INTER_CUBIC
    return _c(cv2.resize(np.ascontiguousarray(a), (w, h), interpolation=interp))


def _scale(a: np.ndarray, f: float, interp: int | None = None) -> np.ndarray:
    return _resize(a, a.shape[1] * f, a.shape[0] * f, interp)


def _crop(a: np.ndarray, top=0.0, bottom=0.0, left=0.0, right=0.0) -> np.ndarray:
    h, w = a.shape[:2]
    y0, x0 = int(round(h * top)), int(round(w * left))
    y1, x1 = h - int(round(h * bottom)), w - int(round(w * right))
    y1, x1 = max(y1, y0 + 1), max(x1, x0 + 1)
    return _c(a[y0:y1, x0:x1])


def _crop_aspect(a: np.ndarray, aw: float, ah: float, fx=0.5, fy=0.5) -> np.ndarray:
    """Largest crop of aspect aw:ah, placed at fractions (fx, fy) of the free room."""
    h, w = a.shape[:2]
    if w / h > aw / ah:
        cw, ch = max(1, int(round(h * aw / ah))), h
    else:
        cw, ch = w, max(1, int(round(w * ah / aw)))
    x, y = int(round((w - cw) * fx)), int(round((h - ch) * fy))
    return _c(a[y:y + ch, x:x + cw])


def _fit(a: np.ndarray, bw: float, bh: float, allow_up: bool = True) -> np.ndarray:
    h, w = a.shape[:2]
    s = min(bw / w, bh / h)
    if not allow_up:
        s = min(s, 1.0)
    return _resize(a, max(1, w * s), max(1, h * s))


def _cover(a: np.ndarray, bw: int, bh: int) -> np.ndarray:
    h, w = a.shape[:2]
    s = max(bw / w, bh / h)
    r = _resize(a, max(bw, math.ceil(w * s)), max(bh, math.ceil(h * s)))
    y, x = (r.shape[0] - bh) // 2, (r.shape[1] - bw) // 2
    return _c(r[y:y + bh, x:x + bw])


def _canvas(w: int, h: int, colour) -> np.ndarray:
    out = np.empty((int(h), int(w), 3), np.uint8)
    out[:] = np.array(colour, np.uint8)
    return out


def _paste(dst: np.ndarray, src: np.ndarray, x: int, y: int) -> None:
    h, w = src.shape[:2]
    dst[y:y + h, x:x + w] = src


def _blurred_bg(a: np.ndarray, w: int, h: int) -> np.ndarray:
    small = _cover(a, max(1, w // 12), max(1, h // 12))
    small = cv2.GaussianBlur(small, (0, 0), 2.2)
    big = _resize(small, w, h, cv2.INTER_LINEAR).astype(np.float32)
    return _u8(big * 0.78 + 18)


def _encode(a: np.ndarray, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(_c(a)).save(buf, fmt, **kw)
    return buf.getvalue()


def _decode(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as im:
        return _c(np.array(im.convert("RGB")))


def _jpeg(a: np.ndarray, q: int, sub: int = 2) -> np.ndarray:
    """sub: 2 = 4:2:0, 0 = 4:4:4 (PIL's subsampling)."""
    return _decode(_encode(a, "JPEG", quality=q, subsampling=sub))


def _webp(a: np.ndarray, q: int) -> np.ndarray:
    return _decode(_encode(a, "WEBP", quality=q, method=4))


def _text(img, s, x, y, scale, colour, thick=1, font=FONT) -> None:
    cv2.putText(img, s, (int(x), int(y)), font, float(scale), tuple(int(v) for v in colour),
                max(1, int(thick)), AA)


def _fit_text(img, s, box, colour, outline=None, weight=0.07) -> None:
    """Draw s centred in box (x0, y0, x1, y1), as large as fits."""
    x0, y0, x1, y1 = box
    bw, bh = max(1, x1 - x0), max(1, y1 - y0)
    (tw, th), base = cv2.getTextSize(s, FONT, 1.0, 2)
    scale = max(0.2, min(bw * 0.92 / tw, bh * 0.72 / (th + base)))
    thick = max(1, int(round(scale * 30 * weight)))
    (tw, th), base = cv2.getTextSize(s, FONT, scale, thick)
    x = x0 + (bw - tw) // 2
    y = y0 + (bh + th) // 2
    if outline is not None:
        _text(img, s, x, y, scale, outline, thick + max(2, thick), FONT)
    _text(img, s, x, y, scale, colour, thick, FONT)


def _blend(base: np.ndarray, layer: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    """alpha: float (H, W) in [0, 1]."""
    al = alpha[:, :, None].astype(np.float32)
    return _u8(base.astype(np.float32) * (1 - al) + layer.astype(np.float32) * al)


def _lut(a: np.ndarray, f: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    table = _u8(f(np.arange(256, dtype=np.float64))).reshape(1, 256)
    return _c(cv2.LUT(np.ascontiguousarray(a), table))


def _gamma(a: np.ndarray, g: float) -> np.ndarray:
    return _lut(a, lambda x: 255.0 * (x / 255.0) ** g)


def _contrast(a: np.ndarray, c: float) -> np.ndarray:
    return _lut(a, lambda x: (x - 127.5) * c + 127.5)


def _bright(a: np.ndarray, d: float) -> np.ndarray:
    return _lut(a, lambda x: x + d)


def _luma(a: np.ndarray) -> np.ndarray:
    f = a.astype(np.float32)
    return f[:, :, 0] * 0.299 + f[:, :, 1] * 0.587 + f[:, :, 2] * 0.114


def _saturation(a: np.ndarray, s: float) -> np.ndarray:
    y = _luma(a)[:, :, None]
    return _u8(y + (a.astype(np.float32) - y) * s)


def _grey(a: np.ndarray) -> np.ndarray:
    return _c(_u8(_luma(a)))


def _sepia(a: np.ndarray) -> np.ndarray:
    m = np.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]],
                 np.float32)
    return _u8(a.astype(np.float32) @ m.T)


def _balance(a: np.ndarray, r: float, g: float, b: float) -> np.ndarray:
    return _u8(a.astype(np.float32) * np.array([r, g, b], np.float32))


def _flip(a: np.ndarray, axis: int) -> np.ndarray:
    return _c(a[:, ::-1] if axis == 1 else a[::-1])


# --------------------------------------------------------------------------- geometry


def _rotate(a, deg, border=cv2.BORDER_CONSTANT, fill=(0, 0, 0), expand=False) -> np.ndarray:
    h, w = a.shape[:2]
    cx, cy = (w - 1) / 2.0, (h - 1) / 2.0
    m = cv2.getRotationMatrix2D((cx, cy), deg, 1.0)
    nw, nh = w, h
    if expand:
        cos, sin = abs(m[0, 0]), abs(m[0, 1])
        nw = int(math.ceil(w * cos + h * sin))
        nh = int(math.ceil(w * sin + h * cos))
        m[0, 2] += (nw - 1) / 2.0 - cx
        m[1, 2] += (nh - 1) / 2.0 - cy
    value = tuple(float(v) for v in fill) + (0.0,)
    out = cv2.warpAffine(np.ascontiguousarray(a), m, (nw, nh), flags=cv2.INTER_LINEAR,
                         borderMode=border, borderValue=value)
    return _c(out)


def _inner_size(w: int, h: int, deg: float) -> tuple[int, int]:
    """Largest axis-aligned rectangle inside a w x h rectangle rotated by deg."""
    ang = math.radians(abs(deg))
    sin, cos = abs(math.sin(ang)), abs(math.cos(ang))
    long_side, short_side = max(w, h), min(w, h)
    if short_side <= 2.0 * sin * cos * long_side or abs(sin - cos) < 1e-10:
        x = 0.5 * short_side
        wr, hr = (x / sin, x / cos) if w >= h else (x / cos, x / sin)
    else:
        cos2 = cos * cos - sin * sin
        wr, hr = (w * cos - h * sin) / cos2, (h * cos - w * sin) / cos2
    return max(1, int(math.floor(wr)) - 2), max(1, int(math.floor(hr)) - 2)


def _rotate_inner(a: np.ndarray, deg: float) -> np.ndarray:
    h, w = a.shape[:2]
    r = _rotate(a, deg, cv2.BORDER_CONSTANT, (0, 0, 0), expand=False)
    iw, ih = _inner_size(w, h, deg)
    iw, ih = min(iw, w), min(ih, h)
    x, y = (w - iw) // 2, (h - ih) // 2
    return _c(r[y:y + ih, x:x + iw])


def _straighten(a: np.ndarray, deg: float) -> np.ndarray:
    h, w = a.shape[:2]
    return _resize(_rotate_inner(a, deg), w, h, cv2.INTER_CUBIC)


def _stretch(a: np.ndarray, fx: float, fy: float) -> np.ndarray:
    return _resize(a, a.shape[1] * fx, a.shape[0] * fy)


def _to_aspect(a: np.ndarray, aw: float, ah: float) -> np.ndarray:
    """Squash/stretch the whole image to aw:ah, keeping its pixel count."""
    h, w = a.shape[:2]
    area = float(w * h)
    nw = math.sqrt(area * aw / ah)
    return _resize(a, nw, area / nw)


def _pad(a, top, bottom, left, right, colour=(0, 0, 0), mode=cv2.BORDER_CONSTANT):
    h, w = a.shape[:2]
    t, b = int(round(h * top)), int(round(h * bottom))
    lft, r = int(round(w * left)), int(round(w * right))
    value = tuple(float(v) for v in colour) + (0.0,)
    return _c(cv2.copyMakeBorder(np.ascontiguousarray(a), t, b, lft, r, mode, value=value))


def _pad_blurred(a: np.ndarray, frac: float) -> np.ndarray:
    h, w = a.shape[:2]
    px, py = int(round(w * frac)), int(round(h * frac))
    out = _blurred_bg(a, w + 2 * px, h + 2 * py)
    _paste(out, a, px, py)
    return out


def _letterbox(a: np.ndarray, aw: float, ah: float, colour=None) -> np.ndarray:
    h, w = a.shape[:2]
    if w / h > aw / ah:
        cw, ch = w, int(round(w * ah / aw))
    else:
        cw, ch = int(round(h * aw / ah)), h
    cw, ch = max(cw, w), max(ch, h)
    out = _blurred_bg(a, cw, ch) if colour is None else _canvas(cw, ch, colour)
    _paste(out, a, (cw - w) // 2, (ch - h) // 2)
    return out


# --------------------------------------------------------------------------- overlays


def _caption_band(a: np.ndarray) -> np.ndarray:
    h, w = a.shape[:2]
    band = max(12, int(round(h * 0.15)))
    out = _canvas(w, h + band, (250, 250, 247))
    _paste(out, a, 0, 0)
    _fit_text(out, "Low tide at the old harbour, reader photo", (int(w * 0.04), h, int(w * 0.96),
              h + band), (28, 28, 30))
    return out


def _meme(a: np.ndarray) -> np.ndarray:
    out = _c(a)
    h, w = out.shape[:2]
    bh = max(8, int(round(h * 0.16)))
    _fit_text(out, "WHEN THE FILTER IS ON", (int(w * 0.05), int(h * 0.02), int(w * 0.95),
              int(h * 0.02) + bh), (255, 255, 255), outline=(0, 0, 0), weight=0.1)
    _fit_text(out, "BUT THE PHOTO STAYS", (int(w * 0.05), h - bh - int(h * 0.03),
              int(w * 0.95), h - int(h * 0.03)), (255, 255, 255), outline=(0, 0, 0),
              weight=0.1)
    return out


def _logo(a: np.ndarray) -> np.ndarray:
    h, w = a.shape[:2]
    r = max(6, int(round(min(h, w) * 0.075)))
    cx, cy = w - int(1.6 * r), h - int(1.6 * r)
    layer = _c(a)
    mask = np.zeros((h, w), np.uint8)
    cv2.circle(layer, (cx, cy), r, (255, 255, 255), -1, AA)
    cv2.circle(mask, (cx, cy), r, 255, -1, AA)
    tri = np.array([[cx - r // 2, cy + r // 3], [cx, cy - r // 2], [cx + r // 2, cy + r // 3]],
                   np.int32)
    cv2.fillPoly(layer, [tri], (24, 64, 140), AA)
    tw = max(8, int(r * 4.2))
    box = (max(0, cx - r - tw - r // 3), cy - r // 2, max(1, cx - r - r // 4), cy + r // 2)
    _fit_text(layer, "lumen studio", box, (255, 255, 255), weight=0.09)
    _fit_text(mask, "lumen studio", box, (255, 255, 255), weight=0.09)
    out = _blend(a, layer, mask.astype(np.float32) / 255.0 * 0.72)
    return out


def _frame(a: np.ndarray) -> np.ndarray:
    out = _c(a)
    h, w = out.shape[:2]
    t = max(2, int(round(min(h, w) * 0.035)))
    gold = np.array((201, 162, 83), np.uint8)
    out[:t], out[-t:], out[:, :t], out[:, -t:] = gold, gold, gold, gold
    k = max(1, t // 4)
    cv2.rectangle(out, (t, t), (w - 1 - t, h - 1 - t), (40, 30, 20), k)
    return out


def _diagonal_text(a: np.ndarray) -> np.ndarray:
    h, w = a.shape[:2]
    mask = np.zeros((h, w), np.uint8)
    _fit_text(mask, "(c) 2026 SAMPLE PHOTO", (0, int(h * 0.4), w, int(h * 0.6)), (255,),
              weight=0.08)
    m = cv2.getRotationMatrix2D(((w - 1) / 2.0, (h - 1) / 2.0), 27.0, 1.0)
    mask = cv2.warpAffine(mask, m, (w, h), flags=cv2.INTER_LINEAR)
    white = _canvas(w, h, (255, 255, 255))
    return _blend(a, white, mask.astype(np.float32) / 255.0 * 0.42)


def _stickers(a: np.ndarray) -> np.ndarray:
    out = _c(a)
    h, w = out.shape[:2]
    r0 = max(4, int(round(min(h, w) * 0.085)))
    for fx, fy, k in ((0.14, 0.2, 1.0), (0.79, 0.31, 0.8), (0.63, 0.83, 1.2)):
        r = max(3, int(r0 * k))
        cx, cy = int(w * fx), int(h * fy)
        cv2.circle(out, (cx, cy), r, (255, 204, 41), -1, AA)
        cv2.circle(out, (cx, cy), r, (196, 134, 20), max(1, r // 12), AA)
        er = max(1, r // 7)
        cv2.circle(out, (cx - r // 3, cy - r // 4), er, (50, 35, 20), -1, AA)
        cv2.circle(out, (cx + r // 3, cy - r // 4), er, (50, 35, 20), -1, AA)
        cv2.ellipse(out, (cx, cy + r // 8), (max(1, r // 2), max(1, r // 3)), 0, 15, 165,
                    (50, 35, 20), max(1, r // 10), AA)
    return out


# --------------------------------------------------------------------------- chains


def _social_feed(a: np.ndarray) -> np.ndarray:
    c = _crop(a, 0.04, 0.06, 0.06, 0.04)
    h, w = c.shape[:2]
    s = 1080.0 / max(h, w)
    return _jpeg(_resize(c, w * s, h * s), 74)


def _social_4x5(a: np.ndarray) -> np.ndarray:
    return _jpeg(_resize(_crop_aspect(a, 4, 5, 0.5, 0.42), 1080, 1350), 79)


def _social_story(a: np.ndarray) -> np.ndarray:
    out = _blurred_bg(a, 1080, 1920)
    img = _fit(a, 1080, 1920)
    _paste(out, img, (1080 - img.shape[1]) // 2, (1920 - img.shape[0]) // 2)
    return _jpeg(out, 76)


def _messaging(a: np.ndarray) -> np.ndarray:
    return _jpeg(_scale(a, 0.6, cv2.INTER_AREA), 59)


def _forwarded_twice(a: np.ndarray) -> np.ndarray:
    return _jpeg(_scale(_messaging(a), 0.9, cv2.INTER_AREA), 63)


# --------------------------------------------------------------------------- screen captures


def _screen_browser(a: np.ndarray) -> np.ndarray:
    k = 1.25  # device pixels per CSS pixel: the capture's scale

    def p(v: float) -> int:
        return int(round(v * k))

    out = _canvas(p(1366), p(868), (246, 246, 248))
    out[:p(38)] = (222, 225, 230)
    cv2.rectangle(out, (p(10), p(6)), (p(250), p(38)), (255, 255, 255), -1)
    _text(out, "Harbour album - Photos", p(24), p(28), 0.5 * k, (40, 40, 44))
    out[p(38):p(78)] = (255, 255, 255)
    cv2.rectangle(out, (p(110), p(45)), (p(1250), p(71)), (232, 234, 237), -1)
    _text(out, "https://photos.example.net/album/2731/img_4417", p(124), p(64), 0.48 * k,
          (60, 60, 66))
    out[p(78):p(79)] = (206, 206, 212)
    _text(out, "Harbour weekend - 14 photos", p(64), p(118), 0.8 * k, (30, 30, 34), 2)
    h, w = a.shape[:2]
    s = min(1.0, 1238 / w, 688 / h) * k
    img = _resize(a, w * s, h * s, cv2.INTER_LINEAR)
    _paste(out, img, p(64), p(140))
    return out


def _screen_gallery(a: np.ndarray) -> np.ndarray:
    out = _canvas(1280, 800, (18, 18, 20))
    out[:48] = (32, 32, 36)
    _text(out, "IMG_4417.jpg      3 of 12", 24, 31, 0.6, (225, 225, 230))
    img = _fit(a, 1100, 576)
    _paste(out, img, 90 + (1100 - img.shape[1]) // 2, 64 + (576 - img.shape[0]) // 2)
    for cx in (42, 1238):
        cv2.circle(out, (cx, 352), 22, (60, 60, 66), -1, AA)
    _text(out, "<", 32, 362, 0.9, (230, 230, 230), 2)
    _text(out, ">", 1228, 362, 0.9, (230, 230, 230), 2)
    colours = ((92, 120, 160), (150, 110, 80), (60, 130, 90), None, (170, 160, 150),
               (110, 90, 140), (200, 170, 90))
    x0 = (1280 - 7 * 100 + 12) // 2
    for j, col in enumerate(colours):
        x = x0 + j * 100
        if col is None:
            cv2.rectangle(out, (x - 4, 656), (x + 91, 751), (240, 240, 240), -1)
            _paste(out, _cover(a, 88, 88), x, 660)
        else:
            tile = np.linspace(0.6, 1.1, 88, dtype=np.float32)[:, None, None] * np.array(
                col, np.float32)
            _paste(out, _u8(np.broadcast_to(tile, (88, 88, 3))), x, 660)
    return _jpeg(_resize(out, 1024, 640, cv2.INTER_AREA), 88)


def _screen_phone(a: np.ndarray) -> np.ndarray:
    k = 3
    w_out, h_out = 375 * k, 812 * k
    out = _canvas(w_out, h_out, (255, 255, 255))
    _text(out, "9:41", 28 * k, 30 * k, 0.55 * k, (0, 0, 0), k)
    cv2.rectangle(out, (322 * k, 18 * k), (348 * k, 30 * k), (0, 0, 0), -1)
    cv2.circle(out, (30 * k, 72 * k), 16 * k, (214, 120, 160), -1, AA)
    _text(out, "travel.notes", 54 * k, 78 * k, 0.5 * k, (20, 20, 20), k)
    _text(out, "...", 336 * k, 74 * k, 0.6 * k, (20, 20, 20), k)
    h, w = a.shape[:2]
    src = a
    if h / w > 1.25:
        src = _crop_aspect(a, 4, 5)
    elif w / h > 1.91:
        src = _crop_aspect(a, 1.91, 1)
    sh, sw = src.shape[:2]
    img = _resize(src, w_out, w_out * sh / sw, cv2.INTER_LINEAR)
    y0 = 100 * k
    _paste(out, img, 0, y0)
    y = y0 + img.shape[0] + 14 * k
    cv2.circle(out, (26 * k, y + 10 * k), 10 * k, (20, 20, 20), 2 * k, AA)
    cv2.circle(out, (62 * k, y + 10 * k), 10 * k, (20, 20, 20), 2 * k, AA)
    cv2.rectangle(out, (88 * k, y), (108 * k, y + 20 * k), (20, 20, 20), 2 * k)
    _text(out, "1,204 likes", 16 * k, y + 48 * k, 0.5 * k, (20, 20, 20), k)
    _text(out, "travel.notes  low tide, no filter", 16 * k, y + 72 * k, 0.45 * k,
          (40, 40, 40), k)
    out[h_out - 84 * k:h_out - 83 * k] = (219, 219, 219)
    for j in range(5):
        cv2.circle(out, ((38 + 75 * j) * k, h_out - 56 * k), 11 * k, (30, 30, 30), 2 * k, AA)
    return out


def _screen_document(a: np.ndarray) -> np.ndarray:
    out = _canvas(1440, 960, (82, 86, 91))
    out[:44] = (50, 54, 58)
    _text(out, "report_q3_final.pdf        2 / 9        110%", 20, 29, 0.55, (230, 230, 230))
    out[64:, 270:1170] = (255, 255, 255)
    rng = np.random.default_rng(7341)
    y = 110
    for j in range(5):
        width = 760 if j < 4 else 420
        cv2.rectangle(out, (340, y), (340 + width - int(rng.integers(0, 60)), y + 9),
                      (150, 150, 155), -1)
        y += 24
    img = _fit(a, 640, 420)
    x = 270 + (900 - img.shape[1]) // 2
    _paste(out, img, x, 250)
    y = 250 + img.shape[0] + 14
    _text(out, "Figure 3. Field site, early morning.", x, y + 12, 0.5, (90, 90, 96))
    y += 40
    while y < 940:
        cv2.rectangle(out, (340, y), (340 + 760 - int(rng.integers(0, 80)), y + 9),
                      (150, 150, 155), -1)
        y += 24
    return out


def _screen_slide(a: np.ndarray) -> np.ndarray:
    out = _canvas(1920, 1080, (250, 248, 244))
    out[:150] = (31, 56, 100)
    _text(out, "Quarterly field report", 90, 100, 2.0, (255, 255, 255), 4)
    for j, line in enumerate(("Site visits up 17%", "Two new stations", "Data in the annex")):
        cv2.circle(out, (110, 290 + 120 * j), 10, (31, 56, 100), -1, AA)
        _text(out, line, 140, 304 + 120 * j, 1.4, (40, 40, 40), 3)
    img = _fit(a, 840, 780)
    _paste(out, img, 1000 + (840 - img.shape[1]) // 2, 220 + (780 - img.shape[0]) // 2)
    return _jpeg(_resize(out, 1280, 720, cv2.INTER_AREA), 83)


def _screen_video(a: np.ndarray) -> np.ndarray:
    out = _canvas(1280, 720, (0, 0, 0))
    img = _fit(a, 1280, 720)
    _paste(out, img, (1280 - img.shape[1]) // 2, (720 - img.shape[0]) // 2)
    shade = np.clip((np.arange(720, dtype=np.float32) - 600) / 120.0, 0, 1) * 0.7
    out = _u8(out.astype(np.float32) * (1 - shade[:, None, None]))
    cv2.line(out, (20, 672), (1260, 672), (120, 120, 120), 4, AA)
    cv2.line(out, (20, 672), (20 + int(1240 * 0.37), 672), (230, 30, 30), 4, AA)
    cv2.circle(out, (20 + int(1240 * 0.37), 672), 8, (230, 30, 30), -1, AA)
    tri = np.array([[24, 690], [24, 712], [42, 701]], np.int32)
    cv2.fillPoly(out, [tri], (255, 255, 255), AA)
    _text(out, "01:37 / 04:12", 64, 709, 0.55, (255, 255, 255))
    return _jpeg(out, 71)


# --------------------------------------------------------------------------- filters


def _unsharp(a: np.ndarray, sigma: float, amount: float) -> np.ndarray:
    f = a.astype(np.float32)
    blurred = cv2.GaussianBlur(f, (0, 0), sigma)
    return _u8(f + amount * (f - blurred))


def _noise(a: np.ndarray, sigma: float, tag: str) -> np.ndarray:
    rng = _rng(tag, a)
    return _u8(a.astype(np.float32) + rng.normal(0.0, sigma, a.shape).astype(np.float32))


def _denoise(a: np.ndarray) -> np.ndarray:
    bgr = cv2.cvtColor(np.ascontiguousarray(a), cv2.COLOR_RGB2BGR)
    out = cv2.fastNlMeansDenoisingColored(bgr, None, 6, 6, 7, 15)
    return _c(cv2.cvtColor(out, cv2.COLOR_BGR2RGB))


def _blur(a: np.ndarray, sigma: float) -> np.ndarray:
    return _c(cv2.GaussianBlur(np.ascontiguousarray(a), (0, 0), sigma))


# --------------------------------------------------------------------------- attacks


def attacks() -> list[tuple[str, Attack]]:
    black, white = (0, 0, 0), (255, 255, 255)
    ca = cv2.INTER_AREA
    out: list[tuple[str, Attack]] = [
        ("none", _c),
        ("flip_h", lambda a: _flip(a, 1)),
        ("flip_v", lambda a: _flip(a, 0)),
        # stretches and squashes
        ("squash_y_0.882", lambda a: _stretch(a, 1.0, 0.882)),
        ("stretch_xy_1.11_0.93", lambda a: _stretch(a, 1.11, 0.93)),
        ("stretch_x_1.21", lambda a: _stretch(a, 1.21, 1.0)),
        ("aspect_square", lambda a: _to_aspect(a, 1, 1)),
        ("aspect_4x5", lambda a: _to_aspect(a, 4, 5)),
        ("aspect_9x16", lambda a: _to_aspect(a, 9, 16)),
        ("aspect_16x9", lambda a: _to_aspect(a, 16, 9)),
        ("aspect_2x1", lambda a: _to_aspect(a, 2, 1)),
        # crops
        ("crop_centre_93", lambda a: _crop(a, 0.035, 0.035, 0.035, 0.035)),
        ("crop_offcentre_61x78", lambda a: _crop(a, 0.07, 0.15, 0.27, 0.12)),
        ("crop_corner_tl_57", lambda a: _crop(a, 0.0, 0.43, 0.0, 0.43)),
        ("crop_right_only_87", lambda a: _crop(a, 0.0, 0.0, 0.0, 0.13)),
        ("crop_top7_left21", lambda a: _crop(a, 0.07, 0.0, 0.21, 0.0)),
        ("crop_centre_53_back",
         lambda a: _resize(_crop(a, 0.235, 0.235, 0.235, 0.235), a.shape[1], a.shape[0])),
        ("crop_offcentre_86_back",
         lambda a: _resize(_crop(a, 0.11, 0.03, 0.02, 0.12), a.shape[1], a.shape[0])),
        # rotations
        ("rotate_1.3_black", lambda a: _rotate(a, 1.3, cv2.BORDER_CONSTANT, black)),
        ("rotate_-2.7_white", lambda a: _rotate(a, -2.7, cv2.BORDER_CONSTANT, white)),
        ("rotate_4.6_reflect", lambda a: _rotate(a, 4.6, cv2.BORDER_REFLECT_101)),
        ("rotate_-7.4_expand_black",
         lambda a: _rotate(a, -7.4, cv2.BORDER_CONSTANT, black, expand=True)),
        ("rotate_5.9_inner_crop", lambda a: _rotate_inner(a, 5.9)),
        ("straighten_-3.2_back", lambda a: _straighten(a, -3.2)),
        ("straighten_8.3_back", lambda a: _straighten(a, 8.3)),
        # padding, captions, overlays
        ("pad_black_6", lambda a: _pad(a, 0.06, 0.06, 0.06, 0.06, black)),
        ("pad_uneven_white", lambda a: _pad(a, 0.03, 0.17, 0.11, 0.0, white)),
        ("pad_teal_13", lambda a: _pad(a, 0.13, 0.13, 0.13, 0.13, (0, 128, 128))),
        ("pad_reflect_9", lambda a: _pad(a, 0.09, 0.09, 0.09, 0.09, mode=cv2.BORDER_REFLECT)),
        ("pad_blurred_18", lambda a: _pad_blurred(a, 0.18)),
        ("caption_band_bottom", _caption_band),
        ("overlay_logo", _logo),
        ("overlay_frame", _frame),
        ("overlay_text_diagonal", _diagonal_text),
        ("overlay_stickers", _stickers),
        ("letterbox_16x9_black", lambda a: _letterbox(a, 16, 9, black)),
        ("letterbox_1x1_white", lambda a: _letterbox(a, 1, 1, white)),
        ("letterbox_9x16_blurred", lambda a: _letterbox(a, 9, 16, None)),
        ("letterbox_4x5_navy", lambda a: _letterbox(a, 4, 5, (20, 33, 74))),
        # compression
        ("jpeg_31", lambda a: _jpeg(a, 31)),
        ("jpeg_52", lambda a: _jpeg(a, 52)),
        ("jpeg_72", lambda a: _jpeg(a, 72)),
        ("jpeg_88", lambda a: _jpeg(a, 88)),
        ("jpeg444_41", lambda a: _jpeg(a, 41, 0)),
        ("jpeg444_83", lambda a: _jpeg(a, 83, 0)),
        ("webp_54", lambda a: _webp(a, 54)),
        ("webp_86", lambda a: _webp(a, 86)),
        # scaling
        ("down_0.71_area", lambda a: _scale(a, 0.71, ca)),
        ("down_0.38_area", lambda a: _scale(a, 0.38, ca)),
        ("downup_0.46_nearest_cubic",
         lambda a: _resize(_scale(a, 0.46, cv2.INTER_NEAREST), a.shape[1], a.shape[0],
                           cv2.INTER_CUBIC)),
        ("up_1.37_cubic", lambda a: _scale(a, 1.37, cv2.INTER_CUBIC)),
        ("up_1.83_lanczos", lambda a: _scale(a, 1.83, cv2.INTER_LANCZOS4)),
        # social media and messaging
        ("social_feed_1080_jpeg74", _social_feed),
        ("social_4x5_1080x1350_jpeg79", _social_4x5),
        ("social_story_9x16_jpeg76", _social_story),
        ("messaging_0.6_jpeg59", _messaging),
        ("messaging_forwarded_twice", _forwarded_twice),
        # screen captures
        ("screen_browser_hidpi_png", _screen_browser),
        ("screen_gallery_0.8_jpeg88", _screen_gallery),
        ("screen_phone_app_png", _screen_phone),
        ("screen_document_viewer_png", _screen_document),
        ("screen_slide_export_jpeg83", _screen_slide),
        ("screen_video_player_jpeg71", _screen_video),
        # filters
        ("blur_gauss_1.1", lambda a: _blur(a, 1.1)),
        ("blur_gauss_2.3", lambda a: _blur(a, 2.3)),
        ("unsharp_1.6_0.9", lambda a: _unsharp(a, 1.6, 0.9)),
        ("median_3", lambda a: _c(cv2.medianBlur(np.ascontiguousarray(a), 3))),
        ("noise_gauss_7.7", lambda a: _noise(a, 7.7, "noise_gauss_7.7")),
        ("denoise_nlmeans", _denoise),
        # tone
        ("bright_+21", lambda a: _bright(a, 21)),
        ("contrast_1.27", lambda a: _contrast(a, 1.27)),
        ("gamma_0.69", lambda a: _gamma(a, 0.69)),
        ("gamma_1.46", lambda a: _gamma(a, 1.46)),
        ("saturation_1.48", lambda a: _saturation(a, 1.48)),
        ("greyscale", _grey),
        ("sepia", _sepia),
        ("balance_warm", lambda a: _balance(a, 1.08, 1.0, 0.88)),
        # combinations
        ("combo_rot2.3_inner_jpeg72", lambda a: _jpeg(_rotate_inner(a, 2.3), 72)),
        ("combo_fliph_crop88_webp77",
         lambda a: _webp(_crop(_flip(a, 1), 0.02, 0.10, 0.09, 0.03), 77)),
        ("combo_stretchx1.08_gamma0.83_jpeg66",
         lambda a: _jpeg(_gamma(_stretch(a, 1.08, 1.0), 0.83), 66)),
        ("combo_crop80_down0.75_sat1.3_jpeg81",
         lambda a: _jpeg(_saturation(_scale(_crop(a, 0.13, 0.07, 0.05, 0.15), 0.75, ca), 1.3),
                         81)),
        ("combo_padreflect11_rot-3.6_jpeg75",
         lambda a: _jpeg(_rotate(_pad(a, 0.11, 0.11, 0.11, 0.11, mode=cv2.BORDER_REFLECT),
                                 -3.6), 75)),
        ("combo_browser_down0.7_jpeg63",
         lambda a: _jpeg(_scale(_screen_browser(a), 0.7, ca), 63)),
        ("combo_blur0.8_noise3.1_jpeg57",
         lambda a: _jpeg(_noise(_blur(a, 0.8), 3.1, "combo_blur0.8_noise3.1_jpeg57"), 57)),
        ("combo_meme_social_feed", lambda a: _social_feed(_meme(a))),
        ("combo_aspect4x3_contrast1.15_webp61",
         lambda a: _webp(_contrast(_to_aspect(a, 4, 3), 1.15), 61)),
        ("combo_grey_crop74_down0.6_jpeg70",
         lambda a: _jpeg(_scale(_crop(_grey(a), 0.2, 0.06, 0.1, 0.16), 0.6, ca), 70)),
        ("combo_rot-6.1_expand_white_sepia_jpeg84",
         lambda a: _jpeg(_sepia(_rotate(a, -6.1, cv2.BORDER_CONSTANT, white, expand=True)),
                         84)),
        ("combo_social4x5_forwarded_thrice",
         lambda a: _jpeg(_forwarded_twice(_social_4x5(a)), 57)),
    ]
    return [(name, _checked(fn)) for name, fn in out]


def _checked(fn: Attack) -> Attack:
    def run(rgb: np.ndarray) -> np.ndarray:
        return _c(fn(np.ascontiguousarray(rgb)))

    return run


# --------------------------------------------------------------------------- images


def _photo(name: str, tone: Callable[[np.ndarray], np.ndarray] | None, rows, cols,
           size: tuple[int, int]) -> np.ndarray:
    a = _sample(name)
    a = _c(a[rows[0]:rows[1], cols[0]:cols[1]])
    if tone is not None:
        a = tone(a)
    return _resize(a, size[0], size[1],
                   cv2.INTER_AREA if size[0] * size[1] < a.shape[0] * a.shape[1]
                   else cv2.INTER_LANCZOS4)


def _photos() -> list[tuple[str, np.ndarray]]:
    full = (0, None)
    camera = _balance(_sample("camera"), 0.96, 0.99, 1.05)
    grass = _sample("grass").astype(np.float32)
    grass = _u8(grass * np.array([0.62, 0.92, 0.48], np.float32) + np.array([18, 22, 8]))
    stitched = _c(np.hstack([_sample("motorcycle_left"), _sample("motorcycle_right")]))
    return [
        ("photo_astronaut_portrait",
         _photo("astronaut", None, (24, 506), (96, 428), (301, 437))),
        ("photo_chelsea_warm",
         _photo("chelsea", lambda a: _balance(a, 1.07, 1.01, 0.9), full, full, (451, 300))),
        ("photo_coffee_up",
         _photo("coffee", lambda a: _contrast(a, 1.06), full, full, (1043, 695))),
        ("photo_hubble_large", _photo("hubble", None, full, full, (1991, 1736))),
        ("photo_retina_square",
         _photo("retina", lambda a: _gamma(a, 0.9), full, full, (757, 757))),
        ("photo_rocket_panorama", _photo("rocket", None, (118, 318), full, (1519, 475))),
        ("photo_china_large", _photo("china", None, full, full, (1813, 1210))),
        ("photo_flower_portrait", _photo("flower", None, full, (160, 480), (1047, 1397))),
        ("photo_motorcycle_left_contrast",
         _photo("motorcycle_left", lambda a: _contrast(a, 1.12), full, full, (741, 500))),
        ("photo_motorcycle_right_small",
         _photo("motorcycle_right", None, full, full, (389, 262))),
        ("photo_ihc_dim_square",
         _photo("ihc", lambda a: _bright(a, -14), (37, 477), (41, 481), (440, 440))),
        ("photo_camera_tinted", _resize(camera, 611, 611, cv2.INTER_LANCZOS4)),
        ("photo_coffee_strip_portrait", _photo("coffee", None, full, (190, 436), (257, 418))),
        ("photo_chelsea_face_lowkey",
         _photo("chelsea", lambda a: _gamma(a, 1.35), (40, 290), (90, 340), (283, 283))),
        ("photo_rocket_phone_9x16", _photo("rocket", None, full, (205, 445), (607, 1079))),
        ("photo_flower_saturated",
         _photo("flower", lambda a: _saturation(a, 1.3), full, (36, 605), (1031, 773))),
        ("photo_grass_texture", _resize(grass[:333], 703, 457, cv2.INTER_LANCZOS4)),
        ("photo_motorcycles_stitched", _resize(stitched, 1333, 450, cv2.INTER_AREA)),
    ]


class _Gen(NamedTuple):
    name: str
    prompt: str
    seed: int


_GENERATED = (
    _Gen("gen_alpine_lake_sunrise",
         "a quiet alpine lake at sunrise with pine trees and snowy peaks", 40973),
    _Gen("gen_red_canyon_noon", "red desert canyon under a deep blue sky at noon", 715),
    _Gen("gen_stormy_cliffs_dusk", "stormy sea crashing on dark cliffs at dusk", 282311),
    _Gen("gen_green_hills_river",
         "rolling green hills with a winding river on a summer afternoon", 9056),
    _Gen("gen_tundra_night_sky", "a frozen tundra under a purple night sky with stars", 173),
    _Gen("gen_tropical_beach_sunset",
         "tropical beach with palm trees and turquoise water at sunset", 66241),
)


def _gen_path(spec: _Gen) -> Path:
    return CACHE_DIR / f"{spec.name}_{spec.seed}.png"


def _make_generated() -> None:
    from safegen.backends.builtin import BackendRequest, BuiltinBackend

    backend = BuiltinBackend(threads=1)
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    for spec in _GENERATED:
        path = _gen_path(spec)
        if path.exists():
            continue
        request = BackendRequest(prompt=spec.prompt, negative_prompt=None, seeds=(spec.seed,))
        [image] = backend.generate(request)
        arr = np.array(image.convert("RGB"), dtype=np.uint8)
        if arr.shape != (256, 256, 3):
            raise RuntimeError(f"built-in model gave {arr.shape}, expected 256x256")
        tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
        Image.fromarray(arr).save(tmp, "PNG")
        os.replace(tmp, path)


def _generated() -> list[tuple[str, np.ndarray]]:
    if not all(_gen_path(spec).exists() for spec in _GENERATED):
        _make_generated()
    out = []
    for spec in _GENERATED:
        with Image.open(_gen_path(spec)) as im:
            out.append((spec.name, _c(np.array(im.convert("RGB")))))
    return out


_CODE = (
    ("def", "load_tiles(path, size=384):"),
    ("", "    tiles = []"),
    ("for", "    for row in range(rows):"),
    ("", "        for col in range(cols):"),
    ("", "            box = (col * size, row * size)"),
    ("", "            tiles.append(crop(image, box, size))"),
    ("ret", "    return tiles"),
    ("", ""),
    ("#", "# merge the exposure brackets before tiling"),
    ("def", "merge(frames, weights=None):"),
    ("if", "    if weights is None:"),
    ("", "        weights = [1.0 / len(frames)] * len(frames)"),
    ("", "    acc = zeros_like(frames[0], dtype=float32)"),
    ("for", "    for frame, w in zip(frames, weights):"),
    ("", "        acc += w * frame"),
    ("ret", "    return clip(acc, 0, 255).astype(uint8)"),
)


def _screenshot_editor() -> np.ndarray:
    out = _canvas(1440, 900, (30, 30, 30))
    out[:, :48] = (51, 51, 51)
    out[:, 48:298] = (37, 37, 38)
    out[:35, 298:] = (45, 45, 45)
    cv2.rectangle(out, (298, 0), (470, 35), (30, 30, 30), -1)
    _text(out, "tiles.py", 318, 23, 0.5, (230, 230, 230))
    _text(out, "EXPLORER", 64, 24, 0.45, (190, 190, 190))
    files = ("src", "  tiles.py", "  merge.py", "  cli.py", "tests", "  test_tiles.py",
             "pyproject.toml", "README.md")
    for j, name in enumerate(files):
        _text(out, name, 64, 62 + 24 * j, 0.45, (204, 204, 204))
    for j in range(5):
        cv2.rectangle(out, (14, 16 + 52 * j), (34, 36 + 52 * j), (130, 130, 130), 2)
    colours = {"def": (86, 156, 214), "for": (197, 134, 192), "if": (197, 134, 192),
               "ret": (197, 134, 192), "#": (106, 153, 85), "": (212, 212, 212)}
    for j in range(34):
        kind, line = _CODE[j % len(_CODE)]
        y = 62 + 23 * j
        _text(out, f"{j + 1:>3}", 306, y, 0.45, (110, 110, 110))
        _text(out, line, 360, y, 0.5, colours[kind])
    out[878:] = (0, 122, 204)
    _text(out, "main   Ln 12, Col 31   UTF-8   Python 3.11", 12, 894, 0.42, (255, 255, 255))
    return out


def _screenshot_chat() -> np.ndarray:
    out = _canvas(750, 1334, (255, 255, 255))
    out[:128] = (247, 247, 247)
    _text(out, "9:41", 40, 34, 0.7, (0, 0, 0), 2)
    cv2.circle(out, (375, 78), 24, (120, 170, 220), -1, AA)
    _text(out, "Mira", 350, 122, 0.55, (0, 0, 0))
    out[128:130] = (220, 220, 220)
    msgs = (("l", "are you at the harbour yet?"), ("r", "almost, 10 min"),
            ("l", "look at this view"), ("img", ""), ("r", "wow!! sending it to dad"),
            ("l", "the tide was so low today"), ("r", "see you soon"))
    y = 160
    for side, msg in msgs:
        if side == "img":
            thumb = _cover(_sample("china"), 440, 300)
            cv2.rectangle(out, (28, y - 4), (476, y + 304), (229, 229, 234), -1)
            _paste(out, thumb, 32, y)
            y += 330
            continue
        (tw, th), _ = cv2.getTextSize(msg, FONT, 0.75, 2)
        bw = tw + 40
        x0 = 28 if side == "l" else 722 - bw
        fill = (229, 229, 234) if side == "l" else (0, 132, 255)
        ink = (0, 0, 0) if side == "l" else (255, 255, 255)
        cv2.rectangle(out, (x0, y), (x0 + bw, y + 62), fill, -1)
        _text(out, msg, x0 + 20, y + 41, 0.75, ink, 2)
        y += 86
    out[1220:] = (247, 247, 247)
    cv2.rectangle(out, (90, 1240), (640, 1300), (255, 255, 255), -1)
    cv2.rectangle(out, (90, 1240), (640, 1300), (200, 200, 205), 2)
    _text(out, "iMessage", 112, 1280, 0.7, (160, 160, 165))
    cv2.circle(out, (690, 1270), 24, (0, 132, 255), -1, AA)
    return out


def _graphic_poster() -> np.ndarray:
    w, h = 900, 620
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    t = (xx / w * 0.4 + yy / h * 0.6)[:, :, None]
    top, bottom = np.array([255, 148, 60], np.float32), np.array([96, 40, 140], np.float32)
    out = _u8(top * (1 - t) + bottom * t)
    cv2.circle(out, (640, 250), 120, (255, 222, 89), -1, AA)
    hills = np.array([[0, 470], [160, 360], [300, 430], [470, 320], [650, 440], [900, 350],
                      [900, 620], [0, 620]], np.int32)
    cv2.fillPoly(out, [hills], (52, 32, 86), AA)
    front = np.array([[0, 540], [250, 470], [520, 530], [900, 460], [900, 620], [0, 620]],
                     np.int32)
    cv2.fillPoly(out, [front], (28, 18, 48), AA)
    _text(out, "SUMMER FEST", 60, 150, 3.0, (255, 255, 255), 9)
    _text(out, "JULY 19-21  RIVERSIDE PARK", 66, 205, 1.0, (255, 240, 220), 2)
    for x, y in ((120, 300), (260, 250), (780, 90), (830, 200), (420, 270)):
        pts = []
        for j in range(10):
            r = 14 if j % 2 == 0 else 6
            ang = math.pi / 2 + j * math.pi / 5
            pts.append([x + r * math.cos(ang), y - r * math.sin(ang)])
        cv2.fillPoly(out, [np.array(pts, np.int32)], (255, 255, 255), AA)
    return out


def _graphic_chart() -> np.ndarray:
    out = _canvas(720, 540, (255, 255, 255))
    _text(out, "Visitors per month (thousands)", 70, 42, 0.8, (30, 30, 30), 2)
    x0, y0, x1, y1 = 80, 80, 690, 470
    for j in range(6):
        y = y1 - j * (y1 - y0) // 5
        cv2.line(out, (x0, y), (x1, y), (225, 225, 225), 1)
        _text(out, str(j * 20), 40, y + 5, 0.45, (90, 90, 90))
    values = (34, 47, 61, 58, 77, 92, 88)
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul")
    colours = ((66, 133, 244), (219, 68, 55), (244, 180, 0), (15, 157, 88), (171, 71, 188),
               (0, 172, 193), (255, 112, 67))
    step = (x1 - x0) / len(values)
    pts = []
    for j, (v, m, col) in enumerate(zip(values, months, colours, strict=True)):
        bx = int(x0 + step * j + step * 0.2)
        by = int(y1 - v / 100 * (y1 - y0))
        cv2.rectangle(out, (bx, by), (int(bx + step * 0.6), y1), col, -1)
        _text(out, m, bx + 4, y1 + 24, 0.5, (60, 60, 60))
        pts.append([int(bx + step * 0.3), int(y1 - (v * 0.8 + 9) / 100 * (y1 - y0))])
    cv2.polylines(out, [np.array(pts, np.int32)], False, (30, 30, 30), 2, AA)
    for p in pts:
        cv2.circle(out, tuple(p), 5, (30, 30, 30), -1, AA)
    cv2.line(out, (x0, y1), (x1, y1), (40, 40, 40), 2)
    cv2.line(out, (x0, y0), (x0, y1), (40, 40, 40), 2)
    return out


def images() -> list[tuple[str, str, np.ndarray]]:
    out: list[tuple[str, str, np.ndarray]] = []
    out += [(name, "photo", rgb) for name, rgb in _photos()]
    out += [(name, "generated", rgb) for name, rgb in _generated()]
    out.append(("screenshot_code_editor", "screenshot", _screenshot_editor()))
    out.append(("screenshot_phone_chat", "screenshot", _screenshot_chat()))
    out.append(("graphic_festival_poster", "graphic", _graphic_poster()))
    out.append(("graphic_bar_line_chart", "graphic", _graphic_chart()))
    return [(name, cls, _c(rgb)) for name, cls, rgb in out]


# --------------------------------------------------------------------------- unmarked


def _unmarked_photo(rng: np.random.Generator, w: int, h: int, grey: bool) -> np.ndarray:
    names = _GREY_PHOTOS if grey else _RGB_PHOTOS
    src = _sample(names[int(rng.integers(len(names)))])
    sh, sw = src.shape[:2]
    aspect = w / h
    if rng.random() < 0.15:
        aspect *= float(rng.uniform(0.8, 1.25))  # a mildly distorted rescale
    max_cw = min(sw, sh * aspect)
    cw = max_cw * float(rng.uniform(0.3, 1.0))
    ch = min(sh, cw / aspect)
    cw, ch = max(2, int(cw)), max(2, int(ch))
    x = int(rng.integers(0, sw - cw + 1))
    y = int(rng.integers(0, sh - ch + 1))
    a = _c(src[y:y + ch, x:x + cw])
    if rng.random() < 0.5:
        a = _flip(a, 1)
    if rng.random() < 0.08:
        a = _flip(a, 0)
    interps = (cv2.INTER_AREA, cv2.INTER_LINEAR, cv2.INTER_CUBIC, cv2.INTER_LANCZOS4)
    a = _resize(a, w, h, interps[int(rng.integers(len(interps)))])
    if grey and rng.random() < 0.3:
        a = _balance(a, *rng.uniform(0.85, 1.1, 3))
    if rng.random() < 0.3:
        a = _gamma(a, float(rng.uniform(0.75, 1.3)))
    if rng.random() < 0.2:
        a = _saturation(a, float(rng.uniform(0.5, 1.4)))
    if rng.random() < 0.1:
        a = _blur(a, float(rng.uniform(0.5, 2.0)))
    if rng.random() < 0.3:
        a = _jpeg(a, int(rng.integers(40, 96)))
    return a


def _unmarked_noise(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    kind = int(rng.integers(4))
    if kind == 0:
        mean = rng.uniform(30, 225, 3)
        return _u8(mean + rng.normal(0, rng.uniform(3, 60), (h, w, 3)))
    if kind == 1:
        return _c(rng.integers(0, 256, (h, w, 3), dtype=np.uint8))
    if kind == 2:
        sw, sh = int(rng.integers(2, 40)), int(rng.integers(2, 40))
        small = rng.uniform(0, 255, (sh, sw, 3)).astype(np.float32)
        return _resize(_u8(small), w, h, cv2.INTER_CUBIC)
    g = rng.normal(128, rng.uniform(5, 50), (h, w)).astype(np.float32)
    return _c(_u8(g))


def _unmarked_flat(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    a = _canvas(w, h, rng.integers(0, 256, 3))
    if rng.random() < 0.3:
        a = _u8(a.astype(np.float32) + rng.normal(0, 1.0, (h, w, 3)))
    return a


def _unmarked_gradient(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    c0, c1 = rng.uniform(0, 255, 3), rng.uniform(0, 255, 3)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    if rng.random() < 0.6:
        ang = rng.uniform(0, 2 * math.pi)
        t = xx * math.cos(ang) + yy * math.sin(ang)
    else:
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        t = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2)
    t = (t - t.min()) / max(1e-6, float(t.max() - t.min()))
    t = t[:, :, None]
    return _u8(c0 * (1 - t) + c1 * t)


def _unmarked_drawing(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    a = _canvas(w, h, rng.integers(0, 256, 3))
    words = ("invoice", "total", "hello", "Map", "2041", "report", "OK", "menu", "sale")
    for _ in range(int(rng.integers(4, 40))):
        col = tuple(int(v) for v in rng.integers(0, 256, 3))
        kind = int(rng.integers(5))
        line = cv2.LINE_AA if rng.random() < 0.5 else cv2.LINE_8
        p = (int(rng.integers(0, w)), int(rng.integers(0, h)))
        q = (int(rng.integers(0, w)), int(rng.integers(0, h)))
        thick = int(rng.integers(1, 8)) if rng.random() < 0.7 else -1
        if kind == 0:
            cv2.rectangle(a, p, q, col, thick, line)
        elif kind == 1:
            r = int(rng.integers(2, max(3, min(w, h) // 3)))
            cv2.circle(a, p, r, col, thick, line)
        elif kind == 2:
            cv2.line(a, p, q, col, max(1, thick), line)
        elif kind == 3:
            pts = rng.integers(0, [w, h], (int(rng.integers(3, 7)), 2)).astype(np.int32)
            cv2.fillPoly(a, [pts], col, line)
        else:
            word = words[int(rng.integers(len(words)))]
            _text(a, word, p[0], p[1], float(rng.uniform(0.4, 2.5)), col,
                  int(rng.integers(1, 4)))
    return _c(a)


def _unmarked_collage(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    a = _canvas(w, h, (255, 255, 255))
    cols, rows = int(rng.integers(1, 3)), int(rng.integers(1, 3))
    if cols * rows == 1:
        cols = 2
    gap = int(rng.integers(0, 6))
    for r in range(rows):
        for c in range(cols):
            x0, x1 = c * w // cols, (c + 1) * w // cols - (gap if c < cols - 1 else 0)
            y0, y1 = r * h // rows, (r + 1) * h // rows - (gap if r < rows - 1 else 0)
            tile = _unmarked_photo(rng, max(2, x1 - x0), max(2, y1 - y0), rng.random() < 0.2)
            _paste(a, tile[:max(0, y1 - y0), :max(0, x1 - x0)], x0, y0)
    return a


_UNMARKED_KINDS = ("photo", "grey_photo", "noise", "flat", "gradient", "drawing", "collage")
_UNMARKED_P = (0.5, 0.1, 0.08, 0.07, 0.07, 0.12, 0.06)


def _unmarked_item(i: int, rng: np.random.Generator) -> tuple[str, np.ndarray]:
    if rng.random() < 0.5:
        w, h = int(rng.integers(96, 1101)), int(rng.integers(96, 1101))
    else:  # common photo aspect ratios
        ratio = (1.0, 4 / 3, 3 / 2, 16 / 9, 2.0, 5 / 4)[int(rng.integers(6))]
        long_side = int(rng.integers(130, 1101))
        short = max(96, int(round(long_side / ratio)))
        w, h = (long_side, short) if rng.random() < 0.6 else (short, long_side)
    kind = _UNMARKED_KINDS[int(rng.choice(len(_UNMARKED_KINDS), p=_UNMARKED_P))]
    if kind == "photo":
        a = _unmarked_photo(rng, w, h, False)
    elif kind == "grey_photo":
        a = _unmarked_photo(rng, w, h, True)
    elif kind == "noise":
        a = _unmarked_noise(rng, w, h)
    elif kind == "flat":
        a = _unmarked_flat(rng, w, h)
    elif kind == "gradient":
        a = _unmarked_gradient(rng, w, h)
    elif kind == "drawing":
        a = _unmarked_drawing(rng, w, h)
    else:
        a = _unmarked_collage(rng, w, h)
    a = _c(a)
    if a.shape != (h, w, 3):
        a = _resize(a, w, h)
    return f"unmarked_{i:05d}_{kind}", a


def unmarked(n: int = 10000, seed: int = 2026120725) -> Iterator[tuple[str, np.ndarray]]:
    for i in range(n):
        yield _unmarked_item(i, np.random.default_rng([seed, i]))


# --------------------------------------------------------------------------- edge cases


def edge_cases() -> list[tuple[str, np.ndarray]]:
    rng = np.random.default_rng(20261207)
    china = _sample("china")
    checker = (np.indices((300, 300)).sum(axis=0) % 2 * 255).astype(np.uint8)
    stripes = np.zeros((255, 257, 3), np.uint8)
    stripes[:, ::4] = 255
    stripes[:, 1::4] = 255
    huge = _resize(china, 4032, 3024, cv2.INTER_CUBIC)
    cases = [
        ("px_1x1", _canvas(1, 1, (131, 77, 201))),
        ("px_2x3", _c(rng.integers(0, 256, (3, 2, 3), dtype=np.uint8))),
        ("tiny_7x5_noise", _c(rng.integers(0, 256, (5, 7, 3), dtype=np.uint8))),
        ("tiny_8x8_photo", _resize(china, 8, 8, cv2.INTER_AREA)),
        ("small_16x16_photo", _resize(china, 16, 16, cv2.INTER_AREA)),
        ("below_min_95x97_photo", _resize(_sample("chelsea"), 95, 97, cv2.INTER_AREA)),
        ("row_777x1", _resize(china, 777, 1, cv2.INTER_AREA)),
        ("column_1x640", _resize(china, 1, 640, cv2.INTER_AREA)),
        ("strip_1500x3", _resize(china, 1500, 3, cv2.INTER_AREA)),
        ("strip_9x2400", _resize(china, 9, 2400, cv2.INTER_AREA)),
        ("extreme_2048x16", _resize(_sample("rocket"), 2048, 16, cv2.INTER_AREA)),
        ("panorama_6000x800", _resize(china[100:320], 6000, 800, cv2.INTER_CUBIC)),
        ("flat_black_256", _canvas(256, 256, (0, 0, 0))),
        ("flat_white_511x389", _canvas(511, 389, (255, 255, 255))),
        ("flat_grey_333x500", _canvas(333, 500, (127, 127, 127))),
        ("flat_red_64", _canvas(64, 64, (255, 0, 0))),
        ("near_black_480x320", _u8(rng.normal(3, 2, (320, 480, 3)))),
        ("near_white_420x640", _u8(rng.normal(252, 2, (640, 420, 3)))),
        ("checker_1px_300", _c(checker)),
        ("stripes_2px_257x255", _c(stripes)),
        ("saturated_binary_noise_512",
         _c((rng.integers(0, 2, (512, 512, 3)) * 255).astype(np.uint8))),
        ("huge_4032x3024_photo", huge),
    ]
    return [(name, _c(a)) for name, a in cases]


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def _cv2_png(a: np.ndarray) -> bytes:
    ok, buf = cv2.imencode(".png", a, [cv2.IMWRITE_PNG_COMPRESSION, 6])
    if not ok:
        raise RuntimeError("cv2 could not encode a PNG")
    return bytes(buf.tobytes())


def _pil_bytes(im: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def edge_case_files() -> list[tuple[str, bytes]]:
    rng = np.random.default_rng(7207)
    base = _resize(_sample("chelsea")[20:280, 60:400], 340, 260, cv2.INTER_AREA)
    im = Image.fromarray(base)
    png = _pil_bytes(im, "PNG")
    jpg = _pil_bytes(im, "JPEG", quality=85)
    # PNG with a damaged IDAT byte (its CRC no longer matches)
    idat = png.find(b"IDAT")
    bad_crc = bytearray(png)
    bad_crc[idat + 40] ^= 0x5A
    # a PNG header claiming 40000 x 40000 with a tiny, truncated IDAT
    ihdr = struct.pack(">IIBBBBB", 40000, 40000, 8, 2, 0, 0, 0)
    bomb = (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr)
            + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 4000)) + _png_chunk(b"IEND", b""))
    ramp = np.arange(340, dtype=np.uint32)[None, :, None]
    wide16 = np.clip(base.astype(np.uint32) * 257 + ramp, 0, 65535).astype(np.uint16)
    bgr16 = np.ascontiguousarray(wide16[:, :, ::-1])
    alpha16 = np.linspace(0, 65535, 260, dtype=np.uint16)[:, None, None] * np.ones(
        (1, 340, 1), np.uint16)
    rgba = np.dstack([base, np.linspace(0, 255, 340, dtype=np.uint8)[None, :].repeat(260, 0)])
    grey = Image.fromarray(_grey(base)[:, :, 0])

    def exif_jpeg(orientation: int) -> bytes:
        exif = Image.Exif()
        exif[0x0112] = orientation
        return _pil_bytes(im, "JPEG", quality=88, exif=exif.tobytes())

    exif_png = Image.Exif()
    exif_png[0x0112] = 6
    frame2 = Image.fromarray(_flip(base, 1))
    files = [
        ("empty.png", b""),
        ("garbage_1031.bin", rng.integers(0, 256, 1031, dtype=np.uint8).tobytes()),
        ("text_not_image.png", b"this is not an image, just text\n"),
        ("png_signature_only.png", b"\x89PNG\r\n\x1a\n"),
        ("png_truncated_half.png", png[: len(png) // 2]),
        ("png_truncated_no_iend.png", png[:-12]),
        ("png_bad_crc.png", bytes(bad_crc)),
        ("png_header_40000x40000.png", bomb),
        ("png_16bit_rgb.png", _cv2_png(bgr16)),
        ("png_16bit_grey.png", _cv2_png(np.ascontiguousarray(wide16[:, :, 1]))),
        ("png_16bit_rgba.png", _cv2_png(np.ascontiguousarray(np.dstack([bgr16, alpha16])))),
        ("png_rgba_gradient_alpha.png", _pil_bytes(Image.fromarray(rgba, "RGBA"), "PNG")),
        ("png_rgba_fully_transparent.png",
         _pil_bytes(Image.fromarray(np.dstack([base, np.zeros((260, 340), np.uint8)]),
                                    "RGBA"), "PNG")),
        ("png_grey_alpha_LA.png", _pil_bytes(Image.merge("LA", (grey, grey.point(
            lambda v: 255 - v))), "PNG")),
        ("png_palette_64.png", _pil_bytes(im.quantize(64, method=Image.Quantize.MEDIANCUT),
                                         "PNG")),
        ("png_palette_transparency.png",
         _pil_bytes(im.quantize(16, method=Image.Quantize.MEDIANCUT), "PNG", transparency=0)),
        ("png_greyscale_L.png", _pil_bytes(grey, "PNG")),
        ("png_1bit.png", _pil_bytes(grey.convert("1"), "PNG")),
        ("png_1x1.png", _pil_bytes(Image.new("RGB", (1, 1), (12, 200, 99)), "PNG")),
        ("png_exif_orientation_6.png", _pil_bytes(im, "PNG", exif=exif_png.tobytes())),
        ("jpeg_soi_only.jpg", b"\xff\xd8"),
        ("jpeg_truncated_60pct.jpg", jpg[: len(jpg) * 3 // 5]),
        ("jpeg_trailing_garbage.jpg", jpg + rng.integers(0, 256, 517, np.uint8).tobytes()),
        ("jpeg_two_concatenated.jpg", jpg + _pil_bytes(frame2, "JPEG", quality=70)),
        ("jpeg_greyscale.jpg", _pil_bytes(grey, "JPEG", quality=83)),
        ("jpeg_cmyk.jpg", _pil_bytes(im.convert("CMYK"), "JPEG", quality=86)),
        ("jpeg_exif_orientation_6.jpg", exif_jpeg(6)),
        ("jpeg_exif_orientation_3.jpg", exif_jpeg(3)),
        ("jpeg_exif_orientation_8.jpg", exif_jpeg(8)),
        ("jpeg_exif_orientation_5_transpose.jpg", exif_jpeg(5)),
        ("jpeg_progressive.jpg", _pil_bytes(im, "JPEG", quality=80, progressive=True)),
        ("jpeg_quality_1.jpg", _pil_bytes(im, "JPEG", quality=1)),
        ("gif_animated_2_frames.gif", _pil_bytes(im.quantize(128), "GIF", save_all=True,
                                                 append_images=[frame2.quantize(128)],
                                                 duration=[120, 120], loop=0)),
        ("bmp_rgb.bmp", _pil_bytes(im, "BMP")),
        ("tiff_rgb.tiff", _pil_bytes(im, "TIFF")),
        ("webp_lossy.webp", _pil_bytes(im, "WEBP", quality=67, method=4)),
        ("webp_lossless_alpha.webp",
         _pil_bytes(Image.fromarray(rgba, "RGBA"), "WEBP", lossless=True)),
    ]
    return files
