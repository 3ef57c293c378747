"""PROVENANCE
==========

Written by an independent helper session that had NOT seen the watermark's design,
code, documentation, benchmarks, tests, issues or any earlier held-out file. It was
told only the categories of images and attacks wanted and the interface below. To
learn how to call the built-in image generator offline it read only
``safegen/backends/``, ``safegen/builtin/`` and ``pyproject.toml`` (plus the signature of
``safegen.policy.semantic.prompt_condition``, which the backend calls, and the
repository's top-level ``.gitignore``); it read nothing under ``safegen/watermark/``,
``docs/watermark.md``, ``benchmarks/watermark*.py``, ``benchmarks/heldout/`` or
``tests/`` (it saw only the file names of earlier held-out files, in a directory listing
and in pyproject.toml's ruff exclusions, never their contents). It chose every image,
crop box, seed, prompt, attack and strength itself (deliberately not round numbers).

THE FILE IS FROZEN: it is never edited, not even for style, a wrong comment or a
failing attack. A later round writes a new file with a new ROUND.

Round: ``ROUND = "2026-12-06f"``.

INTERFACE
=========

* ``images() -> list[(name, image_class, rgb)]``: 22 images, rgb C-contiguous uint8 (H, W, 3).
* ``attacks() -> list[(name, fn)]``: 73 attacks (71 if this Pillow has no AVIF);
  ``fn(uint8 RGB) -> new C-contiguous uint8 RGB``; deterministic; the first is ``none``.
* ``unmarked(n=10000, seed=2026120606)``: n unmarked images, lazily; item i depends only
  on ``np.random.default_rng([seed, i])``.
* ``edge_cases() -> list[(name, array)]``: 27 awkward uint8 RGB arrays.
* ``edge_case_files() -> list[(name, bytes)]``: 25 awkward encoded files.

Sources: image files shipped inside installed packages, located with
``importlib.util.find_spec`` (no download, nothing imported from them):
scikit-image ``skimage/data/*.png|jpg`` and scikit-learn
``sklearn/datasets/images/{china,flower}.jpg``. Greyscale sources (mode L) are
replicated to three channels. Below, a box is ``(x0, y0, x1, y1)`` in source pixels
(x1, y1 exclusive); "size" is width x height; every resize in ``images()`` is Pillow
LANCZOS.

IMAGES (22)
===========

photo512 (8, each exactly 512x512):

* ``photo512_astronaut``  skimage astronaut.png (512x512 RGB), unchanged. Face, suit, flag.
* ``photo512_chelsea``    skimage chelsea.png (451x300), box (96, 0, 396, 300) -> 512x512.
  Cat face, smooth fur, soft background.
* ``photo512_china``      sklearn china.jpg (640x427), box (176, 0, 603, 427) -> 512x512.
  Smooth hazy sky (top right), pagoda, trees.
* ``photo512_rocket``     skimage rocket.jpg (640x427), box (107, 0, 534, 427) -> 512x512.
  Dark, smooth twilight sky, towers, lights.
* ``photo512_hubble``     skimage hubble_deep_field.jpg (1000x872), box (243, 181, 755, 693),
  no resize. Almost black with small bright galaxies (very dark).
* ``photo512_ihc``        skimage ihc.png (512x512 RGB), unchanged. Bright microscopy.
* ``photo512_grass``      skimage grass.png (512x512 greyscale), unchanged. Busy texture, grey.
* ``photo512_flower``     sklearn flower.jpg (640x427), box (97, 0, 524, 427) -> 512x512.
  Saturated subject on a dark blurred background.

photo1024 (3, each exactly 1024x1024):

* ``photo1024_retina``     skimage retina.jpg (1411x1411), whole image -> 1024x1024 (down).
  Dark: large black surround.
* ``photo1024_motorcycle`` skimage motorcycle_left.png (741x500), box (171, 0, 671, 500)
  -> 1024x1024 (up x2.048). Busy garage scene.
* ``photo1024_coffee``     skimage coffee.png (600x400), box (160, 0, 560, 400) -> 1024x1024
  (up x2.56). Cup, wood grain.

wide (2):

* ``wide_768x512_motorcycle`` skimage motorcycle_right.png (741x500), box (0, 3, 741, 497)
  -> 768 wide x 512 high (array shape (512, 768, 3)).
* ``tall_512x900_rocket``     skimage rocket.jpg (640x427), box (199, 0, 442, 427)
  -> 512 wide x 900 high (array shape (900, 512, 3)).

generated256 (6) and generated512 (3): the built-in model
(``safegen.backends.builtin.BuiltinBackend()`` with its defaults: 15 steps, its
configured guidance, float32 on the CPU), one
``BackendRequest(prompt=P, negative_prompt=None, seeds=(S,), width=N, height=N)`` each.
The backend itself supports 512x512: it draws at its native 32x32 and enlarges to the
requested side with Lanczos (for 256 as well), so generated512 are true backend
outputs at 512, not upscaled here.

Each is (name: prompt; seed; N):

* ``gen256_snowy_dawn``: "a snowy mountain range at dawn under a pink sky"; 1187; 256
* ``gen256_lake_pines``: "a calm lake surrounded by pine forest at noon"; 40213; 256
* ``gen256_dunes_sunset``: "desert dunes at sunset with an orange sky"; 90817; 256
* ``gen256_moonlit_river``: "a moonlit valley with a river at night"; 5531; 256
* ``gen256_grey_hills``: "rolling green hills under a cloudy grey sky"; 268; 256
* ``gen256_foggy_coast``: "a rocky coastline with the sea in fog"; 61442; 256
* ``gen512_volcano_dusk``: "a volcano at dusk with a purple sky"; 2718; 512
* ``gen512_autumn_lake``: "autumn forest by a lake in the morning"; 14142; 512
* ``gen512_lone_tree``: "a wide plain with a lone tree under a clear blue sky"; 9049; 512

Generated images are cached as ``cache_f/<name>.npy`` next to this file (git-ignored).
``GENERATED_SHA256`` pins sha256 of each array's raw C-order bytes; a cache that does not
match is regenerated, and a regeneration that does not match only warns (torch versions
and thread counts can move a pixel). ``PHOTO_SHA256`` pins the photos the same way
(a warning only: JPEG decoders can differ between library versions).

ATTACKS (73; 71 without AVIF)
=============================

Conventions: fractions of a side are rounded to whole pixels (``round(f * side)``);
"cv2 X" is ``cv2.resize`` with ``INTER_X``; "PIL X" is Pillow ``Image.resize`` with
``Resampling.X``; JPEG is Pillow, ``optimize=False``, chroma subsampling 4:2:0 unless
stated; WebP is Pillow lossy, ``method=4``; AVIF is Pillow ``speed=6, max_threads=1``,
4:2:0. Rotations use ``cv2.warpAffine`` with INTER_CUBIC about the image centre,
positive = counter-clockwise as displayed; "same canvas" keeps H x W (corners leave the
frame), "expanded" grows the canvas to the rotated bounding box; "black" is a constant
0 border, "reflect" is BORDER_REFLECT_101; "cropfill" rotates on the same canvas and
then cuts the largest centred rectangle of the original aspect ratio that has no border
pixel (k = min(W / (W cos + H sin), H / (W sin + H cos)); floor(k W) - 2 by
floor(k H) - 2). Crops: ``crop(fx0, fy0, fw, fh)`` keeps x from round(fx0 W) for
round(fw W) pixels (the start clamped to W - width), likewise y. Padding fractions are of
the image's own height (top, bottom) and width (left, right). Noise is N(0, sigma) per
value from ``np.random.default_rng(seed)`` with a fixed seed, added, rounded and clipped.

Single attacks (58):

 1. ``none``                             a copy
 2. ``flip_h``                           mirror left-right
 3. ``flip_v``                           mirror top-bottom
 4. ``stretch_x1.073``                   width x1.073, height kept, cv2 CUBIC
 5. ``stretch_y0.887``                   height x0.887, width kept, cv2 AREA
 6. ``stretch_x0.913_y1.061``            width x0.913, height x1.061 (aspect -14%), cv2 LANCZOS4
 7. ``crop_center_95.3``                 crop((1-0.953)/2, same, 0.953, 0.953), no resize
 8. ``crop_center_82.7_resize``          centre 0.827 of each side, PIL BICUBIC back to H x W
 9. ``crop_off_77_topleftish``           crop(0.031, 0.187, 0.77, 0.77), no resize
10. ``crop_off_63.7_resize``             crop(0.29, 0.052, 0.637, 0.637), PIL LANCZOS back to H x W
11. ``crop_center_51.6_resize``          centre 0.516 of each side, cv2 CUBIC back to H x W
12. ``crop_off_90.4x66.1``               crop(0.058, 0.244, 0.904, 0.661), no resize
13. ``crop_corner_br_56.8``              crop(0.432, 0.432, 0.568, 0.568) (bottom-right), no resize
14. ``rotate_+1.3_black``                +1.3 deg, same canvas, black
15. ``rotate_-1.1_reflect``              -1.1 deg, same canvas, reflect
16. ``rotate_+4.6_reflect``              +4.6 deg, same canvas, reflect
17. ``rotate_+9.4_black_expand``         +9.4 deg, expanded canvas, black
18. ``rotate_-3.9_cropfill``             -3.9 deg cropfill, no resize
19. ``rotate_+7.3_cropfill_resize``      +7.3 deg cropfill, PIL LANCZOS back to H x W
20. ``pad_white_3.4``                    3.4% on every side, (255, 255, 255)
21. ``pad_black_11.7``                   11.7% on every side, (0, 0, 0)
22. ``pad_blue_19.3``                    19.3% on every side, (37, 112, 189)
23. ``pad_asym_cream``                   top 2.9%, bottom 14.1%, left 8.3%, right 1.7%,
                                         (241, 236, 222)
24. ``letterbox_16x9_black``             centred on a 16:9 canvas (pad the short direction; the
                                         extra pixel, if odd, goes right/bottom), black
25. ``letterbox_4x5_white``              same onto a 4:5 (portrait) canvas, white
26. ``jpeg_94_444``                      JPEG quality 94, 4:4:4
27. ``jpeg_83``                          JPEG 83
28. ``jpeg_69``                          JPEG 69
29. ``jpeg_48``                          JPEG 48
30. ``jpeg_31``                          JPEG 31
31. ``webp_88``                          WebP 88
32. ``webp_53``                          WebP 53
33. ``avif_71``                          AVIF 71 (only if Pillow has AVIF)
34. ``avif_48``                          AVIF 48 (only if Pillow has AVIF)
35. ``resize_0.41_area``                 x0.41 both sides, cv2 AREA
36. ``resize_0.57_linear``               x0.57, cv2 LINEAR (aliasing)
37. ``resize_0.73_lanczos``              x0.73, PIL LANCZOS
38. ``resize_1.27_bicubic``              x1.27, PIL BICUBIC
39. ``resize_1.73_nearest``              x1.73, cv2 NEAREST
40. ``resize_2.46_lanczos4``             x2.46, cv2 LANCZOS4
41. ``resize_long_1080``                 long side to 1080 (up or down), PIL LANCZOS
42. ``social_crop89.7_1080_jpeg75``      centre 0.897 of each side, long side to 1080 PIL
                                         BICUBIC, JPEG 75
43. ``messaging_0.62_jpeg58``            x0.62 cv2 AREA, JPEG 58
44. ``messaging_harsh_0.43_jpeg41_jpeg52`` x0.43 cv2 AREA, JPEG 41, decoded and re-saved JPEG 52
45. ``screenshot_desktop_0.787_png``     x0.787 cv2 LINEAR, pasted at (x=273, y=97) on a UI canvas
                                         (W+318) x (H+171) (scaled W, H): background
                                         (250, 250, 251), title bar rows 0..51 (53, 54, 58)
                                         with three dots, sidebar columns 0..231
                                         (231, 233, 237) with grey text bars, a dark caption
                                         bar under the image; PNG round trip (lossless)
46. ``screenshot_phone_jpeg87``          scaled to width 702 (cv2 AREA down / CUBIC up), pasted at
                                         (24, 140) on a 750 x (h+330) white chat canvas (status bar,
                                         header with avatar, text bars, bottom bar); JPEG 87
47. ``brightness_1.17``                  PIL ImageEnhance.Brightness 1.17
48. ``brightness_0.77``                  Brightness 0.77
49. ``contrast_1.31``                    ImageEnhance.Contrast 1.31
50. ``gamma_1.37``                       v -> round(255 (v/255)^1.37)
51. ``saturation_1.46``                  ImageEnhance.Color 1.46
52. ``greyscale``                        PIL convert("L") then back to RGB
53. ``blur_0.9``                         cv2.GaussianBlur sigma 0.9 (kernel from sigma), reflect-101
54. ``blur_1.8``                         GaussianBlur sigma 1.8
55. ``sharpen_unsharp_2.3_137_2``        PIL UnsharpMask(radius=2.3, percent=137, threshold=2)
56. ``median_3``                         cv2.medianBlur 3
57. ``noise_4.3``                        Gaussian noise sigma 4.3, seed 41177
58. ``noise_9.7``                        Gaussian noise sigma 9.7, seed 52283

Combinations (15), applied left to right:

59. ``flip_h+crop_center_87.4+jpeg_79``
60. ``rotate_+2.3_black+stretch_x1.058``      (same canvas; stretch cv2 CUBIC)
61. ``crop_off_81+stretch_y0.932+webp_77``    crop(0.143, 0.062, 0.81, 0.81); cv2 AREA
62. ``pad_white_8.6+rotate_-3.4_black``       (rotation on the padded, same canvas)
63. ``crop_center_60.3+jpeg_49``              (no resize)
64. ``resize_0.71_area+sharpen+jpeg_68``      UnsharpMask(radius=1.4, percent=90, threshold=3)
65. ``flip_v+rotate_+5.2_reflect``
66. ``brightness_1.12+contrast_0.88+jpeg_81``
67. ``crop_center_74.2_resize+noise_5.1``     PIL BICUBIC back to H x W; noise seed 60911
68. ``blur_1.2+resize_0.66_linear+webp_63``
69. ``greyscale+jpeg_57``
70. ``stretch_x0.921+crop_off_85+jpeg_64``    cv2 CUBIC; crop(0.021, 0.117, 0.85, 0.85)
71. ``rotate_-1.7_cropfill+resize_long_1080+jpeg_77``  (PIL LANCZOS)
72. ``gamma_0.78+saturation_0.63+webp_82``
73. ``pad_black_6.2+resize_back_area+jpeg_88``  pad 6.2% every side, cv2 AREA back to H x W

UNMARKED
========

Item i: ``rng = np.random.default_rng([seed, i])``; ``u = rng.random()``.

* u < 0.64: natural photo near 512 (45%: exactly 512x512; else H, W each uniform in
  448..576). 0.64 <= u < 0.72: natural photo of H, W each uniform in 256..1024. So about 72%
  photos, about 64% near 512.
  A photo item takes one of 21 shipped sources (astronaut, camera, coffee, chelsea, china,
  flower, rocket, motorcycle_left, motorcycle_right, hubble_deep_field, retina, ihc, grass,
  gravel, brick, moon, coins, cell, clock_motion, page, text), a random crop (size 0.3..1.0 of
  the limiting side, the target aspect ratio jittered by x0.93..1.07, random position), then
  with probabilities: h-flip 0.5, v-flip 0.08, rotation 0.2 (-12..12 deg, reflect or black),
  resize to the target (cv2 AREA/LINEAR/CUBIC/LANCZOS4 at random), colour change 0.45
  (brightness 0.7..1.3, contrast 0.75..1.3, gamma 0.7..1.4, saturation 0.5..1.5, each with
  p 0.5), greyscale 0.05, blur 0.07 (sigma 0.4..1.6), sharpen 0.05 (UnsharpMask 1.8, 110, 2),
  noise 0.12 (sigma 0.8..6), then JPEG 0.5 (quality 35..97) else WebP 0.1 (quality 50..95).
* otherwise a synthetic image, H, W each uniform in 256..1024 (square with p 0.35), of a
  kind drawn uniformly from: gaussian noise, uniform noise, flat colour, near-flat (flat +
  sigma 0.3..3 noise + faint gradient), linear or radial gradient, low-resolution
  procedural landscape (sky gradient, sun, ridges, ground, optional water, trees) drawn at
  24..64 px wide and enlarged with Lanczos (like the built-in model), the same landscape
  drawn at full size, smooth random field (4..48 px grid enlarged cubic, optional grain),
  random anti-aliased shapes, stripes/checkers (period 2..40); 30% of synthetic items
  are then JPEG re-encoded (quality 50..95). The generator is never called here.

EDGE CASES (arrays, all uint8 with three channels)
==================================================

1x1, 2x2, 16x16 noise, 63x200 (H x W) photo, 200x63 photo, 1x777 strip, 777x1 strip,
3x1024 strip, 120x5000 strip, 3000x4000 (H x W) huge photo (china enlarged cv2 CUBIC),
flat black 512, flat white 512, flat grey 128 300x451, flat (201, 77, 13) 257x263,
1-px black/white checkerboard 512, 2-px colour checkerboard 384, 1-px vertical stripes
512, low-contrast 1-px checkerboard (127/128) 256, uniform noise 512, gaussian noise
768x1024, a non-contiguous strided view (``photo[::2, 1::2]`` of a 1024 photo), a
negative-stride view (``photo[::-1, ::-1]``), a Fortran-ordered copy, a channel view of an
RGBA array (``rgba[..., :3]``), a read-only array, an array whose values are all 0 or 255
(a thresholded photo), a 513x511 odd-sized photo.

EDGE CASE FILES (bytes)
=======================

16-bit RGB PNG (cv2), 16-bit greyscale PNG, RGBA PNG with transparency (alpha gradient +
a fully transparent block with colour underneath), LA PNG, palette PNG with a transparent
index, 1-bit PNG, greyscale JPEG, CMYK JPEG, progressive JPEG, JPEG with EXIF orientation 6,
WebP lossless, WebP with alpha, BMP, TIFF, animated GIF (4 frames), truncated PNG (57%),
truncated JPEG (43%), PNG header only (signature + IHDR), zero bytes, 4096 random bytes,
plain text, PNG whose IHDR claims 100000x100000, JPEG whose SOF claims 65500x65500, PNG with
a corrupted IDAT CRC, a 1x1 PNG.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import math
import struct
import warnings
import zlib
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PIL import Image, ImageEnhance, ImageFilter, features

ROUND = "2026-12-06f"
CACHE_DIR = Path(__file__).resolve().parent / "cache_f"

__all__ = [
    "ROUND",
    "GENERATED_SHA256",
    "PHOTO_SHA256",
    "images",
    "attacks",
    "unmarked",
    "edge_cases",
    "edge_case_files",
]

# ----------------------------------------------------------------------------- sources

_SOURCES: dict[str, tuple[str, str]] = {
    "astronaut": ("skimage", "data/astronaut.png"),
    "camera": ("skimage", "data/camera.png"),
    "coffee": ("skimage", "data/coffee.png"),
    "chelsea": ("skimage", "data/chelsea.png"),
    "rocket": ("skimage", "data/rocket.jpg"),
    "motorcycle_left": ("skimage", "data/motorcycle_left.png"),
    "motorcycle_right": ("skimage", "data/motorcycle_right.png"),
    "hubble": ("skimage", "data/hubble_deep_field.jpg"),
    "retina": ("skimage", "data/retina.jpg"),
    "ihc": ("skimage", "data/ihc.png"),
    "grass": ("skimage", "data/grass.png"),
    "gravel": ("skimage", "data/gravel.png"),
    "brick": ("skimage", "data/brick.png"),
    "moon": ("skimage", "data/moon.png"),
    "coins": ("skimage", "data/coins.png"),
    "cell": ("skimage", "data/cell.png"),
    "clock_motion": ("skimage", "data/clock_motion.png"),
    "page": ("skimage", "data/page.png"),
    "text": ("skimage", "data/text.png"),
    "china": ("sklearn", "datasets/images/china.jpg"),
    "flower": ("sklearn", "datasets/images/flower.jpg"),
}


def _package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            f"{package} is not installed; this held-out set reads photos shipped with "
            "scikit-image and scikit-learn (pip install -e '.[test]')"
        )
    return Path(list(spec.submodule_search_locations)[0])


@cache
def _source(name: str) -> np.ndarray:
    """A shipped photo as read-only C-contiguous uint8 RGB (greyscale replicated)."""
    package, relative = _SOURCES[name]
    with Image.open(_package_dir(package) / relative) as im:
        im.load()
        rgb = np.array(im.convert("RGB"), dtype=np.uint8)
    rgb = np.ascontiguousarray(rgb)
    rgb.setflags(write=False)
    return rgb


def _sha(a: np.ndarray) -> str:
    return hashlib.sha256(np.ascontiguousarray(a).tobytes()).hexdigest()


def _pil(a: np.ndarray) -> Image.Image:
    return Image.fromarray(np.ascontiguousarray(a, dtype=np.uint8))


def _arr(im: Image.Image) -> np.ndarray:
    return np.ascontiguousarray(np.array(im.convert("RGB"), dtype=np.uint8))


def _lanczos(a: np.ndarray, width: int, height: int) -> np.ndarray:
    return _arr(_pil(a).resize((width, height), Image.Resampling.LANCZOS))


# ----------------------------------------------------------------------------- images

# name, class, source, box (x0, y0, x1, y1) or None for the whole image, (width, height)
_PHOTOS: list[tuple[str, str, str, tuple[int, int, int, int] | None, tuple[int, int]]] = [
    ("photo512_astronaut", "photo512", "astronaut", None, (512, 512)),
    ("photo512_chelsea", "photo512", "chelsea", (96, 0, 396, 300), (512, 512)),
    ("photo512_china", "photo512", "china", (176, 0, 603, 427), (512, 512)),
    ("photo512_rocket", "photo512", "rocket", (107, 0, 534, 427), (512, 512)),
    ("photo512_hubble", "photo512", "hubble", (243, 181, 755, 693), (512, 512)),
    ("photo512_ihc", "photo512", "ihc", None, (512, 512)),
    ("photo512_grass", "photo512", "grass", None, (512, 512)),
    ("photo512_flower", "photo512", "flower", (97, 0, 524, 427), (512, 512)),
    ("photo1024_retina", "photo1024", "retina", None, (1024, 1024)),
    ("photo1024_motorcycle", "photo1024", "motorcycle_left", (171, 0, 671, 500), (1024, 1024)),
    ("photo1024_coffee", "photo1024", "coffee", (160, 0, 560, 400), (1024, 1024)),
    ("wide_768x512_motorcycle", "wide", "motorcycle_right", (0, 3, 741, 497), (768, 512)),
    ("tall_512x900_rocket", "wide", "rocket", (199, 0, 442, 427), (512, 900)),
]

# name, class, prompt, seed, side
_GENERATED: list[tuple[str, str, str, int, int]] = [
    ("gen256_snowy_dawn", "generated256", "a snowy mountain range at dawn under a pink sky",
     1187, 256),
    ("gen256_lake_pines", "generated256", "a calm lake surrounded by pine forest at noon",
     40213, 256),
    ("gen256_dunes_sunset", "generated256", "desert dunes at sunset with an orange sky",
     90817, 256),
    ("gen256_moonlit_river", "generated256", "a moonlit valley with a river at night",
     5531, 256),
    ("gen256_grey_hills", "generated256", "rolling green hills under a cloudy grey sky",
     268, 256),
    ("gen256_foggy_coast", "generated256", "a rocky coastline with the sea in fog",
     61442, 256),
    ("gen512_volcano_dusk", "generated512", "a volcano at dusk with a purple sky", 2718, 512),
    ("gen512_autumn_lake", "generated512", "autumn forest by a lake in the morning", 14142, 512),
    ("gen512_lone_tree", "generated512", "a wide plain with a lone tree under a clear blue sky",
     9049, 512),
]

GENERATED_SHA256: dict[str, str] = {
    "gen256_snowy_dawn": "4515a637db86016f2e374c06ab97578634a72ed5f067c9444f0ab5c97edd7cf7",
    "gen256_lake_pines": "3b3167c2fb9066b80fe788fc6d3f47ceed6dfda8585d625a528b8060a96781e2",
    "gen256_dunes_sunset": "fe9c112d3167d304169cc7724ef2a44b5b46b467c4326f115c1b28b4775cf33e",
    "gen256_moonlit_river": "442ceb028fc3e1f8fd6395d7647b03edf49b41dd3ebcc84c94c495c699707d2a",
    "gen256_grey_hills": "5bd952d92fd399a44246efdb4add666adf96ec00443bdec8c5005fc2bbd004d3",
    "gen256_foggy_coast": "500ae6de2cd424bfdb314d4f8f3b32120c4b8c3e71c514abae314b5871d4091c",
    "gen512_volcano_dusk": "d73f8c80d3fe4cde8f9aa9ce18fd60251b51070caa6d11cdc6878c59de7629bd",
    "gen512_autumn_lake": "ac0614c3a548e4ae1828538ccbfd2c0441ffee986c2f8aba5b4616332f3f92d2",
    "gen512_lone_tree": "f2b3479007d3b68735aca0de68834615100216ac4efcfabb981de9e0514d71c9",
}
"""sha256 of each generated array's raw C-order bytes (pinned when this file was written)."""

