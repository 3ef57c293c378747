"""Held-out watermark test set, round 2026-12-07n (blind: written without knowledge of the method).

PROVENANCE
    Written by an independent tester who was asked not to learn how the watermark works, so that
    this set measures it honestly. The rules it was written under:

    * Allowed reading: files under safegen/backends/ (to call the built-in offline text-to-image
      model, safegen.backends.builtin.BuiltinBackend, 256x256 output), a name-only listing of
      safegen/builtin/, pyproject.toml, .gitignore, and the installed packages' sample image
      files (scikit-image's skimage/data/*.png|*.jpg, scikit-learn's
      sklearn/datasets/images/*.jpg).
    * Not opened, grepped, listed or imported: safegen/watermark/, docs/, tests/, README.md,
      benchmarks/ (other than writing this one file and its cache folder; benchmarks/heldout/
      was never listed), any issue tracker, git history/log/diff/status. No watermark encoder or
      decoder was run. pyproject.toml names earlier held-out files: only their names were seen
      (in its ruff extend-exclude list), never their contents.

    What was actually read, truthfully:
    * safegen/backends/builtin.py, safegen/backends/base.py and safegen/backends/__init__.py
      (its docstring); the names of the files in safegen/backends/ and safegen/builtin/
      (names only; nothing under safegen/builtin/ was opened).
    * pyproject.toml and .gitignore, in full.
    * The sample image files named above, opened with Pillow (their sizes and modes listed,
      then used as pixels). The package folders were found with importlib.util.find_spec;
      neither package's data loaders were imported.
    * One slip to report: a shell command meant to list only the installed sample folders also
      ran `ls benchmarks/ | grep -v heldout`, which printed the names of the nine .py files
      directly in benchmarks/ (builtin, generate_path, ledger, marks, overhead, policy,
      samples, verify, watermark). Only their names were seen; none was opened, and
      benchmarks/heldout/ was filtered out of that listing and never listed.
    * BuiltinBackend.generate itself imports safegen.policy.semantic (the prompt condition);
      that module was not read, only run through the backend.

FROZEN
    This file is never edited after it is first committed: its sha256 is its identity. A change
    of any kind (even style) makes a new round with a new file name and a new ROUND.

SOURCES
    * Real photos and textures: scikit-image's sample images (astronaut, brick, camera, cell,
      chelsea, clock_motion, coffee, coins, color, grass, gravel, horse, hubble_deep_field,
      ihc, logo, moon, motorcycle_left/right, page, phantom, retina, rocket, text) and
      scikit-learn's china.jpg and flower.jpg, read from the installed packages' folders.
    * Generated images: safegen.backends.builtin.BuiltinBackend (the shipped offline model),
      own prompts and seeds, cached as PNG in CACHE_DIR (regenerated when absent).
    * Screenshots, graphics, screen captures, textures, noise: drawn here with Pillow, OpenCV
      and numpy, every random choice seeded.

INTERFACE
    ROUND, CACHE_DIR
    images() -> list[(name, image_class, rgb)]; image_class in "photo", "generated", "graphic",
        "screenshot"; rgb a C-contiguous uint8 (H, W, 3) array.
    attacks() -> list[(name, fn)]; fn(rgb) -> a new C-contiguous uint8 (H', W', 3) array,
        deterministic; the first attack is "none" (a copy).
    unmarked(n=10000, seed=2026120714) -> iterator of (name, rgb); item i depends only on
        np.random.default_rng([seed, i]) and the fixed package sample images.
    edge_cases() -> list[(name, rgb)]: awkward uint8 RGB arrays.
    edge_case_files() -> list[(name, bytes)]: awkward encoded files, byte-identical per run.

IMAGES (27)
    17 photos (longer side 451..2048 px; landscape, portrait, 9:16, panorama; dark, bright,
    low-contrast, greyscale, tinted; busy fine-grained textures: grass, gravel, brick, moon,
    ihc stain, hubble field, motorcycle scene, cat fur):
        p01_coffee_native_600x400, p02_chelsea_fur_portrait_720x900,
        p03_china_panorama_2048x704, p04_flower_dark_1024x683, p05_rocket_bright_960x640,
        p06_camera_grey_800x800, p07_hubble_native_1000x872, p08_motorcycle_detail_1482x1000,
        p09_grass_green_tex_1024x1024, p10_gravel_warm_tex_512x512,
        p11_brick_red_tex_portrait_600x800, p12_astronaut_lowcontrast_1100x860,
        p13_ihc_fine_tex_900x900, p14_moon_blue_tex_portrait_544x820,
        p15_coffee_portrait_916_576x1024, p16_retina_dark_1411x1058, p17_chelsea_sepia_451x300
    6 generated (256x256): gen01_misty_lake, gen02_green_hills, gen03_desert_canyon,
        gen04_snowy_forest_night, gen05_lighthouse_coast, gen06_red_barn_wheat
    2 screenshots: ss_desktop_mail_app_1366x768, ss_phone_settings_828x1792
    2 graphics: gfx_poster_900x1200, gfx_chart_1200x700

ATTACKS (80; the first is "none")
    none
    flips: flip_h, flip_v
    stretches: stretch_x_p13_cropped, stretch_x_m09_kept, stretch_y_m12_fitted,
        stretch_x_p15_fitted, stretch_y_p06_cropped_top
    crops: crop_center_93, crop_center_79, crop_center_64, crop_center_52, crop_offcenter_83,
        crop_corner_br_71, crop_x_only_69, crop_y_only_81, crop_center_74_resized,
        crop_corner_tr_86_resized
    rotations: rot_p2.7_black, rot_m4.3_white, rot_p7.9_reflect, rot_m9.6_expand,
        rot_p5.2_cropfill, rot_m3.1_cropfill_resized
    padding: pad_white_7, pad_black_uneven, pad_left_11_navy, pad_bottom_caption_14
    jpeg: jpeg_q87_444, jpeg_q74_420, jpeg_q66_444, jpeg_q58_420, jpeg_q43_420, jpeg_q31_420
    webp: webp_q83, webp_q64, webp_q52
    scaling: down_0.77_area, down_0.63_linear, down_0.42_area, up_1.58_cubic, up_1.94_lanczos
    chains: social_chain (centre crop 90%, long side 1080, JPEG 76 4:2:0),
        messaging_chain (0.6x area, JPEG 61), messaging_chain_x2
    screen captures (9): screen_browser_light, screen_browser_dark_jpeg80, screen_phone_feed,
        screen_phone_card_jpeg72, screen_document_page, screen_chat_bubble_jpeg85,
        screen_photo_viewer, screen_gallery_grid, screen_desktop_feed_jpeg90
    filters (12): blur_gauss_s1.3, sharpen_unsharp_0.8, noise_gauss_s6.2, bright_p23,
        bright_m19, contrast_up_1.27, contrast_down_0.74, gamma_0.78, gamma_1.35,
        sat_up_1.42, sat_down_0.55, greyscale
    combinations (14): cb_crop84_jpeg71, cb_rot_p3.4_cropfill_jpeg78, cb_fliph_down0.66_webp74,
        cb_bright_p14_contrast1.12_jpeg82, cb_pad_white9_jpeg69, cb_stretch_x1.08_crop90_jpeg77,
        cb_down0.53_sharpen_jpeg64, cb_noise4_blur0.9_jpeg73, cb_grey_crop76_resized,
        cb_rot_m6.2_black_down0.72_jpeg66, cb_up1.54_crop_offcenter70_jpeg84,
        cb_social_then_messaging, cb_corner_bl80_pad_black12_webp59,
        cb_phone_feed_messaging

UNMARKED
    unmarked(n, seed) yields (name, rgb) with name "u{i:05d}_{kind}"; the kind and every
    parameter of item i come from np.random.default_rng([seed, i]) alone. Sides 96..1100.
    23 kinds: photo_crop, photo_flip_turn, photo_rescale, photo_colour, photo_recompress,
    screen (a drawn screen with a framed photo crop), graphic_shapes, graphic_text,
    graphic_chart, texture_grating, texture_checker, texture_stripes, texture_dots,
    texture_tiles (tiled photo patches), noise_gauss, noise_uniform, noise_saltpepper,
    noise_pink (1/f), noise_blurred, noise_jpeg, flat, gradient, photo_collage.

EDGE CASES
    edge_cases(): 1x1, 2x2, 3x5, 7x7, 1-px rows and columns, 2x1000, 8000x48 strip,
    4000x3000 and 3000x4000, 1021x769, flat black/white/grey/red, near-flat (+-1), near-flat
    gradient, uniform and gaussian noise, 1-px and 8-px checkerboards, 1-px and 3-px stripes,
    one white pixel on black, saturated colour bars, greyscale photo, 63x65 photo crop.
    edge_case_files(): 16-bit PNGs, RGBA, LA, fully transparent, palette (+tRNS), grey, 1-bit,
    Adam7-interlaced, truncated PNG, bad-CRC PNG, PNG declaring 100000x100000, a 16000x16000
    decompression bomb, PNG signature only, truncated and corrupt JPEG, CMYK JPEG, EXIF
    orientation 6 and 8 JPEGs, progressive grey JPEG, animated GIF, animated WebP, lossless
    RGBA WebP, TIFF (raw, LZW, JPEG-compressed, 16-bit grey, float32, multipage, CMYK), BMP
    (24-bit, 8-bit palette), empty file, random bytes, a text file.
"""

from __future__ import annotations

import importlib.util
import io
import os
import struct
import zlib
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

ROUND = "2026-12-07n"
CACHE_DIR = Path(__file__).resolve().parent / "cache_n"

Array = np.ndarray
Attack = Callable[[Array], Array]

# --------------------------------------------------------------------------------------------
# basics
# --------------------------------------------------------------------------------------------


def _c(a: Array) -> Array:
    """A C-contiguous uint8 array (a copy when needed)."""
    return np.ascontiguousarray(np.asarray(a, dtype=np.uint8))


def _u8(a: Array) -> Array:
    """Float to uint8 with rounding and clipping."""
    return _c(np.clip(np.rint(a), 0, 255).astype(np.uint8))


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"package {name} is not installed (needed for its sample images)")
    return Path(list(spec.submodule_search_locations)[0])


@cache
def _sample(name: str) -> Array:
    """A package sample image as read-only RGB uint8 (alpha composited over white)."""
    if name in ("china.jpg", "flower.jpg"):
        path = _package_dir("sklearn") / "datasets" / "images" / name
    else:
        path = _package_dir("skimage") / "data" / name
    with Image.open(path) as im:
        im.load()
        if im.mode in ("RGBA", "LA", "P", "PA"):
            rgba = im.convert("RGBA")
            bg = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            bg.alpha_composite(rgba)
            im2 = bg.convert("RGB")
        else:
            im2 = im.convert("RGB")
        arr = np.array(im2, dtype=np.uint8)
    arr.setflags(write=False)
    return arr


def _resize(a: Array, w: float, h: float, interp: int | None = None) -> Array:
    w, h = max(1, int(round(w))), max(1, int(round(h)))
    if interp is None:
        interp = cv2.INTER_AREA if w * h < a.shape[0] * a.shape[1] else cv2.INTER_CUBIC
    return _c(cv2.resize(a, (w, h), interpolation=interp))


def _scale(a: Array, s: float, interp: int | None = None) -> Array:
    return _resize(a, a.shape[1] * s, a.shape[0] * s, interp)


def _decode(data: bytes) -> Array:
    with Image.open(io.BytesIO(data)) as im:
        return _c(np.array(im.convert("RGB")))


