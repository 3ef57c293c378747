"""The `safegen` command line. See `safegen --help` and docs/quickstart.md.

Exit codes: :class:`safegen.codes.ExitCode` (one table, documented in
docs/quickstart.md).
"""

from __future__ import annotations

import sys

import typer

from safegen.cli.app import app


def _click_class(name: str) -> type[Exception]:
    """Click's exception classes, wherever this Typer keeps them.

    Why not ``import click``: recent Typer releases vendor their own copy of
    Click, so ``click.UsageError`` is not the class Typer raises.
    """
    import typer

    for cls in typer.BadParameter.__mro__:
        if cls.__name__ == name:
            return cls
    raise LookupError(name)


def main() -> None:
    """Console entry point: usage errors exit 64, SafegenError exits with its own code."""
    from safegen.cli._shared import fail
    from safegen.codes import ExitCode
    from safegen.errors import SafegenError

    usage_error = _click_class("UsageError")
    click_error = _click_class("ClickException")
    try:
        code = app(standalone_mode=False)
    except usage_error as exc:
        exc.show()  # type: ignore[attr-defined]
        sys.exit(ExitCode.USAGE)
    except click_error as exc:
        exc.show()  # type: ignore[attr-defined]
        sys.exit(ExitCode.USAGE)
    except (KeyboardInterrupt, typer.Abort):
        sys.exit(ExitCode.INTERRUPTED)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except SafegenError as exc:
        fail(exc)
    sys.exit(code if isinstance(code, int) else 0)


__all__ = ["app", "main"]
