"""Issue 15 items 5 and 12: every field of a checkpoint is checked at load; a bad
one refuses the file with CheckpointError naming the field, and a legitimate
file (a diverged run, a learning rate changed live, an optimizer without state
yet) still loads and trains on exactly."""

import pytest
import torch

from gradlab.core import checkpoint, torchfile
from gradlab.core.config import ExperimentConfig
from gradlab.core.session import TrainingSession
from gradlab.core.training import train
from tests.checkpoint_payloads import (
    ADAM,
    ISSUE_CASES,
    MOMENTUM,
    OPT,
    is_one_line,
    payload,
    to_bytes,
    with_value,
    without,
)
from tests.reference import reference_run

ADAGRAD = ExperimentConfig(optimizer="adagrad", batch_size=30)


def refused(data: dict) -> checkpoint.CheckpointError:
    with pytest.raises(checkpoint.CheckpointError) as info:
        checkpoint.from_bytes(to_bytes(data), "crafted.pt")
    assert is_one_line(str(info.value)), str(info.value)
    return info.value


def loads(data: dict) -> TrainingSession:
    session, _ = checkpoint.from_bytes(to_bytes(data), "crafted.pt")
    return session


INF, NAN = float("inf"), float("nan")
CASES = [
    *ISSUE_CASES,
    # and the rest of the fields
    (ADAM, ("state", "model", "bias"), torch.zeros(1, dtype=torch.float64), "state.model.bias"),
    (ADAM, ("state", "model", "bias"), [0.0], "state.model.bias"),
    (ADAM, ("state", "grads", "weight"), torch.zeros(2), "state.grads.weight"),
    (ADAM, ("state", "epoch"), 10**9, "state.epoch"),
    (ADAM, ("state", "epoch"), 0, "state.epoch"),
    (ADAM, ("state", "batch_drawn"), 1, "state.batch_drawn"),
    (ADAM, ("state", "diverged"), "no", "state.diverged"),
    (
        ADAM,
        ("state", "epoch_start_state"),
        torch.zeros(5, dtype=torch.uint8),
        "state.epoch_start_state",
    ),
    (
        ADAM,
        ("state", "epoch_start_state"),
        torch.zeros(5056, dtype=torch.uint8),
        "state.epoch_start_state",
    ),
    (ADAM, (*OPT, "state", 0, "step"), torch.tensor(NAN), "state.optimizer.state[0].step"),
    (ADAM, (*OPT, "state", 0, "step"), torch.tensor(1e9), "state.optimizer.state[0].step"),
    (ADAM, (*OPT, "state", 0, "step"), torch.tensor(2.5), "state.optimizer.state[0].step"),
    (
        ADAM,
        (*OPT, "state", 0, "exp_avg_sq"),
        -torch.ones(1, 1),
        "state.optimizer.state[0].exp_avg_sq",
    ),
    (ADAM, (*OPT, "state", 0, "extra"), torch.zeros(1), "state.optimizer.state[0]"),
    (ADAM, (*OPT, "state", 9), {}, "state.optimizer.state"),
    (
        ADAM,
        (*OPT, "param_groups", 0, "betas"),
        (0.5, 0.999),
        "state.optimizer.param_groups[0].betas",
    ),
    (ADAM, (*OPT, "param_groups", 0, "params"), [0, 0], "state.optimizer.param_groups[0].params"),
    (ADAM, (*OPT, "param_groups", 0, "maximize"), True, "state.optimizer.param_groups[0].maximize"),
    (ADAM, (*OPT, "param_groups"), [], "state.optimizer.param_groups"),
    (MOMENTUM, ("state", "epoch"), 3, "state.epoch"),  # full batch: no epochs
    (ADAGRAD, (*OPT, "state", 1, "sum"), -torch.ones(1), "state.optimizer.state[1].sum"),
    (ADAM, ("history", "capacity"), 7, "history.capacity"),
    (ADAM, ("history", "capacity"), 2**40, "history.capacity"),
    (ADAM, ("history", "stride"), 3, "history.stride"),
    (ADAM, ("history", "compactions"), -1, "history.compactions"),
    (ADAM, ("history", "columns", "step", 0), 5.0, "history.columns.step[1]"),
    (ADAM, ("history", "columns", "step", 0), NAN, "history.columns.step[0]"),
    (ADAM, ("history", "columns", "loss", 0), "x", "history.columns.loss[0]"),
    (ADAM, ("history", "columns", "g1"), [0.0], "history.columns.g1"),
    (ADAM, ("extra",), [], "extra"),
    (ADAM, ("surprise",), 1, ""),
]


@pytest.mark.parametrize(("config", "path", "value", "field"), CASES)
def test_a_bad_field_is_refused_naming_it(config, path, value, field):
    error = refused(with_value(payload(config), path, value))
    assert error.code == "checkpoint.inconsistent"
    assert error.field == field or (field == "" and "surprise" in str(error))
    assert field in str(error)


