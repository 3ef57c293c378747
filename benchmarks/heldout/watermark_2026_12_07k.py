"""Blind held-out test set for the invisible image watermark, round 2026-12-07k.

PROVENANCE
    Written by an independent tester who has not seen the watermark's design. Read while
    writing it, and nothing else of the repository: the files under safegen/backends/
    (__init__.py, base.py, builtin.py; diffusers_backend.py and gan.py were not opened),
    a name-only listing of safegen/builtin/, pyproject.toml and .gitignore. NOT opened,
    grepped, listed or imported: safegen/watermark/, docs/, tests/, README.md,
    benchmarks/ (apart from creating this one file), benchmarks/heldout/ (not even
    listed), any issue tracker, git history/log/diff/status. No watermark encoder or
    decoder was run. The package sample images were located with
    importlib.util.find_spec and their folders listed by name (skimage/data,
    sklearn/datasets/images). The built-in model was run through
    safegen.backends.builtin.BuiltinBackend exactly as builtin.py runs it; importing it
    imports safegen's own package __init__ files and safegen.policy.semantic (through
    BuiltinBackend.generate), which were not read. Slips, disclosed: (1) once, before it existed,
    `ls benchmarks/heldout/cache_k` was run to see whether this file's own cache folder
    was there (it named only that folder; benchmarks/heldout/ itself was never listed);
    (2) after generating, the names of loaded modules starting with "safegen" were
    printed once to confirm that no safegen.watermark module had been imported (none
    was). The only things written under benchmarks/heldout/ are this file and cache_k/,
    the generated-image cache this file writes. `ruff format` was run on this file.

FROZEN
    This file is never edited, not even for style: its sha256 is its identity. A changed
    set is a new file with a new ROUND. The cached generated images in CACHE_DIR are
    derived data; they are regenerated from the prompts and seeds below when missing.

SOURCES
    Real photographs: sample images shipped inside installed packages, read from disk
    (scikit-image's skimage/data, scikit-learn's sklearn/datasets/images), located with
    importlib.util.find_spec without importing those packages. Generated images: the
    project's built-in offline text-to-image model (256x256). Everything else (UI
    screenshots, charts, illustrations, textures, noise, edge cases, encoded files) is
    drawn here with numpy, OpenCV and Pillow from fixed seeds. Only numpy, cv2, Pillow
    and the standard modules hashlib, io, importlib, pathlib, itertools, math, sys and
    typing are used (plus the project's built-in backend, only to fill the cache).

INTERFACE
    ROUND, CACHE_DIR
    images() -> list[(name, image_class, rgb)]; image_class in photo, generated,
        graphic, screenshot; rgb a C-contiguous uint8 (H, W, 3) array.
    attacks() -> list[(name, fn)]; fn(rgb) -> new C-contiguous uint8 (H', W', 3) array,
        deterministic; the first attack is "none" (a copy).
    unmarked(n=10000, seed=2026120711) -> iterator of (name, rgb); item i depends only
        on np.random.default_rng([seed, i]) and the fixed package sample images.
    edge_cases() -> list[(name, rgb)]: awkward uint8 RGB arrays.
    edge_case_files() -> list[(name, bytes)]: awkward encoded files, byte-identical on
        every run (with the same Pillow / OpenCV builds).

IMAGES (26)
    photo (16): astronaut portrait crop x1.15; chelsea upscaled x1.55; coffee darkened;
    rocket brightened; motorcycle left+right panorama strip 2048x387; camera grey 384;
    moon low-contrast; grass tinted busy texture 700; gravel crop 260x400 grey; brick
    rotated, sepia, 448; ihc crop 330; coins upscaled x2 (grey); hubble deep field crop
    (dark); retina portrait crop 910x1210; china upscaled to 2048x1366; flower portrait
    crop x0.9.
    generated (6): built-in model, landscape prompts with seeds (see _GENERATED).
    screenshot (2): desktop settings window 1280x800; dark mobile chat 750x1334.
    graphic (2): bar/line chart 960x600; flat-colour landscape logo 640x640.

ATTACKS (75, of which 16 combinations "c_*")
    none; flip_h, flip_v;
    stretch (6): stretch_x110, squeeze_y88 (kept), stretch_y115_fit, squeeze_x86_fit
        (fitted back into the original frame), stretch_x113_crop, stretch_y107_crop
        (cropped back to the original size);
    crop (7): crop_c95, crop_c75, crop_c55_back, crop_tl70, crop_br85_back,
        crop_w90h60_off, crop_w55h92_back;
    rotate (6): rot_p3_black, rot_m7_white, rot_p10_reflect, rot_m2_expand,
        rot_p5_fill, rot_m10_fill_back;
    pad (5): pad_u8_black, letterbox_20, pillarbox_15_back, pad_asym_blue,
        border_4_grey_back;
    jpeg (6): jpeg_q30_420, jpeg_q45_444, jpeg_q60_420, jpeg_q75_444, jpeg_q85_420,
        jpeg_q90_444;  webp (3): webp_q50, webp_q72, webp_q90;
    scale (5): down040_area, down065_linear, up125_nearest, up150_lanczos, up200_cubic;
    chains (3): social_chain (crop 90% off-centre, long side 1080, JPEG 75),
        messaging_chain (x0.6, JPEG 60), messaging_chain_x2;
    screen capture (4): screen_browser_640, screen_browser_native, screen_browser_420d,
        screen_phone_1080;
    photometric (11): blur_g1_2, sharpen_usm, noise_gauss5, bright_p28, bright_m32,
        contrast_072, contrast_130, gamma_075, gamma_145, sat_050, greyscale;
    combinations (16): c_crop80_jpeg60, c_flip_crop85_webp75, c_rot4_down070,
        c_pad10_jpeg70, c_crop65back_jpeg50_444, c_down050_jpeg80,
        c_bright_contrast_jpeg75, c_flipv_rotm3_fill, c_stretchx108_jpeg65,
        c_sharpen_webp60, c_blur_noise_jpeg85, c_grey_crop90_jpeg70,
        c_gamma_sat_up150_webp80, c_letterbox_down060_jpeg72, c_rotm6_expand_pad_jpeg80,
        c_phone720_jpeg80.

UNMARKED
    Categories by fixed weights: photo 0.36 (random crops, flips, 90-degree turns,
    rescales with random interpolation, gamma/saturation jitter and JPEG/WebP
    recompression of the package photographs), texture 0.20 (bricks, woven fabric,
    halftone mono/colour, stripes sine/square, checkerboards, grids; random periods and
    angles), noise 0.10 (gaussian colour, uniform, salt and pepper, value noise, 1/f
    noise, binary), flat 0.10 (flat colour, near-flat, linear, radial, bilinear and
    posterised gradients), graphic 0.12 (bar/line/pie charts, logos, posters, diagrams
    with text), screenshot 0.12 (settings windows, web pages, chats, code editors,
    tables). Sides 96..1100 px.

EDGE CASES
    Arrays: 1x1, 2x2, 3x3, 1-px strips both ways, 2x900, 64x2048 and 2048x64 strips, a
    3000x4000 photo, flat black/white/grey/red, near-flat (+-1), a 4-level gradient,
    binary noise (grey and colour), checkerboards (1, 2, 8 colour, 32 px), 1-px stripes
    both ways, uniform full-range noise, saturated primaries, small photos (16x16, 63x95,
    95x95, 97x101), 257x513.
    Files: 16-bit PNG RGB and grey; RGBA PNG with transparency; palette PNG with tRNS;
    1-bit PNG; greyscale PNG; grey+alpha PNG; PNG with an sRGB ICC profile (date pinned
    to 2026-12-07 00:00:00); a PNG whose IHDR declares 50000x50000 (little data); a true
    compact bomb (1-bit 20000x20000, all zero, hand-made deflate); PNGs with bad IDAT and
    IHDR CRCs; a truncated PNG and JPEG; CMYK JPEG; progressive JPEG; greyscale JPEG;
    JPEGs with EXIF orientation 6 and 8; animated GIF; animated WebP; lossless WebP with
    alpha; TIFF LZW; 16-bit TIFF grey and RGB; multi-page TIFF; 24-bit BMP.
"""

import hashlib
import importlib
import importlib.util
import io
import itertools
import math
import sys
from pathlib import Path
from typing import Any, Callable, Iterator  # noqa: UP035 (the set's import list is fixed)

import cv2
import numpy as np
from PIL import Image, ImageCms, ImageDraw, ImageFont

ROUND = "2026-12-07k"
CACHE_DIR = Path(__file__).resolve().parent / "cache_k"

Array = np.ndarray

# --------------------------------------------------------------------------- basics


def _u8(x: Any) -> Array:
    """Round, clip and make a C-contiguous uint8 array."""
    a = np.asarray(x)
    if a.dtype != np.uint8:
        a = np.clip(np.rint(a.astype(np.float32)), 0, 255).astype(np.uint8)
    return np.ascontiguousarray(a)


def _rgb3(a: Array) -> Array:
    a = np.asarray(a)
    if a.ndim == 2:
        a = np.repeat(a[:, :, None], 3, axis=2)
    elif a.shape[2] == 1:
        a = np.repeat(a, 3, axis=2)
    elif a.shape[2] > 3:
        a = a[:, :, :3]
    return _u8(a)


def _finish(out: Array, src: Array) -> Array:
    out = _rgb3(out)
    if out.shape[0] < 1 or out.shape[1] < 1:
        out = np.zeros((1, 1, 3), np.uint8)
    if np.shares_memory(out, src):
        out = out.copy()
    return np.ascontiguousarray(out)


def _resize(rgb: Array, w: float, h: float, interp: int = cv2.INTER_AREA) -> Array:
    w = max(1, int(round(w)))
    h = max(1, int(round(h)))
    if rgb.shape[0] == h and rgb.shape[1] == w:
        return rgb.copy()
    return np.ascontiguousarray(cv2.resize(rgb, (w, h), interpolation=interp))


def _auto_interp(scale: float) -> int:
    return cv2.INTER_AREA if scale < 1.0 else cv2.INTER_CUBIC


def _pil(rgb: Array) -> Image.Image:
    return Image.fromarray(np.ascontiguousarray(rgb, dtype=np.uint8))


def _np(im: Image.Image) -> Array:
    return _u8(np.asarray(im.convert("RGB")))


# --------------------------------------------------------------------------- samples

_SAMPLE_FILES = {
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
    "china": ("sklearn", "datasets/images/china.jpg"),
    "flower": ("sklearn", "datasets/images/flower.jpg"),
}
_PHOTO_KEYS = tuple(sorted(_SAMPLE_FILES))
_SAMPLE_CACHE: dict[str, Array] = {}
_FONT_CACHE: dict[int, Any] = {}


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"package {name!r} is not installed; it holds the sample photos")
    return Path(list(spec.submodule_search_locations)[0])


