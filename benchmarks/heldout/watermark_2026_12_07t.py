"""Held-out watermark test set, round 2026-12-07t (blind, frozen).

PROVENANCE
    Written by an independent tester who was asked not to learn how the watermark
    works, and who did not. Files read: pyproject.toml, safegen/backends/__init__.py,
    safegen/backends/base.py and safegen/backends/builtin.py (only to call the built-in
    offline text-to-image model), plus the sample images shipped inside installed
    packages (scikit-image's skimage/data/*.png|*.jpg and scikit-learn's
    sklearn/datasets/images/*.jpg, found with importlib.util.find_spec).
    NOT opened, grepped, listed or imported: anything under safegen/watermark/, docs/,
    tests/, benchmarks/ (apart from writing this one file and its cache folder cache_t/;
    the benchmarks folder was not even listed, and no other file under
    benchmarks/heldout/ was opened or listed), README.md, any issue tracker; no git
    command was run, and no watermark encoder or decoder was run. Every parameter below
    was chosen before, and without, seeing any watermark result (none was seen). Values
    are deliberately off round numbers. Only Pillow, OpenCV (cv2) and numpy are used
    (plus the built-in model for the "generated" images). The module was run only to
    check its own outputs (shapes, dtypes, contiguity, determinism, thumbnails).

FROZEN
    This file is never edited, not even for style: its sha256 is its identity.

SOURCES
    photo      crops, rescales and tone changes of scikit-image sample images
               (astronaut, chelsea, coffee, rocket, ihc, motorcycle_left/right, retina,
               hubble_deep_field, camera, moon, grass, brick) and scikit-learn's
               china.jpg and flower.jpg; enlarged photos get seeded grain.
    unmarked   random crops of a fixed list of 23 scikit-image and 2 scikit-learn sample
               files (_UNMARKED_SOURCES), plus drawn graphics, pages, gradients, textures.
    generated  the built-in model (safegen.backends.builtin.BuiltinBackend, 256x256),
               with this file's own prompts and seeds; cached as PNG in cache_t/ and
               regenerated when absent.
    screenshot drawn here with OpenCV (an editor window, a phone chat).
    graphic    drawn here with OpenCV (a bar chart, a flat logo/poster).

INTERFACE
    ROUND = "2026-12-07t"; CACHE_DIR = Path(__file__).resolve().parent / "cache_t"
    images() -> list[(name, image_class, rgb)], image_class in
        {"photo", "generated", "graphic", "screenshot"}; rgb: C-contiguous uint8 (H, W, 3).
    attacks() -> list[(name, fn)]; fn(rgb) -> new C-contiguous uint8 (H', W', 3);
        deterministic (noise is seeded from the attack name and the image's shape and
        bytes); the first attack is "none" (a copy).
    unmarked(n=10000, seed=2026120720) -> iterator of (name, rgb); item i depends only
        on np.random.default_rng([seed, i]) and the fixed package sample images; both
        sides in 96..1100.
    edge_cases() -> list[(name, rgb)]: awkward uint8 RGB arrays.
    edge_case_files() -> list[(name, bytes)]: awkward encoded files, byte-identical per run.

IMAGES (28)
    photo_chelsea_crop_388x262, photo_coffee_portrait_293x437, photo_rocket_dark_467x311,
    photo_chelsea_16x9_warm_413x233, photo_astronaut_512x512, photo_ihc_509x517,
    photo_motorcycle_523x498, photo_moon_lowcontrast_641x481, photo_camera_grey_797x598,
    photo_retina_1031x1009, photo_hubble_1061x925, photo_china_1037x692,
    photo_grass_texture_733x733, photo_brick_texture_portrait_549x731,
    photo_coffee_bright_1386x1039, photo_flower_16x9_1918x1079,
    photo_motorcycle_panorama_2042x681, photo_astronaut_portrait_1229x1638,
    generated_misty_lake_dawn_s4172, generated_desert_dunes_sunset_s90317,
    generated_snowy_mountains_moon_s2291, generated_green_hills_river_s55603,
    generated_stormy_sea_clouds_s7349, generated_autumn_forest_pond_s31877,
    screenshot_code_editor_1293x781, screenshot_phone_chat_431x917,
    graphic_bar_chart_829x613, graphic_flat_poster_601x587

ATTACKS (80)
    none, flip_horizontal, flip_vertical, stretch_x_1.07, stretch_x_0.87,
    stretch_y_0.91, stretch_xy_1.11x0.94, crop_center_0.93, crop_center_0.71,
    crop_center_0.57_resized_back, crop_offcenter_0.67_at_0.19x0.31,
    crop_offcenter_0.62x0.74_at_0.77x0.41_resized_back, crop_corner_br_0.58,
    crop_corner_tr_0.88_resized_back, crop_corner_bl_0.52_resized_back,
    crop_width_only_0.69_at_0.37, crop_height_only_0.77_at_0.63_resized_back,
    rotate_+0.6_black, rotate_+3.7_black, rotate_-6.3_white, rotate_+9.2_reflect,
    rotate_-1.3_expand_black, rotate_+7.6_expand_white, rotate_+2.4_straighten,
    rotate_+5.9_inner_rect, rotate_-8.7_inner_rect_resized_back,
    rotate_+3.1_black_then_crop_center_0.79,
    rotate_-2.2_reflect_then_crop_corner_tl_0.68,
    rotate_+6.8_expand_then_crop_offcenter_0.71_resized_back,
    rotate_-3.9_straighten_then_crop_center_0.63, pad_uniform_7pct_black,
    pad_uniform_13pct_white, pad_uneven_t5_l17_b11_r3pct_rgb37_91_163, pad_reflect_9pct,
    pad_uniform_15pct_grey_resized_back, caption_band_top_17pct,
    frame_overlay_7pct_rgb201_173_112, jpeg_q87_420, jpeg_q52_420, jpeg_q31_420,
    jpeg_q83_444, jpeg_q61_444, webp_q88, webp_q53, downscale_0.77, downscale_0.43,
    down_0.53_up_bicubic, upscale_1.97_lanczos, social_crop0.91_long1080_jpeg76,
    social_crop0.87_at_0.3x0.6_long1080_sharpen_jpeg79, messaging_resize0.59_jpeg61,
    messaging_long1280cap_jpeg66, messaging_forwarded_resize0.59_jpeg61_then_jpeg53,
    screencap_browser_scale0.83_png, screencap_browser_scale1.5_jpeg77,
    screencap_phone_scale0.61_jpeg84, screencap_document_scale0.47_png,
    blur_gaussian_sigma1.3, sharpen_unsharp_r1.6_p80, median_3, noise_gaussian_sigma4.7,
    brightness_+23, brightness_-31, contrast_1.27, contrast_0.73, gamma_1.37,
    saturation_1.43, greyscale, combo_flip_h+jpeg_q69, combo_crop_center_0.74+jpeg_q81,
    combo_rotate_+2.9_straighten+jpeg_q77, combo_brightness_+17+contrast_1.13+jpeg_q83,
    combo_downscale_0.66+sharpen+webp_q73,
    combo_stretch_x_1.09+crop_corner_br_0.81+jpeg_q74, combo_greyscale+jpeg_q63,
    combo_noise_3.1+blur_0.9+jpeg_q79, combo_pad_11pct_white+downscale_0.69+jpeg_q71,
    combo_gamma_1.19+saturation_1.21+webp_q81, combo_median_3+downscale_0.83+jpeg_q58,
    combo_flip_h+rotate_-3.3_inner_rect+jpeg_q72

UNMARKED
    unmarked(n, seed): item i draws everything from np.random.default_rng([seed, i]):
    a kind (photo crop of a package sample image with random size, crop, flip and tone,
    sometimes a JPEG round trip; a drawn graphic; a drawn screenshot-like page; a smooth
    gradient field; a texture/noise field); width log-uniform in 96..1100, aspect
    log-uniform in 1/3.1..3.1, both sides clipped to 96..1100. Names are
    "unmarked_<i:05d>_<kind>_<W>x<H>".

EDGE CASES
    edge_cases(): tiny images (1x1 .. 63x64), 1-px and 2/3-px strips, a huge 4000x3000
    photo, very wide and very tall images, flat black/white/grey/colour, near-flat (+-1
    noise, 0..3 ramps), uniform/Gaussian/binary noise, 1-px/2-px/8-px checkerboards,
    1-px stripes, saturated primaries, clipped highlights, a horizontal gradient, odd and
    prime sizes, a scanned-text page.
    edge_case_files(): 16-bit RGB/grey/RGBA PNG, RGBA, LA, palette (+tRNS), grey, 1-bit,
    Adam7-interlaced PNG, truncated PNG, corrupt IDAT, a PNG header declaring a gigantic
    size, a zero-size header, signature only; truncated, CMYK, EXIF-rotated (6 and 8),
    progressive and greyscale JPEG, JPEG header only; animated and still GIF, animated and
    lossless-alpha WebP; TIFF (RGB, 16-bit grey, multi-page LZW), BMP; an empty file,
    seeded random bytes, plain text, an SVG text file.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import math
import struct
import zlib
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageEnhance, ImageFilter

ROUND = "2026-12-07t"
CACHE_DIR = Path(__file__).resolve().parent / "cache_t"

Array = np.ndarray
Attack = Callable[[Array], Array]


# --------------------------------------------------------------------------------------
# sample images shipped inside installed packages
# --------------------------------------------------------------------------------------

_SKIMAGE_FILES = (
    "astronaut.png", "brick.png", "camera.png", "cell.png", "chelsea.png",
    "clock_motion.png", "coffee.png", "coins.png", "color.png", "grass.png", "gravel.png",
    "horse.png", "hubble_deep_field.jpg", "ihc.png", "logo.png", "moon.png",
    "motorcycle_left.png", "motorcycle_right.png", "page.png", "phantom.png",
    "retina.jpg", "rocket.jpg", "text.png",
)
_SKLEARN_FILES = ("china.jpg", "flower.jpg")
_UNMARKED_SOURCES = _SKIMAGE_FILES + _SKLEARN_FILES


def _package_dir(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"{module} is not installed; it ships the sample images")
    return Path(list(spec.submodule_search_locations)[0])


def _sample_path(name: str) -> Path:
    if name in _SKLEARN_FILES:
        return _package_dir("sklearn.datasets") / "images" / name
    return _package_dir("skimage.data") / name


@lru_cache(maxsize=32)
def _sample(name: str) -> Array:
    """A package sample image as RGB uint8 (grey repeated, alpha composited on white)."""
    with Image.open(_sample_path(name)) as im:
        im.load()
        if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
            rgba = im.convert("RGBA")
            base = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            im2 = Image.alpha_composite(base, rgba).convert("RGB")
        else:
            im2 = im.convert("RGB")
    arr = np.ascontiguousarray(np.asarray(im2, dtype=np.uint8))
    arr.setflags(write=False)
    return arr


# --------------------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------------------


def _c(a: Array) -> Array:
    """A fresh C-contiguous uint8 (H, W, 3) array."""
    a = np.asarray(a)
    if a.dtype != np.uint8:
        a = np.clip(np.rint(a), 0, 255).astype(np.uint8)
    if a.ndim == 2:
        a = np.repeat(a[:, :, None], 3, axis=2)
    return np.array(a[:, :, :3], dtype=np.uint8, order="C", copy=True)


def _resize(rgb: Array, w: int, h: int, interp: int | None = None) -> Array:
    w, h = max(1, int(w)), max(1, int(h))
    H, W = rgb.shape[:2]
    if (w, h) == (W, H):
        return _c(rgb)
    if interp is None:
        interp = cv2.INTER_AREA if (w <= W and h <= H) else cv2.INTER_CUBIC
    return _c(cv2.resize(np.ascontiguousarray(rgb), (w, h), interpolation=interp))


def _seed_for(name: str, rgb: Array) -> int:
    d = hashlib.sha256()
    d.update(ROUND.encode())
    d.update(name.encode())
    d.update(str(rgb.shape).encode())
    d.update(np.ascontiguousarray(rgb).tobytes())
    return int.from_bytes(d.digest()[:8], "little")


def _grain(rgb: Array, sigma: float, seed: int) -> Array:
    if sigma <= 0:
        return _c(rgb)
    rng = np.random.default_rng(seed)
    noise = rng.normal(0.0, sigma, size=rgb.shape[:2] + (1,)) + rng.normal(
        0.0, sigma * 0.45, size=rgb.shape
    )
    return _c(rgb.astype(np.float32) + noise.astype(np.float32))


def _pil(rgb: Array) -> Image.Image:
    return Image.fromarray(np.ascontiguousarray(rgb))


def _from_pil(im: Image.Image) -> Array:
    return _c(np.asarray(im.convert("RGB")))


def _put_text(img: Array, text: str, org: tuple[int, int], scale: float, colour: tuple,
              thickness: int = 1) -> None:
    cv2.putText(img, text, (int(org[0]), int(org[1])), cv2.FONT_HERSHEY_SIMPLEX, scale,
                colour, thickness, cv2.LINE_AA)


# --------------------------------------------------------------------------------------
# images
# --------------------------------------------------------------------------------------


def _tone(rgb: Array, kind: str) -> Array:
    f = rgb.astype(np.float32) / 255.0
    if kind == "none":
        pass
    elif kind == "dark":
        f = 0.83 * f ** 2.1
    elif kind == "bright":
        f = 0.09 + 0.91 * f ** 0.67
    elif kind == "lowcontrast":
        m = float(f.mean())
        f = (f - m) * 0.37 + m + 0.04
    elif kind == "warm":
        f = f * np.array([1.07, 0.99, 0.86], np.float32)
    elif kind == "contrast":
        f = (f - 0.5) * 1.07 + 0.5
    elif kind == "grey":
        y = f @ np.array([0.299, 0.587, 0.114], np.float32)
        f = np.repeat(y[:, :, None], 3, axis=2)
    elif kind == "tint_green":
        y = f.mean(axis=2, keepdims=True)
        f = y * np.array([0.61, 0.87, 0.43], np.float32) + 0.03
    elif kind == "tint_brick":
        y = f.mean(axis=2, keepdims=True)
        f = y * np.array([0.93, 0.58, 0.47], np.float32) + 0.05
    else:
        raise ValueError(kind)
    return _c(np.clip(f, 0.0, 1.0) * 255.0)


def _photo(src: str, box: tuple[int, int, int, int], size: tuple[int, int], tone: str,
           grain: float, seed: int) -> Array:
    x0, y0, x1, y1 = box
    a = _sample(src)[y0:y1, x0:x1]
    w, h = size
    up = w > a.shape[1] or h > a.shape[0]
    a = _resize(a, w, h, cv2.INTER_LANCZOS4 if up else cv2.INTER_AREA)
    a = _tone(a, tone)
    return _grain(a, grain, seed)


_PHOTOS: tuple[tuple[str, str, tuple[int, int, int, int], tuple[int, int], str, float], ...] = (
    ("photo_chelsea_crop_388x262", "chelsea.png", (31, 17, 451, 300), (388, 262), "none", 0.0),
    ("photo_coffee_portrait_293x437", "coffee.png", (173, 0, 441, 400), (293, 437), "none",
     0.0),
    ("photo_rocket_dark_467x311", "rocket.jpg", (0, 0, 640, 427), (467, 311), "dark", 0.0),
    ("photo_chelsea_16x9_warm_413x233", "chelsea.png", (0, 41, 451, 295), (413, 233), "warm",
     0.0),
    ("photo_astronaut_512x512", "astronaut.png", (0, 0, 512, 512), (512, 512), "contrast", 0.0),
    ("photo_ihc_509x517", "ihc.png", (0, 0, 512, 512), (509, 517), "none", 0.0),
    ("photo_motorcycle_523x498", "motorcycle_left.png", (97, 0, 622, 500), (523, 498), "none",
     0.0),
    ("photo_moon_lowcontrast_641x481", "moon.png", (16, 76, 496, 436), (641, 481),
     "lowcontrast", 1.1),
    ("photo_camera_grey_797x598", "camera.png", (0, 64, 512, 448), (797, 598), "grey", 0.0),
    ("photo_retina_1031x1009", "retina.jpg", (11, 27, 1399, 1385), (1031, 1009), "none", 0.0),
    ("photo_hubble_1061x925", "hubble_deep_field.jpg", (0, 0, 1000, 872), (1061, 925), "none",
     0.9),
    ("photo_china_1037x692", "china.jpg", (0, 0, 640, 427), (1037, 692), "none", 1.3),
    ("photo_grass_texture_733x733", "grass.png", (0, 0, 512, 512), (733, 733), "tint_green",
     1.2),
    ("photo_brick_texture_portrait_549x731", "brick.png", (64, 0, 448, 512), (549, 731),
     "tint_brick", 1.2),
    ("photo_coffee_bright_1386x1039", "coffee.png", (37, 0, 570, 400), (1386, 1039), "bright",
     1.6),
    ("photo_flower_16x9_1918x1079", "flower.jpg", (0, 33, 640, 393), (1918, 1079), "none", 1.7),
    ("photo_motorcycle_panorama_2042x681", "motorcycle_right.png", (0, 131, 741, 378),
     (2042, 681), "none", 1.4),
    ("photo_astronaut_portrait_1229x1638", "astronaut.png", (64, 0, 448, 512), (1229, 1638),
     "none", 1.9),
)

_GENERATED: tuple[tuple[str, str, int], ...] = (
    ("generated_misty_lake_dawn_s4172", "a misty lake at dawn with pine trees", 4172),
    ("generated_desert_dunes_sunset_s90317", "desert dunes under an orange sunset sky", 90317),
    ("generated_snowy_mountains_moon_s2291", "snowy mountains at night with a full moon", 2291),
    ("generated_green_hills_river_s55603", "green rolling hills and a winding river at noon",
     55603),
    ("generated_stormy_sea_clouds_s7349", "a stormy grey sea under dark clouds", 7349),
    ("generated_autumn_forest_pond_s31877", "autumn forest by a calm pond in the evening",
     31877),
)


def _generated() -> list[tuple[str, Array]]:
    out: list[tuple[str, Array]] = []
    missing = [g for g in _GENERATED if not (CACHE_DIR / f"{g[0]}.png").is_file()]
    if missing:
        from safegen.backends.base import BackendRequest
        from safegen.backends.builtin import BuiltinBackend

        backend = BuiltinBackend(threads=1)
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        for name, prompt, seed in missing:
            (im,) = backend.generate(
                BackendRequest(prompt=prompt, negative_prompt=None, seeds=(seed,))
            )
            tmp = CACHE_DIR / f".{name}.png.tmp"
            im.convert("RGB").save(tmp, format="PNG")
            tmp.replace(CACHE_DIR / f"{name}.png")
    for name, _prompt, _seed in _GENERATED:
        with Image.open(CACHE_DIR / f"{name}.png") as im:
            out.append((name, _from_pil(im)))
    return out


def _screenshot_editor(w: int = 1293, h: int = 781) -> Array:
    img = np.full((h, w, 3), (30, 31, 36), np.uint8)
    cv2.rectangle(img, (0, 0), (w, 29), (51, 53, 60), -1)
    for i, col in enumerate([(236, 95, 87), (245, 190, 79), (98, 197, 85)]):
        cv2.circle(img, (17 + 21 * i, 15), 6, col, -1, cv2.LINE_AA)
    _put_text(img, "heldout_watermark.py - editor", (w // 2 - 130, 20), 0.47, (200, 200, 205))
    cv2.rectangle(img, (0, 29), (47, h), (41, 43, 49), -1)
    cv2.rectangle(img, (47, 29), (263, h), (37, 38, 44), -1)
    files = ["src/", "  app.py", "  imaging.py", "  ledger.py", "  policy/", "tests/",
             "  test_app.py", "pyproject.toml", "README"]
    for i, f in enumerate(files):
        colour = (231, 231, 236) if i == 2 else (163, 167, 177)
        if i == 2:
            cv2.rectangle(img, (47, 43 + 23 * i), (263, 63 + 23 * i), (55, 66, 92), -1)
        _put_text(img, f, (61, 58 + 23 * i), 0.43, colour)
    cv2.rectangle(img, (263, 29), (w, 59), (37, 38, 44), -1)
    cv2.rectangle(img, (263, 29), (421, 59), (30, 31, 36), -1)
    _put_text(img, "imaging.py", (281, 49), 0.45, (225, 225, 230))
    words = [("def", (198, 120, 221)), ("encode_png", (97, 175, 239)),
             ("(image):", (220, 220, 220)), ("return", (198, 120, 221)),
             ("np.asarray", (229, 192, 123)), ("# comment", (106, 153, 85)),
             ("'string'", (152, 195, 121)), ("for", (198, 120, 221)), ("x, y", (224, 108, 117)),
             ("in", (198, 120, 221)), ("range(17)", (209, 154, 102)), ("=", (220, 220, 220))]
    rng = np.random.default_rng(7319)
    y = 83
    line = 1
    while y < h - 31:
        _put_text(img, f"{line:3d}", (275, y), 0.42, (99, 103, 113))
        x = 323 + 29 * int(rng.integers(0, 4))
        for _ in range(int(rng.integers(0, 6))):
            text, colour = words[int(rng.integers(0, len(words)))]
            _put_text(img, text, (x, y), 0.46, colour)
            x += 11 * len(text) + 9
            if x > w - 120:
                break
        y += 21
        line += 1
    cv2.rectangle(img, (0, h - 23), (w, h), (0, 122, 204), -1)
    _put_text(img, "main  Ln 42, Col 17  UTF-8  Python 3.11", (13, h - 7), 0.43, (255, 255, 255))
    return _c(img)


def _screenshot_phone_chat(w: int = 431, h: int = 917) -> Array:
    img = np.full((h, w, 3), (236, 229, 221), np.uint8)
    cv2.rectangle(img, (0, 0), (w, 37), (0, 94, 84), -1)
    _put_text(img, "9:41", (17, 25), 0.57, (255, 255, 255), 1)
    cv2.rectangle(img, (w - 47, 13), (w - 19, 25), (255, 255, 255), 1)
    cv2.rectangle(img, (w - 45, 15), (w - 27, 23), (255, 255, 255), -1)
    cv2.rectangle(img, (0, 37), (w, 103), (0, 128, 105), -1)
    cv2.circle(img, (53, 70), 21, (193, 219, 211), -1, cv2.LINE_AA)
    _put_text(img, "Mira Okonkwo", (87, 67), 0.63, (255, 255, 255), 2)
    _put_text(img, "online", (87, 89), 0.45, (214, 240, 233))
    msgs = [
        (False, ["Did the prints come back?"]), (True, ["Yes! Picked them", "up this morning"]),
        (False, ["Send me the one", "from the lake?"]), (True, ["Give me a sec"]),
        (True, ["Here, 2 attached.", "The colours are off", "on the second one"]),
        (False, ["Looks great to me", "honestly"]), (False, ["Lunch at 1?"]),
        (True, ["Sure, see you there"]),
    ]
    y = 131
    for mine, lines in msgs:
        bw = 23 + max(len(s) for s in lines) * 11
        bh = 17 + 23 * len(lines)
        x0 = w - bw - 17 if mine else 17
        colour = (220, 248, 198) if mine else (255, 255, 255)
        cv2.rectangle(img, (x0, y), (x0 + bw, y + bh), colour, -1)
        for j, s in enumerate(lines):
            _put_text(img, s, (x0 + 11, y + 25 + 23 * j), 0.52, (33, 33, 33))
        _put_text(img, "10:2" + str(len(s) % 10), (x0 + bw - 43, y + bh - 4), 0.33, (120, 120, 120))
        y += bh + 19
        if y > h - 160:
            break
    cv2.rectangle(img, (0, h - 67), (w, h), (240, 240, 240), -1)
    cv2.rectangle(img, (13, h - 57), (w - 71, h - 17), (255, 255, 255), -1)
    _put_text(img, "Message", (31, h - 31), 0.55, (150, 150, 150))
    cv2.circle(img, (w - 37, h - 37), 21, (0, 168, 132), -1, cv2.LINE_AA)
    return _c(img)


def _graphic_bar_chart(w: int = 829, h: int = 613) -> Array:
    img = np.full((h, w, 3), 255, np.uint8)
    _put_text(img, "Quarterly throughput (images / hour)", (41, 43), 0.77, (31, 31, 31), 2)
    x0, y0, x1, y1 = 83, 83, w - 37, h - 71
    for k in range(6):
        yy = y1 - (y1 - y0) * k // 5
        cv2.line(img, (x0, yy), (x1, yy), (223, 223, 223), 1)
        _put_text(img, str(k * 173), (29, yy + 5), 0.45, (90, 90, 90))
    cv2.line(img, (x0, y0), (x0, y1), (60, 60, 60), 2)
    cv2.line(img, (x0, y1), (x1, y1), (60, 60, 60), 2)
    vals = [[0.31, 0.47, 0.22], [0.53, 0.61, 0.37], [0.72, 0.58, 0.49], [0.89, 0.77, 0.63]]
    cols = [(31, 119, 180), (255, 127, 14), (44, 160, 44)]
    gw = (x1 - x0) / 4
    for g, group in enumerate(vals):
        for b, v in enumerate(group):
            bx = int(x0 + g * gw + 23 + b * (gw - 46) / 3)
            bw = int((gw - 46) / 3) - 5
            top = int(y1 - v * (y1 - y0))
            cv2.rectangle(img, (bx, top), (bx + bw, y1 - 1), cols[b], -1)
        _put_text(img, f"Q{g + 1} 2026", (int(x0 + g * gw + gw / 2 - 37), y1 + 27), 0.5,
                  (50, 50, 50))
    for b, name in enumerate(["builtin", "gan", "diffusers"]):
        cv2.rectangle(img, (w - 213, 61 + 23 * b), (w - 199, 75 + 23 * b), cols[b], -1)
        _put_text(img, name, (w - 191, 74 + 23 * b), 0.47, (40, 40, 40))
    return _c(img)


def _graphic_flat_poster(w: int = 601, h: int = 587) -> Array:
    img = np.full((h, w, 3), (247, 239, 219), np.uint8)
    cv2.circle(img, (w // 2, 251), 173, (233, 87, 61), -1, cv2.LINE_AA)
    pts = np.array([[w // 2 - 211, 401], [w // 2, 127], [w // 2 + 211, 401]], np.int32)
    cv2.fillPoly(img, [pts], (29, 53, 87), cv2.LINE_AA)
    cv2.rectangle(img, (0, 401), (w, h), (42, 157, 143), -1)
    cv2.ellipse(img, (w // 2 + 97, 467), (131, 23), 0, 0, 360, (233, 196, 106), -1, cv2.LINE_AA)
    _put_text(img, "SUMMIT", (w // 2 - 139, 537), 1.9, (255, 255, 255), 5)
    _put_text(img, "OPEN AIR FESTIVAL - 17.07", (w // 2 - 163, 571), 0.61, (29, 53, 87), 2)
    return _c(img)


def images() -> list[tuple[str, str, Array]]:
    out: list[tuple[str, str, Array]] = []
    for i, (name, src, box, size, tone, grain) in enumerate(_PHOTOS):
        out.append((name, "photo", _photo(src, box, size, tone, grain, 2026120700 + 37 * i)))
    for name, rgb in _generated():
        out.append((name, "generated", rgb))
    out.append(("screenshot_code_editor_1293x781", "screenshot", _screenshot_editor()))
    out.append(("screenshot_phone_chat_431x917", "screenshot", _screenshot_phone_chat()))
    out.append(("graphic_bar_chart_829x613", "graphic", _graphic_bar_chart()))
    out.append(("graphic_flat_poster_601x587", "graphic", _graphic_flat_poster()))
    return out


# --------------------------------------------------------------------------------------
# attack primitives
# --------------------------------------------------------------------------------------


def _none(rgb: Array) -> Array:
    return _c(rgb)


def _flip_h(rgb: Array) -> Array:
    return _c(rgb[:, ::-1])


def _flip_v(rgb: Array) -> Array:
    return _c(rgb[::-1])


def _stretch(rgb: Array, sx: float, sy: float) -> Array:
    h, w = rgb.shape[:2]
    return _resize(rgb, round(w * sx), round(h * sy),
                   cv2.INTER_CUBIC if (sx >= 1 or sy >= 1) else cv2.INTER_AREA)


def _crop(rgb: Array, fx: float, fy: float, ax: float = 0.5, ay: float = 0.5,
          back: bool = False) -> Array:
    h, w = rgb.shape[:2]
    cw, ch = max(1, round(w * fx)), max(1, round(h * fy))
    x0 = int(round((w - cw) * ax))
    y0 = int(round((h - ch) * ay))
    out = rgb[y0:y0 + ch, x0:x0 + cw]
    return _resize(out, w, h, cv2.INTER_CUBIC) if back else _c(out)


def _rotation_matrix(w: int, h: int, deg: float, expand: bool) -> tuple[Array, int, int]:
    c = ((w - 1) / 2.0, (h - 1) / 2.0)
    m = cv2.getRotationMatrix2D(c, deg, 1.0)
    if not expand:
        return m, w, h
    a = math.radians(deg)
    cs, sn = abs(math.cos(a)), abs(math.sin(a))
    nw = max(1, int(math.ceil(w * cs + h * sn - 1e-6)))
    nh = max(1, int(math.ceil(w * sn + h * cs - 1e-6)))
    m[0, 2] += (nw - 1) / 2.0 - c[0]
    m[1, 2] += (nh - 1) / 2.0 - c[1]
    return m, nw, nh


_FILLS = {"black": (0, 0, 0), "white": (255, 255, 255)}


def _rotate(rgb: Array, deg: float, fill: str = "black", expand: bool = False) -> Array:
    h, w = rgb.shape[:2]
    m, nw, nh = _rotation_matrix(w, h, deg, expand)
    if fill == "reflect":
        out = cv2.warpAffine(np.ascontiguousarray(rgb), m, (nw, nh), flags=cv2.INTER_CUBIC,
                             borderMode=cv2.BORDER_REFLECT_101)
    else:
        out = cv2.warpAffine(np.ascontiguousarray(rgb), m, (nw, nh), flags=cv2.INTER_CUBIC,
                             borderMode=cv2.BORDER_CONSTANT, borderValue=_FILLS[fill])
    return _c(out)


def _centre_crop(rgb: Array, cw: int, ch: int) -> Array:
    h, w = rgb.shape[:2]
    cw, ch = max(1, min(w, cw)), max(1, min(h, ch))
    x0, y0 = (w - cw) // 2, (h - ch) // 2
    return _c(rgb[y0:y0 + ch, x0:x0 + cw])


def _straighten(rgb: Array, deg: float) -> Array:
    """Rotate, then crop the largest centred rectangle of the original aspect that has no
    fill, and resize it back to the original size (a photo app's "straighten")."""
    h, w = rgb.shape[:2]
    rot = _rotate(rgb, deg, "black", expand=False)
    a = math.radians(deg)
    cs, sn = abs(math.cos(a)), abs(math.sin(a))
    hw, hh = w / 2.0, h / 2.0
    s = min(hw / (hw * cs + hh * sn), hh / (hw * sn + hh * cs))
    crop = _centre_crop(rot, int(math.floor(w * s)) - 2, int(math.floor(h * s)) - 2)
    return _resize(crop, w, h, cv2.INTER_CUBIC)


def _largest_rotated_rect(w: float, h: float, angle: float) -> tuple[float, float]:
    if w <= 0 or h <= 0:
        return 0.0, 0.0
    width_is_longer = w >= h
    side_long, side_short = (w, h) if width_is_longer else (h, w)
    sn, cs = abs(math.sin(angle)), abs(math.cos(angle))
    if side_short <= 2.0 * sn * cs * side_long or abs(sn - cs) < 1e-10:
        x = 0.5 * side_short
        if sn < 1e-12:
            return w, h
        return (x / sn, x / cs) if width_is_longer else (x / cs, x / sn)
    cos_2a = cs * cs - sn * sn
    return (w * cs - h * sn) / cos_2a, (h * cs - w * sn) / cos_2a


def _inner_rect(rgb: Array, deg: float, back: bool = False) -> Array:
    """Rotate on an expanded canvas, then keep the largest axis-aligned rectangle with
    no fill (any aspect); optionally resize it back to the original size."""
    h, w = rgb.shape[:2]
    rot = _rotate(rgb, deg, "black", expand=True)
    wr, hr = _largest_rotated_rect(w, h, math.radians(deg))
    crop = _centre_crop(rot, int(math.floor(wr)) - 2, int(math.floor(hr)) - 2)
    return _resize(crop, w, h, cv2.INTER_CUBIC) if back else crop


def _pad(rgb: Array, t: float, b: float, left: float, r: float, fill: object,
         back: bool = False) -> Array:
    h, w = rgb.shape[:2]
    pt, pb = round(h * t), round(h * b)
    pl, pr = round(w * left), round(w * r)
    src = np.ascontiguousarray(rgb)
    if fill == "reflect":
        out = cv2.copyMakeBorder(src, pt, pb, pl, pr, cv2.BORDER_REFLECT_101)
    else:
        out = cv2.copyMakeBorder(src, pt, pb, pl, pr, cv2.BORDER_CONSTANT, value=fill)
    out = _c(out)
    return _resize(out, w, h, cv2.INTER_AREA) if back else out


def _caption(rgb: Array, frac: float, text: str) -> Array:
    h, w = rgb.shape[:2]
    band = max(1, round(h * frac))
    out = np.full((h + band, w, 3), 255, np.uint8)
    out[band:] = rgb
    scale = max(0.2, min(band / 45.0, w / (len(text) * 21.0)))
    thick = max(1, int(round(scale * 2.2)))
    (tw, th), _ = cv2.getTextSize(text, cv2.FONT_HERSHEY_DUPLEX, scale, thick)
    cv2.putText(out, text, ((w - tw) // 2, (band + th) // 2), cv2.FONT_HERSHEY_DUPLEX, scale,
                (17, 17, 17), thick, cv2.LINE_AA)
    return _c(out)


def _frame(rgb: Array, frac: float, colour: tuple[int, int, int]) -> Array:
    h, w = rgb.shape[:2]
    out = _c(rgb)
    t = max(1, round(min(h, w) * frac))
    out[:t] = colour
    out[-t:] = colour
    out[:, :t] = colour
    out[:, -t:] = colour
    cv2.rectangle(out, (t - 1, t - 1), (w - t, h - t), (61, 47, 29), max(1, t // 9))
    return _c(out)


def _jpeg(rgb: Array, q: int, subsampling: int = 2) -> Array:
    buf = io.BytesIO()
    _pil(rgb).save(buf, format="JPEG", quality=q, subsampling=subsampling, optimize=False)
    with Image.open(io.BytesIO(buf.getvalue())) as im:
        return _from_pil(im)


def _webp(rgb: Array, q: int) -> Array:
    buf = io.BytesIO()
    _pil(rgb).save(buf, format="WEBP", quality=q, method=4)
    with Image.open(io.BytesIO(buf.getvalue())) as im:
        return _from_pil(im)


def _scale(rgb: Array, f: float, interp: int | None = None) -> Array:
    h, w = rgb.shape[:2]
    return _resize(rgb, round(w * f), round(h * f), interp)


def _down_up(rgb: Array, f: float, interp: int) -> Array:
    h, w = rgb.shape[:2]
    return _resize(_scale(rgb, f, cv2.INTER_AREA), w, h, interp)


def _long_side(rgb: Array, side: int, upscale: bool = True) -> Array:
    h, w = rgb.shape[:2]
    f = side / max(h, w)
    if f >= 1 and not upscale:
        return _c(rgb)
    return _resize(rgb, round(w * f), round(h * f))


def _blur(rgb: Array, sigma: float) -> Array:
    return _c(cv2.GaussianBlur(np.ascontiguousarray(rgb), (0, 0), sigma))


def _sharpen(rgb: Array, radius: float = 1.6, percent: int = 80, threshold: int = 2) -> Array:
    return _from_pil(_pil(rgb).filter(ImageFilter.UnsharpMask(radius, percent, threshold)))


def _median(rgb: Array, k: int) -> Array:
    return _c(cv2.medianBlur(np.ascontiguousarray(rgb), k))


def _noise(rgb: Array, sigma: float, name: str) -> Array:
    rng = np.random.default_rng(_seed_for(name, rgb))
    return _c(rgb.astype(np.float32) + rng.normal(0.0, sigma, rgb.shape).astype(np.float32))


def _brightness(rgb: Array, d: int) -> Array:
    return _c(rgb.astype(np.int16) + d)


def _contrast(rgb: Array, k: float) -> Array:
    f = rgb.astype(np.float32)
    m = float((f @ np.array([0.299, 0.587, 0.114], np.float32)).mean())
    return _c((f - m) * k + m)


def _gamma(rgb: Array, g: float) -> Array:
    lut = np.clip(np.rint(255.0 * (np.arange(256) / 255.0) ** g), 0, 255).astype(np.uint8)
    return _c(lut[rgb])


def _saturation(rgb: Array, k: float) -> Array:
    return _from_pil(ImageEnhance.Color(_pil(rgb)).enhance(k))


def _greyscale(rgb: Array) -> Array:
    return _from_pil(_pil(rgb).convert("L"))


def _chain(*fns: Attack) -> Attack:
    def run(rgb: Array) -> Array:
        out = rgb
        for fn in fns:
            out = fn(out)
        return _c(out)

    return run


# --------------------------------------------------------------------------------------
# simulated screen captures
# --------------------------------------------------------------------------------------


def _place(canvas: Array, img: Array, x: int, y: int) -> None:
    h, w = img.shape[:2]
    canvas[y:y + h, x:x + w] = img


def _text_lines(canvas: Array, x: int, y: int, width: int, n: int, step: int, scale: float,
                colour: tuple, seed: int) -> None:
    words = ("the", "image", "was", "shared", "by", "a", "reader", "who", "said", "it",
             "shows", "morning", "light", "over", "harbour", "and", "market", "photo")
    rng = np.random.default_rng(seed)
    for i in range(n):
        line, xx = [], 0
        limit = width * (0.62 if i == n - 1 else 1.0)
        while True:
            wd = words[int(rng.integers(0, len(words)))]
            px = int((len(wd) + 1) * 19 * scale)
            if xx + px > limit:
                break
            line.append(wd)
            xx += px
        _put_text(canvas, " ".join(line), (x, y + i * step), scale, colour)


def _screencap_browser(rgb: Array, scale: float, jpeg_q: int | None) -> Array:
    h, w = rgb.shape[:2]
    iw, ih = max(1, round(w * scale)), max(1, round(h * scale))
    img = _resize(rgb, iw, ih, cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
    mx = 37 + iw // 13
    top, head, foot = 83, 61, 113
    W, H = iw + 2 * mx + 14, top + head + ih + foot
    c = np.full((H, W, 3), 255, np.uint8)
    c[:top] = (222, 225, 230)
    cv2.rectangle(c, (9, 7), (min(W - 40, 251), 33), (255, 255, 255), -1)
    _put_text(c, "Gallery - Harbour News", (19, 26), 0.43, (60, 64, 67))
    cv2.rectangle(c, (0, 33), (W, top), (255, 255, 255), -1)
    cv2.rectangle(c, (97, 41), (W - 61, 75), (241, 243, 244), -1)
    _put_text(c, "https://news.example.org/gallery/2026/12/harbour", (113, 64), 0.47,
              (32, 33, 36))
    for i in range(3):
        cv2.circle(c, (21 + 25 * i, 58), 7, (95, 99, 104), 1, cv2.LINE_AA)
    cv2.line(c, (0, top - 1), (W, top - 1), (218, 220, 224), 1)
    _put_text(c, "Morning over the harbour", (mx, top + 41), 0.83, (32, 33, 36), 2)
    _place(c, img, mx, top + head)
    _text_lines(c, mx, top + head + ih + 31, iw, 3, 29, 0.5, (77, 81, 86), 911)
    cv2.rectangle(c, (W - 14, top), (W, H), (241, 241, 241), -1)
    cv2.rectangle(c, (W - 12, top + 9), (W - 3, top + 9 + max(23, (H - top) // 3)),
                  (193, 193, 193), -1)
    out = _c(c)
    return _jpeg(out, jpeg_q) if jpeg_q else out


def _screencap_phone(rgb: Array, scale: float, jpeg_q: int | None) -> Array:
    h, w = rgb.shape[:2]
    iw, ih = max(1, round(w * scale)), max(1, round(h * scale))
    img = _resize(rgb, iw, ih, cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
    pad = 23
    W = iw + 2 * pad + 61
    H = max(round(W * 2.17), ih + 351)
    c = np.full((H, W, 3), (236, 229, 221), np.uint8)
    c[:47] = (0, 94, 84)
    _put_text(c, "9:41", (19, 31), 0.61, (255, 255, 255), 2)
    cv2.rectangle(c, (W - 53, 17), (W - 21, 31), (255, 255, 255), 1)
    c[47:109] = (0, 128, 105)
    cv2.circle(c, (41, 78), 19, (193, 219, 211), -1, cv2.LINE_AA)
    _put_text(c, "Family", (73, 86), 0.67, (255, 255, 255), 2)
    cv2.rectangle(c, (pad - 7, 131), (pad + 213, 177), (255, 255, 255), -1)
    _put_text(c, "look what I found", (pad + 5, 160), 0.55, (33, 33, 33))
    bx = W - iw - pad - 11
    by = 197
    cv2.rectangle(c, (bx - 6, by - 6), (bx + iw + 5, by + ih + 37), (220, 248, 198), -1)
    _place(c, img, bx, by)
    _put_text(c, "11:07", (bx + iw - 47, by + ih + 27), 0.41, (110, 110, 110))
    cv2.rectangle(c, (pad - 7, by + ih + 61), (pad + 167, by + ih + 103), (255, 255, 255), -1)
    _put_text(c, "wow, where?", (pad + 5, by + ih + 89), 0.55, (33, 33, 33))
    c[H - 71:] = (240, 240, 240)
    cv2.rectangle(c, (13, H - 59), (W - 71, H - 17), (255, 255, 255), -1)
    cv2.circle(c, (W - 37, H - 38), 21, (0, 168, 132), -1, cv2.LINE_AA)
    out = _c(c)
    return _jpeg(out, jpeg_q) if jpeg_q else out


def _screencap_document(rgb: Array, scale: float) -> Array:
    h, w = rgb.shape[:2]
    iw, ih = max(1, round(w * scale)), max(1, round(h * scale))
    img = _resize(rgb, iw, ih, cv2.INTER_AREA)
    pw = max(round(iw / 0.62), 331)
    margin = (pw - iw) // 2
    ph = 57 + 4 * 23 + 29 + ih + 53 + 5 * 23 + 41
    W, H = pw + 2 * 43, ph + 49 + 2 * 19
    c = np.full((H, W, 3), (82, 86, 89), np.uint8)
    c[:49] = (50, 54, 57)
    _put_text(c, "report_final_v3.pdf   3 / 11   113%", (17, 31), 0.5, (230, 230, 230))
    x0, y0 = 43, 49 + 19
    c[y0:y0 + ph, x0:x0 + pw] = 255
    tx = x0 + max(17, margin // 3)
    tw = pw - 2 * max(17, margin // 3)
    _put_text(c, "3. Results", (tx, y0 + 41), 0.73, (20, 20, 20), 2)
    _text_lines(c, tx, y0 + 73, tw, 4, 23, 0.43, (45, 45, 45), 1301)
    iy = y0 + 57 + 4 * 23 + 29
    _place(c, img, x0 + margin, iy)
    _put_text(c, "Figure 3: field photograph, site B.", (x0 + margin, iy + ih + 27), 0.43,
              (70, 70, 70))
    _text_lines(c, tx, iy + ih + 71, tw, 5, 23, 0.43, (45, 45, 45), 1303)
    return _c(c)


# --------------------------------------------------------------------------------------
# attacks
# --------------------------------------------------------------------------------------


def _p(fn: Callable[..., Array], *args: object, **kw: object) -> Attack:
    def run(rgb: Array) -> Array:
        return _c(fn(rgb, *args, **kw))

    return run


def _noise_attack(sigma: float, name: str) -> Attack:
    def run(rgb: Array) -> Array:
        return _noise(rgb, sigma, name)

    return run


def attacks() -> list[tuple[str, Attack]]:
    grey = (128, 128, 128)
    a: list[tuple[str, Attack]] = [
        ("none", _none),
        ("flip_horizontal", _flip_h),
        ("flip_vertical", _flip_v),
        # aspect changes
        ("stretch_x_1.07", _p(_stretch, 1.07, 1.0)),
        ("stretch_x_0.87", _p(_stretch, 0.87, 1.0)),
        ("stretch_y_0.91", _p(_stretch, 1.0, 0.91)),
        ("stretch_xy_1.11x0.94", _p(_stretch, 1.11, 0.94)),
        # crops
        ("crop_center_0.93", _p(_crop, 0.93, 0.93)),
        ("crop_center_0.71", _p(_crop, 0.71, 0.71)),
        ("crop_center_0.57_resized_back", _p(_crop, 0.57, 0.57, back=True)),
        ("crop_offcenter_0.67_at_0.19x0.31", _p(_crop, 0.67, 0.67, 0.19, 0.31)),
        ("crop_offcenter_0.62x0.74_at_0.77x0.41_resized_back",
         _p(_crop, 0.62, 0.74, 0.77, 0.41, back=True)),
        ("crop_corner_br_0.58", _p(_crop, 0.58, 0.58, 1.0, 1.0)),
        ("crop_corner_tr_0.88_resized_back", _p(_crop, 0.88, 0.88, 1.0, 0.0, back=True)),
        ("crop_corner_bl_0.52_resized_back", _p(_crop, 0.52, 0.52, 0.0, 1.0, back=True)),
        ("crop_width_only_0.69_at_0.37", _p(_crop, 0.69, 1.0, 0.37, 0.5)),
        ("crop_height_only_0.77_at_0.63_resized_back", _p(_crop, 1.0, 0.77, 0.5, 0.63,
                                                             back=True)),
        # rotations
        ("rotate_+0.6_black", _p(_rotate, 0.6, "black")),
        ("rotate_+3.7_black", _p(_rotate, 3.7, "black")),
        ("rotate_-6.3_white", _p(_rotate, -6.3, "white")),
        ("rotate_+9.2_reflect", _p(_rotate, 9.2, "reflect")),
        ("rotate_-1.3_expand_black", _p(_rotate, -1.3, "black", expand=True)),
        ("rotate_+7.6_expand_white", _p(_rotate, 7.6, "white", expand=True)),
        ("rotate_+2.4_straighten", _p(_straighten, 2.4)),
        ("rotate_+5.9_inner_rect", _p(_inner_rect, 5.9)),
        ("rotate_-8.7_inner_rect_resized_back", _p(_inner_rect, -8.7, back=True)),
        ("rotate_+3.1_black_then_crop_center_0.79",
         _chain(_p(_rotate, 3.1, "black"), _p(_crop, 0.79, 0.79))),
        ("rotate_-2.2_reflect_then_crop_corner_tl_0.68",
         _chain(_p(_rotate, -2.2, "reflect"), _p(_crop, 0.68, 0.68, 0.0, 0.0))),
        ("rotate_+6.8_expand_then_crop_offcenter_0.71_resized_back",
         _chain(_p(_rotate, 6.8, "black", expand=True),
                _p(_crop, 0.71, 0.71, 0.29, 0.61, back=True))),
        ("rotate_-3.9_straighten_then_crop_center_0.63",
         _chain(_p(_straighten, -3.9), _p(_crop, 0.63, 0.63))),
        # paddings and borders
        ("pad_uniform_7pct_black", _p(_pad, 0.07, 0.07, 0.07, 0.07, (0, 0, 0))),
        ("pad_uniform_13pct_white", _p(_pad, 0.13, 0.13, 0.13, 0.13, (255, 255, 255))),
        ("pad_uneven_t5_l17_b11_r3pct_rgb37_91_163",
         _p(_pad, 0.05, 0.11, 0.17, 0.03, (37, 91, 163))),
        ("pad_reflect_9pct", _p(_pad, 0.09, 0.09, 0.09, 0.09, "reflect")),
        ("pad_uniform_15pct_grey_resized_back",
         _p(_pad, 0.15, 0.15, 0.15, 0.15, grey, back=True)),
        ("caption_band_top_17pct", _p(_caption, 0.17, "WHEN THE TESTS FINALLY PASS")),
        ("frame_overlay_7pct_rgb201_173_112", _p(_frame, 0.07, (201, 173, 112))),
        # compression
        ("jpeg_q87_420", _p(_jpeg, 87, 2)),
        ("jpeg_q52_420", _p(_jpeg, 52, 2)),
        ("jpeg_q31_420", _p(_jpeg, 31, 2)),
        ("jpeg_q83_444", _p(_jpeg, 83, 0)),
        ("jpeg_q61_444", _p(_jpeg, 61, 0)),
        ("webp_q88", _p(_webp, 88)),
        ("webp_q53", _p(_webp, 53)),
        # scaling
        ("downscale_0.77", _p(_scale, 0.77, cv2.INTER_AREA)),
        ("downscale_0.43", _p(_scale, 0.43, cv2.INTER_AREA)),
        ("down_0.53_up_bicubic", _p(_down_up, 0.53, cv2.INTER_CUBIC)),
        ("upscale_1.97_lanczos", _p(_scale, 1.97, cv2.INTER_LANCZOS4)),
        # sharing chains
        ("social_crop0.91_long1080_jpeg76",
         _chain(_p(_crop, 0.91, 0.91, 0.47, 0.53), _p(_long_side, 1080), _p(_jpeg, 76, 2))),
        ("social_crop0.87_at_0.3x0.6_long1080_sharpen_jpeg79",
         _chain(_p(_crop, 0.87, 0.87, 0.3, 0.6), _p(_long_side, 1080),
                _p(_sharpen, 1.1, 43, 3), _p(_jpeg, 79, 2))),
        ("messaging_resize0.59_jpeg61", _chain(_p(_scale, 0.59, cv2.INTER_AREA),
                                               _p(_jpeg, 61, 2))),
        ("messaging_long1280cap_jpeg66", _chain(_p(_long_side, 1280, upscale=False),
                                                _p(_jpeg, 66, 2))),
        ("messaging_forwarded_resize0.59_jpeg61_then_jpeg53",
         _chain(_p(_scale, 0.59, cv2.INTER_AREA), _p(_jpeg, 61, 2), _p(_jpeg, 53, 2))),
        # screen captures
        ("screencap_browser_scale0.83_png", _p(_screencap_browser, 0.83, None)),
        ("screencap_browser_scale1.5_jpeg77", _p(_screencap_browser, 1.5, 77)),
        ("screencap_phone_scale0.61_jpeg84", _p(_screencap_phone, 0.61, 84)),
        ("screencap_document_scale0.47_png", _p(_screencap_document, 0.47)),
        # filters and tone
        ("blur_gaussian_sigma1.3", _p(_blur, 1.3)),
        ("sharpen_unsharp_r1.6_p80", _p(_sharpen, 1.6, 80, 2)),
        ("median_3", _p(_median, 3)),
        ("noise_gaussian_sigma4.7", _noise_attack(4.7, "noise_gaussian_sigma4.7")),
        ("brightness_+23", _p(_brightness, 23)),
        ("brightness_-31", _p(_brightness, -31)),
        ("contrast_1.27", _p(_contrast, 1.27)),
        ("contrast_0.73", _p(_contrast, 0.73)),
        ("gamma_1.37", _p(_gamma, 1.37)),
        ("saturation_1.43", _p(_saturation, 1.43)),
        ("greyscale", _greyscale),
        # combinations
        ("combo_flip_h+jpeg_q69", _chain(_flip_h, _p(_jpeg, 69, 2))),
        ("combo_crop_center_0.74+jpeg_q81", _chain(_p(_crop, 0.74, 0.74), _p(_jpeg, 81, 2))),
        ("combo_rotate_+2.9_straighten+jpeg_q77",
         _chain(_p(_straighten, 2.9), _p(_jpeg, 77, 2))),
        ("combo_brightness_+17+contrast_1.13+jpeg_q83",
         _chain(_p(_brightness, 17), _p(_contrast, 1.13), _p(_jpeg, 83, 2))),
        ("combo_downscale_0.66+sharpen+webp_q73",
         _chain(_p(_scale, 0.66, cv2.INTER_AREA), _p(_sharpen, 1.3, 61, 2), _p(_webp, 73))),
        ("combo_stretch_x_1.09+crop_corner_br_0.81+jpeg_q74",
         _chain(_p(_stretch, 1.09, 1.0), _p(_crop, 0.81, 0.81, 1.0, 1.0), _p(_jpeg, 74, 2))),
        ("combo_greyscale+jpeg_q63", _chain(_greyscale, _p(_jpeg, 63, 2))),
        ("combo_noise_3.1+blur_0.9+jpeg_q79",
         _chain(_noise_attack(3.1, "combo_noise_3.1+blur_0.9+jpeg_q79"), _p(_blur, 0.9),
                _p(_jpeg, 79, 2))),
        ("combo_pad_11pct_white+downscale_0.69+jpeg_q71",
         _chain(_p(_pad, 0.11, 0.11, 0.11, 0.11, (255, 255, 255)),
                _p(_scale, 0.69, cv2.INTER_AREA), _p(_jpeg, 71, 2))),
        ("combo_gamma_1.19+saturation_1.21+webp_q81",
         _chain(_p(_gamma, 1.19), _p(_saturation, 1.21), _p(_webp, 81))),
        ("combo_median_3+downscale_0.83+jpeg_q58",
         _chain(_p(_median, 3), _p(_scale, 0.83, cv2.INTER_AREA), _p(_jpeg, 58, 2))),
        ("combo_flip_h+rotate_-3.3_inner_rect+jpeg_q72",
         _chain(_flip_h, _p(_inner_rect, -3.3), _p(_jpeg, 72, 2))),
    ]
    return a


# --------------------------------------------------------------------------------------
# unmarked images
# --------------------------------------------------------------------------------------


def _size(rng: np.random.Generator) -> tuple[int, int]:
    """Width log-uniform in 96..1100, aspect log-uniform in 1/3.1..3.1, both sides clipped."""
    w = int(np.clip(round(math.exp(rng.uniform(math.log(96), math.log(1100)))), 96, 1100))
    aspect = math.exp(rng.uniform(-math.log(3.1), math.log(3.1)))
    h = int(np.clip(round(w / aspect), 96, 1100))
    return w, h


def _u_photo(rng: np.random.Generator, w: int, h: int) -> Array:
    src = _sample(_UNMARKED_SOURCES[int(rng.integers(0, len(_UNMARKED_SOURCES)))])
    sh, sw = src.shape[:2]
    aspect = w / h
    frac = rng.uniform(0.3, 1.0)
    cw = sw * frac
    ch = cw / aspect
    if ch > sh * frac:
        ch = sh * frac
        cw = ch * aspect
    cw, ch = max(8, min(sw, int(cw))), max(8, min(sh, int(ch)))
    x0 = int(rng.integers(0, sw - cw + 1))
    y0 = int(rng.integers(0, sh - ch + 1))
    a = src[y0:y0 + ch, x0:x0 + cw]
    up = w > cw or h > ch
    interp = [cv2.INTER_LINEAR, cv2.INTER_CUBIC, cv2.INTER_LANCZOS4][int(rng.integers(0, 3))]
    a = _resize(a, w, h, interp if up else cv2.INTER_AREA)
    if rng.random() < 0.5:
        a = a[:, ::-1]
    f = a.astype(np.float32) / 255.0
    f = f ** rng.uniform(0.7, 1.45)
    f = (f - 0.5) * rng.uniform(0.75, 1.25) + 0.5 + rng.uniform(-0.08, 0.08)
    f = f * rng.uniform(0.9, 1.1, size=3).astype(np.float32)
    out = _c(np.clip(f, 0, 1) * 255.0)
    if up and rng.random() < 0.6:
        out = _c(out.astype(np.float32) + rng.normal(0, rng.uniform(0.5, 2.5), out.shape))
    if rng.random() < 0.35:
        out = _jpeg(out, int(rng.integers(55, 97)), int(rng.choice([0, 2])))
    return out


def _u_graphic(rng: np.random.Generator, w: int, h: int) -> Array:
    img = np.empty((h, w, 3), np.uint8)
    img[:] = rng.integers(0, 256, 3)
    for _ in range(int(rng.integers(2, 14))):
        col = tuple(int(v) for v in rng.integers(0, 256, 3))
        kind = int(rng.integers(0, 4))
        x0, y0 = int(rng.integers(0, w)), int(rng.integers(0, h))
        if kind == 0:
            cv2.rectangle(img, (x0, y0), (int(rng.integers(0, w)), int(rng.integers(0, h))), col,
                          -1)
        elif kind == 1:
            cv2.circle(img, (x0, y0), int(rng.integers(3, max(4, min(w, h) // 2))), col, -1,
                       cv2.LINE_AA)
        elif kind == 2:
            cv2.line(img, (x0, y0), (int(rng.integers(0, w)), int(rng.integers(0, h))), col,
                     int(rng.integers(1, 9)), cv2.LINE_AA)
        else:
            _put_text(img, "".join(chr(int(c)) for c in rng.integers(65, 91, 7)), (x0, y0),
                      float(rng.uniform(0.4, 2.2)), col, int(rng.integers(1, 4)))
    return _c(img)


def _u_screen(rng: np.random.Generator, w: int, h: int) -> Array:
    dark = rng.random() < 0.35
    bg = (int(rng.integers(20, 45)),) * 3 if dark else (int(rng.integers(235, 256)),) * 3
    fg = (220, 220, 220) if dark else (30, 30, 30)
    img = np.full((h, w, 3), bg, np.uint8)
    bar = int(rng.integers(0, max(1, h // 6)))
    if bar:
        img[:bar] = rng.integers(0, 256, 3)
    y = bar + 23
    while y < h - 5:
        x = int(rng.integers(5, 40))
        words = int(rng.integers(1, 9))
        for _ in range(words):
            n = int(rng.integers(2, 10))
            _put_text(img, "".join(chr(int(c)) for c in rng.integers(97, 123, n)), (x, y),
                      0.45, fg)
            x += n * 10 + 8
            if x > w:
                break
        y += int(rng.integers(17, 31))
    return _c(img)


def _u_smooth(rng: np.random.Generator, w: int, h: int) -> Array:
    gh, gw = int(rng.integers(2, 7)), int(rng.integers(2, 7))
    grid = rng.uniform(0, 255, (gh, gw, 3)).astype(np.float32)
    out = cv2.resize(grid, (w, h), interpolation=cv2.INTER_CUBIC)
    out = out + rng.normal(0, rng.uniform(0, 3), out.shape).astype(np.float32)
    return _c(out)


def _u_texture(rng: np.random.Generator, w: int, h: int) -> Array:
    cell = int(rng.integers(1, 9))
    small = rng.integers(0, 256, (max(1, h // cell + 1), max(1, w // cell + 1), 3), np.uint8)
    out = cv2.resize(small, (w, h), interpolation=[cv2.INTER_NEAREST, cv2.INTER_LINEAR][
        int(rng.integers(0, 2))])
    if rng.random() < 0.5:
        out = cv2.GaussianBlur(out, (0, 0), float(rng.uniform(0.5, 3.0)))
    return _c(out)


def unmarked(n: int = 10000, seed: int = 2026120720) -> Iterator[tuple[str, Array]]:
    kinds = (("photo", 0.62, _u_photo), ("graphic", 0.12, _u_graphic),
             ("screen", 0.1, _u_screen), ("smooth", 0.1, _u_smooth),
             ("texture", 0.06, _u_texture))
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        r = rng.random()
        acc = 0.0
        kind, fn = kinds[-1][0], kinds[-1][2]
        for k, p, f in kinds:
            acc += p
            if r < acc:
                kind, fn = k, f
                break
        w, h = _size(rng)
        rgb = fn(rng, w, h)
        assert rgb.shape == (h, w, 3)
        yield f"unmarked_{i:05d}_{kind}_{w}x{h}", rgb


# --------------------------------------------------------------------------------------
# edge cases
# --------------------------------------------------------------------------------------


def _checker(h: int, w: int, cell: int) -> Array:
    yy, xx = np.mgrid[0:h, 0:w]
    b = (((yy // cell) + (xx // cell)) % 2 * 255).astype(np.uint8)
    return _c(b)


def edge_cases() -> list[tuple[str, Array]]:
    rng = np.random.default_rng(2026120731)
    photo = _sample("astronaut.png")
    out: list[tuple[str, Array]] = [
        ("tiny_1x1", _c(np.array([[[143, 61, 211]]], np.uint8))),
        ("tiny_2x2", _c(rng.integers(0, 256, (2, 2, 3), np.uint8))),
        ("tiny_3x5", _resize(photo, 5, 3, cv2.INTER_AREA)),
        ("tiny_7x7", _resize(photo, 7, 7, cv2.INTER_AREA)),
        ("small_15x23", _resize(photo, 23, 15, cv2.INTER_AREA)),
        ("small_31x31", _resize(photo, 31, 31, cv2.INTER_AREA)),
        ("small_63x64", _resize(photo, 64, 63, cv2.INTER_AREA)),
        ("small_95x97", _resize(photo, 97, 95, cv2.INTER_AREA)),
        ("strip_1x997_row", _resize(photo, 997, 1, cv2.INTER_AREA)),
        ("strip_1013x1_column", _resize(photo, 1, 1013, cv2.INTER_AREA)),
        ("strip_2x1531", _resize(photo, 1531, 2, cv2.INTER_AREA)),
        ("strip_2987x3", _resize(photo, 3, 2987, cv2.INTER_AREA)),
        ("huge_4000x3000_photo", _resize(_sample("retina.jpg")[203:1261, 0:1411], 4000, 3000,
                                         cv2.INTER_LINEAR)),
        ("very_wide_8191x97", _resize(_sample("motorcycle_right.png")[201:301], 8191, 97,
                                      cv2.INTER_LINEAR)),
        ("very_tall_89x6007", _resize(_sample("coffee.png")[:, 271:331], 89, 6007,
                                      cv2.INTER_LINEAR)),
        ("flat_black_517x389", np.zeros((389, 517, 3), np.uint8)),
        ("flat_white_517x389", np.full((389, 517, 3), 255, np.uint8)),
        ("flat_grey128_512x512", np.full((512, 512, 3), 128, np.uint8)),
        ("flat_colour_rgb23_171_97_641x433", np.full((433, 641, 3), (23, 171, 97), np.uint8)),
        ("nearflat_grey127_pm1_noise_611x457",
         _c(127 + rng.integers(-1, 2, (457, 611, 3)))),
        ("nearflat_ramp_0to3_733x421",
         _c(np.repeat(np.repeat(np.linspace(0, 3, 733)[None, :, None], 421, 0), 3, 2))),
        ("nearflat_white254_255_noise_389x389", _c(254 + rng.integers(0, 2, (389, 389, 3)))),
        ("noise_uniform_512x512", _c(rng.integers(0, 256, (512, 512, 3), np.uint8))),
        ("noise_gaussian_mean128_sd41_479x613",
         _c(rng.normal(128, 41, (613, 479, 3)))),
        ("noise_binary_bw_401x401",
         _c(np.repeat((rng.integers(0, 2, (401, 401, 1)) * 255).astype(np.uint8), 3, 2))),
        ("checkerboard_1px_512x512", _checker(512, 512, 1)),
        ("checkerboard_2px_523x389", _checker(389, 523, 2)),
        ("checkerboard_8px_640x480", _checker(480, 640, 8)),
        ("stripes_vertical_1px_517x517", _c(np.tile(((np.arange(517) % 2) * 255).astype(
            np.uint8)[None, :, None], (517, 1, 3)))),
        ("stripes_horizontal_1px_431x613", _c(np.tile(((np.arange(431) % 2) * 255).astype(
            np.uint8)[:, None, None], (1, 613, 3)))),
        ("saturated_primaries_600x401", _c(np.concatenate(
            [np.full((401, 200, 3), c, np.uint8) for c in ((255, 0, 0), (0, 255, 0),
                                                            (0, 0, 255))], axis=1))),
        ("clipped_highlights_photo_512x512",
         _c(np.clip(photo.astype(np.int16) * 3 - 140, 0, 255))),
        ("gradient_horizontal_1021x257",
         _c(np.repeat(np.repeat(np.linspace(0, 255, 1021)[None, :, None], 257, 0), 3, 2))),
        ("odd_257x255_photo", _resize(photo, 257, 255, cv2.INTER_AREA)),
        ("prime_509x521_photo", _resize(_sample("chelsea.png"), 509, 521, cv2.INTER_CUBIC)),
        ("text_scan_448x172", _c(_sample("text.png"))),
    ]
    return [(name, _c(a)) for name, a in out]


# --------------------------------------------------------------------------------------
# edge-case files
# --------------------------------------------------------------------------------------


def _chunk(typ: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + typ + data + struct.pack(">I", zlib.crc32(typ + data))


def _png_raw(width: int, height: int, bitdepth: int, colortype: int, idat_raw: bytes,
             interlace: int = 0, extra: tuple[bytes, ...] = ()) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, bitdepth, colortype, 0, 0, interlace)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + b"".join(extra)
            + _chunk(b"IDAT", zlib.compress(idat_raw, 9)) + _chunk(b"IEND", b""))


def _rows(arr: Array) -> bytes:
    """Filter type 0 before every row; arr is (H, W*channels*bytes) or (H, W, C)."""
    a = np.ascontiguousarray(arr).reshape(arr.shape[0], -1)
    return b"".join(b"\x00" + row.tobytes() for row in a)


def _png_array(arr: Array, bitdepth: int, colortype: int, interlace: bool = False) -> bytes:
    h, w = arr.shape[:2]
    data = arr.astype(">u2") if bitdepth == 16 else arr.astype(np.uint8)
    if not interlace:
        return _png_raw(w, h, bitdepth, colortype, _rows(data))
    passes = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4),
              (1, 0, 2, 2), (0, 1, 1, 2))
    raw = b""
    for xs, ys, dx, dy in passes:
        sub = data[ys::dy, xs::dx]
        if sub.size:
            raw += _rows(sub)
    return _png_raw(w, h, bitdepth, colortype, raw, interlace=1)


def _save(im: Image.Image, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    im.save(buf, format=fmt, **kw)
    return buf.getvalue()


def edge_case_files() -> list[tuple[str, bytes]]:
    rng = np.random.default_rng(2026120743)
    base = _resize(_sample("astronaut.png")[29:479, 41:491], 337, 253, cv2.INTER_AREA)
    small = _resize(_sample("coffee.png"), 211, 157, cv2.INTER_AREA)
    pil = _pil(base)
    h, w = base.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w]
    alpha = np.clip((xx * 255) // max(1, w - 1), 0, 255).astype(np.uint8)

    rgb16 = (base.astype(np.uint16) * 257) ^ (rng.integers(0, 256, base.shape).astype(np.uint16))
    grey16 = (np.asarray(pil.convert("L"), np.uint16) * 257)
    rgba16 = np.concatenate([rgb16, (alpha.astype(np.uint16) * 257)[:, :, None]], axis=2)

    png_rgb = _save(pil, "PNG")
    jpeg = _save(pil, "JPEG", quality=86)

    corrupt = bytearray(png_rgb)
    mid = len(corrupt) // 2
    for k in range(0, 64, 3):
        corrupt[mid + k] ^= 0x5A

    huge_ihdr = struct.pack(">IIBBBBB", 99991, 99989, 8, 2, 0, 0, 0)
    gigantic = (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", huge_ihdr)
                + _chunk(b"IDAT", zlib.compress(b"\x00" * (99991 * 3 + 1) * 3, 9))
                + _chunk(b"IEND", b""))
    wide_ihdr = struct.pack(">IIBBBBB", 2147483647, 1, 8, 0, 0, 0, 0)
    wide = (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", wide_ihdr)
            + _chunk(b"IDAT", zlib.compress(b"\x00" * 4099, 9)) + _chunk(b"IEND", b""))
    zero_ihdr = struct.pack(">IIBBBBB", 0, 0, 8, 2, 0, 0, 0)
    zero = (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", zero_ihdr)
            + _chunk(b"IDAT", zlib.compress(b"", 9)) + _chunk(b"IEND", b""))

    rgba_im = Image.fromarray(np.ascontiguousarray(np.dstack([base, alpha])))
    la_im = Image.fromarray(np.ascontiguousarray(
        np.dstack([np.asarray(pil.convert("L")), alpha[:, ::-1]])))
    pal = pil.quantize(colors=61, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    pal.info["transparency"] = 3
    one_bit = pil.convert("L").point(lambda v: 255 if v > 117 else 0).convert(
        "1", dither=Image.Dither.NONE
    )

    exif6 = Image.Exif()
    exif6[0x0112] = 6
    exif8 = Image.Exif()
    exif8[0x0112] = 8

    frames = [Image.fromarray(_c(np.roll(small, 37 * k, axis=1))) for k in range(4)]
    gif_frames = [f.quantize(colors=97, method=Image.Quantize.MEDIANCUT,
                             dither=Image.Dither.NONE) for f in frames]
    gif_anim = _save(gif_frames[0], "GIF", save_all=True, append_images=gif_frames[1:],
                     duration=[83, 97, 113, 71], loop=0, optimize=False)
    webp_anim = _save(frames[0], "WEBP", save_all=True, append_images=frames[1:],
                      duration=[83, 97, 113, 71], loop=0, quality=79, method=4)
    webp_alpha = _save(rgba_im, "WEBP", lossless=True, method=4)

    tiff_pages = _save(frames[0], "TIFF", save_all=True, append_images=frames[1:3],
                       compression="tiff_lzw")
    tiff16 = _save(Image.fromarray(np.ascontiguousarray(grey16.astype(np.uint16))), "TIFF")

    svg = (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="317" '
           b'height="211"><rect width="317" height="211" fill="#3a7"/>'
           b'<circle cx="97" cy="103" r="61" fill="#f63"/></svg>\n')

    files: list[tuple[str, bytes]] = [
        ("png_16bit_rgb.png", _png_array(rgb16, 16, 2)),
        ("png_16bit_grey.png", _png_array(grey16, 16, 0)),
        ("png_16bit_rgba.png", _png_array(rgba16, 16, 6)),
        ("png_rgba_alpha_ramp.png", _save(rgba_im, "PNG")),
        ("png_grey_alpha_LA.png", _save(la_im, "PNG")),
        ("png_palette_trns.png", _save(pal, "PNG")),
        ("png_grey_8bit.png", _save(pil.convert("L"), "PNG")),
        ("png_1bit.png", _save(one_bit, "PNG")),
        ("png_interlaced_adam7_rgb.png", _png_array(base, 8, 2, interlace=True)),
        ("png_truncated_61pct.png", png_rgb[: len(png_rgb) * 61 // 100]),
        ("png_corrupt_idat.png", bytes(corrupt)),
        ("png_header_gigantic_99991x99989.png", gigantic),
        ("png_header_2147483647x1.png", wide),
        ("png_header_zero_size.png", zero),
        ("png_signature_only.png", b"\x89PNG\r\n\x1a\n"),
        ("jpeg_truncated_47pct.jpg", jpeg[: len(jpeg) * 47 // 100]),
        ("jpeg_cmyk.jpg", _save(pil.convert("CMYK"), "JPEG", quality=88)),
        ("jpeg_exif_orientation6.jpg", _save(pil, "JPEG", quality=87, exif=exif6.tobytes())),
        ("jpeg_exif_orientation8.jpg", _save(pil, "JPEG", quality=87, exif=exif8.tobytes())),
        ("jpeg_progressive.jpg", _save(pil, "JPEG", quality=83, progressive=True)),
        ("jpeg_greyscale.jpg", _save(pil.convert("L"), "JPEG", quality=89)),
        ("jpeg_header_only.jpg", jpeg[:2] + jpeg[2:20]),
        ("gif_animated_4frames.gif", gif_anim),
        ("gif_still.gif", _save(gif_frames[2], "GIF")),
        ("webp_animated_4frames.webp", webp_anim),
        ("webp_lossless_alpha.webp", webp_alpha),
        ("tiff_rgb_uncompressed.tif", _save(pil, "TIFF")),
        ("tiff_16bit_grey.tif", tiff16),
        ("tiff_multipage_lzw.tif", tiff_pages),
        ("bmp_rgb24.bmp", _save(pil, "BMP")),
        ("empty.png", b""),
        ("random_bytes_4093.png", rng.integers(0, 256, 4093, np.uint8).tobytes()),
        ("text_plain.png", b"This is not an image.\nIt is a short text file named .png.\n"),
        ("svg_text.svg", svg),
    ]
    return files
