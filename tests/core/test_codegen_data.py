"""Issue 17 item 4: the script for an experiment on the student's own data writes
the data out; what torch builds from the text is the experiment's tensors."""

import ast
import random

import pytest
import torch

from gradlab.core import code_lines, codegen
from gradlab.core.config import ExperimentConfig
from gradlab.core.data import own_data_tensors
from gradlab.core.datapoints import MAX_ROWS, DataPoints

RNG = random.Random(17)
CASES = [
    DataPoints((1.0,), (2.0,)),
    DataPoints(tuple(RNG.uniform(-40, 40) for _ in range(30)), tuple(range(30))),
    DataPoints(
        tuple(RNG.uniform(-1e15, 1e15) for _ in range(MAX_ROWS)),
        tuple(RNG.gauss(0, 1e-30) for _ in range(MAX_ROWS)),
    ),
]


def built_tensors(script: str) -> dict[str, torch.Tensor]:
    """Run only the script's data lines, as Python and torch read them."""
    namespace = {"torch": torch}
    for node in ast.parse(script).body:
        if isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) in ("x", "y"):
            exec(compile(ast.Module([node], []), "<script>", "exec"), namespace)
    return {name: namespace[name] for name in ("x", "y")}


@pytest.mark.parametrize("points", CASES, ids=["one", "thirty", "max_rows"])
def test_the_scripts_data_are_the_experiments_tensors_in_both_languages(points):
    config = ExperimentConfig(batch_size=1, optimizer="adam").with_data(points)
    x, y = own_data_tensors(points)
    statements = set()
    for lang in ("en", "zh_CN"):
        script = codegen.script_for(config, 5, lang=lang)
        built = built_tensors(script)
        assert built["x"].dtype == torch.float32 and torch.equal(built["x"], x)
        assert torch.equal(built["y"], y)
        assert "torch.randn" not in script
        assert max(code_lines.width(line) for line in script.splitlines()) <= code_lines.MAX_LINE
        statements.add(ast.dump(ast.Module(ast.parse(script).body[1:], [])))  # no docstring
        lines = script.splitlines()
        calls = {
            p: lines[n - 1].split("#")[0].strip()
            for p, n in codegen.phase_lines(config, 5, lang).items()
        }
        assert calls["forward"] == "y_pred = model(xb)"
    assert len(statements) == 1  # the same code in both languages
    one = codegen.script_for(ExperimentConfig().with_data(CASES[0]))
    assert "Fit your one sample" in one and "1 samples" not in one


def test_every_data_line_says_what_it_does():
    config = ExperimentConfig().with_data(CASES[1])
    explained = codegen.line_explanations(config)
    lines = codegen.script_for(config).splitlines()
    data_lines = [n for n, text in enumerate(lines, 1) if text.startswith(("x = ", "y = ", "    "))]
    assert data_lines and all(n in explained for n in data_lines)
    assert explained[data_lines[0]].startswith("Your inputs")
