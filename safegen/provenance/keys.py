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
from typing import Any

from safegen.crypto import algorithm_of, load_private_key
from safegen.errors import ProvenanceError

ROOT_CERT = "root-ca.pem"
ROOT_KEY = "root-ca.key"
SIGNER_CHAIN = "signer-chain.pem"
SIGNER_KEY = "signer.key"
PROMPT_KEY = "prompt-hmac.key"
LEDGER_KEY = "ledger-entry.key"
"""The secret every ledger entry is tagged with (HMAC-SHA256); kept with the keys, never in
the database, so whoever can write SQL but not read this file cannot append unseen."""
DOCUMENT_SIGNING_EKU = "1.3.6.1.5.5.7.3.36"


@dataclass(frozen=True)
class SigningIdentity:
    chain_pem: bytes
    """Leaf first, then intermediates."""
    key_pem: bytes
    trust_anchors_pem: bytes
    development: bool
    alg: str = "es256"
    """The C2PA signing algorithm the key implies: es256, es384, es512, ps256 or ed25519."""


@dataclass(frozen=True)
class CertificateInfo:
    """One certificate of a chain, as ``safegen keys show`` prints it."""

    subject: str
    issuer: str
    serial: str
    sha256_fingerprint: str
    not_before: dt.datetime
    not_after: dt.datetime
    is_ca: bool
    key: str

    def to_dict(self) -> dict[str, object]:
        return {
            "subject": self.subject,
            "issuer": self.issuer,
            "serial": self.serial,
            "sha256_fingerprint": self.sha256_fingerprint,
            "not_before": self.not_before.isoformat(),
            "not_after": self.not_after.isoformat(),
            "days_left": (self.not_after - dt.datetime.now(dt.UTC)).days,
            "is_ca": self.is_ca,
            "key": self.key,
        }


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


def ensure_identity(keys_dir: Path, *, org: str = "safegen", force: bool = False) -> bool:
    """Create the development identity under ``keys_dir`` unless one exists.

    Returns True when it was created now. A file lock makes concurrent first
    runs (several workers starting at once) create exactly one identity.
    With ``force`` an existing identity is retired (moved aside, never
    deleted: images it signed still verify against its root) and replaced.
    """
    try:
        keys_dir.mkdir(parents=True, exist_ok=True)
        os.chmod(keys_dir, 0o700)
        with open(keys_dir / ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if (keys_dir / ROOT_CERT).is_file() and (keys_dir / SIGNER_KEY).is_file():
                if not force:
                    return False
                _retire(keys_dir)
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
        alg=algorithm_of(load_private_key(key)),
    )


def _subject_of_first(chain_pem: bytes) -> bytes:
    from cryptography import x509

    try:
        return x509.load_pem_x509_certificates(chain_pem)[0].subject.rfc4514_string().encode()
    except ValueError as exc:
        raise ProvenanceError(f"signer chain is not valid PEM: {exc}") from exc


def prompt_hash(keys_dir: Path, prompt: str) -> str:
    """HMAC-SHA256 of a prompt under the deployment's secret (see :func:`prompt_key`).

    Keyed, because a plain hash of a short prompt can be reversed by guessing,
    and the hash travels in every public manifest.
    """
    import hashlib
    import hmac

    return hmac.new(prompt_key(keys_dir), prompt.encode("utf-8"), hashlib.sha256).hexdigest()


def prompt_key(keys_dir: Path) -> bytes:
    """The deployment's secret for keyed prompt hashes, created on first use."""
    return _secret(keys_dir, PROMPT_KEY)


def ledger_key(keys_dir: Path) -> bytes:
    """The deployment's ledger key (entry tags, see :data:`LEDGER_KEY`), created on first use."""
    return _secret(keys_dir, LEDGER_KEY)


