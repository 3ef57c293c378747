"""Versioned chain entries; the policy's detected language on each generation.

Every entry stores the content version it commits to (existing entries are
version 1, whose field list is frozen in safegen.ledger.chain), so adding a
column no longer breaks the audit of older entries. Generation entries of
version 2 also commit to ``policy_language``.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entries") as batch:
        batch.add_column(
            sa.Column("content_version", sa.Integer(), nullable=False, server_default="1")
        )
    with op.batch_alter_table("generations") as batch:
        batch.add_column(sa.Column("policy_language", sa.String(length=16), nullable=True))
    op.create_index("ix_generations_policy_language", "generations", ["policy_language"])


def downgrade() -> None:
    op.drop_index("ix_generations_policy_language", table_name="generations")
    with op.batch_alter_table("generations") as batch:
        batch.drop_column("policy_language")
    with op.batch_alter_table("entries") as batch:
        batch.drop_column("content_version")
