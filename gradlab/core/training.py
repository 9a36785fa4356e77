"""Headless training for the command line: run N updates, report like the script."""

from __future__ import annotations

import math
from collections.abc import Callable

from gradlab.core.session import TrainingSession


def train(
    session: TrainingSession,
    steps: int,
    progress: Callable | None = None,
    stop: Callable[[], bool] | None = None,
) -> int:
    """Run `steps` full updates exactly as the tutorial's loop does, through
    divergence too (the script does not stop on nan either). `progress(done,
    steps)` is called at the start and at every percent; `stop()`, checked
    between updates, ends the run early with a whole state. Returns the number
    of updates made."""
    chunk = max(1, steps // 100) if progress else steps
    done = 0
    if progress:
        progress(0, steps)
    while done < steps and not (stop and stop()):
        done += session.run_updates(
            min(chunk, steps - done), stop_on_divergence=False, yield_when=stop
        )
        if progress:
            progress(done, steps)
    return done


def result_of(session: TrainingSession) -> dict:
    """The `train --json` object: steps, the script's `loss`, named parameters."""
    return {
        "steps": session.step_count,
        "loss": None if session.loss is None else session.loss.item(),
        "parameters": {name: p.detach().tolist() for name, p in session.model.named_parameters()},
        "diverged": session.diverged,
    }


def json_ready(result: dict) -> dict:
    """result_of() for strict JSON: a value that is not a finite number (inf or
    nan: the run diverged) becomes null, and then "diverged" is true."""
    replaced = False

    def clean(value):
        nonlocal replaced
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        if isinstance(value, float) and not math.isfinite(value):
            replaced = True
            return None
        return value

    out = clean(result)
    out["diverged"] = bool(result.get("diverged")) or replaced
    return out


def use_one_thread() -> None:
    """One intra-op thread, as the app's worker uses: past ~32k samples torch splits
    reductions across threads and the last bits would depend on the core count."""
    import torch

    torch.set_num_threads(1)
