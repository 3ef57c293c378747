"""The watermark on a frozen held-out set (benchmarks/heldout/), all methods.

Each set (images, attacks, unmarked images, edge cases) was written by a helper
that had not seen the watermark's design or code, and is never edited; a later
round writes a new file: ``--set 2026_12_01`` (the first round, the default),
``--set 2026_12_01b``, ``2026_12_06``, ``2026_12_06d``, ``2026_12_06e``,
``2026_12_06f``, ``2026_12_07g``, ``2026_12_07h``, ``2026_12_07i``,
``2026_12_07j``, ``2026_12_07k``, ``2026_12_07l``, ``2026_12_07m``, ``2026_12_07n``,
``2026_12_07o``, ``2026_12_07p``, ``2026_12_07q``, ``2026_12_07r``,
``2026_12_07s``, ``2026_12_07t``, ``2026_12_07u``, ``2026_12_07v``,
``2026_12_07w``, ``2026_12_07x``, ``2026_12_07y``, ``2026_12_07z``,
``2026_12_08a``, ``2026_12_08b``, ``2026_12_08c`` or ``2026_12_08d``.
Each set's first attack is the unattacked copy.
Per method: PSNR, SSIM, embed and decode milliseconds,
then the exact-recovery rate after every attack, with the number of wrong ids;
safegen per image class; safegen's false ids on unmarked images with the
median time to say "not marked" and the analytic bound; and what each edge
case decodes to (never an exception). Needs ``pip install -e '.[bench]'``.

    python benchmarks/watermark_heldout.py [--set 2026_12_01b] [--unmarked 300] [--rivagan]
        [--workers 2] [--unmarked-only [--unmarked-from 3000]]
"""

from __future__ import annotations

import argparse
import importlib
import os
import statistics
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from watermark import Invisible, Method, RivaGan, Safegen, quality  # noqa: E402

SET = os.environ.get("SAFEGEN_HELDOUT_SET", "2026_12_01")
heldout = importlib.import_module(f"benchmarks.heldout.watermark_{SET}")


def _methods(rivagan: bool) -> list[Method]:
    methods: list[Method] = [Safegen()]
    if os.environ.get("SAFEGEN_HELDOUT_ONLY_SAFEGEN") != "1":
        methods += [Invisible("dwtDctSvd"), Invisible("dwtDct")]
    if rivagan:
        methods.append(RivaGan())
    return methods


def _one_image(job: tuple[int, str, str, np.ndarray, bool]) -> list[dict]:
    """Every method and attack on one image (run in a worker process)."""
    index, name, image_class, rgb, rivagan = job
    rng = np.random.default_rng(20261201 + index)
    rows = []
    for method in _methods(rivagan):
        watermark_id = int(rng.integers(1, 2**31))
        if min(rgb.shape[:2]) < 256 and not isinstance(method, Safegen):
            continue  # the baselines need 256 px
        start = time.perf_counter()
        try:
            marked = method.embed(rgb, watermark_id)
        except Exception as exc:  # noqa: BLE001 - a method that cannot mark this image
            rows.append({"method": method.name, "image": name, "error": str(exc)})
            continue
        embed_ms = (time.perf_counter() - start) * 1000
        psnr, ssim = quality(rgb, marked)
        for attack, apply in heldout.attacks():
            attacked = np.ascontiguousarray(apply(marked))
            start = time.perf_counter()
            try:
                found = method.decode(attacked)
            except Exception:  # noqa: BLE001 - counted as a miss, and reported
                found = "exception"
            decode_ms = (time.perf_counter() - start) * 1000
            truth = watermark_id if method.checked else watermark_id & 0xFFFFFFFF
            rows.append(
                {
                    "method": method.name,
                    "image": name,
                    "class": image_class,
                    "attack": attack,
                    "exact": found == truth,
                    "wrong": found not in (None, truth, "exception"),
                    "exception": found == "exception",
                    "decode_ms": decode_ms,
                    "embed_ms": embed_ms,
                    "psnr": psnr,
                    "ssim": ssim,
                }
            )
    return rows


