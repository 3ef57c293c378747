"""Alembic, driven from code: the migrations ship inside the package (safegen._migrations)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from safegen.errors import ConfigError, LedgerError

log = logging.getLogger(__name__)


def alembic_config(engine: Engine | None = None):
    from alembic.config import Config as AlembicConfig

    config = AlembicConfig()
    config.set_main_option("script_location", str(resources.files("safegen._migrations")))
    if engine is not None:
        config.set_main_option(
            "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
        )
    return config


SCHEMA_HEAD = "0005"
"""The newest migration's revision (tests check it against the migration scripts)."""


def _recorded_revision(engine: Engine) -> str | None:
    """The revision the database records, read with one query; None if there is none yet.

    Why not Alembic's MigrationContext: importing Alembic and reading its scripts costs
    about 0.1 s of every command that opens the ledger, to learn what one row says.
    """
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    return str(rows[0][0]) if len(rows) == 1 else None


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str]:
    """Run migrations up to ``revision``; returns (before, after)."""
    from alembic import command
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    known = [
        script.revision
        for script in ScriptDirectory.from_config(alembic_config(engine)).walk_revisions()
    ]
    if revision not in ("head", "heads") and revision not in known:
        raise ConfigError(
            f"no ledger schema revision {revision!r}; known: {', '.join(sorted(known))} or head"
        )
    try:
        before = current_revision(engine)
        with engine.begin() as connection:
            config = alembic_config(engine)
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
        return before, current_revision(engine) or ""
    except CommandError as exc:  # e.g. a downgrade target given to upgrade
        raise ConfigError(f"cannot upgrade the ledger to {revision!r}: {exc}") from exc
    except SQLAlchemyError as exc:
        raise LedgerError(f"migration failed: {getattr(exc, 'orig', None) or exc}") from exc


@contextmanager
def _creation_lock(engine: Engine) -> Iterator[None]:
    """Serialise first-use schema creation between processes (several workers start at once).

    SQLite: an exclusive lock on a file beside the database. PostgreSQL: a
    session advisory lock. Other engines: none.
    """
    if engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        import fcntl

        with open(f"{engine.url.database}.schema-lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            yield
        return
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(724101)"))
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(724101)"))
                connection.commit()
        return
    yield


def ensure_schema(engine: Engine) -> None:
    """Create the schema in an empty database; refuse to run on an outdated one.

    Why not upgrade silently: on a shared PostgreSQL ledger an upgrade is a
    deployment step (``safegen db upgrade``), not something a worker does.
    """
    try:
        if _recorded_revision(engine) == SCHEMA_HEAD:
            return  # the common case: an up-to-date ledger, without Alembic
        current = current_revision(engine)
        if current is None:
            with _creation_lock(engine):
                current = current_revision(engine)  # another process may have created it
                if current is None:
                    if "generations" in set(inspect(engine).get_table_names()):
                        raise LedgerError(
                            "the ledger has tables but no Alembic revision; run `safegen db "
                            "upgrade` after checking the database"
                        )
                    log.info("creating the ledger schema in %s", engine.url.render_as_string())
                    upgrade(engine)
                    current = current_revision(engine)
    except SQLAlchemyError as exc:
        raise LedgerError(
            f"cannot reach the ledger database "
            f"{engine.url.render_as_string(hide_password=True)}: "
            f"{getattr(exc, 'orig', None) or exc}"
        ) from exc
    head = head_revision()
    if current != head:
        raise LedgerError(
            f"the ledger schema is at revision {current}, this safegen needs {head}: "
            "run `safegen db upgrade`"
        )
