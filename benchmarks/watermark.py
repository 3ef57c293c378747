"""Watermark benchmark: quality, cost, robustness per attack, and false positives.

Rows are methods: safegen's tiled watermark and the three `invisible-watermark`
baselines (dwtDct and dwtDctSvd carrying safegen's checked 48-bit payload;
rivaGan with its fixed 32 raw bits). Columns: PSNR, SSIM, embed and decode
milliseconds at 512x512, and the exact-recovery rate after each attack.
Then safegen's recovery per image class, its cost at 1024x1024, and the
false-positive rate of each checked method on unmarked images.

Images: scikit-image's sample photos (shipped in its wheel), smooth synthetic
colour fields, and outputs of the built-in model. Needs `pip install -e '.[bench]'`.

    python benchmarks/watermark.py [--unmarked 1000] [--generated 4] [--skip-rivagan]
"""

from __future__ import annotations

import argparse
import io
import time
from collections.abc import Callable

import cv2
import numpy as np
from PIL import Image

PHOTOS = (
    "astronaut",
    "camera",
    "coffee",
    "chelsea",
    "rocket",
    "immunohistochemistry",
    "moon",
    "coins",
)


def to_rgb(array: np.ndarray) -> np.ndarray:
    if array.ndim == 2:
        array = np.stack([array] * 3, axis=-1)
    return np.ascontiguousarray(array[..., :3]).astype(np.uint8)


def square(array: np.ndarray, size: int) -> np.ndarray:
    h, w = array.shape[:2]
    side = min(h, w)
    y, x = (h - side) // 2, (w - side) // 2
    return cv2.resize(array[y : y + side, x : x + side], (size, size), interpolation=cv2.INTER_AREA)


def smooth(seed: int, size: int = 512) -> np.ndarray:
    rng = np.random.default_rng(seed)
    low = rng.uniform(0, 255, (4, 4, 3)).astype(np.float32)
    return np.clip(cv2.resize(low, (size, size), interpolation=cv2.INTER_CUBIC), 0, 255).astype(
        np.uint8
    )


def generated(count: int, seed: int = 0, size: int = 512, steps: int = 8) -> list[np.ndarray]:
    from safegen.backends import BackendRequest
    from safegen.backends.builtin import BuiltinBackend

    backend = BuiltinBackend(threads=2)
    prompt = "a lake among hills at sunset"
    request = BackendRequest(prompt, None, tuple(range(seed, seed + count)), size, size, steps)
    return [np.asarray(image) for image in backend.generate(request)]


# -- attacks -----------------------------------------------------------------------------


def jpeg(a: np.ndarray, quality: int) -> np.ndarray:
    buf = io.BytesIO()
    Image.fromarray(a).save(buf, "JPEG", quality=quality)
    return np.asarray(Image.open(buf).convert("RGB"))


def resize(a: np.ndarray, factor: float, back: bool) -> np.ndarray:
    h, w = a.shape[:2]
    small = cv2.resize(a, (int(w * factor), int(h * factor)), interpolation=cv2.INTER_AREA)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR) if back else small


def crop(a: np.ndarray, keep: float = 0.8, seed: int = 0) -> np.ndarray:
    h, w = a.shape[:2]
    rng = np.random.default_rng(seed)
    ch, cw = int(h * keep), int(w * keep)
    y, x = int(rng.integers(0, h - ch + 1)), int(rng.integers(0, w - cw + 1))
    return a[y : y + ch, x : x + cw]


def rotate(a: np.ndarray, degrees: float) -> np.ndarray:
    h, w = a.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(a, matrix, (w, h), borderMode=cv2.BORDER_REFLECT)


def scale_values(a: np.ndarray, gain: float, around_mean: bool) -> np.ndarray:
    f = a.astype(np.float32)
    centre = f.mean() if around_mean else 0.0
    return np.clip((f - centre) * gain + centre, 0, 255).astype(np.uint8)


