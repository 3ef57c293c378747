"""The SQL ledger: every generation, blocked request and withheld image, append-only."""

from safegen.ledger.chain import AuditReport, verify_proof
from safegen.ledger.store import (
    AssetRecord,
    GenerationRecord,
    Ledger,
    LedgerReport,
    SearchFilters,
    make_engine,
    redact,
)

__all__ = [
    "AssetRecord",
    "AuditReport",
    "GenerationRecord",
    "Ledger",
    "LedgerReport",
    "SearchFilters",
    "make_engine",
    "redact",
    "verify_proof",
]