def _jpeg(a: Array, q: int, subsampling: int = 2) -> Array:
    buf = io.BytesIO()
    Image.fromarray(_c(a)).save(buf, "JPEG", quality=q, subsampling=subsampling)
    return _decode(buf.getvalue())


def _webp(a: Array, q: int) -> Array:
    buf = io.BytesIO()
    Image.fromarray(_c(a)).save(buf, "WEBP", quality=q, method=4)
    return _decode(buf.getvalue())


def _crop_frac(a: Array, fx: float, fy: float, ax: float = 0.5, ay: float = 0.5) -> Array:
    h, w = a.shape[:2]
    cw, ch = max(1, int(round(w * fx))), max(1, int(round(h * fy)))
    x0, y0 = int(round((w - cw) * ax)), int(round((h - ch) * ay))
    return _c(a[y0 : y0 + ch, x0 : x0 + cw].copy())


def _cover(a: Array, w: int, h: int) -> Array:
    """Scale to cover (w, h) and centre-crop (a thumbnail grid's way)."""
    ih, iw = a.shape[:2]
    s = max(w / iw, h / ih)
    r = _resize(a, max(w, iw * s), max(h, ih * s))
    y0, x0 = (r.shape[0] - h) // 2, (r.shape[1] - w) // 2
    return _c(r[y0 : y0 + h, x0 : x0 + w].copy())


def _fit(a: Array, maxw: int, maxh: int, upscale: bool = False) -> Array:
    h, w = a.shape[:2]
    s = min(maxw / w, maxh / h)
    if not upscale:
        s = min(s, 1.0)
    nw, nh = max(1, int(round(w * s))), max(1, int(round(h * s)))
    if (nw, nh) == (w, h):
        return _c(a.copy())
    return _resize(a, nw, nh)


def _luma(a: Array) -> Array:
    f = a.astype(np.float32)
    return 0.299 * f[..., 0] + 0.587 * f[..., 1] + 0.114 * f[..., 2]


# --------------------------------------------------------------------------------------------
# geometric attacks
# --------------------------------------------------------------------------------------------


def _rotate(a: Array, deg: float, fill: str = "black", expand: bool = False) -> Array:
    h, w = a.shape[:2]
    m = cv2.getRotationMatrix2D(((w - 1) / 2.0, (h - 1) / 2.0), deg, 1.0)
    nw, nh = w, h
    if expand:
        c, s = abs(np.cos(np.radians(deg))), abs(np.sin(np.radians(deg)))
        nw, nh = int(np.ceil(w * c + h * s)), int(np.ceil(w * s + h * c))
        m[0, 2] += (nw - 1) / 2.0 - (w - 1) / 2.0
        m[1, 2] += (nh - 1) / 2.0 - (h - 1) / 2.0
    if fill == "reflect":
        out = cv2.warpAffine(a, m, (nw, nh), flags=cv2.INTER_LINEAR,
                             borderMode=cv2.BORDER_REFLECT_101)
    else:
        colour = (255, 255, 255) if fill == "white" else (0, 0, 0)
        out = cv2.warpAffine(a, m, (nw, nh), flags=cv2.INTER_CUBIC,
                             borderMode=cv2.BORDER_CONSTANT, borderValue=colour)
    return _c(out)


def _rotate_cropfill(a: Array, deg: float, resize_back: bool = False) -> Array:
    """Rotate, then crop the largest centred rectangle of the same aspect with no fill."""
    h, w = a.shape[:2]
    r = _rotate(a, deg, "black")
    c, s = abs(np.cos(np.radians(deg))), abs(np.sin(np.radians(deg)))
    k = min(w / (w * c + h * s), h / (w * s + h * c))
    cw, ch = max(1, int(np.floor(w * k)) - 2), max(1, int(np.floor(h * k)) - 2)
    x0, y0 = (w - cw) // 2, (h - ch) // 2
    out = _c(r[y0 : y0 + ch, x0 : x0 + cw].copy())
    if resize_back:
        out = _resize(out, w, h)
    return out


def _pad(a: Array, t: float, b: float, left: float, r: float,
         colour: tuple[int, int, int]) -> Array:
    h, w = a.shape[:2]
    tt, bb = int(round(h * t)), int(round(h * b))
    ll, rr = int(round(w * left)), int(round(w * r))
    return _c(cv2.copyMakeBorder(a, tt, bb, ll, rr, cv2.BORDER_CONSTANT, value=colour))


def _stretch(a: Array, axis: str, f: float, mode: str) -> Array:
    h, w = a.shape[:2]
    if axis == "x":
        s = _resize(a, w * f, h)
    else:
        s = _resize(a, w, h * f)
    if mode == "fitted":
        return s
    if mode in ("cropped", "cropped_top"):
        if axis == "x":
            x0 = (s.shape[1] - w) // 2
            return _c(s[:, x0 : x0 + w].copy())
        y0 = 0 if mode == "cropped_top" else (s.shape[0] - h) // 2
        return _c(s[y0 : y0 + h].copy())
    # "kept": squashed content padded back to the original size (black, both sides)
    if axis == "x":
        d = w - s.shape[1]
        return _c(cv2.copyMakeBorder(s, 0, 0, d // 2, d - d // 2, cv2.BORDER_CONSTANT,
                                     value=(0, 0, 0)))
    d = h - s.shape[0]
    return _c(cv2.copyMakeBorder(s, d // 2, d - d // 2, 0, 0, cv2.BORDER_CONSTANT,
                                 value=(0, 0, 0)))


