"""Live values for the lesson section on the student's own data: the example
thermometer readings (gradlab/assets/data/celsius.csv) trained on for real.

Same rules as gradlab.core.live_values: torch imported inside the functions,
no draw from the global random generator (TrainingSession uses its own).
"""

from __future__ import annotations

from collections.abc import Callable

from gradlab.core.live_values import f4, pick

SGD_LR = 0.002  # below the data's stable limit, as the lesson suggests


def _session(updates: int, **changes):
    from gradlab.core import example_data
    from gradlab.core.config import ExperimentConfig
    from gradlab.core.session import TrainingSession

    points = example_data.load("celsius").points
    session = TrainingSession(ExperimentConfig(**changes).with_data(points))
    session.run_updates(updates, stop_on_divergence=False)
    return session


def _celsius_tensors():
    """x and y of the Celsius readings, as a session on them holds them."""
    from gradlab.core import example_data
    from gradlab.core.data import own_data_tensors

    return own_data_tensors(example_data.load("celsius").points)


def _celsius_lr_limit(lang: str) -> str:
    from gradlab.core import landscape

    return f"{landscape.max_stable_lr(_celsius_tensors()[0]):.4f}"


def _celsius_lr_01(lang: str) -> str:
    loss = _session(5).loss.item()
    return pick(lang, f"{loss:.2g} after 5 updates", f"在 5 次更新后为 {loss:.2g}")


def _fit(session) -> str:
    w, b = session.model.weight.item(), session.model.bias.item()
    return f"w = {f4(w)}, b = {f4(b)}"


def _celsius_table(lang: str) -> str:
    """The loss, w and b after 1, 10, 100, 1,000 and 10,000 updates with lr 0.002."""
    session = _session(0, lr=SGD_LR)
    head = pick(lang, "| updates | loss | w | b |", "| 更新次数 | 损失 | w | b |")
    rows = [head, "|---:|---:|---:|---:|"]
    for total in (1, 10, 100, 1000, 10_000):
        session.run_updates(total - session.step_count, stop_on_divergence=False)
        w, b = session.model.weight.item(), session.model.bias.item()
        rows.append(f"| {total:,} | {session.loss.item():.4g} | {f4(w)} | {f4(b)} |")
    return "\n".join(rows)


def _celsius_best(lang: str) -> str:
    from gradlab.core import landscape

    w, b = landscape.optimum(*_celsius_tensors())
    return f"w = {f4(w)}, b = {f4(b)}"


def _celsius_adam(lang: str) -> str:
    return _fit(_session(1000, optimizer="adam", lr=0.5))


LIVE: dict[str, Callable[[str], str]] = {
    "celsius_lr_limit": _celsius_lr_limit,
    "celsius_lr_01": _celsius_lr_01,
    "celsius_table": _celsius_table,
    "celsius_best": _celsius_best,
    "celsius_adam": _celsius_adam,
}
