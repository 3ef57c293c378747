"""Held-out test set "2026-12-07h" for the invisible image watermark (32-bit id in an RGB image).

PROVENANCE
----------
Written by an independent tester helper session, blind: the session that wrote this file
never learnt how the watermark works. It read only ``safegen/backends/`` (to call the
project's built-in offline diffusion model the way ``safegen/backends/builtin.py`` runs it),
a listing (names only) of ``safegen/builtin/``, ``pyproject.toml`` and ``.gitignore``. It
did NOT open or grep ``safegen/watermark/``, ``docs/``, ``tests/``, any other file of
``benchmarks/`` (nor of ``benchmarks/heldout/``), ``README.md``, the issue tracker or the
git history, and it ran no watermark decoder. Images, attacks and parameters were chosen
without any knowledge of the embedding or decoding method.

FROZEN: this file is never edited, not even for style; its sha256 is its identity. A
changed set is a new file with a new ROUND.

SOURCES
-------
* Photos: sample images shipped inside installed packages, located with
  ``importlib.util.find_spec(...).submodule_search_locations`` and read with Pillow:
  scikit-image ``skimage/data`` (astronaut, coffee, chelsea, rocket, hubble_deep_field,
  retina, motorcycle_left/right, ihc, camera, grass, gravel, brick, moon, coins) and
  scikit-learn ``sklearn/datasets/images`` (china, flower). No network access.
* Generated: the project's built-in offline text-to-image model
  (``safegen.backends.builtin.BuiltinBackend``, default 256x256, default steps and
  guidance) with this file's own prompts and seeds; outputs cached as PNG in
  ``CACHE_DIR`` (created on demand). The cache freezes the first outputs: delete it to
  regenerate with whatever model is installed.
* Screenshots, graphics, periodic textures, noise, gradients: drawn here with numpy,
  Pillow (``ImageFont.load_default``) and OpenCV, every random choice seeded.
* Attacks: numpy, Pillow (JPEG, WebP, drawing) and OpenCV (resampling, warps, filters).

INTERFACE
---------
* ``ROUND = "2026-12-07h"``; ``CACHE_DIR = <this folder>/cache_h``.
* ``images() -> list[(name, image_class, rgb)]``: rgb is C-contiguous uint8 (H, W, 3);
  image_class in {"photo", "generated", "graphic", "screenshot"}.
* ``attacks() -> list[(name, fn)]``: ``fn(rgb) -> new C-contiguous uint8 (H', W', 3)``,
  deterministic; the first is ``"none"`` (a copy).
* ``unmarked(n=10000, seed=2026120708) -> Iterator[(name, rgb)]``: lazily, n unmarked
  images; item i depends only on ``np.random.default_rng([seed, i])`` (and the fixed
  package sample images).
* ``edge_cases() -> list[(name, rgb)]``: awkward uint8 RGB arrays.
* ``edge_case_files() -> list[(name, bytes)]``: awkward encoded files.

IMAGES (24)
-----------
14 photos: astronaut 512x512; coffee enlarged 1500x1000; chelsea 451x300; rocket enlarged
to a 1280x1920 portrait; china panorama band 2000x750; flower with bokeh 640x427; smooth
sky (china's sky, enlarged, with faint grain) 1040x480; hubble deep field (dark) 1000x872;
motorcycle at "night" (darkened) 741x500; motorcycle high-key (bright) 1111x750; retina
1411x1180 (black surround); gravel texture tinted 512x512; grass texture tinted portrait
360x512; camera greyscale 512x512.
6 generated (built-in model, 256x256): six landscape prompts, own seeds.
2 screenshots: a phone chat 780x1688 and a desktop window 1366x768, with text.
2 graphics: a bar/line chart 900x600 and a logo on a flat colour 640x640.

ATTACKS (66)
------------
none; flip_h, flip_v; one-axis stretches/squeezes x1.12, y0.88, y1.147 (kept), x1.13 then
fitted to the original long side, y1.07 then cropped back to the original size; centre
crops 0.94, 0.68, 0.53x0.61, off-centre 0.81x0.72, off-centre 0.61x0.87 and centre 0.79
resized back; rotations +2.3 black, -7.6 white, +9.4 reflect (same canvas), -4.1 expanded
canvas, +6.7 crop-to-fill, -9.2 crop-to-fill resized back; padding 7 % black, letterbox 19 %
white, pillarbox 16 % grey, asymmetric blue (3/12/20/5.5 %), 11 % black resized back; JPEG
q31 4:2:0, q48 4:4:4, q79 4:4:4, q88 4:2:0; WebP q51, q87; downscales 0.41 area, 0.57
linear, 0.74 Lanczos, 0.89 nearest; upscales 1.12 cubic, 1.53 Lanczos, 1.97 nearest;
social (crop ~90 %, long side 1080, JPEG 74); messaging (down 0.63, JPEG 53) and twice
(down 0.61, JPEG 56, down 0.64, JPEG 47); screenshot pastes into a drawn UI at scale 0.77
and 1.25; Gaussian blur 1.3, unsharp mask, Gaussian noise 5.3, brightness +27 and -33,
contrast 0.73, gamma 1.38, saturation 0.42, greyscale; 14 combinations of 2-3 steps (crop
then rotate, pad then rotate-expand, flip then JPEG, stretch-crop-JPEG, rotate-crop-fill
then downscale then WebP, brightness then JPEG, off-centre crop-downscale-JPEG, flip then
rotate, blur-sharpen-JPEG, greyscale-JPEG, letterbox-downscale-JPEG, contrast-gamma-WebP,
squeeze-flip-JPEG, upscale-crop-JPEG).

UNMARKED / EDGE CASES
---------------------
unmarked(): photo crops 128-1500 px of varied aspect (20 %), flipped/rescaled crops (10 %),
JPEG q30-95 crops (12 %), periodic patterns (22 %: stripes, checkerboards, grids, brick,
halftone, weave, plaid, moire, hexagonal dots), noise (8 %), flat (5 %), gradients (7 %),
drawn graphics (8 %) and screenshots with text (8 %). edge_cases(): 22 arrays (1x1, 2x3,
8x8, 16x16, 31x33, 63x200, 200x63, 4000x3000, 1-pixel strips, 7x3000, 3000x9, one colour,
near-constant with 1-level noise, pixel checkerboard, saturated primaries).
edge_case_files(): 25 files (zero bytes, random bytes, text, truncated PNG/JPEG, 16-bit
RGB/grey PNG, RGBA, fully transparent, palette, L, LA, 1-bit, grey JPEG, CMYK JPEG,
progressive JPEG, EXIF orientation 6, animated GIF, LZW and multipage TIFF, BMP, lossless
RGBA WebP, a PNG declaring 100000x100000, a bad IHDR CRC, trailing garbage).
"""

from __future__ import annotations

import functools
import io
import math
import os
import struct
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

ROUND = "2026-12-07h"
CACHE_DIR = Path(__file__).resolve().parent / "cache_h"

Attack = Callable[[np.ndarray], np.ndarray]

# ----------------------------------------------------------------------------------------
# small helpers
# ----------------------------------------------------------------------------------------


def _rgb(a: Any) -> np.ndarray:
    """A C-contiguous uint8 (H, W, 3) copy-or-view of ``a``."""
    arr = np.asarray(a)
    if arr.dtype != np.uint8:
        arr = np.clip(np.rint(arr.astype(np.float64)), 0, 255).astype(np.uint8)
    if arr.ndim == 2:
        arr = np.stack([arr, arr, arr], axis=2)
    elif arr.shape[2] == 1:
        arr = np.repeat(arr, 3, axis=2)
    elif arr.shape[2] == 4:
        arr = arr[:, :, :3]
    return np.ascontiguousarray(arr, dtype=np.uint8)


