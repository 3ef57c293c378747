"""A real RFC 3161 time-stamp authority on 127.0.0.1 for the tests (HTTP POST, DER in and out).

It answers a TimeStampReq with a granted TimeStampResp whose token is a CMS
SignedData over a TSTInfo (RFC 3161 section 2.4.2), signed by its own ECDSA
P-256 key with the ``signingCertificateV2`` attribute RFC 5816 asks for. The
TSA certificate (EKU ``id-kp-timeStamping``, critical) is issued by a CA of
the test's choosing, so the test decides whether readers trust it. Built with
asn1crypto for the ASN.1 and cryptography for the keys; nothing is mocked.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import http.server
import itertools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from asn1crypto import algos, cms, core, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

POLICY = "1.3.6.1.4.1.57264.2.1"  # an arbitrary TSA policy id for the tests


@dataclass
class Authority:
    key: ec.EllipticCurvePrivateKey
    chain: list[x509.Certificate]  # TSA certificate first
    issued: int = 0

    @classmethod
    def issued_by(cls, ca_cert: x509.Certificate, ca_key: ec.EllipticCurvePrivateKey) -> Authority:
        key = ec.generate_private_key(ec.SECP256R1())
        now = dt.datetime.now(dt.UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test TSA")]))
            .issuer_name(ca_cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=30))
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
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True
            )
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
            )
            .sign(ca_key, hashes.SHA256())
        )
        return cls(key=key, chain=[cert, ca_cert])

    def respond(self, request_der: bytes) -> bytes:
        request = tsp.TimeStampReq.load(request_der)
        self.issued += 1
        info = tsp.TSTInfo(
            {
                "version": "v1",
                "policy": POLICY,
                "message_imprint": request["message_imprint"],
                "serial_number": self.issued,
                "gen_time": dt.datetime.now(dt.UTC).replace(microsecond=0),
                "accuracy": {"seconds": 1},
                "nonce": request["nonce"].native if request["nonce"].native is not None else None,
            }
        )
        if info["nonce"].native is None:
            del info["nonce"]
        content = info.dump()
        leaf = asn1_x509.Certificate.load(self.chain[0].public_bytes(serialization.Encoding.DER))
        attributes = cms.CMSAttributes(
            [
                cms.CMSAttribute({"type": "content_type", "values": ["tst_info"]}),
                cms.CMSAttribute(
                    {"type": "message_digest", "values": [hashlib.sha256(content).digest()]}
                ),
                cms.CMSAttribute(
                    {
                        "type": "signing_certificate_v2",
                        "values": [
                            {
                                "certs": [
                                    {
                                        "hash_algorithm": {"algorithm": "sha256"},
                                        "cert_hash": hashlib.sha256(leaf.dump()).digest(),
                                    }
                                ]
                            }
                        ],
                    }
                ),
            ]
        )
        signature = self.key.sign(attributes.dump(), ec.ECDSA(hashes.SHA256()))
        signer = cms.SignerInfo(
            {
                "version": "v1",
                "sid": cms.SignerIdentifier(
                    {
                        "issuer_and_serial_number": {
                            "issuer": leaf.issuer,
                            "serial_number": leaf.serial_number,
                        }
                    }
                ),
                "digest_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}),
                "signed_attrs": attributes,
                "signature_algorithm": algos.SignedDigestAlgorithm({"algorithm": "sha256_ecdsa"}),
                "signature": signature,
            }
        )
        certificates = [
            asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))
            for c in self.chain
        ]
        signed = cms.SignedData(
            {
                "version": "v3",
                "digest_algorithms": [algos.DigestAlgorithm({"algorithm": "sha256"})],
                "encap_content_info": {
                    "content_type": "tst_info",
                    "content": core.ParsableOctetString(content),
                },
                "certificates": certificates if request["cert_req"].native else [],
                "signer_infos": [signer],
            }
        )
        token = cms.ContentInfo({"content_type": "signed_data", "content": signed})
        return tsp.TimeStampResp(
            {"status": {"status": "granted"}, "time_stamp_token": token}
        ).dump()


@contextmanager
def running(authority: Authority) -> Iterator[str]:
    """Serve ``authority`` on 127.0.0.1 (a free port) for the block; yields its URL."""
    requests = itertools.count()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the http.server API
            next(requests)
            length = int(self.headers.get("Content-Length", "0"))
            try:
                answer = authority.respond(self.rfile.read(length))
            except Exception as exc:  # noqa: BLE001 - a bad request gets a 400, not a crash
                self.send_error(400, str(exc))
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    finally:
        server.shutdown()
        server.server_close()
