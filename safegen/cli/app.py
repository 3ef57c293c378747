"""The root of the ``safegen`` command: global options and one line per command group.

Each group lives in its own module (``safegen/cli/<group>.py``) as a Typer
sub-app; what they share (consoles, JSON, the config, the ledger, option
types) is in ``_shared.py``. Human output (Rich) by default, ``--json`` for
machines. Modules that need torch or the models import them inside the
command, so ``safegen verify`` never loads what only ``generate`` uses.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Annotated

import typer

from safegen._version import __version__
from safegen.cli import bank, compliance, db, keys, ledger, policy
from safegen.cli._shared import fail, out
from safegen.cli.generate import generate
from safegen.cli.verify import verify

app = typer.Typer(
    name="safegen",
    help="Accountable image generation: policy, safety, watermark, C2PA and a ledger per image.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.command()(generate)
app.command()(verify)
app.command("recover")(ledger.ledger_recover)
app.add_typer(policy.app, name="policy")
app.add_typer(ledger.app, name="ledger")
app.add_typer(db.app, name="db")
app.add_typer(keys.app, name="keys")
app.add_typer(bank.app, name="bank")
app.add_typer(compliance.app, name="compliance")


def _version_callback(value: bool) -> None:
    if value:
        out.print(f"safegen {__version__}")
        raise typer.Exit(0)


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version_callback, is_eager=True, help="Print the version."
        ),
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log progress to stderr.")
    ] = False,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="Settings file (TOML; default $SAFEGEN_HOME/safegen.toml).",
            show_default=False,
        ),
    ] = None,
) -> None:
    if config is not None:
        os.environ["SAFEGEN_CONFIG"] = str(config)
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not verbose:
        # Libraries' own chatter (progress bars, deprecation notes) stays off the terminal.
        for name, value in (
            ("HF_HUB_DISABLE_PROGRESS_BARS", "1"),
            ("DIFFUSERS_VERBOSITY", "error"),
            ("TRANSFORMERS_VERBOSITY", "error"),
            ("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1"),
        ):
            os.environ.setdefault(name, value)
        for name in ("diffusers", "transformers", "c2pa"):
            logging.getLogger(name).setLevel(logging.ERROR)


__all__ = ["app", "fail"]
