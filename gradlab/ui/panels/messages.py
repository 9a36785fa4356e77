"""The message panel: every explanation, warning and error, newest last."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem

translate = QCoreApplication.translate

MAX_MESSAGES = 300
MARKS = {"info": "ℹ", "warning": "⚠", "error": "✖"}


class MessagePanel(QListWidget):
    def __init__(self, colours, parent=None):
        super().__init__(parent)
        self.setObjectName("messagePanel")
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setToolTip(
            translate(
                "Messages", "What each call did, and why. The newest message is at the bottom."
            )
        )
        self._colours = colours

    def apply_colours(self, colours) -> None:
        self._colours = colours

    @Slot(str, str)
    def add(self, level: str, text: str) -> None:
        item = QListWidgetItem(f"{MARKS.get(level, '')}  {text}")
        if level == "error":
            item.setForeground(QColor(self._colours.grad))
        elif level == "warning":
            item.setForeground(QColor(self._colours.bias))
        self.addItem(item)
        while self.count() > MAX_MESSAGES:
            self.takeItem(0)
        self.scrollToBottom()

    def texts(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]
