"""Typer commands. Human output (Rich) by default, ``--json`` for machines."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from safegen._version import __version__
from safegen.errors import SafegenError

app = typer.Typer(
    name="safegen",
    help="Accountable image generation: policy, safety, watermark, C2PA and a ledger per image.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
policy_app = typer.Typer(help="Check prompts against a policy pack.", no_args_is_help=True)
ledger_app = typer.Typer(help="Read the generation ledger.", no_args_is_help=True)
db_app = typer.Typer(help="Manage the ledger database schema.", no_args_is_help=True)
app.add_typer(policy_app, name="policy")
app.add_typer(ledger_app, name="ledger")
app.add_typer(db_app, name="db")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def fail(exc: SafegenError) -> NoReturn:
    err.print(f"[bold red]error:[/] {exc}", highlight=False, markup=True)
    raise SystemExit(exc.exit_code)


def _emit_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, sort_keys=False, default=str) + "\n")
    sys.stdout.flush()


def _config(**overrides: Any):  # type: ignore[no-untyped-def]
    from safegen.config import Config

    return Config.from_env(**overrides)


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
) -> None:
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


def _parse_size(size: str | None) -> tuple[int | None, int | None]:
    if not size:
        return None, None
    try:
        width, height = (int(part) for part in size.lower().split("x"))
    except ValueError as exc:
        raise typer.BadParameter(f"size must look like 512x512, not {size!r}") from exc
    return width, height


@app.command()
def generate(
    prompt: Annotated[str, typer.Argument(help="What to draw.")],
    n: Annotated[int, typer.Option("-n", help="Number of images.")] = 1,
    seed: Annotated[int | None, typer.Option(help="Seed; image i uses seed + i.")] = None,
    negative: Annotated[str | None, typer.Option("--negative", help="Negative prompt.")] = None,
    backend: Annotated[str | None, typer.Option(help="builtin | diffusers | gan.")] = None,
    model: Annotated[
        str | None, typer.Option(help="Model folder or hub id (diffusers, gan).")
    ] = None,
    steps: Annotated[int | None, typer.Option(help="Denoising steps.")] = None,
    size: Annotated[str | None, typer.Option(help="WIDTHxHEIGHT, e.g. 256x256.")] = None,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Folder for the PNG files.")
    ] = Path("."),
    user: Annotated[
        str | None, typer.Option(help="The caller's user or tenant id (recorded).")
    ] = None,
    policy: Annotated[str | None, typer.Option(help="Policy pack name or YAML path.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Generate images; each is checked, watermarked, signed and recorded before it is written.

    Exit 0 delivered, 3 blocked by policy, 4 all images withheld.
    """
    from safegen.api import SafeGen
    from safegen.errors import OutputWithheld, PolicyViolation

    width, height = _parse_size(size)
    gen = SafeGen(_config(backend=backend, model=model, policy=policy))
    try:
        with (
            err.status("generating…", spinner="dots")
            if not as_json and err.is_terminal
            else _null()
        ):
            result = gen.generate(
                prompt,
                negative_prompt=negative,
                n=n,
                seed=seed,
                width=width,
                height=height,
                steps=steps,
                user=user,
                output_dir=output,
            )
    except PolicyViolation as exc:
        if as_json:
            _emit_json(
                {
                    "generation_id": exc.generation_id,
                    "status": "blocked",
                    "policy": exc.decision.to_dict(),
                    "images": [],
                }
            )
            raise SystemExit(exc.exit_code) from None
        fail(exc)
    except OutputWithheld as exc:
        if as_json:
            _emit_json(
                {
                    "generation_id": exc.generation_id,
                    "status": "withheld",
                    "withheld_scores": exc.scores,
                    "images": [],
                }
            )
            raise SystemExit(exc.exit_code) from None
        fail(exc)
    finally:
        gen.close()
    if as_json:
        _emit_json(result.to_dict())
        return
    if result.review:
        err.print("[yellow]note:[/] flagged for review by the policy; recorded as such.")
    table = Table(title=f"generation {result.generation_id} ({result.status})")
    table.add_column("file", overflow="fold")
    for column in ("seed", "watermark id", "sha256", "nsfw"):
        table.add_column(column)
    for image in result.images:
        table.add_row(
            str(image.path),
            str(image.seed),
            str(image.watermark_id),
            image.sha256[:16] + "…",
            f"{image.safety_scores.get('nsfw', 0):.3f}",
        )
    out.print(table)
    for withheld in result.withheld:
        err.print(f"[yellow]withheld:[/] image {withheld.index} ({'; '.join(withheld.reasons)})")


class _null:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


