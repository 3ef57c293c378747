"""The ledger: one SQLAlchemy engine, one session per unit of work."""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
import secrets
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Text,
    cast,
    create_engine,
    event,
    func,
    inspect,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from safegen.errors import ChainBroken, LedgerError, NotFound
from safegen.ledger import merkle
from safegen.ledger.audit import AuditReport, Witness, audit, audit_range, check_record
from safegen.ledger.banks import Banks
from safegen.ledger.chain import (
    INCLUSION_PROOF_VERSION,
    Appender,
    canonical,
    checkpoint_note,
    entry_body,
    generation_content,
    new_salt,
    origin_of,
    personal_commit,
    row_values,
    status_content,
    stored_nodes,
)
from safegen.ledger.index import PHashIndex, hamming_hex, phash_chunks
from safegen.ledger.models import (
    Asset,
    ChainHead,
    Checkpoint,
    Entry,
    Generation,
    StatusChange,
    WatermarkReservation,
    utcnow,
)
from safegen.ledger.note import CheckpointNote, sign_checkpoint
from safegen.ledger.privacy import Privacy
from safegen.ledger.rows import (
    AssetRow,
    BankMatch,
    GenerationRow,
    StatusChangeRow,
)

log = logging.getLogger(__name__)

PARALLEL_FROM = 20_000
"""Entries from which ``audit(workers=...)`` runs in other processes (below, starting them
costs more than it saves)."""

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


def _sqlite_pragmas(timeout: float) -> Any:
    def apply(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        # Deleted and overwritten content is zeroed in the file, so an erased prompt does
        # not survive in free pages (the WAL is checkpointed after each erasure).
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
        cursor.close()
        dbapi_conn.create_function("safegen_hamming", 2, hamming_hex, deterministic=True)

    return apply


def make_engine(url: str, timeout: float = 30.0) -> Engine:
    """An engine for any SQLAlchemy URL; SQLite gets WAL, foreign keys and a busy timeout."""
    try:
        if url.startswith("sqlite"):
            from pathlib import Path

            from sqlalchemy.engine import make_url

            database = make_url(url).database
            if database and database != ":memory:":
                Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url, connect_args={"timeout": timeout})
            event.listen(engine, "connect", _sqlite_pragmas(timeout))
            return engine
        connect_args = {"connect_timeout": max(1, int(timeout))} if "postgresql" in url else {}
        return create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    except (SQLAlchemyError, ImportError, ValueError, OSError) as exc:
        raise LedgerError(f"cannot open ledger {redact(url)}: {exc}") from exc


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - any parse failure: show nothing of it
        return "<unparseable URL>"


