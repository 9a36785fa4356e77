"""Every way the window reads or writes a file: File ▸ Open, Open recent, Save,
Save as, Start fresh, the student's data (Import data, Export data, the example
data), exercise files and the results for the teacher, the exports (history
as CSV, a plot, a screenshot). The results reach
the student as messages through `say` (the data's through the controller's data
editor). (The autosave is autosave.py's.)

The worker answers an Open or a Save later: the file becomes the current one
(where Save writes) and a recent one only when its answer says it worked, so a
refused file is never written over."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from gradlab.core.config import ExperimentConfig
from gradlab.core.example_data import EXAMPLES
from gradlab.ui import exports, folders
from gradlab.ui.data_texts import example_title
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
        self.script_action = add_action(
            window,
            translate("MainWindow", "Training script (.py)…"),
            None,
            self.export_script,
            translate(
                "MainWindow",
                "The code panel's script for the current settings, as a Python file that "
                "computes what GradLab computes",
            ),
        )
        self.screenshot_action = add_action(
            window, translate("MainWindow", "Window screenshot…"), None, self.export_screenshot
        )
        self.recent_menu = QMenu(translate("MainWindow", "Open recent"), window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.import_data_action = add_action(
            window,
            translate("MainWindow", "Import data…"),
            None,
            self.import_data_dialog,
            translate("MainWindow", "Train on your own data: a CSV file of two columns, x then y"),
        )
        self.export_data_action = add_action(
            window,
            translate("MainWindow", "Export data (CSV)…"),
            None,
            self.export_data_dialog,
            translate("MainWindow", "Write the samples being trained on to a CSV file"),
        )
        self.open_exercise_action = add_action(
            window,
            translate("MainWindow", "Open exercise…"),
            None,
            self.open_exercise_dialog,
            translate("MainWindow", "Open an exercise file from your teacher (.json)"),
        )
        self.results_action = add_action(
            window,
            translate("MainWindow", "Exercise results (CSV)…"),
            None,
            self.export_results_dialog,
            translate(
                "MainWindow",
                "Your challenges and predictions as a small CSV file to give your teacher",
            ),
        )
        self.examples_menu = QMenu(translate("MainWindow", "Example data"), window)
        for name in EXAMPLES:
            action = self.examples_menu.addAction(example_title(name))
            action.triggered.connect(lambda _=False, n=name: controller.data_editor.open_example(n))

    # ------------------------------------------------------------- sessions
    def _file_filter(self) -> str:
        return translate("MainWindow", "GradLab sessions (*.gradlab.pt *.pt);;All files (*)")

    def open_dialog(self) -> None:
        path = self._ask_open_path(translate("MainWindow", "Open a session"), self._file_filter())
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

    # ----------------------------------------------------------------- data
    def _csv_filter(self) -> str:
        return translate("MainWindow", "CSV files (*.csv *.txt);;All files (*)")

    def import_data_dialog(self) -> None:
        path = self._ask_open_path(translate("MainWindow", "Import data"), self._csv_filter())
        if path:
            self.import_data(path)

    def import_data(self, path: str) -> bool:
        """Train on a CSV file's data; a refused file gets a message, changes nothing."""
        return self._controller.data_editor.import_file(path)

    def export_data_dialog(self) -> None:
        path = self._ask_path(translate("MainWindow", "Export data"), "data.csv", "CSV (*.csv)")
        if path:
            self.export_data(path)

    def export_data(self, path: str) -> bool:
        return self._controller.data_editor.export_file(path)

    # ------------------------------------------------------------ exercises
    def open_exercise_dialog(self) -> None:
        path = self._ask_open_path(
            translate("MainWindow", "Open an exercise"),
            translate("MainWindow", "GradLab exercises (*.json);;All files (*)"),
        )
        if path:
            self.open_exercise(path)

    def open_exercise(self, path: str):
        """Read an exercise file and show it in the Exercises panel; a refused
        file gets a message naming the field and changes nothing."""
        return self._controller.exercises.open_file(path)

    def export_results_dialog(self) -> None:
        path = self._ask_path(
            translate("MainWindow", "Export your results"), "gradlab-results.csv", "CSV (*.csv)"
        )
        if path:
            self.export_results(path)

    def export_results(self, path: str) -> bool:
        lessons = self._window.lessons
        titles = dict(zip(lessons.lesson_slugs(), lessons.lesson_titles(), strict=True))
        return self._controller.exercises.export_results(path, titles)

    # -------------------------------------------------------------- dialogs
    def _ask_open_path(self, title: str, filters: str) -> str | None:
        return folders.ask_open_path(self._window, self._settings, title, filters)

    def _ask_path(self, title: str, name: str, filters: str) -> str | None:
        path, _ = folders.ask_save_path(self._window, self._settings, title, name, filters)
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

    def export_script(self) -> None:
        path = self._ask_path(
            translate("MainWindow", "Export the training script"),
            "train.py",
            translate("MainWindow", "Python scripts (*.py)"),
        )
        if path:
            self.write_script(path)

    def write_script(self, path: str) -> None:
        """The code panel's script, to `path`; the result said as a message."""
        self._export(lambda: self._window.code.export(path), path)

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
