"""Each "Try it" set-up builds a valid experiment and, trained for real, shows
what its lesson says it shows."""

import math

import pytest

from gradlab.core.config import ExperimentConfig
from gradlab.core.landscape import max_stable_lr
from gradlab.core.session import TrainingSession
from gradlab.core.tryit import TRY_IT, TryIt, try_it_name


def train(name: str, updates: int) -> TrainingSession:
    entry = TRY_IT[name]
    session = TrainingSession(entry.config())
    session.set_skip_zero_grad(entry.skip_zero_grad)
    session.run_updates(updates)
    return session


@pytest.mark.parametrize("name", sorted(TRY_IT))
def test_every_entry_is_a_valid_setup(name):
    entry = TRY_IT[name]
    assert isinstance(entry, TryIt)
    config = entry.config()
    assert config == ExperimentConfig().with_changes(**entry.config_changes)
    for changes in entry.compare:
        ExperimentConfig().with_changes(**changes)
    assert entry.speed is None or (isinstance(entry.speed, int) and entry.speed > 0)
    assert entry.description.endswith(".") and len(entry.description) < 200
    with pytest.raises(AttributeError):
        entry.run = not entry.run  # frozen


def test_default_is_the_tutorials_program():
    assert TRY_IT["default"].config() == ExperimentConfig()
    assert not TRY_IT["default"].skip_zero_grad
    assert not TRY_IT["default"].run


def test_lr_too_large_is_above_the_bound_and_diverges():
    entry = TRY_IT["lr-too-large"]
    config = entry.config()
    assert config.full_batch and config.optimizer == "sgd"
    session = TrainingSession(config)
    bound = max_stable_lr(session.x)
    assert config.lr > bound
    assert f"about {bound:.2f}" in entry.description
    start = session.snapshot()
    session.run_updates(100)
    assert session.diverged
    assert not math.isfinite(session.loss.item())
    assert start.loss is None and entry.run


def test_lr_too_small_does_not_converge_in_100_updates():
    assert TRY_IT["lr-too-small"].config().lr == 0.001
    session = train("lr-too-small", 100)
    assert not session.diverged
    assert session.loss.item() > 1.0
    assert abs(session.model.weight.item() - 2.0) > 1.0
    # ... while the default lr gets there in the same 100 updates.
    assert train("default", 100).loss.item() < 1e-6


def test_lr_near_limit_jumps_across_the_answer_and_settles():
    session = TrainingSession(TRY_IT["lr-near-limit"].config())
    assert session.lr < max_stable_lr(session.x)
    sides = []
    for _ in range(100):
        session.run_updates(1)
        sides.append(session.model.weight.item() > 2.0)
    assert sides[:6] == [True, False, True, False, True, False]
    assert session.loss.item() < 1e-4


def test_skip_zero_grad_accumulates():
    entry = TRY_IT["skip-zero-grad"]
    assert entry.skip_zero_grad and entry.config() == ExperimentConfig() and not entry.run
    one = train("skip-zero-grad", 1)
    first_grad = one.model.weight.grad.item()
    two = train("skip-zero-grad", 2)
    ref = train("default", 2)  # the second update's own gradient, with zero_grad
    assert two.model.weight.grad.item() != pytest.approx(ref.model.weight.grad.item())
    assert two.model.weight.grad.item() == pytest.approx(
        first_grad + ref.model.weight.grad.item(), rel=1e-5
    )


def test_skip_zero_grad_run_swings_without_end():
    """What lesson 10 tells the student to watch: w.grad and the loss go up and
    down forever, neither growing nor fading."""
    entry = TRY_IT["skip-zero-grad-run"]
    assert entry.skip_zero_grad and entry.run and entry.config() == ExperimentConfig()
    session = TrainingSession(entry.config())
    session.set_skip_zero_grad(True)
    grads, losses = [], []
    for _ in range(500):
        session.run_updates(1)
        grads.append(session.model.weight.grad.item())
        losses.append(session.loss.item())
    early, late = grads[:100], grads[-100:]
    # The swing keeps its size: as large at the end as at the start ...
    assert max(late) == pytest.approx(max(early), rel=0.1)
    assert min(late) == pytest.approx(min(early), rel=0.1)
    # ... and the loss keeps coming back up (it never settles).
    assert min(losses[-100:]) < 0.1 and max(losses[-100:]) > 6.0
    assert not session.diverged
    # At 10 updates a second, one swing (about 13 updates) takes about a second.
    assert entry.speed == 10


def test_noisy_data_keeps_the_loss_above_zero():
    assert TRY_IT["noisy-data"].config().noise == 0.5
    session = train("noisy-data", 300)
    assert session.loss.item() > 0.1


def test_mini_batches_use_batches():
    config = TRY_IT["mini-batches"].config()
    assert 0 < config.batch_size < config.samples
    assert train("mini-batches", 30).batches_per_epoch == config.samples // config.batch_size


def test_adam_vs_sgd_compares_adam_with_sgd_at_the_same_lr():
    entry = TRY_IT["adam-vs-sgd"]
    assert entry.config().optimizer == "adam" and entry.config().lr == 0.1
    optimizers = [ExperimentConfig().with_changes(**c) for c in entry.compare]
    assert [(c.optimizer, c.lr) for c in optimizers] == [("adam", 0.1), ("sgd", 0.1)]
    assert entry.config() == optimizers[0]
    # What the lesson asks the student to predict: after 10 updates SGD is lower.
    assert train("default", 10).loss.item() < train("adam-vs-sgd", 10).loss.item()


def test_rmsprop_jumps_by_ten_times_lr_on_its_first_update():
    entry = TRY_IT["rmsprop"]
    config = entry.config()
    assert (config.optimizer, config.lr) == ("rmsprop", 0.1) and not entry.run
    session = TrainingSession(config)
    w0, b0 = session.model.weight.item(), session.model.bias.item()
    session.run_updates(1)  # what pressing F11 once does
    assert session.model.weight.item() - w0 == pytest.approx(1.0, abs=1e-6)
    assert session.model.bias.item() - b0 == pytest.approx(1.0, abs=1e-6)
    assert "10 × lr" in entry.description


@pytest.mark.parametrize("name", ["momentum", "rmsprop", "watch-it-learn"])
def test_other_optimizers_converge(name):
    assert train(name, 200).loss.item() < 1e-2


def test_link_names():
    assert try_it_name("gradlab:try/lr-too-large") == "lr-too-large"
    assert try_it_name("gradlab:try/") is None
    assert try_it_name("https://example.com/try/x") is None
