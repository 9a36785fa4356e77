"""The session as code: everything the student did, as a script that replays it.

The worker owns the ActionLog; this panel never reaches into it. It reads the
copy the worker publishes as `Updates.session_log`, a SessionLog (the list of
Action from `ActionLog.copy()`, sent only when the log changed and never from a
run's ticks, and ActionLog.dropped), through the controller's
`sessionLogChanged` signal and `session_log` attribute. The script is rebuilt
only when a new copy arrives and the panel is visible.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer, Slot
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from gradlab.core.codegen import session_script
from gradlab.core.fileio import atomic_write_text
from gradlab.ui import i18n, script_file, zoom
from gradlab.ui.highlighter import PythonHighlighter
from gradlab.ui.updates import SessionLog

translate = QCoreApplication.translate

# A new log arrives after every click; holding F10 must not rebuild a long
# script (≈0.1 s for 2,000 calls) for each one, so rebuilds wait this long.
REBUILD_MS = 150


class SessionLogPanel(QWidget):
    def __init__(self, controller, colours, parent=None):
        super().__init__(parent)
        self.setObjectName("sessionLogPanel")
        self.controller = controller
        self._colours = colours
        self._actions: list | None = None  # the newest log copy (plain Action objects)
        self._dropped = 0
        self._script = ""
        self._dirty = False
        self._rebuild_timer = QTimer(self)
        self._rebuild_timer.setSingleShot(True)
        self._rebuild_timer.setInterval(REBUILD_MS)
        self._rebuild_timer.timeout.connect(self._rebuild)

        self.caption = QLabel()
        self.caption.setObjectName("sessionLogCaption")
        self.caption.setWordWrap(True)
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.caption.setToolTip(
            translate(
                "SessionLogPanel",
                "Every call you made, every run, reset and setting change, in order. The "
                "script replays them and ends exactly where the app is now.",
            )
        )
        self.copy_button = QPushButton(translate("SessionLogPanel", "Copy"))
        self.copy_button.setObjectName("sessionLogCopyButton")
        self.copy_button.setToolTip(
            translate(
                "SessionLogPanel",
                "Copy your session as a Python script, to paste into a file or a notebook.",
            )
        )
        self.copy_button.clicked.connect(self._copy)
        self.save_button = QPushButton(translate("SessionLogPanel", "Save as .py…"))
        self.save_button.setObjectName("sessionLogSaveButton")
        self.save_button.setToolTip(
            translate(
                "SessionLogPanel",
                "Save your session as a Python script. Run it with PyTorch installed: it "
                "repeats your calls, mistakes included, and prints the same weight and bias.",
            )
        )
        self.save_button.clicked.connect(self._save)

        self.view = QPlainTextEdit(self)
        self.view.setObjectName("sessionLogView")
        self.view.setReadOnly(True)
        script_file.wrap_lines(self.view)
        self.view.setFont(zoom.fixed_font())
        self.view.setToolTip(
            translate(
                "SessionLogPanel",
                "Your session as code: each button you pressed is one line. Calls PyTorch "
                "refused appear too, as comments or inside try/except.",
            )
        )
        self.view.setAccessibleName(translate("SessionLogPanel", "Session as code"))
        self.highlighter = PythonHighlighter(self.view.document(), colours)

        script_file.lay_out(self, self.caption, self.copy_button, self.save_button, self.view)

        controller.sessionLogChanged.connect(self._on_session_log)
        controller.runningChanged.connect(self._on_running)
        self._set_buttons()
        self._update_caption()
        if controller.session_log is not None:  # published before this panel existed
            self._on_session_log(controller.session_log)

    # ---------------------------------------------------------------- public
    def script(self) -> str:
        """The replay script for the newest log received ("" before the first)."""
        if self._dirty:
            self._rebuild()
        return self._script

    def export(self, path) -> None:
        """Write the replay script to `path` atomically. ValueError before any log."""
        script = self.script()
        if not script:
            raise ValueError("no session to export yet")
        atomic_write_text(path, script)

    def apply_colours(self, colours) -> None:
        self._colours = colours
        self.highlighter.set_colours(colours)

    def apply_zoom(self, _factor: float) -> None:
        self.view.setFont(zoom.fixed_font())

    # ------------------------------------------------------------- reacting
    @Slot(object)
    def _on_session_log(self, log: SessionLog) -> None:
        self._actions = log.actions
        self._dropped = int(log.dropped)
        self._dirty = True
        if self.isVisible() and not self._rebuild_timer.isActive():
            self._rebuild_timer.start()
        self._set_buttons()
        self._update_caption()

    @Slot(bool)
    def _on_running(self, running: bool) -> None:
        self._update_caption()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._dirty:
            self._rebuild()

    @Slot()
    def _rebuild(self) -> None:
        self._rebuild_timer.stop()
        if not self._dirty:
            return
        self._dirty = False
        if not self._actions:
            return
        try:
            self._script = session_script(self._actions, self._dropped, i18n.script_language())
        except ValueError as exc:  # e.g. a log from a file with settings we do not know
            self._script = ""
            self.view.setPlainText(
                translate(
                    "SessionLogPanel", "This session cannot be written as a script: {error}"
                ).format(error=exc)
            )
            return
        self.view.setPlainText(self._script)
        # The newest call is at the end: show it.
        self.view.moveCursor(QTextCursor.MoveOperation.End)
        self.view.ensureCursorVisible()

    def _set_buttons(self) -> None:
        has = bool(self._actions)
        self.copy_button.setEnabled(has)
        self.save_button.setEnabled(has)

    def _update_caption(self) -> None:
        if self.controller.running:
            text = translate(
                "SessionLogPanel", "Running… the script catches up when you pause (F5)."
            )
        elif not self._actions:
            text = translate("SessionLogPanel", "Your session appears here as code, call by call.")
        else:
            resets = sum(1 for a in self._actions if a.kind == "setup") - 1
            calls = sum(1 for a in self._actions if a.kind in ("phase", "refused"))
            runs = sum(a.args.get("n", 0) for a in self._actions if a.kind == "updates")
            text = translate(
                "SessionLogPanel", "So far: {calls} calls, {runs} updates in runs, {resets} resets."
            ).format(calls=calls, runs=runs, resets=max(0, resets))
        self.caption.setText(text)

    # ---------------------------------------------------------------- export
    @Slot()
    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.script())

    @Slot()
    def _save(self) -> None:
        script_file.save_as(
            self,
            translate("SessionLogPanel", "Save your session as a script"),
            "gradlab_session.py",
            self.export,
        )
