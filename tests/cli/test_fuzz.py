"""Fuzzing with hypothesis: the command line, config dicts and checkpoint bytes
either work or are refused with one clear line; never a traceback.
`GRADLAB_HYPOTHESIS=long` runs many more examples."""

import io
import os

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from gradlab.cli import main
from gradlab.core import checkpoint
from gradlab.core.config import SPECS, ConfigError, ExperimentConfig

LONG = os.environ.get("GRADLAB_HYPOTHESIS") == "long"
FUZZ = settings(
    max_examples=400 if LONG else 40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

FLAGS = [spec.flag for spec in SPECS] + ["--json", "--bogus", "-x", "--steps"]
VALUES = st.one_of(
    st.integers(-5, 300).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(
        [
            "abc",
            "",
            " ",
            "nan",
            "inf",
            "-inf",
            "1e400",
            "0x10",
            "sgd",
            "adam",
            "mlp",
            "sin",
            "huber",
            "１２",
            "\u00a0",
        ]
    ),
    st.text(max_size=8),
)
ARGS = st.lists(st.one_of(st.sampled_from(FLAGS), VALUES), max_size=8)


@FUZZ
@given(args=ARGS, steps=st.integers(0, 30))
def test_random_command_lines_work_or_exit_2_with_one_line(capsys, args, steps):
    code = main(["train", "--steps", str(steps), *args])
    out = capsys.readouterr()
    assert code in (0, 2)
    if code == 2:
        lines = out.err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("gradlab: error:")
        assert "Traceback" not in out.err
        assert out.out == ""


CONFIG_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=6),
    st.lists(st.integers(), max_size=2),
)
CONFIG_DICTS = st.dictionaries(
    st.one_of(st.sampled_from([s.name for s in SPECS]), st.text(max_size=5)),
    CONFIG_VALUES,
    max_size=6,
)


@FUZZ
@given(data=CONFIG_DICTS)
def test_random_config_dicts_are_valid_or_refused_cleanly(data):
    try:
        config = ExperimentConfig.from_dict(data)
    except ConfigError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert ExperimentConfig.from_dict(config.to_dict()) == config


@FUZZ
@given(blob=st.binary(max_size=4096))
def test_random_bytes_are_refused_as_checkpoints(blob):
    with pytest.raises(checkpoint.CheckpointError) as info:
        checkpoint.from_bytes(blob, "fuzz")
    assert info.value.code.startswith("checkpoint.")


@FUZZ
@given(cut=st.integers(0, 10_000), flips=st.lists(st.integers(0, 10_000), max_size=4))
def test_damaged_real_checkpoints_are_refused_or_load(cut, flips):
    """Truncated or bit-flipped copies of a real checkpoint: refused cleanly, or (a
    flip in a value's bytes) loaded as a valid session."""
    from gradlab.core.session import TrainingSession

    data = bytearray(_real_checkpoint())
    for position in flips:
        data[position % len(data)] ^= 0xFF
    data = bytes(data[: max(0, len(data) - cut)])
    try:
        session, _ = checkpoint.from_bytes(data, "damaged")
    except checkpoint.CheckpointError:
        return
    assert isinstance(session, TrainingSession)


_CACHE = {}


def _real_checkpoint() -> bytes:
    if "data" not in _CACHE:
        from gradlab.core.session import TrainingSession

        s = TrainingSession(ExperimentConfig(optimizer="adam", batch_size=10))
        s.run_updates(5)
        buf = io.BytesIO(checkpoint.to_bytes(s))
        _CACHE["data"] = buf.getvalue()
    return _CACHE["data"]
