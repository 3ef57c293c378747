"""Ledger at scale: insert rates, near-duplicate search, search by user and time, audit.

Fills a fresh ledger with N synthetic generations (one asset each, a chained
entry each) through a bulk path (Core executemany, chain hashes computed
in Python exactly as the ledger does), then measures on each engine:

- insert rate: the bulk path, and one transaction per generation
  (``Ledger.record``, what workers do);
- near-duplicate query (radius 10 of 64 bits) p50/p95 with the chunk index
  (``Ledger.similar``), against a full SQL scan (every (id, phash) row read
  and compared) measured in the same run; every answer is checked against a
  linear in-memory reference;
- search by user and time range (``Ledger.search``) p50;
- an incremental audit from a witnessed checkpoint of the whole ledger, 1,000
  generations later;
- the Merkle tree: ms per generation recorded with the tree against the plain
  chain (the tree's node writes switched off), both on fresh ledgers in the same
  run; 4 worker processes recording at once; inclusion and consistency proofs
  (time, size) at the full size; checked with the RFC 9162 verifiers;
- a full ``audit``.

    python benchmarks/ledger.py --rows 1000000 [--engines sqlite,postgresql]

PostgreSQL: 127.0.0.1:5432, database ``test`` (override with
``--postgres-url``); the benchmark works in its own schema and drops it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from sqlalchemy import insert, select, text, update

from safegen.ledger import AssetRecord, GenerationRecord, Ledger, SearchFilters, merkle
from safegen.ledger.chain import (
    ASSETS,
    CHAIN_HEAD,
    ENTRIES,
    GENERATIONS,
    GENESIS,
    MERKLE_NODES,
    generation_content,
    new_entry,
    new_salt,
    personal_commit,
    sha256_hex,
)
from safegen.ledger.index import phash_chunks

USERS = 1000
RADIUS = 10
QUERIES = 200
BATCH = 10_000


def synthetic(count: int, start: dt.datetime, rng: random.Random) -> Iterator[tuple[dict, dict]]:
    for i in range(count):
        gen_id = str(uuid.UUID(int=rng.getrandbits(128)))
        created = start + dt.timedelta(seconds=i)
        user, prompt = f"user-{rng.randrange(USERS)}", f"synthetic prompt {i}"
        salt = new_salt()
        phash = rng.getrandbits(64)
        generation = {
            "id": gen_id,
            "created_at": created,
            "status": "delivered",
            "user_id": user,
            "prompt": prompt,
            "negative_prompt": None,
            "prompt_hash": sha256_hex(prompt.encode()),
            "prompt_storage": "plain",
            "params": {"n": 1},
            "seed": i,
            "backend": "builtin",
            "model_name": "bench-model",
            "model_revision": "1",
            "model_sha256": "0" * 64,
            "policy_pack": "default",
            "policy_version": "1",
            "policy_action": "allow",
            "policy_categories": [],
            "policy_hits": [],
            "metadata": {},
            "personal_salt": salt,
            "personal_commit": personal_commit(salt, prompt, None, user),
            "erased_at": None,
        }
        chunks = phash_chunks(phash)
        asset = {
            "id": str(uuid.UUID(int=rng.getrandbits(128))),
            "generation_id": gen_id,
            "index": 0,
            "created_at": created,
            "status": "delivered",
            "seed": i,
            "width": 512,
            "height": 512,
            "mime": "image/png",
            "file_sha256": None,
            "pixel_sha256": f"{rng.getrandbits(256):064x}",
            "phash": f"{phash:016x}",
            **{f"phash_{k}": chunks[k] for k in range(4)},
            "watermark_id": None,
            "watermark_alg": None,
            "manifest_id": None,
            "safety_action": "allow",
            "safety_scores": {"nsfw": 0.01},
        }
        yield generation, asset


def bulk_fill(ledger: Ledger, count: int, seed: int = 0) -> float:
    """Rows per second of the bulk path (generation + asset + entry per row)."""
    rng = random.Random(seed)
    start = time.perf_counter()
    seq, prev = 0, GENESIS
    now = dt.datetime.now(dt.UTC)
    base = now - dt.timedelta(seconds=count + 10)
    generations, assets, entries, nodes = [], [], [], []
    last_at_level: dict[int, bytes] = {}
    with ledger.engine.begin() as conn:
        for generation, asset in synthetic(count, base, rng):
            generations.append(generation)
            assets.append(asset)
            seq += 1
            content = generation_content(generation, [asset])
            entries.append(new_entry(seq, prev, "generation", generation["id"], content))
            prev = entries[-1]["entry_hash"]
            for level, index, value in merkle.appended_nodes(
                seq - 1, bytes.fromhex(prev), lambda level, _i: last_at_level[level]
            ):
                last_at_level[level] = value
                nodes.append({"level": level, "idx": index, "hash": value.hex()})
            if len(generations) >= BATCH:
                _flush(conn, generations, assets, entries)
                conn.execute(insert(MERKLE_NODES), nodes)
                nodes.clear()
        _flush(conn, generations, assets, entries)
        if nodes:
            conn.execute(insert(MERKLE_NODES), nodes)
        conn.execute(update(CHAIN_HEAD).values(seq=seq, entry_hash=prev))
    return count / (time.perf_counter() - start)


def _flush(conn, generations: list, assets: list, entries: list) -> None:  # type: ignore[no-untyped-def]
    if generations:
        conn.execute(insert(GENERATIONS), generations)
        conn.execute(insert(ASSETS), assets)
        conn.execute(insert(ENTRIES), entries)
    generations.clear()
    assets.clear()
    entries.clear()


def per_transaction_rate(ledger: Ledger, count: int) -> float:
    rng = random.Random(99)
    start = time.perf_counter()
    for i in range(count):
        ledger.record(_record(i, rng))
    return count / (time.perf_counter() - start)


def _record(i: int, rng: random.Random) -> GenerationRecord:
    record = GenerationRecord(
        id=str(uuid.uuid4()),
        status="delivered",
        prompt=f"worker prompt {i}",
        negative_prompt=None,
        prompt_hash="0" * 64,
        prompt_storage="plain",
        params={"n": 1},
        seed=i,
        user_id=f"user-{rng.randrange(USERS)}",
        policy_pack="default",
        policy_version="1",
        policy_action="allow",
        policy_categories=[],
        policy_hits=[],
    )
    record.assets.append(
        AssetRecord(
            id=str(uuid.uuid4()),
            index=0,
            status="delivered",
            seed=i,
            width=512,
            height=512,
            pixel_sha256=f"{rng.getrandbits(256):064x}",
            phash=rng.getrandbits(64),
            safety_action="allow",
            safety_scores={},
        )
    )
    return record


def tree_cost(engine: str, postgres_url: str, count: int) -> tuple[float, float]:
    """ms per recorded generation: the plain chain (tree node writes off), then with the tree,
    each on a fresh ledger of the same engine, in this run."""
    from safegen.ledger import chain

    results = []
    for with_tree in (False, True):
        with engine_url(engine, postgres_url) as url:
            ledger = Ledger(url, entry_key=b"k" * 32)
            real = chain.merkle.appended_nodes
            if not with_tree:
                chain.merkle.appended_nodes = lambda *_args: []  # type: ignore[assignment]
            try:
                per_transaction_rate(ledger, 20)  # warm
                rate = per_transaction_rate(ledger, count)
            finally:
                chain.merkle.appended_nodes = real  # type: ignore[assignment]
                ledger.close()
        results.append(1000.0 / rate)
    return results[0], results[1]


def _worker(url: str, seconds: float, seed: int, batch: int, out: object) -> None:
    ledger = Ledger(url, entry_key=b"k" * 32, migrate=False)
    rng, done = random.Random(seed), 0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        ledger.record_many([_record(done + i, rng) for i in range(batch)])
        done += batch
    ledger.close()
    out.put(done)  # type: ignore[attr-defined]


def concurrent_rate(url: str, workers: int = 4, seconds: float = 10.0, batch: int = 1) -> float:
    """Generations per second recorded by ``workers`` processes at once (bounded in time),
    each committing ``batch`` generations per transaction."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    procs = [
        context.Process(target=_worker, args=(url, seconds, seed, batch, queue))
        for seed in range(workers)
    ]
    for proc in procs:
        proc.start()
    total = sum(queue.get(timeout=seconds + 120) for _ in procs)
    for proc in procs:
        proc.join(timeout=60)
    return total / seconds


