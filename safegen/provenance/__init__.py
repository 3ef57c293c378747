"""C2PA content credentials: build the manifest, sign it, read and validate it back."""

from __future__ import annotations

import io
import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol

from safegen._version import __version__
from safegen.errors import ProvenanceError
from safegen.provenance.keys import ROOT_CERT, SigningIdentity, ensure_identity, load_identity

if TYPE_CHECKING:
    from safegen.config import Config

log = logging.getLogger(__name__)

TRAINED_ALGORITHMIC_MEDIA = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
GENERATION_ASSERTION = "com.safegen.generation"
SOFT_BINDING_ASSERTION = "c2pa.soft-binding"

ManifestState = Literal["absent", "trusted", "valid", "invalid", "unreadable"]


@dataclass(frozen=True)
class SignedAsset:
    data: bytes
    manifest_label: str


@dataclass(frozen=True)
class Ingredient:
    """An input the image was made from (img2img): its bytes travel into the manifest."""

    data: bytes
    mime: str
    title: str
    relationship: str = "inputTo"


class ManifestSigner(Protocol):
    """Embeds and signs a manifest in an image; returns the signed bytes."""

    def sign(
        self,
        data: bytes,
        mime: str,
        manifest: dict[str, Any],
        ingredients: tuple[Ingredient, ...] = (),
    ) -> SignedAsset: ...


@dataclass(frozen=True)
class ManifestReport:
    """What a C2PA reader found in one file."""

    state: ManifestState
    label: str | None = None
    generation_id: str | None = None
    asset_id: str | None = None
    soft_binding: dict[str, Any] | None = None
    """safegen's own (the watermark id); the first soft binding that is not a fingerprint."""
    soft_bindings: tuple[dict[str, Any], ...] = ()
    """Every soft-binding assertion, the registered ``io.iscc.v0`` fingerprint included."""
    signer: dict[str, Any] = field(default_factory=dict)
    digital_source_type: str | None = None
    disclosure: dict[str, Any] | None = None
    """What the generation assertion says was disclosed (profiles, visible label, URL)."""
    failures: tuple[str, ...] = ()
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "label": self.label,
            "generation_id": self.generation_id,
            "asset_id": self.asset_id,
            "soft_binding": self.soft_binding,
            "soft_bindings": list(self.soft_bindings),
            "signer": self.signer,
            "digital_source_type": self.digital_source_type,
            "disclosure": self.disclosure,
            "failures": list(self.failures),
            "error": self.error,
        }


def build_manifest(
    *,
    title: str,
    mime: str,
    generation: dict[str, Any],
    model: dict[str, Any],
    soft_binding_alg: str,
    watermark_id: int,
    fingerprint: str | None = None,
) -> dict[str, Any]:
    """The manifest every safegen image carries (see docs/concepts.md).

    Every assertion is a *created* assertion (``"created": True``): the signer states
    them, as C2PA 2.2 requires of the actions assertion, rather than gathering them.
    The actions are ``c2pa.created`` (with the IPTC digital source type) and
    ``c2pa.watermarked`` (the invisible mark behind the soft binding), each with
    ``when``. ``fingerprint`` (an ISCC Content-Code Image) adds the registered
    ``io.iscc.v0`` soft binding beside safegen's own.
    """
    import datetime as dt

    agent = {"name": "safegen", "version": __version__}
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    registered = []
    if fingerprint is not None:
        from safegen.provenance import iscc

        registered.append(
            {
                "label": SOFT_BINDING_ASSERTION,
                "created": True,
                "data": {
                    "alg": iscc.ALG,
                    "blocks": [{"scope": {}, "value": iscc.soft_binding_value(fingerprint)}],
                    "pad": [],
                    "name": f"ISCC Content-Code Image (ISO 24138) {fingerprint}",
                },
            }
        )
    return {
        "claim_generator_info": [agent],
        "title": title,
        "format": mime,
        "assertions": [
            {
                "label": "c2pa.actions",
                "created": True,
                "data": {
                    "actions": [
                        {
                            "action": "c2pa.created",
                            "when": when,
                            "digitalSourceType": TRAINED_ALGORITHMIC_MEDIA,
                            "softwareAgent": agent,
                            "parameters": {
                                "model": f"{model['name']}@{model['revision']}",
                            },
                        },
                        {
                            "action": "c2pa.watermarked",
                            "when": when,
                            "softwareAgent": agent,
                            "parameters": {"alg": soft_binding_alg},
                        },
                    ]
                },
            },
            {
                "label": GENERATION_ASSERTION,
                "created": True,
                "data": {**generation, "model": model},
            },
            {
                "label": SOFT_BINDING_ASSERTION,
                "created": True,
                "data": {
                    "alg": soft_binding_alg,
                    "blocks": [{"scope": {}, "value": soft_binding_value(watermark_id)}],
                    "pad": [],
                },
            },
            *registered,
        ],
    }


