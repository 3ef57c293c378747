"""Train the built-in text-to-image diffusion model on the procedural scenes (resumable).

    python -m safegen.builtin.train_diffusion --work runs/diffusion --steps 6000 \
        [--export safegen/builtin/diffusion_model]

Model: ``safegen.builtin.pipeline.make_unet`` (a 6.1M-parameter
``UNet2DConditionModel`` at 32x32 in pixel space) conditioned on the
caption's all-MiniLM-L6-v2 embedding. Data: scenes 0..N-1 rendered at 64x64,
box-filtered to 32x32, three caption phrasings per scene, random horizontal
flips. Loss: v-prediction on the cosine schedule with min-SNR-5 weighting;
the condition is replaced by zeros 10% of the time (classifier-free
guidance). AdamW 3e-4 with 200 warm-up steps, batch 32, seed 0, and an
exponential moving average of the weights (decay 0.999) that is what ships.

Every ``--checkpoint-every`` steps the state goes to ``WORK/checkpoint.pt`` and
the losses to ``WORK/losses.jsonl``; a rerun resumes. ``--export`` writes
the EMA weights with ``save_pretrained`` (float16 safetensors) plus
``safegen_model.json`` with the weights' sha256, which the loader checks.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import time
from pathlib import Path
from typing import Any

import numpy as np
import torch

from safegen.builtin import checkpoints
from safegen.builtin.data import build_dataset
from safegen.builtin.pipeline import ScenesPipeline, make_scheduler, make_unet

MODEL_CONFIG = "safegen_model.json"
WEIGHTS = "unet/diffusion_pytorch_model.safetensors"
SIZE = 32
VARIANTS = 3


def _downsample(images: np.ndarray) -> np.ndarray:
    """64x64 -> 32x32 by 2x2 box averaging: the model's resolution."""
    n, c, h, w = images.shape
    return images.reshape(n, c, h // 2, 2, w // 2, 2).mean(axis=(3, 5)).astype(np.float32)


def _loss(
    unet: Any, alphas: torch.Tensor, x0: torch.Tensor, cond: torch.Tensor, gen: torch.Generator
) -> torch.Tensor:
    n = x0.shape[0]
    t = torch.randint(0, len(alphas), (n,), generator=gen)
    noise = torch.randn(x0.shape, generator=gen)
    a = alphas[t].sqrt()[:, None, None, None]
    s = (1 - alphas[t]).sqrt()[:, None, None, None]
    noisy = a * x0 + s * noise
    target = a * noise - s * x0
    pred = unet(noisy, t, encoder_hidden_states=cond[:, None, :], class_labels=cond).sample
    snr = alphas[t] / (1 - alphas[t])
    weight = snr.clamp(max=5.0) / (snr + 1)
    return (weight * ((pred - target) ** 2).mean(dim=(1, 2, 3))).mean()


def train(args: argparse.Namespace) -> Path:
    torch.manual_seed(0)
    torch.set_num_threads(args.threads)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    images, embeddings, _ = build_dataset(
        args.data, work / f"scenes-{args.data}x{VARIANTS}.npz", variants=VARIANTS
    )
    x_all = torch.from_numpy(_downsample(images))
    c_all = torch.from_numpy(embeddings)
    unet = make_unet(SIZE)
    ema = copy.deepcopy(unet).eval().requires_grad_(False)
    optimizer = torch.optim.AdamW(unet.parameters(), lr=args.lr, weight_decay=0.01)
    alphas = make_scheduler().alphas_cumprod.float()
    checkpoint = work / "checkpoint.pt"
    parts = {"unet": unet, "ema": ema, "optimizer": optimizer}
    step = checkpoints.resume(checkpoint, parts)
    gen = torch.Generator().manual_seed(step)
    rng = np.random.default_rng(step)
    start = time.perf_counter()
    running = 0.0
    with open(work / "losses.jsonl", "a", encoding="utf-8") as log:
        while step < args.steps:
            index = rng.integers(0, len(x_all), args.batch)
            x0 = x_all[index]
            flip = torch.from_numpy(rng.random(args.batch) < 0.5)
            x0 = torch.where(flip[:, None, None, None], x0.flip(3), x0)
            cond = c_all[index, rng.integers(0, VARIANTS, args.batch)]
            dropped = torch.from_numpy(rng.random(args.batch) < 0.1)
            cond = torch.where(dropped[:, None], torch.zeros_like(cond), cond)
            for group in optimizer.param_groups:
                group["lr"] = args.lr * min(1.0, (step + 1) / 200)
            loss = _loss(unet, alphas, x0, cond, gen)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(unet.parameters(), 1.0)
            optimizer.step()
            decay = min(0.999, (1 + step) / (10 + step))
            with torch.no_grad():
                for e, p in zip(ema.parameters(), unet.parameters(), strict=True):
                    e.lerp_(p, 1 - decay)
            step += 1
            running += loss.item()
            if step % 10 == 0:
                record = {
                    "step": step,
                    "loss": round(running / 10, 5),
                    "seconds": round(time.perf_counter() - start, 1),
                }
                log.write(json.dumps(record) + "\n")
                log.flush()
                running = 0.0
            if step % args.checkpoint_every == 0 or step == args.steps:
                checkpoints.save(checkpoint, parts, step)
                print(f"step {step} loss {loss.item():.4f}", flush=True)
    if args.export:
        export(work, Path(args.export), data=args.data)
    return checkpoint


def export(work: Path, folder: Path, *, data: int) -> None:
    """The EMA weights of WORK's checkpoint as a ``save_pretrained`` folder (float16)."""
    state = torch.load(work / "checkpoint.pt", weights_only=True)
    unet = make_unet(SIZE)
    unet.load_state_dict(state["ema"])
    pipeline = ScenesPipeline(unet=unet.half(), scheduler=make_scheduler())
    folder.mkdir(parents=True, exist_ok=True)
    pipeline.save_pretrained(str(folder), safe_serialization=True)
    (folder / WEIGHTS).chmod(0o644)  # safetensors writes 0600; a package file is world-readable
    digest = hashlib.sha256((folder / WEIGHTS).read_bytes()).hexdigest()
    config = {
        "name": "safegen-builtin-scenes-diffusion",
        "revision": f"0.3-step{state['step']}",
        "weights_sha256": {WEIGHTS: digest},
        "condition": "all-MiniLM-L6-v2",
        "resolution": SIZE,
        "upscale_to": 256,
        "training": {
            "steps": int(state["step"]),
            "data": data,
            "caption_variants": VARIANTS,
            "seed": 0,
            "batch": 32,
        },
    }
    (folder / MODEL_CONFIG).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--work", default="runs/diffusion")
    parser.add_argument("--steps", type=int, default=6000)
    parser.add_argument("--data", type=int, default=20000)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=3e-4)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--checkpoint-every", type=int, default=250)
    parser.add_argument("--export", default=None, help="write the shipped folder here")
    parser.add_argument(
        "--export-only", action="store_true", help="export WORK's checkpoint and stop"
    )
    args = parser.parse_args(argv)
    if args.export_only:
        if not args.export:
            parser.error("--export-only needs --export FOLDER")
        export(Path(args.work), Path(args.export), data=args.data)
        return
    train(args)


if __name__ == "__main__":
    main()
