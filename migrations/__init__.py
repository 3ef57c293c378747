"""Alembic migrations for the safegen ledger (shipped in the wheel as safegen._migrations)."""
