"""Tamper evidence: the audit of the chain and tree, signed checkpoints, and proofs.

Everything here reads the chain entries that the ledger's writes append
(safegen/ledger/chain.py) and the Merkle tree over them (merkle.py); only a
checkpoint writes, and it refuses a chain that fails its audit. Mixed into
:class:`safegen.ledger.Ledger`, whose engine and transactions it uses.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from safegen.errors import ChainBroken, LedgerError, NotFound
from safegen.ledger import merkle
from safegen.ledger.audit import AuditReport, Witness, audit, audit_range, check_record
from safegen.ledger.chain import (
    INCLUSION_PROOF_VERSION,
    canonical,
    checkpoint_note,
    entry_body,
    generation_content,
    origin_of,
    row_values,
    stored_nodes,
)
from safegen.ledger.engine import redact
from safegen.ledger.models import (
    Asset,
    ChainHead,
    Checkpoint,
    Entry,
    Generation,
    StatusChange,
    utcnow,
)
from safegen.ledger.note import CheckpointNote, sign_checkpoint

PARALLEL_FROM = 20_000
"""Entries from which ``audit(workers=...)`` runs in other processes (below, starting them
costs more than it saves)."""


class LedgerProofs:
    """The audit, checkpoints and proofs of a :class:`~safegen.ledger.Ledger`."""

    url: str
    engine: Engine
    entry_key: bytes | None
    timeout: float
    _unit: Callable[[], AbstractContextManager[Session]]

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
