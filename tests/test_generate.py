"""The whole path, end to end, on the built-in model: generate, then verify every way."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from tests_support import edit_png_pixels

from safegen import Config, OutputWithheld, PolicyViolation, SafeGen
from safegen.errors import DeliveryError, InvalidRequest
from safegen.ledger import Ledger
from safegen.verify import Verifier

STEPS = 4


def test_generate_verify_all_verdicts(
    safegen_factory, ledger_url: str, home: Path, tmp_path: Path
) -> None:
    gen = safegen_factory(ledger_url)
    result = gen.generate(
        "a lighthouse at dusk",
        seed=11,
        steps=STEPS,
        user="alice",
        metadata={"ticket": 7},
        output_dir=tmp_path / "out",
    )
    assert result.status == "delivered"
    (image,) = result.images
    assert image.path is not None and image.path.read_bytes() == image.data
    assert list((tmp_path / "out").iterdir()) == [image.path]  # no temporary files left

    verifier = Verifier(Config(home=home, ledger_url=ledger_url))
    try:
        verified = verifier.verify_path(image.path)
        assert verified.verdict == "verified", verified.reasons
        assert verified.generation_id == result.generation_id
        assert verified.manifest["digital_source_type"].endswith("trainedAlgorithmicMedia")

        # Re-encoded as JPEG q50, or halved: the manifest is gone, the watermark finds the record.
        half = image.image.resize((128, 128), Image.Resampling.LANCZOS).resize(image.image.size)
        for copy, quality in ((image.image, 50), (half, 90)):
            buf = io.BytesIO()
            copy.save(buf, format="JPEG", quality=quality)
            traced = verifier.verify_bytes(buf.getvalue(), name="copy.jpg")
            assert traced.verdict == "traced", traced.reasons
            assert traced.generation_id == result.generation_id
            assert traced.watermark["watermark_id"] == image.watermark_id
            assert traced.ledger["record"]["matched_by"] == "watermark_id"
            assert traced.exit_code == 3

        # Pixels changed inside the signed PNG: the manifest no longer matches.
        tampered = verifier.verify_bytes(edit_png_pixels(image.data), name="edited.png")
        assert tampered.verdict == "tampered", tampered.reasons
        assert any("dataHash.mismatch" in f for f in tampered.manifest["failures"])

        # Stripped PNG (same pixels, no manifest): the watermark finds it.
        buf = io.BytesIO()
        image.image.save(buf, format="PNG")
        stripped = verifier.verify_bytes(buf.getvalue(), name="stripped.png")
        assert stripped.verdict == "traced"
        assert stripped.watermark["watermark_id"] == image.watermark_id
        assert stripped.watermark["in_ledger"] is True

        # A watermark id that the ledger never issued is reported, never matched.
        foreign = gen.watermarker.embed(
            Image.effect_mandelbrot((256, 256), (-2, -1, 1, 1), 40).convert("RGB"), 31337
        )
        buf = io.BytesIO()
        foreign.save(buf, format="PNG")
        stranger = verifier.verify_bytes(buf.getvalue(), name="foreign.png")
        assert stranger.verdict == "unknown"
        assert stranger.watermark["watermark_id"] == 31337 and not stranger.watermark["in_ledger"]
        assert any("not in the ledger" in reason for reason in stranger.reasons)

        unrelated = Image.effect_mandelbrot((320, 320), (-2, -1.5, 1, 1.5), 60).convert("RGB")
        buf = io.BytesIO()
        unrelated.save(buf, format="PNG")
        unknown = verifier.verify_bytes(buf.getvalue(), name="mandelbrot.png")
        assert unknown.verdict == "unknown", unknown.reasons
        assert unknown.exit_code == 1
    finally:
        verifier.ledger.close()

    ledger = Ledger(ledger_url)
    try:
        row = ledger.generation(result.generation_id)
    finally:
        ledger.close()
    assert row is not None
    assert row.status == "delivered" and row.user == "alice"
    assert row.prompt == "a lighthouse at dusk" and row.metadata == {"ticket": 7}
    assert row.model.name == "safegen-builtin-scenes-diffusion"
    assert len(row.model.weights_sha256) == 64
    (asset,) = row.assets
    assert asset.file_sha256 == image.sha256
    assert asset.watermark_id == image.watermark_id
    assert asset.manifest_id == image.manifest_id
    assert "nsfw" in asset.safety_scores


def test_blocked_prompt_is_recorded_and_nothing_is_written(
    safegen_factory, ledger_url: str, tmp_path: Path
) -> None:
    gen = safegen_factory(ledger_url)
    out = tmp_path / "out"
    with pytest.raises(PolicyViolation) as caught:
        gen.generate("n u d 3 woman on a beach", steps=STEPS, output_dir=out)
    assert caught.value.decision.categories == ("sexual",)
    assert not out.exists()
    row = gen.ledger.generation(caught.value.generation_id)
    assert row.status == "blocked"
    assert row.policy.action == "block"
    assert row.policy.hits[0]["rule"] == "sexual.explicit"
    assert row.assets == ()


def test_the_prompt_language_is_recorded_and_reported_per_language(
    safegen_factory, ledger_url: str, tmp_path: Path
) -> None:
    gen = safegen_factory(ledger_url)
    with pytest.raises(PolicyViolation) as caught:
        gen.generate("полностью голая женщина на кровати", steps=STEPS, output_dir=tmp_path)
    row = gen.ledger.generation(caught.value.generation_id)
    assert row.policy.language == "ru"
    assert "classifier.sexual" in [hit["rule"] for hit in row.policy.hits]
    report = gen.ledger.report()
    assert report.by_language["ru"]["block"] == 1.0
    assert report.by_language["ru"]["categories"] == {"sexual": 1}


def test_withheld_images_are_recorded_but_never_written(
    safegen_factory, ledger_url: str, tmp_path: Path
) -> None:
    # A pack whose NSFW threshold is 0 withholds every image the real classifier scores.
    pack = tmp_path / "strict.yaml"
    pack.write_text(
        'name: zero\nversion: "1"\ncategories: {sexual: {action: block}}\n'
        "rules:\n  - {id: s, category: sexual, keywords: [nude]}\n"
        "output_safety:\n  nsfw: {withhold: 0.0}\n",
        encoding="utf-8",
    )
    gen = safegen_factory(ledger_url, policy=str(pack))
    out = tmp_path / "out"
    with pytest.raises(OutputWithheld) as caught:
        gen.generate("a bowl of fruit", n=2, seed=3, steps=STEPS, output_dir=out)
    assert not out.exists() or not any(out.iterdir())
    row = gen.ledger.generation(caught.value.generation_id)
    assert row.status == "withheld"
    assert [a.status for a in row.assets] == ["withheld", "withheld"]
    assert all(a.watermark_id is None and a.file_sha256 is None for a in row.assets)
    assert all(len(a.pixel_sha256) == 64 for a in row.assets)


def test_same_seed_same_pixels_and_n_does_not_change_an_image(builtin_backend) -> None:
    from safegen.backends import BackendRequest

    def make(seeds: tuple[int, ...]) -> list[bytes]:
        images = builtin_backend.generate(BackendRequest("a red car", None, seeds, steps=STEPS))
        return [image.tobytes() for image in images]

    (alone,) = make((5,))
    pair = make((9, 5))
    assert pair[1] == alone
    assert pair[0] != alone
    assert make((5,)) == [alone]


def test_unwritable_output_records_a_failure(
    safegen_factory, ledger_url: str, tmp_path: Path
) -> None:
    gen = safegen_factory(ledger_url)
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the output folder should be")
    with pytest.raises(DeliveryError):
        gen.generate("a quiet harbour", seed=1, steps=STEPS, output_dir=blocker)
    rows = gen.ledger.list_generations()
    assert [r.status for r in rows] == ["failed"]
    assert [a.status for a in rows[0].assets] == ["failed"]


def test_prompt_storage_hash_keeps_no_plain_prompt(safegen_factory, tmp_path: Path) -> None:
    gen = safegen_factory(f"sqlite:///{tmp_path / 'l.db'}", prompt_storage="hmac")
    # (The prompt was "my secret idea" until the multilingual classifier, which flags it as
    # fraud at p=0.09: a known false alarm, docs/policies.md.)
    result = gen.generate("my private idea of a lake", seed=2, steps=STEPS)
    row = gen.ledger.generation(result.generation_id)
    assert row.prompt is None and row.prompt_storage == "hmac"
    assert row.prompt_hash == gen.prompt_hash("my private idea of a lake")
    assert row.prompt_hash != __import__("hashlib").sha256(b"my private idea of a lake").hexdigest()


@pytest.mark.parametrize(
    "kwargs",
    [
        {"n": 0},
        {"n": 17},
        {"width": 100},
        {"height": 4096},
        {"steps": 0},
        {"seed": -1},
        {"metadata": {"x": object()}},
    ],
)
def test_bad_requests_are_refused_before_anything_runs(
    safegen_factory, tmp_path: Path, kwargs
) -> None:
    gen = safegen_factory(f"sqlite:///{tmp_path / 'l.db'}")
    with pytest.raises(InvalidRequest):
        gen.generate("a cat", **kwargs)
    assert gen._ledger is None  # nothing touched the ledger


def test_pipeline_arguments_cannot_carry_a_prompt_past_the_policy() -> None:
    from safegen.errors import InvalidRequest
    from safegen.request import GenerationRequest

    for key in ("prompt", "prompt_2", "negative_prompt_3", "prompt_embeds", "image", "latents"):
        with pytest.raises(InvalidRequest, match=key):
            GenerationRequest.build("a calm lake", pipeline_kwargs={key: "anything"})
    assert GenerationRequest.build("a calm lake", pipeline_kwargs={"eta": 0.5}).pipeline_kwargs


def test_a_failing_output_check_is_recorded_and_delivers_nothing(
    home: Path, builtin_backend, nsfw_classifier, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from safegen.errors import OutputCheckError

    class Broken:
        name = "broken"

        def check(self, images, context):  # type: ignore[no-untyped-def]
            raise RuntimeError("the OCR service is down")

    url = f"sqlite:///{home / 'ledger.db'}"
    with SafeGen(
        Config(home=home, ledger_url=url),
        backend=builtin_backend,
        safety=nsfw_classifier,
        output_checks=[Broken()],
    ) as gen:
        with pytest.raises(OutputCheckError, match="OCR service is down"):
            gen.generate("a lighthouse at dusk", seed=1, steps=2, output_dir=tmp_path / "out")
        (row,) = gen.ledger.list_generations()
        assert row.status == "failed" and "OCR service" in row.metadata["failure"]
        assert row.params["width"] == 256  # the images existed: their size is recorded
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_a_withheld_image_is_never_signed_though_it_is_marked_beside_the_checks(
    home: Path, builtin_backend, nsfw_classifier, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The checks run on a second thread while the images are watermarked and encoded;
    signing waits for the verdicts, so the key signs only what is delivered."""
    from safegen.provenance import GENERATION_ASSERTION, load_signer
    from safegen.safety import SafetyVerdict

    class FirstWithheld:
        name = "first-withheld"

        def check(self, images, context):  # type: ignore[no-untyped-def]
            first = SafetyVerdict("withhold", {"first": 1.0}, ("the first image",))
            return [first] + [SafetyVerdict("allow", {}, ()) for _ in images[1:]]

    config = Config(home=home, ledger_url=f"sqlite:///{home / 'ledger.db'}")
    real, _ = load_signer(config)
    signed: list[dict] = []  # type: ignore[type-arg]

    class Counting:
        def sign(self, data, mime, manifest, ingredients=()):  # type: ignore[no-untyped-def]
            signed.append(manifest)
            return real.sign(data, mime, manifest, ingredients)

    out = tmp_path / "out"
    with SafeGen(
        config,
        backend=builtin_backend,
        safety=nsfw_classifier,
        signer=Counting(),  # type: ignore[arg-type]
        output_checks=[FirstWithheld()],
    ) as gen:
        result = gen.generate("a lake at dawn", n=3, seed=4, steps=2, output_dir=out)
        assert [image.index for image in result.images] == [1, 2]
        signed_assets = [
            a["data"]["asset_id"]
            for manifest in signed
            for a in manifest["assertions"]
            if a["label"] == GENERATION_ASSERTION
        ]
        assert signed_assets == [image.asset_id for image in result.images]
        row = gen.ledger.generation(result.generation_id)
        assert [a.status for a in row.assets] == ["withheld", "delivered", "delivered"]
        assert row.assets[0].watermark_id is None and row.assets[0].file_sha256 is None
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{image.asset_id}.png" for image in result.images
    )


