"""PROVENANCE: a blind held-out test set for safegen's image watermark, round 2026-12-07g.

Who wrote it
    An independent tester: a helper session started by a project session with a brief
    that asked for a frozen, blind held-out set. The tester never saw the watermark's
    design.

What was read / not read
    Read: safegen/backends/ (to call the built-in generator the way
    safegen/backends/builtin.py does), safegen/builtin/ (listing only), pyproject.toml,
    .gitignore, and the signature of safegen.policy.semantic.prompt_condition.
    NOT read: anything under safegen/watermark/, docs/, tests/, benchmarks/ (file names
    listed only), any earlier held-out file in benchmarks/heldout/, the issue tracker, or
    git history/logs.
    Every image, crop box, seed, prompt, attack and strength below was chosen by the
    tester, with deliberately non-round numbers.

FROZEN
    This file is never edited, not even for style: its sha256 is its identity. A later
    round writes a new file with a new ROUND.

Sources
    Images come only from files shipped inside installed packages, read with Pillow
    (scikit-image ``skimage/data/*`` and scikit-learn ``sklearn/datasets/images/*``,
    located with importlib.util.find_spec, never imported), from the project's built-in
    diffusion model (offline, CPU, fixed seeds; cached as PNG in CACHE_DIR), and from
    drawing code in this file. Nothing downloads. Only Pillow, OpenCV and numpy are used
    for the images and attacks (torch only inside the built-in generator).

INTERFACE
    images() -> list[tuple[str, str, np.ndarray]]
        (name, image_class, rgb); 26 images; rgb is C-contiguous uint8 (H, W, 3);
        image_class in {"photo", "generated", "graphic", "screenshot"}.
    attacks() -> list[tuple[str, Callable[[np.ndarray], np.ndarray]]]
        (name, fn); fn(uint8 RGB) -> new C-contiguous uint8 RGB array, deterministic.
        The first is "none" (a copy). 78 attacks when Pillow writes AVIF, 76 without
        (the two "avif_*" attacks are left out when it cannot).
    unmarked(n=10000, seed=2026120707) -> Iterator[np.ndarray]
        n unmarked uint8 RGB images, lazily; item i depends only on
        np.random.default_rng([seed, i]).
    edge_cases() -> list[tuple[str, np.ndarray]]
        awkward uint8 RGB arrays (26).
    edge_case_files() -> list[tuple[str, bytes]]
        awkward encoded files (29, or 28 without AVIF).

Images (name, class)
    photo_astronaut_1366x768 (16:9 crop, upscaled), photo_china_1906x1072 (16:9 crop,
    upscaled), photo_flower_portrait_893x1348, photo_coffee_1131x754,
    photo_chelsea_397x283, photo_rocket_263x175, photo_hubble_dark_977x853,
    photo_retina_dark_2039x1722, photo_motorcycle_1517x1023, photo_gravel_grey_619x619,
    photo_ihc_texture_457x503, photo_moon_dark_733x733, photo_camera_portrait_341x487,
    photo_china_sky_smooth_1019x508, photo_flower_bokeh_dark_371x705,
    photo_brick_texture_1279x853;
    gen_misty_lake_dawn, gen_desert_dunes_noon, gen_snowy_peaks_dusk, gen_night_meadow,
    gen_green_hills_river, gen_sunset_ocean_cliffs (all 256x256, built-in model);
    screenshot_settings_ui_1193x761, graphic_chart_877x613, screenshot_phone_chat_640x1138,
    graphic_logo_on_white_587x587.

Attacks
    none; flips (h, v); one-axis stretches/squeezes (kept, resized back, long side
    restored); centre and off-centre crops (50-95% per side, some resized back);
    rotations -10..+10 degrees (black/white/reflect fill on the same canvas, expanded
    canvas, rotate-then-crop-to-fill with and without resize back); padding, borders and
    letterboxing in several colours; JPEG q31-q88 (4:2:0 and 4:4:4); WebP q51-q87; AVIF
    (when Pillow supports it); downscales 0.41-0.87 and upscales 1.17-1.94 with several
    interpolations; a social-media chain; three messaging-app chains; two screenshot
    attacks; blur, unsharp/sharpen, Gaussian noise, brightness, contrast, gamma,
    saturation, greyscale; small translations by cropping; 16 combinations of 2-3 steps.
    The exact list is in attacks().
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import math
import struct
import zlib
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

ROUND = "2026-12-07g"
CACHE_DIR = Path(__file__).resolve().parent / "cache_g"

# --------------------------------------------------------------------------- sources


def _pkg_dir(pkg: str) -> Path:
    spec = importlib.util.find_spec(pkg)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"package {pkg} is not installed (the held-out set needs its files)")
    return Path(list(spec.submodule_search_locations)[0])


def _source_path(name: str) -> Path:
    if name in ("china.jpg", "flower.jpg"):
        return _pkg_dir("sklearn") / "datasets" / "images" / name
    return _pkg_dir("skimage") / "data" / name


@cache
def _load(name: str) -> np.ndarray:
    """A package photo as read-only uint8 RGB (alpha composited on white, grey replicated)."""
    from PIL import Image

    with Image.open(_source_path(name)) as im:
        im.load()
        if im.mode in ("RGBA", "LA", "P"):
            im = im.convert("RGBA")
            bg = Image.new("RGBA", im.size, (255, 255, 255, 255))
            im = Image.alpha_composite(bg, im)
        arr = np.ascontiguousarray(np.asarray(im.convert("RGB"), dtype=np.uint8))
    arr.setflags(write=False)
    return arr


def _c(a: np.ndarray) -> np.ndarray:
    out = np.ascontiguousarray(a, dtype=np.uint8)
    if out is a or not out.flags.owndata:
        out = out.copy()
    return out


def _pil_resize(a: np.ndarray, w: int, h: int, resample: str = "LANCZOS") -> np.ndarray:
    from PIL import Image

    rs = getattr(Image.Resampling, resample)
    return _c(np.asarray(Image.fromarray(a).resize((max(1, w), max(1, h)), rs)))


def _photo(
    name: str, box: tuple[int, int, int, int] | None, size: tuple[int, int] | None,
    resample: str = "LANCZOS",
) -> np.ndarray:
    a = _load(name)
    if box is not None:
        x0, y0, x1, y1 = box
        a = a[y0:y1, x0:x1]
    if size is not None and (a.shape[1], a.shape[0]) != size:
        return _pil_resize(np.ascontiguousarray(a), size[0], size[1], resample)
    return _c(a)


# --------------------------------------------------------------------------- generated

_GENERATED = (
    ("gen_misty_lake_dawn", "a misty lake at dawn with pine trees on the shore", 73419),
    ("gen_desert_dunes_noon", "sand dunes under a bright blue sky at noon", 5128813),
    ("gen_snowy_peaks_dusk", "snowy mountain peaks at dusk with a pink sky", 902117),
    ("gen_night_meadow", "a dark meadow at night under a starry sky", 4406621),
    ("gen_green_hills_river", "rolling green hills with a winding river and scattered trees",
     1870293),
    ("gen_sunset_ocean_cliffs", "an orange sunset over a calm ocean with rocky cliffs", 660419),
)


def _model_tag() -> str:
    from safegen.backends.builtin import BUILTIN_DIR, MODEL_CONFIG

    try:
        cfg = json.loads((BUILTIN_DIR / MODEL_CONFIG).read_text(encoding="utf-8"))
        pinned = json.dumps(cfg.get("weights_sha256", {}), sort_keys=True)
    except (OSError, ValueError):
        pinned = "unknown"
    return hashlib.sha256(pinned.encode()).hexdigest()[:10]


def _generated() -> list[tuple[str, np.ndarray]]:
    """The built-in model's outputs at its default 256x256, cached as PNG in CACHE_DIR."""
    from PIL import Image

    tag = _model_tag()
    out: list[tuple[str, np.ndarray]] = []
    missing: list[tuple[str, str, int, Path]] = []
    for name, prompt, seed in _GENERATED:
        key = hashlib.sha256(f"{tag}|{prompt}|{seed}".encode()).hexdigest()[:10]
        path = CACHE_DIR / f"{name}_{seed}_{key}.png"
        missing.append((name, prompt, seed, path))
    todo = [m for m in missing if not m[3].exists()]
    if todo:
        import torch

        from safegen.backends.base import BackendRequest
        from safegen.backends.builtin import BuiltinBackend

        threads = torch.get_num_threads()
        try:
            backend = BuiltinBackend(threads=1, device="cpu", dtype="float32")
            CACHE_DIR.mkdir(parents=True, exist_ok=True)
            for _name, prompt, seed, path in todo:
                req = BackendRequest(prompt=prompt, negative_prompt=None, seeds=(seed,))
                img = backend.generate(req)[0].convert("RGB")
                tmp = path.with_suffix(".tmp.png")
                img.save(tmp, format="PNG")
                tmp.replace(path)
        finally:
            torch.set_num_threads(threads)
    for name, _prompt, _seed, path in missing:
        with Image.open(path) as im:
            out.append((name, _c(np.asarray(im.convert("RGB")))))
    return out


