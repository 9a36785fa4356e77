"""Challenges: the built-in ones and the exercise files opened, each with its
task and goal; Start sets one up, and from then on its goal is checked against
the session as the window has it (core/goals.py), a few times a second at most.
A pass ticks it for good (kept with the progress); a failed attempt counts as
a try. The student's name (optional) and the results export live here too.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gradlab.core import goals
from gradlab.ui import exercise_texts
from gradlab.ui.messages import Message

translate = QCoreApplication.translate
CHECK_INTERVAL_MS = 200  # a goal is checked at most this often while training runs
JUDGED = ("choice.passed", "choice.wrong")  # verdicts on an answer the student checked


class ChallengesPage(QWidget):
    exportRequested = Signal()  # the window asks where to write the results
    openRequested = Signal()  # the window asks which exercise file to open
    revealRequested = Signal(str)  # a plot or panel the task needs ("dataPlot")

    def __init__(self, controller, colours, parent=None):
        super().__init__(parent)
        self.setObjectName("challengesPage")
        self.controller = controller
        self.book = controller.exercises
        self._colours = colours
        self._shown = None  # the Exercise on display
        self._answer: int | None = None  # the choice being checked (during a click only)
        self._attempt = None  # what identifies the current attempt at the active one
        self._recorded: set[str] = set()  # statuses already counted in this attempt
        self._setup = (None, None)  # the log's last setup entry's config, read once
        self._starting: int | None = None  # Start pressed at this generation: wait for the next
        self.verdict: goals.Verdict | None = None

        self.list = QListWidget()
        self.list.setObjectName("challengeList")
        self.list.setToolTip(
            translate("Exercises", "The challenges: ✓ marks those you passed. Pick one to read it.")
        )
        self.list.currentRowChanged.connect(self._on_row)
        self.fit_list()
        self.title = QLabel()
        self.title.setObjectName("challengeTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-weight: bold;")  # a style sheet follows the zoom
        self.text = QLabel()
        self.text.setObjectName("challengeText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # a file's text is never markup
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.goal = QLabel()
        self.goal.setObjectName("challengeGoal")
        self.goal.setWordWrap(True)
        self.goal.setTextFormat(Qt.TextFormat.PlainText)
        self.start_button = QPushButton(translate("Exercises", "Start"))
        self.start_button.setObjectName("challengeStartButton")
        self.start_button.setToolTip(
            translate(
                "Exercises",
                "Set this challenge up: its settings, its data and its mistake mode, from the "
                "start. The session so far is replaced (save it first to keep it).",
            )
        )
        self.start_button.clicked.connect(self.start)
        self.choices = QButtonGroup(self)
        self.choice_box = QVBoxLayout()
        self.answer_button = QPushButton(translate("Exercises", "Check answer"))
        self.answer_button.setObjectName("challengeAnswerButton")
        self.answer_button.setToolTip(
            translate("Exercises", "Check the explanation you picked (each check counts as a try).")
        )
        self.answer_button.clicked.connect(self.check_answer)
        self.status = QLabel()
        self.status.setObjectName("challengeStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.name = QLineEdit(self.book.student)
        self.name.setObjectName("studentNameInput")
        self.name.setPlaceholderText(translate("Exercises", "Your name (optional)"))
        self.name.setToolTip(
            translate(
                "Exercises",
                "Written only into the results you export for your teacher; it stays on this "
                "computer.",
            )
        )
        self.name.editingFinished.connect(lambda: self.book.set_student(self.name.text()))
        self.export_button = QPushButton(translate("Exercises", "Export results…"))
        self.export_button.setObjectName("exportResultsButton")
        self.export_button.setToolTip(
            translate(
                "Exercises",
                "Save a small CSV file for your teacher: each challenge you tried (passed or "
                "not, how many tries, when) and how many of your predictions were right in "
                "each lesson, with your name if you typed one.",
            )
        )
        self.export_button.clicked.connect(self._export)
        self.open_button = QPushButton(translate("Exercises", "Open exercise file…"))
        self.open_button.setObjectName("openExerciseButton")
        self.open_button.setToolTip(
            translate("Exercises", "Open an exercise file your teacher gave you (.json).")
        )
        self.open_button.clicked.connect(self.openRequested.emit)

        start_row = QHBoxLayout()
        start_row.addWidget(self.start_button)
        start_row.addStretch(1)
        files = QHBoxLayout()
        files.addWidget(self.name, 1)
        files.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.list)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(self.goal)
        layout.addLayout(start_row)
        layout.addLayout(self.choice_box)
        layout.addWidget(self.answer_button)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(files)
        layout.addWidget(self.open_button)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.evaluate)
        self._last_check = 0.0
        c = controller
        for signal in (
            c.frame,
            c.compareChanged,
            c.sessionLogChanged,
            c.lrLimitChanged,
            c.readyChanged,
        ):
            signal.connect(self._schedule)
        self.book.progressChanged.connect(self._fill)
        self.book.exercisesChanged.connect(self._fill)
        self.book.selected.connect(self.show_exercise)
        self._fill()

    # ---------------------------------------------------------------- public
    def show_exercise(self, exercise) -> None:
        """Select an exercise in the list and show it (it is not set up)."""
        self._fill()
        keys = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        if exercise.key in keys:
            self.list.setCurrentRow(keys.index(exercise.key))

    @Slot()
    def start(self) -> None:
        exercise = self._shown
        if exercise is None or not self.book.start(exercise):
            return
        self._new_attempt(None)
        # Until the worker has set the exercise up, the history on hand is the old
        # session's: it must not count for the new attempt.
        self._starting = self.controller.generation
        if exercise.goal.own_data:
            self.revealRequested.emit("dataPlot")
        self._show_status(goals.Verdict(goals.PENDING, ""))

    @Slot()
    def check_answer(self) -> None:
        exercise = self.book.active
        if exercise is None or exercise is not self._shown or exercise.goal.kind != "choice":
            self.status.setText(translate("Exercises", "Press Start first."))
            return
        checked = self.choices.checkedId()
        self._answer = checked if checked > 0 else None
        self._recorded.discard(goals.FAILED)  # every wrong answer is a try of its own
        try:
            self.evaluate()
        finally:
            self._answer = None

    def fit_list(self) -> None:
        """The list as tall as its rows (up to eight): the task below stays in view."""
        rows = min(max(self.list.count(), 5), 8)
        row = self.list.sizeHintForRow(0) if self.list.count() else -1
        row = row if row > 0 else self.list.fontMetrics().lineSpacing() + 4
        self.list.setMaximumHeight(rows * row + 2 * self.list.frameWidth() + 4)

    def apply_colours(self, colours) -> None:
        self._colours = colours
        if self.verdict is not None:
            self._show_status(self.verdict)

    # ------------------------------------------------------------- checking
    @Slot()
    def _schedule(self, *_args) -> None:
        if self.book.active is None or self._timer.isActive():
            return
        wait = CHECK_INTERVAL_MS - (time.monotonic() - self._last_check) * 1000
        self._timer.start(max(0, int(wait)) if self.controller.running else 0)

    def observation(self) -> goals.Observation | None:
        """The session as the window has it now, for the goal checks."""
        c = self.controller
        snap = c.snapshot
        if snap is None or not c.ready:
            return None
        view = c.compare
        compare = None
        if view is not None:
            compare = tuple(
                goals.ComparedRun(r.settings, r.step, r.loss, r.diverged) for r in view.runs
            )
        log = c.session_log
        config = self._session_config(log.actions if log is not None else None)
        if config is None:
            return None
        return goals.Observation(
            config=config.with_changes(lr=snap.lr),  # lr changes live
            skip_zero_grad=snap.skip_zero_grad,
            step=snap.step,
            steps=c.series["step"],
            losses=c.series["loss"],
            actions=log.actions if log is not None else None,
            lr_limit=c.lr_limit,
            compare=compare,
            compare_done=view.done if view is not None else 0,
            compare_total=view.total if view is not None else 0,
            answer=self._answer,
        )

    @Slot()
    def evaluate(self) -> goals.Verdict | None:
        """Check the active exercise's goal now; count a pass or a failed try once
        per attempt. Returns the verdict (None when nothing can be checked yet)."""
        self._last_check = time.monotonic()
        exercise = self.book.active
        c = self.controller
        if exercise is None:
            return None
        if self._starting is not None:
            if c.generation == self._starting:
                return None
            self._starting = None
        obs = self.observation()
        if obs is None:
            return None
        attempt = (c.generation, obs.config)
        if attempt != self._attempt:
            self._new_attempt(attempt)
        verdict = goals.check(exercise, obs)
        previous = self.verdict
        if verdict.code == "choice.pick" and previous is not None and previous.code in JUDGED:
            verdict = previous  # an answer is judged when checked; it stands until the next
        self.verdict = verdict
        if verdict.status in (goals.PASSED, goals.FAILED) and verdict.status not in self._recorded:
            self._recorded.add(verdict.status)
            self.book.record_try(exercise, verdict.status == goals.PASSED)
            code = "exercise.passed" if verdict.status == goals.PASSED else "exercise.failed"
            text = exercise_texts.verdict_text(verdict, exercise)
            level = "info" if verdict.status == goals.PASSED else "warning"
            c.message.emit(Message(level, code, {"title": exercise.title, "verdict": text}))
        if exercise is self._shown:
            self._show_status(verdict)
        return verdict

    def _session_config(self, actions):
        """The experiment the session in the window runs: its log's last setup
        (the window's own settings may be ahead of it while a reset is on its
        way, and the history on hand is still the old session's)."""
        setup = goals.last_setup(actions)
        if setup is None:
            return None
        raw, config = self._setup
        if raw is not setup.args.get("config") and raw != setup.args.get("config"):
            config = goals.setup_config(setup)
            self._setup = (setup.args.get("config"), config)
        return config

    def _new_attempt(self, attempt) -> None:
        self._attempt = attempt
        self._recorded = set()
        self.verdict = None

    # ------------------------------------------------------------ showing
    @Slot()
    def _fill(self) -> None:
        keep = self._shown.key if self._shown is not None else None
        self.list.blockSignals(True)
        self.list.clear()
        for exercise in self.book.exercises():
            mark = "✓ " if self.book.passed(exercise) else "   "
            suffix = "" if exercise.source == "builtin" else translate("Exercises", " (file)")
            item = QListWidgetItem(mark + exercise_texts.title_of(exercise.title) + suffix)
            item.setData(Qt.ItemDataRole.UserRole, exercise.key)
            item.setToolTip(exercise.path if exercise.source == "file" else "")
            self.list.addItem(item)
        keys = [e.key for e in self.book.exercises()]
        row = keys.index(keep) if keep in keys else (0 if keys else -1)
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self.fit_list()
        self._on_row(row)

    @Slot(int)
    def _on_row(self, row: int) -> None:
        exercises = self.book.exercises()
        exercise = exercises[row] if 0 <= row < len(exercises) else None
        if exercise is self._shown and exercise is not None:
            return
        self._shown = exercise
        if exercise is None:
            return
        self.title.setText(exercise_texts.title_of(exercise.title))
        self.text.setText(exercise.text.get(exercise_texts.language()))
        self.goal.setText(
            exercise_texts.goal_text(exercise) + "\n" + exercise_texts.rules_text(exercise)
        )
        self._build_choices(exercise)
        if exercise is self.book.active and self.verdict is not None:
            self._show_status(self.verdict)
        else:
            self.status.setText(
                translate("Exercises", "Passed before. Press Start to try it again.")
                if self.book.passed(exercise)
                else translate("Exercises", "Press Start to set this challenge up.")
            )
            self.status.setStyleSheet("")

    def _build_choices(self, exercise) -> None:
        for button in self.choices.buttons():
            self.choices.removeButton(button)
            button.deleteLater()
        is_choice = exercise.goal.kind == "choice"
        for i, choice in enumerate(exercise.goal.choices, start=1):
            button = QRadioButton(choice.text.get(exercise_texts.language()))
            button.setObjectName(f"challengeChoice{i}")
            button.setToolTip(translate("Exercises", "One possible explanation."))
            self.choices.addButton(button, i)
            self.choice_box.addWidget(button)
        self.answer_button.setVisible(is_choice)

    def _show_status(self, verdict: goals.Verdict) -> None:
        exercise = self.book.active
        if not verdict.code:
            text = translate("Exercises", "Set up. Work on it: GradLab checks as you go.")
        else:
            text = exercise_texts.verdict_text(verdict, exercise)
        colour = {goals.PASSED: self._colours.changed, goals.FAILED: self._colours.grad}.get(
            verdict.status
        )
        self.status.setText(("✓ " if verdict.status == goals.PASSED else "") + text)
        self.status.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")

    @Slot()
    def _export(self) -> None:
        self.book.set_student(self.name.text())
        self.exportRequested.emit()
