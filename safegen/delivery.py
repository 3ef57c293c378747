"""Delivery: no image leaves safegen without its ledger record, and no record claims an
image that was not delivered.

The protocol for one generation with an output folder:

1. **stage**: each signed image is written to a hidden ``.ASSET.ext.tmp`` beside its
   final path, fsynced, and held under an exclusive lock taken before the file has that
   name (on Linux before it has any name: :func:`_locked_file`). A full disk or a read-only
   folder shows up here, and the ledger records a failed generation instead;
2. **commit** the ledger record (one transaction). If that fails, the staged files go;
3. **rename** each file into place and fsync the folder. A rename that fails marks the
   images not yet moved as failed, in the ledger.

A crash between 1 and 3 leaves hidden files that :meth:`Delivery.recover` finishes
(committed: renamed into place) or removes (never committed) before the next
generation in that folder. ``SAFEGEN_FAILPOINT`` kills the process at each window
(tests/test_crash.py).
"""

from __future__ import annotations

import fcntl
import logging
import os
import signal
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from safegen.codes import Status
from safegen.errors import DeliveryError, LedgerError
from safegen.imaging import sha256_bytes

if TYPE_CHECKING:
    from safegen.api import GeneratedImage
    from safegen.ledger import GenerationRecord, Ledger

log = logging.getLogger(__name__)

STALE_STAGING_SECONDS = 600
"""A ``.staging`` file (created, not yet locked and renamed) older than this is a dead
writer's, and recover() removes it."""

_STAGED: dict[Path, Any] = {}
"""Open, locked handles of the temporary files this process is delivering (see recover)."""


