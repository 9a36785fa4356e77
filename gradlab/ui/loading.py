"""While PyTorch loads: a card in the middle of the window, where the student
looks, saying what is being loaded and how far it got (the worker reports its
stages; see worker.LOADING_STAGES)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, Qt, Slot
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QVBoxLayout, QWidget

translate = QCoreApplication.translate


def stage_text(stage: str) -> str:
    return {
        "torch": translate("Loading", "Importing PyTorch…"),
        "optimizer": translate("Loading", "Building the first optimizer…"),
        "session": translate("Loading", "Making the tutorial's data and model…"),
    }.get(stage, translate("Loading", "Starting…"))


class LoadingCard(QFrame):
    """Shown over the middle of `window` until the session is ready."""

    def __init__(self, window: QWidget, stages: tuple[str, ...]):
        super().__init__(window)
        self.setObjectName("loadingCard")
        self._window = window
        self._stages = stages
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.title = QLabel(translate("Loading", "Loading PyTorch"))
        self.title.setObjectName("loadingTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel(stage_text(""))
        self.detail.setObjectName("loadingStage")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.bar = QProgressBar()
        self.bar.setObjectName("loadingProgress")
        self.bar.setRange(0, len(stages))
        self.bar.setValue(0)
        self.bar.setFormat(translate("Loading", "step %v of %m"))
        note = QLabel(
            translate(
                "Loading",
                "The buttons come alive when it is done: a few seconds, longer on a busy computer.",
            )
        )
        note.setWordWrap(True)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        layout.addWidget(self.bar)
        layout.addWidget(note)

    @Slot(object)
    def show_stage(self, stage) -> None:
        """The worker began `stage` (one of the stages given at construction)."""
        if stage in self._stages:
            self.bar.setValue(self._stages.index(stage) + 1)
        self.detail.setText(stage_text(stage))

    def place(self, area: QRect) -> None:
        """Centre the card on `area` (the middle of the window, in its coordinates)."""
        width = min(max(320, area.width() // 2), max(area.width() - 20, 200))
        self.setFixedWidth(width)
        self.adjustSize()
        height = self.sizeHint().height()
        self.setGeometry(
            area.x() + (area.width() - width) // 2,
            area.y() + (area.height() - height) // 2,
            width,
            height,
        )
        self.raise_()
