"""A generation request, checked once before anything loads, then immutable.

Limits: ``n`` 1-16, sides multiples of 8 in 64-2048, steps 1-500, prompts up to
20,000 characters, JSON-serialisable metadata, an output format safegen signs,
an image-to-image ``strength`` in (0, 1] and an input image that reads
(``safegen.imaging.read_input_image``'s limits). Every failure is an
:class:`~safegen.errors.InvalidRequest` (exit 64) naming the argument.
"""

from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from safegen.backends import BackendRequest
from safegen.errors import InvalidRequest
from safegen.imaging import (
    OUTPUT_FORMATS,
    ImageHashes,
    encode_image,
    hash_image,
    mime_of,
    read_input_image,
    sha256_bytes,
)
from safegen.profiles import Disclosure
from safegen.provenance import Ingredient

if TYPE_CHECKING:
    from PIL import Image

MAX_IMAGES = 16
MAX_SIDE = 2048
MAX_STEPS = 500
MAX_PROMPT_CHARS = 20_000
RESERVED_PIPELINE_ARGUMENTS = frozenset(
    {
        "prompt",
        "negative_prompt",
        "width",
        "height",
        "num_inference_steps",
        "guidance_scale",
        "generator",
        "output_type",
        "image",
        "strength",
        "num_images_per_prompt",
        "return_dict",
        "callback",
        "callback_on_step_end",
        "cross_attention_kwargs",
        "ip_adapter_image",
    }
)
"""Pipeline arguments the request controls, or that could carry a prompt or an image past
the policy: ``pipeline_kwargs`` may not set them (nor any name with prompt, embeds, image or
latents in it)."""


@dataclass(frozen=True)
class InitImage:
    """The input of an image-to-image generation, as read once."""

    data: bytes
    image: Image.Image
    mime: str
    sha256: str
    hashes: ImageHashes
    name: str

    @classmethod
    def read(cls, source: str | Path | bytes) -> InitImage:
        data, image = read_input_image(source)
        mime = mime_of(data)
        if mime is None:  # decodable but not a format C2PA can take as an ingredient
            data, mime = encode_image(image, "png"), "image/png"
        name = Path(source).name if isinstance(source, str | Path) else "init-image"
        return cls(data, image, mime, sha256_bytes(data), hash_image(image), name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "mime": self.mime,
            "sha256": self.sha256,
            "pixel_sha256": self.hashes.pixel_sha256,
            "phash": self.hashes.phash_hex,
            "width": self.image.width,
            "height": self.image.height,
        }

    def ingredient(self) -> Ingredient:
        return Ingredient(data=self.data, mime=self.mime, title=self.name)


