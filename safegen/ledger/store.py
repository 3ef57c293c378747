"""The ledger: one SQLAlchemy engine, one session per unit of work, and the writes."""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from safegen.errors import LedgerError, NotFound
from safegen.ledger.banks import Banks
from safegen.ledger.chain import (
    Appender,
    generation_content,
    new_salt,
    personal_commit,
    row_values,
    status_content,
)
from safegen.ledger.engine import make_engine, redact
from safegen.ledger.index import PHashIndex, phash_chunks
from safegen.ledger.models import (
    Asset,
    Generation,
    StatusChange,
    WatermarkReservation,
    utcnow,
)
from safegen.ledger.privacy import Privacy
from safegen.ledger.proofs import LedgerProofs
from safegen.ledger.reads import LedgerReads
from safegen.ledger.rows import BankMatch

log = logging.getLogger(__name__)

WATERMARK_ID_BITS = 32


@dataclass(frozen=True)
class AssetRecord:
    """An image as the ledger records it (delivered or withheld)."""

    id: str
    index: int
    status: str
    seed: int | None
    width: int
    height: int
    pixel_sha256: str
    phash: int
    safety_action: str
    safety_scores: dict[str, float]
    file_sha256: str | None = None
    mime: str | None = None
    watermark_id: int | None = None
    watermark_alg: str | None = None
    manifest_id: str | None = None


@dataclass(frozen=True)
class GenerationRecord:
    """A generation as the ledger records it, built once from the stages' results."""

    id: str
    status: str
    prompt: str | None
    negative_prompt: str | None
    prompt_hash: str
    prompt_storage: str
    params: dict[str, Any]
    seed: int | None
    user_id: str | None
    policy_pack: str
    policy_version: str
    policy_action: str
    policy_categories: list[str]
    policy_hits: list[dict[str, Any]]
    metadata: dict[str, Any] = field(default_factory=dict)
    policy_language: str | None = None
    backend: str | None = None
    model_name: str | None = None
    model_revision: str | None = None
    model_sha256: str | None = None
    assets: list[AssetRecord] = field(default_factory=list)


