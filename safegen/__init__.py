"""safegen: accountable image generation.

Every image passes a prompt policy, a generation backend, an output safety
classifier, an invisible watermark and a signed C2PA manifest, and is
recorded in a SQL ledger before it is returned.

Importing safegen does not import torch; the backends do, when first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from safegen._version import __version__
from safegen.config import Config
from safegen.errors import (
    BackendError,
    ConfigError,
    DeliveryError,
    ImageInputError,
    InvalidRequest,
    LedgerError,
    OutputWithheld,
    PolicyError,
    PolicyViolation,
    ProvenanceError,
    SafegenError,
    WatermarkError,
)

if TYPE_CHECKING:
    from safegen.api import GeneratedImage, GenerationResult, SafeGen, WithheldImage
    from safegen.verify import VerifyReport, verify

_LAZY = {
    "GeneratedImage": "safegen.api",
    "GenerationResult": "safegen.api",
    "SafeGen": "safegen.api",
    "WithheldImage": "safegen.api",
    "VerifyReport": "safegen.verify",
    "verify": "safegen.verify",
}
"""Imported on first use, so ``safegen verify`` never loads the generation path."""


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'safegen' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "BackendError",
    "Config",
    "ConfigError",
    "DeliveryError",
    "GeneratedImage",
    "GenerationResult",
    "ImageInputError",
    "InvalidRequest",
    "LedgerError",
    "OutputWithheld",
    "PolicyError",
    "PolicyViolation",
    "ProvenanceError",
    "SafeGen",
    "SafegenError",
    "VerifyReport",
    "WatermarkError",
    "WithheldImage",
    "__version__",
    "verify",
]
