"""SIGTERM (logging out, `kill`), SIGHUP (the terminal closed) and SIGINT
(Ctrl-C in the terminal that started GradLab) end the app as closing its window
does: the session is autosaved first, then the app quits normally.

Python runs a signal handler only between two of its own instructions, and
while Qt's event loop waits none run: the handler could come minutes late, or
in the middle of any slot. So the handlers do nothing themselves; instead
`signal.set_wakeup_fd` makes Python write each signal's number to a socket, and
a QSocketNotifier on the other end wakes the event loop, which emits `received`
in the GUI thread between two events, where closing the window is safe.
"""

from __future__ import annotations

import contextlib
import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier, Signal, Slot

NAMES = ("SIGTERM", "SIGHUP", "SIGINT")  # SIGHUP does not exist on Windows


class QuitSignals(QObject):
    """While installed, each of NAMES emits `received(number)` in the GUI thread."""

    received = Signal(int)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous: dict[int, object] = {}
        for name in NAMES:
            number = getattr(signal, name, None)
            if number is not None:
                self._previous[number] = signal.signal(number, _noted)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._wake)

    @Slot()
    def _wake(self) -> None:
        try:
            numbers = self._reader.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        for number in numbers:
            if number in self._previous:
                self.received.emit(number)

    def uninstall(self) -> None:
        """Give the signals back to what handled them before."""
        self._notifier.setEnabled(False)
        for number, previous in self._previous.items():
            signal.signal(number, previous)
        self._previous.clear()
        signal.set_wakeup_fd(self._previous_fd)
        for end in (self._reader, self._writer):
            with contextlib.suppress(OSError):
                end.close()


def _noted(number, frame) -> None:
    """Nothing to do here: the wakeup socket already carries the signal."""
