"""What the marks others read cost: XMP and the extra manifest fields, per format, against before.

On the same 512x512 photos (scikit-image samples), per output format:

- baseline: encoding, then signing the manifest safegen wrote before 2026-12-01
  (decimal soft-binding value, no ``pad``, no disclosure), no XMP;
- now: the ISCC fingerprint of the delivered pixels,
  the XMP packet (IPTC fields, California's latent disclosure and the TC260 block,
  the ``cn`` profile's full set), then signing the current manifest with the ``cn``
  disclosure (profiles and the visible label's record) and the ``io.iscc.v0`` soft
  binding;

with the median milliseconds of fingerprint, XMP plus signing, the difference, and the sizes
(file, manifest store, XMP packet). Needs ``pip install -e '.[bench]'``.

    python benchmarks/marks.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from pathlib import Path

from PIL import Image
from samples import square_photos

from safegen.imaging import encode_image
from safegen.provenance import build_manifest, local_signer
from safegen.provenance.iscc import image_code
from safegen.provenance.xmp import Aigc, XmpFields, write_xmp

MIME = {"png": "image/png", "jpeg": "image/jpeg", "webp": "image/webp"}


def _manifest(fmt: str, *, before: bool, fingerprint: str | None = None) -> dict:
    manifest = build_manifest(
        title=f"a.{fmt}",
        mime=MIME[fmt],
        generation={
            "generation_id": "g",
            "asset_id": "0b8e6b52-8f7e-4a4c-9d55-2d1f4a6f0c11",
            "watermark_id": 123456789,
            "created": "2026-12-01T18:00:00+00:00",
            "provider": "Example Corp",
        },
        model={"name": "safegen-builtin-scenes-diffusion", "revision": "0.3-step6750"},
        soft_binding_alg="com.safegen.tiled-ss.v1",
        watermark_id=123456789,
        fingerprint=fingerprint,
    )
    soft = manifest["assertions"][2]["data"]
    if before:
        soft["blocks"][0]["value"] = "123456789"
        del soft["pad"]
    else:
        manifest["assertions"][1]["data"]["disclosure"] = {
            "profiles": ["cn"],
            "visible_label": {
                "text": "AI生成",
                "text_height": 26,
                "box": {"left": 440, "top": 470, "right": 502, "bottom": 502},
                "share_of_shorter_side": 0.0508,
            },
        }
    return manifest


XMP = XmpFields(
    provider="Example Corp",
    system="safegen-builtin-scenes-diffusion",
    system_version="0.3-step6750",
    created="2026-12-01T18:00:00+00:00",
    asset_id="0b8e6b52-8f7e-4a4c-9d55-2d1f4a6f0c11",
    tool="safegen 0.1.0",
    aigc=Aigc("Example Corp", "0b8e6b52-8f7e-4a4c-9d55-2d1f4a6f0c11", "123456789"),
    detection_url="https://detect.example.com/",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    images = [
        Image.fromarray(a).resize((512, 512), Image.Resampling.LANCZOS) for a in square_photos()
    ]
    signer, _ = local_signer(Path(tempfile.mkdtemp(prefix="safegen-marks-")))
    print(f"XMP and signing per 512x512 image, median of {len(images) * args.rounds}")
    header = f"{'format':<7}{'before ms':>10}{'now ms':>8}{'extra ms':>9}"
    header += f"{'file KB':>9}{'manifest KB':>12}{'XMP KB':>8}"
    print(header)
    for fmt in ("png", "jpeg", "webp"):
        encoded = [encode_image(image, fmt) for image in images]
        # The pipeline holds the delivered pixels already (decoded once for lossy formats).
        delivered = [Image.open(io.BytesIO(data)).convert("RGB") for data in encoded]
        signer.sign(encoded[0], MIME[fmt], _manifest(fmt, before=True))  # warm-up
        before, now, sizes, stores, packets = [], [], [], [], []
        for _ in range(args.rounds):
            for data, pixels in zip(encoded, delivered, strict=True):
                start = time.perf_counter()
                signer.sign(data, MIME[fmt], _manifest(fmt, before=True))
                before.append(time.perf_counter() - start)
                start = time.perf_counter()
                fingerprint = image_code(pixels)
                with_xmp = write_xmp(data, XMP)
                manifest = _manifest(fmt, before=False, fingerprint=fingerprint)
                signed = signer.sign(with_xmp, MIME[fmt], manifest)
                now.append(time.perf_counter() - start)
                sizes.append(len(signed.data))
                stores.append(len(signed.data) - len(with_xmp))
                packets.append(len(with_xmp) - len(data))
        b, n = statistics.median(before) * 1000, statistics.median(now) * 1000
        print(
            f"{fmt:<7}{b:>10.1f}{n:>8.1f}{n - b:>+9.1f}{statistics.mean(sizes) / 1024:>9.1f}"
            f"{statistics.mean(stores) / 1024:>12.1f}{statistics.mean(packets) / 1024:>8.1f}"
        )


if __name__ == "__main__":
    main()
