"""Output safety as a list of checks behind one protocol, combined by :class:`OutputSafety`.

A check looks at the generated images (and what the prompt policy said about
the request) and answers one :class:`SafetyVerdict` per image. The shipped
checks: an image classifier against the pack's score bands
(:class:`ClassifierCheck`), protected-image banks in the ledger
(:class:`BankCheck`), and realistic faces in an image of a named real person
(:class:`FaceCheck`). A deployment adds its own by passing
``SafeGen(output_checks=[...])``; docs/extending.md shows one.

Combination: the most severe action wins (withhold > review > allow); every
check's scores and reasons are kept, so the ledger records why.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from safegen.errors import OutputCheckError, SafegenError
from safegen.safety import OutputAction, SafetyClassifier, SafetyVerdict, judge

if TYPE_CHECKING:
    from PIL import Image

    from safegen.ledger import BankMatch
    from safegen.policy import OutputThresholds
    from safegen.safety.faces import FaceDetector

SEVERITY: dict[str, int] = {"allow": 0, "review": 1, "withhold": 2}

BANK_DISTANCE = 8
"""pHash bits within which an output counts as a copy of a protected-bank image."""


@dataclass(frozen=True)
class OutputSafetyConfig:
    """What a policy pack says about outputs: score bands per classifier score, face action."""

    bands: dict[str, OutputThresholds] = field(default_factory=dict)
    face_action: OutputAction = "review"


@dataclass(frozen=True)
class RequestContext:
    """What a check may know about the request: the real people the prompt named."""

    people: tuple[str, ...] = ()


class OutputCheck(Protocol):
    """One output check: a verdict per image, in order."""

    name: str

    def check(
        self, images: Sequence[Image.Image], context: RequestContext
    ) -> list[SafetyVerdict]: ...


ALLOW = SafetyVerdict(action="allow", scores={}, reasons=())


class ClassifierCheck:
    """An image classifier's scores mapped through the pack's bands."""

    def __init__(self, classifier: SafetyClassifier, bands: dict[str, OutputThresholds]) -> None:
        self.classifier, self.bands = classifier, bands
        self.name = classifier.name

    def check(self, images: Sequence[Image.Image], context: RequestContext) -> list[SafetyVerdict]:
        return [judge(scores, self.bands) for scores in self.classifier.score(list(images))]


class BankCheck:
    """A near-duplicate (pHash within ``distance`` bits) of a protected-bank image is withheld."""

    name = "banks"

    def __init__(
        self,
        matches: Callable[[int, int], list[BankMatch]],
        distance: int = BANK_DISTANCE,
    ) -> None:
        """``matches(phash, distance)``: the ledger's ``bank_matches``."""
        self.matches, self.distance = matches, distance

    def check(self, images: Sequence[Image.Image], context: RequestContext) -> list[SafetyVerdict]:
        from safegen.imaging import perceptual_hash

        verdicts = []
        for image in images:
            found = self.matches(perceptual_hash(image), self.distance)
            if not found:
                verdicts.append(ALLOW)
                continue
            verdicts.append(
                SafetyVerdict(
                    action="withhold",
                    scores={f"bank.{m.bank}": float(m.distance) for m in found},
                    reasons=tuple(
                        f"near-duplicate ({m.distance} bits) of {m.label!r} "
                        f"in protected bank {m.bank!r}"
                        for m in found
                    ),
                )
            )
        return verdicts


class FaceCheck:
    """Realistic faces in an image whose prompt named a real person get ``face_action``."""

    name = "faces"

    def __init__(self, detector: Callable[[], FaceDetector], face_action: OutputAction) -> None:
        """``detector``: builds the detector on first use (nothing loads for other prompts)."""
        self._detector, self.face_action = detector, face_action

    def check(self, images: Sequence[Image.Image], context: RequestContext) -> list[SafetyVerdict]:
        if not context.people:
            return [ALLOW for _ in images]
        detector = self._detector()
        verdicts = []
        for image in images:
            faces = detector.faces(image)
            reasons = (
                (
                    f"{len(faces)} face(s) in an image of a named real person "
                    f"({', '.join(context.people)})",
                )
                if faces
                else ()
            )
            action: OutputAction = self.face_action if faces else "allow"
            verdicts.append(SafetyVerdict(action, {"faces": float(len(faces))}, reasons))
        return verdicts


class OutputSafety:
    """Every check over every image; the most severe action wins, all scores are kept."""

    def __init__(self, checks: Sequence[OutputCheck]) -> None:
        self.checks = tuple(checks)

    def judge(self, images: Sequence[Image.Image], context: RequestContext) -> list[SafetyVerdict]:
        per_check = []
        for check in self.checks:
            try:
                verdicts = list(check.check(images, context))
            except SafegenError:
                raise
            except Exception as exc:  # noqa: BLE001 - any check's bug: recorded, nothing delivered
                raise OutputCheckError(f"output check {check.name!r} failed: {exc}") from exc
            if len(verdicts) != len(images):
                raise OutputCheckError(
                    f"output check {check.name!r} answered {len(verdicts)} verdicts for "
                    f"{len(images)} images"
                )
            per_check.append(verdicts)
        return [combine(verdicts) for verdicts in zip(*per_check, strict=True)] or [
            ALLOW for _ in images
        ]


def combine(verdicts: Sequence[SafetyVerdict]) -> SafetyVerdict:
    """One verdict from several: the most severe action, merged scores, all reasons."""
    action: OutputAction = "allow"
    scores: dict[str, float] = {}
    reasons: list[str] = []
    for verdict in verdicts:
        if SEVERITY[verdict.action] > SEVERITY[action]:
            action = verdict.action
        scores.update(verdict.scores)
        reasons.extend(verdict.reasons)
    return SafetyVerdict(action=action, scores=scores, reasons=tuple(reasons))


__all__ = [
    "BANK_DISTANCE",
    "BankCheck",
    "ClassifierCheck",
    "FaceCheck",
    "OutputCheck",
    "OutputSafety",
    "OutputSafetyConfig",
    "RequestContext",
    "combine",
]
