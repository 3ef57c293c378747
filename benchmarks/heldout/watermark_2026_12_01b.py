"""Held-out evaluation set for the invisible image watermark -- round 2026-12-01 "b".

Provenance
==========
Written by an independent helper (an outside tester) that had NOT seen the
watermark's design, code, documentation, benchmark or tests, and had not seen
any earlier held-out file.  The helper was only told the categories of images
and attacks to cover and the public interface below.  The only project API used
is the built-in text-to-image backend (``safegen.backends.builtin.BuiltinBackend``)
to produce the ``generated*`` images.

Date: 2026-12-01, round "b" (the second round of that day).

THIS FILE IS FROZEN.  Never edit it, not even to fix a typo or to make an
attack "fairer".  A later round writes a new file with a new name.

Public interface
================
``images()``          -> list of ``(name, image_class, rgb_uint8_HxWx3)``
``attacks()``         -> list of ``(name, callable(rgb_uint8) -> rgb_uint8)``
``unmarked(n, seed)`` -> iterator of ``(name, rgb_uint8)`` for a false-positive count
``edge_cases()``      -> list of ``(name, rgb_uint8)`` of awkward sizes/contents
``edge_case_files()`` -> list of ``(file_name, encoded_bytes)``

All arrays are C-contiguous ``numpy.uint8`` of shape ``(H, W, 3)`` in RGB order.
Everything is deterministic: all randomness uses ``numpy.random.default_rng``
with the fixed seeds written below, created afresh inside each call.

Conventions (used in every definition below)
============================================
* Sizes in names and text are written ``WxH`` (width x height); arrays are
  ``(H, W, 3)``.  ``W``/``H`` denote the width/height of the attack's input.
* ``rnd(v)`` = round half up = ``floor(v + 0.5)``, and never below 1 for sizes.
* ``resize(img, w, h)``: OpenCV ``cv2.resize``; ``INTER_AREA`` when the output
  has fewer pixels than the input (``w*h < W*H``), otherwise ``INTER_CUBIC``.
  Unchanged size returns a copy.  ``scale(s)`` = ``resize(img, rnd(W*s), rnd(H*s))``.
* ``clip`` = clip to [0, 255], then round half up, cast to uint8 (all float
  value operations are done in float32 and end with ``clip``).
* ``JPEG(q)``: Pillow ``save(format="JPEG", quality=q, subsampling=2 (4:2:0),
  optimize=False)`` then decode with Pillow and ``convert("RGB")``.
* ``WEBP(q)``: Pillow ``save(format="WEBP", quality=q, method=4)`` (lossy), decode.
* ``AVIF(q)``: Pillow ``save(format="AVIF", quality=q, speed=9)``, decode.
  (Included only when Pillow reports AVIF support; it did when frozen.)
* ``PNG``: OpenCV ``imencode(".png", compression 3)`` then ``imdecode`` (lossless).
* ``crop(fw, fh, ax, ay)``: keep ``cw = rnd(W*fw)`` by ``ch = rnd(H*fh)`` pixels,
  left ``x0 = rnd(ax*(W-cw))``, top ``y0 = rnd(ay*(H-ch))``.  ``ax = ay = 0.5``
  is a centre crop; ``(0, 0)`` top-left corner, ``(1, 1)`` bottom-right corner.
* ``rotate(deg, border)``: ``cv2.warpAffine`` with
  ``getRotationMatrix2D(((W-1)/2, (H-1)/2), deg, 1.0)``, ``INTER_LINEAR``,
  same W x H canvas (corners leave the frame).  Positive ``deg`` is
  counter-clockwise (OpenCV convention).  ``border`` is ``black``
  (``BORDER_CONSTANT`` 0) or ``reflect`` (``BORDER_REFLECT_101``).
  ``fill``: rotate with black border, then crop the centred rectangle with the
  input's aspect ratio of scale ``k = min(W/(W*c+H*s), H/(W*s+H*c))``
  (``c = cos|deg|``, ``s = sin|deg|``), size ``floor(k*W) - 2`` by
  ``floor(k*H) - 2`` (2 px safety margin), and ``resize`` it back to W x H
  (a phone "straighten" tool).
* ``pad(l, t, r, b, colour)``: ``cv2.copyMakeBorder`` constant border of
  ``rnd(l*W)``, ``rnd(t*H)``, ``rnd(r*W)``, ``rnd(b*H)`` pixels (left, top,
  right, bottom) of colour ``colour``; fractions are of the input width/height.
* ``luma`` = ``0.299 R + 0.587 G + 0.114 B`` (float).
* ``gauss(sigma)`` = ``cv2.GaussianBlur(ksize=(0, 0), sigma)`` (default
  ``BORDER_REFLECT_101``).  ``usm(sigma, a)`` (unsharp mask) =
  ``clip(x + a*(x - gauss(sigma)(x)))``.
* Chains are applied left to right: ``A -> B`` means B(A(img)).

Image sources (all offline, shipped inside installed packages)
=============================================================
* ``china`` = scikit-learn ``load_sample_image("china.jpg")`` (640x427 photo,
  pagoda / lake / trees / hazy sky).
* ``flower`` = scikit-learn ``load_sample_image("flower.jpg")`` (640x427 photo,
  dahlia on a dark bokeh background).
* ``faces`` = scikit-image ``data.lfw_subset()`` first 100 images (25x25 grey
  face photos, float in [0,1] -> ``clip(255*v)``).
* ``generated`` = the project's ``BuiltinBackend(threads=2)`` text-to-image
  model, prompts/seeds listed below, cached losslessly as PNG under
  ``benchmarks/heldout/cache_b/`` (created on first use; regenerated when
  missing or unreadable; written to a temporary file and renamed).
* For ``unmarked()`` only, also: scikit-image's files ``motorcycle_left.png``,
  ``motorcycle_right.png``, ``clock_motion.png`` (real photos; never used in
  ``images()``), ``logo.png``, ``horse.png``, ``color.png`` (colour wheel),
  ``phantom.png``, ``microaneurysms.png`` (RGBA files are composited on a
  random solid colour), and ``<sys.prefix>/images/imagehash.png`` shipped by
  the ImageHash package (if absent, that slot uses ``china`` instead).
  NOT used anywhere: astronaut, coffee, chelsea/cat, rocket, camera, moon,
  coins, immunohistochemistry, brick, cell, clock, grass, gravel,
  hubble_deep_field, retina, page, text.

A "window" ``(x0, y0, w, h)`` of a source is ``src[y0:y0+h, x0:x0+w]``.
``LZ(w, h)`` = Pillow ``resize((w, h), Image.LANCZOS)`` (used in images() only).

images() -- 42 images
=====================
photo512 (12, 512x512):
  p512_china_pagoda      china window (0,0,427,427) -> LZ(512,512)
  p512_china_lake        china window (213,0,427,427) -> LZ(512,512)
  p512_china_roof        china window (80,40,256,256) -> LZ(512,512) (roof tiles)
  p512_china_trees       china window (340,127,300,300) -> LZ(512,512) (foliage)
  p512_china_sky         china window (420,0,200,200) -> LZ(512,512) (hazy sky)
  p512_china_night       china window (100,0,427,427) -> LZ(512,512), then
                         v = 255*(x/255)**2.2 * 0.45, R*0.85, B*1.15, plus
                         Gaussian noise sigma 2 (seed 1201), clip (dark scene)
  p512_china_clahe       china window (160,0,427,427) -> LZ(512,512), then
                         CLAHE (clipLimit 3.0, tiles 8x8) on L of cv2 Lab (HDR look)
  p512_flower_centre     flower window (106,0,427,427) -> LZ(512,512)
  p512_flower_petals     flower window (180,90,256,256) -> LZ(512,512)
  p512_flower_bokeh      flower window (400,0,240,240) -> LZ(512,512) (dark bokeh)
  p512_flower_text       p512_flower_centre with captions drawn by cv2.putText
                         (Hershey duplex/simplex, black outline + white fill,
                         LINE_AA): "DAHLIA SHOW", "SAT 14 JUNE 10AM", and
                         "photo: garden club 2026" (meme / poster text)
  p512_faces_mosaic      faces 0..63, each cv2 INTER_CUBIC to 64x64, tiled 8x8
                         row-major, grey replicated to RGB
photo1024 (5, 1024x1024):
  p1024_china_full       china window (40,0,427,427) -> LZ(1024,1024)
  p1024_flower_full      flower window (106,0,427,427) -> LZ(1024,1024)
  p1024_collage_2x2      [p512_china_pagoda, p512_flower_petals;
                          p512_china_trees, p512_faces_mosaic]
  p1024_mosaic_4x4       16 native-resolution 256x256 windows, row-major:
                         rows 0-1 china, rows 2-3 flower, at (x0, y0) with
                         x0 in (0,128,256,384), y0 = 0 (rows 0, 2) / 171 (rows 1, 3)
  p1024_china_grain      china window (213,0,427,427) -> LZ(1024,1024), then
                         usm(1.2, 0.5) and Gaussian noise sigma 3 (seed 1202), clip
photo_nonsquare (4):
  pns_china_768x512      china full frame -> LZ(768,512)
  pns_flower_512x896     flower window (198,0,244,427) -> LZ(512,896) (portrait)
  pns_china_1280x720     china window (0,20,640,360) -> LZ(1280,720)
  pns_flower_1001x667    flower full frame -> LZ(1001,667) (odd sizes)
generated256 (14, 256x256; BackendRequest width=None, height=None, steps=None,
negative_prompt=None, seeds=(SEED,)):
  g256_alpine_lake    9101 "snow-capped mountains above a turquoise alpine lake, morning light"
  g256_red_bicycle    9102 "a red vintage bicycle leaning against a weathered blue door"
  g256_living_room    9103 "cozy living room interior with a fireplace and tall bookshelves"
  g256_neon_street    9104 "city street at night with neon signs reflected on wet asphalt"
  g256_fox_portrait   9105 "portrait of a red fox in an autumn forest, soft light"
  g256_circles        9106 "abstract pattern of overlapping blue and orange circles"
  g256_lemons         9107 "a bowl of fresh lemons on a wooden kitchen table"
  g256_dunes_stars    9108 "desert sand dunes under a starry night sky"
  g256_owl            9109 "an owl perched on a mossy branch, close-up portrait"
  g256_kitchen        9110 "a bright modern kitchen with white cabinets and morning sun"
  g256_lighthouse     9111 "stormy sea with a lighthouse on rocky cliffs"
  g256_stained_glass  9112 "geometric stained glass window in deep red and green"
  g256_highland_cow   9113 "a shaggy highland cow standing in a foggy meadow"
  g256_fireworks      9114 "fireworks over a quiet harbour at midnight"
generated512 (4, 512x512; width=512, height=512; if the backend raises for that
size, the 256x256 output of the same prompt/seed is upscaled with LZ(512,512)):
  g512_rice_terraces  9201 "terraced rice fields in the evening, aerial view"
  g512_library        9202 "a library reading room with tall windows and brass lamps"
  g512_dragonfly      9203 "macro photo of a dragonfly resting on a reed at sunrise"
  g512_marbled        9204 "swirling marbled paper pattern in teal and gold"
flat (3, 512x512):
  flat_grey_noise     constant (118,124,131) + Gaussian noise sigma 1.5 (seed 1203), clip
  flat_gradient       diagonal linear ramp t = (x + y)/(W + H - 2) from (20,40,110)
                      to (250,200,170), clip (no noise)
  flat_vignette       constant (222,214,198) minus 14*r**2 per channel, r = distance to
                      centre / half-diagonal, clip (low-contrast vignette)

attacks() -- name: exact definition
===================================
none                 identity (copy)
flip_h               mirror left-right
flip_v               mirror top-bottom
flip_hv              both (= 180 degree rotation)
rot90_cw             exact 90 degree clockwise rotation (np.rot90, k=-1)
stretch_w085         resize(rnd(0.85W), H)
stretch_w115         resize(rnd(1.15W), H)
stretch_h087         resize(W, rnd(0.87H))
stretch_h113         resize(W, rnd(1.13H))
stretch_w110_h093    resize(rnd(1.10W), rnd(0.93H))
stretch_w092_h108    resize(rnd(0.92W), rnd(1.08H))
crop_c90             crop(0.90, 0.90, 0.5, 0.5)
crop_c75             crop(0.75, 0.75, 0.5, 0.5)
crop_c60             crop(0.60, 0.60, 0.5, 0.5)
crop_c50             crop(0.50, 0.50, 0.5, 0.5)
crop_off70           crop(0.70, 0.70, 0.15, 0.85)
crop_off55           crop(0.55, 0.55, 0.90, 0.10)
crop_w90_h60         crop(0.90, 0.60, 0.5, 0.3)
crop_corner_tl60     crop(0.60, 0.60, 0, 0)
crop_corner_br80     crop(0.80, 0.80, 1, 1)
crop_1px             drop the first row and first column (img[1:, 1:])
rot_p2_black         rotate(+2, black)
rot_m5_black         rotate(-5, black)
rot_p9_black         rotate(+9, black)
rot_p4_reflect       rotate(+4, reflect)
rot_m7_reflect       rotate(-7, reflect)
rot_p3_fill          rotate(+3, fill)
rot_m6_fill          rotate(-6, fill)
rot_p10_fill         rotate(+10, fill)
pad_white10          pad(0.10, 0.10, 0.10, 0.10, (255,255,255))
pad_black5           pad(0.05, 0.05, 0.05, 0.05, (0,0,0))
pad_colour20         pad(0.20, 0.20, 0.20, 0.20, (40,120,200))
pad_asym             pad(0.03, 0.12, 0.15, 0.00, (128,128,128))
pad_polaroid         pad(0.04, 0.04, 0.04, 0.18, (250,250,245))
letterbox_16x9       black pad to 16:9: if W/H < 16/9, new width rnd(16H/9) with
                     (newW-W)//2 columns left and the rest right; else new height
                     rnd(9W/16) with (newH-H)//2 rows on top and the rest below
jpeg90 jpeg75 jpeg50 jpeg30 jpeg20    JPEG(90) / JPEG(75) / JPEG(50) / JPEG(30) / JPEG(20)
webp80 webp60        WEBP(80) / WEBP(60)
avif50               AVIF(50) (only if Pillow supports AVIF)
scale050 scale060 scale075 scale150 scale200   scale(0.5/0.6/0.75/1.5/2.0)
long720              resize so the longer side is 720 (other side rnd(side*720/long))
long1600             same with longer side 1600
social_chain         crop(0.90, 0.90, 0.5, 0.5) -> longer side to 1080 (as long720)
                     -> JPEG(75)
messaging_chain      scale(0.6) -> JPEG(60)
screenshot_gallery   resize to width 720, height rnd(720*H/W) with cv2 INTER_LINEAR
                     -> usm(0.8, 0.35) -> pad top 48 rows (18,18,18) and bottom
                     72 rows (0,0,0) -> status-bar text "12:45" (cv2.putText,
                     FONT_HERSHEY_SIMPLEX, scale 0.8, white, thickness 2, LINE_AA,
                     origin (16, 34)) and a white 40x16 battery box at x 656..695,
                     y 16..31 -> PNG
screenshot_plain     resize(rnd(0.9W), rnd(0.9H)) with cv2 INTER_LINEAR -> usm(0.8, 0.35) -> PNG
flip_h_jpeg75        flip_h -> JPEG(75)
flip_v_webp70        flip_v -> WEBP(70)
stretch_w110_jpeg75  resize(rnd(1.10W), H) -> JPEG(75)
stretch_w090_h110_jpeg60   resize(rnd(0.90W), rnd(1.10H)) -> JPEG(60)
crop_c50_jpeg75      crop_c50 -> JPEG(75)
crop_off55_jpeg60    crop_off55 -> JPEG(60)
crop_c70_scale150    crop(0.70, 0.70, 0.5, 0.5) -> scale(1.5)
rot_m4_crop80        rotate(-4, black) -> crop(0.80, 0.80, 0.5, 0.5)
rot_p6_fill_jpeg70   rotate(+6, fill) -> JPEG(70)
pad_white10_scale075 pad_white10 -> scale(0.75)
pad_black10_long1080 pad(0.10, 0.10, 0.10, 0.10, black) -> longer side to 1080 -> JPEG(85)
scale060_stretch_jpeg60    scale(0.6) -> resize(W', rnd(0.9H')) -> JPEG(60)
bright_p25 bright_m25      clip(x + 25) / clip(x - 25)
contrast_125 contrast_075  clip((x - 128)*1.25 + 128) / clip((x - 128)*0.75 + 128)
gamma_080 gamma_125        clip(255*(x/255)**0.8) / clip(255*(x/255)**1.25)
saturation_140 saturation_060   clip(luma + s*(x - luma)), s = 1.4 / 0.6
greyscale            clip(luma) replicated to 3 channels
warm_shift           clip(R*1.06, G*1.00, B*0.90)
cool_shift           clip(R*0.92, G*1.00, B*1.07)
hue_rot16            cv2 RGB->HSV (8-bit, H in 0..179), H = (H + 8) mod 180 (= +16 degrees), -> RGB
blur_g08 blur_g15    clip(gauss(0.8)) / clip(gauss(1.5))
sharpen_usm          usm(1.5, 0.8)
sharpen_strong       usm(1.0, 1.5)
noise_g5 noise_g12   clip(x + N(0, sigma)) per pixel and channel, sigma 5 (seed 501) /
                     12 (seed 502)
median3              cv2.medianBlur(ksize=3)
equalize             cv2.equalizeHist on Y of cv2 YCrCb
posterize5           keep the top 5 bits (x & 0xF8)
palette_gif          Pillow quantize(256 colours, method FASTOCTREE, default
                     Floyd-Steinberg dither) -> RGB (GIF-style palette)
invert               255 - x
channel_swap         RGB -> BGR
persp_warp           cv2.warpPerspective(INTER_LINEAR, BORDER_REFLECT_101, same size),
                     corners (0,0),(W-1,0),(W-1,H-1),(0,H-1) each moved by
                     (dx*W, dy*H), dx, dy ~ U(-0.015, 0.015) from seed 601 (8 draws in
                     corner order, x then y)
shift_wrap_1_2       np.roll by 1 row down and 2 columns right (edge wrap)
shift_wrap_m3        np.roll by -3 columns (left, edge wrap)
mix_flip25           clip(0.75*x + 0.25*flip_h(x)) (ghost of a mirrored copy)
mix_shift4           clip(0.5*x + 0.5*np.roll(x, 4 columns)) (mix of two shifted copies)
rejpeg85_x5          JPEG(85) applied 5 times
jpeg_realign         drop 3 rows at the top and 5 columns at the left -> JPEG(80)
scale_roundtrip      scale(0.5) -> resize back to W x H
lsb_random           x XOR b, b in {0,1} per pixel and channel from seed 602
sticker              filled rectangle colour (255,40,40) at x in [rnd(0.72W), rnd(0.95W)),
                     y in [rnd(0.78H), rnd(0.95H)) plus a filled circle colour
                     (255,220,0), centre (rnd(0.15W), rnd(0.15H)), radius
                     rnd(0.08*min(W,H)) (cv2, LINE_8)
printscan_sim        rotate(+1, reflect) -> clip(gauss(1.0)) -> gamma 1.1
                     (clip(255*(x/255)**1.1)) -> noise sigma 3 (seed 603) -> JPEG(85)

unmarked(n=10000, seed=2026120102)
==================================
Item ``i`` uses only ``numpy.random.default_rng([seed, i])``.  Its name is
``u{i:05d}_{kind}_{detail}``.  Target size: with probability 0.85 each side is
log-uniform in [256, 1024], otherwise each side log-uniform in [64, 2000]
(rounded).  Kinds: u < 0.70 ``photo``; < 0.80 ``noise``; < 0.90 ``flat``;
else ``shapes``.
* photo: source chosen with weights china .20, flower .20, motorcycle_left .13,
  motorcycle_right .13, clock_motion .06 (grey), faces mosaic .08 (100 faces,
  10x10 grid, 250x250, native), logo .04, horse .03, colour wheel .04, phantom
  .02, microaneurysms .02, imagehash .05.  A window with the target's aspect
  ratio (20%: aspect distorted by a factor U(0.9, 1.1)), of fraction U(0.35, 1)
  of the largest such window, at a uniform random position, is resized to the
  target; flip_h with p 0.5; with p 0.1 np.rot90 (target sides swapped first so
  the output keeps the target size); with p 0.3 a value jitter (gamma
  U(0.8, 1.25), offset U(-15, 15)); then JPEG with p 0.45 (quality
  integer U[40, 95]), WEBP with p 0.10 (quality integer U[50, 90], Pillow
  method=0 for speed), otherwise left as is.
* noise: one of uniform iid RGB, Gaussian (mean U(40, 215) per channel, sigma
  U(8, 60)), salt-and-pepper on a random grey (density U(0.01, 0.2)),
  low-frequency (random grid of 3..24 cells INTER_CUBIC upscaled), blocky (random
  blocks of 2..16 px, nearest), grey iid (replicated), multi-octave (sum of 3
  low-frequency layers).
* flat: solid colour (+ Gaussian noise sigma U(0, 2)), linear gradient between two
  random colours at a random angle, radial gradient, vignette, two-tone split.
* shapes: random background colour, 8..40 random rectangles / circles / lines /
  polygons / ``cv2.putText`` strings of random letters and digits (Hershey fonts).

edge_cases() -- see ``_EDGE_SPECS`` names (tiny 1x1 .. 127x127, 1-px and thin
strips, 4000x3000, solid colours, black, white, noise, odd/prime sizes,
non-square, 1-px checkerboard, colour bars).

edge_case_files()
=================
rgb16.png (16-bit RGB PNG, cv2), rgba_transparent.png (RGBA, alpha 0 outside a
circle and a gradient inside), la_grey_alpha.png (LA), grey16.png (16-bit grey,
cv2), grey8.png (L), palette.png (P, 64 colours), palette_trns.png (P with a
transparent index), bilevel.png (mode 1), cmyk.jpg (CMYK JPEG), exif_orient6.jpg
(stored rotated 90 degrees counter-clockwise, EXIF Orientation = 6 so that
displaying it upright needs a 90 degree clockwise turn), exif_orient3.jpg
(stored upside down, Orientation = 3), progressive.jpg, grey.jpg (8-bit grey
JPEG), animated.gif (5 frames, loop), animated.png (APNG, 4 frames).
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, features

__all__ = ["images", "attacks", "unmarked", "edge_cases", "edge_case_files"]

ROUND = "2026-12-01b"
_CACHE_DIR = Path(__file__).resolve().parent / "cache_b"
_SRC: dict[str, np.ndarray] = {}

# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------


def _rnd(v: float) -> int:
    return int(math.floor(v + 0.5))


def _rs(v: float) -> int:
    return max(1, _rnd(v))


def _u8(x: np.ndarray) -> np.ndarray:
    """clip to [0,255], round half up, uint8, contiguous."""
    if x.dtype == np.uint8:
        return np.ascontiguousarray(x)
    y = np.floor(np.clip(x, 0.0, 255.0) + 0.5)
    return np.ascontiguousarray(y.astype(np.uint8))


def _rgb(x: np.ndarray) -> np.ndarray:
    if x.ndim == 2:
        x = np.stack([x, x, x], axis=-1)
    elif x.shape[2] == 4:
        x = x[:, :, :3]
    elif x.shape[2] == 1:
        x = np.repeat(x, 3, axis=2)
    return np.ascontiguousarray(x.astype(np.uint8, copy=False))


def _resize(img: np.ndarray, w: int, h: int, interp: int | None = None) -> np.ndarray:
    w, h = max(1, int(w)), max(1, int(h))
    H, W = img.shape[:2]
    if (w, h) == (W, H):
        return img.copy()
    if interp is None:
        interp = cv2.INTER_AREA if w * h < W * H else cv2.INTER_CUBIC
    out = cv2.resize(img, (w, h), interpolation=interp)
    if out.ndim == 2:
        out = out[:, :, None]
    return np.ascontiguousarray(out)


def _lz(img: np.ndarray, w: int, h: int) -> np.ndarray:
    return np.ascontiguousarray(
        np.asarray(Image.fromarray(img).resize((w, h), Image.LANCZOS), dtype=np.uint8)
    )


def _win(src: np.ndarray, x0: int, y0: int, w: int, h: int) -> np.ndarray:
    return np.ascontiguousarray(src[y0 : y0 + h, x0 : x0 + w])


def _pil_roundtrip(img: np.ndarray, fmt: str, **kw) -> np.ndarray:
    buf = io.BytesIO()
    Image.fromarray(img).save(buf, format=fmt, **kw)
    with Image.open(io.BytesIO(buf.getvalue())) as im:
        return np.ascontiguousarray(np.asarray(im.convert("RGB"), dtype=np.uint8))


def _jpeg(img: np.ndarray, q: int) -> np.ndarray:
    return _pil_roundtrip(img, "JPEG", quality=int(q), subsampling=2, optimize=False)


def _webp(img: np.ndarray, q: int) -> np.ndarray:
    return _pil_roundtrip(img, "WEBP", quality=int(q), method=4)


def _avif(img: np.ndarray, q: int) -> np.ndarray:
    return _pil_roundtrip(img, "AVIF", quality=int(q), speed=9)


def _png(img: np.ndarray) -> np.ndarray:
    ok, enc = cv2.imencode(
        ".png", cv2.cvtColor(img, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_PNG_COMPRESSION, 3]
    )
    assert ok
    dec = cv2.imdecode(enc, cv2.IMREAD_COLOR)
    return np.ascontiguousarray(cv2.cvtColor(dec, cv2.COLOR_BGR2RGB))


def _has_avif() -> bool:
    try:
        return bool(features.check("avif"))
    except Exception:  # pragma: no cover - depends on Pillow build
        return False


def _gauss(img: np.ndarray, sigma: float) -> np.ndarray:
    return cv2.GaussianBlur(img.astype(np.float32), (0, 0), sigma)


def _usm(img: np.ndarray, sigma: float, amount: float) -> np.ndarray:
    x = img.astype(np.float32)
    return _u8(x + amount * (x - _gauss(img, sigma)))


def _luma(img: np.ndarray) -> np.ndarray:
    x = img.astype(np.float32)
    return 0.299 * x[:, :, 0] + 0.587 * x[:, :, 1] + 0.114 * x[:, :, 2]


def _noise(img: np.ndarray, sigma: float, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    n = rng.standard_normal(img.shape, dtype=np.float32) * np.float32(sigma)
    return _u8(img.astype(np.float32) + n)


# --------------------------------------------------------------------------
# sources
# --------------------------------------------------------------------------


def _skimage_file(name: str) -> np.ndarray:
    import skimage.data

    path = os.path.join(skimage.data.data_dir, name)
    with Image.open(path) as im:
        return np.asarray(im.convert("RGBA" if im.mode in ("RGBA", "LA", "P") else "RGB"))


def _src(name: str) -> np.ndarray:
    """Decoded source images (RGB uint8, or RGBA for composited ones), cached."""
    if name in _SRC:
        return _SRC[name]
    if name in ("china", "flower"):
        from sklearn.datasets import load_sample_image

        a = _rgb(np.asarray(load_sample_image(name + ".jpg")))
    elif name in ("faces64", "faces100"):
        import skimage.data

        f = skimage.data.lfw_subset()[:100]
        f = _u8(f.astype(np.float64) * 255.0)
        if name == "faces64":
            tiles = [_resize(t, 64, 64, cv2.INTER_CUBIC)[:, :, 0] for t in f[:64]]
            a = np.vstack([np.hstack(tiles[r * 8 : (r + 1) * 8]) for r in range(8)])
        else:
            a = np.vstack([np.hstack(list(f[r * 10 : (r + 1) * 10])) for r in range(10)])
        a = _rgb(a)
    elif name == "imagehash":
        p = os.path.join(sys.prefix, "images", "imagehash.png")
        if os.path.exists(p):
            with Image.open(p) as im:
                a = np.asarray(im.convert("RGBA"))
        else:
            a = _src("china")
    else:
        fn = {
            "motorcycle_left": "motorcycle_left.png",
            "motorcycle_right": "motorcycle_right.png",
            "clock_motion": "clock_motion.png",
            "logo": "logo.png",
            "horse": "horse.png",
            "colorwheel": "color.png",
            "phantom": "phantom.png",
            "microaneurysms": "microaneurysms.png",
        }[name]
        a = _skimage_file(fn)
        if a.shape[2] == 3:
            a = _rgb(a)
    a = np.ascontiguousarray(a)
    a.setflags(write=False)
    _SRC[name] = a
    return a


# --------------------------------------------------------------------------
# images()
# --------------------------------------------------------------------------

_GEN256 = [
    (
        "g256_alpine_lake",
        9101,
        "snow-capped mountains above a turquoise alpine lake, morning light",
    ),
    ("g256_red_bicycle", 9102, "a red vintage bicycle leaning against a weathered blue door"),
    ("g256_living_room", 9103, "cozy living room interior with a fireplace and tall bookshelves"),
    ("g256_neon_street", 9104, "city street at night with neon signs reflected on wet asphalt"),
    ("g256_fox_portrait", 9105, "portrait of a red fox in an autumn forest, soft light"),
    ("g256_circles", 9106, "abstract pattern of overlapping blue and orange circles"),
    ("g256_lemons", 9107, "a bowl of fresh lemons on a wooden kitchen table"),
    ("g256_dunes_stars", 9108, "desert sand dunes under a starry night sky"),
    ("g256_owl", 9109, "an owl perched on a mossy branch, close-up portrait"),
    ("g256_kitchen", 9110, "a bright modern kitchen with white cabinets and morning sun"),
    ("g256_lighthouse", 9111, "stormy sea with a lighthouse on rocky cliffs"),
    ("g256_stained_glass", 9112, "geometric stained glass window in deep red and green"),
    ("g256_highland_cow", 9113, "a shaggy highland cow standing in a foggy meadow"),
    ("g256_fireworks", 9114, "fireworks over a quiet harbour at midnight"),
]
_GEN512 = [
    ("g512_rice_terraces", 9201, "terraced rice fields in the evening, aerial view"),
    ("g512_library", 9202, "a library reading room with tall windows and brass lamps"),
    ("g512_dragonfly", 9203, "macro photo of a dragonfly resting on a reed at sunrise"),
    ("g512_marbled", 9204, "swirling marbled paper pattern in teal and gold"),
]

_BACKEND = None


def _backend():
    global _BACKEND
    if _BACKEND is None:
        from safegen.backends.builtin import BuiltinBackend

        _BACKEND = BuiltinBackend(threads=2)
    return _BACKEND


def _generate(prompt: str, seed: int, size: int | None) -> np.ndarray:
    from safegen.backends import BackendRequest

    req = BackendRequest(
        prompt=prompt, negative_prompt=None, seeds=(seed,), width=size, height=size, steps=None
    )
    pil = _backend().generate(req)[0]
    return _rgb(np.asarray(pil.convert("RGB")))


def _cached_generated(name: str, seed: int, prompt: str, size: int) -> np.ndarray:
    key = hashlib.sha256(f"{prompt}|{seed}|{size}".encode()).hexdigest()[:10]
    path = _CACHE_DIR / f"{name}_{size}_{seed}_{key}.png"
    if path.exists():
        try:
            with Image.open(path) as im:
                a = _rgb(np.asarray(im.convert("RGB")))
            if a.shape == (size, size, 3):
                return a
        except Exception:
            pass
    if size == 256:
        a = _generate(prompt, seed, None)
    else:
        try:
            a = _generate(prompt, seed, size)
        except Exception:
            a = _lz(_generate(prompt, seed, None), size, size)
    if a.shape != (size, size, 3):
        a = _lz(a, size, size)
    _CACHE_DIR.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp_", suffix=".png", dir=str(_CACHE_DIR))
    try:
        with os.fdopen(fd, "wb") as fh:
            Image.fromarray(a).save(fh, format="PNG")
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return a


def _put_outlined(img, text, org, font, scale, thick):
    cv2.putText(img, text, org, font, scale, (0, 0, 0), thick + 4, cv2.LINE_AA)
    cv2.putText(img, text, org, font, scale, (255, 255, 255), thick, cv2.LINE_AA)


def _photos() -> list[tuple[str, str, np.ndarray]]:
    china, flower = _src("china"), _src("flower")
    out: list[tuple[str, str, np.ndarray]] = []
    P = "photo512"
    pagoda = _lz(_win(china, 0, 0, 427, 427), 512, 512)
    out.append(("p512_china_pagoda", P, pagoda))
    out.append(("p512_china_lake", P, _lz(_win(china, 213, 0, 427, 427), 512, 512)))
    out.append(("p512_china_roof", P, _lz(_win(china, 80, 40, 256, 256), 512, 512)))
    trees = _lz(_win(china, 340, 127, 300, 300), 512, 512)
    out.append(("p512_china_trees", P, trees))
    out.append(("p512_china_sky", P, _lz(_win(china, 420, 0, 200, 200), 512, 512)))
    # dark scene
    x = _lz(_win(china, 100, 0, 427, 427), 512, 512).astype(np.float32)
    x = 255.0 * (x / 255.0) ** 2.2 * 0.45
    x[:, :, 0] *= 0.85
    x[:, :, 2] *= 1.15
    x += np.random.default_rng(1201).standard_normal(x.shape, dtype=np.float32) * 2.0
    out.append(("p512_china_night", P, _u8(x)))
    # HDR-like local contrast
    x = _lz(_win(china, 160, 0, 427, 427), 512, 512)
    lab = cv2.cvtColor(x, cv2.COLOR_RGB2Lab)
    lab[:, :, 0] = cv2.createCLAHE(clipLimit=3.0, tileGridSize=(8, 8)).apply(
        np.ascontiguousarray(lab[:, :, 0])
    )
    out.append(("p512_china_clahe", P, np.ascontiguousarray(cv2.cvtColor(lab, cv2.COLOR_Lab2RGB))))
    fcentre = _lz(_win(flower, 106, 0, 427, 427), 512, 512)
    out.append(("p512_flower_centre", P, fcentre))
    petals = _lz(_win(flower, 180, 90, 256, 256), 512, 512)
    out.append(("p512_flower_petals", P, petals))
    out.append(("p512_flower_bokeh", P, _lz(_win(flower, 400, 0, 240, 240), 512, 512)))
    t = fcentre.copy()
    _put_outlined(t, "DAHLIA SHOW", (40, 80), cv2.FONT_HERSHEY_DUPLEX, 2.0, 3)
    _put_outlined(t, "SAT 14 JUNE 10AM", (60, 450), cv2.FONT_HERSHEY_DUPLEX, 1.3, 2)
    _put_outlined(t, "photo: garden club 2026", (250, 495), cv2.FONT_HERSHEY_SIMPLEX, 0.6, 1)
    out.append(("p512_flower_text", P, np.ascontiguousarray(t)))
    faces = np.ascontiguousarray(_src("faces64").copy())
    out.append(("p512_faces_mosaic", P, faces))

    Q = "photo1024"
    out.append(("p1024_china_full", Q, _lz(_win(china, 40, 0, 427, 427), 1024, 1024)))
    out.append(("p1024_flower_full", Q, _lz(_win(flower, 106, 0, 427, 427), 1024, 1024)))
    col = np.vstack([np.hstack([pagoda, petals]), np.hstack([trees, faces])])
    out.append(("p1024_collage_2x2", Q, np.ascontiguousarray(col)))
    rows = []
    for srcimg in (china, flower):
        for y0 in (0, 171):
            rows.append(np.hstack([_win(srcimg, x0, y0, 256, 256) for x0 in (0, 128, 256, 384)]))
    out.append(("p1024_mosaic_4x4", Q, np.ascontiguousarray(np.vstack(rows))))
    x = _usm(_lz(_win(china, 213, 0, 427, 427), 1024, 1024), 1.2, 0.5)
    out.append(("p1024_china_grain", Q, _noise(x, 3.0, 1202)))

    N = "photo_nonsquare"
    out.append(("pns_china_768x512", N, _lz(china, 768, 512)))
    out.append(("pns_flower_512x896", N, _lz(_win(flower, 198, 0, 244, 427), 512, 896)))
    out.append(("pns_china_1280x720", N, _lz(_win(china, 0, 20, 640, 360), 1280, 720)))
    out.append(("pns_flower_1001x667", N, _lz(flower, 1001, 667)))
    return out


def _flats() -> list[tuple[str, str, np.ndarray]]:
    S = 512
    out = []
    base = np.empty((S, S, 3), np.float32)
    base[:] = (118, 124, 131)
    base += np.random.default_rng(1203).standard_normal(base.shape, dtype=np.float32) * 1.5
    out.append(("flat_grey_noise", "flat", _u8(base)))
    yy, xx = np.mgrid[0:S, 0:S].astype(np.float32)
    t = ((xx + yy) / (2 * S - 2))[:, :, None]
    c0 = np.array((20, 40, 110), np.float32)
    c1 = np.array((250, 200, 170), np.float32)
    out.append(("flat_gradient", "flat", _u8(c0 + (c1 - c0) * t)))
    c = (S - 1) / 2.0
    r2 = ((xx - c) ** 2 + (yy - c) ** 2) / (2 * c * c)
    v = np.array((222, 214, 198), np.float32) - 14.0 * r2[:, :, None]
    out.append(("flat_vignette", "flat", _u8(v)))
    return out


def images() -> list[tuple[str, str, np.ndarray]]:
    """All held-out images: (name, image_class, RGB uint8 HxWx3)."""
    out = _photos()
    for name, seed, prompt in _GEN256:
        out.append((name, "generated256", _cached_generated(name, seed, prompt, 256)))
    for name, seed, prompt in _GEN512:
        out.append((name, "generated512", _cached_generated(name, seed, prompt, 512)))
    out.extend(_flats())
    return [(n, c, np.ascontiguousarray(a, dtype=np.uint8)) for n, c, a in out]


# --------------------------------------------------------------------------
# attacks()
# --------------------------------------------------------------------------


def _scale(img, s):
    H, W = img.shape[:2]
    return _resize(img, _rs(W * s), _rs(H * s))


def _stretch(img, sw, sh):
    H, W = img.shape[:2]
    return _resize(img, _rs(W * sw), _rs(H * sh))


def _long(img, side):
    H, W = img.shape[:2]
    L = max(H, W)
    return _resize(img, _rs(W * side / L), _rs(H * side / L))


def _crop(img, fw, fh, ax, ay):
    H, W = img.shape[:2]
    cw, ch = min(W, _rs(W * fw)), min(H, _rs(H * fh))
    x0, y0 = _rnd(ax * (W - cw)), _rnd(ay * (H - ch))
    return np.ascontiguousarray(img[y0 : y0 + ch, x0 : x0 + cw])


def _rot_warp(img, deg, border):
    H, W = img.shape[:2]
    M = cv2.getRotationMatrix2D(((W - 1) / 2.0, (H - 1) / 2.0), deg, 1.0)
    mode = cv2.BORDER_CONSTANT if border == "black" else cv2.BORDER_REFLECT_101
    return np.ascontiguousarray(
        cv2.warpAffine(
            img, M, (W, H), flags=cv2.INTER_LINEAR, borderMode=mode, borderValue=(0, 0, 0)
        )
    )


def _rotate(img, deg, border):
    if border != "fill":
        return _rot_warp(img, deg, border)
    H, W = img.shape[:2]
    r = _rot_warp(img, deg, "black")
    a = math.radians(abs(deg))
    c, s = math.cos(a), math.sin(a)
    k = min(W / (W * c + H * s), H / (W * s + H * c))
    cw, ch = max(1, int(math.floor(k * W)) - 2), max(1, int(math.floor(k * H)) - 2)
    x0, y0 = (W - cw) // 2, (H - ch) // 2
    return _resize(np.ascontiguousarray(r[y0 : y0 + ch, x0 : x0 + cw]), W, H)


def _pad(img, left, t, r, b, colour):
    H, W = img.shape[:2]
    return np.ascontiguousarray(
        cv2.copyMakeBorder(
            img,
            _rnd(t * H),
            _rnd(b * H),
            _rnd(left * W),
            _rnd(r * W),
            cv2.BORDER_CONSTANT,
            value=tuple(int(v) for v in colour),
        )
    )


def _letterbox(img):
    H, W = img.shape[:2]
    if W / H < 16 / 9:
        nw = _rnd(16 * H / 9)
        left = (nw - W) // 2
        return np.ascontiguousarray(
            cv2.copyMakeBorder(img, 0, 0, left, nw - W - left, cv2.BORDER_CONSTANT, value=(0, 0, 0))
        )
    nh = _rnd(9 * W / 16)
    top = (nh - H) // 2
    return np.ascontiguousarray(
        cv2.copyMakeBorder(img, top, nh - H - top, 0, 0, cv2.BORDER_CONSTANT, value=(0, 0, 0))
    )


def _lut(fn) -> np.ndarray:
    v = np.arange(256, dtype=np.float64)
    return _u8(fn(v))


_LUT_G080 = _lut(lambda v: 255.0 * (v / 255.0) ** 0.8)
_LUT_G125 = _lut(lambda v: 255.0 * (v / 255.0) ** 1.25)
_LUT_G110 = _lut(lambda v: 255.0 * (v / 255.0) ** 1.1)


def _apply_lut(img, lut):
    return np.ascontiguousarray(cv2.LUT(img, lut))


def _saturation(img, s):
    x = img.astype(np.float32)
    y = _luma(img)[:, :, None]
    return _u8(y + s * (x - y))


def _channels(img, gains):
    return _u8(img.astype(np.float32) * np.array(gains, np.float32))


def _hue(img, dh):
    hsv = cv2.cvtColor(img, cv2.COLOR_RGB2HSV)
    h = hsv[:, :, 0].astype(np.int16)
    hsv[:, :, 0] = ((h + dh) % 180).astype(np.uint8)
    return np.ascontiguousarray(cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB))


def _equalize(img):
    ycc = cv2.cvtColor(img, cv2.COLOR_RGB2YCrCb)
    ycc[:, :, 0] = cv2.equalizeHist(np.ascontiguousarray(ycc[:, :, 0]))
    return np.ascontiguousarray(cv2.cvtColor(ycc, cv2.COLOR_YCrCb2RGB))


def _palette(img):
    q = Image.fromarray(img).quantize(256, method=Image.Quantize.FASTOCTREE)
    return np.ascontiguousarray(np.asarray(q.convert("RGB"), dtype=np.uint8))


def _persp(img):
    H, W = img.shape[:2]
    d = np.random.default_rng(601).uniform(-0.015, 0.015, size=(4, 2))
    src = np.array([[0, 0], [W - 1, 0], [W - 1, H - 1], [0, H - 1]], np.float32)
    dst = (src + d * np.array([W, H])).astype(np.float32)
    M = cv2.getPerspectiveTransform(src, dst)
    return np.ascontiguousarray(
        cv2.warpPerspective(
            img, M, (W, H), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT_101
        )
    )


def _lsb(img):
    b = np.random.default_rng(602).integers(0, 2, size=img.shape, dtype=np.uint8)
    return np.ascontiguousarray(img ^ b)


def _sticker(img):
    H, W = img.shape[:2]
    out = img.copy()
    cv2.rectangle(
        out,
        (_rnd(0.72 * W), _rnd(0.78 * H)),
        (_rnd(0.95 * W) - 1, _rnd(0.95 * H) - 1),
        (255, 40, 40),
        -1,
        cv2.LINE_8,
    )
    cv2.circle(
        out, (_rnd(0.15 * W), _rnd(0.15 * H)), _rs(0.08 * min(W, H)), (255, 220, 0), -1, cv2.LINE_8
    )
    return out


def _screenshot_gallery(img):
    H, W = img.shape[:2]
    x = _resize(img, 720, _rs(720 * H / W), cv2.INTER_LINEAR)
    x = _usm(x, 0.8, 0.35)
    top = np.full((48, 720, 3), 18, np.uint8)
    bot = np.zeros((72, 720, 3), np.uint8)
    x = np.ascontiguousarray(np.vstack([top, x, bot]))
    cv2.putText(
        x, "12:45", (16, 34), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (255, 255, 255), 2, cv2.LINE_AA
    )
    cv2.rectangle(x, (656, 16), (695, 31), (255, 255, 255), -1, cv2.LINE_8)
    return _png(x)


def _screenshot_plain(img):
    H, W = img.shape[:2]
    x = _resize(img, _rs(0.9 * W), _rs(0.9 * H), cv2.INTER_LINEAR)
    return _png(_usm(x, 0.8, 0.35))


def _rejpeg(img, q, times):
    for _ in range(times):
        img = _jpeg(img, q)
    return img


def _printscan(img):
    x = _rotate(img, 1.0, "reflect")
    x = _u8(_gauss(x, 1.0))
    x = _apply_lut(x, _LUT_G110)
    x = _noise(x, 3.0, 603)
    return _jpeg(x, 85)


def _scale060_stretch_jpeg60(img):
    x = _scale(img, 0.6)
    h, w = x.shape[:2]
    return _jpeg(_resize(x, w, _rs(0.9 * h)), 60)


def _roundtrip(img):
    H, W = img.shape[:2]
    return _resize(_scale(img, 0.5), W, H)


def _wrap(fn: Callable[[np.ndarray], np.ndarray]) -> Callable[[np.ndarray], np.ndarray]:
    def attack(img: np.ndarray) -> np.ndarray:
        img = np.ascontiguousarray(img, dtype=np.uint8)
        out = fn(img)
        out = np.asarray(out)
        if out.ndim == 2:
            out = np.stack([out] * 3, axis=-1)
        return np.ascontiguousarray(out[:, :, :3], dtype=np.uint8)

    attack.__name__ = getattr(fn, "__name__", "attack")
    return attack


def attacks() -> list[tuple[str, Callable[[np.ndarray], np.ndarray]]]:
    """All attacks (name, callable). Definitions are in the module docstring."""
    A: list[tuple[str, Callable]] = [
        ("none", lambda x: x.copy()),
        ("flip_h", lambda x: x[:, ::-1]),
        ("flip_v", lambda x: x[::-1, :]),
        ("flip_hv", lambda x: x[::-1, ::-1]),
        ("rot90_cw", lambda x: np.rot90(x, k=-1)),
        ("stretch_w085", lambda x: _stretch(x, 0.85, 1.0)),
        ("stretch_w115", lambda x: _stretch(x, 1.15, 1.0)),
        ("stretch_h087", lambda x: _stretch(x, 1.0, 0.87)),
        ("stretch_h113", lambda x: _stretch(x, 1.0, 1.13)),
        ("stretch_w110_h093", lambda x: _stretch(x, 1.10, 0.93)),
        ("stretch_w092_h108", lambda x: _stretch(x, 0.92, 1.08)),
        ("crop_c90", lambda x: _crop(x, 0.90, 0.90, 0.5, 0.5)),
        ("crop_c75", lambda x: _crop(x, 0.75, 0.75, 0.5, 0.5)),
        ("crop_c60", lambda x: _crop(x, 0.60, 0.60, 0.5, 0.5)),
        ("crop_c50", lambda x: _crop(x, 0.50, 0.50, 0.5, 0.5)),
        ("crop_off70", lambda x: _crop(x, 0.70, 0.70, 0.15, 0.85)),
        ("crop_off55", lambda x: _crop(x, 0.55, 0.55, 0.90, 0.10)),
        ("crop_w90_h60", lambda x: _crop(x, 0.90, 0.60, 0.5, 0.3)),
        ("crop_corner_tl60", lambda x: _crop(x, 0.60, 0.60, 0.0, 0.0)),
        ("crop_corner_br80", lambda x: _crop(x, 0.80, 0.80, 1.0, 1.0)),
        ("crop_1px", lambda x: x[1:, 1:]),
        ("rot_p2_black", lambda x: _rotate(x, 2.0, "black")),
        ("rot_m5_black", lambda x: _rotate(x, -5.0, "black")),
        ("rot_p9_black", lambda x: _rotate(x, 9.0, "black")),
        ("rot_p4_reflect", lambda x: _rotate(x, 4.0, "reflect")),
        ("rot_m7_reflect", lambda x: _rotate(x, -7.0, "reflect")),
        ("rot_p3_fill", lambda x: _rotate(x, 3.0, "fill")),
        ("rot_m6_fill", lambda x: _rotate(x, -6.0, "fill")),
        ("rot_p10_fill", lambda x: _rotate(x, 10.0, "fill")),
        ("pad_white10", lambda x: _pad(x, 0.10, 0.10, 0.10, 0.10, (255, 255, 255))),
        ("pad_black5", lambda x: _pad(x, 0.05, 0.05, 0.05, 0.05, (0, 0, 0))),
        ("pad_colour20", lambda x: _pad(x, 0.20, 0.20, 0.20, 0.20, (40, 120, 200))),
        ("pad_asym", lambda x: _pad(x, 0.03, 0.12, 0.15, 0.00, (128, 128, 128))),
        ("pad_polaroid", lambda x: _pad(x, 0.04, 0.04, 0.04, 0.18, (250, 250, 245))),
        ("letterbox_16x9", _letterbox),
        ("jpeg90", lambda x: _jpeg(x, 90)),
        ("jpeg75", lambda x: _jpeg(x, 75)),
        ("jpeg50", lambda x: _jpeg(x, 50)),
        ("jpeg30", lambda x: _jpeg(x, 30)),
        ("jpeg20", lambda x: _jpeg(x, 20)),
        ("webp80", lambda x: _webp(x, 80)),
        ("webp60", lambda x: _webp(x, 60)),
    ]
    if _has_avif():
        A.append(("avif50", lambda x: _avif(x, 50)))
    A += [
        ("scale050", lambda x: _scale(x, 0.5)),
        ("scale060", lambda x: _scale(x, 0.6)),
        ("scale075", lambda x: _scale(x, 0.75)),
        ("scale150", lambda x: _scale(x, 1.5)),
        ("scale200", lambda x: _scale(x, 2.0)),
        ("long720", lambda x: _long(x, 720)),
        ("long1600", lambda x: _long(x, 1600)),
        ("social_chain", lambda x: _jpeg(_long(_crop(x, 0.9, 0.9, 0.5, 0.5), 1080), 75)),
        ("messaging_chain", lambda x: _jpeg(_scale(x, 0.6), 60)),
        ("screenshot_gallery", _screenshot_gallery),
        ("screenshot_plain", _screenshot_plain),
        ("flip_h_jpeg75", lambda x: _jpeg(np.ascontiguousarray(x[:, ::-1]), 75)),
        ("flip_v_webp70", lambda x: _webp(np.ascontiguousarray(x[::-1, :]), 70)),
        ("stretch_w110_jpeg75", lambda x: _jpeg(_stretch(x, 1.10, 1.0), 75)),
        ("stretch_w090_h110_jpeg60", lambda x: _jpeg(_stretch(x, 0.90, 1.10), 60)),
        ("crop_c50_jpeg75", lambda x: _jpeg(_crop(x, 0.5, 0.5, 0.5, 0.5), 75)),
        ("crop_off55_jpeg60", lambda x: _jpeg(_crop(x, 0.55, 0.55, 0.90, 0.10), 60)),
        ("crop_c70_scale150", lambda x: _scale(_crop(x, 0.7, 0.7, 0.5, 0.5), 1.5)),
        ("rot_m4_crop80", lambda x: _crop(_rotate(x, -4.0, "black"), 0.8, 0.8, 0.5, 0.5)),
        ("rot_p6_fill_jpeg70", lambda x: _jpeg(_rotate(x, 6.0, "fill"), 70)),
        (
            "pad_white10_scale075",
            lambda x: _scale(_pad(x, 0.1, 0.1, 0.1, 0.1, (255, 255, 255)), 0.75),
        ),
        (
            "pad_black10_long1080",
            lambda x: _jpeg(_long(_pad(x, 0.1, 0.1, 0.1, 0.1, (0, 0, 0)), 1080), 85),
        ),
        ("scale060_stretch_jpeg60", _scale060_stretch_jpeg60),
        ("bright_p25", lambda x: _u8(x.astype(np.float32) + 25.0)),
        ("bright_m25", lambda x: _u8(x.astype(np.float32) - 25.0)),
        ("contrast_125", lambda x: _u8((x.astype(np.float32) - 128.0) * 1.25 + 128.0)),
        ("contrast_075", lambda x: _u8((x.astype(np.float32) - 128.0) * 0.75 + 128.0)),
        ("gamma_080", lambda x: _apply_lut(x, _LUT_G080)),
        ("gamma_125", lambda x: _apply_lut(x, _LUT_G125)),
        ("saturation_140", lambda x: _saturation(x, 1.4)),
        ("saturation_060", lambda x: _saturation(x, 0.6)),
        ("greyscale", lambda x: _u8(_luma(x))),
        ("warm_shift", lambda x: _channels(x, (1.06, 1.0, 0.90))),
        ("cool_shift", lambda x: _channels(x, (0.92, 1.0, 1.07))),
        ("hue_rot16", lambda x: _hue(x, 8)),
        ("blur_g08", lambda x: _u8(_gauss(x, 0.8))),
        ("blur_g15", lambda x: _u8(_gauss(x, 1.5))),
        ("sharpen_usm", lambda x: _usm(x, 1.5, 0.8)),
        ("sharpen_strong", lambda x: _usm(x, 1.0, 1.5)),
        ("noise_g5", lambda x: _noise(x, 5.0, 501)),
        ("noise_g12", lambda x: _noise(x, 12.0, 502)),
        ("median3", lambda x: cv2.medianBlur(x, 3)),
        ("equalize", _equalize),
        ("posterize5", lambda x: x & np.uint8(0xF8)),
        ("palette_gif", _palette),
        ("invert", lambda x: 255 - x),
        ("channel_swap", lambda x: x[:, :, ::-1]),
        ("persp_warp", _persp),
        ("shift_wrap_1_2", lambda x: np.roll(x, (1, 2), axis=(0, 1))),
        ("shift_wrap_m3", lambda x: np.roll(x, -3, axis=1)),
        (
            "mix_flip25",
            lambda x: _u8(0.75 * x.astype(np.float32) + 0.25 * x[:, ::-1].astype(np.float32)),
        ),
        (
            "mix_shift4",
            lambda x: _u8(
                0.5 * x.astype(np.float32) + 0.5 * np.roll(x, 4, axis=1).astype(np.float32)
            ),
        ),
        ("rejpeg85_x5", lambda x: _rejpeg(x, 85, 5)),
        ("jpeg_realign", lambda x: _jpeg(np.ascontiguousarray(x[3:, 5:]), 80)),
        ("scale_roundtrip", _roundtrip),
        ("lsb_random", _lsb),
        ("sticker", _sticker),
        ("printscan_sim", _printscan),
    ]
    names = [n for n, _ in A]
    assert len(names) == len(set(names))
    return [(n, _wrap(f)) for n, f in A]


# --------------------------------------------------------------------------
# unmarked()
# --------------------------------------------------------------------------

_UM_SOURCES = [
    ("china", 0.20),
    ("flower", 0.20),
    ("motorcycle_left", 0.13),
    ("motorcycle_right", 0.13),
    ("clock_motion", 0.06),
    ("faces100", 0.08),
    ("logo", 0.04),
    ("horse", 0.03),
    ("colorwheel", 0.04),
    ("phantom", 0.02),
    ("microaneurysms", 0.02),
    ("imagehash", 0.05),
]
_UM_NAMES = [n for n, _ in _UM_SOURCES]
_UM_P = np.array([p for _, p in _UM_SOURCES], np.float64)
_UM_P = _UM_P / _UM_P.sum()


def _um_size(rng) -> tuple[int, int]:
    if rng.random() < 0.85:
        lo, hi = 256, 1024
    else:
        lo, hi = 64, 2000
    w = _rnd(math.exp(rng.uniform(math.log(lo), math.log(hi))))
    h = _rnd(math.exp(rng.uniform(math.log(lo), math.log(hi))))
    return max(1, w), max(1, h)


def _um_photo(rng, W, H):
    name = _UM_NAMES[int(rng.choice(len(_UM_NAMES), p=_UM_P))]
    src = _src(name)
    if src.shape[2] == 4:
        bg = rng.integers(0, 256, size=3).astype(np.float32)
        a = src[:, :, 3:4].astype(np.float32) / 255.0
        src = _u8(src[:, :, :3].astype(np.float32) * a + bg * (1.0 - a))
    rot = rng.random() < 0.1
    tw, th = (H, W) if rot else (W, H)
    aspect = tw / th
    if rng.random() < 0.2:
        aspect *= rng.uniform(0.9, 1.1)
    sh, sw = src.shape[:2]
    if sw / sh > aspect:
        mh, mw = sh, sh * aspect
    else:
        mw, mh = sw, sw / aspect
    f = rng.uniform(0.35, 1.0)
    cw, ch = max(1, min(sw, _rnd(mw * f))), max(1, min(sh, _rnd(mh * f)))
    x0 = int(rng.integers(0, sw - cw + 1))
    y0 = int(rng.integers(0, sh - ch + 1))
    x = _resize(np.ascontiguousarray(src[y0 : y0 + ch, x0 : x0 + cw]), tw, th)
    if rng.random() < 0.5:
        x = x[:, ::-1]
    if rot:
        x = np.rot90(x, k=1 if rng.random() < 0.5 else -1)
    x = np.ascontiguousarray(x)
    if rng.random() < 0.3:
        g, off = rng.uniform(0.8, 1.25), rng.uniform(-15, 15)
        lut = _lut(lambda v: 255.0 * (v / 255.0) ** g + off)
        x = _apply_lut(x, lut)
    u = rng.random()
    detail = name
    if u < 0.45:
        q = int(rng.integers(40, 96))
        x, detail = _jpeg(x, q), f"{name}_jpeg{q}"
    elif u < 0.55:
        q = int(rng.integers(50, 91))
        x, detail = _pil_roundtrip(x, "WEBP", quality=q, method=0), f"{name}_webp{q}"
    return detail, x


def _lowfreq(rng, W, H, cells=None):
    c = int(rng.integers(3, 25)) if cells is None else cells
    g = rng.uniform(
        0,
        255,
        size=(max(2, round(c * H / max(W, H)) or 2), max(2, round(c * W / max(W, H)) or 2), 3),
    ).astype(np.float32)
    return cv2.resize(g, (W, H), interpolation=cv2.INTER_CUBIC)


def _um_noise(rng, W, H):
    kind = int(rng.integers(0, 7))
    if kind == 0:
        return "uniform", rng.integers(0, 256, size=(H, W, 3), dtype=np.uint8)
    if kind == 1:
        m = rng.uniform(40, 215, size=3).astype(np.float32)
        s = np.float32(rng.uniform(8, 60))
        return "gauss", _u8(m + s * rng.standard_normal((H, W, 3), dtype=np.float32))
    if kind == 2:
        d = rng.uniform(0.01, 0.2)
        x = np.full((H, W, 3), int(rng.integers(0, 256)), np.uint8)
        r = rng.random((H, W), dtype=np.float32)
        x[r < d / 2] = 0
        x[(r >= d / 2) & (r < d)] = 255
        return "saltpepper", x
    if kind == 3:
        return "lowfreq", _u8(_lowfreq(rng, W, H))
    if kind == 4:
        b = int(rng.integers(2, 17))
        g = rng.integers(0, 256, size=(-(-H // b), -(-W // b), 3), dtype=np.uint8)
        x = np.repeat(np.repeat(g, b, axis=0), b, axis=1)[:H, :W]
        return "blocky", np.ascontiguousarray(x)
    if kind == 5:
        g = rng.integers(0, 256, size=(H, W), dtype=np.uint8)
        return "greyiid", _rgb(g)
    x = sum(_lowfreq(rng, W, H, cells=c) * w for c, w in ((4, 0.5), (16, 0.3), (64, 0.2)))
    return "octaves", _u8(x)


def _um_flat(rng, W, H):
    kind = int(rng.integers(0, 5))
    c0 = rng.integers(0, 256, size=3).astype(np.float32)
    c1 = rng.integers(0, 256, size=3).astype(np.float32)
    if kind == 0:
        x = np.empty((H, W, 3), np.float32)
        x[:] = c0
        s = rng.uniform(0, 2)
        if s > 0.05:
            x += rng.standard_normal((H, W, 3), dtype=np.float32) * np.float32(s)
        return "solid", _u8(x)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    if kind == 1:
        a = rng.uniform(0, 2 * math.pi)
        p = xx * math.cos(a) + yy * math.sin(a)
        t = (p - p.min()) / max(1e-6, float(p.max() - p.min()))
        return "linear", _u8(c0 + (c1 - c0) * t[:, :, None])
    cx, cy = rng.uniform(0, W), rng.uniform(0, H)
    r = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2)
    r = r / max(1e-6, float(r.max()))
    if kind == 2:
        return "radial", _u8(c0 + (c1 - c0) * r[:, :, None])
    if kind == 3:
        amp = rng.uniform(5, 60)
        return "vignette", _u8(c0 - amp * (r**2)[:, :, None])
    x = np.empty((H, W, 3), np.float32)
    x[:] = c0
    if rng.random() < 0.5:
        x[:, _rnd(rng.uniform(0.2, 0.8) * W) :] = c1
    else:
        x[_rnd(rng.uniform(0.2, 0.8) * H) :, :] = c1
    return "twotone", _u8(x)


_FONTS = [
    cv2.FONT_HERSHEY_SIMPLEX,
    cv2.FONT_HERSHEY_DUPLEX,
    cv2.FONT_HERSHEY_COMPLEX,
    cv2.FONT_HERSHEY_TRIPLEX,
    cv2.FONT_HERSHEY_PLAIN,
    cv2.FONT_HERSHEY_SCRIPT_SIMPLEX,
]
_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 "


def _um_shapes(rng, W, H):
    x = np.empty((H, W, 3), np.uint8)
    x[:] = rng.integers(0, 256, size=3).astype(np.uint8)
    m = min(W, H)
    for _ in range(int(rng.integers(8, 41))):
        col = tuple(int(v) for v in rng.integers(0, 256, size=3))
        k = int(rng.integers(0, 5))
        lt = cv2.LINE_AA if rng.random() < 0.5 else cv2.LINE_8
        th = -1 if rng.random() < 0.5 else int(rng.integers(1, max(2, m // 40) + 1))
        p1 = (int(rng.integers(0, W)), int(rng.integers(0, H)))
        p2 = (int(rng.integers(0, W)), int(rng.integers(0, H)))
        if k == 0:
            cv2.rectangle(x, p1, p2, col, th, lt)
        elif k == 1:
            cv2.circle(x, p1, int(rng.integers(1, max(2, m // 3))), col, th, lt)
        elif k == 2:
            cv2.line(x, p1, p2, col, max(1, abs(th)), lt)
        elif k == 3:
            pts = np.stack([rng.integers(0, W, 5), rng.integers(0, H, 5)], 1).astype(np.int32)
            if th < 0:
                cv2.fillPoly(x, [pts], col, lt)
            else:
                cv2.polylines(x, [pts], True, col, th, lt)
        else:
            n = int(rng.integers(3, 16))
            s = "".join(_CHARS[int(j)] for j in rng.integers(0, len(_CHARS), n))
            cv2.putText(
                x,
                s,
                p1,
                _FONTS[int(rng.integers(0, len(_FONTS)))],
                float(rng.uniform(0.3, 3.0)) * max(0.3, m / 512),
                col,
                int(rng.integers(1, 4)),
                lt,
            )
    return "shapes", x


def unmarked(n: int = 10000, seed: int = 2026120102) -> Iterator[tuple[str, np.ndarray]]:
    """Unmarked images for a false-positive count; item i depends only on (seed, i)."""
    for i in range(int(n)):
        rng = np.random.default_rng([int(seed), i])
        W, H = _um_size(rng)
        u = rng.random()
        if u < 0.70:
            kind = "photo"
            detail, x = _um_photo(rng, W, H)
        elif u < 0.80:
            kind = "noise"
            detail, x = _um_noise(rng, W, H)
        elif u < 0.90:
            kind = "flat"
            detail, x = _um_flat(rng, W, H)
        else:
            kind = "shapes"
            detail, x = _um_shapes(rng, W, H)
        yield f"u{i:05d}_{kind}_{detail}", np.ascontiguousarray(_rgb(x))


# --------------------------------------------------------------------------
# edge_cases()
# --------------------------------------------------------------------------

_EDGE_SPECS = [
    "tiny_1x1",
    "tiny_2x2",
    "tiny_8x8",
    "tiny_16x16",
    "tiny_32x24",
    "tiny_64x64",
    "tiny_100x80",
    "tiny_127x127",
    "strip_640x1",
    "strip_1x512",
    "strip_1024x8",
    "strip_16x2000",
    "strip_2048x64",
    "huge_4000x3000",
    "solid_black_512",
    "solid_white_512",
    "solid_red_300x200",
    "solid_grey_1024",
    "nearblack_noise_512",
    "nearwhite_noise_512",
    "noise_uniform_512",
    "noise_gauss_777x333",
    "noise_binary_256",
    "odd_513x511",
    "odd_1023x769",
    "prime_997x331",
    "odd_257x255",
    "tall_300x1200",
    "pano_2000x250",
    "checker_1px_512",
    "stripes_2px_400x300",
    "colour_bars_640x480",
]


def edge_cases() -> list[tuple[str, np.ndarray]]:
    """Awkward sizes and contents. Photo content comes from china/flower."""
    china, flower = _src("china"), _src("flower")
    rng = np.random.default_rng(1299)
    out: list[tuple[str, np.ndarray]] = []

    def ph(w, h, src=china):
        return _resize(src, w, h)

    out.append(("tiny_1x1", ph(1, 1)))
    out.append(("tiny_2x2", ph(2, 2, flower)))
    out.append(("tiny_8x8", ph(8, 8)))
    out.append(("tiny_16x16", ph(16, 16, flower)))
    out.append(("tiny_32x24", ph(32, 24)))
    out.append(("tiny_64x64", _resize(_win(flower, 106, 0, 427, 427), 64, 64)))
    out.append(("tiny_100x80", ph(100, 80)))
    out.append(("tiny_127x127", _resize(_win(china, 0, 0, 427, 427), 127, 127)))
    out.append(("strip_640x1", np.ascontiguousarray(china[200:201, :])))
    out.append(("strip_1x512", _resize(np.ascontiguousarray(flower[:, 320:321]), 1, 512)))
    out.append(("strip_1024x8", _resize(_win(china, 0, 210, 640, 8), 1024, 8)))
    out.append(("strip_16x2000", _resize(_win(flower, 300, 0, 16, 427), 16, 2000)))
    out.append(("strip_2048x64", _resize(_win(china, 0, 180, 640, 20), 2048, 64)))
    big = _resize(_win(china, 35, 0, 569, 427), 4000, 3000, cv2.INTER_CUBIC)
    out.append(("huge_4000x3000", _noise(big, 2.0, 1298)))
    out.append(("solid_black_512", np.zeros((512, 512, 3), np.uint8)))
    out.append(("solid_white_512", np.full((512, 512, 3), 255, np.uint8)))
    red = np.zeros((200, 300, 3), np.uint8)
    red[:, :, 0] = 255
    out.append(("solid_red_300x200", red))
    out.append(("solid_grey_1024", np.full((1024, 1024, 3), 128, np.uint8)))
    out.append(("nearblack_noise_512", rng.integers(0, 4, size=(512, 512, 3), dtype=np.uint8)))
    out.append(("nearwhite_noise_512", rng.integers(252, 256, size=(512, 512, 3), dtype=np.uint8)))
    out.append(("noise_uniform_512", rng.integers(0, 256, size=(512, 512, 3), dtype=np.uint8)))
    out.append(
        (
            "noise_gauss_777x333",
            _u8(128 + 40 * rng.standard_normal((333, 777, 3), dtype=np.float32)),
        )
    )
    out.append(
        (
            "noise_binary_256",
            _rgb((rng.integers(0, 2, size=(256, 256), dtype=np.uint8) * 255).astype(np.uint8)),
        )
    )
    out.append(("odd_513x511", ph(513, 511)))
    out.append(("odd_1023x769", ph(1023, 769, flower)))
    out.append(("prime_997x331", _resize(_win(china, 0, 100, 640, 213), 997, 331)))
    out.append(("odd_257x255", ph(257, 255, flower)))
    out.append(("tall_300x1200", _resize(_win(china, 120, 0, 107, 427), 300, 1200)))
    out.append(("pano_2000x250", _resize(_win(china, 0, 200, 640, 80), 2000, 250)))
    yy, xx = np.mgrid[0:512, 0:512]
    out.append(("checker_1px_512", _rgb((((yy + xx) % 2) * 255).astype(np.uint8))))
    st = np.zeros((300, 400, 3), np.uint8)
    st[:, (np.arange(400) // 2) % 2 == 1] = (255, 255, 255)
    out.append(("stripes_2px_400x300", st))
    bars = np.zeros((480, 640, 3), np.uint8)
    cols = [
        (255, 255, 255),
        (255, 255, 0),
        (0, 255, 255),
        (0, 255, 0),
        (255, 0, 255),
        (255, 0, 0),
        (0, 0, 255),
        (0, 0, 0),
    ]
    for j, c in enumerate(cols):
        bars[:, j * 80 : (j + 1) * 80] = c
    out.append(("colour_bars_640x480", bars))
    assert [n for n, _ in out] == _EDGE_SPECS
    return [(n, np.ascontiguousarray(_rgb(a))) for n, a in out]


# --------------------------------------------------------------------------
# edge_case_files()
# --------------------------------------------------------------------------


def _save(im: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    im.save(buf, format=fmt, **kw)
    return buf.getvalue()


def edge_case_files() -> list[tuple[str, bytes]]:
    """Encoded files in awkward formats."""
    china, flower = _src("china"), _src("flower")
    base = _resize(_win(china, 100, 0, 384, 256), 384, 256)  # 384x256 RGB
    fl = _resize(_win(flower, 106, 0, 427, 427), 320, 320)  # 320x320 RGB
    rng = np.random.default_rng(1297)
    out: list[tuple[str, bytes]] = []

    # 16-bit RGB PNG
    x16 = base.astype(np.uint16) * 257 + rng.integers(0, 256, size=base.shape, dtype=np.uint16)
    x16 = np.minimum(x16, 65535).astype(np.uint16)
    ok, enc = cv2.imencode(".png", np.ascontiguousarray(x16[:, :, ::-1]))
    assert ok
    out.append(("rgb16.png", enc.tobytes()))

    # RGBA with transparency
    yy, xx = np.mgrid[0:320, 0:320].astype(np.float32)
    r = np.sqrt((xx - 159.5) ** 2 + (yy - 159.5) ** 2)
    alpha = np.where(r < 140, 255.0 * np.clip(1.0 - r / 140.0, 0.0, 1.0) ** 0.5, 0.0)
    rgba = np.dstack([fl, _u8(alpha)])
    rgba[alpha == 0, :3] = rng.integers(0, 256, size=(int((alpha == 0).sum()), 3), dtype=np.uint8)
    out.append(("rgba_transparent.png", _save(Image.fromarray(rgba, "RGBA"), "PNG")))

    grey = _u8(_luma(base))
    la = np.dstack([grey, _u8(np.linspace(0, 255, 384, dtype=np.float32)[None, :].repeat(256, 0))])
    out.append(("la_grey_alpha.png", _save(Image.fromarray(la, "LA"), "PNG")))

    g16 = grey.astype(np.uint16) * 257 + rng.integers(0, 256, size=grey.shape, dtype=np.uint16)
    ok, enc = cv2.imencode(".png", np.ascontiguousarray(np.minimum(g16, 65535).astype(np.uint16)))
    assert ok
    out.append(("grey16.png", enc.tobytes()))
    out.append(("grey8.png", _save(Image.fromarray(grey, "L"), "PNG")))

    pal = Image.fromarray(fl).quantize(64, method=Image.Quantize.MEDIANCUT)
    out.append(("palette.png", _save(pal, "PNG")))
    pal2 = Image.fromarray(base).quantize(32, method=Image.Quantize.MEDIANCUT)
    out.append(("palette_trns.png", _save(pal2, "PNG", transparency=0)))
    out.append(("bilevel.png", _save(Image.fromarray(grey).convert("1"), "PNG")))

    out.append(("cmyk.jpg", _save(Image.fromarray(base).convert("CMYK"), "JPEG", quality=90)))

    upright = Image.fromarray(_resize(_win(flower, 198, 0, 244, 427), 240, 420))  # portrait
    ex6 = Image.Exif()
    ex6[0x0112] = 6
    out.append(
        (
            "exif_orient6.jpg",
            _save(
                upright.transpose(Image.Transpose.ROTATE_90), "JPEG", quality=92, exif=ex6.tobytes()
            ),
        )
    )
    ex3 = Image.Exif()
    ex3[0x0112] = 3
    flipped = Image.fromarray(base).transpose(Image.Transpose.ROTATE_180)
    out.append(("exif_orient3.jpg", _save(flipped, "JPEG", quality=92, exif=ex3.tobytes())))
    out.append(
        ("progressive.jpg", _save(Image.fromarray(fl), "JPEG", quality=85, progressive=True))
    )
    out.append(("grey.jpg", _save(Image.fromarray(grey, "L"), "JPEG", quality=88)))

    frames = [
        Image.fromarray(np.ascontiguousarray(np.roll(base, 24 * k, axis=1))) for k in range(5)
    ]
    out.append(
        (
            "animated.gif",
            _save(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=120, loop=0),
        )
    )
    fr2 = [Image.fromarray(_rotate(fl, 3.0 * k, "reflect")) for k in range(4)]
    out.append(
        (
            "animated.png",
            _save(fr2[0], "PNG", save_all=True, append_images=fr2[1:], duration=150, loop=0),
        )
    )
    return out