PHOTO_SHA256: dict[str, str] = {
    "photo512_astronaut": "a8c429c18afa7b0fd5673e598d73a21225d94c864a71bbb3885126fdecb41071",
    "photo512_chelsea": "147a4fb7fd57de972a8b592b5eb0f7768f85e9194b159076d7066aa2ce56ee14",
    "photo512_china": "e98cc455045f0fda99dffc43c29b8fec3abf309951c1b54f7badc95ca651a47f",
    "photo512_rocket": "72ce25ecefe33018000d5e421a609943c8759675a725cbca301d4ca27a02b975",
    "photo512_hubble": "a1e9973715371d397f186797334f5d9f9605e69d5b54a332c7efc5bb477021a4",
    "photo512_ihc": "c5b3ef509a92f16d4c29be8cf0300fe75d53e13a3ce650159db932caea8dcc1b",
    "photo512_grass": "c7ca5c984d6b5a2787506e70a42bcac22b164b00e8e1cf9e06cf76b8110c5734",
    "photo512_flower": "dbf1100f0aab77e137eb474330bd9ac9c472fe14d0052b6949520573f28717a1",
    "photo1024_retina": "8a89490dba92b75e61903bb6e6649e79c027d35f2ab3988a1c352e095601b860",
    "photo1024_motorcycle": "309f04fa4a70a3e7d132959f2f96df0c769db61e36e79976c3388ac23eecd465",
    "photo1024_coffee": "6e8ec8f886c086d503246e1777c5e2835a39bcea1044aa76ef59167e14f140f0",
    "wide_768x512_motorcycle": "04dc3d092bdeb94985d161ac045a095609bb218c26fe982bd327f6be79789fb0",
    "tall_512x900_rocket": "0c4fd8e269aa8d60a3aa19df62fec4985d913dc62fa1c867e6a150bb17a1bb99",
}
"""sha256 of each photo array's raw C-order bytes (pinned when this file was written)."""


