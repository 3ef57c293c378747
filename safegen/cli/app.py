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
keys_app = typer.Typer(help="The C2PA signing identity.", no_args_is_help=True)
bank_app = typer.Typer(
    help="Protected-image banks: outputs near these images are withheld.", no_args_is_help=True
)
app.add_typer(policy_app, name="policy")
app.add_typer(ledger_app, name="ledger")
app.add_typer(db_app, name="db")
app.add_typer(keys_app, name="keys")
app.add_typer(bank_app, name="bank")

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
        Path, typer.Option("-o", "--output", help="Folder for the image files.")
    ] = Path("."),
    output_format: Annotated[
        str, typer.Option("--format", help="png | jpeg | webp (signed in that format).")
    ] = "png",
    init_image: Annotated[
        Path | None,
        typer.Option(
            "--init-image", help="Transform this picture (image-to-image); recorded as an input."
        ),
    ] = None,
    strength: Annotated[
        float, typer.Option(help="Image-to-image: how much of the input is redrawn, (0, 1].")
    ] = 0.6,
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
                output_format=output_format.lower(),
                init_image=init_image,
                strength=strength,
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
    as_json: Annotated[
        bool, typer.Option("--json", help="JSON Lines: one object per file.")
    ] = False,
) -> None:
    """Say where images came from: verified (0), unknown (1), tampered (2), traced (3).

    An unreadable file is reported as an error (65) and the batch goes on;
    the worst verdict decides the exit code. Without a ledger (none set up
    here, or --no-ledger) `verified` means a trusted, intact manifest.
    """
    from safegen.imaging import MAX_FILE_BYTES
    from safegen.verify import Verifier, iter_inputs, worst_exit_code

    verifier = Verifier(_config(), trust=trust or [], use_ledger=False if no_ledger else None)
    inputs: list[str | Path] = []
    for raw in paths:
        inputs.extend(["-"] if raw == "-" else iter_inputs([raw]))
    if not inputs:
        err.print("[red]error:[/] no files found in the given paths")
        raise SystemExit(64)
    reports = []
    show_progress = not as_json and err.is_terminal and len(inputs) > 1
    try:
        with _progress(show_progress, len(inputs)) as advance:
            for item in inputs:
                if item == "-":
                    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
                    report = verifier.verify_bytes(data, name="<stdin>")
                else:
                    report = verifier.verify_path(item)
                reports.append(report)
                advance()
                if as_json:
                    _emit_json(report.to_dict())
                elif len(inputs) == 1 or report.verdict != "verified" or not show_progress:
                    _print_report(report)
    finally:
        if verifier._ledger is not None:
            verifier._ledger.close()
    if not as_json and len(reports) > 1:
        _print_summary(reports)
    raise SystemExit(worst_exit_code(reports))


_VERDICT_STYLES = {
    "verified": "green",
    "traced": "cyan",
    "unknown": "yellow",
    "tampered": "red",
    "error": "red",
}


def _print_report(report: Any) -> None:
    if report.verdict == "error":
        err.print(f"[red]error:[/] {report.error}", highlight=False)
        return
    style = _VERDICT_STYLES[report.verdict]
    out.print(
        f"{report.path}: [bold {style}]{report.verdict}[/] — {'; '.join(report.reasons)}",
        highlight=False,
    )


def _print_summary(reports: list[Any]) -> None:
    from collections import Counter

    counts = Counter(r.verdict for r in reports)
    table = Table(title=f"{len(reports)} files")
    table.add_column("verdict")
    table.add_column("files", justify="right")
    for verdict in ("verified", "traced", "unknown", "tampered", "error"):
        if counts[verdict]:
            style = _VERDICT_STYLES[verdict]
            table.add_row(f"[{style}]{verdict}[/]", str(counts[verdict]))
    err.print(table)


