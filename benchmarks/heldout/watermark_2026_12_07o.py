"""Held-out watermark test set, round 2026-12-07o (blind; written by an independent tester).

PROVENANCE
    Written by a tester who was asked not to learn how the watermark works, so that
    this set measures it honestly. The rules it was written under:
    - Allowed reading: files under safegen/backends/ (to call the built-in offline
      text-to-image model, safegen.backends.builtin.BuiltinBackend, 256x256 output),
      a name-only listing of safegen/builtin/, pyproject.toml, .gitignore, and the
      installed packages' sample image files (scikit-image's skimage/data/*.png|*.jpg,
      scikit-learn's sklearn/datasets/images/*.jpg, found with importlib.util.find_spec).
    - Not opened, grepped, listed or imported: safegen/watermark/, docs/, tests/,
      README.md, benchmarks/ (apart from writing this one file and its cache folder),
      any issue tracker, git history/log/diff/status. No watermark encoder or decoder
      was run. pyproject.toml names earlier held-out files: only their names were read.
    - Modest CPU use (a shared 2-core machine): no parallel workers.
    What was actually read: pyproject.toml, .gitignore, safegen/backends/__init__.py,
    safegen/backends/base.py, safegen/backends/builtin.py (not diffusers_backend.py or
    gan.py), the names (only) of the files in safegen/builtin/, and the sample images
    named under SOURCES. Two small things beyond that, stated for the record: an
    existence check (`ls -d benchmarks/heldout`, no listing) and one
    `git check-ignore -v` on a cache path, which printed the matching line of
    benchmarks/heldout/.gitignore ("cache_*/"); nothing else under benchmarks/ was
    listed or opened. One slip: a `git status --porcelain` on this file alone was run
    with its output thrown away unread (piped to `head -0`); apart from these two, no
    git command was run. After calling the built-in backend the tester checked (names
    only) that no safegen.watermark module had been imported by it. Nothing of
    safegen.watermark was read or run while writing this file, and this file imports
    nothing from safegen except safegen.backends (the built-in backend).

FROZEN
    This file is never edited, not even for style, after it is first used: its sha256 is
    its identity. A changed set is a new file with a new ROUND.

SOURCES
    - Photos: scikit-image sample images (skimage/data: astronaut, coffee, chelsea,
      rocket, moon, camera, hubble_deep_field, retina, grass, gravel, brick,
      motorcycle_left/right, ihc, coins, cell, clock_motion) and scikit-learn sample images
      (sklearn/datasets/images: china, flower), resized, cropped, mirror-tiled and
      tone-changed here with numpy / OpenCV.
    - Generated: safegen.backends.builtin.BuiltinBackend (the shipped offline model),
      6 prompts and seeds chosen here; cached as PNG in CACHE_DIR (cache_o/) and
      regenerated on first use when absent.
    - Screenshots, graphics, screen-capture UIs, edge cases and edge files: drawn here
      with Pillow / numpy (Pillow's built-in default font for text).

INTERFACE
    ROUND: "2026-12-07o"; CACHE_DIR: Path(__file__).resolve().parent / "cache_o".
    images() -> list[(name, image_class, rgb)]; image_class in "photo", "generated",
        "graphic", "screenshot"; rgb a C-contiguous uint8 (H, W, 3) array.
    attacks() -> list[(name, fn)]; fn(rgb) -> a new C-contiguous uint8 (H', W', 3) array,
        deterministic; the first attack is "none" (a copy).
    unmarked(n=10000, seed=2026120715) -> iterator of (name, rgb); item i depends only
        on np.random.default_rng([seed, i]) and the fixed package sample images (and
        Pillow's built-in font).
    edge_cases() -> list[(name, rgb)]: awkward uint8 RGB arrays (C-contiguous).
    edge_case_files() -> list[(name, bytes)]: awkward encoded files, byte-identical per
        run with the same library versions.
    Every random choice is seeded; the output is deterministic.

IMAGES (26)
    photo (16):
        photo_astronaut_portrait_717x956      astronaut, 3:4 portrait crop, upscaled
        photo_coffee_43_1184x888              coffee, 4:3, slightly warm
        photo_china_169_1707x960              china, 16:9 landscape
        photo_flower_panorama_2048x683        flower, 3:1 panorama strip
        photo_chelsea_dark_601x400            chelsea, dark (underexposed)
        photo_rocket_bright_portrait_473x841  rocket, 9:16 portrait, bright / washed out
        photo_moon_lowcontrast_640x640        moon, greyscale, very low contrast
        photo_camera_grey_880x660             camera, greyscale, 4:3
        photo_hubble_dark_1000x872            hubble deep field, dark with fine stars
        photo_retina_1411x1411                retina, native size, detailed
        photo_grass_green_texture_768x768     grass, green tint, busy texture
        photo_gravel_sepia_983x737            gravel, native grain mirror-tiled, sepia
        photo_brick_red_169_1280x720          brick, native grain mirror-tiled, red tint
        photo_motorcycle_169_1366x768         motorcycle_left, detailed scene, 16:9
        photo_ihc_portrait_cool_600x800       ihc, 3:4 portrait, cool (blue) tint
        photo_coins_grey_487x384              coins, greyscale, small
    generated (6), 256x256, built-in model:
        gen_stormy_sea_40917, gen_snowy_peaks_7741, gen_desert_dunes_128839,
        gen_river_meadow_90211, gen_night_forest_3169, gen_autumn_lake_55817
    screenshot (2): screenshot_settings_light_1280x800, screenshot_code_dark_1366x768
    graphic (2): graphic_poster_flat_900x1200, graphic_bar_chart_1024x640

ATTACKS (81; the first is "none")
    none
    flips: flip_h, flip_v
    stretches (kept = the stretched size; cropped = centre crop back to the original
        aspect; fitted = rescaled so the long side is the original's):
        stretch_x_113_kept, stretch_y_088_kept, stretch_y_109_cropped, stretch_x_111_fitted
    crops: crop_centre_93, crop_centre_74, crop_centre_53, crop_offcentre_83,
        crop_corner_tl_72, crop_corner_br_61, crop_x_only_71, crop_y_only_84,
        crop_centre_67_resized_back, crop_offcentre_88_resized_back
    rotations (degrees, counter-clockwise positive):
        rot_+3.7_black, rot_-8.3_black, rot_+1.3_white, rot_-5.9_reflect,
        rot_+6.4_expand_black, rot_+4.9_straighten, rot_-9.4_straighten_resized_back,
        rot_+8.8_maxrect, rot_-3.3_maxrect_resized_back, rot_-4.4_centre_crop_81
        (straighten = turn, then crop the largest centred rectangle of the original
        aspect ratio; maxrect = turn, then crop the largest axis-aligned rectangle of
        any aspect inside the turned picture)
    padding and borders: pad_black_6, pad_white_uneven, pad_left_grey_19,
        border_coloured_9
    JPEG: jpeg_q31_420, jpeg_q47_420, jpeg_q58_444, jpeg_q73_420, jpeg_q88_444
    WebP: webp_q53, webp_q86
    scales: down_0.43, down_0.61, down_0.78, up_1.53, up_1.94
    chains: chain_social (crop ~90%, 1080 px long side, JPEG 74 4:2:0),
        chain_messaging (0.6x, JPEG 61 4:2:0), chain_messaging_twice
    screen captures (8): screen_browser_light, screen_browser_dark_jpeg83,
        screen_phone_feed, screen_card_jpeg71, screen_document_page,
        screen_chat_bubble_jpeg77, screen_photo_viewer, screen_gallery_grid_jpeg88
    filters (12): blur_gauss_1.3, blur_median_3, sharpen_unsharp, noise_gauss_4.7,
        bright_+23, bright_-19, contrast_1.27, contrast_0.74, gamma_0.81,
        saturation_1.41, saturation_0.52, greyscale
    combinations (15): cb_crop_centre_83_jpeg67, cb_rot_+2.9_straighten_jpeg74,
        cb_flip_h_down_0.66_jpeg58, cb_bright_+14_contrast_1.12_jpeg81,
        cb_pad_white_8_webp69, cb_stretch_x_108_crop_offcentre_90,
        cb_down_0.52_up_back_jpeg85, cb_saturation_1.3_sharpen_jpeg77_444,
        cb_rot_-6.2_maxrect_jpeg62, cb_noise_3.1_blur_0.8_jpeg70,
        cb_crop_tl_79_resize_1080_webp76, cb_grey_contrast_1.18_jpeg55,
        cb_messaging_then_social, cb_screen_browser_light_down_0.5_jpeg80,
        cb_gamma_0.87_rot_+1.8_reflect_jpeg84

UNMARKED (12 kinds; sides 96..1100; names "u{i:05d}_{kind}")
    photo_crop, photo_flip_turn, photo_rescale, photo_colour, photo_recompress (crops,
    flips, quarter and small turns, rescales, colour changes, JPEG/WebP recompressions
    of the sample photos), screen (a drawn UI with a framed photo crop), graphic (flat
    shapes), chart, texture (sample textures and procedural gratings / smooth noise),
    noise, flat, gradient.

EDGE CASES
    Arrays (33): tiny_1x1, tiny_2x2, tiny_3x5, tiny_8x8_photo, small_17x23_photo,
    small_63x41_photo, strip_h1_w517, strip_h613_w1, strip_h2_w1900, strip_h1800_w3,
    huge_3000x4000_photo, huge_panorama_600x7000, flat_black, flat_white, flat_grey_128,
    flat_red, flat_colour_37_141_203, near_flat_grey_pm1, near_flat_dark_0_2,
    near_flat_bright_253_255, gradient_banding, noise_uniform_rgb, noise_gauss_grey,
    checker_1px, checker_8px, checker_colour_3px, stripes_v_1px, stripes_h_2px,
    stripes_diag_5px, zone_plate, colour_bars, clipped_overexposed_photo, text_on_white
    (sizes are given as height x width).
    Files (32): png16_rgb, png16_grey, png_rgba_gradient_alpha, png_rgba_transparent,
    png_palette, png_palette_trns, png_grey, png_1bit, png_interlaced, png_1x1,
    png_truncated, png_corrupt_idat, png_huge_declared_size, jpeg_truncated,
    jpeg_corrupt_scan, jpeg_cmyk, jpeg_exif_orientation_6, jpeg_progressive, jpeg_grey,
    jpeg_header_only, gif_animated, webp_animated, webp_lossless, tiff_uncompressed,
    tiff_lzw, tiff_deflate_rgba, tiff_grey16, tiff_multipage, bmp_24, bmp_8bit_palette,
    empty, random_bytes.
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

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

ROUND = "2026-12-07o"
CACHE_DIR = Path(__file__).resolve().parent / "cache_o"

Array = np.ndarray
Attack = Callable[[Array], Array]

# ----------------------------------------------------------------------------- samples


def _package_dir(module: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"{module} is not installed (its sample images are needed)")
    return Path(list(spec.submodule_search_locations)[0]).joinpath(*parts)


_SKLEARN = ("china.jpg", "flower.jpg")


@functools.cache
def _sample(name: str) -> Array:
    """A package sample image as a read-only uint8 RGB array (alpha over white)."""
    if name in _SKLEARN:
        path = _package_dir("sklearn", "datasets", "images", name)
    else:
        path = _package_dir("skimage", "data", name)
    with Image.open(path) as im:
        im.load()
        if im.mode in ("RGBA", "LA", "P"):
            rgba = im.convert("RGBA")
            white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            im = Image.alpha_composite(white, rgba)
        arr = np.array(im.convert("RGB"), dtype=np.uint8)
    arr.setflags(write=False)
    return arr


_PHOTO_POOL = ("astronaut.png", "coffee.png", "chelsea.png", "rocket.jpg", "china.jpg",
               "flower.jpg", "motorcycle_left.png", "motorcycle_right.png",
               "hubble_deep_field.jpg", "retina.jpg", "ihc.png", "camera.png", "moon.png",
               "coins.png", "grass.png", "gravel.png", "brick.png", "cell.png",
               "clock_motion.png")
_TEXTURE_POOL = ("grass.png", "gravel.png", "brick.png")

# ----------------------------------------------------------------------------- helpers


def _u8(a: Array) -> Array:
    return np.ascontiguousarray(np.clip(np.rint(a), 0, 255).astype(np.uint8))


def _resize(rgb: Array, w: int, h: int, interp: int | None = None) -> Array:
    w, h = max(1, int(w)), max(1, int(h))
    if interp is None:
        shrinking = w * h < rgb.shape[0] * rgb.shape[1]
        interp = cv2.INTER_AREA if shrinking else cv2.INTER_CUBIC
    return np.ascontiguousarray(cv2.resize(np.ascontiguousarray(rgb), (w, h),
                                           interpolation=interp))


def _scale(rgb: Array, factor: float, interp: int | None = None) -> Array:
    h, w = rgb.shape[:2]
    return _resize(rgb, round(w * factor), round(h * factor), interp)


def _crop(rgb: Array, x0: int, y0: int, cw: int, ch: int) -> Array:
    h, w = rgb.shape[:2]
    cw, ch = max(1, min(w, int(cw))), max(1, min(h, int(ch)))
    x0, y0 = max(0, min(w - cw, int(x0))), max(0, min(h - ch, int(y0)))
    return np.ascontiguousarray(rgb[y0:y0 + ch, x0:x0 + cw])


def _crop_frac(rgb: Array, fw: float, fh: float, ax: float = 0.5, ay: float = 0.5) -> Array:
    """Keep fw x fh of the sides; ax, ay in [0, 1] place the window (0.5 = centre)."""
    h, w = rgb.shape[:2]
    cw, ch = max(1, round(w * fw)), max(1, round(h * fh))
    return _crop(rgb, round((w - cw) * ax), round((h - ch) * ay), cw, ch)


def _centre(rgb: Array, cw: int, ch: int) -> Array:
    h, w = rgb.shape[:2]
    cw, ch = max(1, min(w, int(cw))), max(1, min(h, int(ch)))
    return _crop(rgb, (w - cw) // 2, (h - ch) // 2, cw, ch)


def _fit(rgb: Array, max_w: int, max_h: int, upscale: bool = True) -> Array:
    h, w = rgb.shape[:2]
    s = min(max_w / w, max_h / h)
    if not upscale:
        s = min(s, 1.0)
    interp = cv2.INTER_AREA if s < 1 else cv2.INTER_LINEAR
    return _resize(rgb, max(1, round(w * s)), max(1, round(h * s)), interp)


def _cover(rgb: Array, w: int, h: int) -> Array:
    """CSS object-fit: cover: scale to fill w x h, centre crop the excess."""
    ih, iw = rgb.shape[:2]
    s = max(w / iw, h / ih)
    interp = cv2.INTER_AREA if s < 1 else cv2.INTER_LINEAR
    big = _resize(rgb, max(w, math.ceil(iw * s)), max(h, math.ceil(ih * s)), interp)
    return _centre(big, w, h)


def _mirror_tile(rgb: Array, w: int, h: int) -> Array:
    """Mirror-tile a texture (native grain) up to w x h."""
    a = np.ascontiguousarray(rgb)
    while a.shape[1] < w:
        a = np.concatenate([a, a[:, ::-1]], axis=1)
    while a.shape[0] < h:
        a = np.concatenate([a, a[::-1]], axis=0)
    return np.ascontiguousarray(a[:h, :w])


def _luma(rgb: Array) -> Array:
    f = rgb.astype(np.float32)
    return 0.299 * f[..., 0] + 0.587 * f[..., 1] + 0.114 * f[..., 2]


def _grey3(rgb: Array) -> Array:
    y = _u8(_luma(rgb))
    return np.ascontiguousarray(np.repeat(y[..., None], 3, axis=2))


def _lut(rgb: Array, table: Array) -> Array:
    return np.ascontiguousarray(cv2.LUT(np.ascontiguousarray(rgb), _u8(table)))


def _gamma(rgb: Array, g: float) -> Array:
    x = np.arange(256, dtype=np.float64) / 255.0
    return _lut(rgb, 255.0 * x ** g)


def _tint(rgb: Array, r: float, g: float, b: float, lift: float = 0.0) -> Array:
    f = rgb.astype(np.float32) * np.array([r, g, b], dtype=np.float32) + lift
    return _u8(f)


def _encode(rgb: Array, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(rgb)).save(buf, fmt, **kw)
    return buf.getvalue()


def _decode(data: bytes) -> Array:
    with Image.open(io.BytesIO(data)) as im:
        return np.ascontiguousarray(np.array(im.convert("RGB"), dtype=np.uint8))


# ----------------------------------------------------------------------------- attacks


def _copy(rgb: Array) -> Array:
    return rgb.copy()


def _flip_h(rgb: Array) -> Array:
    return np.ascontiguousarray(rgb[:, ::-1])


def _flip_v(rgb: Array) -> Array:
    return np.ascontiguousarray(rgb[::-1])


def _stretch(rgb: Array, axis: str, factor: float, mode: str) -> Array:
    h, w = rgb.shape[:2]
    sw, sh = (round(w * factor), h) if axis == "x" else (w, round(h * factor))
    out = _resize(rgb, sw, sh)
    if mode == "cropped":  # largest centred crop with the original aspect ratio
        s = min(sw / w, sh / h)
        return _centre(out, round(w * s), round(h * s))
    if mode == "fitted":  # the long side back to the original long side
        s = max(w, h) / max(sw, sh)
        return _resize(out, round(sw * s), round(sh * s))
    return out


def _crop_attack(rgb: Array, fw: float, fh: float, ax: float, ay: float,
                 back: bool = False) -> Array:
    h, w = rgb.shape[:2]
    out = _crop_frac(rgb, fw, fh, ax, ay)
    return _resize(out, w, h) if back else out


def _rotate(rgb: Array, deg: float, fill: str = "black", expand: bool = False) -> Array:
    rgb = np.ascontiguousarray(rgb)
    h, w = rgb.shape[:2]
    cx, cy = (w - 1) / 2.0, (h - 1) / 2.0
    m = cv2.getRotationMatrix2D((cx, cy), deg, 1.0)
    ow, oh = w, h
    if expand:
        a = math.radians(deg)
        c, s = abs(math.cos(a)), abs(math.sin(a))
        ow, oh = math.ceil(w * c + h * s - 1e-9), math.ceil(w * s + h * c - 1e-9)
        m[0, 2] += (ow - 1) / 2.0 - cx
        m[1, 2] += (oh - 1) / 2.0 - cy
    if fill == "reflect":
        border, value = cv2.BORDER_REFLECT_101, (0, 0, 0)
    else:
        border = cv2.BORDER_CONSTANT
        value = {"black": (0, 0, 0), "white": (255, 255, 255)}[fill]
    out = cv2.warpAffine(rgb, m, (ow, oh), flags=cv2.INTER_LINEAR, borderMode=border,
                         borderValue=value)
    return np.ascontiguousarray(out)


def _same_aspect_inside(w: int, h: int, deg: float) -> tuple[int, int]:
    """Largest centred w:h rectangle inside a w x h picture turned by deg."""
    a = math.radians(deg)
    c, s = abs(math.cos(a)), abs(math.sin(a))
    k = min(w / (w * c + h * s), h / (w * s + h * c))
    return max(1, math.floor(w * k) - 2), max(1, math.floor(h * k) - 2)


def _max_rect_inside(w: int, h: int, deg: float) -> tuple[int, int]:
    """Largest axis-aligned rectangle (any aspect) inside a w x h picture turned by deg."""
    a = math.radians(deg)
    s, c = abs(math.sin(a)), abs(math.cos(a))
    long_side, short_side = (w, h) if w >= h else (h, w)
    if short_side <= 2.0 * s * c * long_side or abs(s - c) < 1e-10:
        x = 0.5 * short_side
        wr, hr = (x / s, x / c) if w >= h else (x / c, x / s)
    else:
        c2 = c * c - s * s
        wr, hr = (w * c - h * s) / c2, (h * c - w * s) / c2
    return max(1, math.floor(wr) - 2), max(1, math.floor(hr) - 2)


def _rot_crop(rgb: Array, deg: float, how: str, back: bool = False,
              keep: float = 1.0) -> Array:
    h, w = rgb.shape[:2]
    turned = _rotate(rgb, deg, "black")
    if how == "straighten":
        cw, ch = _same_aspect_inside(w, h, deg)
    elif how == "maxrect":
        cw, ch = _max_rect_inside(w, h, deg)
    else:  # a plain centre crop keeping `keep` of each side
        cw, ch = round(w * keep), round(h * keep)
    out = _centre(turned, cw, ch)
    return _resize(out, w, h) if back else out


def _pad(rgb: Array, left: float, top: float, right: float, bottom: float,
         colour: tuple[int, int, int]) -> Array:
    h, w = rgb.shape[:2]
    px = [round(w * left), round(h * top), round(w * right), round(h * bottom)]
    out = cv2.copyMakeBorder(np.ascontiguousarray(rgb), px[1], px[3], px[0], px[2],
                             cv2.BORDER_CONSTANT, value=colour)
    return np.ascontiguousarray(out)


def _border(rgb: Array, frac: float, colour: tuple[int, int, int]) -> Array:
    """A frame of frac x the short side: two thirds added outside, one third painted over
    the picture's edge."""
    h, w = rgb.shape[:2]
    total = max(2, round(min(w, h) * frac))
    inner = max(1, total // 3)
    out = _pad(rgb, 0, 0, 0, 0, colour)
    out[:inner], out[-inner:], out[:, :inner], out[:, -inner:] = colour, colour, colour, colour
    o = total - inner
    return np.ascontiguousarray(cv2.copyMakeBorder(out, o, o, o, o, cv2.BORDER_CONSTANT,
                                                   value=colour))


def _jpeg(rgb: Array, quality: int, subsampling: int = 2) -> Array:
    return _decode(_encode(rgb, "JPEG", quality=quality, subsampling=subsampling))


def _webp(rgb: Array, quality: int) -> Array:
    return _decode(_encode(rgb, "WEBP", quality=quality, method=4))


def _long_side(rgb: Array, side: int) -> Array:
    h, w = rgb.shape[:2]
    s = side / max(w, h)
    interp = cv2.INTER_AREA if s < 1 else cv2.INTER_CUBIC
    return _resize(rgb, round(w * s), round(h * s), interp)


def _social(rgb: Array) -> Array:
    out = _crop_frac(rgb, 0.9, 0.91, 0.42, 0.55)
    out = _long_side(out, 1080)
    return _jpeg(out, 74, 2)


def _messaging(rgb: Array) -> Array:
    return _jpeg(_scale(rgb, 0.6, cv2.INTER_AREA), 61, 2)


def _blur(rgb: Array, sigma: float) -> Array:
    return np.ascontiguousarray(cv2.GaussianBlur(np.ascontiguousarray(rgb), (0, 0), sigma))


def _median(rgb: Array, k: int) -> Array:
    return np.ascontiguousarray(cv2.medianBlur(np.ascontiguousarray(rgb), k))


def _sharpen(rgb: Array, amount: float = 0.7, sigma: float = 1.6) -> Array:
    f = rgb.astype(np.float32)
    b = cv2.GaussianBlur(f, (0, 0), sigma)
    return _u8(f * (1 + amount) - b * amount)


def _noise(rgb: Array, sigma: float, seed: int) -> Array:
    rng = np.random.default_rng(seed)
    n = rng.normal(0.0, sigma, size=rgb.shape).astype(np.float32)
    return _u8(rgb.astype(np.float32) + n)


def _bright(rgb: Array, delta: float) -> Array:
    return _lut(rgb, np.arange(256, dtype=np.float64) + delta)


def _contrast(rgb: Array, k: float) -> Array:
    mean = float(_luma(rgb).mean())
    return _lut(rgb, (np.arange(256, dtype=np.float64) - mean) * k + mean)


def _saturation(rgb: Array, k: float) -> Array:
    f = rgb.astype(np.float32)
    y = _luma(rgb)[..., None]
    return _u8(y + (f - y) * k)


def _seq(*fns: Attack) -> Attack:
    return functools.partial(_run_seq, fns)


def _run_seq(fns: tuple[Attack, ...], rgb: Array) -> Array:
    for fn in fns:
        rgb = fn(rgb)
    return rgb


def _finalise(fn: Attack, rgb: Array) -> Array:
    src = np.ascontiguousarray(rgb, dtype=np.uint8)
    out = fn(src)
    if out is src or out is rgb or np.may_share_memory(out, rgb):
        out = out.copy()
    return np.ascontiguousarray(out, dtype=np.uint8)


# ----------------------------------------------------------------------------- drawing

_WORDS = ("the", "light", "morning", "harbour", "photo", "gallery", "weekend", "river",
          "market", "city", "winter", "garden", "update", "shared", "view", "north",
          "station", "coffee", "evening", "walk", "across", "old", "bridge", "with",
          "friends", "and", "a", "new", "lens", "colour", "report", "notes", "from",
          "team", "trip", "autumn", "quiet", "street", "festival", "field", "near")


@functools.cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError, ImportError):  # an old Pillow or no FreeType
        return ImageFont.load_default()


