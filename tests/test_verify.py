"""verify beyond the basic verdicts: other signers, strangers without a ledger, formats,
image-to-image inputs, stdin and folders."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from tests_support import edit_png_pixels, replace_idat

from safegen import Config
from safegen.ledger import Ledger
from safegen.provenance.keys import ROOT_CERT
from safegen.verify import Verifier, explain

STEPS = 3


@pytest.fixture
def generated(safegen_factory, tmp_path: Path):  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    gen = safegen_factory(url)
    result = gen.generate("a forest at night", seed=5, n=2, steps=STEPS, output_dir=tmp_path / "o")
    return gen, url, result


def test_untrusted_signer_then_trusted_with_trust(generated, tmp_path: Path) -> None:
    gen, _url, result = generated
    image = result.images[0]
    # A verifier at another company: its own (different) development root, no access to ours.
    other_home = tmp_path / "other"
    from safegen.provenance.keys import ensure_identity

    ensure_identity(other_home / "keys")
    stranger = Verifier(Config(home=other_home), use_ledger=False)
    report = stranger.verify_path(image.path)
    assert report.verdict == "unknown"
    assert any("not a trusted anchor" in r for r in report.reasons)
    assert report.ledger == {"consulted": False}

    # Given our root (the one file a third party needs), the same stranger verifies it.
    ours = gen.config.keys_dir / ROOT_CERT
    trusting = Verifier(Config(home=other_home), trust=[ours], use_ledger=False)
    report = trusting.verify_path(image.path)
    assert report.verdict == "verified", report.reasons
    assert any("ledger was not consulted" in r for r in report.reasons)
    assert report.manifest["generation_id"] == result.generation_id


def test_stranger_sees_tampering_and_copied_manifests(generated, tmp_path: Path) -> None:
    gen, _url, result = generated
    first, second = result.images
    trusting = Verifier(
        Config(home=tmp_path / "x"), trust=[gen.config.keys_dir / ROOT_CERT], use_ledger=False
    )
    edited = trusting.verify_bytes(edit_png_pixels(first.data), name="edited.png")
    assert edited.verdict == "tampered" and edited.exit_code == 2
    assert any("image bytes changed after signing" in r for r in edited.reasons), edited.reasons

    # The first image's manifest on the second image's pixels.
    copied = trusting.verify_bytes(replace_idat(first.data, second.data), name="copied.png")
    assert copied.verdict == "tampered", copied.reasons


def test_explanations_keep_the_code() -> None:
    assert explain("assertion.dataHash.mismatch: hash mismatch") == (
        "the image bytes changed after signing [assertion.dataHash.mismatch]"
    )
    assert explain("something.new: detail") == "something.new: detail"


@pytest.mark.parametrize("fmt", ["jpeg", "webp"])
def test_lossy_formats_are_signed_recorded_and_verified(
    safegen_factory, tmp_path: Path, fmt: str
) -> None:
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    gen = safegen_factory(url)
    result = gen.generate("a red boat", seed=9, steps=STEPS, output_dir=tmp_path, output_format=fmt)
    (image,) = result.images
    assert image.path.suffix == {"jpeg": ".jpg", "webp": ".webp"}[fmt]
    assert image.mime == f"image/{fmt}"
    verifier = Verifier(gen.config, ledger=gen.ledger)
    report = verifier.verify_path(image.path)
    assert report.verdict == "verified", report.reasons
    # The ledger's pixel hash is that of the delivered (lossy) pixels: a stripped copy
    # with the same pixels is found by hash as well as by watermark.
    stripped = io.BytesIO()
    Image.open(image.path).save(stripped, "PNG")
    traced = verifier.verify_bytes(stripped.getvalue(), name="stripped.png")
    assert traced.verdict == "traced"
    assert traced.ledger["exact"] and traced.ledger["exact"][0]["matched_by"] == "pixel_sha256"


def test_image_to_image_records_its_input(safegen_factory, tmp_path: Path) -> None:
    import c2pa

    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    gen = safegen_factory(url)
    photo = tmp_path / "portrait.jpg"
    rng = np.random.default_rng(0)
    Image.fromarray((rng.random((200, 260, 3)) * 255).astype(np.uint8)).save(photo, quality=90)
    result = gen.generate(
        "an oil painting", seed=1, steps=4, strength=0.5, init_image=photo, output_dir=tmp_path
    )
    (image,) = result.images
    with c2pa.Reader("image/png", io.BytesIO(image.data)) as reader:
        store = json.loads(reader.json())
    active = store["manifests"][store["active_manifest"]]
    (ingredient,) = active["ingredients"]
    assert ingredient["title"] == "portrait.jpg" and ingredient["relationship"] == "inputTo"
    ledger = Ledger(url)
    try:
        params = ledger.generation(result.generation_id).params
    finally:
        ledger.close()
    recorded = params["init_image"]
    import hashlib

    assert recorded["sha256"] == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert recorded["strength"] == 0.5 and recorded["width"] == 260
    assert Verifier(gen.config, ledger=gen.ledger).verify_path(image.path).verdict == "verified"


def test_image_to_image_bad_input_and_strength(safegen_factory, tmp_path: Path) -> None:
    from safegen.errors import ImageInputError, InvalidRequest

    gen = safegen_factory(f"sqlite:///{tmp_path / 'ledger.db'}")
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    with pytest.raises(ImageInputError, match="bad.png"):
        gen.generate("x", init_image=bad, steps=2)
    with pytest.raises(InvalidRequest, match="strength"):
        gen.generate("x", init_image=bad, strength=0.0, steps=2)
    with pytest.raises(InvalidRequest, match="format"):
        gen.generate("x", output_format="gif", steps=2)


def test_cli_verify_folder_stdin_and_no_ledger(generated, tmp_path: Path) -> None:
    from test_cli import no_traceback, run

    gen, url, result = generated
    folder = result.images[0].path.parent
    (folder / "junk.png").write_bytes(b"not an image")
    proc = run("verify", str(folder), "--json", home=gen.config.home, ledger_url=url)
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert sorted(r["verdict"] for r in lines) == ["error", "verified", "verified"]
    assert proc.returncode == 65
    verified = next(r for r in lines if r["verdict"] == "verified")
    assert verified["ledger"]["record"]["model"]["name"] == "safegen-builtin-scenes-diffusion"

    import subprocess
    import sys

    env = {"SAFEGEN_HOME": str(gen.config.home), "SAFEGEN_LEDGER_URL": url, "PATH": "/usr/bin"}
    piped = subprocess.run(
        [sys.executable, "-m", "safegen", "verify", "-", "--json"],
        input=result.images[0].path.read_bytes(),
        capture_output=True,
        env=env,
        check=False,
    )
    assert piped.returncode == 0, piped.stderr
    assert json.loads(piped.stdout)["path"] == "<stdin>"

    proc = run("verify", str(result.images[0].path), "--no-ledger", home=gen.config.home)
    assert proc.returncode == 0 and "ledger was not consulted" in proc.stdout
    no_traceback(proc)
    proc = run("verify", str(folder), home=gen.config.home, ledger_url=url)
    assert "3 files" in proc.stderr  # the summary table


def test_a_signer_that_fails_records_a_failed_generation_and_delivers_nothing(
    home: Path, tmp_path: Path, builtin_backend, nsfw_classifier
) -> None:
    from safegen import SafeGen
    from safegen.errors import ProvenanceError
    from safegen.provenance import CallbackSigner
    from safegen.provenance.keys import ensure_identity, load_identity

    ensure_identity(home / "keys")
    identity = load_identity(home / "keys")

    def kms_down(_data: bytes) -> bytes:
        raise ConnectionError("KMS endpoint unreachable")

    signer = CallbackSigner(kms_down, identity.chain_pem, "es256", identity.trust_anchors_pem)
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    gen = SafeGen(
        Config(home=home, ledger_url=url),
        backend=builtin_backend,
        safety=nsfw_classifier,
        signer=signer,
    )
    out = tmp_path / "out"
    try:
        with pytest.raises(ProvenanceError, match="KMS endpoint unreachable"):
            gen.generate("a quiet harbour", seed=1, steps=2, output_dir=out)
        (row,) = gen.ledger.list_generations(limit=5)
        assert row.status == "failed" and "KMS endpoint" in row.metadata["failure"]
        assert not out.exists() or not any(out.iterdir())
    finally:
        gen.close()


def test_a_ledger_row_pointing_at_another_image_is_never_verified(generated) -> None:
    """The ledger row of image A is edited to claim image B's manifest: B is not `verified`."""
    from sqlalchemy import text

    gen, _url, result = generated
    first, second = result.images
    with gen.ledger.engine.begin() as conn:
        conn.execute(
            text("UPDATE assets SET manifest_id = :m, file_sha256 = :f WHERE id = :a"),
            {"m": "urn:c2pa:someone-else", "f": "0" * 64, "a": second.asset_id},
        )
    report = Verifier(gen.config, ledger=gen.ledger).verify_path(second.path)
    assert report.verdict != "verified", report.reasons
    # the edited row fails its audit check, so nothing is verified or traced through it
    assert any("fails the ledger's audit check" in r for r in report.reasons), report.reasons
    assert not gen.ledger.audit().ok  # and the edit itself is caught by the audit
    # its sibling shares the generation record the audit now rejects: not verified either
    sibling = Verifier(gen.config, ledger=gen.ledger).verify_path(first.path)
    assert sibling.verdict != "verified"
    assert any("fails the ledger's audit check" in r for r in sibling.reasons)