def _photo(spec: tuple[str, str, str, tuple[int, int, int, int] | None, tuple[int, int]]
           ) -> np.ndarray:
    name, _cls, source, box, (width, height) = spec
    a = _source(source)
    if box is not None:
        x0, y0, x1, y1 = box
        a = a[y0:y1, x0:x1]
    if a.shape[1] != width or a.shape[0] != height:
        a = _lanczos(a, width, height)
    out = np.array(a, dtype=np.uint8, order="C")  # always a fresh writable copy
    pinned = PHOTO_SHA256.get(name)
    if pinned and _sha(out) != pinned:
        warnings.warn(
            f"{ROUND}: photo {name} differs from the pinned sha256 (a decoder or resampler "
            "version changed?)",
            stacklevel=3,
        )
    return out


_BACKEND: list[Any] = []


def _backend() -> Any:
    if not _BACKEND:
        try:
            from safegen.backends.builtin import BuiltinBackend
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise RuntimeError(
                "generating the held-out images needs the `generate` extra (torch ...); "
                f"or copy the cached arrays into {CACHE_DIR}: {exc}"
            ) from exc
        _BACKEND.append(BuiltinBackend())
    return _BACKEND[0]


def _generate(prompt: str, seed: int, side: int) -> np.ndarray:
    from safegen.backends.base import BackendRequest

    request = BackendRequest(
        prompt=prompt, negative_prompt=None, seeds=(seed,), width=side, height=side
    )
    image = _backend().generate(request)[0]
    return _arr(image)


