"""Held-out watermark test set, round 2026-12-07u (blind, frozen).

PROVENANCE
    Written by an independent tester who did not learn how the watermark works.
    Files read: /work/main/pyproject.toml, /work/main/safegen/backends/__init__.py,
    /work/main/safegen/backends/base.py and /work/main/safegen/backends/builtin.py (only
    to learn how to call the built-in offline text-to-image model); the directory
    listings of scikit-image's skimage/data/ and scikit-learn's sklearn/datasets/images/
    (located with importlib.util.find_spec) and the sizes and modes of their PNG and
    JPEG files; the sample images used below, decoded with Pillow. Nothing under
    safegen/watermark/, docs/, tests/ or benchmarks/ (other than writing this file and
    its cache folder) was opened, grepped, listed or imported; README.md and the issue
    tracker were not read; no git command, no watermark encoder or decoder and no
    `issues` command was run. The built-in model was called once directly (one prompt,
    one seed) to learn its call and speed. Every parameter below was chosen before, and
    without seeing, any watermark result. The module was run only to check its own
    outputs (shapes, dtypes, contiguity, determinism, speed, and a visual look at them).

FROZEN
    This file is never edited, not even for style: its sha256 is its identity.

SOURCES
    Photos: scikit-image sample images (skimage/data/: astronaut.png, chelsea.png,
    coffee.png, hubble_deep_field.jpg, retina.jpg, motorcycle_left.png,
    motorcycle_right.png, rocket.jpg, ihc.png, camera.png; for unmarked() also moon.png,
    coins.png, brick.png, grass.png, gravel.png) and scikit-learn sample images
    (sklearn/datasets/images/: china.jpg, flower.jpg), cropped, rescaled and
    tone-changed here; enlarged photos get seeded grain. Generated: the built-in
    offline model (safegen.backends.builtin.BuiltinBackend) at its native 256x256,
    with this file's own prompts and seeds, cached as PNG in CACHE_DIR and regenerated
    when absent. Screenshots and graphics: drawn here with OpenCV.

INTERFACE
    ROUND, CACHE_DIR
    images() -> list[(name, image_class, rgb)]; image_class in
        {"photo", "generated", "graphic", "screenshot"}; rgb C-contiguous uint8 (H, W, 3).
    attacks() -> list[(name, fn)]; fn(rgb) -> new C-contiguous uint8 (H', W', 3),
        deterministic (noise seeded from the attack name and the image's shape and bytes);
        the first attack is "none".
    unmarked(n=10000, seed=2026120721) -> iterator of (name, rgb); item i depends only
        on np.random.default_rng([seed, i]) and the fixed package sample images.
    edge_cases() -> list[(name, rgb)]: awkward uint8 RGB arrays.
    edge_case_files() -> list[(name, bytes)]: awkward encoded files, byte-identical per run.

IMAGES
    photo: astronaut_portrait_crop, chelsea_native_warm, coffee_enlarged_1437,
        hubble_crop_16x9, retina_full_tone, retina_crop_enlarged_1973,
        motorcycle_panorama_1882, motorcycle_right_small, rocket_portrait_enlarged,
        china_16x9_enlarged_1613, flower_native_saturated, flower_crop_small,
        ihc_stretched_777, astronaut_enlarged_1239, coffee_portrait_crop,
        camera_sepia_587, chelsea_enlarged_1161, hubble_down_710
    generated: gen_alpine_lake_sunset, gen_green_hills_noon, gen_snowy_ridge_twilight,
        gen_desert_canyon_dusk, gen_foggy_coast_dawn, gen_night_meadow_river
    screenshot: screenshot_settings_window, screenshot_news_feed
    graphic: graphic_bar_line_chart, graphic_cycling_poster

ATTACKS
    none, flip_h, flip_v,
    stretch_x_107, stretch_x_088, stretch_y_113, stretch_xy_109_094, stretch_x_131,
    stretch_y_069, squash_square_637,
    crop_centre_93, crop_centre_71, crop_centre_53, crop_off_82, crop_tl_77, crop_br_64,
    crop_tr_88, crop_y_81, crop_centre_78_back, crop_tl_59_back, crop_off_91x67_back,
    crop_x_52_back,
    rot_p1_7_black, rot_m3_3_white, rot_p6_1_reflect, rot_m8_9_expand,
    rot_p4_6_expand_white_back, rot_p2_4_straighten, rot_m9_6_straighten,
    rot_m5_2_inner, rot_p9_7_inner_back, rot_m2_9_crop_84, rot_p7_3_crop_tl_73,
    pad_black_7, pad_white_17_back, pad_uneven_colour, pad_uneven_reflect_back,
    letterbox_16x9, caption_band, caption_meme, frame_overlay,
    jpeg_q87_444, jpeg_q73_420, jpeg_q58_420, jpeg_q43_444, jpeg_q31_420,
    webp_q88, webp_q69, webp_q52,
    down_041, down_up_053, up_137, up_193,
    social_1080_jpeg75, social_portrait_1080_jpeg77, social_repost_1063_jpeg74_947_jpeg79,
    messaging_061_jpeg61_fwd2, messaging_cap1597_jpeg63_fwd2,
    screen_browser_png, screen_browser_jpeg, screen_phone_png, screen_document_jpeg,
    blur_gauss_1_3, sharpen_unsharp, median_3, median_5, noise_gauss_4_7,
    brightness_p17, brightness_m23, contrast_121, contrast_083, gamma_079,
    saturation_137, saturation_058, greyscale,
    combo_crop_86_jpeg71, combo_straighten_m2_1_jpeg79, combo_flip_h_bright_p11_webp73,
    combo_stretch_x_106_jpeg64, combo_pad_reflect_6_down_071, combo_grey_jpeg56,
    combo_blur_1_1_contrast_113_jpeg81, combo_crop_tl_83_rot_p1_9_jpeg68,
    combo_noise_3_1_jpeg77, combo_caption_webp61, combo_gamma_088_sat_121_down_up_077,
    combo_flip_v_crop_y_74_jpeg62
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import io
import math
import struct
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PIL import Image

ROUND = "2026-12-07u"
CACHE_DIR = Path(__file__).resolve().parent / "cache_u"

Array = np.ndarray
Attack = Callable[[Array], Array]

# --------------------------------------------------------------------------- sources


def _package_dir(module: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"{module} is not installed (needed for its sample images)")
    return Path(spec.origin).resolve().parent.joinpath(*parts)


_SOURCE_FILES: dict[str, tuple[str, str]] = {
    "astronaut": ("skimage", "astronaut.png"),
    "chelsea": ("skimage", "chelsea.png"),
    "coffee": ("skimage", "coffee.png"),
    "hubble_deep_field": ("skimage", "hubble_deep_field.jpg"),
    "retina": ("skimage", "retina.jpg"),
    "motorcycle_left": ("skimage", "motorcycle_left.png"),
    "motorcycle_right": ("skimage", "motorcycle_right.png"),
    "rocket": ("skimage", "rocket.jpg"),
    "ihc": ("skimage", "ihc.png"),
    "camera": ("skimage", "camera.png"),
    "moon": ("skimage", "moon.png"),
    "coins": ("skimage", "coins.png"),
    "brick": ("skimage", "brick.png"),
    "grass": ("skimage", "grass.png"),
    "gravel": ("skimage", "gravel.png"),
    "china": ("sklearn", "china.jpg"),
    "flower": ("sklearn", "flower.jpg"),
}
_UNMARKED_PHOTOS = (
    "astronaut", "chelsea", "coffee", "hubble_deep_field", "retina", "motorcycle_left",
    "motorcycle_right", "rocket", "ihc", "china", "flower", "camera", "moon", "coins",
)
_TEXTURES = ("brick", "grass", "gravel")


@functools.cache
def _source(name: str) -> Array:
    """A package sample image as read-only RGB uint8 (grey replicated)."""
    package, filename = _SOURCE_FILES[name]
    folder = ("data",) if package == "skimage" else ("datasets", "images")
    path = _package_dir(package, *folder, filename)
    with Image.open(path) as im:
        rgb = np.array(im.convert("RGB"), dtype=np.uint8)
    rgb = np.ascontiguousarray(rgb)
    rgb.setflags(write=False)
    return rgb


def _stable_seed(*parts: object) -> int:
    digest = hashlib.sha256("\x1f".join(repr(p) for p in parts).encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _image_seed(name: str, a: Array) -> int:
    """Seed from an attack name and the image's shape and bytes."""
    h = hashlib.sha256()
    h.update(name.encode())
    h.update(repr(tuple(a.shape)).encode())
    h.update(np.ascontiguousarray(a).data)
    return int.from_bytes(h.digest()[:8], "big")


# --------------------------------------------------------------------------- pixel helpers


def _u8(x: Array) -> Array:
    return np.ascontiguousarray(np.clip(np.rint(x), 0, 255).astype(np.uint8))


def _resize(a: Array, w: int, h: int, interp: int | None = None) -> Array:
    w, h = max(1, int(w)), max(1, int(h))
    if interp is None:
        shrinking = w * h < a.shape[0] * a.shape[1]
        interp = cv2.INTER_AREA if shrinking else cv2.INTER_CUBIC
    return np.ascontiguousarray(cv2.resize(np.ascontiguousarray(a), (w, h), interpolation=interp))


def _scale(a: Array, factor: float, interp: int | None = None) -> Array:
    h, w = a.shape[:2]
    return _resize(a, round(w * factor), round(h * factor), interp)


def _long_side(a: Array, side: int, interp: int | None = None) -> Array:
    h, w = a.shape[:2]
    f = side / max(h, w)
    return _resize(a, max(1, round(w * f)), max(1, round(h * f)), interp)


