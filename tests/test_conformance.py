"""Every implementation in each table keeps its protocol's contract.

Backends (``safegen.backends.BACKENDS``), watermarks (``safegen.watermark.WATERMARKS``)
and output checks (``safegen.safety.checks``): a new entry in any table is tested here
without a new test.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from safegen.backends import BACKENDS, BackendRequest, load_backend
from safegen.config import Config
from safegen.ledger import BankMatch
from safegen.safety import SafetyVerdict
from safegen.safety.checks import (
    BankCheck,
    ClassifierCheck,
    FaceCheck,
    OutputSafety,
    RequestContext,
    combine,
)
from safegen.watermark import WATERMARKS, load_watermarker

torch = pytest.importorskip("torch")


@pytest.fixture(scope="module")
def tiny_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tiny_sd import make_tiny_pipeline

    folder = tmp_path_factory.mktemp("tiny") / "tiny-sd"
    make_tiny_pipeline(folder, seed=7, latent_size=8)
    return folder


def _config(name: str, tiny_folder: Path, tmp_path: Path) -> Config:
    return Config(
        home=tmp_path, backend=name, model=str(tiny_folder) if name == "diffusers" else None
    )


@pytest.mark.parametrize("name", sorted(BACKENDS))
def test_every_backend_makes_one_rgb_image_per_seed_and_names_its_model(
    name: str, tiny_folder: Path, tmp_path: Path
) -> None:
    assert callable(importlib.import_module(BACKENDS[name]).from_config)
    backend = load_backend(_config(name, tiny_folder, tmp_path))
    identity = backend.identity
    assert identity.backend in BACKENDS and identity.name and identity.revision
    assert len(identity.weights_sha256) == 64
    request = BackendRequest("a calm lake under mountains", None, (3, 4), steps=2)
    images = backend.generate(request)
    assert len(images) == 2 and all(im.mode == "RGB" for im in images)
    # image i depends on its own seed only
    again = backend.generate(BackendRequest("a calm lake under mountains", None, (4,), steps=2))
    assert np.array_equal(np.asarray(again[0]), np.asarray(images[1]))


@pytest.mark.parametrize("name", sorted(BACKENDS))
def test_every_backend_refuses_a_pipeline_argument_its_model_does_not_take(
    name: str, tiny_folder: Path, tmp_path: Path
) -> None:
    from safegen.errors import BackendError

    backend = load_backend(_config(name, tiny_folder, tmp_path))
    request = BackendRequest("a lake", None, (1,), steps=2, extra={"no_such_argument": 1})
    with pytest.raises(BackendError, match="no_such_argument"):
        backend.generate(request)


def _photo(seed: int) -> Image.Image:
    from test_watermark import _photo_like

    return _photo_like(seed)


@pytest.mark.parametrize("name", sorted(WATERMARKS))
def test_every_watermark_round_trips_its_id_and_finds_none_in_a_clean_image(name: str) -> None:
    marker = load_watermarker(name)
    assert marker.algorithm
    image = _photo(1)
    marked = marker.embed(image, 123_456)
    assert marked.size == image.size and marked.mode == "RGB"
    assert marker.decode(marked).watermark_id == 123_456
    assert marker.decode(_photo(2)).watermark_id is None


def _checks(nsfw_classifier, bank_hits: list[BankMatch]) -> list:  # type: ignore[no-untyped-def]
    from safegen.policy import load_policy

    config = load_policy("default").output_safety

    class _Faces:
        def faces(self, image: Image.Image) -> list[tuple[int, int, int, int]]:
            return [(0, 0, 10, 10)]

    return [
        ClassifierCheck(nsfw_classifier, config.bands),
        BankCheck(lambda phash, distance: bank_hits),
        FaceCheck(lambda: _Faces(), config.face_action),  # type: ignore[arg-type,return-value]
    ]


def test_every_output_check_answers_one_verdict_per_image(nsfw_classifier) -> None:  # type: ignore[no-untyped-def]
    images = [_photo(1), _photo(2), _photo(3)]
    context = RequestContext(people=("Jane Example",))
    for check in _checks(nsfw_classifier, []):
        verdicts = check.check(images, context)
        assert len(verdicts) == 3, check.name
        assert all(isinstance(v, SafetyVerdict) for v in verdicts)
        assert all(v.action in ("allow", "review", "withhold") for v in verdicts)


def test_the_most_severe_check_wins_and_every_reason_is_kept(nsfw_classifier) -> None:  # type: ignore[no-untyped-def]
    hit = BankMatch(bank="works", label="a painting", distance=3)
    safety = OutputSafety(_checks(nsfw_classifier, [hit]))
    [verdict] = safety.judge([_photo(1)], RequestContext(people=("Jane Example",)))
    assert verdict.action == "withhold"
    assert verdict.scores["bank.works"] == 3.0 and verdict.scores["faces"] == 1.0
    assert "nsfw" in verdict.scores
    assert any("protected bank 'works'" in r for r in verdict.reasons)
    assert any("named real person" in r for r in verdict.reasons)
    # without a named person the face check stays silent and nothing loads
    [plain] = OutputSafety(_checks(nsfw_classifier, [])).judge([_photo(1)], RequestContext())
    assert plain.action == "allow" and "faces" not in plain.scores
    assert combine([]).action == "allow"
