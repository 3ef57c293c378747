"""Held-out watermark test set, round 2026-12-08a: blind, frozen.

PROVENANCE
    Written on 2026-12-08 by an independent tester (a helper session started by the
    project's own session), without knowing how the watermark works and without ever running
    it. Files read: /work/main/pyproject.toml and /work/main/safegen/backends/__init__.py,
    base.py and builtin.py (only to learn how to call the built-in offline image model).
    Also listed: the folders skimage/data and sklearn/datasets/images of the virtual
    environment, whose sample images were opened to learn their sizes and modes. Run: only
    this module, through scratch check scripts in /tmp that import nothing else of the
    project (shapes, dtypes, determinism across two processes, contact sheets viewed by
    eye), ruff --isolated on this file alone, and one-line checks of package versions and
    sample-image sizes. Nothing under safegen/watermark/, docs/, tests/, benchmarks/ (other
    than this file and its cache folder), README.md, any other held-out file, any watermark
    encoder or decoder, any issue tracker, git history or diffs, /work/before, /work/after,
    /work/exp or /tmp/diag was opened, searched, imported or run. Slips, honestly:
    pyproject.toml's ruff exclude list names earlier held-out files (their names only, none
    opened), and its dependency comments mention that "the tiled watermark" uses OpenCV and
    that invisible-watermark is the baseline; no parameter here was chosen from that. Every
    parameter was fixed before and without any watermark result.

FROZEN
    This file is never edited, not even for style: its sha256 is its identity.

SOURCES
    numpy, Pillow, OpenCV (cv2) and safegen.backends.builtin only. Photos are fixed crops,
    rescales and tone changes of scikit-image's packaged samples (skimage/data/*.png|jpg)
    and scikit-learn's (sklearn/datasets/images/*.jpg), read as files. Generated images
    come from the built-in model (BuiltinBackend(threads=1)) at its native 256x256, six
    natural-scene prompts with fixed seeds, cached as PNG in CACHE_DIR (regenerated when
    absent). Screenshots and graphics are drawn here with numpy and OpenCV.

INTERFACE
    ROUND = "2026-12-08a"; CACHE_DIR = <this folder>/cache_08a.
    images() -> list of (name, image_class, rgb); image_class in {"photo", "generated",
        "graphic", "screenshot"}; rgb a C-contiguous uint8 (H, W, 3) array. 28 images.
    attacks() -> list of (name, fn); fn(rgb) -> new C-contiguous uint8 (H', W', 3) array,
        deterministic (noise seeded from the attack name, the image's shape and bytes).
        The first is "none" (a copy).
    unmarked(n=10000, seed=2026120801) -> iterator of (name, rgb); item i depends only on
        np.random.default_rng([seed, i]) and the package sample images; sides in 96..1100.
    edge_cases() -> list of (name, rgb): awkward uint8 RGB arrays.
    edge_case_files() -> list of (name, bytes): awkward encoded files, byte-identical on
        every run.

IMAGES (name, class, width x height)
    p01_astronaut_portrait      photo       400 x 640
    p02_chelsea_small           photo       451 x 300
    p03_coffee_bright           photo       600 x 400
    p04_china_panorama          photo      1800 x 563
    p05_flower_large            photo      2000 x 1334
    p06_hubble_dark             photo       960 x 720
    p07_retina_object           photo      1200 x 1200
    p08_rocket_portrait         photo       300 x 534
    p09_motorcycle_lowcontrast  photo       741 x 500
    p10_camera_highcontrast     photo       700 x 700
    p11_gravel_texture_small    photo       260 x 260
    p12_grass_texture           photo      1024 x 768
    p13_ihc_pale                photo       512 x 512
    p14_coins_object            photo       384 x 303
    p15_moon_dark               photo       480 x 480
    p16_motorcycle_vivid        photo      1500 x 1000
    p17_flower_tall             photo       330 x 940
    p18_china_contrast          photo      1200 x 900
    g01_mountain_lake_sunrise   generated   256 x 256
    g02_green_hills_clouds      generated   256 x 256
    g03_desert_dunes_sunset     generated   256 x 256
    g04_snowy_forest_night      generated   256 x 256
    g05_tropical_beach          generated   256 x 256
    g06_autumn_river_fog        generated   256 x 256
    s01_settings_window_light   screenshot 1280 x 800
    s02_chat_phone_dark         screenshot  720 x 1480
    c01_chart_bars_lines        graphic    1000 x 640
    c02_poster_mountains        graphic     800 x 1120

ATTACKS (93; 12 combinations, 8 screen captures, 4 sharing chains)
    none, flip_h, flip_v, stretch_x_112, stretch_y_118, squash_x_84,
    stretch_x_120_squash_y_88, aspect_to_4x3, crop_center_95, crop_center_80,
    crop_center_50, crop_offcenter_70, crop_corner_br_58, crop_left_keep_85,
    crop_right_bottom_80x72, crop_center_70_back, crop_offcenter_55_back,
    crop_corner_tr_90_back, crop_uneven_back, rot_p2_black, rot_n5_white,
    rot_p10_reflect, rot_n8_expand_black, rot_p7_innercrop, rot_n10_innercrop_back,
    pad_black_10, pad_white_20, pad_uneven_blue, pad_reflect_15, pad_blurred_copy,
    caption_bar_bottom, caption_meme, logo_corner, text_diagonal_tiled, sticker_emoji,
    frame_gold, letterbox_1280x720, pillarbox_720x1280, fit_square_1024_white,
    jpeg_95_444, jpeg_85_420, jpeg_75_420, jpeg_62_444, jpeg_50_420, jpeg_30_420,
    webp_90, webp_70, webp_50, downscale_50, downscale_33, down_up_50, upscale_150,
    social_media, messaging_once, messaging_forwarded_x3, messaging_cap1280_jpeg70,
    screen_browser_light, screen_browser_dark_jpeg, screen_gallery, screen_phone_app,
    screen_document_viewer, screen_slide_jpeg, screen_video_player,
    screen_chat_hidpi_jpeg, blur_gauss_1, blur_gauss_2_5, sharpen_unsharp, median_3,
    noise_gauss_5, noise_gauss_12, denoise_bilateral, denoise_nlmeans, bright_p30,
    contrast_130, contrast_70, gamma_070, gamma_150, saturation_150, saturation_040,
    greyscale, sepia, combo_crop80_jpeg70, combo_rot3_innercrop_jpeg80,
    combo_fliph_bright_webp75, combo_pad_caption_jpeg80, combo_grey_contrast_jpeg65,
    combo_stretch_crop_jpeg75, combo_blur_noise_jpeg70, combo_letterbox_down50_jpeg70,
    combo_rotn6_back_gamma, combo_insta_square_jpeg80, combo_screen_phone_messaging,
    combo_logo_downup_webp60
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
from pathlib import Path
from typing import NamedTuple

import cv2
import numpy as np
from PIL import Image

ROUND = "2026-12-08a"
CACHE_DIR = Path(__file__).resolve().parent / "cache_08a"

Attack = Callable[[np.ndarray], np.ndarray]

FONT = cv2.FONT_HERSHEY_SIMPLEX
FONT_BOLD = cv2.FONT_HERSHEY_DUPLEX
AA = cv2.LINE_AA


class Prompt(NamedTuple):
    name: str
    prompt: str
    seed: int


PROMPTS = (
    Prompt("g01_mountain_lake_sunrise", "a calm mountain lake at sunrise with pine trees", 81011),
    Prompt("g02_green_hills_clouds", "rolling green hills under a blue sky with white clouds",
           81023),
    Prompt("g03_desert_dunes_sunset", "sand dunes in a desert at sunset, orange sky", 81037),
    Prompt("g04_snowy_forest_night", "a snowy forest at night under a full moon", 81041),
    Prompt("g05_tropical_beach", "a tropical beach with palm trees and turquoise water", 81053),
    Prompt("g06_autumn_river_fog", "an autumn forest beside a river on a foggy morning", 81067),
)


# ----------------------------------------------------------------------------- helpers


def _u8(a: np.ndarray) -> np.ndarray:
    """Round, clip and return a C-contiguous uint8 array."""
    return np.ascontiguousarray(np.clip(np.rint(a), 0, 255).astype(np.uint8))


def _c(a: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(a, dtype=np.uint8)


def _seed(name: str, rgb: np.ndarray) -> int:
    digest = hashlib.sha256()
    digest.update(name.encode("utf-8"))
    digest.update(repr(tuple(rgb.shape)).encode("ascii"))
    digest.update(np.ascontiguousarray(rgb).tobytes())
    return int.from_bytes(digest.digest()[:8], "little")


def _rng(name: str, rgb: np.ndarray) -> np.random.Generator:
    return np.random.default_rng(_seed(name, rgb))


def _pkg_dir(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"{package} is not installed; it provides the sample photos")
    return Path(spec.origin).resolve().parent.joinpath(*parts)


_SAMPLES: dict[str, np.ndarray] = {}


def _sample(filename: str) -> np.ndarray:
    """A packaged sample image as RGB uint8 (alpha composited on white; grey replicated)."""
    if filename not in _SAMPLES:
        if filename in ("china.jpg", "flower.jpg"):
            path = _pkg_dir("sklearn", "datasets", "images", filename)
        else:
            path = _pkg_dir("skimage", "data", filename)
        with Image.open(path) as im:
            im.load()
            if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
                rgba = im.convert("RGBA")
                base = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
                im2 = Image.alpha_composite(base, rgba).convert("RGB")
            else:
                im2 = im.convert("RGB")
            arr = np.ascontiguousarray(np.asarray(im2, dtype=np.uint8))
        arr.setflags(write=False)
        _SAMPLES[filename] = arr
    return _SAMPLES[filename].copy()


def _resize(rgb: np.ndarray, w: int, h: int, interp: int | None = None) -> np.ndarray:
    w, h = max(1, int(round(w))), max(1, int(round(h)))
    if (h, w) == rgb.shape[:2]:
        return _c(rgb.copy())
    if interp is None:
        smaller = w * h < rgb.shape[0] * rgb.shape[1]
        interp = cv2.INTER_AREA if smaller else cv2.INTER_CUBIC
    return _c(cv2.resize(rgb, (w, h), interpolation=interp))


def _scale(rgb: np.ndarray, f: float, interp: int | None = None) -> np.ndarray:
    h, w = rgb.shape[:2]
    return _resize(rgb, w * f, h * f, interp)


def _crop(rgb: np.ndarray, fx: float, fy: float, ax: float = 0.5, ay: float = 0.5) -> np.ndarray:
    """Keep fraction fx of the width and fy of the height; anchors 0 (left/top) .. 1."""
    h, w = rgb.shape[:2]
    cw, ch = max(1, round(w * fx)), max(1, round(h * fy))
    x0, y0 = round((w - cw) * ax), round((h - ch) * ay)
    return _c(rgb[y0:y0 + ch, x0:x0 + cw].copy())


def _encode(rgb: np.ndarray, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, fmt, **kw)
    return buf.getvalue()


def _decode(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as im:
        return np.ascontiguousarray(np.asarray(im.convert("RGB"), dtype=np.uint8))


def _jpeg(rgb: np.ndarray, quality: int, subsampling: int = 2) -> np.ndarray:
    """JPEG round trip; subsampling 2 is 4:2:0, 0 is 4:4:4."""
    return _decode(_encode(rgb, "JPEG", quality=quality, subsampling=subsampling))


def _webp(rgb: np.ndarray, quality: int) -> np.ndarray:
    return _decode(_encode(rgb, "WEBP", quality=quality, method=4))


def _luma(rgb: np.ndarray) -> np.ndarray:
    f = rgb.astype(np.float32)
    return 0.299 * f[..., 0] + 0.587 * f[..., 1] + 0.114 * f[..., 2]


def _saturation(rgb: np.ndarray, s: float) -> np.ndarray:
    y = _luma(rgb)[..., None]
    return _u8(y + (rgb.astype(np.float32) - y) * s)


def _gamma(rgb: np.ndarray, g: float) -> np.ndarray:
    lut = _u8(255.0 * (np.arange(256) / 255.0) ** g)
    return _c(lut[rgb])


def _contrast(rgb: np.ndarray, c: float, pivot: float = 128.0) -> np.ndarray:
    return _u8((rgb.astype(np.float32) - pivot) * c + pivot)


def _s_curve(rgb: np.ndarray, k: float) -> np.ndarray:
    x = np.arange(256) / 255.0
    y = 1.0 / (1.0 + np.exp(-k * (x - 0.5)))
    y = (y - y[0]) / (y[-1] - y[0])
    return _c(_u8(255.0 * y)[rgb])


def _tint(rgb: np.ndarray, r: float, g: float, b: float) -> np.ndarray:
    return _u8(rgb.astype(np.float32) * np.array([r, g, b], np.float32))


def _blend(base: np.ndarray, top: np.ndarray, alpha: np.ndarray | float) -> np.ndarray:
    a = alpha if np.isscalar(alpha) else np.asarray(alpha, np.float32)[..., None]
    return _u8(base.astype(np.float32) * (1 - a) + top.astype(np.float32) * a)


def _fit(rgb: np.ndarray, max_w: int, max_h: int, allow_up: bool) -> np.ndarray:
    h, w = rgb.shape[:2]
    s = min(max_w / w, max_h / h)
    if not allow_up:
        s = min(s, 1.0)
    return _resize(rgb, max(1, min(max_w, round(w * s))), max(1, min(max_h, round(h * s))))


def _paste(canvas: np.ndarray, img: np.ndarray, x: int, y: int) -> None:
    h, w = img.shape[:2]
    canvas[y:y + h, x:x + w] = img


def _paste_center(canvas: np.ndarray, img: np.ndarray, x0: int, y0: int, bw: int,
                  bh: int) -> tuple[int, int]:
    h, w = img.shape[:2]
    x, y = x0 + (bw - w) // 2, y0 + (bh - h) // 2
    _paste(canvas, img, x, y)
    return x, y


def _canvas(w: int, h: int, color: tuple[int, int, int]) -> np.ndarray:
    out = np.empty((h, w, 3), np.uint8)
    out[:] = color
    return out


def _rrect(img: np.ndarray, x0: int, y0: int, x1: int, y1: int, r: int,
           color: tuple[int, int, int]) -> None:
    """Filled rounded rectangle (inclusive corners)."""
    r = max(0, min(r, (x1 - x0) // 2, (y1 - y0) // 2))
    cv2.rectangle(img, (x0 + r, y0), (x1 - r, y1), color, -1)
    cv2.rectangle(img, (x0, y0 + r), (x1, y1 - r), color, -1)
    for cx, cy in ((x0 + r, y0 + r), (x1 - r, y0 + r), (x0 + r, y1 - r), (x1 - r, y1 - r)):
        cv2.circle(img, (cx, cy), r, color, -1, AA)


def _text(img: np.ndarray, text: str, x: int, y: int, scale: float,
          color: tuple[int, int, int], thick: int = 1, font: int = FONT) -> None:
    cv2.putText(img, text, (int(x), int(y)), font, scale, color, max(1, int(thick)), AA)


def _text_fit(text: str, max_w: float, max_h: float, font: int = FONT) -> float:
    (tw, th), base = cv2.getTextSize(text, font, 1.0, 2)
    return max(0.1, min(max_w / tw, max_h / (th + base)))


def _bars(img: np.ndarray, x: int, y: int, widths: list[int], h: int, gap: int,
          color: tuple[int, int, int]) -> None:
    """Grey bars standing in for lines of text."""
    for i, bw in enumerate(widths):
        yy = y + i * (h + gap)
        _rrect(img, x, yy, x + bw, yy + h, h // 2, color)


# ----------------------------------------------------------------------------- photos


def _photos() -> list[tuple[str, np.ndarray]]:
    out: list[tuple[str, np.ndarray]] = []
    ast = _sample("astronaut.png")  # 512 x 512
    out.append(("p01_astronaut_portrait", _resize(ast[0:512, 96:416], 400, 640)))
    out.append(("p02_chelsea_small", _sample("chelsea.png")))  # 451 x 300
    cof = _sample("coffee.png")  # 600 x 400
    out.append(("p03_coffee_bright", _gamma(_u8(cof.astype(np.float32) * 1.1 + 30), 0.8)))
    china = _sample("china.jpg")  # 640 x 427
    out.append(("p04_china_panorama", _resize(china[110:310], 1800, 563)))
    out.append(("p05_flower_large", _resize(_sample("flower.jpg"), 2000, 1334)))
    hub = _sample("hubble_deep_field.jpg")  # 1000 x 872
    out.append(("p06_hubble_dark", _gamma(hub[60:780, 20:980], 1.6)))
    out.append(("p07_retina_object", _resize(_sample("retina.jpg"), 1200, 1200)))
    rocket = _sample("rocket.jpg")  # 640 x 427
    out.append(("p08_rocket_portrait", _resize(rocket[:, 200:440], 300, 534)))
    moto = _sample("motorcycle_left.png").astype(np.float32)  # 741 x 500
    out.append(("p09_motorcycle_lowcontrast", _u8((moto - moto.mean()) * 0.42 + moto.mean() + 12)))
    cam = _sample("camera.png")  # 512 x 512 grey
    out.append(("p10_camera_highcontrast", _resize(_s_curve(cam, 9.0), 700, 700)))
    grav = _tint(_sample("gravel.png"), 1.0, 0.9, 0.74)
    out.append(("p11_gravel_texture_small", _resize(grav, 260, 260)))
    grass = _tint(_sample("grass.png")[64:448], 0.78, 1.04, 0.66)
    out.append(("p12_grass_texture", _resize(grass, 1024, 768)))
    ihc = _sample("ihc.png")
    out.append(("p13_ihc_pale", _u8(ihc.astype(np.float32) * 0.45 + 140)))
    out.append(("p14_coins_object", _sample("coins.png")))  # 384 x 303 grey
    moon = _sample("moon.png")
    out.append(("p15_moon_dark", _resize(_gamma(moon, 1.45), 480, 480)))
    moto_r = _sample("motorcycle_right.png")[50:450, 100:700]
    out.append(("p16_motorcycle_vivid", _resize(_saturation(moto_r, 1.35), 1500, 1000)))
    flower = _sample("flower.jpg")
    out.append(("p17_flower_tall", _resize(flower[:, 230:380], 330, 940)))
    out.append(("p18_china_contrast", _resize(_s_curve(china[47:407, 80:560], 7.0), 1200, 900)))
    return out


# ----------------------------------------------------------------------------- generated


def _generated() -> list[tuple[str, np.ndarray]]:
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    missing = [p for p in PROMPTS if not (CACHE_DIR / f"{p.name}.png").is_file()]
    if missing:
        from safegen.backends.base import BackendRequest
        from safegen.backends.builtin import BuiltinBackend

        backend = BuiltinBackend(threads=1)
        for p in missing:
            request = BackendRequest(prompt=p.prompt, negative_prompt=None, seeds=(p.seed,),
                                     width=256, height=256)
            image = backend.generate(request)[0].convert("RGB")
            tmp = CACHE_DIR / f".{p.name}.{os.getpid()}.tmp.png"
            image.save(tmp, "PNG")
            os.replace(tmp, CACHE_DIR / f"{p.name}.png")
    out = []
    for p in PROMPTS:
        with Image.open(CACHE_DIR / f"{p.name}.png") as im:
            out.append((p.name, np.ascontiguousarray(np.asarray(im.convert("RGB"), np.uint8))))
    return out


# ----------------------------------------------------------------------------- drawn images


def _screenshot_settings() -> np.ndarray:
    w, h = 1280, 800
    img = _canvas(w, h, (246, 247, 249))
    cv2.rectangle(img, (0, 0), (w, 36), (222, 225, 230), -1)
    for i, col in enumerate(((237, 95, 87), (246, 190, 79), (98, 197, 84))):
        cv2.circle(img, (20 + 22 * i, 18), 7, col, -1, AA)
    _text(img, "Settings - Photo Organizer", 520, 24, 0.55, (60, 64, 70), 1)
    cv2.rectangle(img, (0, 36), (260, h), (235, 238, 242), -1)
    items = ["General", "Accounts", "Library", "Import", "Export", "Sharing", "Privacy",
             "Notifications", "Storage", "Advanced"]
    for i, it in enumerate(items):
        y = 80 + 44 * i
        if i == 2:
            _rrect(img, 12, y - 24, 248, y + 12, 8, (0, 112, 230))
            _text(img, it, 48, y, 0.6, (255, 255, 255), 1)
        else:
            _text(img, it, 48, y, 0.6, (40, 44, 52), 1)
        cv2.rectangle(img, (24, y - 14), (36, y - 2), (120, 128, 140), -1)
    _text(img, "Library", 300, 90, 1.1, (20, 22, 28), 2)
    rows = ["Show hidden albums", "Group photos by day", "Auto-enhance on import",
            "Keep originals after edit", "Sync favourites", "Detect duplicates"]
    for i, r in enumerate(rows):
        y = 140 + 62 * i
        _rrect(img, 290, y, 1240, y + 52, 10, (255, 255, 255))
        _text(img, r, 312, y + 33, 0.62, (30, 32, 38), 1)
        on = i % 3 != 1
        _rrect(img, 1160, y + 14, 1210, y + 38, 12, (52, 199, 89) if on else (200, 204, 210))
        cv2.circle(img, (1198 if on else 1172, y + 26), 10, (255, 255, 255), -1, AA)
    _text(img, "Storage used: 184.2 GB of 512 GB", 300, 560, 0.6, (70, 74, 82), 1)
    cv2.rectangle(img, (300, 575), (1240, 590), (220, 223, 228), -1)
    cv2.rectangle(img, (300, 575), (300 + int(940 * 0.36), 590), (0, 112, 230), -1)
    for i, (label, col) in enumerate((("Cancel", (225, 228, 233)), ("Apply", (0, 112, 230)))):
        x = 1010 + 120 * i
        _rrect(img, x, 720, x + 110, 760, 8, col)
        _text(img, label, x + 22, 747, 0.6, (255, 255, 255) if i else (30, 30, 30), 1)
    return img


def _screenshot_chat() -> np.ndarray:
    w, h = 720, 1480
    img = _canvas(w, h, (18, 18, 20))
    _text(img, "9:41", 36, 44, 0.8, (240, 240, 240), 2)
    cv2.rectangle(img, (620, 26), (670, 46), (240, 240, 240), 2)
    cv2.rectangle(img, (0, 64), (w, 160), (32, 33, 36), -1)
    cv2.circle(img, (90, 112), 30, (120, 90, 200), -1, AA)
    _text(img, "Maya", 140, 108, 0.9, (245, 245, 245), 2)
    _text(img, "online", 140, 138, 0.55, (130, 200, 140), 1)
    msgs = [(False, ["Are you still coming", "to the lake on Sunday?"]),
            (True, ["Yes! Leaving at 8"]),
            (False, ["Great, bring the", "camera :)"]),
            (True, ["Already packed.", "Weather looks perfect", "all weekend."]),
            (False, ["See you there"]),
            (True, ["Sending the map now"])]
    y = 200
    for mine, lines in msgs:
        bh = 26 + 34 * len(lines)
        bw = 40 + max(cv2.getTextSize(t, FONT, 0.7, 1)[0][0] for t in lines)
        x0 = w - 30 - bw if mine else 30
        _rrect(img, x0, y, x0 + bw, y + bh, 18, (0, 132, 255) if mine else (48, 50, 56))
        for j, t in enumerate(lines):
            _text(img, t, x0 + 20, y + 42 + 34 * j, 0.7, (250, 250, 250), 1)
        y += bh + 28
    cv2.rectangle(img, (0, h - 120), (w, h), (32, 33, 36), -1)
    _rrect(img, 24, h - 96, w - 110, h - 40, 28, (52, 54, 60))
    _text(img, "Message", 52, h - 60, 0.7, (150, 150, 155), 1)
    cv2.circle(img, (w - 60, h - 68), 30, (0, 132, 255), -1, AA)
    return img


def _chart() -> np.ndarray:
    w, h = 1000, 640
    img = _canvas(w, h, (255, 255, 255))
    _text(img, "Monthly visitors (thousands)", 250, 48, 1.0, (30, 30, 30), 2, FONT_BOLD)
    x0, y0, x1, y1 = 90, 90, 960, 560
    for i in range(6):
        y = y1 - i * (y1 - y0) // 5
        cv2.line(img, (x0, y), (x1, y), (225, 225, 225), 1, AA)
        _text(img, str(i * 20), 40, y + 6, 0.55, (90, 90, 90), 1)
    cv2.line(img, (x0, y0), (x0, y1), (40, 40, 40), 2, AA)
    cv2.line(img, (x0, y1), (x1, y1), (40, 40, 40), 2, AA)
    vals = [34, 41, 55, 62, 71, 88, 93, 90, 76, 60, 45, 38]
    line = [22, 30, 38, 47, 58, 66, 75, 79, 68, 51, 40, 29]
    months = "JFMAMJJASOND"
    step = (x1 - x0) / 12
    pts = []
    for i, (v, lv) in enumerate(zip(vals, line, strict=True)):
        cx = int(x0 + step * (i + 0.5))
        top = int(y1 - v / 100 * (y1 - y0))
        cv2.rectangle(img, (cx - 22, top), (cx + 22, y1 - 1), (66, 133, 244), -1)
        _text(img, months[i], cx - 7, y1 + 28, 0.65, (60, 60, 60), 1)
        pts.append((cx, int(y1 - lv / 100 * (y1 - y0))))
    cv2.polylines(img, [np.array(pts, np.int32)], False, (234, 67, 53), 3, AA)
    for p in pts:
        cv2.circle(img, p, 6, (234, 67, 53), -1, AA)
        cv2.circle(img, p, 3, (255, 255, 255), -1, AA)
    cv2.rectangle(img, (700, 100), (940, 170), (250, 250, 250), -1)
    cv2.rectangle(img, (700, 100), (940, 170), (200, 200, 200), 1)
    cv2.rectangle(img, (715, 115), (735, 130), (66, 133, 244), -1)
    _text(img, "2026", 745, 130, 0.55, (40, 40, 40), 1)
    cv2.line(img, (713, 152), (737, 152), (234, 67, 53), 3, AA)
    _text(img, "2025", 745, 158, 0.55, (40, 40, 40), 1)
    return img


def _poster() -> np.ndarray:
    w, h = 800, 1120
    t = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None, None]
    top = np.array([255, 146, 84], np.float32)
    bottom = np.array([92, 38, 120], np.float32)
    img = _u8(np.broadcast_to(top * (1 - t) + bottom * t, (h, w, 3)))
    cv2.circle(img, (400, 470), 190, (255, 222, 120), -1, AA)
    far = np.array([[0, 700], [140, 520], [260, 640], [420, 430], [600, 650], [720, 540],
                    [800, 600], [800, 1120], [0, 1120]], np.int32)
    cv2.fillPoly(img, [far], (70, 40, 100), AA)
    near = np.array([[0, 860], [200, 660], [330, 780], [520, 600], [800, 880], [800, 1120],
                     [0, 1120]], np.int32)
    cv2.fillPoly(img, [near], (36, 20, 58), AA)
    cv2.fillPoly(img, [np.array([[520, 600], [480, 640], [540, 660], [570, 630]], np.int32)],
                 (240, 240, 250), AA)
    _text(img, "SUMMIT", 150, 190, 4.0, (255, 255, 255), 10, FONT_BOLD)
    _text(img, "FESTIVAL 2027", 205, 260, 1.5, (255, 244, 230), 3, FONT_BOLD)
    cv2.rectangle(img, (0, 960), (w, 1040), (250, 200, 60), -1)
    _text(img, "JULY 14 - 18  *  HIGH VALLEY", 110, 1012, 1.1, (36, 20, 58), 2, FONT_BOLD)
    _text(img, "music  art  film  food", 250, 1090, 0.9, (230, 220, 240), 1)
    return img


def images() -> list[tuple[str, str, np.ndarray]]:
    """The 28 held-out images: (name, class, C-contiguous uint8 RGB)."""
    out: list[tuple[str, str, np.ndarray]] = []
    out += [(n, "photo", _c(a)) for n, a in _photos()]
    out += [(n, "generated", _c(a)) for n, a in _generated()]
    out.append(("s01_settings_window_light", "screenshot", _c(_screenshot_settings())))
    out.append(("s02_chat_phone_dark", "screenshot", _c(_screenshot_chat())))
    out.append(("c01_chart_bars_lines", "graphic", _c(_chart())))
    out.append(("c02_poster_mountains", "graphic", _c(_poster())))
    return out


# ----------------------------------------------------------------------------- attack parts


def _rotate(rgb: np.ndarray, deg: float, fill: str = "black", expand: bool = False) -> np.ndarray:
    """Counter-clockwise rotation by deg; fill black, white or reflect."""
    h, w = rgb.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2.0, h / 2.0), deg, 1.0)
    nw, nh = w, h
    if expand:
        c, s = abs(m[0, 0]), abs(m[0, 1])
        nw, nh = int(math.ceil(w * c + h * s)), int(math.ceil(w * s + h * c))
        m[0, 2] += nw / 2.0 - w / 2.0
        m[1, 2] += nh / 2.0 - h / 2.0
    if fill == "reflect":
        mode, value = cv2.BORDER_REFLECT_101, (0, 0, 0)
    else:
        mode = cv2.BORDER_CONSTANT
        value = (255, 255, 255) if fill == "white" else (0, 0, 0)
    out = cv2.warpAffine(rgb, m, (nw, nh), flags=cv2.INTER_CUBIC, borderMode=mode,
                         borderValue=value)
    return _c(out)


def _inner_size(w: int, h: int, deg: float) -> tuple[int, int]:
    """Largest axis-aligned rectangle inside a w x h rectangle rotated by deg."""
    a = math.radians(deg)
    long_side, short_side = (w, h) if w >= h else (h, w)
    s, c = abs(math.sin(a)), abs(math.cos(a))
    if s < 1e-9:
        return w, h
    if short_side <= 2.0 * s * c * long_side or abs(s - c) < 1e-10:
        x = 0.5 * short_side
        wr, hr = (x / s, x / c) if w >= h else (x / c, x / s)
    else:
        cos2 = c * c - s * s
        wr, hr = (w * c - h * s) / cos2, (h * c - w * s) / cos2
    return max(1, int(wr) - 2), max(1, int(hr) - 2)


def _rot_inner(rgb: np.ndarray, deg: float, back: bool) -> np.ndarray:
    h, w = rgb.shape[:2]
    rot = _rotate(rgb, deg, "black")
    iw, ih = _inner_size(w, h, deg)
    x0, y0 = (w - iw) // 2, (h - ih) // 2
    out = _c(rot[y0:y0 + ih, x0:x0 + iw].copy())
    return _resize(out, w, h) if back else out


def _pad(rgb: np.ndarray, t: float, b: float, left: float, r: float,
         color: tuple[int, int, int] = (0, 0, 0), mode: str = "const") -> np.ndarray:
    h, w = rgb.shape[:2]
    pt, pb, pl, pr = round(h * t), round(h * b), round(w * left), round(w * r)
    border = {"const": cv2.BORDER_CONSTANT, "reflect": cv2.BORDER_REFLECT_101,
              "edge": cv2.BORDER_REPLICATE}[mode]
    return _c(cv2.copyMakeBorder(rgb, pt, pb, pl, pr, border, value=color))


def _pad_blurred(rgb: np.ndarray) -> np.ndarray:
    h, w = rgb.shape[:2]
    cw, ch = round(w * 1.2), round(h * 1.2)
    bg = _resize(rgb, cw, ch, cv2.INTER_LINEAR)
    sigma = max(2.0, 0.035 * max(cw, ch))
    bg = _u8(cv2.GaussianBlur(bg, (0, 0), sigma).astype(np.float32) * 0.8)
    _paste_center(bg, rgb, 0, 0, cw, ch)
    return bg


def _caption_bar(rgb: np.ndarray) -> np.ndarray:
    h, w = rgb.shape[:2]
    bar = max(24, round(h * 0.14))
    out = _canvas(w, h + bar, (255, 255, 255))
    out[:h] = rgb
    text = "Golden hour at the lake - June 2026  #travel #nature"
    s = _text_fit(text, w * 0.92, bar * 0.55)
    (tw, th), _ = cv2.getTextSize(text, FONT, s, 1)
    _text(out, text, (w - tw) // 2, h + (bar + th) // 2, s, (20, 20, 20), max(1, round(s * 2)))
    return out


def _caption_meme(rgb: np.ndarray) -> np.ndarray:
    out = rgb.copy()
    h, w = out.shape[:2]
    for text, yf in (("WHEN IT'S MONDAY AGAIN", 0.13), ("BUT THE COFFEE IS READY", 0.94)):
        s = _text_fit(text, w * 0.9, h * 0.11, FONT_BOLD)
        (tw, th), _ = cv2.getTextSize(text, FONT_BOLD, s, 1)
        x, y = (w - tw) // 2, int(h * yf)
        thick = max(1, round(s * 2.2))
        cv2.putText(out, text, (x, y), FONT_BOLD, s, (0, 0, 0), thick + max(2, thick), AA)
        cv2.putText(out, text, (x, y), FONT_BOLD, s, (255, 255, 255), thick, AA)
    return _c(out)


def _logo(rgb: np.ndarray) -> np.ndarray:
    h, w = rgb.shape[:2]
    size = max(16, round(min(h, w) * 0.16))
    layer = rgb.copy()
    mask = np.zeros((h, w), np.uint8)
    cx, cy = w - round(size * 0.75), h - round(size * 0.75)
    cv2.circle(layer, (cx, cy), size // 2, (230, 50, 60), -1, AA)
    cv2.circle(mask, (cx, cy), size // 2, 255, -1, AA)
    s = _text_fit("SG", size * 0.6, size * 0.45, FONT_BOLD)
    (tw, th), _ = cv2.getTextSize("SG", FONT_BOLD, s, 1)
    _text(layer, "SG", cx - tw // 2, cy + th // 2, s, (255, 255, 255), max(1, round(s * 2)),
          FONT_BOLD)
    return _blend(rgb, layer, mask.astype(np.float32) / 255.0 * 0.7)


def _text_tiled(rgb: np.ndarray) -> np.ndarray:
    h, w = rgb.shape[:2]
    side = int(math.ceil(math.hypot(w, h)))
    mask = np.zeros((side, side), np.uint8)
    text = "(c) NorthLight Stock 2026"
    s = max(0.35, min(h, w) / 700.0)
    (tw, th), _ = cv2.getTextSize(text, FONT, s, 1)
    step_x, step_y = tw + round(60 * s), th * 5
    for j, y in enumerate(range(th, side, step_y)):
        for x in range(-(j % 2) * step_x // 2, side, step_x):
            cv2.putText(mask, text, (x, y), FONT, s, 255, max(1, round(s * 1.6)), AA)
    m = cv2.getRotationMatrix2D((side / 2.0, side / 2.0), 30, 1.0)
    mask = cv2.warpAffine(mask, m, (side, side), flags=cv2.INTER_LINEAR)
    y0, x0 = (side - h) // 2, (side - w) // 2
    alpha = mask[y0:y0 + h, x0:x0 + w].astype(np.float32) / 255.0 * 0.3
    white = np.full_like(rgb, 255)
    return _blend(rgb, white, alpha)


def _sticker(rgb: np.ndarray) -> np.ndarray:
    out = rgb.copy()
    h, w = out.shape[:2]
    r = max(6, round(min(h, w) * 0.11))
    cx, cy = round(w * 0.64), round(h * 0.22)
    cv2.circle(out, (cx, cy), r + max(2, r // 10), (255, 255, 255), -1, AA)
    cv2.circle(out, (cx, cy), r, (255, 204, 0), -1, AA)
    for ex in (-1, 1):
        cv2.ellipse(out, (cx + ex * r // 3, cy - r // 4), (max(1, r // 9), max(1, r // 5)), 0,
                    0, 360, (60, 40, 20), -1, AA)
    cv2.ellipse(out, (cx, cy + r // 8), (r // 2, r // 3), 0, 15, 165, (60, 40, 20),
                max(1, r // 10), AA)
    return _c(out)


def _frame(rgb: np.ndarray) -> np.ndarray:
    out = rgb.copy()
    h, w = out.shape[:2]
    b = max(2, round(min(h, w) * 0.05))
    gold = (212, 175, 55)
    out[:b] = gold
    out[-b:] = gold
    out[:, :b] = gold
    out[:, -b:] = gold
    t = max(1, b // 5)
    cv2.rectangle(out, (b, b), (w - 1 - b, h - 1 - b), (90, 60, 20), t)
    return _c(out)




def _fit_into(rgb: np.ndarray, cw: int, ch: int, color: tuple[int, int, int],
              allow_up: bool = True) -> np.ndarray:
    canvas = _canvas(cw, ch, color)
    _paste_center(canvas, _fit(rgb, cw, ch, allow_up), 0, 0, cw, ch)
    return canvas




def _noise(rgb: np.ndarray, name: str, sigma: float) -> np.ndarray:
    n = _rng(name, rgb).normal(0.0, sigma, rgb.shape).astype(np.float32)
    return _u8(rgb.astype(np.float32) + n)




def _unsharp(rgb: np.ndarray, sigma: float, amount: float) -> np.ndarray:
    f = rgb.astype(np.float32)
    return _u8(f + amount * (f - cv2.GaussianBlur(f, (0, 0), sigma)))


def _sepia(rgb: np.ndarray) -> np.ndarray:
    m = np.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]],
                 np.float32)
    return _u8(rgb.astype(np.float32) @ m.T)


def _grey(rgb: np.ndarray) -> np.ndarray:
    y = _u8(_luma(rgb))
    return _c(np.repeat(y[..., None], 3, axis=2))




def _vignette(rgb: np.ndarray, strength: float) -> np.ndarray:
    h, w = rgb.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    d = np.hypot((xx - w / 2) / (w / 2), (yy - h / 2) / (h / 2)) / math.sqrt(2)
    g = 1.0 - strength * d ** 2
    return _u8(rgb.astype(np.float32) * g[..., None])


def _long_side(rgb: np.ndarray, side: int, only_down: bool = False) -> np.ndarray:
    h, w = rgb.shape[:2]
    f = side / max(h, w)
    if only_down and f >= 1.0:
        return _c(rgb.copy())
    return _scale(rgb, f)


def _to_width(rgb: np.ndarray, width: int) -> np.ndarray:
    h, w = rgb.shape[:2]
    return _resize(rgb, width, h * width / w)


def _messaging(rgb: np.ndarray) -> np.ndarray:
    return _jpeg(_scale(rgb, 0.6), 60)


def _social(rgb: np.ndarray) -> np.ndarray:
    return _jpeg(_to_width(_crop(rgb, 0.9, 0.9), 1080), 75)


# ----------------------------------------------------------------------------- screen captures


def _screen_browser_light(rgb: np.ndarray) -> np.ndarray:
    w, h = 1440, 900
    c = _canvas(w, h, (255, 255, 255))
    cv2.rectangle(c, (0, 0), (w, 40), (222, 225, 230), -1)
    _rrect(c, 80, 6, 320, 46, 10, (255, 255, 255))
    _text(c, "Trip photos - Blog", 100, 30, 0.5, (50, 50, 50), 1)
    cv2.rectangle(c, (0, 40), (w, 84), (255, 255, 255), -1)
    _rrect(c, 130, 48, 1300, 78, 15, (241, 243, 244))
    _text(c, "https://blog.example.org/2026/lakeside-weekend", 160, 69, 0.52, (60, 64, 67), 1)
    cv2.line(c, (0, 84), (w, 84), (218, 220, 224), 1)
    _text(c, "A weekend by the lake", 120, 126, 0.9, (32, 33, 36), 2)
    img = _fit(rgb, 1200, 700, allow_up=False)
    _paste_center(c, img, 120, 150, 1200, 700)
    _bars(c, 120, 868, [900, 640], 8, 8, (210, 212, 216))
    return c


def _screen_browser_dark(rgb: np.ndarray) -> np.ndarray:
    w, h = 1600, 1000
    c = _canvas(w, h, (14, 14, 14))
    cv2.rectangle(c, (0, 0), (w, 44), (32, 33, 36), -1)
    _rrect(c, 90, 8, 360, 50, 10, (53, 54, 58))
    _text(c, "image.png (2000x1334)", 110, 34, 0.5, (232, 234, 237), 1)
    cv2.rectangle(c, (0, 44), (w, 90), (53, 54, 58), -1)
    _rrect(c, 140, 52, 1460, 82, 15, (32, 33, 36))
    _text(c, "https://cdn.example.net/u/7f3a/image.png", 170, 73, 0.52, (200, 200, 200), 1)
    img = _fit(rgb, w, h - 90, allow_up=False)
    _paste_center(c, img, 0, 90, w, h - 90)
    cap = _scale(c, 0.9)
    return _jpeg(cap, 90)


def _screen_gallery(rgb: np.ndarray) -> np.ndarray:
    w, h = 1280, 800
    c = _canvas(w, h, (28, 28, 30))
    cv2.rectangle(c, (0, 0), (w, 48), (44, 44, 48), -1)
    _text(c, "Photos", 20, 32, 0.8, (240, 240, 240), 2)
    _text(c, "12 of 348", 1140, 32, 0.55, (180, 180, 185), 1)
    cv2.rectangle(c, (0, 48), (240, h), (36, 36, 40), -1)
    thumb = _fit(rgb, 96, 96, allow_up=True)
    tones = [(90, 120, 160), (160, 130, 90), (70, 140, 90), (180, 180, 190), (120, 70, 90)]
    for k in range(12):
        x, y = 16 + (k % 2) * 112, 64 + (k // 2) * 112
        if k == 3:
            cv2.rectangle(c, (x - 3, y - 3), (x + 98, y + 98), (0, 122, 255), 3)
            _paste_center(c, thumb, x, y, 96, 96)
        else:
            cv2.rectangle(c, (x, y), (x + 96, y + 96), tones[k % 5], -1)
    img = _fit(rgb, 1000, 720, allow_up=True)
    _paste_center(c, img, 260, 60, 1000, 720)
    return c


def _screen_phone(rgb: np.ndarray) -> np.ndarray:
    w, h = 1080, 2340
    c = _canvas(w, h, (255, 255, 255))
    _text(c, "10:24", 60, 70, 1.2, (0, 0, 0), 3)
    cv2.rectangle(c, (930, 40), (1010, 76), (0, 0, 0), 3)
    cv2.rectangle(c, (0, 110), (w, 250), (250, 250, 250), -1)
    _text(c, "Snapgram", 60, 205, 1.8, (20, 20, 20), 4, FONT_BOLD)
    cv2.circle(c, (100, 330), 46, (225, 48, 108), -1, AA)
    _text(c, "lakeside.weekends", 170, 345, 1.1, (20, 20, 20), 2)
    img = _fit(rgb, w, 1350, allow_up=True)
    _paste_center(c, img, 0, 400, w, img.shape[0])
    y = 400 + img.shape[0] + 40
    for k in range(4):
        cv2.circle(c, (80 + 110 * k, y + 40), 32, (30, 30, 30), 4, AA)
    _text(c, "1,284 likes", 60, y + 150, 1.1, (20, 20, 20), 3)
    _bars(c, 60, y + 190, [900, 720, 380], 22, 18, (200, 200, 200))
    cv2.rectangle(c, (0, h - 160), (w, h), (250, 250, 250), -1)
    for k in range(5):
        cv2.rectangle(c, (95 + 200 * k, h - 110), (155 + 200 * k, h - 50), (30, 30, 30), 4)
    return c


def _screen_document(rgb: np.ndarray) -> np.ndarray:
    w, h = 1200, 1600
    c = _canvas(w, h, (82, 86, 89))
    cv2.rectangle(c, (0, 0), (w, 56), (50, 54, 57), -1)
    _text(c, "report_final_v3.pdf     3 / 12     100%", 380, 36, 0.6, (230, 230, 230), 1)
    cv2.rectangle(c, (160, 96), (1060, 1560), (60, 60, 60), -1)
    cv2.rectangle(c, (150, 86), (1050, 1550), (255, 255, 255), -1)
    _text(c, "3. Field observations", 230, 180, 1.0, (20, 20, 20), 2)
    _bars(c, 230, 220, [740, 700, 720, 520], 10, 14, (150, 150, 150))
    img = _fit(rgb, 700, 560, allow_up=False)
    _paste_center(c, img, 250, 330, 700, 560)
    _text(c, "Figure 4. Site overview.", 420, 920, 0.6, (60, 60, 60), 1)
    _bars(c, 230, 960, [740, 720, 735, 690, 720, 600, 740, 710, 300], 10, 14, (150, 150, 150))
    return _scale(c, 0.75)


def _screen_slide(rgb: np.ndarray) -> np.ndarray:
    w, h = 1920, 1080
    c = _canvas(w, h, (250, 250, 252))
    cv2.rectangle(c, (0, 0), (w, 160), (31, 56, 100), -1)
    _text(c, "Q3 Results: Site Visits", 80, 108, 2.0, (255, 255, 255), 4, FONT_BOLD)
    for k in range(4):
        y = 280 + 130 * k
        cv2.circle(c, (100, y - 12), 10, (31, 56, 100), -1, AA)
        _bars(c, 130, y - 24, [620 - 60 * k], 24, 0, (120, 125, 135))
    img = _fit(rgb, 900, 760, allow_up=True)
    _paste_center(c, img, 930, 220, 900, 760)
    _text(c, "Confidential - internal use", 80, 1040, 0.7, (140, 140, 150), 1)
    return _jpeg(_resize(c, 1280, 720), 88, 0)


def _screen_video(rgb: np.ndarray) -> np.ndarray:
    w, h = 1280, 720
    c = _fit_into(rgb, w, h, (0, 0, 0), allow_up=True)
    bar = c[620:].astype(np.float32)
    c[620:] = _u8(bar * 0.45)
    cv2.rectangle(c, (20, 640), (1260, 646), (120, 120, 120), -1)
    cv2.rectangle(c, (20, 640), (20 + int(1240 * 0.37), 646), (255, 0, 0), -1)
    cv2.circle(c, (20 + int(1240 * 0.37), 643), 9, (255, 0, 0), -1, AA)
    tri = np.array([[30, 665], [30, 700], [58, 682]], np.int32)
    cv2.fillPoly(c, [tri], (255, 255, 255), AA)
    _text(c, "3:42 / 10:05", 90, 692, 0.6, (255, 255, 255), 1)
    cv2.rectangle(c, (1210, 666), (1250, 698), (255, 255, 255), 2)
    return c


def _screen_chat(rgb: np.ndarray) -> np.ndarray:
    w, h = 1500, 2000
    c = _canvas(w, h, (11, 20, 26))
    cv2.rectangle(c, (0, 0), (w, 150), (31, 44, 52), -1)
    cv2.circle(c, (110, 75), 48, (90, 140, 120), -1, AA)
    _text(c, "Family group", 190, 90, 1.4, (233, 237, 239), 2)
    _rrect(c, 60, 200, 900, 330, 24, (32, 44, 51))
    _bars(c, 100, 240, [700, 420], 18, 20, (170, 180, 185))
    img = _fit(rgb, 860, 860, allow_up=True)
    ih, iw = img.shape[:2]
    x0, y0 = w - 60 - iw - 24, 380
    _rrect(c, x0 - 12, y0 - 12, x0 + iw + 12, y0 + ih + 70, 24, (0, 92, 75))
    _paste(c, img, x0, y0)
    _text(c, "18:42", x0 + iw - 90, y0 + ih + 50, 0.9, (200, 220, 215), 2)
    cv2.rectangle(c, (0, h - 140), (w, h), (31, 44, 52), -1)
    _rrect(c, 40, h - 110, w - 170, h - 30, 40, (42, 57, 66))
    cap = _scale(c, 0.8)
    return _jpeg(cap, 80)


# ----------------------------------------------------------------------------- attacks


def _insta(rgb: np.ndarray) -> np.ndarray:
    h, w = rgb.shape[:2]
    s = min(h, w)
    sq = _crop(rgb, s / w, s / h)
    out = _contrast(_saturation(sq, 1.2), 1.1)
    out = _vignette(_tint(out, 1.06, 1.0, 0.9), 0.35)
    return _jpeg(out, 80)


def attacks() -> list[tuple[str, Attack]]:
    """(name, fn) pairs; fn(rgb) returns a new C-contiguous uint8 RGB array."""
    a: list[tuple[str, Attack]] = []

    def add(name: str, fn: Callable[[np.ndarray], np.ndarray]) -> None:
        a.append((name, lambda rgb, _f=fn: _c(_f(np.ascontiguousarray(rgb)))))

    def add_seeded(name: str, fn: Callable[[np.ndarray, str], np.ndarray]) -> None:
        a.append((name, lambda rgb, _f=fn, _n=name: _c(_f(np.ascontiguousarray(rgb), _n))))

    def wh(rgb: np.ndarray) -> tuple[int, int]:
        return rgb.shape[1], rgb.shape[0]

    add("none", lambda x: x.copy())
    # flips and stretches
    add("flip_h", lambda x: x[:, ::-1].copy())
    add("flip_v", lambda x: x[::-1].copy())
    add("stretch_x_112", lambda x: _resize(x, wh(x)[0] * 1.12, wh(x)[1]))
    add("stretch_y_118", lambda x: _resize(x, wh(x)[0], wh(x)[1] * 1.18))
    add("squash_x_84", lambda x: _resize(x, wh(x)[0] * 0.84, wh(x)[1]))
    add("stretch_x_120_squash_y_88", lambda x: _resize(x, wh(x)[0] * 1.2, wh(x)[1] * 0.88))
    add("aspect_to_4x3", lambda x: _resize(x, wh(x)[0], wh(x)[0] * 3 / 4))
    # crops
    add("crop_center_95", lambda x: _crop(x, 0.95, 0.95))
    add("crop_center_80", lambda x: _crop(x, 0.80, 0.80))
    add("crop_center_50", lambda x: _crop(x, 0.50, 0.50))
    add("crop_offcenter_70", lambda x: _crop(x, 0.70, 0.70, 0.2, 0.75))
    add("crop_corner_br_58", lambda x: _crop(x, 0.58, 0.58, 1.0, 1.0))
    add("crop_left_keep_85", lambda x: _crop(x, 0.85, 1.0, 0.0, 0.5))
    add("crop_right_bottom_80x72", lambda x: _crop(x, 0.80, 0.72, 0.0, 0.0))
    add("crop_center_70_back", lambda x: _resize(_crop(x, 0.7, 0.7), *wh(x)))
    add("crop_offcenter_55_back", lambda x: _resize(_crop(x, 0.55, 0.55, 0.7, 0.3), *wh(x)))
    add("crop_corner_tr_90_back", lambda x: _resize(_crop(x, 0.9, 0.9, 1.0, 0.0), *wh(x)))
    add("crop_uneven_back", lambda x: _resize(_crop(x, 0.92, 0.68, 0.4, 0.6), *wh(x)))
    # rotations
    add("rot_p2_black", lambda x: _rotate(x, 2.0, "black"))
    add("rot_n5_white", lambda x: _rotate(x, -5.0, "white"))
    add("rot_p10_reflect", lambda x: _rotate(x, 10.0, "reflect"))
    add("rot_n8_expand_black", lambda x: _rotate(x, -8.0, "black", expand=True))
    add("rot_p7_innercrop", lambda x: _rot_inner(x, 7.0, back=False))
    add("rot_n10_innercrop_back", lambda x: _rot_inner(x, -10.0, back=True))
    # padding and borders
    add("pad_black_10", lambda x: _pad(x, 0.1, 0.1, 0.1, 0.1, (0, 0, 0)))
    add("pad_white_20", lambda x: _pad(x, 0.2, 0.2, 0.2, 0.2, (255, 255, 255)))
    add("pad_uneven_blue", lambda x: _pad(x, 0.03, 0.18, 0.12, 0.0, (58, 110, 165)))
    add("pad_reflect_15", lambda x: _pad(x, 0.15, 0.15, 0.15, 0.15, mode="reflect"))
    add("pad_blurred_copy", _pad_blurred)
    # captions and overlays
    add("caption_bar_bottom", _caption_bar)
    add("caption_meme", _caption_meme)
    add("logo_corner", _logo)
    add("text_diagonal_tiled", _text_tiled)
    add("sticker_emoji", _sticker)
    add("frame_gold", _frame)
    # letterbox and fit to frame
    add("letterbox_1280x720", lambda x: _fit_into(x, 1280, 720, (0, 0, 0)))
    add("pillarbox_720x1280", lambda x: _fit_into(x, 720, 1280, (0, 0, 0)))
    add("fit_square_1024_white", lambda x: _fit_into(x, 1024, 1024, (255, 255, 255)))
    # codecs
    add("jpeg_95_444", lambda x: _jpeg(x, 95, 0))
    add("jpeg_85_420", lambda x: _jpeg(x, 85, 2))
    add("jpeg_75_420", lambda x: _jpeg(x, 75, 2))
    add("jpeg_62_444", lambda x: _jpeg(x, 62, 0))
    add("jpeg_50_420", lambda x: _jpeg(x, 50, 2))
    add("jpeg_30_420", lambda x: _jpeg(x, 30, 2))
    add("webp_90", lambda x: _webp(x, 90))
    add("webp_70", lambda x: _webp(x, 70))
    add("webp_50", lambda x: _webp(x, 50))
    # rescaling
    add("downscale_50", lambda x: _scale(x, 0.5))
    add("downscale_33", lambda x: _scale(x, 1 / 3))
    add("down_up_50", lambda x: _resize(_scale(x, 0.5), *wh(x), cv2.INTER_CUBIC))
    add("upscale_150", lambda x: _scale(x, 1.5, cv2.INTER_CUBIC))
    # sharing chains
    add("social_media", _social)
    add("messaging_once", _messaging)
    add("messaging_forwarded_x3", lambda x: _jpeg(_scale(_jpeg(_messaging(x), 60), 0.85), 57))
    add("messaging_cap1280_jpeg70", lambda x: _jpeg(_long_side(x, 1280, only_down=True), 70))
    # screen captures
    add("screen_browser_light", _screen_browser_light)
    add("screen_browser_dark_jpeg", _screen_browser_dark)
    add("screen_gallery", _screen_gallery)
    add("screen_phone_app", _screen_phone)
    add("screen_document_viewer", _screen_document)
    add("screen_slide_jpeg", _screen_slide)
    add("screen_video_player", _screen_video)
    add("screen_chat_hidpi_jpeg", _screen_chat)
    # filters
    add("blur_gauss_1", lambda x: cv2.GaussianBlur(x, (0, 0), 1.0))
    add("blur_gauss_2_5", lambda x: cv2.GaussianBlur(x, (0, 0), 2.5))
    add("sharpen_unsharp", lambda x: _unsharp(x, 1.5, 1.0))
    add("median_3", lambda x: cv2.medianBlur(x, 3))
    add_seeded("noise_gauss_5", lambda x, n: _noise(x, n, 5.0))
    add_seeded("noise_gauss_12", lambda x, n: _noise(x, n, 12.0))
    add("denoise_bilateral", lambda x: cv2.bilateralFilter(x, 7, 40, 7))
    add("denoise_nlmeans", lambda x: cv2.fastNlMeansDenoisingColored(x, None, 6, 6, 7, 15))
    # tone
    add("bright_p30", lambda x: _u8(x.astype(np.float32) + 30))
    add("contrast_130", lambda x: _contrast(x, 1.3))
    add("contrast_70", lambda x: _contrast(x, 0.7))
    add("gamma_070", lambda x: _gamma(x, 0.7))
    add("gamma_150", lambda x: _gamma(x, 1.5))
    add("saturation_150", lambda x: _saturation(x, 1.5))
    add("saturation_040", lambda x: _saturation(x, 0.4))
    add("greyscale", _grey)
    add("sepia", _sepia)
    # combinations
    add("combo_crop80_jpeg70", lambda x: _jpeg(_crop(x, 0.8, 0.8), 70))
    add("combo_rot3_innercrop_jpeg80", lambda x: _jpeg(_rot_inner(x, 3.0, back=False), 80))
    add("combo_fliph_bright_webp75",
        lambda x: _webp(_u8(x[:, ::-1].astype(np.float32) + 20), 75))
    add("combo_pad_caption_jpeg80",
        lambda x: _jpeg(_caption_bar(_pad(x, 0.08, 0.08, 0.08, 0.08, (255, 255, 255))), 80))
    add("combo_grey_contrast_jpeg65", lambda x: _jpeg(_contrast(_grey(x), 1.25), 65))
    add("combo_stretch_crop_jpeg75",
        lambda x: _jpeg(_crop(_resize(x, wh(x)[0] * 1.1, wh(x)[1]), 0.9, 0.9, 0.0, 1.0), 75))
    add_seeded("combo_blur_noise_jpeg70",
               lambda x, n: _jpeg(_noise(cv2.GaussianBlur(x, (0, 0), 1.2), n, 4.0), 70))
    add("combo_letterbox_down50_jpeg70",
        lambda x: _jpeg(_scale(_fit_into(x, 1280, 720, (0, 0, 0)), 0.5), 70))
    add("combo_rotn6_back_gamma", lambda x: _gamma(_rot_inner(x, -6.0, back=True), 0.8))
    add("combo_insta_square_jpeg80", _insta)
    add("combo_screen_phone_messaging", lambda x: _messaging(_screen_phone(x)))
    add("combo_logo_downup_webp60",
        lambda x: _webp(_resize(_scale(_logo(x), 0.6), *wh(x), cv2.INTER_LINEAR), 60))
    return a


# ----------------------------------------------------------------------------- unmarked


UNMARKED_SOURCES = (
    "astronaut.png", "chelsea.png", "coffee.png", "hubble_deep_field.jpg", "ihc.png",
    "motorcycle_left.png", "motorcycle_right.png", "retina.jpg", "rocket.jpg", "camera.png",
    "brick.png", "grass.png", "gravel.png", "moon.png", "coins.png", "cell.png",
    "clock_motion.png", "page.png", "text.png", "china.jpg", "flower.jpg",
)


def _unmarked_photo(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    src = _sample(UNMARKED_SOURCES[int(rng.integers(len(UNMARKED_SOURCES)))])
    sh, sw = src.shape[:2]
    aspect = w / h
    cw_max = min(sw, sh * aspect)
    frac = float(rng.uniform(0.35, 1.0))
    cw = max(8, int(cw_max * frac))
    ch = max(8, min(sh, int(round(cw / aspect))))
    cw = min(cw, sw)
    x0 = int(rng.integers(0, sw - cw + 1))
    y0 = int(rng.integers(0, sh - ch + 1))
    out = _resize(_c(src[y0:y0 + ch, x0:x0 + cw].copy()), w, h)
    if rng.random() < 0.5:
        out = out[:, ::-1]
    if rng.random() < 0.1:
        out = out[::-1]
    if rng.random() < 0.3:
        out = _gamma(_c(out), float(rng.uniform(0.7, 1.4)))
    if rng.random() < 0.2:
        out = _saturation(_c(out), float(rng.uniform(0.5, 1.4)))
    return _c(out)


def _unmarked_noise(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    kind = int(rng.integers(3))
    mean = rng.uniform(30, 225, 3)
    if kind == 0:
        a = rng.normal(mean, rng.uniform(5, 60), (h, w, 3))
    elif kind == 1:
        a = rng.uniform(0, 256, (h, w, 3))
    else:
        raw = rng.normal(0, 1, (h, w, 3)).astype(np.float32)
        sm = cv2.GaussianBlur(raw, (0, 0), float(rng.uniform(1.5, 12.0)))
        sm = sm / max(1e-6, float(sm.std()))
        a = mean + sm * rng.uniform(10, 50)
    return _u8(a)


def _unmarked_flat(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    col = rng.integers(0, 256, 3)
    a = np.broadcast_to(col.astype(np.float32), (h, w, 3))
    if rng.random() < 0.5:
        a = a + rng.normal(0, rng.uniform(0.5, 3.0), (h, w, 3))
    return _u8(a)


def _unmarked_gradient(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    c0, c1 = rng.uniform(0, 255, 3), rng.uniform(0, 255, 3)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    if rng.random() < 0.7:
        ang = rng.uniform(0, 2 * math.pi)
        t = xx * math.cos(ang) + yy * math.sin(ang)
    else:
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        t = np.hypot(xx - cx, yy - cy)
    t = (t - t.min()) / max(1e-6, float(t.max() - t.min()))
    a = c0 * (1 - t[..., None]) + c1 * t[..., None]
    if rng.random() < 0.5:
        a = a + rng.normal(0, rng.uniform(0.5, 4.0), (h, w, 3))
    return _u8(a)


def unmarked(n: int = 10000, seed: int = 2026120801) -> Iterator[tuple[str, np.ndarray]]:
    """Images that never carried a mark; item i depends only on default_rng([seed, i])."""
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        w, h = (int(v) for v in rng.integers(96, 1101, 2))
        u = float(rng.random())
        if u < 0.62:
            kind, rgb = "photo", _unmarked_photo(rng, w, h)
        elif u < 0.72:
            kind = "photo_noisy"
            rgb = _u8(_unmarked_photo(rng, w, h).astype(np.float32)
                      + rng.normal(0, rng.uniform(2, 10), (h, w, 3)))
        elif u < 0.82:
            kind, rgb = "noise", _unmarked_noise(rng, w, h)
        elif u < 0.89:
            kind, rgb = "flat", _unmarked_flat(rng, w, h)
        else:
            kind, rgb = "gradient", _unmarked_gradient(rng, w, h)
        yield f"u{i:05d}_{kind}_{w}x{h}", _c(rgb)


# ----------------------------------------------------------------------------- edge cases


def edge_cases() -> list[tuple[str, np.ndarray]]:
    """Awkward uint8 RGB arrays."""
    rng = np.random.default_rng([20261208, 1])
    china = _sample("china.jpg")
    chelsea = _sample("chelsea.png")
    out: list[tuple[str, np.ndarray]] = []
    out.append(("px_1x1", np.array([[[200, 100, 50]]], np.uint8)))
    out.append(("px_2x1", np.array([[[0, 0, 0], [255, 255, 255]]], np.uint8)))
    out.append(("px_1x2", np.array([[[255, 0, 0]], [[0, 0, 255]]], np.uint8)))
    out.append(("tiny_7x5_noise", rng.integers(0, 256, (5, 7, 3)).astype(np.uint8)))
    out.append(("tiny_31x17_photo", _resize(chelsea, 31, 17)))
    out.append(("small_48x32_photo", _resize(chelsea, 48, 32)))
    out.append(("small_64x64_photo", _resize(china[100:300, 200:400], 64, 64)))
    out.append(("small_95x95_photo", _resize(china, 95, 95)))
    out.append(("huge_4096x3072_photo", _resize(china, 4096, 3072, cv2.INTER_CUBIC)))
    out.append(("wide_6000x400_photo", _resize(china[150:300], 6000, 400, cv2.INTER_CUBIC)))
    out.append(("flat_black_512", _canvas(512, 512, (0, 0, 0))))
    out.append(("flat_white_500x300", _canvas(500, 300, (255, 255, 255))))
    out.append(("flat_grey_256", _canvas(256, 256, (128, 128, 128))))
    out.append(("flat_red_200", _canvas(200, 200, (255, 0, 0))))
    sh = np.zeros((256, 256, 3), np.uint8)
    sh[::2] = 255
    out.append(("stripes_h_1px", sh))
    sv = np.zeros((300, 400, 3), np.uint8)
    sv[:, (np.arange(400) // 2) % 2 == 0] = (0, 255, 0)
    out.append(("stripes_v_2px_green", sv))
    yy, xx = np.mgrid[0:257, 0:255]
    out.append(("checker_1px_255x257", _c(np.repeat(((xx + yy) % 2 * 255).astype(np.uint8)[
        ..., None], 3, axis=2))))
    yb, xb = np.mgrid[0:512, 0:512]
    chk = (((yb // 8) + (xb // 8)) % 2 * 255).astype(np.uint8)
    out.append(("checker_8px_512", _c(np.repeat(chk[..., None], 3, axis=2))))
    out.append(("aspect_4000x16", _resize(china[200:216], 4000, 16)))
    out.append(("aspect_16x4000", _resize(china[:, 300:316], 16, 4000)))
    out.append(("line_1024x1", _resize(china[213:214], 1024, 1)))
    out.append(("line_1x1024", _resize(china[:, 320:321], 1, 1024)))
    out.append(("noise_uniform_1000x750", rng.integers(0, 256, (750, 1000, 3)).astype(np.uint8)))
    out.append(("near_black_0to3", rng.integers(0, 4, (480, 640, 3)).astype(np.uint8)))
    out.append(("near_white_252to255", rng.integers(252, 256, (640, 480, 3)).astype(np.uint8)))
    grad = np.repeat(np.repeat(np.arange(256, dtype=np.uint8)[None, :, None], 3, 2), 64, 0)
    out.append(("gradient_256x64", _c(grad)))
    out.append(("prime_509x383_photo", _resize(china, 509, 383)))
    prim = np.zeros((240, 360, 3), np.uint8)
    cols = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0), (0, 255, 255),
            (255, 0, 255)]
    for k, col in enumerate(cols):
        prim[:, k * 60:(k + 1) * 60] = col
    out.append(("primaries_360x240", prim))
    out.append(("text_page_384x191", _sample("page.png")))
    out.append(("grey_replicated_camera_512", _sample("camera.png")))
    return [(n, _c(x)) for n, x in out]


# ----------------------------------------------------------------------------- edge files


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def edge_case_files() -> list[tuple[str, bytes]]:
    """Awkward encoded files; the same bytes on every run."""
    base = _resize(_sample("chelsea.png"), 240, 160)
    rng = np.random.default_rng([20261208, 2])
    out: list[tuple[str, bytes]] = []
    pil = Image.fromarray(base)

    def enc(im: Image.Image, fmt: str, **kw: object) -> bytes:
        buf = io.BytesIO()
        im.save(buf, fmt, **kw)
        return buf.getvalue()

    y16 = (_luma(base).astype(np.uint32) * 257).astype(np.uint16)
    out.append(("png_grey_16bit", enc(Image.fromarray(y16), "PNG")))
    ok, png48 = cv2.imencode(".png", (base.astype(np.uint16) * 257)[..., ::-1].copy())
    if not ok:
        raise RuntimeError("cv2 could not encode a 16-bit PNG")
    out.append(("png_rgb_16bit", png48.tobytes()))
    alpha = np.zeros((160, 240), np.uint8)
    alpha[:, 120:] = 255
    alpha[40:120, 60:180] = 128
    rgba = np.dstack([base, alpha])
    out.append(("png_rgba_partial", enc(Image.fromarray(rgba), "PNG")))
    out.append(("png_rgba_transparent", enc(Image.fromarray(np.dstack(
        [base, np.zeros((160, 240), np.uint8)])), "PNG")))
    la = Image.fromarray(np.dstack([_u8(_luma(base)), alpha]), "LA")
    out.append(("png_grey_alpha", enc(la, "PNG")))
    pal = pil.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out.append(("png_palette_64", enc(pal, "PNG")))
    pal_t = pal.copy()
    pal_t.info["transparency"] = 0
    out.append(("png_palette_transparent", enc(pal_t, "PNG", transparency=0)))
    out.append(("png_grey_8bit", enc(pil.convert("L"), "PNG")))
    out.append(("png_1bit", enc(pil.convert("1"), "PNG")))
    out.append(("png_1x1", enc(Image.new("RGB", (1, 1), (10, 200, 30)), "PNG")))
    good_png = enc(pil, "PNG")
    out.append(("png_truncated_half", good_png[: len(good_png) // 2]))
    bad = bytearray(good_png)
    mid = len(bad) // 2
    for k in range(mid, mid + 64):
        bad[k] ^= 0x5A
    out.append(("png_corrupt_idat", bytes(bad)))
    ihdr = struct.pack(">IIBBBBB", 40000, 40000, 8, 2, 0, 0, 0)
    bomb = (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr)
            + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 1024, 9)) + _png_chunk(b"IEND", b""))
    out.append(("png_huge_header_40000", bomb))
    out.append(("png_signature_only", b"\x89PNG\r\n\x1a\n"))
    good_jpg = enc(pil, "JPEG", quality=90)
    out.append(("jpeg_ok_q90", good_jpg))
    out.append(("jpeg_truncated_60pct", good_jpg[: len(good_jpg) * 6 // 10]))
    badj = bytearray(good_jpg)
    mid = len(badj) * 2 // 3
    for k in range(mid, mid + 40):
        badj[k] = (badj[k] * 7 + 13) & 0xFF
    out.append(("jpeg_corrupt_scan", bytes(badj)))
    out.append(("jpeg_header_only", good_jpg[:20]))
    out.append(("jpeg_cmyk", enc(pil.convert("CMYK"), "JPEG", quality=90)))
    out.append(("jpeg_grey", enc(pil.convert("L"), "JPEG", quality=88)))
    out.append(("jpeg_progressive", enc(pil, "JPEG", quality=85, progressive=True)))
    for orient in (6, 3, 8):
        exif = Image.Exif()
        exif[0x0112] = orient
        out.append((f"jpeg_exif_orientation_{orient}",
                    enc(pil, "JPEG", quality=90, exif=exif.tobytes())))
    frames = [Image.fromarray(_u8(base.astype(np.float32) * f)).convert("P", palette=1)
              for f in (1.0, 0.6, 0.3)]
    out.append(("gif_animated_3", enc(frames[0], "GIF", save_all=True,
                                      append_images=frames[1:], duration=120, loop=0)))
    out.append(("gif_single", enc(pil.convert("P", palette=1), "GIF")))
    out.append(("webp_lossy_q80", enc(pil, "WEBP", quality=80, method=4)))
    out.append(("webp_lossless_alpha", enc(Image.fromarray(rgba), "WEBP", lossless=True)))
    wframes = [Image.fromarray(_u8(base.astype(np.float32) * f)) for f in (1.0, 0.5)]
    out.append(("webp_animated_2", enc(wframes[0], "WEBP", save_all=True,
                                       append_images=wframes[1:], duration=200, loop=0,
                                       quality=80, method=4)))
    out.append(("bmp_rgb", enc(pil, "BMP")))
    out.append(("tiff_rgb_raw", enc(pil, "TIFF")))
    out.append(("tiff_grey_16bit", enc(Image.fromarray(y16), "TIFF")))
    out.append(("ico_32", enc(pil, "ICO", sizes=[(32, 32)])))
    out.append(("empty", b""))
    out.append(("garbage_4096", rng.integers(0, 256, 4096).astype(np.uint8).tobytes()))
    out.append(("text_not_image", b"this is not an image, just text\n"))
    return out
