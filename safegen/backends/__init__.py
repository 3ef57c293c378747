"""Generation backends: one protocol, several implementations, torch imported lazily.

The table :data:`BACKENDS` names each backend's module; the module's
``from_config(config)`` builds it. Adding a backend is one file with a
``from_config`` plus one line here (docs/extending.md). The module is imported
only when that backend is used, so nothing here imports torch.
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from safegen.backends.base import Backend, BackendRequest, ModelIdentity
from safegen.errors import ConfigError, MissingExtra

if TYPE_CHECKING:
    from safegen.config import Config

BACKENDS: dict[str, str] = {
    "builtin": "safegen.backends.builtin",
    "diffusers": "safegen.backends.diffusers_backend",
    "gan": "safegen.backends.gan",
}
"""Backend name -> its module: ``from_config(config)`` builds it; ``REQUIRES`` and
``MODEL`` say what it needs (:func:`check_backend`)."""

BUILTIN_GAN = Path(__file__).resolve().parent.parent / "builtin" / "gan_model"
"""The shipped conditional GAN (trained on safegen.builtin.scenes), used by ``--backend gan``."""


def check_backend(config: Config) -> None:
    """Fail fast, before anything loads: an unknown backend, a missing extra, model or folder.

    Each backend module says what it needs: ``REQUIRES`` (modules of the generation
    extra, checked without importing them) and ``MODEL`` (``"none"``, ``"required"``, or
    ``"optional"`` when it falls back to a shipped model). A model that looks like a
    path (``./x``, ``/x``, ``~/x`` or more than one ``/``) must be an existing folder;
    anything else is taken as a hub id and checked when it loads.
    """
    if config.backend not in BACKENDS:
        raise ConfigError(
            f"unknown backend {config.backend!r}; choose one of {', '.join(BACKENDS)}"
        )
    module = importlib.import_module(BACKENDS[config.backend])  # light: torch loads later
    for name in module.REQUIRES:
        if importlib.util.find_spec(name) is None:
            error = ModuleNotFoundError(f"No module named {name!r}", name=name)
            raise MissingExtra(error, f"the {config.backend} backend")
    model = config.model
    if module.MODEL == "required" and not model:
        raise ConfigError(f"the {config.backend} backend needs a model (--model PATH_OR_HUB_ID)")
    if model and module.MODEL != "none":
        folder = Path(model).expanduser()
        looks_like_path = model.startswith((".", "/", "~")) or model.count("/") > 1
        if (looks_like_path or folder.exists()) and not folder.is_dir():
            raise ConfigError(f"model folder {model} does not exist (or is not a folder)")


def load_backend(config: Config) -> Backend:
    """Construct the backend a config names, through :data:`BACKENDS`."""
    check_backend(config)
    try:
        module = importlib.import_module(BACKENDS[config.backend])
        backend: Backend = module.from_config(config)
    except ImportError as exc:  # a verifier install: no torch or diffusers
        raise MissingExtra(exc, f"the {config.backend} backend") from exc
    return backend


__all__ = [
    "BACKENDS",
    "Backend",
    "BackendRequest",
    "ModelIdentity",
    "check_backend",
    "load_backend",
]
