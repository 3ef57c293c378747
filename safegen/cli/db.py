"""`safegen db`: the ledger's database schema."""

from __future__ import annotations

from typing import Annotated

import typer

from safegen.cli._shared import load_config, open_ledger, out

app = typer.Typer(help="Manage the ledger database schema.", no_args_is_help=True)


@app.command("upgrade")
def db_upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
) -> None:
    """Create or upgrade the ledger schema (run once per deployment and release)."""
    from safegen.ledger import redact
    from safegen.ledger.migrate import upgrade

    with open_ledger(migrate=False) as ledger:
        before, after = upgrade(ledger.engine, revision)
    out.print(f"ledger {redact(load_config().resolved_ledger_url)}: {before or 'empty'} → {after}")
