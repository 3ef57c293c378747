"""Shared fixtures: a fresh SAFEGEN_HOME, a ledger on SQLite and PostgreSQL, one loaded model.

PostgreSQL tests use the server on 127.0.0.1:5432 (database ``test``), each
test in a schema of its own. Without a server they are skipped locally, but
in CI (``CI=true``) a missing server fails them: CI must exercise both.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_URL = os.environ.get(
    "SAFEGEN_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _postgres_available() -> str | None:
    """None when the server answers, else the reason it does not."""
    try:
        import psycopg
        from sqlalchemy.engine import make_url
    except ImportError as exc:
        return f"psycopg is not installed ({exc})"
    url = make_url(PG_URL)
    try:
        with psycopg.connect(
            host=url.host,
            port=url.port or 5432,
            user=url.username,
            dbname=url.database,
            password=url.password,
            connect_timeout=3,
        ):
            return None
    except psycopg.Error as exc:
        return f"PostgreSQL at {url.host}:{url.port} is not reachable: {exc}"


_PG_PROBLEM = _postgres_available()


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("SAFEGEN_LEDGER_URL", "SAFEGEN_POLICY", "SAFEGEN_PROMPT_STORAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SAFEGEN_HOME", str(tmp_path / "home"))


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def _postgres_schema_url() -> Iterator[str]:
    if _PG_PROBLEM is not None:
        if IN_CI:
            pytest.fail(f"CI=true but PostgreSQL is unavailable: {_PG_PROBLEM}")
        pytest.skip(_PG_PROBLEM)
    from sqlalchemy import create_engine, text

    schema = f"sg_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def ledger_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The same tests on the embedded default and on the deployment database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.db'}"
    else:
        yield from _postgres_schema_url()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    yield from _postgres_schema_url()


@pytest.fixture(scope="session")
def builtin_backend():  # type: ignore[no-untyped-def]
    """The shipped model, loaded once per test session (loading it is the slow part)."""
    from safegen.backends.builtin import BuiltinBackend

    return BuiltinBackend(threads=2)


@pytest.fixture(scope="session")
def nsfw_classifier():  # type: ignore[no-untyped-def]
    from safegen.safety import OpenNSFW

    return OpenNSFW()


@pytest.fixture
def safegen_factory(home: Path, builtin_backend, nsfw_classifier):  # type: ignore[no-untyped-def]
    """Builds SafeGen instances on the shared model; closes their ledgers afterwards."""
    from safegen import Config, SafeGen

    made: list[SafeGen] = []

    def make(ledger_url: str, **config: object) -> SafeGen:
        gen = SafeGen(
            Config(home=home, ledger_url=ledger_url, **config),  # type: ignore[arg-type]
            backend=builtin_backend,
            safety=nsfw_classifier,
        )
        made.append(gen)
        return gen

    yield make
    for gen in made:
        gen.close()