def _generated(spec: tuple[str, str, str, int, int]) -> np.ndarray:
    name, _cls, prompt, seed, side = spec
    pinned = GENERATED_SHA256.get(name)
    path = CACHE_DIR / f"{name}.npy"
    if path.is_file():
        try:
            cached = np.load(path, allow_pickle=False)
        except (OSError, ValueError):
            cached = None
        if (
            cached is not None
            and cached.dtype == np.uint8
            and cached.shape == (side, side, 3)
            and (pinned is None or _sha(cached) == pinned)
        ):
            return np.array(cached, dtype=np.uint8, order="C")
    rgb = _generate(prompt, seed, side)
    if rgb.shape != (side, side, 3):
        raise RuntimeError(f"{name}: the generator returned {rgb.shape}, not {(side, side, 3)}")
    if pinned is not None and _sha(rgb) != pinned:
        warnings.warn(
            f"{ROUND}: regenerated {name} differs from its pinned sha256 (torch version or "
            "thread count?); using the regenerated image",
            stacklevel=3,
        )
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp.npy")
        np.save(tmp, rgb, allow_pickle=False)
        tmp.replace(path)
    except OSError as exc:  # a read-only checkout still works, just slower
        warnings.warn(f"{ROUND}: cannot cache {name}: {exc}", stacklevel=3)
    return np.array(rgb, dtype=np.uint8, order="C")


def images() -> list[tuple[str, str, np.ndarray]]:
    """The 22 held-out images: (name, image_class, C-contiguous uint8 RGB)."""
    out: list[tuple[str, str, np.ndarray]] = []
    for spec in _PHOTOS:
        out.append((spec[0], spec[1], _photo(spec)))
    for gspec in _GENERATED:
        out.append((gspec[0], gspec[1], _generated(gspec)))
    return out


# ----------------------------------------------------------------------------- primitives

_CV = {
    "nearest": cv2.INTER_NEAREST,
    "linear": cv2.INTER_LINEAR,
    "cubic": cv2.INTER_CUBIC,
    "area": cv2.INTER_AREA,
    "lanczos4": cv2.INTER_LANCZOS4,
}
_PILR = {
    "bilinear": Image.Resampling.BILINEAR,
    "bicubic": Image.Resampling.BICUBIC,
    "lanczos": Image.Resampling.LANCZOS,
}


def _resize_to(a: np.ndarray, width: int, height: int, how: str) -> np.ndarray:
    width, height = max(1, int(width)), max(1, int(height))
    if how in _CV:
        return np.ascontiguousarray(
            cv2.resize(np.ascontiguousarray(a), (width, height), interpolation=_CV[how])
        )
    return _arr(_pil(a).resize((width, height), _PILR[how]))


def _scale(a: np.ndarray, sx: float, sy: float, how: str) -> np.ndarray:
    h, w = a.shape[:2]
    return _resize_to(a, round(w * sx), round(h * sy), how)


def _crop(a: np.ndarray, fx0: float, fy0: float, fw: float, fh: float) -> np.ndarray:
    h, w = a.shape[:2]
    x0, y0 = round(fx0 * w), round(fy0 * h)
    cw, ch = max(1, round(fw * w)), max(1, round(fh * h))
    x0, y0 = min(x0, w - cw), min(y0, h - ch)
    return np.ascontiguousarray(a[y0 : y0 + ch, x0 : x0 + cw])


def _crop_center(a: np.ndarray, f: float) -> np.ndarray:
    return _crop(a, (1 - f) / 2, (1 - f) / 2, f, f)


def _rotate(a: np.ndarray, degrees: float, border: str, expand: bool = False) -> np.ndarray:
    h, w = a.shape[:2]
    matrix = cv2.getRotationMatrix2D(((w - 1) / 2.0, (h - 1) / 2.0), degrees, 1.0)
    out_w, out_h = w, h
    if expand:
        c, s = abs(math.cos(math.radians(degrees))), abs(math.sin(math.radians(degrees)))
        out_w, out_h = math.ceil(w * c + h * s), math.ceil(w * s + h * c)
        matrix[0, 2] += (out_w - 1) / 2.0 - (w - 1) / 2.0
        matrix[1, 2] += (out_h - 1) / 2.0 - (h - 1) / 2.0
    mode = cv2.BORDER_REFLECT_101 if border == "reflect" else cv2.BORDER_CONSTANT
    out = cv2.warpAffine(
        np.ascontiguousarray(a), matrix, (out_w, out_h), flags=cv2.INTER_CUBIC,
        borderMode=mode, borderValue=(0, 0, 0),
    )
    return np.ascontiguousarray(out)


def _rotate_cropfill(a: np.ndarray, degrees: float) -> np.ndarray:
    h, w = a.shape[:2]
    rotated = _rotate(a, degrees, "black")
    c, s = abs(math.cos(math.radians(degrees))), abs(math.sin(math.radians(degrees)))
    k = min(w / (w * c + h * s), h / (w * s + h * c))
    cw, ch = max(1, math.floor(k * w) - 2), max(1, math.floor(k * h) - 2)
    x0, y0 = (w - cw) // 2, (h - ch) // 2
    return np.ascontiguousarray(rotated[y0 : y0 + ch, x0 : x0 + cw])


def _pad(a: np.ndarray, top: float, bottom: float, left: float, right: float,
         colour: tuple[int, int, int]) -> np.ndarray:
    h, w = a.shape[:2]
    t, b, lft, r = round(top * h), round(bottom * h), round(left * w), round(right * w)
    value = tuple(int(v) for v in colour)
    out = cv2.copyMakeBorder(
        np.ascontiguousarray(a), t, b, lft, r, cv2.BORDER_CONSTANT, value=value
    )
    return np.ascontiguousarray(out)


def _letterbox(a: np.ndarray, aw: int, ah: int, colour: tuple[int, int, int]) -> np.ndarray:
    h, w = a.shape[:2]
    target = aw / ah
    if w / h < target:
        new_w, new_h = round(h * target), h
    else:
        new_w, new_h = w, round(w / target)
    left, top = (new_w - w) // 2, (new_h - h) // 2
    out = np.empty((new_h, new_w, 3), dtype=np.uint8)
    out[:] = np.array(colour, dtype=np.uint8)
    out[top : top + h, left : left + w] = a
    return out


def _jpeg(a: np.ndarray, quality: int, subsampling: int = 2, **kw: Any) -> np.ndarray:
    buf = io.BytesIO()
    _pil(a).save(buf, "JPEG", quality=quality, subsampling=subsampling, optimize=False, **kw)
    with Image.open(io.BytesIO(buf.getvalue())) as im:
        return _arr(im)


def _webp(a: np.ndarray, quality: int) -> np.ndarray:
    buf = io.BytesIO()
    _pil(a).save(buf, "WEBP", quality=quality, method=4, lossless=False)
    with Image.open(io.BytesIO(buf.getvalue())) as im:
        return _arr(im)


def _avif(a: np.ndarray, quality: int) -> np.ndarray:
    buf = io.BytesIO()
    _pil(a).save(buf, "AVIF", quality=quality, speed=6, max_threads=1, subsampling="4:2:0")
    with Image.open(io.BytesIO(buf.getvalue())) as im:
        return _arr(im)


