"""Backends: real diffusers and torch models built from configs, through the real loading paths."""

from __future__ import annotations

from pathlib import Path

import pytest
from tiny_sd import make_tiny_pipeline

from safegen.backends import BackendRequest, load_backend
from safegen.backends.base import sha256_weights_folder
from safegen.backends.builtin import BUILTIN_NAME
from safegen.config import Config
from safegen.errors import BackendError, ConfigError

torch = pytest.importorskip("torch")


@pytest.fixture(scope="module")
def tiny_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tiny-sd")
    make_tiny_pipeline(folder, seed=123, latent_size=8)
    return folder


def test_diffusers_folder_round_trip_is_deterministic(tiny_folder: Path) -> None:
    from safegen.backends.diffusers_backend import DiffusersBackend

    backend = DiffusersBackend(tiny_folder, default_steps=3)
    assert backend.identity.backend == "diffusers"
    assert backend.identity.name == tiny_folder.name
    assert len(backend.identity.weights_sha256) == 64
    assert backend.default_size == (64, 64)
    request = BackendRequest("a red square", "blurry", (1, 2))
    first = backend.generate(request)
    again = DiffusersBackend(tiny_folder, default_steps=3).generate(request)
    assert [i.size for i in first] == [(64, 64), (64, 64)]
    assert [i.tobytes() for i in first] == [i.tobytes() for i in again]
    assert first[0].tobytes() != first[1].tobytes()


def test_weights_hash_changes_with_weights(tiny_folder: Path, tmp_path: Path) -> None:
    from safegen.backends.diffusers_backend import DiffusersBackend

    other = tmp_path / "other"
    make_tiny_pipeline(other, seed=124, latent_size=8)
    assert sha256_weights_folder(other) != sha256_weights_folder(tiny_folder)
    assert (
        DiffusersBackend(other).identity.weights_sha256
        != DiffusersBackend(tiny_folder).identity.weights_sha256
    )


def test_a_model_is_the_same_as_an_object_as_a_folder_and_resaved(
    tiny_folder: Path, tmp_path: Path
) -> None:
    """The identity hashes what the pipeline computes with, not how it was serialised."""
    from diffusers import DDIMScheduler, DiffusionPipeline

    from safegen.backends.diffusers_backend import DiffusersBackend

    from_folder = DiffusersBackend(tiny_folder).identity.weights_sha256
    pipeline = DiffusionPipeline.from_pretrained(str(tiny_folder))
    assert DiffusersBackend(pipeline).identity.weights_sha256 == from_folder
    resaved = tmp_path / "resaved"
    pipeline.save_pretrained(resaved, safe_serialization=False)  # .bin instead of .safetensors
    assert sha256_weights_folder(resaved) != sha256_weights_folder(tiny_folder)
    assert DiffusersBackend(resaved).identity.weights_sha256 == from_folder
    # a different configuration is a different model, even with the same weights
    pipeline.scheduler = DDIMScheduler.from_config(
        pipeline.scheduler.config, prediction_type="v_prediction"
    )
    assert DiffusersBackend(pipeline).identity.weights_sha256 != from_folder


def test_pipeline_object_is_accepted(tiny_folder: Path) -> None:
    from diffusers import DiffusionPipeline

    from safegen.backends.diffusers_backend import DiffusersBackend

    pipeline = DiffusionPipeline.from_pretrained(str(tiny_folder))
    backend = DiffusersBackend(pipeline, name="mine", default_steps=2)
    assert backend.identity.revision == "in-memory"
    assert len(backend.identity.weights_sha256) == 64
    assert backend.generate(BackendRequest("x", None, (0,)))[0].size == (64, 64)


def test_unconditional_pipeline(tmp_path: Path) -> None:
    from diffusers import DDPMPipeline, DDPMScheduler, UNet2DModel

    from safegen.backends.diffusers_backend import DiffusersBackend

    torch.manual_seed(0)
    unet = UNet2DModel(
        sample_size=16,
        in_channels=3,
        out_channels=3,
        block_out_channels=(16, 32),
        down_block_types=("DownBlock2D", "DownBlock2D"),
        up_block_types=("UpBlock2D", "UpBlock2D"),
        norm_num_groups=8,
        layers_per_block=1,
    )
    DDPMPipeline(unet=unet, scheduler=DDPMScheduler(num_train_timesteps=10)).save_pretrained(
        tmp_path / "ddpm"
    )
    backend = DiffusersBackend(tmp_path / "ddpm", default_steps=3)
    images = backend.generate(BackendRequest("ignored", None, (4, 4)))
    assert images[0].size == (16, 16)
    assert images[0].tobytes() == images[1].tobytes()
    with pytest.raises(BackendError, match="16x16 images only"):
        backend.generate(BackendRequest("x", None, (1,), width=32, height=32))


def test_missing_folder_and_uncached_hub_id() -> None:
    from safegen.backends.diffusers_backend import DiffusersBackend

    with pytest.raises(BackendError, match="does not exist"):
        DiffusersBackend("./no/such/model")
    with pytest.raises(BackendError, match="downloads are off"):
        DiffusersBackend("safegen-tests/not-in-any-cache")


def test_builtin_identity_is_pinned(builtin_backend) -> None:  # type: ignore[no-untyped-def]
    identity = builtin_backend.identity
    assert identity.name == BUILTIN_NAME and identity.backend == "builtin"
    assert len(identity.weights_sha256) == 64
    assert identity.revision and identity.revision != "in-memory"