def _sample(key: str) -> Array:
    """A package sample photo as a read-only RGB uint8 array (cached)."""
    arr = _SAMPLE_CACHE.get(key)
    if arr is None:
        pkg, rel = _SAMPLE_FILES[key]
        with Image.open(_package_dir(pkg) / rel) as im:
            im.load()
            if im.mode in ("RGBA", "LA", "P", "PA"):
                rgba = im.convert("RGBA")
                white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
                im2 = Image.alpha_composite(white, rgba).convert("RGB")
            else:
                im2 = im.convert("RGB")
            arr = _u8(np.asarray(im2))
        arr.flags.writeable = False
        _SAMPLE_CACHE[key] = arr
    return arr


def _font(size: float) -> Any:
    size = max(6, int(round(size)))
    f = _FONT_CACHE.get(size)
    if f is None:
        f = ImageFont.load_default(size)
        _FONT_CACHE[size] = f
    return f


_WORDS = (
    "account settings profile privacy network display sound storage battery update "
    "search gallery photos upload share download album river mountain valley harbour "
    "weekend morning evening report summary revenue quarter growth users active daily "
    "weekly monthly total average north south east west export import cancel apply "
    "save open close edit view help window message reply forward delete archive inbox "
    "draft sent calendar meeting notes project review budget travel ticket order "
    "payment invoice status pending complete error warning notice system kernel memory "
    "process thread server client request response latency cache token session"
).split()


def _words(rng: np.random.Generator, n: int) -> str:
    idx = rng.integers(0, len(_WORDS), max(1, int(n)))
    return " ".join(_WORDS[int(k)] for k in idx)


def _rand_colour(rng: np.random.Generator, lo: int = 0, hi: int = 256) -> tuple[int, int, int]:
    c = rng.integers(lo, hi, 3)
    return (int(c[0]), int(c[1]), int(c[2]))