def _secret(keys_dir: Path, name: str) -> bytes:
    path = keys_dir / name
    try:
        keys_dir.mkdir(parents=True, exist_ok=True)
        with open(keys_dir / ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not path.is_file():
                _write_private(path, os.urandom(32))
        return path.read_bytes()
    except OSError as exc:
        raise ProvenanceError(f"cannot read or create {path}: {exc}") from exc


# -- inspecting and importing identities -----------------------------------------------

EMAIL_PROTECTION_EKU = "1.3.6.1.5.5.7.3.4"
SIGNING_EKUS = {EMAIL_PROTECTION_EKU: "emailProtection", DOCUMENT_SIGNING_EKU: "documentSigning"}
"""Extended key usages C2PA accepts for a claim signer."""
RETIRED = "retired"


def _load_certificates(pem: bytes, what: str) -> list[Any]:
    from cryptography import x509

    try:
        certs = x509.load_pem_x509_certificates(pem)
    except ValueError as exc:
        raise ProvenanceError(f"{what} is not PEM certificates: {exc}") from exc
    if not certs:
        raise ProvenanceError(f"{what} holds no certificate")
    return certs


def _describe_key(public_key: Any) -> str:
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    if isinstance(public_key, ec.EllipticCurvePublicKey):
        return f"EC {public_key.curve.name}"
    if isinstance(public_key, rsa.RSAPublicKey):
        return f"RSA {public_key.key_size}"
    return type(public_key).__name__.removeprefix("_").replace("PublicKey", "")


def describe_chain(chain_pem: bytes) -> list[CertificateInfo]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    infos = []
    for cert in _load_certificates(chain_pem, "the certificate chain"):
        try:
            is_ca = bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
        except x509.ExtensionNotFound:
            is_ca = False
        infos.append(
            CertificateInfo(
                subject=cert.subject.rfc4514_string(),
                issuer=cert.issuer.rfc4514_string(),
                serial=f"{cert.serial_number:x}",
                sha256_fingerprint=cert.fingerprint(hashes.SHA256()).hex(":").upper(),
                not_before=cert.not_valid_before_utc,
                not_after=cert.not_valid_after_utc,
                is_ca=is_ca,
                key=_describe_key(cert.public_key()),
            )
        )
    return infos


def profile_problems(
    chain_pem: bytes, key_pem: bytes | None, *, now: dt.datetime | None = None
) -> list[str]:
    """Why C2PA validators would reject this signer chain (and key), or [] if they would not.

    Checked before anything is signed, because c2pa itself reports every
    one of these only as "the certificate is invalid" at signing time.
    """
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    now = now or dt.datetime.now(dt.UTC)
    certs = _load_certificates(chain_pem, "the certificate chain")
    leaf = certs[0]
    problems: list[str] = []
    ext = leaf.extensions

    def get(kind: type) -> Any:
        try:
            return ext.get_extension_for_class(kind).value
        except x509.ExtensionNotFound:
            return None

    constraints = get(x509.BasicConstraints)
    if constraints is not None and constraints.ca:
        problems.append(
            "the signing certificate is a CA (BasicConstraints CA=true); "
            "C2PA needs an end-entity certificate"
        )
    usage = get(x509.KeyUsage)
    if usage is None or not usage.digital_signature:
        problems.append("the signing certificate lacks the digitalSignature key usage")
    eku = get(x509.ExtendedKeyUsage)
    if eku is None:
        problems.append(
            "the signing certificate has no extended key usage; "
            "C2PA needs emailProtection or documentSigning"
        )
    else:
        oids = {oid.dotted_string for oid in eku}
        if "2.5.29.37.0" in oids:
            problems.append(
                "the signing certificate has the anyExtendedKeyUsage EKU, which C2PA rejects"
            )
        elif not oids & set(SIGNING_EKUS):
            problems.append(
                "the signing certificate's extended key usage has neither "
                "emailProtection nor documentSigning"
            )
    if leaf.not_valid_after_utc <= now:
        problems.append(f"the signing certificate expired on {leaf.not_valid_after_utc:%Y-%m-%d}")
    if leaf.not_valid_before_utc > now:
        problems.append(
            f"the signing certificate is not valid before {leaf.not_valid_before_utc:%Y-%m-%d}"
        )
    try:
        algorithm_of(leaf.public_key())
    except ProvenanceError as exc:
        problems.append(str(exc))
    for child, parent in zip(certs, certs[1:], strict=False):
        try:
            child.verify_directly_issued_by(parent)
        except (ValueError, TypeError, Exception) as exc:  # noqa: BLE001 - InvalidSignature too
            problems.append(
                f"{child.subject.rfc4514_string()} is not issued by the next certificate in the "
                f"chain ({parent.subject.rfc4514_string()}): {exc or 'bad signature'}"
            )
        if parent.not_valid_after_utc <= now:
            problems.append(f"CA certificate {parent.subject.rfc4514_string()} has expired")
    if key_pem is not None:
        key = load_private_key(key_pem)
        public = serialization.PublicFormat.SubjectPublicKeyInfo
        der = serialization.Encoding.DER
        if key.public_key().public_bytes(der, public) != leaf.public_key().public_bytes(
            der, public
        ):
            problems.append("the private key does not belong to the signing certificate")
    return problems


def _retire(keys_dir: Path) -> Path:
    """Move the current identity aside to retired/<time>/ (its root still verifies old images)."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = keys_dir / RETIRED / stamp
    target.mkdir(parents=True, exist_ok=True)
    for name in (ROOT_CERT, ROOT_KEY, SIGNER_CHAIN, SIGNER_KEY):
        if (keys_dir / name).exists():
            os.replace(keys_dir / name, target / name)
    return target


def retired_roots(keys_dir: Path) -> bytes:
    """Root certificates of retired identities: images signed before a rotation stay trusted."""
    folder = keys_dir / RETIRED
    if not folder.is_dir():
        return b""
    return b"".join(p.read_bytes() for p in sorted(folder.glob(f"*/{ROOT_CERT}")))


def import_identity(
    keys_dir: Path, chain_pem: bytes, key_pem: bytes, root_pem: bytes | None = None
) -> SigningIdentity:
    """Install a production signer after checking it; the current identity is retired.

    ``root_pem`` is the anchor verifiers will trust; without it, the chain's
    last certificate must be a self-signed root.
    """
    problems = profile_problems(chain_pem, key_pem)
    certs = _load_certificates(chain_pem, "the certificate chain")
    if root_pem is None:
        last = certs[-1]
        if last.issuer != last.subject or len(certs) == 1:
            problems.append(
                "the chain does not end in a self-signed root; pass the root certificate "
                "(--root ROOT.pem), the anchor that verifiers will trust"
            )
        else:
            root_pem = last.public_bytes(_pem())
            chain_pem = b"".join(c.public_bytes(_pem()) for c in certs[:-1]) + root_pem
    else:
        roots = _load_certificates(root_pem, "the root certificate")
        try:
            certs[-1].verify_directly_issued_by(roots[0])
        except Exception:  # noqa: BLE001
            if certs[-1].fingerprint(_sha256()) != roots[0].fingerprint(_sha256()):
                problems.append("the chain's last certificate is not issued by the given root")
    if problems:
        raise ProvenanceError("cannot import this identity: " + "; ".join(problems))
    assert root_pem is not None
    identity = SigningIdentity(
        chain_pem=chain_pem,
        key_pem=key_pem,
        trust_anchors_pem=root_pem,
        development=False,
        alg=algorithm_of(load_private_key(key_pem)),
    )
    _trial_sign(identity)
    try:
        keys_dir.mkdir(parents=True, exist_ok=True)
        with open(keys_dir / ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if (keys_dir / ROOT_CERT).exists():
                _retire(keys_dir)
            _write_private(keys_dir / SIGNER_KEY, key_pem)
            _write_public(keys_dir / SIGNER_CHAIN, chain_pem)
            _write_public(keys_dir / ROOT_CERT, root_pem)
    except OSError as exc:
        raise ProvenanceError(f"cannot write the identity to {keys_dir}: {exc}") from exc
    return identity


def _pem() -> Any:
    from cryptography.hazmat.primitives import serialization

    return serialization.Encoding.PEM


def _sha256() -> Any:
    from cryptography.hazmat.primitives import hashes

    return hashes.SHA256()


def _trial_sign(identity: SigningIdentity) -> None:
    """Sign and validate a tiny image with ``identity`` before it replaces anything."""
    import io

    from PIL import Image

    from safegen.provenance import LocalKeySigner, build_manifest

    buf = io.BytesIO()
    Image.new("RGB", (32, 32)).save(buf, "PNG")
    manifest = build_manifest(
        title="trial.png",
        mime="image/png",
        generation={"generation_id": "trial", "asset_id": "trial"},
        model={"name": "trial", "revision": "trial"},
        soft_binding_alg="trial",
        watermark_id=1,
    )
    try:
        LocalKeySigner(identity).sign(buf.getvalue(), "image/png", manifest)
    except ProvenanceError as exc:
        raise ProvenanceError(
            f"cannot import this identity: a trial signature failed: {exc}"
        ) from exc
