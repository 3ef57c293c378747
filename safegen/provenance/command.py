"""A signer whose private key lives in another process (the hook for a KMS or an HSM).

Protocol, over the process's stdin and stdout (all integers big-endian):

1. On start the process writes one frame: a 4-byte length and a JSON object
   ``{"alg": "es256", "chain": "<PEM, leaf first>"}``.
2. For each signature safegen writes a frame (4-byte length, the bytes to
   sign); the process answers with a status byte (0 ok, 1 error), a 4-byte
   length, and the signature (DER or raw r||s for ECDSA) or a UTF-8 error.

The process stays up across signatures (one start, then about a
millisecond per image). ``python -m safegen.provenance.keyholder`` is a
working implementation over a PEM key file; a KMS or PKCS#11 deployment
replaces its one ``sign`` call and keeps the framing.
"""

from __future__ import annotations

import json
import shlex
import struct
import subprocess
import threading
from typing import IO, Any

from safegen.errors import ProvenanceError
from safegen.provenance import CallbackSigner
from safegen.provenance.keys import _load_certificates, profile_problems

MAX_FRAME = 1 << 20


def read_frame(stream: IO[bytes]) -> bytes:
    header = stream.read(4)
    if len(header) < 4:
        raise EOFError("the stream closed")
    (length,) = struct.unpack(">I", header)
    if length > MAX_FRAME:
        raise ValueError(f"frame of {length} bytes is too long")
    body = stream.read(length)
    if len(body) < length:
        raise EOFError("the stream closed inside a frame")
    return body


def write_frame(stream: IO[bytes], body: bytes, status: int | None = None) -> None:
    prefix = b"" if status is None else bytes([status])
    stream.write(prefix + struct.pack(">I", len(body)) + body)
    stream.flush()


class CommandSigner(CallbackSigner):
    """Signs through a long-running command that holds the key (see the module docstring)."""

    def __init__(
        self, command: str, trust_anchors_pem: bytes = b"", *, tsa_url: str | None = None
    ) -> None:
        self.command = command
        try:
            self._process = subprocess.Popen(
                shlex.split(command),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        except (OSError, ValueError) as exc:
            raise ProvenanceError(f"cannot start the signer command {command!r}: {exc}") from exc
        self._io_lock = threading.Lock()
        try:
            info = json.loads(read_frame(self._stdout))
            alg, chain = str(info["alg"]), str(info["chain"]).encode("ascii")
        except (EOFError, ValueError, KeyError, TypeError) as exc:
            raise ProvenanceError(
                f"the signer command {command!r} did not announce its certificate chain "
                f"({exc}): {self._stderr_tail()}"
            ) from exc
        problems = profile_problems(chain, None)
        if problems:
            self.close()
            raise ProvenanceError("the signer command's certificate: " + "; ".join(problems))
        if not trust_anchors_pem:
            last = _load_certificates(chain, "the signer command's chain")[-1]
            if last.issuer != last.subject:
                self.close()
                raise ProvenanceError(
                    "no trust anchor for the signer command's chain: put its root "
                    "certificate in $SAFEGEN_HOME/keys/root-ca.pem"
                )
            trust_anchors_pem = last.public_bytes(_pem_encoding())
        super().__init__(self._sign_bytes, chain, alg, trust_anchors_pem, tsa_url=tsa_url)

    @property
    def _stdout(self) -> IO[bytes]:
        assert self._process.stdout is not None
        return self._process.stdout

    def _stderr_tail(self) -> str:
        if self._process.poll() is None or self._process.stderr is None:
            return "(still running)"
        return (
            self._process.stderr.read().decode("utf-8", "replace").strip()[-500:] or "(no output)"
        )

    def _sign_bytes(self, data: bytes) -> bytes:
        with self._io_lock:
            if self._process.poll() is not None:
                raise ProvenanceError(
                    f"the signer command exited ({self._process.returncode}): {self._stderr_tail()}"
                )
            assert self._process.stdin is not None
            try:
                write_frame(self._process.stdin, data)
                status = self._stdout.read(1)
                body = read_frame(self._stdout)
            except (OSError, EOFError) as exc:
                raise ProvenanceError(f"the signer command failed: {self._stderr_tail()}") from exc
        if status != b"\x00":
            raise ProvenanceError(f"the signer command refused: {body.decode('utf-8', 'replace')}")
        return body

    def close(self) -> None:
        if self._process.poll() is None:
            if self._process.stdin is not None:
                self._process.stdin.close()
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # noqa: BLE001 - interpreter shutdown
            pass


def _pem_encoding() -> Any:
    from cryptography.hazmat.primitives import serialization

    return serialization.Encoding.PEM
