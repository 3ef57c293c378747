"""The `safegen` command line. See `safegen --help` and docs/quickstart.md.

Exit codes: 0 success (verify: verified); verify 1 unknown, 2 tampered,
3 traced; generate 3 blocked by policy, 4 all images withheld; 64 usage or
configuration error; 65 unreadable input image; 70 internal stage failure
(backend, signing, watermark); 74 output could not be written; 75 ledger
unavailable; 130 interrupted.
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
    from safegen.cli.app import fail
    from safegen.errors import SafegenError

    usage_error = _click_class("UsageError")
    click_error = _click_class("ClickException")
    try:
        code = app(standalone_mode=False)
    except usage_error as exc:
        exc.show()  # type: ignore[attr-defined]
        sys.exit(64)
    except click_error as exc:
        exc.show()  # type: ignore[attr-defined]
        sys.exit(64)
    except (KeyboardInterrupt, typer.Abort):
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except SafegenError as exc:
        fail(exc)
    sys.exit(code if isinstance(code, int) else 0)


__all__ = ["app", "main"]
