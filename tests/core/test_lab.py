"""The lab features of issue 7, against torch computed independently."""

import copy
import subprocess
import sys

import pytest
import torch
import torch.nn as nn

from gradlab.core import landscape, lr_limits
from gradlab.core.compare import Comparison
from gradlab.core.config import ExperimentConfig
from gradlab.core.inference import predict
from gradlab.core.session import TrainingSession
from gradlab.core.training import train
from tests.reference import assert_same_parameters, reference_run


@pytest.mark.parametrize("loss", ["mse", "l1", "huber"])
def test_landscape_values_equal_the_criterion(loss):
    s = TrainingSession(ExperimentConfig(noise=0.3, loss=loss))
    surf = landscape.surface(s.x, s.y, loss, (-1.0, 3.0), (-2.0, 2.5), steps=9)
    criterion = {"mse": nn.MSELoss(), "l1": nn.L1Loss(), "huber": nn.HuberLoss()}[loss]
    model = nn.Linear(1, 1)
    for i, j in [(0, 0), (3, 5), (8, 8), (4, 1)]:
        with torch.no_grad():
            model.weight.fill_(surf.ws[j])
            model.bias.fill_(surf.bs[i])
            expected = criterion(model(s.x), s.y).item()
        assert surf.loss[i][j] == pytest.approx(expected, rel=1e-5, abs=1e-6)


def test_optimum_is_least_squares():
    s = TrainingSession(ExperimentConfig(noise=0.7, seed=3))
    A = torch.cat([s.x, torch.ones_like(s.x)], dim=1).double()
    expected = torch.linalg.lstsq(A, s.y.double()).solution.reshape(-1)
    w, b = landscape.optimum(s.x, s.y)
    assert w == pytest.approx(float(expected[0]), abs=1e-9)
    assert b == pytest.approx(float(expected[1]), abs=1e-9)


@pytest.mark.parametrize("seed,samples", [(0, 100), (5, 40)])
def test_lr_bound_separates_converging_from_diverging(seed, samples):
    base = TrainingSession(ExperimentConfig(seed=seed, samples=samples))
    bound = landscape.max_stable_lr(base.x)
    below = TrainingSession(ExperimentConfig(seed=seed, samples=samples, lr=bound * 0.97))
    above = TrainingSession(ExperimentConfig(seed=seed, samples=samples, lr=bound * 1.03))
    train(below, 2000)
    train(above, 2000)
    assert not below.diverged and below.loss.item() < 1e-6
    assert above.diverged or not torch.isfinite(above.loss) or above.loss.item() > 1e3


@pytest.mark.parametrize(
    "optimizer,momentum", [("sgd", 0.9), ("momentum", 0.9), ("momentum", 0.5), ("nesterov", 0.9)]
)
def test_lr_limit_is_sharp_for_full_batch_mse(optimizer, momentum):
    """Just below the stated limit the tutorial's loop (run here with reference_run)
    converges, just above it the loss blows up: the limit is exact."""
    config = ExperimentConfig(optimizer=optimizer, momentum=momentum)
    limit = landscape.lr_limit(config, TrainingSession(config).x)
    assert (limit.kind, limit.rule) == (lr_limits.LIMIT_EXACT, optimizer)
    _, below, _, _ = reference_run(
        3000, optimizer=optimizer, momentum=momentum, lr=0.97 * limit.value
    )
    _, above, _, _ = reference_run(
        3000, optimizer=optimizer, momentum=momentum, lr=1.03 * limit.value
    )
    assert below.item() < 1e-6
    assert not torch.isfinite(above) or above.item() > 1e6


def test_lr_limit_values_follow_the_hessian():
    x = TrainingSession().x
    lam = float(torch.linalg.eigvalsh(landscape.mse_hessian(x)).max())
    plain = landscape.lr_limit(ExperimentConfig(), x)
    assert plain.value == pytest.approx(2 / lam) and plain.lam_max == pytest.approx(lam)
    assert plain.value == pytest.approx(landscape.max_stable_lr(x))
    heavy = landscape.lr_limit(ExperimentConfig(optimizer="momentum", momentum=0.9), x)
    assert heavy.value == pytest.approx(2 * 1.9 / lam)
    nesterov = landscape.lr_limit(ExperimentConfig(optimizer="nesterov", momentum=0.9), x)
    assert nesterov.value == pytest.approx(2 * 1.9 / (2.8 * lam))


