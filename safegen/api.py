"""SafeGen: the generation path of DESIGN.md, one stage a line."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from safegen._version import __version__
from safegen.backends import BACKENDS, Backend, ModelIdentity, check_backend, load_backend
from safegen.codes import Status
from safegen.config import Config
from safegen.delivery import Delivery
from safegen.errors import (
    BackendError,
    ConfigError,
    ImageInputError,
    OutputCheckError,
    OutputWithheld,
    PolicyViolation,
    ProfileError,
    ProvenanceError,
    WatermarkError,
)
from safegen.imaging import (
    OUTPUT_FORMATS,
    ImageHashes,
    encode_image,
    hash_image,
    open_image,
    sha256_bytes,
)
from safegen.ledger import AssetRecord, GenerationRecord, Ledger
from safegen.policy import PolicyDecision, PromptPolicy, RuleHit, load_policy
from safegen.profiles import Disclosure, Profile, load_profiles
from safegen.provenance import Ingredient, ManifestSigner, build_manifest, load_signer
from safegen.provenance.iscc import image_code
from safegen.provenance.keys import prompt_hash as keyed_prompt_hash
from safegen.provenance.label import draw_label
from safegen.provenance.xmp import Aigc, XmpFields, write_xmp
from safegen.request import MAX_IMAGES, MAX_PROMPT_CHARS, MAX_SIDE, MAX_STEPS, GenerationRequest
from safegen.safety import OpenNSFW, SafetyClassifier, SafetyVerdict
from safegen.safety.checks import (
    BANK_DISTANCE,
    BankCheck,
    ClassifierCheck,
    FaceCheck,
    OutputCheck,
    OutputSafety,
    RequestContext,
)
from safegen.safety.faces import FaceDetector
from safegen.watermark import Watermarker, load_watermarker

if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger(__name__)

STAGE_FAILURES = (
    BackendError,
    ProvenanceError,
    WatermarkError,
    ImageInputError,
    OutputCheckError,
    ProfileError,
)
"""A stage failed after the request was accepted: the attempt is recorded as failed (a
visible label that does not fit an image of the backend's default size is one)."""


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
    """Seconds spent in each stage (policy, backend, ledger, safety, label, watermark, encode,
    xmp, sign, hash, write). "safety" runs at the same time as "label", "watermark",
    "encode" (which includes the pixel hashes and fingerprint) and "xmp", on another thread,
    so the stages' sum exceeds the wall time."""

    @classmethod
    def of(
        cls,
        request: GenerationRequest,
        decision: PolicyDecision,
        model: ModelIdentity,
        delivered: list[GeneratedImage],
        outputs: _Outputs,
        timings: dict[str, float],
    ) -> GenerationResult:
        return cls(
            generation_id=request.id,
            status=outputs.status,
            images=delivered,
            withheld=outputs.withheld,
            policy=decision,
            model=model,
            seed=request.seed,
            review=decision.action == "review" or outputs.review,
            timings=timings,
        )

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
        output_checks: Sequence[OutputCheck] = (),
    ) -> None:
        """``output_checks`` run after the shipped ones (classifier, banks, faces)."""
        self.config = config or Config.from_env(
            home=home,
            ledger_url=ledger_url,
            policy=policy if isinstance(policy, str) else None,
            backend=backend if isinstance(backend, str) else None,
            model=model,
            prompt_storage=prompt_storage,
        )
        self._policy = policy if policy is not None and not isinstance(policy, str) else None
        self._backend = (
            _as_backend(backend) if backend is not None and not isinstance(backend, str) else None
        )
        self._safety = safety
        self._watermarker = watermarker
        self._signer = signer
        self._ledger = ledger
        self.created_dev_identity = False
        self._faces: FaceDetector | None = None
        self._extra_checks = tuple(output_checks)
        self._output_safety: OutputSafety | None = None
        self._profile: Profile | None = None
        self._lock = threading.Lock()
        self._backend_lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None

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
    def profile(self) -> Profile:
        """The deployment's jurisdiction profiles (the ``profile`` setting), loaded once."""
        if self._profile is None:
            self._profile = load_profiles(self.config.profile)
        return self._profile

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
                from safegen.provenance.keys import ledger_key

                self._ledger = Ledger(
                    self.config.resolved_ledger_url,
                    timeout=self.config.ledger_timeout,
                    entry_key=ledger_key(self.config.keys_dir),
                )
            return self._ledger

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown()
        if self._ledger is not None:
            self._ledger.close()

    def __enter__(self) -> SafeGen:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def delivery(self) -> Delivery:
        return Delivery(self.ledger)

    @property
    def output_safety(self) -> OutputSafety:
        """The checks every image passes: the classifier against the pack's bands, protected
        banks, faces of named real people, then any the caller added."""
        if self._output_safety is None:
            config = self.policy.output_safety
            self._output_safety = OutputSafety(
                [
                    ClassifierCheck(self.safety, config.bands),
                    BankCheck(self.ledger.bank_matches),
                    FaceCheck(lambda: self.faces, config.face_action),
                    *self._extra_checks,
                ]
            )
        return self._output_safety

    # -- the path -----------------------------------------------------------

    def generate(self, prompt: str, **options: Any) -> GenerationResult:
        """Generate images for ``prompt``; each one is checked, watermarked, signed and recorded.

        ``options`` are :class:`GenerationRequest`'s fields (``negative_prompt``, ``n``,
        ``seed``, ``width``, ``height``, ``steps``, ``user``, ``metadata``, ``output_dir``,
        ``output_format``, ``init_image``, ``strength``, ``pipeline_kwargs``). Raises
        :class:`PolicyViolation` when the prompt is blocked and :class:`OutputWithheld` when
        every image is withheld; both are recorded in the ledger first. Files are written
        into ``output_dir`` only after the ledger commit (safegen/delivery.py).
        """
        request = self._request(prompt, options)  # checked before anything loads
        timings: dict[str, float] = {}
        ledger = self.ledger  # a ledger that is down fails here, before any work is done
        if request.output_dir is not None:
            self.delivery.recover(request.output_dir)
        with _timed(timings, "policy"):
            decision = self.policy.evaluate(request.prompt)
        if decision.blocked:
            ledger.record(self._record(request, decision, Status.BLOCKED))
            raise PolicyViolation.of(decision, request.id)
        images: list[Image.Image] = []
        try:
            backend = self.backend
            with self._backend_lock, _timed(timings, "backend"):
                images = backend.generate(request.backend_request())
            with _timed(timings, "ledger"):
                marks = ledger.reserve_watermark_ids(len(images))
            verdicts, marked = self._judged_and_marked(
                request, decision, backend.identity, images, marks, timings
            )
            outputs = self._outputs(request, images, verdicts, marked, timings)
        except STAGE_FAILURES as exc:
            ledger.record(
                self._record(request, decision, Status.FAILED, images=images, failure=exc)
            )
            raise  # a stage failed after the request was accepted: recorded, nothing delivered
        record = self._record(request, decision, outputs.status, backend.identity, outputs, images)
        with _timed(timings, "write"):
            delivered = self.delivery.commit(record, outputs.delivered, request.output_dir)
        if not delivered:
            raise OutputWithheld.of(outputs.withheld, request.id)
        return GenerationResult.of(request, decision, backend.identity, delivered, outputs, timings)

    # -- steps ------------------------------------------------------------------

    def _judged_and_marked(
        self,
        request: GenerationRequest,
        decision: PolicyDecision,
        model: ModelIdentity,
        images: list[Image.Image],
        marks: list[int],
        timings: dict[str, float],
    ) -> tuple[list[SafetyVerdict], list[_Marked | Exception]]:
        """Output safety's verdicts, and every image labelled, watermarked and encoded.

        Why together: a worker thread marks the images while this one runs the checks, so
        on two cores the classifier hides the watermark and the encoder (about 10 ms of
        the path per 512x512 image, benchmarks/overhead.py). The checks stay on the
        caller's thread (the bank check reads the ledger, whose connection may be this
        thread's own, as an in-memory SQLite ledger's is). Nothing marked here is signed,
        written or returned before its verdict: signing waits for it, so no key ever signs
        an image that is withheld, and a withheld image's watermark id stays an unused
        reservation. An image whose marking failed is a failure only if it is not withheld.
        """
        for image in images:
            image.load()  # both threads read the pixels; neither may load them lazily
        marking = self._workers.submit(
            self._mark_each, request, decision, model, images, marks, timings
        )
        try:
            with _timed(timings, "safety"):
                verdicts = self.output_safety.judge(images, RequestContext(decision.people))
        finally:
            wait([marking])  # never left running, whatever the checks did
        return verdicts, marking.result()

    def _mark_each(
        self,
        request: GenerationRequest,
        decision: PolicyDecision,
        model: ModelIdentity,
        images: list[Image.Image],
        marks: list[int],
        timings: dict[str, float],
    ) -> list[_Marked | Exception]:
        """Each image marked, or the stage failure that stopped it (raised later, and only
        for an image that is not withheld)."""
        marked: list[_Marked | Exception] = []
        for index, (image, mark) in enumerate(zip(images, marks, strict=True)):
            try:
                marked.append(self._mark(request, decision, model, index, image, mark, timings))
            except STAGE_FAILURES as exc:
                marked.append(exc)
        return marked

    def _outputs(
        self,
        request: GenerationRequest,
        images: list[Image.Image],
        verdicts: list[SafetyVerdict],
        marked: list[_Marked | Exception],
        timings: dict[str, float],
    ) -> _Outputs:
        """Withheld images keep only their hashes (their marked copies are dropped); every
        other one is signed."""
        delivered: list[tuple[GeneratedImage, AssetRecord]] = []
        withheld: list[tuple[WithheldImage, AssetRecord]] = []
        for index, (image, verdict, mark) in enumerate(zip(images, verdicts, marked, strict=True)):
            if verdict.action == "withhold":
                with _timed(timings, "hash"):
                    withheld.append(_withhold(index, request.seed + index, image, verdict))
            elif isinstance(mark, Exception):
                raise mark
            else:
                delivered.append(self._signed(mark, verdict, timings))
        return _Outputs(tuple(delivered), tuple(withheld))

    def _mark(
        self,
        request: GenerationRequest,
        decision: PolicyDecision,
        model: ModelIdentity,
        index: int,
        image: Image.Image,
        watermark_id: int,
        timings: dict[str, float],
    ) -> _Marked:
        """Label, watermark and encode one image, with its XMP and its (unsigned) manifest."""
        asset_id, seed, init = str(uuid.uuid4()), request.seed + index, request.init
        _, mime, extension = OUTPUT_FORMATS[request.output_format]
        disclosure = request.disclosure
        label = None
        if disclosure.label is not None:  # visible first, so the watermark covers the label too
            with _timed(timings, "label"):
                image, label = draw_label(image, disclosure.label)
        with _timed(timings, "watermark"):
            pixels = self.watermarker.embed(image, watermark_id)
        generation: dict[str, Any] = {
            "generation_id": request.id,
            "asset_id": asset_id,
            "watermark_id": watermark_id,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "provider": self.config.provider_name,
            "system": {"name": "safegen", "version": __version__},
            "seed": seed,
            "policy": {"pack": decision.pack, "version": decision.pack_version},
        }
        if init is not None:
            generation["init_image"] = {"sha256": init.sha256, "strength": request.strength}
        recorded = disclosure.recorded() | ({"visible_label": label.to_dict()} if label else {})
        if recorded:
            generation["disclosure"] = recorded
        prompt_hash = request.prompt_hash
        if prompt_hash:
            generation["prompt_hmac_sha256"] = prompt_hash
        with _timed(timings, "encode"):  # and the delivered pixels' hashes and fingerprint
            encoded, pixels, hashes, fingerprint = self._encoded(
                pixels, request.output_format, f"{asset_id}{extension}"
            )
        manifest = build_manifest(
            title=f"{asset_id}{extension}",
            mime=mime,
            generation=generation,
            model=_manifest_model(model),
            soft_binding_alg=self.watermarker.algorithm,
            watermark_id=watermark_id,
            fingerprint=fingerprint,
        )
        with _timed(timings, "xmp"):  # before signing: the manifest's hash binding covers it
            encoded = write_xmp(encoded, self._xmp(generation, model, disclosure))
        ingredients = (init.ingredient(),) if init is not None else ()
        return _Marked(
            asset_id,
            index,
            seed,
            watermark_id,
            pixels,
            hashes,
            encoded,
            manifest,
            mime,
            ingredients,
        )

    def _signed(
        self, mark: _Marked, verdict: SafetyVerdict, timings: dict[str, float]
    ) -> tuple[GeneratedImage, AssetRecord]:
        """Sign and hash one marked image that passed output safety."""
        with _timed(timings, "sign"):
            signed = self.signer.sign(mark.encoded, mark.mime, mark.manifest, mark.ingredients)
        with _timed(timings, "hash"):
            file_sha256 = sha256_bytes(signed.data)
        asset = _asset_record(
            mark.asset_id,
            mark.index,
            mark.seed,
            mark.pixels,
            mark.hashes,
            Status.DELIVERED,
            verdict,
            mime=mark.mime,
            file_sha256=file_sha256,
            watermark_id=mark.watermark_id,
            watermark_alg=self.watermarker.algorithm,
            manifest_id=signed.manifest_label,
        )
        delivered = GeneratedImage(
            asset_id=mark.asset_id,
            index=mark.index,
            seed=mark.seed,
            image=mark.pixels,
            data=signed.data,
            sha256=file_sha256,
            pixel_sha256=mark.hashes.pixel_sha256,
            phash=mark.hashes.phash_hex,
            watermark_id=mark.watermark_id,
            manifest_id=signed.manifest_label,
            safety_scores=verdict.scores,
            safety_action=verdict.action,
            mime=mark.mime,
        )
        return delivered, asset

    def _encoded(
        self, marked: Image.Image, fmt: str, name: str
    ) -> tuple[bytes, Image.Image, ImageHashes, str]:
        """The delivered file, its pixels (a lossy file's are what it decodes to), and their
        hashes and ISCC fingerprint."""
        encoded = encode_image(marked, fmt)
        pixels = marked if fmt == "png" else open_image(encoded, name=name)
        return encoded, pixels, hash_image(pixels), image_code(pixels)

    @property
    def _workers(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="safegen-mark")
            return self._pool

    def _xmp(
        self, generation: dict[str, Any], model: ModelIdentity, disclosure: Disclosure
    ) -> XmpFields:
        """The image's XMP: the IPTC AI fields and California's latent disclosure always, the
        TC260 block when a profile asks for it, the detection tool when one is configured."""
        asset_id = str(generation["asset_id"])
        aigc = None
        if disclosure.profile.requires("xmp_aigc"):
            aigc = Aigc(self.config.provider_name, asset_id, str(generation["watermark_id"]))
        return XmpFields(
            provider=self.config.provider_name,
            system=model.name,
            system_version=model.revision,
            created=str(generation["created"]),
            asset_id=asset_id,
            tool=f"safegen {__version__}",
            aigc=aigc,
            detection_url=disclosure.detection_url,
        )

    def _record(
        self,
        request: GenerationRequest,
        decision: PolicyDecision,
        status: Status,
        model: ModelIdentity | None = None,
        outputs: _Outputs | None = None,
        images: list[Image.Image] | None = None,
        *,
        failure: Exception | None = None,
    ) -> GenerationRecord:
        """The one ledger record of a generation, built from the stages' results."""
        storage = self.config.prompt_storage
        plain = storage == "plain"
        params: dict[str, Any] = request.params()
        if images:
            params["width"], params["height"] = images[0].size
        params.update(_decision_params(decision))
        metadata = dict(request.metadata)
        if failure is not None:
            metadata["failure"] = f"{type(failure).__name__}: {failure}"
        if model is None and status == Status.FAILED and self._backend is not None:
            model = self._backend.identity
        return GenerationRecord(
            id=request.id,
            status=status,
            prompt=request.prompt if plain else None,
            negative_prompt=request.negative_prompt if plain else None,
            prompt_hash=request.prompt_hash,
            prompt_storage=storage,
            params=params,
            seed=request.seed,
            user_id=request.user,
            metadata=metadata,
            policy_pack=decision.pack,
            policy_version=decision.pack_version,
            policy_action=decision.action,
            policy_categories=list(decision.categories),
            policy_language=decision.language,
            policy_hits=[_recorded_hit(hit) for hit in decision.hits],
            backend=model.backend if model else self.config.backend,
            model_name=model.name if model else self._model_name(),
            model_revision=model.revision if model else None,
            model_sha256=model.weights_sha256 if model else None,
            assets=outputs.assets() if outputs is not None else [],
        )

    def _request(self, prompt: str, options: dict[str, Any]) -> GenerationRequest:
        request = GenerationRequest.build(prompt, **options)
        disclosure = Disclosure.resolve(
            self.profile if request.profile is None else load_profiles(request.profile),
            label=request.label,
            detection_url=self.config.detection_url,
            size=(request.width, request.height),
        )
        request = replace(request, disclosure=disclosure)
        if self._backend is None:
            check_backend(self.config)  # a wrong name or model folder fails now, not after loading
        self.watermarker  # noqa: B018 - an unusable watermark setting fails before the backend runs
        if self.config.prompt_storage == "none":
            return request
        return replace(request, prompt_hash=self.prompt_hash(request.prompt))

    def _model_name(self) -> str | None:
        return self.config.model or (
            self._backend.identity.name if self._backend is not None else None
        )

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
        return keyed_prompt_hash(self.config.keys_dir, prompt)

    def recover(self, output_dir: str | Path) -> dict[str, list[str]]:
        """Finish or discard what a crash left in ``output_dir`` (see :mod:`safegen.delivery`)."""
        return self.delivery.recover(output_dir)


