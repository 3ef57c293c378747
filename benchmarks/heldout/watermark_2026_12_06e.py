"""Held-out evaluation set for safegen's invisible image watermark, round 2026-12-06e.

PROVENANCE
----------
Written by an independent helper session that had NOT seen the watermark's design,
code, documentation, benchmarks, tests, issue tracker or any earlier held-out file.
It was told only the image classes, the attack families, the unmarked/edge-case
categories and the interface below. The only project code it read was
``safegen/backends/``, ``safegen/builtin/`` and ``pyproject.toml`` (to call the
built-in generator). Every strength below was chosen by that helper.

THIS FILE IS FROZEN. Never edit it, not even for style (its sha256 is its identity).
A later round writes a new file with a new ROUND name. The generated images are
cached as ``.npy`` files in ``cache_e/`` next to this file; their sha256 values are
pinned in ``GENERATED_SHA256`` below (a regeneration that differs, e.g. on other
hardware, raises a warning but still returns the regenerated pixels).

INTERFACE
---------
``ROUND = "2026-12-06e"``

``images() -> list[(name, image_class, rgb)]``
    rgb is a C-contiguous uint8 (H, W, 3) array. Classes: ``photo512``,
    ``photo1024``, ``wide``, ``generated256``, ``generated512`` (24 images).
``attacks() -> list[(name, fn)]``
    fn maps uint8 RGB (H, W, 3) to a new C-contiguous uint8 RGB (H', W', 3) array,
    at least 16x16, deterministically. The first attack is ``none`` (a copy).
``unmarked(n=10000, seed=2026120605) -> Iterator[(name, rgb)]``
    n unmarked images, generated lazily; item i depends only on (seed, i) through
    ``np.random.default_rng([seed, i])`` (and on i % 10 for its kind).
``edge_cases() -> list[(name, rgb)]``
    Awkward uint8 RGB arrays (tiny, degenerate, huge, flat, noise, checkerboards,
    a non-contiguous view and a read-only array).
``edge_case_files() -> list[(name, bytes)]``
    Awkward encoded image files.

Sizes are written W x H (width by height); array shapes are (H, W, 3).
Crop boxes are (left, top, right, bottom) in source pixels, right/bottom exclusive.
"tint (r, g, b)" multiplies each channel by that factor, rounds (numpy rint) and
clips to 0..255. Grey sources are first repeated into three equal channels.
PIL resampling = ``PIL.Image.resize`` with that ``Image.Resampling`` filter;
cv2 resampling = ``cv2.resize`` with that ``INTER_*`` flag.

SOURCE PHOTOS (only files that ship inside installed packages; nothing downloaded)
-----------------------------------------------------------------------------------
skimage/data: astronaut.png, chelsea.png, coffee.png, hubble_deep_field.jpg,
ihc.png, motorcycle_left.png, motorcycle_right.png, retina.jpg, rocket.jpg,
brick.png, grass.png, gravel.png, moon.png, camera.png, coins.png;
sklearn/datasets/images: china.jpg, flower.jpg; pywt/data: aero.npz, ascent.npz.

photo512 (8, all exactly 512x512)
  p512_astronaut_face      astronaut.png crop (132, 8, 412, 288) [280x280] -> 512x512 PIL
                           LANCZOS (upscaled x1.83; smooth skin and suit).
  p512_chelsea_mirror      chelsea.png crop (61, 0, 361, 300) [300x300], mirrored
                           left-right -> 512x512 PIL BICUBIC (upscaled x1.71; fur).
  p512_gravel_quarter_warm gravel.png (grey 512x512) whole, np.rot90 k=1 (90 degrees
                           counter-clockwise), tint (1.00, 0.94, 0.84); no resize (busy).
  p512_china_pagoda        china.jpg crop (0, 27, 400, 427) [400x400] -> 512x512 PIL
                           LANCZOS (upscaled x1.28; pagoda, sky, trees).
  p512_hubble_corner       hubble_deep_field.jpg crop (463, 331, 975, 843) [512x512]; no
                           resize (dark scene with bright details).
  p512_rocket_transposed   rocket.jpg crop (150, 0, 577, 427) [427x427], transposed
                           (swap x and y) -> 512x512 PIL BILINEAR (upscaled x1.20; dusk sky,
                           lights).
  p512_brick_coffee_pair   side by side: left brick.png crop (96, 0, 352, 512) [256x512]
                           tint (1.00, 0.86, 0.76); right coffee.png crop (340, 0, 540, 400)
                           [200x400] -> 256x512 PIL BICUBIC (upscaled x1.28).
  p512_moon_flipped_cool   moon.png (grey 512x512) whole, flipped upside down, tint
                           (0.90, 0.95, 1.00); no resize (smooth grey).
photo1024 (3, all exactly 1024x1024)
  p1024_retina_half_turn   retina.jpg crop (171, 171, 1371, 1371) [1200x1200] -> 1024x1024
                           cv2 INTER_AREA (downscaled x0.853), then np.rot90 k=2 (180 degrees).
  p1024_motorcycle_mirror  motorcycle_left.png crop (160, 0, 660, 500) [500x500], mirrored
                           left-right -> 1024x1024 PIL LANCZOS (UPSCALED x2.048).
  p1024_collage_2x2        four 512x512 tiles: top-left china.jpg crop (380, 0, 640, 260)
                           [260x260] -> 512x512 PIL LANCZOS (upscaled x1.97); top-right
                           grass.png whole, np.rot90 k=3 (90 degrees clockwise), tint
                           (0.80, 1.00, 0.70); bottom-left pywt ascent.npz whole, transposed,
                           tint (1.00, 0.96, 0.88); bottom-right camera.png whole, mirrored
                           left-right, tint (0.93, 0.95, 1.00). No resize of the last three.
wide (5)
  w768x512_coffee          coffee.png whole [600x400] -> 768x512 PIL LANCZOS (x1.28).
  w512x768_flower          flower.jpg crop (178, 0, 463, 427) [285x427] -> 512x768 PIL
                           BICUBIC (upscaled x1.80; soft bokeh background).
  w640x480_aero_ihc        side by side: left pywt aero.npz crop (96, 16, 416, 496)
                           [320x480] tint (1.00, 0.95, 0.86); right ihc.png crop
                           (192, 32, 512, 512) [320x480]; no resize.
  w800x450_rocket          rocket.jpg crop (0, 40, 640, 400) [640x360] -> 800x450 PIL
                           LANCZOS (x1.25).
  w721x457_motorcycle_right motorcycle_right.png crop (10, 20, 731, 477) [721x457],
                           mirrored left-right; no resize (odd size).

GENERATED (safegen's built-in generator, in-process on the CPU)
---------------------------------------------------------------
``safegen.backends.builtin.BuiltinBackend(threads=1)`` then
``generate(BackendRequest(prompt, negative_prompt=None, seeds=(seed,), width, height))``
(torch's thread count is restored afterwards) with the default steps (15) and
guidance; width/height None gives its default 256x256
(a 32x32 diffusion output upscaled with Lanczos). No watermark is applied here.
generated256 (6), width=height=None:
  g256_snow_noon         "snowy mountains under a pale blue sky at noon"            seed 90731
  g256_desert_sunset     "a red desert with rocky hills at sunset"                  seed 4417
  g256_lake_dusk         "a calm lake with pine trees at dusk"                      seed 260512
  g256_green_hills       "rolling green hills with a few trees on a bright morning" seed 77
  g256_night_sea         "the sea at night under a dark starry sky"                 seed 3141593
  g256_wheat_orange_sky  "a golden wheat field under an orange evening sky"         seed 808
generated512 (2), width=height=512:
  g512_foggy_valley      "a foggy valley with a river between grey mountains"       seed 51215
  g512_beach_purple      "a sandy beach with palm trees under a purple sky"         seed 9002

ATTACKS (65; applied in this order; all deterministic)
------------------------------------------------------
Conventions. round(x) = floor(x + 0.5). Scale f: new size (round(W*f), round(H*f)).
crop(fx, fy, ax, ay): keep cw = round(W*fx) columns and ch = round(H*fy) rows, starting
at x0 = round((W - cw)*ax), y0 = round((H - ch)*ay) (a = 0 left/top, 0.5 centre,
1 right/bottom). rotate(d, border): cv2.warpAffine with
cv2.getRotationMatrix2D(((W-1)/2, (H-1)/2), d, 1.0), same output size, INTER_LINEAR;
positive d = counter-clockwise; border "black" = BORDER_CONSTANT 0, "reflect" =
BORDER_REFLECT_101. rotate_fill(d): rotate(d, black), then the centred crop of the
largest-area axis-aligned rectangle wr x hr inside the rotated frame (the classic
"rotatedRectWithMaxArea" formula): cw = min(W, floor(wr) - 4), ch = min(H, floor(hr) - 4),
at x0 = floor((W - cw)/2), y0 = floor((H - ch)/2).
pad(t, b, l, r, colour): round(t*H) rows on top, round(b*H) below, round(l*W) columns
left, round(r*W) right, constant colour. JPEG = Pillow, 4:2:0 (subsampling=2),
optimize=False, baseline; WebP = Pillow lossy, method=4; AVIF = Pillow, 4:2:0,
speed=6, max_threads=1; each encoded then decoded with Pillow to RGB.
PNG = Pillow lossless round trip. Every result is checked: greyscale is repeated to 3
channels, a side under 16 px is enlarged to 16 with INTER_NEAREST, the array is copied
C-contiguous uint8.

 1 none                        a copy
 2 png                         PNG round trip
 3 flip_h                      mirror left-right
 4 flip_v                      upside down
 5 transpose                   swap x and y
 6 stretch_w1.13               width x1.13, height unchanged, cv2 INTER_CUBIC
 7 stretch_h0.87               height x0.87, width unchanged, cv2 INTER_AREA
 8 stretch_w0.91               width x0.91, cv2 INTER_LINEAR
 9 stretch_w1.11_h0.93         width x1.11 and height x0.93, cv2 INTER_CUBIC
10 crop_centre_0.87            crop(0.87, 0.87, 0.5, 0.5)
11 crop_centre_0.61            crop(0.61, 0.61, 0.5, 0.5)
12 crop_offcentre_0.78x0.71    crop(0.78, 0.71, 0.30, 0.65)
13 crop_corner_tl_0.56         crop(0.56, 0.56, 0, 0)
14 crop_corner_br_0.81x0.67    crop(0.81, 0.67, 1, 1)
15 rotate_+1.7_black           rotate(+1.7, black)
16 rotate_-6.3_black           rotate(-6.3, black)
17 rotate_+4.1_reflect         rotate(+4.1, reflect)
18 rotate_-9.2_reflect         rotate(-9.2, reflect)
19 rotate_fill_-3.8_resized    rotate_fill(-3.8), then back to W x H with cv2 INTER_CUBIC
20 pad_white_7pct              pad(0.07, 0.07, 0.07, 0.07, (255, 255, 255))
21 pad_black_13pct             pad(0.13, 0.13, 0.13, 0.13, (0, 0, 0))
22 pad_grey_19pct              pad(0.19, 0.19, 0.19, 0.19, (127, 127, 127))
23 pad_asym_colour             pad(0.17, 0.04, 0.11, 0.06, (23, 137, 158)) (teal)
24 letterbox_16x9_black        centred on a black canvas of aspect 16:9: if W/H < 16/9
                               the canvas is round(H*16/9) x H (pillarbox), else
                               W x round(W*9/16) (letterbox); offsets floor((D-d)/2)
25 jpeg_91                     JPEG quality 91
26 jpeg_53                     JPEG quality 53
27 jpeg_27                     JPEG quality 27
28 webp_83                     WebP quality 83
29 webp_57                     WebP quality 57
30 avif_64                     AVIF quality 64 (only if Pillow has AVIF; it does here,
                               otherwise this entry is left out)
31 scale_0.5_area              scale 0.5, cv2 INTER_AREA
32 scale_0.71_linear           scale 0.71, cv2 INTER_LINEAR
33 scale_1.41_cubic            scale 1.41, cv2 INTER_CUBIC
34 scale_2.0_lanczos           scale 2.0, PIL LANCZOS
35 long_side_1080              scale so max(W, H) = 1080 (other side rounded), PIL LANCZOS
36 long_side_720               scale so max(W, H) = 720, cv2 INTER_AREA if shrinking
                               else INTER_CUBIC
37 social_chain                crop(0.9, 0.9, 0.5, 0.5); long side to 1080 PIL LANCZOS;
                               JPEG 75
38 social_chain_harsh          crop(0.86, 0.81, 0.35, 0.60); long side to 720 (as 36);
                               JPEG 58; JPEG 71 again (re-shared)
39 messaging_chain             scale 0.6 cv2 INTER_AREA; JPEG 60
40 messaging_chain_harsh       scale 0.47 cv2 INTER_AREA; JPEG 46; JPEG 52 again
41 combo_flip_h+jpeg_81        flip_h; JPEG 81
42 combo_stretch_w1.08+jpeg_69 width x1.08 cv2 INTER_CUBIC; JPEG 69
43 combo_crop+stretch_h1.12    crop(0.84, 0.77, 0.5, 0.5); height x1.12 cv2 INTER_CUBIC
44 combo_crop+stretch+webp     crop(0.72, 0.72, 0.2, 0.7); width x0.89 cv2 INTER_AREA;
                               WebP 72
45 combo_rotate+stretch        rotate(+3.4, black); width x1.06 cv2 INTER_CUBIC
46 combo_rotate_fill+jpeg_67   rotate_fill(-4.7) (not resized back); JPEG 67
47 combo_pad_white+scale_0.77  pad_white 11% each side; scale 0.77 cv2 INTER_AREA
48 combo_pad_black+jpeg_63     pad_black 6% each side; JPEG 63
49 combo_crop+scale+jpeg       crop(0.69, 0.69, 0.5, 0.5); scale 1.33 cv2 INTER_CUBIC;
                               JPEG 79
50 combo_transpose+scale+webp  transpose; scale 0.83 cv2 INTER_AREA; WebP 77
51 combo_flip_v+rotate+jpeg    flip_v; rotate(-2.2, reflect); JPEG 86
52 combo_stretch+pad+jpeg      width x0.94 and height x1.09 cv2 INTER_LINEAR;
                               pad(0.05, 0.12, 0.08, 0.08, (240, 236, 226)); JPEG 71
53 brightness_+23              x + 23, clipped
54 brightness_-31              x - 31, clipped
55 contrast_1.37               m + 1.37 (x - m), m = mean of all values of the image
56 contrast_0.66               m + 0.66 (x - m)
57 gamma_0.77                  255 (x / 255) ** 0.77 (brightens)
58 saturation_1.52             Y + 1.52 (x - Y), Y = 0.299 R + 0.587 G + 0.114 B
59 greyscale                   Y repeated into R, G and B
60 blur_gauss_1.1              cv2.GaussianBlur sigma 1.1, ksize (0, 0), BORDER_REFLECT_101
61 sharpen_unsharp             PIL ImageFilter.UnsharpMask(radius=1.6, percent=143,
                               threshold=2)
62 noise_gauss_5.3             x + N(0, 5.3^2) i.i.d. per value, from
                               np.random.default_rng(20261206) (same noise for same shape)
63 median_3                    cv2.medianBlur ksize 3
64 screenshot_light_0.83_png   UI canvas (below), scale 0.83 cv2 INTER_AREA, light theme,
                               PNG
65 screenshot_dark_1.37_jpeg   UI canvas, scale 1.37 cv2 INTER_CUBIC, dark theme, JPEG 84
Photometric results are rounded with numpy rint and clipped to 0..255.

Screenshot canvas: the scaled image (sw x sh) is pasted at (236, 88) on a canvas of
(sw + 288) x (sh + 152) filled with the theme background; a 32 px title bar with three
round window buttons (radius 6 at x = 18, 38, 58, y = 16) and an address field
(90, 7)-(W-90, 25); a toolbar band y 32..59 with six 17x16 icon squares at the right
(x from W-40-28k to W-24-28k, k = 0..5, y 38..53); a sidebar x 0..220, y 60..H-25, with
grey "text" bars 9 px high every 26 px of lengths 120, 164, 92, 140, 178, 104, 150, 86
(cycled) from x = 16; a 1 px frame around the image; a caption bar under the image;
a 24 px status bar at the bottom with two text bars. Colours per theme are in
``_THEMES``. All drawing is cv2.rectangle / cv2.circle with LINE_8.

UNMARKED
--------
Item i (rng = np.random.default_rng([seed, i])), kind from i % 10:
  0-5 ``photo`` (60 %): a random source photo (the pool above, grey ones tinted), a
      random window of the output's aspect (40-100 % of the largest such window),
      resized with a random cv2 interpolation (AREA, LINEAR, CUBIC, LANCZOS4) to
      512x512 (30 % of items) or to a random W, H in 256..1024; then mirror (p 0.5),
      a small rotation of -11..11 degrees with reflected border (p 0.2) or a quarter
      turn (p 0.1), a mild tint in 0.9..1.1 (p 0.15), a JPEG copy at quality 35..95
      (p 0.4). Name "photo-<source>-<W>x<H>[-flip][-rot|-quarter][-tint][-jpegQ]-<i>".
  6   ``noise``: uniform i.i.d., Gaussian around a random colour, or low-pass noise
      (noise at 1/8 size, cubic upscale); W, H in 256..768.
  7   ``flat`` or ``near-flat``: one colour, or one colour with integer noise of
      +-1..3, or a 1-level dither; W, H in 256..1024.
  8   ``gradient``: linear at a random angle or radial between two colours; 256..1024.
  9   ``scene``: smooth synthetic landscape (sky gradient, soft sun, two hill lines,
      water), drawn at 1/4 size and upscaled with cv2 INTER_CUBIC; 256..1024.

EDGE CASES
----------
Arrays: tiny 8x8 and 16x16, 63x63 photo, 40x100 and 100x40 photos (W x H), a 2000x1 row,
a 1x2000 column, a 4000x3000 photo (china.jpg, cv2 INTER_CUBIC upscale), all black,
all white, one colour, uniform noise, 1 px and 8 px checkerboards, a 13 px colour
checkerboard 500x300, 2048x64 and 64x2048 strips, a non-C-contiguous strided view and
a read-only array.
Files (from chelsea.png, 451x300): 16-bit RGB PNG (cv2; value x*257 XOR 0x0055),
16-bit grey PNG (cv2; round(Y*257)), RGBA PNG with transparency, LA PNG, palette PNG
(with a transparent index), 1-bit PNG, grey JPEG, CMYK JPEG, progressive JPEG,
3-frame animated GIF, JPEG with EXIF orientation 6, truncated JPEG (first 60 % of the
bytes), zero-byte file, PNG signature followed by junk.
"""