def _f2u(a: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(np.clip(np.rint(a), 0, 255).astype(np.uint8))


@functools.cache
def _package_dir(package: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"package {package!r} is not installed")
    return Path(list(spec.submodule_search_locations)[0])


_SOURCES = {
    "astronaut": ("skimage", "data/astronaut.png"),
    "coffee": ("skimage", "data/coffee.png"),
    "chelsea": ("skimage", "data/chelsea.png"),
    "rocket": ("skimage", "data/rocket.jpg"),
    "hubble": ("skimage", "data/hubble_deep_field.jpg"),
    "retina": ("skimage", "data/retina.jpg"),
    "motorcycle_left": ("skimage", "data/motorcycle_left.png"),
    "motorcycle_right": ("skimage", "data/motorcycle_right.png"),
    "ihc": ("skimage", "data/ihc.png"),
    "camera": ("skimage", "data/camera.png"),
    "grass": ("skimage", "data/grass.png"),
    "gravel": ("skimage", "data/gravel.png"),
    "brick": ("skimage", "data/brick.png"),
    "moon": ("skimage", "data/moon.png"),
    "coins": ("skimage", "data/coins.png"),
    "china": ("sklearn", "datasets/images/china.jpg"),
    "flower": ("sklearn", "datasets/images/flower.jpg"),
}


@functools.cache
def _source(name: str) -> np.ndarray:
    from PIL import Image

    package, rel = _SOURCES[name]
    with Image.open(_package_dir(package) / rel) as im:
        arr = _rgb(np.asarray(im.convert("RGB")))
    arr.setflags(write=False)
    return arr


def _resize(img: np.ndarray, w: int, h: int, interp: int | None = None) -> np.ndarray:
    import cv2

    w, h = max(1, int(w)), max(1, int(h))
    if interp is None:
        interp = cv2.INTER_AREA if w * h < img.shape[0] * img.shape[1] else cv2.INTER_CUBIC
    return _rgb(cv2.resize(img, (w, h), interpolation=interp))


def _luma(img: np.ndarray) -> np.ndarray:
    f = img.astype(np.float64)
    return 0.299 * f[:, :, 0] + 0.587 * f[:, :, 1] + 0.114 * f[:, :, 2]


def _font(size: int) -> Any:
    from PIL import ImageFont

    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1
        return ImageFont.load_default()


_WORDS = (
    "the of and to in is you that it he was for on are as with his they at be this "
    "from have or by one had not but what all were when we there can an your which their "
    "said if do will each about how up out them then she many some so these would other "
    "into has more her two like him see time could no make than first been its who now "
    "people my made over did down only way find use may water long little very after "
    "words called just where most know get through back much before go good new write "
    "our used me man too any day same right look think also around another came come "
    "work three word must because does part even place well such here take why things "
    "help put years different away again off went old number great tell men say small "
    "every found still between name should home big give air line set own under read "
    "last never us left end along while might next sound below saw something thought "
    "both few those always looked show large often together asked house world going "
    "invoice meeting update project budget review deadline photo album settings profile"
).split()


def _sentence(rng: np.random.Generator, lo: int, hi: int) -> str:
    n = int(rng.integers(lo, hi + 1))
    words = [_WORDS[int(i)] for i in rng.integers(0, len(_WORDS), n)]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _color(rng: np.random.Generator, lo: int = 0, hi: int = 256) -> tuple[int, int, int]:
    c = rng.integers(lo, hi, 3)
    return (int(c[0]), int(c[1]), int(c[2]))


# ----------------------------------------------------------------------------------------
# drawn screenshots and graphics (used by images() with fixed seeds and by unmarked())
# ----------------------------------------------------------------------------------------


def _draw_phone_chat(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    from PIL import Image, ImageDraw

    dark = bool(rng.random() < 0.3)
    bg = (18, 18, 22) if dark else (245, 245, 247)
    fg = (235, 235, 240) if dark else (20, 20, 24)
    im = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(im)
    s = max(w / 780.0, 0.2)
    fs = max(8, int(26 * s))
    font, small = _font(fs), _font(max(7, int(fs * 0.7)))
    bar = int(70 * s)
    d.rectangle([0, 0, w, bar], fill=(0, 0, 0) if dark else (250, 250, 250))
    d.text((int(28 * s), int(20 * s)), "9:41", fill=fg, font=font)
    d.rectangle([w - int(90 * s), int(26 * s), w - int(40 * s), int(46 * s)], outline=fg)
    head = bar + int(110 * s)
    accent = _color(rng, 20, 200)
    d.rectangle([0, bar, w, head], fill=(28, 28, 34) if dark else (255, 255, 255))
    r = int(34 * s)
    d.ellipse(
        [int(40 * s), bar + int(20 * s), int(40 * s) + 2 * r, bar + int(20 * s) + 2 * r],
        fill=accent,
    )
    d.text((int(130 * s), bar + int(35 * s)), _sentence(rng, 1, 2).title(), fill=fg, font=font)
    d.line([0, head, w, head], fill=(200, 200, 205), width=max(1, int(2 * s)))
    y = head + int(30 * s)
    mine = accent if not dark else (10, 132, 255)
    while y < h - int(200 * s):
        right = bool(rng.random() < 0.5)
        lines = [_sentence(rng, 2, 5) for _ in range(int(rng.integers(1, 4)))]
        bw = int(w * rng.uniform(0.4, 0.72))
        bh = int((len(lines) * (fs + 8 * s)) + 30 * s)
        x0 = w - bw - int(30 * s) if right else int(30 * s)
        fill = mine if right else ((44, 44, 50) if dark else (229, 229, 234))
        d.rounded_rectangle([x0, y, x0 + bw, y + bh], radius=int(28 * s), fill=fill)
        tc = (255, 255, 255) if right else fg
        for k, line in enumerate(lines):
            d.text(
                (x0 + int(22 * s), y + int(14 * s) + k * int(fs + 8 * s)),
                line[:40],
                fill=tc,
                font=font,
            )
        d.text(
            (x0 + bw - int(90 * s), y + bh + int(4 * s)),
            f"{int(rng.integers(7, 23))}:{int(rng.integers(10, 60))}",
            fill=(140, 140, 150),
            font=small,
        )
        y += bh + int(int(rng.integers(40, 80)) * s)
    d.rectangle([0, h - int(150 * s), w, h], fill=(28, 28, 34) if dark else (255, 255, 255))
    d.rounded_rectangle(
        [int(30 * s), h - int(120 * s), w - int(130 * s), h - int(50 * s)],
        radius=int(35 * s),
        outline=(190, 190, 196),
        width=max(1, int(2 * s)),
    )
    d.text((int(60 * s), h - int(100 * s)), "Message", fill=(150, 150, 155), font=font)
    d.ellipse([w - int(110 * s), h - int(120 * s), w - int(40 * s), h - int(50 * s)], fill=mine)
    return _rgb(np.asarray(im))


def _draw_desktop(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    from PIL import Image, ImageDraw

    im = Image.new("RGB", (w, h), _color(rng, 30, 120))
    d = ImageDraw.Draw(im)
    s = max(min(w / 1366.0, h / 768.0), 0.15)
    fs = max(7, int(15 * s))
    font, big = _font(fs), _font(max(8, int(22 * s)))
    m = int(rng.integers(0, 3)) * int(20 * s)
    x0, y0, x1, y1 = m, m, w - 1 - m, h - 1 - m
    d.rectangle([x0, y0, x1, y1], fill=(255, 255, 255))
    tb = int(34 * s) + 1
    d.rectangle([x0, y0, x1, y0 + tb], fill=(232, 232, 236))
    for k, c in enumerate([(255, 95, 86), (255, 189, 46), (39, 201, 63)]):
        cx = x0 + int((18 + 22 * k) * s)
        d.ellipse([cx, y0 + int(11 * s), cx + int(12 * s), y0 + int(23 * s)], fill=c)
    d.text(
        (x0 + int(w * 0.4), y0 + int(9 * s)),
        _sentence(rng, 2, 4) + ".txt",
        fill=(60, 60, 60),
        font=font,
    )
    tool = y0 + tb + int(40 * s)
    d.rectangle([x0, y0 + tb, x1, tool], fill=(246, 246, 248))
    bx = x0 + int(12 * s)
    for _ in range(int(rng.integers(4, 8))):
        label = _WORDS[int(rng.integers(0, len(_WORDS)))].title()
        bw = int((len(label) * 9 + 24) * s)
        d.rounded_rectangle(
            [bx, y0 + tb + int(7 * s), bx + bw, tool - int(7 * s)],
            radius=max(1, int(5 * s)),
            outline=(180, 180, 186),
            fill=(255, 255, 255),
        )
        d.text((bx + int(10 * s), y0 + tb + int(12 * s)), label, fill=(30, 30, 30), font=font)
        bx += bw + int(8 * s)
    side = x0 + int(w * rng.uniform(0.16, 0.26))
    d.rectangle([x0, tool, side, y1], fill=(240, 242, 246))
    y = tool + int(14 * s)
    sel = int(rng.integers(0, 8))
    for k in range(40):
        if y > y1 - int(24 * s):
            break
        if k == sel:
            d.rectangle([x0, y - int(4 * s), side, y + int(22 * s)], fill=(10, 100, 230))
        d.text(
            (x0 + int(16 * s), y),
            _sentence(rng, 1, 3)[:22],
            fill=(255, 255, 255) if k == sel else (40, 40, 48),
            font=font,
        )
        y += int(30 * s) + 1
    px = side + int(30 * s)
    y = tool + int(24 * s)
    d.text((px, y), _sentence(rng, 3, 6), fill=(10, 10, 10), font=big)
    y += int(44 * s) + 1
    while y < y1 - int(40 * s):
        if rng.random() < 0.18:
            cols = int(rng.integers(3, 6))
            cw = (x1 - px - int(30 * s)) // cols
            for r in range(int(rng.integers(2, 6))):
                for c in range(cols):
                    cx = px + c * cw
                    d.rectangle(
                        [cx, y, cx + cw, y + int(24 * s)],
                        outline=(200, 200, 205),
                        fill=(236, 240, 250) if r == 0 else None,
                    )
                    d.text(
                        (cx + int(6 * s), y + int(5 * s)),
                        str(int(rng.integers(0, 10000))) if r else _WORDS[c + 3].title(),
                        fill=(30, 30, 30),
                        font=font,
                    )
                y += int(24 * s) + 1
            y += int(16 * s) + 1
        else:
            d.text((px, y), _sentence(rng, 6, 14), fill=(34, 34, 34), font=font)
            y += int(24 * s) + 1
    return _rgb(np.asarray(im))


def _draw_chart(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    from PIL import Image, ImageDraw

    im = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(im)
    s = max(min(w / 900.0, h / 600.0), 0.15)
    font, title = _font(max(7, int(16 * s))), _font(max(8, int(26 * s)))
    left, right, top, bottom = int(90 * s), w - int(40 * s), int(80 * s), h - int(70 * s)
    d.text((left, int(24 * s)), _sentence(rng, 3, 5), fill=(20, 20, 20), font=title)
    for k in range(6):
        y = bottom - (bottom - top) * k // 5
        d.line([left, y, right, y], fill=(225, 225, 225), width=1)
        d.text((int(20 * s), y - int(8 * s)), f"{k * 20}", fill=(90, 90, 90), font=font)
    d.line([left, top, left, bottom], fill=(40, 40, 40), width=max(1, int(2 * s)))
    d.line([left, bottom, right, bottom], fill=(40, 40, 40), width=max(1, int(2 * s)))
    n = int(rng.integers(5, 13))
    span = (right - left) / n
    c1, c2 = _color(rng, 20, 220), _color(rng, 20, 220)
    vals = rng.uniform(0.15, 0.95, n)
    pts = []
    for k in range(n):
        bx = left + span * k + span * 0.18
        by = bottom - (bottom - top) * vals[k]
        d.rectangle([int(bx), int(by), int(bx + span * 0.64), bottom - 1], fill=c1)
        d.text(
            (int(bx), bottom + int(10 * s)),
            _WORDS[(k * 7) % len(_WORDS)][:5],
            fill=(60, 60, 60),
            font=font,
        )
        pts.append(
            (
                int(left + span * (k + 0.5)),
                int(bottom - (bottom - top) * float(np.clip(vals[k] * 0.7 + 0.2, 0, 1))),
            )
        )
    d.line(pts, fill=c2, width=max(1, int(4 * s)))
    for p in pts:
        r = max(1, int(6 * s))
        d.ellipse([p[0] - r, p[1] - r, p[0] + r, p[1] + r], fill=c2, outline=(255, 255, 255))
    lx = right - int(200 * s)
    d.rectangle([lx, top - int(50 * s), lx + int(16 * s), top - int(34 * s)], fill=c1)
    d.text((lx + int(24 * s), top - int(52 * s)), "revenue", fill=(30, 30, 30), font=font)
    d.line(
        [lx + int(100 * s), top - int(42 * s), lx + int(124 * s), top - int(42 * s)],
        fill=c2,
        width=max(1, int(4 * s)),
    )
    d.text((lx + int(130 * s), top - int(52 * s)), "trend", fill=(30, 30, 30), font=font)
    return _rgb(np.asarray(im))


def _draw_logo(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    from PIL import Image, ImageDraw

    bg = _color(rng, 0, 256)
    im = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(im)
    cx, cy, r = w // 2, int(h * 0.42), int(min(w, h) * 0.24)
    fg = tuple(255 - c for c in bg)
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=fg)
    k = int(rng.integers(3, 7))
    ang = rng.uniform(0, 2 * math.pi)
    poly = [
        (
            cx + 0.7 * r * math.cos(ang + 2 * math.pi * j / k),
            cy + 0.7 * r * math.sin(ang + 2 * math.pi * j / k),
        )
        for j in range(k)
    ]
    d.polygon(poly, fill=bg)
    d.ellipse([cx - r // 5, cy - r // 5, cx + r // 5, cy + r // 5], fill=_color(rng, 0, 256))
    name = "".join(chr(65 + int(c)) for c in rng.integers(0, 26, int(rng.integers(5, 10))))
    font = _font(max(8, int(min(w, h) * 0.09)))
    tw = d.textlength(name, font=font)
    d.text((cx - tw / 2, cy + r + int(h * 0.06)), name, fill=fg, font=font)
    return _rgb(np.asarray(im))


# ----------------------------------------------------------------------------------------
# images()
# ----------------------------------------------------------------------------------------

_GENERATED = (
    ("misty_valley_dawn", "a misty mountain valley at dawn with a winding river", 48213),
    ("ocean_sunset", "sunset over the ocean with orange and purple clouds", 9071),
    ("forest_night_moon", "a dark pine forest at night under a full moon", 330517),
    ("green_hills_lake", "green rolling hills and a small lake under a bright blue sky", 71),
    ("desert_dunes_noon", "desert sand dunes at noon with a pale hazy sky", 5582),
    ("snowy_peaks_dusk", "snowy peaks reflected in a calm lake at dusk", 120934),
)


def _generated() -> list[tuple[str, np.ndarray]]:
    from PIL import Image

    out: dict[str, np.ndarray] = {}
    missing = []
    for slug, prompt, seed in _GENERATED:
        path = CACHE_DIR / f"gen_{slug}_s{seed}_256.png"
        if path.is_file():
            with Image.open(path) as im:
                out[slug] = _rgb(np.asarray(im.convert("RGB")))
        else:
            missing.append((slug, prompt, seed, path))
    if missing:
        from safegen.backends.base import BackendRequest
        from safegen.backends.builtin import BuiltinBackend

        backend = BuiltinBackend()
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        for slug, prompt, seed, path in missing:
            request = BackendRequest(prompt=prompt, negative_prompt=None, seeds=(seed,))
            (pil,) = backend.generate(request)
            arr = _rgb(np.asarray(pil.convert("RGB")))
            tmp = path.with_suffix(f".tmp{os.getpid()}.png")
            Image.fromarray(arr).save(tmp, format="PNG")
            os.replace(tmp, path)
            out[slug] = arr
    return [(f"gen_{slug}", out[slug]) for slug, _, _ in _GENERATED]


def _tint(grey: np.ndarray, color: tuple[float, float, float]) -> np.ndarray:
    g = _luma(grey)[:, :, None] / 255.0
    return _f2u(255.0 * g * np.array(color, dtype=np.float64)[None, None, :])


def _photos() -> list[tuple[str, np.ndarray]]:
    import cv2

    rng = np.random.default_rng(2026120701)
    out: list[tuple[str, np.ndarray]] = []
    out.append(("photo_astronaut_512", _rgb(_source("astronaut").copy())))
    out.append(
        ("photo_coffee_1500x1000", _resize(_source("coffee"), 1500, 1000, cv2.INTER_LANCZOS4))
    )
    out.append(("photo_chelsea_451x300", _rgb(_source("chelsea").copy())))
    out.append(
        ("photo_rocket_portrait_1280x1920", _resize(_source("rocket"), 1280, 1920, cv2.INTER_CUBIC))
    )
    band = _source("china")[58:298]
    out.append(("photo_china_panorama_2000x750", _resize(band, 2000, 750, cv2.INTER_LANCZOS4)))
    out.append(("photo_flower_bokeh_640x427", _rgb(_source("flower").copy())))
    sky = _resize(_source("china")[2:122, 378:638], 1040, 480, cv2.INTER_LANCZOS4)
    sky = cv2.GaussianBlur(sky, (0, 0), 2.2)
    grain = rng.normal(0.0, 1.1, sky.shape)
    out.append(("photo_sky_smooth_1040x480", _f2u(sky.astype(np.float64) + grain)))
    out.append(("photo_hubble_dark_1000x872", _rgb(_source("hubble").copy())))
    moto = _source("motorcycle_right").astype(np.float64) / 255.0
    night = 255.0 * 0.42 * moto**2.1 * np.array([0.82, 0.9, 1.15])
    out.append(("photo_motorcycle_night_741x500", _f2u(night)))
    bright = _source("motorcycle_left").astype(np.float64) / 255.0
    bright = 255.0 * (1.0 - (1.0 - bright) ** 2.6) * 0.97 + 8.0
    out.append(
        ("photo_motorcycle_bright_1111x750", _resize(_f2u(bright), 1111, 750, cv2.INTER_CUBIC))
    )
    out.append(("photo_retina_1411x1180", _rgb(_source("retina")[117:1297].copy())))
    out.append(("photo_gravel_texture_512", _tint(_source("gravel"), (1.0, 0.9, 0.74))))
    grass = _tint(_source("grass")[:, 61:421], (0.62, 1.0, 0.45))
    out.append(("photo_grass_texture_360x512", grass))
    out.append(("photo_camera_grey_512", _rgb(_source("camera").copy())))
    return out


def images() -> list[tuple[str, str, np.ndarray]]:
    """(name, image_class, rgb): 14 photos, 6 generated, 2 screenshots, 2 graphics."""
    out: list[tuple[str, str, np.ndarray]] = []
    for name, arr in _photos():
        out.append((name, "photo", arr))
    for name, arr in _generated():
        out.append((name, "generated", arr))
    out.append(
        (
            "screenshot_phone_chat_780x1688",
            "screenshot",
            _draw_phone_chat(np.random.default_rng(2026120702), 780, 1688),
        )
    )
    out.append(
        (
            "screenshot_desktop_1366x768",
            "screenshot",
            _draw_desktop(np.random.default_rng(2026120703), 1366, 768),
        )
    )
    out.append(
        (
            "graphic_chart_900x600",
            "graphic",
            _draw_chart(np.random.default_rng(2026120704), 900, 600),
        )
    )
    out.append(
        (
            "graphic_logo_flat_640x640",
            "graphic",
            _draw_logo(np.random.default_rng(2026120705), 640, 640),
        )
    )
    return [(n, c, _rgb(a)) for n, c, a in out]


# ----------------------------------------------------------------------------------------
# attacks()
# ----------------------------------------------------------------------------------------


def _a_copy(img: np.ndarray) -> np.ndarray:
    return np.array(_rgb(img), dtype=np.uint8, order="C", copy=True)


def _a_flip(img: np.ndarray, axis: int) -> np.ndarray:
    return _rgb(np.flip(_rgb(img), axis=axis).copy())


def _a_scale_xy(img: np.ndarray, fx: float, fy: float, interp: str = "auto") -> np.ndarray:
    import cv2

    h, w = img.shape[:2]
    modes = {
        "area": cv2.INTER_AREA,
        "linear": cv2.INTER_LINEAR,
        "cubic": cv2.INTER_CUBIC,
        "lanczos": cv2.INTER_LANCZOS4,
        "nearest": cv2.INTER_NEAREST,
        "auto": None,
    }
    return _resize(_rgb(img), round(w * fx), round(h * fy), modes[interp])


def _a_stretch_fit_long(img: np.ndarray, fx: float, fy: float) -> np.ndarray:
    h, w = img.shape[:2]
    nw, nh = w * fx, h * fy
    k = max(w, h) / max(nw, nh)
    return _resize(_rgb(img), round(nw * k), round(nh * k))


def _crop(img: np.ndarray, fx0: float, fy0: float, fw: float, fh: float) -> np.ndarray:
    h, w = img.shape[:2]
    cw, ch = max(1, round(w * fw)), max(1, round(h * fh))
    x0 = min(max(0, round(w * fx0)), w - cw)
    y0 = min(max(0, round(h * fy0)), h - ch)
    return _rgb(img[y0 : y0 + ch, x0 : x0 + cw].copy())


def _a_crop_center(img: np.ndarray, fw: float, fh: float, back: bool = False) -> np.ndarray:
    out = _crop(img, (1 - fw) / 2, (1 - fh) / 2, fw, fh)
    return _resize(out, img.shape[1], img.shape[0]) if back else out


def _a_crop(
    img: np.ndarray, fx0: float, fy0: float, fw: float, fh: float, back: bool = False
) -> np.ndarray:
    out = _crop(img, fx0, fy0, fw, fh)
    return _resize(out, img.shape[1], img.shape[0]) if back else out


def _a_stretch_crop_back(img: np.ndarray, fx: float, fy: float) -> np.ndarray:
    h, w = img.shape[:2]
    big = _a_scale_xy(img, fx, fy)
    bh, bw = big.shape[:2]
    y0, x0 = (bh - h) // 2, (bw - w) // 2
    return _rgb(big[max(0, y0) : max(0, y0) + h, max(0, x0) : max(0, x0) + w].copy())


_BORDERS = {"black": (0, (0, 0, 0)), "white": (0, (255, 255, 255)), "reflect": (1, (0, 0, 0))}


def _a_rotate(
    img: np.ndarray,
    deg: float,
    fill: str = "black",
    expand: bool = False,
    cropfill: bool = False,
    back: bool = False,
) -> np.ndarray:
    import cv2

    img = _rgb(img)
    h, w = img.shape[:2]
    cx, cy = (w - 1) / 2.0, (h - 1) / 2.0
    m = cv2.getRotationMatrix2D((cx, cy), deg, 1.0)
    ow, oh = w, h
    if expand:
        c, s = abs(math.cos(math.radians(deg))), abs(math.sin(math.radians(deg)))
        ow, oh = int(math.ceil(w * c + h * s)), int(math.ceil(w * s + h * c))
        m[0, 2] += (ow - 1) / 2.0 - cx
        m[1, 2] += (oh - 1) / 2.0 - cy
    mode, value = _BORDERS[fill]
    border = cv2.BORDER_REFLECT_101 if mode else cv2.BORDER_CONSTANT
    out = cv2.warpAffine(
        img, m, (ow, oh), flags=cv2.INTER_LINEAR, borderMode=border, borderValue=value
    )
    if cropfill:
        a = math.radians(abs(deg))
        long_side, short_side = max(w, h), min(w, h)
        sa, ca = abs(math.sin(a)), abs(math.cos(a))
        if short_side <= 2.0 * sa * ca * long_side or abs(sa - ca) < 1e-10:
            x = 0.5 * short_side
            rw, rh = (x / sa, x / ca) if w >= h else (x / ca, x / sa)
        else:
            c2 = ca * ca - sa * sa
            rw, rh = (w * ca - h * sa) / c2, (h * ca - w * sa) / c2
        rw, rh = max(1, int(rw) - 2), max(1, int(rh) - 2)
        x0, y0 = max(0, (w - rw) // 2), max(0, (h - rh) // 2)
        out = out[y0 : y0 + rh, x0 : x0 + rw]
        if back:
            out = _resize(_rgb(out), w, h)
    return _rgb(out)


def _a_pad(
    img: np.ndarray,
    left: float,
    top: float,
    right: float,
    bottom: float,
    color: tuple[int, int, int],
    back: bool = False,
) -> np.ndarray:
    import cv2

    img = _rgb(img)
    h, w = img.shape[:2]
    out = cv2.copyMakeBorder(
        img,
        round(h * top),
        round(h * bottom),
        round(w * left),
        round(w * right),
        cv2.BORDER_CONSTANT,
        value=color,
    )
    return _resize(out, w, h) if back else _rgb(out)


def _a_jpeg(img: np.ndarray, quality: int, subsampling: int = 2) -> np.ndarray:
    from PIL import Image

    buf = io.BytesIO()
    Image.fromarray(_rgb(img)).save(buf, format="JPEG", quality=quality, subsampling=subsampling)
    buf.seek(0)
    with Image.open(buf) as im:
        return _rgb(np.asarray(im.convert("RGB")))


def _a_webp(img: np.ndarray, quality: int) -> np.ndarray:
    from PIL import Image

    buf = io.BytesIO()
    Image.fromarray(_rgb(img)).save(buf, format="WEBP", quality=quality, method=4)
    buf.seek(0)
    with Image.open(buf) as im:
        return _rgb(np.asarray(im.convert("RGB")))


def _a_social(img: np.ndarray) -> np.ndarray:
    out = _crop(img, 0.047, 0.061, 0.906, 0.893)
    h, w = out.shape[:2]
    k = 1080.0 / max(h, w)
    out = _resize(out, round(w * k), round(h * k))
    return _a_jpeg(out, 74, 2)


def _a_messaging(img: np.ndarray, steps: tuple[tuple[float, int], ...]) -> np.ndarray:
    out = _rgb(img)
    for scale, q in steps:
        out = _a_jpeg(_a_scale_xy(out, scale, scale, "area"), q, 2)
    return out


def _a_screenshot(img: np.ndarray, scale: float, seed: int) -> np.ndarray:
    import cv2
    from PIL import Image, ImageDraw

    img = _rgb(img)
    h, w = img.shape[:2]
    sw, sh = max(1, round(w * scale)), max(1, round(h * scale))
    interp = cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
    small = _resize(img, sw, sh, interp)
    rng = np.random.default_rng(seed)
    side, head, mx, foot = 213, 61, 37, 96
    cw, ch = sw + side + 2 * mx, sh + head + mx + foot
    canvas = Image.new("RGB", (cw, ch), (247, 247, 249))
    d = ImageDraw.Draw(canvas)
    font = _font(14)
    d.rectangle([0, 0, cw, head - 12], fill=(36, 41, 51))
    d.text((18, 14), "Photos - " + _sentence(rng, 2, 3), fill=(230, 230, 235), font=font)
    d.rectangle([0, head - 12, side, ch], fill=(236, 238, 242))
    for k in range(min(30, (ch - head) // 28)):
        d.text((16, head + 6 + 28 * k), _sentence(rng, 1, 2)[:20], fill=(50, 50, 58), font=font)
    x0, y0 = side + mx, head + 11
    d.rectangle([x0 - 1, y0 - 1, x0 + sw, y0 + sh], outline=(200, 200, 205))
    canvas.paste(Image.fromarray(small), (x0, y0))
    d.text((x0, y0 + sh + 14), _sentence(rng, 5, 9), fill=(40, 40, 40), font=font)
    d.text((x0, y0 + sh + 40), "12 likes  -  3 comments", fill=(120, 120, 128), font=font)
    return _rgb(np.asarray(canvas))


def _a_blur(img: np.ndarray, sigma: float) -> np.ndarray:
    import cv2

    return _rgb(cv2.GaussianBlur(_rgb(img), (0, 0), sigma))


def _a_sharpen(img: np.ndarray, sigma: float = 1.6, amount: float = 0.7) -> np.ndarray:
    import cv2

    f = _rgb(img).astype(np.float64)
    blur = cv2.GaussianBlur(f, (0, 0), sigma)
    return _f2u(f * (1 + amount) - blur * amount)


def _a_noise(img: np.ndarray, sigma: float, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    f = _rgb(img).astype(np.float64)
    return _f2u(f + rng.normal(0.0, sigma, f.shape))


def _a_brightness(img: np.ndarray, delta: float) -> np.ndarray:
    return _f2u(_rgb(img).astype(np.float64) + delta)


def _a_contrast(img: np.ndarray, k: float) -> np.ndarray:
    f = _rgb(img).astype(np.float64)
    mean = float(_luma(_rgb(img)).mean()) if f.size else 128.0
    return _f2u((f - mean) * k + mean)


def _a_gamma(img: np.ndarray, gamma: float) -> np.ndarray:
    lut = np.clip(np.rint(255.0 * (np.arange(256) / 255.0) ** (1.0 / gamma)), 0, 255)
    return _rgb(lut.astype(np.uint8)[_rgb(img)])


def _a_saturation(img: np.ndarray, k: float) -> np.ndarray:
    f = _rgb(img).astype(np.float64)
    g = _luma(_rgb(img))[:, :, None]
    return _f2u(g + (f - g) * k)


def _a_grey(img: np.ndarray) -> np.ndarray:
    return _rgb(_f2u(_luma(_rgb(img))))


def _chain(*steps: Attack) -> Attack:
    def run(img: np.ndarray) -> np.ndarray:
        out = _rgb(img)
        for step in steps:
            out = step(out)
        return _rgb(out)

    return run


def attacks() -> list[tuple[str, Attack]]:
    """(name, fn): 66 deterministic attacks, "none" first."""
    p = functools.partial
    return [
        ("none", _a_copy),
        # flips
        ("flip_h", p(_a_flip, axis=1)),
        ("flip_v", p(_a_flip, axis=0)),
        # one-axis stretches / squeezes
        ("stretch_x_1.12", p(_a_scale_xy, fx=1.12, fy=1.0)),
        ("squeeze_y_0.88", p(_a_scale_xy, fx=1.0, fy=0.88)),
        ("stretch_y_1.147", p(_a_scale_xy, fx=1.0, fy=1.147)),
        ("stretch_x_1.13_fit_long_side", p(_a_stretch_fit_long, fx=1.13, fy=1.0)),
        ("stretch_y_1.07_crop_back", p(_a_stretch_crop_back, fx=1.0, fy=1.07)),
        # crops
        ("crop_center_0.94", p(_a_crop_center, fw=0.94, fh=0.94)),
        ("crop_center_0.68", p(_a_crop_center, fw=0.68, fh=0.68)),
        ("crop_center_0.53x0.61", p(_a_crop_center, fw=0.53, fh=0.61)),
        ("crop_offcenter_tl_0.81x0.72", p(_a_crop, fx0=0.04, fy0=0.13, fw=0.81, fh=0.72)),
        (
            "crop_offcenter_br_0.61x0.87_resized_back",
            p(_a_crop, fx0=0.37, fy0=0.11, fw=0.61, fh=0.87, back=True),
        ),
        ("crop_center_0.79_resized_back", p(_a_crop_center, fw=0.79, fh=0.79, back=True)),
        # rotations
        ("rot_+2.3_black", p(_a_rotate, deg=2.3, fill="black")),
        ("rot_-7.6_white", p(_a_rotate, deg=-7.6, fill="white")),
        ("rot_+9.4_reflect", p(_a_rotate, deg=9.4, fill="reflect")),
        ("rot_-4.1_expand_black", p(_a_rotate, deg=-4.1, fill="black", expand=True)),
        ("rot_+6.7_cropfill", p(_a_rotate, deg=6.7, cropfill=True)),
        ("rot_-9.2_cropfill_resized_back", p(_a_rotate, deg=-9.2, cropfill=True, back=True)),
        # padding / borders / letterboxing
        (
            "pad_black_0.07",
            p(_a_pad, left=0.07, top=0.07, right=0.07, bottom=0.07, color=(0, 0, 0)),
        ),
        (
            "letterbox_white_0.19",
            p(_a_pad, left=0.0, top=0.19, right=0.0, bottom=0.19, color=(255, 255, 255)),
        ),
        (
            "pillarbox_grey_0.16",
            p(_a_pad, left=0.16, top=0.0, right=0.16, bottom=0.0, color=(128, 128, 128)),
        ),
        (
            "pad_asym_blue",
            p(_a_pad, left=0.03, top=0.12, right=0.2, bottom=0.055, color=(37, 99, 201)),
        ),
        (
            "pad_black_0.11_resized_back",
            p(_a_pad, left=0.11, top=0.11, right=0.11, bottom=0.11, color=(0, 0, 0), back=True),
        ),
        # JPEG / WebP
        ("jpeg_q31_420", p(_a_jpeg, quality=31, subsampling=2)),
        ("jpeg_q48_444", p(_a_jpeg, quality=48, subsampling=0)),
        ("jpeg_q79_444", p(_a_jpeg, quality=79, subsampling=0)),
        ("jpeg_q88_420", p(_a_jpeg, quality=88, subsampling=2)),
        ("webp_q51", p(_a_webp, quality=51)),
        ("webp_q87", p(_a_webp, quality=87)),
        # rescales
        ("down_0.41_area", p(_a_scale_xy, fx=0.41, fy=0.41, interp="area")),
        ("down_0.57_linear", p(_a_scale_xy, fx=0.57, fy=0.57, interp="linear")),
        ("down_0.74_lanczos", p(_a_scale_xy, fx=0.74, fy=0.74, interp="lanczos")),
        ("down_0.89_nearest", p(_a_scale_xy, fx=0.89, fy=0.89, interp="nearest")),
        ("up_1.12_cubic", p(_a_scale_xy, fx=1.12, fy=1.12, interp="cubic")),
        ("up_1.53_lanczos", p(_a_scale_xy, fx=1.53, fy=1.53, interp="lanczos")),
        ("up_1.97_nearest", p(_a_scale_xy, fx=1.97, fy=1.97, interp="nearest")),
        # platform chains
        ("social_crop0.9_long1080_jpeg74", _a_social),
        ("messaging_down0.63_jpeg53", p(_a_messaging, steps=((0.63, 53),))),
        (
            "messaging_twice_down0.61_jpeg56_down0.64_jpeg47",
            p(_a_messaging, steps=((0.61, 56), (0.64, 47))),
        ),
        ("screenshot_ui_scale0.77", p(_a_screenshot, scale=0.77, seed=7701)),
        ("screenshot_ui_scale1.25", p(_a_screenshot, scale=1.25, seed=12501)),
        # filters
        ("blur_gauss_1.3", p(_a_blur, sigma=1.3)),
        ("sharpen_unsharp_1.6_0.7", p(_a_sharpen, sigma=1.6, amount=0.7)),
        ("noise_gauss_5.3", p(_a_noise, sigma=5.3, seed=530261)),
        ("brightness_+27", p(_a_brightness, delta=27)),
        ("brightness_-33", p(_a_brightness, delta=-33)),
        ("contrast_0.73", p(_a_contrast, k=0.73)),
        ("gamma_1.38", p(_a_gamma, gamma=1.38)),
        ("saturation_0.42", p(_a_saturation, k=0.42)),
        ("greyscale", _a_grey),
        # combinations
        (
            "crop0.83_rot+4.3_black",
            _chain(p(_a_crop_center, fw=0.83, fh=0.83), p(_a_rotate, deg=4.3, fill="black")),
        ),
        (
            "pad_white0.1_rot-6.2_expand",
            _chain(
                p(_a_pad, left=0.1, top=0.1, right=0.1, bottom=0.1, color=(255, 255, 255)),
                p(_a_rotate, deg=-6.2, fill="white", expand=True),
            ),
        ),
        ("flip_h_jpeg67", _chain(p(_a_flip, axis=1), p(_a_jpeg, quality=67))),
        (
            "stretch_x1.09_crop0.86_jpeg71",
            _chain(
                p(_a_scale_xy, fx=1.09, fy=1.0),
                p(_a_crop_center, fw=0.86, fh=0.86),
                p(_a_jpeg, quality=71),
            ),
        ),
        (
            "rot-3.1_cropfill_down0.66_webp74",
            _chain(
                p(_a_rotate, deg=-3.1, cropfill=True),
                p(_a_scale_xy, fx=0.66, fy=0.66),
                p(_a_webp, quality=74),
            ),
        ),
        ("brightness+17_jpeg58", _chain(p(_a_brightness, delta=17), p(_a_jpeg, quality=58))),
        (
            "crop_offcenter0.77_down0.69_jpeg62",
            _chain(
                p(_a_crop, fx0=0.19, fy0=0.03, fw=0.77, fh=0.77),
                p(_a_scale_xy, fx=0.69, fy=0.69),
                p(_a_jpeg, quality=62),
            ),
        ),
        (
            "flip_v_rot+2.7_reflect",
            _chain(p(_a_flip, axis=0), p(_a_rotate, deg=2.7, fill="reflect")),
        ),
        (
            "blur0.9_sharpen_jpeg81",
            _chain(p(_a_blur, sigma=0.9), _a_sharpen, p(_a_jpeg, quality=81)),
        ),
        ("greyscale_jpeg69", _chain(_a_grey, p(_a_jpeg, quality=69))),
        (
            "letterbox_black0.13_down0.61_jpeg57",
            _chain(
                p(_a_pad, left=0.0, top=0.13, right=0.0, bottom=0.13, color=(0, 0, 0)),
                p(_a_scale_xy, fx=0.61, fy=0.61, interp="area"),
                p(_a_jpeg, quality=57),
            ),
        ),
        (
            "contrast1.18_gamma0.88_webp66",
            _chain(p(_a_contrast, k=1.18), p(_a_gamma, gamma=0.88), p(_a_webp, quality=66)),
        ),
        (
            "squeeze_y0.91_flip_h_jpeg73",
            _chain(p(_a_scale_xy, fx=1.0, fy=0.91), p(_a_flip, axis=1), p(_a_jpeg, quality=73)),
        ),
        (
            "up1.36_crop0.64_jpeg77",
            _chain(
                p(_a_scale_xy, fx=1.36, fy=1.36, interp="cubic"),
                p(_a_crop_center, fw=0.64, fh=0.64),
                p(_a_jpeg, quality=77, subsampling=0),
            ),
        ),
    ]


# ----------------------------------------------------------------------------------------
# unmarked()
# ----------------------------------------------------------------------------------------

_PHOTO_NAMES = (
    "astronaut",
    "coffee",
    "chelsea",
    "rocket",
    "hubble",
    "retina",
    "motorcycle_left",
    "motorcycle_right",
    "ihc",
    "camera",
    "grass",
    "gravel",
    "brick",
    "moon",
    "coins",
    "china",
    "flower",
)


def _rand_size(rng: np.random.Generator, lo: int = 128, hi: int = 1500) -> tuple[int, int]:
    """(w, h), each in [lo, hi], varied aspect ratios."""
    long_side = int(np.exp(rng.uniform(np.log(lo), np.log(hi))))
    aspect = float(np.exp(rng.uniform(0.0, np.log(3.2)))) if rng.random() < 0.7 else 1.0
    short_side = max(lo, int(long_side / aspect))
    w, h = (long_side, short_side) if rng.random() < 0.55 else (short_side, long_side)
    return max(lo, min(hi, w)), max(lo, min(hi, h))


def _interp(rng: np.random.Generator) -> int:
    import cv2

    return (
        cv2.INTER_AREA,
        cv2.INTER_LINEAR,
        cv2.INTER_CUBIC,
        cv2.INTER_LANCZOS4,
        cv2.INTER_NEAREST,
    )[int(rng.integers(0, 5))]


def _photo_crop(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    src = _source(_PHOTO_NAMES[int(rng.integers(0, len(_PHOTO_NAMES)))])
    sh, sw = src.shape[:2]
    k = max(w / sw, h / sh, 1.0)
    if k > 1.0:
        k *= rng.uniform(1.0, 1.3)
        src = _resize(src, math.ceil(sw * k), math.ceil(sh * k), _interp(rng))
        sh, sw = src.shape[:2]
    y0 = int(rng.integers(0, sh - h + 1))
    x0 = int(rng.integers(0, sw - w + 1))
    return _rgb(src[y0 : y0 + h, x0 : x0 + w].copy())


def _u_photo(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w, h = _rand_size(rng)
    return "photo_crop", _photo_crop(rng, w, h)


def _u_photo_flip_rescale(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w, h = _rand_size(rng, 128, 1000)
    img = _photo_crop(rng, w, h)
    if rng.random() < 0.5:
        img = img[:, ::-1]
    if rng.random() < 0.3:
        img = img[::-1]
    k = rng.uniform(0.4, 1.6)
    nw = min(1500, max(128, round(w * k)))
    nh = min(1500, max(128, round(h * k)))
    return "photo_flip_rescale", _resize(_rgb(img.copy()), nw, nh, _interp(rng))


def _u_photo_jpeg(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w, h = _rand_size(rng)
    img = _photo_crop(rng, w, h)
    q = int(rng.integers(30, 96))
    sub = int(rng.choice([0, 1, 2]))
    return f"photo_jpeg_q{q}", _a_jpeg(img, q, sub)


def _two_colors(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    if rng.random() < 0.3:
        return np.zeros(3), np.full(3, 255.0)
    return rng.uniform(0, 255, 3), rng.uniform(0, 255, 3)


def _mix(t: np.ndarray, c0: np.ndarray, c1: np.ndarray) -> np.ndarray:
    t = np.clip(t, 0.0, 1.0)[:, :, None]
    return _f2u(c0[None, None, :] * (1 - t) + c1[None, None, :] * t)


def _u_periodic(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w, h = _rand_size(rng)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    c0, c1 = _two_colors(rng)
    kind = ("stripes", "checker", "grid", "brick", "halftone", "weave", "plaid", "moire", "dots")[
        int(rng.integers(0, 9))
    ]
    th = rng.uniform(0, math.pi)
    ct, st = math.cos(th), math.sin(th)
    u, v = xx * ct + yy * st, -xx * st + yy * ct
    if kind == "stripes":
        period = float(np.exp(rng.uniform(np.log(2.2), np.log(48))))
        s = np.sin(2 * math.pi * u / period)
        t = (s > 0).astype(np.float64) if rng.random() < 0.5 else 0.5 + 0.5 * s
    elif kind == "checker":
        cell = float(rng.integers(2, 65))
        if rng.random() < 0.5:
            u, v = xx, yy
        t = ((np.floor(u / cell) + np.floor(v / cell)) % 2).astype(np.float64)
    elif kind == "grid":
        period = float(rng.integers(6, 80))
        thick = float(rng.integers(1, max(2, int(period // 3))))
        if rng.random() < 0.6:
            u, v = xx, yy
        t = (((u % period) < thick) | ((v % period) < thick)).astype(np.float64)
    elif kind == "brick":
        bh = float(rng.integers(8, 48))
        bw = bh * rng.uniform(1.8, 3.2)
        mortar = max(1.0, bh * rng.uniform(0.08, 0.2))
        row = np.floor(yy / bh)
        xs = xx + (row % 2) * bw / 2
        t = (((yy % bh) < mortar) | ((xs % bw) < mortar)).astype(np.float64)
        t = t * 0.85 + rng.uniform(0, 0.15, (h, w))
    elif kind == "halftone":
        period = float(rng.uniform(3.5, 18))
        tone = 0.5 + 0.45 * np.sin(xx / rng.uniform(60, 400)) * np.cos(yy / rng.uniform(60, 400))
        du = (u % period) - period / 2
        dv = (v % period) - period / 2
        r = np.sqrt(du * du + dv * dv) / (period / 2)
        t = (r < np.sqrt(tone)).astype(np.float64)
    elif kind == "weave":
        period = float(rng.uniform(4, 24))
        a = np.sin(2 * math.pi * xx / period)
        b = np.sin(2 * math.pi * yy / period)
        over = ((np.floor(xx / period) + np.floor(yy / period)) % 2) > 0
        fine = 0.5 + 0.5 * np.sin(2 * math.pi * np.where(over, yy, xx) / (period / 4))
        t = 0.5 + 0.25 * np.where(over, a, b) + 0.2 * (fine - 0.5)
    elif kind == "plaid":
        out = np.zeros((h, w, 3))
        for _ in range(int(rng.integers(2, 5))):
            period = float(rng.uniform(10, 120))
            width = period * rng.uniform(0.1, 0.5)
            col = rng.uniform(0, 255, 3)
            mx = ((xx % period) < width)[:, :, None]
            my = ((yy % period) < width)[:, :, None]
            out += 0.5 * (mx * col + my * col)
        return "periodic_plaid", _f2u(out / max(1.0, out.max() / 255.0))
    elif kind == "moire":
        p1 = float(rng.uniform(3, 14))
        d = rng.uniform(0.02, 0.1)
        u2 = xx * math.cos(th + d) + yy * math.sin(th + d)
        t = 0.5 + 0.25 * np.sin(2 * math.pi * u / p1) + 0.25 * np.sin(2 * math.pi * u2 / p1)
    else:  # dots lattice (hexagonal)
        period = float(rng.uniform(5, 30))
        radius = period * rng.uniform(0.15, 0.45)
        row = np.floor(v / (period * 0.866))
        du = ((u + (row % 2) * period / 2) % period) - period / 2
        dv = (v % (period * 0.866)) - period * 0.433
        t = (np.sqrt(du * du + dv * dv) < radius).astype(np.float64)
    return f"periodic_{kind}", _mix(t, c0, c1)


def _u_noise(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    import cv2

    w, h = _rand_size(rng)
    kind = int(rng.integers(0, 5))
    if kind == 0:
        return "noise_uniform", _rgb(rng.integers(0, 256, (h, w, 3), dtype=np.uint8))
    if kind == 1:
        mean, sigma = rng.uniform(40, 215), rng.uniform(2, 60)
        shape = (h, w, 3) if rng.random() < 0.7 else (h, w)
        return "noise_gauss", _rgb(_f2u(rng.normal(mean, sigma, shape)))
    if kind == 2:
        base = rng.normal(0, 1, (h, w, 3))
        sig = float(rng.uniform(1, 40))
        lp = cv2.GaussianBlur(base, (0, 0), sig)
        lp = (lp - lp.min()) / max(1e-9, float(lp.max() - lp.min()))
        return "noise_lowpass", _f2u(lp * 255)
    if kind == 3:
        img = np.full((h, w, 3), rng.uniform(0, 255, 3))
        m = rng.random((h, w))
        dens = rng.uniform(0.005, 0.2)
        img[m < dens / 2] = 0
        img[m > 1 - dens / 2] = 255
        return "noise_salt_pepper", _f2u(img)
    return "noise_binary", _rgb(((rng.random((h, w)) < 0.5) * 255).astype(np.uint8))


def _u_flat(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w, h = _rand_size(rng)
    img = np.empty((h, w, 3), dtype=np.uint8)
    img[:] = np.array(_color(rng), dtype=np.uint8)
    if rng.random() < 0.4:
        img = _f2u(img.astype(np.float64) + rng.integers(-1, 2, (h, w, 1)))
        return "flat_1level_noise", img
    return "flat", _rgb(img)


def _u_gradient(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w, h = _rand_size(rng)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    c0, c1 = _two_colors(rng)
    if rng.random() < 0.6:
        th = rng.uniform(0, 2 * math.pi)
        t = xx * math.cos(th) + yy * math.sin(th)
        name = "gradient_linear"
    else:
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        t = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2)
        name = "gradient_radial"
    t = (t - t.min()) / max(1e-9, float(t.max() - t.min()))
    t = t[:, :, None]
    out = c0[None, None, :] * (1 - t) + c1[None, None, :] * t
    if rng.random() < 0.4:
        out = out + rng.uniform(-0.5, 0.5, out.shape)
        name += "_dither"
    return name, _f2u(out)


def _u_graphic(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    from PIL import Image, ImageDraw

    w, h = _rand_size(rng)
    pick = int(rng.integers(0, 3))
    if pick == 0:
        return "graphic_chart", _draw_chart(rng, w, h)
    if pick == 1:
        return "graphic_logo", _draw_logo(rng, w, h)
    im = Image.new("RGB", (w, h), _color(rng))
    d = ImageDraw.Draw(im)
    for _ in range(int(rng.integers(3, 25))):
        x0, x1 = sorted(int(v) for v in rng.integers(0, w, 2))
        y0, y1 = sorted(int(v) for v in rng.integers(0, h, 2))
        shape = int(rng.integers(0, 4))
        if shape == 0:
            d.rectangle([x0, y0, x1, y1], fill=_color(rng))
        elif shape == 1:
            d.ellipse([x0, y0, x1, y1], fill=_color(rng))
        elif shape == 2:
            d.line([x0, y0, x1, y1], fill=_color(rng), width=int(rng.integers(1, 12)))
        else:
            d.text(
                (x0, y0),
                _sentence(rng, 1, 6),
                fill=_color(rng),
                font=_font(int(rng.integers(9, 60))),
            )
    return "graphic_shapes_text", _rgb(np.asarray(im))


def _u_screenshot(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w, h = _rand_size(rng, 200, 1500)
    if rng.random() < 0.5:
        return "screenshot_desktop", _draw_desktop(rng, w, h)
    return "screenshot_phone", _draw_phone_chat(rng, min(w, h), max(w, h))


_UNMARKED_KINDS: tuple[
    tuple[float, Callable[[np.random.Generator], tuple[str, np.ndarray]]], ...
] = (
    (0.20, _u_photo),
    (0.10, _u_photo_flip_rescale),
    (0.12, _u_photo_jpeg),
    (0.22, _u_periodic),
    (0.08, _u_noise),
    (0.05, _u_flat),
    (0.07, _u_gradient),
    (0.08, _u_graphic),
    (0.08, _u_screenshot),
)


def unmarked(n: int = 10000, seed: int = 2026120708) -> Iterator[tuple[str, np.ndarray]]:
    """Lazily yield ``n`` (name, rgb) unmarked images; item i uses only
    ``np.random.default_rng([seed, i])``."""
    weights = np.array([k for k, _ in _UNMARKED_KINDS])
    cum = np.cumsum(weights / weights.sum())
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        j = min(int(np.searchsorted(cum, rng.random(), side="right")), len(cum) - 1)
        kind, img = _UNMARKED_KINDS[j][1](rng)
        yield f"unmarked_{i:05d}_{kind}", _rgb(img)


# ----------------------------------------------------------------------------------------
# edge cases
# ----------------------------------------------------------------------------------------


def edge_cases() -> list[tuple[str, np.ndarray]]:
    """About 20 awkward uint8 RGB arrays."""
    import cv2

    rng = np.random.default_rng(2026120709)
    out: list[tuple[str, np.ndarray]] = []
    out.append(("1x1_red", np.array([[[200, 30, 40]]], dtype=np.uint8)))
    out.append(("1x1_white", np.full((1, 1, 3), 255, np.uint8)))
    out.append(("2x3_random", rng.integers(0, 256, (2, 3, 3), dtype=np.uint8)))
    out.append(("8x8_random", rng.integers(0, 256, (8, 8, 3), dtype=np.uint8)))
    out.append(("16x16_photo", _resize(_source("astronaut"), 16, 16, cv2.INTER_AREA)))
    out.append(("31x33_random", rng.integers(0, 256, (31, 33, 3), dtype=np.uint8)))
    out.append(("63x200_photo", _resize(_source("coffee"), 200, 63, cv2.INTER_AREA)))
    out.append(("200x63_photo", _resize(_source("rocket"), 63, 200, cv2.INTER_AREA)))
    out.append(("4000x3000_photo", _resize(_source("china"), 4000, 3000, cv2.INTER_CUBIC)))
    out.append(("strip_1x500", _resize(_source("chelsea"), 500, 1, cv2.INTER_AREA)))
    out.append(("strip_777x1", _resize(_source("flower"), 1, 777, cv2.INTER_AREA)))
    out.append(("strip_1x4096_random", rng.integers(0, 256, (1, 4096, 3), dtype=np.uint8)))
    out.append(("extreme_7x3000", _resize(_source("china"), 3000, 7, cv2.INTER_AREA)))
    out.append(("extreme_3000x9", _resize(_source("rocket"), 9, 3000, cv2.INTER_CUBIC)))
    out.append(("one_colour_grey_512", np.full((512, 512, 3), 128, np.uint8)))
    out.append(("one_colour_black_300x417", np.zeros((300, 417, 3), np.uint8)))
    out.append(
        (
            "one_colour_teal_256",
            np.ascontiguousarray(np.broadcast_to(np.array([0, 128, 128], np.uint8), (256, 256, 3))),
        )
    )
    out.append(("near_constant_128_pm1_640x480", _f2u(128 + rng.integers(-1, 2, (480, 640, 3)))))
    out.append(("near_constant_black_0to1_512", _f2u(rng.integers(0, 2, (512, 512, 3)))))
    out.append(
        ("near_constant_white_254to255_333x500", _f2u(rng.integers(254, 256, (333, 500, 3))))
    )
    checker = ((np.add.outer(np.arange(257), np.arange(257)) % 2) * 255).astype(np.uint8)
    out.append(("pixel_checker_257", _rgb(checker)))
    prim = np.zeros((96, 96, 3), np.uint8)
    prim[:48, :48] = (255, 0, 0)
    prim[:48, 48:] = (0, 255, 0)
    prim[48:, :48] = (0, 0, 255)
    prim[48:, 48:] = (255, 255, 0)
    out.append(("saturated_primaries_96", prim))
    return [(n, _rgb(a)) for n, a in out]


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def edge_case_files() -> list[tuple[str, bytes]]:
    """About 20 awkward encoded files."""
    import cv2
    from PIL import Image

    rng = np.random.default_rng(2026120710)
    base = _resize(_source("chelsea"), 192, 128, cv2.INTER_AREA)
    pil = Image.fromarray(base)

    def enc(im: Image.Image, fmt: str, **kw: Any) -> bytes:
        buf = io.BytesIO()
        im.save(buf, format=fmt, **kw)
        return buf.getvalue()

    out: list[tuple[str, bytes]] = []
    out.append(("zero_byte.png", b""))
    out.append(("random_bytes.png", rng.integers(0, 256, 1531, dtype=np.uint8).tobytes()))
    out.append(("text_not_image.jpg", b"This is not an image, just some text.\n" * 8))
    png = enc(pil, "PNG")
    jpg = enc(pil, "JPEG", quality=85)
    out.append(("truncated.png", png[: len(png) // 2]))
    out.append(("truncated.jpg", jpg[: int(len(jpg) * 0.6)]))
    ok, png16 = cv2.imencode(
        ".png",
        (base[:, :, ::-1].astype(np.uint16) * 257 + rng.integers(0, 200, base.shape)).astype(
            np.uint16
        ),
    )
    out.append(("rgb_16bit.png", png16.tobytes() if ok else b""))
    grey16 = (_luma(base) * 257).astype(np.uint16)
    ok, pngg16 = cv2.imencode(".png", grey16)
    out.append(("grey_16bit.png", pngg16.tobytes() if ok else b""))
    rgba = np.dstack([base, np.tile(np.linspace(0, 255, 192, dtype=np.uint8), (128, 1))])
    out.append(("rgba_alpha_gradient.png", enc(Image.fromarray(rgba), "PNG")))
    clear = np.dstack([base, np.zeros((128, 192), np.uint8)])
    out.append(("rgba_fully_transparent.png", enc(Image.fromarray(clear), "PNG")))
    pal = pil.quantize(colors=37)
    out.append(("palette.png", enc(pal, "PNG", transparency=3)))
    out.append(("greyscale_L.png", enc(pil.convert("L"), "PNG")))
    out.append(("greyscale_LA.png", enc(pil.convert("LA"), "PNG")))
    out.append(("bilevel_1bit.png", enc(pil.convert("1"), "PNG")))
    out.append(("greyscale.jpg", enc(pil.convert("L"), "JPEG", quality=80)))
    out.append(("cmyk.jpg", enc(pil.convert("CMYK"), "JPEG", quality=88)))
    out.append(("progressive.jpg", enc(pil, "JPEG", quality=77, progressive=True)))
    exif = Image.Exif()
    exif[0x0112] = 6
    out.append(("exif_orientation_6.jpg", enc(pil, "JPEG", quality=83, exif=exif.tobytes())))
    frames = [Image.fromarray(_a_rotate(base, 12.0 * k)).convert("P") for k in range(4)]
    buf = io.BytesIO()
    frames[0].save(buf, format="GIF", save_all=True, append_images=frames[1:], duration=90, loop=0)
    out.append(("animated.gif", buf.getvalue()))
    out.append(("rgb_lzw.tiff", enc(pil, "TIFF", compression="tiff_lzw")))
    buf = io.BytesIO()
    pil.save(buf, format="TIFF", save_all=True, append_images=[pil.convert("L"), pil.rotate(90)])
    out.append(("multipage.tiff", buf.getvalue()))
    out.append(("rgb.bmp", enc(pil, "BMP")))
    out.append(("lossless_rgba.webp", enc(Image.fromarray(rgba), "WEBP", lossless=True)))
    ihdr = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    huge = (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 3001))
        + _png_chunk(b"IEND", b"")
    )
    out.append(("huge_declared_100000x100000.png", huge))
    bad = bytearray(png)
    bad[29] ^= 0xFF  # the IHDR chunk's CRC
    out.append(("bad_ihdr_crc.png", bytes(bad)))
    out.append(("trailing_garbage.png", png + rng.integers(0, 256, 777, dtype=np.uint8).tobytes()))
    return out