ATTACKS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "none": lambda a: a,
    "jpeg50": lambda a: jpeg(a, 50),
    "half+back": lambda a: resize(a, 0.5, True),
    "half": lambda a: resize(a, 0.5, False),
    "crop80": crop,
    "rot+3": lambda a: rotate(a, 3),
    "rot-3": lambda a: rotate(a, -3),
    "blur": lambda a: cv2.GaussianBlur(a, (0, 0), 1.0),
    "noise": lambda a: np.clip(a + np.random.default_rng(1).normal(0, 5, a.shape), 0, 255).astype(
        np.uint8
    ),
    "bright+20": lambda a: scale_values(a, 1.2, False),
    "bright-20": lambda a: scale_values(a, 0.8, False),
    "contr+20": lambda a: scale_values(a, 1.2, True),
    "contr-20": lambda a: scale_values(a, 0.8, True),
    "crop+jpeg": lambda a: jpeg(crop(a), 50),
    "rot+jpeg": lambda a: jpeg(rotate(a, 2), 50),
    "half+crop": lambda a: crop(resize(a, 0.5, False)),
    "blur+noise": lambda a: np.clip(
        cv2.GaussianBlur(a, (0, 0), 1.0) + np.random.default_rng(2).normal(0, 5, a.shape), 0, 255
    ).astype(np.uint8),
}


# -- methods -----------------------------------------------------------------------------


class Method:
    name: str
    checked = True

    def embed(self, rgb: np.ndarray, watermark_id: int) -> np.ndarray: ...
    def decode(self, rgb: np.ndarray) -> int | None: ...


class Safegen(Method):
    name = "safegen (tiled)"

    def embed(self, rgb: np.ndarray, watermark_id: int) -> np.ndarray:
        # What TiledWatermarker.embed ships: below 512 px, the checked geometry and strength.
        from safegen.watermark.tiled import embed_checked

        return embed_checked(rgb, watermark_id)

    def decode(self, rgb: np.ndarray) -> int | None:
        from safegen.watermark.tiled import decode_array

        return decode_array(rgb)[0]


class Invisible(Method):
    def __init__(self, method: str) -> None:
        from safegen.watermark import InvisibleWatermarker

        self.marker = InvisibleWatermarker(method)
        self.name = f"{method} (48 bits)"

    def embed(self, rgb: np.ndarray, watermark_id: int) -> np.ndarray:
        return np.asarray(self.marker.embed(Image.fromarray(rgb), watermark_id))

    def decode(self, rgb: np.ndarray) -> int | None:
        return self.marker.decode(Image.fromarray(rgb)).watermark_id


class RivaGan(Method):
    name = "rivaGan (32 bits)"
    checked = False

    def __init__(self) -> None:
        from imwatermark import WatermarkDecoder, WatermarkEncoder

        WatermarkEncoder.loadModel()
        self._encoder, self._decoder = WatermarkEncoder, WatermarkDecoder

    def embed(self, rgb: np.ndarray, watermark_id: int) -> np.ndarray:
        encoder = self._encoder()
        encoder.set_watermark("bits", [(watermark_id >> (31 - i)) & 1 for i in range(32)])
        return np.ascontiguousarray(encoder.encode(rgb[:, :, ::-1].copy(), "rivaGan")[:, :, ::-1])

    def decode(self, rgb: np.ndarray) -> int | None:
        if min(rgb.shape[:2]) < 256:
            return None
        bits = self._decoder("bits", 32).decode(rgb[:, :, ::-1].copy(), "rivaGan")
        value = 0
        for bit in bits:
            value = (value << 1) | int(bool(bit))
        return value