def _pad_caption(a: Array) -> Array:
    """A white bar (14% of the height) under the picture with a caption, meme style."""
    h, w = a.shape[:2]
    bar = max(12, int(round(h * 0.14)))
    out = Image.new("RGB", (w, h + bar), (255, 255, 255))
    out.paste(Image.fromarray(a), (0, 0))
    d = ImageDraw.Draw(out)
    size = max(8, int(bar * 0.42))
    d.text((max(4, w // 30), h + (bar - size) // 2), "when the weekend finally arrives",
           fill=(20, 20, 20), font=_font(size))
    return _c(np.array(out))


# --------------------------------------------------------------------------------------------
# filters
# --------------------------------------------------------------------------------------------


def _blur(a: Array, sigma: float) -> Array:
    return _c(cv2.GaussianBlur(a, (0, 0), sigma))


def _sharpen(a: Array, amount: float, sigma: float = 1.6) -> Array:
    f = a.astype(np.float32)
    b = cv2.GaussianBlur(f, (0, 0), sigma)
    return _u8(f + amount * (f - b))


def _noise(a: Array, sigma: float, seed: int) -> Array:
    rng = np.random.default_rng(seed)
    return _u8(a.astype(np.float32) + rng.normal(0.0, sigma, a.shape).astype(np.float32))


def _bright(a: Array, d: float) -> Array:
    return _u8(a.astype(np.float32) + d)


def _contrast(a: Array, k: float) -> Array:
    return _u8((a.astype(np.float32) - 128.0) * k + 128.0)


def _gamma(a: Array, g: float) -> Array:
    lut = np.clip(np.rint(255.0 * (np.arange(256) / 255.0) ** g), 0, 255).astype(np.uint8)
    return _c(lut[a])


def _saturation(a: Array, k: float) -> Array:
    f = a.astype(np.float32)
    y = _luma(a)[..., None]
    return _u8(y + k * (f - y))


def _grey(a: Array) -> Array:
    y = _u8(_luma(a))
    return _c(np.repeat(y[..., None], 3, axis=2))


# --------------------------------------------------------------------------------------------
# drawing helpers (screens, screenshots, graphics)
# --------------------------------------------------------------------------------------------

_WORDS = (
    "the of and a to in photo light river morning garden city market winter summer notes "
    "review update travel team design project family weekend recipe coffee mountain harbour "
    "museum street music evening walk old new bridge station friends shared album report "
    "quarterly meeting plan draft budget north south coast island forest trail quiet "
    "bright green tower square lunch dinner concert open close today yesterday"
).split()


@cache
def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError, AttributeError):
        return ImageFont.load_default()


def _words(rng: np.random.Generator, n: int) -> str:
    return " ".join(str(_WORDS[int(i)]) for i in rng.integers(0, len(_WORDS), n))


def _paragraph(d: ImageDraw.ImageDraw, rng: np.random.Generator, x: int, y: int, width: int,
               lines: int, size: int, fill: tuple[int, int, int], leading: float = 1.55,
               y_max: int | None = None) -> int:
    font = _font(size)
    step = int(size * leading)
    for i in range(lines):
        if y_max is not None and y + step > y_max:
            break
        text = ""
        limit = width * (0.55 if i == lines - 1 else 1.0)
        while True:
            word = str(_WORDS[int(rng.integers(0, len(_WORDS)))])
            cand = (text + " " + word).strip()
            if d.textlength(cand, font=font) > limit:
                break
            text = cand
        d.text((x, y), text, fill=fill, font=font)
        y += step
    return y


def _rounded_mask(w: int, h: int, r: int) -> Image.Image:
    m = Image.new("L", (w, h), 0)
    ImageDraw.Draw(m).rounded_rectangle([0, 0, w - 1, h - 1], radius=r, fill=255)
    return m


def _paste(canvas: Image.Image, a: Array, x: int, y: int, radius: int = 0) -> None:
    im = Image.fromarray(_c(a))
    if radius > 0:
        canvas.paste(im, (x, y), _rounded_mask(im.width, im.height, radius))
    else:
        canvas.paste(im, (x, y))


def _status_bar(d: ImageDraw.ImageDraw, w: int, h: int, fg: tuple[int, int, int]) -> None:
    size = int(h * 0.45)
    d.text((int(w * 0.06), (h - size) // 2), "9:41", fill=fg, font=_font(size))
    bw, bh = int(h * 0.55), int(h * 0.28)
    x1 = w - int(w * 0.05)
    d.rounded_rectangle([x1 - bw, (h - bh) // 2, x1, (h + bh) // 2], radius=4, outline=fg, width=2)
    d.rectangle([x1 - bw + 4, (h - bh) // 2 + 4, x1 - int(bw * 0.35), (h + bh) // 2 - 4], fill=fg)
    for i in range(4):
        bx = x1 - bw - 30 - (3 - i) * 12
        d.rectangle([bx, (h + bh) // 2 - 6 - i * 5, bx + 7, (h + bh) // 2], fill=fg)


def _to_array(im: Image.Image) -> Array:
    return _c(np.array(im.convert("RGB")))


# --------------------------------------------------------------------------------------------
# screen captures: the image shown inside a drawn UI
# --------------------------------------------------------------------------------------------


def _screen_browser(a: Array, dark: bool) -> Array:
    w, h = 1440, 900
    rng = np.random.default_rng(3301 if dark else 3300)
    bg = (32, 33, 36) if dark else (255, 255, 255)
    chrome = (53, 54, 58) if dark else (222, 225, 230)
    fg = (232, 234, 237) if dark else (32, 33, 36)
    sub = (154, 160, 166) if dark else (95, 99, 104)
    im = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, w, 40], fill=chrome)
    d.rounded_rectangle([12, 6, 262, 46], radius=8, fill=bg)
    d.text((30, 15), "Field notes - a harbour walk", fill=fg, font=_font(13))
    d.rounded_rectangle([268, 10, 500, 40], radius=8, fill=tuple(int(c * 0.96) for c in chrome))
    d.text((284, 17), "Weather - 7 day forecast", fill=sub, font=_font(13))
    for i, col in enumerate(((237, 106, 94), (245, 191, 79), (98, 197, 84))):
        d.ellipse([w - 90 + i * 24, 14, w - 78 + i * 24, 26], fill=col)
    d.rectangle([0, 40, w, 84], fill=bg)
    d.rounded_rectangle([110, 48, 1330, 76], radius=14, fill=chrome)
    d.text((132, 55), "https://fieldnotes.example.org/2026/12/a-walk-by-the-harbour",
           fill=sub, font=_font(14))
    for i in range(3):
        d.ellipse([18 + i * 30, 54, 34 + i * 30, 70], outline=sub, width=2)
    d.line([0, 84, w, 84], fill=chrome, width=1)
    d.text((280, 100), "FIELD NOTES", fill=fg, font=_font(18))
    for i, t in enumerate(("Travel", "Photo", "Food", "About")):
        d.text((880 + i * 90, 102), t, fill=sub, font=_font(15))
    d.text((280, 140), "A walk by the harbour, early December", fill=fg, font=_font(30))
    d.text((280, 182), "by M. Okafor  -  6 min read", fill=sub, font=_font(14))
    img = _fit(a, 880, 500)
    x = 280 + (880 - img.shape[1]) // 2
    y = 212
    _paste(im, img, x, y)
    y += img.shape[0] + 10
    d.text((280, y), "The light came in low over the water.", fill=sub, font=_font(13))
    _paragraph(d, rng, 280, y + 32, 880, 12, 17, fg, y_max=h - 10)
    d.rectangle([w - 12, 86, w - 2, h], fill=chrome)
    d.rounded_rectangle([w - 11, 120, w - 3, 300], radius=4, fill=sub)
    return _to_array(im)


def _phone_feed_crop(a: Array) -> Array:
    """The feed's aspect limits: between 1.91:1 and 4:5 (w/h), centre-cropped."""
    h, w = a.shape[:2]
    r = w / h
    if r > 1.91:
        return _crop_frac(a, (1.91 * h) / w, 1.0)
    if r < 0.8:
        return _crop_frac(a, 1.0, (w / 0.8) / h)
    return a


def _screen_phone_feed(a: Array) -> Array:
    w, h = 1080, 2340
    rng = np.random.default_rng(3310)
    im = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(im)
    _status_bar(d, w, 90, (0, 0, 0))
    d.text((40, 110), "Moments", fill=(0, 0, 0), font=_font(54))
    d.line([0, 210, w, 210], fill=(219, 219, 219), width=2)
    d.ellipse([30, 232, 122, 324], fill=(214, 41, 118))
    d.ellipse([38, 240, 114, 316], fill=(236, 200, 170))
    d.text((146, 250), "lena.travels", fill=(0, 0, 0), font=_font(34))
    d.text((146, 292), "Porto, Portugal", fill=(90, 90, 90), font=_font(26))
    for i in range(3):
        d.ellipse([990 + i * 20, 274, 1002 + i * 20, 286], fill=(0, 0, 0))
    crop = _phone_feed_crop(a)
    img = _resize(crop, w, w * crop.shape[0] / crop.shape[1])
    y = 344
    _paste(im, img, 0, y)
    y += img.shape[0] + 26
    for i in range(3):
        x = 40 + i * 100
        d.ellipse([x, y, x + 62, y + 62], outline=(0, 0, 0), width=5)
    d.rectangle([980, y, 1030, y + 62], outline=(0, 0, 0), width=5)
    y += 90
    d.text((40, y), "2,481 likes", fill=(0, 0, 0), font=_font(32))
    y = _paragraph(d, rng, 40, y + 50, 1000, 3, 30, (20, 20, 20))
    d.text((40, y + 10), "View all 86 comments", fill=(140, 140, 140), font=_font(28))
    d.ellipse([30, y + 80, 122, y + 172], fill=(80, 140, 220))
    d.text((146, y + 105), "north.coast.diary", fill=(0, 0, 0), font=_font(34))
    d.rectangle([0, h - 160, w, h], fill=(250, 250, 250))
    d.line([0, h - 160, w, h - 160], fill=(219, 219, 219), width=2)
    for i in range(5):
        cx = 108 + i * 216
        d.rounded_rectangle([cx - 32, h - 112, cx + 32, h - 48], radius=12, outline=(0, 0, 0),
                            width=5)
    return _to_array(im)


def _screen_phone_card(a: Array) -> Array:
    w, h = 1080, 2340
    rng = np.random.default_rng(3320)
    im = Image.new("RGB", (w, h), (242, 242, 247))
    d = ImageDraw.Draw(im)
    _status_bar(d, w, 90, (0, 0, 0))
    d.text((48, 120), "Today", fill=(0, 0, 0), font=_font(60))
    d.text((48, 200), "TUESDAY 7 DECEMBER", fill=(120, 120, 128), font=_font(26))
    d.rounded_rectangle([36, 270, w - 36, 1250], radius=36, fill=(255, 255, 255))
    img = _fit(a, 620, 560, upscale=True)
    x = (w - img.shape[1]) // 2
    _paste(im, img, x, 310, radius=24)
    y = 310 + img.shape[0] + 30
    d.text((80, y), "LOCAL NEWS", fill=(230, 60, 60), font=_font(26))
    y = _paragraph(d, rng, 80, y + 44, 900, 3, 40, (0, 0, 0), leading=1.3, y_max=1230)
    for k in range(4):
        top = 1290 + k * 250
        d.rounded_rectangle([36, top, w - 36, top + 220], radius=30, fill=(255, 255, 255))
        col = tuple(int(c) for c in rng.integers(60, 220, 3))
        d.rounded_rectangle([w - 256, top + 30, w - 76, top + 190], radius=18, fill=col)
        _paragraph(d, rng, 80, top + 40, 660, 3, 32, (30, 30, 30), leading=1.35)
    return _jpeg(_to_array(im), 72)


def _screen_document(a: Array) -> Array:
    w, h = 1600, 1000
    rng = np.random.default_rng(3330)
    im = Image.new("RGB", (w, h), (230, 230, 230))
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, w, 32], fill=(43, 87, 154))
    d.text((700, 8), "Quarterly report - Draft.docx", fill=(255, 255, 255), font=_font(14))
    d.rectangle([0, 32, w, 118], fill=(243, 243, 243))
    for i, t in enumerate(("File", "Home", "Insert", "Layout", "References", "Review", "View")):
        d.text((20 + i * 86, 40), t, fill=(40, 40, 40), font=_font(14))
    for i in range(22):
        d.rounded_rectangle([20 + i * 44, 70, 52 + i * 44, 104], radius=4,
                            outline=(170, 170, 170))
    d.line([0, 118, w, 118], fill=(200, 200, 200))
    px0, px1 = 392, 1208
    d.rectangle([px0, 134, px1, h], fill=(255, 255, 255), outline=(210, 210, 210))
    y = _paragraph(d, rng, px0 + 96, 200, px1 - px0 - 192, 5, 15, (30, 30, 30))
    img = _fit(a, 560, 360)
    x = px0 + (px1 - px0 - img.shape[1]) // 2
    _paste(im, img, x, y + 16)
    y += img.shape[0] + 26
    d.text((px0 + 96, y), "Figure 2. Site visit, north pier (photo: field team).",
           fill=(90, 90, 90), font=_font(13))
    _paragraph(d, rng, px0 + 96, y + 34, px1 - px0 - 192, 20, 15, (30, 30, 30), y_max=h - 10)
    d.rectangle([w - 16, 118, w, h], fill=(240, 240, 240))
    d.rectangle([w - 13, 300, w - 3, 420], fill=(190, 190, 190))
    return _to_array(im)


def _screen_chat(a: Array) -> Array:
    w, h = 720, 1520
    rng = np.random.default_rng(3340)
    im = Image.new("RGB", (w, h), (229, 221, 213))
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, w, 60], fill=(0, 94, 84))
    _status_bar(d, w, 60, (255, 255, 255))
    d.rectangle([0, 60, w, 150], fill=(0, 128, 105))
    d.ellipse([70, 78, 126, 134], fill=(200, 210, 220))
    d.text((144, 82), "Grandma", fill=(255, 255, 255), font=_font(28))
    d.text((144, 116), "online", fill=(220, 240, 235), font=_font(18))
    y = 180
    for k in range(3):
        right = k % 2 == 1
        bw = int(rng.integers(240, 520))
        x0 = w - 20 - bw if right else 20
        col = (220, 248, 198) if right else (255, 255, 255)
        d.rounded_rectangle([x0, y, x0 + bw, y + 84], radius=14, fill=col)
        _paragraph(d, rng, x0 + 14, y + 12, bw - 28, 2, 20, (20, 20, 20), leading=1.45)
        y += 104
    img = _fit(a, 460, 460, upscale=True)
    bw, bh = img.shape[1] + 12, img.shape[0] + 12
    x0 = w - 20 - bw
    d.rounded_rectangle([x0, y, x0 + bw, y + bh], radius=18, fill=(220, 248, 198))
    _paste(im, img, x0 + 6, y + 6, radius=14)
    d.text((x0 + bw - 96, y + bh - 34), "10:24", fill=(255, 255, 255), font=_font(18))
    d.line([x0 + bw - 40, y + bh - 24, x0 + bw - 32, y + bh - 16], fill=(83, 189, 235), width=3)
    d.line([x0 + bw - 32, y + bh - 16, x0 + bw - 18, y + bh - 32], fill=(83, 189, 235), width=3)
    y += bh + 20
    if y + 84 < h - 110:
        d.rounded_rectangle([20, y, 400, y + 60], radius=14, fill=(255, 255, 255))
        d.text((34, y + 16), "How lovely!! When was this?", fill=(20, 20, 20), font=_font(20))
    d.rectangle([0, h - 100, w, h], fill=(240, 240, 240))
    d.rounded_rectangle([16, h - 84, w - 100, h - 20], radius=32, fill=(255, 255, 255))
    d.text((40, h - 64), "Message", fill=(150, 150, 150), font=_font(22))
    d.ellipse([w - 84, h - 86, w - 16, h - 18], fill=(0, 128, 105))
    return _jpeg(_to_array(im), 85)


def _screen_viewer(a: Array) -> Array:
    w, h = 1600, 1000
    im = Image.new("RGB", (w, h), (30, 30, 30))
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, w, 48], fill=(43, 43, 43))
    d.text((16, 15), "IMG_20261207_091522.jpg  -  Photos", fill=(220, 220, 220), font=_font(15))
    for i in range(6):
        d.rounded_rectangle([1180 + i * 60, 10, 1208 + i * 60, 38], radius=5,
                            outline=(200, 200, 200), width=2)
    img = _fit(a, 1560, 880)
    x = (w - img.shape[1]) // 2
    y = 48 + (912 - img.shape[0]) // 2
    _paste(im, img, x, y)
    d.rectangle([0, h - 40, w, h], fill=(43, 43, 43))
    d.text((w // 2 - 30, h - 30), "100%", fill=(220, 220, 220), font=_font(15))
    d.polygon([(30, 500), (54, 476), (54, 524)], fill=(200, 200, 200))
    d.polygon([(w - 30, 500), (w - 54, 476), (w - 54, 524)], fill=(200, 200, 200))
    return _to_array(im)


_GALLERY_OTHERS = ("chelsea.png", "rocket.jpg", "flower.jpg", "coffee.png", "china.jpg",
                   "motorcycle_right.png", "astronaut.png", "color.png")


@lru_cache(maxsize=1)
def _gallery_base() -> Image.Image:
    w, h = 1280, 960
    im = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.text((24, 20), "Photos", fill=(32, 33, 36), font=_font(26))
    d.text((1080, 26), "Select  Share", fill=(26, 115, 232), font=_font(16))
    cells = [(c, r) for r in range(3) for c in range(4) if not (c in (1, 2) and r in (0, 1))]
    for (c, r), name in zip(cells, _GALLERY_OTHERS, strict=True):
        x, y = 24 + c * 310, 72 + r * 294
        thumb = _cover(_sample(name), 302, 286)
        im.paste(Image.fromarray(thumb), (x, y))
    return im


def _screen_gallery(a: Array) -> Array:
    im = _gallery_base().copy()
    d = ImageDraw.Draw(im)
    img = _cover(a, 612, 580)
    _paste(im, img, 334, 72)
    d.ellipse([346, 84, 382, 120], fill=(26, 115, 232), outline=(255, 255, 255), width=3)
    d.line([356, 102, 363, 110], fill=(255, 255, 255), width=3)
    d.line([363, 110, 373, 94], fill=(255, 255, 255), width=3)
    return _to_array(im)


def _screen_desktop_feed(a: Array) -> Array:
    w, h = 1920, 1080
    rng = np.random.default_rng(3380)
    im = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(im)
    for i, t in enumerate(("Home", "Explore", "Notifications", "Messages", "Bookmarks",
                           "Profile")):
        d.ellipse([420, 100 + i * 64, 448, 128 + i * 64], outline=(15, 20, 25), width=3)
        d.text((470, 102 + i * 64), t, fill=(15, 20, 25), font=_font(22))
    d.line([640, 0, 640, h], fill=(239, 243, 244), width=2)
    d.line([1240, 0, 1240, h], fill=(239, 243, 244), width=2)
    d.text((660, 18), "Home", fill=(15, 20, 25), font=_font(24))
    d.line([640, 64, 1240, 64], fill=(239, 243, 244), width=2)
    d.ellipse([660, 84, 708, 132], fill=(120, 160, 90))
    d.text((720, 84), "Harbour Photo Club  @harbourphoto - 2h", fill=(15, 20, 25),
           font=_font(17))
    y = _paragraph(d, rng, 720, 112, 500, 2, 17, (15, 20, 25), leading=1.4)
    img = _fit(a, 504, 560, upscale=True)
    _paste(im, img, 720, y + 10, radius=16)
    y += img.shape[0] + 24
    for i, t in enumerate(("12", "48", "311", "9.2K")):
        d.text((730 + i * 120, y), t, fill=(83, 100, 113), font=_font(15))
    d.line([640, y + 36, 1240, y + 36], fill=(239, 243, 244), width=2)
    _paragraph(d, rng, 720, y + 56, 500, 8, 17, (15, 20, 25), y_max=h - 10)
    d.rounded_rectangle([1270, 20, 1620, 64], radius=22, fill=(239, 243, 244))
    d.text((1300, 32), "Search", fill=(83, 100, 113), font=_font(17))
    d.rounded_rectangle([1270, 90, 1620, 560], radius=16, fill=(247, 249, 249))
    d.text((1290, 106), "What's happening", fill=(15, 20, 25), font=_font(22))
    _paragraph(d, rng, 1290, 150, 310, 14, 15, (83, 100, 113), y_max=550)
    return _jpeg(_to_array(im), 90)


# --------------------------------------------------------------------------------------------
# chains and the attack table
# --------------------------------------------------------------------------------------------


def _social(a: Array) -> Array:
    c = _crop_frac(a, 0.9, 0.9)
    h, w = c.shape[:2]
    s = 1080 / max(h, w)
    r = _resize(c, w * s, h * s)
    return _jpeg(r, 76, 2)


def _messaging(a: Array) -> Array:
    return _jpeg(_scale(a, 0.6, cv2.INTER_AREA), 61, 2)


def attacks() -> list[tuple[str, Attack]]:
    """The attack table; each fn(rgb) returns a new C-contiguous uint8 (H', W', 3) array."""
    table: list[tuple[str, Attack]] = [
        ("none", lambda a: _c(a.copy())),
        ("flip_h", lambda a: _c(a[:, ::-1].copy())),
        ("flip_v", lambda a: _c(a[::-1].copy())),
        # stretches of one axis
        ("stretch_x_p13_cropped", lambda a: _stretch(a, "x", 1.13, "cropped")),
        ("stretch_x_m09_kept", lambda a: _stretch(a, "x", 0.91, "kept")),
        ("stretch_y_m12_fitted", lambda a: _stretch(a, "y", 0.88, "fitted")),
        ("stretch_x_p15_fitted", lambda a: _stretch(a, "x", 1.15, "fitted")),
        ("stretch_y_p06_cropped_top", lambda a: _stretch(a, "y", 1.06, "cropped_top")),
        # crops
        ("crop_center_93", lambda a: _crop_frac(a, 0.93, 0.93)),
        ("crop_center_79", lambda a: _crop_frac(a, 0.79, 0.79)),
        ("crop_center_64", lambda a: _crop_frac(a, 0.64, 0.64)),
        ("crop_center_52", lambda a: _crop_frac(a, 0.52, 0.52)),
        ("crop_offcenter_83", lambda a: _crop_frac(a, 0.83, 0.83, 0.2, 0.7)),
        ("crop_corner_br_71", lambda a: _crop_frac(a, 0.71, 0.71, 1.0, 1.0)),
        ("crop_x_only_69", lambda a: _crop_frac(a, 0.69, 1.0, 0.35, 0.5)),
        ("crop_y_only_81", lambda a: _crop_frac(a, 1.0, 0.81, 0.5, 0.6)),
        ("crop_center_74_resized",
         lambda a: _resize(_crop_frac(a, 0.74, 0.74), a.shape[1], a.shape[0])),
        ("crop_corner_tr_86_resized",
         lambda a: _resize(_crop_frac(a, 0.86, 0.86, 1.0, 0.0), a.shape[1], a.shape[0])),
        # rotations
        ("rot_p2.7_black", lambda a: _rotate(a, 2.7, "black")),
        ("rot_m4.3_white", lambda a: _rotate(a, -4.3, "white")),
        ("rot_p7.9_reflect", lambda a: _rotate(a, 7.9, "reflect")),
        ("rot_m9.6_expand", lambda a: _rotate(a, -9.6, "black", expand=True)),
        ("rot_p5.2_cropfill", lambda a: _rotate_cropfill(a, 5.2)),
        ("rot_m3.1_cropfill_resized", lambda a: _rotate_cropfill(a, -3.1, resize_back=True)),
        # padding and borders
        ("pad_white_7", lambda a: _pad(a, 0.07, 0.07, 0.07, 0.07, (255, 255, 255))),
        ("pad_black_uneven", lambda a: _pad(a, 0.03, 0.11, 0.16, 0.05, (0, 0, 0))),
        ("pad_left_11_navy", lambda a: _pad(a, 0.0, 0.0, 0.11, 0.0, (20, 33, 61))),
        ("pad_bottom_caption_14", _pad_caption),
        # compression
        ("jpeg_q87_444", lambda a: _jpeg(a, 87, 0)),
        ("jpeg_q74_420", lambda a: _jpeg(a, 74, 2)),
        ("jpeg_q66_444", lambda a: _jpeg(a, 66, 0)),
        ("jpeg_q58_420", lambda a: _jpeg(a, 58, 2)),
        ("jpeg_q43_420", lambda a: _jpeg(a, 43, 2)),
        ("jpeg_q31_420", lambda a: _jpeg(a, 31, 2)),
        ("webp_q83", lambda a: _webp(a, 83)),
        ("webp_q64", lambda a: _webp(a, 64)),
        ("webp_q52", lambda a: _webp(a, 52)),
        # scaling
        ("down_0.77_area", lambda a: _scale(a, 0.77, cv2.INTER_AREA)),
        ("down_0.63_linear", lambda a: _scale(a, 0.63, cv2.INTER_LINEAR)),
        ("down_0.42_area", lambda a: _scale(a, 0.42, cv2.INTER_AREA)),
        ("up_1.58_cubic", lambda a: _scale(a, 1.58, cv2.INTER_CUBIC)),
        ("up_1.94_lanczos", lambda a: _scale(a, 1.94, cv2.INTER_LANCZOS4)),
        # sharing chains
        ("social_chain", _social),
        ("messaging_chain", _messaging),
        ("messaging_chain_x2", lambda a: _messaging(_messaging(a))),
        # screen captures
        ("screen_browser_light", lambda a: _screen_browser(a, False)),
        ("screen_browser_dark_jpeg80", lambda a: _jpeg(_screen_browser(a, True), 80, 2)),
        ("screen_phone_feed", _screen_phone_feed),
        ("screen_phone_card_jpeg72", _screen_phone_card),
        ("screen_document_page", _screen_document),
        ("screen_chat_bubble_jpeg85", _screen_chat),
        ("screen_photo_viewer", _screen_viewer),
        ("screen_gallery_grid", _screen_gallery),
        ("screen_desktop_feed_jpeg90", _screen_desktop_feed),
        # filters
        ("blur_gauss_s1.3", lambda a: _blur(a, 1.3)),
        ("sharpen_unsharp_0.8", lambda a: _sharpen(a, 0.8)),
        ("noise_gauss_s6.2", lambda a: _noise(a, 6.2, 4242)),
        ("bright_p23", lambda a: _bright(a, 23)),
        ("bright_m19", lambda a: _bright(a, -19)),
        ("contrast_up_1.27", lambda a: _contrast(a, 1.27)),
        ("contrast_down_0.74", lambda a: _contrast(a, 0.74)),
        ("gamma_0.78", lambda a: _gamma(a, 0.78)),
        ("gamma_1.35", lambda a: _gamma(a, 1.35)),
        ("sat_up_1.42", lambda a: _saturation(a, 1.42)),
        ("sat_down_0.55", lambda a: _saturation(a, 0.55)),
        ("greyscale", _grey),
        # combinations
        ("cb_crop84_jpeg71", lambda a: _jpeg(_crop_frac(a, 0.84, 0.84), 71)),
        ("cb_rot_p3.4_cropfill_jpeg78", lambda a: _jpeg(_rotate_cropfill(a, 3.4), 78)),
        ("cb_fliph_down0.66_webp74",
         lambda a: _webp(_scale(_c(a[:, ::-1].copy()), 0.66, cv2.INTER_AREA), 74)),
        ("cb_bright_p14_contrast1.12_jpeg82",
         lambda a: _jpeg(_contrast(_bright(a, 14), 1.12), 82)),
        ("cb_pad_white9_jpeg69",
         lambda a: _jpeg(_pad(a, 0.09, 0.09, 0.09, 0.09, (255, 255, 255)), 69)),
        ("cb_stretch_x1.08_crop90_jpeg77",
         lambda a: _jpeg(_crop_frac(_stretch(a, "x", 1.08, "fitted"), 0.9, 0.9), 77)),
        ("cb_down0.53_sharpen_jpeg64",
         lambda a: _jpeg(_sharpen(_scale(a, 0.53, cv2.INTER_AREA), 0.6), 64)),
        ("cb_noise4_blur0.9_jpeg73", lambda a: _jpeg(_blur(_noise(a, 4.0, 777), 0.9), 73)),
        ("cb_grey_crop76_resized",
         lambda a: _resize(_crop_frac(_grey(a), 0.76, 0.76), a.shape[1], a.shape[0])),
        ("cb_rot_m6.2_black_down0.72_jpeg66",
         lambda a: _jpeg(_scale(_rotate(a, -6.2, "black"), 0.72, cv2.INTER_AREA), 66)),
        ("cb_up1.54_crop_offcenter70_jpeg84",
         lambda a: _jpeg(_crop_frac(_scale(a, 1.54, cv2.INTER_CUBIC), 0.7, 0.7, 0.3, 0.4), 84)),
        ("cb_social_then_messaging", lambda a: _messaging(_social(a))),
        ("cb_corner_bl80_pad_black12_webp59",
         lambda a: _webp(_pad(_crop_frac(a, 0.8, 0.8, 0.0, 1.0), 0.12, 0.12, 0.12, 0.12,
                              (0, 0, 0)), 59)),
        ("cb_phone_feed_messaging", lambda a: _messaging(_screen_phone_feed(a))),
    ]
    return table


# --------------------------------------------------------------------------------------------
# images
# --------------------------------------------------------------------------------------------


def _tint(a: Array, gains: tuple[float, float, float], lift: tuple[float, float, float] = (0, 0, 0)
          ) -> Array:
    f = a.astype(np.float32) * np.array(gains, np.float32) + np.array(lift, np.float32)
    return _u8(f)


def _sepia(a: Array) -> Array:
    f = a.astype(np.float32)
    m = np.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]],
                 np.float32)
    return _u8(f @ m.T)