from __future__ import annotations

import importlib.util
import io
import math
import os
import warnings
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageFilter, features

ROUND = "2026-12-06e"

_HERE = Path(__file__).resolve().parent
CACHE_DIR = _HERE / "cache_e"

Array = np.ndarray
Attack = Callable[[np.ndarray], np.ndarray]


# --------------------------------------------------------------------------- sources


def _package_dir(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"package {module} is not installed")
    return Path(list(spec.submodule_search_locations)[0])


@cache
def _source(name: str) -> Array:
    """A shipped photo as uint8 RGB (grey repeated to 3 channels). Read-only cache."""
    if name in ("aero", "ascent"):
        data = np.load(_package_dir("pywt") / "data" / f"{name}.npz")["data"]
        arr = np.asarray(data, dtype=np.uint8)
    else:
        if name in ("china.jpg", "flower.jpg"):
            path = _package_dir("sklearn") / "datasets" / "images" / name
        else:
            path = _package_dir("skimage") / "data" / name
        with Image.open(path) as im:
            arr = np.asarray(im.convert("RGB"))
    if arr.ndim == 2:
        arr = np.repeat(arr[:, :, None], 3, axis=2)
    arr = np.ascontiguousarray(arr, dtype=np.uint8)
    arr.flags.writeable = False
    return arr


