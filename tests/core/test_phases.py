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


def test_first_zero_grad_is_expected_not_a_warning():
    s = _fresh()
    s.run_phase("forward")
    s.run_phase("loss")
    # Before the first backward() there is nothing to clear: expected, not harmless luck.
    assert s.run_phase("zero_grad").code == "zero_grad.first"
    s.run_phase("backward")
    s.run_phase("step")
    s.run_phase("forward")
    s.run_phase("loss")
    assert s.run_phase("zero_grad").code == "zero_grad.ok"
    assert s.run_phase("zero_grad").code == "zero_grad.already_none"


def _reference_optimizer(name, params, lr):
    return {
        "sgd": lambda: optim.SGD(params, lr=lr),
        "momentum": lambda: optim.SGD(params, lr=lr, momentum=0.9),
        "nesterov": lambda: optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
        "adam": lambda: optim.Adam(params, lr=lr),
        "rmsprop": lambda: optim.RMSprop(params, lr=lr),
        "adagrad": lambda: optim.Adagrad(params, lr=lr),
    }[name]()


# The state each optimizer keeps per parameter, and the symbol its rule shows.
STATE_KEYS = {
    "momentum": ("momentum_buffer", "v"),
    "nesterov": ("momentum_buffer", "v"),
    "adam": ("exp_avg", "m"),
    "rmsprop": ("square_avg", "s"),
    "adagrad": ("sum", "G"),
}


@pytest.mark.parametrize("name", ["sgd", "momentum", "nesterov", "adam", "rmsprop", "adagrad"])
def test_step_event_states_the_optimizers_own_rule_with_torchs_numbers(name):
    """The step event carries, per parameter, the optimizer's own rule with the
    inputs it used and the result torch computed: the tutorial's loop (written
    out here) must give the same old, .grad, state and new values."""
    s = TrainingSession(ExperimentConfig(optimizer=name))
    x, y, model, criterion, _ = _reference_objects()
    opt = _reference_optimizer(name, model.parameters(), 0.1)
    for update in range(3):  # the second and third steps read the state of the first
        for phase in ("forward", "loss", "zero_grad", "backward"):
            s.run_phase(phase)
        loss = criterion(model(x), y)
        opt.zero_grad()
        loss.backward()
        before = {  # optimizer.state as step() will read it
            id(p): {k: float(v) for k, v in opt.state.get(p, {}).items()}
            for p in model.parameters()
        }
        old = [p.item() for p in model.parameters()]
        opt.step()
        event = s.run_phase("step")
        assert event.code == "step.ok"
        lr, optimizer, status, applied = event.args
        assert (lr, optimizer, status) == (0.1, name, "ok")
        assert [u.symbol for u in applied] == ["w", "b"]
        for u, p, w_old in zip(applied, model.parameters(), old, strict=True):
            assert u.old == w_old
            assert u.grad == p.grad.item()
            assert u.new == p.item()  # torch's result, bit for bit
            last = u.equations[-1]
            assert last.lhs == u.symbol
            assert math.isclose(last.result, u.new, rel_tol=1e-6, abs_tol=1e-7)
            if name in STATE_KEYS and update > 0:
                key, symbol = STATE_KEYS[name]
                state_eq = next(e for e in u.equations if e.lhs == symbol)
                assert before[id(p)][key] in state_eq.values  # read from optimizer.state


def test_setting_parameters_is_not_described_as_an_update():
    s = _fresh()
    s.full_update()
    assert s.snapshot().prev_params is not None
    s.set_parameters({"weight": 4.0, "bias": 3.0})
    snap = s.snapshot()
    assert snap.event.code == "params.set"
    assert snap.prev_params is None and snap.prev_grads is None
    assert (snap.w, snap.b) == (4.0, 3.0)


def test_step_over_says_when_the_mistake_mode_leaves_zero_grad_out():
    s = _fresh()
    s.set_skip_zero_grad(True)
    assert [e.code for e in s.step_over()] == ["forward.ok"]
    assert [e.code for e in s.step_over()][0] == "loss.ok"
    assert [e.code for e in s.step_over()] == ["zero_grad.skipped", "backward.ok"]
    codes = [e.code for e in s.full_update()]
    assert codes == ["step.ok"]
    codes = [e.code for e in s.full_update()]
    assert codes == [
        "forward.ok",
        "loss.ok",
        "zero_grad.skipped",
        "backward.accumulated",
        "step.ok",
    ]
    s.set_skip_zero_grad(False)
    assert "zero_grad.skipped" not in [e.code for e in s.full_update()]


def test_mistake_mode_swings_for_ever_like_undamped_momentum():
    """What the app says of the mistake mode, pinned with the tutorial's loop
    without zero_grad() (written out here): .grad is the running sum of every
    gradient, i.e. a velocity v ← v + g with θ ← θ − lr·v (momentum with μ = 1, no
    damping). It never settles: w.grad changes sign every 6 to 7 updates, the loss
    keeps returning from near 0 to above its starting value, and w swings around 2."""
    x, y, model, criterion, opt = _reference_objects()
    grads, losses, ws = [], [], []
    for _ in range(300):
        loss = criterion(model(x), y)
        loss.backward()  # no zero_grad(): the mistake
        opt.step()
        grads.append(model.weight.grad.item())
        losses.append(loss.item())
        ws.append(model.weight.item())
    assert [round(g, 2) for g in grads[:5]] == [-4.8, -8.57, -10.52, -10.22, -7.74]
    signs = [g > 0 for g in grads]
    flips = [i for i in range(1, 300) if signs[i] != signs[i - 1]]
    gaps = {b - a for a, b in zip(flips, flips[1:], strict=False)}
    assert len(flips) > 40 and gaps <= {6, 7}
    late = losses[150:]
    assert min(late) < 0.05 and max(late) > losses[0]  # above its start, for ever
    assert max(abs(g) for g in grads[150:]) > 10.5
    assert min(ws[150:]) < 0 < 2 < 4 < max(ws[150:])
    # The same numbers as momentum 1 without damping (torch's own implementation).
    x2, y2, model2, criterion2, _ = _reference_objects()
    heavy = optim.SGD(model2.parameters(), lr=0.1, momentum=1.0)
    for _ in range(50):
        heavy.zero_grad()
        criterion2(model2(x2), y2).backward()
        heavy.step()
    x3, y3, model3, criterion3, opt3 = _reference_objects()
    for _ in range(50):
        criterion3(model3(x3), y3).backward()
        opt3.step()
    assert torch.allclose(model2.weight, model3.weight, atol=1e-5)
