"""Checkpoints as C2SP signed notes (c2sp.org/signed-note, c2sp.org/tlog-checkpoint).

A checkpoint's text is three lines, the origin, the tree size and the base64
Merkle root, signed by the deployment's key:

    safegen.ledger/5f0c…
    1042
    q3v8…=

    — safegen.ledger/5f0c… AbCd…

Signature types by key: ECDSA keys use type 0x02 (the key ID is the first four
bytes of SHA-256 of the DER SubjectPublicKeyInfo, the signature DER over the
text, as transparency-dev/witness implements it), Ed25519 keys type 0x01, RSA-PSS
keys type 0xff followed by ``safegen/ps256``. The signer's certificate chain is
not in the note (a witness keeps the note as issued); verifiers take it from the
ledger's checkpoint rows, the deployment's identity or a ``.pem`` beside the note,
and check it against the root certificate.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from safegen.crypto import verify_signature
from safegen.errors import SafegenError

MAX_NOTE_BYTES = 64 * 1024
DASH = "\u2014"


class NoteError(SafegenError):
    """A signed note that cannot be read (malformed, truncated, not a checkpoint)."""


@dataclass(frozen=True)
class Signature:
    name: str
    key_id: bytes
    signature: bytes


@dataclass(frozen=True)
class CheckpointNote:
    text: str
    """The signed text, ending in a newline."""
    origin: str
    size: int
    root: bytes
    signatures: tuple[Signature, ...]

    def render(self) -> str:
        lines = [
            f"{DASH} {s.name} {base64.b64encode(s.key_id + s.signature).decode('ascii')}\n"
            for s in self.signatures
        ]
        return self.text + "\n" + "".join(lines)


def checkpoint_text(origin: str, size: int, root: bytes) -> str:
    if not origin or any(ch.isspace() or ch == "+" for ch in origin):
        raise NoteError(f"a checkpoint origin needs no spaces or '+': {origin!r}")
    return f"{origin}\n{size}\n{base64.b64encode(root).decode('ascii')}\n"


def _public_key_der(chain_pem: bytes) -> bytes:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    leaf = x509.load_pem_x509_certificates(chain_pem)[0]
    return leaf.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def key_id(name: str, alg: str, chain_pem: bytes) -> bytes:
    """The note key ID of the signer certified by ``chain_pem`` (leaf first)."""
    der = _public_key_der(chain_pem)
    if alg.startswith("es"):
        return hashlib.sha256(der).digest()[:4]
    if alg == "ed25519":
        raw = der[-32:]  # the SPKI of an Ed25519 key ends with the 32-byte key
        return hashlib.sha256(name.encode() + b"\n\x01" + raw).digest()[:4]
    return hashlib.sha256(name.encode() + b"\n\xff" + f"safegen/{alg}".encode() + der).digest()[:4]


def sign_checkpoint(
    origin: str, size: int, root: bytes, alg: str, chain_pem: bytes, sign: Callable[[bytes], bytes]
) -> CheckpointNote:
    """A checkpoint note signed by ``sign(text) -> signature`` with the key of ``chain_pem``."""
    text = checkpoint_text(origin, size, root)
    signature = sign(text.encode("utf-8"))
    return CheckpointNote(
        text, origin, size, root, (Signature(origin, key_id(origin, alg, chain_pem), signature),)
    )


def parse_checkpoint(data: bytes, source: str) -> CheckpointNote:
    """Read a checkpoint note; :class:`NoteError` names ``source`` and what is wrong."""
    if len(data) > MAX_NOTE_BYTES:
        raise NoteError(f"{source}: {len(data)} bytes is too large for a checkpoint note")
    try:
        note = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NoteError(f"{source}: not UTF-8 ({exc.reason})") from None
    if any(ord(ch) < 0x20 and ch != "\n" for ch in note):
        raise NoteError(f"{source}: holds control characters; not a signed note")
    if not note.endswith("\n") or "\n\n" not in note:
        raise NoteError(f"{source}: no signature lines (truncated, or not a signed note)")
    cut = note.rindex("\n\n")
    text, signature_block = note[: cut + 1], note[cut + 2 :]
    signatures = []
    for line in signature_block.splitlines():
        parts = line.split(" ")
        if len(parts) != 3 or parts[0] != DASH or not parts[1]:
            raise NoteError(f"{source}: malformed signature line {line[:60]!r}")
        try:
            raw = base64.b64decode(parts[2], validate=True)
        except (binascii.Error, ValueError):
            raise NoteError(f"{source}: a signature is not base64") from None
        if len(raw) < 5:
            raise NoteError(f"{source}: a signature is too short")
        signatures.append(Signature(parts[1], raw[:4], raw[4:]))
    if not signatures:
        raise NoteError(f"{source}: no signature lines")
    lines = text.split("\n")[:-1]
    if len(lines) < 3 or not all(lines[:3]):
        raise NoteError(f"{source}: a checkpoint needs an origin, a tree size and a root hash")
    origin, size_text, root_text = lines[:3]
    if not size_text.isdigit() or (size_text.startswith("0") and size_text != "0"):
        raise NoteError(f"{source}: tree size {size_text[:30]!r} is not a decimal number")
    try:
        root = base64.b64decode(root_text, validate=True)
    except (binascii.Error, ValueError):
        raise NoteError(f"{source}: the root hash is not base64") from None
    if len(root) != 32:
        raise NoteError(f"{source}: the root hash is {len(root)} bytes, not 32")
    return CheckpointNote(text, origin, int(size_text), root, tuple(signatures))


def signed_by(note: CheckpointNote, alg: str, chain_pem: bytes) -> bool | None:
    """True if a signature of ``note`` verifies with the key of ``chain_pem``; False if one
    claims that key and fails; None if no signature claims it (name and key ID)."""
    wanted = key_id(note.origin, alg, chain_pem)
    claimed = [s for s in note.signatures if s.name == note.origin and s.key_id == wanted]
    if not claimed:
        return None
    for signature in claimed:
        try:
            verify_signature(alg, chain_pem, note.text.encode("utf-8"), signature.signature)
        except (ValueError, TypeError):
            return False
    return True
