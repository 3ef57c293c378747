"""Protected-image banks and the real-person face check in the generation path."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from safegen import Config, OutputWithheld, SafeGen
from safegen.backends import BackendRequest, ModelIdentity
from safegen.safety.faces import FaceDetector


def test_an_output_matching_a_bank_is_withheld_and_the_bank_named(
    safegen_factory, tmp_path: Path, home: Path
) -> None:
    from test_cli import run

    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    gen = safegen_factory(url)
    first = gen.generate("a quiet harbour", seed=4, steps=3, output_dir=tmp_path / "a")
    # The compliance team protects that picture (as if it were a copyrighted work).
    proc = run(
        "bank",
        "add",
        "copyrighted-works",
        str(first.images[0].path),
        "--label",
        "Harbour (c) X",
        home=home,
        ledger_url=url,
    )
    assert proc.returncode == 0, proc.stderr
    proc = run("bank", "list", "--json", home=home, ledger_url=url)
    assert json.loads(proc.stdout) == {"copyrighted-works": 1}

    # The model makes the same picture again: it is withheld, and the ledger says why.
    with pytest.raises(OutputWithheld) as caught:
        gen.generate("a quiet harbour", seed=4, steps=3, output_dir=tmp_path / "b")
    assert not (tmp_path / "b").exists() or not any((tmp_path / "b").iterdir())
    row = gen.ledger.generation(caught.value.generation_id)
    (asset,) = row.assets
    assert asset.status == "withheld"
    assert "bank.copyrighted-works" in asset.safety_scores
    proc = run("bank", "check", str(first.images[0].path), home=home, ledger_url=url)
    assert proc.returncode == 3 and "Harbour (c) X" in proc.stdout
    # Hash-only registration (material that must not be stored).
    proc = run(
        "bank", "add", "abuse-hashes", "--phash", "0123456789abcdef", home=home, ledger_url=url
    )
    assert proc.returncode == 0
    proc = run("bank", "add", "x", "--phash", "xyz", home=home, ledger_url=url)
    assert proc.returncode == 64


class _PhotoBackend:
    identity = ModelIdentity("test", "photo", "1", "0" * 64)

    def __init__(self, image: Image.Image) -> None:
        self.image = image

    def generate(self, request: BackendRequest) -> list[Image.Image]:
        return [self.image.copy() for _ in request.seeds]


@pytest.fixture(scope="module")
def astronaut() -> Image.Image:
    data = pytest.importorskip("skimage.data")
    return Image.fromarray(data.astronaut()).resize((512, 512))


def test_face_detector_finds_the_astronaut(astronaut: Image.Image) -> None:
    detector = FaceDetector()
    assert len(detector.faces(astronaut)) == 1
    assert detector.faces(Image.new("RGB", (512, 512), (90, 120, 200))) == []
    noise = Image.fromarray((np.random.default_rng(0).random((512, 512, 3)) * 255).astype("uint8"))
    assert detector.faces(noise) == []


def test_real_person_and_a_face_follow_the_pack(
    astronaut: Image.Image, nsfw_classifier, tmp_path: Path, home: Path
) -> None:
    pack = tmp_path / "faces.yaml"
    pack.write_text(
        "name: faces\nversion: '1'\nextends: default\nreal_people:\n  face_action: withhold\n"
    )
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    gen = SafeGen(
        Config(home=home, ledger_url=url, policy=str(pack)),
        backend=_PhotoBackend(astronaut),
        safety=nsfw_classifier,
    )
    try:
        # No real person named: the face is fine.
        assert gen.generate("an astronaut portrait", seed=1).status == "delivered"
        with pytest.raises(OutputWithheld, match="named real person"):
            gen.generate("a portrait of barack obama as an astronaut", seed=1)
    finally:
        gen.close()
    default = SafeGen(
        Config(home=home, ledger_url=url), backend=_PhotoBackend(astronaut), safety=nsfw_classifier
    )
    try:
        result = default.generate("a portrait of barack obama as an astronaut", seed=1)
        assert result.review and result.images[0].safety_scores["faces"] == 1.0
    finally:
        default.close()
