"""Helpers for issue 15's window tests: starting windows, reading messages,
answering dialogs, and folders that are full or read-only for real."""

import contextlib
import errno
import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
)

from tests.reference import reference_run
from tests.ui.conftest import READY_MS, find


def start_window(qtbot, restore=True):
    from gradlab.ui.main_window import MainWindow

    win = MainWindow(theme_name="light", restore_autosave=restore)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(
        lambda: win.controller.ready and win.controller.snapshot is not None, timeout=READY_MS
    )
    return win


def messages(win) -> list[str]:
    return find(win, QListWidget, "messagePanel").texts()


def wait_message(qtbot, win, needle, timeout=10_000):
    qtbot.waitUntil(lambda: any(needle in m for m in messages(win)), timeout=timeout)
    return next(m for m in messages(win) if needle in m)


def updates(qtbot, win, n):
    start = win.controller.snapshot.step
    for _ in range(n):
        win.controller.full_update()
    qtbot.waitUntil(lambda: win.controller.snapshot.step == start + n, timeout=10_000)


class DialogAnswers:
    """Answers the modal dialogs that open, in order: a QMessageBox by clicking
    the button of that objectName ("ok": its only button), a QFileDialog by
    choosing that path.
    `seen` keeps each message box's text."""

    def __init__(self, answers: list):
        self.answers = list(answers)
        self.seen: list[str] = []
        self._waiting = None  # a dialog seen once: answered at the next tick, once set up
        self._timer = QTimer()
        self._timer.setInterval(30)
        self._timer.timeout.connect(self._answer)
        self._timer.start()

    def _answer(self):
        dialog = QApplication.activeModalWidget()
        if dialog is None or not self.answers or not dialog.isVisible():
            return
        if dialog is not self._waiting:
            self._waiting = dialog
            return
        self._waiting = None
        if isinstance(dialog, QMessageBox):
            self.seen.append(dialog.text())
            name = self.answers.pop(0)
            button = dialog.findChild(QPushButton, name) if name != "ok" else dialog.buttons()[0]
            assert button is not None, f"no button {name} in {dialog.text()}"
            button.click()
        elif isinstance(dialog, QFileDialog):
            # Typed into the name field, as a student would (selectFile() is
            # ignored while the dialog's folder view is still loading).
            dialog.findChild(QLineEdit, "fileNameEdit").setText(str(self.answers.pop(0)))
            dialog.accept()

    def stop(self):
        self._timer.stop()


@contextlib.contextmanager
def answering(answers):
    answerer = DialogAnswers(answers)
    try:
        yield answerer
    finally:
        answerer.stop()


# --------------------------------------------------------- real bad folders
def _mount(*args):
    return subprocess.run(["mount", *args], capture_output=True, text=True)


@contextlib.contextmanager
def small_tmpfs(folder: Path, size: str = "256k"):
    """`folder` on a small tmpfs of its own, that a test can fill or make
    read-only for real (root only; others skip: nothing else can fill a disk
    safely)."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("a full or read-only folder needs a tmpfs, which only root can mount")
    done = _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder))
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def fill(folder: Path) -> None:
    """Write into `folder` until its file system is full."""
    with open(folder / "filler", "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


def set_unwritable(folder: Path, unwritable: bool) -> str:
    """Make a folder in use unwritable (or writable again), for real: chmod for a
    user, `chattr +i` for root (whom modes do not stop; a read-only remount is
    refused while GradLab holds its lock file open). Returns the system's words
    for the refusal."""
    if os.geteuid() != 0:
        folder.chmod(0o555 if unwritable else 0o755)
        return os.strerror(errno.EACCES)
    done = subprocess.run(
        ["chattr", "+i" if unwritable else "-i", str(folder)], capture_output=True, text=True
    )
    if done.returncode != 0:
        pytest.skip(f"running as root, and chattr cannot make a folder unwritable: {done.stderr}")
    return os.strerror(errno.EPERM)


def same_weights(session_or_path, steps: int) -> bool:
    """Whether a session (or the checkpoint at a path) is the tutorial's run after
    `steps` updates, bit for bit."""
    import torch

    from gradlab.core import checkpoint

    session = session_or_path
    if not hasattr(session, "model"):
        session, _ = checkpoint.load(session_or_path)
    ref, _, _, _ = reference_run(steps)
    return session.step_count == steps and torch.equal(session.model.weight, ref.weight.detach())
