"""Inference: predict y for a typed x under torch.no_grad() with model.eval(),
and show what that changes (no graph, no gradient) without touching training."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from gradlab.ui.texts import format_value

if TYPE_CHECKING:
    from gradlab.core.inference import Prediction

translate = QCoreApplication.translate

CODE = "model.eval()\nwith torch.no_grad():\n    y = model(torch.tensor([[x]]))"


class InferencePanel(QWidget):
    def __init__(self, controller, colours, parent=None):
        super().__init__(parent)
        self.setObjectName("inferencePanel")
        self.controller = controller
        self.input = QLineEdit("3")
        self.input.setObjectName("inferenceInput")
        self.input.setToolTip(
            translate("Inference", "An x the model has maybe never seen. Any number.")
        )
        self.button = QPushButton(translate("Inference", "Predict"))
        self.button.setObjectName("predictButton")
        self.button.setToolTip(
            translate(
                "Inference",
                "Runs the model on x inside torch.no_grad() after model.eval(): the way a "
                "trained model is used. Training is not affected.",
            )
        )
        self.button.clicked.connect(self.predict)
        self.input.returnPressed.connect(self.predict)
        row = QHBoxLayout()
        row.addWidget(self.input, 1)
        row.addWidget(self.button)
        self.result = QLabel("—")
        self.result.setObjectName("inferenceResult")
        self.truth = QLabel("—")
        self.recorded = QLabel("—")
        self.recorded.setWordWrap(True)
        self.plain = QLabel("—")
        self.plain.setWordWrap(True)
        code = QLabel(CODE)
        code.setStyleSheet("font-family: monospace;")
        form = QFormLayout(self)
        form.addRow(translate("Inference", "x"), row)
        form.addRow(translate("Inference", "model says y"), self.result)
        form.addRow(translate("Inference", "the data's rule says"), self.truth)
        form.addRow(translate("Inference", "while training"), self.recorded)
        form.addRow(translate("Inference", "inference"), self.plain)
        form.addRow(code)
        controller.inferenceChanged.connect(self._on_prediction)
        controller.readyChanged.connect(self.button.setEnabled)
        self.button.setEnabled(controller.ready)

    def apply_colours(self, colours) -> None:
        pass

    @Slot()
    def predict(self) -> None:
        self.controller.infer(self.input.text())

    @Slot(object)
    def _on_prediction(self, p: Prediction) -> None:
        """The model's answer for the x the student asked about."""
        self.result.setText(format_value(p.y))
        self.truth.setText("—" if p.target is None else format_value(p.target))
        self.recorded.setText(
            translate("Inference", "requires_grad={rg}, grad_fn={fn}: a graph is recorded").format(
                rg=p.with_grad_requires_grad, fn=p.with_grad_grad_fn
            )
        )
        self.plain.setText(
            translate(
                "Inference", "requires_grad={rg}, grad_fn={fn}: no graph, less memory, faster"
            ).format(rg=p.no_grad_requires_grad, fn=p.no_grad_grad_fn)
        )
