"""Blind held-out evaluation set for safegen's invisible image watermark, round 2026-12-06d.

PROVENANCE
----------
Written by an independent helper session that had NOT seen the watermark's design, code,
documentation, benchmarks, tests, issue tracker, git history or any earlier held-out file.
It was told only the categories of images and attacks wanted and the interface below. The
only project code it read was ``safegen/backends/``, ``safegen/builtin/`` (to call the
built-in generator) and ``pyproject.toml``. Nothing in this file was tuned against the
watermark: no attack or image was tried against it while writing.

THIS FILE IS FROZEN. It must never be edited, not even for style or to fix a bug: its
sha256 is its identity. A later round writes a new file with a new ROUND name.

INTERFACE
---------
``ROUND = "2026-12-06d"``

``images() -> list[tuple[str, str, np.ndarray]]``
    (name, image_class, rgb); rgb is a C-contiguous uint8 (H, W, 3) array. Classes:
    ``photo512``, ``photo1024``, ``wide``, ``generated256``, ``generated512``.

``attacks() -> list[tuple[str, Callable[[np.ndarray], np.ndarray]]]``
    Deterministic uint8 RGB -> uint8 RGB (size may change). The first one is ``none``.
    Every attack is wrapped so it returns a C-contiguous uint8 (H, W, 3) array of at least
    16x16 (a smaller result is enlarged with nearest-neighbour to at least 16 on each side;
    none of the attacks below does this on inputs of 256 px or more).

``unmarked(n=10000, seed=2026120604) -> Iterator[tuple[str, np.ndarray]]``
    n unmarked RGB uint8 images, generated lazily; item i depends only on (seed, i) through
    ``np.random.default_rng([seed, i])`` (plus the fixed source photos below).

``edge_cases() -> list[tuple[str, np.ndarray]]``
    Awkward RGB uint8 arrays.

``edge_case_files() -> list[tuple[str, bytes]]``
    Awkward encoded image files.

Only numpy, OpenCV (cv2), Pillow, scikit-image/scikit-learn/PyWavelets data files that ship
inside the installed wheels and (for the generated class) safegen's built-in model are
used. Nothing is downloaded. Conventions: sizes are written W x H; crop boxes are
(x0, y0, x1, y1) in source pixels, x1/y1 exclusive; "Lanczos" is Pillow
``Image.Resampling.LANCZOS``, "bicubic" is Pillow ``Image.Resampling.BICUBIC``; ``cv2
area/linear/cubic`` are ``cv2.INTER_AREA/INTER_LINEAR/INTER_CUBIC``. Grey sources are made
RGB by repeating the channel unless a tint is given. ``rot90`` is ``np.rot90(a, k=1)``
(counter-clockwise), ``rot270`` is ``np.rot90(a, k=-1)`` (clockwise).

SOURCE PHOTOS (files inside the installed packages)
---------------------------------------------------
    skimage/data: rocket.jpg (640x427), ihc.png (512x512), grass.png (512x512 grey),
        astronaut.png (512x512), camera.png (512x512 grey), motorcycle_left.png (741x500),
        motorcycle_right.png (741x500), retina.jpg (1411x1411), hubble_deep_field.jpg
        (1000x872), chelsea.png (451x300), coffee.png (600x400), moon.png (512x512 grey),
        coins.png (384x303 grey), gravel.png (512x512 grey), brick.png (512x512 grey)
    pywt/data: aero.npz (512x512 grey aerial photo), ascent.npz (512x512 grey)
    sklearn/datasets/images: flower.jpg (640x427), china.jpg (640x427)

IMAGES (25 in all)
------------------
photo512 (8), every one exactly 512x512:
    p512_ihc_rot90           ihc.png, whole image, rot90, no resize (dense tissue texture)
    p512_aero_sepia_flipud   aero.npz, whole image, vertical flip, sepia tint
                             rgb = round(grey * (1.00, 0.86, 0.66)) (dense field texture)
    p512_grass_foliage_T     grass.png, whole image, transposed, foliage tint
                             rgb = clip(round(grey*0.55), round(grey*0.85+20), round(grey*0.35))
    p512_motorcycle_garage   motorcycle_left.png box (20, 0, 520, 500) -> 512x512 Lanczos
                             (busy garage shelves, bike detail)
    p512_rocket_sky          rocket.jpg box (96, 0, 416, 320) -> 512x512 bicubic (x1.6;
                             smooth dusk sky, thin lattice towers)
    p512_astronaut_face_2x   astronaut.png box (112, 8, 368, 264) -> 512x512 Lanczos (x2;
                             skin, hair; NOT the usual full frame)
    p512_flower_bokeh_fliplr flower.jpg box (300, 0, 640, 340) -> 512x512 bicubic, then
                             horizontal flip (smooth out-of-focus background)
    p512_camera_sky_2x       camera.png box (256, 0, 512, 256) -> 512x512 bicubic (x2), grey
                             (smooth grey sky, small buildings)
photo1024 (4), every one exactly 1024x1024:
    p1024_retina_window      retina.jpg box (300, 180, 1324, 1204), no resize (off-centre)
    p1024_hubble_fliplr      hubble_deep_field.jpg box (128, 0, 1000, 872) -> 1024x1024
                             Lanczos (x1.174, upscaled), horizontal flip (dark, near-flat)
    p1024_motorcycle_2x      motorcycle_right.png box (241, 0, 741, 500) -> 1024x1024
                             Lanczos (x2.048, upscaled) (dense detail)
    p1024_chelsea_3x         chelsea.png box (0, 0, 300, 300) -> 1024x1024 bicubic (x3.41,
                             upscaled) (fur and smooth blurred background)
wide (4):
    wide_rocket_768x512      rocket.jpg whole (640x427) -> 768x512 Lanczos
    wide_coffee_512x768      coffee.png whole, rot270 (-> 400x600) -> 512x768 bicubic
    wide_china_640x480       china.jpg box (71, 0, 640, 427) -> 640x480 Lanczos
    wide_ascent_720x480      ascent.npz box (0, 85, 512, 426) -> 720x480 bicubic, grey
generated256 (7) and generated512 (2): safegen's built-in model (``safegen.backends.builtin.
BuiltinBackend()`` on the CPU, default steps and guidance, ``BackendRequest(prompt,
negative_prompt=None, seeds=(seed,), width=W, height=W)``); each output is cached as
``cache_d/<name>.npy`` next to this file and regenerated only when missing:
    gen256_mountain_sunset   seed 60611  "a snowy mountain range at sunset under a pink sky"
    gen256_portrait          seed 60612  "portrait of an old fisherman, soft window light"
    gen256_interior          seed 60613  "a cosy living room interior with a fireplace and a
                                          lamp"
    gen256_abstract          seed 60614  "abstract swirls of teal and orange paint"
    gen256_flat_graphic      seed 60615  "flat vector illustration of a lighthouse on a green
                                          hill, minimal colours"
    gen256_foggy_lake        seed 60616  "a calm lake surrounded by dense forest on a foggy
                                          morning"
    gen256_desert_night      seed 60617  "a desert at night with a full moon and stars"
    gen512_hills             seed 60621  "rolling green hills with scattered trees on a clear
                                          day" (512x512)
    gen512_rainy_boat        seed 60622  "a small boat on a rainy sea under a cloudy sky"
                                          (512x512)
(The built-in model draws landscapes only, so the portrait/interior/abstract prompts give
whatever it makes of them.)

ATTACKS (65, in this order)
---------------------------
Helpers. ``resize(a, W, H)``: cv2 area when both sides shrink, else cv2 cubic; sizes are
rounded with Python ``round`` and at least 1. ``jpeg(q)``: Pillow JPEG, quality q,
subsampling 4:2:0 (``subsampling=2``), not optimised, not progressive, decoded by Pillow to
RGB. ``webp(q)``: Pillow WebP lossy, quality q, method 4. ``avif(q)``: Pillow AVIF, quality
q, speed 6, subsampling 4:2:0, max_threads 1. ``png``: Pillow PNG, compress_level 6.
``crop(fx, fy, ax, ay)``: keep a window of round(fx*W) x round(fy*H) (at least 16) whose
top-left corner is at (round(ax*(W-w)), round(ay*(H-h))); ax = ay = 0.5 is centred.
``rotate(d, border)``: cv2.warpAffine with cv2.getRotationMatrix2D(((W-1)/2, (H-1)/2), d,
1.0), cv2 linear, same size output; positive d is counter-clockwise; border is
``black`` (BORDER_CONSTANT 0) or ``reflect`` (BORDER_REFLECT_101). ``rotate_fill(d)``:
rotate(d, black), then keep the centred largest window of the same aspect ratio that lies
inside the rotated picture, f = min(W/(W*cos+H*sin), H/(W*sin+H*cos)) at |d|, window
floor(f*W)-2 x floor(f*H)-2, resized back to W x H with cv2 cubic. ``pad(t, b, l, r,
colour)``: borders of round(t*H), round(b*H), round(l*W), round(r*W) px. ``scale(s)``:
resize(a, W*s, H*s).

     1 none                        identity (a copy)
     2 png                         PNG round trip
     3 flip_h                      horizontal mirror
     4 flip_v                      vertical mirror
     5 flip_hv                     both (180 degree turn)
     6 stretch_x0.85               resize to (W*0.85, H) with cv2 linear
     7 stretch_x1.15               resize to (W*1.15, H) with cv2 linear
     8 stretch_y0.90               resize to (W, H*0.90) with cv2 linear
     9 stretch_y1.10               resize to (W, H*1.10) with cv2 linear
    10 stretch_x1.10_y0.92         resize to (W*1.10, H*0.92) with cv2 linear
    11 crop_centre_50              crop(0.50, 0.50, 0.5, 0.5)
    12 crop_centre_60              crop(0.60, 0.60, 0.5, 0.5)
    13 crop_centre_70              crop(0.70, 0.70, 0.5, 0.5)
    14 crop_centre_85              crop(0.85, 0.85, 0.5, 0.5)
    15 crop_off_70                 crop(0.70, 0.70, 0.2, 0.7)
    16 crop_off_50                 crop(0.50, 0.50, 0.9, 0.1)
    17 crop_off_85                 crop(0.85, 0.85, 1.0, 0.35)
    18 crop_w80_h55                crop(0.80, 0.55, 0.5, 0.5)
    19 crop_w60_h90                crop(0.60, 0.90, 0.3, 0.6)
    20 crop_corner_tl_60           crop(0.60, 0.60, 0.0, 0.0)
    21 crop_corner_br_70           crop(0.70, 0.70, 1.0, 1.0)
    22 rot_+2_black                rotate(+2, black)
    23 rot_-5_black                rotate(-5, black)
    24 rot_+10_black               rotate(+10, black)
    25 rot_-3_reflect              rotate(-3, reflect)
    26 rot_+7_reflect              rotate(+7, reflect)
    27 rot_+4_fill                 rotate_fill(+4)
    28 rot_-10_fill                rotate_fill(-10)
    29 pad_white_5                 pad(0.05, 0.05, 0.05, 0.05, (255, 255, 255))
    30 pad_black_10                pad(0.10, 0.10, 0.10, 0.10, (0, 0, 0))
    31 pad_colour_20               pad(0.20, 0.20, 0.20, 0.20, (32, 96, 200))
    32 pad_asym                    pad(0.03, 0.18, 0.12, 0.00, (128, 128, 128))
    33 letterbox_16x9              black bars to aspect 16:9: if W/H < 16/9, new W =
                                   round(H*16/9) with floor(extra/2) px on the left and the
                                   rest on the right; else new H = round(W*9/16), split the
                                   same way top/bottom
    34 jpeg90                      jpeg(90)
    35 jpeg75                      jpeg(75)
    36 jpeg50                      jpeg(50)
    37 jpeg30                      jpeg(30)
    38 webp80                      webp(80)
    39 webp60                      webp(60)
    40 avif60                      avif(60)
    41 scale_0.5                   scale(0.5)
    42 scale_0.75                  scale(0.75)
    43 scale_1.5                   scale(1.5)
    44 scale_2.0                   scale(2.0)
    45 long_side_1080              scale(1080 / max(W, H))
    46 social_chain                crop(0.90, 0.90, 0.5, 0.5), long side to 1080 (as 45),
                                   jpeg(75)
    47 messaging_chain             scale(0.6), jpeg(60)
    48 messaging_harsh             scale(0.5), jpeg(50)
    49 flip_h_jpeg75               flip_h, jpeg(75)
    50 stretch_x1.10_jpeg75        resize to (W*1.10, H) with cv2 linear, jpeg(75)
    51 crop_centre_50_jpeg75       crop(0.50, 0.50, 0.5, 0.5), jpeg(75)
    52 rot_+3_fill_jpeg80          rotate_fill(+3), crop(0.90, 0.90, 0.4, 0.6), jpeg(80)
    53 pad_white_10_scale0.75      pad(0.10, 0.10, 0.10, 0.10, white), scale(0.75)
    54 crop_stretch_webp70         crop(0.70, 0.70, 0.3, 0.4), resize to (w, h*1.10) with cv2
                                   linear, webp(70)
    55 brightness_+30              clip(a + 30)
    56 brightness_-30              clip(a - 30)
    57 contrast_1.3                clip(round((a - 128) * 1.3 + 128))
    58 gamma_0.7                   lookup table round(255 * (v/255) ** 0.7)
    59 saturation_1.5              Pillow ImageEnhance.Color(img).enhance(1.5)
    60 greyscale                   Pillow convert("L") (ITU-R 601-2 luma), repeated to RGB
    61 blur_gauss_1.0              cv2.GaussianBlur(a, (0, 0), sigmaX=1.0) (BORDER_REFLECT_101)
    62 sharpen_unsharp             Pillow ImageFilter.UnsharpMask(radius=2, percent=150,
                                   threshold=3)
    63 noise_gauss_5               clip(round(a + N(0, 5^2))), the noise drawn by
                                   np.random.default_rng([20261206, H, W]).normal(size=a.shape)
    64 median_3                    cv2.medianBlur(a, 3)
    65 screenshot_ui               the picture, resized by 0.83 with cv2 linear, pasted at
                                   (x=150, y=64) on a UI-like canvas of (w'+150+40) x
                                   (h'+64+56) px: background (236, 236, 236); title bar
                                   y 0..39 colour (45, 45, 48) with three filled circles of
                                   radius 7 at (20, 20), (44, 20), (68, 20) in (255, 95, 86),
                                   (255, 189, 46), (39, 201, 63); side panel x 0..129 from
                                   y 40 down, colour (250, 250, 250), with grey (200, 200, 200)
                                   bars 8 px tall at y = 60 + 28*k (k = 0, 1, ...) while they
                                   fit, width 90 - 12*(k % 4) starting at x 16; a 1 px frame
                                   (180, 180, 180) around the picture; status bar (the last 24
                                   rows) colour (220, 220, 224). Then png. All drawn with
                                   cv2.rectangle / cv2.circle, cv2.LINE_8.

UNMARKED
--------
Item i: rng = np.random.default_rng([seed, i]); u = rng.random() picks its kind:
    u < 0.60  photo    one of the 19 source photos (whole original; grey ones repeated to
                       RGB), random crop keeping 45-100% of each side, horizontal flip with
                       p=0.5, with p=0.25 a rotation by U(-8, 8) degrees (reflect border),
                       then resized (cv2 area/cubic) to an output size: with p=0.3 exactly
                       512x512, else W, H each uniform in 256..1024 (long side capped so
                       W*H <= 640k px); then with p=0.35 a JPEG copy at quality 50..95.
    u < 0.69  noise    uniform i.i.d., Gaussian around a random mean, or smooth coloured
                       noise (a 4..32 px grid of random colours cv2-cubic-upsampled)
    u < 0.78  flat     one colour, or one colour plus i.i.d. integer noise in [-2, 2]
    u < 0.89  gradient linear (random direction) or radial, two random colours
    else      scene    a smooth synthetic landscape: vertical sky gradient, a sun disc,
                       two sinusoidal hill layers in solid colours, slightly blurred
Sizes of the non-photo kinds: W, H uniform in 256..768, with p=0.2 exactly 512x512. Names
are "<i:05d>_<kind>_<detail>_<W>x<H>".

EDGE CASES
----------
arrays: 8x8, 16x16, 63x63, 40x100 (W x H) and 100x40 photo reductions (cv2 area), 2000x1
and 1x2000 (one row / column of a photo), a 4000x3000 upscaled photo (cv2 cubic), 512x512
all-black, all-white, one colour (37, 142, 201), pure uniform noise, a 1-px checkerboard,
an 8-px checkerboard (256x256), a 32-px red/cyan checkerboard (512x512), a 2048x64 strip
and a 64x2048 strip of a photo.
files: 16-bit RGB PNG (cv2), 16-bit grey PNG (cv2), RGBA PNG with transparent regions, LA
PNG, palette PNG (64 colours), palette PNG with a transparent index, grey JPEG, CMYK JPEG,
progressive JPEG, animated GIF (3 frames), a JPEG with EXIF orientation 6, the first 60% of
a JPEG's bytes, a zero-byte file, WebP with alpha, a 1x1 PNG, a 24-bit BMP, and 4096
random bytes named .png. The source of the files is chelsea.png resized to 300x200
(Lanczos); 16-bit samples are v*256 plus (x mod 97) for RGB, v*257 for grey.
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageEnhance, ImageFilter

ROUND = "2026-12-06d"

_HERE = Path(__file__).resolve().parent
CACHE_DIR = _HERE / "cache_d"

# --------------------------------------------------------------------------- sources


def _site_file(package: str, *parts: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"package {package} is not installed")
    return Path(list(spec.submodule_search_locations)[0], *parts)


def _rgb(a: np.ndarray) -> np.ndarray:
    a = np.asarray(a)
    if a.ndim == 2:
        a = np.stack([a, a, a], axis=-1)
    if a.shape[2] == 4:
        a = a[:, :, :3]
    return np.ascontiguousarray(a, dtype=np.uint8)


@cache
def _source(name: str) -> np.ndarray:
    """A source photo as uint8, (H, W) grey or (H, W, 3) RGB, read-only."""
    if name in ("aero", "ascent"):
        a = np.load(_site_file("pywt", "data", f"{name}.npz"))["data"]
    elif name in ("flower", "china"):
        a = np.asarray(Image.open(_site_file("sklearn", "datasets", "images", f"{name}.jpg")))
    else:
        files = {
            "rocket": "rocket.jpg",
            "retina": "retina.jpg",
            "hubble": "hubble_deep_field.jpg",
        }
        path = _site_file("skimage", "data", files.get(name, f"{name}.png"))
        im = Image.open(path)
        if im.mode not in ("L", "RGB"):
            im = im.convert("RGB")
        a = np.asarray(im)
    a = np.ascontiguousarray(a, dtype=np.uint8)
    a.setflags(write=False)
    return a


_PHOTO_POOL = (
    "rocket",
    "ihc",
    "grass",
    "astronaut",
    "camera",
    "motorcycle_left",
    "motorcycle_right",
    "retina",
    "hubble",
    "chelsea",
    "coffee",
    "moon",
    "coins",
    "gravel",
    "brick",
    "aero",
    "ascent",
    "flower",
    "china",
)


def _box(a: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
    x0, y0, x1, y1 = box
    return a[y0:y1, x0:x1]


def _pil_resize(a: np.ndarray, w: int, h: int, method: str) -> np.ndarray:
    resample = {"lanczos": Image.Resampling.LANCZOS, "bicubic": Image.Resampling.BICUBIC}
    im = Image.fromarray(np.ascontiguousarray(a))
    return np.asarray(im.resize((w, h), resample[method]))


def _tint(grey: np.ndarray, mul: tuple[float, float, float], add=(0.0, 0.0, 0.0)) -> np.ndarray:
    g = grey.astype(np.float64)[:, :, None]
    out = np.round(g * np.array(mul) + np.array(add))
    return np.clip(out, 0, 255).astype(np.uint8)


def _photos() -> list[tuple[str, str, np.ndarray]]:
    s = _source
    out: list[tuple[str, str, np.ndarray]] = []
    # photo512
    out.append(("p512_ihc_rot90", "photo512", np.rot90(s("ihc"), k=1)))
    out.append(("p512_aero_sepia_flipud", "photo512", _tint(s("aero")[::-1], (1.00, 0.86, 0.66))))
    out.append(
        ("p512_grass_foliage_T", "photo512", _tint(s("grass").T, (0.55, 0.85, 0.35), (0, 20, 0)))
    )
    out.append(
        (
            "p512_motorcycle_garage",
            "photo512",
            _pil_resize(_box(s("motorcycle_left"), (20, 0, 520, 500)), 512, 512, "lanczos"),
        )
    )
    out.append(
        (
            "p512_rocket_sky",
            "photo512",
            _pil_resize(_box(s("rocket"), (96, 0, 416, 320)), 512, 512, "bicubic"),
        )
    )
    out.append(
        (
            "p512_astronaut_face_2x",
            "photo512",
            _pil_resize(_box(s("astronaut"), (112, 8, 368, 264)), 512, 512, "lanczos"),
        )
    )
    out.append(
        (
            "p512_flower_bokeh_fliplr",
            "photo512",
            _pil_resize(_box(s("flower"), (300, 0, 640, 340)), 512, 512, "bicubic")[:, ::-1],
        )
    )
    out.append(
        (
            "p512_camera_sky_2x",
            "photo512",
            _rgb(_pil_resize(_box(s("camera"), (256, 0, 512, 256)), 512, 512, "bicubic")),
        )
    )
    # photo1024
    out.append(("p1024_retina_window", "photo1024", _box(s("retina"), (300, 180, 1324, 1204))))
    out.append(
        (
            "p1024_hubble_fliplr",
            "photo1024",
            _pil_resize(_box(s("hubble"), (128, 0, 1000, 872)), 1024, 1024, "lanczos")[:, ::-1],
        )
    )
    out.append(
        (
            "p1024_motorcycle_2x",
            "photo1024",
            _pil_resize(_box(s("motorcycle_right"), (241, 0, 741, 500)), 1024, 1024, "lanczos"),
        )
    )
    out.append(
        (
            "p1024_chelsea_3x",
            "photo1024",
            _pil_resize(_box(s("chelsea"), (0, 0, 300, 300)), 1024, 1024, "bicubic"),
        )
    )
    # wide
    out.append(("wide_rocket_768x512", "wide", _pil_resize(s("rocket"), 768, 512, "lanczos")))
    out.append(
        (
            "wide_coffee_512x768",
            "wide",
            _pil_resize(np.rot90(s("coffee"), k=-1), 512, 768, "bicubic"),
        )
    )
    out.append(
        (
            "wide_china_640x480",
            "wide",
            _pil_resize(_box(s("china"), (71, 0, 640, 427)), 640, 480, "lanczos"),
        )
    )
    out.append(
        (
            "wide_ascent_720x480",
            "wide",
            _rgb(_pil_resize(_box(s("ascent"), (0, 85, 512, 426)), 720, 480, "bicubic")),
        )
    )
    return [(n, c, _rgb(a)) for n, c, a in out]


_GENERATED = (
    # name, class, side, seed, prompt
    ("gen256_mountain_sunset", "generated256", 256, 60611,
     "a snowy mountain range at sunset under a pink sky"),
    ("gen256_portrait", "generated256", 256, 60612,
     "portrait of an old fisherman, soft window light"),
    ("gen256_interior", "generated256", 256, 60613,
     "a cosy living room interior with a fireplace and a lamp"),
    ("gen256_abstract", "generated256", 256, 60614,
     "abstract swirls of teal and orange paint"),
    ("gen256_flat_graphic", "generated256", 256, 60615,
     "flat vector illustration of a lighthouse on a green hill, minimal colours"),
    ("gen256_foggy_lake", "generated256", 256, 60616,
     "a calm lake surrounded by dense forest on a foggy morning"),
    ("gen256_desert_night", "generated256", 256, 60617,
     "a desert at night with a full moon and stars"),
    ("gen512_hills", "generated512", 512, 60621,
     "rolling green hills with scattered trees on a clear day"),
    ("gen512_rainy_boat", "generated512", 512, 60622,
     "a small boat on a rainy sea under a cloudy sky"),
)  # fmt: skip


def _generated() -> list[tuple[str, str, np.ndarray]]:
    out: list[tuple[str, str, np.ndarray]] = []
    backend = None
    for name, cls, side, seed, prompt in _GENERATED:
        path = CACHE_DIR / f"{name}.npy"
        if path.exists():
            arr = np.load(path)
        else:
            if backend is None:
                from safegen.backends.builtin import BuiltinBackend

                backend = BuiltinBackend(device="cpu")
            from safegen.backends.base import BackendRequest

            request = BackendRequest(
                prompt=prompt, negative_prompt=None, seeds=(seed,), width=side, height=side
            )
            arr = np.asarray(backend.generate(request)[0].convert("RGB"), dtype=np.uint8)
            CACHE_DIR.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".tmp{os.getpid()}.npy")
            np.save(tmp, arr)
            os.replace(tmp, path)
        out.append((name, cls, _rgb(arr)))
    return out


def images() -> list[tuple[str, str, np.ndarray]]:
    """All held-out images: (name, image_class, rgb uint8 (H, W, 3), C-contiguous)."""
    return _photos() + _generated()


# --------------------------------------------------------------------------- attacks


def _finish(a: np.ndarray) -> np.ndarray:
    a = np.asarray(a)
    if a.ndim == 2:
        a = np.stack([a, a, a], axis=-1)
    if a.shape[2] == 4:
        a = a[:, :, :3]
    if a.dtype != np.uint8:
        a = np.clip(np.round(a), 0, 255).astype(np.uint8)
    h, w = a.shape[:2]
    if h < 16 or w < 16:
        fy = math.ceil(16 / h) if h < 16 else 1
        fx = math.ceil(16 / w) if w < 16 else 1
        a = np.repeat(np.repeat(a, fy, axis=0), fx, axis=1)
    return np.ascontiguousarray(a, dtype=np.uint8)


def _resize(a: np.ndarray, w: float, h: float, interp: int | None = None) -> np.ndarray:
    W, H = a.shape[1], a.shape[0]
    w, h = max(1, round(w)), max(1, round(h))
    if interp is None:
        interp = cv2.INTER_AREA if (w < W and h < H) else cv2.INTER_CUBIC
    return cv2.resize(np.ascontiguousarray(a), (w, h), interpolation=interp)


def _encode_decode(a: np.ndarray, fmt: str, **kw) -> np.ndarray:
    buf = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(a)).save(buf, fmt, **kw)
    buf.seek(0)
    with Image.open(buf) as im:
        return np.asarray(im.convert("RGB"))


def _jpeg(q: int) -> Callable[[np.ndarray], np.ndarray]:
    return lambda a: _encode_decode(
        a, "JPEG", quality=q, subsampling=2, optimize=False, progressive=False
    )


def _webp(q: int) -> Callable[[np.ndarray], np.ndarray]:
    return lambda a: _encode_decode(a, "WEBP", quality=q, method=4, lossless=False)


def _avif(q: int) -> Callable[[np.ndarray], np.ndarray]:
    return lambda a: _encode_decode(
        a, "AVIF", quality=q, speed=6, subsampling="4:2:0", max_threads=1
    )


def _png(a: np.ndarray) -> np.ndarray:
    return _encode_decode(a, "PNG", compress_level=6)


def _crop(fx: float, fy: float, ax: float, ay: float) -> Callable[[np.ndarray], np.ndarray]:
    def f(a: np.ndarray) -> np.ndarray:
        H, W = a.shape[:2]
        w = min(W, max(16, round(fx * W)))
        h = min(H, max(16, round(fy * H)))
        x0 = round(ax * (W - w))
        y0 = round(ay * (H - h))
        return a[y0 : y0 + h, x0 : x0 + w]

    return f


def _rotate(deg: float, border: str) -> Callable[[np.ndarray], np.ndarray]:
    def f(a: np.ndarray) -> np.ndarray:
        H, W = a.shape[:2]
        m = cv2.getRotationMatrix2D(((W - 1) / 2.0, (H - 1) / 2.0), deg, 1.0)
        mode = cv2.BORDER_CONSTANT if border == "black" else cv2.BORDER_REFLECT_101
        return cv2.warpAffine(
            np.ascontiguousarray(a),
            m,
            (W, H),
            flags=cv2.INTER_LINEAR,
            borderMode=mode,
            borderValue=(0, 0, 0),
        )

    return f


def _rotate_fill(deg: float) -> Callable[[np.ndarray], np.ndarray]:
    rot = _rotate(deg, "black")

    def f(a: np.ndarray) -> np.ndarray:
        H, W = a.shape[:2]
        r = rot(a)
        t = math.radians(abs(deg))
        c, s = math.cos(t), math.sin(t)
        k = min(W / (W * c + H * s), H / (W * s + H * c))
        w = max(16, math.floor(k * W) - 2)
        h = max(16, math.floor(k * H) - 2)
        x0 = (W - w) // 2
        y0 = (H - h) // 2
        win = r[y0 : y0 + h, x0 : x0 + w]
        return cv2.resize(np.ascontiguousarray(win), (W, H), interpolation=cv2.INTER_CUBIC)

    return f


def _pad(
    t: float, b: float, left: float, r: float, colour: tuple[int, int, int]
) -> Callable[[np.ndarray], np.ndarray]:
    def f(a: np.ndarray) -> np.ndarray:
        H, W = a.shape[:2]
        return cv2.copyMakeBorder(
            np.ascontiguousarray(a),
            round(t * H),
            round(b * H),
            round(left * W),
            round(r * W),
            cv2.BORDER_CONSTANT,
            value=colour,
        )

    return f


def _letterbox_16x9(a: np.ndarray) -> np.ndarray:
    H, W = a.shape[:2]
    if W / H < 16 / 9:
        extra = round(H * 16 / 9) - W
        lr = (extra // 2, extra - extra // 2)
        tb = (0, 0)
    else:
        extra = round(W * 9 / 16) - H
        tb = (extra // 2, extra - extra // 2)
        lr = (0, 0)
    return cv2.copyMakeBorder(
        np.ascontiguousarray(a), tb[0], tb[1], lr[0], lr[1], cv2.BORDER_CONSTANT, value=(0, 0, 0)
    )


def _scale(s: float) -> Callable[[np.ndarray], np.ndarray]:
    return lambda a: _resize(a, a.shape[1] * s, a.shape[0] * s)


def _long_side(n: int) -> Callable[[np.ndarray], np.ndarray]:
    def f(a: np.ndarray) -> np.ndarray:
        s = n / max(a.shape[:2])
        return _resize(a, a.shape[1] * s, a.shape[0] * s)

    return f


def _stretch(sx: float, sy: float) -> Callable[[np.ndarray], np.ndarray]:
    return lambda a: _resize(a, a.shape[1] * sx, a.shape[0] * sy, cv2.INTER_LINEAR)


def _chain(*fs: Callable[[np.ndarray], np.ndarray]) -> Callable[[np.ndarray], np.ndarray]:
    def f(a: np.ndarray) -> np.ndarray:
        for g in fs:
            a = g(a)
        return a

    return f


def _lut(table: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    table = np.ascontiguousarray(table, dtype=np.uint8)
    return lambda a: table[a]


def _affine_lut(mul: float, add: float, centre: float = 0.0) -> Callable[[np.ndarray], np.ndarray]:
    v = np.arange(256, dtype=np.float64)
    return _lut(np.clip(np.round((v - centre) * mul + centre + add), 0, 255))


def _gamma(g: float) -> Callable[[np.ndarray], np.ndarray]:
    v = np.arange(256, dtype=np.float64) / 255.0
    return _lut(np.clip(np.round(255.0 * v**g), 0, 255))


def _saturation(x: float) -> Callable[[np.ndarray], np.ndarray]:
    return lambda a: np.asarray(ImageEnhance.Color(Image.fromarray(a)).enhance(x))


def _greyscale(a: np.ndarray) -> np.ndarray:
    g = np.asarray(Image.fromarray(a).convert("L"))
    return np.stack([g, g, g], axis=-1)


def _blur(sigma: float) -> Callable[[np.ndarray], np.ndarray]:
    return lambda a: cv2.GaussianBlur(np.ascontiguousarray(a), (0, 0), sigmaX=sigma)


def _sharpen(a: np.ndarray) -> np.ndarray:
    f = ImageFilter.UnsharpMask(radius=2, percent=150, threshold=3)
    return np.asarray(Image.fromarray(a).filter(f))


def _noise(sigma: float) -> Callable[[np.ndarray], np.ndarray]:
    def f(a: np.ndarray) -> np.ndarray:
        H, W = a.shape[:2]
        n = np.random.default_rng([20261206, H, W]).normal(size=a.shape)
        return np.clip(np.round(a.astype(np.float64) + sigma * n), 0, 255).astype(np.uint8)

    return f


def _median(k: int) -> Callable[[np.ndarray], np.ndarray]:
    return lambda a: cv2.medianBlur(np.ascontiguousarray(a), k)


def _screenshot(a: np.ndarray) -> np.ndarray:
    pic = _resize(a, a.shape[1] * 0.83, a.shape[0] * 0.83, cv2.INTER_LINEAR)
    h, w = pic.shape[:2]
    left, top, right, bottom = 150, 64, 40, 56
    W, H = w + left + right, h + top + bottom
    c = np.empty((H, W, 3), np.uint8)
    c[:] = (236, 236, 236)
    ln = cv2.LINE_8
    cv2.rectangle(c, (0, 0), (W - 1, 39), (45, 45, 48), -1, ln)
    for x, col in ((20, (255, 95, 86)), (44, (255, 189, 46)), (68, (39, 201, 63))):
        cv2.circle(c, (x, 20), 7, col, -1, ln)
    cv2.rectangle(c, (0, 40), (129, H - 1), (250, 250, 250), -1, ln)
    k = 0
    while 60 + 28 * k + 8 <= H - 24:
        y = 60 + 28 * k
        cv2.rectangle(c, (16, y), (16 + 90 - 12 * (k % 4) - 1, y + 7), (200, 200, 200), -1, ln)
        k += 1
    cv2.rectangle(c, (left - 1, top - 1), (left + w, top + h), (180, 180, 180), 1, ln)
    c[top : top + h, left : left + w] = pic
    c[H - 24 :, :] = (220, 220, 224)
    return _png(c)


def _identity(a: np.ndarray) -> np.ndarray:
    return np.array(a, dtype=np.uint8, copy=True)


def _wrap(f: Callable[[np.ndarray], np.ndarray]) -> Callable[[np.ndarray], np.ndarray]:
    def g(a: np.ndarray) -> np.ndarray:
        return _finish(f(np.ascontiguousarray(a, dtype=np.uint8)))

    return g


def attacks() -> list[tuple[str, Callable[[np.ndarray], np.ndarray]]]:
    """The attacks, in the docstring's order; the first is ``none``."""
    white, black = (255, 255, 255), (0, 0, 0)
    raw: list[tuple[str, Callable[[np.ndarray], np.ndarray]]] = [
        ("none", _identity),
        ("png", _png),
        ("flip_h", lambda a: a[:, ::-1]),
        ("flip_v", lambda a: a[::-1, :]),
        ("flip_hv", lambda a: a[::-1, ::-1]),
        ("stretch_x0.85", _stretch(0.85, 1.0)),
        ("stretch_x1.15", _stretch(1.15, 1.0)),
        ("stretch_y0.90", _stretch(1.0, 0.90)),
        ("stretch_y1.10", _stretch(1.0, 1.10)),
        ("stretch_x1.10_y0.92", _stretch(1.10, 0.92)),
        ("crop_centre_50", _crop(0.50, 0.50, 0.5, 0.5)),
        ("crop_centre_60", _crop(0.60, 0.60, 0.5, 0.5)),
        ("crop_centre_70", _crop(0.70, 0.70, 0.5, 0.5)),
        ("crop_centre_85", _crop(0.85, 0.85, 0.5, 0.5)),
        ("crop_off_70", _crop(0.70, 0.70, 0.2, 0.7)),
        ("crop_off_50", _crop(0.50, 0.50, 0.9, 0.1)),
        ("crop_off_85", _crop(0.85, 0.85, 1.0, 0.35)),
        ("crop_w80_h55", _crop(0.80, 0.55, 0.5, 0.5)),
        ("crop_w60_h90", _crop(0.60, 0.90, 0.3, 0.6)),
        ("crop_corner_tl_60", _crop(0.60, 0.60, 0.0, 0.0)),
        ("crop_corner_br_70", _crop(0.70, 0.70, 1.0, 1.0)),
        ("rot_+2_black", _rotate(2, "black")),
        ("rot_-5_black", _rotate(-5, "black")),
        ("rot_+10_black", _rotate(10, "black")),
        ("rot_-3_reflect", _rotate(-3, "reflect")),
        ("rot_+7_reflect", _rotate(7, "reflect")),
        ("rot_+4_fill", _rotate_fill(4)),
        ("rot_-10_fill", _rotate_fill(-10)),
        ("pad_white_5", _pad(0.05, 0.05, 0.05, 0.05, white)),
        ("pad_black_10", _pad(0.10, 0.10, 0.10, 0.10, black)),
        ("pad_colour_20", _pad(0.20, 0.20, 0.20, 0.20, (32, 96, 200))),
        ("pad_asym", _pad(0.03, 0.18, 0.12, 0.00, (128, 128, 128))),
        ("letterbox_16x9", _letterbox_16x9),
        ("jpeg90", _jpeg(90)),
        ("jpeg75", _jpeg(75)),
        ("jpeg50", _jpeg(50)),
        ("jpeg30", _jpeg(30)),
        ("webp80", _webp(80)),
        ("webp60", _webp(60)),
        ("avif60", _avif(60)),
        ("scale_0.5", _scale(0.5)),
        ("scale_0.75", _scale(0.75)),
        ("scale_1.5", _scale(1.5)),
        ("scale_2.0", _scale(2.0)),
        ("long_side_1080", _long_side(1080)),
        ("social_chain", _chain(_crop(0.90, 0.90, 0.5, 0.5), _long_side(1080), _jpeg(75))),
        ("messaging_chain", _chain(_scale(0.6), _jpeg(60))),
        ("messaging_harsh", _chain(_scale(0.5), _jpeg(50))),
        ("flip_h_jpeg75", _chain(lambda a: a[:, ::-1], _jpeg(75))),
        ("stretch_x1.10_jpeg75", _chain(_stretch(1.10, 1.0), _jpeg(75))),
        ("crop_centre_50_jpeg75", _chain(_crop(0.50, 0.50, 0.5, 0.5), _jpeg(75))),
        (
            "rot_+3_fill_jpeg80",
            _chain(_rotate_fill(3), _crop(0.90, 0.90, 0.4, 0.6), _jpeg(80)),
        ),
        ("pad_white_10_scale0.75", _chain(_pad(0.10, 0.10, 0.10, 0.10, white), _scale(0.75))),
        (
            "crop_stretch_webp70",
            _chain(_crop(0.70, 0.70, 0.3, 0.4), _stretch(1.0, 1.10), _webp(70)),
        ),
        ("brightness_+30", _affine_lut(1.0, 30.0)),
        ("brightness_-30", _affine_lut(1.0, -30.0)),
        ("contrast_1.3", _affine_lut(1.3, 0.0, centre=128.0)),
        ("gamma_0.7", _gamma(0.7)),
        ("saturation_1.5", _saturation(1.5)),
        ("greyscale", _greyscale),
        ("blur_gauss_1.0", _blur(1.0)),
        ("sharpen_unsharp", _sharpen),
        ("noise_gauss_5", _noise(5.0)),
        ("median_3", _median(3)),
        ("screenshot_ui", _screenshot),
    ]
    return [(name, _wrap(f)) for name, f in raw]


