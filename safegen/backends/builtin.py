"""The built-in model: a text-to-image diffusion model trained by safegen, shipped in the package.

It exists so that the whole path runs offline on a CPU with no download:
``safegen.builtin.pipeline.ScenesPipeline`` (a diffusers ``DiffusionPipeline``,
a 6.1M-parameter UNet in pixel space at 32x32, MiniLM-conditioned, with
classifier-free guidance), trained on the procedural scenes of
``safegen.builtin.scenes`` by ``python -m safegen.builtin.train_diffusion``.
It draws landscapes: time of day, sky colour, terrain, water, vegetation.
Its 32x32 output is upscaled to 256x256 with Lanczos before the watermark.

The folder is read with ``ScenesPipeline.from_pretrained``, the same
diffusers loading path as any model; before that, the weights' sha256 is
checked against ``safegen_model.json``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from safegen.backends.diffusers_backend import DiffusersBackend
from safegen.errors import BackendError

if TYPE_CHECKING:
    from safegen.config import Config

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "builtin" / "diffusion_model"
BUILTIN_NAME = "safegen-builtin-scenes-diffusion"
BUILTIN_SIZE = 256
BUILTIN_STEPS = 15
BUILTIN_GUIDANCE = 3.0
MODEL_CONFIG = "safegen_model.json"


def check_pinned_weights(folder: Path) -> dict[str, Any]:
    """Read ``safegen_model.json`` and check every weights file's sha256 against it."""
    try:
        config: dict[str, Any] = json.loads((folder / MODEL_CONFIG).read_text(encoding="utf-8"))
        pinned: dict[str, str] = config["weights_sha256"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BackendError(
            f"the built-in model in {folder} is missing or damaged ({exc}); reinstall safegen"
        ) from exc
    for relative, expected in pinned.items():
        path = folder / relative
        try:
            actual = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as exc:
            raise BackendError(f"cannot read {path}: {exc}; reinstall safegen") from exc
        if actual != expected:
            raise BackendError(
                f"{path}: sha256 {actual[:12]}… is not the pinned {expected[:12]}… of "
                f"{MODEL_CONFIG}; the weights were altered"
            )
    return config


class BuiltinBackend(DiffusersBackend):
    """The shipped model, loaded through diffusers' ``from_pretrained`` after a sha256 check."""

    backend_name = "builtin"

    def __init__(
        self,
        *,
        threads: int | None = None,
        folder: Path | None = None,
        device: str = "cpu",
        dtype: str = "float32",
    ) -> None:
        from safegen.builtin.pipeline import ScenesPipeline

        folder = folder or BUILTIN_DIR
        config = check_pinned_weights(folder)
        super().__init__(
            folder,
            name=config.get("name", BUILTIN_NAME),
            revision=config.get("revision"),
            default_steps=BUILTIN_STEPS,
            upscale_to=int(config.get("upscale_to") or BUILTIN_SIZE),
            pipeline_class=ScenesPipeline,
            guidance_scale=float(config.get("guidance_scale", BUILTIN_GUIDANCE)),
            threads=threads,
            device=device,
            dtype=dtype,
        )


REQUIRES = ("torch", "diffusers", "transformers")
"""Modules of the generation extra this backend imports (checked before anything loads)."""
MODEL = "none"
"""Whether ``config.model`` is needed: none, required, or optional (a shipped fallback)."""


def from_config(config: Config) -> BuiltinBackend:
    """The :data:`safegen.backends.BACKENDS` entry: the shipped model needs no model argument."""
    return BuiltinBackend(threads=config.threads, device=config.device, dtype=config.dtype)