def _tone(
    a: Array,
    *,
    brightness: float = 0.0,
    contrast: float = 1.0,
    gamma: float = 1.0,
    saturation: float = 1.0,
    warmth: float = 0.0,
    sepia: bool = False,
) -> Array:
    x = a.astype(np.float32) / 255.0
    if sepia:
        grey = x @ np.array([0.299, 0.587, 0.114], np.float32)
        x = np.clip(grey[..., None] * np.array([1.07, 0.97, 0.81], np.float32), 0, 1)
    if gamma != 1.0:
        x = np.power(x, gamma)
    if contrast != 1.0:
        x = (x - 0.5) * contrast + 0.5
    if saturation != 1.0:
        lum = (x @ np.array([0.299, 0.587, 0.114], np.float32))[..., None]
        x = lum + (x - lum) * saturation
    if warmth:
        x[..., 0] += warmth
        x[..., 2] -= warmth
    return _u8(x * 255.0 + brightness)


def _grain(a: Array, sigma: float, seed: int) -> Array:
    """Film-like grain: slightly correlated luminance noise plus weak chroma noise."""
    rng = np.random.default_rng(seed)
    h, w = a.shape[:2]
    lum: Array = cv2.GaussianBlur(rng.standard_normal((h, w), dtype=np.float32), (0, 0), 0.63)
    lum *= sigma / max(float(lum.std()), 1e-6)
    chroma = rng.standard_normal((h, w, 3), dtype=np.float32) * (sigma * 0.31)
    return _u8(a.astype(np.float32) + lum[..., None] + chroma)


def _encode(a: Array, fmt: str, **params: Any) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(a), "RGB").save(buf, fmt, **params)
    return buf.getvalue()


def _decode(data: bytes) -> Array:
    with Image.open(io.BytesIO(data)) as im:
        return np.ascontiguousarray(np.array(im.convert("RGB"), dtype=np.uint8))


def _jpeg(a: Array, quality: int, subsampling: int = 2) -> Array:
    """JPEG round trip; subsampling 2 is 4:2:0, 0 is 4:4:4."""
    return _decode(_encode(a, "JPEG", quality=quality, subsampling=subsampling))


def _webp(a: Array, quality: int) -> Array:
    return _decode(_encode(a, "WEBP", quality=quality, method=4))


# --------------------------------------------------------------------------- drawing helpers

_FONT = cv2.FONT_HERSHEY_SIMPLEX
_FONT_BOLD = cv2.FONT_HERSHEY_DUPLEX
_WORDS = (
    "the of and river market council weather update morning evening report local new "
    "train station opens plans summer winter photo gallery share comments reply read more "
    "about settings privacy account storage network display sound travel notes bridge "
    "harbour festival museum garden team results season budget energy school library "
    "week review city centre traffic delays expected north south coast hills valley "
    "guide best places visit tips recipe coffee bakery street view from above open today"
).split()


def _put(
    img: Array,
    text: str,
    x: int,
    y: int,
    scale: float,
    colour: tuple[int, int, int],
    thickness: int = 1,
    font: int = _FONT,
) -> None:
    cv2.putText(img, text, (int(x), int(y)), font, scale, colour, thickness, cv2.LINE_AA)


def _text_width(text: str, scale: float, thickness: int = 1, font: int = _FONT) -> int:
    return int(cv2.getTextSize(text, font, scale, thickness)[0][0])


def _sentence(rng: np.random.Generator, width: int, scale: float, thickness: int = 1) -> str:
    words: list[str] = []
    while True:
        word = str(_WORDS[int(rng.integers(len(_WORDS)))])
        candidate = " ".join([*words, word])
        if words and _text_width(candidate, scale, thickness) > width:
            break
        words.append(word)
        if len(words) > 40:
            break
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _paragraph(
    img: Array,
    rng: np.random.Generator,
    x: int,
    y: int,
    width: int,
    lines: int,
    scale: float,
    colour: tuple[int, int, int],
    line_height: int,
) -> int:
    """Draw `lines` lines of filler text; returns the y below the paragraph."""
    for k in range(lines):
        w = width if k < lines - 1 else int(width * (0.37 + 0.5 * rng.random()))
        _put(img, _sentence(rng, w, scale), x, y + k * line_height, scale, colour)
    return y + lines * line_height


