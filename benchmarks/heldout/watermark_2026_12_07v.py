"""Held-out watermark test set, round 2026-12-07v (blind, frozen).

PROVENANCE
Read: /work/main/pyproject.toml, /work/main/safegen/backends/__init__.py,
/work/main/safegen/backends/base.py and /work/main/safegen/backends/builtin.py (only to
learn how to call the built-in offline text-to-image model), plus the listings of
skimage/data/ and sklearn/datasets/images/ in the installed packages and the sample images
used from them. Not opened, grepped, listed or imported: anything under
/work/main/safegen/watermark/, /work/main/docs/, /work/main/tests/ or /work/main/benchmarks/
(other than writing this one file and its cache_v/ folder), README.md, any issue tracker,
/work/before, /work/after or /work/exp. No git command, no watermark encoder or decoder and
no `issues` command was run. Every parameter was chosen before, and without, seeing any
watermark result; this file was run only to check its own outputs (shapes, dtypes,
contiguity, determinism, timing). Only numpy, Pillow, OpenCV and the built-in model are
used.

FROZEN
This file is never edited, not even for style: its sha256 is its identity.

SOURCES
Photos: the sample images shipped inside the installed packages, located with
importlib.util.find_spec: scikit-image's skimage/data/ (astronaut.png, chelsea.png,
coffee.png, hubble_deep_field.jpg, ihc.png, motorcycle_left.png, motorcycle_right.png,
retina.jpg, rocket.jpg, camera.png, gravel.png; unmarked() also uses moon.png, coins.png,
grass.png, brick.png, clock_motion.png and cell.png) and scikit-learn's
sklearn/datasets/images/ (china.jpg, flower.jpg). Each held-out photo is a fixed crop,
rescale and tone change of one of them; enlarged photos get grain seeded from their name.
Generated: safegen.backends.builtin.BuiltinBackend at its native 256x256, with this
file's own landscape prompts and seeds, cached as PNG in CACHE_DIR (written to a
temporary name, then renamed; regenerated when absent). Screenshots and graphics: drawn
here with OpenCV. Every parameter was chosen before, and without, seeing any result.

INTERFACE
ROUND = "2026-12-07v"; CACHE_DIR = Path(__file__).resolve().parent / "cache_v"
images() -> list[(name, image_class, rgb)]: image_class in {"photo", "generated",
    "graphic", "screenshot"}; rgb is a C-contiguous uint8 (H, W, 3) array.
attacks() -> list[(name, fn)]: fn(rgb) -> a new C-contiguous uint8 (H', W', 3) array;
    deterministic (noise is seeded from the attack's name and the image's shape and
    bytes); the first attack is "none" (a copy).
unmarked(n=10000, seed=2026120722) -> iterator of (name, rgb): item i depends only on
    np.random.default_rng([seed, i]) and the package sample images; both sides in
    96..1100.
edge_cases() -> list[(name, rgb)]: awkward uint8 RGB arrays.
edge_case_files() -> list[(name, bytes)]: awkward encoded files, byte-identical per run.

IMAGES
28 images: 18 photo, 6 generated, 2 screenshot, 2 graphic.
photo: photo_astronaut_portrait_411 (411x548), photo_coffee_4x3_1237 (1237x928),
    photo_chelsea_small_263 (395x263), photo_hubble_1913 (1913x1668),
    photo_retina_portrait_1411 (1059x1411), photo_rocket_16x9_1366 (1366x768),
    photo_china_panorama_1999 (1999x666), photo_flower_3x2_1029 (1029x686),
    photo_motorcycle_left_3x2_863 (863x575), photo_motorcycle_right_portrait_289 (289x429),
    photo_ihc_square_773 (773x773), photo_camera_sepia_4x3_336 (448x336),
    photo_astronaut_16x9_1187 (1187x668), photo_gravel_texture_611 (611x611),
    photo_coffee_portrait_522 (522x696), photo_china_4x3_dark_1093 (1093x820),
    photo_flower_small_251 (376x251), photo_rocket_portrait_319 (319x479).
generated: generated_misty_pine_valley (256x256), generated_red_canyon_dusk (256x256),
    generated_snow_ridge_noon (256x256), generated_river_hills_sunset (256x256),
    generated_moonlit_coast (256x256), generated_wheat_field_clouds (256x256).
screenshot: screenshot_mail_client (1281x803), screenshot_map_app (591x1279).
graphic: graphic_pie_area_chart (1093x687), graphic_flat_slide (1366x768).

ATTACKS
88 attacks, in this order: none, flip_h, flip_v, stretch_x_107, stretch_y_093,
stretch_x_114, stretch_xy_109_096, squash_x_087, squash_to_square, squash_to_4x5,
squash_to_21x9, crop_center_91, crop_center_63, crop_center_52, crop_offcentre_77,
crop_corner_tl_71, crop_corner_br_83, crop_x_only_69, crop_y_only_57, crop_xy_87_61,
crop_center_73_resized, crop_offcentre_59_resized, crop_corner_br_62_resized,
rotate_p3_black, rotate_m1_black, rotate_m7_white, rotate_p9_reflect, rotate_p6_expand,
rotate_p4_expand_resized, rotate_p2_straighten, rotate_m6_straighten, rotate_p8_inner_rect,
rotate_m4_inner_rect_resized, rotate_m3_crop_74, rotate_p4_crop_corner_81, pad_black_07,
pad_white_17, pad_uneven_colour, pad_grey_13_resized, pad_uneven_reflect_resized,
frame_overlay_wood, caption_band_bottom, caption_overlay_top, letterbox_16x9,
pillarbox_9x16, jpeg_q31_420, jpeg_q63_444, jpeg_q76_420, jpeg_q88_444, webp_q53, webp_q71,
downscale_041, downscale_067, down_up_047, upscale_137, social_chain_a, social_chain_b,
messenger_chain_a, messenger_chain_b, screen_browser_png, screen_browser_jpeg,
screen_phone_app_png, screen_document_viewer_jpeg, screen_slide_png, blur_gauss_13,
blur_gauss_27, sharpen_unsharp, median_3, noise_gauss_6, brightness_p23, brightness_m31,
contrast_131, gamma_067, saturation_161, saturation_039, greyscale,
combo_crop_center_81_jpeg_57, combo_rotate_m2_jpeg_68, combo_flip_h_crop_corner_tl_88,
combo_stretch_x_106_webp_64, combo_downscale_061_sharpen,
combo_brightness_p14_contrast_118_jpeg_72, combo_pad_white_09_rotate_p1,
combo_blur_09_noise_4_jpeg_81, combo_gamma_081_saturation_126_crop_xy_92_84,
combo_flip_v_down_up_058, combo_greyscale_jpeg_43,
combo_letterbox_4x3_webp_77_downscale_079.
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
from functools import cache
from pathlib import Path
from typing import NamedTuple

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image

ROUND = "2026-12-07v"
CACHE_DIR = Path(__file__).resolve().parent / "cache_v"

Image8 = NDArray[np.uint8]
Attack = Callable[[Image8], Image8]
Colour = tuple[int, int, int]

# --------------------------------------------------------------------------- basics


def _package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"{package} is not installed: the held-out set needs its sample images")
    return Path(next(iter(spec.submodule_search_locations)))


_SAMPLE_FILES: dict[str, tuple[str, str]] = {
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
    "gravel": ("skimage", "data/gravel.png"),
    "moon": ("skimage", "data/moon.png"),
    "coins": ("skimage", "data/coins.png"),
    "grass": ("skimage", "data/grass.png"),
    "brick": ("skimage", "data/brick.png"),
    "clock_motion": ("skimage", "data/clock_motion.png"),
    "cell": ("skimage", "data/cell.png"),
    "china": ("sklearn", "datasets/images/china.jpg"),
    "flower": ("sklearn", "datasets/images/flower.jpg"),
}


@cache
def _sample(name: str) -> Image8:
    """A package sample image as read-only RGB (greyscale ones repeated to three channels)."""
    package, relative = _SAMPLE_FILES[name]
    with Image.open(_package_dir(package) / relative) as im:
        rgb = np.ascontiguousarray(np.asarray(im.convert("RGB"), dtype=np.uint8))
    rgb.flags.writeable = False
    return rgb


def _seed_of(*parts: object) -> int:
    digest = hashlib.sha256("\x1f".join(repr(p) for p in parts).encode()).digest()
    return int.from_bytes(digest[:16], "little")


def _rng_for(tag: str, a: Image8) -> np.random.Generator:
    """Noise for an attack: seeded from its name and the image's shape and bytes."""
    digest = hashlib.sha256()
    digest.update(tag.encode())
    digest.update(repr(a.shape).encode())
    digest.update(np.ascontiguousarray(a).data)
    return np.random.default_rng(int.from_bytes(digest.digest()[:16], "little"))


def _u8(a: NDArray[np.floating]) -> Image8:
    return np.ascontiguousarray(np.clip(np.rint(a), 0, 255).astype(np.uint8))


def _resize(a: Image8, w: float, h: float, interpolation: int | None = None) -> Image8:
    w, h = max(1, int(round(w))), max(1, int(round(h)))
    if (h, w) == a.shape[:2]:
        return a.copy()
    if interpolation is None:
        shrinking = w * h < a.shape[0] * a.shape[1]
        interpolation = cv2.INTER_AREA if shrinking else cv2.INTER_CUBIC
    return np.ascontiguousarray(cv2.resize(a, (w, h), interpolation=interpolation))


def _scale(a: Image8, s: float, interpolation: int | None = None) -> Image8:
    h, w = a.shape[:2]
    return _resize(a, w * s, h * s, interpolation)


def _fit(a: Image8, box_w: int, box_h: int, cap: float = float("inf")) -> Image8:
    h, w = a.shape[:2]
    s = min(box_w / w, box_h / h, cap)
    return _resize(a, max(1, round(w * s)), max(1, round(h * s)))


def _crop_frac(a: Image8, kw: float, kh: float, fx: float = 0.5, fy: float = 0.5) -> Image8:
    """Keep kw x kh of the sides; fx, fy place the window in the margin (0: left/top)."""
    h, w = a.shape[:2]
    cw, ch = max(1, round(w * kw)), max(1, round(h * kh))
    x, y = round((w - cw) * fx), round((h - ch) * fy)
    return a[y : y + ch, x : x + cw]


def _paste(canvas: Image8, img: Image8, x: int, y: int) -> None:
    ch, cw = canvas.shape[:2]
    h, w = img.shape[:2]
    x0, y0, x1, y1 = max(0, x), max(0, y), min(cw, x + w), min(ch, y + h)
    if x1 > x0 and y1 > y0:
        canvas[y0:y1, x0:x1] = img[y0 - y : y1 - y, x0 - x : x1 - x]


def _decode(data: bytes) -> Image8:
    with Image.open(io.BytesIO(data)) as im:
        return np.ascontiguousarray(np.asarray(im.convert("RGB"), dtype=np.uint8))


def _jpeg(a: Image8, quality: int, subsampling: int = 2) -> Image8:
    """JPEG round trip; subsampling 2 is 4:2:0, 0 is 4:4:4."""
    buf = io.BytesIO()
    Image.fromarray(a).save(buf, "JPEG", quality=quality, subsampling=subsampling)
    return _decode(buf.getvalue())


