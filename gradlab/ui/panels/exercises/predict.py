"""Predict, then see: before backward() and step() the student types what they
expect w.grad and b.grad, or the new w and b, to be; once the call has run,
the guesses stand beside the values torch computed, graded, with the slip a
guess matches and the rule with its numbers (core/predict.py, core/maths.py).

The guesses are compared whichever button ran the call (this page's, the
phase buttons, F10): the fields are read when the result arrives, before the
student could have seen it. Results are kept with the progress, per lesson.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gradlab.core import predict
from gradlab.core.progress import now
from gradlab.ui.panels.exercises import predict_texts
from gradlab.ui.update_text import applied_updates, assignment_text

translate = QCoreApplication.translate
# (symbol, objectName, the call it is guessed before, parameter index)
FIELDS = (
    ("w.grad", "predictWeightGrad", "backward", 0),
    ("b.grad", "predictBiasGrad", "backward", 1),
    ("w", "predictWeight", "step", 0),
    ("b", "predictBias", "step", 1),
)
UP_TO_BACKWARD = ("forward", "loss", "zero_grad")


class PredictPage(QWidget):
    judged = Signal(object)  # the record just kept (a dict, as progress stores it)

    def __init__(self, controller, colours, parent=None):
        super().__init__(parent)
        self.setObjectName("predictPage")
        self.controller = controller
        self._colours = colours
        self._lesson = ""
        self._lesson_title = ""
        self._before = None  # (snapshot, generation) the last frame showed
        self._waiting = False  # a call this page ran has not come back yet
        self._shown_key = None  # what _refresh last showed the page for
        self._shown_result = None  # (call, optimizer, judged, rules) of the result shown

        self.mode = QCheckBox(
            translate("Predict", "Predict mode: guess before backward() and step()")
        )
        self.mode.setObjectName("predictModeCheck")
        self.mode.setToolTip(
            translate(
                "Predict",
                "Type what you expect before loss.backward() and optimizer.step() run; "
                "GradLab then puts PyTorch's values beside your guess and says how close it "
                "was. Your guesses are kept, per lesson.",
            )
        )
        self.mode.toggled.connect(self._refresh)
        self.next_label = QLabel()
        self.next_label.setObjectName("predictNextLabel")
        self.next_label.setWordWrap(True)
        grid = QGridLayout()
        self.inputs: dict[str, QLineEdit] = {}
        captions = {
            "w.grad": translate("Predict", "w.grad after backward()"),
            "b.grad": translate("Predict", "b.grad after backward()"),
            "w": translate("Predict", "w after step()"),
            "b": translate("Predict", "b after step()"),
        }
        for row, (symbol, name, _call, _index) in enumerate(FIELDS):
            field = QLineEdit()
            field.setObjectName(name)
            field.setPlaceholderText(translate("Predict", "your guess"))
            field.setToolTip(
                translate(
                    "Predict",
                    "Your guess for {symbol}, a number such as -3.51. Leave it empty to guess "
                    "only the others.",
                ).format(symbol=symbol)
            )
            field.returnPressed.connect(self.check)
            grid.addWidget(QLabel(captions[symbol]), row, 0)
            grid.addWidget(field, row, 1)
            self.inputs[symbol] = field
        self.button = QPushButton()
        self.button.setObjectName("predictRunButton")
        self.button.clicked.connect(self.check)
        self.result = QLabel()
        self.result.setObjectName("predictResult")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tally = QLabel()
        self.tally.setObjectName("predictTally")
        self.tally.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.mode)
        layout.addWidget(self.next_label)
        layout.addLayout(grid)
        layout.addWidget(self.button)
        layout.addWidget(self.result)
        layout.addWidget(self.tally)
        layout.addStretch(1)
        controller.frame.connect(self._on_frame)
        controller.readyChanged.connect(self._refresh)
        controller.exercises.progressChanged.connect(self._show_tally)
        self._refresh()

    # ---------------------------------------------------------------- public
    def set_lesson(self, slug: str | None, title: str = "") -> None:
        """Where predictions are kept from now on (the lesson being read)."""
        self._lesson = slug or ""
        self._lesson_title = title
        self._show_tally()

    def set_mode(self, on: bool) -> None:
        self.mode.setChecked(bool(on))

    def apply_colours(self, colours) -> None:
        self._colours = colours
        if self._shown_result is not None:
            self.result.setText(predict_texts.result_html(*self._shown_result, colours))

    @Slot()
    def check(self) -> None:
        """The button: run the phases up to backward(), or, with the guesses
        typed, run backward() or step() (the result compares them)."""
        c = self.controller
        snap = c.snapshot
        if not (c.ready and self.mode.isChecked()) or snap is None or self._waiting:
            return
        call = snap.next_phase if snap.next_phase in ("backward", "step") else None
        if call is None:
            skipping = snap.skip_zero_grad
            todo = [p for p in UP_TO_BACKWARD if not (skipping and p == "zero_grad")]
            start = todo.index(snap.next_phase) if snap.next_phase in todo else 0
            for phase in todo[start:]:
                c.run_phase(phase)
            self._waiting = True
            self._refresh()
            return
        guesses = self._guesses(call)
        if guesses is None:
            return
        if not guesses:
            self._say_problem(
                translate("Predict", "Type your guess first (at least one of the fields).")
            )
            return
        self._waiting = True
        self._refresh()
        c.run_phase(call)

    # ------------------------------------------------------------- reacting
    @Slot(object)
    def _on_frame(self, _frame) -> None:
        c = self.controller
        snap = c.snapshot
        if snap is None:
            return
        before, self._before = self._before, (snap, c.generation)
        if before is None or before[0] is snap:
            return
        self._waiting = False
        if self.mode.isChecked() and before[1] == c.generation:
            self._judge(before[0], snap)
        self._refresh()

    def _judge(self, before, after) -> None:
        if after.model_kind != "linear":
            return
        event = after.event.code
        # Exactly this call ran since the frame before (a merged frame of several
        # calls, a reset or a run is not a prediction's result).
        backward = after.phase == "backward" and event in ("backward.ok", "backward.accumulated")
        step = after.phase == "step" and event in ("step.ok", "step.no_grad")
        if (
            backward
            and before.step == after.step
            and before.phase in ("forward", "loss", "zero_grad")
        ):
            self._judge_gradients(before, after)
        elif step and after.step == before.step + 1:
            self._judge_update(before, after, event)

    def _judge_gradients(self, before, after) -> None:
        guesses = self._guesses("backward", quiet=True)
        if not guesses:
            return
        maths = self.controller.maths
        checks = maths.gradients if maths is not None else ()
        n = maths.n if maths is not None else 0
        previous = self._history_grads(before.step)
        judged, rules = [], []
        for symbol, index in (("w.grad", 0), ("b.grad", 1)):
            if symbol not in guesses or after.grad(index) is None:
                continue
            truth = after.grad(index)
            old = before.grad(index)
            slips = predict.gradient_slips(
                truth, self.controller.config.loss, n, old, previous[index]
            )
            judged.append(predict.judge(symbol, guesses[symbol], truth, slips))
            if index < len(checks):
                rules.append(predict_texts.gradient_rule(checks[index], old, truth))
        self._show(after, "backward", judged, rules)

    def _judge_update(self, before, after, event: str) -> None:
        guesses = self._guesses("step", quiet=True)
        if not guesses:
            return
        optimizer = self.controller.config.optimizer
        previous = self._history_grads(before.step)
        judged, rules = [], []
        applied = applied_updates(after.event)
        for symbol, index in (("w", 0), ("b", 1)):
            if symbol not in guesses:
                continue
            truth = after.params[index][0]
            update = applied[index] if index < len(applied) else None
            if update is None or update.grad is None:
                judged.append(predict.judge(symbol, guesses[symbol], truth, otherwise="no_grad"))
                continue
            lr = after.event.args[0]
            direction = None
            if optimizer in ("sgd", "momentum", "nesterov"):
                direction = update.equations[-1].values[2]
            slips = predict.update_slips(
                update.old, update.grad, lr, optimizer, direction, previous[index]
            )
            judged.append(predict.judge(symbol, guesses[symbol], truth, slips))
            rules.append(assignment_text(update))
        self._show(after, "step", judged, rules)

    def _show(self, after, call: str, judged, rules) -> None:
        if not judged:
            return
        optimizer = self.controller.config.optimizer
        self._shown_result = (call, optimizer, judged, rules)
        self.result.setText(
            predict_texts.result_html(call, optimizer, judged, rules, self._colours)
        )
        for symbol, _name, field_call, _index in FIELDS:
            if field_call == call:
                self.inputs[symbol].clear()
        record = {
            "when": now(),
            "call": call,
            "optimizer": optimizer,
            "items": [
                {
                    "symbol": j.symbol,
                    "guess": j.guess,
                    "truth": j.truth,
                    "grade": j.grade,
                    "reason": j.reason,
                }
                for j in judged
            ],
        }
        self.controller.exercises.record_prediction(self._lesson, record)
        self.judged.emit(record)

    # ------------------------------------------------------------ internals
    def _guesses(self, call: str, quiet: bool = False) -> dict[str, float] | None:
        """The numbers typed for `call`; None (after saying which field is not a
        number, unless quiet) when one is not."""
        out = {}
        for symbol, _name, field_call, _index in FIELDS:
            if field_call != call:
                continue
            text = self.inputs[symbol].text()
            try:
                value = predict.parse_guess(text)
            except predict.GuessError:
                if not quiet:
                    self._say_problem(
                        translate(
                            "Predict",
                            "{symbol}: “{text}” is not a number. Type a number such as -3.51 "
                            "(or leave the field empty).",
                        ).format(symbol=symbol, text=text.strip()[:30])
                    )
                return None
            if value is not None:
                out[symbol] = value
        return out

    def _history_grads(self, step: int) -> tuple[float | None, float | None]:
        """The w.grad and b.grad the update `step` used (from the history)."""
        series = self.controller.series
        if step <= 0 or not series.length:
            return None, None
        steps = series["step"]
        for i in range(len(steps) - 1, -1, -1):
            if steps[i] == step:
                g0, g1 = float(series["g0"][i]), float(series["g1"][i])
                return (g0 if g0 == g0 else None), (g1 if g1 == g1 else None)
            if steps[i] < step:
                break
        return None, None

    def _say_problem(self, text: str) -> None:
        colour = self._colours.grad
        self._shown_result = None
        self.result.setText(f"<p style='color:{colour}'>{html.escape(text)}</p>")

    @Slot()
    def _show_tally(self) -> None:
        right, made = self.controller.exercises.progress.tally(self._lesson or "none")
        where = self._lesson_title or self._lesson
        self.tally.setText(
            translate(
                "Predict", "In this lesson ({lesson}): {right} of {made} guesses right."
            ).format(lesson=where, right=right, made=made)  # fmt: skip
        )

    @Slot()
    def _refresh(self) -> None:
        c = self.controller
        snap = c.snapshot
        on = self.mode.isChecked()
        ready = bool(c.ready and snap is not None)
        call = snap.next_phase if ready and snap.next_phase in ("backward", "step") else None
        linear = ready and snap.model_kind == "linear"
        # Called on every frame of a run: the widgets change only when what they
        # show depends on changed.
        key = (on, ready, call, linear, self._waiting, c.config.loss)
        if key == self._shown_key:
            return
        self._shown_key = key
        for symbol, _name, field_call, _index in FIELDS:
            self.inputs[symbol].setEnabled(
                on and linear and call == field_call and not self._waiting
            )
        self.button.setEnabled(on and linear and not self._waiting)
        if call == "backward":
            self.button.setText(translate("Predict", "Run loss.backward() and compare"))
            self.button.setToolTip(
                translate("Predict", "Runs loss.backward(), then puts PyTorch's w.grad and b.grad beside your guess.")
            )  # fmt: skip
            text = translate("Predict", "Next: loss.backward(). What will w.grad and b.grad be?")
            if c.config.loss == "mse":
                text += " " + translate(
                    "Predict",
                    "For MSE: ∂L/∂w = (2/N)·Σ(ŷ − y)·x and ∂L/∂b = (2/N)·Σ(ŷ − y) (lesson 9).",
                )
        elif call == "step":
            self.button.setText(translate("Predict", "Run optimizer.step() and compare"))
            self.button.setToolTip(
                translate("Predict", "Runs optimizer.step(), then puts PyTorch's new w and b beside your guess.")
            )  # fmt: skip
            text = translate(
                "Predict",
                "Next: optimizer.step(). What will w and b be after it? w, b and their .grad "
                "are in the Values panel, lr in the Controls.",
            )
        else:
            self.button.setText(translate("Predict", "Run up to backward()"))
            self.button.setToolTip(
                translate("Predict", "Runs model(x), the loss and zero_grad(): then it is time to guess.")
            )  # fmt: skip
            text = translate("Predict", "Run up to backward(), then guess.")
        if not on:
            text = translate(
                "Predict",
                "Turn predict mode on, then guess before each backward() and step(). The "
                "button here, the phase buttons and F10 all compare your guess when they run "
                "the call.",
            )
        elif ready and not linear:
            text = translate("Predict", "Predict mode works with the linear model (w and b).")
        self.next_label.setText(text)
