"""Signing identities: profile checks, import, rotation, command signer, and the keys CLI."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from PIL import Image
from tests_support import make_chain

from safegen.errors import ProvenanceError
from safegen.provenance import CallbackSigner, ManifestReader, build_manifest, local_signer
from safegen.provenance.command import CommandSigner
from safegen.provenance.keys import (
    ROOT_CERT,
    SIGNER_CHAIN,
    SIGNER_KEY,
    describe_chain,
    ensure_identity,
    import_identity,
    load_identity,
    profile_problems,
    retired_roots,
)


def _png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (48, 48), (10, 120, 200)).save(buf, format="PNG")
    return buf.getvalue()


def _manifest() -> dict:
    return build_manifest(
        title="t.png",
        mime="image/png",
        generation={"generation_id": "g", "asset_id": "a"},
        model={"name": "m", "revision": "r"},
        soft_binding_alg="test",
        watermark_id=7,
    )


def test_a_good_production_chain_has_no_problems() -> None:
    chain, key, _root = make_chain()
    assert profile_problems(chain, key) == []
    leaf, middle = describe_chain(chain)
    assert leaf.is_ca is False and middle.is_ca is True
    assert len(leaf.sha256_fingerprint.split(":")) == 32


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"leaf_ca": True}, "is a CA"),
        ({"eku": False}, "no extended key usage"),
        ({"digital_signature": False}, "digitalSignature"),
        ({"expired": True}, "expired on"),
    ],
)
def test_bad_profiles_are_named(tmp_path: Path, kwargs: dict, message: str) -> None:
    chain, key, root = make_chain(**kwargs)
    assert any(message in p for p in profile_problems(chain, key))
    with pytest.raises(ProvenanceError, match=message):
        import_identity(tmp_path, chain, key, root)
    assert not (tmp_path / SIGNER_KEY).exists()  # nothing installed


def test_wrong_key_for_the_certificate(tmp_path: Path) -> None:
    chain, _key, root = make_chain()
    _, other_key, _ = make_chain()
    with pytest.raises(ProvenanceError, match="does not belong to the signing certificate"):
        import_identity(tmp_path, chain, other_key, root)


def test_chain_out_of_order_and_root_required(tmp_path: Path) -> None:
    chain, key, root = make_chain()
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    leaf, middle = x509.load_pem_x509_certificates(chain)
    pem = serialization.Encoding.PEM
    swapped = middle.public_bytes(pem) + leaf.public_bytes(pem)
    assert any("is a CA" in p or "not issued by" in p for p in profile_problems(swapped, None))
    with pytest.raises(ProvenanceError, match="--root"):
        import_identity(tmp_path, chain, key)  # no root given, chain ends in an intermediate


def test_import_retires_the_old_identity_and_old_images_still_verify(tmp_path: Path) -> None:
    dev_signer, _ = local_signer(tmp_path)
    old = dev_signer.sign(_png(), "image/png", _manifest())
    dev_root = (tmp_path / ROOT_CERT).read_bytes()

    chain, key, root = make_chain()
    identity = import_identity(tmp_path, chain, key, root)
    assert identity.development is False and identity.alg == "es256"
    assert (tmp_path / ROOT_CERT).read_bytes() == root
    assert retired_roots(tmp_path) == dev_root
    new = local_signer(tmp_path)[0].sign(_png(), "image/png", _manifest())
    anchors = root + retired_roots(tmp_path)
    for signed in (old.data, new.data):
        assert ManifestReader(anchors).read(signed, "image/png").state == "trusted"
    # Signed with the production chain, the dev root alone does not trust it.
    assert ManifestReader(dev_root).read(new.data, "image/png").state == "valid"


def test_callback_signer_reports_the_callbacks_own_error(tmp_path: Path) -> None:
    ensure_identity(tmp_path)
    identity = load_identity(tmp_path)

    def refuse(_data: bytes) -> bytes:
        raise RuntimeError("HSM slot 3 is locked")

    signer = CallbackSigner(refuse, identity.chain_pem, "es256", identity.trust_anchors_pem)
    with pytest.raises(ProvenanceError, match="HSM slot 3 is locked"):
        signer.sign(_png(), "image/png", _manifest())


def test_command_signer_signs_in_another_process(tmp_path: Path) -> None:
    chain, key, root = make_chain()
    (tmp_path / "signer.key").write_bytes(key)
    (tmp_path / "chain.pem").write_bytes(chain)
    command = (
        f"{sys.executable} -m safegen.provenance.keyholder "
        f"--key {tmp_path / 'signer.key'} --chain {tmp_path / 'chain.pem'}"
    )
    signer = CommandSigner(command, root)
    try:
        signed = [signer.sign(_png(), "image/png", _manifest()) for _ in range(3)]
        assert all(
            ManifestReader(root).read(s.data, "image/png").state == "trusted" for s in signed
        )
    finally:
        signer.close()
    with pytest.raises(ProvenanceError, match="did not announce"):
        CommandSigner(f"{sys.executable} -c 'import sys; sys.exit(3)'", root)


def test_keys_cli_init_show_import(home: Path, tmp_path: Path) -> None:
    from test_cli import no_traceback, run

    proc = run("keys", "show", home=home)
    assert proc.returncode == 70 and "keys init" in proc.stderr
    proc = run("keys", "init", "--org", "Acme", "--json", home=home)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["created"] is True
    proc = run("keys", "show", "--json", home=home)
    shown = json.loads(proc.stdout)
    assert shown["development"] is True and shown["problems"] == []
    assert "Acme" in shown["chain"][0]["subject"] and shown["chain"][0]["days_left"] > 700

    chain, key, root = make_chain(eku=False)
    for name, data in (("chain.pem", chain), ("key.pem", key), ("root.pem", root)):
        (tmp_path / name).write_bytes(data)
    args = ["--cert", str(tmp_path / "chain.pem"), "--key", str(tmp_path / "key.pem")]
    proc = run("keys", "import", *args, "--root", str(tmp_path / "root.pem"), home=home)
    assert proc.returncode == 70 and "extended key usage" in proc.stderr
    no_traceback(proc)

    chain, key, root = make_chain()
    for name, data in (("chain.pem", chain), ("key.pem", key), ("root.pem", root)):
        (tmp_path / name).write_bytes(data)
    proc = run("keys", "import", *args, "--root", str(tmp_path / "root.pem"), home=home)
    assert proc.returncode == 0, proc.stderr
    shown = json.loads(run("keys", "show", "--json", home=home).stdout)
    assert shown["development"] is False
    assert shown["chain"][0]["subject"].startswith("CN=Example Corp content signer")
    assert (home / "keys" / SIGNER_CHAIN).read_bytes() == chain


def test_an_unreachable_time_stamp_authority_fails_signing(tmp_path: Path) -> None:
    signer, _ = local_signer(tmp_path, tsa_url="http://127.0.0.1:9/tsa")
    with pytest.raises(ProvenanceError, match="C2PA signing failed"):
        signer.sign(_png(), "image/png", _manifest())