def _box(a: Array, box: tuple[int, int, int, int]) -> Array:
    left, top, right, bottom = box
    assert 0 <= left < right <= a.shape[1] and 0 <= top < bottom <= a.shape[0], box
    return a[top:bottom, left:right]


_PIL_FILTERS = {
    "lanczos": Image.Resampling.LANCZOS,
    "bicubic": Image.Resampling.BICUBIC,
    "bilinear": Image.Resampling.BILINEAR,
}


def _pil_resize(a: Array, w: int, h: int, method: str) -> Array:
    im = Image.fromarray(np.ascontiguousarray(a), "RGB")
    return np.asarray(im.resize((w, h), _PIL_FILTERS[method]))


def _cv_resize(a: Array, w: int, h: int, interp: int) -> Array:
    return cv2.resize(np.ascontiguousarray(a), (w, h), interpolation=interp)


def _tint(a: Array, factors: tuple[float, float, float]) -> Array:
    out = a.astype(np.float32) * np.asarray(factors, dtype=np.float32)
    return np.clip(np.rint(out), 0, 255).astype(np.uint8)


def _final(a: Array) -> Array:
    return np.array(a, dtype=np.uint8, order="C", copy=True)


# --------------------------------------------------------------------------- photos


def _photo_images() -> list[tuple[str, str, Array]]:
    out: list[tuple[str, str, Array]] = []

    def add(name: str, cls: str, a: Array) -> None:
        out.append((name, cls, _final(a)))

    # photo512
    a = _box(_source("astronaut.png"), (132, 8, 412, 288))
    add("p512_astronaut_face", "photo512", _pil_resize(a, 512, 512, "lanczos"))
    a = np.fliplr(_box(_source("chelsea.png"), (61, 0, 361, 300)))
    add("p512_chelsea_mirror", "photo512", _pil_resize(a, 512, 512, "bicubic"))
    a = _tint(np.rot90(_source("gravel.png"), 1), (1.00, 0.94, 0.84))
    add("p512_gravel_quarter_warm", "photo512", a)
    a = _box(_source("china.jpg"), (0, 27, 400, 427))
    add("p512_china_pagoda", "photo512", _pil_resize(a, 512, 512, "lanczos"))
    add(
        "p512_hubble_corner",
        "photo512",
        _box(_source("hubble_deep_field.jpg"), (463, 331, 975, 843)),
    )
    a = _box(_source("rocket.jpg"), (150, 0, 577, 427)).transpose(1, 0, 2)
    add("p512_rocket_transposed", "photo512", _pil_resize(a, 512, 512, "bilinear"))
    left = _tint(_box(_source("brick.png"), (96, 0, 352, 512)), (1.00, 0.86, 0.76))
    right = _pil_resize(_box(_source("coffee.png"), (340, 0, 540, 400)), 256, 512, "bicubic")
    add("p512_brick_coffee_pair", "photo512", np.hstack([left, right]))
    a = _tint(np.flipud(_source("moon.png")), (0.90, 0.95, 1.00))
    add("p512_moon_flipped_cool", "photo512", a)

    # photo1024
    a = _cv_resize(_box(_source("retina.jpg"), (171, 171, 1371, 1371)), 1024, 1024, cv2.INTER_AREA)
    add("p1024_retina_half_turn", "photo1024", np.rot90(a, 2))
    a = np.fliplr(_box(_source("motorcycle_left.png"), (160, 0, 660, 500)))
    add("p1024_motorcycle_mirror", "photo1024", _pil_resize(a, 1024, 1024, "lanczos"))
    tl = _pil_resize(_box(_source("china.jpg"), (380, 0, 640, 260)), 512, 512, "lanczos")
    tr = _tint(np.rot90(_source("grass.png"), 3), (0.80, 1.00, 0.70))
    bl = _tint(_source("ascent").transpose(1, 0, 2), (1.00, 0.96, 0.88))
    br = _tint(np.fliplr(_source("camera.png")), (0.93, 0.95, 1.00))
    add("p1024_collage_2x2", "photo1024", np.vstack([np.hstack([tl, tr]), np.hstack([bl, br])]))

    # wide
    add("w768x512_coffee", "wide", _pil_resize(_source("coffee.png"), 768, 512, "lanczos"))
    a = _box(_source("flower.jpg"), (178, 0, 463, 427))
    add("w512x768_flower", "wide", _pil_resize(a, 512, 768, "bicubic"))
    left = _tint(_box(_source("aero"), (96, 16, 416, 496)), (1.00, 0.95, 0.86))
    right = _box(_source("ihc.png"), (192, 32, 512, 512))
    add("w640x480_aero_ihc", "wide", np.hstack([left, right]))
    a = _box(_source("rocket.jpg"), (0, 40, 640, 400))
    add("w800x450_rocket", "wide", _pil_resize(a, 800, 450, "lanczos"))
    a = np.fliplr(_box(_source("motorcycle_right.png"), (10, 20, 731, 477)))
    add("w721x457_motorcycle_right", "wide", a)
    return out