def _sentence(rng: np.random.Generator, chars: int) -> str:
    words: list[str] = []
    while sum(len(x) + 1 for x in words) < chars:
        words.append(_WORDS[int(rng.integers(len(_WORDS)))])
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _text_block(d: ImageDraw.ImageDraw, x: int, y: int, width: int, lines: int, size: int,
                colour: tuple[int, int, int], seed: int, gap: float = 1.55) -> int:
    rng = np.random.default_rng(seed)
    per_line = max(4, int(width / (size * 0.52)))
    for i in range(lines):
        n = per_line if i < lines - 1 else max(4, int(per_line * rng.uniform(0.3, 0.8)))
        d.text((x, y), _sentence(rng, n), fill=colour, font=_font(size))
        y += round(size * gap)
    return y


def _bars(d: ImageDraw.ImageDraw, x: int, y: int, width: int, lines: int, h: int,
          colour: tuple[int, int, int], seed: int) -> int:
    """Skeleton text: rounded grey bars."""
    rng = np.random.default_rng(seed)
    for _ in range(lines):
        ww = int(width * rng.uniform(0.55, 1.0))
        d.rounded_rectangle([x, y, x + ww, y + h], radius=h // 2, fill=colour)
        y += int(h * 2.1)
    return y


def _paste(canvas: Image.Image, rgb: Array, x: int, y: int, radius: int = 0) -> None:
    im = Image.fromarray(np.ascontiguousarray(rgb))
    if radius <= 0:
        canvas.paste(im, (x, y))
        return
    mask = Image.new("L", im.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, im.size[0] - 1, im.size[1] - 1],
                                           radius=radius, fill=255)
    canvas.paste(im, (x, y), mask)


