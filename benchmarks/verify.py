"""Verify throughput: images per second per core, each signal's share, against c2pa-python.

Signed images come through the real safegen path (watermark, C2PA signing,
SQLite ledger) from a stand-in backend that returns scikit-image's sample
photos at the requested size, so the benchmark does not wait on a diffusion
model. One thread (OpenCV, ONNX and BLAS limited to one), so the numbers are
per core. The baseline is c2pa-python reading and validating the same bytes
(``c2pa.Reader`` + its JSON report), measured in the same run.

    python benchmarks/verify.py [--images 8] [--rounds 3]
"""

from __future__ import annotations

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import argparse  # noqa: E402
import io  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import cv2  # noqa: E402
from PIL import Image  # noqa: E402
from samples import square_photos  # noqa: E402

from safegen import Config, SafeGen  # noqa: E402
from safegen.backends import BackendRequest, ModelIdentity  # noqa: E402
from safegen.verify import Verifier  # noqa: E402

STAGES = ("decode", "manifest", "hashes", "watermark", "ledger")


class PhotoBackend:
    """Returns sample photos, cropped square and resized: stands in for a generator."""

    identity = ModelIdentity("benchmark", "skimage-sample-photos", "1", "0" * 64)

    def __init__(self) -> None:
        self.photos = square_photos()

    def generate(self, request: BackendRequest) -> list[Image.Image]:
        size = (request.width or 512, request.height or 512)
        return [
            Image.fromarray(
                cv2.resize(self.photos[seed % len(self.photos)], size, interpolation=cv2.INTER_AREA)
            )
            for seed in request.seeds
        ]


def c2pa_read(data: bytes, mime: str, context: object) -> None:
    import c2pa

    with c2pa.Reader(mime, io.BytesIO(data), None, context) as reader:
        reader.json()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    cv2.setNumThreads(1)

    import c2pa

    from safegen.safety import OpenNSFW

    home = Path(tempfile.mkdtemp(prefix="safegen-bench-"))
    config = Config(home=home, threads=1)
    gen = SafeGen(config, backend=PhotoBackend(), safety=OpenNSFW(threads=1))
    rows = []
    gen.signer  # noqa: B018 - creates the development identity the verifier trusts
    verifier = Verifier(config, ledger=gen.ledger)
    root = (config.keys_dir / "root-ca.pem").read_bytes()
    context = c2pa.Context.from_dict({"trust": {"trust_anchors": root.decode()}})
    for fmt, mime in (("png", "image/png"), ("jpeg", "image/jpeg")):
        for size in (512, 1024):
            result = gen.generate(
                "benchmark", n=args.images, seed=0, width=size, height=size, output_format=fmt
            )
            blobs = [image.data for image in result.images]
            stage_totals = dict.fromkeys(STAGES, 0.0)
            verdicts = set()
            start = time.perf_counter()
            for _ in range(args.rounds):
                for blob in blobs:
                    report = verifier.verify_bytes(blob)
                    verdicts.add(report.verdict)
                    for stage in STAGES:
                        stage_totals[stage] += report.timings.get(stage, 0.0)
            ours = (time.perf_counter() - start) / (args.rounds * len(blobs))
            start = time.perf_counter()
            for _ in range(args.rounds):
                for blob in blobs:
                    c2pa_read(blob, mime, context)
            baseline = (time.perf_counter() - start) / (args.rounds * len(blobs))
            total = sum(stage_totals.values()) or 1.0
            rows.append(
                (
                    f"{fmt} {size}x{size}",
                    1 / ours,
                    ours * 1000,
                    1 / baseline,
                    baseline * 1000,
                    ours / baseline,
                    {stage: stage_totals[stage] / total for stage in STAGES},
                    ",".join(sorted(verdicts)),
                    statistics.mean(len(b) for b in blobs) / 1024,
                )
            )
    gen.close()

    print(f"verify throughput, 1 thread, {args.images} signed photos x {args.rounds} rounds each")
    header = (
        f"{'input':<15}{'KiB':>6}{'img/s':>8}{'ms/img':>8}{'c2pa img/s':>12}{'c2pa ms':>9}"
        f"{'ratio':>7}  " + "".join(f"{s:>10}" for s in STAGES) + "  verdicts"
    )
    print(header)
    for name, rate, ms, c_rate, c_ms, ratio, shares, verdicts, kib in rows:
        print(
            f"{name:<15}{kib:>6.0f}{rate:>8.1f}{ms:>8.1f}{c_rate:>12.1f}{c_ms:>9.1f}{ratio:>7.2f}  "
            + "".join(f"{shares[s]:>10.0%}" for s in STAGES)
            + f"  {verdicts}"
        )
    print("ratio = safegen verify time / c2pa-python read time on the same bytes")


if __name__ == "__main__":
    main()
