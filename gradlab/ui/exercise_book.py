"""The exercises on the GUI side: the built-in challenges and the exercise files
the student opened, setting one up, and the student's progress (challenges
passed and tried, predictions per lesson), kept in the data folder.

The exercises panel, the lessons (ticks beside challenge links) and the File
menu reach it through `controller.exercises`; it knows nothing of widgets. A
progress file that cannot be read is set aside (core.fileio.move_aside) and
GradLab starts with empty progress, saying so; a failed save is said once.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from gradlab.core import exercise as core_exercise
from gradlab.core.exercise import Exercise, ExerciseError
from gradlab.core.progress import Progress, load_progress, results_csv, save_progress
from gradlab.ui import paths
from gradlab.ui.messages import Message

log = logging.getLogger(__name__)
PROGRESS_FILE = "progress.json"


class ExerciseBook(QObject):
    progressChanged = Signal()
    exercisesChanged = Signal()  # an exercise file was opened
    selected = Signal(object)  # an Exercise to show (a lesson's link, File ▸ Open exercise)

    def __init__(self, controller):
        super().__init__(controller)
        self._controller = controller
        self._progress: Progress | None = None  # read on first use
        self._opened: list[Exercise] = []
        self.active: Exercise | None = None  # the exercise set up last
        self._save_failed = False

    # ------------------------------------------------------------- progress
    def path(self) -> Path:
        return paths.data_dir() / PROGRESS_FILE

    @property
    def progress(self) -> Progress:
        if self._progress is None:
            self._progress = self._load()
        return self._progress

    def _load(self) -> Progress:
        path = self.path()
        try:
            return load_progress(path)
        except ValueError as exc:
            args = {"path": str(path), "error": str(exc), "kept": ""}
            log.warning("progress %s refused: %s", path, exc)
        from gradlab.core.fileio import move_aside

        try:
            args["kept"] = str(move_aside(path, "refused"))
        except OSError as exc:
            args["move_error"] = exc.strerror or str(exc)
        # Said once the window listens (it may be building itself right now).
        QTimer.singleShot(0, lambda: self._say("warning", "progress.refused", args))
        return Progress()

    def _save(self) -> None:
        try:
            save_progress(self.path(), self.progress)
            self._save_failed = False
        except OSError as exc:
            log.warning("progress not saved", exc_info=exc)
            if not self._save_failed:  # once, not after every guess
                self._save_failed = True
                self._say("error", "progress.save_failed", {"error": exc.strerror or str(exc)})
        self.progressChanged.emit()

    def passed(self, exercise: Exercise) -> bool:
        return self.progress.passed(exercise.key)

    def passed_builtin_ids(self) -> set[str]:
        return {e.id for e in core_exercise.builtin_exercises() if self.passed(e)}

    def record_try(self, exercise: Exercise, passed: bool) -> bool:
        """One attempt; True when the challenge is passed for the first time."""
        first = self.progress.record_try(exercise.key, exercise.title.get("en"), passed)
        self._save()
        return first

    def record_prediction(self, lesson: str, record: dict) -> None:
        if self.progress.record_prediction(lesson or "none", record):
            self._save()

    @property
    def student(self) -> str:
        return self.progress.student

    def set_student(self, name: str) -> None:
        if self.progress.set_student(name):
            self._save()

    def export_results(self, path: str, lesson_titles: dict[str, str]) -> bool:
        """The results as a CSV file a teacher can collect (core.progress)."""
        from gradlab.core.fileio import atomic_write_text

        try:
            atomic_write_text(path, results_csv(self.progress, lesson_titles))
        except OSError as exc:
            self._say("error", "export.failed", {"path": path, "error": exc.strerror or str(exc)})
            return False
        p = self.progress
        args = {"path": path, "challenges": len(p.challenges), "lessons": len(p.predictions)}
        self._say("info", "results.exported", {**args, "named": bool(p.student)})
        return True

    # ------------------------------------------------------------ exercises
    def exercises(self) -> list[Exercise]:
        """The built-in challenges, then the files opened (newest last)."""
        return [*core_exercise.builtin_exercises(), *self._opened]

    def builtin(self, exercise_id: str) -> Exercise | None:
        return core_exercise.builtin(exercise_id)

    def open_file(self, path: str) -> Exercise | None:
        """Read an exercise file and show it; a refused file gets a message
        naming the field and changes nothing."""
        try:
            exercise = core_exercise.load_exercise(path)
        except ExerciseError as exc:
            self._say("error", "exercise.refused", {"path": str(path), "error": str(exc)})
            return None
        self._opened = [e for e in self._opened if e.key != exercise.key] + [exercise]
        self.exercisesChanged.emit()
        self._say("info", "exercise.opened", {"path": str(path), "title": exercise.title})
        self.selected.emit(exercise)
        return exercise

    def start(self, exercise: Exercise) -> bool:
        """Set the exercise's experiment up: its settings and data, fresh from the
        seed, and its mistake mode. False (and a message) before the session is
        ready."""
        c = self._controller
        if not c.ready:
            self._say("warning", "not_ready", {})
            return False
        self.active = exercise
        if c.running:
            c.pause()
        c.apply_config(
            exercise.config, "exercise", {"title": exercise.title}, exercise.mistake_mode
        )
        return True

    def _say(self, level: str, code: str, args: dict) -> None:
        self._controller.message.emit(Message(level, code, args))
