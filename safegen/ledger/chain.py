"""Tamper evidence: the hash chain over ledger entries, its audit, checkpoints and proofs.

Every generation (with its assets), status change and erasure is appended as
an entry with a gap-free sequence number and

    entry_hash = sha256(prev_hash || canonical JSON of {seq, kind, subject,
                                                        created_at, content_sha256})

where ``content_sha256`` is the sha256 of the subject rows' canonical JSON.
The rows stay in their own tables; the audit rebuilds each entry's content
from them, so editing any column, deleting or inserting a row, or reordering
entries changes a hash.

Personal content (prompt, negative prompt, user id) is not in the canonical
form: a per-generation random salt and ``personal_commit = sha256(salt ||
canonical JSON of the three)`` are. Erasure removes the three and the salt,
keeps the commitment, and is itself an entry, so the chain still audits and
the commitment no longer lets anyone confirm a guessed prompt.

A signed checkpoint is a statement ``{ledger, seq, entry_hash, time}`` signed
with the deployment's key; a proof for one asset is the chain segment from
its generation's entry to the first checkpoint at or after it (see
docs/compliance.md for why a segment rather than a Merkle path).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import secrets
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, and_, exists, func, insert, or_, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.sql.expression import TableClause

from safegen.crypto import verify_signature
from safegen.ledger import merkle
from safegen.ledger.models import (
    Asset,
    BankEntry,
    ChainHead,
    Checkpoint,
    Entry,
    Erasure,
    Generation,
    MerkleNode,
    StatusChange,
)
from safegen.ledger.note import CheckpointNote, signed_by

GENERATIONS = cast(Table, Generation.__table__)
ASSETS = cast(Table, Asset.__table__)
STATUS_CHANGES = cast(Table, StatusChange.__table__)
ERASURES = cast(Table, Erasure.__table__)
ENTRIES = cast(Table, Entry.__table__)
CHAIN_HEAD = cast(Table, ChainHead.__table__)
CHECKPOINTS = cast(Table, Checkpoint.__table__)
MERKLE_NODES = cast(Table, MerkleNode.__table__)
BANK_ENTRIES = cast(Table, BankEntry.__table__)
GENESIS = "0" * 64
PERSONAL_FIELDS = ("prompt", "negative_prompt", "user_id")
CHECKPOINT_TYPE = "safegen.ledger.checkpoint.v1"
PROOF_VERSION = 1
"""Proofs of 0.1: a chain segment up to a JSON checkpoint (still verified)."""
INCLUSION_PROOF_VERSION = 2
"""Proofs from migration 0005 on: an RFC 6962 inclusion proof in a signed checkpoint note."""


# -- what each entry commits to -----------------------------------------------------------
#
# Each kind of entry commits to an explicit list of fields, per content version, and
# each entry stores its version. A released version never changes: a new column is
# committed to by a new version, so entries written before it still audit and entries
# written after it cover it. Status, the salt and erasure time are left out because
# they change by recorded events; personal content is covered by ``personal_commit``.

_GENERATION_V1 = (
    "id", "created_at", "prompt_hash", "prompt_storage", "params", "seed", "backend",
    "model_name", "model_revision", "model_sha256", "policy_pack", "policy_version",
    "policy_action", "policy_categories", "policy_hits", "metadata", "personal_commit",
)  # fmt: skip
_ASSET_V1 = (
    "id", "generation_id", "index", "created_at", "seed", "width", "height", "mime",
    "file_sha256", "pixel_sha256", "phash", "phash_0", "phash_1", "phash_2", "phash_3",
    "watermark_id", "watermark_alg", "manifest_id", "safety_action", "safety_scores",
)  # fmt: skip


@dataclass(frozen=True)
class ContentSchema:
    """The fields an entry of one kind and version commits to (assets: of a generation)."""

    fields: tuple[str, ...]
    asset_fields: tuple[str, ...] = ()


CONTENT_SCHEMAS: dict[str, dict[int, ContentSchema]] = {
    "generation": {
        1: ContentSchema(_GENERATION_V1, _ASSET_V1),
        # 2 (migration 0004): the language the policy detected in the prompt.
        2: ContentSchema((*_GENERATION_V1, "policy_language"), _ASSET_V1),
    },
    "status": {
        1: ContentSchema(
            ("id", "generation_id", "asset_id", "old_status", "new_status", "reason", "created_at")
        )
    },
    "erasure": {
        1: ContentSchema(
            ("id", "created_at", "kind", "generation_ids", "before", "count", "reason")
        )
    },
    "bank": {  # migration 0005: bank entries are committed, so none is added or edited unseen
        1: ContentSchema(
            (
                "id",
                "bank",
                "label",
                "pixel_sha256",
                "phash",
                "phash_0",
                "phash_1",
                "phash_2",
                "phash_3",
                "created_at",
            )  # fmt: skip
        )
    },
}
CONTENT_VERSION = {kind: max(versions) for kind, versions in CONTENT_SCHEMAS.items()}
"""The version new entries of each kind are written with."""


def schema(kind: str, version: int) -> ContentSchema:
    try:
        return CONTENT_SCHEMAS[kind][version]
    except KeyError:
        raise ValueError(f"no content version {version} for {kind!r} entries") from None


# -- canonical form ---------------------------------------------------------------------


def _value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return value


def canonical(obj: Any) -> bytes:
    """Sorted keys, no whitespace, UTF-8, datetimes as UTC ISO with microseconds."""
    return json.dumps(
        obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_value
    ).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def new_salt() -> str:
    return secrets.token_hex(16)


def personal_commit(salt: str, prompt: str | None, negative: str | None, user: str | None) -> str:
    return sha256_hex(bytes.fromhex(salt) + canonical([prompt, negative, user]))


def _fields(values: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    return {name: _value(values.get(name)) for name in fields}


def row_values(obj: Any) -> dict[str, Any]:
    """An ORM object's values keyed by column name (``extra`` is the ``metadata`` column)."""
    from sqlalchemy import inspect as sa_inspect

    mapper = sa_inspect(type(obj))
    return {
        column.name: getattr(obj, mapper.get_property_by_column(column).key)
        for column in mapper.local_table.columns
    }


