"""Sample photos the benchmarks share: scikit-image's (install with the bench extra)."""

from __future__ import annotations

import numpy as np

PHOTOS = (
    "astronaut",
    "coffee",
    "chelsea",
    "rocket",
    "camera",
    "moon",
    "coins",
    "immunohistochemistry",
)


def square_photos() -> list[np.ndarray]:
    """Each photo as 8-bit RGB, cropped to a square from its top-left corner."""
    from skimage import data

    photos = []
    for name in PHOTOS:
        array = getattr(data, name)()
        if array.ndim == 2:
            array = np.stack([array] * 3, axis=-1)
        side = min(array.shape[:2])
        photos.append(np.ascontiguousarray(array[:side, :side, :3]).astype(np.uint8))
    return photos