def _unmarked(job: tuple[int, int]) -> list[tuple[str, tuple[int, int], bool, float]]:
    from safegen.watermark.tiled import decode_array

    start_index, count = job
    out = []
    for i, item in enumerate(heldout.unmarked(start_index + count)):
        if i < start_index:
            continue
        # Sets before round g yield (name, image); round g's yields bare images.
        name, rgb = item if isinstance(item, tuple) else (f"unmarked_{i}", item)
        start = time.perf_counter()
        found = decode_array(rgb)[0]
        out.append((name, rgb.shape[:2], found is not None, (time.perf_counter() - start) * 1000))
    return out


def _edge_cases() -> list[tuple[str, str, float]]:
    from PIL import Image

    from safegen.errors import ImageInputError
    from safegen.imaging import open_image
    from safegen.watermark.tiled import TiledWatermarker

    marker = TiledWatermarker()
    # Files go through what verify reads them with: a truncated or non-image file is a
    # clear input error there (reported as such), never a watermark decode.
    cases: list[tuple[str, Any]] = [
        (name, Image.fromarray(rgb)) for name, rgb in heldout.edge_cases()
    ]
    cases += list(heldout.edge_case_files())
    out = []
    for name, case in cases:
        start = time.perf_counter()
        try:
            image = case if isinstance(case, Image.Image) else open_image(bytes(case), name=name)
            result = repr(marker.decode(image).watermark_id)
        except ImageInputError as exc:
            result = f"input error: {str(exc).removeprefix(name + ': ')[:40]}"
        except Exception as exc:  # noqa: BLE001 - what the issue forbids; reported
            result = f"EXCEPTION {type(exc).__name__}: {exc}"
        out.append((name, result, (time.perf_counter() - start) * 1000))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default=SET, help="which frozen set (default %(default)s)")
    parser.add_argument("--unmarked", type=int, default=300)
    parser.add_argument("--rivagan", action="store_true", help="include rivaGan (slow)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--classes", help="only these image classes (comma-separated)")
    parser.add_argument("--only-safegen", action="store_true", help="skip the baselines")
    parser.add_argument(
        "--unmarked-only", action="store_true", help="only the false-positive count (safegen)"
    )
    parser.add_argument(
        "--unmarked-from",
        type=int,
        default=0,
        help="index of the first unmarked image (a long count run in parts)",
    )
    args = parser.parse_args()
    if args.set != SET:  # worker processes import this module again: pass the set on
        os.environ["SAFEGEN_HELDOUT_SET"] = args.set
        os.execv(sys.executable, [sys.executable, *sys.argv])

    if args.only_safegen:  # read again in the worker processes
        os.environ["SAFEGEN_HELDOUT_ONLY_SAFEGEN"] = "1"
    if args.unmarked_only:
        started = time.perf_counter()
        with ProcessPoolExecutor(args.workers) as pool:
            unmarked = [row for chunk in pool.map(_unmarked, _parts(args)) for row in chunk]
        print(
            f"held-out set {SET}: unmarked images {args.unmarked_from} to "
            f"{args.unmarked_from + args.unmarked - 1}; "
            f"{time.perf_counter() - started:.0f} s, {args.workers} workers"
        )
        _report_unmarked(unmarked)
        return
    images = heldout.images()
    if args.classes:
        images = [image for image in images if image[1] in args.classes.split(",")]
    jobs = [(i, name, cls, rgb, args.rivagan) for i, (name, cls, rgb) in enumerate(images)]
    started = time.perf_counter()
    with ProcessPoolExecutor(args.workers) as pool:
        rows = [row for chunk in pool.map(_one_image, jobs) for row in chunk]
        unmarked = [row for chunk in pool.map(_unmarked, _parts(args)) for row in chunk]
    elapsed = time.perf_counter() - started
    attack_names = [name for name, _ in heldout.attacks()]
    classes = sorted({cls for _, cls, _ in images})
    counts = defaultdict(int)
    for _, cls, _ in images:
        counts[cls] += 1
    print(
        f"held-out set {SET}: {len(images)} images "
        f"({', '.join(f'{c} {counts[c]}' for c in classes)}), {len(attack_names)} attacks; "
        f"{elapsed:.0f} s with {args.workers} workers\n"
    )
    ok = [r for r in rows if "error" not in r]
    methods = list(dict.fromkeys(r["method"] for r in ok))
    print(f"{'method':<20}{'PSNR':>6}{'SSIM':>7}{'emb ms':>8}{'dec ms':>8}{'wrong ids':>10}")
    for method in methods:
        mine = [r for r in ok if r["method"] == method]
        none = [r for r in mine if r["attack"] == attack_names[0]]  # the unattacked copy
        print(
            f"{method:<20}{statistics.mean(r['psnr'] for r in none):>6.1f}"
            f"{statistics.mean(r['ssim'] for r in none):>7.3f}"
            f"{statistics.median(r['embed_ms'] for r in none):>8.1f}"
            f"{statistics.median(r['decode_ms'] for r in none):>8.1f}"
            f"{sum(r['wrong'] for r in mine):>5} / {len(mine)}"
        )
    print("\nexact recovery per attack (all images)")
    print(f"{'attack':<28}" + "".join(f"{m[:18]:>20}" for m in methods))
    for attack in attack_names:
        cells = []
        for method in methods:
            hit = [r["exact"] for r in ok if r["method"] == method and r["attack"] == attack]
            cells.append(f"{100 * sum(hit) / max(1, len(hit)):>19.0f}%")
        print(f"{attack:<28}" + "".join(cells))
    print("\nsafegen per image class (exact recovery)")
    print(f"{'attack':<28}" + "".join(f"{c:>14}" for c in classes))
    for attack in attack_names:
        cells = []
        for cls in classes:
            hit = [
                r["exact"]
                for r in ok
                if r["method"] == "safegen (tiled)" and r["attack"] == attack and r["class"] == cls
            ]
            cells.append(f"{100 * sum(hit) / max(1, len(hit)):>13.0f}%")
        print(f"{attack:<28}" + "".join(cells))
    exceptions = [r for r in ok if r["exception"]]
    errors = [r for r in rows if "error" in r]
    print(f"\ndecode exceptions: {len(exceptions)}; embed errors: {len(errors)}")
    for r in errors[:10]:
        print(f"  {r['method']} {r['image']}: {r['error']}")

    _report_unmarked(unmarked)
    print("\nedge cases (safegen decode)")
    for name, result, ms in _edge_cases():
        print(f"  {name:<34}{result:<24}{ms:>8.1f} ms")