def _initial_status(current: str, changes: list[dict[str, Any]]) -> str:
    return changes[0]["old_status"] if changes else current


def generation_content(
    generation: dict[str, Any],
    assets: Iterable[dict[str, Any]],
    changes: Iterable[dict[str, Any]] = (),
    version: int = CONTENT_VERSION["generation"],
) -> dict[str, Any]:
    """What a generation entry commits to. Rows are dicts keyed by column name.

    Status is mutable through status changes only, so the content holds the
    status each row had when it was appended: the first change's old status,
    or the current one when it never changed.
    """
    by_subject: dict[str | None, list[dict[str, Any]]] = {}
    for change in sorted(changes, key=lambda c: c["id"]):
        by_subject.setdefault(change["asset_id"], []).append(change)
    fields = schema("generation", version)
    content = _fields(generation, fields.fields)
    content["initial_status"] = _initial_status(generation["status"], by_subject.get(None, []))
    content["assets"] = [
        _fields(asset, fields.asset_fields)
        | {"initial_status": _initial_status(asset["status"], by_subject.get(asset["id"], []))}
        for asset in sorted(assets, key=lambda a: (a["index"], a["id"]))
    ]
    return content


def status_content(
    change: dict[str, Any], version: int = CONTENT_VERSION["status"]
) -> dict[str, Any]:
    return _fields(change, schema("status", version).fields)


def erasure_content(
    erasure: dict[str, Any], version: int = CONTENT_VERSION["erasure"]
) -> dict[str, Any]:
    return _fields(erasure, schema("erasure", version).fields)


def bank_content(entry: dict[str, Any], version: int = CONTENT_VERSION["bank"]) -> dict[str, Any]:
    return _fields(entry, schema("bank", version).fields)


def entry_tag(key: bytes, entry_hash_hex: str) -> str:
    """The entry's authentication tag under the deployment's ledger key."""
    return hmac.new(key, bytes.fromhex(entry_hash_hex), hashlib.sha256).hexdigest()


def entry_body(entry: dict[str, Any]) -> dict[str, Any]:
    """What an entry's hash covers. Version 1 entries predate the version field."""
    body = {
        "seq": entry["seq"],
        "kind": entry["kind"],
        "subject": entry["subject"],
        "created_at": _value(entry["created_at"]),
        "content_sha256": entry["content_sha256"],
    }
    version = int(entry.get("content_version") or 1)
    if version > 1:
        body["content_version"] = version
    return body


def entry_hash(prev_hash: str, body: dict[str, Any]) -> str:
    return sha256_hex(bytes.fromhex(prev_hash) + canonical(body))


def new_entry(
    seq: int,
    prev_hash: str,
    kind: str,
    subject: str,
    content: dict[str, Any],
    version: int | None = None,
) -> dict[str, Any]:
    """The columns of entry ``seq`` after ``prev_hash``, committing to ``content``.

    ``content`` must have been built with the same ``version`` (default: current).
    """
    body = {
        "seq": seq,
        "kind": kind,
        "subject": subject,
        "created_at": dt.datetime.now(dt.UTC),
        "content_sha256": sha256_hex(canonical(content)),
        "content_version": CONTENT_VERSION[kind] if version is None else version,
    }
    return body | {"prev_hash": prev_hash, "entry_hash": entry_hash(prev_hash, entry_body(body))}


# -- appending --------------------------------------------------------------------------


class Appender:
    """Appends entries inside the caller's transaction, holding the chain head's lock.

    The first statement is an UPDATE of the head row: on PostgreSQL it takes
    the row lock, on SQLite the database write lock (waiting up to the busy
    timeout), so concurrent writers serialise here and only here, and the
    head read after it is the latest committed one. Each entry also gets its
    Merkle tree nodes (about two rows, see merkle.py) and, with the ledger key,
    its tag; both are written in the same transaction.
    """

    def __init__(self, session: Any, key: bytes | None = None) -> None:
        self.session, self.key = session, key
        session.execute(update(ChainHead).where(ChainHead.id == 1).values(seq=ChainHead.seq))
        head = session.execute(select(ChainHead.seq, ChainHead.entry_hash)).one_or_none()
        if head is None:
            raise RuntimeError("the ledger has no chain head; run `safegen db upgrade`")
        self.seq, self.hash = int(head.seq), str(head.entry_hash)
        self._nodes: dict[tuple[int, int], bytes] = {}
        self._new_nodes: list[dict[str, Any]] = []

    def add(self, kind: str, subject: str, content: dict[str, Any]) -> int:
        self.seq += 1
        entry = new_entry(self.seq, self.hash, kind, subject, content)
        if self.key is not None:
            entry["tag"] = entry_tag(self.key, entry["entry_hash"])
        self.session.add(Entry(**entry))
        self.hash = entry["entry_hash"]
        leaf = bytes.fromhex(self.hash)
        for level, index, value in merkle.appended_nodes(self.seq - 1, leaf, self._node):
            self._nodes[(level, index)] = value
            self._new_nodes.append({"level": level, "idx": index, "hash": value.hex()})
        return self.seq

    def _node(self, level: int, index: int) -> bytes:
        """A left sibling: written by this append or an earlier, committed one."""
        found = self._nodes.get((level, index))
        if found is None:
            value = self.session.scalar(
                select(MerkleNode.hash).where(MerkleNode.level == level, MerkleNode.idx == index)
            )
            if value is None:
                raise RuntimeError(
                    f"the ledger's Merkle tree lacks node ({level}, {index}); "
                    "run `safegen ledger audit`"
                )
            found = bytes.fromhex(value)
        return found

    def finish(self) -> None:
        if self._new_nodes:
            self.session.execute(insert(MERKLE_NODES), self._new_nodes)
        self.session.execute(
            update(ChainHead).where(ChainHead.id == 1).values(seq=self.seq, entry_hash=self.hash)
        )


@dataclass(frozen=True)
class ChainTables:
    """The tables the chain reads and writes, as a migration sees them.

    A migration passes its own frozen definitions, never the live models: the
    models describe the newest schema, which an old database does not have yet.
    """

    generations: TableClause
    assets: TableClause
    status_changes: TableClause
    entries: TableClause
    chain_head: TableClause


