"""Independent readers see what safegen writes: exiftool (XMP, C2PA JUMBF) and c2pa-ts (C2PA).

The readers are other people's code: Debian's exiftool (``libimage-exiftool-perl``),
the current ExifTool from npm (``exiftool-vendored.pl``, which also parses C2PA in
WebP) and ``@trustnxt/c2pa-ts``, a C2PA implementation independent of c2pa-rs.
``.ci/run`` installs all three (``npm install`` in tests/interop); outside CI a missing
reader skips its test, in CI it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from safegen.verify import Verifier

INTEROP = Path(__file__).parent / "interop"
NPM_EXIFTOOL = INTEROP / "node_modules" / "exiftool-vendored.pl" / "bin" / "exiftool"
C2PA_TS = INTEROP / "node_modules" / "@trustnxt" / "c2pa-ts"
FORMATS = ("png", "jpeg", "webp")


def _need(available: bool, what: str) -> None:
    if available:
        return
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(f"{what} is missing; .ci/run installs it")
    pytest.skip(f"{what} is not installed (see .ci/run)")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory, builtin_backend, nsfw_classifier):  # type: ignore[no-untyped-def]
    """One delivered image per format (profile cn: label, TC260 block) and its verify report."""
    from safegen import Config, SafeGen

    root = tmp_path_factory.mktemp("interop")
    config = Config(
        home=root / "home",
        ledger_url=f"sqlite:///{root / 'l.db'}",
        profile="cn",
        detection_url="https://detect.example.com/",
    )
    made = {}
    with SafeGen(config, backend=builtin_backend, safety=nsfw_classifier) as gen:
        for fmt in FORMATS:
            result = gen.generate(
                "a lighthouse at dusk", seed=11, output_format=fmt, output_dir=root / "out"
            )
            made[fmt] = result.images[0]
    with Verifier(config) as verifier:
        reports = {fmt: verifier.verify_path(image.path) for fmt, image in made.items()}
    return made, reports, root


def _exiftool(binary: str | Path, path: Path) -> dict:
    proc = subprocess.run(
        [str(binary), "-j", "-G1", "-a", "-struct", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(proc.stdout)[0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_debian_exiftool_reads_the_xmp_of_every_format(outputs, fmt: str) -> None:
    binary = shutil.which("exiftool")
    _need(binary is not None, "exiftool (Debian libimage-exiftool-perl)")
    made, reports, _ = outputs
    tags = _exiftool(binary, made[fmt].path)
    assert tags["XMP-iptcExt:DigitalSourceType"].endswith("/trainedAlgorithmicMedia")
    assert tags["XMP-xmpMM:DocumentID"] == f"urn:uuid:{made[fmt].asset_id}"
    assert tags["XMP-iptcExt:AISystemUsed"] == "safegen-builtin-scenes-diffusion"
    # exiftool names tags it has no table for by their capitalised property: TC260:Aigc
    aigc = json.loads(next(v for k, v in tags.items() if k.lower() == "xmp-tc260:aigc"))
    assert aigc["Label"] == "1" and aigc["ProduceID"] == made[fmt].asset_id
    # ...and agrees with safegen's own reading of the same file
    xmp = reports[fmt].xmp
    assert xmp["xmpMM:DocumentID"] == tags["XMP-xmpMM:DocumentID"]
    assert xmp["Iptc4xmpExt:DigitalSourceType"] == tags["XMP-iptcExt:DigitalSourceType"]
    assert reports[fmt].verdict == "verified"


@pytest.mark.parametrize("fmt", FORMATS)
def test_current_exiftool_reads_xmp_and_c2pa_of_every_format(outputs, fmt: str) -> None:
    _need(NPM_EXIFTOOL.is_file() and shutil.which("perl") is not None, "npm exiftool-vendored.pl")
    made, reports, _ = outputs
    tags = _exiftool(NPM_EXIFTOOL, made[fmt].path)
    every = subprocess.run(  # -j would fold the repeated JUMBF labels into one key
        [str(NPM_EXIFTOOL), "-s3", "-a", "-JUMBF:JUMDLabel", str(made[fmt].path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    labels = every.stdout.split()
    assert reports[fmt].manifest["label"] in labels  # the manifest safegen verified
    assert {"c2pa.actions.v2", "com.safegen.generation", "c2pa.soft-binding"} <= set(labels)
    assert tags["XMP-iptcExt:DigitalSourceType"].endswith("/trainedAlgorithmicMedia")
    assert "ExifTool:Warning" not in tags, tags.get("ExifTool:Warning")


def _c2pa_ts(path: Path) -> dict:
    proc = subprocess.run(
        ["node", str(INTEROP / "c2pa_ts_read.mjs"), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=INTEROP,
    )
    return json.loads(proc.stdout)


@pytest.mark.parametrize("fmt", ["png", "jpeg"])
def test_c2pa_ts_validates_png_and_jpeg_and_flags_an_edit(outputs, fmt: str) -> None:
    _need(C2PA_TS.is_dir() and shutil.which("node") is not None, "npm @trustnxt/c2pa-ts")
    made, reports, root = outputs
    found = _c2pa_ts(made[fmt].path)
    assert found["manifest"] and found["valid"], found
    assert found["label"] == reports[fmt].manifest["label"]
    assert "assertion.dataHash.match" in found["codes"]
    assert {"c2pa.actions.v2", "com.safegen.generation", "c2pa.soft-binding"} <= set(
        found["assertions"]
    )
    # An edited copy: the same bytes with pixels changed inside the compressed data.
    data = bytearray(made[fmt].data)
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(64)
    edited = root / f"edited.{fmt}"
    edited.write_bytes(bytes(data))
    flagged = _c2pa_ts(edited)
    assert flagged["manifest"] and not flagged["valid"], flagged
    with Verifier(use_ledger=False) as verifier:
        assert verifier.verify_path(edited).verdict in ("tampered", "error")


def test_a_re_encoded_copy_has_no_manifest_for_either_reader(outputs, tmp_path: Path) -> None:
    _need(C2PA_TS.is_dir() and shutil.which("node") is not None, "npm @trustnxt/c2pa-ts")
    made, _, _ = outputs
    copy = tmp_path / "copy.png"
    Image.fromarray(np.asarray(made["png"].image)).save(copy)
    assert not _c2pa_ts(copy)["manifest"]
    with Verifier(use_ledger=False) as verifier:
        assert verifier.verify_path(copy).manifest["state"] == "absent"