# --------------------------------------------------------------------------- generated

GENERATED: list[tuple[str, str, str, int, int | None]] = [
    # (name, class, prompt, seed, side or None for the default 256)
    (
        "g256_snow_noon",
        "generated256",
        "snowy mountains under a pale blue sky at noon",
        90731,
        None,
    ),
    ("g256_desert_sunset", "generated256", "a red desert with rocky hills at sunset", 4417, None),
    ("g256_lake_dusk", "generated256", "a calm lake with pine trees at dusk", 260512, None),
    (
        "g256_green_hills",
        "generated256",
        "rolling green hills with a few trees on a bright morning",
        77,
        None,
    ),
    ("g256_night_sea", "generated256", "the sea at night under a dark starry sky", 3141593, None),
    (
        "g256_wheat_orange_sky",
        "generated256",
        "a golden wheat field under an orange evening sky",
        808,
        None,
    ),
    (
        "g512_foggy_valley",
        "generated512",
        "a foggy valley with a river between grey mountains",
        51215,
        512,
    ),
    (
        "g512_beach_purple",
        "generated512",
        "a sandy beach with palm trees under a purple sky",
        9002,
        512,
    ),
]

GENERATED_SHA256: dict[str, str] = {
    "g256_snow_noon": "955b79fa693302397ab29e9dba04f070a28e2c51eafc129c91f6034d526bc0e2",
    "g256_desert_sunset": "a080662535e696f5bfa70989ded029664380c05f201e1a08d3332ce8ba3f9124",
    "g256_lake_dusk": "96689b0e2318901318e8b9b37eb7629afcc7a88826c723bc745105ce0900ed01",
    "g256_green_hills": "19341fbd9dae829f64348549bfb70259ff6065472895c46b43e7785851548c2a",
    "g256_night_sea": "3cb529fa6304ebe652192a7bcd4782393ff731f04f13ad1ca6b27505f48c8d70",
    "g256_wheat_orange_sky": "8da5f80096f5cdec18266f31cb401eb901079f65550debdcf654c65d2be8d7a8",
    "g512_foggy_valley": "f7b238bda552bce330640c83276584e06afbb627873b83eb0baa283c8b039279",
    "g512_beach_purple": "7ccd23ac8ca4f8e41755e862053ac1240d1b61e610450de4f64b5317d73acd75",
}
"""sha256 of each cached image's raw pixel bytes (C order), as first generated."""


def _generate(missing: list[tuple[str, str, str, int, int | None]]) -> dict[str, Array]:
    import torch

    from safegen.backends.base import BackendRequest
    from safegen.backends.builtin import BuiltinBackend

    threads = torch.get_num_threads()
    try:
        backend = BuiltinBackend(threads=1)
        made: dict[str, Array] = {}
        for name, _cls, prompt, seed, side in missing:
            request = BackendRequest(
                prompt=prompt, negative_prompt=None, seeds=(seed,), width=side, height=side
            )
            image = backend.generate(request)[0]
            made[name] = np.ascontiguousarray(np.asarray(image.convert("RGB")), dtype=np.uint8)
        return made
    finally:
        torch.set_num_threads(threads)


def _generated_images() -> list[tuple[str, str, Array]]:
    import hashlib

    arrays: dict[str, Array] = {}
    missing = []
    for entry in GENERATED:
        name, _cls, _prompt, _seed, side = entry
        expected = (side or 256, side or 256, 3)
        path = CACHE_DIR / f"{name}.npy"
        try:
            arr = np.load(path, allow_pickle=False)
            if arr.shape != expected or arr.dtype != np.uint8:
                raise ValueError(f"{path}: unexpected {arr.shape} {arr.dtype}")
            arrays[name] = arr
        except (OSError, ValueError):
            missing.append(entry)
    if missing:
        made = _generate(missing)
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        for name, arr in made.items():
            tmp = CACHE_DIR / f".{name}.{os.getpid()}.tmp.npy"
            np.save(tmp, arr, allow_pickle=False)
            os.replace(tmp, CACHE_DIR / f"{name}.npy")
            pinned = GENERATED_SHA256.get(name)
            digest = hashlib.sha256(np.ascontiguousarray(arr).tobytes()).hexdigest()
            if pinned is not None and digest != pinned:
                warnings.warn(
                    f"{name}: regenerated pixels (sha256 {digest[:12]}) differ from the pinned "
                    f"{pinned[:12]}; the generator or its numerics changed",
                    stacklevel=2,
                )
            arrays[name] = arr
    return [(name, cls, _final(arrays[name])) for name, cls, _p, _s, _side in GENERATED]


def images() -> list[tuple[str, str, np.ndarray]]:
    """All held-out images: (name, image_class, C-contiguous uint8 RGB)."""
    return _photo_images() + _generated_images()


# --------------------------------------------------------------------------- attack helpers


def _r(x: float) -> int:
    return int(math.floor(x + 0.5))


def _encode_decode(a: Array, fmt: str, **params: object) -> Array:
    buf = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(a), "RGB").save(buf, fmt, **params)
    buf.seek(0)
    with Image.open(buf) as im:
        return np.asarray(im.convert("RGB"))


def _png(a: Array) -> Array:
    return _encode_decode(a, "PNG")


def _jpeg(a: Array, q: int) -> Array:
    return _encode_decode(a, "JPEG", quality=q, subsampling=2, optimize=False, progressive=False)


def _webp(a: Array, q: int) -> Array:
    return _encode_decode(a, "WEBP", quality=q, method=4, lossless=False)


def _avif(a: Array, q: int) -> Array:
    return _encode_decode(a, "AVIF", quality=q, subsampling="4:2:0", speed=6, max_threads=1)


def _size(a: Array) -> tuple[int, int]:
    return a.shape[1], a.shape[0]


def _scale(a: Array, f: float, interp: int) -> Array:
    w, h = _size(a)
    return _cv_resize(a, max(1, _r(w * f)), max(1, _r(h * f)), interp)


def _scale_pil(a: Array, f: float, method: str) -> Array:
    w, h = _size(a)
    return _pil_resize(a, max(1, _r(w * f)), max(1, _r(h * f)), method)


def _stretch(a: Array, fx: float, fy: float, interp: int) -> Array:
    w, h = _size(a)
    return _cv_resize(a, max(1, _r(w * fx)), max(1, _r(h * fy)), interp)


def _long_side_pil(a: Array, side: int) -> Array:
    w, h = _size(a)
    f = side / max(w, h)
    return _pil_resize(a, max(1, _r(w * f)), max(1, _r(h * f)), "lanczos")


def _long_side_cv(a: Array, side: int) -> Array:
    w, h = _size(a)
    f = side / max(w, h)
    interp = cv2.INTER_AREA if f < 1 else cv2.INTER_CUBIC
    return _cv_resize(a, max(1, _r(w * f)), max(1, _r(h * f)), interp)


def _crop(a: Array, fx: float, fy: float, ax: float, ay: float) -> Array:
    w, h = _size(a)
    cw, ch = max(1, _r(w * fx)), max(1, _r(h * fy))
    x0, y0 = _r((w - cw) * ax), _r((h - ch) * ay)
    return a[y0 : y0 + ch, x0 : x0 + cw]


