"""The SQL ledger: every generation, blocked request and withheld image, append-only."""

from safegen.ledger.audit import AuditReport
from safegen.ledger.chain import verify_proof
from safegen.ledger.rows import AssetRow, BankMatch, GenerationRow, StatusChangeRow
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
    "AssetRow",
    "BankMatch",
    "GenerationRow",
    "StatusChangeRow",
    "AuditReport",
    "GenerationRecord",
    "Ledger",
    "LedgerReport",
    "SearchFilters",
    "make_engine",
    "redact",
    "verify_proof",
]
