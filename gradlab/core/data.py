"""The datasets GradLab trains on, built exactly as the tutorial builds them.

The tutorial draws from the global generator right after `torch.manual_seed`;
GradLab draws the same numbers, in the same order (x, then the noise, then the
model's weights: see models.py), from a private generator seeded the same way,
so no other thread's use of the global generator can ever change them.

With the student's own data (`cfg.data`) nothing is drawn for the data: x and y
are float32 tensors of shape (N, 1) in the data's order, and the generator's
first draws are the model's weights, as after `torch.manual_seed(seed)` alone.
"""

from __future__ import annotations

import torch

from gradlab.core.config import ExperimentConfig


def seeded_generator(seed: int) -> torch.Generator:
    """What `torch.manual_seed(seed)` makes of the global CPU generator."""
    return torch.Generator().manual_seed(seed)


def make_data(
    cfg: ExperimentConfig, generator: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor]:
    """x ~ N(0, 1) of shape (samples, 1) and its target y, with optional noise;
    or the experiment's own data, drawing nothing."""
    if cfg.data is not None:
        return own_data_tensors(cfg.data)
    x = torch.randn(cfg.samples, 1, generator=generator)
    y = target_function(cfg, x)
    if cfg.noise > 0:
        y = y + cfg.noise * torch.randn(cfg.samples, 1, generator=generator)
    return x, y


def own_data_tensors(points) -> tuple[torch.Tensor, torch.Tensor]:
    """x and y of DataPoints as the script builds them: float32, shape (N, 1)."""
    x = torch.tensor(points.x, dtype=torch.float32).reshape(-1, 1)
    y = torch.tensor(points.y, dtype=torch.float32).reshape(-1, 1)
    return x, y


def target_function(cfg: ExperimentConfig, x: torch.Tensor) -> torch.Tensor:
    """The noiseless truth the model should learn."""
    if cfg.target == "sin":
        return torch.sin(x)
    return cfg.true_w * x + cfg.true_b
