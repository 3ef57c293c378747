"""`safegen ledger`: list, search, export, report, audit, checkpoint, prove, erase."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from safegen.cli._shared import (
    CategoryOpt,
    ExportFormat,
    JsonLinesOpt,
    ModelOpt,
    SinceOpt,
    StatusChoice,
    StatusOpt,
    TableFormat,
    UntilOpt,
    UserOpt,
    emit_json,
    err,
    fail,
    load_config,
    open_ledger,
    out,
    progress,
    spinner,
    value,
    when,
    with_phash,
)
from safegen.codes import ExitCode

if TYPE_CHECKING:
    from safegen.ledger import GenerationRow, SearchFilters

app = typer.Typer(help="Read, audit and manage the generation ledger.", no_args_is_help=True)


@app.command("list")
def ledger_list(
    limit: Annotated[int, typer.Option(help="How many, newest first.")] = 20,
    offset: Annotated[int, typer.Option(help="Skip this many.")] = 0,
    user: Annotated[str | None, typer.Option(help="Only this user id.")] = None,
    status: StatusOpt = None,
    as_json: JsonLinesOpt = False,
) -> None:
    """List recent generations."""
    with open_ledger() as ledger:
        rows = ledger.list_generations(limit=limit, offset=offset, user=user, status=value(status))
    if as_json:
        for row in rows:
            emit_json(row.to_dict())
        return
    table = Table(title="generations")
    for column in ("id", "created", "status", "user", "model", "images", "prompt"):
        table.add_column(column)
    for row in rows:
        prompt = row.prompt if row.prompt is not None else f"<{row.prompt_storage}>"
        table.add_row(
            row.id,
            (row.created_at or "")[:19],
            row.status,
            row.user or "",
            row.model.name or "",
            str(len(row.assets or ())),
            prompt[:60],
        )
    out.print(table)


@app.command("show")
def ledger_show(
    record_id: Annotated[str, typer.Argument(help="A generation id or an asset id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show everything recorded for a generation (or the generation of an asset)."""
    from dataclasses import replace

    from safegen.errors import NotFound

    with open_ledger() as ledger:
        row = ledger.generation(record_id)
        if row is None:
            asset = ledger.asset(record_id)
            row = ledger.generation(asset.generation_id) if asset else None
        if row is None:
            raise NotFound(f"no generation or asset {record_id!r} in the ledger")
        row = replace(row, status_changes=tuple(ledger.status_changes(row.id)))
    if as_json:
        emit_json(row.to_dict())
        return
    out.print_json(json.dumps(row.to_dict(), default=str))


CSV_COLUMNS = (
    "id",
    "created_at",
    "status",
    "user",
    "model",
    "policy_action",
    "categories",
    "prompt",
    "prompt_hash",
    "assets",
    "asset_ids",
)


def _flat(row: GenerationRow) -> dict[str, Any]:
    """One CSV line of a generation."""
    assets = row.assets or ()
    return {
        "id": row.id,
        "created_at": row.created_at,
        "status": row.status,
        "user": row.user or "",
        "model": row.model.name or "",
        "policy_action": row.policy.action,
        "categories": ";".join(row.policy.categories or []),
        "prompt": row.prompt if row.prompt is not None else "",
        "prompt_hash": row.prompt_hash,
        "assets": len(assets),
        "asset_ids": ";".join(a.id for a in assets),
    }


def _print_generations(rows: list[GenerationRow], fmt: str, title: str) -> None:
    import csv

    if fmt == "json":
        emit_json([row.to_dict() for row in rows])
    elif fmt == "jsonl":
        for row in rows:
            emit_json(row.to_dict())
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow(_flat(row))
    else:
        table = Table(title=title)
        for column in ("id", "created", "status", "user", "model", "categories", "prompt"):
            table.add_column(column, overflow="fold")
        for row in rows:
            flat = _flat(row)
            table.add_row(
                flat["id"],
                (flat["created_at"] or "")[:19],
                flat["status"],
                flat["user"],
                flat["model"],
                flat["categories"],
                (flat["prompt"] or f"<{row.prompt_storage}>")[:60],
            )
        out.print(table)


