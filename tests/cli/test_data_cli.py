"""Issue 17 item 4: `gradlab train|export-script|graph --data FILE.csv`.

`train --json --data F.csv` equals the tutorial's program written out here with x
and y read from the file (float32, shape (N, 1), file order) after
torch.manual_seed(seed), bit for bit; the exported script, run in a subprocess,
reproduces it; the options that describe generated data are refused beside --data.
"""

import csv
import json
import random

import pytest
import torch

from gradlab.cli import main
from gradlab.core import codegen
from gradlab.core.actions import ActionLog
from gradlab.core.config import ExperimentConfig
from gradlab.core.csvdata import read_csv
from gradlab.core.datapoints import DataPoints
from gradlab.core.session import TrainingSession
from tests.core.test_codegen import assert_equal_params, run_scripts
from tests.reference import reference_run


def write_table(path, rows, separator=",", header=("celsius", "fahrenheit"), newline="\n"):
    lines = [separator.join(header)] if header else []
    lines += [f"{x!r}{separator}{y!r}" for x, y in rows]
    path.write_text(newline.join(lines) + newline, encoding="utf-8")
    return path


def readings(n: int, seed: int) -> list[tuple[float, float]]:
    """Celsius -> Fahrenheit with noise, as Python doubles (not float32 values)."""
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        c = rng.uniform(-20, 40)
        rows.append((c, 1.8 * c + 32 + rng.gauss(0, 1.5)))
    return rows