# --------------------------------------------------------------------------- graphics


def _font(size: int):
    from PIL import ImageFont

    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # very old Pillow: bitmap font only
        return ImageFont.load_default()


def _settings_ui() -> np.ndarray:
    from PIL import Image, ImageDraw

    w, h = 1193, 761
    im = Image.new("RGB", (w, h), (246, 247, 249))
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, w, 37), fill=(223, 225, 229))
    for i, col in enumerate(((237, 106, 94), (245, 191, 79), (98, 197, 84))):
        d.ellipse((13 + 21 * i, 12, 26 + 21 * i, 25), fill=col)
    d.text((487, 11), "Settings - Display & Privacy", fill=(61, 63, 67), font=_font(14))
    d.rectangle((0, 38, 233, h), fill=(234, 236, 240))
    items = ["General", "Display", "Privacy", "Network", "Accounts", "Storage", "Updates",
             "Keyboard", "About"]
    for i, t in enumerate(items):
        y = 61 + 43 * i
        if i == 2:
            d.rounded_rectangle((9, y - 9, 224, y + 25), 6, fill=(53, 119, 231))
            d.text((27, y), t, fill=(255, 255, 255), font=_font(15))
        else:
            d.text((27, y), t, fill=(47, 49, 53), font=_font(15))
    d.text((271, 59), "Privacy", fill=(21, 23, 27), font=_font(27))
    rows = ["Share usage statistics", "Allow location access", "Send crash reports",
            "Personalised suggestions", "Camera access for apps", "Microphone access"]
    for i, t in enumerate(rows):
        y = 123 + 61 * i
        d.rounded_rectangle((263, y - 13, 1163, y + 37), 9, fill=(255, 255, 255),
                            outline=(219, 221, 226))
        d.text((283, y + 3), t, fill=(33, 35, 39), font=_font(16))
        on = i % 3 != 1
        d.rounded_rectangle((1087, y, 1141, y + 25), 12,
                            fill=(53, 119, 231) if on else (199, 202, 208))
        cx = 1128 if on else 1100
        d.ellipse((cx - 10, y + 2, cx + 11, y + 23), fill=(255, 255, 255))
    d.text((271, 503), "Data retention (days)", fill=(33, 35, 39), font=_font(16))
    d.rectangle((271, 531, 611, 567), fill=(255, 255, 255), outline=(171, 175, 183))
    d.text((283, 540), "93", fill=(21, 23, 27), font=_font(16))
    d.rounded_rectangle((951, 689, 1061, 729), 7, fill=(255, 255, 255), outline=(171, 175, 183))
    d.text((977, 700), "Cancel", fill=(33, 35, 39), font=_font(15))
    d.rounded_rectangle((1071, 689, 1163, 729), 7, fill=(53, 119, 231))
    d.text((1097, 700), "Apply", fill=(255, 255, 255), font=_font(15))
    d.text((271, 601), "Last changed 7 Dec 2026, 14:37 by admin@example.org",
           fill=(121, 125, 133), font=_font(13))
    return _c(np.asarray(im))


def _chart() -> np.ndarray:
    from PIL import Image, ImageDraw

    w, h = 877, 613
    im = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.text((31, 17), "Quarterly throughput (k req/s)", fill=(17, 17, 17), font=_font(21))
    x0, y0, x1, y1 = 79, 71, 847, 541
    for k in range(7):
        y = y1 - k * (y1 - y0) / 6
        d.line((x0, y, x1, y), fill=(229, 229, 229), width=1)
        d.text((37, y - 8), f"{k * 17}", fill=(91, 91, 91), font=_font(13))
    d.line((x0, y0, x0, y1), fill=(51, 51, 51), width=2)
    d.line((x0, y1, x1, y1), fill=(51, 51, 51), width=2)
    vals = [23, 41, 37, 58, 73, 66, 89, 97, 81, 101]
    cols = [(66, 133, 244), (219, 68, 55)]
    bw = (x1 - x0) / len(vals)
    pts = []
    for i, v in enumerate(vals):
        bx = x0 + i * bw + 11
        top = y1 - v / 102 * (y1 - y0)
        d.rectangle((bx, top, bx + bw - 23, y1 - 1), fill=cols[0])
        d.text((bx + 3, y1 + 9), f"Q{i % 4 + 1}'{23 + i // 4}", fill=(51, 51, 51), font=_font(12))
        pts.append((bx + (bw - 23) / 2, y1 - (v * 0.71 + 9) / 102 * (y1 - y0)))
    d.line(pts, fill=cols[1], width=3)
    for p in pts:
        d.ellipse((p[0] - 5, p[1] - 5, p[0] + 5, p[1] + 5), fill=cols[1])
    d.rectangle((619, 81, 633, 95), fill=cols[0])
    d.text((641, 80), "requests", fill=(51, 51, 51), font=_font(13))
    d.rectangle((719, 81, 733, 95), fill=cols[1])
    d.text((741, 80), "p99 latency", fill=(51, 51, 51), font=_font(13))
    return _c(np.asarray(im))


