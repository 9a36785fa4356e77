"""Teaching models, losses and optimizers by name (DESIGN §1 variants)."""

from __future__ import annotations

import torch
import torch.nn as nn
import torch.optim as optim

from gradlab.core.config import ExperimentConfig


def build_model(cfg: ExperimentConfig) -> nn.Module:
    """nn.Linear(1, 1) as in the tutorial, or Linear(1, H) -> Tanh -> Linear(H, 1)."""
    if cfg.model == "mlp":
        return nn.Sequential(nn.Linear(1, cfg.hidden), nn.Tanh(), nn.Linear(cfg.hidden, 1))
    return nn.Linear(1, 1)


def build_criterion(cfg: ExperimentConfig) -> nn.Module:
    return {"mse": nn.MSELoss, "l1": nn.L1Loss, "huber": nn.HuberLoss}[cfg.loss]()


def build_optimizer(cfg: ExperimentConfig, params) -> optim.Optimizer:
    name, lr = cfg.optimizer, cfg.lr
    if name == "momentum":
        return optim.SGD(params, lr=lr, momentum=cfg.momentum)
    if name == "nesterov":
        return optim.SGD(params, lr=lr, momentum=cfg.momentum, nesterov=True)
    if name == "adam":
        return optim.Adam(params, lr=lr)
    if name == "rmsprop":
        return optim.RMSprop(params, lr=lr)
    if name == "adagrad":
        return optim.Adagrad(params, lr=lr)
    return optim.SGD(params, lr=lr)


def make_loader(cfg: ExperimentConfig, x: torch.Tensor, y: torch.Tensor):
    """The shuffled mini-batch loader of DESIGN §1, or None for full-batch training."""
    if cfg.full_batch:
        return None
    from torch.utils.data import DataLoader, TensorDataset

    return DataLoader(
        TensorDataset(x, y),
        batch_size=cfg.batch_size,
        shuffle=True,
        generator=torch.Generator().manual_seed(cfg.seed),
    )