class Ledger(LedgerReads, LedgerProofs):
    """Reads and appends ledger records.

    Records are appended; the only change in place is a status change, which
    is itself appended to ``status_changes``. This class holds the engine, the
    transactions and the writes; the reads (reads.py), the audit, checkpoints
    and proofs (proofs.py), erasure (privacy.py), banks (banks.py) and the
    near-duplicate index (index.py) each live in their own module.
    """

    def __init__(
        self,
        url: str,
        *,
        migrate: bool = True,
        timeout: float = 30.0,
        entry_key: bytes | None = None,
    ) -> None:
        """``timeout``: seconds to wait for a locked SQLite database or a PostgreSQL connection.

        ``entry_key``: the deployment's ledger key (``safegen.provenance.keys.ledger_key``);
        every entry written gets its tag, and the audit checks tags with it. Without it
        entries are written untagged, and an audit with the key reports them.
        """
        self.url = url
        self.entry_key = entry_key
        self.timeout = timeout
        self.engine = make_engine(url, timeout)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.index = PHashIndex(self.engine, self._unit)
        """Near-duplicate search over assets and bank entries (safegen/ledger/index.py)."""
        self.banks_of = Banks(self._unit, self.index, entry_key)
        self.privacy = Privacy(self._unit, entry_key, self._flush_wal)
        if migrate:
            from safegen.ledger.migrate import ensure_schema

            ensure_schema(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def _flush_wal(self) -> None:
        """SQLite: copy the WAL into the database and truncate it, so erased text that older
        WAL frames still hold is gone from disk (PostgreSQL: see docs/compliance.md)."""
        if self.engine.dialect.name != "sqlite":
            return
        with self.engine.connect() as connection:
            busy, _, _ = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
        if busy:
            log.warning(
                "the SQLite WAL of %s could not be truncated (another process is reading); "
                "erased text may stay in it until the next checkpoint",
                redact(self.url),
            )

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _unit(self) -> Iterator[Session]:
        """One transaction; database failures become LedgerError with the cause."""
        session = self._sessions()
        try:
            with session.begin():
                yield session
        except IntegrityError:
            raise
        except SQLAlchemyError as exc:
            raise LedgerError(
                f"ledger {redact(self.url)} failed: {getattr(exc, 'orig', None) or exc}"
            ) from exc
        finally:
            session.close()

    # -- writes ---------------------------------------------------------

    def reserve_watermark_ids(self, n: int) -> list[int]:
        """Reserve ``n`` fresh random watermark ids (committed before use)."""
        reserved: list[int] = []
        attempts = 0
        while len(reserved) < n:
            attempts += 1
            if attempts > 20 + 2 * n:
                raise LedgerError("could not reserve a free watermark id; is the id space full?")
            candidate = secrets.randbelow(2**WATERMARK_ID_BITS - 2) + 1
            try:
                with self._unit() as session:
                    session.add(WatermarkReservation(watermark_id=candidate))
            except IntegrityError:
                continue
            reserved.append(candidate)
        return reserved

    def record(self, record: GenerationRecord) -> None:
        """Append a generation and its assets, and their chain entry, in one transaction."""
        self.record_many([record])

    def record_many(self, records: Sequence[GenerationRecord]) -> None:
        """Append several generations in one transaction (one head lock, one commit): all are
        durable when this returns, none if it raises. For workers that batch their records
        before delivering the images."""
        try:
            with self._unit() as session:
                chain = Appender(session, self.entry_key)
                rows = []
                for record in records:
                    generation = self._generation_row(record)
                    assets = [self._asset_row(record.id, asset) for asset in record.assets]
                    session.add(generation)
                    session.add_all(assets)
                    rows.append((record.id, generation, assets))
                session.flush()  # one batched insert per table; the rows as stored (defaults)
                for generation_id, generation, assets in rows:
                    content = generation_content(
                        row_values(generation), [row_values(a) for a in assets]
                    )
                    chain.add("generation", generation_id, content)
                chain.finish()
        except IntegrityError as exc:
            ids = ", ".join(r.id for r in records[:3])
            raise LedgerError(f"ledger refused generation(s) {ids}: {exc.orig}") from exc

    def change_status(
        self, generation_id: str, new_status: str, reason: str, asset_ids: list[str] | None = None
    ) -> None:
        """Change a generation's (and optionally some assets') status, recording the change."""
        with self._unit() as session:
            generation = session.get(Generation, generation_id)
            if generation is None:
                raise NotFound(f"no generation {generation_id} in the ledger")
            rows: list[tuple[Asset | Generation | None, str | None]] = [
                (session.get(Asset, asset_id), asset_id) for asset_id in asset_ids or []
            ]
            rows.append((generation, None))
            chain = Appender(session, self.entry_key)
            for row, asset_id in rows:
                if row is None or row.status == new_status:
                    continue
                change = StatusChange(
                    generation_id=generation_id,
                    asset_id=asset_id,
                    old_status=row.status,
                    new_status=new_status,
                    reason=reason,
                    created_at=utcnow(),
                )
                session.add(change)
                session.flush()
                row.status = new_status
                chain.add("status", str(change.id), status_content(row_values(change)))
            chain.finish()

    @staticmethod
    def _generation_row(r: GenerationRecord) -> Generation:
        salt = new_salt()
        return Generation(
            id=r.id,
            created_at=utcnow(),
            personal_salt=salt,
            personal_commit=personal_commit(salt, r.prompt, r.negative_prompt, r.user_id),
            status=r.status,
            user_id=r.user_id,
            prompt=r.prompt,
            negative_prompt=r.negative_prompt,
            prompt_hash=r.prompt_hash,
            prompt_storage=r.prompt_storage,
            params=r.params,
            seed=r.seed,
            backend=r.backend,
            model_name=r.model_name,
            model_revision=r.model_revision,
            model_sha256=r.model_sha256,
            policy_pack=r.policy_pack,
            policy_version=r.policy_version,
            policy_action=r.policy_action,
            policy_categories=r.policy_categories,
            policy_hits=r.policy_hits,
            policy_language=r.policy_language,
            extra=r.metadata,
        )

    @staticmethod
    def _asset_row(generation_id: str, a: AssetRecord) -> Asset:
        chunks = phash_chunks(a.phash)
        return Asset(
            id=a.id,
            created_at=utcnow(),
            generation_id=generation_id,
            index=a.index,
            status=a.status,
            seed=a.seed,
            width=a.width,
            height=a.height,
            mime=a.mime,
            file_sha256=a.file_sha256,
            pixel_sha256=a.pixel_sha256,
            phash=f"{a.phash:016x}",
            phash_0=chunks[0],
            phash_1=chunks[1],
            phash_2=chunks[2],
            phash_3=chunks[3],
            watermark_id=a.watermark_id,
            watermark_alg=a.watermark_alg,
            manifest_id=a.manifest_id,
            safety_action=a.safety_action,
            safety_scores=a.safety_scores,
        )

    # -- privacy and banks (safegen/ledger/privacy.py, banks.py) ------------

    def erase(
        self,
        *,
        user: str | None = None,
        generation_ids: list[str] | None = None,
        reason: str = "erasure request",
    ) -> int:
        """Remove prompts and user ids of a user's (or the given) generations; recorded.

        The rows, hashes and chain stay; see docs/compliance.md.
        """
        return self.privacy.erase(user=user, generation_ids=generation_ids, reason=reason)

    def prune(self, before: dt.datetime, reason: str = "retention") -> int:
        """Erase the personal content of every generation created before ``before``."""
        return self.privacy.prune(before, reason)

    def bank_add(self, bank: str, phash: int, label: str, pixel_sha256: str | None = None) -> int:
        """Register an image (by its hashes) in a bank; returns the entry id."""
        return self.banks_of.add(bank, phash, label, pixel_sha256)

    def banks(self) -> dict[str, int]:
        """Bank names and how many entries each holds."""
        return self.banks_of.counts()

    def bank_matches(self, phash: int, max_distance: int = 8) -> list[BankMatch]:
        """Bank entries within ``max_distance`` pHash bits (the same near-duplicate index)."""
        return self.banks_of.matches(phash, max_distance)

    def tables(self) -> list[str]:
        return sorted(inspect(self.engine).get_table_names())
