"""Privacy: erasing personal content (prompts, user ids) while the record and the chain stay.

An erasure removes the prompt, the negative prompt and the user id of each
generation it covers and drops the salt their chain commitment was made with;
the hashes, the assets and the chain entries stay, so the audit still holds
and the images still trace. The erasure itself is a chain entry
(docs/compliance.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import select, update

from safegen.errors import ConfigError
from safegen.ledger.chain import Appender, erasure_content, row_values
from safegen.ledger.index import Unit
from safegen.ledger.models import Erasure, Generation, utcnow

BATCH = 500


class Privacy:
    def __init__(
        self, unit: Unit, key: bytes | None = None, flush: Callable[[], None] | None = None
    ) -> None:
        """``flush``: run after each erasure commits (the ledger's WAL checkpoint)."""
        self._unit, self._key, self._flush = unit, key, flush

    def erase(
        self,
        *,
        user: str | None = None,
        generation_ids: list[str] | None = None,
        reason: str = "erasure request",
    ) -> int:
        """Remove prompts and user ids of a user's (or the given) generations; recorded."""
        if not user and not generation_ids:
            raise ConfigError("erase needs a user or generation ids")
        condition = Generation.user_id == user if user else Generation.id.in_(generation_ids or [])
        return self._erase("erase", condition, None, reason)

    def prune(self, before: dt.datetime, reason: str = "retention") -> int:
        """Erase the personal content of every generation created before ``before``."""
        return self._erase("prune", Generation.created_at < before, before, reason)

    def _erase(self, kind: str, condition: Any, before: dt.datetime | None, reason: str) -> int:
        count = self._erase_rows(kind, condition, before, reason)
        if count and self._flush is not None:
            self._flush()
        return count

    def _erase_rows(
        self, kind: str, condition: Any, before: dt.datetime | None, reason: str
    ) -> int:
        with self._unit() as session:
            chain = Appender(session, self._key)
            ids = list(
                session.scalars(
                    select(Generation.id).where(condition, Generation.personal_salt.is_not(None))
                )
            )
            if not ids:
                return 0
            now = utcnow()
            for start in range(0, len(ids), BATCH):
                session.execute(
                    update(Generation)
                    .where(Generation.id.in_(ids[start : start + BATCH]))
                    .values(
                        prompt=None,
                        negative_prompt=None,
                        user_id=None,
                        personal_salt=None,
                        erased_at=now,
                    )
                )
            erasure = Erasure(
                created_at=now,
                kind=kind,
                generation_ids=ids if kind == "erase" else [],
                before=before,
                count=len(ids),
                reason=reason,
            )
            session.add(erasure)
            session.flush()
            chain.add("erasure", str(erasure.id), erasure_content(row_values(erasure)))
            chain.finish()
            return len(ids)


__all__ = ["Privacy"]