def _to_array(canvas: Image.Image) -> Array:
    return np.ascontiguousarray(np.array(canvas.convert("RGB"), dtype=np.uint8))


# ----------------------------------------------------------------------------- screens


def _screen_browser(rgb: Array, dark: bool) -> Array:
    if dark:
        w, h, bg, chrome, bar, ink, soft = (1536, 864, (32, 33, 36), (53, 54, 58),
                                           (41, 42, 45), (232, 234, 237), (154, 160, 166))
        box, at = (960, 520), (288, 150)
    else:
        w, h, bg, chrome, bar, ink, soft = (1440, 900, (246, 247, 249), (222, 225, 230),
                                           (255, 255, 255), (32, 33, 36), (95, 99, 104))
        box, at = (800, 560), (312, 168)
    c = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(c)
    d.rectangle([0, 0, w, 40], fill=chrome)
    d.rounded_rectangle([12, 6, 262, 46], radius=8, fill=bar)
    d.text((28, 15), "Weekend in pictures", fill=ink, font=_font(14))
    d.rounded_rectangle([272, 10, 470, 40], radius=8, fill=chrome, outline=soft)
    d.rectangle([0, 40, w, 86], fill=bar)
    for i in range(3):
        d.ellipse([14 + 30 * i, 53, 32 + 30 * i, 71], outline=soft, width=2)
    d.rounded_rectangle([110, 48, w - 170, 79], radius=15, fill=chrome)
    d.text((130, 56), "https://www.northfield-gazette.example/gallery/2026/12/weekend",
           fill=ink, font=_font(15))
    d.line([0, 86, w, 86], fill=soft)
    d.text((at[0], 104), "Weekend in pictures: readers' best shots", fill=ink,
           font=_font(30))
    d.text((at[0], 142), "By the picture desk  -  7 December", fill=soft, font=_font(14))
    photo = _fit(rgb, box[0], box[1], upscale=True)
    _paste(c, photo, at[0], at[1] + 10)
    y = at[1] + 10 + photo.shape[0] + 12
    y = _text_block(d, at[0], y, box[0], 2, 15, soft, 11)
    _text_block(d, at[0], y + 10, box[0], 8, 17, ink, 12)
    sx = at[0] + box[0] + 40
    d.text((sx, 110), "Most read", fill=ink, font=_font(20))
    yy = 146
    for k in range(5):
        d.rectangle([sx, yy, sx + 64, yy + 48], fill=soft)
        _bars(d, sx + 76, yy + 6, w - sx - 110, 2, 10, chrome if dark else (210, 213, 218),
              40 + k)
        yy += 70
    return _to_array(c)