@pytest.mark.parametrize(
    "path",
    [
        ("state", "step_count"),
        ("state", "model", "weight"),
        (*OPT, "state"),
        (*OPT, "param_groups", 0, "eps"),
        ("history", "columns", "p0"),
        ("config",),
    ],
)
def test_a_missing_field_is_refused(path):
    error = refused(without(payload(ADAM), path))
    assert error.code in ("checkpoint.inconsistent", "checkpoint.bad_config")
    assert path[-1] in str(error) or path[-1] == "config"


def test_adagrads_sums_made_at_construction_are_required():
    error = refused(without(payload(ADAGRAD), (*OPT, "state", 0)))
    assert error.field == "state.optimizer.state" and "parameter 0" in str(error)


def test_a_bad_config_is_refused_as_bad_config():
    error = refused(with_value(payload(ADAM), ("config", "true_w"), 10**400))
    assert error.code == "checkpoint.bad_config"


def test_a_diverged_run_loads_with_its_inf_and_nan_and_trains_on(tmp_path):
    opts = {"lr": 100.0, "optimizer": "momentum"}
    s = TrainingSession(ExperimentConfig(**opts))
    train(s, 60)
    assert s.diverged and not torch.isfinite(s.model.weight).all()
    checkpoint.save(s, tmp_path / "d.pt")
    back, _ = checkpoint.load(tmp_path / "d.pt")
    assert back.diverged
    train(back, 5)
    ref, _, _, _ = reference_run(65, **opts)
    for name, p in ref.named_parameters():
        got = dict(back.model.named_parameters())[name]
        torch.testing.assert_close(got, p, rtol=0, atol=0, equal_nan=True)


def test_a_learning_rate_changed_live_is_part_of_the_checkpoint(tmp_path):
    s = TrainingSession(ExperimentConfig(optimizer="adam", batch_size=20))
    train(s, 9)
    s.set_lr(0.04)
    train(s, 4)
    checkpoint.save(s, tmp_path / "lr.pt")
    back, _ = checkpoint.load(tmp_path / "lr.pt")
    assert back.lr == 0.04 == back.config.lr
    train(s, 11)
    train(back, 11)
    for a, b in zip(s.model.parameters(), back.model.parameters(), strict=True):
        assert torch.equal(a, b)


@pytest.mark.parametrize(
    "config",
    [
        ExperimentConfig(optimizer="adam"),
        ExperimentConfig(optimizer="adagrad", batch_size=7),
        ExperimentConfig(optimizer="rmsprop", model="mlp", hidden=3),
        ExperimentConfig(optimizer="nesterov", momentum=0.5),
    ],
)
def test_an_optimizer_before_its_first_step_loads(tmp_path, config):
    s = TrainingSession(config)
    checkpoint.save(s, tmp_path / "fresh.pt")
    back, _ = checkpoint.load(tmp_path / "fresh.pt")
    train(back, 3)
    train(s, 3)
    for a, b in zip(s.model.parameters(), back.model.parameters(), strict=True):
        assert torch.equal(a, b)


def test_a_step_without_gradients_leaves_adams_count_behind_and_loads(tmp_path):
    s = TrainingSession(ExperimentConfig(optimizer="adam"))
    train(s, 2)
    s.run_phase("zero_grad")
    s.run_phase("step")  # counted by GradLab, not by Adam: .grad is None
    assert s.step_count == 3
    checkpoint.save(s, tmp_path / "s.pt")
    back, _ = checkpoint.load(tmp_path / "s.pt")
    assert float(back.optimizer.state_dict()["state"][0]["step"]) == 2.0


def test_loaded_tensors_share_nothing_with_each_other():
    """A file may make two fields views of one storage; each is its own copy."""
    data = payload(ADAM)
    shared = torch.zeros(1, 1)
    data = with_value(data, (*OPT, "state", 0, "exp_avg"), shared)
    data = with_value(data, (*OPT, "state", 0, "exp_avg_sq"), shared)
    session = loads(data)
    state = session.optimizer.state_dict()["state"][0]
    assert state["exp_avg"].data_ptr() != state["exp_avg_sq"].data_ptr()


def test_a_refusal_stays_a_readable_line_whatever_the_file_holds():
    """A hostile value of 100,000 characters, or 10,000 unknown settings, used to
    be quoted whole: a single message line of 100,000+ characters in the
    window and on the command line."""
    clean = payload(ADAM)
    many = {**clean["config"], **{f"k{i}": 1 for i in range(10_000)}}
    for bad, named in (
        (with_value(clean, ("config", "optimizer"), "a" * 100_000), "--optimizer"),
        (with_value(clean, ("config",), many), "k0"),
    ):
        text = str(refused(bad))
        assert named in text and len(text) <= torchfile.MAX_MESSAGE + 1, text[:200]
