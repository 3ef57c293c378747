"""Train the default pack's prompt classifier: reproducible, seeded, CPU.

    python -m safegen.policy.train [--out policies/default.classifier.npz] [--update-pack]

Data (``policies/training/``, written for this purpose; see its README):

- ``prompts/*.jsonl``: ``{"prompt", "lang", "label", "kind"}``, a label per
  prompt: ``benign`` or one harmful category;
- ``minor_subjects*.jsonl``: ``{"prompt", "lang", "kind": minor|adult|none}``,
  wholesome prompts whose subject is or is not a minor.

What it does:

1. normalises every prompt as the engine does (``classifier_text``), adds one
   seeded typo'd copy of each (a dropped, doubled or swapped letter) so the
   surface features see misspellings;
2. embeds with multilingual-e5-small and hashes character n-grams
   (:mod:`safegen.policy.classifier`);
3. fits a multinomial logistic regression (categories and benign, on the
   labelled prompts only) and a binary one (minor subject or not),
   with the dense features standardised and the scaling folded into the
   weights;
4. predicts every prompt out of fold (5 folds, a prompt and its typo'd copy
   in the same fold), fits one softmax temperature on those predictions and
   moves them to a deployment prior of 95% benign prompts (Bayes' rule);
5. chooses thresholds on the out-of-fold predictions at the operating point
   below, then refits on everything and writes one ``.npz``.

Operating point (per category ``c``, on out-of-fold benign prompts): *review*
at the lowest threshold where at most 0.5% of benign prompts reach ``c``,
*block* where at most 0.2% do, and *person* where at most 2% do (used only
when a real person is named: the context that makes a depiction of them
harmful). For ``sexual/minors`` the pair (minor threshold, sexual threshold)
that catches the most of both halves while blocking at most 0.5% of benign
prompts, wholesome prompts about minors included, and taking at most 2% of
adult sexual prompts for minors.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from safegen.policy.classifier import (
    ENCODER_NAME,
    ENCODER_SHA256,
    NGRAM_BUCKETS,
    NGRAM_SIZES,
    MultilingualEncoder,
    ngram_features,
)
from safegen.policy.normalize import classifier_text, normalize

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "policies" / "training"
SEED = 20261201
FOLDS = 5
REVIEW_FPR = 0.005
BLOCK_FPR = 0.002
PERSON_FPR = 0.02
MINORS_BENIGN_RATE = 0.005
MINORS_ADULT_RATE = 0.02
DEPLOY_BENIGN = 0.95
"""The share of benign prompts assumed in deployment (the training set has ~40%)."""
C_GRID = (0.2,)
C_MINOR = 4.0
MINOR_NEGATIVES = {"sexual", "weapons", "fraud", "fabricated-evidence", "deception"}
"""Labelled prompts that train the minor head as "not a minor": adult sexual content and
categories whose prompts are about things and public figures (benign prompts are left
out: many of them show children)."""


def load_rows(folder: Path = DATA) -> tuple[list[dict[str, Any]], list[dict[str, Any]], str]:
    """The labelled prompts, the minor-subject prompts, and a sha256 over all the files."""
    digest = hashlib.sha256()
    rows: list[dict[str, Any]] = []
    for path in sorted((folder / "prompts").glob("*.jsonl")):
        data = path.read_bytes()
        digest.update(path.name.encode() + data)
        rows += [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]
    minors: list[dict[str, Any]] = []
    for path in sorted(folder.glob("minor_subjects*.jsonl")):
        data = path.read_bytes()
        digest.update(path.name.encode() + data)
        minors += [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]
    seen: set[str] = set()
    unique = []
    for row in rows:  # a prompt written twice counts once
        if row["prompt"] not in seen:
            seen.add(row["prompt"])
            unique.append(row)
    return unique, minors, digest.hexdigest()


_WORDS = re.compile(r"\w{4,}")


def typo(text: str, rng: random.Random) -> str:
    """One dropped, doubled or swapped letter inside one longer word."""
    words = list(_WORDS.finditer(text))
    if not words:
        return text
    word = rng.choice(words)
    start, end = word.span()
    i = rng.randrange(start + 1, end - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return text[:i] + text[i + 1 :]
    if kind == 1:
        return text[:i] + text[i] + text[i:]
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def embed_all(encoder: MultilingualEncoder, texts: list[str], cache: Path | None) -> np.ndarray:
    """Embeddings of ``texts``; ``cache`` (an .npz of earlier runs) skips texts seen before."""
    known: dict[str, np.ndarray] = {}
    if cache is not None and cache.is_file():
        with np.load(cache, allow_pickle=False) as data:
            known = dict(zip(data["texts"].tolist(), data["vectors"], strict=True))
    missing = list(dict.fromkeys(t for t in texts if t not in known))
    for i in range(0, len(missing), 64):
        chunk = missing[i : i + 64]
        known.update(zip(chunk, encoder.embed(chunk), strict=True))
    if cache is not None and missing:
        np.savez(cache, texts=np.array(list(known)), vectors=np.stack(list(known.values())))
    return np.stack([known[t] for t in texts]).astype(np.float32)


def features(
    encoder: MultilingualEncoder, texts: list[str], cache: Path | None = None
) -> tuple[np.ndarray, Any]:
    from scipy import sparse

    dense = embed_all(encoder, texts, cache)
    indptr, indices, values = [0], [], []
    for text in texts:
        index, value = ngram_features(text)
        indices.append(index)
        values.append(value)
        indptr.append(indptr[-1] + len(index))
    grams = sparse.csr_matrix(
        (np.concatenate(values), np.concatenate(indices), np.asarray(indptr)),
        shape=(len(texts), NGRAM_BUCKETS),
    )
    return dense, grams


class Scaler:
    def __init__(self, dense: np.ndarray) -> None:
        self.mean = dense.mean(0)
        self.std = dense.std(0) + 1e-6

    def matrix(self, dense: np.ndarray, grams: Any) -> Any:
        from scipy import sparse

        return sparse.hstack([sparse.csr_matrix((dense - self.mean) / self.std), grams]).tocsr()

    def fold(self, coef: np.ndarray, bias: np.ndarray) -> tuple[np.ndarray, Any, np.ndarray]:
        """Weights over raw features: (dense, sparse, bias)."""
        dense = coef[:, :EMBED] / self.std
        return dense, coef[:, EMBED:], bias - dense @ self.mean


EMBED = 384


def fit(x: Any, y: np.ndarray, c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=3000, tol=1e-5)
    return model.fit(x, y)


def fit_temperature(logits: np.ndarray, y: np.ndarray, binary: bool) -> float:
    """The temperature that minimises the negative log-likelihood (grid then refine)."""

    def nll(t: float) -> float:
        z = logits / t
        if binary:
            p = 1 / (1 + np.exp(-z[:, 0]))
            return float(-np.mean(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12)))
        z = z - z.max(1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(1, keepdims=True))
        return float(-np.mean(logp[np.arange(len(y)), y]))

    grid = np.exp(np.linspace(np.log(0.2), np.log(5), 81))
    best = min(grid, key=nll)
    fine = best * np.exp(np.linspace(-0.05, 0.05, 21))
    return float(min(fine, key=nll))


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(1, keepdims=True))


def threshold_at_fpr(benign_scores: np.ndarray, fpr: float) -> float:
    """The lowest threshold that at most ``fpr`` of the benign scores reach."""
    ordered = np.sort(benign_scores)[::-1]
    allowed = int(np.floor(fpr * len(ordered)))
    above = ordered[allowed] if allowed < len(ordered) else 0.0
    return float(min(0.99, np.nextafter(above, 1.0)))


def choose_minors_thresholds(
    minor_on_minors: np.ndarray,
    sexual_on_sexual: np.ndarray,
    minor_on_benign: np.ndarray,
    sexual_on_benign: np.ndarray,
    minor_on_adult_sexual: np.ndarray,
) -> dict[str, float]:
    """The (minor, sexual) thresholds that catch the most of both halves (the product of
    the minor head's recall on minor subjects and the sexual score's recall on sexual
    prompts) while blocking at most MINORS_BENIGN_RATE of benign prompts, wholesome
    prompts about minors included, and taking at most MINORS_ADULT_RATE of adult sexual
    prompts for minors (a pack that reviews adult nudity must not see it blocked)."""
    levels = np.linspace(0.50, 1.0, 101)
    minor_candidates = sorted({threshold_at_recall(minor_on_minors, r) for r in levels})
    sexual_candidates = sorted({threshold_at_recall(sexual_on_sexual, r) for r in levels})
    best: dict[str, float] | None = None
    for tm in minor_candidates:
        if float(np.mean(minor_on_adult_sexual >= tm)) > MINORS_ADULT_RATE:
            continue
        minor_recall = float(np.mean(minor_on_minors >= tm))
        for ts in sexual_candidates:
            blocked = float(np.mean((minor_on_benign >= tm) & (sexual_on_benign >= ts)))
            if blocked > MINORS_BENIGN_RATE:
                continue
            sexual_recall = float(np.mean(sexual_on_sexual >= ts))
            if best is None or minor_recall * sexual_recall > best["product"]:
                best = {
                    "minor": round(tm, 4),
                    "sexual": round(ts, 4),
                    "minor_recall": minor_recall,
                    "sexual_recall": sexual_recall,
                    "benign_blocked": blocked,
                    "product": minor_recall * sexual_recall,
                }
    if best is None:  # nothing meets the benign budget: the most conservative pair
        tm, ts = minor_candidates[-1], sexual_candidates[-1]
        best = {"minor": tm, "sexual": ts, "minor_recall": 0.0, "sexual_recall": 0.0,
                "benign_blocked": 0.0, "product": 0.0}  # fmt: skip
    return best


def threshold_at_recall(scores: np.ndarray, recall: float) -> float:
    ordered = np.sort(scores)
    return float(ordered[int(np.floor((1 - recall) * len(ordered)))])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=ROOT / "policies" / "default.classifier.npz")
    parser.add_argument(
        "--update-pack",
        type=Path,
        nargs="?",
        const=ROOT / "policies" / "default.yaml",
        help="write the new sha256 into this pack (default: policies/default.yaml)",
    )
    parser.add_argument(
        "--cache", type=Path, help="an .npz of embeddings kept between runs (speeds up retraining)"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    rng = random.Random(SEED)
    rows, minors, data_sha = load_rows(args.data)
    classes = ["benign", *sorted({r["label"] for r in rows} - {"benign"})]
    print(f"{len(rows)} labelled prompts, {len(minors)} minor-subject prompts", file=sys.stderr)
    print(" ", dict(Counter(r["label"] for r in rows)), file=sys.stderr)
    print(" ", dict(Counter(r["lang"] for r in rows)), file=sys.stderr)

    # One list of examples: (text, category label, minor label or -1, group, is_original).
    examples: list[tuple[str, int, int, int, bool]] = []
    for group, row in enumerate(rows + minors):
        label = classes.index(row.get("label", "benign"))
        minor = (
            int(row["kind"] == "minor")
            if "label" not in row
            else (0 if row["label"] in MINOR_NEGATIVES else -1)
        )
        text = classifier_text(normalize(row["prompt"]))
        examples.append((text, label, minor, group, True))
        noisy = classifier_text(normalize(typo(row["prompt"], rng)))
        if noisy != text:
            examples.append((noisy, label, minor, group, False))
    encoder = MultilingualEncoder(threads=2)
    dense, grams = features(encoder, [e[0] for e in examples], args.cache)
    y = np.array([e[1] for e in examples])
    minor_y = np.array([e[2] for e in examples])
    groups = np.array([e[3] for e in examples])
    original = np.array([e[4] for e in examples])
    print(
        f"features: {dense.shape[0]} examples ({time.perf_counter() - started:.0f} s)",
        file=sys.stderr,
    )

    # Out-of-fold predictions, folds by group (a prompt and its typo'd copy together).
    group_ids = np.unique(groups)
    np.random.default_rng(SEED).shuffle(group_ids)
    fold_of = {g: i % FOLDS for i, g in enumerate(group_ids)}
    fold = np.array([fold_of[g] for g in groups])
    has_minor = minor_y >= 0

    def out_of_fold(x_dense: np.ndarray, rows: np.ndarray, labels: np.ndarray, c: float) -> Any:
        """Logits for every example from the model of the folds it is not in, trained on
        ``rows`` only (so examples outside ``rows`` are scored out of sample too)."""
        logits = np.full((len(labels), 1 if labels.max() <= 1 else len(classes)), np.nan)
        for k in range(FOLDS):
            train, test = rows & (fold != k), fold == k
            scaler = Scaler(x_dense[train])
            model = fit(scaler.matrix(x_dense[train], grams[train]), labels[train], c)
            z = model.decision_function(scaler.matrix(x_dense[test], grams[test]))
            logits[test] = z.reshape(int(test.sum()), -1)
        return logits

    # The category heads learn from the labelled prompts only: the minor-subject prompts
    # would teach them that "a 12-year-old" means benign, and blind the sexual score
    # exactly where it matters most.
    labelled = groups < len(rows)
    choices = {}
    for c in C_GRID:  # the regularisation with the best out-of-fold likelihood
        logits = out_of_fold(dense, labelled, y, c)
        scored = original & labelled
        t = fit_temperature(logits[scored], y[scored], binary=False)
        z = logits[scored] / t
        z = z - z.max(1, keepdims=True)
        nll = -np.mean(
            (z - np.log(np.exp(z).sum(1, keepdims=True)))[np.arange(scored.sum()), y[scored]]
        )
        choices[c] = (float(nll), logits)
        print(
            f"C={c}: out-of-fold NLL {nll:.4f} ({time.perf_counter() - started:.0f} s)",
            file=sys.stderr,
        )
    c_category = min(choices, key=lambda c: choices[c][0])
    oof = choices[c_category][1]
    oof_minor = out_of_fold(dense, has_minor, minor_y, C_MINOR)[:, 0]
    print(f"heads done ({time.perf_counter() - started:.0f} s)", file=sys.stderr)

    keep = original & labelled
    temperature = fit_temperature(oof[keep], y[keep], binary=False)
    mkeep = original & has_minor
    minor_temperature = fit_temperature(oof_minor[mkeep][:, None], minor_y[mkeep], binary=True)
    # Deployment prior: most real prompts are benign, far more than in the training set.
    # Bayes' rule moves the calibrated posteriors from the training prior to it, so the
    # probabilities mean what they say for real traffic (the thresholds below are chosen
    # after the shift, so it does not change which prompts are flagged).
    train_prior = np.bincount(y[keep], minlength=len(classes)) / keep.sum()
    deploy_prior = np.full(len(classes), (1 - DEPLOY_BENIGN) / (len(classes) - 1))
    deploy_prior[0] = DEPLOY_BENIGN
    prior_shift = np.log(deploy_prior) - np.log(train_prior)
    probs = softmax(oof / temperature + prior_shift)
    minor_probs = 1 / (1 + np.exp(-oof_minor / minor_temperature))

    benign = keep & (y == 0)
    thresholds: dict[str, dict[str, float]] = {}
    for c, name in enumerate(classes):
        if name == "benign":
            continue
        review = threshold_at_fpr(probs[benign, c], REVIEW_FPR)
        block = max(review, threshold_at_fpr(probs[benign, c], BLOCK_FPR))
        person = min(review, threshold_at_fpr(probs[benign, c], PERSON_FPR))
        thresholds[name] = {
            "review": round(review, 4),
            "block": round(block, 4),
            "person": round(person, 4),
        }
    sexual = classes.index("sexual")
    minors_choice = choose_minors_thresholds(
        minor_probs[original & (minor_y == 1)],
        probs[keep & (y == sexual), sexual],
        minor_probs[original & (y == 0)],
        probs[original & (y == 0), sexual],
        minor_probs[keep & (y == sexual)],
    )
    thresholds["sexual/minors"] = {
        "minor": minors_choice["minor"],
        "sexual": minors_choice["sexual"],
    }
    report = out_of_fold_report(rows, minors, examples, classes, probs, minor_probs, thresholds)
    report += (
        f"\n  sexual/minors: minor seen {minors_choice['minor_recall']:.1%} x sexual seen "
        f"{minors_choice['sexual_recall']:.1%}; benign prompts (wholesome minors included) "
        f"blocked by it {minors_choice['benign_blocked']:.2%}"
    )
    print(report, file=sys.stderr)

    # Refit on everything.
    scaler = Scaler(dense[labelled])
    model = fit(scaler.matrix(dense[labelled], grams[labelled]), y[labelled], c_category)
    cat_dense, cat_sparse, cat_bias = scaler.fold(model.coef_, model.intercept_)
    mscaler = Scaler(dense[has_minor])
    mmodel = fit(mscaler.matrix(dense[has_minor], grams[has_minor]), minor_y[has_minor], C_MINOR)
    min_dense, min_sparse, min_bias = mscaler.fold(mmodel.coef_, mmodel.intercept_)
    meta = {
        "format": "safegen.prompt-classifier.v1",
        "classes": classes,
        "temperature": temperature,
        "prior_shift": [round(float(v), 6) for v in prior_shift],
        "deploy_prior_benign": DEPLOY_BENIGN,
        "minor_temperature": minor_temperature,
        "thresholds": thresholds,
        "operating_point": {
            "review_benign_rate": REVIEW_FPR,
            "block_benign_rate": BLOCK_FPR,
            "person_context_benign_rate": PERSON_FPR,
            "minors_benign_block_rate": MINORS_BENIGN_RATE,
            "minors_adult_sexual_rate": MINORS_ADULT_RATE,
        },
        "encoder": {"name": ENCODER_NAME, "sha256": ENCODER_SHA256},
        "ngrams": {"sizes": list(NGRAM_SIZES), "buckets": NGRAM_BUCKETS, "hash": "crc32"},
        "training": {
            "prompts": len(rows),
            "languages": dict(Counter(r["lang"] for r in rows + minors)),
            "labels": dict(Counter(r["label"] for r in rows)),
            "minor_subject_prompts": len(minors),
            "examples": len(examples),
            "data_sha256": data_sha,
            "seed": SEED,
            "folds": FOLDS,
            "C": {"category": c_category, "minor": C_MINOR, "grid": list(C_GRID)},
        },
        "out_of_fold": report,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("wb") as handle:
        np.savez_compressed(
            handle,
            meta=np.array(json.dumps(meta, ensure_ascii=False)),
            category_dense=cat_dense.astype(np.float32),
            category_sparse=np.asarray(cat_sparse.T, np.float16),
            category_bias=np.asarray(cat_bias, np.float32),
            minor_dense=min_dense.astype(np.float32),
            minor_sparse=np.asarray(min_sparse.T, np.float16),
            minor_bias=np.asarray(min_bias, np.float32),
        )
    sha = hashlib.sha256(args.out.read_bytes()).hexdigest()
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) sha256 {sha}")
    if args.update_pack:
        text = args.update_pack.read_text(encoding="utf-8")
        new, count = re.subn(r"(?m)^(\s*sha256:\s*)\"?[0-9a-f]{64}\"?", rf"\g<1>{sha}", text)
        if count != 1:
            print(
                f"{args.update_pack}: no single classifier sha256 line to update", file=sys.stderr
            )
            return 1
        args.update_pack.write_text(new, encoding="utf-8")
        print(f"updated {args.update_pack}")
    print(f"done in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


def out_of_fold_report(
    rows: list[dict[str, Any]],
    minors: list[dict[str, Any]],
    examples: list[tuple[str, int, int, int, bool]],
    classes: list[str],
    probs: np.ndarray,
    minor_probs: np.ndarray,
    thresholds: dict[str, dict[str, float]],
) -> str:
    """Out-of-fold recall per category and language at the chosen thresholds."""
    source = rows + minors
    flagged_by: dict[str, list[bool]] = defaultdict(list)
    by_lang: dict[str, list[bool]] = defaultdict(list)
    benign_lang: dict[str, list[bool]] = defaultdict(list)
    minor_hits: list[bool] = []
    for i, (_, label, minor, group, original) in enumerate(examples):
        if not original:
            continue
        row = source[group]
        flags = any(
            probs[i, c] >= thresholds[name]["review"]
            for c, name in enumerate(classes)
            if name != "benign"
        )
        if "label" not in row:
            if minor == 1:
                minor_hits.append(minor_probs[i] >= thresholds["sexual/minors"]["minor"])
            continue
        if label == 0:
            benign_lang[row["lang"]].append(not flags)
        else:
            flagged_by[classes[label]].append(flags)
            by_lang[row["lang"]].append(flags)

    def pct(values: list[bool]) -> str:
        return f"{100 * sum(values) / max(1, len(values)):.1f}%"

    lines = ["out of fold: harmful flagged (review or block) / benign allowed"]
    lines += [f"  {name:<20} {pct(v)} of {len(v)}" for name, v in sorted(flagged_by.items())]
    lines += [
        f"  {lang}: harmful {pct(by_lang[lang])}, benign allowed {pct(benign_lang[lang])}"
        for lang in sorted(by_lang)
    ]
    lines.append(f"  minor subject recognised: {pct(minor_hits)} of {len(minor_hits)}")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
