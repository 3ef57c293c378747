"""safegen's own runtime for the built-in model computes what diffusers and transformers compute.

The built-in backend runs the shipped folder through :mod:`safegen.builtin.runtime`
and :mod:`safegen.builtin.minilm` so a cold start imports neither diffusers nor
transformers; these tests hold it to the libraries it replaces: the same token ids
and embeddings as transformers' ``BertModel``, the same pixels and the same model
identity as ``ScenesPipeline`` through ``DiffusersBackend``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from safegen.backends import BackendRequest
from safegen.backends.builtin import BUILTIN_DIR, BuiltinBackend
from safegen.errors import BackendError

PROMPTS = [
    "a lighthouse on a cliff at sunset",
    "Ein Bergsee bei Nacht unter Sternen",
    "山の上の湖、夕焼け",
    "émigré café naïve, déjà vu",
    "waves " * 200,  # longer than the 128-token window: truncated the same way
    "",
]


def test_minilm_matches_transformers() -> None:
    from transformers import AutoModel, AutoTokenizer

    from safegen.policy.semantic import MAX_TOKENS, TextEmbedder, model_folder

    ours = TextEmbedder()
    folder = str(model_folder())
    tokenizer, model = AutoTokenizer.from_pretrained(folder), AutoModel.from_pretrained(folder)
    batch = tokenizer(
        PROMPTS, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt"
    )
    ids, mask = ours.model.tokenize(PROMPTS)
    assert torch.equal(ids, batch["input_ids"]) and torch.equal(mask, batch["attention_mask"])
    with torch.inference_mode():
        expected = model.eval()(**batch).last_hidden_state
        actual = ours.model.hidden_states(ids, mask)
    real = mask.bool()
    assert torch.allclose(actual[real], expected[real], atol=1e-5)
    assert ours.embed(["a lake"]).shape == (1, 384)


@pytest.fixture(scope="module")
def both() -> tuple[BuiltinBackend, object]:
    from safegen.backends.diffusers_backend import DiffusersBackend
    from safegen.builtin.pipeline import ScenesPipeline

    reference = DiffusersBackend(
        BUILTIN_DIR, pipeline_class=ScenesPipeline, upscale_to=256, guidance_scale=3.0
    )
    return BuiltinBackend(), reference


def test_same_identity_as_the_diffusers_pipeline(both: tuple[BuiltinBackend, object]) -> None:
    ours, reference = both
    assert ours.identity.weights_sha256 == reference.identity.weights_sha256  # type: ignore[attr-defined]


@pytest.mark.parametrize("steps", [15, 4, 1])
def test_same_pixels_as_the_diffusers_pipeline(
    both: tuple[BuiltinBackend, object], steps: int
) -> None:
    ours, reference = both
    request = BackendRequest("a pine forest by a lake at dusk", None, (3, 11), steps=steps)
    mine = ours.generate(request)
    theirs = reference.generate(request)  # type: ignore[attr-defined]
    assert [a.tobytes() for a in mine] == [b.tobytes() for b in theirs]
    assert mine[0].tobytes() != mine[1].tobytes()


def test_same_pixels_image_to_image(both: tuple[BuiltinBackend, object]) -> None:
    ours, reference = both
    rng = np.random.default_rng(5)
    start = Image.fromarray((rng.random((300, 200, 3)) * 255).astype(np.uint8))
    request = BackendRequest(
        "a desert at noon", None, (7,), steps=10, init_image=start, strength=0.5
    )
    mine, theirs = ours.generate(request), reference.generate(request)  # type: ignore[attr-defined]
    assert mine[0].tobytes() == theirs[0].tobytes()


def test_requests_it_cannot_run_are_refused(both: tuple[BuiltinBackend, object]) -> None:
    ours, _ = both
    with pytest.raises(BackendError, match="takes no argument eta"):
        ours.generate(BackendRequest("a lake", None, (1,), extra={"eta": 0.5}))
    with pytest.raises(BackendError, match="square images of 256 px"):
        ours.generate(BackendRequest("a lake", None, (1,), width=256, height=128))
    with pytest.raises(BackendError, match="no denoising step"):
        start = Image.new("RGB", (64, 64))
        ours.generate(BackendRequest("a lake", None, (1,), steps=2, init_image=start, strength=0.1))


@pytest.mark.parametrize(
    ("file", "key", "value"),
    [
        ("unet/config.json", "use_linear_projection", True),
        ("unet/config.json", "resnet_time_scale_shift", "scale_shift"),
        ("scheduler/scheduler_config.json", "prediction_type", "epsilon"),
        ("scheduler/scheduler_config.json", "use_karras_sigmas", True),
    ],
)
def test_a_configuration_it_does_not_compute_is_refused(
    tmp_path: Path, file: str, key: str, value: object
) -> None:
    folder = tmp_path / "model"
    shutil.copytree(BUILTIN_DIR, folder)
    config = json.loads((folder / file).read_text())
    config[key] = value
    (folder / file).write_text(json.dumps(config))
    with pytest.raises(BackendError, match=key):
        BuiltinBackend(folder=folder)


def test_generating_imports_neither_diffusers_nor_transformers() -> None:
    code = (
        "import sys\n"
        "from safegen.backends import BackendRequest\n"
        "from safegen.backends.builtin import BuiltinBackend\n"
        "BuiltinBackend().generate(BackendRequest('a lake', None, (1,), steps=1))\n"
        "print(sorted(m for m in ('diffusers', 'transformers') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "[]"
