"""Tamper evidence: the hash chain over ledger entries, its appends, checkpoints and proofs.

Every generation (with its assets), status change, erasure and bank entry is
appended as an entry with a gap-free sequence number and

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

Each entry is also tagged under the deployment's ledger key and is a leaf of
the Merkle tree (:mod:`safegen.ledger.merkle`) whose nodes the :class:`Appender`
writes in the same transaction. A checkpoint is a C2SP signed note over the
tree size and root (:mod:`safegen.ledger.note`); a proof for one asset is its
entry's inclusion proof in a checkpoint's tree. Checkpoints and proofs made
before migration 0005 (a JSON statement over the head, a chain segment) still
verify. The audit is :mod:`safegen.ledger.audit`; see docs/compliance.md.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.sql.expression import TableClause

from safegen.crypto import verify_signature
from safegen.errors import MissingNode
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
        return found if found is not None else stored_nodes(self.session)(level, index)

    def finish(self) -> None:
        if self._new_nodes:
            self.session.execute(insert(MERKLE_NODES), self._new_nodes)
        self.session.execute(
            update(ChainHead).where(ChainHead.id == 1).values(seq=self.seq, entry_hash=self.hash)
        )


def stored_nodes(db: Any) -> merkle.FullSubtree:
    """The stored tree's full subtrees, read one by one through ``db`` (a connection or a
    session); a missing one raises :class:`~safegen.errors.MissingNode`."""

    def full(level: int, index: int) -> bytes:
        value = db.execute(
            select(MERKLE_NODES.c.hash).where(
                MERKLE_NODES.c.level == level, MERKLE_NODES.c.idx == index
            )
        ).scalar()
        if value is None:
            raise MissingNode(
                f"the ledger's Merkle tree lacks node ({level}, {index}); "
                "run `safegen ledger audit`"
            )
        return bytes.fromhex(value)

    return full


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


BATCH = 2000


def origin_of(ledger_id: str) -> str:
    """The checkpoint origin (and note key name) of a ledger."""
    return f"safegen.ledger/{ledger_id}"


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
    if isinstance(proof, dict) and proof.get("kind") == "consistency":
        return _verify_consistency_proof(proof, trust_anchors_pem)
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


def _verify_consistency_proof(proof: dict[str, Any], anchors: bytes) -> list[str]:
    """The older checkpoint's tree is a prefix of the newer one's, both signed by the
    deployment (the older is checked with the newer's signer, the deployment's key)."""
    from safegen.ledger.note import NoteError, parse_checkpoint

    problems: list[str] = []
    try:
        new = proof["new"]
        chain_pem = new["chain_pem"].encode("ascii")
        newer = parse_checkpoint(new["note"].encode("utf-8"), "the newer checkpoint")
        older = parse_checkpoint(proof["old"]["note"].encode("utf-8"), "the older checkpoint")
        for name, note in (("newer", newer), ("older", older)):
            if signed_by(note, new["alg"], chain_pem) is not True:
                problems.append(f"the {name} checkpoint is not signed by the proof's signer")
        text = chain_problem(chain_pem, anchors)
        if text:
            problems.append(text)
        if older.origin != newer.origin:
            problems.append("the two checkpoints are of different logs")
        path = [bytes.fromhex(h) for h in proof["consistency"]]
        if not merkle.verify_consistency(older.size, newer.size, older.root, newer.root, path):
            problems.append(
                f"the tree of {older.size} entries is not a prefix of the tree of "
                f"{newer.size} (the consistency proof does not hold)"
            )
    except NoteError as exc:
        problems.append(str(exc))
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
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
