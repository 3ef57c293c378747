"""Jurisdiction profiles: loading, the visible label, XMP, and `compliance check` per format."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from safegen.compliance import check_file
from safegen.errors import ProfileError
from safegen.profiles import LabelSpec, load_profiles, parse_profile, shipped_profiles
from safegen.provenance.label import check_fits, draw_label
from safegen.provenance.xmp import disclosed, read_xmp
from safegen.verify import Verifier
from tests.test_cli import no_traceback, run

DETECT = "https://detect.example.com/"


def test_the_shipped_profiles_load_and_combine() -> None:
    assert {"eu", "ca", "cn", "none"} <= set(shipped_profiles())
    combined = load_profiles("eu,cn")
    ids = [r.id for r in combined.requirements]
    assert len(ids) == len(set(ids))  # the union, each requirement once
    assert {"visible_label", "xmp_aigc", "detection_tool", "timestamp"} <= set(ids)
    assert combined.label is not None and combined.label.text == "AI生成"
    both = next(r for r in combined.requirements if r.id == "c2pa_manifest")
    assert "AI Act" in both.article and "Labeling Measures" in both.article
    assert load_profiles("none").requirements == () and load_profiles(None).requirements == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("profile: x\ntitle: t\nrequirements: [{id: blink, article: a}]\n", "unknown requirement"),
        ("profile: x\ntitle: t\nrequirements: []\ncolour: red\n", "colour"),
        ("profile: x\ntitle: t\nrequirements: [{id: visible_label, article: a}]\n", "label"),
        (
            "profile: x\ntitle: t\nrequirements: [{id: watermark, article: a}, "
            "{id: watermark, article: b}]\n",
            "twice",
        ),
        ("profile: x\ntitle: t\nlabel: {text: 我们}\nrequirements: []\n", "no glyph"),
        (
            "profile: x\ntitle: t\nlabel: {text: AI, min_height: 2}\nrequirements: []\n",
            "min_height",
        ),
        ("profile: [\n", "invalid YAML"),
        ("- just a list\n", "mapping"),
    ],
)
def test_a_bad_profile_is_a_clear_error_naming_the_file(text: str, message: str) -> None:
    with pytest.raises(ProfileError, match=message) as caught:
        parse_profile(text, source="mine.yaml")
    assert "mine.yaml" in str(caught.value)


def test_an_unknown_profile_name_lists_the_shipped_ones() -> None:
    with pytest.raises(ProfileError, match="eu"):
        load_profiles("mars")


@pytest.mark.parametrize("size", [(256, 256), (512, 512), (1024, 768), (320, 1024)])
def test_the_label_text_is_at_least_five_percent_of_the_shorter_side(size) -> None:
    spec = load_profiles("cn").label
    assert spec is not None
    image = Image.fromarray(np.full((size[1], size[0], 3), 128, np.uint8))
    labelled, drawn = draw_label(image, spec)
    assert drawn.text_height >= 0.05 * min(size) and drawn.share >= 0.05
    left, top, right, bottom = drawn.box
    assert 0 <= left < right <= size[0] and 0 <= top < bottom <= size[1]
    pixels = np.asarray(labelled).astype(int)
    inside = pixels[top:bottom, left:right]
    assert (inside > 200).any() and (inside < 100).any()  # white text on the dark box
    outside = np.ones(pixels.shape[:2], bool)
    outside[top:bottom, left:right] = False
    assert (pixels[outside] == 128).all()  # nothing drawn anywhere else


def test_a_label_that_cannot_fit_is_refused() -> None:
    with pytest.raises(ProfileError, match="does not fit a 64x64"):
        check_fits(LabelSpec("本图片由人工智能生成合成"), 64, 64)


def test_a_label_that_cannot_fit_fails_before_anything_is_generated(
    safegen_factory, tmp_path: Path
) -> None:
    gen = safegen_factory(f"sqlite:///{tmp_path / 'l.db'}")
    with pytest.raises(ProfileError, match="does not fit"):
        gen.generate("a lake", width=64, height=64, label="本图片由人工智能生成合成", seed=1)
    with pytest.raises(ProfileError, match="cannot be turned off"):
        gen.generate("a lake", profile="cn", label=False, seed=1)
    with pytest.raises(ProfileError, match="detection_url"):
        gen.generate("a lake", profile="eu", seed=1)
    assert gen.ledger.count_generations() == 0  # refused before the ledger heard of them


def _png(color: tuple[int, int, int] = (90, 140, 200)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), color).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("output_format", ["png", "jpeg", "webp"])
@pytest.mark.parametrize("profile", ["eu", "ca", "cn"])
def test_each_profile_is_met_in_each_format(
    safegen_factory, tmp_path: Path, home: Path, profile: str, output_format: str
) -> None:
    gen = safegen_factory(f"sqlite:///{tmp_path / 'l.db'}", detection_url=DETECT)
    result = gen.generate(
        "a lighthouse at dusk",
        seed=3,
        profile=profile,
        output_format=output_format,
        output_dir=tmp_path / "out",
    )
    image = result.images[0]
    with Verifier(gen.config, use_ledger=False) as verifier:
        report = check_file(
            verifier, str(image.path), image.data, load_profiles(profile), tsa_configured=False
        )
    failed = [c.to_dict() for c in report.checks if c.outcome == "fail"]
    assert report.passed, failed
    outcomes = {c.requirement: c.outcome for c in report.checks}
    assert set(outcomes) == {r.id for r in load_profiles(profile).requirements}
    if profile == "eu":
        assert outcomes["timestamp"] == "n/a"  # no TSA configured
    xmp = disclosed(read_xmp(image.data))
    assert xmp["Iptc4xmpExt:DigitalSourceType"].endswith("/trainedAlgorithmicMedia")
    assert xmp["xmpMM:DocumentID"] == f"urn:uuid:{image.asset_id}"
    assert xmp["safegen:DetectionTool"] == DETECT
    assert ("TC260:AIGC" in xmp) == (profile == "cn")
    recorded = gen.ledger.generation(result.generation_id)
    assert recorded is not None and recorded.params["profiles"] == [profile]


def test_the_cn_label_is_drawn_under_the_watermark_and_recorded(
    safegen_factory, tmp_path: Path
) -> None:
    gen = safegen_factory(f"sqlite:///{tmp_path / 'l.db'}")
    plain = gen.generate("a lighthouse at dusk", seed=5).images[0]
    labelled = gen.generate("a lighthouse at dusk", seed=5, profile="cn").images[0]
    assert gen.watermarker.decode(labelled.image).watermark_id == labelled.watermark_id
    report = Verifier(gen.config, use_ledger=False).reader.read(labelled.data, "image/png")
    label = (report.disclosure or {})["visible_label"]
    box = label["box"]
    a = np.asarray(plain.image).astype(int)
    b = np.asarray(labelled.image).astype(int)
    inside = np.abs(a - b)[box["top"] : box["bottom"], box["left"] : box["right"]]
    outside = np.abs(a - b)[: box["top"] - 2]
    assert inside.mean() > 20 > 2 > outside.mean()  # the label, then only the two watermarks


def test_compliance_check_on_foreign_and_broken_files(home: Path, tmp_path: Path) -> None:
    plain = tmp_path / "plain.png"
    plain.write_bytes(_png())
    with Verifier(use_ledger=False) as verifier:
        report = check_file(
            verifier, str(plain), plain.read_bytes(), load_profiles("eu,cn"), tsa_configured=True
        )
    assert not report.passed and {c.outcome for c in report.checks} == {"fail"}
    assert all(c.evidence for c in report.checks)
    with Verifier(use_ledger=False) as verifier:
        broken = check_file(
            verifier, "x", b"\x89PNG\r\n\x1a\nnot really", load_profiles("eu"), tsa_configured=False
        )
    assert broken.error and broken.exit_code == 65


def test_compliance_check_cli_exit_codes_and_json(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    made = run(
        "generate",
        "a red fox in the snow",
        "--profile",
        "cn",
        "--seed",
        "2",
        "-o",
        str(out),
        "--json",
        home=home,
    )
    assert made.returncode == 0, made.stderr
    image = Path(json.loads(made.stdout)["images"][0]["path"])
    ok = run("compliance", "check", str(image), "--profile", "cn", "--json", home=home)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    report = json.loads(ok.stdout)
    assert report["passed"] and {c["outcome"] for c in report["checks"]} == {"pass"}
    missing = run("compliance", "check", str(image), "--profile", "eu", home=home)
    assert missing.returncode == 2 and "detection_tool" in missing.stdout  # no URL was set
    (tmp_path / "junk.png").write_bytes(b"junk")
    junk = run("compliance", "check", str(tmp_path / "junk.png"), "--profile", "ca", home=home)
    assert junk.returncode == 65
    bad = run("compliance", "check", str(image), "--profile", "mars", home=home)
    assert bad.returncode == 64
    for proc in (ok, missing, junk, bad):
        no_traceback(proc)
    tampered = tmp_path / "tampered.png"
    picture = np.asarray(Image.open(image)).copy()
    picture[:8, :8] = 0
    Image.fromarray(picture).save(tampered)  # a re-encode: the manifest and XMP are gone
    lost = run("compliance", "check", str(tampered), "--profile", "ca", "--json", home=home)
    outcomes = {c["requirement"]: c["outcome"] for c in json.loads(lost.stdout)["checks"]}
    assert lost.returncode == 2 and outcomes["watermark"] == "pass"
    assert outcomes["c2pa_manifest"] == outcomes["latent_disclosure"] == "fail"


def test_verify_json_reports_the_xmp_fields(home: Path, tmp_path: Path) -> None:
    made = run(
        "generate", "a lake among hills", "--seed", "4", "-o", str(tmp_path), "--json", home=home
    )
    image = json.loads(made.stdout)["images"][0]["path"]
    proc = run("verify", image, "--json", home=home)
    xmp = json.loads(proc.stdout)["xmp"]
    assert xmp["Iptc4xmpExt:DigitalSourceType"].endswith("/trainedAlgorithmicMedia")
    assert xmp["Iptc4xmpExt:AISystemUsed"] == "safegen-builtin-scenes-diffusion"


def test_a_foreign_signer_and_a_damaged_manifest_are_reported_per_requirement(
    safegen_factory, tmp_path: Path
) -> None:
    from safegen.provenance import build_manifest, local_signer

    gen = safegen_factory(f"sqlite:///{tmp_path / 'l.db'}")
    foreign_signer, _ = local_signer(tmp_path / "someone-else")
    manifest = build_manifest(
        title="x.jpg",
        mime="image/jpeg",
        generation={"generation_id": "g", "asset_id": "a"},
        model={"name": "m", "revision": "r"},
        soft_binding_alg="x",
        watermark_id=7,
    )
    buffer = io.BytesIO()
    Image.open(io.BytesIO(_png())).save(buffer, format="JPEG", quality=90)
    foreign = foreign_signer.sign(buffer.getvalue(), "image/jpeg", manifest).data
    damaged = bytearray(foreign)  # JPEG: the APP11 segments carry no checksum of their own
    at = damaged.find(b"c2pa.signature")
    damaged[at + 40 : at + 80] = bytes(40)  # inside the signature box
    profile = load_profiles("ca")
    with Verifier(gen.config, use_ledger=False) as verifier:
        seen = check_file(verifier, "f.jpg", foreign, profile, tsa_configured=False)
        broken = check_file(verifier, "d.jpg", bytes(damaged), profile, tsa_configured=False)
    by_id = {c.requirement: c for c in seen.checks}
    assert by_id["c2pa_manifest"].outcome == "pass"  # marked as AI-made, by another signer
    assert "not in the trust list" in by_id["c2pa_manifest"].evidence
    assert by_id["latent_disclosure"].outcome == by_id["watermark"].outcome == "fail"
    assert not seen.passed
    damaged_check = {c.requirement: c for c in broken.checks}["c2pa_manifest"]
    assert damaged_check.outcome == "fail" and damaged_check.evidence
    assert len(broken.checks) == len(profile.requirements) and broken.error is None


def test_hostile_metadata_fails_its_requirement_without_a_traceback(home: Path) -> None:
    import pyexiv2

    from safegen.provenance.xmp import XmpFields, write_xmp

    bag = (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        'rdf:about="" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" '
        'xmlns:TC260="http://evil.example/ns/" TC260:AIGC=\'{"Label":"1","ContentProducer":"x",'
        '"ProduceID":"y"}\'><Iptc4xmpExt:DigitalSourceType><rdf:Bag><rdf:li>a</rdf:li>'
        "<rdf:li>b</rdf:li></rdf:Bag></Iptc4xmpExt:DigitalSourceType></rdf:Description>"
        '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )
    with pyexiv2.ImageData(_png()) as image:
        image.modify_raw_xmp(bag)
        hostile = image.get_bytes()
    with Verifier(use_ledger=False) as verifier:
        report = check_file(
            verifier, "h.png", hostile, load_profiles("eu,cn"), tsa_configured=False
        )
    outcomes = {c.requirement: c.outcome for c in report.checks}
    assert outcomes["xmp_source_type"] == "fail" and outcomes["xmp_aigc"] == "fail"  # look-alike
    # Reading the file rebound exiv2's TC260 prefix; safegen's next write is still its own.
    fields = XmpFields("p", "s", "v", "2026-12-01T00:00:00Z", "a", "t", detection_url="https://d/")
    written = read_xmp(write_xmp(_png(), fields))
    assert written["Xmp.safegen.DetectionTool"] == "https://d/"
    with pyexiv2.ImageData(write_xmp(_png(), fields)) as image:
        assert "http://ns.safegen.dev/xmp/1.0/" in image.read_raw_xmp()


def test_a_blank_label_a_lookalike_profile_file_and_deep_yaml_are_refused(
    safegen_factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gen = safegen_factory(f"sqlite:///{tmp_path / 'l.db'}")
    for blank in ("", "   ", "\u200b"):
        with pytest.raises(ProfileError):
            gen.generate("a lake", profile="cn", label=blank, seed=1)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "eu").write_text("profile: eu\ntitle: fake\nrequirements: []\n")
    assert load_profiles("eu").requires("watermark")  # the shipped one, not ./eu
    with pytest.raises(ProfileError, match="deeply"):
        parse_profile("[" * 5000, source="deep.yaml")
    assert gen.ledger.count_generations() == 0


def test_a_label_below_the_profile_share_fails(safegen_factory, tmp_path: Path) -> None:
    from safegen.provenance import build_manifest

    gen = safegen_factory(f"sqlite:///{tmp_path / 'l.db'}")
    manifest = build_manifest(
        title="x.png",
        mime="image/png",
        generation={
            "generation_id": "g",
            "asset_id": "a",
            "disclosure": {"visible_label": {"text": "AI生成", "share_of_shorter_side": 0.02}},
        },
        model={"name": "m", "revision": "r"},
        soft_binding_alg="x",
        watermark_id=7,
    )
    signed = gen.signer.sign(_png(), "image/png", manifest).data  # the deployment's own signer
    with Verifier(gen.config, use_ledger=False) as verifier:
        report = check_file(verifier, "x.png", signed, load_profiles("cn"), tsa_configured=False)
    label = next(c for c in report.checks if c.requirement == "visible_label")
    assert label.outcome == "fail" and "under the 5%" in label.evidence


def test_compliance_check_with_no_requirements_is_a_usage_error(home: Path, tmp_path: Path) -> None:
    (tmp_path / "x.png").write_bytes(_png())
    proc = run("compliance", "check", str(tmp_path / "x.png"), "--profile", "none", home=home)
    assert proc.returncode == 64 and "no requirements" in proc.stderr
