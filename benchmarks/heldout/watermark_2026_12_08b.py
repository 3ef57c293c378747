"""Held-out watermark test set, round 2026-12-08b: images, attacks, never-marked images and
awkward inputs, fixed before any watermark result was seen.

PROVENANCE
    Written by an independent tester (a helper session started inside the project's session,
    with a brief to stay blind to how the watermark works). Files read: /work/main/
    pyproject.toml and safegen/backends/__init__.py, base.py and builtin.py (only to learn
    how to call the built-in offline model), and the packaged sample images of scikit-image
    (skimage/data) and scikit-learn (sklearn/datasets/images). Run: this module (through
    throw-away check scripts outside the repository: shapes, dtypes, determinism, every attack
    on a 256x256 and on the largest image, unmarked(300), edge cases, cache regeneration),
    safegen.backends.builtin.BuiltinBackend (to make the generated images), and ruff on this
    file. Nothing under safegen/watermark/, docs/, tests/, benchmarks/ (other than this file
    and cache_08b/), README.md, git history or diffs, the issue tracker or any watermark
    encoder or decoder was opened, grepped, imported or run, and no watermark was ever run on
    these images. Slips, for honesty: pyproject.toml's comments mention "the tiled
    watermark", invisible-watermark as a baseline, and list other held-out files' names (not
    their contents); and one shell command ran `ls benchmarks/heldout/` into `head -0`, which
    printed nothing. Every parameter here was chosen from the brief alone.

FROZEN
    This file is never edited, not even for style: its sha256 is its identity.

SOURCES
    numpy, Pillow and OpenCV only, plus: scikit-image's packaged samples (astronaut, chelsea,
    coffee, rocket, hubble_deep_field, retina, motorcycle_left/right, ihc, camera, coins,
    clock_motion, grass, gravel, brick, moon, cell, page, horse) and scikit-learn's (china,
    flower), read as files located with importlib.util.find_spec; and six images from
    safegen.backends.builtin.BuiltinBackend(threads=1) at its native 256x256, cached as PNG in
    CACHE_DIR (made again when absent; the same bytes each time). Screenshots and graphics are
    drawn with OpenCV (Hershey fonts). All noise is seeded from the attack's name, the image's
    shape and its bytes (sha256), or, for unmarked(), from np.random.default_rng([seed, i]).

INTERFACE
    ROUND = "2026-12-08b"; CACHE_DIR = <this folder>/cache_08b.
    images() -> list of (name, image_class, rgb): 28 images, image_class in {"photo",
        "generated", "graphic", "screenshot"}, rgb a C-contiguous uint8 (H, W, 3) array.
    attacks() -> list of (name, fn), fn(rgb) -> a new C-contiguous uint8 (H', W', 3) array,
        deterministic, input left untouched; the first is "none" (a copy).
    unmarked(n=10000, seed=2026120802) -> iterator of (name, rgb): item i depends only on
        np.random.default_rng([seed, i]) and the sample images; crops, flips, rescales, tone
        changes and JPEG saves of the real photos, noise, flat and gradient images; both sides
        in 96..1100.
    edge_cases() -> list of (name, rgb): awkward but valid uint8 RGB arrays.
    edge_case_files() -> list of (name, bytes): awkward encoded files, byte-identical on every
        run (with the same Pillow, OpenCV and zlib).

IMAGES (name, class, width x height)
    p_astronaut_portrait       photo       360x480
    p_chelsea_small            photo       376x250
    p_coffee_overexposed       photo       960x640
    p_rocket_night             photo       1280x854
    p_flower_saturated         photo       1024x1024
    p_china_hazy               photo       1500x1000
    p_hubble_stars             photo       2000x1744
    p_retina_dark_bg           photo       1100x1100
    p_moto_panorama            photo       1776x623
    p_ihc_fine_detail          photo       512x384
    p_camera_grey_portrait     photo       384x512
    p_astronaut_noisy          photo       768x768
    p_coins_dark_bg            photo       1152x909
    p_clock_light_bg           photo       800x600
    p_china_tall_panorama      photo       562x1200
    p_grass_green              photo       640x640
    p_flower_tiny              photo       260x260
    p_chelsea_large_warm       photo       1804x1200
    g_city_crowd_dusk          generated   256x256
    g_living_room              generated   256x256
    g_ramen_table              generated   256x256
    g_horses_meadow            generated   256x256
    g_lake_sunrise             generated   256x256
    g_canyon_night             generated   256x256
    s_settings_light           screenshot  1280x800
    s_dashboard_dark           screenshot  1024x640
    gr_infographic             graphic     900x1200
    gr_logo                    graphic     600x600

ATTACKS (97, in order; the 8 screen_* are screen captures of the image inside drawn app
UIs, the last 12 are combinations of 2 to 4 steps)
    none, flip_h, flip_v, stretch_w110, squash_h85, stretch_w118_h112, squash_w82_h88,
    aspect_w108_h092, aspect_w090_h115, crop_centre_90, crop_centre_52, crop_off_80x75,
    crop_tl_60, crop_br_78x66, crop_right_side_86, crop_top_bottom_88, crop_centre_82_back,
    crop_bl_64_back, crop_off_94x91_back, rot_p2_black, rot_m5_white, rot_p10_reflect,
    rot_m8_expand_black, rot_p4_expand_white, rot_m3_inner, rot_p7_inner_back,
    rot_m10_inner_back, pad_black_10, pad_white_uneven, pad_reflect_12, pad_blur_copy_20,
    border_red_4, pad_teal_left_top, caption_bar_bottom, caption_above_white, meme_text,
    logo_corner_alpha, text_tiled_alpha, stickers_emoji, frame_gold, fit_1920x1080_black,
    fit_1080x1920_black, fit_1080x1080_white, pad_to_16x9_black, jpeg_95_444, jpeg_88_420,
    jpeg_76_420, jpeg_55_444, jpeg_42_420, jpeg_30_420, webp_90, webp_72, webp_50, down_75_area,
    down_50_area, down_35_lanczos, down_up_50, down_up_40_bilinear, up_160_lanczos,
    screen_browser_light_png, screen_gallery_dark_jpeg, screen_phone_feed_png,
    screen_pdf_viewer_hidpi_jpeg, screen_slides_720p_png, screen_video_player_jpeg,
    screen_chat_dark_jpeg, screen_email_light_png, blur_gauss_1, blur_gauss_2_5,
    sharpen_unsharp, median_3, median_5, noise_gauss_7, noise_gauss_15, denoise_nlmeans,
    bright_p28, bright_m35, contrast_135, contrast_72, gamma_0_7, saturation_165, greyscale,
    sepia, temp_warm, temp_cool, social_crop90_w1080_jpeg75, msg_r060_jpeg60, msg_forward_x3,
    msg_r060_webp65_fwd_jpeg70, combo_flip_crop85_jpeg80, combo_rot3_inner_back_jpeg70,
    combo_stretch108_pad_white_webp75, combo_gamma08_sat130_jpeg65, combo_caption_down50_jpeg70,
    combo_blur1_noise5_jpeg85, combo_grey_fit16x9_jpeg60_444, combo_story_sticker_jpeg80

    edge_cases(): 28 arrays; edge_case_files(): 37 files.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import math
import struct
import zlib
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import NamedTuple

import cv2
import numpy as np
from PIL import Image

ROUND = "2026-12-08b"
CACHE_DIR = Path(__file__).resolve().parent / "cache_08b"

Attack = Callable[[np.ndarray], np.ndarray]

_WHITE = (255, 255, 255)
_BLACK = (0, 0, 0)
_SIMPLEX = cv2.FONT_HERSHEY_SIMPLEX
_DUPLEX = cv2.FONT_HERSHEY_DUPLEX


class _Gen(NamedTuple):
    name: str
    prompt: str
    seed: int


_GENERATED = (
    _Gen("g_city_crowd_dusk", "a crowded city street at dusk, people walking past lit shops", 314),
    _Gen("g_living_room", "a cosy living room interior with a sofa, a lamp and a fireplace", 2718),
    _Gen("g_ramen_table", "a steaming bowl of ramen on a dark wooden table, from above", 90125),
    _Gen("g_horses_meadow", "two brown horses grazing in a green meadow under a cloudy sky", 4242),
    _Gen("g_lake_sunrise", "a snowy mountain lake at sunrise with pine trees on the shore", 777001),
    _Gen("g_canyon_night", "a red desert canyon under a starry purple night sky", 12),
)


# --------------------------------------------------------------------------------------------
# small helpers


def _c(arr: np.ndarray) -> np.ndarray:
    """A C-contiguous uint8 (H, W, 3) copy."""
    out = np.array(arr, dtype=np.uint8, copy=True, order="C")
    if out.ndim == 2:
        out = np.repeat(out[:, :, None], 3, axis=2)
    return np.ascontiguousarray(out[:, :, :3])


def _u8(x: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(np.clip(np.rint(x), 0, 255).astype(np.uint8))


def _rng(tag: str, arr: np.ndarray) -> np.random.Generator:
    """Noise seeded from a tag (the attack's name), the image's shape and its bytes."""
    digest = hashlib.sha256()
    digest.update(tag.encode("utf-8"))
    digest.update(repr(tuple(arr.shape)).encode("ascii"))
    digest.update(np.ascontiguousarray(arr).tobytes())
    return np.random.default_rng(int.from_bytes(digest.digest()[:8], "little"))


def _pkg_path(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"{package} is needed for its sample images (pip install {package})")
    return Path(list(spec.submodule_search_locations)[0]).joinpath(*parts)


@cache
def _sample(name: str) -> np.ndarray:
    """A packaged sample image as read-only RGB uint8 (greyscale repeated to 3 channels)."""
    if name in ("china.jpg", "flower.jpg"):
        path = _pkg_path("sklearn", "datasets", "images", name)
    else:
        path = _pkg_path("skimage", "data", name)
    with Image.open(path) as im:
        if im.mode in ("RGBA", "LA", "P"):
            rgba = im.convert("RGBA")
            back = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            back.alpha_composite(rgba)
            arr = np.asarray(back.convert("RGB"))
        else:
            arr = np.asarray(im.convert("RGB"))
    arr = _c(arr)
    arr.setflags(write=False)
    return arr


def _resize(rgb: np.ndarray, w: int, h: int, interp: int | None = None) -> np.ndarray:
    w, h = max(1, int(round(w))), max(1, int(round(h)))
    if (h, w) == rgb.shape[:2]:
        return _c(rgb)
    if interp is None:
        shrink = w * h < rgb.shape[0] * rgb.shape[1]
        interp = cv2.INTER_AREA if shrink else cv2.INTER_CUBIC
    return _c(cv2.resize(rgb, (w, h), interpolation=interp))


def _pil_resize(rgb: np.ndarray, w: int, h: int, method: int) -> np.ndarray:
    w, h = max(1, int(round(w))), max(1, int(round(h)))
    return _c(np.asarray(Image.fromarray(_c(rgb)).resize((w, h), method)))


def _scale(rgb: np.ndarray, fx: float, fy: float | None = None, interp: int | None = None):
    fy = fx if fy is None else fy
    h, w = rgb.shape[:2]
    return _resize(rgb, max(1, round(w * fx)), max(1, round(h * fy)), interp)


def _decode(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as im:
        return _c(np.asarray(im.convert("RGB")))


def _jpeg_bytes(rgb: np.ndarray, quality: int, subsampling: int = 2) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(_c(rgb)).save(buf, "JPEG", quality=quality, subsampling=subsampling)
    return buf.getvalue()


def _jpeg(rgb: np.ndarray, quality: int, subsampling: int = 2) -> np.ndarray:
    """JPEG round trip; subsampling 2 is 4:2:0, 0 is 4:4:4."""
    return _decode(_jpeg_bytes(rgb, quality, subsampling))


def _webp(rgb: np.ndarray, quality: int) -> np.ndarray:
    buf = io.BytesIO()
    Image.fromarray(_c(rgb)).save(buf, "WEBP", quality=quality, method=4)
    return _decode(buf.getvalue())


def _png(rgb: np.ndarray) -> np.ndarray:
    buf = io.BytesIO()
    Image.fromarray(_c(rgb)).save(buf, "PNG")
    return _decode(buf.getvalue())


def _luma(rgb: np.ndarray) -> np.ndarray:
    f = rgb.astype(np.float32)
    return 0.299 * f[:, :, 0] + 0.587 * f[:, :, 1] + 0.114 * f[:, :, 2]


# --------------------------------------------------------------------------------------------
# tone


def _brightness(rgb: np.ndarray, delta: float) -> np.ndarray:
    return _u8(rgb.astype(np.float32) + delta)


def _contrast(rgb: np.ndarray, factor: float) -> np.ndarray:
    mean = float(_luma(rgb).mean())
    return _u8((rgb.astype(np.float32) - mean) * factor + mean)


def _gamma(rgb: np.ndarray, gamma: float) -> np.ndarray:
    lut = _u8(255.0 * (np.arange(256, dtype=np.float64) / 255.0) ** gamma)
    return _c(cv2.LUT(_c(rgb), lut))


def _saturation(rgb: np.ndarray, factor: float) -> np.ndarray:
    grey = _luma(rgb)[:, :, None]
    return _u8(grey + (rgb.astype(np.float32) - grey) * factor)


def _greyscale(rgb: np.ndarray) -> np.ndarray:
    return _c(np.repeat(_u8(_luma(rgb))[:, :, None], 3, axis=2))


def _sepia(rgb: np.ndarray) -> np.ndarray:
    m = np.array(
        [[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]], np.float32
    )
    return _u8(rgb.astype(np.float32) @ m.T)


def _temperature(rgb: np.ndarray, warm: float) -> np.ndarray:
    gains = np.array([1.0 + warm, 1.0 + 0.15 * warm, 1.0 - warm], np.float32)
    return _u8(rgb.astype(np.float32) * gains)


def _tint(rgb: np.ndarray, colour: tuple[float, float, float], amount: float) -> np.ndarray:
    grey = _luma(rgb)[:, :, None] / 255.0
    tinted = grey * np.array(colour, np.float32)[None, None, :]
    return _u8(rgb.astype(np.float32) * (1 - amount) + tinted * amount)


def _noise(rgb: np.ndarray, sigma: float, tag: str) -> np.ndarray:
    rng = _rng(tag, rgb)
    return _u8(rgb.astype(np.float32) + rng.normal(0.0, sigma, rgb.shape).astype(np.float32))


# --------------------------------------------------------------------------------------------
# geometry


def _crop(rgb: np.ndarray, x0: float, y0: float, fw: float, fh: float) -> np.ndarray:
    """Keep fw x fh of the sides, from (x0, y0) as fractions of the width and height."""
    h, w = rgb.shape[:2]
    cw, ch = max(1, round(w * fw)), max(1, round(h * fh))
    x = min(max(0, round(w * x0)), w - cw)
    y = min(max(0, round(h * y0)), h - ch)
    return _c(rgb[y : y + ch, x : x + cw])


def _crop_centre(rgb: np.ndarray, fw: float, fh: float | None = None) -> np.ndarray:
    fh = fw if fh is None else fh
    return _crop(rgb, (1 - fw) / 2, (1 - fh) / 2, fw, fh)


def _max_inner_rect(w: int, h: int, angle: float) -> tuple[int, int]:
    """The largest axis-aligned rectangle inside a w x h rectangle rotated by angle (rad)."""
    long_side, short_side = (w, h) if w >= h else (h, w)
    sin_a, cos_a = abs(math.sin(angle)), abs(math.cos(angle))
    if short_side <= 2.0 * sin_a * cos_a * long_side or abs(sin_a - cos_a) < 1e-10:
        x = 0.5 * short_side
        wr, hr = (x / sin_a, x / cos_a) if w >= h else (x / cos_a, x / sin_a)
    else:
        cos_2a = cos_a * cos_a - sin_a * sin_a
        wr, hr = (w * cos_a - h * sin_a) / cos_2a, (h * cos_a - w * sin_a) / cos_2a
    return max(1, int(wr) - 2), max(1, int(hr) - 2)


def _rotate(
    rgb: np.ndarray,
    degrees: float,
    fill: str = "black",
    expand: bool = False,
    inner: bool = False,
    back: bool = False,
) -> np.ndarray:
    """Rotate counter-clockwise by degrees; fill black, white, grey or reflect."""
    h, w = rgb.shape[:2]
    centre = ((w - 1) / 2.0, (h - 1) / 2.0)
    m = cv2.getRotationMatrix2D(centre, degrees, 1.0)
    ow, oh = w, h
    if expand:
        rad = math.radians(degrees)
        ow = int(math.ceil(w * abs(math.cos(rad)) + h * abs(math.sin(rad))))
        oh = int(math.ceil(w * abs(math.sin(rad)) + h * abs(math.cos(rad))))
        m[0, 2] += (ow - w) / 2.0
        m[1, 2] += (oh - h) / 2.0
    if fill == "reflect":
        border, value = cv2.BORDER_REFLECT_101, _BLACK
    else:
        border = cv2.BORDER_CONSTANT
        value = {"black": _BLACK, "white": _WHITE, "grey": (128, 128, 128)}[fill]
    out = cv2.warpAffine(
        _c(rgb), m, (ow, oh), flags=cv2.INTER_CUBIC, borderMode=border, borderValue=value
    )
    if inner:
        iw, ih = _max_inner_rect(w, h, math.radians(degrees))
        x, y = (ow - iw) // 2, (oh - ih) // 2
        out = out[y : y + ih, x : x + iw]
        if back:
            return _resize(out, w, h)
    return _c(out)


def _pad(
    rgb: np.ndarray,
    top: float,
    bottom: float,
    left: float,
    right: float,
    mode: str = "constant",
    colour: tuple[int, int, int] = _BLACK,
) -> np.ndarray:
    """Pad by fractions of the height (top, bottom) and width (left, right)."""
    h, w = rgb.shape[:2]
    t, b = round(h * top), round(h * bottom)
    le, ri = round(w * left), round(w * right)
    if mode == "reflect":
        t, b = min(t, h - 1), min(b, h - 1)
        le, ri = min(le, w - 1), min(ri, w - 1)
        return _c(cv2.copyMakeBorder(_c(rgb), t, b, le, ri, cv2.BORDER_REFLECT_101))
    if mode == "replicate":
        return _c(cv2.copyMakeBorder(_c(rgb), t, b, le, ri, cv2.BORDER_REPLICATE))
    return _c(cv2.copyMakeBorder(_c(rgb), t, b, le, ri, cv2.BORDER_CONSTANT, value=colour))


def _cover(rgb: np.ndarray, w: int, h: int) -> np.ndarray:
    """Resize to cover w x h, then centre-crop to exactly w x h."""
    ih, iw = rgb.shape[:2]
    s = max(w / iw, h / ih)
    big = _resize(rgb, max(w, math.ceil(iw * s)), max(h, math.ceil(ih * s)))
    y, x = (big.shape[0] - h) // 2, (big.shape[1] - w) // 2
    return _c(big[y : y + h, x : x + w])


def _fit_size(iw: int, ih: int, bw: int, bh: int, allow_up: bool = True) -> tuple[int, int]:
    s = min(bw / iw, bh / ih)
    if not allow_up:
        s = min(1.0, s)
    return max(1, round(iw * s)), max(1, round(ih * s))


def _paste(canvas: np.ndarray, img: np.ndarray, x: int, y: int) -> None:
    h, w = img.shape[:2]
    ch, cw = canvas.shape[:2]
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(cw, x + w), min(ch, y + h)
    if x1 > x0 and y1 > y0:
        canvas[y0:y1, x0:x1] = img[y0 - y : y1 - y, x0 - x : x1 - x]


def _place(
    canvas: np.ndarray,
    rgb: np.ndarray,
    box: tuple[int, int, int, int],
    allow_up: bool = True,
    interp: int | None = None,
) -> tuple[int, int, int, int]:
    """Fit rgb into box (x, y, w, h), centred; returns where it went."""
    bx, by, bw, bh = box
    w, h = _fit_size(rgb.shape[1], rgb.shape[0], bw, bh, allow_up)
    shown = _resize(rgb, w, h, interp)
    x, y = bx + (bw - w) // 2, by + (bh - h) // 2
    _paste(canvas, shown, x, y)
    return x, y, w, h


def _soft_background(rgb: np.ndarray, w: int, h: int, div: float) -> np.ndarray:
    """rgb covering w x h, blurred by a sigma of max(w, h) / div (computed at 1/8 scale)."""
    sw, sh = max(1, w // 8), max(1, h // 8)
    small = cv2.GaussianBlur(_cover(rgb, sw, sh), (0, 0), max(sw, sh) / div)
    return _resize(small, w, h, cv2.INTER_LINEAR)


def _fit_frame(
    rgb: np.ndarray, fw: int, fh: int, colour: tuple[int, int, int], blur_bg: bool = False
) -> np.ndarray:
    if blur_bg:
        canvas = _soft_background(rgb, fw, fh, 40.0)
    else:
        canvas = np.full((fh, fw, 3), colour, np.uint8)
    _place(canvas, rgb, (0, 0, fw, fh))
    return _c(canvas)


# --------------------------------------------------------------------------------------------
# drawing


def _canvas(w: int, h: int, colour: tuple[int, int, int]) -> np.ndarray:
    return np.full((h, w, 3), colour, np.uint8)


def _text(
    img: np.ndarray,
    text: str,
    x: int,
    y: int,
    px: float,
    colour: tuple[int, int, int],
    thick: int = 1,
    font: int = _SIMPLEX,
) -> None:
    """Text whose capitals are about px pixels tall, baseline at y."""
    cv2.putText(img, text, (int(x), int(y)), font, px / 22.0, colour, thick, cv2.LINE_AA)


def _text_width(text: str, px: float, thick: int = 1, font: int = _SIMPLEX) -> int:
    (w, _), _ = cv2.getTextSize(text, font, px / 22.0, thick)
    return int(w)


def _rrect(
    img: np.ndarray, x0: int, y0: int, x1: int, y1: int, r: int, colour: tuple[int, ...]
) -> None:
    """A filled rounded rectangle (corners drawn anti-aliased)."""
    x0, y0, x1, y1 = int(x0), int(y0), int(x1), int(y1)
    r = int(max(0, min(r, (x1 - x0) // 2, (y1 - y0) // 2)))
    colour = tuple(int(c) for c in colour)
    cv2.rectangle(img, (x0 + r, y0), (x1 - r, y1), colour, -1)
    cv2.rectangle(img, (x0, y0 + r), (x1, y1 - r), colour, -1)
    for cx, cy in ((x0 + r, y0 + r), (x1 - r, y0 + r), (x0 + r, y1 - r), (x1 - r, y1 - r)):
        cv2.circle(img, (cx, cy), r, colour, -1, cv2.LINE_AA)


def _round_corners(img: np.ndarray, r: int, bg: tuple[int, int, int]) -> np.ndarray:
    h, w = img.shape[:2]
    mask = np.zeros((h, w), np.uint8)
    _rrect(mask, 0, 0, w - 1, h - 1, r, (255,))
    a = (mask.astype(np.float32) / 255.0)[:, :, None]
    return _u8(img.astype(np.float32) * a + np.array(bg, np.float32) * (1 - a))


def _blend_layer(base: np.ndarray, layer: np.ndarray, mask: np.ndarray, alpha: float):
    a = (mask.astype(np.float32) / 255.0 * alpha)[:, :, None]
    return _u8(base.astype(np.float32) * (1 - a) + layer.astype(np.float32) * a)


def _lines(
    img: np.ndarray, x: int, y: int, w: int, n: int, gap: int, hgt: int, colour, seed: int
) -> None:
    """n grey bars standing for lines of text (lengths fixed by seed)."""
    rng = np.random.default_rng(seed)
    for k in range(n):
        length = int(w * (0.55 + 0.45 * rng.random())) if k < n - 1 else int(w * 0.4)
        _rrect(img, x, y + k * gap, x + length, y + k * gap + hgt, hgt // 2, colour)


def _emoji(img: np.ndarray, cx: int, cy: int, r: int, kind: int) -> None:
    cv2.circle(img, (cx, cy), r, (250, 204, 40), -1, cv2.LINE_AA)
    cv2.circle(img, (cx, cy), r, (200, 140, 20), max(1, r // 18), cv2.LINE_AA)
    ex, ey, er = r // 3, r // 4, max(1, r // 7)
    if kind == 0:  # smile
        for sx in (-1, 1):
            cv2.circle(img, (cx + sx * ex, cy - ey), er, (60, 40, 20), -1, cv2.LINE_AA)
        cv2.ellipse(
            img, (cx, cy + r // 8), (r // 2, r // 3), 0, 10, 170, (60, 40, 20),
            max(1, r // 10), cv2.LINE_AA,
        )
    elif kind == 1:  # heart eyes
        for sx in (-1, 1):
            hx = cx + sx * ex
            cv2.circle(img, (hx - er // 2, cy - ey), er, (230, 30, 60), -1, cv2.LINE_AA)
            cv2.circle(img, (hx + er // 2, cy - ey), er, (230, 30, 60), -1, cv2.LINE_AA)
            pts = np.array(
                [[hx - er * 3 // 2, cy - ey], [hx + er * 3 // 2, cy - ey], [hx, cy - ey + er * 2]],
                np.int32,
            )
            cv2.fillConvexPoly(img, pts, (230, 30, 60), cv2.LINE_AA)
        cv2.ellipse(img, (cx, cy + r // 6), (r // 2, r // 3), 0, 0, 180, (90, 30, 20), -1)
    else:  # sunglasses
        for sx in (-1, 1):
            cv2.ellipse(
                img, (cx + sx * ex, cy - ey), (r // 4, r // 6), 0, 0, 360, (20, 20, 20), -1,
                cv2.LINE_AA,
            )
        cv2.line(img, (cx - ex, cy - ey), (cx + ex, cy - ey), (20, 20, 20), max(1, r // 14))
        cv2.ellipse(
            img, (cx, cy + r // 5), (r // 3, r // 5), 0, 20, 160, (60, 40, 20),
            max(1, r // 10), cv2.LINE_AA,
        )


def _heart(img: np.ndarray, cx: int, cy: int, s: int, colour) -> None:
    cv2.circle(img, (cx - s // 2, cy), s // 2 + 1, colour, -1, cv2.LINE_AA)
    cv2.circle(img, (cx + s // 2, cy), s // 2 + 1, colour, -1, cv2.LINE_AA)
    pts = np.array([[cx - s, cy + s // 6], [cx + s, cy + s // 6], [cx, cy + s + s // 3]], np.int32)
    cv2.fillConvexPoly(img, pts, colour, cv2.LINE_AA)


# --------------------------------------------------------------------------------------------
# images


def _photo_images() -> list[tuple[str, np.ndarray]]:
    out: list[tuple[str, np.ndarray]] = []
    lanczos = Image.Resampling.LANCZOS

    astro = _sample("astronaut.png")
    out.append(("p_astronaut_portrait", _c(astro[0:480, 70:430])))

    out.append(("p_chelsea_small", _resize(_sample("chelsea.png"), 376, 250)))

    coffee = _resize(_sample("coffee.png"), 960, 640, cv2.INTER_CUBIC)
    over = _gamma(_u8(coffee.astype(np.float32) * 1.45 + 30.0), 0.8)
    out.append(("p_coffee_overexposed", over))

    rocket = _pil_resize(_sample("rocket.jpg"), 1280, 854, lanczos)
    out.append(("p_rocket_night", rocket))

    flower_sq = _c(_sample("flower.jpg")[0:427, 100:527])
    out.append(("p_flower_saturated", _saturation(_resize(flower_sq, 1024, 1024), 1.7)))

    china = _c(_sample("china.jpg")[27:427, 20:620])
    china = _resize(china, 1500, 1000, cv2.INTER_CUBIC)
    haze = cv2.GaussianBlur(china, (0, 0), 1.2).astype(np.float32)
    veil = np.linspace(0.55, 0.30, 1000, dtype=np.float32)[:, None, None]
    out.append(("p_china_hazy", _u8(haze * (1 - veil) + np.float32(222.0) * veil)))

    hubble = _pil_resize(_sample("hubble_deep_field.jpg"), 2000, 1744, lanczos)
    out.append(("p_hubble_stars", hubble))

    out.append(("p_retina_dark_bg", _resize(_sample("retina.jpg"), 1100, 1100)))

    moto = _c(_sample("motorcycle_left.png")[120:380, 0:741])
    out.append(("p_moto_panorama", _resize(moto, 1776, 623, cv2.INTER_LANCZOS4)))

    out.append(("p_ihc_fine_detail", _c(_sample("ihc.png")[64:448, 0:512])))

    out.append(("p_camera_grey_portrait", _c(_sample("camera.png")[0:512, 64:448])))

    astro_big = _resize(astro, 768, 768, cv2.INTER_CUBIC)
    out.append(("p_astronaut_noisy", _noise(astro_big, 14.0, "p_astronaut_noisy")))

    coins = _resize(_sample("coins.png"), 1152, 909, cv2.INTER_CUBIC)
    out.append(("p_coins_dark_bg", coins))

    clock = _resize(_sample("clock_motion.png"), 800, 600, cv2.INTER_CUBIC)
    out.append(("p_clock_light_bg", _tint(clock, (255, 236, 210), 0.35)))

    tall = _c(_sample("china.jpg")[0:427, 230:430])
    out.append(("p_china_tall_panorama", _resize(tall, 562, 1200, cv2.INTER_CUBIC)))

    grass = _resize(_sample("grass.png"), 640, 640, cv2.INTER_CUBIC)
    out.append(("p_grass_green", _tint(grass, (150, 235, 90), 0.8)))

    out.append(("p_flower_tiny", _c(_sample("flower.jpg")[90:350, 200:460])))

    chelsea_big = _pil_resize(_sample("chelsea.png"), 1804, 1200, lanczos)
    out.append(("p_chelsea_large_warm", _temperature(chelsea_big, 0.08)))
    return out


def _generated_images() -> list[tuple[str, np.ndarray]]:
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    backend = None
    out = []
    for gen in _GENERATED:
        path = CACHE_DIR / f"{gen.name}_{gen.seed}.png"
        if not path.exists():
            if backend is None:
                from safegen.backends.base import BackendRequest
                from safegen.backends.builtin import BuiltinBackend

                backend = BuiltinBackend(threads=1)
            request = BackendRequest(prompt=gen.prompt, negative_prompt=None, seeds=(gen.seed,))
            image = backend.generate(request)[0].convert("RGB")
            tmp = path.with_suffix(".tmp")
            image.save(tmp, format="PNG")
            tmp.replace(path)
        with Image.open(path) as im:
            out.append((gen.name, _c(np.asarray(im.convert("RGB")))))
    return out


def _screenshot_settings() -> np.ndarray:
    """A light settings page: sidebar, toggles, fields, buttons."""
    w, h = 1280, 800
    img = _canvas(w, h, (246, 247, 249))
    cv2.rectangle(img, (0, 0), (w, 52), (255, 255, 255), -1)
    cv2.line(img, (0, 52), (w, 52), (222, 224, 228), 1)
    cv2.circle(img, (30, 26), 12, (52, 120, 246), -1, cv2.LINE_AA)
    _text(img, "Northwind Admin", 54, 34, 17, (30, 32, 36), 1, _DUPLEX)
    _rrect(img, 860, 12, 1180, 40, 14, (238, 240, 243))
    _text(img, "Search settings", 880, 32, 12, (140, 144, 150))
    cv2.circle(img, (1236, 26), 15, (120, 90, 200), -1, cv2.LINE_AA)
    _text(img, "JD", 1225, 31, 11, _WHITE)
    cv2.rectangle(img, (0, 53), (240, h), (255, 255, 255), -1)
    cv2.line(img, (240, 53), (240, h), (222, 224, 228), 1)
    items = ["General", "Account", "Notifications", "Privacy", "Billing", "Integrations", "API"]
    for k, item in enumerate(items):
        y = 100 + 44 * k
        if k == 2:
            _rrect(img, 12, y - 26, 228, y + 12, 8, (232, 240, 254))
            _text(img, item, 32, y, 14, (40, 96, 220), 1)
        else:
            _text(img, item, 32, y, 14, (70, 74, 80))
    _text(img, "Notifications", 280, 110, 26, (20, 22, 26), 2, _DUPLEX)
    _text(img, "Choose what we tell you about and where.", 280, 142, 13, (110, 114, 120))
    rows = [
        ("Product updates", True), ("Weekly digest", False), ("Mentions", True),
        ("Security alerts", True), ("Marketing e-mail", False),
    ]
    for k, (label, on) in enumerate(rows):
        y = 190 + 70 * k
        _rrect(img, 280, y, 1240, y + 58, 10, (255, 255, 255))
        _text(img, label, 304, y + 36, 15, (34, 36, 40))
        _text(img, "E-mail and push", 560, y + 36, 12, (130, 134, 140))
        colour = (52, 120, 246) if on else (200, 204, 210)
        _rrect(img, 1160, y + 17, 1212, y + 43, 13, colour)
        knob = 1199 if on else 1173
        cv2.circle(img, (knob, y + 30), 10, _WHITE, -1, cv2.LINE_AA)
    _text(img, "Quiet hours", 280, 592, 15, (34, 36, 40), 1, _DUPLEX)
    for k, label in enumerate(("22:00", "07:30")):
        x = 280 + 180 * k
        _rrect(img, x, 610, x + 150, 650, 8, (255, 255, 255))
        cv2.rectangle(img, (x, 610), (x + 150, 650), (210, 214, 220), 1)
        _text(img, label, x + 14, 637, 14, (40, 42, 46))
    _rrect(img, 1040, 720, 1240, 764, 10, (52, 120, 246))
    _text(img, "Save changes", 1078, 748, 14, _WHITE, 1, _DUPLEX)
    _rrect(img, 900, 720, 1024, 764, 10, (232, 234, 238))
    _text(img, "Cancel", 930, 748, 14, (60, 64, 70))
    return img


def _screenshot_dashboard() -> np.ndarray:
    """A dark analytics dashboard: cards, a line chart, a bar list."""
    w, h = 1024, 640
    img = _canvas(w, h, (18, 20, 26))
    cv2.rectangle(img, (0, 0), (64, h), (26, 29, 37), -1)
    for k in range(6):
        colour = (90, 200, 160) if k == 1 else (90, 96, 110)
        _rrect(img, 18, 80 + 56 * k, 46, 108 + 56 * k, 7, colour)
    _text(img, "Overview", 92, 50, 24, (236, 238, 242), 2, _DUPLEX)
    _text(img, "Last 30 days", 860, 48, 13, (150, 156, 170))
    cards = [("Visitors", "48,210", "+12.4%"), ("Sign-ups", "1,973", "+3.1%"),
             ("Revenue", "$82.4k", "-0.8%"), ("Churn", "2.14%", "-0.3%")]
    for k, (label, value, delta) in enumerate(cards):
        x = 92 + 230 * k
        _rrect(img, x, 76, x + 212, 176, 12, (30, 33, 43))
        _text(img, label, x + 16, 104, 12, (150, 156, 170))
        _text(img, value, x + 16, 146, 26, (240, 242, 246), 2)
        good = delta.startswith("+") or label == "Churn"
        _text(img, delta, x + 140, 104, 12, (90, 200, 160) if good else (240, 100, 100))
    _rrect(img, 92, 196, 690, 610, 12, (30, 33, 43))
    _text(img, "Sessions", 112, 228, 15, (230, 232, 236), 1, _DUPLEX)
    for k in range(5):
        y = 270 + 70 * k
        cv2.line(img, (112, y), (670, y), (48, 52, 64), 1)
    xs = np.linspace(112, 670, 31)
    t = np.linspace(0, 1, 31)
    ys_a = 520 - 170 * (0.5 + 0.35 * np.sin(7 * t) * np.exp(-t) + 0.4 * t)
    ys_b = 540 - 120 * (0.4 + 0.3 * np.cos(5 * t + 1) + 0.3 * t)
    pts_a = np.stack([xs, ys_a], 1).astype(np.int32)
    pts_b = np.stack([xs, ys_b], 1).astype(np.int32)
    fill = np.concatenate([pts_a, [[670, 580], [112, 580]]]).astype(np.int32)
    layer = img.copy()
    cv2.fillPoly(layer, [fill], (60, 140, 120), cv2.LINE_AA)
    img[:] = _u8(img * 0.75 + layer * 0.25)
    cv2.polylines(img, [pts_a], False, (90, 200, 160), 2, cv2.LINE_AA)
    cv2.polylines(img, [pts_b], False, (120, 140, 250), 2, cv2.LINE_AA)
    _rrect(img, 710, 196, 994, 610, 12, (30, 33, 43))
    _text(img, "Top pages", 730, 228, 15, (230, 232, 236), 1, _DUPLEX)
    pages = [("/pricing", 0.92), ("/blog/launch", 0.71), ("/docs", 0.55), ("/about", 0.33),
             ("/careers", 0.21), ("/status", 0.12)]
    for k, (page, frac) in enumerate(pages):
        y = 262 + 56 * k
        _text(img, page, 730, y, 12, (190, 194, 204))
        _rrect(img, 730, y + 10, 974, y + 22, 6, (44, 48, 60))
        _rrect(img, 730, y + 10, 730 + int(244 * frac), y + 22, 6, (120, 140, 250))
    return img


def _graphic_infographic() -> np.ndarray:
    """A flat infographic: header band, bar chart, donut chart, icons and figures."""
    w, h = 900, 1200
    img = _canvas(w, h, (250, 246, 238))
    cv2.rectangle(img, (0, 0), (w, 170), (28, 52, 94), -1)
    _text(img, "CITY CYCLING 2026", 48, 84, 40, _WHITE, 3, _DUPLEX)
    _text(img, "How a city of 600,000 gets around", 50, 130, 18, (190, 210, 240), 1)
    colours = [(230, 90, 70), (245, 170, 60), (80, 170, 120), (70, 130, 200), (150, 100, 190)]
    labels = ["Bike", "Bus", "Walk", "Car", "Tram"]
    values = [34, 22, 18, 17, 9]
    _text(img, "Share of trips (%)", 48, 230, 22, (40, 40, 50), 2, _DUPLEX)
    for k, (lab, val, col) in enumerate(zip(labels, values, colours, strict=True)):
        y = 270 + 70 * k
        _text(img, lab, 48, y + 36, 18, (60, 60, 70), 1)
        cv2.rectangle(img, (150, y + 8), (150 + val * 18, y + 48), col, -1)
        _text(img, f"{val}%", 160 + val * 18, y + 38, 18, (60, 60, 70), 2)
    cx, cy, r = 450, 860, 180
    start = -90.0
    for val, col in zip(values, colours, strict=True):
        end = start + 360.0 * val / 100.0
        cv2.ellipse(img, (cx, cy), (r, r), 0, start, end, col, -1, cv2.LINE_AA)
        start = end
    cv2.circle(img, (cx, cy), r // 2, (250, 246, 238), -1, cv2.LINE_AA)
    _text(img, "100%", cx - 44, cy + 12, 26, (40, 40, 50), 2, _DUPLEX)
    for k, col in enumerate(colours):
        x = 80 + 160 * k
        cv2.circle(img, (x, 1110), 26, col, -1, cv2.LINE_AA)
        cv2.circle(img, (x, 1110), 10, _WHITE, -1, cv2.LINE_AA)
        _text(img, labels[k], x - 22, 1164, 14, (60, 60, 70))
    cv2.line(img, (48, 640), (852, 640), (210, 200, 185), 2)
    return img


def _graphic_logo() -> np.ndarray:
    """A logo: gradient disc, geometric mark, wordmark, on white."""
    w, h = 600, 600
    img = _canvas(w, h, _WHITE)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    d = np.hypot(xx - 300, yy - 250)
    t = np.clip((xx + yy) / (w + h), 0, 1)[:, :, None]
    grad = np.array([255, 94, 98], np.float32) * (1 - t) + np.array([255, 195, 70], np.float32) * t
    a = np.clip(170.5 - d, 0, 1)[:, :, None]
    img = _u8(img.astype(np.float32) * (1 - a) + grad * a)
    tri = np.array([[300, 140], [395, 310], [205, 310]], np.int32)
    cv2.fillConvexPoly(img, tri, _WHITE, cv2.LINE_AA)
    cv2.circle(img, (300, 258), 34, (255, 140, 84), -1, cv2.LINE_AA)
    cv2.ellipse(img, (300, 250), (230, 230), 0, 200, 340, (40, 44, 60), 6, cv2.LINE_AA)
    word = "SUNPEAK"
    tw = _text_width(word, 56, 4, _DUPLEX)
    _text(img, word, (w - tw) // 2, 500, 56, (40, 44, 60), 4, _DUPLEX)
    tag = "outdoor gear since 1987"
    tw2 = _text_width(tag, 18, 1)
    _text(img, tag, (w - tw2) // 2, 545, 18, (120, 124, 140), 1)
    return _c(img)


def images() -> list[tuple[str, str, np.ndarray]]:
    """The 28 held-out images: (name, image_class, rgb uint8 C-contiguous)."""
    out: list[tuple[str, str, np.ndarray]] = []
    for name, rgb in _photo_images():
        out.append((name, "photo", _c(rgb)))
    for name, rgb in _generated_images():
        out.append((name, "generated", _c(rgb)))
    out.append(("s_settings_light", "screenshot", _c(_screenshot_settings())))
    out.append(("s_dashboard_dark", "screenshot", _c(_screenshot_dashboard())))
    out.append(("gr_infographic", "graphic", _c(_graphic_infographic())))
    out.append(("gr_logo", "graphic", _c(_graphic_logo())))
    return out


# --------------------------------------------------------------------------------------------
# overlays


def _caption_bar(rgb: np.ndarray) -> np.ndarray:
    h, w = rgb.shape[:2]
    bar = max(12, round(h * 0.12))
    layer = _c(rgb)
    mask = np.zeros((h, w), np.uint8)
    cv2.rectangle(layer, (0, h - bar), (w, h), (10, 10, 12), -1)
    cv2.rectangle(mask, (0, h - bar), (w, h), 255, -1)
    out = _blend_layer(rgb, layer, mask, 0.62)
    px = bar * 0.38
    y = h - bar // 2 + round(px / 2)
    text = "Harbour at sunset - photo: M. Okafor"
    _text(out, text, round(w * 0.03), y, px, _WHITE, max(1, round(px / 14)))
    return out


def _caption_above_white(rgb: np.ndarray) -> np.ndarray:
    h, w = rgb.shape[:2]
    out = _pad(rgb, 0.18, 0.0, 0.0, 0.0, colour=_WHITE)
    band = out.shape[0] - h
    px = min(band * 0.32, w / 22.0)
    thick = max(1, round(px / 12))
    _text(out, "when the weekend finally arrives", round(w * 0.04), round(band * 0.45), px,
          (20, 20, 20), thick)
    _text(out, "(and it rains)", round(w * 0.04), round(band * 0.85), px, (20, 20, 20), thick)
    return out


def _meme_text(rgb: np.ndarray) -> np.ndarray:
    out = _c(rgb)
    h, w = out.shape[:2]
    for text, yfrac in (("ONE DOES NOT SIMPLY", 0.14), ("CROP THIS PICTURE", 0.95)):
        px = w / 14.0
        thick = max(2, round(px / 8))
        tw = _text_width(text, px, thick, _DUPLEX)
        while tw > w * 0.94 and px > 6:
            px *= 0.9
            thick = max(2, round(px / 8))
            tw = _text_width(text, px, thick, _DUPLEX)
        x, y = (w - tw) // 2, round(h * yfrac)
        _text(out, text, x, y, px, _BLACK, thick * 3, _DUPLEX)
        _text(out, text, x, y, px, _WHITE, thick, _DUPLEX)
    return out


def _logo_corner(rgb: np.ndarray) -> np.ndarray:
    h, w = rgb.shape[:2]
    s = max(8, round(min(h, w) * 0.11))
    cx, cy = w - round(s * 1.5), h - round(s * 1.4)
    layer = _c(rgb)
    mask = np.zeros((h, w), np.uint8)
    for img, col in ((layer, _WHITE), (mask, (255,))):
        cv2.circle(img, (cx, cy), s, col, max(1, s // 8), cv2.LINE_AA)
        tri = np.array([[cx, cy - s // 2], [cx + s // 2, cy + s // 3], [cx - s // 2, cy + s // 3]])
        cv2.fillConvexPoly(img, tri.astype(np.int32), col, cv2.LINE_AA)
        _text(img, "LUMEN", cx - s * 4, cy + s // 4, s * 0.55, col, max(1, s // 12), _DUPLEX)
    return _blend_layer(rgb, layer, mask, 0.55)


def _tiled_text(rgb: np.ndarray) -> np.ndarray:
    h, w = rgb.shape[:2]
    side = int(math.hypot(w, h)) + 4
    mask = np.zeros((side, side), np.uint8)
    px = max(10.0, min(w, h) / 16.0)
    step_y = round(px * 3.2)
    for row, y in enumerate(range(0, side, step_y)):
        x = -round(px * 4) * (row % 2)
        while x < side:
            _text(mask, "(c) stockpix", x, y, px, (255,), max(1, round(px / 10)))
            x += round(px * 11)
    m = cv2.getRotationMatrix2D((side / 2, side / 2), 30, 1.0)
    m[0, 2] -= (side - w) / 2
    m[1, 2] -= (side - h) / 2
    mask = cv2.warpAffine(mask, m, (w, h), flags=cv2.INTER_LINEAR)
    layer = np.full_like(rgb, 255)
    return _blend_layer(rgb, layer, mask, 0.3)


def _stickers(rgb: np.ndarray) -> np.ndarray:
    out = _c(rgb)
    h, w = out.shape[:2]
    r = max(6, round(min(h, w) * 0.09))
    _emoji(out, round(w * 0.16), round(h * 0.2), r, 0)
    _emoji(out, round(w * 0.8), round(h * 0.72), round(r * 1.3), 1)
    _emoji(out, round(w * 0.62), round(h * 0.15), round(r * 0.8), 2)
    _heart(out, round(w * 0.25), round(h * 0.78), round(r * 0.7), (235, 50, 90))
    return out


def _frame(rgb: np.ndarray) -> np.ndarray:
    out = _c(rgb)
    h, w = out.shape[:2]
    t = max(2, round(min(h, w) * 0.035))
    cv2.rectangle(out, (0, 0), (w - 1, h - 1), (196, 160, 80), t * 2)
    cv2.rectangle(out, (t, t), (w - 1 - t, h - 1 - t), (120, 90, 40), max(1, t // 3))
    cv2.rectangle(out, (2 * t, 2 * t), (w - 1 - 2 * t, h - 1 - 2 * t), _WHITE, max(1, t // 4))
    for x, y in ((t, t), (w - 1 - t, t), (t, h - 1 - t), (w - 1 - t, h - 1 - t)):
        cv2.circle(out, (x, y), t, (150, 110, 50), -1, cv2.LINE_AA)
    return out


def _pad_blur_copy(rgb: np.ndarray, frac: float) -> np.ndarray:
    h, w = rgb.shape[:2]
    t, le = round(h * frac), round(w * frac)
    cw, ch = w + 2 * le, h + 2 * t
    bg = _c(_brightness(_soft_background(rgb, cw, ch, 35.0), -25))
    _paste(bg, rgb, le, t)
    return bg


# --------------------------------------------------------------------------------------------
# screen captures


def _capture(screen: np.ndarray, scale: float, fmt: str, quality: int = 90, sub: int = 2):
    if scale != 1.0:
        interp = cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
        screen = _scale(screen, scale, scale, interp)
    if fmt == "jpeg":
        return _jpeg(screen, quality, sub)
    return _png(screen)


def _screen_browser_light(rgb: np.ndarray) -> np.ndarray:
    w, h = 1366, 768
    s = _canvas(w, h, _WHITE)
    cv2.rectangle(s, (0, 0), (w, 38), (222, 225, 230), -1)
    _rrect(s, 8, 6, 250, 38, 8, _WHITE)
    _text(s, "Travel journal - Day 4", 24, 27, 12, (40, 42, 46))
    _rrect(s, 256, 6, 470, 38, 8, (232, 234, 238))
    _text(s, "Maps", 272, 27, 12, (90, 94, 100))
    cv2.rectangle(s, (0, 38), (w, 80), (255, 255, 255), -1)
    cv2.line(s, (0, 80), (w, 80), (218, 220, 224), 1)
    for k in range(3):
        cv2.circle(s, (22 + 30 * k, 59), 7, (120, 124, 130), 1, cv2.LINE_AA)
    _rrect(s, 120, 45, 1180, 73, 14, (241, 243, 244))
    _text(s, "https://journal.example.org/2026/12/day-4", 146, 65, 12, (60, 64, 70))
    _text(s, "Day 4: the long walk", 233, 128, 28, (20, 20, 24), 2, _DUPLEX)
    _lines(s, 233, 148, 900, 2, 22, 9, (200, 202, 206), 41)
    x, y, iw, ih = _place(s, rgb, (233, 206, 900, 500), allow_up=False, interp=cv2.INTER_LINEAR)
    _text(s, "Morning light on the ridge.", x, min(h - 8, y + ih + 24), 12, (110, 114, 120))
    cv2.rectangle(s, (w - 12, 82), (w, h), (245, 245, 245), -1)
    _rrect(s, w - 10, 100, w - 3, 300, 3, (190, 190, 194))
    return _capture(s, 1.0, "png")


def _screen_gallery_dark(rgb: np.ndarray) -> np.ndarray:
    w, h = 1280, 800
    s = _canvas(w, h, (24, 24, 26))
    cv2.rectangle(s, (0, 0), (w, 48), (36, 36, 40), -1)
    _text(s, "Photos", 20, 32, 16, (235, 235, 240), 1, _DUPLEX)
    _text(s, "IMG_2047.JPG  -  3 of 128", 520, 32, 13, (170, 170, 178))
    for k in range(4):
        cv2.circle(s, (1120 + 40 * k, 24), 9, (170, 170, 178), 2, cv2.LINE_AA)
    _place(s, rgb, (70, 60, 1140, 620))
    cv2.rectangle(s, (0, 700), (w, h), (30, 30, 33), -1)
    thumb = _cover(rgb, 72, 72)
    for k in range(13):
        x = 100 + 84 * k
        if k == 6:
            _paste(s, thumb, x, 714)
            cv2.rectangle(s, (x - 3, 711), (x + 75, 789), (240, 240, 245), 2)
        else:
            shade = 50 + (k * 37) % 60
            cv2.rectangle(s, (x, 714), (x + 72, 786), (shade, shade + 4, shade + 12), -1)
    _text(s, "<", 22, 390, 30, (200, 200, 205), 2)
    _text(s, ">", 1240, 390, 30, (200, 200, 205), 2)
    return _capture(s, 0.8, "jpeg", 85, 2)


def _screen_phone_feed(rgb: np.ndarray) -> np.ndarray:
    w, h = 1080, 2340
    s = _canvas(w, h, _WHITE)
    _text(s, "9:41", 60, 70, 30, (10, 10, 10), 2)
    _rrect(s, 930, 46, 1010, 78, 8, (10, 10, 10))
    _text(s, "picturegram", 50, 190, 52, (10, 10, 10), 3, _DUPLEX)
    _heart(s, 900, 150, 22, (10, 10, 10))
    cv2.line(s, (0, 240), (w, 240), (230, 230, 230), 2)
    cv2.circle(s, (90, 320), 44, (230, 120, 80), -1, cv2.LINE_AA)
    cv2.circle(s, (90, 320), 36, _WHITE, -1, cv2.LINE_AA)
    cv2.circle(s, (90, 320), 30, (120, 160, 210), -1, cv2.LINE_AA)
    _text(s, "alex.wanders", 160, 318, 28, (10, 10, 10), 2)
    _text(s, "Lisbon, Portugal", 160, 356, 22, (90, 90, 90))
    ih, iw = rgb.shape[:2]
    aspect = min(max(ih / iw, 1 / 1.91), 1.25)
    if ih / iw > aspect:
        shown = _crop_centre(rgb, 1.0, iw * aspect / ih)
    else:
        shown = _crop_centre(rgb, ih / aspect / iw, 1.0)
    shown = _resize(shown, w, round(w * aspect), cv2.INTER_LINEAR)
    top = 400
    _paste(s, shown, 0, top)
    y = top + shown.shape[0] + 70
    _heart(s, 80, y - 20, 26, (237, 73, 86))
    cv2.circle(s, (190, y - 6), 30, (10, 10, 10), 4, cv2.LINE_AA)
    cv2.line(s, (260, y - 30), (320, y), (10, 10, 10), 4, cv2.LINE_AA)
    _text(s, "1,284 likes", 50, y + 80, 28, (10, 10, 10), 2)
    _text(s, "alex.wanders  golden hour never gets old", 50, y + 140, 26, (20, 20, 20))
    _text(s, "View all 86 comments", 50, y + 196, 24, (140, 140, 140))
    cv2.rectangle(s, (0, h - 150), (w, h), (250, 250, 250), -1)
    for k in range(5):
        cv2.circle(s, (108 + 216 * k, h - 80), 24, (20, 20, 20), 3, cv2.LINE_AA)
    return _capture(s, 1.0, "png")


def _screen_pdf_viewer(rgb: np.ndarray) -> np.ndarray:
    w, h = 1600, 1000
    s = _canvas(w, h, (82, 86, 89))
    cv2.rectangle(s, (0, 0), (w, 56), (50, 54, 57), -1)
    _text(s, "annual_report_2026.pdf", 24, 36, 15, (240, 240, 240))
    _text(s, "7 / 42", 760, 36, 15, (220, 220, 220))
    _text(s, "- 100% +", 860, 36, 15, (220, 220, 220))
    px0, py0, pw, ph = 450, 80, 700, 906
    cv2.rectangle(s, (px0 + 4, py0 + 4), (px0 + pw + 4, py0 + ph + 4), (60, 62, 64), -1)
    cv2.rectangle(s, (px0, py0), (px0 + pw, py0 + ph), _WHITE, -1)
    _text(s, "3. Field work", px0 + 60, py0 + 80, 24, (20, 20, 20), 2, _DUPLEX)
    _lines(s, px0 + 60, py0 + 110, 580, 5, 22, 8, (150, 150, 150), 77)
    x, y, iw, ih = _place(s, rgb, (px0 + 70, py0 + 230, 560, 420))
    _text(s, "Figure 4. Site overview.", px0 + 70, y + ih + 26, 13, (80, 80, 80))
    _lines(s, px0 + 60, y + ih + 60, 580, 6, 22, 8, (150, 150, 150), 78)
    cv2.rectangle(s, (0, 56), (200, h), (62, 66, 69), -1)
    for k in range(4):
        cv2.rectangle(s, (40, 90 + 200 * k), (160, 245 + 200 * k), (235, 235, 235), -1)
    cv2.rectangle(s, (36, 86 + 200 * 3), (164, 249 + 200 * 3), (138, 180, 248), 3)
    return _capture(s, 1.25, "jpeg", 90, 0)


def _screen_slides(rgb: np.ndarray) -> np.ndarray:
    w, h = 1920, 1080
    s = _canvas(w, h, (252, 252, 250))
    cv2.rectangle(s, (0, 0), (w, 16), (0, 120, 110), -1)
    _text(s, "Quarterly field results", 110, 170, 58, (30, 34, 40), 3, _DUPLEX)
    cv2.line(s, (112, 205), (520, 205), (0, 120, 110), 5)
    bullets = ["Coverage up 18% on Q3", "Two new survey sites", "Imagery now weekly",
               "Costs flat year on year"]
    for k, b in enumerate(bullets):
        y = 330 + 110 * k
        cv2.circle(s, (130, y - 14), 9, (0, 120, 110), -1, cv2.LINE_AA)
        _text(s, b, 160, y, 34, (50, 54, 60), 2)
    _place(s, rgb, (980, 240, 840, 720))
    _text(s, "12", 1820, 1040, 22, (150, 150, 150))
    return _capture(_resize(s, 1280, 720, cv2.INTER_AREA), 1.0, "png")


def _screen_video_player(rgb: np.ndarray) -> np.ndarray:
    w, h = 1280, 720
    s = _canvas(w, h, (0, 0, 0))
    _place(s, rgb, (0, 0, w, h))
    ramp = np.linspace(0.0, 0.75, 140, dtype=np.float32)[:, None, None]
    s[h - 140 :] = _u8(s[h - 140 :].astype(np.float32) * (1 - ramp))
    cv2.rectangle(s, (24, h - 64), (w - 24, h - 58), (120, 120, 120), -1)
    cv2.rectangle(s, (24, h - 64), (24 + int((w - 48) * 0.37), h - 58), (230, 30, 30), -1)
    cv2.circle(s, (24 + int((w - 48) * 0.37), h - 61), 8, (230, 30, 30), -1, cv2.LINE_AA)
    tri = np.array([[30, h - 44], [30, h - 16], [54, h - 30]], np.int32)
    cv2.fillConvexPoly(s, tri, _WHITE, cv2.LINE_AA)
    _text(s, "4:12 / 11:20", 84, h - 22, 15, _WHITE)
    _rrect(s, w - 170, h - 44, w - 130, h - 18, 4, _WHITE)
    cv2.rectangle(s, (w - 90, h - 44), (w - 40, h - 16), _WHITE, 2)
    _text(s, "Coastal walks, episode 3", 24, 44, 20, _WHITE, 1, _DUPLEX)
    return _capture(s, 1.0, "jpeg", 80, 2)


def _screen_chat_dark(rgb: np.ndarray) -> np.ndarray:
    w, h = 1170, 2532
    bg = (11, 20, 26)
    s = _canvas(w, h, bg)
    cv2.rectangle(s, (0, 0), (w, 260), (31, 44, 52), -1)
    _text(s, "9:41", 80, 90, 36, _WHITE, 2)
    cv2.circle(s, (190, 190), 48, (100, 140, 160), -1, cv2.LINE_AA)
    _text(s, "Sam (Climbing club)", 270, 184, 36, (235, 240, 242), 2)
    _text(s, "online", 270, 228, 26, (140, 160, 170))
    _rrect(s, 60, 330, 760, 450, 28, (32, 44, 51))
    _text(s, "did you get the photos from sunday?", 96, 402, 30, (230, 234, 236))
    bubble_w = 820
    ih, iw = rgb.shape[:2]
    dw, dh = _fit_size(iw, ih, bubble_w - 24, 1100)
    shown = _resize(rgb, dw, dh, cv2.INTER_LINEAR)
    shown = _round_corners(shown, 30, (0, 92, 75))
    bx1 = w - 50
    bx0 = bx1 - dw - 24
    by0 = 510
    _rrect(s, bx0, by0, bx1, by0 + dh + 90, 36, (0, 92, 75))
    _paste(s, shown, bx0 + 12, by0 + 12)
    _text(s, "here you go!  10:24", bx0 + 30, by0 + dh + 64, 28, (220, 240, 232))
    cv2.rectangle(s, (0, h - 180), (w, h), (31, 44, 52), -1)
    _rrect(s, 40, h - 150, w - 160, h - 70, 40, (42, 57, 66))
    _text(s, "Message", 90, h - 98, 30, (130, 150, 160))
    cv2.circle(s, (w - 90, h - 110), 46, (0, 168, 132), -1, cv2.LINE_AA)
    return _capture(s, 0.6, "jpeg", 75, 2)


def _screen_email_light(rgb: np.ndarray) -> np.ndarray:
    w, h = 1440, 900
    s = _canvas(w, h, _WHITE)
    cv2.rectangle(s, (0, 0), (220, h), (243, 246, 252), -1)
    _rrect(s, 16, 20, 180, 70, 18, (194, 231, 255))
    _text(s, "Compose", 52, 52, 15, (20, 40, 60), 1, _DUPLEX)
    for k, f in enumerate(["Inbox  12", "Starred", "Sent", "Drafts  2", "Spam"]):
        if k == 0:
            _rrect(s, 8, 96 + 40 * k, 212, 128 + 40 * k, 16, (211, 227, 253))
        _text(s, f, 40, 118 + 40 * k, 13, (40, 44, 50))
    cv2.rectangle(s, (220, 0), (560, h), (250, 250, 252), -1)
    cv2.line(s, (560, 0), (560, h), (225, 227, 232), 1)
    senders = ["Grandma", "Team lead", "Bank", "Newsletter", "Airline", "Ravi"]
    for k, name in enumerate(senders):
        y = 30 + 84 * k
        if k == 0:
            cv2.rectangle(s, (220, y - 24), (560, y + 56), (232, 240, 254), -1)
        _text(s, name, 244, y + 4, 14, (30, 30, 34), 1, _DUPLEX)
        _lines(s, 244, y + 20, 290, 2, 18, 7, (190, 192, 198), 300 + k)
    _text(s, "Photos from the garden", 600, 60, 24, (24, 26, 30), 2, _DUPLEX)
    cv2.circle(s, (620, 112), 20, (200, 120, 160), -1, cv2.LINE_AA)
    _text(s, "Grandma <nana@example.net>", 652, 118, 13, (70, 74, 80))
    _lines(s, 600, 160, 700, 2, 24, 9, (170, 172, 178), 99)
    x, y, iw, ih = _place(s, rgb, (600, 230, 720, 540), allow_up=False)
    _text(s, "Love, Nana x", 600, min(h - 12, y + ih + 40), 14, (40, 44, 50))
    return _capture(s, 0.9, "png")


# --------------------------------------------------------------------------------------------
# attacks


def _flip_h(rgb: np.ndarray) -> np.ndarray:
    return _c(rgb[:, ::-1])


def _flip_v(rgb: np.ndarray) -> np.ndarray:
    return _c(rgb[::-1])


def _social(rgb: np.ndarray) -> np.ndarray:
    c = _crop_centre(rgb, 0.9, 0.9)
    h, w = c.shape[:2]
    c = _resize(c, 1080, round(h * 1080 / w))
    return _jpeg(c, 75, 2)


def _messaging(rgb: np.ndarray) -> np.ndarray:
    return _jpeg(_scale(rgb, 0.6), 60, 2)


def _limit_long(rgb: np.ndarray, side: int) -> np.ndarray:
    h, w = rgb.shape[:2]
    if max(h, w) <= side:
        return _c(rgb)
    s = side / max(h, w)
    return _scale(rgb, s)


def _forward_x3(rgb: np.ndarray) -> np.ndarray:
    x = _jpeg(_scale(rgb, 0.6), 60, 2)
    x = _jpeg(_limit_long(x, 1280), 63, 2)
    return _jpeg(_scale(x, 0.9), 58, 2)


def _webp_forward(rgb: np.ndarray) -> np.ndarray:
    x = _webp(_scale(rgb, 0.6), 65)
    return _jpeg(_limit_long(x, 1600), 70, 2)


def _story(rgb: np.ndarray) -> np.ndarray:
    x = _fit_frame(rgb, 1080, 1920, _BLACK, blur_bg=True)
    x = _stickers(x)
    return _jpeg(x, 80, 2)


def _unsharp(rgb: np.ndarray, sigma: float, amount: float) -> np.ndarray:
    blur = cv2.GaussianBlur(rgb, (0, 0), sigma).astype(np.float32)
    return _u8(rgb.astype(np.float32) * (1 + amount) - blur * amount)


def _pad_to_16x9(rgb: np.ndarray) -> np.ndarray:
    h, w = rgb.shape[:2]
    if w * 9 >= h * 16:
        nh = math.ceil(w * 9 / 16)
        t = (nh - h) // 2
        return _c(cv2.copyMakeBorder(rgb, t, nh - h - t, 0, 0, cv2.BORDER_CONSTANT, value=_BLACK))
    nw = math.ceil(h * 16 / 9)
    le = (nw - w) // 2
    return _c(cv2.copyMakeBorder(rgb, 0, 0, le, nw - w - le, cv2.BORDER_CONSTANT, value=_BLACK))


def _attack_table() -> list[tuple[str, Attack]]:
    inter_lin = cv2.INTER_LINEAR
    lanczos = Image.Resampling.LANCZOS

    def keep_size(fn: Attack) -> Attack:
        def run(rgb: np.ndarray) -> np.ndarray:
            h, w = rgb.shape[:2]
            return _resize(fn(rgb), w, h)

        return run

    def shrink_then(rgb: np.ndarray, f: float, interp: int, up: int) -> np.ndarray:
        h, w = rgb.shape[:2]
        small = _scale(rgb, f, f, interp)
        return _resize(small, w, h, up)

    table: list[tuple[str, Attack]] = [
        ("none", lambda x: _c(x)),
        # flips
        ("flip_h", _flip_h),
        ("flip_v", _flip_v),
        # stretches, squashes, aspect ratio
        ("stretch_w110", lambda x: _scale(x, 1.10, 1.0)),
        ("squash_h85", lambda x: _scale(x, 1.0, 0.85)),
        ("stretch_w118_h112", lambda x: _scale(x, 1.18, 1.12)),
        ("squash_w82_h88", lambda x: _scale(x, 0.82, 0.88)),
        ("aspect_w108_h092", lambda x: _scale(x, 1.08, 0.92)),
        ("aspect_w090_h115", lambda x: _scale(x, 0.90, 1.15, inter_lin)),
        # crops
        ("crop_centre_90", lambda x: _crop_centre(x, 0.90)),
        ("crop_centre_52", lambda x: _crop_centre(x, 0.52)),
        ("crop_off_80x75", lambda x: _crop(x, 0.17, 0.06, 0.80, 0.75)),
        ("crop_tl_60", lambda x: _crop(x, 0.0, 0.0, 0.60, 0.60)),
        ("crop_br_78x66", lambda x: _crop(x, 0.22, 0.34, 0.78, 0.66)),
        ("crop_right_side_86", lambda x: _crop(x, 0.0, 0.0, 0.86, 1.0)),
        ("crop_top_bottom_88", lambda x: _crop(x, 0.0, 0.07, 1.0, 0.88)),
        ("crop_centre_82_back", keep_size(lambda x: _crop_centre(x, 0.82))),
        ("crop_bl_64_back", keep_size(lambda x: _crop(x, 0.0, 0.36, 0.64, 0.64))),
        ("crop_off_94x91_back", keep_size(lambda x: _crop(x, 0.05, 0.02, 0.94, 0.91))),
        # rotations
        ("rot_p2_black", lambda x: _rotate(x, 2.0, "black")),
        ("rot_m5_white", lambda x: _rotate(x, -5.0, "white")),
        ("rot_p10_reflect", lambda x: _rotate(x, 10.0, "reflect")),
        ("rot_m8_expand_black", lambda x: _rotate(x, -8.0, "black", expand=True)),
        ("rot_p4_expand_white", lambda x: _rotate(x, 4.0, "white", expand=True)),
        ("rot_m3_inner", lambda x: _rotate(x, -3.0, inner=True)),
        ("rot_p7_inner_back", lambda x: _rotate(x, 7.0, inner=True, back=True)),
        ("rot_m10_inner_back", lambda x: _rotate(x, -10.0, inner=True, back=True)),
        # padding and borders
        ("pad_black_10", lambda x: _pad(x, 0.10, 0.10, 0.10, 0.10)),
        ("pad_white_uneven", lambda x: _pad(x, 0.04, 0.18, 0.02, 0.09, colour=_WHITE)),
        ("pad_reflect_12", lambda x: _pad(x, 0.12, 0.12, 0.12, 0.12, "reflect")),
        ("pad_blur_copy_20", lambda x: _pad_blur_copy(x, 0.20)),
        ("border_red_4", lambda x: _pad(x, 0.04, 0.04, 0.04, 0.04, colour=(200, 30, 40))),
        ("pad_teal_left_top", lambda x: _pad(x, 0.15, 0.0, 0.08, 0.0, colour=(0, 128, 128))),
        # overlays
        ("caption_bar_bottom", _caption_bar),
        ("caption_above_white", _caption_above_white),
        ("meme_text", _meme_text),
        ("logo_corner_alpha", _logo_corner),
        ("text_tiled_alpha", _tiled_text),
        ("stickers_emoji", _stickers),
        ("frame_gold", _frame),
        # letterbox, pillarbox, fit to frame
        ("fit_1920x1080_black", lambda x: _fit_frame(x, 1920, 1080, _BLACK)),
        ("fit_1080x1920_black", lambda x: _fit_frame(x, 1080, 1920, _BLACK)),
        ("fit_1080x1080_white", lambda x: _fit_frame(x, 1080, 1080, _WHITE)),
        ("pad_to_16x9_black", _pad_to_16x9),
        # codecs
        ("jpeg_95_444", lambda x: _jpeg(x, 95, 0)),
        ("jpeg_88_420", lambda x: _jpeg(x, 88, 2)),
        ("jpeg_76_420", lambda x: _jpeg(x, 76, 2)),
        ("jpeg_55_444", lambda x: _jpeg(x, 55, 0)),
        ("jpeg_42_420", lambda x: _jpeg(x, 42, 2)),
        ("jpeg_30_420", lambda x: _jpeg(x, 30, 2)),
        ("webp_90", lambda x: _webp(x, 90)),
        ("webp_72", lambda x: _webp(x, 72)),
        ("webp_50", lambda x: _webp(x, 50)),
        # scaling
        ("down_75_area", lambda x: _scale(x, 0.75, 0.75, cv2.INTER_AREA)),
        ("down_50_area", lambda x: _scale(x, 0.5, 0.5, cv2.INTER_AREA)),
        ("down_35_lanczos", lambda x: _pil_resize(
            x, x.shape[1] * 0.35, x.shape[0] * 0.35, lanczos)),
        ("down_up_50", lambda x: shrink_then(x, 0.5, cv2.INTER_AREA, cv2.INTER_CUBIC)),
        ("down_up_40_bilinear", lambda x: shrink_then(x, 0.4, inter_lin, inter_lin)),
        ("up_160_lanczos", lambda x: _pil_resize(
            x, x.shape[1] * 1.6, x.shape[0] * 1.6, lanczos)),
        # screen captures
        ("screen_browser_light_png", _screen_browser_light),
        ("screen_gallery_dark_jpeg", _screen_gallery_dark),
        ("screen_phone_feed_png", _screen_phone_feed),
        ("screen_pdf_viewer_hidpi_jpeg", _screen_pdf_viewer),
        ("screen_slides_720p_png", _screen_slides),
        ("screen_video_player_jpeg", _screen_video_player),
        ("screen_chat_dark_jpeg", _screen_chat_dark),
        ("screen_email_light_png", _screen_email_light),
        # filters
        ("blur_gauss_1", lambda x: _c(cv2.GaussianBlur(x, (0, 0), 1.0))),
        ("blur_gauss_2_5", lambda x: _c(cv2.GaussianBlur(x, (0, 0), 2.5))),
        ("sharpen_unsharp", lambda x: _unsharp(x, 2.0, 1.0)),
        ("median_3", lambda x: _c(cv2.medianBlur(_c(x), 3))),
        ("median_5", lambda x: _c(cv2.medianBlur(_c(x), 5))),
        ("noise_gauss_7", lambda x: _noise(x, 7.0, "noise_gauss_7")),
        ("noise_gauss_15", lambda x: _noise(x, 15.0, "noise_gauss_15")),
        ("denoise_nlmeans", lambda x: _c(
            cv2.fastNlMeansDenoisingColored(_c(x), None, 5, 5, 5, 11))),
        # tone
        ("bright_p28", lambda x: _brightness(x, 28)),
        ("bright_m35", lambda x: _brightness(x, -35)),
        ("contrast_135", lambda x: _contrast(x, 1.35)),
        ("contrast_72", lambda x: _contrast(x, 0.72)),
        ("gamma_0_7", lambda x: _gamma(x, 0.7)),
        ("saturation_165", lambda x: _saturation(x, 1.65)),
        ("greyscale", _greyscale),
        ("sepia", _sepia),
        ("temp_warm", lambda x: _temperature(x, 0.12)),
        ("temp_cool", lambda x: _temperature(x, -0.12)),
        # combinations
        ("social_crop90_w1080_jpeg75", _social),
        ("msg_r060_jpeg60", _messaging),
        ("msg_forward_x3", _forward_x3),
        ("msg_r060_webp65_fwd_jpeg70", _webp_forward),
        ("combo_flip_crop85_jpeg80", lambda x: _jpeg(_crop_centre(_flip_h(x), 0.85), 80)),
        ("combo_rot3_inner_back_jpeg70", lambda x: _jpeg(
            _rotate(x, 3.0, inner=True, back=True), 70)),
        ("combo_stretch108_pad_white_webp75", lambda x: _webp(
            _pad(_scale(x, 1.08, 1.0), 0.06, 0.06, 0.03, 0.03, colour=_WHITE), 75)),
        ("combo_gamma08_sat130_jpeg65", lambda x: _jpeg(
            _saturation(_gamma(x, 0.8), 1.3), 65)),
        ("combo_caption_down50_jpeg70", lambda x: _jpeg(_scale(_caption_bar(x), 0.5), 70)),
        ("combo_blur1_noise5_jpeg85", lambda x: _jpeg(
            _noise(_c(cv2.GaussianBlur(x, (0, 0), 1.0)), 5.0, "combo_blur1_noise5"), 85)),
        ("combo_grey_fit16x9_jpeg60_444", lambda x: _jpeg(
            _fit_frame(_greyscale(x), 1280, 720, _BLACK), 60, 0)),
        ("combo_story_sticker_jpeg80", _story),
    ]
    return table


def attacks() -> list[tuple[str, Attack]]:
    """(name, fn): fn(rgb) -> a new C-contiguous uint8 (H', W', 3); the first is "none"."""
    return [(name, _wrap(fn)) for name, fn in _attack_table()]


def _wrap(fn: Attack) -> Attack:
    def run(rgb: np.ndarray) -> np.ndarray:
        src = _c(rgb)
        return _c(fn(src))

    return run


# --------------------------------------------------------------------------------------------
# unmarked images


_UNMARKED_SOURCES = (
    "astronaut.png", "chelsea.png", "coffee.png", "hubble_deep_field.jpg", "ihc.png",
    "motorcycle_left.png", "motorcycle_right.png", "retina.jpg", "rocket.jpg", "china.jpg",
    "flower.jpg", "camera.png", "coins.png", "moon.png", "brick.png", "grass.png",
    "gravel.png", "cell.png", "clock_motion.png",
)

_INTERPS = (cv2.INTER_AREA, cv2.INTER_LINEAR, cv2.INTER_CUBIC, cv2.INTER_LANCZOS4)


def _clip_dims(w: float, h: float) -> tuple[int, int]:
    return int(min(1100, max(96, round(w)))), int(min(1100, max(96, round(h))))


def _unmarked_photo(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    src_name = _UNMARKED_SOURCES[int(rng.integers(len(_UNMARKED_SOURCES)))]
    src = _sample(src_name)
    sh, sw = src.shape[:2]
    fw = rng.uniform(0.3, 1.0)
    fh = float(np.clip(fw * math.exp(rng.normal(0.0, 0.35)), 0.25, 1.0))
    cw, ch = max(8, round(sw * fw)), max(8, round(sh * fh))
    x, y = int(rng.integers(0, sw - cw + 1)), int(rng.integers(0, sh - ch + 1))
    img = src[y : y + ch, x : x + cw]
    if rng.random() < 0.5:
        img = img[:, ::-1]
    if rng.random() < 0.12:
        img = img[::-1]
    long_side = rng.uniform(96, 1100)
    s = long_side / max(cw, ch)
    tw, th = _clip_dims(cw * s, ch * s)
    img = _resize(_c(img), tw, th, _INTERPS[int(rng.integers(len(_INTERPS)))])
    tag = src_name.split(".")[0]
    if rng.random() < 0.3:
        img = _gamma(img, float(rng.uniform(0.65, 1.5)))
        img = _brightness(img, float(rng.uniform(-20, 20)))
        tag += "_tone"
    if rng.random() < 0.15:
        sigma = float(rng.uniform(1.0, 8.0))
        img = _u8(img.astype(np.float32) + rng.normal(0, sigma, img.shape).astype(np.float32))
        tag += "_noise"
    if rng.random() < 0.3:
        img = _jpeg(img, int(rng.integers(60, 96)), 2)
        tag += "_jpeg"
    return tag, img


def _unmarked_one(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    u = rng.random()
    w, h = int(rng.integers(96, 1101)), int(rng.integers(96, 1101))
    if u < 0.72:
        return _unmarked_photo(rng)
    if u < 0.82:
        mean = rng.uniform(40, 215, 3)
        sigma = rng.uniform(3, 60)
        img = rng.normal(0, 1, (h, w, 3)).astype(np.float32)
        if rng.random() < 0.5:
            img = cv2.GaussianBlur(img, (0, 0), float(rng.uniform(0.8, 6.0)))
            img /= max(1e-6, float(img.std()))
        return "noise", _u8(mean.astype(np.float32) + img * np.float32(sigma))
    if u < 0.89:
        colour = rng.integers(0, 256, 3).astype(np.uint8)
        img = np.empty((h, w, 3), np.uint8)
        img[:] = colour
        return "flat", _c(img)
    c0 = rng.uniform(0, 255, 3).astype(np.float32)
    c1 = rng.uniform(0, 255, 3).astype(np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    if rng.random() < 0.7:
        angle = rng.uniform(0, 2 * math.pi)
        t = xx * math.cos(angle) + yy * math.sin(angle)
        kind = "gradient_linear"
    else:
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        t = np.hypot(xx - cx, yy - cy)
        kind = "gradient_radial"
    t = (t - t.min()) / max(1e-6, float(t.max() - t.min()))
    img = c0[None, None, :] * (1 - t[:, :, None]) + c1[None, None, :] * t[:, :, None]
    if rng.random() < 0.5:
        img = img + rng.normal(0, 1.5, img.shape).astype(np.float32)
    return kind, _u8(img)


def unmarked(n: int = 10000, seed: int = 2026120802) -> Iterator[tuple[str, np.ndarray]]:
    """Never-marked images: item i depends only on default_rng([seed, i]) and the samples."""
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        kind, img = _unmarked_one(rng)
        yield f"unmarked_{i:05d}_{kind}", _c(img)


# --------------------------------------------------------------------------------------------
# edge cases


def edge_cases() -> list[tuple[str, np.ndarray]]:
    """Awkward but valid uint8 RGB arrays."""
    rng = np.random.default_rng(20261208)
    out: list[tuple[str, np.ndarray]] = []
    out.append(("tiny_1x1", np.full((1, 1, 3), (200, 30, 90), np.uint8)))
    out.append(("tiny_2x3", _c(rng.integers(0, 256, (3, 2, 3), dtype=np.uint8))))
    out.append(("tiny_7x5_photo", _resize(_sample("astronaut.png"), 7, 5)))
    out.append(("small_16x16_photo", _resize(_sample("chelsea.png"), 16, 16)))
    out.append(("small_33x65_photo", _resize(_sample("coffee.png"), 33, 65)))
    out.append(("small_95x95_photo", _resize(_sample("flower.jpg"), 95, 95)))
    out.append(("flat_black_512", np.zeros((512, 512, 3), np.uint8)))
    out.append(("flat_white_640x480", np.full((480, 640, 3), 255, np.uint8)))
    out.append(("flat_grey_300", np.full((300, 300, 3), 128, np.uint8)))
    out.append(("flat_red_257x129", np.full((129, 257, 3), (255, 0, 0), np.uint8)))
    stripes_v = np.zeros((512, 512, 3), np.uint8)
    stripes_v[:, ::2] = 255
    out.append(("stripes_v_1px_512", stripes_v))
    stripes_h = np.zeros((300, 400, 3), np.uint8)
    stripes_h[(np.arange(300) // 2) % 2 == 0] = (0, 90, 255)
    out.append(("stripes_h_2px_400x300", stripes_h))
    yy, xx = np.mgrid[0:256, 0:256]
    checker1 = (((xx + yy) % 2) * 255).astype(np.uint8)
    out.append(("checker_1px_256", _c(np.repeat(checker1[:, :, None], 3, axis=2))))
    yy, xx = np.mgrid[0:512, 0:512]
    checker16 = ((((xx // 16) + (yy // 16)) % 2) * 255).astype(np.uint8)
    out.append(("checker_16px_512", _c(np.repeat(checker16[:, :, None], 3, axis=2))))
    out.append(("wide_4000x24", _resize(_sample("china.jpg"), 4000, 24)))
    out.append(("tall_20x3000", _resize(_sample("rocket.jpg"), 20, 3000)))
    out.append(("line_1000x1", _resize(_sample("coffee.png"), 1000, 1)))
    out.append(("line_1x1000", _resize(_sample("coffee.png"), 1, 1000)))
    out.append(("panorama_3600x300", _resize(_sample("motorcycle_left.png"), 3600, 300)))
    out.append(("huge_4096x3072_photo", _resize(_sample("chelsea.png"), 4096, 3072,
                                                cv2.INTER_CUBIC)))
    out.append(("odd_1001x999_photo", _resize(_sample("hubble_deep_field.jpg"), 1001, 999)))
    out.append(("noise_uniform_517x333", _c(rng.integers(0, 256, (333, 517, 3), dtype=np.uint8))))
    lsb = rng.integers(0, 2, (360, 640, 3), dtype=np.uint8)
    out.append(("near_black_lsb_640x360", _c(lsb)))
    out.append(("near_white_lsb_640x360", _c(255 - lsb)))
    bars = np.zeros((240, 420, 3), np.uint8)
    prim = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0), (0, 255, 255), (255, 0, 255),
            (255, 255, 255)]
    for k, col in enumerate(prim):
        bars[:, k * 60 : (k + 1) * 60] = col
    out.append(("primary_bars_420x240", bars))
    out.append(("text_page_scan", _c(_sample("page.png"))))
    out.append(("binary_silhouette_horse", _c(_sample("horse.png"))))
    out.append(("greyscale_moon_512", _c(_sample("moon.png"))))
    return [(name, _c(arr)) for name, arr in out]


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def _pil_bytes(img: Image.Image, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def edge_case_files() -> list[tuple[str, bytes]]:
    """Awkward encoded files, byte-identical on every run."""
    base = _resize(_sample("coffee.png"), 240, 160)
    pil = Image.fromarray(base)
    out: list[tuple[str, bytes]] = []

    wide16 = (base.astype(np.uint16) * 257)[:, :, ::-1]
    _, enc = cv2.imencode(".png", _c16(wide16))
    out.append(("png_16bit_rgb", enc.tobytes()))
    alpha16 = np.linspace(0, 65535, 240, dtype=np.float64)[None, :].repeat(160, 0)
    bgra16 = np.dstack([wide16, alpha16.astype(np.uint16)])
    _, enc = cv2.imencode(".png", _c16(bgra16))
    out.append(("png_16bit_rgba", enc.tobytes()))
    grey16 = Image.fromarray((_luma(base) * 257).astype(np.uint16))
    out.append(("png_16bit_grey", _pil_bytes(grey16, "PNG")))
    rgba = pil.convert("RGBA")
    alpha = np.zeros((160, 240), np.uint8)
    cv2.circle(alpha, (120, 80), 70, 255, -1, cv2.LINE_AA)
    rgba.putalpha(Image.fromarray(alpha))
    out.append(("png_rgba_round_cutout", _pil_bytes(rgba, "PNG")))
    out.append(("png_rgba_fully_transparent", _pil_bytes(
        Image.new("RGBA", (200, 120), (255, 0, 0, 0)), "PNG")))
    out.append(("png_la_grey_alpha", _pil_bytes(rgba.convert("LA"), "PNG")))
    pal = pil.quantize(colors=32, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out.append(("png_palette_32", _pil_bytes(pal, "PNG")))
    out.append(("png_palette_transparency", _pil_bytes(pal, "PNG", transparency=0)))
    out.append(("png_greyscale_l", _pil_bytes(pil.convert("L"), "PNG")))
    out.append(("png_1bit", _pil_bytes(pil.convert("L").point(lambda v: 255 if v > 110 else 0)
                                       .convert("1"), "PNG")))
    good_png = _pil_bytes(pil, "PNG")
    out.append(("png_truncated", good_png[: len(good_png) // 2]))
    broken = bytearray(good_png)
    broken[len(broken) // 2] ^= 0x5A
    out.append(("png_bad_crc", bytes(broken)))
    out.append(("png_signature_only", good_png[:8]))
    ihdr = struct.pack(">IIBBBBB", 100000, 100000, 8, 2, 0, 0, 0)
    bomb = b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr)
    bomb += _png_chunk(b"IDAT", zlib.compress(b"\x00" * 3001, 9)) + _png_chunk(b"IEND", b"")
    out.append(("png_claims_100000x100000", bomb))
    frames = [Image.fromarray(_brightness(base, d)) for d in (-40, 0, 40)]
    out.append(("png_apng_3frames", _pil_bytes(frames[0], "PNG", save_all=True,
                                               append_images=frames[1:], duration=100, loop=0)))
    good_jpeg = _jpeg_bytes(base, 85, 2)
    out.append(("jpeg_baseline", good_jpeg))
    out.append(("jpeg_truncated_60pct", good_jpeg[: len(good_jpeg) * 6 // 10]))
    out.append(("jpeg_soi_only", good_jpeg[:2]))
    bad = bytearray(good_jpeg)
    for k in range(len(bad) // 3, len(bad) // 3 + 64):
        bad[k] = (bad[k] * 7 + 13) % 256
    out.append(("jpeg_corrupt_scan", bytes(bad)))
    out.append(("jpeg_cmyk", _pil_bytes(pil.convert("CMYK"), "JPEG", quality=90)))
    out.append(("jpeg_greyscale", _pil_bytes(pil.convert("L"), "JPEG", quality=90)))
    out.append(("jpeg_progressive", _pil_bytes(pil, "JPEG", quality=80, progressive=True)))
    exif = Image.Exif()
    exif[0x0112] = 6
    out.append(("jpeg_exif_orientation_6", _pil_bytes(pil, "JPEG", quality=88,
                                                      exif=exif.tobytes())))
    out.append(("jpeg_tiny_1x1", _pil_bytes(Image.new("RGB", (1, 1), (9, 99, 199)), "JPEG")))
    gif_frames = [f.quantize(colors=64, dither=Image.Dither.NONE) for f in frames]
    out.append(("gif_animated_3frames", _pil_bytes(gif_frames[0], "GIF", save_all=True,
                                                   append_images=gif_frames[1:], duration=120,
                                                   loop=0)))
    out.append(("gif_single_transparent", _pil_bytes(pal, "GIF", transparency=0)))
    out.append(("webp_lossless_alpha", _pil_bytes(rgba, "WEBP", lossless=True)))
    out.append(("webp_lossy_q40", _pil_bytes(pil, "WEBP", quality=40)))
    out.append(("bmp_24bit", _pil_bytes(pil, "BMP")))
    out.append(("tiff_rgb_uncompressed", _pil_bytes(pil, "TIFF")))
    out.append(("tiff_float32_grey", _pil_bytes(
        Image.fromarray(_luma(base).astype(np.float32) / 255.0), "TIFF")))
    out.append(("ppm_p6", _pil_bytes(pil, "PPM")))
    out.append(("empty", b""))
    out.append(("zeros_1k", bytes(1024)))
    noise = np.random.default_rng(808).integers(0, 256, 4096, dtype=np.uint8)
    out.append(("random_bytes_4k", noise.tobytes()))
    out.append(("html_text", b"<!doctype html><html><body><img src='x.png'></body></html>\n"))
    out.append(("svg_text", b"<svg xmlns='http://www.w3.org/2000/svg' width='64' height='64'>"
                            b"<circle cx='32' cy='32' r='30' fill='red'/></svg>\n"))
    return out


def _c16(arr: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(arr.astype(np.uint16))
