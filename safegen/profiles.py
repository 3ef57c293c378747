"""Jurisdiction profiles: what a region's labelling rules ask of each image, and where.

A profile is a YAML file (shipped ones in ``policies/profiles/``: ``eu``,
``ca``, ``cn`` and ``none``) listing requirements by id, each with the article
it comes from. Profiles combine (``eu,cn``): the union of their requirements.
They act twice:

- at generation (``safegen generate --profile cn``, or the ``profile``
  setting): a profile with a ``label`` draws the visible disclosure before
  the watermark; ``xmp_aigc`` writes the TC260 block; ``detection_tool``
  needs the ``detection_url`` setting and writes it; ``timestamp`` needs a
  TSA when the profile says ``when: tsa_configured`` and one is set;
- at checking (``safegen compliance check IMAGE --profile eu``): each
  requirement is tested on the file with the evidence that decided it
  (safegen/compliance.py).

Every problem in a profile file (unknown key, unknown requirement, a label
that cannot be drawn) is a :class:`ProfileError` (exit 64) naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from safegen.config import read_settings_text
from safegen.errors import ProfileError

REQUIREMENTS: dict[str, str] = {
    "c2pa_manifest": "a signed C2PA manifest whose c2pa.created action declares "
    "trainedAlgorithmicMedia",
    "xmp_source_type": "IPTC DigitalSourceType trainedAlgorithmicMedia in the XMP metadata",
    "latent_disclosure": "provider, AI system name and version, creation time and a unique id "
    "in standard XMP fields",
    "watermark": "an invisible watermark that links the pixels to the record, readable by "
    "safegen verify",
    "visible_label": "a visible label on the image, text height at least the profile's share "
    "of the shorter side",
    "xmp_aigc": "the TC260 AIGC implicit label (Label 1, producer, content id) in the XMP metadata",
    "detection_tool": "a pointer to a public detection tool (URL) in the metadata",
    "timestamp": "an RFC 3161 time-stamp on the C2PA signature",
}
"""Requirement id -> what it asks. A profile may only list these (compliance.py checks each)."""

Position = Literal["bottom-right", "bottom-left", "top-right", "top-left"]
MAX_PROFILE_BYTES = 256 * 1024


@dataclass(frozen=True)
class LabelSpec:
    """A visible disclosure: ``text`` whose glyphs are at least ``min_height`` of the shorter
    side (and ``min_pixels``), in a corner."""

    text: str
    min_height: float = 0.05
    min_pixels: int = 12
    position: Position = "bottom-right"
    font: str | None = None
    """A font file; None: the Noto Sans CJK subset safegen ships (ASCII and common CJK labels)."""


@dataclass(frozen=True)
class Requirement:
    id: str
    article: str
    when: Literal["always", "tsa_configured"] = "always"

    @property
    def description(self) -> str:
        return REQUIREMENTS[self.id]


@dataclass(frozen=True)
class Profile:
    """One profile, or several combined (``names`` in order, requirements merged by id)."""

    names: tuple[str, ...]
    title: str
    requirements: tuple[Requirement, ...]
    label: LabelSpec | None = None

    def requires(self, requirement: str) -> bool:
        return any(r.id == requirement for r in self.requirements)

    def active(self, *, tsa_configured: bool) -> tuple[Requirement, ...]:
        """The requirements that apply to a deployment (a TSA-only one needs a TSA)."""
        return tuple(r for r in self.requirements if r.when == "always" or tsa_configured)

    def to_dict(self) -> dict[str, Any]:
        return {
            "profiles": list(self.names),
            "requirements": [
                {"id": r.id, "article": r.article, "when": r.when} for r in self.requirements
            ],
            "label": None if self.label is None else self.label.__dict__,
        }


NONE = Profile(names=("none",), title="no jurisdiction", requirements=())

DEFAULT_LABEL_TEXT = "AI-generated"
MAX_LABEL_CHARS = 64


@dataclass(frozen=True)
class Disclosure:
    """What one generation discloses beyond safegen's own marks: the profiles applied, the
    visible label to draw (if any) and the detection tool's URL (if configured)."""

    profile: Profile = NONE
    label: LabelSpec | None = None
    detection_url: str | None = None

    @classmethod
    def resolve(
        cls,
        profile: Profile,
        *,
        label: bool | str | None,
        detection_url: str | None,
        size: tuple[int | None, int | None] = (None, None),
    ) -> Disclosure:
        """Check a request's disclosure choices against its profile, before anything loads.

        ``label``: None follows the profile, True asks for a label (the profile's, or
        "AI-generated"), a string sets its text, False refuses one (an error when the
        profile requires it).
        """
        from dataclasses import replace

        from safegen.provenance.label import check_fits, check_label

        names = ",".join(profile.names)
        spec = profile.label
        if label is False:
            if profile.requires("visible_label"):
                raise ProfileError(
                    f"profile {names} requires a visible label; it cannot be turned off"
                )
            spec = None
        elif isinstance(label, str):
            if not label.strip() or len(label) > MAX_LABEL_CHARS:
                raise ProfileError(
                    f"the label text must have 1 to {MAX_LABEL_CHARS} characters that are not "
                    "all blank"
                )
            spec = replace(spec, text=label) if spec else LabelSpec(text=label)
            check_label(spec, source="the label text")
        elif label is True and spec is None:
            spec = LabelSpec(text=DEFAULT_LABEL_TEXT)
        if profile.requires("detection_tool") and not detection_url:
            raise ProfileError(
                f"profile {names} requires a detection tool's URL in the metadata: set "
                "detection_url in safegen.toml or SAFEGEN_DETECTION_URL"
            )
        width, height = size
        if spec is not None and width and height:
            check_fits(spec, width, height)
        return cls(profile=profile, label=spec, detection_url=detection_url)

    def recorded(self) -> dict[str, Any]:
        """What the ledger's params and the manifest say was applied (empty when nothing)."""
        found: dict[str, Any] = {}
        if self.profile.names != NONE.names:
            found["profiles"] = list(self.profile.names)
        if self.detection_url:
            found["detection_url"] = self.detection_url
        return found


