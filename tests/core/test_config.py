import math

import pytest

from gradlab.core.config import SPECS, ConfigError, ExperimentConfig, parse_value


def test_defaults_are_the_tutorial():
    c = ExperimentConfig()
    assert (c.samples, c.true_w, c.true_b, c.lr, c.optimizer, c.loss, c.model) == (
        100,
        2.0,
        1.0,
        0.1,
        "sgd",
        "mse",
        "linear",
    )


def test_dict_round_trip():
    c = ExperimentConfig(lr=0.03, optimizer="adam", batch_size=10, noise=0.2)
    assert ExperimentConfig.from_dict(c.to_dict()) == c


@pytest.mark.parametrize(
    "name,value",
    [
        ("lr", "abc"),
        ("lr", -1),
        ("lr", 0),
        ("lr", math.nan),
        ("lr", math.inf),
        ("lr", 1000),
        ("samples", 0),
        ("samples", 2.5),
        ("samples", "many"),
        ("samples", True),
        ("optimizer", "sgdd"),
        ("optimizer", 3),
        ("batch_size", -1),
        ("momentum", 1.0),
        ("noise", -0.1),
        ("seed", -1),
        ("loss", "mae"),
        ("model", "cnn"),
        ("hidden", 0),
    ],
)
def test_refused_values_name_option_and_range(name, value):
    spec = next(s for s in SPECS if s.name == name)
    with pytest.raises(ConfigError) as info:
        ExperimentConfig(**{name: value})
    message = str(info.value)
    assert message.startswith(spec.flag)
    assert "must be" in message
    assert info.value.code == f"{name}.invalid"


def test_cross_checks():
    with pytest.raises(ConfigError) as info:
        ExperimentConfig(samples=10, batch_size=11)
    assert info.value.code == "batch_size.too_large"
    with pytest.raises(ConfigError):
        ExperimentConfig(optimizer="nesterov", momentum=0.0)


def test_text_parsing_and_unknown_keys():
    assert parse_value("lr", " 0.5 ") == 0.5
    assert parse_value("optimizer", "Adam") == "adam"
    assert parse_value("samples", "200") == 200
    with pytest.raises(ConfigError) as info:
        ExperimentConfig.from_dict({"lr": 0.1, "colour": "red"})
    assert "colour" in str(info.value)


def test_with_changes_leaves_original_untouched():
    c = ExperimentConfig()
    with pytest.raises(ConfigError):
        c.with_changes(lr=-1)
    assert c.lr == 0.1


def test_an_integer_too_large_for_a_float_is_refused_not_an_overflow():
    with pytest.raises(ConfigError) as info:
        ExperimentConfig.from_dict({"lr": 10**400})
    assert info.value.option == "--lr"