def proof_timings(ledger: Ledger, rng: random.Random, count: int = 100) -> dict[str, float]:
    """Inclusion and consistency proofs at the full tree: p50 ms, mean hashes, all verified."""
    size, root = ledger.tree_root()
    inclusion_ms, consistency_ms, sizes = [], [], []
    with ledger._unit() as session:
        full = ledger._nodes(session)
        for _ in range(count):
            index = rng.randrange(size)
            start = time.perf_counter()
            path = merkle.inclusion_proof(index, size, full)
            inclusion_ms.append((time.perf_counter() - start) * 1000)
            leaf = full(0, index)
            assert merkle.verify_inclusion(index, size, leaf, path, root)
            sizes.append(len(path))
            old = rng.randrange(1, size)
            start = time.perf_counter()
            proof = merkle.consistency_proof(old, size, full)
            consistency_ms.append((time.perf_counter() - start) * 1000)
            assert merkle.verify_consistency(old, size, merkle.root(old, full), root, proof)
    return {
        "inclusion_p50": percentile(inclusion_ms, 50),
        "consistency_p50": percentile(consistency_ms, 50),
        "hashes": float(np.mean(sizes)),
    }


def incremental_audit(ledger: Ledger, after: int) -> tuple[float, int]:
    """Seconds of an audit from a witnessed checkpoint of the whole ledger, after ``after``
    more generations; and how many entries it recomputed."""
    from safegen.crypto import signer_for
    from safegen.ledger.audit import Witness
    from safegen.ledger.note import parse_checkpoint
    from safegen.provenance.keys import ensure_identity, load_identity

    keys = Path(tempfile.mkdtemp(prefix="safegen-bench-keys-"))
    ensure_identity(keys)
    identity = load_identity(keys)
    alg, sign = signer_for(identity.key_pem)
    signed = ledger.checkpoint(sign, alg, identity.chain_pem)
    witness = Witness("bench.note", parse_checkpoint(signed["note"].encode(), "bench.note"))
    per_transaction_rate(ledger, after)
    report = ledger.audit(
        identity.trust_anchors_pem,
        known_chains=[(identity.alg, identity.chain_pem)],
        since=witness,
    )
    assert report.ok, report.problems
    return report.seconds, report.entries - witness.note.size


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


