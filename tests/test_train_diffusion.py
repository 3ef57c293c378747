"""Smoke test of the built-in diffusion training: a few steps, resume, export, load, generate."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from safegen.backends import BUILTIN_GAN, BackendRequest
from safegen.backends.builtin import BUILTIN_DIR, BuiltinBackend
from safegen.builtin.train_diffusion import WEIGHTS, main
from safegen.errors import BackendError


def test_train_resume_export_and_generate(tmp_path: Path) -> None:
    work, model = tmp_path / "work", tmp_path / "model"
    args = ["--work", str(work), "--data", "16", "--batch", "4", "--checkpoint-every", "2"]
    main([*args, "--steps", "2"])
    main([*args, "--steps", "4", "--export", str(model)])  # resumes at step 2
    losses = [json.loads(line) for line in (work / "losses.jsonl").read_text().splitlines()]
    assert losses == []  # one line per 10 steps
    config = json.loads((model / "safegen_model.json").read_text())
    assert config["training"]["steps"] == 4 and config["revision"] == "0.3-step4"
    assert (model / "model_index.json").is_file() and (model / WEIGHTS).is_file()

    backend = BuiltinBackend(folder=model)
    backend.default_steps = 3
    request = BackendRequest("a lighthouse by the sea at night", None, (1, 2))
    first = backend.generate(request)
    assert [image.size for image in first] == [(256, 256), (256, 256)]
    again = backend.generate(request)
    assert [i.tobytes() for i in first] == [i.tobytes() for i in again]
    assert first[0].tobytes() != first[1].tobytes()

    with open(model / WEIGHTS, "r+b") as handle:  # one flipped byte in the weights
        handle.seek(4096)
        byte = handle.read(1)
        handle.seek(4096)
        handle.write(bytes([byte[0] ^ 1]))
    with pytest.raises(BackendError, match="pinned"):
        BuiltinBackend(folder=model)
    (model / "safegen_model.json").unlink()
    with pytest.raises(BackendError, match="reinstall"):
        BuiltinBackend(folder=model)


def test_shipped_model_is_pinned_and_small(tmp_path: Path) -> None:
    config = json.loads((BUILTIN_DIR / "safegen_model.json").read_text())
    assert set(config["weights_sha256"]) == {WEIGHTS}
    folders = (BUILTIN_DIR, BUILTIN_GAN)
    weights = sum(
        p.stat().st_size
        for folder in folders
        for p in folder.rglob("*")
        if p.suffix in (".safetensors", ".pt")
    )
    assert weights <= 30 * 1024 * 1024  # the budget for all shipped weights
    copy = tmp_path / "copy"
    shutil.copytree(BUILTIN_DIR, copy)
    assert BuiltinBackend(folder=copy).identity.name == "safegen-builtin-scenes-diffusion"


def test_shipped_model_follows_the_prompt(builtin_backend) -> None:  # type: ignore[no-untyped-def]
    """Night prompts come out darker than day prompts, on the shipped weights."""

    def sky(prompt: str) -> float:
        images = builtin_backend.generate(BackendRequest(prompt, None, (0, 1, 2)))
        return float(np.mean([np.asarray(i)[:100].mean() for i in images]))

    assert sky("the sea under a starry night sky") + 40 < sky("the sea on a sunny day")
