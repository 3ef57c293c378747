"""`safegen keys`: the C2PA signing identity (development CA, production import)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from safegen.cli._shared import (
    emit_json,
    err,
    fail,
    load_config,
    out,
)

app = typer.Typer(help="The C2PA signing identity.", no_args_is_help=True)


@app.command("init")
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

    config = load_config()
    created = ensure_identity(config.keys_dir, org=org, force=force)
    root = config.keys_dir / ROOT_CERT
    if as_json:
        emit_json({"created": created, "keys_dir": str(config.keys_dir), "root": str(root)})
        return
    if created:
        out.print(f"created a development identity in {config.keys_dir}")
        out.print(f"the file a third party needs to trust it: {root}")
    else:
        out.print(f"an identity already exists in {config.keys_dir} (use --force to replace it)")


@app.command("show")
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

    config = load_config()
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
        emit_json(data)
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


@app.command("import")
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

    config = load_config()
    try:
        chain_pem, key_pem = cert.read_bytes(), key.read_bytes()
        root_pem = root.read_bytes() if root else None
    except OSError as exc:
        fail(ProvenanceError(f"cannot read {exc.filename}: {exc.strerror}"))
    identity = import_identity(config.keys_dir, chain_pem, key_pem, root_pem)
    if as_json:
        emit_json({"imported": True, "keys_dir": str(config.keys_dir), "algorithm": identity.alg})
        return
    out.print(f"imported a production identity into {config.keys_dir} ({identity.alg})")