@app.command()
def verify(
    paths: Annotated[
        list[Path], typer.Argument(help="Image files or folders (walked recursively).")
    ],
    trust: Annotated[
        list[Path] | None, typer.Option("--trust", help="Extra trust anchor PEM file or folder.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="JSON Lines: one object per file.")
    ] = False,
) -> None:
    """Say where images came from: verified (0), unknown (1), tampered (2), traced (3).

    An unreadable file is reported as an error (65) and the batch goes on;
    the worst verdict decides the exit code.
    """
    from safegen.verify import Verifier, iter_inputs, worst_exit_code

    verifier = Verifier(_config(), trust=trust or [])
    reports = []
    styles = {
        "verified": "green",
        "traced": "cyan",
        "unknown": "yellow",
        "tampered": "red",
        "error": "red",
    }
    try:
        for path in iter_inputs(paths):
            report = verifier.verify_path(path)
            reports.append(report)
            if as_json:
                _emit_json(report.to_dict())
            elif report.verdict == "error":
                err.print(f"[red]error:[/] {report.error}", highlight=False)
            else:
                style = styles[report.verdict]
                out.print(
                    f"{path}: [bold {style}]{report.verdict}[/] — {'; '.join(report.reasons)}",
                    highlight=False,
                )
    finally:
        if verifier._ledger is not None:
            verifier._ledger.close()
    if not reports:
        err.print("[red]error:[/] no files found in the given paths")
        raise SystemExit(64)
    raise SystemExit(worst_exit_code(reports))


@policy_app.command("check")
def policy_check(
    prompt: Annotated[str | None, typer.Argument(help="The prompt to check.")] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="One prompt per line.")] = None,
    policy: Annotated[str | None, typer.Option(help="Policy pack name or YAML path.")] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="JSON Lines: one object per prompt.")
    ] = False,
) -> None:
    """Evaluate prompts without generating: allow, review or block, with the rules that fired.

    Exit 0 when every prompt is allowed or sent to review, 3 when any is blocked.
    """
    from safegen.policy import load_policy

    if (prompt is None) == (file is None):
        raise typer.BadParameter("give a PROMPT or --file, not both or neither")
    engine = load_policy(policy or _config().policy)
    if file is not None:
        try:
            prompts = [
                line.rstrip("\r\n") for line in file.read_text(encoding="utf-8").splitlines()
            ]
        except (OSError, UnicodeDecodeError) as exc:
            raise typer.BadParameter(f"cannot read {file}: {exc}") from exc
        prompts = [p for p in prompts if p.strip()]
    else:
        prompts = [prompt or ""]
    blocked = False
    table = Table(title=f"policy {engine.pack.name} {engine.pack.version}") if not as_json else None
    if table is not None:
        for column in ("prompt", "action", "categories", "rules"):
            table.add_column(column)
    colours = {"allow": "green", "review": "yellow", "block": "red"}
    for text in prompts:
        decision = engine.evaluate(text)
        blocked |= decision.blocked
        if as_json:
            _emit_json({"prompt": text, **decision.to_dict()})
        elif table is not None:
            table.add_row(
                text,
                f"[{colours[decision.action]}]{decision.action}[/]",
                ", ".join(decision.categories),
                ", ".join(decision.rules),
            )
    if table is not None:
        out.print(table)
    raise SystemExit(3 if blocked else 0)


@ledger_app.command("list")
def ledger_list(
    limit: Annotated[int, typer.Option(help="How many, newest first.")] = 20,
    offset: Annotated[int, typer.Option(help="Skip this many.")] = 0,
    user: Annotated[str | None, typer.Option(help="Only this user id.")] = None,
    status: Annotated[
        str | None, typer.Option(help="delivered | blocked | withheld | failed.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines.")] = False,
) -> None:
    """List recent generations."""
    from safegen.ledger import Ledger

    ledger = Ledger(_config().resolved_ledger_url)
    try:
        rows = ledger.list_generations(limit=limit, offset=offset, user=user, status=status)
    finally:
        ledger.close()
    if as_json:
        for row in rows:
            _emit_json(row)
        return
    table = Table(title="generations")
    for column in ("id", "created", "status", "user", "model", "images", "prompt"):
        table.add_column(column)
    for row in rows:
        prompt = row["prompt"] if row["prompt"] is not None else f"<{row['prompt_storage']}>"
        table.add_row(
            row["id"],
            row["created_at"][:19],
            row["status"],
            row["user"] or "",
            row["model"]["name"] or "",
            str(len(row["assets"])),
            prompt[:60],
        )
    out.print(table)


@ledger_app.command("show")
def ledger_show(
    record_id: Annotated[str, typer.Argument(help="A generation id or an asset id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show everything recorded for a generation (or the generation of an asset)."""
    from safegen.errors import SafegenError
    from safegen.ledger import Ledger

    ledger = Ledger(_config().resolved_ledger_url)
    try:
        row = ledger.generation(record_id)
        if row is None:
            asset = ledger.asset(record_id)
            row = ledger.generation(asset["generation_id"]) if asset else None
        if row is None:
            raise SafegenError(f"no generation or asset {record_id!r} in the ledger")
        row["status_changes"] = ledger.status_changes(row["id"])
    finally:
        ledger.close()
    if as_json:
        _emit_json(row)
        return
    out.print_json(json.dumps(row, default=str))


@db_app.command("upgrade")
def db_upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
) -> None:
    """Create or upgrade the ledger schema (run once per deployment and release)."""
    from safegen.ledger import Ledger, redact
    from safegen.ledger.migrate import upgrade

    url = _config().resolved_ledger_url
    ledger = Ledger(url, migrate=False)
    try:
        before, after = upgrade(ledger.engine, revision)
    finally:
        ledger.close()
    out.print(f"ledger {redact(url)}: {before or 'empty'} → {after}")