@contextmanager
def _timed(timings: dict[str, float], stage: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start


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


def _as_backend(obj: object) -> Backend:
    """A Backend as given, or any diffusers pipeline object wrapped in DiffusersBackend."""
    if hasattr(obj, "generate") and hasattr(obj, "identity"):
        return obj
    if hasattr(obj, "components") and callable(obj):
        from safegen.backends.diffusers_backend import DiffusersBackend

        return DiffusersBackend(obj)
    raise ConfigError(
        f"backend must be a name ({', '.join(BACKENDS)}), a safegen Backend (generate() and "
        f"identity) or a diffusers pipeline object, not {type(obj).__name__}"
    )


def _decision_params(decision: PolicyDecision) -> dict[str, Any]:
    """What the ledger keeps of a decision beyond its columns: scores, people, classifier."""
    params: dict[str, Any] = {}
    if decision.scores:  # every semantic rule's score, fired or not
        params["policy_scores"] = dict(decision.scores)
    if decision.people:
        params["real_people"] = list(decision.people)
    if decision.classifier:  # calibrated probabilities, flagged or not
        params["policy_classifier"] = {
            "scores": decision.classifier["scores"],
            "minor": decision.classifier["minor"],
        }
    return params


def _recorded_hit(hit: RuleHit) -> dict[str, Any]:
    """What the ledger keeps of a rule hit: which rule, category, action, view and score.

    Not the matched words: they are prompt text, the chain commits to every recorded
    field (an erasure could never remove them), and with ``prompt_storage`` ``hmac``
    or ``none`` they would keep what the setting promised not to.
    """
    return {key: value for key, value in hit.__dict__.items() if key != "match"}


def _manifest_model(model: ModelIdentity) -> dict[str, str]:
    return {
        "name": model.name,
        "revision": model.revision,
        "weights_sha256": model.weights_sha256,
        "backend": model.backend,
    }


def _withhold(
    index: int, seed: int, image: Image.Image, verdict: SafetyVerdict
) -> tuple[WithheldImage, AssetRecord]:
    """A withheld image: never encoded or returned; its hashes and scores are recorded."""
    asset_id = str(uuid.uuid4())
    asset = _asset_record(asset_id, index, seed, image, hash_image(image), Status.WITHHELD, verdict)
    return WithheldImage(asset_id, index, seed, verdict.scores, verdict.reasons), asset


@dataclass(frozen=True)
class _Marked:
    """One image labelled, watermarked and encoded before its verdict: not yet signed."""

    asset_id: str
    index: int
    seed: int
    watermark_id: int
    pixels: Image.Image
    hashes: ImageHashes
    encoded: bytes  # with its XMP
    manifest: dict[str, Any]
    mime: str
    ingredients: tuple[Ingredient, ...]


@dataclass(frozen=True)
class _Outputs:
    """Every image of a generation after output safety: delivered (signed) or withheld."""

    signed: tuple[tuple[GeneratedImage, AssetRecord], ...]
    held: tuple[tuple[WithheldImage, AssetRecord], ...]

    @property
    def delivered(self) -> list[GeneratedImage]:
        return [image for image, _ in self.signed]

    @property
    def withheld(self) -> list[WithheldImage]:
        return [image for image, _ in self.held]

    @property
    def status(self) -> Status:
        return Status.DELIVERED if self.signed else Status.WITHHELD

    @property
    def review(self) -> bool:
        return any(image.safety_action == "review" for image, _ in self.signed)

    def assets(self) -> list[AssetRecord]:
        """The ledger rows, in image order."""
        pairs: list[tuple[object, AssetRecord]] = [*self.signed, *self.held]
        return [asset for _, asset in sorted(pairs, key=lambda pair: pair[1].index)]


__all__ = [  # the limits and BANK_DISTANCE are re-exported from request.py and safety/checks.py
    "BANK_DISTANCE",
    "MAX_IMAGES",
    "MAX_PROMPT_CHARS",
    "MAX_SIDE",
    "MAX_STEPS",
    "GeneratedImage",
    "GenerationRequest",
    "GenerationResult",
    "SafeGen",
    "WithheldImage",
]
