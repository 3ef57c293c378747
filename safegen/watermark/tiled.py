"""The safegen watermark: a periodic spread-spectrum tile in luma that finds its own geometry.

Embedding
    A 32x32-cell tile carries a known pilot pattern plus the payload: 56 bits
    (the 32-bit watermark id and a 24-bit check), whitened, protected by a
    rate-1/3 constraint-length-7 convolutional code, and spread over the
    tile's cells with pseudo-random chips. The tile repeats across the image
    with a period of a quarter of the shorter side (WIDE: an image of 512 px
    or 4000 px holds about 4x4 periods), interpolated smoothly between cells.
    Below 512 px WIDE's cells are 2-4 px, and at 2 px JPEG's quantisation
    erases them: an image there gets the first geometry whose mark survives
    JPEG q30 and WebP q50 copies, WIDE first (its 4x4 periods still fold
    2x2 after a crop to half of each side) and SMALL (2x2 periods, 4-px
    cells at 256 px) first only at 256 px and below.
    Its local strength is each window's SSIM allowance, water-filled up to
    the target PSNR: flat areas (where the decoder hears it best) carry all
    they can, busy areas the rest. An image whose mark the host still
    outweighs at the target (busy textures such as gravel) is marked up to
    2.5 dB lower, where it then decodes (PSNR_STEPS); one whose pilot the host
    still drowns (the search needs it to find a cropped or turned lattice) gets
    more of the tile from the SSIM allowance left over, down to 4 dB below the
    target (PILOT_TARGET, TOP_UP_DB). The same change goes to R, G and B, so
    only luma moves. Where the host image's own projection onto a code
    statistic points the wrong way, the embedder adds its opposite
    ("informed" or improved spread spectrum), so the host is not noise for
    the decoder of an unattacked image.

Decoding (why a periodic tile)
    Crops, resizes and small rotations move, shrink and turn the tile
    lattice but keep it a lattice. The decoder views the image at each
    geometry's scale (shorter side 256 px for WIDE, 128 px for SMALL: both
    put one period on 64 pixels, so everything below is shared), cuts the
    host's strong steps (borders, canvases) down so they do not set the
    whitening filter, whitens the spectrum of the luma (the host is coloured
    noise), limits its heavy tail (edges), folds
    every period onto one tile and finds the crop offset by circular
    correlation with the pilot, at half-cell resolution. If the unattacked
    lattice does not decode, the autocorrelation peaks of the residual give
    scale and rotation directly (smooth images); failing that, a search over
    period, angle, aspect and shear scored by the pilot finds them (busy
    photos hide the autocorrelation peaks). The image is then resampled so
    that the lattice found becomes the embedder's own (one affine map per
    lattice, shears included), which keeps the host cancellation valid, and
    decoded again. A picture inside a larger frame (a page, a feed, as wide
    as a phone's screen or not, a figure on a page in a document viewer) is
    found by its straight sides and decoded on its own, after the frame's
    unattacked lattices and before its search. Soft bits go
    through a Viterbi decoder; the 24-bit check and an agreement floor decide.

False positives
    Each decoding attempt accepts random bits with probability 2^-24; a
    decode makes at most 88 attempts (MAX_ATTEMPTS: 2 geometries x 7
    lattices of the frame, 2 of a picture found inside it and 2 of a picture
    found inside that one (a page's figure), x 4 pilot peaks, the peaks picked
    over the eight mirror images), so an unmarked image reads as marked with
    probability below 5.3e-6,
    before the agreement floor and before verify requires the id to be in
    the ledger.

Everything is numpy and OpenCV on the CPU.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from safegen.errors import WatermarkError

if TYPE_CHECKING:
    from collections.abc import Callable

    from PIL import Image

    from safegen.watermark import DecodeResult

TILE = 32
"""Cells per tile side."""
BIN_BITS = 6
"""A fold has 2 * TILE = 2**BIN_BITS half-cells per side."""
assert 2 * TILE == 1 << BIN_BITS
WORK_PERIOD = 2 * TILE
"""The tile period, in pixels, in the decoder's view of an image (one pixel per half-cell)."""


@dataclass(frozen=True)
class Geometry:
    """How many tile periods span the shorter side, and the decoder's view of it."""

    periods: float
    work_side: int  # the decoder resamples the shorter side to this many pixels


WIDE = Geometry(periods=4.0, work_side=4 * WORK_PERIOD)
"""Images whose shorter side is at least SMALL_BELOW: 4x4 periods, 4-px cells at 512 px."""
SMALL = Geometry(periods=2.0, work_side=2 * WORK_PERIOD)
"""Smaller images whose WIDE mark does not survive compression (``_embed_small``): 2x2
periods, so a 256 px image still has 4-px cells."""
GEOMETRIES = (WIDE, SMALL)
"""The decoder tries both, in this order (a resize does not change which one an image has)."""
SMALL_BELOW = 512


ID_BITS = 32
CHECK_BITS = 24
INFO_BITS = ID_BITS + CHECK_BITS
_K = 7
_GENERATORS = (0o133, 0o145, 0o175)
CODED_BITS = (INFO_BITS + _K - 1) * len(_GENERATORS)
_WHITENING = (
    0xA5C3_96E1_D2B4_78  # 56 bits: a flat image's all-zero or all-one bits are not payloads
)
_KEY = b"safegen-watermark-v1"
MIN_SIDE = 128


@dataclass(frozen=True)
class _Patterns:
    pilot: np.ndarray  # (TILE, TILE) of +-1
    chips: np.ndarray  # (TILE*TILE,) of +-1
    bit_of_cell: np.ndarray  # (TILE*TILE,) coded-bit index per cell


@dataclass(frozen=True)
class _Lattice:
    u: np.ndarray  # pixel vector of one period along the tile's x axis
    v: np.ndarray  # ... along its y axis
    strength: float


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    seed = int.from_bytes(zlib.crc32(_KEY).to_bytes(4, "big"), "big")
    rng = np.random.default_rng(seed)
    pilot = rng.choice([-1.0, 1.0], size=(TILE, TILE)).astype(np.float32)
    chips = rng.choice([-1.0, 1.0], size=TILE * TILE).astype(np.float32)
    bit_of_cell = (rng.permutation(TILE * TILE) % CODED_BITS).astype(np.int64)
    return _Patterns(pilot=pilot, chips=chips, bit_of_cell=bit_of_cell)


# -- payload and error correction ------------------------------------------------


def _check(watermark_id: int) -> int:
    return zlib.crc32(_KEY + watermark_id.to_bytes(4, "big")) & ((1 << CHECK_BITS) - 1)


def payload_bits(watermark_id: int) -> np.ndarray:
    if not 0 < watermark_id < 2**ID_BITS:
        raise WatermarkError(f"watermark id {watermark_id} does not fit in {ID_BITS} bits")
    value = ((watermark_id << CHECK_BITS) | _check(watermark_id)) ^ _WHITENING
    return np.array([(value >> (INFO_BITS - 1 - i)) & 1 for i in range(INFO_BITS)], np.uint8)


def payload_id(bits: np.ndarray) -> int | None:
    value = 0
    for bit in bits.tolist():
        value = (value << 1) | int(bit)
    value ^= _WHITENING
    watermark_id, check = value >> CHECK_BITS, value & ((1 << CHECK_BITS) - 1)
    if watermark_id == 0 or _check(watermark_id) != check:
        return None
    return watermark_id


@lru_cache(maxsize=1)
def _trellis() -> tuple[np.ndarray, np.ndarray]:
    """outputs[state, bit] -> coded bits (+-1), next_state[state, bit]."""
    states = 1 << (_K - 1)
    outputs = np.zeros((states, 2, len(_GENERATORS)), np.float32)
    next_state = np.zeros((states, 2), np.int64)
    for state in range(states):
        for bit in (0, 1):
            register = (state << 1) | bit
            for k, gen in enumerate(_GENERATORS):
                outputs[state, bit, k] = 1.0 if bin(register & gen).count("1") % 2 else -1.0
            next_state[state, bit] = register & (states - 1)
    return outputs, next_state


def conv_encode(bits: np.ndarray) -> np.ndarray:
    outputs, next_state = _trellis()
    state, coded = 0, []
    for bit in list(bits.tolist()) + [0] * (_K - 1):
        coded.append(outputs[state, bit])
        state = int(next_state[state, bit])
    return (np.concatenate(coded) > 0).astype(np.uint8)


def viterbi(soft: np.ndarray) -> np.ndarray:
    """Soft-decision Viterbi: ``soft`` > 0 means coded bit 1; returns the INFO_BITS.

    ``soft`` may be one codeword's CODED_BITS or a batch of them (n, CODED_BITS), decoded
    together: the trellis's steps are a Python loop, so a batch costs about what one does.
    """
    batch = np.atleast_2d(np.asarray(soft, np.float32))
    outputs, _next_state = _trellis()
    states = outputs.shape[0]
    rate = len(_GENERATORS)
    steps = batch.shape[1] // rate
    # Every step's branch gains at once: (steps, n, states, 2).
    gains = np.einsum("sbk,nmk->mnsb", outputs, batch[:, : steps * rate].reshape(-1, steps, rate))
    bit_in = np.arange(states) & 1  # the input bit that leads into each state
    pred0, pred1 = np.arange(states) >> 1, (np.arange(states) >> 1) | (states >> 1)
    gain0, gain1 = gains[:, :, pred0, bit_in], gains[:, :, pred1, bit_in]
    metric = np.full((len(batch), states), -np.inf, np.float32)
    metric[:, 0] = 0.0
    chose1 = np.zeros((steps, len(batch), states), bool)  # best predecessor: pred1 or pred0
    zero_only = np.where(bit_in == 0, 0.0, -np.inf).astype(np.float32)
    for step in range(steps):
        m0 = metric[:, pred0] + gain0[step]
        m1 = metric[:, pred1] + gain1[step]
        np.greater(m1, m0, out=chose1[step])
        metric = np.maximum(m0, m1)
        if step >= INFO_BITS:  # tail: only zero inputs are allowed
            metric += zero_only
    state = np.zeros(len(batch), np.int64)
    rows = np.arange(len(batch))
    decoded = np.zeros((len(batch), steps), np.uint8)
    for step in range(steps - 1, -1, -1):
        decoded[:, step] = state & 1
        state = np.where(chose1[step, rows, state], pred1[state], pred0[state])
    bits = decoded[:, :INFO_BITS]
    return bits if np.ndim(soft) == 2 else bits[0]


# -- embedding -------------------------------------------------------------------


def _tile_for(watermark_id: int, pilot_gain: float = 1.0) -> np.ndarray:
    p = _patterns()
    coded = conv_encode(payload_bits(watermark_id)).astype(np.float32) * 2 - 1
    data = (p.chips * coded[p.bit_of_cell]).reshape(TILE, TILE)
    tile = pilot_gain * p.pilot + data
    return (tile / np.sqrt((tile**2).mean())).astype(np.float32)


def _luma(rgb: np.ndarray) -> np.ndarray:
    """BT.601 luma as float32 (no rounding), from 8-bit or float RGB."""
    import cv2

    weights = np.array([[0.299, 0.587, 0.114]], np.float32)
    return cv2.transform(np.ascontiguousarray(rgb[..., :3], dtype=np.float32), weights)


