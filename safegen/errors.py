"""One exception hierarchy for everything safegen raises on purpose.

Every message says what happened and what to do next; the CLI prints the
message on one line and exits with the class's ``exit_code``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from safegen.policy import PolicyDecision


class SafegenError(Exception):
    """Base class: a failure the caller can act on."""

    exit_code: int = 1


class ConfigError(SafegenError):
    """The configuration (arguments, environment, files) is unusable."""

    exit_code = 64


class InvalidRequest(SafegenError):
    """A generation request has an argument out of range (size, steps, n, seed)."""

    exit_code = 64


class PolicyError(SafegenError):
    """A policy pack cannot be loaded: the message names the file, line and rule."""

    exit_code = 64


class PolicyViolation(SafegenError):
    """The prompt policy blocked the request; nothing was generated."""

    exit_code = 3

    def __init__(self, message: str, decision: PolicyDecision, generation_id: str) -> None:
        super().__init__(message)
        self.decision = decision
        self.generation_id = generation_id


class OutputWithheld(SafegenError):
    """Every generated image was withheld by the output safety check."""

    exit_code = 4

    def __init__(self, message: str, generation_id: str, scores: list[dict[str, float]]) -> None:
        super().__init__(message)
        self.generation_id = generation_id
        self.scores = scores


class BackendError(SafegenError):
    """The generation backend could not be loaded or failed to generate."""

    exit_code = 70


class ProvenanceError(SafegenError):
    """Signing or reading a C2PA manifest failed, or the signing identity is unusable."""

    exit_code = 70


class WatermarkError(SafegenError):
    """The watermark could not be embedded or checked."""

    exit_code = 70


class LedgerError(SafegenError):
    """The ledger database is unreachable, out of date or refused a write."""

    exit_code = 75


class DeliveryError(SafegenError):
    """An image was recorded but could not be written; the ledger marks it failed."""

    exit_code = 74


class ImageInputError(SafegenError):
    """An input is not a readable image (corrupt, truncated, too large, not an image)."""

    exit_code = 65

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.details = details