def backfill(connection: Connection, tables: ChainTables, version: int = 1) -> None:
    """Create the head and chain rows that predate the chain (migration 0002)."""
    connection.execute(
        insert(tables.chain_head).values(
            id=1, ledger_id=str(uuid.uuid4()), seq=0, entry_hash=GENESIS
        )
    )
    generations = tables.generations
    for row in connection.execute(
        select(generations.c.id, *[generations.c[f] for f in PERSONAL_FIELDS])
    ):
        salt = new_salt()
        connection.execute(
            update(generations)
            .where(generations.c.id == row.id)
            .values(
                personal_salt=salt,
                personal_commit=personal_commit(salt, row.prompt, row.negative_prompt, row.user_id),
            )
        )
    seq, prev = 0, GENESIS
    entries: list[dict[str, Any]] = []
    gen_rows = connection.execute(
        select(generations).order_by(generations.c.created_at, generations.c.id)
    )
    changes_table = tables.status_changes
    for gen in gen_rows.mappings().all():
        assets = connection.execute(
            select(tables.assets).where(tables.assets.c.generation_id == gen["id"])
        ).mappings()
        changes = connection.execute(
            select(changes_table).where(changes_table.c.generation_id == gen["id"])
        ).mappings()
        content = generation_content(
            dict(gen), [dict(a) for a in assets], [dict(c) for c in changes], version
        )
        seq, prev = _backfill_entry(entries, seq, prev, "generation", gen["id"], content, version)
    for change in connection.execute(select(changes_table).order_by(changes_table.c.id)).mappings():
        content = status_content(dict(change), version)
        seq, prev = _backfill_entry(
            entries, seq, prev, "status", str(change["id"]), content, version
        )
    if version == 1:  # entries had no version column then
        for entry in entries:
            del entry["content_version"]
    if entries:
        connection.execute(insert(tables.entries), entries)
    connection.execute(update(tables.chain_head).values(seq=seq, entry_hash=prev))


@dataclass(frozen=True)
class TreeTables:
    """The tables migration 0005 reads and writes, as it sees them."""

    entries: TableClause
    merkle_nodes: TableClause
    chain_head: TableClause
    bank_entries: TableClause


def backfill_tree(connection: Connection, tables: TreeTables) -> None:
    """Migration 0005: commit the existing bank entries to the chain, build the Merkle tree
    over every entry, and record that entries from now on carry tags."""
    head = connection.execute(select(tables.chain_head)).mappings().one_or_none()
    if head is None:
        return
    seq, prev = int(head["seq"]), str(head["entry_hash"])
    banks = tables.bank_entries
    appended: list[dict[str, Any]] = []
    for row in connection.execute(select(banks).order_by(banks.c.id)).mappings():
        content = bank_content(dict(row), 1)
        appended.append(new_entry(seq + 1, prev, "bank", str(row["id"]), content, 1))
        seq, prev = seq + 1, appended[-1]["entry_hash"]
    if appended:
        connection.execute(insert(tables.entries), appended)
    last_at_level: dict[int, bytes] = {}
    nodes: list[dict[str, Any]] = []
    entries, done = tables.entries, 0
    while True:
        batch = connection.execute(
            select(entries.c.seq, entries.c.entry_hash)
            .where(entries.c.seq > done)
            .order_by(entries.c.seq)
            .limit(BATCH)
        ).all()
        if not batch:
            break
        for item in batch:
            leaf = bytes.fromhex(item.entry_hash)
            for level, index, value in merkle.appended_nodes(
                int(item.seq) - 1, leaf, lambda level, _index: last_at_level[level]
            ):
                last_at_level[level] = value
                nodes.append({"level": level, "idx": index, "hash": value.hex()})
            done = int(item.seq)
        connection.execute(insert(tables.merkle_nodes), nodes)
        nodes = []
    connection.execute(
        update(tables.chain_head).values(seq=seq, entry_hash=prev, tagged_from=seq + 1)
    )


def _backfill_entry(
    entries: list[dict[str, Any]],
    seq: int,
    prev: str,
    kind: str,
    subject: str,
    content: dict[str, Any],
    version: int,
) -> tuple[int, str]:
    entries.append(new_entry(seq + 1, prev, kind, subject, content, version))
    return seq + 1, entries[-1]["entry_hash"]


# -- audit ------------------------------------------------------------------------------


@dataclass
class AuditReport:
    """What ``safegen ledger audit`` found. ``ok`` only when there is no problem at all;
    ``limits`` says what this audit could not check (no trust anchor, no ledger key)."""

    entries: int = 0
    head_seq: int = 0
    head_hash: str = GENESIS
    root_hash: str = merkle.EMPTY_ROOT.hex()
    checkpoints: int = 0
    witnesses: int = 0
    problems: list[tuple[int | None, str]] = field(default_factory=list)
    limits: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_bad_seq(self) -> int | None:
        seqs = [seq for seq, _ in self.problems if seq is not None]
        return min(seqs) if seqs else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "head_seq": self.head_seq,
            "head_hash": self.head_hash,
            "root_hash": self.root_hash,
            "checkpoints": self.checkpoints,
            "witnesses": self.witnesses,
            "first_bad_seq": self.first_bad_seq,
            "problems": [{"seq": seq, "problem": text} for seq, text in self.problems],
            "limits": list(self.limits),
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class Witness:
    """A checkpoint note kept outside the database, and where it came from."""

    source: str
    note: CheckpointNote
    chains: tuple[tuple[str, bytes], ...] = ()
    """``(alg, chain_pem)`` the witness brings for its signer (a ``.pem`` beside it)."""


BATCH = 2000
MAX_PROBLEMS = 100


def origin_of(ledger_id: str) -> str:
    """The checkpoint origin (and note key name) of a ledger."""
    return f"safegen.ledger/{ledger_id}"