class _SmallImages:
    """A backend whose images (96 px) are too small for the watermark (128 px a side)."""

    def __init__(self) -> None:
        from safegen.backends import ModelIdentity

        self.identity = ModelIdentity("small", "test", "1", "0" * 64)

    def generate(self, request):  # type: ignore[no-untyped-def]
        return [Image.new("RGB", (96, 96), (40 + seed % 200, 90, 160)) for seed in request.seeds]


class _WithholdAll:
    name = "withhold-all"

    def check(self, images, context):  # type: ignore[no-untyped-def]
        from safegen.safety import SafetyVerdict

        return [SafetyVerdict("withhold", {"all": 1.0}, ("every image",)) for _ in images]


def test_an_image_too_small_to_mark_is_still_recorded_as_withheld(
    home: Path, nsfw_classifier
) -> None:  # type: ignore[no-untyped-def]
    """The marking runs before the verdicts are known: its failure counts only for an image
    that is not withheld, so a withheld image's hashes and scores are recorded as before."""
    from safegen.errors import WatermarkError

    url = f"sqlite:///{home / 'ledger.db'}"
    with SafeGen(
        Config(home=home, ledger_url=url),
        backend=_SmallImages(),  # type: ignore[arg-type]
        safety=nsfw_classifier,
        output_checks=[_WithholdAll()],
    ) as gen:
        with pytest.raises(OutputWithheld) as caught:
            gen.generate("a lake", seed=2)
        row = gen.ledger.generation(caught.value.generation_id)
        assert row.status == "withheld"
        assert [a.status for a in row.assets] == ["withheld"]
        assert len(row.assets[0].pixel_sha256) == 64 and row.assets[0].safety_scores["all"] == 1
    with SafeGen(
        Config(home=home, ledger_url=url),
        backend=_SmallImages(),  # type: ignore[arg-type]
        safety=nsfw_classifier,
    ) as gen:
        with pytest.raises(WatermarkError, match="too small"):
            gen.generate("a lake", seed=2)
        assert [g.status for g in gen.ledger.list_generations()] == ["failed", "withheld"]


