"""Configuration: one TOML file, the environment, and arguments, validated in one place.

Where settings come from, lowest precedence first:

1. the TOML file: ``--config PATH``, else ``$SAFEGEN_CONFIG``, else
   ``$SAFEGEN_HOME/safegen.toml`` when it exists (keys as in :class:`Config`);
2. the environment (``SAFEGEN_<KEY>``, e.g. ``SAFEGEN_LEDGER_URL``);
3. explicit arguments (the CLI's options, ``SafeGen(...)``'s keywords).

Every value is validated by pydantic; an unknown key, a wrong type or a value
out of range is a :class:`~safegen.errors.ConfigError` (exit 64) that names the
key and where it came from.

Environment variables (all optional):

- ``SAFEGEN_HOME``: the data directory (ledger, keys); default
  ``~/.local/share/safegen`` (or ``$XDG_DATA_HOME/safegen``).
- ``SAFEGEN_CONFIG``: the TOML file (default ``$SAFEGEN_HOME/safegen.toml``).
- ``SAFEGEN_LEDGER_URL``: any SQLAlchemy URL; default SQLite in the data directory.
- ``SAFEGEN_POLICY``: a policy pack name (``default``) or a YAML path.
- ``SAFEGEN_BACKEND``, ``SAFEGEN_MODEL``: the generation backend and its model.
- ``SAFEGEN_DEVICE`` (``cpu``, ``cuda``, ``cuda:1``, ``mps``), ``SAFEGEN_DTYPE``
  (``float32``, ``float16``, ``bfloat16``), ``SAFEGEN_THREADS``: where and how the
  backend runs.
- ``SAFEGEN_PROMPT_STORAGE``: ``plain`` | ``hmac`` | ``none``.
- ``SAFEGEN_ALLOW_DOWNLOADS``: ``1`` lets diffusers fetch hub models; off by default.
- ``SAFEGEN_WATERMARK``: ``safegen`` (default), or the baseline ``dwtDctSvd``.
- ``SAFEGEN_TSA_URL``: an RFC 3161 time-stamp authority for C2PA signatures. Production
  needs one: without a time stamp a signature turns invalid when the certificate expires.
- ``SAFEGEN_SIGNER_COMMAND``: sign through a key-holding process (KMS/HSM hook; see
  ``safegen.provenance.command``) instead of the key files in ``$SAFEGEN_HOME/keys``.
- ``SAFEGEN_PROVIDER``: the provider name written into every manifest.
- ``SAFEGEN_LEDGER_TIMEOUT``: seconds to wait for a locked SQLite ledger or a
  PostgreSQL connection (default 30) before failing with exit 75.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from safegen.errors import ConfigError, SafegenError

PromptStorage = Literal["plain", "hmac", "none"]
PROMPT_STORAGE_CHOICES: tuple[str, ...] = ("plain", "hmac", "none")
DTYPES: tuple[str, ...] = ("float32", "float16", "bfloat16")
CONFIG_FILE = "safegen.toml"


def default_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "safegen"


@dataclass(frozen=True)
class Config:
    """Everything a :class:`safegen.SafeGen` needs to know about its deployment."""

    home: Path = field(default_factory=default_home)
    ledger_url: str | None = None
    policy: str = "default"
    backend: str = "builtin"
    model: str | None = None
    prompt_storage: PromptStorage = "plain"
    watermark: str = "safegen"
    allow_downloads: bool = False
    provider_name: str = "safegen development deployment"
    threads: int | None = None
    device: str = "cpu"
    dtype: str = "float32"
    tsa_url: str | None = None
    signer_command: str | None = None
    ledger_timeout: float = 30.0
    profile: str = "none"
    """Jurisdiction profiles applied to every generation (``eu``, ``ca``, ``cn``, combined
    ``eu,cn``, or a YAML path); see docs/compliance.md."""
    detection_url: str | None = None
    """The public detection tool written into each image's metadata (the ``eu`` profile
    requires one)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "home", Path(self.home).expanduser())
        if self.prompt_storage == "hash":  # the 0.1 name of hmac
            object.__setattr__(self, "prompt_storage", "hmac")
        if self.prompt_storage not in PROMPT_STORAGE_CHOICES:
            raise ConfigError(
                f"prompt_storage must be one of {', '.join(PROMPT_STORAGE_CHOICES)}, "
                f"not {self.prompt_storage!r}"
            )
        if self.dtype not in DTYPES:
            raise ConfigError(f"dtype must be one of {', '.join(DTYPES)}, not {self.dtype!r}")
        _check_home(self.home)

    @classmethod
    def from_env(cls, *, config_file: str | Path | None = None, **overrides: object) -> Config:
        """The TOML file, then ``SAFEGEN_*`` variables, then explicit ``overrides`` (not None)."""
        env = os.environ
        home = overrides.get("home") or env.get("SAFEGEN_HOME") or None
        values: dict[str, object] = {}
        path = _config_path(config_file, Path(str(home)) if home else None)
        if path is not None:
            values.update(_validated(_read_toml(path), f"{path}"))
        from_env: dict[str, object] = {
            name: env[variable]
            for name, variable in _ENVIRONMENT.items()
            if env.get(variable) not in (None, "")
        }
        if "allow_downloads" in from_env:  # 0.1's rule: anything but 0 or false turns it on
            from_env["allow_downloads"] = str(from_env["allow_downloads"]).lower() not in (
                "0",
                "false",
                "no",
                "off",
            )
        values.update(_validated(from_env, "the environment (SAFEGEN_*)", env_names=True))
        given = {k: v for k, v in overrides.items() if v is not None}
        values.update(_validated(given, "the arguments"))
        return cls(**values)  # type: ignore[arg-type]

    def with_(self, **changes: object) -> Config:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def keys_dir(self) -> Path:
        return self.home / "keys"

    @property
    def resolved_ledger_url(self) -> str:
        return self.ledger_url or f"sqlite:///{self.home / 'ledger.db'}"


