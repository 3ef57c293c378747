"""Held-out watermark test set, round 2026-12-07q.

PROVENANCE
    Written blind by an independent tester who was told not to learn how the watermark
    works. The tester read only: safegen/backends/__init__.py, base.py and builtin.py
    (to call the built-in offline text-to-image model; diffusers_backend.py and gan.py
    were listed but not opened), a name-only listing of safegen/builtin/, pyproject.toml
    (earlier held-out files appear there by name only; their contents were never opened),
    .gitignore, and the installed packages' sample image files (scikit-image's
    skimage/data/*.png|*.jpg and scikit-learn's sklearn/datasets/images/*.jpg: names, sizes,
    modes and pixels). The tester did NOT open, grep, list or import safegen/watermark/,
    docs/, tests/, README.md or benchmarks/ (apart from writing this one file and its cache
    folder), read no issue tracker, ran no git command and ran no watermark encoder or
    decoder. Every parameter below was chosen before any watermark result was seen.

FROZEN
    This file is never edited, not even for style: its sha256 is its identity. A
    change of any kind makes a new round with a new file name.

SOURCES
    Photos: skimage/data (astronaut, chelsea, coffee, rocket, coins, camera, moon,
    hubble_deep_field, retina, brick, grass, gravel, motorcycle_left, motorcycle_right, ...)
    and sklearn/datasets/images (china, flower), found with importlib.util.find_spec.
    Generated: safegen.backends.builtin.BuiltinBackend (256x256), prompts and seeds below,
    cached as PNG in CACHE_DIR and regenerated when absent. Screenshots, graphics, screen
    captures and edge cases are drawn here with Pillow, OpenCV and numpy. Every random
    choice is seeded; the output is deterministic.

INTERFACE
    ROUND, CACHE_DIR
    images() -> list[(name, image_class, rgb)], image_class in photo, generated, graphic,
        screenshot; rgb a C-contiguous uint8 (H, W, 3) array.
    attacks() -> list[(name, fn)]; fn(rgb) -> a new C-contiguous uint8 (H', W', 3) array,
        deterministic; the first attack is "none" (a copy).
    unmarked(n=10000, seed=2026120717) -> iterator of (name, rgb); item i depends only on
        np.random.default_rng([seed, i]) and the fixed package sample images.
    edge_cases() -> list[(name, rgb)]: awkward uint8 RGB arrays.
    edge_case_files() -> list[(name, bytes)]: awkward encoded files, byte-identical per run.

IMAGES (27)
    17 photos (crops/rescales of the sample images, 300 to 2048 px on the longer side,
    several under 512 px on the shorter side; portrait, panorama, 4:3, 3:2, 16:9, 4:5,
    square; dark, bright, low contrast, greyscale, tinted, textures):
        photo_chelsea_300x450, photo_coffee_warm_384x512, photo_rocket_400x400,
        photo_astronaut_512x512, photo_coins_grey_470x372, photo_camera_dark_720x720,
        photo_moon_lowcontrast_900x600, photo_china_1920x1080, photo_flower_bright_1024x768,
        photo_motorcycle_panorama_2048x640, photo_hubble_dark_1200x900,
        photo_retina_1400x1400, photo_brick_sepia_768x512, photo_grass_green_1080x1350,
        photo_gravel_600x800, photo_motorcycle_bright_1280x853, photo_chelsea_2048x1365
    6 generated (built-in model, 256x256; prompts and seeds in _GENERATED):
        gen_sunset_sea, gen_snow_mountains, gen_night_forest, gen_green_hills,
        gen_desert_dusk, gen_foggy_lake
    2 screenshots: screen_settings_1280x800, screen_phone_chat_750x1334
    2 graphics: graphic_poster_1000x1000, graphic_chart_1200x675
    (27 in all: 17 photo, 6 generated, 2 screenshot, 2 graphic.)

ATTACKS (75, parameters chosen off round numbers)
    none, flip_h, flip_v, stretch_x_1.07, stretch_x_0.89, stretch_y_1.13, stretch_y_0.93,
    stretch_xy_1.11_0.91, crop_centre_0.83, crop_centre_0.57_resized, crop_offcentre_0.71,
    crop_corner_tl_0.63, crop_corner_br_0.88_resized, crop_x_only_0.52,
    crop_y_only_0.77_resized, crop_corner_bl_0.93, rot_+2.7_black, rot_-6.3_white,
    rot_+9.1_reflect, rot_-4.4_expand, rot_+7.6_straighten, rot_-8.2_inner_rect,
    rot_+3.9_inner_rect_resized, rot_-1.3_centre_crop_0.81, pad_black_0.07,
    pad_white_uneven, border_reflect_0.12, pad_colour_0.19_resized, jpeg_q31_420,
    jpeg_q47_420, jpeg_q63_444, jpeg_q74_420, jpeg_q89_444, webp_q52, webp_q71, webp_q88,
    down_0.43, down_0.58, down_0.77, down_0.64_up, up_1.55, up_1.93_cubic, social_chain,
    messaging_chain, messaging_chain_twice, screen_browser, screen_phone_feed_jpeg,
    screen_card, screen_document_jpeg, screen_chat_bubble_jpeg, screen_gallery_grid,
    blur_gauss_1.3, blur_box_3, sharpen_unsharp, median_3, noise_gauss_5.5,
    brightness_+23, contrast_0.72, gamma_1.37, gamma_0.71, saturation_0.38,
    saturation_1.45, greyscale, cb_crop0.87_jpeg68, cb_rot2.1_inner_jpeg79,
    cb_flip_down0.71_webp77, cb_stretchx1.09_jpeg57, cb_bright_gamma_jpeg82,
    cb_pad_down0.66, cb_blur_sharpen_jpeg71, cb_noise_jpeg64_444, cb_crop0.78_up1.6,
    cb_grey_contrast_webp66, cb_card_social, cb_rot-5.2_reflect_down0.53_jpeg73

UNMARKED
    unmarked(n, seed) yields n images, sides 96..1100, kind chosen by the item's own rng:
    photo crops (flips, quarter turns, rescales), photo colour changes, photo
    recompressions (JPEG/WebP), small photo rotations, 2x2 photo collages, drawn screens
    with photo crops, graphics (shapes and text), textures (sample textures or sums of
    sinusoids), noise, flat colours and gradients.

EDGE CASES
    edge_cases(): tiny (1x1 .. 63x64), 1-px strips, thin strips, a huge 4000x3000, a wide
    256x4096, flat colours, near-flat, noise, checkerboards, stripes, gradients, saturated
    primaries, clipped highlights, text only, odd sizes.
    edge_case_files(): 16-bit PNG (RGB, grey), RGBA, LA, palette (with and without
    transparency), grey, 1-bit, Adam7-interlaced PNG, truncated / corrupt-IDAT / bad-CRC
    PNG, a PNG header declaring 200000x200000, truncated and corrupt JPEG, CMYK JPEG,
    EXIF-rotated JPEGs (orientation 6 and 8), progressive JPEG, grey JPEG, animated GIF,
    animated WebP, lossless WebP, TIFF (raw, LZW), BMP, an empty file, random bytes and
    a text file.
"""

from __future__ import annotations

import functools
import importlib.util
import io
import math
import struct
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

ROUND = "2026-12-07q"
CACHE_DIR = Path(__file__).resolve().parent / "cache_q"

# ----------------------------------------------------------------------------- helpers


def _c(a: np.ndarray) -> np.ndarray:
    a = np.asarray(a)
    if a.dtype != np.uint8:
        a = np.clip(np.rint(a), 0, 255).astype(np.uint8)
    if a.ndim == 2:
        a = np.repeat(a[:, :, None], 3, axis=2)
    return np.ascontiguousarray(a[:, :, :3])


def _resize(rgb: np.ndarray, w: int, h: int, interp: int | None = None) -> np.ndarray:
    w, h = max(1, int(w)), max(1, int(h))
    if interp is None:
        down = w * h < rgb.shape[0] * rgb.shape[1]
        interp = cv2.INTER_AREA if down else cv2.INTER_CUBIC
    return _c(cv2.resize(np.ascontiguousarray(rgb), (w, h), interpolation=interp))


def _scale(rgb: np.ndarray, s: float, interp: int | None = None) -> np.ndarray:
    h, w = rgb.shape[:2]
    return _resize(rgb, round(w * s), round(h * s), interp)


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError, AttributeError):
        return ImageFont.load_default()


def _jpeg(rgb: np.ndarray, q: int, subsampling: int = 2, progressive: bool = False) -> np.ndarray:
    buf = io.BytesIO()
    Image.fromarray(_c(rgb)).save(
        buf, "JPEG", quality=q, subsampling=subsampling, progressive=progressive
    )
    buf.seek(0)
    return _c(np.asarray(Image.open(buf).convert("RGB")))