@dataclass(frozen=True)
class GenerationRequest:
    """Everything the caller asked for, validated; ``seed`` and ``id`` are drawn here."""

    prompt: str
    id: str
    seed: int
    negative_prompt: str | None = None
    n: int = 1
    width: int | None = None
    height: int | None = None
    steps: int | None = None
    user: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)
    output_dir: Path | None = None
    output_format: str = "png"
    init: InitImage | None = None
    strength: float = 0.6
    pipeline_kwargs: Mapping[str, Any] = field(default_factory=dict)
    """Extra keyword arguments for the backend's pipeline (``guidance_scale`` ...); recorded."""
    prompt_hash: str = ""
    """HMAC of the prompt under the deployment's key (set by SafeGen; empty when not stored)."""
    profile: str | None = None
    """Jurisdiction profiles for this request (``eu,cn``); None: the deployment's setting."""
    label: bool | str | None = None
    """The visible disclosure: None follows the profile, True/text asks for one, False not."""
    disclosure: Disclosure = field(default_factory=Disclosure)
    """The resolved profiles and label (set by SafeGen after checking them)."""

    @classmethod
    def build(
        cls,
        prompt: str,
        *,
        negative_prompt: str | None = None,
        n: int = 1,
        seed: int | None = None,
        width: int | None = None,
        height: int | None = None,
        steps: int | None = None,
        user: str | None = None,
        metadata: dict[str, Any] | None = None,
        output_dir: str | Path | None = None,
        output_format: str = "png",
        init_image: str | Path | bytes | None = None,
        strength: float = 0.6,
        pipeline_kwargs: dict[str, Any] | None = None,
        profile: str | None = None,
        label: bool | str | None = None,
    ) -> GenerationRequest:
        _validate(prompt, n, seed, width, height, steps, metadata)
        if output_format not in OUTPUT_FORMATS:
            raise InvalidRequest(
                f"format must be one of {', '.join(OUTPUT_FORMATS)}, not {output_format!r}"
            )
        extra = dict(pipeline_kwargs or {})
        reserved = sorted(
            key
            for key in extra
            if key in RESERVED_PIPELINE_ARGUMENTS
            or any(part in key for part in ("prompt", "embeds", "image", "latents"))
        )
        if reserved:
            raise InvalidRequest(
                f"pipeline_kwargs may not set {', '.join(reserved)}: the prompt, the images and "
                "what the request already says pass the policy and the ledger, not around them"
            )
        try:
            json.dumps(extra)
        except (TypeError, ValueError) as exc:
            raise InvalidRequest(
                "pipeline_kwargs must be JSON-serialisable (they are recorded)"
            ) from exc
        init = None
        if init_image is not None:
            if not 0.0 < strength <= 1.0:
                raise InvalidRequest(f"strength must be in (0, 1], not {strength}")
            init = InitImage.read(init_image)
        return cls(
            prompt=prompt,
            id=str(uuid.uuid4()),
            seed=secrets.randbelow(2**31) if seed is None else seed,
            negative_prompt=negative_prompt,
            n=n,
            width=width,
            height=height,
            steps=steps,
            user=user,
            metadata=dict(metadata or {}),
            output_dir=Path(output_dir).expanduser() if output_dir is not None else None,
            output_format=output_format,
            init=init,
            strength=strength,
            pipeline_kwargs=extra,
            profile=profile,
            label=label,
        )

    @property
    def seeds(self) -> tuple[int, ...]:
        """Image ``i`` uses ``seed + i`` and is generated on its own, independent of ``n``."""
        return tuple(self.seed + i for i in range(self.n))

    def backend_request(self) -> BackendRequest:
        return BackendRequest(
            prompt=self.prompt,
            negative_prompt=self.negative_prompt,
            seeds=self.seeds,
            width=self.width,
            height=self.height,
            steps=self.steps,
            init_image=self.init.image if self.init is not None else None,
            strength=self.strength,
            extra=dict(self.pipeline_kwargs),
        )

    def params(self) -> dict[str, Any]:
        """The request's parameters as the ledger records them."""
        params: dict[str, Any] = {
            "n": self.n,
            "width": self.width,
            "height": self.height,
            "steps": self.steps,
            "format": self.output_format,
        }
        if self.init is not None:
            params["init_image"] = self.init.to_dict() | {"strength": self.strength}
        if self.pipeline_kwargs:
            params["pipeline_kwargs"] = dict(self.pipeline_kwargs)
        params.update(self.disclosure.recorded())
        return params


def _validate(
    prompt: object,
    n: int,
    seed: int | None,
    width: int | None,
    height: int | None,
    steps: int | None,
    metadata: object,
) -> None:
    if not isinstance(prompt, str) or not prompt.strip():
        raise InvalidRequest("prompt must be a non-empty string")
    if len(prompt) > MAX_PROMPT_CHARS:
        raise InvalidRequest(
            f"prompt is {len(prompt):,} characters; the limit is {MAX_PROMPT_CHARS:,} "
            "(text encoders read the first few hundred anyway)"
        )
    if not 1 <= n <= MAX_IMAGES:
        raise InvalidRequest(f"n must be between 1 and {MAX_IMAGES}, not {n}")
    if seed is not None and not 0 <= seed < 2**63 - MAX_IMAGES:
        raise InvalidRequest("seed must be a non-negative 63-bit integer")
    for name, side in (("width", width), ("height", height)):
        if side is not None and (not 64 <= side <= MAX_SIDE or side % 8):
            raise InvalidRequest(
                f"{name} must be a multiple of 8 between 64 and {MAX_SIDE}, not {side}"
            )
    if steps is not None and not 1 <= steps <= MAX_STEPS:
        raise InvalidRequest(f"steps must be between 1 and {MAX_STEPS}, not {steps}")
    if metadata is not None:
        try:
            if not isinstance(metadata, dict):
                raise TypeError
            json.dumps(metadata)
        except (TypeError, ValueError) as exc:
            raise InvalidRequest("metadata must be a dict of JSON-serialisable values") from exc


__all__ = [
    "GenerationRequest",
    "InitImage",
    "MAX_IMAGES",
    "MAX_PROMPT_CHARS",
    "MAX_SIDE",
    "MAX_STEPS",
]
