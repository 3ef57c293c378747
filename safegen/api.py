"""SafeGen: the generation path of DESIGN.md, one stage a line."""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import hmac
import json
import logging
import os
import secrets
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from safegen._version import __version__
from safegen.backends import Backend, BackendRequest, ModelIdentity, load_backend
from safegen.config import Config
from safegen.errors import (
    BackendError,
    DeliveryError,
    ImageInputError,
    InvalidRequest,
    LedgerError,
    OutputWithheld,
    PolicyViolation,
    ProvenanceError,
    WatermarkError,
)
from safegen.imaging import (
    OUTPUT_FORMATS,
    ImageHashes,
    encode_image,
    hash_image,
    mime_of,
    open_image,
    perceptual_hash,
    read_input_image,
    sha256_bytes,
)
from safegen.ledger import AssetRecord, GenerationRecord, Ledger
from safegen.policy import PolicyDecision, PromptPolicy, load_policy
from safegen.provenance import Ingredient, ManifestSigner, build_manifest, load_signer
from safegen.provenance.keys import prompt_key
from safegen.safety import OpenNSFW, SafetyClassifier, SafetyVerdict, judge
from safegen.safety.faces import FaceDetector
from safegen.watermark import Watermarker, load_watermarker

if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger(__name__)

MAX_IMAGES = 16
MAX_SIDE = 2048
MAX_STEPS = 500
MAX_PROMPT_CHARS = 20_000
BANK_DISTANCE = 8
"""pHash bits within which an output counts as a copy of a protected-bank image."""


@dataclass(frozen=True)
class GeneratedImage:
    """A delivered image: signed PNG bytes, with every identifier the ledger holds for it."""

    asset_id: str
    index: int
    seed: int
    image: Image.Image
    data: bytes
    sha256: str
    pixel_sha256: str
    phash: str
    watermark_id: int
    manifest_id: str
    safety_scores: dict[str, float]
    safety_action: str
    path: Path | None = None
    mime: str = "image/png"

    @property
    def extension(self) -> str:
        return {"image/png": ".png", "image/jpeg": ".jpg", "image/webp": ".webp"}[self.mime]

    def to_dict(self) -> dict[str, Any]:
        return {
            "asset_id": self.asset_id,
            "index": self.index,
            "seed": self.seed,
            "path": str(self.path) if self.path else None,
            "sha256": self.sha256,
            "pixel_sha256": self.pixel_sha256,
            "phash": self.phash,
            "watermark_id": self.watermark_id,
            "manifest_id": self.manifest_id,
            "mime": self.mime,
            "safety": {"action": self.safety_action, "scores": self.safety_scores},
            "width": self.image.width,
            "height": self.image.height,
        }


@dataclass(frozen=True)
class WithheldImage:
    """An image the output safety check stopped: only its hashes and scores exist."""

    asset_id: str
    index: int
    seed: int
    scores: dict[str, float]
    reasons: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "asset_id": self.asset_id,
            "index": self.index,
            "seed": self.seed,
            "scores": self.scores,
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True)
class GenerationResult:
    generation_id: str
    status: str
    images: list[GeneratedImage]
    withheld: list[WithheldImage]
    policy: PolicyDecision
    model: ModelIdentity
    seed: int
    review: bool = False
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds spent in each stage (policy, backend, safety, watermark, encode, sign, hash,
    ledger, write)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "generation_id": self.generation_id,
            "status": self.status,
            "review": self.review,
            "seed": self.seed,
            "model": self.model.to_dict(),
            "policy": self.policy.to_dict(),
            "images": [image.to_dict() for image in self.images],
            "withheld": [image.to_dict() for image in self.withheld],
        }


