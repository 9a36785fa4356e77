"""What the worker publishes besides snapshots, history rows and messages, by
name and type.

    core (landscape.surface, compare.Comparison, maths.explain, ActionLog ...)
      -> TrainingWorker builds an Updates of the views below
      -> Mailbox.put(updates=...) merges them, latest wins
      -> Frame.updates -> Controller keeps the newest of each (controller.compare,
         controller.landscape ...) and emits one signal per field that changed
         (compareChanged, landscapeChanged ...) -> the panels

Every type here is frozen plain data (floats, lists, core's frozen results):
widgets never see a tensor. Nothing here imports torch.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gradlab.core.actions import Action
    from gradlab.core.checkpoint import StateDictLab
    from gradlab.core.config import ExperimentConfig
    from gradlab.core.inference import Prediction
    from gradlab.core.landscape import LrLimit, Surface
    from gradlab.core.maths import MathsInfo


class Unset:
    """The type of UNSET: a field of Updates the worker did not publish."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET = Unset()  # "unchanged"; None, where a field allows it, clears


@dataclass(frozen=True)
class LandscapeView:
    """The loss surface over (w, b) around the optimum, for the linear model."""

    surface: Surface
    optimum: tuple[float, float]  # the least-squares (w, b)
    loss: str  # the loss kind the surface was computed with


@dataclass(frozen=True)
class CompareRun:
    """One compared run's whole history (short: compare mode stops early)."""

    label: str
    step: list[float]
    loss: list[float]
    w: list[float]
    b: list[float]
    diverged: bool
    # The settings it trains with (optimizer, lr, momentum, batch_size): the
    # exercises check a race between two runs against them.
    settings: dict = field(default_factory=dict)


@dataclass(frozen=True)
class CompareView:
    runs: tuple[CompareRun, ...]
    done: int  # updates each run has made
    total: int  # updates each run makes before compare mode stops
    start: tuple[float, float] | None  # the (w, b) every run set off from (linear model)


@dataclass(frozen=True)
class SessionLog:
    """A copy of the session-as-code log, sent only when it changed."""

    actions: list[Action]
    dropped: int  # entries dropped from its front (ActionLog.dropped)


@dataclass(frozen=True)
class Updates:
    """Latest wins: a field left UNSET means unchanged. landscape and compare can
    also be cleared with None (another model, compare mode off)."""

    landscape: LandscapeView | None | Unset = UNSET
    lr_limit: LrLimit | Unset = UNSET  # the largest stable lr, or why there is none
    compare: CompareView | None | Unset = UNSET
    config: ExperimentConfig | Unset = UNSET  # the experiment a reset or a file brought
    maths: MathsInfo | Unset = UNSET  # the maths beside autograd, after every command
    session_log: SessionLog | Unset = UNSET
    inference: Prediction | Unset = UNSET
    state_dict_result: StateDictLab | Unset = UNSET  # what the state_dict lab found
    pong: int | Unset = UNSET  # Controller.sync()'s token: every earlier command ran
    loading: str | Unset = UNSET  # the stage of start-up begun (worker.LOADING_STAGES)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) is not UNSET for f in fields(self))

    def merged(self, newer: Updates | None) -> Updates:
        """These updates with the fields `newer` sets on top of them."""
        if newer is None:
            return self
        changes = {
            f.name: value for f in fields(newer) if (value := getattr(newer, f.name)) is not UNSET
        }
        return replace(self, **changes) if changes else self


NO_UPDATES = Updates()
