"""Issue 17 item 2: the example data sets the project makes itself, and what the
lesson on the loss curve says about the thermometer readings (checked with torch)."""

import math
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from gradlab.core import example_data, landscape
from gradlab.core.config import ExperimentConfig
from gradlab.core.session import TrainingSession

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_files_are_what_the_tool_makes():
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_example_data.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(
    ("name", "rows", "header"),
    [("celsius", 24, ("celsius", "fahrenheit")), ("spring", 22, ("force_N", "length_cm"))],
)
def test_every_example_reads_as_a_csv(name, rows, header):
    data = example_data.load(name)
    assert len(data.points) == rows and data.header == header


@pytest.mark.parametrize("name", ["nope", "../lessons/en/01-first-program", "celsius.csv", ""])
def test_a_name_that_is_not_an_example_is_never_a_path(name):
    with pytest.raises(KeyError):
        example_data.load(name)


def celsius_session(**changes) -> TrainingSession:
    return TrainingSession(
        ExperimentConfig(**changes).with_data(example_data.load("celsius").points)
    )


def test_what_the_lesson_says_about_the_thermometer():
    s = celsius_session()
    w, b = landscape.optimum(s.x, s.y)
    assert abs(w - 1.8) < 0.05 and abs(b - 32) < 0.5  # "F = 1.8·C + 32, small errors"
    limit = landscape.max_stable_lr(s.x)
    assert 0.002 < limit < 0.1  # lr 0.1 is above it; the suggested 0.002 below
    s.run_updates(5, stop_on_divergence=False)
    assert not math.isfinite(s.loss.item()) or s.loss.item() > 1e6  # "the run diverges"
    # "Adam ... with lr 0.5 gets there in 1,000 updates"
    adam = celsius_session(optimizer="adam", lr=0.5)
    adam.run_updates(1000)
    assert abs(adam.model.weight.item() - w) < 1e-3 and abs(adam.model.bias.item() - b) < 1e-2
    # "then far more slowly": 10 updates remove most of the loss, the next 90 little
    sgd = celsius_session(lr=0.002)
    losses = [sgd.run_updates(n) and sgd.loss.item() for n in (1, 9, 90)]
    assert losses[1] < losses[0] / 5 and losses[2] > losses[1] / 2
    assert torch.equal(sgd.x, celsius_session().x)
