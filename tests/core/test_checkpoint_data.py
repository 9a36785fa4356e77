"""Issue 17 item 5: checkpoints carry the student's own data, bounded and checked
like every other field on load (a bad value is refused naming its field)."""

import math

import pytest
import torch

from gradlab.core import checkpoint
from gradlab.core.actions import MAX_LOG_DATA_ROWS, ActionLog
from gradlab.core.config import ExperimentConfig
from gradlab.core.datapoints import MAX_ROWS, DataPoints
from gradlab.core.session import TrainingSession
from gradlab.core.training import train
from tests.checkpoint_payloads import is_one_line, payload, payload_of, to_bytes, with_value

POINTS = DataPoints(
    tuple(float(i) - 7.5 for i in range(17)), tuple(1.8 * i + 30.1 for i in range(17))
)
OWN = ExperimentConfig(optimizer="adam", lr=0.05, batch_size=5, seed=3).with_data(POINTS)


def refused(data: dict) -> checkpoint.CheckpointError:
    with pytest.raises(checkpoint.CheckpointError) as info:
        checkpoint.from_bytes(to_bytes(data), "crafted.pt")
    assert is_one_line(str(info.value)), str(info.value)
    return info.value


def test_a_session_with_data_saves_loads_and_trains_on_exactly(tmp_path):
    s = TrainingSession(OWN)
    s.run_updates(6)  # mid-epoch: 4 mini-batches per epoch
    s.run_phase("forward")
    checkpoint.save(s, tmp_path / "own.pt")
    back, _ = checkpoint.load(tmp_path / "own.pt")
    assert back.config == OWN and back.config.data == POINTS and back.config.samples == 17
    assert torch.equal(back.x, s.x) and torch.equal(back.y, s.y)
    s.full_update()
    train(s, 9)
    train(back, 10)
    for a, b in zip(s.model.parameters(), back.model.parameters(), strict=True):
        assert torch.equal(a, b)


NAN = float("nan")
DATA = ("config", "data")
CASES = [
    ((*DATA, "x", 3), NAN, "config.data.x[3]"),
    ((*DATA, "y", 0), math.inf, "config.data.y[0]"),
    ((*DATA, "y", 5), "7", "config.data.y[5]"),
    ((*DATA, "x", 1), 1e300, "config.data.x[1]"),
    ((*DATA, "x"), [1.0] * (MAX_ROWS + 1), "config.data.x"),
    ((*DATA, "x"), [1.0] * 16, "config.data.y"),  # lengths differ
    ((*DATA, "y"), torch.zeros(17), "config.data.y"),  # a tensor is not a list of numbers
    (DATA, "1,2\n3,4", "config.data"),
    (DATA, {"x": [1.0], "y": [1.0], "code": "print(1)"}, "config.data"),
    (("config", "samples"), 100, "config.samples"),
    (("config", "noise"), 0.5, "config.noise"),
    (("config", "target"), "sin", "config.target"),
]


@pytest.mark.parametrize(("path", "value", "field"), CASES)
def test_bad_data_in_a_checkpoint_is_refused_naming_the_field(path, value, field):
    error = refused(with_value(payload(OWN), path, value))
    assert error.code == "checkpoint.bad_config"
    assert error.field == field and field.removeprefix("config.") in str(error)


LOG_SETUP = ("extra", "log", 0, "args", "config")


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        ((*LOG_SETUP, "data", "x", 2), NAN, "extra.log[0].args.config.data.x[2]"),
        ((*LOG_SETUP, "data"), [1.0, 2.0], "extra.log[0].args.config.data"),
        ((*LOG_SETUP, "samples"), 3, "extra.log[0].args.config.samples"),
    ],
)
def test_bad_data_in_the_session_log_is_refused_naming_the_field(path, value, field):
    s = TrainingSession(OWN)
    s.run_updates(2)
    error = refused(with_value(payload_of(s), path, value))
    assert error.code == "checkpoint.inconsistent" and error.field == field


def big(offset: float) -> DataPoints:
    values = tuple(float(i % 1000) + offset for i in range(MAX_ROWS))
    return DataPoints(values, values)


def test_a_log_whose_setups_share_one_data_set_keeps_it_once():
    data = big(0.0)
    log = ActionLog()
    config = ExperimentConfig().with_data(data)
    s = TrainingSession(config, log=log)
    for lr in (0.01, 0.02, 0.03) * 100:  # settings changes keep the data
        s = TrainingSession(config.with_changes(lr=lr), log=log)
    raw = payload_of(s)
    setups = [e for e in raw["extra"]["log"] if e["kind"] == "setup"]
    assert len(setups) == 301
    back, extra = checkpoint.from_bytes(to_bytes(raw))
    loaded = ActionLog.from_list(extra["log"])
    xs = {id(a.args["config"]["data"]["x"]) for a in loaded.actions if a.kind == "setup"}
    assert len(xs) == 1 and back.config.data == data


def test_the_log_drops_its_oldest_entries_past_the_data_row_bound():
    log = ActionLog()
    sets = MAX_LOG_DATA_ROWS // MAX_ROWS + 3
    for i in range(sets):
        TrainingSession(ExperimentConfig().with_data(big(0.5 * i)), log=log)
    assert log.dropped == 3
    assert ActionLog.from_list(log.to_list()).dropped == 0  # and it loads


def test_a_log_with_too_many_distinct_data_rows_is_refused():
    s = TrainingSession(ExperimentConfig().with_data(big(0.0)))
    raw = payload_of(s)
    entry = raw["extra"]["log"][0]
    many = []
    for i in range(MAX_LOG_DATA_ROWS // MAX_ROWS + 1):
        config = dict(entry["args"]["config"])
        values = [v + i for v in config["data"]["x"]]
        config["data"] = {"x": values, "y": values}
        many.append({"kind": "setup", "args": {"config": config}})
    raw["extra"]["log"] = many
    error = refused(raw)
    assert error.field == f"extra.log[{len(many) - 1}].args.config.data"
    assert f"{MAX_LOG_DATA_ROWS:,} rows" in str(error)