class _progress:
    """A Rich progress bar on stderr when ``enabled``; yields a function to advance it."""

    def __init__(self, enabled: bool, total: int) -> None:
        self.enabled, self.total = enabled, total

    def __enter__(self) -> Any:
        if not self.enabled:
            return lambda: None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self._bar = Progress(
            "verifying", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=err
        )
        self._bar.start()
        task = self._bar.add_task("verify", total=self.total)
        return lambda: self._bar.advance(task)

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            self._bar.stop()


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
        for column in ("prompt", "lang", "action", "categories", "rules"):
            table.add_column(column, overflow="fold")
    with _progress(not as_json and err.is_terminal and len(prompts) > 20, len(prompts)) as advance:
        for text in prompts:
            decision = engine.evaluate(text)
            advance()
            blocked |= decision.blocked
            if as_json:
                _emit_json({"prompt": text, **decision.to_dict()})
            elif table is not None:
                table.add_row(
                    text[:200],
                    decision.language,
                    f"[{_ACTION_COLOURS[decision.action]}]{decision.action}[/]",
                    ", ".join(decision.categories),
                    ", ".join(decision.rules),
                )
    if table is not None:
        out.print(table)
    raise SystemExit(3 if blocked else 0)


_ACTION_COLOURS = {"allow": "green", "review": "yellow", "block": "red"}


