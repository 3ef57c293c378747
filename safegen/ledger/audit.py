"""The audit: recompute the chain, its tags and the Merkle tree from the rows as they are now.

Everything :func:`audit` reports has a sequence number where it can: an edited row of
any kind (its entry's content hash differs), a deleted, inserted or reordered entry, an
entry without a valid tag, a second entry for a subject, a current status that is not
the last recorded one, personal content or ``erased_at`` that no erasure explains,
orphan rows, stored tree nodes the entries do not give, checkpoints missing from the id
sequence or whose signature, signer or root fails, and witnessed checkpoints the ledger
no longer holds as a prefix. :func:`check_record` is the same check for one generation,
which ``verify`` runs before it traces an image through a row. See docs/compliance.md.
"""

from __future__ import annotations

import datetime as dt
import hmac
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.engine import Connection

from safegen.ledger import merkle
from safegen.ledger.chain import (
    ASSETS,
    BANK_ENTRIES,
    BATCH,
    CHAIN_HEAD,
    CHECKPOINTS,
    CONTENT_SCHEMAS,
    ENTRIES,
    ERASURES,
    GENERATIONS,
    GENESIS,
    MERKLE_NODES,
    PERSONAL_FIELDS,
    STATUS_CHANGES,
    bank_content,
    canonical,
    chain_problem,
    check_statement,
    entry_body,
    entry_hash,
    entry_tag,
    erasure_content,
    generation_content,
    origin_of,
    personal_commit,
    sha256_hex,
    status_content,
    stored_nodes,
)
from safegen.ledger.note import CheckpointNote, signed_by


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


MAX_PROBLEMS = 100


def audit(
    connection: Connection,
    trust_anchors_pem: bytes | None = None,
    *,
    entry_key: bytes | None = None,
    witnesses: Iterable[Witness] = (),
    known_chains: Iterable[tuple[str, bytes]] = (),
    since: Witness | None = None,
    pieces: Iterable[_Piece] | None = None,
) -> AuditReport:
    """Recompute the whole chain and Merkle tree from the rows; check every checkpoint's
    signature and root, every entry's tag (with ``entry_key``), and that the ledger still
    holds each witnessed tree as a prefix.

    ``since``: an incremental audit. The stored tree must give that witnessed checkpoint's
    root at its size (which pins every entry hash up to it); only the entries after it are
    recomputed from their rows, and checkpoints or witnesses before it are checked by
    consistency proofs to it. Rows of the first ``since.note.size`` entries edited after
    that checkpoint are not seen: run a full audit now and then.

    ``pieces``: the per-entry checks already made (by :func:`audit_range` in other
    processes, in entry order); default: made here, one batch at a time.
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
    if pieces is None:
        pieces = _entry_checks(connection, base, None, tagged_from, entry_key, erased)
    tree_intact = True
    for piece in pieces:
        for seq, text in piece.problems:
            problem(seq, text)
        if piece.first_seq is not None:  # where a range starts: against the range before it
            if piece.first_seq != expected_seq:
                problem(
                    expected_seq, f"entry {expected_seq} is missing (next is {piece.first_seq})"
                )
            unchained = (
                f"entry {piece.first_seq} does not chain to entry {piece.first_seq - 1} "
                "(edited or reordered)"
            )
            if piece.first_prev != prev and (piece.first_seq, unchained) not in piece.problems:
                problem(piece.first_seq, unchained)
        built: list[tuple[int, int, bytes]] = []
        for seq, leaf in piece.leaves:
            if seq in wanted:
                hashes_at[seq] = leaf.hex()
            built += frontier.append(leaf)
            if frontier.size in wanted:
                roots_at[frontier.size] = frontier.root()
            report.entries += 1
        if piece.leaves:
            expected_seq, prev = piece.leaves[-1][0] + 1, piece.leaves[-1][1].hex()
        if tree_intact:  # after the first bad node every later one differs too: one report
            tree_intact = _compare_nodes(connection, built, problem)
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


@dataclass
class _Piece:
    """One batch of entries checked on their own and against the entry before each within
    the range: the problems, and ``(seq, entry hash)`` of each for the tree. ``first_seq``
    and ``first_prev`` are set on a range's first piece, for the caller to link ranges."""

    problems: list[tuple[int | None, str]] = field(default_factory=list)
    leaves: list[tuple[int, bytes]] = field(default_factory=list)
    first_seq: int | None = None
    first_prev: str | None = None


