"""What a saved session state (TrainingSession.capture_state) must hold, checked
field by field against the session it is about to be restored into.

Finite or not: a diverged run legitimately holds inf and nan in its parameters,
their gradients, the optimizer's buffers (momentum_buffer, exp_avg ...) and the
history, and its checkpoint must still load, so those may be non-finite (but
never of another dtype or shape, and sums of squares never negative). Every
count (step_count, epoch, batch_in_epoch, the optimizer's step), every
hyperparameter and the random generator's state must be finite and in range.
"""

from __future__ import annotations

import copy

import torch

from gradlab.core import checks
from gradlab.core.checks import Invalid
from gradlab.core.models import build_optimizer

# Optimizer state entries that are running sums of squares: never below zero.
NONNEGATIVE = frozenset({"exp_avg_sq", "max_exp_avg_sq", "square_avg", "sum"})


def check_state(raw, session, field: str = "state") -> dict:
    """A clean copy of a saved state that `session.restore_state` can take."""
    param_shapes = {
        name: tuple(p.shape) for name, p in zip(session.param_names, session.params, strict=True)
    }
    model_shapes = {name: tuple(t.shape) for name, t in session.model.state_dict().items()}
    state = checks.record(
        {
            "step_count": checks.integer(0),
            "epoch": checks.integer(0),
            "batch_in_epoch": checks.integer(0),
            "batch_drawn": checks.boolean,
            "epoch_start_state": checks.optional(_generator_state),
            "model": checks.record({n: checks.tensor(s) for n, s in model_shapes.items()}),
            "optimizer": checks.anything,
            "grads": checks.record(
                {n: checks.optional(checks.tensor(s)) for n, s in param_shapes.items()}
            ),
            "skip_zero_grad": checks.boolean,
            "diverged": checks.boolean,
        }
    )(raw, field)
    _check_data_order(state, session, field)
    state["optimizer"] = check_optimizer(
        state["optimizer"], session, state["step_count"], f"{field}.optimizer"
    )
    return state


def _generator_state(value, field) -> torch.Tensor:
    """The data order's torch.Generator state: the bytes get_state() gives."""
    size = len(torch.Generator().get_state())
    clean = checks.tensor((size,), dtype="uint8")(value, field)
    try:
        torch.Generator().set_state(clean)
    except RuntimeError:
        raise Invalid(field, "is not a valid random generator state") from None
    return clean


def _check_data_order(state: dict, session, field: str) -> None:
    """Where the mini-batch loader stands must fit the batch size and samples."""
    epoch, batch = state["epoch"], state["batch_in_epoch"]
    drawn, generator = state["batch_drawn"], state["epoch_start_state"]
    if session.loader is None or generator is None:
        # Full batch (no loader), or no mini-batch drawn yet: nothing to resume.
        why = "in a full-batch run" if session.loader is None else "before the first mini-batch"
        for key, ok, zero in (
            ("epoch", epoch == 0, 0),
            ("batch_in_epoch", batch == 0, 0),
            ("batch_drawn", drawn is False, False),
            ("epoch_start_state", generator is None, None),
        ):
            if not ok:
                got = checks.shown(state[key])
                raise Invalid(f"{field}.{key}", f"must be {zero!r} {why}; got {got}")
        return
    per_epoch = session.batches_per_epoch
    if not 1 <= batch <= per_epoch:
        raise Invalid(
            f"{field}.batch_in_epoch",
            f"must be between 1 and {per_epoch} (the mini-batches of one epoch of "
            f"{session.config.samples} samples in batches of {session.config.batch_size}); "
            f"got {batch}",
        )
    if not 1 <= epoch <= state["step_count"] + 1:
        raise Invalid(
            f"{field}.epoch",
            f"must be between 1 and step_count + 1 ({state['step_count'] + 1}); got {epoch}",
        )


def check_optimizer(raw, session, step_count: int, field: str) -> dict:
    """The optimizer's state_dict: its hyperparameters equal this experiment's,
    and each parameter's state holds what this optimizer keeps, in its shape."""
    fresh = session.optimizer.state_dict()
    after_step = _state_after_one_step(session)
    sd = checks.record({"state": checks.anything, "param_groups": checks.anything})(raw, field)
    groups = sd["param_groups"]
    want_groups = fresh["param_groups"]
    if type(groups) is not list or len(groups) != len(want_groups):
        raise Invalid(f"{field}.param_groups", f"must be a list of {len(want_groups)} group")
    clean_groups = []
    for i, (group, want) in enumerate(zip(groups, want_groups, strict=True)):
        spec = {key: checks.exactly(value) for key, value in want.items()}
        spec["lr"] = _same_lr(session.config.lr)
        clean_groups.append(copy.deepcopy(checks.record(spec)(group, f"{field}.param_groups[{i}]")))

    entries = sd["state"]
    if type(entries) is not dict:
        raise Invalid(f"{field}.state", f"must be a dict; got {checks.shown(entries)}")
    clean_entries = {}
    for index, entry in entries.items():
        if type(index) is not int or index not in after_step:
            raise Invalid(
                f"{field}.state",
                f"has an entry for parameter {checks.shown(index)}; this model has "
                f"parameters 0 to {len(after_step) - 1}",
            )
        spec = {
            key: _state_checker(key, value, step_count) for key, value in after_step[index].items()
        }
        clean_entries[index] = checks.record(spec)(entry, f"{field}.state[{index}]")
    for index in fresh["state"]:
        # Kept from the optimizer's construction (Adagrad's sums): step() needs them.
        if index not in clean_entries:
            raise Invalid(f"{field}.state", f"lacks the entry for parameter {index}")
    return {"state": clean_entries, "param_groups": clean_groups}


def _same_lr(lr: float) -> checks.Checker:
    def check(value, field):
        if not checks.same(value, lr):
            raise Invalid(
                field,
                f"must equal the saved settings' learning rate ({lr!r}; changing it live "
                f"changes both); got {checks.shown(value)}",
            )
        return value

    return check


def _state_checker(key: str, example, step_count: int) -> checks.Checker:
    """The check for one optimizer-state entry, from what a real step() stored."""
    if key == "step":
        return _step_checker(step_count, example)
    if isinstance(example, torch.Tensor):
        dtype = str(example.dtype).replace("torch.", "")
        return checks.tensor(tuple(example.shape), dtype, nonnegative=key in NONNEGATIVE)
    return checks.exactly(example)


def _step_checker(step_count: int, example) -> checks.Checker:
    """The optimizer's own count of steps: a whole number, 0 to step_count (a
    step() without gradients does not count)."""
    as_tensor = isinstance(example, torch.Tensor)

    def check(value, field):
        if as_tensor:
            dtype = str(example.dtype).replace("torch.", "")
            clean = checks.tensor(tuple(example.shape), dtype, finite=True)(value, field)
            number = float(clean)
        else:
            clean = number = checks.real()(value, field)
        if not (number.is_integer() and 0 <= number <= step_count):
            raise Invalid(
                field, f"must be a whole number from 0 to step_count ({step_count}); got {number!r}"
            )
        return clean

    return check


def _state_after_one_step(session) -> dict:
    """What this optimizer keeps per parameter once step() has run: the keys,
    dtypes and shapes a saved state may hold (learned from torch, not listed)."""
    model = copy.deepcopy(session.model)
    for p in model.parameters():
        p.grad = torch.zeros_like(p)
    optimizer = build_optimizer(session.config, model.parameters())
    optimizer.step()
    return optimizer.state_dict()["state"]