class Ledger:
    """Reads and appends ledger records.

    Records are appended; the only change in place is a status change, which
    is itself appended to ``status_changes``.
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

    # -- tamper evidence and privacy ----------------------------------------

    def audit(
        self,
        trust_anchors_pem: bytes | None = None,
        *,
        witnesses: Iterable[Witness] = (),
        known_chains: Iterable[tuple[str, bytes]] = (),
        since: Witness | None = None,
        workers: int = 1,
    ) -> AuditReport:
        """Recompute the chain and tree from every row; check each checkpoint, each entry's
        tag (with this ledger's key) and each witnessed checkpoint (see audit.py).

        ``workers`` > 1: the per-entry checks of a full audit run in that many processes,
        each over one range of entries; this process links the ranges and builds the tree.
        The result is the same as with one.
        """
        try:
            with self.engine.connect() as connection:
                pieces = None
                if workers > 1 and since is None:
                    head = int(connection.execute(select(ChainHead.seq)).scalar() or 0)
                    if head >= PARALLEL_FROM:
                        pieces = self._pieces(head, workers)
                return audit(
                    connection,
                    trust_anchors_pem,
                    entry_key=self.entry_key,
                    witnesses=witnesses,
                    known_chains=known_chains,
                    since=since,
                    pieces=pieces,
                )
        except SQLAlchemyError as exc:
            raise LedgerError(f"audit of {redact(self.url)} failed: {exc}") from exc

    def _pieces(self, head: int, workers: int) -> Iterator[Any]:
        """The per-entry checks of ``workers`` ranges, run in other processes, in order.
        The last range reaches past the head so entries beyond it are seen too."""
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        step = -(-head // workers)
        bounds = [(i * step, (i + 1) * step) for i in range(workers)]
        bounds[-1] = (bounds[-1][0], 2**62)
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = [
                pool.submit(audit_range, self.url, a, b, self.entry_key, self.timeout)
                for a, b in bounds
            ]
            for future in futures:
                yield from future.result()

    def check_record(self, generation_id: str) -> str | None:
        """What the audit would report against this generation's record (None: it holds)."""
        try:
            with self.engine.connect() as connection:
                return check_record(connection, generation_id, self.entry_key)
        except SQLAlchemyError as exc:
            raise LedgerError(f"reading {redact(self.url)} failed: {exc}") from exc

    def checkpoint(
        self, sign: Callable[[bytes], bytes], alg: str, chain_pem: bytes
    ) -> dict[str, Any]:
        """Sign the current tree head as a C2SP checkpoint note and store it; returns it.

        Refuses (:class:`ChainBroken`) when the chain fails its audit: a checkpoint
        over a forged or truncated chain would turn the forgery into signed history.
        Checkpoint ids are the previous one plus one, taken under the head lock, so a
        gap in them is a deleted checkpoint.
        """
        report = self.audit(None)
        if not report.ok:
            _seq, text = report.problems[0]
            raise ChainBroken(
                f"the ledger fails its audit (first bad entry {report.first_bad_seq}: {text}); "
                "no checkpoint was signed. Run `safegen ledger audit` for every problem"
            )
        with self._unit() as session:
            session.execute(update(ChainHead).where(ChainHead.id == 1).values(seq=ChainHead.seq))
            head = session.execute(select(ChainHead)).scalar_one()
            origin = origin_of(head.ledger_id)
            root = merkle.root(head.seq, stored_nodes(session))
            note = sign_checkpoint(origin, head.seq, root, alg, chain_pem, sign)
            number = int(session.scalar(select(func.coalesce(func.max(Checkpoint.id), 0))) or 0) + 1
            row = Checkpoint(
                id=number,
                seq=head.seq,
                entry_hash=head.entry_hash,
                created_at=utcnow(),
                statement=note.text,
                signature=base64.b64encode(note.signatures[0].signature).decode("ascii"),
                alg=alg,
                chain_pem=chain_pem.decode("ascii"),
                root_hash=root.hex(),
                origin=origin,
            )
            session.add(row)
            session.flush()
            return {
                "id": row.id,
                "seq": row.seq,
                "tree_size": row.seq,
                "entry_hash": row.entry_hash,
                "root_hash": row.root_hash,
                "origin": origin,
                "note": note.render(),
                "alg": alg,
                "chain_pem": row.chain_pem,
            }

    def tree_root(self, size: int | None = None) -> tuple[int, bytes]:
        """``(size, root)`` of the stored tree (default: the whole ledger)."""
        with self._unit() as session:
            head = int(session.scalar(select(ChainHead.seq)) or 0)
            size = head if size is None else size
            if not 0 <= size <= head:
                raise NotFound(f"the ledger has {head} entries, not {size}")
            return size, merkle.root(size, stored_nodes(session))

    def consistency_between(self, old: CheckpointNote) -> dict[str, Any]:
        """A consistency proof from an earlier checkpoint note (a witness's) to the newest
        signed checkpoint, with both notes and the signer's chain: checkable offline."""
        with self._unit() as session:
            newest = session.scalar(
                select(Checkpoint)
                .where(Checkpoint.root_hash.is_not(None))
                .order_by(Checkpoint.id.desc())
            )
            if newest is None or newest.seq < old.size:
                raise NotFound(
                    "no signed checkpoint at or after that one; run `safegen ledger checkpoint`"
                )
            path = merkle.consistency_proof(old.size, newest.seq, stored_nodes(session))
            return {
                "version": INCLUSION_PROOF_VERSION,
                "kind": "consistency",
                "old": {"note": old.render()},
                "new": {
                    "id": newest.id,
                    "note": checkpoint_note(row_values(newest)).render(),
                    "alg": newest.alg,
                    "chain_pem": newest.chain_pem,
                },
                "consistency": [h.hex() for h in path],
            }

    def proof(self, asset_id: str) -> dict[str, Any]:
        """An asset's record, its generation entry, and the entry's inclusion proof in the tree
        of the newest signed checkpoint note: checkable with only the root certificate."""
        with self._unit() as session:
            asset = session.get(Asset, asset_id)
            if asset is None:
                raise NotFound(f"no asset {asset_id} in the ledger")
            first = session.scalar(
                select(Entry).where(
                    Entry.kind == "generation", Entry.subject == asset.generation_id
                )
            )
            if first is None:
                raise LedgerError(
                    f"generation {asset.generation_id} has no chain entry: the ledger is not "
                    "intact (run `safegen ledger audit`)"
                )
            checkpoint = session.scalar(
                select(Checkpoint)
                .where(Checkpoint.seq >= first.seq, Checkpoint.root_hash.is_not(None))
                .order_by(Checkpoint.id.desc())
            )
            if checkpoint is None:
                raise NotFound(
                    f"no checkpoint covers entry {first.seq} yet; run `safegen ledger checkpoint`"
                )
            generation = session.get(Generation, asset.generation_id)
            assert generation is not None
            assets = session.scalars(select(Asset).where(Asset.generation_id == generation.id))
            changes = session.scalars(
                select(StatusChange).where(StatusChange.generation_id == generation.id)
            )
            record = generation_content(
                row_values(generation),
                [row_values(a) for a in assets],
                [row_values(c) for c in changes],
                first.content_version,
            )
            path = merkle.inclusion_proof(first.seq - 1, checkpoint.seq, stored_nodes(session))
            return {
                "version": INCLUSION_PROOF_VERSION,
                "asset_id": asset_id,
                "record": json.loads(canonical(record)),
                "prev_hash": first.prev_hash,
                "entry": entry_body(row_values(first)),
                "tree_size": checkpoint.seq,
                "inclusion": [h.hex() for h in path],
                "checkpoint": {
                    "id": checkpoint.id,
                    "note": checkpoint_note(row_values(checkpoint)).render(),
                    "alg": checkpoint.alg,
                    "chain_pem": checkpoint.chain_pem,
                },
            }

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

    # -- reads ----------------------------------------------------------

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

    def tables(self) -> list[str]:
        return sorted(inspect(self.engine).get_table_names())


def _contains(column: Any, text: str) -> Any:
    """Case-insensitive substring test; ``%`` and ``_`` in ``text`` are literal."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")