def shipped_profiles() -> dict[str, str]:
    folder = resources.files("safegen._packs") / "profiles"
    return {
        entry.name.removesuffix(".yaml"): entry.name
        for entry in folder.iterdir()
        if entry.name.endswith(".yaml")
    }


def load_profiles(spec: str | list[str] | tuple[str, ...] | None) -> Profile:
    """Profiles by name (``eu``) or YAML path, comma-separated or a list, combined.

    ``None``, ``""`` and ``none`` give the empty profile.
    """
    if spec is None:
        return NONE
    parts = [spec] if isinstance(spec, str) else list(spec)
    names = [name.strip() for part in parts for name in part.split(",") if name.strip()]
    loaded = [load_profile(name) for name in names if name != "none"]
    if not loaded:
        return NONE
    return combine(loaded)


def load_profile(name_or_path: str) -> Profile:
    """A shipped profile by bare name (``eu``; a file of that name in the current folder
    is never read instead), or a YAML file by path (with a folder or a .yaml suffix)."""
    shipped = shipped_profiles()
    if name_or_path in shipped:
        file_name = shipped[name_or_path]
        resource = resources.files("safegen._packs") / "profiles" / file_name
        return parse_profile(
            resource.read_text(encoding="utf-8"), source=f"policies/profiles/{file_name}"
        )
    path = Path(name_or_path).expanduser()
    looks_like_path = "/" in name_or_path or path.suffix in (".yaml", ".yml")
    if not looks_like_path or not path.is_file():
        raise ProfileError(
            f"profile {name_or_path!r} not found: give a YAML file or one of "
            f"{', '.join(sorted(shipped))}"
        )
    text = read_settings_text(path, limit=MAX_PROFILE_BYTES, what="profile", error=ProfileError)
    return parse_profile(text, source=str(path))


