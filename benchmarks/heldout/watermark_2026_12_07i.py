"""Held-out test set "2026-12-07i" for the invisible image watermark (32-bit id in an RGB image).

PROVENANCE
    Written by an independent tester who was kept blind to how the watermark works.
    Read: the files under safegen/backends/ (to call the built-in offline text-to-image
    model the way safegen/backends/builtin.py runs it: ``BuiltinBackend().generate(
    BackendRequest(...))``), a name-only listing of safegen/builtin/, pyproject.toml and
    .gitignore. Not read (not opened, grepped or listed): safegen/watermark/, docs/, tests/,
    any other file in benchmarks/ or benchmarks/heldout/ (earlier held-out sets included),
    README.md, any issue tracker, git history/log/diff. No watermark encoder or decoder was
    run while writing it; every attack parameter, image and prompt below was chosen without
    knowledge of the method.
    This file is FROZEN: it is never edited, not even for style (its sha256 is its identity).
    A changed set is a new file with a new ROUND.

SOURCES
    Real photographs: the sample images shipped inside installed packages, found through
    importlib.util.find_spec(...).submodule_search_locations: scikit-image's skimage/data
    (astronaut, chelsea, coffee, hubble_deep_field, ihc, motorcycle_left/right, retina,
    rocket, camera, moon, gravel, grass, brick, coins, clock_motion, cell, page, text) and
    scikit-learn's sklearn/datasets/images (china, flower). Everything else is drawn here with
    numpy / Pillow / OpenCV. Six images come from the project's built-in model
    (safegen.backends.builtin.BuiltinBackend, default 256x256, default steps and guidance),
    with prompts and seeds chosen here; they are cached as PNG in CACHE_DIR (cache_i/ next to
    this file) on first use and read back from there afterwards. Every random choice is
    seeded. No network access is needed.

INTERFACE
    ROUND, CACHE_DIR
    images() -> list[(name, image_class, rgb)]   image_class in photo/generated/graphic/screenshot
    attacks() -> list[(name, fn)]                fn(rgb) -> new C-contiguous uint8 (H', W', 3);
                                                 deterministic; the first is "none" (a copy)
    unmarked(n=10000, seed=2026120709) -> Iterator[(name, rgb)]   lazily; item i depends only on
                                                 np.random.default_rng([seed, i]) and the
                                                 package sample images
    edge_cases() -> list[(name, rgb)]            awkward uint8 RGB arrays
    edge_case_files() -> list[(name, bytes)]     awkward encoded files
    Every rgb is a C-contiguous uint8 numpy array of shape (H, W, 3).

IMAGES (25)
    15 photos: astronaut 512 square; chelsea 451x300 small landscape; coffee upscaled to
    1500x1000; china upscaled to 1920x1281; a 1983x621 panorama cut from motorcycle_left;
    portraits cut from rocket (612x917) and flower (388x583); hubble deep field 1000x872
    (dark); moon 512 (greyscale, dark); camera 777 (greyscale); retina 1337 square (dark
    surround, smooth); ihc 512 (bright); gravel 512x384 tinted (fine texture); a smooth,
    defocused 900x600 coffee; a bright high-key 800x534 china.
    6 generated: the built-in model, 256x256, six landscape prompts, seeds of this file.
    2 screenshots drawn here: a 1280x800 code editor and a 750x1334 phone chat, with text.
    2 graphics drawn here: a 960x540 chart and a 600x600 flat-colour logo.

ATTACKS (68)
    none; horizontal and vertical flips; one-axis stretches/squeezes (x1.13 and y0.89 kept,
    y1.07 and x0.91 fitted back into the original canvas, x1.14 cropped back to the original
    size, y0.87 cropped back to the original aspect); crops keeping 50-95% of each side,
    centred and off-centre, two resized back; rotations (+3.7 black, -7.3 white, +9.6
    reflect, +5.2 expanded canvas, -8.4 expanded white canvas, +6.1 crop-to-fill, -4.4
    crop-to-fill resized back); padding (uniform 7% black, 16% letterbox, 12% white
    pillarbox, asymmetric grey, 9% teal resized back); JPEG q31/44/58/79/88 with 4:2:0 and
    4:4:4; WebP q53/86; downscales 0.43 area, 0.57 bilinear, 0.86 Lanczos;
    upscales 1.17 bicubic, 1.46 bilinear, 1.93 Lanczos; a social-media chain (crop ~90%, long
    side to 1080, JPEG 75); a messaging-app chain (x0.6, JPEG 55) and the same twice; pasting
    into a drawn browser page at 0.47 scale and fitted into a 1440x900 page; Gaussian blur,
    unsharp sharpening, Gaussian noise, brightness up and down, contrast, gamma, saturation,
    greyscale; and 14 combinations of 2-3 of these steps.

UNMARKED / EDGE CASES
    unmarked(): 15 kinds: photo_crop (30%: real-photo crops 128-1500 px of aspect 1:3..3:1),
    photo_flip_rescale (10%), photo_jpeg (12%: JPEG q35-95, 4:2:0 or 4:4:4), then 4% each of
    stripes, checker, grid, brick, weave, halftone, tiles and noise, 3% flat, 4% gradient,
    5% graphic (shapes and text) and 4% screenshot. Each item takes a few ms to tens of ms.
    edge_cases(): 23 arrays: 1x1, 2x2, 7x300, 300x7, 63x63, 64x64 noise, 4000x3000 photo,
    2048x64, 64x2048, flat white/black/grey/red, near-flat (+-1), two-colour, saturated
    noise, full-range noise, 1-px checker, 1-px column stripes, one-row and one-column
    gradients, odd 1001x999 photo, greyscale photo.
    edge_case_files(): 30 files: 16-bit RGB and greyscale PNG, RGBA PNG with transparency,
    LA PNG, palette PNG, palette PNG with tRNS, greyscale PNG, 1-bit PNG, 1x1 PNG, CMYK JPEG,
    progressive JPEG, EXIF-rotated JPEGs (orientation 6 and 8), greyscale JPEG, JPEG with an
    ICC profile, 4:4:4 q100 JPEG, animated GIF, static GIF, animated WebP, lossless RGBA WebP,
    LZW TIFF, multi-page TIFF, 24-bit BMP, truncated PNG and JPEG, zero bytes, random bytes,
    a PNG declaring 50000x50000 with tiny data, a PNG with a bad CRC, and a text file.
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

ROUND = "2026-12-07i"
CACHE_DIR = Path(__file__).resolve().parent / "cache_i"

RGB = np.ndarray
Attack = Callable[[np.ndarray], np.ndarray]


# --------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------


def _u8(a: np.ndarray) -> np.ndarray:
    """A C-contiguous uint8 (H, W, 3) copy-or-view of ``a`` (clipped, rounded)."""
    a = np.asarray(a)
    if a.dtype != np.uint8:
        f = a if a.dtype in (np.float32, np.float64) else a.astype(np.float64)
        a = np.rint(np.clip(f, 0, 255)).astype(np.uint8)
    if a.ndim == 2:
        a = np.stack([a, a, a], axis=-1)
    elif a.shape[2] == 1:
        a = np.concatenate([a, a, a], axis=-1)
    elif a.shape[2] > 3:
        a = a[..., :3]
    return np.ascontiguousarray(a)


def _pkg_dirs(module: str) -> list[Path]:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return []
    return [Path(p) for p in spec.submodule_search_locations]


@functools.cache
def _sample(name: str) -> np.ndarray:
    """A package sample image as uint8 RGB (greyscale replicated; alpha dropped)."""
    for module, sub in (("skimage", "data"), ("sklearn", "datasets/images")):
        for base in _pkg_dirs(module):
            path = base / sub / name
            if path.is_file():
                with Image.open(path) as im:
                    arr = _u8(np.asarray(im.convert("RGB")))
                arr.setflags(write=False)
                return arr
    raise FileNotFoundError(f"sample image {name} not found in the installed packages")


def _resize(a: np.ndarray, w: int, h: int, interp: int = cv2.INTER_LINEAR) -> np.ndarray:
    return _u8(cv2.resize(a, (max(1, int(w)), max(1, int(h))), interpolation=interp))


def _pil_resize(a: np.ndarray, w: int, h: int) -> np.ndarray:
    return _u8(np.asarray(Image.fromarray(a).resize((w, h), Image.Resampling.LANCZOS)))


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow without FreeType
        return ImageFont.load_default()


_WORDS = (
    "invoice report meeting budget river quarterly update draft release notes server "
    "latency north garden coffee window schedule review merge branch photo album weekend "
    "ticket sprint design layout pixel export import settings account profile message "
    "delivery order status pending shipped total amount volume signal harbour lantern"
).split()


def _sentence(rng: np.random.Generator, lo: int = 2, hi: int = 8) -> str:
    k = int(rng.integers(lo, hi + 1))
    words = [str(_WORDS[int(j)]) for j in rng.integers(0, len(_WORDS), k)]
    if rng.random() < 0.3:
        words.insert(int(rng.integers(0, k)), str(int(rng.integers(0, 99999))))
    s = " ".join(words)
    return s[:1].upper() + s[1:]


# --------------------------------------------------------------------------------------
# images
# --------------------------------------------------------------------------------------


def _photos() -> list[tuple[str, str, np.ndarray]]:
    out: list[tuple[str, str, np.ndarray]] = []

    def add(name: str, a: np.ndarray) -> None:
        out.append((name, "photo", _u8(a)))

    add("photo_astronaut_512", _sample("astronaut.png").copy())
    add("photo_chelsea_451x300", _sample("chelsea.png").copy())
    add("photo_coffee_1500x1000", _pil_resize(_sample("coffee.png"), 1500, 1000))
    add("photo_china_1920x1281", _resize(_sample("china.jpg"), 1920, 1281, cv2.INTER_CUBIC))
    moto = _sample("motorcycle_left.png")[150:382]
    add("photo_panorama_1983x621", _pil_resize(np.ascontiguousarray(moto), 1983, 621))
    rocket = np.ascontiguousarray(_sample("rocket.jpg")[:, 170:455])
    add("photo_rocket_portrait_612x917", _resize(rocket, 612, 917, cv2.INTER_CUBIC))
    flower = np.ascontiguousarray(_sample("flower.jpg")[:, 203:487])
    add("photo_flower_portrait_388x583", _resize(flower, 388, 583, cv2.INTER_LINEAR))
    add("photo_hubble_dark_1000x872", _sample("hubble_deep_field.jpg").copy())
    add("photo_moon_grey_512", _sample("moon.png").copy())
    add("photo_camera_grey_777", _pil_resize(_sample("camera.png"), 777, 777))
    add("photo_retina_1337", _resize(_sample("retina.jpg"), 1337, 1337, cv2.INTER_AREA))
    add("photo_ihc_bright_512", _sample("ihc.png").copy())
    gravel = _sample("gravel.png")[64:448, :, 0].astype(np.float64)
    tint = np.stack([gravel * 1.0, gravel * 0.93, gravel * 0.81], axis=-1) + 6.0
    add("photo_gravel_texture_512x384", tint)
    coffee = _resize(_sample("coffee.png"), 900, 600, cv2.INTER_CUBIC)
    add("photo_coffee_defocus_900x600", cv2.GaussianBlur(coffee, (0, 0), 8.7))
    china = _resize(_sample("china.jpg"), 800, 534, cv2.INTER_AREA).astype(np.float64) / 255.0
    add("photo_china_highkey_800x534", 255.0 * np.power(china, 0.47) * 0.93 + 255.0 * 0.07)
    return out


_PROMPTS: tuple[tuple[str, int], ...] = (
    ("a quiet lake under an orange sunset sky with dark pine trees", 4171),
    ("snowy mountains at noon under a pale blue sky", 80923),
    ("a green valley with a winding river at dawn, pink clouds", 27718),
    ("night over desert dunes with a deep purple sky", 5521),
    ("rolling hills of tall grass under a grey overcast sky", 66014),
    ("a rocky coast with waves at dusk and a red sky", 90457),
)


def _generated() -> list[tuple[str, str, np.ndarray]]:
    """Six outputs of the built-in model (cached as PNG in CACHE_DIR)."""
    out: list[tuple[str, str, np.ndarray]] = []
    backend = None
    for k, (prompt, seed) in enumerate(_PROMPTS):
        name = f"generated_{k}_seed{seed}"
        path = CACHE_DIR / f"{name}.png"
        if not path.is_file():
            if backend is None:
                from safegen.backends.base import BackendRequest
                from safegen.backends.builtin import BuiltinBackend

                backend = BuiltinBackend()
            request = BackendRequest(prompt=prompt, negative_prompt=None, seeds=(seed,))
            image = backend.generate(request)[0].convert("RGB")
            CACHE_DIR.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp.png")
            image.save(tmp, format="PNG")
            tmp.replace(path)
        with Image.open(path) as im:
            out.append((name, "generated", _u8(np.asarray(im.convert("RGB")))))
    return out


def _draw_editor(w: int = 1280, h: int = 800, seed: int = 7301) -> np.ndarray:
    rng = np.random.default_rng(seed)
    im = Image.new("RGB", (w, h), (30, 31, 36))
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, w, 34], fill=(52, 54, 61))
    for i, c in enumerate([(237, 95, 86), (245, 190, 79), (98, 197, 84)]):
        d.ellipse([14 + 22 * i, 11, 26 + 22 * i, 23], fill=c)
    d.text((w // 2 - 90, 9), "main.py - project", fill=(200, 200, 205), font=_font(14))
    d.rectangle([0, 34, 240, h], fill=(38, 40, 46))
    small = _font(13)
    for i in range(26):
        d.text(
            (22 + 12 * (i % 3 == 1), 50 + 26 * i),
            f"{_WORDS[(i * 7) % len(_WORDS)]}.py",
            fill=(170, 172, 180),
            font=small,
        )
    mono = _font(15)
    palette = [
        (198, 120, 221),
        (97, 175, 239),
        (152, 195, 121),
        (229, 192, 123),
        (224, 108, 117),
        (171, 178, 191),
    ]
    y = 48
    line = 1
    while y < h - 40:
        d.text((252, y), f"{line:>3}", fill=(92, 99, 112), font=mono)
        x = 300 + 28 * int(rng.integers(0, 4))
        for _ in range(int(rng.integers(1, 6))):
            word = str(_WORDS[int(rng.integers(0, len(_WORDS)))])
            token = word + ("(" if rng.random() < 0.3 else "")
            token += " =" if rng.random() < 0.2 else ""
            d.text((x, y), token, fill=palette[int(rng.integers(0, len(palette)))], font=mono)
            x += 10 + 9 * len(token)
        y += 22
        line += 1
    d.rectangle([0, h - 24, w, h], fill=(0, 122, 204))
    d.text((10, h - 20), "Ln 42, Col 17   UTF-8   Python 3.11", fill=(255, 255, 255), font=small)
    return _u8(np.asarray(im))


def _draw_chat(w: int = 750, h: int = 1334, seed: int = 5813) -> np.ndarray:
    rng = np.random.default_rng(seed)
    im = Image.new("RGB", (w, h), (236, 229, 221))
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, w, 40], fill=(7, 94, 84))
    d.text((20, 10), "9:41", fill=(255, 255, 255), font=_font(20))
    d.rectangle([0, 40, w, 140], fill=(7, 94, 84))
    d.ellipse([24, 60, 84, 120], fill=(180, 200, 210))
    d.text((100, 66), "Marta Kowalski", fill=(255, 255, 255), font=_font(28))
    d.text((100, 102), "online", fill=(200, 230, 225), font=_font(18))
    y = 170
    font = _font(24)
    while y < h - 170:
        mine = rng.random() < 0.5
        text = _sentence(rng, 2, 6)
        tw = 24 + 13 * len(text)
        tw = min(tw, w - 140)
        bh = 64 if 13 * len(text) < w - 160 else 96
        x0 = w - 30 - tw if mine else 30
        d.rounded_rectangle(
            [x0, y, x0 + tw, y + bh], radius=16, fill=(220, 248, 198) if mine else (255, 255, 255)
        )
        d.text((x0 + 14, y + 14), text[:44], fill=(20, 20, 20), font=font)
        d.text(
            (x0 + tw - 70, y + bh - 24),
            f"10:{int(rng.integers(10, 59))}",
            fill=(120, 130, 125),
            font=_font(16),
        )
        y += bh + 22
    d.rectangle([0, h - 110, w, h], fill=(245, 245, 245))
    d.rounded_rectangle([20, h - 90, w - 110, h - 30], radius=30, fill=(255, 255, 255))
    d.text((50, h - 74), "Type a message", fill=(150, 150, 150), font=font)
    d.ellipse([w - 90, h - 95, w - 20, h - 25], fill=(7, 94, 84))
    return _u8(np.asarray(im))


def _draw_chart(w: int = 960, h: int = 540, seed: int = 3307) -> np.ndarray:
    rng = np.random.default_rng(seed)
    im = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.text((70, 18), "Quarterly volume by region", fill=(30, 30, 30), font=_font(24))
    x0, y0, x1, y1 = 80, 70, w - 40, h - 60
    for k in range(6):
        y = y1 - k * (y1 - y0) / 5
        d.line([x0, y, x1, y], fill=(225, 225, 225), width=1)
        d.text((30, y - 8), f"{k * 20}", fill=(90, 90, 90), font=_font(14))
    d.line([x0, y0, x0, y1], fill=(60, 60, 60), width=2)
    d.line([x0, y1, x1, y1], fill=(60, 60, 60), width=2)
    colours = [(31, 119, 180), (255, 127, 14), (44, 160, 44)]
    groups = 8
    gw = (x1 - x0) / groups
    pts = []
    for g in range(groups):
        for s in range(3):
            v = float(rng.uniform(0.15, 0.95))
            bx = x0 + g * gw + 12 + s * (gw - 24) / 3
            d.rectangle([bx, y1 - v * (y1 - y0), bx + (gw - 24) / 3 - 3, y1 - 1], fill=colours[s])
        pts.append((x0 + g * gw + gw / 2, y1 - float(rng.uniform(0.3, 0.9)) * (y1 - y0)))
        d.text(
            (x0 + g * gw + gw / 2 - 12, y1 + 10), f"Q{g % 4 + 1}", fill=(60, 60, 60), font=_font(14)
        )
    d.line(pts, fill=(214, 39, 40), width=3)
    for p in pts:
        d.ellipse([p[0] - 5, p[1] - 5, p[0] + 5, p[1] + 5], fill=(214, 39, 40))
    return _u8(np.asarray(im))


def _draw_logo(size: int = 600) -> np.ndarray:
    im = Image.new("RGB", (size, size), (250, 246, 236))
    d = ImageDraw.Draw(im)
    d.ellipse([90, 60, 510, 480], fill=(232, 72, 56))
    d.polygon([(300, 120), (440, 400), (160, 400)], fill=(255, 209, 64))
    d.rectangle([250, 250, 350, 400], fill=(29, 53, 87))
    d.ellipse([270, 170, 330, 230], fill=(250, 246, 236))
    d.text((150, 505), "NORTHWIND", fill=(29, 53, 87), font=_font(58))
    return _u8(np.asarray(im))


def images() -> list[tuple[str, str, np.ndarray]]:
    """25 test images: 15 photos, 6 built-in model outputs, 2 screenshots, 2 graphics."""
    out = _photos() + _generated()
    out.append(("screenshot_editor_1280x800", "screenshot", _draw_editor()))
    out.append(("screenshot_chat_750x1334", "screenshot", _draw_chat()))
    out.append(("graphic_chart_960x540", "graphic", _draw_chart()))
    out.append(("graphic_logo_600", "graphic", _draw_logo()))
    return out


# --------------------------------------------------------------------------------------
# attacks
# --------------------------------------------------------------------------------------


def _scale(a: np.ndarray, f: float, interp: int) -> np.ndarray:
    h, w = a.shape[:2]
    return _resize(a, max(1, round(w * f)), max(1, round(h * f)), interp)


def _stretch(a: np.ndarray, fx: float, fy: float, interp: int = cv2.INTER_CUBIC) -> np.ndarray:
    h, w = a.shape[:2]
    return _resize(a, max(1, round(w * fx)), max(1, round(h * fy)), interp)


def _pad_to(a: np.ndarray, w: int, h: int, colour: tuple[int, int, int]) -> np.ndarray:
    """Fit ``a`` inside w x h (uniform scale, only down) and pad centred with ``colour``."""
    ah, aw = a.shape[:2]
    k = min(w / aw, h / ah, 1.0)
    if k < 1.0:
        a = _resize(a, max(1, round(aw * k)), max(1, round(ah * k)), cv2.INTER_AREA)
        ah, aw = a.shape[:2]
    top = (h - ah) // 2
    left = (w - aw) // 2
    return _u8(
        cv2.copyMakeBorder(
            a, top, h - ah - top, left, w - aw - left, cv2.BORDER_CONSTANT, value=colour
        )
    )


def _crop(a: np.ndarray, fx: float, fy: float, px: float = 0.5, py: float = 0.5) -> np.ndarray:
    """Keep fx x fy of the sides; px, py in [0, 1] place the window (0.5 = centred)."""
    h, w = a.shape[:2]
    cw, ch = max(1, round(w * fx)), max(1, round(h * fy))
    x0 = int(round((w - cw) * px))
    y0 = int(round((h - ch) * py))
    return _u8(a[y0 : y0 + ch, x0 : x0 + cw].copy())


def _crop_back(a: np.ndarray, fx: float, fy: float, px: float, py: float) -> np.ndarray:
    h, w = a.shape[:2]
    return _resize(_crop(a, fx, fy, px, py), w, h, cv2.INTER_CUBIC)


def _rotate(a: np.ndarray, deg: float, border: str = "black", expand: bool = False) -> np.ndarray:
    h, w = a.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2.0, h / 2.0), deg, 1.0)
    nw, nh = w, h
    if expand:
        c, s = abs(m[0, 0]), abs(m[0, 1])
        nw = int(math.ceil(h * s + w * c))
        nh = int(math.ceil(h * c + w * s))
        m[0, 2] += nw / 2.0 - w / 2.0
        m[1, 2] += nh / 2.0 - h / 2.0
    mode = cv2.BORDER_REFLECT_101 if border == "reflect" else cv2.BORDER_CONSTANT
    value = (255, 255, 255) if border == "white" else (0, 0, 0)
    return _u8(
        cv2.warpAffine(a, m, (nw, nh), flags=cv2.INTER_LINEAR, borderMode=mode, borderValue=value)
    )


def _rotate_fill(a: np.ndarray, deg: float, resize_back: bool) -> np.ndarray:
    """Rotate, then crop the largest centred rectangle of the same aspect with no border."""
    h, w = a.shape[:2]
    t = math.radians(abs(deg))
    c, s = math.cos(t), math.sin(t)
    k = max(c + (h / w) * s, c + (w / h) * s)
    r = _rotate(a, deg)
    cw = max(1, int(w / k) - 2)
    ch = max(1, int(h / k) - 2)
    x0, y0 = (w - cw) // 2, (h - ch) // 2
    out = _u8(r[y0 : y0 + ch, x0 : x0 + cw].copy())
    return _resize(out, w, h, cv2.INTER_CUBIC) if resize_back else out


def _pad(
    a: np.ndarray,
    top: float,
    bottom: float,
    left: float,
    right: float,
    colour: tuple[int, int, int],
    resize_back: bool = False,
) -> np.ndarray:
    h, w = a.shape[:2]
    out = cv2.copyMakeBorder(
        a,
        round(h * top),
        round(h * bottom),
        round(w * left),
        round(w * right),
        cv2.BORDER_CONSTANT,
        value=colour,
    )
    out = _u8(out)
    return _resize(out, w, h, cv2.INTER_AREA) if resize_back else out


def _jpeg(a: np.ndarray, quality: int, subsampling: int = 2, **kw: object) -> np.ndarray:
    """subsampling 2 = 4:2:0, 0 = 4:4:4 (Pillow's numbering)."""
    buf = io.BytesIO()
    Image.fromarray(_u8(a)).save(buf, format="JPEG", quality=quality, subsampling=subsampling, **kw)
    with Image.open(io.BytesIO(buf.getvalue())) as im:
        return _u8(np.asarray(im.convert("RGB")))


def _webp(a: np.ndarray, quality: int) -> np.ndarray:
    buf = io.BytesIO()
    Image.fromarray(_u8(a)).save(buf, format="WEBP", quality=quality, method=4)
    with Image.open(io.BytesIO(buf.getvalue())) as im:
        return _u8(np.asarray(im.convert("RGB")))


def _luma(a: np.ndarray) -> np.ndarray:
    f = a.astype(np.float32)
    return 0.299 * f[..., 0] + 0.587 * f[..., 1] + 0.114 * f[..., 2]


def _blur(a: np.ndarray, sigma: float) -> np.ndarray:
    return _u8(cv2.GaussianBlur(a, (0, 0), sigma))


def _sharpen(a: np.ndarray, sigma: float, amount: float) -> np.ndarray:
    f = a.astype(np.float32)
    return _u8(f + amount * (f - cv2.GaussianBlur(f, (0, 0), sigma)))


def _noise(a: np.ndarray, sigma: float, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return _u8(
        a.astype(np.float32) + np.float32(sigma) * rng.standard_normal(a.shape, dtype=np.float32)
    )


def _brightness(a: np.ndarray, delta: float) -> np.ndarray:
    return _u8(a.astype(np.float32) + delta)


def _contrast(a: np.ndarray, k: float) -> np.ndarray:
    f = a.astype(np.float32)
    m = float(f.mean())
    return _u8((f - m) * k + m)


def _gamma(a: np.ndarray, g: float) -> np.ndarray:
    lut = np.clip(np.rint(255.0 * (np.arange(256) / 255.0) ** g), 0, 255).astype(np.uint8)
    return _u8(lut[a])


def _saturation(a: np.ndarray, k: float) -> np.ndarray:
    f = a.astype(np.float32)
    y = _luma(a)[..., None]
    return _u8(y + (f - y) * k)


def _grey(a: np.ndarray) -> np.ndarray:
    return _u8(_luma(a))


def _long_side(a: np.ndarray, side: int) -> np.ndarray:
    h, w = a.shape[:2]
    k = side / max(h, w)
    interp = cv2.INTER_AREA if k < 1 else cv2.INTER_CUBIC
    return _resize(a, max(1, round(w * k)), max(1, round(h * k)), interp)


def _social(a: np.ndarray) -> np.ndarray:
    return _jpeg(_long_side(_crop(a, 0.91, 0.89, 0.46, 0.53), 1080), 75, 2)


def _messaging(a: np.ndarray) -> np.ndarray:
    return _jpeg(_scale(a, 0.6, cv2.INTER_AREA), 55, 2)


def _draw_page(w: int, h: int, seed: int) -> Image.Image:
    """A drawn browser window / web page (for pasting an image into)."""
    rng = np.random.default_rng(seed)
    im = Image.new("RGB", (w, h), (248, 249, 251))
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, w, 38], fill=(222, 225, 230))
    for i, c in enumerate([(237, 95, 86), (245, 190, 79), (98, 197, 84)]):
        d.ellipse([12 + 20 * i, 13, 24 + 20 * i, 25], fill=c)
    d.rounded_rectangle([90, 7, max(100, w - 60), 31], radius=10, fill=(255, 255, 255))
    d.text((104, 12), "https://example.org/gallery/item-48213", fill=(80, 80, 90), font=_font(14))
    d.rectangle([0, 38, w, 84], fill=(33, 37, 41))
    for i, word in enumerate(("Home", "Gallery", "About", "Contact")):
        d.text((24 + 110 * i, 52), word, fill=(240, 240, 240), font=_font(18))
    side = _font(15)
    for i in range(max(0, (h - 110) // 28)):
        d.text((w - 220, 104 + 28 * i), _sentence(rng, 1, 3)[:24], fill=(70, 75, 85), font=side)
    return im


def _paste_scaled(a: np.ndarray, scale: float) -> np.ndarray:
    """The image shrunk by ``scale`` on a drawn page sized around it."""
    h, w = a.shape[:2]
    small = _scale(a, scale, cv2.INTER_AREA)
    sh, sw = small.shape[:2]
    pw, ph = max(sw + 300, 640), sh + 190
    page = _draw_page(pw, ph, 1907)
    page.paste(Image.fromarray(small), (36, 112))
    d = ImageDraw.Draw(page)
    d.text((36, 118 + sh), "Fig. 3 - shared by a reader", fill=(90, 90, 90), font=_font(16))
    return _u8(np.asarray(page))


def _paste_fitted(a: np.ndarray) -> np.ndarray:
    """The image fitted into 62% of the height of a fixed 1440x900 page."""
    h, w = a.shape[:2]
    k = min(0.62 * 900 / h, 0.55 * 1440 / w)
    small = _resize(
        a, max(1, round(w * k)), max(1, round(h * k)), cv2.INTER_AREA if k < 1 else cv2.INTER_LINEAR
    )
    page = _draw_page(1440, 900, 6121)
    page.paste(Image.fromarray(small), (260, 130))
    return _u8(np.asarray(page))


def attacks() -> list[tuple[str, Attack]]:
    """68 deterministic attacks; the first is "none"."""
    A = cv2  # noqa: N806  (short alias for interpolation flags)
    steps: list[tuple[str, Attack]] = [
        ("none", lambda a: _u8(a.copy())),
        # flips
        ("flip_h", lambda a: _u8(a[:, ::-1].copy())),
        ("flip_v", lambda a: _u8(a[::-1].copy())),
        # one-axis stretch / squeeze
        ("stretch_x1.13_kept", lambda a: _stretch(a, 1.13, 1.0)),
        ("squeeze_y0.89_kept", lambda a: _stretch(a, 1.0, 0.89, A.INTER_AREA)),
        (
            "stretch_y1.07_fitback_black",
            lambda a: _pad_to(_stretch(a, 1.0, 1.07), a.shape[1], a.shape[0], (0, 0, 0)),
        ),
        (
            "squeeze_x0.91_fitback_white",
            lambda a: _pad_to(
                _stretch(a, 0.91, 1.0, A.INTER_AREA), a.shape[1], a.shape[0], (255, 255, 255)
            ),
        ),
        ("stretch_x1.14_cropback", lambda a: _crop(_stretch(a, 1.14, 1.0), 1 / 1.14, 1.0)),
        (
            "squeeze_y0.87_cropback_aspect",
            lambda a: _crop(_stretch(a, 1.0, 0.87, A.INTER_AREA), 0.87, 1.0, 0.38, 0.5),
        ),
        # crops
        ("crop_centre_0.73", lambda a: _crop(a, 0.73, 0.73)),
        ("crop_centre_0.93x0.86", lambda a: _crop(a, 0.93, 0.86)),
        ("crop_off_0.61x0.88_topleft", lambda a: _crop(a, 0.61, 0.88, 0.08, 0.21)),
        ("crop_off_0.52x0.55_bottomright", lambda a: _crop(a, 0.52, 0.55, 0.97, 0.89)),
        ("crop_centre_0.81_resizeback", lambda a: _crop_back(a, 0.81, 0.81, 0.5, 0.5)),
        ("crop_off_0.67x0.78_resizeback", lambda a: _crop_back(a, 0.67, 0.78, 0.83, 0.17)),
        # rotations
        ("rot+3.7_black", lambda a: _rotate(a, 3.7, "black")),
        ("rot-7.3_white", lambda a: _rotate(a, -7.3, "white")),
        ("rot+9.6_reflect", lambda a: _rotate(a, 9.6, "reflect")),
        ("rot+5.2_expand_black", lambda a: _rotate(a, 5.2, "black", expand=True)),
        ("rot-8.4_expand_white", lambda a: _rotate(a, -8.4, "white", expand=True)),
        ("rot+6.1_cropfill", lambda a: _rotate_fill(a, 6.1, False)),
        ("rot-4.4_cropfill_resizeback", lambda a: _rotate_fill(a, -4.4, True)),
        # padding / borders
        ("pad_uniform_7pct_black", lambda a: _pad(a, 0.07, 0.07, 0.07, 0.07, (0, 0, 0))),
        ("pad_letterbox_16pct_black", lambda a: _pad(a, 0.16, 0.16, 0.0, 0.0, (0, 0, 0))),
        ("pad_pillarbox_12pct_white", lambda a: _pad(a, 0.0, 0.0, 0.12, 0.12, (255, 255, 255))),
        ("pad_asym_grey", lambda a: _pad(a, 0.03, 0.11, 0.17, 0.0, (127, 127, 127))),
        (
            "pad_9pct_teal_resizeback",
            lambda a: _pad(a, 0.09, 0.09, 0.09, 0.09, (0, 128, 128), resize_back=True),
        ),
        # JPEG / WebP
        ("jpeg_q31_420", lambda a: _jpeg(a, 31, 2)),
        ("jpeg_q44_444", lambda a: _jpeg(a, 44, 0)),
        ("jpeg_q58_420", lambda a: _jpeg(a, 58, 2)),
        ("jpeg_q79_420", lambda a: _jpeg(a, 79, 2)),
        ("jpeg_q88_444", lambda a: _jpeg(a, 88, 0)),
        ("webp_q53", lambda a: _webp(a, 53)),
        ("webp_q86", lambda a: _webp(a, 86)),
        # rescaling
        ("down0.43_area", lambda a: _scale(a, 0.43, A.INTER_AREA)),
        ("down0.57_bilinear", lambda a: _scale(a, 0.57, A.INTER_LINEAR)),
        ("down0.86_lanczos", lambda a: _scale(a, 0.86, A.INTER_LANCZOS4)),
        ("up1.17_bicubic", lambda a: _scale(a, 1.17, A.INTER_CUBIC)),
        ("up1.46_bilinear", lambda a: _scale(a, 1.46, A.INTER_LINEAR)),
        ("up1.93_lanczos", lambda a: _scale(a, 1.93, A.INTER_LANCZOS4)),
        # platform chains
        ("social_crop0.9_long1080_jpeg75", _social),
        ("messaging_x0.6_jpeg55", _messaging),
        ("messaging_twice", lambda a: _messaging(_messaging(a))),
        # pasted into a screenshot / UI
        ("paste_page_scale0.47", lambda a: _paste_scaled(a, 0.47)),
        ("paste_page_fitted_1440x900", _paste_fitted),
        # photometric
        ("blur_gauss1.3", lambda a: _blur(a, 1.3)),
        ("sharpen_unsharp1.6x0.8", lambda a: _sharpen(a, 1.6, 0.8)),
        ("noise_gauss6.5", lambda a: _noise(a, 6.5, 731)),
        ("brightness+23", lambda a: _brightness(a, 23)),
        ("brightness-29", lambda a: _brightness(a, -29)),
        ("contrast1.27", lambda a: _contrast(a, 1.27)),
        ("gamma0.72", lambda a: _gamma(a, 0.72)),
        ("saturation1.45", lambda a: _saturation(a, 1.45)),
        ("greyscale", _grey),
        # combinations
        ("crop0.83_jpeg68", lambda a: _jpeg(_crop(a, 0.83, 0.83), 68, 2)),
        ("rot+2.7_cropfill_back_jpeg77", lambda a: _jpeg(_rotate_fill(a, 2.7, True), 77, 2)),
        (
            "down0.64_sharpen_jpeg81",
            lambda a: _jpeg(_sharpen(_scale(a, 0.64, A.INTER_AREA), 1.1, 0.6), 81, 2),
        ),
        (
            "fliph_crop0.78off_webp73",
            lambda a: _webp(_crop(a[:, ::-1].copy(), 0.78, 0.78, 0.23, 0.71), 73),
        ),
        (
            "bright+17_contrast1.16_jpeg58_444",
            lambda a: _jpeg(_contrast(_brightness(a, 17), 1.16), 58, 0),
        ),
        ("stretch_x1.09_jpeg71", lambda a: _jpeg(_stretch(a, 1.09, 1.0), 71, 2)),
        (
            "letterbox11_down0.77_jpeg83",
            lambda a: _jpeg(_scale(_pad(a, 0.11, 0.11, 0, 0, (0, 0, 0)), 0.77, A.INTER_AREA), 83),
        ),
        ("noise4.3_jpeg64", lambda a: _jpeg(_noise(a, 4.3, 4409), 64, 2)),
        ("blur0.9_up1.41_webp79", lambda a: _webp(_scale(_blur(a, 0.9), 1.41, A.INTER_CUBIC), 79)),
        ("grey_jpeg72", lambda a: _jpeg(_grey(a), 72, 2)),
        (
            "rot-3.3_white_crop0.88_jpeg69",
            lambda a: _jpeg(_crop(_rotate(a, -3.3, "white"), 0.88, 0.88), 69, 2),
        ),
        ("gamma0.83_sat1.22_webp61", lambda a: _webp(_saturation(_gamma(a, 0.83), 1.22), 61)),
        ("crop0.71_back_jpeg46", lambda a: _jpeg(_crop_back(a, 0.71, 0.71, 0.41, 0.58), 46, 2)),
        ("paste0.47_jpeg79", lambda a: _jpeg(_paste_scaled(a, 0.47), 79, 2)),
    ]
    return steps


# --------------------------------------------------------------------------------------
# unmarked
# --------------------------------------------------------------------------------------

_PHOTO_POOL = (
    "astronaut.png",
    "chelsea.png",
    "coffee.png",
    "hubble_deep_field.jpg",
    "ihc.png",
    "motorcycle_left.png",
    "motorcycle_right.png",
    "retina.jpg",
    "rocket.jpg",
    "camera.png",
    "moon.png",
    "grass.png",
    "gravel.png",
    "brick.png",
    "coins.png",
    "clock_motion.png",
    "cell.png",
    "page.png",
    "text.png",
    "china.jpg",
    "flower.jpg",
    "color.png",
)

_KINDS: tuple[tuple[str, float], ...] = (
    ("photo_crop", 0.30),
    ("photo_flip_rescale", 0.10),
    ("photo_jpeg", 0.12),
    ("stripes", 0.04),
    ("checker", 0.04),
    ("grid", 0.04),
    ("brick", 0.04),
    ("weave", 0.04),
    ("halftone", 0.04),
    ("tiles", 0.04),
    ("noise", 0.04),
    ("flat", 0.03),
    ("gradient", 0.04),
    ("graphic", 0.05),
    ("screenshot", 0.04),
)


def _size(rng: np.random.Generator, lo: int = 128, hi: int = 1500) -> tuple[int, int]:
    """(w, h), both in [lo, hi], aspect between 1:3 and 3:1, log-uniform long side."""
    long_side = int(round(math.exp(rng.uniform(math.log(lo), math.log(hi)))))
    aspect = math.exp(rng.uniform(math.log(1.0), math.log(3.0)))
    if rng.random() < 0.25:
        aspect = 1.0
    short = max(lo, int(round(long_side / aspect)))
    return (long_side, short) if rng.random() < 0.6 else (short, long_side)


def _colour(rng: np.random.Generator) -> np.ndarray:
    return rng.integers(0, 256, 3).astype(np.float32)


def _photo_crop(rng: np.random.Generator) -> np.ndarray:
    src = _sample(_PHOTO_POOL[int(rng.integers(0, len(_PHOTO_POOL)))])
    sh, sw = src.shape[:2]
    w, h = _size(rng)
    frac = rng.uniform(0.3, 1.0)
    aspect = w / h
    cw = sw * frac
    ch = cw / aspect
    if ch > sh * frac:
        ch = sh * frac
        cw = ch * aspect
    cw = int(max(8, min(sw, round(cw))))
    ch = int(max(8, min(sh, round(ch))))
    x0 = int(rng.integers(0, sw - cw + 1))
    y0 = int(rng.integers(0, sh - ch + 1))
    crop = src[y0 : y0 + ch, x0 : x0 + cw]
    if w == cw and h == ch:
        return _u8(crop.copy())
    interp = (
        cv2.INTER_AREA
        if w * h < cw * ch
        else (cv2.INTER_CUBIC if rng.random() < 0.5 else cv2.INTER_LINEAR)
    )
    return _resize(np.ascontiguousarray(crop), w, h, interp)


def _stripes(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    period = rng.uniform(2.0, 40.0)
    theta = rng.uniform(0, math.pi) if rng.random() < 0.6 else rng.choice([0.0, math.pi / 2])
    y, x = (g.astype(np.float32) for g in np.ogrid[0:h, 0:w])
    phase = (x * math.cos(theta) + y * math.sin(theta)) * (2 * math.pi / period)
    t = np.sin(phase)
    t = (t > 0).astype(np.float32) if rng.random() < 0.5 else (t + 1) / 2
    c0, c1 = _colour(rng), _colour(rng)
    return _u8(c0 + t[..., None] * (c1 - c0))


def _checker(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    cell = int(rng.integers(1, 65))
    y, x = np.ogrid[0:h, 0:w]
    t = ((x // cell + y // cell) % 2).astype(np.float32)
    c0, c1 = _colour(rng), _colour(rng)
    if rng.random() < 0.3:
        c0, c1 = np.zeros(3, np.float32), np.full(3, 255, np.float32)
    out = c0 + t[..., None] * (c1 - c0)
    if rng.random() < 0.3:
        m = cv2.getRotationMatrix2D((w / 2, h / 2), float(rng.uniform(-30, 30)), 1.0)
        out = cv2.warpAffine(out, m, (w, h), borderMode=cv2.BORDER_REFLECT_101)
    return _u8(out)


def _grid(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    step = int(rng.integers(6, 65))
    thick = int(rng.integers(1, 4))
    bg, fg = _colour(rng), _colour(rng)
    out = np.empty((h, w, 3), np.float32)
    out[:] = bg
    off = int(rng.integers(0, step))
    for k in range(thick):
        out[(np.arange(h) + off + k) % step == 0] = fg
        out[:, (np.arange(w) + off + k) % step == 0] = fg
    return _u8(out)


def _brick(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    bh = int(rng.integers(8, 40))
    bw = int(bh * rng.uniform(1.6, 3.2))
    mortar = int(rng.integers(1, 4))
    base = np.array([rng.uniform(120, 200), rng.uniform(50, 100), rng.uniform(30, 80)], np.float32)
    rows, cols = h // bh + 2, w // bw + 3
    jitter = rng.normal(0, 14, (rows, cols, 3)).astype(np.float32)
    grout = np.float32(rng.uniform(170, 215))
    bands = []
    for r in range(h // bh + 1):
        xs = np.arange(w) + (r % 2) * (bw // 2)
        row = base + jitter[r, xs // bw]
        row[(xs % bw) < mortar] = grout
        band = np.repeat(row[None], bh, axis=0)
        band[:mortar] = grout
        bands.append(band)
    out = np.concatenate(bands, axis=0)[:h]
    out += 5.0 * rng.standard_normal((h, w, 1), dtype=np.float32)
    return _u8(out)


def _weave(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    p = int(rng.integers(4, 24))
    y, x = (g.astype(np.float32) for g in np.ogrid[0:h, 0:w])
    over = ((np.floor(x / p) + np.floor(y / p)) % 2).astype(np.float32)
    warp = 0.5 + 0.5 * np.cos(2 * math.pi * (x % p) / p - math.pi) * -1
    weft = 0.5 + 0.5 * np.cos(2 * math.pi * (y % p) / p - math.pi) * -1
    shade = over * warp + (1 - over) * weft
    c0, c1 = _colour(rng), _colour(rng)
    col = over[..., None] * c0 + (1 - over[..., None]) * c1
    return _u8(col * (0.55 + 0.45 * shade[..., None]))


def _halftone(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    cell = float(rng.integers(4, 18))
    theta = math.radians(float(rng.choice([0.0, 15.0, 45.0, 75.0])))
    y, x = (g.astype(np.float32) for g in np.ogrid[0:h, 0:w])
    u = x * math.cos(theta) + y * math.sin(theta)
    v = -x * math.sin(theta) + y * math.cos(theta)
    du = (u % cell) - cell / 2
    dv = (v % cell) - cell / 2
    dist = np.sqrt(du * du + dv * dv)
    level = (x / max(1, w - 1)) * 0.6 + (y / max(1, h - 1)) * 0.4
    radius = (0.08 + 0.6 * level) * cell
    t = (dist < radius).astype(np.float32)
    ink, paper = _colour(rng) * 0.5, np.array([250, 248, 240], np.float32)
    return _u8(paper + t[..., None] * (ink - paper))


def _tiles(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    k = int(rng.integers(8, 97))
    if rng.random() < 0.5:
        tile = rng.integers(0, 256, (k, k, 3)).astype(np.uint8)
        tile = cv2.GaussianBlur(tile, (0, 0), float(rng.uniform(0.5, 3.0)))
    else:
        im = Image.new("RGB", (k, k), tuple(int(c) for c in rng.integers(0, 256, 3)))
        d = ImageDraw.Draw(im)
        for _ in range(3):
            a, b = sorted(rng.integers(0, k, 2)), sorted(rng.integers(0, k, 2))
            d.ellipse(
                [int(a[0]), int(b[0]), int(a[1]), int(b[1])],
                fill=tuple(int(c) for c in rng.integers(0, 256, 3)),
            )
        tile = np.asarray(im)
    reps = (h // k + 1, w // k + 1, 1)
    return _u8(np.tile(tile, reps)[:h, :w])


def _noise_img(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    kind = int(rng.integers(0, 4))
    if kind == 0:
        sigma = np.float32(rng.uniform(5, 70))
        return _u8(128.0 + sigma * rng.standard_normal((h, w, 3), dtype=np.float32))
    if kind == 1:
        g = rng.integers(0, 256, (h, w), dtype=np.uint8)
        return _u8(g)
    if kind == 2:
        small = rng.normal(128, 60, (max(2, h // 16), max(2, w // 16), 3)).astype(np.float32)
        return _resize(_u8(small), w, h, cv2.INTER_CUBIC)
    base = np.full((h, w, 3), rng.integers(0, 256, 3), np.uint8)
    mask = rng.random((h, w)) < rng.uniform(0.01, 0.2)
    base[mask] = rng.integers(0, 2, (int(mask.sum()), 1)) * 255
    return _u8(base)


def _gradient(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    y, x = (g.astype(np.float32) for g in np.ogrid[0:h, 0:w])
    if rng.random() < 0.6:
        theta = rng.uniform(0, 2 * math.pi)
        t = x * math.cos(theta) + y * math.sin(theta)
    else:
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        t = np.sqrt((x - cx) ** 2 + (y - cy) ** 2)
    t = (t - t.min()) / max(1e-6, float(t.max() - t.min()))
    c0, c1 = _colour(rng), _colour(rng)
    out = c0 + t[..., None] * (c1 - c0)
    if rng.random() < 0.3:
        out = out + (rng.random(out.shape, dtype=np.float32) - np.float32(0.5))
    return _u8(out)


def _graphic(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    im = Image.new("RGB", (w, h), tuple(int(c) for c in rng.integers(180, 256, 3)))
    d = ImageDraw.Draw(im)
    for _ in range(int(rng.integers(2, 9))):
        x0, x1 = sorted(int(v) for v in rng.integers(0, w, 2))
        y0, y1 = sorted(int(v) for v in rng.integers(0, h, 2))
        fill = tuple(int(c) for c in rng.integers(0, 256, 3))
        shape = int(rng.integers(0, 3))
        if shape == 0:
            d.rectangle([x0, y0, x1, y1], fill=fill)
        elif shape == 1:
            d.ellipse([x0, y0, x1, y1], fill=fill)
        else:
            d.line([x0, y0, x1, y1], fill=fill, width=int(rng.integers(1, 8)))
    size = int(np.clip(min(w, h) / 10, 10, 48))
    font = _font(size)
    for _ in range(int(rng.integers(1, 5))):
        d.text(
            (int(rng.integers(0, max(1, w - 40))), int(rng.integers(0, max(1, h - size)))),
            _sentence(rng),
            fill=tuple(int(c) for c in rng.integers(0, 120, 3)),
            font=font,
        )
    return _u8(np.asarray(im))


def _screenshot(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    dark = rng.random() < 0.4
    bg = (32, 33, 38) if dark else (250, 250, 252)
    fg = (220, 220, 225) if dark else (30, 30, 35)
    im = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(im)
    bar = int(np.clip(h * 0.06, 14, 40))
    d.rectangle([0, 0, w, bar], fill=tuple(int(c) for c in rng.integers(40, 230, 3)))
    side = int(w * rng.uniform(0.0, 0.28))
    if side > 20:
        d.rectangle([0, bar, side, h], fill=(45, 46, 52) if dark else (236, 238, 242))
    size = int(rng.integers(11, 19))
    font = _font(size)
    y = bar + 8
    while y < h - size:
        d.text((side + 10, y), _sentence(rng, 3, 10), fill=fg, font=font)
        y += int(size * rng.uniform(1.4, 2.2))
    if rng.random() < 0.5 and w - 100 > side + 11 and h - 40 > bar + 11:
        bx, by = int(rng.integers(side + 10, w - 100)), int(rng.integers(bar + 10, h - 40))
        d.rounded_rectangle([bx, by, bx + 90, by + 30], radius=6, fill=(0, 120, 215))
        d.text((bx + 16, by + 8), "Submit", fill=(255, 255, 255), font=_font(13))
    return _u8(np.asarray(im))


def _unmarked_item(kind: str, rng: np.random.Generator) -> np.ndarray:
    if kind == "photo_crop":
        return _photo_crop(rng)
    if kind == "photo_flip_rescale":
        a = _photo_crop(rng)
        if rng.random() < 0.5:
            a = a[:, ::-1]
        if rng.random() < 0.3:
            a = a[::-1]
        a = np.ascontiguousarray(a)
        f = float(rng.uniform(0.45, 1.8))
        h, w = a.shape[:2]
        nw = int(np.clip(round(w * f), 128, 1500))
        nh = int(np.clip(round(h * f), 128, 1500))
        interp = [cv2.INTER_AREA, cv2.INTER_LINEAR, cv2.INTER_CUBIC, cv2.INTER_NEAREST]
        return _resize(a, nw, nh, interp[int(rng.integers(0, 4))])
    if kind == "photo_jpeg":
        a = _photo_crop(rng)
        return _jpeg(a, int(rng.integers(35, 96)), int(rng.choice([0, 2])))
    w, h = _size(rng, 128, 1024)
    fn = {
        "stripes": _stripes,
        "checker": _checker,
        "grid": _grid,
        "brick": _brick,
        "weave": _weave,
        "halftone": _halftone,
        "tiles": _tiles,
        "noise": _noise_img,
        "gradient": _gradient,
        "graphic": _graphic,
        "screenshot": _screenshot,
    }.get(kind)
    if fn is not None:
        return fn(rng, w, h)
    # flat
    return _u8(np.full((h, w, 3), rng.integers(0, 256, 3), np.uint8))


def unmarked(n: int = 10000, seed: int = 2026120709) -> Iterator[tuple[str, np.ndarray]]:
    """Lazily ``n`` unmarked images; item i depends only on default_rng([seed, i])."""
    names = [k for k, _ in _KINDS]
    probs = np.array([p for _, p in _KINDS], np.float64)
    probs /= probs.sum()
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        kind = names[int(rng.choice(len(names), p=probs))]
        rgb = _unmarked_item(kind, rng)
        yield f"unmarked_{i:05d}_{kind}", rgb


# --------------------------------------------------------------------------------------
# edge cases
# --------------------------------------------------------------------------------------


def edge_cases() -> list[tuple[str, np.ndarray]]:
    rng = np.random.default_rng(70919)
    photo = _sample("astronaut.png")
    china = _sample("china.jpg")
    out: list[tuple[str, np.ndarray]] = [
        ("tiny_1x1", _u8(np.array([[[201, 77, 13]]], np.uint8))),
        ("tiny_2x2", _u8(rng.integers(0, 256, (2, 2, 3), dtype=np.uint8))),
        ("strip_7x300", _resize(photo, 300, 7, cv2.INTER_AREA)),
        ("strip_300x7", _resize(photo, 7, 300, cv2.INTER_AREA)),
        ("photo_63x63", _resize(photo, 63, 63, cv2.INTER_AREA)),
        ("noise_64x64", _u8(rng.integers(0, 256, (64, 64, 3), dtype=np.uint8))),
        ("huge_4000x3000", _resize(china, 4000, 3000, cv2.INTER_LINEAR)),
        (
            "extreme_2048x64",
            _u8(np.ascontiguousarray(_resize(china, 2048, 1366, cv2.INTER_LINEAR)[650:714])),
        ),
        (
            "extreme_64x2048",
            _u8(np.ascontiguousarray(_resize(photo, 2048, 2048, cv2.INTER_LINEAR)[:, 1000:1064])),
        ),
        ("flat_white_512", _u8(np.full((512, 512, 3), 255, np.uint8))),
        ("flat_black_333x517", _u8(np.zeros((517, 333, 3), np.uint8))),
        ("flat_grey_400x300", _u8(np.full((300, 400, 3), 128, np.uint8))),
        ("flat_red_256", _u8(np.broadcast_to(np.array([255, 0, 0], np.uint8), (256, 256, 3)))),
        (
            "near_flat_pm1_480x640",
            _u8(np.array([131, 129, 127], np.int16) + rng.integers(-1, 2, (480, 640, 3))),
        ),
        (
            "two_colour_blocks_500",
            _u8(
                np.where(
                    np.kron(rng.integers(0, 2, (25, 25)), np.ones((20, 20), np.int64))[..., None]
                    > 0,
                    np.array([12, 40, 200], np.uint8),
                    np.array([250, 220, 30], np.uint8),
                )
            ),
        ),
        ("saturated_noise_384", _u8(rng.integers(0, 2, (384, 384, 3)) * 255)),
        ("fullrange_noise_700x300", _u8(rng.integers(0, 256, (300, 700, 3), dtype=np.uint8))),
        ("checker_1px_256", _u8(((np.indices((256, 256)).sum(0) % 2) * 255).astype(np.uint8))),
        (
            "stripes_1px_cols_320x240",
            _u8(np.tile(((np.arange(320) % 2) * 255).astype(np.uint8), (240, 1))),
        ),
        ("gradient_row_1x1024", _u8(np.tile(np.arange(1024) // 4, (1, 1)).astype(np.uint8))),
        ("gradient_col_1024x1", _u8((np.arange(1024) // 4).astype(np.uint8).reshape(1024, 1))),
        ("photo_odd_1001x999", _resize(photo, 1001, 999, cv2.INTER_CUBIC)),
        ("greyscale_photo_512", _u8(_sample("camera.png").copy())),
    ]
    return [(name, _u8(a)) for name, a in out]


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def _save(im: Image.Image, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    im.save(buf, format=fmt, **kw)
    return buf.getvalue()


def edge_case_files() -> list[tuple[str, bytes]]:
    rng = np.random.default_rng(80231)
    base = _resize(_sample("chelsea.png"), 360, 240, cv2.INTER_AREA)
    im = Image.fromarray(base)
    out: list[tuple[str, bytes]] = []

    # PNG variants
    ok16, png16 = cv2.imencode(
        ".png",
        (base[..., ::-1].astype(np.uint16) * 257 + rng.integers(0, 200, base.shape)).astype(
            np.uint16
        ),
    )
    if ok16:
        out.append(("png_16bit_rgb", png16.tobytes()))
    grey16 = (_luma(base).astype(np.uint16) * 257).astype(np.uint16)
    out.append(("png_16bit_grey", _save(Image.fromarray(grey16), "PNG")))
    alpha = np.zeros(base.shape[:2], np.uint8)
    alpha[:, 120:] = np.linspace(0, 255, 240).astype(np.uint8)[None, :]
    rgba = np.dstack([base, alpha])
    out.append(("png_rgba_transparent", _save(Image.fromarray(rgba), "PNG")))
    out.append(("png_la", _save(im.convert("LA"), "PNG")))
    out.append(("png_palette", _save(im.quantize(colors=200), "PNG")))
    pal = im.quantize(colors=64)
    out.append(("png_palette_trns", _save(pal, "PNG", transparency=3)))
    out.append(("png_grey", _save(im.convert("L"), "PNG")))
    out.append(("png_1bit", _save(im.convert("1"), "PNG")))
    out.append(("png_1x1", _save(Image.new("RGB", (1, 1), (9, 200, 77)), "PNG")))

    # JPEG variants
    out.append(("jpeg_cmyk", _save(im.convert("CMYK"), "JPEG", quality=90)))
    out.append(("jpeg_progressive", _save(im, "JPEG", quality=83, progressive=True)))
    for orientation in (6, 8):
        exif = Image.Exif()
        exif[0x0112] = orientation
        out.append(
            (
                f"jpeg_exif_orientation{orientation}",
                _save(im, "JPEG", quality=87, exif=exif.tobytes()),
            )
        )
    out.append(("jpeg_grey", _save(im.convert("L"), "JPEG", quality=80)))
    try:
        from PIL import ImageCms

        raw = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
        # LittleCMS stamps the creation time: pin it (2026-12-07 00:00:00) and clear the
        # profile ID (all zero = not computed), so the bytes are the same on every run.
        raw[24:36] = struct.pack(">6H", 2026, 12, 7, 0, 0, 0)
        raw[84:100] = bytes(16)
        icc = bytes(raw)
        out.append(("jpeg_icc_srgb", _save(im, "JPEG", quality=85, icc_profile=icc)))
    except Exception:  # noqa: BLE001  (LittleCMS missing: skip this one file)
        pass
    out.append(("jpeg_q100_444", _save(im, "JPEG", quality=100, subsampling=0)))

    # animated / other containers
    frames = [Image.fromarray(np.roll(base, 37 * k, axis=1)) for k in range(3)]
    out.append(
        (
            "gif_animated",
            _save(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=120, loop=0),
        )
    )
    out.append(("gif_static", _save(im, "GIF")))
    out.append(
        (
            "webp_animated",
            _save(
                frames[0], "WEBP", save_all=True, append_images=frames[1:], duration=120, quality=80
            ),
        )
    )
    out.append(("webp_lossless_rgba", _save(Image.fromarray(rgba), "WEBP", lossless=True)))
    out.append(("tiff_lzw", _save(im, "TIFF", compression="tiff_lzw")))
    out.append(
        ("tiff_multipage", _save(frames[0], "TIFF", save_all=True, append_images=frames[1:]))
    )
    out.append(("bmp_24bit", _save(im, "BMP")))

    # broken
    full_png = _save(im, "PNG")
    full_jpg = _save(im, "JPEG", quality=90)
    out.append(("png_truncated", full_png[: len(full_png) // 2]))
    out.append(("jpeg_truncated", full_jpg[: int(len(full_jpg) * 0.6)]))
    out.append(("zero_bytes", b""))
    out.append(("random_bytes", rng.integers(0, 256, 4096, dtype=np.uint8).tobytes()))
    ihdr = struct.pack(">IIBBBBB", 50000, 50000, 8, 2, 0, 0, 0)
    huge = (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _png_chunk(b"IEND", b"")
    )
    out.append(("png_huge_declared_50000x50000", huge))
    bad = bytearray(full_png)
    bad[29] ^= 0xFF  # inside IHDR's CRC (bytes 29..32)
    out.append(("png_bad_crc", bytes(bad)))
    out.append(("text_not_an_image", b"hello, this is not an image\n"))
    return out


# --------------------------------------------------------------------------------------
# self-check
# --------------------------------------------------------------------------------------


def _valid(a: object) -> bool:
    return (
        isinstance(a, np.ndarray)
        and a.dtype == np.uint8
        and a.ndim == 3
        and a.shape[2] == 3
        and a.shape[0] > 0
        and a.shape[1] > 0
        and a.flags["C_CONTIGUOUS"]
    )


if __name__ == "__main__":
    import time
    from collections import Counter

    t0 = time.perf_counter()
    imgs = images()
    print(
        f"ROUND {ROUND}: {len(imgs)} images "
        f"{dict(Counter(c for _, c, _ in imgs))} ({time.perf_counter() - t0:.1f}s)"
    )
    assert len({n for n, _, _ in imgs}) == len(imgs)
    for name, cls, rgb in imgs:
        assert cls in {"photo", "generated", "graphic", "screenshot"}, name
        assert _valid(rgb), name
    atk = attacks()
    assert atk[0][0] == "none" and len({n for n, _ in atk}) == len(atk)
    print(f"{len(atk)} attacks")
    t0 = time.perf_counter()
    for name, _cls, rgb in imgs:
        before = rgb.copy()
        for aname, fn in atk:
            out = fn(rgb)
            assert _valid(out), (name, aname, getattr(out, "shape", None))
            assert out is not rgb and not np.shares_memory(out, rgb), (name, aname)
        assert np.array_equal(before, rgb), f"an attack changed its input {name}"
    print(f"all attacks valid on all images ({time.perf_counter() - t0:.1f}s)")
    probe = imgs[3][2]
    for aname, fn in atk:
        assert np.array_equal(fn(probe), fn(probe)), f"{aname} is not deterministic"
    print("attacks deterministic on", imgs[3][0])
    t0 = time.perf_counter()
    first = list(unmarked(50))
    dt = time.perf_counter() - t0
    for name, rgb in first:
        assert _valid(rgb), name
        assert min(rgb.shape[:2]) >= 128 and max(rgb.shape[:2]) <= 1500, (name, rgb.shape)
    again = list(unmarked(50))
    assert all(
        a[0] == b[0] and np.array_equal(a[1], b[1]) for a, b in zip(first, again, strict=True)
    )
    print(f"first 50 unmarked valid and reproducible ({1000 * dt / 50:.1f} ms/item)")
    t0 = time.perf_counter()
    kinds = Counter(name.split("_", 2)[2] for name, _ in unmarked(600))
    print(
        f"unmarked kinds over 600 ({len(kinds)} categories, "
        f"{1000 * (time.perf_counter() - t0) / 600:.1f} ms/item): {dict(sorted(kinds.items()))}"
    )
    edges = edge_cases()
    assert all(_valid(a) for _, a in edges)
    print(f"{len(edges)} edge arrays")
    files = edge_case_files()
    assert all(isinstance(b, bytes) for _, b in files)
    print(f"{len(files)} edge files: {', '.join(n for n, _ in files)}")