def _webp(a: Image8, quality: int) -> Image8:
    buf = io.BytesIO()
    Image.fromarray(a).save(buf, "WEBP", quality=quality, method=4)
    return _decode(buf.getvalue())


# --------------------------------------------------------------------------- tone


def _lut(a: Image8, table: NDArray[np.floating]) -> Image8:
    lut = np.clip(np.rint(table), 0, 255).astype(np.uint8)
    return np.ascontiguousarray(cv2.LUT(a, lut))


_RAMP = np.arange(256, dtype=np.float64)


def _brightness(a: Image8, delta: float) -> Image8:
    return _lut(a, _RAMP + delta)


def _contrast(a: Image8, factor: float) -> Image8:
    mean = float(cv2.cvtColor(a, cv2.COLOR_RGB2GRAY).mean())
    return _lut(a, (_RAMP - mean) * factor + mean)


def _gamma(a: Image8, g: float) -> Image8:
    return _lut(a, 255.0 * (_RAMP / 255.0) ** g)


def _saturation(a: Image8, s: float) -> Image8:
    grey = cv2.cvtColor(a, cv2.COLOR_RGB2GRAY).astype(np.float32)[:, :, None]
    return _u8(grey + s * (a.astype(np.float32) - grey))


def _tint(a: Image8, gains: tuple[float, float, float]) -> Image8:
    return _u8(a.astype(np.float32) * np.asarray(gains, dtype=np.float32))


def _greyscale(a: Image8) -> Image8:
    grey = cv2.cvtColor(a, cv2.COLOR_RGB2GRAY)
    return np.ascontiguousarray(cv2.cvtColor(grey, cv2.COLOR_GRAY2RGB))


def _blur(a: Image8, sigma: float) -> Image8:
    return np.ascontiguousarray(cv2.GaussianBlur(a, (0, 0), sigma))


def _sharpen(a: Image8, sigma: float, amount: float) -> Image8:
    soft = cv2.GaussianBlur(a, (0, 0), sigma)
    return np.ascontiguousarray(cv2.addWeighted(a, 1.0 + amount, soft, -amount, 0))


def _noise(a: Image8, sigma: float, tag: str) -> Image8:
    rng = _rng_for(tag, a)
    return _u8(a.astype(np.float32) + rng.standard_normal(a.shape, dtype=np.float32) * sigma)


def _grain(a: Image8, sigma: float, tag: str) -> Image8:
    """Film-like grain for enlarged photos: soft luma grain plus weaker colour grain."""
    rng = np.random.default_rng(_seed_of("grain", tag))
    h, w = a.shape[:2]
    noise = rng.standard_normal((h, w), dtype=np.float32)
    luma = np.asarray(cv2.GaussianBlur(noise, (0, 0), 0.7), dtype=np.float32)
    luma *= sigma / max(float(luma.std()), 1e-6)
    chroma = rng.standard_normal((h, w, 3), dtype=np.float32) * (0.35 * sigma)
    return _u8(a.astype(np.float32) + luma[:, :, None] + chroma)


# --------------------------------------------------------------------------- geometry

_FILL: dict[str, Colour] = {"black": (0, 0, 0), "white": (255, 255, 255)}


def _rotate(a: Image8, deg: float, fill: str = "black", expand: bool = False) -> Image8:
    """Rotate counter-clockwise by deg; fill is black, white or reflect."""
    h, w = a.shape[:2]
    cx, cy = (w - 1) / 2, (h - 1) / 2
    m = cv2.getRotationMatrix2D((cx, cy), deg, 1.0)
    ow, oh = w, h
    if expand:
        cos, sin = abs(m[0, 0]), abs(m[0, 1])
        ow, oh = math.ceil(w * cos + h * sin - 1e-6), math.ceil(w * sin + h * cos - 1e-6)
        m[0, 2] += (ow - 1) / 2 - cx
        m[1, 2] += (oh - 1) / 2 - cy
    border = cv2.BORDER_REFLECT_101 if fill == "reflect" else cv2.BORDER_CONSTANT
    out = cv2.warpAffine(
        a, m, (ow, oh), flags=cv2.INTER_LINEAR, borderMode=border,
        borderValue=_FILL.get(fill, (0, 0, 0)),
    )
    return np.ascontiguousarray(out)


def _straighten(a: Image8, deg: float) -> Image8:
    """Rotate and zoom just enough that no corner is empty (a photo editor's 'straighten')."""
    h, w = a.shape[:2]
    t = math.radians(abs(deg))
    cos, sin = math.cos(t), math.sin(t)
    s = max((w * cos + h * sin) / w, (w * sin + h * cos) / h) * 1.004
    m = cv2.getRotationMatrix2D(((w - 1) / 2, (h - 1) / 2), deg, s)
    out = cv2.warpAffine(a, m, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)
    return np.ascontiguousarray(out)


def _max_inner(w: int, h: int, angle: float) -> tuple[float, float]:
    """Largest axis-aligned rectangle inside a w x h rectangle rotated by angle (radians)."""
    long_side, short_side = (w, h) if w >= h else (h, w)
    sin, cos = abs(math.sin(angle)), abs(math.cos(angle))
    if short_side <= 2.0 * sin * cos * long_side or abs(sin - cos) < 1e-10:
        x = 0.5 * short_side
        return (x / sin, x / cos) if w >= h else (x / cos, x / sin)
    cos2 = cos * cos - sin * sin
    return (w * cos - h * sin) / cos2, (h * cos - w * sin) / cos2


def _inner_rect(a: Image8, deg: float, resize_back: bool = False) -> Image8:
    h, w = a.shape[:2]
    rotated = _rotate(a, deg, "black", expand=True)
    rw, rh = _max_inner(w, h, math.radians(deg))
    rw, rh = max(1, math.floor(rw) - 2), max(1, math.floor(rh) - 2)
    oh, ow = rotated.shape[:2]
    x, y = (ow - rw) // 2, (oh - rh) // 2
    out = rotated[y : y + rh, x : x + rw]
    return _resize(out, w, h) if resize_back else np.ascontiguousarray(out)


def _pad(
    a: Image8,
    top: float,
    bottom: float,
    left: float,
    right: float,
    colour: Colour | None = (0, 0, 0),
    resize_back: bool = False,
) -> Image8:
    """Pad by fractions of the height (top, bottom) and width (left, right).

    colour None pads by reflection.
    """
    h, w = a.shape[:2]
    t, b = round(h * top), round(h * bottom)
    lf, rt = round(w * left), round(w * right)
    if colour is None:
        padded = cv2.copyMakeBorder(a, t, b, lf, rt, cv2.BORDER_REFLECT_101)
    else:
        padded = cv2.copyMakeBorder(a, t, b, lf, rt, cv2.BORDER_CONSTANT, value=colour)
    out = np.asarray(padded, dtype=np.uint8)
    return _resize(out, w, h) if resize_back else np.ascontiguousarray(out)