def _webp(rgb: np.ndarray, q: int) -> np.ndarray:
    buf = io.BytesIO()
    Image.fromarray(_c(rgb)).save(buf, "WEBP", quality=q, method=4)
    buf.seek(0)
    return _c(np.asarray(Image.open(buf).convert("RGB")))


def _luma(rgb: np.ndarray) -> np.ndarray:
    f = rgb.astype(np.float32)
    return 0.299 * f[:, :, 0] + 0.587 * f[:, :, 1] + 0.114 * f[:, :, 2]


def _lut(rgb: np.ndarray, table: np.ndarray) -> np.ndarray:
    return _c(cv2.LUT(np.ascontiguousarray(rgb), np.clip(np.rint(table), 0, 255).astype(np.uint8)))


def _cover(rgb: np.ndarray, tw: int, th: int) -> np.ndarray:
    """object-fit: cover, centred."""
    h, w = rgb.shape[:2]
    s = max(tw / w, th / h)
    nw, nh = max(tw, round(w * s)), max(th, round(h * s))
    r = _resize(rgb, nw, nh)
    x0, y0 = (nw - tw) // 2, (nh - th) // 2
    return _c(r[y0 : y0 + th, x0 : x0 + tw])


def _fit(rgb: np.ndarray, max_w: int, max_h: int, allow_up: bool = False) -> np.ndarray:
    h, w = rgb.shape[:2]
    s = min(max_w / w, max_h / h)
    if not allow_up:
        s = min(s, 1.0)
    return _resize(rgb, max(1, round(w * s)), max(1, round(h * s)), cv2.INTER_AREA
                   if s < 1 else cv2.INTER_LINEAR)


def _paste(canvas: Image.Image, rgb: np.ndarray, x: int, y: int, radius: int = 0) -> None:
    tile = Image.fromarray(_c(rgb))
    if radius > 0:
        mask = Image.new("L", tile.size, 0)
        ImageDraw.Draw(mask).rounded_rectangle(
            (0, 0, tile.size[0] - 1, tile.size[1] - 1), radius=radius, fill=255
        )
        canvas.paste(tile, (x, y), mask)
    else:
        canvas.paste(tile, (x, y))


def _text_lines(draw: ImageDraw.ImageDraw, x: int, y: int, widths: list[int], step: int,
                colour: tuple[int, int, int], thick: int = 9) -> None:
    for k, wd in enumerate(widths):
        draw.rounded_rectangle((x, y + k * step, x + wd, y + k * step + thick), radius=4,
                               fill=colour)


# ----------------------------------------------------------------------------- sources


@functools.lru_cache(maxsize=1)
def _sample_dirs() -> tuple[Path, Path]:
    sk = importlib.util.find_spec("skimage.data")
    sl = importlib.util.find_spec("sklearn.datasets")
    if sk is None or sk.submodule_search_locations is None:
        raise RuntimeError("scikit-image is needed (its sample images)")
    if sl is None or sl.submodule_search_locations is None:
        raise RuntimeError("scikit-learn is needed (its sample images)")
    return (Path(next(iter(sk.submodule_search_locations))),
            Path(next(iter(sl.submodule_search_locations))) / "images")


@functools.lru_cache(maxsize=64)
def _sample(name: str) -> np.ndarray:
    sk, sl = _sample_dirs()
    path = sl / name if name in ("china.jpg", "flower.jpg") else sk / name
    with Image.open(path) as im:
        im = im.convert("RGB")
        arr = _c(np.asarray(im))
    arr.setflags(write=False)
    return arr


_PHOTO_SOURCES = (
    "astronaut.png", "chelsea.png", "coffee.png", "rocket.jpg", "china.jpg", "flower.jpg",
    "motorcycle_left.png", "motorcycle_right.png", "hubble_deep_field.jpg", "retina.jpg",
    "camera.png", "moon.png", "coins.png", "brick.png", "grass.png", "gravel.png", "ihc.png",
    "cell.png", "clock_motion.png",
)


def _aspect_crop(src: np.ndarray, cx: float, cy: float, scale: float, aspect: float) -> np.ndarray:
    """The largest crop of aspect w/h at `scale` of the fitting size, centred near (cx, cy)."""
    h, w = src.shape[:2]
    cw, ch = (w, w / aspect) if w / h < aspect else (h * aspect, h)
    cw, ch = max(1, int(cw * scale)), max(1, int(ch * scale))
    x0 = int(round(min(max(cx * w - cw / 2, 0), w - cw)))
    y0 = int(round(min(max(cy * h - ch / 2, 0), h - ch)))
    return _c(src[y0 : y0 + ch, x0 : x0 + cw])


def _tone(rgb: np.ndarray, tone: str) -> np.ndarray:
    f = rgb.astype(np.float32)
    if tone == "warm":
        f = f * np.array([1.06, 1.0, 0.9], np.float32)
    elif tone == "dark":
        f = 255.0 * (f / 255.0) ** 1.9 * 0.7
    elif tone == "bright":
        f = 255.0 * (f / 255.0) ** 0.6 * 0.9 + 25.0
    elif tone == "lowc":
        f = (f - f.mean()) * (19.0 / max(float(f.std()), 1.0)) + 139.0
    elif tone == "sepia":
        g = _luma(rgb)[:, :, None]
        f = g * np.array([1.0, 0.85, 0.62], np.float32) + np.array([21.0, 9.0, 0.0], np.float32)
    elif tone == "green":
        f = f * np.array([0.8, 1.05, 0.7], np.float32)
    return _c(f)


# name, source, cx, cy, scale, width, height, tone
_PHOTOS = (
    ("photo_chelsea_300x450", "chelsea.png", 0.47, 0.5, 1.0, 300, 450, "none"),
    ("photo_coffee_warm_384x512", "coffee.png", 0.45, 0.5, 0.97, 384, 512, "warm"),
    ("photo_rocket_400x400", "rocket.jpg", 0.5, 0.5, 1.0, 400, 400, "none"),
    ("photo_astronaut_512x512", "astronaut.png", 0.5, 0.5, 1.0, 512, 512, "none"),
    ("photo_coins_grey_470x372", "coins.png", 0.5, 0.5, 1.0, 470, 372, "none"),
    ("photo_camera_dark_720x720", "camera.png", 0.5, 0.5, 1.0, 720, 720, "dark"),
    ("photo_moon_lowcontrast_900x600", "moon.png", 0.5, 0.46, 1.0, 900, 600, "lowc"),
    ("photo_china_1920x1080", "china.jpg", 0.5, 0.5, 1.0, 1920, 1080, "none"),
    ("photo_flower_bright_1024x768", "flower.jpg", 0.52, 0.5, 1.0, 1024, 768, "bright"),
    ("photo_motorcycle_panorama_2048x640", "motorcycle_left.png", 0.5, 0.56, 1.0, 2048, 640,
     "none"),
    ("photo_hubble_dark_1200x900", "hubble_deep_field.jpg", 0.5, 0.5, 1.0, 1200, 900, "none"),
    ("photo_retina_1400x1400", "retina.jpg", 0.5, 0.5, 1.0, 1400, 1400, "none"),
    ("photo_brick_sepia_768x512", "brick.png", 0.5, 0.5, 1.0, 768, 512, "sepia"),
    ("photo_grass_green_1080x1350", "grass.png", 0.5, 0.5, 1.0, 1080, 1350, "green"),
    ("photo_gravel_600x800", "gravel.png", 0.4, 0.5, 0.93, 600, 800, "none"),
    ("photo_motorcycle_bright_1280x853", "motorcycle_right.png", 0.5, 0.5, 1.0, 1280, 853,
     "bright"),
    ("photo_chelsea_2048x1365", "chelsea.png", 0.5, 0.5, 1.0, 2048, 1365, "none"),
)


def _photo(spec: tuple[str, str, float, float, float, int, int, str]) -> np.ndarray:
    name, src, cx, cy, scale, w, h, tone = spec
    crop = _aspect_crop(_sample(src), cx, cy, scale, w / h)
    up = w / crop.shape[1]
    out = _resize(crop, w, h, cv2.INTER_LANCZOS4 if up > 1 else cv2.INTER_AREA)
    out = _tone(out, tone)
    if up > 2.0:  # sensor-like grain so a big upscale does not look painted
        rng = np.random.default_rng([20261207, zlib.crc32(name.encode())])
        out = _c(out.astype(np.float32) + rng.normal(0.0, 1.8, out.shape).astype(np.float32))
    return out


