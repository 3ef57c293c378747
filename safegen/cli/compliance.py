"""`safegen compliance check`: each requirement of a jurisdiction profile, pass or fail."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from safegen.cli._shared import JsonLinesOpt, emit_json, err, fail, load_config, out
from safegen.codes import ExitCode
from safegen.errors import SafegenError

if TYPE_CHECKING:
    from safegen.compliance import ComplianceReport

app = typer.Typer(help="Check images against jurisdiction profiles (docs/compliance.md).")

OUTCOME_STYLES = {"pass": "green", "fail": "red", "n/a": "dim"}


@app.command("check")
def check(
    paths: Annotated[list[str], typer.Argument(help="Image files or folders (walked).")],
    profile: Annotated[
        list[str],
        typer.Option("--profile", help="eu, ca, cn or a YAML path (repeatable: all must pass)."),
    ],
    trust: Annotated[
        list[Path] | None,
        typer.Option("--trust", help="Extra trust anchor PEM file or folder (repeatable)."),
    ] = None,
    as_json: JsonLinesOpt = False,
) -> None:
    """Test each requirement of the profiles on each file, with the evidence.

    Exit 0 when every requirement passes on every file, 2 when any fails, 65
    when a file is not a readable image (the others are still checked).
    """
    from safegen.compliance import check_file
    from safegen.imaging import MAX_FILE_BYTES
    from safegen.profiles import load_profiles
    from safegen.verify import Verifier, iter_inputs

    try:
        combined = load_profiles(profile)
    except SafegenError as exc:
        fail(exc)
    if not combined.requirements:
        err.print("[red]error:[/] the profile lists no requirements: nothing to check")
        raise SystemExit(ExitCode.USAGE)
    config = load_config()
    inputs = list(iter_inputs(paths))
    if not inputs:
        err.print("[red]error:[/] no files found in the given paths")
        raise SystemExit(ExitCode.USAGE)
    worst = ExitCode.OK
    with Verifier(config, trust=trust or [], use_ledger=False) as verifier:
        for item in inputs:
            name = str(item)
            problem: str | None = None
            try:
                with open(item, "rb") as handle:
                    data = handle.read(MAX_FILE_BYTES + 1)
            except OSError as exc:
                data, problem = b"", f"{name}: cannot read ({exc.strerror or exc})"
            report = check_file(verifier, name, data, combined, tsa_configured=bool(config.tsa_url))
            if problem is not None:
                report.error, report.checks = problem, []
            worst = max(worst, report.exit_code, key=_severity)
            if as_json:
                emit_json(report.to_dict())
            else:
                _print(report)
    raise SystemExit(int(worst))


def _severity(code: ExitCode) -> int:
    return {ExitCode.OK: 0, ExitCode.TAMPERED: 1, ExitCode.BAD_INPUT: 2}[code]


def _print(report: ComplianceReport) -> None:
    if report.error is not None:
        err.print(f"[red]error:[/] {escape(report.error)}", highlight=False)
        return
    verdict = "[green]compliant[/]" if report.passed else "[red]not compliant[/]"
    table = Table(
        title=f"{escape(report.path)}: {verdict} ({', '.join(report.profiles)})",
        title_justify="left",
    )
    table.add_column("requirement")
    table.add_column("result")
    table.add_column("evidence", overflow="fold")
    table.add_column("article", overflow="fold")
    for c in report.checks:
        style = OUTCOME_STYLES[c.outcome]
        outcome = f"[{style}]{c.outcome}[/]"
        table.add_row(c.requirement, outcome, escape(c.evidence), escape(c.article))
    out.print(table)
