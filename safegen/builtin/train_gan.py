"""Train the built-in conditional GAN on the procedural scenes (resumable, reproducible).

    python -m safegen.builtin.train_gan --work runs/gan --steps 3000 \
        [--export safegen/builtin/gan_model]

Generator: a DCGAN (z of 64 + the caption's all-MiniLM-L6-v2 embedding
projected to 128) up to 64x64. Discriminator: a DCGAN with a projection
head (the condition's inner product with the image features), hinge loss,
Adam 2e-4 / (0.5, 0.999), batch 64, seed 0. Every ``--checkpoint-every``
steps the state is saved to ``WORK/checkpoint.pt`` and the losses appended to
``WORK/losses.jsonl``; a rerun resumes from the checkpoint. ``--export`` writes
a TorchScript generator and ``safegen_gan.json`` that ``--backend gan`` loads.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

from safegen.builtin import checkpoints
from safegen.builtin.data import build_dataset

LATENT = 64
COND = 384
WIDTH = 48


class Generator(nn.Module):
    def __init__(self, width: int = WIDTH) -> None:
        super().__init__()
        self.project = nn.Sequential(nn.Linear(COND, 128), nn.ReLU())
        self.net = nn.Sequential(
            nn.ConvTranspose2d(LATENT + 128, width * 8, 4, 1, 0, bias=False),
            nn.BatchNorm2d(width * 8),
            nn.ReLU(True),
            nn.ConvTranspose2d(width * 8, width * 4, 4, 2, 1, bias=False),
            nn.BatchNorm2d(width * 4),
            nn.ReLU(True),
            nn.ConvTranspose2d(width * 4, width * 2, 4, 2, 1, bias=False),
            nn.BatchNorm2d(width * 2),
            nn.ReLU(True),
            nn.ConvTranspose2d(width * 2, width, 4, 2, 1, bias=False),
            nn.BatchNorm2d(width),
            nn.ReLU(True),
            nn.ConvTranspose2d(width, 3, 4, 2, 1),
            nn.Tanh(),
        )

    def forward(self, z: torch.Tensor, condition: torch.Tensor) -> torch.Tensor:
        joint = torch.cat([z, self.project(condition)], dim=1)
        return self.net(joint[:, :, None, None])


class Discriminator(nn.Module):
    def __init__(self, width: int = WIDTH) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(3, width, 4, 2, 1),
            nn.LeakyReLU(0.2, True),
            nn.Conv2d(width, width * 2, 4, 2, 1),
            nn.LeakyReLU(0.2, True),
            nn.Conv2d(width * 2, width * 4, 4, 2, 1),
            nn.LeakyReLU(0.2, True),
            nn.Conv2d(width * 4, width * 8, 4, 2, 1),
            nn.LeakyReLU(0.2, True),
        )
        self.out = nn.Linear(width * 8 * 16, 1)
        self.embed = nn.Linear(COND, width * 8 * 16, bias=False)

    def forward(self, images: torch.Tensor, condition: torch.Tensor) -> torch.Tensor:
        features = self.net(images).flatten(1)
        return self.out(features).squeeze(1) + (features * self.embed(condition)).sum(1)


def train(args: argparse.Namespace) -> Path:
    torch.manual_seed(0)
    torch.set_num_threads(args.threads)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    images, embeddings, _ = build_dataset(args.data, work / f"scenes-{args.data}.npz")
    embeddings = embeddings[:, 0]
    generator, discriminator = Generator(), Discriminator()
    opt_g = torch.optim.Adam(generator.parameters(), lr=2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(discriminator.parameters(), lr=2e-4, betas=(0.5, 0.999))
    checkpoint = work / "checkpoint.pt"
    parts = {"generator": generator, "discriminator": discriminator, "opt_g": opt_g, "opt_d": opt_d}
    step = checkpoints.resume(checkpoint, parts)
    rng = np.random.default_rng(step)
    x_all, c_all = torch.from_numpy(images), torch.from_numpy(embeddings)
    start = time.perf_counter()
    with open(work / "losses.jsonl", "a", encoding="utf-8") as log:
        while step < args.steps:
            index = torch.from_numpy(rng.integers(0, len(x_all), args.batch))
            real, cond = x_all[index], c_all[index]
            z = torch.randn(args.batch, LATENT)
            fake = generator(z, cond)
            loss_d = (
                torch.relu(1 - discriminator(real, cond)).mean()
                + torch.relu(1 + discriminator(fake.detach(), cond)).mean()
            )
            opt_d.zero_grad()
            loss_d.backward()
            opt_d.step()
            loss_g = -discriminator(fake, cond).mean()
            opt_g.zero_grad()
            loss_g.backward()
            opt_g.step()
            step += 1
            if step % 10 == 0:
                log.write(
                    json.dumps(
                        {
                            "step": step,
                            "d": round(loss_d.item(), 4),
                            "g": round(loss_g.item(), 4),
                            "seconds": round(time.perf_counter() - start, 1),
                        }
                    )
                    + "\n"
                )
                log.flush()
            if step % args.checkpoint_every == 0 or step == args.steps:
                checkpoints.save(checkpoint, parts, step)
                print(f"step {step} d {loss_d.item():.3f} g {loss_g.item():.3f}", flush=True)
    if args.export:
        export(generator, Path(args.export), step, args.data)
    return checkpoint


def export(generator: Generator, folder: Path, step: int, data: int) -> None:
    """TorchScript generator + safegen_gan.json, loadable by ``--backend gan``."""
    folder.mkdir(parents=True, exist_ok=True)
    generator.eval()
    scripted = torch.jit.trace(generator, (torch.randn(2, LATENT), torch.randn(2, COND)))
    scripted.save(str(folder / "generator.pt"))
    import hashlib

    digest = hashlib.sha256((folder / "generator.pt").read_bytes()).hexdigest()
    config = {
        "generator_sha256": digest,
        "name": "safegen-builtin-scenes-gan",
        "revision": f"0.2-step{step}",
        "latent_dim": LATENT,
        "condition": "all-MiniLM-L6-v2",
        "output_range": [-1.0, 1.0],
        "upscale_to": 256,
        "training": {"steps": step, "data": data, "seed": 0, "batch": 64},
    }
    (folder / "safegen_gan.json").write_text(json.dumps(config, indent=2) + "\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", default="runs/gan")
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--data", type=int, default=20000)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--checkpoint-every", type=int, default=100)
    parser.add_argument("--export", default=None)
    train(parser.parse_args(argv))


if __name__ == "__main__":
    main()