def _png_roundtrip(a: np.ndarray) -> np.ndarray:
    buf = io.BytesIO()
    _pil(a).save(buf, "PNG")
    with Image.open(io.BytesIO(buf.getvalue())) as im:
        return _arr(im)


def _enhance(a: np.ndarray, kind: str, factor: float) -> np.ndarray:
    enhancer = {
        "brightness": ImageEnhance.Brightness,
        "contrast": ImageEnhance.Contrast,
        "saturation": ImageEnhance.Color,
    }[kind]
    return _arr(enhancer(_pil(a)).enhance(factor))


def _gamma(a: np.ndarray, g: float) -> np.ndarray:
    lut = np.clip(np.round(255.0 * (np.arange(256) / 255.0) ** g), 0, 255).astype(np.uint8)
    return np.ascontiguousarray(lut[a])


def _grey(a: np.ndarray) -> np.ndarray:
    return _arr(_pil(a).convert("L"))


def _blur(a: np.ndarray, sigma: float) -> np.ndarray:
    return np.ascontiguousarray(
        cv2.GaussianBlur(np.ascontiguousarray(a), (0, 0), sigmaX=sigma, sigmaY=sigma,
                         borderType=cv2.BORDER_REFLECT_101)
    )


def _unsharp(a: np.ndarray, radius: float, percent: int, threshold: int) -> np.ndarray:
    return _arr(_pil(a).filter(ImageFilter.UnsharpMask(radius=radius, percent=percent,
                                                       threshold=threshold)))


def _median(a: np.ndarray, k: int) -> np.ndarray:
    return np.ascontiguousarray(cv2.medianBlur(np.ascontiguousarray(a), k))


