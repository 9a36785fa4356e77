"""Checkpoint lab: what `torch.save(model.state_dict(), ...)` writes (keys,
shapes, dtypes, file size), loading it into a freshly built model, and why a
state_dict holds no graph."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gradlab.ui.texts import format_value

if TYPE_CHECKING:
    from gradlab.core.checkpoint import StateDictLab

translate = QCoreApplication.translate

# Short lines: the Lab tab is narrow, and a code line cannot wrap.
CODE = (
    "torch.save(model.state_dict(), 'model.pt')\n"
    "fresh = nn.Linear(1, 1)\n"
    "state = torch.load('model.pt', weights_only=True)\n"
    "fresh.load_state_dict(state)"
)


class CheckpointLabPanel(QWidget):
    def __init__(self, controller, colours, parent=None):
        super().__init__(parent)
        self.setObjectName("checkpointLabPanel")
        self.controller = controller
        self._dir = Path(tempfile.mkdtemp(prefix="gradlab-lab-"))
        self.button = QPushButton(
            translate("CheckpointLab", "Save the state_dict and load it back")
        )
        self.button.setObjectName("stateDictLabButton")
        self.button.setToolTip(
            translate(
                "CheckpointLab",
                "Runs the lines below on the live model: saves its state_dict, builds a "
                "new model with fresh random weights, loads the file into it and compares "
                "their predictions.",
            )
        )
        self.button.clicked.connect(self.run)
        code = QLabel(CODE)
        code.setStyleSheet("font-family: monospace;")
        self.summary = QLabel("")
        self.summary.setObjectName("stateDictSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("stateDictTable")
        self.table.setHorizontalHeaderLabels(
            [
                translate("CheckpointLab", "key"),
                translate("CheckpointLab", "shape"),
                translate("CheckpointLab", "dtype"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setMaximumHeight(120)
        self.compare = QLabel("")
        self.compare.setWordWrap(True)
        why = QLabel(
            translate(
                "CheckpointLab",
                "A state_dict is an ordered dict from names to tensors: the numbers only. It "
                "holds no graph (graphs live only between a forward pass and backward()), no "
                "optimizer state and no code, so you rebuild the model in Python and load the "
                "numbers into it. To resume training, save optimizer.state_dict() too — "
                "GradLab's File ▸ Save does.",
            )
        )
        why.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(code)
        layout.addWidget(self.button)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.compare)
        layout.addWidget(why)
        layout.addStretch(1)
        controller.stateDictResultChanged.connect(self._on_lab)
        controller.readyChanged.connect(self.button.setEnabled)
        self.button.setEnabled(controller.ready)

    def apply_colours(self, colours) -> None:
        pass

    @Slot()
    def run(self) -> None:
        self.controller.state_dict_lab(str(self._dir / "model.pt"))

    @Slot(object)
    def _on_lab(self, lab: StateDictLab) -> None:
        """What saving and loading the state_dict did."""
        self.summary.setText(
            translate("CheckpointLab", "{path}: {size} bytes, {n} tensors").format(
                path=Path(lab.path).name, size=lab.size, n=len(lab.entries)
            )
        )
        self.table.setRowCount(len(lab.entries))
        for row, (key, shape, dtype) in enumerate(lab.entries):
            for col, text in enumerate((key, "×".join(map(str, shape)) or "()", dtype)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        rows = [
            f"x = {x:g}: {format_value(a)} | {format_value(b)} → {format_value(c)}"
            for x, a, b, c in zip(lab.xs, lab.original, lab.fresh_before, lab.reloaded, strict=True)
        ]
        verdict = (
            translate(
                "CheckpointLab", "Same predictions after loading: the numbers were all it needed."
            )
            if lab.same
            else translate("CheckpointLab", "The predictions differ!")
        )
        self.compare.setText(
            translate("CheckpointLab", "live model | fresh model → after load_state_dict")
            + "\n"
            + "\n".join(rows)
            + "\n"
            + verdict
        )
