"""Signing identities: the development CA created on first use, and loading a production chain.

The development identity is a self-made root CA and a leaf certificate with
the profile C2PA validators accept (leaf: CA=false, digitalSignature,
EKU emailProtection + documentSigning, SKI and AKI; root: CA=true,
keyCertSign). It proves nothing to outsiders until they choose to trust
``root-ca.pem``; production deployments bring a chain from a real CA.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
from dataclasses import dataclass
from pathlib import Path

from safegen.errors import ProvenanceError

ROOT_CERT = "root-ca.pem"
ROOT_KEY = "root-ca.key"
SIGNER_CHAIN = "signer-chain.pem"
SIGNER_KEY = "signer.key"
PROMPT_KEY = "prompt-hmac.key"
DOCUMENT_SIGNING_EKU = "1.3.6.1.5.5.7.3.36"


@dataclass(frozen=True)
class SigningIdentity:
    chain_pem: bytes
    """Leaf first, then intermediates."""
    key_pem: bytes
    trust_anchors_pem: bytes
    development: bool


def _write_private(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def _write_public(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _create_dev_identity(keys_dir: Path, org: str) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier

    now = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    root_key = ec.generate_private_key(ec.SECP256R1())
    root_name = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
            x509.NameAttribute(
                NameOID.COMMON_NAME, f"{org} DEVELOPMENT root CA (not for production)"
            ),
        ]
    )
    root_ski = x509.SubjectKeyIdentifier.from_public_key(root_key.public_key())
    root = (
        x509.CertificateBuilder()
        .subject_name(root_name)
        .issuer_name(root_name)
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(root_ski, critical=False)
        .sign(root_key, hashes.SHA256())
    )
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    leaf = (
        x509.CertificateBuilder()
        .subject_name(
            x509.Name(
                [
                    x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
                    x509.NameAttribute(NameOID.COMMON_NAME, f"{org} DEVELOPMENT signer"),
                ]
            )
        )
        .issuer_name(root_name)
        .public_key(leaf_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=730))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.EMAIL_PROTECTION, ObjectIdentifier(DOCUMENT_SIGNING_EKU)]
            ),
            critical=False,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(leaf_key.public_key()), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(root_ski), critical=False
        )
        .sign(root_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    pkcs8 = serialization.PrivateFormat.PKCS8
    plain = serialization.NoEncryption()
    _write_private(keys_dir / ROOT_KEY, root_key.private_bytes(pem, pkcs8, plain))
    _write_private(keys_dir / SIGNER_KEY, leaf_key.private_bytes(pem, pkcs8, plain))
    _write_public(keys_dir / SIGNER_CHAIN, leaf.public_bytes(pem) + root.public_bytes(pem))
    # The root last: its presence marks a complete identity.
    _write_public(keys_dir / ROOT_CERT, root.public_bytes(pem))


def ensure_identity(keys_dir: Path, *, org: str = "safegen") -> bool:
    """Create the development identity under ``keys_dir`` unless one exists.

    Returns True when it was created now. A file lock makes concurrent first
    runs (several workers starting at once) create exactly one identity.
    """
    try:
        keys_dir.mkdir(parents=True, exist_ok=True)
        os.chmod(keys_dir, 0o700)
        with open(keys_dir / ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if (keys_dir / ROOT_CERT).is_file() and (keys_dir / SIGNER_KEY).is_file():
                return False
            _create_dev_identity(keys_dir, org)
            return True
    except OSError as exc:
        raise ProvenanceError(f"cannot create signing keys in {keys_dir}: {exc}") from exc


def load_identity(keys_dir: Path) -> SigningIdentity:
    try:
        chain = (keys_dir / SIGNER_CHAIN).read_bytes()
        key = (keys_dir / SIGNER_KEY).read_bytes()
        root = (keys_dir / ROOT_CERT).read_bytes()
    except OSError as exc:
        raise ProvenanceError(
            f"signing identity in {keys_dir} is incomplete ({exc.strerror}: {exc.filename})"
        ) from exc
    return SigningIdentity(
        chain_pem=chain,
        key_pem=key,
        trust_anchors_pem=root,
        development=b"DEVELOPMENT" in _subject_of_first(chain),
    )


def _subject_of_first(chain_pem: bytes) -> bytes:
    from cryptography import x509

    try:
        return x509.load_pem_x509_certificates(chain_pem)[0].subject.rfc4514_string().encode()
    except ValueError as exc:
        raise ProvenanceError(f"signer chain is not valid PEM: {exc}") from exc


def prompt_key(keys_dir: Path) -> bytes:
    """The deployment's secret for keyed prompt hashes, created on first use."""
    path = keys_dir / PROMPT_KEY
    try:
        keys_dir.mkdir(parents=True, exist_ok=True)
        with open(keys_dir / ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not path.is_file():
                _write_private(path, os.urandom(32))
        return path.read_bytes()
    except OSError as exc:
        raise ProvenanceError(f"cannot read or create {path}: {exc}") from exc