def parse_profile(text: str, *, source: str) -> Profile:
    from pydantic import ValidationError

    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{source}:{mark.line + 1}" if mark else source
        raise ProfileError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from exc
    except RecursionError as exc:
        raise ProfileError(f"{source}: YAML nested too deeply to be a profile") from exc
    if not isinstance(doc, dict):
        raise ProfileError(f"{source}: a profile is a mapping with profile, title, requirements")
    try:
        parsed = _model().model_validate(doc)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            where = ".".join(str(part) for part in error["loc"])
            problems.append(f"{where}: {error['msg']}")
        raise ProfileError(f"{source}: {'; '.join(problems)}") from exc
    requirements = []
    for index, item in enumerate(parsed.requirements):
        if item.id not in REQUIREMENTS:
            raise ProfileError(
                f"{source}: requirements.{index}: unknown requirement {item.id!r}; known: "
                f"{', '.join(REQUIREMENTS)}"
            )
        requirements.append(Requirement(item.id, item.article, item.when))
    ids = [r.id for r in requirements]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ProfileError(f"{source}: requirement listed twice: {', '.join(duplicates)}")
    label = None
    if parsed.label is not None:
        label = LabelSpec(**parsed.label.model_dump())
        from safegen.provenance.label import check_label

        check_label(label, source=source)
    if "visible_label" in ids and label is None:
        raise ProfileError(f"{source}: requirement visible_label needs a 'label:' section")
    return Profile(
        names=(parsed.profile,), title=parsed.title, requirements=tuple(requirements), label=label
    )


def combine(profiles: list[Profile]) -> Profile:
    """The union: every requirement once (articles of each profile joined), one label at most."""
    merged: dict[str, Requirement] = {}
    for profile in profiles:
        for requirement in profile.requirements:
            seen = merged.get(requirement.id)
            if seen is None:
                merged[requirement.id] = requirement
            else:
                when = "always" if "always" in (seen.when, requirement.when) else seen.when
                merged[requirement.id] = Requirement(
                    requirement.id, f"{seen.article}; {requirement.article}", when
                )
    labels = {p.label for p in profiles if p.label is not None}
    if len(labels) > 1:
        asking = ", ".join(n for p in profiles if p.label is not None for n in p.names)
        raise ProfileError(f"profiles {asking} each ask for a different visible label; pick one")
    return Profile(
        names=tuple(n for p in profiles for n in p.names),
        title=" + ".join(p.title for p in profiles),
        requirements=tuple(merged.values()),
        label=next(iter(labels), None),
    )


def _model() -> Any:
    from pydantic import BaseModel, ConfigDict, Field

    class LabelModel(BaseModel):
        model_config = ConfigDict(extra="forbid")
        text: str = Field(min_length=1, max_length=64, pattern=r"\S")
        min_height: float = Field(default=0.05, gt=0, le=0.5)
        min_pixels: int = Field(default=12, ge=6, le=512)
        position: Position = "bottom-right"
        font: str | None = None

    class RequirementModel(BaseModel):
        model_config = ConfigDict(extra="forbid")
        id: str
        article: str = Field(min_length=1)
        when: Literal["always", "tsa_configured"] = "always"

    class ProfileModel(BaseModel):
        model_config = ConfigDict(extra="forbid")
        profile: str = Field(pattern=r"^[a-z][a-z0-9_-]{0,31}$")
        title: str = Field(min_length=1)
        regulation: str | None = None
        label: LabelModel | None = None
        requirements: list[RequirementModel]

    return ProfileModel


__all__ = [
    "DEFAULT_LABEL_TEXT",
    "Disclosure",
    "LabelSpec",
    "NONE",
    "Profile",
    "REQUIREMENTS",
    "Requirement",
    "combine",
    "load_profile",
    "load_profiles",
    "parse_profile",
    "shipped_profiles",
]