def _phone_chat() -> np.ndarray:
    from PIL import Image, ImageDraw

    w, h = 640, 1138
    im = Image.new("RGB", (w, h), (236, 229, 221))
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, w, 47), fill=(7, 94, 84))
    d.text((23, 14), "9:41", fill=(255, 255, 255), font=_font(17))
    d.text((551, 14), "87%", fill=(255, 255, 255), font=_font(17))
    d.rectangle((0, 48, w, 131), fill=(7, 94, 84))
    d.ellipse((19, 63, 73, 117), fill=(181, 199, 213))
    d.text((91, 71), "Marguerite Okafor", fill=(255, 255, 255), font=_font(22))
    d.text((91, 99), "online", fill=(207, 231, 227), font=_font(14))
    msgs = [
        (0, "Did the build finish?"), (1, "Yes, 17 minutes. Tests green."),
        (0, "Great - can you send the report before 4?"), (1, "Sending now"),
        (1, "Attached: results_v3.pdf (2.3 MB)"), (0, "Thanks! Looks good to me."),
        (0, "One question about table 7 though"), (1, "Sure, which column?"),
        (0, "The third one, the totals look off by 13"), (1, "Ah, rounding. Will fix."),
        (0, "ok"), (1, "Fixed in v4, pushed."),
    ]
    y = 157
    for who, t in msgs:
        tw = int(d.textlength(t, font=_font(17))) + 31
        x = 17 if who == 0 else w - 17 - tw
        fill = (255, 255, 255) if who == 0 else (220, 248, 198)
        d.rounded_rectangle((x, y, x + tw, y + 47), 11, fill=fill)
        d.text((x + 15, y + 9), t, fill=(17, 27, 33), font=_font(17))
        d.text((x + tw - 47, y + 31), "14:0" + str(len(t) % 10), fill=(127, 137, 133),
               font=_font(10))
        y += 67
    d.rectangle((0, h - 83, w, h), fill=(246, 246, 246))
    d.rounded_rectangle((13, h - 69, 551, h - 21), 23, fill=(255, 255, 255))
    d.text((37, h - 55), "Type a message", fill=(151, 151, 151), font=_font(17))
    d.ellipse((567, h - 71, 619, h - 19), fill=(7, 94, 84))
    return _c(np.asarray(im))


def _logo() -> np.ndarray:
    return _pil_resize(np.ascontiguousarray(_load("logo.png")), 587, 587, "BICUBIC")


# --------------------------------------------------------------------------- images


def images() -> list[tuple[str, str, np.ndarray]]:
    """26 test images: 16 photos, 6 built-in model outputs, 4 graphics/screenshots."""
    out: list[tuple[str, str, np.ndarray]] = [
        ("photo_astronaut_1366x768", "photo",
         _photo("astronaut.png", (0, 97, 512, 385), (1366, 768))),
        ("photo_china_1906x1072", "photo",
         _photo("china.jpg", (0, 29, 640, 389), (1906, 1072), "BICUBIC")),
        ("photo_flower_portrait_893x1348", "photo",
         _photo("flower.jpg", (173, 0, 456, 427), (893, 1348))),
        ("photo_coffee_1131x754", "photo", _photo("coffee.png", None, (1131, 754))),
        ("photo_chelsea_397x283", "photo", _photo("chelsea.png", (31, 11, 428, 294), None)),
        ("photo_rocket_263x175", "photo", _photo("rocket.jpg", None, (263, 175))),
        ("photo_hubble_dark_977x853", "photo",
         _photo("hubble_deep_field.jpg", (13, 7, 990, 860), None)),
        ("photo_retina_dark_2039x1722", "photo",
         _photo("retina.jpg", (0, 97, 1411, 1289), (2039, 1722), "BICUBIC")),
        ("photo_motorcycle_1517x1023", "photo",
         _photo("motorcycle_right.png", None, (1517, 1023))),
        ("photo_gravel_grey_619x619", "photo",
         _photo("gravel.png", None, (619, 619), "BICUBIC")),
        ("photo_ihc_texture_457x503", "photo", _photo("ihc.png", (31, 5, 488, 508), None)),
        ("photo_moon_dark_733x733", "photo", _photo("moon.png", None, (733, 733))),
        ("photo_camera_portrait_341x487", "photo",
         _photo("camera.png", (97, 13, 438, 500), None)),
        ("photo_china_sky_smooth_1019x508", "photo",
         _photo("china.jpg", (233, 0, 640, 203), (1019, 508), "BICUBIC")),
        ("photo_flower_bokeh_dark_371x705", "photo",
         _photo("flower.jpg", (431, 0, 640, 397), (371, 705))),
        ("photo_brick_texture_1279x853", "photo",
         _photo("brick.png", (0, 41, 512, 383), (1279, 853), "BILINEAR")),
    ]
    out += [(name, "generated", arr) for name, arr in _generated()]
    out += [
        ("screenshot_settings_ui_1193x761", "screenshot", _settings_ui()),
        ("graphic_chart_877x613", "graphic", _chart()),
        ("screenshot_phone_chat_640x1138", "screenshot", _phone_chat()),
        ("graphic_logo_on_white_587x587", "graphic", _logo()),
    ]
    return out


# --------------------------------------------------------------------------- attack helpers

_CV_INTER = {
    "nearest": 0, "bilinear": 1, "bicubic": 2, "area": 3, "lanczos": 4,
}


def _cv_resize(a: np.ndarray, w: int, h: int, interp: str = "area") -> np.ndarray:
    import cv2

    return _c(cv2.resize(a, (max(1, int(w)), max(1, int(h))), interpolation=_CV_INTER[interp]))


def _scale(a: np.ndarray, f: float, interp: str) -> np.ndarray:
    h, w = a.shape[:2]
    return _cv_resize(a, round(w * f), round(h * f), interp)


def _axis(a: np.ndarray, fx: float, fy: float, back: str = "no") -> np.ndarray:
    """Stretch/squeeze one axis; back='no' keeps it, 'size' resizes back to the original
    size, 'long' restores the original long side uniformly."""
    h, w = a.shape[:2]
    out = _cv_resize(a, round(w * fx), round(h * fy), "bicubic" if max(fx, fy) > 1 else "area")
    if back == "size":
        return _cv_resize(out, w, h, "bicubic")
    if back == "long":
        oh, ow = out.shape[:2]
        f = max(h, w) / max(oh, ow)
        return _cv_resize(out, round(ow * f), round(oh * f), "bicubic" if f > 1 else "area")
    return out


def _crop(a: np.ndarray, fx: float, fy: float, cx: float = 0.5, cy: float = 0.5,
          resize_back: bool = False) -> np.ndarray:
    """Keep fx x fy of the sides; (cx, cy) in [0, 1] places the box (0.5 = centred)."""
    h, w = a.shape[:2]
    cw, ch = max(1, round(w * fx)), max(1, round(h * fy))
    x0 = round((w - cw) * cx)
    y0 = round((h - ch) * cy)
    out = a[y0:y0 + ch, x0:x0 + cw]
    if resize_back:
        return _cv_resize(np.ascontiguousarray(out), w, h, "bicubic")
    return _c(out)


def _shift(a: np.ndarray, left: int, top: int, right: int = 0, bottom: int = 0) -> np.ndarray:
    h, w = a.shape[:2]
    return _c(a[top:max(top + 1, h - bottom), left:max(left + 1, w - right)])


def _rotate(a: np.ndarray, deg: float, fill: str = "black", expand: bool = False) -> np.ndarray:
    import cv2

    h, w = a.shape[:2]
    m = cv2.getRotationMatrix2D(((w - 1) / 2.0, (h - 1) / 2.0), deg, 1.0)
    ow, oh = w, h
    if expand:
        c, s = abs(m[0, 0]), abs(m[0, 1])
        ow = int(math.ceil(h * s + w * c))
        oh = int(math.ceil(h * c + w * s))
        m[0, 2] += (ow - w) / 2.0
        m[1, 2] += (oh - h) / 2.0
    if fill == "reflect":
        border, value = cv2.BORDER_REFLECT_101, (0, 0, 0)
    else:
        border = cv2.BORDER_CONSTANT
        value = (255, 255, 255) if fill == "white" else (0, 0, 0)
    out = cv2.warpAffine(a, m, (ow, oh), flags=cv2.INTER_CUBIC, borderMode=border,
                         borderValue=value)
    return _c(out)


