"""Resumable training state for the built-in models' training scripts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch


def resume(checkpoint: Path, parts: dict[str, Any]) -> int:
    """Load every part's ``state_dict`` from ``checkpoint`` if it exists; return its step (or 0)."""
    if not checkpoint.is_file():
        return 0
    state: dict[str, Any] = torch.load(checkpoint, weights_only=True)
    for name, part in parts.items():
        part.load_state_dict(state[name])
    step = int(state["step"])
    print(f"resumed at step {step}", flush=True)
    return step


def save(checkpoint: Path, parts: dict[str, Any], step: int) -> None:
    """Every part's ``state_dict`` and the step, written to a temporary file and renamed."""
    state = {name: part.state_dict() for name, part in parts.items()}
    state["step"] = step
    partial = checkpoint.with_suffix(".tmp")
    torch.save(state, partial)
    partial.replace(checkpoint)
