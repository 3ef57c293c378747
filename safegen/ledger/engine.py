"""Connecting to a ledger: one engine per URL, and URLs safe to print."""

from __future__ import annotations

import sqlite3
import time
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from safegen.errors import LedgerError
from safegen.ledger.index import hamming_hex


def _sqlite_pragmas(timeout: float) -> Any:
    def apply(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
        _write_ahead_log(cursor, timeout)
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        # Deleted and overwritten content is zeroed in the file, so an erased prompt does
        # not survive in free pages (the WAL is checkpointed after each erasure).
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()
        dbapi_conn.create_function("safegen_hamming", 2, hamming_hex, deterministic=True)

    return apply


def _write_ahead_log(cursor: Any, timeout: float) -> None:
    """Put the database in WAL mode, retrying while another connection holds it locked.

    Why retry here: switching a new database's journal takes an exclusive lock, and where
    two connections each hold a lock the other needs SQLite answers "database is locked"
    at once instead of calling the busy handler (which would deadlock). Workers starting
    together on an empty ledger met it (6 of 320 connections in a test of 8 at a time).
    """
    deadline = time.monotonic() + timeout
    delay = 0.005
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + delay > deadline:
                raise
            time.sleep(delay)
            delay = min(2 * delay, 0.2)


def make_engine(url: str, timeout: float = 30.0) -> Engine:
    """An engine for any SQLAlchemy URL; SQLite gets WAL, foreign keys and a busy timeout."""
    try:
        if url.startswith("sqlite"):
            from pathlib import Path

            from sqlalchemy.engine import make_url

            database = make_url(url).database
            if database and database != ":memory:":
                Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url, connect_args={"timeout": timeout})
            event.listen(engine, "connect", _sqlite_pragmas(timeout))
            return engine
        connect_args = {"connect_timeout": max(1, int(timeout))} if "postgresql" in url else {}
        return create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    except (SQLAlchemyError, ImportError, ValueError, OSError) as exc:
        raise LedgerError(f"cannot open ledger {redact(url)}: {exc}") from exc


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - any parse failure: show nothing of it
        return "<unparseable URL>"
