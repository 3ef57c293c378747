"""Any Hugging Face diffusers pipeline: a hub id, a local folder, or a pipeline object."""

from __future__ import annotations

import importlib.util
import inspect
import logging
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from safegen.backends.base import (
    BackendRequest,
    ModelIdentity,
    check_denoising,
    check_upscaled_size,
    sha256_pipeline,
    upscale,
)
from safegen.errors import BackendError

if TYPE_CHECKING:
    from PIL import Image

    from safegen.config import Config

log = logging.getLogger(__name__)


class DiffusersBackend:
    """Runs a ``DiffusionPipeline`` on the CPU (or ``device``) in float32.

    ``model`` is a local folder in diffusers' ``save_pretrained`` layout, a hub
    id (``org/name``, loaded from the local cache unless ``allow_downloads``),
    or an already constructed pipeline. Arguments the pipeline's ``__call__``
    does not take (an unconditional pipeline has no ``prompt``) are left out.

    ``pipeline_class`` loads a folder whose pipeline class is not in diffusers
    (the built-in ``ScenesPipeline``) through that class's ``from_pretrained``.
    ``upscale_to`` enlarges a small model's square output with Lanczos (the
    watermark needs at least 256 px); requests then ask for the upscaled size.
    ``guidance_scale`` applies when a request names none.
    """

    backend_name = "diffusers"

    def __init__(
        self,
        model: str | Path | Any,
        *,
        revision: str | None = None,
        name: str | None = None,
        device: str = "cpu",
        allow_downloads: bool = False,
        default_size: tuple[int, int] | None = None,
        default_steps: int = 25,
        threads: int | None = None,
        upscale_to: int | None = None,
        pipeline_class: Any = None,
        guidance_scale: float | None = None,
        dtype: str = "float32",
    ) -> None:
        import torch

        if threads:
            torch.set_num_threads(threads)
        self.device = device
        self.dtype = getattr(torch, dtype)
        self.default_steps = default_steps
        if isinstance(model, str | Path):
            self.pipeline, self.identity = self._load(
                str(model),
                revision=revision,
                name=name,
                allow_downloads=allow_downloads,
                pipeline_class=pipeline_class,
            )
        else:
            self.pipeline = model
            self.identity = ModelIdentity(
                backend=self.backend_name,
                name=name or str(getattr(model, "name_or_path", "") or type(model).__name__),
                revision=revision or "in-memory",
                weights_sha256=sha256_pipeline(model),
            )
        try:
            self.pipeline.to(device)
        except (RuntimeError, AssertionError, ValueError) as exc:  # torch says it several ways
            raise BackendError(f"device {device!r} is not available here: {exc}") from exc
        if hasattr(self.pipeline, "set_progress_bar_config"):
            self.pipeline.set_progress_bar_config(disable=True)
        self.upscale_to = upscale_to
        self.guidance_scale = guidance_scale
        """Classifier-free guidance when a request names none (None: the pipeline's own)."""
        self.default_size = default_size or (
            (upscale_to, upscale_to) if upscale_to else _native_size(self.pipeline)
        )
        self._call_params = set(inspect.signature(self.pipeline.__call__).parameters)
        self._img2img: Any = None

    def _load(
        self,
        model: str,
        *,
        revision: str | None,
        name: str | None,
        allow_downloads: bool,
        pipeline_class: Any = None,
    ) -> tuple[Any, ModelIdentity]:
        from diffusers import DiffusionPipeline

        folder = Path(model).expanduser()
        is_local = folder.is_dir()
        if not is_local and (model.startswith((".", "/", "~")) or model.count("/") > 1):
            raise BackendError(f"model folder {model} does not exist")
        _quiet_loading()
        try:
            with warnings.catch_warnings():
                # Newer diffusers renames torch_dtype; the old name works across versions.
                warnings.simplefilter("ignore", FutureWarning)
                pipeline = (pipeline_class or DiffusionPipeline).from_pretrained(
                    str(folder) if is_local else model,
                    revision=None if is_local else revision,
                    torch_dtype=self.dtype,
                    local_files_only=is_local or not allow_downloads,
                    # Said outright, so diffusers does not warn that accelerate is missing.
                    low_cpu_mem_usage=importlib.util.find_spec("accelerate") is not None,
                )
        except (OSError, ValueError) as exc:
            hint = (
                ""
                if is_local or allow_downloads
                else "; it is not in the local Hugging Face cache and downloads are off "
                "(set SAFEGEN_ALLOW_DOWNLOADS=1 or download it into a folder first)"
            )
            raise BackendError(f"cannot load diffusers model {model!r}{hint}: {exc}") from exc
        if is_local:
            resolved_revision = revision or "local"
        else:
            resolved_revision = _hub_snapshot_folder(model, revision).name
        identity = ModelIdentity(
            backend=self.backend_name,
            name=name or (folder.resolve().name if is_local else model),
            revision=resolved_revision,
            weights_sha256=sha256_pipeline(pipeline),
        )
        log.info("loaded diffusers model %s (%s)", identity.name, identity.weights_sha256[:12])
        return pipeline, identity

    def generate(self, request: BackendRequest) -> list[Image.Image]:
        """One pipeline call per seed.

        Why not one batch: batched kernels round differently from single ones,
        so image *i* would change (by one level here and there) with ``n``.
        """
        return [self._generate_one(request, seed) for seed in request.seeds]

    def _image_to_image(self) -> Any:
        """The image-to-image variant of this pipeline, sharing its weights (built once).

        A pipeline whose own call takes ``image`` (the built-in one) is its own variant.
        """
        if self._img2img is None and "image" in self._call_params:
            self._img2img = self.pipeline
        elif self._img2img is None:
            from diffusers import AutoPipelineForImage2Image

            try:
                self._img2img = AutoPipelineForImage2Image.from_pipe(self.pipeline)
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                raise BackendError(
                    f"{self.identity.name} ({type(self.pipeline).__name__}) has no "
                    "image-to-image variant; --init-image needs a pipeline that has one"
                ) from exc
            if hasattr(self._img2img, "set_progress_bar_config"):
                self._img2img.set_progress_bar_config(disable=True)
        return self._img2img

    def _generate_one(self, request: BackendRequest, seed: int) -> Image.Image:
        import torch

        unknown = sorted(set(request.extra) - self._call_params)
        if unknown:
            raise BackendError(
                f"{type(self.pipeline).__name__} takes no argument {', '.join(unknown)}"
            )
        kwargs: dict[str, Any] = dict(request.extra)  # first: what the request sets wins
        width, height = (
            request.width or self.default_size[0],
            request.height or self.default_size[1],
        )
        if "prompt" in self._call_params:
            kwargs["prompt"] = request.prompt
        if request.negative_prompt and "negative_prompt" in self._call_params:
            kwargs["negative_prompt"] = request.negative_prompt
        if self.upscale_to:
            check_upscaled_size(self.identity.name, self.upscale_to, width, height)
        elif "width" in self._call_params:
            kwargs["width"], kwargs["height"] = width, height
        elif (width, height) != self.default_size:
            raise BackendError(
                f"this pipeline makes {self.default_size[0]}x{self.default_size[1]} images only"
            )
        if "num_inference_steps" in self._call_params:
            kwargs["num_inference_steps"] = request.steps or self.default_steps
        guidance = (
            request.guidance_scale if request.guidance_scale is not None else self.guidance_scale
        )
        if guidance is not None and "guidance_scale" in self._call_params:
            kwargs["guidance_scale"] = guidance
        kwargs["generator"] = torch.Generator("cpu").manual_seed(seed)
        kwargs["output_type"] = "pil"
        pipeline = self.pipeline
        if request.init_image is not None:
            pipeline = self._image_to_image()
            kwargs.pop("width", None)
            kwargs.pop("height", None)
            kwargs["image"] = request.init_image.convert("RGB").resize((width, height))
            kwargs["strength"] = request.strength
            check_denoising(kwargs.get("num_inference_steps", self.default_steps), request.strength)
        try:
            with torch.inference_mode():
                output = pipeline(**kwargs)
        except (RuntimeError, ValueError, TypeError) as exc:
            raise BackendError(f"{self.identity.name} failed to generate: {exc}") from exc
        image = output.images[0].convert("RGB")
        return upscale(image, width) if self.upscale_to else image