def _filters(
    prompt: str | None,
    prompt_exact: str | None,
    words: str | None,
    user: str | None,
    model: str | None,
    status: StatusChoice | None,
    category: str | None,
    since: str | None,
    until: str | None,
) -> SearchFilters:
    from safegen.ledger import SearchFilters

    prompt_hash = None
    if prompt_exact is not None:
        from safegen.provenance.keys import prompt_hash as keyed_hash

        prompt_hash = keyed_hash(load_config().keys_dir, prompt_exact)
    return SearchFilters(
        prompt=prompt,
        prompt_hash=prompt_hash,
        words=words,
        user=user,
        model=model,
        status=value(status),
        category=category,
        since=when(since, "--since"),
        until=when(until, "--until"),
    )


PromptOpt = Annotated[str | None, typer.Option("--prompt", help="Substring of the prompt text.")]
PromptExactOpt = Annotated[
    str | None,
    typer.Option("--prompt-exact", help="The exact prompt; also finds prompts stored as hashes."),
]


@app.command("search")
def ledger_search(
    prompt: PromptOpt = None,
    prompt_exact: PromptExactOpt = None,
    words: Annotated[
        str | None,
        typer.Option("--match", help="Words that must all occur (full-text on PostgreSQL)."),
    ] = None,
    user: UserOpt = None,
    model: ModelOpt = None,
    status: StatusOpt = None,
    category: CategoryOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many (pagination).")] = 0,
    oldest_first: Annotated[bool, typer.Option("--oldest-first", help="Oldest first.")] = False,
    fmt: Annotated[
        TableFormat, typer.Option("--format", help="Output format.", case_sensitive=False)
    ] = TableFormat.table,
) -> None:
    """Find generations by prompt, user, model, status, policy category and time."""
    filters = _filters(prompt, prompt_exact, words, user, model, status, category, since, until)
    with open_ledger() as ledger:
        rows = ledger.search(filters, limit=limit, offset=offset, oldest_first=oldest_first)
        total = ledger.count(filters) if fmt == "table" else len(rows)
    _print_generations(rows, fmt, f"{len(rows)} of {total} generations")


@app.command("similar")
def ledger_similar(
    image: Annotated[Path, typer.Argument(help="An image to look for.")],
    max_distance: Annotated[
        int, typer.Option("--max-distance", help="pHash bits (of 64) that may differ, 0-16.")
    ] = 8,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines.")] = False,
) -> None:
    """Near-duplicates of an image in the ledger, by perceptual hash, nearest first."""
    rows = with_phash(image, lambda ledger, phash: ledger.similar(phash, max_distance))
    if as_json:
        for row in rows:
            emit_json(row.to_dict())
        return
    table = Table(title=f"{len(rows)} assets within {max_distance} bits")
    for column in ("distance", "asset", "generation", "status", "created"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            str(row.distance),
            row.id,
            row.generation_id,
            row.status,
            (row.created_at or "")[:19],
        )
    out.print(table)


@app.command("export")
def ledger_export(
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    fmt: Annotated[
        ExportFormat, typer.Option("--format", help="File format.", case_sensitive=False)
    ] = ExportFormat.jsonl,
    user: UserOpt = None,
    model: ModelOpt = None,
    status: StatusOpt = None,
    category: CategoryOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
) -> None:
    """Stream matching generations (oldest first) to a JSONL or CSV file."""
    import csv

    from safegen.errors import DeliveryError

    filters = _filters(None, None, None, user, model, status, category, since, until)
    written = 0
    with open_ledger() as ledger:
        total = ledger.count(filters)
        temp = output.with_name(f".{output.name}.tmp")
        try:
            with (
                open(temp, "w", newline="", encoding="utf-8") as fh,
                progress(err.is_terminal, total, "exporting") as advance,
            ):
                writer = (
                    csv.DictWriter(fh, fieldnames=CSV_COLUMNS) if fmt == ExportFormat.csv else None
                )
                if writer:
                    writer.writeheader()
                for row in ledger.iter_generations(filters):
                    if writer:
                        writer.writerow(_flat(row))
                    else:
                        fh.write(json.dumps(row.to_dict(), default=str) + "\n")
                    written += 1
                    advance()
            os.replace(temp, output)
        except OSError as exc:
            temp.unlink(missing_ok=True)
            fail(DeliveryError(f"cannot write {output}: {exc.strerror or exc}"))
    err.print(f"exported {written} generations to {output}")


