"""ExercisesPanel: the Exercises dock. Two tabs: the challenges (built-in and
opened from exercise files) and predict mode. The window connects it to the
lessons (which lesson is open; challenge and predict links) and to File ▸ Open
exercise and the results export."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gradlab.ui.panels.exercises.challenges import ChallengesPage
from gradlab.ui.panels.exercises.predict import PredictPage
from gradlab.ui.scrolling_tabs import scrolling_tabs

translate = QCoreApplication.translate


class ExercisesPanel(QWidget):
    def __init__(self, controller, colours, parent=None):
        super().__init__(parent)
        self.setObjectName("exercisesPanel")
        self.controller = controller
        self.challenges = ChallengesPage(controller, colours)
        self.predict = PredictPage(controller, colours)
        self.tabs = scrolling_tabs(
            "exerciseTabs",
            [
                (self.challenges, translate("Exercises", "Challenges")),
                (self.predict, translate("Exercises", "Predict, then see")),
            ],
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def show_challenge(self, exercise) -> None:
        self.tabs.setCurrentIndex(0)
        self.challenges.show_exercise(exercise)

    def show_predict(self, on: bool = True) -> None:
        self.tabs.setCurrentIndex(1)
        self.predict.set_mode(on)

    def set_lesson(self, slug: str | None, title: str = "") -> None:
        self.predict.set_lesson(slug, title)

    def apply_colours(self, colours) -> None:
        self.challenges.apply_colours(colours)
        self.predict.apply_colours(colours)

    def apply_zoom(self, _factor: float) -> None:
        self.challenges.fit_list()
