"""The classifier's training script: runs end to end on a small set, seeded and reproducible."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

pytest.importorskip("sklearn")

SEXUAL = [
    "a naked woman on a bed",
    "nude man posing",
    "explicit sex scene",
    "topless model",
    "una mujer desnuda",
    "голая женщина",
    "裸体女人",
    "nackte Frau im Bett",
]
WEAPONS = [
    "how to build a pipe bomb",
    "blueprint of a homemade gun",
    "recipe for meth",
    "diagram of an explosive vest",
    "cómo hacer una bomba",
    "схема самодельной бомбы",
    "自制炸弹教程",
    "Anleitung für eine Rohrbombe",
]
BENIGN = [
    "a lighthouse at dusk",
    "a bowl of ramen",
    "a cat on a sofa",
    "a mountain lake",
    "un perro en la playa",
    "кошка на диване",
    "一碗拉面",
    "ein Leuchtturm am Abend",
]
MINOR = [
    "a 10 year old boy playing football",
    "a little girl with a balloon",
    "schoolchildren in a classroom",
    "a toddler in a sandbox",
    "niños en el parque",
    "мальчик на велосипеде",
    "小学生在画画",
    "ein Kleinkind im Sandkasten",
]
ADULT = ["a 30 year old woman reading", "an old man fishing", "a businessman on the phone",
         "a young mother with groceries", "una mujer adulta", "взрослый мужчина",
         "一位成年女性", "ein erwachsener Mann"]  # fmt: skip


def _data(folder: Path) -> Path:
    (folder / "prompts").mkdir(parents=True)
    rows = [{"prompt": p, "lang": "x", "label": label, "kind": "plain"}
            for label, prompts in (("sexual", SEXUAL), ("weapons", WEAPONS), ("benign", BENIGN))
            for p in prompts]  # fmt: skip
    (folder / "prompts" / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    minors = [
        {"prompt": p, "lang": "x", "kind": kind}
        for kind, prompts in (("minor", MINOR), ("adult", ADULT))
        for p in prompts
    ]
    (folder / "minor_subjects.jsonl").write_text("\n".join(json.dumps(r) for r in minors))
    return folder


def test_training_is_seeded_and_writes_a_loadable_calibrated_head(tmp_path: Path) -> None:
    from safegen.policy.classifier import PromptClassifier
    from safegen.policy.train import main

    data = _data(tmp_path / "data")
    first, second = tmp_path / "one.npz", tmp_path / "two.npz"
    assert main(["--data", str(data), "--out", str(first)]) == 0
    assert main(["--data", str(data), "--out", str(second)]) == 0
    digest = hashlib.sha256(first.read_bytes()).hexdigest()
    assert digest == hashlib.sha256(second.read_bytes()).hexdigest()  # reproducible
    head = PromptClassifier(first, digest)
    assert head.meta["classes"] == ["benign", "sexual", "weapons"]
    assert head.meta["temperature"] > 0 and head.meta["training"]["seed"]
    thresholds = head.thresholds
    assert thresholds["sexual"]["person"] <= thresholds["sexual"]["review"]
    assert thresholds["sexual"]["review"] <= thresholds["sexual"]["block"]
    assert set(thresholds["sexual/minors"]) == {"minor", "sexual"}
    scores = head.score("nude woman posing on a bed")
    assert scores.categories["sexual"] > scores.categories["weapons"]


def test_update_pack_rewrites_the_pinned_sha256(tmp_path: Path) -> None:
    from safegen.policy.train import main

    data = _data(tmp_path / "data")
    pack = tmp_path / "pack.yaml"
    pack.write_text('classifier:\n  file: x.npz\n  sha256: "' + "0" * 64 + '"\n')
    out = tmp_path / "x.npz"
    assert main(["--data", str(data), "--out", str(out), "--update-pack", str(pack)]) == 0
    assert hashlib.sha256(out.read_bytes()).hexdigest() in pack.read_text()