@app.command("report")
def ledger_report(
    since: SinceOpt = None,
    until: UntilOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Counts by status, policy category, model and user; blocked/withheld rates; labels."""
    with open_ledger() as ledger:
        report = ledger.report(when(since, "--since"), when(until, "--until"))
    if as_json:
        emit_json(report.to_dict())
        return
    out.print(
        f"[bold]{report.generations}[/] generations; blocked {report.blocked_rate:.1%}, "
        f"withheld {report.withheld_rate:.1%}; label coverage {report.label_coverage:.1%} of "
        f"{report.delivered_assets} delivered images (manifest and watermark)"
    )
    for title, counts in (
        ("status", report.by_status),
        ("policy category", report.by_category),
        ("model", report.by_model),
        ("user", report.by_user),
    ):
        table = Table(title=f"by {title}")
        table.add_column(title)
        table.add_column("generations", justify="right")
        for key, count in sorted(counts.items(), key=lambda kv: -kv[1])[:20]:
            table.add_row(key, str(count))
        out.print(table)
    table = Table(title="policy by prompt language")
    for column in ("language", "generations", "allow", "review", "block", "top categories"):
        table.add_column(
            column, justify="left" if column in ("language", "top categories") else "right"
        )
    for language, row in report.by_language.items():
        top = sorted(row["categories"].items(), key=lambda kv: -kv[1])[:3]
        table.add_row(
            language,
            str(row["total"]),
            f"{row['allow']:.1%}",
            f"{row['review']:.1%}",
            f"{row['block']:.1%}",
            ", ".join(f"{name} {count}" for name, count in top),
        )
    out.print(table)


def _anchors() -> bytes:
    from safegen.provenance.keys import ROOT_CERT, retired_roots

    keys = load_config().keys_dir
    own = keys / ROOT_CERT
    return (own.read_bytes() if own.is_file() else b"") + retired_roots(keys)


def _witnesses(paths: list[Path]) -> list[Any]:
    """Witnessed checkpoint notes from files or folders of them (a ``.pem`` beside a note
    is its signer's certificate chain); an unreadable or malformed one is a usage error."""
    from safegen.crypto import algorithm_of
    from safegen.errors import ConfigError, SafegenError
    from safegen.ledger.audit import Witness
    from safegen.ledger.note import NoteError, parse_checkpoint

    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.is_file() and p.suffix != ".pem")
        else:
            files.append(path)
    if paths and not files:
        fail(ConfigError(f"no witness files in {', '.join(str(p) for p in paths)}"))
    witnesses = []
    for file in files:
        try:
            note = parse_checkpoint(file.read_bytes(), str(file))
        except OSError as exc:
            fail(ConfigError(f"cannot read the witness {file}: {exc.strerror or exc}"))
        except NoteError as exc:
            fail(ConfigError(str(exc)))
        chains: tuple[tuple[str, bytes], ...] = ()
        pem = file.with_name(file.name + ".pem")
        if pem.is_file():
            from cryptography import x509

            try:
                chain_pem = pem.read_bytes()
                key = x509.load_pem_x509_certificates(chain_pem)[0].public_key()
                chains = ((algorithm_of(key), chain_pem),)
            except (OSError, ValueError, SafegenError) as exc:
                fail(ConfigError(f"{pem}: not a readable certificate chain ({exc})"))
        witnesses.append(Witness(str(file), note, chains))
    return witnesses


def _own_chain() -> tuple[tuple[str, bytes], ...]:
    """The deployment's current signer, when it has one (a witness may predate the rows)."""
    from safegen.errors import SafegenError
    from safegen.provenance.keys import load_identity

    try:
        identity = load_identity(load_config().keys_dir)
    except (SafegenError, OSError, ValueError):
        return ()
    return ((identity.alg, identity.chain_pem),)


@app.command("audit")
def ledger_audit(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    no_trust_check: Annotated[
        bool,
        typer.Option(
            "--no-trust-check",
            help="Audit without a trust anchor (checkpoint signers are then not checked).",
        ),
    ] = False,
    witness: Annotated[
        list[Path] | None,
        typer.Option(
            "--witness",
            help="A checkpoint note kept outside the database, or a folder of them "
            "(repeatable): the ledger must still hold each witnessed tree as a prefix.",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Processes for the per-entry checks of a full audit (default: the CPUs, "
            "at most 4).",
        ),
    ] = None,
    incremental: Annotated[
        bool,
        typer.Option(
            "--incremental",
            help="Recompute only the entries after the newest --witness (its tree pins the "
            "rest); a full audit now and then still reads every row.",
        ),
    ] = False,
) -> None:
    """Recompute the whole hash chain and Merkle tree; check every signed checkpoint, every
    entry's tag, and each witnessed checkpoint.

    Exit 0 intact, 2 broken (the first bad sequence number is reported), 64 when no
    trust anchor is configured and --no-trust-check is not given, or a witness file is
    unreadable or malformed.
    """
    from safegen.errors import ConfigError

    witnesses = _witnesses(witness or [])
    since = None
    if incremental:
        if not witnesses:
            fail(ConfigError("--incremental needs a --witness to start from"))
        since = max(witnesses, key=lambda w: w.note.size)
        witnesses = [w for w in witnesses if w is not since]
    if not _anchors() and not no_trust_check:
        fail(
            ConfigError(
                "no trust anchor: without the deployment's root certificate "
                f"({load_config().keys_dir}/root-ca.pem) any key could have signed the "
                "checkpoints; install it, or pass --no-trust-check to audit the chain alone"
            )
        )
    with open_ledger() as ledger:
        with spinner(not as_json, "auditing…"):
            report = ledger.audit(
                _anchors() or None,
                witnesses=witnesses,
                known_chains=_own_chain(),
                since=since,
                workers=workers or min(4, os.cpu_count() or 1),
            )
    if as_json:
        emit_json(report.to_dict())
    elif report.ok:
        out.print(
            f"[green]intact[/]: {report.entries} entries, head {report.head_seq} "
            f"{report.head_hash[:16]}…, root {report.root_hash[:16]}…, "
            f"{report.checkpoints} checkpoints, {report.witnesses} witnesses "
            f"({report.seconds:.1f} s)"
        )
        for limit in report.limits:
            err.print(f"[yellow]not checked:[/] {limit}", highlight=False)
    else:
        out.print(f"[red]broken[/]: first bad entry {report.first_bad_seq}")
        for seq, problem in report.problems:
            out.print(f"  {seq if seq is not None else '-'}: {problem}", highlight=False)
    raise SystemExit(ExitCode.OK if report.ok else ExitCode.TAMPERED)


@app.command("checkpoint")
def ledger_checkpoint(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write the signed note here (what a witness keeps)."),
    ] = None,
) -> None:
    """Sign the current tree head (size and Merkle root) as a C2SP checkpoint note with the
    deployment's key, after auditing the ledger (a broken one is refused, exit 2)."""
    from safegen.crypto import signer_for
    from safegen.provenance.keys import ensure_identity, load_identity

    config = load_config()
    ensure_identity(config.keys_dir)
    identity = load_identity(config.keys_dir)
    alg, sign = signer_for(identity.key_pem)
    with open_ledger() as ledger:
        checkpoint = ledger.checkpoint(sign, alg, identity.chain_pem)
    if output is not None:
        _write_atomically(output, checkpoint["note"])
    if as_json:
        emit_json(checkpoint)
        return
    written = f", note written to {output}" if output else ""
    out.print(
        f"checkpoint {checkpoint['id']}: {checkpoint['tree_size']} entries, root "
        f"{checkpoint['root_hash'][:16]}… signed{written}"
    )


def _write_atomically(path: Path, text: str) -> None:
    from safegen.errors import DeliveryError

    temp = path.with_name(f".{path.name}.tmp")
    try:
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        fail(DeliveryError(f"cannot write {path}: {exc.strerror or exc}"))


@app.command("proof")
def ledger_proof(
    asset_id: Annotated[
        str | None, typer.Argument(help="The asset to prove (or give --consistency).")
    ] = None,
    consistency: Annotated[
        Path | None,
        typer.Option(
            "--consistency",
            help="An earlier checkpoint note (a witness's): prove the newest signed tree "
            "extends it.",
        ),
    ] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here.")] = None,
) -> None:
    """Print what an outside party needs to check that an asset's record is in a signed
    checkpoint (the record, its entry, its inclusion proof and the signed note), or with
    --consistency that the newest checkpoint extends an earlier one (both notes and the
    consistency proof). Check either with `safegen ledger check-proof FILE --trust ROOT.pem`."""
    from safegen.errors import ConfigError

    if (asset_id is None) == (consistency is None):
        raise typer.BadParameter("give an ASSET_ID or --consistency NOTE")
    with open_ledger() as ledger:
        if consistency is not None:
            (witness,) = _witnesses([consistency])
            proof = ledger.consistency_between(witness.note)
        elif asset_id is not None:
            proof = ledger.proof(asset_id)
        else:  # pragma: no cover - excluded above
            fail(ConfigError("nothing to prove"))
    text = json.dumps(proof, indent=2, sort_keys=True)
    if output:
        output.write_text(text + "\n", encoding="utf-8")
        err.print(f"proof written to {output}")
    else:
        sys.stdout.write(text + "\n")


@app.command("check-proof")
def ledger_check_proof(
    proof_file: Annotated[Path, typer.Argument(help="A proof from `safegen ledger proof`.")],
    trust: Annotated[Path, typer.Option("--trust", help="The issuer's root certificate (PEM).")],
) -> None:
    """Check a proof offline, with only the issuer's root: exit 0 sound, 2 not."""
    from cryptography import x509

    from safegen.errors import ConfigError
    from safegen.ledger import verify_proof

    try:
        proof = json.loads(proof_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        fail(ConfigError(f"cannot read the proof {proof_file}: {exc}"))
    try:
        anchors = trust.read_bytes()
        if not x509.load_pem_x509_certificates(anchors):
            raise ValueError("no certificate")
    except (OSError, ValueError) as exc:
        fail(
            ConfigError(
                f"{trust} holds no readable PEM certificate ({exc}): a proof is "
                "checked against the issuer's root certificate"
            )
        )
    problems = verify_proof(proof, anchors)
    if problems:
        for problem in problems:
            out.print(f"[red]not sound:[/] {problem}", highlight=False)
        raise SystemExit(ExitCode.TAMPERED)
    if proof.get("kind") == "consistency":
        out.print(
            "[green]sound[/]: the checkpoint of "
            f"{proof['old']['note'].splitlines()[1]} entries is a prefix of the signed tree of "
            f"{proof['new']['note'].splitlines()[1]} entries"
        )
        return
    if proof.get("version") == 2:
        out.print(
            f"[green]sound[/]: asset {proof['asset_id']} is in the ledger's entry "
            f"{proof['entry']['seq']}, included in the signed tree of {proof['tree_size']} "
            "entries"
        )
        return
    out.print(
        f"[green]sound[/]: asset {proof['asset_id']} is in the ledger's entry "
        f"{proof['entries'][0]['seq']}, covered by the checkpoint signed at entry "
        f"{proof['entries'][-1]['seq']}"
    )


@app.command("erase")
def ledger_erase(
    user: Annotated[str | None, typer.Option("--user", help="Erase this user's content.")] = None,
    generation: Annotated[
        list[str] | None, typer.Option("--generation", help="A generation id (repeatable).")
    ] = None,
    reason: Annotated[str, typer.Option(help="Recorded with the erasure.")] = "erasure request",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Remove prompts and user ids (personal content); the erasure is itself recorded."""
    if not user and not generation:
        raise typer.BadParameter("give --user or --generation")
    with open_ledger() as ledger:
        count = ledger.erase(user=user, generation_ids=generation, reason=reason)
    if as_json:
        emit_json({"erased": count})
    else:
        out.print(f"erased the personal content of {count} generations")


@app.command("prune")
def ledger_prune(
    older_than: Annotated[
        str, typer.Option("--older-than", help="Age (90d) or ISO date: erase content before it.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Retention: erase personal content of older generations (records and hashes stay)."""
    before = when(older_than, "--older-than")
    if before is None:
        raise typer.BadParameter("--older-than needs an age (90d) or an ISO date")
    with open_ledger() as ledger:
        count = ledger.prune(before)
    if as_json:
        emit_json({"erased": count, "before": before.isoformat()})
    else:
        out.print(f"erased the personal content of {count} generations created before {before}")


@app.command("recover")
def ledger_recover(
    folder: Annotated[Path, typer.Argument(help="An output folder safegen generates into.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Repair an output folder after a crash: committed images are moved into place, files the
    ledger never committed are removed (each generation into a folder does this first)."""
    from safegen.delivery import Delivery

    if not folder.is_dir():
        raise typer.BadParameter(f"{folder} is not a folder")
    with open_ledger() as ledger:
        report = Delivery(ledger).recover(folder)
    if as_json:
        emit_json({"folder": str(folder), **report})
        return
    out.print(
        f"{folder}: {len(report['completed'])} committed image(s) moved into place, "
        f"{len(report['removed'])} uncommitted file(s) removed"
    )
