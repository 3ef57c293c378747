"""Held-out watermark robustness set, round 2026-12-07s (blind, written by an independent tester).

PROVENANCE
    Written by an independent tester who did not learn how the watermark works.
    Read: safegen/backends/__init__.py, safegen/backends/base.py, safegen/backends/builtin.py
    (only to call the built-in offline text-to-image model), pyproject.toml, and the sample
    images shipped inside installed packages (scikit-image's skimage/data/*.png|*.jpg and
    scikit-learn's sklearn/datasets/images/*.jpg, located with importlib.util.find_spec).
    NOT read, opened, grepped, listed or imported: anything under safegen/watermark/, docs/,
    tests/, benchmarks/ (apart from writing this one file and its cache folder cache_s/; the
    benchmarks folder was not even listed), README.md, any other file under benchmarks/heldout/
    (earlier rounds), any issue tracker; no git command was run (the repository root's
    top-level names were listed once, nothing below them). No watermark encoder or
    decoder was run while writing this file, and no watermark result was seen. Every parameter
    below was chosen before any result existed, deliberately off round numbers.
    Libraries used: numpy, Pillow, OpenCV (cv2) from the project's venv; the built-in model
    through safegen.backends.builtin.BuiltinBackend.

FROZEN
    This file is never edited, not even for style: its sha256 is its identity.

SOURCES
    Photos: crops, rescales and tone changes of scikit-image sample images (chelsea, coffee,
    rocket, camera, coins, motorcycle_left, astronaut, gravel, brick, retina,
    hubble_deep_field) and scikit-learn sample images (china, flower).
    Generated: six 256x256 outputs of the built-in model (safegen.backends.builtin), own
    prompts and seeds, cached as PNG under cache_s/ next to this file (regenerated when absent).
    Screenshots and graphics: drawn here with Pillow (ImageDraw, the default FreeType font).

INTERFACE
    ROUND = "2026-12-07s"; CACHE_DIR = Path(__file__).resolve().parent / "cache_s"
    images() -> list[(name, image_class, rgb)], image_class in photo/generated/graphic/screenshot,
        rgb a C-contiguous uint8 (H, W, 3) array.
    attacks() -> list[(name, fn)]; fn(rgb) -> a new C-contiguous uint8 (H', W', 3) array,
        deterministic (randomness seeded from the attack name and the image's content and
        shape); the first attack is "none" (a copy).
    unmarked(n=10000, seed=2026120719) -> iterator of (name, rgb); item i depends only on
        np.random.default_rng([seed, i]) and the fixed package sample images; sides 96..1100.
    edge_cases() -> list[(name, rgb)]: awkward uint8 RGB arrays.
    edge_case_files() -> list[(name, bytes)]: awkward encoded files, byte-identical per run.

IMAGES (28: 18 photo, 6 generated, 2 screenshot, 2 graphic)
    photo_chelsea_crop_437x293, photo_coffee_portrait_311x415, photo_rocket_bright_624x351,
    photo_camera_grey_488x366, photo_coins_dark_sepia_457x361, photo_motorcycle_crop_729x486,
    photo_china_panorama_1203x401, photo_brick_grey_portrait_397x596,
    photo_astronaut_lowcontrast_512x512, photo_flower_square_509x509,
    photo_gravel_texture_tinted_517x515, photo_retina_1019x1019, photo_hubble_dark_1031x899,
    photo_coffee_bright_1027x685, photo_china_large_1931x1287, photo_flower_wide_2039x1147,
    photo_rocket_portrait_911x1366, photo_chelsea_small_213x142,
    generated_builtin_misty_lake_s7319, generated_builtin_desert_sunset_s40213,
    generated_builtin_snowy_night_s5527, generated_builtin_green_hills_s88117,
    generated_builtin_rocky_coast_s613, generated_builtin_forest_dusk_s29983,
    screenshot_settings_dialog_1366x768, screenshot_chat_phone_393x851,
    graphic_logo_badge_611x611, graphic_bar_chart_883x587

ATTACKS (81)
    none, flip_horizontal, flip_vertical, stretch_x_1.07, stretch_y_1.12,
    stretch_x_1.13_y_0.96, crop_centre_93pct, crop_centre_71pct, crop_centre_53pct,
    crop_centre_82pct_resized_back, crop_offcentre_77pct_at_0.23_0.61,
    crop_offcentre_64pct_at_0.83_0.17_resized_back, crop_corner_topleft_87pct,
    crop_corner_bottomright_59pct_resized_back, crop_width_only_68pct,
    crop_height_only_79pct_resized_back, crop_uneven_w91pct_h57pct, rotate_+1.7deg_black,
    rotate_-3.3deg_white, rotate_+6.1deg_reflect, rotate_-9.4deg_black,
    rotate_+2.9deg_expand_black, rotate_-7.3deg_expand_white, rotate_+4.6deg_straighten,
    rotate_+8.7deg_inner_rect, rotate_-5.2deg_inner_rect_resized_back,
    rotate_+3.8deg_black_then_crop_offcentre_81pct, pad_7pct_black, pad_13pct_white,
    pad_uneven_t5_r19_b11_l8pct_grey, pad_9pct_reflect, pad_17pct_teal_resized_back,
    jpeg_q31_420, jpeg_q47_420, jpeg_q63_444, jpeg_q74_420, jpeg_q88_444, webp_q52, webp_q89,
    downscale_0.41_area, downscale_0.57_area, downscale_0.79_linear, down_0.47_then_up_cubic,
    down_0.66_then_up_lanczos, upscale_1.37_cubic, upscale_1.93_lanczos,
    social_crop91_long1080_jpeg76, social_crop93_long1080_sharpen_jpeg73,
    messaging_0.61_jpeg59, messaging_long1280_jpeg67, messaging_0.72_webp61,
    screencap_browser_0.83_png, screencap_browser_1.17_jpeg83, screencap_phone_fit1080_jpeg71,
    screencap_document_0.69_png, blur_gauss_sigma0.9, blur_gauss_sigma1.7,
    sharpen_unsharp_r2_p130, median_3, noise_gauss_sigma3.7, noise_gauss_sigma8.3,
    brightness_+23, brightness_-31, contrast_1.27, contrast_0.74, gamma_0.77, gamma_1.38,
    saturation_1.43, greyscale, crop_centre_83pct_then_jpeg68,
    rotate_+2.3deg_straighten_then_jpeg71, downscale_0.63_then_sharpen_then_jpeg77,
    flip_horizontal_then_crop_87pct_then_webp69, brightness_+14_contrast_1.12_then_jpeg81,
    stretch_x_1.06_then_crop_91pct_then_jpeg73, pad_8pct_white_then_downscale_0.71_then_jpeg66,
    noise_sigma4.1_then_jpeg58, gamma_0.83_saturation_1.21_then_webp74,
    blur_sigma0.8_then_down_0.59_then_up, rotate_-4.1deg_reflect_then_crop_73pct_resized_back,
    greyscale_then_jpeg62
    Conventions: "pct" keeps that percentage of each side (or of the named side); a positive
    angle turns counter-clockwise (OpenCV); "resized_back" returns to the input's size;
    "straighten" rotates and enlarges so no fill shows (same size); "inner_rect" crops the
    largest axis-aligned rectangle inside the rotated image; "long1080"/"long1280" resize so
    the longer side is that many pixels (1280: only when larger); JPEG "420"/"444" is the
    chroma subsampling; pads are fractions of the side added on each side.

UNMARKED
    unmarked(n, seed) yields n never-watermarked images for false-positive counting. Item i
    uses only np.random.default_rng([seed, i]): kinds are photo (a random crop of a package
    sample image, rescaled, tone-jittered, maybe flipped, maybe JPEG round-tripped), mosaic
    (2x2 photo crops), synthetic (gradients and drawn shapes), texture (smooth noise) and ui
    (flat panels, bars and lines). Both sides lie in 96..1100. Names: unmarked_{i:05d}_{kind}.

EDGE CASES
    edge_cases(): tiny (1x1, 2x2, 3x5, 7x7, 31x29), 1-px strips both ways, 2-px strip, just
    under/over small sizes (95x95, 127x129, 257x257), huge (2999x4001 photo), very wide and very
    tall, flat black/white/grey/red, near-flat grey and gradient, uniform and Gaussian noise,
    salt and pepper, checkerboards (1, 3 and 8 px, coloured), 1-px stripes, primary blocks,
    near-black and clipped-highlight photos, a prime-sized photo (1021x769).
    edge_case_files(): 16-bit PNG (RGB and grey), RGBA, grey+alpha, palette (with
    transparency), grey, 1-bit, Adam7-interlaced, truncated and CRC-corrupt PNG, PNG headers
    declaring 100000x100000 and 2147483647x2147483647, a 0x0 header, a 1-bit 30000x30000
    decompression bomb, PNG with trailing garbage, PNG with EXIF orientation, PNG signature
    only; truncated, CMYK, EXIF-rotated (6 and 8), progressive, grey, 4:4:4 q100 JPEGs, a JPEG
    whose SOF declares 65500x65500 then ends, SOI only; animated and single GIF; animated,
    lossless and alpha WebP; TIFF (raw, LZW, multipage, 16-bit); BMP (24, 32, 8-bit palette,
    1-bit); PPM; ICO; empty file, random bytes, plain text, SVG text, HTML.
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

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageFont

ROUND = "2026-12-07s"
CACHE_DIR = Path(__file__).resolve().parent / "cache_s"

Array = np.ndarray
Attack = Callable[[Array], Array]


# ----------------------------------------------------------------------------- sample images


def _package_dir(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"{module} is not installed; the held-out set needs its sample images")
    return Path(list(spec.submodule_search_locations)[0])


def _sample_path(name: str) -> Path:
    if name in ("china.jpg", "flower.jpg"):
        return _package_dir("sklearn") / "datasets" / "images" / name
    return _package_dir("skimage") / "data" / name


def _to_rgb(im: Image.Image) -> Array:
    if im.mode in ("RGBA", "LA", "P"):
        im = im.convert("RGBA")
        bg = Image.new("RGBA", im.size, (255, 255, 255, 255))
        im = Image.alpha_composite(bg, im)
    return np.ascontiguousarray(np.asarray(im.convert("RGB"), dtype=np.uint8))


@cache
def _sample(name: str) -> Array:
    with Image.open(_sample_path(name)) as im:
        im.load()
        arr = _to_rgb(im)
    arr.setflags(write=False)
    return arr


_UNMARKED_SOURCES = (
    "astronaut.png", "brick.png", "camera.png", "cell.png", "chelsea.png", "clock_motion.png",
    "coffee.png", "coins.png", "color.png", "grass.png", "gravel.png", "horse.png",
    "hubble_deep_field.jpg", "ihc.png", "logo.png", "moon.png", "motorcycle_left.png",
    "motorcycle_right.png", "page.png", "phantom.png", "retina.jpg", "rocket.jpg", "text.png",
    "china.jpg", "flower.jpg",
)


# ----------------------------------------------------------------------------- helpers


def _c(arr: Array) -> Array:
    """A fresh C-contiguous uint8 (H, W, 3) array."""
    out = np.array(arr, dtype=np.uint8, order="C", copy=True)
    if out.ndim == 2:
        out = np.repeat(out[:, :, None], 3, axis=2)
    return np.ascontiguousarray(out[:, :, :3])


def _clip(x: Array) -> Array:
    return np.clip(np.rint(x), 0, 255).astype(np.uint8)


def _resize(rgb: Array, w: float, h: float, interp: int | None = None) -> Array:
    w = max(1, int(round(w)))
    h = max(1, int(round(h)))
    H, W = rgb.shape[:2]
    if interp is None:
        interp = cv2.INTER_AREA if (w <= W and h <= H) else cv2.INTER_CUBIC
    return cv2.resize(np.ascontiguousarray(rgb), (w, h), interpolation=interp)


def _scale(rgb: Array, s: float, interp: int | None = None) -> Array:
    H, W = rgb.shape[:2]
    return _resize(rgb, W * s, H * s, interp)


def _crop_frac(rgb: Array, fw: float, fh: float, ax: float = 0.5, ay: float = 0.5) -> Array:
    H, W = rgb.shape[:2]
    cw = min(W, max(1, int(round(W * fw))))
    ch = min(H, max(1, int(round(H * fh))))
    x0 = int(round((W - cw) * ax))
    y0 = int(round((H - ch) * ay))
    return rgb[y0 : y0 + ch, x0 : x0 + cw]


def _seeded_rng(tag: str, rgb: Array) -> np.random.Generator:
    h = hashlib.sha256()
    h.update(tag.encode())
    h.update(repr(rgb.shape).encode())
    h.update(np.ascontiguousarray(rgb).tobytes())
    return np.random.default_rng(int.from_bytes(h.digest()[:16], "big"))


def _jpeg(rgb: Array, q: int, subsampling: int = 2, progressive: bool = False) -> Array:
    buf = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(rgb)).save(
        buf, "JPEG", quality=q, subsampling=subsampling, progressive=progressive
    )
    buf.seek(0)
    with Image.open(buf) as im:
        return _c(np.asarray(im.convert("RGB")))


def _webp(rgb: Array, q: int) -> Array:
    buf = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(rgb)).save(buf, "WEBP", quality=q, method=4)
    buf.seek(0)
    with Image.open(buf) as im:
        return _c(np.asarray(im.convert("RGB")))


def _rot_matrix(w: int, h: int, deg: float, scale: float = 1.0) -> Array:
    return cv2.getRotationMatrix2D(((w - 1) / 2.0, (h - 1) / 2.0), deg, scale)


def _rotate(rgb: Array, deg: float, fill: str = "black") -> Array:
    H, W = rgb.shape[:2]
    M = _rot_matrix(W, H, deg)
    if fill == "reflect":
        return cv2.warpAffine(rgb, M, (W, H), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REFLECT)
    val = (0, 0, 0) if fill == "black" else (255, 255, 255)
    return cv2.warpAffine(
        rgb, M, (W, H), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_CONSTANT, borderValue=val
    )


def _rotate_expand(rgb: Array, deg: float, fill: str = "black") -> Array:
    H, W = rgb.shape[:2]
    a = math.radians(deg)
    c, s = abs(math.cos(a)), abs(math.sin(a))
    nw = max(1, int(math.ceil(W * c + H * s - 1e-9)))
    nh = max(1, int(math.ceil(W * s + H * c - 1e-9)))
    M = _rot_matrix(W, H, deg)
    M[0, 2] += (nw - W) / 2.0
    M[1, 2] += (nh - H) / 2.0
    val = (0, 0, 0) if fill == "black" else (255, 255, 255)
    return cv2.warpAffine(
        rgb, M, (nw, nh), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_CONSTANT, borderValue=val
    )


def _rotate_straighten(rgb: Array, deg: float) -> Array:
    """Rotate and enlarge about the centre so the frame holds no fill (same size)."""
    H, W = rgb.shape[:2]
    a = math.radians(deg)
    c, s = abs(math.cos(a)), abs(math.sin(a))
    k = max((W * c + H * s) / W, (W * s + H * c) / H) * 1.003
    M = _rot_matrix(W, H, deg, k)
    return cv2.warpAffine(rgb, M, (W, H), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REFLECT)


def _largest_inner(w: float, h: float, deg: float) -> tuple[float, float]:
    if w <= 0 or h <= 0:
        return 0.0, 0.0
    a = math.radians(deg)
    wide = w >= h
    long_side, short_side = (w, h) if wide else (h, w)
    sa, ca = abs(math.sin(a)), abs(math.cos(a))
    if sa < 1e-12:
        return w, h
    if short_side <= 2.0 * sa * ca * long_side or abs(sa - ca) < 1e-10:
        x = 0.5 * short_side
        return (x / sa, x / ca) if wide else (x / ca, x / sa)
    cos2a = ca * ca - sa * sa
    return (w * ca - h * sa) / cos2a, (h * ca - w * sa) / cos2a


def _rotate_inner(rgb: Array, deg: float, resize_back: bool = False) -> Array:
    H, W = rgb.shape[:2]
    big = _rotate_expand(rgb, deg, "black")
    bh, bw = big.shape[:2]
    iw, ih = _largest_inner(W, H, deg)
    iw = min(bw, max(1, int(math.floor(iw)) - 2))
    ih = min(bh, max(1, int(math.floor(ih)) - 2))
    x0 = (bw - iw) // 2
    y0 = (bh - ih) // 2
    out = big[y0 : y0 + ih, x0 : x0 + iw]
    if resize_back:
        out = _resize(out, W, H, cv2.INTER_CUBIC)
    return out


def _pad(rgb: Array, t: float, r: float, b: float, left: float, colour=None, reflect=False
         ) -> Array:
    H, W = rgb.shape[:2]
    pt, pb = int(round(H * t)), int(round(H * b))
    pl, pr = int(round(W * left)), int(round(W * r))
    if reflect:
        return cv2.copyMakeBorder(rgb, pt, pb, pl, pr, cv2.BORDER_REFLECT)
    return cv2.copyMakeBorder(rgb, pt, pb, pl, pr, cv2.BORDER_CONSTANT, value=tuple(colour))


def _gauss_noise(rgb: Array, sigma: float, tag: str) -> Array:
    rng = _seeded_rng(tag, rgb)
    return _clip(rgb.astype(np.float32) + rng.normal(0.0, sigma, rgb.shape).astype(np.float32))


def _gamma(rgb: Array, g: float) -> Array:
    lut = _clip(255.0 * (np.arange(256) / 255.0) ** g)
    return lut[rgb]


def _enhance(rgb: Array, kind: str, f: float) -> Array:
    im = Image.fromarray(np.ascontiguousarray(rgb))
    cls = {"contrast": ImageEnhance.Contrast, "color": ImageEnhance.Color}[kind]
    return np.asarray(cls(im).enhance(f))


def _sharpen(rgb: Array, radius: float = 2.0, percent: int = 130, threshold: int = 3) -> Array:
    im = Image.fromarray(np.ascontiguousarray(rgb))
    return np.asarray(im.filter(ImageFilter.UnsharpMask(radius, percent, threshold)))


def _grey(rgb: Array) -> Array:
    g = np.asarray(Image.fromarray(np.ascontiguousarray(rgb)).convert("L"))
    return np.repeat(g[:, :, None], 3, axis=2)


def _blur(rgb: Array, sigma: float) -> Array:
    return cv2.GaussianBlur(rgb, (0, 0), sigmaX=sigma, sigmaY=sigma, borderType=cv2.BORDER_REFLECT)


def _long_side(rgb: Array, side: int, only_shrink: bool = False) -> Array:
    H, W = rgb.shape[:2]
    s = side / max(H, W)
    if only_shrink and s >= 1.0:
        return rgb
    return _resize(rgb, W * s, H * s, cv2.INTER_AREA if s < 1 else cv2.INTER_LANCZOS4)


@cache
def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def _box(d: ImageDraw.ImageDraw, x0, y0, x1, y1, fill, radius: int = 0, outline=None) -> None:
    x1 = max(x0, x1)
    y1 = max(y0, y1)
    if radius > 0:
        radius = int(max(0, min(radius, (x1 - x0) // 2, (y1 - y0) // 2)))
    if radius > 0:
        d.rounded_rectangle([x0, y0, x1, y1], radius=radius, fill=fill, outline=outline)
    else:
        d.rectangle([x0, y0, x1, y1], fill=fill, outline=outline)


# ----------------------------------------------------------------------------- screen captures


def _browser(rgb: Array, scale: float) -> Array:
    img = _scale(rgb, scale, cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
    sh, sw = img.shape[:2]
    mx, top, header, bottom, sb = 41, 86, 33, 47, 14
    W = max(sw + 2 * mx + sb, 357)
    H = top + header + sh + bottom
    canvas = Image.new("RGB", (W, H), (246, 247, 249))
    d = ImageDraw.Draw(canvas)
    _box(d, 0, 0, W - 1, 39, (222, 225, 230))
    _box(d, 9, 7, min(W - 90, 251), 45, (255, 255, 255), radius=8)
    d.text((23, 14), "Album - Photos viewer", fill=(32, 33, 36), font=_font(13))
    for k, col in enumerate([(98, 197, 84), (245, 191, 79), (237, 106, 94)]):
        cx = W - 19 - 23 * k
        d.ellipse([cx - 6, 14, cx + 6, 26], fill=col)
    _box(d, 0, 40, W - 1, top - 1, (255, 255, 255))
    d.polygon([(17, 63), (27, 55), (27, 71)], fill=(95, 99, 104))
    d.polygon([(55, 63), (45, 55), (45, 71)], fill=(189, 193, 198))
    _box(d, 73, 49, W - 47, 77, (241, 243, 244), radius=14)
    d.text((93, 55), "https://photos.example.org/album/7731/view?i=4127", fill=(60, 64, 67),
           font=_font(13))
    d.line([0, top - 1, W, top - 1], fill=(218, 220, 224))
    d.text((mx, top + 9), "IMG_4127.jpg   3.1 MB   shared by Rina", fill=(70, 70, 74),
           font=_font(14))
    canvas.paste(Image.fromarray(np.ascontiguousarray(img)), (mx, top + header))
    _box(d, W - sb, top, W - 1, H - 1, (241, 241, 241))
    _box(d, W - sb + 3, top + 11, W - 4, top + 11 + max(23, (H - top) // 3), (193, 193, 193),
         radius=4)
    d.text((mx, top + header + sh + 14), "Download   Share   Info", fill=(26, 115, 232),
           font=_font(13))
    return np.asarray(canvas)


def _phone(rgb: Array, screen_w: int = 1080, screen_h: int = 2340) -> Array:
    H, W = rgb.shape[:2]
    status, appbar, toolbar = 97, 151, 187
    avail_h = screen_h - status - appbar - toolbar
    s = min(screen_w / W, avail_h / H)
    img = _scale(rgb, s, cv2.INTER_AREA if s < 1 else cv2.INTER_CUBIC)
    sh, sw = img.shape[:2]
    canvas = Image.new("RGB", (screen_w, screen_h), (0, 0, 0))
    d = ImageDraw.Draw(canvas)
    d.text((53, 29), "9:41", fill=(255, 255, 255), font=_font(37))
    _box(d, screen_w - 131, 37, screen_w - 61, 67, None, radius=8, outline=(255, 255, 255))
    _box(d, screen_w - 127, 41, screen_w - 83, 63, (255, 255, 255), radius=5)
    for k in range(4):
        _box(d, screen_w - 231 + 13 * k, 61 - 7 * k, screen_w - 223 + 13 * k, 67, (255, 255, 255))
    _box(d, 0, status, screen_w - 1, status + appbar, (24, 24, 27))
    d.polygon([(61, status + 75), (85, status + 51), (85, status + 99)], fill=(240, 240, 240))
    d.text((127, status + 47), "Mira Okafor", fill=(250, 250, 250), font=_font(41))
    d.text((127, status + 97), "photo - yesterday 21:07", fill=(170, 170, 178), font=_font(29))
    y0 = status + appbar + (avail_h - sh) // 2
    x0 = (screen_w - sw) // 2
    canvas.paste(Image.fromarray(np.ascontiguousarray(img)), (x0, y0))
    ty = screen_h - toolbar
    _box(d, 0, ty, screen_w - 1, screen_h - 1, (24, 24, 27))
    for k in range(4):
        cx = int(screen_w * (0.13 + 0.247 * k))
        _box(d, cx - 27, ty + 43, cx + 27, ty + 97, None, radius=9, outline=(230, 230, 230))
    _box(d, screen_w // 2 - 197, screen_h - 33, screen_w // 2 + 197, screen_h - 21,
         (235, 235, 235), radius=6)
    return np.asarray(canvas)


def _document(rgb: Array, scale: float) -> Array:
    img = _scale(rgb, scale, cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
    sh, sw = img.shape[:2]
    page_w = max(int(sw * 1.31) + 2 * 67, 311)
    margin = (page_w - sw) // 2
    text_top = 7 * 23 + 59
    page_h = text_top + sh + 31 + 5 * 23 + 71
    gutter = 43
    W, H = page_w + 2 * gutter, page_h + 2 * gutter + 37
    canvas = Image.new("RGB", (W, H), (218, 220, 225))
    d = ImageDraw.Draw(canvas)
    _box(d, 0, 0, W - 1, 36, (250, 250, 251))
    d.text((13, 10), "report_q3_final(2).docx  -  Page 4 of 11   |   100%", fill=(50, 50, 55),
           font=_font(13))
    px, py = gutter, 37 + gutter
    _box(d, px + 3, py + 3, px + page_w + 3, py + page_h + 3, (190, 192, 197))
    _box(d, px, py, px + page_w, py + page_h, (255, 255, 255))
    d.text((px + 67, py + 41), "3.2  Field observations", fill=(20, 20, 24), font=_font(19))
    for k in range(6):
        y = py + 83 + 23 * k
        x1 = px + page_w - 67 - (0 if k % 3 else 41) - (113 if k == 5 else 0)
        _box(d, px + 67, y, max(px + 68, x1), y + 9, (172, 174, 180), radius=3)
    canvas.paste(Image.fromarray(np.ascontiguousarray(img)), (px + margin, py + text_top))
    cy = py + text_top + sh + 13
    d.text((px + margin, cy), "Figure 7: site photograph, north face.", fill=(90, 90, 96),
           font=_font(12))
    for k in range(5):
        y = cy + 31 + 23 * k
        x1 = px + page_w - 67 - (79 if k == 4 else 0)
        _box(d, px + 67, y, max(px + 68, x1), y + 9, (172, 174, 180), radius=3)
    return np.asarray(canvas)


# ----------------------------------------------------------------------------- images


def _photo_specs() -> list[tuple[str, Callable[[], Array]]]:
    def crop_px(a: Array, x0: int, y0: int, w: int, h: int) -> Array:
        return a[y0 : y0 + h, x0 : x0 + w]

    def grain(a: Array, sigma: float, tag: str) -> Array:
        return _gauss_noise(a, sigma, "grain:" + tag)

    def chelsea_crop() -> Array:
        return crop_px(_sample("chelsea.png"), 7, 3, 437, 293)

    def coffee_portrait() -> Array:
        a = crop_px(_sample("coffee.png"), 171, 13, 283, 377)
        return _resize(a, 311, 415, cv2.INTER_CUBIC)

    def rocket_bright() -> Array:
        a = crop_px(_sample("rocket.jpg"), 9, 41, 624, 351)
        return _clip(a.astype(np.float32) * 1.17 + 19)

    def camera_grey() -> Array:
        return crop_px(_sample("camera.png"), 13, 71, 488, 366)

    def coins_dark_sepia() -> Array:
        a = _resize(_sample("coins.png"), 457, 361, cv2.INTER_CUBIC).astype(np.float32)
        a = 255.0 * (a / 255.0) ** 1.9 * 0.83
        return _clip(a * np.array([1.0, 0.86, 0.67], dtype=np.float32))

    def motorcycle_crop() -> Array:
        return crop_px(_sample("motorcycle_left.png"), 5, 9, 729, 486)

    def china_pano() -> Array:
        a = crop_px(_sample("china.jpg"), 0, 97, 639, 213)
        return grain(_resize(a, 1203, 401, cv2.INTER_LANCZOS4), 1.3, "china_pano")

    def brick_portrait() -> Array:
        a = crop_px(_sample("brick.png"), 83, 0, 341, 512)
        return _resize(a, 397, 596, cv2.INTER_AREA)

    def astronaut_lowcontrast() -> Array:
        a = _sample("astronaut.png").astype(np.float32)
        return _clip((a - 128.0) * 0.47 + 135.0)

    def flower_square() -> Array:
        a = crop_px(_sample("flower.jpg"), 113, 3, 421, 421)
        return _resize(a, 509, 509, cv2.INTER_CUBIC)

    def gravel_tinted() -> Array:
        a = _resize(_sample("gravel.png"), 517, 515, cv2.INTER_CUBIC).astype(np.float32)
        return _clip(a * np.array([1.03, 0.91, 0.77], dtype=np.float32) + np.array([4, 9, 13]))

    def retina() -> Array:
        return _resize(_sample("retina.jpg"), 1019, 1019, cv2.INTER_AREA)

    def hubble_dark() -> Array:
        a = _resize(_sample("hubble_deep_field.jpg"), 1031, 899, cv2.INTER_CUBIC)
        return _gamma(a, 1.23)

    def coffee_bright() -> Array:
        a = crop_px(_sample("coffee.png"), 0, 0, 597, 398)
        a = _resize(a, 1027, 685, cv2.INTER_LANCZOS4)
        a = _gamma(a, 0.71)
        return grain(a, 1.1, "coffee_bright")

    def china_large() -> Array:
        a = _resize(_sample("china.jpg"), 1931, 1287, cv2.INTER_LANCZOS4)
        return grain(a, 1.7, "china_large")

    def flower_wide() -> Array:
        a = crop_px(_sample("flower.jpg"), 0, 31, 640, 360)
        a = _resize(a, 2039, 1147, cv2.INTER_CUBIC)
        return grain(a, 1.4, "flower_wide")

    def rocket_portrait() -> Array:
        a = crop_px(_sample("rocket.jpg"), 203, 0, 284, 427)
        a = _resize(a, 911, 1366, cv2.INTER_LANCZOS4)
        return grain(a, 1.2, "rocket_portrait")

    def chelsea_small() -> Array:
        a = crop_px(_sample("chelsea.png"), 61, 17, 371, 247)
        return _resize(a, 213, 142, cv2.INTER_AREA)

    return [
        ("photo_chelsea_crop_437x293", chelsea_crop),
        ("photo_coffee_portrait_311x415", coffee_portrait),
        ("photo_rocket_bright_624x351", rocket_bright),
        ("photo_camera_grey_488x366", camera_grey),
        ("photo_coins_dark_sepia_457x361", coins_dark_sepia),
        ("photo_motorcycle_crop_729x486", motorcycle_crop),
        ("photo_china_panorama_1203x401", china_pano),
        ("photo_brick_grey_portrait_397x596", brick_portrait),
        ("photo_astronaut_lowcontrast_512x512", astronaut_lowcontrast),
        ("photo_flower_square_509x509", flower_square),
        ("photo_gravel_texture_tinted_517x515", gravel_tinted),
        ("photo_retina_1019x1019", retina),
        ("photo_hubble_dark_1031x899", hubble_dark),
        ("photo_coffee_bright_1027x685", coffee_bright),
        ("photo_china_large_1931x1287", china_large),
        ("photo_flower_wide_2039x1147", flower_wide),
        ("photo_rocket_portrait_911x1366", rocket_portrait),
        ("photo_chelsea_small_213x142", chelsea_small),
    ]


_GENERATED = (
    ("misty_lake", "a misty lake at dawn with pine trees on the far shore", 7319),
    ("desert_sunset", "desert dunes under an orange sunset sky", 40213),
    ("snowy_night", "snowy mountains at night under a deep purple sky", 5527),
    ("green_hills", "green rolling hills with a winding river at noon", 88117),
    ("rocky_coast", "a rocky coast with waves under a cloudy grey sky", 613),
    ("forest_dusk", "a forest clearing at dusk with a pink sky and tall grass", 29983),
)


def _generated() -> list[tuple[str, Array]]:
    out: list[tuple[str, Array]] = []
    missing = []
    for key, prompt, seed in _GENERATED:
        path = CACHE_DIR / f"builtin_{key}_s{seed}.png"
        if not path.exists():
            missing.append((key, prompt, seed, path))
    if missing:
        from safegen.backends.base import BackendRequest
        from safegen.backends.builtin import BuiltinBackend

        backend = BuiltinBackend()
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        for _key, prompt, seed, path in missing:
            req = BackendRequest(prompt=prompt, negative_prompt=None, seeds=(seed,))
            im = backend.generate(req)[0].convert("RGB")
            tmp = path.with_suffix(".tmp.png")
            im.save(tmp, "PNG")
            tmp.replace(path)
    for key, _prompt, seed in _GENERATED:
        path = CACHE_DIR / f"builtin_{key}_s{seed}.png"
        with Image.open(path) as im:
            out.append((f"generated_builtin_{key}_s{seed}", _c(np.asarray(im.convert("RGB")))))
    return out


def _screenshot_settings() -> Array:
    W, H = 1366, 768
    im = Image.new("RGB", (W, H), (243, 243, 246))
    d = ImageDraw.Draw(im)
    _box(d, 0, 0, W - 1, 31, (32, 34, 40))
    d.text((13, 8), "Preferences - Northwind Studio 4.7", fill=(230, 230, 235), font=_font(13))
    for k, ch in enumerate(("x", "o", "-")):
        d.text((W - 27 - 37 * k, 7), ch, fill=(200, 200, 205), font=_font(15))
    _box(d, 0, 32, 263, H - 1, (226, 228, 234))
    items = ["General", "Appearance", "Accounts", "Privacy", "Notifications", "Storage",
             "Keyboard", "Updates", "About"]
    for k, label in enumerate(items):
        y = 53 + 41 * k
        if k == 3:
            _box(d, 9, y - 7, 254, y + 27, (61, 110, 219), radius=7)
        col = (255, 255, 255) if k == 3 else (40, 42, 48)
        _box(d, 23, y + 1, 41, y + 19, (130, 138, 160) if k != 3 else (255, 255, 255), radius=4)
        d.text((53, y), label, fill=col, font=_font(16))
    d.text((301, 53), "Privacy", fill=(20, 20, 24), font=_font(29))
    d.text((301, 97), "Choose what Northwind shares and keeps on this device.",
           fill=(100, 102, 110), font=_font(15))
    rows = [
        ("Send anonymous usage statistics", True),
        ("Keep history for 30 days", True),
        ("Allow location access", False),
        ("Show previews in notifications", True),
        ("Sync clipboard across devices", False),
        ("Block third-party trackers", True),
    ]
    for k, (label, on) in enumerate(rows):
        y = 151 + 61 * k
        _box(d, 289, y, W - 37, y + 53, (255, 255, 255), radius=9)
        d.text((311, y + 17), label, fill=(30, 30, 36), font=_font(16))
        tx = W - 107
        _box(d, tx, y + 15, tx + 47, y + 39, (52, 199, 89) if on else (200, 200, 206), radius=12)
        kx = tx + 25 if on else tx + 3
        d.ellipse([kx, y + 17, kx + 19, y + 36], fill=(255, 255, 255))
    _box(d, 289, 541, 553, 581, (61, 110, 219), radius=8)
    d.text((317, 551), "Clear browsing data...", fill=(255, 255, 255), font=_font(16))
    d.text((301, 613), "Last cleared: 14 Nov, 09:42. Cache size 1.37 GB.", fill=(110, 110, 118),
           font=_font(14))
    _box(d, 0, H - 29, W - 1, H - 1, (226, 228, 234))
    d.text((277, H - 23), "Changes are saved automatically", fill=(90, 92, 100), font=_font(13))
    return np.asarray(im)


def _screenshot_chat() -> Array:
    W, H = 393, 851
    im = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.text((29, 13), "9:41", fill=(0, 0, 0), font=_font(15))
    _box(d, W - 57, 15, W - 29, 28, None, radius=3, outline=(0, 0, 0))
    _box(d, W - 55, 17, W - 37, 26, (0, 0, 0))
    _box(d, 0, 44, W - 1, 101, (247, 247, 249))
    d.ellipse([53, 53, 91, 91], fill=(255, 149, 0))
    d.text((63, 62), "JT", fill=(255, 255, 255), font=_font(15))
    d.text((103, 55), "Jun Takeda", fill=(0, 0, 0), font=_font(16))
    d.text((103, 77), "online", fill=(120, 120, 128), font=_font(12))
    d.line([0, 101, W, 101], fill=(220, 220, 224))
    msgs = [
        (False, ["Are we still on for", "Saturday?"]),
        (True, ["Yes! 10:30 at the", "north entrance"]),
        (False, ["Great, I'll bring the", "maps and some snacks"]),
        (True, ["Perfect. Weather says", "sunny, 17 degrees"]),
        (False, ["see you there :)"]),
        (True, ["Don't forget the", "tickets this time", "(I mean it)"]),
    ]
    y = 121
    for mine, lines in msgs:
        bh = 17 + 21 * len(lines)
        bw = 13 + max(len(s) for s in lines) * 8
        if mine:
            x1 = W - 13
            _box(d, x1 - bw, y, x1, y + bh, (10, 132, 255), radius=15)
            tx, col = x1 - bw + 11, (255, 255, 255)
        else:
            _box(d, 13, y, 13 + bw, y + bh, (233, 233, 235), radius=15)
            tx, col = 24, (0, 0, 0)
        for k, s in enumerate(lines):
            d.text((tx, y + 8 + 21 * k), s, fill=col, font=_font(15))
        y += bh + 13
    _box(d, 0, H - 83, W - 1, H - 1, (247, 247, 249))
    _box(d, 51, H - 71, W - 51, H - 37, (255, 255, 255), radius=17, outline=(200, 200, 206))
    d.text((67, H - 63), "Message", fill=(160, 160, 168), font=_font(15))
    d.ellipse([W - 43, H - 71, W - 11, H - 39], fill=(10, 132, 255))
    d.ellipse([11, H - 69, 39, H - 41], outline=(10, 132, 255), width=2)
    _box(d, W // 2 - 67, H - 13, W // 2 + 67, H - 8, (0, 0, 0), radius=2)
    return np.asarray(im)


def _graphic_logo() -> Array:
    S = 611
    yy, xx = np.mgrid[0:S, 0:S].astype(np.float32)
    base = np.stack(
        [23 + 0.19 * xx + 0.07 * yy, 41 + 0.11 * yy, 97 + 0.23 * xx - 0.05 * yy], axis=2
    )
    im = Image.fromarray(_clip(base))
    d = ImageDraw.Draw(im)
    d.ellipse([83, 83, 527, 527], fill=(250, 249, 246))
    d.ellipse([127, 127, 483, 483], fill=(233, 79, 55))
    d.polygon([(305, 163), (437, 397), (173, 397)], fill=(250, 249, 246))
    d.polygon([(305, 229), (383, 367), (227, 367)], fill=(33, 51, 113))
    d.text((213, 419), "NORTHWIND", fill=(250, 249, 246), font=_font(31))
    d.arc([61, 61, 549, 549], start=197, end=343, fill=(250, 249, 246), width=7)
    return np.asarray(im)


def _graphic_chart() -> Array:
    W, H = 883, 587
    im = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.text((67, 19), "Monthly active users (thousands)", fill=(25, 25, 30), font=_font(23))
    x0, y0, x1, y1 = 83, 73, W - 41, H - 67
    for k in range(6):
        y = y1 - (y1 - y0) * k / 5
        d.line([x0, y, x1, y], fill=(226, 228, 232), width=1)
        d.text((31, y - 8), str(k * 47), fill=(100, 100, 108), font=_font(13))
    d.line([x0, y0, x0, y1], fill=(60, 60, 66), width=2)
    d.line([x0, y1, x1, y1], fill=(60, 60, 66), width=2)
    vals = [71, 93, 88, 121, 137, 129, 163, 181, 172, 197, 214, 229]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    n = len(vals)
    slot = (x1 - x0) / n
    pts = []
    for k, v in enumerate(vals):
        bx = x0 + slot * k + slot * 0.19
        bh = (y1 - y0) * v / 235
        col = (53, 121, 246) if k % 3 else (246, 137, 53)
        d.rectangle([bx, y1 - bh, bx + slot * 0.62, y1 - 1], fill=col)
        d.text((bx + 3, y1 + 9), months[k], fill=(80, 80, 88), font=_font(13))
        pts.append((bx + slot * 0.31, y1 - bh - 17))
    d.line(pts, fill=(229, 57, 53), width=3)
    for p in pts:
        d.ellipse([p[0] - 4, p[1] - 4, p[0] + 4, p[1] + 4], fill=(229, 57, 53))
    _box(d, W - 231, 79, W - 53, 139, (250, 250, 252), outline=(210, 210, 216))
    _box(d, W - 219, 91, W - 203, 105, (53, 121, 246))
    d.text((W - 193, 89), "monthly", fill=(40, 40, 46), font=_font(13))
    _box(d, W - 219, 115, W - 203, 129, (246, 137, 53))
    d.text((W - 193, 113), "quarter end", fill=(40, 40, 46), font=_font(13))
    return np.asarray(im)


def images() -> list[tuple[str, str, Array]]:
    out: list[tuple[str, str, Array]] = []
    for name, fn in _photo_specs():
        out.append((name, "photo", _c(fn())))
    for name, arr in _generated():
        out.append((name, "generated", _c(arr)))
    out.append(("screenshot_settings_dialog_1366x768", "screenshot", _c(_screenshot_settings())))
    out.append(("screenshot_chat_phone_393x851", "screenshot", _c(_screenshot_chat())))
    out.append(("graphic_logo_badge_611x611", "graphic", _c(_graphic_logo())))
    out.append(("graphic_bar_chart_883x587", "graphic", _c(_graphic_chart())))
    return out


# ----------------------------------------------------------------------------- attacks


def attacks() -> list[tuple[str, Attack]]:
    A: list[tuple[str, Attack]] = []

    def add(name: str, fn: Callable[[Array], Array]) -> None:
        def run(rgb: Array, _fn=fn) -> Array:
            return _c(_fn(np.ascontiguousarray(rgb, dtype=np.uint8)))

        run.__name__ = "attack_" + name
        A.append((name, run))

    def size_of(r: Array) -> tuple[int, int]:
        return r.shape[1], r.shape[0]

    def back(fn: Callable[[Array], Array]) -> Callable[[Array], Array]:
        def g(r: Array) -> Array:
            w, h = size_of(r)
            return _resize(fn(r), w, h, cv2.INTER_CUBIC)

        return g

    add("none", lambda r: r.copy())
    add("flip_horizontal", lambda r: r[:, ::-1])
    add("flip_vertical", lambda r: r[::-1, :])
    # stretches
    add("stretch_x_1.07", lambda r: _resize(r, r.shape[1] * 1.07, r.shape[0], cv2.INTER_CUBIC))
    add("stretch_y_1.12", lambda r: _resize(r, r.shape[1], r.shape[0] * 1.12, cv2.INTER_CUBIC))
    add("stretch_x_1.13_y_0.96",
        lambda r: _resize(r, r.shape[1] * 1.13, r.shape[0] * 0.96, cv2.INTER_LINEAR))
    # crops
    add("crop_centre_93pct", lambda r: _crop_frac(r, 0.93, 0.93))
    add("crop_centre_71pct", lambda r: _crop_frac(r, 0.71, 0.71))
    add("crop_centre_53pct", lambda r: _crop_frac(r, 0.53, 0.53))
    add("crop_centre_82pct_resized_back", back(lambda r: _crop_frac(r, 0.82, 0.82)))
    add("crop_offcentre_77pct_at_0.23_0.61", lambda r: _crop_frac(r, 0.77, 0.77, 0.23, 0.61))
    add("crop_offcentre_64pct_at_0.83_0.17_resized_back",
        back(lambda r: _crop_frac(r, 0.64, 0.64, 0.83, 0.17)))
    add("crop_corner_topleft_87pct", lambda r: _crop_frac(r, 0.87, 0.87, 0.0, 0.0))
    add("crop_corner_bottomright_59pct_resized_back",
        back(lambda r: _crop_frac(r, 0.59, 0.59, 1.0, 1.0)))
    add("crop_width_only_68pct", lambda r: _crop_frac(r, 0.68, 1.0, 0.37, 0.5))
    add("crop_height_only_79pct_resized_back", back(lambda r: _crop_frac(r, 1.0, 0.79, 0.5, 0.29)))
    add("crop_uneven_w91pct_h57pct", lambda r: _crop_frac(r, 0.91, 0.57, 0.61, 0.43))
    # rotations
    add("rotate_+1.7deg_black", lambda r: _rotate(r, 1.7, "black"))
    add("rotate_-3.3deg_white", lambda r: _rotate(r, -3.3, "white"))
    add("rotate_+6.1deg_reflect", lambda r: _rotate(r, 6.1, "reflect"))
    add("rotate_-9.4deg_black", lambda r: _rotate(r, -9.4, "black"))
    add("rotate_+2.9deg_expand_black", lambda r: _rotate_expand(r, 2.9, "black"))
    add("rotate_-7.3deg_expand_white", lambda r: _rotate_expand(r, -7.3, "white"))
    add("rotate_+4.6deg_straighten", lambda r: _rotate_straighten(r, 4.6))
    add("rotate_+8.7deg_inner_rect", lambda r: _rotate_inner(r, 8.7))
    add("rotate_-5.2deg_inner_rect_resized_back", lambda r: _rotate_inner(r, -5.2, True))
    add("rotate_+3.8deg_black_then_crop_offcentre_81pct",
        lambda r: _crop_frac(_rotate(r, 3.8, "black"), 0.81, 0.81, 0.31, 0.67))
    # paddings
    add("pad_7pct_black", lambda r: _pad(r, 0.07, 0.07, 0.07, 0.07, (0, 0, 0)))
    add("pad_13pct_white", lambda r: _pad(r, 0.13, 0.13, 0.13, 0.13, (255, 255, 255)))
    add("pad_uneven_t5_r19_b11_l8pct_grey", lambda r: _pad(r, 0.05, 0.19, 0.11, 0.08,
                                                          (127, 129, 131)))
    add("pad_9pct_reflect", lambda r: _pad(r, 0.09, 0.09, 0.09, 0.09, reflect=True))
    add("pad_17pct_teal_resized_back",
        back(lambda r: _pad(r, 0.17, 0.17, 0.17, 0.17, (17, 131, 137))))
    # compression
    add("jpeg_q31_420", lambda r: _jpeg(r, 31, 2))
    add("jpeg_q47_420", lambda r: _jpeg(r, 47, 2))
    add("jpeg_q63_444", lambda r: _jpeg(r, 63, 0))
    add("jpeg_q74_420", lambda r: _jpeg(r, 74, 2))
    add("jpeg_q88_444", lambda r: _jpeg(r, 88, 0))
    add("webp_q52", lambda r: _webp(r, 52))
    add("webp_q89", lambda r: _webp(r, 89))
    # scaling
    add("downscale_0.41_area", lambda r: _scale(r, 0.41, cv2.INTER_AREA))
    add("downscale_0.57_area", lambda r: _scale(r, 0.57, cv2.INTER_AREA))
    add("downscale_0.79_linear", lambda r: _scale(r, 0.79, cv2.INTER_LINEAR))

    def down_up(s: float, up: int) -> Callable[[Array], Array]:
        def g(r: Array) -> Array:
            w, h = size_of(r)
            return _resize(_scale(r, s, cv2.INTER_AREA), w, h, up)

        return g

    add("down_0.47_then_up_cubic", down_up(0.47, cv2.INTER_CUBIC))
    add("down_0.66_then_up_lanczos", down_up(0.66, cv2.INTER_LANCZOS4))
    add("upscale_1.37_cubic", lambda r: _scale(r, 1.37, cv2.INTER_CUBIC))
    add("upscale_1.93_lanczos", lambda r: _scale(r, 1.93, cv2.INTER_LANCZOS4))
    # platform chains
    add("social_crop91_long1080_jpeg76",
        lambda r: _jpeg(_long_side(_crop_frac(r, 0.91, 0.91, 0.5, 0.47), 1080), 76, 2))
    add("social_crop93_long1080_sharpen_jpeg73",
        lambda r: _jpeg(_sharpen(_long_side(_crop_frac(r, 0.93, 0.93), 1080), 1.1, 57, 2), 73, 2))
    add("messaging_0.61_jpeg59", lambda r: _jpeg(_scale(r, 0.61, cv2.INTER_AREA), 59, 2))
    add("messaging_long1280_jpeg67", lambda r: _jpeg(_long_side(r, 1280, only_shrink=True), 67, 2))
    add("messaging_0.72_webp61", lambda r: _webp(_scale(r, 0.72, cv2.INTER_AREA), 61))
    # screen captures
    add("screencap_browser_0.83_png", lambda r: _browser(r, 0.83))
    add("screencap_browser_1.17_jpeg83", lambda r: _jpeg(_browser(r, 1.17), 83, 2))
    add("screencap_phone_fit1080_jpeg71", lambda r: _jpeg(_phone(r), 71, 2))
    add("screencap_document_0.69_png", lambda r: _document(r, 0.69))
    # filters and tone
    add("blur_gauss_sigma0.9", lambda r: _blur(r, 0.9))
    add("blur_gauss_sigma1.7", lambda r: _blur(r, 1.7))
    add("sharpen_unsharp_r2_p130", lambda r: _sharpen(r, 2.0, 130, 3))
    add("median_3", lambda r: cv2.medianBlur(r, 3))
    add("noise_gauss_sigma3.7", lambda r: _gauss_noise(r, 3.7, "noise_gauss_sigma3.7"))
    add("noise_gauss_sigma8.3", lambda r: _gauss_noise(r, 8.3, "noise_gauss_sigma8.3"))
    add("brightness_+23", lambda r: _clip(r.astype(np.int16) + 23))
    add("brightness_-31", lambda r: _clip(r.astype(np.int16) - 31))
    add("contrast_1.27", lambda r: _enhance(r, "contrast", 1.27))
    add("contrast_0.74", lambda r: _enhance(r, "contrast", 0.74))
    add("gamma_0.77", lambda r: _gamma(r, 0.77))
    add("gamma_1.38", lambda r: _gamma(r, 1.38))
    add("saturation_1.43", lambda r: _enhance(r, "color", 1.43))
    add("greyscale", _grey)
    # combinations
    add("crop_centre_83pct_then_jpeg68", lambda r: _jpeg(_crop_frac(r, 0.83, 0.83), 68, 2))
    add("rotate_+2.3deg_straighten_then_jpeg71", lambda r: _jpeg(_rotate_straighten(r, 2.3), 71, 2))
    add("downscale_0.63_then_sharpen_then_jpeg77",
        lambda r: _jpeg(_sharpen(_scale(r, 0.63, cv2.INTER_AREA), 1.5, 83, 2), 77, 2))
    add("flip_horizontal_then_crop_87pct_then_webp69",
        lambda r: _webp(_crop_frac(r[:, ::-1], 0.87, 0.87, 0.41, 0.53), 69))
    add("brightness_+14_contrast_1.12_then_jpeg81",
        lambda r: _jpeg(_enhance(_clip(r.astype(np.int16) + 14), "contrast", 1.12), 81, 2))
    add("stretch_x_1.06_then_crop_91pct_then_jpeg73",
        lambda r: _jpeg(_crop_frac(_resize(r, r.shape[1] * 1.06, r.shape[0], cv2.INTER_CUBIC),
                                   0.91, 0.91), 73, 2))
    add("pad_8pct_white_then_downscale_0.71_then_jpeg66",
        lambda r: _jpeg(_scale(_pad(r, 0.08, 0.08, 0.08, 0.08, (255, 255, 255)), 0.71,
                               cv2.INTER_AREA), 66, 2))
    add("noise_sigma4.1_then_jpeg58",
        lambda r: _jpeg(_gauss_noise(r, 4.1, "noise_sigma4.1_then_jpeg58"), 58, 2))
    add("gamma_0.83_saturation_1.21_then_webp74",
        lambda r: _webp(_enhance(_gamma(r, 0.83), "color", 1.21), 74))

    def blur_down_up(r: Array) -> Array:
        w, h = size_of(r)
        return _resize(_scale(_blur(r, 0.8), 0.59, cv2.INTER_AREA), w, h, cv2.INTER_LINEAR)

    add("blur_sigma0.8_then_down_0.59_then_up", blur_down_up)
    add("rotate_-4.1deg_reflect_then_crop_73pct_resized_back",
        back(lambda r: _crop_frac(_rotate(r, -4.1, "reflect"), 0.73, 0.73, 0.57, 0.44)))
    add("greyscale_then_jpeg62", lambda r: _jpeg(_grey(r), 62, 2))
    return A


# ----------------------------------------------------------------------------- unmarked


def _u_size(rng: np.random.Generator) -> tuple[int, int]:
    long_side = int(rng.integers(96, 1101))
    aspect = float(rng.uniform(0.31, 1.0))
    short_side = int(min(long_side, max(96, round(long_side * aspect))))
    return (long_side, short_side) if rng.random() < 0.62 else (short_side, long_side)


def _u_photo(rng: np.random.Generator, w: int, h: int) -> Array:
    src = _sample(_UNMARKED_SOURCES[int(rng.integers(len(_UNMARKED_SOURCES)))])
    H, W = src.shape[:2]
    fw, fh = rng.uniform(0.37, 1.0), rng.uniform(0.37, 1.0)
    crop = _crop_frac(src, fw, fh, rng.random(), rng.random())
    out = _resize(crop, w, h)
    if rng.random() < 0.5:
        out = out[:, ::-1]
    out = _gamma(out, float(rng.uniform(0.67, 1.45)))
    out = _clip(out.astype(np.float32) * rng.uniform(0.83, 1.13) + rng.uniform(-19, 19))
    if rng.random() < 0.4:
        out = _enhance(out, "color", float(rng.uniform(0.55, 1.35)))
    if rng.random() < 0.35:
        out = _jpeg(out, int(rng.integers(47, 96)), int(rng.choice([0, 2])))
    return out


def _u_mosaic(rng: np.random.Generator, w: int, h: int) -> Array:
    cx = int(rng.integers(max(1, w // 4), max(2, 3 * w // 4)))
    cy = int(rng.integers(max(1, h // 4), max(2, 3 * h // 4)))
    out = np.empty((h, w, 3), np.uint8)
    for ys, ye in ((0, cy), (cy, h)):
        for xs, xe in ((0, cx), (cx, w)):
            out[ys:ye, xs:xe] = _u_photo(rng, xe - xs, ye - ys)
    return out


def _u_synthetic(rng: np.random.Generator, w: int, h: int) -> Array:
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    c0, c1 = rng.uniform(0, 255, 3), rng.uniform(0, 255, 3)
    ang = rng.uniform(0, 2 * np.pi)
    t = (np.cos(ang) * xx / w + np.sin(ang) * yy / h)
    t = (t - t.min()) / max(1e-6, float(t.max() - t.min()))
    img = np.ascontiguousarray(_clip(c0 + (c1 - c0) * t[:, :, None]))
    for _ in range(int(rng.integers(3, 23))):
        col = tuple(int(v) for v in rng.integers(0, 256, 3))
        kind = int(rng.integers(4))
        p = (int(rng.integers(0, w)), int(rng.integers(0, h)))
        q = (int(rng.integers(0, w)), int(rng.integers(0, h)))
        if kind == 0:
            cv2.rectangle(img, p, q, col, -1 if rng.random() < 0.7 else int(rng.integers(1, 7)))
        elif kind == 1:
            rad = int(rng.integers(3, max(4, min(w, h) // 3)))
            cv2.circle(img, p, rad, col, -1, lineType=cv2.LINE_AA)
        elif kind == 2:
            cv2.line(img, p, q, col, int(rng.integers(1, 9)), lineType=cv2.LINE_AA)
        else:
            cv2.putText(img, "".join(chr(int(c)) for c in rng.integers(65, 91, 7)), p,
                        cv2.FONT_HERSHEY_SIMPLEX, float(rng.uniform(0.4, 2.3)), col,
                        int(rng.integers(1, 4)), cv2.LINE_AA)
    if rng.random() < 0.5:
        img = _gauss_noise(img, float(rng.uniform(0.5, 4.0)), f"u{rng.integers(1 << 30)}")
    return img


def _u_texture(rng: np.random.Generator, w: int, h: int) -> Array:
    cells = int(rng.integers(3, 41))
    gw = max(2, w // max(1, (w // cells) or 1))
    gh = max(2, h // max(1, (h // cells) or 1))
    small = rng.uniform(0, 255, (gh, gw, 3)).astype(np.float32)
    big = cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)
    if rng.random() < 0.5:
        big = big.mean(axis=2, keepdims=True) * rng.uniform(0.6, 1.1, 3) + rng.uniform(0, 60, 3)
    fine = rng.normal(0, rng.uniform(0.5, 11.0), (h, w, 3)).astype(np.float32)
    return _clip(big + fine)


def _u_ui(rng: np.random.Generator, w: int, h: int) -> Array:
    bg = rng.integers(200, 256, 3) if rng.random() < 0.7 else rng.integers(10, 60, 3)
    img = np.empty((h, w, 3), np.uint8)
    img[:] = bg
    bar = int(rng.integers(12, max(13, h // 6)))
    img[:bar] = rng.integers(0, 256, 3)
    side = int(rng.integers(0, max(1, w // 4)))
    img[bar:, :side] = rng.integers(0, 256, 3)
    ink = (0, 0, 0) if bg.mean() > 128 else (230, 230, 230)
    y = bar + 9
    while y < h - 6:
        x1 = int(rng.integers(side + 15, max(side + 16, w - 5)))
        cv2.rectangle(img, (side + 11, y), (x1, y + int(rng.integers(2, 9))), ink, -1)
        y += int(rng.integers(11, 31))
    return img


def unmarked(n: int = 10000, seed: int = 2026120719) -> Iterator[tuple[str, Array]]:
    kinds = ("photo", "mosaic", "synthetic", "texture", "ui")
    probs = (0.56, 0.09, 0.15, 0.11, 0.09)
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        kind = kinds[int(rng.choice(len(kinds), p=probs))]
        w, h = _u_size(rng)
        fn = {"photo": _u_photo, "mosaic": _u_mosaic, "synthetic": _u_synthetic,
              "texture": _u_texture, "ui": _u_ui}[kind]
        arr = _c(fn(rng, w, h))
        if arr.shape[:2] != (h, w):
            arr = _c(_resize(arr, w, h))
        yield f"unmarked_{i:05d}_{kind}", arr


# ----------------------------------------------------------------------------- edge cases


def edge_cases() -> list[tuple[str, Array]]:
    rng = np.random.default_rng(2026120737)
    out: list[tuple[str, Array]] = []

    def photo(w: int, h: int, src: str = "coffee.png") -> Array:
        return _resize(_sample(src), w, h)

    out.append(("tiny_1x1", _c(np.array([[[201, 37, 90]]], np.uint8))))
    out.append(("tiny_2x2", _c(rng.integers(0, 256, (2, 2, 3)))))
    out.append(("tiny_3x5", _c(photo(5, 3))))
    out.append(("tiny_7x7", _c(photo(7, 7, "astronaut.png"))))
    out.append(("small_31x29", _c(photo(29, 31, "chelsea.png"))))
    out.append(("strip_1x517_one_row", _c(photo(517, 1))))
    out.append(("strip_613x1_one_column", _c(photo(1, 613, "rocket.jpg"))))
    out.append(("strip_2x1301", _c(photo(1301, 2, "china.jpg"))))
    out.append(("just_under_95x95", _c(photo(95, 95, "flower.jpg"))))
    out.append(("odd_127x129", _c(photo(129, 127, "astronaut.png"))))
    out.append(("odd_257x257", _c(photo(257, 257, "motorcycle_left.png"))))
    out.append(("prime_1021x769", _c(photo(1021, 769, "china.jpg"))))
    huge = _resize(_sample("coffee.png"), 4001, 2999, cv2.INTER_CUBIC)
    out.append(("huge_2999x4001", _c(_gauss_noise(huge, 2.1, "edge_huge"))))
    out.append(("very_wide_97x3517", _c(photo(3517, 97, "china.jpg"))))
    out.append(("very_tall_3203x113", _c(photo(113, 3203, "rocket.jpg"))))
    flat = np.zeros((317, 419, 3), np.uint8)
    out.append(("flat_black_317x419", _c(flat)))
    out.append(("flat_white_317x419", _c(flat + 255)))
    out.append(("flat_grey128_389x283", _c(np.full((389, 283, 3), 128, np.uint8))))
    out.append(("flat_red_256x256", _c(np.broadcast_to(np.array([255, 0, 0], np.uint8),
                                                         (256, 256, 3)))))
    near = 128 + rng.integers(-1, 2, (401, 433, 3))
    out.append(("near_flat_grey_pm1_401x433", _c(near)))
    yy, xx = np.mgrid[0:359, 0:467]
    grad = 91 + (3.0 * (xx + 0.37 * yy) / (467 + 0.37 * 359))
    out.append(("near_flat_gradient_3_levels_359x467",
                _c(np.repeat(np.floor(grad)[:, :, None], 3, axis=2))))
    out.append(("uniform_noise_401x389", _c(rng.integers(0, 256, (401, 389, 3)))))
    out.append(("gaussian_noise_m128_s37_333x501",
                _c(np.clip(np.rint(rng.normal(128, 37, (333, 501, 3))), 0, 255))))
    sp = np.full((311, 311, 3), 131, np.uint8)
    mask = rng.random((311, 311))
    sp[mask < 0.053] = 0
    sp[mask > 0.947] = 255
    out.append(("salt_pepper_311x311", _c(sp)))
    yy, xx = np.mgrid[0:256, 0:256]
    out.append(("checkerboard_1px_256", _c(np.repeat((((xx + yy) % 2) * 255)[:, :, None], 3, 2))))
    yy, xx = np.mgrid[0:200, 0:300]
    out.append(("checkerboard_8px_200x300",
                _c(np.repeat((((xx // 8 + yy // 8) % 2) * 255)[:, :, None], 3, 2))))
    yy, xx = np.mgrid[0:243, 0:371]
    cb = ((xx // 3 + yy // 3) % 2).astype(bool)
    col = np.zeros((243, 371, 3), np.uint8)
    col[cb] = (231, 29, 54)
    col[~cb] = (17, 89, 211)
    out.append(("checkerboard_3px_coloured_243x371", _c(col)))
    st = np.zeros((287, 413, 3), np.uint8)
    st[:, ::2] = 255
    out.append(("stripes_vertical_1px_287x413", _c(st)))
    blocks = np.zeros((300, 451, 3), np.uint8)
    palette = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0), (0, 255, 255), (255, 0, 255)]
    for k, c in enumerate(palette):
        blocks[:, k * 451 // 6 : (k + 1) * 451 // 6] = c
    out.append(("primary_blocks_300x451", _c(blocks)))
    dark = _clip(photo(533, 401, "astronaut.png").astype(np.float32) * (3.0 / 255.0))
    out.append(("near_black_photo_0to3_401x533", _c(dark)))
    bright = _clip(photo(533, 401, "coffee.png").astype(np.float32) * 2.7)
    out.append(("clipped_highlights_photo_401x533", _c(bright)))
    return out


# ----------------------------------------------------------------------------- edge-case files


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(
        ">I", zlib.crc32(kind + data) & 0xFFFFFFFF
    )


_PNG_SIG = b"\x89PNG\r\n\x1a\n"


def _png_raw(w: int, h: int, depth: int, ctype: int, idat: bytes, interlace: int = 0) -> bytes:
    ihdr = struct.pack(">IIBBBBB", w, h, depth, ctype, 0, 0, interlace)
    return _PNG_SIG + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", idat) + _png_chunk(
        b"IEND", b""
    )


def _png_adam7(rgb: Array) -> bytes:
    h, w = rgb.shape[:2]
    passes = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
              (0, 1, 1, 2))
    raw = bytearray()
    for x0, y0, dx, dy in passes:
        sub = rgb[y0::dy, x0::dx]
        if sub.shape[0] == 0 or sub.shape[1] == 0:
            continue
        for row in sub:
            raw.append(0)
            raw += np.ascontiguousarray(row).tobytes()
    return _png_raw(w, h, 8, 2, zlib.compress(bytes(raw), 9), interlace=1)


def _save(im: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def _cv_encode(ext: str, arr: Array) -> bytes:
    ok, enc = cv2.imencode(ext, arr)
    if not ok:
        raise RuntimeError(f"cv2 could not encode {ext}")
    return enc.tobytes()


def edge_case_files() -> list[tuple[str, bytes]]:
    rng = np.random.default_rng(2026120743)
    out: list[tuple[str, bytes]] = []
    base = _resize(_sample("chelsea.png"), 173, 131)
    pil = Image.fromarray(base)
    yy, xx = np.mgrid[0:131, 0:173]

    # PNG
    rgb16 = (base.astype(np.uint16) * 257 + (xx[:, :, None] % 7).astype(np.uint16))
    out.append(("png_16bit_rgb", _cv_encode(".png", np.ascontiguousarray(rgb16[:, :, ::-1]))))
    g16 = (np.asarray(pil.convert("L")).astype(np.uint16) * 257 + (yy % 5).astype(np.uint16))
    out.append(("png_16bit_grey", _save(Image.fromarray(g16.astype(np.uint16)), "PNG")))
    rgba = pil.convert("RGBA")
    rgba.putalpha(Image.fromarray((xx * 255 // 172).astype(np.uint8)))
    out.append(("png_rgba_alpha_gradient", _save(rgba, "PNG")))
    la = pil.convert("LA")
    la.putalpha(Image.fromarray(np.where((xx // 11 + yy // 11) % 2, 255, 37).astype(np.uint8)))
    out.append(("png_grey_alpha_LA", _save(la, "PNG")))
    pal = pil.quantize(colors=37, dither=Image.Dither.FLOYDSTEINBERG)
    out.append(("png_palette_37_colours_transparency", _save(pal, "PNG", transparency=3)))
    out.append(("png_grey_L", _save(pil.convert("L"), "PNG")))
    out.append(("png_1bit", _save(pil.convert("1"), "PNG")))
    out.append(("png_adam7_interlaced", _png_adam7(base)))
    good = _save(pil, "PNG")
    out.append(("png_truncated_at_61pct", good[: int(len(good) * 0.61)]))
    bad = bytearray(good)
    idat = bytes(bad).find(b"IDAT")
    for k in (47, 113, 211):
        bad[idat + 4 + k] ^= 0x5A
    out.append(("png_corrupt_idat_bad_crc", bytes(bad)))
    row = zlib.compress(b"\x00" * 64, 9)
    out.append(("png_header_100000x100000_tiny_data", _png_raw(100000, 100000, 8, 2, row)))
    out.append(("png_header_2147483647x2147483647", _png_raw(2147483647, 2147483647, 8, 2, row)))
    out.append(("png_header_0x0", _png_raw(0, 0, 8, 2, row)))
    comp = zlib.compressobj(9)
    line = b"\x00" + b"\x00" * (30000 // 8)
    chunks = [comp.compress(line * 1000) for _ in range(30)]
    chunks.append(comp.flush())
    out.append(("png_bomb_1bit_30000x30000", _png_raw(30000, 30000, 1, 0, b"".join(chunks))))
    out.append(("png_trailing_garbage_1031_bytes", good + rng.bytes(1031)))
    ex = Image.Exif()
    ex[0x0112] = 3
    out.append(("png_exif_orientation_3", _save(pil, "PNG", exif=ex.tobytes())))
    out.append(("png_signature_only", _PNG_SIG))

    # JPEG
    jpg = _save(pil, "JPEG", quality=83)
    out.append(("jpeg_truncated_at_57pct", jpg[: int(len(jpg) * 0.57)]))
    out.append(("jpeg_cmyk", _save(pil.convert("CMYK"), "JPEG", quality=87)))
    for orient in (6, 8):
        ex = Image.Exif()
        ex[0x0112] = orient
        out.append((f"jpeg_exif_orientation_{orient}",
                    _save(pil, "JPEG", quality=86, exif=ex.tobytes())))
    out.append(("jpeg_progressive", _save(pil, "JPEG", quality=79, progressive=True)))
    out.append(("jpeg_grey", _save(pil.convert("L"), "JPEG", quality=81)))
    out.append(("jpeg_q100_444", _save(pil, "JPEG", quality=100, subsampling=0)))
    sof = (b"\xff\xd8" + b"\xff\xc0" + struct.pack(">HBHHB", 17, 8, 65500, 65500, 3)
           + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01")
    out.append(("jpeg_sof_65500x65500_then_end", sof + b"\xff\xd9"))
    out.append(("jpeg_soi_only", b"\xff\xd8"))

    # GIF / WebP
    frames = [Image.fromarray(np.roll(base, 29 * k, axis=1)) for k in range(4)]
    out.append(("gif_animated_4_frames", _save(frames[0], "GIF", save_all=True,
                                               append_images=frames[1:], duration=97, loop=0)))
    out.append(("gif_single_frame", _save(pil, "GIF")))
    out.append(("webp_animated_4_frames", _save(frames[0], "WEBP", save_all=True,
                                                append_images=frames[1:], duration=97, loop=0,
                                                quality=77)))
    out.append(("webp_lossless", _save(pil, "WEBP", lossless=True)))
    out.append(("webp_lossy_alpha", _save(rgba, "WEBP", quality=71)))

    # TIFF / BMP / others
    out.append(("tiff_rgb_raw", _save(pil, "TIFF")))
    out.append(("tiff_rgb_lzw", _save(pil, "TIFF", compression="tiff_lzw")))
    out.append(("tiff_multipage_3", _save(frames[0], "TIFF", save_all=True,
                                          append_images=frames[1:3])))
    out.append(("tiff_16bit_rgb", _cv_encode(".tiff", np.ascontiguousarray(rgb16[:, :, ::-1]))))
    out.append(("bmp_24bit", _save(pil, "BMP")))
    out.append(("bmp_32bit_rgba", _save(rgba, "BMP")))
    out.append(("bmp_8bit_palette", _save(pal, "BMP")))
    out.append(("bmp_1bit", _save(pil.convert("1"), "BMP")))
    out.append(("ppm_p6", _save(pil, "PPM")))
    out.append(("ico_64", _save(pil.resize((64, 64)), "ICO", sizes=[(64, 64)])))
    out.append(("empty_file", b""))
    out.append(("random_bytes_4099", rng.bytes(4099)))
    out.append(("plain_text", b"This is not an image.\nIt is plain UTF-8 text, 2026-12-07.\n"))
    out.append(("svg_text", b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
                            b'width="173" height="131"><rect width="173" height="131" '
                            b'fill="#3a7"/></svg>\n'))
    out.append(("html_text", b"<!doctype html><html><body><img src=x.png></body></html>\n"))
    return out
