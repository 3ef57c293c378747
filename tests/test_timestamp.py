"""RFC 3161 time-stamps on the C2PA signature, from a real responder the test starts."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from safegen.codes import Status
from safegen.compliance import check_file
from safegen.errors import ProvenanceError
from safegen.profiles import load_profiles
from safegen.provenance.keys import ROOT_CERT, ROOT_KEY, ensure_identity
from safegen.verify import Verifier
from tests.tsa_server import Authority, running


def _authority(keys: Path) -> Authority:
    """A TSA whose certificate the deployment's (development) root issued."""
    ensure_identity(keys)
    root = x509.load_pem_x509_certificate((keys / ROOT_CERT).read_bytes())
    key = serialization.load_pem_private_key((keys / ROOT_KEY).read_bytes(), None)
    return Authority.issued_by(root, key)  # type: ignore[arg-type]


def test_signatures_carry_the_tsa_time_and_the_eu_profile_passes(
    safegen_factory, home: Path, tmp_path: Path
) -> None:
    authority = _authority(home / "keys")
    with running(authority) as url:
        gen = safegen_factory(
            f"sqlite:///{tmp_path / 'l.db'}",
            tsa_url=url,
            detection_url="https://detect.example.com/",
        )
        result = gen.generate("a lighthouse at dusk", seed=7, n=2, profile="eu")
    assert authority.issued == 2  # one time-stamp per signed image
    with Verifier(gen.config, use_ledger=False) as verifier:
        for image in result.images:
            report = check_file(
                verifier, "x.png", image.data, load_profiles("eu"), tsa_configured=True
            )
            outcomes = {c.requirement: (c.outcome, c.evidence) for c in report.checks}
            assert report.passed, outcomes
            assert (
                outcomes["timestamp"][0] == "pass" and "time-stamped at" in outcomes["timestamp"][1]
            )
            assert verifier.reader.read(image.data, "image/png").signer["time"]


def test_without_a_time_stamp_the_configured_requirement_fails(
    safegen_factory, tmp_path: Path
) -> None:
    gen = safegen_factory(f"sqlite:///{tmp_path / 'l.db'}", detection_url="https://d.example/")
    image = gen.generate("a lighthouse at dusk", seed=7, profile="eu").images[0]
    with Verifier(gen.config, use_ledger=False) as verifier:
        report = check_file(verifier, "x.png", image.data, load_profiles("eu"), tsa_configured=True)
    timestamp = next(c for c in report.checks if c.requirement == "timestamp")
    assert timestamp.outcome == "fail" and "no RFC 3161" in timestamp.evidence
    assert not report.passed


class _Garbage(Authority):
    def respond(self, request_der: bytes) -> bytes:
        self.issued += 1
        return b"\x30\x03\x02\x01\x07"  # DER, but not a TimeStampResp


def test_a_tsa_answering_garbage_fails_the_generation_and_delivers_nothing(
    safegen_factory, home: Path, tmp_path: Path
) -> None:
    good = _authority(home / "keys")
    bad = _Garbage(key=good.key, chain=good.chain)
    with running(bad) as url:
        gen = safegen_factory(f"sqlite:///{tmp_path / 'l.db'}", tsa_url=url)
        with pytest.raises(ProvenanceError):
            gen.generate("a lighthouse at dusk", seed=7, output_dir=tmp_path / "out")
    assert bad.issued >= 1
    assert not list((tmp_path / "out").glob("*.png"))
    [row] = gen.ledger.list_generations()
    assert row.status == Status.FAILED
