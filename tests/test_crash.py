"""Crash safety: SIGKILL at random points of many generations, then check the invariants.

Every image at its final path has its ledger record; every delivered record has its
image (after the restart's recovery); no record is half written; the chain audits.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from safegen.ledger import Ledger, SearchFilters

KILLS = 50
WORKER = Path(__file__).with_name("crash_worker.py")


@pytest.mark.slow
def test_sigkill_at_random_points_loses_nothing(tmp_path: Path) -> None:
    home, out = tmp_path / "home", tmp_path / "out"
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    pack = tmp_path / "fast.yaml"  # a pack of its own, as a deployment would have
    pack.write_text("name: fast\nversion: '1'\nextends: default\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    rng = random.Random(1)
    args = [sys.executable, str(WORKER), str(home), url, str(out), str(pack)]
    killed = 0
    while killed < KILLS:
        proc = subprocess.Popen(
            [*args, "1000"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        assert proc.stdout is not None
        # Wait for one finished generation (start-up is over), then kill somewhere
        # inside the following ones: policy, safety, watermark, signing, write, commit, rename.
        line = proc.stdout.readline()
        assert line.strip() == b"done", proc.stderr.read() if proc.stderr else b""
        time.sleep(rng.uniform(0.0, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        killed += 1
    # And at each window of the delivery protocol, deterministically.
    for point in ("staged", "committed", "renamed-one") * 3:
        crashed = subprocess.run(
            [*args, "5"], capture_output=True, env={**env, "SAFEGEN_FAILPOINT": point}, timeout=120
        )
        assert crashed.returncode == -signal.SIGKILL, crashed.stderr.decode()[-2000:]
        killed += 1
    # Restart: recovery, then clean generations.
    finished = subprocess.run([*args, "2"], capture_output=True, env=env, timeout=120)
    assert finished.returncode == 0, finished.stderr.decode()[-2000:]

    files = {p.name.split(".")[0]: p for p in out.iterdir() if not p.name.startswith(".")}
    assert not [p for p in out.iterdir() if p.name.startswith(".")], "temporary files left"
    ledger = Ledger(url)
    try:
        assert ledger.audit().ok
        delivered = {}
        for generation in ledger.search(SearchFilters(), limit=100_000):
            assert generation.status in ("delivered", "failed", "withheld"), generation.status
            if generation.status == "delivered":
                assert len(generation.assets) == 2  # never half a generation
            for asset in generation.assets:
                if asset.status == "delivered":
                    delivered[asset.id] = asset.file_sha256
    finally:
        ledger.close()
    assert set(files) == set(delivered), "files and delivered records differ"
    for asset_id, path in files.items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == delivered[asset_id]
    assert len(files) >= 2 * (KILLS + 2)
    assert killed == KILLS + 9


def test_recover_leaves_files_another_live_process_is_delivering(
    safegen_factory, tmp_path: Path
) -> None:
    """Two workers share an output folder: one's recovery must not touch the other's staging."""
    import fcntl

    gen = safegen_factory(f"sqlite:///{tmp_path / 'ledger.db'}")
    out = tmp_path / "out"
    out.mkdir()
    live, dead = out / ".live-asset.png.tmp", out / ".dead-asset.png.tmp"
    dead.write_bytes(b"left by a killed process")
    with open(live, "wb") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # as the other worker's _stage_files holds it
        handle.write(b"being delivered")
        handle.flush()
        report = gen.recover(out)
        assert live.exists() and not dead.exists()
        assert report["removed"] == [dead.name]
    gen.recover(out)  # once its writer is gone, it is cleaned up like any other
    assert not live.exists()


def test_a_file_being_created_is_invisible_to_another_workers_recovery(
    safegen_factory, tmp_path: Path
) -> None:
    """The window between open() and flock(): the file exists only as .staging, which a
    recovery leaves alone until it is stale (its writer long dead)."""
    import os
    import time

    from safegen.delivery import STALE_STAGING_SECONDS

    gen = safegen_factory(f"sqlite:///{tmp_path / 'ledger.db'}")
    out = tmp_path / "out"
    out.mkdir()
    fresh, stale = out / ".fresh-asset.png.staging", out / ".stale-asset.png.staging"
    fresh.write_bytes(b"")  # a writer that has opened but not yet locked it
    stale.write_bytes(b"")
    old = time.time() - STALE_STAGING_SECONDS - 60
    os.utime(stale, (old, old))
    report = gen.recover(out)
    assert fresh.exists() and not stale.exists()
    assert report["removed"] == [stale.name]
    # and a real generation into the folder leaves neither kind behind
    gen.generate("a lighthouse at dusk", seed=2, steps=2, output_dir=out)
    assert not list(out.glob(".*.tmp")) and list(out.glob(".*.staging")) == [fresh]


@pytest.mark.parametrize("unnamed", [True, False])
def test_a_staged_file_is_locked_before_it_has_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unnamed: bool
) -> None:
    """On Linux the file has no name until it is locked (O_TMPFILE, then a link): a writer
    killed in between leaves nothing. Without O_TMPFILE, the .staging name and a rename."""
    import fcntl
    import os

    from safegen.delivery import _locked_file

    if not unnamed:
        monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    elif not hasattr(os, "O_TMPFILE"):
        pytest.skip("no O_TMPFILE here")
    temp = tmp_path / ".asset.png.tmp"
    handle = _locked_file(temp)
    try:
        handle.write(b"signed bytes")
        handle.flush()
        with open(temp, "rb") as other:
            with pytest.raises(BlockingIOError):
                fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
            assert other.read() == b"signed bytes"
        assert [p.name for p in tmp_path.iterdir()] == [temp.name]
    finally:
        handle.close()


@pytest.mark.slow
def test_two_processes_into_one_folder(tmp_path: Path) -> None:
    """Two workers generate into one folder on one SQLite ledger, 4 rounds of 50 each: every
    delivered image is in place, every file has its record, nothing staged is left."""
    home, out = tmp_path / "home", tmp_path / "out"
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    pack = tmp_path / "fast.yaml"
    pack.write_text("name: fast\nversion: '1'\nextends: default\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    args = [sys.executable, str(WORKER), str(home), url, str(out), str(pack), "50"]
    for round_ in range(1, 5):
        workers = [
            subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
            for _ in range(2)
        ]
        for worker in workers:
            _, stderr = worker.communicate(timeout=600)
            assert worker.returncode == 0, stderr.decode()[-2000:]
        ledger = Ledger(url)
        try:
            delivered = {
                asset.id
                for generation in ledger.search(SearchFilters(), limit=10_000)
                for asset in generation.assets
                if asset.status == "delivered"
            }
            assert ledger.audit().ok
        finally:
            ledger.close()
        files = {p.name.split(".")[0] for p in out.iterdir()}
        assert len(delivered) == round_ * 2 * 50 * 2, round_
        assert files == delivered, (round_, sorted(files ^ delivered)[:5])