def audit(
    connection: Connection,
    trust_anchors_pem: bytes | None = None,
    *,
    entry_key: bytes | None = None,
    witnesses: Iterable[Witness] = (),
    known_chains: Iterable[tuple[str, bytes]] = (),
    since: Witness | None = None,
) -> AuditReport:
    """Recompute the whole chain and Merkle tree from the rows; check every checkpoint's
    signature and root, every entry's tag (with ``entry_key``), and that the ledger still
    holds each witnessed tree as a prefix.

    ``since``: an incremental audit. The stored tree must give that witnessed checkpoint's
    root at its size (which pins every entry hash up to it); only the entries after it are
    recomputed from their rows, and checkpoints or witnesses before it are checked by
    consistency proofs to it. Rows of the first ``since.note.size`` entries edited after
    that checkpoint are not seen: run a full audit now and then.
    """
    start = time.perf_counter()
    report = AuditReport()
    witnesses = list(witnesses)
    if since is not None:
        witnesses.append(since)

    def problem(seq: int | None, text: str) -> None:
        if len(report.problems) < MAX_PROBLEMS:
            report.problems.append((seq, text))

    head = connection.execute(select(CHAIN_HEAD)).mappings().one_or_none()
    tagged_from = int(head["tagged_from"] or 1) if head is not None else 1
    if entry_key is None:
        report.limits.append("entry tags not checked: no ledger key")
    checkpoints = [
        dict(r)
        for r in connection.execute(select(CHECKPOINTS).order_by(CHECKPOINTS.c.id)).mappings()
    ]
    wanted = {int(c["seq"]) for c in checkpoints} | {w.note.size for w in witnesses}
    roots_at: dict[int, bytes] = {0: merkle.EMPTY_ROOT}
    erasures = [dict(r) for r in connection.execute(select(ERASURES)).mappings()]
    erased = _Erasures(erasures)
    frontier = merkle.Frontier()
    expected_seq, prev = 1, GENESIS
    hashes_at: dict[int, str] = {}
    base = 0
    if since is not None:
        chains = {(c["alg"], c["chain_pem"].encode("ascii")) for c in checkpoints}
        seeded = _seed(connection, since, {*chains, *known_chains}, trust_anchors_pem, head)
        if isinstance(seeded, str):
            problem(since.note.size, seeded)
            report.seconds = time.perf_counter() - start
            return report
        frontier, prev = seeded
        base = frontier.size
        hashes_at[base] = prev
        expected_seq, report.entries = base + 1, base
        roots_at[base] = since.note.root
        report.limits.append(
            f"entries 1-{base} not recomputed: pinned by the witnessed checkpoint "
            f"{since.source} (an incremental audit)"
        )
    for batch in _entry_batches(connection, after=base):
        rows = _subject_rows(connection, batch)
        built: list[tuple[int, int, bytes]] = []
        for entry in batch:
            seq = int(entry["seq"])
            if seq != expected_seq:
                problem(expected_seq, f"entry {expected_seq} is missing (next is {seq})")
                expected_seq = seq
            body = entry_body(entry)
            if entry["prev_hash"] != prev or entry_hash(prev, body) != entry["entry_hash"]:
                problem(seq, f"entry {seq} does not chain to entry {seq - 1} (edited or reordered)")
            if seq >= tagged_from and entry_key is not None:
                if entry.get("tag") is None:
                    problem(
                        seq,
                        f"entry {seq} carries no tag: this deployment did not write it "
                        "(appended behind the ledger's back?)",
                    )
                elif not hmac.compare_digest(
                    entry["tag"], entry_tag(entry_key, entry["entry_hash"])
                ):
                    problem(seq, f"entry {seq}'s tag does not verify under the ledger key")
            content = _content_of(entry, rows, erased, problem)
            if content is not None and sha256_hex(canonical(content)) != entry["content_sha256"]:
                problem(
                    seq,
                    f"the {entry['kind']} {entry['subject']} differs from what entry {seq} "
                    "committed to",
                )
            prev = entry["entry_hash"]
            if seq in wanted:
                hashes_at[seq] = prev
            built += frontier.append(bytes.fromhex(prev))
            if frontier.size in wanted:
                roots_at[frontier.size] = frontier.root()
            expected_seq = seq + 1
            report.entries += 1
        _compare_nodes(connection, built, problem)
    report.head_seq, report.head_hash = expected_seq - 1, prev
    report.root_hash = frontier.root().hex()
    if head is None:
        problem(None, "the chain head row is missing")
    elif int(head["seq"]) != report.head_seq or head["entry_hash"] != prev:
        problem(
            report.head_seq + 1,
            f"the chain head says entry {head['seq']}, the chain ends at {report.head_seq} "
            "(entries deleted from the end?)",
        )
    stored = stored_root(connection, report.entries)
    if stored is not None and stored != frontier.root():
        problem(None, "the stored Merkle tree does not match the entries (node rows edited?)")
    _orphans(connection, problem)
    _duplicates(connection, problem)
    ledger_id = head["ledger_id"] if head is not None else None
    prefix = _prefix_check(connection, base, since) if since is not None else None
    _check_checkpoints(
        checkpoints, hashes_at, roots_at, trust_anchors_pem, ledger_id, problem, report, prefix
    )
    chains = {(c["alg"], c["chain_pem"].encode("ascii")) for c in checkpoints}
    chains |= set(known_chains)
    for witness in witnesses:
        report.witnesses += 1
        _check_witness(
            witness,
            chains,
            roots_at,
            checkpoints,
            trust_anchors_pem,
            ledger_id,
            report,
            problem,
            prefix,
        )
    if not trust_anchors_pem:
        report.limits.append("checkpoint and witness signers not checked: no trust anchor")
    report.seconds = time.perf_counter() - start
    return report


