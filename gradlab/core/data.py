"""The datasets GradLab trains on, built exactly as the tutorial builds them.

Call only right after `torch.manual_seed(seed)`: the parity contract (DESIGN §1)
depends on drawing x, then the noise, in this order from the global generator.
"""

from __future__ import annotations

import torch

from gradlab.core.config import ExperimentConfig


def make_data(cfg: ExperimentConfig) -> tuple[torch.Tensor, torch.Tensor]:
    """x ~ N(0, 1) of shape (samples, 1) and its target y, with optional noise."""
    x = torch.randn(cfg.samples, 1)
    y = target_function(cfg, x)
    if cfg.noise > 0:
        y = y + cfg.noise * torch.randn(cfg.samples, 1)
    return x, y


def target_function(cfg: ExperimentConfig, x: torch.Tensor) -> torch.Tensor:
    """The noiseless truth the model should learn."""
    if cfg.target == "sin":
        return torch.sin(x)
    return cfg.true_w * x + cfg.true_b