def _screen_phone_feed(rgb: Array) -> Array:
    w, h = 828, 1792
    c = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(c)
    d.text((44, 30), "9:41", fill=(0, 0, 0), font=_font(30))
    d.rounded_rectangle([700, 38, 770, 62], radius=6, outline=(0, 0, 0), width=3)
    d.rectangle([704, 42, 750, 58], fill=(0, 0, 0))
    d.text((32, 104), "Pictogram", fill=(0, 0, 0), font=_font(44))
    d.line([0, 190, w, 190], fill=(219, 219, 219), width=2)
    d.ellipse([24, 212, 100, 288], fill=(225, 48, 108))
    d.ellipse([30, 218, 94, 282], fill=(255, 255, 255))
    d.ellipse([34, 222, 90, 278], fill=(112, 164, 212))
    d.text((120, 222), "lena.outdoors", fill=(0, 0, 0), font=_font(26))
    d.text((120, 256), "Northfield harbour", fill=(90, 90, 90), font=_font(22))
    photo = _fit(rgb, w, 100000, upscale=True)  # as wide as the screen
    top = 310
    _paste(c, photo, 0, top)
    y = top + photo.shape[0] + 20
    if y < h - 260:
        for i in range(3):
            d.ellipse([28 + 70 * i, y, 76 + 70 * i, y + 48], outline=(0, 0, 0), width=4)
        y = _text_block(d, 28, y + 72, w - 60, 3, 24, (20, 20, 20), 21)
    d.rectangle([0, h - 166, w, h], fill=(255, 255, 255))
    d.line([0, h - 166, w, h - 166], fill=(219, 219, 219), width=2)
    for i in range(5):
        x = 60 + i * 170
        d.rounded_rectangle([x, h - 130, x + 52, h - 78], radius=10, outline=(0, 0, 0),
                            width=4)
    d.rounded_rectangle([w // 2 - 134, h - 26, w // 2 + 134, h - 16], radius=5,
                        fill=(0, 0, 0))
    return _to_array(c)


def _screen_card(rgb: Array) -> Array:
    w, h = 1280, 1000
    c = Image.new("RGB", (w, h), (240, 242, 245))
    d = ImageDraw.Draw(c)
    d.rectangle([0, 0, w, 64], fill=(255, 255, 255))
    d.text((36, 18), "Timeline", fill=(15, 20, 25), font=_font(26))
    x0, y0, cw = 340, 96, 600
    d.ellipse([x0 - 76, y0, x0 - 20, y0 + 56], fill=(29, 155, 240))
    d.text((x0, y0), "Northfield Gazette  @gazette  - 2h", fill=(15, 20, 25), font=_font(19))
    y = _text_block(d, x0, y0 + 32, cw, 2, 19, (15, 20, 25), 31)
    top = y + 10
    ih = round(cw / 1.91)  # link-preview image, cropped to 1.91:1
    d.rounded_rectangle([x0 - 1, top - 1, x0 + cw, top + ih + 110], radius=16,
                        fill=(255, 255, 255), outline=(207, 217, 222))
    photo = _cover(rgb, cw - 1, ih)
    mask_im = Image.fromarray(photo)
    mask = Image.new("L", mask_im.size, 0)
    md = ImageDraw.Draw(mask)
    md.rounded_rectangle([0, 0, cw - 2, ih + 30], radius=16, fill=255)
    c.paste(mask_im, (x0, top), mask)
    d.line([x0, top + ih, x0 + cw - 1, top + ih], fill=(207, 217, 222))
    d.text((x0 + 16, top + ih + 14), "northfield-gazette.example", fill=(83, 100, 113),
           font=_font(17))
    d.text((x0 + 16, top + ih + 42), "Weekend in pictures: readers' best shots",
           fill=(15, 20, 25), font=_font(20))
    d.text((x0 + 16, top + ih + 72), "A harbour at dawn, a market at dusk and more.",
           fill=(83, 100, 113), font=_font(17))
    yy = top + ih + 140
    for i in range(4):
        d.text((x0 + 40 + i * 140, yy), f"{(i + 3) * 17}", fill=(83, 100, 113),
               font=_font(17))
    return _jpeg(_to_array(c), 71, 2)


def _screen_document(rgb: Array) -> Array:
    w, h = 1280, 1024
    c = Image.new("RGB", (w, h), (82, 86, 89))
    d = ImageDraw.Draw(c)
    d.rectangle([0, 0, w, 56], fill=(50, 54, 57))
    d.text((20, 18), "field-report-2026.pdf", fill=(241, 241, 241), font=_font(17))
    d.text((w - 200, 18), "3 / 12      110%", fill=(241, 241, 241), font=_font(17))
    px0, px1 = 240, 1040
    d.rectangle([px0 + 4, 84, px1 + 4, h + 10], fill=(60, 62, 64))
    d.rectangle([px0, 80, px1, h + 10], fill=(255, 255, 255))
    y = _text_block(d, px0 + 80, 140, px1 - px0 - 160, 6, 15, (30, 30, 30), 51, 1.7)
    photo = _fit(rgb, 560, 420, upscale=True)
    x = (px0 + px1 - photo.shape[1]) // 2
    _paste(c, photo, x, y + 16)
    y += 16 + photo.shape[0] + 10
    d.text((x, y), "Figure 2. The site on the first morning of the survey.",
           fill=(70, 70, 70), font=_font(13))
    _text_block(d, px0 + 80, y + 40, px1 - px0 - 160, 14, 15, (30, 30, 30), 52, 1.7)
    return _to_array(c)


def _screen_chat(rgb: Array) -> Array:
    w, h = 1080, 1920
    c = Image.new("RGB", (w, h), (236, 229, 221))
    d = ImageDraw.Draw(c)
    d.rectangle([0, 0, w, 210], fill=(0, 128, 105))
    d.ellipse([110, 100, 190, 180], fill=(200, 214, 224))
    d.text((214, 108), "Maya", fill=(255, 255, 255), font=_font(36))
    d.text((214, 152), "online", fill=(220, 240, 235), font=_font(24))
    y = 250
    for k, (txt, mine) in enumerate((("Did you get the pictures from Sunday?", False),
                                     ("Yes! Sending the best one now", True))):
        tw = int(_font(30).getlength(txt)) + 48
        x = w - tw - 30 if mine else 30
        d.rounded_rectangle([x, y, x + tw, y + 76], radius=18,
                            fill=(220, 248, 198) if mine else (255, 255, 255))
        d.text((x + 24, y + 20), txt, fill=(17, 27, 33), font=_font(30))
        y += 100 + 6 * k
    photo = _fit(rgb, 640, 640, upscale=True)
    pw, ph = photo.shape[1], photo.shape[0]
    bx = w - pw - 30 - 16
    d.rounded_rectangle([bx, y, bx + pw + 16, y + ph + 56], radius=22, fill=(220, 248, 198))
    _paste(c, photo, bx + 8, y + 8, radius=18)
    d.text((bx + pw - 90, y + ph + 18), "10:42", fill=(102, 119, 129), font=_font(22))
    y += ph + 90
    if y < h - 260:
        d.rounded_rectangle([30, y, 560, y + 76], radius=18, fill=(255, 255, 255))
        d.text((54, y + 20), "Wow, that light is amazing", fill=(17, 27, 33), font=_font(30))
    d.rectangle([0, h - 150, w, h], fill=(240, 240, 240))
    d.rounded_rectangle([24, h - 126, w - 150, h - 40], radius=43, fill=(255, 255, 255))
    d.text((70, h - 100), "Message", fill=(140, 140, 140), font=_font(32))
    d.ellipse([w - 126, h - 130, w - 30, h - 34], fill=(0, 128, 105))
    return _jpeg(_to_array(c), 77, 2)


def _screen_viewer(rgb: Array) -> Array:
    w, h = 1920, 1080
    c = Image.new("RGB", (w, h), (18, 18, 18))
    d = ImageDraw.Draw(c)
    d.rectangle([0, 0, w, 48], fill=(32, 32, 32))
    d.text((20, 14), "IMG_4821.png  -  Photos", fill=(230, 230, 230), font=_font(17))
    for i in range(5):
        d.rounded_rectangle([w - 300 + 54 * i, 10, w - 268 + 54 * i, 38], radius=5,
                            outline=(150, 150, 150), width=2)
    photo = _fit(rgb, w - 40, 950 - 48 - 20, upscale=False)
    _paste(c, photo, (w - photo.shape[1]) // 2, 48 + (950 - 48 - photo.shape[0]) // 2)
    d.rectangle([0, 950, w, h], fill=(28, 28, 28))
    thumb = _cover(rgb, 96, 96)
    for i in range(-6, 7):
        x = w // 2 - 48 + i * 108
        if i == 0:
            d.rectangle([x - 4, 963, x + 100, 1067], outline=(0, 120, 215), width=3)
            _paste(c, thumb, x, 967)
        else:
            g = 60 + (i * 37) % 90
            d.rectangle([x, 967, x + 96, 1063], fill=(g, g + 8, g + 16))
    return _to_array(c)


def _screen_gallery(rgb: Array) -> Array:
    w, h = 1280, 800
    c = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(c)
    d.rectangle([0, 0, 230, h], fill=(243, 243, 243))
    for i, label in enumerate(("Photos", "Albums", "Favourites", "Shared", "Trash")):
        d.text((28, 90 + 44 * i), label, fill=(40, 40, 40), font=_font(18))
    d.text((262, 22), "December 2026", fill=(20, 20, 20), font=_font(26))
    others = ("coffee.png", "rocket.jpg", "china.jpg", "chelsea.png", "flower.jpg",
              "motorcycle_right.png", "astronaut.png", "ihc.png")
    tile, gap, x0, y0 = 330, 6, 262, 70
    k = 0
    for row in range(3):
        for col in range(3):
            x, y = x0 + col * (tile + gap), y0 + row * (tile + gap)
            if (row, col) == (0, 1):
                _paste(c, _cover(rgb, tile, tile), x, y)
            else:
                _paste(c, _cover(_sample(others[k % len(others)]), tile, tile), x, y)
                k += 1
    return _jpeg(_to_array(c), 88, 2)


# ----------------------------------------------------------------------------- attack list


def attacks() -> list[tuple[str, Attack]]:
    """The attacks, in a fixed order; the first is "none"."""
    p = functools.partial
    listed: list[tuple[str, Attack]] = [
        ("none", _copy),
        ("flip_h", _flip_h),
        ("flip_v", _flip_v),
        ("stretch_x_113_kept", p(_stretch, axis="x", factor=1.13, mode="kept")),
        ("stretch_y_088_kept", p(_stretch, axis="y", factor=0.88, mode="kept")),
        ("stretch_y_109_cropped", p(_stretch, axis="y", factor=1.09, mode="cropped")),
        ("stretch_x_111_fitted", p(_stretch, axis="x", factor=1.11, mode="fitted")),
        ("crop_centre_93", p(_crop_attack, fw=0.93, fh=0.93, ax=0.5, ay=0.5)),
        ("crop_centre_74", p(_crop_attack, fw=0.74, fh=0.74, ax=0.5, ay=0.5)),
        ("crop_centre_53", p(_crop_attack, fw=0.53, fh=0.53, ax=0.5, ay=0.5)),
        ("crop_offcentre_83", p(_crop_attack, fw=0.83, fh=0.81, ax=0.27, ay=0.71)),
        ("crop_corner_tl_72", p(_crop_attack, fw=0.72, fh=0.72, ax=0.0, ay=0.0)),
        ("crop_corner_br_61", p(_crop_attack, fw=0.61, fh=0.63, ax=1.0, ay=1.0)),
        ("crop_x_only_71", p(_crop_attack, fw=0.71, fh=1.0, ax=0.19, ay=0.5)),
        ("crop_y_only_84", p(_crop_attack, fw=1.0, fh=0.84, ax=0.5, ay=0.0)),
        ("crop_centre_67_resized_back",
         p(_crop_attack, fw=0.67, fh=0.67, ax=0.5, ay=0.5, back=True)),
        ("crop_offcentre_88_resized_back",
         p(_crop_attack, fw=0.88, fh=0.86, ax=0.77, ay=0.34, back=True)),
        ("rot_+3.7_black", p(_rotate, deg=3.7, fill="black")),
        ("rot_-8.3_black", p(_rotate, deg=-8.3, fill="black")),
        ("rot_+1.3_white", p(_rotate, deg=1.3, fill="white")),
        ("rot_-5.9_reflect", p(_rotate, deg=-5.9, fill="reflect")),
        ("rot_+6.4_expand_black", p(_rotate, deg=6.4, fill="black", expand=True)),
        ("rot_+4.9_straighten", p(_rot_crop, deg=4.9, how="straighten")),
        ("rot_-9.4_straighten_resized_back",
         p(_rot_crop, deg=-9.4, how="straighten", back=True)),
        ("rot_+8.8_maxrect", p(_rot_crop, deg=8.8, how="maxrect")),
        ("rot_-3.3_maxrect_resized_back", p(_rot_crop, deg=-3.3, how="maxrect", back=True)),
        ("rot_-4.4_centre_crop_81", p(_rot_crop, deg=-4.4, how="centre", keep=0.81)),
        ("pad_black_6", p(_pad, left=0.06, top=0.06, right=0.06, bottom=0.06,
                          colour=(0, 0, 0))),
        ("pad_white_uneven", p(_pad, left=0.03, top=0.11, right=0.17, bottom=0.19,
                               colour=(255, 255, 255))),
        ("pad_left_grey_19", p(_pad, left=0.19, top=0.0, right=0.0, bottom=0.0,
                               colour=(128, 128, 128))),
        ("border_coloured_9", p(_border, frac=0.09, colour=(203, 51, 87))),
        ("jpeg_q31_420", p(_jpeg, quality=31, subsampling=2)),
        ("jpeg_q47_420", p(_jpeg, quality=47, subsampling=2)),
        ("jpeg_q58_444", p(_jpeg, quality=58, subsampling=0)),
        ("jpeg_q73_420", p(_jpeg, quality=73, subsampling=2)),
        ("jpeg_q88_444", p(_jpeg, quality=88, subsampling=0)),
        ("webp_q53", p(_webp, quality=53)),
        ("webp_q86", p(_webp, quality=86)),
        ("down_0.43", p(_scale, factor=0.43, interp=cv2.INTER_AREA)),
        ("down_0.61", p(_scale, factor=0.61, interp=cv2.INTER_LINEAR)),
        ("down_0.78", p(_scale, factor=0.78, interp=cv2.INTER_CUBIC)),
        ("up_1.53", p(_scale, factor=1.53, interp=cv2.INTER_CUBIC)),
        ("up_1.94", p(_scale, factor=1.94, interp=cv2.INTER_LANCZOS4)),
        ("chain_social", _social),
        ("chain_messaging", _messaging),
        ("chain_messaging_twice", _seq(_messaging, _messaging)),
        ("screen_browser_light", p(_screen_browser, dark=False)),
        ("screen_browser_dark_jpeg83", _seq(p(_screen_browser, dark=True),
                                            p(_jpeg, quality=83, subsampling=2))),
        ("screen_phone_feed", _screen_phone_feed),
        ("screen_card_jpeg71", _screen_card),
        ("screen_document_page", _screen_document),
        ("screen_chat_bubble_jpeg77", _screen_chat),
        ("screen_photo_viewer", _screen_viewer),
        ("screen_gallery_grid_jpeg88", _screen_gallery),
        ("blur_gauss_1.3", p(_blur, sigma=1.3)),
        ("blur_median_3", p(_median, k=3)),
        ("sharpen_unsharp", p(_sharpen, amount=0.7, sigma=1.6)),
        ("noise_gauss_4.7", p(_noise, sigma=4.7, seed=471147)),
        ("bright_+23", p(_bright, delta=23)),
        ("bright_-19", p(_bright, delta=-19)),
        ("contrast_1.27", p(_contrast, k=1.27)),
        ("contrast_0.74", p(_contrast, k=0.74)),
        ("gamma_0.81", p(_gamma, g=0.81)),
        ("saturation_1.41", p(_saturation, k=1.41)),
        ("saturation_0.52", p(_saturation, k=0.52)),
        ("greyscale", _grey3),
        ("cb_crop_centre_83_jpeg67", _seq(p(_crop_frac, fw=0.83, fh=0.83),
                                          p(_jpeg, quality=67))),
        ("cb_rot_+2.9_straighten_jpeg74", _seq(p(_rot_crop, deg=2.9, how="straighten"),
                                               p(_jpeg, quality=74))),
        ("cb_flip_h_down_0.66_jpeg58", _seq(_flip_h, p(_scale, factor=0.66),
                                            p(_jpeg, quality=58))),
        ("cb_bright_+14_contrast_1.12_jpeg81", _seq(p(_bright, delta=14),
                                                    p(_contrast, k=1.12),
                                                    p(_jpeg, quality=81))),
        ("cb_pad_white_8_webp69", _seq(p(_pad, left=0.08, top=0.08, right=0.08,
                                         bottom=0.08, colour=(255, 255, 255)),
                                       p(_webp, quality=69))),
        ("cb_stretch_x_108_crop_offcentre_90",
         _seq(p(_stretch, axis="x", factor=1.08, mode="kept"),
              p(_crop_frac, fw=0.9, fh=0.9, ax=0.63, ay=0.38))),
        ("cb_down_0.52_up_back_jpeg85", _seq(p(_scale, factor=0.52, interp=cv2.INTER_AREA),
                                             p(_scale, factor=1 / 0.52,
                                               interp=cv2.INTER_LINEAR),
                                             p(_jpeg, quality=85))),
        ("cb_saturation_1.3_sharpen_jpeg77_444", _seq(p(_saturation, k=1.3),
                                                      p(_sharpen, amount=0.5, sigma=1.2),
                                                      p(_jpeg, quality=77, subsampling=0))),
        ("cb_rot_-6.2_maxrect_jpeg62", _seq(p(_rot_crop, deg=-6.2, how="maxrect"),
                                            p(_jpeg, quality=62))),
        ("cb_noise_3.1_blur_0.8_jpeg70", _seq(p(_noise, sigma=3.1, seed=310531),
                                              p(_blur, sigma=0.8), p(_jpeg, quality=70))),
        ("cb_crop_tl_79_resize_1080_webp76", _seq(p(_crop_frac, fw=0.79, fh=0.79, ax=0.0,
                                                    ay=0.0),
                                                  p(_long_side, side=1080),
                                                  p(_webp, quality=76))),
        ("cb_grey_contrast_1.18_jpeg55", _seq(_grey3, p(_contrast, k=1.18),
                                              p(_jpeg, quality=55))),
        ("cb_messaging_then_social", _seq(_messaging, _social)),
        ("cb_screen_browser_light_down_0.5_jpeg80",
         _seq(p(_screen_browser, dark=False), p(_scale, factor=0.5, interp=cv2.INTER_AREA),
              p(_jpeg, quality=80))),
        ("cb_gamma_0.87_rot_+1.8_reflect_jpeg84", _seq(p(_gamma, g=0.87),
                                                       p(_rotate, deg=1.8, fill="reflect"),
                                                       p(_jpeg, quality=84))),
    ]
    return [(name, functools.partial(_finalise, fn)) for name, fn in listed]


# ----------------------------------------------------------------------------- images


def _photos() -> list[tuple[str, Array]]:
    s = _sample
    out: list[tuple[str, Array]] = []
    a = _crop(s("astronaut.png"), 64, 0, 384, 512)
    out.append(("photo_astronaut_portrait_717x956", _resize(a, 717, 956)))
    a = _crop(s("coffee.png"), 34, 0, 533, 400)
    out.append(("photo_coffee_43_1184x888", _tint(_resize(a, 1184, 888), 1.04, 1.0, 0.93)))
    a = _crop(s("china.jpg"), 0, 40, 640, 360)
    out.append(("photo_china_169_1707x960", _resize(a, 1707, 960)))
    a = _crop(s("flower.jpg"), 0, 107, 640, 213)
    out.append(("photo_flower_panorama_2048x683", _resize(a, 2048, 683)))
    a = _resize(s("chelsea.png"), 601, 400)
    out.append(("photo_chelsea_dark_601x400", _tint(_gamma(a, 1.9), 0.72, 0.72, 0.75)))
    a = _crop(s("rocket.jpg"), 200, 0, 240, 427)
    out.append(("photo_rocket_bright_portrait_473x841",
                _tint(_gamma(_resize(a, 473, 841), 0.58), 0.9, 0.9, 0.9, 28)))
    a = _resize(s("moon.png"), 640, 640).astype(np.float32)
    out.append(("photo_moon_lowcontrast_640x640", _u8(40 + a * 0.7)))
    a = _crop(s("camera.png"), 0, 40, 512, 384)
    out.append(("photo_camera_grey_880x660", _grey3(_resize(a, 880, 660))))
    out.append(("photo_hubble_dark_1000x872", s("hubble_deep_field.jpg").copy()))
    out.append(("photo_retina_1411x1411", s("retina.jpg").copy()))
    a = _resize(s("grass.png"), 768, 768)
    out.append(("photo_grass_green_texture_768x768", _tint(a, 0.55, 1.0, 0.36, 6)))
    a = _mirror_tile(s("gravel.png"), 983, 737)
    out.append(("photo_gravel_sepia_983x737", _tint(a, 1.07, 0.9, 0.68)))
    a = _mirror_tile(s("brick.png"), 1280, 720)
    out.append(("photo_brick_red_169_1280x720", _tint(a, 1.12, 0.62, 0.5, 10)))
    a = _crop(s("motorcycle_left.png"), 0, 40, 741, 417)
    out.append(("photo_motorcycle_169_1366x768", _resize(a, 1366, 768)))
    a = _crop(s("ihc.png"), 64, 0, 384, 512)
    out.append(("photo_ihc_portrait_cool_600x800",
                _tint(_resize(a, 600, 800), 0.82, 0.95, 1.15, 4)))
    out.append(("photo_coins_grey_487x384", _grey3(_resize(s("coins.png"), 487, 384))))
    return out


_GENERATED = (
    ("gen_stormy_sea_40917", "a stormy sea under a purple evening sky", 40917),
    ("gen_snowy_peaks_7741", "snowy mountains at noon with a clear blue sky", 7741),
    ("gen_desert_dunes_128839", "a desert with sand dunes at sunset", 128839),
    ("gen_river_meadow_90211", "a green meadow beside a river in the morning", 90211),
    ("gen_night_forest_3169", "a dark pine forest at night under the moon", 3169),
    ("gen_autumn_lake_55817", "rolling hills with autumn trees around a lake at dusk", 55817),
)


def _cache_path(name: str, prompt: str, seed: int) -> Path:
    tag = hashlib.sha256(f"{ROUND}\0{prompt}\0{seed}".encode()).hexdigest()[:10]
    return CACHE_DIR / f"{name}_{tag}.png"


def _generated() -> list[tuple[str, Array]]:
    missing = [g for g in _GENERATED if not _cache_path(*g).is_file()]
    if missing:
        _generate(missing)
    out = []
    for name, prompt, seed in _GENERATED:
        with Image.open(_cache_path(name, prompt, seed)) as im:
            out.append((name, np.ascontiguousarray(np.array(im.convert("RGB"), np.uint8))))
    return out


def _generate(items: list[tuple[str, str, int]]) -> None:
    import torch

    from safegen.backends.base import BackendRequest
    from safegen.backends.builtin import BuiltinBackend

    threads = torch.get_num_threads()
    try:
        backend = BuiltinBackend(threads=1)
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        for name, prompt, seed in items:
            request = BackendRequest(prompt=prompt, negative_prompt=None, seeds=(seed,),
                                     width=256, height=256)
            image = backend.generate(request)[0].convert("RGB")
            path = _cache_path(name, prompt, seed)
            tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
            image.save(tmp, "PNG")
            os.replace(tmp, path)
    finally:
        torch.set_num_threads(threads)


def _screenshot_settings() -> Array:
    w, h = 1280, 800
    c = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(c)
    d.rectangle([0, 0, 300, h], fill=(243, 244, 246))
    d.text((28, 26), "Settings", fill=(17, 24, 39), font=_font(28))
    d.rounded_rectangle([20, 76, 280, 112], radius=8, fill=(255, 255, 255),
                        outline=(209, 213, 219))
    d.text((36, 84), "Search settings", fill=(156, 163, 175), font=_font(16))
    items = ("Account", "Display", "Notifications", "Privacy", "Storage", "Network",
             "Keyboard", "Accessibility", "About")
    for i, label in enumerate(items):
        y = 140 + 44 * i
        if i == 1:
            d.rounded_rectangle([14, y - 8, 286, y + 30], radius=8, fill=(219, 234, 254))
        d.text((40, y), label, fill=(31, 41, 55), font=_font(17))
    d.text((340, 30), "Display", fill=(17, 24, 39), font=_font(30))
    rows = (("Dark mode", True), ("Night light", False), ("Auto brightness", True),
            ("Show scroll bars", False), ("Reduce motion", False), ("Large text", True))
    for i, (label, on) in enumerate(rows):
        y = 100 + 70 * i
        d.text((340, y + 6), label, fill=(31, 41, 55), font=_font(19))
        d.text((340, y + 32), f"Option {i + 1} of the display group", fill=(107, 114, 128),
               font=_font(14))
        colour = (37, 99, 235) if on else (209, 213, 219)
        d.rounded_rectangle([1160, y + 10, 1214, y + 38], radius=14, fill=colour)
        kx = 1188 if on else 1164
        d.ellipse([kx, y + 13, kx + 22, y + 35], fill=(255, 255, 255))
        d.line([340, y + 62, 1230, y + 62], fill=(229, 231, 235))
    d.text((340, 540), "Scale", fill=(31, 41, 55), font=_font(19))
    d.rounded_rectangle([340, 580, 1230, 586], radius=3, fill=(209, 213, 219))
    d.rounded_rectangle([340, 580, 771, 586], radius=3, fill=(37, 99, 235))
    d.ellipse([760, 572, 782, 594], fill=(37, 99, 235))
    d.rounded_rectangle([1090, 700, 1230, 744], radius=8, fill=(37, 99, 235))
    d.text((1130, 712), "Apply", fill=(255, 255, 255), font=_font(18))
    return _to_array(c)


def _screenshot_code() -> Array:
    w, h = 1366, 768
    c = Image.new("RGB", (w, h), (30, 30, 30))
    d = ImageDraw.Draw(c)
    d.rectangle([0, 0, 52, h], fill=(51, 51, 51))
    d.rectangle([52, 0, 300, h], fill=(37, 37, 38))
    d.rectangle([300, 0, w, 36], fill=(45, 45, 45))
    d.rectangle([300, 0, 470, 36], fill=(30, 30, 30))
    d.text((318, 10), "pipeline.py", fill=(255, 255, 255), font=_font(14))
    for i, name in enumerate(("src", "  pipeline.py", "  render.py", "  utils.py", "tests",
                              "README", "setup.cfg")):
        d.text((66, 48 + 24 * i), name, fill=(204, 204, 204), font=_font(14))
    palette = {"kw": (86, 156, 214), "fn": (220, 220, 170), "str": (206, 145, 120),
               "num": (181, 206, 168), "id": (156, 220, 254), "cm": (106, 153, 85),
               "op": (212, 212, 212)}
    rng = np.random.default_rng(1366768)
    kws = ("def", "return", "for", "in", "if", "import", "from", "with", "class", "else")
    font = _font(15)
    for line in range(34):
        y = 46 + 21 * line
        d.text((310, y), f"{line + 1:>3}", fill=(133, 133, 133), font=font)
        x = 360 + 16 * int(rng.integers(0, 4))
        if rng.random() < 0.12:
            d.text((x, y), "# " + _sentence(rng, 30).lower(), fill=palette["cm"], font=font)
            continue
        for _ in range(int(rng.integers(2, 8))):
            kind = ("kw", "fn", "str", "num", "id", "op")[int(rng.integers(6))]
            tok = {"kw": kws[int(rng.integers(len(kws)))],
                   "fn": _WORDS[int(rng.integers(len(_WORDS)))] + "()",
                   "str": '"' + _WORDS[int(rng.integers(len(_WORDS)))] + '"',
                   "num": str(int(rng.integers(0, 999))),
                   "id": _WORDS[int(rng.integers(len(_WORDS)))] + "_x",
                   "op": ("=", "+", ".", ",", ":", "==")[int(rng.integers(6))]}[kind]
            d.text((x, y), tok, fill=palette[kind], font=font)
            x += int(font.getlength(tok + " "))
    d.rectangle([0, h - 22, w, h], fill=(0, 122, 204))
    d.text((10, h - 19), "main   Ln 12, Col 4   UTF-8   Python 3.11", fill=(255, 255, 255),
           font=_font(13))
    return _to_array(c)


def _graphic_poster() -> Array:
    w, h = 900, 1200
    c = Image.new("RGB", (w, h), (244, 211, 94))
    d = ImageDraw.Draw(c)
    d.ellipse([180, 160, 720, 700], fill=(238, 150, 75))
    d.ellipse([290, 270, 610, 590], fill=(249, 87, 56))
    d.polygon([(0, 860), (300, 560), (620, 900), (900, 640), (900, 1200), (0, 1200)],
              fill=(13, 59, 102))
    d.polygon([(0, 980), (260, 780), (520, 1010), (900, 800), (900, 1200), (0, 1200)],
              fill=(8, 37, 64))
    d.rectangle([60, 60, 840, 110], fill=(13, 59, 102))
    d.text((84, 66), "NIGHT MARKET  -  FRI 19 DEC", fill=(244, 211, 94), font=_font(36))
    d.text((70, 1010), "HARBOUR", fill=(244, 211, 94), font=_font(120))
    d.text((74, 1140), "food  -  music  -  lanterns  -  from 6 pm", fill=(250, 240, 202),
           font=_font(30))
    for i in range(9):
        x = 80 + 90 * i
        d.line([x, 120, x + 40, 200], fill=(13, 59, 102), width=3)
        d.ellipse([x + 28, 196, x + 52, 220], fill=(249, 87, 56))
    return _to_array(c)


def _graphic_chart() -> Array:
    w, h = 1024, 640
    c = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(c)
    d.text((70, 22), "Monthly visitors by site (thousands)", fill=(33, 37, 41), font=_font(24))
    left, right, top, bottom = 90, 980, 80, 560
    for i in range(6):
        y = bottom - i * (bottom - top) // 5
        d.line([left, y, right, y], fill=(222, 226, 230))
        d.text((40, y - 9), f"{i * 20}", fill=(108, 117, 125), font=_font(15))
    d.line([left, top, left, bottom], fill=(52, 58, 64), width=2)
    d.line([left, bottom, right, bottom], fill=(52, 58, 64), width=2)
    rng = np.random.default_rng(20261207)
    colours = ((31, 119, 180), (255, 127, 14), (44, 160, 44))
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
              "Dec")
    gw = (right - left) / len(months)
    for m, label in enumerate(months):
        for k, col in enumerate(colours):
            v = float(rng.uniform(12, 96))
            x0 = left + m * gw + 8 + k * (gw - 16) / 3
            d.rectangle([x0, bottom - v / 100 * (bottom - top), x0 + (gw - 16) / 3 - 2,
                         bottom - 1], fill=col)
        d.text((left + m * gw + gw / 2 - 14, bottom + 10), label, fill=(73, 80, 87),
               font=_font(15))
    for k, (col, name) in enumerate(zip(colours, ("North", "Harbour", "Old town"),
                                        strict=True)):
        d.rectangle([700 + k * 100, 26, 714 + k * 100, 40], fill=col)
        d.text((720 + k * 100, 24), name, fill=(33, 37, 41), font=_font(15))
    return _to_array(c)


def images() -> list[tuple[str, str, Array]]:
    """26 images: 16 photos, 6 generated, 2 screenshots, 2 graphics."""
    out: list[tuple[str, str, Array]] = [(n, "photo", a) for n, a in _photos()]
    out += [(n, "generated", a) for n, a in _generated()]
    out.append(("screenshot_settings_light_1280x800", "screenshot", _screenshot_settings()))
    out.append(("screenshot_code_dark_1366x768", "screenshot", _screenshot_code()))
    out.append(("graphic_poster_flat_900x1200", "graphic", _graphic_poster()))
    out.append(("graphic_bar_chart_1024x640", "graphic", _graphic_chart()))
    return [(n, k, np.ascontiguousarray(a, dtype=np.uint8)) for n, k, a in out]


# ----------------------------------------------------------------------------- unmarked


def _side(rng: np.random.Generator) -> int:
    return int(rng.integers(96, 1101))


def _clamp_sides(w: float, h: float) -> tuple[int, int]:
    s = min(1.0, 1100 / max(w, h))
    w, h = w * s, h * s
    s = max(1.0, 96 / min(w, h))
    w, h = w * s, h * s
    return int(min(1100, max(96, round(w)))), int(min(1100, max(96, round(h))))


def _random_crop(rng: np.random.Generator, src: Array) -> Array:
    h, w = src.shape[:2]
    fw, fh = rng.uniform(0.3, 1.0), rng.uniform(0.3, 1.0)
    cw, ch = max(16, round(w * fw)), max(16, round(h * fh))
    return _crop(src, int(rng.integers(0, w - min(w, cw) + 1)),
                 int(rng.integers(0, h - min(h, ch) + 1)), cw, ch)


def _random_photo(rng: np.random.Generator) -> Array:
    src = _sample(_PHOTO_POOL[int(rng.integers(len(_PHOTO_POOL)))])
    crop = _random_crop(rng, src)
    ch, cw = crop.shape[:2]
    long_side = _side(rng)
    s = long_side / max(cw, ch)
    w, h = _clamp_sides(cw * s, ch * s)
    return _resize(crop, w, h)


def _u_photo_crop(rng: np.random.Generator) -> Array:
    return _random_photo(rng)


def _u_photo_flip_turn(rng: np.random.Generator) -> Array:
    a = _random_photo(rng)
    op = int(rng.integers(5))
    if op == 0:
        return _flip_h(a)
    if op == 1:
        return _flip_v(a)
    if op == 2:
        return np.ascontiguousarray(np.rot90(a, int(rng.integers(1, 4))))
    deg = float(rng.uniform(-10, 10))
    if op == 3:
        return _rotate(a, deg, ("black", "white", "reflect")[int(rng.integers(3))])
    out = _rot_crop(a, deg, ("straighten", "maxrect")[int(rng.integers(2))])
    return out if min(out.shape[:2]) >= 96 else _resize(out, *_clamp_sides(
        out.shape[1], out.shape[0]))


def _u_photo_rescale(rng: np.random.Generator) -> Array:
    src = _sample(_PHOTO_POOL[int(rng.integers(len(_PHOTO_POOL)))])
    f = float(rng.uniform(0.25, 2.2))
    h, w = src.shape[:2]
    interp = (cv2.INTER_AREA, cv2.INTER_LINEAR, cv2.INTER_CUBIC,
              cv2.INTER_LANCZOS4)[int(rng.integers(4))]
    a = _resize(src, max(96, round(w * f)), max(96, round(h * f)), interp)
    h, w = a.shape[:2]
    return _crop(a, int(rng.integers(0, max(1, w - 1100 + 1))),
                 int(rng.integers(0, max(1, h - 1100 + 1))), min(w, 1100), min(h, 1100))


def _u_photo_colour(rng: np.random.Generator) -> Array:
    a = _random_photo(rng)
    op = int(rng.integers(6))
    if op == 0:
        return _bright(a, float(rng.uniform(-45, 45)))
    if op == 1:
        return _contrast(a, float(rng.uniform(0.5, 1.6)))
    if op == 2:
        return _gamma(a, float(rng.uniform(0.5, 2.0)))
    if op == 3:
        return _saturation(a, float(rng.uniform(0.0, 1.8)))
    if op == 4:
        r, g, b = rng.uniform(0.75, 1.2, size=3)
        return _tint(a, float(r), float(g), float(b), float(rng.uniform(-10, 20)))
    return _grey3(a)


def _u_photo_recompress(rng: np.random.Generator) -> Array:
    a = _random_photo(rng)
    for _ in range(int(rng.integers(1, 3))):
        if rng.random() < 0.75:
            a = _jpeg(a, int(rng.integers(20, 96)), int(rng.choice([0, 2])))
        else:
            a = _webp(a, int(rng.integers(30, 96)))
    return a


def _u_screen(rng: np.random.Generator) -> Array:
    w, h = _side(rng), _side(rng)
    dark = rng.random() < 0.4
    bg = tuple(int(v) for v in (rng.integers(20, 50, 3) if dark else rng.integers(225, 256, 3)))
    ink = (225, 225, 225) if dark else (40, 40, 40)
    c = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(c)
    bar_h = int(rng.integers(24, 64))
    accent = tuple(int(v) for v in rng.integers(0, 256, 3))
    d.rectangle([0, 0, w, bar_h], fill=accent)
    if w > 200:
        d.text((12, bar_h // 4), _sentence(rng, 16), fill=(255, 255, 255),
               font=_font(max(10, bar_h // 2)))
    pw = int(w * rng.uniform(0.35, 0.9))
    ph = int(max(8, (h - bar_h) * rng.uniform(0.3, 0.8)))
    photo = _cover(_random_crop(rng, _sample(
        _PHOTO_POOL[int(rng.integers(len(_PHOTO_POOL)))])), max(8, pw), ph)
    x = int(rng.integers(0, max(1, w - pw)))
    y = bar_h + int(rng.integers(4, max(5, h - bar_h - ph)))
    frame = int(rng.integers(0, 10))
    if frame:
        d.rectangle([x - frame, y - frame, x + pw + frame, y + ph + frame],
                    fill=tuple(int(v) for v in rng.integers(0, 256, 3)))
    _paste(c, photo, x, y, radius=int(rng.integers(0, 16)))
    ty = y + ph + 12
    if ty < h - 20:
        _text_block(d, 12, ty, max(40, w - 24), max(1, (h - ty) // 28), 14, ink,
                    int(rng.integers(1 << 30)))
    out = _to_array(c)
    if rng.random() < 0.5:
        out = _jpeg(out, int(rng.integers(50, 95)))
    return out


def _u_graphic(rng: np.random.Generator) -> Array:
    w, h = _side(rng), _side(rng)
    c = Image.new("RGB", (w, h), tuple(int(v) for v in rng.integers(0, 256, 3)))
    d = ImageDraw.Draw(c)
    for _ in range(int(rng.integers(3, 14))):
        col = tuple(int(v) for v in rng.integers(0, 256, 3))
        x0, x1 = sorted(int(v) for v in rng.integers(-w // 4, w + w // 4, 2))
        y0, y1 = sorted(int(v) for v in rng.integers(-h // 4, h + h // 4, 2))
        shape = int(rng.integers(4))
        if shape == 0:
            d.rectangle([x0, y0, x1, y1], fill=col)
        elif shape == 1:
            d.ellipse([x0, y0, x1, y1], fill=col)
        elif shape == 2:
            pts = [(int(rng.integers(0, w)), int(rng.integers(0, h))) for _ in range(3)]
            d.polygon(pts, fill=col)
        else:
            d.line([x0, y0, x1, y1], fill=col, width=int(rng.integers(1, 20)))
    if rng.random() < 0.6:
        size = int(max(10, min(w, h) * rng.uniform(0.05, 0.2)))
        d.text((int(w * 0.06), int(h * rng.uniform(0.05, 0.8))), _sentence(rng, 14).upper(),
               fill=tuple(int(v) for v in rng.integers(0, 256, 3)), font=_font(size))
    return _to_array(c)


def _u_chart(rng: np.random.Generator) -> Array:
    w, h = _side(rng), _side(rng)
    c = Image.new("RGB", (w, h), (255, 255, 255) if rng.random() < 0.8 else (24, 26, 30))
    d = ImageDraw.Draw(c)
    left, right, top, bottom = int(w * 0.1), int(w * 0.95), int(h * 0.1), int(h * 0.88)
    for i in range(6):
        y = bottom - i * (bottom - top) // 5
        d.line([left, y, right, y], fill=(200, 200, 200))
    d.line([left, top, left, bottom], fill=(90, 90, 90), width=2)
    d.line([left, bottom, right, bottom], fill=(90, 90, 90), width=2)
    n = int(rng.integers(4, 24))
    vals = rng.uniform(0.05, 1.0, n)
    col = tuple(int(v) for v in rng.integers(0, 200, 3))
    step = (right - left) / n
    if rng.random() < 0.5:
        for i, v in enumerate(vals):
            d.rectangle([left + i * step + 2, bottom - v * (bottom - top),
                         left + (i + 1) * step - 2, bottom - 1], fill=col)
    else:
        pts = [(left + (i + 0.5) * step, bottom - v * (bottom - top))
               for i, v in enumerate(vals)]
        d.line(pts, fill=col, width=int(rng.integers(1, 5)))
        for x, y in pts:
            d.ellipse([x - 3, y - 3, x + 3, y + 3], fill=col)
    return _to_array(c)


def _smooth_noise(rng: np.random.Generator, w: int, h: int, cell: int) -> Array:
    small = rng.random((max(2, h // cell + 2), max(2, w // cell + 2), 3)).astype(np.float32)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)


def _u_texture(rng: np.random.Generator) -> Array:
    w, h = _side(rng), _side(rng)
    op = int(rng.integers(3))
    if op == 0:
        src = _sample(_TEXTURE_POOL[int(rng.integers(len(_TEXTURE_POOL)))])
        a = _mirror_tile(_random_crop(rng, src), w, h)
        r, g, b = rng.uniform(0.6, 1.2, size=3)
        return _tint(a, float(r), float(g), float(b))
    if op == 1:
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        ang = float(rng.uniform(0, math.pi))
        period = float(rng.uniform(2.5, 40))
        wave = np.sin((xx * math.cos(ang) + yy * math.sin(ang)) * 2 * math.pi / period)
        c1, c2 = rng.integers(0, 256, 3), rng.integers(0, 256, 3)
        t = (wave[..., None] + 1) / 2
        return _u8(c1 * t + c2 * (1 - t))
    a = _smooth_noise(rng, w, h, int(rng.integers(3, 60)))
    return _u8(a * 255)


def _u_noise(rng: np.random.Generator) -> Array:
    w, h = _side(rng), _side(rng)
    op = int(rng.integers(4))
    if op == 0:
        return np.ascontiguousarray(rng.integers(0, 256, (h, w, 3), dtype=np.uint8))
    if op == 1:
        base = rng.uniform(40, 215)
        return _u8(rng.normal(base, rng.uniform(2, 40), (h, w, 3)))
    if op == 2:
        a = np.full((h, w, 3), int(rng.integers(0, 256)), np.uint8)
        m = rng.random((h, w))
        p = float(rng.uniform(0.005, 0.1))
        a[m < p / 2] = 0
        a[m > 1 - p / 2] = 255
        return a
    g = rng.normal(128, rng.uniform(5, 50), (h, w)).astype(np.float32)
    return _u8(np.repeat(g[..., None], 3, axis=2))


def _u_flat(rng: np.random.Generator) -> Array:
    w, h = _side(rng), _side(rng)
    a = np.empty((h, w, 3), np.uint8)
    a[:] = rng.integers(0, 256, 3).astype(np.uint8)
    if rng.random() < 0.3:
        a = _u8(a.astype(np.float32) + rng.integers(-1, 2, (h, w, 3)))
    return a


def _u_gradient(rng: np.random.Generator) -> Array:
    w, h = _side(rng), _side(rng)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    c1, c2 = rng.integers(0, 256, 3), rng.integers(0, 256, 3)
    if rng.random() < 0.6:
        ang = float(rng.uniform(0, 2 * math.pi))
        t = xx * math.cos(ang) + yy * math.sin(ang)
    else:
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        t = np.hypot(xx - cx, yy - cy)
    t = (t - t.min()) / max(1e-6, float(t.max() - t.min()))
    return _u8(c1 * t[..., None] + c2 * (1 - t[..., None]))


_UNMARKED: tuple[tuple[str, float, Callable[[np.random.Generator], Array]], ...] = (
    ("photo_crop", 0.11, _u_photo_crop),
    ("photo_flip_turn", 0.11, _u_photo_flip_turn),
    ("photo_rescale", 0.11, _u_photo_rescale),
    ("photo_colour", 0.11, _u_photo_colour),
    ("photo_recompress", 0.11, _u_photo_recompress),
    ("screen", 0.10, _u_screen),
    ("graphic", 0.07, _u_graphic),
    ("chart", 0.05, _u_chart),
    ("texture", 0.09, _u_texture),
    ("noise", 0.05, _u_noise),
    ("flat", 0.04, _u_flat),
    ("gradient", 0.05, _u_gradient),
)


def unmarked(n: int = 10000, seed: int = 2026120715) -> Iterator[tuple[str, Array]]:
    """n unmarked images; item i depends only on default_rng([seed, i]) and the samples."""
    weights = np.array([k[1] for k in _UNMARKED], dtype=np.float64)
    weights /= weights.sum()
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        kind, _, make = _UNMARKED[int(rng.choice(len(_UNMARKED), p=weights))]
        rgb = np.ascontiguousarray(make(rng), dtype=np.uint8)
        yield f"u{i:05d}_{kind}", rgb


# ----------------------------------------------------------------------------- edge cases


def edge_cases() -> list[tuple[str, Array]]:
    """Awkward uint8 RGB arrays (C-contiguous); names give height x width."""
    rng = np.random.default_rng(2026120701)
    coffee = _sample("coffee.png")
    out: list[tuple[str, Array]] = []

    def full(h: int, w: int, colour: tuple[int, int, int]) -> Array:
        a = np.empty((h, w, 3), np.uint8)
        a[:] = colour
        return a

    out.append(("tiny_1x1", full(1, 1, (200, 30, 90))))
    out.append(("tiny_2x2", rng.integers(0, 256, (2, 2, 3), dtype=np.uint8)))
    out.append(("tiny_3x5", rng.integers(0, 256, (3, 5, 3), dtype=np.uint8)))
    out.append(("tiny_8x8_photo", _resize(coffee, 8, 8)))
    out.append(("small_17x23_photo", _resize(_sample("astronaut.png"), 23, 17)))
    out.append(("small_63x41_photo", _resize(_sample("rocket.jpg"), 41, 63)))
    out.append(("strip_h1_w517", _resize(coffee, 517, 1)))
    out.append(("strip_h613_w1", _resize(_sample("china.jpg"), 1, 613)))
    out.append(("strip_h2_w1900", _resize(_sample("flower.jpg"), 1900, 2)))
    out.append(("strip_h1800_w3", _resize(_sample("retina.jpg"), 3, 1800)))
    big = _resize(_sample("motorcycle_right.png"), 4000, 3000, cv2.INTER_CUBIC)
    grain = rng.normal(0, 3.0, (3000, 4000, 1)).astype(np.float32)
    out.append(("huge_3000x4000_photo", _u8(big.astype(np.float32) + grain)))
    del big, grain
    pano = _mirror_tile(_resize(_sample("china.jpg"), 900, 600), 7000, 600)
    out.append(("huge_panorama_600x7000", pano))
    out.append(("flat_black", full(480, 640, (0, 0, 0))))
    out.append(("flat_white", full(512, 512, (255, 255, 255))))
    out.append(("flat_grey_128", full(377, 611, (128, 128, 128))))
    out.append(("flat_red", full(300, 400, (255, 0, 0))))
    out.append(("flat_colour_37_141_203", full(720, 1280, (37, 141, 203))))
    out.append(("near_flat_grey_pm1",
                _u8(128 + rng.integers(-1, 2, (600, 800, 3)).astype(np.float32))))
    out.append(("near_flat_dark_0_2", rng.integers(0, 3, (480, 720, 3), dtype=np.uint8)))
    out.append(("near_flat_bright_253_255",
                rng.integers(253, 256, (533, 419, 3), dtype=np.uint8)))
    ramp = np.linspace(90, 101, 1024, dtype=np.float32)  # 8-bit banding
    out.append(("gradient_banding",
                _u8(np.broadcast_to(ramp[None, :, None], (576, 1024, 3)))))
    out.append(("noise_uniform_rgb", rng.integers(0, 256, (512, 768, 3), dtype=np.uint8)))
    g = _u8(rng.normal(128, 45, (640, 640)))
    out.append(("noise_gauss_grey", np.ascontiguousarray(np.repeat(g[..., None], 3, 2))))
    yy, xx = np.mgrid[0:512, 0:512]
    c1 = ((yy + xx) % 2 * 255).astype(np.uint8)
    out.append(("checker_1px", np.ascontiguousarray(np.repeat(c1[..., None], 3, 2))))
    c8 = ((yy // 8 + xx // 8) % 2 * 255).astype(np.uint8)
    out.append(("checker_8px", np.ascontiguousarray(np.repeat(c8[..., None], 3, 2))))
    yy, xx = np.mgrid[0:450, 0:600]
    sel = ((yy // 3 + xx // 3) % 2).astype(bool)
    cc = full(450, 600, (230, 40, 40))
    cc[sel] = (30, 60, 220)
    out.append(("checker_colour_3px", cc))
    yy, xx = np.mgrid[0:480, 0:640]
    sv = ((xx % 2) * 255).astype(np.uint8)
    out.append(("stripes_v_1px", np.ascontiguousarray(np.repeat(sv[..., None], 3, 2))))
    sh = (((yy // 2) % 2) * 255).astype(np.uint8)
    out.append(("stripes_h_2px", np.ascontiguousarray(np.repeat(sh[..., None], 3, 2))))
    sd = ((((xx + yy) // 5) % 2) * 200 + 20).astype(np.uint8)
    out.append(("stripes_diag_5px", np.ascontiguousarray(np.repeat(sd[..., None], 3, 2))))
    yy, xx = np.mgrid[-300:300, -300:300].astype(np.float32)
    zp = _u8(127.5 + 127.5 * np.cos(math.pi * (xx * xx + yy * yy) / 600.0))
    out.append(("zone_plate", np.ascontiguousarray(np.repeat(zp[..., None], 3, 2))))
    bars = ((255, 255, 255), (255, 255, 0), (0, 255, 255), (0, 255, 0), (255, 0, 255),
            (255, 0, 0), (0, 0, 255), (0, 0, 0))
    cb = np.empty((405, 720, 3), np.uint8)
    for i, col in enumerate(bars):
        cb[:, i * 90:(i + 1) * 90] = col
    out.append(("colour_bars", cb))
    out.append(("clipped_overexposed_photo",
                _u8(_resize(_sample("chelsea.png"), 677, 450).astype(np.float32) * 2.4)))
    c = Image.new("RGB", (850, 1100), (255, 255, 255))
    _text_block(ImageDraw.Draw(c), 60, 60, 730, 40, 16, (0, 0, 0), 8501100, 1.6)
    out.append(("text_on_white", _to_array(c)))
    return [(n, np.ascontiguousarray(a, dtype=np.uint8)) for n, a in out]


def _png_chunk(tag: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + tag + data
            + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))


def _png_interlaced(rgb: Array) -> bytes:
    """An Adam7-interlaced 8-bit RGB PNG (Pillow does not write interlaced PNGs)."""
    h, w = rgb.shape[:2]
    raw = bytearray()
    for xs, ys, xst, yst in ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4),
                             (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)):
        sub = rgb[ys::yst, xs::xst]
        if sub.size == 0:
            continue
        for row in sub:
            raw += b"\x00" + np.ascontiguousarray(row).tobytes()
    return (b"\x89PNG\r\n\x1a\n"
            + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 1))
            + _png_chunk(b"IDAT", zlib.compress(bytes(raw), 9))
            + _png_chunk(b"IEND", b""))


def _png_huge_declared() -> bytes:
    """A PNG whose header declares 100000 x 100000 RGB; its data is a few rows only."""
    rows = b"".join(b"\x00" + bytes(300) for _ in range(4))
    return (b"\x89PNG\r\n\x1a\n"
            + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", 100000, 100000, 8, 2, 0, 0, 0))
            + _png_chunk(b"IDAT", zlib.compress(rows, 9))
            + _png_chunk(b"IEND", b""))


def edge_case_files() -> list[tuple[str, bytes]]:
    """Awkward encoded files, byte-identical per run (same library versions)."""
    rng = np.random.default_rng(2026120702)
    base = _resize(_crop(_sample("coffee.png"), 40, 0, 520, 390), 320, 240)
    tall = _resize(_crop(_sample("rocket.jpg"), 200, 0, 240, 360), 200, 300)
    out: list[tuple[str, bytes]] = []

    rgb16 = np.minimum(base.astype(np.int64) * 257 + rng.integers(0, 200, base.shape),
                       65535).astype(np.uint16)
    ok, enc = cv2.imencode(".png", np.ascontiguousarray(rgb16[..., ::-1]))
    if not ok:
        raise RuntimeError("OpenCV could not write a 16-bit PNG")
    out.append(("png16_rgb", enc.tobytes()))
    grey16 = (_luma(base) * 257).astype(np.uint16)
    out.append(("png16_grey", _im_bytes(Image.fromarray(grey16), "PNG")))
    alpha = np.tile(np.linspace(0, 255, 320, dtype=np.float32)[None, :], (240, 1))
    rgba = np.dstack([base, _u8(alpha)])
    out.append(("png_rgba_gradient_alpha", _im_bytes(Image.fromarray(rgba, "RGBA"), "PNG")))
    clear = np.dstack([base, np.zeros((240, 320), np.uint8)])
    out.append(("png_rgba_transparent", _im_bytes(Image.fromarray(clear, "RGBA"), "PNG")))
    pal = Image.fromarray(base).quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=0)
    out.append(("png_palette", _im_bytes(pal, "PNG")))
    out.append(("png_palette_trns", _im_bytes(pal, "PNG", transparency=3)))
    grey = Image.fromarray(base).convert("L")
    out.append(("png_grey", _im_bytes(grey, "PNG")))
    out.append(("png_1bit", _im_bytes(grey.convert("1"), "PNG")))
    out.append(("png_interlaced", _png_interlaced(base)))
    out.append(("png_1x1", _im_bytes(Image.new("RGB", (1, 1), (12, 200, 34)), "PNG")))
    good_png = _im_bytes(Image.fromarray(base), "PNG")
    out.append(("png_truncated", good_png[: len(good_png) * 11 // 20]))
    bad = bytearray(good_png)
    start = bad.find(b"IDAT") + 4
    for k in range(40):
        bad[start + 200 + 37 * k] ^= 0x5A
    out.append(("png_corrupt_idat", bytes(bad)))
    out.append(("png_huge_declared_size", _png_huge_declared()))

    jpg = _im_bytes(Image.fromarray(base), "JPEG", quality=83)
    out.append(("jpeg_truncated", jpg[: len(jpg) * 3 // 5]))
    badj = bytearray(jpg)
    sos = badj.find(b"\xff\xda")
    for k in range(25):
        pos = sos + 400 + 53 * k
        badj[pos] = (badj[pos] + 0x3B) & 0xFF
        if badj[pos] == 0xFF:
            badj[pos] = 0xFE
    out.append(("jpeg_corrupt_scan", bytes(badj)))
    out.append(("jpeg_cmyk", _im_bytes(Image.fromarray(base).convert("CMYK"), "JPEG",
                                       quality=87)))
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: turn 90 degrees clockwise to display
    out.append(("jpeg_exif_orientation_6", _im_bytes(Image.fromarray(tall), "JPEG",
                                                     quality=86, exif=exif.tobytes())))
    out.append(("jpeg_progressive", _im_bytes(Image.fromarray(base), "JPEG", quality=79,
                                              progressive=True)))
    out.append(("jpeg_grey", _im_bytes(grey, "JPEG", quality=81)))
    out.append(("jpeg_header_only", jpg[: jpg.find(b"\xff\xdb")]))

    frames = [Image.fromarray(np.ascontiguousarray(np.roll(base, 40 * k, axis=1)))
              for k in range(3)]
    gif = [f.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=0) for f in frames]
    out.append(("gif_animated", _im_bytes(gif[0], "GIF", save_all=True,
                                          append_images=gif[1:], duration=120, loop=0)))
    out.append(("webp_animated", _im_bytes(frames[0], "WEBP", save_all=True,
                                           append_images=frames[1:], duration=120, loop=0,
                                           quality=80, method=4)))
    out.append(("webp_lossless", _im_bytes(Image.fromarray(base), "WEBP", lossless=True,
                                           method=4)))

    out.append(("tiff_uncompressed", _im_bytes(Image.fromarray(base), "TIFF")))
    out.append(("tiff_lzw", _im_bytes(Image.fromarray(base), "TIFF",
                                      compression="tiff_lzw")))
    out.append(("tiff_deflate_rgba", _im_bytes(Image.fromarray(rgba, "RGBA"), "TIFF",
                                               compression="tiff_adobe_deflate")))
    out.append(("tiff_grey16", _im_bytes(Image.fromarray(grey16), "TIFF")))
    out.append(("tiff_multipage", _im_bytes(frames[0], "TIFF", save_all=True,
                                            append_images=frames[1:])))
    out.append(("bmp_24", _im_bytes(Image.fromarray(base), "BMP")))
    out.append(("bmp_8bit_palette", _im_bytes(pal, "BMP")))
    out.append(("empty", b""))
    out.append(("random_bytes", rng.integers(0, 256, 4099, dtype=np.uint8).tobytes()))
    return out


def _im_bytes(im: Image.Image, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()
