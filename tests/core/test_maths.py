"""The maths worked out by hand agrees with autograd and with optimizer.step()."""

import copy
import math

import pytest
import torch

from gradlab.core import maths
from gradlab.core.config import LOSSES, OPTIMIZERS, ExperimentConfig
from gradlab.core.session import TrainingSession
from tests.reference import assert_same_parameters


def close(a, b, tol=1e-6):
    return math.isclose(a, b, rel_tol=tol, abs_tol=tol)


def to_backward(session):
    for phase in ("forward", "loss", "zero_grad", "backward"):
        session.run_phase(phase)


@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize("batch_size", [0, 16])
def test_hand_gradients_equal_autograd(loss, batch_size):
    s = TrainingSession(ExperimentConfig(loss=loss, batch_size=batch_size, noise=0.7, seed=4))
    s.run_updates(3)
    to_backward(s)
    info = maths.explain(s)
    assert info.gradient_status == maths.GRAD_OK
    assert info.n == (batch_size or 100)
    assert close(info.loss.result, s.loss.item())
    for check, p in zip(info.gradients, s.params, strict=True):
        assert check.autograd == p.grad.item()
        assert close(check.by_hand.result, check.autograd)
        assert check.difference == check.autograd - check.by_hand.result
    w, b = info.gradients
    assert (w.symbol, b.symbol) == ("w", "b")
    assert "·x" in w.by_hand.formula and "·x" not in b.by_hand.formula


def test_mse_formula_is_the_lessons():
    s = TrainingSession()
    to_backward(s)
    w, b = maths.explain(s).gradients
    assert w.by_hand.formula == "2/N · Σ(ŷ − y)·x"
    assert b.by_hand.formula == "2/N · Σ(ŷ − y)"
    n, total = w.by_hand.values
    assert n == 100 and close(2 / n * total, w.by_hand.result, 1e-12)
    # Independently: the hand formula from the raw tensors.
    r = s.y_pred.detach().double() - s.y.double()
    assert close(w.by_hand.result, (2 / 100 * (r * s.x.double()).sum()).item(), 1e-12)


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_update_numbers_equal_what_step_then_does(optimizer):
    s = TrainingSession(ExperimentConfig(optimizer=optimizer, lr=0.05, noise=0.3))
    for _ in range(3):  # the first step starts the optimizer's state, later ones use it
        to_backward(s)
        info = maths.explain(s)
        assert info.update_status == maths.UPDATE_OK
        s.run_phase("step")
        for update, p in zip(info.updates, s.params, strict=True):
            assert update.grad == p.grad.item()
            assert close(update.new, p.item()), (optimizer, update)
            assert update.equations[-1].lhs == update.symbol


def test_adam_shows_its_state_and_bias_correction():
    s = TrainingSession(ExperimentConfig(optimizer="adam", lr=0.05))
    s.run_updates(4)
    to_backward(s)
    state = s.optimizer.state[s.params[0]]
    m_eq, v_eq, m_hat, v_hat, _ = maths.explain(s).updates[0].equations
    assert m_eq.values[1] == state["exp_avg"].item()
    assert v_eq.values[1] == state["exp_avg_sq"].item()
    assert m_hat.values[2] == 5 and v_hat.values[2] == 5  # t: the step this update will be
    s.run_phase("step")
    assert close(m_eq.result, state["exp_avg"].item())
    assert close(v_eq.result, state["exp_avg_sq"].item())


def test_momentum_reads_the_buffer():
    s = TrainingSession(ExperimentConfig(optimizer="momentum"))
    to_backward(s)
    first = maths.explain(s).updates[0].equations[0]
    assert first.formula == "w.grad"  # no buffer yet: it starts at the gradient
    s.run_phase("step")
    to_backward(s)
    eq = maths.explain(s).updates[0].equations[0]
    assert eq.values[1] == s.optimizer.state[s.params[0]]["momentum_buffer"].item()