def _rotate(a: Array, deg: float, border: str) -> Array:
    w, h = _size(a)
    m = cv2.getRotationMatrix2D(((w - 1) / 2.0, (h - 1) / 2.0), deg, 1.0)
    mode = cv2.BORDER_CONSTANT if border == "black" else cv2.BORDER_REFLECT_101
    return cv2.warpAffine(
        np.ascontiguousarray(a),
        m,
        (w, h),
        flags=cv2.INTER_LINEAR,
        borderMode=mode,
        borderValue=(0, 0, 0),
    )


def _max_inner_rect(w: int, h: int, deg: float) -> tuple[float, float]:
    """Largest-area axis-aligned rectangle inside a w x h rectangle rotated by deg."""
    angle = math.radians(deg)
    long_side, short_side = (w, h) if w >= h else (h, w)
    sin_a, cos_a = abs(math.sin(angle)), abs(math.cos(angle))
    if short_side <= 2.0 * sin_a * cos_a * long_side or abs(sin_a - cos_a) < 1e-10:
        x = 0.5 * short_side
        wr, hr = (x / sin_a, x / cos_a) if w >= h else (x / cos_a, x / sin_a)
    else:
        cos_2a = cos_a * cos_a - sin_a * sin_a
        wr, hr = (w * cos_a - h * sin_a) / cos_2a, (h * cos_a - w * sin_a) / cos_2a
    return wr, hr


def _rotate_fill(a: Array, deg: float, resize_back: bool) -> Array:
    w, h = _size(a)
    rotated = _rotate(a, deg, "black")
    wr, hr = _max_inner_rect(w, h, deg)
    cw = max(1, min(w, int(math.floor(wr)) - 4))
    ch = max(1, min(h, int(math.floor(hr)) - 4))
    x0, y0 = (w - cw) // 2, (h - ch) // 2
    out = rotated[y0 : y0 + ch, x0 : x0 + cw]
    if resize_back:
        out = _cv_resize(out, w, h, cv2.INTER_CUBIC)
    return out


def _pad(a: Array, t: float, b: float, lf: float, rt: float, colour: tuple[int, int, int]) -> Array:
    w, h = _size(a)
    top, bottom, left, right = _r(t * h), _r(b * h), _r(lf * w), _r(rt * w)
    out = np.empty((h + top + bottom, w + left + right, 3), dtype=np.uint8)
    out[:] = np.asarray(colour, dtype=np.uint8)
    out[top : top + h, left : left + w] = a
    return out


def _letterbox(a: Array, aw: int, ah: int, colour: tuple[int, int, int]) -> Array:
    w, h = _size(a)
    if w / h < aw / ah:
        cw, ch = _r(h * aw / ah), h
    else:
        cw, ch = w, _r(w * ah / aw)
    out = np.empty((ch, cw, 3), dtype=np.uint8)
    out[:] = np.asarray(colour, dtype=np.uint8)
    x0, y0 = (cw - w) // 2, (ch - h) // 2
    out[y0 : y0 + h, x0 : x0 + w] = a
    return out


def _clip(x: Array) -> Array:
    return np.clip(np.rint(x), 0, 255).astype(np.uint8)


def _brightness(a: Array, delta: int) -> Array:
    return np.clip(a.astype(np.int16) + delta, 0, 255).astype(np.uint8)


def _contrast(a: Array, k: float) -> Array:
    x = a.astype(np.float64)
    m = x.mean()
    return _clip(m + k * (x - m))


def _gamma(a: Array, g: float) -> Array:
    lut = _clip(255.0 * (np.arange(256, dtype=np.float64) / 255.0) ** g)
    return lut[a]


def _luma(a: Array) -> Array:
    x = a.astype(np.float64)
    return 0.299 * x[:, :, 0] + 0.587 * x[:, :, 1] + 0.114 * x[:, :, 2]


def _saturation(a: Array, s: float) -> Array:
    y = _luma(a)[:, :, None]
    return _clip(y + s * (a.astype(np.float64) - y))


def _greyscale(a: Array) -> Array:
    y = _clip(_luma(a))
    return np.repeat(y[:, :, None], 3, axis=2)


def _blur(a: Array, sigma: float) -> Array:
    return cv2.GaussianBlur(
        np.ascontiguousarray(a),
        (0, 0),
        sigmaX=sigma,
        sigmaY=sigma,
        borderType=cv2.BORDER_REFLECT_101,
    )


def _sharpen(a: Array) -> Array:
    im = Image.fromarray(np.ascontiguousarray(a), "RGB")
    return np.asarray(im.filter(ImageFilter.UnsharpMask(radius=1.6, percent=143, threshold=2)))


def _noise(a: Array, sigma: float) -> Array:
    rng = np.random.default_rng(20261206)
    return _clip(a.astype(np.float64) + rng.normal(0.0, sigma, a.shape))


def _median(a: Array, k: int) -> Array:
    return cv2.medianBlur(np.ascontiguousarray(a), k)


_THEMES: dict[str, dict[str, tuple[int, int, int]]] = {
    # RGB colours
    "light": {
        "bg": (243, 243, 245),
        "title": (222, 224, 228),
        "address": (252, 252, 253),
        "toolbar": (234, 236, 240),
        "sidebar": (228, 230, 235),
        "text": (118, 122, 130),
        "frame": (196, 198, 204),
        "status": (214, 217, 222),
    },
    "dark": {
        "bg": (30, 31, 34),
        "title": (20, 21, 24),
        "address": (48, 50, 55),
        "toolbar": (38, 40, 44),
        "sidebar": (43, 45, 49),
        "text": (160, 164, 172),
        "frame": (70, 72, 78),
        "status": (24, 25, 28),
    },
}
_BUTTONS = ((237, 106, 94), (245, 191, 79), (98, 197, 84))
_TEXT_LENGTHS = (120, 164, 92, 140, 178, 104, 150, 86)


def _screenshot(a: Array, scale: float, theme: str) -> Array:
    c = _THEMES[theme]
    w, h = _size(a)
    sw, sh = max(1, _r(w * scale)), max(1, _r(h * scale))
    img = _cv_resize(a, sw, sh, cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC)
    left, right, top, bottom = 236, 52, 88, 64
    cw, ch = sw + left + right, sh + top + bottom
    canvas = np.empty((ch, cw, 3), dtype=np.uint8)
    canvas[:] = np.asarray(c["bg"], dtype=np.uint8)

    def rect(x0: int, y0: int, x1: int, y1: int, colour: tuple[int, int, int]) -> None:
        cv2.rectangle(canvas, (x0, y0), (x1, y1), colour, thickness=-1, lineType=cv2.LINE_8)

    rect(0, 0, cw - 1, 31, c["title"])
    for x, colour in zip((18, 38, 58), _BUTTONS, strict=True):
        cv2.circle(canvas, (x, 16), 6, colour, thickness=-1, lineType=cv2.LINE_8)
    rect(90, 7, cw - 90, 25, c["address"])
    rect(0, 32, cw - 1, 59, c["toolbar"])
    for k in range(6):
        rect(cw - 40 - 28 * k, 38, cw - 24 - 28 * k, 53, c["text"])
    rect(0, 60, 220, ch - 25, c["sidebar"])
    y, k = 80, 0
    while y + 9 < ch - 40:
        rect(16, y, 16 + _TEXT_LENGTHS[k % len(_TEXT_LENGTHS)], y + 8, c["text"])
        y += 26
        k += 1
    rect(left - 1, top - 1, left + sw, top + sh, c["frame"])
    canvas[top : top + sh, left : left + sw] = img
    rect(left, top + sh + 14, left + min(sw, 300) - 1, top + sh + 22, c["text"])
    rect(0, ch - 24, cw - 1, ch - 1, c["status"])
    rect(12, ch - 16, 172, ch - 9, c["text"])
    rect(cw - 132, ch - 16, cw - 12, ch - 9, c["text"])
    return canvas


def _checked(fn: Callable[[Array], Array]) -> Attack:
    def run(rgb: np.ndarray) -> np.ndarray:
        src = np.ascontiguousarray(rgb, dtype=np.uint8)
        if src.ndim == 2:
            src = np.repeat(src[:, :, None], 3, axis=2)
        out = np.asarray(fn(src[:, :, :3]))
        if out.ndim == 2:
            out = np.repeat(out[:, :, None], 3, axis=2)
        out = np.ascontiguousarray(out[:, :, :3], dtype=np.uint8)
        h, w = out.shape[:2]
        if h < 16 or w < 16:
            out = cv2.resize(out, (max(w, 16), max(h, 16)), interpolation=cv2.INTER_NEAREST)
        return _final(out)

    run.__name__ = getattr(fn, "__name__", "attack")
    return run


