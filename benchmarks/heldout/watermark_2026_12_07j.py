"""Held-out test set "2026-12-07j" for the invisible image watermark (32-bit id in an RGB image).

PROVENANCE
    Written blind by an independent tester. To build it the tester read only: the files
    under safegen/backends/ (to call the project's built-in offline text-to-image model the
    way safegen/backends/builtin.py runs it), a name-only listing of safegen/builtin/,
    pyproject.toml and .gitignore. The tester did NOT open, grep or list safegen/watermark/,
    docs/, tests/, README.md, any other file in benchmarks/ or benchmarks/heldout/ (earlier
    held-out sets included), any issue tracker, or the git history/log/diff; no watermark
    encoder or decoder was run while it was made. Two slips, disclosed: one shell command
    printed only the NUMBER of entries in benchmarks/heldout/ (no names, no contents), and
    `git status --short` was run twice (first: clean tree; second: only this new file).
    Every parameter below was chosen without knowing how the watermark works.

    This file is FROZEN: it is never edited, not even for style. A changed set is a new file
    with a new ROUND.

SOURCES
    Real photographs: the sample images that ship inside installed packages, read from disk
    (located with importlib.util.find_spec, the packages themselves are not imported):
    scikit-image's skimage/data (astronaut, chelsea, coffee, hubble_deep_field, retina,
    rocket, motorcycle_left/right, camera, moon, grass, gravel, brick, ihc, coins) and
    scikit-learn's sklearn/datasets/images (china, flower). Generated images: the project's
    built-in model (safegen.backends.builtin.BuiltinBackend, default 256x256, default steps
    and guidance) with six prompts and seeds of this file, cached as PNG in CACHE_DIR. Text
    is drawn with Pillow's built-in scalable font (ImageFont.load_default(size)) and OpenCV's
    Hershey fonts. Everything else is drawn here with numpy, Pillow and OpenCV. Every random
    choice is seeded.

INTERFACE
    ROUND, CACHE_DIR
    images() -> list[(name, image_class, rgb)]; image_class in photo, generated, graphic,
        screenshot; rgb a C-contiguous uint8 (H, W, 3) array.
    attacks() -> list[(name, fn)]; fn(rgb) -> a new C-contiguous uint8 (H', W', 3) array,
        deterministic; the first attack is "none" (a copy).
    unmarked(n=10000, seed=2026120710) -> iterator of (name, rgb); item i depends only on
        np.random.default_rng([seed, i]) and the fixed package sample images.
    edge_cases() -> list[(name, rgb)]: awkward uint8 RGB arrays.
    edge_case_files() -> list[(name, bytes)]: awkward encoded files, byte-identical on every
        run (the ICC profile's creation date is pinned).

IMAGES (25)
    15 photos, 318 to 1984 px a side: astronaut portrait crop (cubic upscale), chelsea warmed and
    upscaled (Lanczos), a dark gamma-crushed coffee crop, an off-centre crop of the Hubble
    deep field (dark, dense point texture), a square retina crop, a narrow portrait crop of
    the rocket, a 1984x612 panorama strip of china, an over-exposed flower, an off-centre
    motorcycle crop (busy texture), greyscale camera (portrait crop) and moon (smooth, 2x
    upscale), a green-tinted grass texture (896x640 tall), an ihc microscopy crop, the right
    motorcycle view rotated to a 1012x1500 portrait, and a bilateral-smoothed china (smooth
    areas). 6 outputs of the built-in model (256x256, landscapes from its domain: dawn valley,
    desert dusk, snowy night, noon meadow, sunset lake, stormy wheat hills). 2 screenshots
    (a 1280x800 dark code editor, a 390x844 light phone chat). 2 graphics (a 900x560 bar and
    line chart, a 512x512 flat-colour logo).

ATTACKS (69: 54 single steps including "none", then 15 combinations)
    none; flips (h, v); one-axis stretches and squeezes of -12.9 % to +14.6 % (kept at the
    new size, fitted back into the original box with black bars, cropped back, resized back);
    crops keeping 52-91 % of a side, centred and off-centre, two resized back; rotations of
    -9.6 to +9.1 degrees with black, white and reflected borders, expanded canvases and
    crop-to-fill zoomed back to the original size; padding of 3-19 % (uniform, letterbox,
    pillarbox, asymmetric teal, coral resized back); JPEG q 87/71/53/34 at 4:2:0 and q 62 at
    4:4:4; WebP q 83 and 52; downscales 0.83 area, 0.71 Lanczos, 0.57 linear, 0.42 cubic and
    upscales 1.23 cubic, 1.37 nearest, 1.96 Lanczos; a social-media chain (crop ~90 %
    off-centre, long side to 1080 when larger, JPEG 76 4:2:0), a messaging-app chain
    (downscale 0.6 area, JPEG 55 4:2:0) and the same twice; pasting into a drawn browser
    page at 0.72 and a dark phone feed at 0.48; Gaussian blur 1.3, unsharp mask, Gaussian
    noise 6.5, brightness -31, contrast 0.73, gamma 0.77 and 1.42, saturation 0.38,
    greyscale. The 15 combinations chain two or three steps (crop, crop-to-fill rotation,
    flips, rescales, stretch, padding, brightness/contrast, blur+noise, greyscale,
    saturation+gamma, reflect rotation, social+messenger, browser paste) and most end in a
    JPEG (q 47-84, one 4:4:4) or WebP (q 72, 77).

UNMARKED / EDGE CASES
    unmarked(): per item one category, drawn first from the item's generator: photo crops of
    128-1500 px and aspect 1:3 to 3:1 resized with a random interpolation (30 %), flipped
    and/or rescaled native crops (10 %), JPEG-recompressed crops, once or twice (10 %),
    periodic textures - stripes, checkerboards, grids, brick, basket weave, rotated halftone
    dots, repeated tiles (random and photo tiles) (18 %), noise - Gaussian, uniform, low-pass,
    salt and pepper, greyscale (6 %), flat one-colour images (4 %), linear and radial
    gradients with or without dither (7 %), drawn graphics with shapes and text (8 %) and
    drawn screenshots (7 %).
    edge_cases(): 1x1, 2x2, a 1-px row and column, 7x300, 300x7, 63x63, 127x129, 2048x64,
    64x2048, a 4000x3000 photo, flat black / white / colour, near-flat (+-1), a 3-level
    near-flat ramp, two halves of two colours, binary two-colour noise, saturated noise,
    uniform noise, a 1-px checkerboard and a greyscale photo.
    edge_case_files(): 16-bit RGB and greyscale PNG, RGBA PNG with transparent regions hiding
    colour, palette PNG with and without tRNS, greyscale PNG, 1-bit PNG, PNG with an ICC
    profile (creation date pinned), a PNG whose IHDR declares 50000x50000 with tiny data, a
    PNG with a bad IHDR CRC, a truncated PNG; CMYK JPEG, progressive JPEG, EXIF-rotated JPEGs
    (orientation 6 and 8), JPEG with an ICC profile, a truncated JPEG, a JPEG whose SOF
    declares 65000x65000; animated and transparent GIF; animated (lossless) and
    lossless-alpha WebP; LZW, 16-bit and multi-page TIFF; 24-bit BMP; zero bytes; 4096 random
    bytes (28 files).
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import math
import struct
import sys
import zlib
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

ROUND = "2026-12-07j"
CACHE_DIR = Path(__file__).resolve().parent / "cache_j"

Attack = Callable[[np.ndarray], np.ndarray]

# --------------------------------------------------------------------------------------------
# helpers


def _rgb(a: np.ndarray) -> np.ndarray:
    a = np.asarray(a)
    if a.dtype != np.uint8:
        a = np.clip(np.rint(a), 0, 255).astype(np.uint8)
    if a.ndim == 2:
        a = np.repeat(a[:, :, None], 3, axis=2)
    elif a.shape[2] == 1:
        a = np.repeat(a, 3, axis=2)
    elif a.shape[2] == 4:
        a = a[:, :, :3]
    a = np.ascontiguousarray(a)
    return a if a.flags.writeable else a.copy()


def _pkg_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"package {package} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _load(package: str, relative: str) -> np.ndarray:
    with Image.open(_pkg_dir(package) / relative) as im:
        return _rgb(np.asarray(im.convert("RGB")))


@lru_cache(maxsize=1)
def _sources() -> dict[str, np.ndarray]:
    sk = "skimage"
    files = {
        "astronaut": (sk, "data/astronaut.png"),
        "chelsea": (sk, "data/chelsea.png"),
        "coffee": (sk, "data/coffee.png"),
        "hubble": (sk, "data/hubble_deep_field.jpg"),
        "retina": (sk, "data/retina.jpg"),
        "rocket": (sk, "data/rocket.jpg"),
        "moto_l": (sk, "data/motorcycle_left.png"),
        "moto_r": (sk, "data/motorcycle_right.png"),
        "camera": (sk, "data/camera.png"),
        "moon": (sk, "data/moon.png"),
        "grass": (sk, "data/grass.png"),
        "gravel": (sk, "data/gravel.png"),
        "brick": (sk, "data/brick.png"),
        "ihc": (sk, "data/ihc.png"),
        "coins": (sk, "data/coins.png"),
        "china": ("sklearn", "datasets/images/china.jpg"),
        "flower": ("sklearn", "datasets/images/flower.jpg"),
    }
    return {name: _load(pkg, rel) for name, (pkg, rel) in files.items()}


def _resize(a: np.ndarray, w: int, h: int, interp: int = cv2.INTER_AREA) -> np.ndarray:
    w, h = max(1, int(w)), max(1, int(h))
    return _rgb(cv2.resize(a, (w, h), interpolation=interp))


def _scale(a: np.ndarray, f: float, interp: int) -> np.ndarray:
    h, w = a.shape[:2]
    return _resize(a, round(w * f), round(h * f), interp)


def _gamma(a: np.ndarray, g: float) -> np.ndarray:
    lut = np.clip(np.rint(255.0 * (np.arange(256) / 255.0) ** g), 0, 255).astype(np.uint8)
    return _rgb(lut[a])


def _gains(a: np.ndarray, r: float, g: float, b: float) -> np.ndarray:
    return _rgb(a.astype(np.float32) * np.array([r, g, b], np.float32))


@lru_cache(maxsize=64)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError, ImportError):
        return ImageFont.load_default()


_WORDS = (
    "account settings report quarterly north river update pending review merge branch "
    "invoice shipping delivered tomorrow meeting notes draft final version export import "
    "photo album gallery share upload download profile message thread reply forward archive "
    "search filter results total average median revenue growth index status online offline "
    "error warning build passed failed deploy release config token session window panel"
).split()


def _words(rng: np.random.Generator, n: int) -> str:
    return " ".join(_WORDS[int(k)] for k in rng.integers(0, len(_WORDS), n))


def _colour(rng: np.random.Generator, lo: int = 0, hi: int = 256) -> tuple[int, int, int]:
    c = rng.integers(lo, hi, 3)
    return (int(c[0]), int(c[1]), int(c[2]))


# --------------------------------------------------------------------------------------------
# images


def _photos() -> list[tuple[str, str, np.ndarray]]:
    s = _sources()
    out: list[tuple[str, str, np.ndarray]] = []

    a = s["astronaut"][31:451, 118:418]  # 420x300 portrait crop
    out.append(("astronaut_portrait", "photo", _resize(a, 436, 611, cv2.INTER_CUBIC)))

    a = _gains(s["chelsea"], 1.09, 1.0, 0.86)
    out.append(
        (
            "chelsea_warm_up",
            "photo",
            _rgb(np.asarray(Image.fromarray(a).resize((1203, 800), Image.Resampling.LANCZOS))),
        )
    )

    a = _gamma(s["coffee"][13:398, 9:586], 1.85)
    out.append(("coffee_dark", "photo", _gains(a, 0.78, 0.8, 0.84)))

    out.append(("hubble_offcentre", "photo", _rgb(s["hubble"][97:803, 29:987])))

    a = s["retina"][47:1377, 61:1391]
    out.append(("retina_square", "photo", _resize(a, 1187, 1187, cv2.INTER_AREA)))

    out.append(("rocket_narrow", "photo", _rgb(s["rocket"][0:427, 203:534])))

    a = s["china"][141:339, 0:640]
    out.append(("china_panorama", "photo", _resize(a, 1984, 612, cv2.INTER_CUBIC)))

    a = _gamma(s["flower"], 0.58)
    out.append(
        ("flower_bright", "photo", _resize(_gains(a, 1.06, 1.06, 1.02), 702, 468, cv2.INTER_LINEAR))
    )

    out.append(("motorcycle_busy", "photo", _rgb(s["moto_l"][7:496, 13:735])))

    out.append(("camera_grey_portrait", "photo", _rgb(s["camera"][61:463, 97:415])))

    out.append(("moon_grey_smooth", "photo", _resize(s["moon"], 1031, 1031, cv2.INTER_CUBIC)))

    g = s["grass"][:, :, 0].astype(np.float32) / 255.0
    tint = np.stack([40 + 120 * g, 70 + 170 * g, 20 + 90 * g], axis=2)
    out.append(("grass_tinted_tall", "photo", _resize(_rgb(tint), 640, 896, cv2.INTER_LINEAR)))

    out.append(("ihc_micro", "photo", _rgb(s["ihc"][83:435, 17:497])))

    a = np.ascontiguousarray(np.rot90(s["moto_r"], 1))
    out.append(("motorcycle_rot_tall", "photo", _resize(a, 1012, 1500, cv2.INTER_CUBIC)))

    a = cv2.bilateralFilter(s["china"], 9, 60, 9)
    out.append(("china_smoothed", "photo", _resize(a, 853, 569, cv2.INTER_CUBIC)))
    return out


_PROMPTS: tuple[tuple[str, int], ...] = (
    ("a misty pine valley at dawn with a winding river", 7301),
    ("red desert mesas under a violet dusk sky", 48213),
    ("snowy mountains under a clear starry night sky", 915),
    ("a green meadow with scattered trees at noon and light clouds", 230177),
    ("a calm lake reflecting orange sunset clouds", 6642),
    ("rolling hills of wheat under a stormy grey sky", 31337),
)


def _generated() -> list[tuple[str, str, np.ndarray]]:
    """Six outputs of the built-in model, generated once and cached as PNG in CACHE_DIR."""
    paths = []
    for k, (prompt, seed) in enumerate(_PROMPTS):
        tag = hashlib.sha256(prompt.encode()).hexdigest()[:8]
        paths.append(CACHE_DIR / f"gen{k}_{seed}_{tag}.png")
    missing = [k for k, p in enumerate(paths) if not p.exists()]
    if missing:
        try:
            from safegen.backends.base import BackendRequest
            from safegen.backends.builtin import BuiltinBackend
        except ImportError:
            sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
            from safegen.backends.base import BackendRequest
            from safegen.backends.builtin import BuiltinBackend
        backend = BuiltinBackend(threads=1)
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        for k in missing:
            prompt, seed = _PROMPTS[k]
            request = BackendRequest(prompt=prompt, negative_prompt=None, seeds=(seed,))
            image = backend.generate(request)[0].convert("RGB")
            image.save(paths[k], format="PNG")
    out = []
    for k, path in enumerate(paths):
        with Image.open(path) as im:
            out.append(
                (f"builtin_{k}_{_PROMPTS[k][1]}", "generated", _rgb(np.asarray(im.convert("RGB"))))
            )
    return out


def _screenshot_editor() -> np.ndarray:
    rng = np.random.default_rng(1207001)
    im = Image.new("RGB", (1280, 800), (30, 31, 36))
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, 1279, 33], fill=(44, 46, 52))
    for k, colour in enumerate([(237, 95, 87), (245, 190, 79), (98, 197, 84)]):
        d.ellipse([14 + 22 * k, 11, 26 + 22 * k, 23], fill=colour)
    d.text((520, 9), "pipeline.py - northwind - Editor", font=_font(14), fill=(200, 200, 205))
    d.rectangle([0, 34, 239, 799], fill=(37, 38, 44))
    for k in range(24):
        indent = 14 + 14 * int(rng.integers(0, 3))
        d.text(
            (indent, 46 + 28 * k),
            f"{_words(rng, 1)}_{k}.py",
            font=_font(13),
            fill=(170, 172, 180) if k != 5 else (240, 240, 240),
        )
    d.rectangle([240, 34, 1279, 63], fill=(33, 34, 40))
    d.text((258, 41), "pipeline.py", font=_font(13), fill=(230, 230, 230))
    d.text((378, 41), "ledger.py", font=_font(13), fill=(140, 140, 150))
    palette = [
        (198, 120, 221),
        (97, 175, 239),
        (152, 195, 121),
        (229, 192, 123),
        (171, 178, 191),
        (224, 108, 117),
    ]
    for line in range(34):
        y = 72 + 21 * line
        d.text((252, y), f"{line + 1:>3}", font=_font(13), fill=(92, 99, 112))
        x = 300 + 28 * int(rng.integers(0, 4))
        for _ in range(int(rng.integers(1, 7))):
            word = _words(rng, 1) + ("(" if rng.random() < 0.3 else "")
            colour = palette[int(rng.integers(0, len(palette)))]
            d.text((x, y), word, font=_font(14), fill=colour)
            x += int(d.textlength(word, font=_font(14))) + 9
    d.rectangle([0, 778, 1279, 799], fill=(0, 122, 204))
    d.text(
        (10, 781), "main  Ln 18, Col 42  UTF-8  Python 3.11", font=_font(12), fill=(255, 255, 255)
    )
    return _rgb(np.asarray(im))


def _screenshot_chat() -> np.ndarray:
    rng = np.random.default_rng(1207002)
    im = Image.new("RGB", (390, 844), (246, 246, 248))
    d = ImageDraw.Draw(im)
    d.text((24, 14), "9:41", font=_font(15), fill=(0, 0, 0))
    d.rectangle([330, 18, 360, 30], outline=(0, 0, 0), width=2)
    d.rectangle([333, 21, 352, 27], fill=(0, 0, 0))
    d.rectangle([0, 48, 389, 110], fill=(255, 255, 255))
    d.ellipse([16, 60, 56, 100], fill=(88, 86, 214))
    d.text((29, 70), "MK", font=_font(14), fill=(255, 255, 255))
    d.text((68, 64), "Mira Kovacs", font=_font(17), fill=(10, 10, 10))
    d.text((68, 86), "online", font=_font(12), fill=(120, 120, 128))
    d.line([0, 110, 389, 110], fill=(220, 220, 224))
    y = 126
    while y < 740:
        mine = bool(rng.random() < 0.5)
        text = _words(rng, int(rng.integers(2, 9)))
        lines = [text[i : i + 26] for i in range(0, len(text), 26)]
        height = 14 + 19 * len(lines)
        width = 24 + 8 * max(len(t) for t in lines)
        x0 = 389 - 14 - width if mine else 14
        fill = (0, 132, 255) if mine else (229, 229, 234)
        d.rounded_rectangle([x0, y, x0 + width, y + height], radius=14, fill=fill)
        for k, t in enumerate(lines):
            d.text(
                (x0 + 12, y + 8 + 19 * k),
                t,
                font=_font(14),
                fill=(255, 255, 255) if mine else (20, 20, 20),
            )
        y += height + 12
    d.rectangle([0, 764, 389, 843], fill=(255, 255, 255))
    d.rounded_rectangle([14, 776, 330, 812], radius=18, outline=(200, 200, 205), width=2)
    d.text((30, 786), "iMessage", font=_font(14), fill=(160, 160, 165))
    d.ellipse([340, 778, 372, 810], fill=(0, 132, 255))
    d.rounded_rectangle([128, 828, 262, 833], radius=3, fill=(0, 0, 0))
    return _rgb(np.asarray(im))


def _chart() -> np.ndarray:
    rng = np.random.default_rng(1207003)
    im = Image.new("RGB", (900, 560), (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.text(
        (70, 18), "Monthly active users by region (thousands)", font=_font(20), fill=(33, 33, 33)
    )
    x0, y0, x1, y1 = 80, 70, 860, 490
    for k in range(6):
        y = y1 - k * (y1 - y0) // 5
        d.line([x0, y, x1, y], fill=(228, 228, 228))
        d.text((34, y - 8), f"{k * 40}", font=_font(13), fill=(90, 90, 90))
    d.line([x0, y0, x0, y1], fill=(60, 60, 60), width=2)
    d.line([x0, y1, x1, y1], fill=(60, 60, 60), width=2)
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep"]
    step = (x1 - x0) / len(months)
    series = []
    for k, m in enumerate(months):
        v1, v2 = rng.uniform(40, 190), rng.uniform(20, 120)
        bx = x0 + k * step + 12
        for j, (v, colour) in enumerate([(v1, (66, 133, 244)), (v2, (251, 188, 5))]):
            top = y1 - v / 200 * (y1 - y0)
            d.rectangle([bx + j * 30, top, bx + j * 30 + 26, y1 - 1], fill=colour)
        d.text((bx + 14, y1 + 8), m, font=_font(13), fill=(70, 70, 70))
        series.append((bx + 28, y1 - rng.uniform(60, 180) / 200 * (y1 - y0)))
    d.line(series, fill=(219, 68, 55), width=3)
    for px, py in series:
        d.ellipse([px - 5, py - 5, px + 5, py + 5], fill=(219, 68, 55))
    for k, (label, colour) in enumerate(
        [("EMEA", (66, 133, 244)), ("APAC", (251, 188, 5)), ("trend", (219, 68, 55))]
    ):
        d.rectangle([640 + 75 * k, 520, 654 + 75 * k, 534], fill=colour)
        d.text((660 + 75 * k, 519), label, font=_font(13), fill=(50, 50, 50))
    return _rgb(np.asarray(im))


def _logo() -> np.ndarray:
    im = Image.new("RGB", (512, 512), (246, 241, 231))
    d = ImageDraw.Draw(im)
    d.ellipse([96, 60, 416, 380], fill=(16, 62, 104))
    star = []
    for k in range(10):
        r = 120 if k % 2 == 0 else 52
        t = -math.pi / 2 + k * math.pi / 5
        star.append((256 + r * math.cos(t), 220 + r * math.sin(t)))
    d.polygon(star, fill=(242, 169, 0))
    d.rectangle([96, 404, 416, 414], fill=(200, 16, 46))
    d.text((118, 424), "NORTHWIND", font=_font(50), fill=(16, 62, 104))
    return _rgb(np.asarray(im))


def images() -> list[tuple[str, str, np.ndarray]]:
    """The 25 marked-image sources: 15 photos, 6 built-in outputs, 2 screenshots, 2 graphics."""
    out = _photos() + _generated()
    out.append(("editor_dark", "screenshot", _screenshot_editor()))
    out.append(("phone_chat", "screenshot", _screenshot_chat()))
    out.append(("bar_line_chart", "graphic", _chart()))
    out.append(("flat_logo", "graphic", _logo()))
    return out


# --------------------------------------------------------------------------------------------
# attacks


def _encode(a: np.ndarray, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(a).save(buf, format=fmt, **kw)
    return buf.getvalue()


def _decode(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as im:
        return _rgb(np.asarray(im.convert("RGB")))


def _jpeg(q: int, subsampling: int = 2) -> Attack:
    def fn(a: np.ndarray) -> np.ndarray:
        return _decode(_encode(a, "JPEG", quality=q, subsampling=subsampling))

    return fn


def _webp(q: int) -> Attack:
    def fn(a: np.ndarray) -> np.ndarray:
        return _decode(_encode(a, "WEBP", quality=q, method=4))

    return fn


def _chain(*fns: Attack) -> Attack:
    def fn(a: np.ndarray) -> np.ndarray:
        for f in fns:
            a = f(a)
        return _rgb(a)

    return fn


def _flip(code: int) -> Attack:
    return lambda a: _rgb(cv2.flip(a, code))


def _rescale(f: float, interp: int) -> Attack:
    return lambda a: _scale(a, f, interp)


def _pil_rescale(f: float) -> Attack:
    def fn(a: np.ndarray) -> np.ndarray:
        h, w = a.shape[:2]
        size = (max(1, round(w * f)), max(1, round(h * f)))
        return _rgb(np.asarray(Image.fromarray(a).resize(size, Image.Resampling.LANCZOS)))

    return fn


def _stretch(fx: float, fy: float, mode: str) -> Attack:
    """One-axis stretch: 'kept' (new size), 'fit' (into the original box, black bars),
    'crop' (centre crop back to the original size), 'back' (resized back)."""

    def fn(a: np.ndarray) -> np.ndarray:
        h, w = a.shape[:2]
        s = _resize(a, round(w * fx), round(h * fy), cv2.INTER_CUBIC)
        if mode == "kept":
            return s
        if mode == "back":
            return _resize(s, w, h, cv2.INTER_AREA)
        sh, sw = s.shape[:2]
        if mode == "crop":
            top, left = max(0, (sh - h) // 2), max(0, (sw - w) // 2)
            return _rgb(s[top : top + h, left : left + w])
        k = min(w / sw, h / sh)
        fit = _resize(s, round(sw * k), round(sh * k), cv2.INTER_AREA)
        fh, fw = fit.shape[:2]
        out = np.zeros((h, w, 3), np.uint8)
        top, left = (h - fh) // 2, (w - fw) // 2
        out[top : top + fh, left : left + fw] = fit[: h - top, : w - left]
        return out

    return fn


def _crop(kw: float, kh: float, cx: float = 0.5, cy: float = 0.5, back: bool = False) -> Attack:
    """Keep kw x kh of the sides, the window's centre at (cx, cy) of the free range."""

    def fn(a: np.ndarray) -> np.ndarray:
        h, w = a.shape[:2]
        nw, nh = max(1, round(w * kw)), max(1, round(h * kh))
        left, top = round((w - nw) * cx), round((h - nh) * cy)
        c = _rgb(a[top : top + nh, left : left + nw])
        return _resize(c, w, h, cv2.INTER_CUBIC) if back else c

    return fn