def near_duplicates(ledger: Ledger, rng: random.Random) -> dict[str, float]:
    with ledger.engine.connect() as conn:
        rows = conn.execute(select(ASSETS.c.id, ASSETS.c.phash)).all()
    ids = [r.id for r in rows]
    values = np.array([int(r.phash, 16) for r in rows], dtype=np.uint64)
    queries = []
    for i in range(QUERIES):
        if i % 2:  # planted: a stored hash with a few bits flipped
            base = int(values[rng.randrange(len(values))])
            for bit in rng.sample(range(64), rng.randrange(0, RADIUS + 1)):
                base ^= 1 << bit
            queries.append(base)
        else:
            queries.append(rng.getrandbits(64))

    def reference(query: int) -> set[str]:
        xor = np.bitwise_xor(values, np.uint64(query))
        counts = np.unpackbits(xor.view(np.uint8).reshape(-1, 8), axis=1).sum(axis=1)
        return {ids[k] for k in np.nonzero(counts <= RADIUS)[0]}

    indexed, scans, mismatches, hits = [], [], 0, 0
    for k, query in enumerate(queries):
        start = time.perf_counter()
        found = ledger.similar(query, RADIUS, limit=10_000)
        indexed.append((time.perf_counter() - start) * 1000)
        expected = reference(query)
        hits += len(expected)
        mismatches += {f.id for f in found} != expected
        if k < 10:  # the full scan is slow: ten are enough for its median
            start = time.perf_counter()
            with ledger.engine.connect() as conn:
                [
                    r.id
                    for r in conn.execute(select(ASSETS.c.id, ASSETS.c.phash))
                    if (int(r.phash, 16) ^ query).bit_count() <= RADIUS
                ]
            scans.append((time.perf_counter() - start) * 1000)
    return {
        "p50": percentile(indexed, 50),
        "p95": percentile(indexed, 95),
        "scan_p50": percentile(scans, 50),
        "mismatches": mismatches,
        "matches": hits,
    }


def user_time_search(ledger: Ledger, rng: random.Random) -> float:
    now = dt.datetime.now(dt.UTC)
    times = []
    for _ in range(50):
        filters = SearchFilters(
            user=f"user-{rng.randrange(USERS)}",
            since=now - dt.timedelta(days=rng.randrange(1, 30)),
        )
        start = time.perf_counter()
        ledger.search(filters, limit=50)
        times.append((time.perf_counter() - start) * 1000)
    return percentile(times, 50)