def soft_binding_value(watermark_id: int) -> str:
    """The soft binding's value: base64 of the watermark's 32-bit payload, big-endian.

    Why base64 text: C2PA 2.2 leaves the value algorithm-specific and c2pa-rs
    (the reference reader every c2pa-python user runs) types it as a string,
    base64 in its own tests. ``pad`` is written too; c2pa-python builds
    assertions from JSON, so it is an empty CBOR array, which c2pa-rs's
    byte-string field accepts. Manifests signed before 2026-12-01 hold the
    id in decimal; verify traces through the ledger, not this value.
    """
    import base64

    return base64.b64encode(watermark_id.to_bytes(4, "big")).decode("ascii")


def soft_binding_id(value: str) -> int | None:
    """The watermark id in a soft binding's value (base64, or the decimal of earlier
    manifests); None when it is neither."""
    import base64
    import binascii

    if value.isdigit():
        return int(value)
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None
    return int.from_bytes(raw, "big") if len(raw) == 4 else None


_ALGORITHMS = ("es256", "es384", "es512", "ps256", "ed25519")


def _c2pa_alg(name: str) -> Any:
    import c2pa

    if name not in _ALGORITHMS:
        raise ProvenanceError(
            f"unknown signing algorithm {name!r}; one of {', '.join(_ALGORITHMS)}"
        )
    return getattr(c2pa.C2paSigningAlg, name.upper())


class _C2paSigner:
    """Shared signing path: a Builder per image, the c2pa Signer and Context shared.

    Every signed file is read back and must validate as trusted against the
    signer's own anchors before it is returned: a broken chain fails the
    first generation loudly instead of shipping unverifiable images.
    """

    def __init__(self, signer: Any, trust_anchors_pem: bytes) -> None:
        import c2pa

        self._signer = signer
        self.trust_anchors_pem = trust_anchors_pem
        self._context = c2pa.Context.from_dict({"builder": {"thumbnail": {"enabled": False}}})
        self._lock = threading.Lock()
        self._reader = ManifestReader(trust_anchors_pem)

    def _failure(self) -> str | None:
        return None

    def sign(
        self,
        data: bytes,
        mime: str,
        manifest: dict[str, Any],
        ingredients: tuple[Ingredient, ...] = (),
    ) -> SignedAsset:
        import c2pa

        out = io.BytesIO()
        try:
            builder = c2pa.Builder(manifest, context=self._context)
            for ingredient in ingredients:
                builder.add_ingredient(
                    {"title": ingredient.title, "relationship": ingredient.relationship},
                    ingredient.mime,
                    io.BytesIO(ingredient.data),
                )
            with self._lock:
                builder.sign(self._signer, mime, io.BytesIO(data), out)
        except c2pa.C2paError as exc:
            detail = self._failure() or str(exc)
            raise ProvenanceError(f"C2PA signing failed: {detail}") from exc
        signed = out.getvalue()
        report = self._reader.read(signed, mime)
        if report.state != "trusted" or report.label is None:
            raise ProvenanceError(
                f"the manifest just signed does not validate ({report.state}: "
                f"{', '.join(report.failures) or report.error}); check the signing chain"
            )
        return SignedAsset(data=signed, manifest_label=report.label)


class LocalKeySigner(_C2paSigner):
    """Signs with a PEM key and chain on disk, optionally time-stamped by a TSA."""

    def __init__(self, identity: SigningIdentity, *, tsa_url: str | None = None) -> None:
        import c2pa

        self.identity = identity
        try:
            info = c2pa.C2paSignerInfo(
                _c2pa_alg(identity.alg),
                identity.chain_pem,
                identity.key_pem,
                tsa_url.encode() if tsa_url else None,
            )
            signer = c2pa.Signer.from_info(info)
        except (c2pa.C2paError, ValueError) as exc:
            raise ProvenanceError(f"the signing identity is unusable: {exc}") from exc
        super().__init__(signer, identity.trust_anchors_pem)


class CallbackSigner(_C2paSigner):
    """Signs through a function that holds the key elsewhere (a KMS, an HSM, another process).

    ``sign_bytes`` receives the bytes to sign and returns the signature
    (DER or raw r||s for ECDSA; c2pa accepts both). Only the public chain
    is in this process. An exception inside the callback reaches c2pa only
    as "COSE signature invalid", so it is kept and reported instead.
    """

    def __init__(
        self,
        sign_bytes: Callable[[bytes], bytes],
        chain_pem: bytes,
        alg: str,
        trust_anchors_pem: bytes,
        *,
        tsa_url: str | None = None,
    ) -> None:
        import c2pa

        self._errors = threading.local()

        def callback(data: bytes) -> bytes:
            try:
                return sign_bytes(data)
            except Exception as exc:
                self._errors.last = exc
                raise

        try:
            signer = c2pa.Signer.from_callback(
                callback, _c2pa_alg(alg), chain_pem.decode("ascii"), tsa_url
            )
        except (c2pa.C2paError, ValueError) as exc:
            raise ProvenanceError(f"the callback signer is unusable: {exc}") from exc
        super().__init__(signer, trust_anchors_pem)

    def _failure(self) -> str | None:
        exc = getattr(self._errors, "last", None)
        self._errors.last = None
        return None if exc is None else f"the signing callback failed: {exc}"


