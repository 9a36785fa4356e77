"""Issue 15 item 12: `train --resume` of a crafted checkpoint exits 2 with one
line naming the field; no traceback, nothing printed on standard output."""

import subprocess
import sys

import pytest

from gradlab.cli import main
from tests.checkpoint_payloads import ISSUE_CASES, payload, to_bytes, with_value


@pytest.mark.parametrize(("config", "path", "value", "field"), ISSUE_CASES)
def test_a_crafted_checkpoint_exits_2_naming_the_field(
    tmp_path, capsys, config, path, value, field
):
    crafted = tmp_path / "crafted.pt"
    crafted.write_bytes(to_bytes(with_value(payload(config), path, value)))
    assert main(["train", "--resume", str(crafted), "--steps", "3"]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    lines = out.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("gradlab: error: --resume:")
    assert field in lines[0]


def test_in_a_real_process_there_is_no_traceback(tmp_path):
    config, path, value, field = ISSUE_CASES[2]  # batch_in_epoch: was StopIteration
    crafted = tmp_path / "crafted.pt"
    crafted.write_bytes(to_bytes(with_value(payload(config), path, value)))
    done = subprocess.run(
        [sys.executable, "-m", "gradlab", "train", "--resume", str(crafted)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stdout == "" and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and field in done.stderr
