"""The built-in model's UNet and sampler in plain torch, so ``safegen generate`` starts without
diffusers.

Why: importing diffusers costs about 2.4 s (it pulls in transformers, torch's
compiler, scipy and sympy), four times the image itself. The built-in folder
stays in diffusers' ``save_pretrained`` layout and ``ScenesPipeline`` still
reads it (training, and anyone who wants diffusers' classes); this module
reads the same ``unet/config.json``, ``unet/diffusion_pytorch_model.safetensors``
and ``scheduler/scheduler_config.json`` and computes what diffusers'
``UNet2DConditionModel`` and ``DPMSolverMultistepScheduler`` compute, in the
same float32 operations. ``tests/test_builtin_runtime.py`` checks image for
image that both paths give the same pixels.

Only the architecture and solver the built-in model uses are implemented
(down/up blocks with and without cross-attention, a cross-attention middle
block, a projected class embedding; DPM-Solver++ of order 2 with a cosine
schedule). A configuration that asks for anything else is refused, naming the
key, rather than computed differently.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F

from safegen.errors import BackendError

UNET_SUPPORTED: dict[str, tuple[Any, ...]] = {
    "act_fn": ("silu",),
    "addition_embed_type": (None,),
    "attention_type": ("default",),
    "center_input_sample": (False,),
    "class_embed_type": (None, "projection"),
    "class_embeddings_concat": (False,),
    "conv_in_kernel": (3,),
    "conv_out_kernel": (3,),
    "cross_attention_norm": (None,),
    "dual_cross_attention": (False,),
    "encoder_hid_dim_type": (None,),
    "mid_block_type": ("UNetMidBlock2DCrossAttn",),
    "mid_block_scale_factor": (1, 1.0),
    "only_cross_attention": (False,),
    "resnet_out_scale_factor": (1, 1.0),
    "resnet_skip_time_act": (False,),
    "resnet_time_scale_shift": ("default",),
    "time_cond_proj_dim": (None,),
    "time_embedding_act_fn": (None,),
    "time_embedding_dim": (None,),
    "time_embedding_type": ("positional",),
    "timestep_post_act": (None,),
    "transformer_layers_per_block": (1,),
    "upcast_attention": (False,),
    "use_linear_projection": (False,),
}
"""Configuration values this module computes; any other value is refused."""

SCHEDULER_SUPPORTED: dict[str, tuple[Any, ...]] = {
    "algorithm_type": ("dpmsolver++",),
    "beta_schedule": ("squaredcos_cap_v2",),
    "euler_at_final": (False,),
    "final_sigmas_type": ("zero",),
    "lambda_min_clipped": (-math.inf,),
    "prediction_type": ("v_prediction",),
    "rescale_betas_zero_snr": (False,),
    "solver_order": (2,),
    "solver_type": ("midpoint",),
    "thresholding": (False,),
    "timestep_spacing": ("linspace",),
    "use_beta_sigmas": (False,),
    "use_dynamic_shifting": (False,),
    "use_exponential_sigmas": (False,),
    "use_flow_sigmas": (False,),
    "use_karras_sigmas": (False,),
    "use_lu_lambdas": (False,),
}


def read_config(path: Path, supported: dict[str, tuple[Any, ...]]) -> dict[str, Any]:
    """A diffusers configuration file, refused if it asks for what this module does not compute."""
    try:
        config: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackendError(f"cannot read {path}: {exc}") from exc
    for key, values in supported.items():
        if key in config and config[key] not in values:
            raise BackendError(
                f"{path}: {key} = {config[key]!r} is not computed by safegen's built-in "
                f"runtime (it computes {', '.join(repr(v) for v in values)}); "
                "use --backend diffusers for this folder"
            )
    return config


class UNet:
    """``UNet2DConditionModel.forward`` for the configurations :data:`UNET_SUPPORTED` allows."""

    def __init__(
        self, folder: Path, *, dtype: torch.dtype = torch.float32, device: Any = "cpu"
    ) -> None:
        from safetensors.torch import load_file

        config = read_config(folder / "config.json", UNET_SUPPORTED)
        self.config = config
        weights = folder / "diffusion_pytorch_model.safetensors"
        try:  # stored in float16; computed in ``dtype``, as diffusers' ``torch_dtype`` does
            self.weights = {
                k: v.to(device=device, dtype=dtype) for k, v in load_file(str(weights)).items()
            }
        except (OSError, ValueError, RuntimeError) as exc:
            raise BackendError(f"cannot read {weights}: {exc}") from exc
        self.channels = [int(c) for c in config["block_out_channels"]]
        self.down_types = list(config["down_block_types"])
        self.up_types = list(config["up_block_types"])
        known = {"DownBlock2D", "CrossAttnDownBlock2D", "UpBlock2D", "CrossAttnUpBlock2D"}
        for kind in (*self.down_types, *self.up_types):
            if kind not in known:
                raise BackendError(f"{folder / 'config.json'}: block type {kind} is not computed")
        self.layers = int(config["layers_per_block"])
        self.groups = int(config["norm_num_groups"])
        self.eps = float(config["norm_eps"])
        heads = config.get("num_attention_heads") or config["attention_head_dim"]
        if not isinstance(heads, int):
            raise BackendError(f"{folder / 'config.json'}: per-block attention heads not computed")
        self.heads = heads
        self.flip_sin_to_cos = bool(config["flip_sin_to_cos"])
        self.freq_shift = float(config["freq_shift"])
        self.sample_size = int(config["sample_size"])

    def __call__(
        self,
        sample: torch.Tensor,
        timestep: torch.Tensor,
        context: torch.Tensor,
        class_labels: torch.Tensor | None,
    ) -> torch.Tensor:
        """The model output (v, here) for ``sample`` at ``timestep``; ``context`` is (batch,
        tokens, dim) for cross-attention, ``class_labels`` (batch, dim) for the projection."""
        emb = self._embedding("time_embedding", self._timestep_features(timestep, sample))
        if self.config.get("class_embed_type") == "projection":
            if class_labels is None:
                raise BackendError("this UNet needs class labels (the projected condition)")
            emb = emb + self._embedding("class_embedding", class_labels.to(sample.dtype))
        x = self._conv(sample, "conv_in")
        skips = [x]
        for b, kind in enumerate(self.down_types):
            for i in range(self.layers):
                x = self._resnet(x, emb, f"down_blocks.{b}.resnets.{i}")
                if kind.startswith("CrossAttn"):
                    x = self._transformer(x, context, f"down_blocks.{b}.attentions.{i}")
                skips.append(x)
            if b < len(self.down_types) - 1:
                x = self._conv(x, f"down_blocks.{b}.downsamplers.0.conv", stride=2)
                skips.append(x)
        x = self._resnet(x, emb, "mid_block.resnets.0")
        x = self._transformer(x, context, "mid_block.attentions.0")
        x = self._resnet(x, emb, "mid_block.resnets.1")
        for b, kind in enumerate(self.up_types):
            for i in range(self.layers + 1):
                x = self._resnet(
                    torch.cat([x, skips.pop()], dim=1), emb, f"up_blocks.{b}.resnets.{i}"
                )
                if kind.startswith("CrossAttn"):
                    x = self._transformer(x, context, f"up_blocks.{b}.attentions.{i}")
            if b < len(self.up_types) - 1:
                x = F.interpolate(x, scale_factor=2.0, mode="nearest")
                x = self._conv(x, f"up_blocks.{b}.upsamplers.0.conv")
        x = F.silu(self._group_norm(x, "conv_norm_out", self.eps))
        return self._conv(x, "conv_out")

    def _timestep_features(self, timestep: torch.Tensor, sample: torch.Tensor) -> torch.Tensor:
        """Sinusoidal features of the timestep (diffusers' ``Timesteps`` projection)."""
        steps = timestep.reshape(-1).expand(sample.shape[0])
        half = self.channels[0] // 2
        exponent = -math.log(10000) * torch.arange(0, half, dtype=torch.float32)
        frequencies = torch.exp(exponent / (half - self.freq_shift))
        angles = steps[:, None].float() * frequencies[None, :]
        sin, cos = torch.sin(angles), torch.cos(angles)
        features = torch.cat([cos, sin] if self.flip_sin_to_cos else [sin, cos], dim=-1)
        return features.to(sample.device, sample.dtype)

    def _linear(self, x: torch.Tensor, name: str) -> torch.Tensor:
        return F.linear(x, self.weights[name + ".weight"], self.weights.get(name + ".bias"))

    def _conv(self, x: torch.Tensor, name: str, *, stride: int = 1) -> torch.Tensor:
        weight = self.weights[name + ".weight"]
        padding = weight.shape[-1] // 2
        return F.conv2d(x, weight, self.weights[name + ".bias"], stride=stride, padding=padding)

    def _group_norm(self, x: torch.Tensor, name: str, eps: float) -> torch.Tensor:
        w = self.weights
        return F.group_norm(x, self.groups, w[name + ".weight"], w[name + ".bias"], eps)

    def _layer_norm(self, x: torch.Tensor, name: str) -> torch.Tensor:
        w = self.weights
        return F.layer_norm(x, x.shape[-1:], w[name + ".weight"], w[name + ".bias"], 1e-5)

    def _embedding(self, name: str, x: torch.Tensor) -> torch.Tensor:
        return self._linear(F.silu(self._linear(x, name + ".linear_1")), name + ".linear_2")

    def _resnet(self, x: torch.Tensor, emb: torch.Tensor, p: str) -> torch.Tensor:
        h = self._conv(F.silu(self._group_norm(x, p + ".norm1", self.eps)), p + ".conv1")
        h = h + self._linear(F.silu(emb), p + ".time_emb_proj")[:, :, None, None]
        h = self._conv(F.silu(self._group_norm(h, p + ".norm2", self.eps)), p + ".conv2")
        if p + ".conv_shortcut.weight" in self.weights:
            x = self._conv(x, p + ".conv_shortcut")
        return x + h

    def _transformer(self, x: torch.Tensor, context: torch.Tensor, p: str) -> torch.Tensor:
        """``Transformer2DModel``, one ``BasicTransformerBlock``: self-, cross-attention, GEGLU."""
        batch, channels, height, width = x.shape
        h = self._conv(self._group_norm(x, p + ".norm", 1e-6), p + ".proj_in")
        h = h.permute(0, 2, 3, 1).reshape(batch, height * width, channels)
        b = p + ".transformer_blocks.0"
        normed = self._layer_norm(h, b + ".norm1")
        h = h + self._attention(normed, normed, b + ".attn1")
        h = h + self._attention(self._layer_norm(h, b + ".norm2"), context, b + ".attn2")
        value, gate = self._linear(self._layer_norm(h, b + ".norm3"), b + ".ff.net.0.proj").chunk(
            2, dim=-1
        )
        h = h + self._linear(value * F.gelu(gate), b + ".ff.net.2")
        h = h.reshape(batch, height, width, channels).permute(0, 3, 1, 2).contiguous()
        return self._conv(h, p + ".proj_out") + x

    def _attention(self, x: torch.Tensor, context: torch.Tensor, p: str) -> torch.Tensor:
        batch = x.shape[0]

        def heads(t: torch.Tensor) -> torch.Tensor:
            return t.view(batch, -1, self.heads, t.shape[-1] // self.heads).transpose(1, 2)

        q = heads(self._linear(x, p + ".to_q"))
        k = heads(self._linear(context, p + ".to_k"))
        v = heads(self._linear(context, p + ".to_v"))
        out = F.scaled_dot_product_attention(q, k, v)
        out = out.transpose(1, 2).reshape(batch, -1, q.shape[1] * q.shape[-1])
        return self._linear(out, p + ".to_out.0")


class DPMSolver:
    """DPM-Solver++ (2M) as diffusers' ``DPMSolverMultistepScheduler`` computes it for the
    configurations :data:`SCHEDULER_SUPPORTED` allows: a cosine (``squaredcos_cap_v2``)
    schedule, v-prediction, evenly spaced timesteps, a final first-order step to sigma 0.

    One instance runs one trajectory: :meth:`set_timesteps`, then :meth:`step` per timestep.
    """

    def __init__(self, path: Path) -> None:
        config = read_config(path, SCHEDULER_SUPPORTED)
        self.train_steps = int(config["num_train_timesteps"])
        betas = []
        for i in range(self.train_steps):  # the Glide cosine schedule, capped at 0.999
            t1, t2 = i / self.train_steps, (i + 1) / self.train_steps
            betas.append(min(1 - _alpha_bar(t2) / _alpha_bar(t1), 0.999))
        self.alphas_cumprod = torch.cumprod(1.0 - torch.tensor(betas, dtype=torch.float32), dim=0)
        self.timesteps = torch.zeros(0, dtype=torch.int64)
        self.sigmas = torch.zeros(0)
        self._index = 0
        self._previous: torch.Tensor | None = None

    def set_timesteps(self, steps: int, *, begin: int = 0) -> torch.Tensor:
        """The timesteps of a ``steps``-step run, from index ``begin`` on (image-to-image)."""
        import numpy as np

        timesteps = (
            np.linspace(0, self.train_steps - 1, steps + 1)
            .round()[::-1][:-1]
            .copy()
            .astype(np.int64)
        )
        all_sigmas = np.array(((1 - self.alphas_cumprod) / self.alphas_cumprod) ** 0.5)
        sigmas = np.interp(timesteps, np.arange(0, len(all_sigmas)), all_sigmas)
        self.sigmas = torch.from_numpy(np.concatenate([sigmas, [0]]).astype(np.float32))
        self.timesteps = torch.from_numpy(timesteps)
        self._index = begin
        self._previous = None
        return self.timesteps[begin:]

    def add_noise(self, start: torch.Tensor, noise: torch.Tensor) -> torch.Tensor:
        """``start`` noised to the first timestep of the run (image-to-image)."""
        alpha, sigma = _alpha_sigma(self.sigmas[self._index])
        return alpha * start + sigma * noise

    def step(self, model_output: torch.Tensor, sample: torch.Tensor) -> torch.Tensor:
        """One solver step: the sample at the next timestep."""
        i = self._index
        alpha_s0, sigma_s0 = _alpha_sigma(self.sigmas[i])
        alpha_t, sigma_t = _alpha_sigma(self.sigmas[i + 1])
        x0 = alpha_s0 * sample - sigma_s0 * model_output  # v-prediction to the data estimate
        h = _lambda(alpha_t, sigma_t) - _lambda(alpha_s0, sigma_s0)
        last = i == len(self.timesteps) - 1  # final_sigmas_type "zero": the last step is Euler
        if self._previous is None or last:
            out = (sigma_t / sigma_s0) * sample - (alpha_t * (torch.exp(-h) - 1.0)) * x0
        else:
            alpha_s1, sigma_s1 = _alpha_sigma(self.sigmas[i - 1])
            r0 = (_lambda(alpha_s0, sigma_s0) - _lambda(alpha_s1, sigma_s1)) / h
            d1 = (1.0 / r0) * (x0 - self._previous)
            out = (
                (sigma_t / sigma_s0) * sample
                - (alpha_t * (torch.exp(-h) - 1.0)) * x0
                - 0.5 * (alpha_t * (torch.exp(-h) - 1.0)) * d1
            )
        self._previous = x0
        self._index += 1
        return out.to(model_output.dtype)


def _alpha_bar(t: float) -> float:
    return math.cos((t + 0.008) / 1.008 * math.pi / 2) ** 2


def _alpha_sigma(sigma: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    alpha = 1 / ((sigma**2 + 1) ** 0.5)
    return alpha, sigma * alpha


def _lambda(alpha: torch.Tensor, sigma: torch.Tensor) -> torch.Tensor:
    return torch.log(alpha) - torch.log(sigma)


class ScenesRuntime:
    """What ``ScenesPipeline.__call__`` computes, from the same folder, without diffusers."""

    def __init__(
        self, folder: Path, *, dtype: torch.dtype = torch.float32, device: Any = "cpu"
    ) -> None:
        self.unet = UNet(folder / "unet", dtype=dtype, device=device)
        self.dtype, self.device = dtype, device
        self.scheduler_config = folder / "scheduler" / "scheduler_config.json"
        DPMSolver(self.scheduler_config)  # a configuration it cannot compute fails at load

    def sha256(self, folder: Path) -> str:
        """:func:`~safegen.backends.base.sha256_pipeline` of ``ScenesPipeline`` loaded from
        ``folder`` in this dtype, computed from the files (the test checks they agree)."""
        from safegen.backends.base import sha256_components, sha256_tensors

        index = read_config(folder / "model_index.json", {})
        scheduler = read_config(self.scheduler_config, {})
        return sha256_components(
            {
                "scheduler": (index["scheduler"][1], scheduler, b""),
                "unet": (
                    index["unet"][1],
                    self.unet.config,
                    sha256_tensors("unet", self.unet.weights).encode(),
                ),
            }
        )

    def __call__(
        self,
        condition: torch.Tensor,
        *,
        steps: int,
        guidance_scale: float,
        generator: torch.Generator,
        image: Any = None,
        strength: float = 0.6,
    ) -> Any:
        """(n, size, size, 3) uint8 images for ``condition`` (n, dim) prompt embeddings."""
        n, size = condition.shape[0], self.unet.sample_size
        noise = torch.randn((n, 3, size, size), generator=generator, dtype=torch.float32)
        noise, condition = noise.to(self.device), condition.to(self.device, self.dtype)
        scheduler = DPMSolver(self.scheduler_config)
        if image is None:
            timesteps = scheduler.set_timesteps(steps)
            sample = noise
        else:
            keep = img2img_steps(steps, strength)
            timesteps = scheduler.set_timesteps(steps, begin=steps - keep)
            start = image_to_sample(image, size, n).to(self.device)
            sample = scheduler.add_noise(start, noise)
        both = torch.cat([torch.zeros_like(condition), condition])
        for t in timesteps:
            model_input = torch.cat([sample, sample]).to(self.dtype)
            out = self.unet(model_input, t, both[:, None, :], both).float()
            uncond, cond = out[:n], out[n:]
            sample = scheduler.step(uncond + guidance_scale * (cond - uncond), sample)
        return sample_to_uint8(sample.cpu())


def img2img_steps(steps: int, strength: float) -> int:
    """How many of ``steps`` an image-to-image run at ``strength`` denoises (at least one)."""
    if not 0.0 < strength <= 1.0:
        raise ValueError(f"strength must be in (0, 1], got {strength}")
    return max(1, min(steps, round(steps * strength)))


def image_to_sample(image: Any, size: int, n: int) -> torch.Tensor:
    """A PIL image reduced to the model's size, in [-1, 1], repeated ``n`` times."""
    import numpy as np
    from PIL import Image

    small = image.convert("RGB").resize((size, size), Image.Resampling.BOX)
    start = torch.from_numpy(np.asarray(small, np.float32) / 127.5 - 1.0)
    return start.permute(2, 0, 1)[None].repeat(n, 1, 1, 1)


def sample_to_uint8(sample: torch.Tensor) -> Any:
    """(n, 3, h, w) in [-1, 1] to (n, h, w, 3) uint8."""
    array = ((sample.clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8)
    return array.permute(0, 2, 3, 1).numpy()