# name, prompt, seed
_GENERATED = (
    ("gen_sunset_sea", "a red sunset over a calm sea", 90417),
    ("gen_snow_mountains", "snowy mountains under a pale blue sky at noon", 31573),
    ("gen_night_forest", "a dark forest at night under a full moon", 70211),
    ("gen_green_hills", "green rolling hills with a winding river in the afternoon", 5839),
    ("gen_desert_dusk", "desert dunes at dusk with an orange sky", 64427),
    ("gen_foggy_lake", "a lake surrounded by pine trees in the morning fog", 11887),
)


def _generated() -> list[tuple[str, np.ndarray]]:
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    out: list[tuple[str, np.ndarray]] = []
    backend = None
    for name, prompt, seed in _GENERATED:
        path = CACHE_DIR / f"{name}.png"
        if not path.exists():
            if backend is None:
                from safegen.backends.builtin import BuiltinBackend

                backend = BuiltinBackend(threads=1)
            from safegen.backends.base import BackendRequest

            img = backend.generate(
                BackendRequest(prompt=prompt, negative_prompt=None, seeds=(seed,))
            )[0]
            tmp = path.with_suffix(".tmp.png")
            img.convert("RGB").save(tmp, "PNG")
            tmp.replace(path)
        with Image.open(path) as im:
            out.append((name, _c(np.asarray(im.convert("RGB")))))
    return out


def _screen_settings() -> np.ndarray:
    w, h = 1280, 800
    im = Image.new("RGB", (w, h), (246, 247, 249))
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, w, 34), fill=(226, 228, 233))
    for k, col in enumerate(((237, 95, 87), (246, 190, 79), (98, 197, 84))):
        d.ellipse((14 + 22 * k, 11, 26 + 22 * k, 23), fill=col)
    d.text((560, 9), "Preferences", fill=(60, 60, 67), font=_font(15))
    d.rectangle((0, 34, 250, h), fill=(236, 238, 242))
    items = ["General", "Accounts", "Appearance", "Notifications", "Privacy", "Storage",
             "Network", "Advanced"]
    for k, it in enumerate(items):
        if k == 2:
            d.rounded_rectangle((12, 58 + 38 * k, 238, 90 + 38 * k), radius=7,
                                fill=(0, 110, 230))
        d.text((30, 64 + 38 * k), it, fill=(255, 255, 255) if k == 2 else (40, 40, 45),
               font=_font(16))
    d.text((290, 60), "Appearance", fill=(20, 20, 24), font=_font(28))
    labels = ["Theme", "Accent colour", "Sidebar icon size", "Show scroll bars",
              "Click in the scroll bar to", "Default web browser", "Recent items"]
    for k, lab in enumerate(labels):
        y = 130 + 72 * k
        d.line((290, y + 56, 1240, y + 56), fill=(222, 223, 228), width=1)
        d.text((290, y + 16), lab, fill=(30, 30, 36), font=_font(17))
        if k % 2 == 0:
            on = k % 4 == 0
            d.rounded_rectangle((1160, y + 14, 1212, y + 42), radius=14,
                                fill=(52, 199, 89) if on else (200, 200, 205))
            cx = 1198 if on else 1174
            d.ellipse((cx - 12, y + 16, cx + 12, y + 40), fill=(255, 255, 255))
        else:
            d.rounded_rectangle((960, y + 10, 1212, y + 44), radius=6, fill=(255, 255, 255),
                                outline=(200, 201, 206))
            d.text((974, y + 17), ["Automatic", "Jump to spot", "Medium"][k // 2 % 3],
                   fill=(50, 50, 55), font=_font(15))
    for k, col in enumerate(((0, 110, 230), (165, 80, 200), (240, 80, 150), (255, 60, 48),
                             (255, 149, 0), (255, 204, 0), (52, 199, 89))):
        d.ellipse((560 + 34 * k, 218, 584 + 34 * k, 242), fill=col)
    return _c(np.asarray(im))


def _screen_phone_chat() -> np.ndarray:
    w, h = 750, 1334
    im = Image.new("RGB", (w, h), (236, 229, 221))
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, w, 40), fill=(7, 94, 84))
    d.text((24, 10), "9:41", fill=(255, 255, 255), font=_font(18))
    d.rectangle((0, 40, w, 140), fill=(7, 94, 84))
    d.ellipse((70, 58, 132, 120), fill=(180, 190, 200))
    d.text((150, 62), "Marguerite", fill=(255, 255, 255), font=_font(26))
    d.text((150, 96), "online", fill=(200, 230, 225), font=_font(17))
    msgs = [("l", "Are you coming to the market on Saturday?"), ("r", "Yes! Around ten."),
            ("l", "Look what I found"), ("r", "Oh that is lovely"),
            ("l", "Bring the blue bag please"), ("r", "Will do, see you there")]
    y = 170
    for k, (side, txt) in enumerate(msgs):
        if k == 3:
            photo = _cover(_sample("coffee.png"), 420, 300)
            _paste(im, photo, 40, y, radius=14)
            y += 320
        tw = int(d.textlength(txt, font=_font(22))) + 36
        x0 = 40 if side == "l" else w - 40 - tw
        d.rounded_rectangle((x0, y, x0 + tw, y + 56), radius=14,
                            fill=(255, 255, 255) if side == "l" else (220, 248, 198))
        d.text((x0 + 18, y + 15), txt, fill=(20, 20, 20), font=_font(22))
        d.text((x0 + tw - 62, y + 40), f"10:{17 + k:02d}", fill=(130, 130, 130), font=_font(11))
        y += 82
    d.rectangle((0, h - 110, w, h), fill=(240, 240, 240))
    d.rounded_rectangle((20, h - 92, w - 110, h - 36), radius=28, fill=(255, 255, 255))
    d.text((50, h - 76), "Message", fill=(150, 150, 150), font=_font(22))
    d.ellipse((w - 92, h - 94, w - 32, h - 34), fill=(0, 150, 136))
    return _c(np.asarray(im))


def _graphic_poster() -> np.ndarray:
    s = 1000
    yy, xx = np.mgrid[0:s, 0:s].astype(np.float32)
    bg = np.stack([40 + 180 * xx / s, 30 + 60 * yy / s, 120 + 100 * (1 - xx / s)], axis=2)
    im = Image.fromarray(_c(bg))
    d = ImageDraw.Draw(im)
    d.ellipse((120, 140, 560, 580), fill=(255, 214, 64))
    d.polygon([(600, 820), (930, 820), (765, 470)], fill=(16, 24, 48))
    d.rectangle((80, 640, 470, 690), fill=(255, 255, 255))
    d.rounded_rectangle((520, 120, 900, 330), radius=36, fill=(241, 90, 84))
    d.text((90, 720), "SUMMER", fill=(255, 255, 255), font=_font(110))
    d.text((96, 860), "open-air festival  ·  July 14 to 19", fill=(255, 240, 200),
           font=_font(34))
    for k in range(9):
        d.line((540 + 40 * k, 360, 560 + 40 * k, 440), fill=(255, 255, 255), width=7)
    return _c(np.asarray(im))


def _graphic_chart() -> np.ndarray:
    w, h = 1200, 675
    im = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.text((60, 24), "Quarterly revenue by region (EUR m)", fill=(33, 37, 41), font=_font(30))
    x0, y0, x1, y1 = 110, 90, 1160, 600
    for k in range(6):
        y = y1 - (y1 - y0) * k / 5
        d.line((x0, y, x1, y), fill=(226, 230, 234), width=1)
        d.text((50, y - 10), f"{k * 40}", fill=(100, 106, 112), font=_font(16))
    vals = [[63, 88, 41], [97, 120, 57], [84, 131, 66], [121, 158, 79], [139, 171, 102],
            [117, 149, 93], [153, 188, 121], [171, 197, 134]]
    cols = [(31, 119, 180), (255, 127, 14), (44, 160, 44)]
    gw = (x1 - x0) / len(vals)
    for g, trio in enumerate(vals):
        for k, v in enumerate(trio):
            bx = x0 + g * gw + 18 + k * 36
            d.rectangle((bx, y1 - (y1 - y0) * v / 200, bx + 30, y1), fill=cols[k])
        d.text((x0 + g * gw + 30, y1 + 12), f"Q{g % 4 + 1} {23 + g // 4}",
               fill=(80, 86, 92), font=_font(16))
    d.line((x0, y1, x1, y1), fill=(60, 60, 60), width=2)
    for k, lab in enumerate(("North", "South", "West")):
        d.rectangle((820 + 110 * k, 34, 838 + 110 * k, 52), fill=cols[k])
        d.text((845 + 110 * k, 32), lab, fill=(60, 60, 60), font=_font(18))
    return _c(np.asarray(im))


