"""Protected-image banks: images or hashes that no output may be a near-duplicate of.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bank_entries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("bank", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=255), nullable=False),
        sa.Column("pixel_sha256", sa.String(length=64), nullable=True),
        sa.Column("phash", sa.String(length=16), nullable=False),
        sa.Column("phash_0", sa.Integer(), nullable=False),
        sa.Column("phash_1", sa.Integer(), nullable=False),
        sa.Column("phash_2", sa.Integer(), nullable=False),
        sa.Column("phash_3", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_bank_entries_bank", "bank_entries", ["bank"])
    for i in range(4):
        op.create_index(f"ix_bank_entries_phash_{i}", "bank_entries", [f"phash_{i}"])


def downgrade() -> None:
    op.drop_table("bank_entries")
