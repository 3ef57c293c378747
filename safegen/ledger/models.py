"""The ledger's tables. Schema changes go through Alembic revisions in migrations/."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, BigInteger, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

PHASH_CHUNKS = 4
"""pHash is stored whole and as four 16-bit chunks, each indexed (multi-index hashing)."""


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Generation(Base):
    """One request: its prompt, parameters, model, policy decision and outcome."""

    __tablename__ = "generations"
    __table_args__ = (Index("ix_generations_created_at_id", "created_at", "id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, index=True
    )
    status: Mapped[str] = mapped_column(String(16), index=True)
    user_id: Mapped[str | None] = mapped_column(String(255), index=True)
    prompt: Mapped[str | None] = mapped_column(Text)
    negative_prompt: Mapped[str | None] = mapped_column(Text)
    prompt_hash: Mapped[str] = mapped_column(String(64), index=True)
    prompt_storage: Mapped[str] = mapped_column(String(8))
    params: Mapped[dict[str, Any]] = mapped_column(JSON)
    seed: Mapped[int | None] = mapped_column(BigInteger)
    backend: Mapped[str | None] = mapped_column(String(32))
    model_name: Mapped[str | None] = mapped_column(String(255), index=True)
    model_revision: Mapped[str | None] = mapped_column(String(255))
    model_sha256: Mapped[str | None] = mapped_column(String(64))
    policy_pack: Mapped[str] = mapped_column(String(255))
    policy_version: Mapped[str] = mapped_column(String(64))
    policy_action: Mapped[str] = mapped_column(String(16))
    policy_categories: Mapped[list[Any]] = mapped_column(JSON)
    policy_hits: Mapped[list[Any]] = mapped_column(JSON)
    policy_language: Mapped[str | None] = mapped_column(String(16), index=True)
    """The prompt's language as the policy detected it (ISO 639-1, "und" when unsure)."""
    extra: Mapped[dict[str, Any]] = mapped_column("metadata", JSON)
    personal_salt: Mapped[str | None] = mapped_column(String(32))
    """Random per generation; erased with the personal fields (see docs/compliance.md)."""
    personal_commit: Mapped[str | None] = mapped_column(String(64))
    """sha256(salt || prompt, negative prompt, user): what the chain commits to instead."""
    erased_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    assets: Mapped[list[Asset]] = relationship(back_populates="generation", order_by="Asset.index")


class Asset(Base):
    """One image of a generation, delivered or withheld, with every hash it can be found by."""

    __tablename__ = "assets"
    # Covering indexes: a near-duplicate probe reads (chunk, phash, id) from the index
    # alone, without visiting the table (3x faster at 1M rows).
    __table_args__ = tuple(
        Index(f"ix_assets_phash_{i}_cover", f"phash_{i}", "phash", "id")
        for i in range(PHASH_CHUNKS)
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    generation_id: Mapped[str] = mapped_column(ForeignKey("generations.id"), index=True)
    index: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    status: Mapped[str] = mapped_column(String(16), index=True)
    seed: Mapped[int | None] = mapped_column(BigInteger)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    mime: Mapped[str | None] = mapped_column(String(32))
    file_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    pixel_sha256: Mapped[str] = mapped_column(String(64), index=True)
    phash: Mapped[str] = mapped_column(String(16))
    phash_0: Mapped[int] = mapped_column(Integer)
    phash_1: Mapped[int] = mapped_column(Integer)
    phash_2: Mapped[int] = mapped_column(Integer)
    phash_3: Mapped[int] = mapped_column(Integer)
    watermark_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("watermark_reservations.watermark_id"), unique=True
    )
    watermark_alg: Mapped[str | None] = mapped_column(String(128))
    manifest_id: Mapped[str | None] = mapped_column(String(128), index=True)
    safety_action: Mapped[str] = mapped_column(String(16))
    safety_scores: Mapped[dict[str, Any]] = mapped_column(JSON)

    generation: Mapped[Generation] = relationship(back_populates="assets")


class WatermarkReservation(Base):
    """A watermark id taken before embedding, so two workers never embed the same id."""

    __tablename__ = "watermark_reservations"

    watermark_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    reserved_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class StatusChange(Base):
    """The only in-place update the ledger allows is a status change, and it is recorded here."""

    __tablename__ = "status_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    generation_id: Mapped[str] = mapped_column(ForeignKey("generations.id"), index=True)
    asset_id: Mapped[str | None] = mapped_column(ForeignKey("assets.id"))
    old_status: Mapped[str] = mapped_column(String(16))
    new_status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Entry(Base):
    """One link of the hash chain: entry_hash = sha256(prev_hash || canonical JSON of the entry).

    ``content_sha256`` commits to the subject row(s) in their canonical form
    (see safegen.ledger.chain); the rows themselves stay in their tables.
    """

    __tablename__ = "entries"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    content_sha256: Mapped[str] = mapped_column(String(64))
    content_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Which field list of its kind the entry commits to (safegen.ledger.chain.CONTENT_SCHEMAS)."""
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64), unique=True)
    tag: Mapped[str | None] = mapped_column(String(64))
    """HMAC-SHA256 of ``entry_hash`` under the deployment's ledger key (never in the database):
    an entry written by anyone who can write SQL but not read the key does not audit."""


class MerkleNode(Base):
    """The hash of one full subtree of the Merkle tree over entry hashes (see merkle.py)."""

    __tablename__ = "merkle_nodes"

    level: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    idx: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    hash: Mapped[str] = mapped_column(String(64))


class ChainHead(Base):
    """The single row every append locks: the last sequence number and hash."""

    __tablename__ = "chain_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    ledger_id: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(BigInteger)
    entry_hash: Mapped[str] = mapped_column(String(64))
    tagged_from: Mapped[int | None] = mapped_column(BigInteger)
    """The first entry that carries a tag (entries before migration 0005 have none)."""


class Checkpoint(Base):
    """A signed statement of the chain head at one moment."""

    __tablename__ = "checkpoints"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    seq: Mapped[int] = mapped_column(BigInteger, index=True)
    entry_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    statement: Mapped[str] = mapped_column(Text)
    signature: Mapped[str] = mapped_column(Text)
    alg: Mapped[str] = mapped_column(String(16))
    chain_pem: Mapped[str] = mapped_column(Text)
    root_hash: Mapped[str | None] = mapped_column(String(64))
    """The Merkle root over entries 1..seq; set on signed-note checkpoints (``statement`` is
    then the note text), None on version 1 JSON statements."""
    origin: Mapped[str | None] = mapped_column(String(255))


class Erasure(Base):
    """Personal content removed (by request or retention), itself an entry of the chain."""

    __tablename__ = "erasures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    kind: Mapped[str] = mapped_column(String(16))  # erase | prune
    generation_ids: Mapped[list[Any]] = mapped_column(JSON)
    before: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    count: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)


class BankEntry(Base):
    """A protected image (or only its hash): outputs near it are withheld."""

    __tablename__ = "bank_entries"
    __table_args__ = tuple(
        Index(f"ix_bank_entries_phash_{i}", f"phash_{i}") for i in range(PHASH_CHUNKS)
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    bank: Mapped[str] = mapped_column(String(64), index=True)
    label: Mapped[str] = mapped_column(String(255))
    pixel_sha256: Mapped[str | None] = mapped_column(String(64))
    phash: Mapped[str] = mapped_column(String(16))
    phash_0: Mapped[int] = mapped_column(Integer)
    phash_1: Mapped[int] = mapped_column(Integer)
    phash_2: Mapped[int] = mapped_column(Integer)
    phash_3: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