def images() -> list[tuple[str, str, np.ndarray]]:
    """About 27 test images: photos, generated, screenshots, graphics."""
    out: list[tuple[str, str, np.ndarray]] = [(s[0], "photo", _photo(s)) for s in _PHOTOS]
    out += [(name, "generated", rgb) for name, rgb in _generated()]
    out.append(("screen_settings_1280x800", "screenshot", _screen_settings()))
    out.append(("screen_phone_chat_750x1334", "screenshot", _screen_phone_chat()))
    out.append(("graphic_poster_1000x1000", "graphic", _graphic_poster()))
    out.append(("graphic_chart_1200x675", "graphic", _graphic_chart()))
    return out


# ----------------------------------------------------------------------------- attacks


def _none(rgb: np.ndarray) -> np.ndarray:
    return np.array(rgb, dtype=np.uint8, copy=True, order="C")


def _flip(rgb: np.ndarray, axis: int) -> np.ndarray:
    return _c(rgb[:, ::-1] if axis == 1 else rgb[::-1, :])


def _stretch(rgb: np.ndarray, sx: float, sy: float) -> np.ndarray:
    h, w = rgb.shape[:2]
    return _resize(rgb, round(w * sx), round(h * sy), cv2.INTER_LINEAR)


def _crop(rgb: np.ndarray, kx: float, ky: float, fx: float, fy: float,
          resize_back: bool = False) -> np.ndarray:
    """Keep kx, ky of each side; fx, fy in [0, 1] place the window (0.5 = centred)."""
    h, w = rgb.shape[:2]
    cw, ch = max(1, round(w * kx)), max(1, round(h * ky))
    x0, y0 = round((w - cw) * fx), round((h - ch) * fy)
    out = _c(rgb[y0 : y0 + ch, x0 : x0 + cw])
    return _resize(out, w, h, cv2.INTER_CUBIC) if resize_back else out


def _rotate(rgb: np.ndarray, deg: float, fill: str = "black", expand: bool = False,
            interp: int = cv2.INTER_LINEAR) -> np.ndarray:
    h, w = rgb.shape[:2]
    centre = ((w - 1) / 2.0, (h - 1) / 2.0)
    m = cv2.getRotationMatrix2D(centre, deg, 1.0)
    nw, nh = w, h
    if expand:
        a = math.radians(deg)
        nw = int(math.ceil(w * abs(math.cos(a)) + h * abs(math.sin(a))))
        nh = int(math.ceil(w * abs(math.sin(a)) + h * abs(math.cos(a))))
        m[0, 2] += (nw - 1) / 2.0 - centre[0]
        m[1, 2] += (nh - 1) / 2.0 - centre[1]
    if fill == "reflect":
        border, value = cv2.BORDER_REFLECT_101, (0, 0, 0)
    else:
        border = cv2.BORDER_CONSTANT
        value = (255, 255, 255) if fill == "white" else (0, 0, 0)
    return _c(cv2.warpAffine(np.ascontiguousarray(rgb), m, (nw, nh), flags=interp,
                             borderMode=border, borderValue=value))


def _inner_size(w: int, h: int, deg: float) -> tuple[int, int]:
    """The largest upright rectangle inside a w x h image turned by deg."""
    a = math.radians(deg)
    sin_a, cos_a = abs(math.sin(a)), abs(math.cos(a))
    long_side, short_side = (w, h) if w >= h else (h, w)
    if short_side <= 2.0 * sin_a * cos_a * long_side or abs(sin_a - cos_a) < 1e-10:
        x = 0.5 * short_side
        wr, hr = (x / sin_a, x / cos_a) if w >= h else (x / cos_a, x / sin_a)
    else:
        cos_2a = cos_a * cos_a - sin_a * sin_a
        wr, hr = (w * cos_a - h * sin_a) / cos_2a, (h * cos_a - w * sin_a) / cos_2a
    return max(1, int(wr) - 2), max(1, int(hr) - 2)


def _centre_crop_to(rgb: np.ndarray, cw: int, ch: int) -> np.ndarray:
    h, w = rgb.shape[:2]
    cw, ch = min(cw, w), min(ch, h)
    x0, y0 = (w - cw) // 2, (h - ch) // 2
    return _c(rgb[y0 : y0 + ch, x0 : x0 + cw])


def _rot_inner(rgb: np.ndarray, deg: float, resize_back: bool) -> np.ndarray:
    h, w = rgb.shape[:2]
    big = _rotate(rgb, deg, expand=True, interp=cv2.INTER_CUBIC)
    iw, ih = _inner_size(w, h, deg)
    out = _centre_crop_to(big, iw, ih)
    return _resize(out, w, h, cv2.INTER_CUBIC) if resize_back else out


def _rot_straighten(rgb: np.ndarray, deg: float) -> np.ndarray:
    h, w = rgb.shape[:2]
    tilted = _rotate(rgb, deg, expand=True, interp=cv2.INTER_CUBIC)
    back = _rotate(tilted, -deg, expand=False, interp=cv2.INTER_CUBIC)
    return _centre_crop_to(back, w, h)


def _rot_centre_crop(rgb: np.ndarray, deg: float, keep: float) -> np.ndarray:
    out = _rotate(rgb, deg, interp=cv2.INTER_CUBIC)
    h, w = out.shape[:2]
    return _centre_crop_to(out, round(w * keep), round(h * keep))


def _pad(rgb: np.ndarray, top: float, bottom: float, left: float, right: float,
         colour: tuple[int, int, int] = (0, 0, 0), reflect: bool = False,
         resize_back: bool = False) -> np.ndarray:
    h, w = rgb.shape[:2]
    t, b, lf, r = round(h * top), round(h * bottom), round(w * left), round(w * right)
    if reflect:
        out = cv2.copyMakeBorder(np.ascontiguousarray(rgb), t, b, lf, r, cv2.BORDER_REFLECT_101)
    else:
        out = cv2.copyMakeBorder(np.ascontiguousarray(rgb), t, b, lf, r, cv2.BORDER_CONSTANT,
                                 value=colour)
    out = _c(out)
    return _resize(out, w, h, cv2.INTER_AREA) if resize_back else out


def _down_up(rgb: np.ndarray, s: float) -> np.ndarray:
    h, w = rgb.shape[:2]
    return _resize(_scale(rgb, s, cv2.INTER_AREA), w, h, cv2.INTER_LINEAR)


def _long_side(rgb: np.ndarray, side: int) -> np.ndarray:
    h, w = rgb.shape[:2]
    s = side / max(h, w)
    return _scale(rgb, s, cv2.INTER_AREA if s < 1 else cv2.INTER_CUBIC)


def _social(rgb: np.ndarray) -> np.ndarray:
    out = _crop(rgb, 0.91, 0.89, 0.43, 0.56)
    out = _long_side(out, 1080)
    return _jpeg(out, 76, 2)


def _messaging(rgb: np.ndarray, times: int = 1) -> np.ndarray:
    out = rgb
    for _ in range(times):
        out = _jpeg(_scale(out, 0.6, cv2.INTER_AREA), 61, 2)
    return out


def _screen_browser(rgb: np.ndarray) -> np.ndarray:
    w, h = 1440, 900
    im = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, w, 40), fill=(222, 225, 230))
    d.rounded_rectangle((80, 6, 330, 40), radius=8, fill=(255, 255, 255))
    d.text((98, 14), "Photo gallery - album", fill=(50, 50, 50), font=_font(14))
    d.rectangle((0, 40, w, 84), fill=(255, 255, 255))
    d.rounded_rectangle((130, 47, 1300, 77), radius=15, fill=(241, 243, 244))
    d.text((150, 54), "https://photos.example.org/album/2719/view", fill=(60, 64, 67),
           font=_font(15))
    d.line((0, 84, w, 84), fill=(218, 220, 224))
    d.text((230, 100), "Holiday album  ·  picture 14 of 52", fill=(32, 33, 36), font=_font(20))
    pic = _fit(rgb, 980, 700)
    x = (w - pic.shape[1]) // 2
    _paste(im, pic, x, 140)
    yb = min(h - 40, 140 + pic.shape[0] + 16)
    _text_lines(d, 230, yb, [520, 610, 330], 20, (205, 208, 212))
    return _c(np.asarray(im))


