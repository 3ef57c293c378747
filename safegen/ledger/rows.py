"""Typed reads: what the ledger returns, as frozen dataclasses.

Reads hand out :class:`GenerationRow`, :class:`AssetRow`, :class:`StatusChangeRow`
and :class:`BankMatch`, never ORM objects (they outlive the session) or bare
dicts. ``to_dict()`` gives the JSON that ``--json`` output, exports and the verify
report have always printed (the same keys, in the same order).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from safegen.ledger.models import Asset, Generation, StatusChange


def iso(value: dt.datetime | None) -> str | None:
    """A stored time as ISO 8601 in UTC (SQLite hands back naive values)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat()


@dataclass(frozen=True)
class AssetRow:
    """One image as recorded (delivered, withheld or failed)."""

    id: str
    generation_id: str
    index: int
    created_at: str | None
    status: str
    seed: int | None
    width: int
    height: int
    mime: str | None
    file_sha256: str | None
    pixel_sha256: str
    phash: str
    """64-bit perceptual hash, 16 hex digits."""
    watermark_id: int | None
    watermark_alg: str | None
    manifest_id: str | None
    safety_action: str
    safety_scores: dict[str, float]
    distance: int | None = None
    """pHash bits from the query image (near-duplicate searches only)."""

    @classmethod
    def of(cls, row: Asset) -> AssetRow:
        return cls(
            id=row.id,
            generation_id=row.generation_id,
            index=row.index,
            created_at=iso(row.created_at),
            status=row.status,
            seed=row.seed,
            width=row.width,
            height=row.height,
            mime=row.mime,
            file_sha256=row.file_sha256,
            pixel_sha256=row.pixel_sha256,
            phash=row.phash,
            watermark_id=row.watermark_id,
            watermark_alg=row.watermark_alg,
            manifest_id=row.manifest_id,
            safety_action=row.safety_action,
            safety_scores=row.safety_scores,
        )

    def at(self, distance: int) -> AssetRow:
        return replace(self, distance=distance)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "id": self.id,
            "generation_id": self.generation_id,
            "index": self.index,
            "created_at": self.created_at,
            "status": self.status,
            "seed": self.seed,
            "width": self.width,
            "height": self.height,
            "mime": self.mime,
            "file_sha256": self.file_sha256,
            "pixel_sha256": self.pixel_sha256,
            "phash": self.phash,
            "watermark_id": self.watermark_id,
            "watermark_alg": self.watermark_alg,
            "manifest_id": self.manifest_id,
            "safety_action": self.safety_action,
            "safety_scores": self.safety_scores,
        }
        if self.distance is not None:
            data["distance"] = self.distance
        return data


@dataclass(frozen=True)
class ModelRow:
    backend: str | None
    name: str | None
    revision: str | None
    weights_sha256: str | None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class PolicyRow:
    pack: str
    version: str
    action: str
    categories: list[str]
    hits: list[dict[str, Any]]
    language: str | None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class StatusChangeRow:
    asset_id: str | None
    old_status: str
    new_status: str
    reason: str
    created_at: str | None

    @classmethod
    def of(cls, row: StatusChange) -> StatusChangeRow:
        return cls(row.asset_id, row.old_status, row.new_status, row.reason, iso(row.created_at))

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class GenerationRow:
    """One generation as recorded, with its assets when the read asked for them."""

    id: str
    created_at: str | None
    status: str
    user: str | None
    prompt: str | None
    negative_prompt: str | None
    prompt_hash: str
    prompt_storage: str
    params: dict[str, Any]
    seed: int | None
    model: ModelRow
    policy: PolicyRow
    metadata: dict[str, Any]
    assets: tuple[AssetRow, ...] | None = None
    status_changes: tuple[StatusChangeRow, ...] | None = field(default=None)

    @classmethod
    def of(cls, row: Generation, *, with_assets: bool = False) -> GenerationRow:
        return cls(
            id=row.id,
            created_at=iso(row.created_at),
            status=row.status,
            user=row.user_id,
            prompt=row.prompt,
            negative_prompt=row.negative_prompt,
            prompt_hash=row.prompt_hash,
            prompt_storage=row.prompt_storage,
            params=row.params,
            seed=row.seed,
            model=ModelRow(row.backend, row.model_name, row.model_revision, row.model_sha256),
            policy=PolicyRow(
                pack=row.policy_pack,
                version=row.policy_version,
                action=row.policy_action,
                categories=row.policy_categories,
                hits=row.policy_hits,
                language=row.policy_language,
            ),
            metadata=row.extra,
            assets=tuple(AssetRow.of(a) for a in row.assets) if with_assets else None,
        )

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "created_at": self.created_at,
            "status": self.status,
            "user": self.user,
            "prompt": self.prompt,
            "negative_prompt": self.negative_prompt,
            "prompt_hash": self.prompt_hash,
            "prompt_storage": self.prompt_storage,
            "params": self.params,
            "seed": self.seed,
            "model": self.model.to_dict(),
            "policy": self.policy.to_dict(),
            "metadata": self.metadata,
        }
        if self.assets is not None:
            data["assets"] = [a.to_dict() for a in self.assets]
        if self.status_changes is not None:
            data["status_changes"] = [c.to_dict() for c in self.status_changes]
        return data


@dataclass(frozen=True)
class BankMatch:
    bank: str
    label: str
    distance: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


__all__ = [
    "AssetRow",
    "BankMatch",
    "GenerationRow",
    "ModelRow",
    "PolicyRow",
    "StatusChangeRow",
    "iso",
]
