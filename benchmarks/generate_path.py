"""Cost of safegen's accountable path on top of the backend's own generation.

Baseline: the backend's generation time for the same images, measured in the
same run. Prints one table per image size: each stage's mean milliseconds per
image and its share of safegen's overhead, then the overhead as a ratio of
the baseline, and the cost of `verify` per image.

    python benchmarks/generate_path.py [--images 8] [--sizes 256,512] [--steps 20]
                                       [--ledger-url URL] [--threads 2]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

STAGES = (
    "policy",
    "ledger",
    "safety",
    "label",
    "watermark",
    "encode",
    "xmp",
    "sign",
    "hash",
    "write",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--images", type=int, default=8, help="images per size (one per generation)"
    )
    parser.add_argument("--sizes", default="256,512")
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--ledger-url", default=None, help="default: SQLite in a temporary home")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    import torch

    from safegen import Config, SafeGen
    from safegen.verify import Verifier

    torch.set_num_threads(args.threads)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        url = args.ledger_url or f"sqlite:///{home / 'ledger.db'}"
        gen = SafeGen(Config(home=home, ledger_url=url, threads=args.threads))
        gen.generate("warm-up", seed=0, steps=2, width=256, height=256)  # loads every stage once
        print(
            f"safegen generation path, {args.images} images per size, {args.steps} steps, "
            f"{args.threads} threads, ledger {url.split(':')[0]}"
        )
        for size in (int(s) for s in args.sizes.split(",")):
            per_stage: dict[str, list[float]] = {stage: [] for stage in (*STAGES, "backend")}
            outputs, walls = [], []
            for i in range(args.images):
                started = time.perf_counter()
                result = gen.generate(
                    f"a lighthouse at dusk, study {i}",
                    seed=1000 + i,
                    steps=args.steps,
                    width=size,
                    height=size,
                    output_dir=Path(tmp) / "out",
                )
                walls.append((time.perf_counter() - started) * 1000)
                outputs.append(result.images[0].path)
                for stage in per_stage:
                    per_stage[stage].append(result.timings.get(stage, 0.0) * 1000)
            verifier = Verifier(Config(home=home, ledger_url=url))
            started = time.perf_counter()
            verdicts = [verifier.verify_path(path).verdict for path in outputs]
            verify_ms = (time.perf_counter() - started) * 1000 / len(outputs)
            verifier.ledger.close()

            means = {stage: statistics.mean(values) for stage, values in per_stage.items()}
            # The stages overlap (the checks run beside the marking): the overhead is the
            # wall time minus the backend's, not the stages' sum.
            overhead = statistics.mean(walls) - means["backend"]
            print(f"\n{size}x{size}")
            print(f"{'stage':<12}{'ms/image':>10}{'share':>9}")
            for stage in STAGES:
                print(f"{stage:<12}{means[stage]:>10.1f}{means[stage] / overhead:>9.0%}")
            print(f"{'overhead':<12}{overhead:>10.1f}{1:>9.0%}  (wall minus backend)")
            print(f"{'backend':<12}{means['backend']:>10.1f}   (baseline)")
            print(f"overhead / backend = {overhead / means['backend']:.3f}")
            print(f"verify: {verify_ms:.1f} ms/image ({', '.join(sorted(set(verdicts)))})")
        gen.close()


if __name__ == "__main__":
    main()
