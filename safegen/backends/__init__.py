"""Generation backends: one protocol, several implementations, torch imported lazily."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from safegen.backends.base import Backend, BackendRequest, ModelIdentity
from safegen.errors import ConfigError

if TYPE_CHECKING:
    from safegen.config import Config

BACKENDS = ("builtin", "diffusers", "gan")


BUILTIN_GAN = Path(__file__).resolve().parent.parent / "builtin" / "gan_model"
"""The shipped conditional GAN (trained on safegen.builtin.scenes), used by ``--backend gan``."""


def load_backend(config: Config) -> Backend:
    """Construct the backend a config names (``builtin`` needs no model)."""
    if config.backend == "builtin":
        from safegen.backends.builtin import BuiltinBackend

        return BuiltinBackend(threads=config.threads)
    if config.backend == "gan" and not config.model and BUILTIN_GAN.is_dir():
        from safegen.backends.gan import GANBackend

        return GANBackend(str(BUILTIN_GAN), threads=config.threads)
    if config.backend in ("diffusers", "gan") and not config.model:
        raise ConfigError(f"the {config.backend} backend needs a model (--model PATH_OR_HUB_ID)")
    if config.backend == "diffusers":
        from safegen.backends.diffusers_backend import DiffusersBackend

        return DiffusersBackend(
            str(config.model), allow_downloads=config.allow_downloads, threads=config.threads
        )
    if config.backend == "gan":
        from safegen.backends.gan import GANBackend

        return GANBackend(str(config.model), threads=config.threads)
    raise ConfigError(f"unknown backend {config.backend!r}; choose one of {', '.join(BACKENDS)}")


__all__ = ["BACKENDS", "Backend", "BackendRequest", "ModelIdentity", "load_backend"]
