"""The SQL ledger: every generation, blocked request and withheld image, append-only."""

from safegen.ledger.store import AssetRecord, GenerationRecord, Ledger, make_engine, redact

__all__ = ["AssetRecord", "GenerationRecord", "Ledger", "make_engine", "redact"]
