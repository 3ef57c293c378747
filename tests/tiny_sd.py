"""A tiny, untrained Stable Diffusion pipeline built from configs, for tests of the
generic diffusers path (``DiffusionPipeline.from_pretrained`` on a folder).

It used to be the shipped built-in model (safegen 0.1); the trained scenes
model replaced it, and it stays here as a real StableDiffusionPipeline folder
that tests can build in a second.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any


def _bytes_to_unicode() -> dict[int, str]:
    """The byte-level alphabet of CLIP/GPT-2 BPE: every byte gets a printable character."""
    printable = (
        list(range(ord("!"), ord("~") + 1))
        + list(range(ord("¡"), ord("¬") + 1))
        + list(range(ord("®"), ord("ÿ") + 1))
    )
    chars = printable[:]
    extra = 0
    for byte in range(256):
        if byte not in printable:
            printable.append(byte)
            chars.append(256 + extra)
            extra += 1
    return dict(zip(printable, map(chr, chars), strict=True))


def _character_tokenizer(folder: Path) -> Any:
    """A CLIP tokenizer whose vocabulary is the byte alphabet with no merges.

    Why: a real CLIP vocabulary is 1.6 MB and needs a download; a character
    vocabulary is 514 entries and still tokenises any text.
    """
    from transformers import CLIPTokenizer

    alphabet = list(_bytes_to_unicode().values())
    vocab = {ch: i for i, ch in enumerate(alphabet)}
    vocab.update({ch + "</w>": len(alphabet) + i for i, ch in enumerate(alphabet)})
    vocab["<|startoftext|>"] = len(vocab)
    vocab["<|endoftext|>"] = len(vocab)
    (folder / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
    (folder / "merges.txt").write_text("#version: 0.2\n", encoding="utf-8")
    return CLIPTokenizer(
        str(folder / "vocab.json"), str(folder / "merges.txt"), model_max_length=77
    )


def make_tiny_pipeline(
    out_dir: str | Path | None = None,
    *,
    seed: int = 0,
    latent_size: int = 32,
    unet_channels: tuple[int, int] = (32, 64),
    text_dim: int = 64,
) -> Any:
    """Build a small StableDiffusionPipeline from configs (random weights, fixed seed).

    With ``out_dir`` the pipeline is also written with ``save_pretrained``, the
    layout that ``DiffusionPipeline.from_pretrained`` reads back.
    """
    import torch
    from diffusers import (
        AutoencoderKL,
        DDIMScheduler,
        StableDiffusionPipeline,
        UNet2DConditionModel,
    )
    from transformers import CLIPTextConfig, CLIPTextModel

    with tempfile.TemporaryDirectory() as tmp:
        tokenizer = _character_tokenizer(Path(tmp))
    torch.manual_seed(seed)
    eos = tokenizer.convert_tokens_to_ids("<|endoftext|>")
    text_encoder = CLIPTextModel(
        CLIPTextConfig(
            vocab_size=len(tokenizer),
            hidden_size=text_dim,
            intermediate_size=text_dim * 2,
            num_hidden_layers=2,
            num_attention_heads=4,
            max_position_embeddings=77,
            bos_token_id=tokenizer.convert_tokens_to_ids("<|startoftext|>"),
            eos_token_id=eos,
            pad_token_id=eos,
        )
    )
    unet = UNet2DConditionModel(
        sample_size=latent_size,
        in_channels=4,
        out_channels=4,
        block_out_channels=unet_channels,
        layers_per_block=1,
        down_block_types=("CrossAttnDownBlock2D", "DownBlock2D"),
        up_block_types=("UpBlock2D", "CrossAttnUpBlock2D"),
        cross_attention_dim=text_dim,
        attention_head_dim=8,
        norm_num_groups=16,
    )
    vae = AutoencoderKL(
        in_channels=3,
        out_channels=3,
        block_out_channels=(16, 32, 32, 32),
        down_block_types=("DownEncoderBlock2D",) * 4,
        up_block_types=("UpDecoderBlock2D",) * 4,
        latent_channels=4,
        norm_num_groups=16,
        layers_per_block=1,
        sample_size=latent_size * 8,
    )
    scheduler = DDIMScheduler(
        beta_start=0.00085,
        beta_end=0.012,
        beta_schedule="scaled_linear",
        clip_sample=False,
        set_alpha_to_one=False,
        steps_offset=1,
    )
    pipeline = StableDiffusionPipeline(
        vae=vae,
        text_encoder=text_encoder,
        tokenizer=tokenizer,
        unet=unet,
        scheduler=scheduler,
        safety_checker=None,
        feature_extractor=None,
        requires_safety_checker=False,
    )
    if out_dir is not None:
        pipeline.save_pretrained(str(out_dir))  # type: ignore[attr-defined]
    return pipeline
