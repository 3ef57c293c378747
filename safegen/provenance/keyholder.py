"""A key-holding process for the command signer: ``python -m safegen.provenance.keyholder``.

    SAFEGEN_SIGNER_COMMAND="python -m safegen.provenance.keyholder \
        --key /secure/signer.key --chain /secure/signer-chain.pem"

The private key is read here and never enters the generating process. The
framing is in :mod:`safegen.provenance.command`; to sign with a KMS or an
HSM, keep the framing and replace :func:`safegen.crypto.signer_for`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from safegen.crypto import signer_for
from safegen.provenance.command import read_frame, write_frame


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--key", required=True, type=Path, help="PEM private key")
    parser.add_argument("--chain", required=True, type=Path, help="PEM chain, leaf first")
    args = parser.parse_args(argv)
    try:
        alg, sign = signer_for(args.key.read_bytes())
        chain = args.chain.read_text("ascii")
    except Exception as exc:  # noqa: BLE001 - reported to the parent through stderr
        print(f"keyholder: {exc}", file=sys.stderr)
        return 1
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    write_frame(stdout, json.dumps({"alg": alg, "chain": chain}).encode())
    while True:
        try:
            data = read_frame(stdin)
        except EOFError:
            return 0
        try:
            write_frame(stdout, sign(data), status=0)
        except Exception as exc:  # noqa: BLE001 - answered, the loop goes on
            write_frame(stdout, str(exc).encode(), status=1)


if __name__ == "__main__":
    raise SystemExit(main())