@pytest.mark.parametrize(
    "changes,kind,rule",
    [
        ({"batch_size": 10}, lr_limits.LIMIT_GUIDE, "sgd"),
        ({"optimizer": "adam"}, lr_limits.LIMIT_NONE, "adaptive"),
        ({"optimizer": "rmsprop"}, lr_limits.LIMIT_NONE, "adaptive"),
        ({"optimizer": "adagrad", "batch_size": 10}, lr_limits.LIMIT_NONE, "adaptive"),
        ({"loss": "l1"}, lr_limits.LIMIT_NONE, "capped"),
        ({"loss": "huber"}, lr_limits.LIMIT_NONE, "capped"),
        ({"model": "mlp"}, lr_limits.LIMIT_NONE, "model"),
    ],
)
def test_lr_limit_says_where_it_does_not_hold(changes, kind, rule):
    config = ExperimentConfig(**changes)
    limit = landscape.lr_limit(config, TrainingSession(config).x)
    assert (limit.kind, limit.rule) == (kind, rule)
    assert (limit.value is None) == (kind == lr_limits.LIMIT_NONE)


@pytest.mark.parametrize("loss", ["l1", "huber"])
def test_capped_losses_bounce_but_never_blow_up(loss):
    """What the app says for L1 and Huber: their slope is bounded, so even a huge
    lr keeps the parameters finite (they bounce instead of exploding)."""
    model, last, _, _ = reference_run(500, loss=loss, lr=50.0)
    assert torch.isfinite(last)
    assert all(torch.isfinite(p).all() for p in model.parameters())


def test_compare_runs_equal_single_runs():
    base = ExperimentConfig()
    variants = [
        {"optimizer": "sgd", "lr": 0.1},
        {"optimizer": "adam", "lr": 0.05},
        {"optimizer": "momentum", "lr": 0.02, "batch_size": 10},
    ]
    comparison = Comparison(base, variants)
    for _ in range(7):
        comparison.run_updates(9)
    for session, changes in zip(comparison.sessions, variants, strict=True):
        ref, ref_loss, _, _ = reference_run(63, **changes)
        assert_same_parameters(session.model, ref)
        assert torch.equal(session.loss, ref_loss)


def test_compare_from_a_chosen_start():
    start = {"weight": -1.5, "bias": 2.0}
    comparison = Comparison(ExperimentConfig(), [{"optimizer": "sgd"}], start)
    comparison.run_updates(5)
    single = TrainingSession(ExperimentConfig())
    single.set_parameters(start)
    single.run_updates(5)
    assert_same_parameters(comparison.sessions[0].model, single.model)


def test_mlp_learns_the_sine():
    s = TrainingSession(ExperimentConfig(model="mlp", target="sin", optimizer="adam", lr=0.01))
    s.run_phase("forward")
    s.run_phase("loss")
    start = s.loss.item()
    train(s, 1500)
    assert s.loss.item() < start / 10


def test_inference_leaves_the_session_untouched():
    s = TrainingSession(ExperimentConfig(optimizer="adam"))
    s.run_updates(3)
    for phase in ("forward", "loss", "backward"):
        s.run_phase(phase)
    before = s.capture_state()
    loss_before, y_pred_before = s.loss, s.y_pred
    result = predict(s.model, 3.0, lambda t: 2 * t + 1)
    after = s.capture_state()
    assert s.model.training
    assert s.loss is loss_before and s.y_pred is y_pred_before
    for name in before["model"]:
        assert torch.equal(before["model"][name], after["model"][name])
    for name in before["grads"]:
        assert torch.equal(before["grads"][name], after["grads"][name])
    assert before["optimizer"]["state"].keys() == after["optimizer"]["state"].keys()
    with torch.no_grad():
        expected = s.model(torch.tensor([[3.0]])).item()
    assert result.y == expected and result.target == 7.0
    assert result.no_grad_requires_grad is False and result.no_grad_grad_fn is None
    assert result.with_grad_requires_grad is True and result.with_grad_grad_fn == "AddmmBackward0"
    copy.deepcopy(result)  # plain data


def test_the_kind_of_limit_is_known_without_torch():
    """The interface and the exercise files ask which limit holds before torch
    is loaded: core.lr_limits imports nothing that loads it."""
    code = "import sys, gradlab.core.lr_limits; print('torch' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
