"""The small vocabularies every module shares: exit codes, record statuses, verdicts.

One place, so the CLI, the API and the docs cannot drift apart. They are
``IntEnum``/``StrEnum`` members, so ``ExitCode.USAGE == 64`` and
``Status.DELIVERED == "delivered"``: the ledger and JSON output keep plain
values.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class ExitCode(IntEnum):
    """Process exit codes of the ``safegen`` command (documented in docs/quickstart.md)."""

    OK = 0
    """Success; ``verify``: verified."""
    UNKNOWN = 1
    """``verify``: nothing links the image to the ledger; a record asked for does not exist."""
    TAMPERED = 2
    """``verify``: a manifest fails validation; ``ledger audit``: broken; a proof: not sound."""
    TRACED = 3
    """``verify``: traced by watermark or perceptual hash."""
    BLOCKED = 3
    """``generate``/``policy``: blocked by the prompt policy; ``bank check``: a match."""
    WITHHELD = 4
    """``generate``: every image withheld by output safety."""
    USAGE = 64
    """A usage or configuration error: a bad argument, option, file or setting."""
    BAD_INPUT = 65
    """An input that is not a readable image."""
    INTERNAL = 70
    """A stage failed: backend, signing, watermark."""
    CANT_WRITE = 74
    """An output file could not be written, or another file operation failed (it is named)."""
    LEDGER_UNAVAILABLE = 75
    """The ledger database cannot be reached (or its schema is out of date)."""
    INTERRUPTED = 130
    """Interrupted (Ctrl-C)."""


class Status(StrEnum):
    """The status of a generation or an asset in the ledger."""

    PENDING = "pending"
    DELIVERED = "delivered"
    BLOCKED = "blocked"
    WITHHELD = "withheld"
    FAILED = "failed"


class Verdict(StrEnum):
    """What ``verify`` says of one image (DESIGN.md, Verification)."""

    VERIFIED = "verified"
    TRACED = "traced"
    TAMPERED = "tampered"
    UNKNOWN = "unknown"
    ERROR = "error"
    """Not a verdict about provenance: the file could not be read."""

    @property
    def exit_code(self) -> ExitCode:
        return _VERDICT_EXIT[self]


_VERDICT_EXIT = {
    Verdict.VERIFIED: ExitCode.OK,
    Verdict.TRACED: ExitCode.TRACED,
    Verdict.TAMPERED: ExitCode.TAMPERED,
    Verdict.UNKNOWN: ExitCode.UNKNOWN,
    Verdict.ERROR: ExitCode.BAD_INPUT,
}

SEVERITY = (Verdict.ERROR, Verdict.TAMPERED, Verdict.UNKNOWN, Verdict.TRACED, Verdict.VERIFIED)
"""With several images the worst verdict decides the exit code, in this order."""

__all__ = ["SEVERITY", "ExitCode", "Status", "Verdict"]
