"""`gradlab train --json` equals the tutorial's loop (tests/reference.py) for any
valid combination of the options, drawn by hypothesis. `GRADLAB_HYPOTHESIS=long`
runs many more examples."""

import json
import os

import hypothesis.strategies as st
import torch
from hypothesis import HealthCheck, given, settings

from gradlab.cli import main
from tests.reference import reference_run

LONG = os.environ.get("GRADLAB_HYPOTHESIS") == "long"

FINITE = {"allow_nan": False, "allow_infinity": False}
OPTIONS = st.fixed_dictionaries(
    {},
    optional={
        "samples": st.integers(1, 120),
        "true_w": st.floats(-5, 5, **FINITE),
        "true_b": st.floats(-5, 5, **FINITE),
        "noise": st.one_of(st.just(0.0), st.floats(0.01, 2, **FINITE)),
        "seed": st.integers(0, 2**32 - 1),
        "lr": st.floats(1e-4, 3, **FINITE),
        "optimizer": st.sampled_from(["sgd", "momentum", "nesterov", "adam", "rmsprop", "adagrad"]),
        "momentum": st.floats(0.05, 0.99, **FINITE),
        "batch_size": st.integers(0, 130),
        "loss": st.sampled_from(["mse", "l1", "huber"]),
        "model": st.sampled_from(["linear", "mlp"]),
        "hidden": st.integers(1, 24),
        "target": st.sampled_from(["line", "sin"]),
    },
).filter(lambda o: o.get("batch_size", 0) <= o.get("samples", 100))  # the one cross-field rule


def _text(value) -> str:
    return repr(value) if isinstance(value, float) else str(value)


@settings(
    max_examples=300 if LONG else 50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(opts=OPTIONS, steps=st.integers(0, 25))
def test_any_combination_of_options_equals_the_tutorial_loop(capsys, opts, steps):
    # repr() keeps every bit of a float; the app must read it back exactly.
    args = [f"--{k.replace('_', '-')}={_text(v)}" for k, v in opts.items()]
    assert main(["train", "--json", "--steps", str(steps), *args]) == 0
    out = json.loads(capsys.readouterr().out, parse_constant=_refuse)  # strict JSON
    # A diverged run stops itself; the reference runs as many updates.
    ref, ref_loss, _, _ = reference_run(out["steps"], **opts)
    assert out["steps"] == steps or out["diverged"]
    if ref_loss is None:
        assert out["loss"] is None
    else:
        _assert_same(out["loss"], ref_loss)
    for name, p in ref.named_parameters():
        _assert_same(out["parameters"][name], p)
    if out["diverged"] is False:
        assert ref_loss is None or torch.isfinite(ref_loss)


def _refuse(name):
    raise ValueError(f"not strict JSON: {name}")


def _assert_same(got, want: torch.Tensor) -> None:
    """Bit-equal where the reference is finite; null exactly where it is inf or nan."""
    want = want.detach().reshape(-1)
    got = torch.tensor(_none_to_nan(got), dtype=want.dtype).reshape(-1)
    finite = torch.isfinite(want)
    assert torch.equal(torch.isnan(got), ~finite)
    assert torch.equal(got[finite], want[finite])


def _none_to_nan(value):
    if isinstance(value, list):
        return [_none_to_nan(v) for v in value]
    return float("nan") if value is None else value
