"""What safegen costs on top of generation, against what a Stable Diffusion XL user runs today.

In one run, on the same 512x512 images (scikit-image sample photos; a stand-in
backend hands them over, so generation itself costs nothing here):

- safegen's whole path per image minus the backend: prompt policy (with the
  semantic stage), NSFW classifier, protected banks and face check, watermark,
  PNG encoding, C2PA signing, hashing and the ledger commit (SQLite), with
  each stage's share;
- the anchor: diffusers' ``StableDiffusionSafetyChecker`` (the CLIP ViT-L/14
  vision tower built from its published configuration; random weights, which
  cost the same time) with its CLIP preprocessing, plus the SDXL watermarker
  (``invisible-watermark`` dwtDct, 48 bits);

and the ratio. Then PNG encoding alone, Pillow's encoder (what safegen used
before) against safegen's, with file sizes; then the cold start of ``safegen
generate``, ``safegen verify`` and ``safegen --version`` (median of 5 processes).
Needs ``pip install -e '.[bench]'``.

    python benchmarks/overhead.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image
from samples import square_photos


def photos(size: int = 512) -> list[Image.Image]:
    return [
        Image.fromarray(a).resize((size, size), Image.Resampling.LANCZOS) for a in square_photos()
    ]


class HandOver:
    """A stand-in backend: returns the next photo, so only safegen's own work is timed."""

    def __init__(self, images: list[Image.Image]) -> None:
        from safegen.backends import ModelIdentity

        self.images = images
        self.identity = ModelIdentity("benchmark", "hand-over", "1", "0" * 64)
        self.next = 0

    def generate(self, request):  # type: ignore[no-untyped-def]
        out = []
        for _ in request.seeds:
            out.append(self.images[self.next % len(self.images)].copy())
            self.next += 1
        return out


def safegen_path(images: list[Image.Image], rounds: int) -> tuple[float, dict[str, float]]:
    from safegen import Config, SafeGen

    home = Path(tempfile.mkdtemp(prefix="safegen-overhead-"))
    gen = SafeGen(Config(home=home), backend=HandOver(images))
    gen.generate("a warm-up", seed=1)  # loads models once, as a running service has
    gen.policy.warm()  # type: ignore[attr-defined]
    totals: dict[str, float] = {}
    walls = []
    prompts = ["a lighthouse at dusk", "portrait of an old fisherman", "a red fox in the snow"]
    for r in range(rounds):
        for i in range(len(images)):
            start = time.perf_counter()
            result = gen.generate(prompts[(r + i) % len(prompts)], seed=i)
            wall = time.perf_counter() - start
            backend = result.timings.get("backend", 0.0)
            walls.append(wall - backend)
            for stage, seconds in result.timings.items():
                if stage != "backend":
                    totals[stage] = totals.get(stage, 0.0) + seconds
    gen.close()
    count = rounds * len(images)
    return statistics.median(walls) * 1000, {k: v / count * 1000 for k, v in totals.items()}


def anchor(images: list[Image.Image], rounds: int) -> tuple[float, float, float]:
    import torch
    from diffusers.pipelines.stable_diffusion.safety_checker import StableDiffusionSafetyChecker
    from imwatermark import WatermarkEncoder
    from transformers import CLIPConfig, CLIPImageProcessor

    config = CLIPConfig(
        vision_config={
            "hidden_size": 1024,
            "intermediate_size": 4096,
            "num_hidden_layers": 24,
            "num_attention_heads": 16,
            "patch_size": 14,
            "image_size": 224,
            "projection_dim": 768,
        },
        projection_dim=768,
    )
    torch.manual_seed(0)
    checker = StableDiffusionSafetyChecker(config).eval()
    processor = CLIPImageProcessor(
        size={"shortest_edge": 224}, crop_size={"height": 224, "width": 224}
    )
    encoder = WatermarkEncoder()
    encoder.set_watermark("bits", [int(b) for b in f"{0xB3EC907BB19E:048b}"])  # SDXL's message
    checker_ms, watermark_ms = [], []
    with torch.inference_mode():
        for _ in range(rounds):
            for image in images:
                array = np.asarray(image)
                start = time.perf_counter()
                pixels = processor(images=image, return_tensors="pt").pixel_values
                checker(clip_input=pixels, images=[array.astype(np.float32) / 255.0])
                checker_ms.append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                encoder.encode(np.ascontiguousarray(array[:, :, ::-1]), "dwtDct")
                watermark_ms.append((time.perf_counter() - start) * 1000)
    c, w = statistics.median(checker_ms), statistics.median(watermark_ms)
    return c + w, c, w


