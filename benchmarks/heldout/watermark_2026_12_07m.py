"""Blind held-out test set for the invisible image watermark, round 2026-12-07m.

PROVENANCE
    Written by an independent tester who has not seen the watermark's design. Read, and
    only read: the files under safegen/backends/ (__init__.py, base.py, builtin.py, gan.py,
    diffusers_backend.py; to call the built-in text-to-image model as builtin.py runs it),
    a name-only listing of safegen/builtin/, pyproject.toml and .gitignore. Not opened,
    grepped, listed or imported: safegen/watermark/, docs/, tests/, README.md, any other
    file of benchmarks/ (benchmarks/heldout/ was not listed), any issue tracker, git
    history/log/diff/status. No watermark encoder or decoder was run. Disclosure:
    pyproject.toml's ruff `extend-exclude` names earlier held-out files (rounds 2026-12-06
    to 2026-12-07l); only those names were seen, none of their contents. Outside the
    repository: the names and sizes of the sample images inside the installed scikit-image
    and scikit-learn packages, and Pillow's feature list, were looked at; the only listing
    made under benchmarks/heldout/ was of this round's own cache_m/ (the six PNGs written
    here). No other slip.

FROZEN
    This file is never edited, not even for style (its sha256 is its identity). A changed
    set is a new file with a new ROUND.

SOURCES
    Real photographs: the sample images shipped inside installed packages, read from disk
    (the package folders are found with importlib.util.find_spec, without importing them):
    scikit-image's skimage/data/*.png|*.jpg and scikit-learn's
    sklearn/datasets/images/{china,flower}.jpg. Generated images: the project's built-in
    offline model (safegen.backends.builtin.BuiltinBackend, 256x256), cached as PNGs in
    CACHE_DIR (cache_m/ next to this file; regenerated on first use when absent).
    Everything else is drawn here with numpy, OpenCV and Pillow (ImageFont.load_default).
    Every random choice is seeded.

INTERFACE
    ROUND, CACHE_DIR
    images() -> list[(name, image_class, rgb)]; image_class in photo, generated, graphic,
        screenshot; rgb a C-contiguous uint8 (H, W, 3) array.
    attacks() -> list[(name, fn)]; fn(rgb) -> a new C-contiguous uint8 (H', W', 3) array,
        deterministic; the first attack is "none" (a copy).
    unmarked(n=10000, seed=2026120713) -> iterator of (name, rgb); item i depends only on
        np.random.default_rng([seed, i]) and the fixed package sample images.
    edge_cases() -> list[(name, rgb)]: awkward uint8 RGB arrays.
    edge_case_files() -> list[(name, bytes)]: awkward encoded files, byte-identical per run.

IMAGES (26)
    16 photo: astronaut upscaled to 1024x1024; chelsea portrait crop 390x520; coffee darkened
    600x400; rocket bright and low-contrast 960x640; china panorama strip 1600x500; camera
    (grey) 512x512; moon (grey, low contrast) 700x700; grass tinted green 768x768; gravel
    warm-tinted 640x480; brick wide 900x527; ihc portrait 400x512; coins (grey) 640x505;
    hubble deep field (dark) 960x720; retina 2048x1536; flower portrait 600x854;
    motorcycle small 400x270.
    6 generated: built-in model, landscape prompts with fixed seeds (see _BUILTIN_PROMPTS).
    2 screenshot: a desktop settings window 1280x800 (with a small photo preview) and a phone
    chat 750x1334 (text only).
    2 graphic: a flat-colour poster 800x1000 and a bar/line chart 1100x700.

ATTACKS (75; the first is "none")
    none; flip_h, flip_v;
    stretch_x112_kept, squeeze_y87_kept, stretch_y109_fit, squeeze_x90_fit,
    stretch_x115_crop;
    crop_c95, crop_c70, crop_c50, crop_tl80, crop_w90_h60_br, crop_off65_rs;
    rot_p2_black, rot_m5_white, rot_p10_reflect, rot_m3_expand, rot_p6_cropfill,
    rot_m9_cropfill_rs;
    pad_white_10, pad_black_l20, pad_grey_t5_b15, border_blue_4;
    jpeg30_420, jpeg45_444, jpeg60_420, jpeg75_444, jpeg85_420, jpeg90_444;
    webp55, webp85;
    down_040, down_065_lin, down_080, up_150, up_200;
    social_chain (crop 90%, long side 1080, JPEG 75), msg_chain (0.6x, JPEG 60), msg_chain_x2;
    9 screen captures: cap_browser_light, cap_browser_dark_j80, cap_phone_light_full,
    cap_phone_dark_full_j85, cap_phone_narrow_j75, cap_document, cap_chat_bubble_j70,
    cap_photo_viewer, cap_gallery_grid_j80;
    12 filters: blur_g15, sharpen_usm, noise_g6, bright_p30, bright_m30, contrast_130,
    contrast_065, gamma_070, gamma_145, sat_160, sat_040, grey;
    14 combinations (names start with "cb_"): cb_crop85_j70, cb_rot3fill_j80,
    cb_fliph_d70_j75, cb_bright_con_j85, cb_stretch107_w75, cb_pad_rot_j80, cb_grey_j60,
    cb_blur_noise_j85, cb_cropoff_up_sharp, cb_sat_gamma_w80, cb_down_up_j90,
    cb_rot_crop_down_j70, cb_jpeg_x3, cb_browser_crop_j85.

UNMARKED
    Fixed category weights: photo 0.34 (random crops, flips, 90-degree turns, rescales,
    colour changes, JPEG/WebP recompressions of the sample photos), screen 0.18 (drawn
    pages, feeds and chats with framed real-photo crops), graphic 0.14 (shapes, text,
    charts), texture 0.12 (gratings, checkerboards, stripes, dots, plaids, tiled photo
    patches), noise 0.12 (gaussian, uniform, salt-and-pepper, binary, 1/f, blurred,
    JPEG-compressed), flat 0.10 (flat, near-flat, gradients, banding, splits). Sides 96..1100.

EDGE CASES
    Arrays: 1x1, 2x2, 3x2, 1-px strips (1x640, 900x1, 2x1024), 2048x64, 64x2048, 4000x3000,
    flat black/white/grey/red, near-flat mid/dark/bright, binary noise (grey and colour),
    checkerboards (1 px, 8 px, coloured 32 px), 2-px and 1-px stripes, uniform noise at odd
    size, smooth gradient, saturated colour bars, odd/small photo crops, half-black photo.
    Files: PNG 16-bit RGB and grey, RGBA with transparency, grey+alpha, palette with tRNS,
    1-bit, 8-bit grey, Adam7-interlaced, iCCP wide-gamut profile (date pinned 2026-12-07),
    a header declaring 200000x150000, a bad IDAT CRC, a bad IHDR CRC, truncated PNG and
    JPEG, CMYK JPEG, progressive JPEG, grey JPEG, JPEG with an ICC profile, JPEGs with EXIF
    orientation 6 and 8, animated GIF and WebP, lossless WebP with alpha, TIFF LZW, TIFF
    16-bit RGB and grey, multi-page TIFF, BMP 24-bit and 8-bit palette, an empty file,
    random bytes (31 files; PNGs are assembled here chunk by chunk with zlib).

BUILT-IN CACHE (informational, as first generated here with torch 2.13.0+cpu)
    gen_alpine_dawn.png  8fc98d7adac04421e41f78c0c78d6056acfbd2b07bcd5e20b37528a5769b508b
    gen_night_lake.png   7d76b27df70ecb244a68665e5d3c39464d5aefb6932665c7fbeac48bf350858d
    gen_green_hills.png  5400edca22048d549293c2b1b14591b0766009c5f8e4dddf842da12d43828f18
    gen_desert_dusk.png  b1379aca684cff94e1629138479a57e9960d28e7e20bb5ea57534ad139a86d54
    gen_misty_river.png  cfed149d2752c583fc3676444e005ec6cea00bb5e388d7e65e9876499ed7d4d9
    gen_stormy_coast.png 5c143ffbc08665f690d20788c65fbf36ad74d255668801c195c75f11d05da2f9
"""

import hashlib
import importlib.util
import io
import math
import struct
import sys
import zlib
from pathlib import Path
from typing import Any, Callable, Iterator  # noqa: UP035  (the brief allows typing only)

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

ROUND = "2026-12-07m"
CACHE_DIR = Path(__file__).resolve().parent / "cache_m"

_MEMO: dict[Any, Any] = {}

# --------------------------------------------------------------------------- basics


def _pkg_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"package {package} is not installed")
    return Path(list(spec.submodule_search_locations)[0])


def _sample_path(name: str) -> Path:
    if name in ("china.jpg", "flower.jpg"):
        return _pkg_dir("sklearn") / "datasets" / "images" / name
    return _pkg_dir("skimage") / "data" / name


def _load(name: str) -> np.ndarray:
    """A package sample image as read-only RGB uint8 (alpha composited on white)."""
    key = ("sample", name)
    if key not in _MEMO:
        with Image.open(_sample_path(name)) as im:
            im.load()
            if im.mode in ("RGBA", "LA", "P", "PA"):
                rgba = im.convert("RGBA")
                base = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
                im2 = Image.alpha_composite(base, rgba).convert("RGB")
            else:
                im2 = im.convert("RGB")
            arr = np.array(im2, dtype=np.uint8)
        arr.setflags(write=False)
        _MEMO[key] = arr
    return _MEMO[key]


def _c(a: np.ndarray) -> np.ndarray:
    """A new C-contiguous uint8 (H, W, 3) array, at least 1x1."""
    a = np.asarray(a)
    if a.dtype != np.uint8:
        a = np.clip(np.rint(a.astype(np.float64)), 0, 255).astype(np.uint8)
    if a.ndim == 2:
        a = np.repeat(a[:, :, None], 3, axis=2)
    if a.shape[2] == 1:
        a = np.repeat(a, 3, axis=2)
    a = a[:, :, :3]
    if a.shape[0] < 1 or a.shape[1] < 1:
        a = np.zeros((1, 1, 3), np.uint8)
    return np.array(a, dtype=np.uint8, order="C", copy=True)


def _u8(a: np.ndarray) -> np.ndarray:
    return np.clip(np.rint(a), 0, 255).astype(np.uint8)


def _resize(img: np.ndarray, w: float, h: float, interp: int | None = None) -> np.ndarray:
    w_i, h_i = max(1, int(round(w))), max(1, int(round(h)))
    src = np.ascontiguousarray(img)
    if (h_i, w_i) == src.shape[:2]:
        return src.copy()
    if interp is None:
        shrink = w_i * h_i < src.shape[0] * src.shape[1]
        interp = cv2.INTER_AREA if shrink else cv2.INTER_CUBIC
    out = cv2.resize(src, (w_i, h_i), interpolation=interp)
    if out.ndim == 2:
        out = out[:, :, None]
    return out