def _screen_phone_feed(rgb: np.ndarray) -> np.ndarray:
    w, h = 1080, 2340
    im = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.text((48, 28), "12:07", fill=(0, 0, 0), font=_font(34))
    d.text((48, 110), "Feed", fill=(0, 0, 0), font=_font(54))
    d.ellipse((40, 200, 120, 280), fill=(214, 41, 118))
    d.text((140, 222), "wanderlust.kate", fill=(20, 20, 20), font=_font(32))
    ih, iw = rgb.shape[:2]
    ratio = min(max(ih / iw, 1 / 1.91), 1.25)
    ph = round(w * ratio)
    pic = _cover(rgb, w, ph)
    _paste(im, pic, 0, 300)
    y = 300 + ph + 30
    for k in range(4):
        d.ellipse((40 + 90 * k, y, 104 + 90 * k, y + 64), outline=(30, 30, 30), width=5)
    _text_lines(d, 40, y + 110, [330, 980, 720], 46, (60, 60, 60), thick=16)
    if y + 330 < h - 400:
        d.rectangle((0, y + 290, w, y + 292), fill=(230, 230, 230))
        d.ellipse((40, y + 320, 120, y + 400), fill=(80, 140, 220))
        d.rectangle((0, y + 430, w, h - 170), fill=(205, 214, 222))
    d.rectangle((0, h - 170, w, h), fill=(250, 250, 250))
    return _jpeg(_c(np.asarray(im)), 84, 2)


def _screen_card(rgb: np.ndarray) -> np.ndarray:
    w, h = 900, 760
    im = Image.new("RGB", (w, h), (238, 240, 243))
    d = ImageDraw.Draw(im)
    d.rounded_rectangle((150, 60, 750, 700), radius=18, fill=(255, 255, 255),
                        outline=(222, 224, 228))
    pic = _cover(rgb, 600, 400)
    _paste(im, pic, 150, 60)
    d.text((180, 490), "A weekend by the water", fill=(25, 25, 30), font=_font(30))
    _text_lines(d, 180, 548, [520, 480, 300], 28, (190, 194, 200), thick=11)
    d.rounded_rectangle((580, 640, 720, 680), radius=20, fill=(26, 115, 232))
    d.text((612, 650), "Read more", fill=(255, 255, 255), font=_font(16))
    return _c(np.asarray(im))


def _screen_document(rgb: np.ndarray) -> np.ndarray:
    w, h = 1000, 1414
    im = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.text((90, 80), "Field report: coastal survey", fill=(10, 10, 10), font=_font(34))
    _text_lines(d, 90, 150, [820, 790, 815, 500], 26, (90, 90, 90), thick=10)
    pic = _fit(rgb, 620, 700, allow_up=True)
    x = (w - pic.shape[1]) // 2
    _paste(im, pic, x, 270)
    y = 270 + pic.shape[0] + 14
    d.text((x, y), "Figure 3. Site B, looking north-east.", fill=(70, 70, 70), font=_font(16))
    _text_lines(d, 90, y + 50, [820, 805, 812, 790, 640, 820, 700], 26, (90, 90, 90), thick=10)
    return _jpeg(_c(np.asarray(im)), 83, 2)


def _screen_chat_bubble(rgb: np.ndarray) -> np.ndarray:
    w, h = 750, 1334
    im = Image.new("RGB", (w, h), (229, 221, 213))
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, w, 128), fill=(0, 128, 105))
    d.text((120, 48), "Family", fill=(255, 255, 255), font=_font(30))
    d.rounded_rectangle((30, 170, 420, 232), radius=14, fill=(255, 255, 255))
    d.text((50, 188), "Here are the pictures", fill=(20, 20, 20), font=_font(22))
    pic = _fit(rgb, 460, 560, allow_up=True)
    ph, pw = pic.shape[:2]
    x0 = w - 30 - pw - 12
    d.rounded_rectangle((x0, 262, x0 + pw + 12, 262 + ph + 40), radius=18, fill=(220, 248, 198))
    _paste(im, pic, x0 + 6, 268, radius=16)
    d.text((x0 + pw - 60, 262 + ph + 14), "18:42", fill=(110, 110, 110), font=_font(14))
    return _jpeg(_c(np.asarray(im)), 70, 2)


@functools.lru_cache(maxsize=1)
def _gallery_tiles() -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(4271)
    tiles = []
    yy, xx = np.mgrid[0:392, 0:392].astype(np.float32) / 391.0
    for _ in range(8):
        c0, c1 = rng.uniform(20, 235, 3), rng.uniform(20, 235, 3)
        t = xx * rng.uniform(0.2, 0.8) + yy * rng.uniform(0.2, 0.8)
        t = t / t.max()
        tile = c0[None, None, :] * (1 - t[:, :, None]) + c1[None, None, :] * t[:, :, None]
        tile += rng.normal(0, 6, tile.shape)
        tiles.append(_c(tile))
    return tuple(tiles)


def _screen_gallery(rgb: np.ndarray) -> np.ndarray:
    w, h = 1200, 1250
    im = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.text((24, 16), "Recents", fill=(0, 0, 0), font=_font(36))
    others = iter(_gallery_tiles())
    for r in range(3):
        for c in range(3):
            x, y = c * 404, 70 + r * 396
            tile = _cover(rgb, 392, 392) if (r, c) == (1, 1) else next(others)
            _paste(im, tile, x + 2, y)
    return _c(np.asarray(im))


def _blur(rgb: np.ndarray, sigma: float) -> np.ndarray:
    return _c(cv2.GaussianBlur(np.ascontiguousarray(rgb), (0, 0), sigma))


def _sharpen(rgb: np.ndarray, amount: float = 0.6, sigma: float = 1.7) -> np.ndarray:
    f = rgb.astype(np.float32)
    b = cv2.GaussianBlur(f, (0, 0), sigma)
    return _c(f * (1 + amount) - b * amount)


def _noise(rgb: np.ndarray, sigma: float, seed: int = 7301) -> np.ndarray:
    rng = np.random.default_rng([seed, rgb.shape[0], rgb.shape[1]])
    return _c(rgb.astype(np.float32) + rng.normal(0.0, sigma, rgb.shape).astype(np.float32))


def _brightness(rgb: np.ndarray, delta: float) -> np.ndarray:
    return _lut(rgb, np.arange(256, dtype=np.float32) + delta)


def _contrast(rgb: np.ndarray, k: float) -> np.ndarray:
    return _lut(rgb, (np.arange(256, dtype=np.float32) - 128.0) * k + 128.0)


def _gamma(rgb: np.ndarray, g: float) -> np.ndarray:
    return _lut(rgb, 255.0 * (np.arange(256, dtype=np.float32) / 255.0) ** g)


def _saturation(rgb: np.ndarray, k: float) -> np.ndarray:
    g = _luma(rgb)[:, :, None]
    return _c(g + k * (rgb.astype(np.float32) - g))


def _grey(rgb: np.ndarray) -> np.ndarray:
    return _c(_luma(rgb))


def _median(rgb: np.ndarray, k: int) -> np.ndarray:
    return _c(cv2.medianBlur(np.ascontiguousarray(rgb), k))


def _chain(*fns: Callable[[np.ndarray], np.ndarray]) -> Callable[[np.ndarray], np.ndarray]:
    def run(rgb: np.ndarray) -> np.ndarray:
        out = rgb
        for fn in fns:
            out = fn(out)
        return _c(out) if out is not rgb else _none(out)

    return run


P = functools.partial


