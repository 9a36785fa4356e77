"""Every way the window reads or writes a file: File ▸ Open, Open recent, Save,
Save as, Start fresh, the exports (history as CSV, a plot, a screenshot). The
results reach the student as messages through `say`. (The autosave is
autosave.py's.)

The worker answers an Open or a Save later: the file becomes the current one
(where Save writes) and a recent one only when its answer says it worked, so a
refused file is never written over."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from gradlab.core.config import ExperimentConfig
from gradlab.ui import exports
from gradlab.ui.menus import add_action
from gradlab.ui.messages import Message

translate = QCoreApplication.translate


class FileActions(QObject):
    def __init__(self, window: QMainWindow, controller, settings, say: Callable[[Message], None]):
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._settings = settings
        self._say = say
        self.current_file: str | None = None  # where Save writes without asking
        self._pending: set[str] = set()  # opened or saved, the worker's answer not in yet
        controller.message.connect(self._on_answer)
        self.open_action = add_action(
            window,
            translate("MainWindow", "Open…"),
            QKeySequence.StandardKey.Open,
            self.open_dialog,
            translate("MainWindow", "Continue a saved session (a .gradlab.pt checkpoint)"),
        )
        self.save_action = add_action(
            window,
            translate("MainWindow", "Save"),
            QKeySequence.StandardKey.Save,
            self.save,
            translate("MainWindow", "Save the session: model, optimizer, data order, history"),
        )
        self.save_as_action = add_action(
            window,
            translate("MainWindow", "Save as…"),
            QKeySequence.StandardKey.SaveAs,
            self.save_as,
        )
        self.fresh_action = add_action(
            window,
            translate("MainWindow", "Start fresh"),
            QKeySequence.StandardKey.New,
            self.start_fresh,
            translate("MainWindow", "The tutorial's experiment, from the start"),
        )
        self.csv_action = add_action(
            window, translate("MainWindow", "History as CSV…"), None, self.export_csv
        )
        self.screenshot_action = add_action(
            window, translate("MainWindow", "Window screenshot…"), None, self.export_screenshot
        )
        self.recent_menu = QMenu(translate("MainWindow", "Open recent"), window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)

    # ------------------------------------------------------------- sessions
    def _file_filter(self) -> str:
        return translate("MainWindow", "GradLab sessions (*.gradlab.pt *.pt);;All files (*)")

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._window, translate("MainWindow", "Open a session"), "", self._file_filter()
        )
        if path:
            self.open_file(path)

    def open_file(self, path: str) -> None:
        """Load a checkpoint; a bad file gets a message and changes nothing."""
        if self._controller.ready:
            self._pending.add(str(path))
        self._controller.open(path)

    def save(self) -> None:
        if self.current_file is None:
            self.save_as()
        else:
            self.save_to(self.current_file)

    def save_as(self) -> None:
        path = self.ask_session_path()
        if path:
            self.save_to(path)

    def ask_session_path(self) -> str | None:
        """Where to save the session, as Save as… asks; None if cancelled."""
        return self._ask_path(
            translate("MainWindow", "Save the session"), "session.gradlab.pt", self._file_filter()
        )

    def save_to(self, path: str) -> None:
        if self._controller.ready:
            self._pending.add(str(path))
        self._controller.save(path)

    @Slot(object)
    def _on_answer(self, message: Message) -> None:
        path = str(message.args.get("path", ""))
        if path not in self._pending:
            return
        if message.code in ("session.loaded", "file.saved"):
            self._pending.discard(path)
            self._remember(path)
        elif message.code in ("file.refused", "file.save_failed"):
            self._pending.discard(path)

    def _remember(self, path: str) -> None:
        """Offer the file in Open recent, and Save to it from now on."""
        self._settings.add_recent(path)
        self.current_file = path

    def start_fresh(self) -> None:
        self.current_file = None
        self._controller.apply_config(ExperimentConfig(), "fresh")

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self._settings.recent_files
        if not files:
            empty = self.recent_menu.addAction(translate("MainWindow", "(none yet)"))
            empty.setEnabled(False)
        for path in files:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.open_file(p))

    # -------------------------------------------------------------- exports
    def _ask_path(self, title: str, name: str, filters: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self._window, title, name, filters)
        return path or None

    def export_csv(self) -> None:
        path = self._ask_path(
            translate("MainWindow", "Export the history"), "history.csv", "CSV (*.csv)"
        )
        if path:
            series, model = self._controller.series, self._controller.config.model
            self._export(lambda: exports.save_history_csv(series, model, path), path)

    def export_plot(self, plot) -> None:
        path = self._ask_path(
            translate("MainWindow", "Export the plot"),
            f"{plot.objectName()}.png",
            "PNG (*.png);;SVG (*.svg)",
        )
        if path:
            self._export(lambda: exports.save_plot(plot, path), path)

    def export_screenshot(self) -> None:
        path = self._ask_path(
            translate("MainWindow", "Save a screenshot"), "gradlab.png", "PNG (*.png)"
        )
        if path:
            self._export(lambda: exports.save_screenshot(self._window, path), path)

    def _export(self, write, path: str) -> None:
        try:
            write()
        except (OSError, ValueError) as exc:
            self._say(Message("error", "export.failed", {"path": path, "error": str(exc)}))
        else:
            self._say(Message("info", "export.done", {"path": path}))
