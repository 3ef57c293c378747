"""What every command shares: consoles, JSON output, the config, the ledger, option types.

Human output goes to ``out`` (stdout, Rich); notes, progress and errors to
``err`` (stderr), so ``--json`` output stays clean on stdout.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console

from safegen.backends import BACKENDS
from safegen.errors import SafegenError

if TYPE_CHECKING:
    from pathlib import Path

    from safegen.config import Config
    from safegen.ledger import Ledger

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

ACTION_COLOURS = {"allow": "green", "review": "yellow", "block": "red"}


def fail(exc: SafegenError) -> NoReturn:
    """Print a SafegenError on one line and exit with its code."""
    from rich.markup import escape

    err.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False, markup=True)
    raise SystemExit(int(exc.exit_code))


def emit_json(obj: Any) -> None:
    """One JSON document on one line of stdout (JSON Lines when called per item)."""
    sys.stdout.write(json.dumps(obj, sort_keys=False, default=str) + "\n")
    sys.stdout.flush()


def load_config(**overrides: Any) -> Config:
    from safegen.config import Config

    return Config.from_env(**overrides)


@contextmanager
def open_ledger(*, migrate: bool = True) -> Iterator[Ledger]:
    """The deployment's ledger for one command, closed however the command ends."""
    from safegen.ledger import Ledger
    from safegen.provenance.keys import ledger_key

    config = load_config()
    ledger = Ledger(
        config.resolved_ledger_url, migrate=migrate, entry_key=ledger_key(config.keys_dir)
    )
    try:
        yield ledger
    finally:
        ledger.close()


def with_phash(image: Path, query: Callable[[Ledger, int], Any]) -> Any:
    """Read an image (with verify's limits), then run ``query(ledger, phash)``."""
    from safegen.imaging import hash_image, read_input_image

    _data, picture = read_input_image(image)
    with open_ledger() as ledger:
        return query(ledger, hash_image(picture).phash)


@contextmanager
def progress(enabled: bool, total: int, label: str = "working") -> Iterator[Callable[[], None]]:
    """A Rich progress bar on stderr when ``enabled``; yields a function that advances it."""
    if not enabled:
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    bar = Progress(label, BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=err)
    bar.start()
    task = bar.add_task(label, total=total)
    try:
        yield lambda: bar.advance(task)
    finally:
        bar.stop()


def spinner(enabled: bool, text: str) -> Any:
    """A spinner on stderr while a long step runs (only on a terminal)."""
    from contextlib import nullcontext

    return err.status(text, spinner="dots") if enabled and err.is_terminal else nullcontext()


def when(value: str | None, name: str) -> dt.datetime | None:
    """ISO date/time (UTC if no zone) or a relative age like 30d, 12h, 45m."""
    if not value:
        return None
    match = re.fullmatch(r"(\d+)([dhm])", value.strip())
    if match:
        amount, unit = int(match.group(1)), match.group(2)
        delta = {"d": dt.timedelta(days=amount), "h": dt.timedelta(hours=amount)}.get(
            unit, dt.timedelta(minutes=amount)
        )
        return dt.datetime.now(dt.UTC) - delta
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(
            f"{name} must be an ISO date or time (2026-11-01, 2026-11-01T12:00) or an age "
            f"(30d, 12h, 45m), not {value!r}"
        ) from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


# -- enumerated options: a typo is a usage error (exit 64), never an empty answer -----------


class StatusChoice(StrEnum):
    delivered = "delivered"
    blocked = "blocked"
    withheld = "withheld"
    failed = "failed"
    pending = "pending"


BackendChoice = StrEnum("BackendChoice", {name: name for name in BACKENDS})  # type: ignore[misc]
"""``--backend``: the names of :data:`safegen.backends.BACKENDS`, nothing to keep in step."""


class ImageFormat(StrEnum):
    png = "png"
    jpeg = "jpeg"
    webp = "webp"


class TableFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"


def value(choice: StrEnum | None) -> str | None:
    """The plain string of an enumerated option (the ledger and the API take strings)."""
    return None if choice is None else str(choice.value)


JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]
JsonLinesOpt = Annotated[bool, typer.Option("--json", help="JSON Lines: one object per item.")]
StatusOpt = Annotated[
    StatusChoice | None,
    typer.Option("--status", help="Generation status.", case_sensitive=False),
]
UserOpt = Annotated[str | None, typer.Option("--user", help="User id.")]
ModelOpt = Annotated[str | None, typer.Option("--model", help="Model name.")]
CategoryOpt = Annotated[
    str | None, typer.Option("--category", help="Policy category, e.g. sexual, violence.")
]
SinceOpt = Annotated[str | None, typer.Option("--since", help="ISO time or age (30d).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="ISO time or age (exclusive).")]
