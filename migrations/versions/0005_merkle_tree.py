"""A Merkle tree over the entries, signed-note checkpoints, entry tags, committed bank entries.

- ``merkle_nodes``: the hash of every full subtree of the RFC 6962 tree over the
  entry hashes, built here for the existing entries (safegen/ledger/merkle.py).
- ``entries.tag``: HMAC-SHA256 of the entry hash under the deployment's ledger
  key; ``chain_head.tagged_from`` is the first entry that must carry one (the
  entries written before this revision have none).
- ``checkpoints.root_hash`` and ``origin``: checkpoints become C2SP signed notes.
- Existing bank entries are appended to the chain (kind ``bank``), so bank
  entries can no longer be inserted or edited unseen.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "merkle_nodes",
        sa.Column("level", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("idx", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("level", "idx"),
    )
    with op.batch_alter_table("entries") as batch:
        batch.add_column(sa.Column("tag", sa.String(length=64), nullable=True))
    with op.batch_alter_table("chain_head") as batch:
        batch.add_column(sa.Column("tagged_from", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("checkpoints") as batch:
        batch.add_column(sa.Column("root_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("origin", sa.String(length=255), nullable=True))

    from safegen.ledger.chain import backfill_tree

    backfill_tree(op.get_bind(), _tables())


def _tables():  # noqa: ANN202 - the schema as of this revision, frozen
    from safegen.ledger.chain import TreeTables

    text = sa.String
    return TreeTables(
        entries=sa.table(
            "entries",
            sa.column("seq", sa.BigInteger),
            *(sa.column(name, text) for name in (
                "kind", "subject", "content_sha256", "prev_hash", "entry_hash",
            )),  # fmt: skip
            sa.column("content_version", sa.Integer),
            sa.column("created_at", sa.DateTime(timezone=True)),
        ),
        merkle_nodes=sa.table(
            "merkle_nodes",
            sa.column("level", sa.Integer),
            sa.column("idx", sa.BigInteger),
            sa.column("hash", text),
        ),
        chain_head=sa.table(
            "chain_head",
            sa.column("id", sa.Integer),
            sa.column("ledger_id", text),
            sa.column("seq", sa.BigInteger),
            sa.column("entry_hash", text),
            sa.column("tagged_from", sa.BigInteger),
        ),
        bank_entries=sa.table(
            "bank_entries",
            sa.column("id", sa.Integer),
            *(sa.column(name, text) for name in ("bank", "label", "pixel_sha256", "phash")),
            *(sa.column(f"phash_{i}", sa.Integer) for i in range(4)),
            sa.column("created_at", sa.DateTime(timezone=True)),
        ),
    )


def downgrade() -> None:
    with op.batch_alter_table("checkpoints") as batch:
        batch.drop_column("origin")
        batch.drop_column("root_hash")
    with op.batch_alter_table("chain_head") as batch:
        batch.drop_column("tagged_from")
    with op.batch_alter_table("entries") as batch:
        batch.drop_column("tag")
    op.drop_table("merkle_nodes")
