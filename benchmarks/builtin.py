"""Built-in models: prompt adherence on held-out phrasings, diversity, latency.

Prompts below are phrasings the caption templates of safegen.builtin.scenes
never produce. Adherence is scored by an attribute checker that shares no
weights with the generators: colour statistics of the sky and of the lower
half (time of day: day / sunset / night; water: sea or lake or not). The
checker's own accuracy is measured first on rendered scenes whose attributes
are known. Diversity: mean absolute pixel difference between seeds of one
prompt (0 = identical images).

Sampling settings (guidance scale, steps) are chosen on *dev* prompts:
captions the training templates write for scenes the models never saw
(``--dev``), never on the held-out list.

    python benchmarks/builtin.py [--seeds 8] [--steps 15] [--guidance 3]
        [--dev] [--grid-dir docs] [--gan FOLDER] [--diffusion FOLDER]
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from PIL import Image

HELD_OUT = [
    ("the ocean beneath a starry night sky", {"time": "night", "water": True}),
    ("waves rolling onto the shore in bright midday light", {"time": "day", "water": True}),
    ("dunes glowing as the sun goes down", {"time": "sunset", "water": False}),
    ("a cabin among pines after dark", {"time": "night", "water": False}),
    ("peaks catching the last orange light of evening", {"time": "sunset", "water": False}),
    ("a sailing boat on open water, blue sky", {"time": "day", "water": True}),
    ("a pine wood on a bright afternoon", {"time": "day", "water": False}),
    ("a pond reflecting a dark sky full of stars", {"time": "night", "water": True}),
    ("a shoreline with a tower light, evening sky in pink", {"time": "sunset", "water": True}),
    ("green slopes under a clear noon sky", {"time": "day", "water": False}),
]


def attributes(image: Image.Image) -> dict[str, object]:
    """Time of day and water from colour statistics (64x64 view)."""
    a = np.asarray(image.convert("RGB").resize((64, 64), Image.Resampling.BILINEAR)).astype(float)
    sky = a[14:30].reshape(-1, 3).mean(0)
    bottom = a[44:].reshape(-1, 3)
    if sky.mean() < 60:
        time_of_day = "night"
    elif sky[1] < 0.72 * max(sky[0], sky[2]):  # warm or purple skies lack green
        time_of_day = "sunset"
    else:
        time_of_day = "day"
    blue_share = float(((bottom[:, 2] > bottom[:, 0] + 25) & (bottom[:, 2] > bottom[:, 1])).mean())
    return {"time": time_of_day, "water": blue_share > 0.3}


def checker_accuracy(count: int = 400) -> float:
    from safegen.builtin.scenes import render, sample_scene

    hits = total = 0
    for seed in range(10_000, 10_000 + count):
        scene = sample_scene(seed)
        if scene.weather != "clear":
            continue
        found = attributes(Image.fromarray(render(scene)))
        water = scene.terrain in ("sea", "lake")
        hits += (found["time"] == scene.time) + (found["water"] == water)
        total += 2
    return hits / total


def dev_prompts(count: int = 12) -> list[tuple[str, dict[str, object]]]:
    """Training-style captions of unseen scenes (clear weather, so the sky shows), with truth."""
    from safegen.builtin.scenes import caption, sample_scene

    prompts: list[tuple[str, dict[str, object]]] = []
    seed = 50_000
    while len(prompts) < count:
        scene = sample_scene(seed)
        if scene.weather == "clear":
            wanted = {"time": scene.time, "water": scene.terrain in ("sea", "lake")}
            prompts.append((caption(scene, seed), wanted))
        seed += 1
    return prompts


def evaluate(  # type: ignore[no-untyped-def]
    backend, seeds: int, prompts: list[tuple[str, dict[str, object]]] = HELD_OUT
) -> dict[str, float]:
    from safegen.backends import BackendRequest

    hits = total = 0
    times, diversity = [], []
    for prompt, wanted in prompts:
        start = time.perf_counter()
        images = backend.generate(BackendRequest(prompt, None, tuple(range(seeds))))
        times.append((time.perf_counter() - start) / seeds)
        arrays = [np.asarray(i.resize((64, 64))).astype(float) for i in images]
        diversity.append(
            np.mean([np.abs(arrays[i] - arrays[j]).mean() for i in range(seeds) for j in range(i)])
        )
        for image in images:
            found = attributes(image)
            hits += sum(found[k] == v for k, v in wanted.items())
            total += len(wanted)
    return {
        "adherence": hits / total,
        "ms_per_image": float(np.median(times) * 1000),
        "diversity": float(np.mean(diversity)),
    }


def write_grid(backend, path: str, per_prompt: int = 4) -> None:  # type: ignore[no-untyped-def]
    """Held-out prompts (rows) x seeds (columns), at the model's 256 px output, halved.

    Each row is labelled with its prompt on the left.
    """
    from PIL import ImageDraw

    from safegen.backends import BackendRequest

    tile, label = 128, 230
    grid = Image.new("RGB", (label + tile * per_prompt, tile * len(HELD_OUT)), "white")
    draw = ImageDraw.Draw(grid)
    for row, (prompt, _) in enumerate(HELD_OUT):
        words, lines = prompt.split(), [""]
        for word in words:  # wrap at ~34 characters
            if len(lines[-1]) + len(word) > 34:
                lines.append("")
            lines[-1] = f"{lines[-1]} {word}".strip()
        draw.multiline_text((6, row * tile + 8), "\n".join(lines), fill="black", spacing=3)
        images = backend.generate(BackendRequest(prompt, None, tuple(range(per_prompt))))
        for col, image in enumerate(images):
            grid.paste(
                image.resize((tile, tile), Image.Resampling.LANCZOS),
                (label + col * tile, row * tile),
            )
    grid.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=8)
    parser.add_argument("--gan", default=None, help="GAN folder (default: the shipped one)")
    parser.add_argument("--diffusion", default=None, help="diffusion model folder")
    parser.add_argument("--steps", type=int, default=15, help="diffusion steps")
    parser.add_argument("--guidance", type=float, default=None, help="diffusion CFG scale")
    parser.add_argument("--dev", action="store_true", help="score dev prompts, not held-out")
    parser.add_argument("--grid-dir", default=None, help="write builtin-*-grid.png here")
    args = parser.parse_args()
    from pathlib import Path

    from safegen.backends import BUILTIN_GAN
    from safegen.backends.builtin import BuiltinBackend
    from safegen.backends.gan import GANBackend

    print(f"attribute checker accuracy on rendered scenes: {checker_accuracy():.0%}")
    diffusion = BuiltinBackend(threads=2, folder=Path(args.diffusion) if args.diffusion else None)
    diffusion.default_steps = args.steps
    if args.guidance is not None:
        diffusion.guidance_scale = args.guidance
    gan = GANBackend(args.gan or str(BUILTIN_GAN), threads=2)
    rows = [("diffusion (builtin)", diffusion), ("gan", gan)]
    if args.grid_dir:
        write_grid(diffusion, str(Path(args.grid_dir) / "builtin-diffusion-grid.png"))
        write_grid(gan, str(Path(args.grid_dir) / "builtin-gan-grid.png"))
    prompts = dev_prompts() if args.dev else HELD_OUT
    split = "dev (training-style captions, unseen scenes)" if args.dev else "held-out"
    print(f"\n{len(prompts)} {split} prompts x {args.seeds} seeds; chance adherence ~42%")
    print(f"diffusion: {args.steps} steps, guidance {diffusion.guidance_scale}")
    print(f"{'model':<22}{'adherence':>10}{'ms/img':>9}{'diversity':>10}")
    for name, backend in rows:
        result = evaluate(backend, args.seeds, prompts)
        print(
            f"{name:<22}{result['adherence']:>10.0%}{result['ms_per_image']:>9.0f}"
            f"{result['diversity']:>10.1f}"
        )


if __name__ == "__main__":
    main()