def _photos() -> list[tuple[str, Array]]:
    s = _sample
    lz = cv2.INTER_LANCZOS4
    out: list[tuple[str, Array]] = []
    out.append(("p01_coffee_native_600x400", _c(s("coffee.png").copy())))
    chel = s("chelsea.png")
    out.append(("p02_chelsea_fur_portrait_720x900",
                _resize(chel[:, 120:360], 720, 900, lz)))
    china = s("china.jpg")
    out.append(("p03_china_panorama_2048x704", _resize(china[110:330], 2048, 704, lz)))
    flower = _resize(s("flower.jpg"), 1024, 683, lz)
    out.append(("p04_flower_dark_1024x683", _bright(_gamma(flower, 1.9), -6)))
    rocket = _resize(s("rocket.jpg"), 960, 640, lz)
    out.append(("p05_rocket_bright_960x640", _bright(_gamma(rocket, 0.55), 12)))
    out.append(("p06_camera_grey_800x800", _resize(s("camera.png"), 800, 800, lz)))
    out.append(("p07_hubble_native_1000x872", _c(s("hubble_deep_field.jpg").copy())))
    moto = s("motorcycle_left.png")
    out.append(("p08_motorcycle_detail_1482x1000", _resize(moto, 1482, 1000, lz)))
    grass = _resize(s("grass.png"), 1024, 1024, lz)
    out.append(("p09_grass_green_tex_1024x1024", _tint(grass, (0.55, 0.95, 0.38), (8, 18, 0))))
    out.append(("p10_gravel_warm_tex_512x512",
                _tint(s("gravel.png"), (1.06, 0.93, 0.74), (6, 2, 0))))
    brick = _resize(s("brick.png")[:, 64:448], 600, 800, lz)
    out.append(("p11_brick_red_tex_portrait_600x800", _tint(brick, (1.12, 0.62, 0.48), (20, 4, 0))))
    astro = _resize(s("astronaut.png")[40:440], 1100, 860, lz)
    out.append(("p12_astronaut_lowcontrast_1100x860", _contrast(_bright(astro, 14), 0.46)))
    out.append(("p13_ihc_fine_tex_900x900", _resize(s("ihc.png"), 900, 900, lz)))
    moon = _resize(s("moon.png")[:, 90:430], 544, 820, lz)
    out.append(("p14_moon_blue_tex_portrait_544x820", _tint(moon, (0.78, 0.9, 1.18), (0, 4, 14))))
    coffee = s("coffee.png")
    out.append(("p15_coffee_portrait_916_576x1024", _resize(coffee[:, 200:425], 576, 1024, lz)))
    out.append(("p16_retina_dark_1411x1058", _c(s("retina.jpg")[160:1218].copy())))
    out.append(("p17_chelsea_sepia_451x300", _sepia(chel)))
    return out