def _inner_rect(w: int, h: int, deg: float) -> tuple[float, float]:
    """The largest axis-aligned rectangle inside a w x h rectangle rotated by deg."""
    ang = math.radians(deg)
    long_w = w >= h
    side_long, side_short = (w, h) if long_w else (h, w)
    sa, ca = abs(math.sin(ang)), abs(math.cos(ang))
    if sa < 1e-12:
        return float(w), float(h)
    if side_short <= 2.0 * sa * ca * side_long or abs(sa - ca) < 1e-10:
        x = 0.5 * side_short
        return (x / sa, x / ca) if long_w else (x / ca, x / sa)
    cos2 = ca * ca - sa * sa
    return (w * ca - h * sa) / cos2, (h * ca - w * sa) / cos2


def _rotate_cropfill(a: np.ndarray, deg: float, resize_back: bool) -> np.ndarray:
    h, w = a.shape[:2]
    r = _rotate(a, deg, "black")
    iw, ih = _inner_rect(w, h, deg)
    iw, ih = max(1, int(iw) - 2), max(1, int(ih) - 2)
    x0, y0 = (w - iw) // 2, (h - ih) // 2
    out = r[y0:y0 + ih, x0:x0 + iw]
    if resize_back:
        return _cv_resize(np.ascontiguousarray(out), w, h, "bicubic")
    return _c(out)


def _pad(a: np.ndarray, top: float, right: float, bottom: float, left: float,
         colour: tuple[int, int, int], resize_back: bool = False) -> np.ndarray:
    h, w = a.shape[:2]
    t, b = round(h * top), round(h * bottom)
    l_, r = round(w * left), round(w * right)
    out = np.empty((h + t + b, w + l_ + r, 3), np.uint8)
    out[:] = np.array(colour, np.uint8)
    out[t:t + h, l_:l_ + w] = a
    if resize_back:
        return _cv_resize(out, w, h, "area")
    return out


