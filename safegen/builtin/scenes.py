"""Captioned procedural scenes: the training data of the built-in models.

A deterministic renderer draws 64x64 landscapes from a small scene grammar
(time of day, weather, terrain, vegetation, a few objects, colours) and
writes a caption for each with varied templates and synonyms. Because every
image's attributes are known, a generated image can later be checked against
the attributes its prompt asked for.

    scene = sample_scene(seed)           # attributes, reproducible from the seed
    image = render(scene)                # 64x64 RGB uint8
    caption(scene, seed)                 # "a lighthouse by the sea at night"
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import numpy as np

SIZE = 64
TIMES = ("day", "sunset", "night")
WEATHERS = ("clear", "cloudy", "foggy", "rainy")
TERRAINS = ("mountains", "hills", "sea", "lake", "desert", "snow", "meadow")
VEGETATION = ("none", "forest", "trees")
OBJECTS = ("sun", "moon", "house", "boat", "lighthouse")
SUNSET_TINTS = ("orange", "pink", "purple", "red")


@dataclass(frozen=True)
class Scene:
    time: str
    weather: str
    terrain: str
    vegetation: str
    objects: tuple[str, ...] = ()
    tint: str | None = None
    """Sunset sky colour."""
    seed: int = 0
    extras: dict[str, float] = field(default_factory=dict, compare=False)


def sample_scene(seed: int) -> Scene:
    """A consistent random scene: boats need water, the sun needs daylight, and so on."""
    rng = random.Random(seed)
    time = rng.choice(TIMES)
    weather = rng.choices(WEATHERS, weights=(5, 2, 1, 1))[0]
    terrain = rng.choice(TERRAINS)
    vegetation = "none"
    if terrain in ("hills", "mountains", "meadow", "lake", "snow"):
        vegetation = rng.choices(VEGETATION, weights=(2, 2, 2))[0]
    objects: list[str] = []
    if weather in ("clear", "cloudy"):
        if time in ("day", "sunset") and rng.random() < 0.6:
            objects.append("sun")
        if time == "night" and rng.random() < 0.7:
            objects.append("moon")
    if terrain in ("sea", "lake") and rng.random() < 0.5:
        objects.append("boat")
    if terrain == "sea" and rng.random() < 0.4:
        objects.append("lighthouse")
    if terrain in ("hills", "meadow", "snow", "lake") and rng.random() < 0.35:
        objects.append("house")
    tint = rng.choice(SUNSET_TINTS) if time == "sunset" else None
    return Scene(time, weather, terrain, vegetation, tuple(objects), tint, seed)


# -- rendering ---------------------------------------------------------------------------

_SKY = {
    "day": ((70, 130, 220), (170, 210, 250)),
    "night": ((5, 8, 30), (25, 30, 70)),
}
_SUNSET = {
    "orange": ((60, 50, 120), (250, 150, 60)),
    "pink": ((90, 60, 140), (250, 140, 170)),
    "purple": ((40, 20, 80), (170, 90, 190)),
    "red": ((70, 30, 60), (230, 70, 50)),
}
_GROUND = {
    "mountains": (95, 100, 110),
    "hills": (70, 140, 60),
    "sea": (30, 80, 160),
    "lake": (80, 150, 70),
    "desert": (220, 190, 120),
    "snow": (235, 240, 250),
    "meadow": (110, 180, 70),
}


def _light(scene: Scene) -> float:
    return {"day": 1.0, "sunset": 0.75, "night": 0.35}[scene.time]


def _gradient(top: tuple[int, ...], bottom: tuple[int, ...], height: int) -> np.ndarray:
    t = np.linspace(0.0, 1.0, height)[:, None, None]
    column = np.array(top, float)[None, None, :] * (1 - t) + np.array(bottom, float) * t
    return np.repeat(column, SIZE, axis=1)


def _shade(colour: tuple[int, int, int], light: float) -> tuple[int, ...]:
    """``colour`` dimmed by the scene's light, as integer RGB for the shape painters."""
    return tuple(int(c) for c in np.array(colour) * light)


def _disc(canvas: np.ndarray, cx: float, cy: float, r: float, colour: tuple[int, ...]) -> None:
    yy, xx = np.mgrid[0 : canvas.shape[0], 0 : canvas.shape[1]]
    mask = (xx - cx) ** 2 + (yy - cy) ** 2 <= r * r
    canvas[mask] = colour


def _triangle(
    canvas: np.ndarray,
    apex: tuple[float, float],
    base_y: float,
    half: float,
    colour: tuple[int, ...],
) -> None:
    yy, xx = np.mgrid[0 : canvas.shape[0], 0 : canvas.shape[1]]
    ax, ay = apex
    inside = (yy >= ay) & (yy <= base_y)
    width = (yy - ay) / max(base_y - ay, 1e-6) * half
    canvas[inside & (np.abs(xx - ax) <= width)] = colour


