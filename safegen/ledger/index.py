"""The near-duplicate index over perceptual hashes, and its linear twin.

:class:`PHashIndex` answers "which rows have a pHash within d bits of this one"
without a full scan: multi-index hashing over four 16-bit chunk columns, each
with its own covering index (DESIGN.md: it must not be a full scan at a million
records). :class:`LinearIndex` answers the same question by reading every row;
it is the reference the tests and benchmarks/ledger.py hold the index to. Both
serve assets and protected-bank entries alike: any model with ``id``, ``phash``
(16 hex digits) and ``phash_0`` .. ``phash_3``.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import Integer, any_, cast, func, literal, select, union
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from safegen.errors import ConfigError
from safegen.ledger.models import PHASH_CHUNKS

MAX_DISTANCE = 16
"""The widest search the index serves (bits of 64)."""

Unit = Callable[[], AbstractContextManager[Session]]


def phash_chunks(value: int) -> list[int]:
    """Split a 64-bit pHash into four 16-bit chunks, most significant first."""
    return [(value >> (16 * (PHASH_CHUNKS - 1 - i))) & 0xFFFF for i in range(PHASH_CHUNKS)]


def chunk_radii(max_distance: int) -> list[int]:
    """Per-chunk probe radii whose (radius + 1) sum to ``max_distance + 1``; -1 means no probe."""
    share, extra = divmod(max_distance + 1, PHASH_CHUNKS)
    return [share + (1 if i < extra else 0) - 1 for i in range(PHASH_CHUNKS)]


def check_distance(max_distance: int) -> None:
    if not 0 <= max_distance <= MAX_DISTANCE:
        raise ConfigError(
            f"max_distance must be between 0 and {MAX_DISTANCE} bits, not {max_distance}"
        )


def hamming_hex(a: str | None, b: str | None) -> int | None:
    """Bits that differ between two 16-digit hex pHashes (SQLite's ``safegen_hamming``)."""
    if a is None or b is None:
        return None
    return (int(a, 16) ^ int(b, 16)).bit_count()


def chunk_neighbours(chunk: int, radius: int) -> list[int]:
    """Every 16-bit value within Hamming ``radius`` of ``chunk``."""
    values = [chunk]
    frontier = [(chunk, -1)]
    for _ in range(radius):
        nxt = []
        for value, last in frontier:
            for bit in range(last + 1, 16):
                flipped = value ^ (1 << bit)
                values.append(flipped)
                nxt.append((flipped, bit))
        frontier = nxt
    return values


class PHashIndex:
    """Multi-index hashing over the chunk columns, in SQL."""

    def __init__(self, engine: Engine, unit: Unit) -> None:
        self.engine, self._unit = engine, unit

    def near(self, model: Any, phash: int, max_distance: int) -> list[tuple[Any, int]]:
        """(id, distance) of ``model`` rows whose pHash is within ``max_distance`` bits.

        Chunk *i* is probed with every value within ``chunk_radii(max_distance)[i]``
        bits of the query's chunk; the radii sum to ``max_distance - 3``, so a row
        within ``max_distance`` matches at least one probe (pigeonhole: if every
        chunk differed by more than its radius, the four differences would sum past
        ``max_distance``). One SELECT per chunk, united, so each reads its own
        covering index; the exact Hamming distance is checked in SQL
        (``bit_count`` on PostgreSQL, a registered function on SQLite), so only
        matches cross to Python.
        """
        check_distance(max_distance)
        query_hex = f"{phash:016x}"
        postgres = self.engine.dialect.name == "postgresql"
        if postgres:  # imported here: the dialect's module costs 50 ms of every SQLite start
            from sqlalchemy.dialects.postgresql import ARRAY, BIT

            distance = func.bit_count(
                cast(literal("x").concat(model.phash), BIT(64)).op("#")(
                    cast(literal("x" + query_hex), BIT(64))
                )
            )
        else:
            distance = func.safegen_hamming(model.phash, query_hex)
        selects = []
        for index, (chunk, radius) in enumerate(
            zip(phash_chunks(phash), chunk_radii(max_distance), strict=True)
        ):
            if radius < 0:
                continue
            column = getattr(model, f"phash_{index}")
            values = chunk_neighbours(chunk, radius)
            # PostgreSQL: one array parameter per chunk; planning 500 scalar parameters
            # costs more than the index probes themselves.
            probe = (
                column == any_(literal(values, ARRAY(Integer))) if postgres else column.in_(values)
            )
            selects.append(
                select(model.id, distance.label("distance")).where(probe, distance <= max_distance)
            )
        with self._unit() as session:
            rows = session.execute(union(*selects)).all()
        return [(row[0], int(row[1])) for row in rows]


class LinearIndex:
    """The same answers by reading every row: the index's reference, never for production."""

    def __init__(self, unit: Unit) -> None:
        self._unit = unit

    def near(self, model: Any, phash: int, max_distance: int) -> list[tuple[Any, int]]:
        check_distance(max_distance)
        with self._unit() as session:
            rows = session.execute(select(model.id, model.phash)).all()
        found = []
        for row_id, value in rows:
            distance = (int(value, 16) ^ phash).bit_count()
            if distance <= max_distance:
                found.append((row_id, distance))
        return found


__all__ = [
    "MAX_DISTANCE",
    "LinearIndex",
    "PHashIndex",
    "check_distance",
    "chunk_neighbours",
    "chunk_radii",
    "hamming_hex",
    "phash_chunks",
]
