"""Ledger: migrations agree with the models, records round-trip, near-duplicate search is exact."""

from __future__ import annotations

import random
import uuid
from dataclasses import replace

import pytest
from sqlalchemy import text

from safegen.errors import LedgerError
from safegen.ledger import AssetRecord, GenerationRecord, Ledger
from safegen.ledger.index import LinearIndex, chunk_neighbours, chunk_radii, phash_chunks
from safegen.ledger.migrate import head_revision
from safegen.ledger.models import Asset, BankEntry


def _generation(phashes: list[int], status: str = "delivered") -> GenerationRecord:
    gen_id = str(uuid.uuid4())
    record = GenerationRecord(
        id=gen_id,
        status=status,
        prompt="p",
        negative_prompt=None,
        prompt_hash="h" * 64,
        prompt_storage="plain",
        params={"n": len(phashes)},
        seed=1,
        user_id="u",
        policy_pack="default",
        policy_version="1",
        policy_action="allow",
        policy_categories=[],
        policy_hits=[],
    )
    for index, value in enumerate(phashes):
        record.assets.append(
            AssetRecord(
                id=str(uuid.uuid4()),
                index=index,
                status=status,
                seed=index,
                width=8,
                height=8,
                pixel_sha256=f"{random.getrandbits(256):064x}",
                phash=value,
                safety_action="allow",
                safety_scores={"nsfw": 0.0},
            )
        )
    return record


@pytest.fixture
def ledger(ledger_url: str):  # type: ignore[no-untyped-def]
    ledger = Ledger(ledger_url)
    yield ledger
    ledger.close()


def test_models_and_migrations_agree(ledger: Ledger) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from safegen.ledger.models import Base

    with ledger.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_schema_is_created_at_head(ledger: Ledger) -> None:
    from safegen.ledger.migrate import SCHEMA_HEAD, _recorded_revision, current_revision

    assert current_revision(ledger.engine) == head_revision()
    # The fast check on open reads the same row, and knows the newest migration: a new
    # migration without a new SCHEMA_HEAD fails here.
    assert _recorded_revision(ledger.engine) == SCHEMA_HEAD == head_revision()
    assert {"generations", "assets", "watermark_reservations", "status_changes"} <= set(
        ledger.tables()
    )


def test_outdated_schema_is_refused(ledger_url: str) -> None:
    first = Ledger(ledger_url)
    with first.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0000'"))
    first.close()
    with pytest.raises(LedgerError, match="run `safegen db upgrade`"):
        Ledger(ledger_url)


def test_record_and_find(ledger: Ledger) -> None:
    record = _generation([0x0123456789ABCDEF])
    [watermark_id] = ledger.reserve_watermark_ids(1)
    asset = replace(record.assets[0], file_sha256="f" * 64, watermark_id=watermark_id)
    record = replace(record, assets=[asset])
    ledger.record(record)
    row = ledger.generation(record.id)
    assert row is not None and row.assets[0].phash == "0123456789abcdef"
    assert [a.id for a in ledger.find_assets(file_sha256="f" * 64)] == [asset.id]
    assert [a.id for a in ledger.find_assets(pixel_sha256=asset.pixel_sha256)] == [asset.id]
    assert [a.id for a in ledger.find_assets(watermark_id=asset.watermark_id)] == [asset.id]
    assert ledger.find_assets(watermark_id=12345) == []


def test_watermark_ids_are_unique_and_must_be_reserved(ledger: Ledger) -> None:
    ids = ledger.reserve_watermark_ids(50)
    assert len(set(ids)) == 50 and all(0 < i < 2**32 for i in ids)
    record = _generation([1])
    record = replace(record, assets=[replace(record.assets[0], watermark_id=7)])  # never reserved
    with pytest.raises(LedgerError):
        ledger.record(record)
    assert ledger.generation(record.id) is None  # the transaction left nothing behind


