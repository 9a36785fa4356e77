"""Step back restores the exact state: training on reproduces the same bits."""

import torch

from gradlab.core.config import ExperimentConfig
from gradlab.core.session import TrainingSession
from tests.reference import assert_same_parameters, reference_run


def _run_in_ticks(session, n, tick=37):
    done = 0
    while done < n:
        done += session.run_updates(min(tick, n - done))


def test_step_back_in_phase_mode_then_train_on():
    s = TrainingSession(ExperimentConfig(optimizer="momentum", lr=0.05))
    for _ in range(5):
        s.full_update()
    assert s.step_back(2) == 2
    assert s.step_count == 3
    ref, _, _, _ = reference_run(3, optimizer="momentum", lr=0.05)
    assert_same_parameters(s.model, ref)
    for _ in range(4):
        s.full_update()
    ref, ref_loss, _, _ = reference_run(7, optimizer="momentum", lr=0.05)
    assert_same_parameters(s.model, ref)
    assert torch.equal(s.loss, ref_loss)


def test_step_back_inside_a_run_replays_exactly():
    opts = dict(optimizer="adam", lr=0.05, batch_size=16, seed=2)
    s = TrainingSession(ExperimentConfig(**opts))
    _run_in_ticks(s, 1000)
    assert s.step_back(50) == 50
    assert s.step_count == 950
    ref, _, _, _ = reference_run(950, **opts)
    assert_same_parameters(s.model, ref)
    _run_in_ticks(s, 70)
    ref, ref_loss, _, _ = reference_run(1020, **opts)
    assert_same_parameters(s.model, ref)
    assert torch.equal(s.loss, ref_loss)
    assert list(s.history.columns["step"])[-3:] == [1018, 1019, 1020]


def test_half_done_update_counts_as_one():
    s = TrainingSession()
    for _ in range(3):
        s.full_update()
    s.run_phase("forward")
    s.run_phase("loss")
    assert s.step_back(1) == 1
    assert s.step_count == 3 and s.y_pred is None and s.loss is None
    ref, _, _, _ = reference_run(3)
    assert_same_parameters(s.model, ref)


def test_step_back_across_an_lr_change():
    s = TrainingSession()
    s.run_updates(10)
    s.set_lr(0.05)
    s.run_updates(10)
    s.step_back(15)
    ref, _, _, _ = reference_run(5)
    assert_same_parameters(s.model, ref)
    assert s.optimizer.param_groups[0]["lr"] == 0.1  # back before the change


def test_nothing_to_undo():
    s = TrainingSession()
    assert s.can_step_back() == 0
    assert s.step_back(3) == 0
    s.full_update()
    assert s.can_step_back() == 1
    assert s.step_back(10) == 1
    assert s.step_count == 0


def test_step_back_after_loading_a_checkpoint(tmp_path):
    from gradlab.core import checkpoint

    s = TrainingSession()
    s.run_phase("step")  # a step with no gradients: counted, nothing changes
    checkpoint.save(s, tmp_path / "c.pt")
    loaded, _ = checkpoint.load(tmp_path / "c.pt")
    assert loaded.can_step_back() == 0  # the file's past cannot be replayed
    loaded.full_update()
    assert loaded.step_back(1) == 1
    assert loaded.step_count == 1
    assert torch.equal(loaded.model.weight, s.model.weight)
    assert loaded.model.weight.grad is None