class SafeGen:
    """The one entry point for accountable generation.

    Every stage can be passed in (anything that follows its protocol);
    by default each is built from ``config`` on first use, so constructing a
    SafeGen is cheap and imports no torch.
    """

    def __init__(
        self,
        config: Config | None = None,
        *,
        home: str | Path | None = None,
        ledger_url: str | None = None,
        policy: str | PromptPolicy | None = None,
        backend: str | Backend | None = None,
        model: str | None = None,
        prompt_storage: str | None = None,
        safety: SafetyClassifier | None = None,
        watermarker: Watermarker | None = None,
        signer: ManifestSigner | None = None,
        ledger: Ledger | None = None,
    ) -> None:
        self.config = config or Config.from_env(
            home=home,
            ledger_url=ledger_url,
            policy=policy if isinstance(policy, str) else None,
            backend=backend if isinstance(backend, str) else None,
            model=model,
            prompt_storage=prompt_storage,
        )
        self._policy = policy if policy is not None and not isinstance(policy, str) else None
        self._backend = backend if backend is not None and not isinstance(backend, str) else None
        self._safety = safety
        self._watermarker = watermarker
        self._signer = signer
        self._ledger = ledger
        self.created_dev_identity = False
        self._faces: FaceDetector | None = None
        self._lock = threading.Lock()
        self._backend_lock = threading.Lock()

    # -- stages, built on first use ---------------------------------------

    @property
    def policy(self) -> PromptPolicy:
        if self._policy is None:
            self._policy = load_policy(self.config.policy)
        return self._policy

    @property
    def backend(self) -> Backend:
        with self._lock:
            if self._backend is None:
                self._backend = load_backend(self.config)
            return self._backend

    @property
    def safety(self) -> SafetyClassifier:
        if self._safety is None:
            self._safety = OpenNSFW(threads=self.config.threads)
        return self._safety

    @property
    def watermarker(self) -> Watermarker:
        if self._watermarker is None:
            self._watermarker = load_watermarker(self.config.watermark)
        return self._watermarker

    @property
    def signer(self) -> ManifestSigner:
        with self._lock:
            if self._signer is None:
                self._signer, self.created_dev_identity = load_signer(self.config)
                if self.created_dev_identity:
                    log.warning(
                        "created a DEVELOPMENT signing identity in %s: its manifests verify only "
                        "where %s is trusted; import a production certificate before publishing",
                        self.config.keys_dir,
                        self.config.keys_dir / "root-ca.pem",
                    )
            return self._signer

    @property
    def ledger(self) -> Ledger:
        with self._lock:
            if self._ledger is None:
                self._ledger = Ledger(
                    self.config.resolved_ledger_url, timeout=self.config.ledger_timeout
                )
            return self._ledger

    def close(self) -> None:
        if self._ledger is not None:
            self._ledger.close()

    # -- the path -----------------------------------------------------------

    def generate(
        self,
        prompt: str,
        *,
        negative_prompt: str | None = None,
        n: int = 1,
        seed: int | None = None,
        width: int | None = None,
        height: int | None = None,
        steps: int | None = None,
        user: str | None = None,
        metadata: dict[str, Any] | None = None,
        output_dir: str | Path | None = None,
        output_format: str = "png",
        init_image: str | Path | bytes | None = None,
        strength: float = 0.6,
    ) -> GenerationResult:
        """Generate ``n`` images for ``prompt``; each one is watermarked, signed and recorded.

        Raises :class:`PolicyViolation` when the prompt is blocked and
        :class:`OutputWithheld` when every image is withheld; both are
        recorded in the ledger first. With ``output_dir`` the files are
        written there, atomically, after the ledger commit. ``output_format``
        is ``png``, ``jpeg`` or ``webp`` (signing is always the last step).

        With ``init_image`` (a path or encoded bytes) the backend transforms
        that picture (image-to-image) with ``strength`` in (0, 1]: how much
        of it is redrawn. The input is recorded in the ledger (its hashes)
        and becomes a C2PA ingredient of every output, with its own manifest
        if it had one, so an edit of a real photo stays traceable.
        """
        _validate(prompt, n, seed, width, height, steps, metadata)
        if output_format not in OUTPUT_FORMATS:
            raise InvalidRequest(
                f"format must be one of {', '.join(OUTPUT_FORMATS)}, not {output_format!r}"
            )
        init: _InitImage | None = None
        if init_image is not None:
            if not 0.0 < strength <= 1.0:
                raise InvalidRequest(f"strength must be in (0, 1], not {strength}")
            init = _InitImage.read(init_image)
        seed = secrets.randbelow(2**31) if seed is None else seed
        generation_id = str(uuid.uuid4())
        ledger = self.ledger  # a ledger that is down fails here, before any work is done
        if output_dir is not None:
            self.recover(output_dir)
        record = self._record(
            generation_id,
            prompt,
            negative_prompt,
            n,
            seed,
            width,
            height,
            steps,
            user,
            metadata or {},
        )

        record.params["format"] = output_format
        if init is not None:
            record.params["init_image"] = init.to_dict() | {"strength": strength}
        timings: dict[str, float] = {}
        with _timed(timings, "policy"):
            decision = self.policy.evaluate(prompt)
        _apply_decision(record, decision)
        if decision.blocked:
            record.status = "blocked"
            record.backend = self.config.backend
            record.model_name = self.config.model or (
                self._backend.identity.name if self._backend is not None else None
            )
            ledger.record(record)
            raise PolicyViolation(
                f"prompt blocked by policy {decision.pack} ({', '.join(decision.categories)}; "
                f"rules {', '.join(decision.rules)}); nothing was generated",
                decision,
                generation_id,
            )

        try:
            backend = self.backend
            _apply_model(record, backend.identity)
            seeds = tuple(seed + i for i in range(n))
            with self._backend_lock, _timed(timings, "backend"):
                images = backend.generate(
                    BackendRequest(
                        prompt=prompt,
                        negative_prompt=negative_prompt,
                        seeds=seeds,
                        width=width,
                        height=height,
                        steps=steps,
                        init_image=init.image if init is not None else None,
                        strength=strength,
                    )
                )
            record.params["width"], record.params["height"] = images[0].size

            with _timed(timings, "safety"):
                scores = self.safety.score(images)
            verdicts = [judge(s, self.policy.pack.output_safety) for s in scores]
            with _timed(timings, "banks"):
                verdicts = [
                    self._protected(image, verdict, decision)
                    for image, verdict in zip(images, verdicts, strict=True)
                ]
            keep = [i for i, v in enumerate(verdicts) if v.action != "withhold"]
            with _timed(timings, "ledger"):
                watermark_ids = ledger.reserve_watermark_ids(len(keep)) if keep else []

            delivered: list[GeneratedImage] = []
            withheld: list[WithheldImage] = []
            for index, (image, verdict) in enumerate(zip(images, verdicts, strict=True)):
                asset_id = str(uuid.uuid4())
                if verdict.action == "withhold":
                    with _timed(timings, "hash"):
                        withheld.append(
                            self._withhold(record, asset_id, index, seeds[index], image, verdict)
                        )
                else:
                    delivered.append(
                        self._finish(
                            record,
                            asset_id,
                            index,
                            seeds[index],
                            image,
                            verdict,
                            watermark_ids[len(delivered)],
                            decision,
                            timings,
                            output_format,
                            init,
                        )
                    )

        except (BackendError, ProvenanceError, WatermarkError, ImageInputError) as exc:
            # A stage failed after the request was accepted: the attempt is recorded, and
            # no image (none was written yet) is delivered.
            record.status = "failed"
            record.assets = []
            record.metadata = {**record.metadata, "failure": f"{type(exc).__name__}: {exc}"}
            ledger.record(record)
            raise
        record.status = "delivered" if delivered else "withheld"
        with _timed(timings, "write"):
            temp_paths = self._stage_files(record, delivered, output_dir)
        try:
            _failpoint("staged")
            try:
                with _timed(timings, "ledger"):
                    ledger.record(record)
            except LedgerError as exc:
                # Not committed, so not delivered: the staged files go (a crash here is
                # cleaned up by recover() instead).
                for temp in temp_paths:
                    temp.unlink(missing_ok=True)
                raise LedgerError(f"{exc}; no image was delivered") from exc
            _failpoint("committed")
            if not delivered:
                raise OutputWithheld(
                    f"all {n} image(s) withheld by the output safety check "
                    f"({'; '.join(r for w in withheld for r in w.reasons)}); the event is "
                    f"recorded as generation {generation_id}",
                    generation_id,
                    [w.scores for w in withheld],
                )
            if temp_paths:
                with _timed(timings, "write"):
                    delivered = self._deliver_files(record, delivered, temp_paths)
        finally:
            _release(temp_paths)
        return GenerationResult(
            generation_id=generation_id,
            status=record.status,
            images=delivered,
            withheld=withheld,
            policy=decision,
            model=backend.identity,
            seed=seed,
            review=decision.action == "review" or any(v.action == "review" for v in verdicts),
            timings=timings,
        )

    # -- steps ------------------------------------------------------------------

    def _record(
        self,
        generation_id: str,
        prompt: str,
        negative_prompt: str | None,
        n: int,
        seed: int,
        width: int | None,
        height: int | None,
        steps: int | None,
        user: str | None,
        metadata: dict[str, Any],
    ) -> GenerationRecord:
        storage = self.config.prompt_storage
        plain = storage == "plain"
        return GenerationRecord(
            id=generation_id,
            status="pending",
            prompt=prompt if plain else None,
            negative_prompt=negative_prompt if plain else None,
            prompt_hash="" if storage == "none" else self.prompt_hash(prompt),
            prompt_storage=storage,
            params={"n": n, "width": width, "height": height, "steps": steps},
            seed=seed,
            user_id=user,
            metadata=dict(metadata),
            policy_pack="",
            policy_version="",
            policy_action="",
            policy_categories=[],
            policy_hits=[],
        )

    def _protected(
        self, image: Image.Image, verdict: SafetyVerdict, decision: PolicyDecision
    ) -> SafetyVerdict:
        """Protected-image banks and the real-person face check, on top of the classifier.

        A near-duplicate (pHash within BANK_DISTANCE bits) of any bank entry
        is withheld and the bank is named; a realistic face in an image whose
        prompt named a real person gets the pack's ``face_action``.
        """
        action, scores, reasons = verdict.action, dict(verdict.scores), list(verdict.reasons)
        matches = self.ledger.bank_matches(perceptual_hash(image), BANK_DISTANCE)
        for match in matches:
            scores[f"bank.{match['bank']}"] = float(match["distance"])
            reasons.append(
                f"near-duplicate ({match['distance']} bits) of {match['label']!r} "
                f"in protected bank {match['bank']!r}"
            )
        if matches:
            action = "withhold"
        if decision.people:
            faces = self.faces.faces(image)
            scores["faces"] = float(len(faces))
            if faces:
                face_action = self.policy.pack.people.face_action
                reasons.append(
                    f"{len(faces)} face(s) in an image of a named real person "
                    f"({', '.join(decision.people)})"
                )
                if face_action == "withhold" or action == "allow":
                    action = "withhold" if face_action == "withhold" else "review"
        if action == verdict.action and scores == verdict.scores:
            return verdict
        return SafetyVerdict(action=action, scores=scores, reasons=tuple(reasons))

    @property
    def faces(self) -> FaceDetector:
        if self._faces is None:
            self._faces = FaceDetector()
        return self._faces

    def prompt_hash(self, prompt: str) -> str:
        """HMAC-SHA256 of the prompt under the deployment's secret key.

        Keyed, because a plain hash of a short prompt can be reversed by
        guessing, and the hash travels in every public manifest.
        """
        key = prompt_key(self.config.keys_dir)
        return hmac.new(key, prompt.encode("utf-8"), hashlib.sha256).hexdigest()

    def _withhold(
        self,
        record: GenerationRecord,
        asset_id: str,
        index: int,
        seed: int,
        image: Image.Image,
        verdict: SafetyVerdict,
    ) -> WithheldImage:
        record.assets.append(
            _asset_record(asset_id, index, seed, image, hash_image(image), "withheld", verdict)
        )
        return WithheldImage(asset_id, index, seed, verdict.scores, verdict.reasons)

    def _finish(
        self,
        record: GenerationRecord,
        asset_id: str,
        index: int,
        seed: int,
        image: Image.Image,
        verdict: SafetyVerdict,
        watermark_id: int,
        decision: PolicyDecision,
        timings: dict[str, float],
        output_format: str = "png",
        init: _InitImage | None = None,
    ) -> GeneratedImage:
        """Watermark, encode, sign and hash one image that passed the safety check."""
        with _timed(timings, "watermark"):
            marked = self.watermarker.embed(image, watermark_id)
        model = {
            "name": record.model_name,
            "revision": record.model_revision,
            "weights_sha256": record.model_sha256,
            "backend": record.backend,
        }
        generation = {
            "generation_id": record.id,
            "asset_id": asset_id,
            "watermark_id": watermark_id,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "provider": self.config.provider_name,
            "system": {"name": "safegen", "version": __version__},
            "seed": seed,
            "policy": {"pack": decision.pack, "version": decision.pack_version},
        }
        if init is not None:
            generation["init_image"] = {
                "sha256": init.sha256,
                "strength": record.params["init_image"]["strength"],
            }
        if record.prompt_hash:
            generation["prompt_hmac_sha256"] = record.prompt_hash
        _, mime, extension = OUTPUT_FORMATS[output_format]
        manifest = build_manifest(
            title=f"{asset_id}{extension}",
            mime=mime,
            generation=generation,
            model=model,
            soft_binding_alg=self.watermarker.algorithm,
            watermark_id=watermark_id,
        )
        with _timed(timings, "encode"):
            encoded = encode_image(marked, output_format)
            if output_format != "png":  # lossy: record the pixels that are delivered
                marked = open_image(encoded, name=f"{asset_id}{extension}")
        ingredients = (init.ingredient(),) if init is not None else ()
        with _timed(timings, "sign"):
            signed = self.signer.sign(encoded, mime, manifest, ingredients)
        with _timed(timings, "hash"):
            hashes = hash_image(marked)
            file_sha256 = sha256_bytes(signed.data)
        record.assets.append(
            _asset_record(
                asset_id,
                index,
                seed,
                marked,
                hashes,
                "delivered",
                verdict,
                mime=mime,
                file_sha256=file_sha256,
                watermark_id=watermark_id,
                watermark_alg=self.watermarker.algorithm,
                manifest_id=signed.manifest_label,
            )
        )
        return GeneratedImage(
            asset_id=asset_id,
            index=index,
            seed=seed,
            image=marked,
            data=signed.data,
            sha256=file_sha256,
            pixel_sha256=hashes.pixel_sha256,
            phash=hashes.phash_hex,
            watermark_id=watermark_id,
            manifest_id=signed.manifest_label,
            safety_scores=verdict.scores,
            safety_action=verdict.action,
            mime=mime,
        )

    def recover(self, output_dir: str | Path) -> dict[str, list[str]]:
        """Finish or discard what a crash left in ``output_dir``; run before each generation.

        A hidden ``.ASSET.ext.tmp`` whose asset the ledger records as delivered,
        with the same sha256, was committed but not yet renamed: it is moved into
        place. Any other one was never committed: it is deleted, so nothing
        unrecorded is left behind. A file another live process is still
        delivering is skipped: its writer holds an exclusive lock on it until the
        rename, and the kernel drops that lock when the writer dies.
        """
        folder = Path(output_dir).expanduser()
        completed: list[str] = []
        removed: list[str] = []
        if not folder.is_dir():
            return {"completed": completed, "removed": removed}
        for temp in sorted(folder.glob(".*.tmp")):
            name = temp.name[1:].removesuffix(".tmp")
            asset_id, _, extension = name.partition(".")
            try:
                with open(temp, "rb") as handle:
                    try:
                        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    except BlockingIOError:
                        continue  # a live generation is delivering it
                    data = handle.read()
            except OSError:
                continue
            asset = self.ledger.asset(asset_id)
            if (
                asset is not None
                and asset["status"] == "delivered"
                and asset["file_sha256"] == sha256_bytes(data)
            ):
                os.replace(temp, folder / f"{asset_id}.{extension}")
                completed.append(asset_id)
            else:
                temp.unlink(missing_ok=True)
                removed.append(temp.name)
        if completed:
            _fsync_dir(folder)
            log.warning(
                "recovered %d image(s) committed before a crash in %s", len(completed), folder
            )
        return {"completed": completed, "removed": removed}

    def _stage_files(
        self, record: GenerationRecord, images: list[GeneratedImage], output_dir: str | Path | None
    ) -> list[Path]:
        """Write each image to a hidden temporary file beside its final path.

        Why before the commit: a full disk or a read-only folder shows up
        here, and then the ledger records a failed generation instead of
        claiming images that were never written.
        """
        if output_dir is None or not images:
            return []
        folder = Path(output_dir).expanduser()
        temps: list[Path] = []
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for image in images:
                temp = folder / f".{image.asset_id}{image.extension}.tmp"
                temps.append(temp)
                handle = open(temp, "wb")  # noqa: SIM115 - held (locked) until the rename
                _STAGED[temp] = handle
                fcntl.flock(handle, fcntl.LOCK_EX)
                handle.write(image.data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            _release(temps)
            for temp in temps:
                temp.unlink(missing_ok=True)
            record.status = "failed"
            for asset in record.assets:
                if asset.status == "delivered":
                    asset.status = "failed"
            record.metadata = {**record.metadata, "failure": f"write to {folder}: {exc.strerror}"}
            self.ledger.record(record)
            raise DeliveryError(
                f"cannot write images to {folder}: {exc.strerror or exc}; generation "
                f"{record.id} is recorded as failed and no image was delivered"
            ) from exc
        return temps

    def _deliver_files(
        self, record: GenerationRecord, images: list[GeneratedImage], temps: list[Path]
    ) -> list[GeneratedImage]:
        done: list[GeneratedImage] = []
        try:
            for image, temp in zip(images, temps, strict=True):
                final = temp.with_name(f"{image.asset_id}{image.extension}")
                os.replace(temp, final)
                done.append(_with_path(image, final))
                _failpoint("renamed-one")
            _fsync_dir(temps[0].parent)
        except OSError as exc:
            failed = [i.asset_id for i in images[len(done) :]]
            for temp in temps[len(done) :]:
                temp.unlink(missing_ok=True)
            self.ledger.change_status(
                record.id,
                "failed" if not done else "delivered",
                f"delivery failed: {exc.strerror or exc}",
                asset_ids=failed,
            )
            raise DeliveryError(
                f"could not move images into place: {exc.strerror or exc}; "
                f"{len(failed)} image(s) marked failed in the ledger"
            ) from exc
        return done


_STAGED: dict[Path, Any] = {}
"""Open, locked handles of the temporary files this process is delivering (see recover)."""


def _release(temps: list[Path]) -> None:
    """Close the staged files' handles, which drops their locks."""
    for temp in temps:
        handle = _STAGED.pop(temp, None)
        if handle is not None:
            handle.close()


def _failpoint(name: str) -> None:
    """Crash testing: ``SAFEGEN_FAILPOINT=name`` kills the process here, as a power cut would.

    The points sit in the delivery protocol's windows (temporary files written;
    ledger committed; first file renamed); tests/test_crash.py uses them.
    """
    if os.environ.get("SAFEGEN_FAILPOINT") == name:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


def _fsync_dir(folder: Path) -> None:
    """Make renames in ``folder`` durable (a directory entry is data too)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def _timed(timings: dict[str, float], stage: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start


@dataclass(frozen=True)
class _InitImage:
    """The input of an image-to-image generation, as read once."""

    data: bytes
    image: Image.Image
    mime: str
    sha256: str
    hashes: ImageHashes
    name: str

    @classmethod
    def read(cls, source: str | Path | bytes) -> _InitImage:
        data, image = read_input_image(source)
        mime = mime_of(data)
        if mime is None:  # decodable but not a format C2PA can take as an ingredient
            data, mime = encode_image(image, "png"), "image/png"
        name = Path(source).name if isinstance(source, str | Path) else "init-image"
        return cls(data, image, mime, sha256_bytes(data), hash_image(image), name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "mime": self.mime,
            "sha256": self.sha256,
            "pixel_sha256": self.hashes.pixel_sha256,
            "phash": self.hashes.phash_hex,
            "width": self.image.width,
            "height": self.image.height,
        }

    def ingredient(self) -> Ingredient:
        return Ingredient(data=self.data, mime=self.mime, title=self.name)


def _asset_record(
    asset_id: str,
    index: int,
    seed: int,
    image: Image.Image,
    hashes: ImageHashes,
    status: str,
    verdict: SafetyVerdict,
    **delivery: Any,
) -> AssetRecord:
    """The ledger row of one image; ``delivery`` holds what only a delivered image has."""
    return AssetRecord(
        id=asset_id,
        index=index,
        status=status,
        seed=seed,
        width=image.width,
        height=image.height,
        pixel_sha256=hashes.pixel_sha256,
        phash=hashes.phash,
        safety_action="withhold" if status == "withheld" else verdict.action,
        safety_scores=verdict.scores,
        **delivery,
    )


def _with_path(image: GeneratedImage, path: Path) -> GeneratedImage:
    from dataclasses import replace

    return replace(image, path=path)


def _apply_decision(record: GenerationRecord, decision: PolicyDecision) -> None:
    record.policy_pack = decision.pack
    record.policy_version = decision.pack_version
    record.policy_action = decision.action
    record.policy_categories = list(decision.categories)
    record.policy_language = decision.language
    record.policy_hits = [dict(hit.__dict__) for hit in decision.hits]
    if decision.scores:  # every semantic rule's score, fired or not
        record.params["policy_scores"] = dict(decision.scores)
    if decision.people:
        record.params["real_people"] = list(decision.people)
    if decision.classifier:  # calibrated probabilities, flagged or not
        record.params["policy_classifier"] = {
            "scores": decision.classifier["scores"],
            "minor": decision.classifier["minor"],
        }


def _apply_model(record: GenerationRecord, identity: ModelIdentity) -> None:
    record.backend = identity.backend
    record.model_name = identity.name
    record.model_revision = identity.revision
    record.model_sha256 = identity.weights_sha256


def _validate(
    prompt: object,
    n: int,
    seed: int | None,
    width: int | None,
    height: int | None,
    steps: int | None,
    metadata: object,
) -> None:
    if not isinstance(prompt, str) or not prompt.strip():
        raise InvalidRequest("prompt must be a non-empty string")
    if len(prompt) > MAX_PROMPT_CHARS:
        raise InvalidRequest(
            f"prompt is {len(prompt):,} characters; the limit is {MAX_PROMPT_CHARS:,} "
            "(text encoders read the first few hundred anyway)"
        )
    if not 1 <= n <= MAX_IMAGES:
        raise InvalidRequest(f"n must be between 1 and {MAX_IMAGES}, not {n}")
    if seed is not None and not 0 <= seed < 2**63 - MAX_IMAGES:
        raise InvalidRequest("seed must be a non-negative 63-bit integer")
    for name, side in (("width", width), ("height", height)):
        if side is not None and (not 64 <= side <= MAX_SIDE or side % 8):
            raise InvalidRequest(
                f"{name} must be a multiple of 8 between 64 and {MAX_SIDE}, not {side}"
            )
    if steps is not None and not 1 <= steps <= MAX_STEPS:
        raise InvalidRequest(f"steps must be between 1 and {MAX_STEPS}, not {steps}")
    if metadata is not None:
        try:
            if not isinstance(metadata, dict):
                raise TypeError
            json.dumps(metadata)
        except (TypeError, ValueError) as exc:
            raise InvalidRequest("metadata must be a dict of JSON-serialisable values") from exc


__all__ = ["GeneratedImage", "GenerationResult", "SafeGen", "WithheldImage"]
