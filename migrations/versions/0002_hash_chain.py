"""Tamper evidence: the hash chain, its head, signed checkpoints, erasures.

Adds the salted personal-content commitment to generations and chains every
existing generation and status change, oldest first, so an upgraded ledger
audits clean from its first record.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("generations") as batch:
        batch.add_column(sa.Column("personal_salt", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("personal_commit", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "entries",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("entry_hash"),
    )
    op.create_index("ix_entries_subject", "entries", ["subject"])
    op.create_table(
        "chain_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("ledger_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "checkpoints",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.Column("alg", sa.String(length=16), nullable=False),
        sa.Column("chain_pem", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_checkpoints_seq", "checkpoints", ["seq"])
    op.create_table(
        "erasures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("generation_ids", sa.JSON(), nullable=False),
        sa.Column("before", sa.DateTime(timezone=True), nullable=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_generations_created_at_id", "generations", ["created_at", "id"])
    for i in range(4):  # covering chunk indexes: near-duplicate probes never visit the table
        op.drop_index(f"ix_assets_phash_{i}", table_name="assets")
        op.create_index(f"ix_assets_phash_{i}_cover", "assets", [f"phash_{i}", "phash", "id"])

    from safegen.ledger.chain import backfill

    backfill(op.get_bind(), _tables())


def _tables():  # noqa: ANN202 - the schema as of this revision, frozen
    """The tables as they are after this revision, not as the live models say."""
    from safegen.ledger.chain import ChainTables

    when = sa.DateTime(timezone=True)
    text = sa.String
    return ChainTables(
        generations=sa.table(
            "generations",
            *(sa.column(name, text) for name in (
                "id", "status", "user_id", "prompt", "negative_prompt", "prompt_hash",
                "prompt_storage", "backend", "model_name", "model_revision", "model_sha256",
                "policy_pack", "policy_version", "policy_action", "personal_salt",
                "personal_commit",
            )),
            *(sa.column(name, sa.JSON) for name in (
                "params", "policy_categories", "policy_hits", "metadata",
            )),
            sa.column("seed", sa.BigInteger),
            sa.column("created_at", when),
            sa.column("erased_at", when),
        ),
        assets=sa.table(
            "assets",
            *(sa.column(name, text) for name in (
                "id", "generation_id", "status", "mime", "file_sha256", "pixel_sha256", "phash",
                "watermark_alg", "manifest_id", "safety_action",
            )),
            *(sa.column(name, sa.Integer) for name in (
                "index", "width", "height", "phash_0", "phash_1", "phash_2", "phash_3",
            )),
            sa.column("seed", sa.BigInteger),
            sa.column("watermark_id", sa.BigInteger),
            sa.column("safety_scores", sa.JSON),
            sa.column("created_at", when),
        ),
        status_changes=sa.table(
            "status_changes",
            sa.column("id", sa.Integer),
            *(sa.column(name, text) for name in (
                "generation_id", "asset_id", "old_status", "new_status", "reason",
            )),
            sa.column("created_at", when),
        ),
        entries=sa.table(
            "entries",
            sa.column("seq", sa.BigInteger),
            *(sa.column(name, text) for name in (
                "kind", "subject", "content_sha256", "prev_hash", "entry_hash",
            )),
            sa.column("created_at", when),
        ),
        chain_head=sa.table(
            "chain_head",
            sa.column("id", sa.Integer),
            sa.column("ledger_id", text),
            sa.column("seq", sa.BigInteger),
            sa.column("entry_hash", text),
        ),
    )  # fmt: skip


def downgrade() -> None:
    for i in range(4):
        op.drop_index(f"ix_assets_phash_{i}_cover", table_name="assets")
        op.create_index(f"ix_assets_phash_{i}", "assets", [f"phash_{i}"])
    op.drop_index("ix_generations_created_at_id", table_name="generations")
    op.drop_table("erasures")
    op.drop_index("ix_checkpoints_seq", table_name="checkpoints")
    op.drop_table("checkpoints")
    op.drop_table("chain_head")
    op.drop_index("ix_entries_subject", table_name="entries")
    op.drop_table("entries")
    with op.batch_alter_table("generations") as batch:
        batch.drop_column("erased_at")
        batch.drop_column("personal_commit")
        batch.drop_column("personal_salt")
