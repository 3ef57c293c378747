"""Database and disk faults: clear errors, no delivered image without a record, no record
claiming an image that was not written."""

from __future__ import annotations

import sqlite3
import subprocess
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from safegen import Config, SafeGen
from safegen.errors import DeliveryError, LedgerError
from safegen.ledger import Ledger

STEPS = 2


def _files(folder: Path) -> list[Path]:
    return sorted(folder.iterdir()) if folder.exists() else []


def test_sqlite_lock_timeout_delivers_nothing(
    home: Path, tmp_path: Path, builtin_backend, nsfw_classifier
) -> None:
    db = tmp_path / "ledger.db"
    url = f"sqlite:///{db}"
    Ledger(url).close()
    gen = SafeGen(
        Config(home=home, ledger_url=url, ledger_timeout=1.0),
        backend=builtin_backend,
        safety=nsfw_classifier,
    )
    out = tmp_path / "out"
    try:
        gen.generate("warm up", steps=STEPS)  # ledger open, models loaded
        blocker = sqlite3.connect(db, isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")  # another process holds the write lock
        try:
            with pytest.raises(LedgerError, match="locked"):
                gen.generate("a calm sea", steps=STEPS, output_dir=out)
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert _files(out) == []  # nothing delivered, no temporary file left
        assert gen.generate("a calm sea", steps=STEPS, output_dir=out).status == "delivered"
    finally:
        gen.close()


def test_read_only_ledger_fails_before_any_work(
    home: Path, tmp_path: Path, builtin_backend, nsfw_classifier
) -> None:
    db = tmp_path / "ledger.db"
    Ledger(f"sqlite:///{db}").close()
    url = f"sqlite:///file:{db}?mode=ro&uri=true"
    gen = SafeGen(
        Config(home=home, ledger_url=url), backend=builtin_backend, safety=nsfw_classifier
    )
    out = tmp_path / "out"
    try:
        with pytest.raises(LedgerError, match="readonly|read-only"):
            gen.generate("a calm sea", steps=STEPS, output_dir=out)
    finally:
        gen.close()
    assert _files(out) == []


def test_full_disk_records_a_failure(
    home: Path, tmp_path: Path, builtin_backend, nsfw_classifier
) -> None:
    small = tmp_path / "small"
    small.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(small)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    gen = SafeGen(
        Config(home=home, ledger_url=url), backend=builtin_backend, safety=nsfw_classifier
    )
    try:
        with pytest.raises(DeliveryError, match="No space left"):
            gen.generate("a calm sea", n=2, steps=STEPS, output_dir=small)
        assert _files(small) == []  # the partial temporary file was removed
        (row,) = gen.ledger.list_generations(limit=1)
        assert row.status == "failed" and "No space left" in row.metadata["failure"]
        assert all(a.status == "failed" for a in row.assets)
        assert gen.ledger.audit().ok
    finally:
        gen.close()
        subprocess.run(["umount", str(small)], check=False)


@pytest.mark.postgres
def test_postgres_connections_dropped_mid_run(
    home: Path, postgres_url: str, tmp_path: Path, builtin_backend, nsfw_classifier
) -> None:
    """As after a server restart: every connection is killed between two generations."""
    gen = SafeGen(
        Config(home=home, ledger_url=postgres_url), backend=builtin_backend, safety=nsfw_classifier
    )
    try:
        first = gen.generate("a calm sea", steps=STEPS, output_dir=tmp_path)
        # The ledger's pooled connection(s), found from inside, killed from outside.
        with gen.ledger.engine.connect() as conn:
            pid = conn.execute(text("SELECT pg_backend_pid()")).scalar()
        killer = Ledger(postgres_url, migrate=False)
        with killer.engine.connect() as conn:
            killed = conn.execute(
                text("SELECT count(pg_terminate_backend(:p))"), {"p": pid}
            ).scalar()
        killer.close()
        assert killed >= 1
        second = gen.generate("a calm sea", steps=STEPS, output_dir=tmp_path)
        assert second.status == "delivered" and first.generation_id != second.generation_id
        assert gen.ledger.audit().ok
    finally:
        gen.close()


def test_threads_generating_at_once(safegen_factory, tmp_path: Path) -> None:
    gen = safegen_factory(f"sqlite:///{tmp_path / 'ledger.db'}")
    errors: list[BaseException] = []

    def work(k: int) -> None:
        try:
            for i in range(3):
                gen.generate(
                    f"thread {k} image {i}",
                    seed=k * 10 + i,
                    steps=STEPS,
                    output_dir=tmp_path / "out",
                )
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert len(_files(tmp_path / "out")) == 12
    report = gen.ledger.audit()
    assert report.ok and report.entries == 12
