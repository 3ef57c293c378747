"""Offline face detection: OpenCV's frontal-face Haar cascade (ships with opencv-python 4.x).

Used with the real-person policy: a prompt naming a real person and an
output with a realistic face is handled as the pack's ``face_action`` says.
About 20-90 ms per 512x512 image on these CPUs.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import numpy as np

from safegen.errors import SafegenError

if TYPE_CHECKING:
    from PIL import Image

MIN_FACE = 0.08
"""Smallest face reported, as a share of the image's shorter side."""


class FaceDetector:
    def __init__(self) -> None:
        import cv2

        path = f"{cv2.data.haarcascades}haarcascade_frontalface_default.xml"  # type: ignore[attr-defined]
        self._cascade = cv2.CascadeClassifier(path)
        if self._cascade.empty():
            raise SafegenError(f"cannot load the face cascade {path} (needs opencv-python < 5)")
        self._lock = threading.Lock()

    def faces(self, image: Image.Image) -> list[tuple[int, int, int, int]]:
        """Face boxes (x, y, w, h)."""
        import cv2

        grey = cv2.cvtColor(np.asarray(image.convert("RGB")), cv2.COLOR_RGB2GRAY)
        side = int(min(grey.shape) * MIN_FACE)
        with self._lock:
            found = self._cascade.detectMultiScale(
                grey, scaleFactor=1.1, minNeighbors=6, minSize=(side, side)
            )
        return [tuple(int(v) for v in box) for box in found]  # type: ignore[misc]