def _quiet_loading() -> None:
    """Turn off the libraries' tqdm bars; safegen reports its own progress."""
    from diffusers.utils import logging as diffusers_logging

    diffusers_logging.disable_progress_bar()
    try:
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
    except ImportError:  # transformers is optional for pipelines without text encoders
        pass


def _native_size(pipeline: Any) -> tuple[int, int]:
    unet = getattr(pipeline, "unet", None)
    vae_scale = getattr(pipeline, "vae_scale_factor", 1) or 1
    sample = getattr(getattr(unet, "config", None), "sample_size", None)
    if isinstance(sample, int):
        return sample * vae_scale, sample * vae_scale
    return 512, 512


def _hub_snapshot_folder(model: str, revision: str | None) -> Path:
    from huggingface_hub import snapshot_download

    return Path(snapshot_download(model, revision=revision, local_files_only=True))


REQUIRES = ("torch", "diffusers", "transformers")
"""Modules of the generation extra this backend imports (checked before anything loads)."""
MODEL = "required"
"""Whether ``config.model`` is needed: none, required, or optional (a shipped fallback)."""


def from_config(config: Config) -> DiffusersBackend:
    """The :data:`safegen.backends.BACKENDS` entry: a folder or hub id in ``config.model``."""
    return DiffusersBackend(
        str(config.model),
        allow_downloads=config.allow_downloads,
        threads=config.threads,
        device=config.device,
        dtype=config.dtype,
    )
