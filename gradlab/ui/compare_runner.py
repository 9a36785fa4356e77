"""Compare mode in the worker thread: up to four settings trained side by side
on the session's data, from its starting point, COMPARE_UPDATES updates each,
and the CompareView the GUI draws them from."""

from __future__ import annotations

from gradlab.ui.updates import CompareRun, CompareView

COMPARE_UPDATES = 300  # compare mode trains each run this many updates, then stops
COMPARE_BATCH = 10  # updates per run per tick at full speed in compare mode
SETTINGS = ("optimizer", "lr", "momentum", "batch_size")  # what CompareRun.settings holds


class CompareRunner:
    def __init__(self, session, variants: list[dict]):
        from gradlab.core.compare import Comparison

        start = None
        if session.config.model == "linear":  # scalars: the current point, exactly
            start = {
                name: values[0]
                for name, values in zip(session.param_names, session.snapshot().params, strict=True)
            }
        self.comparison = Comparison(session.config, list(variants), start)
        self.done = 0  # updates each run has made

    @property
    def labels(self) -> list[str]:
        return self.comparison.labels

    @property
    def finished(self) -> bool:
        return self.done >= COMPARE_UPDATES

    def run_tick(self, full_speed: bool, ups: int) -> int:
        """A tick: every run advances by the same number of updates (a batch at
        full speed, else one at `ups` a second); the milliseconds to the next."""
        left = COMPARE_UPDATES - self.done
        if full_speed:
            n = min(left, COMPARE_BATCH)
            next_in_ms = 0
        else:
            n = min(left, 1)
            next_in_ms = int(1000 / ups)
        self.comparison.run_updates(n)
        self.done += n
        return next_in_ms

    def view(self) -> CompareView:
        """Whole histories of the compared runs (short: capped at COMPARE_UPDATES)."""
        c = self.comparison
        runs = []
        for label, session in zip(c.labels, c.sessions, strict=True):
            cols = session.history.columns
            runs.append(
                CompareRun(
                    label=label,
                    step=cols["step"].tolist(),
                    loss=cols["loss"].tolist(),
                    w=cols["p0"].tolist(),
                    b=cols["p1"].tolist(),
                    diverged=session.diverged,
                    settings={name: getattr(session.config, name) for name in SETTINGS},
                )
            )
        start = c.start and (c.start["weight"], c.start["bias"])  # where every run set off
        return CompareView(runs=tuple(runs), done=self.done, total=COMPARE_UPDATES, start=start)
