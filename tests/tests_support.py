"""Helpers shared by tests: PNG chunk surgery that keeps the C2PA chunk in place."""

from __future__ import annotations

import struct
import zlib


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    pos, chunks = 8, []
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        chunks.append((data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]))
        pos += 12 + length
    return chunks


def build_png(chunks: list[tuple[bytes, bytes]]) -> bytes:
    out = bytearray(b"\x89PNG\r\n\x1a\n")
    for kind, body in chunks:
        out += struct.pack(">I", len(body)) + kind + body
        out += struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    return bytes(out)


def _with_idat(chunks: list[tuple[bytes, bytes]], idat: bytes) -> list[tuple[bytes, bytes]]:
    result, done = [], False
    for kind, body in chunks:
        if kind == b"IDAT":
            if not done:
                result.append((b"IDAT", idat))
                done = True
            continue
        result.append((kind, body))
    return result


def edit_png_pixels(data: bytes) -> bytes:
    """Change a run of pixel bytes inside IDAT; every other chunk stays."""
    chunks = png_chunks(data)
    raw = bytearray(zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT")))
    for offset in range(1000, 1060):
        raw[offset] = (raw[offset] + 97) % 256
    return build_png(_with_idat(chunks, zlib.compress(bytes(raw))))


def replace_idat(signed: bytes, donor: bytes) -> bytes:
    """The signed file's chunks (manifest included) around another same-size image's pixels."""
    donor_idat = b"".join(body for kind, body in png_chunks(donor) if kind == b"IDAT")
    return build_png(_with_idat(png_chunks(signed), donor_idat))


# -- certificates for signing-identity tests -----------------------------------------


def make_chain(
    *,
    leaf_ca: bool = False,
    eku: bool = True,
    digital_signature: bool = True,
    days: int = 365,
    expired: bool = False,
    intermediate: bool = True,
) -> tuple[bytes, bytes, bytes]:
    """(chain PEM leaf first, leaf key PEM, root PEM): a 'production' CA hierarchy.

    The flags break one part of the C2PA signer profile at a time.
    """
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier

    now = dt.datetime.now(dt.UTC)

    def name(cn: str) -> x509.Name:
        return x509.Name(
            [
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Example Corp"),
                x509.NameAttribute(NameOID.COMMON_NAME, cn),
            ]
        )

    def usage(sign: bool, cert_sign: bool) -> x509.KeyUsage:
        return x509.KeyUsage(sign, False, False, False, False, cert_sign, cert_sign, False, False)

    def ca(cn: str, issuer_name: x509.Name | None, issuer_key, key) -> x509.Certificate:  # type: ignore[no-untyped-def]
        builder = (
            x509.CertificateBuilder()
            .subject_name(name(cn))
            .issuer_name(issuer_name or name(cn))
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(usage(False, True), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        )
        return builder.sign(issuer_key, hashes.SHA256())

    root_key = ec.generate_private_key(ec.SECP256R1())
    root = ca("Example Root CA", None, root_key, root_key)
    issuer, issuer_key = root, root_key
    middle = None
    if intermediate:
        middle_key = ec.generate_private_key(ec.SECP256R1())
        middle = ca("Example Signing CA", root.subject, root_key, middle_key)
        issuer, issuer_key = middle, middle_key
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    start = now - dt.timedelta(days=days + 30) if expired else now - dt.timedelta(days=1)
    end = now - dt.timedelta(days=30) if expired else now + dt.timedelta(days=days)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name("Example Corp content signer"))
        .issuer_name(issuer.subject)
        .public_key(leaf_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=leaf_ca, path_length=None), critical=True)
        .add_extension(usage(digital_signature, False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(leaf_key.public_key()), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), False
        )
    )
    if eku:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.EMAIL_PROTECTION, ObjectIdentifier("1.3.6.1.5.5.7.3.36")]
            ),
            critical=False,
        )
    leaf = builder.sign(issuer_key, hashes.SHA256())
    pem = serialization.Encoding.PEM
    chain = leaf.public_bytes(pem) + (middle.public_bytes(pem) if middle is not None else b"")
    key_pem = leaf_key.private_bytes(
        pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return chain, key_pem, root.public_bytes(pem)
