"""`safegen generate`: one request through the whole path (DESIGN.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.table import Table

from safegen.cli._shared import (
    BackendChoice,
    ImageFormat,
    emit_json,
    err,
    fail,
    load_config,
    out,
    spinner,
    value,
)
from safegen.codes import Status
from safegen.errors import OutputWithheld, PolicyViolation


def _parse_size(size: str | None) -> tuple[int | None, int | None]:
    if not size:
        return None, None
    try:
        width, height = (int(part) for part in size.lower().split("x"))
    except ValueError as exc:
        raise typer.BadParameter(f"size must look like 512x512, not {size!r}") from exc
    return width, height


def generate(
    prompt: Annotated[str, typer.Argument(help="What to draw.")],
    n: Annotated[int, typer.Option("-n", help="Number of images.")] = 1,
    seed: Annotated[int | None, typer.Option(help="Seed; image i uses seed + i.")] = None,
    negative: Annotated[str | None, typer.Option("--negative", help="Negative prompt.")] = None,
    backend: Annotated[
        BackendChoice | None, typer.Option(help="The generation backend.", case_sensitive=False)
    ] = None,
    model: Annotated[
        str | None, typer.Option(help="Model folder or hub id (diffusers, gan).")
    ] = None,
    steps: Annotated[int | None, typer.Option(help="Denoising steps.")] = None,
    size: Annotated[str | None, typer.Option(help="WIDTHxHEIGHT, e.g. 256x256.")] = None,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Folder for the image files.")
    ] = Path("."),
    output_format: Annotated[
        ImageFormat,
        typer.Option(
            "--format", help="Image format (signed in that format).", case_sensitive=False
        ),
    ] = ImageFormat.png,
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
    profile: Annotated[
        list[str] | None,
        typer.Option(
            "--profile",
            help="Jurisdiction profile: eu, ca, cn, none or a YAML path (repeatable; "
            "default: the profile setting).",
            show_default=False,
        ),
    ] = None,
    label: Annotated[
        bool | None,
        typer.Option(
            "--label/--no-label",
            help="Draw a visible 'AI-generated' disclosure (cn draws its own; it cannot be off).",
            show_default=False,
        ),
    ] = None,
    label_text: Annotated[
        str | None, typer.Option("--label-text", help="Text of the visible disclosure.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Generate images; each is checked, watermarked, signed and recorded before it is written.

    Exit 0 delivered, 3 blocked by policy, 4 all images withheld.
    """
    from safegen.api import SafeGen

    width, height = _parse_size(size)
    with (
        SafeGen(load_config(backend=value(backend), model=model, policy=policy)) as gen,
        spinner(not as_json, "generating…"),
    ):
        try:
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
                output_format=output_format.value,
                init_image=init_image,
                strength=strength,
                profile=",".join(profile) if profile else None,
                label=label_text if label_text is not None and label is not False else label,
            )
        except PolicyViolation as exc:
            _refused(exc, as_json, status=Status.BLOCKED, policy=exc.decision.to_dict())
        except OutputWithheld as exc:
            _refused(exc, as_json, status=Status.WITHHELD, withheld_scores=exc.scores)
    if as_json:
        emit_json(result.to_dict())
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


def _refused(exc: PolicyViolation | OutputWithheld, as_json: bool, **fields: object) -> NoReturn:
    """A blocked or all-withheld generation: one line on stderr, or one JSON object."""
    if not as_json:
        fail(exc)
    emit_json({"generation_id": exc.generation_id, **fields, "images": []})
    raise SystemExit(exc.exit_code) from None
