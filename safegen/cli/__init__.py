"""The `safegen` command line. See `safegen --help` and docs/quickstart.md.

Exit codes: :class:`safegen.codes.ExitCode` (one table, documented in
docs/quickstart.md).
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

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
    _exit(_run())


def _run() -> int:
    from safegen.cli._shared import fail
    from safegen.codes import ExitCode
    from safegen.errors import FileError, SafegenError

    usage_error = _click_class("UsageError")
    click_error = _click_class("ClickException")
    try:
        try:
            code = app(standalone_mode=False)
        except usage_error as exc:
            exc.show()  # type: ignore[attr-defined]
            return int(ExitCode.USAGE)
        except click_error as exc:
            exc.show()  # type: ignore[attr-defined]
            return int(ExitCode.USAGE)
        except (KeyboardInterrupt, typer.Abort):
            return int(ExitCode.INTERRUPTED)
        except typer.Exit as exc:
            return int(exc.exit_code)
        except SafegenError as exc:
            fail(exc)
        except OSError as exc:  # what no command anticipated: name the file, no traceback
            fail(FileError(_os_error_message(exc)))
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return int(exc.code or 0)
        sys.stderr.write(f"{exc.code}\n")
        return 1
    return code if isinstance(code, int) else 0


def _os_error_message(exc: OSError) -> str:
    files = " and ".join(str(f) for f in (exc.filename, exc.filename2) if f is not None)
    reason = exc.strerror or str(exc)
    return f"{files}: {reason}" if files else f"an operating-system error: {reason}"


def _exit(code: int) -> NoReturn:
    """Flush and leave without the interpreter's teardown.

    Why: tearing down torch, onnxruntime and OpenCV's modules at exit costs about
    0.4 s of a 3 s ``safegen generate``. By the time a command returns it has
    committed and closed its ledger session and fsync'd every file it wrote, so
    nothing is lost by skipping it; logging handlers and the standard streams are
    flushed here first.
    """
    import logging

    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        logging.shutdown()
        os._exit(code)


__all__ = ["app", "main"]