def _rounded_rect(
    img: Array,
    x0: int,
    y0: int,
    x1: int,
    y1: int,
    radius: int,
    colour: tuple[int, int, int],
) -> None:
    r = max(0, min(radius, (x1 - x0) // 2, (y1 - y0) // 2))
    cv2.rectangle(img, (x0 + r, y0), (x1 - r, y1), colour, -1, cv2.LINE_AA)
    cv2.rectangle(img, (x0, y0 + r), (x1, y1 - r), colour, -1, cv2.LINE_AA)
    for cx, cy in ((x0 + r, y0 + r), (x1 - r, y0 + r), (x0 + r, y1 - r), (x1 - r, y1 - r)):
        cv2.circle(img, (cx, cy), r, colour, -1, cv2.LINE_AA)


def _vertical_gradient(h: int, w: int, top: tuple[int, ...], bottom: tuple[int, ...]) -> Array:
    t = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None, None]
    col = np.array(top, np.float32) * (1 - t) + np.array(bottom, np.float32) * t
    return _u8(np.broadcast_to(col, (h, w, 3)))


def _fit(a: Array, box_w: int, box_h: int) -> Array:
    """Scale to fit inside a box, keeping the aspect ratio (bilinear when enlarging)."""
    h, w = a.shape[:2]
    f = min(box_w / w, box_h / h)
    interp = cv2.INTER_AREA if f < 1 else cv2.INTER_LINEAR
    return _resize(a, max(1, round(w * f)), max(1, round(h * f)), interp)


def _paste(canvas: Array, a: Array, x: int, y: int) -> None:
    """Paste a at (x, y), clipped to the canvas."""
    h = max(0, min(a.shape[0], canvas.shape[0] - y))
    w = max(0, min(a.shape[1], canvas.shape[1] - x))
    canvas[y : y + h, x : x + w] = a[:h, :w]


# --------------------------------------------------------------------------- images

_PhotoSpec = tuple[str, str, tuple[int, int, int, int] | None, tuple[int, int] | None,
                   dict[str, Any], float]

_PHOTOS: tuple[_PhotoSpec, ...] = (
    # name, source, crop (x0, y0, x1, y1), output size (w, h), tone, grain sigma
    ("astronaut_portrait_crop", "astronaut", (97, 23, 411, 497), None, {"gamma": 0.94}, 0.0),
    ("chelsea_native_warm", "chelsea", None, None, {"warmth": 0.037, "contrast": 1.04}, 0.0),
    ("coffee_enlarged_1437", "coffee", None, (1437, 958), {"saturation": 1.08}, 2.3),
    ("hubble_crop_16x9", "hubble_deep_field", (4, 157, 996, 715), None, {"brightness": 6.0}, 0.0),
    ("retina_full_tone", "retina", None, None, {"contrast": 1.07, "gamma": 1.06}, 0.0),
    ("retina_crop_enlarged_1973", "retina", (113, 262, 1300, 1152), (1973, 1479), {}, 2.7),
    ("motorcycle_panorama_1882", "motorcycle_left", (0, 131, 741, 378), (1882, 627),
     {"saturation": 0.93}, 2.1),
    ("motorcycle_right_small", "motorcycle_right", None, (393, 265), {}, 0.0),
    ("rocket_portrait_enlarged", "rocket", (151, 0, 436, 427), (703, 1053), {"gamma": 0.91}, 2.4),
    ("china_16x9_enlarged_1613", "china", (0, 31, 640, 391), (1613, 907),
     {"contrast": 1.05, "saturation": 1.06}, 2.6),
    ("flower_native_saturated", "flower", None, None, {"saturation": 1.13, "brightness": -4.0},
     0.0),
    ("flower_crop_small", "flower", (287, 93, 550, 344), None, {}, 0.0),
    ("ihc_stretched_777", "ihc", None, (777, 683), {"gamma": 1.09}, 1.7),
    ("astronaut_enlarged_1239", "astronaut", (0, 29, 512, 485), (1239, 1103),
     {"contrast": 0.96}, 2.2),
    ("coffee_portrait_crop", "coffee", (171, 0, 454, 397), None,
     {"brightness": 5.0, "gamma": 0.97}, 0.0),
    ("camera_sepia_587", "camera", None, (587, 587), {"sepia": True}, 1.9),
    ("chelsea_enlarged_1161", "chelsea", None, (1161, 772), {"warmth": -0.021}, 2.5),
    ("hubble_down_710", "hubble_deep_field", None, (710, 619), {}, 0.0),
)

_GENERATED: tuple[tuple[str, str, int], ...] = (
    ("gen_alpine_lake_sunset",
     "a quiet alpine lake under an orange sunset sky with dark pine trees", 70913),
    ("gen_green_hills_noon",
     "rolling green hills at noon with scattered oak trees and a pale blue sky", 28457),
    ("gen_snowy_ridge_twilight", "a snowy mountain ridge at twilight with purple clouds", 91306),
    ("gen_desert_canyon_dusk",
     "a desert canyon at dusk with red rocks and a dry riverbed", 53381),
    ("gen_foggy_coast_dawn", "a foggy coastline at dawn with grey waves and low cliffs", 16729),
    ("gen_night_meadow_river",
     "a night meadow under a starry sky beside a calm dark river", 84062),
)


def _photo(spec: _PhotoSpec) -> Array:
    name, source, crop, size, tone, grain = spec
    a = _source(source)
    if crop is not None:
        x0, y0, x1, y1 = crop
        a = a[y0:y1, x0:x1]
    a = np.ascontiguousarray(a)
    if size is not None:
        a = _resize(a, size[0], size[1])
    a = _tone(a, **tone) if tone else a.copy()
    if grain > 0:
        a = _grain(a, grain, _stable_seed(ROUND, "grain", name))
    return np.ascontiguousarray(a)


def _generated() -> list[tuple[str, Array]]:
    """The built-in model's outputs, cached as PNG (generated only when absent)."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    out: list[tuple[str, Array]] = []
    backend: Any = None
    for name, prompt, seed in _GENERATED:
        path = CACHE_DIR / f"{name}_s{seed}.png"
        rgb: Array | None = None
        if path.exists():
            try:
                with Image.open(path) as im:
                    rgb = np.array(im.convert("RGB"), dtype=np.uint8)
                if rgb.shape != (256, 256, 3):
                    rgb = None
            except OSError:
                rgb = None
        if rgb is None:
            if backend is None:
                from safegen.backends.base import BackendRequest
                from safegen.backends.builtin import BuiltinBackend

                backend = (BuiltinBackend(), BackendRequest)
            model, request_type = backend
            request = request_type(prompt=prompt, negative_prompt=None, seeds=(seed,))
            rgb = np.array(model.generate(request)[0].convert("RGB"), dtype=np.uint8)
            tmp = path.with_suffix(".tmp.png")
            Image.fromarray(rgb, "RGB").save(tmp, "PNG")
            tmp.replace(path)
        out.append((name, np.ascontiguousarray(rgb)))
    return out


def _screenshot_settings() -> Array:
    w, h = 1187, 763
    img = np.full((h, w, 3), 251, np.uint8)
    rng = np.random.default_rng(_stable_seed(ROUND, "settings"))
    # title bar
    img[:41] = (236, 236, 239)
    cv2.line(img, (0, 41), (w, 41), (214, 214, 218), 1)
    for k, colour in enumerate(((255, 95, 86), (255, 189, 46), (39, 201, 63))):
        cv2.circle(img, (21 + 23 * k, 20), 7, colour, -1, cv2.LINE_AA)
    title = "Preferences - Display & Privacy"
    _put(img, title, (w - _text_width(title, 0.53)) // 2, 27, 0.53, (60, 60, 67))
    # sidebar
    img[42:, :263] = (243, 243, 246)
    cv2.line(img, (263, 42), (263, h), (220, 220, 224), 1)
    cv2.rectangle(img, (13, 57), (249, 87), (255, 255, 255), -1)
    _put(img, "Search settings", 23, 78, 0.47, (150, 150, 157))
    items = ("General", "Display", "Sound", "Notifications", "Privacy", "Network",
             "Storage", "Accounts", "Keyboard", "Updates", "About")
    icon_colours = ((142, 142, 147), (10, 132, 255), (255, 45, 85), (255, 59, 48),
                    (88, 86, 214), (52, 170, 220), (255, 149, 0), (175, 82, 222),
                    (120, 120, 128), (52, 199, 89), (99, 99, 102))
    for k, (item, colour) in enumerate(zip(items, icon_colours, strict=True)):
        y = 111 + 43 * k
        if item == "Display":
            _rounded_rect(img, 9, y - 15, 253, y + 19, 7, (10, 132, 255))
        _rounded_rect(img, 19, y - 9, 41, y + 13, 5, colour)
        text_colour = (255, 255, 255) if item == "Display" else (40, 40, 45)
        _put(img, item, 55, y + 8, 0.56, text_colour)
    # main panel
    _put(img, "Display", 297, 93, 1.05, (28, 28, 30), 2)
    y = 131
    rows = ("Automatic brightness", "Night shift", "True tone", "Reduce motion",
            "Show scroll bars", "Share usage data", "Location services")
    for k, row in enumerate(rows):
        _rounded_rect(img, 289, y, 1163, y + 49, 9, (255, 255, 255))
        _put(img, row, 309, y + 31, 0.58, (28, 28, 30))
        _put(img, _sentence(rng, 331, 0.41), 561, y + 30, 0.41, (142, 142, 147))
        on = k % 3 != 1
        track = (52, 199, 89) if on else (229, 229, 234)
        _rounded_rect(img, 1087, y + 12, 1141, y + 38, 13, track)
        knob_x = 1128 if on else 1100
        cv2.circle(img, (knob_x, y + 25), 11, (255, 255, 255), -1, cv2.LINE_AA)
        y += 59
    # sliders
    for k, (label, frac) in enumerate((("Brightness", 0.63), ("Text size", 0.37))):
        yy = y + 21 + 51 * k
        _put(img, label, 309, yy + 6, 0.56, (28, 28, 30))
        cv2.line(img, (467, yy), (1137, yy), (209, 209, 214), 5, cv2.LINE_AA)
        cv2.line(img, (467, yy), (467 + int(670 * frac), yy), (10, 132, 255), 5, cv2.LINE_AA)
        cv2.circle(img, (467 + int(670 * frac), yy), 12, (255, 255, 255), -1, cv2.LINE_AA)
        cv2.circle(img, (467 + int(670 * frac), yy), 12, (199, 199, 204), 1, cv2.LINE_AA)
    # dropdown and buttons
    yy = y + 137
    _put(img, "Resolution", 309, yy + 22, 0.56, (28, 28, 30))
    _rounded_rect(img, 467, yy, 761, yy + 33, 6, (255, 255, 255))
    cv2.rectangle(img, (467, yy), (761, yy + 33), (199, 199, 204), 1)
    _put(img, "2560 x 1440 (recommended)", 479, yy + 23, 0.5, (28, 28, 30))
    cv2.fillConvexPoly(img, np.array([[737, yy + 13], [749, yy + 13], [743, yy + 21]]),
                       (99, 99, 102), cv2.LINE_AA)
    _rounded_rect(img, 941, h - 57, 1039, h - 23, 7, (229, 229, 234))
    _put(img, "Cancel", 961, h - 34, 0.55, (28, 28, 30))
    _rounded_rect(img, 1053, h - 57, 1163, h - 23, 7, (10, 132, 255))
    _put(img, "Apply", 1081, h - 34, 0.55, (255, 255, 255))
    return np.ascontiguousarray(img)


def _screenshot_feed() -> Array:
    w, h = 441, 957
    img = np.full((h, w, 3), (240, 242, 245), np.uint8)
    rng = np.random.default_rng(_stable_seed(ROUND, "feed"))
    img[:29] = (24, 24, 27)
    _put(img, "14:07", 17, 20, 0.47, (255, 255, 255))
    cv2.rectangle(img, (397, 9), (421, 20), (255, 255, 255), 1)
    cv2.rectangle(img, (399, 11), (415, 18), (255, 255, 255), -1)
    img[29:83] = (255, 255, 255)
    _put(img, "Channels", 17, 65, 0.83, (20, 20, 25), 2)
    cv2.circle(img, (407, 55), 11, (90, 90, 96), 2, cv2.LINE_AA)
    cv2.line(img, (415, 63), (423, 71), (90, 90, 96), 2, cv2.LINE_AA)
    cv2.line(img, (0, 83), (w, 83), (222, 224, 228), 1)
    thumbs = {
        1: _resize(np.ascontiguousarray(_source("china")[61:409, 17:637]), 409, 229),
        3: _resize(np.ascontiguousarray(_source("coffee")[23:377, 41:575]), 409, 271),
    }
    avatar_colours = ((231, 76, 60), (52, 152, 219), (46, 204, 113), (155, 89, 182),
                      (241, 196, 15))
    names = ("City Desk", "Harbour Live", "Weather Now", "Morning Brief", "Local Sport")
    y = 93
    for k in range(5):
        lines = 2 + k % 2
        card_h = 71 + 21 * lines + (thumbs[k].shape[0] + 11 if k in thumbs else 0)
        if y + 40 > h - 55:
            break
        _rounded_rect(img, 7, y, w - 8, y + card_h, 11, (255, 255, 255))
        cv2.circle(img, (35, y + 29), 17, avatar_colours[k], -1, cv2.LINE_AA)
        _put(img, names[k][0], 29, y + 35, 0.55, (255, 255, 255), 2)
        _put(img, names[k], 61, y + 26, 0.52, (20, 20, 25), 1, _FONT_BOLD)
        _put(img, f"{3 + 7 * k} min ago", 61, y + 45, 0.4, (130, 130, 138))
        ty = _paragraph(img, rng, 17, y + 71, w - 43, lines, 0.45, (40, 40, 46), 21)
        if k in thumbs:
            _paste(img, thumbs[k], 16, ty - 9)
        y += card_h + 9
    img[h - 55 :] = (255, 255, 255)
    cv2.line(img, (0, h - 55), (w, h - 55), (222, 224, 228), 1)
    for k in range(4):
        cx = 55 + 110 * k
        colour = (24, 119, 242) if k == 0 else (140, 140, 148)
        _rounded_rect(img, cx - 13, h - 41, cx + 13, h - 17, 5, colour)
    return np.ascontiguousarray(img)


def _graphic_chart() -> Array:
    w, h = 1031, 677
    img = np.full((h, w, 3), 255, np.uint8)
    _put(img, "Quarterly throughput by region (2019-2024)", 61, 47, 0.87, (33, 37, 41), 2)
    x0, y0, x1, y1 = 97, 93, 853, 601
    for k in range(7):
        yy = y1 - k * (y1 - y0) // 6
        cv2.line(img, (x0, yy), (x1, yy), (226, 230, 234), 1)
        _put(img, f"{k * 250}", 41, yy + 5, 0.45, (90, 96, 104))
    cv2.line(img, (x0, y0), (x0, y1), (60, 64, 70), 2)
    cv2.line(img, (x0, y1), (x1, y1), (60, 64, 70), 2)
    values = ((612, 833, 471), (704, 917, 530), (541, 1013, 602),
              (689, 1128, 655), (803, 1207, 719), (927, 1379, 806))
    colours = ((31, 119, 180), (255, 127, 14), (44, 160, 44))
    group_w = (x1 - x0) / len(values)
    scale = (y1 - y0) / 1500
    totals: list[tuple[int, int]] = []
    for g, group in enumerate(values):
        gx = x0 + int(group_w * g) + 17
        for s, v in enumerate(group):
            bx = gx + s * 29
            cv2.rectangle(img, (bx, y1 - int(v * scale)), (bx + 25, y1 - 1), colours[s], -1)
        _put(img, f"{2019 + g}", gx + 13, y1 + 25, 0.5, (60, 64, 70))
        totals.append((gx + 43, y1 - int(sum(group) / 3 * scale) - 61))
    for p, q in zip(totals, totals[1:], strict=False):
        cv2.line(img, p, q, (214, 39, 40), 3, cv2.LINE_AA)
    for p in totals:
        cv2.circle(img, p, 6, (214, 39, 40), -1, cv2.LINE_AA)
        cv2.circle(img, p, 6, (255, 255, 255), 1, cv2.LINE_AA)
    legend = (("North", colours[0]), ("Coast", colours[1]), ("Inland", colours[2]),
              ("Mean + 61", (214, 39, 40)))
    for k, (label, colour) in enumerate(legend):
        ly = 131 + 33 * k
        cv2.rectangle(img, (883, ly - 13), (903, ly + 3), colour, -1)
        _put(img, label, 913, ly + 1, 0.52, (33, 37, 41))
    _put(img, "thousand units", 873, 301, 0.45, (110, 116, 124))
    _put(img, "Source: regional operators, provisional figures", 97, 651, 0.43, (130, 136, 144))
    return np.ascontiguousarray(img)


def _graphic_poster() -> Array:
    w, h = 743, 1051
    img = _vertical_gradient(h, w, (23, 32, 84), (118, 45, 121))
    _put(img, "CITY CYCLING", 57, 113, 1.83, (255, 255, 255), 4, _FONT_BOLD)
    _put(img, "2025 in numbers", 61, 163, 0.97, (255, 214, 102), 2)
    stats = (("61%", "more trips"), ("23 km", "new lanes"), ("4.7k", "bike racks"))
    for k, (big, small) in enumerate(stats):
        cx = 131 + 241 * k
        cv2.circle(img, (cx, 301), 87, (255, 255, 255), 3, cv2.LINE_AA)
        cv2.ellipse(img, (cx, 301), (87, 87), -90, 0, 360 * (0.61, 0.43, 0.79)[k],
                    (255, 214, 102), 9, cv2.LINE_AA)
        _put(img, big, cx - _text_width(big, 1.17, 3) // 2, 315, 1.17, (255, 255, 255), 3)
        _put(img, small, cx - _text_width(small, 0.57) // 2, 431, 0.57, (225, 225, 240))
    # pie chart
    centre = (221, 653)
    shares = (0.41, 0.27, 0.19, 0.13)
    colours = ((255, 214, 102), (6, 214, 160), (17, 138, 178), (239, 71, 111))
    start = -90.0
    for share, colour in zip(shares, colours, strict=True):
        cv2.ellipse(img, centre, (149, 149), 0, start, start + 360 * share, colour, -1,
                    cv2.LINE_AA)
        start += 360 * share
    cv2.circle(img, centre, 63, (60, 38, 103), -1, cv2.LINE_AA)
    labels = ("Commute", "Leisure", "School", "Delivery")
    for k, (label, colour) in enumerate(zip(labels, colours, strict=True)):
        ly = 553 + 53 * k
        _rounded_rect(img, 431, ly - 19, 459, ly + 7, 6, colour)
        _put(img, f"{label}  {round(100 * shares[k])}%", 473, ly, 0.71, (255, 255, 255), 2)
    # bottom row of icon boxes
    for k in range(4):
        bx = 47 + 167 * k
        _rounded_rect(img, bx, 851, bx + 147, 963, 13, (255, 255, 255))
        cv2.circle(img, (bx + 39, 887), 17, colours[k], -1, cv2.LINE_AA)
        cv2.circle(img, (bx + 83, 887), 17, colours[k], 3, cv2.LINE_AA)
        _put(img, f"{(3, 11, 29, 7)[k]} new", bx + 19, 941, 0.6, (40, 40, 60), 2)
    _put(img, "Data: city transport office - illustrative", 47, 1017, 0.5, (215, 215, 235))
    return np.ascontiguousarray(img)


def images() -> list[tuple[str, str, Array]]:
    """The marked-image set: (name, image_class, rgb)."""
    out: list[tuple[str, str, Array]] = [(spec[0], "photo", _photo(spec)) for spec in _PHOTOS]
    out += [(name, "generated", rgb) for name, rgb in _generated()]
    out.append(("screenshot_settings_window", "screenshot", _screenshot_settings()))
    out.append(("screenshot_news_feed", "screenshot", _screenshot_feed()))
    out.append(("graphic_bar_line_chart", "graphic", _graphic_chart()))
    out.append(("graphic_cycling_poster", "graphic", _graphic_poster()))
    return out


# --------------------------------------------------------------------------- attacks


def _flip_h(a: Array) -> Array:
    return np.ascontiguousarray(a[:, ::-1])


def _flip_v(a: Array) -> Array:
    return np.ascontiguousarray(a[::-1])


def _stretch(a: Array, fx: float, fy: float) -> Array:
    h, w = a.shape[:2]
    return _resize(a, round(w * fx), round(h * fy))


def _crop(a: Array, fx: float, fy: float, ax: float = 0.5, ay: float = 0.5) -> Array:
    """Keep fraction fx of the width and fy of the height; anchor 0 = left/top, 1 = right/bottom."""
    h, w = a.shape[:2]
    cw, ch = max(1, round(w * fx)), max(1, round(h * fy))
    x0, y0 = round((w - cw) * ax), round((h - ch) * ay)
    return np.ascontiguousarray(a[y0 : y0 + ch, x0 : x0 + cw])


def _back(f: Attack, interp: int = cv2.INTER_CUBIC) -> Attack:
    """Apply f, then resize the result back to the input's size."""

    def run(a: Array) -> Array:
        h, w = a.shape[:2]
        return _resize(f(a), w, h, interp)

    return run


def _rotate(
    a: Array,
    deg: float,
    *,
    fill: str = "black",
    expand: bool = False,
    scale: float = 1.0,
    interp: int = cv2.INTER_LINEAR,
) -> Array:
    h, w = a.shape[:2]
    centre = ((w - 1) / 2.0, (h - 1) / 2.0)
    m = cv2.getRotationMatrix2D(centre, deg, scale)
    ow, oh = w, h
    if expand:
        cos, sin = abs(m[0, 0]), abs(m[0, 1])
        ow, oh = round(h * sin + w * cos), round(h * cos + w * sin)
        m[0, 2] += (ow - 1) / 2.0 - centre[0]
        m[1, 2] += (oh - 1) / 2.0 - centre[1]
    border = cv2.BORDER_REFLECT_101 if fill == "reflect" else cv2.BORDER_CONSTANT
    value = (255, 255, 255) if fill == "white" else (0, 0, 0)
    out = cv2.warpAffine(np.ascontiguousarray(a), m, (ow, oh), flags=interp,
                         borderMode=border, borderValue=value)
    return np.ascontiguousarray(out)


def _straighten(a: Array, deg: float) -> Array:
    """Rotate and zoom so the frame is filled (a photo editor's straighten tool)."""
    h, w = a.shape[:2]
    t = math.radians(abs(deg))
    s = math.cos(t) + math.sin(t) * max(w / h, h / w)
    return _rotate(a, deg, scale=s * 1.003, interp=cv2.INTER_LINEAR)


def _inner_rect(w: int, h: int, deg: float) -> tuple[int, int]:
    """Largest axis-aligned rectangle inside a w x h rectangle rotated by deg."""
    t = math.radians(abs(deg))
    sin_a, cos_a = abs(math.sin(t)), abs(math.cos(t))
    if sin_a < 1e-9:
        return w, h
    long_side, short_side = (w, h) if w >= h else (h, w)
    if short_side <= 2.0 * sin_a * cos_a * long_side or abs(sin_a - cos_a) < 1e-10:
        x = 0.5 * short_side
        wr, hr = (x / sin_a, x / cos_a) if w >= h else (x / cos_a, x / sin_a)
    else:
        cos_2a = cos_a * cos_a - sin_a * sin_a
        wr, hr = (w * cos_a - h * sin_a) / cos_2a, (h * cos_a - w * sin_a) / cos_2a
    return max(1, int(wr) - 2), max(1, int(hr) - 2)


def _rotate_inner(a: Array, deg: float) -> Array:
    h, w = a.shape[:2]
    r = _rotate(a, deg, expand=True, interp=cv2.INTER_CUBIC)
    cw, ch = _inner_rect(w, h, deg)
    rh, rw = r.shape[:2]
    x0, y0 = (rw - cw) // 2, (rh - ch) // 2
    return np.ascontiguousarray(r[y0 : y0 + ch, x0 : x0 + cw])


def _pad(
    a: Array,
    top: float,
    bottom: float,
    left: float,
    right: float,
    colour: tuple[int, int, int] | str = (0, 0, 0),
) -> Array:
    """Pad by fractions of the height (top, bottom) and width (left, right)."""
    h, w = a.shape[:2]
    t, b = round(h * top), round(h * bottom)
    lft, r = round(w * left), round(w * right)
    if isinstance(colour, str):  # "reflect"
        t, b = min(t, h - 1), min(b, h - 1)
        lft, r = min(lft, w - 1), min(r, w - 1)
        out = cv2.copyMakeBorder(np.ascontiguousarray(a), t, b, lft, r, cv2.BORDER_REFLECT_101)
    else:
        out = cv2.copyMakeBorder(np.ascontiguousarray(a), t, b, lft, r, cv2.BORDER_CONSTANT,
                                 value=colour)
    return np.ascontiguousarray(out)


def _letterbox(a: Array, aspect: float = 16 / 9) -> Array:
    h, w = a.shape[:2]
    if w / h > aspect:
        total = round(w / aspect) - h
        return np.ascontiguousarray(cv2.copyMakeBorder(
            np.ascontiguousarray(a), total // 2, total - total // 2, 0, 0,
            cv2.BORDER_CONSTANT, value=(0, 0, 0)))
    total = round(h * aspect) - w
    return np.ascontiguousarray(cv2.copyMakeBorder(
        np.ascontiguousarray(a), 0, 0, total // 2, total - total // 2,
        cv2.BORDER_CONSTANT, value=(0, 0, 0)))


def _fit_text(text: str, width: int, height: int, thickness: int, font: int = _FONT) -> float:
    scale = height / 30.0
    tw = _text_width(text, scale, thickness, font)
    if tw > width:
        scale *= width / tw
    return max(scale, 0.2)


def _caption_band(a: Array) -> Array:
    h, w = a.shape[:2]
    band = max(23, round(h * 0.137))
    out = np.full((h + band, w, 3), 255, np.uint8)
    out[:h] = a
    text = "when the weekend finally arrives"
    scale = _fit_text(text, int(w * 0.87), int(band * 0.47), 2)
    tw = _text_width(text, scale, 2)
    _put(out, text, (w - tw) // 2, h + int(band * 0.67), scale, (17, 17, 17), 2)
    return out


def _caption_meme(a: Array) -> Array:
    h, w = a.shape[:2]
    top, bottom = max(27, round(h * 0.171)), max(15, round(h * 0.063))
    out = np.full((h + top + bottom, w, 3), (255, 255, 255), np.uint8)
    out[top : top + h] = a
    out[top + h :] = (33, 33, 36)
    text = "nobody: / me at 3am:"
    scale = _fit_text(text, int(w * 0.83), int(top * 0.53), 2, _FONT_BOLD)
    _put(out, text, int(w * 0.06), int(top * 0.71), scale, (0, 0, 0), 2, _FONT_BOLD)
    credit = "via @daily.scroll"
    cs = _fit_text(credit, int(w * 0.41), int(bottom * 0.53), 1)
    _put(out, credit, w - _text_width(credit, cs) - int(w * 0.03),
         top + h + int(bottom * 0.72), cs, (200, 200, 205))
    return out


def _frame_overlay(a: Array) -> Array:
    out = a.copy()
    h, w = out.shape[:2]
    m = min(h, w)
    t = max(2, round(m * 0.053))
    gold = (212, 181, 122)
    out[:t] = gold
    out[-t:] = gold
    out[:, :t] = gold
    out[:, -t:] = gold
    inset = t + max(1, round(m * 0.011))
    cv2.rectangle(out, (inset, inset), (w - 1 - inset, h - 1 - inset), (61, 43, 31),
                  max(1, round(m * 0.004)), cv2.LINE_AA)
    # semi-transparent label in the bottom-right corner
    lw, lh = max(8, round(w * 0.29)), max(6, round(h * 0.067))
    x0, y0 = w - inset - lw - round(m * 0.017), h - inset - lh - round(m * 0.017)
    x0, y0 = max(0, x0), max(0, y0)
    label = out.copy()
    _rounded_rect(label, x0, y0, x0 + lw, y0 + lh, max(1, lh // 4), (20, 20, 20))
    text = "@travel.notes"
    scale = _fit_text(text, int(lw * 0.86), int(lh * 0.5), 1)
    _put(label, text, x0 + int(lw * 0.07), y0 + int(lh * 0.7), scale, (255, 255, 255))
    alpha = 0.63
    region = np.s_[y0 : y0 + lh + 1, x0 : x0 + lw + 1]
    out[region] = _u8(out[region].astype(np.float32) * (1 - alpha)
                      + label[region].astype(np.float32) * alpha)
    return out


def _social(a: Array) -> Array:
    a = _crop(a, 0.9, 0.9, 0.5, 0.43)
    a = _long_side(a, 1080)
    return _jpeg(a, 75, 2)


def _social_portrait(a: Array) -> Array:
    h, w = a.shape[:2]
    if w / h > 0.8:
        a = _crop(a, (0.8 * h) / w, 1.0, 0.47, 0.5)
    else:
        a = _crop(a, 1.0, (w / 0.8) / h, 0.5, 0.41)
    a = _resize(a, 1080, 1350)
    return _jpeg(a, 77, 2)


def _social_repost(a: Array) -> Array:
    a = _crop(a, 0.89, 0.89, 0.61, 0.5)
    a = _jpeg(_long_side(a, 1063), 74, 2)
    return _jpeg(_long_side(a, 947), 79, 2)


def _messaging_scaled(a: Array) -> Array:
    a = _jpeg(_scale(a, 0.61, cv2.INTER_AREA), 61, 2)
    a = _jpeg(a, 58, 2)  # forwarded once
    return _jpeg(a, 63, 2)  # forwarded twice


def _cap(a: Array, side: int) -> Array:
    return _long_side(a, side, cv2.INTER_AREA) if max(a.shape[:2]) > side else a


def _messaging_capped(a: Array) -> Array:
    a = _jpeg(_cap(a, 1597), 63, 2)
    a = _jpeg(_cap(a, 1279), 59, 2)
    return _jpeg(_cap(a, 1279), 57, 2)


def _screen_browser(a: Array) -> Array:
    w, h = 1423, 859
    img = np.full((h, w, 3), 255, np.uint8)
    rng = np.random.default_rng(_stable_seed(ROUND, "browser"))
    img[:39] = (222, 225, 230)
    _rounded_rect(img, 11, 7, 251, 45, 9, (255, 255, 255))
    _put(img, "Gallery - weekend trip", 27, 29, 0.47, (50, 50, 55))
    img[39:79] = (255, 255, 255)
    cv2.line(img, (0, 79), (w, 79), (218, 220, 224), 1)
    for k in range(3):
        cv2.circle(img, (23 + 31 * k, 59), 9, (120, 124, 130), 2, cv2.LINE_AA)
    _rounded_rect(img, 117, 45, 1307, 73, 13, (241, 243, 244))
    _put(img, "https://photos.example.net/albums/7319/view?item=41", 141, 64, 0.48,
         (60, 64, 67))
    _put(img, "Weekend trip, day two", 347, 131, 0.93, (32, 33, 36), 2)
    _put(img, "Posted by m.okafor  -  1,207 views", 347, 157, 0.45, (112, 117, 122))
    box_w, box_h = 731, 487
    fitted = _fit(a, box_w, box_h)
    fh, fw = fitted.shape[:2]
    x, y = 347 + (box_w - fw) // 2, 173 + (box_h - fh) // 2
    img[173 : 173 + box_h, 347 : 347 + box_w] = (246, 246, 247)
    _paste(img, fitted, x, y)
    _paragraph(img, rng, 347, 691, box_w, 6, 0.5, (60, 64, 67), 26)
    img[80:, :301] = (248, 249, 250)
    for k in range(13):
        _put(img, _sentence(rng, 237, 0.46), 31, 127 + 41 * k, 0.46, (60, 64, 67))
    thumb = _fit(a, 263, 141)
    for k in range(4):
        ty = 137 + 173 * k
        img[ty : ty + 141, 1131 : 1394] = (236, 237, 240)
        if k == 0:
            _paste(img, thumb, 1131 + (263 - thumb.shape[1]) // 2,
                   ty + (141 - thumb.shape[0]) // 2)
        _put(img, _sentence(rng, 251, 0.41), 1131, ty + 161, 0.41, (95, 99, 104))
    return img


def _screen_phone(a: Array) -> Array:
    w, h = 1083, 2347
    img = np.full((h, w, 3), 255, np.uint8)
    rng = np.random.default_rng(_stable_seed(ROUND, "phone"))
    img[:83] = (250, 250, 250)
    _put(img, "9:26", 53, 57, 1.27, (0, 0, 0), 3)
    _rounded_rect(img, 931, 31, 1019, 61, 7, (30, 30, 30))
    img[83:247] = (255, 255, 255)
    _put(img, "< Back", 41, 181, 1.43, (0, 122, 255), 2)
    _put(img, "Photo", 463, 181, 1.53, (0, 0, 0), 3)
    cv2.line(img, (0, 247), (w, 247), (220, 220, 224), 2)
    fitted = _fit(a, w, 1367)
    fh, fw = fitted.shape[:2]
    img[251 : 251 + 1367] = (0, 0, 0)
    _paste(img, fitted, (w - fw) // 2, 251 + (1367 - fh) // 2)
    y = 251 + 1367 + 93
    cv2.circle(img, (89, y - 19), 41, (255, 149, 0), -1, cv2.LINE_AA)
    _put(img, "okafor.travels", 157, y - 7, 1.23, (0, 0, 0), 3)
    _paragraph(img, rng, 53, y + 97, w - 107, 5, 1.17, (38, 38, 40), 71)
    img[h - 151 :] = (249, 249, 249)
    for k in range(5):
        _rounded_rect(img, 83 + 207 * k, h - 113, 143 + 207 * k, h - 53, 13, (142, 142, 147))
    return img


def _screen_document(a: Array) -> Array:
    w, h = 1237, 1749
    img = np.full((h, w, 3), 255, np.uint8)
    rng = np.random.default_rng(_stable_seed(ROUND, "document"))
    _put(img, "Field report: coastal survey, section 4", 131, 157, 1.13, (20, 20, 20), 2,
         _FONT_BOLD)
    y = _paragraph(img, rng, 131, 231, w - 263, 7, 0.73, (35, 35, 35), 37)
    box_w, box_h = 779, 551
    fitted = _fit(a, box_w, box_h)
    fh, fw = fitted.shape[:2]
    top = y + 23
    _paste(img, fitted, (w - fw) // 2, top + (box_h - fh) // 2)
    cap = "Figure 3. View of the survey area, taken on the second morning."
    _put(img, cap, (w - _text_width(cap, 0.61)) // 2, top + box_h + 41, 0.61, (80, 80, 80))
    y = top + box_h + 113
    _paragraph(img, rng, 131, y, w - 263, 12, 0.73, (35, 35, 35), 37)
    _put(img, "- 4 -", w // 2 - 27, h - 71, 0.67, (100, 100, 100))
    return _jpeg(img, 78, 2)


def _blur(a: Array, sigma: float) -> Array:
    return np.ascontiguousarray(cv2.GaussianBlur(np.ascontiguousarray(a), (0, 0), sigma))


def _sharpen(a: Array, radius: float = 1.7, amount: float = 0.71) -> Array:
    soft = cv2.GaussianBlur(np.ascontiguousarray(a), (0, 0), radius).astype(np.float32)
    return _u8(a.astype(np.float32) * (1 + amount) - soft * amount)


def _median(a: Array, k: int) -> Array:
    return np.ascontiguousarray(cv2.medianBlur(np.ascontiguousarray(a), k))


def _noise(a: Array, sigma: float, *, name: str) -> Array:
    rng = np.random.default_rng(_image_seed(name, a))
    n = rng.standard_normal(a.shape, dtype=np.float32) * sigma
    return _u8(a.astype(np.float32) + n)


def _greyscale(a: Array) -> Array:
    grey = cv2.cvtColor(np.ascontiguousarray(a), cv2.COLOR_RGB2GRAY)
    return np.ascontiguousarray(np.repeat(grey[:, :, None], 3, axis=2))


def _chain(*steps: Attack) -> Attack:
    def run(a: Array) -> Array:
        for step in steps:
            a = step(a)
        return a

    return run


def _finish(f: Attack, a: Array) -> Array:
    if a.dtype != np.uint8 or a.ndim != 3 or a.shape[2] != 3:
        raise ValueError(f"expected uint8 (H, W, 3), got {a.dtype} {a.shape}")
    out = f(np.ascontiguousarray(a))
    if np.shares_memory(out, a):
        out = out.copy()
    return np.ascontiguousarray(out, dtype=np.uint8)


def attacks() -> list[tuple[str, Attack]]:
    """(name, fn) pairs; the first is "none"."""
    area, linear, cubic = cv2.INTER_AREA, cv2.INTER_LINEAR, cv2.INTER_CUBIC
    p = functools.partial
    table: list[tuple[str, Attack]] = [
        ("none", lambda a: a.copy()),
        # flips
        ("flip_h", _flip_h),
        ("flip_v", _flip_v),
        # stretches
        ("stretch_x_107", p(_stretch, fx=1.07, fy=1.0)),
        ("stretch_x_088", p(_stretch, fx=0.88, fy=1.0)),
        ("stretch_y_113", p(_stretch, fx=1.0, fy=1.13)),
        ("stretch_xy_109_094", p(_stretch, fx=1.09, fy=0.94)),
        ("stretch_x_131", p(_stretch, fx=1.31, fy=1.0)),
        ("stretch_y_069", p(_stretch, fx=1.0, fy=0.69)),
        ("squash_square_637", lambda a: _resize(a, 637, 637)),
        # crops
        ("crop_centre_93", p(_crop, fx=0.93, fy=0.93)),
        ("crop_centre_71", p(_crop, fx=0.71, fy=0.71)),
        ("crop_centre_53", p(_crop, fx=0.53, fy=0.53)),
        ("crop_off_82", p(_crop, fx=0.82, fy=0.82, ax=0.23, ay=0.71)),
        ("crop_tl_77", p(_crop, fx=0.77, fy=0.77, ax=0.0, ay=0.0)),
        ("crop_br_64", p(_crop, fx=0.64, fy=0.64, ax=1.0, ay=1.0)),
        ("crop_tr_88", p(_crop, fx=0.88, fy=0.88, ax=1.0, ay=0.0)),
        ("crop_y_81", p(_crop, fx=1.0, fy=0.81, ay=0.62)),
        ("crop_centre_78_back", _back(p(_crop, fx=0.78, fy=0.78))),
        ("crop_tl_59_back", _back(p(_crop, fx=0.59, fy=0.59, ax=0.0, ay=0.0), linear)),
        ("crop_off_91x67_back", _back(p(_crop, fx=0.91, fy=0.67, ax=0.37, ay=0.29))),
        ("crop_x_52_back", _back(p(_crop, fx=0.52, fy=1.0, ax=0.41), linear)),
        # rotations
        ("rot_p1_7_black", p(_rotate, deg=1.7)),
        ("rot_m3_3_white", p(_rotate, deg=-3.3, fill="white", interp=cubic)),
        ("rot_p6_1_reflect", p(_rotate, deg=6.1, fill="reflect")),
        ("rot_m8_9_expand", p(_rotate, deg=-8.9, expand=True, interp=cubic)),
        ("rot_p4_6_expand_white_back",
         _back(p(_rotate, deg=4.6, fill="white", expand=True), area)),
        ("rot_p2_4_straighten", p(_straighten, deg=2.4)),
        ("rot_m9_6_straighten", p(_straighten, deg=-9.6)),
        ("rot_m5_2_inner", p(_rotate_inner, deg=-5.2)),
        ("rot_p9_7_inner_back", _back(p(_rotate_inner, deg=9.7))),
        # rotation then crop
        ("rot_m2_9_crop_84", _chain(p(_rotate, deg=-2.9), p(_crop, fx=0.84, fy=0.84))),
        ("rot_p7_3_crop_tl_73",
         _chain(p(_rotate, deg=7.3, fill="reflect"), p(_crop, fx=0.73, fy=0.73, ax=0.0, ay=0.0))),
        # padding, borders, captions, frames
        ("pad_black_7", p(_pad, top=0.07, bottom=0.07, left=0.07, right=0.07)),
        ("pad_white_17_back",
         _back(p(_pad, top=0.17, bottom=0.17, left=0.17, right=0.17, colour=(255, 255, 255)),
               area)),
        ("pad_uneven_colour",
         p(_pad, top=0.03, bottom=0.19, left=0.11, right=0.013, colour=(37, 81, 142))),
        ("pad_uneven_reflect_back",
         _back(p(_pad, top=0.13, bottom=0.02, left=0.04, right=0.15, colour="reflect"), area)),
        ("letterbox_16x9", _letterbox),
        ("caption_band", _caption_band),
        ("caption_meme", _caption_meme),
        ("frame_overlay", _frame_overlay),
        # compression
        ("jpeg_q87_444", p(_jpeg, quality=87, subsampling=0)),
        ("jpeg_q73_420", p(_jpeg, quality=73, subsampling=2)),
        ("jpeg_q58_420", p(_jpeg, quality=58, subsampling=2)),
        ("jpeg_q43_444", p(_jpeg, quality=43, subsampling=0)),
        ("jpeg_q31_420", p(_jpeg, quality=31, subsampling=2)),
        ("webp_q88", p(_webp, quality=88)),
        ("webp_q69", p(_webp, quality=69)),
        ("webp_q52", p(_webp, quality=52)),
        # rescaling
        ("down_041", p(_scale, factor=0.41, interp=area)),
        ("down_up_053", _back(p(_scale, factor=0.53, interp=area), linear)),
        ("up_137", p(_scale, factor=1.37, interp=cubic)),
        ("up_193", p(_scale, factor=1.93, interp=cv2.INTER_LANCZOS4)),
        # social media and messaging chains
        ("social_1080_jpeg75", _social),
        ("social_portrait_1080_jpeg77", _social_portrait),
        ("social_repost_1063_jpeg74_947_jpeg79", _social_repost),
        ("messaging_061_jpeg61_fwd2", _messaging_scaled),
        ("messaging_cap1597_jpeg63_fwd2", _messaging_capped),
        # screen captures
        ("screen_browser_png", _screen_browser),
        ("screen_browser_jpeg", _chain(_screen_browser, p(_jpeg, quality=83, subsampling=2))),
        ("screen_phone_png", _screen_phone),
        ("screen_document_jpeg", _screen_document),
        # filters
        ("blur_gauss_1_3", p(_blur, sigma=1.3)),
        ("sharpen_unsharp", _sharpen),
        ("median_3", p(_median, k=3)),
        ("median_5", p(_median, k=5)),
        ("noise_gauss_4_7", p(_noise, sigma=4.7, name="noise_gauss_4_7")),
        # tone and colour
        ("brightness_p17", p(_tone, brightness=17.0)),
        ("brightness_m23", p(_tone, brightness=-23.0)),
        ("contrast_121", p(_tone, contrast=1.21)),
        ("contrast_083", p(_tone, contrast=0.83)),
        ("gamma_079", p(_tone, gamma=0.79)),
        ("saturation_137", p(_tone, saturation=1.37)),
        ("saturation_058", p(_tone, saturation=0.58)),
        ("greyscale", _greyscale),
        # combinations
        ("combo_crop_86_jpeg71",
         _chain(p(_crop, fx=0.86, fy=0.86, ax=0.47, ay=0.55), p(_jpeg, quality=71))),
        ("combo_straighten_m2_1_jpeg79", _chain(p(_straighten, deg=-2.1), p(_jpeg, quality=79))),
        ("combo_flip_h_bright_p11_webp73",
         _chain(_flip_h, p(_tone, brightness=11.0), p(_webp, quality=73))),
        ("combo_stretch_x_106_jpeg64",
         _chain(p(_stretch, fx=1.06, fy=1.0), p(_jpeg, quality=64))),
        ("combo_pad_reflect_6_down_071",
         _chain(p(_pad, top=0.06, bottom=0.06, left=0.06, right=0.06, colour="reflect"),
                p(_scale, factor=0.71, interp=area))),
        ("combo_grey_jpeg56", _chain(_greyscale, p(_jpeg, quality=56))),
        ("combo_blur_1_1_contrast_113_jpeg81",
         _chain(p(_blur, sigma=1.1), p(_tone, contrast=1.13), p(_jpeg, quality=81, subsampling=0))),
        ("combo_crop_tl_83_rot_p1_9_jpeg68",
         _chain(p(_crop, fx=0.83, fy=0.83, ax=0.0, ay=0.0), p(_rotate, deg=1.9),
                p(_jpeg, quality=68))),
        ("combo_noise_3_1_jpeg77",
         _chain(p(_noise, sigma=3.1, name="combo_noise_3_1_jpeg77"), p(_jpeg, quality=77))),
        ("combo_caption_webp61", _chain(_caption_band, p(_webp, quality=61))),
        ("combo_gamma_088_sat_121_down_up_077",
         _chain(p(_tone, gamma=0.88, saturation=1.21),
                _back(p(_scale, factor=0.77, interp=area), linear))),
        ("combo_flip_v_crop_y_74_jpeg62",
         _chain(_flip_v, p(_crop, fx=1.0, fy=0.74, ay=0.33), p(_jpeg, quality=62))),
    ]
    return [(name, p(_finish, fn)) for name, fn in table]


# --------------------------------------------------------------------------- unmarked


def _unmarked_size(rng: np.random.Generator, aspect: float | None = None) -> tuple[int, int]:
    long_side = int(round(math.exp(rng.uniform(math.log(150), math.log(1100)))))
    if aspect is None:
        aspect = math.exp(rng.uniform(math.log(0.42), math.log(2.4)))
    if aspect >= 1:
        w, h = long_side, round(long_side / aspect)
    else:
        w, h = round(long_side * aspect), long_side
    return int(np.clip(w, 96, 1100)), int(np.clip(h, 96, 1100))


def _unmarked_photo(rng: np.random.Generator) -> tuple[str, Array]:
    src = _UNMARKED_PHOTOS[int(rng.integers(len(_UNMARKED_PHOTOS)))]
    a = _source(src)
    sh, sw = a.shape[:2]
    fx, fy = rng.uniform(0.33, 1.0), rng.uniform(0.33, 1.0)
    cw, ch = max(24, round(sw * fx)), max(24, round(sh * fy))
    x0, y0 = int(rng.integers(0, sw - cw + 1)), int(rng.integers(0, sh - ch + 1))
    crop = np.ascontiguousarray(a[y0 : y0 + ch, x0 : x0 + cw])
    w, h = _unmarked_size(rng, (cw / ch) * rng.uniform(0.93, 1.07))
    out = _resize(crop, w, h)
    if rng.random() < 0.5:
        out = _flip_h(out)
    if rng.random() < 0.08:
        out = _flip_v(out)
    if rng.random() < 0.4:
        out = _tone(out, brightness=rng.uniform(-19, 19), contrast=rng.uniform(0.87, 1.15),
                    gamma=rng.uniform(0.85, 1.18), saturation=rng.uniform(0.7, 1.3))
    if w * h > cw * ch * 1.3 and rng.random() < 0.6:
        out = _grain(out, rng.uniform(1.2, 3.1), int(rng.integers(2**62)))
    if rng.random() < 0.3:
        out = _jpeg(out, int(rng.integers(62, 96)), int(rng.choice([0, 2])))
    return f"photo_{src}", out


def _random_colour(rng: np.random.Generator) -> tuple[int, int, int]:
    c = rng.integers(0, 256, 3)
    return int(c[0]), int(c[1]), int(c[2])


def _unmarked_graphic(rng: np.random.Generator) -> Array:
    w, h = _unmarked_size(rng)
    img = np.empty((h, w, 3), np.uint8)
    img[:] = _random_colour(rng)
    for _ in range(int(rng.integers(3, 19))):
        kind = rng.integers(4)
        colour = _random_colour(rng)
        x0, y0 = int(rng.integers(w)), int(rng.integers(h))
        x1, y1 = int(rng.integers(w)), int(rng.integers(h))
        if kind == 0:
            cv2.rectangle(img, (x0, y0), (x1, y1), colour, -1)
        elif kind == 1:
            cv2.circle(img, (x0, y0), int(rng.integers(4, max(5, min(w, h) // 3))), colour, -1,
                       cv2.LINE_AA)
        elif kind == 2:
            cv2.line(img, (x0, y0), (x1, y1), colour, int(rng.integers(1, 9)), cv2.LINE_AA)
        else:
            scale = rng.uniform(0.4, 2.2)
            _put(img, _sentence(rng, max(40, w - x0), scale), x0, y0, scale, colour,
                 int(rng.integers(1, 4)))
    return img


def _unmarked_page(rng: np.random.Generator) -> Array:
    w, h = _unmarked_size(rng)
    bg = (255, 255, 255) if rng.random() < 0.7 else (int(rng.integers(225, 256)),) * 3
    img = np.empty((h, w, 3), np.uint8)
    img[:] = bg
    scale = rng.uniform(0.35, 0.8)
    line_h = int(30 * scale + rng.integers(4, 15))
    margin = int(rng.integers(4, max(5, w // 8)))
    y = margin + line_h
    if rng.random() < 0.5:
        _put(img, _sentence(rng, max(30, w - 2 * margin), scale * 1.6, 2), margin, y,
             scale * 1.6, (20, 20, 20), 2)
        y += int(line_h * 1.8)
    ink = (int(rng.integers(0, 80)),) * 3
    lines = max(1, (h - y - margin) // max(1, line_h))
    _paragraph(img, rng, margin, y, max(30, w - 2 * margin), lines, scale, ink, line_h)
    return img


def _unmarked_gradient(rng: np.random.Generator) -> Array:
    w, h = _unmarked_size(rng)
    angle = rng.uniform(0, 2 * math.pi)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    t = xx * math.cos(angle) / w + yy * math.sin(angle) / h
    t = (t - t.min()) / max(float(t.max() - t.min()), 1e-6)
    c0 = np.array(_random_colour(rng), np.float32)
    c1 = np.array(_random_colour(rng), np.float32)
    return _u8(c0 * (1 - t[..., None]) + c1 * t[..., None])


def _unmarked_texture(rng: np.random.Generator) -> tuple[str, Array]:
    w, h = _unmarked_size(rng)
    if rng.random() < 0.6:
        src = _TEXTURES[int(rng.integers(len(_TEXTURES)))]
        a = _source(src)
        sh, sw = a.shape[:2]
        cw, ch = int(rng.integers(64, sw + 1)), int(rng.integers(64, sh + 1))
        x0, y0 = int(rng.integers(0, sw - cw + 1)), int(rng.integers(0, sh - ch + 1))
        out = _resize(np.ascontiguousarray(a[y0 : y0 + ch, x0 : x0 + cw]), w, h)
        tint = rng.uniform(0.75, 1.15, 3).astype(np.float32)
        return f"texture_{src}", _u8(out.astype(np.float32) * tint)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    fx, fy = rng.uniform(0.01, 0.4, 2)
    phase = rng.uniform(0, 2 * math.pi, 3)
    chans = [np.sin(xx * fx + yy * fy * (1 + k * 0.3) + phase[k]) for k in range(3)]
    return "texture_waves", _u8((np.stack(chans, axis=-1) + 1) * 127.5)


def _unmarked_noise(rng: np.random.Generator) -> Array:
    w, h = _unmarked_size(rng)
    if rng.random() < 0.5:
        return np.ascontiguousarray(rng.integers(0, 256, (h, w, 3), dtype=np.uint8))
    n: Array = cv2.GaussianBlur(rng.standard_normal((h, w, 3), dtype=np.float32), (0, 0),
                                rng.uniform(0.6, 6.0))
    n /= max(float(n.std()), 1e-6)
    return _u8(128 + n * rng.uniform(10, 60))


def _unmarked_flat(rng: np.random.Generator) -> Array:
    w, h = _unmarked_size(rng)
    img = np.empty((h, w, 3), np.uint8)
    img[:] = _random_colour(rng)
    if rng.random() < 0.4:
        img = _u8(img.astype(np.float32) + rng.standard_normal((h, w, 3), dtype=np.float32)
                  * rng.uniform(0.3, 2.0))
    return img


def _unmarked_item(rng: np.random.Generator) -> tuple[str, Array]:
    u = rng.random()
    if u < 0.72:
        return _unmarked_photo(rng)
    if u < 0.79:
        return "graphic", _unmarked_graphic(rng)
    if u < 0.85:
        return "page", _unmarked_page(rng)
    if u < 0.90:
        return "gradient", _unmarked_gradient(rng)
    if u < 0.94:
        return _unmarked_texture(rng)
    if u < 0.97:
        return "noise", _unmarked_noise(rng)
    return "flat", _unmarked_flat(rng)


def unmarked(n: int = 10000, seed: int = 2026120721) -> Iterator[tuple[str, Array]]:
    """Images that were never marked; item i depends only on default_rng([seed, i])."""
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        kind, rgb = _unmarked_item(rng)
        yield f"u{i:05d}_{kind}", np.ascontiguousarray(rgb, dtype=np.uint8)


# --------------------------------------------------------------------------- edge cases


def _checker(h: int, w: int, cell: int, c0: tuple[int, ...], c1: tuple[int, ...]) -> Array:
    yy, xx = np.mgrid[0:h, 0:w]
    mask = ((yy // cell + xx // cell) % 2).astype(bool)
    out = np.empty((h, w, 3), np.uint8)
    out[:] = c0
    out[mask] = c1
    return out


def _stripes(h: int, w: int) -> Array:
    out = np.zeros((h, w, 3), np.uint8)
    out[:, ::2] = 255
    return out


def edge_cases() -> list[tuple[str, Array]]:
    """Awkward uint8 RGB arrays."""
    rng = np.random.default_rng(_stable_seed(ROUND, "edge_cases"))
    astro, chelsea = _source("astronaut"), _source("chelsea")
    cases: list[tuple[str, Array]] = [
        ("one_pixel", np.full((1, 1, 3), (173, 61, 29), np.uint8)),
        ("two_by_three", rng.integers(0, 256, (2, 3, 3), dtype=np.uint8)),
        ("one_px_wide_1023", _resize(np.ascontiguousarray(astro[:, 251:252]), 1, 1023)),
        ("one_px_tall_1537", _resize(np.ascontiguousarray(astro[263:264]), 1537, 1)),
        ("tiny_7x5", _resize(astro, 7, 5)),
        ("tiny_31x33", _resize(chelsea, 31, 33)),
        ("small_95x97", _resize(chelsea, 95, 97)),
        ("strip_17x2039", _resize(chelsea, 2039, 17)),
        ("strip_2039x17", _resize(chelsea, 17, 2039)),
        ("extreme_5x3997", _grain(_resize(astro, 3997, 5), 3.0, 5)),
        ("huge_photo_4013x3967", _grain(_resize(astro, 3967, 4013), 2.3, 11)),
        ("huge_pano_1283x4111", _resize(_source("china"), 4111, 1283)),
        ("flat_black_311x277", np.zeros((277, 311, 3), np.uint8)),
        ("flat_white_256", np.full((256, 256, 3), 255, np.uint8)),
        ("flat_grey_389x517", np.full((517, 389, 3), 128, np.uint8)),
        ("flat_red_300x200", np.full((200, 300, 3), (255, 0, 0), np.uint8)),
        ("near_flat_dither_263x419",
         (127 + rng.integers(0, 2, (419, 263, 1), dtype=np.uint8)).repeat(3, axis=2)),
        ("checker_1px_256", _checker(256, 256, 1, (0, 0, 0), (255, 255, 255))),
        ("checker_8px_509x383", _checker(383, 509, 8, (0, 0, 0), (255, 255, 255))),
        ("checker_colour_37px_600x451", _checker(451, 600, 37, (230, 30, 90), (20, 160, 230))),
        ("stripes_1px_columns_333", _stripes(333, 333)),
        ("noise_uniform_347x419", rng.integers(0, 256, (419, 347, 3), dtype=np.uint8)),
        ("noise_gauss_512", _u8(128 + rng.standard_normal((512, 512, 3)) * 40)),
        ("noise_binary_253x251",
         (rng.integers(0, 2, (251, 253, 1), dtype=np.uint8) * 255).repeat(3, axis=2)),
        ("odd_255x257_photo", _resize(astro, 255, 257)),
        ("odd_257x255_photo", _resize(astro, 257, 255)),
        ("clipped_contrast_photo", _tone(chelsea, contrast=3.1)),
        ("grey_photo_as_rgb", np.ascontiguousarray(_source("camera"))),
        ("dark_photo_0_to_9", _u8(_resize(astro, 419, 419).astype(np.float32) * (9 / 255))),
    ]
    return [(name, np.ascontiguousarray(a, dtype=np.uint8)) for name, a in cases]


def _png_chunk(tag: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(tag + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)


def _png_rows(pixels: Array, bit_depth: int) -> bytes:
    """Filter-0 scanlines of an (h, w) or (h, w, c) array."""
    h = pixels.shape[0]
    rows: list[bytes] = []
    for y in range(h):
        row = pixels[y]
        if bit_depth == 16:
            data = np.ascontiguousarray(row, dtype=">u2").tobytes()
        elif bit_depth < 8:
            data = np.packbits(row.astype(np.uint8).reshape(-1)).tobytes()
        else:
            data = np.ascontiguousarray(row, dtype=np.uint8).tobytes()
        rows.append(b"\x00" + data)
    return b"".join(rows)


def _png(
    pixels: Array,
    colour_type: int,
    bit_depth: int,
    *,
    palette: bytes | None = None,
    trns: bytes | None = None,
    interlace: bool = False,
    size: tuple[int, int] | None = None,
) -> bytes:
    """A minimal PNG writer (filter 0, zlib level 9), byte-identical for equal input."""
    h, w = pixels.shape[:2]
    if size is not None:
        w, h = size
    if interlace:
        passes = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4),
                  (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))
        raw = b"".join(
            _png_rows(pixels[y0::dy, x0::dx], bit_depth)
            for x0, y0, dx, dy in passes
            if pixels[y0::dy, x0::dx].size
        )
    else:
        raw = _png_rows(pixels, bit_depth)
    ihdr = struct.pack(">IIBBBBB", w, h, bit_depth, colour_type, 0, 0, 1 if interlace else 0)
    chunks = [_png_chunk(b"IHDR", ihdr)]
    if palette is not None:
        chunks.append(_png_chunk(b"PLTE", palette))
    if trns is not None:
        chunks.append(_png_chunk(b"tRNS", trns))
    chunks.append(_png_chunk(b"IDAT", zlib.compress(raw, 9)))
    chunks.append(_png_chunk(b"IEND", b""))
    return b"\x89PNG\r\n\x1a\n" + b"".join(chunks)


def _pil_bytes(im: Image.Image, fmt: str, **params: Any) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **params)
    return buf.getvalue()


def edge_case_files() -> list[tuple[str, bytes]]:
    """Awkward encoded files, byte-identical per run."""
    rng = np.random.default_rng(_stable_seed(ROUND, "edge_case_files"))
    photo = _resize(_source("chelsea"), 187, 131)
    grey = cv2.cvtColor(photo, cv2.COLOR_RGB2GRAY)
    ramp = (np.arange(187, dtype=np.int32) % 7 - 3)[None, :, None]
    rgb16 = np.clip(photo.astype(np.int32) * 257 + ramp, 0, 65535).astype(np.uint16)
    grey16 = np.clip(grey.astype(np.int32) * 257 + 13, 0, 65535).astype(np.uint16)
    alpha = np.tile(np.linspace(0, 255, 187).astype(np.uint8), (131, 1))
    grey_alpha = np.stack([grey, alpha], axis=-1)
    rgba = np.concatenate([photo, alpha[..., None]], axis=-1)
    palette_colours = np.array([[0, 0, 0], [255, 255, 255], [230, 57, 70], [29, 53, 87],
                                [69, 123, 157], [168, 218, 220], [241, 250, 238]], np.uint8)
    index = (grey.astype(np.int32) * len(palette_colours) // 256).astype(np.uint8)
    bits = (grey > 117).astype(np.uint8)

    jpeg_rgb = _pil_bytes(Image.fromarray(photo, "RGB"), "JPEG", quality=83)
    png_rgb = _png(photo, 2, 8)
    cmyk = Image.fromarray(photo, "RGB").convert("CMYK")
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 CW to display
    sof = jpeg_rgb.find(b"\xff\xc0")
    jpeg_bomb = bytearray(jpeg_rgb)
    jpeg_bomb[sof + 5 : sof + 9] = struct.pack(">HH", 65500, 65497)
    frames = [Image.fromarray(_tone(photo[:61, :97], brightness=b), "RGB").quantize(61)
              for b in (-37.0, 0.0, 41.0)]
    gif = io.BytesIO()
    frames[0].save(gif, "GIF", save_all=True, append_images=frames[1:], duration=117, loop=0)
    bomb_rows = zlib.compress(b"\x00" * (1 + 3 * 64) * 4, 9)
    png_bomb = (b"\x89PNG\r\n\x1a\n"
                + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", 65531, 65519, 8, 2, 0, 0, 0))
                + _png_chunk(b"IDAT", bomb_rows)
                + _png_chunk(b"IEND", b""))
    return [
        ("png16_rgb.png", _png(rgb16, 2, 16)),
        ("png16_grey.png", _png(grey16, 0, 16)),
        ("png_grey_alpha.png", _png(grey_alpha, 4, 8)),
        ("png_palette_trns.png", _png(index, 3, 8, palette=palette_colours.tobytes(),
                                      trns=bytes([255, 255, 128, 255, 255, 0, 255]))),
        ("png_rgba.png", _png(rgba, 6, 8)),
        ("png_interlaced.png", _png(photo, 2, 8, interlace=True)),
        ("png_1bit.png", _png(bits, 0, 1)),
        ("png_truncated.png", png_rgb[: int(len(png_rgb) * 0.57)]),
        ("png_bomb_65531x65519.png", png_bomb),
        ("jpeg_cmyk.jpg", _pil_bytes(cmyk, "JPEG", quality=87)),
        ("jpeg_progressive.jpg",
         _pil_bytes(Image.fromarray(photo, "RGB"), "JPEG", quality=79, progressive=True)),
        ("jpeg_exif_orientation_6.jpg",
         _pil_bytes(Image.fromarray(photo, "RGB"), "JPEG", quality=81, exif=exif.tobytes())),
        ("jpeg_grey.jpg", _pil_bytes(Image.fromarray(grey, "L"), "JPEG", quality=77)),
        ("jpeg_truncated.jpg", jpeg_rgb[: int(len(jpeg_rgb) * 0.61)]),
        ("jpeg_bomb_65500x65497.jpg", bytes(jpeg_bomb)),
        ("gif_animated.gif", gif.getvalue()),
        ("tiff_rgb.tif", _pil_bytes(Image.fromarray(photo, "RGB"), "TIFF")),
        ("bmp_rgb.bmp", _pil_bytes(Image.fromarray(photo, "RGB"), "BMP")),
        ("webp_lossless.webp",
         _pil_bytes(Image.fromarray(photo, "RGB"), "WEBP", lossless=True, method=4)),
        ("garbage.bin", rng.integers(0, 256, 4099, dtype=np.uint8).tobytes()),
        ("garbage_png_magic.png",
         b"\x89PNG\r\n\x1a\n" + rng.integers(0, 256, 1031, dtype=np.uint8).tobytes()),
        ("zero_bytes", b""),
    ]


__all__ = ["CACHE_DIR", "ROUND", "attacks", "edge_case_files", "edge_cases", "images",
           "unmarked"]
