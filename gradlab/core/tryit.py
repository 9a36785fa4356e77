"""The lessons' "Try it" set-ups: what a `gradlab:try/<name>` link does to the app.

Each entry is plain data: the settings to change from the default experiment, the
mistake mode, and whether to start running and how fast. The GUI applies them; the
core tests train each one for real to check that it shows what its lesson claims.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gradlab.core.config import ExperimentConfig

URL_SCHEME = "gradlab"
URL_PREFIX = "try/"  # gradlab:try/<name>


@dataclass(frozen=True)
class TryIt:
    """One set-up. `config_changes` apply to the default ExperimentConfig."""

    description: str
    config_changes: dict = field(default_factory=dict)
    skip_zero_grad: bool = False  # the mistake mode (skip optimizer.zero_grad())
    run: bool = False  # start running once set up
    speed: int | None = None  # updates per second while running; None = leave as is
    compare: tuple[dict, ...] = ()  # settings to compare side by side (compare mode)

    def config(self) -> ExperimentConfig:
        """The experiment this set-up trains (validated; raises ConfigError)."""
        return ExperimentConfig().with_changes(**self.config_changes)


TRY_IT: dict[str, TryIt] = {
    "default": TryIt(
        "The tutorial's program, fresh: 100 points of y = 2x + 1, SGD with lr 0.1, "
        "mistake mode off. Nothing runs: step through it yourself.",
    ),
    "watch-it-learn": TryIt(
        "The tutorial's program, fresh, running slowly enough to watch each update.",
        run=True,
        speed=5,
    ),
    "lr-too-large": TryIt(
        "lr = 1.5, above the largest stable learning rate for this data (about 0.93): "
        "every update overshoots further and the loss blows up.",
        config_changes={"lr": 1.5},
        run=True,
        speed=5,
    ),
    "lr-too-small": TryIt(
        "lr = 0.001: every update is tiny, so after 100 updates w and b have barely moved.",
        config_changes={"lr": 0.001},
        run=True,
        speed=20,
    ),
    "lr-near-limit": TryIt(
        "lr = 0.9, just below the stable limit: w and b jump from one side of the answer "
        "to the other, yet still settle.",
        config_changes={"lr": 0.9},
        run=True,
        speed=5,
    ),
    "skip-zero-grad": TryIt(
        "Mistake mode on: zero_grad() is left out, so each backward() adds to the old "
        "gradients. Step with Full update (F11) and watch w.grad add up.",
        skip_zero_grad=True,
    ),
    "skip-zero-grad-run": TryIt(
        "Mistake mode on, running slowly: w.grad and the loss swing up and down "
        "forever, like a ball rolling in a bowl without friction.",
        skip_zero_grad=True,
        run=True,
        speed=10,
    ),
    "noisy-data": TryIt(
        "Noise 0.5 on y: no line fits every point, so the loss levels off well above zero.",
        config_changes={"noise": 0.5},
        run=True,
        speed=20,
    ),
    "mini-batches": TryIt(
        "Mini-batches of 10 samples: one update per batch, a noisier loss curve.",
        config_changes={"batch_size": 10},
        run=True,
        speed=10,
    ),
    "momentum": TryIt(
        "SGD with momentum 0.9 at lr 0.1: each step keeps part of the last one.",
        config_changes={"optimizer": "momentum", "momentum": 0.9},
        run=True,
        speed=10,
    ),
    "adam-vs-sgd": TryIt(
        "Adam at lr 0.1 against plain SGD at lr 0.1 on the same data and start.",
        config_changes={"optimizer": "adam", "lr": 0.1},
        run=True,
        speed=10,
        compare=({"optimizer": "adam", "lr": 0.1}, {"optimizer": "sgd", "lr": 0.1}),
    ),
    "rmsprop": TryIt(
        "RMSprop at lr 0.1, not running: press Full update (F11) once and both w and b "
        "jump by about 10 × lr.",
        config_changes={"optimizer": "rmsprop", "lr": 0.1},
    ),
}


def try_it_name(url: str) -> str | None:
    """The entry named by a link such as "gradlab:try/lr-too-large", else None."""
    prefix = f"{URL_SCHEME}:{URL_PREFIX}"
    if not url.startswith(prefix):
        return None
    return url[len(prefix) :] or None
