"""Held-out watermark test set, round 2026-12-08d (blind, frozen).

PROVENANCE
    Written by an independent tester (a helper session started by the project's agent),
    blind to how the watermark works. Files read: /work/main/pyproject.toml and
    /work/main/safegen/backends/__init__.py, base.py and builtin.py (only to learn how to
    call the built-in offline image model). Listed (file names, sizes and modes only) the
    packaged sample images under site-packages/skimage/data and
    site-packages/sklearn/datasets/images. Ran only this module (and those listings),
    from throwaway check scripts in /tmp that import nothing else from the project.
    Nothing forbidden was read, imported or run: no watermark encoder or decoder, nothing
    under safegen/watermark/, docs/, tests/, benchmarks/ (other than this file and its
    cache folder), README.md, other held-out files, issues, git history or diffs. Every
    parameter here was chosen before and without seeing any watermark result; no
    watermark was ever run by the author.

FROZEN
    This file is never edited, not even for style: its sha256 is its identity.

SOURCES
    numpy, Pillow, OpenCV (cv2) and safegen.backends.builtin only. Photos are fixed crops,
    rescales and tone changes of scikit-image's (skimage/data/*.png|jpg) and
    scikit-learn's (sklearn/datasets/images/*.jpg) packaged sample images, read as files.
    Generated images come from the built-in model (BuiltinBackend, threads=1) at 256x256,
    cached as PNG in CACHE_DIR and regenerated when absent. Graphics and screenshots are
    drawn with numpy and OpenCV.

INTERFACE
    ROUND, CACHE_DIR
    images() -> list of (name, image_class, rgb); image_class in
        {"photo", "generated", "graphic", "screenshot"}; rgb C-contiguous uint8 (H, W, 3).
    attacks() -> list of (name, fn); fn(rgb) -> new C-contiguous uint8 (H', W', 3),
        deterministic (noise seeded from the attack name, the shape and the bytes);
        the first is "none" (a copy).
    unmarked(n=10000, seed=2026120804) -> iterator of (name, rgb); item i depends only on
        np.random.default_rng([seed, i]) and the package sample images.
    edge_cases() -> list of (name, rgb): awkward uint8 RGB arrays.
    edge_case_files() -> list of (name, bytes): awkward encoded files, byte-identical on
        every run.

IMAGES (name, class, width x height)
    astronaut_portrait photo 512x512; chelsea_cat_small photo 390x273;
    coffee_warm photo 600x400; china_1920 photo 1920x1280; flower_macro photo 780x552;
    retina_big photo 1800x1700; hubble_dark photo 900x698; rocket_portrait photo 576x854;
    motorcycle_left photo 741x500; motorcycle_right_thumb photo 296x264;
    ihc_bright photo 420x420; camera_sepia photo 512x512; brick_wall_wide photo 1024x614;
    coins_lowcontrast photo 384x303; china_panorama photo 1600x480;
    flower_tall_strip photo 260x580; moon_gamma photo 700x700;
    astronaut_crop_cool_large photo 1300x1400;
    gen_sunset_lake, gen_green_valley, gen_snow_peaks, gen_desert_dusk, gen_night_lake,
    gen_foggy_hills: generated 256x256 each;
    screenshot_settings_light screenshot 1280x800; screenshot_terminal_dark screenshot
    1024x640; graphic_shapes graphic 640x480; graphic_chart graphic 900x600.

ATTACKS (98, in order)
    none, flip_h, flip_v, stretch_x_120, squash_x_85, squash_y_80, stretch_xy_112_92,
    aspect_4_3, aspect_16_9, aspect_9_16, crop_center_95, crop_center_70, crop_center_55,
    crop_tl_75, crop_asym_92x60, crop_center_80_resized, crop_tl_60_resized,
    crop_asym_90x70_resized, crop_center_50_resized, rot_p1_black, rot_m2_white,
    rot_p4_reflect, rot_m5_expand, rot_p8_expand_gray, rot_m7_inner, rot_p10_inner_resized,
    rot_m10_replicate, pad_white_5, pad_black_20, pad_asym_gray, border_red_8,
    pad_reflect_12, caption_bottom_bar, caption_top_meme, overlay_logo_box,
    overlay_diag_text, overlay_stickers, letterbox_1920x1080, pillarbox_1080x1920,
    fit_square_1024_white, fit_frame_800x600_gray, jpeg_30, jpeg_60, jpeg_75, jpeg_85,
    jpeg_95, jpeg444_50, jpeg444_90, webp_50, webp_90, down_50, down_35, down_up_50, up_200,
    down_max_512, social_chain, messaging_chain, messaging_forwarded, messaging_hd,
    screen_webmail_light_1x_png, screen_news_light_075_jpeg, screen_gallery_dark_1x_png,
    screen_feed_light_15_jpeg, screen_files_light_05_png, screen_doc_light_125_jpeg,
    screen_slides_dark_1x_png, screen_video_dark_2x_jpeg, screen_chat_dark_08_png,
    screen_shop_light_09_jpeg, blur_gauss_3, blur_gauss_7, median_3, sharpen,
    unsharp_strong, noise_gauss_4, noise_gauss_10, noise_salt_pepper, bright_p25,
    bright_m25, contrast_125, gamma_06, gamma_15, saturation_160, grayscale, hue_shift_20,
    warm_filter, combo_crop90_jpeg70, combo_rot3_inner_jpeg80, combo_flip_downup_jpeg65,
    combo_stretch_caption_webp75, combo_pad_bright_jpeg85, combo_blur_down_jpeg60,
    combo_crop75_gamma_webp60, combo_rot5_pad_down, combo_sharpen_up_jpeg90,
    combo_aspect_letterbox_jpeg70, combo_screen_chat_jpeg55, combo_crop85_sat_noise_jpeg75.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import math
import struct
import zlib
from collections.abc import Callable, Iterator
from functools import lru_cache, partial
from pathlib import Path
from typing import NamedTuple

import cv2
import numpy as np
from PIL import Image

ROUND = "2026-12-08d"
CACHE_DIR = Path(__file__).resolve().parent / "cache_08d"

Array = np.ndarray
Attack = Callable[[Array], Array]


# ----------------------------------------------------------------------------- helpers


def _out(img: Array) -> Array:
    """A fresh C-contiguous uint8 (H, W, 3) array."""
    arr = np.asarray(img)
    if arr.dtype != np.uint8:
        arr = np.clip(np.rint(arr), 0, 255).astype(np.uint8)
    if arr.ndim == 2:
        arr = np.stack([arr] * 3, axis=2)
    return np.ascontiguousarray(arr[:, :, :3]).copy()


def _rng(name: str, img: Array) -> np.random.Generator:
    h = hashlib.sha256()
    h.update(name.encode())
    h.update(str(img.shape).encode())
    h.update(np.ascontiguousarray(img).tobytes())
    return np.random.default_rng(int.from_bytes(h.digest()[:8], "little"))


def _resize(img: Array, w: int, h: int, interp: int | None = None) -> Array:
    w, h = max(1, int(round(w))), max(1, int(round(h)))
    if interp is None:
        shrink = w < img.shape[1] or h < img.shape[0]
        interp = cv2.INTER_AREA if shrink else cv2.INTER_CUBIC
    return _out(cv2.resize(img, (w, h), interpolation=interp))


def _scale(img: Array, f: float, interp: int | None = None) -> Array:
    return _resize(img, img.shape[1] * f, img.shape[0] * f, interp)


def _fit(img: Array, w: int, h: int, max_up: float = 1e9) -> Array:
    s = min(w / img.shape[1], h / img.shape[0], max_up)
    return _scale(img, s)


def _sample_dirs() -> list[Path]:
    dirs = []
    for mod, sub in (("skimage", "data"), ("sklearn", "datasets/images")):
        spec = importlib.util.find_spec(mod)
        if spec is None or not spec.submodule_search_locations:
            raise RuntimeError(f"{mod} is needed for the sample images")
        dirs.append(Path(list(spec.submodule_search_locations)[0]) / sub)
    return dirs


@lru_cache(maxsize=None)
def _sample(name: str) -> Array:
    for d in _sample_dirs():
        path = d / name
        if path.exists():
            with Image.open(path) as im:
                if im.mode in ("RGBA", "LA", "P"):
                    im = im.convert("RGBA")
                    bg = Image.new("RGBA", im.size, (236, 232, 224, 255))
                    im = Image.alpha_composite(bg, im)
                arr = np.asarray(im.convert("RGB"))
            arr = _out(arr)
            arr.setflags(write=False)
            return arr
    raise FileNotFoundError(name)


SAMPLE_FILES = (
    "astronaut.png", "brick.png", "camera.png", "cell.png", "chelsea.png", "coffee.png",
    "coins.png", "color.png", "grass.png", "gravel.png", "horse.png",
    "hubble_deep_field.jpg", "ihc.png", "moon.png", "motorcycle_left.png",
    "motorcycle_right.png", "retina.jpg", "rocket.jpg", "china.jpg", "flower.jpg",
)


def _crop_frac(img: Array, box: tuple[float, float, float, float]) -> Array:
    h, w = img.shape[:2]
    x0, y0, x1, y1 = box
    return _out(img[int(round(y0 * h)):int(round(y1 * h)), int(round(x0 * w)):int(round(x1 * w))])


def _tone(
    img: Array,
    gain: float = 1.0,
    bias: float = 0.0,
    gamma: float = 1.0,
    sat: float = 1.0,
    tint: tuple[float, float, float] = (1.0, 1.0, 1.0),
) -> Array:
    x = img.astype(np.float32) / 255.0
    x = np.power(np.clip(x, 0, 1), gamma)
    x = (x - 0.5) * gain + 0.5 + bias / 255.0
    grey = x @ np.array([0.299, 0.587, 0.114], np.float32)
    x = grey[..., None] + (x - grey[..., None]) * sat
    x = x * np.array(tint, np.float32)
    return _out(np.clip(x * 255.0, 0, 255))


def _sepia(img: Array) -> Array:
    m = np.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]],
                 np.float32)
    return _out(np.clip(img.astype(np.float32) @ m.T, 0, 255))


# ----------------------------------------------------------------------------- images


class _Photo(NamedTuple):
    name: str
    file: str
    box: tuple[float, float, float, float]
    size: tuple[int, int]
    tone: dict


PHOTOS = (
    _Photo("astronaut_portrait", "astronaut.png", (0, 0, 1, 1), (512, 512), {}),
    _Photo("chelsea_cat_small", "chelsea.png", (0.05, 0, 1, 1), (390, 273), {}),
    _Photo("coffee_warm", "coffee.png", (0, 0, 1, 1), (600, 400),
           {"tint": (1.08, 1.0, 0.88), "gain": 1.05}),
    _Photo("china_1920", "china.jpg", (0, 0, 1, 1), (1920, 1280), {}),
    _Photo("flower_macro", "flower.jpg", (0.15, 0.1, 0.95, 0.95), (780, 552),
           {"sat": 1.2}),
    _Photo("retina_big", "retina.jpg", (0.05, 0.05, 0.95, 0.9), (1800, 1700), {}),
    _Photo("hubble_dark", "hubble_deep_field.jpg", (0, 0, 0.9, 0.8), (900, 698),
           {"gamma": 1.3, "bias": -10}),
    _Photo("rocket_portrait", "rocket.jpg", (0.3, 0, 0.75, 1), (576, 854), {}),
    _Photo("motorcycle_left", "motorcycle_left.png", (0, 0, 1, 1), (741, 500), {}),
    _Photo("motorcycle_right_thumb", "motorcycle_right.png", (0.2, 0.1, 0.8, 0.9),
           (296, 264), {"gain": 1.1}),
    _Photo("ihc_bright", "ihc.png", (0, 0, 1, 1), (420, 420), {"bias": 25, "gamma": 0.85}),
    _Photo("camera_sepia", "camera.png", (0, 0, 1, 1), (512, 512), {"sepia": True}),
    _Photo("brick_wall_wide", "brick.png", (0, 0.2, 1, 0.8), (1024, 614),
           {"tint": (1.15, 0.85, 0.75), "gain": 1.3}),
    _Photo("coins_lowcontrast", "coins.png", (0, 0, 1, 1), (384, 303), {"gain": 0.6}),
    _Photo("china_panorama", "china.jpg", (0, 0.3, 1, 0.75), (1600, 480),
           {"sat": 0.8, "gamma": 0.9}),
    _Photo("flower_tall_strip", "flower.jpg", (0.4, 0, 0.7, 1), (260, 580), {}),
    _Photo("moon_gamma", "moon.png", (0, 0, 1, 1), (700, 700), {"gamma": 0.75}),
    _Photo("astronaut_crop_cool_large", "astronaut.png", (0.25, 0.05, 0.9, 0.75),
           (1300, 1400), {"tint": (0.9, 0.98, 1.12), "gain": 1.25}),
)


def _photo(p: _Photo) -> Array:
    img = _crop_frac(_sample(p.file), p.box)
    img = _resize(img, p.size[0], p.size[1], cv2.INTER_LANCZOS4
                  if p.size[0] > img.shape[1] else cv2.INTER_AREA)
    tone = dict(p.tone)
    if tone.pop("sepia", False):
        img = _sepia(img)
    if tone:
        img = _tone(img, **tone)
    return img


GENERATED = (
    ("gen_sunset_lake", "a sunset over a calm lake with mountains behind", 11),
    ("gen_green_valley", "a green valley with trees at noon under a blue sky", 2026),
    ("gen_snow_peaks", "snowy mountain peaks under a clear blue sky", 777),
    ("gen_desert_dusk", "sand dunes in a desert at dusk with an orange sky", 31415),
    ("gen_night_lake", "a dark lake at night with a purple sky", 90210),
    ("gen_foggy_hills", "rolling hills with a river in the morning fog", 4242),
)


def _generated() -> list[tuple[str, Array]]:
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    missing = [g for g in GENERATED if not (CACHE_DIR / f"{g[0]}.png").exists()]
    if missing:
        from safegen.backends.base import BackendRequest
        from safegen.backends.builtin import BuiltinBackend

        backend = BuiltinBackend(threads=1)
        for name, prompt, seed in missing:
            req = BackendRequest(prompt=prompt, negative_prompt=None, seeds=(seed,))
            img = backend.generate(req)[0].convert("RGB")
            tmp = CACHE_DIR / f"{name}.tmp.png"
            img.save(tmp, format="PNG")
            tmp.replace(CACHE_DIR / f"{name}.png")
    out = []
    for name, _prompt, _seed in GENERATED:
        with Image.open(CACHE_DIR / f"{name}.png") as im:
            out.append((name, _out(np.asarray(im.convert("RGB")))))
    return out


FONT = cv2.FONT_HERSHEY_SIMPLEX


def _text(img: Array, s: str, x: int, y: int, scale: float, color, thick: int = 1) -> None:
    cv2.putText(img, s, (int(x), int(y)), FONT, scale, color, thick, cv2.LINE_AA)


def _screenshot_settings() -> Array:
    w, h = 1280, 800
    img = np.full((h, w, 3), 246, np.uint8)
    img[:56] = (255, 255, 255)
    img[56] = (218, 220, 224)
    _text(img, "Settings", 24, 36, 0.9, (32, 33, 36), 2)
    img[57:, :260] = (241, 243, 244)
    img[57:, 260] = (218, 220, 224)
    items = ["General", "Accounts", "Privacy", "Notifications", "Display", "Storage",
             "Network", "Updates", "About"]
    for i, it in enumerate(items):
        y = 100 + i * 44
        if i == 4:
            cv2.rectangle(img, (8, y - 28), (252, y + 12), (210, 227, 252), -1)
        _text(img, it, 32, y, 0.6, (60, 64, 67), 1)
    for r in range(6):
        y0 = 90 + r * 110
        cv2.rectangle(img, (300, y0), (1240, y0 + 90), (255, 255, 255), -1)
        cv2.rectangle(img, (300, y0), (1240, y0 + 90), (218, 220, 224), 1)
        _text(img, f"Option {r + 1}: display scaling and colour profile", 324, y0 + 38,
              0.6, (32, 33, 36), 1)
        _text(img, "Changes apply after restart", 324, y0 + 68, 0.5, (95, 99, 104), 1)
        on = r % 2 == 0
        cv2.rectangle(img, (1160, y0 + 35), (1210, y0 + 57),
                      (26, 115, 232) if on else (189, 193, 198), -1)
        cv2.circle(img, (1199 if on else 1171, y0 + 46), 13, (255, 255, 255), -1)
    return _out(img)


def _screenshot_terminal() -> Array:
    w, h = 1024, 640
    img = np.full((h, w, 3), (30, 30, 36), np.uint8)
    img[:32] = (50, 50, 58)
    for i, c in enumerate([(255, 95, 86), (255, 189, 46), (39, 201, 63)]):
        cv2.circle(img, (20 + i * 22, 16), 7, c, -1, cv2.LINE_AA)
    _text(img, "user@host: ~/project", 420, 22, 0.5, (200, 200, 200), 1)
    lines = [
        ("$ ls -la", (120, 220, 120)), ("total 48", (210, 210, 210)),
        ("drwxr-xr-x  6 user user 4096 Dec  8 10:02 .", (210, 210, 210)),
        ("-rw-r--r--  1 user user  812 Dec  8 09:55 config.yaml", (210, 210, 210)),
        ("-rwxr-xr-x  1 user user 2211 Dec  8 09:58 run.sh", (120, 200, 255)),
        ("$ python train.py --epochs 10", (120, 220, 120)),
        ("epoch 1/10  loss 0.6931  acc 0.512", (210, 210, 210)),
        ("epoch 2/10  loss 0.5120  acc 0.688", (210, 210, 210)),
        ("epoch 3/10  loss 0.4011  acc 0.771", (210, 210, 210)),
        ("WARNING: learning rate decayed to 1e-4", (255, 200, 80)),
        ("epoch 4/10  loss 0.3550  acc 0.803", (210, 210, 210)),
        ("ERROR: disk quota nearly exceeded", (255, 90, 90)),
        ("$ git status", (120, 220, 120)),
        ("On branch main, nothing to commit", (210, 210, 210)),
        ("$ _", (120, 220, 120)),
    ]
    for i, (s, c) in enumerate(lines):
        _text(img, s, 16, 64 + i * 34, 0.6, c, 1)
    return _out(img)


def _graphic_shapes() -> Array:
    w, h = 640, 480
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([40 + 180 * xx / w, 60 + 120 * yy / h, 200 - 150 * xx / w], 2)
    img = _out(img)
    cv2.circle(img, (180, 200), 110, (250, 210, 40), -1, cv2.LINE_AA)
    cv2.rectangle(img, (330, 90), (560, 260), (230, 60, 90), -1)
    pts = np.array([[120, 430], [300, 300], [420, 440]], np.int32)
    cv2.fillPoly(img, [pts], (40, 200, 120), cv2.LINE_AA)
    cv2.ellipse(img, (480, 370), (120, 60), 20, 0, 360, (255, 255, 255), 6, cv2.LINE_AA)
    for i in range(0, w, 40):
        cv2.line(img, (i, 0), (i + 60, 60), (255, 255, 255), 1, cv2.LINE_AA)
    _text(img, "FLAT SHAPES", 360, 310, 1.2, (20, 20, 20), 3)
    return _out(img)


def _graphic_chart() -> Array:
    w, h = 900, 600
    img = np.full((h, w, 3), 255, np.uint8)
    _text(img, "Quarterly revenue by region", 40, 50, 1.0, (30, 30, 30), 2)
    cv2.line(img, (80, 520), (560, 520), (60, 60, 60), 2)
    cv2.line(img, (80, 520), (80, 100), (60, 60, 60), 2)
    vals = [220, 310, 180, 390, 260, 340]
    cols = [(66, 133, 244), (219, 68, 55), (244, 180, 0), (15, 157, 88), (171, 71, 188),
            (0, 172, 193)]
    for i, (v, c) in enumerate(zip(vals, cols)):
        x0 = 100 + i * 76
        cv2.rectangle(img, (x0, 520 - v), (x0 + 56, 519), c, -1)
        _text(img, f"Q{i + 1}", x0 + 12, 548, 0.6, (60, 60, 60), 1)
        _text(img, str(v), x0 + 8, 510 - v, 0.5, (60, 60, 60), 1)
    for y in range(120, 520, 50):
        cv2.line(img, (82, y), (560, y), (225, 225, 225), 1)
    start = 0.0
    for v, c in zip(vals, cols):
        ang = 360.0 * v / sum(vals)
        cv2.ellipse(img, (740, 300), (120, 120), 0, start, start + ang, c, -1, cv2.LINE_AA)
        start += ang
    cv2.circle(img, (740, 300), 50, (255, 255, 255), -1, cv2.LINE_AA)
    return _out(img)


def images() -> list[tuple[str, str, Array]]:
    out: list[tuple[str, str, Array]] = [(p.name, "photo", _photo(p)) for p in PHOTOS]
    out += [(n, "generated", a) for n, a in _generated()]
    out.append(("screenshot_settings_light", "screenshot", _screenshot_settings()))
    out.append(("screenshot_terminal_dark", "screenshot", _screenshot_terminal()))
    out.append(("graphic_shapes", "graphic", _graphic_shapes()))
    out.append(("graphic_chart", "graphic", _graphic_chart()))
    return out


# ----------------------------------------------------------------------------- attacks


def _none(img: Array) -> Array:
    return _out(img)


def _flip(img: Array, code: int) -> Array:
    return _out(cv2.flip(img, code))


def _stretch(img: Array, fx: float, fy: float) -> Array:
    return _resize(img, img.shape[1] * fx, img.shape[0] * fy)


def _aspect(img: Array, ratio: float) -> Array:
    """Resize (distort) to width/height == ratio, keeping the pixel count."""
    h, w = img.shape[:2]
    area = w * h
    nw = math.sqrt(area * ratio)
    return _resize(img, nw, area / nw)


def _crop(img: Array, fw: float, fh: float, ax: float = 0.5, ay: float = 0.5,
          back: bool = False) -> Array:
    h, w = img.shape[:2]
    cw, ch = max(1, int(round(w * fw))), max(1, int(round(h * fh)))
    x0 = int(round((w - cw) * ax))
    y0 = int(round((h - ch) * ay))
    out = _out(img[y0:y0 + ch, x0:x0 + cw])
    return _resize(out, w, h) if back else out


def _inner_rect(w: float, h: float, deg: float) -> tuple[float, float]:
    a = math.radians(deg)
    sin_a, cos_a = abs(math.sin(a)), abs(math.cos(a))
    if sin_a < 1e-12:
        return w, h
    longer = w >= h
    side_long, side_short = (w, h) if longer else (h, w)
    if side_short <= 2.0 * sin_a * cos_a * side_long or abs(sin_a - cos_a) < 1e-10:
        x = 0.5 * side_short
        return (x / sin_a, x / cos_a) if longer else (x / cos_a, x / sin_a)
    cos_2a = cos_a * cos_a - sin_a * sin_a
    return (w * cos_a - h * sin_a) / cos_2a, (h * cos_a - w * sin_a) / cos_2a


def _rotate(img: Array, deg: float, mode: str = "same", border: int = cv2.BORDER_CONSTANT,
            fill=(0, 0, 0), back: bool = False) -> Array:
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2.0, h / 2.0), deg, 1.0)
    nw, nh = w, h
    if mode == "expand":
        a = math.radians(deg)
        s, c = abs(math.sin(a)), abs(math.cos(a))
        nw, nh = int(math.ceil(w * c + h * s)), int(math.ceil(w * s + h * c))
        m[0, 2] += (nw - w) / 2.0
        m[1, 2] += (nh - h) / 2.0
    out = cv2.warpAffine(img, m, (nw, nh), flags=cv2.INTER_LINEAR, borderMode=border,
                         borderValue=tuple(int(v) for v in fill))
    if mode == "inner":
        iw, ih = _inner_rect(w, h, deg)
        iw, ih = max(1, int(math.floor(iw)) - 2), max(1, int(math.floor(ih)) - 2)
        x0, y0 = (w - iw) // 2, (h - ih) // 2
        out = out[y0:y0 + ih, x0:x0 + iw]
    out = _out(out)
    return _resize(out, w, h) if back else out


def _pad(img: Array, t: float, b: float, l: float, r: float, fill=(255, 255, 255),
         border: int = cv2.BORDER_CONSTANT) -> Array:
    h, w = img.shape[:2]
    return _out(cv2.copyMakeBorder(img, int(round(h * t)), int(round(h * b)),
                                   int(round(w * l)), int(round(w * r)), border,
                                   value=tuple(int(v) for v in fill)))


def _caption_bar(img: Array) -> Array:
    h, w = img.shape[:2]
    bar = max(24, int(h * 0.14))
    out = np.full((h + bar, w, 3), 255, np.uint8)
    out[:h] = img
    sc = max(0.35, w / 900.0)
    _text(out, "Photo: view from the trip, December 2026", int(w * 0.03),
          h + int(bar * 0.62), sc, (20, 20, 20), max(1, int(sc * 2)))
    return _out(out)


def _caption_meme(img: Array) -> Array:
    out = _out(img)
    h, w = out.shape[:2]
    sc = max(0.5, w / 380.0)
    th = max(2, int(sc * 3))
    for s, y in (("WHEN THE TEST", int(h * 0.13)), ("PASSES FIRST TRY", int(h * 0.94))):
        (tw, _), _ = cv2.getTextSize(s, FONT, sc, th)
        x = max(2, (w - tw) // 2)
        cv2.putText(out, s, (x, y), FONT, sc, (0, 0, 0), th + 4, cv2.LINE_AA)
        cv2.putText(out, s, (x, y), FONT, sc, (255, 255, 255), th, cv2.LINE_AA)
    return out


def _blend_rect(img: Array, x0: int, y0: int, x1: int, y1: int, color, alpha: float) -> None:
    x0, y0 = max(0, x0), max(0, y0)
    x1, y1 = min(img.shape[1], x1), min(img.shape[0], y1)
    if x1 <= x0 or y1 <= y0:
        return
    reg = img[y0:y1, x0:x1].astype(np.float32)
    img[y0:y1, x0:x1] = _out(reg * (1 - alpha) + np.array(color, np.float32) * alpha)


def _overlay_logo(img: Array) -> Array:
    out = _out(img)
    h, w = out.shape[:2]
    bw, bh = int(w * 0.28), int(h * 0.1)
    x0, y0 = w - bw - int(w * 0.03), h - bh - int(h * 0.03)
    _blend_rect(out, x0, y0, x0 + bw, y0 + bh, (20, 20, 20), 0.55)
    sc = max(0.3, bh / 40.0)
    _text(out, "@studio", x0 + int(bw * 0.08), y0 + int(bh * 0.7), sc, (255, 255, 255),
          max(1, int(sc * 1.5)))
    return out


def _overlay_diag(img: Array) -> Array:
    h, w = img.shape[:2]
    layer = np.zeros_like(img)
    sc = max(0.5, w / 300.0)
    _text(layer, "SAMPLE  PREVIEW", int(w * 0.08), int(h * 0.55), sc, (255, 255, 255),
          max(2, int(sc * 2)))
    m = cv2.getRotationMatrix2D((w / 2.0, h / 2.0), 30, 1.0)
    layer = cv2.warpAffine(layer, m, (w, h))
    a = (layer[:, :, :1].astype(np.float32) / 255.0) * 0.35
    return _out(img.astype(np.float32) * (1 - a) + 255.0 * a)


def _overlay_stickers(img: Array) -> Array:
    out = _out(img)
    h, w = out.shape[:2]
    r = max(4, int(min(w, h) * 0.07))
    for fx, fy, c in ((0.15, 0.2, (255, 204, 0)), (0.8, 0.25, (255, 80, 120)),
                      (0.3, 0.8, (80, 200, 255))):
        cx, cy = int(w * fx), int(h * fy)
        cv2.circle(out, (cx, cy), r, c, -1, cv2.LINE_AA)
        cv2.circle(out, (cx - r // 3, cy - r // 4), max(1, r // 8), (0, 0, 0), -1)
        cv2.circle(out, (cx + r // 3, cy - r // 4), max(1, r // 8), (0, 0, 0), -1)
        cv2.ellipse(out, (cx, cy + r // 6), (r // 2, r // 3), 0, 10, 170, (0, 0, 0),
                    max(1, r // 12), cv2.LINE_AA)
    return out




def _frame(img: Array, fw: int, fh: int, fill) -> Array:
    inner = _fit(img, fw, fh)
    out = np.empty((fh, fw, 3), np.uint8)
    out[:] = fill
    y0, x0 = (fh - inner.shape[0]) // 2, (fw - inner.shape[1]) // 2
    out[y0:y0 + inner.shape[0], x0:x0 + inner.shape[1]] = inner
    return _out(out)


def _jpeg(img: Array, q: int, sub: int = 2) -> Array:
    buf = io.BytesIO()
    Image.fromarray(_out(img)).save(buf, format="JPEG", quality=q, subsampling=sub)
    with Image.open(io.BytesIO(buf.getvalue())) as im:
        return _out(np.asarray(im.convert("RGB")))


def _webp(img: Array, q: int) -> Array:
    buf = io.BytesIO()
    Image.fromarray(_out(img)).save(buf, format="WEBP", quality=q, method=4)
    with Image.open(io.BytesIO(buf.getvalue())) as im:
        return _out(np.asarray(im.convert("RGB")))


def _png(img: Array) -> Array:
    ok, enc = cv2.imencode(".png", img[:, :, ::-1])
    return _out(cv2.imdecode(enc, cv2.IMREAD_COLOR)[:, :, ::-1])


def _down_up(img: Array, f: float) -> Array:
    h, w = img.shape[:2]
    return _resize(_scale(img, f, cv2.INTER_AREA), w, h, cv2.INTER_LINEAR)


def _max_side(img: Array, side: int) -> Array:
    h, w = img.shape[:2]
    s = side / max(h, w)
    return _scale(img, s) if s < 1 else _out(img)


def _social(img: Array) -> Array:
    out = _crop(img, 0.9, 0.9)
    h, w = out.shape[:2]
    out = _scale(out, 1080.0 / max(h, w))
    return _jpeg(out, 75)


def _messaging(img: Array) -> Array:
    return _jpeg(_scale(img, 0.6, cv2.INTER_AREA), 60)


def _forwarded(img: Array) -> Array:
    return _jpeg(_scale(_messaging(img), 0.85, cv2.INTER_AREA), 62)


def _messaging_hd(img: Array) -> Array:
    return _jpeg(_max_side(img, 1600), 70)


class _Screen(NamedTuple):
    layout: str
    dark: bool
    canvas: tuple[int, int]
    region: tuple[int, int, int, int]
    max_up: float
    capture: float
    fmt: str
    quality: int


def _palette(dark: bool) -> dict[str, tuple[int, int, int]]:
    if dark:
        return {"bg": (24, 25, 28), "panel": (36, 38, 43), "bar": (44, 47, 53),
                "line": (70, 73, 80), "text": (225, 226, 230), "dim": (140, 144, 150),
                "accent": (96, 165, 250)}
    return {"bg": (250, 250, 251), "panel": (255, 255, 255), "bar": (240, 242, 245),
            "line": (218, 220, 224), "text": (32, 33, 36), "dim": (110, 114, 120),
            "accent": (26, 115, 232)}


def _text_lines(c: Array, x: int, y: int, w: int, n: int, step: int, col, seed: int) -> None:
    r = np.random.default_rng(seed)
    for i in range(n):
        lw = int(w * (0.45 + 0.55 * r.random()))
        cv2.rectangle(c, (x, y + i * step), (x + lw, y + i * step + max(3, step // 3)), col, -1)


def _draw_ui(layout: str, dark: bool, cw: int, ch: int,
             region: tuple[int, int, int, int]) -> Array:
    p = _palette(dark)
    c = np.empty((ch, cw, 3), np.uint8)
    c[:] = p["bg"]
    seed = int.from_bytes(hashlib.sha256(layout.encode()).digest()[:4], "little")
    rx, ry, rw, rh = region
    c[:48] = p["bar"]
    c[48] = p["line"]
    _text(c, layout.upper(), 20, 32, 0.7, p["text"], 2)
    cv2.rectangle(c, (cw // 3, 10), (cw * 2 // 3, 38), p["panel"], -1)
    cv2.rectangle(c, (cw // 3, 10), (cw * 2 // 3, 38), p["line"], 1)
    _text(c, "Search", cw // 3 + 12, 30, 0.5, p["dim"], 1)
    for i in range(3):
        cv2.circle(c, (cw - 30 - i * 36, 24), 11, p["dim"], 2, cv2.LINE_AA)
    if rx > 40:
        c[49:, :rx - 20] = p["panel"]
        c[49:, rx - 20] = p["line"]
        for i in range(min(14, (ch - 80) // 40)):
            cv2.rectangle(c, (16, 74 + i * 40), (30, 88 + i * 40), p["accent"], -1)
            _text_lines(c, 40, 76 + i * 40, max(20, rx - 80), 1, 12, p["dim"], seed + i)
    if rx + rw + 60 < cw:
        c[49:, rx + rw + 20] = p["line"]
        _text_lines(c, rx + rw + 36, 80, cw - rx - rw - 60, 12, 28, p["dim"], seed + 99)
    if ry > 100:
        _text(c, "Re: photos from the weekend", rx, ry - 50, 0.8, p["text"], 2)
        _text_lines(c, rx, ry - 36, rw, 1, 16, p["dim"], seed + 7)
    if ry + rh + 60 < ch:
        c[ry + rh + 16, rx:rx + rw] = p["line"]
        _text_lines(c, rx, ry + rh + 36, rw, max(1, (ch - ry - rh - 50) // 26), 26,
                    p["dim"], seed + 3)
    cv2.rectangle(c, (rx - 1, ry - 1), (rx + rw, ry + rh), p["line"], 1)
    return c


def _screen(img: Array, s: _Screen) -> Array:
    cw, ch = s.canvas
    rx, ry, rw, rh = s.region
    c = _draw_ui(s.layout, s.dark, cw, ch, s.region)
    inner = _fit(img, rw, rh, s.max_up)
    ih, iw = inner.shape[:2]
    x0, y0 = rx + (rw - iw) // 2, ry + (rh - ih) // 2
    c[y0:y0 + ih, x0:x0 + iw] = inner
    if s.capture != 1.0:
        interp = cv2.INTER_AREA if s.capture < 1 else cv2.INTER_LINEAR
        c = _scale(c, s.capture, interp)
    if s.fmt == "jpeg":
        return _jpeg(c, s.quality)
    return _png(c)


SCREENS = {
    "screen_webmail_light_1x_png": _Screen("webmail", False, (1440, 900),
                                           (300, 170, 760, 560), 1.0, 1.0, "png", 0),
    "screen_news_light_075_jpeg": _Screen("news", False, (1366, 768),
                                          (200, 120, 700, 420), 1.0, 0.75, "jpeg", 85),
    "screen_gallery_dark_1x_png": _Screen("gallery", True, (1600, 1000),
                                          (60, 80, 1480, 880), 2.0, 1.0, "png", 0),
    "screen_feed_light_15_jpeg": _Screen("feed", False, (1200, 900),
                                         (340, 140, 520, 640), 1.5, 1.5, "jpeg", 80),
    "screen_files_light_05_png": _Screen("files", False, (1920, 1080),
                                         (320, 90, 1100, 900), 1.0, 0.5, "png", 0),
    "screen_doc_light_125_jpeg": _Screen("document", False, (1280, 1024),
                                         (280, 200, 720, 480), 1.0, 1.25, "jpeg", 90),
    "screen_slides_dark_1x_png": _Screen("slides", True, (1280, 720),
                                         (260, 110, 800, 450), 1.5, 1.0, "png", 0),
    "screen_video_dark_2x_jpeg": _Screen("video", True, (960, 640),
                                         (20, 60, 920, 520), 2.0, 2.0, "jpeg", 88),
    "screen_chat_dark_08_png": _Screen("chat", True, (1280, 860),
                                       (380, 200, 420, 420), 1.0, 0.8, "png", 0),
    "screen_shop_light_09_jpeg": _Screen("shop", False, (1440, 960),
                                         (120, 120, 600, 600), 1.5, 0.9, "jpeg", 82),
}


def _filter(img: Array, kind: str) -> Array:
    if kind == "gauss3":
        return _out(cv2.GaussianBlur(img, (3, 3), 0))
    if kind == "gauss7":
        return _out(cv2.GaussianBlur(img, (7, 7), 0))
    if kind == "median3":
        return _out(cv2.medianBlur(img, 3))
    if kind == "sharpen":
        k = np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], np.float32)
        return _out(cv2.filter2D(img, -1, k))
    if kind == "unsharp":
        b = cv2.GaussianBlur(img, (0, 0), 2.0)
        return _out(cv2.addWeighted(img, 2.0, b, -1.0, 0))
    raise ValueError(kind)


def _noise(img: Array, sigma: float, name: str) -> Array:
    r = _rng(name, img)
    n = r.normal(0.0, sigma, img.shape).astype(np.float32)
    return _out(np.clip(img.astype(np.float32) + n, 0, 255))


def _salt_pepper(img: Array, frac: float, name: str) -> Array:
    r = _rng(name, img)
    out = _out(img)
    m = r.random(img.shape[:2])
    out[m < frac / 2] = 0
    out[m > 1 - frac / 2] = 255
    return out


def _hue(img: Array, deg: int) -> Array:
    hsv = cv2.cvtColor(img, cv2.COLOR_RGB2HSV)
    hsv[:, :, 0] = ((hsv[:, :, 0].astype(np.int32) + deg // 2) % 180).astype(np.uint8)
    return _out(cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB))


def _grey(img: Array) -> Array:
    return _out(cv2.cvtColor(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY), cv2.COLOR_GRAY2RGB))






def _warm(img: Array) -> Array:
    return _tone(img, gain=1.08, bias=6, sat=1.15, tint=(1.08, 1.0, 0.86))


def _chain(*steps: Attack) -> Attack:
    def run(img: Array) -> Array:
        out = img
        for s in steps:
            out = s(out)
        return _out(out)
    return run


def attacks() -> list[tuple[str, Attack]]:
    P = partial
    a: list[tuple[str, Attack]] = [
        ("none", _none),
        ("flip_h", P(_flip, code=1)),
        ("flip_v", P(_flip, code=0)),
        ("stretch_x_120", P(_stretch, fx=1.20, fy=1.0)),
        ("squash_x_85", P(_stretch, fx=0.85, fy=1.0)),
        ("squash_y_80", P(_stretch, fx=1.0, fy=0.80)),
        ("stretch_xy_112_92", P(_stretch, fx=1.12, fy=0.92)),
        ("aspect_4_3", P(_aspect, ratio=4 / 3)),
        ("aspect_16_9", P(_aspect, ratio=16 / 9)),
        ("aspect_9_16", P(_aspect, ratio=9 / 16)),
        ("crop_center_95", P(_crop, fw=0.95, fh=0.95)),
        ("crop_center_70", P(_crop, fw=0.70, fh=0.70)),
        ("crop_center_55", P(_crop, fw=0.55, fh=0.55)),
        ("crop_tl_75", P(_crop, fw=0.75, fh=0.75, ax=0.0, ay=0.0)),
        ("crop_asym_92x60", P(_crop, fw=0.92, fh=0.60, ax=0.3, ay=0.7)),
        ("crop_center_80_resized", P(_crop, fw=0.80, fh=0.80, back=True)),
        ("crop_tl_60_resized", P(_crop, fw=0.60, fh=0.60, ax=0.1, ay=0.05, back=True)),
        ("crop_asym_90x70_resized", P(_crop, fw=0.90, fh=0.70, ax=0.6, ay=0.4, back=True)),
        ("crop_center_50_resized", P(_crop, fw=0.50, fh=0.50, back=True)),
        ("rot_p1_black", P(_rotate, deg=1.0)),
        ("rot_m2_white", P(_rotate, deg=-2.0, fill=(255, 255, 255))),
        ("rot_p4_reflect", P(_rotate, deg=4.0, border=cv2.BORDER_REFLECT_101)),
        ("rot_m5_expand", P(_rotate, deg=-5.0, mode="expand")),
        ("rot_p8_expand_gray", P(_rotate, deg=8.0, mode="expand", fill=(128, 128, 128))),
        ("rot_m7_inner", P(_rotate, deg=-7.0, mode="inner")),
        ("rot_p10_inner_resized", P(_rotate, deg=10.0, mode="inner", back=True)),
        ("rot_m10_replicate", P(_rotate, deg=-10.0, border=cv2.BORDER_REPLICATE)),
        ("pad_white_5", P(_pad, t=0.05, b=0.05, l=0.05, r=0.05)),
        ("pad_black_20", P(_pad, t=0.2, b=0.2, l=0.2, r=0.2, fill=(0, 0, 0))),
        ("pad_asym_gray", P(_pad, t=0.02, b=0.12, l=0.15, r=0.0, fill=(128, 128, 128))),
        ("border_red_8", P(_pad, t=0.08, b=0.08, l=0.08, r=0.08, fill=(200, 20, 30))),
        ("pad_reflect_12", P(_pad, t=0.12, b=0.12, l=0.12, r=0.12,
                             border=cv2.BORDER_REFLECT_101)),
        ("caption_bottom_bar", _caption_bar),
        ("caption_top_meme", _caption_meme),
        ("overlay_logo_box", _overlay_logo),
        ("overlay_diag_text", _overlay_diag),
        ("overlay_stickers", _overlay_stickers),
        ("letterbox_1920x1080", P(_frame, fw=1920, fh=1080, fill=(0, 0, 0))),
        ("pillarbox_1080x1920", P(_frame, fw=1080, fh=1920, fill=(0, 0, 0))),
        ("fit_square_1024_white", P(_frame, fw=1024, fh=1024, fill=(255, 255, 255))),
        ("fit_frame_800x600_gray", P(_frame, fw=800, fh=600, fill=(90, 90, 90))),
    ]
    for q in (30, 60, 75, 85, 95):
        a.append((f"jpeg_{q}", P(_jpeg, q=q, sub=2)))
    a.append(("jpeg444_50", P(_jpeg, q=50, sub=0)))
    a.append(("jpeg444_90", P(_jpeg, q=90, sub=0)))
    for q in (50, 90):
        a.append((f"webp_{q}", P(_webp, q=q)))
    a += [
        ("down_50", P(_scale, f=0.5, interp=cv2.INTER_AREA)),
        ("down_35", P(_scale, f=0.35, interp=cv2.INTER_AREA)),
        ("down_up_50", P(_down_up, f=0.5)),
        ("up_200", P(_scale, f=2.0, interp=cv2.INTER_LANCZOS4)),
        ("down_max_512", P(_max_side, side=512)),
        ("social_chain", _social),
        ("messaging_chain", _messaging),
        ("messaging_forwarded", _forwarded),
        ("messaging_hd", _messaging_hd),
    ]
    for name, spec in SCREENS.items():
        a.append((name, P(_screen, s=spec)))
    for name, kind in (("blur_gauss_3", "gauss3"), ("blur_gauss_7", "gauss7"),
                       ("median_3", "median3"), ("sharpen", "sharpen"),
                       ("unsharp_strong", "unsharp")):
        a.append((name, P(_filter, kind=kind)))
    a += [
        ("noise_gauss_4", P(_noise, sigma=4.0, name="noise_gauss_4")),
        ("noise_gauss_10", P(_noise, sigma=10.0, name="noise_gauss_10")),
        ("noise_salt_pepper", P(_salt_pepper, frac=0.01, name="noise_salt_pepper")),
        ("bright_p25", P(_tone, bias=25.0)),
        ("bright_m25", P(_tone, bias=-25.0)),
        ("contrast_125", P(_tone, gain=1.25)),
        ("gamma_06", P(_tone, gamma=0.6)),
        ("gamma_15", P(_tone, gamma=1.5)),
        ("saturation_160", P(_tone, sat=1.6)),
        ("grayscale", _grey),
        ("hue_shift_20", P(_hue, deg=20)),
        ("warm_filter", _warm),
    ]
    a += [
        ("combo_crop90_jpeg70", _chain(P(_crop, fw=0.9, fh=0.9), P(_jpeg, q=70))),
        ("combo_rot3_inner_jpeg80", _chain(P(_rotate, deg=-3.0, mode="inner"),
                                           P(_jpeg, q=80))),
        ("combo_flip_downup_jpeg65", _chain(P(_flip, code=1), P(_down_up, f=0.6),
                                            P(_jpeg, q=65))),
        ("combo_stretch_caption_webp75", _chain(P(_stretch, fx=1.15, fy=1.0), _caption_bar,
                                                P(_webp, q=75))),
        ("combo_pad_bright_jpeg85", _chain(P(_pad, t=0.1, b=0.1, l=0.1, r=0.1),
                                           P(_tone, bias=15.0), P(_jpeg, q=85))),
        ("combo_blur_down_jpeg60", _chain(P(_filter, kind="gauss3"),
                                          P(_scale, f=0.7, interp=cv2.INTER_AREA),
                                          P(_jpeg, q=60))),
        ("combo_crop75_gamma_webp60", _chain(P(_crop, fw=0.75, fh=0.85, ax=0.4, ay=0.6),
                                             P(_tone, gamma=0.8), P(_webp, q=60))),
        ("combo_rot5_pad_down", _chain(P(_rotate, deg=5.0, mode="expand",
                                         fill=(255, 255, 255)),
                                       P(_pad, t=0.05, b=0.05, l=0.05, r=0.05),
                                       P(_scale, f=0.8, interp=cv2.INTER_AREA))),
        ("combo_sharpen_up_jpeg90", _chain(P(_filter, kind="sharpen"),
                                           P(_scale, f=1.3, interp=cv2.INTER_CUBIC),
                                           P(_jpeg, q=90, sub=0))),
        ("combo_aspect_letterbox_jpeg70", _chain(P(_aspect, ratio=1.25),
                                                 P(_frame, fw=1280, fh=720, fill=(0, 0, 0)),
                                                 P(_jpeg, q=70))),
        ("combo_screen_chat_jpeg55", _chain(P(_screen, s=SCREENS["screen_chat_dark_08_png"]),
                                            P(_jpeg, q=55))),
        ("combo_crop85_sat_noise_jpeg75", _chain(P(_crop, fw=0.85, fh=0.9, back=True),
                                                 P(_tone, sat=1.3),
                                                 P(_noise, sigma=3.0, name="combo_noise"),
                                                 P(_jpeg, q=75))),
    ]
    return a


# ----------------------------------------------------------------------------- unmarked


def _clamp_side(v: float) -> int:
    return int(min(1100, max(96, round(v))))


def _unmarked_one(rng: np.random.Generator) -> tuple[str, Array]:
    kind = rng.choice(["photo", "photo", "photo", "photo", "photo", "photo", "noise",
                       "flat", "gradient", "blobs"])
    w, h = _clamp_side(rng.uniform(96, 1100)), _clamp_side(rng.uniform(96, 1100))
    if kind == "photo":
        f = SAMPLE_FILES[int(rng.integers(len(SAMPLE_FILES)))]
        src = _sample(f)
        sh, sw = src.shape[:2]
        fw, fh = rng.uniform(0.3, 1.0), rng.uniform(0.3, 1.0)
        cw, ch = max(8, int(sw * fw)), max(8, int(sh * fh))
        x0 = int(rng.integers(0, sw - cw + 1))
        y0 = int(rng.integers(0, sh - ch + 1))
        img = src[y0:y0 + ch, x0:x0 + cw]
        if rng.random() < 0.5:
            img = img[:, ::-1]
        if rng.random() < 0.2:
            img = img[::-1]
        s = rng.uniform(0.4, 2.5)
        w, h = _clamp_side(cw * s), _clamp_side(ch * s)
        img = _resize(_out(img), w, h)
        if rng.random() < 0.3:
            img = _tone(img, gain=rng.uniform(0.7, 1.3), bias=rng.uniform(-30, 30),
                        gamma=rng.uniform(0.7, 1.4), sat=rng.uniform(0.5, 1.5))
        return f"photo_{f.split('.')[0]}_{w}x{h}", img
    if kind == "noise":
        if rng.random() < 0.5:
            img = rng.normal(128, rng.uniform(5, 70), (h, w, 3))
        else:
            img = rng.integers(0, 256, (h, w, 3))
        return f"noise_{w}x{h}", _out(np.clip(img, 0, 255))
    if kind == "flat":
        col = rng.integers(0, 256, 3)
        img = np.empty((h, w, 3), np.uint8)
        img[:] = col
        if rng.random() < 0.5:
            img = _out(np.clip(img + rng.normal(0, 2.0, img.shape), 0, 255))
        return f"flat_{w}x{h}", _out(img)
    if kind == "gradient":
        c0, c1 = rng.uniform(0, 255, 3), rng.uniform(0, 255, 3)
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        if rng.random() < 0.5:
            ang = rng.uniform(0, 2 * math.pi)
            t = xx / w * math.cos(ang) + yy / h * math.sin(ang)
        else:
            t = np.hypot(xx / w - rng.random(), yy / h - rng.random())
        t = (t - t.min()) / max(1e-6, float(t.max() - t.min()))
        img = c0 + (c1 - c0) * t[..., None]
        return f"gradient_{w}x{h}", _out(np.clip(img, 0, 255))
    small = rng.normal(128, 60, (max(2, h // 32), max(2, w // 32), 3)).astype(np.float32)
    img = cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)
    return f"blobs_{w}x{h}", _out(np.clip(img, 0, 255))


def unmarked(n: int = 10000, seed: int = 2026120804) -> Iterator[tuple[str, Array]]:
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        name, img = _unmarked_one(rng)
        yield f"{i:05d}_{name}", img


# ----------------------------------------------------------------------------- edge cases


def edge_cases() -> list[tuple[str, Array]]:
    r = np.random.default_rng(20261208)

    def solid(h: int, w: int, c) -> Array:
        a = np.empty((h, w, 3), np.uint8)
        a[:] = c
        return a

    yy, xx = np.mgrid[0:3072, 0:4096]
    huge = np.stack([(xx * 255 // 4095), (yy * 255 // 3071), ((xx + yy) % 256)], 2)
    stripes_h = np.zeros((512, 512, 3), np.uint8)
    stripes_h[::2] = 255
    stripes_v = np.zeros((300, 700, 3), np.uint8)
    stripes_v[:, ::2] = (255, 0, 0)
    checker = ((np.indices((480, 640)).sum(0) % 2) * 255).astype(np.uint8)
    big_checker = (((np.indices((600, 600)) // 8).sum(0) % 2) * 255).astype(np.uint8)
    grey = np.repeat(r.integers(0, 256, (333, 222, 1), dtype=np.uint8), 3, axis=2)
    cases = [
        ("pixel_1x1", solid(1, 1, (200, 10, 10))),
        ("tiny_2x3", r.integers(0, 256, (2, 3, 3), dtype=np.uint8)),
        ("tiny_8x8", r.integers(0, 256, (8, 8, 3), dtype=np.uint8)),
        ("small_16x16", r.integers(0, 256, (16, 16, 3), dtype=np.uint8)),
        ("small_63x65", r.integers(0, 256, (63, 65, 3), dtype=np.uint8)),
        ("odd_257x255", r.integers(0, 256, (257, 255, 3), dtype=np.uint8)),
        ("huge_4096x3072", huge),
        ("black_512", solid(512, 512, (0, 0, 0))),
        ("white_512", solid(512, 512, (255, 255, 255))),
        ("mid_grey_300x200", solid(200, 300, (128, 128, 128))),
        ("pure_green_640x480", solid(480, 640, (0, 255, 0))),
        ("stripes_h_1px", stripes_h),
        ("stripes_v_1px_red", stripes_v),
        ("checker_1px", np.repeat(checker[..., None], 3, axis=2)),
        ("checker_8px", np.repeat(big_checker[..., None], 3, axis=2)),
        ("line_1x2000", r.integers(0, 256, (1, 2000, 3), dtype=np.uint8)),
        ("column_2000x1", r.integers(0, 256, (2000, 1, 3), dtype=np.uint8)),
        ("strip_8x4000", r.integers(0, 256, (8, 4000, 3), dtype=np.uint8)),
        ("strip_5000x16", r.integers(0, 256, (5000, 16, 3), dtype=np.uint8)),
        ("banner_96x2400", _resize(_sample("china.jpg"), 2400, 96)),
        ("grey_channels_equal", grey),
        ("near_saturated", _out(np.clip(r.normal(250, 4, (256, 256, 3)), 0, 255))),
        ("near_black", _out(np.clip(r.normal(3, 2, (256, 256, 3)), 0, 255))),
        ("two_levels_0_255", (r.random((320, 240, 3)) < 0.5).astype(np.uint8) * 255),
    ]
    return [(n, _out(a)) for n, a in cases]


def _png_chunk(tag: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + tag + data
            + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))


def _enc(img: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format=fmt, **kw)
    return buf.getvalue()


def edge_case_files() -> list[tuple[str, bytes]]:
    base = _resize(_sample("coffee.png"), 300, 200)
    pil = Image.fromarray(base)
    r = np.random.default_rng(808)
    ok, png16 = cv2.imencode(".png", (base[:, :, ::-1].astype(np.uint16) * 257))
    rgba = np.dstack([base, np.linspace(0, 255, 300, dtype=np.uint8)[None, :].repeat(200, 0)])
    jpeg = _enc(pil, "JPEG", quality=85)
    frames = [Image.fromarray(_resize(_sample(f), 120, 90)).convert("P", palette=Image.ADAPTIVE)
              for f in ("coffee.png", "chelsea.png", "astronaut.png")]
    gif = io.BytesIO()
    frames[0].save(gif, format="GIF", save_all=True, append_images=frames[1:], duration=100,
                   loop=0)
    exif = Image.Exif()
    exif[0x0112] = 6
    raw = zlib.compress(b"".join(b"\x00" + bytes(30000 * 3) for _ in range(4)), 9)
    bomb = (b"\x89PNG\r\n\x1a\n"
            + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", 30000, 30000, 8, 2, 0, 0, 0))
            + _png_chunk(b"IDAT", raw) + _png_chunk(b"IEND", b""))
    files = [
        ("png_16bit_rgb.png", png16.tobytes()),
        ("png_rgba.png", _enc(Image.fromarray(rgba, "RGBA"), "PNG")),
        ("png_palette.png", _enc(pil.convert("P", palette=Image.ADAPTIVE, colors=64), "PNG")),
        ("png_greyscale.png", _enc(pil.convert("L"), "PNG")),
        ("png_1bit.png", _enc(pil.convert("1"), "PNG")),
        ("png_16bit_grey.png", _enc(Image.fromarray(
            (np.asarray(pil.convert("L")).astype(np.uint16) * 257)), "PNG")),
        ("png_la.png", _enc(pil.convert("LA"), "PNG")),
        ("png_1x1.png", _enc(Image.new("RGB", (1, 1), (1, 2, 3)), "PNG")),
        ("png_truncated.png", _enc(pil, "PNG")[:1500]),
        ("png_bomb_header_30000.png", bomb),
        ("jpeg_ok.jpg", jpeg),
        ("jpeg_truncated_half.jpg", jpeg[: len(jpeg) // 2]),
        ("jpeg_header_only.jpg", jpeg[:300]),
        ("jpeg_cmyk.jpg", _enc(pil.convert("CMYK"), "JPEG", quality=90)),
        ("jpeg_greyscale.jpg", _enc(pil.convert("L"), "JPEG", quality=90)),
        ("jpeg_progressive.jpg", _enc(pil, "JPEG", quality=80, progressive=True)),
        ("jpeg_exif_rotate90.jpg", _enc(pil, "JPEG", quality=88, exif=exif.tobytes())),
        ("gif_animated.gif", gif.getvalue()),
        ("webp_lossless_alpha.webp", _enc(Image.fromarray(rgba, "RGBA"), "WEBP",
                                          lossless=True)),
        ("webp_lossy.webp", _enc(pil, "WEBP", quality=70, method=4)),
        ("bmp_rgb.bmp", _enc(pil, "BMP")),
        ("tiff_rgb.tiff", _enc(pil, "TIFF")),
        ("corrupt_random.bin", r.integers(0, 256, 4096, dtype=np.uint8).tobytes()),
        ("png_magic_then_garbage.png", b"\x89PNG\r\n\x1a\n"
         + r.integers(0, 256, 512, dtype=np.uint8).tobytes()),
        ("jpeg_magic_then_garbage.jpg", b"\xff\xd8\xff\xe0"
         + r.integers(0, 256, 512, dtype=np.uint8).tobytes()),
        ("empty.png", b""),
        ("text_not_image.png", b"this is not an image\n" * 20),
        ("jpeg_bytes_named_png.png", jpeg),
    ]
    return files
