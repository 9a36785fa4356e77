"""Teaching models, losses and optimizers by name (DESIGN §1 variants)."""

from __future__ import annotations

import math

import torch
import torch.nn as nn
import torch.optim as optim

from gradlab.core.config import ExperimentConfig
from gradlab.core.data import make_data, seeded_generator


def build_problem(cfg: ExperimentConfig) -> tuple[torch.Tensor, torch.Tensor, nn.Module]:
    """x, y and the untrained model, in the tutorial script's order (the data drawn
    first, then the weights) from a private generator seeded with cfg.seed: no
    other thread's use of the global generator can change them."""
    generator = seeded_generator(cfg.seed)
    x, y = make_data(cfg, generator)
    return x, y, build_model(cfg, generator)


def build_model(cfg: ExperimentConfig, generator: torch.Generator) -> nn.Module:
    """nn.Linear(1, 1) as in the tutorial, or Linear(1, H) -> Tanh -> Linear(H, 1).

    The layers are created uninitialised and then initialised exactly as
    nn.Linear.reset_parameters does, drawing from `generator`: the same values,
    in the same order, as the global generator would give after the same seed."""
    if cfg.model == "mlp":
        first = _linear(1, cfg.hidden, generator)
        second = _linear(cfg.hidden, 1, generator)
        return nn.Sequential(first, nn.Tanh(), second)
    return _linear(1, 1, generator)


def _linear(n_in: int, n_out: int, generator: torch.Generator) -> nn.Linear:
    layer = torch.nn.utils.skip_init(nn.Linear, n_in, n_out)
    # nn.Linear.reset_parameters (torch 2.x), with an explicit generator.
    nn.init.kaiming_uniform_(layer.weight, a=math.sqrt(5), generator=generator)
    fan_in, _ = nn.init._calculate_fan_in_and_fan_out(layer.weight)
    bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0
    nn.init.uniform_(layer.bias, -bound, bound, generator=generator)
    return layer


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
