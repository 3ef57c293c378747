"""Held-out watermark robustness set, round 2026-12-07r (blind, frozen).

PROVENANCE
    Written by an independent tester who did not learn how the watermark works.
    Read: safegen/backends/__init__.py, safegen/backends/base.py,
    safegen/backends/builtin.py (only to call the built-in offline text-to-image
    model), pyproject.toml, and the sample images shipped inside the installed
    packages scikit-image (skimage/data/*.png|*.jpg) and scikit-learn
    (sklearn/datasets/images/*.jpg), located with importlib.util.find_spec.
    Not read, grepped or imported: anything under safegen/watermark/, docs/,
    tests/, benchmarks/ (other than this file and its cache folder cache_r/;
    the only contact was one plain directory listing of the top level of
    benchmarks/ and an existence check for this file's own path, no file
    opened), README.md, any issue tracker, any other file under
    benchmarks/heldout/ (earlier rounds were never opened). No git command was
    run. No watermark encoder or decoder was run while writing this file, and
    every parameter below was chosen before any watermark result existed (none
    was seen). Parameters were deliberately picked off round numbers.
    Libraries: numpy, Pillow, OpenCV (cv2) from the project's venv; the
    built-in model through safegen.backends.builtin.BuiltinBackend.

FROZEN
    This file is never edited, not even for style: its sha256 is its identity.

SOURCES
    scikit-image sample images (skimage/data): astronaut.png, retina.jpg,
    hubble_deep_field.jpg, ihc.png, coffee.png, rocket.jpg, chelsea.png,
    moon.png, gravel.png, brick.png, grass.png, camera.png,
    motorcycle_right.png, motorcycle_left.png, coins.png, color.png.
    scikit-learn sample images (sklearn/datasets/images): china.jpg, flower.jpg.
    The built-in safegen model (safegen-builtin-scenes-diffusion, 256x256
    output), six prompts and seeds chosen here; outputs cached as PNG in
    cache_r/ and regenerated when absent. Screenshots and graphics are drawn
    here with OpenCV. Nothing is downloaded.

INTERFACE
    ROUND = "2026-12-07r"; CACHE_DIR = Path(__file__).resolve().parent / "cache_r"
    images() -> list[(name, image_class, rgb)], image_class in
        {"photo", "generated", "graphic", "screenshot"}; rgb C-contiguous uint8 (H, W, 3).
    attacks() -> list[(name, fn)]; fn(rgb) -> new C-contiguous uint8 (H', W', 3);
        deterministic (noise seeded from the attack name and the image's shape
        and content); the first attack is "none" (a copy).
    unmarked(n=10000, seed=2026120718) -> iterator of (name, rgb); item i depends
        only on np.random.default_rng([seed, i]) and the fixed sample images;
        every side in 96..1100.
    edge_cases() -> list[(name, rgb)]: awkward uint8 RGB arrays.
    edge_case_files() -> list[(name, bytes)]: awkward encoded files, byte-identical per run.

IMAGES (27)
    photo: photo_astronaut_512x512, photo_ihc_lowcontrast_512x512,
        photo_moon_grey_lowcontrast_512x512, photo_retina_1024x1024,
        photo_hubble_crop_4x3_1024x768, photo_hubble_2048x1786,
        photo_retina_portrait_823x1176, photo_coffee_portrait_352x503,
        photo_china_panorama_1313x451, photo_flower_4x3_568x426,
        photo_rocket_16x9_1366x768, photo_chelsea_dark_451x300,
        photo_coffee_bright_600x400, photo_gravel_sepia_3x2_768x512,
        photo_brick_texture_709x709, photo_motorcycle_3x2_1104x736,
        photo_coins_grey_384x303
    generated (built-in model, 256x256): gen_canyon_sunset_s40917,
        gen_snowy_peaks_s7731, gen_lagoon_noon_s290353, gen_hills_night_s18446,
        gen_foggy_forest_dawn_s66071, gen_wheat_storm_s5129
    screenshot: screenshot_dashboard_1366x768, screenshot_chat_phone_390x844
    graphic: graphic_bar_chart_880x620, graphic_poster_640x962

ATTACKS (79)
    none, flip_h, flip_v, stretch_w_1.07, stretch_h_0.91, stretch_w_0.88,
    stretch_both_w1.13_h0.94, crop_center_0.83, crop_center_0.57_resized_back,
    crop_offcenter_0.76x0.69_at0.21_0.63, crop_corner_tl_0.88,
    crop_corner_br_0.71_resized_back, crop_corner_tr_0.52, crop_x_only_0.79_at0.37,
    crop_y_only_0.66_at0.72_resized_back, rotate_+3.7_black, rotate_-7.3_white,
    rotate_+9.4_reflect, rotate_+5.6_expand_black, rotate_-8.2_expand_white,
    straighten_+4.3, straighten_-9.1, rotate_+6.7_inner_rect,
    rotate_-2.9_inner_rect_resized_back, rotate_+2.2_black_then_crop_center_0.81,
    rotate_-4.8_reflect_then_crop_offcenter_0.73_at0.64_0.29, pad_0.07_black,
    pad_uneven_t0.06_r0.17_b0.11_l0.09_white, pad_reflect_0.13,
    border_0.09_rgb37_112_203_resized_back, pad_uneven_t0.19_b0.05_grey_resized_back,
    jpeg_q31_420, jpeg_q47_420, jpeg_q63_444, jpeg_q72_420, jpeg_q86_444, webp_q53,
    webp_q71, webp_q88, downscale_0.43_area, downscale_0.61_area, down_up_0.47,
    down_up_0.69, upscale_1.94_cubic, upscale_2.06_lanczos,
    social_crop0.90_long1080_jpeg74, social_crop0.93_long1080_sharpen_jpeg77,
    msg_resize0.60_jpeg60, msg_resize0.57_jpeg62_then_jpeg56, msg_long1280_jpeg64,
    screen_browser_0.83_png, screen_browser_1.17_jpeg79, screen_phone_0.61_jpeg71,
    screen_document_0.73_png, blur_gauss_1.3, blur_gauss_2.1, sharpen_unsharp_1.6_0.8,
    median_3, noise_gauss_4.7, noise_gauss_11.3, brightness_+23, contrast_1.27,
    gamma_0.74, gamma_1.38, saturation_1.41, saturation_0.37, greyscale,
    combo_crop_center_0.87_jpeg_q68, combo_straighten_+1.9_jpeg_q77,
    combo_flip_h_downscale_0.66_jpeg_q58, combo_brightness_+14_contrast_1.18_jpeg_q82,
    combo_stretch_w_1.09_webp_q64, combo_pad_0.12_black_downscale_0.71,
    combo_blur_0.9_noise_3.1_jpeg_q71, combo_greyscale_crop_corner_bl_0.82,
    combo_gamma_1.21_saturation_0.78_jpeg444_q74,
    combo_rotate_-3.3_reflect_upscale_1.53, combo_median_3_sharpen_jpeg_q49,
    combo_crop_off_0.68_resized_back_flip_h_webp_q79
    (79 in all; the names above are the exact names, in order.)

UNMARKED
    unmarked(n, seed) yields n images that never saw a watermark: random crops,
    rescales, tone changes and JPEG round trips of the sample images, collages,
    colourised textures, synthetic gradients with shapes, drawn text/UI
    pictures and smoothed noise. Item i uses only np.random.default_rng([seed, i])
    and the fixed sample images; both sides lie in 96..1100.

EDGE CASES
    edge_cases(): tiny (1x1, 2x3, 7x5, 16x16, 33x47), 1-px strips (1x640,
    777x1), a huge 4000x3000 photo, very wide 6000x80, very tall 64x4100, flat
    black/white/grey/colour, near-flat (+-1 noise, a 2-level gradient), uniform
    and Gaussian noise, 1-px and 8-px checkerboards, 2-px stripes, saturated
    primaries, a single white dot on black, a read-only array and a
    non-contiguous strided view.
    edge_case_files(): 16-bit RGB and grey PNG, 16-bit RGBA PNG, RGBA (partly
    and fully transparent), palette (with and without transparency), grey,
    grey+alpha, 1-bit, Adam7-interlaced RGB and grey PNG, truncated PNG,
    corrupt-IDAT PNG, bad-CRC PNG, PNG signature only, a PNG whose header
    declares 100000x100000, a 0x0 PNG header, a valid 12000x9000 grey
    decompression bomb PNG, PNG with a 1 MB text chunk, truncated JPEG, JPEG
    SOI only, CMYK JPEG, EXIF-rotated JPEGs (orientation 6, 3, 8), progressive
    and grey JPEG, animated GIF, single-frame GIF, animated WebP, lossless WebP,
    TIFF (raw and LZW), BMP, ICO, an empty file, random bytes, plain text, HTML
    and SVG text.
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
from PIL import Image

ROUND = "2026-12-07r"
CACHE_DIR = Path(__file__).resolve().parent / "cache_r"

Array = np.ndarray
Attack = Callable[[Array], Array]

# ----------------------------------------------------------------------------- helpers


def _out(a: Array) -> Array:
    a = np.asarray(a)
    if a.ndim == 2:
        a = np.repeat(a[:, :, None], 3, axis=2)
    if a.shape[2] == 4:
        a = a[:, :, :3]
    if a.dtype != np.uint8:
        a = np.clip(np.round(a), 0, 255).astype(np.uint8)
    return np.ascontiguousarray(a).copy()


def _pkg_dir(module: str, sub: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"{module} is not installed (needed for its sample images)")
    return Path(spec.origin).resolve().parent / sub


@functools.cache
def _sample(name: str) -> Array:
    """A shipped sample image as RGB uint8 (grey repeated, alpha dropped)."""
    if name in ("china.jpg", "flower.jpg"):
        path = _pkg_dir("sklearn", "datasets/images") / name
    else:
        path = _pkg_dir("skimage", "data") / name
    with Image.open(path) as im:
        im.load()
        rgb = np.asarray(im.convert("RGB"))
    out = np.ascontiguousarray(rgb)
    out.setflags(write=False)
    return out


def _resize(a: Array, w: int, h: int, interp: int | None = None) -> Array:
    w, h = max(1, int(w)), max(1, int(h))
    if interp is None:
        interp = cv2.INTER_AREA if (w < a.shape[1] and h < a.shape[0]) else cv2.INTER_CUBIC
    return _out(cv2.resize(np.ascontiguousarray(a), (w, h), interpolation=interp))


def _pil_resize(a: Array, w: int, h: int, method: int = Image.Resampling.LANCZOS) -> Array:
    return _out(np.asarray(Image.fromarray(np.ascontiguousarray(a)).resize(
        (max(1, int(w)), max(1, int(h))), method)))


def _crop(a: Array, fx: float, fy: float, ax: float, ay: float) -> Array:
    """Keep fx x fy of the sides; the crop's origin at (ax, ay) of the slack."""
    h, w = a.shape[:2]
    cw, ch = max(1, round(w * fx)), max(1, round(h * fy))
    x0 = int(round((w - cw) * ax))
    y0 = int(round((h - ch) * ay))
    return _out(a[y0:y0 + ch, x0:x0 + cw])


