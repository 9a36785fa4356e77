"""The loss over (w, b) for the linear model, its closed-form optimum, and the
largest stable learning rate where one exists.

Everything is computed with torch on the session's real data and with the real
loss module, vectorised over a grid: evaluating `criterion(model(x), y)` at each
(w, b) would give the same numbers (a test checks that), only slower.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F

# The kinds of limit (LrLimit.kind), from the torch-free module that decides them.
from gradlab.core.lr_limits import LIMIT_NONE, limit_kind


@dataclass(frozen=True)
class Surface:
    """Loss values on a grid: `loss[i][j]` is the loss at w = ws[j], b = bs[i]."""

    ws: tuple[float, ...]
    bs: tuple[float, ...]
    loss: tuple[tuple[float, ...], ...]


def _loss_fn(kind: str):
    return {"mse": F.mse_loss, "l1": F.l1_loss, "huber": F.huber_loss}[kind]


def loss_at(x: torch.Tensor, y: torch.Tensor, ws: torch.Tensor, bs: torch.Tensor, kind: str):
    """Loss for every pair (ws[k], bs[k]) (1-D tensors of equal length), vectorised:
    predictions of shape (k, n) against the same targets, reduced per row."""
    x_row, y_row = x.reshape(1, -1), y.reshape(1, -1)
    pred = ws.reshape(-1, 1) * x_row + bs.reshape(-1, 1)
    per_sample = _loss_fn(kind)(pred, y_row.expand_as(pred), reduction="none")
    return per_sample.mean(dim=1)


def surface(
    x: torch.Tensor,
    y: torch.Tensor,
    kind: str,
    w_range: tuple[float, float],
    b_range: tuple[float, float],
    steps: int = 80,
    chunk: int = 1 << 21,
) -> Surface:
    """The loss on a steps × steps grid. Large datasets are evaluated in chunks so
    memory stays bounded (k·n values at a time)."""
    ws = torch.linspace(*w_range, steps)
    bs = torch.linspace(*b_range, steps)
    bb, ww = torch.meshgrid(bs, ws, indexing="ij")
    flat_w, flat_b = ww.reshape(-1), bb.reshape(-1)
    rows = max(1, chunk // max(1, x.numel()))
    with torch.no_grad():
        parts = [
            loss_at(x, y, flat_w[i : i + rows], flat_b[i : i + rows], kind)
            for i in range(0, flat_w.numel(), rows)
        ]
    values = torch.cat(parts).reshape(steps, steps)
    return Surface(tuple(ws.tolist()), tuple(bs.tolist()), tuple(map(tuple, values.tolist())))


def optimum(x: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
    """The least-squares (w, b): what MSE training converges to."""
    design = torch.cat([x.reshape(-1, 1), torch.ones(x.numel(), 1)], dim=1).double()
    solution = torch.linalg.lstsq(design, y.reshape(-1, 1).double()).solution
    return float(solution[0]), float(solution[1])


def mse_hessian(x: torch.Tensor) -> torch.Tensor:
    """Hessian of mean((w·x + b − y)²) in (w, b): 2·[[E[x²], E[x]], [E[x], 1]].
    Constant: the MSE of a linear model is a quadratic bowl."""
    xd = x.reshape(-1).double()
    mx, mxx = xd.mean(), (xd * xd).mean()
    return 2 * torch.stack(
        [torch.stack([mxx, mx]), torch.stack([mx, torch.ones((), dtype=xd.dtype)])]
    )


def max_stable_lr(x: torch.Tensor) -> float:
    """The largest learning rate for which full-batch SGD on MSE converges: 2/λ_max
    of the Hessian. Above it every step overshoots the bottom of the bowl by more
    than it started, along the most sharply curved direction (the eigenvector of
    λ_max), and training diverges."""
    return 2.0 / _lam_max(x)


def _lam_max(x: torch.Tensor) -> float:
    """The largest eigenvalue of the MSE Hessian: the curvature along the bowl's
    most sharply curved direction."""
    return float(torch.linalg.eigvalsh(mse_hessian(x)).max())


@dataclass(frozen=True)
class LrLimit:
    """The largest stable learning rate for an experiment, or why there is none.

    `kind` is one of LIMIT_EXACT, LIMIT_GUIDE, LIMIT_NONE (core.lr_limits).
    `rule` says which: "sgd" (2/λmax), "momentum" (2(1+μ)/λmax), "nesterov"
    (2(1+μ)/((1+2μ)λmax)), or, with kind LIMIT_NONE, "adaptive" (Adam, RMSprop,
    Adagrad scale each step themselves), "capped" (L1 and Huber: the slope of
    the loss is bounded, so steps cannot blow up) or "model" (the MLP's loss is
    not a quadratic bowl)."""

    kind: str
    rule: str
    value: float | None = None
    lam_max: float | None = None
    momentum: float | None = None


def lr_limit(config, x: torch.Tensor) -> LrLimit:
    """The learning-rate limit that holds for `config` on inputs `x`.

    For the linear model on MSE the loss is a quadratic bowl with the constant
    Hessian of mse_hessian(); along its most sharply curved direction (the
    largest eigenvalue λmax) full-batch SGD converges only for lr < 2/λmax.
    Momentum v ← μv + g, step lr·v (torch's form) widens that to 2(1+μ)/λmax,
    Nesterov's look-ahead narrows it to 2(1+μ)/((1+2μ)λmax) (both from the
    eigenvalues of the two-step recurrence; tests check them by training just
    below and just above)."""
    kind, rule = limit_kind(config)
    if kind == LIMIT_NONE:
        return LrLimit(kind, rule)
    lam_max = _lam_max(x)
    if config.optimizer == "momentum":
        mu = config.momentum
        return LrLimit(kind, "momentum", 2.0 * (1.0 + mu) / lam_max, lam_max, mu)
    if config.optimizer == "nesterov":
        mu = config.momentum
        value = 2.0 * (1.0 + mu) / ((1.0 + 2.0 * mu) * lam_max)
        return LrLimit(kind, "nesterov", value, lam_max, mu)
    return LrLimit(kind, "sgd", 2.0 / lam_max, lam_max)