def _parts(args: argparse.Namespace) -> list[tuple[int, int]]:
    """(first index, count) of the unmarked images per worker."""
    per = max(1, args.unmarked // args.workers)
    return [
        (args.unmarked_from + k * per, per if k < args.workers - 1 else args.unmarked - k * per)
        for k in range(args.workers)
    ]


def _report_unmarked(unmarked: list[tuple[str, tuple[int, ...], bool, float]]) -> None:
    from safegen.watermark import tiled

    attempts = getattr(tiled, "MAX_ATTEMPTS", tiled.SHIFT_CANDIDATES * 5)
    false = sum(found for *_, found, _ in unmarked)
    times = [ms for *_, ms in unmarked]
    mid = [ms for _, shape, _, ms in unmarked if 400 <= max(shape) <= 640]
    print(
        f"\nunmarked: {false} false ids in {len(unmarked)} images "
        f"(bound: {attempts} attempts x 2^-{tiled.CHECK_BITS} = "
        f"{attempts * 2.0**-tiled.CHECK_BITS:.1e} "
        f"per image); 'not marked' median {statistics.median(times):.0f} ms, "
        f"{statistics.median(mid) if mid else float('nan'):.0f} ms for sides 400-640 px "
        f"({len(mid)} images); mean {statistics.mean(times):.0f} ms"
    )
    for name, shape, found, _ in unmarked:
        if found:
            print(f"  false id on {name} ({shape[1]}x{shape[0]})")


if __name__ == "__main__":
    main()