def attacks() -> list[tuple[str, Callable[[np.ndarray], np.ndarray]]]:
    """75 attacks; the first is "none"."""
    return [
        ("none", _none),
        ("flip_h", P(_flip, axis=1)),
        ("flip_v", P(_flip, axis=0)),
        ("stretch_x_1.07", P(_stretch, sx=1.07, sy=1.0)),
        ("stretch_x_0.89", P(_stretch, sx=0.89, sy=1.0)),
        ("stretch_y_1.13", P(_stretch, sx=1.0, sy=1.13)),
        ("stretch_y_0.93", P(_stretch, sx=1.0, sy=0.93)),
        ("stretch_xy_1.11_0.91", P(_stretch, sx=1.11, sy=0.91)),
        ("crop_centre_0.83", P(_crop, kx=0.83, ky=0.83, fx=0.5, fy=0.5)),
        ("crop_centre_0.57_resized", P(_crop, kx=0.57, ky=0.57, fx=0.5, fy=0.5,
                                       resize_back=True)),
        ("crop_offcentre_0.71", P(_crop, kx=0.71, ky=0.74, fx=0.81, fy=0.27)),
        ("crop_corner_tl_0.63", P(_crop, kx=0.63, ky=0.63, fx=0.0, fy=0.0)),
        ("crop_corner_br_0.88_resized", P(_crop, kx=0.88, ky=0.86, fx=1.0, fy=1.0,
                                          resize_back=True)),
        ("crop_x_only_0.52", P(_crop, kx=0.52, ky=1.0, fx=0.37, fy=0.5)),
        ("crop_y_only_0.77_resized", P(_crop, kx=1.0, ky=0.77, fx=0.5, fy=0.62,
                                       resize_back=True)),
        ("crop_corner_bl_0.93", P(_crop, kx=0.93, ky=0.91, fx=0.0, fy=1.0)),
        ("rot_+2.7_black", P(_rotate, deg=2.7, fill="black")),
        ("rot_-6.3_white", P(_rotate, deg=-6.3, fill="white", interp=cv2.INTER_CUBIC)),
        ("rot_+9.1_reflect", P(_rotate, deg=9.1, fill="reflect")),
        ("rot_-4.4_expand", P(_rotate, deg=-4.4, fill="black", expand=True,
                              interp=cv2.INTER_CUBIC)),
        ("rot_+7.6_straighten", P(_rot_straighten, deg=7.6)),
        ("rot_-8.2_inner_rect", P(_rot_inner, deg=-8.2, resize_back=False)),
        ("rot_+3.9_inner_rect_resized", P(_rot_inner, deg=3.9, resize_back=True)),
        ("rot_-1.3_centre_crop_0.81", P(_rot_centre_crop, deg=-1.3, keep=0.81)),
        ("pad_black_0.07", P(_pad, top=0.07, bottom=0.07, left=0.07, right=0.07)),
        ("pad_white_uneven", P(_pad, top=0.03, bottom=0.11, left=0.17, right=0.045,
                               colour=(255, 255, 255))),
        ("border_reflect_0.12", P(_pad, top=0.12, bottom=0.12, left=0.12, right=0.12,
                                  reflect=True)),
        ("pad_colour_0.19_resized", P(_pad, top=0.19, bottom=0.19, left=0.13, right=0.13,
                                      colour=(38, 71, 122), resize_back=True)),
        ("jpeg_q31_420", P(_jpeg, q=31, subsampling=2)),
        ("jpeg_q47_420", P(_jpeg, q=47, subsampling=2)),
        ("jpeg_q63_444", P(_jpeg, q=63, subsampling=0)),
        ("jpeg_q74_420", P(_jpeg, q=74, subsampling=2)),
        ("jpeg_q89_444", P(_jpeg, q=89, subsampling=0)),
        ("webp_q52", P(_webp, q=52)),
        ("webp_q71", P(_webp, q=71)),
        ("webp_q88", P(_webp, q=88)),
        ("down_0.43", P(_scale, s=0.43, interp=cv2.INTER_AREA)),
        ("down_0.58", P(_scale, s=0.58, interp=cv2.INTER_LINEAR)),
        ("down_0.77", P(_scale, s=0.77, interp=cv2.INTER_AREA)),
        ("down_0.64_up", P(_down_up, s=0.64)),
        ("up_1.55", P(_scale, s=1.55, interp=cv2.INTER_LINEAR)),
        ("up_1.93_cubic", P(_scale, s=1.93, interp=cv2.INTER_CUBIC)),
        ("social_chain", _social),
        ("messaging_chain", P(_messaging, times=1)),
        ("messaging_chain_twice", P(_messaging, times=2)),
        ("screen_browser", _screen_browser),
        ("screen_phone_feed_jpeg", _screen_phone_feed),
        ("screen_card", _screen_card),
        ("screen_document_jpeg", _screen_document),
        ("screen_chat_bubble_jpeg", _screen_chat_bubble),
        ("screen_gallery_grid", _screen_gallery),
        ("blur_gauss_1.3", P(_blur, sigma=1.3)),
        ("blur_box_3", lambda rgb: _c(cv2.blur(np.ascontiguousarray(rgb), (3, 3)))),
        ("sharpen_unsharp", P(_sharpen, amount=0.6, sigma=1.7)),
        ("median_3", P(_median, k=3)),
        ("noise_gauss_5.5", P(_noise, sigma=5.5)),
        ("brightness_+23", P(_brightness, delta=23.0)),
        ("contrast_0.72", P(_contrast, k=0.72)),
        ("gamma_1.37", P(_gamma, g=1.37)),
        ("gamma_0.71", P(_gamma, g=0.71)),
        ("saturation_0.38", P(_saturation, k=0.38)),
        ("saturation_1.45", P(_saturation, k=1.45)),
        ("greyscale", _grey),
        ("cb_crop0.87_jpeg68", _chain(P(_crop, kx=0.87, ky=0.87, fx=0.56, fy=0.41),
                                      P(_jpeg, q=68))),
        ("cb_rot2.1_inner_jpeg79", _chain(P(_rot_inner, deg=2.1, resize_back=False),
                                          P(_jpeg, q=79))),
        ("cb_flip_down0.71_webp77", _chain(P(_flip, axis=1), P(_scale, s=0.71),
                                           P(_webp, q=77))),
        ("cb_stretchx1.09_jpeg57", _chain(P(_stretch, sx=1.09, sy=1.0), P(_jpeg, q=57))),
        ("cb_bright_gamma_jpeg82", _chain(P(_brightness, delta=14.0), P(_gamma, g=0.83),
                                          P(_jpeg, q=82))),
        ("cb_pad_down0.66", _chain(P(_pad, top=0.09, bottom=0.09, left=0.0, right=0.0,
                                        colour=(250, 250, 250)), P(_scale, s=0.66))),
        ("cb_blur_sharpen_jpeg71", _chain(P(_blur, sigma=0.9), P(_sharpen, amount=0.85),
                                          P(_jpeg, q=71))),
        ("cb_noise_jpeg64_444", _chain(P(_noise, sigma=3.7, seed=5521),
                                       P(_jpeg, q=64, subsampling=0))),
        ("cb_crop0.78_up1.6", _chain(P(_crop, kx=0.78, ky=0.69, fx=0.22, fy=0.64),
                                     P(_scale, s=1.6, interp=cv2.INTER_LINEAR))),
        ("cb_grey_contrast_webp66", _chain(_grey, P(_contrast, k=1.19), P(_webp, q=66))),
        ("cb_card_social", _chain(_screen_card, _social)),
        ("cb_rot-5.2_reflect_down0.53_jpeg73", _chain(P(_rotate, deg=-5.2, fill="reflect"),
                                                      P(_scale, s=0.53), P(_jpeg, q=73))),
    ]


# ----------------------------------------------------------------------------- unmarked


def _rand_size(rng: np.random.Generator) -> tuple[int, int]:
    long_side = int(rng.integers(96, 1101))
    aspect = math.exp(rng.uniform(math.log(1 / 3), math.log(3)))
    if aspect >= 1:
        w, h = long_side, long_side / aspect
    else:
        w, h = long_side * aspect, long_side
    return int(min(max(round(w), 96), 1100)), int(min(max(round(h), 96), 1100))


