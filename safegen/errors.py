"""One exception hierarchy for everything safegen raises on purpose.

Every message says what happened and what to do next; the CLI prints the
message on one line and exits with the class's ``exit_code``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from safegen.codes import ExitCode

if TYPE_CHECKING:
    from collections.abc import Sequence

    from safegen.api import WithheldImage
    from safegen.policy import PolicyDecision


class SafegenError(Exception):
    """Base class: a failure the caller can act on."""

    exit_code: int = ExitCode.UNKNOWN


class ConfigError(SafegenError):
    """The configuration (arguments, environment, files) is unusable."""

    exit_code = ExitCode.USAGE


class MissingExtra(ConfigError):
    """Generation was asked of a verifier install (no torch, diffusers, ...)."""

    def __init__(self, exc: ImportError, needed_for: str) -> None:
        super().__init__(
            f"{needed_for} needs the generation extra, which is not installed here (no module "
            f"{exc.name or exc}); install it with: pip install 'safegen[generate]'"
        )


class ProfileError(ConfigError):
    """A jurisdiction profile cannot be loaded or applied: the message names the file or key."""


class InvalidRequest(SafegenError):
    """A generation request has an argument out of range (size, steps, n, seed)."""

    exit_code = ExitCode.USAGE


class PolicyError(SafegenError):
    """A policy pack cannot be loaded: the message names the file, line and rule."""

    exit_code = ExitCode.USAGE


class PolicyViolation(SafegenError):
    """The prompt policy blocked the request; nothing was generated."""

    exit_code = ExitCode.BLOCKED

    def __init__(self, message: str, decision: PolicyDecision, generation_id: str) -> None:
        super().__init__(message)
        self.decision = decision
        self.generation_id = generation_id

    @classmethod
    def of(cls, decision: PolicyDecision, generation_id: str) -> PolicyViolation:
        return cls(
            f"prompt blocked by policy {decision.pack} ({', '.join(decision.categories)}; "
            f"rules {', '.join(decision.rules)}); nothing was generated",
            decision,
            generation_id,
        )


class OutputWithheld(SafegenError):
    """Every generated image was withheld by the output safety check."""

    exit_code = ExitCode.WITHHELD

    def __init__(self, message: str, generation_id: str, scores: list[dict[str, float]]) -> None:
        super().__init__(message)
        self.generation_id = generation_id
        self.scores = scores

    @classmethod
    def of(cls, withheld: Sequence[WithheldImage], generation_id: str) -> OutputWithheld:
        return cls(
            f"all {len(withheld)} image(s) withheld by the output safety check "
            f"({'; '.join(r for w in withheld for r in w.reasons)}); the event is "
            f"recorded as generation {generation_id}",
            generation_id,
            [w.scores for w in withheld],
        )


class BackendError(SafegenError):
    """The generation backend could not be loaded or failed to generate."""

    exit_code = ExitCode.INTERNAL


class OutputCheckError(SafegenError):
    """An output check failed or answered wrongly; the generation is recorded as failed."""

    exit_code = ExitCode.INTERNAL


class ProvenanceError(SafegenError):
    """Signing or reading a C2PA manifest failed, or the signing identity is unusable."""

    exit_code = ExitCode.INTERNAL


class WatermarkError(SafegenError):
    """The watermark could not be embedded or checked."""

    exit_code = ExitCode.INTERNAL


class LedgerError(SafegenError):
    """The ledger database is unreachable, out of date or refused a write (exit 75 only)."""

    exit_code = ExitCode.LEDGER_UNAVAILABLE


class NotFound(SafegenError):
    """A record asked for by id (generation, asset, checkpoint) is not in the ledger."""

    exit_code = ExitCode.UNKNOWN


class ChainBroken(SafegenError):
    """The ledger's chain fails its audit; nothing is signed over it."""

    exit_code = ExitCode.TAMPERED


class MissingNode(ChainBroken, LookupError):
    """The stored Merkle tree lacks a node an append, a root or a proof needs."""


class FileError(SafegenError):
    """A file operation no command anticipated failed (a full disk, a permission); the message
    names the file."""

    exit_code = ExitCode.CANT_WRITE


class DeliveryError(SafegenError):
    """An image was recorded but could not be written; the ledger marks it failed."""

    exit_code = ExitCode.CANT_WRITE


class ImageInputError(SafegenError):
    """An input is not a readable image (corrupt, truncated, too large, not an image)."""

    exit_code = ExitCode.BAD_INPUT

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.details = details
