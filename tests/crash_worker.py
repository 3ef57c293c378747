"""Generates forever into a folder (a fast stand-in backend); the crash test SIGKILLs it."""

from __future__ import annotations

import sys

import numpy as np
from PIL import Image

from safegen import Config, SafeGen
from safegen.backends import BackendRequest, ModelIdentity


class Fast:
    identity = ModelIdentity("test", "fast", "1", "0" * 64)

    def generate(self, request: BackendRequest) -> list[Image.Image]:
        images = []
        for seed in request.seeds:
            rng = np.random.default_rng(seed)
            low = rng.random((8, 8, 3)) * 255
            images.append(Image.fromarray(low.astype(np.uint8)).resize((256, 256), Image.BICUBIC))
        return images


def main() -> None:
    home, url, out, pack, count = sys.argv[1:6]
    gen = SafeGen(Config(home=home, ledger_url=url, policy=pack), backend=Fast())
    seed = int.from_bytes(__import__("os").urandom(3), "big") * 16
    for i in range(int(count)):
        gen.generate("a calm sea", n=2, seed=seed + 2 * i, output_dir=out)
        print("done", flush=True)
    gen.close()


if __name__ == "__main__":
    main()