class TinyGenerator(torch.nn.Module):
    """A DCGAN-style generator: latent (+ class embedding) to 256x256 RGB in [-1, 1]."""

    def __init__(self, latent_dim: int = 16, classes: int = 0) -> None:
        super().__init__()
        self.embed = torch.nn.Embedding(max(classes, 1), latent_dim)
        self.conditional = classes > 0
        self.fc = torch.nn.Linear(latent_dim, 8 * 8 * 8)
        self.up = torch.nn.Sequential(
            torch.nn.Upsample(scale_factor=4),
            torch.nn.Conv2d(8, 8, 3, padding=1),
            torch.nn.ReLU(),
            torch.nn.Upsample(scale_factor=8),
            torch.nn.Conv2d(8, 3, 3, padding=1),
            torch.nn.Tanh(),
        )

    def forward(self, z: torch.Tensor, label: torch.Tensor | None = None) -> torch.Tensor:
        if label is not None:
            z = z + self.embed(label)
        return self.up(self.fc(z).view(-1, 8, 8, 8))


def test_gan_module_and_torchscript_folder(tmp_path: Path) -> None:
    from safegen.backends.gan import GANBackend

    torch.manual_seed(0)
    backend = GANBackend(TinyGenerator(), latent_dim=16, name="tiny-gan", revision="r1")
    request = BackendRequest("anything", None, (3, 4))
    images = backend.generate(request)
    assert [i.size for i in images] == [(256, 256)] * 2
    assert images[0].tobytes() != images[1].tobytes()

    backend.save(tmp_path / "gan")
    loaded = GANBackend(tmp_path / "gan")
    assert loaded.identity.name == "tiny-gan" and loaded.identity.revision == "r1"
    assert [i.tobytes() for i in loaded.generate(request)] == [i.tobytes() for i in images]
    with pytest.raises(BackendError, match="256x256 images only"):
        loaded.generate(BackendRequest("x", None, (1,), width=512, height=512))


def test_conditional_gan_needs_a_named_class(tmp_path: Path) -> None:
    from safegen.backends.gan import GANBackend

    torch.manual_seed(0)
    backend = GANBackend(TinyGenerator(classes=2), latent_dim=16, labels=["cat", "dog"])
    cat = backend.generate(BackendRequest("a fluffy cat", None, (1,)))[0]
    dog = backend.generate(BackendRequest("a dog", None, (1,)))[0]
    assert cat.tobytes() != dog.tobytes()
    with pytest.raises(BackendError, match="must name one of cat, dog"):
        backend.generate(BackendRequest("a horse", None, (1,)))


def test_gan_folder_must_be_complete(tmp_path: Path) -> None:
    from safegen.backends.gan import GANBackend

    with pytest.raises(BackendError, match="not a safegen GAN folder"):
        GANBackend(tmp_path)


def test_load_backend_from_config(tiny_folder: Path, tmp_path: Path) -> None:
    backend = load_backend(Config(home=tmp_path, backend="diffusers", model=str(tiny_folder)))
    assert backend.identity.name == tiny_folder.name
    with pytest.raises(ConfigError, match="needs a model"):
        load_backend(Config(home=tmp_path, backend="diffusers"))
    # The GAN backend without a model is the shipped scenes GAN.
    assert load_backend(Config(home=tmp_path, backend="gan")).identity.name == (
        "safegen-builtin-scenes-gan"
    )
    with pytest.raises(ConfigError, match="unknown backend"):
        load_backend(Config(home=tmp_path, backend="dalle"))


def test_hub_id_loads_from_the_local_cache(tiny_folder: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A hub id resolves through the Hugging Face cache layout, offline; revision = commit."""
    import shutil

    from safegen.backends.diffusers_backend import DiffusersBackend

    commit = "0123456789abcdef0123456789abcdef01234567"
    repo = tmp_path / "hub" / "models--safegen-tests--tiny-sd"
    shutil.copytree(tiny_folder, repo / "snapshots" / commit)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit)
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    import huggingface_hub.constants as hub_constants

    monkeypatch.setattr(hub_constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    backend = DiffusersBackend("safegen-tests/tiny-sd", default_steps=2)
    assert backend.identity.name == "safegen-tests/tiny-sd"
    assert backend.identity.revision == commit
    assert backend.identity.weights_sha256 == DiffusersBackend(tiny_folder).identity.weights_sha256
    assert backend.generate(BackendRequest("x", None, (0,)))[0].size == (64, 64)


def test_safegen_takes_a_pipeline_object_and_passes_pipeline_arguments(
    tiny_folder: Path, tmp_path: Path
) -> None:
    from diffusers import DiffusionPipeline

    from safegen.api import SafeGen
    from safegen.backends.diffusers_backend import DiffusersBackend
    from safegen.request import GenerationRequest

    pipeline = DiffusionPipeline.from_pretrained(str(tiny_folder))
    gen = SafeGen(Config(home=tmp_path), backend=pipeline)
    assert isinstance(gen.backend, DiffusersBackend)
    assert len(gen.backend.identity.weights_sha256) == 64
    request = GenerationRequest.build(
        "a red square", seed=1, steps=2, pipeline_kwargs={"guidance_rescale": 0.5}
    )
    assert request.params()["pipeline_kwargs"] == {"guidance_rescale": 0.5}
    plain = gen.backend.generate(
        GenerationRequest.build("a red square", seed=1, steps=2).backend_request()
    )
    rescaled = gen.backend.generate(request.backend_request())
    assert plain[0].size == rescaled[0].size
    with pytest.raises(ConfigError, match="diffusers pipeline"):
        SafeGen(Config(home=tmp_path), backend=object())  # type: ignore[arg-type]
