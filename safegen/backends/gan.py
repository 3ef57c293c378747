"""Any PyTorch GAN generator: latent (and optionally a class condition) to images."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from safegen.backends.base import (
    BackendRequest,
    ModelIdentity,
    sha256_files,
    sha256_state_dicts,
    tensor_to_images,
    upscale,
)
from safegen.errors import BackendError

if TYPE_CHECKING:
    from PIL import Image

    from safegen.config import Config

GAN_CONFIG = "safegen_gan.json"
GAN_WEIGHTS = "generator.pt"


def _text_condition(prompt: str, n: int) -> Any:
    """The prompt's all-MiniLM-L6-v2 embedding, once per image: the built-in GAN's condition."""
    from safegen.policy.semantic import prompt_condition

    return prompt_condition([prompt]).repeat(n, 1)


class GANBackend:
    """Calls ``generator(z)`` or ``generator(z, condition)`` with ``z ~ N(0, I)`` from the seed.

    ``generator`` is an ``nn.Module`` or a folder holding a TorchScript
    ``generator.pt`` and ``safegen_gan.json`` (``latent_dim``, optional
    ``labels``, ``output_range``, ``name``, ``revision``). TorchScript, not a
    pickle, because loading a pickle runs arbitrary code.

    With ``labels`` the generator is class-conditional: the prompt must name
    one of the labels, whose index is passed as a ``long`` tensor.
    """

    backend_name = "gan"

    def __init__(
        self,
        generator: Any,
        *,
        latent_dim: int | None = None,
        labels: Sequence[str] | None = None,
        condition: Callable[[str, int], Any] | None = None,
        output_range: tuple[float, float] = (-1.0, 1.0),
        name: str | None = None,
        revision: str | None = None,
        threads: int | None = None,
    ) -> None:
        import torch

        if threads:
            torch.set_num_threads(threads)
        config: dict[str, Any] = {}
        if isinstance(generator, str | Path):
            folder = Path(generator).expanduser()
            config, module, weights_sha = self._load_folder(folder)
            default_name = folder.resolve().name
        else:
            module = generator
            weights_sha = sha256_state_dicts({"generator": module})
            default_name = type(module).__name__
        self.module = module.eval()
        self.latent_dim = int(latent_dim or config.get("latent_dim") or 0)
        if self.latent_dim <= 0:
            raise BackendError("a GAN backend needs latent_dim (argument or safegen_gan.json)")
        self.labels = tuple(labels or config.get("labels") or ())
        self.condition = condition
        if condition is None and config.get("condition") == "all-MiniLM-L6-v2":
            self.condition = _text_condition
        self.upscale_to = int(config.get("upscale_to") or 0)
        low, high = output_range if "output_range" not in config else config["output_range"]
        self.output_range = (float(low), float(high))
        self.identity = ModelIdentity(
            backend=self.backend_name,
            name=name or config.get("name") or default_name,
            revision=revision or config.get("revision") or "local",
            weights_sha256=weights_sha,
        )

    @staticmethod
    def _load_folder(folder: Path) -> tuple[dict[str, Any], Any, str]:
        import torch

        config_path, weights_path = folder / GAN_CONFIG, folder / GAN_WEIGHTS
        if not weights_path.is_file() or not config_path.is_file():
            raise BackendError(
                f"{folder} is not a safegen GAN folder: it needs {GAN_WEIGHTS} (TorchScript) "
                f"and {GAN_CONFIG}"
            )
        try:
            config = json.loads(config_path.read_text(encoding="utf-8"))
            pinned = config.get("generator_sha256")
            if pinned:
                import hashlib

                actual = hashlib.sha256(weights_path.read_bytes()).hexdigest()
                if actual != pinned:
                    raise BackendError(
                        f"{weights_path}: sha256 {actual[:12]}… is not the pinned "
                        f"{pinned[:12]}… of {GAN_CONFIG}; the weights were altered"
                    )
            module = torch.jit.load(str(weights_path), map_location="cpu")
        except (OSError, RuntimeError, ValueError) as exc:
            raise BackendError(f"cannot load GAN from {folder}: {exc}") from exc
        return config, module, sha256_files(folder, [weights_path, config_path])

    def _condition(self, prompt: str, n: int) -> Any:
        import torch

        if self.condition is not None:
            return self.condition(prompt, n)
        if not self.labels:
            return None
        words = prompt.casefold()
        for index, label in enumerate(self.labels):
            if label.casefold() in words:
                return torch.full((n,), index, dtype=torch.long)
        raise BackendError(
            f"{self.identity.name} is class-conditional: the prompt must name one of "
            f"{', '.join(self.labels)}"
        )

    def generate(self, request: BackendRequest) -> list[Image.Image]:
        import torch

        if request.init_image is not None:
            raise BackendError(
                f"{self.identity.name} is a GAN and cannot transform an input image; "
                "use a diffusion backend for --init-image"
            )
        if request.extra:
            raise BackendError(
                f"a GAN takes no pipeline arguments ({', '.join(sorted(request.extra))})"
            )
        n = len(request.seeds)
        z = torch.stack(
            [
                torch.randn(self.latent_dim, generator=torch.Generator("cpu").manual_seed(s))
                for s in request.seeds
            ]
        )
        condition = self._condition(request.prompt, n)
        try:
            with torch.inference_mode():
                out = self.module(z) if condition is None else self.module(z, condition)
        except RuntimeError as exc:
            raise BackendError(f"{self.identity.name} failed to generate: {exc}") from exc
        if out.ndim != 4:
            raise BackendError(
                f"generator returned shape {tuple(out.shape)}, expected (N, C, H, W)"
            )
        images = tensor_to_images(out, self.output_range)
        if self.upscale_to:
            images = [upscale(im, self.upscale_to) for im in images]
        size = images[0].size
        wanted = (request.width or size[0], request.height or size[1])
        if wanted != size:
            raise BackendError(f"{self.identity.name} makes {size[0]}x{size[1]} images only")
        return images

    def save(self, folder: str | Path) -> None:
        """Write this generator as a folder that ``GANBackend(folder)`` loads."""
        import torch

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        scripted = (
            self.module
            if isinstance(self.module, torch.jit.ScriptModule)
            else torch.jit.script(self.module)
        )
        scripted.save(str(folder / GAN_WEIGHTS))
        config = {
            "latent_dim": self.latent_dim,
            "labels": list(self.labels),
            "output_range": list(self.output_range),
            "name": self.identity.name,
            "revision": self.identity.revision,
        }
        (folder / GAN_CONFIG).write_text(json.dumps(config, indent=2), encoding="utf-8")


REQUIRES = ("torch",)
"""Modules of the generation extra this backend imports (checked before anything loads)."""
MODEL = "optional"
"""Whether ``config.model`` is needed: none, required, or optional (a shipped fallback)."""


def from_config(config: Config) -> GANBackend:
    """The :data:`safegen.backends.BACKENDS` entry: ``config.model``, or the shipped GAN."""
    from safegen.backends import BUILTIN_GAN

    return GANBackend(str(config.model or BUILTIN_GAN), threads=config.threads)