_GEN_PROMPTS: tuple[tuple[str, str, int], ...] = (
    ("gen01_misty_lake", "a misty mountain lake at dawn with pine trees on the shore", 3119),
    ("gen02_green_hills", "rolling green hills under a bright blue summer sky", 58),
    ("gen03_desert_canyon", "a red desert canyon at sunset with an orange sky", 90210),
    ("gen04_snowy_forest_night", "a snowy pine forest at night under a full moon", 4417),
    ("gen05_lighthouse_coast", "a white lighthouse on a rocky coast with waves", 1203),
    ("gen06_red_barn_wheat", "a red barn in a golden wheat field at noon", 77031),
)


def _generated() -> list[tuple[str, Array]]:
    out: list[tuple[str, Array]] = []
    backend = None
    for name, prompt, seed in _GEN_PROMPTS:
        path = CACHE_DIR / f"{name}.png"
        arr: Array | None = None
        if path.is_file():
            try:
                with Image.open(path) as im:
                    arr = np.array(im.convert("RGB"), dtype=np.uint8)
                if arr.shape != (256, 256, 3):
                    arr = None
            except (OSError, ValueError):
                arr = None
        if arr is None:
            if backend is None:
                from safegen.backends.base import BackendRequest
                from safegen.backends.builtin import BuiltinBackend

                backend = (BuiltinBackend(), BackendRequest)
            model, request_cls = backend
            img = model.generate(request_cls(prompt=prompt, negative_prompt=None, seeds=(seed,)))[0]
            arr = np.array(img.convert("RGB"), dtype=np.uint8)
            CACHE_DIR.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".tmp{os.getpid()}.png")
            Image.fromarray(arr).save(tmp, "PNG")
            os.replace(tmp, path)
        out.append((name, _c(arr)))
    return out


def _screenshot_desktop() -> Array:
    w, h = 1366, 768
    rng = np.random.default_rng(5100)
    im = Image.new("RGB", (w, h), (0, 99, 177))
    d = ImageDraw.Draw(im)
    d.rectangle([0, h - 40, w, h], fill=(32, 32, 32))
    for i in range(6):
        d.rounded_rectangle([200 + i * 48, h - 34, 228 + i * 48, h - 6], radius=5,
                            fill=tuple(int(c) for c in rng.integers(80, 240, 3)))
    d.text((w - 90, h - 30), "09:41", fill=(255, 255, 255), font=_font(14))
    x0, y0, x1, y1 = 60, 30, 1300, 710
    d.rectangle([x0, y0, x1, y1], fill=(255, 255, 255), outline=(120, 120, 120))
    d.rectangle([x0, y0, x1, y0 + 32], fill=(240, 240, 240))
    d.text((x0 + 12, y0 + 9), "Inbox - Mail", fill=(30, 30, 30), font=_font(14))
    for i in range(3):
        d.text((x1 - 120 + i * 40, y0 + 6), "_ox"[i], fill=(60, 60, 60), font=_font(16))
    d.rectangle([x0, y0 + 32, x1, y0 + 76], fill=(0, 120, 212))
    for i, t in enumerate(("New mail", "Delete", "Archive", "Reply", "Forward", "Move")):
        d.text((x0 + 16 + i * 110, y0 + 46), t, fill=(255, 255, 255), font=_font(15))
    d.rectangle([x0, y0 + 76, x0 + 220, y1], fill=(243, 242, 241))
    for i, t in enumerate(("Inbox  (12)", "Drafts", "Sent Items", "Archive", "Deleted",
                           "Junk", "Projects", "Receipts", "Travel")):
        col = (0, 90, 170) if i == 0 else (40, 40, 40)
        d.text((x0 + 20, y0 + 96 + i * 32), t, fill=col, font=_font(15))
    lx = x0 + 221
    for i in range(13):
        y = y0 + 77 + i * 48
        if i == 2:
            d.rectangle([lx, y, lx + 400, y + 47], fill=(205, 230, 247))
        d.text((lx + 14, y + 6), _words(rng, 2).title(), fill=(30, 30, 30), font=_font(15))
        d.text((lx + 14, y + 26), _words(rng, 6), fill=(100, 100, 100), font=_font(12))
        d.text((lx + 340, y + 6), f"{int(rng.integers(1, 12))}:{int(rng.integers(10, 59))}",
               fill=(100, 100, 100), font=_font(12))
        d.line([lx, y + 47, lx + 400, y + 47], fill=(225, 225, 225))
    rx = lx + 420
    d.text((rx, y0 + 96), "Re: Quarterly meeting plan", fill=(20, 20, 20), font=_font(22))
    d.ellipse([rx, y0 + 140, rx + 40, y0 + 180], fill=(180, 90, 150))
    d.text((rx + 52, y0 + 144), "Aiko Tanaka <aiko@example.com>", fill=(30, 30, 30),
           font=_font(15))
    _paragraph(d, rng, rx, y0 + 210, x1 - rx - 30, 16, 15, (40, 40, 40), y_max=y1 - 10)
    return _to_array(im)


