"""The backend protocol and the model identity every backend reports."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PIL import Image

WEIGHT_SUFFIXES = (".safetensors", ".bin", ".ckpt", ".pt", ".pth", ".onnx", ".gguf")


@dataclass(frozen=True)
class ModelIdentity:
    """Which model made an image: recorded in the ledger and the C2PA manifest."""

    backend: str
    name: str
    revision: str
    weights_sha256: str

    def to_dict(self) -> dict[str, str]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class BackendRequest:
    """What a backend is asked to make. ``seeds`` has one entry per image."""

    prompt: str
    negative_prompt: str | None
    seeds: tuple[int, ...]
    width: int | None = None
    height: int | None = None
    steps: int | None = None
    guidance_scale: float | None = None
    init_image: Image.Image | None = None
    """Image-to-image: the picture to transform (backends that cannot raise BackendError)."""
    strength: float = 0.6
    """Image-to-image: how much of ``init_image`` is redrawn, in (0, 1]."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Further keyword arguments for the model's pipeline (``guidance_rescale``, ``eta`` ...);
    a backend refuses (BackendError) any its model does not take."""


class Backend(Protocol):
    """A generator of images. ``generate`` returns one RGB image per seed.

    Why per-image seeds: image *i* of a request then depends only on its own
    seed, so it can be regenerated alone, and ``n`` does not change pixels.
    """

    identity: ModelIdentity

    def generate(self, request: BackendRequest) -> list[Image.Image]: ...


def sha256_files(root: Path, files: Iterable[Path]) -> str:
    """One digest over several files: each file's relative path, size and bytes, in path order."""
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda p: p.relative_to(root).as_posix()):
        rel = path.relative_to(root).as_posix()
        digest.update(f"{rel}\0{path.stat().st_size}\0".encode())
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def weight_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and p.suffix in WEIGHT_SUFFIXES]


def sha256_weights_folder(root: Path) -> str:
    """sha256 over a model folder's weight files (safetensors, bin, onnx, ...)."""
    files = weight_files(root)
    if not files:
        return sha256_files(root, [p for p in root.rglob("*") if p.is_file()])
    return sha256_files(root, files)


def sha256_state_dicts(modules: dict[str, Any]) -> str:
    """sha256 over in-memory torch modules' parameters and buffers, by name.

    Used when a model came in as an object rather than a folder: the digest
    depends on the tensors, not on how they were serialised.
    """
    digest = hashlib.sha256()
    for prefix in sorted(modules):
        _update_tensors(digest, prefix, modules[prefix].state_dict())
    return digest.hexdigest()


def sha256_tensors(prefix: str, state: Mapping[str, Any]) -> str:
    """:func:`sha256_state_dicts` of one module, from its tensors by name (a loaded
    safetensors file holds exactly a module's state dict)."""
    digest = hashlib.sha256()
    _update_tensors(digest, prefix, state)
    return digest.hexdigest()


def _update_tensors(digest: Any, prefix: str, state: Mapping[str, Any]) -> None:
    import torch

    for key in sorted(state):
        tensor = state[key].detach().to("cpu").contiguous()
        digest.update(f"{prefix}.{key}:{tensor.dtype}:{tuple(tensor.shape)}\0".encode())
        if tensor.dtype == torch.bfloat16:
            tensor = tensor.view(torch.int16)
        digest.update(tensor.numpy().tobytes())


def sha256_components(components: Mapping[str, tuple[str, Mapping[str, Any] | None, bytes]]) -> str:
    """One digest over a pipeline's components: name -> (class name, configuration, payload).

    The payload is the component's tensors digest (:func:`sha256_tensors`) or its
    vocabulary as JSON. Configuration keys starting with ``_`` (``_name_or_path``,
    ``_diffusers_version``) are bookkeeping and left out.
    """
    import json

    digest = hashlib.sha256()
    for name in sorted(components):
        class_name, config, payload = components[name]
        digest.update(f"component {name} {class_name}\0".encode())
        if config is not None:
            public = {k: v for k, v in dict(config).items() if not str(k).startswith("_")}
            digest.update(json.dumps(public, sort_keys=True, default=str).encode())
        digest.update(payload)
    return digest.hexdigest()


def sha256_pipeline(pipeline: Any) -> str:
    """One digest of what a diffusers pipeline computes with: its components, their
    configurations and their tensors, the same for an object and its saved folder.

    Per component, in name order: its name and class, its configuration as canonical
    JSON, then either its parameters and buffers (torch modules, as
    :func:`sha256_state_dicts`) or its vocabulary (tokenizers); see
    :func:`sha256_components`. Why tensors and not files: the same weights saved as
    ``.bin`` or ``.safetensors``, by another library version, or not saved at all (an
    object built in memory) must name the same model, and a changed scheduler or
    guidance configuration must not.
    """
    import json

    import torch

    views: dict[str, tuple[str, Mapping[str, Any] | None, bytes]] = {}
    components = getattr(pipeline, "components", {}) or {}
    for name, component in components.items():
        if component is None:
            continue
        config = getattr(component, "config", None)
        payload = b""
        if isinstance(component, torch.nn.Module):
            payload = sha256_state_dicts({name: component}).encode()
        elif hasattr(component, "get_vocab"):
            vocab = component.get_vocab()
            payload = json.dumps(sorted(vocab.items()), ensure_ascii=False).encode()
        has_items = config is not None and hasattr(config, "items")
        views[name] = (type(component).__name__, config if has_items else None, payload)
    return sha256_components(views)


def tensor_to_images(batch: Any, value_range: tuple[float, float]) -> list[Image.Image]:
    """(N, C, H, W) float tensor in ``value_range`` to RGB PIL images, rounding to 8 bits."""
    from PIL import Image

    low, high = value_range
    arr = ((batch.detach().float().cpu().clamp(low, high) - low) / (high - low)).numpy()
    arr = (arr.transpose(0, 2, 3, 1) * 255.0).round().astype("uint8")
    images = []
    for item in arr:
        if item.shape[2] == 1:
            item = item.repeat(3, axis=2)
        images.append(Image.fromarray(item[:, :, :3], mode="RGB"))
    return images


def check_upscaled_size(name: str, upscale_to: int, width: int, height: int) -> None:
    """A model whose small output is upscaled makes squares of ``upscale_to`` px or more."""
    from safegen.errors import BackendError

    if width != height or width < upscale_to:
        raise BackendError(
            f"{name} makes square images of {upscale_to} px or more (upscaled from its "
            f"native size); asked {width}x{height}"
        )


def check_denoising(steps: int, strength: float) -> None:
    """Image-to-image runs ``int(steps * strength)`` steps: at least one."""
    from safegen.errors import BackendError

    if int(steps * strength) < 1:
        raise BackendError(
            f"strength {strength} with {steps} steps runs no denoising step; raise one of them"
        )


def upscale(image: Image.Image, side: int) -> Image.Image:
    """A small model's output enlarged to ``side`` x ``side`` before the watermark (>= 256 px).

    Lanczos: it keeps edges without inventing texture. Images already that
    large are returned unchanged.
    """
    from PIL import Image as PILImage

    if image.size[0] >= side:
        return image
    return image.resize((side, side), PILImage.Resampling.LANCZOS)
