"""Protected-image banks: hashes of images that outputs must not copy.

Only hashes are stored, never pictures, so material that must not be kept
(known abusive images) can be registered by its pHash alone. Matching uses the
same near-duplicate index as the assets (:mod:`safegen.ledger.index`).
"""

from __future__ import annotations

from sqlalchemy import func, select

from safegen.errors import ConfigError
from safegen.ledger.chain import Appender, bank_content, row_values
from safegen.ledger.index import PHashIndex, Unit, phash_chunks
from safegen.ledger.models import BankEntry, utcnow
from safegen.ledger.rows import BankMatch


class Banks:
    def __init__(self, unit: Unit, index: PHashIndex, key: bytes | None = None) -> None:
        self._unit, self._index, self._key = unit, index, key

    def add(self, bank: str, phash: int, label: str, pixel_sha256: str | None = None) -> int:
        """Register an image (by its hashes) in a bank; returns the entry id."""
        if not bank or len(bank) > 64:
            raise ConfigError(f"a bank name must be 1 to 64 characters, not {bank!r}")
        chunks = phash_chunks(phash)
        with self._unit() as session:
            chain = Appender(session, self._key)
            entry = BankEntry(
                bank=bank,
                label=label[:255],
                pixel_sha256=pixel_sha256,
                phash=f"{phash:016x}",
                phash_0=chunks[0],
                phash_1=chunks[1],
                phash_2=chunks[2],
                phash_3=chunks[3],
                created_at=utcnow(),
            )
            session.add(entry)
            session.flush()
            chain.add("bank", str(entry.id), bank_content(row_values(entry)))
            chain.finish()
            return int(entry.id)

    def counts(self) -> dict[str, int]:
        """Bank names and how many entries each holds."""
        with self._unit() as session:
            rows = session.execute(
                select(BankEntry.bank, func.count())
                .group_by(BankEntry.bank)
                .order_by(BankEntry.bank)
            )
            return {bank: int(n) for bank, n in rows}

    def matches(self, phash: int, max_distance: int = 8) -> list[BankMatch]:
        """Bank entries within ``max_distance`` pHash bits, nearest first."""
        distances = dict(self._index.near(BankEntry, phash, max_distance))
        if not distances:
            return []
        with self._unit() as session:
            rows = session.scalars(select(BankEntry).where(BankEntry.id.in_(list(distances))))
            found = [BankMatch(row.bank, row.label, distances[row.id]) for row in rows]
        return sorted(found, key=lambda match: match.distance)


__all__ = ["Banks"]
