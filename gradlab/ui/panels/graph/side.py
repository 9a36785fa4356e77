"""The column beside the graph (below it in a tall panel): the Fit, Replay and
Export buttons, the caption, and the inspector when it has room there."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

translate = QCoreApplication.translate


class SideColumn(QWidget):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.fit_button = self._button(
            "graphFitButton",
            translate("GraphPanel", "Fit"),
            translate(
                "GraphPanel",
                "Fit the whole graph into the view, as large as it stays readable. The wheel "
                "zooms, dragging pans.",
            ),
        )
        self.replay_button = self._button(
            "graphReplayButton",
            translate("GraphPanel", "Replay"),
            translate(
                "GraphPanel",
                "Play the last backward() again, node by node, in the order autograd ran the "
                "nodes. While it plays, this button skips to the end.",
            ),
        )
        self.export_button = self._button(
            "graphExportButton",
            translate("GraphPanel", "Export…"),
            translate(
                "GraphPanel",
                "Save the graph as a picture: PNG for documents and slides, SVG to scale "
                "without blur.",
            ),
        )
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(4)
        for button in (self.fit_button, self.replay_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.caption_label = QLabel()
        self.caption_label.setObjectName("graphCaption")
        self.caption_label.setWordWrap(True)
        self.caption_label.setTextFormat(Qt.TextFormat.RichText)
        self.caption_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.caption_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.caption_label.setToolTip(
            translate(
                "GraphPanel",
                "What the graph shows now. live: backward() can still run through it. freed: "
                "backward() ran and released the tensors the graph saved for it.",
            )
        )

        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(buttons)
        layout.addWidget(self.caption_label)
        layout.addStretch(0)  # takes what the inspector (stretch 1, capped) leaves

    def _button(self, name, text, tip) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(False)
        return button

    def set_caption(self, state: str, caption: str, colour: str) -> None:
        self.caption_label.setText(f"<b>{html.escape(state)}</b> · {html.escape(caption)}")
        palette = self.caption_label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        self.caption_label.setPalette(palette)

    def set_buttons(self, *, has_graph: bool, can_replay: bool, animating: bool) -> None:
        self.replay_button.setEnabled(can_replay)
        self.replay_button.setText(
            translate("GraphPanel", "Skip") if animating else translate("GraphPanel", "Replay")
        )
        self.export_button.setEnabled(has_graph)
        self.fit_button.setEnabled(has_graph)

    def insert_inspector(self, inspector: QWidget) -> None:
        """Below the caption, taking the height the column has left."""
        self._layout.insertWidget(2, inspector, 1)

    def remove_inspector(self, inspector: QWidget) -> None:
        self._layout.removeWidget(inspector)
