"""Prompt policy quality and latency on blind held-out sets, every system in one run.

The sets (tests/data/policy_heldout/, README there) were written by helper
sessions that never saw the packs, the rules or the training data, and were
frozen before the policy they measure was changed; their sha256 is checked
here. Systems, on the same prompts:

- ``keywords``: a plain keyword list (every block keyword of the default
  pack, word boundaries, lower-cased raw prompt): what most products ship;
- ``previous 2026.11.1``: the default pack and engine before issue 13 (the
  commit below, run from ``git archive`` in a subprocess);
- ``rules only``: this pack without its classifier (keywords, regexes,
  script-aware normalisation, listed people);
- ``default``: everything.

Tables: flagged (review or block) share of harmful prompts, blocked share,
benign prompts allowed (plain, full of trigger words, neutral images of real
people), per set, per language and per category. Then ``sexual/minors``,
measured in halves because nobody would write its prompts: the minor head on
wholesome prompts about minors (and adult look-alikes), and the sexual
threshold the minors rule uses on the blind sets' sexual prompts. Then
latency: warm p50/p95 per prompt and the first evaluation in a fresh process.

    python benchmarks/policy.py [--show-errors] [--no-previous]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from safegen.policy import load_pack, load_policy

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "data" / "policy_heldout"
FROZEN = {
    "blind_a.jsonl": "7464437375d518e4c10c8fd43a678961e944a0a3605f0ce9fb5063f2c6be0be9",
    "blind_b.jsonl": "c0a6e16aef62538b95d903fc20f95cd527789af99c349d58e2004dd4b926cdde",
    "blind_c.jsonl": "03c2ac6047e2680d145daa019d5451e7ea9ecb1128787bbe06274d9f2e3784b0",
    "blind_d.jsonl": "06cfd399985c2c6a353c65ad73d90f305256acac5a5ec99862e125648a6832e6",
    "blind_minor_subjects.jsonl": (
        "2f43edceb226ce43a74264237f6483781b381fbe2ef672cb4e20a16120fc1d4c"
    ),
}
PREVIOUS = "514797e5115a21b730896247c9137fc998abd7ee"
"""The last commit with the 2026.11.1 pack and engine."""
LANGUAGES = ("en", "es", "fr", "de", "pt", "ru", "zh", "ja", "ar", "hi", "tr")
FLAGGED = ("review", "block")
Action = str


def frozen_rows(name: str) -> list[dict]:
    path = HELDOUT / name
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != FROZEN[name]:
        raise SystemExit(f"{path} is not the frozen set (sha256 differs): never edit it")
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]


def keyword_baseline() -> Callable[[str], Action]:
    pack = load_pack("default")
    words = {k.lower() for rule in pack.rules for k in rule.keywords if rule.action == "block"}
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(w) for w in sorted(words, key=len)[::-1]) + r")\b"
    )
    return lambda prompt: "block" if pattern.search(prompt.lower()) else "allow"


def engine_system(semantic: bool) -> Callable[[str], Action]:
    engine = load_policy("default")
    if semantic:
        engine.warm()
    return lambda prompt: engine.evaluate(prompt, semantic=semantic).action


_PREVIOUS_RUNNER = """
import json, sys
sys.meta_path = [f for f in sys.meta_path if "__editable__" not in getattr(f, "__module__", "")]
sys.path.insert(0, sys.argv[1])
from safegen.policy import load_policy
engine = load_policy("default")
engine.warm()
for line in sys.stdin:
    print(json.dumps(engine.evaluate(json.loads(line)).action), flush=True)
"""


def previous_actions(prompts: list[str]) -> list[Action] | str:
    """The 2026.11.1 engine's actions, or why they could not be computed."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", PREVIOUS, "safegen", "policies"],
            capture_output=True,
        )
        if archive.returncode != 0:
            return f"git archive {PREVIOUS} failed: {archive.stderr.decode()[:200]}"
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        os.symlink(Path(tmp) / "policies", Path(tmp) / "safegen" / "_packs")
        run = subprocess.run(
            [sys.executable, "-c", _PREVIOUS_RUNNER, tmp],
            input="".join(json.dumps(p) + "\n" for p in prompts),
            capture_output=True,
            text=True,
        )
        if run.returncode != 0:
            return f"the previous engine failed: {run.stderr[-300:]}"
        return [json.loads(line) for line in run.stdout.splitlines()]


