"""`safegen verify`: where an image came from, one verdict per file (DESIGN.md, Verification)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from safegen.cli._shared import JsonLinesOpt, emit_json, err, load_config, out, progress
from safegen.codes import SEVERITY, ExitCode, Verdict

if TYPE_CHECKING:
    from safegen.verify import VerifyReport

VERDICT_STYLES = {
    Verdict.VERIFIED: "green",
    Verdict.TRACED: "cyan",
    Verdict.UNKNOWN: "yellow",
    Verdict.TAMPERED: "red",
    Verdict.ERROR: "red",
}


def verify(
    paths: Annotated[
        list[str], typer.Argument(help="Image files, folders (walked recursively), or - for stdin.")
    ],
    trust: Annotated[
        list[Path] | None,
        typer.Option("--trust", help="Extra trust anchor PEM file or folder (repeatable)."),
    ] = None,
    no_ledger: Annotated[
        bool,
        typer.Option(
            "--no-ledger", help="Check manifest and watermark only (a stranger's verification)."
        ),
    ] = False,
    as_json: JsonLinesOpt = False,
) -> None:
    """Say where images came from: verified (0), unknown (1), tampered (2), traced (3).

    An unreadable file is reported as an error (65) and the batch goes on;
    the worst verdict decides the exit code. Without a ledger (none set up
    here, or --no-ledger) `verified` means a trusted, intact manifest.
    """
    from safegen.imaging import MAX_FILE_BYTES
    from safegen.verify import Verifier, iter_inputs, worst_exit_code

    inputs: list[str | Path] = []
    for raw in paths:
        inputs.extend(["-"] if raw == "-" else iter_inputs([raw]))
    if not inputs:
        err.print("[red]error:[/] no files found in the given paths")
        raise SystemExit(ExitCode.USAGE)
    reports = []
    show_progress = not as_json and err.is_terminal and len(inputs) > 1
    with (
        Verifier(
            load_config(), trust=trust or [], use_ledger=False if no_ledger else None
        ) as verifier,
        progress(show_progress, len(inputs), "verifying") as advance,
    ):
        for item in inputs:
            if item == "-":
                data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
                report = verifier.verify_bytes(data, name="<stdin>")
            else:
                report = verifier.verify_path(item)
            reports.append(report)
            advance()
            if as_json:
                emit_json(report.to_dict())
            elif len(inputs) == 1 or report.verdict != Verdict.VERIFIED or not show_progress:
                _print_report(report)
    if not as_json and len(reports) > 1:
        _print_summary(reports)
    raise SystemExit(worst_exit_code(reports))


def _print_report(report: VerifyReport) -> None:
    if report.verdict == Verdict.ERROR:
        err.print(f"[red]error:[/] {escape(report.error or '')}", highlight=False)
        return
    style = VERDICT_STYLES[Verdict(report.verdict)]
    reasons = escape("; ".join(report.reasons))
    line = f"{escape(report.path)}: [bold {style}]{report.verdict}[/] — {reasons}"
    out.print(line, highlight=False)


def _print_summary(reports: list[VerifyReport]) -> None:
    counts = Counter(r.verdict for r in reports)
    table = Table(title=f"{len(reports)} files")
    table.add_column("verdict")
    table.add_column("files", justify="right")
    for verdict in reversed(SEVERITY):
        if counts[verdict]:
            table.add_row(f"[{VERDICT_STYLES[verdict]}]{verdict}[/]", str(counts[verdict]))
    err.print(table)
