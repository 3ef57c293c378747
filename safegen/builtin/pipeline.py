"""The built-in text-to-image diffusion pipeline, in diffusers' own classes.

``ScenesPipeline`` is a ``DiffusionPipeline`` with two registered components,
a ``UNet2DConditionModel`` working in pixel space at 32x32 and a
``DPMSolverMultistepScheduler``; ``save_pretrained`` writes it and
``ScenesPipeline.from_pretrained(folder)`` reads it back like any diffusers
model. The prompt is encoded by all-MiniLM-L6-v2 (the sentence embedding the
policy's semantic rules already load, so it is not stored twice); the UNet
sees it twice: projected into the timestep embedding (``class_embed_type =
"projection"``) and as a one-token cross-attention context. The unconditional
embedding is the zero vector (the condition was dropped to zeros 10% of the
time in training), which gives classifier-free guidance.

Image-to-image (SDEdit): with ``image`` and ``strength`` the input, reduced to
the model's 32x32, is noised to ``strength`` of the schedule and denoised from
there under the prompt.
"""

from __future__ import annotations

import numpy as np
import torch
from diffusers.models.unets.unet_2d_condition import UNet2DConditionModel
from diffusers.pipelines.pipeline_utils import DiffusionPipeline
from diffusers.schedulers.scheduling_dpmsolver_multistep import DPMSolverMultistepScheduler
from diffusers.utils import BaseOutput
from PIL import Image

from safegen.builtin.runtime import image_to_sample, img2img_steps, sample_to_uint8
from safegen.policy.semantic import prompt_condition

TEXT_DIM = 384
"""all-MiniLM-L6-v2's sentence embedding."""


def make_unet(
    sample_size: int = 32, channels: tuple[int, ...] = (64, 128, 128)
) -> UNet2DConditionModel:
    """The built-in UNet: cross-attention at the lowest resolution only (6.1M parameters)."""
    last = len(channels) - 1
    return UNet2DConditionModel(
        sample_size=sample_size,
        in_channels=3,
        out_channels=3,
        block_out_channels=channels,
        layers_per_block=1,
        down_block_types=tuple(
            "CrossAttnDownBlock2D" if i == last else "DownBlock2D" for i in range(len(channels))
        ),
        up_block_types=tuple(
            "CrossAttnUpBlock2D" if i == 0 else "UpBlock2D" for i in range(len(channels))
        ),
        cross_attention_dim=TEXT_DIM,
        attention_head_dim=8,
        norm_num_groups=16,
        class_embed_type="projection",
        projection_class_embeddings_input_dim=TEXT_DIM,
    )


def make_scheduler() -> DPMSolverMultistepScheduler:
    """Cosine noise schedule, v-prediction, DPM-Solver++ (2M) for sampling."""
    return DPMSolverMultistepScheduler(
        num_train_timesteps=1000,
        beta_schedule="squaredcos_cap_v2",
        prediction_type="v_prediction",
        algorithm_type="dpmsolver++",
        solver_order=2,
    )


class ScenesOutput(BaseOutput):
    images: list[Image.Image] | np.ndarray


class ScenesPipeline(DiffusionPipeline):
    """Text to 32x32 RGB with classifier-free guidance; see the module docstring."""

    def __init__(self, unet: UNet2DConditionModel, scheduler: DPMSolverMultistepScheduler) -> None:
        super().__init__()
        self.register_modules(unet=unet, scheduler=scheduler)

    def _denoise(
        self,
        sample: torch.Tensor,
        condition: torch.Tensor,
        guidance_scale: float,
        timesteps: torch.Tensor,
    ) -> torch.Tensor:
        n = sample.shape[0]
        both = torch.cat([torch.zeros_like(condition), condition])
        for t in timesteps:
            model_input = self.scheduler.scale_model_input(torch.cat([sample, sample]), t)
            out = self.unet(
                model_input,
                t,
                encoder_hidden_states=both[:, None, :],
                class_labels=both,
            ).sample
            uncond, cond = out[:n], out[n:]
            guided = uncond + guidance_scale * (cond - uncond)
            sample = self.scheduler.step(guided, t, sample).prev_sample
        return sample

    @torch.inference_mode()
    def __call__(
        self,
        prompt: str | list[str],
        num_inference_steps: int = 15,
        guidance_scale: float = 3.0,
        generator: torch.Generator | None = None,
        image: Image.Image | None = None,
        strength: float = 0.6,
        output_type: str = "pil",
        prompt_embeds: torch.Tensor | None = None,
    ) -> ScenesOutput:
        prompts = [prompt] if isinstance(prompt, str) else list(prompt)
        condition = prompt_embeds if prompt_embeds is not None else prompt_condition(prompts)
        size = int(self.unet.config.sample_size)
        shape = (len(prompts), 3, size, size)
        noise = torch.randn(shape, generator=generator, dtype=torch.float32)
        self.scheduler.set_timesteps(num_inference_steps)
        timesteps = self.scheduler.timesteps
        if image is None:
            sample = noise * self.scheduler.init_noise_sigma
        else:
            keep = img2img_steps(num_inference_steps, strength)
            timesteps = timesteps[num_inference_steps - keep :]
            self.scheduler.set_begin_index(num_inference_steps - keep)
            start = image_to_sample(image, size, len(prompts))
            sample = self.scheduler.add_noise(start, noise, timesteps[:1])
        sample = self._denoise(sample, condition, guidance_scale, timesteps)
        array_np = sample_to_uint8(sample)
        if output_type == "np":
            return ScenesOutput(images=array_np)
        return ScenesOutput(images=[Image.fromarray(a) for a in array_np])
