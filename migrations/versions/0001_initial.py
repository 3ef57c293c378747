"""Initial ledger schema: generations, assets, watermark reservations, status changes.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-24 00:40:58.474027
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "generations",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("user_id", sa.String(length=255), nullable=True),
        sa.Column("prompt", sa.Text(), nullable=True),
        sa.Column("negative_prompt", sa.Text(), nullable=True),
        sa.Column("prompt_hash", sa.String(length=64), nullable=False),
        sa.Column("prompt_storage", sa.String(length=8), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("seed", sa.BigInteger(), nullable=True),
        sa.Column("backend", sa.String(length=32), nullable=True),
        sa.Column("model_name", sa.String(length=255), nullable=True),
        sa.Column("model_revision", sa.String(length=255), nullable=True),
        sa.Column("model_sha256", sa.String(length=64), nullable=True),
        sa.Column("policy_pack", sa.String(length=255), nullable=False),
        sa.Column("policy_version", sa.String(length=64), nullable=False),
        sa.Column("policy_action", sa.String(length=16), nullable=False),
        sa.Column("policy_categories", sa.JSON(), nullable=False),
        sa.Column("policy_hits", sa.JSON(), nullable=False),
        sa.Column("metadata", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("generations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_generations_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_generations_model_name"), ["model_name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_generations_prompt_hash"), ["prompt_hash"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_generations_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_generations_user_id"), ["user_id"], unique=False)

    op.create_table(
        "watermark_reservations",
        sa.Column("watermark_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("reserved_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("watermark_id"),
    )
    op.create_table(
        "assets",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("generation_id", sa.String(length=36), nullable=False),
        sa.Column("index", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("seed", sa.BigInteger(), nullable=True),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("mime", sa.String(length=32), nullable=True),
        sa.Column("file_sha256", sa.String(length=64), nullable=True),
        sa.Column("pixel_sha256", sa.String(length=64), nullable=False),
        sa.Column("phash", sa.String(length=16), nullable=False),
        sa.Column("phash_0", sa.Integer(), nullable=False),
        sa.Column("phash_1", sa.Integer(), nullable=False),
        sa.Column("phash_2", sa.Integer(), nullable=False),
        sa.Column("phash_3", sa.Integer(), nullable=False),
        sa.Column("watermark_id", sa.BigInteger(), nullable=True),
        sa.Column("watermark_alg", sa.String(length=128), nullable=True),
        sa.Column("manifest_id", sa.String(length=128), nullable=True),
        sa.Column("safety_action", sa.String(length=16), nullable=False),
        sa.Column("safety_scores", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["generation_id"],
            ["generations.id"],
        ),
        sa.ForeignKeyConstraint(
            ["watermark_id"],
            ["watermark_reservations.watermark_id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("watermark_id"),
    )
    with op.batch_alter_table("assets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assets_file_sha256"), ["file_sha256"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_assets_generation_id"), ["generation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_assets_manifest_id"), ["manifest_id"], unique=False)
        batch_op.create_index("ix_assets_phash_0", ["phash_0"], unique=False)
        batch_op.create_index("ix_assets_phash_1", ["phash_1"], unique=False)
        batch_op.create_index("ix_assets_phash_2", ["phash_2"], unique=False)
        batch_op.create_index("ix_assets_phash_3", ["phash_3"], unique=False)
        batch_op.create_index(batch_op.f("ix_assets_pixel_sha256"), ["pixel_sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_assets_status"), ["status"], unique=False)

    op.create_table(
        "status_changes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("generation_id", sa.String(length=36), nullable=False),
        sa.Column("asset_id", sa.String(length=36), nullable=True),
        sa.Column("old_status", sa.String(length=16), nullable=False),
        sa.Column("new_status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["asset_id"],
            ["assets.id"],
        ),
        sa.ForeignKeyConstraint(
            ["generation_id"],
            ["generations.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("status_changes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_status_changes_generation_id"), ["generation_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("status_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_status_changes_generation_id"))

    op.drop_table("status_changes")
    with op.batch_alter_table("assets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assets_status"))
        batch_op.drop_index(batch_op.f("ix_assets_pixel_sha256"))
        batch_op.drop_index("ix_assets_phash_3")
        batch_op.drop_index("ix_assets_phash_2")
        batch_op.drop_index("ix_assets_phash_1")
        batch_op.drop_index("ix_assets_phash_0")
        batch_op.drop_index(batch_op.f("ix_assets_manifest_id"))
        batch_op.drop_index(batch_op.f("ix_assets_generation_id"))
        batch_op.drop_index(batch_op.f("ix_assets_file_sha256"))

    op.drop_table("assets")
    op.drop_table("watermark_reservations")
    with op.batch_alter_table("generations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_generations_user_id"))
        batch_op.drop_index(batch_op.f("ix_generations_status"))
        batch_op.drop_index(batch_op.f("ix_generations_prompt_hash"))
        batch_op.drop_index(batch_op.f("ix_generations_model_name"))
        batch_op.drop_index(batch_op.f("ix_generations_created_at"))

    op.drop_table("generations")