def test_status_changes_are_recorded(ledger: Ledger) -> None:
    record = _generation([5])
    ledger.record(record)
    ledger.change_status(record.id, "failed", "disk full", asset_ids=[record.assets[0].id])
    row = ledger.generation(record.id)
    assert row.status == "failed" and row.assets[0].status == "failed"
    changes = ledger.status_changes(record.id)
    assert [(c.old_status, c.new_status) for c in changes] == [("delivered", "failed")] * 2


def _linear(values: list[tuple[str, int]], query: int, radius: int) -> set[str]:
    """The trivial twin of Ledger.similar: compare against every stored hash."""
    return {asset_id for asset_id, value in values if (value ^ query).bit_count() <= radius}


def test_similar_matches_linear_scan_on_random_and_planted_data(ledger: Ledger) -> None:
    rng = random.Random(42)
    queries = [rng.getrandbits(64) for _ in range(6)]
    hashes = [rng.getrandbits(64) for _ in range(300)]
    for query in queries:  # planted near neighbours at every distance up to 16
        for distance in range(0, 17):
            bits = rng.sample(range(64), distance)
            hashes.append(query ^ sum(1 << b for b in bits))
    stored: list[tuple[str, int]] = []
    for start in range(0, len(hashes), 50):
        record = _generation(hashes[start : start + 50])
        ledger.record(record)
        stored += [(a.id, a.phash) for a in record.assets]
    for query in queries:
        for radius in (0, 3, 4, 7, 8, 10, 12, 16):
            found = {a.id for a in ledger.similar(query, radius, limit=10_000)}
            assert found == _linear(stored, query, radius), (query, radius)
            twin = LinearIndex(ledger._unit).near(Asset, query, radius)
            assert sorted(ledger.index.near(Asset, query, radius)) == sorted(twin)
    for value in hashes[:40]:  # banks use the same index
        ledger.bank_add("works", value, "w")
    for query in queries:
        for radius in (0, 8, 16):
            twin = LinearIndex(ledger._unit).near(BankEntry, query, radius)
            assert sorted(ledger.index.near(BankEntry, query, radius)) == sorted(twin)
    nearest = ledger.similar(queries[0], 16, limit=3)
    assert [a.distance for a in nearest] == sorted(a.distance for a in nearest)


def test_chunk_helpers() -> None:
    assert phash_chunks(0x0001000200030004) == [1, 2, 3, 4]
    assert len(chunk_neighbours(0, 2)) == 1 + 16 + 120
    assert len(set(chunk_neighbours(0xBEEF, 3))) == 1 + 16 + 120 + 560
    assert chunk_radii(10) == [2, 2, 2, 1] and chunk_radii(8) == [2, 1, 1, 1]
    assert chunk_radii(0) == [0, -1, -1, -1]  # an exact match needs one chunk probed
    rng = random.Random(5)
    for max_distance in range(17):  # pigeonhole: some chunk is within its radius
        radii = chunk_radii(max_distance)
        assert sum(r + 1 for r in radii) == max_distance + 1
        for _ in range(300):
            other = rng.getrandbits(64)
            flipped = other ^ sum(1 << b for b in rng.sample(range(64), max_distance))
            pairs = zip(phash_chunks(other), phash_chunks(flipped), strict=True)
            assert any((a ^ b).bit_count() <= r for (a, b), r in zip(pairs, radii, strict=True))


def test_unreachable_database_is_a_clear_error() -> None:
    with pytest.raises(LedgerError, match="cannot reach the ledger database"):
        Ledger("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")


def test_record_many_is_one_transaction(ledger_url: str) -> None:
    ledger = Ledger(ledger_url, entry_key=b"k" * 32)
    try:
        first = [_generation([i + 1]) for i in range(3)]
        ledger.record_many(first)
        assert ledger.count_generations() == 3 and ledger.audit().ok
        clash = [_generation([10]), first[0]]  # the second is already there: neither lands
        with pytest.raises(LedgerError, match="refused"):
            ledger.record_many(clash)
        assert ledger.count_generations() == 3 and ledger.audit().ok
    finally:
        ledger.close()
