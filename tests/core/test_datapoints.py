"""Issue 17: the student's own data as part of the experiment (DataPoints on
ExperimentConfig): validated, float32 exactly, carried by to_dict/from_dict."""

import math

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from gradlab.core.config import ConfigError, ExperimentConfig
from gradlab.core.datapoints import MAX_ROWS, DataError, DataPoints, literal

POINTS = DataPoints((0.0, 10.0, 20.5), (32.1, 50.0, 68.9))


def float32_bits(value: float) -> int:
    return torch.tensor([value], dtype=torch.float32).view(torch.int32).item()


@settings(max_examples=500, deadline=None)
@given(st.floats(width=32, allow_nan=False, allow_infinity=False))
def test_a_literal_reads_back_to_the_same_float32_bits(value):
    text = literal(value)
    assert float32_bits(float(text)) == float32_bits(value)
    assert "." in text or "e" in text  # a float literal: torch.tensor([5]) would be int64
    assert len(text) <= len(repr(value))


def test_literals_are_the_short_ones_a_person_would_write():
    assert [literal(v) for v in (0.1, 2.0, -0.0, 1e-7, 32.1)] == [
        "0.1",
        "2.0",
        "-0.0",
        "1e-07",
        "32.1",
    ]
    assert literal(16777217.0) == "16777216.0"  # float32 has no 16777217


def test_values_are_kept_as_the_float32_values_torch_makes():
    points = DataPoints((0.1, 1 / 3), (2, -7))
    assert points.x == tuple(torch.tensor([0.1, 1 / 3], dtype=torch.float32).tolist())
    assert points.y == (2.0, -7.0) and all(type(v) is float for v in points.y)


@pytest.mark.parametrize(
    ("x", "y", "code", "field"),
    [
        ((), (), "data.rows", "x"),
        ((1.0,) * (MAX_ROWS + 1), (1.0,) * (MAX_ROWS + 1), "data.rows", "x"),
        ((1.0, math.nan), (1.0, 2.0), "data.value", "x[1]"),
        ((1.0, 2.0), (1.0, -math.inf), "data.value", "y[1]"),
        ((1.0, 2e15), (1.0, 2.0), "data.value", "x[1]"),
        ((1.0, True), (1.0, 2.0), "data.value", "x[1]"),
        ((1.0, "2"), (1.0, 2.0), "data.value", "x[1]"),
        ((10**400,), (1.0,), "data.value", "x[0]"),
        ((1.0, 2.0), (1.0,), "data.lengths", "y"),
        ("12", (1.0,), "data.not_a_list", "x"),
    ],
)
def test_bad_data_are_refused_naming_the_field(x, y, code, field):
    with pytest.raises(DataError) as info:
        DataPoints(x, y)
    assert info.value.code == code and info.value.field == field
    assert str(info.value).isprintable()


def test_a_config_with_data_has_as_many_samples_as_points():
    config = ExperimentConfig(data=POINTS, batch_size=2, lr=0.001)
    assert config.samples == 3 and config.own_data
    assert ExperimentConfig.from_dict(config.to_dict()) == config


def test_settings_for_generated_data_do_not_apply_with_data():
    for change in ({"noise": 0.5}, {"true_w": 3.0}, {"true_b": 0.0}, {"target": "sin"}):
        with pytest.raises(ConfigError) as info:
            ExperimentConfig(data=POINTS, **change)
        name = next(iter(change))
        assert info.value.code == f"{name}.with_data" and info.value.field == name


def test_with_data_resets_the_generated_only_settings_and_keeps_the_rest():
    noisy = ExperimentConfig(noise=0.5, true_w=3.0, samples=40, lr=0.02, optimizer="adam")
    own = noisy.with_data(POINTS)
    assert own.data == POINTS and own.samples == 3 and own.noise == 0.0 and own.true_w == 2.0
    assert own.lr == 0.02 and own.optimizer == "adam"
    back = own.with_data(None, samples=40)
    assert back.data is None and back.samples == 40


def test_a_batch_larger_than_the_data_is_refused():
    with pytest.raises(ConfigError) as info:
        ExperimentConfig(data=POINTS, batch_size=4)
    assert info.value.code == "batch_size.too_large" and "data rows (3)" in str(info.value)


def test_a_config_without_data_reads_as_before():
    assert "data" not in ExperimentConfig().to_dict()
    assert ExperimentConfig.from_dict({"lr": 0.5, "data": None}) == ExperimentConfig(lr=0.5)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"x": [1.0, 2.0], "y": [1.0, math.nan]}, "data.y[1]"),
        ({"x": [1.0], "y": [1.0], "z": [1.0]}, "data"),
        ({"x": "1,2", "y": [1.0]}, "data.x"),
        ([1.0, 2.0], "data"),
    ],
)
def test_from_dict_names_the_bad_data_field(data, field):
    with pytest.raises(ConfigError) as info:
        ExperimentConfig.from_dict({"data": data})
    assert info.value.field == field and info.value.option == "--data"


def test_from_dict_refuses_a_sample_count_that_is_not_the_number_of_points():
    saved = ExperimentConfig(data=POINTS).to_dict()
    with pytest.raises(ConfigError) as info:
        ExperimentConfig.from_dict({**saved, "samples": 100})
    assert info.value.field == "samples"


def test_edits_make_new_points_and_never_leave_none():
    assert POINTS.with_point(1, 2).rows()[-1] == (1.0, 2.0)
    assert POINTS.moved(0, 5, 6).rows()[0] == (5.0, 6.0) and POINTS.x[0] == 0.0
    assert len(POINTS.without(1)) == 2
    with pytest.raises(DataError):
        DataPoints((1.0,), (2.0,)).without(0)