def _rotate(deg: float, border: str = "black", mode: str = "same") -> Attack:
    """mode: 'same' canvas, 'expand' canvas, 'crop' (crop-to-fill, smaller), 'zoom'
    (crop-to-fill zoomed back to the original size)."""

    def fn(a: np.ndarray) -> np.ndarray:
        h, w = a.shape[:2]
        t = math.radians(abs(deg))
        c, s = math.cos(t), math.sin(t)
        centre = (w / 2.0, h / 2.0)
        scale = 1.0
        if mode == "zoom":
            scale = max(c + s * h / w, c + s * w / h)
        m = cv2.getRotationMatrix2D(centre, deg, scale)
        size = (w, h)
        if mode == "expand":
            nw, nh = round(w * c + h * s), round(w * s + h * c)
            m[0, 2] += (nw - w) / 2.0
            m[1, 2] += (nh - h) / 2.0
            size = (nw, nh)
        if border == "reflect":
            bm, value = cv2.BORDER_REFLECT_101, (0, 0, 0)
        else:
            bm = cv2.BORDER_CONSTANT
            value = (255, 255, 255) if border == "white" else (0, 0, 0)
        r = cv2.warpAffine(a, m, size, flags=cv2.INTER_LINEAR, borderMode=bm, borderValue=value)
        if mode == "crop":
            k = max(c + s * h / w, c + s * w / h)
            nw, nh = max(1, int(w / k)), max(1, int(h / k))
            left, top = (w - nw) // 2, (h - nh) // 2
            r = r[top : top + nh, left : left + nw]
        return _rgb(r)

    return fn