def _jpeg(a: Array, q: int, subsampling: int = 2) -> Array:
    buf = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(a)).save(buf, "JPEG", quality=q, subsampling=subsampling)
    buf.seek(0)
    with Image.open(buf) as im:
        return _out(np.asarray(im.convert("RGB")))


def _jpeg_cv(a: Array, q: int) -> Array:
    ok, enc = cv2.imencode(".jpg", np.ascontiguousarray(a[:, :, ::-1]),
                           [cv2.IMWRITE_JPEG_QUALITY, q])
    assert ok
    return _out(cv2.imdecode(enc, cv2.IMREAD_COLOR)[:, :, ::-1])


def _webp(a: Array, q: int) -> Array:
    buf = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(a)).save(buf, "WEBP", quality=q, method=4)
    buf.seek(0)
    with Image.open(buf) as im:
        return _out(np.asarray(im.convert("RGB")))


_FILL = {"black": (0, 0, 0), "white": (255, 255, 255)}


def _rotate(a: Array, deg: float, fill: str = "black", expand: bool = False) -> Array:
    h, w = a.shape[:2]
    centre = ((w - 1) / 2.0, (h - 1) / 2.0)
    m = cv2.getRotationMatrix2D(centre, deg, 1.0)
    ow, oh = w, h
    if expand:
        c, s = abs(m[0, 0]), abs(m[0, 1])
        ow = int(math.ceil(w * c + h * s))
        oh = int(math.ceil(w * s + h * c))
        m[0, 2] += (ow - 1) / 2.0 - centre[0]
        m[1, 2] += (oh - 1) / 2.0 - centre[1]
    if fill == "reflect":
        border, value = cv2.BORDER_REFLECT_101, (0, 0, 0)
    else:
        border, value = cv2.BORDER_CONSTANT, _FILL[fill]
    return _out(cv2.warpAffine(np.ascontiguousarray(a), m, (ow, oh), flags=cv2.INTER_CUBIC,
                               borderMode=border, borderValue=value))


def _inner_rect(w: int, h: int, deg: float) -> tuple[int, int]:
    """Largest axis-aligned rectangle inside a w x h rectangle rotated by deg."""
    ang = math.radians(deg)
    long_side, short_side = (w, h) if w >= h else (h, w)
    sa, ca = abs(math.sin(ang)), abs(math.cos(ang))
    if sa < 1e-12:
        return w, h
    if short_side <= 2.0 * sa * ca * long_side or abs(sa - ca) < 1e-10:
        x = 0.5 * short_side
        wr, hr = (x / sa, x / ca) if w >= h else (x / ca, x / sa)
    else:
        cos2 = ca * ca - sa * sa
        wr, hr = (w * ca - h * sa) / cos2, (h * ca - w * sa) / cos2
    return max(1, int(math.floor(wr)) - 2), max(1, int(math.floor(hr)) - 2)


def _centre_crop_px(a: Array, cw: int, ch: int) -> Array:
    h, w = a.shape[:2]
    cw, ch = max(1, min(w, cw)), max(1, min(h, ch))
    x0, y0 = (w - cw) // 2, (h - ch) // 2
    return _out(a[y0:y0 + ch, x0:x0 + cw])


def _rotate_inner(a: Array, deg: float, resize_back: bool) -> Array:
    h, w = a.shape[:2]
    r = _rotate(a, deg, "black", expand=False)
    iw, ih = _inner_rect(w, h, deg)
    c = _centre_crop_px(r, iw, ih)
    return _resize(c, w, h) if resize_back else c


def _straighten(a: Array, deg: float) -> Array:
    """Rotate, crop the largest centred rectangle of the original aspect, resize back."""
    h, w = a.shape[:2]
    ang = math.radians(deg)
    s, c = abs(math.sin(ang)), abs(math.cos(ang))
    k = min(w / (w * c + h * s), h / (w * s + h * c))
    r = _rotate(a, deg, "black", expand=False)
    cw, ch = max(1, int(math.floor(w * k)) - 2), max(1, int(math.floor(h * k)) - 2)
    return _resize(_centre_crop_px(r, cw, ch), w, h)


def _pad(a: Array, t: float, r: float, b: float, lf: float, mode: str,
         colour: tuple[int, int, int] = (0, 0, 0), resize_back: bool = False) -> Array:
    h, w = a.shape[:2]
    pt, pb = round(h * t), round(h * b)
    pl, pr = round(w * lf), round(w * r)
    if mode == "reflect":
        out = cv2.copyMakeBorder(np.ascontiguousarray(a), pt, pb, pl, pr, cv2.BORDER_REFLECT_101)
    elif mode == "replicate":
        out = cv2.copyMakeBorder(np.ascontiguousarray(a), pt, pb, pl, pr, cv2.BORDER_REPLICATE)
    else:
        out = cv2.copyMakeBorder(np.ascontiguousarray(a), pt, pb, pl, pr, cv2.BORDER_CONSTANT,
                                 value=colour)
    return _resize(out, w, h) if resize_back else _out(out)


def _seed_for(name: str, a: Array) -> np.random.Generator:
    h, w = a.shape[:2]
    digest = zlib.crc32(np.ascontiguousarray(a).tobytes())
    return np.random.default_rng([zlib.crc32(name.encode()), h, w, digest])