def read_independently(path) -> tuple[list[float], list[float]]:
    """The file as the test's own program reads it: the csv module and float()."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        text = fh.read()
    separator = ";" if ";" in text.splitlines()[0] else ","
    rows = [r for r in csv.reader(text.splitlines(), delimiter=separator) if r]
    if not all(_is_number(v) for v in rows[0]):
        rows = rows[1:]
    return [float(x) for x, _ in rows], [float(y) for _, y in rows]


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@pytest.fixture
def files(tmp_path):
    return {
        "celsius": write_table(tmp_path / "celsius.csv", readings(25, 1)),
        "semicolon": write_table(
            tmp_path / "semi.csv", readings(40, 2), ";", ("x", "y"), newline="\r\n"
        ),
        "no_header": write_table(tmp_path / "plain.csv", readings(9, 3), header=None),
    }


CASES = [
    ("celsius", {"lr": 0.001}, 60),
    ("celsius", {"optimizer": "momentum", "lr": 0.0005, "seed": 4}, 45),
    ("semicolon", {"optimizer": "adam", "lr": 0.5, "batch_size": 8, "seed": 7}, 33),
    ("semicolon", {"optimizer": "rmsprop", "lr": 0.05, "loss": "huber", "batch_size": 6}, 20),
    ("no_header", {"optimizer": "nesterov", "momentum": 0.5, "lr": 0.0002, "loss": "l1"}, 30),
    ("no_header", {"model": "mlp", "hidden": 4, "optimizer": "adagrad", "batch_size": 2}, 17),
]


def _train_json(capsys, path, opts: dict, steps: int) -> dict:
    args = [f"--{k.replace('_', '-')}={v}" for k, v in opts.items()]
    assert main(["train", "--json", "--steps", str(steps), "--data", str(path), *args]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(("name", "opts", "steps"), CASES)
def test_train_json_with_data_equals_the_loop_written_out(files, capsys, name, opts, steps):
    out = _train_json(capsys, files[name], opts, steps)
    ref, ref_loss, x, _ = reference_run(steps, data=read_independently(files[name]), **opts)
    assert x.shape == (len(read_independently(files[name])[0]), 1)
    assert out["steps"] == steps and out["loss"] == ref_loss.item()
    for param_name, p in ref.named_parameters():
        assert torch.equal(torch.tensor(out["parameters"][param_name]), p.detach()), param_name


def test_with_data_the_first_weights_are_those_of_the_seed_alone(files, capsys):
    """No random draw makes the data: the model starts as nn.Linear(1, 1) right
    after torch.manual_seed(seed)."""
    out = _train_json(capsys, files["celsius"], {"seed": 5}, 0)
    torch.manual_seed(5)
    fresh = torch.nn.Linear(1, 1)
    assert out["parameters"]["weight"] == fresh.weight.tolist()
    assert out["parameters"]["bias"] == fresh.bias.tolist()


def test_the_exported_scripts_reproduce_train_bit_for_bit(files, tmp_path, capsys):
    """Each exported script, run in a subprocess, ends where `train --json` ends;
    and a session-as-code replay with data edits ends where the session does."""
    expected, scripts = [], []
    for i, (name, opts, steps) in enumerate(CASES):
        expected.append(_train_json(capsys, files[name], opts, steps))
        out = tmp_path / f"export_{i}.py"
        args = [f"--{k.replace('_', '-')}={v}" for k, v in opts.items()]
        assert main(["export-script", "--data", str(files[name]), "--steps", str(steps)]
                    + args + ["-o", str(out)]) == 0  # fmt: skip
        capsys.readouterr()  # "Wrote ..."
        scripts.append(out.read_text(encoding="utf-8"))
    session, log = session_with_data_edits(read_csv(files["celsius"]).points)
    scripts.append(codegen.session_script(log.copy(), lang="zh_CN"))
    results, _ = run_scripts(tmp_path, scripts)
    for want, got in zip(expected, results[:-1], strict=True):
        assert got["names"] == sorted(["x", "y", "model", "criterion", "optimizer", "loss"])
        for name, value in want["parameters"].items():
            assert torch.equal(got["params"][name], torch.tensor(value)), name
        assert got["loss"].item() == want["loss"]
    assert_equal_params(results[-1]["params"], session.model)


def session_with_data_edits(points: DataPoints):
    """As the app does it: every edit of the data, and every settings change, is
    a new setup on the same log, which the session script must replay."""
    log = ActionLog()
    config = ExperimentConfig(lr=0.001).with_data(points)
    s = TrainingSession(config, log=log)
    s.run_updates(5)
    s.run_phase("forward")
    s = TrainingSession(config.with_data(points.with_point(10.0, 50.0)), log=log)  # an edit
    s.run_updates(3)
    s.set_lr(0.0005)
    s.run_updates(2)
    config = s.config.with_changes(batch_size=4, optimizer="momentum")  # same data
    s = TrainingSession(config, log=log)
    s.run_updates(7)
    s = TrainingSession(ExperimentConfig(seed=2), log=log)  # generated data again
    s.run_updates(2)
    s = TrainingSession(config.with_data(points.without(0)), log=log)
    s.run_updates(4)
    return s, log


def test_a_session_script_writes_a_data_set_once_while_it_stays_the_same(files):
    points = read_csv(files["celsius"]).points
    _, log = session_with_data_edits(points)
    script = codegen.session_script(log.copy())
    assert script.count("x = torch.tensor([") == 3  # three distinct data sets
    assert "the same 26 samples as above" in script


@pytest.mark.parametrize("command", ["train", "graph", "export-script"])
@pytest.mark.parametrize(
    "flag",
    [["--samples", "10"], ["--true-w", "2"], ["--true-b", "1"], ["--noise", "0"],
     ["--target", "line"]],
)  # fmt: skip
def test_options_for_generated_data_are_refused_beside_data(files, tmp_path, capsys, command, flag):
    out = tmp_path / "out.py"
    extra = ["-o", str(out)] if command == "export-script" else []
    assert main([command, "--data", str(files["celsius"]), *flag, *extra]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert flag[0] in captured.err and "--data" in captured.err
    assert not out.exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"x,y\n1,2\n3,abc\n", "row 3: 'abc' in the y column is not a number"),
        (b"", "the file is empty"),
        (b"1,2,3\n", "row 1: 3 columns"),
        (b"1,nan\n", "row 1: 'nan' in the y column is not allowed"),
    ],
)
def test_a_bad_file_exits_2_with_one_line_naming_the_row(tmp_path, capsys, content, expected):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    save = tmp_path / "run.pt"
    assert main(["train", "--data", str(path), "--save", str(save)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"--data: {path}: {expected}" in err
    assert not save.exists()


def test_a_special_file_is_refused(capsys):
    assert main(["train", "--data", "/dev/zero"]) == 2
    assert "not a regular file" in capsys.readouterr().err


def test_resume_refuses_data(files, tmp_path, capsys):
    saved = tmp_path / "run.pt"
    assert main(["train", "--steps", "2", "--save", str(saved)]) == 0
    capsys.readouterr()
    assert main(["train", "--resume", str(saved), "--data", str(files["celsius"])]) == 2
    assert "leave out --data" in capsys.readouterr().err


def test_a_batch_larger_than_the_file_is_refused_naming_the_rows(files, capsys):
    assert main(["train", "--data", str(files["no_header"]), "--batch-size", "10"]) == 2
    assert "at most the number of data rows (9)" in capsys.readouterr().err


def test_graph_with_data_shows_the_files_shapes(files, capsys):
    assert main(["graph", "--data", str(files["celsius"]), "--format", "json"]) == 0
    nodes = {n["id"]: n for n in json.loads(capsys.readouterr().out)["nodes"]}
    assert nodes["y"]["shape"] == [25, 1] and nodes["x"]["shape"] == [25, 1]


def test_the_human_summary_makes_no_claim_about_a_true_line(files, capsys):
    assert main(["train", "--data", str(files["celsius"]), "--lr", "0.001"]) == 0
    out = capsys.readouterr().out
    assert "on your 25 samples" in out and "made with" not in out