@policy_app.command("explain")
def policy_explain(
    prompt: Annotated[str, typer.Argument(help="The prompt to explain.")],
    policy: Annotated[str | None, typer.Option(help="Policy pack name or YAML path.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show how a prompt was read: its language, every rule that fired, the classifier's
    calibrated score per category against its thresholds, and semantic scores."""
    from safegen.policy import load_policy

    engine = load_policy(policy or _config().policy)
    decision = engine.evaluate(prompt)
    thresholds = {r.id: r.threshold for r in engine.pack.rules if r.semantic}
    if as_json:
        _emit_json(
            {
                "prompt": prompt,
                "views": [{"kind": k, "text": t} for k, t in decision.views],
                **decision.to_dict(),
                "thresholds": thresholds,
            }
        )
        raise SystemExit(3 if decision.blocked else 0)
    colour = _ACTION_COLOURS[decision.action]
    out.print(
        f"[bold {colour}]{decision.action}[/] by {engine.pack.name} {engine.pack.version}"
        + (f" ({', '.join(decision.categories)})" if decision.categories else "")
    )
    out.print(f"  language  {decision.language}")
    for kind, text in decision.views:
        out.print(f"  {kind:<9} {text!r}", highlight=False)
    if decision.people:
        out.print(f"  real people named: {', '.join(decision.people)}")
    table = Table(title="rules that fired")
    for column in ("rule", "category", "action", "matched", "view", "score"):
        table.add_column(column, overflow="fold")
    for hit in decision.hits:
        table.add_row(
            hit.rule,
            hit.category,
            hit.action,
            hit.match,
            hit.view,
            "" if hit.score is None else f"{hit.score:.3f}",
        )
    out.print(table if decision.hits else "no rule fired")
    if decision.scores:
        scores = Table(title="semantic scores (cosine to the nearest exemplar)")
        for column in ("rule", "score", "threshold"):
            scores.add_column(column)
        for rule_id, score in sorted(decision.scores, key=lambda item: -item[1]):
            scores.add_row(rule_id, f"{score:.3f}", f"{thresholds[rule_id]:.2f}")
        out.print(scores)
    if decision.classifier:
        _print_classifier(decision.classifier)
    raise SystemExit(3 if decision.blocked else 0)


def _print_classifier(classified: dict[str, Any]) -> None:
    table = Table(title="classifier: calibrated probability per category")
    for column in ("category", "probability", "review at", "block at"):
        table.add_column(column, justify="left" if column == "category" else "right")
    bands = classified["thresholds"]
    for name, score in sorted(classified["scores"].items(), key=lambda kv: -kv[1]):
        band = bands.get(name, {})
        reached = score >= band.get("review", 2.0)
        table.add_row(
            name,
            f"[bold]{score:.3f}[/]" if reached else f"{score:.3f}",
            f"{band['review']:.3f}" if "review" in band else "-",
            f"{band['block']:.3f}" if "block" in band else "-",
        )
    minors = bands.get("sexual/minors", {})
    if minors:
        table.add_row(
            "minor subject",
            f"{classified['minor']:.3f}",
            f"{minors['minor']:.3f} (with sexual >= {minors['sexual']:.3f}: sexual/minors)",
            "",
        )
    out.print(table)


@policy_app.command("lint")
def policy_lint(
    pack: Annotated[str, typer.Argument(help="Pack name or YAML path.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Validate a pack (schema, regexes, categories, extends, its classifier file and sha256);
    exit 0 valid, 64 not. Warns about declared languages the pack does not cover."""
    from safegen.policy import load_pack
    from safegen.policy.engine import RuleEngine
    from safegen.policy.lint import coverage_warnings

    loaded = load_pack(pack)
    engine = RuleEngine(loaded)  # compiles every pattern
    if loaded.classifier is not None:
        engine.classifier  # noqa: B018 - loads the file and checks its sha256
    warnings = coverage_warnings(loaded, engine)
    summary = {
        "pack": loaded.name,
        "version": loaded.version,
        "source": loaded.source,
        "extends": loaded.extends,
        "categories": len(loaded.categories),
        "rules": len(loaded.rules),
        "semantic_rules": sum(1 for r in loaded.rules if r.semantic),
        "exceptions": len(loaded.exceptions),
        "real_people": len(loaded.people.names),
        "classifier": str(loaded.classifier.path) if loaded.classifier else None,
        "languages": list(loaded.languages),
        "warnings": warnings,
    }
    if as_json:
        _emit_json({"valid": True, **summary})
        return
    for warning in warnings:
        err.print(f"[yellow]warning:[/] {warning}", highlight=False)
    out.print(
        f"[green]valid[/]: {loaded.name} {loaded.version} ({loaded.source})"
        + (f", extends {loaded.extends}" if loaded.extends else "")
        + f": {summary['categories']} categories, {summary['rules']} rules "
        f"({summary['semantic_rules']} semantic), {summary['exceptions']} exceptions, "
        f"{summary['real_people']} real people"
    )


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


# -- keys ------------------------------------------------------------------------------


@keys_app.command("init")
def keys_init(
    org: Annotated[str, typer.Option(help="Organisation name in the certificates.")] = "safegen",
    force: Annotated[
        bool,
        typer.Option("--force", help="Retire the current identity (kept under keys/retired/)."),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Create a DEVELOPMENT root CA and signing certificate (never for production).

    Verifiers elsewhere trust these images only if they choose to trust
    $SAFEGEN_HOME/keys/root-ca.pem. Production: `safegen keys import`.
    """
    from safegen.provenance.keys import ROOT_CERT, ensure_identity

    config = _config()
    created = ensure_identity(config.keys_dir, org=org, force=force)
    root = config.keys_dir / ROOT_CERT
    if as_json:
        _emit_json({"created": created, "keys_dir": str(config.keys_dir), "root": str(root)})
        return
    if created:
        out.print(f"created a development identity in {config.keys_dir}")
        out.print(f"the file a third party needs to trust it: {root}")
    else:
        out.print(f"an identity already exists in {config.keys_dir} (use --force to replace it)")


@keys_app.command("show")
def keys_show(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Print the signing chain: subjects, SHA-256 fingerprints, expiry, and problems if any."""
    from safegen.errors import ProvenanceError
    from safegen.provenance.keys import (
        ROOT_CERT,
        SIGNER_CHAIN,
        describe_chain,
        load_identity,
        profile_problems,
    )

    config = _config()
    if not (config.keys_dir / SIGNER_CHAIN).is_file():
        fail(
            ProvenanceError(
                f"no signing identity in {config.keys_dir}; run `safegen keys init` (development) "
                "or `safegen keys import` (production)"
            )
        )
    identity = load_identity(config.keys_dir)
    chain = describe_chain(identity.chain_pem)
    root = describe_chain(identity.trust_anchors_pem)
    problems = profile_problems(identity.chain_pem, identity.key_pem)
    data = {
        "keys_dir": str(config.keys_dir),
        "development": identity.development,
        "algorithm": identity.alg,
        "signer_command": config.signer_command,
        "tsa_url": config.tsa_url,
        "chain": [c.to_dict() for c in chain],
        "trust_anchor": root[0].to_dict(),
        "trust_anchor_file": str(config.keys_dir / ROOT_CERT),
        "problems": problems,
    }
    if as_json:
        _emit_json(data)
        return
    kind = "DEVELOPMENT" if identity.development else "production"
    out.print(f"[bold]{kind} identity[/] in {config.keys_dir} ({identity.alg})")
    table = Table()
    for column in ("", "subject", "sha256 fingerprint", "expires", "days left"):
        table.add_column(column, overflow="fold")
    for label, cert in (
        [("signer", chain[0])] + [("CA", c) for c in chain[1:]] + [("trust anchor", root[0])]
    ):
        info = cert.to_dict()
        table.add_row(
            label,
            cert.subject,
            cert.sha256_fingerprint[:23] + "…",
            f"{cert.not_after:%Y-%m-%d}",
            str(info["days_left"]),
        )
    out.print(table)
    out.print(f"third parties trust: {data['trust_anchor_file']}")
    if not config.tsa_url:
        err.print(
            "[yellow]note:[/] no time-stamp authority (SAFEGEN_TSA_URL): signatures turn invalid "
            "when the signing certificate expires; production needs one"
        )
    for problem in problems:
        err.print(f"[red]problem:[/] {problem}")


@keys_app.command("import")
def keys_import(
    cert: Annotated[Path, typer.Option("--cert", help="PEM chain, signing certificate first.")],
    key: Annotated[Path, typer.Option("--key", help="PEM private key of that certificate.")],
    root: Annotated[
        Path | None,
        typer.Option("--root", help="The root CA verifiers trust (if not at the chain's end)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Install a production signing identity after checking it (the old one is retired).

    Checks that the key matches the certificate, the C2PA profile (end-entity,
    digitalSignature, emailProtection or documentSigning EKU, validity,
    algorithm) and the chain, then signs a test image before installing.
    """
    from safegen.errors import ProvenanceError
    from safegen.provenance.keys import import_identity

    config = _config()
    try:
        chain_pem, key_pem = cert.read_bytes(), key.read_bytes()
        root_pem = root.read_bytes() if root else None
    except OSError as exc:
        fail(ProvenanceError(f"cannot read {exc.filename}: {exc.strerror}"))
    identity = import_identity(config.keys_dir, chain_pem, key_pem, root_pem)
    if as_json:
        _emit_json({"imported": True, "keys_dir": str(config.keys_dir), "algorithm": identity.alg})
        return
    out.print(f"imported a production identity into {config.keys_dir} ({identity.alg})")


# -- ledger: search, export, report, audit, checkpoints, proofs, privacy ----------------


def _when(value: str | None, name: str) -> Any:
    """ISO date/time (UTC if no zone) or a relative age like 30d, 12h, 45m."""
    import datetime as dt
    import re

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
        when = dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(
            f"{name} must be an ISO date or time (2026-11-01, 2026-11-01T12:00) or an age "
            f"(30d, 12h, 45m), not {value!r}"
        ) from exc
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _open_ledger() -> Any:
    from safegen.ledger import Ledger

    return Ledger(_config().resolved_ledger_url)


_FORMATS = ("table", "json", "jsonl", "csv")
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


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "created_at": row["created_at"],
        "status": row["status"],
        "user": row["user"] or "",
        "model": row["model"]["name"] or "",
        "policy_action": row["policy"]["action"],
        "categories": ";".join(row["policy"]["categories"] or []),
        "prompt": row["prompt"] if row["prompt"] is not None else "",
        "prompt_hash": row["prompt_hash"],
        "assets": len(row.get("assets", [])),
        "asset_ids": ";".join(a["id"] for a in row.get("assets", [])),
    }


def _print_generations(rows: list[dict[str, Any]], fmt: str, title: str) -> None:
    import csv

    if fmt == "json":
        _emit_json(rows)
    elif fmt == "jsonl":
        for row in rows:
            _emit_json(row)
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
                flat["created_at"][:19],
                flat["status"],
                flat["user"],
                flat["model"],
                flat["categories"],
                (flat["prompt"] or f"<{row['prompt_storage']}>")[:60],
            )
        out.print(table)


def _filters(
    prompt: str | None,
    prompt_exact: str | None,
    words: str | None,
    user: str | None,
    model: str | None,
    status: str | None,
    category: str | None,
    since: str | None,
    until: str | None,
) -> Any:
    from safegen.ledger import SearchFilters

    prompt_hash = None
    if prompt_exact is not None:
        from safegen.api import SafeGen

        prompt_hash = SafeGen(_config()).prompt_hash(prompt_exact)
    return SearchFilters(
        prompt=prompt,
        prompt_hash=prompt_hash,
        words=words,
        user=user,
        model=model,
        status=status,
        category=category,
        since=_when(since, "--since"),
        until=_when(until, "--until"),
    )


PromptOpt = Annotated[str | None, typer.Option("--prompt", help="Substring of the prompt text.")]
PromptExactOpt = Annotated[
    str | None,
    typer.Option("--prompt-exact", help="The exact prompt; also finds prompts stored as hashes."),
]
UserOpt = Annotated[str | None, typer.Option("--user", help="User id.")]
ModelOpt = Annotated[str | None, typer.Option("--model", help="Model name.")]
StatusOpt = Annotated[
    str | None, typer.Option("--status", help="delivered | blocked | withheld | failed.")
]
CategoryOpt = Annotated[
    str | None, typer.Option("--category", help="Policy category, e.g. sexual, violence.")
]
SinceOpt = Annotated[str | None, typer.Option("--since", help="ISO time or age (30d).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="ISO time or age (exclusive).")]


@ledger_app.command("search")
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
    fmt: Annotated[str, typer.Option("--format", help="table | json | jsonl | csv.")] = "table",
) -> None:
    """Find generations by prompt, user, model, status, policy category and time."""
    if fmt not in _FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(_FORMATS)}")
    filters = _filters(prompt, prompt_exact, words, user, model, status, category, since, until)
    ledger = _open_ledger()
    try:
        rows = ledger.search(filters, limit=limit, offset=offset, oldest_first=oldest_first)
        total = ledger.count(filters) if fmt == "table" else len(rows)
    finally:
        ledger.close()
    _print_generations(rows, fmt, f"{len(rows)} of {total} generations")


def _with_phash(image: Path, query: Any) -> Any:
    """Read an image (with verify's limits), then run ``query(ledger, phash)``."""
    from safegen.imaging import hash_image, read_input_image

    _data, picture = read_input_image(image)
    ledger = _open_ledger()
    try:
        return query(ledger, hash_image(picture).phash)
    finally:
        ledger.close()


@ledger_app.command("similar")
def ledger_similar(
    image: Annotated[Path, typer.Argument(help="An image to look for.")],
    max_distance: Annotated[
        int, typer.Option("--max-distance", help="pHash bits (of 64) that may differ, 0-16.")
    ] = 8,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines.")] = False,
) -> None:
    """Near-duplicates of an image in the ledger, by perceptual hash, nearest first."""
    rows = _with_phash(image, lambda ledger, phash: ledger.similar(phash, max_distance))
    if as_json:
        for row in rows:
            _emit_json(row)
        return
    table = Table(title=f"{len(rows)} assets within {max_distance} bits")
    for column in ("distance", "asset", "generation", "status", "created"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            str(row["distance"]),
            row["id"],
            row["generation_id"],
            row["status"],
            (row["created_at"] or "")[:19],
        )
    out.print(table)


@ledger_app.command("export")
def ledger_export(
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    fmt: Annotated[str, typer.Option("--format", help="jsonl | csv.")] = "jsonl",
    user: UserOpt = None,
    model: ModelOpt = None,
    status: StatusOpt = None,
    category: CategoryOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
) -> None:
    """Stream matching generations (oldest first) to a JSONL or CSV file."""
    import csv

    if fmt not in ("jsonl", "csv"):
        raise typer.BadParameter("--format must be jsonl or csv")
    from safegen.errors import DeliveryError

    filters = _filters(None, None, None, user, model, status, category, since, until)
    ledger = _open_ledger()
    written = 0
    try:
        total = ledger.count(filters)
        temp = output.with_name(f".{output.name}.tmp")
        try:
            with (
                open(temp, "w", newline="", encoding="utf-8") as fh,
                _progress(err.is_terminal, total) as advance,
            ):
                writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS) if fmt == "csv" else None
                if writer:
                    writer.writeheader()
                for row in ledger.iter_generations(filters):
                    if writer:
                        writer.writerow(_flat(row))
                    else:
                        fh.write(json.dumps(row, default=str) + "\n")
                    written += 1
                    advance()
            os.replace(temp, output)
        except OSError as exc:
            temp.unlink(missing_ok=True)
            fail(DeliveryError(f"cannot write {output}: {exc.strerror or exc}"))
    finally:
        ledger.close()
    err.print(f"exported {written} generations to {output}")


@ledger_app.command("report")
def ledger_report(
    since: SinceOpt = None,
    until: UntilOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Counts by status, policy category, model and user; blocked/withheld rates; labels."""
    ledger = _open_ledger()
    try:
        report = ledger.report(_when(since, "--since"), _when(until, "--until"))
    finally:
        ledger.close()
    if as_json:
        _emit_json(report.to_dict())
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

    keys = _config().keys_dir
    own = keys / ROOT_CERT
    return (own.read_bytes() if own.is_file() else b"") + retired_roots(keys)


@ledger_app.command("audit")
def ledger_audit(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Recompute the whole hash chain and check every signed checkpoint.

    Exit 0 intact, 2 broken (the first bad sequence number is reported).
    """
    ledger = _open_ledger()
    try:
        with err.status("auditing…") if err.is_terminal and not as_json else _null():
            report = ledger.audit(_anchors() or None)
    finally:
        ledger.close()
    if as_json:
        _emit_json(report.to_dict())
    elif report.ok:
        out.print(
            f"[green]intact[/]: {report.entries} entries, head {report.head_seq} "
            f"{report.head_hash[:16]}…, {report.checkpoints} checkpoints ({report.seconds:.1f} s)"
        )
    else:
        out.print(f"[red]broken[/]: first bad entry {report.first_bad_seq}")
        for seq, problem in report.problems:
            out.print(f"  {seq if seq is not None else '-'}: {problem}", highlight=False)
    raise SystemExit(0 if report.ok else 2)


@ledger_app.command("checkpoint")
def ledger_checkpoint(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Sign the current chain head (sequence, hash, time) with the deployment's key."""
    from safegen.provenance.keyholder import _signer
    from safegen.provenance.keys import ensure_identity, load_identity

    config = _config()
    ensure_identity(config.keys_dir)
    identity = load_identity(config.keys_dir)
    alg, sign = _signer(identity.key_pem)
    ledger = _open_ledger()
    try:
        checkpoint = ledger.checkpoint(sign, alg, identity.chain_pem)
    finally:
        ledger.close()
    if as_json:
        _emit_json(checkpoint)
        return
    out.print(
        f"checkpoint {checkpoint['id']}: entry {checkpoint['seq']} "
        f"{checkpoint['entry_hash'][:16]}… signed"
    )


@ledger_app.command("proof")
def ledger_proof(
    asset_id: Annotated[str, typer.Argument(help="The asset to prove.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here.")] = None,
) -> None:
    """Print what an outside party needs to check that an asset's record is in a signed
    checkpoint: the record, the chain segment up to the checkpoint, and its signature.
    Check it with `safegen ledger check-proof FILE --trust ROOT.pem`."""
    ledger = _open_ledger()
    try:
        proof = ledger.proof(asset_id)
    finally:
        ledger.close()
    text = json.dumps(proof, indent=2, sort_keys=True)
    if output:
        output.write_text(text + "\n", encoding="utf-8")
        err.print(f"proof written to {output}")
    else:
        sys.stdout.write(text + "\n")


@ledger_app.command("check-proof")
def ledger_check_proof(
    proof_file: Annotated[Path, typer.Argument(help="A proof from `safegen ledger proof`.")],
    trust: Annotated[Path, typer.Option("--trust", help="The issuer's root certificate (PEM).")],
) -> None:
    """Check a proof offline, with only the issuer's root: exit 0 sound, 2 not."""
    from safegen.errors import ConfigError
    from safegen.ledger import verify_proof

    try:
        proof = json.loads(proof_file.read_text(encoding="utf-8"))
        anchors = trust.read_bytes()
    except (OSError, ValueError) as exc:
        fail(ConfigError(f"cannot read the proof or the root: {exc}"))
    problems = verify_proof(proof, anchors)
    if problems:
        for problem in problems:
            out.print(f"[red]not sound:[/] {problem}", highlight=False)
        raise SystemExit(2)
    out.print(
        f"[green]sound[/]: asset {proof['asset_id']} is in the ledger's entry "
        f"{proof['entries'][0]['seq']}, covered by the checkpoint signed at entry "
        f"{proof['entries'][-1]['seq']}"
    )


@ledger_app.command("erase")
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
    ledger = _open_ledger()
    try:
        count = ledger.erase(user=user, generation_ids=generation, reason=reason)
    finally:
        ledger.close()
    if as_json:
        _emit_json({"erased": count})
    else:
        out.print(f"erased the personal content of {count} generations")


@ledger_app.command("prune")
def ledger_prune(
    older_than: Annotated[
        str, typer.Option("--older-than", help="Age (90d) or ISO date: erase content before it.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Retention: erase personal content of older generations (records and hashes stay)."""
    before = _when(older_than, "--older-than")
    ledger = _open_ledger()
    try:
        count = ledger.prune(before)
    finally:
        ledger.close()
    if as_json:
        _emit_json({"erased": count, "before": before.isoformat()})
    else:
        out.print(f"erased the personal content of {count} generations created before {before}")


# -- protected-image banks ---------------------------------------------------------------


@bank_app.command("add")
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
    ledger = _open_ledger()
    try:
        ids = [ledger.bank_add(bank, value, text, sha) for value, text, sha in entries]
    finally:
        ledger.close()
    if as_json:
        _emit_json({"bank": bank, "added": len(ids), "errors": errors})
    else:
        out.print(
            f"added {len(ids)} entries to bank {bank!r}"
            + (f" ({errors} unreadable)" if errors else "")
        )
    if errors:
        raise SystemExit(65)


@bank_app.command("list")
def bank_list(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Banks and their sizes."""
    ledger = _open_ledger()
    try:
        banks = ledger.banks()
    finally:
        ledger.close()
    if as_json:
        _emit_json(banks)
        return
    table = Table(title="protected-image banks")
    table.add_column("bank")
    table.add_column("entries", justify="right")
    for name, count in banks.items():
        table.add_row(name, str(count))
    out.print(table if banks else "no banks")


@bank_app.command("check")
def bank_check(
    image: Annotated[Path, typer.Argument(help="An image to check against every bank.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Whether an image is a near-duplicate of a protected one: exit 0 no, 3 yes."""
    from safegen.api import BANK_DISTANCE

    matches = _with_phash(image, lambda ledger, phash: ledger.bank_matches(phash, BANK_DISTANCE))
    if as_json:
        _emit_json({"path": str(image), "matches": matches})
    elif matches:
        for match in matches:
            out.print(
                f"matches {match['label']!r} in bank {match['bank']!r} ({match['distance']} bits)"
            )
    else:
        out.print("no protected image matches")
    raise SystemExit(3 if matches else 0)