def _rand_photo_crop(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    src = _sample(_PHOTO_SOURCES[int(rng.integers(len(_PHOTO_SOURCES)))])
    crop = _aspect_crop(src, rng.uniform(0.2, 0.8), rng.uniform(0.2, 0.8),
                        rng.uniform(0.3, 1.0), w / h)
    interps = (cv2.INTER_AREA, cv2.INTER_LINEAR, cv2.INTER_CUBIC, cv2.INTER_LANCZOS4)
    return _resize(crop, w, h, interps[int(rng.integers(4))])


def _rand_colour(rng: np.random.Generator, rgb: np.ndarray) -> np.ndarray:
    op = int(rng.integers(6))
    if op == 0:
        return _gamma(rgb, rng.uniform(0.6, 1.6))
    if op == 1:
        return _saturation(rgb, rng.uniform(0.0, 1.7))
    if op == 2:
        return _brightness(rgb, rng.uniform(-40, 40))
    if op == 3:
        return _contrast(rgb, rng.uniform(0.5, 1.4))
    if op == 4:
        return _c(rgb.astype(np.float32) * rng.uniform(0.75, 1.2, 3).astype(np.float32))
    return _grey(rgb)


def _rand_recompress(rng: np.random.Generator, rgb: np.ndarray) -> np.ndarray:
    if rng.random() < 0.7:
        return _jpeg(rgb, int(rng.integers(25, 96)), int(rng.choice([0, 2])))
    return _webp(rgb, int(rng.integers(40, 96)))


def _rand_screen(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    bg = tuple(int(v) for v in rng.integers(200, 256, 3))
    im = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(im)
    bar = int(rng.integers(16, 60))
    d.rectangle((0, 0, w, bar), fill=tuple(int(v) for v in rng.integers(0, 256, 3)))
    pw, ph = max(8, int(w * rng.uniform(0.3, 0.8))), max(8, int(h * rng.uniform(0.2, 0.6)))
    px = int(rng.integers(0, max(1, w - pw)))
    py = int(rng.integers(bar, max(bar + 1, h - ph)))
    _paste(im, _rand_photo_crop(rng, pw, ph), px, py, radius=int(rng.integers(0, 20)))
    fs = int(rng.integers(10, 30))
    for k in range(int(rng.integers(3, 12))):
        y = int(rng.integers(bar, h))
        x = int(rng.integers(0, max(1, w // 2)))
        n = int(rng.integers(3, 30))
        txt = "".join(chr(int(c)) for c in rng.integers(97, 123, n))
        d.text((x, y), f"{txt} {k}", fill=(int(rng.integers(0, 90)),) * 3, font=_font(fs))
    out = _c(np.asarray(im))
    return _jpeg(out, int(rng.integers(60, 95))) if rng.random() < 0.4 else out


def _rand_graphic(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    im = Image.new("RGB", (w, h), tuple(int(v) for v in rng.integers(0, 256, 3)))
    d = ImageDraw.Draw(im)
    for _ in range(int(rng.integers(3, 25))):
        x0, x1 = sorted(int(v) for v in rng.integers(0, w, 2))
        y0, y1 = sorted(int(v) for v in rng.integers(0, h, 2))
        col = tuple(int(v) for v in rng.integers(0, 256, 3))
        kind = int(rng.integers(4))
        if kind == 0:
            d.rectangle((x0, y0, x1, y1), fill=col)
        elif kind == 1:
            d.ellipse((x0, y0, x1, y1), fill=col)
        elif kind == 2:
            d.line((x0, y0, x1, y1), fill=col, width=int(rng.integers(1, 12)))
        else:
            d.text((x0, y0), "ABCDEFGH"[: int(rng.integers(1, 9))], fill=col,
                   font=_font(int(rng.integers(12, 90))))
    return _c(np.asarray(im))


def _rand_texture(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    if rng.random() < 0.5:
        src = _sample(("brick.png", "grass.png", "gravel.png")[int(rng.integers(3))])
        crop = _aspect_crop(src, rng.uniform(0.3, 0.7), rng.uniform(0.3, 0.7),
                            rng.uniform(0.3, 1.0), w / h)
        return _tone(_resize(crop, w, h), ("none", "sepia", "green", "warm")[int(rng.integers(4))])
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    acc = np.zeros((h, w, 3), np.float32)
    for _ in range(int(rng.integers(2, 7))):
        fx, fy = rng.uniform(-0.3, 0.3, 2)
        ph = rng.uniform(0, 2 * math.pi)
        amp = rng.uniform(10, 60, 3).astype(np.float32)
        acc += np.sin(fx * xx + fy * yy + ph)[:, :, None] * amp
    return _c(acc + rng.uniform(60, 190, 3).astype(np.float32))


def _rand_noise(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    cell = int(rng.integers(1, 9))
    small = rng.integers(0, 256, (max(1, h // cell), max(1, w // cell), 3), dtype=np.uint8)
    if rng.random() < 0.5:
        small = _c(np.clip(rng.normal(128, rng.uniform(5, 60), small.shape), 0, 255))
    return _resize(small, w, h, cv2.INTER_NEAREST if cell > 4 else cv2.INTER_LINEAR)


def _rand_flat(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    col = rng.integers(0, 256, 3).astype(np.float32)
    out = np.broadcast_to(col, (h, w, 3)).astype(np.float32)
    if rng.random() < 0.5:
        out = out + rng.normal(0, rng.uniform(0.3, 2.5), out.shape)
    return _c(out)


def _rand_gradient(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    c0, c1 = rng.uniform(0, 255, 3), rng.uniform(0, 255, 3)
    if rng.random() < 0.5:
        a = rng.uniform(0, 2 * math.pi)
        t = xx * math.cos(a) + yy * math.sin(a)
    else:
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        t = np.hypot(xx - cx, yy - cy)
    t = (t - t.min()) / max(float(t.max() - t.min()), 1e-6)
    return _c(c0 * (1 - t[:, :, None]) + c1 * t[:, :, None])


def _rand_photo(rng: np.random.Generator, w: int, h: int, kind: str) -> np.ndarray:
    if kind == "photo_rotate":
        out = _rand_photo_crop(rng, w, h)
        deg = rng.uniform(-12, 12)
        iw, ih = _inner_size(w, h, deg)
        return _centre_crop_to(_rotate(out, deg, expand=True), max(96, iw), max(96, ih))
    if kind == "photo_collage":
        hw, hh = w // 2, h // 2
        out = np.zeros((h, w, 3), np.uint8)
        out[:hh, :hw] = _rand_photo_crop(rng, hw, hh)
        out[:hh, hw:] = _rand_photo_crop(rng, w - hw, hh)
        out[hh:, :hw] = _rand_photo_crop(rng, hw, h - hh)
        out[hh:, hw:] = _rand_photo_crop(rng, w - hw, h - hh)
        return _c(out)
    out = _rand_photo_crop(rng, w, h)
    if rng.random() < 0.5:
        out = _flip(out, 1)
    if rng.random() < 0.25:
        out = _c(np.rot90(out, int(rng.integers(1, 4))))
    if kind == "photo_colour":
        out = _rand_colour(rng, out)
    elif kind == "photo_recompress":
        out = _rand_recompress(rng, out)
    return out


_KINDS = (
    ("photo_crop", 0.16), ("photo_colour", 0.12), ("photo_recompress", 0.14),
    ("photo_rotate", 0.07), ("photo_collage", 0.06), ("screen", 0.1), ("graphic", 0.08),
    ("texture", 0.09), ("noise", 0.06), ("flat", 0.05), ("gradient", 0.07),
)


def unmarked(n: int = 10000, seed: int = 2026120717) -> Iterator[tuple[str, np.ndarray]]:
    """n unmarked images; item i depends only on default_rng([seed, i]) and the samples."""
    names = [k for k, _ in _KINDS]
    probs = np.array([p for _, p in _KINDS], np.float64)
    probs = probs / probs.sum()
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        kind = names[int(rng.choice(len(names), p=probs))]
        w, h = _rand_size(rng)
        if kind.startswith("photo"):
            rgb = _rand_photo(rng, w, h, kind)
        elif kind == "screen":
            rgb = _rand_screen(rng, w, h)
        elif kind == "graphic":
            rgb = _rand_graphic(rng, w, h)
        elif kind == "texture":
            rgb = _rand_texture(rng, w, h)
        elif kind == "noise":
            rgb = _rand_noise(rng, w, h)
        elif kind == "flat":
            rgb = _rand_flat(rng, w, h)
        else:
            rgb = _rand_gradient(rng, w, h)
        yield f"unmarked_{i:05d}_{kind}", _c(rgb)


# ----------------------------------------------------------------------------- edge cases


def _checker(h: int, w: int, cell: int, a: tuple[int, int, int] = (0, 0, 0),
             b: tuple[int, int, int] = (255, 255, 255)) -> np.ndarray:
    yy, xx = np.mgrid[0:h, 0:w]
    m = ((yy // cell + xx // cell) % 2).astype(bool)
    out = np.empty((h, w, 3), np.uint8)
    out[~m] = a
    out[m] = b
    return _c(out)


def _flat(h: int, w: int, col: tuple[int, int, int]) -> np.ndarray:
    out = np.empty((h, w, 3), np.uint8)
    out[:] = col
    return out


def edge_cases() -> list[tuple[str, np.ndarray]]:
    """Awkward uint8 RGB arrays."""
    rng = np.random.default_rng(20261207)
    out: list[tuple[str, np.ndarray]] = []
    out.append(("tiny_1x1", _flat(1, 1, (201, 37, 90))))
    out.append(("tiny_2x2", _c(rng.integers(0, 256, (2, 2, 3), dtype=np.uint8))))
    out.append(("tiny_3x5", _c(rng.integers(0, 256, (3, 5, 3), dtype=np.uint8))))
    out.append(("tiny_8x8_astronaut", _resize(_sample("astronaut.png"), 8, 8)))
    out.append(("small_16x16_chelsea", _resize(_sample("chelsea.png"), 16, 16)))
    out.append(("small_31x33_coffee", _resize(_sample("coffee.png"), 33, 31)))
    out.append(("small_63x64_rocket", _resize(_sample("rocket.jpg"), 64, 63)))
    out.append(("strip_row_1x640", _resize(_sample("china.jpg"), 640, 1)))
    out.append(("strip_col_720x1", _resize(_sample("flower.jpg"), 1, 720)))
    out.append(("strip_2x1500", _resize(_sample("motorcycle_left.png"), 1500, 2)))
    out.append(("strip_4000x3", _resize(_sample("retina.jpg"), 3, 4000)))
    out.append(("wide_256x4096", _resize(_sample("china.jpg"), 4096, 256)))
    big = _resize(_sample("china.jpg"), 4000, 3000, cv2.INTER_CUBIC).astype(np.int16)
    big += rng.integers(-3, 4, big.shape, dtype=np.int16)
    out.append(("huge_4000x3000", _c(np.clip(big, 0, 255).astype(np.uint8))))
    out.append(("flat_black_512", _flat(512, 512, (0, 0, 0))))
    out.append(("flat_white_640x480", _flat(480, 640, (255, 255, 255))))
    out.append(("flat_grey128_300x500", _flat(300, 500, (128, 128, 128))))
    out.append(("flat_red_400", _flat(400, 400, (255, 0, 0))))
    out.append(("flat_skin_333x777", _flat(333, 777, (224, 172, 138))))
    near = 127 + rng.integers(-1, 2, (512, 512, 1))
    out.append(("nearflat_grey_pm1_512", _c(np.repeat(near, 3, axis=2).astype(np.uint8))))
    ramp = np.linspace(120, 124, 768, dtype=np.float32)[None, :, None]
    out.append(("nearflat_ramp_512x768", _c(np.broadcast_to(ramp, (512, 768, 3)))))
    out.append(("noise_uniform_512", _c(rng.integers(0, 256, (512, 512, 3), dtype=np.uint8))))
    out.append(("noise_gauss_377x611",
                _c(np.clip(rng.normal(128, 40, (377, 611, 3)), 0, 255))))
    out.append(("checker_1px_256", _checker(256, 256, 1)))
    out.append(("checker_8px_512", _checker(512, 512, 8)))
    out.append(("checker_colour_3px_300x420", _checker(300, 420, 3, (255, 0, 255), (0, 255, 0))))
    stripes_h = np.zeros((480, 640, 3), np.uint8)
    stripes_h[::2] = 255
    out.append(("stripes_h_1px_480x640", _c(stripes_h)))
    stripes_v = np.zeros((512, 512, 3), np.uint8)
    stripes_v[:, (np.arange(512) // 2) % 2 == 1] = (30, 200, 240)
    out.append(("stripes_v_2px_512", _c(stripes_v)))
    yy, xx = np.mgrid[0:600, 0:600]
    diag = (((xx + yy) // 5) % 2 * 255).astype(np.uint8)
    out.append(("stripes_diag_600", _c(diag)))
    grad = np.broadcast_to(np.linspace(0, 255, 1024, dtype=np.float32)[None, :, None],
                           (256, 1024, 3))
    out.append(("gradient_h_256x1024", _c(grad)))
    rr = np.hypot(xx - 300.0, yy - 300.0)
    out.append(("gradient_radial_600", _c(np.stack([255 - rr / 1.7, rr / 1.7, 128 + 0 * rr], 2))))
    prim = np.zeros((360, 540, 3), np.uint8)
    for k, col in enumerate(((255, 0, 0), (0, 255, 0), (0, 0, 255), (0, 255, 255),
                             (255, 0, 255), (255, 255, 0))):
        prim[:, k * 90 : (k + 1) * 90] = col
    out.append(("saturated_primaries_360x540", _c(prim)))
    clip = _gamma(_photo(_PHOTOS[2]), 0.25)
    out.append(("clipped_highlights_400", clip))
    im = Image.new("RGB", (700, 220), (255, 255, 255))
    ImageDraw.Draw(im).text((20, 60), "Only text here 0123", fill=(0, 0, 0), font=_font(56))
    out.append(("text_only_220x700", _c(np.asarray(im))))
    half = np.zeros((257, 255, 3), np.uint8)
    half[:, 128:] = 255
    out.append(("half_black_white_257x255", half))
    out.append(("odd_257x255_noise", _c(rng.integers(0, 256, (257, 255, 3), dtype=np.uint8))))
    return out


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(
        ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def _png_interlaced(rgb: np.ndarray) -> bytes:
    h, w = rgb.shape[:2]
    passes = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4),
              (1, 0, 2, 2), (0, 1, 1, 2))
    raw = bytearray()
    for xs, ys, dx, dy in passes:
        sub = rgb[ys::dy, xs::dx]
        if sub.shape[0] == 0 or sub.shape[1] == 0:
            continue
        for row in sub:
            raw += b"\x00" + np.ascontiguousarray(row).tobytes()
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 1)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr)
            + _png_chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + _png_chunk(b"IEND", b""))


def _png_huge_header() -> bytes:
    ihdr = struct.pack(">IIBBBBB", 200000, 200000, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" + b"\x7f" * 600 * 3, 9)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", idat)
            + _png_chunk(b"IEND", b""))


def _save(img: Image.Image, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def edge_case_files() -> list[tuple[str, bytes]]:
    """Awkward encoded files, byte-identical on every run."""
    base = _resize(_sample("astronaut.png"), 128, 96)
    pil = Image.fromarray(base)
    rng = np.random.default_rng(7212026)
    files: list[tuple[str, bytes]] = []

    rgb16 = (base.astype(np.uint16) * 257 + rng.integers(0, 200, base.shape).astype(np.uint16))
    ok, enc = cv2.imencode(".png", np.ascontiguousarray(rgb16[:, :, ::-1]))
    files.append(("png16_rgb.png", enc.tobytes() if ok else b""))
    grey16 = (_luma(base) * 257).astype(np.uint16)
    ok, enc = cv2.imencode(".png", grey16)
    files.append(("png16_grey.png", enc.tobytes() if ok else b""))
    alpha = np.tile(np.linspace(0, 255, 128).astype(np.uint8)[None, :], (96, 1))
    rgba = Image.fromarray(np.dstack([base, alpha]), "RGBA")
    files.append(("rgba.png", _save(rgba, "PNG")))
    la = Image.fromarray(np.dstack([_c(_luma(base))[:, :, 0], alpha[:, ::-1]]), "LA")
    files.append(("grey_alpha.png", _save(la, "PNG")))
    pal = pil.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    files.append(("palette.png", _save(pal, "PNG")))
    files.append(("palette_transparent.png", _save(pal, "PNG", transparency=3)))
    files.append(("grey.png", _save(pil.convert("L"), "PNG")))
    files.append(("bilevel_1bit.png", _save(pil.convert("1"), "PNG")))
    files.append(("interlaced_adam7.png", _png_interlaced(base)))
    good_png = _save(pil, "PNG")
    files.append(("truncated.png", good_png[: len(good_png) // 2]))
    bad = bytearray(good_png)
    for k in range(120, len(bad) - 40, 97):
        bad[k] ^= 0x5A
    files.append(("corrupt_idat.png", bytes(bad)))
    bad_crc = bytearray(good_png)
    bad_crc[29] ^= 0xFF  # inside the IHDR CRC
    files.append(("bad_crc.png", bytes(bad_crc)))
    files.append(("huge_header_200000x200000.png", _png_huge_header()))
    good_jpg = _save(pil, "JPEG", quality=87)
    files.append(("truncated.jpg", good_jpg[: len(good_jpg) * 3 // 5]))
    badj = bytearray(good_jpg)
    for k in range(len(badj) // 2, len(badj) - 10, 53):
        badj[k] = 0xFF if badj[k] != 0xFF else 0x00
    files.append(("corrupt_scan.jpg", bytes(badj)))
    files.append(("cmyk.jpg", _save(pil.convert("CMYK"), "JPEG", quality=90)))
    for orient in (6, 8):
        exif = Image.Exif()
        exif[0x0112] = orient
        files.append((f"exif_orientation_{orient}.jpg",
                      _save(pil, "JPEG", quality=88, exif=exif.tobytes())))
    files.append(("progressive.jpg", _save(pil, "JPEG", quality=81, progressive=True)))
    files.append(("grey.jpg", _save(pil.convert("L"), "JPEG", quality=85)))
    frames = [Image.fromarray(_c(np.roll(base, 11 * k, axis=1))) for k in range(5)]
    gif_frames = [f.quantize(colors=128, dither=Image.Dither.NONE) for f in frames]
    files.append(("animated.gif", _save(gif_frames[0], "GIF", save_all=True,
                                        append_images=gif_frames[1:], duration=90, loop=0)))
    files.append(("animated.webp", _save(frames[0], "WEBP", save_all=True,
                                         append_images=frames[1:], duration=90, loop=0,
                                         quality=80, method=4)))
    files.append(("lossless.webp", _save(pil, "WEBP", lossless=True)))
    files.append(("raw.tiff", _save(pil, "TIFF")))
    files.append(("lzw.tiff", _save(pil, "TIFF", compression="tiff_lzw")))
    files.append(("image.bmp", _save(pil, "BMP")))
    files.append(("empty.png", b""))
    files.append(("random_bytes.jpg", rng.integers(0, 256, 4096, dtype=np.uint8).tobytes()))
    files.append(("text.png", b"this is not an image\n" * 20))
    return files
