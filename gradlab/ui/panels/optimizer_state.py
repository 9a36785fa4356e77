"""Optimizer-state inspector: what `optimizer.state` holds for each parameter
(momentum_buffer for momentum, exp_avg and exp_avg_sq for Adam ...)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from gradlab.ui.texts import format_value

translate = QCoreApplication.translate


def state_tooltip(key: str) -> str:
    return {
        "momentum_buffer": translate(
            "OptimizerState",
            "momentum_buffer: the velocity v ← μ·v + grad, a sum of past gradients in which "
            "older ones count less (μ < 1). The step is −lr·v: the parameter moves against "
            "that sum, so while the gradients keep one sign its steps grow.",
        ),
        "exp_avg": translate(
            "OptimizerState",
            "exp_avg (Adam's first moment m): an average of recent gradients, m ← β₁·m + "
            "(1 − β₁)·grad.",
        ),
        "exp_avg_sq": translate(
            "OptimizerState",
            "exp_avg_sq (Adam's second moment v): an average of recent squared gradients. Adam "
            "divides by √v, so every step is at most about lr: exactly lr on the first step, "
            "smaller when recent gradients disagree in sign.",
        ),
        "square_avg": translate(
            "OptimizerState",
            "square_avg (RMSprop): an average of recent squared gradients; steps are divided "
            "by its square root.",
        ),
        "sum": translate(
            "OptimizerState",
            "sum (Adagrad): all squared gradients so far; steps shrink as it grows.",
        ),
        "step": translate("OptimizerState", "step: how many updates this parameter has had."),
    }.get(key, key)


class OptimizerStatePanel(QWidget):
    def __init__(self, controller, colours, parent=None):
        super().__init__(parent)
        self.setObjectName("optimizerStatePanel")
        self.controller = controller
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("optimizerStateView")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(
            [translate("OptimizerState", "state"), translate("OptimizerState", "value")]
        )
        self.tree.setToolTip(
            translate(
                "OptimizerState",
                "optimizer.state, read live: what the optimizer remembers between updates. "
                "Plain SGD remembers nothing.",
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.tree, 1)
        self._shown = None
        controller.frame.connect(self._on_frame)

    def apply_colours(self, colours) -> None:
        pass  # plain text in the palette's colours

    @Slot(object)
    def _on_frame(self, frame) -> None:
        snap = frame.snapshot
        if snap is None or not self.isVisible():
            return
        key = (snap.optimizer_name, snap.optimizer_state)
        if key == self._shown:
            return
        self._shown = key
        self.caption.setText(
            translate("OptimizerState", "{name}: what it keeps in optimizer.state").format(
                name=snap.optimizer_name
            )
        )
        self.tree.clear()
        for name, entries in snap.optimizer_state:
            top = QTreeWidgetItem([name, "" if entries else translate("OptimizerState", "(empty)")])
            for state_key, value in entries:
                text = (
                    ", ".join(format_value(v) for v in value)
                    if isinstance(value, tuple)
                    else (str(int(value)) if state_key == "step" else format_value(value))
                )
                child = QTreeWidgetItem([state_key, text])
                child.setToolTip(0, state_tooltip(state_key))
                child.setToolTip(1, state_tooltip(state_key))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.tree.resizeColumnToContents(0)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._shown = None  # refresh on the next frame
