"""The message panel: every explanation, warning and error, newest last.

A kind of message is explained in full the first time it appears; after that it
shows in one line (its first sentence, ending in "…"), so stepping through many
updates does not bury the list in paragraphs. Double-click a line, or press
Enter on it, to read the full explanation again (it is also its tooltip).
Errors always show in full.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem

translate = QCoreApplication.translate

MAX_MESSAGES = 300
MARKS = {"info": "ℹ", "warning": "⚠", "error": "✖"}
CODE_ROLE = Qt.ItemDataRole.UserRole
REPEAT_ROLE = Qt.ItemDataRole.UserRole + 1
FULL_ROLE = Qt.ItemDataRole.UserRole + 2  # the whole explanation
SHORT_ROLE = Qt.ItemDataRole.UserRole + 3  # what the line shows when folded ("" if never)
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 4
OPEN_ROLE = Qt.ItemDataRole.UserRole + 5  # the full text is showing


class MessagePanel(QListWidget):
    def __init__(self, colours, parent=None):
        super().__init__(parent)
        self.setObjectName("messagePanel")
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setToolTip(
            translate(
                "Messages",
                "What each call did, and why. The newest message is at the bottom. A call "
                "explained before shows in one line: double-click it to read it all again.",
            )
        )
        self._colours = colours
        self._explained: set[str] = set()  # codes already shown in full
        self.itemActivated.connect(self.toggle)

    def apply_colours(self, colours) -> None:
        self._colours = colours

    @Slot(str, str, str)
    def add(self, level: str, text: str, code: str = "", summary: str = "") -> None:
        """Add a message: in full the first time its code appears (and always for
        errors), else folded to `summary` when one is given."""
        folded = bool(code and summary and summary != text and level != "error")
        folded = folded and code in self._explained
        if code:
            self._explained.add(code)
        short = summary if folded else ""
        # The same kind of message again (F11 held down) updates the last line
        # instead of flooding the list.
        last = self.item(self.count() - 1) if self.count() else None
        # Never over a full explanation: that stays readable above the one-liners.
        same_form = last is not None and bool(last.data(SHORT_ROLE)) == bool(short)
        if code and same_form and last.data(CODE_ROLE) == code:
            last.setData(REPEAT_ROLE, last.data(REPEAT_ROLE) + 1)
            self._fill(last, level, text, short, open_=last.data(OPEN_ROLE) and not short)
            self.scrollToBottom()
            return
        item = QListWidgetItem()
        item.setData(CODE_ROLE, code)
        item.setData(REPEAT_ROLE, 1)
        self._fill(item, level, text, short, open_=not short)
        self.addItem(item)
        while self.count() > MAX_MESSAGES:
            self.takeItem(0)
        self.scrollToBottom()

    def _fill(self, item: QListWidgetItem, level: str, full: str, short: str, open_: bool):
        item.setData(FULL_ROLE, full)
        item.setData(SHORT_ROLE, short)
        item.setData(LEVEL_ROLE, level)
        item.setData(OPEN_ROLE, open_)
        shown = full if open_ or not short else short + " …"
        repeats = item.data(REPEAT_ROLE)
        item.setText(
            f"{MARKS.get(level, '')}  {shown}" + (f"  (×{repeats})" if repeats > 1 else "")
        )
        item.setToolTip(full if shown != full else "")
        if level == "error":
            item.setForeground(QColor(self._colours.grad))
        elif level == "warning":
            item.setForeground(QColor(self._colours.bias))

    @Slot(QListWidgetItem)
    def toggle(self, item: QListWidgetItem) -> None:
        """Unfold a one-line message to its full explanation, or fold it again."""
        if item.data(SHORT_ROLE):
            self._fill(
                item,
                item.data(LEVEL_ROLE),
                item.data(FULL_ROLE),
                item.data(SHORT_ROLE),
                open_=not item.data(OPEN_ROLE),
            )

    def full_texts(self) -> list[str]:
        """Every message's whole explanation, folded or not (tests, accessibility)."""
        return [self.item(i).data(FULL_ROLE) for i in range(self.count())]

    def texts(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]
