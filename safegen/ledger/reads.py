"""Typed reads of the ledger: records, searches, exports and the compliance report.

Every read returns frozen rows (safegen/ledger/rows.py), never ORM objects or
dicts, and binds every filter as a parameter. Mixed into
:class:`safegen.ledger.Ledger`, whose engine and transactions it uses.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Text, cast, func, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, selectinload

from safegen.ledger.index import PHashIndex
from safegen.ledger.models import Asset, Generation, StatusChange
from safegen.ledger.rows import AssetRow, GenerationRow, StatusChangeRow


@dataclass(frozen=True)
class SearchFilters:
    """Ledger search filters; every one given must match (all are bound parameters)."""

    prompt: str | None = None
    """Substring of the stored prompt text (case-insensitive)."""
    prompt_hash: str | None = None
    """Exact prompt, as its keyed hash: works when prompts are stored as hashes."""
    words: str | None = None
    """Full-text: every word must occur (PostgreSQL text search; elsewhere word substrings)."""
    user: str | None = None
    model: str | None = None
    status: str | None = None
    category: str | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None


@dataclass(frozen=True)
class LedgerReport:
    """``safegen ledger report``: what a compliance team asks first."""

    since: dt.datetime | None
    until: dt.datetime | None
    generations: int
    by_status: dict[str, int]
    by_category: dict[str, int]
    by_model: dict[str, int]
    by_user: dict[str, int]
    blocked_rate: float
    withheld_rate: float
    delivered_assets: int
    label_coverage: float
    """Share of delivered assets with both a C2PA manifest and a watermark."""
    by_language: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per detected prompt language: ``total``, the ``allow``/``review``/``block`` rates of
    the policy and the count per flagged ``categories``. A language whose ordinary prompts
    are refused more often than others' is a bias this makes visible."""

    def to_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["since"] = self.since.isoformat() if self.since else None
        data["until"] = self.until.isoformat() if self.until else None
        return data


