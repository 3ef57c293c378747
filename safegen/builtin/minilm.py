"""all-MiniLM-L6-v2's forward pass in plain torch: the built-in models start without transformers.

Why not ``transformers.AutoModel``: importing transformers costs about 1.5 s
of a cold ``safegen generate`` that needs one six-layer BERT. This module reads
the same ``model.safetensors`` and ``tokenizer.json`` (with the ``tokenizers``
library, the Rust tokenizer transformers itself wraps) and computes the same
last hidden states; ``tests/test_builtin_runtime.py`` checks them against
transformers' ``BertModel`` on prompts in several scripts.

Only what a BERT encoder in inference needs is here: absolute position
embeddings, post-layer-norm blocks, exact GELU, no dropout. A folder whose
``config.json`` asks for anything else is refused with the key that differs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F

from safegen.errors import PolicyError

EXPECTED = {
    "model_type": "bert",
    "hidden_act": "gelu",
    "position_embedding_type": "absolute",
}


class MiniLM:
    """A BERT encoder from a sentence-transformers folder: ``tokenize`` then ``hidden_states``."""

    def __init__(self, folder: Path, *, max_tokens: int) -> None:
        from safetensors.torch import load_file
        from tokenizers import Tokenizer

        config: dict[str, Any] = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        for key, value in EXPECTED.items():
            if config.get(key, value) != value:
                raise PolicyError(
                    f"{folder / 'config.json'}: {key} is {config.get(key)!r}; "
                    f"safegen's encoder computes {value!r} only"
                )
        self.layers = int(config["num_hidden_layers"])
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config["layer_norm_eps"])
        self.weights = load_file(str(folder / "model.safetensors"))
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=max_tokens)
        pad_id = int(config.get("pad_token_id", 0))
        self.tokenizer.enable_padding(pad_id=pad_id, pad_token=self.tokenizer.id_to_token(pad_id))

    def tokenize(self, texts: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
        """Token ids and attention mask, (batch, length) int64, padded to the longest text."""
        encodings = self.tokenizer.encode_batch(texts)
        ids = torch.tensor([e.ids for e in encodings], dtype=torch.int64)
        mask = torch.tensor([e.attention_mask for e in encodings], dtype=torch.int64)
        return ids, mask

    def hidden_states(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """The last layer's hidden states, (batch, length, hidden)."""
        w = self.weights
        length = ids.shape[1]
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length][None]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self._norm(x, "embeddings.LayerNorm")
        keep = mask.bool()[:, None, None, :]  # padding keys are not attended to
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            x = self._norm(
                x + self._attention(x, keep, p + "attention."), p + "attention.output.LayerNorm"
            )
            inner = F.gelu(self._linear(x, p + "intermediate.dense"))
            x = self._norm(x + self._linear(inner, p + "output.dense"), p + "output.LayerNorm")
        return x

    def _linear(self, x: torch.Tensor, name: str) -> torch.Tensor:
        return F.linear(x, self.weights[name + ".weight"], self.weights[name + ".bias"])

    def _norm(self, x: torch.Tensor, name: str) -> torch.Tensor:
        w = self.weights
        return F.layer_norm(x, x.shape[-1:], w[name + ".weight"], w[name + ".bias"], self.eps)

    def _attention(self, x: torch.Tensor, keep: torch.Tensor, p: str) -> torch.Tensor:
        batch, length, hidden = x.shape

        def heads(name: str) -> torch.Tensor:
            y = self._linear(x, p + "self." + name)
            return y.view(batch, length, self.heads, hidden // self.heads).transpose(1, 2)

        context = F.scaled_dot_product_attention(
            heads("query"), heads("key"), heads("value"), attn_mask=keep
        )
        return self._linear(
            context.transpose(1, 2).reshape(batch, length, hidden), p + "output.dense"
        )