def _chain(*steps: Callable[[Array], Array]) -> Callable[[Array], Array]:
    def run(a: Array) -> Array:
        for step in steps:
            a = step(a)
        return a

    return run


def attacks() -> list[tuple[str, Callable[[np.ndarray], np.ndarray]]]:
    """The attacks, in the documented order; the first is ``none``."""
    cubic, area, linear = cv2.INTER_CUBIC, cv2.INTER_AREA, cv2.INTER_LINEAR
    table: list[tuple[str, Callable[[Array], Array]]] = [
        ("none", lambda a: a.copy()),
        ("png", _png),
        ("flip_h", np.fliplr),
        ("flip_v", np.flipud),
        ("transpose", lambda a: a.transpose(1, 0, 2)),
        ("stretch_w1.13", lambda a: _stretch(a, 1.13, 1.0, cubic)),
        ("stretch_h0.87", lambda a: _stretch(a, 1.0, 0.87, area)),
        ("stretch_w0.91", lambda a: _stretch(a, 0.91, 1.0, linear)),
        ("stretch_w1.11_h0.93", lambda a: _stretch(a, 1.11, 0.93, cubic)),
        ("crop_centre_0.87", lambda a: _crop(a, 0.87, 0.87, 0.5, 0.5)),
        ("crop_centre_0.61", lambda a: _crop(a, 0.61, 0.61, 0.5, 0.5)),
        ("crop_offcentre_0.78x0.71", lambda a: _crop(a, 0.78, 0.71, 0.30, 0.65)),
        ("crop_corner_tl_0.56", lambda a: _crop(a, 0.56, 0.56, 0.0, 0.0)),
        ("crop_corner_br_0.81x0.67", lambda a: _crop(a, 0.81, 0.67, 1.0, 1.0)),
        ("rotate_+1.7_black", lambda a: _rotate(a, 1.7, "black")),
        ("rotate_-6.3_black", lambda a: _rotate(a, -6.3, "black")),
        ("rotate_+4.1_reflect", lambda a: _rotate(a, 4.1, "reflect")),
        ("rotate_-9.2_reflect", lambda a: _rotate(a, -9.2, "reflect")),
        ("rotate_fill_-3.8_resized", lambda a: _rotate_fill(a, -3.8, True)),
        ("pad_white_7pct", lambda a: _pad(a, 0.07, 0.07, 0.07, 0.07, (255, 255, 255))),
        ("pad_black_13pct", lambda a: _pad(a, 0.13, 0.13, 0.13, 0.13, (0, 0, 0))),
        ("pad_grey_19pct", lambda a: _pad(a, 0.19, 0.19, 0.19, 0.19, (127, 127, 127))),
        ("pad_asym_colour", lambda a: _pad(a, 0.17, 0.04, 0.11, 0.06, (23, 137, 158))),
        ("letterbox_16x9_black", lambda a: _letterbox(a, 16, 9, (0, 0, 0))),
        ("jpeg_91", lambda a: _jpeg(a, 91)),
        ("jpeg_53", lambda a: _jpeg(a, 53)),
        ("jpeg_27", lambda a: _jpeg(a, 27)),
        ("webp_83", lambda a: _webp(a, 83)),
        ("webp_57", lambda a: _webp(a, 57)),
    ]
    if features.check("avif"):
        table.append(("avif_64", lambda a: _avif(a, 64)))
    table += [
        ("scale_0.5_area", lambda a: _scale(a, 0.5, area)),
        ("scale_0.71_linear", lambda a: _scale(a, 0.71, linear)),
        ("scale_1.41_cubic", lambda a: _scale(a, 1.41, cubic)),
        ("scale_2.0_lanczos", lambda a: _scale_pil(a, 2.0, "lanczos")),
        ("long_side_1080", lambda a: _long_side_pil(a, 1080)),
        ("long_side_720", lambda a: _long_side_cv(a, 720)),
        (
            "social_chain",
            _chain(
                lambda a: _crop(a, 0.9, 0.9, 0.5, 0.5),
                lambda a: _long_side_pil(a, 1080),
                lambda a: _jpeg(a, 75),
            ),
        ),
        (
            "social_chain_harsh",
            _chain(
                lambda a: _crop(a, 0.86, 0.81, 0.35, 0.60),
                lambda a: _long_side_cv(a, 720),
                lambda a: _jpeg(a, 58),
                lambda a: _jpeg(a, 71),
            ),
        ),
        ("messaging_chain", _chain(lambda a: _scale(a, 0.6, area), lambda a: _jpeg(a, 60))),
        (
            "messaging_chain_harsh",
            _chain(
                lambda a: _scale(a, 0.47, area),
                lambda a: _jpeg(a, 46),
                lambda a: _jpeg(a, 52),
            ),
        ),
        ("combo_flip_h+jpeg_81", _chain(np.fliplr, lambda a: _jpeg(a, 81))),
        (
            "combo_stretch_w1.08+jpeg_69",
            _chain(lambda a: _stretch(a, 1.08, 1.0, cubic), lambda a: _jpeg(a, 69)),
        ),
        (
            "combo_crop+stretch_h1.12",
            _chain(
                lambda a: _crop(a, 0.84, 0.77, 0.5, 0.5),
                lambda a: _stretch(a, 1.0, 1.12, cubic),
            ),
        ),
        (
            "combo_crop+stretch+webp",
            _chain(
                lambda a: _crop(a, 0.72, 0.72, 0.2, 0.7),
                lambda a: _stretch(a, 0.89, 1.0, area),
                lambda a: _webp(a, 72),
            ),
        ),
        (
            "combo_rotate+stretch",
            _chain(lambda a: _rotate(a, 3.4, "black"), lambda a: _stretch(a, 1.06, 1.0, cubic)),
        ),
        (
            "combo_rotate_fill+jpeg_67",
            _chain(lambda a: _rotate_fill(a, -4.7, False), lambda a: _jpeg(a, 67)),
        ),
        (
            "combo_pad_white+scale_0.77",
            _chain(
                lambda a: _pad(a, 0.11, 0.11, 0.11, 0.11, (255, 255, 255)),
                lambda a: _scale(a, 0.77, area),
            ),
        ),
        (
            "combo_pad_black+jpeg_63",
            _chain(lambda a: _pad(a, 0.06, 0.06, 0.06, 0.06, (0, 0, 0)), lambda a: _jpeg(a, 63)),
        ),
        (
            "combo_crop+scale+jpeg",
            _chain(
                lambda a: _crop(a, 0.69, 0.69, 0.5, 0.5),
                lambda a: _scale(a, 1.33, cubic),
                lambda a: _jpeg(a, 79),
            ),
        ),
        (
            "combo_transpose+scale+webp",
            _chain(
                lambda a: a.transpose(1, 0, 2),
                lambda a: _scale(a, 0.83, area),
                lambda a: _webp(a, 77),
            ),
        ),
        (
            "combo_flip_v+rotate+jpeg",
            _chain(np.flipud, lambda a: _rotate(a, -2.2, "reflect"), lambda a: _jpeg(a, 86)),
        ),
        (
            "combo_stretch+pad+jpeg",
            _chain(
                lambda a: _stretch(a, 0.94, 1.09, linear),
                lambda a: _pad(a, 0.05, 0.12, 0.08, 0.08, (240, 236, 226)),
                lambda a: _jpeg(a, 71),
            ),
        ),
        ("brightness_+23", lambda a: _brightness(a, 23)),
        ("brightness_-31", lambda a: _brightness(a, -31)),
        ("contrast_1.37", lambda a: _contrast(a, 1.37)),
        ("contrast_0.66", lambda a: _contrast(a, 0.66)),
        ("gamma_0.77", lambda a: _gamma(a, 0.77)),
        ("saturation_1.52", lambda a: _saturation(a, 1.52)),
        ("greyscale", _greyscale),
        ("blur_gauss_1.1", lambda a: _blur(a, 1.1)),
        ("sharpen_unsharp", _sharpen),
        ("noise_gauss_5.3", lambda a: _noise(a, 5.3)),
        ("median_3", lambda a: _median(a, 3)),
        (
            "screenshot_light_0.83_png",
            _chain(lambda a: _screenshot(a, 0.83, "light"), _png),
        ),
        (
            "screenshot_dark_1.37_jpeg",
            _chain(lambda a: _screenshot(a, 1.37, "dark"), lambda a: _jpeg(a, 84)),
        ),
    ]
    return [(name, _checked(fn)) for name, fn in table]