def _canvas_fit(a: Image8, cw: int, ch: int, colour: Colour) -> Image8:
    """Letterbox or pillarbox: fit the image inside a cw x ch canvas."""
    img = _fit(a, cw, ch)
    canvas = np.full((ch, cw, 3), colour, np.uint8)
    _paste(canvas, img, (cw - img.shape[1]) // 2, (ch - img.shape[0]) // 2)
    return canvas


def _reshape_area(a: Image8, aspect: float) -> Image8:
    """Squash to another aspect ratio (width / height), keeping the pixel count."""
    h, w = a.shape[:2]
    nw = math.sqrt(w * h * aspect)
    return _resize(a, nw, nw / aspect)


# --------------------------------------------------------------------------- drawing

_FONT = cv2.FONT_HERSHEY_SIMPLEX
_BOLD = cv2.FONT_HERSHEY_DUPLEX
_ITALIC = cv2.FONT_HERSHEY_SIMPLEX | cv2.FONT_ITALIC


def _put(
    img: Image8, text: str, x: float, y: float, scale: float, colour: Colour,
    thickness: int = 1, font: int = _FONT,
) -> None:
    cv2.putText(img, text, (int(x), int(y)), font, scale, colour, thickness, cv2.LINE_AA)


def _rect(img: Image8, x0: float, y0: float, x1: float, y1: float, colour: Colour,
          thickness: int = -1) -> None:
    cv2.rectangle(img, (int(x0), int(y0)), (int(x1), int(y1)), colour, thickness)


def _rounded(img: Image8, x0: int, y0: int, x1: int, y1: int, r: int, colour: Colour) -> None:
    r = int(max(0, min(r, (x1 - x0) // 2, (y1 - y0) // 2)))
    cv2.rectangle(img, (x0 + r, y0), (x1 - r, y1), colour, -1)
    cv2.rectangle(img, (x0, y0 + r), (x1, y1 - r), colour, -1)
    for cx, cy in ((x0 + r, y0 + r), (x1 - r, y0 + r), (x0 + r, y1 - r), (x1 - r, y1 - r)):
        cv2.circle(img, (cx, cy), r, colour, -1, cv2.LINE_AA)


def _wrap(text: str, width_px: int, scale: float, font: int = _FONT) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and cv2.getTextSize(trial, font, scale, 1)[0][0] > width_px:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def _paragraph(
    img: Image8, text: str, x: int, y: int, width_px: int, scale: float, colour: Colour,
    line_h: int, y_max: int | None = None, font: int = _FONT,
) -> int:
    """Draw wrapped text from baseline y; returns the next free baseline."""
    for line in _wrap(text, width_px, scale, font):
        if y_max is not None and y > y_max:
            break
        _put(img, line, x, y, scale, colour, 1, font)
        y += line_h
    return y


def _blend_rect(img: Image8, x0: int, y0: int, x1: int, y1: int, colour: Colour,
                alpha: float) -> None:
    h, w = img.shape[:2]
    x0, y0, x1, y1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
    if x1 <= x0 or y1 <= y0:
        return
    region = img[y0:y1, x0:x1].astype(np.float32)
    img[y0:y1, x0:x1] = _u8(region * (1 - alpha) + np.asarray(colour, np.float32) * alpha)


_PROSE = (
    "We left the car at the lower lot a little after seven, when the valley was still in "
    "shadow and the frost had not yet lifted from the meadow. The path climbs steadily "
    "through beech and then larch, and after an hour the trees thin out and the ridge "
    "opens up. From the saddle the view runs all the way to the lakes in the south. The "
    "last section is exposed but well marked, and the rock was dry. We reached the top "
    "just before noon, ate quickly in the wind and took the longer way down past the hut, "
    "which closes for the season at the end of the month. Allow six hours in total, carry "
    "more water than you think, and check the forecast: the weather turns fast up there."
)

_MAIL = (
    "Hi Jonas, thanks for sending the draft over on Friday. I went through the numbers with "
    "Marek this morning and we agree on most of it, but the travel line still looks high "
    "compared with last year. Could you check whether the workshop in Lyon was counted "
    "twice? I have attached a revised sheet with the changes highlighted in yellow. If the "
    "totals look right to you, I would like to send it to finance before Thursday, since "
    "they close the quarter early this time. Happy to go through it on a call tomorrow "
    "afternoon if that is easier. Best, Priya"
)


def _sentence_lines(count: int, seed: int) -> list[str]:
    words = _PROSE.replace(",", "").replace(".", "").replace(":", "").split()
    rng = np.random.default_rng(seed)
    return [" ".join(words[int(i)] for i in rng.integers(0, len(words), int(rng.integers(5, 12))))
            for _ in range(count)]


# --------------------------------------------------------------------------- photos


class _Photo(NamedTuple):
    name: str
    source: str
    box: tuple[int, int, int, int]  # x, y, w, h in the source
    size: tuple[int, int]  # output width, height
    gamma: float = 1.0
    contrast: float = 1.0
    saturation: float = 1.0
    tint: tuple[float, float, float] = (1.0, 1.0, 1.0)


_PHOTOS: tuple[_Photo, ...] = (
    _Photo("photo_astronaut_portrait_411", "astronaut", (67, 0, 384, 512), (411, 548), gamma=0.94),
    _Photo("photo_coffee_4x3_1237", "coffee", (41, 0, 533, 400), (1237, 928), contrast=1.06),
    _Photo("photo_chelsea_small_263", "chelsea", (0, 0, 451, 300), (395, 263)),
    _Photo("photo_hubble_1913", "hubble", (0, 0, 1000, 872), (1913, 1668)),
    _Photo("photo_retina_portrait_1411", "retina", (176, 0, 1059, 1411), (1059, 1411), gamma=1.08),
    _Photo("photo_rocket_16x9_1366", "rocket", (0, 37, 640, 360), (1366, 768), saturation=1.11),
    _Photo("photo_china_panorama_1999", "china", (0, 117, 640, 213), (1999, 666)),
    _Photo("photo_flower_3x2_1029", "flower", (0, 0, 640, 427), (1029, 686), saturation=1.17),
    _Photo("photo_motorcycle_left_3x2_863", "motorcycle_left", (31, 27, 677, 451), (863, 575),
           contrast=1.09),
    _Photo("photo_motorcycle_right_portrait_289", "motorcycle_right", (389, 0, 337, 500),
           (289, 429)),
    _Photo("photo_ihc_square_773", "ihc", (0, 0, 512, 512), (773, 773), gamma=0.91),
    _Photo("photo_camera_sepia_4x3_336", "camera", (37, 61, 448, 336), (448, 336),
           tint=(1.07, 0.97, 0.81)),
    _Photo("photo_astronaut_16x9_1187", "astronaut", (0, 119, 512, 288), (1187, 668),
           contrast=0.93),
    _Photo("photo_gravel_texture_611", "gravel", (0, 0, 512, 512), (611, 611),
           tint=(1.0, 0.96, 0.87)),
    _Photo("photo_coffee_portrait_522", "coffee", (163, 0, 300, 400), (522, 696), saturation=0.86),
    _Photo("photo_china_4x3_dark_1093", "china", (29, 0, 569, 427), (1093, 820), gamma=1.21),
    _Photo("photo_flower_small_251", "flower", (97, 61, 376, 251), (376, 251)),
    _Photo("photo_rocket_portrait_319", "rocket", (211, 0, 284, 427), (319, 479)),
)


def _make_photo(p: _Photo) -> Image8:
    x, y, w, h = p.box
    img = _resize(np.ascontiguousarray(_sample(p.source)[y : y + h, x : x + w]), *p.size)
    if p.tint != (1.0, 1.0, 1.0):
        img = _tint(img, p.tint)
    if p.gamma != 1.0:
        img = _gamma(img, p.gamma)
    if p.contrast != 1.0:
        img = _contrast(img, p.contrast)
    if p.saturation != 1.0:
        img = _saturation(img, p.saturation)
    enlargement = p.size[0] / w
    if enlargement > 1.02:
        img = _grain(img, min(4.2, 1.3 + 0.7 * enlargement), p.name)
    return np.ascontiguousarray(img)


# --------------------------------------------------------------------------- generated

_GENERATED: tuple[tuple[str, str, int], ...] = (
    ("generated_misty_pine_valley", "a misty pine valley at dawn with a calm lake", 40917),
    ("generated_red_canyon_dusk", "a red desert canyon under a violet evening sky", 7733),
    ("generated_snow_ridge_noon", "a snowy mountain ridge at noon under a clear blue sky", 190283),
    ("generated_river_hills_sunset", "green rolling hills with a winding river at sunset", 55021),
    ("generated_moonlit_coast", "a dark forest by the sea at night under a pale moon", 86113),
    ("generated_wheat_field_clouds", "a golden wheat field under a cloudy orange sky", 27389),
)


def _generated_path(name: str, seed: int) -> Path:
    return CACHE_DIR / f"{name}_{seed}.png"


def _ensure_generated() -> None:
    missing = [g for g in _GENERATED if not _generated_path(g[0], g[2]).exists()]
    if not missing:
        return
    from safegen.backends.base import BackendRequest
    from safegen.backends.builtin import BuiltinBackend

    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    backend = BuiltinBackend(threads=2)
    for name, prompt, seed in missing:
        request = BackendRequest(prompt=prompt, negative_prompt=None, seeds=(seed,),
                                 width=256, height=256)
        (picture,) = backend.generate(request)
        path = _generated_path(name, seed)
        tmp = path.with_name(f".{path.stem}.{os.getpid()}.tmp.png")
        picture.convert("RGB").save(tmp, "PNG")
        os.replace(tmp, path)


def _load_generated(name: str, seed: int) -> Image8:
    with Image.open(_generated_path(name, seed)) as im:
        return np.ascontiguousarray(np.asarray(im.convert("RGB"), dtype=np.uint8))


# --------------------------------------------------------------------------- screenshots


def _screenshot_mail() -> Image8:
    W, H = 1281, 803
    img = np.full((H, W, 3), 255, np.uint8)
    _rect(img, 0, 0, W, 30, (45, 48, 54))
    for i, c in enumerate(((237, 106, 94), (245, 191, 79), (98, 197, 84))):
        cv2.circle(img, (18 + 20 * i, 15), 6, c, -1, cv2.LINE_AA)
    _put(img, "Inbox - m.keller@northwind.example - Mail", 470, 21, 0.45, (205, 208, 214))
    _rect(img, 0, 30, W, 78, (246, 247, 249))
    _rounded(img, 16, 38, 170, 70, 15, (26, 115, 232))
    _put(img, "New message", 36, 60, 0.52, (255, 255, 255), 1, _BOLD)
    for i, label in enumerate(("Reply", "Reply all", "Forward", "Archive", "Delete", "Move")):
        _put(img, label, 232 + 92 * i, 60, 0.48, (60, 64, 67))
    _rounded(img, 880, 40, 1262, 68, 14, (234, 236, 240))
    _put(img, "Search mail", 910, 60, 0.5, (120, 124, 130))
    cv2.line(img, (0, 78), (W, 78), (218, 220, 224), 1)

    _rect(img, 0, 79, 212, H, (241, 244, 248))
    folders = ("Inbox    12", "Starred", "Snoozed", "Sent", "Drafts    2", "Archive", "Spam    4",
               "Trash")
    for i, label in enumerate(folders):
        y = 112 + 34 * i
        if i == 0:
            _rounded(img, 8, y - 22, 204, y + 10, 16, (211, 227, 253))
        _put(img, label, 30, y, 0.5, (32, 33, 36), 1, _BOLD if i == 0 else _FONT)
    _put(img, "LABELS", 24, 412, 0.42, (110, 114, 120))
    for i, (label, c) in enumerate((("Finance", (52, 168, 83)), ("Travel", (251, 188, 4)),
                                    ("Family", (234, 67, 53)), ("Projects", (66, 133, 244)))):
        cv2.circle(img, (32, 440 + 30 * i), 6, c, -1, cv2.LINE_AA)
        _put(img, label, 48, 446 + 30 * i, 0.48, (60, 64, 67))

    _put(img, "Inbox", 232, 110, 0.7, (32, 33, 36), 1, _BOLD)
    _put(img, "1-50 of 1,284", 470, 108, 0.42, (110, 114, 120))
    people = (("Priya Raman", "Q4 budget review - revised figures", "10:42", (66, 133, 244)),
              ("Tomas Lind", "Re: site visit on Thursday", "09:15", (52, 168, 83)),
              ("Northwind HR", "Your leave request was approved", "08:03", (171, 71, 188)),
              ("Ana Sousa", "Photos from the offsite", "Yesterday", (234, 67, 53)),
              ("Build bot", "Nightly build #4471 passed", "Yesterday", (96, 125, 139)),
              ("Marek Novak", "Lunch next week?", "Mon", (251, 140, 0)),
              ("Lena Ostrova", "Draft: trail guide chapter 3", "Mon", (0, 137, 123)),
              ("Travel desk", "Itinerary: LYS - CPH, 11 Dec", "Sun", (121, 85, 72)),
              ("Jonas Keller", "Notes from the planning call", "Sat", (63, 81, 181)))
    snippets = _sentence_lines(len(people), 4421)
    for i, (who, subject, when, colour) in enumerate(people):
        y0 = 124 + 74 * i
        if i == 0:
            _rect(img, 213, y0, 597, y0 + 73, (232, 240, 254))
        cv2.circle(img, (246, y0 + 36), 18, colour, -1, cv2.LINE_AA)
        initials = "".join(part[0] for part in who.split()[:2])
        _put(img, initials, 233, y0 + 42, 0.48, (255, 255, 255), 1, _BOLD)
        unread = i in (0, 2, 3, 6)
        _put(img, who, 276, y0 + 22, 0.5, (32, 33, 36), 1, _BOLD if unread else _FONT)
        _put(img, when, 520, y0 + 22, 0.42, (95, 99, 104))
        _put(img, subject[:40], 276, y0 + 44, 0.45, (32, 33, 36))
        _put(img, snippets[i][:46], 276, y0 + 64, 0.4, (120, 124, 130))
        if unread:
            cv2.circle(img, (584, y0 + 40), 4, (26, 115, 232), -1, cv2.LINE_AA)
        cv2.line(img, (213, y0 + 73), (597, y0 + 73), (232, 234, 237), 1)
    cv2.line(img, (212, 79), (212, H), (218, 220, 224), 1)
    cv2.line(img, (598, 79), (598, H), (218, 220, 224), 1)

    _put(img, "Q4 budget review - revised figures", 630, 128, 0.78, (32, 33, 36), 1, _BOLD)
    _rounded(img, 630, 144, 712, 168, 6, (206, 234, 214))
    _put(img, "Finance", 642, 162, 0.45, (24, 94, 48))
    cv2.circle(img, (652, 214), 20, (66, 133, 244), -1, cv2.LINE_AA)
    _put(img, "PR", 638, 221, 0.5, (255, 255, 255), 1, _BOLD)
    _put(img, "Priya Raman <priya.raman@northwind.example>", 684, 208, 0.5, (32, 33, 36))
    _put(img, "to me, Marek", 684, 230, 0.44, (110, 114, 120))
    _put(img, "Tue 3 Dec, 10:42", 1130, 208, 0.44, (110, 114, 120))
    y = _paragraph(img, _MAIL, 684, 284, 560, 0.5, (32, 33, 36), 27)
    _rounded(img, 684, y + 10, 960, y + 64, 8, (241, 243, 244))
    _rect(img, 696, y + 20, 726, y + 54, (30, 142, 62))
    _put(img, "X", 703, y + 44, 0.55, (255, 255, 255), 1, _BOLD)
    _put(img, "budget_q4_rev2.xlsx", 738, y + 34, 0.48, (32, 33, 36))
    _put(img, "84 KB", 738, y + 54, 0.4, (110, 114, 120))
    for i, label in enumerate(("Reply", "Forward")):
        x0 = 684 + 128 * i
        cv2.rectangle(img, (x0, y + 96), (x0 + 112, y + 132), (218, 220, 224), 1)
        _put(img, label, x0 + 26, y + 120, 0.5, (60, 64, 67))
    return img


def _screenshot_map() -> Image8:
    W, H = 591, 1279
    rng = np.random.default_rng(5190733)
    img = np.full((H, W, 3), (238, 234, 226), np.uint8)
    for gx in range(-1, 9):
        for gy in range(-1, 17):
            x0 = gx * 78 + int(rng.integers(-6, 7))
            y0 = gy * 84 + int(rng.integers(-6, 7))
            _rect(img, x0 + 9, y0 + 9, x0 + 70, y0 + 76, (229, 226, 219))
    for poly in (((40, 300), (210, 268), (260, 420), (90, 470)),
                 ((380, 620), (560, 600), (590, 760), (410, 790)),
                 ((120, 980), (300, 1000), (260, 1120), (60, 1090))):
        cv2.fillPoly(img, [np.asarray(poly, np.int32)], (196, 226, 178), cv2.LINE_AA)
    river = np.asarray(((-20, 520), (130, 560), (260, 660), (330, 820), (470, 900), (620, 930)),
                       np.int32)
    cv2.polylines(img, [river], False, (164, 205, 238), 44, cv2.LINE_AA)
    cv2.ellipse(img, (470, 300), (90, 60), 17, 0, 360, (164, 205, 238), -1, cv2.LINE_AA)
    for k in range(-2, 10):
        cv2.line(img, (k * 78, 0), (k * 78 + 60, H), (255, 255, 255), 9, cv2.LINE_AA)
    for k in range(0, 17):
        cv2.line(img, (0, k * 84), (W, k * 84 - 25), (255, 255, 255), 9, cv2.LINE_AA)
    major = np.asarray(((0, 720), (200, 690), (330, 560), (591, 470)), np.int32)
    cv2.polylines(img, [major], False, (229, 186, 100), 21, cv2.LINE_AA)
    cv2.polylines(img, [major], False, (254, 214, 126), 15, cv2.LINE_AA)
    route = np.asarray(((300, 1060), (296, 940), (230, 850), (225, 700), (330, 562), (400, 420)),
                       np.int32)
    cv2.polylines(img, [route], False, (255, 255, 255), 15, cv2.LINE_AA)
    cv2.polylines(img, [route], False, (66, 133, 244), 10, cv2.LINE_AA)
    for text, x, y in (("Riverside Rd", 60, 703), ("Mill Lane", 350, 512), ("Oak St", 30, 640),
                       ("Vrata Park", 95, 380), ("Upper Lake", 420, 305), ("Station Sq", 400, 700)):
        _put(img, text, x, y, 0.45, (90, 90, 90))
    for x, y in ((400, 420), (150, 800), (500, 690)):
        cv2.circle(img, (x, y - 26), 16, (219, 68, 55), -1, cv2.LINE_AA)
        cv2.fillPoly(img, [np.asarray(((x - 12, y - 18), (x + 12, y - 18), (x, y)), np.int32)],
                     (219, 68, 55), cv2.LINE_AA)
        cv2.circle(img, (x, y - 26), 6, (255, 255, 255), -1, cv2.LINE_AA)
    _blend_rect(img, 278, 1038, 322, 1082, (66, 133, 244), 0.25)
    cv2.circle(img, (300, 1060), 11, (255, 255, 255), -1, cv2.LINE_AA)
    cv2.circle(img, (300, 1060), 8, (66, 133, 244), -1, cv2.LINE_AA)

    _blend_rect(img, 0, 0, W, 44, (255, 255, 255), 0.7)
    _put(img, "14:07", 28, 31, 0.62, (20, 20, 20), 1, _BOLD)
    for i in range(4):
        _rect(img, 488 + 7 * i, 28 - 4 * i, 492 + 7 * i, 32, (20, 20, 20))
    cv2.rectangle(img, (526, 16), (558, 32), (20, 20, 20), 1)
    _rect(img, 528, 18, 550, 30, (20, 20, 20))
    _rounded(img, 20, 63, 573, 127, 32, (200, 200, 200))
    _rounded(img, 18, 60, 571, 124, 32, (255, 255, 255))
    _put(img, "Search here", 64, 100, 0.62, (110, 114, 120))
    cv2.circle(img, (530, 92), 15, (66, 133, 244), 2, cv2.LINE_AA)
    x = 18
    for chip in ("Restaurants", "Petrol", "Groceries", "Coffee"):
        tw = cv2.getTextSize(chip, _FONT, 0.5, 1)[0][0]
        _rounded(img, x, 140, x + tw + 30, 180, 20, (255, 255, 255))
        _put(img, chip, x + 15, 166, 0.5, (60, 64, 67))
        x += tw + 42

    _rounded(img, 0, 905, W, H + 40, 28, (255, 255, 255))
    _rounded(img, 268, 918, 323, 924, 3, (218, 220, 224))
    _put(img, "Vrata Valley Trailhead", 28, 975, 0.85, (32, 33, 36), 1, _BOLD)
    _put(img, "4.6  *****  (1,203)  -  Parking", 28, 1010, 0.52, (95, 99, 104))
    _put(img, "23 min drive  -  Open 24 hours", 28, 1040, 0.52, (24, 128, 56))
    _rounded(img, 28, 1062, 198, 1110, 24, (26, 115, 232))
    _put(img, "Directions", 56, 1094, 0.56, (255, 255, 255), 1, _BOLD)
    for i, label in enumerate(("Start", "Save", "Share")):
        x0 = 212 + 118 * i
        _rounded(img, x0, 1062, x0 + 106, 1110, 24, (218, 220, 224))
        _rounded(img, x0 + 2, 1064, x0 + 104, 1108, 22, (255, 255, 255))
        _put(img, label, x0 + 28, 1094, 0.54, (26, 115, 232))
    for i in range(4):
        x0 = 28 + 138 * i
        shade = (90 + 25 * i, 130 + 12 * i, 96 + 9 * i)
        _rounded(img, x0, 1132, x0 + 126, 1232, 10, shade)
        cv2.fillPoly(img, [np.asarray(((x0 + 10, 1222), (x0 + 60, 1160), (x0 + 116, 1222)),
                                      np.int32)], (60 + 10 * i, 84, 70), cv2.LINE_AA)
    _rounded(img, 226, 1260, 365, 1266, 3, (32, 33, 36))
    return img


# --------------------------------------------------------------------------- graphics

_PALETTE: tuple[Colour, ...] = ((31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40),
                                (148, 103, 189), (140, 86, 75))


def _graphic_charts() -> Image8:
    W, H = 1093, 687
    img = np.full((H, W, 3), 255, np.uint8)
    _put(img, "Energy mix by region, 2019-2026", 38, 54, 0.95, (33, 37, 41), 2, _BOLD)
    _put(img, "Share of generation (%), northern grid operators", 40, 84, 0.52, (108, 117, 125))
    centre, radius = (262, 368), 178
    values = (31.7, 24.2, 18.9, 14.6, 10.6)
    names = ("Hydro", "Wind", "Solar", "Gas", "Other")
    start = -90.0
    for i, v in enumerate(values):
        end = start + 360.0 * v / sum(values)
        cv2.ellipse(img, centre, (radius, radius), 0, start, end, _PALETTE[i], -1, cv2.LINE_AA)
        start = end
    start = -90.0
    for v in values:
        a = math.radians(start)
        cv2.line(img, centre, (int(centre[0] + radius * math.cos(a)),
                               int(centre[1] + radius * math.sin(a))), (255, 255, 255), 3,
                 cv2.LINE_AA)
        mid = math.radians(start + 180.0 * v / sum(values))
        _put(img, f"{v:.1f}%", centre[0] + 0.64 * radius * math.cos(mid) - 26,
             centre[1] + 0.64 * radius * math.sin(mid) + 7, 0.55, (255, 255, 255), 1, _BOLD)
        start += 360.0 * v / sum(values)
    for i, n in enumerate(names):
        x0 = 52 + 92 * i
        _rect(img, x0, 588, x0 + 16, 604, _PALETTE[i])
        _put(img, n, x0 + 22, 602, 0.48, (52, 58, 64))

    x0, y0, x1, y1 = 560, 130, 1050, 560
    for k in range(5):
        y = y1 - (y1 - y0) * k // 4
        cv2.line(img, (x0, y), (x1, y), (233, 236, 239), 1)
        _put(img, str(25 * k), x0 - 38, y + 5, 0.42, (108, 117, 125))
    years = list(range(2019, 2027))
    series = np.asarray(((38, 36, 35, 33, 33, 32, 31, 30),
                         (14, 16, 18, 20, 22, 23, 24, 25),
                         (4, 6, 8, 11, 13, 15, 17, 19)), np.float64)
    xs = [x0 + (x1 - x0) * i / (len(years) - 1) for i in range(len(years))]
    base = np.zeros(len(years))
    overlay = img.copy()
    for s, row in enumerate(series):
        top = base + row
        pts = [(xs[i], y1 - (y1 - y0) * top[i] / 100) for i in range(len(years))]
        pts += [(xs[i], y1 - (y1 - y0) * base[i] / 100) for i in reversed(range(len(years)))]
        cv2.fillPoly(overlay, [np.asarray(pts, np.int32)], _PALETTE[s], cv2.LINE_AA)
        base = top
    img[:] = cv2.addWeighted(overlay, 0.72, img, 0.28, 0)
    base = np.zeros(len(years))
    for s, row in enumerate(series):
        base = base + row
        line = [(xs[i], y1 - (y1 - y0) * base[i] / 100) for i in range(len(years))]
        cv2.polylines(img, [np.asarray(line, np.int32)], False, _PALETTE[s], 2, cv2.LINE_AA)
    cv2.line(img, (x0, y1), (x1, y1), (73, 80, 87), 1)
    cv2.line(img, (x0, y0), (x0, y1), (73, 80, 87), 1)
    for i, yr in enumerate(years):
        _put(img, str(yr), xs[i] - 20, y1 + 24, 0.42, (108, 117, 125))
    for i, n in enumerate(names[:3]):
        _rect(img, x0 + 130 * i, 596, x0 + 130 * i + 16, 612, _PALETTE[i])
        _put(img, n, x0 + 130 * i + 22, 610, 0.48, (52, 58, 64))
    _put(img, "Source: operator reports; 2026 provisional.", 38, 662, 0.42, (134, 142, 150),
         1, _ITALIC)
    return img


def _graphic_slide() -> Image8:
    W, H = 1366, 768
    img = np.full((H, W, 3), (128, 197, 210), np.uint8)
    cv2.circle(img, (1032, 188), 86, (255, 204, 92), -1, cv2.LINE_AA)
    for cx, cy, rx in ((760, 140, 70), (820, 128, 54), (1200, 300, 80), (1250, 290, 60)):
        cv2.ellipse(img, (cx, cy), (rx, rx // 2), 0, 0, 360, (245, 249, 250), -1, cv2.LINE_AA)
    back = ((560, 520), (720, 250), (860, 400), (990, 230), (1180, 430), (1366, 300), (1366, 520))
    cv2.fillPoly(img, [np.asarray(back, np.int32)], (95, 140, 160), cv2.LINE_AA)
    cv2.fillPoly(img, [np.asarray(((990, 230), (1030, 300), (960, 280)), np.int32)],
                 (236, 242, 244), cv2.LINE_AA)
    mid = ((500, 560), (650, 380), (800, 470), (960, 350), (1130, 500), (1366, 420), (1366, 580))
    cv2.fillPoly(img, [np.asarray(mid, np.int32)], (63, 104, 122), cv2.LINE_AA)
    _rect(img, 0, 540, W, H, (74, 150, 104))
    cv2.ellipse(img, (980, 660), (330, 70), 0, 0, 360, (92, 170, 196), -1, cv2.LINE_AA)
    for i in range(5):
        cv2.line(img, (860 + 40 * i, 640 + 9 * i), (960 + 40 * i, 640 + 9 * i), (220, 238, 244),
                 2, cv2.LINE_AA)
    for i, tx in enumerate(range(620, 1366, 58)):
        ty = 560 + (i % 3) * 14
        cv2.fillPoly(img, [np.asarray(((tx, ty - 90), (tx - 26, ty), (tx + 26, ty)), np.int32)],
                     (38, 98, 70), cv2.LINE_AA)
        _rect(img, tx - 4, ty, tx + 4, ty + 14, (101, 67, 33))
    _blend_rect(img, 0, 0, 560, H, (27, 38, 59), 0.86)
    _put(img, "Quarterly Review", 56, 150, 1.6, (255, 255, 255), 2, _BOLD)
    _put(img, "Parks & Trails Programme - Q3 2026", 58, 196, 0.75, (190, 205, 222))
    cv2.line(img, (58, 226), (300, 226), (255, 204, 92), 3, cv2.LINE_AA)
    bullets = ("Visitors up 14% on last year", "Two new shelters on the north loop",
               "Erosion repairs finished early", "Volunteer hours: 3,812",
               "Budget on track (97% spent)")
    for i, b in enumerate(bullets):
        y = 300 + 62 * i
        cv2.circle(img, (68, y - 8), 6, (255, 204, 92), -1, cv2.LINE_AA)
        _put(img, b, 90, y, 0.72, (236, 240, 245))
    _put(img, "northwind parks  |  internal", 58, 730, 0.45, (150, 163, 180))
    _put(img, "4", 520, 730, 0.55, (150, 163, 180))
    return img


# --------------------------------------------------------------------------- images()


def images() -> list[tuple[str, str, Image8]]:
    """The held-out images: (name, image_class, rgb)."""
    out: list[tuple[str, str, Image8]] = [(p.name, "photo", _make_photo(p)) for p in _PHOTOS]
    _ensure_generated()
    out += [(name, "generated", _load_generated(name, seed)) for name, _, seed in _GENERATED]
    out += [("screenshot_mail_client", "screenshot", _screenshot_mail()),
            ("screenshot_map_app", "screenshot", _screenshot_map()),
            ("graphic_pie_area_chart", "graphic", _graphic_charts()),
            ("graphic_flat_slide", "graphic", _graphic_slide())]
    return [(n, c, np.ascontiguousarray(a, dtype=np.uint8)) for n, c, a in out]


# --------------------------------------------------------------------------- screen captures


def _screen_browser(a: Image8, box_frac: float, cap: float, quality: int | None) -> Image8:
    W, H = 1397, 851
    page = np.full((H, W, 3), 255, np.uint8)
    _rect(page, 0, 0, W, 38, (222, 225, 230))
    for i, c in enumerate(((237, 106, 94), (245, 191, 79), (98, 197, 84))):
        cv2.circle(page, (22 + 20 * i, 19), 6, c, -1, cv2.LINE_AA)
    _rounded(page, 88, 6, 372, 46, 9, (255, 255, 255))
    _put(page, "Ridge walk in late autumn - Trail", 104, 28, 0.43, (60, 64, 67))
    _put(page, "x", 350, 28, 0.45, (95, 99, 104))
    _put(page, "+", 388, 29, 0.6, (95, 99, 104))
    _rect(page, 0, 38, W, 84, (255, 255, 255))
    cv2.line(page, (0, 84), (W, 84), (218, 220, 224), 1)
    _put(page, "<   >   C", 18, 67, 0.55, (95, 99, 104))
    _rounded(page, 118, 46, W - 150, 76, 15, (241, 243, 244))
    _put(page, "trailnotes.example.org/2026/11/ridge-walk-late-autumn", 146, 67, 0.5,
         (32, 33, 36))
    _rect(page, 0, 85, W - 15, 147, (34, 87, 66))
    _put(page, "TRAIL NOTES", 219, 127, 0.95, (255, 255, 255), 2, _BOLD)
    for i, s in enumerate(("Routes", "Gear", "Journal", "Maps", "About")):
        _put(page, s, 760 + 98 * i, 124, 0.52, (214, 234, 222))
    _put(page, "Ridge walk in late autumn", 219, 196, 1.05, (28, 28, 28), 2, _BOLD)
    _put(page, "By Ines Barrow  |  14 November 2026  |  6 min read", 221, 226, 0.45,
         (110, 110, 110))
    shown = _fit(a, int(800 * box_frac), int(520 * box_frac), cap)
    nh, nw = shown.shape[:2]
    x0, y0 = 219 + (800 - nw) // 2, 246
    _paste(page, shown, x0, y0)
    y = y0 + nh + 24
    _put(page, "Looking back along the ridge from the saddle. Photo: the author.", 219, y, 0.45,
         (100, 100, 100), 1, _ITALIC)
    _paragraph(page, _PROSE, 219, y + 38, 800, 0.56, (40, 40, 40), 28, H - 8)
    _put(page, "Popular this week", 1061, 196, 0.62, (28, 28, 28), 1, _BOLD)
    for i, line in enumerate(_sentence_lines(5, 77031)):
        yy = 226 + 70 * i
        _rect(page, 1061, yy, 1117, yy + 52, (200 - 9 * i, 214 - 5 * i, 205))
        _paragraph(page, line, 1129, yy + 16, 200, 0.42, (50, 50, 50), 18, yy + 40)
    _rect(page, 1061, 600, 1339, 780, (241, 241, 241))
    _put(page, "Advertisement", 1150, 694, 0.45, (150, 150, 150))
    _rect(page, W - 14, 85, W, H, (241, 241, 241))
    _rounded(page, W - 12, 160, W - 3, 380, 4, (193, 193, 193))
    return _jpeg(page, quality) if quality else page


def _screen_phone(a: Image8) -> Image8:
    W, H = 828, 1792
    page = np.full((H, W, 3), 255, np.uint8)
    _put(page, "14:07", 52, 62, 1.05, (0, 0, 0), 2, _BOLD)
    for i in range(4):
        _rect(page, 640 + 12 * i, 58 - 7 * i, 648 + 12 * i, 64, (0, 0, 0))
    cv2.rectangle(page, (712, 40), (770, 66), (0, 0, 0), 2)
    _rect(page, 716, 44, 756, 62, (0, 0, 0))
    _put(page, "Moments", 40, 165, 1.3, (0, 0, 0), 2, _BOLD)
    cv2.circle(page, (700, 150), 20, (0, 0, 0), 3, cv2.LINE_AA)
    cv2.polylines(page, [np.asarray(((756, 132), (792, 150), (756, 168)), np.int32)], True,
                  (0, 0, 0), 3, cv2.LINE_AA)
    cv2.line(page, (0, 200), (W, 200), (219, 219, 219), 1)
    cv2.circle(page, (76, 256), 36, (225, 48, 108), 4, cv2.LINE_AA)
    cv2.circle(page, (76, 256), 30, (173, 140, 110), -1, cv2.LINE_AA)
    _put(page, "lena.ostrova", 126, 248, 0.85, (0, 0, 0), 1, _BOLD)
    _put(page, "Lake Bohinj, Slovenia", 126, 284, 0.62, (60, 60, 60))
    _put(page, "...", 760, 258, 0.9, (0, 0, 0), 2)
    shown = _fit(a, W, 1035)
    nh, nw = shown.shape[:2]
    _rect(page, 0, 312, W, 312 + nh, (239, 239, 239))
    _paste(page, shown, (W - nw) // 2, 312)
    y = 312 + nh + 24
    cv2.circle(page, (52, y + 26), 20, (0, 0, 0), 3, cv2.LINE_AA)
    cv2.circle(page, (124, y + 26), 20, (0, 0, 0), 3, cv2.LINE_AA)
    cv2.polylines(page, [np.asarray(((176, y + 8), (216, y + 26), (176, y + 44)), np.int32)],
                  True, (0, 0, 0), 3, cv2.LINE_AA)
    cv2.rectangle(page, (760, y + 6), (788, y + 46), (0, 0, 0), 3)
    _put(page, "2,481 likes", 30, y + 96, 0.78, (0, 0, 0), 1, _BOLD)
    caption = ("lena.ostrova First light over the water before anyone else was up. "
               "Worth the 5 a.m. alarm, every time.")
    y = _paragraph(page, caption, 30, y + 140, 760, 0.72, (0, 0, 0), 38)
    _put(page, "View all 64 comments", 30, y + 6, 0.7, (142, 142, 142))
    _put(page, "3 hours ago", 30, y + 48, 0.56, (142, 142, 142))
    cv2.circle(page, (76, y + 130), 30, (120, 160, 190), -1, cv2.LINE_AA)
    _put(page, "marek.trails", 126, y + 138, 0.85, (0, 0, 0), 1, _BOLD)
    _rect(page, 0, H - 150, W, H, (255, 255, 255))
    cv2.line(page, (0, H - 150), (W, H - 150), (219, 219, 219), 1)
    for i in range(5):
        cx = 83 + 165 * i
        cv2.circle(page, (cx, H - 100), 22, (0, 0, 0), 3, cv2.LINE_AA)
    _rounded(page, 276, H - 26, 552, H - 16, 5, (0, 0, 0))
    return page


def _screen_document(a: Image8, quality: int) -> Image8:
    W, H = 1523, 913
    view = np.full((H, W, 3), (82, 86, 90), np.uint8)
    _rect(view, 0, 0, W, 52, (50, 54, 58))
    _put(view, "report_site_survey_v3.pdf", 20, 33, 0.58, (235, 235, 235))
    _put(view, "2 / 7", 700, 33, 0.55, (235, 235, 235))
    _put(view, "-   87%   +", 820, 33, 0.55, (235, 235, 235))
    _rect(view, 0, 52, 176, H, (60, 64, 68))
    for i in range(4):
        y = 72 + 175 * i
        if i == 1:
            _rect(view, 32, y - 5, 145, y + 152, (138, 180, 248))
        _rect(view, 36, y, 141, y + 147, (250, 250, 250))
        _put(view, str(i + 1), 84, y + 166, 0.45, (200, 200, 200))
    ph = H - 52 - 36
    pw = round(ph / 1.4142)
    px, py = 176 + (W - 176 - pw) // 2, 52 + 18
    _rect(view, px + 3, py + 3, px + pw + 3, py + ph + 3, (60, 62, 66))
    _rect(view, px, py, px + pw, py + ph, (255, 255, 255))
    m = 52
    _put(view, "Site survey - field report", px + m, py + 62, 0.62, (20, 20, 20), 1, _BOLD)
    _put(view, "2. Observations", px + m, py + 96, 0.5, (20, 20, 20), 1, _BOLD)
    y = _paragraph(view, _PROSE[:330], px + m, py + 122, pw - 2 * m, 0.36, (40, 40, 40), 15)
    shown = _fit(a, round((pw - 2 * m) * 0.83), round(ph * 0.46))
    nh, nw = shown.shape[:2]
    _paste(view, shown, px + (pw - nw) // 2, y + 4)
    y += nh + 24
    _put(view, "Figure 3. View from the north-east corner of the site.", px + m, y, 0.36,
         (90, 90, 90), 1, _ITALIC)
    _paragraph(view, _PROSE[330:] + " " + _PROSE[:200], px + m, y + 26, pw - 2 * m, 0.36,
               (40, 40, 40), 15, py + ph - 60)
    _put(view, "2", px + pw // 2 - 4, py + ph - 24, 0.4, (90, 90, 90))
    _rect(view, W - 12, 52, W, H, (70, 74, 78))
    _rounded(view, W - 10, 120, W - 3, 260, 3, (140, 144, 148))
    return _jpeg(view, quality)


def _screen_slide(a: Image8) -> Image8:
    W, H = 1280, 720
    slide = np.full((H, W, 3), (248, 246, 241), np.uint8)
    _rect(slide, 0, 0, 18, H, (214, 92, 56))
    _put(slide, "Site survey: what we found", 64, 98, 1.25, (33, 37, 41), 2, _BOLD)
    cv2.line(slide, (64, 122), (560, 122), (214, 92, 56), 2, cv2.LINE_AA)
    for i, b in enumerate(("Three access paths, one flooded", "North slope stable since 2023",
                           "Vegetation recovering well", "Next visit: early spring")):
        y = 200 + 66 * i
        cv2.circle(slide, (74, y - 8), 6, (214, 92, 56), -1, cv2.LINE_AA)
        _put(slide, b, 96, y, 0.72, (52, 58, 64))
    shown = _fit(a, 620, 532)
    nh, nw = shown.shape[:2]
    x0, y0 = 611 + (620 - nw) // 2, 128 + (532 - nh) // 2
    cv2.rectangle(slide, (x0 - 2, y0 - 2), (x0 + nw + 1, y0 + nh + 1), (206, 212, 218), 1)
    _paste(slide, shown, x0, y0)
    _put(slide, "Trail Notes  |  field review", 64, 690, 0.45, (134, 142, 150))
    _put(slide, "7", 1228, 690, 0.5, (134, 142, 150))
    return slide


# --------------------------------------------------------------------------- overlays and chains


def _caption_band(a: Image8) -> Image8:
    h, w = a.shape[:2]
    band = max(12, round(h * 0.14))
    out = np.ascontiguousarray(
        cv2.copyMakeBorder(a, 0, band, 0, 0, cv2.BORDER_CONSTANT, value=(255, 255, 255)),
        dtype=np.uint8,
    )
    scale = max(0.3, w / 1150)
    _put(out, "Evening light over the hills - shared by @marta.k", w * 0.04,
         h + band * 0.62, scale, (30, 30, 30), max(1, round(scale * 1.4)))
    return np.ascontiguousarray(out)


def _caption_overlay(a: Image8) -> Image8:
    out = a.copy()
    h, w = out.shape[:2]
    band = max(10, round(h * 0.12))
    _blend_rect(out, 0, 0, w, band, (0, 0, 0), 0.55)
    scale = max(0.3, w / 980)
    _put(out, "WHEN THE WEEKEND FINALLY ARRIVES", w * 0.05, band * 0.7, scale, (255, 255, 255),
         max(1, round(scale * 2)), _BOLD)
    return out


def _frame_overlay(a: Image8) -> Image8:
    out = a.copy()
    h, w = out.shape[:2]
    t = max(3, round(min(h, w) * 0.047))
    cv2.rectangle(out, (0, 0), (w - 1, h - 1), (92, 61, 38), 2 * t)
    inset = t + max(1, t // 3)
    cv2.rectangle(out, (inset, inset), (w - 1 - inset, h - 1 - inset), (201, 164, 83),
                  max(1, t // 4), cv2.LINE_AA)
    for cx, cy in ((t, t), (w - 1 - t, t), (t, h - 1 - t), (w - 1 - t, h - 1 - t)):
        cv2.circle(out, (cx, cy), max(2, t // 2), (201, 164, 83), -1, cv2.LINE_AA)
    return out


def _social(a: Image8, kw: float, kh: float, fx: float, fy: float, q: int,
            reupload_q: int | None = None) -> Image8:
    cropped = _crop_frac(a, kw, kh, fx, fy)
    h, w = cropped.shape[:2]
    s = 1080 / max(h, w)
    out = _jpeg(_resize(cropped, w * s, h * s), q)
    return _jpeg(out, reupload_q) if reupload_q else out


def _messenger(a: Image8, s: float, q: int, forward_scale: float, forward_q: int) -> Image8:
    out = _jpeg(_scale(a, s), q)
    for _ in range(2):  # forwarded twice
        if forward_scale != 1.0:
            out = _scale(out, forward_scale)
        out = _jpeg(out, forward_q)
    return out


# --------------------------------------------------------------------------- attacks()


def _finalised(fn: Attack) -> Attack:
    def run(rgb: Image8) -> Image8:
        view = rgb.view()
        view.flags.writeable = False
        out = fn(view)
        if np.may_share_memory(out, rgb):
            out = out.copy()
        return np.ascontiguousarray(out, dtype=np.uint8)

    return run


def attacks() -> list[tuple[str, Attack]]:
    """The held-out attacks, "none" first: (name, fn)."""
    table: list[tuple[str, Attack]] = [
        ("none", lambda a: a.copy()),
        # flips
        ("flip_h", lambda a: a[:, ::-1]),
        ("flip_v", lambda a: a[::-1, :]),
        # stretches and squashes
        ("stretch_x_107", lambda a: _resize(a, a.shape[1] * 1.07, a.shape[0])),
        ("stretch_y_093", lambda a: _resize(a, a.shape[1], a.shape[0] * 0.93)),
        ("stretch_x_114", lambda a: _resize(a, a.shape[1] * 1.14, a.shape[0])),
        ("stretch_xy_109_096", lambda a: _resize(a, a.shape[1] * 1.09, a.shape[0] * 0.96)),
        ("squash_x_087", lambda a: _resize(a, a.shape[1] * 0.87, a.shape[0])),
        ("squash_to_square", lambda a: _reshape_area(a, 1.0)),
        ("squash_to_4x5", lambda a: _reshape_area(a, 4 / 5)),
        ("squash_to_21x9", lambda a: _reshape_area(a, 21 / 9)),
        # crops
        ("crop_center_91", lambda a: _crop_frac(a, 0.91, 0.91)),
        ("crop_center_63", lambda a: _crop_frac(a, 0.63, 0.63)),
        ("crop_center_52", lambda a: _crop_frac(a, 0.52, 0.52)),
        ("crop_offcentre_77", lambda a: _crop_frac(a, 0.77, 0.77, 0.83, 0.29)),
        ("crop_corner_tl_71", lambda a: _crop_frac(a, 0.71, 0.71, 0.0, 0.0)),
        ("crop_corner_br_83", lambda a: _crop_frac(a, 0.83, 0.83, 1.0, 1.0)),
        ("crop_x_only_69", lambda a: _crop_frac(a, 0.69, 1.0, 0.37, 0.5)),
        ("crop_y_only_57", lambda a: _crop_frac(a, 1.0, 0.57, 0.5, 0.61)),
        ("crop_xy_87_61", lambda a: _crop_frac(a, 0.87, 0.61, 0.22, 0.48)),
        ("crop_center_73_resized", lambda a: _resize(_crop_frac(a, 0.73, 0.73),
                                                     a.shape[1], a.shape[0])),
        ("crop_offcentre_59_resized", lambda a: _resize(_crop_frac(a, 0.59, 0.59, 0.18, 0.74),
                                                        a.shape[1], a.shape[0])),
        ("crop_corner_br_62_resized", lambda a: _resize(_crop_frac(a, 0.62, 0.62, 1.0, 1.0),
                                                        a.shape[1], a.shape[0])),
        # rotations
        ("rotate_p3_black", lambda a: _rotate(a, 3.1, "black")),
        ("rotate_m1_black", lambda a: _rotate(a, -1.3, "black")),
        ("rotate_m7_white", lambda a: _rotate(a, -7.3, "white")),
        ("rotate_p9_reflect", lambda a: _rotate(a, 9.4, "reflect")),
        ("rotate_p6_expand", lambda a: _rotate(a, 5.6, "black", expand=True)),
        ("rotate_p4_expand_resized", lambda a: _resize(_rotate(a, 4.3, "black", expand=True),
                                                       a.shape[1], a.shape[0])),
        ("rotate_p2_straighten", lambda a: _straighten(a, 2.4)),
        ("rotate_m6_straighten", lambda a: _straighten(a, -6.2)),
        ("rotate_p8_inner_rect", lambda a: _inner_rect(a, 7.9)),
        ("rotate_m4_inner_rect_resized", lambda a: _inner_rect(a, -3.8, resize_back=True)),
        ("rotate_m3_crop_74", lambda a: _crop_frac(_rotate(a, -2.7, "black"), 0.74, 0.74)),
        ("rotate_p4_crop_corner_81", lambda a: _crop_frac(_rotate(a, 4.1, "white"), 0.81, 0.81,
                                                          0.9, 0.1)),
        # padding, borders, captions, frames, letterbox
        ("pad_black_07", lambda a: _pad(a, 0.07, 0.07, 0.07, 0.07, (0, 0, 0))),
        ("pad_white_17", lambda a: _pad(a, 0.17, 0.17, 0.17, 0.17, (255, 255, 255))),
        ("pad_uneven_colour", lambda a: _pad(a, 0.13, 0.06, 0.03, 0.19, (31, 97, 163))),
        ("pad_grey_13_resized", lambda a: _pad(a, 0.13, 0.13, 0.13, 0.13, (128, 128, 128),
                                               resize_back=True)),
        ("pad_uneven_reflect_resized", lambda a: _pad(a, 0.04, 0.16, 0.11, 0.02, None,
                                                      resize_back=True)),
        ("frame_overlay_wood", _frame_overlay),
        ("caption_band_bottom", _caption_band),
        ("caption_overlay_top", _caption_overlay),
        ("letterbox_16x9", lambda a: _canvas_fit(a, 1280, 720, (0, 0, 0))),
        ("pillarbox_9x16", lambda a: _canvas_fit(a, 607, 1080, (17, 17, 17))),
        # compression
        ("jpeg_q31_420", lambda a: _jpeg(a, 31, 2)),
        ("jpeg_q63_444", lambda a: _jpeg(a, 63, 0)),
        ("jpeg_q76_420", lambda a: _jpeg(a, 76, 2)),
        ("jpeg_q88_444", lambda a: _jpeg(a, 88, 0)),
        ("webp_q53", lambda a: _webp(a, 53)),
        ("webp_q71", lambda a: _webp(a, 71)),
        # scaling
        ("downscale_041", lambda a: _scale(a, 0.41)),
        ("downscale_067", lambda a: _scale(a, 0.67)),
        ("down_up_047", lambda a: _resize(_scale(a, 0.47), a.shape[1], a.shape[0])),
        ("upscale_137", lambda a: _scale(a, 1.37)),
        # platform chains
        ("social_chain_a", lambda a: _social(a, 0.9, 0.9, 0.41, 0.63, 75)),
        ("social_chain_b", lambda a: _social(a, 0.93, 0.86, 0.55, 0.35, 78, 71)),
        ("messenger_chain_a", lambda a: _messenger(a, 0.6, 60, 1.0, 60)),
        ("messenger_chain_b", lambda a: _messenger(a, 0.57, 62, 0.94, 58)),
        # screen captures
        ("screen_browser_png", lambda a: _screen_browser(a, 1.0, 1.0, None)),
        ("screen_browser_jpeg", lambda a: _screen_browser(a, 0.71, 1.3, 84)),
        ("screen_phone_app_png", _screen_phone),
        ("screen_document_viewer_jpeg", lambda a: _screen_document(a, 79)),
        ("screen_slide_png", _screen_slide),
        # filters
        ("blur_gauss_13", lambda a: _blur(a, 1.3)),
        ("blur_gauss_27", lambda a: _blur(a, 2.7)),
        ("sharpen_unsharp", lambda a: _sharpen(a, 1.7, 0.63)),
        ("median_3", lambda a: np.ascontiguousarray(cv2.medianBlur(a, 3))),
        ("noise_gauss_6", lambda a: _noise(a, 6.3, "noise_gauss_6")),
        # tone and colour
        ("brightness_p23", lambda a: _brightness(a, 23)),
        ("brightness_m31", lambda a: _brightness(a, -31)),
        ("contrast_131", lambda a: _contrast(a, 1.31)),
        ("gamma_067", lambda a: _gamma(a, 0.67)),
        ("saturation_161", lambda a: _saturation(a, 1.61)),
        ("saturation_039", lambda a: _saturation(a, 0.39)),
        ("greyscale", _greyscale),
        # combinations
        ("combo_crop_center_81_jpeg_57", lambda a: _jpeg(_crop_frac(a, 0.81, 0.81), 57)),
        ("combo_rotate_m2_jpeg_68", lambda a: _jpeg(_rotate(a, -2.2, "black"), 68)),
        ("combo_flip_h_crop_corner_tl_88", lambda a: _crop_frac(a[:, ::-1], 0.88, 0.88, 0, 0)),
        ("combo_stretch_x_106_webp_64",
         lambda a: _webp(_resize(a, a.shape[1] * 1.06, a.shape[0]), 64)),
        ("combo_downscale_061_sharpen", lambda a: _sharpen(_scale(a, 0.61), 1.1, 0.48)),
        ("combo_brightness_p14_contrast_118_jpeg_72",
         lambda a: _jpeg(_contrast(_brightness(a, 14), 1.18), 72)),
        ("combo_pad_white_09_rotate_p1",
         lambda a: _rotate(_pad(a, 0.09, 0.09, 0.09, 0.09, (255, 255, 255)), 1.4, "white")),
        ("combo_blur_09_noise_4_jpeg_81",
         lambda a: _jpeg(_noise(_blur(a, 0.9), 4.1, "combo_blur_09_noise_4_jpeg_81"), 81)),
        ("combo_gamma_081_saturation_126_crop_xy_92_84",
         lambda a: _crop_frac(_saturation(_gamma(a, 0.81), 1.26), 0.92, 0.84, 0.3, 0.7)),
        ("combo_flip_v_down_up_058",
         lambda a: _resize(_scale(a[::-1, :], 0.58), a.shape[1], a.shape[0])),
        ("combo_greyscale_jpeg_43", lambda a: _jpeg(_greyscale(a), 43)),
        ("combo_letterbox_4x3_webp_77_downscale_079",
         lambda a: _scale(_webp(_canvas_fit(a, 1024, 768, (255, 255, 255)), 77), 0.79)),
    ]
    return [(name, _finalised(fn)) for name, fn in table]


# --------------------------------------------------------------------------- unmarked()

_UNMARKED_SOURCES: tuple[str, ...] = (
    "astronaut", "chelsea", "coffee", "hubble", "ihc", "motorcycle_left", "motorcycle_right",
    "retina", "rocket", "china", "flower", "camera", "moon", "coins", "grass", "gravel", "brick",
    "clock_motion", "cell",
)

_WORDS = tuple(sorted(set(_PROSE.lower().replace(",", "").replace(".", "").replace(":", "")
                          .split())))


def _colour(rng: np.random.Generator) -> Colour:
    r, g, b = (int(v) for v in rng.integers(0, 256, 3))
    return r, g, b


def _u_photo(rng: np.random.Generator) -> tuple[str, Image8]:
    source = _UNMARKED_SOURCES[int(rng.integers(len(_UNMARKED_SOURCES)))]
    src = _sample(source)
    sh, sw = src.shape[:2]
    kw, kh = rng.uniform(0.3, 1.0, 2)
    cw, ch = max(8, round(sw * kw)), max(8, round(sh * kh))
    x, y = int(rng.integers(0, sw - cw + 1)), int(rng.integers(0, sh - ch + 1))
    long_side = int(rng.integers(96, 1101))
    s = long_side / max(cw, ch)
    ow = int(np.clip(round(cw * s), 96, 1100))
    oh = int(np.clip(round(ch * s), 96, 1100))
    img = _resize(np.ascontiguousarray(src[y : y + ch, x : x + cw]), ow, oh)
    if rng.random() < 0.5:
        img = img[:, ::-1]
    if rng.random() < 0.1:
        img = img[::-1, :]
    if rng.random() < 0.12:
        img = np.rot90(img, int(rng.integers(1, 4)))
    img = np.ascontiguousarray(img)
    if rng.random() < 0.5:
        img = _gamma(img, float(rng.uniform(0.75, 1.3)))
    if rng.random() < 0.4:
        img = _saturation(img, float(rng.uniform(0.55, 1.35)))
    if rng.random() < 0.3:
        img = _brightness(img, int(rng.integers(-25, 26)))
    if rng.random() < 0.25:
        sigma = float(rng.uniform(1.0, 4.0))
        img = _u8(img.astype(np.float32)
                  + rng.standard_normal(img.shape, dtype=np.float32) * sigma)
    if rng.random() < 0.3:
        img = _jpeg(img, int(rng.integers(55, 97)))
    return f"photo_{source}", img


def _u_size(rng: np.random.Generator) -> tuple[int, int]:
    w, h = (int(v) for v in rng.integers(96, 1101, 2))
    return w, h


def _u_graphic(rng: np.random.Generator) -> Image8:
    w, h = _u_size(rng)
    img = np.full((h, w, 3), _colour(rng), np.uint8)
    for _ in range(int(rng.integers(3, 15))):
        kind = int(rng.integers(5))
        c = _colour(rng)
        p = (int(rng.integers(0, w)), int(rng.integers(0, h)))
        q = (int(rng.integers(0, w)), int(rng.integers(0, h)))
        if kind == 0:
            cv2.rectangle(img, p, q, c, -1)
        elif kind == 1:
            cv2.circle(img, p, int(rng.integers(4, max(5, min(w, h) // 3))), c, -1, cv2.LINE_AA)
        elif kind == 2:
            cv2.line(img, p, q, c, int(rng.integers(1, 12)), cv2.LINE_AA)
        elif kind == 3:
            pts = np.stack([rng.integers(0, w, 5), rng.integers(0, h, 5)], axis=1)
            cv2.fillPoly(img, [pts.astype(np.int32)], c, cv2.LINE_AA)
        else:
            text = " ".join(_WORDS[int(i)] for i in rng.integers(0, len(_WORDS), 3))
            _put(img, text, p[0] // 2, p[1], float(rng.uniform(0.4, 1.6)), c,
                 int(rng.integers(1, 3)))
    if rng.random() < 0.4:  # a bar chart
        n = int(rng.integers(3, 9))
        bw = max(2, w // (2 * n + 1))
        for i in range(n):
            top = int(h * rng.uniform(0.15, 0.85))
            _rect(img, bw * (2 * i + 1), top, bw * (2 * i + 2), h - 4, _colour(rng))
    return img


def _u_page(rng: np.random.Generator) -> Image8:
    w, h = _u_size(rng)
    shade = int(rng.integers(236, 256))
    img = np.full((h, w, 3), (shade, shade, max(0, shade - int(rng.integers(0, 8)))), np.uint8)
    scale = float(rng.uniform(0.3, 0.7))
    line_h = max(8, int(32 * scale))
    margin = max(4, int(w * rng.uniform(0.04, 0.12)))
    y = margin + int(2 * line_h)
    _put(img, " ".join(_WORDS[int(i)] for i in rng.integers(0, len(_WORDS), 4)).title(),
         margin, y, scale * 1.6, (20, 20, 20), 2, _BOLD)
    y += int(line_h * 1.8)
    ink = int(rng.integers(0, 70))
    while y < h - margin:
        if rng.random() < 0.08:
            bh = int(rng.integers(20, max(21, h // 4)))
            _rect(img, margin, y, w - margin, y + bh, _colour(rng))
            y += bh + line_h
            continue
        text = " ".join(_WORDS[int(i)] for i in rng.integers(0, len(_WORDS), 40))
        line = _wrap(text, max(10, w - 2 * margin), scale)[0]
        _put(img, line, margin, y, scale, (ink, ink, ink))
        y += line_h
    return img


def _u_gradient(rng: np.random.Generator) -> Image8:
    w, h = _u_size(rng)
    xs = np.linspace(0.0, 1.0, w, dtype=np.float32)[None, :]
    ys = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None]
    if rng.random() < 0.6:
        angle = float(rng.uniform(0, 2 * math.pi))
        t = xs * math.cos(angle) + ys * math.sin(angle)
    else:
        cx, cy = rng.uniform(0, 1, 2)
        t = np.sqrt((xs - cx) ** 2 + (ys - cy) ** 2)
    t = (t - t.min()) / max(float(t.max() - t.min()), 1e-6)
    c0 = np.asarray(_colour(rng), np.float32)
    c1 = np.asarray(_colour(rng), np.float32)
    img = c0 + t[:, :, None] * (c1 - c0)
    if rng.random() < 0.4:
        img = img + rng.uniform(-1.0, 1.0, img.shape).astype(np.float32)
    return _u8(img)


def _u_texture(rng: np.random.Generator) -> Image8:
    w, h = _u_size(rng)
    kind = int(rng.integers(3))
    if kind == 0:  # smooth clouds
        k = int(rng.integers(3, 40))
        small = rng.random((max(2, h // k), max(2, w // k), 3), dtype=np.float32) * 255
        smooth = cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)
        return _u8(np.asarray(smooth, dtype=np.float32))
    if kind == 1:  # stripes
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        angle = float(rng.uniform(0, math.pi))
        period = float(rng.uniform(2.5, 60.0))
        wave = np.sin((xx * math.cos(angle) + yy * math.sin(angle)) * 2 * math.pi / period)
        c0 = np.asarray(_colour(rng), np.float32)
        c1 = np.asarray(_colour(rng), np.float32)
        return _u8(c0 + (wave[:, :, None] + 1) / 2 * (c1 - c0))
    cell = int(rng.integers(2, 64))
    yy, xx = np.mgrid[0:h, 0:w]
    mask = ((yy // cell + xx // cell) % 2).astype(bool)
    img = np.empty((h, w, 3), np.uint8)
    img[mask] = _colour(rng)
    img[~mask] = _colour(rng)
    return img


def _u_noise(rng: np.random.Generator) -> Image8:
    w, h = _u_size(rng)
    if rng.random() < 0.5:
        shape = (h, w, 3) if rng.random() < 0.6 else (h, w, 1)
        img = rng.integers(0, 256, shape, dtype=np.uint8)
        return np.ascontiguousarray(np.broadcast_to(img, (h, w, 3)))
    mean = np.asarray(_colour(rng), np.float32)
    return _u8(mean + rng.standard_normal((h, w, 3), dtype=np.float32) * float(rng.uniform(3, 60)))


def _u_flat(rng: np.random.Generator) -> Image8:
    w, h = _u_size(rng)
    img = np.full((h, w, 3), _colour(rng), np.uint8)
    if rng.random() < 0.3:
        img = _u8(img.astype(np.float32) + rng.integers(-1, 2, img.shape).astype(np.float32))
    return img


def unmarked(n: int = 10000, seed: int = 2026120722) -> Iterator[tuple[str, Image8]]:
    """Images never marked: item i depends only on default_rng([seed, i]) and the samples."""
    makers: tuple[tuple[str, Callable[[np.random.Generator], Image8]], ...] = (
        ("graphic", _u_graphic), ("page", _u_page), ("gradient", _u_gradient),
        ("texture", _u_texture), ("noise", _u_noise), ("flat", _u_flat),
    )
    weights = np.asarray((0.08, 0.07, 0.07, 0.06, 0.04, 0.02))
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        u = float(rng.random())
        if u < 0.66:
            kind, img = _u_photo(rng)
        else:
            k = int(np.searchsorted(np.cumsum(weights) / weights.sum(), (u - 0.66) / 0.34,
                                    side="right"))
            kind, maker = makers[min(k, len(makers) - 1)]
            img = maker(rng)
        yield f"unmarked_{i:05d}_{kind}", np.ascontiguousarray(img, dtype=np.uint8)


# --------------------------------------------------------------------------- edge cases


def edge_cases() -> list[tuple[str, Image8]]:
    """Awkward uint8 RGB arrays."""
    rng = np.random.default_rng(9040711)
    out: list[tuple[str, Image8]] = []

    def add(name: str, a: NDArray[np.uint8]) -> None:
        out.append((name, np.ascontiguousarray(a, dtype=np.uint8)))

    add("tiny_1x1", np.full((1, 1, 3), (201, 47, 118), np.uint8))
    add("tiny_2x2", rng.integers(0, 256, (2, 2, 3), dtype=np.uint8))
    add("tiny_3x5", rng.integers(0, 256, (5, 3, 3), dtype=np.uint8))
    add("small_15x11", _resize(np.ascontiguousarray(_sample("chelsea")), 15, 11))
    add("row_733x1", _resize(np.ascontiguousarray(_sample("coffee")), 733, 1))
    add("column_1x941", _resize(np.ascontiguousarray(_sample("rocket")), 1, 941))
    add("thin_1500x2", _resize(np.ascontiguousarray(_sample("china")), 1500, 2))
    small = rng.random((47, 61, 3), dtype=np.float32) * 255
    huge = cv2.resize(small, (4013, 2987), interpolation=cv2.INTER_CUBIC)
    add("huge_4013x2987", _u8(huge + rng.standard_normal(huge.shape, dtype=np.float32) * 5))
    add("huge_photo_3967x2643", _grain(_resize(np.ascontiguousarray(_sample("flower")), 3967,
                                               2643), 3.0, "huge_photo"))
    add("flat_black_640x480", np.zeros((480, 640, 3), np.uint8))
    add("flat_white_517x333", np.full((333, 517, 3), 255, np.uint8))
    add("flat_grey_391x389", np.full((389, 391, 3), (127, 129, 131), np.uint8))
    add("flat_red_257x259", np.full((259, 257, 3), (255, 0, 0), np.uint8))
    add("near_flat_dither_600x400",
        _u8(np.full((400, 600, 3), 140.0, np.float32) + rng.integers(-1, 2, (400, 600, 3))))
    add("extreme_aspect_3011x13", _resize(np.ascontiguousarray(_sample("hubble")), 3011, 13))
    add("extreme_aspect_19x2203", _resize(np.ascontiguousarray(_sample("retina")), 19, 2203))
    yy, xx = np.mgrid[0:512, 0:512]
    add("checker_1px_512", np.repeat((((yy + xx) % 2) * 255).astype(np.uint8)[:, :, None], 3, 2))
    yy, xx = np.mgrid[0:301, 0:419]
    add("checker_8px_419x301",
        np.repeat((((yy // 8 + xx // 8) % 2) * 255).astype(np.uint8)[:, :, None], 3, 2))
    yy, xx = np.mgrid[0:360, 0:640]
    mask = ((yy // 17 + xx // 17) % 2).astype(bool)
    colour_checker = np.empty((360, 640, 3), np.uint8)
    colour_checker[mask] = (0, 180, 255)
    colour_checker[~mask] = (255, 60, 0)
    add("checker_colour_17px_640x360", colour_checker)
    stripes = np.zeros((480, 720, 3), np.uint8)
    stripes[:, ::4] = 255
    stripes[:, 1::4] = 255
    add("stripes_vertical_2px_720x480", stripes)
    add("noise_uniform_389x271", rng.integers(0, 256, (271, 389, 3), dtype=np.uint8))
    add("noise_gauss_1024x768",
        _u8(128 + rng.standard_normal((768, 1024, 3), dtype=np.float32) * 40))
    half = np.zeros((512, 768, 3), np.uint8)
    half[:, 384:] = 255
    add("half_black_white_768x512", half)
    primaries = np.zeros((300, 600, 3), np.uint8)
    for i, c in enumerate(((255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0), (0, 255, 255),
                           (255, 0, 255))):
        primaries[:, 100 * i : 100 * (i + 1)] = c
    add("saturated_primaries_600x300", primaries)
    return out


def _png_chunk(tag: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + tag + data
            + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _png_interlaced(rgb: Image8) -> bytes:
    """An Adam7-interlaced 8-bit RGB PNG (Pillow writes none)."""
    h, w = rgb.shape[:2]
    raw = bytearray()
    for x0, y0, dx, dy in ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4),
                           (1, 0, 2, 2), (0, 1, 1, 2)):
        sub = rgb[y0::dy, x0::dx]
        if sub.size == 0:
            continue
        for row in sub:
            raw += b"\x00" + np.ascontiguousarray(row).tobytes()
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 1)
    return (_PNG_SIGNATURE + _png_chunk(b"IHDR", ihdr)
            + _png_chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + _png_chunk(b"IEND", b""))


def _png_header_bomb(w: int, h: int) -> bytes:
    """A valid-looking PNG header claiming w x h RGB, with one row of data."""
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    row = zlib.compress(bytes(1 + 3 * w), 9)
    return (_PNG_SIGNATURE + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", row)
            + _png_chunk(b"IEND", b""))


def _save(im: Image.Image, fmt: str, **kwargs: object) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kwargs)
    return buf.getvalue()


def edge_case_files() -> list[tuple[str, bytes]]:
    """Awkward encoded files, byte-identical on every run."""
    base = _resize(np.ascontiguousarray(_sample("chelsea")), 211, 141)
    rgb = Image.fromarray(base)
    grey = rgb.convert("L")
    rng = np.random.default_rng(7712093)
    out: list[tuple[str, bytes]] = []

    wide = (base.astype(np.uint16) * 257 + rng.integers(0, 257, base.shape).astype(np.uint16))
    ok, png16 = cv2.imencode(".png", np.ascontiguousarray(wide[:, :, ::-1]))
    assert ok
    out.append(("png_16bit_rgb", png16.tobytes()))
    grey16 = np.asarray(grey, np.uint16) * 257
    out.append(("png_16bit_grey", _save(Image.fromarray(grey16), "PNG")))
    alpha = Image.fromarray(np.tile(np.linspace(0, 255, 211).astype(np.uint8), (141, 1)))
    la = Image.merge("LA", (grey, alpha))
    out.append(("png_grey_alpha", _save(la, "PNG")))
    palette = rgb.quantize(colors=37, method=Image.Quantize.MEDIANCUT,
                           dither=Image.Dither.NONE)
    out.append(("png_palette", _save(palette, "PNG")))
    out.append(("png_palette_transparent", _save(palette, "PNG", transparency=0)))
    rgba = rgb.copy()
    rgba.putalpha(alpha.transpose(Image.Transpose.FLIP_LEFT_RIGHT))
    out.append(("png_rgba", _save(rgba, "PNG")))
    clear = rgb.copy()
    clear.putalpha(0)
    out.append(("png_rgba_fully_transparent", _save(clear, "PNG")))
    out.append(("png_1bit", _save(grey.convert("1"), "PNG")))
    out.append(("png_interlaced", _png_interlaced(base)))
    out.append(("jpeg_cmyk", _save(rgb.convert("CMYK"), "JPEG", quality=87)))
    out.append(("jpeg_progressive", _save(rgb, "JPEG", quality=83, progressive=True)))
    out.append(("jpeg_grey", _save(grey, "JPEG", quality=90)))
    exif = Image.Exif()
    exif[0x0112] = 6
    out.append(("jpeg_exif_orientation_6", _save(rgb, "JPEG", quality=86, exif=exif.tobytes())))
    png = _save(rgb, "PNG")
    jpg = _save(rgb, "JPEG", quality=85)
    out.append(("png_truncated", png[: len(png) * 61 // 100]))
    out.append(("jpeg_truncated", jpg[: len(jpg) * 47 // 100]))
    out.append(("garbage_bytes", rng.integers(0, 256, 4099, dtype=np.uint8).tobytes()))
    out.append(("garbage_after_png_signature",
                _PNG_SIGNATURE + rng.integers(0, 256, 1021, dtype=np.uint8).tobytes()))
    out.append(("zero_bytes", b""))
    out.append(("png_header_bomb_61003x59011", _png_header_bomb(61003, 59011)))
    frames = [Image.fromarray(np.roll(base, 23 * k, axis=1)).quantize(
        colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE) for k in range(4)]
    out.append(("gif_animated", _save(frames[0], "GIF", save_all=True, append_images=frames[1:],
                                      duration=[70, 110, 90, 130], loop=0)))
    out.append(("tiff_rgb", _save(rgb, "TIFF")))
    out.append(("tiff_lzw", _save(rgb, "TIFF", compression="tiff_lzw")))
    out.append(("bmp_rgb", _save(rgb, "BMP")))
    out.append(("webp_lossless", _save(rgb, "WEBP", lossless=True)))
    return out
