"""Configuration: one dataclass, filled from arguments or the environment.

Environment variables (all optional):

- ``SAFEGEN_HOME``: the data directory (ledger, keys); default
  ``~/.local/share/safegen`` (or ``$XDG_DATA_HOME/safegen``).
- ``SAFEGEN_LEDGER_URL``: any SQLAlchemy URL; default SQLite in the data directory.
- ``SAFEGEN_POLICY``: a policy pack name (``default``) or a YAML path.
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
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from safegen.errors import ConfigError

PromptStorage = Literal["plain", "hmac", "none"]
PROMPT_STORAGE_CHOICES: tuple[str, ...] = ("plain", "hmac", "none")


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
    tsa_url: str | None = None
    signer_command: str | None = None
    ledger_timeout: float = 30.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "home", Path(self.home).expanduser())
        if self.prompt_storage == "hash":  # the 0.1 name of hmac
            object.__setattr__(self, "prompt_storage", "hmac")
        if self.prompt_storage not in PROMPT_STORAGE_CHOICES:
            raise ConfigError(
                f"prompt_storage must be one of {', '.join(PROMPT_STORAGE_CHOICES)}, "
                f"not {self.prompt_storage!r}"
            )

    @classmethod
    def from_env(cls, **overrides: object) -> Config:
        """Read ``SAFEGEN_*`` variables; explicit ``overrides`` (not None) win."""
        env = os.environ
        values: dict[str, object] = {}
        if env.get("SAFEGEN_HOME"):
            values["home"] = Path(env["SAFEGEN_HOME"])
        if env.get("SAFEGEN_LEDGER_URL"):
            values["ledger_url"] = env["SAFEGEN_LEDGER_URL"]
        if env.get("SAFEGEN_POLICY"):
            values["policy"] = env["SAFEGEN_POLICY"]
        if env.get("SAFEGEN_PROMPT_STORAGE"):
            values["prompt_storage"] = env["SAFEGEN_PROMPT_STORAGE"]
        if env.get("SAFEGEN_WATERMARK"):
            values["watermark"] = env["SAFEGEN_WATERMARK"]
        if env.get("SAFEGEN_LEDGER_TIMEOUT"):
            try:
                values["ledger_timeout"] = float(env["SAFEGEN_LEDGER_TIMEOUT"])
            except ValueError as exc:
                raise ConfigError("SAFEGEN_LEDGER_TIMEOUT must be a number of seconds") from exc
        if env.get("SAFEGEN_TSA_URL"):
            values["tsa_url"] = env["SAFEGEN_TSA_URL"]
        if env.get("SAFEGEN_SIGNER_COMMAND"):
            values["signer_command"] = env["SAFEGEN_SIGNER_COMMAND"]
        if env.get("SAFEGEN_PROVIDER"):
            values["provider_name"] = env["SAFEGEN_PROVIDER"]
        if env.get("SAFEGEN_ALLOW_DOWNLOADS"):
            values["allow_downloads"] = env["SAFEGEN_ALLOW_DOWNLOADS"] not in ("0", "", "false")
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    def with_(self, **changes: object) -> Config:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def keys_dir(self) -> Path:
        return self.home / "keys"

    @property
    def resolved_ledger_url(self) -> str:
        return self.ledger_url or f"sqlite:///{self.home / 'ledger.db'}"