def _check_checkpoints(
    checkpoints: list[dict[str, Any]],
    hashes_at: dict[int, str],
    roots_at: dict[int, bytes],
    anchors: bytes | None,
    ledger_id: str | None,
    problem: Callable[[int | None, str], None],
    report: AuditReport,
    prefix: Callable[[int, bytes], bool] | None = None,
) -> None:
    last_seq, expected_id = 0, 1
    for checkpoint in checkpoints:
        report.checkpoints += 1
        seq, number = int(checkpoint["seq"]), int(checkpoint["id"])
        if number != expected_id:
            missing = (
                f"{expected_id}" if number == expected_id + 1 else f"{expected_id}-{number - 1}"
            )
            problem(seq, f"checkpoint(s) {missing} are missing (deleted?)")
        expected_id = number + 1
        if seq < last_seq:
            problem(seq, f"checkpoint {number} signs entry {seq}, before an earlier checkpoint")
        last_seq = max(last_seq, seq)
        text = check_statement(checkpoint, anchors, ledger_id)
        if text:
            problem(seq, f"checkpoint {number}: {text}")
        elif prefix is not None and seq not in roots_at:  # before an incremental audit's base
            if checkpoint.get("root_hash") and not prefix(
                seq, bytes.fromhex(checkpoint["root_hash"])
            ):
                problem(seq, f"checkpoint {number} is not a prefix of the witnessed tree")
        elif hashes_at.get(seq, GENESIS if seq == 0 else None) != checkpoint["entry_hash"]:
            problem(
                seq, f"checkpoint {number} signed entry {seq} with a hash the chain no longer has"
            )
        elif checkpoint.get("root_hash") and roots_at.get(seq) != bytes.fromhex(
            checkpoint["root_hash"]
        ):
            problem(seq, f"checkpoint {number} signed a Merkle root the entries no longer give")


def _check_witness(
    witness: Witness,
    chains: set[tuple[str, bytes]],
    roots_at: dict[int, bytes],
    checkpoints: list[dict[str, Any]],
    anchors: bytes | None,
    ledger_id: str | None,
    report: AuditReport,
    problem: Callable[[int | None, str], None],
    prefix: Callable[[int, bytes], bool] | None = None,
) -> None:
    note, source = witness.note, witness.source
    if ledger_id is not None and note.origin != origin_of(ledger_id):
        problem(None, f"witness {source}: a checkpoint of another log ({note.origin})")
        return
    verdicts = [
        (signed_by(note, alg, chain_pem), chain_pem)
        for alg, chain_pem in {*chains, *witness.chains}
    ]
    good = [chain_pem for verdict, chain_pem in verdicts if verdict]
    if any(verdict is False for verdict, _ in verdicts) or not good:
        why = "its signature does not verify" if good or verdicts else "no key is known"
        problem(
            note.size,
            f"witness {source}: not signed by this deployment's checkpoint key ({why})",
        )
        return
    if anchors and all(chain_problem(chain_pem, anchors) for chain_pem in good):
        problem(note.size, f"witness {source}: its signer does not chain to a trusted root")
        return
    if note.size > report.entries:
        problem(
            note.size,
            f"witness {source}: it saw {note.size} entries, the ledger now has "
            f"{report.entries} (truncated)",
        )
    elif prefix is not None and note.size not in roots_at:
        if not prefix(note.size, note.root):
            problem(
                note.size,
                f"witness {source}: not a prefix of the newer witnessed tree (rewritten history)",
            )
    elif roots_at.get(note.size) != note.root:
        problem(
            note.size,
            f"witness {source}: the first {note.size} entries no longer give the witnessed "
            "root (rewritten history)",
        )
    if not any(
        int(c["seq"]) == note.size and c.get("root_hash") == note.root.hex() for c in checkpoints
    ):
        problem(
            note.size,
            f"witness {source}: the ledger no longer holds this checkpoint (deleted)",
        )


def check_record(
    connection: Connection, generation_id: str, entry_key: bytes | None = None
) -> str | None:
    """What the audit would say against one generation's record, from its rows and its
    entry alone (None when it holds). ``verify`` traces only through records that hold."""
    found: list[str] = []

    def problem(_seq: int | None, text: str) -> None:
        found.append(text)

    e = ENTRIES
    entries = [
        dict(r)
        for r in connection.execute(
            select(e).where(e.c.kind == "generation", e.c.subject == generation_id)
        ).mappings()
    ]
    if len(entries) != 1:
        return (
            f"generation {generation_id} is in no chain entry (inserted directly)"
            if not entries
            else f"generation {generation_id} has {len(entries)} chain entries"
        )
    entry = entries[0]
    if entry_hash(entry["prev_hash"], entry_body(entry)) != entry["entry_hash"]:
        return f"entry {entry['seq']} of generation {generation_id} was edited"
    head = connection.execute(select(CHAIN_HEAD.c.tagged_from)).scalar()
    if entry_key is not None and int(entry["seq"]) >= int(head or 1):
        tag = entry.get("tag")
        if tag is None or not hmac.compare_digest(tag, entry_tag(entry_key, entry["entry_hash"])):
            return f"entry {entry['seq']} was not written by this deployment (no valid tag)"
    erasures = [dict(r) for r in connection.execute(select(ERASURES)).mappings()]
    content = _content_of(entry, _subject_rows(connection, [entry]), _Erasures(erasures), problem)
    if content is not None and sha256_hex(canonical(content)) != entry["content_sha256"]:
        found.append(
            f"generation {generation_id} differs from what entry {entry['seq']} committed to"
        )
    return found[0] if found else None


def _compare_nodes(
    connection: Connection,
    built: list[tuple[int, int, bytes]],
    problem: Callable[[int | None, str], None],
) -> None:
    """The stored tree nodes a batch of entries completes equal the recomputed ones (one
    query per batch: a range of indexes per level)."""
    if not built:
        return
    node = MERKLE_NODES
    spans: dict[int, tuple[int, int]] = {}
    for level, index, _ in built:
        low, high = spans.get(level, (index, index))
        spans[level] = (min(low, index), max(high, index))
    condition = or_(
        *(
            and_(node.c.level == level, node.c.idx >= low, node.c.idx <= high)
            for level, (low, high) in spans.items()
        )
    )
    stored = {
        (int(r.level), int(r.idx)): r.hash
        for r in connection.execute(select(node.c.level, node.c.idx, node.c.hash).where(condition))
    }
    for level, index, value in built:
        found = stored.get((level, index))
        if found != value.hex():
            state = "is missing" if found is None else "does not match the entries (edited?)"
            problem((index << level) + 1, f"Merkle node ({level}, {index}) {state}")
            return