def _text_block(
    d: ImageDraw.ImageDraw,
    rng: np.random.Generator,
    x: float,
    y: float,
    w: float,
    y_max: float,
    size: float,
    fill: tuple[int, int, int],
    lines: int = 6,
) -> float:
    """Draw wrapped random words; returns the y after the block."""
    f = _font(size)
    step = max(8, int(size * 1.45))
    chars = max(3, int(w / max(3.0, size * 0.55)))
    for _ in range(lines):
        if y + step > y_max:
            break
        line = _words(rng, max(1, chars // 6))
        line = line[:chars]
        d.text((int(x), int(y)), line, font=f, fill=fill)
        y += step
    return y


# --------------------------------------------------------------------------- drawings


def _draw_screenshot(
    rng: np.random.Generator, w: int, h: int, style: str | None = None, dark: bool | None = None
) -> Array:
    styles = ("settings", "webpage", "chat", "editor", "table")
    if style is None:
        style = styles[int(rng.integers(len(styles)))]
    if dark is None:
        dark = bool(rng.random() < 0.35)
    if dark:
        bg, fg, panel, muted = (30, 31, 36), (225, 228, 232), (44, 46, 54), (140, 146, 156)
    else:
        bg, fg, panel, muted = (250, 250, 252), (28, 30, 36), (236, 238, 243), (120, 126, 136)
    accent = _rand_colour(rng, 30, 220)
    im = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(im)
    fs = float(np.clip(min(w, h) / 32.0, 8, 22))
    bar = int(max(10, fs * 2))
    # window title bar
    d.rectangle([0, 0, w, bar], fill=panel)
    for k, col in enumerate(((237, 95, 87), (245, 190, 60), (98, 200, 85))):
        cx = int(fs * (1 + 1.3 * k))
        r = max(2, int(fs * 0.4))
        d.ellipse([cx - r, bar // 2 - r, cx + r, bar // 2 + r], fill=col)
    d.text((int(fs * 5), int(bar * 0.2)), _words(rng, 3).title(), font=_font(fs * 0.9), fill=fg)
    top = bar + 1
    if style == "settings":
        side = int(w * 0.26)
        d.rectangle([0, top, side, h], fill=panel)
        y = top + fs
        for k in range(30):
            if y + fs * 2 > h:
                break
            if k == int(rng.integers(0, 6)):
                d.rectangle([4, int(y - fs * 0.3), side - 4, int(y + fs * 1.3)], fill=accent)
            d.text((int(fs), int(y)), _words(rng, 1).title(), font=_font(fs), fill=fg)
            y += fs * 2.1
        x0 = side + fs * 1.5
        d.text((int(x0), int(top + fs)), _words(rng, 2).title(), font=_font(fs * 1.6), fill=fg)
        y = top + fs * 4
        while y + fs * 2.5 < h:
            d.text((int(x0), int(y)), _words(rng, 3).capitalize(), font=_font(fs), fill=fg)
            kind = int(rng.integers(3))
            xr = w - fs * 5
            if kind == 0:  # toggle
                on = bool(rng.random() < 0.5)
                d.rounded_rectangle(
                    [int(xr), int(y), int(xr + fs * 2.6), int(y + fs * 1.3)],
                    radius=int(fs * 0.65),
                    fill=accent if on else muted,
                )
                cx = xr + (fs * 1.95 if on else fs * 0.65)
                d.ellipse(
                    [
                        int(cx - fs * 0.5),
                        int(y + fs * 0.15),
                        int(cx + fs * 0.5),
                        int(y + fs * 1.15),
                    ],
                    fill=(255, 255, 255),
                )
            elif kind == 1:  # text field
                xf = w * 0.6
                d.rectangle(
                    [int(xf), int(y - 2), int(w - fs), int(y + fs * 1.4)], outline=muted, fill=bg
                )
                d.text((int(xf + 4), int(y)), _words(rng, 2), font=_font(fs * 0.9), fill=muted)
            else:  # checkbox
                d.rectangle(
                    [int(xr), int(y), int(xr + fs * 1.2), int(y + fs * 1.2)],
                    outline=fg,
                    width=max(1, int(fs / 8)),
                )
                if rng.random() < 0.5:
                    d.line(
                        [
                            int(xr + 2),
                            int(y + fs * 0.6),
                            int(xr + fs * 0.5),
                            int(y + fs),
                            int(xr + fs * 1.1),
                            int(y + 2),
                        ],
                        fill=accent,
                        width=max(1, int(fs / 6)),
                    )
            d.line([int(x0), int(y + fs * 1.9), int(w - fs), int(y + fs * 1.9)], fill=panel)
            y += fs * 2.6
        bw = fs * 6
        d.rounded_rectangle(
            [int(w - bw - fs), int(h - fs * 2.6), int(w - fs), int(h - fs * 0.6)],
            radius=int(fs / 3),
            fill=accent,
        )
        d.text((int(w - bw), int(h - fs * 2.3)), "Apply", font=_font(fs), fill=(255, 255, 255))
    elif style == "webpage":
        d.rectangle([0, top, w, top + bar * 1.4], fill=panel)
        d.rounded_rectangle(
            [int(fs * 4), int(top + bar * 0.2), int(w - fs * 3), int(top + bar * 1.2)],
            radius=int(bar / 2),
            fill=bg,
        )
        d.text(
            (int(fs * 5), int(top + bar * 0.35)),
            "https://www." + _words(rng, 1) + ".org/" + _words(rng, 2).replace(" ", "/"),
            font=_font(fs * 0.8),
            fill=muted,
        )
        y = top + bar * 1.4
        d.rectangle([0, int(y), w, int(y + fs * 2.6)], fill=accent)
        xx = fs
        for _ in range(6):
            d.text(
                (int(xx), int(y + fs * 0.7)),
                _words(rng, 1).title(),
                font=_font(fs),
                fill=(255, 255, 255),
            )
            xx += fs * 7
        y += fs * 4
        main_w = w * (0.66 if w > 300 else 0.95)
        d.text((int(fs), int(y)), _words(rng, 4).title(), font=_font(fs * 1.8), fill=fg)
        y += fs * 3
        while y < h - fs * 2:
            if rng.random() < 0.25:
                ph = min(h - y - fs, fs * float(rng.uniform(5, 10)))
                c1 = np.array(_rand_colour(rng, 40, 230), np.float32)
                c2 = np.array(_rand_colour(rng, 40, 230), np.float32)
                t = np.linspace(0, 1, max(1, int(main_w - 2 * fs)), dtype=np.float32)[None, :, None]
                grad = c1 * (1 - t) + c2 * t
                block = np.repeat(grad, max(1, int(ph)), axis=0)
                im.paste(Image.fromarray(_u8(block)), (int(fs), int(y)))
                y += ph + fs
            else:
                y = (
                    _text_block(
                        d, rng, fs, y, main_w - fs, h - fs, fs * 0.95, fg, int(rng.integers(2, 6))
                    )
                    + fs * 0.8
                )
        if w > 300:
            xs = main_w + fs
            ys = top + bar * 1.4 + fs * 4
            while ys + fs * 8 < h:
                d.rounded_rectangle(
                    [int(xs), int(ys), int(w - fs), int(ys + fs * 7)],
                    radius=int(fs / 2),
                    fill=panel,
                )
                _text_block(
                    d,
                    rng,
                    xs + fs * 0.5,
                    ys + fs * 0.5,
                    w - xs - 2 * fs,
                    ys + fs * 6.5,
                    fs * 0.85,
                    fg,
                    4,
                )
                ys += fs * 8
    elif style == "chat":
        d.rectangle([0, top, w, top + fs * 3.2], fill=accent)
        r = fs
        d.ellipse(
            [
                int(fs * 0.6),
                int(top + fs * 0.6),
                int(fs * 0.6 + 2 * r),
                int(top + fs * 0.6 + 2 * r),
            ],
            fill=(255, 255, 255),
        )
        d.text(
            (int(fs * 3.2), int(top + fs)),
            _words(rng, 2).title(),
            font=_font(fs * 1.1),
            fill=(255, 255, 255),
        )
        y = top + fs * 4.2
        bottom = h - fs * 3.2
        while y + fs * 3 < bottom:
            n_lines = int(rng.integers(1, 4))
            bh = fs * (0.6 + 1.4 * n_lines)
            bw = w * float(rng.uniform(0.35, 0.72))
            mine = bool(rng.random() < 0.5)
            x0 = w - bw - fs if mine else fs
            fill = accent if mine else panel
            tcol = (255, 255, 255) if mine else fg
            d.rounded_rectangle(
                [int(x0), int(y), int(x0 + bw), int(min(bottom, y + bh))],
                radius=int(fs * 0.8),
                fill=fill,
            )
            _text_block(
                d,
                rng,
                x0 + fs * 0.6,
                y + fs * 0.3,
                bw - fs * 1.2,
                min(bottom, y + bh),
                fs,
                tcol,
                n_lines,
            )
            y += bh + fs * 0.8
        d.rectangle([0, int(bottom), w, h], fill=panel)
        d.rounded_rectangle(
            [int(fs), int(bottom + fs * 0.5), int(w - fs * 4), int(h - fs * 0.5)],
            radius=int(fs),
            fill=bg,
        )
        d.text((int(fs * 1.8), int(bottom + fs * 1.0)), "Message", font=_font(fs), fill=muted)
        d.ellipse(
            [int(w - fs * 3.2), int(bottom + fs * 0.4), int(w - fs * 0.6), int(h - fs * 0.4)],
            fill=accent,
        )
    elif style == "editor":
        ebg = (30, 30, 30) if dark else (253, 253, 250)
        d.rectangle([0, top, w, h], fill=ebg)
        d.rectangle([0, top, w, top + fs * 1.8], fill=panel)
        xx = 0.0
        for _ in range(4):
            tw = fs * float(rng.uniform(5, 9))
            d.rectangle([int(xx), int(top), int(xx + tw), int(top + fs * 1.8)], outline=muted)
            d.text(
                (int(xx + fs * 0.5), int(top + fs * 0.3)),
                _words(rng, 1) + ".py",
                font=_font(fs * 0.85),
                fill=fg,
            )
            xx += tw
        y = top + fs * 2.4
        line_no = 1
        palette = [(86, 156, 214), (206, 145, 120), (181, 206, 168), (197, 134, 192), fg]
        step = fs * 1.4
        while y + step < h - fs * 1.5:
            d.text((int(fs * 0.4), int(y)), f"{line_no:3d}", font=_font(fs * 0.85), fill=muted)
            x = fs * 3 + fs * 1.2 * int(rng.integers(0, 4))
            for _ in range(int(rng.integers(0, 6))):
                tok = _WORDS[int(rng.integers(len(_WORDS)))]
                col = palette[int(rng.integers(len(palette)))]
                d.text((int(x), int(y)), tok, font=_font(fs * 0.9), fill=col)
                x += fs * 0.55 * (len(tok) + 1)
                if x > w:
                    break
            y += step
            line_no += 1
        d.rectangle([0, int(h - fs * 1.4), w, h], fill=accent)
        d.text(
            (int(fs), int(h - fs * 1.25)),
            "Ln 12, Col 4  UTF-8  Python",
            font=_font(fs * 0.8),
            fill=(255, 255, 255),
        )
    else:  # table
        cols = int(rng.integers(3, 7))
        y = top + fs
        d.text((int(fs), int(y)), _words(rng, 2).title(), font=_font(fs * 1.4), fill=fg)
        y += fs * 2.5
        rowh = fs * 1.9
        cw = (w - 2 * fs) / cols
        d.rectangle([int(fs), int(y), int(w - fs), int(y + rowh)], fill=accent)
        for c in range(cols):
            d.text(
                (int(fs + c * cw + 4), int(y + fs * 0.4)),
                _words(rng, 1).title(),
                font=_font(fs * 0.9),
                fill=(255, 255, 255),
            )
        y += rowh
        r = 0
        while y + rowh < h - fs:
            if r % 2:
                d.rectangle([int(fs), int(y), int(w - fs), int(y + rowh)], fill=panel)
            for c in range(cols):
                txt = _words(rng, 1) if c == 0 else f"{rng.integers(0, 99999):,}"
                d.text(
                    (int(fs + c * cw + 4), int(y + fs * 0.4)), txt, font=_font(fs * 0.85), fill=fg
                )
            y += rowh
            r += 1
        for c in range(1, cols):
            d.line([int(fs + c * cw), int(top + fs * 3.5), int(fs + c * cw), int(y)], fill=muted)
    return _np(im)


def _draw_graphic(rng: np.random.Generator, w: int, h: int, style: str | None = None) -> Array:
    styles = ("bar", "line", "pie", "logo", "poster", "diagram")
    if style is None:
        style = styles[int(rng.integers(len(styles)))]
    bg = (255, 255, 255) if rng.random() < 0.7 else _rand_colour(rng, 200, 256)
    im = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(im)
    fs = float(np.clip(min(w, h) / 28.0, 8, 28))
    pal = [_rand_colour(rng, 20, 235) for _ in range(6)]
    ink = (40, 40, 48)
    if style in ("bar", "line"):
        d.text((int(fs), int(fs * 0.5)), _words(rng, 3).title(), font=_font(fs * 1.3), fill=ink)
        x0, y0, x1, y1 = fs * 4, fs * 3, w - fs * 2, h - fs * 3
        if x1 - x0 < 4 or y1 - y0 < 4:
            x0, y0, x1, y1 = 1, 1, w - 2, h - 2
        for k in range(6):
            yy = y1 - (y1 - y0) * k / 5
            d.line([int(x0), int(yy), int(x1), int(yy)], fill=(220, 220, 226))
            d.text((int(fs * 0.3), int(yy - fs * 0.5)), f"{k * 20}", font=_font(fs * 0.8), fill=ink)
        d.line(
            [int(x0), int(y0), int(x0), int(y1), int(x1), int(y1)],
            fill=ink,
            width=max(1, int(fs / 8)),
        )
        n = int(rng.integers(4, 11))
        series = int(rng.integers(1, 4))
        vals = rng.uniform(0.1, 1.0, (series, n))
        slot = (x1 - x0) / n
        for i in range(n):
            d.text(
                (int(x0 + slot * i + slot * 0.2), int(y1 + fs * 0.4)),
                _WORDS[(i * 7) % len(_WORDS)][:3],
                font=_font(fs * 0.8),
                fill=ink,
            )
        if style == "bar":
            bw = slot * 0.8 / series
            for s in range(series):
                for i in range(n):
                    xa = x0 + slot * i + slot * 0.1 + bw * s
                    ya = y1 - (y1 - y0) * vals[s, i]
                    d.rectangle(
                        [int(xa), int(ya), max(int(xa), int(xa + bw - 1)), int(y1)], fill=pal[s]
                    )
        else:
            for s in range(series):
                pts = [
                    (int(x0 + slot * (i + 0.5)), int(y1 - (y1 - y0) * vals[s, i])) for i in range(n)
                ]
                d.line(pts, fill=pal[s], width=max(1, int(fs / 5)))
                for p in pts:
                    r = max(2, int(fs / 4))
                    d.ellipse([p[0] - r, p[1] - r, p[0] + r, p[1] + r], fill=pal[s])
        for s in range(series):
            lx = x1 - fs * 8
            ly = y0 + fs * 1.4 * s
            d.rectangle([int(lx), int(ly), int(lx + fs), int(ly + fs)], fill=pal[s])
            d.text((int(lx + fs * 1.4), int(ly)), _words(rng, 1), font=_font(fs * 0.85), fill=ink)
    elif style == "pie":
        r = min(w, h) * 0.36
        cx, cy = w * 0.38, h * 0.55
        vals = rng.uniform(0.2, 1.0, int(rng.integers(3, 7)))
        ang = np.concatenate([[0.0], np.cumsum(vals / vals.sum()) * 360.0])
        for k in range(len(vals)):
            d.pieslice(
                [int(cx - r), int(cy - r), int(cx + r), int(cy + r)],
                float(ang[k]),
                float(ang[k + 1]),
                fill=pal[k % 6],
                outline=bg,
            )
            d.rectangle(
                [
                    int(w * 0.78),
                    int(fs * (2 + 1.6 * k)),
                    int(w * 0.78 + fs),
                    int(fs * (3 + 1.6 * k)),
                ],
                fill=pal[k % 6],
            )
            d.text(
                (int(w * 0.78 + fs * 1.4), int(fs * (2 + 1.6 * k))),
                _words(rng, 1),
                font=_font(fs * 0.8),
                fill=ink,
            )
        d.text((int(fs), int(fs * 0.5)), _words(rng, 2).title(), font=_font(fs * 1.3), fill=ink)
    elif style == "logo":
        sky = pal[0]
        d.rectangle([0, 0, w, h], fill=sky)
        sr = min(w, h) * float(rng.uniform(0.08, 0.16))
        sx, sy = w * float(rng.uniform(0.2, 0.8)), h * float(rng.uniform(0.15, 0.4))
        d.ellipse([int(sx - sr), int(sy - sr), int(sx + sr), int(sy + sr)], fill=pal[1])
        for layer in range(3):
            base = h * (0.55 + 0.12 * layer)
            pts = [(0, h)]
            xs = np.linspace(0, w, int(rng.integers(4, 9)))
            for x in xs:
                pts.append((int(x), int(base - h * float(rng.uniform(0.0, 0.25)))))
            pts.append((w, h))
            d.polygon(pts, fill=pal[2 + layer])
        txt = _words(rng, 1).upper()
        d.text((int(w * 0.08), int(h * 0.82)), txt, font=_font(fs * 2.2), fill=(255, 255, 255))
    elif style == "poster":
        for _ in range(int(rng.integers(3, 8))):
            x, y = rng.uniform(0, w), rng.uniform(0, h)
            s = rng.uniform(0.1, 0.5) * min(w, h)
            shape = int(rng.integers(3))
            col = pal[int(rng.integers(6))]
            box = [int(x - s), int(y - s), int(x + s), int(y + s)]
            if shape == 0:
                d.ellipse(box, fill=col)
            elif shape == 1:
                d.rectangle(box, fill=col)
            else:
                d.polygon(
                    [(int(x), int(y - s)), (int(x + s), int(y + s)), (int(x - s), int(y + s))],
                    fill=col,
                )
        d.text((int(fs), int(h * 0.1)), _words(rng, 2).upper(), font=_font(fs * 2.4), fill=ink)
        _text_block(d, rng, fs, h * 0.7, w - 2 * fs, h - fs, fs, ink, 4)
    else:  # diagram
        boxes = []
        for _ in range(int(rng.integers(3, 7))):
            bw, bh = w * rng.uniform(0.15, 0.3), h * rng.uniform(0.1, 0.18)
            x, y = rng.uniform(0, max(1.0, w - bw)), rng.uniform(0, max(1.0, h - bh))
            boxes.append((x, y, bw, bh))
        for (xa, ya, wa, ha), (xb, yb, wb, hb) in itertools.pairwise(boxes):
            d.line(
                [int(xa + wa / 2), int(ya + ha / 2), int(xb + wb / 2), int(yb + hb / 2)],
                fill=ink,
                width=max(1, int(fs / 8)),
            )
        for k, (x, y, bw, bh) in enumerate(boxes):
            d.rounded_rectangle(
                [int(x), int(y), int(x + bw), int(y + bh)],
                radius=int(fs / 2),
                fill=pal[k % 6],
                outline=ink,
            )
            d.text(
                (int(x + fs * 0.4), int(y + fs * 0.4)),
                _words(rng, 1),
                font=_font(fs * 0.9),
                fill=ink,
            )
    return _np(im)


def _browser_capture(rgb: Array, disp_w: float, dark: bool, page_w: int = 1366) -> Array:
    """The picture shown inside a drawn browser page (a screen capture)."""
    h, w = rgb.shape[:2]
    scale = max(1e-6, disp_w / w)
    if h * scale > 1500:
        scale = 1500 / h
    dw, dh = max(1, int(round(w * scale))), max(1, int(round(h * scale)))
    pic = _resize(rgb, dw, dh, _auto_interp(scale))
    side = 320
    page_w = max(page_w, dw + side + 120)
    chrome, head, foot = 88, 110, 200
    page_h = chrome + head + dh + foot
    if dark:
        bg, fg, panel, muted = (32, 33, 36), (232, 234, 237), (53, 54, 58), (154, 160, 166)
    else:
        bg, fg, panel, muted = (255, 255, 255), (32, 33, 36), (222, 225, 230), (95, 99, 104)
    im = Image.new("RGB", (page_w, page_h), bg)
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, page_w, 40], fill=panel)
    for k, t in enumerate(("Weekend photo walk", "Inbox (3)", "Maps")):
        x = 80 + 230 * k
        d.rounded_rectangle([x, 6, x + 220, 40], radius=8, fill=bg if k == 0 else panel)
        d.text((x + 14, 14), t, font=_font(14), fill=fg)
    d.rectangle([0, 40, page_w, chrome], fill=bg)
    for k in range(3):
        d.ellipse([14 + 32 * k, 52, 38 + 32 * k, 76], outline=muted, width=2)
    d.rounded_rectangle([120, 48, page_w - 160, 80], radius=16, fill=panel)
    d.text(
        (140, 56),
        "https://www.example-gallery.net/photos/2026/12/old-harbour-4721",
        font=_font(15),
        fill=fg,
    )
    d.line([0, chrome - 1, page_w, chrome - 1], fill=panel)
    x0 = 60
    d.text((x0, chrome + 22), "Weekend photo walk: the old harbour", font=_font(30), fill=fg)
    d.text(
        (x0, chrome + 66),
        "Posted by m.keller  -  7 December 2026  -  3 min read",
        font=_font(15),
        fill=muted,
    )
    yp = chrome + head
    im.paste(_pil(pic), (x0, yp))
    rng = np.random.default_rng(4721)
    y = yp + dh + 16
    d.text(
        (x0, y), "Fig. 1  The harbour wall at low tide, looking north.", font=_font(14), fill=muted
    )
    _text_block(d, rng, x0, y + 34, dw, page_h - 8, 16, fg, 6)
    xs = x0 + dw + 50
    ys = chrome + head
    for _ in range(4):
        if ys + 130 > page_h:
            break
        d.rounded_rectangle([xs, ys, page_w - 40, ys + 120], radius=10, fill=panel)
        _text_block(d, rng, xs + 14, ys + 12, page_w - 40 - xs - 28, ys + 112, 14, fg, 5)
        ys += 140
    return _np(im)


def _phone_capture(rgb: Array, dev_w: int, dark: bool) -> Array:
    """The picture in a drawn social-media feed on a phone screen (a screen capture)."""
    h, w = rgb.shape[:2]
    s = dev_w / 1080.0
    dev_h = int(round(dev_w * 2340 / 1080))
    status, appbar, posthead = int(66 * s), int(140 * s), int(150 * s)
    y_pic = status + appbar + posthead
    max_ph = max(1, dev_h - y_pic - int(420 * s))
    scale = dev_w / w
    if h * scale > max_ph:
        scale = max_ph / h
    dw, dh = max(1, int(round(w * scale))), max(1, int(round(h * scale)))
    pic = _resize(rgb, dw, dh, _auto_interp(scale))
    if dark:
        bg, fg, panel, muted = (0, 0, 0), (245, 245, 245), (38, 38, 38), (168, 168, 168)
    else:
        bg, fg, panel, muted = (255, 255, 255), (38, 38, 38), (239, 239, 239), (115, 115, 115)
    im = Image.new("RGB", (dev_w, dev_h), bg)
    d = ImageDraw.Draw(im)
    d.text((int(40 * s), int(14 * s)), "9:41", font=_font(34 * s), fill=fg)
    d.rectangle(
        [dev_w - int(120 * s), int(22 * s), dev_w - int(50 * s), int(46 * s)],
        outline=fg,
        width=max(1, int(3 * s)),
    )
    d.text((int(36 * s), status + int(40 * s)), "Picturegram", font=_font(54 * s), fill=fg)
    yh = status + appbar
    r = int(44 * s)
    d.ellipse(
        [int(30 * s), yh + int(30 * s), int(30 * s) + 2 * r, yh + int(30 * s) + 2 * r],
        fill=(214, 41, 118),
    )
    d.text((int(140 * s), yh + int(40 * s)), "harbour.walks", font=_font(34 * s), fill=fg)
    d.text((int(140 * s), yh + int(84 * s)), "Old Town", font=_font(28 * s), fill=muted)
    im.paste(_pil(pic), ((dev_w - dw) // 2, y_pic))
    ya = y_pic + dh + int(24 * s)
    for k in range(3):
        cx = int((60 + 100 * k) * s)
        d.ellipse(
            [cx - int(30 * s), ya, cx + int(30 * s), ya + int(60 * s)],
            outline=fg,
            width=max(1, int(4 * s)),
        )
    d.text((int(36 * s), ya + int(90 * s)), "1,284 likes", font=_font(32 * s), fill=fg)
    rng = np.random.default_rng(1080)
    _text_block(d, rng, 36 * s, ya + 140 * s, dev_w - 72 * s, dev_h - 150 * s, 30 * s, fg, 3)
    d.rectangle([0, dev_h - int(140 * s), dev_w, dev_h], fill=panel)
    for k in range(5):
        cx = int(dev_w * (k + 0.5) / 5)
        d.rectangle(
            [cx - int(26 * s), dev_h - int(96 * s), cx + int(26 * s), dev_h - int(44 * s)],
            outline=fg,
            width=max(1, int(4 * s)),
        )
    return _np(im)


# --------------------------------------------------------------------------- images

_GENERATED = (
    ("misty mountain valley at dawn with a winding river", 7311),
    ("sunset over a calm lake with dark pine trees on the shore", 90210),
    ("snowy peaks under a clear blue sky at noon", 4242),
    ("rolling green hills with scattered trees on a cloudy afternoon", 12),
    ("desert canyon at dusk with an orange sky", 555001),
    ("night sky over a dark forest and a still pond", 31337),
)
_BACKEND: list[Any] = []


def _generated(idx: int, prompt: str, seed: int) -> Array:
    path = CACHE_DIR / f"gen{idx}_{seed}.png"
    if not path.exists():
        if not _BACKEND:
            builtin = importlib.import_module("safegen.backends.builtin")
            _BACKEND.append(builtin.BuiltinBackend(threads=1))
        base = importlib.import_module("safegen.backends.base")
        request = base.BackendRequest(prompt=prompt, negative_prompt=None, seeds=(seed,))
        img = _BACKEND[0].generate(request)[0].convert("RGB")
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        img.save(tmp, format="PNG")
        tmp.replace(path)
    with Image.open(path) as im:
        return _np(im)


def _tone(rgb: Array, fn: Callable[[Array], Array]) -> Array:
    return _u8(fn(rgb.astype(np.float32)))


def _photos() -> list[tuple[str, Array]]:
    out: list[tuple[str, Array]] = []
    a = _sample("astronaut")[30:500, 110:390]
    out.append(("astronaut_portrait_crop", _resize(a, 280 * 1.15, 470 * 1.15, cv2.INTER_LANCZOS4)))
    c = _sample("chelsea")
    out.append(("chelsea_up155", _resize(c, c.shape[1] * 1.55, c.shape[0] * 1.55, cv2.INTER_CUBIC)))
    out.append(("coffee_dark", _tone(_sample("coffee"), lambda x: 255 * (x / 255) ** 1.9 * 0.6)))
    out.append(("rocket_bright", _tone(_sample("rocket"), lambda x: 255 * (x / 255) ** 0.55 + 18)))
    pano = np.concatenate([_sample("motorcycle_left"), _sample("motorcycle_right")], axis=1)
    pano = pano[140:420]
    out.append(
        ("motorcycle_panorama", _resize(pano, 2048, 280 * 2048 / pano.shape[1], cv2.INTER_CUBIC))
    )
    out.append(("camera_grey_384", _resize(_sample("camera"), 384, 384, cv2.INTER_AREA)))
    out.append(("moon_lowcontrast", _tone(_sample("moon"), lambda x: 0.3 * x + 95)))
    g = _sample("grass")[40:512, 0:472].astype(np.float32)
    g = np.stack([0.55 * g[..., 0], 0.85 * g[..., 1] + 20, 0.35 * g[..., 2]], axis=2)
    out.append(("grass_tinted_700", _resize(_u8(g), 700, 700, cv2.INTER_CUBIC)))
    out.append(("gravel_crop_260x400", _u8(_sample("gravel")[100:500, 60:320])))
    b = np.rot90(_sample("brick")).astype(np.float32)
    b = np.stack([b[..., 0] * 1.0 + 20, b[..., 1] * 0.85 + 10, b[..., 2] * 0.62], axis=2)
    out.append(("brick_rot_sepia_448", _resize(_u8(b), 448, 448, cv2.INTER_AREA)))
    out.append(("ihc_crop_330", _resize(_sample("ihc")[30:470, 50:490], 330, 330, cv2.INTER_AREA)))
    co = _sample("coins")
    out.append(("coins_up2", _resize(co, co.shape[1] * 2, co.shape[0] * 2, cv2.INTER_CUBIC)))
    out.append(("hubble_crop", _u8(_sample("hubble")[100:800, 80:980])))
    out.append(("retina_portrait", _u8(_sample("retina")[120:1330, 260:1170])))
    out.append(("china_2048", _resize(_sample("china"), 2048, 1366, cv2.INTER_LANCZOS4)))
    f = _sample("flower")[:, 160:480]
    out.append(("flower_portrait_090", _resize(f, 320 * 0.9, f.shape[0] * 0.9, cv2.INTER_AREA)))
    return out


def images() -> list[tuple[str, str, Array]]:
    out: list[tuple[str, str, Array]] = [(n, "photo", a) for n, a in _photos()]
    for k, (prompt, seed) in enumerate(_GENERATED):
        out.append((f"gen{k}_{seed}", "generated", _generated(k, prompt, seed)))
    out.append(
        (
            "shot_settings_1280x800",
            "screenshot",
            _draw_screenshot(np.random.default_rng(70701), 1280, 800, "settings", False),
        )
    )
    out.append(
        (
            "shot_chat_dark_750x1334",
            "screenshot",
            _draw_screenshot(np.random.default_rng(70702), 750, 1334, "chat", True),
        )
    )
    out.append(
        (
            "chart_bar_960x600",
            "graphic",
            _draw_graphic(np.random.default_rng(70703), 960, 600, "bar"),
        )
    )
    out.append(
        ("logo_flat_640", "graphic", _draw_graphic(np.random.default_rng(70704), 640, 640, "logo"))
    )
    return [(n, c, np.ascontiguousarray(_rgb3(a))) for n, c, a in out]


# --------------------------------------------------------------------------- attack pieces


def _flip_h(rgb: Array) -> Array:
    return np.ascontiguousarray(rgb[:, ::-1])


def _flip_v(rgb: Array) -> Array:
    return np.ascontiguousarray(rgb[::-1])


def _fit_into(rgb: Array, w: int, h: int, colour: tuple[int, int, int] = (0, 0, 0)) -> Array:
    """Scale uniformly to fit inside w x h and pad (centred) to exactly w x h."""
    ih, iw = rgb.shape[:2]
    s = min(w / iw, h / ih)
    nw, nh = max(1, min(w, int(round(iw * s)))), max(1, min(h, int(round(ih * s))))
    r = _resize(rgb, nw, nh, _auto_interp(s))
    top, left = (h - nh) // 2, (w - nw) // 2
    return np.ascontiguousarray(
        cv2.copyMakeBorder(
            r, top, h - nh - top, left, w - nw - left, cv2.BORDER_CONSTANT, value=colour
        )
    )


def _crop(
    rgb: Array, fw: float, fh: float, ax: float = 0.5, ay: float = 0.5, back: bool = False
) -> Array:
    h, w = rgb.shape[:2]
    cw, ch = max(1, min(w, int(round(w * fw)))), max(1, min(h, int(round(h * fh))))
    x0, y0 = int(round((w - cw) * ax)), int(round((h - ch) * ay))
    out = rgb[y0 : y0 + ch, x0 : x0 + cw]
    if back:
        return _resize(np.ascontiguousarray(out), w, h, cv2.INTER_CUBIC)
    return np.ascontiguousarray(out)


def _stretch(rgb: Array, sx: float, sy: float, mode: str = "kept") -> Array:
    h, w = rgb.shape[:2]
    s = _resize(rgb, w * sx, h * sy, cv2.INTER_LINEAR if max(sx, sy) > 1 else cv2.INTER_AREA)
    if mode == "fit":
        return _fit_into(s, w, h)
    if mode == "crop":
        sh, sw = s.shape[:2]
        ch, cw = min(h, sh), min(w, sw)
        y0, x0 = (sh - ch) // 2, (sw - cw) // 2
        return np.ascontiguousarray(s[y0 : y0 + ch, x0 : x0 + cw])
    return s


def _inner_rect(w: float, h: float, angle_deg: float) -> tuple[float, float]:
    """Largest axis-aligned rectangle inside a w x h rectangle rotated by angle."""
    if w <= 0 or h <= 0:
        return 0.0, 0.0
    a = math.radians(angle_deg)
    sin_a, cos_a = abs(math.sin(a)), abs(math.cos(a))
    if sin_a < 1e-9:
        return float(w), float(h)
    wide = w >= h
    long_s, short_s = (w, h) if wide else (h, w)
    if short_s <= 2.0 * sin_a * cos_a * long_s or abs(sin_a - cos_a) < 1e-10:
        x = 0.5 * short_s
        wr, hr = (x / sin_a, x / cos_a) if wide else (x / cos_a, x / sin_a)
    else:
        cos_2a = cos_a * cos_a - sin_a * sin_a
        wr, hr = (w * cos_a - h * sin_a) / cos_2a, (h * cos_a - w * sin_a) / cos_2a
    return wr, hr


def _rotate(rgb: Array, deg: float, border: str = "black", mode: str = "same") -> Array:
    """mode: same (original canvas), expand (whole rotated picture), fill (crop to the
    largest inner rectangle), fill_back (that, resized back to the original size)."""
    h, w = rgb.shape[:2]
    cx, cy = (w - 1) / 2.0, (h - 1) / 2.0
    m = cv2.getRotationMatrix2D((cx, cy), deg, 1.0)
    ow, oh = w, h
    if mode == "expand":
        a = math.radians(deg)
        ow = max(1, int(math.ceil(abs(w * math.cos(a)) + abs(h * math.sin(a)))))
        oh = max(1, int(math.ceil(abs(w * math.sin(a)) + abs(h * math.cos(a)))))
        m[0, 2] += (ow - 1) / 2.0 - cx
        m[1, 2] += (oh - 1) / 2.0 - cy
    if border == "reflect":
        bm, val = cv2.BORDER_REFLECT_101, (0, 0, 0)
    else:
        bm, val = cv2.BORDER_CONSTANT, ((255, 255, 255) if border == "white" else (0, 0, 0))
    out = cv2.warpAffine(rgb, m, (ow, oh), flags=cv2.INTER_LINEAR, borderMode=bm, borderValue=val)
    if mode in ("fill", "fill_back"):
        wr, hr = _inner_rect(w, h, deg)
        cw = max(1, min(w, int(math.floor(wr)) - 2))
        ch = max(1, min(h, int(math.floor(hr)) - 2))
        x0, y0 = (w - cw) // 2, (h - ch) // 2
        out = np.ascontiguousarray(out[y0 : y0 + ch, x0 : x0 + cw])
        if mode == "fill_back":
            out = _resize(out, w, h, cv2.INTER_CUBIC)
    return np.ascontiguousarray(out)


def _pad(
    rgb: Array,
    top: float,
    bottom: float,
    left: float,
    right: float,
    colour: tuple[int, int, int] = (0, 0, 0),
    back: bool = False,
) -> Array:
    h, w = rgb.shape[:2]
    t, b = int(round(h * top)), int(round(h * bottom))
    lft, r = int(round(w * left)), int(round(w * right))
    out = cv2.copyMakeBorder(rgb, t, b, lft, r, cv2.BORDER_CONSTANT, value=colour)
    if back:
        return _resize(out, w, h, cv2.INTER_AREA)
    return np.ascontiguousarray(out)


def _jpeg(rgb: Array, q: int, sub: int = 2, progressive: bool = False) -> Array:
    buf = io.BytesIO()
    _pil(rgb).save(buf, "JPEG", quality=int(q), subsampling=sub, progressive=progressive)
    buf.seek(0)
    with Image.open(buf) as im:
        return _np(im)


def _webp(rgb: Array, q: int) -> Array:
    h, w = rgb.shape[:2]
    if max(h, w) > 16383:
        s = 16383 / max(h, w)
        rgb = _resize(rgb, w * s, h * s, cv2.INTER_AREA)
    buf = io.BytesIO()
    _pil(rgb).save(buf, "WEBP", quality=int(q), method=4)
    buf.seek(0)
    with Image.open(buf) as im:
        return _np(im)


def _scale(rgb: Array, f: float, interp: int) -> Array:
    h, w = rgb.shape[:2]
    return _resize(rgb, w * f, h * f, interp)


def _long_side(rgb: Array, side: int) -> Array:
    h, w = rgb.shape[:2]
    s = side / max(h, w)
    return _resize(rgb, w * s, h * s, _auto_interp(s))


def _social(rgb: Array) -> Array:
    return _jpeg(_long_side(_crop(rgb, 0.9, 0.9, 0.35, 0.6), 1080), 75, 2)


def _messaging(rgb: Array) -> Array:
    return _jpeg(_scale(rgb, 0.6, cv2.INTER_AREA), 60, 2)


def _blur(rgb: Array, sigma: float) -> Array:
    return np.ascontiguousarray(cv2.GaussianBlur(rgb, (0, 0), sigma))


def _sharpen(rgb: Array, amount: float = 0.8, sigma: float = 1.5) -> Array:
    b = cv2.GaussianBlur(rgb, (0, 0), sigma).astype(np.float32)
    return _u8(rgb.astype(np.float32) * (1 + amount) - b * amount)


def _noise(rgb: Array, sigma: float, seed: int) -> Array:
    rng = np.random.default_rng(seed)
    n = rng.normal(0.0, sigma, rgb.shape).astype(np.float32)
    return _u8(rgb.astype(np.float32) + n)


def _bright(rgb: Array, delta: float) -> Array:
    return _u8(rgb.astype(np.float32) + delta)


def _contrast(rgb: Array, k: float) -> Array:
    return _u8((rgb.astype(np.float32) - 127.5) * k + 127.5)


def _gamma(rgb: Array, g: float) -> Array:
    lut = np.clip(np.rint(255.0 * (np.arange(256) / 255.0) ** g), 0, 255).astype(np.uint8)
    return np.ascontiguousarray(lut[rgb])


def _luma(rgb: Array) -> Array:
    x = rgb.astype(np.float32)
    return 0.299 * x[..., 0] + 0.587 * x[..., 1] + 0.114 * x[..., 2]


def _saturation(rgb: Array, s: float) -> Array:
    y = _luma(rgb)[..., None]
    return _u8(y + (rgb.astype(np.float32) - y) * s)


def _grey(rgb: Array) -> Array:
    return _rgb3(_u8(_luma(rgb)))


def _chain(*fns: Callable[[Array], Array]) -> Callable[[Array], Array]:
    def run(rgb: Array) -> Array:
        for fn in fns:
            rgb = fn(rgb)
        return rgb

    return run


def _wrap(fn: Callable[[Array], Array]) -> Callable[[Array], Array]:
    def attack(rgb: Array) -> Array:
        src = _rgb3(rgb)
        return _finish(fn(src.copy()), rgb)

    return attack


def attacks() -> list[tuple[str, Callable[[Array], Array]]]:
    L, A, C, N, Z = (
        cv2.INTER_LINEAR,
        cv2.INTER_AREA,
        cv2.INTER_CUBIC,
        cv2.INTER_NEAREST,
        cv2.INTER_LANCZOS4,
    )
    table: list[tuple[str, Callable[[Array], Array]]] = [
        ("none", lambda x: x.copy()),
        ("flip_h", _flip_h),
        ("flip_v", _flip_v),
        # one-axis stretches and squeezes
        ("stretch_x110", lambda x: _stretch(x, 1.10, 1.0)),
        ("squeeze_y88", lambda x: _stretch(x, 1.0, 0.88)),
        ("stretch_y115_fit", lambda x: _stretch(x, 1.0, 1.15, "fit")),
        ("squeeze_x86_fit", lambda x: _stretch(x, 0.86, 1.0, "fit")),
        ("stretch_x113_crop", lambda x: _stretch(x, 1.13, 1.0, "crop")),
        ("stretch_y107_crop", lambda x: _stretch(x, 1.0, 1.07, "crop")),
        # crops
        ("crop_c95", lambda x: _crop(x, 0.95, 0.95)),
        ("crop_c75", lambda x: _crop(x, 0.75, 0.75)),
        ("crop_c55_back", lambda x: _crop(x, 0.55, 0.55, back=True)),
        ("crop_tl70", lambda x: _crop(x, 0.70, 0.70, 0.0, 0.0)),
        ("crop_br85_back", lambda x: _crop(x, 0.85, 0.85, 1.0, 1.0, back=True)),
        ("crop_w90h60_off", lambda x: _crop(x, 0.90, 0.60, 0.25, 0.8)),
        ("crop_w55h92_back", lambda x: _crop(x, 0.55, 0.92, 0.7, 0.3, back=True)),
        # rotations
        ("rot_p3_black", lambda x: _rotate(x, 3.0, "black")),
        ("rot_m7_white", lambda x: _rotate(x, -7.0, "white")),
        ("rot_p10_reflect", lambda x: _rotate(x, 10.0, "reflect")),
        ("rot_m2_expand", lambda x: _rotate(x, -2.0, "black", "expand")),
        ("rot_p5_fill", lambda x: _rotate(x, 5.0, "black", "fill")),
        ("rot_m10_fill_back", lambda x: _rotate(x, -10.0, "black", "fill_back")),
        # padding and borders
        ("pad_u8_black", lambda x: _pad(x, 0.08, 0.08, 0.08, 0.08)),
        ("letterbox_20", lambda x: _pad(x, 0.10, 0.10, 0.0, 0.0)),
        ("pillarbox_15_back", lambda x: _pad(x, 0.0, 0.0, 0.075, 0.075, (255, 255, 255), True)),
        ("pad_asym_blue", lambda x: _pad(x, 0.03, 0.18, 0.12, 0.01, (36, 112, 196))),
        ("border_4_grey_back", lambda x: _pad(x, 0.04, 0.04, 0.04, 0.04, (128, 128, 128), True)),
        # JPEG and WebP
        ("jpeg_q30_420", lambda x: _jpeg(x, 30, 2)),
        ("jpeg_q45_444", lambda x: _jpeg(x, 45, 0)),
        ("jpeg_q60_420", lambda x: _jpeg(x, 60, 2)),
        ("jpeg_q75_444", lambda x: _jpeg(x, 75, 0)),
        ("jpeg_q85_420", lambda x: _jpeg(x, 85, 2)),
        ("jpeg_q90_444", lambda x: _jpeg(x, 90, 0)),
        ("webp_q50", lambda x: _webp(x, 50)),
        ("webp_q72", lambda x: _webp(x, 72)),
        ("webp_q90", lambda x: _webp(x, 90)),
        # rescales
        ("down040_area", lambda x: _scale(x, 0.40, A)),
        ("down065_linear", lambda x: _scale(x, 0.65, L)),
        ("up125_nearest", lambda x: _scale(x, 1.25, N)),
        ("up150_lanczos", lambda x: _scale(x, 1.50, Z)),
        ("up200_cubic", lambda x: _scale(x, 2.00, C)),
        # platform chains
        ("social_chain", _social),
        ("messaging_chain", _messaging),
        ("messaging_chain_x2", lambda x: _messaging(_messaging(x))),
        # screen captures
        ("screen_browser_640", lambda x: _browser_capture(x, 640, False)),
        ("screen_browser_native", lambda x: _browser_capture(x, min(x.shape[1], 1600), False)),
        ("screen_browser_420d", lambda x: _browser_capture(x, 420, True, 1280)),
        ("screen_phone_1080", lambda x: _phone_capture(x, 1080, False)),
        # photometric
        ("blur_g1_2", lambda x: _blur(x, 1.2)),
        ("sharpen_usm", lambda x: _sharpen(x, 0.8, 1.5)),
        ("noise_gauss5", lambda x: _noise(x, 5.0, 20261207)),
        ("bright_p28", lambda x: _bright(x, 28)),
        ("bright_m32", lambda x: _bright(x, -32)),
        ("contrast_072", lambda x: _contrast(x, 0.72)),
        ("contrast_130", lambda x: _contrast(x, 1.30)),
        ("gamma_075", lambda x: _gamma(x, 0.75)),
        ("gamma_145", lambda x: _gamma(x, 1.45)),
        ("sat_050", lambda x: _saturation(x, 0.50)),
        ("greyscale", _grey),
        # combinations
        ("c_crop80_jpeg60", _chain(lambda x: _crop(x, 0.8, 0.8), lambda x: _jpeg(x, 60, 2))),
        (
            "c_flip_crop85_webp75",
            _chain(_flip_h, lambda x: _crop(x, 0.85, 0.85, 0.2, 0.7), lambda x: _webp(x, 75)),
        ),
        ("c_rot4_down070", _chain(lambda x: _rotate(x, 4.0), lambda x: _scale(x, 0.7, A))),
        (
            "c_pad10_jpeg70",
            _chain(lambda x: _pad(x, 0.1, 0.1, 0.1, 0.1), lambda x: _jpeg(x, 70, 2)),
        ),
        (
            "c_crop65back_jpeg50_444",
            _chain(lambda x: _crop(x, 0.65, 0.65, back=True), lambda x: _jpeg(x, 50, 0)),
        ),
        ("c_down050_jpeg80", _chain(lambda x: _scale(x, 0.5, A), lambda x: _jpeg(x, 80, 2))),
        (
            "c_bright_contrast_jpeg75",
            _chain(
                lambda x: _bright(x, 15), lambda x: _contrast(x, 1.15), lambda x: _jpeg(x, 75, 2)
            ),
        ),
        ("c_flipv_rotm3_fill", _chain(_flip_v, lambda x: _rotate(x, -3.0, "black", "fill"))),
        (
            "c_stretchx108_jpeg65",
            _chain(lambda x: _stretch(x, 1.08, 1.0), lambda x: _jpeg(x, 65, 2)),
        ),
        ("c_sharpen_webp60", _chain(lambda x: _sharpen(x, 0.6, 1.0), lambda x: _webp(x, 60))),
        (
            "c_blur_noise_jpeg85",
            _chain(lambda x: _blur(x, 0.8), lambda x: _noise(x, 3.0, 7), lambda x: _jpeg(x, 85, 2)),
        ),
        (
            "c_grey_crop90_jpeg70",
            _chain(_grey, lambda x: _crop(x, 0.9, 0.9, 0.6, 0.4), lambda x: _jpeg(x, 70, 2)),
        ),
        (
            "c_gamma_sat_up150_webp80",
            _chain(
                lambda x: _gamma(x, 0.85),
                lambda x: _saturation(x, 1.25),
                lambda x: _scale(x, 1.5, C),
                lambda x: _webp(x, 80),
            ),
        ),
        (
            "c_letterbox_down060_jpeg72",
            _chain(
                lambda x: _pad(x, 0.12, 0.12, 0.0, 0.0),
                lambda x: _scale(x, 0.6, A),
                lambda x: _jpeg(x, 72, 2),
            ),
        ),
        (
            "c_rotm6_expand_pad_jpeg80",
            _chain(
                lambda x: _rotate(x, -6.0, "white", "expand"),
                lambda x: _pad(x, 0.05, 0.05, 0.05, 0.05, (90, 90, 90)),
                lambda x: _jpeg(x, 80, 2),
            ),
        ),
        (
            "c_phone720_jpeg80",
            _chain(lambda x: _phone_capture(x, 720, True), lambda x: _jpeg(x, 80, 2)),
        ),
    ]
    return [(name, _wrap(fn)) for name, fn in table]


# --------------------------------------------------------------------------- unmarked

_UNMARKED_WEIGHTS = (
    ("photo", 0.36),
    ("texture", 0.20),
    ("noise", 0.10),
    ("flat", 0.10),
    ("graphic", 0.12),
    ("screenshot", 0.12),
)
_INTERPS = (
    cv2.INTER_AREA,
    cv2.INTER_LINEAR,
    cv2.INTER_CUBIC,
    cv2.INTER_LANCZOS4,
    cv2.INTER_NEAREST,
)


def _side(rng: np.random.Generator) -> int:
    return int(np.clip(round(math.exp(rng.uniform(math.log(96), math.log(1100)))), 96, 1100))


def _size(rng: np.random.Generator) -> tuple[int, int]:
    return _side(rng), _side(rng)  # (h, w)


def _coords(h: int, w: int, angle_deg: float) -> tuple[Array, Array]:
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    a = math.radians(angle_deg)
    c, s = math.cos(a), math.sin(a)
    return x * c + y * s, -x * s + y * c


def _value_noise(rng: np.random.Generator, h: int, w: int, cells: float) -> Array:
    gh = max(2, int(cells * h / max(h, w)) + 2)
    gw = max(2, int(cells * w / max(h, w)) + 2)
    g = rng.random((gh, gw)).astype(np.float32)
    return cv2.resize(g, (w, h), interpolation=cv2.INTER_CUBIC)


def _two_tone(mask: Array, c1: tuple[int, int, int], c2: tuple[int, int, int]) -> Array:
    m = np.clip(mask.astype(np.float32), 0, 1)[..., None]
    return np.array(c1, np.float32) * (1 - m) + np.array(c2, np.float32) * m


def _unmarked_photo(rng: np.random.Generator) -> tuple[str, Array]:
    key = _PHOTO_KEYS[int(rng.integers(len(_PHOTO_KEYS)))]
    src = _sample(key)
    h, w = src.shape[:2]
    fw, fh = rng.uniform(0.35, 1.0), rng.uniform(0.35, 1.0)
    cw, ch = max(8, int(w * fw)), max(8, int(h * fh))
    x0, y0 = int(rng.integers(0, w - cw + 1)), int(rng.integers(0, h - ch + 1))
    img = src[y0 : y0 + ch, x0 : x0 + cw]
    tags = [key]
    if rng.random() < 0.5:
        img = img[:, ::-1]
        tags.append("fh")
    if rng.random() < 0.08:
        img = img[::-1]
        tags.append("fv")
    if rng.random() < 0.1:
        img = np.rot90(img)
        tags.append("r90")
    img = np.ascontiguousarray(img)
    ih, iw = img.shape[:2]
    long_side = _side(rng)
    s = long_side / max(ih, iw)
    nw = int(np.clip(round(iw * s), 96, 1100))
    nh = int(np.clip(round(ih * s), 96, 1100))
    img = _resize(img, nw, nh, _INTERPS[int(rng.integers(len(_INTERPS)))])
    if rng.random() < 0.3:
        img = _gamma(img, float(rng.uniform(0.7, 1.4)))
        tags.append("g")
    if rng.random() < 0.2:
        img = _saturation(img, float(rng.uniform(0.3, 1.5)))
        tags.append("s")
    u = rng.random()
    if u < 0.35:
        q = int(rng.integers(35, 97))
        img = _jpeg(img, q, int(rng.choice([0, 2])))
        tags.append(f"j{q}")
    elif u < 0.5:
        q = int(rng.integers(40, 96))
        img = _webp(img, q)
        tags.append(f"w{q}")
    return "-".join(tags), img


def _unmarked_texture(rng: np.random.Generator) -> tuple[str, Array]:
    h, w = _size(rng)
    kinds = ("bricks", "fabric", "halftone", "stripes", "checker", "grid")
    kind = kinds[int(rng.integers(len(kinds)))]
    angle = 0.0 if rng.random() < 0.5 else float(rng.uniform(-45, 45))
    u, v = _coords(h, w, angle)
    if kind == "bricks":
        ph = float(rng.uniform(8, 70))
        pw = ph * float(rng.uniform(1.8, 3.2))
        m = max(1.0, ph * float(rng.uniform(0.06, 0.18)))
        row = np.floor(v / ph)
        uu = u + (row % 2) * pw * 0.5
        col = np.floor(uu / pw)
        mortar = ((v - row * ph) < m) | ((uu - col * pw) < m)
        base = np.array(_rand_colour(rng, 60, 200), np.float32)
        table = base + rng.normal(0, 18, (16, 16, 3)).astype(np.float32)
        img = table[(row.astype(np.int64) % 16), (col.astype(np.int64) % 16)]
        img[mortar] = np.array(_rand_colour(rng, 150, 230), np.float32)
        img += rng.normal(0, float(rng.uniform(0, 12)), img.shape).astype(np.float32)
    elif kind == "fabric":
        p = float(rng.uniform(2.5, 24))
        k = int(rng.integers(2, 5))
        twill = ((np.floor(u / p) + np.floor(v / p)) % (2 * k)) < k
        val = np.where(twill, np.sin(np.pi * v / p) ** 2, np.sin(np.pi * u / p) ** 2)
        img = _two_tone(val, _rand_colour(rng, 0, 120), _rand_colour(rng, 100, 256))
        img += rng.normal(0, 6, img.shape).astype(np.float32)
    elif kind == "halftone":
        p = float(rng.uniform(3, 20))
        tone = (
            0.6 * _value_noise(rng, h, w, float(rng.uniform(2, 6)))
            + 0.4 * (np.linspace(0, 1, w, dtype=np.float32)[None, :])
        )
        if rng.random() < 0.5:
            fu = u / p - np.floor(u / p) - 0.5
            fv = v / p - np.floor(v / p) - 0.5
            dots = np.sqrt(fu * fu + fv * fv) < np.sqrt(np.clip(tone, 0, 1) / np.pi)
            img = _two_tone(dots, (250, 250, 245), (15, 15, 20))
        else:
            img = np.full((h, w, 3), 255.0, np.float32)
            for ch, off in enumerate((15.0, 75.0, 0.0)):
                uc, vc = _coords(h, w, angle + off)
                fu = uc / p - np.floor(uc / p) - 0.5
                fv = vc / p - np.floor(vc / p) - 0.5
                t = np.clip(tone * float(rng.uniform(0.5, 1.0)), 0, 1)
                img[..., ch] -= 255.0 * (np.sqrt(fu * fu + fv * fv) < np.sqrt(t / np.pi))
    elif kind == "stripes":
        p = math.exp(rng.uniform(math.log(2), math.log(60)))
        wave = 0.5 + 0.5 * np.sin(2 * np.pi * u / p)
        if rng.random() < 0.5:
            wave = (wave > 0.5).astype(np.float32)
        img = _two_tone(wave, _rand_colour(rng), _rand_colour(rng))
    elif kind == "checker":
        p = max(1, int(round(math.exp(rng.uniform(0, math.log(64))))))
        if rng.random() < 0.6:
            u, v = _coords(h, w, 0.0)
        m = (np.floor(u / p) + np.floor(v / p)) % 2
        img = _two_tone(m, _rand_colour(rng), _rand_colour(rng))
    else:
        p = float(rng.uniform(4, 60))
        lw = max(1.0, p * float(rng.uniform(0.05, 0.3)))
        m = ((u % p) < lw) | ((v % p) < lw)
        img = _two_tone(m, _rand_colour(rng, 180, 256), _rand_colour(rng, 0, 150))
    return f"{kind}-{h}x{w}", _u8(img)


def _unmarked_noise(rng: np.random.Generator) -> tuple[str, Array]:
    h, w = _size(rng)
    kinds = ("gauss", "uniform", "saltpepper", "value", "pink", "binary")
    kind = kinds[int(rng.integers(len(kinds)))]
    if kind == "gauss":
        mean = np.array(_rand_colour(rng, 40, 216), np.float32)
        img = mean + rng.normal(0, float(rng.uniform(3, 80)), (h, w, 3)).astype(np.float32)
    elif kind == "uniform":
        img = rng.integers(0, 256, (h, w, 3), dtype=np.uint8)
    elif kind == "saltpepper":
        img = np.empty((h, w, 3), np.float32)
        img[:] = np.array(_rand_colour(rng, 60, 200), np.float32)
        r = rng.random((h, w))
        pr = float(rng.uniform(0.001, 0.1))
        img[r < pr / 2] = 0
        img[r > 1 - pr / 2] = 255
    elif kind == "value":
        acc = np.zeros((h, w), np.float32)
        amp, cells, tot = 1.0, float(rng.uniform(2, 8)), 0.0
        for _ in range(int(rng.integers(1, 5))):
            acc += amp * _value_noise(rng, h, w, cells)
            tot += amp
            amp *= 0.5
            cells *= 2
        img = _two_tone(acc / tot, _rand_colour(rng), _rand_colour(rng))
    elif kind == "pink":
        alpha = float(rng.uniform(0.5, 2.0))
        spec = np.fft.rfft2(rng.normal(size=(h, w)))
        fy = np.fft.fftfreq(h)[:, None]
        fx = np.fft.rfftfreq(w)[None, :]
        r = np.sqrt(fx * fx + fy * fy)
        r[0, 0] = 1.0
        f = np.fft.irfft2(spec / r**alpha, s=(h, w))
        f = (f - f.min()) / max(1e-9, float(f.max() - f.min()))
        img = _two_tone(f, _rand_colour(rng), _rand_colour(rng))
    else:
        p = float(rng.uniform(0.05, 0.95))
        if rng.random() < 0.5:
            img = _rgb3((rng.random((h, w)) < p).astype(np.uint8) * 255)
        else:
            img = (rng.random((h, w, 3)) < p).astype(np.uint8) * 255
    return f"{kind}-{h}x{w}", _u8(img)


def _unmarked_flat(rng: np.random.Generator) -> tuple[str, Array]:
    h, w = _size(rng)
    kinds = ("flat", "nearflat", "linear", "radial", "bilinear", "posterised")
    kind = kinds[int(rng.integers(len(kinds)))]
    c1 = np.array(_rand_colour(rng), np.float32)
    c2 = np.array(_rand_colour(rng), np.float32)
    if kind == "flat":
        img = np.broadcast_to(c1, (h, w, 3))
    elif kind == "nearflat":
        img = c1 + rng.integers(-2, 3, (h, w, 1)).astype(np.float32)
    elif kind in ("linear", "posterised"):
        u, _ = _coords(h, w, float(rng.uniform(0, 360)))
        t = (u - u.min()) / max(1e-6, float(u.max() - u.min()))
        if kind == "posterised":
            levels = int(rng.integers(3, 17))
            t = np.floor(t * levels) / max(1, levels - 1)
        img = _two_tone(t, tuple(int(v) for v in c1), tuple(int(v) for v in c2))
    elif kind == "radial":
        y, x = np.mgrid[0:h, 0:w].astype(np.float32)
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        t = np.sqrt((x - cx) ** 2 + (y - cy) ** 2) / max(h, w)
        img = _two_tone(t, tuple(int(v) for v in c1), tuple(int(v) for v in c2))
    else:
        corners = rng.integers(0, 256, (2, 2, 3)).astype(np.float32)
        img = cv2.resize(corners, (w, h), interpolation=cv2.INTER_LINEAR)
    return f"{kind}-{h}x{w}", _u8(img)


def unmarked(n: int = 10000, seed: int = 2026120711) -> Iterator[tuple[str, Array]]:
    names = [k for k, _ in _UNMARKED_WEIGHTS]
    p = np.array([v for _, v in _UNMARKED_WEIGHTS], np.float64)
    p = p / p.sum()
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        cat = names[int(rng.choice(len(names), p=p))]
        if cat == "photo":
            tag, img = _unmarked_photo(rng)
        elif cat == "texture":
            tag, img = _unmarked_texture(rng)
        elif cat == "noise":
            tag, img = _unmarked_noise(rng)
        elif cat == "flat":
            tag, img = _unmarked_flat(rng)
        elif cat == "graphic":
            h, w = _size(rng)
            tag, img = f"{h}x{w}", _draw_graphic(rng, w, h)
        else:
            h, w = _size(rng)
            tag, img = f"{h}x{w}", _draw_screenshot(rng, w, h)
        yield f"u{i:05d}_{cat}_{tag}", np.ascontiguousarray(_rgb3(img))


# --------------------------------------------------------------------------- edge cases


def edge_cases() -> list[tuple[str, Array]]:
    rng = np.random.default_rng(2026120799)
    photo = _sample("china")
    out: list[tuple[str, Array]] = []
    out.append(("px_1x1", np.array([[[200, 30, 90]]], np.uint8)))
    out.append(
        ("px_2x2", np.array([[[0, 0, 0], [255, 255, 255]], [[255, 0, 0], [0, 0, 255]]], np.uint8))
    )
    out.append(("px_3x3", rng.integers(0, 256, (3, 3, 3), dtype=np.uint8)))
    ramp = np.linspace(0, 255, 640, dtype=np.float32)
    out.append(("strip_1x640", _u8(np.stack([ramp, 255 - ramp, ramp * 0 + 128], 1)[None])))
    out.append(("strip_640x1", _u8(np.stack([ramp, ramp, 255 - ramp], 1)[:, None])))
    out.append(("strip_2x900", _resize(photo, 900, 2, cv2.INTER_AREA)))
    out.append(("wide_64x2048", _resize(photo[180:240], 2048, 64, cv2.INTER_CUBIC)))
    out.append(("tall_2048x64", _resize(photo[:, 300:340], 64, 2048, cv2.INTER_CUBIC)))
    out.append(("huge_3000x4000", _resize(photo, 4000, 3000, cv2.INTER_LINEAR)))
    for name, col in (
        ("flat_black", (0, 0, 0)),
        ("flat_white", (255, 255, 255)),
        ("flat_grey128", (128, 128, 128)),
        ("flat_red", (255, 0, 0)),
    ):
        out.append((name + "_512", np.full((512, 512, 3), col, np.uint8)))
    out.append(("flat_teal_300x200", np.full((200, 300, 3), (0, 128, 128), np.uint8)))
    out.append(("nearflat_pm1", _u8(128 + rng.integers(-1, 2, (480, 640, 3)))))
    g = np.linspace(120, 124, 800, dtype=np.float32)[None, :, None]
    out.append(("gradient_4levels", _u8(np.broadcast_to(g, (600, 800, 3)))))
    out.append(("binary_noise_grey", _rgb3((rng.random((512, 512)) < 0.5).astype(np.uint8) * 255)))
    out.append(("binary_noise_colour", _u8((rng.random((400, 600, 3)) < 0.5) * 255)))
    yy, xx = np.mgrid[0:512, 0:512]
    for p in (1, 2, 32):
        out.append((f"checker_{p}px", _rgb3(((xx // p + yy // p) % 2 * 255).astype(np.uint8))))
    m8 = ((xx // 8 + yy // 8) % 2).astype(bool)
    c8 = np.empty((512, 512, 3), np.uint8)
    c8[m8] = (230, 40, 40)
    c8[~m8] = (30, 60, 220)
    out.append(("checker_8px_colour", c8))
    out.append(("stripes_1px_h", _rgb3(((yy % 2) * 255).astype(np.uint8))))
    out.append(("stripes_1px_v", _rgb3(((xx % 2) * 255).astype(np.uint8))))
    out.append(("uniform_noise_512", rng.integers(0, 256, (512, 512, 3), dtype=np.uint8)))
    prim = np.zeros((300, 600, 3), np.uint8)
    for k, col in enumerate(
        ((255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0), (0, 255, 255), (255, 0, 255))
    ):
        prim[:, k * 100 : (k + 1) * 100] = col
    out.append(("primaries", prim))
    for hh, ww in ((16, 16), (63, 95), (95, 95), (97, 101), (257, 513)):
        out.append((f"photo_{hh}x{ww}", _resize(photo, ww, hh, cv2.INTER_AREA)))
    return [(n, np.ascontiguousarray(_rgb3(a))) for n, a in out]


# --------------------------------------------------------------------------- edge files

_CRC_TABLE: list[int] = []


def _crc32(data: bytes) -> int:
    if not _CRC_TABLE:
        for n in range(256):
            c = n
            for _ in range(8):
                c = (0xEDB88320 ^ (c >> 1)) if c & 1 else (c >> 1)
            _CRC_TABLE.append(c)
    t = _CRC_TABLE
    c = 0xFFFFFFFF
    for b in data:
        c = t[(c ^ b) & 0xFF] ^ (c >> 8)
    return c ^ 0xFFFFFFFF


def _chunk(kind: bytes, data: bytes) -> bytes:
    return len(data).to_bytes(4, "big") + kind + data + _crc32(kind + data).to_bytes(4, "big")


def _png_chunks(png: bytes) -> list[tuple[int, bytes, int]]:
    """(offset, type, length) of each chunk."""
    out = []
    pos = 8
    while pos + 8 <= len(png):
        n = int.from_bytes(png[pos : pos + 4], "big")
        out.append((pos, png[pos + 4 : pos + 8], n))
        pos += 12 + n
    return out


def _zero_zlib(total: int) -> bytes:
    """A zlib stream of `total` zero bytes: one fixed-Huffman deflate block of
    (length 258, distance 1) copies; about 13 bits per 258 bytes."""
    lit0 = [0, 0, 1, 1, 0, 0, 0, 0]  # literal 0: code 0x30, 8 bits, MSB first
    pair = [1, 1, 0, 0, 0, 1, 0, 1] + [0] * 5  # length 258 (code 285 = 0xC5), distance 1
    k = (total - 1) // 258
    rest = total - 1 - 258 * k
    bits = np.concatenate(
        [
            np.array([1, 1, 0], np.uint8),  # BFINAL=1, BTYPE=01 (fixed Huffman), LSB first
            np.array(lit0, np.uint8),
            np.tile(np.array(pair, np.uint8), k),
            np.tile(np.array(lit0, np.uint8), rest),
            np.zeros(7, np.uint8),  # end of block (256): 7 zero bits
        ]
    )
    body = np.packbits(bits, bitorder="little").tobytes()
    adler = ((total % 65521) << 16) | 1
    return b"\x78\x01" + body + adler.to_bytes(4, "big")


def _png_bomb(width: int, height: int) -> bytes:
    """A complete, valid 1-bit greyscale PNG of width x height black pixels."""
    row = 1 + (width + 7) // 8
    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([1, 0, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", ihdr)
        + _chunk(b"IDAT", _zero_zlib(row * height))
        + _chunk(b"IEND", b"")
    )


def _save(im: Image.Image, fmt: str, **kw: Any) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def _srgb_icc() -> bytes:
    prof = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    # pin the creation date (bytes 24..35) to 2026-12-07 00:00:00, clear the profile ID
    for k, v in enumerate((2026, 12, 7, 0, 0, 0)):
        prof[24 + 2 * k : 26 + 2 * k] = v.to_bytes(2, "big")
    prof[84:100] = bytes(16)
    return bytes(prof)


def edge_case_files() -> list[tuple[str, bytes]]:
    base = _resize(_sample("chelsea")[20:260, 60:380], 320, 240, cv2.INTER_AREA)  # 320x240
    im = _pil(base)
    out: list[tuple[str, bytes]] = []
    # 16-bit PNG (RGB via OpenCV, channel order BGR) and greyscale
    b16 = base.astype(np.uint16) * 256 + (np.arange(320, dtype=np.uint16) % 256)[None, :, None]
    ok, enc = cv2.imencode(".png", np.ascontiguousarray(b16[..., ::-1]))
    out.append(("png16_rgb.png", enc.tobytes() if ok else b""))
    grey16 = np.ascontiguousarray((_luma(base) * 257).astype(np.uint16))
    out.append(("png16_grey.png", _save(Image.fromarray(grey16), "PNG")))
    rgba = np.dstack([base, np.tile(np.linspace(0, 255, 320).astype(np.uint8), (240, 1))])
    rgba[60:120, 100:200, 3] = 0
    out.append(("png_rgba_transparent.png", _save(Image.fromarray(_u8(rgba)), "PNG")))
    pal = im.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out.append(("png_palette_trns.png", _save(pal, "PNG", transparency=0)))
    out.append(("png_1bit.png", _save(im.convert("1"), "PNG")))
    out.append(("png_grey.png", _save(im.convert("L"), "PNG")))
    out.append(("png_grey_alpha.png", _save(Image.fromarray(_u8(rgba)).convert("LA"), "PNG")))
    out.append(("png_icc_srgb.png", _save(im, "PNG", icc_profile=_srgb_icc())))
    # a header that declares 50000x50000 RGB with only a little image data
    small = bytearray(_save(_pil(_resize(base, 64, 48)), "PNG"))
    ihdr = bytearray(small[16:29])
    ihdr[0:8] = (50000).to_bytes(4, "big") + (50000).to_bytes(4, "big")
    small[8:33] = _chunk(b"IHDR", bytes(ihdr))
    out.append(("png_declared_50000x50000.png", bytes(small)))
    out.append(("png_bomb_1bit_20000x20000.png", _png_bomb(20000, 20000)))
    good = _save(im, "PNG")
    chunks = _png_chunks(good)
    idat = next(c for c in chunks if c[1] == b"IDAT")
    bad = bytearray(good)
    crc_at = idat[0] + 8 + idat[2]
    bad[crc_at + 1] ^= 0x5A
    out.append(("png_bad_crc_idat.png", bytes(bad)))
    bad2 = bytearray(good)
    bad2[29] ^= 0xFF
    out.append(("png_bad_crc_ihdr.png", bytes(bad2)))
    out.append(("png_truncated.png", good[: int(len(good) * 0.6)]))
    jpg = _save(im, "JPEG", quality=88)
    out.append(("jpeg_truncated.jpg", jpg[: int(len(jpg) * 0.55)]))
    out.append(("jpeg_cmyk.jpg", _save(im.convert("CMYK"), "JPEG", quality=90)))
    out.append(
        ("jpeg_progressive.jpg", _save(im, "JPEG", quality=82, progressive=True, optimize=True))
    )
    out.append(("jpeg_grey.jpg", _save(im.convert("L"), "JPEG", quality=85)))
    for orient in (6, 8):
        exif = Image.Exif()
        exif[0x0112] = orient
        out.append(
            (f"jpeg_exif_orient{orient}.jpg", _save(im, "JPEG", quality=90, exif=exif.tobytes()))
        )
    frames = []
    for k in range(4):
        fr = base.copy()
        fr[40 + 30 * k : 100 + 30 * k, 40 + 50 * k : 120 + 50 * k] = (255, 220, 0)
        frames.append(_pil(fr))
    gif_frames = [
        f.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        for f in frames
    ]
    out.append(
        (
            "gif_animated.gif",
            _save(
                gif_frames[0],
                "GIF",
                save_all=True,
                append_images=gif_frames[1:],
                duration=120,
                loop=0,
                disposal=2,
            ),
        )
    )
    out.append(
        (
            "webp_animated.webp",
            _save(
                frames[0],
                "WEBP",
                save_all=True,
                append_images=frames[1:],
                duration=120,
                loop=0,
                quality=80,
                method=4,
            ),
        )
    )
    out.append(
        (
            "webp_lossless_alpha.webp",
            _save(Image.fromarray(_u8(rgba)), "WEBP", lossless=True, quality=80, method=4),
        )
    )
    out.append(("tiff_lzw.tif", _save(im, "TIFF", compression="tiff_lzw")))
    out.append(("tiff16_grey.tif", _save(Image.fromarray(grey16), "TIFF")))
    ok, enc = cv2.imencode(".tiff", np.ascontiguousarray(b16[..., ::-1]))
    out.append(("tiff16_rgb.tif", enc.tobytes() if ok else b""))
    pages = [im, im.convert("L").resize((160, 120)), _pil(_flip_h(base))]
    out.append(
        ("tiff_multipage.tif", _save(pages[0], "TIFF", save_all=True, append_images=pages[1:]))
    )
    out.append(("bmp_24bit_333x201.bmp", _save(_pil(_resize(base, 333, 201)), "BMP")))
    return out


# --------------------------------------------------------------------------- self-check


def _digest(a: Array) -> str:
    return hashlib.sha256(np.ascontiguousarray(a).tobytes()).hexdigest()[:16]


if __name__ == "__main__":  # a quick look: python watermark_2026_12_07k.py
    imgs = images()
    for name, cls, a in imgs:
        print(f"{name:28s} {cls:10s} {a.shape} {_digest(a)}", file=sys.stdout)
    print(len(imgs), "images;", len(attacks()), "attacks")