def _pattern(tile: np.ndarray, height: int, width: int, period: float) -> np.ndarray:
    """The tile interpolated over the image, ``period`` pixels a repeat.

    When the period is a whole number of pixels (every image whose shorter side
    is a multiple of 4: 256, 512, 1024 ...) one period is interpolated and
    repeated, a sixteenth of the work of interpolating every pixel.
    """
    whole = round(period)
    if abs(period - whole) < 1e-9 and whole <= min(height, width):
        block = _interpolated(tile, whole, whole, period)
        reps = (-(-height // whole), -(-width // whole))
        return np.tile(block, reps)[:height, :width]
    return _interpolated(tile, height, width, period)


def _interpolated(tile: np.ndarray, height: int, width: int, period: float) -> np.ndarray:
    import cv2

    cell = period / TILE
    xs = (np.arange(width, dtype=np.float32) + 0.5) / cell - 0.5
    ys = (np.arange(height, dtype=np.float32) + 0.5) / cell - 0.5
    map_x = np.broadcast_to(np.mod(xs, TILE)[None, :], (height, width)).astype(np.float32)
    map_y = np.broadcast_to(np.mod(ys, TILE)[:, None], (height, width)).astype(np.float32)
    return cv2.remap(tile, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_WRAP)


SSIM_BUDGET = 0.02
"""Per-window loss of SSIM's contrast-structure term the watermark may cause (1 - 0.98)."""
_SSIM_C2 = (0.03 * 255) ** 2


def _amplitude(luma: np.ndarray, rms: float) -> tuple[np.ndarray, np.ndarray]:
    """(amplitude, allowance): the watermark's local RMS amplitude, an SSIM budget water-filled
    up to ``rms`` overall, and that budget itself at half resolution (``_headroom``).

    SSIM's contrast-structure term for a window with host deviation s and
    added noise of deviation a is about 1 - a^2 / (2 s^2 + C2), so a window
    keeps it above 1 - SSIM_BUDGET when a^2 <= SSIM_BUDGET (2 s^2 + C2):
    about 1.1 grey levels on flat areas, 2.8 at s = 10, 5.5 at s = 20.

    Why water-filling rather than scaling that allowance down to the PSNR
    target: the decoder weighs each region by the inverse of its noise, so
    strength spent on busy regions (where the host is loud) buys little,
    while flat regions are where the decoder listens. Every window gets its
    full allowance up to a common ceiling, and the ceiling is set so that
    the whole image meets the PSNR target: flat areas carry the most they
    can, busy areas the rest. Measured on busy photos after a crop, this
    doubles the soft-bit signal-to-noise ratio of scaling the allowance.
    """
    import cv2

    mean = cv2.GaussianBlur(luma, (0, 0), 1.5)
    variance = np.maximum(cv2.GaussianBlur(luma * luma, (0, 0), 1.5) - mean * mean, 0.0)
    allowed = np.sqrt(SSIM_BUDGET * (2.0 * variance + _SSIM_C2))
    # The allowance is smoothed over ~4 px: do that at a quarter of the pixels.
    height, width = luma.shape
    small = cv2.resize(
        allowed, (max(1, width // 2), max(1, height // 2)), interpolation=cv2.INTER_AREA
    )
    small = cv2.GaussianBlur(small, (0, 0), 2.0)
    ceiling = _water_level(small[::2, ::2], rms)  # a level over 1/4 of the values: same to 0.1%
    capped = np.minimum(small, ceiling)
    return cv2.resize(capped, (width, height), interpolation=cv2.INTER_LINEAR), small


def _headroom(allowance: np.ndarray, amplitude: np.ndarray) -> np.ndarray:
    """The local RMS a mark of ``amplitude`` leaves of the SSIM ``allowance`` (``_amplitude``'s,
    at half resolution): how much more of the same pattern may be added there. The top-up
    is the tile again, so it adds to the mark in amplitude, not in power (on gravel the two
    correlate at 0.6): the difference, not the root of the squares' difference."""
    import cv2

    height, width = amplitude.shape
    full = cv2.resize(allowance, (width, height), interpolation=cv2.INTER_LINEAR)
    return np.maximum(full - amplitude, 0.0)


def _water_level(allowed: np.ndarray, rms: float) -> float:
    """The ceiling t with mean(min(allowed, t)^2) = rms^2 (or the maximum if none is needed)."""
    values = np.sort(allowed.ravel().astype(np.float64))
    if float((values**2).mean()) <= rms * rms:
        return float(values[-1])
    # Below the k-th smallest value, the mean is (sum of the first k squares + (n-k) t^2) / n.
    n = len(values)
    below = np.concatenate([[0.0], np.cumsum(values**2)])
    k = np.arange(n + 1)
    ceilings = np.sqrt(np.maximum(rms * rms * n - below, 0.0) / np.maximum(n - k, 1))
    lower = np.concatenate([[0.0], values])
    upper = np.concatenate([values, [np.inf]])
    valid = (ceilings >= lower) & (ceilings <= upper)
    return float(ceilings[np.argmax(valid)])


def _work(luma: np.ndarray, side: int) -> np.ndarray:
    """The decoder's view: the shorter side resampled to ``side`` pixels."""
    import cv2

    height, width = luma.shape
    scale = side / min(height, width)
    interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
    size = (round(width * scale), round(height * scale))
    return cv2.resize(luma, size, interpolation=interpolation)


def _statistics(folded: np.ndarray) -> tuple[float, np.ndarray]:
    """What the decoder thresholds: the pilot projection and one soft value per coded bit."""
    p = _patterns()
    pilot = float((folded * p.pilot).mean())
    flat = folded.ravel() * p.chips
    counts = np.bincount(p.bit_of_cell, minlength=CODED_BITS)
    bits = np.bincount(p.bit_of_cell, weights=flat, minlength=CODED_BITS) / counts
    return pilot, bits


def embed_array(
    rgb: np.ndarray,
    watermark_id: int,
    psnr: float = 42.5,
    boost: float = 1.0,
    geometry: Geometry = WIDE,
) -> np.ndarray:
    """Embed with informed coding (``_embed``); the marked image."""
    return _embed(rgb, watermark_id, psnr, boost, geometry)[0]


def _embed(
    rgb: np.ndarray,
    watermark_id: int,
    psnr: float = 42.5,
    boost: float = 1.0,
    geometry: Geometry = WIDE,
    floor_psnr: float | None = None,
) -> tuple[np.ndarray, bool]:
    """(marked image, whether it is in doubt): a mark is in doubt when, after informed
    coding at the PSNR cap, the unattacked decoder's view still reads a coded bit with
    the wrong sign (the host outweighs the mark: busy textures such as gravel). With
    ``floor_psnr`` a mark whose pilot the host drowns gets more of itself from the SSIM
    allowance left over, down to that PSNR (``_top_up``).

    Embed with informed coding: the host's own projection onto the code is cancelled.

    The decoder's statistics are linear in the image once the whitening
    filter is fixed (up to its limiters, which act on the host's steps and
    edges, not on the mark), and the filter is set by the host. So the embedder
    computes what the host alone would contribute to each coded bit's soft
    value and to the pilot, and where that contribution points the wrong
    way, adds its opposite to the tile (Malvar and Florencio's "improved
    spread spectrum", applied only where it helps). The host stops being
    noise for the unattacked image and for every attack that leaves most of
    it in place.
    """
    height, width = rgb.shape[:2]
    if min(height, width) < MIN_SIDE:
        raise WatermarkError(
            f"image {width}x{height} is too small to watermark (each side needs {MIN_SIDE} px)"
        )
    luma = _luma(rgb)
    period = min(height, width) / geometry.periods
    max_rms = 255.0 / (10 ** (psnr / 20))
    amplitude, allowance = _amplitude(luma, max_rms)
    amplitude *= boost
    work_lattice = _rotated(WORK_PERIOD, 0.0)
    side = geometry.work_side

    tile = _tile_for(watermark_id)
    base = _pattern(tile, height, width, period)
    unit = amplitude / (float(np.sqrt((base**2).mean())) + 1e-9)  # tile units -> grey levels

    host_residual, host_filter = _residual(_work(luma, side))
    wm_residual, _ = _residual(_work(base * unit, side), host_filter)
    host_pilot, host_bits = _host_statistics(host_residual, work_lattice)
    wm_pilot, wm_bits = _statistics(_cells(_fold(wm_residual, work_lattice)))
    p = _patterns()
    coded = conv_encode(payload_bits(watermark_id)).astype(np.float32) * 2 - 1
    gain = float(np.abs(wm_bits).mean()) + 1e-12
    pilot_gain = abs(wm_pilot) + 1e-12
    pilot_share = float((tile * p.pilot).mean())

    # Cancel each statistic the host pushes the wrong way, at the strength the watermark
    # will have after the PSNR cap. The correction is linear in 1/cap, so its pattern is
    # built once and only the scalar is iterated.
    shortfall = np.maximum(0.0, -(host_bits * coded)) / gain
    extra = (p.chips * (coded * shortfall)[p.bit_of_cell]).reshape(TILE, TILE)
    if host_pilot < 0:
        extra += p.pilot * (-host_pilot / pilot_gain) * pilot_share
    base_delta = base * unit
    correction = _pattern(extra.astype(np.float32), height, width, period) * unit
    # mean((base + correction / k)^2) from three sums, so the cap iterates on scalars.
    bb, bc, cc = (
        float(np.vdot(a, b)) / a.size
        for a, b in ((base_delta, base_delta), (base_delta, correction), (correction, correction))
    )

    def cap_for(k: float) -> float:
        power = bb + 2 * bc / k + cc / (k * k) if np.isfinite(k) else bb
        return min(1.0, max_rms / (float(np.sqrt(max(power, 0.0))) + 1e-9))

    cap = cap_for(np.inf)
    for _ in range(4):
        assumed, new_cap = cap, cap_for(cap)
        if new_cap >= cap * 0.98:
            break
        cap = new_cap
    delta = (base_delta + correction / assumed) * new_cap
    marked = _add(rgb, delta)

    # Closed loop: measure what the decoder will see in the actual (rounded,
    # clipped) image and top up the statistics still short of their margin.
    # Clipping at black or white erases the watermark there; this moves the
    # missing strength elsewhere.
    actual, _ = _residual(_work(_luma(marked), side), host_filter)
    got_pilot, got_bits = _statistics(_cells(_fold(actual, work_lattice)))
    margin = 0.6 * gain * cap
    short = np.maximum(0.0, margin - got_bits * coded) / (gain * cap)
    doubtful = False
    if short.any() or got_pilot < margin:
        top_up = (p.chips * (coded * short)[p.bit_of_cell]).reshape(TILE, TILE)
        if got_pilot < 0.6 * pilot_gain * cap * pilot_share:
            top_up += p.pilot * pilot_share * 0.5
        extra_delta = _pattern(top_up.astype(np.float32), height, width, period) * unit * cap
        total = delta + extra_delta
        total *= min(1.0, max_rms / (float(np.sqrt((total**2).mean())) + 1e-9))
        marked = _add(rgb, total)
        delta = total
        # Measured again: where the cap scaled the top-up back down, a bit may still read
        # the wrong way.
        actual, _ = _residual(_work(_luma(marked), side), host_filter)
        got_bits = _statistics(_cells(_fold(actual, work_lattice)))[1]

    # The pilot is what the decoder's search finds the geometry by, and once the image is
    # cropped or turned the host is noise to every coded bit again (informed coding holds
    # at the embedder's alignment only): on a busy texture the host drowns both. The SSIM
    # allowance the PSNR cap left unused goes to more of the tile, until its pilot stands
    # out (PILOT_TARGET) or the PSNR floor is reached.
    top_up = None
    if floor_psnr is not None:
        top_up = _top_up(
            _fold(actual, work_lattice),
            lambda: (
                _pattern(tile, height, width, period) * _headroom(allowance, amplitude * new_cap)
            ),
            lambda change: _fold(_residual(_work(change, side), host_filter)[0], work_lattice),
            delta,
            255.0 / (10 ** (floor_psnr / 20)),
            PILOT_TARGET,
        )
    if top_up is not None:
        marked = _add(rgb, delta + top_up)
        actual, _ = _residual(_work(_luma(marked), side), host_filter)
        got_bits = _statistics(_cells(_fold(actual, work_lattice)))[1]
    doubtful = bool((got_bits * coded < 0).any())
    return marked, doubtful


PILOT_TARGET = 12.0
"""The pilot z (its correlation peak at the embedder's alignment over the spread of the
correlation at every shift) an unattacked mark should reach. The search accepts a lattice
at MIN_PILOT_Z = 5 after the attack, and a crop to half of each side roughly halves z (a
quarter of the periods are folded). On round m (tuning) the photos whose unattacked z was
under 10 (busy textures: grass, gravel, a stained tissue) lost 6 to 9 of 9 attacks (7
geometric), those above 11 at most the crop to half and a 9-degree turn. SMALL (4 periods
folded, not 16) has the same target: an ordinary photo under 512 px stands at about half
WIDE's z there and is topped up towards the PSNR floor, and that is what keeps it through a
crop or a turn (round q: with half the target for SMALL, a 450x300 photo at 42.1 dB lost 24
of 75 attacks it kept at 38.6 dB)."""
TOP_UP_DB = 4.0
"""How far below the PSNR target the top-up may take an image (the SSIM allowance the mark
left caps it in every window: ``_headroom``)."""


def _pilot_z(folded: np.ndarray) -> float:
    """The pilot's z at the embedder's own alignment in a fold along its lattice (NaN where
    the fold is not finite)."""
    with np.errstate(all="ignore"):
        return float(_pilot_scores(folded.astype(np.float64))[0, 0])


def _top_up(
    folded: np.ndarray,
    pattern: Callable[[], np.ndarray],
    fold_of: Callable[[np.ndarray], np.ndarray],
    delta: np.ndarray,
    floor_rms: float,
    target: float,
) -> np.ndarray | None:
    """The change to add to ``delta`` (or None) so that the pilot's z in ``folded`` (the
    decoder's fold of the marked image) reaches ``target``.

    ``pattern()`` is the tile across the image at the SSIM headroom the mark left (the
    most it may get), ``fold_of`` what the decoder's fixed filter folds of a luma change. The
    fold is linear in the pattern's scale, so the smallest scale in twentieths of the
    headroom that reaches the target is read off the two folds; where none does within
    the headroom and ``floor_rms`` (the RMS change at the PSNR floor), the one with the
    highest z.

    Why the whole tile and not the pilot alone: the pilot alone raises z most per dB
    (on round m's gravel, 10.5 against 7.5 at 40 dB), but after a crop to 70% the coded
    bits, no longer cancelled against the host, then fail instead (59 of 186 wrong). On
    round m's 16 photos (tuning) and 9 attacks (7 geometric), 35 failures before, 28 with
    the pilot alone, 23 with the tile.
    """
    start = _pilot_z(folded)
    if not np.isfinite(start) or start >= target:
        return None  # not finite: a flat image, whose fixed filter is degenerate
    extra = pattern()
    added = fold_of(extra)
    dd, de, ee = (
        float(np.vdot(a, b)) / a.size for a, b in ((delta, delta), (delta, extra), (extra, extra))
    )
    best: tuple[float, float] | None = None
    for scale in np.linspace(0.05, 1.0, 20):
        if dd + 2 * scale * de + scale * scale * ee > floor_rms * floor_rms:
            break
        z = _pilot_z(folded + scale * added)
        if not np.isfinite(z):
            continue
        if z >= target:
            return scale * extra
        if best is None or z > best[0]:
            best = (z, scale)
    if best is None or best[0] <= start:
        return None
    return best[1] * extra


def _add(rgb: np.ndarray, delta: np.ndarray) -> np.ndarray:
    """``rgb`` (uint8) plus the luma change ``delta`` on every channel, rounded and clipped."""
    import cv2

    change = np.rint(delta).astype(np.int16)
    host = np.ascontiguousarray(rgb[..., :3], dtype=np.uint8)
    return cv2.add(host, cv2.merge([change, change, change]), dtype=cv2.CV_8U)  # saturating


def _host_statistics(residual: np.ndarray, lattice: _Lattice) -> tuple[float, np.ndarray]:
    """The host's statistics, averaged over half-cell shifts of the lattice.

    Why average: a crop lands the decoder's cells at another phase; what
    the host contributes at every nearby phase is what cancellation can
    rely on.
    """
    folder = _Folder(residual)
    cell = float(lattice.u[0]) / TILE
    stats = [
        _statistics(_cells(folder.fold(lattice, (dx * cell, dy * cell))))
        for dx, dy in ((0, 0), (0.5, 0), (0, 0.5))
    ]
    return float(np.mean([pilot for pilot, _ in stats])), np.mean([b for _, b in stats], axis=0)


# -- decoding --------------------------------------------------------------------


@lru_cache(maxsize=8)
def _high_pass(height: int, width: int, sigma: float = 8.0) -> np.ndarray:
    """1 minus a Gaussian blur's transfer function, on the DFT grid of a (height, width) image."""
    fy = np.fft.fftfreq(height)[:, None]
    fx = np.fft.fftfreq(width)[None, :]
    return (1.0 - np.exp(-2.0 * (np.pi * sigma) ** 2 * (fx * fx + fy * fy))).astype(np.float32)


def _envelope(spectrum: np.ndarray) -> np.ndarray:
    import cv2

    magnitude = cv2.magnitude(spectrum[..., 0], spectrum[..., 1])
    envelope = cv2.blur(np.fft.fftshift(magnitude), (9, 9), borderType=cv2.BORDER_REFLECT)
    return np.fft.ifftshift(envelope) + 1e-3 * float(magnitude.mean() + 1e-6)


@dataclass(frozen=True)
class _Filter:
    """The decoder's linear filter for one host: spectral envelope and per-pixel weights."""

    envelope: np.ndarray
    weights: np.ndarray


STEP_LIMIT = 4.0
"""The host's detail is limited at this many robust deviations before whitening..."""
STEP_FLOOR = 16.0
"""...but never below this many grey levels, so the watermark itself is never limited."""


def _limited(luma: np.ndarray) -> np.ndarray:
    """The host with its steps cut down: detail beyond STEP_LIMIT deviations is clipped.

    Why: the whitening filter is the host's smoothed spectrum, and one strong step (a
    white or coloured border, a letterbox, a screenshot's canvas, a clipped sky after a
    contrast stretch) owns that spectrum: the filter then listens to the step and
    suppresses the watermark's frequencies everywhere. Clipping the detail (the luma
    minus its 2-px blur) at a few robust deviations keeps the steps' positions but not
    their energy; the watermark, a few grey levels, stays under the floor untouched.
    """
    import cv2

    smooth = cv2.GaussianBlur(luma, (0, 0), 2.0)
    detail = luma - smooth
    spread = 1.4826 * float(np.median(np.abs(detail[::2, ::2])))
    limit = max(STEP_LIMIT * spread, STEP_FLOOR)
    return smooth + np.clip(detail, -limit, limit)


def _residual(luma: np.ndarray, fixed: _Filter | None = None) -> tuple[np.ndarray, _Filter]:
    """The whitened, locally weighted residual the decoder folds, and the filter used.

    Why: the host image is the decoder's noise, and it is strongly coloured
    (natural images fall off as 1/f, textures have peaks) and uneven (busy
    regions are noisier). Dividing the spectrum by its smoothed magnitude
    whitens it; the watermark's harmonics are isolated spikes that the
    smoothing barely touches. Weighing pixels by their local noise level
    then keeps busy regions from drowning quiet ones, and a limiter cuts
    the edges that remain. With ``fixed`` the same filter, without either
    limiter (the step limiter acts only beyond STEP_FLOOR grey levels, the
    heavy-tail one leaves most values alone), is applied to another signal:
    the embedder uses it to predict what the decoder will see of the
    watermark.
    """
    import cv2

    if fixed is None:
        luma = _limited(luma)
    centred = np.ascontiguousarray(luma - luma.mean(), dtype=np.float32)
    spectrum = cv2.dft(centred, flags=cv2.DFT_COMPLEX_OUTPUT)  # (h, w, 2): re, im
    envelope = _envelope(spectrum) if fixed is None else fixed.envelope
    # The lowest frequencies (illumination, large shapes) carry no watermark: a Gaussian
    # high-pass (sigma 8 px), applied to the spectrum that is being divided anyway.
    gain = _high_pass(*luma.shape) / envelope
    whitened = cv2.idft(spectrum * gain[..., None], flags=cv2.DFT_SCALE | cv2.DFT_COMPLEX_OUTPUT)
    whitened = np.ascontiguousarray(whitened[..., 0])
    if fixed is not None:
        return whitened * fixed.weights, fixed
    power = cv2.GaussianBlur(whitened * whitened, (0, 0), 6.0)
    weights = 1.0 / (power + float(power.mean()) * 0.25 + 1e-12)
    weighted = whitened * weights
    # Then to unit local deviation over a few pixels, clipped: edges are the host's
    # heavy tail, and a limiter is the locally optimum detector for heavy-tailed noise.
    local = np.sqrt(cv2.GaussianBlur(weighted * weighted, (0, 0), 3.0)) + 1e-12
    weights = weights / local
    fixed = _Filter(envelope=envelope, weights=weights.astype(np.float32))
    return np.clip(whitened * weights, -CLIP, CLIP), fixed


CLIP = 1.5
"""The decoder's residual is clipped at this many local deviations."""


def _find_lattice(residual: np.ndarray, expected: float) -> _Lattice | None:
    """Lattice vectors from the residual's autocorrelation peaks (sub-pixel)."""
    spectrum = np.fft.rfft2(residual - residual.mean())
    ac = np.fft.fftshift(np.fft.irfft2(np.abs(spectrum) ** 2, s=residual.shape))
    ac /= ac.max() + 1e-12
    cy, cx = residual.shape[0] // 2, residual.shape[1] // 2
    yy, xx = np.mgrid[-cy : residual.shape[0] - cy, -cx : residual.shape[1] - cx]
    radius = np.hypot(yy, xx)
    ring = (radius > expected * 0.55) & (radius < expected * 1.7)
    values = ac[ring]
    noise = float(values.std()) + 1e-12
    base = float(np.median(values))

    def best(allowed: np.ndarray) -> tuple[np.ndarray, float] | None:
        masked = np.where(allowed, ac, -np.inf)
        index = int(np.argmax(masked))
        py, px = divmod(index, ac.shape[1])
        if not np.isfinite(masked[py, px]):
            return None
        score = (ac[py, px] - base) / noise
        if 1 <= py < ac.shape[0] - 1:
            a, b, c = ac[py - 1, px], ac[py, px], ac[py + 1, px]
            dy = 0.5 * (a - c) / (a - 2 * b + c) if (a - 2 * b + c) != 0 else 0.0
        else:
            dy = 0.0
        if 1 <= px < ac.shape[1] - 1:
            a, b, c = ac[py, px - 1], ac[py, px], ac[py, px + 1]
            dx = 0.5 * (a - c) / (a - 2 * b + c) if (a - 2 * b + c) != 0 else 0.0
        else:
            dx = 0.0
        return np.array([px - cx + dx, py - cy + dy]), float(score)

    angle = np.degrees(np.arctan2(yy, xx))
    # Tile x axis: a peak within 30 degrees of horizontal (right half-plane).
    first = best(ring & (np.abs(angle) < 30))
    second = best(ring & (np.abs(angle - 90) < 30))
    if first is None or second is None:
        return None
    (u, su), (v, sv) = first, second
    ratio = float(np.linalg.norm(u)) / max(float(np.linalg.norm(v)), 1e-6)
    if not 0.8 < ratio < 1.25:
        return None
    return _Lattice(u=u, v=v, strength=min(su, sv))


class _Folder:
    """Folds a residual onto one tile along a lattice; coordinates are computed once."""

    def __init__(self, residual: np.ndarray) -> None:
        height, width = residual.shape
        bins = 2 * TILE
        whole = height % bins == 0 and width % bins == 0
        self.residual = residual if whole else None
        self._source = residual
        self._points: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def _coordinates(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if self._points is None:
            height, width = self._source.shape
            ys, xs = np.mgrid[0:height, 0:width].astype(np.float64)
            self._points = (
                xs.ravel() + 0.5,  # each pixel at its centre
                ys.ravel() + 0.5,
                self._source.ravel().astype(np.float64),
            )
        return self._points

    def fold(self, lattice: _Lattice, offset: tuple[float, float] = (0.0, 0.0)) -> np.ndarray:
        """A (2*TILE, 2*TILE) tile of half-cells.

        Why half-cells: a crop lands the lattice at any sub-cell offset; at
        cell resolution an offset of half a cell would average every cell
        with its neighbour. At half-cell resolution the translation search
        finds the offset to within a quarter cell.
        """
        bins = 2 * TILE
        if self.residual is not None and _one_pixel_bins(lattice, offset):
            # The default lattice at the work size: half-cells are pixels, so the fold is
            # a reshape (the same sums as below, a thirtieth of the time).
            height, width = self.residual.shape
            shift = (-round(offset[1]), -round(offset[0]))
            rolled = np.roll(self.residual, shift, axis=(0, 1)).astype(np.float64)
            folded = rolled.reshape(height // bins, bins, width // bins, bins).mean(axis=(0, 2))
            return (folded - folded.mean()).astype(np.float32)
        inverse = np.linalg.inv(np.stack([lattice.u, lattice.v], axis=1)) * bins
        x, y, values = self._coordinates()
        if offset != (0.0, 0.0):
            x, y = x - offset[0], y - offset[1]
        # In place, and modulo by a mask (bins is a power of two, and & keeps the floor's
        # sign right).
        column = inverse[0, 0] * x
        column += inverse[0, 1] * y
        ci = np.floor(column, out=column).astype(np.int64)
        row = inverse[1, 0] * x
        row += inverse[1, 1] * y
        index = np.floor(row, out=row).astype(np.int64)
        ci &= bins - 1
        index &= bins - 1
        index <<= BIN_BITS
        index |= ci
        sums = np.bincount(index, weights=values, minlength=bins * bins)
        counts = np.bincount(index, minlength=bins * bins)
        folded = sums / np.maximum(counts, 1)
        return (folded - folded.mean()).reshape(bins, bins).astype(np.float32)


def _one_pixel_bins(lattice: _Lattice, offset: tuple[float, float]) -> bool:
    bins = 2 * TILE
    return (
        lattice.u[0] == bins
        and lattice.u[1] == 0
        and lattice.v[0] == 0
        and lattice.v[1] == bins
        and float(offset[0]).is_integer()
        and float(offset[1]).is_integer()
    )


def _fold(residual: np.ndarray, lattice: _Lattice) -> np.ndarray:
    return _Folder(residual).fold(lattice)


def _cells(half_cells: np.ndarray) -> np.ndarray:
    return half_cells.reshape(TILE, 2, TILE, 2).mean(axis=(1, 3))


Hypothesis = tuple[float, float, float, bool]
"""(period, degrees, aspect, turned first): a lattice the search scores."""


def _lattice(hypothesis: Hypothesis) -> _Lattice:
    """The square lattice of ``period`` with the image's x axis stretched by ``aspect`` and
    turned by ``degrees``: stretched first (a rectangular lattice), or turned first (the
    lattice is sheared: its axes are no longer at right angles)."""
    (matrix,) = _lattices([hypothesis])
    return _Lattice(matrix[:, 0], matrix[:, 1], 0.0)


def _lattices(hypotheses: list[Hypothesis]) -> np.ndarray:
    """(n, 2, 2): each hypothesis's lattice (``_lattice``) as the matrix [u v]."""
    period, degrees, aspect, turned = np.array(hypotheses, dtype=np.float64).T
    turned_first = turned > 0
    angle = np.radians(degrees)
    c, s = np.cos(angle), np.sin(angle)
    px = period * aspect
    u = np.stack([px * c, np.where(turned_first, period, px) * s], axis=1)
    v = np.stack([-np.where(turned_first, px, period) * s, period * c], axis=1)
    return np.stack([u, v], axis=2)


def _rotated(period: float, degrees: float, aspect: float = 1.0) -> _Lattice:
    """The lattice turned by ``degrees``, its x period ``aspect`` times its y period."""
    return _lattice((period, degrees, aspect, False))


@lru_cache(maxsize=1)
def _pilot_spectrum() -> np.ndarray:
    pilot = np.kron(_patterns().pilot, np.ones((2, 2), np.float32))
    return np.conj(np.fft.fft2(pilot))


MIRRORS = tuple(
    (transpose, rows, columns)
    for transpose in (False, True)
    for rows in (False, True)
    for columns in (False, True)
)
"""(transpose, flip rows, flip columns): the square's eight symmetries. A mirrored or
quarter-turned image folds to the mirrored or turned tile (the shorter side, and so the
period, stays the same), so the decoder reads all eight (flips, 90/180/270-degree turns
and transposes) without an eightfold search."""


def _mirrored(folded: np.ndarray, mirror: int) -> np.ndarray:
    transpose, rows, columns = MIRRORS[mirror]
    view = folded.T if transpose else folded
    view = view[::-1] if rows else view
    return view[:, ::-1] if columns else view


def _pilot_peaks(folded: np.ndarray, count: int) -> list[tuple[float, int, int, int]]:
    """The ``count`` best (pilot z, mirror, dy, dx) over the eight mirror images of a fold.

    Why it costs no false-positive bits: the decoder still tries ``count``
    alignments per lattice; the mirrors only widen where they are picked from.
    """
    peaks: list[tuple[float, int, int, int]] = []
    for mirror in range(len(MIRRORS)):
        scores = _pilot_scores(_mirrored(folded, mirror))
        flat = scores.ravel()
        for index in np.argpartition(flat, -count)[-count:]:
            dy, dx = divmod(int(index), scores.shape[1])
            peaks.append((float(flat[index]), mirror, dy, dx))
    peaks.sort(reverse=True)
    return peaks[:count]


def _pilot_scores(folded: np.ndarray) -> np.ndarray:
    """The pilot's circular correlation with a fold at every shift, in deviations of the
    correlation from its mean (the z of each shift), in float64 whatever the fold's type."""
    corr = np.real(np.fft.ifft2(np.fft.fft2(folded) * _pilot_spectrum()))
    mean, spread = float(corr.mean()), float(corr.std()) + 1e-12
    return (corr.astype(np.float64) - mean) / spread


# -- scoring a lattice in the Fourier domain ---------------------------------------

SPECTRUM_OVERSAMPLING = 3
"""The residual's transform is read at any frequency from a grid this much finer than the
image's own (zero padding): the nearest grid point is off by at most a sixth of a bin on each
axis, which costs at most 4.5% of a component's amplitude per axis, 8.8% on both (a centred
window has no phase error)."""


class _Spectrum:
    """A residual's Fourier transform, read at the frequencies of any lattice's fold.

    Why not fold: a fold along lattice (u, v) at 2 * TILE bins per period holds, at its
    frequency k, the residual's transform at L^-T k (L = [u v]), up to the bins' box
    filter and the host aliased from above the fold's band. So a hypothesis costs a
    gather of about a thousand values from one transform of the image, not a pass over
    every pixel, and the frequencies it reads are the lattice's own to a sixth of a bin
    (the fold's floor to a bin put each pixel up to half a bin off, which cost turned
    lattices most).
    """

    def __init__(self, residual: np.ndarray) -> None:
        import cv2

        height, width = residual.shape
        self.rows = cv2.getOptimalDFTSize(SPECTRUM_OVERSAMPLING * height)
        self.columns = cv2.getOptimalDFTSize(SPECTRUM_OVERSAMPLING * width)
        padded = np.zeros((self.rows, self.columns), np.float32)
        padded[:height, :width] = residual - residual.mean()
        # The image's centre at the origin: a frequency read off its grid point then
        # changes a component's amplitude only, not its phase.
        padded = np.roll(padded, (-(height // 2), -(width // 2)), axis=(0, 1))
        self._half = np.fft.rfft2(padded).astype(np.complex64)

    def values(self, lattices: np.ndarray, band: int) -> np.ndarray:
        """(n, K): the transform at L^-T k for each of the (n, 2, 2) lattices [u v] and each
        of ``_band``'s K frequencies k (up to ``band`` cycles per period on each axis; the
        zero frequency, the fold's mean, reads 0)."""
        kx, ky = _band(band)
        inverse = np.linalg.inv(lattices).astype(np.float32)
        # f = L^-T k, in grid steps: f's component j is column j of L^-1 dotted with k.
        fx = (inverse[:, 0, 0, None] * kx + inverse[:, 1, 0, None] * ky) * np.float32(self.columns)
        fy = (inverse[:, 0, 1, None] * kx + inverse[:, 1, 1, None] * ky) * np.float32(self.rows)
        column = np.rint(fx).astype(np.int32) % self.columns
        row = np.rint(fy).astype(np.int32) % self.rows
        # The real image's transform is Hermitian: a negative x frequency (beyond half the
        # grid, where a frequency past the image's Nyquist wraps too) is the conjugate of
        # the positive one at the opposite y frequency.
        negative = column > self.columns // 2
        np.subtract(self.columns, column, out=column, where=negative)
        np.subtract(self.rows, row, out=row, where=negative & (row > 0))
        values = np.take(self._half, row * self._half.shape[1] + column)
        np.conjugate(values, out=values, where=negative)
        values[:, (kx == 0) & (ky == 0)] = 0  # the fold's mean is taken out
        return values

    def read(self, lattices: np.ndarray, size: int, band: int) -> np.ndarray:
        """(n, size, size // 2 + 1): the fold transform at ``size`` bins per period (numpy's
        rfft2 layout) for each of the (n, 2, 2) lattices [u v], its frequencies up to
        ``band`` cycles per period on each axis (the rest zero)."""
        kx, ky = _band(band)
        transforms = np.zeros((len(lattices), size, size // 2 + 1), np.complex64)
        transforms[:, ky.astype(np.int64) % size, kx.astype(np.int64)] = self.values(lattices, band)
        return transforms

    def scores(self, lattices: np.ndarray, size: int, band: int) -> np.ndarray:
        """The best pilot z over the eight mirror images for each lattice's fold, as
        ``_pilot_peaks`` gives for the fold itself, correlated at ``size`` shifts per period
        on the frequencies up to ``band``.

        The fold's mean is zero and its spread is read off the transform by Parseval, a
        product with the pilots' squared magnitudes; only the peak needs the inverse
        transform, of the band's frequencies times each mirrored pilot.
        """
        pilots, weights = _pilot_band(size, band)
        best = np.empty(len(lattices), np.float32)
        for start in range(0, len(lattices), SCORE_BATCH):
            values = self.values(lattices[start : start + SCORE_BATCH], band)
            power = values.real**2 + values.imag**2
            spread = np.sqrt(np.einsum("nk,km->nm", power, weights)) / size**2  # not BLAS's threads
            # _band's frequencies are a block, y from -band: its rows above zero and below
            # go to the two ends of the transform's y axis.
            block = (values[:, None, :] * pilots[None]).reshape(
                len(values), len(MIRRORS), -1, band + 1
            )
            product = np.zeros((len(values), len(MIRRORS), size, size // 2 + 1), np.complex64)
            product[:, :, : band + 1, : band + 1] = block[:, :, band:]
            product[:, :, size - band :, : band + 1] = block[:, :, :band]
            corr = np.fft.irfft2(product, s=(size, size))
            peak = corr.reshape(*corr.shape[:2], -1).max(axis=2)
            best[start : start + SCORE_BATCH] = (peak / (spread + 1e-12)).max(axis=1)
        return best


@lru_cache(maxsize=4)
def _band(band: int) -> tuple[np.ndarray, np.ndarray]:
    """The (kx, ky) of a half transform (kx >= 0, numpy's rfft2 layout) with |kx|, |ky| <=
    ``band``, in rows of y from -band (a (2 band + 1, band + 1) block, row-major)."""
    ky, kx = np.meshgrid(np.arange(-band, band + 1), np.arange(band + 1), indexing="ij")
    return kx.ravel().astype(np.float32), ky.ravel().astype(np.float32)


@lru_cache(maxsize=4)
def _pilot_band(size: int, band: int) -> tuple[np.ndarray, np.ndarray]:
    """The eight mirrored pilots' conjugate transforms at ``_band``'s frequencies (8, K),
    and (K, 8) weights that sum a fold's half transform times each pilot into the whole
    product's squares (Parseval: the x frequencies above zero stand for their conjugates).

    A correlation with only the frequencies up to ``band`` (below ``size // 2``) is the
    whole one's, blurred, and needs only ``size`` samples of shift per period.
    """
    if not 0 < band < size // 2:
        raise ValueError(f"band {band} needs more than {2 * band + 1} shifts, not {size}")
    pilot = np.kron(_patterns().pilot, np.ones((2, 2), np.float32))
    mirrored = [np.ascontiguousarray(_mirrored(pilot, m)) for m in range(len(MIRRORS))]
    whole = np.conj(np.fft.rfft2(np.stack(mirrored))).astype(np.complex64)
    kx, ky = (k.astype(np.int64) for k in _band(band))
    pilots = whole[:, ky % (2 * TILE), kx]
    halves = np.where(kx == 0, 1.0, 2.0).astype(np.float32)
    weights = (pilots.real**2 + pilots.imag**2) * halves
    return pilots, np.ascontiguousarray(weights.T)


SCORING = (48, 23)
"""How the search scores a hypothesis: the fold transform's frequencies up to 23 cycles per
period on each axis (the pilot's cells carry little above), correlated at 48 shifts per
period. Measured on 30 attacked photos (round f, tuning), the best of the 3 x 3 hypotheses
around each true lattice: 98% of the z of frequencies up to 24 at 64 shifts (which keep 99%
of every frequency's), in a third to two thirds of the time. A single hypothesis can lose
more where its peak falls between two shifts (up to 29% for an ideal pilot); a neighbour,
whose peak falls elsewhere, then scores it."""
SHORTLIST_SCORING = (32, 15)
"""The first, cheaper score that picks which hypotheses get SCORING: under half its time."""
SCORE_BATCH = 128
"""Hypotheses whose correlations are transformed together (8 x 48 x 25 values each)."""
SHORTLIST = 256
"""Hypotheses of a range scored in full: the best by SHORTLIST_SCORING. On round f (tuning:
13 photos, 35 geometric attacks, 455 decodes) as many decoded as when every hypothesis was
scored in full (383, two images traded); the best 128 decoded 379, the best 64 fewer still."""


SEARCH_PERIODS = (0.68, 2.05)
"""Period search range, relative to the expected one: from borders adding 20% on each side
(0.71) to crops keeping half of each side (2.0)."""
SEARCH_DEGREES = 10.5
SEARCH_ASPECTS = (0.8, 1.25)
"""One axis's period over the other's: a stretch of one axis by up to -20% / +25%, or of both
by +-10% in opposite directions."""
ONE_AXIS_ASPECTS = (0.49, 3.1)
"""The other axis's period over the kept one's, on the search's lines that keep one axis's
period (the grids keep SEARCH_ASPECTS and CROP_ASPECTS): a crop of one side to 49% resized
back to the frame, a squash of a 16:9 image to a square, or a stretch of one axis by -51% /
+210% (a square stretched to 3:1). Not below 0.49: the other axis's cells would be under a
pixel in the search's view, which no hypothesis decodes (a 3:1 panorama squashed to a
square stays lost). Until 2026-12-07 they kept SEARCH_ASPECTS too, and a crop of one side
to 77% resized back (round t, tuning) was lost on 10 of 22 images, although its true lattice
scored a pilot z of 12-18 there; then 0.66-1.52 (round u, tuning: a crop of one side to 52%
resized back, 0 of 28), then 0.49-2.05 (round w, tuning: a square stretched to 2.05:1 was at
its end; the decoder reads frames up to MAX_ASPECT, 3:1)."""
CROP_ASPECTS = (0.5, 2.0)
"""The aspects of the search's grid of period against aspect above the embedder's period:
crops of both sides by different amounts, down to half of either, resized back to the frame
(SEARCH_ASPECTS until 2026-12-07: a crop to 91% x 67% resized back, aspect 0.74, decoded on
2 of 28 images of round u, tuning; then 0.66-1.52: a crop to 55% x 88% resized back, aspect
1.6, decoded on 4 of 28 images of round w, tuning, 28 with 0.5-2.0)."""
LOG_STEP = 0.004
"""The search lines' step in period and aspect: 0.4% (in logarithm)..."""
DEGREE_STEP = 0.4
"""...and in angle: 0.4 degrees. Both keep a lattice's error under half a cell across the
image; the grids step multiples of them (``_grid_cell``)."""
MIN_PILOT_Z = 5.0
"""A searched lattice is decoded only if the pilot stands out this much (one hypothesis's noise
peak is about 4; the best of the search's thousands on pure noise reaches 5-6, and the 2^-24
check rejects what it decodes)."""
REFINED_NEAR = 8
"""Best hypotheses near the embedder's geometry that are refined."""
REFINED_WIDE = 6
"""Best hypotheses of the wide ranges likewise."""
REFINED = 5
"""Refined hypotheses decoded: the best by their refined score, whichever range they came
from (refined, their scores compare). Refining more than are decoded costs scores, not
false-positive bits: a grid point's score is off its peak by up to half a step, as much as
the noise between the best candidates."""
NEAR = (0.8, 1.5)
"""Periods (relative) near the embedder's geometry: crops down to 67% of the shorter side
(74% until 2026-12-07: on round r, tuning, a crop to 69-76% and a 4.8-degree turn then a
crop to 73% decoded at the true lattice, z 6.6-7.8, but scored under the wide ranges'
noise; with their own best 8 they were found on 4 photos, and none lost on round q), and
borders adding up to 12% on each side (from 0.9 until 2026-12-07: a white border of 9% then a
1.4-degree turn, period 0.85, was left to the wide grid, whose points are 1.6 degrees and
4.8% apart; on round v, tuning, it decoded on 11 of 28 images, 27 with the near ranges)."""
NEAR_DEGREES = 7.0
"""Angles near the embedder's geometry (4 until 2026-12-07: a turn of 4-7 degrees then a crop
off the fill line had only the wide grid, whose points near it scored below the wide
ranges' noise; on round o, tuning, a 4.4-degree turn then a centre crop to 81% went from 8
photos lost of 16 to 2 with this and ``_grid_cell``)."""
MAX_ATTEMPTS = 2 * 4 * (2 + REFINED) + 2 * 4 * 2 * 2
"""Decoding attempts on one image at most: for each of the two geometries, SHIFT_CANDIDATES
pilot peaks on each of the unattacked lattice, the autocorrelation's and the REFINED
searched ones, and on the unattacked and the autocorrelation's lattice of a picture found
inside the frame (``_picture``) and of one found inside that picture (PICTURE_LEVELS: 72
before 2026-12-07)."""


def _search(residual: np.ndarray, expected: float) -> list[_Lattice]:
    """Search scale, rotation and aspect, scored by the pilot's correlation peak; best first.

    Used only when the autocorrelation and the unattacked lattice both fail
    (busy photos hide the autocorrelation peaks). A full grid over three
    parameters would cost seconds, so the search walks the lines single
    attacks produce (a crop or a border changes only the period, a rotation
    only the angle, a turn cropped to fill both along one line and a turn on
    an expanded canvas along another, a stretch or a crop of one side
    resized back one axis's period, by 0.49-3.1: x's or y's, whichever is
    not the shorter side's; a whole image resized to the other orientation
    the longer side's period, as many periods as the shorter side held
    before; a turn cropped to its largest rectangle or on an
    expanded canvas, then resized back to the frame, shears the lattice
    along a line set by the angle) and
    coarse grids for chains of crop and rotation, of crop or border and
    stretch (periods 0.68-2.05 against aspects in 2% steps, 0.8-1.25 below
    the embedder's period and in 4% steps, 0.5-2.0, above it, the aspect
    refined), and of a turn then a stretch (a sheared lattice:
    turns of 1-10.5 degrees either way in 1.19-degree steps against stretches
    of x or y by 0.8-1.25 in 4% steps, the turn refined to 0.2 degrees and
    the stretched axis to 0.75%). Hypotheses near the embedder's geometry
    (periods 0.8-1.5, turns up to 7 degrees) and the wide ranges (periods
    0.68-2.05, turns to 10.5 degrees, aspects 0.49-3.1) keep their own best:
    the best 8 and 6 are refined, and the best 5 of those decoded. The steps
    of the lines keep the lattice error under half a cell across the image
    (0.4% of the period, 0.4 degrees); the coarse grids' do not (a point
    scores on the middle of the image, where its error is still small), and
    their best candidates are refined before they are decoded (those of the
    two grids of period against angle first searched again over their grid
    cell at the lines' steps: ``_grid_cell``).

    Every hypothesis is read off one transform of the residual (``_Spectrum``):
    first in under half the time (SHORTLIST_SCORING), then the best
    SHORTLIST of each range in full (SCORING). Until 2026-12-07 each
    hypothesis folded every pixel of the view (the wide ranges the means of
    2 x 2 blocks), which cost 2.5 s for an unmarked photo on this 2-core
    machine.
    """
    periods = expected * _log_steps(SEARCH_PERIODS)
    angles = np.arange(-SEARCH_DEGREES, SEARCH_DEGREES + 1e-6, DEGREE_STEP)
    aspects = _log_steps(SEARCH_ASPECTS)
    near_periods = periods[(periods > NEAR[0] * expected) & (periods < NEAR[1] * expected)]
    near_angles = angles[np.abs(angles) <= NEAR_DEGREES + 1e-6]
    # Near the embedder's geometry (small crops and turns, the common case) and the wide
    # ranges each keep their own best: the near ones are not crowded out by the many more
    # wide ones, whose noise reaches higher by their number.
    near: set[Hypothesis] = {(round(float(p), 3), 0.0, 1.0, False) for p in near_periods}
    near |= {(float(expected), round(float(a), 3), 1.0, False) for a in near_angles}
    # The grids of period against angle (a turn, then a crop anywhere) step 4 periods and
    # 2 angles of the lines near the embedder's geometry, 12 and 4 in the wide ranges: a
    # candidate from them is searched again over its grid cell at the lines' steps
    # (``_grid_cell``) before it is refined.
    near_grid = {
        (round(float(p), 3), round(float(a), 3), 1.0, False)
        for p in near_periods[::4]
        for a in near_angles[::2]
    }
    near |= near_grid
    # A turn cropped to fill the frame (a photo editor's "straighten") also scales: one
    # line of period against angle, set by the image's aspect.
    height, width = residual.shape
    near |= {
        (round(expected * _fill_scale(a, height, width), 3), round(float(a), 3), 1.0, False)
        for a in near_angles
    }
    # A turn cropped to the largest upright rectangle inside it, or on an expanded canvas,
    # and resized back to the frame: that rectangle's or canvas's aspect is not the frame's,
    # so the resize stretches one axis more than the other after the turn (a sheared
    # lattice, set by the angle alone).
    resized_back = {
        (round(expected * sy, 3), round(float(a), 3), round(sx / sy, 4), True)
        for a in angles
        for scales in (
            _inner_scales(float(a), height, width),
            _expand_back_scales(float(a), height, width),
        )
        if scales is not None
        for sx, sy in (scales,)
    }
    near |= {h for h in resized_back if abs(h[1]) <= NEAR_DEGREES + 1e-6}
    wide: set[Hypothesis] = {(round(float(p), 3), 0.0, 1.0, False) for p in periods[::2]}
    wide |= resized_back
    wide |= {
        (round(expected * _fill_scale(a, height, width), 3), round(float(a), 3), 1.0, False)
        for a in angles
    }
    wide |= {(float(expected), round(float(a), 3), 1.0, False) for a in angles}
    # A turn on an expanded canvas (the whole image kept, corners filled): the content
    # shrinks against the new frame, by an amount set by the angle and the frame's aspect.
    wide |= {
        (round(expected * scale, 3), round(float(a), 3), 1.0, False)
        for a in angles
        if (scale := _expand_scale(float(a), height, width)) is not None
    }
    # A stretch keeps one axis's period: the shorter side's, which the view sets (x when the
    # stretch shortened x into the shorter side or the image is a portrait, else y). So does
    # a crop of one side resized back to the frame, the further (ONE_AXIS_ASPECTS).
    kept = _log_steps(ONE_AXIS_ASPECTS)
    wide |= {(float(expected), 0.0, round(float(r), 4), False) for r in kept[::2]}
    wide |= {(round(float(expected * r), 3), 0.0, round(float(1 / r), 4), False) for r in kept[::2]}
    # A whole image resized to an aspect of the other orientation (a portrait squashed into
    # a landscape frame): its shorter side, which set the period, is now the longer one, and
    # carries as many periods as the shorter did; the other axis's period is free.
    longer = max(height, width) / min(height, width)
    for t in _log_steps((ONE_AXIS_ASPECTS[0], 1.0))[::2]:
        px, py = (longer, float(t)) if width >= height else (float(t), longer)
        wide.add((round(expected * py, 3), 0.0, round(px / py, 4), False))
    wide_grid = {
        (round(float(p), 3), round(float(a), 3), 1.0, False)
        for p in periods[::12]
        for a in angles[::4]
    }
    wide |= wide_grid
    # A crop or a border and a stretch together (a reframe for another aspect ratio, a
    # letterbox resized back to the frame): a coarse grid of periods against aspect, whose
    # aspect the refinement then corrects. Below the embedder's period (borders) the
    # aspect steps 2%, not 4%: there the cells are smaller than the embedder's, and a
    # grid point's error costs more of its score.
    crop_aspects = _log_steps(CROP_ASPECTS)
    wide |= {
        (round(float(p), 3), 0.0, round(float(r), 4), False)
        for p in periods[::8]
        for r in (aspects[::5] if p < 0.95 * expected else crop_aspects[::10])
    }
    # A turn, then a stretch of the image's x or y axis: the lattice is sheared, which
    # no stretched-then-turned lattice matches once the turn is a few degrees.
    tilt = np.linspace(1.0, SEARCH_DEGREES, 9)  # 1.19-degree steps, both signs alike
    tilts = np.concatenate([-tilt[::-1], tilt])
    stretches = aspects[::10][np.abs(np.log(aspects[::10])) >= 0.03]
    wide |= {
        hypothesis
        for a in tilts
        for r in stretches
        for hypothesis in (
            (float(expected), round(float(a), 3), round(float(r), 4), True),
            (round(float(expected * r), 3), round(float(a), 3), round(float(1 / r), 4), True),
        )
    }
    wide -= near
    spectrum = _Spectrum(residual)

    def scored(hypotheses: list[Hypothesis], scoring: tuple[int, int] = SCORING) -> np.ndarray:
        return spectrum.scores(_lattices(hypotheses), *scoring)

    def best(grid: set[Hypothesis], keep: int) -> list[Hypothesis]:
        hypotheses = sorted(grid)
        if SHORTLIST and len(hypotheses) > SHORTLIST:
            coarse = scored(hypotheses, SHORTLIST_SCORING)
            hypotheses = [hypotheses[i] for i in np.argsort(-coarse, kind="stable")[:SHORTLIST]]
        order = np.argsort(-scored(hypotheses), kind="stable")[:keep]
        return [hypotheses[i] for i in order]

    candidates = best(near, REFINED_NEAR) + best(wide, REFINED_WIDE)
    # A grid candidate's cell, in the lines' steps (periods, angles) either side; a point of
    # both grids takes the near grid's.
    cell_steps = {hypothesis: (6, 2) for hypothesis in wide_grid}
    cell_steps |= {hypothesis: (2, 1) for hypothesis in near_grid}
    cells = [
        _grid_cell(candidate, *cell_steps[candidate]) if candidate in cell_steps else [candidate]
        for candidate in candidates
    ]
    # Neighbouring cells share their edges: two grid points can end on one hypothesis.
    candidates = list(dict.fromkeys(hypothesis for _, hypothesis in _best_of(cells, scored)))
    # Each candidate's neighbourhood, scored together: the period and the turn (the sheared
    # grid's turns are 1.19 degrees apart: refined further), then a stretched axis.
    around = [
        [
            (period + dp, degrees + dd, aspect, turned_first)
            for dp in (-0.12, 0.0, 0.12)
            for dd in ((-0.6, -0.4, -0.2, 0.0, 0.2, 0.4, 0.6) if turned_first else (-0.2, 0.0, 0.2))
        ]
        for period, degrees, aspect, turned_first in candidates
    ]
    refined = _best_of(around, scored)
    # A grid point's aspect is off by up to half its step: correct the stretched axis, x
    # (the aspect alone) or y (the period, the aspect against it).
    around = [
        sorted(
            {
                hypothesis
                for k in (0.985, 0.9925, 1.0, 1.0075, 1.015)
                for hypothesis in (
                    (period, degrees, aspect * k, turned_first),
                    (period * k, degrees, aspect / k, turned_first),
                )
            }
        )
        if aspect != 1.0
        else [(period, degrees, aspect, turned_first)]
        for _, (period, degrees, aspect, turned_first) in refined
    ]
    final = [item for item in _best_of(around, scored) if item[0] >= MIN_PILOT_Z]
    final.sort(key=lambda item: -item[0])
    # Two candidates can refine to one hypothesis: decode each once, and the next in its place.
    distinct = list(dict.fromkeys(hypothesis for _, hypothesis in final))
    return [_lattice(hypothesis) for hypothesis in distinct[:REFINED]]


def _log_steps(limits: tuple[float, float]) -> np.ndarray:
    """The values from ``limits[0]`` up to (not including) ``limits[1]``, LOG_STEP apart in
    logarithm: the search lines' periods and aspects."""
    low, high = limits
    return np.exp(np.arange(np.log(low), np.log(high), LOG_STEP))


def _grid_cell(hypothesis: Hypothesis, periods: int, angles: int) -> list[Hypothesis]:
    """The lines' hypotheses (0.4% of the period, 0.4 degrees apart) within ``periods`` and
    ``angles`` of theirs on either side of a grid point: the cell of the grid around it.

    Why: a grid point is off the true lattice by up to half a grid step (2.4% of the period
    and 0.8 degrees on the wide grid), which across the image is cells, and the refinement
    moves a fifth of a pixel and 0.2 degrees: a turn and a crop off the lines (a plain centre
    crop after a turn of several degrees) was found only where a grid point fell near it.
    """
    period, degrees, aspect, turned_first = hypothesis
    return [
        (
            round(period * math.exp(LOG_STEP * k), 3),
            round(degrees + DEGREE_STEP * j, 3),
            aspect,
            turned_first,
        )
        for k in range(-periods, periods + 1)
        for j in range(-angles, angles + 1)
    ]


def _best_of(
    groups: list[list[Hypothesis]], scored: Callable[[list[Hypothesis]], np.ndarray]
) -> list[tuple[float, Hypothesis]]:
    """Each group's best (score, hypothesis), all groups scored in one batch."""
    flat = [hypothesis for group in groups for hypothesis in group]
    scores = scored(flat) if flat else np.empty(0)
    best, start = [], 0
    for group in groups:
        index = start + int(np.argmax(scores[start : start + len(group)]))
        best.append((float(scores[index]), flat[index]))
        start += len(group)
    return best


def _fill_scale(degrees: float, height: int, width: int) -> float:
    """How much a turn by ``degrees`` cropped to the largest frame of the image's aspect
    inside it (then shown at any size) enlarges the content: 1 / k with
    k = min(W / (W cos + H sin), H / (W sin + H cos))."""
    c, s = abs(np.cos(np.radians(degrees))), abs(np.sin(np.radians(degrees)))
    return 1.0 / min(width / (width * c + height * s), height / (width * s + height * c))


def _inner_scales(degrees: float, height: int, width: int) -> tuple[float, float] | None:
    """(x scale, y scale) of a frame of ``width`` x ``height`` turned by ``degrees``, cropped
    to the largest upright rectangle inside the turned frame and resized back to the frame's
    size; None where the scales are past SEARCH_PERIODS.

    With c = |cos|, s = |sin|: when the shorter side is at most 2 s c times the longer, the
    rectangle is bounded by the shorter side alone, half of it over s along the longer axis
    and over c along the other; otherwise by all four sides, (W c - H s, H c - W s) / (c^2 -
    s^2).
    """
    c, s = abs(np.cos(np.radians(degrees))), abs(np.sin(np.radians(degrees)))
    longer, shorter = max(width, height), min(width, height)
    if shorter <= 2 * s * c * longer:
        half = shorter / 2
        along, across = half / s, half / c
        inner_w, inner_h = (along, across) if width >= height else (across, along)
    else:
        inner_w = (width * c - height * s) / (c * c - s * s)
        inner_h = (height * c - width * s) / (c * c - s * s)
    if min(inner_w, inner_h) <= 0:
        return None
    sx, sy = width / inner_w, height / inner_h
    if max(sx, sy) > SEARCH_PERIODS[1]:
        return None
    return float(sx), float(sy)


def _expand_back_scales(degrees: float, height: int, width: int) -> tuple[float, float]:
    """(x scale, y scale) of a frame of ``width`` x ``height`` turned by ``degrees`` on an
    expanded canvas (W c + H s by W s + H c, with c = |cos| and s = |sin|) and resized back to
    the frame's size."""
    c, s = abs(np.cos(np.radians(degrees))), abs(np.sin(np.radians(degrees)))
    return float(width / (width * c + height * s)), float(height / (width * s + height * c))


def _expand_scale(degrees: float, height: int, width: int) -> float | None:
    """The period, relative, of an image of ``width`` x ``height`` that is a turn by
    ``degrees`` on an expanded canvas: the original's W0 x H0 from W = W0 cos + H0 sin,
    H = W0 sin + H0 cos, then min(W0, H0) / min(W, H). None where no original fits."""
    c, s = abs(np.cos(np.radians(degrees))), abs(np.sin(np.radians(degrees)))
    det = c * c - s * s
    if det <= 0:
        return None
    w0, h0 = (c * width - s * height) / det, (c * height - s * width) / det
    if min(w0, h0) <= 0:
        return None
    return float(min(w0, h0) / min(width, height))


SHIFT_CANDIDATES = 4
"""Translations tried per lattice, best pilot peaks first (list decoding; the check decides)."""
MIN_AGREEMENT = 0.3
"""Soft bits must agree with the decoded codeword this much (random data gives ~0.1)."""


def _despread(folded: np.ndarray) -> tuple[int | None, float, float]:
    """(watermark id or None, pilot z-score, soft-bit agreement) for one folded tile.

    The pilot's best peaks are tried in turn: under a crop the host hides the
    true peak among the top few more often than it pushes it out entirely.
    Each try can accept random bits only with probability 2^-24.
    """
    p = _patterns()
    peaks = _pilot_peaks(folded, SHIFT_CANDIDATES)
    best_z = peaks[0][0]
    softs = []
    for _z, mirror, sy, sx in peaks:
        view = _mirrored(folded, mirror)
        tile = np.roll(view, (-sy, -sx), axis=(0, 1)).reshape(TILE, 2, TILE, 2).mean(axis=(1, 3))
        soft = np.bincount(p.bit_of_cell, weights=tile.ravel() * p.chips, minlength=CODED_BITS)
        softs.append(soft / (np.abs(soft).mean() + 1e-12))
    decoded = viterbi(np.stack(softs).astype(np.float32))  # all peaks at once: one trellis pass
    for (z, *_), soft, bits in zip(peaks, softs, decoded, strict=True):
        watermark_id = payload_id(bits)
        if watermark_id is not None:
            recoded = conv_encode(bits).astype(np.float32) * 2 - 1
            agreement = float((recoded * soft).sum() / (np.abs(soft).sum() + 1e-12))
            if agreement >= MIN_AGREEMENT:
                return watermark_id, z, agreement
    return None, best_z, 0.0


def _normalised(luma: np.ndarray, lattice: _Lattice, side: int) -> np.ndarray:
    """Residual of the image resampled so that ``lattice`` becomes the embedder's own.

    Why resample instead of folding along the found lattice: at the
    embedder's scale and orientation the host's pixels fall into the same
    cells as when the watermark was made, so the host cancellation done at
    embedding still holds after a crop or a rotation.
    """
    import cv2

    height, width = luma.shape
    expected = WORK_PERIOD
    base = side / min(height, width)
    # Each axis on its own: a stretch changes one period, not the other.
    scale_x = base * expected / float(np.hypot(*lattice.u))
    scale_y = base * expected / float(np.hypot(*lattice.v))
    size = (max(1, round(width * scale_x)), max(1, round(height * scale_y)))
    shrink = scale_x * scale_y < 1
    work = cv2.resize(luma, size, interpolation=cv2.INTER_AREA if shrink else cv2.INTER_LINEAR)
    # What the per-axis resize left: the map that takes the resized lattice onto the
    # embedder's (a turn, and a shear where the image was turned before it was stretched).
    resized = np.stack([lattice.u, lattice.v], axis=1) * np.array([[scale_x], [scale_y]]) / base
    turn = expected * np.linalg.inv(resized)
    if float(np.abs(turn - np.eye(2)).max()) > np.sin(np.radians(0.05)):
        centre = np.array([work.shape[1] / 2, work.shape[0] / 2])
        matrix = np.hstack([turn, (centre - turn @ centre)[:, None]])
        work = cv2.warpAffine(
            work,
            matrix,
            (work.shape[1], work.shape[0]),
            flags=cv2.INTER_LINEAR,
            borderMode=cv2.BORDER_REFLECT,
        )
    residual, _ = _residual(work)
    return residual / (float(residual.std()) + 1e-12)


MAX_ASPECT = 3.0
"""The decoder reads at most this many shorter sides of a long image (its centre)."""


def _central(rgb: np.ndarray) -> np.ndarray:
    """A panorama's or strip's central window, MAX_ASPECT shorter sides long.

    Why: the tile's period follows the shorter side, so the window holds whole periods
    (12 for WIDE) while the decoder's cost stays that of a 3:1 image, not the 32:1 of a
    2048x64 strip.
    """
    height, width = rgb.shape[:2]
    longest = int(MAX_ASPECT * min(height, width))
    if height > longest:
        top = (height - longest) // 2
        rgb = rgb[top : top + longest]
    if width > longest:
        left = (width - longest) // 2
        rgb = rgb[:, left : left + longest]
    return rgb


PICTURE_MIN = 96
"""The smallest picture, in pixels a side, that ``_picture`` looks for inside a frame."""
PICTURE_EDGES = (8.0, 3.0)
"""Grey-level steps that count as a picture's side: a clear one first, then a faint one (a
dark photo on a black feed)."""
PICTURE_CANDIDATES = 16
"""The columns with the longest straight edges that ``_picture`` pairs into sides."""
PICTURE_SLACK = 8
"""Pixels (at the resolution the box is searched at) by which two sides' ends may differ and
still be one picture's: a JPEG block, over which its ringing spreads a step."""
PICTURE_PIXELS = 2_000_000
"""A larger frame is searched for a picture at an integer fraction of its size (the sides
then placed at full size): a 12-megapixel photo costs what a 2-megapixel one does."""
PICTURE_AREA = (0.04, 0.9)
"""A picture's share of the frame: any less is too small to decode, any more a border."""
PICTURE_LEVELS = 2
"""A picture inside a picture found in the frame (a figure on a page in a document viewer, a
photo in a gallery's panel) is looked for too."""
assert MAX_ATTEMPTS == len(GEOMETRIES) * SHIFT_CANDIDATES * (2 + REFINED + 2 * PICTURE_LEVELS)


def _picture(luma: np.ndarray) -> tuple[int, int, int, int] | None:
    """(top, bottom, left, right) of the largest picture inside a larger frame, or None.

    Why: a marked image shown on a page (a screenshot of a browser, a phone's
    feed, a document, a letterbox) fills only part of the frame. Its period is
    then a fraction of what the frame's shorter side predicts, below the
    search's range, and at the search's resolution its cells shrink under a
    pixel. Cut out, the picture is the marked image again, only rescaled,
    which the unattacked lattice or the autocorrelation decodes.

    How: a picture's left and right sides are two straight vertical steps
    that begin and end on the same rows, and its top and bottom are steps
    along most of its width. Page text, which also makes long runs once its
    gaps are closed, runs horizontally, so the vertical sides lead: the
    columns with the longest runs of steps are paired, pairs whose runs
    overlap give a box (their common rows), and the largest box with steps
    along 80% of its top and bottom (95% where one side runs on past a
    corner, into a caption), 4% to 90% of the frame, that does not touch the
    frame's top or bottom (a crop or a border: the search's case) is the
    picture. A picture as wide as the frame (a photo across a phone's feed)
    has no side inside it: the frame turned, ``_frame_wide`` finds its top and
    bottom; one as tall as the frame (a portrait fitted into a gallery's
    panel, the panel being the frame) likewise its sides. The largest of the
    boxes wins, at the first step size that finds one. Where neither step size
    finds one, the frame less its flat bars (``_inside_bars``: a letterbox
    whose picture's edges do not step against them), then a box with one
    clear end (``_box``'s ``one_edge``: a picture whose dark or pale end does
    not step against the page). Bars first: flat along the whole frame, they
    are the surer evidence; a textured photo, bordered on three sides, has
    edges inside it that can pair into a box with one end. Last, bars that
    keep their colour along most of their length (``_inside_crossed_bars``: a
    video player's controls drawn across a pillarbox).
    """
    import cv2

    height, width = luma.shape
    factor = max(1, math.ceil(math.sqrt(height * width / PICTURE_PIXELS)))
    small = luma
    if factor > 1:
        size = (width // factor, height // factor)
        small = cv2.resize(luma, size, interpolation=cv2.INTER_AREA)
    for threshold in PICTURE_EDGES:
        across, down = _steps(small, threshold)
        found = []
        box = _box(across, down, PICTURE_MIN // factor)
        if box is not None:
            found.append(box)
        band = _frame_wide(small.T, np.ascontiguousarray(down.T), PICTURE_MIN // factor)
        if band is not None:
            left, right, top, bottom = band
            found.append((top, bottom, left, right))
        tall = _frame_wide(small, across, PICTURE_MIN // factor)
        if tall is not None:
            found.append(tall)
        if found:
            box = max(found, key=lambda b: (b[1] - b[0]) * (b[3] - b[2]))
            return _placed(luma, box, small.shape, factor, threshold)
    box = _inside_bars(small, PICTURE_MIN // factor)
    if box is not None:
        return _placed(luma, box, small.shape, factor, PICTURE_EDGES[1])
    for threshold in PICTURE_EDGES:
        box = _box(*_steps(small, threshold), PICTURE_MIN // factor, one_edge=True)
        if box is not None:
            return _placed(luma, box, small.shape, factor, threshold)
    box = _inside_crossed_bars(small, PICTURE_MIN // factor)
    if box is not None:
        return _placed(luma, box, small.shape, factor, PICTURE_EDGES[1])
    return None


BAR_SHARE = 0.8
"""A bar that something is drawn across (a video player's controls across its pillarbox)
keeps its colour along at least this share of its length."""


def _inside_bars(luma: np.ndarray, minimum: int) -> tuple[int, int, int, int] | None:
    """The frame less its flat margins (a letterbox's or a pillarbox's bars, a plain
    border), or None where it has none or what is left is not a picture's share of it.

    Why: a landscape letterboxed into a portrait frame keeps its period while the frame's
    shorter side grows, so the period predicted halves (cells under a pixel in the search's
    view), and where the picture's own edge rows are as dark as the bars (a dark photo, a
    chart on white against white bars) no side steps for ``_box`` to pair. A bar is flat
    along its whole length whatever the picture beside it: rows and columns that span no
    more than the faint step (PICTURE_EDGES) from the frame's edges inwards.
    """
    faint = PICTURE_EDGES[1]
    rows = _span(np.ptp(luma, axis=1) > faint)
    columns = _span(np.ptp(luma, axis=0) > faint)
    if rows is None or columns is None:
        return None
    box = (*rows, *columns)
    return box if _picture_share(box, luma.shape, minimum) else None


def _span(busy: np.ndarray) -> tuple[int, int] | None:
    """The first and last (plus one) of the lines marked busy, or None where none is."""
    lines = np.flatnonzero(busy)
    return None if lines.size == 0 else (int(lines[0]), int(lines[-1]) + 1)


def _picture_share(box: tuple[int, int, int, int], shape: tuple[int, ...], minimum: int) -> bool:
    """Whether a box is at least ``minimum`` a side and a picture's share of the frame."""
    top, bottom, left, right = box
    low, high = PICTURE_AREA
    area = (bottom - top) * (right - left) / (shape[0] * shape[1])
    return min(bottom - top, right - left) >= minimum and low <= area <= high


def _inside_crossed_bars(luma: np.ndarray, minimum: int) -> tuple[int, int, int, int] | None:
    """The frame less margins that keep their colour (their median) along BAR_SHARE of
    their length, or None: bars that something is drawn across.

    Why: a video player draws its controls (a progress bar, a shade, icons) across the
    picture and its pillarbox alike. No bar is flat along its whole length for
    ``_inside_bars``, and the picture's sides, crossed by the progress bar, do not step
    along the whole frame for ``_frame_wide``. So, too, a dark page with a few labels
    on it around a dark picture whose edges do not step against it. The bars are found
    on one axis, then the other inside them (a row across a narrow pillarboxed picture
    is off the bar's colour along only the picture's width): columns first, then rows
    first. The first axis must have a bar at both ends, of one colour (a pillarbox's,
    or a letterbox's): a flat sky keeps its colour along most of its length too, but
    at one end of the frame. (A dark photo's black margins can pass for bars: the box
    is then tried and fails, at the cost of its attempts, counted in MAX_ATTEMPTS.)
    """
    faint = PICTURE_EDGES[1]

    def kept(lines: np.ndarray) -> tuple[int, int] | None:
        # the span of the columns off their colour beyond the share
        off = np.abs(lines - np.median(lines, axis=0, keepdims=True)) > faint
        return _span(off.mean(axis=0) > 1.0 - BAR_SHARE)

    for turned in (False, True):
        frame = luma.T if turned else luma
        outer = kept(frame)  # the frame's columns inside the bars (its rows, turned)
        if outer is None or outer[0] == 0 or outer[1] == frame.shape[1]:
            continue
        ends = np.median(frame[:, [0, -1]], axis=0)
        if abs(float(ends[0] - ends[1])) > faint:
            continue
        inner = kept(frame[:, outer[0] : outer[1]].T)
        if inner is None:
            continue
        box = (*outer, *inner) if turned else (*inner, *outer)
        if _picture_share(box, luma.shape, minimum):
            return box
    return None


def _steps(luma: np.ndarray, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """Where the grey level steps by more than ``threshold``: across (between columns x and
    x + 1) and down (between rows y and y + 1)."""
    across = np.abs(np.diff(luma, axis=1)) > threshold
    down = np.abs(np.diff(luma, axis=0)) > threshold
    return across, down


def _runs(across: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each column's longest run of steps (its gaps of up to 4 pixels closed): (first row,
    last row, length)."""
    import cv2

    closed = cv2.morphologyEx(across.view(np.uint8), cv2.MORPH_CLOSE, np.ones((5, 1), np.uint8))
    steps = closed.view(bool)
    total = np.cumsum(steps, axis=0, dtype=np.int32)
    run = total - np.maximum.accumulate(np.where(steps, 0, total), axis=0)
    last = run.argmax(axis=0)  # each column's longest run ends here...
    length = run[last, np.arange(run.shape[1])]  # ...and is this long
    return last - length + 1, last, length


def _box(
    across: np.ndarray, down: np.ndarray, minimum: int, one_edge: bool = False
) -> tuple[int, int, int, int] | None:
    """``_picture``'s search for pictures at least ``minimum`` a side, given the frame's
    steps across (between columns) and down (between rows) at one step size.

    With ``one_edge``, a pair of sides whose runs begin (or end) together on a top (or
    bottom) that steps along the picture's width will do, and the box runs to the longer
    side's other end: a picture whose dark (or pale) part does not step against the page's
    background (a night sky in a dark gallery, a pale sky on a white slide) shows its sides
    only in part, and one of its top and bottom. Its sides must then have the page beside
    them, as a frame-wide picture's do (``_frame_wide``).
    """
    height, width = down.shape[0] + 1, down.shape[1]
    if min(height, width) < minimum + 2:
        return None
    first, last, length = _runs(across)
    # Longest first, ties to the leftmost (a stable sort: the same candidates on any CPU).
    columns = np.argsort(-length, kind="stable")[:PICTURE_CANDIDATES]
    columns = columns[length[columns] >= minimum]
    best: tuple[int, tuple[int, int, int, int]] | None = None
    low, high = PICTURE_AREA
    for a in columns:
        for b in columns:
            if b - a < minimum:
                continue
            top, bottom = int(max(first[a], first[b])), int(min(last[a], last[b])) + 1
            left, right = int(a) + 1, int(b) + 1
            # Top and bottom: steps along most of the width where the sides end together,
            # along nearly all of it where one side runs on (into a caption's first letter);
            # a row within PICTURE_SLACK of the sides' ends will do (JPEG's ringing).
            apart = max(abs(int(last[a]) - int(last[b])), abs(int(first[a]) - int(first[b])))
            clear = 0.8 if apart <= PICTURE_SLACK or one_edge else 0.95
            shapes: list[tuple[int, int, tuple[int, ...]]] = []
            if not one_edge:
                shapes.append((top, bottom, (top, bottom)))
            else:
                # Either end where the sides' runs meet it (both where they meet both: a
                # pale sky's top on a pale page steps along only part of the width).
                if abs(int(first[a]) - int(first[b])) <= PICTURE_SLACK:
                    shapes.append((top, int(max(last[a], last[b])) + 1, (top,)))
                if abs(int(last[a]) - int(last[b])) <= PICTURE_SLACK:
                    shapes.append((int(min(first[a], first[b])), bottom, (bottom,)))
            for top, bottom, edges in shapes:
                area = (bottom - top) * (right - left)
                if (
                    bottom - top < minimum
                    or not low * height * width <= area <= high * height * width
                    or (best is not None and area <= best[0])
                    or top < 1
                    or bottom > height - 1
                ):
                    continue
                # ...with the page beside it (inside a photo, an object's two edges have
                # texture beside them).
                outside = [int(a) - 3, int(a) - 2, int(b) + 2, int(b) + 3]
                if one_edge and not _page_beside(across, top, bottom, outside):
                    continue
                along = min(
                    down[max(edge - 1 - PICTURE_SLACK, 0) : edge + PICTURE_SLACK, left:right]
                    .mean(axis=1)
                    .max()
                    for edge in edges
                )
                if along >= clear:
                    best = (area, (top, bottom, left, right))
    return None if best is None else best[1]


def _frame_wide(
    luma: np.ndarray, across: np.ndarray, minimum: int
) -> tuple[int, int, int, int] | None:
    """The largest picture as tall as a (turned) frame ``luma``, given its steps ``across``
    (between columns): a photo across a phone's feed.

    Its two sides are runs of steps down the whole frame, with the page beside them (the
    columns 2 and 3 pixels outside step along at most PICTURE_QUIET of it: inside a
    textured photo every column steps), and no more than 1% of its rows or columns are
    flat (a page's background between lines of text). ``_box`` cannot see such a picture:
    its other two sides are the frame's edges.
    """
    height, width = luma.shape
    if min(height, width) < minimum + 2:
        return None
    first, last, _ = _runs(across)
    whole = np.flatnonzero((first <= PICTURE_SLACK) & (last >= height - 1 - PICTURE_SLACK))
    sides = [int(column) for column in whole]
    # the page beside the sides over the whole height, as they run
    lefts = [a for a in sides if _page_beside(across, 0, height, [a - 3, a - 2])]
    rights = [b for b in sides if _page_beside(across, 0, height, [b + 2, b + 3])]
    lefts, rights = lefts[:PICTURE_CANDIDATES], rights[-PICTURE_CANDIDATES:]
    best: tuple[int, tuple[int, int, int, int]] | None = None
    low, high = PICTURE_AREA
    for a in lefts:
        for b in rights:
            area = height * (b - a)
            if b - a < minimum or not low * height * width <= area <= high * height * width:
                continue
            if (best is None or area > best[0]) and _textured(luma[:, a + 1 : b + 1]):
                best = (area, (0, height, a + 1, b + 1))
    return None if best is None else best[1]


PICTURE_QUIET = 0.25
"""A frame-wide picture's side, or a side of a box with one clear end, has the page beside
it: the lines 2-3 pixels outside step along at most this much of it."""


def _page_beside(across: np.ndarray, top: int, bottom: int, columns: list[int]) -> bool:
    """Whether the ``columns`` of the steps ``across`` step, together, along at most
    PICTURE_QUIET of rows ``top`` to ``bottom`` each: a page beside a side. Not where a
    column lies outside the frame: a side on the frame's edge has no page to see beside it
    (a slide's edge, resampled to a blend of its page and the viewer's, steps along the
    whole frame)."""
    if min(columns) < 0 or max(columns) >= across.shape[1]:
        return False
    steps = int(across[top:bottom, columns].sum())
    return steps <= PICTURE_QUIET * len(columns) * (bottom - top)


PICTURE_FLAT = 2.0
"""A line whose grey levels span no more than this is flat: a page's background."""


def _textured(region: np.ndarray) -> bool:
    """Whether no more than 1% of a region's rows and of its columns are flat, away from its
    edges (PICTURE_SLACK pixels in from each).

    Why away from them: a side found between a page and a list, a separator line of one
    pixel resampled to two, keeps a blended line inside the region, and JPEG's ringing
    beside it: every row then spans more than a flat one, and an e-mail's message list
    between its two separators passed for a photo as tall as the frame.
    """
    region = region[PICTURE_SLACK:-PICTURE_SLACK, PICTURE_SLACK:-PICTURE_SLACK]
    if region.size == 0:
        return False
    rows = np.ptp(region, axis=1) > PICTURE_FLAT
    columns = np.ptp(region, axis=0) > PICTURE_FLAT
    return bool(rows.mean() >= 0.99 and columns.mean() >= 0.99)


def _placed(
    luma: np.ndarray,
    box: tuple[int, int, int, int],
    found_in: tuple[int, ...],
    factor: int,
    threshold: float,
) -> tuple[int, int, int, int]:
    """A box found at 1/``factor`` of the size, its sides placed on the full-size steps: each
    at the column (row) within ``factor`` + PICTURE_SLACK pixels with the most steps along
    the side, or of those with 95% of the most the nearest to the box's (not a run's end,
    which JPEG's ringing moves to its block's edge). A side on the edge of the frame the box
    was found in (of shape ``found_in``) stays on the full frame's edge."""
    height, width = luma.shape
    top, bottom, left, right = (value * factor for value in box)
    reach = factor + PICTURE_SLACK

    def side(strip: np.ndarray, estimate: int, edge: int | None = None) -> int:
        # strip: the rows along the side (inner, clear of the corners), every column
        if edge is not None:
            return edge
        low = max(estimate - 1 - reach, 0)
        high = min(estimate - 1 + reach, strip.shape[1] - 2)
        counts = (np.abs(np.diff(strip[:, low : high + 2], axis=1)) > threshold).sum(axis=0)
        # the strongest step, or of steps nearly as strong (a bar's edge beside the
        # picture's), the nearest to where the box put the side
        strong = np.flatnonzero(counts >= 0.95 * counts.max())
        return low + int(strong[np.abs(strong + low + 1 - estimate).argmin()]) + 1

    rows = luma[top + reach : bottom - reach]
    left = side(rows, left, 0 if box[2] == 0 else None)
    right = side(rows, right, width if box[3] == found_in[1] else None)
    columns = luma[:, left + reach : right - reach].T
    top = side(columns, top, 0 if box[0] == 0 else None)
    bottom = side(columns, bottom, height if box[1] == found_in[0] else None)
    return top, bottom, left, right


def _decoded_picture(luma: np.ndarray) -> tuple[int | None, float]:
    """The id of a picture found inside the frame: its unattacked lattice, then its
    autocorrelation's, at each geometry; then of a picture found inside that one likewise
    (at most 2 x 2 x 2 x SHIFT_CANDIDATES attempts).

    Why a second level: a figure in a document viewer sits on a white page on a grey
    viewer, and a gallery's photo in a grey panel on a white page: the page, or the
    panel, is the larger box. (Looking inside only boxes with flat rows or columns, a
    page's, missed the panels whose flat margins JPEG had rippled.)
    """
    for _level in range(PICTURE_LEVELS):
        box = _picture(luma)
        if box is None:
            return None, 0.0
        top, bottom, left, right = box
        luma = np.ascontiguousarray(luma[top:bottom, left:right])
        for geometry in GEOMETRIES:
            residual = _view(luma, geometry)
            watermark_id, agreement = _unattacked(residual)
            if watermark_id is not None:
                return watermark_id, agreement
            found = _find_lattice(residual, WORK_PERIOD)
            if found is not None:
                watermark_id, agreement = _unattacked(_normalised(luma, found, geometry.work_side))
                if watermark_id is not None:
                    return watermark_id, agreement
    return None, 0.0


def _view(luma: np.ndarray, geometry: Geometry) -> np.ndarray:
    """The decoder's residual of ``luma`` at ``geometry``'s scale, at unit deviation."""
    residual, _ = _residual(_work(luma, geometry.work_side))
    residual /= float(residual.std()) + 1e-12
    return residual


def _unattacked(residual: np.ndarray) -> tuple[int | None, float]:
    """(id or None, agreement) of a residual folded along the embedder's own lattice."""
    watermark_id, _z, agreement = _despread(_Folder(residual).fold(_rotated(WORK_PERIOD, 0.0)))
    return watermark_id, agreement


def decode_array(rgb: np.ndarray, *, search: bool = True) -> tuple[int | None, float]:
    """(watermark id or None, confidence in [0, 1]) for an RGB array on the 0-255 scale
    (8-bit, or float or 16-bit data scaled to it: the step limiter's floor is in grey levels).

    Each geometry's unattacked lattice first (two cheap folds), then a picture found
    inside the frame (with ``search``), then each geometry's autocorrelation and search.
    """
    height, width = rgb.shape[:2]
    if min(height, width) < 64:
        return None, 0.0
    luma = _luma(_central(rgb).astype(np.float32))
    if float(luma.max()) == float(luma.min()):
        return None, 0.0  # one colour: nothing to search (a mark always varies the luma)
    views = []
    for geometry in GEOMETRIES:
        residual = _view(luma, geometry)
        watermark_id, agreement = _unattacked(residual)
        if watermark_id is not None:
            return watermark_id, agreement
        views.append((geometry, residual))
    if search:
        watermark_id, agreement = _decoded_picture(luma)
        if watermark_id is not None:
            return watermark_id, agreement
    for geometry, residual in views:
        found = _find_lattice(residual, WORK_PERIOD)
        lattices = [found] if found is not None else []
        if search:
            lattices += _search(residual, WORK_PERIOD)
        for lattice in lattices:
            watermark_id, agreement = _unattacked(_normalised(luma, lattice, geometry.work_side))
            if watermark_id is not None:
                return watermark_id, agreement
    return None, 0.0


CHECK_QUALITY = 30
"""The JPEG quality a small image's watermark must survive before it is delivered."""
CHECK_WEBP_QUALITY = 50
"""The WebP quality it should survive too (WebP's deblocking filter smooths what JPEG keeps)."""
BOOSTS = (1.0, 1.5, 2.0, 2.5)
"""Amplitude factors over the SSIM allowance tried in turn (the PSNR target still caps)."""
WIDE_FIRST_CELL = 2.0
"""Below SMALL_BELOW, WIDE is tried first where its cells are wider than this many pixels
(shorter sides over 256 px), SMALL first at 256 px and below (``_embed_small``)."""


def _survives(marked: np.ndarray, watermark_id: int, extension: str, quality: int) -> bool:
    """Whether the unattacked lattice still decodes the id from a lossy copy."""
    import cv2

    flag = cv2.IMWRITE_JPEG_QUALITY if extension == ".jpg" else cv2.IMWRITE_WEBP_QUALITY
    try:
        ok, encoded = cv2.imencode(extension, marked[:, :, ::-1], [flag, quality])
    except cv2.error:  # an OpenCV build without this codec: the check cannot pass
        return False
    if not ok:
        return False
    decoded = cv2.imdecode(encoded, cv2.IMREAD_COLOR)
    if decoded is None:
        return False
    return decode_array(decoded[:, :, ::-1], search=False)[0] == watermark_id


PSNR_STEPS = (0.0, 1.25, 2.5)
"""How far below the PSNR target (dB) an image may be marked when its mark would not
survive otherwise: in the tuning rounds only busy textures (gravel) needed it, where at
42.5 dB the host outweighs the mark so that even the unattacked image did not decode (1
photo of 15 in rounds h and i); at 40 dB it decodes for every id tried, with SSIM 0.993."""


def embed_checked(rgb: np.ndarray, watermark_id: int, psnr: float = 42.5) -> np.ndarray:
    """Embed at the PSNR target if the mark then survives, else up to PSNR_STEPS[-1] dB lower;
    then a mark whose pilot the host drowns gets more of itself from the SSIM allowance left
    over, down to TOP_UP_DB below the target (``_top_up``).

    At 512 px and above a mark survives when it is not in doubt (``_embed``) or, in
    doubt, the unattacked decoder reads it: only doubtful images pay for a decode.
    Below SMALL_BELOW px see ``_embed_small``, whose choice is then embedded again with
    the top-up. Where no step survives, the mark at the target itself (a weaker
    mark is not worth a visible one).
    """
    first = None
    floor = psnr - TOP_UP_DB
    for step in PSNR_STEPS:
        if min(rgb.shape[:2]) >= SMALL_BELOW:
            marked, doubtful = _embed(rgb, watermark_id, psnr - step, floor_psnr=floor)
            if not doubtful or decode_array(marked, search=False)[0] == watermark_id:
                return marked
        else:
            chosen = _embed_small(rgb, watermark_id, psnr - step)
            if chosen is not None:
                boost, geometry = chosen
                return _embed(rgb, watermark_id, psnr - step, boost, geometry, floor)[0]
            if first is None:  # no step survives: the strongest WIDE mark at the target
                first = _embed(rgb, watermark_id, psnr, BOOSTS[-1], WIDE, floor)[0]
            continue
        first = marked if first is None else first
    assert first is not None
    return first


def _embed_small(rgb: np.ndarray, watermark_id: int, psnr: float) -> tuple[float, Geometry] | None:
    """(boost, geometry) of the first geometry and strength whose mark survives JPEG q30 and
    WebP q50, else of the first that survives JPEG q30, else None.

    Why: small images are where compression hurts. At 256 px WIDE's cells are 2 px, the
    frequencies JPEG quantises hardest, and SMALL's 4-px cells survive it. Above that
    WIDE comes first: its 4 x 4 periods still fold 2 x 2 after a crop to half of each
    side, SMALL's 2 x 2 periods one, and on photos SMALL's marks were lost to deep crops
    (2026-12-07, tuning: 24 photos of 260-500 px and 13 attacks, 39 failures with SMALL
    first, 19 with WIDE first; crops 27 -> 3, two chained messaging resizes 6 -> 9).
    Each geometry is tried at 1x to 2.5x the SSIM allowance (the PSNR target still
    caps), and the first mark that survives both a JPEG q30 and a WebP q50 re-encode is
    taken. WebP is checked as well because its deblocking filter smooths the 4-px cells
    that JPEG keeps: on the built-in model's outputs a mark that survives JPEG q30 can
    still be lost to WebP q53.
    """
    fallback = None
    wide_cell = min(rgb.shape[:2]) / (WIDE.periods * TILE)
    for geometry in (WIDE, SMALL) if wide_cell > WIDE_FIRST_CELL else (SMALL, WIDE):
        for boost in BOOSTS:
            marked = embed_array(rgb, watermark_id, psnr, boost, geometry)
            if not _survives(marked, watermark_id, ".jpg", CHECK_QUALITY):
                continue
            if _survives(marked, watermark_id, ".webp", CHECK_WEBP_QUALITY):
                return boost, geometry
            if fallback is None:
                fallback = (boost, geometry)
    return fallback


class TiledWatermarker:
    """The default safegen watermark (see the module docstring for the design)."""

    algorithm = "com.safegen.tiled-ss.v1"

    def __init__(self, psnr: float = 42.5) -> None:
        self.psnr = psnr

    def embed(self, image: Image.Image, watermark_id: int) -> Image.Image:
        from PIL import Image as PILImage

        marked = embed_checked(np.asarray(image.convert("RGB")), watermark_id, self.psnr)
        return PILImage.fromarray(marked, mode="RGB")

    def decode(self, image: Image.Image) -> DecodeResult:
        from safegen.watermark import DecodeResult

        watermark_id, confidence = decode_array(np.asarray(image.convert("RGB")))
        return DecodeResult(watermark_id, round(confidence, 4), self.algorithm)