def quality(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    from skimage.metrics import peak_signal_noise_ratio, structural_similarity

    return peak_signal_noise_ratio(a, b), structural_similarity(a, b, channel_axis=2)


def unmarked_set(count: int, generated_images: list[np.ndarray]) -> list[np.ndarray]:
    """Natural crops and rescales of every sample photo, smooth fields, and generated images."""
    import skimage.data as data

    rng = np.random.default_rng(123)
    sources = [
        to_rgb(getattr(data, n)())
        for n in (*PHOTOS, "brick", "grass", "gravel", "hubble_deep_field", "retina", "colorwheel")
    ]
    images: list[np.ndarray] = list(generated_images)
    while len(images) < count * 0.3:
        images.append(smooth(10_000 + len(images), int(rng.integers(256, 640))))
    while len(images) < count:
        src = sources[len(images) % len(sources)]
        h, w = src.shape[:2]
        side = int(rng.integers(min(160, min(h, w)), min(h, w) + 1))
        y, x = int(rng.integers(0, h - side + 1)), int(rng.integers(0, w - side + 1))
        out = int(rng.integers(256, 640))
        img = cv2.resize(src[y : y + side, x : x + side], (out, out), interpolation=cv2.INTER_AREA)
        if rng.random() < 0.5:
            img = img[:, ::-1]
        if rng.random() < 0.3:
            img = jpeg(np.ascontiguousarray(img), int(rng.integers(50, 95)))
        images.append(np.ascontiguousarray(img))
    return images


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unmarked", type=int, default=1000)
    parser.add_argument("--generated", type=int, default=4)
    parser.add_argument("--skip-rivagan", action="store_true")
    args = parser.parse_args()

    import skimage.data as data

    photos = [square(to_rgb(getattr(data, n)()), 512) for n in PHOTOS]
    smooths = [smooth(s) for s in range(2)]
    made = generated(args.generated)
    classes = ["photo"] * len(photos) + ["smooth"] * len(smooths) + ["generated"] * len(made)
    images = photos + smooths + made
    methods: list[Method] = [Safegen(), Invisible("dwtDctSvd"), Invisible("dwtDct")]
    if not args.skip_rivagan:
        methods.append(RivaGan())

    print(
        f"{len(images)} images at 512x512: {len(photos)} photos (scikit-image), "
        f"{len(smooths)} smooth synthetic, {len(made)} from the built-in model\n"
    )
    header = f"{'method':<20}{'PSNR':>6}{'SSIM':>7}{'emb ms':>8}{'dec ms':>8}" + "".join(
        f"{a:>11}" for a in ATTACKS
    )
    print(header)
    per_class: dict[str, dict[str, list[bool]]] = {}
    for method in methods:
        psnrs, ssims, embed_ms, decode_ms = [], [], [], []
        hits: dict[str, list[bool]] = {a: [] for a in ATTACKS}
        for index, image in enumerate(images):
            watermark_id = (2_654_435_761 * (index + 1)) % (2**32 - 2) + 1
            started = time.perf_counter()
            marked = method.embed(image, watermark_id)
            embed_ms.append((time.perf_counter() - started) * 1000)
            p, s = quality(image, marked)
            psnrs.append(p)
            ssims.append(s)
            for attack, fn in ATTACKS.items():
                attacked = fn(marked)
                started = time.perf_counter()
                ok = method.decode(attacked) == watermark_id
                if attack == "none":
                    decode_ms.append((time.perf_counter() - started) * 1000)
                hits[attack].append(ok)
                if isinstance(method, Safegen):
                    by_class = per_class.setdefault(classes[index], {a: [] for a in ATTACKS})
                    by_class[attack].append(ok)
        row = f"{method.name:<20}{np.mean(psnrs):>6.1f}{np.mean(ssims):>7.3f}"
        row += f"{np.median(embed_ms):>8.1f}{np.median(decode_ms):>8.1f}"
        row += "".join(f"{np.mean(hits[a]):>11.0%}" for a in ATTACKS)
        print(row, flush=True)

    print("\nsafegen by image class (exact recovery)")
    print(f"{'class':<20}" + "".join(f"{a:>11}" for a in ATTACKS))
    for name, rows in per_class.items():
        label = f"{name} ({len(rows['none'])})"
        print(f"{label:<20}" + "".join(f"{np.mean(rows[a]):>11.0%}" for a in ATTACKS))

    big = cv2.resize(photos[0], (1024, 1024), interpolation=cv2.INTER_CUBIC)
    from safegen.watermark.tiled import decode_array, embed_array

    started = time.perf_counter()
    for _ in range(5):
        marked = embed_array(big, 12345)
    embed_big = (time.perf_counter() - started) / 5 * 1000
    started = time.perf_counter()
    for _ in range(5):
        decode_array(marked)
    decode_big = (time.perf_counter() - started) / 5 * 1000
    print(f"\nsafegen at 1024x1024: embed {embed_big:.1f} ms, decode {decode_big:.1f} ms")

    unmarked = unmarked_set(
        args.unmarked, generated(max(0, args.unmarked // 10), seed=1000, size=256, steps=4)
    )
    print(
        f"\nfalse positives on {len(unmarked)} unmarked images (natural crops, smooth, generated)"
    )
    for method in methods:
        if not method.checked:
            print(f"{method.name:<20} n/a: no check bits, every image decodes to some 32-bit value")
            continue
        started = time.perf_counter()
        found = sum(method.decode(img) is not None for img in unmarked)
        seconds = time.perf_counter() - started
        per_image = seconds / len(unmarked) * 1000
        print(f"{method.name:<20} {found} / {len(unmarked)} ({per_image:.0f} ms/img)", flush=True)


if __name__ == "__main__":
    main()