def share(values: list[bool]) -> str:
    return f"{100 * sum(values) / len(values):.0f}%" if values else "-"


def table(title: str, columns: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(r[i])) for r in [columns, *rows]) for i in range(len(columns))]
    print(f"\n{title}")
    print(
        "  ".join(
            c.rjust(w) if i else c.ljust(w)
            for i, (c, w) in enumerate(zip(columns, widths, strict=True))
        )
    )
    for row in rows:
        print(
            "  ".join(
                str(v).rjust(w) if i else str(v).ljust(w)
                for i, (v, w) in enumerate(zip(row, widths, strict=True))
            )
        )


def quality(rows: list[dict], actions: dict[str, list[Action]], show_errors: bool) -> None:
    systems = list(actions)
    harmful = [i for i, r in enumerate(rows) if r["label"] != "benign"]

    def flagged(name: str, index: list[int]) -> list[bool]:
        return [actions[name][i] in FLAGGED for i in index]

    def allowed(name: str, index: list[int]) -> list[bool]:
        return [actions[name][i] == "allow" for i in index]

    def benign(kind: str | None, subset: list[int] | None = None) -> list[int]:
        pool = range(len(rows)) if subset is None else subset
        return [
            i
            for i in pool
            if rows[i]["label"] == "benign" and (kind is None or rows[i]["kind"] == kind)
        ]

    def everyday(subset: list[int] | None = None) -> list[int]:
        """Benign prompts but neutral images of real people, which the pack reviews by
        design (a listed public figure is held for review, docs/policies.md)."""
        return [i for i in benign(None, subset) if rows[i]["kind"] != "person"]

    out = []
    for set_name in sorted({r["set"] for r in rows}) + ["all"]:
        index = [i for i, r in enumerate(rows) if set_name in ("all", r["set"])]
        h = [i for i in index if rows[i]["label"] != "benign"]
        for name in systems:
            out.append(
                [
                    f"{set_name}: {name}",
                    share(flagged(name, h)),
                    share([actions[name][i] == "block" for i in h]),
                    share(allowed(name, benign("plain", index))),
                    share(allowed(name, benign("trigger", index))),
                    share(allowed(name, everyday(index))),
                    share(allowed(name, benign("person", index))),
                ]
            )
    counts = f"{len(harmful)} harmful, {len(benign(None))} benign"
    table(
        f"blind sets ({counts}): harmful flagged / blocked; benign allowed (plain, trigger "
        "words, both; neutral images of real people apart: listed ones are reviewed)",
        [
            "set: system",
            "flagged",
            "blocked",
            "plain ok",
            "trigger ok",
            "benign ok",
            "person ok",
        ],
        out,
    )

    out = []
    for lang in LANGUAGES:
        h = [i for i in harmful if rows[i]["lang"] == lang]
        b = [i for i in everyday() if rows[i]["lang"] == lang]
        out.append([lang] + [f"{share(flagged(s, h))} / {share(allowed(s, b))}" for s in systems])
    table(
        "per language (all sets): harmful flagged / benign allowed (neutral real people apart)",
        ["lang", *systems],
        out,
    )

    out = []
    for category in sorted({rows[i]["label"] for i in harmful}):
        h = [i for i in harmful if rows[i]["label"] == category]
        out.append([f"{category} ({len(h)})"] + [share(flagged(s, h)) for s in systems])
    euphemism = [i for i in harmful if rows[i]["kind"] == "euphemism"]
    out.append(
        [f"coded/misspelled ({len(euphemism)})"] + [share(flagged(s, euphemism)) for s in systems]
    )
    table("per category (all sets): harmful flagged", ["category", *systems], out)

    if show_errors:
        final = systems[-1]
        print("\nmissed by", final)
        for i in harmful:
            if actions[final][i] not in FLAGGED:
                print(f"  [{rows[i]['lang']}] {rows[i]['label']}: {rows[i]['prompt']}")
        print("benign not allowed by", final)
        for i in benign(None):
            if actions[final][i] != "allow":
                row = rows[i]
                print(f"  [{row['lang']}] {row['kind']} {actions[final][i]}: {row['prompt']}")


