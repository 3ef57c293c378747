"""Verification: gather every signal for an image and state one verdict.

=========  ==========================================================  ====
verdict    meaning                                                     exit
=========  ==========================================================  ====
verified   trusted, intact C2PA manifest whose asset is in the ledger     0
           (without a ledger: a trusted, intact manifest)
unknown    nothing links the image to the ledger                          1
tampered   a manifest is present but fails validation                     2
traced     no valid manifest, but watermark or hashes find the record     3
error      not a readable image                                          65
=========  ==========================================================  ====

See docs/verify.md for how a third party, holding only an image and the
deployment's root certificate, verifies without the ledger.
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from safegen.codes import SEVERITY, ExitCode, Verdict
from safegen.config import Config
from safegen.errors import ConfigError, ImageInputError
from safegen.imaging import MAX_FILE_BYTES, hash_image, open_image, sha256_bytes
from safegen.provenance import ManifestReader, ManifestReport
from safegen.provenance.keys import ROOT_CERT, retired_roots
from safegen.provenance.xmp import disclosed, read_xmp
from safegen.watermark import Watermarker, load_watermarker

if TYPE_CHECKING:
    # The ledger (and SQLAlchemy under it) is imported only where one is consulted: a
    # stranger's check, without a ledger, starts 0.4 s sooner.
    from safegen.ledger import AssetRow, Ledger

EXPLANATIONS = {
    "signingCredential.untrusted": "the signer's certificate does not chain to a trusted root",
    "signingCredential.expired": "the signing certificate had expired when the image was signed",
    "signingCredential.invalid": "the signing certificate is not valid for C2PA signing",
    "signingCredential.revoked": "the signing certificate has been revoked",
    "claimSignature.mismatch": "the manifest's signature does not match its contents",
    "claimSignature.missing": "the manifest has no signature",
    "assertion.dataHash.mismatch": "the image bytes changed after signing",
    "assertion.boxesHash.mismatch": "the image bytes changed after signing",
    "assertion.hashedURI.mismatch": "a statement in the manifest was altered after signing",
    "assertion.missing": "a statement the manifest refers to is missing",
    "timeStamp.mismatch": "the time stamp does not match the signature",
    "timeStamp.outsideValidity": "the time stamp falls outside the certificate's validity",
    "timeStamp.untrusted": "the time-stamp authority is not trusted",
    "manifest.inaccessible": "the manifest could not be read",
    "claim.malformed": "the manifest is malformed",
    "ingredient.manifest.mismatch": "an ingredient's manifest does not match the ingredient",
}
"""C2PA validation codes in words a non-expert understands."""


def explain(failure: str) -> str:
    """``code: explanation`` from c2pa -> a sentence (the code kept in brackets)."""
    code = failure.split(":", 1)[0].strip()
    for known, sentence in EXPLANATIONS.items():
        if code == known or code.startswith(known + "."):
            return f"{sentence} [{code}]"
    return failure


NEAR_DISTANCE = 8
"""pHash distance (of 64 bits) up to which a ledger asset counts as the same picture."""

_MIME = {
    "PNG": "image/png",
    "JPEG": "image/jpeg",
    "WEBP": "image/webp",
    "GIF": "image/gif",
    "TIFF": "image/tiff",
    "BMP": "image/bmp",
    "AVIF": "image/avif",
    "HEIF": "image/heif",
}


@dataclass
class VerifyReport:
    path: str
    verdict: str
    reasons: list[str] = field(default_factory=list)
    manifest: dict[str, Any] | None = None
    xmp: dict[str, Any] = field(default_factory=dict)
    """The XMP fields safegen writes that the file carries (under exiftool's names)."""
    watermark: dict[str, Any] | None = None
    ledger: dict[str, Any] = field(default_factory=dict)
    sha256: str | None = None
    error: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    """The XMP properties under exiv2's keys (``xmp`` shows safegen's); not in to_dict."""
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds per stage (decode, manifest, hashes, watermark, ledger); not in to_dict."""

    @property
    def exit_code(self) -> ExitCode:
        return Verdict(self.verdict).exit_code

    @property
    def generation_id(self) -> str | None:
        record = self.ledger.get("record")
        return record.get("generation_id") if record else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "verdict": self.verdict,
            "reasons": self.reasons,
            "error": self.error,
            "sha256": self.sha256,
            "manifest": self.manifest,
            "xmp": self.xmp,
            "watermark": self.watermark,
            "ledger": self.ledger,
        }


def worst_exit_code(reports: Iterable[VerifyReport]) -> ExitCode:
    """The exit code of a batch: its worst verdict's (DESIGN.md: 65, then 2, 1, 3, 0)."""
    verdicts = {r.verdict for r in reports}
    for verdict in SEVERITY:
        if verdict in verdicts:
            return verdict.exit_code
    return ExitCode.OK


class Verifier:
    """Checks images against the deployment's trust anchors and ledger."""

    def __init__(
        self,
        config: Config | None = None,
        *,
        ledger: Ledger | None = None,
        trust: Iterable[str | Path] = (),
        watermarker: Watermarker | None = None,
        near_distance: int = NEAR_DISTANCE,
        use_ledger: bool | None = None,
    ) -> None:
        """``use_ledger``: True consults the ledger (created if missing), False never does,
        None (default) consults it when one is configured or the default SQLite file exists.
        """
        self.config = config or Config.from_env()
        self._ledger = ledger
        self.near_distance = near_distance
        self.watermarker = watermarker or load_watermarker(self.config.watermark, for_reading=True)
        if use_ledger is None:
            use_ledger = (
                ledger is not None
                or self.config.ledger_url is not None
                or (self.config.home / "ledger.db").is_file()
            )
        self.use_ledger = use_ledger
        anchors = b""
        own_root = self.config.keys_dir / ROOT_CERT
        if own_root.is_file():
            anchors += own_root.read_bytes()
        anchors += retired_roots(self.config.keys_dir)
        for item in trust:
            anchors += _read_pems(Path(item))
        self.reader = ManifestReader(anchors or None)

    @property
    def ledger(self) -> Ledger:
        if self._ledger is None:
            from safegen.ledger import Ledger
            from safegen.provenance.keys import LEDGER_KEY

            key_file = self.config.keys_dir / LEDGER_KEY  # read, never created, by verify
            key = key_file.read_bytes() if key_file.is_file() else None
            self._ledger = Ledger(self.config.resolved_ledger_url, entry_key=key)
        return self._ledger

    def close(self) -> None:
        """Close the ledger connection this verifier opened (if it opened one)."""
        if self._ledger is not None:
            self._ledger.close()

    def __enter__(self) -> Verifier:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def verify_path(self, path: str | Path) -> VerifyReport:
        name = str(path)
        try:
            with open(path, "rb") as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
        except IsADirectoryError:
            return VerifyReport(path=name, verdict="error", error=f"{name}: is a directory")
        except OSError as exc:
            error = f"{name}: cannot read ({exc.strerror or exc})"
            return VerifyReport(path=name, verdict="error", error=error)
        return self.verify_bytes(data, name=name)

    def verify_bytes(self, data: bytes, *, name: str = "<bytes>") -> VerifyReport:
        clock = _Clock()
        report = VerifyReport(path=name, verdict="unknown", sha256=sha256_bytes(data))
        report.timings = clock.laps
        try:
            image = open_image(data, name=name)
            fmt = _format_of(data)
        except ImageInputError as exc:
            report.verdict, report.error = "error", str(exc)
            return report
        clock.lap("decode")
        manifest = self.reader.read(data, _MIME.get(fmt or ""))
        report.manifest = manifest.to_dict()
        report.metadata = read_xmp(data)
        report.xmp = disclosed(report.metadata)
        clock.lap("manifest")
        hashes = hash_image(image)
        clock.lap("hashes")
        decoded = self.watermarker.decode(image)
        clock.lap("watermark")
        report.watermark = {
            "algorithm": decoded.algorithm,
            "watermark_id": decoded.watermark_id,
            "confidence": decoded.confidence,
            "in_ledger": False,
        }

        if not self.use_ledger:
            self._decide_without_ledger(report, manifest)
            return report
        ledger = self.ledger
        exact = ledger.find_assets(file_sha256=report.sha256, pixel_sha256=hashes.pixel_sha256)
        by_watermark = (
            ledger.find_assets(watermark_id=decoded.watermark_id)
            if decoded.watermark_id is not None
            else []
        )
        near = ledger.similar(hashes.phash, self.near_distance)
        exact, by_watermark, near = _vouched(ledger, report, exact, by_watermark, near)
        report.watermark["in_ledger"] = bool(by_watermark)
        report.ledger = {
            "exact": [
                _brief(a, "file_sha256" if a.file_sha256 == report.sha256 else "pixel_sha256")
                for a in exact
            ],
            "watermark": [_brief(a, "watermark_id") for a in by_watermark],
            "near": [_brief(a, "phash") | {"distance": a.distance} for a in near],
            "record": None,
        }
        self._decide(report, manifest, ledger, exact, by_watermark, near)
        record = report.ledger.get("record")
        if record:
            record.update(_generation_details(ledger, record["generation_id"]))
        clock.lap("ledger")
        return report

    def _decide_without_ledger(self, report: VerifyReport, manifest: ManifestReport) -> None:
        """A stranger's check: the manifest and the watermark, no ledger."""
        reasons = report.reasons
        report.ledger = {"consulted": False}
        if manifest.state in ("invalid", "unreadable"):
            report.verdict = "tampered"
            reasons.append("C2PA manifest present but invalid: " + _failures(manifest))
        elif manifest.state == "trusted":
            report.verdict = "verified"
            reasons.append(
                f"trusted C2PA manifest signed by {manifest.signer.get('common_name')} "
                f"(generation {manifest.generation_id}); the ledger was not consulted"
            )
        else:
            report.verdict = "unknown"
            reasons.append(
                _untrusted(manifest) if manifest.state == "valid" else "no C2PA manifest"
            )
            watermark_id = (report.watermark or {}).get("watermark_id")
            if watermark_id is not None:
                reasons.append(
                    f"safegen watermark id {watermark_id} found; only the issuer's ledger "
                    "can say which generation it belongs to"
                )
            reasons.append("the ledger was not consulted")

    def _decide(
        self,
        report: VerifyReport,
        manifest: ManifestReport,
        ledger: Ledger,
        exact: list[AssetRow],
        by_watermark: list[AssetRow],
        near: list[AssetRow],
    ) -> None:
        reasons = report.reasons
        if manifest.state in ("invalid", "unreadable"):
            report.verdict = "tampered"
            reasons.append("C2PA manifest present but invalid: " + _failures(manifest))
            trace = by_watermark or exact or near
            if trace:
                report.ledger["record"] = _brief(trace[0], "trace")
                reasons.append(f"the image traces to generation {trace[0].generation_id}")
            return
        if manifest.state == "trusted":
            asset = ledger.asset(manifest.asset_id) if manifest.asset_id else None
            if asset is not None and not _vouched(ledger, report, [asset])[0]:
                asset = None
                reasons.append("the record the manifest names fails the ledger's audit check")
            elif asset is None:
                reasons.append(
                    f"trusted manifest names asset {manifest.asset_id}, which is not in this ledger"
                )
            elif asset.generation_id != manifest.generation_id:
                reasons.append("the manifest's generation id disagrees with the ledger record")
            elif report.sha256 != asset.file_sha256 and asset.manifest_id != manifest.label:
                reasons.append("the ledger record belongs to another file")
            else:
                report.verdict = "verified"
                report.ledger["record"] = _brief(asset, "manifest")
                reasons.append(
                    f"trusted C2PA manifest signed by {manifest.signer.get('common_name')}; "
                    f"generation {asset.generation_id} is in the ledger"
                )
                return
        elif manifest.state == "valid":
            reasons.append(_untrusted(manifest))
        else:
            reasons.append("no C2PA manifest")

        if by_watermark:
            report.verdict = "traced"
            report.ledger["record"] = _brief(by_watermark[0], "watermark_id")
            reasons.append(
                f"watermark id {report.watermark['watermark_id']} belongs to generation "  # type: ignore[index]
                f"{by_watermark[0].generation_id}"
            )
        elif exact:
            report.verdict = "traced"
            report.ledger["record"] = report.ledger["exact"][0]
            reasons.append(f"identical pixels to asset {exact[0].id}")
        elif near:
            report.verdict = "traced"
            report.ledger["record"] = report.ledger["near"][0]
            reasons.append(f"perceptual hash within {near[0].distance} bits of asset {near[0].id}")
        else:
            report.verdict = "unknown"
            if report.watermark and report.watermark["watermark_id"] is not None:
                reasons.append(
                    f"watermark id {report.watermark['watermark_id']} decoded but it is not in "
                    "the ledger"
                )
            reasons.append("nothing links this image to the ledger")


class _Clock:
    """Seconds since the previous lap, per named stage."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps[stage] = self.laps.get(stage, 0.0) + now - self._last
        self._last = now


def _failures(manifest: ManifestReport) -> str:
    if manifest.failures:
        return "; ".join(explain(f) for f in manifest.failures)
    return manifest.error or "validation failed"


def _untrusted(manifest: ManifestReport) -> str:
    return (
        f"C2PA manifest intact but its signer ({manifest.signer.get('common_name')}, "
        f"issuer {manifest.signer.get('issuer')}) is not a trusted anchor; "
        "pass its root with --trust if you trust it"
    )


def _vouched(
    ledger: Ledger, report: VerifyReport, *candidates: list[AssetRow]
) -> tuple[list[AssetRow], ...]:
    """Drop matches whose ledger record fails its audit check: an image is never traced or
    verified through a row that was inserted or edited behind the ledger's back."""
    verdicts: dict[str, str | None] = {}
    kept = []
    for assets in candidates:
        good = []
        for asset in assets:
            if asset.generation_id not in verdicts:
                verdicts[asset.generation_id] = ledger.check_record(asset.generation_id)
            problem = verdicts[asset.generation_id]
            if problem is None:
                good.append(asset)
            elif not any(problem in reason for reason in report.reasons):
                report.reasons.append(f"ignored a ledger match: {problem}")
        kept.append(good)
    return tuple(kept)


def _generation_details(ledger: Ledger, generation_id: str) -> dict[str, Any]:
    generation = ledger.generation(generation_id)
    if generation is None:
        return {}
    return {
        "generated_at": generation.created_at,
        "model": generation.model.to_dict(),
        "user": generation.user,
        "policy_pack": generation.policy.pack,
    }


def _brief(asset: AssetRow, matched_by: str) -> dict[str, Any]:
    return {
        "asset_id": asset.id,
        "generation_id": asset.generation_id,
        "status": asset.status,
        "created_at": asset.created_at,
        "matched_by": matched_by,
    }


def _format_of(data: bytes) -> str | None:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as img:
            return img.format
    except Exception:  # noqa: BLE001 - open_image already accepted these bytes
        return None


def _read_pems(path: Path) -> bytes:
    try:
        if path.is_dir():
            return b"".join(p.read_bytes() for p in sorted(path.glob("*.pem")))
        return path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read trust anchors {path}: {exc.strerror}") from exc


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files in argument order; directories are walked recursively, in name order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs.sort()
                for name in sorted(files):
                    yield Path(root) / name
        else:
            yield path


def verify(
    source: str | Path | bytes,
    *,
    config: Config | None = None,
    trust: Iterable[str | Path] = (),
) -> VerifyReport:
    """Verify one image given as a path or as bytes."""
    with Verifier(config, trust=trust) as verifier:
        if isinstance(source, bytes | bytearray):
            return verifier.verify_bytes(bytes(source))
        return verifier.verify_path(source)