def _noise(a: np.ndarray, sigma: float, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    noisy = a.astype(np.float64) + rng.normal(0.0, sigma, a.shape)
    return np.ascontiguousarray(np.clip(np.round(noisy), 0, 255).astype(np.uint8))


def _resize_long(a: np.ndarray, side: int, how: str) -> np.ndarray:
    h, w = a.shape[:2]
    s = side / max(h, w)
    return _resize_to(a, round(w * s), round(h * s), how)


def _screenshot_desktop(a: np.ndarray) -> np.ndarray:
    small = _scale(a, 0.787, 0.787, "linear")
    sh, sw = small.shape[:2]
    width, height = sw + 318, sh + 171
    canvas = np.empty((height, width, 3), dtype=np.uint8)
    canvas[:] = (250, 250, 251)
    canvas[:52] = (53, 54, 58)
    for x, colour in ((20, (237, 106, 94)), (40, (245, 191, 79)), (60, (98, 197, 84))):
        cv2.circle(canvas, (x, 26), 6, colour, -1, cv2.LINE_AA)
    canvas[52:, :232] = (231, 233, 237)
    k = 0
    while 52 + 30 + k * 34 + 9 < height - 20:
        y = 52 + 30 + k * 34
        canvas[y : y + 9, 24 : 24 + 120 + 37 * (k % 3)] = (176, 180, 188)
        k += 1
    canvas[97 : 97 + sh, 273 : 273 + sw] = small
    y = 97 + sh + 22
    if y + 10 <= height:
        canvas[y : y + 10, 273 : 273 + min(sw, 300)] = (70, 72, 78)
    return _png_roundtrip(canvas)


def _screenshot_phone(a: np.ndarray) -> np.ndarray:
    h, w = a.shape[:2]
    s = 702 / w
    small = _resize_to(a, 702, round(h * s), "area" if s < 1 else "cubic")
    sh = small.shape[0]
    height = 140 + sh + 190
    canvas = np.full((height, 750, 3), 255, dtype=np.uint8)
    canvas[:44] = (248, 248, 248)
    canvas[14:30, 30:84] = (20, 20, 20)
    canvas[14:30, 640:720] = (20, 20, 20)
    canvas[44:140] = (242, 242, 247)
    cv2.circle(canvas, (70, 92), 30, (120, 150, 200), -1, cv2.LINE_AA)
    canvas[80:96, 120:330] = (40, 40, 45)
    canvas[140 : 140 + sh, 24 : 24 + 702] = small
    canvas[140 + sh + 20 : 140 + sh + 36, 24:520] = (60, 60, 66)
    canvas[140 + sh + 48 : 140 + sh + 64, 24:380] = (60, 60, 66)
    canvas[height - 90 :] = (248, 248, 248)
    canvas[height - 70 : height - 30, 24:620] = (226, 226, 232)
    return _jpeg(canvas, 87)


def _chain(*fns: Callable[[np.ndarray], np.ndarray]) -> Callable[[np.ndarray], np.ndarray]:
    def run(a: np.ndarray) -> np.ndarray:
        for fn in fns:
            a = fn(a)
        return a

    return run


def _checked(fn: Callable[[np.ndarray], np.ndarray]) -> Callable[[np.ndarray], np.ndarray]:
    def attack(rgb: np.ndarray) -> np.ndarray:
        rgb = np.asarray(rgb)
        if rgb.dtype != np.uint8 or rgb.ndim != 3 or rgb.shape[2] != 3:
            raise ValueError(f"an attack takes uint8 RGB (H, W, 3), not {rgb.dtype} {rgb.shape}")
        out = fn(np.ascontiguousarray(rgb))
        out = np.ascontiguousarray(out, dtype=np.uint8)
        if np.shares_memory(out, rgb):
            out = out.copy()
        if out.ndim != 3 or out.shape[2] != 3 or out.shape[0] < 16 or out.shape[1] < 16:
            raise ValueError(f"attack output {out.shape} is not RGB at least 16x16")
        return out

    return attack


# ----------------------------------------------------------------------------- attacks


def attacks() -> list[tuple[str, Callable[[np.ndarray], np.ndarray]]]:
    """The attacks, in the docstring's order; the first is ``none``."""
    def crop_back(fx0: float, fy0: float, fw: float, fh: float, how: str
                  ) -> Callable[[np.ndarray], np.ndarray]:
        def run(a: np.ndarray) -> np.ndarray:
            h, w = a.shape[:2]
            return _resize_to(_crop(a, fx0, fy0, fw, fh), w, h, how)

        return run

    def center_back(f: float, how: str) -> Callable[[np.ndarray], np.ndarray]:
        return crop_back((1 - f) / 2, (1 - f) / 2, f, f, how)

    def cropfill_back(degrees: float) -> Callable[[np.ndarray], np.ndarray]:
        def run(a: np.ndarray) -> np.ndarray:
            h, w = a.shape[:2]
            return _resize_to(_rotate_cropfill(a, degrees), w, h, "lanczos")

        return run

    def pad_back(f: float, colour: tuple[int, int, int], how: str
                 ) -> Callable[[np.ndarray], np.ndarray]:
        def run(a: np.ndarray) -> np.ndarray:
            h, w = a.shape[:2]
            return _resize_to(_pad(a, f, f, f, f, colour), w, h, how)

        return run

    white, black = (255, 255, 255), (0, 0, 0)
    items: list[tuple[str, Callable[[np.ndarray], np.ndarray]]] = [
        ("none", lambda a: a.copy()),
        ("flip_h", lambda a: a[:, ::-1]),
        ("flip_v", lambda a: a[::-1]),
        ("stretch_x1.073", lambda a: _scale(a, 1.073, 1.0, "cubic")),
        ("stretch_y0.887", lambda a: _scale(a, 1.0, 0.887, "area")),
        ("stretch_x0.913_y1.061", lambda a: _scale(a, 0.913, 1.061, "lanczos4")),
        ("crop_center_95.3", lambda a: _crop_center(a, 0.953)),
        ("crop_center_82.7_resize", center_back(0.827, "bicubic")),
        ("crop_off_77_topleftish", lambda a: _crop(a, 0.031, 0.187, 0.77, 0.77)),
        ("crop_off_63.7_resize", crop_back(0.29, 0.052, 0.637, 0.637, "lanczos")),
        ("crop_center_51.6_resize", center_back(0.516, "cubic")),
        ("crop_off_90.4x66.1", lambda a: _crop(a, 0.058, 0.244, 0.904, 0.661)),
        ("crop_corner_br_56.8", lambda a: _crop(a, 0.432, 0.432, 0.568, 0.568)),
        ("rotate_+1.3_black", lambda a: _rotate(a, 1.3, "black")),
        ("rotate_-1.1_reflect", lambda a: _rotate(a, -1.1, "reflect")),
        ("rotate_+4.6_reflect", lambda a: _rotate(a, 4.6, "reflect")),
        ("rotate_+9.4_black_expand", lambda a: _rotate(a, 9.4, "black", expand=True)),
        ("rotate_-3.9_cropfill", lambda a: _rotate_cropfill(a, -3.9)),
        ("rotate_+7.3_cropfill_resize", cropfill_back(7.3)),
        ("pad_white_3.4", lambda a: _pad(a, 0.034, 0.034, 0.034, 0.034, white)),
        ("pad_black_11.7", lambda a: _pad(a, 0.117, 0.117, 0.117, 0.117, black)),
        ("pad_blue_19.3", lambda a: _pad(a, 0.193, 0.193, 0.193, 0.193, (37, 112, 189))),
        ("pad_asym_cream", lambda a: _pad(a, 0.029, 0.141, 0.083, 0.017, (241, 236, 222))),
        ("letterbox_16x9_black", lambda a: _letterbox(a, 16, 9, black)),
        ("letterbox_4x5_white", lambda a: _letterbox(a, 4, 5, white)),
        ("jpeg_94_444", lambda a: _jpeg(a, 94, subsampling=0)),
        ("jpeg_83", lambda a: _jpeg(a, 83)),
        ("jpeg_69", lambda a: _jpeg(a, 69)),
        ("jpeg_48", lambda a: _jpeg(a, 48)),
        ("jpeg_31", lambda a: _jpeg(a, 31)),
        ("webp_88", lambda a: _webp(a, 88)),
        ("webp_53", lambda a: _webp(a, 53)),
    ]
    if features.check("avif"):
        items += [
            ("avif_71", lambda a: _avif(a, 71)),
            ("avif_48", lambda a: _avif(a, 48)),
        ]
    items += [
        ("resize_0.41_area", lambda a: _scale(a, 0.41, 0.41, "area")),
        ("resize_0.57_linear", lambda a: _scale(a, 0.57, 0.57, "linear")),
        ("resize_0.73_lanczos", lambda a: _scale(a, 0.73, 0.73, "lanczos")),
        ("resize_1.27_bicubic", lambda a: _scale(a, 1.27, 1.27, "bicubic")),
        ("resize_1.73_nearest", lambda a: _scale(a, 1.73, 1.73, "nearest")),
        ("resize_2.46_lanczos4", lambda a: _scale(a, 2.46, 2.46, "lanczos4")),
        ("resize_long_1080", lambda a: _resize_long(a, 1080, "lanczos")),
        (
            "social_crop89.7_1080_jpeg75",
            _chain(lambda a: _crop_center(a, 0.897), lambda a: _resize_long(a, 1080, "bicubic"),
                   lambda a: _jpeg(a, 75)),
        ),
        (
            "messaging_0.62_jpeg58",
            _chain(lambda a: _scale(a, 0.62, 0.62, "area"), lambda a: _jpeg(a, 58)),
        ),
        (
            "messaging_harsh_0.43_jpeg41_jpeg52",
            _chain(lambda a: _scale(a, 0.43, 0.43, "area"), lambda a: _jpeg(a, 41),
                   lambda a: _jpeg(a, 52)),
        ),
        ("screenshot_desktop_0.787_png", _screenshot_desktop),
        ("screenshot_phone_jpeg87", _screenshot_phone),
        ("brightness_1.17", lambda a: _enhance(a, "brightness", 1.17)),
        ("brightness_0.77", lambda a: _enhance(a, "brightness", 0.77)),
        ("contrast_1.31", lambda a: _enhance(a, "contrast", 1.31)),
        ("gamma_1.37", lambda a: _gamma(a, 1.37)),
        ("saturation_1.46", lambda a: _enhance(a, "saturation", 1.46)),
        ("greyscale", _grey),
        ("blur_0.9", lambda a: _blur(a, 0.9)),
        ("blur_1.8", lambda a: _blur(a, 1.8)),
        ("sharpen_unsharp_2.3_137_2", lambda a: _unsharp(a, 2.3, 137, 2)),
        ("median_3", lambda a: _median(a, 3)),
        ("noise_4.3", lambda a: _noise(a, 4.3, 41177)),
        ("noise_9.7", lambda a: _noise(a, 9.7, 52283)),
        # ---- combinations
        (
            "flip_h+crop_center_87.4+jpeg_79",
            _chain(lambda a: a[:, ::-1], lambda a: _crop_center(a, 0.874), lambda a: _jpeg(a, 79)),
        ),
        (
            "rotate_+2.3_black+stretch_x1.058",
            _chain(lambda a: _rotate(a, 2.3, "black"), lambda a: _scale(a, 1.058, 1.0, "cubic")),
        ),
        (
            "crop_off_81+stretch_y0.932+webp_77",
            _chain(lambda a: _crop(a, 0.143, 0.062, 0.81, 0.81),
                   lambda a: _scale(a, 1.0, 0.932, "area"), lambda a: _webp(a, 77)),
        ),
        (
            "pad_white_8.6+rotate_-3.4_black",
            _chain(lambda a: _pad(a, 0.086, 0.086, 0.086, 0.086, white),
                   lambda a: _rotate(a, -3.4, "black")),
        ),
        (
            "crop_center_60.3+jpeg_49",
            _chain(lambda a: _crop_center(a, 0.603), lambda a: _jpeg(a, 49)),
        ),
        (
            "resize_0.71_area+sharpen+jpeg_68",
            _chain(lambda a: _scale(a, 0.71, 0.71, "area"), lambda a: _unsharp(a, 1.4, 90, 3),
                   lambda a: _jpeg(a, 68)),
        ),
        (
            "flip_v+rotate_+5.2_reflect",
            _chain(lambda a: a[::-1], lambda a: _rotate(a, 5.2, "reflect")),
        ),
        (
            "brightness_1.12+contrast_0.88+jpeg_81",
            _chain(lambda a: _enhance(a, "brightness", 1.12),
                   lambda a: _enhance(a, "contrast", 0.88), lambda a: _jpeg(a, 81)),
        ),
        (
            "crop_center_74.2_resize+noise_5.1",
            _chain(center_back(0.742, "bicubic"), lambda a: _noise(a, 5.1, 60911)),
        ),
        (
            "blur_1.2+resize_0.66_linear+webp_63",
            _chain(lambda a: _blur(a, 1.2), lambda a: _scale(a, 0.66, 0.66, "linear"),
                   lambda a: _webp(a, 63)),
        ),
        ("greyscale+jpeg_57", _chain(_grey, lambda a: _jpeg(a, 57))),
        (
            "stretch_x0.921+crop_off_85+jpeg_64",
            _chain(lambda a: _scale(a, 0.921, 1.0, "cubic"),
                   lambda a: _crop(a, 0.021, 0.117, 0.85, 0.85), lambda a: _jpeg(a, 64)),
        ),
        (
            "rotate_-1.7_cropfill+resize_long_1080+jpeg_77",
            _chain(lambda a: _rotate_cropfill(a, -1.7),
                   lambda a: _resize_long(a, 1080, "lanczos"), lambda a: _jpeg(a, 77)),
        ),
        (
            "gamma_0.78+saturation_0.63+webp_82",
            _chain(lambda a: _gamma(a, 0.78), lambda a: _enhance(a, "saturation", 0.63),
                   lambda a: _webp(a, 82)),
        ),
        (
            "pad_black_6.2+resize_back_area+jpeg_88",
            _chain(pad_back(0.062, black, "area"), lambda a: _jpeg(a, 88)),
        ),
    ]
    return [(name, _checked(fn)) for name, fn in items]


# ----------------------------------------------------------------------------- unmarked

_UNMARKED_POOL = (
    "astronaut", "camera", "coffee", "chelsea", "china", "flower", "rocket",
    "motorcycle_left", "motorcycle_right", "hubble", "retina", "ihc", "grass", "gravel",
    "brick", "moon", "coins", "cell", "clock_motion", "page", "text",
)
_SYNTHETIC_KINDS = (
    "noise_gauss", "noise_uniform", "flat", "near_flat", "gradient", "scene_lowres",
    "scene_full", "smooth_field", "shapes", "pattern",
)


def _unmarked_photo(rng: np.random.Generator, th: int, tw: int) -> tuple[str, np.ndarray]:
    src = _UNMARKED_POOL[int(rng.integers(len(_UNMARKED_POOL)))]
    a = _source(src)
    h, w = a.shape[:2]
    aspect = (tw / th) * rng.uniform(0.93, 1.07)
    frac = rng.uniform(0.3, 1.0)
    ch = frac * min(h, w / aspect)
    cw = ch * aspect
    ch_i = int(min(h, max(24, round(ch))))
    cw_i = int(min(w, max(24, round(cw))))
    y0 = int(rng.integers(0, h - ch_i + 1))
    x0 = int(rng.integers(0, w - cw_i + 1))
    img = np.ascontiguousarray(a[y0 : y0 + ch_i, x0 : x0 + cw_i])
    if rng.random() < 0.5:
        img = np.ascontiguousarray(img[:, ::-1])
    if rng.random() < 0.08:
        img = np.ascontiguousarray(img[::-1])
    if rng.random() < 0.2:
        img = _rotate(img, rng.uniform(-12, 12), "reflect" if rng.random() < 0.6 else "black")
    how = ("area", "linear", "cubic", "lanczos4")[int(rng.integers(4))]
    img = _resize_to(img, tw, th, how)
    if rng.random() < 0.45:
        if rng.random() < 0.5:
            img = _enhance(img, "brightness", rng.uniform(0.7, 1.3))
        if rng.random() < 0.5:
            img = _enhance(img, "contrast", rng.uniform(0.75, 1.3))
        if rng.random() < 0.5:
            img = _gamma(img, rng.uniform(0.7, 1.4))
        if rng.random() < 0.5:
            img = _enhance(img, "saturation", rng.uniform(0.5, 1.5))
    if rng.random() < 0.05:
        img = _grey(img)
    if rng.random() < 0.07:
        img = _blur(img, rng.uniform(0.4, 1.6))
    if rng.random() < 0.05:
        img = _unsharp(img, 1.8, 110, 2)
    if rng.random() < 0.12:
        img = _noise(img, rng.uniform(0.8, 6.0), int(rng.integers(2**31)))
    if rng.random() < 0.5:
        img = _jpeg(img, int(rng.integers(35, 98)))
    elif rng.random() < 0.1:
        img = _webp(img, int(rng.integers(50, 96)))
    return src, img


def _colour(rng: np.random.Generator) -> np.ndarray:
    return rng.uniform(0, 255, 3)


def _landscape(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    y = np.linspace(0.0, 1.0, h)[:, None]
    x = np.linspace(0.0, 1.0, w)[None, :]
    horizon = rng.uniform(0.35, 0.7)
    top, low = _colour(rng), _colour(rng)
    t = np.clip(y / horizon, 0, 1)[..., None]
    img = np.broadcast_to(top * (1 - t) + low * t, (h, w, 3)).astype(np.float64).copy()
    if rng.random() < 0.6:
        cx, cy, r = rng.uniform(0.1, 0.9), rng.uniform(0.05, horizon), rng.uniform(0.03, 0.1)
        d = np.sqrt((x - cx) ** 2 + ((y - cy) * h / w) ** 2)
        sun = np.clip(1.0 - (d - r) / 0.02, 0, 1)[..., None]
        img = img * (1 - sun) + rng.uniform(180, 255, 3) * sun
    for layer in range(int(rng.integers(1, 4))):
        ridge: Any = horizon - rng.uniform(0.02, 0.25) * (layer + 1) / 2
        for _ in range(3):
            ridge = ridge + rng.uniform(0.01, 0.06) * np.sin(
                2 * np.pi * rng.uniform(0.5, 6) * x + rng.uniform(0, 2 * np.pi)
            )
        mask = (y > ridge)[..., None]
        img = np.where(mask, _colour(rng) * 0.7, img)
    ground = (y > horizon + rng.uniform(0.0, 0.1))[..., None]
    gcol = _colour(rng)
    shade = 0.75 + 0.35 * y[..., None]
    img = np.where(ground, gcol * shade, img)
    if rng.random() < 0.5:
        level = rng.uniform(horizon + 0.05, 0.9)
        water = (y > level)[..., None]
        img = np.where(water, img[::-1] * 0.5 + np.array([30.0, 70.0, 120.0]) * 0.5, img)
    for _ in range(int(rng.integers(0, 12))):
        cx, cy = rng.uniform(0, 1), rng.uniform(horizon, 1)
        r = rng.uniform(0.01, 0.05)
        d = np.sqrt((x - cx) ** 2 + ((y - cy) * h / w) ** 2)
        img = np.where((d < r)[..., None], np.array([20.0, rng.uniform(50, 110), 30.0]), img)
    img = img + rng.normal(0, rng.uniform(0.5, 4.0), img.shape)
    return np.clip(np.round(img), 0, 255).astype(np.uint8)


def _synthetic(rng: np.random.Generator, kind: str, h: int, w: int) -> np.ndarray:
    if kind == "noise_gauss":
        mean = rng.uniform(60, 190, 3)
        sigma = rng.uniform(5, 70)
        img = mean + rng.normal(0, sigma, (h, w, 3))
        if rng.random() < 0.3:
            img = np.repeat(img[..., :1], 3, axis=2)
        return np.clip(np.round(img), 0, 255).astype(np.uint8)
    if kind == "noise_uniform":
        return rng.integers(0, 256, (h, w, 3), dtype=np.uint8)
    if kind == "flat":
        out = np.empty((h, w, 3), dtype=np.uint8)
        out[:] = rng.integers(0, 256, 3).astype(np.uint8)
        return out
    if kind == "near_flat":
        base = _colour(rng)
        y = np.linspace(-1, 1, h)[:, None, None]
        x = np.linspace(-1, 1, w)[None, :, None]
        img = base + rng.uniform(-4, 4, 3) * y + rng.uniform(-4, 4, 3) * x
        img = img + rng.normal(0, rng.uniform(0.3, 3.0), (h, w, 3))
        return np.clip(np.round(img), 0, 255).astype(np.uint8)
    if kind == "gradient":
        c0, c1 = _colour(rng), _colour(rng)
        y = np.linspace(0, 1, h)[:, None]
        x = np.linspace(0, 1, w)[None, :]
        if rng.random() < 0.6:
            ang = rng.uniform(0, 2 * np.pi)
            t = x * math.cos(ang) + y * math.sin(ang)
        else:
            cx, cy = rng.uniform(0, 1, 2)
            t = np.sqrt((x - cx) ** 2 + (y - cy) ** 2)
        t = (t - t.min()) / max(1e-9, float(t.max() - t.min()))
        img = c0 * (1 - t[..., None]) + c1 * t[..., None]
        return np.clip(np.round(img), 0, 255).astype(np.uint8)
    if kind == "scene_lowres":
        rw = int(rng.integers(24, 65))
        rh = max(8, round(rw * h / w))
        small = _landscape(rng, rh, rw)
        return _lanczos(small, w, h)
    if kind == "scene_full":
        return _landscape(rng, h, w)
    if kind == "smooth_field":
        g = int(rng.integers(4, 49))
        field = rng.uniform(0, 255, (g, max(2, round(g * w / h)), 3)).astype(np.float32)
        img = cv2.resize(field, (w, h), interpolation=cv2.INTER_CUBIC).astype(np.float64)
        if rng.random() < 0.5:
            img = img + rng.normal(0, rng.uniform(1, 8), img.shape)
        return np.clip(np.round(img), 0, 255).astype(np.uint8)
    if kind == "shapes":
        canvas = np.empty((h, w, 3), dtype=np.uint8)
        canvas[:] = rng.integers(0, 256, 3).astype(np.uint8)
        for _ in range(int(rng.integers(5, 41))):
            colour = tuple(int(v) for v in rng.integers(0, 256, 3))
            x0, x1 = sorted(int(v) for v in rng.integers(0, w, 2))
            y0, y1 = sorted(int(v) for v in rng.integers(0, h, 2))
            shape = int(rng.integers(3))
            if shape == 0:
                cv2.rectangle(canvas, (x0, y0), (x1, y1), colour, -1, cv2.LINE_AA)
            elif shape == 1:
                axes = (max(1, (x1 - x0) // 2), max(1, (y1 - y0) // 2))
                cv2.ellipse(canvas, ((x0 + x1) // 2, (y0 + y1) // 2), axes,
                            float(rng.uniform(0, 180)), 0, 360, colour, -1, cv2.LINE_AA)
            else:
                cv2.line(canvas, (x0, y0), (x1, y1), colour, int(rng.integers(1, 9)), cv2.LINE_AA)
        return canvas
    # pattern: stripes or checkers
    period = int(rng.integers(2, 41))
    c0, c1 = rng.integers(0, 256, 3), rng.integers(0, 256, 3)
    yy, xx = np.mgrid[0:h, 0:w]
    if rng.random() < 0.5:
        ang = rng.uniform(0, np.pi)
        t = (xx * math.cos(ang) + yy * math.sin(ang)) / period
        mask = (np.floor(t) % 2).astype(bool)
    else:
        mask = ((xx // period + yy // period) % 2).astype(bool)
    img = np.where(mask[..., None], c1, c0).astype(np.uint8)
    if rng.random() < 0.4:
        img = _blur(img, rng.uniform(0.5, 2.5))
    return img


def unmarked(n: int = 10000, seed: int = 2026120606) -> Iterator[tuple[str, np.ndarray]]:
    """n unmarked images, lazily; item i depends only on ``default_rng([seed, i])``."""
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        u = rng.random()
        if u < 0.72:
            if u < 0.64:
                if rng.random() < 0.45:
                    th = tw = 512
                else:
                    th, tw = (int(v) for v in rng.integers(448, 577, 2))
                group = "photo512"
            else:
                th, tw = (int(v) for v in rng.integers(256, 1025, 2))
                group = "photo"
            src, img = _unmarked_photo(rng, th, tw)
            name = f"u{i:05d}_{group}_{src}"
        else:
            kind = _SYNTHETIC_KINDS[int(rng.integers(len(_SYNTHETIC_KINDS)))]
            th, tw = (int(v) for v in rng.integers(256, 1025, 2))
            if rng.random() < 0.35:
                tw = th
            img = _synthetic(rng, kind, th, tw)
            if rng.random() < 0.3:
                img = _jpeg(img, int(rng.integers(50, 96)))
            name = f"u{i:05d}_synthetic_{kind}"
        yield name, np.array(img, dtype=np.uint8, order="C")


# ----------------------------------------------------------------------------- edge cases


def edge_cases() -> list[tuple[str, np.ndarray]]:
    """Awkward uint8 RGB arrays (some deliberately non-contiguous or read-only)."""
    rng = np.random.default_rng(20261206_6)
    astro = _source("astronaut")
    china = _source("china")
    out: list[tuple[str, np.ndarray]] = []

    def add(name: str, a: np.ndarray) -> None:
        out.append((name, a))

    add("1x1", np.array([[[123, 45, 210]]], dtype=np.uint8))
    add("2x2", np.array([[[0, 0, 0], [255, 255, 255]], [[255, 0, 0], [0, 128, 255]]],
                        dtype=np.uint8))
    add("16x16_noise", rng.integers(0, 256, (16, 16, 3), dtype=np.uint8))
    add("63x200_photo", _lanczos(astro[40:240], 200, 63))
    add("200x63_photo", _lanczos(astro[:, 200:330], 63, 200))
    add("1x777_strip", np.ascontiguousarray(_lanczos(china, 777, 427)[200:201]))
    add("777x1_strip", np.ascontiguousarray(_lanczos(china, 640, 777)[:, 320:321]))
    add("3x1024_strip", np.ascontiguousarray(_lanczos(china, 1024, 427)[100:103]))
    add("120x5000_strip", _lanczos(china[150:270], 5000, 120))
    add("3000x4000_huge",
        np.ascontiguousarray(cv2.resize(np.ascontiguousarray(china), (4000, 3000),
                                        interpolation=cv2.INTER_CUBIC)))
    add("flat_black_512", np.zeros((512, 512, 3), dtype=np.uint8))
    add("flat_white_512", np.full((512, 512, 3), 255, dtype=np.uint8))
    add("flat_grey128_300x451", np.full((300, 451, 3), 128, dtype=np.uint8))
    flat = np.empty((257, 263, 3), dtype=np.uint8)
    flat[:] = (201, 77, 13)
    add("flat_orange_257x263", flat)
    yy, xx = np.mgrid[0:512, 0:512]
    checker = (((xx + yy) % 2) * 255).astype(np.uint8)
    add("checker_1px_bw_512", np.ascontiguousarray(np.repeat(checker[..., None], 3, axis=2)))
    yy, xx = np.mgrid[0:384, 0:384]
    m = ((xx // 2 + yy // 2) % 2).astype(bool)[..., None]
    add("checker_2px_colour_384",
        np.where(m, np.array([255, 32, 64], np.uint8), np.array([16, 200, 240], np.uint8))
        .astype(np.uint8))
    stripes = ((np.arange(512) % 2) * 255).astype(np.uint8)
    add("stripes_1px_vertical_512",
        np.ascontiguousarray(np.broadcast_to(stripes[None, :, None], (512, 512, 3))))
    yy, xx = np.mgrid[0:256, 0:256]
    low = (127 + (xx + yy) % 2).astype(np.uint8)
    add("checker_1px_lowcontrast_256", np.ascontiguousarray(np.repeat(low[..., None], 3, axis=2)))
    add("noise_uniform_512", rng.integers(0, 256, (512, 512, 3), dtype=np.uint8))
    add("noise_gauss_768x1024",
        np.clip(np.round(rng.normal(128, 40, (768, 1024, 3))), 0, 255).astype(np.uint8))
    big = _lanczos(_source("retina"), 1024, 1024)
    add("noncontiguous_strided_view", big[::2, 1::2])
    add("negative_stride_view", _lanczos(china[:, 100:612], 512, 512)[::-1, ::-1])
    add("fortran_order", np.asfortranarray(np.array(astro)))
    rgba = np.concatenate([np.array(_source("coffee")),
                           np.full((400, 600, 1), 255, dtype=np.uint8)], axis=2)
    add("channel_view_of_rgba", rgba[..., :3])
    ro = np.array(_source("ihc"))
    ro.setflags(write=False)
    add("read_only", ro)
    add("binary_0_255_photo", np.where(np.array(astro) > 127, 255, 0).astype(np.uint8))
    add("odd_513x511_photo", _lanczos(_source("chelsea"), 511, 513))
    return out


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(
        ">I", zlib.crc32(kind + data) & 0xFFFFFFFF
    )


def _save(im: Image.Image, fmt: str, **kw: Any) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def edge_case_files() -> list[tuple[str, bytes]]:
    """Awkward encoded files, as bytes."""
    rng = np.random.default_rng(2026_1206_66)
    photo = _lanczos(_source("chelsea")[:, 60:420], 320, 256)  # 320 wide x 256 high
    pil = _pil(photo)
    out: list[tuple[str, bytes]] = []

    # 16-bit RGB PNG (cv2 writes BGR order; convert so the file holds RGB)
    rgb16 = photo.astype(np.uint16) * 257 + rng.integers(0, 200, photo.shape).astype(np.uint16)
    ok, enc = cv2.imencode(".png", np.ascontiguousarray(rgb16[..., ::-1]))
    if not ok:  # pragma: no cover
        raise RuntimeError("cv2 could not encode a 16-bit PNG")
    out.append(("png_16bit_rgb", enc.tobytes()))
    grey16 = (np.linspace(0, 65535, 300 * 200).reshape(200, 300)).astype(np.uint16)
    out.append(("png_16bit_grey", _save(Image.fromarray(grey16), "PNG")))

    alpha = np.tile(np.linspace(0, 255, 320)[None, :], (256, 1)).astype(np.uint8)
    alpha[40:120, 200:300] = 0
    rgba = np.dstack([photo, alpha])
    out.append(("png_rgba_transparent", _save(Image.fromarray(rgba), "PNG")))
    la = np.dstack([np.array(pil.convert("L")), alpha])
    out.append(("png_la", _save(Image.fromarray(la), "PNG")))
    pal = pil.quantize(colors=61, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out.append(("png_palette_transparent_index", _save(pal, "PNG", transparency=3)))
    out.append(("png_1bit", _save(pil.convert("1"), "PNG")))
    out.append(("jpeg_grey", _save(pil.convert("L"), "JPEG", quality=85)))
    out.append(("jpeg_cmyk", _save(pil.convert("CMYK"), "JPEG", quality=90)))
    out.append(("jpeg_progressive", _save(pil, "JPEG", quality=80, progressive=True)))
    exif = Image.Exif()
    exif[0x0112] = 6
    out.append(("jpeg_exif_orientation_6", _save(pil, "JPEG", quality=88, exif=exif.tobytes())))
    out.append(("webp_lossless", _save(pil, "WEBP", lossless=True)))
    out.append(("webp_alpha", _save(Image.fromarray(rgba), "WEBP", quality=80)))
    out.append(("bmp", _save(pil, "BMP")))
    out.append(("tiff", _save(pil, "TIFF")))
    frames = [_pil(np.roll(photo, 37 * k, axis=1)).resize((96, 80)).convert("P") for k in range(4)]
    out.append(("gif_animated_4_frames",
                _save(frames[0], "GIF", save_all=True, append_images=frames[1:],
                      duration=[90, 120, 150, 70], loop=0)))
    png = _save(pil, "PNG")
    out.append(("png_truncated_57pct", png[: int(len(png) * 0.57)]))
    jpg = _save(pil, "JPEG", quality=90)
    out.append(("jpeg_truncated_43pct", jpg[: int(len(jpg) * 0.43)]))
    signature = b"\x89PNG\r\n\x1a\n"
    ihdr = _png_chunk(b"IHDR", struct.pack(">IIBBBBB", 320, 256, 8, 2, 0, 0, 0))
    out.append(("png_header_only", signature + ihdr))
    out.append(("zero_bytes", b""))
    out.append(("random_4096_bytes", rng.integers(0, 256, 4096, dtype=np.uint8).tobytes()))
    out.append(("plain_text", b"this is not an image, just some text\n" * 3))
    huge = (
        signature
        + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", 100000, 100000, 8, 2, 0, 0, 0))
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 301))
        + _png_chunk(b"IEND", b"")
    )
    out.append(("png_huge_dimensions_100000x100000", huge))
    base = bytearray(_save(pil, "JPEG", quality=70))
    sof = base.find(b"\xff\xc0")
    if sof < 0:  # pragma: no cover
        raise RuntimeError("no baseline SOF0 marker in Pillow's JPEG")
    base[sof + 5 : sof + 9] = struct.pack(">HH", 65500, 65500)
    out.append(("jpeg_huge_dimensions_65500x65500", bytes(base)))
    bad = bytearray(png)
    idat = bad.find(b"IDAT")
    length = struct.unpack(">I", bad[idat - 4 : idat])[0]
    crc_at = idat + 4 + length
    bad[crc_at : crc_at + 4] = bytes(b ^ 0x5A for b in bad[crc_at : crc_at + 4])
    out.append(("png_bad_idat_crc", bytes(bad)))
    out.append(("png_1x1", _save(Image.new("RGB", (1, 1), (9, 99, 199)), "PNG")))
    return out


if __name__ == "__main__":  # a summary, not a benchmark
    ims = images()
    print(ROUND, len(ims), "images;", len(attacks()), "attacks;",
          len(edge_cases()), "edge cases;", len(edge_case_files()), "edge files")
    for name, cls, rgb in ims:
        print(f"{name:28s} {cls:13s} {rgb.shape} {_sha(rgb)}")