def test_an_in_memory_sqlite_ledger_works(home: Path, builtin_backend, nsfw_classifier) -> None:  # type: ignore[no-untyped-def]
    """The checks (the bank check reads the ledger) run on the caller's thread: an
    in-memory SQLite database is one connection's own."""
    with SafeGen(
        Config(home=home, ledger_url="sqlite://"), backend=builtin_backend, safety=nsfw_classifier
    ) as gen:
        result = gen.generate("a lake at dawn", seed=3, steps=2)
        assert gen.ledger.generation(result.generation_id).status == "delivered"


def test_old_dwtdct_marks_still_verify_but_new_images_are_not_marked_with_it(home: Path) -> None:
    from safegen.errors import WatermarkError
    from safegen.watermark import load_watermarker

    assert load_watermarker("dwtDct", for_reading=True).algorithm.endswith("dwtDct.crc16.v2")
    with pytest.raises(WatermarkError, match="dwtDctSvd"):
        load_watermarker("dwtDct")
    with pytest.raises(WatermarkError, match="dwtDct"):
        SafeGen(Config(home=home, watermark="dwtDct")).generate("a lake", steps=1)


def test_no_prompt_words_are_recorded_when_prompts_are_not_stored(
    safegen_factory, tmp_path: Path
) -> None:
    """The rules that fired are recorded by id and category, never by the words they matched."""
    import json

    gen = safegen_factory(f"sqlite:///{tmp_path / 'l.db'}", prompt_storage="none")
    with pytest.raises(PolicyViolation) as blocked:
        gen.generate("a nude photo of zorblax", seed=1, steps=2)
    row = gen.ledger.generation(blocked.value.generation_id)
    assert row is not None and row.policy.hits and row.prompt is None
    assert all("match" not in hit for hit in row.policy.hits)
    recorded = json.dumps(row.to_dict()).lower()
    for word in ("nude", "photo", "zorblax"):  # rule ids such as sexual.explicit may stay
        assert word not in recorded, word
