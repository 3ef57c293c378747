"""Held-out watermark robustness set, round 2026-12-08c (blind, frozen).

PROVENANCE
    Written on 2026-12-08 by an independent tester: a helper session started by the
    project's working session, asked to write a blind held-out set. The tester never learnt
    how the watermark works and never ran it: every image, attack and parameter here was
    chosen before, and without, seeing any watermark result.
    Files read: /work/main/pyproject.toml; safegen/backends/__init__.py, base.py and
    builtin.py (only to learn how to call the built-in offline model); the directory
    listings of skimage/data and sklearn/datasets/images and those sample images (as files).
    Also read: /work/main/.gitignore (to see whether the cache folder is ignored) and the
    number of entries in benchmarks/heldout/ (`ls | grep -c .`, which printed a count only;
    no other file there was opened). pyproject.toml names other held-out files in its ruff
    exclusion list; none of them was opened.
    Run: only this module (through a throwaway check script that imports nothing else of
    the project), which runs safegen.backends.builtin.BuiltinBackend and thereby the modules
    it imports (executed, not read); and `ruff check` / `ruff format --diff` (no change
    written) on this file alone.
    Nothing forbidden was read: nothing under safegen/watermark/, docs/, tests/, the rest of
    benchmarks/, README.md, any issue tracker, git history or diffs, /work/before,
    /work/after, /work/exp or /tmp/diag; no watermark encoder or decoder was opened or run.

FROZEN
    This file is never edited, not even for style: its sha256 is its identity.

SOURCES
    numpy, Pillow and OpenCV only, plus safegen.backends.builtin for the generated images.
    Photos: fixed crops, rescales and tone changes of scikit-image's packaged sample images
    (skimage/data/*.png|jpg) and scikit-learn's (sklearn/datasets/images/*.jpg), located
    with importlib.util.find_spec and read as files. Generated: the built-in model
    (BuiltinBackend(threads=1)) at its native 256 x 256, six prompts with fixed seeds,
    cached as PNG in CACHE_DIR and regenerated when absent. Screenshots and graphics are
    drawn with numpy and OpenCV. Every random choice is seeded: attacks from the attack
    name, the image's shape and its bytes (sha256); unmarked item i from
    np.random.default_rng([seed, i]); drawn images and edge cases from fixed seeds.

INTERFACE
    ROUND = "2026-12-08c"; CACHE_DIR = <this folder>/cache_08c.
    images() -> list of (name, image_class, rgb): 28 images, image_class in
        {"photo", "generated", "graphic", "screenshot"}, rgb C-contiguous uint8 (H, W, 3).
    attacks() -> list of (name, fn): 94 attacks, fn(rgb) -> new C-contiguous uint8
        (H', W', 3) array, deterministic; the first is "none" (a copy).
    unmarked(n=10000, seed=2026120803) -> iterator of (name, rgb): never-watermarked images
        (natural crops, flips, rescales and tone tweaks of the sample photos, noise, flat
        and gradient images), both sides in 96..1100; item i depends only on
        np.random.default_rng([seed, i]) and the package sample images.
    edge_cases() -> list of (name, rgb): awkward but valid uint8 RGB arrays.
    edge_case_files() -> list of (name, bytes): awkward encoded files, byte-identical on
        every run (with the same library versions).

IMAGES (name, class, width x height)
    astronaut_portrait (photo, 320 x 512)
    chelsea_cat_bright (photo, 451 x 300)
    chelsea_closeup_large (photo, 1056 x 1200)
    coffee_table_warm (photo, 960 x 640)
    hubble_deep_dark (photo, 1000 x 872)
    ihc_tissue_small (photo, 384 x 384)
    motorcycle_wide_large (photo, 1482 x 1000)
    motorcycle_detail_flat (photo, 540 x 360)
    retina_square_large (photo, 1600 x 1600)
    rocket_portrait (photo, 420 x 640)
    china_panorama (photo, 2000 x 750)
    flower_vivid (photo, 640 x 427)
    camera_sepia_square (photo, 720 x 720)
    brick_wall_red (photo, 1024 x 768)
    grass_field_green (photo, 480 x 264)
    moon_night_blue (photo, 1200 x 900)
    coins_contrast (photo, 384 x 303)
    gravel_path_hd (photo, 1280 x 720)
    gen_mountain_lake_dawn (generated, 256 x 256)
    gen_stormy_coast (generated, 256 x 256)
    gen_desert_dunes_noon (generated, 256 x 256)
    gen_snowy_forest_evening (generated, 256 x 256)
    gen_castle_sunset (generated, 256 x 256)
    gen_foggy_valley_dusk (generated, 256 x 256)
    screenshot_settings_light (screenshot, 1280 x 800)
    screenshot_editor_dark (screenshot, 1000 x 640)
    graphic_rain_chart (graphic, 960 x 640)
    graphic_city_map_poster (graphic, 800 x 1000)

ATTACKS
    94 in all: 12 combinations (combo_*, chains of 2-4 steps), 8 screen captures
    (screen_*), social and messaging chains, and single geometric, overlay,
    compression, scaling, filter and tone changes.
    none, flip_h, flip_v, stretch_x_110, stretch_y_118, squash_x_84, stretch_both_120_106,
    aspect_to_4x3, aspect_to_square, crop_centre_52, crop_offcentre_80_64, crop_corner_br_58,
    crop_left_cut_17, crop_top_bottom_5_9, crop_right_bottom_95, crop_centre_82_resized_back,
    crop_corner_tr_66_resized_back, crop_offcentre_55_88_resized_back, rotate_+1.5_black,
    rotate_-4_white, rotate_+9_reflect, rotate_-7_expand_black, rotate_+6_inner_crop,
    rotate_-10_inner_crop, rotate_-2.5_inner_crop_resized_back, pad_black_8, pad_white_uneven,
    pad_reflect_12, pad_blurred_copy_18, border_teal_4, caption_bar_below, meme_text,
    logo_corner, text_watermark_diagonal, stickers, frame_ornate, letterbox_1280x720,
    pillarbox_720x1280, fit_4x5_blurred_1080x1350, jpeg_95_444, jpeg_85_420, jpeg_75_420,
    jpeg_62_444, jpeg_50_420, jpeg_30_420, webp_90, webp_50, down_50_area, down_75_linear,
    down_35_area, down_up_50_cubic, down_up_70_area_lanczos, up_150_cubic,
    social_crop90_1080_jpeg75, social_portrait_4x5_jpeg80, messaging_60_jpeg60,
    messaging_forwarded_x3, screen_browser_light_png, screen_browser_dark_hidpi_jpeg85,
    screen_gallery_dark_scaled75_png, screen_phone_chat_3x_png,
    screen_pdf_viewer_scaled80_jpeg90, screen_slides_editor_jpeg92, screen_video_player_jpeg80,
    screen_email_light_scaled125_jpeg80, blur_gauss_1, blur_gauss_2.5, sharpen_unsharp,
    median_3, noise_gauss_5, salt_pepper_0.5pct, denoise_bilateral, brightness_+25,
    brightness_-30, contrast_1.3, contrast_0.7, gamma_0.7, gamma_1.5, saturation_1.5,
    saturation_0.4, greyscale, sepia, combo_crop85_jpeg70, combo_rot3_innercrop_jpeg80,
    combo_fliph_bright_webp75, combo_stretchx108_blur1_jpeg85, combo_padwhite_caption_jpeg75,
    combo_down60_sharpen_jpeg65, combo_grey_contrast_jpeg80, combo_crop70_back_noise4,
    combo_gamma_sat_crop80_webp80, combo_rot-6_expand_down50_jpeg70,
    combo_stickers_crop90_jpeg75, combo_squashy90_flipv_median3_jpeg90.
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
from typing import NamedTuple

import cv2
import numpy as np
from PIL import Image, ImageEnhance

ROUND = "2026-12-08c"
CACHE_DIR = Path(__file__).resolve().parent / "cache_08c"

Attack = Callable[[np.ndarray], np.ndarray]


class Generated(NamedTuple):
    name: str
    prompt: str
    seed: int


GENERATED = (
    Generated("gen_mountain_lake_dawn", "a calm mountain lake at dawn with pine trees", 11),
    Generated("gen_stormy_coast", "a stormy sea coast under dark clouds, heavy rain", 2027),
    Generated("gen_desert_dunes_noon", "sand dunes in the desert at noon, clear sky", 404),
    Generated("gen_snowy_forest_evening", "a snowy forest on a winter evening", 77),
    Generated("gen_castle_sunset", "a stone castle on a hill at sunset", 9001),
    Generated("gen_foggy_valley_dusk", "a foggy river valley at dusk with a purple sky", 31337),
)

FONT = cv2.FONT_HERSHEY_SIMPLEX
FONT_MONO = cv2.FONT_HERSHEY_PLAIN


# ----------------------------------------------------------------------------- helpers


def _u8(a: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(np.clip(np.rint(a), 0, 255).astype(np.uint8))


def _rng(name: str, rgb: np.ndarray) -> np.random.Generator:
    digest = hashlib.sha256()
    digest.update(name.encode())
    digest.update(repr(rgb.shape).encode())
    digest.update(np.ascontiguousarray(rgb).tobytes())
    return np.random.default_rng(int.from_bytes(digest.digest()[:8], "little"))


def _resize(rgb: np.ndarray, w: int, h: int, interp: int | None = None) -> np.ndarray:
    w, h = max(1, int(w)), max(1, int(h))
    oh, ow = rgb.shape[:2]
    if (w, h) == (ow, oh):
        return rgb.copy()
    if interp is None:
        interp = cv2.INTER_AREA if w * h < ow * oh else cv2.INTER_CUBIC
    return np.ascontiguousarray(cv2.resize(rgb, (w, h), interpolation=interp))


def _text(img: np.ndarray, s: str, x: int, y: int, scale: float, colour, thick: int = 1,
          font: int = FONT) -> None:
    cv2.putText(img, s, (int(x), int(y)), font, scale, tuple(int(v) for v in colour),
                max(1, int(thick)), cv2.LINE_AA)


def _fit_text_scale(s: str, width: int, height: int, thick: int, font: int = FONT) -> float:
    (tw, th), _ = cv2.getTextSize(s, font, 1.0, thick)
    return max(0.2, min(width / max(tw, 1), height / max(th, 1)))


def _blend(base: np.ndarray, layer: np.ndarray, alpha: np.ndarray | float) -> np.ndarray:
    b = base.astype(np.float32)
    a = np.asarray(alpha, dtype=np.float32)
    if a.ndim == 2:
        a = a[:, :, None]
    return _u8(b * (1.0 - a) + layer.astype(np.float32) * a)


def _jpeg_bytes(rgb: np.ndarray, quality: int, subsampling: int = 2, **kw) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, "JPEG", quality=quality, subsampling=subsampling, **kw)
    return buf.getvalue()


def _decode(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as im:
        return np.ascontiguousarray(np.asarray(im.convert("RGB")))


def _jpeg(rgb: np.ndarray, quality: int, subsampling: int = 2) -> np.ndarray:
    return _decode(_jpeg_bytes(rgb, quality, subsampling))


def _webp(rgb: np.ndarray, quality: int) -> np.ndarray:
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, "WEBP", quality=quality, method=4)
    return _decode(buf.getvalue())


def _png_roundtrip(rgb: np.ndarray) -> np.ndarray:
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, "PNG")
    return _decode(buf.getvalue())


# ----------------------------------------------------------------------------- sample photos


def _skimage_dir() -> Path:
    spec = importlib.util.find_spec("skimage")
    assert spec is not None and spec.origin is not None, "scikit-image is needed"
    return Path(spec.origin).resolve().parent / "data"


def _sklearn_dir() -> Path:
    spec = importlib.util.find_spec("sklearn")
    assert spec is not None and spec.origin is not None, "scikit-learn is needed"
    return Path(spec.origin).resolve().parent / "datasets" / "images"


@functools.lru_cache(maxsize=64)
def _sample(name: str) -> np.ndarray:
    """A packaged sample image as RGB uint8 (read-only): 'sk:file' or 'sl:file'."""
    lib, file = name.split(":", 1)
    path = (_skimage_dir() if lib == "sk" else _sklearn_dir()) / file
    with Image.open(path) as im:
        im.load()
        if im.mode in ("RGBA", "LA", "P"):
            im = im.convert("RGBA")
            bg = Image.new("RGBA", im.size, (255, 255, 255, 255))
            im = Image.alpha_composite(bg, im)
        arr = np.ascontiguousarray(np.asarray(im.convert("RGB")))
    arr.setflags(write=False)
    return arr


UNMARKED_SOURCES = (
    "sk:astronaut.png", "sk:brick.png", "sk:camera.png", "sk:cell.png", "sk:chelsea.png",
    "sk:clock_motion.png", "sk:coffee.png", "sk:coins.png", "sk:color.png", "sk:grass.png",
    "sk:gravel.png", "sk:hubble_deep_field.jpg", "sk:ihc.png", "sk:moon.png",
    "sk:motorcycle_left.png", "sk:motorcycle_right.png", "sk:retina.jpg", "sk:rocket.jpg",
    "sk:page.png", "sk:text.png", "sl:china.jpg", "sl:flower.jpg",
)


def _tone(rgb: np.ndarray, bright: float = 0.0, contrast: float = 1.0, gamma: float = 1.0,
          sat: float = 1.0, tint: tuple[float, float, float] = (1.0, 1.0, 1.0)) -> np.ndarray:
    x = rgb.astype(np.float32) / 255.0
    if gamma != 1.0:
        x = np.power(x, gamma)
    x = x * np.asarray(tint, dtype=np.float32)
    if sat != 1.0:
        lum = (x @ np.asarray([0.299, 0.587, 0.114], dtype=np.float32))[:, :, None]
        x = lum + (x - lum) * sat
    x = (x - 0.5) * contrast + 0.5 + bright / 255.0
    return _u8(x * 255.0)


def _sepia(rgb: np.ndarray, strength: float = 1.0) -> np.ndarray:
    m = np.asarray([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]],
                   dtype=np.float32)
    x = rgb.astype(np.float32)
    s = x @ m.T
    return _u8(x * (1 - strength) + s * strength)


def _photos() -> list[tuple[str, str, np.ndarray]]:
    out: list[tuple[str, str, np.ndarray]] = []

    def add(name: str, rgb: np.ndarray) -> None:
        out.append((name, "photo", np.ascontiguousarray(rgb, dtype=np.uint8)))

    a = _sample("sk:astronaut.png")
    add("astronaut_portrait", _tone(a[0:512, 110:430], gamma=0.9))  # 320 x 512
    c = _sample("sk:chelsea.png")
    add("chelsea_cat_bright", _tone(c, bright=14, contrast=0.9))  # 451 x 300
    add("chelsea_closeup_large",
        _resize(c[40:290, 120:340], 1056, 1200, cv2.INTER_CUBIC))  # portrait 1056 x 1200
    co = _sample("sk:coffee.png")
    add("coffee_table_warm",
        _tone(_resize(co, 960, 640, cv2.INTER_LANCZOS4), tint=(1.06, 1.0, 0.88)))
    hb = _sample("sk:hubble_deep_field.jpg")
    add("hubble_deep_dark", _tone(hb, gamma=1.3))  # 1000 x 872
    add("ihc_tissue_small", _resize(_sample("sk:ihc.png"), 384, 384))
    add("motorcycle_wide_large",
        _resize(_sample("sk:motorcycle_left.png"), 1482, 1000, cv2.INTER_CUBIC))
    add("motorcycle_detail_flat",
        _tone(_sample("sk:motorcycle_right.png")[100:460, 150:690], contrast=0.75))
    add("retina_square_large", _resize(_sample("sk:retina.jpg"), 1600, 1600, cv2.INTER_CUBIC))
    add("rocket_portrait",
        _resize(_sample("sk:rocket.jpg")[:, 180:460], 420, 640, cv2.INTER_CUBIC))
    add("china_panorama",
        _tone(_resize(_sample("sl:china.jpg")[60:300], 2000, 750, cv2.INTER_CUBIC),
              sat=1.1))
    add("flower_vivid", _tone(_sample("sl:flower.jpg"), sat=1.4, contrast=1.1))
    add("camera_sepia_square", _resize(_sepia(_sample("sk:camera.png")), 720, 720))
    add("brick_wall_red",
        _resize(_tone(_sample("sk:brick.png")[0:384], tint=(1.0, 0.68, 0.52)), 1024, 768))
    add("grass_field_green",
        _tone(_sample("sk:grass.png")[120:384, 16:496], tint=(0.62, 1.0, 0.45), gamma=0.85))
    add("moon_night_blue",
        _resize(_tone(_sample("sk:moon.png")[64:448], tint=(0.75, 0.85, 1.1), bright=-10),
                1200, 900, cv2.INTER_CUBIC))
    add("coins_contrast", _tone(_sample("sk:coins.png"), contrast=1.35, tint=(1.0, 0.96, 0.85)))
    add("gravel_path_hd",
        _resize(_tone(_sample("sk:gravel.png")[112:400], tint=(0.95, 0.9, 0.82)), 1280, 720,
                cv2.INTER_CUBIC))
    return out


# ----------------------------------------------------------------------------- generated


def _generated() -> list[tuple[str, str, np.ndarray]]:
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    paths = [CACHE_DIR / f"{g.name}_s{g.seed}.png" for g in GENERATED]
    missing = [(g, p) for g, p in zip(GENERATED, paths, strict=True) if not p.exists()]
    if missing:
        from safegen.backends.builtin import BackendRequest, BuiltinBackend

        backend = BuiltinBackend(threads=1)
        for g, p in missing:
            request = BackendRequest(prompt=g.prompt, negative_prompt=None, seeds=(g.seed,))
            img = backend.generate(request)[0].convert("RGB")
            tmp = p.with_suffix(".tmp.png")
            img.save(tmp, "PNG")
            tmp.replace(p)
    out = []
    for g, p in zip(GENERATED, paths, strict=True):
        with Image.open(p) as im:
            out.append((g.name, "generated", np.ascontiguousarray(np.asarray(im.convert("RGB")))))
    return out


# ----------------------------------------------------------------------------- drawn images


def _screenshot_settings() -> np.ndarray:
    w, h = 1280, 800
    img = np.full((h, w, 3), 250, np.uint8)
    img[0:36] = (232, 232, 236)
    for i, col in enumerate([(255, 95, 87), (254, 188, 46), (40, 200, 64)]):
        cv2.circle(img, (20 + 22 * i, 18), 7, col, -1, cv2.LINE_AA)
    _text(img, "Settings", 600, 24, 0.55, (60, 60, 60), 1)
    img[36:, 0:260] = (240, 240, 244)
    items = ["General", "Appearance", "Accounts", "Privacy", "Notifications", "Storage",
             "Network", "Keyboard", "Displays", "About"]
    for i, s in enumerate(items):
        y = 70 + i * 40
        if i == 1:
            cv2.rectangle(img, (10, y - 24), (250, y + 10), (0, 122, 255), -1)
            _text(img, s, 48, y, 0.6, (255, 255, 255), 1)
        else:
            _text(img, s, 48, y, 0.6, (40, 40, 40), 1)
        cv2.circle(img, (30, y - 7), 8, (120 + 12 * i, 140, 200 - 10 * i), -1, cv2.LINE_AA)
    _text(img, "Appearance", 300, 90, 1.1, (20, 20, 20), 2)
    rows = [("Dark mode", True), ("Accent colour follows wallpaper", False),
            ("Reduce transparency", False), ("Show scroll bars", True),
            ("Large text", False), ("Animate windows", True)]
    for i, (s, on) in enumerate(rows):
        y = 150 + i * 70
        cv2.rectangle(img, (290, y - 30), (1240, y + 30), (255, 255, 255), -1)
        cv2.rectangle(img, (290, y - 30), (1240, y + 30), (225, 225, 230), 1)
        _text(img, s, 310, y + 7, 0.65, (30, 30, 30), 1)
        col = (52, 199, 89) if on else (200, 200, 205)
        cv2.rectangle(img, (1160, y - 13), (1200, y + 13), col, -1)
        cv2.circle(img, (1160, y), 13, col, -1, cv2.LINE_AA)
        cv2.circle(img, (1200, y), 13, col, -1, cv2.LINE_AA)
        cv2.circle(img, (1200 if on else 1160, y), 11, (255, 255, 255), -1, cv2.LINE_AA)
    _text(img, "Wallpaper", 300, 610, 0.8, (20, 20, 20), 2)
    for i in range(5):
        x0 = 300 + i * 180
        grad = np.linspace(0, 1, 150, dtype=np.float32)[None, :, None]
        c0 = np.asarray([30 + 40 * i, 80, 200 - 30 * i], np.float32)
        c1 = np.asarray([250, 150 + 20 * i, 60], np.float32)
        tile = c0 * (1 - grad) + c1 * grad
        img[630:730, x0:x0 + 150] = _u8(np.repeat(tile, 100, axis=0))
        if i == 2:
            cv2.rectangle(img, (x0 - 3, 627), (x0 + 152, 732), (0, 122, 255), 3)
    return np.ascontiguousarray(img)


def _screenshot_editor_dark() -> np.ndarray:
    w, h = 1000, 640
    img = np.full((h, w, 3), (30, 30, 30), np.uint8)
    img[0:30] = (50, 50, 52)
    img[30:, 0:48] = (44, 44, 46)
    img[30:, 48:220] = (37, 37, 38)
    img[h - 22:] = (0, 122, 204)
    _text(img, "main.py - project - Editor", 380, 20, 0.5, (200, 200, 200), 1)
    for i, s in enumerate(["src", "  app.py", "  main.py", "  util.py", "tests", "README"]):
        _text(img, s, 58, 60 + 22 * i, 0.45, (204, 204, 204), 1)
    for i in range(5):
        cv2.rectangle(img, (14, 50 + 48 * i), (34, 70 + 48 * i), (130, 130, 130), 1)
    palette = [(86, 156, 214), (206, 145, 120), (106, 153, 85), (220, 220, 170),
               (197, 134, 192), (156, 220, 254), (212, 212, 212)]
    words = ["def", "return", "import", "for", "in", "if", "else", "self", "value",
             "result", "config", "np.array", "print", "(x)", "range(10)", "=", "+", "None"]
    r = np.random.default_rng(81208)
    for line in range(26):
        y = 52 + line * 21
        _text(img, f"{line + 1:3d}", 226, y, 0.4, (110, 110, 110), 1)
        x = 270 + 18 * int(r.integers(0, 4))
        for _ in range(int(r.integers(0, 7))):
            word = words[int(r.integers(0, len(words)))]
            col = palette[int(r.integers(0, len(palette)))]
            _text(img, word, x, y, 0.45, col, 1)
            x += 10 * len(word) + 10
            if x > 940:
                break
    img[52 + 9 * 21 - 15:52 + 9 * 21 + 6, 220:] = (42, 45, 46)
    _text(img, "Ln 10, Col 4   UTF-8   Python", 700, h - 6, 0.45, (255, 255, 255), 1)
    return np.ascontiguousarray(img)


def _graphic_chart() -> np.ndarray:
    w, h = 960, 640
    img = np.full((h, w, 3), 255, np.uint8)
    _text(img, "Monthly rainfall and temperature, 2025", 150, 50, 0.9, (30, 30, 30), 2)
    x0, y0, x1, y1 = 90, 90, 900, 560
    for k in range(6):
        y = y1 - k * (y1 - y0) // 5
        cv2.line(img, (x0, y), (x1, y), (225, 225, 225), 1)
        _text(img, str(k * 40), 45, y + 5, 0.5, (90, 90, 90), 1)
    cv2.line(img, (x0, y0), (x0, y1), (40, 40, 40), 2)
    cv2.line(img, (x0, y1), (x1, y1), (40, 40, 40), 2)
    rain = [78, 62, 55, 48, 60, 35, 22, 30, 58, 96, 120, 102]
    temp = [3, 4, 8, 12, 16, 20, 23, 22, 18, 13, 7, 4]
    months = "JFMAMJJASOND"
    step = (x1 - x0) / 12
    pts = []
    for i in range(12):
        cx = int(x0 + step * (i + 0.5))
        top = int(y1 - rain[i] / 200 * (y1 - y0))
        cv2.rectangle(img, (cx - 22, top), (cx + 22, y1 - 1), (66, 133, 244), -1)
        _text(img, months[i], cx - 7, y1 + 24, 0.6, (60, 60, 60), 1)
        pts.append((cx, int(y1 - temp[i] / 25 * (y1 - y0))))
    cv2.polylines(img, [np.asarray(pts, np.int32)], False, (234, 67, 53), 3, cv2.LINE_AA)
    for p in pts:
        cv2.circle(img, p, 6, (234, 67, 53), -1, cv2.LINE_AA)
        cv2.circle(img, p, 3, (255, 255, 255), -1, cv2.LINE_AA)
    cv2.rectangle(img, (660, 70), (680, 84), (66, 133, 244), -1)
    _text(img, "rain (mm)", 688, 83, 0.5, (40, 40, 40), 1)
    cv2.line(img, (780, 77), (800, 77), (234, 67, 53), 3)
    _text(img, "temp (C)", 806, 83, 0.5, (40, 40, 40), 1)
    _text(img, "Source: example weather station", 600, 620, 0.45, (130, 130, 130), 1)
    return np.ascontiguousarray(img)


def _graphic_map_poster() -> np.ndarray:
    w, h = 800, 1000
    img = np.full((h, w, 3), (242, 236, 222), np.uint8)
    r = np.random.default_rng(20261208)
    for _ in range(14):
        cx, cy = int(r.integers(0, w)), int(r.integers(80, 880))
        ax, ay = int(r.integers(20, 90)), int(r.integers(15, 70))
        cv2.ellipse(img, (cx, cy), (ax, ay), float(r.uniform(0, 180)), 0, 360,
                    (200, 225, 180), -1, cv2.LINE_AA)
    river = np.stack([np.linspace(-20, 820, 60),
                      500 + 120 * np.sin(np.linspace(0, 5, 60)) + np.linspace(-150, 150, 60)],
                     axis=1).astype(np.int32)
    cv2.polylines(img, [river], False, (150, 190, 230), 26, cv2.LINE_AA)
    for k in range(12):
        x = int(40 + k * 66 + r.integers(-10, 10))
        cv2.line(img, (x, 80), (x + int(r.integers(-60, 60)), 900), (255, 255, 255), 5,
                 cv2.LINE_AA)
        y = int(100 + k * 66 + r.integers(-10, 10))
        cv2.line(img, (0, y), (w, y + int(r.integers(-40, 40))), (255, 255, 255), 4, cv2.LINE_AA)
    cv2.line(img, (0, 300), (800, 760), (250, 200, 90), 9, cv2.LINE_AA)
    cv2.line(img, (120, 0), (560, 1000), (250, 200, 90), 9, cv2.LINE_AA)
    for name, x, y in [("OLD TOWN", 300, 420), ("HARBOUR", 560, 640), ("PARK", 140, 220),
                       ("STATION", 470, 280), ("MARKET", 250, 760)]:
        cv2.circle(img, (x - 14, y - 6), 6, (200, 60, 60), -1, cv2.LINE_AA)
        _text(img, name, x, y, 0.6, (60, 50, 40), 2)
    img[0:80] = (40, 60, 90)
    _text(img, "CITY WALKS", 230, 58, 1.5, (250, 240, 220), 3)
    img[900:] = (40, 60, 90)
    _text(img, "12 routes - 48 km - 2026 edition", 170, 955, 0.75, (250, 240, 220), 2)
    cv2.rectangle(img, (10, 90), (790, 890), (40, 60, 90), 3)
    return np.ascontiguousarray(img)


def images() -> list[tuple[str, str, np.ndarray]]:
    """28 images: (name, class, rgb) with rgb a C-contiguous uint8 (H, W, 3) array."""
    out = _photos() + _generated()
    out.append(("screenshot_settings_light", "screenshot", _screenshot_settings()))
    out.append(("screenshot_editor_dark", "screenshot", _screenshot_editor_dark()))
    out.append(("graphic_rain_chart", "graphic", _graphic_chart()))
    out.append(("graphic_city_map_poster", "graphic", _graphic_map_poster()))
    return [(n, k, np.ascontiguousarray(a, dtype=np.uint8)) for n, k, a in out]


# ----------------------------------------------------------------------------- attacks: geometry


def _copy(rgb: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(rgb.copy())


def _flip(rgb: np.ndarray, axis: int) -> np.ndarray:
    return np.ascontiguousarray(rgb[:, ::-1] if axis == 1 else rgb[::-1])


def _scale_xy(rgb: np.ndarray, sx: float, sy: float, interp: int | None = None) -> np.ndarray:
    h, w = rgb.shape[:2]
    return _resize(rgb, round(w * sx), round(h * sy), interp)


def _aspect(rgb: np.ndarray, ratio: float) -> np.ndarray:
    h, w = rgb.shape[:2]
    area = w * h
    nw = math.sqrt(area * ratio)
    return _resize(rgb, round(nw), round(area / nw), cv2.INTER_LINEAR)


def _crop(rgb: np.ndarray, fx: float, fy: float, ax: float = 0.5, ay: float = 0.5,
          back: bool = False) -> np.ndarray:
    """Keep fx of the width and fy of the height; ax, ay place the window (0 left/top)."""
    h, w = rgb.shape[:2]
    cw, ch = max(1, round(w * fx)), max(1, round(h * fy))
    x, y = round((w - cw) * ax), round((h - ch) * ay)
    out = rgb[y:y + ch, x:x + cw]
    if back:
        return _resize(out, w, h, cv2.INTER_CUBIC)
    return np.ascontiguousarray(out.copy())


def _crop_sides(rgb: np.ndarray, left: float, top: float, right: float,
                bottom: float) -> np.ndarray:
    h, w = rgb.shape[:2]
    x0, y0 = round(w * left), round(h * top)
    x1, y1 = w - round(w * right), h - round(h * bottom)
    return np.ascontiguousarray(rgb[y0:y1, x0:x1].copy())


def _rotate(rgb: np.ndarray, deg: float, fill: str = "black", expand: bool = False,
            inner: bool = False, back: bool = False) -> np.ndarray:
    h, w = rgb.shape[:2]
    m = cv2.getRotationMatrix2D(((w - 1) / 2.0, (h - 1) / 2.0), deg, 1.0)
    rad = math.radians(deg)
    cs, sn = abs(math.cos(rad)), abs(math.sin(rad))
    ow, oh = w, h
    if expand:
        ow, oh = int(math.ceil(w * cs + h * sn)), int(math.ceil(w * sn + h * cs))
        m[0, 2] += (ow - w) / 2.0
        m[1, 2] += (oh - h) / 2.0
    if fill == "reflect":
        mode, value = cv2.BORDER_REFLECT_101, (0, 0, 0)
    else:
        mode = cv2.BORDER_CONSTANT
        value = (255, 255, 255) if fill == "white" else (0, 0, 0)
    out = cv2.warpAffine(rgb, m, (ow, oh), flags=cv2.INTER_LINEAR, borderMode=mode,
                         borderValue=value)
    if inner:
        s = min(w / (w * cs + h * sn), h / (w * sn + h * cs))
        cw, ch = int(math.floor(w * s)) - 2, int(math.floor(h * s)) - 2
        x, y = (ow - cw) // 2, (oh - ch) // 2
        out = out[y:y + ch, x:x + cw]
        if back:
            return _resize(out, w, h, cv2.INTER_CUBIC)
    return np.ascontiguousarray(out)


def _pad(rgb: np.ndarray, top: float, bottom: float, left: float, right: float,
         mode: str = "constant", colour=(0, 0, 0)) -> np.ndarray:
    h, w = rgb.shape[:2]
    t, b, lf, r = round(h * top), round(h * bottom), round(w * left), round(w * right)
    if mode == "reflect":
        out = cv2.copyMakeBorder(rgb, t, b, lf, r, cv2.BORDER_REFLECT_101)
    elif mode == "blurred":
        bg = _resize(rgb, w + lf + r, h + t + b, cv2.INTER_LINEAR)
        k = max(3, (max(bg.shape[:2]) // 30) | 1)
        bg = cv2.GaussianBlur(bg, (k, k), 0)
        bg = _tone(bg, bright=-20, sat=0.8)
        bg[t:t + h, lf:lf + w] = rgb
        out = bg
    else:
        out = cv2.copyMakeBorder(rgb, t, b, lf, r, cv2.BORDER_CONSTANT,
                                 value=tuple(int(v) for v in colour))
    return np.ascontiguousarray(out)


def _fit(rgb: np.ndarray, cw: int, ch: int, bg: str | tuple = (0, 0, 0),
         upscale: bool = True) -> np.ndarray:
    h, w = rgb.shape[:2]
    s = min(cw / w, ch / h)
    if not upscale:
        s = min(s, 1.0)
    nw, nh = max(1, round(w * s)), max(1, round(h * s))
    img = _resize(rgb, nw, nh)
    if bg == "blurred":
        sc = max(cw / w, ch / h)
        cov = _resize(rgb, math.ceil(w * sc), math.ceil(h * sc), cv2.INTER_LINEAR)
        y, x = (cov.shape[0] - ch) // 2, (cov.shape[1] - cw) // 2
        canvas = cv2.GaussianBlur(cov[y:y + ch, x:x + cw], (0, 0), max(cw, ch) / 40)
        canvas = _tone(canvas, bright=-25)
    else:
        canvas = np.empty((ch, cw, 3), np.uint8)
        canvas[:] = bg
    x, y = (cw - nw) // 2, (ch - nh) // 2
    canvas[y:y + nh, x:x + nw] = img
    return np.ascontiguousarray(canvas)


# ----------------------------------------------------------------------------- attacks: overlays


def _caption_bar(rgb: np.ndarray, text: str, frac: float = 0.12) -> np.ndarray:
    h, w = rgb.shape[:2]
    bar = max(16, round(h * frac))
    out = np.full((h + bar, w, 3), 255, np.uint8)
    out[:h] = rgb
    thick = max(1, bar // 18)
    scale = _fit_text_scale(text, int(w * 0.9), int(bar * 0.5), thick)
    _text(out, text, w * 0.05, h + bar * 0.7, scale, (20, 20, 20), thick)
    return np.ascontiguousarray(out)


def _meme(rgb: np.ndarray) -> np.ndarray:
    out = rgb.copy()
    h, w = rgb.shape[:2]
    for s, yf in (("WHEN THE BENCHMARK", 0.13), ("FINALLY FINISHES", 0.95)):
        thick = max(2, h // 90)
        scale = _fit_text_scale(s, int(w * 0.86), int(h * 0.09), thick)
        (tw, _), _ = cv2.getTextSize(s, FONT, scale, thick)
        x = (w - tw) // 2
        _text(out, s, x, h * yf, scale, (0, 0, 0), thick * 3)
        _text(out, s, x, h * yf, scale, (255, 255, 255), thick)
    return np.ascontiguousarray(out)


def _logo(rgb: np.ndarray) -> np.ndarray:
    h, w = rgb.shape[:2]
    layer = rgb.copy()
    mask = np.zeros((h, w), np.float32)
    r = max(6, round(min(h, w) * 0.08))
    cx, cy = w - round(r * 1.6), h - round(r * 1.6)
    cv2.circle(layer, (cx, cy), r, (230, 40, 60), -1, cv2.LINE_AA)
    cv2.circle(mask, (cx, cy), r, 0.7, -1, cv2.LINE_AA)
    thick = max(1, r // 8)
    scale = _fit_text_scale("sg", int(r * 1.2), int(r * 0.8), thick)
    (tw, th), _ = cv2.getTextSize("sg", FONT, scale, thick)
    _text(layer, "sg", cx - tw // 2, cy + th // 2, scale, (255, 255, 255), thick)
    text = "studio"
    scale2 = _fit_text_scale(text, int(r * 3), int(r * 0.6), thick)
    (tw2, _), _ = cv2.getTextSize(text, FONT, scale2, thick)
    tx, ty = cx - r - tw2 - r // 3, cy + r // 4
    _text(layer, text, tx, ty, scale2, (255, 255, 255), thick)
    tmask = np.zeros((h, w), np.float32)
    _text(tmask, text, tx, ty, scale2, (1,), thick)
    mask = np.maximum(mask, tmask * 0.8)
    return _blend(rgb, layer, mask)


def _diag_text(rgb: np.ndarray) -> np.ndarray:
    h, w = rgb.shape[:2]
    side = int(math.ceil(math.hypot(w, h)))
    layer = np.zeros((side, side), np.uint8)
    thick = max(1, side // 400)
    scale = max(0.4, side / 1400)
    step_y = max(20, int(60 * scale))
    for i, y in enumerate(range(step_y, side, step_y)):
        off = (i % 2) * int(120 * scale)
        for x in range(-off, side, int(330 * scale)):
            _text(layer, "SAMPLE (c) 2026", x, y, scale, (255,), thick)
    m = cv2.getRotationMatrix2D(((side - 1) / 2, (side - 1) / 2), 30, 1.0)
    layer = cv2.warpAffine(layer, m, (side, side))
    y0, x0 = (side - h) // 2, (side - w) // 2
    mask = layer[y0:y0 + h, x0:x0 + w].astype(np.float32) / 255.0 * 0.3
    white = np.full_like(rgb, 255)
    return _blend(rgb, white, mask)


def _stickers(rgb: np.ndarray) -> np.ndarray:
    out = rgb.copy()
    h, w = rgb.shape[:2]
    r = _rng("stickers", rgb)
    rad = max(4, round(min(h, w) * 0.07))
    cols = [(255, 214, 0), (255, 105, 180), (80, 200, 255), (120, 230, 100), (255, 140, 0)]
    for i in range(5):
        cx = int(r.integers(rad, max(rad + 1, w - rad)))
        cy = int(r.integers(rad, max(rad + 1, h - rad)))
        if i % 2 == 0:
            cv2.circle(out, (cx, cy), rad, cols[i], -1, cv2.LINE_AA)
            cv2.circle(out, (cx, cy), rad, (40, 40, 40), max(1, rad // 10), cv2.LINE_AA)
            e = max(1, rad // 6)
            cv2.circle(out, (cx - rad // 3, cy - rad // 4), e, (40, 40, 40), -1, cv2.LINE_AA)
            cv2.circle(out, (cx + rad // 3, cy - rad // 4), e, (40, 40, 40), -1, cv2.LINE_AA)
            cv2.ellipse(out, (cx, cy + rad // 8), (rad // 2, rad // 3), 0, 10, 170,
                        (40, 40, 40), max(1, rad // 10), cv2.LINE_AA)
        else:
            pts = []
            for k in range(10):
                rr = rad if k % 2 == 0 else rad * 0.45
                ang = math.pi / 5 * k - math.pi / 2
                pts.append((cx + rr * math.cos(ang), cy + rr * math.sin(ang)))
            cv2.fillPoly(out, [np.asarray(pts, np.int32)], cols[i], cv2.LINE_AA)
    return np.ascontiguousarray(out)


def _frame(rgb: np.ndarray) -> np.ndarray:
    out = rgb.copy()
    h, w = rgb.shape[:2]
    t = max(2, round(min(h, w) * 0.045))
    cv2.rectangle(out, (0, 0), (w - 1, h - 1), (176, 141, 87), 2 * t)
    cv2.rectangle(out, (t, t), (w - 1 - t, h - 1 - t), (240, 220, 170), max(1, t // 3))
    for cx, cy in ((t, t), (w - 1 - t, t), (t, h - 1 - t), (w - 1 - t, h - 1 - t)):
        cv2.circle(out, (cx, cy), t, (120, 90, 50), -1, cv2.LINE_AA)
    return np.ascontiguousarray(out)


# ----------------------------------------------------------------------------- attacks: filters


def _gauss(rgb: np.ndarray, sigma: float) -> np.ndarray:
    return np.ascontiguousarray(cv2.GaussianBlur(rgb, (0, 0), sigma))


def _unsharp(rgb: np.ndarray, sigma: float, amount: float) -> np.ndarray:
    b = cv2.GaussianBlur(rgb, (0, 0), sigma).astype(np.float32)
    x = rgb.astype(np.float32)
    return _u8(x + amount * (x - b))


def _median(rgb: np.ndarray, k: int) -> np.ndarray:
    return np.ascontiguousarray(cv2.medianBlur(rgb, k))


def _noise(rgb: np.ndarray, sigma: float, name: str) -> np.ndarray:
    r = _rng(name, rgb)
    n = r.normal(0.0, sigma, rgb.shape).astype(np.float32)
    return _u8(rgb.astype(np.float32) + n)


def _salt_pepper(rgb: np.ndarray, frac: float, name: str) -> np.ndarray:
    r = _rng(name, rgb)
    out = rgb.copy()
    u = r.random(rgb.shape[:2])
    out[u < frac / 2] = 0
    out[u > 1 - frac / 2] = 255
    return np.ascontiguousarray(out)


def _bilateral(rgb: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(cv2.bilateralFilter(rgb, 7, 40, 5))


# ----------------------------------------------------------------------------- attacks: tone


def _bright_add(rgb: np.ndarray, v: int) -> np.ndarray:
    return _u8(rgb.astype(np.int16) + v)


def _pil_enhance(rgb: np.ndarray, kind: str, f: float) -> np.ndarray:
    im = Image.fromarray(rgb)
    enh = {"contrast": ImageEnhance.Contrast, "colour": ImageEnhance.Color,
           "brightness": ImageEnhance.Brightness}[kind](im)
    return np.ascontiguousarray(np.asarray(enh.enhance(f)))


def _gamma(rgb: np.ndarray, g: float) -> np.ndarray:
    lut = _u8(255.0 * (np.arange(256) / 255.0) ** g)
    return np.ascontiguousarray(lut[rgb])


def _greyscale(rgb: np.ndarray) -> np.ndarray:
    g = Image.fromarray(rgb).convert("L").convert("RGB")
    return np.ascontiguousarray(np.asarray(g))


# ----------------------------------------------------------------------------- attacks: chains


def _long_side(rgb: np.ndarray, side: int) -> np.ndarray:
    h, w = rgb.shape[:2]
    s = side / max(h, w)
    return _resize(rgb, round(w * s), round(h * s))


def _social(rgb: np.ndarray) -> np.ndarray:
    x = _crop(rgb, 0.9, 0.9)
    x = _long_side(x, 1080)
    return _jpeg(x, 75)


def _social_portrait(rgb: np.ndarray) -> np.ndarray:
    h, w = rgb.shape[:2]
    if w / h > 0.8:
        x = _crop(rgb, min(1.0, 0.8 * h / w), 1.0, 0.45, 0.5)
    else:
        x = _crop(rgb, 1.0, min(1.0, w / (0.8 * h)), 0.5, 0.4)
    return _jpeg(_resize(x, 1080, 1350), 80)


def _messaging(rgb: np.ndarray, scale: float, q: int, forwards: tuple[int, ...] = ()) -> np.ndarray:
    x = _jpeg(_scale_xy(rgb, scale, scale, cv2.INTER_AREA), q)
    for fq in forwards:
        if max(x.shape[:2]) > 1280:
            x = _long_side(x, 1280)
        x = _jpeg(x, fq)
    return x


def _chain(*steps: Attack) -> Attack:
    def run(rgb: np.ndarray) -> np.ndarray:
        for step in steps:
            rgb = step(rgb)
        return np.ascontiguousarray(rgb)

    return run


# ----------------------------------------------------------------------------- screen captures


def _place(canvas: np.ndarray, rgb: np.ndarray, x: int, y: int, bw: int, bh: int,
           upscale: bool, interp_up: int = cv2.INTER_LINEAR,
           max_scale: float = 1e9) -> tuple[int, int, int, int]:
    h, w = rgb.shape[:2]
    s = min(bw / w, bh / h, max_scale)
    if not upscale:
        s = min(s, 1.0)
    nw, nh = max(1, round(w * s)), max(1, round(h * s))
    img = _resize(rgb, nw, nh, cv2.INTER_AREA if nw * nh < w * h else interp_up)
    ox, oy = x + (bw - nw) // 2, y + (bh - nh) // 2
    canvas[oy:oy + nh, ox:ox + nw] = img
    return ox, oy, nw, nh


def _bars(img: np.ndarray, x: int, y: int, width: int, n: int, colour, gap: int = 22,
          hgt: int = 9, seed: int = 0) -> None:
    r = np.random.default_rng(seed)
    for i in range(n):
        ww = int(width * (0.55 + 0.45 * r.random())) if i % 5 != 4 else int(width * 0.4)
        cv2.rectangle(img, (x, y + i * gap), (x + ww, y + i * gap + hgt), colour, -1)


def _capture(canvas: np.ndarray, scale: float, fmt: str, q: int = 90,
             sub: int = 2) -> np.ndarray:
    if scale != 1.0:
        h, w = canvas.shape[:2]
        interp = cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
        canvas = _resize(canvas, round(w * scale), round(h * scale), interp)
    if fmt == "jpeg":
        return _jpeg(canvas, q, sub)
    return _png_roundtrip(canvas)


def _screen_browser_light(rgb: np.ndarray) -> np.ndarray:
    w, h = 1366, 768
    c = np.full((h, w, 3), 255, np.uint8)
    c[0:40] = (222, 225, 230)
    cv2.rectangle(c, (8, 6), (260, 40), (255, 255, 255), -1)
    _text(c, "Gallery - Photo of the day", 20, 28, 0.5, (50, 50, 50), 1)
    _text(c, "x", 240, 28, 0.5, (90, 90, 90), 1)
    cv2.rectangle(c, (100, 48), (1250, 78), (241, 243, 244), -1)
    _text(c, "https://example.org/gallery/2026/12/photo-of-the-day", 120, 69, 0.5,
          (60, 60, 60), 1)
    for i in range(3):
        cv2.circle(c, (25 + 25 * i, 63), 8, (110, 110, 110), 1, cv2.LINE_AA)
    c[84:85] = (210, 210, 210)
    _text(c, "Photo of the day", 60, 120, 0.9, (20, 20, 20), 2)
    _place(c, rgb, 60, 140, w - 120, h - 190, upscale=False)
    _text(c, "Shared by a reader. All rights reserved.", 60, h - 22, 0.5, (110, 110, 110), 1)
    return _capture(c, 1.0, "png")


def _screen_browser_dark(rgb: np.ndarray) -> np.ndarray:
    w, h = 1920, 1200  # device pixel ratio 1.5
    c = np.full((h, w, 3), (32, 33, 36), np.uint8)
    c[0:60] = (53, 54, 58)
    c[60:120] = (41, 42, 45)
    cv2.rectangle(c, (12, 9), (400, 60), (41, 42, 45), -1)
    _text(c, "image.png (dark)", 30, 42, 0.8, (230, 230, 230), 2)
    cv2.rectangle(c, (160, 72), (1800, 108), (32, 33, 36), -1)
    _text(c, "file:///home/user/Pictures/image.png", 190, 100, 0.8, (200, 200, 200), 1)
    _place(c, rgb, 0, 120, w, h - 120, upscale=True, max_scale=1.5)
    return _capture(c, 1.0, "jpeg", 85)


def _screen_gallery_dark(rgb: np.ndarray) -> np.ndarray:
    w, h = 1440, 900
    c = np.full((h, w, 3), 18, np.uint8)
    c[0:48] = 32
    _text(c, "< Photos", 16, 32, 0.7, (230, 230, 230), 1)
    _text(c, "IMG_2048.JPG   3 of 42", 560, 32, 0.6, (200, 200, 200), 1)
    for i, s in enumerate(["Edit", "Share", "Info"]):
        _text(c, s, 1180 + 80 * i, 32, 0.6, (10, 132, 255), 1)
    _place(c, rgb, 20, 58, w - 40, 732, upscale=True, interp_up=cv2.INTER_CUBIC)
    c[800:] = 28
    thumb = _resize(rgb, 110, 80)
    for i in range(9):
        x = 225 + i * 112
        if i == 4:
            c[810:890, x:x + 110] = thumb
            cv2.rectangle(c, (x - 2, 808), (x + 111, 891), (255, 255, 255), 2)
        else:
            c[810:890, x:x + 110] = _u8(thumb.astype(np.float32) * 0.3 + 40 + 12 * i)
    return _capture(c, 0.75, "png")


def _screen_phone_chat(rgb: np.ndarray) -> np.ndarray:
    w, h = 1170, 2532  # phone at 3x
    c = np.full((h, w, 3), (236, 229, 221), np.uint8)
    c[0:140] = (247, 247, 247)
    _text(c, "9:41", 80, 100, 1.4, (0, 0, 0), 3)
    cv2.rectangle(c, (960, 70), (1060, 110), (0, 0, 0), 3)
    cv2.rectangle(c, (966, 76), (1030, 104), (0, 0, 0), -1)
    c[140:320] = (247, 247, 247)
    cv2.circle(c, (150, 230), 55, (150, 170, 200), -1, cv2.LINE_AA)
    _text(c, "Alex", 240, 220, 1.5, (0, 0, 0), 3)
    _text(c, "online", 240, 275, 1.0, (120, 120, 120), 2)
    c[320:322] = (210, 210, 210)
    cv2.rectangle(c, (40, 380), (700, 520), (255, 255, 255), -1)
    _text(c, "did you get the pictures?", 70, 470, 1.3, (20, 20, 20), 2)
    cv2.rectangle(c, (600, 560), (1130, 700), (220, 248, 198), -1)
    _text(c, "yes, here is one", 640, 650, 1.3, (20, 20, 20), 2)
    bx0, by0 = 380, 740
    ox, oy, nw, nh = _place(c, rgb, bx0 + 14, by0 + 14, 736, 1100, upscale=True)
    cv2.rectangle(c, (ox - 14, oy - 14), (ox + nw + 13, oy + nh + 60), (220, 248, 198), -1)
    _place(c, rgb, bx0 + 14, by0 + 14, 736, 1100, upscale=True)
    _text(c, "18:42", ox + nw - 110, oy + nh + 45, 0.9, (110, 140, 110), 2)
    c[h - 200:] = (247, 247, 247)
    cv2.rectangle(c, (60, h - 170), (1000, h - 80), (255, 255, 255), -1)
    _text(c, "Message", 100, h - 110, 1.2, (160, 160, 160), 2)
    cv2.circle(c, (1080, h - 125), 45, (0, 150, 136), -1, cv2.LINE_AA)
    return _capture(c, 1.0, "png")


def _screen_document(rgb: np.ndarray) -> np.ndarray:
    w, h = 1400, 1000
    c = np.full((h, w, 3), (82, 86, 89), np.uint8)
    c[0:56] = (50, 54, 57)
    _text(c, "report_final_v3.pdf", 20, 36, 0.7, (235, 235, 235), 1)
    _text(c, "4 / 12     125%", 1150, 36, 0.6, (235, 235, 235), 1)
    c[80:, 250:1150] = 255
    _text(c, "3. Field observations", 320, 140, 1.0, (20, 20, 20), 2)
    _bars(c, 320, 170, 760, 2, (90, 90, 90), seed=3)
    ox, oy, nw, nh = _place(c, rgb, 330, 225, 740, 480, upscale=True)
    _text(c, "Figure 3. Site photograph taken on arrival.", 330, oy + nh + 30, 0.55,
          (60, 60, 60), 1)
    _bars(c, 320, oy + nh + 60, 760, 10, (90, 90, 90), seed=4)
    return _capture(c, 0.8, "jpeg", 90)


def _screen_slides(rgb: np.ndarray) -> np.ndarray:
    w, h = 1600, 1000
    c = np.full((h, w, 3), (230, 230, 230), np.uint8)
    c[0:110] = (243, 243, 243)
    c[0:30] = (183, 71, 42)
    for i, s in enumerate(["File", "Home", "Insert", "Design", "Transitions", "Slide Show"]):
        _text(c, s, 20 + 120 * i, 60, 0.55, (40, 40, 40), 1)
    for i in range(6):
        cv2.rectangle(c, (20 + 70 * i, 75), (70 + 70 * i, 100), (200, 200, 205), -1)
    c[110:, 0:220] = (250, 250, 250)
    for i in range(4):
        y = 130 + 130 * i
        cv2.rectangle(c, (30, y), (200, y + 96), (255, 255, 255), -1)
        cv2.rectangle(c, (30, y), (200, y + 96), (0, 120, 215) if i == 1 else (190, 190, 190), 2)
        cv2.rectangle(c, (40, y + 10), (150, y + 20), (120, 120, 120), -1)
    sx, sy, sw, sh = 260, 150, 1300, 731
    c[sy:sy + sh, sx:sx + sw] = 255
    _text(c, "Site survey: first results", sx + 50, sy + 80, 1.3, (30, 30, 30), 3)
    for i in range(5):
        y = sy + 170 + 60 * i
        cv2.circle(c, (sx + 60, y - 8), 6, (60, 60, 60), -1, cv2.LINE_AA)
        cv2.rectangle(c, (sx + 80, y - 14), (sx + 80 + 300 - 25 * i, y), (110, 110, 110), -1)
    _place(c, rgb, sx + 520, sy + 130, 740, 560, upscale=True)
    _text(c, "Slide 2 of 14   English (UK)", 20, h - 15, 0.5, (60, 60, 60), 1)
    return _capture(c, 1.0, "jpeg", 92, 0)


def _screen_video(rgb: np.ndarray) -> np.ndarray:
    w, h = 1280, 720
    c = np.zeros((h, w, 3), np.uint8)
    _place(c, rgb, 0, 0, w, h, upscale=True, interp_up=cv2.INTER_CUBIC)
    shade = np.zeros((h, w), np.float32)
    shade[600:] = np.linspace(0.0, 0.75, 120, dtype=np.float32)[:, None]
    c = _blend(c, np.zeros_like(c), shade)
    cv2.rectangle(c, (20, 650), (1260, 655), (120, 120, 120), -1)
    cv2.rectangle(c, (20, 650), (520, 655), (255, 0, 0), -1)
    cv2.circle(c, (520, 652), 8, (255, 0, 0), -1, cv2.LINE_AA)
    cv2.fillPoly(c, [np.asarray([(30, 670), (30, 700), (55, 685)], np.int32)],
                 (255, 255, 255), cv2.LINE_AA)
    _text(c, "1:23 / 3:45", 80, 693, 0.6, (255, 255, 255), 1)
    _text(c, "HD", 1200, 693, 0.6, (255, 255, 255), 1)
    _text(c, "Trip highlights", 20, 40, 0.9, (255, 255, 255), 2)
    return _capture(c, 1.0, "jpeg", 80)


def _screen_email(rgb: np.ndarray) -> np.ndarray:
    w, h = 1440, 900
    c = np.full((h, w, 3), 255, np.uint8)
    c[:, 0:220] = (246, 248, 252)
    for i, s in enumerate(["Inbox  12", "Starred", "Sent", "Drafts  2", "Archive", "Spam"]):
        if i == 0:
            cv2.rectangle(c, (8, 60), (212, 94), (211, 227, 253), -1)
        _text(c, s, 24, 84 + 40 * i, 0.55, (30, 30, 30), 1)
    c[:, 220:221] = (225, 225, 225)
    for i in range(10):
        y = 20 + 80 * i
        if i == 1:
            c[y - 10:y + 68, 221:620] = (232, 240, 254)
        _text(c, f"Sender {i + 1}", 240, y + 20, 0.55, (20, 20, 20), 2 if i < 3 else 1)
        _bars(c, 240, y + 34, 340, 2, (150, 150, 150), gap=16, hgt=7, seed=10 + i)
        c[y + 69:y + 70, 221:620] = (235, 235, 235)
    c[:, 620:621] = (225, 225, 225)
    _text(c, "Photos from the weekend", 650, 50, 0.9, (20, 20, 20), 2)
    cv2.circle(c, (672, 100), 20, (100, 160, 120), -1, cv2.LINE_AA)
    _text(c, "Sam <sam@example.org>   to me", 705, 107, 0.55, (60, 60, 60), 1)
    _bars(c, 650, 140, 700, 3, (80, 80, 80), seed=21)
    _place(c, rgb, 650, 215, 760, 520, upscale=False)
    _bars(c, 650, 760, 600, 4, (80, 80, 80), seed=22)
    return _capture(c, 1.25, "jpeg", 80)


# ----------------------------------------------------------------------------- the attack list


def _down_up(rgb: np.ndarray, f: float, down: int, up: int) -> np.ndarray:
    h, w = rgb.shape[:2]
    small = _resize(rgb, round(w * f), round(h * f), down)
    return _resize(small, w, h, up)


def _attack_list() -> list[tuple[str, Attack]]:
    P = functools.partial
    A: list[tuple[str, Attack]] = [("none", _copy)]
    add = A.append
    # flips, stretches, aspect changes
    add(("flip_h", P(_flip, axis=1)))
    add(("flip_v", P(_flip, axis=0)))
    add(("stretch_x_110", P(_scale_xy, sx=1.10, sy=1.0)))
    add(("stretch_y_118", P(_scale_xy, sx=1.0, sy=1.18)))
    add(("squash_x_84", P(_scale_xy, sx=0.84, sy=1.0)))
    add(("stretch_both_120_106", P(_scale_xy, sx=1.20, sy=1.06, interp=cv2.INTER_LINEAR)))
    add(("aspect_to_4x3", P(_aspect, ratio=4 / 3)))
    add(("aspect_to_square", P(_aspect, ratio=1.0)))
    # crops
    add(("crop_centre_52", P(_crop, fx=0.52, fy=0.52)))
    add(("crop_offcentre_80_64", P(_crop, fx=0.80, fy=0.64, ax=0.15, ay=0.7)))
    add(("crop_corner_br_58", P(_crop, fx=0.58, fy=0.58, ax=1.0, ay=1.0)))
    add(("crop_left_cut_17", P(_crop_sides, left=0.17, top=0.0, right=0.0, bottom=0.0)))
    add(("crop_top_bottom_5_9", P(_crop_sides, left=0.0, top=0.05, right=0.0, bottom=0.09)))
    add(("crop_right_bottom_95", P(_crop_sides, left=0.0, top=0.0, right=0.05, bottom=0.05)))
    add(("crop_centre_82_resized_back", P(_crop, fx=0.82, fy=0.82, back=True)))
    add(("crop_corner_tr_66_resized_back",
         P(_crop, fx=0.66, fy=0.66, ax=1.0, ay=0.0, back=True)))
    add(("crop_offcentre_55_88_resized_back",
         P(_crop, fx=0.55, fy=0.88, ax=0.3, ay=0.6, back=True)))
    # rotations
    add(("rotate_+1.5_black", P(_rotate, deg=1.5)))
    add(("rotate_-4_white", P(_rotate, deg=-4, fill="white")))
    add(("rotate_+9_reflect", P(_rotate, deg=9, fill="reflect")))
    add(("rotate_-7_expand_black", P(_rotate, deg=-7, expand=True)))
    add(("rotate_+6_inner_crop", P(_rotate, deg=6, inner=True)))
    add(("rotate_-10_inner_crop", P(_rotate, deg=-10, inner=True)))
    add(("rotate_-2.5_inner_crop_resized_back", P(_rotate, deg=-2.5, inner=True, back=True)))
    # padding and borders
    add(("pad_black_8", P(_pad, top=0.08, bottom=0.08, left=0.08, right=0.08)))
    add(("pad_white_uneven", P(_pad, top=0.2, bottom=0.0, left=0.03, right=0.11,
                               colour=(255, 255, 255))))
    add(("pad_reflect_12", P(_pad, top=0.12, bottom=0.12, left=0.12, right=0.12,
                             mode="reflect")))
    add(("pad_blurred_copy_18", P(_pad, top=0.18, bottom=0.18, left=0.06, right=0.06,
                                  mode="blurred")))
    add(("border_teal_4", P(_pad, top=0.04, bottom=0.04, left=0.04, right=0.04,
                            colour=(0, 128, 128))))
    # captions and overlays
    add(("caption_bar_below", P(_caption_bar, text="Sunset over the lake - photo: J. Doe")))
    add(("meme_text", _meme))
    add(("logo_corner", _logo))
    add(("text_watermark_diagonal", _diag_text))
    add(("stickers", _stickers))
    add(("frame_ornate", _frame))
    # letterbox, pillarbox, fit to frame
    add(("letterbox_1280x720", P(_fit, cw=1280, ch=720)))
    add(("pillarbox_720x1280", P(_fit, cw=720, ch=1280)))
    add(("fit_4x5_blurred_1080x1350", P(_fit, cw=1080, ch=1350, bg="blurred")))
    # compression
    add(("jpeg_95_444", P(_jpeg, quality=95, subsampling=0)))
    add(("jpeg_85_420", P(_jpeg, quality=85, subsampling=2)))
    add(("jpeg_75_420", P(_jpeg, quality=75, subsampling=2)))
    add(("jpeg_62_444", P(_jpeg, quality=62, subsampling=0)))
    add(("jpeg_50_420", P(_jpeg, quality=50, subsampling=2)))
    add(("jpeg_30_420", P(_jpeg, quality=30, subsampling=2)))
    add(("webp_90", P(_webp, quality=90)))
    add(("webp_50", P(_webp, quality=50)))
    # scaling
    add(("down_50_area", P(_scale_xy, sx=0.5, sy=0.5, interp=cv2.INTER_AREA)))
    add(("down_75_linear", P(_scale_xy, sx=0.75, sy=0.75, interp=cv2.INTER_LINEAR)))
    add(("down_35_area", P(_scale_xy, sx=0.35, sy=0.35, interp=cv2.INTER_AREA)))
    add(("down_up_50_cubic", P(_down_up, f=0.5, down=cv2.INTER_CUBIC, up=cv2.INTER_CUBIC)))
    add(("down_up_70_area_lanczos",
         P(_down_up, f=0.7, down=cv2.INTER_AREA, up=cv2.INTER_LANCZOS4)))
    add(("up_150_cubic", P(_scale_xy, sx=1.5, sy=1.5, interp=cv2.INTER_CUBIC)))
    # social media and messaging
    add(("social_crop90_1080_jpeg75", _social))
    add(("social_portrait_4x5_jpeg80", _social_portrait))
    add(("messaging_60_jpeg60", P(_messaging, scale=0.6, q=60)))
    add(("messaging_forwarded_x3", P(_messaging, scale=0.6, q=60, forwards=(60, 57, 62))))
    # screen captures
    add(("screen_browser_light_png", _screen_browser_light))
    add(("screen_browser_dark_hidpi_jpeg85", _screen_browser_dark))
    add(("screen_gallery_dark_scaled75_png", _screen_gallery_dark))
    add(("screen_phone_chat_3x_png", _screen_phone_chat))
    add(("screen_pdf_viewer_scaled80_jpeg90", _screen_document))
    add(("screen_slides_editor_jpeg92", _screen_slides))
    add(("screen_video_player_jpeg80", _screen_video))
    add(("screen_email_light_scaled125_jpeg80", _screen_email))
    # filters
    add(("blur_gauss_1", P(_gauss, sigma=1.0)))
    add(("blur_gauss_2.5", P(_gauss, sigma=2.5)))
    add(("sharpen_unsharp", P(_unsharp, sigma=1.5, amount=0.8)))
    add(("median_3", P(_median, k=3)))
    add(("noise_gauss_5", P(_noise, sigma=5.0, name="noise_gauss_5")))
    add(("salt_pepper_0.5pct", P(_salt_pepper, frac=0.005, name="salt_pepper_0.5pct")))
    add(("denoise_bilateral", _bilateral))
    # tone
    add(("brightness_+25", P(_bright_add, v=25)))
    add(("brightness_-30", P(_bright_add, v=-30)))
    add(("contrast_1.3", P(_pil_enhance, kind="contrast", f=1.3)))
    add(("contrast_0.7", P(_pil_enhance, kind="contrast", f=0.7)))
    add(("gamma_0.7", P(_gamma, g=0.7)))
    add(("gamma_1.5", P(_gamma, g=1.5)))
    add(("saturation_1.5", P(_pil_enhance, kind="colour", f=1.5)))
    add(("saturation_0.4", P(_pil_enhance, kind="colour", f=0.4)))
    add(("greyscale", _greyscale))
    add(("sepia", _sepia))
    # combinations
    add(("combo_crop85_jpeg70", _chain(P(_crop, fx=0.85, fy=0.85, ax=0.4, ay=0.55),
                                       P(_jpeg, quality=70))))
    add(("combo_rot3_innercrop_jpeg80", _chain(P(_rotate, deg=3, inner=True),
                                               P(_jpeg, quality=80))))
    add(("combo_fliph_bright_webp75", _chain(P(_flip, axis=1), P(_bright_add, v=18),
                                             P(_webp, quality=75))))
    add(("combo_stretchx108_blur1_jpeg85", _chain(P(_scale_xy, sx=1.08, sy=1.0),
                                                  P(_gauss, sigma=1.0), P(_jpeg, quality=85))))
    add(("combo_padwhite_caption_jpeg75",
         _chain(P(_pad, top=0.05, bottom=0.05, left=0.05, right=0.05, colour=(255, 255, 255)),
                P(_caption_bar, text="Look at this!"), P(_jpeg, quality=75))))
    add(("combo_down60_sharpen_jpeg65", _chain(P(_scale_xy, sx=0.6, sy=0.6),
                                               P(_unsharp, sigma=1.0, amount=0.6),
                                               P(_jpeg, quality=65))))
    add(("combo_grey_contrast_jpeg80", _chain(_greyscale, P(_pil_enhance, kind="contrast",
                                                            f=1.2), P(_jpeg, quality=80))))
    add(("combo_crop70_back_noise4", _chain(P(_crop, fx=0.7, fy=0.7, ax=0.6, ay=0.35,
                                                back=True),
                                            P(_noise, sigma=4.0, name="combo_noise4"))))
    add(("combo_gamma_sat_crop80_webp80",
         _chain(P(_gamma, g=0.85), P(_pil_enhance, kind="colour", f=1.25),
                P(_crop, fx=0.8, fy=0.8), P(_webp, quality=80))))
    add(("combo_rot-6_expand_down50_jpeg70",
         _chain(P(_rotate, deg=-6, expand=True), P(_scale_xy, sx=0.5, sy=0.5),
                P(_jpeg, quality=70))))
    add(("combo_stickers_crop90_jpeg75", _chain(_stickers, P(_crop, fx=0.9, fy=0.9),
                                                P(_jpeg, quality=75))))
    add(("combo_squashy90_flipv_median3_jpeg90",
         _chain(P(_scale_xy, sx=1.0, sy=0.9), P(_flip, axis=0), P(_median, k=3),
                P(_jpeg, quality=90, subsampling=0))))
    return A


def attacks() -> list[tuple[str, Attack]]:
    """(name, fn): fn(rgb) -> a new C-contiguous uint8 (H', W', 3) array; the first is none."""
    return [(name, _wrap(fn)) for name, fn in _attack_list()]


def _wrap(fn: Attack) -> Attack:
    def run(rgb: np.ndarray) -> np.ndarray:
        out = fn(np.ascontiguousarray(rgb, dtype=np.uint8))
        if out is rgb:
            out = out.copy()
        return np.ascontiguousarray(out, dtype=np.uint8)

    return run


# ----------------------------------------------------------------------------- unmarked


def _unmarked_one(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w, h = int(rng.integers(96, 1101)), int(rng.integers(96, 1101))
    kind = rng.choice(["photo", "noise", "flat", "gradient"], p=[0.72, 0.09, 0.07, 0.12])
    if kind == "photo":
        src_name = UNMARKED_SOURCES[int(rng.integers(0, len(UNMARKED_SOURCES)))]
        src = _sample(src_name)
        sh, sw = src.shape[:2]
        ch = sh * rng.uniform(0.35, 1.0)
        cw = ch * w / h
        if cw > sw:
            ch, cw = ch * sw / cw, sw
        ch, cw = max(8, int(ch)), max(8, int(cw))
        y = int(rng.integers(0, sh - ch + 1))
        x = int(rng.integers(0, sw - cw + 1))
        img = src[y:y + ch, x:x + cw]
        if rng.random() < 0.5:
            img = img[:, ::-1]
        if rng.random() < 0.12:
            img = img[::-1]
        interp = [cv2.INTER_AREA, cv2.INTER_LINEAR, cv2.INTER_CUBIC][int(rng.integers(0, 3))]
        img = cv2.resize(np.ascontiguousarray(img), (w, h), interpolation=interp)
        if rng.random() < 0.3:
            img = _gamma(img, float(rng.uniform(0.7, 1.4)))
        if rng.random() < 0.15:
            img = _u8(img.astype(np.float32) + rng.normal(0, rng.uniform(1, 6), img.shape))
        name = src_name.split(":")[1].rsplit(".", 1)[0]
    elif kind == "noise":
        mean = rng.uniform(40, 215, 3)
        sigma = rng.uniform(5, 60)
        img = rng.normal(0, 1, (h, w, 3)).astype(np.float32) * sigma
        if rng.random() < 0.5:
            img = cv2.GaussianBlur(img, (0, 0), float(rng.uniform(1, 12)))
            img = img / max(1e-3, float(img.std())) * sigma
        img = _u8(img + mean)
        name = "noise"
    elif kind == "flat":
        col = rng.integers(0, 256, 3)
        img = np.empty((h, w, 3), np.uint8)
        img[:] = col
        name = "flat"
    else:
        c0, c1 = rng.uniform(0, 255, 3), rng.uniform(0, 255, 3)
        ang = rng.uniform(0, 2 * math.pi)
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        t = (xx / w - 0.5) * math.cos(ang) + (yy / h - 0.5) * math.sin(ang)
        if rng.random() < 0.3:
            t = np.hypot(xx / w - 0.5, yy / h - 0.5)
        t = (t - t.min()) / max(1e-6, float(t.max() - t.min()))
        img = _u8(c0 * (1 - t[:, :, None]) + c1 * t[:, :, None])
        name = "gradient"
    return f"{kind}_{name}_{w}x{h}", np.ascontiguousarray(img, dtype=np.uint8)


def unmarked(n: int = 10000, seed: int = 2026120803) -> Iterator[tuple[str, np.ndarray]]:
    """n images never watermarked; item i depends only on default_rng([seed, i])."""
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        name, img = _unmarked_one(rng)
        yield f"u{i:05d}_{name}", img


# ----------------------------------------------------------------------------- edge cases


def edge_cases() -> list[tuple[str, np.ndarray]]:
    r = np.random.default_rng(8031208)
    out: list[tuple[str, np.ndarray]] = []

    def add(name: str, a: np.ndarray) -> None:
        out.append((name, np.ascontiguousarray(a, dtype=np.uint8)))

    def full(h: int, w: int, col) -> np.ndarray:
        a = np.empty((h, w, 3), np.uint8)
        a[:] = col
        return a

    photo = _sample("sl:china.jpg")
    add("tiny_1x1", full(1, 1, (200, 30, 90)))
    add("tiny_2x2", photo[200:202, 300:302])
    add("tiny_5x3", photo[100:103, 100:105])
    add("small_9x7", photo[50:57, 400:409])
    add("small_63x65_odd", _resize(photo, 63, 65))
    add("below_min_95x95", _resize(_sample("sk:astronaut.png"), 95, 95))
    add("line_1x640", photo[213:214])
    add("column_427x1", photo[:, 320:321])
    add("strip_16x2048", _resize(photo[200:216], 2048, 16, cv2.INTER_CUBIC))
    add("strip_2048x16", _resize(photo[:, 300:316], 16, 2048, cv2.INTER_CUBIC))
    add("extreme_aspect_40x1800", _resize(photo[150:190], 1800, 40, cv2.INTER_CUBIC))
    add("huge_4096x3072", _resize(_sample("sk:coffee.png"), 4096, 3072, cv2.INTER_CUBIC))
    add("huge_portrait_2160x3840", _resize(_sample("sk:rocket.jpg")[:, 200:440], 2160, 3840,
                                           cv2.INTER_LINEAR))
    add("black_512", full(512, 512, 0))
    add("white_640x480", full(480, 640, 255))
    add("grey128_300x200", full(200, 300, 128))
    add("pure_red_256", full(256, 256, (255, 0, 0)))
    add("near_black_0_3", r.integers(0, 4, (400, 600, 3)))
    add("near_white_252_255", r.integers(252, 256, (600, 400, 3)))
    stripes = np.zeros((512, 512, 3), np.uint8)
    stripes[::2] = 255
    add("stripes_h_1px", stripes)
    vs = np.zeros((300, 700, 3), np.uint8)
    vs[:, (np.arange(700) // 2) % 2 == 0] = (0, 255, 0)
    add("stripes_v_2px_green", vs)
    yy, xx = np.mgrid[0:512, 0:512]
    add("checker_1px", np.repeat((((yy + xx) % 2) * 255).astype(np.uint8)[:, :, None], 3, 2))
    add("noise_uniform_640x480", r.integers(0, 256, (480, 640, 3)))
    ramp = np.tile(np.arange(256, dtype=np.uint8)[None, :, None], (64, 4, 3))
    add("ramp_all_levels_64x1024", ramp)
    spot = np.zeros((720, 1280, 3), np.uint8)
    spot[360, 640] = 255
    add("single_white_pixel_on_black", spot)
    blocks = np.zeros((400, 600, 3), np.uint8)
    for i, col in enumerate([(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0),
                             (0, 255, 255), (255, 0, 255)]):
        blocks[:, i * 100:(i + 1) * 100] = col
    add("saturated_blocks", blocks)
    add("text_page_grey", _resize(_sample("sk:page.png"), 768, 382))
    add("graphic_on_transparent_white", _sample("sk:logo.png"))
    return out


# ----------------------------------------------------------------------------- edge-case files


def _png_raw(width: int, height: int, depth: int, ctype: int, rows: bytes,
             extra: bytes = b"") -> bytes:
    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, depth, ctype, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + extra
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def _png16(a16: np.ndarray, ctype: int) -> bytes:
    h, w = a16.shape[:2]
    data = a16.astype(">u2").reshape(h, -1).tobytes()
    stride = len(data) // h
    rows = b"".join(b"\x00" + data[i * stride:(i + 1) * stride] for i in range(h))
    return _png_raw(w, h, 16, ctype, rows)


def _save(img: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def edge_case_files() -> list[tuple[str, bytes]]:
    base = _resize(_sample("sk:astronaut.png")[40:340, 60:460], 320, 240)
    im = Image.fromarray(base)
    r = np.random.default_rng(12080803)
    out: list[tuple[str, bytes]] = []
    add = out.append
    f16 = base.astype(np.uint16) * 257 + r.integers(0, 257, base.shape).astype(np.uint16)
    add(("png_16bit_rgb", _png16(f16, 2)))
    alpha16 = np.linspace(0, 65535, base.shape[1], dtype=np.float64)[None, :].repeat(240, 0)
    add(("png_16bit_rgba", _png16(np.dstack([f16, alpha16.astype(np.uint16)]), 6)))
    add(("png_16bit_grey", _png16(f16[:, :, 1], 0)))
    rgba = np.dstack([base, np.linspace(0, 255, 320).astype(np.uint8)[None, :].repeat(240, 0)])
    add(("png_rgba_alpha_ramp", _save(Image.fromarray(rgba, "RGBA"), "PNG")))
    clear = rgba.copy()
    clear[:, :, 3] = 0
    add(("png_rgba_fully_transparent", _save(Image.fromarray(clear, "RGBA"), "PNG")))
    add(("png_grey_alpha_LA", _save(im.convert("LA"), "PNG")))
    pal = im.quantize(64, method=Image.Quantize.MEDIANCUT)
    add(("png_palette_64", _save(pal, "PNG")))
    add(("png_palette_transparent", _save(pal, "PNG", transparency=0)))
    add(("png_greyscale_8bit", _save(im.convert("L"), "PNG")))
    add(("png_1bit", _save(im.convert("1"), "PNG")))
    add(("png_tiny_1x1", _save(Image.new("RGB", (1, 1), (10, 200, 30)), "PNG")))
    bomb_rows = zlib.compress(b"\x00" * 1000, 9)
    add(("png_header_claims_60000x60000",
         _png_raw(60000, 60000, 8, 2, b"")[:33]
         + struct.pack(">I", len(bomb_rows)) + b"IDAT" + bomb_rows
         + struct.pack(">I", zlib.crc32(b"IDAT" + bomb_rows) & 0xFFFFFFFF)
         + b"\x00\x00\x00\x00IEND\xaeB`\x82"))
    png = _save(im, "PNG")
    add(("png_truncated_half", png[: len(png) // 2]))
    bad = bytearray(png)
    bad[len(bad) // 2] ^= 0xFF
    add(("png_corrupt_idat_byte", bytes(bad)))
    jpg = _jpeg_bytes(base, 85)
    add(("jpeg_truncated_60pct", jpg[: len(jpg) * 6 // 10]))
    add(("jpeg_header_only", jpg[:20]))
    add(("jpeg_trailing_garbage", jpg + r.integers(0, 256, 4000, dtype=np.uint8).tobytes()))
    add(("jpeg_cmyk", _save(im.convert("CMYK"), "JPEG", quality=90)))
    add(("jpeg_greyscale", _save(im.convert("L"), "JPEG", quality=88)))
    add(("jpeg_progressive", _save(im, "JPEG", quality=80, progressive=True)))
    for orient in (3, 6, 8):
        exif = Image.Exif()
        exif[0x0112] = orient
        add((f"jpeg_exif_orientation_{orient}",
             _save(im, "JPEG", quality=90, exif=exif.tobytes())))
    add(("jpeg_q100_444", _jpeg_bytes(base, 100, 0)))
    add(("jpeg_q5_420", _jpeg_bytes(base, 5, 2)))
    add(("jpeg_1x1", _jpeg_bytes(base[:1, :1], 90)))
    frames = [Image.fromarray(np.roll(base, 40 * k, axis=1)) for k in range(4)]
    add(("gif_animated_4_frames",
         _save(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=120,
               loop=0)))
    add(("gif_single_frame", _save(im, "GIF")))
    add(("webp_lossless_alpha", _save(Image.fromarray(rgba, "RGBA"), "WEBP", lossless=True)))
    add(("webp_lossy_80", _save(im, "WEBP", quality=80, method=4)))
    add(("webp_animated_3_frames",
         _save(frames[0], "WEBP", save_all=True, append_images=frames[1:3], duration=100,
               quality=70, method=4)))
    add(("apng_animated_3_frames",
         _save(frames[0], "PNG", save_all=True, append_images=frames[1:3], duration=100)))
    add(("tiff_rgb", _save(im, "TIFF")))
    add(("bmp_rgb", _save(im, "BMP")))
    add(("random_bytes_4096", r.integers(0, 256, 4096, dtype=np.uint8).tobytes()))
    add(("empty", b""))
    add(("zeros_1024", b"\x00" * 1024))
    add(("text_not_an_image", b"This is not an image, just some text.\n" * 8))
    add(("svg_xml", b'<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">'
                    b'<rect width="64" height="64" fill="red"/></svg>'))
    add(("png_signature_only", b"\x89PNG\r\n\x1a\n"))
    return out
