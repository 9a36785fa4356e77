"""Inference on the live model: a prediction under torch.no_grad() and eval().

It shows what changes for inference (no graph is recorded, the result needs no
gradient) and leaves the training session untouched: the model's mode is put
back and no .grad, optimizer state or loop variable is touched.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch


@dataclass(frozen=True)
class Prediction:
    x: float
    y: float
    # The same forward pass with autograd recording, for comparison.
    with_grad_requires_grad: bool
    with_grad_grad_fn: str | None
    # Under torch.no_grad() with model.eval(): what inference looks like.
    no_grad_requires_grad: bool
    no_grad_grad_fn: str | None
    target: float | None  # the noiseless truth at x, when the target is known


def predict(model: torch.nn.Module, x: float, truth=None) -> Prediction:
    inp = torch.tensor([[float(x)]])
    was_training = model.training
    try:
        # Recorded forward, only to show the difference; its graph is dropped at once.
        recorded = model(inp)
        model.eval()
        with torch.no_grad():
            out = model(inp)
    finally:
        model.train(was_training)
    return Prediction(
        x=float(x),
        y=out.item(),
        with_grad_requires_grad=recorded.requires_grad,
        with_grad_grad_fn=None if recorded.grad_fn is None else type(recorded.grad_fn).__name__,
        no_grad_requires_grad=out.requires_grad,
        no_grad_grad_fn=None if out.grad_fn is None else type(out.grad_fn).__name__,
        target=None if truth is None else float(truth(inp).item()),
    )