# --------------------------------------------------------------------------- unmarked

_POOL: tuple[tuple[str, tuple[float, float, float] | None], ...] = (
    ("astronaut.png", None),
    ("chelsea.png", None),
    ("coffee.png", None),
    ("hubble_deep_field.jpg", None),
    ("ihc.png", None),
    ("motorcycle_left.png", None),
    ("motorcycle_right.png", None),
    ("retina.jpg", None),
    ("rocket.jpg", None),
    ("china.jpg", None),
    ("flower.jpg", None),
    ("brick.png", (1.00, 0.90, 0.80)),
    ("grass.png", (0.85, 1.00, 0.75)),
    ("gravel.png", (1.00, 0.97, 0.90)),
    ("moon.png", (0.92, 0.96, 1.00)),
    ("camera.png", (1.00, 1.00, 1.00)),
    ("coins.png", (1.00, 0.93, 0.80)),
    ("ascent", (0.95, 0.97, 1.00)),
    ("aero", (1.00, 0.96, 0.88)),
)
_INTERPS = (
    (cv2.INTER_AREA, "area"),
    (cv2.INTER_LINEAR, "linear"),
    (cv2.INTER_CUBIC, "cubic"),
    (cv2.INTER_LANCZOS4, "lanczos"),
)


@cache
def _pool_image(index: int) -> Array:
    name, tint = _POOL[index]
    a = _source(name)
    if tint is not None:
        a = _tint(a, tint)
        a.flags.writeable = False
    return a


def _unmarked_photo(rng: np.random.Generator, i: int) -> tuple[str, Array]:
    index = int(rng.integers(len(_POOL)))
    src = _pool_image(index)
    h0, w0 = src.shape[:2]
    if rng.random() < 0.3:
        ow, oh = 512, 512
    else:
        ow, oh = int(rng.integers(256, 1025)), int(rng.integers(256, 1025))
    aspect = ow / oh
    max_w = min(float(w0), h0 * aspect)
    frac = rng.uniform(0.4, 1.0)
    cw = max(8, min(w0, int(max_w * frac)))
    ch = max(8, min(h0, int(round(cw / aspect))))
    x0 = int(rng.integers(0, w0 - cw + 1))
    y0 = int(rng.integers(0, h0 - ch + 1))
    interp = _INTERPS[int(rng.integers(len(_INTERPS)))][0]
    img = _cv_resize(src[y0 : y0 + ch, x0 : x0 + cw], ow, oh, interp)
    tags = []
    if rng.random() < 0.5:
        img = np.fliplr(img)
        tags.append("flip")
    r = rng.random()
    if r < 0.2:
        img = _rotate(img, float(rng.uniform(-11.0, 11.0)), "reflect")
        tags.append("rot")
    elif r < 0.3:
        img = np.rot90(img, int(rng.integers(1, 4)))
        tags.append("quarter")
    if rng.random() < 0.15:
        f = rng.uniform(0.9, 1.1, 3)
        img = _tint(img, (float(f[0]), float(f[1]), float(f[2])))
        tags.append("tint")
    if rng.random() < 0.4:
        q = int(rng.integers(35, 96))
        img = _jpeg(img, q)
        tags.append(f"jpeg{q}")
    stem = _POOL[index][0].split(".")[0]
    h, w = img.shape[:2]
    name = "-".join(["photo", stem, f"{w}x{h}", *tags, f"{i:05d}"])
    return name, img


def _rand_size(rng: np.random.Generator, lo: int, hi: int) -> tuple[int, int]:
    return int(rng.integers(lo, hi + 1)), int(rng.integers(lo, hi + 1))


