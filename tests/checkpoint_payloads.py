"""Real checkpoints to tamper with: a session that used every kind of action,
its payload as plain containers, and ways to change one field of it.

The payload is what `torch.save` wrote, read back with plain `torch.load`; a
test changes one field and saves it again with `torch.save`, as an attacker
would, then hands the bytes to the loader under test.
"""

import ast
import contextlib
import copy
import io

import torch

from gradlab.core import checkpoint, codegen
from gradlab.core.actions import ActionLog
from gradlab.core.config import ExperimentConfig
from gradlab.core.session import TeachingError, TrainingSession

LOADED_PATH = "lesson.gradlab.pt"


def rich_session(config: ExperimentConfig | None = None) -> TrainingSession:
    """A mid-epoch mini-batch session whose log holds every kind of entry."""
    config = config or ExperimentConfig(optimizer="adam", batch_size=10, lr=0.05)
    log = ActionLog()
    s = TrainingSession(config, log=log)
    with contextlib.suppress(TeachingError):
        s.run_phase("loss")  # refused: no y_pred yet
    for phase in ("forward", "loss", "zero_grad", "backward"):
        s.run_phase(phase)
    with contextlib.suppress(TeachingError):
        s.run_phase("backward")  # refused: the graph was freed
    s.run_phase("step")
    s.run_updates(4)
    s.set_lr(0.02)
    s.set_skip_zero_grad(True)
    s.run_updates(2)
    s.set_skip_zero_grad(False)
    s.set_parameters({"weight": 1.5, "bias": -0.25})
    s.run_updates(3)
    s.step_back(1)
    log.add("loaded", path=LOADED_PATH, step=s.step_count)
    s.run_phase("forward")  # mid-update: a batch is drawn
    return s


ADAM = ExperimentConfig(optimizer="adam", batch_size=10)
MOMENTUM = ExperimentConfig(optimizer="momentum")
_PAYLOADS = {}


def payload(config: ExperimentConfig, steps: int = 7) -> dict:
    """The payload of a session of `config` after `steps` updates (cached)."""
    if config not in _PAYLOADS:
        s = TrainingSession(config)
        s.run_updates(steps)
        _PAYLOADS[config] = payload_of(s)
    return _PAYLOADS[config]


def _rows(n: int) -> dict:
    steps = [float(i) for i in range(1, n + 1)]
    return {name: list(steps) for name in ("step", "loss", "p0", "p1", "g0", "g1")}


OPT = ("state", "optimizer")
# Issue 15's crafted checkpoints (items 5 and 12): (config, field path, value,
# the field the refusal must name).
ISSUE_CASES = [
    # item 5: each of these bricked the app's start through the autosave
    (ADAM, ("state", "step_count"), float("inf"), "state.step_count"),
    (ADAM, ("history", "capacity"), float("inf"), "history.capacity"),
    (ADAM, ("state", "batch_in_epoch"), 10**6, "state.batch_in_epoch"),
    (
        MOMENTUM,
        (*OPT, "state", 0, "momentum_buffer"),
        torch.zeros(7, 7),
        "state.optimizer.state[0].momentum_buffer",
    ),
    # item 12: tracebacks from `train --resume`, or silently wrong sessions
    (ADAM, ("history", "stride"), 0, "history.stride"),
    (ADAM, (*OPT, "state", 0, "exp_avg"), torch.zeros(7, 7), "state.optimizer.state[0].exp_avg"),
    (ADAM, (*OPT, "state", 0, "step"), torch.tensor(-5.0), "state.optimizer.state[0].step"),
    (ADAM, (*OPT, "param_groups", 0, "lr"), "abc", "state.optimizer.param_groups[0].lr"),
    (ADAM, (*OPT, "param_groups", 0, "lr"), -1e9, "state.optimizer.param_groups[0].lr"),
    (ADAM, ("state", "step_count"), -7, "state.step_count"),
    (ADAM, ("history", "columns"), _rows(200_000), "history.columns.step"),
    (
        ADAM,
        ("state", "model", "weight"),
        torch.zeros(1, 1, dtype=torch.complex64),
        "state.model.weight",
    ),
]


def payload_of(session: TrainingSession) -> dict:
    data = checkpoint.to_bytes(session, extra={"log": session.log.to_list()})
    return torch.load(io.BytesIO(data), weights_only=True)


def to_bytes(payload: dict) -> bytes:
    buffer = io.BytesIO()
    torch.save(payload, buffer)
    return buffer.getvalue()


def leaves(value, path=()) -> list[tuple]:
    """Paths to every field of a payload: each entry of a dict or of a list of
    dicts, and a list of numbers (a history column) along with its first item."""
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in leaves(item, (*path, key))]
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return [leaf for i, item in enumerate(value) for leaf in leaves(item, (*path, i))]
    if isinstance(value, list) and value:
        return [path, (*path, 0)]
    return [path]


def get_at(payload, path):
    for key in path:
        payload = payload[key]
    return payload


def with_value(payload: dict, path: tuple, value) -> dict:
    """A deep copy of payload with the field at path replaced."""
    changed = copy.deepcopy(payload)
    parent = get_at(changed, path[:-1])
    if isinstance(parent, tuple):  # e.g. Adam's betas
        grand = get_at(changed, path[:-2])
        items = list(parent)
        items[path[-1]] = value
        grand[path[-2]] = tuple(items)
    else:
        parent[path[-1]] = value
    return changed


def without(payload: dict, path: tuple) -> dict:
    changed = copy.deepcopy(payload)
    parent = get_at(changed, path[:-1])
    del parent[path[-1]]
    return changed


def statements(script: str, constants: bool = True) -> str:
    """The script's statements as ast sees them (comments are not statements).
    With constants=False every literal is blanked: what runs, not with what."""
    tree = ast.parse(script)
    if not constants:
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant):
                node.value = None
    return ast.dump(tree)


def session_statements(extra: dict, constants: bool = True) -> str:
    log = ActionLog.from_list(extra["log"])
    return statements(codegen.session_script(log.copy()), constants)


def is_one_line(text: str) -> bool:
    return bool(text) and text.isprintable()
