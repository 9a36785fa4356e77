"""Which learning-rate limit an experiment has, without torch (the interface and
the exercise files ask before torch is loaded); its value, from the data's
Hessian, is core.landscape.lr_limit."""

from __future__ import annotations

LIMIT_EXACT = "exact"  # full-batch SGD (plain, momentum, Nesterov) on MSE: a sharp limit
LIMIT_GUIDE = "guide"  # the same on mini-batches: each batch's bowl differs a little
LIMIT_NONE = "none"  # no such limit: adaptive optimizers, capped slopes, the MLP

ADAPTIVE = ("adam", "rmsprop", "adagrad")


def limit_kind(config) -> tuple[str, str]:
    """(kind, rule) of the limit that holds for `config`: the rule is the
    optimizer's ("sgd", "momentum", "nesterov"), or with LIMIT_NONE why there is
    none: "model" (the MLP's loss is not a quadratic bowl), "adaptive" (the
    optimizer scales its steps itself) or "capped" (L1 and Huber: the slope of
    the loss is bounded)."""
    if config.model != "linear":
        return LIMIT_NONE, "model"
    if config.optimizer in ADAPTIVE:
        return LIMIT_NONE, "adaptive"
    if config.loss != "mse":
        return LIMIT_NONE, "capped"
    return (LIMIT_EXACT if config.full_batch else LIMIT_GUIDE), config.optimizer
