"""The holes a database writer could use, one test each, made with plain SQL on SQLite and
PostgreSQL: what the audit (and verify) must now catch.

The writer here owns the database; where noted, it also holds the deployment's keys (the
signing key and the ledger key), and only a witnessed checkpoint kept elsewhere catches it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text
from test_chain import _fill, _sql
from test_ledger import _generation

from safegen.crypto import signer_for
from safegen.ledger import Ledger
from safegen.ledger.audit import Witness
from safegen.ledger.chain import (
    GENESIS,
    Appender,
    bank_content,
    generation_content,
    row_values,
)
from safegen.ledger.models import Asset, BankEntry, Generation, StatusChange
from safegen.ledger.note import parse_checkpoint
from safegen.provenance.keys import ensure_identity, ledger_key, load_identity


@pytest.fixture
def keys(tmp_path: Path) -> Path:
    folder = tmp_path / "keys"
    ensure_identity(folder)
    return folder


@pytest.fixture
def ledger(ledger_url: str, keys: Path):  # type: ignore[no-untyped-def]
    ledger = Ledger(ledger_url, entry_key=ledger_key(keys))
    yield ledger
    ledger.close()


def _checkpoint(ledger: Ledger, keys: Path) -> Witness:
    identity = load_identity(keys)
    alg, sign = signer_for(identity.key_pem)
    signed = ledger.checkpoint(sign, alg, identity.chain_pem)
    return Witness("witness.note", parse_checkpoint(signed["note"].encode(), "witness.note"))


def _problems(ledger: Ledger, keys: Path, *witnesses: Witness) -> list[str]:
    identity = load_identity(keys)  # the signer a witness is checked against, as the CLI does
    report = ledger.audit(
        identity.trust_anchors_pem,
        witnesses=witnesses,
        known_chains=[(identity.alg, identity.chain_pem)],
    )
    return [problem for _, problem in report.problems]


def _rewrite_history(ledger: Ledger) -> None:
    """The owner, with every key, rebuilds the chain and tree from the (edited) rows."""
    _sql(ledger, "DELETE FROM entries")
    _sql(ledger, "DELETE FROM merkle_nodes")
    _sql(ledger, "DELETE FROM checkpoints")
    _sql(ledger, "UPDATE chain_head SET seq = 0, entry_hash = :g", g=GENESIS)
    with ledger._unit() as session:
        chain = Appender(session, ledger.entry_key)
        for generation in session.query(Generation).order_by(Generation.created_at):
            assets = session.query(Asset).filter(Asset.generation_id == generation.id)
            content = generation_content(row_values(generation), [row_values(a) for a in assets])
            chain.add("generation", generation.id, content)
        chain.finish()


def test_hole_1_truncation_is_caught_by_a_witness(ledger: Ledger, keys: Path) -> None:
    _fill(ledger, 5)
    witness = _checkpoint(ledger, keys)
    assert _problems(ledger, keys, witness) == []
    # Delete the tail, its tree nodes and the checkpoint; fix the head.
    _sql(ledger, "DELETE FROM entries WHERE seq > 3")
    _sql(ledger, "DELETE FROM merkle_nodes WHERE idx >= 3 AND level = 0")
    _sql(ledger, "DELETE FROM merkle_nodes WHERE level > 0 AND (idx + 1) * power(2, level) > 3")
    _sql(ledger, "DELETE FROM checkpoints")
    _sql(ledger, "DELETE FROM assets WHERE generation_id NOT IN (SELECT subject FROM entries)")
    _sql(ledger, "DELETE FROM generations WHERE id NOT IN (SELECT subject FROM entries)")
    _sql(
        ledger,
        "UPDATE chain_head SET seq = 3, "
        "entry_hash = (SELECT entry_hash FROM entries WHERE seq = 3)",
    )
    assert _problems(ledger, keys) == []  # alone, a truncated ledger looks whole: the limit
    problems = _problems(ledger, keys, witness)
    assert any("truncated" in p for p in problems), problems
    assert any("no longer holds this checkpoint" in p for p in problems), problems


def test_hole_1_recomputed_and_re_signed_history_is_caught_by_a_witness(
    ledger: Ledger, keys: Path
) -> None:
    records = _fill(ledger, 4)
    witness = _checkpoint(ledger, keys)
    _sql(ledger, "UPDATE generations SET model_name = 'forged' WHERE id = :g", g=records[1].id)
    _rewrite_history(ledger)
    _checkpoint(ledger, keys)  # re-signed with the deployment's own key
    assert _problems(ledger, keys) == []
    problems = _problems(ledger, keys, witness)
    assert any("rewritten history" in p for p in problems), problems


def test_hole_1_deleted_checkpoints_leave_a_gap(ledger: Ledger, keys: Path) -> None:
    _fill(ledger, 2)
    _checkpoint(ledger, keys)
    _fill(ledger, 1)
    _checkpoint(ledger, keys)
    _fill(ledger, 1)
    _checkpoint(ledger, keys)
    _sql(ledger, "DELETE FROM checkpoints WHERE id = 2")
    problems = _problems(ledger, keys)
    assert any("checkpoint(s) 2 are missing" in p for p in problems), problems


def test_hole_1_an_emptied_ledger_is_not_intact_to_a_witness(ledger: Ledger, keys: Path) -> None:
    _fill(ledger, 3)
    witness = _checkpoint(ledger, keys)
    for table in ("checkpoints", "merkle_nodes", "entries", "assets", "generations"):
        _sql(ledger, f"DELETE FROM {table}")
    _sql(ledger, "UPDATE chain_head SET seq = 0, entry_hash = :g", g=GENESIS)
    problems = _problems(ledger, keys, witness)
    assert any("truncated" in p for p in problems), problems


def test_hole_2_undoing_a_revocation_is_caught(ledger: Ledger, keys: Path) -> None:
    records = _fill(ledger, 2)
    asset = records[0].assets[0].id
    ledger.change_status(records[0].id, "revoked", "takedown", asset_ids=[asset])
    assert _problems(ledger, keys) == []
    _sql(ledger, "UPDATE generations SET status = 'delivered' WHERE id = :g", g=records[0].id)
    _sql(ledger, "UPDATE assets SET status = 'delivered' WHERE id = :a", a=asset)
    problems = _problems(ledger, keys)
    assert sum("last recorded status change says 'revoked'" in p for p in problems) == 2


def test_hole_3_an_orphan_asset_is_caught(ledger: Ledger, keys: Path, ledger_url: str) -> None:
    records = _fill(ledger, 1)
    values = row_values_of(ledger, records[0].assets[0].id)
    values |= {"id": str(uuid.uuid4()), "generation_id": str(uuid.uuid4()), "watermark_id": 777}
    columns = ", ".join(f'"{k}"' for k in values)
    marks = ", ".join(f":{k}" for k in values)
    with ledger.engine.connect() as conn:  # the owner can switch foreign keys off
        if ledger_url.startswith("postgresql"):
            conn.execute(text("SET session_replication_role = replica"))
        else:
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
        conn.execute(text(f"INSERT INTO assets ({columns}) VALUES ({marks})"), values)
        conn.commit()
    problems = _problems(ledger, keys)
    assert any("which is in no entry" in p for p in problems), problems
    assert ledger.check_record(values["generation_id"]) is not None  # verify will not trace it


def row_values_of(ledger: Ledger, asset_id: str) -> dict[str, object]:
    with ledger._unit() as session:
        row = session.get(Asset, asset_id)
        assert row is not None
        values = row_values(row)
    for key in ("safety_scores",):
        import json

        values[key] = json.dumps(values[key])
    return values


def test_hole_4_a_forged_generation_after_the_head_is_caught(
    ledger: Ledger, keys: Path, ledger_url: str
) -> None:
    _fill(ledger, 2)
    forger = Ledger(ledger_url)  # writes SQL through the library, without the ledger key
    try:
        forger.record(_generation([424242]))
    finally:
        forger.close()
    problems = _problems(ledger, keys)
    assert any("carries no tag" in p for p in problems), problems


def test_hole_5_erased_at_bank_rows_and_second_entries(ledger: Ledger, keys: Path) -> None:
    records = _fill(ledger, 3)
    ledger.erase(generation_ids=[records[0].id])
    ledger.bank_add("protected", 0x0123456789ABCDEF, "a work")
    assert _problems(ledger, keys) == []
    later = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    _sql(ledger, "UPDATE generations SET erased_at = :t WHERE id = :g", t=later, g=records[0].id)
    assert any("erased_at does not match" in p for p in _problems(ledger, keys))
    _sql(ledger, "UPDATE generations SET erased_at = :t WHERE id = :g", t=later, g=records[1].id)
    assert any("says erased but is not" in p for p in _problems(ledger, keys))

    fresh = _fresh(ledger, keys)
    _sql(
        fresh,
        "INSERT INTO bank_entries (bank, label, phash, phash_0, phash_1, phash_2, phash_3, "
        "created_at) VALUES ('protected', 'slipped in', '00000000000000ff', 0, 0, 0, 255, :t)",
        t=later,
    )
    assert any("bank" in p and "in no entry" in p for p in _problems(fresh, keys))
    _sql(fresh, "UPDATE bank_entries SET phash = 'ffffffffffffffff' WHERE label = 'a work'")
    assert any("differs from what entry" in p for p in _problems(fresh, keys))


def _fresh(ledger: Ledger, keys: Path) -> Ledger:
    """Undo the edits above: start over in the same database."""
    for table in (
        "checkpoints", "merkle_nodes", "entries", "status_changes", "assets",
        "erasures", "bank_entries", "generations",
    ):  # fmt: skip
        _sql(ledger, f"DELETE FROM {table}")
    _sql(ledger, "UPDATE chain_head SET seq = 0, entry_hash = :g, tagged_from = 1", g=GENESIS)
    ledger.bank_add("protected", 0x0123456789ABCDEF, "a work")
    return ledger


def test_hole_5_a_second_entry_for_a_subject_is_caught(ledger: Ledger, keys: Path) -> None:
    records = _fill(ledger, 2)
    with ledger._unit() as session:  # the owner, with the key, re-commits a generation
        chain = Appender(session, ledger.entry_key)
        generation = session.get(Generation, records[0].id)
        assert generation is not None
        assets = session.query(Asset).filter(Asset.generation_id == generation.id)
        changes = session.query(StatusChange).filter(StatusChange.generation_id == generation.id)
        content = generation_content(
            row_values(generation),
            [row_values(a) for a in assets],
            [row_values(c) for c in changes],
        )
        chain.add("generation", generation.id, content)
        chain.add("bank", "999", bank_content(row_values(BankEntry(id=999))))
        chain.finish()
    problems = _problems(ledger, keys)
    assert any("second entry for the generation" in p for p in problems), problems
    assert any("bank row 999" in p and "deleted" in p for p in problems), problems


def test_an_edited_merkle_node_is_caught(ledger: Ledger, keys: Path) -> None:
    _fill(ledger, 4)
    _sql(ledger, "UPDATE merkle_nodes SET hash = :h WHERE level = 1 AND idx = 1", h="ab" * 32)
    problems = _problems(ledger, keys)
    assert any("Merkle node (1, 1)" in p for p in problems), problems


def test_a_foreign_witness_is_refused(ledger: Ledger, keys: Path, tmp_path: Path) -> None:
    _fill(ledger, 2)
    witness = _checkpoint(ledger, keys)
    other_keys = tmp_path / "other-keys"
    other = Ledger(f"sqlite:///{tmp_path / 'other.db'}", entry_key=ledger_key(other_keys))
    try:
        _fill(other, 2)
        ensure_identity(other_keys)
        foreign = _checkpoint(other, other_keys)
    finally:
        other.close()
    problems = _problems(ledger, keys, witness, foreign)
    assert any("another log" in p for p in problems), problems
    origin, _size, root = witness.note.text.splitlines()
    signature_line = witness.note.render().splitlines()[-1]
    forged_text = f"{origin}\n999\n{root}\n\n{signature_line}\n"
    forged = parse_checkpoint(forged_text.encode(), "forged")
    problems = _problems(ledger, keys, Witness("forged.note", forged))
    assert any("forged.note: not signed" in p for p in problems), problems


def test_an_incremental_audit_from_a_witness(ledger: Ledger, keys: Path) -> None:
    records = _fill(ledger, 5)
    witness = _checkpoint(ledger, keys)
    later = _fill(ledger, 3)
    _checkpoint(ledger, keys)
    identity = load_identity(keys)

    def incremental() -> list[str]:
        report = ledger.audit(
            identity.trust_anchors_pem,
            known_chains=[(identity.alg, identity.chain_pem)],
            since=witness,
        )
        problems = [problem for _, problem in report.problems]
        assert problems or any("not recomputed" in limit for limit in report.limits)
        return problems

    assert incremental() == []
    _sql(ledger, "UPDATE generations SET model_name = 'x' WHERE id = :g", g=later[1].id)
    assert any(later[1].id in p for p in incremental())
    _sql(ledger, "UPDATE generations SET model_name = 'x' WHERE id = :g", g=records[1].id)
    assert not any(records[1].id in p for p in incremental())  # the stated limit ...
    assert any(records[1].id in p for p in _problems(ledger, keys))  # ... a full audit sees
    _rewrite_history(ledger)
    assert any("rewritten history" in p for p in incremental())


def test_a_parallel_audit_reports_what_a_serial_one_does(
    ledger: Ledger, keys: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from safegen.ledger import proofs

    records = _fill(ledger, 12)
    _checkpoint(ledger, keys)
    identity = load_identity(keys)

    def both() -> tuple[list, list]:
        serial = ledger.audit(identity.trust_anchors_pem)
        monkeypatch.setattr(proofs, "PARALLEL_FROM", 0)
        parallel = ledger.audit(identity.trust_anchors_pem, workers=3)
        monkeypatch.setattr(proofs, "PARALLEL_FROM", 20_000)
        assert parallel.root_hash == serial.root_hash and parallel.entries == serial.entries
        return sorted(serial.problems, key=str), sorted(parallel.problems, key=str)

    serial, parallel = both()
    assert serial == parallel == []
    _sql(ledger, "UPDATE generations SET model_name = 'x' WHERE id = :g", g=records[2].id)
    _sql(ledger, "DELETE FROM entries WHERE seq = 5")  # at a range boundary of 3 workers
    _sql(ledger, "UPDATE entries SET prev_hash = :h WHERE seq = 9", h="00" * 32)
    serial, parallel = both()
    assert serial == parallel and len(serial) >= 3, (serial, parallel)