def _screenshot_phone() -> Array:
    w, h = 828, 1792
    rng = np.random.default_rng(5200)
    im = Image.new("RGB", (w, h), (242, 242, 247))
    d = ImageDraw.Draw(im)
    _status_bar(d, w, 88, (0, 0, 0))
    d.text((40, 120), "Settings", fill=(0, 0, 0), font=_font(68))
    d.rounded_rectangle([32, 230, w - 32, 294], radius=20, fill=(227, 227, 233))
    d.text((80, 246), "Search", fill=(140, 140, 146), font=_font(30))
    y = 340
    labels = ("Airplane Mode", "Wi-Fi", "Bluetooth", "Mobile Data", "Personal Hotspot",
              "Notifications", "Sounds & Haptics", "Focus", "Screen Time", "General",
              "Control Centre", "Display & Brightness", "Wallpaper", "Battery", "Privacy")
    groups = (5, 4, 6)
    k = 0
    for g in groups:
        d.rounded_rectangle([32, y, w - 32, y + g * 88], radius=22, fill=(255, 255, 255))
        for j in range(g):
            yy = y + j * 88
            col = tuple(int(c) for c in rng.integers(30, 230, 3))
            d.rounded_rectangle([56, yy + 18, 108, yy + 70], radius=12, fill=col)
            d.text((132, yy + 28), labels[k], fill=(0, 0, 0), font=_font(32))
            if k in (0, 2):
                on = k == 2
                d.rounded_rectangle([w - 160, yy + 20, w - 58, yy + 68], radius=24,
                                    fill=(52, 199, 89) if on else (233, 233, 235))
                cx = w - 82 if on else w - 134
                d.ellipse([cx - 22, yy + 22, cx + 22, yy + 66], fill=(255, 255, 255))
            else:
                d.line([w - 76, yy + 32, w - 64, yy + 44], fill=(196, 196, 199), width=4)
                d.line([w - 64, yy + 44, w - 76, yy + 56], fill=(196, 196, 199), width=4)
            if j < g - 1:
                d.line([132, yy + 87, w - 32, yy + 87], fill=(226, 226, 230), width=2)
            k += 1
        y += g * 88 + 48
    d.rounded_rectangle([w // 2 - 140, h - 24, w // 2 + 140, h - 14], radius=5, fill=(0, 0, 0))
    return _to_array(im)


def _graphic_poster() -> Array:
    w, h = 900, 1200
    im = Image.new("RGB", (w, h), (245, 214, 66))
    d = ImageDraw.Draw(im)
    d.ellipse([420, -160, 1100, 520], fill=(233, 85, 52))
    d.polygon([(0, 1200), (0, 620), (560, 1200)], fill=(29, 53, 87))
    d.rectangle([0, 760, 900, 800], fill=(29, 53, 87))
    d.ellipse([120, 260, 330, 470], fill=(255, 255, 255))
    d.ellipse([170, 310, 280, 420], fill=(233, 85, 52))
    for i in range(7):
        d.rectangle([600 + i * 36, 640, 616 + i * 36, 740], fill=(29, 53, 87))
    d.text((60, 60), "SUMMER", fill=(29, 53, 87), font=_font(120))
    d.text((60, 190), "SOUNDS", fill=(255, 255, 255), font=_font(96))
    d.text((440, 860), "OPEN AIR FESTIVAL", fill=(29, 53, 87), font=_font(40))
    d.text((440, 920), "12-14 JULY  HARBOUR PARK", fill=(29, 53, 87), font=_font(30))
    d.text((620, 1100), "tickets: example.org", fill=(29, 53, 87), font=_font(24))
    return _to_array(im)


def _graphic_chart() -> Array:
    w, h = 1200, 700
    rng = np.random.default_rng(5400)
    im = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.text((80, 24), "Monthly visitors by site, 2026", fill=(33, 33, 33), font=_font(28))
    x0, y0, x1, y1 = 100, 90, 1150, 620
    for i in range(6):
        y = y1 - i * (y1 - y0) / 5
        d.line([x0, y, x1, y], fill=(225, 225, 225), width=1)
        d.text((40, y - 9), f"{i * 20}k", fill=(90, 90, 90), font=_font(15))
    d.line([x0, y0, x0, y1], fill=(60, 60, 60), width=2)
    d.line([x0, y1, x1, y1], fill=(60, 60, 60), width=2)
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    cols = ((66, 133, 244), (251, 188, 5), (52, 168, 83))
    gw = (x1 - x0) / 12
    line_pts = []
    for m in range(12):
        vals = rng.uniform(0.15, 0.95, 3)
        for k in range(3):
            bx = x0 + m * gw + 10 + k * (gw - 20) / 3
            top = y1 - vals[k] * (y1 - y0)
            d.rectangle([bx, top, bx + (gw - 20) / 3 - 3, y1 - 1], fill=cols[k])
        line_pts.append((x0 + m * gw + gw / 2, y1 - float(vals.mean()) * (y1 - y0)))
        d.text((x0 + m * gw + gw / 2 - 14, y1 + 12), months[m], fill=(60, 60, 60), font=_font(15))
    d.line(line_pts, fill=(219, 68, 55), width=4)
    for px, py in line_pts:
        d.ellipse([px - 6, py - 6, px + 6, py + 6], fill=(219, 68, 55))
    for k, t in enumerate(("North pier", "Old town", "Museum", "Average")):
        col = cols[k] if k < 3 else (219, 68, 55)
        d.rectangle([300 + k * 200, 660, 318 + k * 200, 678], fill=col)
        d.text((326 + k * 200, 660), t, fill=(60, 60, 60), font=_font(16))
    return _to_array(im)


def images() -> list[tuple[str, str, Array]]:
    """About 26 test images: (name, image_class, rgb)."""
    out: list[tuple[str, str, Array]] = []
    out += [(n, "photo", a) for n, a in _photos()]
    out += [(n, "generated", a) for n, a in _generated()]
    out.append(("ss_desktop_mail_app_1366x768", "screenshot", _screenshot_desktop()))
    out.append(("ss_phone_settings_828x1792", "screenshot", _screenshot_phone()))
    out.append(("gfx_poster_900x1200", "graphic", _graphic_poster()))
    out.append(("gfx_chart_1200x700", "graphic", _graphic_chart()))
    return [(n, k, _c(a)) for n, k, a in out]


# --------------------------------------------------------------------------------------------
# unmarked images
# --------------------------------------------------------------------------------------------

_PHOTO_SOURCES = ("astronaut.png", "brick.png", "camera.png", "cell.png", "chelsea.png",
                  "clock_motion.png", "coffee.png", "coins.png", "grass.png", "gravel.png",
                  "hubble_deep_field.jpg", "ihc.png", "moon.png", "motorcycle_left.png",
                  "motorcycle_right.png", "retina.jpg", "rocket.jpg", "china.jpg", "flower.jpg",
                  "color.png", "horse.png", "logo.png", "page.png", "text.png", "phantom.png")


def _side(rng: np.random.Generator) -> int:
    return int(rng.integers(96, 1101))


def _rand_photo(rng: np.random.Generator) -> Array:
    return _sample(_PHOTO_SOURCES[int(rng.integers(0, len(_PHOTO_SOURCES)))])


def _clamp_sides(a: Array, rng: np.random.Generator) -> Array:
    h, w = a.shape[:2]
    lo, hi = 96, 1100
    s = 1.0
    if max(h, w) > hi:
        s = hi / max(h, w)
    if min(h, w) * s < lo:
        s = lo / min(h, w)
    if s != 1.0:
        a = _resize(a, min(hi, max(lo, w * s)), min(hi, max(lo, h * s)))
    return a


def _u_photo_crop(rng: np.random.Generator) -> Array:
    src = _rand_photo(rng)
    w, h = _side(rng), _side(rng)
    sh, sw = src.shape[:2]
    frac = rng.uniform(0.3, 1.0)
    cw = sw * frac
    ch = cw * h / w
    if ch > sh:
        ch = sh
        cw = ch * w / h
    cw, ch = max(2, int(cw)), max(2, int(ch))
    x0 = int(rng.integers(0, sw - cw + 1))
    y0 = int(rng.integers(0, sh - ch + 1))
    return _resize(src[y0 : y0 + ch, x0 : x0 + cw], w, h)


def _u_photo_flip_turn(rng: np.random.Generator) -> Array:
    a = np.rot90(_rand_photo(rng), int(rng.integers(0, 4)))
    if rng.random() < 0.5:
        a = a[:, ::-1]
    if rng.random() < 0.3:
        a = a[::-1]
    a = _c(a.copy())
    s = rng.uniform(0.4, 1.6)
    return _clamp_sides(_scale(a, s), rng)


def _u_photo_rescale(rng: np.random.Generator) -> Array:
    interp = (cv2.INTER_NEAREST, cv2.INTER_LINEAR, cv2.INTER_CUBIC, cv2.INTER_AREA,
              cv2.INTER_LANCZOS4)[int(rng.integers(0, 5))]
    a = _rand_photo(rng)
    sx = rng.uniform(0.25, 2.2)
    sy = sx * rng.uniform(0.85, 1.18)
    return _clamp_sides(_resize(a, a.shape[1] * sx, a.shape[0] * sy, interp), rng)


def _u_photo_colour(rng: np.random.Generator) -> Array:
    a = _u_photo_crop(rng)
    hsv = cv2.cvtColor(a, cv2.COLOR_RGB2HSV).astype(np.int32)
    hsv[..., 0] = (hsv[..., 0] + int(rng.integers(0, 180))) % 180
    hsv[..., 1] = np.clip(hsv[..., 1] * rng.uniform(0.2, 1.8), 0, 255)
    a = _c(cv2.cvtColor(hsv.astype(np.uint8), cv2.COLOR_HSV2RGB))
    a = _gamma(a, float(rng.uniform(0.5, 2.0)))
    gains = tuple(float(g) for g in rng.uniform(0.75, 1.25, 3))
    return _tint(a, gains, tuple(float(v) for v in rng.uniform(-20, 20, 3)))


def _u_photo_recompress(rng: np.random.Generator) -> Array:
    a = _u_photo_crop(rng)
    for _ in range(int(rng.integers(1, 4))):
        if rng.random() < 0.7:
            a = _jpeg(a, int(rng.integers(20, 96)), int(rng.choice([0, 1, 2])))
        else:
            a = _webp(a, int(rng.integers(30, 95)))
    return a


def _u_screen(rng: np.random.Generator) -> Array:
    photo = _u_photo_crop(rng)
    fns = (lambda x: _screen_browser(x, False), lambda x: _screen_browser(x, True),
           _screen_phone_feed, _screen_phone_card, _screen_document, _screen_chat,
           _screen_viewer, _screen_gallery, _screen_desktop_feed)
    a = fns[int(rng.integers(0, len(fns)))](photo)
    long_side = int(rng.integers(600, 1101))
    s = long_side / max(a.shape[:2])
    return _clamp_sides(_scale(a, s), rng)


def _rand_colour(rng: np.random.Generator) -> tuple[int, int, int]:
    c = rng.integers(0, 256, 3)
    return int(c[0]), int(c[1]), int(c[2])


def _u_graphic_shapes(rng: np.random.Generator) -> Array:
    w, h = _side(rng), _side(rng)
    im = Image.new("RGB", (w, h), _rand_colour(rng))
    d = ImageDraw.Draw(im)
    for _ in range(int(rng.integers(3, 30))):
        x0, x1 = sorted(rng.integers(-w // 4, w + w // 4, 2).tolist())
        y0, y1 = sorted(rng.integers(-h // 4, h + h // 4, 2).tolist())
        kind = int(rng.integers(0, 4))
        col = _rand_colour(rng)
        if kind == 0:
            d.rectangle([x0, y0, x1, y1], fill=col)
        elif kind == 1:
            d.ellipse([x0, y0, x1, y1], fill=col)
        elif kind == 2:
            pts = [(int(px), int(py)) for px, py in zip(rng.integers(0, w, 3),
                                                          rng.integers(0, h, 3), strict=True)]
            d.polygon(pts, fill=col)
        else:
            d.line([x0, y0, x1, y1], fill=col, width=int(rng.integers(1, 12)))
    return _to_array(im)


def _u_graphic_text(rng: np.random.Generator) -> Array:
    w, h = _side(rng), _side(rng)
    dark = rng.random() < 0.3
    bg = (int(rng.integers(0, 60)),) * 3 if dark else (int(rng.integers(215, 256)),) * 3
    im = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(im)
    fg = (235, 235, 235) if dark else (20, 20, 20)
    y = int(rng.integers(4, 30))
    while y < h - 10:
        size = int(rng.choice([10, 12, 14, 16, 20, 28, 40]))
        col = _rand_colour(rng) if rng.random() < 0.2 else fg
        d.text((int(rng.integers(4, 40)), y), _words(rng, int(rng.integers(2, 14))), fill=col,
               font=_font(size))
        y += int(size * rng.uniform(1.3, 2.2))
    return _to_array(im)


def _u_graphic_chart(rng: np.random.Generator) -> Array:
    w, h = _side(rng), _side(rng)
    w, h = max(w, 160), max(h, 120)
    im = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(im)
    x0, y0, x1, y1 = int(w * 0.1), int(h * 0.1), int(w * 0.95), int(h * 0.88)
    d.line([x0, y0, x0, y1], fill=(50, 50, 50), width=2)
    d.line([x0, y1, x1, y1], fill=(50, 50, 50), width=2)
    n = int(rng.integers(3, 20))
    kind = int(rng.integers(0, 3))
    vals = rng.uniform(0.05, 1.0, n)
    gw = (x1 - x0) / n
    if kind == 0:
        col = _rand_colour(rng)
        for i, v in enumerate(vals):
            d.rectangle([x0 + i * gw + 2, y1 - v * (y1 - y0), x0 + (i + 1) * gw - 2, y1 - 1],
                        fill=col)
    elif kind == 1:
        for _ in range(int(rng.integers(1, 4))):
            pts = [(x0 + i * gw, y1 - float(v) * (y1 - y0))
                   for i, v in enumerate(rng.uniform(0.05, 1.0, n))]
            d.line(pts, fill=_rand_colour(rng), width=int(rng.integers(1, 5)))
    else:
        cx, cy, r = (x0 + x1) // 2, (y0 + y1) // 2, min(x1 - x0, y1 - y0) // 2
        start = 0.0
        for v in vals / vals.sum():
            d.pieslice([cx - r, cy - r, cx + r, cy + r], start, start + 360 * float(v),
                       fill=_rand_colour(rng))
            start += 360 * float(v)
    d.text((x0, max(2, y0 - 24)), _words(rng, 4).title(), fill=(30, 30, 30), font=_font(14))
    return _to_array(im)


def _grid(w: int, h: int) -> tuple[Array, Array]:
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    return xx, yy


def _u_texture_grating(rng: np.random.Generator) -> Array:
    w, h = _side(rng), _side(rng)
    xx, yy = _grid(w, h)
    f = np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(1, 4))):
        th = rng.uniform(0, np.pi)
        period = rng.uniform(2.0, 80.0)
        f += np.sin(2 * np.pi * (xx * np.cos(th) + yy * np.sin(th)) / period
                    + rng.uniform(0, 2 * np.pi)).astype(np.float32)
    f = (f - f.min()) / max(1e-6, float(f.max() - f.min()))
    c0 = np.array(_rand_colour(rng), np.float32)
    c1 = np.array(_rand_colour(rng), np.float32)
    return _u8(c0 + f[..., None] * (c1 - c0))


def _u_texture_checker(rng: np.random.Generator) -> Array:
    w, h = _side(rng), _side(rng)
    cell = int(rng.integers(1, 41))
    xx, yy = _grid(w, h)
    if rng.random() < 0.3:
        th = rng.uniform(0, np.pi / 2)
        xx, yy = xx * np.cos(th) - yy * np.sin(th), xx * np.sin(th) + yy * np.cos(th)
    m = ((np.floor(xx / cell) + np.floor(yy / cell)) % 2).astype(bool)
    out = np.empty((h, w, 3), np.uint8)
    out[m] = _rand_colour(rng)
    out[~m] = _rand_colour(rng)
    return _c(out)


def _u_texture_stripes(rng: np.random.Generator) -> Array:
    w, h = _side(rng), _side(rng)
    width = int(rng.integers(1, 30))
    xx, yy = _grid(w, h)
    th = float(rng.choice([0.0, np.pi / 2, rng.uniform(0, np.pi)]))
    t = xx * np.cos(th) + yy * np.sin(th)
    ncol = int(rng.integers(2, 5))
    cols = np.array([_rand_colour(rng) for _ in range(ncol)], np.uint8)
    idx = (np.floor(t / width).astype(np.int64)) % ncol
    return _c(cols[idx])


def _u_texture_dots(rng: np.random.Generator) -> Array:
    w, h = _side(rng), _side(rng)
    im = Image.new("RGB", (w, h), _rand_colour(rng))
    d = ImageDraw.Draw(im)
    step = int(rng.integers(4, 40))
    r = max(1.0, step * rng.uniform(0.15, 0.45))
    col = _rand_colour(rng)
    jitter = rng.random() < 0.4
    for yi in range(0, h + step, step):
        off = step // 2 if (yi // step) % 2 and rng.random() < 0.5 else 0
        for xi in range(off, w + step, step):
            jx = float(rng.uniform(-step / 4, step / 4)) if jitter else 0.0
            d.ellipse([xi + jx - r, yi - r, xi + jx + r, yi + r], fill=col)
    return _to_array(im)


def _u_texture_tiles(rng: np.random.Generator) -> Array:
    w, h = _side(rng), _side(rng)
    t = int(rng.integers(16, 129))
    src = _rand_photo(rng)
    sh, sw = src.shape[:2]
    out = np.zeros((h, w, 3), np.uint8)
    same = rng.random() < 0.5
    y0s, x0s = int(rng.integers(0, max(1, sh - t))), int(rng.integers(0, max(1, sw - t)))
    patch = src[y0s : y0s + t, x0s : x0s + t]
    for y in range(0, h, t):
        for x in range(0, w, t):
            if not same:
                y0s = int(rng.integers(0, max(1, sh - t)))
                x0s = int(rng.integers(0, max(1, sw - t)))
                patch = src[y0s : y0s + t, x0s : x0s + t]
            ph, pw = min(t, h - y, patch.shape[0]), min(t, w - x, patch.shape[1])
            out[y : y + ph, x : x + pw] = patch[:ph, :pw]
    return _c(out)


def _u_noise_gauss(rng: np.random.Generator) -> Array:
    w, h = _side(rng), _side(rng)
    mean = rng.uniform(40, 215)
    sd = rng.uniform(3, 80)
    shape = (h, w, 3) if rng.random() < 0.7 else (h, w, 1)
    a = _u8(rng.normal(mean, sd, shape))
    return _c(np.broadcast_to(a, (h, w, 3)))


def _u_noise_uniform(rng: np.random.Generator) -> Array:
    w, h = _side(rng), _side(rng)
    lo = int(rng.integers(0, 128))
    hi = int(rng.integers(lo + 1, 257))
    return _c(rng.integers(lo, hi, (h, w, 3), dtype=np.uint16).astype(np.uint8))


def _u_noise_saltpepper(rng: np.random.Generator) -> Array:
    w, h = _side(rng), _side(rng)
    base = _u_photo_crop(rng) if rng.random() < 0.5 else np.full((h, w, 3), 128, np.uint8)
    a = base.copy()
    hh, ww = a.shape[:2]
    p = rng.uniform(0.005, 0.2)
    m = rng.random((hh, ww))
    a[m < p / 2] = 0
    a[(m >= p / 2) & (m < p)] = 255
    return _c(a)


def _u_noise_pink(rng: np.random.Generator) -> Array:
    w, h = _side(rng), _side(rng)
    beta = rng.uniform(0.8, 2.2)
    fy = np.fft.fftfreq(h)[:, None]
    fx = np.fft.rfftfreq(w)[None, :]
    f = np.sqrt(fx * fx + fy * fy)
    f[0, 0] = 1.0
    amp = 1.0 / f ** (beta / 2.0)
    amp[0, 0] = 0.0
    chans = []
    for _ in range(3 if rng.random() < 0.7 else 1):
        spec = (rng.normal(size=f.shape) + 1j * rng.normal(size=f.shape)) * amp
        x = np.fft.irfft2(spec, s=(h, w))
        x = (x - x.mean()) / max(1e-9, float(x.std()))
        chans.append(x)
    x = np.stack(chans, axis=-1)
    x = np.broadcast_to(x, (h, w, 3))
    return _u8(128 + rng.uniform(20, 60) * x)


def _u_noise_blurred(rng: np.random.Generator) -> Array:
    a = _u_noise_uniform(rng)
    return _blur(a, float(rng.uniform(0.6, 8.0)))


def _u_noise_jpeg(rng: np.random.Generator) -> Array:
    a = _u_noise_gauss(rng)
    return _jpeg(a, int(rng.integers(15, 95)), int(rng.choice([0, 2])))


def _u_flat(rng: np.random.Generator) -> Array:
    w, h = _side(rng), _side(rng)
    return _c(np.full((h, w, 3), _rand_colour(rng), np.uint8))


def _u_gradient(rng: np.random.Generator) -> Array:
    w, h = _side(rng), _side(rng)
    xx, yy = _grid(w, h)
    if rng.random() < 0.7:
        th = rng.uniform(0, 2 * np.pi)
        t = xx * np.cos(th) + yy * np.sin(th)
    else:
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        t = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2)
    t = (t - t.min()) / max(1e-6, float(t.max() - t.min()))
    c0 = np.array(_rand_colour(rng), np.float32)
    c1 = np.array(_rand_colour(rng), np.float32)
    return _u8(c0 + t[..., None] * (c1 - c0))


def _u_photo_collage(rng: np.random.Generator) -> Array:
    w, h = _side(rng), _side(rng)
    out = np.full((h, w, 3), _rand_colour(rng), np.uint8)
    cols, rows = int(rng.integers(1, 4)), int(rng.integers(1, 4))
    gap = int(rng.integers(0, 12))
    cw, ch = max(8, (w - gap * (cols + 1)) // cols), max(8, (h - gap * (rows + 1)) // rows)
    for r in range(rows):
        for c in range(cols):
            tile = _cover(_rand_photo(rng), cw, ch)
            y, x = gap + r * (ch + gap), gap + c * (cw + gap)
            ph, pw = min(ch, h - y), min(cw, w - x)
            if ph > 0 and pw > 0:
                out[y : y + ph, x : x + pw] = tile[:ph, :pw]
    return _c(out)


_UNMARKED_KINDS: tuple[tuple[str, Callable[[np.random.Generator], Array]], ...] = (
    ("photo_crop", _u_photo_crop),
    ("photo_flip_turn", _u_photo_flip_turn),
    ("photo_rescale", _u_photo_rescale),
    ("photo_colour", _u_photo_colour),
    ("photo_recompress", _u_photo_recompress),
    ("screen", _u_screen),
    ("graphic_shapes", _u_graphic_shapes),
    ("graphic_text", _u_graphic_text),
    ("graphic_chart", _u_graphic_chart),
    ("texture_grating", _u_texture_grating),
    ("texture_checker", _u_texture_checker),
    ("texture_stripes", _u_texture_stripes),
    ("texture_dots", _u_texture_dots),
    ("texture_tiles", _u_texture_tiles),
    ("noise_gauss", _u_noise_gauss),
    ("noise_uniform", _u_noise_uniform),
    ("noise_saltpepper", _u_noise_saltpepper),
    ("noise_pink", _u_noise_pink),
    ("noise_blurred", _u_noise_blurred),
    ("noise_jpeg", _u_noise_jpeg),
    ("flat", _u_flat),
    ("gradient", _u_gradient),
    ("photo_collage", _u_photo_collage),
)


def unmarked(n: int = 10000, seed: int = 2026120714) -> Iterator[tuple[str, Array]]:
    """n unmarked images; item i depends only on default_rng([seed, i]) and the samples."""
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        kind, fn = _UNMARKED_KINDS[int(rng.integers(0, len(_UNMARKED_KINDS)))]
        a = fn(rng)
        if a.ndim == 2:
            a = np.repeat(a[..., None], 3, axis=2)
        yield f"u{i:05d}_{kind}", _c(a)


# --------------------------------------------------------------------------------------------
# edge cases
# --------------------------------------------------------------------------------------------


def edge_cases() -> list[tuple[str, Array]]:
    """Awkward uint8 RGB arrays."""
    rng = np.random.default_rng(2026120799)
    out: list[tuple[str, Array]] = []

    def full(h: int, w: int, c: tuple[int, int, int]) -> Array:
        return _c(np.full((h, w, 3), c, np.uint8))

    out.append(("tiny_1x1", full(1, 1, (200, 30, 90))))
    out.append(("tiny_2x2", _c(rng.integers(0, 256, (2, 2, 3), dtype=np.uint16).astype(np.uint8))))
    out.append(("tiny_3x5", _c(rng.integers(0, 256, (3, 5, 3), dtype=np.uint16).astype(np.uint8))))
    out.append(("tiny_7x7_photo", _resize(_sample("coffee.png"), 7, 7)))
    out.append(("strip_row_1x640", _resize(_sample("astronaut.png")[256:257], 640, 1)))
    out.append(("strip_col_640x1", _resize(_sample("astronaut.png")[:, 300:301], 1, 640)))
    out.append(("strip_2x1000", _resize(_sample("china.jpg")[200:202], 1000, 2)))
    yy, xx = np.mgrid[0:48, 0:8000]
    strip = np.stack([(xx * 7) % 256, (yy * 5 + xx // 31) % 256, (xx // 3) % 256], axis=-1)
    out.append(("strip_8000x48", _c(strip.astype(np.uint8))))
    yy, xx = np.mgrid[0:3000, 0:4000]
    huge = np.empty((3000, 4000, 3), np.uint8)
    huge[..., 0] = (xx * 255 // 3999).astype(np.uint8)
    huge[..., 1] = (yy * 255 // 2999).astype(np.uint8)
    huge[..., 2] = ((xx // 40 + yy // 40) % 2 * 90 + 60).astype(np.uint8)
    out.append(("huge_4000x3000", _c(huge)))
    del yy, xx
    big = _resize(_sample("motorcycle_left.png"), 3000, 4000, cv2.INTER_LINEAR)
    out.append(("huge_portrait_3000x4000_photo", big))
    out.append(("odd_1021x769_photo", _resize(_sample("rocket.jpg"), 1021, 769)))
    out.append(("flat_black_512", full(512, 512, (0, 0, 0))))
    out.append(("flat_white_512", full(512, 512, (255, 255, 255))))
    out.append(("flat_grey_640x480", full(480, 640, (128, 128, 128))))
    out.append(("flat_red_300x500", full(500, 300, (255, 0, 0))))
    near = np.full((512, 512, 3), 128, np.int16) + rng.integers(-1, 2, (512, 512, 3))
    out.append(("near_flat_pm1_512", _c(near.astype(np.uint8))))
    g = np.linspace(100, 104, 768)[None, :, None] * np.ones((512, 1, 3))
    out.append(("near_flat_gradient_768x512", _u8(g)))
    out.append(("noise_uniform_512",
                _c(rng.integers(0, 256, (512, 512, 3), dtype=np.uint16).astype(np.uint8))))
    out.append(("noise_gauss_640x400", _u8(rng.normal(128, 40, (400, 640, 3)))))
    yy, xx = np.mgrid[0:512, 0:512]
    cb1 = ((xx + yy) % 2 * 255).astype(np.uint8)
    out.append(("checker_1px_512", _c(np.repeat(cb1[..., None], 3, axis=2))))
    cb8 = ((xx // 8 + yy // 8) % 2 * 255).astype(np.uint8)
    out.append(("checker_8px_512", _c(np.repeat(cb8[..., None], 3, axis=2))))
    st1 = np.repeat(((yy % 2) * 255).astype(np.uint8)[..., None], 3, axis=2)
    out.append(("stripes_h_1px_512", _c(st1)))
    st3 = np.zeros((512, 512, 3), np.uint8)
    st3[:, (np.arange(512) // 3) % 2 == 1] = (255, 200, 0)
    out.append(("stripes_v_3px_512", _c(st3)))
    dot = np.zeros((400, 400, 3), np.uint8)
    dot[200, 200] = 255
    out.append(("single_white_pixel_400", _c(dot)))
    bars = np.zeros((360, 720, 3), np.uint8)
    cols = [(255, 255, 255), (255, 255, 0), (0, 255, 255), (0, 255, 0), (255, 0, 255),
            (255, 0, 0), (0, 0, 255), (0, 0, 0)]
    for i, c in enumerate(cols):
        bars[:, i * 90 : (i + 1) * 90] = c
    out.append(("colour_bars_720x360", _c(bars)))
    out.append(("grey_photo_512", _grey(_sample("astronaut.png"))))
    out.append(("photo_crop_63x65", _c(_sample("chelsea.png")[100:165, 200:263].copy())))
    return [(n, _c(a)) for n, a in out]


def _png_chunk(tag: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + tag + data
            + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))


def _png_rgb8(a: Array, interlace: bool) -> bytes:
    """A PNG written by hand (Pillow does not write Adam7): filter 0 on every row."""
    h, w = a.shape[:2]
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 1 if interlace else 0)
    raw = bytearray()
    if interlace:
        passes = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4),
                  (1, 0, 2, 2), (0, 1, 1, 2))
        for x0, y0, dx, dy in passes:
            sub = a[y0::dy, x0::dx]
            if sub.shape[0] == 0 or sub.shape[1] == 0:
                continue
            for row in sub:
                raw += b"\x00" + row.tobytes()
    else:
        for row in a:
            raw += b"\x00" + row.tobytes()
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr)
            + _png_chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + _png_chunk(b"IEND", b""))


def _save(im: Image.Image, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def edge_case_files() -> list[tuple[str, bytes]]:
    """Awkward encoded files, byte-identical per run."""
    rng = np.random.default_rng(2026120798)
    base = _resize(_sample("coffee.png"), 320, 213)
    pim = Image.fromarray(base)
    h, w = base.shape[:2]
    out: list[tuple[str, bytes]] = []

    # PNG variants
    a16 = (base.astype(np.uint16) * 257 + rng.integers(0, 257, base.shape).astype(np.uint16))
    ok, enc = cv2.imencode(".png", cv2.cvtColor(a16, cv2.COLOR_RGB2BGR))
    assert ok
    out.append(("png_16bit_rgb.png", enc.tobytes()))
    g16 = (_luma(base) * 257).astype(np.uint16)
    out.append(("png_16bit_grey.png", _save(Image.fromarray(g16), "PNG")))
    alpha = np.tile(np.linspace(0, 255, w).astype(np.uint8), (h, 1))
    rgba = np.dstack([base, alpha])
    out.append(("png_rgba_alpha_gradient.png", _save(Image.fromarray(rgba), "PNG")))
    rgba0 = np.dstack([base, np.zeros((h, w), np.uint8)])
    out.append(("png_rgba_fully_transparent.png", _save(Image.fromarray(rgba0), "PNG")))
    out.append(("png_la_grey_alpha.png", _save(Image.fromarray(rgba).convert("LA"),
                                               "PNG")))
    pal = pim.quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    out.append(("png_palette_256.png", _save(pal, "PNG")))
    pal16 = pim.quantize(colors=16, method=Image.Quantize.MEDIANCUT)
    out.append(("png_palette_16_trns.png", _save(pal16, "PNG", transparency=3)))
    out.append(("png_grey_L.png", _save(pim.convert("L"), "PNG")))
    out.append(("png_1bit.png", _save(pim.convert("1"), "PNG")))
    out.append(("png_adam7_interlaced.png", _png_rgb8(base, interlace=True)))
    good = _save(pim, "PNG")
    out.append(("png_truncated_60pct.png", good[: int(len(good) * 0.6)]))
    bad = bytearray(good)
    idat = bytes(bad).find(b"IDAT")
    bad[idat + 40] ^= 0x5A
    bad[idat + 41] ^= 0xA5
    out.append(("png_bad_crc_idat.png", bytes(bad)))
    big_w = big_h = 100000
    row = b"\x00" + b"\x00" * (3 * big_w)
    huge = (b"\x89PNG\r\n\x1a\n"
            + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", big_w, big_h, 8, 2, 0, 0, 0))
            + _png_chunk(b"IDAT", zlib.compress(row * 4, 9)) + _png_chunk(b"IEND", b""))
    out.append(("png_declares_100000x100000.png", huge))
    side = 16000
    comp = zlib.compressobj(9)
    rows = (b"\x00" + b"\x80" * side) * 500
    body = b"".join(comp.compress(rows) for _ in range(side // 500)) + comp.flush()
    bomb = (b"\x89PNG\r\n\x1a\n"
            + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0))
            + _png_chunk(b"IDAT", body) + _png_chunk(b"IEND", b""))
    out.append(("png_bomb_16000x16000_grey.png", bomb))
    out.append(("png_signature_only.png", b"\x89PNG\r\n\x1a\n"))

    # JPEG variants
    jpg = _save(pim, "JPEG", quality=85)
    out.append(("jpeg_truncated_55pct.jpg", jpg[: int(len(jpg) * 0.55)]))
    cj = bytearray(jpg)
    mid = len(cj) // 2
    cj[mid : mid + 64] = rng.integers(0, 256, 64, dtype=np.uint16).astype(np.uint8).tobytes()
    out.append(("jpeg_corrupt_scan.jpg", bytes(cj)))
    out.append(("jpeg_cmyk.jpg", _save(pim.convert("CMYK"), "JPEG", quality=90)))
    for orient in (6, 8):
        exif = Image.Exif()
        exif[0x0112] = orient
        out.append((f"jpeg_exif_orientation_{orient}.jpg",
                    _save(pim, "JPEG", quality=88, exif=exif.tobytes())))
    out.append(("jpeg_progressive_grey.jpg",
                _save(pim.convert("L"), "JPEG", quality=80, progressive=True)))

    # animation
    frames = [Image.fromarray(_c(np.roll(base, k * 24, axis=1))) for k in range(4)]
    gif_frames = [f.quantize(colors=128, method=Image.Quantize.MEDIANCUT) for f in frames]
    out.append(("gif_animated_4frames.gif",
                _save(gif_frames[0], "GIF", save_all=True, append_images=gif_frames[1:],
                      duration=120, loop=0)))
    out.append(("webp_animated_4frames.webp",
                _save(frames[0], "WEBP", save_all=True, append_images=frames[1:], duration=120,
                      loop=0, quality=80, method=4)))
    out.append(("webp_lossless_rgba.webp",
                _save(Image.fromarray(rgba), "WEBP", lossless=True, method=4)))

    # TIFF variants
    out.append(("tiff_rgb_raw.tif", _save(pim, "TIFF")))
    out.append(("tiff_rgb_lzw.tif", _save(pim, "TIFF", compression="tiff_lzw")))
    out.append(("tiff_jpeg_compressed.tif", _save(pim, "TIFF", compression="jpeg", quality=80)))
    out.append(("tiff_grey_16bit.tif", _save(Image.fromarray(g16), "TIFF")))
    fl = (_luma(base) / 255.0).astype(np.float32)
    out.append(("tiff_float32.tif", _save(Image.fromarray(fl), "TIFF")))
    out.append(("tiff_multipage_3.tif",
                _save(frames[0], "TIFF", save_all=True, append_images=frames[1:3])))
    out.append(("tiff_cmyk.tif", _save(pim.convert("CMYK"), "TIFF")))

    # BMP
    out.append(("bmp_24bit.bmp", _save(pim, "BMP")))
    out.append(("bmp_8bit_palette.bmp", _save(pal, "BMP")))

    # not images
    out.append(("empty_file.png", b""))
    out.append(("random_bytes_4096.jpg",
                rng.integers(0, 256, 4096, dtype=np.uint16).astype(np.uint8).tobytes()))
    out.append(("text_not_an_image.png", b"this is not an image, just text.\n" * 8))
    return out


if __name__ == "__main__":
    imgs = images()
    print(ROUND, len(imgs), "images,", len(attacks()), "attacks,", len(edge_cases()),
          "edge arrays,", len(edge_case_files()), "edge files")