def _seed(
    connection: Connection,
    since: Witness,
    chains: set[tuple[str, bytes]],
    anchors: bytes | None,
    head: Any,
) -> tuple[merkle.Frontier, str] | str:
    """The tree of ``since.note.size`` entries from the stored nodes, and that entry's hash,
    once they give the witnessed root; else why not."""
    note = since.note
    signed = [
        chain_pem for alg, chain_pem in {*chains, *since.chains} if signed_by(note, alg, chain_pem)
    ]
    if not signed or (anchors and all(chain_problem(c, anchors) for c in signed)):
        return f"witness {since.source}: not signed by this deployment's trusted checkpoint key"
    if head is None or note.size > int(head["seq"]):
        return f"witness {since.source}: it saw {note.size} entries, the ledger has fewer"
    full = _stored_nodes(connection)
    try:
        if merkle.root(note.size, full) != note.root:
            return (
                f"witness {since.source}: the stored tree does not give the witnessed root "
                "(rewritten history); run a full audit"
            )
        frontier = merkle.Frontier.seeded(note.size, full)
    except LookupError as exc:
        return f"witness {since.source}: the stored tree is incomplete ({exc}); run a full audit"
    if note.size == 0:
        return frontier, GENESIS
    last = connection.execute(select(ENTRIES.c.entry_hash).where(ENTRIES.c.seq == note.size))
    entry_hash_hex = last.scalar()
    if entry_hash_hex is None or merkle.leaf_hash(bytes.fromhex(entry_hash_hex)) != full(
        0, note.size - 1
    ):
        return f"witness {since.source}: entry {note.size} is not the witnessed tree's last leaf"
    return frontier, str(entry_hash_hex)


def _prefix_check(
    connection: Connection, base: int, since: Witness
) -> Callable[[int, bytes], bool]:
    """Is the tree (size, root) a prefix of the witnessed tree? A consistency proof from the
    stored nodes, verified against the two signed roots."""
    full = _stored_nodes(connection)

    def check(size: int, root: bytes) -> bool:
        if size > base:
            return False
        try:
            proof = merkle.consistency_proof(size, base, full)
        except LookupError:
            return False
        return merkle.verify_consistency(size, base, root, since.note.root, proof)

    return check


def stored_root(connection: Connection, size: int) -> bytes | None:
    """The root of the stored tree at ``size`` (None when a node is missing)."""
    try:
        return merkle.root(size, _stored_nodes(connection))
    except LookupError:
        return None


def _stored_nodes(connection: Connection) -> merkle.FullSubtree:
    node = MERKLE_NODES

    def full(level: int, index: int) -> bytes:
        value = connection.execute(
            select(node.c.hash).where(node.c.level == level, node.c.idx == index)
        ).scalar()
        if value is None:
            raise LookupError(f"no Merkle node ({level}, {index})")
        return bytes.fromhex(value)

    return full


class _Erasures:
    """When each generation's personal content may have been erased, by the erasure entries."""

    def __init__(self, erasures: list[dict[str, Any]]) -> None:
        self.by_id: dict[str, set[dt.datetime]] = {}
        self.prunes: list[tuple[dt.datetime, dt.datetime]] = []
        for e in erasures:
            when = _aware(e["created_at"])
            if e["kind"] == "erase":
                for gid in e["generation_ids"]:
                    self.by_id.setdefault(gid, set()).add(when)
            elif e["before"] is not None:
                self.prunes.append((_aware(e["before"]), when))

    def times(self, generation: dict[str, Any]) -> set[dt.datetime]:
        """The times an erasure covering ``generation`` was made (empty: none covers it)."""
        created = _aware(generation["created_at"])
        found = set(self.by_id.get(generation["id"], ()))
        found |= {when for before, when in self.prunes if created < before}
        return found


