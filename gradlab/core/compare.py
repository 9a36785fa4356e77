"""Compare mode: up to four settings trained side by side from one starting point.

Each run is an ordinary TrainingSession of the student's experiment with a few
settings changed (optimizer, lr, batch size, momentum), so each equals a single
run with those settings bit for bit; they share the data (same seed) and start
from the same parameters.
"""

from __future__ import annotations

import time

from gradlab.core.actions import ActionLog
from gradlab.core.config import ExperimentConfig
from gradlab.core.session import TrainingSession

MAX_RUNS = 4
VARIABLE = ("optimizer", "lr", "batch_size", "momentum")


def label(changes: dict) -> str:
    parts = [changes.get("optimizer", "")]
    if "lr" in changes:
        parts.append(f"lr={changes['lr']:g}")
    if changes.get("batch_size"):
        parts.append(f"batch={changes['batch_size']}")
    return " ".join(p for p in parts if p)


class Comparison:
    def __init__(self, base: ExperimentConfig, variants: list[dict], start: dict | None = None):
        if not 1 <= len(variants) <= MAX_RUNS:
            raise ValueError(f"compare takes 1 to {MAX_RUNS} settings")
        self.labels = []
        self.sessions = []
        self.start = start
        for changes in variants:
            unknown = set(changes) - set(VARIABLE)
            if unknown:
                raise ValueError(f"compare varies only {', '.join(VARIABLE)}; not {unknown}")
            config = base.with_changes(**changes)  # ConfigError on a refused value
            session = TrainingSession(config, log=ActionLog())
            if start:
                session.set_parameters(start)
            self.sessions.append(session)
            self.labels.append(label({"optimizer": config.optimizer, **changes}))

    def run(self, deadline: float, yield_when=None) -> int:
        """Advance every run by the same number of updates, in small turns, until
        the deadline. Returns the updates each run made."""
        done = 0
        live = [s for s in self.sessions if not s.diverged]
        while live and time.perf_counter() < deadline:
            if yield_when is not None and yield_when():
                break
            for s in live:
                s.run_updates(8)
            done += 8
            live = [s for s in live if not s.diverged]
        return done

    def run_updates(self, n: int) -> None:
        for s in self.sessions:
            s.run_updates(n)
