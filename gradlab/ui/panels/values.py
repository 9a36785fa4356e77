"""The values panel: w, b, their gradients and the loss, read from the latest
snapshot, each marked when the last phase changed it, with the arithmetic of
that change written out beside it."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gradlab.ui import update_text, zoom
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
        # The grid scrolls rather than squeezing: a short dock, a large zoom or a
        # long Chinese line must never cut the arithmetic in half.
        content = QWidget()
        grid = QGridLayout(content)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        scroll = QScrollArea(self)
        scroll.setObjectName("valuesScroll")
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._content = content
        # While comparing, these numbers stand still: say why.
        self.compare_note = QLabel(
            translate(
                "Values",
                "Comparing: these are your own run's values, which wait. F10, F11, F5 or "
                "Back to one run end the comparison and go on from here.",
            )
        )
        self.compare_note.setObjectName("valuesCompareNote")
        self.compare_note.setWordWrap(True)
        self.compare_note.setContentsMargins(8, 4, 8, 0)
        self.compare_note.hide()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.compare_note)
        outer.addWidget(scroll)
        self.names: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        self.marks: dict[str, QLabel] = {}
        self.maths: dict[str, QLabel] = {}
        for index, (key, obj, _colour) in enumerate(ROWS):
            row = 2 * index
            name = QLabel(key)
            name.setToolTip(_row_tooltip(key))
            value = QLabel("—")  # until the session is ready: nothing is None yet
            value.setObjectName(obj)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setToolTip(name.toolTip())
            # Value and mark labels get a fixed size with the font (apply_colours).
            mark = QLabel("")
            # What the last call did to this value, on its own full-width row
            # below it (hidden while empty): room to wrap in any language.
            maths = QLabel("")
            maths.setObjectName(obj + "Arithmetic")
            maths.setWordWrap(True)
            maths.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
            maths.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            maths.hide()
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            grid.addWidget(mark, row, 2)
            grid.addWidget(maths, row + 1, 1, 1, 3)
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
        self.epoch_label.setWordWrap(True)
        self.epoch_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.epoch_label.setToolTip(
            translate(
                "Values",
                "An epoch is one pass over all the samples. With mini-batches, one epoch "
                "takes several updates.",
            )
        )
        row = 2 * len(ROWS)
        grid.addWidget(step_caption, row, 0)
        grid.addWidget(self.step_label, row, 1)
        # Under the count, across the width: "full batch: 1 update = 1 epoch" must
        # not wrap into a column of words beside it.
        grid.addWidget(self.epoch_label, row + 1, 1, 1, 3)
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(row + 2, 1)
        self.apply_colours(colours)
        # Numbers are read, not watched: during a run ~10 updates a second are
        # plenty, and every repaint is taken from the training thread's time.
        self._throttle = RunThrottle(RUN_REFRESH_S)
        controller.frame.connect(self._on_frame)
        controller.runningChanged.connect(self._on_running)
        controller.compareChanged.connect(self._on_compare)

    def apply_colours(self, colours) -> None:
        # Palettes and fonts, not style sheets: these labels repaint every frame of
        # a run, and style-sheet painting costs several times more.
        self._colours = colours
        mono = zoom.fixed_font()
        bold_mono = QFont(mono)
        bold_mono.setBold(True)
        big_mono = zoom.fixed_font(1.15)
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

    def wanted_height(self) -> int:
        """The height that shows every row without scrolling (with the arithmetic
        of a step under w and b, which wraps to two lines in a narrow dock)."""
        content = self._content
        width = max(content.width(), 200)
        rows = content.heightForWidth(width) if content.hasHeightForWidth() else -1
        rows = rows if rows > 0 else content.sizeHint().height()
        line = self.fontMetrics().lineSpacing()
        return (
            rows
            + 7 * line  # a step's arithmetic under w and b (three lines each for Adam's)
            + self.compare_note.sizeHint().height() * (not self.compare_note.isHidden())
        )

    def apply_zoom(self, _factor: float) -> None:
        """Fonts and the fixed label sizes that follow them, at the new zoom."""
        self.apply_colours(self._colours)
        _fix_size(self.step_label, "999999999")

    @Slot(object)
    def _on_frame(self, frame) -> None:
        snap = frame.snapshot
        if snap is None:
            return
        snap = self._throttle.offer(snap, self.controller.running)
        if snap is not None:
            self._show(snap)

    @Slot(object)
    def _on_compare(self, view) -> None:
        self.compare_note.setVisible(view is not None)

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
        """Beside each value, what the last call did to it, from the session's event:
        an update only when step() really ran, never after a parameter edit."""
        texts = _arithmetic(snap, self.controller.config.loss)
        for key, label in self.maths.items():
            text = texts.get(key, "")
            if label.text() != text:
                label.setText(text)
            if label.isHidden() == bool(text):
                label.setVisible(bool(text))


def _arithmetic(snap, loss_kind: str) -> dict[str, str]:
    """Row key -> one line saying what the last event did to that value."""
    code, linear = snap.event.code, snap.model_kind == "linear"
    applied = update_text.applied_updates(snap.event)
    if applied and linear:
        return {u.symbol: update_text.assignment_text(u) for u in applied}
    if code == "step.no_grad":
        text = translate("Values", "unchanged: every .grad is None, so step() did nothing")
        return {"w": text, "b": text}
    if code == "params.set":
        text = translate("Values", "set by you under torch.no_grad(): not an update")
        return {"w": text, "b": text}
    if code == "restored":
        text = translate("Values", "restored from the file, as it was after update {step}")
        text = text.format(step=locale_int(snap.step))
        return {"w": text, "b": text}
    if code == "stepped_back":
        text = translate("Values", "restored: stepped back to update {step}")
        text = text.format(step=locale_int(snap.step))
        return {"w": text, "b": text}
    if code in ("backward.ok", "backward.accumulated") and linear and snap.prev_grads is not None:
        out = {}
        for i, key in enumerate(("w.grad", "b.grad")):
            before, after = snap.prev_grads[i], snap.grads[i]
            if after is None:
                continue
            if before is None:
                out[key] = translate("Values", "∂loss/∂{p}, computed by backward()").format(
                    p=key[0]
                )
            else:
                out[key] = translate("Values", "accumulated: {old} + {new} = {total}").format(
                    old=format_value(before[0]),
                    new=_p(after[0] - before[0]),
                    total=format_value(after[0]),
                )
        return out
    if code == "zero_grad.ok":
        text = translate("Values", "set to None by zero_grad()")
        return {"w.grad": text, "b.grad": text}
    if code in ("loss.ok", "loss.broadcast") and snap.loss is not None:
        formula = {
            "mse": "mean((y_pred − y)²)",
            "l1": "mean(|y_pred − y|)",
            "huber": "mean(huber(y_pred − y))",
        }[loss_kind]
        return {"loss": f"{formula} = {format_value(snap.loss)}"}
    if code == "forward.ok" and snap.loss is not None:
        return {"loss": translate("Values", "y_pred is new; the loss still belongs to the old one")}
    return {}


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
