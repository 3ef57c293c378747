"""Signing and checking signatures, one place per key algorithm.

C2PA allows ES256/384/512 (P-256/384/521), PS256 (RSA >= 2048 bits) and
Ed25519. The same table serves the manifest signer's key checks
(provenance/keys.py), the key-holding process (provenance/keyholder.py) and
the ledger's signed checkpoints (ledger/chain.py). A KMS or HSM replaces
:func:`signer_for` with a function of the same shape.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from safegen.errors import ProvenanceError

Sign = Callable[[bytes], bytes]

_EC_CURVES = {"secp256r1": "es256", "secp384r1": "es384", "secp521r1": "es512"}


def _ec_digest(alg: str) -> Any:
    from cryptography.hazmat.primitives import hashes

    return {"es256": hashes.SHA256(), "es384": hashes.SHA384(), "es512": hashes.SHA512()}[alg]


def _pss() -> Any:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    return padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)


def load_private_key(pem: bytes) -> Any:
    """A PEM private key, or a ProvenanceError saying why it cannot be used."""
    from cryptography.hazmat.primitives import serialization

    try:
        return serialization.load_pem_private_key(pem, password=None)
    except TypeError as exc:
        raise ProvenanceError(
            "the private key is encrypted; decrypt it for import, or keep it in a "
            "KMS/HSM and use a command signer (SAFEGEN_SIGNER_COMMAND)"
        ) from exc
    except (ValueError, Exception) as exc:  # noqa: BLE001 - cryptography raises several kinds
        raise ProvenanceError(f"the private key is not a PEM private key: {exc}") from exc


def algorithm_of(key: Any) -> str:
    """The C2PA signing algorithm a (private or public) key implies."""
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

    if isinstance(key, ec.EllipticCurvePrivateKey | ec.EllipticCurvePublicKey):
        if key.curve.name not in _EC_CURVES:
            raise ProvenanceError(
                f"elliptic curve {key.curve.name} is not allowed by C2PA "
                "(use P-256, P-384 or P-521)"
            )
        return _EC_CURVES[key.curve.name]
    if isinstance(key, ed25519.Ed25519PrivateKey | ed25519.Ed25519PublicKey):
        return "ed25519"
    if isinstance(key, rsa.RSAPrivateKey | rsa.RSAPublicKey):
        if key.key_size < 2048:
            raise ProvenanceError(f"RSA keys need at least 2048 bits, this one has {key.key_size}")
        return "ps256"
    raise ProvenanceError(f"unsupported key type {type(key).__name__}")


def signer_for(key_pem: bytes) -> tuple[str, Sign]:
    """``(alg, sign)`` for a PEM private key: ``sign(data)`` returns the raw signature."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

    key = load_private_key(key_pem)
    alg = algorithm_of(key)
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return alg, lambda data: key.sign(data, ec.ECDSA(_ec_digest(alg)))
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return alg, key.sign
    assert isinstance(key, rsa.RSAPrivateKey)
    return alg, lambda data: key.sign(data, _pss(), hashes.SHA256())


def verify_signature(alg: str, chain_pem: bytes, data: bytes, signature: bytes) -> None:
    """Raises ValueError when ``signature`` is not the chain's leaf signing ``data``."""
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

    key = x509.load_pem_x509_certificates(chain_pem)[0].public_key()
    try:
        if isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, data, ec.ECDSA(_ec_digest(alg)))
        elif isinstance(key, ed25519.Ed25519PublicKey):
            key.verify(signature, data)
        elif isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, data, _pss(), hashes.SHA256())
        else:
            raise ValueError(f"unsupported key {type(key).__name__}")
    except (InvalidSignature, KeyError) as exc:
        raise ValueError("the signature does not verify") from exc


__all__ = ["Sign", "algorithm_of", "load_private_key", "signer_for", "verify_signature"]