def test_accumulated_gradients_are_reported_not_compared():
    s = TrainingSession()
    to_backward(s)
    first = [c.by_hand.result for c in maths.explain(s).gradients]
    s.run_phase("step")
    for phase in ("forward", "loss", "backward"):  # zero_grad skipped
        s.run_phase(phase)
    info = maths.explain(s)
    assert info.gradient_status == maths.GRAD_ACCUMULATED
    assert info.backwards == 2
    for check, old in zip(info.gradients, first, strict=True):
        assert check.difference is None
        assert close(check.autograd, old + check.by_hand.result)


def test_skip_mode_runs_accumulate_too():
    s = TrainingSession()
    s.set_skip_zero_grad(True)
    s.run_updates(3)
    info = maths.explain(s)
    assert info.gradient_status == maths.GRAD_ACCUMULATED and info.backwards == 3


def test_statuses_follow_the_loop():
    s = TrainingSession()
    info = maths.explain(s)
    assert info.gradient_status == maths.GRAD_NO_LOSS
    assert info.update_status == maths.UPDATE_NO_GRAD
    s.run_phase("forward")
    s.run_phase("loss")
    info = maths.explain(s)
    assert info.gradient_status == maths.GRAD_PENDING  # backward will give these
    assert all(c.autograd is None for c in info.gradients)
    s.run_phase("backward")
    assert maths.explain(s).gradient_status == maths.GRAD_OK
    s.run_phase("zero_grad")
    assert maths.explain(s).gradient_status == maths.GRAD_CLEARED
    s.run_phase("forward")
    assert maths.explain(s).gradient_status == maths.GRAD_STALE  # the loss's ŷ is gone
    s.run_updates(2)
    assert maths.explain(s).gradient_status == maths.GRAD_OK  # a run: full batch known


def test_the_loss_batch_outlives_step():
    s = TrainingSession(ExperimentConfig(batch_size=10, samples=40))
    to_backward(s)
    assert maths.explain(s).gradient_status == maths.GRAD_OK
    s.run_phase("step")  # releases the mini-batch, not the loss's own (x, y)
    assert maths.explain(s).gradient_status == maths.GRAD_OK
    # The old prediction against a newly drawn batch's y: the hand gradient uses
    # the x behind ŷ and the y the loss used, and agrees with backward.
    s.run_phase("forward")
    s.run_phase("step")
    s.run_phase("loss")
    s.run_phase("zero_grad")
    s.run_phase("backward")
    info = maths.explain(s)
    assert info.gradient_status == maths.GRAD_OK
    for row in info.gradients:
        assert abs(row.by_hand.result - row.autograd) < 1e-6


def test_the_mlp_is_not_worked_out():
    s = TrainingSession(ExperimentConfig(model="mlp"))
    to_backward(s)
    info = maths.explain(s)
    assert info.gradient_status == maths.GRAD_MODEL and info.gradients == ()
    assert info.update_status == maths.UPDATE_MODEL


def test_explain_changes_nothing():
    cfg = ExperimentConfig(optimizer="adam", batch_size=8, samples=40, lr=0.05)
    a, b = TrainingSession(cfg), TrainingSession(cfg)
    phases = ["forward", "loss", "zero_grad", "backward", "step"] * 3 + ["forward", "loss"]
    for phase in phases:
        a.run_phase(phase)
        b.run_phase(phase)
        rng = torch.get_rng_state()
        gen = b.loader.generator.get_state()
        grads = [None if p.grad is None else p.grad.clone() for p in b.params]
        state = copy.deepcopy(b.optimizer.state_dict())
        n_log = len(b.log)
        maths.explain(b)
        assert torch.equal(rng, torch.get_rng_state())
        assert torch.equal(gen, b.loader.generator.get_state())
        assert len(b.log) == n_log
        for g, p in zip(grads, b.params, strict=True):
            assert (g is None and p.grad is None) or torch.equal(g, p.grad)
        assert repr(state) == repr(b.optimizer.state_dict())
    a.run_updates(20)
    b.run_updates(20)
    assert_same_parameters(a.model, b.model)
