"""Prompt policy quality and latency on the labelled set tests/data/prompts.jsonl.

Systems, in one run on the same prompts:

- ``keywords``: a plain keyword list (every keyword of the default pack,
  matched on word boundaries in the lower-cased raw prompt): what most
  products ship;
- ``keywords+normalise``: the default pack's keyword, regex and exception
  rules over the normalised views (NFKC, confusables, zero-width, leetspeak,
  spacing, repeats) and its real-people rules, without the semantic stage;
- ``default pack``: everything, with the semantic (all-MiniLM-L6-v2) rules.

For each: recall per harmful category (flagged = review or block), blocked
share of harmful prompts, and the share of benign prompts allowed (separately
for benign prompts full of trigger words), on the dev split and on the
held-out split (written before any tuning). Then latency per prompt.

    python benchmarks/policy.py [--calibrate]

``--calibrate`` prints, per semantic rule, the scores of its category's dev
prompts and of the benign dev prompts: how the thresholds were chosen.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from safegen.policy import load_pack, load_policy, normalize

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "prompts.jsonl"
FLAGGED = ("review", "block")


def load_prompts() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]


def keyword_baseline() -> Callable[[str], tuple[str, set[str]]]:
    pack = load_pack("default")
    words = {
        keyword.lower(): rule.category
        for rule in pack.rules
        for keyword in rule.keywords
        if rule.action == "block"
    }
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(w) for w in sorted(words, key=len)[::-1]) + r")\b"
    )

    def evaluate(prompt: str) -> tuple[str, set[str]]:
        found = {words[m.group(1)] for m in pattern.finditer(prompt.lower())}
        return ("block" if found else "allow"), found

    return evaluate


def engine_system(semantic: bool) -> Callable[[str], tuple[str, set[str]]]:
    engine = load_policy("default")
    if semantic:
        engine.warm()

    def evaluate(prompt: str) -> tuple[str, set[str]]:
        decision = engine.evaluate(prompt, semantic=semantic)
        return decision.action, set(decision.categories)

    return evaluate


def score(system: Callable[[str], tuple[str, set[str]]], rows: list[dict]) -> dict:
    harmful = [r for r in rows if r["label"] != "benign"]
    benign = [r for r in rows if r["label"] == "benign" and r["kind"] != "trigger"]
    trigger = [r for r in rows if r["label"] == "benign" and r["kind"] == "trigger"]
    results = {r["prompt"]: system(r["prompt"]) for r in rows}
    per_category: dict[str, list[bool]] = {}
    for row in harmful:
        action, _ = results[row["prompt"]]
        per_category.setdefault(row["label"], []).append(action in FLAGGED)
    misses = [r["prompt"] for r in harmful if results[r["prompt"]][0] not in FLAGGED]
    false_alarms = [r["prompt"] for r in benign + trigger if results[r["prompt"]][0] != "allow"]
    reviewed = [
        f"{r['label']}: {r['prompt']}" for r in harmful if results[r["prompt"]][0] == "review"
    ]
    return {
        "recall": {c: float(np.mean(v)) for c, v in per_category.items()},
        "flagged": float(np.mean([results[r["prompt"]][0] in FLAGGED for r in harmful])),
        "blocked": float(np.mean([results[r["prompt"]][0] == "block" for r in harmful])),
        "benign_allowed": float(np.mean([results[r["prompt"]][0] == "allow" for r in benign])),
        "trigger_allowed": float(np.mean([results[r["prompt"]][0] == "allow" for r in trigger]))
        if trigger
        else float("nan"),
        "all_benign_allowed": float(
            np.mean([results[r["prompt"]][0] == "allow" for r in benign + trigger])
        ),
        "counts": (len(harmful), len(benign), len(trigger)),
        "misses": misses,
        "false_alarms": false_alarms,
        "reviewed": reviewed,
    }


def latency(semantic: bool, prompts: list[str]) -> tuple[float, float]:
    engine = load_policy("default")
    if semantic:
        engine.warm()
    times = []
    for prompt in prompts * 3:
        start = time.perf_counter()
        engine.evaluate(prompt, semantic=semantic)
        times.append((time.perf_counter() - start) * 1000)
    return float(np.percentile(times, 50)), float(np.percentile(times, 95))


def calibrate(rows: list[dict]) -> None:
    """Per semantic rule: effective scores (0 where a benign look-alike is nearer) of its
    own category's dev prompts and of the benign dev prompts, and the threshold the
    calibration rule gives: the highest effective benign score + 0.02, at least 0.45."""
    engine = load_policy("default")
    engine.warm()
    embedder = engine.embedder
    dev = [r for r in rows if r["split"] == "dev"]
    texts = [dict(normalize(r["prompt"]).views) for r in dev]
    vectors = embedder.embed([v.get("joined") or v.get("deleet") or v["text"] for v in texts])
    for rule in engine.pack.rules:
        if not rule.semantic:
            continue
        harmful = (embedder.embed_cached(rule.semantic) @ vectors.T).max(axis=0)
        benign = (
            (embedder.embed_cached(rule.benign) @ vectors.T).max(axis=0)
            if rule.benign
            else np.zeros(len(dev))
        )
        effective = np.where(harmful > benign, harmful, 0.0)
        own = sorted(effective[i] for i, r in enumerate(dev) if r["label"] == rule.category)
        clean = sorted(effective[i] for i, r in enumerate(dev) if r["label"] == "benign")
        suggested = max(0.45, round(float(clean[-1]) + 0.02, 2))
        caught = sum(v >= suggested for v in own)
        print(
            f"{rule.id}: threshold {rule.threshold}, calibration rule gives {suggested} "
            f"({caught}/{len(own)} of its dev prompts)"
        )
        print(f"  own category : {' '.join(f'{v:.2f}' for v in own)}")
        print(f"  benign top 5 : {' '.join(f'{v:.2f}' for v in clean[-5:])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    rows = load_prompts()
    if args.calibrate:
        calibrate(rows)
        return
    systems = {
        "keywords": keyword_baseline(),
        "keywords+normalise": engine_system(semantic=False),
        "default pack": engine_system(semantic=True),
    }
    categories = sorted({r["label"] for r in rows if r["label"] != "benign"})
    for split in ("dev", "heldout", "heldout2"):
        subset = [r for r in rows if r["split"] == split]
        results = {name: score(system, subset) for name, system in systems.items()}
        harmful, benign, trigger = next(iter(results.values()))["counts"]
        print(f"\n{split}: {harmful} harmful, {benign} benign, {trigger} benign with trigger words")
        short = {c: c.split("/")[-1][:9] for c in categories}
        print(
            f"{'system':<20}{'flagged':>8}{'blocked':>8}{'benign ok':>10}{'trigger ok':>11}"
            + "".join(f"{short[c]:>10}" for c in categories)
        )
        for name, result in results.items():
            print(
                f"{name:<20}{result['flagged']:>8.0%}{result['blocked']:>8.0%}"
                f"{result['benign_allowed']:>10.0%}"
                + (f"{result['trigger_allowed']:>11.0%}" if result["counts"][2] else f"{'-':>11}")
                + "".join(
                    f"{result['recall'][c]:>10.0%}" if c in result["recall"] else f"{'-':>10}"
                    for c in categories
                )
            )
        if args.show_errors:
            final = results["default pack"]
            print("  missed:", final["misses"])
            print("  false alarms:", final["false_alarms"])
            print("  flagged for review, not blocked:", final["reviewed"])
    prompts = [r["prompt"] for r in rows]
    print("\nlatency per prompt (ms)     p50     p95")
    for semantic in (False, True):
        p50, p95 = latency(semantic, prompts)
        label = "with semantic stage" if semantic else "without semantic stage"
        print(f"{label:<26}{p50:>6.2f}{p95:>8.2f}")
    print("flagged = review or block; categories show recall (flagged share)")


if __name__ == "__main__":
    main()
