"""Each phase behaves as PyTorch really behaves (DESIGN §1 teaching truths)."""

import dataclasses
import math

import pytest
import torch
import torch.nn as nn
import torch.optim as optim

from gradlab.core.config import ExperimentConfig
from gradlab.core.session import TeachingError, TrainingSession


def _fresh():
    return TrainingSession(ExperimentConfig())


def _reference_objects():
    torch.manual_seed(0)
    x = torch.randn(100, 1)
    y = 2.0 * x + 1.0
    model = nn.Linear(1, 1)
    return x, y, model, nn.MSELoss(), optim.SGD(model.parameters(), lr=0.1)


def test_zero_grad_leaves_none_not_zeros():
    s = _fresh()
    for phase in ("forward", "loss", "backward"):
        s.run_phase(phase)
    assert all(p.grad is not None for p in s.model.parameters())
    event = s.run_phase("zero_grad")
    assert event.code == "zero_grad.ok"
    assert all(p.grad is None for p in s.model.parameters())
    assert s.snapshot().grads == (None, None)
    assert s.run_phase("zero_grad").code == "zero_grad.already_none"


def test_skipping_zero_grad_accumulates_like_pytorch():
    x, y, model, criterion, _ = _reference_objects()
    criterion(model(x), y).backward()
    first = model.weight.grad.clone()
    criterion(model(x), y).backward()
    s = _fresh()
    for phase in ("forward", "loss", "backward", "forward", "loss"):
        s.run_phase(phase)
    event = s.run_phase("backward")
    assert event.code == "backward.accumulated"
    assert torch.equal(s.model.weight.grad, model.weight.grad)
    assert torch.equal(s.model.weight.grad, 2 * first)


def test_skip_zero_grad_mode_accumulates_across_updates():
    s = _fresh()
    s.skip_zero_grad = True
    assert [s.next_phase() for _ in range(1)] == ["forward"]
    s.full_update()
    s.full_update()
    x, y, model, criterion, opt = _reference_objects()
    for _ in range(2):
        loss = criterion(model(x), y)
        loss.backward()  # no zero_grad: the mistake
        opt.step()
    assert torch.equal(s.model.weight, model.weight)
    assert torch.equal(s.model.weight.grad, model.weight.grad)


def test_second_backward_raises_real_error_explained():
    s = _fresh()
    for phase in ("forward", "loss", "zero_grad", "backward"):
        s.run_phase(phase)
    grads_before = s.snapshot().grads
    with pytest.raises(TeachingError) as info:
        s.run_phase("backward")
    assert info.value.code == "backward.freed"
    # PyTorch's own words travel with the explanation.
    assert "second time" in info.value.torch_message
    assert "retain_graph" in info.value.torch_message
    assert s.snapshot().grads == grads_before
    assert s.last_phase == "backward"  # a refused call is not a phase that ran


def test_step_without_grads_changes_nothing():
    s = _fresh()
    before = s.snapshot().params
    event = s.run_phase("step")
    assert event.code == "step.no_grad"
    assert s.snapshot().params == before


def test_step_is_theta_minus_lr_grad():
    s = _fresh()
    for phase in ("forward", "loss", "zero_grad", "backward"):
        s.run_phase(phase)
    w, g = s.model.weight.detach().clone(), s.model.weight.grad.clone()
    event = s.run_phase("step")
    assert event.code == "step.ok"
    # SGD computes w.add_(grad, alpha=-lr): θ ← θ − lr·grad in one rounding.
    assert torch.equal(s.model.weight.detach(), torch.add(w, g, alpha=-0.1))
    assert torch.allclose(s.model.weight.detach(), w - 0.1 * g)
    snap = s.snapshot()
    assert snap.prev_params[0] == tuple(w.reshape(-1).tolist())
    assert snap.step == 1


def test_order_errors_are_teaching_errors():
    s = _fresh()
    with pytest.raises(TeachingError) as info:
        s.run_phase("loss")
    assert info.value.code == "loss.no_prediction"
    with pytest.raises(TeachingError) as info:
        s.run_phase("backward")
    assert info.value.code == "backward.no_loss"
    with pytest.raises(ValueError):
        s.run_phase("jump")


def test_divergence_detected_and_run_stops_itself():
    s = TrainingSession(ExperimentConfig(lr=5.0))
    ran = s.run_updates(10_000)
    assert s.diverged
    assert ran < 10_000
    assert not math.isfinite(s.loss.item())
    assert s.last_event.code == "run.diverged"
    assert s.run_updates(10) == 0  # a diverged session does not run on


def test_loss_phase_reports_divergence():
    s = TrainingSession(ExperimentConfig(lr=5.0))
    s.run_updates(10_000)
    s.run_phase("forward")
    assert s.run_phase("loss").code == "loss.diverged"


def test_lr_change_applies_from_next_update():
    s = _fresh()
    s.run_updates(3)
    s.set_lr(0.05)
    assert s.optimizer.param_groups[0]["lr"] == 0.05
    s.run_updates(2)
    _, _, model, criterion, opt = _reference_objects()
    torch.manual_seed(0)
    x = torch.randn(100, 1)
    y = 2.0 * x + 1.0
    for i in range(5):
        if i == 3:
            for g in opt.param_groups:
                g["lr"] = 0.05
        loss = criterion(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    assert torch.equal(s.model.weight, model.weight)


def test_next_phase_follows_the_loop():
    s = _fresh()
    seen = []
    for _ in range(6):
        phase = s.next_phase()
        seen.append(phase)
        s.run_phase(phase)
    assert seen == ["forward", "loss", "zero_grad", "backward", "step", "forward"]
    s2 = _fresh()
    s2.run_phase("zero_grad")  # nothing to differentiate yet: start the update over
    assert s2.next_phase() == "forward"


def test_snapshot_is_plain_python():
    s = _fresh()
    s.full_update()
    s.run_phase("forward")
    s.run_phase("loss")
    snap = s.snapshot()
    assert snap.graph is not None

    def plain(value):
        if isinstance(value, tuple | list):
            return all(plain(v) for v in value)
        if isinstance(value, dict):
            return all(plain(k) and plain(v) for k, v in value.items())
        if dataclasses.is_dataclass(value):  # frozen records of plain values (the graph)
            frozen = type(value).__dataclass_params__.frozen
            return frozen and all(plain(getattr(value, f.name)) for f in dataclasses.fields(value))
        return value is None or isinstance(value, bool | int | float | str)

    for name, value in vars(snap).items():
        if name == "event":
            assert plain(value.args)
        else:
            assert plain(value), name
    with pytest.raises(AttributeError):
        snap.step = 5  # frozen


def test_history_records_updates():
    s = _fresh()
    s.run_updates(10)
    h = s.history
    assert list(h.columns["step"]) == list(range(1, 11))
    assert h.columns["p0"][-1] == s.model.weight.item()
    assert h.columns["g1"][-1] == s.model.bias.grad.item()
