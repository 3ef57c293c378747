"""`safegen bank`: protected-image banks; outputs near their images are withheld."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from safegen.cli._shared import (
    emit_json,
    err,
    open_ledger,
    out,
    with_phash,
)
from safegen.codes import ExitCode

app = typer.Typer(
    help="Protected-image banks: outputs near these images are withheld.", no_args_is_help=True
)


@app.command("add")
def bank_add(
    bank: Annotated[str, typer.Argument(help="Bank name, e.g. copyrighted-works.")],
    images: Annotated[
        list[Path] | None, typer.Argument(help="Images (or folders) to protect.")
    ] = None,
    phash: Annotated[
        list[str] | None,
        typer.Option("--phash", help="A 64-bit pHash in hex: register a hash only (repeatable)."),
    ] = None,
    label: Annotated[str | None, typer.Option(help="Label recorded with each entry.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Register images, or only their perceptual hashes, in a bank.

    Only hashes are stored, never the pictures: material that must not be
    kept (known abusive images) can be registered by its pHash alone.
    """
    from safegen.errors import ImageInputError
    from safegen.imaging import hash_image, read_input_image
    from safegen.verify import iter_inputs

    if not images and not phash:
        raise typer.BadParameter("give IMAGE paths or --phash values")
    entries: list[tuple[int, str, str | None]] = []
    for value in phash or []:
        try:
            number = int(value, 16)
            if not 0 <= number < 2**64:
                raise ValueError
        except ValueError as exc:
            raise typer.BadParameter(f"--phash must be 16 hex digits, not {value!r}") from exc
        entries.append((number, label or f"phash {value}", None))
    errors = 0
    for path in iter_inputs(images or []):
        try:
            _data, picture = read_input_image(path)
        except ImageInputError as exc:
            err.print(f"[red]error:[/] {exc}", highlight=False)
            errors += 1
            continue
        hashes = hash_image(picture)
        entries.append((hashes.phash, label or path.name, hashes.pixel_sha256))
    with open_ledger() as ledger:
        ids = [ledger.bank_add(bank, value, text, sha) for value, text, sha in entries]
    if as_json:
        emit_json({"bank": bank, "added": len(ids), "errors": errors})
    else:
        out.print(
            f"added {len(ids)} entries to bank {bank!r}"
            + (f" ({errors} unreadable)" if errors else "")
        )
    if errors:
        raise SystemExit(ExitCode.BAD_INPUT)


@app.command("list")
def bank_list(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Banks and their sizes."""
    with open_ledger() as ledger:
        banks = ledger.banks()
    if as_json:
        emit_json(banks)
        return
    table = Table(title="protected-image banks")
    table.add_column("bank")
    table.add_column("entries", justify="right")
    for name, count in banks.items():
        table.add_row(name, str(count))
    out.print(table if banks else "no banks")


@app.command("check")
def bank_check(
    image: Annotated[Path, typer.Argument(help="An image to check against every bank.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Whether an image is a near-duplicate of a protected one: exit 0 no, 3 yes."""
    from safegen.safety.checks import BANK_DISTANCE

    matches = with_phash(image, lambda ledger, phash: ledger.bank_matches(phash, BANK_DISTANCE))
    if as_json:
        emit_json({"path": str(image), "matches": [match.to_dict() for match in matches]})
    elif matches:
        for match in matches:
            out.print(f"matches {match.label!r} in bank {match.bank!r} ({match.distance} bits)")
    else:
        out.print("no protected image matches")
    raise SystemExit(ExitCode.BLOCKED if matches else ExitCode.OK)