@contextmanager
def engine_url(engine: str, postgres_url: str) -> Iterator[str]:
    if engine == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{Path(folder) / 'bench.db'}"
        return
    from sqlalchemy import create_engine

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(postgres_url)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{postgres_url}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument(
        "--postgres-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/test"
    )
    parser.add_argument("--transactions", type=int, default=300)
    parser.add_argument("--worker-seconds", type=float, default=10.0)
    args = parser.parse_args()
    results = []
    tree = {}
    for engine in args.engines.split(","):
        plain_ms, tree_ms = tree_cost(engine, args.postgres_url, args.transactions)
        with engine_url(engine, args.postgres_url) as url:
            Ledger(url).close()  # the schema, before the workers start
            workers = concurrent_rate(url, 4, args.worker_seconds)
            batched = concurrent_rate(url, 4, args.worker_seconds, batch=10)
        tree[engine] = (plain_ms, tree_ms, workers, batched)
        with engine_url(engine, args.postgres_url) as url:
            ledger = Ledger(url)
            try:
                rng = random.Random(7)
                bulk = bulk_fill(ledger, args.rows)
                if engine == "postgresql":
                    # After a bulk load: statistics and the visibility map that index-only
                    # scans need (autovacuum does this in a live deployment).
                    with ledger.engine.connect().execution_options(
                        isolation_level="AUTOCOMMIT"
                    ) as conn:
                        conn.execute(text("VACUUM ANALYZE"))
                per_tx = per_transaction_rate(ledger, args.transactions)
                near = near_duplicates(ledger, rng)
                search_ms = user_time_search(ledger, rng)
                proofs = proof_timings(ledger, rng)
                report = ledger.audit()
                parallel = ledger.audit(workers=2)
                assert parallel.ok == report.ok and parallel.root_hash == report.root_hash
                incremental = incremental_audit(ledger, 1000)
                results.append((engine, bulk, per_tx, near, search_ms, report, parallel))
                tree[engine] += (proofs, incremental)
                print(f"{engine}: done", flush=True)
            finally:
                ledger.close()

    print(f"\nledger benchmark: {args.rows:,} generations (1 asset, 1 chain entry each)")
    print(
        f"{'engine':<11}{'bulk rows/s':>12}{'tx/s':>8}{'near p50 ms':>12}{'p95 ms':>8}"
        f"{'scan p50 ms':>12}{'scan/index':>11}{'exact':>7}{'user+time p50 ms':>17}"
        f"{'audit s':>9}{'2 proc s':>9}{'audit':>7}"
    )
    for engine, bulk, per_tx, near, search_ms, report, parallel in results:
        print(
            f"{engine:<11}{bulk:>12,.0f}{per_tx:>8.0f}{near['p50']:>12.2f}{near['p95']:>8.2f}"
            f"{near['scan_p50']:>12.1f}{near['scan_p50'] / near['p50']:>10.0f}x"
            f"{'yes' if near['mismatches'] == 0 else 'NO':>7}{search_ms:>17.2f}"
            f"{report.seconds:>9.1f}{parallel.seconds:>9.1f}{'ok' if report.ok else 'BROKEN':>7}"
        )
    print(
        f"near-duplicate: radius {RADIUS} of 64 bits, {QUERIES} queries (half planted), "
        "checked against a linear in-memory reference; scan = every (id, phash) row read"
    )
    print(f"\nMerkle tree ({args.transactions} transactions per fresh ledger; proofs at full size)")
    print(
        f"{'engine':<11}{'plain ms/gen':>13}{'tree ms/gen':>12}{'tree cost':>10}"
        f"{'4 workers gen/s':>16}{'batched x10':>12}{'incl p50 ms':>12}{'cons p50 ms':>12}"
        f"{'hashes':>7}"
    )
    for engine, (plain_ms, tree_ms, workers, batched, proofs, _) in tree.items():
        print(
            f"{engine:<11}{plain_ms:>13.2f}{tree_ms:>12.2f}{tree_ms - plain_ms:>+9.2f} "
            f"{workers:>16.0f}{batched:>12.0f}{proofs['inclusion_p50']:>12.2f}"
            f"{proofs['consistency_p50']:>12.2f}{proofs['hashes']:>7.1f}"
        )
    for engine, values in tree.items():
        seconds, recomputed = values[-1]
        print(
            f"{engine}: incremental audit from a witness of all {args.rows:,} entries, "
            f"{recomputed} entries after it: {seconds:.2f} s"
        )


if __name__ == "__main__":
    main()
