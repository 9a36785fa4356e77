"""The values panel: w, b, their gradients and the loss, read from the latest
snapshot, each marked when the last phase changed it, with the arithmetic of
that change written out beside it."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from gradlab.ui.texts import format_value, locale_int
from gradlab.ui.throttle import RunThrottle

translate = QCoreApplication.translate

RUN_REFRESH_S = 0.1

ROWS = (
    ("w", "weightValue", "weight"),
    ("b", "biasValue", "bias"),
    ("w.grad", "weightGradValue", "grad"),
    ("b.grad", "biasGradValue", "grad_b"),
    ("loss", "lossValue", "loss"),
)


class ValuesPanel(QWidget):
    def __init__(self, controller, colours, parent=None):
        super().__init__(parent)
        self.setObjectName("valuesPanel")
        self.controller = controller
        self._colours = colours
        self._shown: dict[str, float | None] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        self.names: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        self.marks: dict[str, QLabel] = {}
        self.maths: dict[str, QLabel] = {}
        for row, (key, obj, _colour) in enumerate(ROWS):
            name = QLabel(key)
            name.setToolTip(_row_tooltip(key))
            value = QLabel("—")  # until the session is ready: nothing is None yet
            value.setObjectName(obj)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setToolTip(name.toolTip())
            # Value and mark labels get a fixed size with the font (apply_colours).
            mark = QLabel("")
            maths = QLabel("")
            maths.setWordWrap(True)
            maths.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            maths.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            grid.addWidget(mark, row, 2)
            grid.addWidget(maths, row, 3)
            self.names[key], self.values[key] = name, value
            self.marks[key], self.maths[key] = mark, maths
        step_caption = QLabel(translate("Values", "updates"))
        step_caption.setToolTip(
            translate("Values", "How many times optimizer.step() has run since the start.")
        )
        self.step_label = QLabel("0")
        _fix_size(self.step_label, "999999999")
        self.step_label.setObjectName("stepCounter")
        self.step_label.setToolTip(step_caption.toolTip())
        self.epoch_label = QLabel("")
        self.epoch_label.setObjectName("epochLabel")
        self.epoch_label.setToolTip(
            translate(
                "Values",
                "An epoch is one pass over all the samples. With mini-batches, one epoch "
                "takes several updates.",
            )
        )
        row = len(ROWS)
        grid.addWidget(step_caption, row, 0)
        grid.addWidget(self.step_label, row, 1)
        grid.addWidget(self.epoch_label, row, 3)
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(row + 1, 1)
        self.apply_colours(colours)
        # Numbers are read, not watched: during a run ~10 updates a second are
        # plenty, and every repaint is taken from the training thread's time.
        self._throttle = RunThrottle(RUN_REFRESH_S)
        controller.frame.connect(self._on_frame)
        controller.runningChanged.connect(self._on_running)

    def apply_colours(self, colours) -> None:
        # Palettes and fonts, not style sheets: these labels repaint every frame of
        # a run, and style-sheet painting costs several times more.
        self._colours = colours
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        bold_mono = QFont(mono)
        bold_mono.setBold(True)
        big_mono = QFont(mono)
        big_mono.setPointSizeF(mono.pointSizeF() * 1.15)
        bold = QFont(self.font())
        bold.setBold(True)
        for key, _obj, colour in ROWS:
            _set_colour(self.names[key], getattr(colours, colour))
            self.names[key].setFont(bold_mono)
            self.values[key].setFont(big_mono)
            _fix_size(self.values[key], "-0.0000e-00")
            _set_colour(self.marks[key], colours.changed)
            self.marks[key].setFont(bold)
            _fix_size(self.marks[key], "●", pad=2)

    @Slot(object)
    def _on_frame(self, frame) -> None:
        snap = frame.snapshot
        if snap is None:
            return
        snap = self._throttle.offer(snap, self.controller.running)
        if snap is not None:
            self._show(snap)

    @Slot(bool)
    def _on_running(self, running: bool) -> None:
        if not running and (snap := self._throttle.take_pending()) is not None:
            self._show(snap)

    def _show(self, snap) -> None:
        current = _quantities(snap)
        if snap.model_kind != "linear":
            for key, label in zip(
                ("w", "b", "w.grad", "b.grad"), ("‖W‖", "‖b‖", "‖∇W‖", "‖∇b‖"), strict=True
            ):
                self.names[key].setText(label)
        else:
            for key, *_ in ROWS:
                self.names[key].setText(key)
        for key, *_ in ROWS:
            value = current[key]
            text = format_value(value)
            if self.values[key].text() != text:
                self.values[key].setText(text)
            changed = key in self._shown and not _same(self._shown[key], value)
            mark = self.marks[key]
            mark.setText("●" if changed else "")
            tip = translate("Values", "Changed by the last call") if changed else ""
            if mark.toolTip() != tip:  # setToolTip always sends an event, even unchanged
                mark.setToolTip(tip)
        self._shown = current
        self._write_maths(snap)
        self.step_label.setText(str(snap.step))
        if snap.batches_per_epoch > 1 and snap.epoch:
            self.epoch_label.setText(
                translate("Values", "epoch {epoch}, batch {batch} of {total}").format(
                    epoch=locale_int(snap.epoch),
                    batch=locale_int(snap.batch),
                    total=locale_int(snap.batches_per_epoch),
                )
            )
        else:
            self.epoch_label.setText(
                translate("Values", "full batch: 1 update = 1 epoch")
                if snap.batches_per_epoch == 1
                else ""
            )

    def _write_maths(self, snap) -> None:
        for label in self.maths.values():
            label.setText("")
        phase, linear = snap.phase, snap.model_kind == "linear"
        if phase == "step" and snap.prev_params is not None and linear:
            for i, key in enumerate(("w", "b")):
                old, new = snap.prev_params[i][0], snap.params[i][0]
                grad = snap.grad(i)
                if grad is None:
                    text = translate("Values", "unchanged: {g}.grad is None").format(g=key)
                elif self.controller.config.optimizer == "sgd":
                    text = f"{key} ← {key} − lr·{key}.grad = {_n(old)} − {snap.lr:g} × {_p(grad)} = {_n(new)}"
                else:
                    text = translate(
                        "Values", "{g} ← {old} → {new}: {opt}'s rule, from .grad and its state"
                    ).format(g=key, old=_n(old), new=_n(new), opt=self.controller.config.optimizer)
                self.maths[key].setText(text)
        elif phase == "backward" and snap.prev_grads is not None and linear:
            for i, key in enumerate(("w.grad", "b.grad")):
                before, after = snap.prev_grads[i], snap.grads[i]
                if after is None:
                    continue
                if before is None:
                    self.maths[key].setText(
                        translate("Values", "∂loss/∂{p}, computed by backward()").format(p=key[0])
                    )
                else:
                    added = after[0] - before[0]
                    self.maths[key].setText(
                        translate("Values", "accumulated: {old} + {new} = {total}").format(
                            old=_n(before[0]), new=_p(added), total=_n(after[0])
                        )
                    )
        elif phase == "zero_grad":
            for key in ("w.grad", "b.grad"):
                self.maths[key].setText(translate("Values", "set to None by zero_grad()"))
        elif phase == "loss" and snap.loss is not None:
            formula = {
                "mse": "mean((y_pred − y)²)",
                "l1": "mean(|y_pred − y|)",
                "huber": "mean(huber(y_pred − y))",
            }[self.controller.config.loss]
            self.maths["loss"].setText(f"{formula} = {_n(snap.loss)}")
        elif phase == "forward":
            self.maths["loss"].setText(
                translate("Values", "y_pred is new; the loss still belongs to the old one")
                if snap.loss is not None
                else ""
            )


def _set_colour(label: QLabel, colour: str) -> None:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)


def _quantities(snap) -> dict[str, float | None]:
    if snap.model_kind == "linear":
        return {
            "w": snap.w,
            "b": snap.b,
            "w.grad": snap.grad(0),
            "b.grad": snap.grad(1),
            "loss": snap.loss,
        }
    weights = [i for i, n in enumerate(snap.param_names) if "weight" in n]
    biases = [i for i, n in enumerate(snap.param_names) if "bias" in n]
    return {
        "w": _norm(snap.params[i] for i in weights),
        "b": _norm(snap.params[i] for i in biases),
        "w.grad": _norm_or_none([snap.grads[i] for i in weights]),
        "b.grad": _norm_or_none([snap.grads[i] for i in biases]),
        "loss": snap.loss,
    }


def _norm(vectors) -> float:
    return math.sqrt(sum(v * v for vec in vectors for v in vec))


def _norm_or_none(vectors):
    if any(v is None for v in vectors):
        return None
    return _norm(vectors)


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return a == b or (a != a and b != b)


def _n(value) -> str:
    return format_value(value)


def _p(value) -> str:
    """A number in parentheses when negative, as arithmetic is written."""
    text = format_value(value)
    return f"({text})" if value is not None and value < 0 else text


def _row_tooltip(key: str) -> str:
    return {
        "w": translate("Values", "model.weight: the slope the model has learned so far."),
        "b": translate("Values", "model.bias: the intercept the model has learned so far."),
        "w.grad": translate(
            "Values",
            "model.weight.grad: ∂loss/∂w, how much the loss rises when w rises a little. "
            "None until backward() runs, and again after zero_grad().",
        ),
        "b.grad": translate(
            "Values",
            "model.bias.grad: ∂loss/∂b. None until backward() runs, and again after zero_grad().",
        ),
        "loss": translate(
            "Values", "The value of loss = criterion(y_pred, y): how wrong the model is."
        ),
    }[key]


def _fix_size(label: QLabel, widest: str, pad: int = 16) -> None:
    """Give a label that changes while training a fixed size. A label whose size
    can change asks its parents to re-lay out on every setText(), up to the main
    window, which then re-lays out (and animates) every dock: measured at 7 times
    a second during a run, costing the training thread several per cent."""
    metrics = label.fontMetrics()
    label.setFixedSize(metrics.horizontalAdvance(widest) + pad, metrics.height() + 4)
