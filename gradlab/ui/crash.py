"""Crash safety: a rotating log file, and a friendly dialog for any exception
that escapes a slot, naming the log file; the app keeps running."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback

from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from gradlab.ui import paths

translate = QCoreApplication.translate
log = logging.getLogger("gradlab")


def setup_logging() -> str:
    """Log to a rotating file in the platform's log folder (or the temporary one
    paths.py falls back to); returns its path. A log that cannot be opened at
    all goes to standard error instead: never a reason not to start."""
    path = paths.log_path()
    root = logging.getLogger("gradlab")
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        try:
            handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
            )
        except OSError as exc:
            handler = logging.StreamHandler()
            print(f"GradLab: cannot write the log {path}: {exc.strerror or exc}", file=sys.stderr)
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
        )
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return str(path)


class CrashReporter(QObject):
    """Installed as sys.excepthook: logs the exception and shows a dialog (in the
    GUI thread, whichever thread failed), without ending the app."""

    def __init__(self, log_file: str, parent=None):
        super().__init__(parent)
        self.log_file = log_file
        self.last_error: str | None = None
        self._showing = False

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(
            args.exc_type, args.exc_value, args.exc_traceback
        )

    def handle(self, exc_type, exc, tb) -> None:
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unhandled exception\n%s", text)
        self.last_error = f"{exc_type.__name__}: {exc}"
        QMetaObject.invokeMethod(self, "_show", Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _show(self) -> None:
        if self._showing or QApplication.instance() is None:
            return  # one dialog at a time; the log has every error
        self._showing = True
        try:
            QMessageBox.warning(
                QApplication.activeWindow(),
                translate("Crash", "Something went wrong"),
                translate(
                    "Crash",
                    "GradLab hit an unexpected error and carried on: {error}\n\n"
                    "Your work is safe. The details are in the log file:\n{path}\n\n"
                    "If it happens again, please send that file to your teacher or to the "
                    "GradLab team.",
                ).format(error=self.last_error, path=self.log_file),
            )
        finally:
            self._showing = False
