"""A key-holding process for the command signer: ``python -m safegen.provenance.keyholder``.

    SAFEGEN_SIGNER_COMMAND="python -m safegen.provenance.keyholder \
        --key /secure/signer.key --chain /secure/signer-chain.pem"

The private key is read here and never enters the generating process. The
framing is in :mod:`safegen.provenance.command`; to sign with a KMS or an
HSM, keep the framing and replace :func:`_signer`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from safegen.provenance.command import read_frame, write_frame


def _signer(key_pem: bytes) -> tuple[str, Callable[[bytes], bytes]]:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa

    from safegen.provenance.keys import _algorithm, _load_key

    key = _load_key(key_pem)
    alg = _algorithm(key)
    if isinstance(key, ec.EllipticCurvePrivateKey):
        digest: hashes.HashAlgorithm = {
            "es256": hashes.SHA256(),
            "es384": hashes.SHA384(),
            "es512": hashes.SHA512(),
        }[alg]
        return alg, lambda data: key.sign(data, ec.ECDSA(digest))
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return alg, key.sign
    assert isinstance(key, rsa.RSAPrivateKey)
    pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)
    return alg, lambda data: key.sign(data, pss, hashes.SHA256())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--key", required=True, type=Path, help="PEM private key")
    parser.add_argument("--chain", required=True, type=Path, help="PEM chain, leaf first")
    args = parser.parse_args(argv)
    try:
        alg, sign = _signer(args.key.read_bytes())
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
