"""Held-out watermark test set, round 2026-12-07z: blind and frozen.

PROVENANCE
    Written by an independent tester who was not told, and did not look up, how the
    watermark works. Files read: /work/main/pyproject.toml;
    /work/main/safegen/backends/__init__.py, base.py and builtin.py (only to learn how to call
    the built-in offline image model); the few docstring lines of
    /work/main/benchmarks/watermark_heldout.py that name the held-out sets (to add this one).
    Package sample images were located with importlib.util.find_spec (skimage/data/*.png|jpg,
    sklearn/datasets/images/*.jpg) and read as files. Run: this module only, to check its own
    outputs (shapes, dtypes, contiguity, determinism, every attack on a 256x256 image and on
    the largest image, unmarked(300), edge cases), and the built-in model
    (safegen.backends.builtin.BuiltinBackend, threads=1) once to make the six generated
    images. Not opened, grepped, imported or run: anything under safegen/watermark/, docs/,
    tests/, benchmarks/ (other than this file, its cache_z/ folder and the docstring lines
    above), README.md, any other held-out set, any watermark encoder or decoder, any
    benchmark result. (The number of entries in benchmarks/heldout/ was counted once, by
    mistake, without reading any name or content, and `git status --short` was run once,
    by mistake, before writing.) Every parameter was chosen before and
    without seeing any watermark result.

FROZEN
    This file is never edited, not even for style: its sha256 is its identity.

SOURCES
    Photos: fixed crops, rescales and tone changes of scikit-image's sample images
    (skimage/data: astronaut, chelsea, coffee, hubble_deep_field, motorcycle_left/right,
    retina, rocket, ihc, brick, gravel, grass, moon, camera) and scikit-learn's
    (sklearn/datasets/images: china, flower). Generated: the built-in offline model of
    safegen.backends.builtin at its native 256x256 with the prompts and seeds in _GENERATED,
    cached as PNG in CACHE_DIR and regenerated when absent. Screenshots and graphics: drawn
    here with numpy and OpenCV. Only numpy, Pillow, OpenCV and safegen.backends.builtin are
    used.

INTERFACE
    ROUND = "2026-12-07z"; CACHE_DIR = Path(__file__).resolve().parent / "cache_z".
    images() -> list of (name, image_class, rgb): image_class in {"photo", "generated",
    "graphic", "screenshot"}; rgb a C-contiguous uint8 (H, W, 3) array.
    attacks() -> list of (name, fn): fn(rgb) -> new C-contiguous uint8 (H', W', 3);
    deterministic (noise seeded from the attack name, the image's shape and bytes); the
    first is "none" (a copy).
    unmarked(n=10000, seed=2026120726) -> iterator of (name, rgb): item i depends only on
    np.random.default_rng([seed, i]) and the package sample images; both sides in 96..1100.
    edge_cases() -> list of (name, rgb): awkward uint8 RGB arrays.
    edge_case_files() -> list of (name, bytes): awkward encoded files, byte-identical per run.

IMAGES (28; name, class, width x height)
    photo_astronaut_gamma_512  photo  512x512
    photo_chelsea_crop_431x283  photo  431x283
    photo_coffee_up_1530x1020  photo  1530x1020
    photo_hubble_dark_1870x1631  photo  1870x1631
    photo_motorcycle_pano_1983x615  photo  1983x615
    photo_retina_dark_portrait_930x1320  photo  930x1320
    photo_rocket_pale_portrait_388x552  photo  388x552
    photo_china_pale_sky_2000x1334  photo  2000x1334
    photo_flower_square_258  photo  258x258
    photo_ihc_texture_1024  photo  1024x1024
    photo_brick_warm_texture_777  photo  777x777
    photo_gravel_wide_texture_1409x512  photo  1409x512
    photo_grass_green_texture_480x361  photo  480x361
    photo_moon_dark_grey_640  photo  640x640
    photo_camera_grey_portrait_318x462  photo  318x462
    photo_flower_on_white_1200x900  photo  1200x900
    photo_motorcycle_bright_1100x742  photo  1100x742
    photo_chelsea_night_1202x800  photo  1202x800
    generated_lake_sunset_pines  generated  256x256
    generated_snow_peaks_pale_sky  generated  256x256
    generated_desert_night  generated  256x256
    generated_green_hills_river  generated  256x256
    generated_autumn_forest_fog  generated  256x256
    generated_stormy_sea_dusk  generated  256x256
    screenshot_settings_light_1280x800  screenshot  1280x800
    screenshot_code_dark_1366x768  screenshot  1366x768
    graphic_bar_chart_900x600  graphic  900x600
    graphic_poster_gradient_720x1024  graphic  720x1024
ATTACKS (90, including 12 combinations)
    none, flip_horizontal, flip_vertical, stretch_x_1p13, stretch_y_1p21,
    stretch_both_1p07x1p17, squash_x_0p81, aspect_to_4x3, aspect_to_9x16, crop_centre_87,
    crop_centre_63, crop_offcentre_71, crop_corner_tl_58, crop_right_side_83,
    crop_two_sides_93x69, crop_centre_54_back, crop_offcentre_79_back, crop_br_66x88_back,
    rot_p2p7_black, rot_m4p3_white, rot_p7p9_reflect, rot_m9p6_expand_black,
    rot_p5p2_expand_white, rot_p3p3_inner_crop, rot_m6p1_inner_crop_back, straighten_p1p4,
    pad_white_6pct, pad_black_13pct, pad_uneven_teal, pad_reflect_11pct, pad_blurred_19pct,
    caption_white_bottom, caption_black_top, overlay_logo, overlay_frame, overlay_text,
    overlay_stickers, letterbox_2p35_black, pillarbox_4x5_white, fit_square_blurred,
    fit_16x9_navy_1280, jpeg_31_420, jpeg_52_420, jpeg_68_444, jpeg_79_420, jpeg_93_444,
    webp_53, webp_86, down_0p43, down_up_0p37, down_up_0p58, up_1p63,
    social_crop89_1080_jpeg74, social_portrait_4x5_jpeg76, messaging_0p6_jpeg60,
    messaging_forward_x2, messaging_forward_x3, screen_browser_light_png,
    screen_browser_dark_jpeg, screen_gallery_dark_png, screen_phone_app_jpeg,
    screen_document_viewer_png, screen_slide_jpeg, screen_video_player_png,
    screen_chat_app_jpeg, blur_gauss_1p3, unsharp_0p9, median_3, noise_gauss_4p7,
    denoise_bilateral, brightness_p23, brightness_m31, contrast_0p74, gamma_0p79, gamma_1p37,
    saturation_0p43, greyscale, sepia, combo_rot_m2p3_inner_back_jpeg67,
    combo_crop83_back_bright_p14_webp64, combo_hflip_crop91_jpeg72,
    combo_stretch_x_1p11_contrast_1p13_jpeg57, combo_pad_white_9pct_down_0p8_jpeg83,
    combo_down_0p52_gamma_1p19_jpeg69, combo_grey_crop_offcentre_jpeg66,
    combo_rot_p3p7_expand_white_1080_jpeg79, combo_saturation_1p3_crop_corner_webp61,
    combo_blur_0p8_noise_3p1_jpeg74_444, combo_letterbox_blur_16x9_down_0p6_jpeg71,
    combo_screen_chat_then_messaging.
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

import cv2
import numpy as np
from PIL import Image

ROUND = "2026-12-07z"
CACHE_DIR = Path(__file__).resolve().parent / "cache_z"

Attack = Callable[[np.ndarray], np.ndarray]
FONT = cv2.FONT_HERSHEY_SIMPLEX
AA = cv2.LINE_AA

# ----------------------------------------------------------------------------- sources


def _pkg_dir(module: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"{module} is not installed (the held-out set reads its images)")
    return Path(list(spec.submodule_search_locations)[0]).joinpath(*parts)


@functools.cache
def _src(name: str) -> np.ndarray:
    """A package sample image as read-only RGB uint8 (alpha composited on white)."""
    if name in ("china.jpg", "flower.jpg"):
        path = _pkg_dir("sklearn", "datasets", "images", name)
    else:
        path = _pkg_dir("skimage", "data", name)
    with Image.open(path) as im:
        im.load()
        if im.mode in ("RGBA", "LA", "P", "PA"):
            rgba = im.convert("RGBA")
            bg = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            im2 = Image.alpha_composite(bg, rgba).convert("RGB")
        else:
            im2 = im.convert("RGB")
        arr = np.ascontiguousarray(np.asarray(im2, dtype=np.uint8))
    arr.setflags(write=False)
    return arr


# ----------------------------------------------------------------------------- helpers


def _c(a: np.ndarray) -> np.ndarray:
    """C-contiguous uint8 (H, W, 3), rounding and clipping floats."""
    a = np.asarray(a)
    if a.dtype != np.uint8:
        a = np.clip(np.rint(a), 0, 255).astype(np.uint8)
    if a.ndim == 2:
        a = np.repeat(a[:, :, None], 3, axis=2)
    return np.ascontiguousarray(a[:, :, :3])


def _f(a: np.ndarray) -> np.ndarray:
    return a.astype(np.float32)


def _rng(name: str, a: np.ndarray) -> np.random.Generator:
    h = hashlib.sha256()
    h.update(name.encode())
    h.update(repr(tuple(a.shape)).encode())
    h.update(np.ascontiguousarray(a).tobytes())
    return np.random.default_rng(int.from_bytes(h.digest()[:16], "little"))


def _resize(a: np.ndarray, w: float, h: float, interp: int | None = None) -> np.ndarray:
    w, h = max(1, int(round(w))), max(1, int(round(h)))
    if interp is None:
        smaller = w * h < a.shape[0] * a.shape[1]
        interp = cv2.INTER_AREA if smaller else cv2.INTER_CUBIC
    return _c(cv2.resize(np.ascontiguousarray(a), (w, h), interpolation=interp))


def _scale(a: np.ndarray, s: float, interp: int | None = None) -> np.ndarray:
    return _resize(a, a.shape[1] * s, a.shape[0] * s, interp)


def _fit(a: np.ndarray, bw: int, bh: int, up: bool) -> np.ndarray:
    h, w = a.shape[:2]
    s = min(bw / w, bh / h)
    if not up:
        s = min(s, 1.0)
    if abs(s - 1.0) < 1e-9:
        return _c(a)
    interp = cv2.INTER_AREA if s < 1 else cv2.INTER_LINEAR
    return _resize(a, w * s, h * s, interp)


def _paste(canvas: np.ndarray, img: np.ndarray, x: int, y: int) -> None:
    h, w = img.shape[:2]
    canvas[y:y + h, x:x + w] = img


def _paste_centre(canvas: np.ndarray, img: np.ndarray, bx: int, by: int, bw: int,
                  bh: int) -> tuple[int, int, int, int]:
    h, w = img.shape[:2]
    x, y = bx + (bw - w) // 2, by + (bh - h) // 2
    _paste(canvas, img, x, y)
    return x, y, w, h


def _gamma(a: np.ndarray, g: float) -> np.ndarray:
    lut = np.clip(np.rint(255.0 * (np.arange(256) / 255.0) ** g), 0, 255).astype(np.uint8)
    return _c(lut[a])


def _lin(a: np.ndarray, gain: float, offset: float) -> np.ndarray:
    return _c(_f(a) * gain + offset)


def _contrast(a: np.ndarray, c: float) -> np.ndarray:
    return _c((_f(a) - 127.5) * c + 127.5)


def _luma(a: np.ndarray) -> np.ndarray:
    return _f(a) @ np.array([0.299, 0.587, 0.114], np.float32)


def _saturation(a: np.ndarray, s: float) -> np.ndarray:
    y = _luma(a)[:, :, None]
    return _c(y + s * (_f(a) - y))


def _grey(a: np.ndarray) -> np.ndarray:
    return _c(_luma(a))


def _sepia(a: np.ndarray) -> np.ndarray:
    m = np.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]],
                 np.float32)
    return _c(_f(a) @ m.T)


def _tint(a: np.ndarray, mul: tuple[float, float, float], add: tuple[float, float, float]
          ) -> np.ndarray:
    return _c(_f(a) * np.array(mul, np.float32) + np.array(add, np.float32))


def _decode(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as im:
        return _c(np.asarray(im.convert("RGB")))


def _jpeg_bytes(a: np.ndarray, q: int, sub: int = 2, **kw: object) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(_c(a)).save(buf, "JPEG", quality=q, subsampling=sub, **kw)
    return buf.getvalue()


def _jpeg(a: np.ndarray, q: int, sub: int = 2) -> np.ndarray:
    return _decode(_jpeg_bytes(a, q, sub))


def _webp(a: np.ndarray, q: int) -> np.ndarray:
    buf = io.BytesIO()
    Image.fromarray(_c(a)).save(buf, "WEBP", quality=q, method=4)
    return _decode(buf.getvalue())


def _blend(a: np.ndarray, layer: np.ndarray, alpha: float) -> np.ndarray:
    return _c(_f(a) * (1.0 - alpha) + _f(layer) * alpha)


def _blur_bg(a: np.ndarray, w: int, h: int, dim: float = 0.82) -> np.ndarray:
    small = _resize(a, max(2, w // 17), max(2, h // 17), cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (0, 0), 1.9)
    big = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
    return _c(_f(big) * dim)


def _text(c: np.ndarray, s: str, x: float, y: float, scale: float, col: tuple[int, ...],
          th: int = 1) -> None:
    cv2.putText(c, s, (int(x), int(y)), FONT, scale, col, max(1, th), AA)


def _bars(c: np.ndarray, x: int, y: int, w: int, n: int, col: tuple[int, ...], step: int,
          hgt: int) -> None:
    lengths = (0.93, 0.81, 0.97, 0.64, 0.88, 0.72, 0.95, 0.41, 0.86, 0.77, 0.58, 0.91)
    for k in range(n):
        ln = int(w * lengths[k % len(lengths)])
        cv2.rectangle(c, (x, y + k * step), (x + ln, y + k * step + hgt), col, -1)


# ----------------------------------------------------------------------------- images


def _photo_specs() -> list[tuple[str, Callable[[], np.ndarray]]]:
    def astronaut() -> np.ndarray:
        return _gamma(np.array(_src("astronaut.png")), 0.92)

    def chelsea_small() -> np.ndarray:
        return _c(_src("chelsea.png")[9:292, 12:443])

    def coffee_up() -> np.ndarray:
        return _resize(_src("coffee.png"), 1530, 1020, cv2.INTER_LANCZOS4)

    def hubble_dark() -> np.ndarray:
        a = _resize(_src("hubble_deep_field.jpg")[20:852, 40:994], 1870, 1631, cv2.INTER_CUBIC)
        return _lin(_gamma(a, 1.47), 0.83, 0.0)

    def motorcycle_pano() -> np.ndarray:
        return _resize(_src("motorcycle_left.png")[130:360], 1983, 615, cv2.INTER_CUBIC)

    def retina_portrait() -> np.ndarray:
        return _c(_src("retina.jpg")[45:1365, 240:1170])

    def rocket_pale() -> np.ndarray:
        a = _resize(_src("rocket.jpg")[:, 170:470], 388, 552, cv2.INTER_CUBIC)
        return _lin(a, 0.69, 79.0)

    def china_pale_sky() -> np.ndarray:
        a = _f(_resize(_src("china.jpg"), 2000, 1334, cv2.INTER_CUBIC))
        wgt = (np.clip(1.0 - np.arange(1334) / 800.0, 0, 1) ** 2 * 0.61)[:, None, None]
        return _c(a * (1 - wgt) + 252.0 * wgt)

    def flower_square() -> np.ndarray:
        return _c(_src("flower.jpg")[84:342, 191:449])

    def ihc_texture() -> np.ndarray:
        return _resize(_src("ihc.png"), 1024, 1024, cv2.INTER_CUBIC)

    def brick_warm() -> np.ndarray:
        a = _tint(_src("brick.png"), (1.0, 0.71, 0.53), (14.0, 6.0, 3.0))
        return _resize(a, 777, 777, cv2.INTER_CUBIC)

    def gravel_wide() -> np.ndarray:
        g = _src("gravel.png")
        a = np.concatenate([g, g[:, ::-1], g], axis=1)[:, 37:1446]
        return _tint(a, (0.93, 0.9, 0.83), (9.0, 7.0, 2.0))

    def grass_green() -> np.ndarray:
        a = _src("grass.png")[71:432, 17:497]
        return _tint(a, (0.52, 0.91, 0.38), (12.0, 21.0, 5.0))

    def moon_dark() -> np.ndarray:
        return _lin(_resize(_src("moon.png"), 640, 640, cv2.INTER_CUBIC), 0.66, 0.0)

    def camera_portrait() -> np.ndarray:
        return _c(_src("camera.png")[20:482, 97:415])

    def flower_on_white() -> np.ndarray:
        canvas = np.full((900, 1200, 3), 255, np.uint8)
        f = _resize(_src("flower.jpg"), 652, 435, cv2.INTER_AREA)
        cv2.rectangle(canvas, (287, 249), (287 + 652 + 9, 249 + 435 + 9), (228, 228, 228), -1)
        canvas = _c(cv2.GaussianBlur(canvas, (0, 0), 4.3))
        _paste(canvas, f, 281, 241)
        return canvas

    def motorcycle_bright() -> np.ndarray:
        a = _resize(_src("motorcycle_right.png"), 1100, 742, cv2.INTER_CUBIC)
        return _contrast(_lin(a, 1.0, 41.0), 1.09)

    def chelsea_night() -> np.ndarray:
        a = _resize(_src("chelsea.png"), 1202, 800, cv2.INTER_CUBIC)
        return _tint(_gamma(a, 1.31), (0.33, 0.37, 0.49), (1.0, 2.0, 6.0))

    return [
        ("photo_astronaut_gamma_512", astronaut),
        ("photo_chelsea_crop_431x283", chelsea_small),
        ("photo_coffee_up_1530x1020", coffee_up),
        ("photo_hubble_dark_1870x1631", hubble_dark),
        ("photo_motorcycle_pano_1983x615", motorcycle_pano),
        ("photo_retina_dark_portrait_930x1320", retina_portrait),
        ("photo_rocket_pale_portrait_388x552", rocket_pale),
        ("photo_china_pale_sky_2000x1334", china_pale_sky),
        ("photo_flower_square_258", flower_square),
        ("photo_ihc_texture_1024", ihc_texture),
        ("photo_brick_warm_texture_777", brick_warm),
        ("photo_gravel_wide_texture_1409x512", gravel_wide),
        ("photo_grass_green_texture_480x361", grass_green),
        ("photo_moon_dark_grey_640", moon_dark),
        ("photo_camera_grey_portrait_318x462", camera_portrait),
        ("photo_flower_on_white_1200x900", flower_on_white),
        ("photo_motorcycle_bright_1100x742", motorcycle_bright),
        ("photo_chelsea_night_1202x800", chelsea_night),
    ]


_GENERATED = (
    ("generated_lake_sunset_pines", "a calm lake at sunset with dark pine trees", 7311),
    ("generated_snow_peaks_pale_sky", "snowy mountains under a pale hazy sky", 90417),
    ("generated_desert_night", "a sand desert at night under a deep blue sky", 25533),
    ("generated_green_hills_river", "green rolling hills at noon with a winding river", 61829),
    ("generated_autumn_forest_fog", "an orange autumn forest in morning fog", 4406),
    ("generated_stormy_sea_dusk", "a stormy sea at dusk with purple clouds", 173259),
)


def _generated(name: str, prompt: str, seed: int) -> np.ndarray:
    path = CACHE_DIR / f"{name}_{seed}.png"
    if not path.exists():
        from safegen.backends.base import BackendRequest
        from safegen.backends.builtin import BuiltinBackend

        backend = _builtin_backend(BuiltinBackend)
        out = backend.generate(BackendRequest(prompt=prompt, negative_prompt=None, seeds=(seed,)))
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.png")
        out[0].convert("RGB").save(tmp, "PNG")
        tmp.replace(path)
    with Image.open(path) as im:
        return _c(np.asarray(im.convert("RGB")))


@functools.lru_cache(maxsize=1)
def _builtin_backend(cls: type) -> object:
    return cls(threads=1)


def _screenshot_settings() -> np.ndarray:
    w, h = 1280, 800
    c = np.full((h, w, 3), (246, 247, 249), np.uint8)
    cv2.rectangle(c, (0, 0), (w, 52), (255, 255, 255), -1)
    cv2.line(c, (0, 52), (w, 52), (221, 223, 228), 1)
    _text(c, "Settings", 24, 34, 0.8, (33, 37, 41), 2)
    cv2.rectangle(c, (0, 53), (246, h), (238, 240, 244), -1)
    items = ("General", "Account", "Privacy", "Notifications", "Display", "Storage", "About")
    for k, it in enumerate(items):
        y = 96 + 46 * k
        if k == 2:
            cv2.rectangle(c, (10, y - 28), (236, y + 14), (219, 231, 252), -1)
        _text(c, it, 30, y, 0.58, (52, 58, 64) if k != 2 else (26, 86, 219), 1)
    _text(c, "Privacy", 290, 110, 1.0, (33, 37, 41), 2)
    rows = ("Share usage statistics", "Personalised suggestions", "Location history",
            "Show read receipts", "Allow contact sync", "Blur previews in app switcher")
    for k, r in enumerate(rows):
        y = 170 + 78 * k
        cv2.rectangle(c, (290, y - 34), (1220, y + 30), (255, 255, 255), -1)
        cv2.rectangle(c, (290, y - 34), (1220, y + 30), (226, 229, 233), 1)
        _text(c, r, 312, y + 6, 0.6, (40, 44, 52), 1)
        on = k in (0, 3, 5)
        cv2.rectangle(c, (1130, y - 12), (1190, y + 16), (52, 120, 246) if on else (200, 204, 210),
                      -1)
        cv2.circle(c, (1176 if on else 1144, y + 2), 11, (255, 255, 255), -1, AA)
    cv2.rectangle(c, (1040, 700), (1220, 748), (52, 120, 246), -1)
    _text(c, "Save changes", 1062, 731, 0.6, (255, 255, 255), 1)
    return _c(c)


def _screenshot_code() -> np.ndarray:
    w, h = 1366, 768
    c = np.full((h, w, 3), (30, 30, 30), np.uint8)
    cv2.rectangle(c, (0, 0), (w, 30), (51, 51, 51), -1)
    cv2.rectangle(c, (0, 30), (48, h), (44, 44, 44), -1)
    cv2.rectangle(c, (48, 30), (300, h), (37, 37, 38), -1)
    cv2.rectangle(c, (0, h - 22), (w, h), (0, 122, 204), -1)
    for k, f in enumerate(("main.py", "render.py", "utils.py", "config.yaml", "README.txt")):
        _text(c, f, 70, 64 + 26 * k, 0.48, (204, 204, 204), 1)
    cv2.rectangle(c, (300, 30), (520, 62), (30, 30, 30), -1)
    _text(c, "render.py", 318, 52, 0.5, (255, 255, 255), 1)
    code = [
        ("def render(scene, width, height):", (86, 156, 214)),
        ("    buffer = allocate(width * height * 3)", (212, 212, 212)),
        ("    for y in range(height):", (197, 134, 192)),
        ("        for x in range(width):", (197, 134, 192)),
        ("            ray = scene.camera.ray(x, y)", (212, 212, 212)),
        ("            colour = trace(scene, ray, depth=5)", (220, 220, 170)),
        ("            buffer.write(x, y, colour)", (212, 212, 212)),
        ("    return buffer  # 24-bit RGB", (106, 153, 85)),
        ("", (0, 0, 0)),
        ("class Sphere:", (78, 201, 176)),
        ("    radius: float = 1.0", (181, 206, 168)),
        ("    centre: tuple = (0.0, 0.0, -3.5)", (206, 145, 120)),
    ]
    for k, (line, col) in enumerate(code * 2):
        y = 92 + 26 * k
        if y > h - 30:
            break
        _text(c, str(k + 1), 316, y, 0.45, (133, 133, 133), 1)
        _text(c, line, 370, y, 0.52, col, 1)
    _text(c, "Ln 14, Col 27   UTF-8   Python 3.11", 1010, h - 6, 0.42, (255, 255, 255), 1)
    return _c(c)


def _graphic_chart() -> np.ndarray:
    w, h = 900, 600
    c = np.full((h, w, 3), (255, 255, 255), np.uint8)
    _text(c, "Quarterly revenue by region", 40, 52, 0.9, (20, 20, 20), 2)
    cv2.line(c, (90, 520), (860, 520), (60, 60, 60), 2)
    cv2.line(c, (90, 90), (90, 520), (60, 60, 60), 2)
    for k in range(5):
        y = 520 - 86 * k
        cv2.line(c, (92, y), (860, y), (228, 228, 228), 1)
        _text(c, f"{k * 25}", 48, y + 6, 0.5, (90, 90, 90), 1)
    cols = ((31, 119, 180), (255, 127, 14), (44, 160, 44))
    vals = ((61, 74, 38), (83, 57, 49), (97, 66, 71), (112, 79, 58))
    for q, vs in enumerate(vals):
        for r, v in enumerate(vs):
            x = 130 + q * 185 + r * 46
            cv2.rectangle(c, (x, 520 - int(v * 3.44)), (x + 38, 519), cols[r], -1)
        _text(c, f"Q{q + 1}", 180 + q * 185, 550, 0.6, (40, 40, 40), 1)
    for r, lab in enumerate(("North", "South", "West")):
        cv2.rectangle(c, (620 + r * 90, 74), (636 + r * 90, 90), cols[r], -1)
        _text(c, lab, 642 + r * 90, 89, 0.45, (40, 40, 40), 1)
    return _c(c)


def _graphic_poster() -> np.ndarray:
    w, h = 720, 1024
    t = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None, None]
    top = np.array([255, 94, 98], np.float32)
    bot = np.array([62, 42, 148], np.float32)
    c = _c(np.broadcast_to(top * (1 - t) + bot * t, (h, w, 3)))
    cv2.circle(c, (520, 300), 190, (255, 204, 92), -1, AA)
    cv2.circle(c, (180, 720), 120, (255, 255, 255), 6, AA)
    pts = np.array([[90, 930], [360, 560], [640, 930]], np.int32)
    cv2.fillPoly(c, [pts], (24, 18, 64), AA)
    _text(c, "SUMMER", 60, 170, 2.6, (255, 255, 255), 7)
    _text(c, "NIGHTS", 60, 260, 2.6, (255, 255, 255), 7)
    _text(c, "LIVE MUSIC - 21.06 - OPEN AIR", 70, 990, 0.8, (255, 236, 200), 2)
    return _c(c)


def images() -> list[tuple[str, str, np.ndarray]]:
    """The held-out images: (name, image_class, rgb)."""
    out: list[tuple[str, str, np.ndarray]] = []
    for name, fn in _photo_specs():
        out.append((name, "photo", _c(fn())))
    for name, prompt, seed in _GENERATED:
        out.append((name, "generated", _generated(name, prompt, seed)))
    out.append(("screenshot_settings_light_1280x800", "screenshot", _screenshot_settings()))
    out.append(("screenshot_code_dark_1366x768", "screenshot", _screenshot_code()))
    out.append(("graphic_bar_chart_900x600", "graphic", _graphic_chart()))
    out.append(("graphic_poster_gradient_720x1024", "graphic", _graphic_poster()))
    return out


# ----------------------------------------------------------------------------- attacks


def _crop(a: np.ndarray, x0: float, y0: float, x1: float, y1: float, back: bool = False
          ) -> np.ndarray:
    h, w = a.shape[:2]
    left, top = int(round(x0 * w)), int(round(y0 * h))
    right, bottom = max(left + 1, int(round(x1 * w))), max(top + 1, int(round(y1 * h)))
    out = _c(a[top:bottom, left:right])
    return _resize(out, w, h) if back else out


def _inner_rect(w: float, h: float, rad: float) -> tuple[float, float]:
    """Largest axis-aligned rectangle inside a w x h rectangle rotated by rad."""
    long_w = w >= h
    side_long, side_short = (w, h) if long_w else (h, w)
    sin_a, cos_a = abs(math.sin(rad)), abs(math.cos(rad))
    if side_short <= 2.0 * sin_a * cos_a * side_long or abs(sin_a - cos_a) < 1e-10:
        x = 0.5 * side_short
        wr, hr = (x / sin_a, x / cos_a) if long_w else (x / cos_a, x / sin_a)
    else:
        cos_2a = cos_a * cos_a - sin_a * sin_a
        wr, hr = (w * cos_a - h * sin_a) / cos_2a, (h * cos_a - w * sin_a) / cos_2a
    return wr, hr


def _rotate(a: np.ndarray, deg: float, fill: str = "black", expand: bool = False,
            inner: bool = False, back: bool = False) -> np.ndarray:
    h, w = a.shape[:2]
    m = cv2.getRotationMatrix2D(((w - 1) / 2.0, (h - 1) / 2.0), deg, 1.0)
    rad = math.radians(deg)
    ow, oh = w, h
    if expand:
        cs, sn = abs(math.cos(rad)), abs(math.sin(rad))
        ow, oh = int(math.ceil(w * cs + h * sn)), int(math.ceil(w * sn + h * cs))
        m[0, 2] += (ow - w) / 2.0
        m[1, 2] += (oh - h) / 2.0
    if fill == "reflect":
        out = cv2.warpAffine(a, m, (ow, oh), flags=cv2.INTER_LINEAR,
                             borderMode=cv2.BORDER_REFLECT_101)
    else:
        val = (255, 255, 255) if fill == "white" else (0, 0, 0)
        out = cv2.warpAffine(a, m, (ow, oh), flags=cv2.INTER_LINEAR,
                             borderMode=cv2.BORDER_CONSTANT, borderValue=val)
    if inner:
        wr, hr = _inner_rect(w, h, rad)
        wi, hi = max(1, int(math.floor(wr)) - 2), max(1, int(math.floor(hr)) - 2)
        x0, y0 = (ow - wi) // 2, (oh - hi) // 2
        out = out[y0:y0 + hi, x0:x0 + wi]
    out = _c(out)
    return _resize(out, w, h) if back else out


def _pad(a: np.ndarray, t: float, b: float, left: float, r: float, fill: object) -> np.ndarray:
    h, w = a.shape[:2]
    pt, pb, pl, pr = (int(round(t * h)), int(round(b * h)), int(round(left * w)),
                      int(round(r * w)))
    if fill == "reflect":
        return _c(cv2.copyMakeBorder(a, pt, pb, pl, pr, cv2.BORDER_REFLECT))
    ch, cw = h + pt + pb, w + pl + pr
    if fill == "blur":
        canvas = _blur_bg(a, cw, ch)
    else:
        canvas = np.empty((ch, cw, 3), np.uint8)
        canvas[:] = np.array(fill, np.uint8)
    _paste(canvas, a, pl, pt)
    return _c(canvas)


def _fit_aspect(a: np.ndarray, aspect: float, fill: object,
                out_size: tuple[int, int] | None = None) -> np.ndarray:
    h, w = a.shape[:2]
    if w / h < aspect:
        cw, ch = int(round(h * aspect)), h
    else:
        cw, ch = w, int(round(w / aspect))
    if fill == "blur":
        canvas = _blur_bg(a, cw, ch, 0.7)
    else:
        canvas = np.empty((ch, cw, 3), np.uint8)
        canvas[:] = np.array(fill, np.uint8)
    _paste_centre(canvas, a, 0, 0, cw, ch)
    if out_size is not None:
        return _resize(canvas, out_size[0], out_size[1])
    return _c(canvas)


def _caption(a: np.ndarray, frac: float, top: bool, bg: tuple[int, int, int],
             fg: tuple[int, int, int], text: str) -> np.ndarray:
    h, w = a.shape[:2]
    bh = max(10, int(round(frac * h)))
    band = np.empty((bh, w, 3), np.uint8)
    band[:] = np.array(bg, np.uint8)
    scale = max(0.25, min(bh / 52.0, w / (len(text) * 21.0)))
    _text(band, text, 0.035 * w, bh * 0.64, scale, fg, int(round(scale * 2.1)))
    return _c(np.concatenate([band, a] if top else [a, band], axis=0))


def _overlay_logo(a: np.ndarray) -> np.ndarray:
    h, w = a.shape[:2]
    r = max(6, int(0.071 * min(h, w)))
    cx, cy = w - int(1.43 * r) - int(0.023 * w), h - int(1.43 * r) - int(0.031 * h)
    layer = a.copy()
    cv2.circle(layer, (cx, cy), r, (236, 64, 52), -1, AA)
    cv2.circle(layer, (cx, cy), int(r * 0.83), (255, 255, 255), max(1, r // 9), AA)
    _text(layer, "ZQ", cx - 0.62 * r, cy + 0.36 * r, r / 34.0, (255, 255, 255), max(1, r // 10))
    return _blend(a, layer, 0.87)


def _overlay_frame(a: np.ndarray) -> np.ndarray:
    h, w = a.shape[:2]
    t = max(2, int(0.037 * min(h, w)))
    out = a.copy()
    cv2.rectangle(out, (0, 0), (w - 1, h - 1), (196, 168, 92), 2 * t)
    cv2.rectangle(out, (t + t // 2, t + t // 2), (w - 1 - t - t // 2, h - 1 - t - t // 2),
                  (92, 62, 28), max(1, t // 3))
    return _c(out)


def _overlay_text(a: np.ndarray) -> np.ndarray:
    h, w = a.shape[:2]
    layer = a.copy()
    s = "(c) Quill & Zed Photography 2026"
    scale = max(0.3, w / (len(s) * 23.0))
    for k, fy in enumerate((0.27, 0.56, 0.86)):
        _text(layer, s, w * (0.04 + 0.05 * k), h * fy, scale, (255, 255, 255),
              max(1, int(scale * 2.2)))
    return _blend(a, layer, 0.37)


def _overlay_stickers(name: str, a: np.ndarray) -> np.ndarray:
    rng = _rng(name, a)
    h, w = a.shape[:2]
    out = a.copy()
    m = min(h, w)
    for k in range(5):
        r = int(m * rng.uniform(0.06, 0.13))
        cx, cy = int(rng.uniform(0.1, 0.9) * w), int(rng.uniform(0.1, 0.9) * h)
        if k % 3 == 0:
            cv2.circle(out, (cx, cy), r, (255, 214, 38), -1, AA)
            cv2.circle(out, (cx - r // 3, cy - r // 4), max(1, r // 8), (40, 30, 10), -1, AA)
            cv2.circle(out, (cx + r // 3, cy - r // 4), max(1, r // 8), (40, 30, 10), -1, AA)
            cv2.ellipse(out, (cx, cy + r // 8), (r // 2, r // 3), 0, 20, 160, (40, 30, 10),
                        max(1, r // 12), AA)
        elif k % 3 == 1:
            ang = np.arange(10) * math.pi / 5 - math.pi / 2
            rad = np.where(np.arange(10) % 2 == 0, r, r * 0.45)
            pts = np.stack([cx + rad * np.cos(ang), cy + rad * np.sin(ang)], 1).astype(np.int32)
            cv2.fillPoly(out, [pts], (255, 105, 180), AA)
        else:
            cv2.rectangle(out, (cx - r, cy - r // 2), (cx + r, cy + r // 2), (255, 255, 255), -1)
            _text(out, "WOW", cx - 0.8 * r, cy + 0.2 * r, r / 40.0, (220, 20, 60),
                  max(1, r // 12))
    return _c(out)


def _noise(name: str, a: np.ndarray, sigma: float) -> np.ndarray:
    rng = _rng(name, a)
    return _c(_f(a) + rng.normal(0.0, sigma, a.shape).astype(np.float32))


def _unsharp(a: np.ndarray, amount: float, sigma: float) -> np.ndarray:
    blur = cv2.GaussianBlur(a, (0, 0), sigma)
    return _c(_f(a) + amount * (_f(a) - _f(blur)))


def _social(a: np.ndarray, keep: float, q: int, sub: int = 2) -> np.ndarray:
    m = 1.0 - keep
    c = _crop(a, m * 0.43, m * 0.57, 1.0 - m * 0.57, 1.0 - m * 0.43)
    h, w = c.shape[:2]
    c = _resize(c, 1080, h * 1080 / w)
    return _jpeg(c, q, sub)


def _social_portrait(a: np.ndarray, q: int) -> np.ndarray:
    h, w = a.shape[:2]
    if w / h > 0.8:
        cw = int(round(h * 0.8))
        x0 = (w - cw) // 2
        a = a[:, x0:x0 + cw]
    else:
        ch = int(round(w / 0.8))
        y0 = (h - ch) // 3
        a = a[y0:y0 + ch]
    return _jpeg(_resize(a, 1080, 1350), q)


def _messaging(a: np.ndarray, steps: tuple[tuple[float, int], ...]) -> np.ndarray:
    for s, q in steps:
        if abs(s - 1.0) > 1e-9:
            a = _scale(a, s, cv2.INTER_AREA)
        a = _jpeg(a, q)
    return _c(a)


def _capture(c: np.ndarray, scale: float, fmt: str, q: int = 90) -> np.ndarray:
    c = _c(c)
    if abs(scale - 1.0) > 1e-9:
        c = _scale(c, scale, cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
    if fmt == "jpeg":
        return _jpeg(c, q)
    return _c(c)


def _screen_browser_light(a: np.ndarray) -> np.ndarray:
    w, h = 1440, 900
    c = np.full((h, w, 3), (247, 248, 250), np.uint8)
    cv2.rectangle(c, (0, 0), (w, 40), (222, 225, 230), -1)
    cv2.rectangle(c, (12, 6), (262, 40), (255, 255, 255), -1)
    _text(c, "Weekend trip - Photos", 28, 29, 0.5, (60, 64, 67))
    cv2.rectangle(c, (0, 40), (w, 84), (255, 255, 255), -1)
    cv2.rectangle(c, (110, 50), (1180, 76), (241, 243, 244), -1)
    _text(c, "https://example.org/gallery/2026/12/weekend-trip", 130, 69, 0.5, (32, 33, 36))
    cv2.line(c, (0, 84), (w, 84), (218, 220, 224), 1)
    _text(c, "Weekend trip", 260, 130, 1.0, (30, 30, 30), 2)
    img = _fit(a, 900, 620, up=False)
    _paste(c, img, 260 + (900 - img.shape[1]) // 2, 156)
    _bars(c, 1200, 170, 200, 12, (214, 217, 222), 30, 12)
    return _capture(c, 1.0, "png")


def _screen_browser_dark(a: np.ndarray) -> np.ndarray:
    w, h = 1280, 800
    c = np.full((h, w, 3), (24, 24, 27), np.uint8)
    cv2.rectangle(c, (0, 0), (w, 82), (53, 54, 58), -1)
    cv2.rectangle(c, (10, 6), (250, 38), (32, 33, 36), -1)
    _text(c, "Image viewer", 24, 28, 0.48, (232, 234, 237))
    cv2.rectangle(c, (96, 46), (1150, 74), (32, 33, 36), -1)
    _text(c, "files.example.net/share/8Fq2/photo", 114, 66, 0.48, (189, 193, 198))
    img = _fit(a, 900, 600, up=False)
    _paste_centre(c, img, 190, 120, 900, 640)
    _text(c, "Download   Share   Info", 520, 785, 0.5, (160, 164, 170))
    return _capture(c, 0.75, "jpeg", 88)


def _screen_gallery_dark(a: np.ndarray) -> np.ndarray:
    w, h = 1600, 1000
    c = np.full((h, w, 3), (16, 16, 16), np.uint8)
    cv2.rectangle(c, (0, 0), (w, 56), (34, 34, 34), -1)
    _text(c, "IMG_2047.JPG", 24, 36, 0.62, (230, 230, 230))
    for k in range(4):
        cv2.circle(c, (1420 + 42 * k, 28), 11, (180, 180, 180), 2, AA)
    img = _fit(a, 1520, 760, up=True)
    _paste_centre(c, img, 40, 70, 1520, 760)
    cv2.rectangle(c, (0, 850), (w, 980), (26, 26, 26), -1)
    thumb = _fit(a, 100, 100, up=True)
    for k in range(11):
        x = 86 + 130 * k
        if k == 5:
            cv2.rectangle(c, (x - 4, 861), (x + 104, 969), (66, 133, 244), 3)
            _paste_centre(c, thumb, x, 865, 100, 100)
        else:
            g = 48 + 9 * ((k * 7) % 5)
            cv2.rectangle(c, (x, 865), (x + 100, 965), (g, g + 3, g + 6), -1)
    return _capture(c, 0.8, "png")


def _screen_phone(a: np.ndarray) -> np.ndarray:
    w, h = 1080, 2340
    c = np.full((h, w, 3), (255, 255, 255), np.uint8)
    cv2.rectangle(c, (0, 0), (w, 96), (250, 250, 250), -1)
    _text(c, "9:41", 60, 66, 1.3, (0, 0, 0), 3)
    cv2.rectangle(c, (940, 38), (1010, 70), (0, 0, 0), 3)
    cv2.circle(c, (90, 180), 48, (214, 41, 118), -1, AA)
    _text(c, "zed.travels", 160, 196, 1.25, (20, 20, 20), 3)
    img = _fit(a, 1080, 1350, up=True)
    _paste_centre(c, img, 0, 250, 1080, img.shape[0])
    y = 250 + img.shape[0] + 40
    for k in range(4):
        cv2.circle(c, (70 + 110 * k, y + 40), 34, (38, 38, 38), 5, AA)
    _text(c, "1,284 likes", 40, y + 150, 1.1, (20, 20, 20), 3)
    _bars(c, 40, y + 190, 980, 4, (200, 200, 200), 56, 26)
    cv2.rectangle(c, (0, h - 150), (w, h), (250, 250, 250), -1)
    return _capture(c, 0.61, "jpeg", 84)


def _screen_document(a: np.ndarray) -> np.ndarray:
    w, h = 1280, 1024
    c = np.full((h, w, 3), (82, 86, 89), np.uint8)
    cv2.rectangle(c, (0, 0), (w, 44), (50, 54, 57), -1)
    _text(c, "report_final_v3.pdf    3 / 14    110%", 20, 29, 0.55, (241, 241, 241))
    cv2.rectangle(c, (290, 64), (990, h), (255, 255, 255), -1)
    _text(c, "3. Field observations", 340, 128, 0.8, (20, 20, 20), 2)
    _bars(c, 340, 150, 600, 4, (120, 120, 120), 24, 9)
    img = _fit(a, 600, 420, up=True)
    _, y, _, ih = _paste_centre(c, img, 340, 262, 600, img.shape[0])
    _text(c, "Figure 4. Site overview.", 340, y + ih + 30, 0.5, (70, 70, 70))
    _bars(c, 340, y + ih + 56, 600, 8, (120, 120, 120), 24, 9)
    return _capture(c, 1.25, "png")


def _screen_slide(a: np.ndarray) -> np.ndarray:
    w, h = 1920, 1080
    c = np.full((h, w, 3), (230, 230, 230), np.uint8)
    cv2.rectangle(c, (0, 0), (w, 124), (245, 245, 245), -1)
    cv2.rectangle(c, (0, 0), (w, 36), (183, 71, 42), -1)
    _text(c, "Q4 review.pptx", 860, 25, 0.55, (255, 255, 255))
    for k in range(5):
        cv2.rectangle(c, (24, 150 + 130 * k), (204, 251 + 130 * k), (255, 255, 255), -1)
    cv2.rectangle(c, (22, 278), (206, 383), (183, 71, 42), 3)
    cv2.rectangle(c, (270, 150), (1870, 1050), (255, 255, 255), -1)
    cv2.rectangle(c, (270, 150), (1870, 262), (31, 56, 100), -1)
    _text(c, "Where we build next", 320, 226, 1.7, (255, 255, 255), 3)
    for k, s in enumerate(("Site survey done", "Permits in progress", "Budget: on track")):
        cv2.circle(c, (340, 352 + 90 * k), 9, (31, 56, 100), -1, AA)
        _text(c, s, 370, 364 + 90 * k, 1.05, (40, 40, 40), 2)
    img = _fit(a, 780, 740, up=True)
    _paste_centre(c, img, 1050, 290, 780, 740)
    return _capture(c, 0.667, "jpeg", 90)


def _screen_video(a: np.ndarray) -> np.ndarray:
    w, h = 1280, 720
    c = np.zeros((h, w, 3), np.uint8)
    img = _fit(a, w, h, up=True)
    _paste_centre(c, img, 0, 0, w, h)
    shade = c.copy()
    cv2.rectangle(shade, (0, h - 78), (w, h), (0, 0, 0), -1)
    c = _blend(c, shade, 0.58)
    cv2.rectangle(c, (20, h - 62), (w - 20, h - 57), (110, 110, 110), -1)
    cv2.rectangle(c, (20, h - 62), (int(w * 0.41), h - 57), (230, 33, 23), -1)
    cv2.circle(c, (int(w * 0.41), h - 60), 8, (230, 33, 23), -1, AA)
    tri = np.array([[28, h - 44], [28, h - 18], [50, h - 31]], np.int32)
    cv2.fillPoly(c, [tri], (255, 255, 255), AA)
    _text(c, "4:17 / 10:26", 76, h - 24, 0.55, (240, 240, 240))
    return _capture(c, 0.9, "png")


def _screen_chat(a: np.ndarray) -> np.ndarray:
    w, h = 1280, 860
    c = np.full((h, w, 3), (239, 234, 226), np.uint8)
    cv2.rectangle(c, (0, 0), (340, h), (255, 255, 255), -1)
    for k, s in enumerate(("Mara", "Team lunch", "Dad", "Jon B.", "Climbing club")):
        y = 60 + 86 * k
        cv2.circle(c, (46, y), 26, (160 + 15 * k, 190 - 10 * k, 200), -1, AA)
        _text(c, s, 88, y - 4, 0.58, (17, 27, 33), 1)
        _text(c, "Photo", 88, y + 20, 0.45, (102, 119, 129))
    cv2.rectangle(c, (340, 0), (w, 60), (240, 242, 245), -1)
    _text(c, "Mara", 370, 38, 0.65, (17, 27, 33), 2)
    cv2.rectangle(c, (380, 90), (760, 134), (255, 255, 255), -1)
    _text(c, "look what I found!", 396, 119, 0.55, (17, 27, 33))
    img = _fit(a, 400, 400, up=False)
    ih, iw = img.shape[:2]
    x0, y0 = w - 60 - iw, 160
    cv2.rectangle(c, (x0 - 8, y0 - 8), (x0 + iw + 8, y0 + ih + 34), (217, 253, 211), -1)
    _paste(c, img, x0, y0)
    _text(c, "18:42", x0 + iw - 50, y0 + ih + 24, 0.42, (102, 119, 129))
    cv2.rectangle(c, (340, h - 64), (w, h), (240, 242, 245), -1)
    cv2.rectangle(c, (370, h - 50), (w - 80, h - 14), (255, 255, 255), -1)
    return _capture(c, 1.0, "jpeg", 81)


def attacks() -> list[tuple[str, Attack]]:
    """(name, fn): fn(rgb) -> new C-contiguous uint8 (H', W', 3); the first is "none"."""
    P = functools.partial
    out: list[tuple[str, Attack]] = [
        ("none", lambda a: _c(a.copy())),
        ("flip_horizontal", lambda a: _c(a[:, ::-1])),
        ("flip_vertical", lambda a: _c(a[::-1])),
        # stretches and squashes
        ("stretch_x_1p13", lambda a: _resize(a, a.shape[1] * 1.13, a.shape[0])),
        ("stretch_y_1p21", lambda a: _resize(a, a.shape[1], a.shape[0] * 1.21)),
        ("stretch_both_1p07x1p17", lambda a: _resize(a, a.shape[1] * 1.07, a.shape[0] * 1.17)),
        ("squash_x_0p81", lambda a: _resize(a, a.shape[1] * 0.81, a.shape[0])),
        ("aspect_to_4x3", lambda a: _resize(a, math.sqrt(a.size / 3 * 4 / 3),
                                            math.sqrt(a.size / 3 * 3 / 4))),
        ("aspect_to_9x16", lambda a: _resize(a, math.sqrt(a.size / 3 * 9 / 16),
                                             math.sqrt(a.size / 3 * 16 / 9))),
        # crops
        ("crop_centre_87", P(_crop, x0=0.065, y0=0.065, x1=0.935, y1=0.935)),
        ("crop_centre_63", P(_crop, x0=0.185, y0=0.185, x1=0.815, y1=0.815)),
        ("crop_offcentre_71", P(_crop, x0=0.23, y0=0.07, x1=0.94, y1=0.78)),
        ("crop_corner_tl_58", P(_crop, x0=0.0, y0=0.0, x1=0.58, y1=0.58)),
        ("crop_right_side_83", P(_crop, x0=0.0, y0=0.0, x1=0.83, y1=1.0)),
        ("crop_two_sides_93x69", P(_crop, x0=0.07, y0=0.0, x1=1.0, y1=0.69)),
        ("crop_centre_54_back", P(_crop, x0=0.23, y0=0.23, x1=0.77, y1=0.77, back=True)),
        ("crop_offcentre_79_back", P(_crop, x0=0.04, y0=0.17, x1=0.83, y1=0.96, back=True)),
        ("crop_br_66x88_back", P(_crop, x0=0.34, y0=0.12, x1=1.0, y1=1.0, back=True)),
        # rotations
        ("rot_p2p7_black", P(_rotate, deg=2.7, fill="black")),
        ("rot_m4p3_white", P(_rotate, deg=-4.3, fill="white")),
        ("rot_p7p9_reflect", P(_rotate, deg=7.9, fill="reflect")),
        ("rot_m9p6_expand_black", P(_rotate, deg=-9.6, fill="black", expand=True)),
        ("rot_p5p2_expand_white", P(_rotate, deg=5.2, fill="white", expand=True)),
        ("rot_p3p3_inner_crop", P(_rotate, deg=3.3, inner=True)),
        ("rot_m6p1_inner_crop_back", P(_rotate, deg=-6.1, inner=True, back=True)),
        ("straighten_p1p4", P(_rotate, deg=1.4, inner=True, back=True)),
        # padding, captions, overlays
        ("pad_white_6pct", P(_pad, t=0.06, b=0.06, left=0.06, r=0.06, fill=(255, 255, 255))),
        ("pad_black_13pct", P(_pad, t=0.13, b=0.13, left=0.13, r=0.13, fill=(0, 0, 0))),
        ("pad_uneven_teal", P(_pad, t=0.0, b=0.17, left=0.03, r=0.09, fill=(0, 128, 128))),
        ("pad_reflect_11pct", P(_pad, t=0.11, b=0.11, left=0.11, r=0.11, fill="reflect")),
        ("pad_blurred_19pct", P(_pad, t=0.19, b=0.19, left=0.19, r=0.19, fill="blur")),
        ("caption_white_bottom", P(_caption, frac=0.14, top=False, bg=(255, 255, 255),
                                   fg=(25, 25, 25), text="Harbour at dawn, Dec 2026")),
        ("caption_black_top", P(_caption, frac=0.11, top=True, bg=(0, 0, 0),
                                fg=(255, 255, 255), text="WHEN THE WEEKEND FINALLY HITS")),
        ("overlay_logo", _overlay_logo),
        ("overlay_frame", _overlay_frame),
        ("overlay_text", _overlay_text),
        ("overlay_stickers", lambda a: _overlay_stickers("overlay_stickers", a)),
        # letterbox / pillarbox
        ("letterbox_2p35_black", P(_fit_aspect, aspect=2.35, fill=(0, 0, 0))),
        ("pillarbox_4x5_white", P(_fit_aspect, aspect=0.8, fill=(255, 255, 255))),
        ("fit_square_blurred", P(_fit_aspect, aspect=1.0, fill="blur")),
        ("fit_16x9_navy_1280", P(_fit_aspect, aspect=16 / 9, fill=(18, 32, 71),
                                 out_size=(1280, 720))),
        # compression
        ("jpeg_31_420", P(_jpeg, q=31, sub=2)),
        ("jpeg_52_420", P(_jpeg, q=52, sub=2)),
        ("jpeg_68_444", P(_jpeg, q=68, sub=0)),
        ("jpeg_79_420", P(_jpeg, q=79, sub=2)),
        ("jpeg_93_444", P(_jpeg, q=93, sub=0)),
        ("webp_53", P(_webp, q=53)),
        ("webp_86", P(_webp, q=86)),
        # scaling
        ("down_0p43", lambda a: _scale(a, 0.43, cv2.INTER_AREA)),
        ("down_up_0p37", lambda a: _resize(_scale(a, 0.37, cv2.INTER_AREA), a.shape[1],
                                           a.shape[0], cv2.INTER_CUBIC)),
        ("down_up_0p58", lambda a: _resize(_scale(a, 0.58, cv2.INTER_LINEAR), a.shape[1],
                                           a.shape[0], cv2.INTER_LINEAR)),
        ("up_1p63", lambda a: _scale(a, 1.63, cv2.INTER_CUBIC)),
        # sharing chains
        ("social_crop89_1080_jpeg74", P(_social, keep=0.89, q=74)),
        ("social_portrait_4x5_jpeg76", P(_social_portrait, q=76)),
        ("messaging_0p6_jpeg60", P(_messaging, steps=((0.6, 60),))),
        ("messaging_forward_x2", P(_messaging, steps=((0.6, 61), (1.0, 58)))),
        ("messaging_forward_x3", P(_messaging, steps=((0.62, 63), (0.88, 59), (1.0, 66)))),
        # screen captures
        ("screen_browser_light_png", _screen_browser_light),
        ("screen_browser_dark_jpeg", _screen_browser_dark),
        ("screen_gallery_dark_png", _screen_gallery_dark),
        ("screen_phone_app_jpeg", _screen_phone),
        ("screen_document_viewer_png", _screen_document),
        ("screen_slide_jpeg", _screen_slide),
        ("screen_video_player_png", _screen_video),
        ("screen_chat_app_jpeg", _screen_chat),
        # filters
        ("blur_gauss_1p3", lambda a: _c(cv2.GaussianBlur(a, (0, 0), 1.3))),
        ("unsharp_0p9", P(_unsharp, amount=0.9, sigma=1.6)),
        ("median_3", lambda a: _c(cv2.medianBlur(np.ascontiguousarray(a), 3))),
        ("noise_gauss_4p7", lambda a: _noise("noise_gauss_4p7", a, 4.7)),
        ("denoise_bilateral", lambda a: _c(cv2.bilateralFilter(np.ascontiguousarray(a), 7,
                                                               31, 5))),
        # tone
        ("brightness_p23", P(_lin, gain=1.0, offset=23.0)),
        ("brightness_m31", P(_lin, gain=1.0, offset=-31.0)),
        ("contrast_0p74", P(_contrast, c=0.74)),
        ("gamma_0p79", P(_gamma, g=0.79)),
        ("gamma_1p37", P(_gamma, g=1.37)),
        ("saturation_0p43", P(_saturation, s=0.43)),
        ("greyscale", _grey),
        ("sepia", _sepia),
        # combinations
        ("combo_rot_m2p3_inner_back_jpeg67",
         lambda a: _jpeg(_rotate(a, -2.3, inner=True, back=True), 67)),
        ("combo_crop83_back_bright_p14_webp64",
         lambda a: _webp(_lin(_crop(a, 0.09, 0.08, 0.92, 0.91, back=True), 1.0, 14.0), 64)),
        ("combo_hflip_crop91_jpeg72",
         lambda a: _jpeg(_crop(_c(a[:, ::-1]), 0.05, 0.04, 0.96, 0.95), 72)),
        ("combo_stretch_x_1p11_contrast_1p13_jpeg57",
         lambda a: _jpeg(_contrast(_resize(a, a.shape[1] * 1.11, a.shape[0]), 1.13), 57)),
        ("combo_pad_white_9pct_down_0p8_jpeg83",
         lambda a: _jpeg(_scale(_pad(a, 0.09, 0.09, 0.09, 0.09, (255, 255, 255)), 0.8), 83)),
        ("combo_down_0p52_gamma_1p19_jpeg69",
         lambda a: _jpeg(_gamma(_scale(a, 0.52), 1.19), 69)),
        ("combo_grey_crop_offcentre_jpeg66",
         lambda a: _jpeg(_crop(_grey(a), 0.11, 0.02, 0.9, 0.84), 66)),
        ("combo_rot_p3p7_expand_white_1080_jpeg79",
         lambda a: _jpeg(_resize_long(_rotate(a, 3.7, fill="white", expand=True), 1080), 79)),
        ("combo_saturation_1p3_crop_corner_webp61",
         lambda a: _webp(_crop(_saturation(a, 1.3), 0.0, 0.21, 0.76, 1.0), 61)),
        ("combo_blur_0p8_noise_3p1_jpeg74_444",
         lambda a: _jpeg(_noise("combo_blur_noise", _c(cv2.GaussianBlur(a, (0, 0), 0.8)), 3.1),
                         74, 0)),
        ("combo_letterbox_blur_16x9_down_0p6_jpeg71",
         lambda a: _jpeg(_scale(_fit_aspect(a, 16 / 9, "blur"), 0.6), 71)),
        ("combo_screen_chat_then_messaging",
         lambda a: _messaging(_screen_chat(a), ((0.6, 62),))),
    ]
    return out


def _resize_long(a: np.ndarray, side: int) -> np.ndarray:
    h, w = a.shape[:2]
    s = side / max(h, w)
    return _scale(a, s)


# ----------------------------------------------------------------------------- unmarked

_UNMARKED_SOURCES = (
    "astronaut.png", "chelsea.png", "coffee.png", "hubble_deep_field.jpg", "motorcycle_left.png",
    "motorcycle_right.png", "retina.jpg", "rocket.jpg", "china.jpg", "flower.jpg", "ihc.png",
    "brick.png", "grass.png", "gravel.png", "camera.png", "moon.png", "coins.png", "color.png",
    "cell.png", "clock_motion.png", "page.png", "text.png",
)
_WORDS = ("home", "photos", "search", "settings", "profile", "inbox", "share", "report",
          "draft", "Monday", "upload", "open", "cancel", "done", "account", "2026")


def _clamp_size(a: np.ndarray, lo: int = 96, hi: int = 1100) -> np.ndarray:
    h, w = a.shape[:2]
    nw, nh = min(max(w, lo), hi), min(max(h, lo), hi)
    if (nw, nh) != (w, h):
        return _resize(a, nw, nh)
    return _c(a)


def _rand_colour(rng: np.random.Generator) -> tuple[int, int, int]:
    v = rng.integers(0, 256, 3)
    return int(v[0]), int(v[1]), int(v[2])


def _rand_crop(rng: np.random.Generator, src: np.ndarray, lo: int) -> np.ndarray:
    h, w = src.shape[:2]
    cw = int(rng.integers(min(lo, w), min(w, 1100) + 1))
    ch = int(rng.integers(min(lo, h), min(h, 1100) + 1))
    x, y = int(rng.integers(0, w - cw + 1)), int(rng.integers(0, h - ch + 1))
    return _c(src[y:y + ch, x:x + cw])


def _rand_photo(rng: np.random.Generator, lo: int) -> np.ndarray:
    src = _src(_UNMARKED_SOURCES[int(rng.integers(len(_UNMARKED_SOURCES)))])
    a = _rand_crop(rng, src, lo)
    if rng.random() < 0.35:
        a = _c(a[:, ::-1])
    if rng.random() < 0.3:
        a = _gamma(a, float(rng.uniform(0.75, 1.35)))
    return a


def _rand_drawing(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    c = np.empty((h, w, 3), np.uint8)
    c[:] = np.array(_rand_colour(rng), np.uint8)
    for _ in range(int(rng.integers(3, 30))):
        kind = int(rng.integers(4))
        col = _rand_colour(rng)
        p1 = (int(rng.integers(0, w)), int(rng.integers(0, h)))
        p2 = (int(rng.integers(0, w)), int(rng.integers(0, h)))
        th = int(rng.integers(-1, 9))
        th = -1 if th <= 0 else th
        if kind == 0:
            cv2.rectangle(c, p1, p2, col, th)
        elif kind == 1:
            cv2.circle(c, p1, int(rng.integers(3, max(4, min(w, h) // 2))), col, th, AA)
        elif kind == 2:
            cv2.line(c, p1, p2, col, max(1, th), AA)
        else:
            word = _WORDS[int(rng.integers(len(_WORDS)))]
            _text(c, word, p1[0], p1[1], float(rng.uniform(0.4, 2.5)), col,
                  int(rng.integers(1, 5)))
    return _c(c)


def _rand_ui(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    dark = rng.random() < 0.4
    bg = (int(rng.integers(15, 45)),) * 3 if dark else (int(rng.integers(235, 256)),) * 3
    fg = (225, 225, 225) if dark else (35, 35, 35)
    c = np.empty((h, w, 3), np.uint8)
    c[:] = np.array(bg, np.uint8)
    bar = max(12, int(h * rng.uniform(0.05, 0.12)))
    cv2.rectangle(c, (0, 0), (w, bar), _rand_colour(rng), -1)
    side = int(w * rng.uniform(0.0, 0.3))
    if side > 10:
        shade = tuple(int(v) + (12 if dark else -10) for v in bg)
        cv2.rectangle(c, (0, bar), (side, h), shade, -1)
    y = bar + 20
    while y < h - 10:
        word = " ".join(_WORDS[int(k)] for k in rng.integers(0, len(_WORDS), 3))
        if rng.random() < 0.25:
            x0 = side + 12
            cv2.rectangle(c, (x0, y - 14), (x0 + int(rng.integers(60, 200)), y + 10),
                          _rand_colour(rng), -1)
        else:
            _text(c, word, side + 12, y, float(rng.uniform(0.35, 0.7)), fg, 1)
        y += int(rng.integers(18, 48))
    return _c(c)


def _unmarked_item(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    u = rng.random()
    w, h = int(rng.integers(96, 1101)), int(rng.integers(96, 1101))
    if u < 0.32:
        return "photo_crop", _clamp_size(_rand_photo(rng, 96))
    if u < 0.48:
        a = _rand_photo(rng, 48)
        s = float(np.exp(rng.uniform(np.log(0.4), np.log(2.6))))
        return "photo_rescaled", _clamp_size(_scale(a, s))
    if u < 0.58:
        a = _rand_photo(rng, 64)
        fr = rng.uniform(0.0, 0.25, 4)
        fill: object = "reflect" if rng.random() < 0.2 else _rand_colour(rng)
        return "padded_photo", _clamp_size(_pad(a, fr[0], fr[1], fr[2], fr[3], fill))
    if u < 0.66:
        if rng.random() < 0.5:
            a = rng.integers(0, 256, (h, w, 3), dtype=np.uint8)
        else:
            a = rng.normal(128.0, float(rng.uniform(5, 70)), (h, w, 3)).astype(np.float32)
            a = cv2.GaussianBlur(a, (0, 0), float(rng.uniform(0.5, 6.0)))
        return "noise", _c(a)
    if u < 0.72:
        a = np.empty((h, w, 3), np.uint8)
        a[:] = np.array(_rand_colour(rng), np.uint8)
        if rng.random() < 0.3:
            a = _c(_f(a) + rng.normal(0.0, 1.5, a.shape))
        return "flat", _c(a)
    if u < 0.78:
        t = np.linspace(0.0, 1.0, w if rng.random() < 0.5 else h, dtype=np.float32)
        c0, c1 = np.array(_rand_colour(rng), np.float32), np.array(_rand_colour(rng), np.float32)
        line = c0 * (1 - t[:, None]) + c1 * t[:, None]
        a = np.broadcast_to(line[None], (h, w, 3)) if len(t) == w else np.broadcast_to(
            line[:, None], (h, w, 3))
        return "gradient", _c(a)
    if u < 0.89:
        return "drawing", _rand_drawing(rng, w, h)
    return "ui", _rand_ui(rng, w, h)


def unmarked(n: int = 10000, seed: int = 2026120726) -> Iterator[tuple[str, np.ndarray]]:
    """Images that never carried a mark: item i depends only on default_rng([seed, i])."""
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        kind, rgb = _unmarked_item(rng)
        yield f"unmarked_{i:05d}_{kind}", _c(rgb)


# ----------------------------------------------------------------------------- edge cases


def edge_cases() -> list[tuple[str, np.ndarray]]:
    """Awkward uint8 RGB arrays."""
    rng = np.random.default_rng([2026120726, 99])
    photo = _src("astronaut.png")
    yy, xx = np.mgrid[0:3072, 0:4096]
    huge = np.stack([(xx * 255 // 4095), (yy * 255 // 3071), ((xx + yy) % 256)], 2)
    stripes = np.zeros((300, 301, 3), np.uint8)
    for k in range(0, 301, 3):
        stripes[:, k:k + 1, k % 3] = 255
    checker = ((np.indices((256, 256)).sum(0) // 8) % 2 * 255).astype(np.uint8)
    cases = [
        ("tiny_1x1", np.full((1, 1, 3), (200, 40, 90), np.uint8)),
        ("tiny_2x2", rng.integers(0, 256, (2, 2, 3), dtype=np.uint8)),
        ("tiny_5x3", rng.integers(0, 256, (5, 3, 3), dtype=np.uint8)),
        ("row_1x640", rng.integers(0, 256, (1, 640, 3), dtype=np.uint8)),
        ("column_480x1", rng.integers(0, 256, (480, 1, 3), dtype=np.uint8)),
        ("two_rows_2x1500", rng.integers(0, 256, (2, 1500, 3), dtype=np.uint8)),
        ("one_colour_grey_300", np.full((300, 300, 3), 128, np.uint8)),
        ("all_black_512", np.zeros((512, 512, 3), np.uint8)),
        ("all_white_257x191", np.full((191, 257, 3), 255, np.uint8)),
        ("near_black_noise_333", rng.integers(0, 4, (333, 333, 3), dtype=np.uint8)),
        ("max_noise_513x257", rng.integers(0, 256, (257, 513, 3), dtype=np.uint8)),
        ("checker_8px_256", checker),
        ("primary_stripes_300x301", stripes),
        ("extreme_wide_20x2500", _resize(photo, 2500, 20)),
        ("extreme_tall_3000x16", _resize(photo, 16, 3000)),
        ("small_photo_31x23", _resize(photo, 31, 23)),
        ("photo_95x97", _resize(photo, 95, 97)),
        ("odd_photo_255x257", _resize(photo, 257, 255)),
        ("huge_gradient_3072x4096", huge),
    ]
    return [(name, _c(a)) for name, a in cases]


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def _save(im: Image.Image, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def edge_case_files() -> list[tuple[str, bytes]]:
    """Awkward encoded files, byte-identical on every run."""
    rng = np.random.default_rng([2026120726, 77])
    photo = _resize(_src("chelsea.png"), 301, 200, cv2.INTER_AREA)
    pim = Image.fromarray(photo)
    png = _save(pim, "PNG")
    jpg = _save(pim, "JPEG", quality=87)
    alpha = np.dstack([photo, np.tile(np.linspace(0, 255, 301).astype(np.uint8), (200, 1))])
    rgb16 = (photo.astype(np.uint16) * 257 + rng.integers(0, 200, photo.shape)).astype(np.uint16)
    ok, png16 = cv2.imencode(".png", np.ascontiguousarray(rgb16[:, :, ::-1]))
    if not ok:
        raise RuntimeError("cannot encode the 16-bit PNG")
    grey16 = Image.fromarray((_luma(photo) * 257).astype(np.uint16))
    exif6, exif3, exif8 = Image.Exif(), Image.Exif(), Image.Exif()
    exif6[0x0112], exif3[0x0112], exif8[0x0112] = 6, 3, 8
    ihdr = struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)
    bomb = (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr)
            + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 4096)) + _png_chunk(b"IEND", b""))
    files = [
        ("zero_bytes", b""),
        ("garbage_4096", rng.integers(0, 256, 4096, dtype=np.uint8).tobytes()),
        ("png_signature_only", png[:8]),
        ("png_truncated_header_33", png[:33]),
        ("png_truncated_half", png[: len(png) // 2]),
        ("png_trailing_garbage", png + b"\x00garbage" * 37),
        ("jpeg_truncated_60pct", jpg[: len(jpg) * 3 // 5]),
        ("jpeg_no_eoi", jpg[:-2]),
        ("jpeg_soi_only", jpg[:2]),
        ("png_16bit_rgb", png16.tobytes()),
        ("png_16bit_grey", _save(grey16, "PNG")),
        ("png_rgba_gradient_alpha", _save(Image.fromarray(alpha, "RGBA"), "PNG")),
        ("png_rgba_fully_transparent",
         _save(Image.fromarray(np.dstack([photo, np.zeros((200, 301), np.uint8)]), "RGBA"),
               "PNG")),
        ("png_palette_61", _save(pim.quantize(61, dither=Image.Dither.NONE), "PNG")),
        ("png_greyscale", _save(pim.convert("L"), "PNG")),
        ("png_1bit", _save(pim.convert("1"), "PNG")),
        ("png_la", _save(Image.fromarray(alpha, "RGBA").convert("LA"), "PNG")),
        ("png_1x1", _save(Image.new("RGB", (1, 1), (9, 99, 199)), "PNG")),
        ("png_header_60000x60000", bomb),
        ("jpeg_greyscale", _save(pim.convert("L"), "JPEG", quality=83)),
        ("jpeg_cmyk", _save(pim.convert("CMYK"), "JPEG", quality=88)),
        ("jpeg_progressive", _save(pim, "JPEG", quality=81, progressive=True)),
        ("jpeg_exif_orientation_6", _save(pim, "JPEG", quality=89, exif=exif6.tobytes())),
        ("jpeg_exif_orientation_3", _save(pim, "JPEG", quality=89, exif=exif3.tobytes())),
        ("jpeg_exif_orientation_8", _save(pim, "JPEG", quality=89, exif=exif8.tobytes())),
        ("webp_lossless", _save(pim, "WEBP", lossless=True)),
        ("webp_alpha", _save(Image.fromarray(alpha, "RGBA"), "WEBP", quality=77)),
        ("gif_palette", _save(pim.convert("P", palette=Image.Palette.ADAPTIVE, colors=97),
                              "GIF")),
        ("bmp_rgb", _save(pim, "BMP")),
        ("tiff_rgb", _save(pim, "TIFF")),
    ]
    return files