class Delivery:
    """Stage, commit, rename: the last steps of the path, against one ledger."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    def commit(
        self,
        record: GenerationRecord,
        images: list[GeneratedImage],
        output_dir: str | Path | None,
    ) -> list[GeneratedImage]:
        """Record ``record`` and deliver ``images`` (into ``output_dir`` when given).

        Returns the images, with their paths when written.
        """
        temps = self._stage(record, images, output_dir)
        try:
            failpoint("staged")
            try:
                self.ledger.record(record)
            except LedgerError as exc:
                # Not committed, so not delivered: the staged files go (a crash here is
                # cleaned up by recover() instead).
                for temp in temps:
                    temp.unlink(missing_ok=True)
                raise LedgerError(f"{exc}; no image was delivered") from exc
            failpoint("committed")
            return self._rename(record, images, temps) if temps else images
        finally:
            release(temps)

    def recover(self, output_dir: str | Path) -> dict[str, list[str]]:
        """Finish or discard what a crash left in ``output_dir``; run before each generation.

        A hidden ``.ASSET.ext.tmp`` whose asset the ledger records as delivered,
        with the same sha256, was committed but not yet renamed: it is moved into
        place. Any other one was never committed: it is deleted, so nothing
        unrecorded is left behind. A file another live process is still
        delivering is skipped: its writer holds an exclusive lock on it until the
        rename, and the kernel drops that lock when the writer dies.
        """
        folder = Path(output_dir).expanduser()
        completed: list[str] = []
        removed: list[str] = []
        if not folder.is_dir():
            return {"completed": completed, "removed": removed}
        for temp in sorted(folder.glob(".*.tmp")):
            name = temp.name[1:].removesuffix(".tmp")
            asset_id, _, extension = name.partition(".")
            try:
                with open(temp, "rb") as handle:
                    try:
                        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    except BlockingIOError:
                        continue  # a live generation is delivering it
                    data = handle.read()
            except OSError:
                continue
            asset = self.ledger.asset(asset_id)
            if (
                asset is not None
                and asset.status == Status.DELIVERED
                and asset.file_sha256 == sha256_bytes(data)
            ):
                os.replace(temp, folder / f"{asset_id}.{extension}")
                completed.append(asset_id)
            else:
                temp.unlink(missing_ok=True)
                removed.append(temp.name)
        for staging in sorted(folder.glob(".*.staging")):  # a writer died before its rename
            try:
                if time.time() - staging.stat().st_mtime < STALE_STAGING_SECONDS:
                    continue  # maybe a live writer between open() and flock()
                with open(staging, "rb") as handle:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    staging.unlink(missing_ok=True)
                    removed.append(staging.name)
            except (BlockingIOError, OSError):
                continue
        if completed:
            fsync_dir(folder)
            log.warning(
                "recovered %d image(s) committed before a crash in %s", len(completed), folder
            )
        return {"completed": completed, "removed": removed}

    def _stage(
        self, record: GenerationRecord, images: list[GeneratedImage], output_dir: str | Path | None
    ) -> list[Path]:
        """Write each image to a hidden, locked temporary file beside its final path."""
        if output_dir is None or not images:
            return []
        folder = Path(output_dir).expanduser()
        temps: list[Path] = []
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for image in images:
                temp = folder / f".{image.asset_id}{image.extension}.tmp"
                handle = _locked_file(temp)
                temps.append(temp)
                _STAGED[temp] = handle
                handle.write(image.data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            release(temps)
            for temp in temps:
                temp.unlink(missing_ok=True)
            self.ledger.record(_failed(record, f"write to {folder}: {exc.strerror}"))
            raise DeliveryError(
                f"cannot write images to {folder}: {exc.strerror or exc}; generation "
                f"{record.id} is recorded as failed and no image was delivered"
            ) from exc
        return temps

    def _rename(
        self, record: GenerationRecord, images: list[GeneratedImage], temps: list[Path]
    ) -> list[GeneratedImage]:
        done: list[GeneratedImage] = []
        try:
            for image, temp in zip(images, temps, strict=True):
                final = temp.with_name(f"{image.asset_id}{image.extension}")
                os.replace(temp, final)
                done.append(replace(image, path=final))
                failpoint("renamed-one")
            fsync_dir(temps[0].parent)
        except OSError as exc:
            failed = [i.asset_id for i in images[len(done) :]]
            for temp in temps[len(done) :]:
                temp.unlink(missing_ok=True)
            self.ledger.change_status(
                record.id,
                Status.FAILED if not done else Status.DELIVERED,
                f"delivery failed: {exc.strerror or exc}",
                asset_ids=failed,
            )
            raise DeliveryError(
                f"could not move images into place: {exc.strerror or exc}; "
                f"{len(failed)} image(s) marked failed in the ledger"
            ) from exc
        return done


def _locked_file(temp: Path) -> Any:
    """An open file, exclusively locked before it appears at ``temp`` (recover() never sees
    it unlocked).

    Where the system has it (Linux), the file is made without a name (``O_TMPFILE``),
    locked, then linked at ``temp``: a writer killed before the link leaves nothing
    behind. Elsewhere it is created and locked under a ``.staging`` name recover() does
    not take, then renamed; a writer killed between the two leaves that name, which
    recover() removes once it is stale (a live writer may be about to lock it).
    """
    folder = temp.parent
    unnamed = getattr(os, "O_TMPFILE", 0)
    if unnamed:
        try:
            fd = os.open(folder, unnamed | os.O_WRONLY, 0o666)
        except OSError:  # the file system does not support it: the staging name below
            fd = -1
        if fd >= 0:
            handle = os.fdopen(fd, "wb")
            try:
                fcntl.flock(handle, fcntl.LOCK_EX)
                where = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
                try:  # linkat(AT_SYMLINK_FOLLOW) on /proc/self/fd: names the unnamed file
                    os.link(f"/proc/self/fd/{fd}", temp.name, dst_dir_fd=where)
                finally:
                    os.close(where)
                return handle
            except OSError:  # no /proc, say: the staging name below (it raises real faults)
                handle.close()
    staging = temp.with_suffix(".staging")
    handle = open(staging, "wb")  # noqa: SIM115 - held (locked) until delivered
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        os.rename(staging, temp)
    except OSError:
        handle.close()
        staging.unlink(missing_ok=True)
        raise
    return handle


def _failed(record: GenerationRecord, why: str) -> GenerationRecord:
    """The record of a generation whose images could not be written: failed, none delivered."""
    return replace(
        record,
        status=Status.FAILED,
        assets=[
            replace(asset, status=Status.FAILED) if asset.status == Status.DELIVERED else asset
            for asset in record.assets
        ],
        metadata={**record.metadata, "failure": why},
    )


def release(temps: list[Path]) -> None:
    """Close the staged files' handles, which drops their locks."""
    for temp in temps:
        handle = _STAGED.pop(temp, None)
        if handle is not None:
            handle.close()


def failpoint(name: str) -> None:
    """Crash testing: ``SAFEGEN_FAILPOINT=name`` kills the process here, as a power cut would.

    The points sit in the delivery protocol's windows (temporary files written;
    ledger committed; first file renamed); tests/test_crash.py uses them.
    """
    if os.environ.get("SAFEGEN_FAILPOINT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


def fsync_dir(folder: Path) -> None:
    """Make renames in ``folder`` durable (a directory entry is data too)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


__all__ = ["Delivery", "failpoint", "fsync_dir", "release"]