def render(scene: Scene) -> np.ndarray:
    """The scene as a 64x64 RGB uint8 array (deterministic for a scene)."""
    rng = np.random.default_rng(scene.seed)
    horizon = {
        "mountains": 40,
        "hills": 40,
        "sea": 38,
        "lake": 40,
        "desert": 42,
        "snow": 42,
        "meadow": 42,
    }[scene.terrain] + int(rng.integers(-3, 4))
    if scene.time == "sunset":
        top, bottom = _SUNSET[scene.tint or "orange"]
    else:
        top, bottom = _SKY[scene.time]
    canvas = np.zeros((SIZE, SIZE, 3), float)
    canvas[:horizon] = _gradient(top, bottom, horizon)
    light = _light(scene)
    ground = np.array(_GROUND[scene.terrain], float) * light
    canvas[horizon:] = ground
    if scene.time == "night":
        for _ in range(int(rng.integers(15, 30))):
            sx, sy = int(rng.integers(0, SIZE)), int(rng.integers(0, horizon - 4))
            canvas[sy, sx] = (235, 235, 210)
    if "sun" in scene.objects:
        colour = (255, 230, 120) if scene.time == "day" else (255, 170, 80)
        cy: float = 12 if scene.time == "day" else horizon - 6
        _disc(canvas, float(rng.integers(12, 52)), cy, 5.5, colour)
    if "moon" in scene.objects:
        cx, cy = float(rng.integers(12, 52)), float(rng.integers(8, 16))
        _disc(canvas, cx, cy, 5.0, (240, 240, 220))
        _disc(canvas, cx + 2.5, cy - 1.5, 4.0, tuple(int(c) for c in canvas[0, 0]))
    if scene.terrain == "mountains":
        for _ in range(int(rng.integers(2, 4))):
            ax, ay = float(rng.integers(5, 60)), float(rng.integers(14, 26))
            _triangle(
                canvas,
                (ax, ay),
                horizon + 2,
                float(rng.integers(14, 22)),
                _shade((105, 105, 120), light),
            )
            _triangle(
                canvas,
                (ax, ay),
                ay + 5,
                4.0,
                _shade((245, 245, 250), light),
            )
    if scene.terrain == "hills":
        xs = np.arange(SIZE)
        crest = horizon - 6 + 4 * np.sin(xs / 9.0 + float(rng.random()) * 6)
        for column in xs:
            canvas[int(crest[column]) : horizon + 1, column] = np.array((60, 130, 50)) * light
    if scene.terrain == "desert":
        xs = np.arange(SIZE)
        crest = horizon - 3 + 3 * np.sin(xs / 6.0 + float(rng.random()) * 6)
        for column in xs:
            canvas[int(crest[column]) :, column] = np.array((210, 175, 105)) * light
    if scene.terrain == "lake":
        yy, xx = np.mgrid[0:SIZE, 0:SIZE]
        mask = ((xx - 32) / 24.0) ** 2 + ((yy - (horizon + 12)) / 7.0) ** 2 <= 1
        canvas[mask] = np.array((40, 100, 180)) * light
    if scene.terrain == "sea":
        for y in range(horizon + 2, SIZE, 4):  # waves
            canvas[y, int(rng.integers(0, 8)) :: 9] = np.array((120, 170, 220)) * light
    if scene.vegetation in ("forest", "trees"):
        count = (
            int(rng.integers(9, 16)) if scene.vegetation == "forest" else int(rng.integers(2, 4))
        )
        for _ in range(count):
            x = float(rng.integers(2, 62))
            base = float(horizon + int(rng.integers(2, 14)))
            _triangle(
                canvas,
                (x, base - 12),
                base,
                4.0,
                _shade((25, 85, 35), light),
            )
            canvas[int(base) : int(base) + 2, int(x)] = np.array((80, 50, 30)) * light
    if "house" in scene.objects:
        x, y = int(rng.integers(8, 44)), horizon + int(rng.integers(2, 8))
        canvas[y : y + 8, x : x + 10] = np.array((200, 170, 130)) * light
        _triangle(
            canvas,
            (x + 5.0, y - 5.0),
            y,
            6.5,
            _shade((160, 50, 40), light),
        )
        if scene.time == "night":
            canvas[y + 3 : y + 5, x + 4 : x + 6] = (255, 220, 120)
    if "boat" in scene.objects:
        x, y = int(rng.integers(10, 44)), horizon + int(rng.integers(6, 14))
        canvas[y : y + 3, x : x + 12] = np.array((110, 60, 30)) * light
        _triangle(
            canvas,
            (x + 6.0, y - 9.0),
            y - 1,
            4.0,
            _shade((240, 240, 230), light),
        )
    if "lighthouse" in scene.objects:
        x = int(rng.choice([4, 52]))
        for k, y in enumerate(range(horizon - 18, horizon + 2, 4)):
            colour = (230, 60, 50) if k % 2 else (240, 240, 240)
            canvas[y : y + 4, x : x + 6] = np.array(colour) * max(light, 0.6)
        beam = (255, 240, 150) if scene.time == "night" else (250, 220, 120)
        canvas[horizon - 21 : horizon - 18, x + 1 : x + 5] = beam
    if scene.weather == "cloudy":
        for _ in range(int(rng.integers(2, 5))):
            cx, cy = float(rng.integers(5, 60)), float(rng.integers(4, max(6, horizon - 16)))
            for dx in (-4, 0, 4):
                _disc(
                    canvas,
                    cx + dx,
                    cy,
                    4.0,
                    _shade((230, 230, 235), light),
                )
    if scene.weather == "foggy":
        canvas = canvas * 0.5 + np.array((190, 190, 195)) * light * 0.5
    if scene.weather == "rainy":
        canvas *= 0.75
        for _ in range(60):
            x, y = int(rng.integers(0, SIZE)), int(rng.integers(0, SIZE - 3))
            canvas[y : y + 3, x] = (170, 180, 200)
    noise = rng.normal(0.0, 3.0, canvas.shape)
    return np.clip(canvas + noise, 0, 255).astype(np.uint8)