def _unmarked_noise(rng: np.random.Generator, i: int) -> tuple[str, Array]:
    w, h = _rand_size(rng, 256, 768)
    sub = int(rng.integers(3))
    if sub == 0:
        img = rng.integers(0, 256, (h, w, 3), dtype=np.uint8)
        kind = "noise-uniform"
    elif sub == 1:
        mean = rng.uniform(40, 215, 3).astype(np.float32)
        sigma = float(rng.uniform(4, 40))
        img = _clip(mean + sigma * rng.standard_normal((h, w, 3), dtype=np.float32))
        kind = "noise-gauss"
    else:
        small = rng.integers(0, 256, (max(2, h // 8), max(2, w // 8), 3), dtype=np.uint8)
        img = _cv_resize(small, w, h, cv2.INTER_CUBIC)
        kind = "noise-lowpass"
    return f"{kind}-{w}x{h}-{i:05d}", img


def _unmarked_flat(rng: np.random.Generator, i: int) -> tuple[str, Array]:
    w, h = _rand_size(rng, 256, 1024)
    colour = rng.integers(0, 256, 3).astype(np.int16)
    sub = int(rng.integers(3))
    if sub == 0:
        img = np.empty((h, w, 3), dtype=np.uint8)
        img[:] = colour.astype(np.uint8)
        kind = "flat"
    elif sub == 1:
        amp = int(rng.integers(1, 4))
        jitter = rng.integers(-amp, amp + 1, (h, w, 3), dtype=np.int16)
        img = np.clip(colour + jitter, 0, 255).astype(np.uint8)
        kind = "near-flat-noise"
    else:
        bits = rng.integers(0, 2, (h, w, 1), dtype=np.int16)
        img = np.clip(colour + bits, 0, 255).astype(np.uint8)
        kind = "near-flat-dither"
    return f"{kind}-{w}x{h}-{i:05d}", np.ascontiguousarray(img)


def _unmarked_gradient(rng: np.random.Generator, i: int) -> tuple[str, Array]:
    w, h = _rand_size(rng, 256, 1024)
    c0 = rng.uniform(0, 255, 3).astype(np.float32)
    c1 = rng.uniform(0, 255, 3).astype(np.float32)
    ys = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None]
    xs = np.linspace(0.0, 1.0, w, dtype=np.float32)[None, :]
    if rng.random() < 0.6:
        theta = float(rng.uniform(0, 2 * math.pi))
        t = math.cos(theta) * xs + math.sin(theta) * ys
        kind = "gradient-linear"
    else:
        cx, cy = rng.uniform(0.1, 0.9, 2)
        t = np.sqrt((xs - float(cx)) ** 2 + (ys - float(cy)) ** 2)
        kind = "gradient-radial"
    t = (t - t.min()) / max(float(t.max() - t.min()), 1e-6)
    img = _clip(c0 + t[:, :, None] * (c1 - c0))
    return f"{kind}-{w}x{h}-{i:05d}", img


def _unmarked_scene(rng: np.random.Generator, i: int) -> tuple[str, Array]:
    w, h = _rand_size(rng, 256, 1024)
    sw, sh = max(8, w // 4), max(8, h // 4)
    ys = np.linspace(0.0, 1.0, sh, dtype=np.float32)[:, None]
    xs = np.linspace(0.0, 1.0, sw, dtype=np.float32)[None, :]
    top = rng.uniform(20, 200, 3).astype(np.float32)
    low = rng.uniform(120, 255, 3).astype(np.float32)
    img = top + ys[:, :, None] * (low - top) + 0.0 * xs[:, :, None]
    sx, sy = rng.uniform(0.15, 0.85), rng.uniform(0.1, 0.45)
    sun = np.exp(-((xs - sx) ** 2 + (ys - sy) ** 2) / (2 * 0.05**2))
    img = img + sun[:, :, None] * (np.float32(255) - img) * np.float32(0.8)
    for layer in range(2):
        base = rng.uniform(0.45, 0.7) + 0.12 * layer
        amp, freq, phase = rng.uniform(0.03, 0.1), rng.uniform(1.0, 4.0), rng.uniform(0, 6.3)
        ridge = base + amp * np.sin(2 * math.pi * freq * xs + phase)
        colour = rng.uniform(20, 160, 3).astype(np.float32)
        mask = 0.5 + 0.5 * np.tanh((ys - ridge) * 90.0)
        img = img * (1 - mask[:, :, None]) + colour * mask[:, :, None]
    if rng.random() < 0.5:
        water = rng.uniform(0.8, 0.92)
        wmask = (ys > water).astype(np.float32)
        wcol = rng.uniform(30, 140, 3).astype(np.float32)
        img = img * (1 - 0.7 * wmask[:, :, None]) + 0.7 * wmask[:, :, None] * wcol
    small = _clip(img)
    return f"scene-{w}x{h}-{i:05d}", _cv_resize(small, w, h, cv2.INTER_CUBIC)


_UNMARKED_KINDS = (
    _unmarked_photo,
    _unmarked_photo,
    _unmarked_photo,
    _unmarked_photo,
    _unmarked_photo,
    _unmarked_photo,
    _unmarked_noise,
    _unmarked_flat,
    _unmarked_gradient,
    _unmarked_scene,
)


def unmarked(n: int = 10000, seed: int = 2026120605) -> Iterator[tuple[str, np.ndarray]]:
    """n unmarked images, lazily; item i depends only on (seed, i)."""
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        name, img = _UNMARKED_KINDS[i % len(_UNMARKED_KINDS)](rng, i)
        yield name, _final(img)


# --------------------------------------------------------------------------- edge cases


def _checker(h: int, w: int, cell: int, c0: tuple[int, ...], c1: tuple[int, ...]) -> Array:
    yy, xx = np.indices((h, w))
    mask = ((yy // cell + xx // cell) % 2).astype(bool)
    out = np.empty((h, w, 3), dtype=np.uint8)
    out[:] = np.asarray(c0, dtype=np.uint8)
    out[mask] = np.asarray(c1, dtype=np.uint8)
    return out


def edge_cases() -> list[tuple[str, np.ndarray]]:
    """Awkward uint8 RGB arrays (names give W x H)."""
    rng = np.random.default_rng(2026120651)
    astronaut = _source("astronaut.png")
    coffee = _source("coffee.png")
    cases: list[tuple[str, Array]] = [
        ("tiny_8x8", rng.integers(0, 256, (8, 8, 3), dtype=np.uint8)),
        ("tiny_16x16", _cv_resize(astronaut, 16, 16, cv2.INTER_AREA)),
        ("odd_63x63", _cv_resize(astronaut, 63, 63, cv2.INTER_AREA)),
        ("narrow_40x100", _cv_resize(_box(coffee, (300, 0, 460, 400)), 40, 100, cv2.INTER_AREA)),
        ("flat_100x40", _cv_resize(_box(coffee, (0, 100, 600, 340)), 100, 40, cv2.INTER_AREA)),
        (
            "row_2000x1",
            _cv_resize(_box(_source("rocket.jpg"), (0, 300, 640, 301)), 2000, 1, cv2.INTER_LINEAR),
        ),
        (
            "column_1x2000",
            _cv_resize(_box(_source("rocket.jpg"), (320, 0, 321, 427)), 1, 2000, cv2.INTER_LINEAR),
        ),
        ("huge_4000x3000", _cv_resize(_source("china.jpg"), 4000, 3000, cv2.INTER_CUBIC)),
        ("black_512", np.zeros((512, 512, 3), dtype=np.uint8)),
        ("white_512", np.full((512, 512, 3), 255, dtype=np.uint8)),
        ("one_colour_512", np.tile(np.asarray([201, 77, 33], dtype=np.uint8), (512, 512, 1))),
        ("noise_512", rng.integers(0, 256, (512, 512, 3), dtype=np.uint8)),
        ("checker_1px_512", _checker(512, 512, 1, (0, 0, 0), (255, 255, 255))),
        ("checker_8px_512", _checker(512, 512, 8, (0, 0, 0), (255, 255, 255))),
        ("checker_13px_colour_500x300", _checker(300, 500, 13, (220, 30, 40), (20, 200, 210))),
        (
            "strip_2048x64",
            _cv_resize(
                _box(_source("motorcycle_left.png"), (0, 200, 741, 223)), 2048, 64, cv2.INTER_CUBIC
            ),
        ),
        (
            "strip_64x2048",
            _cv_resize(_box(_source("retina.jpg"), (690, 0, 722, 1411)), 64, 2048, cv2.INTER_CUBIC),
        ),
    ]
    big = _final(_pil_resize(_source("chelsea.png"), 768, 512, "bicubic"))  # writeable
    view = big[::2, 1::2]  # 384x256, strided: not C-contiguous
    assert not view.flags.c_contiguous
    readonly = _pil_resize(
        _box(_source("hubble_deep_field.jpg"), (0, 0, 600, 600)), 512, 512, "lanczos"
    )
    readonly = _final(readonly)
    readonly.flags.writeable = False
    out = [(name, _final(a)) for name, a in cases]
    out.append(("noncontiguous_view_384x256", view))
    out.append(("readonly_512", readonly))
    return out


def _save(im: Image.Image, fmt: str, **params: object) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **params)
    return buf.getvalue()


def edge_case_files() -> list[tuple[str, bytes]]:
    """Awkward encoded image files (name, bytes)."""
    chelsea = _source("chelsea.png")  # 451x300
    photo = Image.fromarray(np.ascontiguousarray(chelsea), "RGB")
    files: list[tuple[str, bytes]] = []

    # 16-bit RGB PNG (cv2 writes RGB16; it takes BGR order)
    rgb16 = (chelsea.astype(np.uint16) * 257) ^ np.uint16(0x0055)
    ok, buf = cv2.imencode(".png", np.ascontiguousarray(rgb16[:, :, ::-1]))
    assert ok
    files.append(("png16_rgb.png", buf.tobytes()))
    grey16 = np.ascontiguousarray((_luma(chelsea) * 257.0).round().astype(np.uint16))
    ok, buf = cv2.imencode(".png", grey16)
    assert ok
    files.append(("png16_grey.png", buf.tobytes()))

    yy, xx = np.indices(chelsea.shape[:2])
    alpha = np.clip(xx * 255 // max(1, chelsea.shape[1] - 1), 0, 255).astype(np.uint8)
    alpha[:, :60] = 0  # fully transparent band
    rgba = np.dstack([chelsea, alpha])
    files.append(("rgba_transparent.png", _save(Image.fromarray(rgba, "RGBA"), "PNG")))
    grey = photo.convert("L")
    la = Image.merge("LA", (grey, Image.fromarray(alpha, "L")))
    files.append(("la.png", _save(la, "PNG")))
    pal = photo.quantize(colors=48, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    files.append(("palette.png", _save(pal, "PNG", transparency=0)))
    files.append(("bilevel_1bit.png", _save(grey.convert("1"), "PNG")))
    files.append(("grey.jpg", _save(grey, "JPEG", quality=88)))
    files.append(("cmyk.jpg", _save(photo.convert("CMYK"), "JPEG", quality=90)))
    files.append(("progressive.jpg", _save(photo, "JPEG", quality=85, progressive=True)))

    frames = [
        Image.fromarray(np.ascontiguousarray(np.roll(chelsea, 40 * k, axis=1)), "RGB").quantize(
            colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
        for k in range(3)
    ]
    files.append(
        (
            "animated.gif",
            _save(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=120, loop=0),
        )
    )
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 CW to display
    files.append(("exif_orientation6.jpg", _save(photo, "JPEG", quality=90, exif=exif.tobytes())))
    full = _save(photo, "JPEG", quality=90)
    files.append(("truncated.jpg", full[: int(len(full) * 0.6)]))
    files.append(("zero_bytes.png", b""))
    junk = np.random.default_rng(7).integers(0, 256, 3000, dtype=np.uint8).tobytes()
    files.append(("png_signature_then_junk.png", b"\x89PNG\r\n\x1a\n" + junk))
    return files