def _fit_dims(w: int, h: int, max_w: float, max_h: float) -> tuple[int, int]:
    s = min(max_w / w, max_h / h)
    return max(1, int(round(w * s))), max(1, int(round(h * s)))


def _font(size: int) -> Any:
    size = max(6, int(size))
    key = ("font", size)
    if key not in _MEMO:
        _MEMO[key] = ImageFont.load_default(size)
    return _MEMO[key]


def _pil(a: np.ndarray) -> Image.Image:
    return Image.fromarray(np.ascontiguousarray(a, dtype=np.uint8))


def _jpeg(img: np.ndarray, q: int, sub: int = 2) -> np.ndarray:
    buf = io.BytesIO()
    _pil(img).save(buf, "JPEG", quality=int(q), subsampling=sub)
    buf.seek(0)
    with Image.open(buf) as im:
        return np.array(im.convert("RGB"), dtype=np.uint8)


def _webp(img: np.ndarray, q: int) -> np.ndarray:
    buf = io.BytesIO()
    _pil(img).save(buf, "WEBP", quality=int(q), method=4)
    buf.seek(0)
    with Image.open(buf) as im:
        return np.array(im.convert("RGB"), dtype=np.uint8)


_WORDS = (
    "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
    "incididunt ut labore et dolore magna aliqua photo shared weekend trip along the "
    "river valley morning light city night market coffee friends mountain path snow "
    "harbour boats garden spring autumn update reply follow new album view comments"
).split()


def _sentence(rng: np.random.Generator, n_chars: int) -> str:
    words: list[str] = []
    total = 0
    while total < n_chars:
        w = _WORDS[int(rng.integers(len(_WORDS)))]
        words.append(w)
        total += len(w) + 1
    return " ".join(words)


def _para(
    d: ImageDraw.ImageDraw,
    x: float,
    y: float,
    width: float,
    lines: int,
    size: int,
    fill: tuple[int, int, int],
    rng: np.random.Generator,
    gap: float = 1.5,
) -> int:
    font = _font(size)
    per = max(4, int(width / (0.52 * max(6, size))))
    for k in range(lines):
        n = per if k < lines - 1 else max(4, int(per * rng.uniform(0.3, 0.9)))
        d.text((int(x), int(y + k * size * gap)), _sentence(rng, n), font=font, fill=fill)
    return int(y + lines * size * gap)


def _round_mask(w: int, h: int, r: int) -> Image.Image:
    m = Image.new("L", (w, h), 0)
    ImageDraw.Draw(m).rounded_rectangle((0, 0, w - 1, h - 1), radius=max(0, r), fill=255)
    return m


def _paste(canvas: Image.Image, pic: np.ndarray, x: int, y: int, radius: int = 0) -> None:
    p = _pil(pic)
    if radius > 0 and min(p.size) > 2:
        canvas.paste(p, (int(x), int(y)), _round_mask(p.size[0], p.size[1], radius))
    else:
        canvas.paste(p, (int(x), int(y)))


# --------------------------------------------------------------------------- images

_PHOTO_SPECS: tuple[
    tuple[str, str, tuple[int, int, int, int] | None, tuple[int, int], str], ...
] = (
    ("astronaut_1024", "astronaut.png", None, (1024, 1024), ""),
    ("chelsea_portrait", "chelsea.png", (80, 0, 305, 300), (390, 520), ""),
    ("coffee_dark", "coffee.png", None, (600, 400), "dark"),
    ("rocket_bright_lowcon", "rocket.jpg", None, (960, 640), "bright_lowcon"),
    ("china_panorama", "china.jpg", (0, 120, 640, 320), (1600, 500), ""),
    ("camera_grey", "camera.png", None, (512, 512), ""),
    ("moon_lowcon", "moon.png", None, (700, 700), ""),
    ("grass_green", "grass.png", None, (768, 768), "tint_green"),
    ("gravel_warm", "gravel.png", (0, 0, 512, 384), (640, 480), "tint_warm"),
    ("brick_wide", "brick.png", (0, 100, 512, 400), (900, 527), ""),
    ("ihc_portrait", "ihc.png", (56, 0, 456, 512), (400, 512), ""),
    ("coins_grey", "coins.png", None, (640, 505), ""),
    ("hubble_dark", "hubble_deep_field.jpg", (20, 76, 980, 796), (960, 720), ""),
    ("retina_2048", "retina.jpg", (0, 150, 1411, 1208), (2048, 1536), ""),
    ("flower_portrait", "flower.jpg", (170, 0, 470, 427), (600, 854), ""),
    ("motorcycle_small", "motorcycle_right.png", None, (400, 270), ""),
)


def _adjust(img: np.ndarray, how: str) -> np.ndarray:
    f = img.astype(np.float32)
    if how == "dark":
        f = 255.0 * 0.55 * (f / 255.0) ** 1.8
    elif how == "bright_lowcon":
        f = 0.55 * f + 112.0
    elif how == "tint_green":
        f = f * np.array([0.62, 0.95, 0.48], np.float32) + np.array([8, 18, 4], np.float32)
    elif how == "tint_warm":
        f = f * np.array([1.0, 0.86, 0.68], np.float32) + np.array([14, 6, 0], np.float32)
    return _u8(f)


def _photo(spec: tuple[str, str, Any, tuple[int, int], str]) -> np.ndarray:
    _, file, crop, (w, h), how = spec
    img = _load(file)
    if crop is not None:
        x0, y0, x1, y1 = crop
        img = img[y0:y1, x0:x1]
    img = _resize(img, w, h, cv2.INTER_LANCZOS4 if w > img.shape[1] else cv2.INTER_AREA)
    if how:
        img = _adjust(img, how)
    return _c(img)


_BUILTIN_PROMPTS = (
    ("gen_alpine_dawn", "snowy mountain peaks at dawn under a pink and orange sky", 70301),
    ("gen_night_lake", "a calm lake at night under a deep blue sky", 41999),
    ("gen_green_hills", "rolling green hills with scattered trees at midday, clear sky", 1234567),
    ("gen_desert_dusk", "sand dunes in a desert at dusk with a purple sky", 88),
    ("gen_misty_river", "a misty river through a pine forest in the early morning", 2026),
    ("gen_stormy_coast", "a rocky coast under dark storm clouds over a grey sea", 314159),
)


def _builtin_images() -> list[tuple[str, np.ndarray]]:
    paths = {name: CACHE_DIR / f"{name}.png" for name, _, _ in _BUILTIN_PROMPTS}
    missing = [e for e in _BUILTIN_PROMPTS if not paths[e[0]].is_file()]
    if missing:
        root = str(Path(__file__).resolve().parents[2])
        if root not in sys.path:
            sys.path.insert(0, root)
        from safegen.backends.base import BackendRequest
        from safegen.backends.builtin import BuiltinBackend

        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        backend = BuiltinBackend(threads=2)
        for name, prompt, seed in missing:
            request = BackendRequest(prompt=prompt, negative_prompt=None, seeds=(seed,))
            (pil,) = backend.generate(request)
            tmp = CACHE_DIR / f".{name}.tmp.png"
            pil.convert("RGB").save(tmp, "PNG")
            tmp.replace(paths[name])
    out = []
    for name, _, _ in _BUILTIN_PROMPTS:
        with Image.open(paths[name]) as im:
            out.append((name, _c(np.array(im.convert("RGB")))))
    return out


