"""C2PA: the development identity, signing, and validation against trust anchors."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest
from PIL import Image

from safegen.errors import ProvenanceError
from safegen.provenance import ManifestReader, build_manifest, local_signer, soft_binding_id
from safegen.provenance.keys import (
    ROOT_CERT,
    SIGNER_CHAIN,
    SIGNER_KEY,
    ensure_identity,
    load_identity,
)


def _png(color: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 64), color).save(buf, format="PNG")
    return buf.getvalue()


def _manifest() -> dict:
    return build_manifest(
        title="t.png",
        mime="image/png",
        generation={"generation_id": "g-1", "asset_id": "a-1"},
        model={"name": "m", "revision": "r", "weights_sha256": "0" * 64, "backend": "builtin"},
        soft_binding_alg="test.alg",
        watermark_id=42,
    )


def test_dev_identity_profile_and_permissions(tmp_path: Path) -> None:
    from cryptography import x509
    from cryptography.x509.oid import ExtendedKeyUsageOID, ObjectIdentifier

    assert ensure_identity(tmp_path) is True
    assert ensure_identity(tmp_path) is False  # second call keeps the first identity
    for name in (SIGNER_KEY, "root-ca.key"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600
    leaf, root = x509.load_pem_x509_certificates((tmp_path / SIGNER_CHAIN).read_bytes())
    assert leaf.extensions.get_extension_for_class(x509.BasicConstraints).value.ca is False
    eku = leaf.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert ExtendedKeyUsageOID.EMAIL_PROTECTION in eku
    assert ObjectIdentifier("1.3.6.1.5.5.7.3.36") in eku
    assert root.extensions.get_extension_for_class(x509.BasicConstraints).value.ca is True
    assert load_identity(tmp_path).development is True


def test_sign_and_read_back(tmp_path: Path) -> None:
    signer, created = local_signer(tmp_path)
    assert created
    signed = signer.sign(_png(), "image/png", _manifest())
    assert signed.manifest_label.startswith("urn:")

    trusted = ManifestReader((tmp_path / ROOT_CERT).read_bytes()).read(signed.data, "image/png")
    assert trusted.state == "trusted"
    assert (trusted.generation_id, trusted.asset_id) == ("g-1", "a-1")
    assert trusted.soft_binding == {
        "alg": "test.alg",
        "blocks": [{"scope": {}, "value": "AAAAKg=="}],
        "pad": [],
    }
    assert soft_binding_id(trusted.soft_binding["blocks"][0]["value"]) == 42
    assert soft_binding_id("42") == 42  # manifests signed before the base64 value
    assert trusted.digital_source_type.endswith("/trainedAlgorithmicMedia")
    assert trusted.signer["common_name"] == "safegen DEVELOPMENT signer"

    # Another deployment's root does not make our signature trusted.
    other = tmp_path / "other"
    ensure_identity(other)
    untrusted = ManifestReader((other / ROOT_CERT).read_bytes()).read(signed.data, "image/png")
    assert untrusted.state == "valid"

    assert ManifestReader(None).read(_png(), "image/png").state == "absent"


def test_manifest_copied_onto_other_pixels_is_invalid(tmp_path: Path) -> None:
    signer, _ = local_signer(tmp_path)
    signed = signer.sign(_png(), "image/png", _manifest())
    # Swap in another image's IDAT while keeping the manifest chunk.
    from tests_support import replace_idat

    forged = replace_idat(signed.data, _png((10, 200, 10)))
    report = ManifestReader((tmp_path / ROOT_CERT).read_bytes()).read(forged, "image/png")
    assert report.state == "invalid"
    assert any("dataHash.mismatch" in f for f in report.failures)


def test_broken_chain_is_refused(tmp_path: Path) -> None:
    ensure_identity(tmp_path)
    other = tmp_path / "other"
    ensure_identity(other)
    # Our key with someone else's certificate: signing must fail, clearly.
    (tmp_path / SIGNER_CHAIN).write_bytes((other / SIGNER_CHAIN).read_bytes())
    signer, _ = local_signer(tmp_path)
    with pytest.raises(ProvenanceError):
        signer.sign(_png(), "image/png", _manifest())


def test_the_signer_states_the_ai_declaration(tmp_path: Path) -> None:
    """C2PA 2.2: the actions assertion is among the claim's created assertions (the signer's
    own statements), with c2pa.created first and c2pa.watermarked, each with `when`."""
    import json

    import c2pa

    signer, _ = local_signer(tmp_path)
    signed = signer.sign(_png(), "image/png", _manifest())
    report = json.loads(c2pa.Reader("image/png", io.BytesIO(signed.data)).detailed_json())
    manifest = report["manifests"][report["active_manifest"]]
    created = [ref["url"] for ref in manifest["claim"]["created_assertions"]]
    assert not manifest["claim"].get("gathered_assertions")
    for label in ("c2pa.actions", "com.safegen.generation", "c2pa.soft-binding"):
        assert any(url.split("/")[-1].startswith(label) for url in created), (label, created)
    store = manifest["assertion_store"]
    actions = next(v for k, v in store.items() if k.startswith("c2pa.actions"))["actions"]
    assert [a["action"] for a in actions] == ["c2pa.created", "c2pa.watermarked"]
    assert all(a["when"].endswith("Z") for a in actions)
    assert actions[0]["digitalSourceType"].endswith("/trainedAlgorithmicMedia")


def _iscc_vectors() -> dict[str, Image.Image]:
    """Images that exercise every normalisation step (border trim, alpha, a smooth sky)."""
    import numpy as np
    from PIL import ImageOps

    rng = np.random.default_rng(24138)
    base = (rng.random((48, 64, 3)) * 255).astype(np.uint8)
    noise = Image.fromarray(base).resize((256, 192), Image.Resampling.BICUBIC)
    bordered = ImageOps.expand(noise, border=(20, 10, 20, 30), fill=(250, 250, 250))
    alpha = Image.new("RGBA", (200, 160), (0, 0, 0, 0))
    alpha.paste(noise.resize((120, 90)), (40, 30))
    sky = np.tile(np.linspace(30, 220, 180)[:, None, None], (1, 240, 3)).astype(np.uint8)
    return {"noise": noise, "bordered": bordered, "alpha": alpha, "sky": Image.fromarray(sky)}


# Computed on 2026-12-01 by the reference stack (iscc-sdk 0.9.7's image_normalize and
# iscc-lib 0.7.0's gen_image_code_v0, 256 bits) from the same images: safegen's own
# normalisation must give the SDK's pixels.
ISCC_REFERENCE = {
    "noise": "ISCC:EED55IAPU6LYZGQLFR26NGWKALUWXXED4JZDK75IEQRUWSKBHO5OTTQ",
    "bordered": "ISCC:EED55IAPU6LYZGQLFR26NGWKALUWXXED4JZDK75IEQRUWSKBHO5OTTQ",
    "alpha": "ISCC:EED55IAPU6LYZGQLFR27NGSKALUWXXED4JZDK75IEQRUWSKBHO5OTTQ",
    "sky": "ISCC:EEDYAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
}


@pytest.mark.parametrize("name", sorted(ISCC_REFERENCE))
def test_the_iscc_image_code_matches_the_reference_sdk(name: str) -> None:
    from safegen.provenance.iscc import image_code

    assert image_code(_iscc_vectors()[name]) == ISCC_REFERENCE[name]


def test_delivered_images_carry_the_registered_iscc_soft_binding(safegen_factory, tmp_path) -> None:
    import base64

    from safegen.provenance.iscc import image_code, unit_bytes

    gen = safegen_factory(f"sqlite:///{tmp_path / 'l.db'}")
    image = gen.generate("a lighthouse at dusk", seed=9, output_format="jpeg").images[0]
    report = ManifestReader(None).read(image.data, "image/jpeg")
    assert (
        report.soft_binding is not None and report.soft_binding["alg"] == "com.safegen.tiled-ss.v1"
    )
    [iscc] = [b for b in report.soft_bindings if b["alg"] == "io.iscc.v0"]
    sequence = base64.b64decode(iscc["blocks"][0]["value"])
    code = image_code(Image.open(io.BytesIO(image.data)))  # anyone recomputes it from the pixels
    assert sequence == unit_bytes(code) and len(sequence) == 2 + 32  # header, 256-bit body
    assert code in iscc["name"]
