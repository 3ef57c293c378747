"""Smoke test of the built-in GAN training: a few steps on a tiny set, resume, export, load."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from safegen.backends import BackendRequest
from safegen.backends.gan import GANBackend
from safegen.builtin.train_gan import main


def test_train_resume_export_and_generate(tmp_path: Path) -> None:
    work, model = tmp_path / "work", tmp_path / "model"
    args = ["--work", str(work), "--data", "32", "--batch", "8", "--checkpoint-every", "2"]
    main([*args, "--steps", "2"])
    main([*args, "--steps", "4", "--export", str(model)])  # resumes at step 2
    losses = [json.loads(line) for line in (work / "losses.jsonl").read_text().splitlines()]
    assert losses == [] or all("d" in row and "g" in row for row in losses)
    config = json.loads((model / "safegen_gan.json").read_text())
    assert config["training"]["steps"] == 4 and config["condition"] == "all-MiniLM-L6-v2"
    backend = GANBackend(str(model))
    (image,) = backend.generate(BackendRequest("a lighthouse by the sea at night", None, (1,)))
    assert image.size == (256, 256)
    again = backend.generate(BackendRequest("a lighthouse by the sea at night", None, (1,)))[0]
    assert again.tobytes() == image.tobytes()  # deterministic per prompt and seed

    # The weights' sha256 is pinned in safegen_gan.json and checked at load.
    import pytest

    from safegen.errors import BackendError

    with open(model / "generator.pt", "ab") as handle:
        handle.write(b"tampered")
    with pytest.raises(BackendError, match="pinned"):
        GANBackend(str(model))


def test_the_shipped_gan_through_the_whole_path(
    home: Path, tmp_path: Path, nsfw_classifier
) -> None:
    from safegen import Config, SafeGen
    from safegen.verify import Verifier

    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    gen = SafeGen(Config(home=home, ledger_url=url, backend="gan"), safety=nsfw_classifier)
    try:
        result = gen.generate(
            "a calm sea under a starry night sky", n=2, seed=3, output_dir=tmp_path
        )
        assert result.model.name == "safegen-builtin-scenes-gan"
        assert all(image.image.size == (256, 256) for image in result.images)
        night = np.asarray(result.images[0].image)[:80].mean()
        day = gen.generate("a sunny beach at noon", seed=3).images[0].image
        assert np.asarray(day)[:80].mean() > night  # the prompt steers the picture
        report = Verifier(gen.config, ledger=gen.ledger).verify_path(result.images[0].path)
        assert report.verdict == "verified"
    finally:
        gen.close()
