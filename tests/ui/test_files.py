"""Nothing lost: save/open, autosave and restore, settings, exports, crash safety."""

import csv
import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QListWidget, QPushButton, QTableWidget

from gradlab.ui import paths
from tests.reference import reference_run
from tests.ui.conftest import READY_MS, find


def messages(win):
    panel = find(win, QListWidget, "messagePanel")
    return [panel.item(i).text() for i in range(panel.count())]


def wait_message(qtbot, win, needle, timeout=10_000):
    qtbot.waitUntil(lambda: any(needle in m for m in messages(win)), timeout=timeout)


def updates(qtbot, win, n):
    start = win.controller.snapshot.step
    for _ in range(n):
        win.controller.full_update()
    qtbot.waitUntil(lambda: win.controller.snapshot.step == start + n, timeout=10_000)


def test_save_then_open_continues_exactly(qtbot, window, tmp_path):
    updates(qtbot, window, 3)
    path = str(tmp_path / "s.gradlab.pt")
    window.save_to(path)
    wait_message(qtbot, window, "Saved to")
    updates(qtbot, window, 2)
    window.open_file(path)
    qtbot.waitUntil(lambda: window.controller.snapshot.step == 3, timeout=10_000)
    updates(qtbot, window, 4)
    ref, _, _, _ = reference_run(7)
    assert window.controller.snapshot.w == ref.weight.item()
    assert window.controller.series.length == 7


def test_bad_file_changes_nothing(qtbot, window, tmp_path):
    updates(qtbot, window, 2)
    before = window.controller.snapshot
    bad = tmp_path / "bad.pt"
    bad.write_bytes(os.urandom(500))
    window.open_file(str(bad))
    wait_message(qtbot, window, "nothing changed")
    assert window.controller.snapshot.w == before.w and window.controller.snapshot.step == 2


def test_autosave_on_exit_and_restore_at_start(qtbot, tmp_path):
    from gradlab.ui.main_window import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    qtbot.waitUntil(
        lambda: first.controller.ready and first.controller.snapshot is not None, timeout=READY_MS
    )
    first.controller.set_skip_zero_grad(True)
    updates(qtbot, first, 4)
    saved = first.controller.snapshot
    first.close()
    assert paths.autosave_path().exists()

    second = MainWindow(restore_autosave=True)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: second.controller.ready, timeout=READY_MS)
    qtbot.waitUntil(lambda: second.controller.snapshot.step == 4, timeout=10_000)
    restored = second.controller.snapshot
    assert (restored.params, restored.grads) == (saved.params, saved.grads)
    wait_message(qtbot, second, "Start fresh")
    second.start_fresh()
    qtbot.waitUntil(lambda: second.controller.snapshot.step == 0, timeout=10_000)
    second.close()


def test_corrupt_settings_fall_back_to_defaults(qtbot):
    from gradlab.ui.main_window import MainWindow

    ini = paths.config_dir() / "gradlab.ini"
    ini.write_bytes(b"\x00\xff garbage [[[\nwindow/state=@ByteArray(\x01\x02)\nfoo=bar\n")
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.theme_name == "system"
    qtbot.waitUntil(lambda: any("settings file was damaged" in m for m in messages(win)))
    win.settings.theme = "dark"
    assert "theme=dark" in ini.read_text()
    win.close()


def test_corrupt_settings_read_first_by_the_app_are_still_reported(qtbot):
    """As `gradlab` starts (app._start_window): the settings are read for the
    language before the window exists. That read resets a damaged file, so the
    window takes those settings rather than read the now clean file again and
    say nothing."""
    from gradlab.ui.main_window import MainWindow
    from gradlab.ui.settings import Settings

    ini = paths.config_dir() / "gradlab.ini"
    ini.write_bytes(b"\x00\xff garbage [[[\nfoo=bar\n")
    settings = Settings()
    assert Settings().problem is None  # a second read finds nothing wrong
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: any("settings file was damaged" in m for m in messages(win)))
    win.close()


def test_settings_remember_theme_and_recent_files(qtbot, tmp_path):
    from gradlab.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.set_theme("dark")
    win.settings.add_recent(str(tmp_path / "a.pt"))
    win.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.theme_name == "dark"
    assert again.settings.recent_files == [str(tmp_path / "a.pt")]
    again.close()


def test_worker_exception_reaches_the_gui(qtbot, window):
    window.controller._cmd_phase.emit("not-a-phase")  # a real error inside the worker
    wait_message(qtbot, window, "went wrong in the training thread")
    assert window.controller.ready
    updates(qtbot, window, 1)  # and it keeps working


def test_exports(qtbot, window, tmp_path):
    updates(qtbot, window, 5)
    qtbot.waitUntil(lambda: window.controller.series.length == 5, timeout=5_000)
    from gradlab.ui import exports

    exports.save_history_csv(window.controller.series, "linear", tmp_path / "h.csv")
    rows = list(csv.reader((tmp_path / "h.csv").read_text().splitlines()))
    assert rows[0] == ["update", "loss", "w", "b", "w_grad", "b_grad"]
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4", "5"]
    ref, ref_loss, _, _ = reference_run(5)
    assert float(rows[-1][2]) == ref.weight.item() and float(rows[-1][1]) == ref_loss.item()
    exports.save_plot(window.plots.loss_plot, tmp_path / "loss.png")
    exports.save_plot(window.plots.loss_plot, tmp_path / "loss.svg")
    exports.save_screenshot(window, tmp_path / "window.png")
    assert (tmp_path / "loss.png").read_bytes()[:4] == b"\x89PNG"
    assert b"<svg" in (tmp_path / "loss.svg").read_bytes()[:2000]
    assert (tmp_path / "window.png").stat().st_size > 10_000


def test_checkpoint_lab(qtbot, window):
    updates(qtbot, window, 2)
    qtbot.mouseClick(find(window, QPushButton, "stateDictLabButton"), Qt.MouseButton.LeftButton)
    table = find(window, QTableWidget, "stateDictTable")
    qtbot.waitUntil(lambda: table.rowCount() == 2, timeout=10_000)
    keys = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(2)}
    assert keys == {"weight": "1×1", "bias": "1"}
    assert "Same predictions" in window.checkpoint_lab.compare.text()


def test_crash_reporter_logs_and_keeps_running(qtbot, tmp_path):
    from gradlab.ui.crash import CrashReporter, setup_logging

    log_file = setup_logging()
    reporter = CrashReporter(log_file)
    closer = QTimer()
    closer.setInterval(50)

    shown = []

    def close_dialog():
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            shown.append(dialog.text())
            dialog.close()

    closer.timeout.connect(close_dialog)
    closer.start()
    try:
        raise RuntimeError("boom for the log")
    except RuntimeError:
        reporter.handle(*sys.exc_info())
    qtbot.waitUntil(lambda: bool(shown), timeout=5_000)
    closer.stop()
    assert log_file in shown[0] and "boom for the log" in shown[0]
    assert "boom for the log" in Path(log_file).read_text(encoding="utf-8")
    assert reporter.last_error == "RuntimeError: boom for the log"
