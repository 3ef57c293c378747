"""Held-out watermark test set, round 2026-12-07x (blind, frozen).

PROVENANCE
    Written by an independent tester who did not learn how the watermark works.
    Files read: /work/main/pyproject.toml, /work/main/safegen/backends/__init__.py,
    /work/main/safegen/backends/base.py and /work/main/safegen/backends/builtin.py (only to
    learn how to call the built-in offline image model); the directory listings of the
    installed packages' sample images (skimage/data, sklearn/datasets/images, found with
    importlib.util.find_spec) and those images' sizes and modes.
    Ran: the built-in model once for a test image (in a scratch folder under /tmp), and this
    module, only to check its own outputs (shapes, dtypes, contiguity, determinism, every
    attack on a 256x256 image and on the largest image, unmarked(300)) and to generate the
    six cached images of the built-in model (contact sheets of some outputs were looked at);
    ruff check on this file alone.
    Not opened, listed, grepped, imported or run: anything under safegen/watermark/, docs/,
    tests/, benchmarks/ (other than this file and its cache folder), README.md, the git
    history, the issue tracker, /work/before, /work/after, /work/exp, or any watermark
    encoder or decoder. Every parameter below was chosen before, and without, seeing any
    watermark result.

FROZEN
    This file is never edited, not even for style: its sha256 is its identity.

SOURCES
    Sample images shipped inside installed packages, located with importlib.util.find_spec
    (the packages themselves are never imported) and read as files:
    skimage/data: astronaut.png, brick.png, camera.png, cell.png, chelsea.png,
    clock_motion.png, coffee.png, coins.png, grass.png, gravel.png, hubble_deep_field.jpg,
    ihc.png, moon.png, motorcycle_left.png, motorcycle_right.png, page.png, retina.jpg,
    rocket.jpg, text.png; sklearn/datasets/images: china.jpg, flower.jpg.
    The built-in model (safegen.backends.builtin.BuiltinBackend) at its native 256x256, with
    the prompts and seeds of _GENERATED, cached as PNG in CACHE_DIR (regenerated when absent).
    Screenshots and graphics are drawn here with numpy and OpenCV.
    Only numpy, Pillow, OpenCV and safegen.backends.builtin are used.

INTERFACE
    ROUND = "2026-12-07x"; CACHE_DIR = <this folder>/cache_x
    images() -> list[(name, image_class, rgb)]: image_class in {"photo", "generated",
        "graphic", "screenshot"}; rgb a C-contiguous uint8 (H, W, 3) array.
    attacks() -> list[(name, fn)]: fn(rgb) -> new C-contiguous uint8 (H', W', 3) array;
        deterministic (noise is seeded from the attack name, the image shape and its bytes);
        the first attack is "none" (a copy). Each fn is a functools.partial of module-level
        functions (picklable).
    unmarked(n=10000, seed=2026120724) -> iterator of (name, rgb): item i depends only on
        np.random.default_rng([seed, i]) and the package sample images; both sides in
        96..1100 (crops, flips, rescales, tone changes and JPEG of package photos, noise,
        flat images, gradients, drawings).
    edge_cases() -> list[(name, rgb)]: awkward uint8 RGB arrays.
    edge_case_files() -> list[(name, bytes)]: awkward encoded files, byte-identical per run.

IMAGES (28: name, class, width x height)
    astronaut_sq500               photo       500 x 500
    astronaut_portrait_254x325    photo       254 x 325
    chelsea_451x300               photo       451 x 300
    chelsea_up_1029x686           photo      1029 x 686
    coffee_portrait_300x400       photo       300 x 400
    coffee_tall_608x1080          photo       608 x 1080
    hubble_1620x1440              photo      1620 x 1440
    hubble_small_283x247          photo       283 x 247
    retina_1978x1673              photo      1978 x 1673
    camera_sepia_575x460          photo       575 x 460
    rocket_portrait_421x599       photo       421 x 599
    china_pano_1560x500           photo      1560 x 500
    china_1620x1081               photo      1620 x 1081
    flower_sq400                  photo       400 x 400
    flower_1280x854               photo      1280 x 854
    motorcycle_741x500            photo       741 x 500
    motorcycle_pano_1300x456      photo      1300 x 456
    ihc_portrait_330x480          photo       330 x 480
    gen_alpine_dusk               generated   256 x 256
    gen_desert_noon               generated   256 x 256
    gen_lake_fog                  generated   256 x 256
    gen_forest_night              generated   256 x 256
    gen_coast_sunset              generated   256 x 256
    gen_meadow_river              generated   256 x 256
    shot_settings_1366x768        screenshot 1366 x 768
    shot_chat_750x1334            screenshot  750 x 1334
    graphic_bars_960x600          graphic     960 x 600
    graphic_poster_720x1080       graphic     720 x 1080

ATTACKS (90, of which 12 combinations)
    none, flip_h, flip_v,
    stretch_x_1.07, stretch_y_1.13, squash_x_0.89, squash_y_0.93, squash_y_0.81,
    stretch_xy_1.11_0.94,
    aspect_square, aspect_4x5, aspect_16x9, aspect_9x16, aspect_3x1,
    crop_centre_93, crop_centre_54, crop_offcentre_81, crop_corner_tl_63,
    crop_bottom_only_67, crop_two_sides_r12_t29, crop_centre_76_back,
    crop_offcentre_58_back, crop_top_only_51_back,
    rot_+1.7_black, rot_-3.2_white, rot_+6.4_reflect, rot_-9.3_black_expand,
    rot_-2.4_innercrop, rot_-7.7_innercrop_back, straighten_-5.3, straighten_+2.9_back,
    pad_black_6pct, pad_teal_uneven, pad_reflect_11pct, pad_white_4pct_back,
    caption_bottom_white, caption_top_black, overlay_logo, overlay_frame, overlay_text_diag,
    box_16x9_black, box_9x16_white, box_1x1_blur_1080,
    jpeg_q94_444, jpeg_q81_420, jpeg_q63_420, jpeg_q49_444, jpeg_q31_420,
    webp_q87, webp_q56,
    down_0.73_area, down_0.41_area, down_0.83_nearest, downup_0.48_cubic,
    up_1.38_lanczos, up_2.07_cubic,
    social_crop90_w1080_jpeg75, social_4x5_1080x1350_jpeg72, msg_0.6_jpeg60,
    msg_forwarded_x2, msg_forwarded_x3,
    screen_browser_png, screen_gallery_jpeg, screen_phone_jpeg, screen_document_png,
    screen_slide_jpeg,
    blur_0.8, blur_1.9, unsharp_1.3, median_3, noise_6.2,
    bright_+23, bright_-31, contrast_1.27, gamma_0.77, gamma_1.36, saturation_1.45,
    greyscale,
    combo_stretch_x1.09_jpeg71, combo_rot+2.2_inner_jpeg64, combo_crop82_back_bright_jpeg79,
    combo_flip_gamma_webp74, combo_pad8_down0.7_jpeg69, combo_squash_contrast_jpeg83_444,
    combo_straighten_sat_jpeg76, combo_crop_offc67_down_webp62, combo_aspect16x9_blur_jpeg58,
    combo_rot-6.8_up1.3_jpeg88, combo_grey_crop78_jpeg66, combo_filterapp_4x5_jpeg77
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import io
import math
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PIL import Image

ROUND = "2026-12-07x"
CACHE_DIR = Path(__file__).resolve().parent / "cache_x"

# ----------------------------------------------------------------------------- sources

_SOURCES: dict[str, tuple[str, str]] = {
    "astronaut": ("skimage", "data/astronaut.png"),
    "brick": ("skimage", "data/brick.png"),
    "camera": ("skimage", "data/camera.png"),
    "cell": ("skimage", "data/cell.png"),
    "chelsea": ("skimage", "data/chelsea.png"),
    "clock_motion": ("skimage", "data/clock_motion.png"),
    "coffee": ("skimage", "data/coffee.png"),
    "coins": ("skimage", "data/coins.png"),
    "grass": ("skimage", "data/grass.png"),
    "gravel": ("skimage", "data/gravel.png"),
    "hubble": ("skimage", "data/hubble_deep_field.jpg"),
    "ihc": ("skimage", "data/ihc.png"),
    "moon": ("skimage", "data/moon.png"),
    "motorcycle_left": ("skimage", "data/motorcycle_left.png"),
    "motorcycle_right": ("skimage", "data/motorcycle_right.png"),
    "page": ("skimage", "data/page.png"),
    "retina": ("skimage", "data/retina.jpg"),
    "rocket": ("skimage", "data/rocket.jpg"),
    "text": ("skimage", "data/text.png"),
    "china": ("sklearn", "datasets/images/china.jpg"),
    "flower": ("sklearn", "datasets/images/flower.jpg"),
}

_NATURAL = (
    "astronaut", "camera", "chelsea", "coffee", "coins", "brick", "grass", "gravel", "cell",
    "clock_motion", "hubble", "ihc", "moon", "motorcycle_left", "motorcycle_right", "retina",
    "rocket", "china", "flower", "page", "text",
)


def _source_path(key: str) -> Path:
    package, relative = _SOURCES[key]
    spec = importlib.util.find_spec(package)  # top level: finds, does not import
    if spec is None or spec.origin is None:
        raise FileNotFoundError(f"package {package!r} (sample image {relative}) is missing")
    return Path(spec.origin).resolve().parent / relative


@functools.cache
def _source(key: str) -> np.ndarray:
    """A package sample image as read-only RGB uint8 (alpha composited over white)."""
    with Image.open(_source_path(key)) as im:
        im.load()
        if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
            rgba = im.convert("RGBA")
            white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            rgb = Image.alpha_composite(white, rgba).convert("RGB")
        else:
            rgb = im.convert("RGB")
    arr = np.array(rgb, dtype=np.uint8, order="C")
    arr.setflags(write=False)
    return arr


# ----------------------------------------------------------------------------- helpers

_INTERP = {
    "nearest": cv2.INTER_NEAREST,
    "linear": cv2.INTER_LINEAR,
    "cubic": cv2.INTER_CUBIC,
    "area": cv2.INTER_AREA,
    "lanczos": cv2.INTER_LANCZOS4,
}


def _c(img: np.ndarray) -> np.ndarray:
    return np.array(img, dtype=np.uint8, order="C", copy=True)


def _resize(img: np.ndarray, w: int, h: int, interp: str = "auto") -> np.ndarray:
    w, h = max(1, int(w)), max(1, int(h))
    if (h, w) == img.shape[:2]:
        return _c(img)
    if interp == "auto":
        interp = "area" if w * h < img.shape[0] * img.shape[1] else "cubic"
    out = cv2.resize(np.ascontiguousarray(img), (w, h), interpolation=_INTERP[interp])
    return _c(out.reshape(h, w, 3))


def _fit(w: int, h: int, bw: float, bh: float, upscale: bool = True) -> tuple[int, int]:
    s = min(bw / w, bh / h)
    if not upscale:
        s = min(s, 1.0)
    return max(1, int(round(w * s))), max(1, int(round(h * s)))


def _to_u8(x: np.ndarray) -> np.ndarray:
    return _c(np.clip(np.rint(x), 0, 255).astype(np.uint8))


def _luma(x: np.ndarray) -> np.ndarray:
    return x[..., 0:1] * 0.299 + x[..., 1:2] * 0.587 + x[..., 2:3] * 0.114


def _tone(
    img: np.ndarray,
    brightness: float = 0.0,
    contrast: float = 1.0,
    gamma: float = 1.0,
    saturation: float = 1.0,
    tint: tuple[float, float, float] | None = None,
) -> np.ndarray:
    x = img.astype(np.float32)
    if gamma != 1.0:
        x = 255.0 * np.power(x / 255.0, gamma)
    if contrast != 1.0:
        x = (x - 128.0) * contrast + 128.0
    if brightness:
        x = x + brightness
    if saturation != 1.0:
        y = _luma(x)
        x = y + (x - y) * saturation
    if tint is not None:
        x = x * np.asarray(tint, dtype=np.float32)
    return _to_u8(x)


def _jpeg_rt(img: np.ndarray, quality: int, subsampling: int, **kw: Any) -> np.ndarray:
    buf = io.BytesIO()
    Image.fromarray(_c(img), "RGB").save(
        buf, "JPEG", quality=int(quality), subsampling=int(subsampling), **kw
    )
    buf.seek(0)
    with Image.open(buf) as im:
        return _c(np.asarray(im.convert("RGB")))


def _webp_rt(img: np.ndarray, quality: int) -> np.ndarray:
    buf = io.BytesIO()
    Image.fromarray(_c(img), "RGB").save(buf, "WEBP", quality=int(quality), method=4)
    buf.seek(0)
    with Image.open(buf) as im:
        return _c(np.asarray(im.convert("RGB")))


def _put(
    canvas: np.ndarray, text: str, x: float, y: float, scale: float,
    colour: tuple[int, int, int], thick: float = 1.0,
) -> None:
    cv2.putText(
        canvas, text, (int(round(x)), int(round(y))), cv2.FONT_HERSHEY_SIMPLEX,
        float(scale), tuple(int(v) for v in colour), max(1, int(round(thick))), cv2.LINE_AA,
    )


def _rrect(
    canvas: np.ndarray, x0: int, y0: int, x1: int, y1: int, r: int,
    colour: tuple[int, int, int],
) -> None:
    x0, y0, x1, y1 = int(x0), int(y0), int(x1), int(y1)
    r = int(max(0, min(r, (x1 - x0) // 2, (y1 - y0) // 2)))
    col = tuple(int(v) for v in colour)
    cv2.rectangle(canvas, (x0 + r, y0), (x1 - r, y1), col, -1)
    cv2.rectangle(canvas, (x0, y0 + r), (x1, y1 - r), col, -1)
    if r > 0:
        for cx, cy in ((x0 + r, y0 + r), (x1 - r, y0 + r), (x0 + r, y1 - r), (x1 - r, y1 - r)):
            cv2.circle(canvas, (cx, cy), r, col, -1, cv2.LINE_AA)


def _paste(canvas: np.ndarray, img: np.ndarray, x0: int, y0: int) -> None:
    h, w = img.shape[:2]
    H, W = canvas.shape[:2]
    x0, y0 = int(x0), int(y0)
    xa, ya = max(0, x0), max(0, y0)
    xb, yb = min(W, x0 + w), min(H, y0 + h)
    if xb > xa and yb > ya:
        canvas[ya:yb, xa:xb] = img[ya - y0:yb - y0, xa - x0:xb - x0]


def _centre_crop(img: np.ndarray, cw: int, ch: int) -> np.ndarray:
    h, w = img.shape[:2]
    cw, ch = max(1, min(w, int(cw))), max(1, min(h, int(ch)))
    x0, y0 = (w - cw) // 2, (h - ch) // 2
    return _c(img[y0:y0 + ch, x0:x0 + cw])


def _gradient(h: int, w: int, c0: Any, c1: Any, vertical: bool = True) -> np.ndarray:
    n = h if vertical else w
    t = np.linspace(0.0, 1.0, max(1, n), dtype=np.float32)
    t = t[:, None, None] if vertical else t[None, :, None]
    c0 = np.asarray(c0, np.float32)[None, None, :]
    c1 = np.asarray(c1, np.float32)[None, None, :]
    g = c0 * (1.0 - t) + c1 * t
    return _to_u8(np.broadcast_to(g, (h, w, 3)))


# ----------------------------------------------------------------------------- images

# name, source, crop (x, y, w, h), output (w, h), interpolation, tone
_PHOTOS: tuple[tuple[Any, ...], ...] = (
    ("astronaut_sq500", "astronaut", (0, 6, 500, 500), (500, 500), "area",
     {"contrast": 1.04}),
    ("astronaut_portrait_254x325", "astronaut", (96, 0, 400, 512), (254, 325), "area", {}),
    ("chelsea_451x300", "chelsea", (0, 0, 451, 300), (451, 300), "area", {"gamma": 0.93}),
    ("chelsea_up_1029x686", "chelsea", (20, 10, 420, 280), (1029, 686), "cubic",
     {"tint": (1.06, 1.0, 0.9)}),
    ("coffee_portrait_300x400", "coffee", (150, 0, 300, 400), (300, 400), "area", {}),
    ("coffee_tall_608x1080", "coffee", (190, 0, 225, 400), (608, 1080), "lanczos",
     {"saturation": 1.08}),
    ("hubble_1620x1440", "hubble", (40, 30, 900, 800), (1620, 1440), "cubic", {}),
    ("hubble_small_283x247", "hubble", (0, 0, 1000, 872), (283, 247), "area",
     {"brightness": 6.0}),
    ("retina_1978x1673", "retina", (60, 160, 1300, 1100), (1978, 1673), "lanczos", {}),
    ("camera_sepia_575x460", "camera", (6, 50, 500, 400), (575, 460), "cubic",
     {"tint": (1.08, 0.95, 0.78)}),
    ("rocket_portrait_421x599", "rocket", (170, 0, 300, 427), (421, 599), "cubic",
     {"gamma": 1.07}),
    ("china_pano_1560x500", "china", (0, 150, 640, 205), (1560, 500), "cubic", {}),
    ("china_1620x1081", "china", (0, 0, 640, 427), (1620, 1081), "lanczos",
     {"contrast": 1.08, "saturation": 0.9}),
    ("flower_sq400", "flower", (130, 20, 400, 400), (400, 400), "area", {}),
    ("flower_1280x854", "flower", (0, 0, 640, 427), (1280, 854), "cubic",
     {"saturation": 1.15}),
    ("motorcycle_741x500", "motorcycle_left", (0, 0, 741, 500), (741, 500), "area",
     {"brightness": -10.0}),
    ("motorcycle_pano_1300x456", "motorcycle_right", (0, 110, 741, 260), (1300, 456),
     "cubic", {}),
    ("ihc_portrait_330x480", "ihc", (80, 16, 330, 480), (330, 480), "area", {"gamma": 1.1}),
)

# name, prompt, seed (the built-in model draws landscapes)
_GENERATED: tuple[tuple[str, str, int], ...] = (
    ("gen_alpine_dusk", "snowy alpine peaks at dusk under a violet sky", 731),
    ("gen_desert_noon", "sand dunes in a bright desert at noon with a clear blue sky", 40217),
    ("gen_lake_fog", "a calm lake with reeds in thick morning fog", 5583),
    ("gen_forest_night", "dark pine forest under a starry night sky", 96012),
    ("gen_coast_sunset", "rocky coast with waves at sunset and orange clouds", 1288),
    ("gen_meadow_river", "green rolling meadow with a winding river in spring", 67340),
)


def _photo(spec: tuple[Any, ...]) -> np.ndarray:
    _, key, (x, y, w, h), (ow, oh), interp, tone = spec
    src = _source(key)
    crop = src[y:y + h, x:x + w]
    img = _resize(crop, ow, oh, interp)
    if tone:
        img = _tone(img, **tone)
    return _c(img)


def _generated_all() -> list[np.ndarray]:
    paths = [CACHE_DIR / f"{name}_{seed}.png" for name, _, seed in _GENERATED]
    missing = [i for i, p in enumerate(paths) if not p.is_file()]
    if missing:
        from safegen.backends.builtin import BackendRequest, BuiltinBackend

        backend = BuiltinBackend()
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        for i in missing:
            _, prompt, seed = _GENERATED[i]
            request = BackendRequest(prompt=prompt, negative_prompt=None, seeds=(seed,))
            image = backend.generate(request)[0].convert("RGB")
            tmp = paths[i].with_suffix(".tmp.png")
            image.save(tmp, "PNG")
            tmp.replace(paths[i])
    out = []
    for p in paths:
        with Image.open(p) as im:
            arr = np.array(im.convert("RGB"), dtype=np.uint8, order="C")
        if arr.shape != (256, 256, 3):
            raise ValueError(f"{p}: expected 256x256 RGB, got {arr.shape}")
        out.append(arr)
    return out


def _shot_settings() -> np.ndarray:
    W, H = 1366, 768
    c = np.full((H, W, 3), 255, np.uint8)
    cv2.rectangle(c, (0, 0), (W, 32), (236, 236, 238), -1)
    _put(c, "Settings", 14, 22, 0.5, (40, 40, 40))
    for k, col in enumerate(((120, 120, 120), (120, 120, 120), (232, 17, 35))):
        x = W - 120 + 40 * k
        cv2.rectangle(c, (x, 0), (x + 40, 32), (236, 236, 238), -1)
        cv2.line(c, (x + 14, 16), (x + 26, 16), col, 1, cv2.LINE_AA)
    cv2.rectangle(c, (0, 32), (300, H), (243, 243, 245), -1)
    _rrect(c, 16, 48, 284, 82, 6, (255, 255, 255))
    _put(c, "Find a setting", 30, 71, 0.5, (120, 120, 120))
    items = ("System", "Bluetooth & devices", "Network & internet", "Personalisation",
             "Apps", "Accounts", "Time & language", "Gaming", "Accessibility",
             "Privacy & security", "Update")
    palette = ((0, 120, 212), (0, 153, 188), (16, 124, 16), (202, 80, 16), (136, 23, 152),
               (0, 99, 177), (194, 57, 179), (16, 137, 62), (118, 118, 118), (231, 72, 86),
               (0, 120, 212))
    for k, (label, col) in enumerate(zip(items, palette, strict=True)):
        y = 110 + 50 * k
        if k == 3:
            _rrect(c, 12, y - 20, 288, y + 18, 5, (229, 229, 233))
            cv2.rectangle(c, (12, y - 10), (15, y + 8), (0, 103, 192), -1)
        cv2.circle(c, (40, y), 9, col, -1, cv2.LINE_AA)
        _put(c, label, 62, y + 6, 0.52, (30, 30, 30))
    _put(c, "Personalisation > Colours", 340, 86, 1.0, (20, 20, 20), 2)
    rows = (("Choose your mode", "Dark"), ("Transparency effects", None),
            ("Accent colour", "Manual"), ("Show accent colour on title bars", None),
            ("Contrast themes", None))
    for k, (label, value) in enumerate(rows):
        y0 = 120 + 78 * k
        _rrect(c, 330, y0, 1330, y0 + 66, 6, (249, 249, 251))
        cv2.rectangle(c, (330, y0), (1330, y0 + 66), (229, 229, 233), 1)
        _put(c, label, 354, y0 + 30, 0.55, (25, 25, 25))
        _put(c, "Change how this setting looks and behaves", 354, y0 + 52, 0.42,
             (110, 110, 110))
        if value is None:
            on = k % 2 == 1
            _rrect(c, 1240, y0 + 22, 1290, y0 + 44, 11,
                   (0, 103, 192) if on else (200, 200, 204))
            cv2.circle(c, (1278 if on else 1252, y0 + 33), 7, (255, 255, 255), -1, cv2.LINE_AA)
        else:
            _rrect(c, 1170, y0 + 17, 1300, y0 + 49, 4, (255, 255, 255))
            cv2.rectangle(c, (1170, y0 + 17), (1300, y0 + 49), (210, 210, 214), 1)
            _put(c, value, 1184, y0 + 39, 0.5, (30, 30, 30))
    swatches = ((255, 185, 0), (247, 99, 12), (232, 17, 35), (234, 0, 94), (0, 120, 212),
                (0, 153, 188), (0, 183, 195), (0, 204, 106), (16, 137, 62), (118, 118, 118))
    for k, col in enumerate(swatches):
        x = 354 + 52 * k
        _rrect(c, x, 540, x + 40, 580, 4, col)
        if k == 4:
            cv2.rectangle(c, (x - 4, 536), (x + 44, 584), (30, 30, 30), 2)
    _put(c, "Recent colours", 354, 526, 0.5, (60, 60, 60))
    _rrect(c, 1180, 690, 1330, 726, 5, (0, 103, 192))
    _put(c, "Apply", 1228, 714, 0.55, (255, 255, 255))
    return _c(c)


def _bubble(c: np.ndarray, x0: int, y0: int, lines: tuple[str, ...], mine: bool) -> int:
    w = max(cv2.getTextSize(t, cv2.FONT_HERSHEY_SIMPLEX, 0.8, 2)[0][0] for t in lines) + 44
    h = 36 * len(lines) + 24
    W = c.shape[1]
    if mine:
        x0 = W - 28 - w
    _rrect(c, x0, y0, x0 + w, y0 + h, 26, (10, 132, 255) if mine else (233, 233, 235))
    for k, t in enumerate(lines):
        _put(c, t, x0 + 22, y0 + 42 + 36 * k, 0.8, (255, 255, 255) if mine else (20, 20, 20), 2)
    return y0 + h + 18


def _shot_chat() -> np.ndarray:
    W, H = 750, 1334
    c = np.full((H, W, 3), 255, np.uint8)
    _put(c, "9:41", 40, 30, 0.75, (0, 0, 0), 2)
    _rrect(c, 640, 14, 690, 34, 5, (0, 0, 0))
    cv2.rectangle(c, (0, 40), (W, 176), (247, 247, 248), -1)
    cv2.line(c, (0, 176), (W, 176), (215, 215, 218), 1)
    cv2.circle(c, (W // 2, 92), 36, (142, 142, 147), -1, cv2.LINE_AA)
    _put(c, "MK", W // 2 - 24, 104, 1.0, (255, 255, 255), 2)
    _put(c, "Mira K.", W // 2 - 52, 160, 0.8, (20, 20, 20), 2)
    _put(c, "<", 30, 110, 1.6, (10, 132, 255), 3)
    y = 210
    msgs = ((("are you still at the", "station?"), False), (("yes, train is late", ), True),
            (("again?? :(",), False), (("20 min they say", "grab coffee?"), True),
            (("sure, the one by", "platform 4"), False), (("ok see you there",), True),
            (("bring the tickets!",), False), (("already in my bag",), True))
    for lines, mine in msgs:
        y = _bubble(c, 28, y, lines, mine)
    _put(c, "Delivered", W - 150, y + 4, 0.55, (142, 142, 147), 1)
    cv2.rectangle(c, (0, H - 140), (W, H), (247, 247, 248), -1)
    _rrect(c, 96, H - 122, W - 90, H - 70, 26, (255, 255, 255))
    cv2.circle(c, (50, H - 96), 22, (200, 200, 205), -1, cv2.LINE_AA)
    _put(c, "iMessage", 124, H - 86, 0.75, (170, 170, 175), 1)
    _rrect(c, W // 2 - 134, H - 22, W // 2 + 134, H - 12, 5, (0, 0, 0))
    return _c(c)


def _graphic_bars() -> np.ndarray:
    W, H = 960, 600
    c = np.full((H, W, 3), 255, np.uint8)
    _put(c, "Quarterly energy use by site (MWh)", 60, 50, 0.9, (33, 37, 41), 2)
    x0, y0, x1, y1 = 90, 90, 900, 520
    for k in range(6):
        y = y1 - (y1 - y0) * k // 5
        cv2.line(c, (x0, y), (x1, y), (225, 228, 232), 1)
        _put(c, str(k * 40), 40, y + 5, 0.5, (90, 90, 90))
    cv2.line(c, (x0, y1), (x1, y1), (50, 50, 50), 2)
    cv2.line(c, (x0, y0), (x0, y1), (50, 50, 50), 2)
    data = ((132, 88, 41), (151, 97, 55), (118, 120, 63), (170, 104, 77), (142, 131, 90),
            (97, 140, 112), (160, 118, 129))
    cols = ((31, 119, 180), (255, 127, 14), (44, 160, 44))
    group = (x1 - x0) / len(data)
    for g, vals in enumerate(data):
        for s, v in enumerate(vals):
            bx = int(x0 + g * group + 14 + s * 30)
            by = int(y1 - (y1 - y0) * v / 200)
            cv2.rectangle(c, (bx, by), (bx + 26, y1 - 1), cols[s], -1)
        _put(c, f"Q{g % 4 + 1}/{24 + g // 4}", x0 + g * group + 24, y1 + 26, 0.5, (60, 60, 60))
    for s, label in enumerate(("North", "Harbour", "Valley")):
        lx = 640 + 90 * s
        cv2.rectangle(c, (lx, 68), (lx + 16, 84), cols[s], -1)
        _put(c, label, lx + 22, 82, 0.45, (60, 60, 60))
    _put(c, "Source: site meters, provisional", 90, 580, 0.45, (130, 130, 130))
    return _c(c)


def _graphic_poster() -> np.ndarray:
    W, H = 720, 1080
    c = _gradient(H, W, (24, 20, 66), (214, 64, 120))
    cv2.circle(c, (470, 380), 170, (255, 196, 92), -1, cv2.LINE_AA)
    cv2.circle(c, (470, 380), 210, (255, 170, 90), 6, cv2.LINE_AA)
    m1 = np.array([[0, 760], [180, 520], [330, 700], [470, 560], [720, 800], [720, 1080],
                   [0, 1080]], np.int32)
    m2 = np.array([[0, 860], [240, 690], [420, 820], [600, 720], [720, 790], [720, 1080],
                   [0, 1080]], np.int32)
    cv2.fillPoly(c, [m1], (72, 34, 96), cv2.LINE_AA)
    cv2.fillPoly(c, [m2], (40, 18, 60), cv2.LINE_AA)
    for j in range(6):
        for i in range(9):
            cv2.circle(c, (40 + 24 * i, 120 + 24 * j), 4, (255, 255, 255), -1, cv2.LINE_AA)
    _put(c, "NIGHT", 60, 930, 3.2, (255, 255, 255), 8)
    _put(c, "MARKET", 60, 1010, 2.2, (255, 196, 92), 5)
    _put(c, "Sat 14 Dec - 18:00 - Old Harbour", 62, 1056, 0.7, (240, 230, 255), 2)
    cv2.rectangle(c, (600, 40), (690, 74), (255, 255, 255), 2)
    _put(c, "FREE", 614, 66, 0.7, (255, 255, 255), 2)
    return _c(c)


def images() -> list[tuple[str, str, np.ndarray]]:
    out: list[tuple[str, str, np.ndarray]] = []
    for spec in _PHOTOS:
        out.append((spec[0], "photo", _photo(spec)))
    for (name, _, _), arr in zip(_GENERATED, _generated_all(), strict=True):
        out.append((name, "generated", arr))
    out.append(("shot_settings_1366x768", "screenshot", _shot_settings()))
    out.append(("shot_chat_750x1334", "screenshot", _shot_chat()))
    out.append(("graphic_bars_960x600", "graphic", _graphic_bars()))
    out.append(("graphic_poster_720x1080", "graphic", _graphic_poster()))
    return out


# ----------------------------------------------------------------------------- attack ops


def _rng(ctx: dict[str, Any]) -> np.random.Generator:
    if ctx["rng"] is None:
        src = ctx["src"]
        h = hashlib.sha256()
        h.update(ctx["name"].encode("utf-8"))
        h.update(repr(tuple(src.shape)).encode("ascii"))
        h.update(src.tobytes())
        ctx["rng"] = np.random.default_rng(int.from_bytes(h.digest()[:8], "little"))
    return ctx["rng"]


def _op_flip(img: np.ndarray, ctx: dict[str, Any], axis: str) -> np.ndarray:
    return _c(img[:, ::-1] if axis == "h" else img[::-1])


def _op_scale(img: np.ndarray, ctx: dict[str, Any], sx: float, sy: float,
              interp: str) -> np.ndarray:
    h, w = img.shape[:2]
    return _resize(img, round(w * sx), round(h * sy), interp)


def _op_size(img: np.ndarray, ctx: dict[str, Any], w: int, h: int, interp: str) -> np.ndarray:
    return _resize(img, w, h, interp)


def _op_aspect(img: np.ndarray, ctx: dict[str, Any], aw: float, ah: float,
               interp: str) -> np.ndarray:
    h, w = img.shape[:2]
    area = float(w * h)
    return _resize(img, round(math.sqrt(area * aw / ah)), round(math.sqrt(area * ah / aw)),
                   interp)


def _op_back(img: np.ndarray, ctx: dict[str, Any], interp: str) -> np.ndarray:
    h, w = ctx["src"].shape[:2]
    return _resize(img, w, h, interp)


def _op_width(img: np.ndarray, ctx: dict[str, Any], width: int, interp: str) -> np.ndarray:
    h, w = img.shape[:2]
    return _resize(img, width, round(h * width / w), interp)


def _op_long(img: np.ndarray, ctx: dict[str, Any], side: int, interp: str) -> np.ndarray:
    """Cap the long side at ``side`` (only ever shrinks)."""
    h, w = img.shape[:2]
    if max(h, w) <= side:
        return _c(img)
    s = side / max(h, w)
    return _resize(img, round(w * s), round(h * s), interp)


def _op_crop(img: np.ndarray, ctx: dict[str, Any], left: float, top: float, right: float,
             bottom: float) -> np.ndarray:
    h, w = img.shape[:2]
    x0, y0 = int(round(w * left)), int(round(h * top))
    x1, y1 = w - int(round(w * right)), h - int(round(h * bottom))
    x1, y1 = max(x1, x0 + 1), max(y1, y0 + 1)
    return _c(img[y0:y1, x0:x1])


def _op_crop_aspect(img: np.ndarray, ctx: dict[str, Any], aw: float, ah: float) -> np.ndarray:
    h, w = img.shape[:2]
    if w / h > aw / ah:
        return _centre_crop(img, round(h * aw / ah), h)
    return _centre_crop(img, w, round(w * ah / aw))


_FILL = {"black": (0, 0, 0), "white": (255, 255, 255)}


def _op_rotate(img: np.ndarray, ctx: dict[str, Any], deg: float, fill: str,
               mode: str) -> np.ndarray:
    """mode: same (canvas kept), expand (whole rotated image), inner (largest inner
    rectangle of any shape), straighten (largest inner rectangle of the same aspect)."""
    h, w = img.shape[:2]
    th = math.radians(deg)
    ca, sa = abs(math.cos(th)), abs(math.sin(th))
    if mode == "expand":
        nw, nh = int(math.ceil(w * ca + h * sa - 1e-6)), int(math.ceil(w * sa + h * ca - 1e-6))
    else:
        nw, nh = w, h
    m = cv2.getRotationMatrix2D(((w - 1) / 2.0, (h - 1) / 2.0), deg, 1.0)
    m[0, 2] += (nw - w) / 2.0
    m[1, 2] += (nh - h) / 2.0
    if fill in _FILL:
        border, value = cv2.BORDER_CONSTANT, _FILL[fill]
    elif fill == "reflect":
        border, value = cv2.BORDER_REFLECT_101, (0, 0, 0)
    else:
        border, value = cv2.BORDER_REPLICATE, (0, 0, 0)
    out = cv2.warpAffine(np.ascontiguousarray(img), m, (nw, nh), flags=cv2.INTER_CUBIC,
                         borderMode=border, borderValue=value)
    out = out.reshape(nh, nw, 3)
    if mode == "inner":
        long_, short = max(w, h), min(w, h)
        if short <= 2.0 * sa * ca * long_ or abs(sa - ca) < 1e-10:
            x = 0.5 * short
            wr, hr = (x / sa, x / ca) if w >= h else (x / ca, x / sa)
        else:
            cos2 = ca * ca - sa * sa
            wr, hr = (w * ca - h * sa) / cos2, (h * ca - w * sa) / cos2
        return _centre_crop(out, int(wr) - 2, int(hr) - 2)
    if mode == "straighten":
        k = min(w / (w * ca + h * sa), h / (w * sa + h * ca))
        return _centre_crop(out, int(w * k) - 2, int(h * k) - 2)
    return _c(out)


def _op_pad(img: np.ndarray, ctx: dict[str, Any], left: float, top: float, right: float,
            bottom: float, fill: Any) -> np.ndarray:
    h, w = img.shape[:2]
    pl, pr = int(round(w * left)), int(round(w * right))
    pt, pb = int(round(h * top)), int(round(h * bottom))
    width = ((pt, pb), (pl, pr), (0, 0))
    if fill == "reflect":
        mode = "reflect" if min(h, w) > 1 else "edge"
        return _c(np.pad(img, width, mode=mode))
    if fill == "replicate":
        return _c(np.pad(img, width, mode="edge"))
    out = np.empty((h + pt + pb, w + pl + pr, 3), np.uint8)
    out[:] = np.asarray(fill, np.uint8)
    out[pt:pt + h, pl:pl + w] = img
    return out


def _op_caption(img: np.ndarray, ctx: dict[str, Any], where: str, frac: float, bg: Any,
                fg: Any, text: str) -> np.ndarray:
    h, w = img.shape[:2]
    bh = max(12, int(round(h * frac)))
    band = np.empty((bh, w, 3), np.uint8)
    band[:] = np.asarray(bg, np.uint8)
    scale = bh * 0.45 / 22.0
    thick = max(1, int(round(scale * 2.2)))
    tw = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, scale, thick)[0][0]
    if tw > 0.92 * w:
        scale *= 0.92 * w / tw
        thick = max(1, int(round(scale * 2.2)))
        tw = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, scale, thick)[0][0]
    _put(band, text, (w - tw) / 2.0, bh / 2.0 + 11.0 * scale, scale, fg, thick)
    parts = (img, band) if where == "bottom" else (band, img)
    return _c(np.concatenate(parts, axis=0))


def _blend(img: np.ndarray, layer: np.ndarray, mask: np.ndarray, alpha: float) -> np.ndarray:
    a = (mask.astype(np.float32) / 255.0 * alpha)[..., None]
    return _to_u8(img.astype(np.float32) * (1.0 - a) + layer.astype(np.float32) * a)


def _op_logo(img: np.ndarray, ctx: dict[str, Any], size: float, alpha: float) -> np.ndarray:
    h, w = img.shape[:2]
    s = max(8, int(round(min(h, w) * size)))
    layer = np.zeros_like(img)
    mask = np.zeros((h, w), np.uint8)
    cx, cy = w - int(0.6 * s) - max(2, w // 40), h - int(0.6 * s) - max(2, h // 40)
    r = s // 2
    cv2.circle(layer, (cx, cy), r, (230, 60, 40), -1, cv2.LINE_AA)
    cv2.circle(mask, (cx, cy), r, 255, -1, cv2.LINE_AA)
    bar = ((cx - r // 3, cy - r // 2), (cx + r // 3, cy + r // 2))
    cv2.rectangle(layer, bar[0], bar[1], (250, 250, 250), -1)
    _put(layer, "studio", cx - 2.4 * r, cy + 1.3 * r, max(0.3, r / 40.0), (255, 255, 255),
         max(1.0, r / 25.0))
    _put(mask, "studio", cx - 2.4 * r, cy + 1.3 * r, max(0.3, r / 40.0), (255, 255, 255),
         max(1.0, r / 25.0))
    return _blend(img, layer, mask, alpha)


def _op_frame(img: np.ndarray, ctx: dict[str, Any], frac: float, colour: Any) -> np.ndarray:
    out = _c(img)
    h, w = out.shape[:2]
    t = max(1, int(round(min(h, w) * frac)))
    col = np.asarray(colour, np.uint8)
    out[:t], out[h - t:], out[:, :t], out[:, w - t:] = col, col, col, col
    k = max(1, t // 5)
    if h > 2 * (t + 2 * k) and w > 2 * (t + 2 * k):
        cv2.rectangle(out, (t + k, t + k), (w - 1 - t - k, h - 1 - t - k), (245, 245, 240), k)
    return out


def _op_textdiag(img: np.ndarray, ctx: dict[str, Any], text: str, alpha: float,
                 deg: float) -> np.ndarray:
    h, w = img.shape[:2]
    d = int(math.ceil(math.hypot(h, w)))
    layer = np.zeros((d, d), np.uint8)
    scale = max(0.4, min(h, w) / 260.0)
    thick = max(1, int(round(scale * 2)))
    step = max(20, int(scale * 70))
    for k, y in enumerate(range(step, d, step)):
        _put(layer, text, -(k * 37 % (step * 3)), y, scale, (255, 255, 255), thick)
        _put(layer, text, d // 2 - (k * 37 % (step * 3)), y, scale, (255, 255, 255), thick)
    m = cv2.getRotationMatrix2D((d / 2.0, d / 2.0), deg, 1.0)
    m[0, 2] -= (d - w) / 2.0
    m[1, 2] -= (d - h) / 2.0
    mask = cv2.warpAffine(layer, m, (w, h), flags=cv2.INTER_LINEAR)
    white = np.full_like(img, 255)
    return _blend(img, white, mask.reshape(h, w), alpha)


def _op_box(img: np.ndarray, ctx: dict[str, Any], aw: float, ah: float, fill: Any) -> np.ndarray:
    """Place the whole image on a canvas of aspect aw:ah (letterbox or pillarbox)."""
    h, w = img.shape[:2]
    if w / h > aw / ah:
        cw, ch = w, int(round(w * ah / aw))
    else:
        cw, ch = int(round(h * aw / ah)), h
    if fill == "blur":
        s = max(cw / w, ch / h)
        bg = _centre_crop(_resize(img, math.ceil(w * s), math.ceil(h * s), "area"), cw, ch)
        small = _resize(bg, max(1, cw // 8), max(1, ch // 8), "area")
        sigma = max(0.5, max(cw, ch) / 320.0)
        small = cv2.GaussianBlur(small, (0, 0), sigma).reshape(small.shape)
        bg = _resize(small, cw, ch, "linear")
        canvas = _tone(bg, brightness=-18.0, saturation=0.85)
    else:
        canvas = np.empty((ch, cw, 3), np.uint8)
        canvas[:] = np.asarray(fill, np.uint8)
    _paste(canvas, img, (cw - w) // 2, (ch - h) // 2)
    return _c(canvas)


def _op_jpeg(img: np.ndarray, ctx: dict[str, Any], quality: int, sub: int) -> np.ndarray:
    return _jpeg_rt(img, quality, sub)


def _op_webp(img: np.ndarray, ctx: dict[str, Any], quality: int) -> np.ndarray:
    return _webp_rt(img, quality)


def _op_blur(img: np.ndarray, ctx: dict[str, Any], sigma: float) -> np.ndarray:
    return _c(cv2.GaussianBlur(img, (0, 0), sigma).reshape(img.shape))


def _op_unsharp(img: np.ndarray, ctx: dict[str, Any], sigma: float,
                amount: float) -> np.ndarray:
    x = img.astype(np.float32)
    b = cv2.GaussianBlur(x, (0, 0), sigma).reshape(img.shape)
    return _to_u8(x + amount * (x - b))


def _op_median(img: np.ndarray, ctx: dict[str, Any], k: int) -> np.ndarray:
    return _c(cv2.medianBlur(np.ascontiguousarray(img), k).reshape(img.shape))


def _op_noise(img: np.ndarray, ctx: dict[str, Any], sigma: float) -> np.ndarray:
    n = _rng(ctx).normal(0.0, sigma, size=img.shape).astype(np.float32)
    return _to_u8(img.astype(np.float32) + n)


def _op_tone(img: np.ndarray, ctx: dict[str, Any], kind: str, value: float) -> np.ndarray:
    if kind == "bright":
        return _tone(img, brightness=value)
    if kind == "contrast":
        return _tone(img, contrast=value)
    if kind == "gamma":
        return _tone(img, gamma=value)
    if kind == "sat":
        return _tone(img, saturation=value)
    if kind == "grey":
        y = _luma(img.astype(np.float32))
        return _to_u8(np.repeat(y, 3, axis=2))
    if kind == "vignette":
        h, w = img.shape[:2]
        yy = (np.arange(h, dtype=np.float32) - (h - 1) / 2.0) / max(1.0, h / 2.0)
        xx = (np.arange(w, dtype=np.float32) - (w - 1) / 2.0) / max(1.0, w / 2.0)
        r2 = yy[:, None] ** 2 + xx[None, :] ** 2
        g = 1.0 - value * np.clip(r2 / 2.0, 0.0, 1.0)
        return _to_u8(img.astype(np.float32) * g[..., None])
    raise ValueError(f"unknown tone {kind!r}")


# --- screen captures: the image shown inside a drawn window, captured as pixels


def _show(canvas: np.ndarray, img: np.ndarray, x0: float, y0: float, bw: float, bh: float,
          upscale: bool, centre_y: bool = False) -> tuple[int, int, int, int]:
    h, w = img.shape[:2]
    dw, dh = _fit(w, h, bw, bh, upscale)
    x = int(round(x0 + (bw - dw) / 2.0))
    y = int(round(y0 + ((bh - dh) / 2.0 if centre_y else 0.0)))
    interp = "area" if dw * dh < w * h else "linear"
    _paste(canvas, _resize(img, dw, dh, interp), x, y)
    return x, y, dw, dh


def _scr_browser(img: np.ndarray, d: float) -> np.ndarray:
    def p(v: float) -> int:
        return int(round(v * d))

    W, H = p(1280), p(800)
    c = np.full((H, W, 3), 252, np.uint8)
    cv2.rectangle(c, (0, 0), (W, p(40)), (222, 225, 230), -1)
    _rrect(c, p(10), p(6), p(250), p(44), p(8), (255, 255, 255))
    _put(c, "img_0481.jpg (1 of 24)", p(24), p(29), 0.45 * d, (60, 64, 67), d)
    _put(c, "New Tab", p(272), p(29), 0.45 * d, (95, 99, 104), d)
    cv2.rectangle(c, (0, p(40)), (W, p(86)), (255, 255, 255), -1)
    cv2.line(c, (0, p(86)), (W, p(86)), (218, 220, 224), max(1, p(1)))
    _rrect(c, p(118), p(48), W - p(150), p(78), p(15), (241, 243, 244))
    _put(c, "https://photos.example.net/album/2026/img_0481.jpg", p(140), p(69), 0.5 * d,
         (32, 33, 36), d)
    for k in range(3):
        cv2.circle(c, (p(24 + 30 * k), p(63)), p(9), (95, 99, 104), max(1, p(1.5)),
                   cv2.LINE_AA)
    _put(c, "Day 3 - the walk to the lake", p(160), p(130), 0.9 * d, (33, 33, 33), 2 * d)
    x, y, dw, dh = _show(c, img, p(160), p(150), p(960), p(584), upscale=False)
    if y + dh + p(30) < H:
        _put(c, "Posted by anna_r - 14 comments", x, y + dh + p(24), 0.5 * d, (110, 110, 110), d)
    return c


def _scr_gallery(img: np.ndarray, d: float) -> np.ndarray:
    def p(v: float) -> int:
        return int(round(v * d))

    W, H = p(1440), p(900)
    c = np.full((H, W, 3), (30, 31, 34), np.uint8)
    cv2.rectangle(c, (0, 0), (W, p(52)), (44, 45, 49), -1)
    _put(c, "Photos  >  Imports  >  2026-12", p(230), p(34), 0.6 * d, (230, 230, 230), d)
    cv2.rectangle(c, (0, p(52)), (p(210), H), (38, 39, 43), -1)
    for k, label in enumerate(("Library", "Favourites", "Recents", "Albums", "People",
                               "Trash")):
        if k == 2:
            _rrect(c, p(10), p(86 + 40 * k), p(200), p(118 + 40 * k), p(6), (62, 90, 140))
        _put(c, label, p(28), p(108 + 40 * k), 0.55 * d, (220, 220, 225), d)
    cv2.rectangle(c, (p(210), H - p(118)), (W, H), (22, 22, 24), -1)
    hues = ((180, 120, 80), (70, 110, 160), (200, 190, 170), (90, 140, 90), (40, 40, 60),
            (150, 80, 110), (210, 160, 60), (120, 160, 200), (60, 90, 70))
    for k in range(9):
        x0, y0, s = p(236 + 100 * k), H - p(104), p(86)
        if k == 4:
            th = img
            hh, ww = th.shape[:2]
            side = min(hh, ww)
            th = _centre_crop(th, side, side)
            _paste(c, _resize(th, s, s, "area" if side > s else "linear"), x0, y0)
            cv2.rectangle(c, (x0 - p(3), y0 - p(3)), (x0 + s + p(2), y0 + s + p(2)),
                          (90, 150, 255), max(1, p(2)))
        else:
            col = hues[k]
            tile = _gradient(s, s, col, tuple(min(255, v + 70) for v in col))
            _paste(c, tile, x0, y0)
    _show(c, img, p(230), p(68), W - p(250), H - p(200), upscale=True, centre_y=True)
    return c


def _scr_phone(img: np.ndarray, d: float) -> np.ndarray:
    def p(v: float) -> int:
        return int(round(v * d))

    W, H = p(390), p(844)
    c = np.full((H, W, 3), 255, np.uint8)
    _put(c, "9:41", p(32), p(33), 0.5 * d, (0, 0, 0), 1.4 * d)
    _rrect(c, W - p(52), p(20), W - p(26), p(32), p(3), (0, 0, 0))
    cv2.line(c, (0, p(99)), (W, p(99)), (219, 219, 219), max(1, p(0.5)))
    cv2.circle(c, (p(30), p(73)), p(14), (200, 120, 90), -1, cv2.LINE_AA)
    _put(c, "lena.travels", p(52), p(79), 0.45 * d, (20, 20, 20), 1.2 * d)
    _put(c, "...", W - p(36), p(76), 0.5 * d, (20, 20, 20), 1.2 * d)
    x, y, dw, dh = _show(c, img, 0, p(100), W, p(560), upscale=True)
    yb = y + dh + p(10)
    for k in range(3):
        cv2.circle(c, (p(26 + 38 * k), yb + p(16)), p(11), (20, 20, 20), max(1, p(1.6)),
                   cv2.LINE_AA)
    _put(c, "Liked by m.otto and 1,204 others", p(14), yb + p(54), 0.4 * d, (20, 20, 20), d)
    for k, length in enumerate((330, 250, 120)):
        _rrect(c, p(14), yb + p(66 + 16 * k), p(14 + length), yb + p(74 + 16 * k), p(3),
               (205, 205, 210))
    cv2.rectangle(c, (0, H - p(83)), (W, H), (250, 250, 250), -1)
    cv2.line(c, (0, H - p(83)), (W, H - p(83)), (219, 219, 219), max(1, p(0.5)))
    for k in range(5):
        cv2.circle(c, (p(39 + 78 * k), H - p(58)), p(11), (30, 30, 30), max(1, p(1.8)),
                   cv2.LINE_AA)
    _rrect(c, W // 2 - p(67), H - p(13), W // 2 + p(67), H - p(8), p(3), (0, 0, 0))
    return c


def _scr_document(img: np.ndarray, d: float) -> np.ndarray:
    def p(v: float) -> int:
        return int(round(v * d))

    W, H = p(1000), p(1294)
    c = np.full((H, W, 3), (82, 86, 89), np.uint8)
    cv2.rectangle(c, (0, 0), (W, p(44)), (50, 54, 57), -1)
    _put(c, "report_final.pdf        3 / 12        110%", p(20), p(29), 0.55 * d,
         (235, 235, 235), d)
    cv2.rectangle(c, (p(90), p(64)), (W - p(90), H), (255, 255, 255), -1)
    _put(c, "3. Site survey", p(150), p(130), 0.95 * d, (20, 20, 20), 2 * d)
    lens = (690, 655, 700, 610, 680, 420, 700, 640, 585, 700, 660, 300)
    for k in range(5):
        _rrect(c, p(150), p(160 + 20 * k), p(150 + lens[k]), p(167 + 20 * k), p(2),
               (120, 120, 120))
    x, y, dw, dh = _show(c, img, p(220), p(270), p(560), p(600), upscale=True)
    _put(c, "Figure 2: view from the north ridge, 07:40", p(220), y + dh + p(28), 0.5 * d,
         (60, 60, 60), d)
    y2 = y + dh + p(60)
    k = 5
    while y2 + p(8) < H - p(40) and k < len(lens):
        _rrect(c, p(150), y2, p(150 + lens[k]), y2 + p(7), p(2), (120, 120, 120))
        y2 += p(20)
        k += 1
    return c


def _scr_slide(img: np.ndarray, d: float) -> np.ndarray:
    def p(v: float) -> int:
        return int(round(v * d))

    W, H = p(1920), p(1080)
    c = np.full((H, W, 3), 255, np.uint8)
    cv2.rectangle(c, (0, 0), (p(24), H), (0, 102, 204), -1)
    _put(c, "Field results", p(110), p(170), 2.0 * d, (20, 40, 80), 4 * d)
    bullets = ("Site A: 14 samples", "Site B: 9 samples", "Turbidity down 12%",
               "Next visit: March")
    for k, t in enumerate(bullets):
        cv2.circle(c, (p(130), p(300 + 90 * k)), p(8), (0, 102, 204), -1, cv2.LINE_AA)
        _put(c, t, p(160), p(312 + 90 * k), 1.1 * d, (50, 50, 50), 2 * d)
    _show(c, img, p(960), p(150), p(880), p(840), upscale=True, centre_y=True)
    _put(c, "Confidential - 12/2026", p(110), H - p(40), 0.7 * d, (140, 140, 140), d)
    _put(c, "7", W - p(70), H - p(40), 0.8 * d, (140, 140, 140), d)
    return c


_SCREENS = {
    "browser": _scr_browser,
    "gallery": _scr_gallery,
    "phone": _scr_phone,
    "document": _scr_document,
    "slide": _scr_slide,
}


def _op_screen(img: np.ndarray, ctx: dict[str, Any], kind: str, dpr: float, post: float,
               fmt: str, quality: int) -> np.ndarray:
    canvas = _SCREENS[kind](img, dpr)
    if post != 1.0:
        h, w = canvas.shape[:2]
        canvas = _resize(canvas, round(w * post), round(h * post),
                         "area" if post < 1.0 else "linear")
    if fmt == "jpeg":
        canvas = _jpeg_rt(canvas, quality, 2)
    return _c(canvas)


_OPS = {
    "flip": _op_flip,
    "scale": _op_scale,
    "size": _op_size,
    "aspect": _op_aspect,
    "back": _op_back,
    "width": _op_width,
    "long": _op_long,
    "crop": _op_crop,
    "crop_aspect": _op_crop_aspect,
    "rotate": _op_rotate,
    "pad": _op_pad,
    "caption": _op_caption,
    "logo": _op_logo,
    "frame": _op_frame,
    "textdiag": _op_textdiag,
    "box": _op_box,
    "jpeg": _op_jpeg,
    "webp": _op_webp,
    "blur": _op_blur,
    "unsharp": _op_unsharp,
    "median": _op_median,
    "noise": _op_noise,
    "tone": _op_tone,
    "screen": _op_screen,
}


def _apply(name: str, steps: tuple[tuple[Any, ...], ...], rgb: np.ndarray) -> np.ndarray:
    src = np.asarray(rgb)
    if src.dtype != np.uint8 or src.ndim != 3 or src.shape[2] != 3:
        raise ValueError(f"expected uint8 (H, W, 3), got {src.dtype} {src.shape}")
    src = np.ascontiguousarray(src)
    ctx: dict[str, Any] = {"name": name, "src": src, "rng": None}
    img = src
    for step in steps:
        img = _OPS[step[0]](img, ctx, *step[1:])
    out = np.array(img, dtype=np.uint8, order="C", copy=True)
    if out.ndim != 3 or out.shape[2] != 3:
        raise AssertionError(f"attack {name} made shape {out.shape}")
    return out


_TEAL = (0, 128, 128)
_ATTACKS: tuple[tuple[str, tuple[tuple[Any, ...], ...]], ...] = (
    ("none", ()),
    ("flip_h", (("flip", "h"),)),
    ("flip_v", (("flip", "v"),)),
    # one axis / both axes
    ("stretch_x_1.07", (("scale", 1.07, 1.0, "cubic"),)),
    ("stretch_y_1.13", (("scale", 1.0, 1.13, "linear"),)),
    ("squash_x_0.89", (("scale", 0.89, 1.0, "area"),)),
    ("squash_y_0.93", (("scale", 1.0, 0.93, "cubic"),)),
    ("squash_y_0.81", (("scale", 1.0, 0.81, "area"),)),
    ("stretch_xy_1.11_0.94", (("scale", 1.11, 0.94, "linear"),)),
    # whole image squashed / stretched to another aspect (area kept)
    ("aspect_square", (("aspect", 1, 1, "cubic"),)),
    ("aspect_4x5", (("aspect", 4, 5, "linear"),)),
    ("aspect_16x9", (("aspect", 16, 9, "cubic"),)),
    ("aspect_9x16", (("aspect", 9, 16, "area"),)),
    ("aspect_3x1", (("aspect", 3, 1, "linear"),)),
    # crops (left, top, right, bottom removed)
    ("crop_centre_93", (("crop", 0.035, 0.035, 0.035, 0.035),)),
    ("crop_centre_54", (("crop", 0.23, 0.23, 0.23, 0.23),)),
    ("crop_offcentre_81", (("crop", 0.04, 0.15, 0.15, 0.04),)),
    ("crop_corner_tl_63", (("crop", 0.0, 0.0, 0.37, 0.37),)),
    ("crop_bottom_only_67", (("crop", 0.0, 0.0, 0.0, 0.33),)),
    ("crop_two_sides_r12_t29", (("crop", 0.0, 0.29, 0.12, 0.0),)),
    ("crop_centre_76_back", (("crop", 0.12, 0.12, 0.12, 0.12), ("back", "cubic"))),
    ("crop_offcentre_58_back", (("crop", 0.31, 0.09, 0.11, 0.33), ("back", "linear"))),
    ("crop_top_only_51_back", (("crop", 0.0, 0.49, 0.0, 0.0), ("back", "lanczos"))),
    # rotations
    ("rot_+1.7_black", (("rotate", 1.7, "black", "same"),)),
    ("rot_-3.2_white", (("rotate", -3.2, "white", "same"),)),
    ("rot_+6.4_reflect", (("rotate", 6.4, "reflect", "same"),)),
    ("rot_-9.3_black_expand", (("rotate", -9.3, "black", "expand"),)),
    ("rot_-2.4_innercrop", (("rotate", -2.4, "black", "inner"),)),
    ("rot_-7.7_innercrop_back", (("rotate", -7.7, "black", "inner"), ("back", "cubic"))),
    ("straighten_-5.3", (("rotate", -5.3, "black", "straighten"),)),
    ("straighten_+2.9_back", (("rotate", 2.9, "black", "straighten"), ("back", "linear"))),
    # padding, bands, overlays, boxes
    ("pad_black_6pct", (("pad", 0.06, 0.06, 0.06, 0.06, (0, 0, 0)),)),
    ("pad_teal_uneven", (("pad", 0.19, 0.05, 0.12, 0.02, _TEAL),)),
    ("pad_reflect_11pct", (("pad", 0.11, 0.11, 0.11, 0.11, "reflect"),)),
    ("pad_white_4pct_back", (("pad", 0.04, 0.04, 0.04, 0.04, (255, 255, 255)),
                             ("back", "area"))),
    ("caption_bottom_white", (("caption", "bottom", 0.14, (255, 255, 255), (20, 20, 20),
                               "Morning light over the old harbour, 2026"),)),
    ("caption_top_black", (("caption", "top", 0.17, (0, 0, 0), (255, 255, 255),
                            "WHEN THE BUILD PASSES ON FRIDAY"),)),
    ("overlay_logo", (("logo", 0.16, 0.7),)),
    ("overlay_frame", (("frame", 0.035, (120, 84, 40)),)),
    ("overlay_text_diag", (("textdiag", "PREVIEW  sample  PREVIEW", 0.38, 27.0),)),
    ("box_16x9_black", (("box", 16, 9, (0, 0, 0)),)),
    ("box_9x16_white", (("box", 9, 16, (255, 255, 255)),)),
    ("box_1x1_blur_1080", (("box", 1, 1, "blur"), ("size", 1080, 1080, "auto"))),
    # compression
    ("jpeg_q94_444", (("jpeg", 94, 0),)),
    ("jpeg_q81_420", (("jpeg", 81, 2),)),
    ("jpeg_q63_420", (("jpeg", 63, 2),)),
    ("jpeg_q49_444", (("jpeg", 49, 0),)),
    ("jpeg_q31_420", (("jpeg", 31, 2),)),
    ("webp_q87", (("webp", 87),)),
    ("webp_q56", (("webp", 56),)),
    # scaling
    ("down_0.73_area", (("scale", 0.73, 0.73, "area"),)),
    ("down_0.41_area", (("scale", 0.41, 0.41, "area"),)),
    ("down_0.83_nearest", (("scale", 0.83, 0.83, "nearest"),)),
    ("downup_0.48_cubic", (("scale", 0.48, 0.48, "cubic"), ("back", "cubic"))),
    ("up_1.38_lanczos", (("scale", 1.38, 1.38, "lanczos"),)),
    ("up_2.07_cubic", (("scale", 2.07, 2.07, "cubic"),)),
    # sharing chains
    ("social_crop90_w1080_jpeg75", (("crop", 0.05, 0.05, 0.05, 0.05),
                                    ("width", 1080, "auto"), ("jpeg", 75, 2))),
    ("social_4x5_1080x1350_jpeg72", (("crop_aspect", 4, 5), ("size", 1080, 1350, "auto"),
                                     ("jpeg", 72, 2))),
    ("msg_0.6_jpeg60", (("scale", 0.6, 0.6, "area"), ("jpeg", 60, 2))),
    ("msg_forwarded_x2", (("scale", 0.6, 0.6, "area"), ("jpeg", 60, 2),
                          ("long", 1024, "area"), ("jpeg", 62, 2))),
    ("msg_forwarded_x3", (("scale", 0.62, 0.62, "area"), ("jpeg", 63, 2),
                          ("long", 1024, "area"), ("jpeg", 58, 2),
                          ("scale", 0.88, 0.88, "area"), ("jpeg", 61, 2))),
    # screen captures
    ("screen_browser_png", (("screen", "browser", 1.25, 1.0, "png", 0),)),
    ("screen_gallery_jpeg", (("screen", "gallery", 1.0, 0.8, "jpeg", 88),)),
    ("screen_phone_jpeg", (("screen", "phone", 3.0, 0.5, "jpeg", 85),)),
    ("screen_document_png", (("screen", "document", 1.0, 1.0, "png", 0),)),
    ("screen_slide_jpeg", (("screen", "slide", 1.0, 0.6, "jpeg", 90),)),
    # filters
    ("blur_0.8", (("blur", 0.8),)),
    ("blur_1.9", (("blur", 1.9),)),
    ("unsharp_1.3", (("unsharp", 1.3, 0.9),)),
    ("median_3", (("median", 3),)),
    ("noise_6.2", (("noise", 6.2),)),
    # tone
    ("bright_+23", (("tone", "bright", 23.0),)),
    ("bright_-31", (("tone", "bright", -31.0),)),
    ("contrast_1.27", (("tone", "contrast", 1.27),)),
    ("gamma_0.77", (("tone", "gamma", 0.77),)),
    ("gamma_1.36", (("tone", "gamma", 1.36),)),
    ("saturation_1.45", (("tone", "sat", 1.45),)),
    ("greyscale", (("tone", "grey", 0.0),)),
    # combinations
    ("combo_stretch_x1.09_jpeg71", (("scale", 1.09, 1.0, "linear"), ("jpeg", 71, 2))),
    ("combo_rot+2.2_inner_jpeg64", (("rotate", 2.2, "black", "inner"), ("jpeg", 64, 2))),
    ("combo_crop82_back_bright_jpeg79", (("crop", 0.06, 0.12, 0.12, 0.06), ("back", "cubic"),
                                         ("tone", "bright", 12.0), ("jpeg", 79, 2))),
    ("combo_flip_gamma_webp74", (("flip", "h"), ("tone", "gamma", 0.85), ("webp", 74))),
    ("combo_pad8_down0.7_jpeg69", (("pad", 0.08, 0.08, 0.08, 0.08, (255, 255, 255)),
                                   ("scale", 0.7, 0.7, "area"), ("jpeg", 69, 2))),
    ("combo_squash_contrast_jpeg83_444", (("scale", 1.0, 0.9, "area"),
                                          ("tone", "contrast", 1.15), ("jpeg", 83, 0))),
    ("combo_straighten_sat_jpeg76", (("rotate", -3.7, "black", "straighten"),
                                     ("back", "cubic"), ("tone", "sat", 1.2),
                                     ("jpeg", 76, 2))),
    ("combo_crop_offc67_down_webp62", (("crop", 0.27, 0.05, 0.06, 0.28),
                                       ("scale", 0.55, 0.55, "area"), ("webp", 62))),
    ("combo_aspect16x9_blur_jpeg58", (("aspect", 16, 9, "linear"), ("blur", 0.7),
                                      ("jpeg", 58, 2))),
    ("combo_rot-6.8_up1.3_jpeg88", (("rotate", -6.8, "black", "same"),
                                    ("scale", 1.3, 1.3, "cubic"), ("jpeg", 88, 2))),
    ("combo_grey_crop78_jpeg66", (("tone", "grey", 0.0), ("crop", 0.02, 0.2, 0.2, 0.02),
                                  ("jpeg", 66, 2))),
    ("combo_filterapp_4x5_jpeg77", (("tone", "contrast", 1.12), ("tone", "sat", 1.18),
                                    ("tone", "vignette", 0.35), ("crop_aspect", 4, 5),
                                    ("width", 1080, "auto"), ("jpeg", 77, 2))),
)


def attacks() -> list[tuple[str, Any]]:
    return [(name, functools.partial(_apply, name, steps)) for name, steps in _ATTACKS]


# ----------------------------------------------------------------------------- unmarked

_WORDS = ("lorem", "ipsum", "north", "river", "total", "2026", "alpha", "map", "OK", "Q3",
          "draft", "note", "zone", "#41", "sale", "open", "grid", "road")


def _u_dims(rng: np.random.Generator) -> tuple[int, int]:
    w = int(round(math.exp(rng.uniform(math.log(96), math.log(1100)))))
    h = int(round(math.exp(rng.uniform(math.log(96), math.log(1100)))))
    return min(1100, max(96, w)), min(1100, max(96, h))


def _u_photo(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    key = _NATURAL[int(rng.integers(len(_NATURAL)))]
    src = _source(key)
    H, W = src.shape[:2]
    cw = max(8, int(round(W * rng.uniform(0.3, 1.0))))
    ch = max(8, int(round(H * rng.uniform(0.3, 1.0))))
    x0 = int(rng.integers(0, W - cw + 1))
    y0 = int(rng.integers(0, H - ch + 1))
    crop = src[y0:y0 + ch, x0:x0 + cw]
    smin, smax = 96.0 / min(cw, ch), 1100.0 / max(cw, ch)
    if smin <= smax:
        s = math.exp(rng.uniform(math.log(smin), math.log(smax)))
    else:
        s = smin
    nw = min(1100, max(96, int(round(cw * s))))
    nh = min(1100, max(96, int(round(ch * s))))
    interp = "area" if nw * nh < cw * ch else ("linear", "cubic", "lanczos")[
        int(rng.integers(3))]
    img = _resize(crop, nw, nh, interp)
    if rng.random() < 0.5:
        img = img[:, ::-1]
    if rng.random() < 0.08:
        img = img[::-1]
    if rng.random() < 0.4:
        img = _tone(img, brightness=float(rng.normal(0.0, 10.0)),
                    contrast=float(rng.uniform(0.85, 1.2)), gamma=float(rng.uniform(0.8, 1.25)),
                    saturation=float(rng.uniform(0.7, 1.3)))
    if rng.random() < 0.3:
        img = _jpeg_rt(img, int(rng.integers(55, 96)), 2)
    return "photo_" + key, _c(img)


def _u_drawing(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w, h = _u_dims(rng)
    c = np.empty((h, w, 3), np.uint8)
    c[:] = rng.integers(0, 256, 3).astype(np.uint8)
    for _ in range(int(rng.integers(3, 26))):
        col = tuple(int(v) for v in rng.integers(0, 256, 3))
        kind = int(rng.integers(6))
        aa = cv2.LINE_AA if rng.random() < 0.6 else cv2.LINE_8
        th = -1 if rng.random() < 0.5 else int(rng.integers(1, 9))
        x0, x1 = (int(v) for v in rng.integers(-w // 8, w + w // 8, 2))
        y0, y1 = (int(v) for v in rng.integers(-h // 8, h + h // 8, 2))
        if kind == 0:
            cv2.rectangle(c, (x0, y0), (x1, y1), col, th, aa)
        elif kind == 1:
            r = int(rng.integers(2, max(3, min(w, h) // 3)))
            cv2.circle(c, (x0, y0), r, col, th, aa)
        elif kind == 2:
            cv2.line(c, (x0, y0), (x1, y1), col, max(1, abs(th)), aa)
        elif kind == 3:
            pts = np.stack([rng.integers(0, w, 5), rng.integers(0, h, 5)], 1).astype(np.int32)
            if th < 0:
                cv2.fillPoly(c, [pts], col, aa)
            else:
                cv2.polylines(c, [pts], True, col, th, aa)
        elif kind == 4:
            axes = (int(rng.integers(2, max(3, w // 3))), int(rng.integers(2, max(3, h // 3))))
            cv2.ellipse(c, (x0, y0), axes, float(rng.uniform(0, 180)), 0.0, 360.0, col, th, aa)
        else:
            text = " ".join(_WORDS[int(i)] for i in rng.integers(0, len(_WORDS), 3))
            _put(c, text, x0, y0, float(rng.uniform(0.4, 2.5)), col, float(rng.integers(1, 4)))
    return "drawing", _c(c)


def _u_noise(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w, h = _u_dims(rng)
    kind = ("gauss", "uniform", "smooth", "grey", "sparse")[int(rng.integers(5))]
    if kind == "gauss":
        mean = rng.uniform(40, 215, 3)
        x = rng.normal(0.0, rng.uniform(5, 60), (h, w, 3)) + mean
    elif kind == "uniform":
        x = rng.integers(0, 256, (h, w, 3)).astype(np.float32)
    elif kind == "smooth":
        x = rng.normal(128.0, 60.0, (h, w, 3)).astype(np.float32)
        x = cv2.GaussianBlur(x, (0, 0), float(rng.uniform(1.0, 12.0))).reshape(h, w, 3)
        x = (x - x.mean()) * (60.0 / max(1e-3, float(x.std()))) + 128.0
    elif kind == "grey":
        x = np.repeat(rng.normal(rng.uniform(60, 200), rng.uniform(3, 40), (h, w, 1)), 3, 2)
    else:
        x = np.full((h, w, 3), rng.uniform(0, 255, 3), np.float32)
        m = rng.random((h, w)) < rng.uniform(0.001, 0.05)
        x[m] = rng.uniform(0, 255, (int(m.sum()), 3))
    return "noise_" + kind, _to_u8(x)


def _u_flat(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w, h = _u_dims(rng)
    col = rng.integers(0, 256, 3)
    c = np.empty((h, w, 3), np.uint8)
    c[:] = col.astype(np.uint8)
    u = rng.random()
    if u < 0.5:
        return "flat", _c(c)
    if u < 0.8:
        return "flat_grain", _to_u8(c.astype(np.float32) + rng.normal(0, 1.5, c.shape))
    c2 = rng.integers(0, 256, 3).astype(np.uint8)
    if rng.random() < 0.5:
        c[:, int(rng.integers(1, w)):] = c2
    else:
        c[int(rng.integers(1, h)):, :] = c2
    return "flat_two", _c(c)


def _u_gradient(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w, h = _u_dims(rng)
    ang = rng.uniform(0, 2 * math.pi)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    t = (xx * math.cos(ang) + yy * math.sin(ang))
    t = (t - t.min()) / max(1e-6, float(t.max() - t.min()))
    c0, c1 = rng.uniform(0, 255, 3), rng.uniform(0, 255, 3)
    x = c0[None, None, :] * (1 - t[..., None]) + c1[None, None, :] * t[..., None]
    img = _to_u8(x)
    if rng.random() < 0.5:
        src = _source(_NATURAL[int(rng.integers(len(_NATURAL)))])
        pw = int(rng.integers(max(8, w // 5), max(9, w // 2 + 1)))
        ph = int(rng.integers(max(8, h // 5), max(9, h // 2 + 1)))
        patch = _resize(src, pw, ph, "area")
        _paste(img, patch, int(rng.integers(0, w - pw + 1)), int(rng.integers(0, h - ph + 1)))
        return "gradient_collage", _c(img)
    return "gradient", img


def unmarked(n: int = 10000, seed: int = 2026120724) -> Iterator[tuple[str, np.ndarray]]:
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        u = rng.random()
        if u < 0.56:
            kind, img = _u_photo(rng)
        elif u < 0.72:
            kind, img = _u_drawing(rng)
        elif u < 0.84:
            kind, img = _u_noise(rng)
        elif u < 0.92:
            kind, img = _u_flat(rng)
        else:
            kind, img = _u_gradient(rng)
        yield f"u{i:05d}_{kind}", img


# ----------------------------------------------------------------------------- edge cases


def edge_cases() -> list[tuple[str, np.ndarray]]:
    rng = np.random.default_rng(2026120799)
    astro = _source("astronaut")
    china = _source("china")
    coffee = _source("coffee")

    def full(h: int, w: int, col: Any) -> np.ndarray:
        a = np.empty((h, w, 3), np.uint8)
        a[:] = np.asarray(col, np.uint8)
        return a

    out: list[tuple[str, np.ndarray]] = [
        ("px_1x1_grey", full(1, 1, (127, 127, 127))),
        ("px_2x2_rgbw", np.array([[[255, 0, 0], [0, 255, 0]], [[0, 0, 255], [255, 255, 255]]],
                                 np.uint8)),
        ("tiny_3x5_noise", rng.integers(0, 256, (3, 5, 3)).astype(np.uint8)),
        ("tiny_8x8_photo", _resize(astro, 8, 8, "area")),
        ("small_17x23_photo", _resize(coffee, 23, 17, "area")),
        ("small_63x95_photo", _resize(china, 95, 63, "area")),
        ("below_min_95x95_photo", _resize(astro, 95, 95, "area")),
        ("row_1x640_gradient", _gradient(1, 640, (0, 0, 0), (255, 200, 100), vertical=False)),
        ("row_1x3001_noise", rng.integers(0, 256, (1, 3001, 3)).astype(np.uint8)),
        ("col_720x1_photo", _resize(coffee, 1, 720, "area")),
        ("col_2500x2_photo", _resize(china, 2, 2500, "cubic")),
        ("flat_black_512", full(512, 512, (0, 0, 0))),
        ("flat_white_640x480", full(480, 640, (255, 255, 255))),
        ("flat_grey_300x200", full(200, 300, (128, 128, 128))),
        ("flat_red_257x251", full(251, 257, (255, 0, 0))),
        ("near_black_400x300", rng.integers(0, 4, (300, 400, 3)).astype(np.uint8)),
        ("near_white_300x400", rng.integers(252, 256, (400, 300, 3)).astype(np.uint8)),
        ("checker_1px_512", np.repeat(((np.indices((512, 512)).sum(0) % 2) * 255)
                                      .astype(np.uint8)[..., None], 3, 2)),
        ("stripes_2px_480x360", np.repeat(((np.arange(480) // 2 % 2) * 255).astype(np.uint8)
                                          [None, :, None], 360, 0).repeat(3, 2)),
        ("noise_full_333x333", rng.integers(0, 256, (333, 333, 3)).astype(np.uint8)),
        ("extreme_wide_12x2400_photo", _resize(china[200:230], 2400, 12, "area")),
        ("extreme_tall_3000x16_photo", _resize(coffee[:, 300:320], 16, 3000, "cubic")),
        ("strip_64x4096_photo", _resize(china[180:260], 4096, 64, "cubic")),
        ("huge_4096x3072_photo", _resize(china, 4096, 3072, "cubic")),
        ("wide_pano_900x5400_photo", _resize(china[100:330], 5400, 900, "cubic")),
        ("primaries_256x384", np.concatenate(
            [full(256, 64, c) for c in ((255, 0, 0), (0, 255, 0), (0, 0, 255), (0, 255, 255),
                                        (255, 0, 255), (255, 255, 0))], axis=1)),
        ("odd_509x1021_photo", _resize(astro, 1021, 509, "cubic")),
        ("exact_min_96x96_photo", _resize(coffee, 96, 96, "area")),
    ]
    return [(name, _c(arr)) for name, arr in out]


def _png_chunk(tag: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(tag + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)


def _encode(im: Image.Image, fmt: str, **kw: Any) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def edge_case_files() -> list[tuple[str, bytes]]:
    base = _resize(_source("chelsea"), 161, 107, "area")
    im = Image.fromarray(base, "RGB")
    grey = im.convert("L")
    png = _encode(im, "PNG")
    jpg = _encode(im, "JPEG", quality=88)
    garbage = np.random.default_rng(2026120711).integers(0, 256, 4096).astype(np.uint8)

    alpha = np.tile(np.linspace(0, 255, 161).astype(np.uint8)[None, :], (107, 1))
    rgba = im.copy()
    rgba.putalpha(Image.fromarray(alpha, "L"))
    clear = im.copy()
    clear.putalpha(0)
    la = grey.copy()
    la.putalpha(Image.fromarray(alpha, "L"))

    v16 = (base.astype(np.uint16) * 257 + np.arange(161, dtype=np.uint16)[None, :, None])
    png16_rgb = cv2.imencode(".png", np.ascontiguousarray(v16[..., ::-1]))[1].tobytes()
    png16_grey = _encode(Image.fromarray(np.ascontiguousarray(v16[..., 1])), "PNG")

    def exif_jpeg(orientation: int) -> bytes:
        exif = Image.Exif()
        exif[0x0112] = orientation
        return _encode(im, "JPEG", quality=90, exif=exif.tobytes())

    frame2 = Image.fromarray(base[::-1].copy(), "RGB")
    sig = b"\x89PNG\r\n\x1a\n"
    bomb = (sig + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", 50000, 50000, 8, 2, 0, 0, 0))
            + _png_chunk(b"IDAT", zlib.compress(b"\x00" * (50000 * 3 + 1), 9))
            + _png_chunk(b"IEND", b""))
    idat = png.find(b"IDAT")
    bad_crc = bytearray(png)
    bad_crc[idat + 14] ^= 0x5A
    one = _encode(Image.new("RGB", (1, 1), (200, 30, 90)), "PNG")

    files: list[tuple[str, bytes]] = [
        ("empty.png", b""),
        ("garbage.bin", garbage.tobytes()),
        ("text.txt", b"this is not an image\n"),
        ("html_as.jpg", b"<!doctype html><html><body>404 Not Found</body></html>\n"),
        ("svg.svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">'
                    b'<rect width="64" height="64" fill="#c33"/></svg>\n'),
        ("png_truncated_half.png", png[: len(png) // 2]),
        ("png_header_only.png", png[:33]),
        ("png_bad_crc.png", bytes(bad_crc)),
        ("png_wrong_signature.png", b"\x89PNX" + png[4:]),
        ("png_bomb_header_50000x50000.png", bomb),
        ("png_1x1.png", one),
        ("png_rgb16.png", png16_rgb),
        ("png_grey16.png", png16_grey),
        ("png_rgba_gradient_alpha.png", _encode(rgba, "PNG")),
        ("png_rgba_fully_transparent.png", _encode(clear, "PNG")),
        ("png_grey_alpha.png", _encode(la, "PNG")),
        ("png_palette.png", _encode(im.convert("P", palette=Image.Palette.ADAPTIVE, colors=48),
                                    "PNG")),
        ("png_palette_trns.png", _encode(im.convert("P", palette=Image.Palette.ADAPTIVE,
                                                    colors=16), "PNG", transparency=0)),
        ("png_grey.png", _encode(grey, "PNG")),
        ("png_1bit.png", _encode(grey.convert("1"), "PNG")),
        ("apng_2frames.png", _encode(im, "PNG", save_all=True, append_images=[frame2],
                                     duration=100, loop=0)),
        ("jpeg_truncated_60pct.jpg", jpg[: int(len(jpg) * 0.6)]),
        ("jpeg_soi_only.jpg", b"\xff\xd8\xff"),
        ("jpeg_trailing_garbage.jpg", jpg + b"GARBAGE!" * 64),
        ("jpeg_grey.jpg", _encode(grey, "JPEG", quality=85)),
        ("jpeg_cmyk.jpg", _encode(im.convert("CMYK"), "JPEG", quality=85)),
        ("jpeg_progressive.jpg", _encode(im, "JPEG", quality=80, progressive=True)),
        ("jpeg_q100_444.jpg", _encode(im, "JPEG", quality=100, subsampling=0)),
        ("jpeg_exif_orientation_6.jpg", exif_jpeg(6)),
        ("jpeg_exif_orientation_3.jpg", exif_jpeg(3)),
        ("jpeg_exif_orientation_8.jpg", exif_jpeg(8)),
        ("gif_2frames.gif", _encode(im, "GIF", save_all=True, append_images=[frame2],
                                    duration=120, loop=0)),
        ("webp_lossless.webp", _encode(im, "WEBP", lossless=True)),
        ("webp_alpha.webp", _encode(rgba, "WEBP", quality=80)),
        ("bmp_24.bmp", _encode(im, "BMP")),
        ("tiff_rgb.tiff", _encode(im, "TIFF")),
    ]
    return files