# -- captions ----------------------------------------------------------------------------

_TERRAIN_WORDS = {
    "mountains": ["mountains", "a mountain range", "snowy peaks", "rocky mountains"],
    "hills": ["rolling hills", "green hills", "hills"],
    "sea": ["the sea", "the ocean", "a calm sea", "the coast"],
    "lake": ["a lake", "a quiet lake", "a mountain lake"],
    "desert": ["a desert", "sand dunes", "a sandy desert"],
    "snow": ["a snowy field", "snow", "a winter landscape"],
    "meadow": ["a meadow", "a grassy field", "green fields"],
}
_TIME_WORDS = {
    "day": ["during the day", "on a sunny day", "in daylight", "at noon"],
    "sunset": ["at sunset", "at dusk", "under a {tint} sunset sky", "at golden hour"],
    "night": ["at night", "under the stars", "in the moonlight", "at midnight"],
}
_WEATHER_WORDS = {
    "clear": [""],
    "cloudy": ["cloudy", "with clouds", "overcast"],
    "foggy": ["foggy", "in the fog", "misty"],
    "rainy": ["rainy", "in the rain", "stormy"],
}
_VEGETATION_WORDS = {
    "forest": ["a forest", "a dense forest", "a lush forest", "woods"],
    "trees": ["a few trees", "some trees", "pine trees"],
}
_OBJECT_WORDS = {
    "house": ["a house", "a small cabin", "a cottage"],
    "boat": ["a boat", "a sailboat", "a small boat"],
    "lighthouse": ["a lighthouse", "a striped lighthouse"],
    "sun": ["the sun", "a bright sun"],
    "moon": ["the moon", "a crescent moon"],
}


def caption(scene: Scene, variant: int = 0) -> str:
    """One of many phrasings of the scene (``variant`` picks which, deterministically)."""
    rng = random.Random(scene.seed * 7919 + variant)
    terrain = rng.choice(_TERRAIN_WORDS[scene.terrain])
    when = rng.choice(_TIME_WORDS[scene.time]).format(tint=scene.tint or "orange")
    weather = rng.choice(_WEATHER_WORDS[scene.weather])
    things = [rng.choice(_OBJECT_WORDS[o]) for o in scene.objects if o not in ("sun", "moon")]
    if scene.vegetation != "none":
        things.insert(0, rng.choice(_VEGETATION_WORDS[scene.vegetation]))
    subject = " and ".join(things[:2]) if things else terrain
    place = f" by {terrain}" if things else ""
    if "moon" in scene.objects and rng.random() < 0.5:
        when = rng.choice(["under a full moon", "in the moonlight", "moonlit"])
    templates = [
        "{subject}{place} {when}",
        "a painting of {subject}{place} {when}",
        "{subject}{place}, {when}, {weather}",
    ]
    text = rng.choice(templates).format(subject=subject, place=place, when=when, weather=weather)
    if when == "moonlit":
        text = text.replace(" moonlit", "").replace(
            subject, f"a moonlit {subject.removeprefix('a ')}", 1
        )
    return " ".join(text.replace(" ,", ",").split()).strip(", ")


def dataset(count: int, start: int = 0) -> list[tuple[np.ndarray, str, Scene]]:
    """``count`` (image, caption, scene) triples, reproducible from ``start``."""
    items = []
    for seed in range(start, start + count):
        scene = sample_scene(seed)
        items.append((render(scene), caption(scene, seed % 4), scene))
    return items
