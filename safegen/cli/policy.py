"""`safegen policy`: check, explain and lint prompt policy packs."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from safegen.cli._shared import (
    ACTION_COLOURS,
    emit_json,
    err,
    load_config,
    out,
    progress,
)
from safegen.codes import ExitCode

app = typer.Typer(help="Check prompts against a policy pack.", no_args_is_help=True)


@app.command("check")
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
    engine = load_policy(policy or load_config().policy)
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
    with progress(not as_json and err.is_terminal and len(prompts) > 20, len(prompts)) as advance:
        for text in prompts:
            decision = engine.evaluate(text)
            advance()
            blocked |= decision.blocked
            if as_json:
                emit_json({"prompt": text, **decision.to_dict()})
            elif table is not None:
                table.add_row(
                    text[:200],
                    decision.language,
                    f"[{ACTION_COLOURS[decision.action]}]{decision.action}[/]",
                    ", ".join(decision.categories),
                    ", ".join(decision.rules),
                )
    if table is not None:
        out.print(table)
    raise SystemExit(ExitCode.BLOCKED if blocked else ExitCode.OK)


@app.command("explain")
def policy_explain(
    prompt: Annotated[str, typer.Argument(help="The prompt to explain.")],
    policy: Annotated[str | None, typer.Option(help="Policy pack name or YAML path.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show how a prompt was read: its language, every rule that fired, the classifier's
    calibrated score per category against its thresholds, and semantic scores."""
    from safegen.policy import load_policy

    engine = load_policy(policy or load_config().policy)
    decision = engine.evaluate(prompt)
    thresholds = {r.id: r.threshold for r in engine.pack.rules if r.semantic}
    if as_json:
        emit_json(
            {
                "prompt": prompt,
                "views": [{"kind": k, "text": t} for k, t in decision.views],
                **decision.to_dict(),
                "thresholds": thresholds,
            }
        )
        raise SystemExit(ExitCode.BLOCKED if decision.blocked else ExitCode.OK)
    colour = ACTION_COLOURS[decision.action]
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
    raise SystemExit(ExitCode.BLOCKED if decision.blocked else ExitCode.OK)


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


@app.command("lint")
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
        emit_json({"valid": True, **summary})
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