def _noise(name: str, sigma: float) -> Attack:
    def fn(a: Array) -> Array:
        rng = _seed_for(name, a)
        n = rng.normal(0.0, sigma, size=a.shape)
        return _out(np.clip(a.astype(np.float64) + n, 0, 255))
    return fn


def _gauss_blur(a: Array, sigma: float) -> Array:
    return _out(cv2.GaussianBlur(np.ascontiguousarray(a), (0, 0), sigma))


def _unsharp(a: Array, sigma: float, amount: float) -> Array:
    f = a.astype(np.float32)
    blur = cv2.GaussianBlur(f, (0, 0), sigma)
    return _out(np.clip(f + amount * (f - blur), 0, 255))


def _median(a: Array, k: int) -> Array:
    return _out(cv2.medianBlur(np.ascontiguousarray(a), k))


def _brightness_add(a: Array, d: float) -> Array:
    return _out(np.clip(a.astype(np.float32) + d, 0, 255))


def _brightness_mul(a: Array, m: float) -> Array:
    return _out(np.clip(a.astype(np.float32) * m, 0, 255))


def _contrast(a: Array, c: float) -> Array:
    f = a.astype(np.float32)
    mean = float(f.mean())
    return _out(np.clip((f - mean) * c + mean, 0, 255))


def _gamma(a: Array, g: float) -> Array:
    lut = np.clip(np.round(255.0 * (np.arange(256) / 255.0) ** g), 0, 255).astype(np.uint8)
    return _out(lut[a])


def _luma(a: Array) -> Array:
    f = a.astype(np.float32)
    return 0.299 * f[:, :, 0] + 0.587 * f[:, :, 1] + 0.114 * f[:, :, 2]


def _saturation(a: Array, s: float) -> Array:
    f = a.astype(np.float32)
    y = _luma(a)[:, :, None]
    return _out(np.clip(y + (f - y) * s, 0, 255))


def _grey(a: Array) -> Array:
    return _out(np.asarray(Image.fromarray(np.ascontiguousarray(a)).convert("L").convert("RGB")))


def _scale(a: Array, f: float, interp: int | None = None) -> Array:
    h, w = a.shape[:2]
    return _resize(a, round(w * f), round(h * f), interp)


def _long_side(a: Array, side: int, only_down: bool = False) -> Array:
    h, w = a.shape[:2]
    long = max(h, w)
    if only_down and long <= side:
        return _out(a)
    f = side / long
    return _pil_resize(a, round(w * f), round(h * f))


# ------------------------------------------------------------------ simulated screens

_FONT = cv2.FONT_HERSHEY_SIMPLEX


def _text(img: Array, s: str, x: int, y: int, scale: float, colour: tuple[int, int, int],
          thick: int = 1) -> None:
    cv2.putText(img, s, (x, y), _FONT, scale, colour, thick, cv2.LINE_AA)


def _screen_browser(a: Array, scale: float, jpeg_q: int | None) -> Array:
    img = _resize(a, round(a.shape[1] * scale), round(a.shape[0] * scale), cv2.INTER_LINEAR)
    ih, iw = img.shape[:2]
    mx, top, head, bottom = 58, 97, 33, 61
    W, H = max(iw + 2 * mx, 420), ih + top + head + bottom
    c = np.full((H, W, 3), 255, np.uint8)
    c[:38] = (222, 225, 230)
    cv2.rectangle(c, (11, 6), (min(W - 1, 251), 38), (255, 255, 255), -1)
    _text(c, "Gallery - item 4417", 22, 27, 0.47, (60, 64, 67))
    c[38:top] = (247, 248, 250)
    cv2.rectangle(c, (97, 47), (W - 41, 86), (234, 236, 239), -1)
    _text(c, "https://example.org/gallery/item-4417?ref=feed", 113, 73, 0.5, (32, 33, 36))
    for i, x in enumerate((17, 43, 69)):
        cv2.circle(c, (x + 4, 66), 8, (95 + 20 * i, 99, 104), 1, cv2.LINE_AA)
    c[top - 1] = (200, 203, 207)
    _text(c, "Sunset study, uploaded by a reader", mx, top + 23, 0.62, (20, 20, 20), 1)
    x0 = (W - iw) // 2
    c[top + head:top + head + ih, x0:x0 + iw] = img
    _text(c, "1,284 views   Share   Save", mx, top + head + ih + 37, 0.5, (95, 99, 104))
    return _jpeg(c, jpeg_q) if jpeg_q else _out(c)


