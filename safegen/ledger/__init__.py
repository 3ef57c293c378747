"""The SQL ledger: every generation, blocked request and withheld image, append-only."""

from safegen.ledger.audit import AuditReport
from safegen.ledger.chain import verify_proof
from safegen.ledger.engine import make_engine, redact
from safegen.ledger.reads import LedgerReport, SearchFilters
from safegen.ledger.rows import AssetRow, BankMatch, GenerationRow, StatusChangeRow
from safegen.ledger.store import AssetRecord, GenerationRecord, Ledger

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