def _pad(
    top: float,
    bottom: float,
    left: float,
    right: float,
    colour: tuple[int, int, int] = (0, 0, 0),
    back: bool = False,
) -> Attack:
    def fn(a: np.ndarray) -> np.ndarray:
        h, w = a.shape[:2]
        t, b = round(h * top), round(h * bottom)
        lf, rt = round(w * left), round(w * right)
        p = cv2.copyMakeBorder(a, t, b, lf, rt, cv2.BORDER_CONSTANT, value=colour)
        return _resize(p, w, h, cv2.INTER_AREA) if back else _rgb(p)

    return fn


def _social(a: np.ndarray) -> np.ndarray:
    c = _crop(0.904, 0.897, 0.46, 0.53)(a)
    h, w = c.shape[:2]
    if max(h, w) > 1080:
        f = 1080 / max(h, w)
        c = _resize(c, round(w * f), round(h * f), cv2.INTER_AREA)
    return _jpeg(76, 2)(c)


def _messenger(a: np.ndarray) -> np.ndarray:
    return _jpeg(55, 2)(_scale(a, 0.6, cv2.INTER_AREA))


def _ui_paste(scale: float, theme: str) -> Attack:
    """The image pasted, at `scale`, into a drawn browser page (light) or phone feed (dark)."""

    def fn(a: np.ndarray) -> np.ndarray:
        h, w = a.shape[:2]
        sw, sh = max(1, round(w * scale)), max(1, round(h * scale))
        pic = _resize(a, sw, sh, cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC)
        rng = np.random.default_rng(120799)
        if theme == "browser":
            side, head, foot, margin = 180, 96, 120, 28
            cw, ch = sw + side + 2 * margin, sh + head + foot + margin
            im = Image.new("RGB", (cw, ch), (255, 255, 255))
            d = ImageDraw.Draw(im)
            d.rectangle([0, 0, cw, 38], fill=(222, 225, 230))
            d.rounded_rectangle([10, 6, min(cw - 10, 230), 38], radius=8, fill=(255, 255, 255))
            d.text((22, 14), "Photos - Northwind", font=_font(13), fill=(40, 40, 40))
            d.rectangle([0, 38, cw, 76], fill=(248, 249, 250))
            d.rounded_rectangle([80, 44, max(90, cw - 40), 70], radius=12, fill=(233, 236, 239))
            d.text(
                (96, 50), "https://photos.example.net/album/8812", font=_font(13), fill=(60, 60, 60)
            )
            d.rectangle([0, 76, side, ch], fill=(242, 243, 245))
            for k in range((ch - 96) // 34):
                d.text((18, 96 + 34 * k), _words(rng, 1).title(), font=_font(14), fill=(70, 70, 70))
            x, y = side + margin, head
            im.paste(Image.fromarray(pic), (x, y))
            d.text((x, y + sh + 14), _words(rng, 6), font=_font(16), fill=(20, 20, 20))
            d.text((x, y + sh + 42), _words(rng, 9), font=_font(13), fill=(100, 100, 100))
        else:
            pad, head, foot = 12, 72, 110
            cw, ch = sw + 2 * pad, sh + head + foot
            im = Image.new("RGB", (cw, ch), (0, 0, 0))
            d = ImageDraw.Draw(im)
            d.ellipse([pad, 16, pad + 40, 56], fill=(131, 58, 180))
            d.text((pad + 52, 18), "northwind.travel", font=_font(15), fill=(245, 245, 245))
            d.text((pad + 52, 38), "Sponsored", font=_font(12), fill=(160, 160, 160))
            im.paste(Image.fromarray(pic), (pad, head))
            d.text(
                (pad, head + sh + 14), "Liked by 1,284 others", font=_font(15), fill=(245, 245, 245)
            )
            d.text((pad, head + sh + 40), _words(rng, 7), font=_font(13), fill=(220, 220, 220))
        return _rgb(np.asarray(im))

    return fn


def _blur(sigma: float) -> Attack:
    return lambda a: _rgb(cv2.GaussianBlur(a, (0, 0), sigma))


def _sharpen(amount: float, sigma: float) -> Attack:
    def fn(a: np.ndarray) -> np.ndarray:
        f = a.astype(np.float32)
        return _rgb(f + amount * (f - cv2.GaussianBlur(f, (0, 0), sigma)))

    return fn


def _noise(kind: str, level: float, seed: int) -> Attack:
    def fn(a: np.ndarray) -> np.ndarray:
        rng = np.random.default_rng(seed)
        if kind == "gauss":
            n = rng.normal(0.0, level, a.shape)
        else:
            n = rng.uniform(-level, level, a.shape)
        return _rgb(a.astype(np.float32) + n.astype(np.float32))

    return fn


def _brightness(delta: float) -> Attack:
    return lambda a: _rgb(a.astype(np.float32) + delta)


def _contrast(k: float) -> Attack:
    def fn(a: np.ndarray) -> np.ndarray:
        f = a.astype(np.float32)
        m = float(f.mean())
        return _rgb(m + k * (f - m))

    return fn


def _gamma_attack(g: float) -> Attack:
    return lambda a: _gamma(a, g)


def _saturation(k: float) -> Attack:
    def fn(a: np.ndarray) -> np.ndarray:
        f = a.astype(np.float32)
        grey = (f @ np.array([0.299, 0.587, 0.114], np.float32))[:, :, None]
        return _rgb(grey + k * (f - grey))

    return fn


def _greyscale(a: np.ndarray) -> np.ndarray:
    return _rgb(cv2.cvtColor(a, cv2.COLOR_RGB2GRAY))


def attacks() -> list[tuple[str, Attack]]:
    """69 deterministic attacks; the first is "none"."""
    A, L, C = cv2.INTER_AREA, cv2.INTER_LINEAR, cv2.INTER_CUBIC
    N = cv2.INTER_NEAREST
    out: list[tuple[str, Attack]] = [
        ("none", lambda a: np.array(a, dtype=np.uint8, order="C", copy=True)),
        ("flip_h", _flip(1)),
        ("flip_v", _flip(0)),
        # one-axis stretches and squeezes
        ("stretch_x_1.118_kept", _stretch(1.118, 1.0, "kept")),
        ("squeeze_y_0.871_kept", _stretch(1.0, 0.871, "kept")),
        ("stretch_y_1.146_fit", _stretch(1.0, 1.146, "fit")),
        ("stretch_x_1.093_cropback", _stretch(1.093, 1.0, "crop")),
        ("squeeze_x_0.934_resizeback", _stretch(0.934, 1.0, "back")),
        # crops
        ("crop_centre_0.87", _crop(0.87, 0.87)),
        ("crop_tl_0.73x0.81", _crop(0.73, 0.81, 0.18, 0.37)),
        ("crop_br_0.91x0.56", _crop(0.91, 0.56, 0.94, 0.88)),
        ("crop_left_0.52x0.94", _crop(0.52, 0.94, 0.0, 0.6)),
        ("crop_centre_0.78_back", _crop(0.78, 0.78, back=True)),
        ("crop_off_0.66x0.71_back", _crop(0.66, 0.71, 0.81, 0.22, back=True)),
        # rotations
        ("rot_+2.7_black", _rotate(2.7, "black")),
        ("rot_-6.3_white", _rotate(-6.3, "white")),
        ("rot_+9.1_reflect", _rotate(9.1, "reflect")),
        ("rot_-3.8_expand", _rotate(-3.8, "black", "expand")),
        ("rot_+7.4_expand_white", _rotate(7.4, "white", "expand")),
        ("rot_+4.9_cropfill_back", _rotate(4.9, "black", "zoom")),
        ("rot_-9.6_cropfill_back", _rotate(-9.6, "black", "zoom")),
        # padding
        ("pad_uniform_0.07", _pad(0.07, 0.07, 0.07, 0.07)),
        ("pad_letterbox_0.13", _pad(0.13, 0.13, 0.0, 0.0)),
        ("pad_pillarbox_0.17_white", _pad(0.0, 0.0, 0.17, 0.17, (255, 255, 255))),
        ("pad_asym_teal", _pad(0.03, 0.19, 0.11, 0.0, (0, 128, 128))),
        ("pad_0.09_coral_back", _pad(0.09, 0.09, 0.09, 0.09, (255, 111, 97), back=True)),
        # JPEG / WebP
        ("jpeg_87_420", _jpeg(87, 2)),
        ("jpeg_71_420", _jpeg(71, 2)),
        ("jpeg_62_444", _jpeg(62, 0)),
        ("jpeg_53_420", _jpeg(53, 2)),
        ("jpeg_34_420", _jpeg(34, 2)),
        ("webp_83", _webp(83)),
        ("webp_52", _webp(52)),
        # rescales
        ("down_0.83_area", _rescale(0.83, A)),
        ("down_0.71_lanczos", _pil_rescale(0.71)),
        ("down_0.57_linear", _rescale(0.57, L)),
        ("down_0.42_cubic", _rescale(0.42, C)),
        ("up_1.23_cubic", _rescale(1.23, C)),
        ("up_1.37_nearest", _rescale(1.37, N)),
        ("up_1.96_lanczos", _pil_rescale(1.96)),
        # platform chains and UI
        ("social_chain", _social),
        ("messenger_chain", _messenger),
        ("messenger_chain_x2", _chain(_messenger, _messenger)),
        ("ui_browser_0.72", _ui_paste(0.72, "browser")),
        ("ui_phone_0.48", _ui_paste(0.48, "phone")),
        # filters and colour
        ("blur_1.3", _blur(1.3)),
        ("sharpen_0.8_1.7", _sharpen(0.8, 1.7)),
        ("noise_gauss_6.5", _noise("gauss", 6.5, 4711)),
        ("brightness_-31", _brightness(-31.0)),
        ("contrast_0.73", _contrast(0.73)),
        ("gamma_0.77", _gamma_attack(0.77)),
        ("gamma_1.42", _gamma_attack(1.42)),
        ("saturation_0.38", _saturation(0.38)),
        ("greyscale", _greyscale),
    ]
    combos: list[tuple[str, Attack]] = [
        ("crop_0.84+jpeg_70", _chain(_crop(0.84, 0.84, 0.4, 0.55), _jpeg(70))),
        ("rot_+3.3_cropfill+jpeg_66", _chain(_rotate(3.3, "black", "crop"), _jpeg(66))),
        ("flip_h+jpeg_58", _chain(_flip(1), _jpeg(58))),
        ("down_0.73+sharpen", _chain(_rescale(0.73, A), _sharpen(0.6, 1.1))),
        ("stretch_x_1.06+webp_72", _chain(_stretch(1.06, 1.0, "kept"), _webp(72))),
        ("pad_0.08+jpeg_81", _chain(_pad(0.08, 0.08, 0.08, 0.08), _jpeg(81))),
        ("bright+contrast+jpeg_61", _chain(_brightness(14.0), _contrast(1.17), _jpeg(61))),
        ("blur_0.9+noise_4+jpeg_74", _chain(_blur(0.9), _noise("gauss", 4.0, 99), _jpeg(74))),
        ("greyscale+jpeg_68", _chain(_greyscale, _jpeg(68))),
        ("sat_1.3+gamma_0.87+webp_77", _chain(_saturation(1.3), _gamma_attack(0.87), _webp(77))),
        (
            "up_1.31+crop_0.77+jpeg_84",
            _chain(_rescale(1.31, C), _crop(0.77, 0.77, 0.3, 0.6), _jpeg(84)),
        ),
        ("rot_-5.2_reflect+down_0.8", _chain(_rotate(-5.2, "reflect"), _rescale(0.8, A))),
        (
            "flip_v+crop_off+jpeg_47_444",
            _chain(_flip(0), _crop(0.69, 0.88, 0.7, 0.1), _jpeg(47, 0)),
        ),
        ("social+messenger", _chain(_social, _messenger)),
        ("ui_browser_0.9+jpeg_63", _chain(_ui_paste(0.9, "browser"), _jpeg(63))),
    ]
    return out + combos


# --------------------------------------------------------------------------------------------
# unmarked images

_CATEGORIES: tuple[tuple[str, float], ...] = (
    ("photo_crop", 0.30),
    ("photo_fliprescale", 0.10),
    ("photo_jpeg", 0.10),
    ("texture", 0.18),
    ("noise", 0.06),
    ("flat", 0.04),
    ("gradient", 0.07),
    ("graphic", 0.08),
    ("screenshot", 0.07),
)
_UNMARKED_SOURCES = (
    "astronaut",
    "chelsea",
    "coffee",
    "hubble",
    "retina",
    "rocket",
    "moto_l",
    "moto_r",
    "camera",
    "moon",
    "grass",
    "gravel",
    "brick",
    "ihc",
    "coins",
    "china",
    "flower",
)
_INTERPS = (
    cv2.INTER_AREA,
    cv2.INTER_LINEAR,
    cv2.INTER_CUBIC,
    cv2.INTER_LANCZOS4,
    cv2.INTER_NEAREST,
)


def _pick_category(rng: np.random.Generator) -> str:
    names = [c for c, _ in _CATEGORIES]
    p = np.array([w for _, w in _CATEGORIES])
    return names[int(rng.choice(len(names), p=p / p.sum()))]


def _random_crop(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    """A crop of 128-1500 px, aspect 1:3 to 3:1, resized with a random interpolation."""
    src_name = _UNMARKED_SOURCES[int(rng.integers(0, len(_UNMARKED_SOURCES)))]
    src = _sources()[src_name]
    sh, sw = src.shape[:2]
    aspect = math.exp(rng.uniform(math.log(1 / 3), math.log(3)))
    tw = int(rng.integers(128, 1501))
    th = int(np.clip(round(tw / aspect), 128, 1500))
    f = math.exp(rng.uniform(math.log(0.4), math.log(2.2)))
    cw, ch = tw * f, th * f
    k = min(1.0, sw / cw, sh / ch)
    cw, ch = max(8, int(cw * k)), max(8, int(ch * k))
    left = int(rng.integers(0, sw - cw + 1))
    top = int(rng.integers(0, sh - ch + 1))
    crop = src[top : top + ch, left : left + cw]
    interp = _INTERPS[int(rng.integers(0, len(_INTERPS)))]
    return src_name, _resize(crop, tw, th, interp)


def _native_crop(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    src_name = _UNMARKED_SOURCES[int(rng.integers(0, len(_UNMARKED_SOURCES)))]
    src = _sources()[src_name]
    sh, sw = src.shape[:2]
    cw = int(rng.integers(min(128, sw), sw + 1))
    ch = int(rng.integers(min(128, sh), sh + 1))
    left = int(rng.integers(0, sw - cw + 1))
    top = int(rng.integers(0, sh - ch + 1))
    return src_name, _rgb(src[top : top + ch, left : left + cw])


def _u_photo_fliprescale(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    src_name, a = _native_crop(rng)
    code = int(rng.integers(-1, 3))  # -1 both, 0 vertical, 1 horizontal, 2 none
    if code != 2:
        a = _rgb(cv2.flip(a, code))
    f = math.exp(rng.uniform(math.log(0.45), math.log(1.8)))
    h, w = a.shape[:2]
    if max(h, w) * f > 1500:
        f = 1500 / max(h, w)
    a = _scale(a, f, _INTERPS[int(rng.integers(0, len(_INTERPS)))])
    return f"{src_name}_flip{code}_x{f:.2f}", a


def _u_photo_jpeg(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    src_name, a = _random_crop(rng)
    q = int(rng.integers(30, 96))
    a = _jpeg(q, int(rng.choice([0, 1, 2])))(a)
    if rng.random() < 0.3:
        q2 = int(rng.integers(40, 92))
        a = _jpeg(q2, 2)(a)
        return f"{src_name}_jpeg{q}+{q2}", a
    return f"{src_name}_jpeg{q}", a


def _size(rng: np.random.Generator, lo: int = 96, hi: int = 1025) -> tuple[int, int]:
    return int(rng.integers(lo, hi)), int(rng.integers(lo, hi))


def _two_colours(rng: np.random.Generator, t: np.ndarray) -> np.ndarray:
    c0 = np.array(_colour(rng), np.float32)
    c1 = np.array(_colour(rng), np.float32)
    return _rgb(c0 + t[:, :, None].astype(np.float32) * (c1 - c0))


def _coords(rng: np.random.Generator, h: int, w: int, rotate: bool) -> tuple[np.ndarray, ...]:
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    if not rotate:
        return xx, yy
    t = rng.uniform(0, math.pi)
    c, s = np.float32(math.cos(t)), np.float32(math.sin(t))
    return xx * c + yy * s, -xx * s + yy * c


def _u_texture(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    h, w = _size(rng)
    kind = ("stripes", "checker", "grid", "brick", "weave", "halftone", "tile", "phototile")[
        int(rng.integers(0, 8))
    ]
    if kind == "stripes":
        u, _ = _coords(rng, h, w, bool(rng.random() < 0.6))
        p = float(rng.uniform(2.0, 40.0))
        if rng.random() < 0.5:
            t = 0.5 + 0.5 * np.sin(2 * np.pi * u / p)
        else:
            t = ((u / p) % 1.0) < rng.uniform(0.2, 0.8)
        return f"stripes_p{p:.1f}", _two_colours(rng, t)
    if kind == "checker":
        u, v = _coords(rng, h, w, bool(rng.random() < 0.3))
        p = float(rng.integers(1, 49))
        t = (np.floor(u / p) + np.floor(v / p)) % 2
        return f"checker_{p:.0f}", _two_colours(rng, t)
    if kind == "grid":
        u, v = _coords(rng, h, w, False)
        p, th = int(rng.integers(4, 64)), int(rng.integers(1, 4))
        t = ((u % p) < th) | ((v % p) < th)
        return f"grid_{p}_{th}", _two_colours(rng, t)
    if kind == "brick":
        bw, bh, m = int(rng.integers(16, 90)), int(rng.integers(8, 40)), int(rng.integers(1, 5))
        yy, xx = np.mgrid[0:h, 0:w]
        row = yy // bh
        xo = xx + (row % 2) * (bw // 2)
        inside = ((yy % bh) >= m) & ((xo % bw) >= m)
        base = np.array(_colour(rng, 90, 220), np.float32)
        table = base + rng.normal(0, 14, (5, 7, 3)).astype(np.float32)
        bricks = table[row % 5, (xo // bw) % 7]
        mortar = np.array(_colour(rng, 150, 235), np.float32)
        out = np.where(inside[:, :, None], bricks, mortar)
        return f"brick_{bw}x{bh}", _rgb(out)
    if kind == "weave":
        p = int(rng.integers(3, 24))
        yy, xx = np.mgrid[0:h, 0:w]
        cell = ((xx // p) + (yy // p)) % 2
        sh = np.sin(np.pi * (yy % p + 0.5) / p)
        sv = np.sin(np.pi * (xx % p + 0.5) / p)
        c0 = np.array(_colour(rng), np.float32)
        c1 = np.array(_colour(rng), np.float32)
        col = np.where(cell[:, :, None] == 1, c0, c1)
        shade = np.where(cell == 1, sh, sv).astype(np.float32)[:, :, None]
        return f"weave_{p}", _rgb(col * (0.55 + 0.45 * shade))
    if kind == "halftone":
        p = float(rng.uniform(4.0, 16.0))
        u, v = _coords(rng, h, w, True)
        du = u - p * np.round(u / p)
        dv = v - p * np.round(v / p)
        dist = np.sqrt(du * du + dv * dv)
        small = rng.uniform(0, 1, (int(rng.integers(2, 6)), int(rng.integers(2, 6))))
        tone = cv2.resize(small.astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
        radius = 0.62 * p * np.sqrt(np.clip(tone, 0, 1))
        return f"halftone_{p:.1f}", _two_colours(rng, dist < radius)
    if kind == "tile":
        tw, th = int(rng.integers(4, 65)), int(rng.integers(4, 65))
        tile = rng.integers(0, 256, (th, tw, 3), dtype=np.uint8)
        if rng.random() < 0.5:
            tile = cv2.GaussianBlur(tile, (0, 0), float(rng.uniform(0.5, 3.0)))
        reps = (h // th + 1, w // tw + 1, 1)
        return f"tile_{tw}x{th}", _rgb(np.tile(tile, reps)[:h, :w])
    _, photo = _random_crop(rng)
    ph, pw = photo.shape[:2]
    tw, th = int(rng.integers(16, min(pw, 160) + 1)), int(rng.integers(16, min(ph, 160) + 1))
    tile = photo[:th, :tw]
    reps = (h // th + 1, w // tw + 1, 1)
    return f"phototile_{tw}x{th}", _rgb(np.tile(tile, reps)[:h, :w])


def _u_noise(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    h, w = _size(rng)
    kind = ("gauss", "uniform", "lowpass", "saltpepper", "grey")[int(rng.integers(0, 5))]
    if kind == "gauss":
        mean, sd = rng.uniform(40, 215), rng.uniform(4, 80)
        return f"gauss_{sd:.0f}", _rgb(rng.normal(mean, sd, (h, w, 3)))
    if kind == "uniform":
        return "uniform", rng.integers(0, 256, (h, w, 3), dtype=np.uint8)
    if kind == "lowpass":
        k = int(rng.integers(3, 40))
        small = rng.integers(0, 256, (max(2, h // k), max(2, w // k), 3), dtype=np.uint8)
        return f"lowpass_{k}", _resize(small, w, h, cv2.INTER_CUBIC)
    if kind == "saltpepper":
        a = np.full((h, w, 3), _colour(rng), np.uint8)
        mask = rng.random((h, w))
        frac = rng.uniform(0.005, 0.2)
        a[mask < frac / 2] = 0
        a[mask > 1 - frac / 2] = 255
        return f"saltpepper_{frac:.3f}", a
    g = rng.normal(128, rng.uniform(5, 60), (h, w))
    return "grey_noise", _rgb(g)


def _u_flat(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    h, w = _size(rng, 64, 1601)
    c = _colour(rng)
    return f"flat_{c[0]}_{c[1]}_{c[2]}", np.full((h, w, 3), c, np.uint8)


def _u_gradient(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    h, w = _size(rng)
    if rng.random() < 0.6:
        u, _ = _coords(rng, h, w, True)
        t = (u - u.min()) / max(1e-6, float(u.max() - u.min()))
        kind = "linear"
    else:
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        d = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2)
        t = d / max(1e-6, float(d.max()))
        kind = "radial"
    c0 = np.array(_colour(rng), np.float32)
    c1 = np.array(_colour(rng), np.float32)
    out = c0 + t[:, :, None] * (c1 - c0)
    if rng.random() < 0.4:
        out = out + rng.uniform(-0.5, 0.5, out.shape).astype(np.float32)
        kind += "_dither"
    return kind, _rgb(out)


def _u_graphic(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    h, w = _size(rng, 128, 1025)
    im = Image.new("RGB", (w, h), _colour(rng, 150))
    d = ImageDraw.Draw(im)
    for _ in range(int(rng.integers(2, 12))):
        x0, y0 = int(rng.integers(0, w)), int(rng.integers(0, h))
        x1, y1 = x0 + int(rng.integers(8, w // 2 + 9)), y0 + int(rng.integers(8, h // 2 + 9))
        kind = int(rng.integers(0, 4))
        if kind == 0:
            d.rectangle([x0, y0, x1, y1], fill=_colour(rng))
        elif kind == 1:
            d.ellipse([x0, y0, x1, y1], fill=_colour(rng))
        elif kind == 2:
            d.line([x0, y0, x1, y1], fill=_colour(rng), width=int(rng.integers(1, 9)))
        else:
            pts = [(int(rng.integers(0, w)), int(rng.integers(0, h))) for _ in range(3)]
            d.polygon(pts, fill=_colour(rng))
    for _ in range(int(rng.integers(1, 6))):
        size = int(rng.integers(10, 48))
        xy = (int(rng.integers(0, max(1, w - 60))), int(rng.integers(0, max(1, h - size))))
        d.text(xy, _words(rng, int(rng.integers(1, 5))), font=_font(size), fill=_colour(rng, 0, 90))
    a = _rgb(np.asarray(im))
    if rng.random() < 0.3:
        cv2.putText(
            a,
            _words(rng, 2).upper(),
            (8, h // 2),
            cv2.FONT_HERSHEY_SIMPLEX,
            float(rng.uniform(0.5, 2.5)),
            _colour(rng),
            int(rng.integers(1, 4)),
            cv2.LINE_AA,
        )
    return "shapes_text", a


def _u_screenshot(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w = int(rng.choice([360, 390, 412, 768, 1024, 1280, 1366, 1440]))
    h = int(rng.choice([640, 720, 800, 844, 900, 915]))
    if w * h > 1100 * 900:
        w, h = w * 3 // 4, h * 3 // 4
    dark = bool(rng.random() < 0.35)
    bg = (28, 28, 32) if dark else (250, 250, 252)
    fg = (225, 225, 230) if dark else (25, 25, 30)
    im = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(im)
    bar = _colour(rng, 20, 120) if dark else _colour(rng, 170, 250)
    d.rectangle([0, 0, w, 44], fill=bar)
    d.text((14, 12), _words(rng, 3).title(), font=_font(17), fill=fg)
    side = int(rng.integers(0, 2)) * int(rng.integers(120, max(121, w // 4)))
    if side:
        d.rectangle([0, 44, side, h], fill=(40, 40, 46) if dark else (238, 239, 242))
        for k in range((h - 60) // 30):
            d.text((12, 58 + 30 * k), _words(rng, 1), font=_font(14), fill=fg)
    y = 60
    size = int(rng.integers(12, 18))
    while y < h - 40:
        if rng.random() < 0.12:
            bx = side + 16
            d.rounded_rectangle([bx, y, bx + 110, y + 30], radius=6, fill=_colour(rng))
            d.text((bx + 12, y + 7), _words(rng, 1), font=_font(14), fill=(255, 255, 255))
            y += 44
            continue
        n = int(rng.integers(2, 12))
        d.text((side + 16, y), _words(rng, n), font=_font(size), fill=fg)
        y += size + int(rng.integers(6, 16))
    return f"ui_{'dark' if dark else 'light'}", _rgb(np.asarray(im))


def _unmarked_item(i: int, seed: int) -> tuple[str, np.ndarray]:
    rng = np.random.default_rng([seed, i])
    cat = _pick_category(rng)
    if cat == "photo_crop":
        src_name, a = _random_crop(rng)
        name = src_name
    elif cat == "photo_fliprescale":
        name, a = _u_photo_fliprescale(rng)
    elif cat == "photo_jpeg":
        name, a = _u_photo_jpeg(rng)
    elif cat == "texture":
        name, a = _u_texture(rng)
    elif cat == "noise":
        name, a = _u_noise(rng)
    elif cat == "flat":
        name, a = _u_flat(rng)
    elif cat == "gradient":
        name, a = _u_gradient(rng)
    elif cat == "graphic":
        name, a = _u_graphic(rng)
    else:
        name, a = _u_screenshot(rng)
    h, w = a.shape[:2]
    return f"{i:05d}_{cat}_{name}_{w}x{h}", _rgb(a)


def unmarked(n: int = 10000, seed: int = 2026120710) -> Iterator[tuple[str, np.ndarray]]:
    """Lazily yields n unmarked images; item i depends only on default_rng([seed, i])."""
    for i in range(n):
        yield _unmarked_item(i, seed)


# --------------------------------------------------------------------------------------------
# edge cases


def _two_tone(mask: np.ndarray, h: int, w: int) -> np.ndarray:
    m = np.broadcast_to(mask, (h, w))[:, :, None]
    return _rgb(np.where(m, np.array([12, 90, 200]), np.array([250, 220, 10])))


def edge_cases() -> list[tuple[str, np.ndarray]]:
    rng = np.random.default_rng(20261207)
    s = _sources()
    photo = s["chelsea"]
    out: list[tuple[str, np.ndarray]] = [
        ("1x1", np.array([[[173, 41, 219]]], np.uint8)),
        ("2x2", _resize(photo, 2, 2, cv2.INTER_AREA)),
        ("row_640x1", _resize(photo, 640, 1, cv2.INTER_AREA)),
        ("column_1x480", _resize(photo, 1, 480, cv2.INTER_AREA)),
        ("7x300_wide", _resize(s["china"], 300, 7, cv2.INTER_AREA)),
        ("300x7_tall", _resize(s["flower"], 7, 300, cv2.INTER_AREA)),
        ("63x63", _resize(s["astronaut"], 63, 63, cv2.INTER_AREA)),
        ("127x129", _resize(s["coffee"], 127, 129, cv2.INTER_AREA)),
        ("2048x64", _resize(s["china"][180:260], 2048, 64, cv2.INTER_CUBIC)),
        ("64x2048", _resize(s["rocket"][:, 300:360], 64, 2048, cv2.INTER_CUBIC)),
        ("4000x3000_huge", _resize(s["retina"][160:1220, 0:1411], 4000, 3000, cv2.INTER_CUBIC)),
        ("flat_black", np.zeros((512, 512, 3), np.uint8)),
        ("flat_white", np.full((333, 517, 3), 255, np.uint8)),
        ("flat_colour", np.full((480, 640, 3), (201, 37, 88), np.uint8)),
        ("near_flat_pm1", _rgb(128 + rng.integers(-1, 2, (400, 600, 3)))),
        ("near_flat_ramp3", _rgb(np.tile(90 + np.arange(700) * 3 // 700, (350, 1)))),
        ("two_colour_halves", _two_tone(np.arange(400)[None, :] < 200, 400, 400)),
        ("two_colour_binary_noise", _two_tone(rng.random((256, 256)) < 0.5, 256, 256)),
        ("saturated_noise", _rgb(255 * rng.integers(0, 2, (384, 512, 3)))),
        ("uniform_noise", rng.integers(0, 256, (300, 300, 3), dtype=np.uint8)),
        ("checker_1px", _rgb(255 * ((np.arange(256)[:, None] + np.arange(256)[None, :]) % 2))),
        ("greyscale_photo", _rgb(cv2.cvtColor(s["coffee"], cv2.COLOR_RGB2GRAY))),
    ]
    return [(name, _rgb(a)) for name, a in out]


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def _pinned_srgb_icc() -> bytes:
    from PIL import ImageCms

    icc = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    icc[24:36] = struct.pack(">6H", 2026, 12, 7, 0, 0, 0)  # creation date pinned
    icc[84:100] = bytes(16)  # no profile id
    return bytes(icc)


def edge_case_files() -> list[tuple[str, bytes]]:
    rng = np.random.default_rng(7122026)
    s = _sources()
    base = _resize(s["chelsea"], 240, 160, cv2.INTER_AREA)
    pil = Image.fromarray(base)
    out: list[tuple[str, bytes]] = []

    wide16 = (base.astype(np.uint16) * 257 + rng.integers(0, 200, base.shape)).astype(np.uint16)
    ok, enc = cv2.imencode(".png", np.ascontiguousarray(wide16[:, :, ::-1]))
    out.append(("png_16bit_rgb", enc.tobytes()))
    ok, enc = cv2.imencode(".png", np.ascontiguousarray(wide16[:, :, 1]))
    out.append(("png_16bit_grey", enc.tobytes()))

    alpha = np.zeros(base.shape[:2], np.uint8)
    alpha[:, :] = np.linspace(0, 255, base.shape[1], dtype=np.float32).astype(np.uint8)[None]
    alpha[40:120, 60:180] = 0  # fully transparent, colour hidden underneath
    rgba = np.dstack([base, alpha])
    rgba[40:120, 60:180, :3] = (255, 0, 255)
    out.append(("png_rgba_transparent", _encode(rgba, "PNG")))

    pal = pil.quantize(colors=37, method=Image.Quantize.MEDIANCUT)
    buf = io.BytesIO()
    pal.save(buf, format="PNG")
    out.append(("png_palette", buf.getvalue()))
    buf = io.BytesIO()
    pal.save(buf, format="PNG", transparency=3)
    out.append(("png_palette_trns", buf.getvalue()))
    out.append(("png_greyscale", _encode(np.ascontiguousarray(base[:, :, 0]), "PNG")))
    buf = io.BytesIO()
    pil.convert("1").save(buf, format="PNG")
    out.append(("png_1bit", buf.getvalue()))
    icc = _pinned_srgb_icc()
    out.append(("png_icc", _encode(base, "PNG", icc_profile=icc)))

    ihdr = struct.pack(">IIBBBBB", 50000, 50000, 8, 2, 0, 0, 0)
    huge = (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _png_chunk(b"IEND", b"")
    )
    out.append(("png_huge_declared", huge))
    good_png = _encode(base, "PNG")
    bad = bytearray(good_png)
    bad[29] ^= 0x5A  # first byte of IHDR's CRC
    out.append(("png_bad_crc", bytes(bad)))
    out.append(("png_truncated", good_png[: len(good_png) * 3 // 5]))

    buf = io.BytesIO()
    pil.convert("CMYK").save(buf, format="JPEG", quality=88)
    out.append(("jpeg_cmyk", buf.getvalue()))
    out.append(
        ("jpeg_progressive", _encode(base, "JPEG", quality=83, progressive=True, optimize=True))
    )
    for orientation in (6, 8):
        exif = Image.Exif()
        exif[0x0112] = orientation
        exif[0x010F] = "Northwind"
        exif[0x0132] = "2026:12:07 10:00:00"
        buf = io.BytesIO()
        pil.save(buf, format="JPEG", quality=90, exif=exif.tobytes())
        out.append((f"jpeg_exif_orientation_{orientation}", buf.getvalue()))
    out.append(("jpeg_icc", _encode(base, "JPEG", quality=90, icc_profile=icc)))
    good_jpeg = _encode(base, "JPEG", quality=90)
    out.append(("jpeg_truncated", good_jpeg[: len(good_jpeg) * 11 // 20]))
    patched = bytearray(good_jpeg)
    sof = patched.find(b"\xff\xc0")
    if sof > 0:
        patched[sof + 5 : sof + 9] = struct.pack(">HH", 65000, 65000)
    out.append(("jpeg_huge_sof", bytes(patched)))

    frames = [Image.fromarray(_rgb(np.roll(base, 37 * k, axis=1))) for k in range(3)]
    buf = io.BytesIO()
    frames[0].save(buf, format="GIF", save_all=True, append_images=frames[1:], duration=120, loop=0)
    out.append(("gif_animated", buf.getvalue()))
    buf = io.BytesIO()
    pal.save(buf, format="GIF", transparency=5)
    out.append(("gif_transparent", buf.getvalue()))
    buf = io.BytesIO()
    frames[0].save(
        buf,
        format="WEBP",
        save_all=True,
        append_images=frames[1:],
        duration=150,
        loop=0,
        lossless=True,
    )
    out.append(("webp_animated", buf.getvalue()))
    out.append(("webp_lossless_alpha", _encode(rgba, "WEBP", lossless=True)))

    out.append(("tiff_lzw", _encode(base, "TIFF", compression="tiff_lzw")))
    ok, enc = cv2.imencode(".tiff", np.ascontiguousarray(wide16[:, :, ::-1]))
    out.append(("tiff_16bit", enc.tobytes()))
    buf = io.BytesIO()
    pil.save(
        buf,
        format="TIFF",
        save_all=True,
        append_images=[Image.fromarray(_resize(base, 97, 131, cv2.INTER_AREA))],
    )
    out.append(("tiff_multipage", buf.getvalue()))
    out.append(("bmp_24bit", _encode(base, "BMP")))
    out.append(("zero_bytes", b""))
    out.append(("random_bytes", rng.integers(0, 256, 4096, dtype=np.uint8).tobytes()))
    return out


# --------------------------------------------------------------------------------------------
# self-check


def _check(a: np.ndarray, what: str) -> None:
    assert isinstance(a, np.ndarray), what
    assert a.dtype == np.uint8 and a.ndim == 3 and a.shape[2] == 3, (what, a.dtype, a.shape)
    assert a.flags.c_contiguous and a.shape[0] > 0 and a.shape[1] > 0, what


if __name__ == "__main__":
    import collections
    import time

    cv2.setNumThreads(1)
    t0 = time.perf_counter()
    imgs = images()
    print(f"round {ROUND}: {len(imgs)} images", dict(collections.Counter(c for _, c, _ in imgs)))
    for name, _, a in imgs:
        _check(a, name)
    atts = attacks()
    assert atts[0][0] == "none"
    assert len({n for n, _ in atts}) == len(atts), "duplicate attack names"
    print(f"{len(atts)} attacks")
    for name, a_ in [(n, a) for n, _, a in imgs]:
        for att_name, fn in atts:
            r = fn(a_)
            _check(r, f"{att_name} on {name}")
            assert r is not a_, att_name
    small = imgs[-1][2]
    for att_name, fn in atts:
        assert np.array_equal(fn(small), fn(small)), f"{att_name} not deterministic"
    print(f"attacks checked on every image ({time.perf_counter() - t0:.1f} s)")

    cats = collections.Counter(
        _pick_category(np.random.default_rng([2026120710, i])) for i in range(10000)
    )
    print("unmarked categories (10000):", dict(sorted(cats.items())))
    t1 = time.perf_counter()
    first = list(unmarked(50))
    dt = (time.perf_counter() - t1) / 50
    for name, a in first:
        _check(a, name)
    for i in (0, 7, 31):
        name, a = _unmarked_item(i, 2026120710)
        assert name == first[i][0] and np.array_equal(a, first[i][1]), f"unmarked {i}"
    print(
        f"unmarked: first 50 valid, {1000 * dt:.1f} ms per item;",
        dict(
            collections.Counter(next(c for c, _ in _CATEGORIES if f"_{c}_" in n) for n, _ in first)
        ),
    )

    edges = edge_cases()
    for name, a in edges:
        _check(a, name)
    print(f"{len(edges)} edge arrays")
    files = edge_case_files()
    again = edge_case_files()
    assert [(n, hashlib.sha256(b).hexdigest()) for n, b in files] == [
        (n, hashlib.sha256(b).hexdigest()) for n, b in again
    ], "edge files not deterministic"
    assert len({n for n, _ in files}) == len(files)
    print(f"{len(files)} edge files, deterministic")
    print(f"done in {time.perf_counter() - t0:.1f} s")