def _letterbox(a: np.ndarray, ratio: float, colour: tuple[int, int, int]) -> np.ndarray:
    """Pad to a w/h ratio (bars on top/bottom or left/right), capped at 20% per side."""
    h, w = a.shape[:2]
    if w / h < ratio:
        extra = min(round(h * ratio) - w, 2 * round(0.2 * w))
        return _pad_px(a, 0, extra - extra // 2, 0, extra // 2, colour)
    extra = min(round(w / ratio) - h, 2 * round(0.2 * h))
    return _pad_px(a, extra // 2, 0, extra - extra // 2, 0, colour)


def _pad_px(a: np.ndarray, t: int, r: int, b: int, l_: int,
            colour: tuple[int, int, int]) -> np.ndarray:
    h, w = a.shape[:2]
    out = np.empty((h + t + b, w + l_ + r, 3), np.uint8)
    out[:] = np.array(colour, np.uint8)
    out[t:t + h, l_:l_ + w] = a
    return out


def _pil_codec(a: np.ndarray, fmt: str, **kw) -> np.ndarray:
    from PIL import Image

    buf = io.BytesIO()
    Image.fromarray(a).save(buf, format=fmt, **kw)
    buf.seek(0)
    with Image.open(buf) as im:
        return _c(np.asarray(im.convert("RGB")))


def _jpeg(a: np.ndarray, q: int, sub: str = "4:2:0") -> np.ndarray:
    return _pil_codec(a, "JPEG", quality=q, subsampling={"4:4:4": 0, "4:2:2": 1, "4:2:0": 2}[sub])


def _webp(a: np.ndarray, q: int) -> np.ndarray:
    return _pil_codec(a, "WEBP", quality=q, method=4)


def _avif(a: np.ndarray, q: int) -> np.ndarray:
    return _pil_codec(a, "AVIF", quality=q, speed=8)


def _png(a: np.ndarray) -> np.ndarray:
    return _pil_codec(a, "PNG", compress_level=3)


@lru_cache(maxsize=1)
def _avif_ok() -> bool:
    try:
        from PIL import features

        if not features.check("avif"):
            return False
        probe = np.zeros((16, 16, 3), np.uint8)
        probe[4:11, 3:9] = (201, 37, 93)
        return _avif(probe, 61).shape == (16, 16, 3)
    except Exception:  # noqa: BLE001 - any failure means "not supported here"
        return False


def _blur(a: np.ndarray, sigma: float) -> np.ndarray:
    import cv2

    return _c(cv2.GaussianBlur(a, (0, 0), sigmaX=sigma, sigmaY=sigma,
                               borderType=cv2.BORDER_REFLECT_101))


def _unsharp(a: np.ndarray, sigma: float, amount: float) -> np.ndarray:
    import cv2

    f = a.astype(np.float32)
    b = cv2.GaussianBlur(f, (0, 0), sigmaX=sigma, sigmaY=sigma)
    return _c(np.clip(f + amount * (f - b) + 0.5, 0, 255).astype(np.uint8))


def _sharpen_kernel(a: np.ndarray) -> np.ndarray:
    from PIL import Image, ImageFilter

    return _c(np.asarray(Image.fromarray(a).filter(ImageFilter.SHARPEN)))


def _noise(a: np.ndarray, sigma: float, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    n = rng.normal(0.0, sigma, size=a.shape).astype(np.float32)
    return _c(np.clip(a.astype(np.float32) + n + 0.5, 0, 255).astype(np.uint8))


def _bright(a: np.ndarray, delta: float) -> np.ndarray:
    return _c(np.clip(a.astype(np.float32) + 255.0 * delta + 0.5, 0, 255).astype(np.uint8))


def _contrast(a: np.ndarray, k: float) -> np.ndarray:
    f = a.astype(np.float32)
    m = float(f.mean())
    return _c(np.clip((f - m) * k + m + 0.5, 0, 255).astype(np.uint8))


def _gamma(a: np.ndarray, g: float) -> np.ndarray:
    lut = np.clip(255.0 * (np.arange(256) / 255.0) ** g + 0.5, 0, 255).astype(np.uint8)
    return _c(lut[a])


def _saturation(a: np.ndarray, k: float) -> np.ndarray:
    f = a.astype(np.float32)
    y = f @ np.array([0.299, 0.587, 0.114], np.float32)
    return _c(np.clip(y[..., None] + k * (f - y[..., None]) + 0.5, 0, 255).astype(np.uint8))


def _grey(a: np.ndarray) -> np.ndarray:
    from PIL import Image

    return _c(np.asarray(Image.fromarray(a).convert("L").convert("RGB")))


def _social(a: np.ndarray) -> np.ndarray:
    c = _crop(a, 0.9, 0.9, 0.47, 0.53)
    h, w = c.shape[:2]
    f = 1080 / max(h, w)
    c = _pil_resize(c, round(w * f), round(h * f), "LANCZOS" if f > 1 else "BICUBIC")
    return _jpeg(c, 75, "4:2:0")


def _messaging(a: np.ndarray, f: float, q: int, times: int = 1) -> np.ndarray:
    out = _scale(a, f, "area")
    for _ in range(times):
        out = _jpeg(out, q, "4:2:0")
    return out


def _screenshot_desktop(a: np.ndarray) -> np.ndarray:
    """The image shown in a viewer window at 97%, screen-captured to PNG."""
    from PIL import Image, ImageDraw

    s = _scale(a, 0.97, "area")
    h, w = s.shape[:2]
    bar = 31 + h // 23
    side = 13 + w // 41
    canvas = Image.new("RGB", (w + 2 * side, h + bar + side + 27), (43, 45, 49))
    d = ImageDraw.Draw(canvas)
    d.rectangle((0, 0, canvas.width, bar - 1), fill=(58, 61, 66))
    for i, col in enumerate(((237, 106, 94), (245, 191, 79), (98, 197, 84))):
        d.ellipse((11 + 19 * i, bar // 2 - 6, 23 + 19 * i, bar // 2 + 6), fill=col)
    d.text((side + 71, bar // 2 - 7), "IMG_4719.png - Preview (97%)", fill=(221, 223, 227),
           font=_font(13))
    d.text((side, bar + h + 7), f"{w} x {h} px   RGB   97%", fill=(161, 165, 171),
           font=_font(12))
    canvas.paste(Image.fromarray(s), (side, bar))
    return _png(_c(np.asarray(canvas)))


def _screenshot_phone(a: np.ndarray) -> np.ndarray:
    """The image shown full-width in a phone gallery (scaled 1.083 or to fit), captured."""
    from PIL import Image, ImageDraw

    s = _scale(a, 1.083, "bilinear")
    h, w = s.shape[:2]
    status, nav = 29 + h // 19, 43 + h // 13
    canvas = Image.new("RGB", (w, h + status + nav + 2 * (h // 9)), (0, 0, 0))
    d = ImageDraw.Draw(canvas)
    d.text((11, status // 2 - 7), "10:27", fill=(255, 255, 255), font=_font(14))
    d.text((w - 51, status // 2 - 7), "73%", fill=(255, 255, 255), font=_font(14))
    y_img = status + h // 9
    canvas.paste(Image.fromarray(s), (0, y_img))
    yb = canvas.height - nav
    for i in range(4):
        x = (2 * i + 1) * w // 8
        d.rounded_rectangle((x - 9, yb + nav // 2 - 9, x + 9, yb + nav // 2 + 9), 4,
                            outline=(231, 231, 231), width=2)
    return _png(_c(np.asarray(canvas)))


def _chain(*steps: Callable[[np.ndarray], np.ndarray]) -> Callable[[np.ndarray], np.ndarray]:
    def run(a: np.ndarray) -> np.ndarray:
        out = a
        for step in steps:
            out = step(out)
        return _c(out)

    return run


# --------------------------------------------------------------------------- attacks


def attacks() -> list[tuple[str, Callable[[np.ndarray], np.ndarray]]]:
    """78 attacks (76 without AVIF support). The first is "none"."""
    magenta = (213, 47, 101)
    out: list[tuple[str, Callable[[np.ndarray], np.ndarray]]] = [
        ("none", lambda a: np.array(a, dtype=np.uint8, order="C", copy=True)),
        # flips
        ("flip_h", lambda a: _c(a[:, ::-1])),
        ("flip_v", lambda a: _c(a[::-1, :])),
        # one-axis stretches / squeezes
        ("stretch_w_1.07", lambda a: _axis(a, 1.07, 1.0)),
        ("squeeze_h_0.88", lambda a: _axis(a, 1.0, 0.88)),
        ("squeeze_w_0.86_back", lambda a: _axis(a, 0.86, 1.0, "size")),
        ("stretch_h_1.13_fitlong", lambda a: _axis(a, 1.0, 1.13, "long")),
        # crops
        ("crop_center_0.83", lambda a: _crop(a, 0.83, 0.83)),
        ("crop_center_0.57_back", lambda a: _crop(a, 0.57, 0.57, resize_back=True)),
        ("crop_off_0.71x0.66_tl", lambda a: _crop(a, 0.71, 0.66, 0.13, 0.21)),
        ("crop_off_0.93_br", lambda a: _crop(a, 0.93, 0.93, 0.89, 0.77)),
        ("crop_off_0.52_back", lambda a: _crop(a, 0.52, 0.54, 0.71, 0.37, resize_back=True)),
        ("crop_0.94x0.61_aspect", lambda a: _crop(a, 0.94, 0.61, 0.41, 0.58)),
        # rotations
        ("rot_+2.7_black", lambda a: _rotate(a, 2.7, "black")),
        ("rot_-6.3_white", lambda a: _rotate(a, -6.3, "white")),
        ("rot_+9.1_reflect", lambda a: _rotate(a, 9.1, "reflect")),
        ("rot_-1.3_expand", lambda a: _rotate(a, -1.3, "black", expand=True)),
        ("rot_+4.9_expand_white", lambda a: _rotate(a, 4.9, "white", expand=True)),
        ("rot_+3.4_cropfill", lambda a: _rotate_cropfill(a, 3.4, False)),
        ("rot_-8.2_cropfill_back", lambda a: _rotate_cropfill(a, -8.2, True)),
        # padding / borders / letterboxing
        ("pad_black_0.07", lambda a: _pad(a, 0.07, 0.07, 0.07, 0.07, (0, 0, 0))),
        ("pad_white_asym", lambda a: _pad(a, 0.19, 0.03, 0.11, 0.17, (255, 255, 255))),
        ("letterbox_16x9_grey", lambda a: _letterbox(a, 16 / 9, (37, 37, 41))),
        ("pad_magenta_0.13_back", lambda a: _pad(a, 0.13, 0.09, 0.13, 0.09, magenta, True)),
        # JPEG
        ("jpeg_88_444", lambda a: _jpeg(a, 88, "4:4:4")),
        ("jpeg_71_420", lambda a: _jpeg(a, 71, "4:2:0")),
        ("jpeg_64_444", lambda a: _jpeg(a, 64, "4:4:4")),
        ("jpeg_53_420", lambda a: _jpeg(a, 53, "4:2:0")),
        ("jpeg_37_420", lambda a: _jpeg(a, 37, "4:2:0")),
        ("jpeg_31_444", lambda a: _jpeg(a, 31, "4:4:4")),
        # WebP
        ("webp_87", lambda a: _webp(a, 87)),
        ("webp_66", lambda a: _webp(a, 66)),
        ("webp_51", lambda a: _webp(a, 51)),
    ]
    if _avif_ok():
        out += [
            ("avif_79", lambda a: _avif(a, 79)),
            ("avif_58", lambda a: _avif(a, 58)),
        ]
    out += [
        # rescales
        ("down_0.87_bicubic", lambda a: _scale(a, 0.87, "bicubic")),
        ("down_0.63_area", lambda a: _scale(a, 0.63, "area")),
        ("down_0.41_bilinear", lambda a: _scale(a, 0.41, "bilinear")),
        ("up_1.17_nearest", lambda a: _scale(a, 1.17, "nearest")),
        ("up_1.53_bicubic", lambda a: _scale(a, 1.53, "bicubic")),
        ("up_1.94_lanczos", lambda a: _scale(a, 1.94, "lanczos")),
        # platform chains
        ("social_media_chain", _social),
        ("messaging_0.61_q62", lambda a: _messaging(a, 0.61, 62)),
        ("messaging_0.53_q57", lambda a: _messaging(a, 0.53, 57)),
        ("messaging_harsh_0.45_q40x2", lambda a: _messaging(a, 0.45, 40, times=2)),
        ("screenshot_desktop_png", _screenshot_desktop),
        ("screenshot_phone_png", _screenshot_phone),
        # filters and colour
        ("blur_gauss_0.8", lambda a: _blur(a, 0.8)),
        ("blur_gauss_1.9", lambda a: _blur(a, 1.9)),
        ("unsharp_1.3_0.9", lambda a: _unsharp(a, 1.3, 0.9)),
        ("sharpen_kernel", _sharpen_kernel),
        ("noise_gauss_4.3", lambda a: _noise(a, 4.3, 917)),
        ("noise_gauss_11", lambda a: _noise(a, 11.0, 4271)),
        ("brightness_-0.21", lambda a: _bright(a, -0.21)),
        ("contrast_1.27", lambda a: _contrast(a, 1.27)),
        ("contrast_0.72", lambda a: _contrast(a, 0.72)),
        ("gamma_0.71", lambda a: _gamma(a, 0.71)),
        ("gamma_1.46", lambda a: _gamma(a, 1.46)),
        ("saturation_1.6", lambda a: _saturation(a, 1.6)),
        ("greyscale", _grey),
        # translations by cropping a few pixels
        ("shift_crop_l3_t5", lambda a: _shift(a, 3, 5)),
        ("shift_crop_r7_b2", lambda a: _shift(a, 0, 0, 7, 2)),
        # combinations
        ("combo_flip_h+jpeg73", _chain(lambda a: _c(a[:, ::-1]), lambda a: _jpeg(a, 73))),
        ("combo_crop0.79+rot2.1+jpeg68", _chain(
            lambda a: _crop(a, 0.79, 0.81, 0.37, 0.61), lambda a: _rotate(a, 2.1, "black"),
            lambda a: _jpeg(a, 68))),
        ("combo_stretch_w1.09+webp71", _chain(lambda a: _axis(a, 1.09, 1.0),
                                              lambda a: _webp(a, 71))),
        ("combo_rot-3.7reflect+down0.71", _chain(lambda a: _rotate(a, -3.7, "reflect"),
                                                 lambda a: _scale(a, 0.71, "area"))),
        ("combo_pad_white0.11+jpeg59", _chain(
            lambda a: _pad(a, 0.11, 0.11, 0.11, 0.11, (255, 255, 255)), lambda a: _jpeg(a, 59))),
        ("combo_grey+jpeg81", _chain(_grey, lambda a: _jpeg(a, 81))),
        ("combo_blur1.1+noise5.7", _chain(lambda a: _blur(a, 1.1),
                                          lambda a: _noise(a, 5.7, 3307))),
        ("combo_contrast1.19+gamma0.87+jpeg77", _chain(
            lambda a: _contrast(a, 1.19), lambda a: _gamma(a, 0.87), lambda a: _jpeg(a, 77))),
        ("combo_flip_v+crop0.88back", _chain(lambda a: _c(a[::-1, :]),
                                             lambda a: _crop(a, 0.88, 0.88, resize_back=True))),
        ("combo_down0.58+sharpen+jpeg66", _chain(
            lambda a: _scale(a, 0.58, "area"), _sharpen_kernel, lambda a: _jpeg(a, 66))),
        ("combo_shift4_6+webp62", _chain(lambda a: _shift(a, 4, 6), lambda a: _webp(a, 62))),
        ("combo_squeeze_h0.9+letterbox+jpeg72", _chain(
            lambda a: _axis(a, 1.0, 0.9), lambda a: _letterbox(a, 16 / 9, (0, 0, 0)),
            lambda a: _jpeg(a, 72))),
        ("combo_rot6.6expand+crop0.8back", _chain(
            lambda a: _rotate(a, 6.6, "black", expand=True),
            lambda a: _crop(a, 0.8, 0.8, 0.47, 0.52, resize_back=True))),
        ("combo_bright-0.12+sat1.33+webp78", _chain(
            lambda a: _bright(a, -0.12), lambda a: _saturation(a, 1.33), lambda a: _webp(a, 78))),
        ("combo_up1.37+crop0.73+jpeg84_444", _chain(
            lambda a: _scale(a, 1.37, "bicubic"), lambda a: _crop(a, 0.73, 0.69, 0.23, 0.81),
            lambda a: _jpeg(a, 84, "4:4:4"))),
        ("combo_flip_h+rot1.8cropfill+jpeg64", _chain(
            lambda a: _c(a[:, ::-1]), lambda a: _rotate_cropfill(a, 1.8, False),
            lambda a: _jpeg(a, 64))),
    ]
    return out


# --------------------------------------------------------------------------- unmarked

_UNMARKED_SOURCES = (
    "astronaut.png", "chelsea.png", "coffee.png", "rocket.jpg", "motorcycle_left.png",
    "motorcycle_right.png", "hubble_deep_field.jpg", "retina.jpg", "ihc.png", "china.jpg",
    "flower.jpg", "camera.png", "moon.png", "brick.png", "grass.png", "gravel.png",
    "coins.png", "cell.png", "page.png", "text.png", "color.png", "horse.png",
)


def _u_photo(rng: np.random.Generator) -> np.ndarray:
    import cv2

    src = _load(_UNMARKED_SOURCES[int(rng.integers(len(_UNMARKED_SOURCES)))])
    h, w = src.shape[:2]
    fx, fy = rng.uniform(0.35, 1.0), rng.uniform(0.35, 1.0)
    cw, ch = max(8, int(w * fx)), max(8, int(h * fy))
    x0, y0 = int(rng.integers(0, w - cw + 1)), int(rng.integers(0, h - ch + 1))
    a = src[y0:y0 + ch, x0:x0 + cw]
    long_target = int(rng.integers(200, 1401))
    f = long_target / max(ch, cw)
    jx = rng.uniform(0.9, 1.1) if rng.random() < 0.3 else 1.0  # occasional aspect jitter
    nw = int(min(1400, max(8, round(cw * f * jx))))
    nh = int(min(1400, max(8, round(ch * f))))
    interp = [cv2.INTER_AREA, cv2.INTER_LINEAR, cv2.INTER_CUBIC][int(rng.integers(3))]
    a = cv2.resize(np.ascontiguousarray(a), (nw, nh), interpolation=interp)
    if rng.random() < 0.5:
        a = a[:, ::-1]
    if rng.random() < 0.1:
        a = a[::-1, :]
    if rng.random() < 0.25:
        deg = rng.uniform(-12.0, 12.0)
        m = cv2.getRotationMatrix2D((nw / 2.0, nh / 2.0), deg, 1.0)
        a = cv2.warpAffine(np.ascontiguousarray(a), m, (nw, nh), flags=cv2.INTER_LINEAR,
                           borderMode=cv2.BORDER_REFLECT_101 if rng.random() < 0.5
                           else cv2.BORDER_CONSTANT)
    if rng.random() < 0.15:
        a = np.clip(a.astype(np.float32) * rng.uniform(0.6, 1.3)
                    + rng.uniform(-25, 25), 0, 255).astype(np.uint8)
    if rng.random() < 0.45:
        bgr = cv2.cvtColor(np.ascontiguousarray(a), cv2.COLOR_RGB2BGR)
        ok, enc = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(35, 96))])
        a = cv2.cvtColor(cv2.imdecode(enc, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
    return a


def _u_size(rng: np.random.Generator) -> tuple[int, int]:
    return int(rng.integers(200, 1401)), int(rng.integers(200, 1401))


def _u_noise(rng: np.random.Generator) -> np.ndarray:
    import cv2

    h, w = _u_size(rng)
    h, w = min(h, 900), min(w, 900)
    kind = int(rng.integers(3))
    if kind == 0:
        return rng.integers(0, 256, size=(h, w, 3), dtype=np.uint8)
    if kind == 1:
        base = rng.uniform(30, 220, size=3)
        n = rng.normal(0, rng.uniform(2, 40), size=(h, w, 3))
        return np.clip(base + n, 0, 255).astype(np.uint8)
    small = rng.integers(0, 256, size=(max(2, h // 17), max(2, w // 17), 3), dtype=np.uint8)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)


def _u_flat(rng: np.random.Generator) -> np.ndarray:
    h, w = _u_size(rng)
    a = np.empty((h, w, 3), np.uint8)
    a[:] = rng.integers(0, 256, size=3, dtype=np.uint8)
    return a


def _u_gradient(rng: np.random.Generator) -> np.ndarray:
    h, w = _u_size(rng)
    c0 = rng.uniform(0, 255, size=3).astype(np.float32)
    c1 = rng.uniform(0, 255, size=3).astype(np.float32)
    ang = rng.uniform(0, 2 * math.pi)
    ys = np.linspace(-0.5, 0.5, h, dtype=np.float32)[:, None]
    xs = np.linspace(-0.5, 0.5, w, dtype=np.float32)[None, :]
    t = np.clip(xs * math.cos(ang) + ys * math.sin(ang) + 0.5, 0, 1)
    if rng.random() < 0.3:
        t = np.clip(np.sqrt(xs * xs + ys * ys) * 1.4, 0, 1)
    out = c0 + (c1 - c0) * t[..., None]
    if rng.random() < 0.5:
        out = out + rng.uniform(-1.5, 1.5, size=(1, w, 1)).astype(np.float32)
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)


def _u_graphic(rng: np.random.Generator) -> np.ndarray:
    import cv2

    h, w = _u_size(rng)
    bg = rng.integers(200, 256, size=3) if rng.random() < 0.7 else rng.integers(0, 60, size=3)
    a = np.empty((h, w, 3), np.uint8)
    a[:] = bg.astype(np.uint8)
    for _ in range(int(rng.integers(3, 14))):
        col = tuple(int(v) for v in rng.integers(0, 256, size=3))
        x0, y0 = int(rng.integers(0, w)), int(rng.integers(0, h))
        x1, y1 = int(rng.integers(0, w)), int(rng.integers(0, h))
        k = int(rng.integers(4))
        if k == 0:
            cv2.rectangle(a, (x0, y0), (x1, y1), col, -1)
        elif k == 1:
            cv2.line(a, (x0, y0), (x1, y1), col, int(rng.integers(1, 6)))
        elif k == 2:
            cv2.circle(a, (x0, y0), int(rng.integers(3, max(4, min(h, w) // 4))), col, -1)
        else:
            cv2.rectangle(a, (x0, y0), (x1, y1), col, int(rng.integers(1, 4)))
    txt_col = (20, 20, 20) if bg.mean() > 128 else (235, 235, 235)
    for _ in range(int(rng.integers(2, 11))):
        x0, y0 = int(rng.integers(0, max(1, w - 60))), int(rng.integers(12, h))
        word = "".join(chr(int(c)) for c in rng.integers(97, 123, size=int(rng.integers(3, 19))))
        cv2.putText(a, word, (x0, y0), int(rng.integers(0, 5)), float(rng.uniform(0.35, 1.4)),
                    txt_col, int(rng.integers(1, 3)), cv2.LINE_AA)
    return a


def unmarked(n: int = 10000, seed: int = 2026120707) -> Iterator[np.ndarray]:
    """n unmarked uint8 RGB images; item i depends only on default_rng([seed, i]).

    Mix: ~62% photo-derived (crop/flip/rescale/rotate/JPEG of the package photos,
    200-1400 px), ~9% noise, ~7% flat, ~10% gradients, ~12% synthetic graphics.
    """
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        u = rng.random()
        if u < 0.62:
            a = _u_photo(rng)
        elif u < 0.71:
            a = _u_noise(rng)
        elif u < 0.78:
            a = _u_flat(rng)
        elif u < 0.88:
            a = _u_gradient(rng)
        else:
            a = _u_graphic(rng)
        yield np.ascontiguousarray(a, dtype=np.uint8)


# --------------------------------------------------------------------------- edge cases


def edge_cases() -> list[tuple[str, np.ndarray]]:
    """26 awkward uint8 RGB arrays."""
    rng = np.random.default_rng(7719031)
    out: list[tuple[str, np.ndarray]] = []

    def add(name: str, a: np.ndarray) -> None:
        out.append((name, np.ascontiguousarray(a, dtype=np.uint8)))

    add("tiny_1x1", np.array([[[143, 61, 209]]], np.uint8))
    add("tiny_2x2", rng.integers(0, 256, size=(2, 2, 3), dtype=np.uint8))
    add("line_1x513", rng.integers(0, 256, size=(1, 513, 3), dtype=np.uint8))
    add("strip_7x300", rng.integers(0, 256, size=(7, 300, 3), dtype=np.uint8))
    add("strip_300x7", rng.integers(0, 256, size=(300, 7, 3), dtype=np.uint8))
    add("photo_crop_16x16", _c(_load("astronaut.png")[201:217, 233:249]))
    add("photo_63x63", _c(_load("chelsea.png")[97:160, 171:234]))
    add("photo_64x64", _c(_load("coffee.png")[113:177, 289:353]))
    add("photo_127x129", _c(_load("rocket.jpg")[151:278, 263:392]))
    add("strip_200x3000", _pil_resize(np.ascontiguousarray(_load("china.jpg")[180:260]),
                                      3000, 200, "BICUBIC"))
    add("strip_3000x200", _pil_resize(np.ascontiguousarray(_load("flower.jpg")[:, 301:341]),
                                      200, 3000, "BICUBIC"))
    solid = np.empty((384, 512, 3), np.uint8)
    solid[:] = (117, 117, 117)
    add("solid_grey_512x384", solid)
    add("solid_black_333x517", np.zeros((333, 517, 3), np.uint8))
    add("solid_white_611x401", np.full((611, 401, 3), 255, np.uint8))
    two = np.empty((419, 577, 3), np.uint8)
    two[:, :263] = (19, 71, 163)
    two[:, 263:] = (241, 197, 43)
    add("two_colours_577x419", two)
    add("noise_uniform_517x389", rng.integers(0, 256, size=(389, 517, 3), dtype=np.uint8))
    add("noise_binary_0_255_301x299",
        (rng.integers(0, 2, size=(299, 301, 1), dtype=np.uint8) * 255).repeat(3, axis=2))
    add("near_black_0to3_641x479", rng.integers(0, 4, size=(479, 641, 3), dtype=np.uint8))
    add("near_white_252to255_479x641",
        rng.integers(252, 256, size=(641, 479, 3), dtype=np.uint8))
    add("mid_grey_126to129_700x500", rng.integers(126, 130, size=(500, 700, 3), dtype=np.uint8))
    yy, xx = np.mgrid[0:256, 0:256]
    add("checker_1px_256", (((yy + xx) % 2) * 255).astype(np.uint8)[..., None].repeat(3, 2))
    yy, xx = np.mgrid[0:300, 0:400]
    chk = ((yy // 8 + xx // 8) % 2).astype(bool)
    c8 = np.empty((300, 400, 3), np.uint8)
    c8[chk] = (231, 29, 53)
    c8[~chk] = (11, 173, 97)
    add("checker_8px_colour_400x300", c8)
    stripes = np.zeros((360, 480, 3), np.uint8)
    stripes[0::2] = (255, 255, 255)
    add("stripes_1px_horizontal_480x360", stripes)
    prim = np.zeros((270, 630, 3), np.uint8)
    for k, col in enumerate(((255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0),
                             (0, 255, 255), (255, 0, 255), (255, 255, 255))):
        prim[:, k * 90:(k + 1) * 90] = col
    add("saturated_primaries_630x270", prim)
    clipped = _c(np.clip(_load("coffee.png").astype(np.int16) * 2 - 40, 0, 255).astype(np.uint8))
    add("clipped_highlights_600x400", clipped)
    ys = np.linspace(0.0, 1.0, 4000, dtype=np.float32)[:, None]
    xs = np.linspace(0.0, 1.0, 4000, dtype=np.float32)[None, :]
    g = np.empty((4000, 4000, 3), np.uint8)
    g[..., 0] = (xs * 255.0 + 0.5).astype(np.uint8)
    g[..., 1] = (ys * 255.0 + 0.5).astype(np.uint8)
    g[..., 2] = ((1.0 - 0.5 * (xs + ys)) * 255.0 + 0.5).astype(np.uint8)
    add("gradient_smooth_4000x4000", g)
    return out


# --------------------------------------------------------------------------- edge files


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def edge_case_files() -> list[tuple[str, bytes]]:
    """Awkward encoded files (29; 28 when Pillow cannot write AVIF)."""
    import cv2
    from PIL import Image

    rng = np.random.default_rng(2026120799)
    base = np.ascontiguousarray(_load("astronaut.png")[61:341, 97:457])  # 280x360
    out: list[tuple[str, bytes]] = []

    def save(name: str, im: Image.Image, fmt: str, **kw) -> None:
        buf = io.BytesIO()
        im.save(buf, format=fmt, **kw)
        out.append((name, buf.getvalue()))

    rgb = Image.fromarray(base)
    # 16-bit PNGs
    g16 = (np.asarray(rgb.convert("L"), np.uint16) * 257 + rng.integers(0, 257, size=(280, 360),
                                                                         dtype=np.uint16))
    save("png16_grey", Image.fromarray(g16.astype(np.uint16)), "PNG")
    rgb16 = base.astype(np.uint16) * 257 + 101
    ok, enc = cv2.imencode(".png", cv2.cvtColor(rgb16, cv2.COLOR_RGB2BGR))
    out.append(("png16_rgb", enc.tobytes()))
    # alpha
    alpha = np.zeros((280, 360), np.uint8)
    alpha[:, 90:] = np.linspace(0, 255, 270).astype(np.uint8)[None, :]
    alpha[100:170, 150:230] = 0
    rgba = np.dstack([base, alpha])
    save("png_rgba_transparent", Image.fromarray(rgba, "RGBA"), "PNG")
    la = np.dstack([np.asarray(rgb.convert("L")), alpha])
    save("png_la", Image.fromarray(la, "LA"), "PNG")
    pal = rgb.quantize(colors=61, method=Image.Quantize.MEDIANCUT)
    save("png_palette_61", pal, "PNG")
    pal_t = pal.copy()
    pal_t.info["transparency"] = 7
    save("png_palette_trns", pal_t, "PNG", transparency=7)
    save("png_1bit", rgb.convert("1"), "PNG")
    save("png_grey_8bit", rgb.convert("L"), "PNG")
    # JPEGs
    save("jpeg_cmyk", rgb.convert("CMYK"), "JPEG", quality=87)
    save("jpeg_progressive", rgb, "JPEG", quality=83, progressive=True, optimize=True)
    for orient in (6, 8):
        exif = Image.Exif()
        exif[0x0112] = orient
        save(f"jpeg_exif_orientation_{orient}", rgb, "JPEG", quality=89, exif=exif.tobytes())
    save("jpeg_greyscale", rgb.convert("L"), "JPEG", quality=79)
    try:
        from PIL import ImageCms

        icc = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
        # littlecms stamps the creation time: fix it (and clear the optional profile ID)
        icc[24:36] = struct.pack(">6H", 2026, 12, 7, 10, 13, 29)
        icc[84:100] = bytes(16)
        icc = bytes(icc)
        save("jpeg_icc_srgb", rgb, "JPEG", quality=91, icc_profile=icc)
    except Exception:  # noqa: BLE001 - no littlecms: write the same JPEG without a profile
        save("jpeg_icc_srgb", rgb, "JPEG", quality=91)
    save("jpeg_1x1", Image.new("RGB", (1, 1), (17, 191, 83)), "JPEG", quality=90)
    # animations
    frames = [Image.fromarray(np.roll(base, 37 * k, axis=1)) for k in range(3)]
    buf = io.BytesIO()
    frames[0].convert("P", palette=Image.Palette.ADAPTIVE).save(
        buf, format="GIF", save_all=True,
        append_images=[f.convert("P", palette=Image.Palette.ADAPTIVE) for f in frames[1:]],
        duration=[113, 97, 131], loop=0)
    out.append(("gif_animated_3frames", buf.getvalue()))
    buf = io.BytesIO()
    frames[0].save(buf, format="WEBP", save_all=True, append_images=frames[1:],
                   duration=[113, 97, 131], loop=0, quality=77)
    out.append(("webp_animated_3frames", buf.getvalue()))
    save("webp_lossless_alpha", Image.fromarray(rgba, "RGBA"), "WEBP", lossless=True)
    # broken
    full_png = io.BytesIO()
    rgb.save(full_png, format="PNG")
    png_bytes = full_png.getvalue()
    out.append(("png_truncated_half", png_bytes[: len(png_bytes) * 53 // 100]))
    full_jpg = io.BytesIO()
    rgb.save(full_jpg, format="JPEG", quality=85)
    jpg_bytes = full_jpg.getvalue()
    out.append(("jpeg_truncated", jpg_bytes[: len(jpg_bytes) * 41 // 100]))
    out.append(("zero_bytes", b""))
    out.append(("random_bytes_1733", rng.integers(0, 256, size=1733, dtype=np.uint8).tobytes()))
    ihdr = struct.pack(">IIBBBBB", 193_337, 171_113, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" + b"\x00" * 3 * 16)
    huge = (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", idat)
            + _png_chunk(b"IEND", b""))
    out.append(("png_huge_declared_193337x171113", huge))
    # TIFF / BMP
    save("tiff_16bit_grey", Image.fromarray(g16.astype(np.uint16)), "TIFF")
    fl = (np.asarray(rgb.convert("L"), np.float32) / 255.0) * 1.7 - 0.3
    try:
        save("tiff_float32", Image.fromarray(fl.astype(np.float32), "F"), "TIFF")
    except Exception:  # noqa: BLE001 - cannot write float TIFF: write cv2's instead
        ok, enc = cv2.imencode(".tiff", fl.astype(np.float32))
        out.append(("tiff_float32", enc.tobytes()))
    ok, enc = cv2.imencode(".tiff", cv2.cvtColor(rgb16, cv2.COLOR_RGB2BGR))
    out.append(("tiff_16bit_rgb", enc.tobytes()))
    save("bmp_24bit", rgb, "BMP")
    gif_t = rgb.convert("P", palette=Image.Palette.ADAPTIVE, colors=97)
    save("gif_static_transparent", gif_t, "GIF", transparency=3)
    if _avif_ok():
        save("avif_still", rgb, "AVIF", quality=67, speed=8)
    return out