def _screen_phone(a: Array, scale: float, jpeg_q: int | None) -> Array:
    img = _resize(a, round(a.shape[1] * scale), round(a.shape[0] * scale), cv2.INTER_LINEAR)
    ih, iw = img.shape[:2]
    W = max(iw + 2 * 14, 300)
    status, bar, foot = 44, 56, 153
    H = ih + status + bar + foot
    c = np.full((H, W, 3), (250, 250, 250), np.uint8)
    c[:status] = (18, 18, 18)
    _text(c, "9:41", 17, 29, 0.55, (255, 255, 255), 1)
    cv2.rectangle(c, (W - 47, 15), (W - 19, 29), (255, 255, 255), 1)
    cv2.rectangle(c, (W - 45, 17), (W - 27, 27), (255, 255, 255), -1)
    cv2.circle(c, (31, status + 28), 16, (181, 97, 211), -1, cv2.LINE_AA)
    _text(c, "northern_lights_fan", 57, status + 34, 0.5, (20, 20, 20), 1)
    x0 = (W - iw) // 2
    c[status + bar:status + bar + ih, x0:x0 + iw] = img
    y = status + bar + ih
    for x in (19, 59, 99):
        cv2.circle(c, (x + 9, y + 27), 10, (38, 38, 38), 2, cv2.LINE_AA)
    _text(c, "3,907 likes", 17, y + 68, 0.5, (20, 20, 20), 1)
    _text(c, "what a view from the ridge tonight", 17, y + 94, 0.45, (38, 38, 38))
    cv2.rectangle(c, (W // 2 - 67, H - 13), (W // 2 + 67, H - 8), (20, 20, 20), -1)
    return _jpeg(c, jpeg_q) if jpeg_q else _out(c)


def _screen_document(a: Array, scale: float, jpeg_q: int | None) -> Array:
    img = _resize(a, round(a.shape[1] * scale), round(a.shape[0] * scale), cv2.INTER_AREA)
    ih, iw = img.shape[:2]
    margin = 71
    W = max(iw + 2 * margin, 480)
    above, below = 187, 149
    H = ih + above + below
    c = np.full((H, W, 3), (229, 229, 229), np.uint8)
    cv2.rectangle(c, (23, 9), (W - 24, H - 1), (255, 255, 255), -1)
    rng = np.random.default_rng(731)
    _text(c, "3.2 Field observations", margin, 47, 0.72, (15, 15, 15), 2)
    for k in range(5):
        y = 71 + 21 * k
        length = int((W - 2 * margin) * (0.62 + 0.37 * rng.random()))
        cv2.rectangle(c, (margin, y), (margin + length, y + 8), (150, 150, 150), -1)
    x0 = (W - iw) // 2
    y0 = above - 6
    cv2.rectangle(c, (x0 - 2, y0 - 2), (x0 + iw + 1, y0 + ih + 1), (120, 120, 120), 1)
    c[y0:y0 + ih, x0:x0 + iw] = img
    _text(c, "Figure 7. Sample collected on site.", margin, y0 + ih + 31, 0.5, (60, 60, 60))
    for k in range(3):
        y = y0 + ih + 57 + 21 * k
        length = int((W - 2 * margin) * (0.55 + 0.43 * rng.random()))
        cv2.rectangle(c, (margin, y), (margin + length, y + 8), (150, 150, 150), -1)
    return _jpeg(c, jpeg_q) if jpeg_q else _out(c)


# ------------------------------------------------------------------------------ attacks


def _chain(*fns: Attack) -> Attack:
    def fn(a: Array) -> Array:
        for f in fns:
            a = f(a)
        return _out(a)
    return fn


def _social_a(a: Array) -> Array:
    a = _crop(a, 0.90, 0.90, 0.43, 0.55)
    a = _long_side(a, 1080)
    return _jpeg(a, 74, 2)


def _social_b(a: Array) -> Array:
    a = _crop(a, 0.93, 0.93, 0.61, 0.38)
    a = _long_side(a, 1080)
    a = _unsharp(a, 0.8, 0.45)
    return _jpeg(a, 77, 2)


def _msg_a(a: Array) -> Array:
    return _jpeg_cv(_scale(a, 0.60, cv2.INTER_AREA), 60)


def _msg_b(a: Array) -> Array:
    a = _jpeg(_scale(a, 0.57, cv2.INTER_LINEAR), 62, 2)
    return _jpeg(a, 56, 2)


def _msg_c(a: Array) -> Array:
    return _jpeg_cv(_long_side(a, 1280, only_down=True), 64)


def attacks() -> list[tuple[str, Attack]]:
    L = cv2.INTER_LINEAR
    A: list[tuple[str, Attack]] = [
        ("none", lambda a: _out(a)),
        ("flip_h", lambda a: _out(a[:, ::-1])),
        ("flip_v", lambda a: _out(a[::-1])),
        ("stretch_w_1.07", lambda a: _resize(a, round(a.shape[1] * 1.07), a.shape[0])),
        ("stretch_h_0.91", lambda a: _resize(a, a.shape[1], round(a.shape[0] * 0.91))),
        ("stretch_w_0.88", lambda a: _resize(a, round(a.shape[1] * 0.88), a.shape[0])),
        ("stretch_both_w1.13_h0.94",
         lambda a: _resize(a, round(a.shape[1] * 1.13), round(a.shape[0] * 0.94), L)),
        ("crop_center_0.83", lambda a: _crop(a, 0.83, 0.83, 0.5, 0.5)),
        ("crop_center_0.57_resized_back",
         lambda a: _resize(_crop(a, 0.57, 0.57, 0.5, 0.5), a.shape[1], a.shape[0])),
        ("crop_offcenter_0.76x0.69_at0.21_0.63", lambda a: _crop(a, 0.76, 0.69, 0.21, 0.63)),
        ("crop_corner_tl_0.88", lambda a: _crop(a, 0.88, 0.88, 0.0, 0.0)),
        ("crop_corner_br_0.71_resized_back",
         lambda a: _resize(_crop(a, 0.71, 0.71, 1.0, 1.0), a.shape[1], a.shape[0])),
        ("crop_corner_tr_0.52", lambda a: _crop(a, 0.52, 0.52, 1.0, 0.0)),
        ("crop_x_only_0.79_at0.37", lambda a: _crop(a, 0.79, 1.0, 0.37, 0.0)),
        ("crop_y_only_0.66_at0.72_resized_back",
         lambda a: _resize(_crop(a, 1.0, 0.66, 0.0, 0.72), a.shape[1], a.shape[0])),
        ("rotate_+3.7_black", lambda a: _rotate(a, 3.7, "black")),
        ("rotate_-7.3_white", lambda a: _rotate(a, -7.3, "white")),
        ("rotate_+9.4_reflect", lambda a: _rotate(a, 9.4, "reflect")),
        ("rotate_+5.6_expand_black", lambda a: _rotate(a, 5.6, "black", expand=True)),
        ("rotate_-8.2_expand_white", lambda a: _rotate(a, -8.2, "white", expand=True)),
        ("straighten_+4.3", lambda a: _straighten(a, 4.3)),
        ("straighten_-9.1", lambda a: _straighten(a, -9.1)),
        ("rotate_+6.7_inner_rect", lambda a: _rotate_inner(a, 6.7, resize_back=False)),
        ("rotate_-2.9_inner_rect_resized_back",
         lambda a: _rotate_inner(a, -2.9, resize_back=True)),
        ("rotate_+2.2_black_then_crop_center_0.81",
         lambda a: _crop(_rotate(a, 2.2, "black"), 0.81, 0.81, 0.5, 0.5)),
        ("rotate_-4.8_reflect_then_crop_offcenter_0.73_at0.64_0.29",
         lambda a: _crop(_rotate(a, -4.8, "reflect"), 0.73, 0.73, 0.64, 0.29)),
        ("pad_0.07_black", lambda a: _pad(a, 0.07, 0.07, 0.07, 0.07, "constant", (0, 0, 0))),
        ("pad_uneven_t0.06_r0.17_b0.11_l0.09_white",
         lambda a: _pad(a, 0.06, 0.17, 0.11, 0.09, "constant", (255, 255, 255))),
        ("pad_reflect_0.13", lambda a: _pad(a, 0.13, 0.13, 0.13, 0.13, "reflect")),
        ("border_0.09_rgb37_112_203_resized_back",
         lambda a: _pad(a, 0.09, 0.09, 0.09, 0.09, "constant", (37, 112, 203), True)),
        ("pad_uneven_t0.19_b0.05_grey_resized_back",
         lambda a: _pad(a, 0.19, 0.0, 0.05, 0.0, "constant", (127, 129, 131), True)),
        ("jpeg_q31_420", lambda a: _jpeg(a, 31, 2)),
        ("jpeg_q47_420", lambda a: _jpeg(a, 47, 2)),
        ("jpeg_q63_444", lambda a: _jpeg(a, 63, 0)),
        ("jpeg_q72_420", lambda a: _jpeg(a, 72, 2)),
        ("jpeg_q86_444", lambda a: _jpeg(a, 86, 0)),
        ("webp_q53", lambda a: _webp(a, 53)),
        ("webp_q71", lambda a: _webp(a, 71)),
        ("webp_q88", lambda a: _webp(a, 88)),
        ("downscale_0.43_area", lambda a: _scale(a, 0.43, cv2.INTER_AREA)),
        ("downscale_0.61_area", lambda a: _scale(a, 0.61, cv2.INTER_AREA)),
        ("down_up_0.47",
         lambda a: _resize(_scale(a, 0.47, cv2.INTER_AREA), a.shape[1], a.shape[0], L)),
        ("down_up_0.69",
         lambda a: _resize(_scale(a, 0.69, cv2.INTER_AREA), a.shape[1], a.shape[0],
                           cv2.INTER_CUBIC)),
        ("upscale_1.94_cubic", lambda a: _scale(a, 1.94, cv2.INTER_CUBIC)),
        ("upscale_2.06_lanczos",
         lambda a: _pil_resize(a, round(a.shape[1] * 2.06), round(a.shape[0] * 2.06))),
        ("social_crop0.90_long1080_jpeg74", _social_a),
        ("social_crop0.93_long1080_sharpen_jpeg77", _social_b),
        ("msg_resize0.60_jpeg60", _msg_a),
        ("msg_resize0.57_jpeg62_then_jpeg56", _msg_b),
        ("msg_long1280_jpeg64", _msg_c),
        ("screen_browser_0.83_png", lambda a: _screen_browser(a, 0.83, None)),
        ("screen_browser_1.17_jpeg79", lambda a: _screen_browser(a, 1.17, 79)),
        ("screen_phone_0.61_jpeg71", lambda a: _screen_phone(a, 0.61, 71)),
        ("screen_document_0.73_png", lambda a: _screen_document(a, 0.73, None)),
        ("blur_gauss_1.3", lambda a: _gauss_blur(a, 1.3)),
        ("blur_gauss_2.1", lambda a: _gauss_blur(a, 2.1)),
        ("sharpen_unsharp_1.6_0.8", lambda a: _unsharp(a, 1.6, 0.8)),
        ("median_3", lambda a: _median(a, 3)),
        ("noise_gauss_4.7", _noise("noise_gauss_4.7", 4.7)),
        ("noise_gauss_11.3", _noise("noise_gauss_11.3", 11.3)),
        ("brightness_+23", lambda a: _brightness_add(a, 23)),
        ("contrast_1.27", lambda a: _contrast(a, 1.27)),
        ("gamma_0.74", lambda a: _gamma(a, 0.74)),
        ("gamma_1.38", lambda a: _gamma(a, 1.38)),
        ("saturation_1.41", lambda a: _saturation(a, 1.41)),
        ("saturation_0.37", lambda a: _saturation(a, 0.37)),
        ("greyscale", _grey),
        ("combo_crop_center_0.87_jpeg_q68",
         _chain(lambda a: _crop(a, 0.87, 0.87, 0.5, 0.5), lambda a: _jpeg(a, 68, 2))),
        ("combo_straighten_+1.9_jpeg_q77",
         _chain(lambda a: _straighten(a, 1.9), lambda a: _jpeg(a, 77, 2))),
        ("combo_flip_h_downscale_0.66_jpeg_q58",
         _chain(lambda a: _out(a[:, ::-1]), lambda a: _scale(a, 0.66, cv2.INTER_AREA),
                lambda a: _jpeg(a, 58, 2))),
        ("combo_brightness_+14_contrast_1.18_jpeg_q82",
         _chain(lambda a: _brightness_add(a, 14), lambda a: _contrast(a, 1.18),
                lambda a: _jpeg(a, 82, 2))),
        ("combo_stretch_w_1.09_webp_q64",
         _chain(lambda a: _resize(a, round(a.shape[1] * 1.09), a.shape[0]),
                lambda a: _webp(a, 64))),
        ("combo_pad_0.12_black_downscale_0.71",
         _chain(lambda a: _pad(a, 0.12, 0.12, 0.12, 0.12, "constant", (0, 0, 0)),
                lambda a: _scale(a, 0.71, cv2.INTER_AREA))),
        ("combo_blur_0.9_noise_3.1_jpeg_q71",
         _chain(lambda a: _gauss_blur(a, 0.9), _noise("combo_blur_0.9_noise_3.1_jpeg_q71", 3.1),
                lambda a: _jpeg(a, 71, 2))),
        ("combo_greyscale_crop_corner_bl_0.82",
         _chain(_grey, lambda a: _crop(a, 0.82, 0.82, 0.0, 1.0))),
        ("combo_gamma_1.21_saturation_0.78_jpeg444_q74",
         _chain(lambda a: _gamma(a, 1.21), lambda a: _saturation(a, 0.78),
                lambda a: _jpeg(a, 74, 0))),
        ("combo_rotate_-3.3_reflect_upscale_1.53",
         _chain(lambda a: _rotate(a, -3.3, "reflect"),
                lambda a: _scale(a, 1.53, cv2.INTER_CUBIC))),
        ("combo_median_3_sharpen_jpeg_q49",
         _chain(lambda a: _median(a, 3), lambda a: _unsharp(a, 1.1, 0.6),
                lambda a: _jpeg(a, 49, 2))),
        ("combo_crop_off_0.68_resized_back_flip_h_webp_q79",
         _chain(lambda a: _resize(_crop(a, 0.68, 0.68, 0.31, 0.57), a.shape[1], a.shape[0]),
                lambda a: _out(a[:, ::-1]), lambda a: _webp(a, 79))),
    ]
    return A


# ------------------------------------------------------------------------------- images

_GEN = [
    ("gen_canyon_sunset_s40917", "a red desert canyon at sunset under an orange sky", 40917),
    ("gen_snowy_peaks_s7731", "snowy mountains beneath a pale blue winter sky", 7731),
    ("gen_lagoon_noon_s290353", "a calm turquoise lagoon with palm trees at noon", 290353),
    ("gen_hills_night_s18446", "rolling green hills at night under a purple sky", 18446),
    ("gen_foggy_forest_dawn_s66071", "a foggy pine forest beside a dark lake at dawn", 66071),
    ("gen_wheat_storm_s5129", "golden wheat fields under a stormy grey sky", 5129),
]


def _generated() -> list[tuple[str, Array]]:
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    missing = [g for g in _GEN if not (CACHE_DIR / f"{g[0]}.png").exists()]
    if missing:
        from safegen.backends.base import BackendRequest
        from safegen.backends.builtin import BuiltinBackend

        backend = BuiltinBackend()
        for name, prompt, seed in missing:
            (img,) = backend.generate(BackendRequest(prompt=prompt, negative_prompt=None,
                                                     seeds=(seed,)))
            tmp = CACHE_DIR / f"{name}.tmp.png"
            img.convert("RGB").save(tmp, "PNG")
            tmp.replace(CACHE_DIR / f"{name}.png")
    out = []
    for name, _, _ in _GEN:
        with Image.open(CACHE_DIR / f"{name}.png") as im:
            out.append((name, _out(np.asarray(im.convert("RGB")))))
    return out


def _photos() -> list[tuple[str, Array]]:
    P: list[tuple[str, Array]] = []
    P.append(("photo_astronaut_512x512", _out(_sample("astronaut.png"))))
    P.append(("photo_ihc_lowcontrast_512x512",
              _out(np.clip((_sample("ihc.png").astype(np.float32) - 171.3) * 0.45 + 171.3,
                           0, 255))))
    moon = _sample("moon.png").astype(np.float32)
    P.append(("photo_moon_grey_lowcontrast_512x512",
              _out(np.clip((moon - moon.mean()) * 0.62 + moon.mean() + 9, 0, 255))))
    P.append(("photo_retina_1024x1024", _resize(_sample("retina.jpg"), 1024, 1024)))
    hub = _sample("hubble_deep_field.jpg")
    P.append(("photo_hubble_crop_4x3_1024x768",
              _resize(hub[61:61 + 750, :1000], 1024, 768, cv2.INTER_CUBIC)))
    P.append(("photo_hubble_2048x1786", _pil_resize(hub, 2048, 1786)))
    P.append(("photo_retina_portrait_823x1176",
              _resize(_sample("retina.jpg")[:, 211:211 + 988], 823, 1176)))
    P.append(("photo_coffee_portrait_352x503",
              _resize(_sample("coffee.png")[:, 173:173 + 280], 352, 503, cv2.INTER_CUBIC)))
    P.append(("photo_china_panorama_1313x451",
              _pil_resize(_sample("china.jpg")[97:97 + 220], 1313, 451)))
    P.append(("photo_flower_4x3_568x426", _out(_sample("flower.jpg")[1:427, 39:39 + 568])))
    P.append(("photo_rocket_16x9_1366x768",
              _resize(_sample("rocket.jpg")[23:23 + 360], 1366, 768, cv2.INTER_CUBIC)))
    P.append(("photo_chelsea_dark_451x300", _brightness_mul(_gamma(_sample("chelsea.png"), 1.9),
                                                             0.63)))
    P.append(("photo_coffee_bright_600x400",
              _brightness_add(_gamma(_sample("coffee.png"), 0.66), 19)))
    grav = _sample("gravel.png")[83:83 + 341].astype(np.float32)
    sepia = np.stack([grav[:, :, 0] * 1.07 + 11, grav[:, :, 1] * 0.93 + 4, grav[:, :, 2] * 0.71],
                     axis=2)
    P.append(("photo_gravel_sepia_3x2_768x512",
              _resize(np.clip(sepia, 0, 255), 768, 512, cv2.INTER_CUBIC)))
    P.append(("photo_brick_texture_709x709",
              _resize(_sample("brick.png"), 709, 709, cv2.INTER_LANCZOS4)))
    P.append(("photo_motorcycle_3x2_1104x736",
              _pil_resize(_sample("motorcycle_right.png")[4:4 + 494], 1104, 736)))
    P.append(("photo_coins_grey_384x303", _out(_sample("coins.png"))))
    return P


def _screenshot_dashboard() -> Array:
    W, H = 1366, 768
    c = np.full((H, W, 3), (246, 247, 249), np.uint8)
    c[:31] = (44, 47, 51)
    _text(c, "Metrics - Operations dashboard", 13, 21, 0.5, (230, 230, 230))
    c[31:, :217] = (32, 36, 44)
    items = ["Overview", "Traffic", "Latency", "Errors", "Deploys", "Alerts", "Settings"]
    for i, s in enumerate(items):
        y = 71 + 37 * i
        if i == 2:
            c[y - 23:y + 12, :217] = (57, 97, 171)
        _text(c, s, 29, y, 0.55, (221, 225, 232))
    for k, (label, val, col) in enumerate([("p50 latency", "41.7 ms", (46, 139, 87)),
                                           ("p99 latency", "318 ms", (205, 92, 62)),
                                           ("req/s", "12,963", (57, 97, 171)),
                                           ("errors", "0.37 %", (178, 34, 52))]):
        x = 241 + 277 * k
        cv2.rectangle(c, (x, 51), (x + 259, 143), (255, 255, 255), -1)
        cv2.rectangle(c, (x, 51), (x + 259, 143), (221, 223, 227), 1)
        _text(c, label, x + 15, 79, 0.5, (110, 114, 120))
        _text(c, val, x + 15, 124, 1.05, col, 2)
    cv2.rectangle(c, (241, 163), (1342, 471), (255, 255, 255), -1)
    cv2.rectangle(c, (241, 163), (1342, 471), (221, 223, 227), 1)
    rng = np.random.default_rng(4411)
    xs = np.linspace(263, 1321, 97)
    ys = 331 + np.cumsum(rng.normal(0, 7.3, xs.size))
    ys = np.clip(ys, 191, 451)
    for yy in range(199, 460, 43):
        cv2.line(c, (263, yy), (1321, yy), (236, 237, 240), 1)
    pts = np.stack([xs, ys], axis=1).round().astype(np.int32)
    cv2.polylines(c, [pts], False, (57, 97, 171), 2, cv2.LINE_AA)
    cv2.polylines(c, [pts + np.array([0, 37])], False, (205, 92, 62), 1, cv2.LINE_AA)
    cv2.rectangle(c, (241, 491), (1342, 751), (255, 255, 255), -1)
    heads = ["service", "region", "p50", "p99", "status"]
    for j, hd in enumerate(heads):
        _text(c, hd, 263 + 213 * j, 519, 0.5, (90, 94, 100), 1)
    names = ["auth-api", "ledger-writer", "thumbs", "search", "billing", "uploads"]
    for i, nm in enumerate(names):
        y = 553 + 33 * i
        cv2.line(c, (251, y - 23), (1332, y - 23), (236, 237, 240), 1)
        row = [nm, ["eu-west", "us-east", "ap-south"][i % 3], f"{17 + 9 * i}.{i * 3} ms",
               f"{143 + 37 * i} ms", "OK" if i != 3 else "DEGRADED"]
        for j, s in enumerate(row):
            col = (178, 34, 52) if s == "DEGRADED" else (33, 37, 41)
            _text(c, s, 263 + 213 * j, y, 0.5, col)
    return _out(c)


def _screenshot_chat() -> Array:
    W, H = 390, 844
    c = np.full((H, W, 3), (236, 229, 221), np.uint8)
    c[:47] = (7, 94, 84)
    c[47:107] = (7, 94, 84)
    _text(c, "9:41", 19, 31, 0.55, (255, 255, 255))
    cv2.circle(c, (39, 77), 19, (200, 211, 219), -1, cv2.LINE_AA)
    _text(c, "Marta (hiking group)", 69, 85, 0.6, (255, 255, 255), 1)
    msgs = [("in", "are we still on for saturday?"), ("out", "yes! leaving at 6:40"),
            ("in", "bring the big thermos"), ("in", "and the map, the app died"),
            ("out", "ok, also packing spare socks"), ("in", "weather says 4 C at the top"),
            ("out", "perfect for the photos"), ("in", "see you at the trailhead")]
    y = 139
    for side, s in msgs:
        tw = cv2.getTextSize(s, _FONT, 0.47, 1)[0][0]
        if side == "in":
            x0, col = 13, (255, 255, 255)
        else:
            x0, col = W - 13 - tw - 27, (220, 248, 198)
        cv2.rectangle(c, (x0, y), (x0 + tw + 27, y + 41), col, -1)
        _text(c, s, x0 + 13, y + 26, 0.47, (17, 27, 33))
        _text(c, "18:0" + str(len(s) % 10), x0 + tw - 17, y + 38, 0.3, (110, 120, 125))
        y += 63
    c[H - 71:] = (240, 240, 240)
    cv2.rectangle(c, (11, H - 59), (W - 67, H - 19), (255, 255, 255), -1)
    _text(c, "Message", 27, H - 33, 0.5, (140, 140, 140))
    cv2.circle(c, (W - 35, H - 39), 21, (0, 168, 132), -1, cv2.LINE_AA)
    return _out(c)


def _graphic_chart() -> Array:
    W, H = 880, 620
    c = np.full((H, W, 3), 255, np.uint8)
    _text(c, "Quarterly output by site", 41, 47, 0.9, (30, 30, 30), 2)
    cv2.line(c, (83, 547), (851, 547), (40, 40, 40), 2)
    cv2.line(c, (83, 89), (83, 547), (40, 40, 40), 2)
    vals = [[173, 241, 307], [211, 197, 389], [143, 283, 251], [267, 319, 413]]
    cols = [(231, 76, 60), (52, 152, 219), (46, 204, 113)]
    for q, group in enumerate(vals):
        for k, v in enumerate(group):
            x = 113 + 187 * q + 47 * k
            cv2.rectangle(c, (x, 547 - v), (x + 39, 546), cols[k], -1)
        _text(c, f"Q{q + 1}", 149 + 187 * q, 577, 0.6, (40, 40, 40))
    for t in range(0, 451, 89):
        _text(c, str(t), 37, 552 - t, 0.45, (90, 90, 90))
        cv2.line(c, (79, 547 - t), (87, 547 - t), (40, 40, 40), 1)
    for k, lab in enumerate(["North", "Harbour", "Valley"]):
        cv2.rectangle(c, (611, 79 + 29 * k), (631, 97 + 29 * k), cols[k], -1)
        _text(c, lab, 641, 95 + 29 * k, 0.55, (30, 30, 30))
    return _out(c)


def _graphic_poster() -> Array:
    W, H = 640, 962
    yy = np.linspace(0.0, 1.0, H)[:, None]
    xx = np.linspace(0.0, 1.0, W)[None, :]
    r = 251 - 163 * yy + 0 * xx
    g = 131 + 61 * xx - 97 * yy
    b = 67 + 141 * yy + 0 * xx
    c = _out(np.stack([r, g, b], axis=2))
    cv2.circle(c, (431, 307), 173, (255, 223, 109), -1, cv2.LINE_AA)
    pts = np.array([[0, 733], [167, 571], [311, 689], [463, 521], [639, 703], [639, 961],
                    [0, 961]], np.int32)
    cv2.fillPoly(c, [pts], (41, 39, 73), cv2.LINE_AA)
    pts2 = np.array([[0, 829], [223, 713], [397, 811], [639, 743], [639, 961], [0, 961]],
                    np.int32)
    cv2.fillPoly(c, [pts2], (23, 21, 43), cv2.LINE_AA)
    _text(c, "NIGHT", 53, 131, 2.9, (255, 255, 255), 7)
    _text(c, "MARKET", 53, 211, 1.9, (255, 255, 255), 4)
    _text(c, "fri 19:30 - old harbour", 57, 917, 0.8, (233, 233, 240), 2)
    return _out(c)


def images() -> list[tuple[str, str, Array]]:
    out: list[tuple[str, str, Array]] = [(n, "photo", a) for n, a in _photos()]
    out += [(n, "generated", a) for n, a in _generated()]
    out += [("screenshot_dashboard_1366x768", "screenshot", _screenshot_dashboard()),
            ("screenshot_chat_phone_390x844", "screenshot", _screenshot_chat())]
    out += [("graphic_bar_chart_880x620", "graphic", _graphic_chart()),
            ("graphic_poster_640x962", "graphic", _graphic_poster())]
    return out


# ----------------------------------------------------------------------------- unmarked

_UNMARKED_SOURCES = ("astronaut.png", "chelsea.png", "coffee.png", "rocket.jpg", "china.jpg",
                     "flower.jpg", "hubble_deep_field.jpg", "retina.jpg", "motorcycle_left.png",
                     "motorcycle_right.png", "ihc.png", "camera.png", "moon.png", "coins.png",
                     "color.png", "grass.png", "gravel.png", "brick.png")
_TEXTURES = ("grass.png", "gravel.png", "brick.png")


def _rand_size(rng: np.random.Generator) -> tuple[int, int]:
    long = int(rng.integers(96, 1101))
    aspect = float(np.exp(rng.uniform(np.log(1 / 2.6), np.log(2.6))))
    if aspect >= 1:
        w, h = long, int(round(long / aspect))
    else:
        h, w = long, int(round(long * aspect))
    return min(1100, max(96, w)), min(1100, max(96, h))


def _rand_crop(rng: np.random.Generator, a: Array) -> Array:
    h, w = a.shape[:2]
    fx, fy = rng.uniform(0.42, 1.0), rng.uniform(0.42, 1.0)
    cw, ch = max(8, int(w * fx)), max(8, int(h * fy))
    x0 = int(rng.integers(0, w - cw + 1))
    y0 = int(rng.integers(0, h - ch + 1))
    return a[y0:y0 + ch, x0:x0 + cw]


def _unmarked_item(rng: np.random.Generator) -> tuple[str, Array]:
    kind = int(rng.choice(7, p=[0.30, 0.18, 0.12, 0.1, 0.1, 0.1, 0.1]))
    w, h = _rand_size(rng)
    if kind in (0, 1):
        src = _UNMARKED_SOURCES[int(rng.integers(len(_UNMARKED_SOURCES)))]
        a = _resize(_rand_crop(rng, _sample(src)), w, h)
        tag = "photo_" + src.split(".")[0]
        if kind == 1:
            a = _gamma(a, float(rng.uniform(0.6, 1.6)))
            a = _contrast(a, float(rng.uniform(0.6, 1.4)))
            a = _saturation(a, float(rng.uniform(0.0, 1.6)))
            if rng.random() < 0.5:
                a = a[:, ::-1]
            a = _jpeg(a, int(rng.integers(35, 96)), int(rng.choice([0, 2])))
            tag += "_tone_jpeg"
    elif kind == 2:
        i, j = rng.choice(len(_UNMARKED_SOURCES), size=2, replace=False)
        left = _sample(_UNMARKED_SOURCES[int(i)])
        right = _sample(_UNMARKED_SOURCES[int(j)])
        split = int(rng.integers(max(1, w // 5), max(2, 4 * w // 5)))
        a = np.concatenate([_resize(_rand_crop(rng, left), split, h),
                            _resize(_rand_crop(rng, right), w - split, h)], axis=1)
        tag = "collage"
    elif kind == 3:
        src = _TEXTURES[int(rng.integers(len(_TEXTURES)))]
        t = _resize(_rand_crop(rng, _sample(src)), w, h).astype(np.float32)
        tint = rng.uniform(0.5, 1.2, size=3) * np.float32(1.0)
        a = _out(np.clip(t * tint + rng.uniform(-30, 30, size=3), 0, 255))
        tag = "texture_" + src.split(".")[0]
    elif kind == 4:
        yy = np.linspace(0, 1, h)[:, None, None]
        xx = np.linspace(0, 1, w)[None, :, None]
        c0, c1, c2 = (rng.uniform(0, 255, size=3) for _ in range(3))
        base = c0 + (c1 - c0) * xx + (c2 - c0) * yy
        a = _out(np.clip(base, 0, 255))
        for _ in range(int(rng.integers(2, 14))):
            col = tuple(int(v) for v in rng.integers(0, 256, size=3))
            if rng.random() < 0.5:
                cv2.circle(a, (int(rng.integers(0, w)), int(rng.integers(0, h))),
                           int(rng.integers(3, max(4, min(w, h) // 2))), col, -1, cv2.LINE_AA)
            else:
                p = rng.integers(0, [w, h, w, h])
                cv2.rectangle(a, (int(p[0]), int(p[1])), (int(p[2]), int(p[3])), col, -1)
        a = _noise("unmarked_synth", float(rng.uniform(0.0, 6.0)))(a)
        tag = "synthetic_shapes"
    elif kind == 5:
        bg = tuple(int(v) for v in rng.integers(200, 256, size=3))
        a = np.full((h, w, 3), bg, np.uint8)
        y = int(rng.integers(14, 40))
        while y < h - 6:
            if rng.random() < 0.15:
                bh = int(rng.integers(10, 60))
                col = tuple(int(v) for v in rng.integers(0, 256, size=3))
                cv2.rectangle(a, (int(rng.integers(0, w // 3 + 1)), y),
                              (int(rng.integers(w // 2, w)), y + bh), col, -1)
                y += bh + 12
                continue
            n_chars = int(rng.integers(4, 40))
            words = "".join(chr(int(c)) for c in rng.integers(97, 123, size=n_chars))
            _text(a, words, int(rng.integers(2, 30)), y, float(rng.uniform(0.35, 0.9)),
                  tuple(int(v) for v in rng.integers(0, 90, size=3)))
            y += int(rng.integers(16, 36))
        tag = "text_ui"
    else:
        n = rng.normal(127, float(rng.uniform(10, 70)), size=(h, w, 3)).astype(np.float32)
        sig = float(rng.uniform(0.0, 4.0))
        if sig > 0.3:
            n = cv2.GaussianBlur(n, (0, 0), sig)
            n = (n - n.mean()) * float(rng.uniform(1.0, 5.0)) + 127
        a = _out(np.clip(n, 0, 255))
        tag = "noise"
    a = _out(a)
    return f"{tag}_{a.shape[1]}x{a.shape[0]}", a


def unmarked(n: int = 10000, seed: int = 2026120718) -> Iterator[tuple[str, Array]]:
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        name, a = _unmarked_item(rng)
        assert 96 <= a.shape[0] <= 1100 and 96 <= a.shape[1] <= 1100, (name, a.shape)
        yield f"unmarked_{i:05d}_{name}", a


# --------------------------------------------------------------------------- edge cases


def edge_cases() -> list[tuple[str, Array]]:
    rng = np.random.default_rng(918273)
    E: list[tuple[str, Array]] = []
    E.append(("tiny_1x1", np.full((1, 1, 3), (201, 13, 77), np.uint8)))
    E.append(("tiny_2x3", rng.integers(0, 256, (3, 2, 3), dtype=np.uint8)))
    E.append(("tiny_7x5", rng.integers(0, 256, (5, 7, 3), dtype=np.uint8)))
    E.append(("small_16x16", _resize(_sample("astronaut.png"), 16, 16)))
    E.append(("small_33x47", _resize(_sample("coffee.png"), 33, 47)))
    E.append(("strip_1x640_h1", _resize(_sample("china.jpg"), 640, 1)))
    E.append(("strip_777x1_w1", _resize(_sample("flower.jpg"), 1, 777)))
    E.append(("huge_4000x3000", _resize(_sample("hubble_deep_field.jpg")[:750], 4000, 3000,
                                        cv2.INTER_CUBIC)))
    E.append(("very_wide_6000x80", _resize(_sample("china.jpg")[200:227], 6000, 80,
                                           cv2.INTER_LINEAR)))
    E.append(("very_tall_64x4100", _resize(_sample("rocket.jpg")[:, 300:331], 64, 4100,
                                           cv2.INTER_LINEAR)))
    E.append(("flat_black_300x200", np.zeros((200, 300, 3), np.uint8)))
    E.append(("flat_white_311x217", np.full((217, 311, 3), 255, np.uint8)))
    E.append(("flat_grey_517x389", np.full((389, 517, 3), 128, np.uint8)))
    E.append(("flat_colour_640x480", np.full((480, 640, 3), (23, 161, 219), np.uint8)))
    near = np.full((413, 601, 3), 117, np.int16) + rng.integers(-1, 2, (413, 601, 3))
    E.append(("near_flat_pm1_601x413", near.astype(np.uint8)))
    grad = np.full((512, 512, 3), 200, np.uint8)
    grad[:, 256:] = 201
    E.append(("near_flat_two_levels_512x512", grad))
    E.append(("noise_uniform_512x512", rng.integers(0, 256, (512, 512, 3), dtype=np.uint8)))
    E.append(("noise_gauss_733x419",
              np.clip(rng.normal(128, 41, (419, 733, 3)), 0, 255).astype(np.uint8)))
    yy, xx = np.mgrid[0:256, 0:256]
    cb1 = (((yy + xx) % 2) * 255).astype(np.uint8)
    E.append(("checkerboard_1px_256x256", np.repeat(cb1[:, :, None], 3, axis=2)))
    yy, xx = np.mgrid[0:300, 0:400]
    cb8 = ((((yy // 8) + (xx // 8)) % 2) * 255).astype(np.uint8)
    E.append(("checkerboard_8px_400x300", np.repeat(cb8[:, :, None], 3, axis=2)))
    st = np.zeros((350, 450, 3), np.uint8)
    st[:, (np.arange(450) // 2) % 2 == 0] = (255, 0, 255)
    E.append(("stripes_vertical_2px_450x350", st))
    prim = np.zeros((240, 360, 3), np.uint8)
    for k, col in enumerate([(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0),
                             (0, 255, 255), (255, 0, 255)]):
        prim[:, 60 * k:60 * (k + 1)] = col
    E.append(("saturated_primaries_360x240", prim))
    dot = np.zeros((257, 263, 3), np.uint8)
    dot[128, 131] = 255
    E.append(("single_dot_263x257", dot))
    ro = _resize(_sample("chelsea.png"), 333, 222).copy()
    ro.setflags(write=False)
    E.append(("readonly_333x222", ro))
    big = _resize(_sample("astronaut.png"), 602, 514)
    E.append(("noncontiguous_view_301x257", big[::2, ::2]))
    return E


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(
        ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def _png_raw(w: int, h: int, colour_type: int, idat: bytes, interlace: int = 0,
             depth: int = 8) -> bytes:
    ihdr = struct.pack(">IIBBBBB", w, h, depth, colour_type, 0, 0, interlace)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", idat)
            + _png_chunk(b"IEND", b""))


def _png_adam7(a: Array) -> bytes:
    """Adam7-interlaced 8-bit PNG (RGB or grey), filter 0 on every row."""
    h, w = a.shape[:2]
    ct = 2 if a.ndim == 3 else 0
    passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4),
              (1, 0, 2, 2), (0, 1, 1, 2)]
    raw = bytearray()
    for x0, y0, dx, dy in passes:
        sub = a[y0::dy, x0::dx]
        if sub.shape[0] == 0 or sub.shape[1] == 0:
            continue
        for row in sub:
            raw += b"\x00" + np.ascontiguousarray(row).tobytes()
    return _png_raw(w, h, ct, zlib.compress(bytes(raw), 9), interlace=1)


def _pil_bytes(im: Image.Image, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def edge_case_files() -> list[tuple[str, bytes]]:
    F: list[tuple[str, bytes]] = []
    base = _resize(_sample("coffee.png"), 301, 203)
    im = Image.fromarray(base)
    rng = np.random.default_rng(55501)

    # 16-bit PNGs (OpenCV writes 16-bit colour; Pillow 16-bit grey)
    b16 = (base.astype(np.uint16) * 257 + rng.integers(0, 257, base.shape)).astype(np.uint16)
    ok, enc = cv2.imencode(".png", np.ascontiguousarray(b16[:, :, ::-1]),
                           [cv2.IMWRITE_PNG_COMPRESSION, 6])
    assert ok
    F.append(("png_16bit_rgb", enc.tobytes()))
    alpha16 = np.linspace(0, 65535, b16.shape[1]).astype(np.uint16)[None, :].repeat(
        b16.shape[0], 0)
    bgra16 = np.concatenate([b16[:, :, ::-1], alpha16[:, :, None]], axis=2)
    ok, enc = cv2.imencode(".png", np.ascontiguousarray(bgra16), [cv2.IMWRITE_PNG_COMPRESSION, 6])
    assert ok
    F.append(("png_16bit_rgba", enc.tobytes()))
    grey16 = np.ascontiguousarray(b16[:, :, 1])
    F.append(("png_16bit_grey", _pil_bytes(Image.fromarray(grey16), "PNG")))

    alpha = np.linspace(0, 255, base.shape[1]).astype(np.uint8)[None, :].repeat(base.shape[0], 0)
    rgba = np.concatenate([base, alpha[:, :, None]], axis=2)
    F.append(("png_rgba_alpha_gradient", _pil_bytes(Image.fromarray(rgba), "PNG")))
    clear = rgba.copy()
    clear[:, :, 3] = 0
    F.append(("png_rgba_fully_transparent", _pil_bytes(Image.fromarray(clear), "PNG")))
    pal = im.quantize(colors=61, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    F.append(("png_palette_61", _pil_bytes(pal, "PNG")))
    F.append(("png_palette_transparency", _pil_bytes(pal, "PNG", transparency=3)))
    F.append(("png_grey_L", _pil_bytes(im.convert("L"), "PNG")))
    F.append(("png_grey_alpha_LA", _pil_bytes(Image.fromarray(rgba).convert("LA"),
                                              "PNG")))
    F.append(("png_1bit", _pil_bytes(im.convert("1"), "PNG")))
    F.append(("png_interlaced_adam7_rgb", _png_adam7(base)))
    F.append(("png_interlaced_adam7_grey",
              _png_adam7(np.ascontiguousarray(np.asarray(im.convert("L"))))))
    good_png = _pil_bytes(im, "PNG")
    F.append(("png_truncated_half", good_png[: len(good_png) // 2]))
    F.append(("png_truncated_after_ihdr", good_png[:41]))
    corrupt = bytearray(good_png)
    for k in range(200, min(len(corrupt) - 20, 2200), 97):
        corrupt[k] ^= 0x5A
    F.append(("png_corrupt_idat", bytes(corrupt)))
    badcrc = bytearray(good_png)
    badcrc[29] ^= 0xFF  # the IHDR CRC
    F.append(("png_bad_ihdr_crc", bytes(badcrc)))
    F.append(("png_signature_only", b"\x89PNG\r\n\x1a\n"))
    rows = b"".join(b"\x00" + bytes(3 * 64) for _ in range(4))
    F.append(("png_header_declares_100000x100000",
              _png_raw(100000, 100000, 2, zlib.compress(rows, 9))))
    F.append(("png_header_0x0", _png_raw(0, 0, 2, zlib.compress(b"", 9))))
    bomb_w, bomb_h = 12000, 9000
    co = zlib.compressobj(9)
    row = bytes(bomb_w + 1)
    parts = [co.compress(row) for _ in range(bomb_h)]
    parts.append(co.flush())
    F.append(("png_bomb_valid_12000x9000_grey", _png_raw(bomb_w, bomb_h, 0, b"".join(parts))))
    text_chunk = _png_chunk(b"tEXt", b"Comment\x00" + bytes(rng.integers(32, 127, 1 << 20,
                                                                          dtype=np.uint8)))
    F.append(("png_with_1MB_text_chunk", good_png[:33] + text_chunk + good_png[33:]))

    good_jpeg = _pil_bytes(im, "JPEG", quality=83)
    F.append(("jpeg_truncated_60pct", good_jpeg[: int(len(good_jpeg) * 0.6)]))
    F.append(("jpeg_soi_only", b"\xff\xd8"))
    F.append(("jpeg_cmyk", _pil_bytes(im.convert("CMYK"), "JPEG", quality=87)))
    for orient in (6, 3, 8):
        exif = Image.Exif()
        exif[0x0112] = orient
        F.append((f"jpeg_exif_orientation_{orient}",
                  _pil_bytes(im, "JPEG", quality=88, exif=exif.tobytes())))
    F.append(("jpeg_progressive", _pil_bytes(im, "JPEG", quality=79, progressive=True)))
    F.append(("jpeg_grey", _pil_bytes(im.convert("L"), "JPEG", quality=81)))

    frames = [Image.fromarray(_out(np.roll(base, 23 * k, axis=1))) for k in range(4)]
    pframes = [f.quantize(colors=97, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
               for f in frames]
    F.append(("gif_animated_4frames", _pil_bytes(pframes[0], "GIF", save_all=True,
                                                 append_images=pframes[1:], duration=117,
                                                 loop=0)))
    F.append(("gif_single_frame", _pil_bytes(pframes[0], "GIF")))
    F.append(("webp_animated_4frames", _pil_bytes(frames[0], "WEBP", save_all=True,
                                                  append_images=frames[1:], duration=117,
                                                  loop=0, quality=77, method=4)))
    F.append(("webp_lossless", _pil_bytes(im, "WEBP", lossless=True, method=4)))
    F.append(("tiff_raw", _pil_bytes(im, "TIFF")))
    F.append(("tiff_lzw", _pil_bytes(im, "TIFF", compression="tiff_lzw")))
    F.append(("bmp_rgb", _pil_bytes(im, "BMP")))
    F.append(("ico_64", _pil_bytes(im, "ICO", sizes=[(64, 64)])))
    F.append(("empty_file", b""))
    F.append(("random_bytes_4096", rng.integers(0, 256, 4096, dtype=np.uint8).tobytes()))
    F.append(("text_plain", b"This is not an image. Just a note left on 2026-12-07.\n"))
    F.append(("text_html", b"<!doctype html><html><body><img src=x.png></body></html>\n"))
    F.append(("text_svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="3000">'
                          b'<rect width="100%" height="100%" fill="#3a7"/></svg>\n'))
    return F
