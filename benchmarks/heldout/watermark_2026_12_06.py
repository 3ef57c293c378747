"""Held-out evaluation set for the invisible image watermark -- round 2026-12-06
================================================================================

Provenance
----------
Written by an independent helper that had NOT seen the watermark's design, code,
documentation, benchmarks, tests or earlier held-out files. It was told only the
categories of images and attacks wanted and the public interface below. The only
project code it read was ``safegen/backends/`` (to call the built-in generator).

THE FILE IS FROZEN. It must never be edited, not even to fix a bug or to make a
result look better. A later round writes a NEW file (a new date in its name).

Public interface
----------------
``ROUND = "2026-12-06"``

``images() -> list[tuple[str, str, np.ndarray]]``
    (name, image_class, rgb): rgb is a C-contiguous uint8 (H, W, 3) RGB array.
    Classes: ``photo512``, ``photo1024``, ``wide``, ``generated256``,
    ``generated512``. Generated images are cached as ``.npy`` in the folder
    ``cache_c/`` next to this file and regenerated when missing.

``attacks() -> list[tuple[str, Callable[[np.ndarray], np.ndarray]]]``
    Deterministic uint8 RGB -> uint8 RGB functions (output size may differ).

``unmarked(n=10000, seed=2026120601) -> Iterator[tuple[str, np.ndarray]]``
    n unmarked images for a false-positive count; item i depends only on
    (seed, i) through ``np.random.default_rng([seed, i])``.

``edge_cases() -> list[tuple[str, np.ndarray]]``
    Awkward RGB uint8 arrays (tiny, strips, huge, flat, noise, checkerboard).

``edge_case_files() -> list[tuple[str, bytes]]``
    Awkward encoded files (16-bit PNG, RGBA PNG, grey/CMYK/progressive JPEG,
    palette and animated GIF, EXIF orientation 6 in JPEG and PNG).

Photographs used (all shipped offline inside scikit-image's ``skimage/data``)
---------------------------------------------------------------------------
``retina.jpg`` (1411x1411 colour fundus photograph), ``hubble_deep_field.jpg``
(1000x872 colour astronomical photograph), and the greyscale photographs
``brick.png``, ``grass.png``, ``gravel.png`` (512x512), ``cell.png`` (550 wide x 660 high),
``text.png`` (448x172), ``page.png`` (384x191), ``clock_motion.png`` (400x300).
Greyscale files are replicated to three equal RGB channels. Several images are
WINDOWS (crops at different positions) of the same large photo (retina, hubble);
they are listed as separate images but are not independent photographs.

Images (coordinates are x0, y0, x1, y1 in source pixels; "area" = cv2.INTER_AREA,
"lanczos" = cv2.INTER_LANCZOS4, "cubic" = cv2.INTER_CUBIC)
--------------------------------------------------------------------------------
photo512 (6):
  retina_disc_window    retina  (40, 330, 800, 1090)  -> 512x512 area
  retina_macula_window  retina  (520, 400, 1230, 1110) -> 512x512 area
  hubble_left_window    hubble  (0, 0, 872, 872)      -> 512x512 area
  hubble_right_window   hubble  (128, 0, 1000, 872)   -> 512x512 area
  grass                 grass   full 512x512 (grey -> RGB)
  gravel                gravel  full 512x512 (grey -> RGB)
photo1024 (3):
  retina_full           retina  full 1411x1411 -> 1024x1024 area
  hubble_centre         hubble  (64, 0, 936, 872) -> 1024x1024 lanczos (upscale)
  cell                  cell    (0, 55, 550, 605) of the 550 wide x 660 high file
                        -> 1024x1024 lanczos (grey -> RGB)
wide (2):
  hubble_768x512        hubble full resized to 768x670 area, then rows 79..591
                        (centre crop) -> 768 wide x 512 high
  retina_600x800        retina (250, 140, 1150, 1340) -> 600 wide x 800 high area
generated256 (8): built-in model, default steps, default guidance, 256x256:
  see ``_GEN_PROMPTS`` below (prompt, seed), negative_prompt None.
generated512 (2): same model asked for width=height=512 (its own upscale).

Attacks (exact definitions). Notation: image is H x W. "resize(w, h, interp)"
is cv2.resize to w x h (both rounded half-up with int(x + 0.5), at least 1).
JPEG = Pillow encode, ``quality=q, subsampling=2`` (4:2:0), no optimize, decoded
with Pillow to RGB. WebP = Pillow encode lossy ``quality=q, method=4``, decoded to
RGB. PNG round trip = cv2.imencode('.png', compression 1) and imdecode.
Rotation "rot(a)" = cv2.getRotationMatrix2D about ((W-1)/2, (H-1)/2), angle a
degrees (positive = counter-clockwise), cv2.warpAffine to the same W x H canvas,
INTER_LINEAR; border as stated. "fillcrop" = after rot(a) (black border), crop the
centred largest axis-aligned rectangle inside the rotated image (classic
max-area formula), shrunk by 2 px on every side (at least 1 px kept).
"crop(f, ax, ay)" keeps round(f*W) x round(f*H) px starting at
x0 = round(ax*(W - cw)), y0 = round(ay*(H - ch)). "pad(t, b, l, r, colour)" with
t/b in fractions of H and l/r of W (rounded), cv2.copyMakeBorder constant.

   1 identity
   2 flip_h                    left-right mirror
   3 flip_v                    up-down mirror
   4 transpose                 swap x and y axes (H x W -> W x H)
   5 stretch_x_0.87            resize(0.87W, H, area)
   6 stretch_x_1.13            resize(1.13W, H, cubic)
   7 stretch_y_0.91            resize(W, 0.91H, area)
   8 stretch_y_1.07            resize(W, 1.07H, cubic)
   9 aspect_w1.11_h0.93        resize(1.11W, 0.93H, linear)
  10 aspect_w0.89_h1.06        resize(0.89W, 1.06H, linear)
  11 crop_centre_83            crop(0.83, 0.5, 0.5)
  12 crop_centre_57            crop(0.57, 0.5, 0.5)
  13 crop_offcentre_71         crop(0.71, 0.22, 0.68)
  14 crop_offcentre_88x61      keep round(0.88W) x round(0.61H), anchors ax=0.8, ay=0.1
  15 crop_corner_tl_76         crop(0.76, 0, 0)
  16 crop_corner_br_62         crop(0.62, 1, 1)
  17 crop_corner_tr_81x69      keep round(0.81W) x round(0.69H), anchors ax=1, ay=0
  18 rotate_+3.7_black         rot(+3.7), border constant (0,0,0)
  19 rotate_-6.3_reflect       rot(-6.3), border cv2.BORDER_REFLECT_101
  20 rotate_+9.2_black         rot(+9.2), border constant (0,0,0)
  21 rotate_+8.6_fillcrop_resize   fillcrop(+8.6) then resize(W, H, cubic)
  22 rotate_-2.3_fillcrop_resize   fillcrop(-2.3) then resize(W, H, cubic)
  23 border_white_7pct         pad(0.07, 0.07, 0.07, 0.07, (255,255,255))
  24 border_black_13pct        pad(0.13, 0.13, 0.13, 0.13, (0,0,0))
  25 border_blue_17pct         pad(0.17, 0.17, 0.17, 0.17, (37,112,201))
  26 border_asym_cream         pad(t=0.04, b=0.19, l=0.11, r=0.06, (240,236,221))
  27 letterbox_16x9_black      pad with black to 16:9: if W/H < 16/9 add
                               round(H*16/9) - W columns (half left, rest right),
                               else add round(W*9/16) - H rows (half top, rest bottom)
  28 jpeg_q88 / 29 jpeg_q71 / 30 jpeg_q47 / 31 jpeg_q23    JPEG at that quality
  32 webp_q77 / 33 webp_q53                              WebP at that quality
  34 downscale_0.52            resize(0.52W, 0.52H, area)
  35 downscale_0.73            resize(0.73W, 0.73H, area)
  36 upscale_1.6               resize(1.6W, 1.6H, cubic)
  37 upscale_1.93              resize(1.93W, 1.93H, lanczos)
  38 resize_long_1080          scale s = 1080/max(W, H); resize(sW, sH), area if
                               s < 1 else cubic
  39 social_media              crop(0.91, 0.5, 0.5); resize_long_1080; JPEG 75
  40 messaging_app             resize(0.6W, 0.6H, area); JPEG 60
  41 flip_h+jpeg_q66           flip_h; JPEG 66
  42 stretch_x1.09+jpeg_q58    resize(1.09W, H, cubic); JPEG 58
  43 deep_crop_52+jpeg_q79     crop(0.52, 0.35, 0.6); JPEG 79
  44 rotate_+4.4_crop+jpeg_q68 fillcrop(+4.4) (no resize back); JPEG 68
  45 border_white_9pct+rescale pad(0.09 each side, (255,255,255)); resize(W, H, area)
  46 crop_74+rescale           crop(0.74, 0.4, 0.45); resize(W, H, cubic)
  47 rotate_-5.2+stretch_y_0.92 rot(-5.2) black border; resize(W, 0.92H, area)
  48 brightness_+23            x + 23, clipped to 0..255
  49 contrast_1.27             round((x - 127.5)*1.27 + 127.5), clipped
  50 gamma_0.78                LUT round(255*(v/255)**0.78)
  51 blur_gauss_0.9            cv2.GaussianBlur(ksize=(0,0), sigma=0.9), BORDER_DEFAULT
  52 noise_gauss_4.2           x + 4.2 * rng.standard_normal((H, W, 3), dtype=float32)
                               with rng = np.random.default_rng(20261206) (float32
                               arithmetic), rounded, clipped
  53 sharpen_unsharp_0.8       x + 0.8*(x - GaussianBlur(x, sigma=1.3)), rounded, clipped
  54 screenshot_grey           resize(0.8W, 0.8H, area); PNG round trip; paste
                               into a (205,205,205) canvas with margins
                               left round(0.06w), top round(0.09h), right
                               round(0.06w), bottom round(0.13h) of the scaled
                               size w x h; PNG round trip of the whole canvas

Unmarked images (``unmarked``)
------------------------------
For item i: rng = np.random.default_rng([seed, i]); u = rng.random():
  u < 0.70 "photo": source chosen with weights retina 0.3, hubble 0.3, brick,
     grass, gravel, cell 0.07 each, text, page, clock_motion 0.04 each; random
     crop keeping 30-100% of each side at a random position; output size
     W, H uniform integers in 256..1024 (40% forced square); resize (area when
     shrinking, cubic otherwise); then 50% left-right flip, 20% up-down flip,
     25% rot(U(-12, 12)) with reflect border, 15% a k*90 degree rotation,
     25% JPEG with quality uniform in 40..95.
  u < 0.78 "noise": uniform or Gaussian noise, possibly Gaussian-blurred.
  u < 0.84 "flat": one random colour.
  u < 0.91 "gradient": linear gradient between two random colours at a random
     angle (plus optional mild noise).
  else "smoothscene": a procedural 32x32 landscape (sky gradient, horizon,
     terrain/water bands, a sun or moon blob, faint stars) upscaled with
     lanczos to a square of 256, 384, 512 or 768 px, like the built-in model.
Names are ``unmarked/{i:05d}/{kind}``.

Edge cases (``edge_cases``): see the function; names say the shape.
Edge case files (``edge_case_files``): built from a 320x240 window of retina.jpg
(x 300..940, y 500..980, resized area) as listed in the function.
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

ROUND = "2026-12-06"

_HERE = Path(__file__).resolve().parent
_CACHE = _HERE / "cache_c"

_GEN_PROMPTS: list[tuple[str, str, int, int]] = [
    # (name, prompt, seed, size)
    ("sea_turquoise_midday", "a calm turquoise sea under a clear midday sky", 4127, 256),
    ("mountain_lake_dawn", "a mirror-still mountain lake at dawn with pine trees", 90211, 256),
    ("snowy_peaks_winter", "snow-capped mountains under a pale blue winter sky", 7718, 256),
    ("desert_dunes_golden", "red sand dunes in a desert at golden hour", 55063, 256),
    ("frozen_river_dusk", "a snowy field with a frozen river at dusk", 2609, 256),
    ("forest_valley_rain", "a dense green forest valley after rain", 140887, 256),
    ("ocean_sunset_orange", "a vivid orange sunset over the ocean horizon", 8842, 256),
    ("starry_night_hills", "a starry night sky above dark hills", 61274, 256),
    ("misty_lake_autumn_512", "a misty lake surrounded by autumn forest", 33019, 512),
    ("desert_mesa_twilight_512", "a purple twilight over desert mesas", 470, 512),
]


# --------------------------------------------------------------------------- helpers


def _c(a: np.ndarray) -> np.ndarray:
    a = np.asarray(a)
    if a.ndim == 2:
        a = np.stack([a, a, a], axis=-1)
    if a.shape[-1] == 4:
        a = a[..., :3]
    return np.ascontiguousarray(a, dtype=np.uint8)


def _r(x: float) -> int:
    return max(1, int(x + 0.5))


_SK_DATA: Path | None = None


def _skdata() -> Path:
    global _SK_DATA
    if _SK_DATA is None:
        import skimage

        _SK_DATA = Path(skimage.__file__).resolve().parent / "data"
    return _SK_DATA


_PHOTO_CACHE: dict[str, np.ndarray] = {}


def _photo(name: str) -> np.ndarray:
    """An RGB uint8 array of a photograph from skimage/data (grey -> 3 channels)."""
    if name not in _PHOTO_CACHE:
        with Image.open(_skdata() / name) as im:
            arr = np.asarray(im.convert("RGB"))
        arr = _c(arr)
        arr.setflags(write=False)
        _PHOTO_CACHE[name] = arr
    return _PHOTO_CACHE[name]


def _resize(img: np.ndarray, w: float, h: float, interp: int) -> np.ndarray:
    return _c(cv2.resize(img, (_r(w), _r(h)), interpolation=interp))


def _window(name: str, box: tuple[int, int, int, int], w: int, h: int, interp: int) -> np.ndarray:
    x0, y0, x1, y1 = box
    return _resize(_photo(name)[y0:y1, x0:x1], w, h, interp)


def _jpeg(img: np.ndarray, q: int) -> np.ndarray:
    buf = io.BytesIO()
    Image.fromarray(_c(img)).save(buf, format="JPEG", quality=q, subsampling=2)
    buf.seek(0)
    with Image.open(buf) as im:
        return _c(np.asarray(im.convert("RGB")))


def _webp(img: np.ndarray, q: int) -> np.ndarray:
    buf = io.BytesIO()
    Image.fromarray(_c(img)).save(buf, format="WEBP", quality=q, method=4, lossless=False)
    buf.seek(0)
    with Image.open(buf) as im:
        return _c(np.asarray(im.convert("RGB")))


def _png_rt(img: np.ndarray) -> np.ndarray:
    ok, enc = cv2.imencode(".png", np.ascontiguousarray(img[..., ::-1]), [cv2.IMWRITE_PNG_COMPRESSION, 1])
    if not ok:  # pragma: no cover
        return _c(img)
    dec = cv2.imdecode(enc, cv2.IMREAD_COLOR)
    return _c(dec[..., ::-1])


def _crop(img: np.ndarray, fw: float, fh: float, ax: float, ay: float) -> np.ndarray:
    h, w = img.shape[:2]
    cw = min(w, _r(fw * w))
    ch = min(h, _r(fh * h))
    x0 = int(round(ax * (w - cw)))
    y0 = int(round(ay * (h - ch)))
    return _c(img[y0 : y0 + ch, x0 : x0 + cw])


def _rot(img: np.ndarray, angle: float, border: int = cv2.BORDER_CONSTANT) -> np.ndarray:
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D(((w - 1) / 2.0, (h - 1) / 2.0), angle, 1.0)
    return _c(
        cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=border, borderValue=(0, 0, 0))
    )


def _max_rect(w: int, h: int, angle_deg: float) -> tuple[float, float]:
    a = math.radians(angle_deg)
    if w <= 0 or h <= 0:
        return 0.0, 0.0
    width_is_longer = w >= h
    side_long, side_short = (w, h) if width_is_longer else (h, w)
    sin_a, cos_a = abs(math.sin(a)), abs(math.cos(a))
    if sin_a < 1e-12:
        return float(w), float(h)
    if side_short <= 2.0 * sin_a * cos_a * side_long or abs(sin_a - cos_a) < 1e-10:
        x = 0.5 * side_short
        wr, hr = (x / sin_a, x / cos_a) if width_is_longer else (x / cos_a, x / sin_a)
    else:
        cos_2a = cos_a * cos_a - sin_a * sin_a
        wr, hr = (w * cos_a - h * sin_a) / cos_2a, (h * cos_a - w * sin_a) / cos_2a
    return wr, hr


def _fillcrop(img: np.ndarray, angle: float) -> np.ndarray:
    h, w = img.shape[:2]
    rot = _rot(img, angle)
    wr, hr = _max_rect(w, h, angle)
    cw = max(1, min(w, int(math.floor(wr)) - 4))
    ch = max(1, min(h, int(math.floor(hr)) - 4))
    x0 = (w - cw) // 2
    y0 = (h - ch) // 2
    return _c(rot[y0 : y0 + ch, x0 : x0 + cw])


def _pad(img: np.ndarray, t: float, b: float, l: float, r: float, colour: tuple[int, int, int]) -> np.ndarray:
    h, w = img.shape[:2]
    return _c(
        cv2.copyMakeBorder(
            img,
            int(round(t * h)),
            int(round(b * h)),
            int(round(l * w)),
            int(round(r * w)),
            cv2.BORDER_CONSTANT,
            value=colour,
        )
    )


def _letterbox_169(img: np.ndarray) -> np.ndarray:
    h, w = img.shape[:2]
    if w / h < 16 / 9:
        extra = int(round(h * 16 / 9)) - w
        left = extra // 2
        return _c(cv2.copyMakeBorder(img, 0, 0, left, extra - left, cv2.BORDER_CONSTANT, value=(0, 0, 0)))
    extra = int(round(w * 9 / 16)) - h
    top = extra // 2
    return _c(cv2.copyMakeBorder(img, top, extra - top, 0, 0, cv2.BORDER_CONSTANT, value=(0, 0, 0)))


def _long_side(img: np.ndarray, target: int = 1080) -> np.ndarray:
    h, w = img.shape[:2]
    s = target / max(w, h)
    return _resize(img, s * w, s * h, cv2.INTER_AREA if s < 1 else cv2.INTER_CUBIC)


def _scale(img: np.ndarray, sx: float, sy: float, interp: int) -> np.ndarray:
    h, w = img.shape[:2]
    return _resize(img, sx * w, sy * h, interp)


def _back(img: np.ndarray, like: np.ndarray, interp: int) -> np.ndarray:
    h, w = like.shape[:2]
    return _resize(img, w, h, interp)


def _clip(x: np.ndarray) -> np.ndarray:
    return _c(np.clip(np.rint(x), 0, 255))


def _noise(img: np.ndarray, sigma: float, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    n = rng.standard_normal(size=img.shape, dtype=np.float32) * np.float32(sigma)
    return _clip(img.astype(np.float32) + n)


def _unsharp(img: np.ndarray, amount: float, sigma: float) -> np.ndarray:
    f = img.astype(np.float32)
    blur = cv2.GaussianBlur(f, (0, 0), sigma)
    return _clip(f + amount * (f - blur))


def _gamma(img: np.ndarray, g: float) -> np.ndarray:
    lut = np.clip(np.rint(255.0 * (np.arange(256) / 255.0) ** g), 0, 255).astype(np.uint8)
    return _c(lut[img])


def _screenshot(img: np.ndarray) -> np.ndarray:
    small = _png_rt(_scale(img, 0.8, 0.8, cv2.INTER_AREA))
    h, w = small.shape[:2]
    out = cv2.copyMakeBorder(
        small,
        int(round(0.09 * h)),
        int(round(0.13 * h)),
        int(round(0.06 * w)),
        int(round(0.06 * w)),
        cv2.BORDER_CONSTANT,
        value=(205, 205, 205),
    )
    return _png_rt(out)


# --------------------------------------------------------------------------- images


def _generated() -> list[tuple[str, str, np.ndarray]]:
    out: list[tuple[str, str, np.ndarray]] = []
    missing = []
    for name, prompt, seed, size in _GEN_PROMPTS:
        path = _CACHE / f"{name}_s{seed}_{size}.npy"
        if not path.exists():
            missing.append((name, prompt, seed, size, path))
    if missing:
        from safegen.backends import BackendRequest
        from safegen.backends.builtin import BuiltinBackend

        _CACHE.mkdir(parents=True, exist_ok=True)
        backend = BuiltinBackend(threads=1)
        for name, prompt, seed, size, path in missing:
            req = BackendRequest(prompt, None, (seed,), width=size, height=size)
            pil = backend.generate(req)[0]
            arr = _c(np.asarray(pil.convert("RGB")))
            tmp = path.with_suffix(".tmp.npy")
            np.save(tmp, arr)
            os.replace(tmp, path)
    for name, _prompt, seed, size in _GEN_PROMPTS:
        arr = _c(np.load(_CACHE / f"{name}_s{seed}_{size}.npy"))
        cls = "generated256" if size == 256 else "generated512"
        out.append((f"{cls}/{name}", cls, arr))
    return out


def images() -> list[tuple[str, str, np.ndarray]]:
    A, L, C = cv2.INTER_AREA, cv2.INTER_LANCZOS4, cv2.INTER_CUBIC
    out: list[tuple[str, str, np.ndarray]] = []

    def add(name: str, cls: str, arr: np.ndarray) -> None:
        out.append((f"{cls}/{name}", cls, _c(arr)))

    add("retina_disc_window", "photo512", _window("retina.jpg", (40, 330, 800, 1090), 512, 512, A))
    add("retina_macula_window", "photo512", _window("retina.jpg", (520, 400, 1230, 1110), 512, 512, A))
    add("hubble_left_window", "photo512", _window("hubble_deep_field.jpg", (0, 0, 872, 872), 512, 512, A))
    add("hubble_right_window", "photo512", _window("hubble_deep_field.jpg", (128, 0, 1000, 872), 512, 512, A))
    add("grass", "photo512", _photo("grass.png"))
    add("gravel", "photo512", _photo("gravel.png"))

    add("retina_full", "photo1024", _window("retina.jpg", (0, 0, 1411, 1411), 1024, 1024, A))
    add("hubble_centre", "photo1024", _window("hubble_deep_field.jpg", (64, 0, 936, 872), 1024, 1024, L))
    add("cell", "photo1024", _window("cell.png", (0, 55, 550, 605), 1024, 1024, L))

    hub = _resize(_photo("hubble_deep_field.jpg"), 768, 670, A)
    add("hubble_768x512", "wide", hub[79:591])
    add("retina_600x800", "wide", _window("retina.jpg", (250, 140, 1150, 1340), 600, 800, A))

    out.extend(_generated())
    return out


# --------------------------------------------------------------------------- attacks


def attacks() -> list[tuple[str, Callable[[np.ndarray], np.ndarray]]]:
    A, C, LN, LZ = cv2.INTER_AREA, cv2.INTER_CUBIC, cv2.INTER_LINEAR, cv2.INTER_LANCZOS4
    W3, K3 = (255, 255, 255), (0, 0, 0)
    lst: list[tuple[str, Callable[[np.ndarray], np.ndarray]]] = [
        ("identity", lambda x: _c(x.copy())),
        ("flip_h", lambda x: _c(x[:, ::-1])),
        ("flip_v", lambda x: _c(x[::-1, :])),
        ("transpose", lambda x: _c(np.transpose(x, (1, 0, 2)))),
        ("stretch_x_0.87", lambda x: _scale(x, 0.87, 1.0, A)),
        ("stretch_x_1.13", lambda x: _scale(x, 1.13, 1.0, C)),
        ("stretch_y_0.91", lambda x: _scale(x, 1.0, 0.91, A)),
        ("stretch_y_1.07", lambda x: _scale(x, 1.0, 1.07, C)),
        ("aspect_w1.11_h0.93", lambda x: _scale(x, 1.11, 0.93, LN)),
        ("aspect_w0.89_h1.06", lambda x: _scale(x, 0.89, 1.06, LN)),
        ("crop_centre_83", lambda x: _crop(x, 0.83, 0.83, 0.5, 0.5)),
        ("crop_centre_57", lambda x: _crop(x, 0.57, 0.57, 0.5, 0.5)),
        ("crop_offcentre_71", lambda x: _crop(x, 0.71, 0.71, 0.22, 0.68)),
        ("crop_offcentre_88x61", lambda x: _crop(x, 0.88, 0.61, 0.8, 0.1)),
        ("crop_corner_tl_76", lambda x: _crop(x, 0.76, 0.76, 0.0, 0.0)),
        ("crop_corner_br_62", lambda x: _crop(x, 0.62, 0.62, 1.0, 1.0)),
        ("crop_corner_tr_81x69", lambda x: _crop(x, 0.81, 0.69, 1.0, 0.0)),
        ("rotate_+3.7_black", lambda x: _rot(x, 3.7)),
        ("rotate_-6.3_reflect", lambda x: _rot(x, -6.3, cv2.BORDER_REFLECT_101)),
        ("rotate_+9.2_black", lambda x: _rot(x, 9.2)),
        ("rotate_+8.6_fillcrop_resize", lambda x: _back(_fillcrop(x, 8.6), x, C)),
        ("rotate_-2.3_fillcrop_resize", lambda x: _back(_fillcrop(x, -2.3), x, C)),
        ("border_white_7pct", lambda x: _pad(x, 0.07, 0.07, 0.07, 0.07, W3)),
        ("border_black_13pct", lambda x: _pad(x, 0.13, 0.13, 0.13, 0.13, K3)),
        ("border_blue_17pct", lambda x: _pad(x, 0.17, 0.17, 0.17, 0.17, (37, 112, 201))),
        ("border_asym_cream", lambda x: _pad(x, 0.04, 0.19, 0.11, 0.06, (240, 236, 221))),
        ("letterbox_16x9_black", _letterbox_169),
        ("jpeg_q88", lambda x: _jpeg(x, 88)),
        ("jpeg_q71", lambda x: _jpeg(x, 71)),
        ("jpeg_q47", lambda x: _jpeg(x, 47)),
        ("jpeg_q23", lambda x: _jpeg(x, 23)),
        ("webp_q77", lambda x: _webp(x, 77)),
        ("webp_q53", lambda x: _webp(x, 53)),
        ("downscale_0.52", lambda x: _scale(x, 0.52, 0.52, A)),
        ("downscale_0.73", lambda x: _scale(x, 0.73, 0.73, A)),
        ("upscale_1.6", lambda x: _scale(x, 1.6, 1.6, C)),
        ("upscale_1.93", lambda x: _scale(x, 1.93, 1.93, LZ)),
        ("resize_long_1080", lambda x: _long_side(x, 1080)),
        ("social_media", lambda x: _jpeg(_long_side(_crop(x, 0.91, 0.91, 0.5, 0.5), 1080), 75)),
        ("messaging_app", lambda x: _jpeg(_scale(x, 0.6, 0.6, A), 60)),
        ("flip_h+jpeg_q66", lambda x: _jpeg(x[:, ::-1], 66)),
        ("stretch_x1.09+jpeg_q58", lambda x: _jpeg(_scale(x, 1.09, 1.0, C), 58)),
        ("deep_crop_52+jpeg_q79", lambda x: _jpeg(_crop(x, 0.52, 0.52, 0.35, 0.6), 79)),
        ("rotate_+4.4_crop+jpeg_q68", lambda x: _jpeg(_fillcrop(x, 4.4), 68)),
        ("border_white_9pct+rescale", lambda x: _back(_pad(x, 0.09, 0.09, 0.09, 0.09, W3), x, A)),
        ("crop_74+rescale", lambda x: _back(_crop(x, 0.74, 0.74, 0.4, 0.45), x, C)),
        ("rotate_-5.2+stretch_y_0.92", lambda x: _scale(_rot(x, -5.2), 1.0, 0.92, A)),
        ("brightness_+23", lambda x: _c(np.clip(x.astype(np.int16) + 23, 0, 255))),
        ("contrast_1.27", lambda x: _clip((x.astype(np.float32) - 127.5) * 1.27 + 127.5)),
        ("gamma_0.78", lambda x: _gamma(x, 0.78)),
        ("blur_gauss_0.9", lambda x: _c(cv2.GaussianBlur(x, (0, 0), 0.9))),
        ("noise_gauss_4.2", lambda x: _noise(x, 4.2, 20261206)),
        ("sharpen_unsharp_0.8", lambda x: _unsharp(x, 0.8, 1.3)),
        ("screenshot_grey", _screenshot),
    ]

    def guard(fn: Callable[[np.ndarray], np.ndarray]) -> Callable[[np.ndarray], np.ndarray]:
        def run(x: np.ndarray) -> np.ndarray:
            return fn(_c(x))

        return run

    return [(name, guard(fn)) for name, fn in lst]


# --------------------------------------------------------------------------- unmarked

_UNMARKED_SOURCES = [
    ("retina.jpg", 0.30),
    ("hubble_deep_field.jpg", 0.30),
    ("brick.png", 0.07),
    ("grass.png", 0.07),
    ("gravel.png", 0.07),
    ("cell.png", 0.07),
    ("text.png", 0.04),
    ("page.png", 0.04),
    ("clock_motion.png", 0.04),
]


def _u_size(rng: np.random.Generator) -> tuple[int, int]:
    w = int(rng.integers(256, 1025))
    h = w if rng.random() < 0.4 else int(rng.integers(256, 1025))
    return w, h


def _u_photo(rng: np.random.Generator) -> np.ndarray:
    names = [n for n, _ in _UNMARKED_SOURCES]
    p = np.array([q for _, q in _UNMARKED_SOURCES])
    src = _photo(names[int(rng.choice(len(names), p=p / p.sum()))])
    sh, sw = src.shape[:2]
    cw = max(8, int(sw * rng.uniform(0.3, 1.0)))
    ch = max(8, int(sh * rng.uniform(0.3, 1.0)))
    x0 = int(rng.integers(0, sw - cw + 1))
    y0 = int(rng.integers(0, sh - ch + 1))
    crop = src[y0 : y0 + ch, x0 : x0 + cw]
    w, h = _u_size(rng)
    interp = cv2.INTER_AREA if w * h < cw * ch else cv2.INTER_CUBIC
    img = cv2.resize(crop, (w, h), interpolation=interp)
    if rng.random() < 0.5:
        img = img[:, ::-1]
    if rng.random() < 0.2:
        img = img[::-1, :]
    if rng.random() < 0.25:
        img = _rot(_c(img), float(rng.uniform(-12, 12)), cv2.BORDER_REFLECT_101)
    if rng.random() < 0.15:
        img = np.rot90(img, int(rng.integers(1, 4)))
    if rng.random() < 0.25:
        img = _jpeg(_c(img), int(rng.integers(40, 96)))
    return _c(img)


def _u_noise(rng: np.random.Generator) -> np.ndarray:
    w, h = _u_size(rng)
    if rng.random() < 0.5:
        img = rng.integers(0, 256, size=(h, w, 3), dtype=np.uint8)
    else:
        mean = rng.uniform(40, 215, size=3)
        img = np.clip(rng.normal(0, rng.uniform(5, 60), size=(h, w, 3)) + mean, 0, 255).astype(np.uint8)
    if rng.random() < 0.4:
        img = cv2.GaussianBlur(img, (0, 0), float(rng.uniform(0.5, 4.0)))
    return _c(img)


def _u_flat(rng: np.random.Generator) -> np.ndarray:
    w, h = _u_size(rng)
    col = rng.integers(0, 256, size=3).astype(np.uint8)
    return _c(np.broadcast_to(col, (h, w, 3)))


def _u_gradient(rng: np.random.Generator) -> np.ndarray:
    w, h = _u_size(rng)
    a = rng.uniform(0, 2 * np.pi)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    t = xx * math.cos(a) + yy * math.sin(a)
    t = (t - t.min()) / max(1e-6, float(t.max() - t.min()))
    c0 = rng.uniform(0, 255, size=3).astype(np.float32)
    c1 = rng.uniform(0, 255, size=3).astype(np.float32)
    img = c0 + t[..., None] * (c1 - c0)
    if rng.random() < 0.3:
        img = img + rng.normal(0, 2.0, size=img.shape).astype(np.float32)
    return _clip(img)


def _u_smoothscene(rng: np.random.Generator) -> np.ndarray:
    n = 32
    yy, xx = np.mgrid[0:n, 0:n].astype(np.float32) / (n - 1)
    horizon = rng.uniform(0.35, 0.7)
    top = rng.uniform(0, 255, size=3)
    bottom = rng.uniform(0, 255, size=3)
    sky_t = np.clip(yy / max(horizon, 1e-3), 0, 1)[..., None]
    img = top + sky_t * (bottom - top)
    # terrain band with a wavy ridge
    ridge = horizon + 0.06 * np.sin(xx * rng.uniform(2, 9) + rng.uniform(0, 6.3)) * rng.uniform(0.2, 1.5)
    terrain = rng.uniform(0, 200, size=3)
    land = (yy > ridge)[..., None]
    img = np.where(land, terrain + (yy[..., None] - horizon) * rng.uniform(-80, 80, size=3), img)
    if rng.random() < 0.5:  # water strip
        wl = rng.uniform(horizon + 0.1, 0.95)
        water = rng.uniform(0, 200, size=3)
        img = np.where((yy > wl)[..., None], water + 15 * np.sin(yy[..., None] * 40), img)
    if rng.random() < 0.6:  # sun / moon
        cx, cy, r = rng.uniform(0.1, 0.9), rng.uniform(0.05, horizon), rng.uniform(0.03, 0.12)
        d = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2)
        glow = np.exp(-((d / r) ** 2))[..., None]
        img = img + glow * (rng.uniform(150, 255, size=3) - img) * 0.9
    if rng.random() < 0.3:  # faint stars
        stars = (rng.random((n, n)) < 0.03) & (yy < horizon)
        img = np.where(stars[..., None], 230.0, img)
    img = img + rng.normal(0, 3.0, size=img.shape)
    small = np.clip(np.rint(img), 0, 255).astype(np.uint8)
    side = int(rng.choice([256, 384, 512, 768]))
    return _c(np.clip(cv2.resize(small, (side, side), interpolation=cv2.INTER_LANCZOS4), 0, 255))


def unmarked(n: int = 10000, seed: int = 2026120601) -> Iterator[tuple[str, np.ndarray]]:
    for i in range(int(n)):
        rng = np.random.default_rng([seed, i])
        u = rng.random()
        if u < 0.70:
            kind, img = "photo", _u_photo(rng)
        elif u < 0.78:
            kind, img = "noise", _u_noise(rng)
        elif u < 0.84:
            kind, img = "flat", _u_flat(rng)
        elif u < 0.91:
            kind, img = "gradient", _u_gradient(rng)
        else:
            kind, img = "smoothscene", _u_smoothscene(rng)
        yield f"unmarked/{i:05d}/{kind}", img


# --------------------------------------------------------------------------- edge cases


def edge_cases() -> list[tuple[str, np.ndarray]]:
    rng = np.random.default_rng(2026120602)

    def grad(h: int, w: int) -> np.ndarray:
        yy = np.linspace(0, 255, h, dtype=np.float32)[:, None]
        xx = np.linspace(0, 255, w, dtype=np.float32)[None, :]
        return _clip(np.stack([yy + 0 * xx, xx + 0 * yy, (yy + xx) / 2], axis=-1))

    photo = _window("retina.jpg", (300, 500, 940, 980), 320, 240, cv2.INTER_AREA)
    board = ((np.indices((512, 512)).sum(axis=0) // 1) % 2 * 255).astype(np.uint8)
    board8 = (((np.indices((512, 512)) // 8).sum(axis=0)) % 2 * 255).astype(np.uint8)
    out = [
        ("1x1", _c(np.array([[[200, 30, 90]]], dtype=np.uint8))),
        ("8x8", _c(rng.integers(0, 256, size=(8, 8, 3), dtype=np.uint8))),
        ("63x63", _resize(photo, 63, 63, cv2.INTER_AREA)),
        ("64x64", _resize(photo, 64, 64, cv2.INTER_AREA)),
        ("127x127", _resize(photo, 127, 127, cv2.INTER_AREA)),
        ("1x2048_strip", grad(1, 2048)),
        ("2048x1_strip", grad(2048, 1)),
        ("3000x40_tall", grad(3000, 40)),
        ("40x3000_wide", grad(40, 3000)),
        ("4000x3000", _resize(photo, 3000, 4000, cv2.INTER_LINEAR)),
        ("black_512", np.zeros((512, 512, 3), np.uint8)),
        ("white_512", np.full((512, 512, 3), 255, np.uint8)),
        ("grey128_512", np.full((512, 512, 3), 128, np.uint8)),
        ("noise_512", _c(rng.integers(0, 256, size=(512, 512, 3), dtype=np.uint8))),
        ("checker_1px_512", _c(board)),
        ("checker_8px_512", _c(board8)),
        ("photo_320x240", photo),
    ]
    return [(name, _c(a)) for name, a in out]


def edge_case_files() -> list[tuple[str, bytes]]:
    photo = _window("retina.jpg", (300, 500, 940, 980), 320, 240, cv2.INTER_AREA)
    pil = Image.fromarray(photo)
    out: list[tuple[str, bytes]] = []

    def enc(im: Image.Image, fmt: str, **kw: object) -> bytes:
        buf = io.BytesIO()
        im.save(buf, format=fmt, **kw)
        return buf.getvalue()

    # 16-bit RGB PNG (cv2 writes uint16 BGR)
    p16 = (photo.astype(np.uint16) * 257)[..., ::-1]
    ok, b = cv2.imencode(".png", np.ascontiguousarray(p16))
    out.append(("rgb16.png", bytes(b)))
    # 16-bit greyscale PNG
    g16 = (np.asarray(pil.convert("L")).astype(np.uint16) * 257)
    ok, b = cv2.imencode(".png", np.ascontiguousarray(g16))
    out.append(("grey16.png", bytes(b)))
    # RGBA with a transparency ramp and a fully transparent hole
    alpha = np.tile(np.linspace(0, 255, 320, dtype=np.float32), (240, 1)).astype(np.uint8)
    alpha[80:160, 100:220] = 0
    rgba = np.dstack([photo, alpha])
    out.append(("rgba_transparent.png", enc(Image.fromarray(rgba, "RGBA"), "PNG")))
    out.append(("grey.jpg", enc(pil.convert("L"), "JPEG", quality=87)))
    out.append(("cmyk.jpg", enc(pil.convert("CMYK"), "JPEG", quality=87)))
    out.append(("palette.gif", enc(pil.convert("P", palette=Image.Palette.ADAPTIVE, colors=64), "GIF")))
    frames = [
        Image.fromarray(np.roll(photo, k * 40, axis=1)).convert("P", palette=Image.Palette.ADAPTIVE, colors=128)
        for k in range(3)
    ]
    buf = io.BytesIO()
    frames[0].save(buf, format="GIF", save_all=True, append_images=frames[1:], duration=120, loop=0)
    out.append(("animated_3frames.gif", buf.getvalue()))
    out.append(("progressive.jpg", enc(pil, "JPEG", quality=83, progressive=True)))
    exif = Image.Exif()
    exif[0x0112] = 6
    out.append(("exif_orientation6.jpg", enc(pil, "JPEG", quality=90, exif=exif.tobytes())))
    out.append(("exif_orientation6.png", enc(pil, "PNG", exif=exif.tobytes())))
    return out


__all__ = ["ROUND", "attacks", "edge_case_files", "edge_cases", "images", "unmarked"]
