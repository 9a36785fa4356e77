"""Bit-for-bit parity with the tutorial's loop (DESIGN §1), every variant."""

import pytest
import torch

from gradlab.core.config import LOSSES, OPTIMIZERS, ExperimentConfig
from gradlab.core.session import TrainingSession
from gradlab.core.training import train
from tests.reference import assert_same_parameters, reference_run


def _session_after(steps, **opts):
    session = TrainingSession(ExperimentConfig(**opts))
    train(session, steps)
    return session


def test_default_run_matches_tutorial_and_converges():
    session = _session_after(100)
    ref, ref_loss, _, _ = reference_run(100)
    assert_same_parameters(session.model, ref)
    assert torch.equal(session.loss, ref_loss)
    assert abs(session.model.weight.item() - 2.0) < 1e-3
    assert abs(session.model.bias.item() - 1.0) < 1e-3


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_every_optimizer(optimizer):
    opts = dict(optimizer=optimizer, lr=0.05)
    session = _session_after(37, **opts)
    ref, ref_loss, _, _ = reference_run(37, **opts)
    assert_same_parameters(session.model, ref)
    assert torch.equal(session.loss, ref_loss)


@pytest.mark.parametrize("loss", LOSSES)
def test_every_loss(loss):
    session = _session_after(25, loss=loss)
    ref, _, _, _ = reference_run(25, loss=loss)
    assert_same_parameters(session.model, ref)


def test_noise_and_other_data():
    opts = dict(noise=0.5, samples=257, seed=7, true_w=-3.0, true_b=0.25)
    session = _session_after(50, **opts)
    ref, _, x, y = reference_run(50, **opts)
    assert torch.equal(session.x, x) and torch.equal(session.y, y)
    assert_same_parameters(session.model, ref)


@pytest.mark.parametrize("batch_size,steps", [(10, 1), (10, 10), (10, 23), (32, 9), (7, 40)])
def test_mini_batches_across_epochs(batch_size, steps):
    opts = dict(batch_size=batch_size, optimizer="momentum", seed=3)
    session = _session_after(steps, **opts)
    ref, ref_loss, _, _ = reference_run(steps, **opts)
    assert_same_parameters(session.model, ref)
    assert torch.equal(session.loss, ref_loss)


def test_mlp_on_sine():
    opts = dict(model="mlp", target="sin", hidden=8, optimizer="adam", lr=0.01)
    session = _session_after(60, **opts)
    ref, _, _, _ = reference_run(60, **opts)
    assert_same_parameters(session.model, ref)


def test_phase_by_phase_equals_fast_run():
    """Clicking the five phases one by one is the same computation as Run."""
    session = TrainingSession(ExperimentConfig(batch_size=16))
    for _ in range(13):
        for phase in ("forward", "loss", "zero_grad", "backward", "step"):
            session.run_phase(phase)
    ref, ref_loss, _, _ = reference_run(13, batch_size=16)
    assert_same_parameters(session.model, ref)
    assert torch.equal(session.loss, ref_loss)
    assert session.step_count == 13


def test_mixed_motions_equal_one_run():
    """Phases, full updates and timed runs can be mixed freely."""
    session = TrainingSession(ExperimentConfig(optimizer="adam", batch_size=25))
    session.run_phase("forward")
    session.run_phase("loss")
    session.full_update()  # finishes the update begun above
    session.full_update()
    session.run_updates(5)
    session.run_phase(session.next_phase())
    session.run_updates(3)  # finishes that update, then two more
    ref, _, _, _ = reference_run(10, optimizer="adam", batch_size=25)
    assert_same_parameters(session.model, ref)


def test_session_does_not_disturb_global_rng():
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    TrainingSession(ExperimentConfig(seed=5))
    assert torch.equal(torch.rand(3), expected)


def test_other_threads_using_the_global_generator_change_nothing():
    """The session draws from a private generator, so a thread drawing from the
    global one at the same moment (another panel, a test) cannot shift its data."""
    import threading

    stop = threading.Event()

    def hammer():
        while not stop.is_set():
            torch.manual_seed(123)
            torch.randn(50)

    thread = threading.Thread(target=hammer)
    thread.start()
    try:
        sessions = [TrainingSession(ExperimentConfig(model="mlp", hidden=8)) for _ in range(20)]
    finally:
        stop.set()
        thread.join()
    ref, _, x, _ = reference_run(0, model="mlp", hidden=8)
    for s in sessions:
        assert torch.equal(s.x, x)
        assert_same_parameters(s.model, ref)