def _aware(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value


def _entry_batches(connection: Connection, after: int = 0) -> Iterator[list[dict[str, Any]]]:
    table = ENTRIES
    last = after
    while True:
        rows = (
            connection.execute(
                select(table).where(table.c.seq > last).order_by(table.c.seq).limit(BATCH)
            )
            .mappings()
            .all()
        )
        if not rows:
            return
        yield [dict(r) for r in rows]
        last = int(rows[-1]["seq"])


def _subject_rows(connection: Connection, batch: list[dict[str, Any]]) -> dict[str, Any]:
    gen_ids = [e["subject"] for e in batch if e["kind"] == "generation"]
    change_ids = [int(e["subject"]) for e in batch if e["kind"] == "status"]
    erasure_ids = [int(e["subject"]) for e in batch if e["kind"] == "erasure"]
    bank_ids = [int(e["subject"]) for e in batch if e["kind"] == "bank"]
    g, a, s, er, b = GENERATIONS, ASSETS, STATUS_CHANGES, ERASURES, BANK_ENTRIES
    generations = (
        {
            r["id"]: dict(r)
            for r in connection.execute(select(g).where(g.c.id.in_(gen_ids))).mappings()
        }
        if gen_ids
        else {}
    )
    assets: dict[str, list[dict[str, Any]]] = {}
    changes_by_gen: dict[str, list[dict[str, Any]]] = {}
    if gen_ids:
        for r in connection.execute(select(a).where(a.c.generation_id.in_(gen_ids))).mappings():
            assets.setdefault(r["generation_id"], []).append(dict(r))
        for r in connection.execute(select(s).where(s.c.generation_id.in_(gen_ids))).mappings():
            changes_by_gen.setdefault(r["generation_id"], []).append(dict(r))
    changes = (
        {
            str(r["id"]): dict(r)
            for r in connection.execute(select(s).where(s.c.id.in_(change_ids))).mappings()
        }
        if change_ids
        else {}
    )
    erasures = (
        {
            str(r["id"]): dict(r)
            for r in connection.execute(select(er).where(er.c.id.in_(erasure_ids))).mappings()
        }
        if erasure_ids
        else {}
    )
    banks = (
        {
            str(r["id"]): dict(r)
            for r in connection.execute(select(b).where(b.c.id.in_(bank_ids))).mappings()
        }
        if bank_ids
        else {}
    )
    return {
        "generation": generations,
        "assets": assets,
        "changes": changes_by_gen,
        "status": changes,
        "erasure": erasures,
        "bank": banks,
    }


def _content_of(
    entry: dict[str, Any],
    rows: dict[str, Any],
    erased: _Erasures,
    problem: Callable[[int | None, str], None],
) -> dict[str, Any] | None:
    seq, kind, subject = int(entry["seq"]), entry["kind"], entry["subject"]
    version = int(entry.get("content_version") or 1)
    if version not in CONTENT_SCHEMAS.get(kind, {}):
        problem(seq, f"entry {seq} has an unknown kind {kind!r} or content version {version}")
        return None
    if kind == "generation":
        gen = rows["generation"].get(subject)
        if gen is None:
            problem(seq, f"generation {subject} of entry {seq} has been deleted")
            return None
        _check_personal(gen, seq, erased, problem)
        assets = rows["assets"].get(subject, [])
        changes = rows["changes"].get(subject, [])
        _check_statuses(gen, assets, changes, seq, problem)
        return generation_content(gen, assets, changes, version)
    row = rows[kind].get(subject)
    if row is None:
        problem(seq, f"the {kind} row {subject} of entry {seq} has been deleted")
        return None
    if kind == "status":
        return status_content(row, version)
    if kind == "erasure":
        return erasure_content(row, version)
    return bank_content(row, version)


def _check_personal(
    gen: dict[str, Any], seq: int, erased: _Erasures, problem: Callable[[int | None, str], None]
) -> None:
    """Personal content is either intact (its commitment holds) or erased by a recorded
    erasure, at that erasure's time."""
    subject = gen["id"]
    if gen["personal_salt"] is not None:
        commit = personal_commit(
            gen["personal_salt"], gen["prompt"], gen["negative_prompt"], gen["user_id"]
        )
        if commit != gen["personal_commit"]:
            problem(seq, f"the prompt or user of generation {subject} (entry {seq}) was edited")
        if gen["erased_at"] is not None:
            problem(seq, f"generation {subject} (entry {seq}) says erased but is not")
        return
    times = erased.times(gen)
    if any(gen[name] is not None for name in PERSONAL_FIELDS):
        problem(seq, f"generation {subject} (entry {seq}) has personal content after erasure")
    elif not times:
        problem(
            seq,
            f"generation {subject} (entry {seq}) lost its personal content without a "
            "recorded erasure",
        )
    elif gen["erased_at"] is None or _aware(gen["erased_at"]) not in times:
        problem(
            seq,
            f"generation {subject} (entry {seq}): erased_at does not match the erasure "
            "that covers it (edited)",
        )


def _check_statuses(
    gen: dict[str, Any],
    assets: list[dict[str, Any]],
    changes: list[dict[str, Any]],
    seq: int,
    problem: Callable[[int | None, str], None],
) -> None:
    """The current status of the generation and of each asset is the last recorded one."""
    last: dict[str | None, str] = {}
    for change in sorted(changes, key=lambda c: c["id"]):
        last[change["asset_id"]] = change["new_status"]
    for row, key, what in (
        (gen, None, f"generation {gen['id']}"),
        *((a, a["id"], f"asset {a['id']}") for a in assets),
    ):
        if key in last and row["status"] != last[key]:
            problem(
                seq,
                f"{what} is {row['status']!r} but its last recorded status change says "
                f"{last[key]!r} (changed without an entry)",
            )


def _duplicates(connection: Connection, problem: Callable[[int | None, str], None]) -> None:
    """A subject committed twice: a later entry could stand in for an edited record."""
    e = ENTRIES
    twice = (
        select(e.c.kind, e.c.subject, func.min(e.c.seq).label("first"), func.max(e.c.seq))
        .group_by(e.c.kind, e.c.subject)
        .having(func.count() > 1)
        .limit(10)
    )
    for kind, subject, first, last in connection.execute(twice):
        problem(
            int(last),
            f"entry {last} is a second entry for the {kind} {subject} (first: entry {first})",
        )


def _orphans(connection: Connection, problem: Callable[[int | None, str], None]) -> None:
    """Rows that no entry commits to: inserted behind the ledger's back."""
    e = ENTRIES
    for table, kind, key in (
        (GENERATIONS, "generation", GENERATIONS.c.id),
        (
            STATUS_CHANGES,
            "status",
            func.cast(STATUS_CHANGES.c.id, e.c.subject.type),
        ),
        (ERASURES, "erasure", func.cast(ERASURES.c.id, e.c.subject.type)),
        (BANK_ENTRIES, "bank", func.cast(BANK_ENTRIES.c.id, e.c.subject.type)),
    ):
        covered = exists().where(and_(e.c.kind == kind, e.c.subject == key))
        for row in connection.execute(
            select(key.label("subject")).select_from(table).where(~covered).limit(10)
        ):
            problem(
                None, f"{kind} {row.subject} is in the ledger but in no entry (inserted directly)"
            )
    a, g = ASSETS, GENERATIONS
    orphan = ~exists().where(g.c.id == a.c.generation_id)
    for row in connection.execute(select(a.c.id, a.c.generation_id).where(orphan).limit(10)):
        problem(
            None,
            f"asset {row.id} belongs to generation {row.generation_id}, which is in no entry "
            "(inserted directly)",
        )


# -- checkpoints and proofs -------------------------------------------------------------


def statement_for(ledger_id: str, seq: int, hash_: str) -> dict[str, Any]:
    return {
        "type": CHECKPOINT_TYPE,
        "ledger": ledger_id,
        "seq": seq,
        "entry_hash": hash_,
        "time": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


def chain_problem(chain_pem: bytes, anchors_pem: bytes) -> str | None:
    """Why ``chain_pem`` does not lead to one of ``anchors_pem`` (None when it does)."""
    from cryptography import x509

    certs = x509.load_pem_x509_certificates(chain_pem)
    try:
        anchors = x509.load_pem_x509_certificates(anchors_pem)
    except ValueError:
        return "no readable trust anchor"
    for child, parent in zip(certs, certs[1:], strict=False):
        try:
            child.verify_directly_issued_by(parent)
        except Exception:  # noqa: BLE001
            return f"{child.subject.rfc4514_string()} is not issued by the next certificate"
    last = certs[-1]
    for anchor in anchors:
        if last == anchor:
            return None
        try:
            last.verify_directly_issued_by(anchor)
            return None
        except Exception:  # noqa: BLE001 - not this anchor
            continue
    return f"the signer {certs[0].subject.rfc4514_string()} does not chain to a trusted root"


def checkpoint_note(checkpoint: dict[str, Any]) -> CheckpointNote:
    """The signed note of a stored note checkpoint (``statement`` is its text)."""
    from safegen.ledger.note import Signature, key_id

    text, origin = checkpoint["statement"], checkpoint["origin"]
    chain_pem = checkpoint["chain_pem"].encode("ascii")
    raw = base64.b64decode(checkpoint["signature"])
    signature = Signature(origin, key_id(origin, checkpoint["alg"], chain_pem), raw)
    return CheckpointNote(
        text,
        origin,
        int(checkpoint["seq"]),
        bytes.fromhex(checkpoint["root_hash"]),
        (signature,),
    )


def _check_note(
    checkpoint: dict[str, Any], trust_anchors_pem: bytes | None, ledger_id: str | None
) -> str | None:
    from safegen.ledger.note import checkpoint_text

    try:
        note = checkpoint_note(checkpoint)
        chain_pem = checkpoint["chain_pem"].encode("ascii")
        if signed_by(note, checkpoint["alg"], chain_pem) is not True:
            return "its signature does not verify"
        if note.text != checkpoint_text(note.origin, note.size, note.root):
            return "the signed note does not match the stored checkpoint"
    except (ValueError, KeyError, TypeError) as exc:
        return f"bad signature or note ({exc})"
    if ledger_id is not None and note.origin != origin_of(ledger_id):
        return "signed for another ledger"
    if trust_anchors_pem:
        return chain_problem(chain_pem, trust_anchors_pem)
    return None


def check_statement(
    checkpoint: dict[str, Any], trust_anchors_pem: bytes | None, ledger_id: str | None
) -> str | None:
    """Problems with one checkpoint's statement and signature (None when it is sound).

    Checkpoints from migration 0005 on are signed notes (``root_hash`` set); older ones
    are version 1 JSON statements over the entry hash alone."""
    if checkpoint.get("root_hash"):
        return _check_note(checkpoint, trust_anchors_pem, ledger_id)
    try:
        statement = json.loads(checkpoint["statement"])
        chain_pem = checkpoint["chain_pem"].encode("ascii")
        verify_signature(
            checkpoint["alg"],
            chain_pem,
            checkpoint["statement"].encode("utf-8"),
            base64.b64decode(checkpoint["signature"]),
        )
    except (ValueError, KeyError, TypeError) as exc:
        return f"bad signature or statement ({exc})"
    if statement.get("type") != CHECKPOINT_TYPE:
        return "not a checkpoint statement"
    if (
        statement.get("seq") != int(checkpoint["seq"])
        or statement.get("entry_hash") != checkpoint["entry_hash"]
    ):
        return "the signed statement does not match the stored checkpoint"
    if ledger_id is not None and statement.get("ledger") != ledger_id:
        return "signed for another ledger"
    if trust_anchors_pem:
        return chain_problem(chain_pem, trust_anchors_pem)
    return None


def verify_proof(proof: dict[str, Any], trust_anchors_pem: bytes) -> list[str]:
    """Check a proof from ``safegen ledger proof`` with only the deployment's root: [] if sound."""
    problems: list[str] = []
    if not trust_anchors_pem or not trust_anchors_pem.strip():
        # Without a root, any key could have signed the checkpoint: never "sound".
        return ["no trust anchor given: the checkpoint's signer cannot be checked"]
    if isinstance(proof, dict) and proof.get("version") == 2:
        return _verify_inclusion_proof(proof, trust_anchors_pem)
    try:
        record, entries = proof["record"], proof["entries"]
        checkpoint = proof["checkpoint"]
        if sha256_hex(canonical(record)) != entries[0]["content_sha256"]:
            problems.append("the record does not match the first entry's content hash")
        if proof.get("asset_id") not in {a["id"] for a in record.get("assets", [])}:
            problems.append("the asset is not in the record")
        current = proof["prev_hash"]
        for index, entry in enumerate(entries):
            if index and entry["seq"] != entries[index - 1]["seq"] + 1:
                problems.append(
                    f"the segment skips from {entries[index - 1]['seq']} to {entry['seq']}"
                )
            current = entry_hash(current, entry_body(entry))
        statement = json.loads(checkpoint["statement"])
        if statement.get("seq") != entries[-1]["seq"] or statement.get("entry_hash") != current:
            problems.append("the chain segment does not end at the signed checkpoint")
        text = check_statement(
            {**checkpoint, "seq": statement.get("seq"), "entry_hash": statement.get("entry_hash")},
            trust_anchors_pem,
            None,
        )
        if text:
            problems.append(text)
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        problems.append(f"malformed proof ({exc})")
    return problems


def _verify_inclusion_proof(proof: dict[str, Any], anchors: bytes) -> list[str]:
    """Version 2: the record's entry is a leaf of the tree a signed checkpoint note names."""
    from safegen.ledger.note import NoteError, parse_checkpoint

    problems: list[str] = []
    try:
        record, entry = proof["record"], proof["entry"]
        if sha256_hex(canonical(record)) != entry["content_sha256"]:
            problems.append("the record does not match its entry's content hash")
        if proof.get("asset_id") not in {a["id"] for a in record.get("assets", [])}:
            problems.append("the asset is not in the record")
        leaf = bytes.fromhex(entry_hash(proof["prev_hash"], entry_body(entry)))
        checkpoint = proof["checkpoint"]
        note = parse_checkpoint(checkpoint["note"].encode("utf-8"), "the proof's checkpoint")
        chain_pem = checkpoint["chain_pem"].encode("ascii")
        if signed_by(note, checkpoint["alg"], chain_pem) is not True:
            problems.append("the checkpoint note's signature does not verify")
        else:
            text = chain_problem(chain_pem, anchors)
            if text:
                problems.append(text)
        path = [bytes.fromhex(h) for h in proof["inclusion"]]
        index = int(entry["seq"]) - 1
        if not merkle.verify_inclusion(index, note.size, merkle.leaf_hash(leaf), path, note.root):
            problems.append(
                f"entry {entry['seq']} is not in the signed tree of {note.size} entries "
                "(the inclusion proof does not hold)"
            )
    except NoteError as exc:
        problems.append(str(exc))
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
        problems.append(f"malformed proof ({exc})")
    return problems
