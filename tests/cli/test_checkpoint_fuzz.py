"""Issue 15's checkpoint fuzzer: a valid checkpoint mutated field by field (inf,
nan, huge, negative, wrong type, wrong shape, strings with line breaks, a field
removed or added). Each case is either refused with one line, or loads, trains
on, gives a snapshot, and exports a session script that parses to the clean
script's statements. `GRADLAB_HYPOTHESIS=long` runs many more examples and a
sweep of every field with every mutation."""

import ast
import os

import hypothesis.strategies as st
import pytest
import torch
from hypothesis import HealthCheck, given, settings

from gradlab.core import checkpoint, codegen
from gradlab.core.actions import ActionLog
from gradlab.core.config import ExperimentConfig
from gradlab.core.datapoints import DataPoints
from gradlab.core.training import train
from tests.checkpoint_payloads import (
    get_at,
    is_one_line,
    leaves,
    payload_of,
    rich_session,
    to_bytes,
    with_value,
    without,
)

LONG = os.environ.get("GRADLAB_HYPOTHESIS") == "long"
FUZZ = settings(
    max_examples=1500 if LONG else 60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
BASES = {
    "adam mini-batch, mid-update, every kind of log entry": rich_session(),
    "momentum mlp full batch": rich_session(
        ExperimentConfig(optimizer="momentum", model="mlp", hidden=3, target="sin")
    ),
    "own data, sgd mini-batch": rich_session(
        ExperimentConfig(batch_size=5, lr=0.01).with_data(
            DataPoints(tuple(0.5 * i - 3 for i in range(12)), tuple(1.5 * i + 2 for i in range(12)))
        )
    ),
}
PAYLOADS = {name: payload_of(s) for name, s in BASES.items()}
PATHS = [(name, path) for name, payload in PAYLOADS.items() for path in leaves(payload)]
TEXT = 'x\nimport os; os.system(\'touch PWNED\')  #\r\u2028"""'
DELETE = object()


def mutations(value) -> dict:
    """What an attacker (or a damaged disk) might put in place of `value`."""
    out = {"wrong type": "abc", "none": None, "newline text": TEXT, "delete": DELETE}
    if isinstance(value, torch.Tensor):
        as_float = value.float()
        out |= {
            "inf": torch.full_like(as_float, float("inf")),
            "nan": torch.full_like(as_float, float("nan")),
            "huge": torch.full_like(as_float, 3e38),
            "negative": -as_float - 1,
            "wrong shape": torch.zeros(7, 7),
            "float64": value.double(),
            "complex": value.to(torch.complex64),
            "a list": value.tolist(),
        }
    elif isinstance(value, bool):
        out |= {"an int": int(value), "negated": not value}
    elif isinstance(value, int | float):
        out |= {
            "inf": float("inf"),
            "nan": float("nan"),
            "huge": 10**30 if isinstance(value, int) else 1e300,
            "huge float": 1e300,
            "negative": -value - 1,
            "negated": -value,
            "as float": float(value),
            "a list": [value],
        }
    elif isinstance(value, list):
        out |= {
            "wrong shape": [*value, *value],
            "empty": [],
            "one more": [*value, value[-1] if value else 0.0],
            "inf item": [float("inf"), *value[1:]],
            "nan item": [float("nan"), *value[1:]],
            "a tuple": tuple(value),
        }
    elif isinstance(value, str):
        out |= {"empty": "", "long": value * 5000, "upper": value.upper()}
    elif isinstance(value, tuple):
        out |= {"wrong shape": (*value, *value), "a list": list(value)}
    return out


def _statements(script: str) -> str:
    return ast.dump(ast.parse(script))


def _vocabulary(script: str) -> set[str]:
    """Every name a script uses: variables, attributes, keywords, imports."""
    names = set()
    for node in ast.walk(ast.parse(script)):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Attribute):
            names.add(node.attr)
        elif isinstance(node, ast.keyword) and node.arg:
            names.add(node.arg)
        elif isinstance(node, ast.alias):
            names.add(node.name)
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module or "")
        elif isinstance(node, ast.FunctionDef | ast.Global):
            names.update(getattr(node, "names", [getattr(node, "name", "")]))
    return names


def _scripts(data: bytes) -> tuple[str, str]:
    """The session as code when loaded, and after training on (a real run) and
    taking a snapshot (what the window shows next)."""
    session, extra = checkpoint.from_bytes(data, "fuzz.pt")
    log = ActionLog.from_list(extra["log"]) if "log" in extra else session.log
    loaded = codegen.session_script(log.copy())
    session.replace_log(log)
    train(session, 3)
    session.snapshot()
    return loaded, codegen.session_script(log.copy())


CLEAN = {name: _scripts(to_bytes(p))[0] for name, p in PAYLOADS.items()}
VOCABULARY = set().union(*(_vocabulary(script) for script in CLEAN.values()))


def check_case(base: str, path: tuple, mutation: str) -> str:
    payload = PAYLOADS[base]
    value = mutations(get_at(payload, path))[mutation]
    changed = without(payload, path) if value is DELETE else with_value(payload, path, value)
    try:
        loaded, continued = _scripts(to_bytes(changed))
    except checkpoint.CheckpointError as exc:
        assert is_one_line(str(exc)) and exc.code.startswith("checkpoint."), str(exc)
        return "refused"
    if path[0] != "extra":
        # The log is untouched: the very same script.
        assert _statements(loaded) == _statements(CLEAN[base]), (path, mutation)
    # A log that is still valid (a flag flipped, a number changed), or a state
    # that trains on differently (skip zero_grad), replays other calls, but only
    # calls GradLab writes: no name the clean scripts do not use (os, system,
    # eval, __import__ ...) can appear.
    assert _vocabulary(loaded) | _vocabulary(continued) <= VOCABULARY, (path, mutation)
    return "loaded"


CASES = st.sampled_from(PATHS).flatmap(
    lambda bp: st.tuples(
        st.just(bp), st.sampled_from(sorted(mutations(get_at(PAYLOADS[bp[0]], bp[1]))))
    )
)


@FUZZ
@given(case=CASES)
def test_a_mutated_checkpoint_is_refused_in_one_line_or_works(case):
    (base, path), mutation = case
    check_case(base, path, mutation)


def test_an_added_field_is_refused_anywhere():
    for base, payload in PAYLOADS.items():
        for path in {
            p[:-1] for p in leaves(payload) if p and isinstance(get_at(payload, p[:-1]), dict)
        }:
            changed = with_value(payload, (*path, "surprise"), 1)
            with pytest.raises(checkpoint.CheckpointError) as info:
                checkpoint.from_bytes(to_bytes(changed), "fuzz.pt")
            assert is_one_line(str(info.value)), (base, path)


@pytest.mark.skipif(not LONG, reason="every field × every mutation: GRADLAB_HYPOTHESIS=long")
def test_every_field_with_every_mutation():
    outcomes = {"refused": 0, "loaded": 0}
    for base, path in PATHS:
        for mutation in mutations(get_at(PAYLOADS[base], path)):
            outcomes[check_case(base, path, mutation)] += 1
    assert outcomes["refused"] and outcomes["loaded"]