_ENVIRONMENT = {
    "home": "SAFEGEN_HOME",
    "ledger_url": "SAFEGEN_LEDGER_URL",
    "policy": "SAFEGEN_POLICY",
    "backend": "SAFEGEN_BACKEND",
    "model": "SAFEGEN_MODEL",
    "prompt_storage": "SAFEGEN_PROMPT_STORAGE",
    "watermark": "SAFEGEN_WATERMARK",
    "allow_downloads": "SAFEGEN_ALLOW_DOWNLOADS",
    "provider_name": "SAFEGEN_PROVIDER",
    "threads": "SAFEGEN_THREADS",
    "device": "SAFEGEN_DEVICE",
    "dtype": "SAFEGEN_DTYPE",
    "tsa_url": "SAFEGEN_TSA_URL",
    "signer_command": "SAFEGEN_SIGNER_COMMAND",
    "ledger_timeout": "SAFEGEN_LEDGER_TIMEOUT",
    "profile": "SAFEGEN_PROFILE",
    "detection_url": "SAFEGEN_DETECTION_URL",
}
"""Config field -> environment variable."""


def read_settings_text(path: Path, *, limit: int, what: str, error: type[SafegenError]) -> str:
    """A settings-like file (policy pack, profile) as text: at most ``limit`` bytes, UTF-8;
    every problem is ``error`` naming the file."""
    try:
        if path.stat().st_size > limit:
            size = f"{limit // 2**20} MiB" if limit >= 2**20 else f"{limit // 1024} KiB"
            raise error(f"{path}: {what} larger than {size}")
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise error(f"{path}: cannot read ({exc.strerror})") from exc


def _check_home(home: Path) -> None:
    """The home folder (keys, ledger) is a folder, or can become one: its nearest existing
    ancestor is a folder. Checked without creating anything."""
    existing = home
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise ConfigError(
            f"home {home} (SAFEGEN_HOME) cannot be a folder: {existing} is not a directory"
        )


def _config_path(given: str | Path | None, home: Path | None) -> Path | None:
    explicit = given or os.environ.get("SAFEGEN_CONFIG") or None
    if explicit:
        path = Path(explicit).expanduser()
        if not path.is_file():
            raise ConfigError(f"config file {path} does not exist")
        return path
    default = (home or default_home()) / CONFIG_FILE
    return default if default.is_file() else None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc


def _validated(raw: dict[str, Any], source: str, *, env_names: bool = False) -> dict[str, Any]:
    """Check names and types with pydantic; errors name the key (or variable) and source."""
    from pydantic import ValidationError

    known = {f.name for f in fields(Config)}
    for key in raw:
        if key not in known:
            raise ConfigError(
                f"{source}: unknown setting {key!r}; known: {', '.join(sorted(known))}"
            )
    try:
        return _model().model_validate(raw).model_dump(exclude_unset=True)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            key = ".".join(str(part) for part in error["loc"])
            name = _ENVIRONMENT.get(key, key) if env_names else key
            problems.append(f"{name}: {error['msg']}")
        raise ConfigError(f"{source}: {'; '.join(problems)}") from exc


@lru_cache(maxsize=1)
def _model() -> Any:
    """The pydantic model of the settings (built on first use: pydantic loads in ~50 ms)."""
    from pydantic import BaseModel, ConfigDict, Field

    class Settings(BaseModel):
        model_config = ConfigDict(extra="forbid")

        home: Path | None = None
        ledger_url: str | None = None
        policy: str | None = None
        backend: str | None = None
        model: str | None = None
        prompt_storage: Literal["plain", "hmac", "hash", "none"] | None = None
        watermark: str | None = None
        allow_downloads: bool | None = None
        provider_name: str | None = None
        threads: int | None = Field(default=None, ge=1, le=1024)
        device: str | None = Field(default=None, pattern=r"^(cpu|cuda(:\d+)?|mps|xpu(:\d+)?)$")
        dtype: Literal["float32", "float16", "bfloat16"] | None = None
        tsa_url: str | None = None
        signer_command: str | None = None
        ledger_timeout: float | None = Field(default=None, gt=0, le=3600)
        profile: str | None = Field(default=None, min_length=1)
        detection_url: str | None = Field(default=None, pattern=r"^https?://[^\s]+$")

    return Settings
