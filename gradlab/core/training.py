"""Headless training for the command line: run N updates, report like the script."""

from __future__ import annotations

from collections.abc import Callable

from gradlab.core.session import TrainingSession


def train(session: TrainingSession, steps: int, progress: Callable | None = None) -> None:
    """Run `steps` full updates exactly as the tutorial's loop does, through
    divergence too (the script does not stop on nan either)."""
    chunk = max(1, steps // 100) if progress else steps
    done = 0
    while done < steps:
        done += session.run_updates(min(chunk, steps - done), stop_on_divergence=False)
        if progress:
            progress(done, steps)


def result_of(session: TrainingSession) -> dict:
    """The `train --json` object: steps, the script's `loss`, named parameters."""
    return {
        "steps": session.step_count,
        "loss": None if session.loss is None else session.loss.item(),
        "parameters": {name: p.detach().tolist() for name, p in session.model.named_parameters()},
        "diverged": session.diverged,
    }


def use_one_thread() -> None:
    """One intra-op thread, as the app's worker uses: past ~32k samples torch splits
    reductions across threads and the last bits would depend on the core count."""
    import torch

    torch.set_num_threads(1)
