"""The message panel: every explanation, warning and error, newest last."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem

translate = QCoreApplication.translate

MAX_MESSAGES = 300
MARKS = {"info": "ℹ", "warning": "⚠", "error": "✖"}
CODE_ROLE = Qt.ItemDataRole.UserRole
REPEAT_ROLE = Qt.ItemDataRole.UserRole + 1


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

    @Slot(str, str, str)
    def add(self, level: str, text: str, code: str = "") -> None:
        # The same kind of message again (F11 held down) updates the last line
        # instead of flooding the list.
        last = self.item(self.count() - 1) if self.count() else None
        if code and last is not None and last.data(CODE_ROLE) == code:
            repeats = last.data(REPEAT_ROLE) + 1
            last.setData(REPEAT_ROLE, repeats)
            last.setText(f"{MARKS.get(level, '')}  {text}  (×{repeats})")
            self.scrollToBottom()
            return
        item = QListWidgetItem(f"{MARKS.get(level, '')}  {text}")
        item.setData(CODE_ROLE, code)
        item.setData(REPEAT_ROLE, 1)
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
