"""The training set of the built-in models: rendered scenes and their captions' embeddings."""

from __future__ import annotations

from pathlib import Path

import numpy as np


def build_dataset(
    count: int, cache: Path, *, variants: int = 1
) -> tuple[np.ndarray, np.ndarray, list[list[str]]]:
    """Scenes 0..count-1, cached in ``cache`` (an ``.npz``).

    Returns images in [-1, 1] as (N, 3, 64, 64) float32, caption embeddings
    (N, variants, 384) and the captions: ``variants`` phrasings per image
    (``scenes.caption(scene, seed + k)``), so a model sees several wordings
    of one picture.
    """
    if cache.is_file():
        data = np.load(cache, allow_pickle=False)
        captions = [list(row) for row in data["captions"]]
        return data["images"], data["embeddings"], captions
    from safegen.builtin.scenes import caption, render, sample_scene
    from safegen.policy.semantic import shared_embedder

    scenes = [sample_scene(seed) for seed in range(count)]
    images = np.stack([render(scene) for scene in scenes]).astype(np.float32) / 127.5 - 1.0
    images = images.transpose(0, 3, 1, 2)
    captions = [[caption(s, s.seed % 4 + k) for k in range(variants)] for s in scenes]
    flat = [text for row in captions for text in row]
    embedder = shared_embedder()
    embeddings = np.concatenate(
        [embedder.embed(flat[k : k + 256]) for k in range(0, len(flat), 256)]
    ).reshape(count, variants, -1)
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.savez(cache, images=images, embeddings=embeddings, captions=np.array(captions))
    return images, embeddings, captions
