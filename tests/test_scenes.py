"""The procedural training data: deterministic, consistent scenes with faithful captions."""

from __future__ import annotations

import numpy as np

from safegen.builtin.scenes import SIZE, caption, dataset, render, sample_scene


def test_deterministic() -> None:
    a, b = dataset(5, 40), dataset(5, 40)
    for (ia, ca, sa), (ib, cb, sb) in zip(a, b, strict=True):
        assert np.array_equal(ia, ib) and ca == cb and sa == sb
    assert ia.shape == (SIZE, SIZE, 3) and ia.dtype == np.uint8


def test_scenes_are_consistent_and_captions_name_them() -> None:
    for seed in range(400):
        scene = sample_scene(seed)
        if "boat" in scene.objects:
            assert scene.terrain in ("sea", "lake")
        if "lighthouse" in scene.objects:
            assert scene.terrain == "sea"
        if "sun" in scene.objects:
            assert scene.time != "night"
        if "moon" in scene.objects:
            assert scene.time == "night"
        text = caption(scene, seed)
        assert text == text.strip() and "  " not in text
        if scene.time == "night":
            assert any(w in text for w in ("night", "star", "moon", "midnight")), text


def test_time_of_day_shows_in_the_pixels() -> None:
    brightness = {"day": [], "sunset": [], "night": []}
    for seed in range(150):
        scene = sample_scene(seed)
        if scene.weather == "clear":
            brightness[scene.time].append(render(scene)[:20].mean())
    assert min(brightness["day"]) > max(brightness["night"])
    assert np.mean(brightness["sunset"]) > np.mean(brightness["night"])