class LedgerReads:
    """The typed reads of a :class:`~safegen.ledger.Ledger`."""

    engine: Engine
    index: PHashIndex
    _unit: Callable[[], AbstractContextManager[Session]]

    def generation(self, generation_id: str) -> GenerationRow | None:
        with self._unit() as session:
            row = session.scalar(
                select(Generation)
                .where(Generation.id == generation_id)
                .options(selectinload(Generation.assets))
            )
            return None if row is None else GenerationRow.of(row, with_assets=True)

    def asset(self, asset_id: str) -> AssetRow | None:
        with self._unit() as session:
            row = session.get(Asset, asset_id)
            return None if row is None else AssetRow.of(row)

    def status_changes(self, generation_id: str) -> list[StatusChangeRow]:
        with self._unit() as session:
            rows = session.scalars(
                select(StatusChange)
                .where(StatusChange.generation_id == generation_id)
                .order_by(StatusChange.id)
            )
            return [StatusChangeRow.of(r) for r in rows]

    def find_assets(
        self,
        *,
        file_sha256: str | None = None,
        pixel_sha256: str | None = None,
        watermark_id: int | None = None,
    ) -> list[AssetRow]:
        """Assets matching any of the given exact identifiers."""
        conditions = []
        if file_sha256:
            conditions.append(Asset.file_sha256 == file_sha256)
        if pixel_sha256:
            conditions.append(Asset.pixel_sha256 == pixel_sha256)
        if watermark_id is not None:
            conditions.append(Asset.watermark_id == watermark_id)
        if not conditions:
            return []
        with self._unit() as session:
            rows = session.scalars(select(Asset).where(or_(*conditions)).limit(100))
            return [AssetRow.of(r) for r in rows]

    def similar(self, phash: int, max_distance: int = 8, limit: int = 20) -> list[AssetRow]:
        """Assets whose pHash is within ``max_distance`` bits, nearest first (the index)."""
        distances = dict(self.index.near(Asset, phash, max_distance))
        found: list[AssetRow] = []
        if distances:
            with self._unit() as session:
                for row in session.scalars(select(Asset).where(Asset.id.in_(list(distances)))):
                    found.append(AssetRow.of(row).at(distances[row.id]))
        found.sort(key=lambda asset: (asset.distance, asset.created_at or ""))
        return found[:limit]

    def list_generations(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        user: str | None = None,
        status: str | None = None,
    ) -> list[GenerationRow]:
        query = select(Generation).options(selectinload(Generation.assets))
        if user:
            query = query.where(Generation.user_id == user)
        if status:
            query = query.where(Generation.status == status)
        query = (
            query.order_by(Generation.created_at.desc(), Generation.id).limit(limit).offset(offset)
        )
        with self._unit() as session:
            return [GenerationRow.of(r, with_assets=True) for r in session.scalars(query)]

    def _filtered(self, filters: SearchFilters) -> Any:
        query = select(Generation)
        if filters.prompt:
            query = query.where(_contains(Generation.prompt, filters.prompt))
        if filters.words:
            if self.engine.dialect.name == "postgresql":
                vector = func.to_tsvector("simple", func.coalesce(Generation.prompt, ""))
                query = query.where(vector.op("@@")(func.plainto_tsquery("simple", filters.words)))
            else:
                for word in filters.words.split():
                    query = query.where(_contains(Generation.prompt, word))
        if filters.prompt_hash:
            query = query.where(Generation.prompt_hash == filters.prompt_hash)
        if filters.user:
            query = query.where(Generation.user_id == filters.user)
        if filters.model:
            query = query.where(Generation.model_name == filters.model)
        if filters.status:
            query = query.where(Generation.status == filters.status)
        if filters.category:
            # JSON list of names: match the quoted name in its text form (both engines).
            needle = json.dumps(filters.category)
            query = query.where(cast(Generation.policy_categories, Text).like(f"%{needle}%"))
        if filters.since:
            query = query.where(Generation.created_at >= filters.since)
        if filters.until:
            query = query.where(Generation.created_at < filters.until)
        return query

    def search(
        self,
        filters: SearchFilters,
        *,
        limit: int = 50,
        offset: int = 0,
        oldest_first: bool = False,
    ) -> list[GenerationRow]:
        """Generations matching every given filter (bound parameters), with their assets."""
        order = (
            (Generation.created_at.asc(), Generation.id)
            if oldest_first
            else (Generation.created_at.desc(), Generation.id)
        )
        query = (
            self._filtered(filters)
            .options(selectinload(Generation.assets))
            .order_by(*order)
            .limit(limit)
            .offset(offset)
        )
        with self._unit() as session:
            return [GenerationRow.of(r, with_assets=True) for r in session.scalars(query)]

    def count(self, filters: SearchFilters) -> int:
        query = self._filtered(filters).with_only_columns(func.count()).order_by(None)
        with self._unit() as session:
            return int(session.scalar(query) or 0)

    def iter_generations(
        self, filters: SearchFilters, batch: int = 1000
    ) -> Iterator[GenerationRow]:
        """Every matching generation, oldest first, in batches (keyset pagination): for export."""
        last: tuple[dt.datetime, str] | None = None
        while True:
            query = self._filtered(filters).options(selectinload(Generation.assets))
            if last is not None:
                query = query.where(
                    or_(
                        Generation.created_at > last[0],
                        (Generation.created_at == last[0]) & (Generation.id > last[1]),
                    )
                )
            query = query.order_by(Generation.created_at, Generation.id).limit(batch)
            with self._unit() as session:
                rows = list(session.scalars(query))
                if not rows:
                    return
                last = (rows[-1].created_at, rows[-1].id)
                typed = [GenerationRow.of(r, with_assets=True) for r in rows]
            yield from typed

    def report(
        self, since: dt.datetime | None = None, until: dt.datetime | None = None
    ) -> LedgerReport:
        """Counts for compliance: by status, category, model and user; rates; label coverage."""
        filters = SearchFilters(since=since, until=until)
        base = self._filtered(filters).subquery()
        with self._unit() as session:

            def grouped(column: Any) -> dict[str, int]:
                rows = session.execute(
                    select(column, func.count()).select_from(base).group_by(column)
                )
                return {str(key) if key is not None else "(none)": int(n) for key, n in rows}

            by_status = grouped(base.c.status)
            by_model = grouped(base.c.model_name)
            by_user = grouped(base.c.user_id)
            by_category: dict[str, int] = {}
            by_language: dict[str, dict[str, Any]] = {}
            actions = session.execute(
                select(base.c.policy_language, base.c.policy_action, func.count())
                .select_from(base)
                .group_by(base.c.policy_language, base.c.policy_action)
            )
            for language, action, n in actions:
                entry = by_language.setdefault(
                    language or "(none)",
                    {"total": 0, "allow": 0, "review": 0, "block": 0, "categories": {}},
                )
                entry["total"] += int(n)
                entry[action] = entry.get(action, 0) + int(n)
            categories = session.execute(
                select(base.c.policy_categories, base.c.policy_language).where(
                    cast(base.c.policy_categories, Text) != "[]"
                )
            )
            for names, language in categories:
                per_language = by_language.get(language or "(none)", {}).get("categories", {})
                for name in names or []:
                    by_category[name] = by_category.get(name, 0) + 1
                    per_language[name] = per_language.get(name, 0) + 1
            for entry in by_language.values():
                for action in ("allow", "review", "block"):
                    entry[action] = round(entry[action] / entry["total"], 4)
            asset_filter = Asset.generation_id.in_(select(base.c.id))
            delivered = Asset.status == "delivered"
            total_assets = int(
                session.scalar(select(func.count()).where(asset_filter, delivered)) or 0
            )
            labelled = int(
                session.scalar(
                    select(func.count()).where(
                        asset_filter,
                        delivered,
                        Asset.manifest_id.is_not(None),
                        Asset.watermark_id.is_not(None),
                    )
                )
                or 0
            )
        total = sum(by_status.values())
        return LedgerReport(
            since=since,
            until=until,
            generations=total,
            by_status=by_status,
            by_category=dict(sorted(by_category.items(), key=lambda kv: -kv[1])),
            by_model=by_model,
            by_user=by_user,
            by_language=dict(sorted(by_language.items(), key=lambda kv: -kv[1]["total"])),
            blocked_rate=by_status.get("blocked", 0) / total if total else 0.0,
            withheld_rate=by_status.get("withheld", 0) / total if total else 0.0,
            delivered_assets=total_assets,
            label_coverage=labelled / total_assets if total_assets else 1.0,
        )

    def count_generations(self) -> int:
        with self._unit() as session:
            return int(session.scalar(select(func.count()).select_from(Generation)) or 0)


def _contains(column: Any, text: str) -> Any:
    """Case-insensitive substring test; ``%`` and ``_`` in ``text`` are literal."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")
