"""Blind held-out test set for the invisible image watermark, round 2026-12-07p.

PROVENANCE
    Written by an independent tester who was asked not to learn how the watermark
    works, so that this set measures it honestly. The tester kept these rules:

    * Read ONLY: the files under safegen/backends/ (to call the built-in offline
      text-to-image model, safegen.backends.builtin.BuiltinBackend, which makes
      256x256 images), a name-only listing of safegen/builtin/, pyproject.toml,
      .gitignore, and the installed packages' sample image files (scikit-image's
      skimage/data/*.png|*.jpg and scikit-learn's sklearn/datasets/images/*.jpg,
      found with importlib.util.find_spec).
    * Did NOT open, grep, list or import safegen/watermark/, docs/, tests/,
      README.md or benchmarks/ (apart from writing this one file and its cache
      folder; benchmarks/ and benchmarks/heldout/ were never listed), nor any issue
      tracker; ran no git command at all; ran no watermark encoder or decoder.
      pyproject.toml names earlier held-out files: only their names were read,
      never their contents.
    * Kept CPU use modest (no parallel workers; the model runs on one thread).

    What was actually read, truthfully: safegen/backends/__init__.py, base.py and
    builtin.py (diffusers_backend.py and gan.py were not opened), the file names in
    safegen/builtin/, pyproject.toml, .gitignore, and the pixels, sizes and modes of
    the sample images listed under SOURCES. Shell use was limited to listing
    safegen/backends/ and safegen/builtin/ (names only), the two sample-image
    folders, an existence test of this file's own path, and this file's own
    cache_p/ folder; checks ran from scripts outside the repository, and the
    tester looked at contact sheets of this file's own images, attacks and
    unmarked images. BuiltinBackend imports safegen.builtin.runtime and
    safegen.policy.semantic by itself when it runs; their sources were not read.
    Every parameter below (sizes, angles, qualities, crops, prompts, seeds) was
    chosen by the tester without reference to the watermark's design.

FROZEN
    This file is never edited, not even for style: its sha256 is its identity. A
    change of any kind makes a new round with a new file name and a new ROUND.

SOURCES
    * scikit-image sample images (skimage/data): astronaut.png, brick.png,
      camera.png, cell.png, chelsea.png, clock_motion.png, coffee.png, coins.png,
      grass.png, gravel.png, hubble_deep_field.jpg, ihc.png, moon.png,
      motorcycle_left.png, motorcycle_right.png, page.png, retina.jpg, rocket.jpg,
      text.png.
    * scikit-learn sample images (sklearn/datasets/images): china.jpg, flower.jpg.
    * safegen.backends.builtin.BuiltinBackend (the shipped offline model), six
      prompts and seeds of the tester's choosing, cached as PNGs in CACHE_DIR
      (cache_p/ next to this file) and regenerated on first use when absent.
    * Everything else (screens, graphics, textures, UI chrome, edge cases) is drawn
      here with numpy, OpenCV and Pillow from fixed seeds.

INTERFACE
    ROUND, CACHE_DIR
    images() -> list[(name, image_class, rgb)]; image_class is one of "photo",
        "generated", "graphic", "screenshot"; rgb a C-contiguous uint8 (H, W, 3) array.
    attacks() -> list[(name, fn)]; fn(rgb) returns a new C-contiguous uint8
        (H', W', 3) array, deterministically; the first attack is "none" (a copy).
    unmarked(n=10000, seed=2026120716) -> iterator of (name, rgb); item i depends
        only on np.random.default_rng([seed, i]) and the fixed package sample images.
    edge_cases() -> list[(name, rgb)]: awkward uint8 RGB arrays.
    edge_case_files() -> list[(name, bytes)]: awkward encoded files, byte-identical
        on every run.

IMAGES (26)
    16 photos (class "photo"), from the sample images at varied sizes and aspects:
      photo_astronaut_sq1024        1024x1024 square, normal tone
      photo_coffee_43_bright        880x660 (4:3), brightened / high key
      photo_chelsea_32              720x480 (3:2), normal
      photo_china_169               1280x720 (16:9), detailed scene
      photo_flower_portrait_23      560x840 (2:3 portrait), saturated
      photo_hubble_pano             2048x680 panorama, dark, fine-grained stars
      photo_retina_dark_43          1536x1152 (4:3), dark
      photo_camera_grey_portrait_45 480x600 (4:5 portrait), greyscale
      photo_moon_lowcontrast_43     640x480 (4:3), low contrast grey
      photo_gravel_sepia_43         512x384 (4:3), native-resolution texture, sepia tint
      photo_grass_green_sq          512x512 square, native-resolution texture, green tint
      photo_brick_grey_32           600x400 (3:2), greyscale texture
      photo_ihc_tissue_169          960x540 (16:9), busy fine texture
      photo_motorcycle_32           1050x700 (3:2), detailed scene
      photo_rocket_portrait_916     450x800 (9:16 portrait)
      photo_coins_blue_43           704x528 (4:3), cool blue tint
    6 built-in model outputs (class "generated"), 256x256 each:
      gen_misty_lake_dawn, gen_red_canyon_dusk, gen_snow_peaks_noon,
      gen_meadow_stream_afternoon, gen_moonlit_hills_sea, gen_autumn_lake_sunset
    2 screenshots drawn with Pillow (class "screenshot"):
      screenshot_settings_light (1280x800), screenshot_code_editor_dark (1366x768)
    2 graphics (class "graphic"):
      graphic_poster_shapes (1000x1000), graphic_bar_chart (900x600)

ATTACKS (78; every name, in order)
    none
    flips: flip_h, flip_v
    stretches of one axis (kept = new size kept; fit = then scaled uniformly to fit
      inside the original size; crop = then centre-cropped to the original size):
      stretch_x_1.135_kept, stretch_y_0.905_kept, stretch_y_1.118_fit,
      stretch_x_1.072_crop
    crops (fraction of each side kept; "resized" = scaled back to the original size):
      crop_center_0.83, crop_center_0.61_resized, crop_offcenter_0.74,
      crop_corner_tl_0.68_resized, crop_corner_tr_0.57, crop_x_only_0.78,
      crop_y_only_0.64_resized, crop_uneven_0.93x0.71
    rotations (degrees, counter-clockwise positive):
      rot_+3.7_black, rot_-6.3_white, rot_+8.9_reflect, rot_-2.2_expand,
      rot_+5.4_straighten_resized, rot_-9.6_straighten, rot_-4.1_inner,
      rot_+7.2_inner_resized, rot_-1.8_centercrop_0.81
      (straighten = largest centred rectangle of the original aspect inside the
      turned picture; inner = largest centred upright rectangle of any aspect)
    padding and borders:
      pad_black_0.07, pad_white_0.13_resized, pad_left_grey_0.17, pad_uneven_teal,
      border_frame_print, pad_blurbg_0.12
    compression: jpeg_q31_420, jpeg_q43_444, jpeg_q57_420, jpeg_q78_420,
      jpeg_q89_444, webp_q52, webp_q69, webp_q87
    rescaling: down_0.43_area, down_0.77_cubic, up_1.55_cubic, up_1.93_lanczos
    chains: chain_social (crop 0.895, long side 1080, JPEG 74 4:2:0),
      chain_messaging (0.605x, JPEG 59), chain_messaging_x2 (that chain twice)
    screen captures (8): screen_browser_light, screen_browser_dark_jpeg,
      screen_phone_feed, screen_card, screen_document_jpeg, screen_chat_bubble_jpeg,
      screen_photo_viewer, screen_gallery_grid_jpeg
    filters (11): blur_gauss_1.3, sharpen_unsharp_0.85, noise_gauss_6.5,
      bright_+23, bright_-19, contrast_1.31, contrast_0.72, gamma_0.78,
      saturation_1.45, saturation_0.55, greyscale
    combinations (14): cb_crop_0.79_jpeg67, cb_rot_-3.1_straighten_resized_jpeg81,
      cb_flip_h_down_0.71_jpeg58, cb_pad_uneven_white_webp63,
      cb_bright_+14_contrast_1.18_jpeg76, cb_stretch_x_1.09_crop_0.86,
      cb_blur_0.9_down_0.63_jpeg69, cb_grey_crop_offcenter_0.72_resized,
      cb_sat_1.35_gamma_0.88_webp74, cb_up_1.6_crop_tl_0.62_jpeg84,
      cb_noise_4.3_jpeg54, cb_rot_+2.6_inner_down_0.81_jpeg72,
      cb_browser_crop_jpeg77, cb_sharpen_up_1.72_jpeg63

UNMARKED
    unmarked(n, seed) yields n images named "u{i:05d}_{kind}", sides 96..1100, of
    these kinds (drawn by the item's own generator): photo (a crop of a sample photo
    with flips, quarter turns, rescaling, colour changes, blur/noise and
    JPEG/WebP recompression), photo_turned (a small rotation, straightened),
    photo_collage (2 to 4 photo crops on a coloured ground), screen (a drawn light
    or dark UI with a framed photo crop, sometimes JPEG), graphic (flat shapes and
    text), texture (filtered noise, sinusoids, checkers/stripes, tinted sample
    textures), noise (grey or colour, Gaussian, uniform or salt-and-pepper), flat
    (one colour, sometimes with +-1..2 noise) and gradient (linear or radial).

EDGE CASES
    edge_cases() (28 arrays; sizes are WxH): tiny (1x1, 2x2, 3x3, 7x5, 15x16),
    1-px strips (517x1, 1x733), extreme aspects (8192x8, 9000x37), huge (a
    4000x3000 photo and 3001x2999 noise), flat black/white/grey/red, near-flat grey
    (+-1), near-white (254/255), noise (uniform colour, grey Gaussian), 1-px and
    8-px checkerboards, 1-px vertical and 2-px horizontal stripes, colour bars, a
    single bright pixel on black, white with one black pixel, black text on white,
    a 63x65 tiny photo.
    edge_case_files(): 16-bit RGB and grey PNGs, RGBA, LA, palette, palette with
    transparency, grey, 1-bit, Adam7-interlaced, animated PNG, truncated PNG, PNG
    with a bad CRC, PNG with garbage IDAT (valid CRC), a PNG header declaring
    100000x100000, a 10000x10000 grey PNG (decompression bomb, ~100 MB decoded),
    a PNG signature alone, truncated JPEG, corrupted-scan JPEG, CMYK JPEG,
    EXIF-rotated JPEGs (orientation 6 and 8), grey JPEG, progressive JPEG,
    animated GIF, animated WebP, lossless WebP with alpha, TIFF (LZW RGB, 16-bit
    grey, float32, CMYK, multi-page), BMP (24-bit, and 32-bit written from RGBA),
    an empty file, random bytes and a text file (37 files in all).
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
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROUND = "2026-12-07p"
CACHE_DIR = Path(__file__).resolve().parent / "cache_p"

Array = np.ndarray
Attack = Callable[[Array], Array]

# --------------------------------------------------------------------------------------
# Sample images
# --------------------------------------------------------------------------------------


def _package_dir(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"{module} is not installed; this held-out set needs its samples")
    return Path(list(spec.submodule_search_locations)[0])


@functools.cache
def _sample(name: str) -> Array:
    """A sample image as a read-only RGB uint8 array (alpha composited on white)."""
    if name in ("china.jpg", "flower.jpg"):
        path = _package_dir("sklearn") / "datasets" / "images" / name
    else:
        path = _package_dir("skimage") / "data" / name
    with Image.open(path) as im:
        im.load()
        if im.mode in ("RGBA", "LA", "P"):
            rgba = im.convert("RGBA")
            ground = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            ground.alpha_composite(rgba)
            rgb = ground.convert("RGB")
        else:
            rgb = im.convert("RGB")
    arr = np.ascontiguousarray(np.asarray(rgb, dtype=np.uint8))
    arr.setflags(write=False)
    return arr


_PHOTO_SOURCES = (
    "astronaut.png", "brick.png", "camera.png", "cell.png", "chelsea.png",
    "clock_motion.png", "coffee.png", "coins.png", "grass.png", "gravel.png",
    "hubble_deep_field.jpg", "ihc.png", "moon.png", "motorcycle_left.png",
    "motorcycle_right.png", "page.png", "retina.jpg", "rocket.jpg", "text.png",
    "china.jpg", "flower.jpg",
)
_TEXTURE_SOURCES = ("brick.png", "grass.png", "gravel.png", "ihc.png", "hubble_deep_field.jpg")


# --------------------------------------------------------------------------------------
# Pixel helpers
# --------------------------------------------------------------------------------------


def _c(arr: Array) -> Array:
    return np.ascontiguousarray(arr, dtype=np.uint8)


def _u8(x: Array) -> Array:
    return _c(np.clip(np.rint(x), 0, 255).astype(np.uint8))


def _resize(rgb: Array, w: int, h: int, interp: int | None = None) -> Array:
    w, h = max(1, int(w)), max(1, int(h))
    if interp is None:
        interp = cv2.INTER_AREA if w * h < rgb.shape[0] * rgb.shape[1] else cv2.INTER_CUBIC
    return _c(cv2.resize(rgb, (w, h), interpolation=interp))


def _scale(rgb: Array, f: float, interp: int | None = None) -> Array:
    h, w = rgb.shape[:2]
    return _resize(rgb, round(w * f), round(h * f), interp)


def _crop_frac(rgb: Array, fx: float, fy: float, ax: float, ay: float) -> Array:
    """Keep fx, fy of each side; ax, ay place the window within the slack (0..1)."""
    h, w = rgb.shape[:2]
    cw, ch = max(1, round(w * fx)), max(1, round(h * fy))
    x0 = round((w - cw) * ax)
    y0 = round((h - ch) * ay)
    return _c(rgb[y0:y0 + ch, x0:x0 + cw])


def _crop_aspect(rgb: Array, aspect: float, ax: float = 0.5, ay: float = 0.5) -> Array:
    """The largest crop of width/height = aspect, placed by ax, ay."""
    h, w = rgb.shape[:2]
    if w / h > aspect:
        cw, ch = max(1, round(h * aspect)), h
    else:
        cw, ch = w, max(1, round(w / aspect))
    return _crop_frac(rgb, cw / w, ch / h, ax, ay)


def _gamma(rgb: Array, g: float) -> Array:
    lut = np.clip(np.rint(255.0 * (np.arange(256) / 255.0) ** g), 0, 255).astype(np.uint8)
    return _c(cv2.LUT(rgb, lut))


def _contrast(rgb: Array, k: float, pivot: float = 127.5) -> Array:
    return _u8((rgb.astype(np.float32) - pivot) * k + pivot)


def _bright(rgb: Array, d: float) -> Array:
    return _u8(rgb.astype(np.float32) + d)


def _luma(rgb: Array) -> Array:
    f = rgb.astype(np.float32)
    return f[..., 0] * 0.299 + f[..., 1] * 0.587 + f[..., 2] * 0.114


def _saturation(rgb: Array, k: float) -> Array:
    f = rgb.astype(np.float32)
    y = _luma(rgb)[..., None]
    return _u8(y + (f - y) * k)


def _grey(rgb: Array) -> Array:
    y = _u8(_luma(rgb))
    return _c(np.repeat(y[..., None], 3, axis=2))


def _tint(rgb: Array, gains: tuple[float, float, float], lift: float = 0.0) -> Array:
    return _u8(rgb.astype(np.float32) * np.array(gains, np.float32) + lift)


def _blur(rgb: Array, sigma: float) -> Array:
    return _c(cv2.GaussianBlur(rgb, (0, 0), sigmaX=sigma, sigmaY=sigma))


def _unsharp(rgb: Array, amount: float, sigma: float) -> Array:
    soft = cv2.GaussianBlur(rgb.astype(np.float32), (0, 0), sigmaX=sigma, sigmaY=sigma)
    return _u8(rgb.astype(np.float32) * (1 + amount) - soft * amount)


def _noise(rgb: Array, sigma: float, seed: int) -> Array:
    rng = np.random.default_rng([seed, rgb.shape[0], rgb.shape[1]])
    n = rng.standard_normal(rgb.shape, dtype=np.float32) * sigma
    return _u8(rgb.astype(np.float32) + n)


def _jpeg(rgb: Array, q: int, subsampling: int = 2, progressive: bool = False) -> Array:
    buf = io.BytesIO()
    Image.fromarray(_c(rgb)).save(
        buf, "JPEG", quality=q, subsampling=subsampling, progressive=progressive
    )
    with Image.open(io.BytesIO(buf.getvalue())) as im:
        return _c(np.asarray(im.convert("RGB")))


def _webp(rgb: Array, q: int) -> Array:
    buf = io.BytesIO()
    Image.fromarray(_c(rgb)).save(buf, "WEBP", quality=q, method=4)
    with Image.open(io.BytesIO(buf.getvalue())) as im:
        return _c(np.asarray(im.convert("RGB")))


def _pad(rgb: Array, t: int, b: int, left: int, r: int, colour: tuple[int, int, int]) -> Array:
    return _c(cv2.copyMakeBorder(rgb, t, b, left, r, cv2.BORDER_CONSTANT, value=colour))


# --------------------------------------------------------------------------------------
# Geometry
# --------------------------------------------------------------------------------------


def _rotate(
    rgb: Array,
    deg: float,
    fill: tuple[int, int, int] = (0, 0, 0),
    reflect: bool = False,
    expand: bool = False,
) -> Array:
    h, w = rgb.shape[:2]
    cx, cy = (w - 1) / 2.0, (h - 1) / 2.0
    m = cv2.getRotationMatrix2D((cx, cy), deg, 1.0)
    nw, nh = w, h
    if expand:
        a = math.radians(deg)
        s, c = abs(math.sin(a)), abs(math.cos(a))
        nw, nh = math.ceil(w * c + h * s), math.ceil(w * s + h * c)
        m[0, 2] += (nw - 1) / 2.0 - cx
        m[1, 2] += (nh - 1) / 2.0 - cy
    border = cv2.BORDER_REFLECT_101 if reflect else cv2.BORDER_CONSTANT
    out = cv2.warpAffine(
        rgb, m, (nw, nh), flags=cv2.INTER_LINEAR, borderMode=border, borderValue=fill
    )
    return _c(out)


def _inner_same_aspect(w: int, h: int, deg: float) -> tuple[int, int]:
    """Largest centred upright rectangle of aspect w/h inside a w x h rectangle turned by deg."""
    a = math.radians(deg)
    s, c = abs(math.sin(a)), abs(math.cos(a))
    r = w / h
    half_h = min(w / (2 * (r * c + s)), h / (2 * (r * s + c)))
    return max(1, math.floor(2 * r * half_h) - 2), max(1, math.floor(2 * half_h) - 2)


def _inner_max_area(w: int, h: int, deg: float) -> tuple[int, int]:
    """Largest upright rectangle (any aspect) inside a w x h rectangle turned by deg."""
    a = math.radians(deg)
    s, c = abs(math.sin(a)), abs(math.cos(a))
    long_side, short_side = (w, h) if w >= h else (h, w)
    if short_side <= 2.0 * s * c * long_side or abs(s - c) < 1e-10:
        x = 0.5 * short_side
        wr, hr = (x / s, x / c) if w >= h else (x / c, x / s)
    else:
        cos_2a = c * c - s * s
        wr, hr = (w * c - h * s) / cos_2a, (h * c - w * s) / cos_2a
    return max(1, math.floor(wr) - 2), max(1, math.floor(hr) - 2)


def _center_crop(rgb: Array, cw: int, ch: int) -> Array:
    h, w = rgb.shape[:2]
    cw, ch = min(cw, w), min(ch, h)
    x0, y0 = (w - cw) // 2, (h - ch) // 2
    return _c(rgb[y0:y0 + ch, x0:x0 + cw])


def _straighten(rgb: Array, deg: float, resized: bool) -> Array:
    h, w = rgb.shape[:2]
    cw, ch = _inner_same_aspect(w, h, deg)
    out = _center_crop(_rotate(rgb, deg), cw, ch)
    return _resize(out, w, h) if resized else out


def _inner(rgb: Array, deg: float, resized: bool) -> Array:
    h, w = rgb.shape[:2]
    cw, ch = _inner_max_area(w, h, deg)
    out = _center_crop(_rotate(rgb, deg), cw, ch)
    return _resize(out, w, h) if resized else out


def _stretch(rgb: Array, axis: str, k: float, mode: str) -> Array:
    h, w = rgb.shape[:2]
    nw, nh = (round(w * k), h) if axis == "x" else (w, round(h * k))
    out = _resize(rgb, nw, nh, cv2.INTER_CUBIC if k > 1 else cv2.INTER_AREA)
    if mode == "fit":
        f = min(w / nw, h / nh)
        out = _resize(out, round(nw * f), round(nh * f), cv2.INTER_AREA)
    elif mode == "crop":
        out = _center_crop(out, w, h)
    return out


# --------------------------------------------------------------------------------------
# Drawing helpers (screens, graphics)
# --------------------------------------------------------------------------------------

_WORDS = (
    "harbour lantern quietly orbit meadow copper signal folder ember violet window "
    "gravel summit ribbon canvas distant morning archive pixel thunder velvet river "
    "station garden marble pocket silver timber orchard beacon circuit glacier "
    "feather compass island journal kettle ladder mosaic needle pepper quarry "
    "saddle tunnel umbrella vessel walnut yellow zephyr anchor bramble cobalt"
).split()


@functools.cache
def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    try:
        return ImageFont.load_default(size=size)
    except (OSError, ImportError, TypeError):
        return ImageFont.load_default()


def _words(seed: int, n: int) -> str:
    rng = np.random.default_rng([seed, n])
    return " ".join(_WORDS[int(i)] for i in rng.integers(0, len(_WORDS), n))


def _text_lines(
    draw: ImageDraw.ImageDraw,
    x: int,
    y: int,
    width: int,
    lines: int,
    size: int,
    colour: tuple[int, int, int],
    seed: int,
    spacing: float = 1.5,
) -> int:
    font = _font(size)
    chars = max(8, int(width / (size * 0.55)))
    for i in range(lines):
        text = _words(seed + i, 24)[: chars - (11 if i == lines - 1 else 0)]
        draw.text((x, y), text, fill=colour, font=font)
        y += int(size * spacing)
    return y


def _fit(rgb: Array, max_w: int, max_h: int, upscale: bool = True) -> Array:
    h, w = rgb.shape[:2]
    f = min(max_w / w, max_h / h)
    if not upscale:
        f = min(f, 1.0)
    return _resize(rgb, round(w * f), round(h * f))


def _paste(canvas: Image.Image, rgb: Array, x: int, y: int, radius: int = 0) -> None:
    tile = Image.fromarray(_c(rgb))
    if radius > 0:
        mask = Image.new("L", tile.size, 0)
        ImageDraw.Draw(mask).rounded_rectangle(
            (0, 0, tile.size[0] - 1, tile.size[1] - 1), radius=radius, fill=255
        )
        canvas.paste(tile, (x, y), mask)
    else:
        canvas.paste(tile, (x, y))


def _shadow(canvas: Image.Image, box: tuple[int, int, int, int], radius: int, blur: float) -> None:
    layer = Image.new("L", canvas.size, 0)
    ImageDraw.Draw(layer).rounded_rectangle(box, radius=radius, fill=90)
    layer = layer.filter(ImageFilter.GaussianBlur(blur))
    canvas.paste(Image.new("RGB", canvas.size, (20, 24, 32)), (0, 0), layer)


def _arr(canvas: Image.Image) -> Array:
    return _c(np.asarray(canvas.convert("RGB")))


# --------------------------------------------------------------------------------------
# Screen captures (attacks)
# --------------------------------------------------------------------------------------


def _browser(rgb: Array, dark: bool) -> tuple[Array, tuple[int, int, int, int]]:
    W, H = 1440, 900
    bg = (32, 33, 36) if dark else (255, 255, 255)
    fg = (232, 234, 237) if dark else (32, 33, 36)
    sub = (154, 160, 166) if dark else (95, 99, 104)
    canvas = Image.new("RGB", (W, H), bg)
    d = ImageDraw.Draw(canvas)
    d.rectangle((0, 0, W, 40), fill=(53, 54, 58) if dark else (222, 225, 230))
    d.rounded_rectangle((86, 6, 330, 46), radius=9, fill=bg)
    d.text((104, 15), "Field notes - weekly digest", fill=fg, font=_font(13))
    for i, col in enumerate(((237, 106, 94), (245, 191, 79), (98, 197, 84))):
        d.ellipse((14 + 20 * i, 14, 26 + 20 * i, 26), fill=col)
    d.rectangle((0, 40, W, 88), fill=bg)
    field = (53, 54, 58) if dark else (241, 243, 244)
    d.rounded_rectangle((96, 48, 1180, 80), radius=16, fill=field)
    d.text((124, 56), "https://fieldnotes.example.org/2026/12/coastline-walks", fill=sub,
           font=_font(14))
    d.line((0, 88, W, 88), fill=(60, 64, 67) if dark else (218, 220, 224))
    d.text((120, 112), "Coastline walks in early winter", fill=fg, font=_font(30))
    d.text((120, 154), "By the editors  -  7 min read", fill=sub, font=_font(14))
    if dark:
        img = _fit(rgb, 900, 560, upscale=False)
    else:
        img = _fit(rgb, 860, 560)
    x, y = 120, 188
    _paste(canvas, img, x, y)
    ih, iw = img.shape[:2]
    _text_lines(d, x, y + ih + 14, iw, 6, 15, sub, seed=301)
    _text_lines(d, 1080, 190, 300, 18, 13, sub, seed=377)
    return _arr(canvas), (x, y, iw, ih)


def _screen_browser_light(rgb: Array) -> Array:
    return _browser(rgb, dark=False)[0]


def _screen_browser_dark_jpeg(rgb: Array) -> Array:
    return _jpeg(_browser(rgb, dark=True)[0], 83)


def _screen_phone_feed(rgb: Array) -> Array:
    W, H = 1080, 2340
    canvas = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(canvas)
    d.text((60, 30), "9:41", fill=(0, 0, 0), font=_font(36))
    d.rounded_rectangle((930, 36, 1010, 70), radius=8, outline=(0, 0, 0), width=3)
    d.text((48, 120), "Snapgram", fill=(0, 0, 0), font=_font(56))
    d.line((0, 228, W, 228), fill=(219, 219, 219), width=2)
    d.ellipse((36, 256, 132, 352), fill=(214, 98, 160))
    d.ellipse((44, 264, 124, 344), fill=(240, 200, 150))
    d.text((156, 276), "trail.and.tide", fill=(0, 0, 0), font=_font(32))
    d.text((156, 316), "Somewhere north", fill=(115, 115, 115), font=_font(26))
    h, w = rgb.shape[:2]
    aspect = min(max(w / h, 0.8), 1.91)
    img = _crop_aspect(rgb, aspect) if abs(aspect - w / h) > 1e-6 else rgb
    img = _resize(img, W, round(W / aspect))
    y = 380
    _paste(canvas, img, 0, y)
    y += img.shape[0] + 30
    for i in range(3):
        d.ellipse((40 + 110 * i, y, 110 + 110 * i, y + 70), outline=(20, 20, 20), width=5)
    d.text((40, y + 100), "1,284 likes", fill=(0, 0, 0), font=_font(32))
    _text_lines(d, 40, y + 150, 1000, 3, 30, (38, 38, 38), seed=911)
    d.rectangle((0, 2190, W, H), fill=(255, 255, 255))
    d.line((0, 2190, W, 2190), fill=(219, 219, 219), width=2)
    for i in range(5):
        d.rounded_rectangle((84 + 200 * i, 2230, 156 + 200 * i, 2300), radius=14,
                            outline=(20, 20, 20), width=5)
    return _arr(canvas)


def _screen_card(rgb: Array) -> Array:
    W, H = 1200, 900
    canvas = Image.new("RGB", (W, H), (238, 240, 243))
    img = _fit(rgb, 488, 560)
    ih, iw = img.shape[:2]
    cw, chh = iw + 32, ih + 200
    x0, y0 = (W - cw) // 2, max(20, (H - chh) // 2)
    _shadow(canvas, (x0 + 4, y0 + 10, x0 + cw + 4, y0 + chh + 10), 20, 14)
    d = ImageDraw.Draw(canvas)
    d.rounded_rectangle((x0, y0, x0 + cw, y0 + chh), radius=20, fill=(255, 255, 255))
    _paste(canvas, img, x0 + 16, y0 + 16, radius=12)
    ty = y0 + 16 + ih + 20
    d.text((x0 + 20, ty), "Weekend getaway ideas", fill=(22, 27, 34), font=_font(24))
    _text_lines(d, x0 + 20, ty + 40, iw - 10, 3, 15, (87, 96, 106), seed=523)
    d.rounded_rectangle((x0 + 20, ty + 120, x0 + 150, ty + 158), radius=8, fill=(31, 111, 235))
    d.text((x0 + 46, ty + 128), "Read more", fill=(255, 255, 255), font=_font(16))
    return _arr(canvas)


def _screen_document_jpeg(rgb: Array) -> Array:
    W, H = 1240, 1754
    canvas = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(canvas)
    d.text((120, 110), "3. Survey results", fill=(20, 20, 20), font=_font(34))
    y = _text_lines(d, 120, 180, 1000, 7, 19, (45, 45, 45), seed=1201, spacing=1.6)
    img = _fit(rgb, round(W * 0.62), 760)
    ih, iw = img.shape[:2]
    x = (W - iw) // 2
    _paste(canvas, img, x, y + 24)
    d.rectangle((x - 1, y + 23, x + iw, y + 24 + ih), outline=(160, 160, 160))
    y += ih + 40
    d.text((x, y), "Figure 3: site overview as recorded on the second visit.",
           fill=(70, 70, 70), font=_font(17))
    _text_lines(d, 120, y + 50, 1000, 9, 19, (45, 45, 45), seed=1259, spacing=1.6)
    d.text((600, 1680), "- 12 -", fill=(90, 90, 90), font=_font(16))
    return _jpeg(_arr(canvas), 88)


def _screen_chat_bubble_jpeg(rgb: Array) -> Array:
    W, H = 900, 1600
    canvas = Image.new("RGB", (W, H), (11, 20, 26))
    d = ImageDraw.Draw(canvas)
    d.rectangle((0, 0, W, 130), fill=(32, 44, 51))
    d.ellipse((70, 36, 130, 96), fill=(106, 130, 140))
    d.text((150, 44), "Marta", fill=(233, 237, 239), font=_font(30))
    d.text((150, 82), "online", fill=(134, 150, 160), font=_font(20))
    d.rounded_rectangle((30, 170, 560, 250), radius=16, fill=(32, 44, 51))
    d.text((50, 192), "did you get the pictures from saturday?", fill=(233, 237, 239),
           font=_font(22))
    img = _fit(rgb, 560, 720)
    ih, iw = img.shape[:2]
    bx1 = W - 30
    bx0 = bx1 - iw - 12
    by0 = 290
    d.rounded_rectangle((bx0, by0, bx1, by0 + ih + 52), radius=18, fill=(0, 92, 75))
    _paste(canvas, img, bx0 + 6, by0 + 6, radius=14)
    d.text((bx1 - 110, by0 + ih + 18), "18:27  vv", fill=(200, 230, 220), font=_font(18))
    d.rectangle((0, H - 110, W, H), fill=(32, 44, 51))
    d.rounded_rectangle((24, H - 88, W - 120, H - 24), radius=32, fill=(42, 57, 66))
    d.text((60, H - 70), "Message", fill=(134, 150, 160), font=_font(24))
    d.ellipse((W - 100, H - 92, W - 24, H - 18), fill=(0, 168, 132))
    return _jpeg(_arr(canvas), 71)


def _screen_photo_viewer(rgb: Array) -> Array:
    W, H = 1600, 1000
    canvas = Image.new("RGB", (W, H), (30, 30, 30))
    d = ImageDraw.Draw(canvas)
    d.rectangle((0, 0, W, 48), fill=(43, 43, 43))
    d.text((20, 14), "IMG_20261207_0931.jpg  -  Photos", fill=(220, 220, 220), font=_font(16))
    for i in range(4):
        d.rectangle((W - 200 + 44 * i, 14, W - 180 + 44 * i, 34), outline=(200, 200, 200))
    img = _fit(rgb, W - 40, H - 48 - 96 - 20)
    ih, iw = img.shape[:2]
    _paste(canvas, img, (W - iw) // 2, 48 + 10 + (H - 48 - 96 - 20 - ih) // 2)
    d.rectangle((0, H - 96, W, H), fill=(43, 43, 43))
    thumb = _resize(_crop_aspect(rgb, 1.0), 72, 72)
    for i in range(11):
        x = W // 2 - 11 * 41 + 82 * i
        if i == 5:
            _paste(canvas, thumb, x, H - 84)
            d.rectangle((x - 3, H - 87, x + 74, H - 10), outline=(80, 160, 255), width=3)
        else:
            shade = 70 + 9 * ((i * 7) % 11)
            d.rectangle((x, H - 84, x + 71, H - 13), fill=(shade, shade - 10, shade - 25))
    return _arr(canvas)


def _screen_gallery_grid_jpeg(rgb: Array) -> Array:
    W, H = 1170, 1400
    canvas = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(canvas)
    d.text((30, 28), "Recents", fill=(0, 0, 0), font=_font(40))
    tile, gap, top = 386, 6, 100
    yy, xx = np.mgrid[0:tile, 0:tile].astype(np.float32) / tile
    for k in range(9):
        r, c = divmod(k, 3)
        x, y = c * (tile + gap), top + r * (tile + gap)
        if y + tile > H:
            break
        if k == 4:
            img = _resize(_crop_aspect(rgb, 1.0), tile, tile)
        else:
            base = np.array([(37 * k) % 200 + 40, (91 * k) % 180 + 50, (53 * k) % 160 + 60],
                            np.float32)
            img = _u8(base * (0.6 + 0.5 * yy[..., None]) + 40 * np.sin(6 * xx + k)[..., None])
        _paste(canvas, img, x, y)
    return _jpeg(_arr(canvas), 82)


def _cb_browser_crop(rgb: Array) -> Array:
    shot, (x, y, w, h) = _browser(rgb, dark=False)
    m = 23
    crop = shot[max(0, y - m):y + h + m, max(0, x - m):x + w + m]
    return _jpeg(_c(crop), 77)


# --------------------------------------------------------------------------------------
# Other attacks
# --------------------------------------------------------------------------------------


def _pad_frac(rgb: Array, t: float, b: float, left: float, r: float, colour) -> Array:
    h, w = rgb.shape[:2]
    return _pad(rgb, round(h * t), round(h * b), round(w * left), round(w * r), colour)


def _border_frame(rgb: Array) -> Array:
    h, w = rgb.shape[:2]
    inner = max(2, round(min(h, w) * 0.013))
    out = _pad(rgb, inner, inner, inner, inner, (58, 22, 24))
    outer = max(3, round(min(h, w) * 0.04))
    return _pad(out, outer, outer, outer, outer, (250, 248, 242))


def _pad_blurbg(rgb: Array, f: float) -> Array:
    h, w = rgb.shape[:2]
    pt, pl = round(h * f), round(w * f)
    H, W = h + 2 * pt, w + 2 * pl
    small = _resize(rgb, max(1, W // 8), max(1, H // 8), cv2.INTER_AREA)
    small = _blur(small, 3.5)
    bg = _u8(_resize(small, W, H, cv2.INTER_LINEAR).astype(np.float32) * 0.62)
    bg[pt:pt + h, pl:pl + w] = rgb
    return _c(bg)


def _chain_social(rgb: Array) -> Array:
    out = _crop_frac(rgb, 0.895, 0.895, 0.43, 0.56)
    h, w = out.shape[:2]
    f = 1080 / max(h, w)
    out = _resize(out, round(w * f), round(h * f))
    return _jpeg(out, 74, 2)


def _chain_messaging(rgb: Array) -> Array:
    return _jpeg(_scale(rgb, 0.605, cv2.INTER_AREA), 59, 2)


def attacks() -> list[tuple[str, Attack]]:
    """The attacks, in order; the first is "none". Each returns a new array."""
    teal = (0, 128, 128)
    out: list[tuple[str, Attack]] = [
        ("none", lambda a: _c(a.copy())),
        ("flip_h", lambda a: _c(a[:, ::-1])),
        ("flip_v", lambda a: _c(a[::-1, :])),
        ("stretch_x_1.135_kept", lambda a: _stretch(a, "x", 1.135, "kept")),
        ("stretch_y_0.905_kept", lambda a: _stretch(a, "y", 0.905, "kept")),
        ("stretch_y_1.118_fit", lambda a: _stretch(a, "y", 1.118, "fit")),
        ("stretch_x_1.072_crop", lambda a: _stretch(a, "x", 1.072, "crop")),
        ("crop_center_0.83", lambda a: _crop_frac(a, 0.83, 0.83, 0.5, 0.5)),
        ("crop_center_0.61_resized",
         lambda a: _resize(_crop_frac(a, 0.61, 0.61, 0.5, 0.5), a.shape[1], a.shape[0])),
        ("crop_offcenter_0.74", lambda a: _crop_frac(a, 0.74, 0.74, 0.21, 0.68)),
        ("crop_corner_tl_0.68_resized",
         lambda a: _resize(_crop_frac(a, 0.68, 0.68, 0.0, 0.0), a.shape[1], a.shape[0])),
        ("crop_corner_tr_0.57", lambda a: _crop_frac(a, 0.57, 0.57, 1.0, 0.0)),
        ("crop_x_only_0.78", lambda a: _crop_frac(a, 0.78, 1.0, 0.37, 0.0)),
        ("crop_y_only_0.64_resized",
         lambda a: _resize(_crop_frac(a, 1.0, 0.64, 0.0, 0.29), a.shape[1], a.shape[0])),
        ("crop_uneven_0.93x0.71", lambda a: _crop_frac(a, 0.93, 0.71, 0.88, 0.16)),
        ("rot_+3.7_black", lambda a: _rotate(a, 3.7)),
        ("rot_-6.3_white", lambda a: _rotate(a, -6.3, fill=(255, 255, 255))),
        ("rot_+8.9_reflect", lambda a: _rotate(a, 8.9, reflect=True)),
        ("rot_-2.2_expand", lambda a: _rotate(a, -2.2, expand=True)),
        ("rot_+5.4_straighten_resized", lambda a: _straighten(a, 5.4, True)),
        ("rot_-9.6_straighten", lambda a: _straighten(a, -9.6, False)),
        ("rot_-4.1_inner", lambda a: _inner(a, -4.1, False)),
        ("rot_+7.2_inner_resized", lambda a: _inner(a, 7.2, True)),
        ("rot_-1.8_centercrop_0.81",
         lambda a: _crop_frac(_rotate(a, -1.8), 0.81, 0.81, 0.5, 0.5)),
        ("pad_black_0.07", lambda a: _pad_frac(a, 0.07, 0.07, 0.07, 0.07, (0, 0, 0))),
        ("pad_white_0.13_resized",
         lambda a: _resize(_pad_frac(a, 0.13, 0.13, 0.13, 0.13, (255, 255, 255)),
                           a.shape[1], a.shape[0])),
        ("pad_left_grey_0.17", lambda a: _pad_frac(a, 0, 0, 0.17, 0, (128, 128, 128))),
        ("pad_uneven_teal", lambda a: _pad_frac(a, 0.03, 0.19, 0.11, 0.0, teal)),
        ("border_frame_print", _border_frame),
        ("pad_blurbg_0.12", lambda a: _pad_blurbg(a, 0.12)),
        ("jpeg_q31_420", lambda a: _jpeg(a, 31, 2)),
        ("jpeg_q43_444", lambda a: _jpeg(a, 43, 0)),
        ("jpeg_q57_420", lambda a: _jpeg(a, 57, 2)),
        ("jpeg_q78_420", lambda a: _jpeg(a, 78, 2)),
        ("jpeg_q89_444", lambda a: _jpeg(a, 89, 0)),
        ("webp_q52", lambda a: _webp(a, 52)),
        ("webp_q69", lambda a: _webp(a, 69)),
        ("webp_q87", lambda a: _webp(a, 87)),
        ("down_0.43_area", lambda a: _scale(a, 0.43, cv2.INTER_AREA)),
        ("down_0.77_cubic", lambda a: _scale(a, 0.77, cv2.INTER_CUBIC)),
        ("up_1.55_cubic", lambda a: _scale(a, 1.55, cv2.INTER_CUBIC)),
        ("up_1.93_lanczos", lambda a: _scale(a, 1.93, cv2.INTER_LANCZOS4)),
        ("chain_social", _chain_social),
        ("chain_messaging", _chain_messaging),
        ("chain_messaging_x2", lambda a: _chain_messaging(_chain_messaging(a))),
        ("screen_browser_light", _screen_browser_light),
        ("screen_browser_dark_jpeg", _screen_browser_dark_jpeg),
        ("screen_phone_feed", _screen_phone_feed),
        ("screen_card", _screen_card),
        ("screen_document_jpeg", _screen_document_jpeg),
        ("screen_chat_bubble_jpeg", _screen_chat_bubble_jpeg),
        ("screen_photo_viewer", _screen_photo_viewer),
        ("screen_gallery_grid_jpeg", _screen_gallery_grid_jpeg),
        ("blur_gauss_1.3", lambda a: _blur(a, 1.3)),
        ("sharpen_unsharp_0.85", lambda a: _unsharp(a, 0.85, 1.6)),
        ("noise_gauss_6.5", lambda a: _noise(a, 6.5, 70716)),
        ("bright_+23", lambda a: _bright(a, 23)),
        ("bright_-19", lambda a: _bright(a, -19)),
        ("contrast_1.31", lambda a: _contrast(a, 1.31)),
        ("contrast_0.72", lambda a: _contrast(a, 0.72)),
        ("gamma_0.78", lambda a: _gamma(a, 0.78)),
        ("saturation_1.45", lambda a: _saturation(a, 1.45)),
        ("saturation_0.55", lambda a: _saturation(a, 0.55)),
        ("greyscale", _grey),
        ("cb_crop_0.79_jpeg67", lambda a: _jpeg(_crop_frac(a, 0.79, 0.79, 0.5, 0.5), 67)),
        ("cb_rot_-3.1_straighten_resized_jpeg81",
         lambda a: _jpeg(_straighten(a, -3.1, True), 81)),
        ("cb_flip_h_down_0.71_jpeg58",
         lambda a: _jpeg(_scale(_c(a[:, ::-1]), 0.71, cv2.INTER_AREA), 58)),
        ("cb_pad_uneven_white_webp63",
         lambda a: _webp(_pad_frac(a, 0.09, 0.02, 0.0, 0.14, (255, 255, 255)), 63)),
        ("cb_bright_+14_contrast_1.18_jpeg76",
         lambda a: _jpeg(_contrast(_bright(a, 14), 1.18), 76)),
        ("cb_stretch_x_1.09_crop_0.86",
         lambda a: _crop_frac(_stretch(a, "x", 1.09, "kept"), 0.86, 0.86, 0.5, 0.5)),
        ("cb_blur_0.9_down_0.63_jpeg69",
         lambda a: _jpeg(_scale(_blur(a, 0.9), 0.63, cv2.INTER_AREA), 69)),
        ("cb_grey_crop_offcenter_0.72_resized",
         lambda a: _resize(_crop_frac(_grey(a), 0.72, 0.72, 0.8, 0.35), a.shape[1], a.shape[0])),
        ("cb_sat_1.35_gamma_0.88_webp74",
         lambda a: _webp(_gamma(_saturation(a, 1.35), 0.88), 74)),
        ("cb_up_1.6_crop_tl_0.62_jpeg84",
         lambda a: _jpeg(_crop_frac(_scale(a, 1.6, cv2.INTER_CUBIC), 0.62, 0.62, 0.0, 0.0), 84)),
        ("cb_noise_4.3_jpeg54", lambda a: _jpeg(_noise(a, 4.3, 54310), 54)),
        ("cb_rot_+2.6_inner_down_0.81_jpeg72",
         lambda a: _jpeg(_scale(_inner(a, 2.6, False), 0.81, cv2.INTER_AREA), 72)),
        ("cb_browser_crop_jpeg77", _cb_browser_crop),
        ("cb_sharpen_up_1.72_jpeg63",
         lambda a: _jpeg(_scale(_unsharp(a, 0.6, 1.2), 1.72, cv2.INTER_CUBIC), 63)),
    ]
    return out


# --------------------------------------------------------------------------------------
# Images
# --------------------------------------------------------------------------------------

_GENERATED = (
    ("gen_misty_lake_dawn", "a misty lake at dawn with dark pine trees along the shore", 40713),
    ("gen_red_canyon_dusk", "red desert canyon under a violet dusk sky", 5821),
    ("gen_snow_peaks_noon", "snowy mountain peaks at noon above a frozen river", 90417),
    ("gen_meadow_stream_afternoon",
     "green rolling meadow with a winding stream on a sunny afternoon", 2663),
    ("gen_moonlit_hills_sea", "moonlit night over black hills and a calm sea", 77109),
    ("gen_autumn_lake_sunset", "autumn forest of orange trees beside a lake at sunset", 31459),
)


def _generated() -> list[tuple[str, Array]]:
    paths = [CACHE_DIR / f"{name}_{seed}.png" for name, _, seed in _GENERATED]
    if not all(p.is_file() for p in paths):
        from safegen.backends.base import BackendRequest
        from safegen.backends.builtin import BuiltinBackend

        backend = BuiltinBackend(threads=1)
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        for (_, prompt, seed), path in zip(_GENERATED, paths, strict=True):
            if path.is_file():
                continue
            request = BackendRequest(prompt=prompt, negative_prompt=None, seeds=(seed,))
            image = backend.generate(request)[0].convert("RGB")
            tmp = path.with_suffix(".tmp")
            image.save(tmp, "PNG")
            tmp.replace(path)
    out = []
    for (name, _, _), path in zip(_GENERATED, paths, strict=True):
        with Image.open(path) as im:
            out.append((name, _c(np.asarray(im.convert("RGB")))))
    return out


def _photos() -> list[tuple[str, Array]]:
    s = _sample
    lan = cv2.INTER_LANCZOS4
    return [
        ("photo_astronaut_sq1024", _resize(s("astronaut.png"), 1024, 1024, lan)),
        ("photo_coffee_43_bright",
         _gamma(_bright(_resize(_crop_aspect(s("coffee.png"), 4 / 3, 0.42), 880, 660, lan), 11),
                0.72)),
        ("photo_chelsea_32", _resize(_crop_aspect(s("chelsea.png"), 1.5, 0.5, 0.4), 720, 480)),
        ("photo_china_169", _resize(_crop_aspect(s("china.jpg"), 16 / 9, 0.5, 0.62), 1280, 720)),
        ("photo_flower_portrait_23",
         _saturation(_resize(_crop_aspect(s("flower.jpg"), 2 / 3, 0.31), 560, 840), 1.22)),
        ("photo_hubble_pano",
         _resize(_crop_frac(s("hubble_deep_field.jpg"), 1.0, 0.332, 0.0, 0.58), 2048, 680, lan)),
        ("photo_retina_dark_43",
         _gamma(_resize(_crop_aspect(s("retina.jpg"), 4 / 3, 0.5, 0.47), 1536, 1152, lan), 1.18)),
        ("photo_camera_grey_portrait_45",
         _resize(_crop_aspect(s("camera.png"), 0.8, 0.36), 480, 600)),
        ("photo_moon_lowcontrast_43",
         _contrast(_resize(_crop_aspect(s("moon.png"), 4 / 3, 0.5, 0.3), 640, 480), 0.46, 118)),
        ("photo_gravel_sepia_43",
         _tint(_crop_aspect(s("gravel.png"), 4 / 3, 0.5, 0.77), (1.07, 0.94, 0.74), 6)),
        ("photo_grass_green_sq", _tint(s("grass.png"), (0.71, 1.04, 0.58), 4)),
        ("photo_brick_grey_32", _resize(_crop_aspect(s("brick.png"), 1.5, 0.5, 0.2), 600, 400)),
        ("photo_ihc_tissue_169",
         _resize(_crop_aspect(s("ihc.png"), 16 / 9, 0.5, 0.55), 960, 540, lan)),
        ("photo_motorcycle_32",
         _resize(_crop_aspect(s("motorcycle_left.png"), 1.5, 0.5, 0.5), 1050, 700, lan)),
        ("photo_rocket_portrait_916",
         _resize(_crop_aspect(s("rocket.jpg"), 9 / 16, 0.47), 450, 800, lan)),
        ("photo_coins_blue_43",
         _tint(_resize(_crop_aspect(s("coins.png"), 4 / 3, 0.5, 0.5), 704, 528, lan),
               (0.83, 0.95, 1.12), 3)),
    ]


def _screenshot_settings_light() -> Array:
    W, H = 1280, 800
    canvas = Image.new("RGB", (W, H), (246, 247, 249))
    d = ImageDraw.Draw(canvas)
    d.rectangle((0, 0, 260, H), fill=(236, 238, 242))
    d.text((28, 28), "Settings", fill=(30, 30, 30), font=_font(26))
    items = ("General", "Accounts", "Privacy", "Notifications", "Display", "Storage",
             "Network", "Updates", "About")
    for i, item in enumerate(items):
        y = 90 + 46 * i
        if i == 4:
            d.rounded_rectangle((12, y - 8, 248, y + 30), radius=8, fill=(214, 226, 250))
        d.text((36, y), item, fill=(40, 40, 40), font=_font(17))
    d.text((300, 32), "Display", fill=(20, 20, 20), font=_font(30))
    labels = ("Dark mode", "Night light", "Scale 125%", "Reduce motion", "High contrast",
              "Show battery percentage", "Auto brightness")
    for i, label in enumerate(labels):
        y = 100 + 84 * i
        d.rounded_rectangle((300, y, 1240, y + 70), radius=12, fill=(255, 255, 255),
                            outline=(225, 227, 231))
        d.text((326, y + 12), label, fill=(25, 25, 25), font=_font(18))
        d.text((326, y + 40), _words(41 + i, 7), fill=(120, 120, 120), font=_font(13))
        on = i % 3 != 1
        d.rounded_rectangle((1160, y + 22, 1214, y + 48), radius=13,
                            fill=(38, 110, 230) if on else (200, 203, 208))
        kx = 1190 if on else 1164
        d.ellipse((kx, y + 25, kx + 20, y + 45), fill=(255, 255, 255))
    return _arr(canvas)


def _screenshot_code_editor_dark() -> Array:
    W, H = 1366, 768
    canvas = Image.new("RGB", (W, H), (30, 30, 30))
    d = ImageDraw.Draw(canvas)
    d.rectangle((0, 0, 52, H), fill=(51, 51, 51))
    d.rectangle((52, 0, 300, H), fill=(37, 37, 38))
    d.rectangle((300, 0, W, 36), fill=(37, 37, 38))
    d.rectangle((300, 0, 480, 36), fill=(30, 30, 30))
    d.text((316, 9), "pipeline_utils.py", fill=(220, 220, 220), font=_font(14))
    for i in range(22):
        d.text((72 if i % 4 else 64, 48 + 24 * i), _words(700 + i, 2).replace(" ", "_") + ".py",
               fill=(204, 204, 204), font=_font(14))
    palette = ((86, 156, 214), (206, 145, 120), (220, 220, 170), (78, 201, 176),
               (156, 220, 254), (106, 153, 85), (212, 212, 212))
    rng = np.random.default_rng(1366768)
    for i in range(30):
        y = 48 + 23 * i
        d.text((312, y), f"{i + 1:>3}", fill=(133, 133, 133), font=_font(14))
        x = 360 + 28 * int(rng.integers(0, 4))
        for _ in range(int(rng.integers(1, 7))):
            word = _WORDS[int(rng.integers(0, len(_WORDS)))]
            colour = palette[int(rng.integers(0, len(palette)))]
            d.text((x, y), word, fill=colour, font=_font(15))
            x += int(d.textlength(word + " ", font=_font(15)))
    d.rectangle((0, H - 24, W, H), fill=(0, 122, 204))
    d.text((12, H - 20), "main  Ln 17, Col 42  UTF-8  Python 3.11", fill=(255, 255, 255),
           font=_font(13))
    return _arr(canvas)


def _graphic_poster() -> Array:
    S = 2000
    canvas = Image.new("RGB", (S, S), (244, 236, 220))
    d = ImageDraw.Draw(canvas)
    d.rectangle((0, 1300, S, S), fill=(34, 62, 94))
    d.ellipse((1180, 260, 1780, 860), fill=(236, 112, 60))
    d.polygon([(0, 1300), (620, 560), (1100, 1300)], fill=(58, 110, 120))
    d.polygon([(700, 1300), (1300, 700), (2000, 1300)], fill=(92, 148, 140))
    for i in range(9):
        y = 1380 + 60 * i
        d.line((140 + 30 * i, y, 1860 - 40 * i, y), fill=(214, 222, 230), width=10)
    d.rounded_rectangle((160, 160, 900, 420), radius=40, fill=(34, 62, 94))
    d.text((220, 215), "NORTH", fill=(244, 236, 220), font=_font(150))
    poster = _resize(_arr(canvas), 1000, 1000, cv2.INTER_AREA)
    return poster


def _graphic_bar_chart() -> Array:
    W, H = 900, 600
    canvas = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(canvas)
    d.text((40, 24), "Quarterly visitors by region", fill=(30, 30, 30), font=_font(24))
    for i in range(6):
        y = 520 - 70 * i
        d.line((90, y, 860, y), fill=(230, 230, 230), width=1)
        d.text((40, y - 8), f"{i * 250}", fill=(110, 110, 110), font=_font(13))
    values = (3.1, 4.6, 2.7, 5.4, 4.1, 6.2, 3.8, 5.0)
    colours = ((66, 133, 244), (234, 67, 53), (251, 188, 5), (52, 168, 83))
    for i, v in enumerate(values):
        x = 120 + 90 * i
        d.rectangle((x, 520 - int(v * 56), x + 56, 520), fill=colours[i % 4])
        d.text((x + 6, 530), f"Q{i % 4 + 1}/{26 + i // 4}", fill=(80, 80, 80), font=_font(13))
    d.line((90, 520, 860, 520), fill=(60, 60, 60), width=2)
    return _arr(canvas)


def images() -> list[tuple[str, str, Array]]:
    """The 26 images to mark: (name, image_class, rgb)."""
    out: list[tuple[str, str, Array]] = [(n, "photo", a) for n, a in _photos()]
    out += [(n, "generated", a) for n, a in _generated()]
    out += [
        ("screenshot_settings_light", "screenshot", _screenshot_settings_light()),
        ("screenshot_code_editor_dark", "screenshot", _screenshot_code_editor_dark()),
        ("graphic_poster_shapes", "graphic", _graphic_poster()),
        ("graphic_bar_chart", "graphic", _graphic_bar_chart()),
    ]
    return [(n, k, _c(a.copy())) for n, k, a in out]


# --------------------------------------------------------------------------------------
# Unmarked images
# --------------------------------------------------------------------------------------

_KINDS = ("photo", "photo_turned", "photo_collage", "screen", "graphic", "texture", "noise",
          "flat", "gradient")
_KIND_P = np.array([0.34, 0.08, 0.06, 0.12, 0.1, 0.1, 0.06, 0.06, 0.08])


def _rand_size(rng: np.random.Generator, lo: int = 96, hi: int = 1100) -> tuple[int, int]:
    while True:
        w, h = (int(v) for v in rng.integers(lo, hi + 1, 2))
        if max(w, h) / min(w, h) <= 3.5:
            return w, h


def _rand_colour(rng: np.random.Generator) -> tuple[int, int, int]:
    r, g, b = (int(v) for v in rng.integers(0, 256, 3))
    return r, g, b


def _photo_crop(rng: np.random.Generator, w: int, h: int) -> Array:
    src = _sample(_PHOTO_SOURCES[int(rng.integers(0, len(_PHOTO_SOURCES)))])
    k = int(rng.integers(0, 4))
    if k:
        src = np.rot90(src, k)
    if rng.random() < 0.5:
        src = src[:, ::-1]
    base = _crop_aspect(_c(src), w / h, float(rng.random()), float(rng.random()))
    f = float(rng.uniform(0.35, 1.0))
    base = _crop_frac(base, f, f, float(rng.random()), float(rng.random()))
    interp = (cv2.INTER_AREA, cv2.INTER_LINEAR, cv2.INTER_CUBIC, cv2.INTER_LANCZOS4)
    return _resize(base, w, h, interp[int(rng.integers(0, 4))])


def _colour_changes(rng: np.random.Generator, a: Array) -> Array:
    if rng.random() < 0.3:
        a = _gamma(a, float(rng.uniform(0.6, 1.6)))
    if rng.random() < 0.3:
        a = _saturation(a, float(rng.uniform(0.3, 1.6)))
    if rng.random() < 0.25:
        g = rng.uniform(0.85, 1.15, 3)
        a = _tint(a, (float(g[0]), float(g[1]), float(g[2])))
    if rng.random() < 0.25:
        a = _contrast(a, float(rng.uniform(0.6, 1.4)))
    if rng.random() < 0.2:
        a = _bright(a, float(rng.uniform(-30, 30)))
    if rng.random() < 0.1:
        a = _grey(a)
    return a


def _degrade(rng: np.random.Generator, a: Array) -> Array:
    if rng.random() < 0.1:
        a = _blur(a, float(rng.uniform(0.5, 2.0)))
    if rng.random() < 0.12:
        a = _u8(a.astype(np.float32) + rng.normal(0, rng.uniform(1, 8), a.shape))
    r = rng.random()
    if r < 0.4:
        a = _jpeg(a, int(rng.integers(35, 96)), int(rng.choice([0, 2])))
    elif r < 0.5:
        a = _webp(a, int(rng.integers(45, 95)))
    return a


def _u_photo(rng: np.random.Generator) -> Array:
    w, h = _rand_size(rng)
    return _degrade(rng, _colour_changes(rng, _photo_crop(rng, w, h)))


def _u_photo_turned(rng: np.random.Generator) -> Array:
    w, h = _rand_size(rng, 120)
    big = _photo_crop(rng, min(1100, round(w * 1.3)), min(1100, round(h * 1.3)))
    deg = float(rng.uniform(-12, 12))
    a = _straighten(big, deg, False)
    a = _resize(a, w, h)
    return _degrade(rng, _colour_changes(rng, a))


def _u_collage(rng: np.random.Generator) -> Array:
    w, h = _rand_size(rng, 200)
    canvas = np.empty((h, w, 3), np.uint8)
    canvas[:] = _rand_colour(rng)
    rows, cols = ((1, 2), (2, 1), (2, 2), (1, 3), (3, 1))[int(rng.integers(0, 5))]
    gap = int(rng.integers(0, 12))
    cw, ch = (w - gap * (cols + 1)) // cols, (h - gap * (rows + 1)) // rows
    if cw >= 8 and ch >= 8:
        for r in range(rows):
            for c in range(cols):
                y, x = gap + r * (ch + gap), gap + c * (cw + gap)
                canvas[y:y + ch, x:x + cw] = _photo_crop(rng, cw, ch)
    return _degrade(rng, _c(canvas))


def _u_screen(rng: np.random.Generator) -> Array:
    w, h = _rand_size(rng, 240)
    dark = rng.random() < 0.4
    bg = tuple(int(v) for v in (rng.integers(10, 50, 3) if dark else rng.integers(225, 256, 3)))
    fg = (225, 225, 225) if dark else (35, 35, 35)
    canvas = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(canvas)
    bar = int(rng.integers(24, 64))
    d.rectangle((0, 0, w, bar), fill=_rand_colour(rng))
    size = int(rng.integers(11, 22))
    d.text((10, bar // 2 - size // 2), _words(int(rng.integers(0, 10**6)), 3), fill=fg,
           font=_font(size))
    pw = int(w * rng.uniform(0.3, 0.8))
    ph = int((h - bar) * rng.uniform(0.3, 0.75))
    px = int(rng.integers(8, max(9, w - pw - 8)))
    py = bar + int(rng.integers(8, max(9, h - bar - ph - 8)))
    if pw >= 16 and ph >= 16:
        frame = int(rng.integers(0, 6))
        d.rectangle((px - frame, py - frame, px + pw + frame - 1, py + ph + frame - 1),
                    fill=_rand_colour(rng))
        _paste(canvas, _colour_changes(rng, _photo_crop(rng, pw, ph)), px, py)
    ty = py + ph + 12
    while ty < h - size:
        d.text((12, ty), _words(int(rng.integers(0, 10**6)), 9), fill=fg, font=_font(size))
        ty += int(size * 1.6)
    a = _arr(canvas)
    if rng.random() < 0.45:
        a = _jpeg(a, int(rng.integers(60, 95)))
    return a


def _u_graphic(rng: np.random.Generator) -> Array:
    w, h = _rand_size(rng)
    ss = 2 if rng.random() < 0.6 else 1
    canvas = Image.new("RGB", (w * ss, h * ss), _rand_colour(rng))
    d = ImageDraw.Draw(canvas)
    for _ in range(int(rng.integers(2, 14))):
        x0, x1 = sorted(int(v) for v in rng.integers(0, w * ss, 2))
        y0, y1 = sorted(int(v) for v in rng.integers(0, h * ss, 2))
        shape = int(rng.integers(0, 4))
        col = _rand_colour(rng)
        if shape == 0:
            d.rectangle((x0, y0, x1, y1), fill=col)
        elif shape == 1:
            d.ellipse((x0, y0, x1, y1), fill=col)
        elif shape == 2:
            d.line((x0, y0, x1, y1), fill=col, width=int(rng.integers(1, 12)) * ss)
        else:
            pts = [(int(rng.integers(0, w * ss)), int(rng.integers(0, h * ss))) for _ in range(3)]
            d.polygon(pts, fill=col)
    if rng.random() < 0.5:
        size = int(rng.integers(12, 60)) * ss
        tx = int(rng.integers(0, max(1, w * ss // 2)))
        ty = int(rng.integers(0, max(1, h * ss // 2)))
        label = _words(int(rng.integers(0, 10**6)), 2)
        d.text((tx, ty), label, fill=_rand_colour(rng), font=_font(size))
    a = _arr(canvas)
    if ss > 1:
        a = _resize(a, w, h, cv2.INTER_AREA)
    if rng.random() < 0.3:
        a = _jpeg(a, int(rng.integers(50, 95)))
    return a


def _u_texture(rng: np.random.Generator) -> Array:
    w, h = _rand_size(rng)
    t = int(rng.integers(0, 4))
    if t == 0:  # filtered noise mapped through a random two-colour ramp
        n = rng.standard_normal((h, w)).astype(np.float32)
        n = cv2.GaussianBlur(n, (0, 0), float(rng.uniform(0.7, 9)))
        n = (n - n.min()) / max(1e-6, float(n.max() - n.min()))
        c0, c1 = np.array(_rand_colour(rng), np.float32), np.array(_rand_colour(rng), np.float32)
        a = _u8(c0 + (c1 - c0) * n[..., None])
    elif t == 1:  # sum of sinusoids
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        acc = np.zeros((h, w, 3), np.float32)
        for _ in range(int(rng.integers(2, 6))):
            fx, fy = rng.uniform(-0.3, 0.3, 2)
            amp = rng.uniform(10, 60, 3).astype(np.float32)
            acc += amp * np.sin(fx * xx + fy * yy + rng.uniform(0, 6.3))[..., None]
        a = _u8(acc + 128)
    elif t == 2:  # checkers or stripes
        p = int(rng.integers(1, 40))
        yy, xx = np.mgrid[0:h, 0:w]
        mode = int(rng.integers(0, 3))
        if mode == 0:
            m = (xx // p + yy // p) % 2
        else:
            m = (xx // p) % 2 if mode == 1 else (yy // p) % 2
        c0, c1 = np.array(_rand_colour(rng)), np.array(_rand_colour(rng))
        a = _c(np.where(m[..., None] == 1, c1, c0).astype(np.uint8))
    else:  # tinted sample texture
        src = _sample(_TEXTURE_SOURCES[int(rng.integers(0, len(_TEXTURE_SOURCES)))])
        crop = _crop_aspect(src, w / h, float(rng.random()), float(rng.random()))
        f = float(rng.uniform(0.3, 1))
        crop = _crop_frac(crop, f, f, float(rng.random()), float(rng.random()))
        g = rng.uniform(0.6, 1.3, 3)
        a = _tint(_resize(crop, w, h), (float(g[0]), float(g[1]), float(g[2])))
    return _degrade(rng, a) if rng.random() < 0.5 else a


def _u_noise(rng: np.random.Generator) -> Array:
    w, h = _rand_size(rng)
    colour = rng.random() < 0.6
    shape = (h, w, 3) if colour else (h, w, 1)
    t = int(rng.integers(0, 3))
    if t == 0:
        a = _u8(rng.normal(rng.uniform(60, 200), rng.uniform(5, 70), shape))
    elif t == 1:
        a = rng.integers(0, 256, shape, dtype=np.uint8)
    else:
        p = float(rng.uniform(0.01, 0.3))
        a = np.full(shape, int(rng.integers(0, 256)), np.uint8)
        a[rng.random(shape) < p / 2] = 0
        a[rng.random(shape) < p / 2] = 255
    if not colour:
        a = np.repeat(a, 3, axis=2)
    return _c(a)


def _u_flat(rng: np.random.Generator) -> Array:
    w, h = _rand_size(rng)
    a = np.empty((h, w, 3), np.uint8)
    a[:] = _rand_colour(rng)
    if rng.random() < 0.4:
        amp = int(rng.integers(1, 3))
        a = _u8(a.astype(np.int16) + rng.integers(-amp, amp + 1, a.shape))
    return _c(a)


def _u_gradient(rng: np.random.Generator) -> Array:
    w, h = _rand_size(rng)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    if rng.random() < 0.6:
        ang = rng.uniform(0, 2 * np.pi)
        t = xx * np.cos(ang) + yy * np.sin(ang)
    else:
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        t = np.hypot(xx - cx, yy - cy)
    t = (t - t.min()) / max(1e-6, float(t.max() - t.min()))
    c0, c1 = np.array(_rand_colour(rng), np.float32), np.array(_rand_colour(rng), np.float32)
    f = c0 + (c1 - c0) * t[..., None]
    if rng.random() < 0.3:
        f = f + rng.uniform(-0.5, 0.5, f.shape).astype(np.float32)
    return _u8(f)


_MAKERS = {
    "photo": _u_photo,
    "photo_turned": _u_photo_turned,
    "photo_collage": _u_collage,
    "screen": _u_screen,
    "graphic": _u_graphic,
    "texture": _u_texture,
    "noise": _u_noise,
    "flat": _u_flat,
    "gradient": _u_gradient,
}


def unmarked(n: int = 10000, seed: int = 2026120716) -> Iterator[tuple[str, Array]]:
    """n unmarked images; item i depends only on default_rng([seed, i]) and the samples."""
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        kind = _KINDS[int(rng.choice(len(_KINDS), p=_KIND_P))]
        a = _MAKERS[kind](rng)
        yield f"u{i:05d}_{kind}", _c(a)


# --------------------------------------------------------------------------------------
# Edge cases
# --------------------------------------------------------------------------------------


def edge_cases() -> list[tuple[str, Array]]:
    """Awkward uint8 RGB arrays: tiny, strips, huge, flat, near-flat, noise, patterns."""
    rng = np.random.default_rng(20261207)

    def flat(h: int, w: int, c: tuple[int, int, int]) -> Array:
        a = np.empty((h, w, 3), np.uint8)
        a[:] = c
        return a

    def pattern(h: int, w: int, m: Array) -> Array:
        return _c(np.repeat((m * 255).astype(np.uint8)[..., None], 3, axis=2))

    yy, xx = np.mgrid[0:512, 0:512]
    out: list[tuple[str, Array]] = [
        ("tiny_1x1", flat(1, 1, (200, 40, 90))),
        ("tiny_2x2", rng.integers(0, 256, (2, 2, 3), dtype=np.uint8)),
        ("tiny_3x3", flat(3, 3, (255, 255, 255))),
        ("tiny_7x5", rng.integers(0, 256, (5, 7, 3), dtype=np.uint8)),
        ("tiny_15x16_photo", _resize(_sample("astronaut.png"), 15, 16, cv2.INTER_AREA)),
        ("strip_517x1", _resize(_sample("chelsea.png"), 517, 1, cv2.INTER_AREA)),
        ("strip_1x733", _resize(_sample("coffee.png"), 1, 733, cv2.INTER_AREA)),
        ("extreme_8192x8", _resize(_sample("china.jpg"), 8192, 8, cv2.INTER_AREA)),
        ("extreme_9000x37", _resize(_sample("hubble_deep_field.jpg"), 9000, 37, cv2.INTER_AREA)),
        ("huge_photo_4000x3000",
         _resize(_crop_aspect(_sample("retina.jpg"), 4 / 3), 4000, 3000, cv2.INTER_CUBIC)),
        ("huge_noise_3001x2999", rng.integers(0, 256, (2999, 3001, 3), dtype=np.uint8)),
        ("flat_black_512", flat(512, 512, (0, 0, 0))),
        ("flat_white_640x480", flat(480, 640, (255, 255, 255))),
        ("flat_grey_300x700", flat(700, 300, (128, 128, 128))),
        ("flat_red_333x222", flat(222, 333, (255, 0, 0))),
        ("nearflat_grey_pm1",
         _u8(128 + rng.integers(-1, 2, (480, 640, 1)).repeat(3, axis=2))),
        ("nearflat_white_254_255", _c(rng.integers(254, 256, (400, 600, 3), dtype=np.uint8))),
        ("noise_uniform_colour", rng.integers(0, 256, (600, 800, 3), dtype=np.uint8)),
        ("noise_grey_gauss", _u8(rng.normal(128, 40, (512, 512, 1)).repeat(3, axis=2))),
        ("checker_1px", pattern(512, 512, (xx + yy) % 2)),
        ("checker_8px", pattern(512, 512, (xx // 8 + yy // 8) % 2)),
        ("stripes_vertical_1px", pattern(512, 512, xx % 2)),
        ("stripes_horizontal_2px", pattern(512, 512, (yy // 2) % 2)),
        ("colour_bars", _c(np.array([[255, 255, 255], [255, 255, 0], [0, 255, 255],
                                     [0, 255, 0], [255, 0, 255], [255, 0, 0],
                                     [0, 0, 255], [0, 0, 0]], np.uint8)
                           [np.repeat(np.arange(8), 90)][None].repeat(480, axis=0))),
        ("single_bright_pixel", flat(400, 400, (0, 0, 0))),
        ("white_one_black_pixel", flat(333, 444, (255, 255, 255))),
        ("text_on_white", _sample("text.png")),
        ("tiny_photo_63x65", _resize(_sample("flower.jpg"), 63, 65, cv2.INTER_AREA)),
    ]
    for name, a in out:
        if name == "single_bright_pixel":
            a[200, 199] = (255, 255, 255)
        elif name == "white_one_black_pixel":
            a[0, 443] = (0, 0, 0)
    return [(name, _c(a)) for name, a in out]


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


_PNG_SIG = b"\x89PNG\r\n\x1a\n"


def _png_raw(
    w: int, h: int, depth: int, colour_type: int, idat: bytes, interlace: int = 0
) -> bytes:
    ihdr = struct.pack(">IIBBBBB", w, h, depth, colour_type, 0, 0, interlace)
    return (_PNG_SIG + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", idat)
            + _png_chunk(b"IEND", b""))


def _png_16(arr: Array) -> bytes:
    """A 16-bit PNG (grey when arr is 2-D, RGB when 3-D) written by hand."""
    h, w = arr.shape[:2]
    rows = arr.astype(">u2").reshape(h, -1).tobytes()
    stride = len(rows) // h
    raw = b"".join(b"\x00" + rows[i * stride:(i + 1) * stride] for i in range(h))
    return _png_raw(w, h, 16, 2 if arr.ndim == 3 else 0, zlib.compress(raw, 9))


def _png_adam7(rgb: Array) -> bytes:
    """An Adam7-interlaced 8-bit RGB PNG written by hand."""
    h, w = rgb.shape[:2]
    passes = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4),
              (1, 0, 2, 2), (0, 1, 1, 2))
    raw = bytearray()
    for x0, y0, dx, dy in passes:
        sub = rgb[y0::dy, x0::dx]
        if sub.size == 0:
            continue
        for row in sub:
            raw += b"\x00" + row.tobytes()
    return _png_raw(w, h, 8, 2, zlib.compress(bytes(raw), 9), interlace=1)


def _save(im: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def edge_case_files() -> list[tuple[str, bytes]]:
    """Awkward encoded files, byte-identical on every run."""
    rng = np.random.default_rng(7120726)
    photo = _resize(_crop_aspect(_sample("chelsea.png"), 4 / 3), 320, 240, cv2.INTER_AREA)
    pil = Image.fromarray(photo)
    grey = pil.convert("L")
    yy, xx = np.mgrid[0:240, 0:320]

    rgb16 = (photo.astype(np.uint16) * 257) ^ rng.integers(0, 256, photo.shape).astype(np.uint16)
    grey16 = (xx * 204 + yy * 1).astype(np.uint16)

    alpha = np.clip(xx * 255 // 319, 0, 255).astype(np.uint8)
    rgba = Image.fromarray(_c(np.dstack([photo, alpha])))
    holes = np.where(((xx // 40 + yy // 40) % 2) == 0, 0, 255).astype(np.uint8)
    rgba_holes = Image.fromarray(_c(np.dstack([photo, holes])))
    la = Image.fromarray(_c(np.dstack([np.asarray(grey), alpha])))
    palette = pil.quantize(colors=200, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    pal_trns = pil.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    one_bit = Image.fromarray(np.asarray(grey) > 110)

    good_png = _save(pil, "PNG")
    sig_len = len(_PNG_SIG)
    idat_at = good_png.index(b"IDAT")
    bad_crc = bytearray(good_png)
    for k in range(40):
        bad_crc[idat_at + 4 + 100 + k * 13] ^= 0x5A
    idat_len = struct.unpack(">I", good_png[idat_at - 4:idat_at])[0]
    garbage = rng.integers(0, 256, idat_len, dtype=np.uint8).tobytes()
    garbage_idat = (good_png[:idat_at - 4] + _png_chunk(b"IDAT", garbage)
                    + good_png[idat_at + 4 + idat_len + 4:])
    huge_header = _png_raw(100000, 100000, 8, 2, zlib.compress(b"\x00" * 300001, 9))
    comp = zlib.compressobj(9)
    row = b"\x00" + b"\x00" * 10000
    bomb = b"".join(comp.compress(row * 100) for _ in range(100)) + comp.flush()
    bomb_png = _png_raw(10000, 10000, 8, 0, bomb)

    frames = [Image.fromarray(_c(np.roll(photo, 37 * k, axis=1))) for k in range(4)]
    apng = _save(frames[0], "PNG", save_all=True, append_images=frames[1:], duration=120, loop=0)
    gif_frames = [f.quantize(colors=128, dither=Image.Dither.NONE) for f in frames]
    gif = _save(gif_frames[0], "GIF", save_all=True, append_images=gif_frames[1:],
                duration=[90, 140, 90, 200], loop=0)
    webp_anim = _save(frames[0], "WEBP", save_all=True, append_images=frames[1:],
                      duration=110, loop=0, quality=80, method=4)

    good_jpeg = _save(pil, "JPEG", quality=88)
    sos = good_jpeg.index(b"\xff\xda")
    corrupt_jpeg = bytearray(good_jpeg)
    noise = rng.integers(0, 255, 300, dtype=np.uint8).tobytes()
    start = sos + 600
    corrupt_jpeg[start:start + 300] = noise
    exif6 = Image.Exif()
    exif6[0x0112] = 6
    exif8 = Image.Exif()
    exif8[0x0112] = 8

    f32 = Image.fromarray((np.asarray(grey).astype(np.float32) / 255.0 - 0.25).astype(np.float32))
    tiff16 = Image.fromarray(grey16)

    files: list[tuple[str, bytes]] = [
        ("png_rgb_16bit", _png_16(rgb16)),
        ("png_grey_16bit", _png_16(grey16)),
        ("png_rgba_alpha_ramp", _save(rgba, "PNG")),
        ("png_rgba_transparent_holes", _save(rgba_holes, "PNG")),
        ("png_la_grey_alpha", _save(la, "PNG")),
        ("png_palette_200", _save(palette, "PNG")),
        ("png_palette_transparency", _save(pal_trns, "PNG", transparency=3)),
        ("png_grey_8bit", _save(grey, "PNG")),
        ("png_1bit", _save(one_bit, "PNG")),
        ("png_interlaced_adam7", _png_adam7(photo)),
        ("png_animated_apng", apng),
        ("png_truncated", good_png[: int(len(good_png) * 0.57)]),
        ("png_bad_crc", bytes(bad_crc)),
        ("png_garbage_idat_valid_crc", garbage_idat),
        ("png_header_100000x100000", huge_header),
        ("png_bomb_10000x10000_grey", bomb_png),
        ("png_signature_only", good_png[:sig_len]),
        ("jpeg_truncated", good_jpeg[: int(len(good_jpeg) * 0.43)]),
        ("jpeg_corrupt_scan", bytes(corrupt_jpeg)),
        ("jpeg_cmyk", _save(pil.convert("CMYK"), "JPEG", quality=90)),
        ("jpeg_exif_orientation_6", _save(pil, "JPEG", quality=90, exif=exif6.tobytes())),
        ("jpeg_exif_orientation_8", _save(pil, "JPEG", quality=90, exif=exif8.tobytes())),
        ("jpeg_grey", _save(grey, "JPEG", quality=85)),
        ("jpeg_progressive", _save(pil, "JPEG", quality=80, progressive=True)),
        ("gif_animated", gif),
        ("webp_animated", webp_anim),
        ("webp_lossless_alpha", _save(rgba, "WEBP", lossless=True, method=4)),
        ("tiff_rgb_lzw", _save(pil, "TIFF", compression="tiff_lzw")),
        ("tiff_grey_16bit", _save(tiff16, "TIFF")),
        ("tiff_float32", _save(f32, "TIFF")),
        ("tiff_cmyk", _save(pil.convert("CMYK"), "TIFF", compression="tiff_deflate")),
        ("tiff_multipage", _save(frames[0], "TIFF", save_all=True, append_images=frames[1:3])),
        ("bmp_rgb", _save(pil, "BMP")),
        ("bmp_32bit_from_rgba", _save(rgba, "BMP")),
        ("empty_file", b""),
        ("random_bytes_4096", rng.integers(0, 256, 4096, dtype=np.uint8).tobytes()),
        ("text_not_an_image", b"This is not an image.\nround 2026-12-07p\n" * 7),
    ]
    return files
