"""`gradlab train`: parity with the tutorial's loop, JSON shape, exit codes."""

import json
import subprocess
import sys

import pytest
import torch

from gradlab.cli import main
from tests.reference import reference_run


def _json_run(capsys, *args):
    assert main(["train", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    "opts",
    [
        {},
        {"optimizer": "nesterov", "momentum": 0.5, "lr": 0.02},
        {"optimizer": "rmsprop", "lr": 0.01, "loss": "huber", "noise": 0.3},
        {"batch_size": 8, "samples": 50, "seed": 11, "loss": "l1"},
        {"model": "mlp", "target": "sin", "hidden": 4, "optimizer": "adam", "lr": 0.02},
    ],
)
def test_train_json_equals_tutorial_loop(capsys, opts):
    args = [f"--{k.replace('_', '-')}={v}" for k, v in opts.items()]
    out = _json_run(capsys, "--steps", "42", *args)
    ref, ref_loss, _, _ = reference_run(42, **opts)
    assert out["steps"] == 42
    assert out["loss"] == ref_loss.item()
    for name, p in ref.named_parameters():
        assert torch.equal(torch.tensor(out["parameters"][name]), p.detach()), name


def test_human_output_shows_weight_and_bias(capsys):
    assert main(["train"]) == 0
    out = capsys.readouterr().out
    assert "weight: 2.0000" in out and "bias:   1.0000" in out


def test_zero_steps_has_no_loss(capsys):
    out = _json_run(capsys, "--steps", "0")
    assert out["loss"] is None and out["steps"] == 0


BAD = [
    ["--lr", "abc"],
    ["--lr", "-1"],
    ["--lr", "nan"],
    ["--samples", "0"],
    ["--optimizer", "newton"],
    ["--batch-size", "-1"],
    ["--steps", "-5"],
    ["--momentum", "1"],
    ["--unknown-flag"],
]


@pytest.mark.parametrize("args", BAD)
def test_bad_options_exit_2_with_one_line(capsys, args):
    assert main(["train", *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1
    option = args[0]
    if option != "--unknown-flag":
        assert option in lines[0]


def test_bad_option_in_a_real_process_has_no_traceback(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "gradlab", "train", "--lr", "abc", "--save", str(tmp_path / "c.pt")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().count("\n") == 0
    assert "--lr" in done.stderr
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_save_then_resume_equals_one_run(capsys, tmp_path):
    path = tmp_path / "ckpt.pt"
    assert (
        main(
            [
                "train",
                "--steps",
                "30",
                "--optimizer",
                "adam",
                "--batch-size",
                "20",
                "--save",
                str(path),
            ]
        )
        == 0
    )
    capsys.readouterr()
    out = _json_run(capsys, "--resume", str(path), "--steps", "25")
    ref, ref_loss, _, _ = reference_run(55, optimizer="adam", batch_size=20)
    assert out["steps"] == 55
    assert out["loss"] == ref_loss.item()
    for name, p in ref.named_parameters():
        assert torch.equal(torch.tensor(out["parameters"][name]), p.detach())


def test_resume_refuses_bad_file_and_extra_options(capsys, tmp_path):
    bad = tmp_path / "bad.pt"
    bad.write_bytes(b"garbage")
    assert main(["train", "--resume", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "--resume" in err
    assert main(["train", "--resume", str(bad), "--lr", "0.2"]) == 2
    assert "--lr" in capsys.readouterr().err


def test_control_characters_never_break_the_one_line(capsys):
    assert main(["train", "--lr", "1\n2"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\\n" in err
