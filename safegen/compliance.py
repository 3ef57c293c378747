"""``safegen compliance check``: each requirement of a profile, tested on one file.

The file is read as a stranger would (the C2PA manifest against the trust
anchors, the XMP packet, the watermark; no ledger), and every requirement of
the profile gets pass or fail with its evidence: the field, the value and the
reader that found it. A file with a foreign or broken manifest is checked the
same way: each requirement fails or passes on what is there, never a
traceback. ``not applicable`` is only for requirements that depend on the
deployment (a time-stamp when no TSA is configured).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from safegen.codes import ExitCode
from safegen.provenance.xmp import AI_SOURCE_TYPES, aigc_of

if TYPE_CHECKING:
    from safegen.profiles import Profile, Requirement
    from safegen.verify import Verifier, VerifyReport

Outcome = Literal["pass", "fail", "n/a"]


@dataclass(frozen=True)
class Check:
    requirement: str
    article: str
    outcome: Outcome
    evidence: str

    def to_dict(self) -> dict[str, str]:
        return {
            "requirement": self.requirement,
            "article": self.article,
            "outcome": self.outcome,
            "evidence": self.evidence,
        }


@dataclass
class ComplianceReport:
    path: str
    profiles: tuple[str, ...]
    checks: list[Check] = field(default_factory=list)
    error: str | None = None

    @property
    def passed(self) -> bool:
        return self.error is None and all(c.outcome != "fail" for c in self.checks)

    @property
    def exit_code(self) -> ExitCode:
        if self.error is not None:
            return ExitCode.BAD_INPUT
        return ExitCode.OK if self.passed else ExitCode.TAMPERED

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "profiles": list(self.profiles),
            "passed": self.passed,
            "error": self.error,
            "checks": [c.to_dict() for c in self.checks],
        }


def check_file(
    verifier: Verifier, path: str, data: bytes, profile: Profile, *, tsa_configured: bool
) -> ComplianceReport:
    """Every requirement of ``profile`` on one file (``verifier`` must not use the ledger)."""
    report = ComplianceReport(path=path, profiles=profile.names)
    seen = verifier.verify_bytes(data, name=path)
    if seen.verdict == "error":
        report.error = seen.error
        return report
    xmp = seen.metadata
    for requirement in profile.requirements:
        if requirement.when == "tsa_configured" and not tsa_configured:
            report.checks.append(
                _check(requirement, "n/a", "no TSA is configured (tsa_url), so none is required")
            )
            continue
        try:
            outcome, evidence = CHECKS[requirement.id](seen, xmp, profile)
        except (TypeError, ValueError, AttributeError, KeyError, IndexError) as exc:
            # A field of the wrong shape (a list where a text belongs, a label that is
            # not a mapping): the file does not meet the requirement; say what was odd.
            outcome, evidence = "fail", f"malformed metadata for this requirement ({exc})"
        report.checks.append(_check(requirement, outcome, evidence))
    return report


def _check(requirement: Requirement, outcome: Outcome, evidence: str) -> Check:
    return Check(requirement.id, requirement.article, outcome, evidence)


Result = tuple[Outcome, str]
C2PA_READER = "c2pa-rs (c2pa-python)"
XMP_READER = "exiv2 (pyexiv2)"


def _manifest(seen: VerifyReport) -> dict[str, Any]:
    return seen.manifest or {}


def _c2pa_manifest(seen: VerifyReport, xmp: dict[str, Any], profile: Profile) -> Result:
    manifest = _manifest(seen)
    state = manifest.get("state")
    if state in (None, "absent"):
        return "fail", f"{C2PA_READER}: no C2PA manifest in the file"
    if state not in ("trusted", "valid"):
        failures = "; ".join(manifest.get("failures") or []) or manifest.get("error") or state
        return "fail", f"{C2PA_READER}: manifest present but {state}: {failures}"
    source = manifest.get("digital_source_type")
    if not isinstance(source, str) or source not in AI_SOURCE_TYPES:
        return "fail", f"{C2PA_READER}: {state} manifest, but c2pa.created declares {source!r}"
    signer = (manifest.get("signer") or {}).get("common_name")
    trust = "trusted signer" if state == "trusted" else "signer not in the trust list"
    return "pass", (
        f"{C2PA_READER}: manifest {manifest.get('label')} {state} ({trust}: {signer}); "
        f"c2pa.created digitalSourceType {source.rsplit('/', 1)[-1]}"
    )


def _xmp_source_type(seen: VerifyReport, xmp: dict[str, Any], profile: Profile) -> Result:
    value = xmp.get("Xmp.iptcExt.DigitalSourceType")
    if isinstance(value, str) and value in AI_SOURCE_TYPES:
        return "pass", f"{XMP_READER}: Iptc4xmpExt:DigitalSourceType = {value}"
    if value is None:
        return "fail", f"{XMP_READER}: no Iptc4xmpExt:DigitalSourceType in the XMP"
    return "fail", f"{XMP_READER}: Iptc4xmpExt:DigitalSourceType = {value!r}, not an AI source"


LATENT_FIELDS = {
    "provider": "Xmp.dc.publisher",
    "system name": "Xmp.iptcExt.AISystemUsed",
    "system version": "Xmp.iptcExt.AISystemVersionUsed",
    "time of creation": "Xmp.xmp.CreateDate",
    "unique id": "Xmp.xmpMM.DocumentID",
}


def _latent_disclosure(seen: VerifyReport, xmp: dict[str, Any], profile: Profile) -> Result:
    found, missing = [], []
    for meaning, key in LATENT_FIELDS.items():
        value = xmp.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        if value:
            found.append(f"{meaning} {key.removeprefix('Xmp.')}={value}")
        else:
            missing.append(f"{meaning} ({key.removeprefix('Xmp.')})")
    if missing:
        return "fail", f"{XMP_READER}: missing {', '.join(missing)}"
    return "pass", f"{XMP_READER}: " + "; ".join(found)


def _watermark(seen: VerifyReport, xmp: dict[str, Any], profile: Profile) -> Result:
    mark = seen.watermark or {}
    if mark.get("watermark_id") is None:
        return "fail", f"safegen watermark decoder ({mark.get('algorithm')}): no mark found"
    from safegen.provenance import soft_binding_id

    binding = _manifest(seen).get("soft_binding") or {}
    blocks = binding.get("blocks") or []
    claimed = soft_binding_id(str(blocks[0].get("value", ""))) if blocks else None
    if claimed is not None and claimed != mark["watermark_id"]:
        return "fail", (
            f"the watermark says id {mark['watermark_id']} but the manifest's soft binding "
            f"says {claimed}: the manifest does not belong to these pixels"
        )
    return "pass", (
        f"safegen watermark decoder: id {mark['watermark_id']} ({mark.get('algorithm')}, "
        f"confidence {mark.get('confidence')})"
    )


def _visible_label(seen: VerifyReport, xmp: dict[str, Any], profile: Profile) -> Result:
    manifest = _manifest(seen)
    label = (manifest.get("disclosure") or {}).get("visible_label")
    if manifest.get("state") != "trusted":
        return "fail", (
            "no manifest from a trusted signer to state what was drawn (labels are not read "
            "from pixels)"
        )
    if not label:
        return "fail", f"{C2PA_READER}: the signed manifest records no visible label"
    share = float(label.get("share_of_shorter_side", 0))
    text = str(label.get("text") or "")
    needed = profile.label.min_height if profile.label is not None else 0.05
    if not text.strip():
        return "fail", f"{C2PA_READER}: the recorded label has no text"
    if share + 1e-9 < needed:
        return "fail", (
            f"{C2PA_READER}: the recorded label's text is {share:.1%} of the shorter side, "
            f"under the {needed:.0%} the profile asks"
        )
    box = label.get("box") or {}
    where = ",".join(str(box.get(k)) for k in ("left", "top", "right", "bottom"))
    return "pass", (
        f"{C2PA_READER}: the signed manifest records {label.get('text')!r} drawn in box "
        f"({where}), text {label.get('text_height')} px = {share:.1%} of the shorter side "
        "(declared by the signer and bound to these pixels by the hash; not read by OCR)"
    )


def _xmp_aigc(seen: VerifyReport, xmp: dict[str, Any], profile: Profile) -> Result:
    aigc = aigc_of(xmp)
    if aigc is None:
        return "fail", f"{XMP_READER}: no TC260:AIGC JSON object in the XMP"
    problems = []
    if str(aigc.get("Label")) not in ("1", "2", "3"):
        problems.append(f"Label {aigc.get('Label')!r}")
    for key in ("ContentProducer", "ProduceID"):
        if not aigc.get(key):
            problems.append(f"{key} empty")
    if problems:
        return "fail", f"{XMP_READER}: TC260:AIGC has {', '.join(problems)}"
    return "pass", (
        f"{XMP_READER}: TC260:AIGC Label={aigc['Label']}, ContentProducer="
        f"{aigc['ContentProducer']}, ProduceID={aigc['ProduceID']}"
    )


def _detection_tool(seen: VerifyReport, xmp: dict[str, Any], profile: Profile) -> Result:
    url = xmp.get("Xmp.safegen.DetectionTool")
    manifest = _manifest(seen)
    declared = (manifest.get("disclosure") or {}).get("detection_url")
    if manifest.get("state") not in ("trusted", "valid"):
        declared = None
    if isinstance(url, str) and url.startswith(("https://", "http://")):
        return "pass", f"{XMP_READER}: safegen:DetectionTool = {url}"
    if isinstance(declared, str) and declared.startswith(("https://", "http://")):
        return (
            "pass",
            f"{C2PA_READER}: com.safegen.generation disclosure.detection_url = {declared}",
        )
    return "fail", "no detection tool URL in the XMP or the manifest"


def _timestamp(seen: VerifyReport, xmp: dict[str, Any], profile: Profile) -> Result:
    manifest = _manifest(seen)
    signer = manifest.get("signer") or {}
    if manifest.get("state") != "trusted":
        return "fail", f"{C2PA_READER}: no manifest from a trusted signer carries the time-stamp"
    if signer.get("time"):
        return "pass", (
            f"{C2PA_READER}: signature time-stamped at {signer['time']} (the time-stamp "
            "authority's own chain is not checked against a trust list by c2pa-rs)"
        )
    return "fail", f"{C2PA_READER}: the C2PA signature carries no RFC 3161 time-stamp"


CHECKS = {
    "c2pa_manifest": _c2pa_manifest,
    "xmp_source_type": _xmp_source_type,
    "latent_disclosure": _latent_disclosure,
    "watermark": _watermark,
    "visible_label": _visible_label,
    "xmp_aigc": _xmp_aigc,
    "detection_tool": _detection_tool,
    "timestamp": _timestamp,
}
"""Requirement id -> its check; the same ids as :data:`safegen.profiles.REQUIREMENTS`."""


__all__ = ["CHECKS", "Check", "ComplianceReport", "check_file"]
