"""Tamper evidence: the hash chain, audit, erasure, checkpoints, proofs, concurrent writers.

Every tamper is made with plain SQL, the way a careless or malicious
operator would, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text
from test_ledger import _generation

from safegen.crypto import signer_for
from safegen.errors import ChainBroken
from safegen.ledger import Ledger
from safegen.ledger.chain import verify_proof
from safegen.provenance.keys import ensure_identity, load_identity


@pytest.fixture
def ledger(ledger_url: str):  # type: ignore[no-untyped-def]
    ledger = Ledger(ledger_url)
    yield ledger
    ledger.close()


def _fill(ledger: Ledger, count: int = 5) -> list:
    records = [_generation([i * 7919 + 1, i * 104729 + 3]) for i in range(count)]
    for record in records:
        ledger.record(record)
    return records


def _seq_of(ledger: Ledger, subject: str) -> int:
    with ledger.engine.connect() as conn:
        return int(
            conn.execute(
                text("SELECT seq FROM entries WHERE subject = :s"), {"s": subject}
            ).scalar()
        )


def _sql(ledger: Ledger, statement: str, **params: object) -> None:
    with ledger.engine.begin() as conn:
        conn.execute(text(statement), params)


def test_a_clean_ledger_audits_clean(ledger: Ledger) -> None:
    records = _fill(ledger)
    ledger.change_status(records[1].id, "failed", "test", asset_ids=[records[1].assets[0].id])
    report = ledger.audit()
    assert report.ok, report.problems
    assert report.entries == 5 + 2 and report.head_seq == 7


@pytest.mark.parametrize(
    ("statement", "what"),
    [
        ("UPDATE generations SET model_name = 'other' WHERE id = :g", "generation field"),
        ("UPDATE generations SET prompt = 'something else' WHERE id = :g", "prompt"),
        ("UPDATE generations SET user_id = 'mallory' WHERE id = :g", "user"),
        ("UPDATE assets SET phash_2 = 1 WHERE generation_id = :g", "asset field"),
        ("UPDATE assets SET safety_scores = '{\"nsfw\": 0.9}' WHERE generation_id = :g", "json"),
        ("UPDATE generations SET status = 'blocked' WHERE id = :g", "status without a change"),
        ("DELETE FROM assets WHERE generation_id = :g", "deleted asset"),
        ("UPDATE generations SET personal_salt = NULL WHERE id = :g", "salt dropped"),
    ],
)
def test_any_edit_is_reported_at_its_entry(ledger: Ledger, statement: str, what: str) -> None:
    records = _fill(ledger)
    target = records[2].id
    _sql(ledger, statement, g=target)
    report = ledger.audit()
    assert not report.ok, what
    assert report.first_bad_seq == _seq_of(ledger, target), (what, report.problems)


def test_deleted_generation_deleted_entry_and_swapped_entries(ledger: Ledger) -> None:
    records = _fill(ledger)
    _sql(ledger, "DELETE FROM assets WHERE generation_id = :g", g=records[3].id)
    _sql(ledger, "DELETE FROM generations WHERE id = :g", g=records[3].id)
    report = ledger.audit()
    assert report.first_bad_seq == 4 and "deleted" in report.problems[0][1]


def test_deleted_entry_is_a_gap(ledger: Ledger) -> None:
    _fill(ledger)
    _sql(ledger, "DELETE FROM entries WHERE seq = 3")
    report = ledger.audit()
    assert report.first_bad_seq == 3


def test_swapped_entries_break_the_chain(ledger: Ledger) -> None:
    _fill(ledger)
    _sql(ledger, "UPDATE entries SET seq = -1 WHERE seq = 2")
    _sql(ledger, "UPDATE entries SET seq = 2 WHERE seq = 3")
    _sql(ledger, "UPDATE entries SET seq = 3 WHERE seq = -1")
    report = ledger.audit()
    assert report.first_bad_seq == 2, report.problems


def test_inserted_row_is_reported(ledger: Ledger) -> None:
    _fill(ledger, 2)
    _sql(
        ledger,
        "INSERT INTO generations (id, created_at, status, prompt_hash, prompt_storage, params, "
        "policy_pack, policy_version, policy_action, policy_categories, policy_hits, metadata) "
        "VALUES (:i, :t, 'delivered', '', 'none', '{}', 'x', '1', 'allow', '[]', '[]', '{}')",
        i=str(uuid.uuid4()),
        t=dt.datetime.now(dt.UTC),
    )
    report = ledger.audit()
    assert not report.ok
    assert any("inserted directly" in text for _, text in report.problems)


def test_truncated_tail_is_caught_by_the_head(ledger: Ledger) -> None:
    _fill(ledger)
    _sql(ledger, "DELETE FROM entries WHERE seq = 5")
    assert ledger.audit().first_bad_seq == 5


def test_erasure_removes_personal_content_and_keeps_the_chain(ledger: Ledger) -> None:
    records = _fill(ledger)
    assert ledger.erase(user="u", reason="GDPR request 17") == 5
    row = ledger.generation(records[0].id)
    assert row.prompt is None and row.user is None
    assert ledger.audit().ok
    assert ledger.erase(user="u") == 0  # nothing left to erase
    later = _generation([5])
    ledger.record(later)
    assert ledger.prune(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)) == 1
    assert ledger.audit().ok
    # Erased personal content cannot be quietly put back, salted or not.
    _sql(ledger, "UPDATE generations SET prompt = 'restored' WHERE id = :g", g=records[0].id)
    assert ledger.audit().first_bad_seq == _seq_of(ledger, records[0].id)
    _sql(
        ledger,
        "UPDATE generations SET personal_salt = :s WHERE id = :g",
        s="00" * 16,
        g=records[0].id,
    )
    assert ledger.audit().first_bad_seq == _seq_of(ledger, records[0].id)


def test_checkpoints_and_proofs(ledger: Ledger, tmp_path: Path) -> None:
    ensure_identity(tmp_path)
    identity = load_identity(tmp_path)
    alg, sign = signer_for(identity.key_pem)
    records = _fill(ledger, 3)
    with pytest.raises(Exception, match="no checkpoint covers"):
        ledger.proof(records[0].assets[0].id)
    checkpoint = ledger.checkpoint(sign, alg, identity.chain_pem)
    assert checkpoint["seq"] == 3
    _fill(ledger, 2)
    report = ledger.audit(identity.trust_anchors_pem)
    assert report.ok and report.checkpoints == 1

    proof = ledger.proof(records[0].assets[1].id)
    assert proof["entry"]["seq"] == 1 and proof["tree_size"] == 3
    assert len(proof["inclusion"]) == 2  # log2 of the tree, not the chain segment
    assert verify_proof(proof, identity.trust_anchors_pem) == []
    assert verify_proof(proof, b"") and verify_proof(proof, b"  \n")  # no root: never sound
    forged = {**proof, "record": {**proof["record"], "model_name": "other"}}
    assert verify_proof(forged, identity.trust_anchors_pem)
    other = tmp_path / "other"
    ensure_identity(other)
    assert any(
        "trusted root" in p for p in verify_proof(proof, load_identity(other).trust_anchors_pem)
    )

    # Rewriting history behind a checkpoint: delete the tail and fix the head.
    _sql(ledger, "DELETE FROM entries WHERE seq >= 2")
    _sql(
        ledger,
        "UPDATE chain_head SET seq = 1, "
        "entry_hash = (SELECT entry_hash FROM entries WHERE seq = 1)",
    )
    report = ledger.audit(identity.trust_anchors_pem)
    assert not report.ok
    assert any("checkpoint 1" in text for _, text in report.problems)
    # ... and the real key is not lent to the forgery: no checkpoint over a broken chain
    with pytest.raises(ChainBroken, match="fails its audit"):
        ledger.checkpoint(sign, alg, identity.chain_pem)


def _worker(url: str, count: int) -> None:
    ledger = Ledger(url)
    try:
        for i in range(count):
            record = _generation([i + 1])
            (watermark_id,) = ledger.reserve_watermark_ids(1)
            asset = replace(record.assets[0], watermark_id=watermark_id)
            ledger.record(replace(record, assets=[asset]))
    finally:
        ledger.close()


@pytest.mark.slow
def test_four_processes_writing_at_once(ledger: Ledger, ledger_url: str) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_worker, args=(ledger_url, 50)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=300)
        assert worker.exitcode == 0
    assert ledger.count_generations() == 200
    report = ledger.audit()
    assert report.ok and report.head_seq == 200, report.problems
    with ledger.engine.connect() as conn:
        ids = conn.execute(text("SELECT watermark_id FROM assets")).scalars().all()
    assert len(ids) == 200 and len(set(ids)) == 200


def test_upgrading_a_ledger_from_before_the_chain(ledger_url: str) -> None:
    from safegen.ledger.migrate import upgrade
    from safegen.ledger.store import make_engine

    engine = make_engine(ledger_url)
    upgrade(engine, "0001")
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as conn:
        for i in range(3):
            conn.execute(
                text(
                    "INSERT INTO generations (id, created_at, status, user_id, prompt, "
                    "prompt_hash, prompt_storage, params, policy_pack, policy_version, "
                    "policy_action, policy_categories, policy_hits, metadata) VALUES (:i, :t, "
                    "'delivered', 'old-user', 'an old prompt', '', 'plain', '{}', 'default', '1', "
                    "'allow', '[]', '[]', '{}')"
                ),
                {"i": f"old-{i}", "t": now + dt.timedelta(seconds=i)},
            )
        conn.execute(
            text(
                "INSERT INTO status_changes (generation_id, old_status, new_status, reason, "
                "created_at) VALUES ('old-1', 'pending', 'delivered', 'x', :t)"
            ),
            {"t": now},
        )
    upgrade(engine)
    engine.dispose()
    ledger = Ledger(ledger_url)
    try:
        report = ledger.audit()
        assert report.ok and report.entries == 4, report.problems
        ledger.record(_generation([1]))
        assert ledger.audit().ok
        assert ledger.generation("old-0").prompt == "an old prompt"
    finally:
        ledger.close()


def _first_use(url: str) -> None:
    _worker(url, 1)


@pytest.mark.slow
def test_workers_starting_on_an_empty_ledger_create_one_schema(ledger_url: str) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_first_use, args=(ledger_url,)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    ledger = Ledger(ledger_url)
    try:
        assert ledger.count_generations() == 4 and ledger.audit().ok
    finally:
        ledger.close()


def test_a_new_column_leaves_old_entries_auditable(ledger_url: str) -> None:
    """A 0.1 ledger (before the chain) upgrades to head: its backfilled version-1 entries
    audit clean although the models have columns they never committed to, and entries
    written after the upgrade commit to the new column (``policy_language``)."""
    from sqlalchemy import create_engine

    from safegen.ledger.migrate import upgrade

    engine = create_engine(ledger_url)
    upgrade(engine, "0001")
    old = str(uuid.uuid4())
    now = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO generations (id, created_at, status, prompt, prompt_hash, "
                "prompt_storage, params, policy_pack, policy_version, policy_action, "
                "policy_categories, policy_hits, metadata) VALUES (:id, :t, 'delivered', "
                "'a lake', 'h', 'plain', '{}', 'default', '1', 'allow', '[]', '[]', '{}')"
            ),
            {"id": old, "t": now},
        )
        conn.execute(
            text(
                'INSERT INTO assets (id, generation_id, "index", created_at, status, width, '
                "height, pixel_sha256, phash, phash_0, phash_1, phash_2, phash_3, "
                "safety_action, safety_scores) VALUES (:a, :g, 0, :t, 'delivered', 8, 8, 'p', "
                "'00000000000000ff', 0, 0, 0, 255, 'allow', '{}')"
            ),
            {"a": str(uuid.uuid4()), "g": old, "t": now},
        )
    upgrade(engine)
    engine.dispose()
    ledger = Ledger(ledger_url)
    try:
        new = replace(_generation([4242]), policy_language="tr")
        ledger.record(new)
        with ledger.engine.connect() as conn:
            rows = conn.execute(text("SELECT subject, content_version FROM entries")).all()
        versions = {subject: version for subject, version in rows}
        assert versions == {old: 1, new.id: 2}
        assert ledger.audit().ok, ledger.audit().problems
        _sql(ledger, "UPDATE generations SET policy_language = 'en' WHERE id = :g", g=new.id)
        report = ledger.audit()
        assert report.first_bad_seq == _seq_of(ledger, new.id), report.problems
        _sql(ledger, "UPDATE generations SET policy_language = 'tr' WHERE id = :g", g=new.id)
        _sql(ledger, "UPDATE generations SET model_name = 'x' WHERE id = :g", g=old)
        report = ledger.audit()
        assert report.first_bad_seq == _seq_of(ledger, old), report.problems
    finally:
        ledger.close()


def test_erasure_leaves_no_prompt_text_on_disk(tmp_path: Path) -> None:
    """SQLite: after an erasure neither the database file nor its WAL holds the prompt."""
    db = tmp_path / "erase.db"
    ledger = Ledger(f"sqlite:///{db}")
    try:
        secret = "zebra-crossing-at-4am-" + uuid.uuid4().hex
        record = replace(_generation([5]), prompt=secret, user_id="mallory-" + secret)
        ledger.record(record)
        on_disk = b"".join(p.read_bytes() for p in tmp_path.glob("erase.db*"))
        assert secret.encode() in on_disk  # the test can see it before
        assert ledger.erase(generation_ids=[record.id]) == 1
        on_disk = b"".join(p.read_bytes() for p in tmp_path.glob("erase.db*"))
        assert secret.encode() not in on_disk
        assert ledger.audit().ok
    finally:
        ledger.close()


def test_migration_0005_builds_the_tree_and_commits_bank_entries(ledger_url: str) -> None:
    """A ledger at 0004 with generations and bank entries: 0005 builds the Merkle tree over
    its entries, appends the bank entries, and marks where entry tags begin."""
    from safegen.ledger.migrate import upgrade
    from safegen.ledger.store import make_engine

    engine = make_engine(ledger_url)
    upgrade(engine, "0004")
    engine.dispose()
    old = Ledger(ledger_url, migrate=False)
    try:
        with old.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO bank_entries (bank, label, phash, phash_0, phash_1, phash_2, "
                    "phash_3, created_at) VALUES ('works', 'a', '00000000000000ff', 0, 0, 0, "
                    "255, :t)"
                ),
                {"t": dt.datetime.now(dt.UTC)},
            )
    finally:
        old.close()
    engine = make_engine(ledger_url)
    upgrade(engine)
    engine.dispose()
    ledger = Ledger(ledger_url, entry_key=b"k" * 32)
    try:
        report = ledger.audit()
        assert report.ok and report.entries == 1, report.problems
        with ledger.engine.connect() as conn:
            kinds = conn.execute(text("SELECT kind FROM entries")).scalars().all()
            tagged_from = conn.execute(text("SELECT tagged_from FROM chain_head")).scalar()
        assert kinds == ["bank"] and tagged_from == 2
        ledger.record(_generation([77]))
        report = ledger.audit()
        assert report.ok and report.entries == 2, report.problems
        assert ledger.tree_root() == (2, bytes.fromhex(report.root_hash))
    finally:
        ledger.close()