def _screenshot_settings() -> np.ndarray:
    W, H = 1280, 800
    rng = np.random.default_rng(5101)
    c = Image.new("RGB", (W, H), (246, 246, 248))
    d = ImageDraw.Draw(c)
    d.rectangle((0, 0, W, 36), fill=(226, 226, 230))
    for k, col in enumerate(((255, 95, 87), (255, 189, 46), (40, 200, 64))):
        d.ellipse((14 + 22 * k, 11, 28 + 22 * k, 25), fill=col)
    d.text((W // 2 - 60, 9), "System Settings", font=_font(16), fill=(60, 60, 64))
    d.rectangle((0, 36, 260, H), fill=(236, 236, 240))
    d.rounded_rectangle((12, 50, 248, 80), radius=8, fill=(255, 255, 255), outline=(210, 210, 214))
    d.text((24, 57), "Search", font=_font(15), fill=(150, 150, 155))
    items = [
        "Wi-Fi",
        "Bluetooth",
        "Network",
        "Notifications",
        "Sound",
        "Focus",
        "Screen Time",
        "General",
        "Appearance",
        "Display",
        "Wallpaper",
        "Privacy",
    ]
    for k, label in enumerate(items):
        y = 98 + 44 * k
        if label == "Display":
            d.rounded_rectangle((10, y - 6, 250, y + 30), radius=7, fill=(10, 122, 255))
        col = tuple(int(v) for v in rng.integers(40, 230, 3))
        d.rounded_rectangle((22, y, 46, y + 24), radius=6, fill=col)
        fg = (255, 255, 255) if label == "Display" else (30, 30, 32)
        d.text((58, y + 3), label, font=_font(16), fill=fg)
    d.text((292, 56), "Display", font=_font(28), fill=(20, 20, 22))
    d.rounded_rectangle((292, 108, 1248, 330), radius=12, fill=(255, 255, 255))
    prev = _resize(_load("coffee.png")[40:340, 60:540], 300, 188)
    _paste(c, prev, 320, 124, radius=10)
    d.text((650, 130), "Built-in Retina Display", font=_font(20), fill=(20, 20, 22))
    _para(d, 650, 166, 560, 4, 15, (110, 110, 115), rng)
    d.rounded_rectangle((650, 268, 820, 300), radius=8, fill=(232, 232, 236))
    d.text((668, 275), "Display Settings...", font=_font(15), fill=(20, 20, 22))
    rows = [
        "Resolution",
        "Brightness",
        "Automatically adjust brightness",
        "True Tone",
        "Refresh rate",
        "Night Shift",
    ]
    d.rounded_rectangle((292, 350, 1248, 350 + 58 * len(rows)), radius=12, fill=(255, 255, 255))
    for k, label in enumerate(rows):
        y = 350 + 58 * k
        if k:
            d.line((312, y, 1228, y), fill=(232, 232, 236))
        d.text((316, y + 19), label, font=_font(16), fill=(20, 20, 22))
        if k == 1:
            d.rounded_rectangle((820, y + 26, 1200, y + 32), radius=3, fill=(220, 220, 224))
            d.rounded_rectangle((820, y + 26, 1080, y + 32), radius=3, fill=(10, 122, 255))
            d.ellipse((1068, y + 17, 1092, y + 41), fill=(255, 255, 255), outline=(200, 200, 204))
        elif k in (2, 3):
            on = k == 2
            d.rounded_rectangle(
                (1160, y + 17, 1208, y + 43),
                radius=13,
                fill=(52, 199, 89) if on else (220, 220, 224),
            )
            cx = 1182 if on else 1162
            d.ellipse((cx, y + 19, cx + 22, y + 41), fill=(255, 255, 255))
        else:
            d.text(
                (1080, y + 19),
                "Default  >" if k != 4 else "ProMotion",
                font=_font(16),
                fill=(120, 120, 125),
            )
    d.rounded_rectangle((1060, 740, 1150, 774), radius=8, fill=(232, 232, 236))
    d.text((1080, 748), "Cancel", font=_font(16), fill=(20, 20, 22))
    d.rounded_rectangle((1160, 740, 1248, 774), radius=8, fill=(10, 122, 255))
    d.text((1184, 748), "Apply", font=_font(16), fill=(255, 255, 255))
    return _c(np.asarray(c))


def _screenshot_chat() -> np.ndarray:
    W, H = 750, 1334
    rng = np.random.default_rng(5102)
    c = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(c)
    d.text((36, 14), "10:27", font=_font(26), fill=(0, 0, 0))
    d.rounded_rectangle((640, 18, 700, 42), radius=6, outline=(0, 0, 0), width=2)
    d.rectangle((644, 22, 684, 38), fill=(0, 0, 0))
    d.rectangle((0, 60, W, 150), fill=(247, 247, 247))
    d.text((30, 88), "<", font=_font(40), fill=(0, 122, 255))
    d.ellipse((330, 66, 420, 126), fill=(160, 170, 190))
    d.text((356, 80), "MK", font=_font(26), fill=(255, 255, 255))
    d.text((320, 126), "Maya K.", font=_font(18), fill=(0, 0, 0))
    d.line((0, 150, W, 150), fill=(220, 220, 220))
    y = 180
    for k in range(9):
        mine = k % 3 != 1
        n_lines = int(rng.integers(1, 4))
        bw = int(rng.integers(220, 520)) if n_lines == 1 else 520
        bh = 22 + 32 * n_lines
        x0 = W - 24 - bw if mine else 24
        fill = (0, 122, 255) if mine else (233, 233, 235)
        fg = (255, 255, 255) if mine else (0, 0, 0)
        if y + bh > H - 120:
            break
        d.rounded_rectangle((x0, y, x0 + bw, y + bh), radius=22, fill=fill)
        _para(d, x0 + 18, y + 12, bw - 40, n_lines, 22, fg, rng, gap=1.45)
        y += bh + 14
        if k == 4:
            d.text((W // 2 - 70, y), "Today 09:14", font=_font(17), fill=(140, 140, 140))
            y += 36
    d.rectangle((0, H - 100, W, H), fill=(247, 247, 247))
    d.rounded_rectangle((90, H - 84, W - 30, H - 36), radius=24, outline=(200, 200, 200), width=2)
    d.text((112, H - 72), "iMessage", font=_font(22), fill=(170, 170, 170))
    d.ellipse((24, H - 82, 68, H - 38), fill=(220, 220, 222))
    return _c(np.asarray(c))


def _graphic_poster() -> np.ndarray:
    W, H = 800, 1000
    y = np.linspace(0.0, 1.0, H, dtype=np.float32)[:, None, None]
    top = np.array([255, 183, 77], np.float32)
    bottom = np.array([229, 57, 53], np.float32)
    grad = np.broadcast_to(top * (1 - y) + bottom * y, (H, W, 3))
    c = _pil(_u8(grad))
    d = ImageDraw.Draw(c)
    d.ellipse((430, 80, 760, 410), fill=(255, 241, 118))
    d.polygon([(0, 760), (260, 480), (520, 760)], fill=(94, 53, 177))
    d.polygon([(300, 760), (560, 420), (800, 700), (800, 760)], fill=(49, 27, 146))
    d.rectangle((0, 760, W, H), fill=(26, 35, 126))
    for k in range(12):
        d.rectangle((40 + 62 * k, 800, 70 + 62 * k, 812), fill=(255, 255, 255))
    d.text((48, 60), "SUMMER", font=_font(96), fill=(33, 33, 33))
    d.text((48, 170), "NIGHTS 2026", font=_font(64), fill=(255, 255, 255))
    d.text((48, 850), "Live music - food - open air cinema", font=_font(30), fill=(255, 255, 255))
    d.text(
        (48, 900),
        "12-14 JULY  |  RIVERSIDE PARK  |  FREE ENTRY",
        font=_font(24),
        fill=(255, 213, 79),
    )
    d.rounded_rectangle((560, 920, 760, 975), radius=26, fill=(255, 213, 79))
    d.text((600, 933), "TICKETS", font=_font(26), fill=(26, 35, 126))
    return _c(np.asarray(c))


def _graphic_chart() -> np.ndarray:
    W, H = 1100, 700
    rng = np.random.default_rng(5103)
    c = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(c)
    d.text((60, 24), "Quarterly energy use by source (GWh)", font=_font(28), fill=(33, 33, 33))
    x0, y0, x1, y1 = 110, 90, 1040, 600
    for k in range(6):
        yy = y1 - (y1 - y0) * k / 5
        d.line((x0, yy, x1, yy), fill=(225, 225, 225))
        d.text((50, yy - 10), f"{k * 200}", font=_font(18), fill=(90, 90, 90))
    d.line((x0, y0, x0, y1), fill=(60, 60, 60), width=2)
    d.line((x0, y1, x1, y1), fill=(60, 60, 60), width=2)
    cols = [(33, 150, 243), (76, 175, 80), (255, 152, 0)]
    groups = 8
    gw = (x1 - x0) / groups
    line_pts = []
    for g in range(groups):
        for s in range(3):
            v = float(rng.uniform(120, 900))
            bx = x0 + g * gw + 14 + s * (gw - 28) / 3
            d.rectangle((bx, y1 - (y1 - y0) * v / 1000, bx + (gw - 28) / 3 - 4, y1), fill=cols[s])
        line_pts.append((x0 + (g + 0.5) * gw, y1 - (y1 - y0) * float(rng.uniform(300, 800)) / 1000))
        d.text(
            (x0 + g * gw + gw / 2 - 24, y1 + 12),
            f"Q{g % 4 + 1} {24 + g // 4}",
            font=_font(17),
            fill=(90, 90, 90),
        )
    d.line(line_pts, fill=(216, 27, 96), width=4)
    for px, py in line_pts:
        d.ellipse((px - 7, py - 7, px + 7, py + 7), fill=(216, 27, 96))
    for s, label in enumerate(["Solar", "Wind", "Gas", "Total demand"]):
        lx = 160 + 210 * s
        col = cols[s] if s < 3 else (216, 27, 96)
        d.rectangle((lx, 650, lx + 24, 670), fill=col)
        d.text((lx + 32, 650), label, font=_font(18), fill=(60, 60, 60))
    return _c(np.asarray(c))


def images() -> list[tuple[str, str, np.ndarray]]:
    out: list[tuple[str, str, np.ndarray]] = [(s[0], "photo", _photo(s)) for s in _PHOTO_SPECS]
    out += [(name, "generated", rgb) for name, rgb in _builtin_images()]
    out.append(("screenshot_settings", "screenshot", _screenshot_settings()))
    out.append(("screenshot_chat", "screenshot", _screenshot_chat()))
    out.append(("graphic_poster", "graphic", _graphic_poster()))
    out.append(("graphic_chart", "graphic", _graphic_chart()))
    return out


# --------------------------------------------------------------------------- attacks


def _flip(img: np.ndarray, axis: int) -> np.ndarray:
    return img[:, ::-1] if axis == 1 else img[::-1]


def _stretch(img: np.ndarray, fx: float, fy: float) -> np.ndarray:
    h, w = img.shape[:2]
    return _resize(img, w * fx, h * fy)


def _stretch_fit(img: np.ndarray, fx: float, fy: float, fill: int) -> np.ndarray:
    h, w = img.shape[:2]
    s = _stretch(img, fx, fy)
    sw, sh = _fit_dims(s.shape[1], s.shape[0], w, h)
    s = _resize(s, sw, sh)
    out = np.full((h, w, 3), fill, np.uint8)
    y0, x0 = (h - s.shape[0]) // 2, (w - s.shape[1]) // 2
    out[y0 : y0 + s.shape[0], x0 : x0 + s.shape[1]] = s[: h - y0, : w - x0]
    return out


def _center_crop(img: np.ndarray, cw: int, ch: int) -> np.ndarray:
    h, w = img.shape[:2]
    cw, ch = max(1, min(w, cw)), max(1, min(h, ch))
    x0, y0 = (w - cw) // 2, (h - ch) // 2
    return img[y0 : y0 + ch, x0 : x0 + cw]


def _stretch_crop(img: np.ndarray, fx: float, fy: float) -> np.ndarray:
    h, w = img.shape[:2]
    return _center_crop(_stretch(img, fx, fy), w, h)


def _crop(img: np.ndarray, kw: float, kh: float, ax: float, ay: float, back: bool = False):
    h, w = img.shape[:2]
    cw, ch = max(1, int(round(w * kw))), max(1, int(round(h * kh)))
    x0, y0 = int(round((w - cw) * ax)), int(round((h - ch) * ay))
    out = img[y0 : y0 + ch, x0 : x0 + cw]
    return _resize(out, w, h) if back else out


def _max_inner(w: float, h: float, ang: float) -> tuple[float, float]:
    """Largest axis-aligned rectangle inside a w x h rectangle turned by ang radians."""
    if w <= 0 or h <= 0:
        return 0.0, 0.0
    long_w = w >= h
    side_long, side_short = (w, h) if long_w else (h, w)
    sin_a, cos_a = abs(math.sin(ang)), abs(math.cos(ang))
    if side_short <= 2.0 * sin_a * cos_a * side_long or abs(sin_a - cos_a) < 1e-10:
        x = 0.5 * side_short
        return (x / sin_a, x / cos_a) if long_w else (x / cos_a, x / sin_a)
    cos_2a = cos_a * cos_a - sin_a * sin_a
    return (w * cos_a - h * sin_a) / cos_2a, (h * cos_a - w * sin_a) / cos_2a


def _rotate(
    img: np.ndarray,
    deg: float,
    border: str = "black",
    expand: bool = False,
    cropfill: bool = False,
    back: bool = False,
) -> np.ndarray:
    h, w = img.shape[:2]
    cx, cy = (w - 1) / 2.0, (h - 1) / 2.0
    m = cv2.getRotationMatrix2D((cx, cy), deg, 1.0)
    size = (w, h)
    if expand:
        a = math.radians(deg)
        nw = int(math.ceil(w * abs(math.cos(a)) + h * abs(math.sin(a))))
        nh = int(math.ceil(w * abs(math.sin(a)) + h * abs(math.cos(a))))
        m[0, 2] += (nw - 1) / 2.0 - cx
        m[1, 2] += (nh - 1) / 2.0 - cy
        size = (max(1, nw), max(1, nh))
    mode = cv2.BORDER_REFLECT_101 if border == "reflect" else cv2.BORDER_CONSTANT
    value = (255, 255, 255) if border == "white" else (0, 0, 0)
    out = cv2.warpAffine(
        np.ascontiguousarray(img),
        m,
        size,
        flags=cv2.INTER_LINEAR,
        borderMode=mode,
        borderValue=value,
    )
    if cropfill:
        wr, hr = _max_inner(w, h, math.radians(deg))
        out = _center_crop(out, int(math.floor(wr)) - 2, int(math.floor(hr)) - 2)
        if back:
            out = _resize(out, w, h)
    return out


def _pad(img: np.ndarray, t: float, b: float, left: float, r: float, colour) -> np.ndarray:
    h, w = img.shape[:2]
    return cv2.copyMakeBorder(
        np.ascontiguousarray(img),
        int(round(h * t)),
        int(round(h * b)),
        int(round(w * left)),
        int(round(w * r)),
        cv2.BORDER_CONSTANT,
        value=colour,
    )


def _border(img: np.ndarray, frac: float, colour) -> np.ndarray:
    h, w = img.shape[:2]
    k = max(1, int(round(min(h, w) * frac)))
    inner = cv2.copyMakeBorder(
        np.ascontiguousarray(img), 2, 2, 2, 2, cv2.BORDER_CONSTANT, value=(255, 255, 255)
    )
    return cv2.copyMakeBorder(inner, k, k, k, k, cv2.BORDER_CONSTANT, value=colour)


def _scale(img: np.ndarray, f: float, interp: int | None = None) -> np.ndarray:
    h, w = img.shape[:2]
    return _resize(img, w * f, h * f, interp)


def _long_side(img: np.ndarray, side: int) -> np.ndarray:
    h, w = img.shape[:2]
    f = side / max(h, w)
    return _resize(img, w * f, h * f)


def _blur(img: np.ndarray, sigma: float) -> np.ndarray:
    return cv2.GaussianBlur(np.ascontiguousarray(img), (0, 0), sigma)


def _sharpen(img: np.ndarray, sigma: float = 1.2, amount: float = 0.8) -> np.ndarray:
    b = _blur(img, sigma).astype(np.float32)
    return _u8(img.astype(np.float32) * (1 + amount) - b * amount)


def _noise(img: np.ndarray, sigma: float, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    n = rng.normal(0.0, sigma, img.shape).astype(np.float32)
    return _u8(img.astype(np.float32) + n)


def _bright(img: np.ndarray, delta: float) -> np.ndarray:
    return _u8(img.astype(np.float32) + delta)


def _contrast(img: np.ndarray, k: float) -> np.ndarray:
    return _u8((img.astype(np.float32) - 128.0) * k + 128.0)


def _gamma(img: np.ndarray, g: float) -> np.ndarray:
    lut = _u8(255.0 * (np.arange(256) / 255.0) ** g)
    return cv2.LUT(np.ascontiguousarray(img), lut)


def _luma(img: np.ndarray) -> np.ndarray:
    f = img.astype(np.float32)
    return 0.299 * f[:, :, 0] + 0.587 * f[:, :, 1] + 0.114 * f[:, :, 2]


def _saturation(img: np.ndarray, s: float) -> np.ndarray:
    y = _luma(img)[:, :, None]
    return _u8(y + s * (img.astype(np.float32) - y))


def _grey(img: np.ndarray) -> np.ndarray:
    g = _u8(_luma(img))
    return np.repeat(g[:, :, None], 3, axis=2)


# ---- screen captures: each returns (canvas, (x, y, w, h) of the picture)


def _cap_browser(img: np.ndarray, dark: bool, W: int, H: int, pic_w: int):
    rng = np.random.default_rng(6201 if dark else 6202)
    bg = (32, 33, 36) if dark else (255, 255, 255)
    fg = (232, 234, 237) if dark else (32, 33, 36)
    muted = (154, 160, 166) if dark else (95, 99, 104)
    chrome = (53, 54, 58) if dark else (222, 225, 230)
    c = Image.new("RGB", (W, H), bg)
    d = ImageDraw.Draw(c)
    d.rectangle((0, 0, W, 40), fill=chrome)
    d.rounded_rectangle((8, 6, 280, 40), radius=8, fill=bg)
    d.text((22, 14), "Weekend photos - Field Notes", font=_font(14), fill=fg)
    d.text((300, 14), "Inbox (3)", font=_font(14), fill=muted)
    for k in range(3):
        d.ellipse((14 + k * 24, 54, 30 + k * 24, 70), outline=muted, width=2)
    d.rounded_rectangle((96, 48, W - 120, 78), radius=15, fill=chrome)
    d.text(
        (116, 55),
        "https://fieldnotes.example.org/2026/12/weekend-photos",
        font=_font(15),
        fill=muted,
    )
    d.line((0, 86, W, 86), fill=chrome)
    col_w = min(W - 80, 900)
    col_x = (W - col_w) // 2
    d.text((col_x, 104), "Field Notes", font=_font(26), fill=fg)
    for k, item in enumerate(["Travel", "Gear", "Journal", "About"]):
        d.text((col_x + col_w - 360 + 90 * k, 110), item, font=_font(17), fill=muted)
    d.line((col_x, 148, col_x + col_w, 148), fill=chrome)
    d.text((col_x, 168), "Three days along the northern river", font=_font(34), fill=fg)
    y = _para(d, col_x, 222, col_w, 2, 17, muted, rng) + 18
    h, w = img.shape[:2]
    pw, ph = _fit_dims(w, h, min(pic_w, W - 40), max(40, H - y - 70))
    px = (W - pw) // 2
    _paste(c, _resize(img, pw, ph), px, y)
    d.text(
        (px, y + ph + 10),
        "The valley just after sunrise. Photo: the author.",
        font=_font(14),
        fill=muted,
    )
    yy = y + ph + 44
    if yy < H - 20:
        _para(d, col_x, yy, col_w, max(1, (H - yy) // 27), 17, fg, rng)
    return np.asarray(c), (px, y, pw, ph)


def _cap_phone(img: np.ndarray, dark: bool, W: int, H: int, margin: int, seed: int):
    s = W / 1080.0
    rng = np.random.default_rng(seed)
    bg = (0, 0, 0) if dark else (255, 255, 255)
    fg = (245, 245, 245) if dark else (20, 20, 20)
    muted = (150, 150, 150) if dark else (115, 115, 115)
    card = (28, 28, 30) if dark else (242, 242, 245)

    def px(v: float) -> int:
        return int(round(v * s))

    c = Image.new("RGB", (W, H), card if margin else bg)
    d = ImageDraw.Draw(c)
    d.text((px(60), px(24)), "9:41", font=_font(px(40)), fill=fg)
    d.rounded_rectangle(
        (W - px(150), px(30), W - px(76), px(64)), radius=px(8), outline=fg, width=max(1, px(3))
    )
    d.rectangle((W - px(144), px(36), W - px(100), px(58)), fill=fg)
    for k in range(4):
        d.rectangle(
            (W - px(290) + px(22) * k, px(60) - px(8) * (k + 1), W - px(276) + px(22) * k, px(62)),
            fill=fg,
        )
    d.text((px(40), px(110)), "Moments", font=_font(px(64)), fill=fg)
    for k in range(2):
        d.ellipse(
            (W - px(190) + px(90) * k, px(118), W - px(130) + px(90) * k, px(178)),
            outline=fg,
            width=max(1, px(5)),
        )
    y = px(236)
    d.line((0, y, W, y), fill=muted, width=1)
    y += px(20)
    h, w = img.shape[:2]
    pw_max = W - 2 * margin
    pw, ph = _fit_dims(w, h, pw_max, pw_max * 1.25)
    pic_y = y + px(130)
    below = px(330)
    if margin:
        d.rounded_rectangle(
            (margin // 2, y, W - margin // 2, pic_y + ph + below), radius=px(28), fill=bg
        )
    ax = max(margin, px(30))
    d.ellipse((ax, y + px(24), ax + px(84), y + px(108)), fill=(200, 120, 90))
    d.text((ax + px(110), y + px(28)), "lena.outdoors", font=_font(px(38)), fill=fg)
    d.text((ax + px(110), y + px(74)), "2 h  -  Lake District", font=_font(px(30)), fill=muted)
    pic_x = (W - pw) // 2
    _paste(c, _resize(img, pw, ph), pic_x, pic_y, radius=px(24) if margin else 0)
    y2 = pic_y + ph + px(28)
    for k in range(3):
        d.ellipse(
            (ax + px(90) * k, y2, ax + px(90) * k + px(56), y2 + px(56)),
            outline=fg,
            width=max(1, px(5)),
        )
    d.text((ax, y2 + px(84)), "1,204 likes", font=_font(px(34)), fill=fg)
    _para(d, ax, y2 + px(134), pw_max - px(60), 2, px(32), fg, rng, gap=1.4)
    y3 = pic_y + ph + below + px(30)
    if y3 < H:
        d.ellipse((ax, y3, ax + px(84), y3 + px(84)), fill=(90, 140, 200))
        d.text((ax + px(110), y3 + px(20)), "the.weekend.club", font=_font(px(38)), fill=fg)
        if y3 + px(110) < H:
            grey = (60, 60, 64) if dark else (205, 210, 215)
            d.rectangle((margin, y3 + px(110), W - margin, H), fill=grey)
    d.rectangle((0, H - px(150), W, H), fill=bg)
    d.line((0, H - px(150), W, H - px(150)), fill=muted)
    for k in range(5):
        cx = int(W * (k + 0.5) / 5)
        d.rounded_rectangle(
            (cx - px(30), H - px(110), cx + px(30), H - px(50)),
            radius=px(10),
            outline=fg,
            width=max(1, px(5)),
        )
    return np.asarray(c), (pic_x, pic_y, pw, ph)


def _cap_document(img: np.ndarray):
    W, H = 1240, 1754
    rng = np.random.default_rng(6301)
    c = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(c)
    black = (25, 25, 25)
    d.text(
        (120, 110), "Field survey report: river valley, December 2026", font=_font(34), fill=black
    )
    d.text((120, 164), "Section 3 - Site photographs", font=_font(24), fill=(80, 80, 80))
    y = _para(d, 120, 220, 1000, 8, 19, black, rng) + 30
    h, w = img.shape[:2]
    pw, ph = _fit_dims(w, h, 560, 640)
    px = (W - pw) // 2
    d.rectangle((px - 1, y - 1, px + pw, y + ph), outline=(180, 180, 180))
    _paste(c, _resize(img, pw, ph), px, y)
    pic_y = y
    d.text(
        (px, y + ph + 14),
        "Figure 3. View from the eastern bank.",
        font=_font(18),
        fill=(70, 70, 70),
    )
    y = y + ph + 64
    _para(d, 120, y, 1000, max(1, (H - 160 - y) // 29), 19, black, rng)
    d.text((W // 2 - 10, H - 90), "7", font=_font(18), fill=(90, 90, 90))
    return np.asarray(c), (px, pic_y, pw, ph)


def _cap_chat(img: np.ndarray):
    W, H = 828, 1792
    rng = np.random.default_rng(6401)
    c = Image.new("RGB", (W, H), (236, 229, 221))
    d = ImageDraw.Draw(c)
    d.rectangle((0, 0, W, 190), fill=(0, 128, 105))
    d.text((40, 30), "10:42", font=_font(30), fill=(255, 255, 255))
    d.ellipse((90, 100, 160, 170), fill=(180, 200, 220))
    d.text((180, 104), "Sam (Hiking group)", font=_font(32), fill=(255, 255, 255))
    d.text((180, 144), "online", font=_font(22), fill=(210, 240, 230))
    y = 220
    for k in range(2):
        bw = int(rng.integers(300, 600))
        d.rounded_rectangle((24, y, 24 + bw, y + 86), radius=18, fill=(255, 255, 255))
        _para(d, 44, y + 14, bw - 40, 2, 24, (20, 20, 20), rng, gap=1.3)
        y += 104 + 6 * k
    h, w = img.shape[:2]
    pw, ph = _fit_dims(w, h, 540, 720)
    bx = W - 24 - pw - 16
    d.rounded_rectangle((bx, y, W - 24, y + ph + 16), radius=20, fill=(220, 248, 198))
    pic_x, pic_y = bx + 8, y + 8
    _paste(c, _resize(img, pw, ph), pic_x, pic_y, radius=16)
    d.text((pic_x + pw - 110, pic_y + ph - 40), "10:41 vv", font=_font(22), fill=(0, 0, 0))
    d.text((pic_x + pw - 112, pic_y + ph - 42), "10:41 vv", font=_font(22), fill=(255, 255, 255))
    y += ph + 36
    if y < H - 260:
        bw = 420
        d.rounded_rectangle((W - 24 - bw, y, W - 24, y + 60), radius=18, fill=(220, 248, 198))
        d.text(
            (W - 24 - bw + 20, y + 16),
            "from the top of the ridge!",
            font=_font(24),
            fill=(20, 20, 20),
        )
        y += 80
    if y < H - 230:
        d.rounded_rectangle((24, y, 420, y + 60), radius=18, fill=(255, 255, 255))
        d.text((44, y + 16), "wow, what a view", font=_font(24), fill=(20, 20, 20))
    d.rectangle((0, H - 130, W, H), fill=(240, 240, 240))
    d.rounded_rectangle((24, H - 110, W - 120, H - 40), radius=35, fill=(255, 255, 255))
    d.text((60, H - 92), "Message", font=_font(28), fill=(150, 150, 150))
    d.ellipse((W - 100, H - 112, W - 28, H - 40), fill=(0, 128, 105))
    return np.asarray(c), (pic_x, pic_y, pw, ph)


def _cap_viewer(img: np.ndarray):
    W, H = 1600, 1000
    c = Image.new("RGB", (W, H), (22, 22, 22))
    d = ImageDraw.Draw(c)
    d.rectangle((0, 0, W, 52), fill=(40, 40, 40))
    d.text((20, 15), "IMG_20261207_0931.jpg", font=_font(18), fill=(230, 230, 230))
    d.text((W - 220, 15), "63%   1 / 24", font=_font(18), fill=(200, 200, 200))
    h, w = img.shape[:2]
    pw, ph = _fit_dims(w, h, W - 80, H - 52 - 120 - 30)
    px, py = (W - pw) // 2, 52 + 15 + (H - 52 - 120 - 30 - ph) // 2
    _paste(c, _resize(img, pw, ph), px, py)
    d.rectangle((0, H - 120, W, H), fill=(34, 34, 34))
    thumb = _resize(img, 96, 72)
    for k in range(9):
        tx = W // 2 - 5 * 106 + 106 * k + 8
        if k == 4:
            d.rectangle((tx - 4, H - 100, tx + 100, H - 24), outline=(66, 133, 244), width=3)
            _paste(c, thumb, tx, H - 98)
        else:
            g = 60 + 12 * k
            d.rectangle((tx, H - 98, tx + 96, H - 26), fill=(g, g + 8, g + 20))
    return np.asarray(c), (px, py, pw, ph)


def _gallery_others() -> list[np.ndarray]:
    key = ("gallery",)
    if key not in _MEMO:
        picks = [
            ("chelsea.png", (0, 0, 451, 300)),
            ("rocket.jpg", (100, 0, 420, 427)),
            ("china.jpg", (0, 0, 640, 427)),
            ("coins.png", (0, 0, 384, 303)),
            ("flower.jpg", (0, 0, 427, 427)),
            ("coffee.png", (0, 0, 600, 400)),
            ("motorcycle_left.png", (0, 0, 741, 500)),
            ("ihc.png", (0, 0, 512, 300)),
        ]
        others = []
        for name, (x0, y0, x1, y1) in picks:
            a = _load(name)[y0:y1, x0:x1]
            others.append(_resize(a, a.shape[1] / 2, a.shape[0] / 2))
        _MEMO[key] = others
    return _MEMO[key]


def _cap_gallery(img: np.ndarray):
    W, H, gap, pad = 1400, 1060, 6, 10
    c = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(c)
    d.text((24, 20), "Photos", font=_font(30), fill=(32, 33, 36))
    d.text((W - 300, 28), "December 2026", font=_font(18), fill=(95, 99, 104))
    o = _gallery_others()
    rows = [[o[0], o[1], o[2]], [o[3], None, o[4]], [o[5], o[6], o[7]]]
    y = 76
    rect = (0, 0, 1, 1)
    for row in rows:
        pics = [img if p is None else p for p in row]
        aspects = [p.shape[1] / p.shape[0] for p in pics]
        rh = min(420.0, (W - 2 * pad - gap * (len(pics) - 1)) / sum(aspects))
        x = pad
        for p, a, is_target in zip(pics, aspects, [p is None for p in row], strict=True):
            tw, th = max(1, int(round(rh * a))), max(1, int(round(rh)))
            if y < H:
                _paste(c, _resize(p, tw, th), x, y)
            if is_target:
                rect = (x, y, tw, th)
            x += tw + gap
        y += int(round(rh)) + gap
    return np.asarray(c), rect


def _cap(fn: Callable[..., Any], *args: Any, q: int = 0, sub: int = 2):
    def run(img: np.ndarray) -> np.ndarray:
        canvas, _ = fn(img, *args)
        return _jpeg(canvas, q, sub) if q else canvas

    return run


def _browser_crop(img: np.ndarray) -> np.ndarray:
    canvas, (x, y, w, h) = _cap_browser(img, False, 1440, 900, 820)
    x0, y0 = max(0, x - 11), max(0, y - 14)
    x1, y1 = min(canvas.shape[1], x + w + 7), min(canvas.shape[0], y + h + 9)
    return _jpeg(canvas[y0:y1, x0:x1], 85)


def _chain(*fns: Callable[[np.ndarray], np.ndarray]) -> Callable[[np.ndarray], np.ndarray]:
    def run(img: np.ndarray) -> np.ndarray:
        for f in fns:
            img = f(img)
        return img

    return run


def _social(img: np.ndarray) -> np.ndarray:
    return _jpeg(_long_side(_crop(img, 0.9, 0.9, 0.45, 0.5), 1080), 75)


def _msg(img: np.ndarray) -> np.ndarray:
    return _jpeg(_scale(img, 0.6, cv2.INTER_AREA), 60)


def _wrap(fn: Callable[[np.ndarray], np.ndarray]) -> Callable[[np.ndarray], np.ndarray]:
    def run(rgb: np.ndarray) -> np.ndarray:
        return _c(fn(np.asarray(rgb, dtype=np.uint8)))

    return run


def attacks() -> list[tuple[str, Callable[[np.ndarray], np.ndarray]]]:
    table: list[tuple[str, Callable[[np.ndarray], np.ndarray]]] = [
        ("none", lambda x: x.copy()),
        ("flip_h", lambda x: _flip(x, 1)),
        ("flip_v", lambda x: _flip(x, 0)),
        ("stretch_x112_kept", lambda x: _stretch(x, 1.12, 1.0)),
        ("squeeze_y87_kept", lambda x: _stretch(x, 1.0, 0.87)),
        ("stretch_y109_fit", lambda x: _stretch_fit(x, 1.0, 1.09, 0)),
        ("squeeze_x90_fit", lambda x: _stretch_fit(x, 0.90, 1.0, 255)),
        ("stretch_x115_crop", lambda x: _stretch_crop(x, 1.15, 1.0)),
        ("crop_c95", lambda x: _crop(x, 0.95, 0.95, 0.5, 0.5)),
        ("crop_c70", lambda x: _crop(x, 0.70, 0.70, 0.5, 0.5)),
        ("crop_c50", lambda x: _crop(x, 0.50, 0.50, 0.5, 0.5)),
        ("crop_tl80", lambda x: _crop(x, 0.80, 0.80, 0.15, 0.1)),
        ("crop_w90_h60_br", lambda x: _crop(x, 0.90, 0.60, 0.8, 0.9)),
        ("crop_off65_rs", lambda x: _crop(x, 0.65, 0.65, 0.85, 0.2, back=True)),
        ("rot_p2_black", lambda x: _rotate(x, 2.0, "black")),
        ("rot_m5_white", lambda x: _rotate(x, -5.0, "white")),
        ("rot_p10_reflect", lambda x: _rotate(x, 10.0, "reflect")),
        ("rot_m3_expand", lambda x: _rotate(x, -3.0, "black", expand=True)),
        ("rot_p6_cropfill", lambda x: _rotate(x, 6.0, cropfill=True)),
        ("rot_m9_cropfill_rs", lambda x: _rotate(x, -9.0, cropfill=True, back=True)),
        ("pad_white_10", lambda x: _pad(x, 0.1, 0.1, 0.1, 0.1, (255, 255, 255))),
        ("pad_black_l20", lambda x: _pad(x, 0.0, 0.0, 0.2, 0.0, (0, 0, 0))),
        ("pad_grey_t5_b15", lambda x: _pad(x, 0.05, 0.15, 0.0, 0.0, (128, 128, 128))),
        ("border_blue_4", lambda x: _border(x, 0.04, (30, 64, 175))),
        ("jpeg30_420", lambda x: _jpeg(x, 30, 2)),
        ("jpeg45_444", lambda x: _jpeg(x, 45, 0)),
        ("jpeg60_420", lambda x: _jpeg(x, 60, 2)),
        ("jpeg75_444", lambda x: _jpeg(x, 75, 0)),
        ("jpeg85_420", lambda x: _jpeg(x, 85, 2)),
        ("jpeg90_444", lambda x: _jpeg(x, 90, 0)),
        ("webp55", lambda x: _webp(x, 55)),
        ("webp85", lambda x: _webp(x, 85)),
        ("down_040", lambda x: _scale(x, 0.40, cv2.INTER_AREA)),
        ("down_065_lin", lambda x: _scale(x, 0.65, cv2.INTER_LINEAR)),
        ("down_080", lambda x: _scale(x, 0.80, cv2.INTER_AREA)),
        ("up_150", lambda x: _scale(x, 1.5, cv2.INTER_CUBIC)),
        ("up_200", lambda x: _scale(x, 2.0, cv2.INTER_LINEAR)),
        ("social_chain", _social),
        ("msg_chain", _msg),
        ("msg_chain_x2", _chain(_msg, _msg)),
        ("cap_browser_light", _cap(_cap_browser, False, 1440, 900, 760)),
        ("cap_browser_dark_j80", _cap(_cap_browser, True, 1920, 1080, 1100, q=80)),
        ("cap_phone_light_full", _cap(_cap_phone, False, 1080, 2340, 0, 6501)),
        ("cap_phone_dark_full_j85", _cap(_cap_phone, True, 1170, 2532, 0, 6502, q=85)),
        ("cap_phone_narrow_j75", _cap(_cap_phone, False, 750, 1334, 60, 6503, q=75)),
        ("cap_document", _cap(_cap_document)),
        ("cap_chat_bubble_j70", _cap(_cap_chat, q=70)),
        ("cap_photo_viewer", _cap(_cap_viewer)),
        ("cap_gallery_grid_j80", _cap(_cap_gallery, q=80, sub=0)),
        ("blur_g15", lambda x: _blur(x, 1.5)),
        ("sharpen_usm", lambda x: _sharpen(x)),
        ("noise_g6", lambda x: _noise(x, 6.0, 6060)),
        ("bright_p30", lambda x: _bright(x, 30)),
        ("bright_m30", lambda x: _bright(x, -30)),
        ("contrast_130", lambda x: _contrast(x, 1.3)),
        ("contrast_065", lambda x: _contrast(x, 0.65)),
        ("gamma_070", lambda x: _gamma(x, 0.70)),
        ("gamma_145", lambda x: _gamma(x, 1.45)),
        ("sat_160", lambda x: _saturation(x, 1.6)),
        ("sat_040", lambda x: _saturation(x, 0.4)),
        ("grey", _grey),
        ("cb_crop85_j70", lambda x: _jpeg(_crop(x, 0.85, 0.85, 0.5, 0.5), 70)),
        ("cb_rot3fill_j80", lambda x: _jpeg(_rotate(x, 3.0, cropfill=True), 80)),
        ("cb_fliph_d70_j75", lambda x: _jpeg(_scale(_flip(x, 1), 0.7), 75)),
        ("cb_bright_con_j85", lambda x: _jpeg(_contrast(_bright(x, 15), 1.15), 85)),
        ("cb_stretch107_w75", lambda x: _webp(_stretch(x, 1.07, 1.0), 75)),
        (
            "cb_pad_rot_j80",
            lambda x: _jpeg(_rotate(_pad(x, 0.08, 0.08, 0.08, 0.08, (255, 255, 255)), -2.0), 80),
        ),
        ("cb_grey_j60", lambda x: _jpeg(_grey(x), 60)),
        ("cb_blur_noise_j85", lambda x: _jpeg(_noise(_blur(x, 0.8), 3.0, 3030), 85)),
        (
            "cb_cropoff_up_sharp",
            lambda x: _sharpen(_scale(_crop(x, 0.8, 0.8, 0.3, 0.7), 1.3), 1.0, 0.6),
        ),
        ("cb_sat_gamma_w80", lambda x: _webp(_gamma(_saturation(x, 1.3), 0.9), 80)),
        (
            "cb_down_up_j90",
            lambda x: _jpeg(_resize(_scale(x, 0.5), x.shape[1], x.shape[0], cv2.INTER_CUBIC), 90),
        ),
        (
            "cb_rot_crop_down_j70",
            lambda x: _jpeg(_scale(_crop(_rotate(x, 1.5), 0.9, 0.9, 0.5, 0.5), 0.8), 70),
        ),
        ("cb_jpeg_x3", lambda x: _jpeg(_jpeg(_jpeg(x, 90), 80, 0), 70)),
        ("cb_browser_crop_j85", _browser_crop),
    ]
    return [(name, _wrap(fn)) for name, fn in table]


# --------------------------------------------------------------------------- unmarked

_UNMARKED_SOURCES = (
    "astronaut.png",
    "chelsea.png",
    "coffee.png",
    "rocket.jpg",
    "china.jpg",
    "flower.jpg",
    "camera.png",
    "moon.png",
    "grass.png",
    "gravel.png",
    "brick.png",
    "ihc.png",
    "coins.png",
    "hubble_deep_field.jpg",
    "retina.jpg",
    "motorcycle_left.png",
    "motorcycle_right.png",
    "cell.png",
    "text.png",
    "page.png",
    "horse.png",
    "color.png",
    "clock_motion.png",
)
_UNMARKED_KINDS = ("photo", "screen", "graphic", "texture", "noise", "flat")
_UNMARKED_WEIGHTS = (0.34, 0.18, 0.14, 0.12, 0.12, 0.10)


def _rand_size(rng: np.random.Generator) -> tuple[int, int]:
    w, h = (int(v) for v in rng.integers(96, 1101, 2))
    return w, h


def _rand_colour(rng: np.random.Generator) -> np.ndarray:
    return rng.integers(0, 256, 3).astype(np.float32)


def _random_photo_crop(rng: np.random.Generator, min_frac: float = 0.3) -> tuple[str, np.ndarray]:
    src = _UNMARKED_SOURCES[int(rng.integers(len(_UNMARKED_SOURCES)))]
    img = _load(src)
    h, w = img.shape[:2]
    fw, fh = rng.uniform(min_frac, 1.0, 2)
    cw, ch = max(8, int(w * fw)), max(8, int(h * fh))
    x0, y0 = int(rng.integers(0, w - cw + 1)), int(rng.integers(0, h - ch + 1))
    return src.split(".")[0], img[y0 : y0 + ch, x0 : x0 + cw]


def _u_photo(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    src, img = _random_photo_crop(rng)
    if rng.random() < 0.5:
        img = img[:, ::-1]
    if rng.random() < 0.12:
        img = img[::-1]
    if rng.random() < 0.15:
        img = np.rot90(img)
    h, w = img.shape[:2]
    long_side = int(rng.integers(96, 1101))
    f = long_side / max(h, w)
    img = _resize(img, min(1100, max(96, w * f)), min(1100, max(96, h * f)))
    r = rng.random()
    if r < 0.15:
        img = _grey(img)
    elif r < 0.40:
        img = _u8(img.astype(np.float32) * rng.uniform(0.7, 1.3) + rng.uniform(-30, 30))
    r = rng.random()
    if r < 0.45:
        img = _jpeg(img, int(rng.integers(35, 96)), int(rng.choice([0, 2])))
        src += "_jpeg"
    elif r < 0.60:
        img = _webp(img, int(rng.integers(40, 96)))
        src += "_webp"
    return src, img


def _u_texture(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w, h = _rand_size(rng)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    kind = int(rng.integers(6))
    c0, c1 = _rand_colour(rng), _rand_colour(rng)
    if kind == 0:
        a, p = rng.uniform(0, math.pi), rng.uniform(2.0, 60.0)
        v = 0.5 + 0.5 * np.sin(
            2 * math.pi * (xx * math.cos(a) + yy * math.sin(a)) / p + rng.uniform(0, 6.3)
        )
        name = "grating"
    elif kind == 1:
        cell = int(rng.integers(1, 65))
        v = ((xx // cell + yy // cell) % 2).astype(np.float32)
        name = "checker"
    elif kind == 2:
        p = int(rng.integers(2, 50))
        duty = rng.uniform(0.2, 0.8)
        coord = xx if rng.random() < 0.5 else yy
        v = ((coord % p) < duty * p).astype(np.float32)
        name = "stripes"
    elif kind == 3:
        p, r = rng.uniform(6, 60), rng.uniform(0.15, 0.45)
        dx, dy = (xx % p) / p - 0.5, (yy % p) / p - 0.5
        v = ((dx * dx + dy * dy) < r * r).astype(np.float32)
        name = "dots"
    elif kind == 4:
        out = np.zeros((h, w, 3), np.float32)
        for ch in range(3):
            a, p = rng.uniform(0, math.pi), rng.uniform(4.0, 80.0)
            out[:, :, ch] = 127.5 + 127.5 * np.sin(
                2 * math.pi * (xx * math.cos(a) + yy * math.sin(a)) / p
            )
        return "plaid", _u8(out)
    else:
        _, patch = _random_photo_crop(rng, 0.05)
        ps = int(rng.integers(12, 97))
        patch = _resize(patch, ps, ps)
        reps = (h // ps + 1, w // ps + 1, 1)
        return "tiled_patch", np.tile(patch, reps)[:h, :w]
    v = v[:, :, None]
    return name, _u8(c0 * (1 - v) + c1 * v)


def _u_noise(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w, h = _rand_size(rng)
    kind = int(rng.integers(7))
    if kind == 0:
        ch = 3 if rng.random() < 0.5 else 1
        n = rng.normal(rng.uniform(30, 220), rng.uniform(3, 60), (h, w, ch))
        return "gaussian", _u8(np.broadcast_to(n, (h, w, 3)))
    if kind == 1:
        return "uniform", rng.integers(0, 256, (h, w, 3), dtype=np.uint8)
    if kind == 2:
        img = np.empty((h, w, 3), np.uint8)
        img[:] = rng.integers(0, 256, 3).astype(np.uint8)
        m = rng.random((h, w)) < rng.uniform(0.005, 0.2)
        img[m] = np.where(rng.random((int(m.sum()), 1)) < 0.5, 0, 255).astype(np.uint8)
        return "salt_pepper", img
    if kind == 3:
        b = int(rng.integers(1, 9))
        bits = rng.integers(0, 2, (h // b + 1, w // b + 1), dtype=np.uint8) * 255
        bits = np.repeat(np.repeat(bits, b, axis=0), b, axis=1)[:h, :w]
        return "binary", np.repeat(bits[:, :, None], 3, axis=2)
    if kind == 4:
        sh, sw = min(h, 384), min(w, 384)
        beta = rng.uniform(1.0, 2.5)
        fy = np.fft.fftfreq(sh)[:, None]
        fx = np.fft.rfftfreq(sw)[None, :]
        amp = 1.0 / np.maximum(np.sqrt(fx * fx + fy * fy), 1.0 / max(sh, sw)) ** (beta / 2)
        out = np.zeros((sh, sw, 3), np.float32)
        for c in range(3):
            spec = amp * np.exp(2j * math.pi * rng.random(amp.shape))
            f = np.fft.irfft2(spec, s=(sh, sw))
            out[:, :, c] = (f - f.mean()) / (f.std() + 1e-9)
        out = 128 + out * rng.uniform(20, 60)
        return "pink", _resize(_u8(out), w, h, cv2.INTER_CUBIC)
    if kind == 5:
        n = rng.normal(0, 1, (h, w, 3)).astype(np.float32)
        n = cv2.GaussianBlur(n, (0, 0), rng.uniform(1.0, 8.0))
        n = (n - n.mean()) / (n.std() + 1e-9)
        return "blurred", _u8(128 + n * rng.uniform(20, 70))
    n = rng.normal(128, rng.uniform(10, 50), (h, w, 3))
    return "jpeg_noise", _jpeg(_u8(n), int(rng.integers(30, 91)))


def _u_flat(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w, h = _rand_size(rng)
    kind = int(rng.integers(6))
    c0, c1 = _rand_colour(rng), _rand_colour(rng)
    if kind == 0:
        return "flat", _u8(np.broadcast_to(c0, (h, w, 3)))
    if kind == 1:
        n = rng.normal(0, rng.uniform(0.4, 2.0), (h, w, 3))
        return "near_flat", _u8(c0 + n)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    if kind in (2, 4):
        a = rng.uniform(0, 2 * math.pi)
        t = xx * math.cos(a) + yy * math.sin(a)
        t = (t - t.min()) / max(1e-6, float(t.max() - t.min()))
        if kind == 4:
            levels = int(rng.integers(4, 33))
            t = np.floor(t * levels) / levels
        name = "linear_gradient" if kind == 2 else "banded_gradient"
    elif kind == 3:
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        t = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2)
        t = t / max(1e-6, float(t.max()))
        name = "radial_gradient"
    else:
        split = int(rng.integers(1, w)) if w > 1 else 0
        t = (xx >= split).astype(np.float32)
        name = "two_tone"
    t = t[:, :, None]
    return name, _u8(c0 * (1 - t) + c1 * t)


def _u_graphic(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w, h = _rand_size(rng)
    bg = tuple(int(v) for v in rng.integers(0, 256, 3))
    c = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(c)
    chart = rng.random() < 0.3
    if chart:
        n = int(rng.integers(3, 12))
        bw = w / (n + 1)
        for k in range(n):
            top = int(h * rng.uniform(0.15, 0.85))
            col = tuple(int(v) for v in rng.integers(0, 256, 3))
            d.rectangle((int(bw * (k + 0.5)), top, int(bw * (k + 1.3)), h - 20), fill=col)
        d.line((10, h - 20, w - 10, h - 20), fill=(0, 0, 0), width=2)
    else:
        for _ in range(int(rng.integers(3, 13))):
            col = tuple(int(v) for v in rng.integers(0, 256, 3))
            x0, x1 = sorted(int(v) for v in rng.integers(0, w, 2))
            y0, y1 = sorted(int(v) for v in rng.integers(0, h, 2))
            shape = int(rng.integers(5))
            if shape == 0:
                d.rectangle((x0, y0, x1, y1), fill=col)
            elif shape == 1:
                d.ellipse((x0, y0, x1, y1), fill=col)
            elif shape == 2:
                pts = [(int(rng.integers(0, w)), int(rng.integers(0, h))) for _ in range(3)]
                d.polygon(pts, fill=col)
            elif shape == 3:
                d.line((x0, y0, x1, y1), fill=col, width=int(rng.integers(1, 12)))
            else:
                d.rounded_rectangle((x0, y0, x1, y1), radius=int(rng.integers(2, 30)), fill=col)
    for _ in range(int(rng.integers(1, 6))):
        size = int(rng.integers(12, 73))
        col = tuple(int(v) for v in rng.integers(0, 256, 3))
        x, y = int(rng.integers(0, max(1, w - 60))), int(rng.integers(0, max(1, h - size)))
        d.text((x, y), _sentence(rng, int(rng.integers(4, 30))), font=_font(size), fill=col)
    return "chart" if chart else "shapes_text", np.asarray(c)


def _u_screen(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    kind = ("page", "feed", "chat", "doc")[int(rng.integers(4))]
    if kind == "feed":
        w, h = int(rng.integers(300, 700)), int(rng.integers(600, 1101))
    elif kind == "chat":
        w, h = int(rng.integers(300, 620)), int(rng.integers(520, 1101))
    else:
        w, h = int(rng.integers(480, 1101)), int(rng.integers(360, 1101))
    dark = rng.random() < 0.35
    bg = (18, 18, 20) if dark else (255, 255, 255)
    fg = (235, 235, 235) if dark else (25, 25, 25)
    muted = (140, 140, 145) if dark else (110, 110, 115)
    accent = tuple(int(v) for v in rng.integers(0, 256, 3))
    c = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(c)
    bar = int(rng.integers(28, 70))
    d.rectangle((0, 0, w, bar), fill=accent)
    d.text(
        (12, bar // 4),
        _sentence(rng, 12).title(),
        font=_font(max(10, bar // 2)),
        fill=(255, 255, 255),
    )
    fs = int(rng.integers(11, 20))
    y = bar + 12
    margin = int(rng.integers(0, 40)) if kind in ("feed", "chat") else int(rng.integers(16, 90))
    while y < h - 40:
        r = rng.random()
        if r < 0.45:
            _, crop = _random_photo_crop(rng, 0.2)
            maxw = w - 2 * margin if kind != "chat" else int((w - 2 * margin) * 0.75)
            pw, ph = _fit_dims(crop.shape[1], crop.shape[0], max(8, maxw), max(8, h * 0.6))
            x = margin if kind != "chat" or rng.random() < 0.5 else w - margin - pw
            if rng.random() < 0.5:
                d.rectangle((x - 3, y - 3, x + pw + 2, y + ph + 2), fill=muted)
            _paste(c, _resize(crop, pw, ph), x, y, radius=int(rng.integers(0, 20)))
            y += ph + int(rng.integers(8, 30))
        elif r < 0.85:
            n = int(rng.integers(1, 6))
            y = _para(d, margin + 4, y, max(40, w - 2 * margin - 8), n, fs, fg, rng) + 10
        else:
            bw = int(rng.integers(60, 200))
            d.rounded_rectangle((margin, y, margin + bw, y + 2 * fs), radius=fs // 2, fill=accent)
            d.text((margin + 10, y + fs // 2), "Open", font=_font(fs), fill=(255, 255, 255))
            y += 3 * fs
    img = np.asarray(c)
    if rng.random() < 0.4:
        img = _jpeg(img, int(rng.integers(50, 95)))
    return kind, img


_UNMARKED_FNS: dict[str, Callable[[np.random.Generator], tuple[str, np.ndarray]]] = {
    "photo": _u_photo,
    "screen": _u_screen,
    "graphic": _u_graphic,
    "texture": _u_texture,
    "noise": _u_noise,
    "flat": _u_flat,
}


def _unmarked_item(seed: int, i: int) -> tuple[str, np.ndarray]:
    rng = np.random.default_rng([seed, i])
    kind = _UNMARKED_KINDS[int(rng.choice(len(_UNMARKED_KINDS), p=_UNMARKED_WEIGHTS))]
    detail, img = _UNMARKED_FNS[kind](rng)
    h, w = img.shape[:2]
    if not (96 <= h <= 1100 and 96 <= w <= 1100):
        img = _resize(img, min(1100, max(96, w)), min(1100, max(96, h)))
    return f"u{i:05d}_{kind}_{detail}", _c(img)


def unmarked(n: int = 10000, seed: int = 2026120713) -> Iterator[tuple[str, np.ndarray]]:
    for i in range(n):
        yield _unmarked_item(seed, i)


# --------------------------------------------------------------------------- edge cases


def edge_cases() -> list[tuple[str, np.ndarray]]:
    rng = np.random.default_rng(7001)
    out: list[tuple[str, np.ndarray]] = []
    add = out.append
    add(("px_1x1", np.array([[[200, 30, 90]]], np.uint8)))
    add(
        ("px_2x2", np.array([[[255, 0, 0], [0, 255, 0]], [[0, 0, 255], [255, 255, 255]]], np.uint8))
    )
    add(("px_w3_h2", rng.integers(0, 256, (2, 3, 3), dtype=np.uint8)))
    ramp = np.linspace(0, 255, 640).astype(np.uint8)
    add(("strip_w1_h640", np.stack([ramp, ramp[::-1], np.full(640, 90, np.uint8)], 1)[:, None]))
    add(("strip_w900_h1", _resize(_load("china.jpg")[200:201], 900, 1)))
    add(("strip_w2_h1024", _resize(_load("astronaut.png")[:, 250:252], 2, 1024)))
    add(("wide_2048x64", _resize(_load("china.jpg")[180:250], 2048, 64)))
    add(("tall_64x2048", _resize(_load("rocket.jpg")[:, 280:340], 64, 2048)))
    x = (np.arange(4000) * 255 // 3999).astype(np.uint8)
    y = (np.arange(3000) * 255 // 2999).astype(np.uint8)
    huge = np.empty((3000, 4000, 3), np.uint8)
    huge[:, :, 0] = x[None, :]
    huge[:, :, 1] = y[:, None]
    huge[:, :, 2] = ((np.arange(3000)[:, None] // 40 + np.arange(4000)[None, :] // 40) % 2) * 200
    huge[750:2250, 1250:2750] = _resize(_load("astronaut.png"), 1500, 1500, cv2.INTER_CUBIC)
    add(("huge_4000x3000", huge))
    add(("flat_black", np.zeros((512, 512, 3), np.uint8)))
    add(("flat_white", np.full((512, 512, 3), 255, np.uint8)))
    add(("flat_grey_300x200", np.full((200, 300, 3), 128, np.uint8)))
    add(("flat_red_256", np.broadcast_to(np.array([255, 0, 0], np.uint8), (256, 256, 3))))
    add(("near_flat_mid", _u8(128 + rng.integers(-1, 2, (480, 640, 3)))))
    add(("near_flat_dark", rng.integers(0, 3, (400, 400, 3), dtype=np.uint8)))
    add(("near_flat_bright", rng.integers(253, 256, (360, 540, 3), dtype=np.uint8)))
    bits = rng.integers(0, 2, (512, 512), dtype=np.uint8) * 255
    add(("binary_noise_grey", np.repeat(bits[:, :, None], 3, axis=2)))
    add(("binary_noise_colour", rng.integers(0, 2, (384, 512, 3), dtype=np.uint8) * 255))
    yy, xx = np.mgrid[0:512, 0:512]
    add(("checker_1px", np.repeat((((xx + yy) % 2) * 255).astype(np.uint8)[:, :, None], 3, 2)))
    yy, xx = np.mgrid[0:480, 0:640]
    add(
        (
            "checker_8px",
            np.repeat((((xx // 8 + yy // 8) % 2) * 255).astype(np.uint8)[:, :, None], 3, 2),
        )
    )
    chk = ((xx // 32 + yy // 32) % 2)[:, :, None]
    add(("checker_32px_colour", _u8(np.where(chk, [230, 40, 120], [20, 180, 220]))))
    add(("stripes_v2px", np.repeat((((xx // 2) % 2) * 255).astype(np.uint8)[:, :, None], 3, 2)))
    add(("stripes_h1px", np.repeat(((yy % 2) * 255).astype(np.uint8)[:, :, None], 3, 2)))
    add(("uniform_noise_513x511", rng.integers(0, 256, (511, 513, 3), dtype=np.uint8)))
    g = np.linspace(0, 255, 1024, dtype=np.float32)
    add(
        (
            "gradient_1024x256",
            _u8(np.broadcast_to(np.stack([g, g * 0.5 + 64, 255 - g], 1), (256, 1024, 3))),
        )
    )
    bars = np.array(
        [
            [255, 0, 0],
            [0, 255, 0],
            [0, 0, 255],
            [0, 255, 255],
            [255, 0, 255],
            [255, 255, 0],
            [255, 255, 255],
            [0, 0, 0],
        ],
        np.uint8,
    )
    add(("colour_bars", np.repeat(np.repeat(bars[None], 300, axis=0), 80, axis=1)))
    add(("photo_97x101", _resize(_load("chelsea.png")[50:250, 150:350], 97, 101)))
    add(("photo_7x5", _resize(_load("coffee.png"), 7, 5)))
    add(("photo_16x16", _resize(_load("astronaut.png"), 16, 16)))
    add(("photo_63x65", _resize(_load("rocket.jpg"), 63, 65)))
    half = _resize(_load("flower.jpg"), 640, 427).copy()
    half[:, 320:] = 0
    add(("photo_half_black", half))
    return [(name, _c(a)) for name, a in out]


def _chunk(tag: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(tag + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)


def _png_rows(arr: np.ndarray) -> bytes:
    """Filter-0 scanlines of an (H, W[, C]) uint8 or uint16 array (16-bit big-endian)."""
    h = arr.shape[0]
    if arr.dtype == np.uint16:
        body = arr.astype(">u2").view(np.uint8).reshape(h, -1)
    else:
        body = arr.reshape(h, -1)
    return np.hstack([np.zeros((h, 1), np.uint8), body]).tobytes()


def _png(
    raw: bytes,
    w: int,
    h: int,
    depth: int,
    ctype: int,
    pre: tuple[tuple[bytes, bytes], ...] = (),
    interlace: int = 0,
) -> bytes:
    ihdr = struct.pack(">IIBBBBB", w, h, depth, ctype, 0, 0, interlace)
    body = _chunk(b"IHDR", ihdr) + b"".join(_chunk(t, d) for t, d in pre)
    return (
        b"\x89PNG\r\n\x1a\n" + body + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b"")
    )


def _adam7(arr: np.ndarray) -> bytes:
    raw = b""
    for x0, y0, dx, dy in (
        (0, 0, 8, 8),
        (4, 0, 8, 8),
        (0, 4, 4, 8),
        (2, 0, 4, 4),
        (0, 2, 2, 4),
        (1, 0, 2, 2),
        (0, 1, 1, 2),
    ):
        sub = arr[y0::dy, x0::dx]
        if sub.shape[0] and sub.shape[1]:
            raw += _png_rows(np.ascontiguousarray(sub))
    return raw


def _s15(v: float) -> bytes:
    return struct.pack(">i", int(round(v * 65536)))


def _icc_profile() -> bytes:
    """A hand-built ICC v2 display profile: wide-gamut (Adobe-RGB-like) primaries, gamma 2.2."""

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ " + b"\0" * 4 + _s15(x) + _s15(y) + _s15(z)

    desc_text = b"heldout 2026-12-07m wide RGB\0"
    desc = (
        b"desc"
        + b"\0" * 4
        + struct.pack(">I", len(desc_text))
        + desc_text
        + struct.pack(">II", 0, 0)
        + struct.pack(">HB", 0, 0)
        + b"\0" * 67
    )
    curv = b"curv" + b"\0" * 4 + struct.pack(">IH", 1, 563) + b"\0\0"
    tags = [
        (b"desc", desc),
        (b"cprt", b"text" + b"\0" * 4 + b"No copyright, test data\0"),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.6097, 0.3111, 0.0195)),
        (b"gXYZ", xyz(0.2053, 0.6257, 0.0609)),
        (b"bXYZ", xyz(0.1492, 0.0632, 0.7446)),
        (b"rTRC", curv),
        (b"gTRC", curv),
        (b"bTRC", curv),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for sig, blob in tags:
        while (offset + len(data)) % 4:
            data += b"\0"
        table += sig + struct.pack(">II", offset + len(data), len(blob))
        data += blob
    while len(data) % 4:
        data += b"\0"
    size = offset + len(data)
    header = (
        struct.pack(">I", size)
        + b"\0" * 4
        + struct.pack(">I", 0x02100000)
        + b"mntr"
        + b"RGB "
        + b"XYZ "
        + struct.pack(">6H", 2026, 12, 7, 0, 0, 0)
        + b"acsp"
        + b"\0" * 4
        + struct.pack(">I", 0)
        + b"\0" * 8
        + b"\0" * 8
        + struct.pack(">I", 0)
        + _s15(0.9642)
        + _s15(1.0)
        + _s15(0.8249)
        + b"\0" * 4
        + b"\0" * 16
        + b"\0" * 28
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + data


def _save(im: Image.Image, fmt: str, **kw: Any) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def edge_case_files() -> list[tuple[str, bytes]]:
    photo = _resize(_load("coffee.png")[20:380, 40:520], 320, 240)
    port = _resize(_load("chelsea.png")[0:300, 100:300], 240, 360)
    out: list[tuple[str, bytes]] = []
    add = out.append
    p16 = photo.astype(np.uint16) * 257 + np.arange(320, dtype=np.uint16)[None, :, None] % 257
    add(("png16_rgb.png", _png(_png_rows(p16), 320, 240, 16, 2)))
    g16 = np.linspace(0, 65535, 320 * 240).reshape(240, 320).astype(np.uint16)
    add(("png16_grey.png", _png(_png_rows(g16), 320, 240, 16, 0)))
    alpha = np.zeros((240, 320), np.uint8)
    alpha[:, 80:] = np.linspace(0, 255, 240).astype(np.uint8)[None, :]
    alpha[100:140, :] = 0
    rgba = np.dstack([photo, alpha])
    add(("png_rgba_transparent.png", _png(_png_rows(rgba), 320, 240, 8, 6)))
    grey = _luma(photo).astype(np.uint8)
    add(("png_grey_alpha.png", _png(_png_rows(np.dstack([grey, alpha])), 320, 240, 8, 4)))
    q = _pil(photo).quantize(64, dither=Image.Dither.NONE)
    pal = bytes(q.getpalette()[: 64 * 3])
    trns = bytes([0, 64, 128, 192] + [255] * 4)
    idx = np.asarray(q, dtype=np.uint8)
    add(
        (
            "png_palette_trns.png",
            _png(_png_rows(idx), 320, 240, 8, 3, ((b"PLTE", pal), (b"tRNS", trns))),
        )
    )
    bits = (grey > 110).astype(np.uint8)
    packed = np.packbits(bits, axis=1)
    add(("png_1bit.png", _png(_png_rows(packed), 320, 240, 1, 0)))
    add(("png_grey8.png", _png(_png_rows(grey), 320, 240, 8, 0)))
    add(("png_interlaced.png", _png(_adam7(photo), 320, 240, 8, 2, interlace=1)))
    icc = _icc_profile()
    iccp = b"heldout wide RGB\0\0" + zlib.compress(icc, 9)
    add(("png_icc_widegamut.png", _png(_png_rows(photo), 320, 240, 8, 2, ((b"iCCP", iccp),))))
    tiny = _png_rows(np.zeros((4, 64, 3), np.uint8))
    add(("png_huge_header.png", _png(tiny, 200000, 150000, 8, 2)))
    good = bytearray(_png(_png_rows(photo), 320, 240, 8, 2))
    iend = len(good) - 12
    good[iend - 2] ^= 0x5A  # inside the IDAT chunk's CRC
    add(("png_bad_crc.png", bytes(good)))
    bad_ihdr = bytearray(full_png := _png(_png_rows(photo), 320, 240, 8, 2))
    bad_ihdr[8 + 8 + 13 + 1] ^= 0xA5  # inside the IHDR chunk's CRC
    add(("png_bad_crc_ihdr.png", bytes(bad_ihdr)))
    full = full_png
    add(("png_truncated.png", full[: int(len(full) * 0.6)]))
    jpg = _save(_pil(photo), "JPEG", quality=90)
    add(("jpeg_truncated.jpg", jpg[: int(len(jpg) * 0.55)]))
    add(("jpeg_cmyk.jpg", _save(_pil(photo).convert("CMYK"), "JPEG", quality=90)))
    add(("jpeg_progressive.jpg", _save(_pil(photo), "JPEG", quality=88, progressive=True)))
    add(("jpeg_grey.jpg", _save(_pil(grey), "JPEG", quality=85)))
    add(("jpeg_icc_widegamut.jpg", _save(_pil(photo), "JPEG", quality=90, icc_profile=icc)))
    for orient, k in ((6, 1), (8, -1)):
        exif = Image.Exif()
        exif[0x0112] = orient
        stored = np.ascontiguousarray(np.rot90(port, k))
        add(
            (
                f"jpeg_exif_orient{orient}.jpg",
                _save(_pil(stored), "JPEG", quality=90, exif=exif.tobytes()),
            )
        )
    frames = []
    for t in range(6):
        f = photo[::2, ::2].copy()
        f[:, t * 25 : t * 25 + 12] = (255, 255, 255)
        frames.append(_pil(f))
    add(
        (
            "gif_animated.gif",
            _save(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=80, loop=0),
        )
    )
    add(
        (
            "webp_animated.webp",
            _save(
                frames[0],
                "WEBP",
                save_all=True,
                append_images=frames[1:],
                duration=100,
                loop=0,
                quality=80,
                method=4,
            ),
        )
    )
    add(("webp_lossless_alpha.webp", _save(_pil(rgba), "WEBP", lossless=True, method=4)))
    add(("tiff_lzw.tif", _save(_pil(photo), "TIFF", compression="tiff_lzw")))
    bgr16 = np.ascontiguousarray(p16[:, :, ::-1])
    ok, enc = cv2.imencode(".tiff", bgr16)
    add(("tiff16_rgb.tif", enc.tobytes() if ok else b""))
    add(("tiff16_grey.tif", _save(Image.fromarray(g16), "TIFF")))
    pages = [_pil(photo), _pil(grey[:200, :200]), _pil(port[:120, :160])]
    add(
        (
            "tiff_multipage.tif",
            _save(pages[0], "TIFF", save_all=True, append_images=pages[1:], compression="tiff_lzw"),
        )
    )
    add(("bmp_24bit_301x203.bmp", _save(_pil(_resize(photo, 301, 203)), "BMP")))
    add(("bmp_palette8.bmp", _save(q, "BMP")))
    add(("empty_file.bin", b""))
    junk = b"".join(hashlib.sha256(f"{ROUND}/{k}".encode()).digest() for k in range(128))
    add(("random_bytes.bin", junk))
    return out