def _entry_checks(
    connection: Connection,
    after: int,
    until: int | None,
    tagged_from: int,
    entry_key: bytes | None,
    erased: _Erasures,
) -> Iterator[_Piece]:
    """Check the entries with ``after < seq <= until``, a batch at a time."""
    expected: int | None = None
    prev: str | None = None
    for batch in _entry_batches(connection, after=after, until=until):
        rows = _subject_rows(connection, batch)
        piece = _Piece()

        def problem(seq: int | None, text: str, piece: _Piece = piece) -> None:
            if len(piece.problems) < MAX_PROBLEMS:
                piece.problems.append((seq, text))

        for entry in batch:
            seq = int(entry["seq"])
            if expected is None:
                piece.first_seq, piece.first_prev = seq, entry["prev_hash"]
            elif seq != expected:
                problem(expected, f"entry {expected} is missing (next is {seq})")
            body = entry_body(entry)
            if (prev is not None and entry["prev_hash"] != prev) or entry_hash(
                entry["prev_hash"], body
            ) != entry["entry_hash"]:
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
            prev, expected = entry["entry_hash"], seq + 1
            piece.leaves.append((seq, bytes.fromhex(prev)))
        yield piece


def audit_range(
    url: str, after: int, until: int, entry_key: bytes | None, timeout: float = 30.0
) -> list[_Piece]:
    """:func:`_entry_checks` of one range in a process of its own (the parallel audit)."""
    from safegen.ledger.engine import make_engine

    engine = make_engine(url, timeout)
    try:
        with engine.connect() as connection:
            head = connection.execute(select(CHAIN_HEAD.c.tagged_from)).scalar()
            erasures = [dict(r) for r in connection.execute(select(ERASURES)).mappings()]
            checks = _entry_checks(
                connection, after, until, int(head or 1), entry_key, _Erasures(erasures)
            )
            return list(checks)
    finally:
        engine.dispose()


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
    signer = _signer_problem(witness, chains, anchors)
    if signer:
        problem(note.size, signer)
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
) -> bool:
    """The stored tree nodes a batch of entries completes equal the recomputed ones (one
    query per batch: a range of indexes per level); False after reporting the first that
    does not."""
    if not built:
        return True
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
            return False
    return True


def _signer_problem(
    witness: Witness, chains: set[tuple[str, bytes]], anchors: bytes | None
) -> str | None:
    """Why a witnessed note is not this deployment's trusted signature (None when it is)."""
    note, source = witness.note, witness.source
    verdicts = [
        (signed_by(note, alg, chain_pem), chain_pem)
        for alg, chain_pem in {*chains, *witness.chains}
    ]
    good = [chain_pem for verdict, chain_pem in verdicts if verdict]
    if any(verdict is False for verdict, _ in verdicts) or not good:
        why = "its signature does not verify" if good or verdicts else "no key is known"
        return f"witness {source}: not signed by this deployment's checkpoint key ({why})"
    if anchors and all(chain_problem(chain_pem, anchors) for chain_pem in good):
        return f"witness {source}: its signer does not chain to a trusted root"
    return None


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
    signer = _signer_problem(since, chains, anchors)
    if signer:
        return signer
    if head is None or note.size > int(head["seq"]):
        return f"witness {since.source}: it saw {note.size} entries, the ledger has fewer"
    full = stored_nodes(connection)
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
    full = stored_nodes(connection)

    def check(size: int, root: bytes) -> bool:
        if size > base:
            return False
        try:
            proof = merkle.consistency_proof(size, base, full)
        except LookupError:
            return False
        return merkle.verify_consistency(size, base, root, since.note.root, proof)

    return check


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


def _entry_batches(
    connection: Connection, after: int = 0, until: int | None = None
) -> Iterator[list[dict[str, Any]]]:
    table = ENTRIES
    last = after
    while True:
        query = select(table).where(table.c.seq > last)
        if until is not None:
            query = query.where(table.c.seq <= until)
        rows = connection.execute(query.order_by(table.c.seq).limit(BATCH)).mappings().all()
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
