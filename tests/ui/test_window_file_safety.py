"""Issue 15 items 1 and 2 through the window, not only the core: File ▸ Open of
the issue's injected checkpoint shows no injected line in Session as code (in
both languages), and File ▸ Open of a FIFO or of a link to /dev/zero is refused
at once, with the window ready and closing (and autosaving) as usual."""

import os
import sys

import pytest

from gradlab.ui import paths
from tests.checkpoint_payloads import (
    leaves,
    payload_of,
    rich_session,
    statements,
    to_bytes,
    with_value,
)
from tests.ui.trust_helpers import messages, same_weights, start_window, updates

ISSUE_PAYLOAD = "x\nimport os; os.system('touch PWNED')  #"


def session_view_text(win) -> str:
    """What the Session-as-code panel (`sessionLogView`) shows and exports."""
    return win.session_log.script()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_an_injected_log_opened_in_the_window_shows_no_code_line(qtbot, tmp_path, installed, lang):
    installed(lang)
    payload = payload_of(rich_session())
    path_field = next(p for p in leaves(payload) if p[-1] == "path")
    clean, evil = tmp_path / "clean.gradlab.pt", tmp_path / "evil.gradlab.pt"
    clean.write_bytes(to_bytes(payload))
    evil.write_bytes(to_bytes(with_value(payload, path_field, ISSUE_PAYLOAD)))
    win = start_window(qtbot, restore=False)
    win.open_file(str(clean))
    qtbot.waitUntil(lambda: "import torch" in session_view_text(win), timeout=10_000)
    qtbot.waitUntil(lambda: win.controller.snapshot.step > 0, timeout=10_000)
    clean_text = session_view_text(win)
    win.open_file(str(evil))
    qtbot.waitUntil(lambda: "PWNED" in session_view_text(win), timeout=10_000)
    shown = session_view_text(win)
    assert statements(shown) == statements(clean_text)  # the same program, line for line
    assert "import os" not in [line.strip() for line in shown.splitlines()]
    assert all(line.lstrip().startswith("#") for line in shown.splitlines() if "PWNED" in line)
    target = tmp_path / "session.py"
    win.session_log.export(str(target))  # "Save as .py…"
    assert statements(target.read_text(encoding="utf-8")) == statements(clean_text)
    win.close()


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")
def test_a_fifo_or_a_link_to_dev_zero_is_refused_by_open_and_close_still_autosaves(qtbot, tmp_path):
    fifo = tmp_path / "pipe.gradlab.pt"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.gradlab.pt"
    zero.symlink_to("/dev/zero")
    win = start_window(qtbot, restore=False)
    for count, special in enumerate((fifo, zero), start=1):
        win.open_file(str(special))
        qtbot.waitUntil(
            lambda count=count: sum("not a regular file" in m for m in messages(win)) == count,
            timeout=10_000,
        )
        assert "That file was not opened, and nothing changed" in messages(win)[-1]
        assert win.controller.ready and win.controller.snapshot.step == count - 1
        updates(qtbot, win, 1)  # the window goes on as before
    win.close()  # the issue's deadlock: closing after a FIFO was opened
    assert same_weights(paths.autosave_path(), 2)