# --------------------------------------------------------------------------- unmarked


def _size(rng: np.random.Generator, lo: int, hi: int, p512: float) -> tuple[int, int]:
    if rng.random() < p512:
        return 512, 512
    return int(rng.integers(lo, hi + 1)), int(rng.integers(lo, hi + 1))


def _u_photo(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    name = _PHOTO_POOL[int(rng.integers(len(_PHOTO_POOL)))]
    src = _source(name)
    H, W = src.shape[:2]
    fx, fy = rng.uniform(0.45, 1.0, size=2)
    w, h = max(16, round(fx * W)), max(16, round(fy * H))
    x0 = int(rng.integers(0, W - w + 1))
    y0 = int(rng.integers(0, H - h + 1))
    a = src[y0 : y0 + h, x0 : x0 + w]
    detail = [name]
    if rng.random() < 0.5:
        a = a[:, ::-1]
        detail.append("flip")
    a = np.ascontiguousarray(a)
    if rng.random() < 0.25:
        deg = float(rng.uniform(-8, 8))
        m = cv2.getRotationMatrix2D(((w - 1) / 2.0, (h - 1) / 2.0), deg, 1.0)
        a = cv2.warpAffine(a, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT_101)
        detail.append(f"rot{deg:+.1f}")
    ow, oh = _size(rng, 256, 1024, 0.3)
    if ow * oh > 640_000:
        k = math.sqrt(640_000 / (ow * oh))
        ow, oh = max(256, int(ow * k)), max(256, int(oh * k))
    a = _resize(a, ow, oh)
    a = _rgb(a)
    if rng.random() < 0.35:
        q = int(rng.integers(50, 96))
        a = _jpeg(q)(a)
        detail.append(f"jpeg{q}")
    return "_".join(detail), a


def _u_noise(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w, h = _size(rng, 256, 768, 0.2)
    t = int(rng.integers(3))
    if t == 0:
        return "uniform", rng.integers(0, 256, size=(h, w, 3), dtype=np.uint8)
    if t == 1:
        mean = rng.uniform(40, 215)
        sd = rng.uniform(3, 40)
        n = rng.standard_normal(size=(h, w, 3), dtype=np.float32) * sd + mean
        return f"gauss{sd:.0f}", np.clip(n, 0, 255).astype(np.uint8)
    g = int(rng.integers(4, 33))
    small = rng.integers(0, 256, size=(g, g, 3), dtype=np.uint8)
    return f"smooth{g}", cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)


def _u_flat(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w, h = _size(rng, 256, 768, 0.2)
    col = rng.integers(0, 256, size=3)
    a = np.empty((h, w, 3), np.uint8)
    a[:] = col.astype(np.uint8)
    if rng.random() < 0.5:
        n = rng.integers(-2, 3, size=(h, w, 3), dtype=np.int16)
        return "nearflat", np.clip(a.astype(np.int16) + n, 0, 255).astype(np.uint8)
    return "flat", a


def _u_gradient(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w, h = _size(rng, 256, 768, 0.2)
    c0 = rng.uniform(0, 255, size=3).astype(np.float32)
    c1 = rng.uniform(0, 255, size=3).astype(np.float32)
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    if rng.random() < 0.7:
        th = rng.uniform(0, 2 * math.pi)
        p = x * math.cos(th) + y * math.sin(th)
        t = (p - p.min()) / max(1e-6, float(p.max() - p.min()))
        kind = "linear"
    else:
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        d = np.sqrt((x - cx) ** 2 + (y - cy) ** 2)
        t = d / max(1e-6, float(d.max()))
        kind = "radial"
    a = c0 + (c1 - c0) * t[:, :, None]
    return kind, np.clip(np.round(a), 0, 255).astype(np.uint8)


def _u_scene(rng: np.random.Generator) -> tuple[str, np.ndarray]:
    w, h = _size(rng, 256, 768, 0.2)
    top = rng.uniform(0, 255, size=3).astype(np.float32)
    bot = rng.uniform(0, 255, size=3).astype(np.float32)
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    a = np.broadcast_to(top + (bot - top) * t, (h, w, 3)).copy()
    sun = tuple(float(v) for v in rng.uniform(150, 255, size=3))
    cx, cy = int(rng.integers(0, w)), int(rng.integers(0, h // 2 + 1))
    cv2.circle(a, (cx, cy), int(rng.integers(10, max(11, min(w, h) // 6))), sun, -1, cv2.LINE_AA)
    xs = np.arange(w, dtype=np.float32)
    yy = np.arange(h, dtype=np.float32)[:, None]
    for layer in range(2):
        base = h * rng.uniform(0.45 + 0.15 * layer, 0.65 + 0.15 * layer)
        amp = h * rng.uniform(0.02, 0.12)
        freq = rng.uniform(0.5, 3.0) * 2 * math.pi / w
        ridge = base + amp * np.sin(xs * freq + rng.uniform(0, 2 * math.pi))
        col = rng.uniform(0, 200, size=3).astype(np.float32)
        a[yy >= ridge[None, :]] = col
    a = cv2.GaussianBlur(a, (0, 0), sigmaX=1.2)
    return "landscape", np.clip(np.round(a), 0, 255).astype(np.uint8)


def unmarked(n: int = 10000, seed: int = 2026120604) -> Iterator[tuple[str, np.ndarray]]:
    """n unmarked RGB uint8 images, lazily; item i depends only on (seed, i)."""
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        u = rng.random()
        if u < 0.60:
            kind, (detail, a) = "photo", _u_photo(rng)
        elif u < 0.69:
            kind, (detail, a) = "noise", _u_noise(rng)
        elif u < 0.78:
            kind, (detail, a) = "flat", _u_flat(rng)
        elif u < 0.89:
            kind, (detail, a) = "gradient", _u_gradient(rng)
        else:
            kind, (detail, a) = "scene", _u_scene(rng)
        a = _rgb(a)
        yield f"{i:05d}_{kind}_{detail}_{a.shape[1]}x{a.shape[0]}", a


# --------------------------------------------------------------------------- edge cases


def _checker(h: int, w: int, cell: int, c0, c1) -> np.ndarray:
    y, x = np.mgrid[0:h, 0:w]
    m = ((y // cell + x // cell) % 2).astype(bool)
    a = np.empty((h, w, 3), np.uint8)
    a[:] = c0
    a[m] = c1
    return a


def edge_cases() -> list[tuple[str, np.ndarray]]:
    """Awkward RGB uint8 arrays (sizes in the names are W x H)."""
    photo = _rgb(_source("coffee"))  # 600x400
    tall = _rgb(_source("rocket"))  # 640x427
    area = cv2.INTER_AREA
    out: list[tuple[str, np.ndarray]] = [
        ("photo_8x8", cv2.resize(photo, (8, 8), interpolation=area)),
        ("photo_16x16", cv2.resize(photo, (16, 16), interpolation=area)),
        ("photo_63x63", cv2.resize(photo, (63, 63), interpolation=area)),
        ("photo_40x100", cv2.resize(photo, (40, 100), interpolation=area)),
        ("photo_100x40", cv2.resize(photo, (100, 40), interpolation=area)),
        ("row_2000x1", cv2.resize(photo[200:201], (2000, 1), interpolation=cv2.INTER_CUBIC)),
        ("column_1x2000", cv2.resize(photo[:, 300:301], (1, 2000), interpolation=cv2.INTER_CUBIC)),
        ("photo_4000x3000", cv2.resize(tall, (4000, 3000), interpolation=cv2.INTER_CUBIC)),
        ("black_512", np.zeros((512, 512, 3), np.uint8)),
        ("white_512", np.full((512, 512, 3), 255, np.uint8)),
        ("one_colour_512", np.broadcast_to(np.array([37, 142, 201], np.uint8), (512, 512, 3))),
        (
            "noise_512",
            np.random.default_rng([2026120699, 1]).integers(0, 256, (512, 512, 3), np.uint8),
        ),
        ("checker_1px_512", _checker(512, 512, 1, (0, 0, 0), (255, 255, 255))),
        ("checker_8px_256", _checker(256, 256, 8, (0, 0, 0), (255, 255, 255))),
        ("checker_32px_red_cyan_512", _checker(512, 512, 32, (255, 0, 0), (0, 255, 255))),
        ("strip_2048x64", cv2.resize(tall[180:244], (2048, 64), interpolation=cv2.INTER_CUBIC)),
        ("strip_64x2048", cv2.resize(photo[:, 268:332], (64, 2048), interpolation=cv2.INTER_CUBIC)),
    ]
    return [(n, np.ascontiguousarray(a, dtype=np.uint8)) for n, a in out]


def _save(im: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def edge_case_files() -> list[tuple[str, bytes]]:
    """Awkward encoded image files: (name with a format extension, bytes)."""
    photo = _rgb(_pil_resize(_source("chelsea"), 300, 200, "lanczos"))  # 300x200
    im = Image.fromarray(photo)
    h, w = photo.shape[:2]
    out: list[tuple[str, bytes]] = []

    rgb16 = photo.astype(np.uint16) * 256 + np.arange(w, dtype=np.uint16)[None, :, None] % 97
    out.append(
        ("rgb16.png", cv2.imencode(".png", np.ascontiguousarray(rgb16[:, :, ::-1]))[1].tobytes())
    )
    grey16 = (np.asarray(im.convert("L")).astype(np.uint16) * 257).astype(np.uint16)
    out.append(("grey16.png", cv2.imencode(".png", grey16)[1].tobytes()))

    alpha = np.tile(np.linspace(0, 255, w).astype(np.uint8)[None, :], (h, 1))
    alpha[: h // 3, : w // 3] = 0
    rgba = np.dstack([photo, alpha])
    out.append(("rgba_transparent.png", _save(Image.fromarray(rgba, "RGBA"), "PNG")))
    la = np.dstack([np.asarray(im.convert("L")), alpha])
    out.append(("la.png", _save(Image.fromarray(la, "LA"), "PNG")))
    pal = im.convert("P", palette=Image.Palette.ADAPTIVE, colors=64)
    out.append(("palette64.png", _save(pal, "PNG")))
    pal_t = pal.copy()
    pal_t.info["transparency"] = 0
    out.append(("palette_trns.png", _save(pal_t, "PNG", transparency=0)))
    out.append(("grey.jpg", _save(im.convert("L"), "JPEG", quality=90)))
    out.append(("cmyk.jpg", _save(im.convert("CMYK"), "JPEG", quality=90)))
    out.append(("progressive.jpg", _save(im, "JPEG", quality=85, progressive=True)))
    frames = [
        Image.fromarray(np.roll(photo, 20 * k, axis=1)).convert("P", palette=Image.Palette.ADAPTIVE)
        for k in range(3)
    ]
    out.append(
        (
            "animated.gif",
            _save(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0),
        )
    )
    exif = Image.Exif()
    exif[0x0112] = 6
    out.append(("exif_orientation6.jpg", _save(im, "JPEG", quality=90, exif=exif.tobytes())))
    full = _save(im, "JPEG", quality=90)
    out.append(("truncated60.jpg", full[: int(len(full) * 0.6)]))
    out.append(("empty.png", b""))
    out.append(("rgba.webp", _save(Image.fromarray(rgba, "RGBA"), "WEBP", quality=80)))
    out.append(("one_pixel.png", _save(Image.fromarray(photo[:1, :1]), "PNG")))
    out.append(("rgb24.bmp", _save(im, "BMP")))
    junk = np.random.default_rng([2026120699, 2]).integers(0, 256, 4096, np.uint8).tobytes()
    out.append(("random_bytes.png", junk))
    return out