def png_encoders(images: list[Image.Image], rounds: int) -> list[tuple[str, float, float]]:
    """(encoder, median ms per image, mean KB): Pillow's encoder (safegen <= 2026-12-01)
    against safegen's own (Paeth rows + libdeflate), on the same images."""
    import io

    from safegen.imaging import encode_png

    def pillow(image: Image.Image) -> bytes:
        buf = io.BytesIO()
        image.save(buf, format="PNG", optimize=False)
        return buf.getvalue()

    def ours(image: Image.Image) -> bytes:
        return encode_png(np.asarray(image))

    rows = []
    for name, encode in (
        ("Pillow (zlib 6, adaptive filters)", pillow),
        ("safegen encode_png", ours),
    ):
        times, sizes = [], []
        for _ in range(rounds):
            for image in images:
                start = time.perf_counter()
                data = encode(image)
                times.append((time.perf_counter() - start) * 1000)
                sizes.append(len(data) / 1024)
        rows.append((name, statistics.median(times), statistics.mean(sizes)))
    return rows


def _median_run(command: list[str], env: dict[str, str], runs: int) -> float:
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=False)
        walls.append(time.perf_counter() - start)
    return statistics.median(walls)


def cold_start(folder: Path, runs: int = 5) -> dict[str, float]:
    """Median wall seconds of ``runs`` fresh processes (caches warm)."""
    import os

    env = {**os.environ, "SAFEGEN_HOME": str(folder / "home")}
    exe = [sys.executable, "-m", "safegen"]
    subprocess.run(
        [*exe, "generate", "warm caches", "--steps", "1", "-o", str(folder)],
        env=env,
        capture_output=True,
        check=True,
    )
    image = str(next(folder.glob("*.png")))
    return {
        "safegen generate (built-in, default steps)": _median_run(
            [*exe, "generate", "a red fox", "-o", str(folder)], env, runs
        ),
        "safegen generate --steps 1": _median_run(
            [*exe, "generate", "a red fox", "--steps", "1", "-o", str(folder)], env, runs
        ),
        "safegen verify (one PNG)": _median_run([*exe, "verify", image], env, runs),
        "safegen --version": _median_run([*exe, "--version"], env, runs),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    images = photos()
    ours, stages = safegen_path(images, args.rounds)
    anchor_ms, checker_ms, watermark_ms = anchor(images, args.rounds)
    encoders = png_encoders(images, args.rounds)
    with tempfile.TemporaryDirectory() as folder:
        cold = cold_start(Path(folder))

    n = len(images) * args.rounds
    print(f"overhead per 512x512 image, median of {n} (2-core CPU, backend time excluded)")
    print(f"{'path':<58}{'ms/img':>9}")
    print(f"{'safegen: policy+semantic, nsfw, banks, watermark, C2PA, ledger':<58}{ours:>9.1f}")
    print(f"{'anchor: SD safety checker (CLIP ViT-L/14) + SDXL dwtDct':<58}{anchor_ms:>9.1f}")
    print(f"{'   of which safety checker':<58}{checker_ms:>9.1f}")
    print(f"{'   of which dwtDct watermark':<58}{watermark_ms:>9.1f}")
    print(f"{'ratio safegen / anchor':<58}{ours / anchor_ms:>9.3f}")
    total = sum(stages.values())
    print("\nsafegen stages (mean ms per image, share)")
    for stage, ms in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:<12}{ms:>8.1f}{ms / total:>8.0%}")
    print("\nPNG encoding of the same images (ms per image, median; mean file size)")
    baseline = encoders[0]
    for name, ms, kb in encoders:
        print(f"  {name:<36}{ms:>7.1f} ms {kb:>8.1f} KB  x{ms / baseline[1]:.2f} time")
    print("\ncold start, process start to exit, median of 5 (caches warm)")
    for name, seconds in cold.items():
        print(f"  {name:<46}{seconds:>6.2f} s")


if __name__ == "__main__":
    main()
