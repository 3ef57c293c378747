"""safegen: accountable image generation.

Every image passes a prompt policy, a generation backend, an output safety
classifier, an invisible watermark and a signed C2PA manifest, and is
recorded in a SQL ledger before it is returned.

Importing safegen does not import torch; the backends do, when first used.
"""

from safegen._version import __version__
from safegen.api import GeneratedImage, GenerationResult, SafeGen, WithheldImage
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
from safegen.verify import VerifyReport, verify

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
