"""The `safegen` command line. See `safegen --help` and docs/quickstart.md.

Exit codes: 0 success (verify: verified); verify 1 unknown, 2 tampered,
3 traced; generate 3 blocked by policy, 4 all images withheld; 64 usage or
configuration error; 65 unreadable input image; 70 internal stage failure
(backend, signing, watermark); 74 output could not be written; 75 ledger
unavailable; 130 interrupted.
"""

from __future__ import annotations

import sys

from safegen.cli.app import app


def main() -> None:
    """Console entry point: maps usage errors to 64 and SafegenError to its exit code."""
    import click

    from safegen.cli.app import fail
    from safegen.errors import SafegenError

    try:
        code = app(standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as exc:
        exc.show()
        sys.exit(64)
    except click.UsageError as exc:
        exc.show()
        sys.exit(64)
    except click.exceptions.Abort:
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except SafegenError as exc:
        fail(exc)
    sys.exit(code if isinstance(code, int) else 0)


__all__ = ["app", "main"]