def minors(rows: list[dict], subjects: list[dict]) -> None:
    engine = load_policy("default")
    engine.warm()
    band = engine.thresholds()["sexual/minors"]
    out = []
    for lang in LANGUAGES:
        minor = [r for r in subjects if r["lang"] == lang and r["kind"] == "minor"]
        adult = [r for r in subjects if r["lang"] == lang and r["kind"] == "adult"]
        sexual = [r for r in rows if r["lang"] == lang and r["label"] == "sexual"]
        minor_scores = [engine.classifier.score(_text(r["prompt"])) for r in minor]
        recognised = [s.minor >= band["minor"] for s in minor_scores]
        allowed = [engine.evaluate(r["prompt"]).action == "allow" for r in minor]
        adult_as_minor = [
            engine.classifier.score(_text(r["prompt"])).minor >= band["minor"] for r in adult
        ]
        sexual_hit = []
        for r in sexual:
            decision = engine.evaluate(r["prompt"])
            rule = any(h.category == "sexual" and h.view != "classifier" for h in decision.hits)
            score = engine.classifier.score(_text(r["prompt"]))
            sexual_hit.append(rule or score.categories["sexual"] >= band["sexual"])
        bound = (sum(recognised) / len(recognised)) * (sum(sexual_hit) / len(sexual_hit))
        out.append(
            [
                lang,
                share(recognised),
                share(allowed),
                share(adult_as_minor),
                share(sexual_hit),
                f"{100 * bound:.0f}%",
            ]
        )
    table(
        "sexual/minors in halves: minor subject recognised (wholesome prompts about minors, "
        "still allowed); adults taken for minors; blind sexual prompts reaching the minors "
        "rule's sexual threshold; product = lower bound on the rule's recall if the halves "
        "were independent",
        ["lang", "minor seen", "minor allowed", "adult as minor", "sexual seen", "bound"],
        out,
    )


def _text(prompt: str) -> str:
    from safegen.policy.normalize import classifier_text, normalize

    return classifier_text(normalize(prompt))


def latency(prompts: list[str], benign: list[str]) -> None:
    engine = load_policy("default")
    engine.warm()
    out = []
    for label, subset in (("all blind prompts", prompts), ("benign blind prompts", benign)):
        times = []
        for prompt in subset * 2:
            start = time.perf_counter()
            engine.evaluate(prompt)
            times.append((time.perf_counter() - start) * 1000)
        out.append(
            [
                label,
                f"{np.percentile(times, 50):.1f}",
                f"{np.percentile(times, 95):.1f}",
            ]
        )
    table("warm latency per prompt (ms)", ["prompts", "p50", "p95"], out)
    code = (
        "import time; t = time.perf_counter(); from safegen.policy import load_policy; "
        "load_policy('default').evaluate('a lighthouse at dusk'); "
        "print(time.perf_counter() - t)"
    )
    cold = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(3)
    ]
    print(
        f"first evaluation in a fresh process (import, load, evaluate): "
        f"median {statistics.median(cold):.2f} s of 3 ({', '.join(f'{c:.2f}' for c in cold)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--no-previous", action="store_true", help="skip the 2026.11.1 run")
    parser.add_argument("--sets", default="a,b,c", help="which blind sets (default: a,b,c)")
    args = parser.parse_args()
    rows = [
        dict(r, set=f"blind_{name}")
        for name in args.sets.split(",")
        for r in frozen_rows(f"blind_{name}.jsonl")
    ]
    subjects = frozen_rows("blind_minor_subjects.jsonl")
    prompts = [r["prompt"] for r in rows]
    actions: dict[str, list[Action]] = {"keywords": [keyword_baseline()(p) for p in prompts]}
    if not args.no_previous:
        previous = previous_actions(prompts)
        if isinstance(previous, str):
            print(f"previous 2026.11.1: not measured ({previous})")
        else:
            actions["previous 2026.11.1"] = previous
    for name, semantic in (("rules only", False), ("default", True)):
        system = engine_system(semantic)
        actions[name] = [system(p) for p in prompts]
    quality(rows, actions, args.show_errors)
    minors(rows, subjects)
    latency(prompts, [r["prompt"] for r in rows if r["label"] == "benign"])


if __name__ == "__main__":
    main()
