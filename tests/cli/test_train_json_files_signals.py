"""Issue 15 items 13, 14, 15 (and 3's standard output): strict JSON for a diverged
run, files to write checked before the first update, Ctrl-C stops with one line
and saves the state reached."""

import contextlib
import json
import os
import pty
import re
import signal
import subprocess
import sys
import time

import pytest
import torch

from gradlab.cli import main
from gradlab.core import checkpoint
from tests.core.test_fileio import read_only_folder
from tests.reference import reference_run


def _strict(text: str):
    """json.loads that refuses NaN, Infinity and -Infinity, as strict parsers do."""

    def refuse(name):
        raise ValueError(f"not strict JSON: {name}")

    return json.loads(text, parse_constant=refuse)


# ------------------------------------------------------------ item 13
def test_a_diverged_run_prints_strict_json_with_null(capsys):
    assert main(["train", "--json", "--lr", "100", "--steps", "200"]) == 0
    out = _strict(capsys.readouterr().out)
    assert out["diverged"] is True
    assert out["loss"] is None
    assert out["parameters"]["weight"] == [[None]] and out["parameters"]["bias"] == [None]
    ref, ref_loss, _, _ = reference_run(200, lr=100.0)
    assert not torch.isfinite(ref_loss) and not torch.isfinite(ref.weight).all()


def test_a_run_that_converged_keeps_its_numbers_and_is_not_diverged(capsys):
    assert main(["train", "--json", "--steps", "30"]) == 0
    out = _strict(capsys.readouterr().out)
    ref, ref_loss, _, _ = reference_run(30)
    assert out["diverged"] is False and out["loss"] == ref_loss.item()
    assert out["parameters"]["weight"] == ref.weight.detach().tolist()


# ------------------------------------------------------------ item 14
def _refused_before_training(capsys, args, option, why):
    assert main(["train", "--steps", "5", *args]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    lines = out.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"gradlab: error: {option}: cannot write")
    assert why in lines[0], lines[0]


def test_save_targets_that_cannot_be_written_are_refused_first(tmp_path, capsys):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    cases = [
        (tmp_path, "folder"),
        (tmp_path / "no" / "such" / "c.pt", "does not exist"),
        ("/dev/null", "character device"),
        (fifo, "FIFO"),
    ]
    for target, why in cases:
        _refused_before_training(capsys, ["--save", str(target)], "--save", why)
    with read_only_folder(tmp_path) as folder:
        _refused_before_training(capsys, ["--save", str(folder / "c.pt")], "--save", "")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fifo", "ro"]


def test_a_hundred_million_updates_into_a_folder_are_refused_at_once(tmp_path):
    # The timeout guards the test run: before the fix this trained for hours.
    done = subprocess.run(
        [sys.executable, "-m", "gradlab", "train", "--steps", "100000000", "--save", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "--save" in done.stderr


def test_export_targets_are_checked_and_standard_output_is_offered(tmp_path, capsys):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for target, why in [
        (tmp_path, "folder"),
        (tmp_path / "missing" / "fit.py", "does not exist"),
        ("/dev/null", "character device"),
        (fifo, "FIFO"),
    ]:
        assert main(["export-script", "-o", str(target)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "-o: cannot write" in err and why in err
    assert "use -o - to write to standard output" in err
    with read_only_folder(tmp_path) as folder:
        assert main(["export-script", "-o", str(folder / "fit.py")]) == 2
        assert capsys.readouterr().err.count("\n") == 1
    assert main(["export-script", "--steps", "7", "-o", "-"]) == 0
    text = capsys.readouterr().out
    compile(text, "fit.py", "exec")
    assert "for epoch in range(7):" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fifo", "ro"]


def test_dev_stdout_as_a_pipe_is_refused_not_replaced(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "gradlab", "export-script", "-o", "/dev/stdout"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert "use -o - to write to standard output" in done.stderr


# ------------------------------------------------------------ item 15
def _read_all(fd: int) -> bytes:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the terminal's other end closed: the child is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a terminal and SIGINT")
@pytest.mark.parametrize("save", [True, False], ids=["with --save", "without --save"])
def test_ctrl_c_stops_with_one_line_and_saves_the_state_reached(tmp_path, save):
    path = tmp_path / "reached.pt"
    saving = ["--save", str(path)] if save else []
    # Standard error is a terminal, as when a student presses Ctrl-C: the
    # progress bar drawn at the start says training has begun.
    leader, follower = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "gradlab", "train", "--steps", "100000000", *saving],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=follower,
    )
    os.close(follower)
    try:
        seen = b""
        while b"updates" not in seen:
            seen += os.read(leader, 1024)
        time.sleep(0.5)  # let it make some updates (how many does not matter)
        child.send_signal(signal.SIGINT)
        seen += _read_all(leader)
        child.wait(timeout=120)
    finally:
        with contextlib.suppress(ProcessLookupError):
            child.kill()
        os.close(leader)
    stdout = child.stdout.read()
    child.stdout.close()
    assert child.returncode == 130
    assert stdout == b""
    text = seen.decode()
    assert "Traceback" not in text
    lines = [line for line in re.split(r"[\r\n]+", text) if line.strip()]
    last = lines[-1]
    assert len([line for line in lines if line.startswith("gradlab:")]) == 1
    match = re.fullmatch(
        r"gradlab: interrupted after ([\d,]+) of 100,000,000 updates "
        r"\(the session is at update ([\d,]+)\)(; saved to (.+))?",
        last,
    )
    assert match, last
    done = int(match.group(1).replace(",", ""))
    assert match.group(2) == match.group(1)
    if not save:
        assert match.group(3) is None and not path.exists()
        return
    assert match.group(4) == str(path)
    saved, _ = checkpoint.load(path)
    assert saved.step_count == done
    ref, _, _, _ = reference_run(done)
    for name, p in ref.named_parameters():
        assert torch.equal(dict(saved.model.named_parameters())[name], p.detach()), name