def load_signer(config: Config) -> tuple[ManifestSigner, bool]:
    """The deployment's signer; True when a development identity was just created.

    ``SAFEGEN_SIGNER_COMMAND`` selects a command signer (the key lives in
    another process); otherwise the key files under ``$SAFEGEN_HOME/keys``.
    """
    if config.signer_command:
        from safegen.provenance.command import CommandSigner

        anchors = (
            (config.keys_dir / ROOT_CERT).read_bytes()
            if (config.keys_dir / ROOT_CERT).is_file()
            else b""
        )
        return CommandSigner(config.signer_command, anchors, tsa_url=config.tsa_url), False
    return local_signer(config.keys_dir, tsa_url=config.tsa_url)


def local_signer(keys_dir: Any, *, tsa_url: str | None = None) -> tuple[LocalKeySigner, bool]:
    """The deployment signer under ``keys_dir``; True when a dev identity was just created."""
    created = ensure_identity(keys_dir)
    return LocalKeySigner(load_identity(keys_dir), tsa_url=tsa_url), created


class ManifestReader:
    """Reads and validates C2PA manifests against a set of trust anchors (PEM)."""

    def __init__(self, trust_anchors_pem: bytes | None) -> None:
        import c2pa

        settings: dict[str, Any] = {}
        if trust_anchors_pem:
            settings["trust"] = {"trust_anchors": trust_anchors_pem.decode("ascii")}
        self._context = c2pa.Context.from_dict(settings)

    def read(self, data: bytes, mime: str | None) -> ManifestReport:
        import c2pa

        try:
            reader = c2pa.Reader.try_create(mime or None, io.BytesIO(data), None, self._context)
        except c2pa.C2paError as exc:
            # A manifest that is present but cannot be parsed is a broken
            # manifest, not an absent one.
            return ManifestReport(state="unreadable", error=str(exc))
        except (ValueError, OSError) as exc:
            return ManifestReport(state="unreadable", error=str(exc))
        if reader is None:
            return ManifestReport(state="absent")
        try:
            with reader:
                state_name = (reader.get_validation_state() or "").lower()
                manifest = reader.get_active_manifest() or {}
                results = reader.get_validation_results() or {}
        except (KeyError, ValueError, TypeError, c2pa.C2paError) as exc:
            # Found by fuzzing: a store whose active manifest failed to load.
            return ManifestReport(state="invalid", error=f"manifest store is damaged ({exc})")
        failures = tuple(
            f"{item.get('code')}: {item.get('explanation', '')}".strip()
            for item in (results.get("activeManifest") or {}).get("failure", [])
        )
        state: ManifestState = (
            "trusted"
            if state_name == "trusted"
            else "valid"
            if state_name == "valid"
            else "invalid"
        )
        generation: dict[str, Any] = {}
        soft: dict[str, Any] | None = None
        bindings: list[dict[str, Any]] = []
        source_type = None
        for assertion in manifest.get("assertions", []):
            label = assertion.get("label", "")
            if label == GENERATION_ASSERTION:
                generation = assertion.get("data") or {}
            elif label == SOFT_BINDING_ASSERTION:
                binding = assertion.get("data") or {}
                bindings.append(binding)
                if soft is None and binding.get("alg") != "io.iscc.v0":
                    soft = binding
            elif label.startswith("c2pa.actions"):
                for action in (assertion.get("data") or {}).get("actions", []):
                    if action.get("action") == "c2pa.created":
                        source_type = action.get("digitalSourceType")
        signature = manifest.get("signature_info") or {}
        return ManifestReport(
            state=state,
            label=manifest.get("label"),
            generation_id=_str_or_none(generation.get("generation_id")),
            asset_id=_str_or_none(generation.get("asset_id")),
            soft_binding=soft,
            soft_bindings=tuple(bindings),
            signer={
                k: signature.get(k)
                for k in ("issuer", "common_name", "alg", "time")
                if signature.get(k)
            },
            digital_source_type=source_type,
            disclosure=generation.get("disclosure")
            if isinstance(generation.get("disclosure"), dict)
            else None,
            failures=failures,
        )


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def manifest_json(report: ManifestReport) -> str:
    return json.dumps(report.to_dict(), sort_keys=True)


__all__ = [
    "CallbackSigner",
    "Ingredient",
    "LocalKeySigner",
    "load_signer",
    "ManifestReader",
    "ManifestReport",
    "ManifestSigner",
    "SignedAsset",
    "TRAINED_ALGORITHMIC_MEDIA",
    "build_manifest",
    "local_signer",
    "soft_binding_id",
    "soft_binding_value",
]
